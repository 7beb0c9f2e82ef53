//! Cleaning: marks web and newspaper noise, markdown residue, the title and
//! metadata lines as removed (each with its reason and offset), and reads the
//! metadata they carry. Everything here is generic page furniture; nothing
//! names a particular report.

use std::sync::LazyLock;

use regex::Regex;

use super::fold::{fold, fold_str};
use super::stream::{is_space, Doc};
use crate::model::RemovedReason;

/// What cleaning learned about the report.
#[derive(Debug, Default, Clone)]
pub struct Meta {
    /// The report's own title line.
    pub title: Option<String>,
    /// The front matter's `title:` as written (a fallback for `title`).
    pub fm_title: Option<String>,
    /// The front matter's `source:` page address.
    pub fm_source: Option<String>,
    pub publisher: Option<String>,
    /// The date the report was delivered or adopted (dateline, adoption note).
    pub delivered: Option<String>,
    /// A web or publication date of the page.
    pub published: Option<String>,
    pub origin: Option<String>,
    /// The dateline, folded and without white space ("2024年1月23日在X第…届人民代表大会第…次会议上").
    pub dateline: Option<String>,
    /// The speaker's name ("刘捷").
    pub speaker: Option<String>,
    /// The speaker's line without white space ("浙江省省长刘捷").
    pub speaker_line: Option<String>,
}

static BREADCRUMB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(当前位置|您的位置|您现在的位置|你的位置|你现在的位置|所在位置|位置)\s*[::]|首页\s*(>|>|»|›|/|-)").unwrap_or_else(|_| unreachable!())
});
static JUMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"下转\s*第?\s*\d{1,3}\s*版|[((]\s*(上接|下转|转|接)\s*第?\s*\d{1,3}\s*版\s*[))]|上接\s*第?\s*\d{1,3}\s*版")
        .unwrap_or_else(|_| unreachable!())
});
pub static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?")
        .unwrap_or_else(|_| unreachable!())
});
static MD_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*#{1,6}\s+").unwrap_or_else(|_| unreachable!()));

/// Words that make up web page chrome lines (字号:大 中 小 / 打印 / 分享到 …).
const CHROME_WORDS: &[&str] = &[
    "返回顶部",
    "我要纠错",
    "有话要说",
    "发表评论",
    "打印本页",
    "关闭窗口",
    "扫一扫",
    "在手机打开",
    "当前页",
    "分享到",
    "收藏本页",
    "字体",
    "字号",
    "打印",
    "下载",
    "收藏",
    "关闭",
    "分享",
    "评论",
    "默认",
    "微信",
    "微博",
    "朋友圈",
    "大",
    "中",
    "小",
    "【",
    "】",
    "[",
    "]",
    "【",
    "】",
    ":",
    ":",
    "|",
    "|",
    "、",
    ".",
    "…",
    "·",
    "/",
    "。",
];

/// Is this line nothing but page chrome?
pub fn is_chrome(line: &str) -> bool {
    // Chrome lines are short; never scan a flattened body line.
    if line.chars().count() > 80 {
        return false;
    }
    let mut rest: String = line.chars().filter(|c| !is_space(*c)).map(fold).collect();
    if rest.is_empty() {
        return false;
    }
    let had_word = CHROME_WORDS[..20].iter().any(|w| rest.contains(w));
    if !had_word {
        return false;
    }
    for w in CHROME_WORDS {
        rest = rest.replace(w, "");
    }
    rest.is_empty()
}

pub fn is_breadcrumb(line: &str) -> bool {
    BREADCRUMB.is_match(fold_str(line).trim_matches(is_space))
}

