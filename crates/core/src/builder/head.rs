//! The head of a report: the lines between the top of the page (after the
//! front matter and chrome) and the salutation or the first line of the body.
//!
//! Each head line is classified (title, dateline, speaker, 来源/时间 line,
//! adoption note, publisher) and removed from the body as `Title` or
//! `Metadata`; what it says goes into [`Meta`]. Reading the region, years and
//! level from what is collected here is `meta`'s job, not this file's.
//! Nothing here names a particular report.

use std::sync::LazyLock;

use regex::Regex;

use super::clean::{parse_date, Meta};
use super::stream::{is_space, Doc};
use crate::model::RemovedReason;
use crate::text::fold::fold_width_str;

/// The offices a work report's speaker holds ("X省长 张三", "国务院总理 李四").
pub const OFFICES: &str = "副总理|总理|省长|市长|区长|县长|州长|盟长|旗长|主席|主任";

static META_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(来源|来自|发布时间|发布日期|发布机构|发文机关|日期|时间|作者|编辑|信息来源|文章来源|浏览次数|访问量|阅读量|点击数|索引号|文号|发文字号|成文日期)\s*[::]\s*(.*)$")
        .unwrap_or_else(|_| unreachable!())
});
static PUBLISHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\p{Han}()()]{2,30}(委员会|人民政府|政府|办公厅|办公室|统计局|发展改革委|发改委|局|厅)$",
    )
    .unwrap_or_else(|_| unreachable!())
});
/// "浙江省省长刘捷", "省人民政府省长阮成发", "国务院副总理兼国家计划委员会主任姚依林"
/// (white space already removed), optionally followed by a date.
static SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\p{{Han}}()&&[^我的在是了]]{{0,24}}?(?:代理|代)?(?:{OFFICES}):?([\p{{Han}}·•&&[^我的在是了]]{{2,10}})$"
    ))
    .unwrap_or_else(|_| unreachable!())
});
/// An office on a line of its own, the name on the next: "海口市人民政府市长" / "王某".
static OFFICE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\p{{Han}}()&&[^我的在是了]]{{0,24}}?(?:代理|代)?(?:{OFFICES}):?$"
    ))
    .unwrap_or_else(|_| unreachable!())
});
static NAME_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\p{Han}·•]{2,10}$").unwrap_or_else(|_| unreachable!()));
/// "(2003年2月16日 陈良宇)": the date and the speaker of a compiled report.
static DATE_SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*([\p{Han}·•]{2,10}(?:\s[\p{Han}]{1,3})?)\s*\)$")
        .unwrap_or_else(|_| unreachable!())
});
/// The (continued) end of a dateline broken over two lines: "第一次会议上".
static DATELINE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^第[一二三四五六七八九十\d]{1,3}次(?:全体)?会议(?:上|通过|批准)?[))]?$")
        .unwrap_or_else(|_| unreachable!())
});
/// "(2020年)": a bracketed year alone.
static YEAR_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:19|20)\d{2}\s*年?\s*$").unwrap_or_else(|_| unreachable!())
});
static TRAILING_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\(?(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\)?$")
        .unwrap_or_else(|_| unreachable!())
});

fn no_space(s: &str) -> String {
    s.chars().filter(|c| !is_space(*c)).collect()
}

/// `s` folded, without white space, without a leading run of dashes.
fn flat(s: &str) -> String {
    let f = fold_width_str(&no_space(s));
    f.trim_start_matches(['-', '—', '─', '―', '~', '–'])
        .to_string()
}

/// The words a title line carries.
pub fn looks_like_title(line: &str) -> bool {
    let t = line.trim_matches(is_space);
    let n = t.chars().count();
    (4..=120).contains(&n)
        && !t.contains('。')
        && ["报告", "计划", "规划", "纲要", "决议", "草案", "执行情况"]
            .iter()
            .any(|k| t.contains(k))
        && !is_dateline(&flat(t))
}

/// Does a line open the body (a heading, a salutation, a real paragraph, a table)?
pub fn opens_body(line: &str) -> bool {
    let folded = fold_width_str(line);
    let t = folded.trim_matches(is_space);
    super::outline::parse_marker(t).is_some()
        || is_salutation(t)
        || t.ends_with(':')
        || (t.contains('。') && t.chars().count() > 30)
        || t.starts_with('表') && t.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
}

