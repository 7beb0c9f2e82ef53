//! `baogao show ID`: anything with an id, as text, JSON (the record as in the
//! model) or CSV (tables, rows, cells), or with its citation (`--cite`).
//! Ids are resolved by `model::resolve`; derived tables by their id among
//! `indicators::derived_tables`.

use anyhow::{bail, Result};
use serde::Serialize;

use super::output::{csv_table, Out};
use super::Outcome;
use crate::cli::{CiteArg, ShowArgs, ShowFormat};
use crate::indicators::{derived_tables, DerivedTable};
use crate::model::cite::{cite_id, cite_table, CiteFormat};
use crate::model::resolve::{cell_id, resolve, row_id, Found};
use crate::model::{Block, Indicator, Model, Report, Section, Table};

/// What `show` prints: a model item, or a derived table.
enum Shown<'a> {
    Model(Found<'a>),
    Derived(DerivedTable),
}

fn unknown(id: &str) -> anyhow::Error {
    anyhow::anyhow!(
        "no report, section, paragraph, sentence, table, row, cell, indicator or derived table has the id {:?}",
        crate::text::sanitize_line(id)
    )
}

pub fn run(m: &Model, args: &ShowArgs) -> Result<Outcome> {
    // every id is resolved before anything is printed: a bad id prints nothing
    let mut derived: Option<Vec<DerivedTable>> = None;
    let mut shown = Vec::with_capacity(args.ids.len());
    for id in &args.ids {
        let s = match resolve(m, id) {
            Some(f) => Shown::Model(f),
            None => {
                let all = derived.get_or_insert_with(|| derived_tables(m));
                match all.iter().position(|t| &t.id == id) {
                    Some(k) => Shown::Derived(all[k].clone()),
                    None => return Err(unknown(id)),
                }
            }
        };
        shown.push((id.as_str(), s));
    }
    let mut out = Out::new();
    for (id, s) in &shown {
        print(&mut out, m, args, id, s)?;
    }
    out.finish()?;
    Ok(Outcome::Done)
}

fn print(out: &mut Out, m: &Model, args: &ShowArgs, id: &str, shown: &Shown<'_>) -> Result<()> {
    if let Some(fmt) = args.cite {
        return out.line(cited(m, shown, id, fmt)?.trim_end_matches('\n'));
    }
    match (args.format, shown) {
        (ShowFormat::Text, Shown::Model(f)) => text(out, f)?,
        (ShowFormat::Text, Shown::Derived(t)) => {
            out.line(&t.title)?;
            out.aligned(&t.columns, &t.rows)?;
        }
        (ShowFormat::Json, Shown::Model(f)) => json(out, f)?,
        (ShowFormat::Json, Shown::Derived(t)) => out.json(t)?,
        (ShowFormat::Csv, Shown::Derived(t)) => csv(out, &t.columns, &t.rows)?,
        (ShowFormat::Csv, Shown::Model(Found::Table(_, t))) => csv(out, &t.columns, &t.rows)?,
        (ShowFormat::Csv, Shown::Model(Found::Row(_, t, row))) => {
            csv(out, &t.columns, std::slice::from_ref(&t.rows[*row]))?
        }
        (ShowFormat::Csv, Shown::Model(Found::Cell(_, t, row, col))) => {
            let header = [t.columns.get(*col).map_or("", String::as_str)];
            let cell = [cell_text(t, *row, *col)];
            out.csv_record(&header)?;
            out.csv_record(&cell)?;
        }
        (ShowFormat::Csv, Shown::Model(f)) => {
            bail!(
                "csv is for tables, rows and cells; {:?} is a {}",
                crate::text::sanitize_line(id),
                f.kind()
            )
        }
    }
    Ok(())
}

fn cited(m: &Model, shown: &Shown<'_>, id: &str, fmt: CiteArg) -> Result<String> {
    let fmt = match fmt {
        CiteArg::Text => CiteFormat::Text,
        CiteArg::Markdown => CiteFormat::Markdown,
        CiteArg::Csv => CiteFormat::Csv,
    };
    let text = match shown {
        Shown::Model(Found::Row(r, t, row)) => cite_table(r, t, Some(*row), fmt),
        Shown::Model(Found::Cell(r, t, row, _)) => cite_table(r, t, Some(*row), fmt),
        Shown::Model(Found::Indicator(r, i)) => match &i.source {
            crate::model::IndicatorSource::Sentence { sentence, .. } => {
                cite_id(m, sentence.as_str(), fmt)
            }
            crate::model::IndicatorSource::Cell { table, row, .. } => r
                .table(table)
                .and_then(|t| cite_table(r, t, Some(*row), fmt)),
        },
        Shown::Model(Found::Report(_)) => None,
        Shown::Model(_) => cite_id(m, id, fmt),
        Shown::Derived(_) => None,
    };
    match text {
        Some(t) => Ok(t),
        None => bail!(
            "{:?} cannot be cited whole; cite one of its sections, tables or sentences",
            crate::text::sanitize_line(id)
        ),
    }
}