/// An ISO date read from text, if it holds one.
pub fn parse_date(s: &str) -> Option<String> {
    let s = cn_numerals_to_digits(&fold_str(s));
    let c = DATE.captures(&s)?;
    let y: u32 = c.get(1)?.as_str().parse().ok()?;
    let m: u32 = c.get(2)?.as_str().parse().ok()?;
    let d: u32 = c.get(3)?.as_str().parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Chinese numerals of a date as digits: 二〇二四年一月二十三日 → 2024年1月23日.
/// Other text is unchanged.
pub fn cn_numerals_to_digits(s: &str) -> String {
    const DIGITS: &str = "〇○零一二三四五六七八九";
    let value = |c: char| match c {
        '〇' | '○' | '零' => Some(0),
        _ => "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32 + 1),
    };
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < cs.len() {
        let run = cs[i..]
            .iter()
            .take_while(|c| DIGITS.contains(**c) || **c == '十')
            .count();
        if run > 0 {
            let unit = cs.get(i + run).copied();
            let word: String = cs[i..i + run].iter().collect();
            let converted = match unit {
                Some('年') if run == 4 && !word.contains('十') => word
                    .chars()
                    .map(|c| value(c).map(|v| char::from(b'0' + v as u8)))
                    .collect::<Option<String>>(),
                Some('月' | '日') if run <= 3 => {
                    let w: String = word
                        .chars()
                        .map(|c| if c == '〇' || c == '○' { '零' } else { c })
                        .collect();
                    super::outline::cn_value(&w).map(|v| v.to_string())
                }
                _ => None,
            };
            match converted {
                Some(d) => out.push_str(&d),
                None => out.push_str(&word),
            }
            i += run;
            continue;
        }
        out.push(cs[i]);
        i += 1;
    }
    out
}

fn no_space(s: &str) -> String {
    s.chars().filter(|c| !is_space(*c)).collect()
}

/// Clean the document in place and return what was learned.
pub fn clean(doc: &mut Doc) -> Meta {
    let mut meta = Meta::default();
    let lines = doc.lines();
    strip_front_matter(doc, &lines, &mut meta);
    for &(s, e) in &lines {
        clean_line(doc, s, e);
    }
    super::head::read_head(doc, &lines, &mut meta);
    remove_running_titles(doc, &lines, &meta);
    remove_body_title(doc, &meta);
    meta
}

fn strip_front_matter(doc: &mut Doc, lines: &[(usize, usize)], meta: &mut Meta) {
    let mut it = lines
        .iter()
        .filter(|(s, e)| !doc.kept_text(*s, *e).is_empty());
    let Some(&(fs, fe)) = it.next() else { return };
    if doc.kept_text(fs, fe) != "---" {
        return;
    }
    let Some(&(_, ce)) = it.find(|(s, e)| doc.kept_text(*s, *e) == "---") else {
        return;
    };
    for &(s, e) in lines.iter().filter(|(s, _)| *s >= fs && *s < ce) {
        let t = fold_str(&doc.kept_text(s, e));
        if let Some(v) = t.strip_prefix("title:") {
            let v = v.trim_matches(|c: char| is_space(c) || c == '"' || c == '\'');
            if !v.is_empty() {
                meta.fm_title = Some(v.to_string());
            }
        }
        if let Some(v) = t.strip_prefix("source:") {
            let v = v.trim_matches(|c: char| is_space(c) || c == '"' || c == '\'' || c == '-');
            if !v.is_empty() && meta.fm_source.is_none() {
                meta.fm_source = Some(v.to_string());
            }
        } else if meta.fm_source.is_none() && t.trim_start().starts_with("- http") {
            meta.fm_source = Some(
                t.trim_matches(|c: char| is_space(c) || c == '-')
                    .to_string(),
            );
        }
        if let Some(d) = (t.starts_with("date")).then(|| parse_date(&t)).flatten() {
            meta.published = Some(d);
        }
    }
    doc.remove(fs, ce, RemovedReason::Markdown);
}

fn clean_line(doc: &mut Doc, s: usize, e: usize) {
    let line = doc.kept_text(s, e);
    if line.is_empty() {
        return;
    }
    if is_breadcrumb(&line) {
        doc.remove(s, e, RemovedReason::Breadcrumb);
        return;
    }
    if is_chrome(&line) || matches!(line.as_str(), "---" | "***" | "___") {
        let reason = if line.starts_with(['-', '*', '_']) {
            RemovedReason::Markdown
        } else {
            RemovedReason::PageChrome
        };
        doc.remove(s, e, reason);
        return;
    }
    let raw: String = doc.chars[s..e].iter().map(|c| fold(*c)).collect();
    if let Some(m) = raw
        .trim_start()
        .starts_with('#')
        .then(|| MD_HEADING.find(&raw))
        .flatten()
    {
        let start = s + raw[..m.start()].chars().count();
        let end = s + raw[..m.end()].chars().count();
        doc.remove_transparent(start, end, RemovedReason::Markdown);
    }
    // **bold** and __bold__ markers.
    let mut i = s;
    while i + 1 < e {
        if (doc.chars[i] == '*' && doc.chars[i + 1] == '*')
            || (doc.chars[i] == '_' && doc.chars[i + 1] == '_')
        {
            doc.remove_transparent(i, i + 2, RemovedReason::Markdown);
            i += 2;
        } else {
            i += 1;
        }
    }
    let jumps: Vec<_> = if raw.contains('版') {
        JUMP.find_iter(&raw).collect()
    } else {
        Vec::new()
    };
    for m in jumps {
        let start = s + raw[..m.start()].chars().count();
        let end = s + raw[..m.end()].chars().count();
        doc.remove_transparent(start, end, RemovedReason::JumpMarker);
    }
}

/// Lines after the head that repeat the title (running titles at page
/// breaks), or repeat another short non-sentence line.
fn remove_running_titles(doc: &mut Doc, lines: &[(usize, usize)], meta: &Meta) {
    let title = meta.title.as_deref().map(no_space);
    let removed_titles: Vec<String> = doc
        .removed
        .iter()
        .filter(|r| matches!(r.reason, RemovedReason::Title | RemovedReason::SiteName))
        .map(|r| no_space(&r.text))
        .collect();
    // A site name glued to a title forms one printed line: rebuild it.
    let mut printed_title_lines = Vec::new();
    // Running titles are short lines: never look at a long body line.
    let lines: Vec<(usize, usize)> = lines
        .iter()
        .copied()
        .filter(|(s, e)| e - s <= 200)
        .collect();
    let lines = &lines[..];
    for &(s, e) in lines {
        let all: String = no_space(&doc.slice(s, e));
        let fully_removed = doc.kept_text(s, e).is_empty();
        if fully_removed
            && removed_titles
                .iter()
                .any(|t| !t.is_empty() && all.contains(t.as_str()))
        {
            printed_title_lines.push(all);
        }
    }
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for &(s, e) in lines {
        let t = no_space(&doc.kept_text(s, e));
        if !t.is_empty() {
            *counts.entry(t).or_default() += 1;
        }
    }
    for &(s, e) in lines {
        let t = no_space(&doc.kept_text(s, e));
        if t.is_empty() {
            continue;
        }
        let is_title = title.as_deref() == Some(t.as_str()) || printed_title_lines.contains(&t);
        let repeated = counts.get(&t).copied().unwrap_or(0) >= 2
            && t.chars().count() <= 60
            && !t.ends_with('。')
            && super::outline::parse_marker(&t).is_none();
        if is_title || repeated {
            doc.remove(s, e, RemovedReason::RunningTitle);
        }
    }
}

/// A title repeated as the first words of the body (often broken by spaces).
fn remove_body_title(doc: &mut Doc, meta: &Meta) {
    let Some(title) = meta.title.as_deref().map(no_space) else {
        return;
    };
    let toks = doc.tokens();
    let mut acc = String::new();
    for (k, t) in toks.iter().enumerate().take(8) {
        acc.push_str(&t.text());
        if acc == title {
            let (s, e) = (toks[0].start(), t.end());
            doc.remove(s, e, RemovedReason::Title);
            return;
        }
        if !title.starts_with(&acc) {
            return;
        }
        let _ = k;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_lines() {
        for l in [
            "字号:",
            "分享:",
            "有话要说...",
            "【字号 大 中 小】",
            "【打印】【关闭】",
            "下载 打印 收藏",
        ] {
            assert!(is_chrome(l), "{l}");
        }
        for l in [
            "各位代表:",
            "大力发展新质生产力。",
            "中小企业",
            "下载量增长",
        ] {
            assert!(!is_chrome(l), "{l}");
        }
    }

    #[test]
    fn breadcrumbs() {
        assert!(is_breadcrumb("当前位置:首页 > 新闻 > 正文"));
        assert!(is_breadcrumb("首页 > 政务公开 > 规划计划"));
        assert!(!is_breadcrumb("首页经济快速发展"));
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2024-02-07").as_deref(), Some("2024-02-07"));
        assert_eq!(
            parse_date("(2024年1月27日上海市…通过)").as_deref(),
            Some("2024-01-27")
        );
        assert_eq!(parse_date("2024年增长5%"), None);
        assert_eq!(
            parse_date("二〇二四年一月二十三日在大会上").as_deref(),
            Some("2024-01-23")
        );
        assert_eq!(
            parse_date("二○一二年十二月五日").as_deref(),
            Some("2012-12-05")
        );
        assert_eq!(cn_numerals_to_digits("一年来,十二个月"), "一年来,十二个月");
    }

    #[test]
    fn jump_marker_vanishes_inside_a_paragraph() {
        let mut doc = Doc::new("一、总体\n  研制。 下转 12版(上接第11版)保持发展势头。\n");
        clean(&mut doc);
        let toks: Vec<String> = doc.tokens().iter().map(|t| t.text()).collect();
        assert_eq!(toks, ["一、总体", "研制。保持发展势头。"]);
        assert_eq!(
            doc.removed
                .iter()
                .filter(|r| r.reason == RemovedReason::JumpMarker)
                .count(),
            2
        );
    }
}
