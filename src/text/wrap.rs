//! Wrapping a paragraph of Chinese (and mixed) text into rows of a given
//! display width. STUB: the text-layout work replaces this body; the signature
//! is the contract.

use std::ops::Range;

use super::width::{char_width, AmbiguousWidth};

/// Break `text` into rows no wider than `width` columns. Returns byte ranges
/// into `text`; concatenating them gives back `text` exactly.
pub fn wrap(text: &str, width: usize, amb: AmbiguousWidth) -> Vec<Range<usize>> {
    let mut rows = Vec::new();
    let mut start = 0;
    let mut w = 0;
    for (i, c) in text.char_indices() {
        let cw = char_width(c, amb);
        if w + cw > width.max(2) && i > start {
            rows.push(start..i);
            start = i;
            w = 0;
        }
        w += cw;
    }
    if start < text.len() || rows.is_empty() {
        rows.push(start..text.len());
    }
    rows
}
