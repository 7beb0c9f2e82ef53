//! The report picker overlay: the prompt with how many reports match, then
//! one row per report (region, year, id, title) in browsing order, the
//! selection marked with ">", or "no report matches".

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::search::prompt_line;
use super::{cells, Ctx};
use crate::text::{pad, truncate};
use crate::tui::app::App;
use crate::tui::strings;

pub fn render(app: &App, r: Rect, buf: &mut Buffer, ctx: &Ctx) {
    cells::clear(buf, r);
    let Some(p) = app.picker.as_ref() else {
        return;
    };
    let end = r.x + r.width;
    let head = ctx.theme.title(true);
    cells::fill(buf, r.x, r.y, r.width, head);
    let x = cells::put(
        buf,
        r.x + 1,
        r.y,
        end,
        &format!("{}: ", strings::TITLE_PICKER),
        head,
        ctx.amb,
    );
    let x = prompt_line(buf, x, r.y, end, &p.query, p.cursor, head, ctx);
    let info = format!("  {}/{} reports", p.matches.len(), p.rows.len());
    cells::put(buf, x, r.y, end, &info, head, ctx.amb);
    let first = r.y + 2;
    if p.matches.is_empty() {
        let msg = strings::NO_REPORTS_MATCH;
        cells::put(buf, r.x + 1, first, end, msg, Style::default(), ctx.amb);
        return;
    }
    let rows = r.height.saturating_sub(2) as usize;
    for (k, &i) in p.matches.iter().enumerate().skip(p.offset).take(rows) {
        let y = first + (k - p.offset) as u16;
        let sel = k == p.selected;
        let st = if sel {
            ctx.theme.selected(true)
        } else {
            Style::default()
        };
        if sel {
            cells::fill(buf, r.x, y, r.width, st);
        }
        let row = &p.rows[i];
        let line = format!(
            "{} {} {:>4}  {} {}",
            if sel { '>' } else { ' ' },
            pad(&row.region, 14, ctx.amb),
            row.year,
            pad(&row.id, 22, ctx.amb),
            row.title
        );
        let line = truncate(&line, r.width as usize, ctx.amb);
        cells::put(buf, r.x, y, end, &line, st, ctx.amb);
    }
}
