//! The Compare view: on the title row the two reports; on the summary page
//! the totals, then one row per section (status, sentences changed ~,
//! added +, dropped -, the section as B has it, and what it was) and one
//! per headline target (A's figure → B's); on a section's page its
//! sentences, each wrapped, inserted runs green and deleted runs red and
//! struck through — in monochrome, inserted runs underlined inside {+ +}
//! and deleted ones struck inside [- -], so nothing rests on colour.
//! Reads `App::compare`; draws only.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use super::{cells, title_row, Ctx};
use crate::compare::{Change, Op, SectionDiff, SectionStatus, SentenceDiff};
use crate::text::{sanitize_line, truncate, wrap, AmbiguousWidth};
use crate::tui::app::App;
use crate::tui::compare::{CompareState, Page};
use crate::tui::strings;

/// Rows above the list (title and totals / section heading).
const TOP: u16 = 2;
/// Columns before a sentence's text (the selection mark and the sign).
const GUTTER: u16 = 4;

/// Rows of the list in a body `height` rows high.
pub fn list_rows(height: u16) -> usize {
    height.saturating_sub(TOP).max(1) as usize
}

/// What a run of a sentence is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Run {
    Plain,
    Inserted,
    Deleted,
    /// A whole added or dropped sentence.
    Added,
    Dropped,
    /// The {+ +} / [- -] marks of monochrome.
    Mark,
}

fn style(run: Run, color: bool) -> Style {
    match (run, color) {
        (Run::Plain, _) => Style::new(),
        (Run::Inserted, true) => Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
        (Run::Deleted, true) => Style::new()
            .fg(Color::Red)
            .add_modifier(Modifier::CROSSED_OUT),
        (Run::Added, true) => Style::new().fg(Color::Green),
        (Run::Dropped, true) => Style::new().fg(Color::Red),
        (Run::Inserted, false) => Style::new().add_modifier(Modifier::UNDERLINED),
        (Run::Deleted, false) => Style::new().add_modifier(Modifier::CROSSED_OUT),
        (Run::Added | Run::Dropped, false) => Style::new(),
        (Run::Mark, _) => Style::new().add_modifier(Modifier::BOLD),
    }
}

/// A sentence's text as runs (sanitized onto one line).
fn runs(s: &SentenceDiff, color: bool) -> Vec<(String, Run)> {
    let clean = |t: &str| sanitize_line(t).into_owned();
    match s.change {
        Change::Added => vec![(clean(s.b.as_ref().map_or("", |x| &x.text)), Run::Added)],
        Change::Dropped => vec![(clean(s.a.as_ref().map_or("", |x| &x.text)), Run::Dropped)],
        Change::Changed => {
            let mut out = Vec::new();
            for p in &s.pieces {
                let t = clean(&p.text);
                match (p.op, color) {
                    (Op::Equal, _) => out.push((t, Run::Plain)),
                    (Op::Insert, true) => out.push((t, Run::Inserted)),
                    (Op::Delete, true) => out.push((t, Run::Deleted)),
                    (Op::Insert, false) => {
                        out.push(("{+".into(), Run::Mark));
                        out.push((t, Run::Inserted));
                        out.push(("+}".into(), Run::Mark));
                    }
                    (Op::Delete, false) => {
                        out.push(("[-".into(), Run::Mark));
                        out.push((t, Run::Deleted));
                        out.push(("-]".into(), Run::Mark));
                    }
                }
            }
            out
        }
    }
}

/// A sentence wrapped to `width`: rows of styled pieces.
fn wrapped(
    s: &SentenceDiff,
    width: usize,
    color: bool,
    amb: AmbiguousWidth,
) -> Vec<Vec<(String, Run)>> {
    let rs = runs(s, color);
    let mut text = String::new();
    let mut bounds = Vec::with_capacity(rs.len());
    for (t, r) in &rs {
        let start = text.len();
        text.push_str(t);
        bounds.push((start..text.len(), *r));
    }
    wrap(&text, width.max(2), amb)
        .into_iter()
        .map(|row| {
            bounds
                .iter()
                .filter_map(|(b, r)| {
                    let from = b.start.max(row.start);
                    let to = b.end.min(row.end);
                    (from < to).then(|| (text[from..to].to_string(), *r))
                })
                .collect()
        })
        .collect()
}

/// The rows each sentence of the detail page takes at `width` columns of body.
pub fn detail_heights(
    c: &CompareState,
    width: u16,
    color: bool,
    amb: AmbiguousWidth,
) -> Vec<usize> {
    let Page::Detail(r) = c.page else {
        return Vec::new();
    };
    let w = width.saturating_sub(GUTTER + 1) as usize;
    c.diff.sections.get(r).map_or(Vec::new(), |s| {
        s.sentences
            .iter()
            .map(|x| wrapped(x, w, color, amb).len())
            .collect()
    })
}

pub fn render(app: &App, r: Rect, buf: &mut Buffer, ctx: &Ctx) {
    cells::clear(buf, r);
    let Some(c) = app.compare.as_ref() else {
        return;
    };
    let pair = format!(
        "{} \u{2192} {}",
        sanitize_line(&c.diff.a.id),
        sanitize_line(&c.diff.b.id)
    );
    title_row(
        buf,
        Rect::new(r.x, r.y, r.width, 1),
        strings::TITLE_COMPARE,
        &pair,
        ctx,
        true,
    );
    match c.page {
        Page::Summary => summary(c, r, buf, ctx),
        Page::Detail(row) => detail(c, row, r, buf, ctx),
    }
}

