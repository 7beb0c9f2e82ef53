//! What the explorer copies and how it reaches the user's clipboard: the
//! text to copy for the focused pane (a sentence, a table row, a whole
//! table, with its citation from `model::cite`) and the OSC 52 bytes that
//! carry it (`ESC ] 52 ; c ; base64 BEL`), wrapped for tmux passthrough
//! when inside tmux (`ESC P tmux; ... ESC \`, every ESC inside doubled).
//! OSC 52 works over SSH because the terminal, not the host, owns the
//! clipboard; a terminal without it ignores the whole sequence (it is a
//! well-formed string command), so it never shows as garbage. Pure: only
//! the terminal layer writes the bytes.

use super::action::Focus;
use super::app::App;
use super::tables::TableRef;
use crate::model::cite::{cite_grid, cite_table, cite_text, Grid};

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(A[((n >> (18 - 6 * k)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The OSC 52 sequence that puts `text` on the clipboard. Inside tmux
/// (`tmux`: $TMUX is set) it is sent twice: wrapped for passthrough (reaches
/// the outer terminal when tmux has `allow-passthrough on`) and plain (tmux
/// takes it itself, and forwards it, with `set-clipboard on`); whichever
/// tmux drops is dropped silently, and two copies of one text are one.
pub fn osc52(text: &str, tmux: bool) -> Vec<u8> {
    let seq = format!("\x1b]52;c;{}\x07", base64(text.as_bytes()));
    if tmux {
        let wrapped = format!("\x1bPtmux;{}\x1b\\", seq.replace('\x1b', "\x1b\x1b"));
        (wrapped + &seq).into_bytes()
    } else {
        seq.into_bytes()
    }
}

/// What `y` (or `Y`: `whole` table) copies here, with a short description
/// for the status line; None when there is nothing to copy.
pub fn what_to_copy(app: &App, whole: bool) -> Option<(String, String)> {
    let fmt = app.copy_format;
    if app.right_pane() == Focus::Tables && app.focus != Focus::Reader {
        let t = app.tables.as_ref()?;
        let row = if whole {
            None
        } else {
            Some(*t.rows.get(t.cursor)?)
        };
        let text = match t.current_ref()? {
            TableRef::Printed { report, table } => {
                let r = app.model.reports.get(report)?;
                cite_table(r, r.tables.get(table)?, row, fmt)?
            }
            TableRef::Derived(i) => {
                let d = app.derived.get(i)?;
                let r = app.model.reports.iter().find(|r| r.id == d.report)?;
                let caption = format!("{} {}", d.title, super::strings::DERIVED);
                let grid = Grid {
                    id: &d.id,
                    section: "",
                    caption: &caption,
                    columns: &d.columns,
                    rows: &d.rows,
                };
                cite_grid(r, &grid, row, fmt)?
            }
        };
        let what = match row {
            Some(k) => format!("row {}", k + 1),
            None => "table".to_string(),
        };
        return Some((text, what));
    }
    let rd = &app.reader;
    let on_screen = |id: &String| {
        rd.doc
            .line_of_sentence(id)
            .is_some_and(|l| l >= rd.top && l < rd.top + rd.height.max(1))
    };
    // The highlighted sentence when on screen, else the first one on screen.
    let id = match rd.highlight.as_ref().filter(|h| on_screen(h)) {
        Some(h) => h.clone(),
        None => {
            let i = rd.doc.first_sentence_from(rd.top, rd.height.max(1))?;
            rd.doc.sentences.get(i as usize)?.clone()
        }
    };
    let text = cite_text(&app.model, &id, fmt)?;
    Some((text, "sentence".to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_4648_vectors() {
        for (i, o) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(i.as_bytes()), o);
        }
    }

    #[test]
    fn osc52_is_well_formed_plain_and_inside_tmux() {
        assert_eq!(osc52("hi", false), b"\x1b]52;c;aGk=\x07");
        assert_eq!(
            osc52("hi", true),
            b"\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\\x1b]52;c;aGk=\x07"
        );
    }
}
