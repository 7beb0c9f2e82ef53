//! Folding full-width forms (U+FF01–U+FF5E, the ideographic space) to their
//! ASCII twins for matching only: the model keeps the source's own chars, and
//! folding is char for char, so offsets are unchanged.

/// The ASCII twin of a full-width form, or `c` itself.
pub fn fold(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

/// `s` with every full-width form folded.
pub fn fold_str(s: &str) -> String {
    s.chars().map(fold).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_forms_only() {
        let full: String = [
            '\u{FF08}', '\u{4e00}', '\u{FF09}', '\u{FF11}', '\u{FF0E}', '\u{FF05}',
        ]
        .iter()
        .collect();
        assert_eq!(fold_str(&full), "(一)1.%");
        assert_eq!(fold('。'), '。');
        assert_eq!(fold('、'), '、');
    }
}
