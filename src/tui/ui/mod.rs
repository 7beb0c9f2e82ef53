//! Drawing: one file per pane or overlay. Views take `&App` and write into
//! the buffer through `cells::put` (so ambiguous-width chars are placed right);
//! they do no I/O and mutate nothing.

pub mod cells;
pub mod compare;
pub mod help;
pub mod outline;
pub mod picker;
pub mod popup;
pub mod reader;
pub mod records;
pub mod search;
pub mod status;
pub mod tables;
pub mod targets;
pub mod theme;
pub mod trend;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::action::Focus;
use super::app::{App, Overlay};
use super::glyphs::Glyphs;
use super::strings;
use theme::Theme;

/// What every view needs besides the state.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    pub theme: Theme,
    pub glyphs: Glyphs,
    pub amb: crate::text::AmbiguousWidth,
}

impl Ctx {
    pub fn of(app: &App) -> Ctx {
        Ctx {
            theme: Theme {
                color: app.opts.color,
            },
            glyphs: Glyphs::for_mode(app.opts.amb),
            amb: app.opts.amb,
        }
    }
}

/// Draw the whole screen into `buf` (its area is the terminal size).
pub fn draw(app: &App, buf: &mut Buffer) {
    let ctx = Ctx::of(app);
    let area = buf.area;
    let p = app.plan();
    if p.too_small {
        cells::put(
            buf,
            0,
            0,
            area.width,
            strings::TOO_SMALL,
            Style::default(),
            ctx.amb,
        );
        return;
    }
    if let Some(o) = p.outline {
        outline::render(app, o, buf, &ctx, app.focus == Focus::Outline);
    }
    if let Some(x) = p.sep_x {
        for y in 0..p.status.y {
            cells::put(
                buf,
                x,
                y,
                x + 1,
                &ctx.glyphs.vbar.to_string(),
                ctx.theme.border(),
                ctx.amb,
            );
        }
    }
    if let Some(r) = p.right {
        let focused = app.focus != Focus::Outline;
        match app.right_pane() {
            Focus::Tables => tables::render(app, r, buf, &ctx, focused),
            _ => reader::render(app, r, buf, &ctx, focused),
        }
    }
    status::render(app, p.status, buf, &ctx);
    let body = Rect::new(0, 0, area.width, p.status.y);
    match app.overlay {
        Some(Overlay::Help(scroll)) => help::render(scroll, body, buf, &ctx),
        Some(Overlay::Search) => search::render(app, body, buf, &ctx),
        Some(Overlay::Popup) => popup::render(app, body, buf, &ctx),
        Some(Overlay::Records) => records::render(app, body, buf, &ctx),
        Some(Overlay::Picker) => picker::render(app, body, buf, &ctx),
        Some(Overlay::Targets) => targets::render(app, body, buf, &ctx),
        Some(Overlay::Compare) => compare::render(app, body, buf, &ctx),
        Some(Overlay::Trend) => trend::render(app, body, buf, &ctx),
        Some(Overlay::Filter) | None => {}
    }
}

/// A pane's title row: the name, then a detail, reversed when focused.
pub fn title_row(buf: &mut Buffer, r: Rect, name: &str, detail: &str, ctx: &Ctx, focused: bool) {
    let st = ctx.theme.title(focused);
    cells::fill(buf, r.x, r.y, r.width, st);
    let x = cells::put(buf, r.x + 1, r.y, r.x + r.width, name, st, ctx.amb);
    if !detail.is_empty() {
        let avail = (r.x + r.width).saturating_sub(x + 2) as usize;
        let d = crate::text::truncate(detail, avail, ctx.amb);
        cells::put(buf, x + 2, r.y, r.x + r.width, &d, st, ctx.amb);
    }
}

/// A box with a border, cleared inside; returns the inner area.
pub fn boxed(buf: &mut Buffer, r: Rect, title: &str, ctx: &Ctx) -> Rect {
    let r = r.intersection(buf.area);
    if r.width < 3 || r.height < 3 {
        cells::clear(buf, r);
        return r;
    }
    cells::clear(buf, r);
    let g = ctx.glyphs;
    let h = g.hbar.to_string();
    let v = g.vbar.to_string();
    let right = r.x + r.width - 1;
    let bottom = r.y + r.height - 1;
    for x in r.x + 1..right {
        cells::put(buf, x, r.y, x + 1, &h, Style::default(), ctx.amb);
        cells::put(buf, x, bottom, x + 1, &h, Style::default(), ctx.amb);
    }
    for y in r.y + 1..bottom {
        cells::put(buf, r.x, y, r.x + 1, &v, Style::default(), ctx.amb);
        cells::put(buf, right, y, right + 1, &v, Style::default(), ctx.amb);
    }
    for (c, (x, y)) in
        g.corners
            .iter()
            .zip([(r.x, r.y), (right, r.y), (r.x, bottom), (right, bottom)])
    {
        cells::put(buf, x, y, x + 1, &c.to_string(), Style::default(), ctx.amb);
    }
    let t = crate::text::truncate(title, r.width.saturating_sub(4) as usize, ctx.amb);
    cells::put(buf, r.x + 2, r.y, right, &t, ctx.theme.heading(), ctx.amb);
    Rect::new(r.x + 1, r.y + 1, r.width - 2, r.height - 2)
}

/// A centered rectangle of at most `w` x `h` inside `outer`.
pub fn centered(outer: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(outer.width);
    let h = h.min(outer.height);
    Rect::new(
        outer.x + (outer.width - w) / 2,
        outer.y + (outer.height - h) / 2,
        w,
        h,
    )
}
