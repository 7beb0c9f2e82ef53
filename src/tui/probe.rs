//! `--ambiguous auto`: ask the terminal how wide it draws an East Asian
//! Ambiguous character, as vim does for 'ambiwidth'. Before the alternate
//! screen: print "“" at column 1, request the cursor position (ESC[6n), read
//! the reply with a 100 ms timeout, erase the probe. Column 3 means wide;
//! anything else, a timeout or no terminal means narrow.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

use ratatui::crossterm::terminal::{disable_raw_mode, enable_raw_mode};

use crate::text::AmbiguousWidth;

/// How long to wait for the terminal's answer.
pub const TIMEOUT: Duration = Duration::from_millis(100);

/// Ask the terminal; narrow when it cannot tell us.
pub fn detect() -> AmbiguousWidth {
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        return AmbiguousWidth::Narrow;
    }
    if enable_raw_mode().is_err() {
        return AmbiguousWidth::Narrow;
    }
    let mut out = std::io::stdout();
    let _ = write!(out, "\r\u{201C}\x1b[6n");
    let _ = out.flush();
    let reply = read_reply(TIMEOUT);
    let _ = write!(out, "\r\x1b[K");
    let _ = out.flush();
    let _ = disable_raw_mode();
    match reply.as_deref().and_then(parse_column) {
        Some(3) => AmbiguousWidth::Wide,
        _ => AmbiguousWidth::Narrow,
    }
}

/// The column of a cursor position report "ESC [ row ; col R".
pub fn parse_column(reply: &str) -> Option<u16> {
    let start = reply.rfind("\x1b[")?;
    let body = reply[start + 2..].split('R').next()?;
    let (_, col) = body.split_once(';')?;
    col.parse().ok()
}

#[cfg(unix)]
fn read_reply(timeout: Duration) -> Option<String> {
    let deadline = Instant::now() + timeout;
    let mut got = Vec::new();
    loop {
        let left = deadline.checked_duration_since(Instant::now())?;
        let mut pfd = libc::pollfd {
            fd: 0,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, count 1.
        let n = unsafe { libc::poll(&mut pfd, 1, left.as_millis().max(1) as libc::c_int) };
        if n <= 0 {
            return None;
        }
        let mut buf = [0u8; 64];
        // SAFETY: reading into a stack buffer of the given length.
        let r = unsafe { libc::read(0, buf.as_mut_ptr().cast(), buf.len()) };
        if r <= 0 {
            return None;
        }
        got.extend_from_slice(&buf[..r as usize]);
        if got.contains(&b'R') {
            return Some(String::from_utf8_lossy(&got).into_owned());
        }
    }
}

#[cfg(not(unix))]
fn read_reply(_timeout: Duration) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_reports_are_parsed() {
        assert_eq!(parse_column("\x1b[12;3R"), Some(3));
        assert_eq!(parse_column("junk\x1b[1;2R"), Some(2));
        assert_eq!(parse_column("\x1b[R"), None);
        assert_eq!(parse_column(""), None);
    }
}
