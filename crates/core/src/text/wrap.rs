//! Wrapping a paragraph of Chinese (and mixed) text into rows of a given
//! display width: UAX #14 break opportunities (unicode-linebreak) adjusted by
//! the basic line-start/line-end rules of W3C clreq, filled greedily.
//!
//! The rules, in order of strength:
//! 1. A row is never wider than `width`, except a row holding one single
//!    grapheme cluster that is itself wider than `width` (e.g. "中" at
//!    width 1): such a cluster gets a row of its own and is never split.
//!    A wide char or a grapheme cluster is never split.
//! 2. A mandatory break (`\n`, CR LF, CR, U+2028, NEL …) always ends a row;
//!    the break char stays at the end of its row. A trailing `\n` does not
//!    make an extra empty row.
//! 3. Rows break only at UAX #14 opportunities, with these changes:
//!    - never before a char of [`forbidden_at_row_start`]
//!      (,。、;:?!)》」』】〕〉”’…·%‰℃ and their full-width forms …) and
//!      never after a char of [`forbidden_at_row_end`] ((《「『【〔〈“‘ …);
//!    - never inside "——", "……" (or "――", "⋯⋯");
//!    - Chinese quotes: a break is allowed before “ ‘ that follow a
//!      wide (East Asian) char, and after ” ’ followed by one (UAX #14 of
//!      Unicode 15.0 glues quotes to both neighbours, which the Unicode 15.1
//!      rule LB19a relaxes for East Asian text);
//!    - a break is allowed before a sign that starts a number after a wide
//!      char ("增长|-4.3%"; UAX #14 never breaks before a hyphen);
//!    - a break is allowed before a run of spaces (so spaces that do not fit
//!      start the next row instead of overflowing this one).
//!
//!    UAX #14 already keeps numbers whole with their sign, decimal point and
//!    %/‰ ("16715.2", "-4.3%"), Latin words whole ("REITs"), and a char
//!    that may not start a row together with the char before it (so the
//!    previous char is carried down to the next row with it).
//! 4. Rows are filled greedily: each row ends at the farthest allowed break
//!    that fits.
//! 5. When no allowed break fits in a row (a Latin word or number wider than
//!    the row, a long run of glued punctuation, a tiny width), the row is
//!    broken by force at the farthest fitting grapheme boundary that still
//!    obeys the clreq start/end rules and the "——"/"……" rule; when no such
//!    boundary fits either, at the farthest fitting one that does not split
//!    "——"/"……"; and only when none fits at all (e.g. "……" wider than the
//!    row), at the farthest fitting grapheme boundary.
//!    So a clreq rule is broken only when it is *unavoidable*: every grapheme
//!    boundary between the row's first grapheme and the width limit would
//!    break one.
//!
//! Nothing is lost: the rows are byte ranges into the text, and joining them
//! gives back the text exactly (spaces included; leading spaces of the text
//! stay in its first row, and a row may begin with the spaces that did not
//! fit on the row before). Empty text gives one empty row.
//!
//! Widths are measured on the text as given, where control chars take no
//! columns: wrap the [`sanitize`](super::sanitize::sanitize)d text (which
//! is the same text, borrowed, when there is nothing to replace), so that
//! what is measured is what is printed.

use std::ops::Range;

use unicode_linebreak::{linebreaks, BreakOpportunity};
use unicode_width::UnicodeWidthChar;

use super::width::{clusters, grapheme_width, AmbiguousWidth};

