//! The indicator popup: the records behind the numbers in the reader's view,
//! one block of labelled fields per record, scrolled by the popup's state.
//! For a highlighted sentence the popup sits just below (or above) it, so the
//! number stays visible; otherwise it is centered. The rows are the
//! state's, wrapped in `update` (`RecordsPopup::wrapped`), not per frame.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{boxed, cells, centered, Ctx};
use crate::tui::app::App;
use crate::tui::records::{popup_size, PopupRow, RecordsPopup, RecordsScope};
use crate::tui::strings;

/// Where the popup goes: next to the highlighted sentence when it fits, else centered.
fn place(app: &App, body: Rect, w: u16, h: u16) -> Rect {
    let mid = centered(body, w, h);
    let rd = &app.reader;
    let (Some(pane), Some(p)) = (app.plan().right, &app.records) else {
        return mid;
    };
    if !matches!(p.scope, RecordsScope::Highlight | RecordsScope::Number) {
        return mid;
    }
    let Some(t) = rd
        .highlight
        .as_ref()
        .and_then(|h| rd.doc.sentences.iter().position(|s| s == h))
    else {
        return mid;
    };
    let lines: Vec<usize> = (rd.top..(rd.top + rd.height).min(rd.doc.lines.len()))
        .filter(|&l| {
            rd.doc.lines[l]
                .segs
                .iter()
                .any(|s| s.sentence as usize == t)
        })
        .collect();
    let (Some(&first), Some(&last)) = (lines.first(), lines.last()) else {
        return mid;
    };
    // Screen rows of the sentence (the pane's first row is its title).
    let row = |l: usize| pane.y + 1 + (l - rd.top) as u16;
    let (top, bottom) = (row(first), row(last) + 1);
    if bottom + h <= body.y + body.height {
        Rect::new(mid.x, bottom, mid.width, mid.height)
    } else if top >= body.y + h {
        Rect::new(mid.x, top - h, mid.width, mid.height)
    } else {
        mid
    }
}

pub fn render(app: &App, body: Rect, buf: &mut Buffer, ctx: &Ctx) {
    let Some(p) = &app.records else {
        return;
    };
    // Wrapped in `update` when the popup opened or the width changed;
    // wrapped here only for a state no `update` saw (a test's hand-made one).
    let width = RecordsPopup::text_width(body.width);
    let computed;
    let rows: &[PopupRow] = match p.wrapped_rows(width, ctx.amb) {
        Some(rows) => rows,
        None => {
            computed = p.rows(&app.model, width, ctx.amb);
            &computed
        }
    };
    let (w, h) = popup_size(body.width, body.height, rows.len());
    let name = match p.scope {
        RecordsScope::Highlight => strings::RECORDS_HIGHLIGHT,
        RecordsScope::Screen => strings::RECORDS_SCREEN,
        RecordsScope::Row => strings::RECORDS_ROW,
        RecordsScope::Number => strings::RECORDS_NUMBER,
    };
    let inner_h = h.saturating_sub(2) as usize;
    let scroll = p.scroll.min(rows.len().saturating_sub(inner_h));
    let more = if rows.len() > inner_h {
        format!(
            " {}-{}/{}",
            scroll + 1,
            (scroll + inner_h).min(rows.len()),
            rows.len()
        )
    } else {
        String::new()
    };
    let title = format!("{name}: {}{more}", p.records.len());
    let inner = boxed(buf, place(app, body, w, h), &title, ctx);
    let end = inner.x + inner.width;
    // Headings in order: the selected record's (Enter jumps there) is marked.
    let mut heading = 0;
    let mut sel_rows = 0..0;
    for (k, row) in rows.iter().enumerate() {
        let head = row.heading;
        let first = head && !row.text.is_empty() && (k == 0 || !rows[k - 1].heading);
        if first {
            if heading == p.selected {
                sel_rows.start = k;
            }
            heading += 1;
        }
        if head && heading == p.selected + 1 {
            sel_rows.end = k + 1;
        }
    }
    for (k, row) in rows.iter().enumerate().skip(scroll).take(inner_h) {
        let st = if sel_rows.contains(&k) && p.records.len() > 1 {
            ctx.theme.selected(true)
        } else if row.heading {
            ctx.theme.heading()
        } else {
            Style::default()
        };
        let y = inner.y + (k - scroll) as u16;
        cells::put(buf, inner.x + 1, y, end, &row.text, st, ctx.amb);
    }
}
