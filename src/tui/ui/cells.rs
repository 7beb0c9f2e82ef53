//! Writing text into ratatui's buffer ourselves, so that East Asian Ambiguous
//! characters take the width the terminal gives them. In wide mode ratatui
//! still counts “ ” — ① as one column; here such a char is written with a
//! forced width of 2 (the next cell is covered and skipped when diffing), so
//! borders and columns stay aligned in a CJK-configured terminal. All width
//! arithmetic goes through `crate::text`.

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::text::{str_width, AmbiguousWidth};

/// Write `s` at (x, y), clipped before column `max_x`; returns the column after
/// the last char written. Never splits a wide char at the edge.
pub fn put(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    max_x: u16,
    s: &str,
    style: Style,
    amb: AmbiguousWidth,
) -> u16 {
    let area = buf.area;
    if y < area.y || y >= area.y + area.height {
        return x;
    }
    let max_x = max_x.min(area.x + area.width);
    let mut x = x.max(area.x);
    for g in s.graphemes(true) {
        let w = str_width(g, amb);
        if w == 0 {
            continue;
        }
        let w16 = w as u16;
        if x + w16 > max_x {
            break;
        }
        let natural = UnicodeWidthStr::width(g);
        let cell = &mut buf[(x, y)];
        cell.set_symbol(g).set_style(style);
        if w != natural {
            if let Some(n) = NonZeroU16::new(w16) {
                cell.set_diff_option(CellDiffOption::ForcedWidth(n));
            }
        }
        for k in 1..w16 {
            let c = &mut buf[(x + k, y)];
            c.reset();
            c.set_style(style);
        }
        x += w16;
    }
    x
}

/// Paint `width` blank cells with a style (for selection bars and title rows).
pub fn fill(buf: &mut Buffer, x: u16, y: u16, width: u16, style: Style) {
    let area = buf.area;
    if y < area.y || y >= area.y + area.height {
        return;
    }
    let end = (x + width).min(area.x + area.width);
    for cx in x.max(area.x)..end {
        let c = &mut buf[(cx, y)];
        c.reset();
        c.set_style(style);
    }
}

/// Blank a rectangle (under an overlay).
pub fn clear(buf: &mut Buffer, r: Rect) {
    let r = r.intersection(buf.area);
    for y in r.y..r.y + r.height {
        fill(buf, r.x, y, r.width, Style::default());
    }
}

/// The screen as text, one string per row, as a terminal with this ambiguous
/// width would show it (covered cells are not printed). For snapshots and tests.
pub fn screen_text(buf: &Buffer) -> Vec<String> {
    let a = buf.area;
    let mut rows = Vec::new();
    for y in a.y..a.y + a.height {
        let mut s = String::new();
        let mut skip = 0u16;
        for x in a.x..a.x + a.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let c = &buf[(x, y)];
            s.push_str(c.symbol());
            let w = match c.diff_option {
                CellDiffOption::ForcedWidth(n) => n.get(),
                _ => UnicodeWidthStr::width(c.symbol()).max(1) as u16,
            };
            skip = w - 1;
        }
        rows.push(s.trim_end().to_string());
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ambiguous_chars_cover_two_cells_in_wide_mode_only() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        let end = put(
            &mut buf,
            0,
            0,
            10,
            "“a”",
            Style::default(),
            AmbiguousWidth::Wide,
        );
        assert_eq!(end, 5);
        assert_eq!(screen_text(&buf), vec!["“a”"]);
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        let end = put(
            &mut buf,
            0,
            0,
            10,
            "“a”",
            Style::default(),
            AmbiguousWidth::Narrow,
        );
        assert_eq!(end, 3);
    }

    #[test]
    fn a_wide_char_that_does_not_fit_is_left_out_whole() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 5, 1));
        let end = put(
            &mut buf,
            0,
            0,
            5,
            "中文字",
            Style::default(),
            AmbiguousWidth::Narrow,
        );
        assert_eq!(end, 4);
        assert_eq!(buf[(4, 0)].symbol(), " ");
    }

    #[test]
    fn writing_outside_the_buffer_is_harmless() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 3, 1));
        put(
            &mut buf,
            2,
            5,
            99,
            "abc",
            Style::default(),
            AmbiguousWidth::Narrow,
        );
        put(
            &mut buf,
            2,
            0,
            99,
            "abc",
            Style::default(),
            AmbiguousWidth::Narrow,
        );
        assert_eq!(screen_text(&buf), vec!["  a"]);
    }
}
