//! The bytes `Screen` sends, checked two ways: read back by a tiny terminal
//! emulator (only the sequences the encoder writes: CUP, CUF, CUB, CR, LF,
//! EL, ED, DECSTBM, SU, SD, SGR), they must show what the buffer holds,
//! frame after frame of real explorer use in both ambiguous-width modes;
//! a line down scrolls (with the whole width, and beside the outline, whose
//! cells are then repaired); and a row of CJK text must cost its UTF-8 and
//! no cursor moves. Test-only.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthChar;

use super::action::Action;
use super::app::{App, Options};
use super::screen::Screen;
use super::testmodel::small_model;
use super::ui::{self, cells::screen_text};
use super::update::update;
use crate::text::AmbiguousWidth;

/// Just enough of a terminal to read what the encoder writes.
struct Emu {
    w: usize,
    h: usize,
    /// One string per cell; "" for the covered half of a wide char.
    grid: Vec<Vec<String>>,
    x: usize,
    y: usize,
    region: (usize, usize),
    amb: AmbiguousWidth,
}

impl Emu {
    fn new(w: u16, h: u16, amb: AmbiguousWidth) -> Emu {
        let (w, h) = (w as usize, h as usize);
        Emu {
            w,
            h,
            grid: vec![vec![" ".to_string(); w]; h],
            x: 0,
            y: 0,
            region: (0, h - 1),
            amb,
        }
    }

    fn blank(&self) -> Vec<String> {
        vec![" ".to_string(); self.w]
    }

    fn feed(&mut self, bytes: &[u8]) {
        let s = std::str::from_utf8(bytes).expect("UTF-8 out");
        let mut it = s.chars().peekable();
        while let Some(c) = it.next() {
            match c {
                '\r' => self.x = 0,
                '\n' => {
                    assert!(self.y < self.region.1, "LF must never scroll");
                    self.y += 1;
                }
                '\x1b' => {
                    assert_eq!(it.next(), Some('['), "only CSI sequences");
                    let mut params = String::new();
                    let fin = loop {
                        let c = it.next().expect("a complete CSI");
                        if c.is_ascii_digit() || c == ';' || c == '?' {
                            params.push(c);
                        } else {
                            break c;
                        }
                    };
                    self.csi(&params, fin);
                }
                c => self.print(c),
            }
        }
    }

    fn csi(&mut self, params: &str, fin: char) {
        let nums: Vec<usize> = params.split(';').map(|p| p.parse().unwrap_or(0)).collect();
        let n = |k: usize| nums.get(k).copied().filter(|&v| v > 0).unwrap_or(1);
        match fin {
            'H' => {
                self.y = n(0) - 1;
                self.x = n(1) - 1;
            }
            'C' => self.x = (self.x + n(0)).min(self.w - 1),
            'D' => self.x = self.x.saturating_sub(n(0)),
            'K' => {
                assert_eq!(params, "", "only EL to the end");
                for x in self.x..self.w {
                    self.grid[self.y][x] = " ".into();
                }
            }
            'J' => {
                assert_eq!(params, "2");
                self.grid = vec![self.blank(); self.h];
            }
            'r' => {
                self.region = if params.is_empty() {
                    (0, self.h - 1)
                } else {
                    (n(0) - 1, n(1) - 1)
                };
                (self.x, self.y) = (0, 0);
            }
            'S' | 'T' => {
                let (top, bottom) = self.region;
                for _ in 0..n(0) {
                    if fin == 'S' {
                        self.grid.remove(top);
                        self.grid.insert(bottom, self.blank());
                    } else {
                        self.grid.remove(bottom);
                        self.grid.insert(top, self.blank());
                    }
                }
            }
            'm' => {}
            // synchronized output: changes when the screen is shown, not what
            'h' | 'l' if params == "?2026" => {}
            other => panic!("unexpected CSI {params}{other}"),
        }
    }

