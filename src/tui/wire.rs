//! The bytes that put changed cells on the terminal: cursor moves, SGR
//! attributes and the symbols themselves, as few as the terminal needs.
//! Pure encoding into a `Vec<u8>`; no terminal I/O and no diffing (that is
//! [`super::screen`]).
//!
//! Where the cursor is after each symbol is tracked, so that the next cell
//! costs a move only when it is not where the cursor already stands, and a
//! move that is needed takes the shortest form (`\r`, `\r\n`, `ESC[nC`, or
//! an absolute `ESC[r;cH`).
//!
//! ## Why we trust the width of a wide char (and ratatui's backend does not)
//! ratatui 0.30's `CrosstermBackend::draw` skips the move only when a cell
//! is at `last.x + 1`; `Buffer::diff` never yields the covered column of a
//! wide char, so every CJK char is followed by a move to where the cursor
//! already is (6–9 bytes after a 3-byte char). Upstream kept that on
//! purpose (ratatui issues #1396, #2651, PRs #2484/#2486/#2721): terminals
//! and tmux disagree on the width of emoji, VS16 presentation sequences and
//! newly assigned chars, and a move after each wide cell confines such a
//! disagreement to one cell instead of shifting the rest of the row.
//!
//! Those reasons do not hold for what baogao draws: Chinese text is CJK
//! ideographs and fullwidth punctuation, which every terminal has drawn two
//! columns wide for decades, and ASCII. So the width is trusted for a cell
//! holding one char that is ASCII or outside the disputed blocks, and the
//! cursor is treated as *unknown* (the next cell gets an absolute move, as
//! upstream does) after anything else: multi-char graphemes (combining
//! marks, VS16, ZWJ sequences), emoji and pictograph blocks, zero-width
//! chars. East Asian Ambiguous chars (“ ” — ① and box drawing) are trusted
//! at the width of the mode we draw in (`--ambiguous`, written with a forced
//! width in wide mode): that mode is the terminal's own answer or the user's
//! word, and the layout of the whole screen already depends on it; if it is
//! wrong, borders are wrong with or without the extra moves. After the last
//! column the cursor is also unknown (terminals differ on the pending wrap).

use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::style::{Color, Modifier};

/// Attributes as last sent to the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    modifier: Modifier,
}

impl Pen {
    const RESET: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        modifier: Modifier::empty(),
    };
}

/// The encoder's knowledge of the terminal: screen size, cursor, attributes.
#[derive(Debug, Clone)]
pub struct Wire {
    width: u16,
    height: u16,
    /// Where the cursor stands, if known for sure.
    cursor: Option<(u16, u16)>,
    pen: Pen,
}

impl Wire {
    pub fn new(width: u16, height: u16) -> Wire {
        Wire {
            width,
            height,
            cursor: None,
            pen: Pen::RESET,
        }
    }

    /// Forget the cursor (after a sequence that homes or moves it, such as
    /// setting a scroll region, or output that is not ours).
    pub fn lose_cursor(&mut self) {
        self.cursor = None;
    }

    /// Write `cells` of `next` (in screen order, as `Buffer::diff` yields
    /// them), then reset the attributes if any are set. Two shortcuts use
    /// `next` itself: a changed row whose rest is blank is erased with
    /// `ESC[K` instead of printing spaces, and a short gap of unchanged
    /// cells in the current attributes is printed over instead of moved
    /// over when that is shorter.
    pub fn cells<'a>(
        &mut self,
        out: &mut Vec<u8>,
        next: &Buffer,
        cells: impl Iterator<Item = (u16, u16, &'a Cell)>,
    ) {
        let blank_from = blank_tails(next);
        let mut erased_row = None;
        for (x, y, cell) in cells {
            if x >= self.width || y >= self.height || erased_row == Some(y) {
                continue;
            }
            if blank_from.get(y as usize).is_some_and(|&b| x >= b) {
                // everything from here to the end of the row is blank
                self.reset_pen(out);
                self.move_to(out, x, y);
                out.extend_from_slice(b"\x1b[K");
                erased_row = Some(y);
                continue;
            }
            if !self.print_gap(out, next, x, y) && !self.print_next_row(out, next, x, y) {
                self.move_to(out, x, y);
            }
            self.set_pen(
                out,
                Pen {
                    fg: cell.fg,
                    bg: cell.bg,
                    modifier: cell.modifier,
                },
            );
            out.extend_from_slice(cell.symbol().as_bytes());
            self.cursor = match settled_width(cell) {
                Some(w) if x + w < self.width => Some((x + w, y)),
                _ => None,
            };
        }
        self.reset_pen(out);
    }

