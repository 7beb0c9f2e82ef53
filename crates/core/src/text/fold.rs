//! Folding text for matching, in one place for the builder and search.
//! Two strengths:
//! - width folding ([`fold_width`], [`fold_width_str`]): full-width forms
//!   (U+FF01–U+FF5E) to their ASCII twins and the ideographic space to a
//!   space. The builder recognizes markers, dates and punctuation this way;
//!   the model keeps the source's own chars.
//! - match folding ([`fold_char`], [`fold`], [`fold_owned`]): width folding,
//!   then Latin (and other simple, below U+2E80) case to lower case. Search
//!   compares queries and texts this way.
//!
//! Both map one char to exactly one char, so char positions in folded text
//! are char positions in the original (offsets are unchanged).

/// The ASCII twin of a full-width form (the ideographic space: a space),
/// or `c` itself.
#[inline]
pub fn fold_width(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

/// `s` with every full-width form folded (see [`fold_width`]).
pub fn fold_width_str(s: &str) -> String {
    s.chars().map(fold_width).collect()
}

/// Match-fold one char: width folding, then simple lower case.
#[inline]
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let w = fold_width(c);
    if w.is_ascii() {
        return w.to_ascii_lowercase();
    }
    if w < '\u{2E80}' {
        let mut l = w.to_lowercase();
        if let (Some(x), None) = (l.next(), l.next()) {
            return x;
        }
    }
    w
}

/// Match-fold a string; `None` when folding changes nothing (the common
/// case for Chinese text).
pub fn fold(s: &str) -> Option<String> {
    let first = s.char_indices().find(|&(_, c)| fold_char(c) != c)?.0;
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    out.extend(s[first..].chars().map(fold_char));
    Some(out)
}

/// Match-fold a string, always returning the folded copy.
pub fn fold_owned(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// The char index of a byte offset of `s` (needed only for shown hits).
pub fn char_index(s: &str, byte: usize) -> usize {
    s.get(..byte).map_or(0, |p| p.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_folding_folds_full_width_forms_only() {
        let full: String = [
            '\u{FF08}', '\u{4e00}', '\u{FF09}', '\u{FF11}', '\u{FF0E}', '\u{FF05}',
        ]
        .iter()
        .collect();
        assert_eq!(fold_width_str(&full), "(一)1.%");
        assert_eq!(fold_width('。'), '。');
        assert_eq!(fold_width('、'), '、');
        // no case folding at this strength
        assert_eq!(fold_width_str("ＧＤＰ A"), "GDP A");
    }

    #[test]
    fn full_width_and_case_fold_to_ascii() {
        assert_eq!(fold("ＧＤＰ增长"), Some("gdp增长".to_string()));
        assert_eq!(fold("Ｑ１　ok"), Some("q1 ok".to_string()));
        assert_eq!(fold("地区生产总值"), None);
        assert_eq!(fold_char('É'), 'é');
    }

    /// The match folding as it was written before the two modules became
    /// one (search's own), to pin that nothing changed.
    fn old_fold_char(c: char) -> char {
        if c.is_ascii() {
            return c.to_ascii_lowercase();
        }
        match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0)
                .map(|a| a.to_ascii_lowercase())
                .unwrap_or(c),
            '\u{3000}' => ' ',
            _ if c < '\u{2E80}' => {
                let mut l = c.to_lowercase();
                match (l.next(), l.next()) {
                    (Some(x), None) => x,
                    _ => c,
                }
            }
            _ => c,
        }
    }

    #[test]
    fn match_folding_is_unchanged_for_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(fold_char(c), old_fold_char(c), "{:04X}", c as u32);
        }
    }

    #[test]
    fn folding_keeps_the_char_count() {
        let s = "ＡＢＣ abc İ ß 生产";
        assert_eq!(fold_owned(s).chars().count(), s.chars().count());
        assert_eq!(fold_width_str(s).chars().count(), s.chars().count());
    }

    #[test]
    fn byte_offsets_convert_to_char_indices() {
        assert_eq!(char_index("a生产b", 4), 2);
        assert_eq!(char_index("a生产b", 7), 3);
    }
}