    fn print(&mut self, c: char) {
        let w = match self.amb {
            AmbiguousWidth::Narrow => c.width(),
            AmbiguousWidth::Wide => c.width_cjk(),
        }
        .unwrap_or(0);
        if w == 0 {
            // a combining mark joins the previous cell
            let x = self.x.saturating_sub(1);
            self.grid[self.y][x].push(c);
            return;
        }
        assert!(
            self.x + w <= self.w,
            "printing past the edge at {},{}",
            self.x,
            self.y
        );
        // as terminals do: overwriting half of a wide char blanks the other half
        let row = &mut self.grid[self.y];
        if row[self.x].is_empty() && self.x > 0 {
            row[self.x - 1] = " ".into();
        }
        let end = self.x + w;
        if end < self.w && row[end].is_empty() {
            row[end] = " ".into();
        }
        row[self.x] = c.to_string();
        if w == 2 {
            row[self.x + 1] = String::new();
        }
        self.x = (self.x + w).min(self.w - 1);
    }

    fn text(&self) -> Vec<String> {
        self.grid
            .iter()
            .map(|row| row.concat().trim_end().to_string())
            .collect()
    }
}

fn app(amb: AmbiguousWidth, w: u16, h: u16) -> App {
    let opts = Options {
        amb,
        color: true,
        mouse: false,
    };
    let mut app = App::new(small_model(), opts, (w, h));
    update(&mut app, Action::Resize(w, h));
    app
}

#[test]
fn what_is_sent_is_what_the_buffer_holds_frame_after_frame() {
    use Action::*;
    let script = [
        Down,
        Down,
        FocusNext,
        PageDown,
        Down,
        Down,
        Up,
        ToggleOutline,
        Down,
        Down,
        Down,
        PageDown,
        Up,
        Up,
        PageUp,
        ToggleOutline,
        FocusNext,
        Down,
        FocusNext,
        Top,
        Bottom,
        Help,
        Help,
    ];
    for amb in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
        for (w, h) in [(80, 24), (120, 40), (41, 12)] {
            let mut app = app(amb, w, h);
            let mut screen = Screen::new(w, h);
            let mut emu = Emu::new(w, h, amb);
            let mut shown = Buffer::empty(Rect::new(0, 0, w, h));
            for (k, a) in script.iter().enumerate() {
                let bytes = screen.frame(|buf| {
                    ui::draw(&app, buf);
                    shown = buf.clone();
                });
                emu.feed(&bytes);
                assert_eq!(
                    emu.text(),
                    screen_text(&shown),
                    "{amb:?} {w}x{h} after {k} actions"
                );
                update(&mut app, *a);
            }
        }
    }
}

#[test]
fn scrolling_with_the_whole_width_costs_a_line() {
    use Action::*;
    let (w, h) = (80, 24);
    let mut app = app(AmbiguousWidth::Narrow, w, h);
    for a in [Down, Down, FocusNext, ToggleOutline] {
        update(&mut app, a);
    }
    let mut screen = Screen::new(w, h);
    let full = screen.frame(|buf| ui::draw(&app, buf));
    update(&mut app, Down);
    let one = screen.frame(|buf| ui::draw(&app, buf));
    assert!(
        String::from_utf8_lossy(&one).contains("\x1b[S"),
        "scrolled by the terminal: {:?}",
        String::from_utf8_lossy(&one)
    );
    // whole rows moved: nothing to hide, no synchronized output
    assert!(!String::from_utf8_lossy(&one).contains("2026"));
    assert!(
        one.len() * 4 < full.len(),
        "{} vs {}",
        one.len(),
        full.len()
    );
}

#[test]
fn scrolling_beside_the_outline_scrolls_the_band_and_repairs_the_outline() {
    use Action::*;
    let (w, h) = (80, 24);
    let mut sent = Vec::new();
    for scrolling in [true, false] {
        let mut app = app(AmbiguousWidth::Narrow, w, h);
        for a in [Down, Down, FocusNext] {
            update(&mut app, a);
        }
        assert!(app.plan().outline.is_some(), "panes side by side");
        let mut screen = Screen::new(w, h);
        screen.scrolling = scrolling;
        let mut emu = Emu::new(w, h, AmbiguousWidth::Narrow);
        emu.feed(&screen.frame(|buf| ui::draw(&app, buf)));
        update(&mut app, Down);
        let mut shown = Buffer::empty(Rect::new(0, 0, w, h));
        let one = screen.frame(|buf| {
            ui::draw(&app, buf);
            shown = buf.clone();
        });
        emu.feed(&one);
        assert_eq!(emu.text(), screen_text(&shown), "scrolling: {scrolling}");
        sent.push(one);
    }
    let (scrolled, redrawn) = (&sent[0], &sent[1]);
    assert!(
        String::from_utf8_lossy(scrolled).contains("\x1b[S"),
        "{:?}",
        String::from_utf8_lossy(scrolled)
    );
    assert!(
        scrolled.len() * 2 < redrawn.len(),
        "{} vs {}",
        scrolled.len(),
        redrawn.len()
    );
}

