//! `baogao indicators` and `baogao tables`: records, joined rows, printed and
//! derived tables as an aligned table (by display width), CSV (UTF-8, header
//! row) or JSON. Everything printed to a terminal goes through `text::sanitize`.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use super::derived::{derived_tables, joined_rows};
use crate::cli::{Format, IndicatorsArgs, PeriodArg, TablesArgs};
use crate::model::{Indicator, IndicatorSource, Model, Period};
use crate::text::{pad, sanitize, str_width, AmbiguousWidth};

fn check_report(model: &Model, report: Option<&str>) -> Result<()> {
    if let Some(id) = report {
        if !model.reports.iter().any(|r| r.id == id) {
            let known: Vec<&str> = model.reports.iter().map(|r| r.id.as_str()).collect();
            bail!("no report {id:?} (known: {})", known.join(", "));
        }
    }
    Ok(())
}

/// `baogao indicators [--report ID] [--metric TEXT] [--period …] [--joined] [--format …]`
pub fn run_indicators(model: &Model, args: &IndicatorsArgs) -> Result<ExitCode> {
    check_report(model, args.report.as_deref())?;
    if args.joined {
        let rows = joined_rows(model, args.report.as_deref());
        if args.format == Format::Json {
            return print_json(&rows);
        }
        let header = [
            "report",
            "metric",
            "type",
            "type_changed",
            "last_target",
            "actual",
            "change",
            "assessment",
            "assessment_reason",
            "next_target",
        ];
        let o = |s: &Option<String>| s.clone().unwrap_or_default();
        let body: Vec<Vec<String>> = rows
            .iter()
            .map(|j| {
                vec![
                    j.report.clone(),
                    j.metric.clone(),
                    o(&j.kind),
                    if j.type_changed {
                        format!("{}→{}", o(&j.kind), o(&j.next_type))
                    } else {
                        String::new()
                    },
                    o(&j.last_target),
                    o(&j.actual),
                    o(&j.change),
                    j.assessment.clone(),
                    j.assessment_reason.clone(),
                    o(&j.next_target),
                ]
            })
            .collect();
        return print_rows(args.format, &header, &body);
    }
    let recs: Vec<&Indicator> = model
        .reports
        .iter()
        .filter(|r| args.report.as_deref().is_none_or(|id| id == r.id))
        .flat_map(|r| r.indicators.iter())
        .filter(|i| args.metric.as_deref().is_none_or(|m| i.metric.contains(m)))
        .filter(|i| match args.period {
            None => true,
            Some(PeriodArg::Actual) => i.period == Period::Actual,
            Some(PeriodArg::Target) => i.period == Period::Target,
        })
        .collect();
    if args.format == Format::Json {
        return print_json(&recs);
    }
    let header = [
        "id",
        "report",
        "metric",
        "kind",
        "value",
        "unit",
        "value_text",
        "base_value",
        "base_unit",
        "change",
        "change_text",
        "qualifier",
        "period",
        "year",
        "source",
    ];
    let o = |s: &Option<String>| s.clone().unwrap_or_default();
    let f = |v: Option<f64>| v.map(super::target::trim_float).unwrap_or_default();
    let body: Vec<Vec<String>> = recs
        .iter()
        .map(|i| {
            vec![
                i.id.clone(),
                i.report.clone(),
                i.metric.clone(),
                i.kind.as_str().into(),
                f(Some(i.value)),
                i.unit.clone(),
                i.value_text.clone(),
                f(i.base_value),
                o(&i.base_unit),
                f(i.change),
                o(&i.change_text),
                o(&i.qualifier),
                i.period.as_str().into(),
                i.year.map(|y| y.to_string()).unwrap_or_default(),
                source_text(&i.source),
            ]
        })
        .collect();
    print_rows(args.format, &header, &body)
}

/// "s12[3,9]" for a sentence span (char offsets), "t1[row 4, col 5]" for a
/// cell: rows and columns counted from 1 as people read them (the model's
/// `row`/`column` are 0-based; docs/model.md, "Counting").
pub fn source_text(s: &IndicatorSource) -> String {
    match s {
        IndicatorSource::Sentence { sentence, span } => {
            format!("{sentence}[{},{}]", span.start(), span.end())
        }
        IndicatorSource::Cell { table, row, column } => {
            format!("{table}[row {}, col {}]", row + 1, column + 1)
        }
    }
}