    /// To (x, y) on the row below the cursor: CR LF, then the row's first
    /// `x` cells printed over as [`Wire::print_gap`] would, when that is
    /// shorter than the move; true when done.
    fn print_next_row(&mut self, out: &mut Vec<u8>, next: &Buffer, x: u16, y: u16) -> bool {
        let Some((_, cy)) = self.cursor else {
            return false;
        };
        if x == 0 || cy + 1 != y || y >= self.height {
            return false;
        }
        let saved = self.cursor;
        let mut trial = b"\r\n".to_vec();
        self.cursor = Some((0, y));
        let printed = self.print_gap(&mut trial, next, x, y);
        let mut moved = Vec::new();
        self.cursor = saved;
        self.move_to(&mut moved, x, y);
        if printed && trial.len() < moved.len() {
            out.extend_from_slice(&trial);
        } else {
            out.extend_from_slice(&moved);
        }
        true
    }

    /// From the cursor to (x, y) on its row, print `next`'s cells when they
    /// are all of sure width, look the same in the current attributes, and
    /// are shorter than the move; true when done.
    fn print_gap(&mut self, out: &mut Vec<u8>, next: &Buffer, x: u16, y: u16) -> bool {
        let Some((cx, cy)) = self.cursor else {
            return false;
        };
        if cy != y || x <= cx || x - cx > 4 {
            return false;
        }
        let mut gap = Vec::new();
        let mut c = cx;
        while c < x {
            let Some(cell) = next.cell((c, y)) else {
                return false;
            };
            let pen = Pen {
                fg: cell.fg,
                bg: cell.bg,
                modifier: cell.modifier,
            };
            match settled_width(cell) {
                Some(w) if looks_same(cell, pen, self.pen) && c + w <= x => {
                    gap.extend_from_slice(cell.symbol().as_bytes());
                    c += w;
                }
                _ => return false,
            }
        }
        if gap.len() >= horizontal(cx, x).len() {
            return false;
        }
        out.extend_from_slice(&gap);
        self.cursor = Some((x, y));
        true
    }

    /// Default attributes (before scrolling: new lines take the current
    /// background, and after a frame: nothing else prints in our colors).
    pub fn reset_pen(&mut self, out: &mut Vec<u8>) {
        if self.pen != Pen::RESET {
            out.extend_from_slice(b"\x1b[m");
            self.pen = Pen::RESET;
        }
    }

    /// Move the cursor to (x, y) by the shortest sequence that is sure to
    /// land there.
    pub fn move_to(&mut self, out: &mut Vec<u8>, x: u16, y: u16) {
        let to = (x, y);
        if self.cursor == Some(to) {
            return;
        }
        let mut best = absolute(x, y);
        if let Some((cx, cy)) = self.cursor {
            let relative = if cy == y {
                Some(horizontal(cx, x))
            } else if cy + 1 == y && y < self.height {
                // CR LF: right whether or not the tty maps LF to CR LF; not
                // on the last row, where LF would scroll
                let mut s = b"\r\n".to_vec();
                s.extend(horizontal(0, x));
                Some(s)
            } else {
                None
            };
            if let Some(r) = relative.filter(|r| r.len() < best.len()) {
                best = r;
            }
        }
        out.extend_from_slice(&best);
        self.cursor = Some(to);
    }

