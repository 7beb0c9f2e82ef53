//! Folding text for matching: full-width ASCII forms to ASCII, Latin (and other
//! simple) case to lower case, the ideographic space to a space. One char maps
//! to exactly one char, so char positions in folded text are char positions in
//! the original.

/// Fold one char (see the module doc).
#[inline]
pub fn fold_char(c: char) -> char {
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

/// Fold a string; `None` when folding changes nothing (the common case for Chinese text).
pub fn fold(s: &str) -> Option<String> {
    let first = s.char_indices().find(|&(_, c)| fold_char(c) != c)?.0;
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    out.extend(s[first..].chars().map(fold_char));
    Some(out)
}

/// Fold a string, always returning the folded copy.
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
    fn full_width_and_case_fold_to_ascii() {
        assert_eq!(fold("ＧＤＰ增长"), Some("gdp增长".to_string()));
        assert_eq!(fold("Ｑ１　ok"), Some("q1 ok".to_string()));
        assert_eq!(fold("地区生产总值"), None);
        assert_eq!(fold_char('É'), 'é');
    }

    #[test]
    fn folding_keeps_the_char_count() {
        let s = "ＡＢＣ abc İ ß 生产";
        assert_eq!(fold_owned(s).chars().count(), s.chars().count());
    }

    #[test]
    fn byte_offsets_convert_to_char_indices() {
        assert_eq!(char_index("a生产b", 4), 2);
        assert_eq!(char_index("a生产b", 7), 3);
    }
}
