//! An item's text from its folded text: folding maps each char to one char
//! (`text::fold`), so the index keeps the folded text only, and for the
//! chars folding changed their byte offset and original char.

use std::borrow::Cow;

/// A char folding changed: its byte offset in the folded text, and the
/// char it was.
pub type Change = (u32, char);

/// Append to `out` the chars of `text` that folding changed in `folded`.
pub fn changes(text: &str, folded: &str, out: &mut Vec<Change>) {
    for ((b, f), t) in folded.char_indices().zip(text.chars()) {
        if f != t {
            out.push((u32::try_from(b).unwrap_or(u32::MAX), t));
        }
    }
}

/// The text `folded` came from, given its `changes`.
pub fn unfold<'a>(folded: &'a str, changes: &[Change]) -> Cow<'a, str> {
    if changes.is_empty() {
        return Cow::Borrowed(folded);
    }
    let mut s = String::with_capacity(folded.len() + changes.len() * 2);
    let mut at = 0;
    for &(b, c) in changes {
        let b = b as usize;
        let Some(f) = folded.get(b..).and_then(|r| r.chars().next()) else {
            break;
        };
        s.push_str(folded.get(at..b).unwrap_or(""));
        s.push(c);
        at = b + f.len_utf8();
    }
    s.push_str(folded.get(at..).unwrap_or(""));
    Cow::Owned(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::fold_owned;

    #[test]
    fn texts_come_back_from_their_folding() {
        for text in [
            "\u{FF27}\u{FF24}\u{FF30}\u{589E}\u{957F}5%",
            "GDP Growth\u{3000}\u{FF08}\u{4E00}\u{FF09}",
            "\u{5730}\u{533A}\u{751F}\u{4EA7}\u{603B}\u{503C}",
            "",
            "\u{00C9}t\u{00E9} \u{0130} \u{00DF}",
        ] {
            let folded = fold_owned(text);
            let mut ch = Vec::new();
            changes(text, &folded, &mut ch);
            assert_eq!(unfold(&folded, &ch), text);
            assert_eq!(ch.is_empty(), folded == text);
        }
    }
}