/// `baogao tables [--report ID] [--format …]`: printed tables, then derived ones.
pub fn run_tables(model: &Model, args: &TablesArgs) -> Result<ExitCode> {
    check_report(model, args.report.as_deref())?;
    let want = |id: &str| args.report.as_deref().is_none_or(|r| r == id);
    let derived: Vec<_> = derived_tables(model)
        .into_iter()
        .filter(|t| want(&t.report))
        .collect();
    let printed: Vec<(&str, &crate::model::Table)> = model
        .reports
        .iter()
        .filter(|r| want(&r.id))
        .flat_map(|r| r.tables.iter().map(move |t| (r.id.as_str(), t)))
        .collect();
    match args.format {
        Format::Json => {
            #[derive(serde::Serialize)]
            struct Out<'a> {
                printed: Vec<Printed<'a>>,
                derived: &'a [super::DerivedTable],
            }
            #[derive(serde::Serialize)]
            struct Printed<'a> {
                report: &'a str,
                derived: bool,
                table: &'a crate::model::Table,
            }
            let out = Out {
                printed: printed
                    .iter()
                    .map(|(r, t)| Printed {
                        report: r,
                        derived: false,
                        table: t,
                    })
                    .collect(),
                derived: &derived,
            };
            print_json(&out)
        }
        Format::Csv => {
            // One CSV stream: a table column in front says which table a row is from.
            let mut header = vec![
                "table".to_string(),
                "derived".to_string(),
                "title".to_string(),
            ];
            let width = printed
                .iter()
                .map(|(_, t)| t.columns.len())
                .chain(derived.iter().map(|t| t.columns.len()))
                .max()
                .unwrap_or(0);
            header.extend((1..=width).map(|i| format!("c{i}")));
            let mut body = Vec::new();
            for (_, t) in &printed {
                let mut h = vec![t.id.clone(), "false".into(), t.caption.clone()];
                h.extend(t.columns.iter().cloned());
                body.push(h);
                for row in &t.rows {
                    let mut v = vec![t.id.clone(), "false".into(), t.caption.clone()];
                    v.extend(row.iter().cloned());
                    body.push(v);
                }
            }
            for t in &derived {
                let mut h = vec![t.id.clone(), "true".into(), t.title.clone()];
                h.extend(t.columns.iter().cloned());
                body.push(h);
                for row in &t.rows {
                    let mut v = vec![t.id.clone(), "true".into(), t.title.clone()];
                    v.extend(row.iter().cloned());
                    body.push(v);
                }
            }
            let hdr: Vec<&str> = header.iter().map(String::as_str).collect();
            print_rows(Format::Csv, &hdr, &body)
        }
        Format::Table => {
            let mut out = String::new();
            for (r, t) in &printed {
                out.push_str(&one_line(&format!(
                    "== {} {} (printed, {r})",
                    t.id, t.caption
                )));
                out.push('\n');
                let hdr: Vec<&str> = t.columns.iter().map(String::as_str).collect();
                out.push_str(&aligned(&hdr, &t.rows));
                out.push('\n');
            }
            for t in &derived {
                out.push_str(&one_line(&format!(
                    "== {} {} (derived from {})",
                    t.id,
                    t.title,
                    if t.derived_from.len() > 3 {
                        format!(
                            "{} and {} more",
                            t.derived_from[..3].join(", "),
                            t.derived_from.len() - 3
                        )
                    } else {
                        t.derived_from.join(", ")
                    }
                )));
                out.push('\n');
                let hdr: Vec<&str> = t.columns.iter().map(String::as_str).collect();
                out.push_str(&aligned(&hdr, &t.rows));
                out.push('\n');
            }
            write_out(&out)
        }
    }
}

fn print_json<T: serde::Serialize + ?Sized>(v: &T) -> Result<ExitCode> {
    let mut s = serde_json::to_string_pretty(v).context("cannot serialize")?;
    s.push('\n');
    write_out(&s)
}

fn print_rows(format: Format, header: &[&str], body: &[Vec<String>]) -> Result<ExitCode> {
    let s = match format {
        Format::Csv => csv(header, body),
        _ => aligned(header, body),
    };
    write_out(&s)
}

fn write_out(s: &str) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    // Cells were sanitized one by one (one_line); JSON escapes control chars itself.
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // A closed pipe (| head) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).context("cannot write to stdout"),
    }
}

/// RFC 4180 CSV with a header row.
pub fn csv(header: &[&str], body: &[Vec<String>]) -> String {
    let field = |s: &str| {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    out.push_str(
        &header
            .iter()
            .map(|h| field(h))
            .collect::<Vec<_>>()
            .join(","),
    );
    out.push('\n');
    for row in body {
        out.push_str(
            &row.iter()
                .map(|c| field(&one_line(c)))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push('\n');
    }
    out
}

/// A cell on one line, safe for a terminal.
fn one_line(s: &str) -> String {
    sanitize(&s.replace(['\n', '\r', '\t'], " ")).into_owned()
}

/// Columns padded to their display width, two spaces apart; cells longer than
/// `MAX_CELL` columns are truncated with "~".
pub fn aligned(header: &[&str], body: &[Vec<String>]) -> String {
    const MAX_CELL: usize = 48;
    let amb = AmbiguousWidth::Narrow;
    let n = header
        .len()
        .max(body.iter().map(Vec::len).max().unwrap_or(0));
    let cell = |row: &[String], i: usize| one_line(row.get(i).map_or("", String::as_str));
    let mut widths = vec![0usize; n];
    for (i, w) in widths.iter_mut().enumerate() {
        *w = header.get(i).map_or(0, |h| str_width(h, amb));
        for row in body {
            *w = (*w).max(str_width(&cell(row, i), amb));
        }
        *w = (*w).min(MAX_CELL);
    }
    let line = |cells: Vec<String>| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == n {
                s.push_str(&crate::text::truncate(c, widths[i], amb));
            } else {
                s.push_str(&pad(c, widths[i], amb));
                s.push_str("  ");
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(
        (0..n)
            .map(|i| header.get(i).unwrap_or(&"").to_string())
            .collect(),
    );
    for row in body {
        out.push_str(&line((0..n).map(|i| cell(row, i)).collect()));
    }
    out
}

#[cfg(test)]
mod counting_tests {
    use super::*;

    /// Issue 10 item 9: people read rows and columns from 1 (the popup
    /// did, this text said "row 7" for the popup's row 8).
    #[test]
    fn a_cell_source_is_printed_1_based() {
        let s = IndicatorSource::Cell {
            table: "r:t1".into(),
            row: 7,
            column: 5,
        };
        assert_eq!(source_text(&s), "r:t1[row 8, col 6]");
    }
}
