//! Display width of chars and strings (unicode-width, the version ratatui
//! uses), with East Asian Ambiguous characters narrow or wide.
//! STUB: the text-layout work replaces these bodies; the signatures are the contract.

use unicode_width::UnicodeWidthChar;

/// How East Asian Ambiguous characters (“ ” — … · ① …) are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AmbiguousWidth {
    /// One column (most terminals).
    #[default]
    Narrow,
    /// Two columns (terminals set up for CJK).
    Wide,
}

/// Columns one char takes; control chars take 0.
pub fn char_width(c: char, amb: AmbiguousWidth) -> usize {
    match amb {
        AmbiguousWidth::Narrow => c.width().unwrap_or(0),
        AmbiguousWidth::Wide => c.width_cjk().unwrap_or(0),
    }
}

/// Columns a string takes.
pub fn str_width(s: &str, amb: AmbiguousWidth) -> usize {
    s.chars().map(|c| char_width(c, amb)).sum()
}

/// The longest prefix of `s` that fits in `width` columns, never splitting a
/// wide char; when cut, ends with an ASCII marker "~" (no ambiguous ellipsis).
pub fn truncate(s: &str, width: usize, amb: AmbiguousWidth) -> String {
    if str_width(s, amb) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = char_width(c, amb);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('~');
    }
    out
}

/// `s` truncated to `width` and padded with spaces to exactly `width` columns.
pub fn pad(s: &str, width: usize, amb: AmbiguousWidth) -> String {
    let mut t = truncate(s, width, amb);
    let w = str_width(&t, amb);
    for _ in w..width {
        t.push(' ');
    }
    t
}
