//! What is on the terminal and the bytes that bring it to the next frame:
//! the previous and next buffers, the diff between them, and one-line
//! scrolling by the terminal's own scroll regions. Returns bytes; writing
//! them (and everything else about the terminal) is [`super::terminal`]'s.
//!
//! Scrolling is found, not told: when a band of full-width rows of the new
//! frame equals the old frame's rows moved up or down by `n` (the reader
//! scrolled with the whole width to itself), the band is scrolled with
//! DECSTBM (`ESC[t;br`) and SU/SD (`ESC[nS`/`ESC[nT`), the old buffer is
//! shifted the same way, and the diff then sends only the rows that came
//! into view (plus whatever else changed). Views stay unaware of it.
//!
//! With panes side by side no row moves whole (the outline stands still
//! beside the reader), and left/right margins (DECSLRM) are too rarely
//! supported (not by tmux) to scroll one pane. So when no whole row moved,
//! the band of changed rows is scrolled anyway if that leaves fewer than
//! half its changed cells to send: the reader's rows then come for free and
//! the diff repairs the outline's cells that moved with them (a narrow pane
//! of short titles: at 200x60 a `j` costs 940 bytes instead of 10,140). Such
//! a frame is wrapped in synchronized output (mode 2026, 16 bytes), so that a
//! terminal that knows it never shows the outline shifted between the scroll
//! and its repair when the frame arrives in more than one read; elsewhere
//! that moment can be seen.

use std::hash::{DefaultHasher, Hash, Hasher};

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;

use super::wire::Wire;

/// Synchronized output (DEC private mode 2026): the terminal holds what
/// follows `BEGIN` and shows it at `END` in one piece.
const SYNC_BEGIN: &[u8] = b"\x1b[?2026h";
const SYNC_END: &[u8] = b"\x1b[?2026l";

/// Scrolling is worth its escape sequences from this many rows saved.
const MIN_ROWS_SAVED: usize = 2;

/// The terminal's screen as we last left it, and the encoder.
#[derive(Debug)]
pub struct Screen {
    prev: Buffer,
    next: Buffer,
    wire: Wire,
    /// The terminal's content is unknown: clear it before the next frame.
    fresh: bool,
    /// Use scroll regions (off only to measure what they save).
    pub scrolling: bool,
}

impl Screen {
    /// A screen of `width` x `height`, blank (as the alternate screen is
    /// when entered).
    pub fn new(width: u16, height: u16) -> Screen {
        let area = Rect::new(0, 0, width, height);
        Screen {
            prev: Buffer::empty(area),
            next: Buffer::empty(area),
            wire: Wire::new(width, height),
            fresh: false,
            scrolling: true,
        }
    }

    pub fn size(&self) -> (u16, u16) {
        (self.prev.area.width, self.prev.area.height)
    }

    /// A new size: the next frame clears the screen and is sent whole.
    pub fn resize(&mut self, width: u16, height: u16) {
        *self = Screen {
            scrolling: self.scrolling,
            ..Screen::new(width, height)
        };
        self.fresh = true;
    }

    /// The terminal's content can no longer be trusted (another program
    /// wrote to it, or every cell's width changed): send the next frame whole.
    pub fn invalidate(&mut self) {
        self.fresh = true;
    }

    /// Draw the next frame with `draw` and return the bytes that put it on
    /// the terminal.
    pub fn frame(&mut self, draw: impl FnOnce(&mut Buffer)) -> Vec<u8> {
        self.next.reset();
        draw(&mut self.next);
        let mut out = Vec::with_capacity(4096);
        let mut synced = false;
        if self.fresh {
            self.wire.reset_pen(&mut out);
            out.extend_from_slice(b"\x1b[H\x1b[2J");
            self.wire.move_to(&mut out, 0, 0);
            self.prev.reset();
            self.fresh = false;
        } else if self.scrolling {
            let whole_rows = find_scroll(&self.prev, &self.next);
            let found = whole_rows.or_else(|| find_band_scroll(&self.prev, &self.next));
            if let Some(s) = found {
                // a band scroll shifts the outline too until the diff repairs
                // it: ask the terminal to show the frame only when complete
                // (synchronized output; ignored where unknown)
                synced = whole_rows.is_none();
                if synced {
                    out.extend_from_slice(SYNC_BEGIN);
                }
                self.wire.reset_pen(&mut out);
                s.emit(&mut out, self.prev.area.height);
                self.wire.lose_cursor();
                s.apply(&mut self.prev);
            }
        }
        self.wire
            .cells(&mut out, &self.next, self.prev.diff_iter(&self.next));
        if synced {
            out.extend_from_slice(SYNC_END);
        }
        std::mem::swap(&mut self.prev, &mut self.next);
        out
    }
}

/// Rows `top..=bottom` move `up` (or down) by `n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scroll {
    pub top: u16,
    pub bottom: u16,
    pub n: u16,
    pub up: bool,
}

impl Scroll {
    fn emit(&self, out: &mut Vec<u8>, height: u16) {
        let whole = self.top == 0 && self.bottom + 1 == height;
        if !whole {
            out.extend(format!("\x1b[{};{}r", self.top + 1, self.bottom + 1).bytes());
        }
        let n = if self.n == 1 {
            String::new()
        } else {
            self.n.to_string()
        };
        out.extend(format!("\x1b[{n}{}", if self.up { 'S' } else { 'T' }).bytes());
        if !whole {
            out.extend_from_slice(b"\x1b[r");
        }
    }