/// True for chars that clreq forbids at the start of a row: closing
/// punctuation, pause and stop marks, closing quotes, ellipsis, middle dot,
/// postfix units; both half- and full-width forms.
pub fn forbidden_at_row_start(c: char) -> bool {
    matches!(
        c,
        ',' | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | ']'
            | '}'
            | '%'
            | '\u{FF0C}' // ,
            | '\u{3002}' // 。
            | '\u{FF0E}' // .
            | '\u{FF61}' // halfwidth ideographic full stop
            | '\u{3001}' // 、
            | '\u{FF64}' // halfwidth ideographic comma
            | '\u{FF1B}' // ;
            | '\u{FF1A}' // :
            | '\u{FF1F}' // ?
            | '\u{FF01}' // !
            | '\u{FF09}' // )
            | '\u{FF3D}' // ]
            | '\u{FF5D}' // }
            | '\u{FF05}' // %
            | '\u{300B}' // 》
            | '\u{3009}' // 〉
            | '\u{300D}' // 」
            | '\u{300F}' // 』
            | '\u{3011}' // 】
            | '\u{3015}' // 〕
            | '\u{3017}' // 〗
            | '\u{3019}' // 〙
            | '\u{301B}' // 〛
            | '\u{FF63}' // halfwidth 」
            | '\u{201D}' // ”
            | '\u{2019}' // ’
            | '\u{301E}' // 〞
            | '\u{2026}' // …
            | '\u{22EF}' // ⋯
            | '\u{00B7}' // ·
            | '\u{30FB}' // ・
            | '\u{FF65}' // halfwidth ・
            | '\u{2030}' // ‰
            | '\u{2103}' // ℃
    )
}

/// True for chars that clreq forbids at the end of a row: opening brackets
/// and opening quotes, half- and full-width.
pub fn forbidden_at_row_end(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '\u{FF08}' // (
            | '\u{FF3B}' // [
            | '\u{FF5B}' // {
            | '\u{300A}' // 《
            | '\u{3008}' // 〈
            | '\u{300C}' // 「
            | '\u{300E}' // 『
            | '\u{3010}' // 【
            | '\u{3014}' // 〔
            | '\u{3016}' // 〖
            | '\u{3018}' // 〘
            | '\u{301A}' // 〚
            | '\u{FF62}' // halfwidth 「
            | '\u{201C}' // “
            | '\u{2018}' // ‘
            | '\u{301D}' // 〝
    )
}

/// True when `a` followed by `b` must never be split: the two halves of
/// "——", "――", "……", "⋯⋯".
pub fn inseparable(a: char, b: char) -> bool {
    a == b && matches!(a, '\u{2014}' | '\u{2015}' | '\u{2026}' | '\u{22EF}')
}

/// True when a row break between `before` (the last grapheme's base char)
/// and `after` (the next grapheme's base char) breaks a clreq rule.
pub fn breaks_clreq(before: char, after: char) -> bool {
    forbidden_at_row_start(after) || forbidden_at_row_end(before) || inseparable(before, after)
}

/// How good a grapheme boundary is as a row break.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    /// Only when nothing else fits: it splits "——" or "……".
    Split,
    /// Only in the last resort (it breaks a clreq start/end rule).
    LastResort,
    /// Only when no allowed break fits (it splits a word, number, or other
    /// UAX #14 unit, but obeys clreq).
    Forced,
    /// A normal break opportunity.
    Allowed,
    /// The row must end here.
    Mandatory,
}

/// One grapheme cluster of the text.
#[derive(Debug, Clone, Copy)]
struct Cluster {
    start: usize,
    width: usize,
    /// Its first (base) char.
    base: char,
}

fn is_wide(c: char) -> bool {
    c.width() == Some(2)
}

fn is_sign(c: char) -> bool {
    matches!(c, '-' | '+' | '\u{2212}')
}

/// Spaces a row may break before (not the no-break ones: U+00A0, U+2007,
/// U+202F).
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{2000}'..='\u{2006}' | '\u{2008}'..='\u{200A}' | '\u{205F}')
}