fn status_word(s: &SectionDiff) -> String {
    let mut w = s.status.as_str().to_string();
    if s.moved {
        w.push_str(" moved");
    }
    if s.renamed {
        w.push_str(" renamed");
    }
    w
}

/// The section as shown on its summary row: B's label, what it was, or
/// where it came from / went.
fn section_text(s: &SectionDiff) -> String {
    let label =
        |x: &Option<crate::compare::SectionRef>| x.as_ref().map(|x| x.label()).unwrap_or_default();
    let text = match s.status {
        SectionStatus::Split => format!("{} < {}", label(&s.b), label(&s.related)),
        SectionStatus::Merged => format!("{} > {}", label(&s.a), label(&s.related)),
        SectionStatus::Dropped => label(&s.a),
        _ if s.moved || s.renamed => format!("{} < {}", label(&s.b), label(&s.a)),
        _ => label(&s.b),
    };
    sanitize_line(&text).into_owned()
}

fn summary(c: &CompareState, r: Rect, buf: &mut Buffer, ctx: &Ctx) {
    let end = r.x + r.width;
    let n = |s| c.diff.status_count(s);
    let t = &c.diff.counts;
    let totals = format!(
        "~{} +{} -{} sentences  {} changed {} added {} dropped {} split {} merged sections",
        t.changed,
        t.added,
        t.dropped,
        n(SectionStatus::Changed),
        n(SectionStatus::Added),
        n(SectionStatus::Dropped),
        n(SectionStatus::Split),
        n(SectionStatus::Merged),
    );
    cells::put(
        buf,
        r.x + 1,
        r.y + 1,
        end,
        &totals,
        ctx.theme.dim(),
        ctx.amb,
    );
    let rows = list_rows(r.height);
    let total = c.summary_rows();
    for k in 0..rows.min(total.saturating_sub(c.offset)) {
        let i = c.offset + k;
        let y = r.y + TOP + k as u16;
        let selected = i == c.selected;
        let base = if selected {
            ctx.theme.selected(true)
        } else {
            Style::new()
        };
        if selected {
            cells::fill(buf, r.x, y, r.width, base);
            cells::put(buf, r.x, y, end, ">", base, ctx.amb);
        }
        let line = match c.diff.sections.get(i) {
            Some(s) => format!(
                "{:<21} ~{:<3} +{:<3} -{:<3} {}",
                status_word(s),
                s.counts.changed,
                s.counts.added,
                s.counts.dropped,
                section_text(s)
            ),
            None => {
                let Some(tg) = c.diff.targets.get(i - c.diff.sections.len()) else {
                    continue;
                };
                let fig = |f: &Option<crate::compare::targets::Figure>| {
                    f.as_ref().map_or("-".to_string(), |f| f.text.clone())
                };
                sanitize_line(&format!(
                    "target {:<9} {} {} \u{2192} {}",
                    tg.change.as_str(),
                    tg.metric,
                    fig(&tg.a),
                    fig(&tg.b)
                ))
                .into_owned()
            }
        };
        let style = match c.diff.sections.get(i).map(|s| s.status) {
            Some(SectionStatus::Added | SectionStatus::Split) if ctx.theme.color && !selected => {
                style(Run::Added, true)
            }
            Some(SectionStatus::Dropped | SectionStatus::Merged)
                if ctx.theme.color && !selected =>
            {
                style(Run::Dropped, true)
            }
            _ => base,
        };
        let line = truncate(&line, r.width.saturating_sub(2) as usize, ctx.amb);
        cells::put(buf, r.x + 2, y, end, &line, style, ctx.amb);
    }
}

fn detail(c: &CompareState, row: usize, r: Rect, buf: &mut Buffer, ctx: &Ctx) {
    let end = r.x + r.width;
    let Some(s) = c.diff.sections.get(row) else {
        return;
    };
    let head = format!("{}  ({})", section_text(s), status_word(s));
    let head = truncate(&head, r.width.saturating_sub(2) as usize, ctx.amb);
    cells::put(
        buf,
        r.x + 1,
        r.y + 1,
        end,
        &head,
        ctx.theme.heading(),
        ctx.amb,
    );
    let w = r.width.saturating_sub(GUTTER + 1) as usize;
    let bottom = r.y + r.height;
    let mut y = r.y + TOP;
    for (i, sd) in s.sentences.iter().enumerate().skip(c.item_offset) {
        if y >= bottom {
            break;
        }
        let selected = i == c.item;
        let sign = match sd.change {
            Change::Changed => "~",
            Change::Added => "+",
            Change::Dropped => "-",
        };
        let mark_style = if selected {
            ctx.theme.selected(true)
        } else {
            Style::new()
        };
        let mark = format!("{} {sign}", if selected { ">" } else { " " });
        cells::put(buf, r.x, y, r.x + GUTTER, &mark, mark_style, ctx.amb);
        for line in wrapped(sd, w, ctx.theme.color, ctx.amb) {
            if y >= bottom {
                break;
            }
            let mut x = r.x + GUTTER;
            for (text, run) in line {
                x = cells::put(buf, x, y, end, &text, style(run, ctx.theme.color), ctx.amb);
            }
            y += 1;
        }
    }
}
