//! The search overlay: the prompt (cursor as a reversed cell) with the scope, then two rows per hit
//! (kind, report, breadcrumb; snippet with matched chars highlighted), or a
//! plain "no matches".

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::{cells, Ctx};
use crate::search::HitKind;
use crate::text::{sanitize, truncate};
use crate::tui::app::App;
use crate::tui::prompt;
use crate::tui::search::snippet;
use crate::tui::strings;

fn kind_label(k: HitKind) -> &'static str {
    match k {
        HitKind::Heading => "Heading ",
        HitKind::Indicator => "Figure  ",
        HitKind::Caption => "Table   ",
        HitKind::Cell => "Cell    ",
        HitKind::Sentence => "Sentence",
    }
}

/// A prompt's text with the cursor shown as a reversed cell (the char under
/// it, or a space at the end); returns the column after it. Shared with the
/// table filter prompt.
#[allow(clippy::too_many_arguments)]
pub fn prompt_line(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    end: u16,
    text: &str,
    cursor: usize,
    st: Style,
    ctx: &Ctx,
) -> u16 {
    let (before, at, after) = prompt::split(text, prompt::clamp(text, cursor));
    let cur = if st.add_modifier.contains(Modifier::REVERSED) {
        st.remove_modifier(Modifier::REVERSED)
    } else {
        st.add_modifier(Modifier::REVERSED)
    };
    let x = cells::put(buf, x, y, end, &sanitize(before), st, ctx.amb);
    let under = at
        .map(|c| sanitize(&c.to_string()).into_owned())
        .unwrap_or_else(|| " ".into());
    let x = cells::put(buf, x, y, end, &under, cur, ctx.amb);
    cells::put(buf, x, y, end, &sanitize(after), st, ctx.amb)
}

pub fn render(app: &App, r: Rect, buf: &mut Buffer, ctx: &Ctx) {
    cells::clear(buf, r);
    let s = &app.search;
    let end = r.x + r.width;
    let scope = match (s.this_report, s.scoped) {
        (true, _) => s
            .report
            .clone()
            .unwrap_or_else(|| strings::SCOPE_ALL.into()),
        (false, Some((n, of))) => format!("{n} of {of} reports"),
        (false, None) => strings::SCOPE_ALL.into(),
    };
    let head = ctx.theme.title(true);
    cells::fill(buf, r.x, r.y, r.width, head);
    let x = cells::put(buf, r.x + 1, r.y, end, "/", head, ctx.amb);
    let x = prompt_line(buf, x, r.y, end, &s.query, s.cursor, head, ctx);
    let info = if s.pending {
        format!("  [{}] {}", sanitize(&scope), strings::SEARCHING)
    } else {
        format!("  [{}] {} hits", sanitize(&scope), s.hits.len())
    };
    cells::put(buf, x, r.y, end, &info, head, ctx.amb);
    let w = r.width.saturating_sub(2) as usize;
    let first = r.y + 2;
    if s.query.trim().is_empty() {
        cells::put(
            buf,
            r.x + 1,
            first,
            end,
            &truncate(strings::SEARCH_HINT, w, ctx.amb),
            ctx.theme.dim(),
            ctx.amb,
        );
        return;
    }
    if s.hits.is_empty() {
        if s.pending {
            return;
        }
        cells::put(
            buf,
            r.x + 1,
            first,
            end,
            strings::NO_MATCHES,
            Style::default(),
            ctx.amb,
        );
        return;
    }
    let rows = (r.height.saturating_sub(2) / 2) as usize;
    for (k, hit) in s.hits.iter().enumerate().skip(s.offset).take(rows) {
        let y = first + 2 * (k - s.offset) as u16;
        let sel = k == s.selected;
        let st = if sel {
            ctx.theme.selected(true)
        } else {
            Style::default()
        };
        if sel {
            cells::fill(buf, r.x, y, r.width, st);
            cells::fill(buf, r.x, y + 1, r.width, st);
        }
        // The breadcrumb starts with the report (its id, or in a corpus its
        // region and year); a figure says its year
        // and whether it is a target or an actual ("Figure · 2024 target"), a
        // cell how many more cells of its row matched ("Cell · +3 in row").
        let kind = match hit.note_text() {
            Some(n) => format!(
                "{} \u{b7} {}",
                kind_label(hit.kind).trim_end(),
                sanitize(&n)
            ),
            None => kind_label(hit.kind).to_string(),
        };
        let crumb = s.crumbs.get(k).unwrap_or(&hit.breadcrumb);
        let line = format!(
            "{}{} {}",
            if sel { '>' } else { ' ' },
            kind,
            sanitize(crumb)
        );
        cells::put(
            buf,
            r.x,
            y,
            end,
            &truncate(&line, r.width as usize, ctx.amb),
            st.patch(ctx.theme.dim()),
            ctx.amb,
        );
        let mut x = r.x + 2;
        for piece in snippet(hit, w.saturating_sub(1), ctx.amb) {
            let pst = if piece.matched {
                st.patch(ctx.theme.matched())
            } else {
                st
            };
            x = cells::put(buf, x, y + 1, end, &piece.text, pst, ctx.amb);
        }
    }
}
