//! Cleaning: marks web and newspaper noise, markdown residue, the title and
//! metadata lines as removed (each with its reason and offset), and reads the
//! metadata they carry. Everything here is generic page furniture; nothing
//! names a particular report.

use std::sync::LazyLock;

use regex::Regex;

use super::chrome;
use super::stream::{is_space, Doc};
use crate::model::{Removed, RemovedReason};
use crate::text::fold::{fold_width, fold_width_str};

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

pub static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?")
        .unwrap_or_else(|_| unreachable!())
});
static MD_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*#{1,6}\s+").unwrap_or_else(|_| unreachable!()));

/// An ISO date read from text, if it holds one.
pub fn parse_date(s: &str) -> Option<String> {
    let s = cn_numerals_to_digits(&fold_width_str(s));
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
    let numeral = |c: char| DIGITS.contains(c) || c == '\u{5341}';
    // walks the str itself: no char array (a one-line report can be MBs)
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let run_len: usize = rest
            .chars()
            .take_while(|&c| numeral(c))
            .map(char::len_utf8)
            .sum();
        if run_len > 0 {
            let word = &rest[..run_len];
            let run = word.chars().count();
            let unit = rest[run_len..].chars().next();
            let converted = match unit {
                Some('\u{5e74}') if run == 4 && !word.contains('\u{5341}') => word
                    .chars()
                    .map(|c| value(c).map(|v| char::from(b'0' + v as u8)))
                    .collect::<Option<String>>(),
                Some('\u{6708}' | '\u{65e5}') if run <= 3 => {
                    let w: String = word
                        .chars()
                        .map(|c| {
                            if c == '\u{3007}' || c == '\u{25cb}' {
                                '\u{96f6}'
                            } else {
                                c
                            }
                        })
                        .collect();
                    super::outline::cn_value(&w).map(|v| v.to_string())
                }
                _ => None,
            };
            match converted {
                Some(d) => out.push_str(&d),
                None => out.push_str(word),
            }
            rest = &rest[run_len..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
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
    chrome::remove_comments(doc);
    chrome::remove_jump_pairs(doc);
    let mut chrome_lines = vec![false; lines.len()];
    for (k, &(s, e)) in lines.iter().enumerate() {
        chrome_lines[k] = clean_line(doc, s, e);
    }
    chrome::remove_weak_chrome(doc, &lines, &mut chrome_lines);
    chrome::remove_related_links(doc, &lines);
    chrome::remove_page_description(doc, &lines);
    super::head::read_head(doc, &lines, &mut meta);
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
        let t = fold_width_str(&doc.kept_text(s, e));
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
    let raw: String = doc.chars[s..e].iter().map(|c| fold_width(*c)).collect();
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
    let f = fold_width_str(t);
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
    let b = fold_width_str(before);
    let a = fold_width_str(after);
    let ends = b.ends_with(['。', '!', '?', ';', ':', '…', '”', '"', ')', '】', '>', '|']);
    !ends
        && super::outline::parse_marker(&b).is_none()
        && super::outline::parse_marker(&a).is_none()
}

/// What makes a removed piece look like report text, if anything: a
/// sentence end, digits, or more chars than a heading would have.
pub fn looks_like_content(text: &str, digits_count: bool) -> Option<&'static str> {
    let t = fold_width_str(text);
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
    // a token that would run past the title cannot be part of it
    let toks = doc.tokens_upto(8, title.chars().count());
    let mut acc = String::new();
    for (k, t) in toks.iter().enumerate() {
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
