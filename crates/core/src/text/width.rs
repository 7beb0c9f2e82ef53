//! Display width of chars, grapheme clusters and strings (unicode-width 0.2,
//! the version the TUI library uses, counted per grapheme cluster as its screen buffer does),
//! with East Asian Ambiguous characters narrow or wide; truncating and
//! padding to a width without splitting a wide char or a grapheme cluster.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// How East Asian Ambiguous characters (“ ” — … · ① …) are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AmbiguousWidth {
    /// One column (most terminals).
    #[default]
    Narrow,
    /// Two columns (terminals set up for CJK).
    Wide,
}

/// The marker that ends a truncated string: plain ASCII, so its width is 1
/// in every terminal (an ellipsis "…" is East Asian Ambiguous).
pub const CUT_MARKER: char = '~';

/// Columns one char takes on its own; control chars take 0.
pub fn char_width(c: char, amb: AmbiguousWidth) -> usize {
    match amb {
        AmbiguousWidth::Narrow => c.width().unwrap_or(0),
        AmbiguousWidth::Wide => c.width_cjk().unwrap_or(0),
    }
}

/// Columns one grapheme cluster takes, as the TUI library's screen buffer counts it: the
/// unicode-width string width of the cluster (so "e\u{301}" is 1, an emoji
/// ZWJ sequence is 2), plus 1 per halfwidth katakana (semi-)voiced sound mark
/// U+FF9E/U+FF9F (the TUI library's `cell_width` adds that).
/// A cluster holding a control char takes 0 (the TUI library drops those; they never
/// reach the screen unsanitized).
pub fn grapheme_width(g: &str, amb: AmbiguousWidth) -> usize {
    let mut chars = g.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // One char (the common case): its own width is the cluster's.
        let extra = usize::from(c == '\u{FF9E}' || c == '\u{FF9F}');
        return char_width(c, amb) + extra;
    }
    if g.chars().any(char::is_control) {
        return 0;
    }
    let base = match amb {
        AmbiguousWidth::Narrow => g.width(),
        AmbiguousWidth::Wide => g.width_cjk(),
    };
    base + g
        .chars()
        .filter(|&c| c == '\u{FF9E}' || c == '\u{FF9F}')
        .count()
}

/// Columns a string takes: the sum of its grapheme clusters' widths.
pub fn str_width(s: &str, amb: AmbiguousWidth) -> usize {
    if s.is_ascii() {
        return s.bytes().filter(|b| !b.is_ascii_control()).count();
    }
    clusters(s).map(|(_, g)| grapheme_width(g, amb)).sum()
}

/// True for chars that are always a grapheme cluster on their own when the
/// next char is one too: printable ASCII, CJK ideographs, and the CJK,
/// full-width and general punctuation Chinese text is made of. None of them
/// is Extend, ZWJ, SpacingMark, Prepend, a regional indicator, an emoji,
/// Hangul or a control (checked against unicode-segmentation in the tests).
fn is_simple(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3014}'..='\u{301F}'
        | '\u{FF01}'..='\u{FF5E}'
        | '\u{2010}'..='\u{2027}'
        | '\u{00B7}'
    )
}

/// The grapheme clusters of `text` with their byte offsets: the same as
/// `text.grapheme_indices(true)`, with a fast path for plain Chinese text
/// (a simple char followed by a simple char is a cluster of its own).
pub(crate) fn clusters(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rest = &text[pos..];
        let mut chars = rest.chars();
        let first = chars.next()?;
        let len = if is_simple(first) && chars.next().is_none_or(is_simple) {
            first.len_utf8()
        } else {
            // `pos` is a cluster boundary, so segmenting from here is exact.
            rest.graphemes(true).next().map_or(rest.len(), str::len)
        };
        let start = pos;
        pos += len;
        Some((start, &text[start..pos]))
    })
}

