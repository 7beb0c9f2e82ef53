//! The cell popup: the full text of the table cell under the cursor, wrapped
//! inside a box with one blank column each side (see
//! `tables::popup_layout`: rows are wrapped to exactly the width they are
//! drawn in, so every char shows). A cell taller than the screen scrolls
//! (j/k); a row with more text after it ends with the cut marker, and the
//! bottom border says which rows are shown. The layout is the state's
//! (`TablesState::popup`), laid out in `update`, not per frame.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{boxed, cells, centered, Ctx};
use crate::text::{truncate, CUT_MARKER};
use crate::tui::app::App;
use crate::tui::tables::POPUP_FRAME;

pub fn render(app: &App, body: Rect, buf: &mut Buffer, ctx: &Ctx) {
    let Some(t) = app.tables.as_ref() else {
        return;
    };
    // Laid out in `update` while the popup is open; laid out here only for
    // a state no `update` saw (a test's hand-made one).
    let computed;
    let p = match t.popup_laid_out(body, ctx.amb) {
        Some(p) => p,
        None => {
            let mut t = t.clone();
            t.lay_out_popup(&app.model, &app.derived, body, ctx.amb);
            let Some(p) = t.popup else { return };
            computed = p;
            &computed
        }
    };
    let (head, text, w, rows) = (&p.head, &p.text, p.width, &p.rows);
    let h = (rows.len() as u16 + 2).min(body.height);
    let r = centered(body, w, h);
    let inner = boxed(buf, r, head, ctx);
    let shown = inner.height as usize;
    let top = t.popup_scroll.min(rows.len().saturating_sub(shown));
    let end = inner.x + inner.width.saturating_sub(1);
    for (k, row) in rows.iter().skip(top).take(shown).enumerate() {
        let mut line = text[row.clone()].to_string();
        if k + 1 == shown && top + shown < rows.len() {
            // More below: say so rather than end mid-text silently.
            line = truncate(&line, (w - POPUP_FRAME - 1) as usize, ctx.amb);
            if !line.ends_with(CUT_MARKER) {
                line.push(CUT_MARKER);
            }
        }
        cells::put(
            buf,
            inner.x + 1,
            inner.y + k as u16,
            end,
            &line,
            Style::default(),
            ctx.amb,
        );
    }
    if shown < rows.len() && r.height >= 3 {
        let note = format!(
            " {}-{}/{} j/k ",
            top + 1,
            (top + shown).min(rows.len()),
            rows.len()
        );
        let bottom = r.y + r.height - 1;
        let x = (r.x + r.width).saturating_sub(note.len() as u16 + 2);
        cells::put(
            buf,
            x,
            bottom,
            r.x + r.width - 1,
            &note,
            ctx.theme.dim(),
            ctx.amb,
        );
    }
}
