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
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub date: Option<String>,
    pub origin: Option<String>,
    /// Lines of the head (title, adoption note) the region and years can be read from.
    pub head_lines: Vec<String>,
}

static BREADCRUMB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(当前位置|您的位置|您现在的位置|你的位置|你现在的位置|所在位置|位置)\s*[::]|首页\s*(>|>|»|›|/|-)").unwrap_or_else(|_| unreachable!())
});
static JUMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"下转\s*第?\s*\d{1,3}\s*版|[((]\s*(上接|下转|转|接)\s*第?\s*\d{1,3}\s*版\s*[))]|上接\s*第?\s*\d{1,3}\s*版")
        .unwrap_or_else(|_| unreachable!())
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?")
        .unwrap_or_else(|_| unreachable!())
});
static META_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(来源|来自|发布时间|发布日期|发布机构|发文机关|日期|时间|作者|编辑|责任编辑|信息来源|文章来源|浏览次数|访问量|阅读量|点击数)\s*[::]\s*(.*)$")
        .unwrap_or_else(|_| unreachable!())
});
static MD_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*#{1,6}\s+").unwrap_or_else(|_| unreachable!()));
static PUBLISHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\p{Han}()()]{2,30}(委员会|人民政府|政府|办公厅|办公室|统计局|发展改革委|发改委|局|厅)$",
    )
    .unwrap_or_else(|_| unreachable!())
});
static SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\p{Han}]{0,12}(市长|省长|区长|县长|主席|主任|州长|旗长)\s*[\p{Han}·]{2,5}$")
        .unwrap_or_else(|_| unreachable!())
});

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
    let s = fold_str(s);
    let c = DATE.captures(&s)?;
    let y: u32 = c.get(1)?.as_str().parse().ok()?;
    let m: u32 = c.get(2)?.as_str().parse().ok()?;
    let d: u32 = c.get(3)?.as_str().parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn no_space(s: &str) -> String {
    s.chars().filter(|c| !is_space(*c)).collect()
}

/// Does a line open the body (a heading, a salutation, a real paragraph, a table)?
fn opens_body(line: &str) -> bool {
    let folded = fold_str(line);
    let t = folded.trim_matches(is_space);
    super::outline::parse_marker(t).is_some()
        || t.ends_with(':')
        || (t.contains('。') && t.chars().count() > 30)
        || t.starts_with('表') && t.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
}

fn looks_like_title(line: &str) -> bool {
    let t = line.trim_matches(is_space);
    let n = t.chars().count();
    (4..=120).contains(&n)
        && !t.contains('。')
        && ["报告", "计划", "规划", "纲要", "决议", "草案", "执行情况"]
            .iter()
            .any(|k| t.contains(k))
}

