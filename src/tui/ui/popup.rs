//! The cell popup: the full text of the table cell under the cursor, wrapped.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{boxed, cells, centered, Ctx};
use crate::text::wrap;
use crate::tui::app::App;

pub fn render(app: &App, body: Rect, buf: &mut Buffer, ctx: &Ctx) {
    let Some((head, text)) = app
        .tables
        .as_ref()
        .and_then(|t| t.cell_text(&app.model, &app.derived))
    else {
        return;
    };
    let w = body.width.saturating_sub(4).clamp(4, 60);
    let rows = wrap(&text, w.saturating_sub(2) as usize, ctx.amb);
    let h = (rows.len() as u16 + 2).min(body.height);
    let r = centered(body, w, h);
    let inner = boxed(buf, r, &head, ctx);
    for (k, row) in rows.iter().take(inner.height as usize).enumerate() {
        cells::put(
            buf,
            inner.x + 1,
            inner.y + k as u16,
            inner.x + inner.width,
            &text[row.clone()],
            Style::default(),
            ctx.amb,
        );
    }
}
