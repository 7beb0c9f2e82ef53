//! The cell popup: the full text of the table cell under the cursor, wrapped
//! inside a box with one blank column each side. Every char of the cell is
//! shown (rows are wrapped to exactly the width they are drawn in); when the
//! screen is too short even at full width, the last row shown ends with the
//! cut marker.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{boxed, cells, centered, Ctx};
use crate::text::{truncate, wrap, CUT_MARKER};
use crate::tui::app::App;

/// The popup's widest box when the text fits in it.
const MAX_W: u16 = 62;
/// Border and one blank column on each side.
const FRAME: u16 = 4;

/// The text rows of the popup and the box width for `text` on a `body` area:
/// byte ranges of `text`, each at most `box width - FRAME` columns wide.
pub fn layout(
    text: &str,
    body: Rect,
    amb: crate::text::AmbiguousWidth,
) -> (u16, Vec<std::ops::Range<usize>>) {
    let widest = body.width.saturating_sub(2).max(FRAME + 2);
    let mut w = widest.min(MAX_W);
    let mut rows = wrap(text, (w - FRAME) as usize, amb);
    if rows.len() + 2 > body.height as usize && w < widest {
        w = widest;
        rows = wrap(text, (w - FRAME) as usize, amb);
    }
    (w, rows)
}

pub fn render(app: &App, body: Rect, buf: &mut Buffer, ctx: &Ctx) {
    let Some((head, text)) = app
        .tables
        .as_ref()
        .and_then(|t| t.cell_text(&app.model, &app.derived))
    else {
        return;
    };
    let (w, rows) = layout(&text, body, ctx.amb);
    let h = (rows.len() as u16 + 2).min(body.height);
    let r = centered(body, w, h);
    let inner = boxed(buf, r, &head, ctx);
    let shown = inner.height as usize;
    let end = inner.x + inner.width.saturating_sub(1);
    for (k, row) in rows.iter().take(shown).enumerate() {
        let mut line = text[row.clone()].to_string();
        if k + 1 == shown && rows.len() > shown {
            // Cut: say so rather than end mid-text silently.
            let room = (w - FRAME) as usize;
            line = truncate(&line, room.saturating_sub(1), ctx.amb);
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
}