/// The grapheme clusters of `text` and, for each boundary `k` in `1..n`
/// (between cluster `k-1` and cluster `k`), how good a break it is.
/// Entry 0 is unused.
fn analyse(text: &str, amb: AmbiguousWidth) -> (Vec<Cluster>, Vec<Break>) {
    let clusters: Vec<Cluster> = clusters(text)
        .map(|(start, g)| Cluster {
            start,
            width: grapheme_width(g, amb),
            base: g.chars().next().unwrap_or(' '),
        })
        .collect();
    let n = clusters.len();
    let mut breaks = vec![Break::Split; n];
    let mut uax = linebreaks(text).peekable();
    for k in 1..n {
        let pos = clusters[k].start;
        while uax.peek().is_some_and(|&(p, _)| p < pos) {
            uax.next();
        }
        let opportunity = match uax.peek() {
            Some(&(p, o)) if p == pos => Some(o),
            _ => None,
        };
        let before = clusters[k - 1].base;
        let after = clusters[k].base;
        if opportunity == Some(BreakOpportunity::Mandatory) {
            breaks[k] = Break::Mandatory;
            continue;
        }
        let allowed = opportunity == Some(BreakOpportunity::Allowed)
            || (matches!(after, '\u{201C}' | '\u{2018}') && is_wide(before))
            || (matches!(before, '\u{201D}' | '\u{2019}') && is_wide(after))
            || (is_space(after) && !is_space(before))
            || (is_sign(after)
                && is_wide(before)
                && clusters.get(k + 1).is_some_and(|c| c.base.is_ascii_digit()));
        breaks[k] = if inseparable(before, after) {
            Break::Split
        } else if breaks_clreq(before, after) {
            Break::LastResort
        } else if allowed {
            Break::Allowed
        } else {
            Break::Forced
        };
    }
    (clusters, breaks)
}

/// Break `text` into rows no wider than `width` columns (see the module doc
/// for the rules). Returns byte ranges into `text`; concatenating them gives
/// back `text` exactly.
pub fn wrap(text: &str, width: usize, amb: AmbiguousWidth) -> Vec<Range<usize>> {
    let (clusters, breaks) = analyse(text, amb);
    let n = clusters.len();
    let pos = |k: usize| clusters.get(k).map_or(text.len(), |c| c.start);
    let mut rows = Vec::new();
    let mut i = 0;
    while i < n {
        // The farthest boundary that fits, stopping at a mandatory break.
        let mut j = i;
        let mut w = 0;
        while j < n && w + clusters[j].width <= width {
            w += clusters[j].width;
            j += 1;
            if j < n && breaks[j] == Break::Mandatory {
                break;
            }
        }
        if j == i {
            // One grapheme wider than the row: it gets a row of its own.
            j = i + 1;
        }
        let end = if j == n || breaks[j] == Break::Mandatory {
            j
        } else {
            let best = (i + 1..=j).max_by_key(|&k| (breaks[k], k));
            // `best` is the farthest boundary of the highest class present.
            best.unwrap_or(j)
        };
        rows.push(pos(i)..pos(end));
        i = end;
    }
    if rows.is_empty() {
        rows.push(0..0);
    }
    rows
}