/// "各位代表:", "各位代表!", "同志们:" — the salutation that opens the speech.
pub fn is_salutation(line: &str) -> bool {
    let f = flat(line);
    let f = f.trim_matches('*');
    let core = f.trim_end_matches([':', '!', ',', '!', ':']);
    core.chars().count() <= 10
        && (core.starts_with("各位代表") || core.starts_with("各位委员") || core == "同志们")
}

/// A dateline: "2024年1月23日在浙江省第十四届人民代表大会第二次会议上",
/// "(2018年2月6日在贵阳市…会议上)", "在第五届全国人民代表大会第三次会议上",
/// "(2024年1月27日上海市第十六届人民代表大会第二次会议通过)".
pub fn is_dateline(f: &str) -> bool {
    let n = f.chars().count();
    n <= 80
        && !f.contains('。')
        && (f.contains("人民代表大会") || f.contains("人大"))
        && (f.contains("会议") || f.contains("人民代表大会上") || parse_date(f).is_some())
        && (parse_date(f).is_some()
            || f.starts_with('在')
            || f.starts_with("(在")
            || f.ends_with('上')
            || f.ends_with("上)")
            || f.ends_with("通过)"))
}

/// Read the title and metadata lines at the top, before the body opens.
pub fn read_head(doc: &mut Doc, lines: &[(usize, usize)], meta: &mut Meta) {
    let mut title_flat: Option<String> = meta.title.as_deref().map(no_space);
    let fm_flat: Option<String> = meta.fm_title.as_deref().map(no_space);
    let mut after_dateline = false;
    let mut seen = 0;
    let nonblank: Vec<(usize, usize)> = lines
        .iter()
        .copied()
        .filter(|&(s, e)| (s..e).any(|i| doc.is_kept(i) && !is_space(doc.chars[i])))
        .take(41)
        .flat_map(|(s, e)| flattened_head_units(doc, s, e))
        .collect();
    let mut skip_next = false;
    for (k, &(s, e)) in nonblank.iter().enumerate() {
        if std::mem::take(&mut skip_next) {
            continue;
        }
        let line = doc.kept_text(s, e);
        if line.is_empty() {
            continue;
        }
        seen += 1;
        if seen > 40 {
            break;
        }
        let f = flat(&line);
        if f.starts_with("<!--") {
            // An HTML comment (a photo caption): not part of the head's text.
            continue;
        }
        if is_salutation(&line) {
            break;
        }
        let tail = after_dateline && DATELINE_TAIL.is_match(&f);
        after_dateline = false;
        if tail {
            let joined = format!("{}{}", meta.dateline.clone().unwrap_or_default(), f);
            meta.dateline = Some(joined);
            doc.remove(s, e, RemovedReason::Metadata);
            continue;
        }
        let same_as_title = title_flat.as_deref() == Some(no_space(&line).as_str());
        if same_as_title {
            doc.remove(s, e, RemovedReason::Title);
            continue;
        }
        // A dateline broken before 人民代表大会: "在X市第十二届" / "人民代表大会第四次会议上".
        if !is_dateline(&f)
            && (f.contains('届') || f.starts_with('在') || parse_date(&f).is_some())
            && f.chars().count() <= 40
        {
            if let Some(&(ns, ne)) = nonblank.get(k + 1) {
                let joined = format!("{f}{}", flat(&doc.kept_text(ns, ne)));
                if is_dateline(&joined) {
                    read_dateline(&joined, meta);
                    doc.remove(s, e, RemovedReason::Metadata);
                    doc.remove(ns, ne, RemovedReason::Metadata);
                    skip_next = true;
                    after_dateline = !(joined.ends_with('上') || joined.ends_with(')'));
                    continue;
                }
            }
        }
        if is_dateline(&f) {
            read_dateline(&f, meta);
            doc.remove(s, e, RemovedReason::Metadata);
            after_dateline = !(f.ends_with('上') || f.ends_with(')') || f.ends_with("通过"));
            continue;
        }
        if OFFICE_ONLY.is_match(&f) {
            if let Some(&(ns, ne)) = nonblank.get(k + 1) {
                let next = flat(&doc.kept_text(ns, ne));
                if NAME_ONLY.is_match(&next)
                    && !is_salutation(&next)
                    && read_speaker(&format!("{f}{next}"), meta)
                {
                    doc.remove(s, e, RemovedReason::Metadata);
                    doc.remove(ns, ne, RemovedReason::Metadata);
                    skip_next = true;
                    continue;
                }
            }
        }
        if OFFICE_ONLY.is_match(&f) {
            // "市长" alone: the office without its holder's name.
            if meta.speaker_line.is_none() {
                meta.speaker_line = Some(f.clone());
            }
            doc.remove(s, e, RemovedReason::Metadata);
            continue;
        }
        if meta.speaker.is_none()
            && NAME_ONLY.is_match(&f)
            && (f.chars().count() <= 4 || f.contains(['·', '•']))
            && !looks_like_title(&f)
        {
            // A name alone under the title or dateline: the speaker.
            meta.speaker = Some(f.clone());
            doc.remove(s, e, RemovedReason::Metadata);
            continue;
        }
        if read_speaker(&line, meta) {
            doc.remove(s, e, RemovedReason::Metadata);
            continue;
        }
        if looks_like_title(&line) && !opens_body_strictly(&line) {
            if meta.title.is_none() {
                read_title_line(doc, s, e, meta);
                title_flat = meta.title.as_deref().map(no_space);
            } else {
                // A second title line: a subtitle, or the front matter's title repeated.
                doc.remove(s, e, RemovedReason::Title);
            }
            continue;
        }
        if read_meta_line(doc, s, e, &line, meta) {
            continue;
        }
        if opens_body(&line) {
            break;
        }
        if meta.title.is_none()
            && fm_flat.is_none()
            && line.chars().count() <= 40
            && !line.contains('。')
            && !["回顾", "工作安排", "总体要求", "主要任务"]
                .iter()
                .any(|w| line.contains(w))
        {
            // A short first line with none of the usual words: still the title.
            read_title_line(doc, s, e, meta);
            title_flat = meta.title.as_deref().map(no_space);
            continue;
        }
        break;
    }
    if meta.title.is_none() {
        meta.title = meta.fm_title.as_deref().map(clean_title);
    }
}