    /// Switch to `pen` by the shorter of two sequences: the difference
    /// from the current attributes, or a reset followed by all of `pen`
    /// (`ESC[m` alone when `pen` is the default).
    fn set_pen(&mut self, out: &mut Vec<u8>, pen: Pen) {
        if pen == self.pen {
            return;
        }
        let fresh = sgr(Pen::RESET, pen, self.pen != Pen::RESET);
        // bold and dim share one "off" code, so taking modifiers away one by
        // one is never sure: then only the reset will do
        let best = if (self.pen.modifier - pen.modifier).is_empty() {
            let diff = sgr(self.pen, pen, false);
            if diff.len() <= fresh.len() {
                diff
            } else {
                fresh
            }
        } else {
            fresh
        };
        out.extend_from_slice(&best);
        self.pen = pen;
    }
}

/// The SGR sequence that adds to `from` what `to` has (`to` takes no
/// modifier away), led by a reset when `reset` (`from` is then the default).
fn sgr(from: Pen, to: Pen, reset: bool) -> Vec<u8> {
    let mut params: Vec<String> = Vec::new();
    if reset {
        params.push("0".into());
    }
    let add = to.modifier - from.modifier;
    for (m, code) in MODIFIER_CODES {
        if add.contains(m) {
            params.push(code.to_string());
        }
    }
    if to.fg != from.fg {
        params.push(color_code(to.fg, false));
    }
    if to.bg != from.bg {
        params.push(color_code(to.bg, true));
    }
    if params == ["0"] {
        // a reset alone needs no parameter
        return b"\x1b[m".to_vec();
    }
    format!("\x1b[{}m", params.join(";")).into_bytes()
}

/// Whether `cell` (whose own attributes are `own`) looks the same printed
/// in `pen`: always in its own attributes; a space also in any pen of the
/// same background whose modifiers draw nothing on a blank (bold, italic,
/// blink and the foreground color do not show on a space).
fn looks_same(cell: &Cell, own: Pen, pen: Pen) -> bool {
    const SHOWN_ON_BLANK: Modifier = Modifier::REVERSED
        .union(Modifier::UNDERLINED)
        .union(Modifier::CROSSED_OUT);
    own == pen
        || (cell.symbol() == " "
            && own.bg == pen.bg
            && !own.modifier.union(pen.modifier).intersects(SHOWN_ON_BLANK))
}

const MODIFIER_CODES: [(Modifier, u8); 9] = [
    (Modifier::BOLD, 1),
    (Modifier::DIM, 2),
    (Modifier::ITALIC, 3),
    (Modifier::UNDERLINED, 4),
    (Modifier::SLOW_BLINK, 5),
    (Modifier::RAPID_BLINK, 6),
    (Modifier::REVERSED, 7),
    (Modifier::HIDDEN, 8),
    (Modifier::CROSSED_OUT, 9),
];

/// For each row of `buf`, the column from which every cell is blank in the
/// default attributes (the row's width when its last cell is not).
fn blank_tails(buf: &Buffer) -> Vec<u16> {
    let w = buf.area.width as usize;
    if w == 0 {
        return Vec::new();
    }
    buf.content
        .chunks(w)
        .map(|row| {
            let used = row
                .iter()
                .rposition(|c| *c != Cell::EMPTY)
                .map_or(0, |i| i + 1);
            used as u16
        })
        .collect()
}

/// `ESC[r;cH`, with the defaults left out.
fn absolute(x: u16, y: u16) -> Vec<u8> {
    match (x, y) {
        (0, 0) => b"\x1b[H".to_vec(),
        (0, y) => format!("\x1b[{}H", y + 1).into_bytes(),
        (x, y) => format!("\x1b[{};{}H", y + 1, x + 1).into_bytes(),
    }
}