/// The longest prefix of `s` that fits in `width` columns, never splitting a
/// wide char or a grapheme cluster. When anything is cut off, the result ends
/// with [`CUT_MARKER`] ("~"), which takes one of the `width` columns. The
/// result is never wider than `width` (it is empty when `width` is 0), and it
/// may be one column narrower when a wide char did not fit before the marker.
pub fn truncate(s: &str, width: usize, amb: AmbiguousWidth) -> String {
    if str_width(s, amb) <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for g in s.graphemes(true) {
        let gw = grapheme_width(g, amb);
        if w + gw + 1 > width {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    out.push(CUT_MARKER);
    out
}

/// `s` truncated to `width` and padded with spaces on the right to exactly
/// `width` columns.
pub fn pad(s: &str, width: usize, amb: AmbiguousWidth) -> String {
    let mut t = truncate(s, width, amb);
    let w = str_width(&t, amb);
    t.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    t
}

/// `s` truncated to `width` and padded with spaces on the left to exactly
/// `width` columns (right-aligned, for numbers in table columns).
pub fn pad_left(s: &str, width: usize, amb: AmbiguousWidth) -> String {
    let t = truncate(s, width, amb);
    let w = str_width(&t, amb);
    let mut out: String = std::iter::repeat_n(' ', width.saturating_sub(w)).collect();
    out.push_str(&t);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use AmbiguousWidth::{Narrow, Wide};

    #[test]
    fn cjk_is_two_columns_ascii_one() {
        assert_eq!(str_width("GDP增长5%", Narrow), 3 + 4 + 2);
        assert_eq!(str_width("全年全市生产总值", Wide), 16);
        assert_eq!(str_width("\u{FF0C}\u{3002}\u{3001}", Narrow), 6);
        assert_eq!(char_width('中', Narrow), 2);
        assert_eq!(char_width('a', Wide), 1);
    }

    #[test]
    fn ambiguous_chars_follow_the_mode() {
        for c in ['“', '”', '—', '…', '·', '①', 'Ⅲ'] {
            assert_eq!(char_width(c, Narrow), 1, "{c}");
            assert_eq!(char_width(c, Wide), 2, "{c}");
        }
        assert_eq!(str_width("“十四五”", Narrow), 8);
        assert_eq!(str_width("“十四五”", Wide), 10);
        assert_eq!(str_width("——", Narrow), 2);
        assert_eq!(str_width("——", Wide), 4);
    }

    #[test]
    fn clusters_count_once() {
        // Combining acute accent joins its base.
        assert_eq!(str_width("e\u{301}", Narrow), 1);
        assert_eq!(char_width('\u{301}', Narrow), 0);
        // Family emoji (ZWJ sequence) is one 2-column cluster.
        assert_eq!(str_width("👨\u{200D}👩\u{200D}👧", Narrow), 2);
        // Flag: two regional indicators, one cluster.
        assert_eq!(str_width("🇨🇳", Narrow), 2);
        // Halfwidth katakana + voiced sound mark: the TUI library adds 1 per mark
        // on top of unicode-width 0.2.3 (which already counts it as 1); we
        // count as its screen buffer does, so its cells and our layout agree.
        assert_eq!(str_width("\u{FF76}\u{FF9E}", Narrow), 3);
    }

    #[test]
    fn controls_take_no_columns() {
        assert_eq!(char_width('\u{1b}', Narrow), 0);
        assert_eq!(str_width("a\u{1b}b", Narrow), 2);
        assert_eq!(str_width("中\u{7}", Narrow), 2);
        assert_eq!(str_width("a\r\nb", Narrow), 2);
    }

    #[test]
    fn truncate_marks_the_cut_and_never_splits() {
        assert_eq!(truncate("生产总值", 8, Narrow), "生产总值");
        assert_eq!(truncate("生产总值", 7, Narrow), "生产总~");
        assert_eq!(truncate("生产总值", 6, Narrow), "生产~");
        assert_eq!(truncate("生产总值", 1, Narrow), "~");
        assert_eq!(truncate("生产总值", 0, Narrow), "");
        assert_eq!(truncate("REITs试点", 4, Narrow), "REI~");
        assert_eq!(truncate("e\u{301}e\u{301}e\u{301}", 2, Narrow), "e\u{301}~");
        // Ambiguous quote counts 2 in wide mode.
        assert_eq!(truncate("“十四五”规划", 6, Narrow), "“十四~");
        assert_eq!(truncate("“十四五”规划", 6, Wide), "“十~");
    }

    #[test]
    fn pad_gives_exact_width() {
        assert_eq!(pad("单位", 6, Narrow), "单位  ");
        assert_eq!(pad("生产总值", 5, Narrow), "生产~");
        assert_eq!(str_width(&pad("生产总值", 5, Narrow), Narrow), 5);
        assert_eq!(pad_left("4.8%", 6, Narrow), "  4.8%");
        assert_eq!(pad_left("16715.2亿元", 6, Narrow), "16715~");
    }

    proptest! {
        #[test]
        fn clusters_match_unicode_segmentation(s in any::<String>(), t in mixed()) {
            for text in [s.as_str(), t.as_str(), &format!("{t}{s}{t}")] {
                let fast: Vec<(usize, &str)> = clusters(text).collect();
                let reference: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
                prop_assert_eq!(fast, reference);
            }
        }
    }

    #[test]
    fn simple_chars_never_join() {
        // Every simple char, around a sample of others, is a cluster of its
        // own (so the fast path is exact).
        let simple: Vec<char> = (0..=0xFFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_simple(c))
            .collect();
        for &c in &simple {
            for d in ['a', '中', '\u{3002}', '\u{FF0C}', '\u{2014}'] {
                let s = format!("{c}{d}{c}");
                assert_eq!(s.graphemes(true).count(), 3, "{c:?} {d:?}");
            }
        }
    }

    fn mixed() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("中".to_string()),
                Just("国".to_string()),
                Just("“".to_string()),
                Just("—".to_string()),
                Just("a".to_string()),
                Just("e\u{301}".to_string()),
                Just("👍🏽".to_string()),
                Just(",".to_string()),
                Just("7".to_string()),
                Just("\u{301}".to_string()),
                Just("\u{200D}".to_string()),
                Just("🇨".to_string()),
                Just("\r\n".to_string()),
                Just("\u{302A}".to_string()),
                Just("\u{3030}".to_string()),
                Just("각".to_string()),
                Just("\u{1100}".to_string()),
            ],
            0..30,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn truncate_and_pad_fit(s in mixed(), width in 0usize..40, wide in any::<bool>()) {
            let amb = if wide { Wide } else { Narrow };
            let t = truncate(&s, width, amb);
            prop_assert!(str_width(&t, amb) <= width);
            if str_width(&s, amb) <= width {
                prop_assert_eq!(&t, &s);
            } else if width > 0 {
                prop_assert!(t.ends_with(CUT_MARKER));
                let kept = &t[..t.len() - 1];
                prop_assert!(s.starts_with(kept));
                // Kept part ends on a grapheme boundary of s.
                let boundaries: Vec<usize> =
                    s.grapheme_indices(true).map(|(i, _)| i).chain([s.len()]).collect();
                prop_assert!(boundaries.contains(&kept.len()));
            }
            prop_assert_eq!(str_width(&pad(&s, width, amb), amb), width);
            prop_assert_eq!(str_width(&pad_left(&s, width, amb), amb), width);
        }
    }
}
