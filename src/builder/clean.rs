//! Cleaning: marks web and newspaper noise, markdown residue, the title and
//! metadata lines as removed (each with its reason and offset), and reads the
//! metadata they carry. Everything here is generic page furniture; nothing
//! names a particular report.

use std::sync::LazyLock;

use regex::Regex;

use super::chrome;
use super::fold::{fold, fold_str};
use super::stream::{is_space, Doc};
use crate::model::{Removed, RemovedReason};

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
    chrome::remove_comments(doc);
    chrome::remove_jump_pairs(doc);
    let mut chrome_lines = vec![false; lines.len()];
    for (k, &(s, e)) in lines.iter().enumerate() {
        chrome_lines[k] = clean_line(doc, s, e);
    }
    chrome::remove_weak_chrome(doc, &lines, &mut chrome_lines);
    chrome::remove_related_links(doc, &lines);
    chrome::remove_page_description(doc, &lines);
    read_head(doc, &lines, &mut meta);
    chrome::remove_footer(doc, &lines);
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

/// Clean one line; true when the whole line went as page chrome.
fn clean_line(doc: &mut Doc, s: usize, e: usize) -> bool {
    let line = doc.kept_text(s, e);
    if line.is_empty() {
        return false;
    }
    if chrome::is_breadcrumb(&line) {
        doc.remove(s, e, RemovedReason::Breadcrumb);
        return true;
    }
    if matches!(line.as_str(), "---" | "***" | "___") {
        doc.remove(s, e, RemovedReason::Markdown);
        return false;
    }
    if chrome::is_chrome(&line) || chrome::is_page_id(&line) {
        doc.remove(s, e, RemovedReason::PageChrome);
        return true;
    }
    chrome::remove_bracketed_chrome(doc, s, e);
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
    // A blockquote marker: "> " opening the line, or a lone ">".
    let lead = raw.chars().take_while(|c| is_space(*c)).count();
    let mut after = raw.chars().skip(lead);
    if after.next() == Some('>') && after.next().is_none_or(is_space) {
        doc.remove_transparent(s + lead, s + lead + 1, RemovedReason::Markdown);
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
        chrome::JUMP.find_iter(&raw).collect()
    } else {
        Vec::new()
    };
    for m in jumps {
        let start = s + raw[..m.start()].chars().count();
        let end = s + raw[..m.end()].chars().count();
        doc.remove_transparent(start, end, RemovedReason::JumpMarker);
    }
    if chrome::is_credit(&doc.kept_text(s, e)) {
        doc.remove(s, e, RemovedReason::Credit);
    }
    false
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

/// Running titles: lines after the head that repeat the report's title (or
/// the printed title line), and page headers. A short line seen twice is not
/// enough: "各位代表!" recurs in many reports, a term recurs in a glossary,
/// and "2.5" recurs when "PM2.5" is broken over lines. A page header is a
/// label (two Han chars or more, no punctuation of a sentence or clause, not
/// a numbered heading) that stands at least twice where a page break cuts a
/// sentence: between a line that does not end a sentence and one that goes
/// on with it.
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
    let kept: Vec<String> = lines
        .iter()
        .map(|&(s, e)| no_space(&doc.kept_text(s, e)))
        .collect();
    let nb: Vec<usize> = (0..kept.len()).filter(|&k| !kept[k].is_empty()).collect();
    let mut cuts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (j, &k) in nb.iter().enumerate() {
        let t = kept[k].as_str();
        if !is_label(t) || j == 0 {
            continue;
        }
        let (Some(&p), Some(&n)) = (nb.get(j - 1), nb.get(j + 1)) else {
            continue;
        };
        if cuts_sentence(&kept[p], &kept[n]) {
            *cuts.entry(t).or_default() += 1;
        }
    }
    let headers: Vec<String> = cuts
        .into_iter()
        .filter(|(_, c)| *c >= 2)
        .map(|(t, _)| t.to_string())
        .collect();
    for (k, &(s, e)) in lines.iter().enumerate() {
        let t = &kept[k];
        if t.is_empty() {
            continue;
        }
        let is_title = title.as_deref() == Some(t.as_str()) || printed_title_lines.contains(t);
        if is_title || headers.contains(t) {
            doc.remove(s, e, RemovedReason::RunningTitle);
        }
    }
}

/// A line that could be a page header: a short label, not a sentence.
fn is_label(t: &str) -> bool {
    let f = fold_str(t);
    let n = f.chars().count();
    (2..=40).contains(&n)
        && f.chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .count()
            >= 2
        && !f.contains(['。', '!', '?', ';', ':', ',', '、'])
        && super::outline::parse_marker(&f).is_none()
}

/// Does a page break between `before` and `after` cut a sentence?
fn cuts_sentence(before: &str, after: &str) -> bool {
    let b = fold_str(before);
    let a = fold_str(after);
    let ends = b.ends_with(['。', '!', '?', ';', ':', '…', '”', '"', ')', '】', '>', '|']);
    !ends
        && super::outline::parse_marker(&b).is_none()
        && super::outline::parse_marker(&a).is_none()
}

/// What makes a removed piece look like report text, if anything: a
/// sentence end, digits, or more chars than a heading would have.
pub fn looks_like_content(text: &str, digits_count: bool) -> Option<&'static str> {
    let t = fold_str(text);
    let t = t.trim_matches(is_space);
    if t.ends_with(['。', '!']) {
        Some("ends like a sentence")
    } else if t.chars().count() > CONTENT_CHARS {
        Some("is longer than a heading")
    } else if digits_count && t.chars().any(|c| c.is_ascii_digit()) {
        Some("holds digits")
    } else {
        None
    }
}