/// A page that flattened its head into one line ("政府工作报告 ——2024年…会议上
/// 某省省长 王某 各位代表: 现在,…"): the pieces before the salutation, split
/// at white space, are read as head lines; the rest stays one unit. Any
/// other line is itself.
fn flattened_head_units(doc: &Doc, s: usize, e: usize) -> Vec<(usize, usize)> {
    const SALUTATION: [char; 4] = ['各', '位', '代', '表'];
    if e - s <= 80 {
        return vec![(s, e)];
    }
    let limit = e.min(s + 300);
    let Some(sal) = (s..limit.saturating_sub(3))
        .find(|&i| doc.chars[i..i + 4] == SALUTATION && (s..i).any(|j| is_space(doc.chars[j])))
    else {
        return vec![(s, e)];
    };
    let mut units = Vec::new();
    let mut i = s;
    while i < sal {
        while i < sal && (is_space(doc.chars[i]) || !doc.is_kept(i)) {
            i += 1;
        }
        let st = i;
        while i < sal && !is_space(doc.chars[i]) {
            i += 1;
        }
        if st < i {
            units.push((st, i));
        }
    }
    units.push((sal, e));
    units
}

/// A numbered heading or a table caption: never a title line, even with 报告 in it.
fn opens_body_strictly(line: &str) -> bool {
    let folded = fold_width_str(line);
    let t = folded.trim_matches(is_space);
    super::outline::parse_marker(t).is_some()
        || t.starts_with('表') && t.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
}

fn read_dateline(f: &str, meta: &mut Meta) {
    if meta.dateline.is_none() {
        meta.dateline = Some(f.to_string());
    }
    if meta.delivered.is_none() {
        meta.delivered = parse_date(f);
    }
}

/// A speaker line ("浙江省省长 刘捷", "(2003年2月16日 陈良宇)"): the speaker
/// and the office line go into `meta`.
fn read_speaker(line: &str, meta: &mut Meta) -> bool {
    let folded = fold_width_str(line.trim_matches(is_space));
    if let Some(c) = DATE_SPEAKER.captures(&folded) {
        if meta.delivered.is_none() {
            meta.delivered = c.get(1).and_then(|m| parse_date(m.as_str()));
        }
        if meta.speaker.is_none() {
            meta.speaker = c.get(2).map(|m| no_space(m.as_str()));
        }
        return true;
    }
    let f = flat(line);
    if f.chars().count() > 48 {
        return false;
    }
    // A web date after the name: "海南省省长 沈晓明 2020年01月22日".
    let (f, date) = match TRAILING_DATE.find(&f) {
        Some(m) if m.start() > 0 => (f[..m.start()].to_string(), parse_date(m.as_str())),
        _ => (f.clone(), None),
    };
    let Some(c) = SPEAKER.captures(&f) else {
        return false;
    };
    if meta.speaker.is_none() {
        meta.speaker = c.get(1).map(|m| m.as_str().to_string());
    }
    if meta.speaker_line.is_none() {
        meta.speaker_line = Some(f.clone());
    }
    if meta.published.is_none() {
        meta.published = date;
    }
    true
}