/// [`wrap`] as string slices.
pub fn wrap_lines(text: &str, width: usize, amb: AmbiguousWidth) -> Vec<&str> {
    wrap(text, width, amb)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::width::str_width;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;
    use AmbiguousWidth::{Narrow, Wide};

    const MODES: [AmbiguousWidth; 2] = [Narrow, Wide];

    fn rows(text: &str, width: usize, amb: AmbiguousWidth) -> Vec<&str> {
        wrap_lines(text, width, amb)
    }

    fn base(g: &str) -> char {
        g.chars().next().unwrap_or(' ')
    }

    fn is_line_break(c: char) -> bool {
        matches!(
            c,
            '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        )
    }

    /// Checks every property of `wrap` on one input; panics with a message
    /// naming the broken one.
    fn check(text: &str, width: usize, amb: AmbiguousWidth) {
        let ranges = wrap(text, width, amb);
        // Nothing lost: contiguous ranges covering the text.
        assert!(!ranges.is_empty());
        assert_eq!(ranges[0].start, 0);
        assert_eq!(ranges[ranges.len() - 1].end, text.len());
        for pair in ranges.windows(2) {
            assert_eq!(pair[0].end, pair[1].start, "gap or overlap in {text:?}");
        }
        let joined: String = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(joined, text);
        let boundaries: std::collections::HashSet<usize> = text
            .grapheme_indices(true)
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for (n, r) in ranges.iter().enumerate() {
            let row = &text[r.clone()];
            assert!(!row.is_empty() || text.is_empty(), "empty row in {text:?}");
            // Never split a grapheme (so never a wide char).
            assert!(boundaries.contains(&r.end), "split grapheme in {text:?}");
            // Fits, or is one grapheme wider than the row.
            let w = str_width(row, amb);
            assert!(
                w <= width || row.graphemes(true).count() == 1,
                "row {n} {row:?} is {w} wide at width {width}"
            );
            if n + 1 == ranges.len() {
                continue;
            }
            let last_g = row.graphemes(true).next_back().unwrap_or(" ");
            let last = base(last_g);
            if is_line_break(last) {
                continue; // a mandatory break: the rules do not apply
            }
            // Mandatory breaks always end a row.
            assert!(
                !row[..row.len() - last_g.len()].contains(is_line_break),
                "line break inside row {row:?}"
            );
            let next = &text[ranges[n + 1].clone()];
            let first = next.graphemes(true).next().map(base).unwrap_or(' ');
            if breaks_clreq(last, first) {
                // Only when unavoidable: no grapheme boundary after the
                // row's first grapheme and within the width obeys the rules.
                let mut rest = Vec::new();
                let mut used = 0;
                for g in text[r.start..].graphemes(true) {
                    rest.push(g);
                    used += str_width(g, amb);
                    if used > width {
                        break;
                    }
                }
                // Graphemes that fit (at least one); `rest` has one more
                // unless the text ended.
                let fit = if used > width {
                    rest.len() - 1
                } else {
                    rest.len()
                }
                .max(1);
                for q in 1..=fit.min(rest.len() - 1) {
                    assert!(
                        breaks_clreq(base(rest[q - 1]), base(rest[q])),
                        "avoidable {last:?}|{first:?} at width {width}: {:?} could end at {:?}",
                        row,
                        rest[..q].concat()
                    );
                }
            }
        }
    }

    #[test]
    fn growth_sentence_at_several_widths() {
        let s = "全年全市生产总值达到4.72万亿元,比上年增长5%";
        for amb in MODES {
            assert_eq!(
                rows(s, 20, amb),
                ["全年全市生产总值达到", "4.72万亿元,比上年增", "长5%"]
            );
            // "4.72" is never split; rows are filled greedily.
            assert_eq!(
                rows(s, 16, amb),
                ["全年全市生产总值", "达到4.72万亿元,", "比上年增长5%"]
            );
            // The comma may not start a row: "元" is carried down with it.
            assert_eq!(
                rows(s, 15, amb),
                ["全年全市生产总", "值达到4.72万亿", "元,比上年增长5%"]
            );
            assert_eq!(
                rows(s, 10, amb),
                [
                    "全年全市生",
                    "产总值达到",
                    "4.72万亿",
                    "元,比上年",
                    "增长5%"
                ]
            );
            // Width 2: "4.72" is wider than a row, so it is broken by force,
            // but not before the '.' (which may not start a row).
            let two = rows(s, 2, amb);
            assert_eq!(&two[9..13], ["到", "4.", "72", "万"]);
            assert_eq!(two[two.len() - 1], "5%");
            // Width 1: one grapheme per row, CJK rows 2 wide (the only way).
            let one = rows(s, 1, amb);
            assert_eq!(one.len(), s.chars().count());
        }
    }

    #[test]
    fn numbers_stay_whole() {
        let s = "全市一般公共预算收入8312.5亿元,增长9.3%,地方政府性基金收入16715.2亿元";
        assert_eq!(
            rows(s, 10, Narrow),
            [
                "全市一般公",
                "共预算收入",
                "8312.5亿",
                "元,增长",
                "9.3%,地方",
                "政府性基金",
                "收入",
                "16715.2亿",
                "元"
            ]
        );
        for width in 7..60 {
            for amb in MODES {
                let r = rows(s, width, amb);
                for n in ["8312.5", "9.3%", "16715.2"] {
                    assert!(
                        r.iter().any(|row| row.contains(n)),
                        "{n} split at {width}: {r:?}"
                    );
                }
            }
        }
        // A minus sign starts a number: the break goes before it.
        assert_eq!(
            rows("居民消费价格下降-4.3%,", 14, Narrow),
            ["居民消费价格下", "降-4.3%,"]
        );
        assert_eq!(rows("价格下降-4.3%,", 9, Narrow), ["价格下降", "-4.3%,"]);
    }

    #[test]
    fn latin_words_stay_whole_unless_too_long() {
        let s = "鼓励民间投资项目发行基础设施REITs,努力调动民间投资积极性。";
        assert_eq!(
            rows(s, 10, Narrow),
            [
                "鼓励民间投",
                "资项目发行",
                "基础设施",
                "REITs,努力",
                "调动民间投",
                "资积极性。"
            ]
        );
        // Wider than the row: broken by force at the width.
        assert_eq!(&rows(s, 4, Narrow)[7..9], ["REIT", "s,努"]);
        assert_eq!(rows("GDP增长", 3, Narrow), ["GDP", "增", "长"]);
        assert_eq!(rows("hello world", 8, Narrow), ["hello ", "world"]);
        // A space that does not fit starts the next row.
        assert_eq!(rows("hello world", 5, Narrow), ["hello", " ", "world"]);
    }

    #[test]
    fn dashes_and_ellipses_never_split() {
        let s = "坚持以习近平新时代中国特色社会主义思想为指导——全面贯彻党的二十大精神";
        assert_eq!(
            rows(s, 10, Narrow),
            [
                "坚持以习近",
                "平新时代中",
                "国特色社会",
                "主义思想为",
                "指导——全面",
                "贯彻党的二",
                "十大精神"
            ]
        );
        // In wide mode "——" takes 4 columns.
        assert_eq!(rows(s, 10, Wide)[4], "指导——全");
        for width in 2..30 {
            for amb in MODES {
                // Kept whole whenever they fit in a row (at width 2 in wide
                // mode they are 4 columns wide, and rows never overflow).
                if width < str_width("——", amb) {
                    continue;
                }
                let r = rows(s, width, amb);
                assert!(
                    r.iter().any(|row| row.contains("——")),
                    "split at {width}: {r:?}"
                );
                let r = rows("这是省略号……后面", width, amb);
                assert!(
                    r.iter().any(|row| row.contains("……")),
                    "split at {width}: {r:?}"
                );
                if width >= 6 {
                    // "号……" fits a row: "号" is carried down with "……".
                    assert!(r.iter().any(|row| row.contains("号……")), "{r:?}");
                }
            }
        }
    }

    #[test]
    fn quotes_and_brackets() {
        let s = "落实“十四五”规划,推动《上海市促进消费条例》落地";
        // Narrow: the quotes take one column.
        assert_eq!(
            rows(s, 12, Narrow),
            [
                "落实“十四五”",
                "规划,推动",
                "《上海市促进",
                "消费条例》落",
                "地"
            ]
        );
        // Wide: ” may not start a row, so 五 comes down with it.
        assert_eq!(
            rows(s, 12, Wide),
            [
                "落实“十四",
                "五”规划,推",
                "动《上海市促",
                "进消费条例》",
                "落地"
            ]
        );
        // Full-width forms follow the same rules.
        let fw = "指标(含税)为三点五。";
        for width in 4..20 {
            for amb in MODES {
                for row in rows(fw, width, amb).iter().skip(1) {
                    assert!(!row.starts_with([')', '。']), "{row:?} at {width}");
                }
                for row in rows(fw, width, amb) {
                    assert!(!row.ends_with('('), "{row:?} at {width}");
                }
            }
        }
    }

    #[test]
    fn edges() {
        assert_eq!(wrap("", 10, Narrow), vec![0..0]);
        assert_eq!(rows("中", 1, Narrow), ["中"]);
        assert_eq!(rows("中文", 0, Narrow), ["中", "文"]);
        assert_eq!(rows("中文", 3, Narrow), ["中", "文"]);
        // Line breaks end rows and stay at the end of theirs.
        assert_eq!(rows("一\n二三\n", 10, Narrow), ["一\n", "二三\n"]);
        assert_eq!(rows("一\r\n二", 10, Narrow), ["一\r\n", "二"]);
        assert_eq!(rows("一二\n\n三", 2, Narrow), ["一", "二\n", "\n", "三"]);
        // Combining marks and emoji clusters are never split.
        assert_eq!(
            rows("e\u{301}e\u{301}e\u{301}", 2, Narrow),
            ["e\u{301}e\u{301}", "e\u{301}"]
        );
        let family = "👨\u{200D}👩\u{200D}👧";
        assert_eq!(
            rows(&format!("{family}{family}"), 3, Narrow),
            [family, family]
        );
    }

    #[test]
    fn bundled_reports_wrap_cleanly() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/reports");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .map(|d| {
                d.filter_map(Result::ok)
                    .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
                    .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                    .collect()
            })
            .unwrap_or_default();
        texts.sort();
        assert!(!texts.is_empty(), "no reports in {dir}");
        // Maximal runs of ASCII letters and digits, and decimal numbers
        // with their %/‰.
        let number = regex::Regex::new(r"[0-9]+\.[0-9]+[%‰]?|[0-9]+[%‰]").unwrap();
        let word = regex::Regex::new(r"[A-Za-z0-9]+").unwrap();
        let mut paragraphs = 0;
        for text in &texts {
            for para in text.lines().map(str::trim).filter(|p| !p.is_empty()) {
                paragraphs += 1;
                for width in [8, 13, 20, 40, 76] {
                    for amb in MODES {
                        check(para, width, amb);
                        let starts: Vec<usize> =
                            wrap(para, width, amb).iter().map(|r| r.start).collect();
                        let split = |m: &regex::Match| {
                            let i = starts.partition_point(|&p| p <= m.start());
                            starts.get(i).is_some_and(|&p| p < m.end())
                        };
                        // Every number and word that fits a row with room
                        // for one carried char is whole on some row.
                        for m in number.find_iter(para).chain(word.find_iter(para)) {
                            // The run of non-ideographs around it (brackets,
                            // punctuation it is glued to) plus a carried char.
                            let glued =
                                |c: &char| !('\u{4E00}'..='\u{9FFF}').contains(c) && *c != ' ';
                            let before: usize = para[..m.start()]
                                .chars()
                                .rev()
                                .take_while(glued)
                                .map(char::len_utf8)
                                .sum();
                            let after: usize = para[m.end()..]
                                .chars()
                                .take_while(glued)
                                .map(char::len_utf8)
                                .sum();
                            let unit = &para[m.start() - before..m.end() + after];
                            if str_width(unit, amb) + 2 <= width {
                                assert!(!split(&m), "{:?} split at {width}", m.as_str());
                            }
                        }
                    }
                }
            }
        }
        assert!(paragraphs > 80, "only {paragraphs} paragraphs");
    }

    /// A random piece of report-like text.
    fn token() -> impl Strategy<Value = String> {
        let pick = |v: &'static [&'static str]| proptest::sample::select(v).prop_map(String::from);
        prop_oneof![
            4 => pick(&["全", "年", "市", "生", "产", "总", "值", "达", "到", "万", "亿", "元", "比", "增", "长"]),
            2 => proptest::string::string_regex("[A-Za-z]{1,9}").unwrap(),
            2 => proptest::string::string_regex("-?[0-9]{1,6}(\\.[0-9]{1,2})?[%‰]?").unwrap(),
            3 => pick(&[
                ",", "。", "、", ";", ":", "?", "!", ")", "(", "《", "》", "“", "”", "‘", "’",
                "——", "……", "·", "%", "‰", "℃", ",", ";", ":", "?", "!", "(", ")", ".", "「",
                "」", "【", "】", "〔", "〕", "〈", "〉", "『", "』",
            ]),
            1 => pick(&["👍", "👍🏽", "👨\u{200D}👩\u{200D}👧", "🇨🇳", "e\u{301}", "a\u{308}\u{301}", "中\u{20DD}"]),
            1 => pick(&[" ", "  ", "\u{3000}", "①", "Ⅲ"]),
        ]
    }

    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(token(), 0..80).prop_map(|v| v.concat())
    }

    fn amb() -> impl Strategy<Value = AmbiguousWidth> {
        prop_oneof![Just(Narrow), Just(Wide)]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Fits, nothing lost, clreq rules held unless unavoidable, no panic.
        #[test]
        fn wrap_properties(text in text(), width in 2usize..=120, amb in amb()) {
            check(&text, width, amb);
        }

        /// The same with line breaks in the text, and tiny widths.
        #[test]
        fn wrap_properties_with_line_breaks(
            parts in proptest::collection::vec(text(), 1..4),
            width in 0usize..=12,
            amb in amb(),
        ) {
            let text = parts.join("\n");
            check(&text, width, amb);
        }

        /// A number or Latin word between CJK chars is split only when it
        /// is itself wider than the row.
        #[test]
        fn words_and_numbers_whole(
            tokens in proptest::collection::vec(
                prop_oneof![
                    proptest::string::string_regex("[A-Za-z]{1,12}").unwrap(),
                    proptest::string::string_regex("-?[0-9]{1,8}(\\.[0-9]{1,3})?[%‰]?").unwrap(),
                ],
                1..12,
            ),
            width in 2usize..=40,
            amb in amb(),
        ) {
            let mut text = String::from("增");
            let mut spans = Vec::new();
            for t in &tokens {
                spans.push(text.len()..text.len() + t.len());
                text.push_str(t);
                text.push('长');
            }
            let ranges = wrap(&text, width, amb);
            for span in spans {
                let token = &text[span.clone()];
                for r in &ranges[1..] {
                    if span.start < r.start && r.start < span.end {
                        prop_assert!(
                            str_width(token, amb) > width,
                            "{:?} split at width {}: {:?}", token, width, wrap_lines(&text, width, amb)
                        );
                    }
                }
            }
        }

        /// Greedy: no row could have ended at a later allowed break that fits.
        #[test]
        fn rows_are_greedy(text in text(), width in 2usize..=60, amb in amb()) {
            let (clusters, breaks) = analyse(&text, amb);
            let ranges = wrap(&text, width, amb);
            let index = |pos: usize| clusters.iter().position(|c| c.start == pos).unwrap_or(clusters.len());
            for r in &ranges[..ranges.len() - 1] {
                let (i, end) = (index(r.start), index(r.end));
                let mut w = 0;
                let mut k = i;
                while k < clusters.len() && w + clusters[k].width <= width {
                    w += clusters[k].width;
                    k += 1;
                    if k > end && breaks.get(k) >= Some(&Break::Allowed) && k < clusters.len() {
                        prop_assert!(false, "row {:?} could end at {:?}", &text[r.clone()], &text[r.start..clusters[k].start]);
                    }
                }
                if breaks[end] < Break::Allowed {
                    let fit = &breaks[(i + 1).min(k)..k.min(clusters.len())];
                    prop_assert!(fit.iter().all(|&b| b < Break::Allowed), "forced break though one was allowed");
                }
            }
        }
    }
}