/// A heading in this genre is rarely longer than this (chars).
const CONTENT_CHARS: usize = 40;

/// Warn when more than this share of the report's non-white-space chars went
/// as noise (chrome, credits, comments, running titles, related links). On
/// the 1,659 corpus reports the largest share is 0.66% (99th percentile
/// 0.32%), on the bundled web captures 0.21%: 2% is three times anything seen.
pub const NOISE_SHARE: f64 = 0.02;

/// ... and at least this many chars: the share warns of a systemic loss (a
/// tiny text in a page of chrome is not one); a single lost paragraph is
/// caught by the per-piece check.
pub const NOISE_MIN_CHARS: usize = 200;

/// Warnings about what cleaning removed: each removed piece that looks like
/// content, for the kinds removed by judgement rather than by syntax (title
/// and metadata are kept as metadata; markdown, comments and jump markers are
/// syntax; a page description, and a running title holding the report's
/// `title`, are verified repeats), and an unusual share of the report
/// removed as noise.
pub fn removal_warnings(removed: &[Removed], source: &[char], title: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut noise = 0usize;
    let title = no_space(title);
    for r in removed {
        let judged = match r.reason {
            RemovedReason::RunningTitle
                if !title.is_empty() && no_space(&r.text).contains(title.as_str()) =>
            {
                None
            }
            RemovedReason::RunningTitle | RemovedReason::RelatedLinks => Some(true),
            RemovedReason::PageChrome => {
                Some(!chrome::is_page_id(&r.text) && !chrome::is_download(&r.text))
            }
            // A credit's digits are its date or page.
            RemovedReason::Credit => Some(false),
            _ => None,
        };
        if matches!(
            r.reason,
            RemovedReason::Title
                | RemovedReason::Metadata
                | RemovedReason::Markdown
                | RemovedReason::SiteName
        ) {
            continue;
        }
        noise += r.text.chars().filter(|c| !is_space(*c)).count();
        if let Some(why) = judged.and_then(|d| looks_like_content(&r.text, d)) {
            let short: String = r.text.chars().take(24).collect();
            let more = if r.text.chars().count() > 24 {
                "…"
            } else {
                ""
            };
            out.push(format!(
                "removed as {} but {why}: \"{short}{more}\" at char {}",
                r.reason.as_str(),
                r.span.0
            ));
        }
    }
    let total = source.iter().filter(|c| !is_space(**c)).count();
    if total > 0 && noise >= NOISE_MIN_CHARS && noise as f64 > NOISE_SHARE * total as f64 {
        out.push(format!(
            "{:.1}% of the text was removed as page noise (more than {:.0}%): check what was removed",
            100.0 * noise as f64 / total as f64,
            100.0 * NOISE_SHARE
        ));
    }
    out
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
    use crate::model::Span;

    fn piece(text: &str, reason: RemovedReason) -> Removed {
        Removed {
            text: text.to_string(),
            reason,
            span: Span(0, text.chars().count()),
        }
    }

    #[test]
    fn content_looks() {
        // The salutation a running-title rule once removed would warn.
        assert_eq!(
            looks_like_content("各位代表!", true),
            Some("ends like a sentence")
        );
        assert_eq!(
            looks_like_content("全年经济增长5%。", true),
            Some("ends like a sentence")
        );
        assert_eq!(
            looks_like_content("第2页 政府公报", true),
            Some("holds digits")
        );
        assert_eq!(looks_like_content("第2页 政府公报", false), None);
        assert_eq!(
            looks_like_content(&"长".repeat(41), false),
            Some("is longer than a heading")
        );
        assert_eq!(looks_like_content("政府公报", true), None);
    }

    #[test]
    fn removal_warnings_name_judged_pieces_only() {
        let src: Vec<char> = "x".repeat(100_000).chars().collect();
        let pieces = [
            piece("第2页 政府公报", RemovedReason::RunningTitle),
            piece("2024年某省政府工作报告", RemovedReason::RunningTitle),
            piece("2024年某省政府工作报告", RemovedReason::Title),
            piece("(下转第2版)", RemovedReason::JumpMarker),
            piece("3f2a9c0d1e7b4a5c9d8e", RemovedReason::PageChrome),
            piece("(《某某日报》20240101第1版)", RemovedReason::Credit),
            piece("全年经济增长5%。", RemovedReason::RelatedLinks),
        ];
        let w = removal_warnings(&pieces, &src, "2024年某省政府工作报告");
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(w[0].contains("running_title") && w[0].contains("第2页"));
        assert!(w[1].contains("related_links") && w[1].contains("sentence"));
    }

    #[test]
    fn removal_warnings_share_needs_both_share_and_size() {
        let chrome = piece(&"打".repeat(300), RemovedReason::PageChrome);
        let big: Vec<char> = "x".repeat(10_000).chars().collect();
        let huge: Vec<char> = "x".repeat(100_000).chars().collect();
        let share = |w: &[String]| w.iter().any(|x| x.contains("page noise"));
        // 300 of 10,000 chars (3%): warns; of 100,000 (0.3%): does not.
        assert!(share(&removal_warnings(
            std::slice::from_ref(&chrome),
            &big,
            ""
        )));
        assert!(!share(&removal_warnings(
            std::slice::from_ref(&chrome),
            &huge,
            ""
        )));
        // 60 chars of 300 (20%) is a tiny text in a page of chrome: no warning.
        let small = piece(&"打".repeat(60), RemovedReason::PageChrome);
        let tiny: Vec<char> = "x".repeat(300).chars().collect();
        assert!(!share(&removal_warnings(&[small], &tiny, "")));
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
