//! `baogao tables`: the printed tables of the reports, then the derived ones
//! (joined targets/results, prose targets, comparisons), as aligned text, one
//! CSV stream, JSON, or one file per table (`--out-dir`). Status 1 when there
//! is no table.

use std::path::Path;

use anyhow::{Context as _, Result};
use serde::Serialize;

use super::build::write_atomically;
use super::output::{aligned, csv_table, to_json, Out};
use super::{check_report, no_match, Outcome};
use crate::cli::{Format, TablesArgs};
use crate::indicators::{derived_tables, DerivedTable};
use crate::model::{Model, Table};

/// A printed or derived table, as the listing shows it.
struct Listed<'a> {
    id: &'a str,
    report: &'a str,
    derived: bool,
    title: String,
    /// "printed, REPORT" or "derived from …".
    origin: String,
    columns: &'a [String],
    rows: &'a [Vec<String>],
}

#[derive(Serialize)]
struct Printed<'a> {
    report: &'a str,
    derived: bool,
    table: &'a Table,
}

#[derive(Serialize)]
struct JsonOut<'a> {
    printed: Vec<Printed<'a>>,
    derived: &'a [DerivedTable],
}

fn derived_origin(t: &DerivedTable) -> String {
    if t.derived_from.len() > 3 {
        format!(
            "derived from {} and {} more",
            t.derived_from[..3].join(", "),
            t.derived_from.len() - 3
        )
    } else {
        format!("derived from {}", t.derived_from.join(", "))
    }
}

pub fn run(model: &Model, args: &TablesArgs) -> Result<Outcome> {
    check_report(model, args.report.as_deref())?;
    let chosen = super::chosen_reports(model, args.report.as_deref(), &args.reports);
    let want = |id: &str| chosen.contains(id);
    let derived: Vec<DerivedTable> = derived_tables(model)
        .into_iter()
        .filter(|t| want(&t.report))
        .collect();
    let printed: Vec<(&str, &Table)> = model
        .reports
        .iter()
        .filter(|r| want(&r.id))
        .flat_map(|r| r.tables.iter().map(move |t| (r.id.as_str(), t)))
        .collect();
    if printed.is_empty() && derived.is_empty() {
        return Ok(no_match("no tables"));
    }
    let mut listed: Vec<Listed<'_>> = printed
        .iter()
        .map(|&(r, t)| Listed {
            id: &t.id,
            report: r,
            derived: false,
            title: t.caption.clone(),
            origin: format!("printed, {r}"),
            columns: &t.columns,
            rows: &t.rows,
        })
        .collect();
    listed.extend(derived.iter().map(|t| Listed {
        id: &t.id,
        report: &t.report,
        derived: true,
        title: t.title.clone(),
        origin: derived_origin(t),
        columns: &t.columns,
        rows: &t.rows,
    }));
    if let Some(dir) = &args.out_dir {
        return write_files(dir, args.format, &printed, &derived, &listed);
    }
    let mut out = Out::new();
    match args.format {
        Format::Json => out.json(&JsonOut {
            printed: printed
                .iter()
                .map(|&(report, table)| Printed {
                    report,
                    derived: false,
                    table,
                })
                .collect(),
            derived: &derived,
        })?,
        Format::Csv => {
            // one stream: which table, and which row of it (the column
            // headers are row "header"), then the cells, padded so every
            // record has the same number of fields
            let width = listed
                .iter()
                .flat_map(|t| t.rows.iter().map(Vec::len).chain([t.columns.len()]))
                .max()
                .unwrap_or(0);
            let mut header: Vec<String> = ["table", "report", "derived", "title", "row"]
                .iter()
                .map(|s| s.to_string())
                .collect();
            header.extend((1..=width).map(|i| format!("c{i}")));
            out.csv_record(&header)?;
            for t in &listed {
                let lines = std::iter::once(("header".to_string(), t.columns)).chain(
                    t.rows
                        .iter()
                        .enumerate()
                        .map(|(k, r)| ((k + 1).to_string(), r.as_slice())),
                );
                for (row, cells) in lines {
                    let mut rec = vec![
                        t.id.to_string(),
                        t.report.to_string(),
                        t.derived.to_string(),
                        t.title.clone(),
                        row,
                    ];
                    rec.extend((0..width).map(|i| cells.get(i).cloned().unwrap_or_default()));
                    out.csv_record(&rec)?;
                }
            }
        }
        Format::Table => {
            for t in &listed {
                out.line(&format!("== {} {} ({})", t.id, t.title, t.origin))?;
                out.aligned(t.columns, t.rows)?;
                out.raw("\n")?;
            }
        }
    }
    out.finish()?;
    Ok(Outcome::Done)
}

/// A file name for a table id: letters, digits, `-` `_` `.` and CJK kept,
/// anything else (`:` first of all) as `_`.
fn file_stem(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// `--out-dir`: one file per table, each written atomically; the names
/// written are listed on stdout.
fn write_files(
    dir: &Path,
    format: Format,
    printed: &[(&str, &Table)],
    derived: &[DerivedTable],
    listed: &[Listed<'_>],
) -> Result<Outcome> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("{}: cannot create the folder", dir.display()))?;
    let mut out = Out::new();
    for (k, t) in listed.iter().enumerate() {
        let (ext, text) = match format {
            Format::Csv => {
                let s = csv_table(t.columns, t.rows);
                ("csv", s)
            }
            Format::Json => {
                let s = match printed.get(k) {
                    Some(&(report, table)) => to_json(
                        &Printed {
                            report,
                            derived: false,
                            table,
                        },
                        true,
                    )?,
                    None => to_json(&derived[k - printed.len()], true)?,
                };
                ("json", s + "\n")
            }
            Format::Table => {
                // files are never cut
                let s = format!(
                    "{}\n{}",
                    crate::text::sanitize_line(&format!("{} {} ({})", t.id, t.title, t.origin)),
                    aligned(t.columns, t.rows, None)
                );
                ("txt", s)
            }
        };
        let path = dir.join(format!("{}.{ext}", file_stem(t.id)));
        write_atomically(&path, text.as_bytes())?;
        out.line(&path.display().to_string())?;
    }
    out.finish()?;
    Ok(Outcome::Done)
}