/// Strip what a page adds around a printed title: markdown stars, a
/// footnote reference (`[^1]`), a 原标题: label, trailing dashes.
fn tidy_title(t: &str) -> String {
    static FOOTNOTE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\[\^?\d{1,3}\]$").unwrap_or_else(|_| unreachable!()));
    let mut t = t.trim_matches(['*', '#', '_']).to_string();
    if let Some(m) = FOOTNOTE.find(&t) {
        t.truncate(m.start());
    }
    let folded = fold_width_str(&t);
    if let Some(rest) = folded.strip_prefix("原标题:") {
        let skip = t.chars().count() - rest.chars().count();
        t = t.chars().skip(skip).collect();
    }
    t.trim_end_matches(['—', '-', '─'])
        .trim_matches(is_space)
        .to_string()
}

/// Clean a front-matter title: drop a trailing "(2022年1月12日 某某)" or
/// "(2020年)" note and a title printed twice in a row.
pub fn clean_title(t: &str) -> String {
    let mut t = tidy_title(t.trim_matches(is_space));
    // A trailing bracketed note of date / year / speaker.
    let folded = fold_width_str(&t);
    if folded.ends_with(')') {
        if let Some(open) = folded.rfind('(') {
            let inner = &folded[open + 1..folded.len() - 1];
            let dated = parse_date(inner).is_some() || YEAR_ONLY.is_match(inner);
            if dated && open > 0 {
                let n = folded[..open].chars().count();
                t = t.chars().take(n).collect::<String>();
                t = t.trim_matches(is_space).to_string();
            }
        }
    }
    // "X报告X报告": the same title twice.
    let cs: Vec<char> = t.chars().collect();
    if cs.len().is_multiple_of(2) && cs.len() >= 8 && cs[..cs.len() / 2] == cs[cs.len() / 2..] {
        t = cs[..cs.len() / 2].iter().collect();
    }
    t
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
        let p = fold_width_str(&doc.slice(ps, pe));
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
    let title = tidy_title(&no_space_keep_latin(&doc.kept_text(ts, te)));
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
    let folded = fold_width_str(printed);
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
            "作者" | "编辑" | "浏览次数" | "访问量" | "阅读量" | "点击数" | "索引号" | "文号"
            | "发文字号" => {}
            _ => {
                if meta.published.is_none() {
                    meta.published = parse_date(val);
                }
            }
        }
    } else if meta.published.is_none() {
        meta.published = parse_date(p);
    }
}

/// A metadata line of the head: date, 来源, adoption note, publisher.
fn read_meta_line(doc: &mut Doc, s: usize, e: usize, line: &str, meta: &mut Meta) -> bool {
    let f = fold_width_str(&no_space(line));
    let f = super::clean::cn_numerals_to_digits(&f);
    // A bracketed note of the head: an adoption note, a date (2003年1月10日,
    // 征求意见稿), a 公布稿 or similar remark; never a sentence.
    let is_note = f.starts_with('(')
        && f.ends_with(')')
        && !f.contains('。')
        && (["通过", "批准", "会议", "审议", "讨论", "稿"]
            .iter()
            .any(|k| f.contains(k))
            || parse_date(&f).is_some());
    let is_dash_note = (f.starts_with("——") || f.starts_with("--"))
        && (f.contains("会议") || parse_date(&f).is_some());
    let date_only = parse_date(&f).is_some()
        && super::clean::DATE
            .replace(&f, "")
            .chars()
            .all(|c| !c.is_alphanumeric() || c.is_ascii_digit())
        && f.chars().count() <= 24;
    if META_KEY.is_match(&f) || date_only {
        // "来源: 浙江日报 时间: 2024-01-23": key/value pieces.
        let folded_line = fold_width_str(line);
        for piece in split_meta_pieces(&folded_line) {
            read_meta_piece(&piece, meta);
        }
    } else if is_note || is_dash_note {
        if meta.delivered.is_none() {
            meta.delivered = parse_date(&f);
        }
    } else if PUBLISHER.is_match(&f) {
        if meta.publisher.is_none() {
            meta.publisher = Some(line.trim_matches(is_space).to_string());
        }
    } else {
        return false;
    }
    doc.remove(s, e, RemovedReason::Metadata);
    true
}

