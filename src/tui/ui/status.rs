//! The status line: breadcrumb of the current place, position in the
//! section (%), and key hints for the focused pane.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{cells, Ctx};
use crate::text::{str_width, truncate};
use crate::tui::action::Focus;
use crate::tui::app::App;
use crate::tui::outline::NodeKind;
use crate::tui::strings;

/// "report > part > section" for the outline's selection; in a corpus the
/// report is named by region and year ("浙江省 2024 > 二、…"), with no group.
pub fn breadcrumb(app: &App) -> String {
    let Some(n) = app.outline.selected_node() else {
        return String::new();
    };
    app.outline
        .path_to(n)
        .into_iter()
        .filter(|&i| app.outline.nodes[i].kind != NodeKind::Group || i == n)
        .map(|i| app.outline.nodes[i].crumb.clone())
        .collect::<Vec<_>>()
        .join(" > ")
}

pub fn render(app: &App, r: Rect, buf: &mut Buffer, ctx: &Ctx) {
    let st = ctx.theme.status();
    cells::fill(buf, r.x, r.y, r.width, st);
    let pct = if app.right_pane() == Focus::Reader && app.reader.node.is_some() {
        format!("{:>3}%", app.reader.percent())
    } else {
        String::new()
    };
    let hints = app
        .note
        .as_deref()
        .or(app.message)
        .unwrap_or(strings::hints(app.mode()));
    let w = r.width as usize;
    let crumb_full = breadcrumb(app);
    // The breadcrumb gets up to 40% of the row; the hints get the rest.
    let crumb_w = str_width(&crumb_full, ctx.amb).min(w * 2 / 5);
    let right_w = w.saturating_sub(crumb_w + 3);
    let right = truncate(&format!("{pct} {hints} "), right_w, ctx.amb);
    let rw = str_width(&right, ctx.amb);
    let crumb = truncate(&crumb_full, w.saturating_sub(rw + 2), ctx.amb);
    cells::put(buf, r.x + 1, r.y, r.x + r.width, &crumb, st, ctx.amb);
    let x = r.x + (w - rw) as u16;
    cells::put(buf, x, r.y, r.x + r.width, &right, st, ctx.amb);
}
