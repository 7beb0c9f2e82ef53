//! Making untrusted model text safe to write to a terminal: control
//! characters and bidi overrides become inert, visible ASCII stand-ins.
//!
//! Stand-ins (all plain ASCII, so their width is the same in every terminal):
//! - C0 controls U+0000–U+001F and DEL U+007F: caret notation, as `cat -v`
//!   and less show them: ESC → `^[`, BEL → `^G`, CR → `^M`, NUL → `^@`,
//!   DEL → `^?`.
//! - C1 controls U+0080–U+009F, bidi embeddings/overrides U+202A–U+202E,
//!   bidi isolates U+2066–U+2069 and the bidi marks U+200E, U+200F, U+061C:
//!   `<U+XXXX>` with the code point in hex, e.g. CSI U+009B → `<U+009B>`.
//!
//! [`sanitize`] keeps line feeds `\n` (text meant for multi-line output,
//! e.g. the CLI) and turns tabs into one space; a CR LF pair becomes `\n`,
//! a lone CR is `^M`. [`sanitize_line`] is for one row of UI: `\n`, CR LF,
//! CR and tab each become one space, so the result never leaves its row.
//!
//! So a heading with "\x1b]52;c;…\x07" prints as "^[]52;c;…^G" and
//! "\x1b[2J" as "^[[2J": visible, and not an escape sequence.

use std::borrow::Cow;

/// True for every char this module replaces (in either mode; `\n` and `\t`
/// are handled per mode).
pub fn is_unsafe(c: char) -> bool {
    c.is_control() // C0, DEL, C1
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}')
}

fn push_stand_in(out: &mut String, c: char) {
    let cp = c as u32;
    if cp < 0x20 {
        out.push('^');
        // 0x40 + cp is '@', 'A'..'Z', '[', '\\', ']', '^', '_'.
        out.push(char::from(0x40 + cp as u8));
    } else if cp == 0x7F {
        out.push_str("^?");
    } else {
        out.push_str(&format!("<U+{cp:04X}>"));
    }
}

fn clean(s: &str, single_line: bool) -> Cow<'_, str> {
    if !s
        .chars()
        .any(|c| is_unsafe(c) && (single_line || c != '\n'))
    {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' if single_line => out.push(' '),
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            '\r' if chars.peek() == Some(&'\n') => {
                // CR LF: one line break (or one space on a single line).
                chars.next();
                out.push(if single_line { ' ' } else { '\n' });
            }
            '\r' if single_line => out.push(' '),
            c if is_unsafe(c) => push_stand_in(&mut out, c),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `s` with every control character except `\n` (tabs become a space, CR LF
/// becomes `\n`), every bidi override, isolate and mark replaced by an inert
/// ASCII stand-in (see the module doc). Borrows when nothing needs replacing.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    clean(s, false)
}

/// Like [`sanitize`], but for one row of UI: line breaks (`\n`, CR LF, CR)
/// and tabs become one space each, so the result never leaves its row.
pub fn sanitize_line(s: &str) -> Cow<'_, str> {
    clean(s, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn clean_text_is_borrowed() {
        let s = "一、2022年上海市国民经济和社会发展计划执行情况\n“十四五”规划";
        assert!(matches!(sanitize(s), Cow::Borrowed(_)));
        assert!(matches!(sanitize_line("GDP增长5%"), Cow::Borrowed(_)));
    }

    #[test]
    fn osc52_and_clear_screen_are_inert() {
        let heading = "标题\x1b]52;c;ZWNobyBoaQ==\x07后文\x1b[2J";
        let out = sanitize(heading);
        assert_eq!(out, "标题^[]52;c;ZWNobyBoaQ==^G后文^[[2J");
        assert!(!out.contains('\x1b') && !out.contains('\x07'));
    }

    #[test]
    fn c1_del_and_bidi_become_code_points() {
        assert_eq!(sanitize("a\u{9b}31mb"), "a<U+009B>31mb");
        assert_eq!(sanitize("x\u{7f}y"), "x^?y");
        assert_eq!(sanitize("\u{202E}evil\u{202C}"), "<U+202E>evil<U+202C>");
        assert_eq!(sanitize("\u{2066}a\u{2069}"), "<U+2066>a<U+2069>");
        assert_eq!(sanitize("\u{200F}"), "<U+200F>");
        assert_eq!(sanitize("\0"), "^@");
    }

    #[test]
    fn line_breaks_and_tabs() {
        assert_eq!(sanitize("a\nb\r\nc\rd\te"), "a\nb\nc^Md e");
        assert_eq!(sanitize_line("a\nb\r\nc\rd\te"), "a b c d e");
        assert_eq!(sanitize_line("标题\x1b[2J"), "标题^[[2J");
    }

    proptest! {
        #[test]
        fn output_has_no_unsafe_chars(s in any::<String>()) {
            let multi = sanitize(&s);
            prop_assert!(!multi.chars().any(|c| is_unsafe(c) && c != '\n'));
            let line = sanitize_line(&s);
            prop_assert!(!line.chars().any(is_unsafe));
            // Safe chars pass through untouched.
            if !s.chars().any(is_unsafe) {
                prop_assert_eq!(line.as_ref(), s.as_str());
            }
        }
    }
}