/// From column `from` to column `to` on the same row.
fn horizontal(from: u16, to: u16) -> Vec<u8> {
    use std::cmp::Ordering;
    match to.cmp(&from) {
        Ordering::Equal => Vec::new(),
        Ordering::Greater if to - from == 1 => b"\x1b[C".to_vec(),
        Ordering::Greater => format!("\x1b[{}C", to - from).into_bytes(),
        Ordering::Less if to == 0 => b"\r".to_vec(),
        Ordering::Less => {
            let back = format!("\x1b[{}D", from - to).into_bytes();
            let mut cr = b"\r".to_vec();
            cr.extend(horizontal(0, to));
            if cr.len() < back.len() {
                cr
            } else {
                back
            }
        }
    }
}

/// The SGR parameter for a color (16-color codes where they exist: shorter
/// than crossterm's `38;5;n`).
fn color_code(c: Color, bg: bool) -> String {
    let base = |n: u8| (if bg { n + 10 } else { n }).to_string();
    match c {
        Color::Reset => base(39),
        Color::Black => base(30),
        Color::Red => base(31),
        Color::Green => base(32),
        Color::Yellow => base(33),
        Color::Blue => base(34),
        Color::Magenta => base(35),
        Color::Cyan => base(36),
        Color::Gray => base(37),
        Color::DarkGray => base(90),
        Color::LightRed => base(91),
        Color::LightGreen => base(92),
        Color::LightYellow => base(93),
        Color::LightBlue => base(94),
        Color::LightMagenta => base(95),
        Color::LightCyan => base(96),
        Color::White => base(97),
        Color::Rgb(r, g, b) => format!("{};2;{r};{g};{b}", if bg { 48 } else { 38 }),
        Color::Indexed(i) => format!("{};5;{i}", if bg { 48 } else { 38 }),
    }
}

/// How far the terminal's cursor advances after printing `cell`, when every
/// terminal agrees on it (see the module doc); `None` when in doubt.
pub fn settled_width(cell: &Cell) -> Option<u16> {
    if let CellDiffOption::ForcedWidth(n) = cell.diff_option {
        return Some(n.get());
    }
    let mut chars = cell.symbol().chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    if c.is_ascii() {
        return (!c.is_ascii_control()).then_some(1);
    }
    if disputed(c) {
        return None;
    }
    match unicode_width::UnicodeWidthChar::width(c) {
        Some(w @ 1..=2) => Some(w as u16),
        _ => None,
    }
}