fn cell_text(t: &Table, row: usize, col: usize) -> &str {
    t.rows
        .get(row)
        .and_then(|r| r.get(col))
        .map_or("", String::as_str)
}

fn csv(out: &mut Out, header: &[String], rows: &[Vec<String>]) -> Result<()> {
    out.raw(&csv_table(header, rows))
}

fn text(out: &mut Out, f: &Found<'_>) -> Result<()> {
    match *f {
        Found::Report(r) => {
            out.line(&r.title)?;
            blocks(out, r, &r.preamble)?;
            for s in &r.sections {
                section(out, r, s)?;
            }
        }
        Found::Section(r, s) => section(out, r, s)?,
        Found::Paragraph(_, _, p) => out.line(&p.text())?,
        Found::Sentence(_, _, s) => out.line(&s.text)?,
        Found::Table(_, t) => {
            out.line(&t.title())?;
            out.aligned(&t.columns, &t.rows)?;
            for n in &t.notes {
                out.line(n)?;
            }
        }
        Found::Row(_, t, row) => {
            out.line(&t.title())?;
            out.aligned(&t.columns, std::slice::from_ref(&t.rows[row]))?;
        }
        Found::Cell(_, t, row, col) => {
            let header = t.columns.get(col).map_or("", String::as_str);
            out.line(&format!("{header}: {}", cell_text(t, row, col)))?;
        }
        Found::Indicator(_, i) => out.line(&indicator_line(i))?,
    }
    Ok(())
}

/// "实到外资 115亿美元 (2024 target; from pudong-2024-plan:t1 row 8 col 6)".
fn indicator_line(i: &Indicator) -> String {
    let year = i.year.map(|y| format!("{y} ")).unwrap_or_default();
    format!(
        "{} {} ({year}{}; from {})",
        i.metric,
        i.value_text,
        i.period.as_str(),
        i.source
    )
}

fn section(out: &mut Out, r: &Report, s: &Section) -> Result<()> {
    out.line(&format!("{}{}", s.marker, s.heading))?;
    blocks(out, r, &s.blocks)?;
    for c in &s.children {
        section(out, r, c)?;
    }
    Ok(())
}

fn blocks(out: &mut Out, r: &Report, bs: &[Block]) -> Result<()> {
    for b in bs {
        match b {
            Block::Paragraph(p) => out.line(&p.text())?,
            Block::Table { table } => {
                if let Some(t) = r.table(table) {
                    out.line(&format!("[{}]", t.title()))?;
                }
            }
        }
    }
    Ok(())
}

/// A row or a cell as JSON: the table's id, the row and column (0-based, as
/// in ids), the column headers and the text.
#[derive(Serialize)]
struct CellRecord<'a> {
    id: String,
    report: &'a str,
    table: &'a str,
    row: usize,
    column: usize,
    header: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct RowRecord<'a> {
    id: String,
    report: &'a str,
    table: &'a str,
    row: usize,
    cells: Vec<CellRecord<'a>>,
}

fn cell_record<'a>(r: &'a Report, t: &'a Table, row: usize, col: usize) -> CellRecord<'a> {
    CellRecord {
        id: cell_id(&t.id, row, col),
        report: &r.id,
        table: &t.id,
        row,
        column: col,
        header: t.columns.get(col).map_or("", String::as_str),
        text: cell_text(t, row, col),
    }
}

fn json(out: &mut Out, f: &Found<'_>) -> Result<()> {
    match *f {
        Found::Report(r) => out.json(r),
        Found::Section(_, s) => out.json(s),
        Found::Paragraph(_, _, p) => out.json(p),
        Found::Sentence(_, _, s) => out.json(s),
        Found::Table(_, t) => out.json(t),
        Found::Row(r, t, row) => {
            let n = t.rows[row].len().max(t.columns.len());
            out.json(&RowRecord {
                id: row_id(&t.id, row),
                report: &r.id,
                table: &t.id,
                row,
                cells: (0..n).map(|c| cell_record(r, t, row, c)).collect(),
            })
        }
        Found::Cell(r, t, row, col) => out.json(&cell_record(r, t, row, col)),
        Found::Indicator(_, i) => out.json(i),
    }
}
