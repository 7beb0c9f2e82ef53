//! Making untrusted model text safe to write to a terminal.
//! STUB: the text-layout work replaces this body; the signature is the contract.

use std::borrow::Cow;

/// Replace control characters (C0 except none, C1, ESC, DEL) and bidi
/// overrides with visible inert stand-ins.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    let bad = |c: char| {
        c.is_control()
            || ('\u{202A}'..='\u{202E}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    };
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if bad(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}
