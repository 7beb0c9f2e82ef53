//! The searchable items of a model: section headings, sentences (of sections
//! and of the preamble), table captions, table cells labelled with their row
//! and column, and indicators; each with its jump target and breadcrumb.

use std::collections::HashMap;

use super::HitKind;
use crate::model::{Block, IndicatorSource, Location, Model, Report, Section, Table};
use crate::text::{truncate, AmbiguousWidth};

/// One searchable item before indexing.
#[derive(Debug, Clone)]
pub struct RawItem {
    pub kind: HitKind,
    pub report: usize,
    pub location: Location,
    /// Index into the breadcrumb list.
    pub breadcrumb: usize,
    pub text: String,
    /// A short note shown with the kind (a figure's year and period,
    /// "2024 target"), if any.
    pub note: Option<String>,
}

/// Every item of a model, with interned breadcrumbs.
#[derive(Debug, Default)]
pub struct Collected {
    pub items: Vec<RawItem>,
    /// Breadcrumbs with each heading cut to a few columns (for a list).
    pub breadcrumbs: Vec<String>,
    /// The same breadcrumbs whole (for scripts), parallel to `breadcrumbs`.
    pub full_breadcrumbs: Vec<String>,
    pub report_ids: Vec<String>,
}

/// Display columns a heading may take in a breadcrumb.
const CRUMB_HEADING_WIDTH: usize = 24;

/// Separator of breadcrumb parts (U+203A is not East Asian Ambiguous).
pub const CRUMB_SEP: &str = " › ";

pub fn collect(model: &Model) -> Collected {
    let mut c = Collected::default();
    for (ri, r) in model.reports.iter().enumerate() {
        c.report_ids.push(r.id.clone());
        collect_report(&mut c, ri, r);
    }
    c
}

fn crumb_part(s: &Section) -> String {
    let h = format!("{}{}", s.marker, s.heading);
    truncate(&h, CRUMB_HEADING_WIDTH, AmbiguousWidth::Narrow)
}

fn collect_report(c: &mut Collected, ri: usize, r: &Report) {
    let root = c.breadcrumbs.len();
    c.breadcrumbs.push(r.id.clone());
    c.full_breadcrumbs.push(r.id.clone());
    // section id → its own breadcrumb (path through itself)
    let mut section_crumb: HashMap<&str, usize> = HashMap::new();
    let mut sentence_section: HashMap<&str, &str> = HashMap::new();

    push_blocks(c, ri, r, "", root, &r.preamble, &mut sentence_section);
    fn walk<'a>(
        c: &mut Collected,
        ri: usize,
        r: &'a Report,
        s: &'a Section,
        parent: usize,
        section_crumb: &mut HashMap<&'a str, usize>,
        sentence_section: &mut HashMap<&'a str, &'a str>,
    ) {
        if !s.heading.trim().is_empty() {
            c.items.push(RawItem {
                kind: HitKind::Heading,
                report: ri,
                location: Location::Section {
                    report: r.id.clone(),
                    section: s.id.clone(),
                },
                breadcrumb: parent,
                text: s.heading.clone(),
                note: None,
            });
        }
        let own = c.breadcrumbs.len();
        let crumb = format!("{}{CRUMB_SEP}{}", c.breadcrumbs[parent], crumb_part(s));
        c.breadcrumbs.push(crumb);
        let full = format!(
            "{}{CRUMB_SEP}{}{}",
            c.full_breadcrumbs[parent], s.marker, s.heading
        );
        c.full_breadcrumbs.push(full);
        section_crumb.insert(&s.id, own);
        push_blocks(c, ri, r, &s.id, own, &s.blocks, sentence_section);
        for ch in &s.children {
            walk(c, ri, r, ch, own, section_crumb, sentence_section);
        }
    }
    for s in &r.sections {
        walk(c, ri, r, s, root, &mut section_crumb, &mut sentence_section);
    }
    for t in &r.tables {
        let crumb = section_crumb
            .get(t.section.as_str())
            .copied()
            .unwrap_or(root);
        push_table(c, ri, r, t, crumb);
    }
    for ind in &r.indicators {
        let (location, crumb) = match &ind.source {
            IndicatorSource::Sentence { sentence, .. } => {
                let section = sentence_section
                    .get(sentence.as_str())
                    .copied()
                    .unwrap_or("");
                (
                    Location::Sentence {
                        report: r.id.clone(),
                        section: section.to_string(),
                        sentence: sentence.clone(),
                    },
                    section_crumb.get(section).copied().unwrap_or(root),
                )
            }
            IndicatorSource::Cell { table, row, column } => (
                Location::Cell {
                    report: r.id.clone(),
                    table: table.clone(),
                    row: *row,
                    column: *column,
                },
                r.table(table)
                    .and_then(|t| section_crumb.get(t.section.as_str()).copied())
                    .unwrap_or(root),
            ),
        };
        let mut text = format!("{}: {}", ind.metric, ind.value_text);
        if !ind.unit.is_empty() && !ind.value_text.ends_with(&ind.unit) {
            text.push_str(&ind.unit);
        }
        if let Some(ch) = ind.change_text.as_deref().filter(|s| !s.is_empty()) {
            text.push_str(", ");
            text.push_str(ch);
        }
        if let Some(q) = ind
            .qualifier
            .as_deref()
            .filter(|q| !q.is_empty() && !text.contains(q))
        {
            text.push_str(" (");
            text.push_str(q);
            text.push(')');
        }
        c.items.push(RawItem {
            kind: HitKind::Indicator,
            report: ri,
            location,
            breadcrumb: crumb,
            text,
            note: Some(figure_note(ind)),
        });
    }
}

