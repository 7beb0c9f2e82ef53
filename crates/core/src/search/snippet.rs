//! Fitting a hit's text to a display width around its first match, and
//! sanitizing text while keeping highlight ranges right.
//!
//! Widths come from `crate::text` (with the caller's choice for East Asian
//! Ambiguous chars). A wide char is never split; elided text is marked with
//! ASCII only: ".." at the start, "~" at the end (no ambiguous-width "…").

use std::ops::Range;

use super::Hit;
use crate::text::{sanitize, str_width, AmbiguousWidth};

/// Marks text cut at the start of a snippet.
pub const ELIDED_START: &str = "..";
/// Marks text cut at the end of a snippet.
pub const ELIDED_END: &str = "~";

struct Unit<'a> {
    out: std::borrow::Cow<'a, str>,
    width: usize,
    lit: bool,
}

fn units<'a>(text: &'a str, ranges: &[Range<usize>], amb: AmbiguousWidth) -> Vec<Unit<'a>> {
    text.char_indices()
        .map(|(b, c)| {
            let out = sanitize(&text[b..b + c.len_utf8()]);
            Unit {
                width: str_width(&out, amb),
                out,
                lit: ranges.iter().any(|r| r.start <= b && b < r.end),
            }
        })
        .collect()
}

/// Concatenate units, returning the text and merged highlight ranges.
fn join(prefix: &str, units: &[Unit<'_>], suffix: &str) -> (String, Vec<Range<usize>>) {
    let mut s = String::from(prefix);
    let mut hl: Vec<Range<usize>> = Vec::new();
    for u in units {
        let r = s.len()..s.len() + u.out.len();
        s.push_str(&u.out);
        if u.lit {
            match hl.last_mut() {
                Some(last) if last.end == r.start => last.end = r.end,
                _ => hl.push(r),
            }
        }
    }
    s.push_str(suffix);
    (s, hl)
}

/// `text` passed through `crate::text::sanitize` char by char, with
/// `ranges` (byte ranges of `text`) mapped onto the result.
pub fn sanitize_with_ranges(text: &str, ranges: &[Range<usize>]) -> (String, Vec<Range<usize>>) {
    join("", &units(text, ranges, AmbiguousWidth::Narrow), "")
}

/// The hit's text fitted into `width` display columns around its first match
/// (sanitized), and the byte ranges of the matched chars in that string.
pub fn snippet(hit: &Hit, width: usize, amb: AmbiguousWidth) -> (String, Vec<Range<usize>>) {
    let u = units(&hit.text, &hit.highlights, amb);
    let n = u.len();
    let total: usize = u.iter().map(|x| x.width).sum();
    if total <= width {
        return join("", &u, "");
    }
    let start_w = str_width(ELIDED_START, amb);
    let end_w = str_width(ELIDED_END, amb);
    let first = u.iter().position(|x| x.lit).unwrap_or(0);
    // some context before the match: up to a quarter of the width
    let ctx = width / 4;
    let mut s = first;
    let mut acc = 0;
    while s > 0 && acc + u[s - 1].width <= ctx {
        s -= 1;
        acc += u[s].width;
    }
    let lead = |s: usize| if s > 0 { start_w } else { 0 };
    let tail_fits = |s: usize| u[s..].iter().map(|x| x.width).sum::<usize>() + lead(s) <= width;
    if tail_fits(s) {
        // everything after s fits: show as much before it as the width allows
        while s > 0 && tail_fits(s - 1) {
            s -= 1;
        }
        let prefix = if s > 0 { ELIDED_START } else { "" };
        return join(prefix, &u[s..], "");
    }
    let budget = width.saturating_sub(lead(s) + end_w);
    let mut e = s;
    let mut used = 0;
    while e < n && used + u[e].width <= budget {
        used += u[e].width;
        e += 1;
    }
    let prefix = if s > 0 && width >= start_w + end_w {
        ELIDED_START
    } else {
        ""
    };
    let suffix = if width >= end_w + lead(s) {
        ELIDED_END
    } else {
        ""
    };
    join(prefix, &u[s..e], suffix)
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;
    use crate::model::Location;
    use crate::search::HitKind;

    fn hit(text: &str, hl: Vec<Range<usize>>) -> Hit {
        Hit {
            kind: HitKind::Sentence,
            location: Location::Table {
                report: "r".into(),
                table: "t".into(),
            },
            breadcrumb: String::new(),
            full_breadcrumb: String::new(),
            text: text.into(),
            highlights: hl,
            score: 0,
            note: String::new(),
            more_in_row: 0,
        }
    }

    fn lit<'a>(s: &'a str, hl: &[Range<usize>]) -> Vec<&'a str> {
        hl.iter().map(|r| &s[r.clone()]).collect()
    }

    #[test]
    fn short_text_is_whole() {
        let h = hit("集装箱吞吐量", vec![0..9]);
        let (s, hl) = snippet(&h, 20, AmbiguousWidth::Narrow);
        assert_eq!(s, "集装箱吞吐量");
        assert_eq!(lit(&s, &hl), ["集装箱"]);
    }

    #[test]
    fn long_text_is_cut_around_the_match_without_splitting_wide_chars() {
        let text = "全年港口集装箱吞吐量4444.8万标准箱,占全市比重90.4%,支撑上海港集装箱吞吐量连续十四年排名世界第一。";
        let b = text.find("90.4%").unwrap();
        let h = hit(text, vec![b..b + 5]);
        for w in 5..40 {
            let (s, hl) = snippet(&h, w, AmbiguousWidth::Narrow);
            assert!(str_width(&s, AmbiguousWidth::Narrow) <= w, "{w}: {s}");
            for r in &hl {
                assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
            }
            if w >= 12 {
                assert!(s.starts_with(ELIDED_START), "{w}: {s}");
                assert!(s.ends_with(ELIDED_END), "{w}: {s}");
                assert_eq!(lit(&s, &hl), ["90.4%"], "{w}: {s}");
            }
            assert!(!s.contains('…'));
        }
    }

    #[test]
    fn a_match_near_the_end_fills_the_width_from_the_left() {
        let text = "一二三四五六七八九十甲乙";
        let b = text.find('乙').unwrap();
        let h = hit(text, vec![b..b + 3]);
        let (s, hl) = snippet(&h, 10, AmbiguousWidth::Narrow);
        assert_eq!(s, "..九十甲乙");
        assert_eq!(lit(&s, &hl), ["乙"]);
        // an odd width leaves a column free rather than split a wide char
        let (s, _) = snippet(&h, 11, AmbiguousWidth::Narrow);
        assert_eq!(s, "..九十甲乙");
        let (s, _) = snippet(&h, 14, AmbiguousWidth::Narrow);
        assert_eq!(s, "..七八九十甲乙");
    }

    #[test]
    fn ambiguous_chars_count_by_the_setting() {
        let text = "地区生产总值 · 完成数: 16715.2亿元";
        let h = hit(text, vec![]);
        let narrow = str_width(text, AmbiguousWidth::Narrow);
        let (s, _) = snippet(&h, narrow, AmbiguousWidth::Narrow);
        assert_eq!(s, text);
        let (s, _) = snippet(&h, narrow, AmbiguousWidth::Wide);
        assert!(s.ends_with('~'));
        assert!(str_width(&s, AmbiguousWidth::Wide) <= narrow);
    }

    #[test]
    fn control_chars_are_sanitized_and_ranges_follow() {
        let text = "a\x1b[2Jb生产";
        let b = text.find('生').unwrap();
        let (s, hl) = sanitize_with_ranges(text, &[b..b + 6]);
        assert!(!s.contains('\x1b'));
        assert_eq!(lit(&s, &hl), ["生产"]);
        let (s, hl) = snippet(&hit(text, vec![b..b + 6]), 40, AmbiguousWidth::Narrow);
        assert!(!s.contains('\x1b'));
        assert_eq!(lit(&s, &hl), ["生产"]);
    }
}