/// Blocks whose width terminals disagree on: emoji and pictographs (their
/// width changed in Unicode 9), symbols that gained emoji presentation,
/// variation selectors and the private use area.
fn disputed(c: char) -> bool {
    matches!(u32::from(c),
        0x2300..=0x23FF      // misc technical (⌚ ⏰ …)
        | 0x2600..=0x27BF    // misc symbols, dingbats
        | 0x2B00..=0x2BFF    // arrows and symbols (⬛ ⭐ …)
        | 0xE000..=0xF8FF    // private use (nerd fonts)
        | 0xFE00..=0xFE0F    // variation selectors
        | 0x1F000..)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moves(from: Option<(u16, u16)>, to: (u16, u16)) -> String {
        let mut w = Wire::new(80, 24);
        w.cursor = from;
        let mut out = Vec::new();
        w.move_to(&mut out, to.0, to.1);
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn moves_take_the_shortest_sure_form() {
        assert_eq!(moves(Some((5, 3)), (5, 3)), "");
        assert_eq!(moves(None, (0, 0)), "\x1b[H");
        assert_eq!(moves(None, (4, 2)), "\x1b[3;5H");
        assert_eq!(moves(Some((4, 2)), (5, 2)), "\x1b[C");
        assert_eq!(moves(Some((4, 2)), (40, 2)), "\x1b[36C");
        assert_eq!(moves(Some((40, 2)), (0, 2)), "\r");
        assert_eq!(moves(Some((40, 2)), (0, 3)), "\r\n");
        assert_eq!(moves(Some((40, 2)), (1, 3)), "\r\n\x1b[C");
        assert_eq!(moves(Some((40, 2)), (2, 3)), "\x1b[4;3H");
        assert_eq!(moves(Some((40, 22)), (0, 23)), "\r\n");
        assert_eq!(moves(Some((40, 2)), (30, 9)), "\x1b[10;31H");
    }

    #[test]
    fn widths_are_trusted_for_cjk_and_ascii_only() {
        fn w(s: &'static str) -> Option<u16> {
            settled_width(&Cell::new(s))
        }
        assert_eq!(w("a"), Some(1));
        assert_eq!(w("中"), Some(2));
        assert_eq!(w("，"), Some(2));
        assert_eq!(w("“"), Some(1));
        assert_eq!(w("─"), Some(1));
        assert_eq!(w("😀"), None);
        assert_eq!(w("❤\u{FE0F}"), None);
        assert_eq!(w("e\u{301}"), None);
        let mut forced = Cell::new("“");
        forced.set_diff_option(CellDiffOption::ForcedWidth(
            std::num::NonZeroU16::MIN.saturating_add(1),
        ));
        assert_eq!(settled_width(&forced), Some(2));
    }

    /// The bytes for writing every cell of `buf` that is not blank, in
    /// screen order, from an unknown cursor and default attributes.
    fn frame(buf: &Buffer) -> String {
        let mut w = Wire::new(buf.area.width, buf.area.height);
        let mut out = Vec::new();
        let cells = buf.content.iter().enumerate().filter_map(|(i, c)| {
            let (x, y) = buf.pos_of(i);
            (*c != Cell::EMPTY).then_some((x, y, c))
        });
        w.cells(&mut out, buf, cells);
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn attributes_change_by_the_shorter_of_difference_and_reset() {
        use ratatui::style::Style;
        let mut buf = Buffer::empty(ratatui::layout::Rect::new(0, 0, 12, 1));
        let grey = Style::new().fg(Color::DarkGray);
        let bold = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
        buf.set_string(0, 0, "a", bold);
        buf.set_string(1, 0, "b", grey);
        buf.set_string(2, 0, "c", Style::new());
        buf.set_string(3, 0, "d", grey.bg(Color::Blue));
        buf.set_string(4, 0, "e", Style::new().bg(Color::Blue));
        // bold taken away: reset and grey; grey to default: a bare reset,
        // shorter than ESC[39m; adding a background: the difference only
        assert_eq!(
            frame(&buf),
            "\x1b[H\x1b[1;36ma\x1b[0;90mb\x1b[mc\x1b[90;44md\x1b[39me\x1b[m"
        );
    }

    #[test]
    fn blanks_are_printed_over_in_any_pen_that_leaves_them_blank() {
        use ratatui::style::Style;
        let area = ratatui::layout::Rect::new(0, 0, 20, 3);
        let grey = Style::new().fg(Color::DarkGray);
        let mut buf = Buffer::empty(area);
        // a two-cell gap of default blanks after grey text: two spaces (2
        // bytes), not ESC[2C (4); under reverse video the move stays
        buf.set_string(0, 0, "ab", grey);
        buf.set_string(4, 0, "cd", Style::new());
        buf.set_string(0, 1, "ef", Style::new().add_modifier(Modifier::REVERSED));
        buf.set_string(4, 1, "gh", Style::new());
        // an indented next row: CR LF and two spaces, not CR LF ESC[2C
        buf.set_string(2, 2, "ij", Style::new());
        assert_eq!(
            frame(&buf),
            "\x1b[H\x1b[90mab  \x1b[mcd\r\n\x1b[7mef\x1b[2C\x1b[mgh\r\n  ij"
        );
        // a blank under a background color is not printed in another one
        let mut buf = Buffer::empty(area);
        buf.set_string(0, 0, "ab", Style::new().bg(Color::Blue));
        buf.set_string(4, 0, "cd", Style::new());
        assert!(frame(&buf).contains("\x1b[2C"), "{:?}", frame(&buf));
    }
}