/// "2024 target", "2023 actual" (or only the period when the year is unknown).
pub fn figure_note(ind: &crate::model::Indicator) -> String {
    match ind.year {
        Some(y) => format!("{y} {}", ind.period.as_str()),
        None => ind.period.as_str().to_string(),
    }
}

fn push_blocks<'a>(
    c: &mut Collected,
    ri: usize,
    r: &Report,
    section: &'a str,
    crumb: usize,
    blocks: &'a [Block],
    sentence_section: &mut HashMap<&'a str, &'a str>,
) {
    for b in blocks {
        if let Block::Paragraph(p) = b {
            for s in &p.sentences {
                sentence_section.insert(&s.id, section);
                if s.text.trim().is_empty() {
                    continue;
                }
                c.items.push(RawItem {
                    kind: HitKind::Sentence,
                    report: ri,
                    location: Location::Sentence {
                        report: r.id.clone(),
                        section: section.to_string(),
                        sentence: s.id.clone(),
                    },
                    breadcrumb: crumb,
                    text: s.text.clone(),
                    note: None,
                });
            }
        }
    }
}

fn push_table(c: &mut Collected, ri: usize, r: &Report, t: &Table, crumb: usize) {
    // the caption as printed: "表1:" and the caption
    let caption = format!("{}{}", t.label, t.caption);
    if !caption.trim().is_empty() {
        c.items.push(RawItem {
            kind: HitKind::Caption,
            report: ri,
            location: Location::Table {
                report: r.id.clone(),
                table: t.id.clone(),
            },
            breadcrumb: crumb,
            text: caption,
            note: None,
        });
    }
    let label = t.label_column();
    for (ri_row, row) in t.rows.iter().enumerate() {
        let label_text = label.and_then(|l| row.get(l)).map(|s| s.trim());
        let mut pushed = false;
        let push = |c: &mut Collected, col: usize, text: String| {
            c.items.push(RawItem {
                kind: HitKind::Cell,
                report: ri,
                location: Location::Cell {
                    report: r.id.clone(),
                    table: t.id.clone(),
                    row: ri_row,
                    column: col,
                },
                breadcrumb: crumb,
                text,
                note: None,
            });
        };
        for (col, cell) in row.iter().enumerate() {
            let cell = cell.trim();
            if Some(col) == label || Table::is_blank_cell(cell) {
                continue;
            }
            let name = t.columns.get(col).map(|s| s.trim()).unwrap_or("");
            if Table::is_number_column(name) {
                continue;
            }
            let text = match label_text {
                Some(l) if !l.is_empty() => format!("{l} · {name}: {cell}"),
                _ => format!("{name}: {cell}"),
            };
            push(c, col, text);
            pushed = true;
        }
        if !pushed {
            if let (Some(l), Some(text)) = (label, label_text.filter(|s| !s.is_empty())) {
                let name = t.columns.get(l).map(|s| s.trim()).unwrap_or("");
                push(c, l, format!("{name}: {text}"));
            }
        }
    }
}
