//! The Targets view: the filter prompt and the metric on the title row,
//! the years across, one region per row, each cell the target and its
//! assessment mark (coloured too, unless monochrome); under the grid, the
//! selected cell in words. With the chart on, the selected region's targets
//! (a line) and results (points) over the years, in Braille dots (the only
//! chart glyphs of unambiguous width). Reads `App::targets`; draws only.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::Span;
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Widget};

use super::search::prompt_line;
use super::{cells, Ctx};
use crate::indicators::target::trim_float;
use crate::text::{pad, sanitize, truncate};
use crate::tui::app::App;
use crate::tui::strings;
use crate::tui::targets::{cell_text, Sort, TargetsState};

/// Columns of the region names.
const REGION_W: u16 = 12;
/// Columns of one year.
const CELL_W: u16 = 9;
/// Rows under the grid for the selected cell.
const DETAIL_H: u16 = 2;

/// Region rows and year columns the grid shows in a body of `height` rows
/// and `width` columns (the title, the years and the detail take the rest).
pub fn grid_size(height: u16, width: u16) -> (usize, usize) {
    let rows = height.saturating_sub(2 + DETAIL_H).max(1);
    let cols = width.saturating_sub(REGION_W) / CELL_W;
    (rows as usize, cols.max(1) as usize)
}

pub fn render(app: &App, r: Rect, buf: &mut Buffer, ctx: &Ctx) {
    cells::clear(buf, r);
    let Some(t) = app.targets.as_ref() else {
        return;
    };
    title(t, r, buf, ctx);
    if t.keys.is_empty() {
        let msg = strings::NO_TARGETS;
        cells::put(
            buf,
            r.x + 1,
            r.y + 2,
            r.x + r.width,
            msg,
            Style::default(),
            ctx.amb,
        );
        return;
    }
    if t.shown.is_empty() {
        let msg = strings::NO_REGIONS_MATCH;
        cells::put(
            buf,
            r.x + 1,
            r.y + 2,
            r.x + r.width,
            msg,
            Style::default(),
            ctx.amb,
        );
        return;
    }
    let body = Rect::new(r.x, r.y + 1, r.width, r.height.saturating_sub(1 + DETAIL_H));
    if t.chart {
        chart(t, body, buf, ctx);
    } else {
        grid(t, body, buf, ctx);
    }
    detail(t, r, buf, ctx);
}

fn title(t: &TargetsState, r: Rect, buf: &mut Buffer, ctx: &Ctx) {
    let end = r.x + r.width;
    let head = ctx.theme.title(true);
    cells::fill(buf, r.x, r.y, r.width, head);
    let x = cells::put(
        buf,
        r.x + 1,
        r.y,
        end,
        &format!("{}: ", strings::TITLE_TARGETS),
        head,
        ctx.amb,
    );
    let x = prompt_line(buf, x, r.y, end, &t.query, t.cursor, head, ctx);
    let sort = match t.sort {
        Sort::Ledger => String::new(),
        Sort::Year(y, true) => format!("  by {y}, highest"),
        Sort::Year(y, false) => format!("  by {y}, lowest"),
    };
    let info = format!(
        "  {} ({}/{})  {} regions{sort}",
        t.key_name(),
        t.key + 1,
        t.keys.len(),
        t.shown.len()
    );
    cells::put(buf, x, r.y, end, &info, head, ctx.amb);
}

fn grid(t: &TargetsState, r: Rect, buf: &mut Buffer, ctx: &Ctx) {
    let end = r.x + r.width;
    let (rows, cols) = grid_size(r.height + 1 + DETAIL_H, r.width);
    let years: Vec<u16> = t
        .years
        .iter()
        .copied()
        .skip(t.col_offset)
        .take(cols)
        .collect();
    let head = ctx.theme.heading();
    let mut x = r.x + REGION_W;
    for (k, y) in years.iter().enumerate() {
        let st = if t.col_offset + k == t.col {
            head.patch(ctx.theme.selected(false))
        } else {
            head
        };
        cells::put(
            buf,
            x,
            r.y,
            end,
            &pad(&y.to_string(), CELL_W as usize, ctx.amb),
            st,
            ctx.amb,
        );
        x += CELL_W;
    }
    for (k, _) in t.shown.iter().enumerate().skip(t.row_offset).take(rows) {
        let y = r.y + 1 + (k - t.row_offset) as u16;
        let here = k == t.row;
        let name = t
            .cell_region(k)
            .map(|s| sanitize(s).into_owned())
            .unwrap_or_default();
        let st = if here { head } else { Style::default() };
        let lead = format!("{}{}", if here { '>' } else { ' ' }, name);
        cells::put(
            buf,
            r.x,
            y,
            r.x + REGION_W - 1,
            &truncate(&lead, (REGION_W - 1) as usize, ctx.amb),
            st,
            ctx.amb,
        );
        let mut x = r.x + REGION_W;
        for (c, &year) in years.iter().enumerate() {
            let text = match t.cell(k, year) {
                Some(row) => cell_text(row),
                None => String::new(),
            };
            let mut st = t
                .cell(k, year)
                .map(|row| ctx.theme.assessment(row.assessment))
                .unwrap_or_default();
            if here && t.col_offset + c == t.col {
                st = st.patch(ctx.theme.selected(true));
            }
            let cell = pad(&sanitize(&text), (CELL_W - 1) as usize, ctx.amb);
            cells::put(buf, x, y, end, &cell, st, ctx.amb);
            x += CELL_W;
        }
    }
}