    /// Shift `buf`'s rows as the terminal shifts them; rows that come into
    /// view are blank.
    fn apply(&self, buf: &mut Buffer) {
        let w = buf.area.width as usize;
        let (top, bottom, n) = (self.top as usize, self.bottom as usize, self.n as usize);
        let band = &mut buf.content[top * w..(bottom + 1) * w];
        if self.up {
            band.rotate_left(n * w);
            let len = band.len();
            band[len - n * w..].fill(Cell::default());
        } else {
            band.rotate_right(n * w);
            band[..n * w].fill(Cell::default());
        }
    }
}

fn row_hashes(buf: &Buffer) -> Vec<u64> {
    let w = buf.area.width as usize;
    if w == 0 {
        return vec![0; buf.area.height as usize];
    }
    buf.content
        .chunks(w)
        .map(|row| {
            let mut h = DefaultHasher::new();
            for c in row {
                c.symbol().hash(&mut h);
                c.fg.hash(&mut h);
                c.bg.hash(&mut h);
                c.modifier.hash(&mut h);
                c.diff_option.hash(&mut h);
            }
            h.finish()
        })
        .collect()
}

/// The scroll that saves the most rows from being redrawn, if it saves at
/// least [`MIN_ROWS_SAVED`]. Rows count as equal by hash (a collision costs
/// a wrong row until the next change, never a crash; 64-bit makes it moot).
pub fn find_scroll(prev: &Buffer, next: &Buffer) -> Option<Scroll> {
    if prev.area != next.area {
        return None;
    }
    let (p, q) = (row_hashes(prev), row_hashes(next));
    let h = p.len();
    let blank = row_hashes(&Buffer::empty(Rect::new(0, 0, prev.area.width, 1)))
        .first()
        .copied()
        .unwrap_or(0);
    let changed = (0..h).filter(|&r| p[r] != q[r]).count();
    if changed < MIN_ROWS_SAVED {
        return None;
    }
    let mut best: Option<(usize, Scroll)> = None;
    for n in 1..h {
        for up in [true, false] {
            // rows r whose new content is the old row r+n (up) or r-n (down)
            let from = |r: usize| if up { r + n } else { r.wrapping_sub(n) };
            let matches = |r: usize| {
                let s = from(r);
                s < h && p[s] == q[r]
            };
            let mut r = 0;
            while r < h {
                if !matches(r) {
                    r += 1;
                    continue;
                }
                let start = r;
                while r < h && matches(r) {
                    r += 1;
                }
                // the band: the matching rows and the n rows they came from
                let (top, bottom) = if up {
                    (start, r - 1 + n)
                } else {
                    (start - n, r - 1)
                };
                let s = Scroll {
                    top: top as u16,
                    bottom: bottom as u16,
                    n: n as u16,
                    up,
                };
                let cost = rows_to_redraw(&p, &q, s, blank);
                let saved = changed.saturating_sub(cost);
                if saved >= MIN_ROWS_SAVED && best.is_none_or(|(b, _)| saved > b) {
                    best = Some((saved, s));
                }
            }
        }
    }
    best.map(|(_, s)| s)
}

/// Rows that differ from the old screen once it has scrolled by `s`.
fn rows_to_redraw(p: &[u64], q: &[u64], s: Scroll, blank: u64) -> usize {
    let (top, bottom, n) = (s.top as usize, s.bottom as usize, s.n as usize);
    (0..q.len())
        .filter(|&r| {
            let old = if r < top || r > bottom {
                p[r]
            } else if s.up {
                if r + n <= bottom {
                    p[r + n]
                } else {
                    blank
                }
            } else if r >= top + n {
                p[r - n]
            } else {
                blank
            };
            old != q[r]
        })
        .count()
}

/// Scrolls by more than this many rows are not tried for a band whose rows
/// did not move whole (held-down keys between two frames rarely move more).
const MAX_BAND_SCROLL: usize = 8;

/// When no whole row moved: the scroll of the band of changed rows (the
/// first to the last) that leaves the fewest cells to send, if it leaves
/// fewer than half of those that changed. Counting stops as soon as a
/// candidate is no better than the best so far, so a screen that changed
/// without scrolling costs a few rows per candidate.
pub fn find_band_scroll(prev: &Buffer, next: &Buffer) -> Option<Scroll> {
    if prev.area != next.area {
        return None;
    }
    let w = prev.area.width as usize;
    let h = prev.area.height as usize;
    fn row(b: &Buffer, w: usize, r: usize) -> &[Cell] {
        &b.content[r * w..(r + 1) * w]
    }
    let row = |b, r| row(b, w, r);
    let changed = |r: usize| row(prev, r) != row(next, r);
    let top = (0..h).find(|&r| changed(r))?;
    let bottom = (0..h).rev().find(|&r| changed(r))?;
    if bottom - top < MIN_ROWS_SAVED {
        return None;
    }
    let differing = |a: &[Cell], b: &[Cell]| a.iter().zip(b).filter(|(x, y)| x != y).count();
    let base: usize = (top..=bottom)
        .map(|r| differing(row(prev, r), row(next, r)))
        .sum();
    let blank = vec![Cell::default(); w];
    let mut best: Option<(usize, Scroll)> = None;
    for n in 1..=MAX_BAND_SCROLL.min(bottom - top) {
        for up in [true, false] {
            let limit = best.map_or(base / 2, |(b, _)| b);
            let mut cost = 0;
            for r in top..=bottom {
                let src = if up { r + n } else { r.wrapping_sub(n) };
                let old = if (top..=bottom).contains(&src) {
                    row(prev, src)
                } else {
                    &blank[..]
                };
                cost += differing(old, row(next, r));
                if cost >= limit {
                    break;
                }
            }
            if cost < limit {
                let s = Scroll {
                    top: top as u16,
                    bottom: bottom as u16,
                    n: n as u16,
                    up,
                };
                best = Some((cost, s));
            }
        }
    }
    best.map(|(_, s)| s)
}
