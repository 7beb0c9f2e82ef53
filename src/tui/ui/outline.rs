//! The outline pane: one row per visible node, indented by depth, "+" for a
//! collapsed node with children, "-" for an expanded one, ">" on the selection.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{cells, title_row, Ctx};
use crate::tui::app::App;
use crate::tui::outline::NodeKind;
use crate::tui::strings;

pub fn render(app: &App, r: Rect, buf: &mut Buffer, ctx: &Ctx, focused: bool) {
    let o = &app.outline;
    let detail = if o.visible.is_empty() {
        String::new()
    } else {
        format!("{}/{}", o.selected + 1, o.visible.len())
    };
    title_row(buf, r, strings::TITLE_OUTLINE, &detail, ctx, focused);
    if o.visible.is_empty() {
        let t = crate::text::truncate(
            strings::EMPTY_MODEL,
            r.width.saturating_sub(1) as usize,
            ctx.amb,
        );
        cells::put(
            buf,
            r.x + 1,
            r.y + 1,
            r.x + r.width,
            &t,
            Style::default(),
            ctx.amb,
        );
        return;
    }
    let rows = r.height.saturating_sub(1) as usize;
    let end = r.x + r.width;
    for (k, &n) in o.visible.iter().skip(o.offset).take(rows).enumerate() {
        let y = r.y + 1 + k as u16;
        let node = &o.nodes[n];
        let selected = o.offset + k == o.selected;
        // plain text for what one reads (reports, sections), a heading for a
        // group of reports, dim for what is not running text: a row then
        // costs no attribute change on the wire next to the reader's text
        let base = match node.kind {
            NodeKind::Group => ctx.theme.heading(),
            NodeKind::Table | NodeKind::Preamble => ctx.theme.dim(),
            NodeKind::Report | NodeKind::Section => Style::default(),
        };
        let style = if selected {
            base.patch(ctx.theme.selected(focused))
        } else {
            base
        };
        if selected {
            cells::fill(buf, r.x, y, r.width, style);
        }
        let mark = if node.children.is_empty() && !o.unloaded(n) {
            ' '
        } else if o.expanded[n] {
            '-'
        } else {
            '+'
        };
        let prefix = format!(
            "{}{}{} ",
            if selected { '>' } else { ' ' },
            " ".repeat(node.depth as usize),
            mark
        );
        let x = cells::put(buf, r.x, y, end, &prefix, style, ctx.amb);
        let label = crate::text::truncate(&node.label, end.saturating_sub(x) as usize, ctx.amb);
        cells::put(buf, x, y, end, &label, style, ctx.amb);
    }
}
