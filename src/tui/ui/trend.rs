//! The Trend view: the phrase prompt on the title row, a summary line (what
//! was counted, the first report that used it), then either a horizontal
//! bar per year (ratatui's BarChart: the year, a bar of its occurrences and
//! "count in reports/searched") or the selected year's sentences (region,
//! report, text). Bars are full blocks in narrow mode and `#` in wide mode
//! (block elements are East Asian Ambiguous). While the Trend worker counts,
//! the summary says "counting PHRASE..." (the previous answer stays below).
//! Reads `App::trend`; draws only.

use ratatui::buffer::Buffer;
use ratatui::layout::{Direction, Rect};
use ratatui::style::Style;
use ratatui::symbols;
use ratatui::widgets::{Bar, BarChart, Widget};

use super::search::prompt_line;
use super::{cells, Ctx};
use crate::text::{sanitize_line, AmbiguousWidth};
use crate::tui::app::App;
use crate::tui::strings;
use crate::tui::trend::{Stage, TrendState};

/// Rows above the list: the title and the summary.
const HEAD_H: u16 = 2;

/// Year rows and sentence rows shown in a body of `height` rows (the
/// sentence list has a header row of its own).
pub fn list_rows(height: u16) -> (usize, usize) {
    let rows = height.saturating_sub(HEAD_H).max(1) as usize;
    (rows, rows.saturating_sub(1).max(1))
}

pub fn render(app: &App, r: Rect, buf: &mut Buffer, ctx: &Ctx) {
    cells::clear(buf, r);
    let Some(t) = app.trend.as_ref() else {
        return;
    };
    let end = r.x + r.width;
    let st = ctx.theme.title(true);
    cells::fill(buf, r.x, r.y, r.width, st);
    let x = cells::put(buf, r.x + 1, r.y, end, strings::TITLE_TREND, st, ctx.amb);
    prompt_line(buf, x + 2, r.y, end, &t.query, t.cursor, st, ctx);
    if r.height < 2 {
        return;
    }
    let summary = summary(t);
    cells::put(
        buf,
        r.x + 1,
        r.y + 1,
        end,
        &summary,
        ctx.theme.dim(),
        ctx.amb,
    );
    let body = Rect::new(r.x, r.y + HEAD_H, r.width, r.height.saturating_sub(HEAD_H));
    if body.height == 0 || t.error.is_some() || t.years.is_empty() {
        return;
    }
    match t.stage {
        Stage::Years => years(t, body, buf, ctx),
        Stage::Sentences => sentences(t, body, buf, ctx),
    }
}

/// The line under the prompt.
fn summary(t: &TrendState) -> String {
    if let Some(p) = &t.pending {
        // the Trend worker is counting (ASCII: no ambiguous-width glyphs)
        return sanitize_line(&format!("counting {p}...")).into_owned();
    }
    if let Some(e) = &t.error {
        return sanitize_line(e).into_owned();
    }
    if t.counted.is_empty() {
        return strings::TREND_HINT.to_string();
    }
    let stale = if t.is_current() {
        ""
    } else {
        " (Enter: count the new phrase)"
    };
    // ASCII only besides the model's text (no ambiguous-width glyphs)
    let phrase = match &t.resolved {
        Some(r) => format!("[{r}]"),
        None => t.phrase.clone(),
    };
    let first = t
        .first
        .as_deref()
        .map(|f| format!(", first {f}"))
        .unwrap_or_default();
    let line = format!(
        "{phrase} {}x in {}/{} reports{first}{stale}",
        t.total, t.with, t.searched
    );
    sanitize_line(&line).into_owned()
}

fn years(t: &TrendState, r: Rect, buf: &mut Buffer, ctx: &Ctx) {
    let rows = r.height as usize;
    let max = t.years.iter().map(|y| y.count).max().unwrap_or(0) as u64;
    let bars: Vec<Bar<'_>> = t
        .years
        .iter()
        .enumerate()
        .skip(t.year_offset)
        .take(rows)
        .map(|(i, y)| {
            let st = if i == t.year {
                ctx.theme.selected(true)
            } else {
                Style::default()
            };
            Bar::default()
                .label(format!("{}", y.year))
                .value(y.count as u64)
                .text_value(format!("{} in {}/{}", y.count, y.reports, y.searched))
                .style(if i == t.year {
                    ctx.theme.target()
                } else {
                    Style::default()
                })
                .value_style(st)
        })
        .collect();
    let set = match ctx.amb {
        AmbiguousWidth::Narrow => symbols::bar::NINE_LEVELS,
        AmbiguousWidth::Wide => symbols::bar::Set {
            full: "#",
            seven_eighths: "#",
            three_quarters: "#",
            five_eighths: "#",
            half: "#",
            three_eighths: "#",
            one_quarter: "#",
            one_eighth: "#",
            empty: " ",
        },
    };
    BarChart::default()
        .data(ratatui::widgets::BarGroup::default().bars(&bars))
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .bar_set(set)
        .max(max.max(1))
        .render(r, buf);
}

fn sentences(t: &TrendState, r: Rect, buf: &mut Buffer, ctx: &Ctx) {
    let end = r.x + r.width;
    let head = match t.years.get(t.year) {
        Some(y) => format!(
            "{}: {} sentence(s) in {} report(s)  Esc: back to the years",
            y.year,
            t.lines.len(),
            y.reports
        ),
        None => String::new(),
    };
    cells::put(buf, r.x + 1, r.y, end, &head, ctx.theme.heading(), ctx.amb);
    let rows = (r.height as usize).saturating_sub(1);
    for (k, (i, l)) in t
        .lines
        .iter()
        .enumerate()
        .skip(t.line_offset)
        .take(rows)
        .enumerate()
    {
        let y = r.y + 1 + k as u16;
        let st = if i == t.line {
            ctx.theme.selected(true)
        } else {
            Style::default()
        };
        if i == t.line {
            cells::fill(buf, r.x, y, r.width, st);
        }
        let line = format!("{} {}  {}", l.region, l.report, l.text);
        cells::put(buf, r.x + 1, y, end, &sanitize_line(&line), st, ctx.amb);
    }
}