/// Split "来源: 浙江日报 时间: 2024-01-23" into one piece per key; a piece
/// without a key stays as printed.
fn split_meta_pieces(line: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in line.split(is_space).filter(|p| !p.is_empty()) {
        let starts_key = META_KEY.is_match(word) || parse_date(word).is_some();
        match out.last_mut() {
            Some(last) if !starts_key && last.ends_with([':', ':']) => last.push_str(word),
            _ => out.push(word.to_string()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        for l in [
            "——2024年1月23日在浙江省第十四届人民代表大会第二次会议上",
            "(2018年2月6日在贵阳市第十四届人民代表大会第三次会议上)",
            "——在唐山市第十五届人民代表大会第四次会议上",
            "2003年4月10日在宁波市第十二届人民代表大会第一次会议上",
            "(2024年1月27日上海市第十六届人民代表大会第二次会议通过)",
            "——1980年8月30日在第五届全国人民代表大会第三次会议上",
        ] {
            assert!(is_dateline(&flat(l)), "{l}");
        }
        for l in [
            "全省人民代表大会代表认真履职。",
            "市人民代表大会常务委员会",
            "政府工作报告",
        ] {
            assert!(!is_dateline(&flat(l)), "{l}");
        }
    }

    #[test]
    fn speakers() {
        for (l, name) in [
            ("浙江省省长 刘捷", "刘捷"),
            ("省人民政府省长 阮成发", "阮成发"),
            ("市长   王予波", "王予波"),
            ("东莞市人民政府市长梁维东", "梁维东"),
            ("天津市代市长 张国清", "张国清"),
            ("国务院副总理兼国家计划委员会主任\u{3000}姚依林", "姚依林"),
            ("海南省省长 沈晓明  2020年01月22日", "沈晓明"),
            ("某某省省长 钱某某\u{FF08}2002年1月24日\u{FF09}", "钱某某"),
            ("杭州市人民政府市长 蔡 奇", "蔡奇"),
            ("(2003年2月16日 陈良宇)", "陈良宇"),
            ("(2003年1月10日某某)", "某某"),
            ("省长:郝某", "郝某"),
        ] {
            let mut m = Meta::default();
            assert!(read_speaker(l, &mut m), "{l}");
            assert_eq!(m.speaker.as_deref(), Some(name), "{l}");
        }
        let mut m = Meta::default();
        for l in [
            "2017年工作回顾",
            "各位代表:",
            "主要任务和措施",
            "我代表市长们发言",
        ] {
            assert!(!read_speaker(l, &mut m), "{l}");
        }
    }

    #[test]
    fn salutations() {
        assert!(is_salutation("各位代表:"));
        assert!(is_salutation("**各位代表\u{FF1A}**"));
        assert!(is_salutation("各位代表!"));
        assert!(!is_salutation("各位代表认真审议了报告并提出了很多意见。"));
    }

    #[test]
    fn printed_titles_lose_page_additions() {
        assert_eq!(tidy_title("*政府工作报告"), "政府工作报告");
        assert_eq!(tidy_title("1964年政府工作报告[^1]"), "1964年政府工作报告");
        assert_eq!(tidy_title("原标题\u{FF1A}政府工作报告——"), "政府工作报告");
        assert_eq!(tidy_title("关于2030年计划[草案]"), "关于2030年计划[草案]");
    }

    #[test]
    fn front_matter_titles_are_cleaned() {
        assert_eq!(
            clean_title("唐山市政府工作报告\u{FF08}2019年1月27日 丁绣峰\u{FF09}"),
            "唐山市政府工作报告"
        );
        assert_eq!(
            clean_title("重庆市人民政府工作报告(2020年)"),
            "重庆市人民政府工作报告"
        );
        assert_eq!(
            clean_title("2009年广州市政府工作报告2009年广州市政府工作报告"),
            "2009年广州市政府工作报告"
        );
        // Full-width brackets that are part of the title are kept as printed.
        assert_eq!(
            clean_title("政府工作报告\u{FF08}摘要\u{FF09}"),
            "政府工作报告\u{FF08}摘要\u{FF09}"
        );
    }
}