#[test]
fn a_row_of_cjk_costs_its_utf8_and_no_cursor_moves() {
    let mut screen = Screen::new(20, 3);
    let text = "中文字符，测试。";
    let bytes = screen.frame(|buf| {
        buf.set_string(0, 0, text, Style::default());
        buf.set_string(2, 1, "ab中文cd", Style::default());
    });
    // the next row's two-column indent is printed over: CR LF and two
    // spaces (4 bytes) instead of ESC[2;3H (6)
    let expected = format!("\x1b[H{text}\r\n  ab中文cd");
    assert_eq!(String::from_utf8_lossy(&bytes), expected);
    // a change in the middle of a row: one move, then only the new text
    let bytes = screen.frame(|buf| {
        buf.set_string(0, 0, "中文字符，考试。", Style::default());
        buf.set_string(2, 1, "ab中文cd", Style::default());
    });
    assert_eq!(String::from_utf8_lossy(&bytes), "\x1b[1;11H考");
}

#[test]
fn beside_the_reader_the_outline_and_border_cost_no_attribute_change() {
    use Action::*;
    let (w, h) = (80, 24);
    let mut app = app(AmbiguousWidth::Narrow, w, h);
    for a in [Down, Down, FocusNext] {
        update(&mut app, a);
    }
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    ui::draw(&app, &mut buf);
    let bar = "\u{2502}"; // the narrow vertical bar
    let border = (0..w)
        .find(|&x| (1..h - 1).all(|y| buf[(x, y)].symbol() == bar))
        .expect("a border column");
    // the border is in the text's own attributes on every body row, and so
    // is every outline row that is neither selected, a group, nor dim
    let mut plain_rows = 0;
    for y in 1..h - 1 {
        assert!(plain(&buf[(border, y)]), "border at row {y}");
        if (0..border).all(|x| plain(&buf[(x, y)])) {
            plain_rows += 1;
        }
    }
    assert!(plain_rows * 2 > (h - 2) as usize, "{plain_rows} plain rows");
}

/// Default colours, no modifier.
fn plain(c: &ratatui::buffer::Cell) -> bool {
    use ratatui::style::{Color, Modifier};
    c.fg == Color::Reset && c.bg == Color::Reset && c.modifier == Modifier::empty()
}

#[test]
fn a_band_scroll_is_sent_as_one_synchronized_frame() {
    let (w, h) = (40u16, 12u16);
    let draw = |first: usize| {
        move |buf: &mut Buffer| {
            for y in 0..h {
                // a pane that stands still, and one whose lines move up
                buf.set_string(0, y, format!("o{y:02}"), Style::default());
                let k = first + y as usize;
                let line: String = (0..30)
                    .map(|i| char::from(b'a' + ((i * 7 + k * 5) % 26) as u8))
                    .collect();
                buf.set_string(6, y, line, Style::default());
            }
        }
    };
    let mut screen = Screen::new(w, h);
    let mut emu = Emu::new(w, h, AmbiguousWidth::Narrow);
    emu.feed(&screen.frame(draw(0)));
    let mut shown = Buffer::empty(Rect::new(0, 0, w, h));
    let one = screen.frame(|buf| {
        draw(1)(buf);
        shown = buf.clone();
    });
    emu.feed(&one);
    assert_eq!(emu.text(), screen_text(&shown));
    let sent = String::from_utf8_lossy(&one);
    assert!(sent.contains("\x1b[S"), "band scrolled: {sent:?}");
    // the still pane moved with the band until repaired: the terminal is
    // asked to show the frame only once it is complete
    assert!(
        one.starts_with(b"\x1b[?2026h") && one.ends_with(b"\x1b[?2026l"),
        "{sent:?}"
    );
}
