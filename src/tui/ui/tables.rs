//! The tables pane: title with the table's place in the list (derived tables
//! marked), a frozen header row, the rows from the vertical offset, the key
//! columns frozen and the others from the horizontal offset, the cursor row
//! and cell, cells an indicator record was read from underlined, and the
//! filter prompt. A cell cut by its column's cap or by the pane edge ends
//! with the cut marker ("~", as everywhere in the UI). Column widths are the
//! state's (`TablesState::fit`), fitted in `update`, not per frame.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{cells, title_row, Ctx};
use crate::text::{pad, sanitize, truncate};
use crate::tui::app::{App, Overlay};
use crate::tui::marks;
use crate::tui::strings;
use crate::tui::tables::{pane_columns, text_width, SortDir, TableRef};

pub fn render(app: &App, r: Rect, buf: &mut Buffer, ctx: &Ctx, focused: bool) {
    let Some(t) = app.tables.as_ref() else {
        title_row(buf, r, strings::TITLE_TABLES, "", ctx, focused);
        return;
    };
    let Some(v) = t.current_view(&app.model, &app.derived) else {
        title_row(buf, r, strings::TITLE_TABLES, "", ctx, focused);
        cells::put(
            buf,
            r.x + 1,
            r.y + 1,
            r.x + r.width,
            strings::NO_TABLES,
            Style::default(),
            ctx.amb,
        );
        return;
    };
    let detail = format!(
        "{}/{} {}{} ({})",
        t.current + 1,
        t.list.len(),
        if v.derived {
            format!("{} ", strings::DERIVED)
        } else {
            String::new()
        },
        v.title,
        v.report
    );
    title_row(buf, r, strings::TITLE_TABLES, &detail, ctx, focused);
    let end = r.x + r.width;
    let avail = text_width(r.width as usize);
    // Fitted in `update` when the table or a width changed; computed here
    // only for a state no `update` saw (a test's hand-made one).
    let placed = match t.fitted(avail, ctx.amb) {
        Some(cols) => cols.place(t.col_offset, avail),
        None => pane_columns(&v, ctx.amb, avail).place(t.col_offset, avail),
    };
    let sep = format!(" {} ", ctx.glyphs.vbar);
    let show_filter = app.overlay == Some(Overlay::Filter) || !t.filter.is_empty();
    let bottom = r.y + r.height - u16::from(show_filter);
    // Header (frozen) and rule.
    let hy = r.y + 1;
    let mut visible_cols = Vec::new();
    for p in &placed {
        let c = p.col;
        let name = sanitize(&v.columns[c]);
        // `pad` and `truncate` cut to the drawn width with the cut marker;
        // the sort arrow is kept after a cut name.
        let cell = match t.sort {
            Some((sc, dir)) if sc == c => {
                let arrow = if dir == SortDir::Up { " ^" } else { " v" };
                let name = truncate(&name, p.width.saturating_sub(arrow.len()), ctx.amb);
                pad(&format!("{name}{arrow}"), p.width, ctx.amb)
            }
            _ => pad(&name, p.width, ctx.amb),
        };
        let x = r.x + 1 + p.x as u16;
        visible_cols.push((c, x, p.width));
        let x = cells::put(buf, x, hy, end, &cell, ctx.theme.heading(), ctx.amb);
        cells::put(buf, x, hy, end, &sep, ctx.theme.dim(), ctx.amb);
    }
    if hy + 1 < bottom {
        let rule: String =
            std::iter::repeat_n(ctx.glyphs.hbar, (r.width as usize).saturating_sub(2)).collect();
        cells::put(buf, r.x + 1, hy + 1, end, &rule, ctx.theme.dim(), ctx.amb);
    }
    let first = hy + 2;
    if t.rows.is_empty() {
        cells::put(
            buf,
            r.x + 1,
            first,
            end,
            strings::NO_ROWS,
            ctx.theme.dim(),
            ctx.amb,
        );
    }
    // Cells an indicator record was read from (printed tables only).
    let marked: Vec<(usize, usize)> = match t.current_ref() {
        Some(TableRef::Printed { report, table }) => app
            .model
            .reports
            .get(report)
            .and_then(|rp| Some((rp, rp.tables.get(table)?)))
            .map(|(rp, tb)| {
                marks::cell_records(rp, &tb.id)
                    .into_iter()
                    .map(|c| (c.row, c.column))
                    .collect()
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    for (k, &row) in t.rows.iter().skip(t.row_offset).enumerate() {
        let y = first + k as u16;
        if y >= bottom {
            break;
        }
        let is_cursor = t.row_offset + k == t.cursor;
        let style = if is_cursor {
            ctx.theme.selected(focused)
        } else {
            Style::default()
        };
        if is_cursor {
            cells::fill(buf, r.x, y, r.width, style);
        }
        for &(c, cx, w) in &visible_cols {
            let text = v.rows[row].get(c).map(|s| sanitize(s)).unwrap_or_default();
            let cell = pad(&text, w, ctx.amb);
            let st = if is_cursor && c == t.col {
                style.patch(ctx.theme.cursor_cell())
            } else {
                style
            };
            let x = if marked.contains(&(row, c)) {
                // Underline the value, not the padding after it.
                let shown = cell.trim_end_matches(' ');
                let mst = st.patch(ctx.theme.indicator(true, is_cursor));
                let x = cells::put(buf, cx, y, end, shown, mst, ctx.amb);
                cells::put(buf, x, y, end, &cell[shown.len()..], st, ctx.amb)
            } else {
                cells::put(buf, cx, y, end, &cell, st, ctx.amb)
            };
            cells::put(buf, x, y, end, &sep, style.patch(ctx.theme.dim()), ctx.amb);
        }
    }
    if show_filter {
        let st = if app.overlay == Some(Overlay::Filter) {
            ctx.theme.title(true)
        } else {
            ctx.theme.dim()
        };
        cells::fill(buf, r.x, bottom, r.width, st);
        let x = cells::put(buf, r.x + 1, bottom, end, strings::FILTER, st, ctx.amb);
        let count = format!("  ({} rows)", t.rows.len());
        if app.overlay == Some(Overlay::Filter) {
            let x = super::search::prompt_line(
                buf,
                x,
                bottom,
                end,
                &t.filter,
                app.filter_cursor,
                st,
                ctx,
            );
            cells::put(buf, x, bottom, end, &count, st, ctx.amb);
        } else {
            let text = format!("{}{count}", sanitize(&t.filter));
            cells::put(buf, x, bottom, end, &text, st, ctx.amb);
        }
    }
}
