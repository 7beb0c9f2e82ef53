//! The searchable items of one report: section headings, sentences (of
//! sections and of the preamble), table captions, table cells labelled with
//! their row and column, and indicators; each with its jump target (ids
//! borrowed from the report) and breadcrumb.

use std::collections::HashMap;

use super::crumbs::Crumbs;
use super::HitKind;
use crate::model::{Block, IndicatorSource, Report, Section, Table};

/// Where an item jumps to, its ids borrowed from the report (a
/// `model::Location` without the report id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spot<'a> {
    Section {
        section: &'a str,
    },
    Sentence {
        section: &'a str,
        sentence: &'a str,
    },
    Table {
        table: &'a str,
    },
    Cell {
        table: &'a str,
        row: usize,
        column: usize,
    },
}

/// One searchable item before indexing.
#[derive(Debug, Clone)]
pub struct RawItem<'a> {
    pub kind: HitKind,
    pub spot: Spot<'a>,
    /// Index into the breadcrumb list.
    pub breadcrumb: usize,
    pub text: String,
    /// A short note shown with the kind (a figure's year and period,
    /// "2024 target"), if any.
    pub note: Option<String>,
}

/// What `collect_report` adds to as it walks a report.
struct Collected<'c, 'a> {
    crumbs: &'c mut Crumbs,
    items: Vec<RawItem<'a>>,
}

/// The items of report `r`, in index order; their breadcrumbs are added to `crumbs`.
pub fn collect_report<'a>(crumbs: &mut Crumbs, r: &'a Report) -> Vec<RawItem<'a>> {
    let mut c = Collected {
        crumbs,
        items: Vec::new(),
    };
    let c = &mut c;
    let root = c.crumbs.root(&r.id);
    // section id → its own breadcrumb (path through itself)
    let mut section_crumb: HashMap<&str, usize> = HashMap::new();
    let mut sentence_section: HashMap<&str, &str> = HashMap::new();

    push_blocks(c, "", root, &r.preamble, &mut sentence_section);
    fn walk<'a>(
        c: &mut Collected<'_, 'a>,
        s: &'a Section,
        parent: usize,
        section_crumb: &mut HashMap<&'a str, usize>,
        sentence_section: &mut HashMap<&'a str, &'a str>,
    ) {
        if !s.heading.trim().is_empty() {
            c.items.push(RawItem {
                kind: HitKind::Heading,
                spot: Spot::Section { section: &s.id },
                breadcrumb: parent,
                text: s.heading.clone(),
                note: None,
            });
        }
        let own = c.crumbs.section(parent, &s.marker, &s.heading);
        section_crumb.insert(&s.id, own);
        push_blocks(c, &s.id, own, &s.blocks, sentence_section);
        for ch in &s.children {
            walk(c, ch, own, section_crumb, sentence_section);
        }
    }
    for s in &r.sections {
        walk(c, s, root, &mut section_crumb, &mut sentence_section);
    }
    for t in &r.tables {
        let crumb = section_crumb
            .get(t.section.as_str())
            .copied()
            .unwrap_or(root);
        push_table(c, t, crumb);
    }
    for ind in &r.indicators {
        let (spot, crumb) = match &ind.source {
            IndicatorSource::Sentence { sentence, .. } => {
                let section = sentence_section
                    .get(sentence.as_str())
                    .copied()
                    .unwrap_or("");
                (
                    Spot::Sentence { section, sentence },
                    section_crumb.get(section).copied().unwrap_or(root),
                )
            }
            IndicatorSource::Cell { table, row, column } => (
                Spot::Cell {
                    table,
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
            spot,
            breadcrumb: crumb,
            text,
            note: Some(figure_note(ind)),
        });
    }
    std::mem::take(&mut c.items)
}

/// "2024 target", "2023 actual" (or only the period when the year is unknown).
pub fn figure_note(ind: &crate::model::Indicator) -> String {
    match ind.year {
        Some(y) => format!("{y} {}", ind.period.as_str()),
        None => ind.period.as_str().to_string(),
    }
}

fn push_blocks<'a>(
    c: &mut Collected<'_, 'a>,
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
                    spot: Spot::Sentence {
                        section,
                        sentence: &s.id,
                    },
                    breadcrumb: crumb,
                    text: s.text.clone(),
                    note: None,
                });
            }
        }
    }
}

fn push_table<'a>(c: &mut Collected<'_, 'a>, t: &'a Table, crumb: usize) {
    // the caption as printed: "表1:" and the caption
    let caption = format!("{}{}", t.label, t.caption);
    if !caption.trim().is_empty() {
        c.items.push(RawItem {
            kind: HitKind::Caption,
            spot: Spot::Table { table: &t.id },
            breadcrumb: crumb,
            text: caption,
            note: None,
        });
    }
    let label = t.label_column();
    for (ri_row, row) in t.rows.iter().enumerate() {
        let label_text = label.and_then(|l| row.get(l)).map(|s| s.trim());
        let mut pushed = false;
        let push = |c: &mut Collected<'_, 'a>, col: usize, text: String| {
            c.items.push(RawItem {
                kind: HitKind::Cell,
                spot: Spot::Cell {
                    table: &t.id,
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
                Some(l) if !l.is_empty() => format!("{l} \u{b7} {name}: {cell}"),
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