/// Clean the document in place and return what was learned.
pub fn clean(doc: &mut Doc) -> Meta {
    let mut meta = Meta::default();
    let lines = doc.lines();
    strip_front_matter(doc, &lines, &mut meta);
    for &(s, e) in &lines {
        clean_line(doc, s, e);
    }
    read_head(doc, &lines, &mut meta);
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
                meta.title = Some(v.to_string());
            }
        }
        if let Some(d) = (t.starts_with("date")).then(|| parse_date(&t)).flatten() {
            meta.date = Some(d);
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

/// Read the title and metadata lines at the top, before the body opens.
fn read_head(doc: &mut Doc, lines: &[(usize, usize)], meta: &mut Meta) {
    let mut title_line: Option<String> = None;
    for &(s, e) in lines.iter().take(40) {
        let line = doc.kept_text(s, e);
        if line.is_empty() {
            continue;
        }
        if opens_body(&line)
            && !(meta.title.is_none() && looks_like_title(&line) && !line.contains('。'))
        {
            break;
        }
        let flat = no_space(&line);
        if let Some(t) = &meta.title {
            let tf = no_space(t);
            let same = flat == tf || title_line.as_deref() == Some(flat.as_str());
            // "# 政府工作报告" under front matter titled "2024年某省政府工作报告".
            let part =
                looks_like_title(&line) && flat.chars().count() >= 4 && tf.contains(flat.as_str());
            if same || part {
                doc.remove(s, e, RemovedReason::Title);
                continue;
            }
        }
        if meta.title.is_none() && looks_like_title(&line) {
            read_title_line(doc, s, e, meta);
            title_line = Some(flat);
            meta.head_lines.push(line);
            continue;
        }
        if read_meta_line(doc, s, e, &line, meta) {
            meta.head_lines.push(line);
            continue;
        }
        if meta.title.is_none() && line.chars().count() <= 40 && !line.contains('。') {
            // A short first line with none of the usual words: still the title.
            read_title_line(doc, s, e, meta);
            title_line = Some(flat);
            meta.head_lines.push(line);
            continue;
        }
        break;
    }
}

/// A title line: maybe a glued site name before 关于, then the title, then
/// date / 来源 tokens.
fn read_title_line(doc: &mut Doc, s: usize, e: usize, meta: &mut Meta) {
    // Split into space-separated pieces with their char ranges.
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut i = s;
    while i < e {
        while i < e && (is_space(doc.chars[i]) || !doc.is_kept(i)) {
            i += 1;
        }
        let st = i;
        while i < e && !is_space(doc.chars[i]) && doc.is_kept(i) {
            i += 1;
        }
        if st < i {
            pieces.push((st, i));
        }
    }
    let mut title_end = pieces.len();
    for (k, &(ps, pe)) in pieces.iter().enumerate() {
        let p = fold_str(&doc.slice(ps, pe));
        if k > 0 && (parse_date(&p).is_some() || META_KEY.is_match(&p)) {
            title_end = k;
            break;
        }
    }
    let (Some(&(ts, _)), Some(&(_, te))) =
        (pieces.first(), pieces.get(title_end.saturating_sub(1)))
    else {
        return;
    };
    let mut ts = ts;
    let title_text = doc.slice(ts, te);
    if let Some(p) = title_text.find("关于") {
        let n = title_text[..p].chars().count();
        if (1..=16).contains(&n) && !title_text[..p].chars().any(|c| c.is_ascii_digit()) {
            doc.remove(ts, ts + n, RemovedReason::SiteName);
            ts += n;
        }
    }
    let title = no_space_keep_latin(&doc.slice(ts, te));
    doc.remove(ts, te, RemovedReason::Title);
    meta.title = Some(title);
    for &(ps, pe) in &pieces[title_end..] {
        let p = doc.slice(ps, pe);
        read_meta_piece(&p, meta);
        doc.remove(ps, pe, RemovedReason::Metadata);
    }
}

/// Join a title broken over lines/spaces, keeping a space only between Latin words.
fn no_space_keep_latin(s: &str) -> String {
    let mut out = String::new();
    let mut pending_space = false;
    for c in s.chars() {
        if is_space(c) {
            pending_space = true;
            continue;
        }
        if pending_space
            && c.is_ascii_alphanumeric()
            && out
                .chars()
                .last()
                .is_some_and(|p| p.is_ascii_alphanumeric())
        {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

fn read_meta_piece(printed: &str, meta: &mut Meta) {
    let folded = fold_str(printed);
    let p = folded.as_str();
    if let Some(c) = META_KEY.captures(p) {
        let key = c.get(1).map(|m| m.as_str()).unwrap_or("");
        let val = c.get(2).map(|m| m.as_str().trim()).unwrap_or("");
        match key {
            "来源" | "来自" | "信息来源" | "文章来源" if !val.is_empty() => {
                meta.origin = Some(val.to_string())
            }
            "发布机构" | "发文机关" if !val.is_empty() => {
                meta.publisher = Some(val.to_string())
            }
            _ => {
                if meta.date.is_none() {
                    meta.date = parse_date(val);
                }
            }
        }
    } else if meta.date.is_none() {
        meta.date = parse_date(p);
    }
}

/// A metadata line of the head: date, 来源, adoption note, publisher, speaker.
fn read_meta_line(doc: &mut Doc, s: usize, e: usize, line: &str, meta: &mut Meta) -> bool {
    let flat = fold_str(&no_space(line));
    let is_note = flat.starts_with('(')
        && flat.ends_with(')')
        && ["通过", "批准", "会议", "审议", "讨论"]
            .iter()
            .any(|k| flat.contains(k));
    let is_dash_note = (flat.starts_with("——") || flat.starts_with("--"))
        && (flat.contains("会议") || parse_date(&flat).is_some());
    let date_only = parse_date(&flat).is_some()
        && DATE
            .replace(&flat, "")
            .chars()
            .all(|c| !c.is_alphanumeric() || c.is_ascii_digit())
        && flat.chars().count() <= 24;
    if META_KEY.is_match(&flat) || date_only {
        for piece in line.split(is_space).filter(|p| !p.is_empty()) {
            read_meta_piece(piece, meta);
        }
    } else if is_note || is_dash_note {
        if meta.date.is_none() {
            meta.date = parse_date(&flat);
        }
    } else if PUBLISHER.is_match(&flat) || SPEAKER.is_match(line.trim()) {
        if meta.publisher.is_none() {
            meta.publisher = Some(line.trim().to_string());
        }
    } else {
        return false;
    }
    doc.remove(s, e, RemovedReason::Metadata);
    true
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
