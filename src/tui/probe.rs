//! `--ambiguous auto`: ask the terminal how wide it draws an East Asian
//! Ambiguous character, as vim does for 'ambiwidth', without ever waiting
//! for the answer. Before the alternate screen, in raw mode, [`ask`] prints
//! "“" at column 1, requests the cursor position (ESC[6n) and erases the
//! probe, all in one write; the first frame is drawn at once with
//! [`guess`] (the last answer for this terminal, else narrow). The reply
//! comes back as input whenever the link brings it within the first five
//! seconds (the event loop's input thread watches for it, never holding a
//! key back, see `input.rs`); column 3 means wide, and [`answer`] turns it
//! into a mode that is remembered for this terminal ($TERM/$TERM_PROGRAM)
//! in a small state file, so the next start guesses right. Nothing here draws or reads the terminal's input.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use crate::text::AmbiguousWidth;

/// How many terminals the state file remembers.
const REMEMBERED: usize = 32;

/// Print the probe and the request, without reading the reply. Call in raw
/// mode (the reply must not be echoed), before the alternate screen.
/// False when there is no terminal to ask.
pub fn ask() -> bool {
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        return false;
    }
    let mut out = std::io::stdout();
    // the report is of the cursor when ESC[6n is read, right after the “
    out.write_all(b"\r\xe2\x80\x9c\x1b[6n\r\x1b[K").is_ok() && out.flush().is_ok()
}

/// The mode a cursor report at 0-based column `x` (after "“" at column 0) means.
pub fn answer(x: u16) -> AmbiguousWidth {
    if x == 2 {
        AmbiguousWidth::Wide
    } else {
        AmbiguousWidth::Narrow
    }
}

/// The best guess before the terminal answers: its last answer, else narrow.
pub fn guess() -> AmbiguousWidth {
    state_file()
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|s| recall(&s, &terminal_key()))
        .unwrap_or(AmbiguousWidth::Narrow)
}

/// Remember this terminal's answer (errors ignored: it is only a guess for
/// next time). Written to a temporary file and renamed, so a reader never
/// sees half a file.
pub fn remember(amb: AmbiguousWidth) {
    let Some(path) = state_file() else { return };
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    let key = terminal_key();
    if recall(&old, &key) == Some(amb) {
        return;
    }
    let new = record(&old, &key, amb);
    let Some(dir) = path.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let tmp = dir.join(format!(".ambiguous-width.{}", std::process::id()));
    if std::fs::write(&tmp, new).is_ok() && std::fs::rename(&tmp, &path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// $XDG_STATE_HOME/baogao/ambiguous-width, or ~/.local/state/baogao/….
fn state_file() -> Option<PathBuf> {
    let nonempty = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
    let base = nonempty("XDG_STATE_HOME")
        .map(PathBuf::from)
        .or_else(|| nonempty("HOME").map(|h| PathBuf::from(h).join(".local/state")))?;
    Some(base.join("baogao").join("ambiguous-width"))
}

/// What names this terminal: $TERM and $TERM_PROGRAM (tabs and line feeds
/// taken out, they separate the file's fields).
fn terminal_key() -> String {
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    format!("{}/{}", var("TERM"), var("TERM_PROGRAM")).replace(['\t', '\n', '\r'], " ")
}

/// The mode remembered for `key` in a state file's text ("key<TAB>wide").
fn recall(text: &str, key: &str) -> Option<AmbiguousWidth> {
    text.lines().find_map(|l| match l.split_once('\t')? {
        (k, "wide") if k == key => Some(AmbiguousWidth::Wide),
        (k, "narrow") if k == key => Some(AmbiguousWidth::Narrow),
        _ => None,
    })
}

/// The state file's text with `key` set to `amb` (first, so the most
/// recently answered terminals are kept).
fn record(text: &str, key: &str, amb: AmbiguousWidth) -> String {
    let word = match amb {
        AmbiguousWidth::Wide => "wide",
        AmbiguousWidth::Narrow => "narrow",
    };
    let mut lines = vec![format!("{key}\t{word}")];
    lines.extend(
        text.lines()
            .filter(|l| l.split_once('\t').is_some_and(|(k, _)| k != key))
            .take(REMEMBERED - 1)
            .map(str::to_string),
    );
    lines.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_three_means_wide() {
        assert_eq!(answer(2), AmbiguousWidth::Wide);
        assert_eq!(answer(1), AmbiguousWidth::Narrow);
    }

    #[test]
    fn answers_are_remembered_per_terminal_newest_first() {
        let t = record("", "xterm/", AmbiguousWidth::Wide);
        assert_eq!(recall(&t, "xterm/"), Some(AmbiguousWidth::Wide));
        assert_eq!(recall(&t, "tmux/"), None);
        let t = record(&t, "tmux/", AmbiguousWidth::Narrow);
        let t = record(&t, "xterm/", AmbiguousWidth::Narrow);
        assert_eq!(t, "xterm/\tnarrow\ntmux/\tnarrow\n");
        assert_eq!(recall("garbage\nx\ty\n", "x"), None);
        let mut many = String::new();
        for k in 0..100 {
            many = record(&many, &k.to_string(), AmbiguousWidth::Wide);
        }
        assert_eq!(many.lines().count(), REMEMBERED);
        assert_eq!(recall(&many, "99"), Some(AmbiguousWidth::Wide));
    }
}