fn chart(t: &TargetsState, r: Rect, buf: &mut Buffer, ctx: &Ctx) {
    let series = t.series();
    let target: Vec<(f64, f64)> = series
        .iter()
        .filter_map(|(y, v, _)| Some((f64::from(*y), (*v)?)))
        .collect();
    let actual: Vec<(f64, f64)> = series
        .iter()
        .filter_map(|(y, _, a)| Some((f64::from(*y), (*a)?)))
        .collect();
    let name = t
        .region()
        .map(|g| sanitize(&g.region).into_owned())
        .unwrap_or_default();
    let head = format!("{name} {}: target (line), result (dots)", t.key_name());
    cells::put(
        buf,
        r.x + 1,
        r.y,
        r.x + r.width,
        &head,
        ctx.theme.heading(),
        ctx.amb,
    );
    let values: Vec<f64> = target.iter().chain(&actual).map(|p| p.1).collect();
    if values.is_empty() || r.height < 4 {
        return;
    }
    if ctx.amb == crate::text::AmbiguousWidth::Wide {
        // the chart's axes are box-drawing lines, ambiguous in width: a
        // terminal that draws them wide gets the figures as text instead
        return series_text(&series, r, buf, ctx);
    }
    let (x0, x1) = (
        series.first().map_or(0.0, |s| f64::from(s.0)),
        series.last().map_or(1.0, |s| f64::from(s.0)),
    );
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let pad_y = ((hi - lo) * 0.1).max(0.5);
    let (lo, hi) = (lo - pad_y, hi + pad_y);
    let colour = |c: Color| {
        if ctx.theme.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    };
    let datasets = vec![
        Dataset::default()
            .name("target")
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(colour(Color::Cyan))
            .data(&target),
        Dataset::default()
            .name("result")
            .marker(Marker::Braille)
            .graph_type(GraphType::Scatter)
            .style(colour(Color::Yellow))
            .data(&actual),
    ];
    let label = |v: f64| Span::raw(trim_float((v * 10.0).round() / 10.0));
    let chart = Chart::new(datasets)
        .x_axis(
            Axis::default()
                .bounds([x0, x1.max(x0 + 1.0)])
                .labels([Span::raw(format!("{x0}")), Span::raw(format!("{x1}"))]),
        )
        .y_axis(Axis::default().bounds([lo, hi]).labels([
            label(lo),
            label((lo + hi) / 2.0),
            label(hi),
        ]))
        .legend_position(None);
    let area = Rect::new(r.x, r.y + 1, r.width, r.height.saturating_sub(1));
    chart.render(area, buf);
}

/// The chart's figures as rows of text: year, target, result.
fn series_text(series: &[(u16, Option<f64>, Option<f64>)], r: Rect, buf: &mut Buffer, ctx: &Ctx) {
    let show = |v: Option<f64>| v.map_or_else(|| "-".to_string(), trim_float);
    let rows = r.height.saturating_sub(1) as usize;
    for (k, (y, t, a)) in series.iter().rev().take(rows).enumerate() {
        let line = format!("{y}  target {:<8} result {}", show(*t), show(*a));
        let row = r.y + 1 + k as u16;
        cells::put(
            buf,
            r.x + 1,
            row,
            r.x + r.width,
            &line,
            Style::default(),
            ctx.amb,
        );
    }
}

/// The selected cell in words (two rows under the grid).
fn detail(t: &TargetsState, r: Rect, buf: &mut Buffer, ctx: &Ctx) {
    let y0 = r.y + r.height.saturating_sub(DETAIL_H);
    let end = r.x + r.width;
    let (Some(g), Some(year)) = (t.region(), t.year()) else {
        return;
    };
    let lines = match t.selected() {
        None => vec![format!("{} {year}: no {} figure", g.region, t.key_name())],
        Some(row) => {
            let target = row.target_text.as_deref().unwrap_or("no target");
            let actual = row.actual_text.as_deref().unwrap_or("no result yet");
            let upper = match (
                &row.upper_region,
                row.upper_target_value,
                row.upper_difference,
            ) {
                (Some(u), Some(v), Some(d)) => format!("; {u} {} ({:+})", trim_float(v), d),
                (Some(u), Some(v), None) => format!("; {u} {}", trim_float(v)),
                _ => String::new(),
            };
            vec![
                format!(
                    "{} {year} {}: target {target}; result {actual}{upper}",
                    g.region, row.metric
                ),
                format!("{}: {}", row.assessment.as_str(), row.assessment_reason),
            ]
        }
    };
    for (k, line) in lines.iter().enumerate() {
        let text = truncate(&sanitize(line), r.width.saturating_sub(1) as usize, ctx.amb);
        cells::put(
            buf,
            r.x + 1,
            y0 + k as u16,
            end,
            &text,
            Style::default(),
            ctx.amb,
        );
    }
}
