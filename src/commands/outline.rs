//! `baogao outline [REPORT]`: the reports of a model (id, level, region,
//! year, kind, sections, tables, indicators, title), or one report's
//! sections as a tree with their ids: the ids `show` takes.

use anyhow::Result;
use serde::Serialize;

use super::output::Out;
use super::{check_report, no_match, Outcome};
use crate::cli::{Format, OutlineArgs};
use crate::model::{Model, Report, Section};

#[derive(Serialize)]
struct ReportRow<'a> {
    id: &'a str,
    level: Option<&'static str>,
    region: Option<&'a str>,
    /// The year the report plans for (the year it was delivered in).
    year: Option<u16>,
    kind: Option<&'static str>,
    sections: usize,
    tables: usize,
    indicators: usize,
    title: &'a str,
}

#[derive(Serialize)]
struct SectionRow<'a> {
    id: &'a str,
    level: u8,
    /// The markers from the top down, as printed: "二、(三)2.".
    path: String,
    heading: &'a str,
    sentences: usize,
}

fn report_row(r: &Report) -> ReportRow<'_> {
    ReportRow {
        id: &r.id,
        level: r.level.map(|l| l.as_str()),
        region: r.region.as_deref(),
        year: r.plan_year,
        kind: r.kind.map(|k| match k {
            crate::model::ReportKind::Work => "work",
            crate::model::ReportKind::Plan => "plan",
            crate::model::ReportKind::Other => "other",
        }),
        sections: r.all_sections().len(),
        tables: r.tables.len(),
        indicators: r.indicators.len(),
        title: &r.title,
    }
}

fn section_rows<'a>(secs: &'a [Section], path: &str, out: &mut Vec<SectionRow<'a>>) {
    for s in secs {
        let path = format!("{path}{}", s.marker);
        let sentences = s
            .blocks
            .iter()
            .map(|b| match b {
                crate::model::Block::Paragraph(p) => p.sentences.len(),
                crate::model::Block::Table { .. } => 0,
            })
            .sum();
        out.push(SectionRow {
            id: &s.id,
            level: s.level,
            path: path.clone(),
            heading: &s.heading,
            sentences,
        });
        section_rows(&s.children, &path, out);
    }
}

pub fn run(model: &Model, args: &OutlineArgs) -> Result<Outcome> {
    check_report(model, args.report.as_deref())?;
    let mut out = Out::new();
    match args
        .report
        .as_deref()
        .and_then(|id| model.reports.iter().find(|r| r.id == id))
    {
        None => {
            let f = args.reports.filter();
            let rows: Vec<ReportRow<'_>> = model
                .reports
                .iter()
                .filter(|r| f.matches(r))
                .map(report_row)
                .collect();
            if rows.is_empty() {
                return Ok(no_match("no report matches"));
            }
            let header = [
                "id",
                "level",
                "region",
                "year",
                "kind",
                "sections",
                "tables",
                "indicators",
                "title",
            ];
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vec![
                        r.id.to_string(),
                        r.level.unwrap_or("").to_string(),
                        r.region.unwrap_or("").to_string(),
                        r.year.map(|y| y.to_string()).unwrap_or_default(),
                        r.kind.unwrap_or("").to_string(),
                        r.sections.to_string(),
                        r.tables.to_string(),
                        r.indicators.to_string(),
                        r.title.to_string(),
                    ]
                })
                .collect();
            write(&mut out, args.format, &rows, &header, &cells)?;
        }
        Some(r) => {
            let mut rows = Vec::new();
            section_rows(&r.sections, "", &mut rows);
            if rows.is_empty() {
                return Ok(no_match("the report has no sections"));
            }
            let header = ["id", "level", "path", "heading", "sentences"];
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|s| {
                    let indent = "  ".repeat(usize::from(s.level.saturating_sub(1)));
                    vec![
                        s.id.to_string(),
                        s.level.to_string(),
                        s.path.clone(),
                        if args.format == Format::Table {
                            format!("{indent}{}", s.heading)
                        } else {
                            s.heading.to_string()
                        },
                        s.sentences.to_string(),
                    ]
                })
                .collect();
            write(&mut out, args.format, &rows, &header, &cells)?;
        }
    }
    out.finish()?;
    Ok(Outcome::Done)
}

fn write<T: Serialize>(
    out: &mut Out,
    format: Format,
    rows: &[T],
    header: &[&str],
    cells: &[Vec<String>],
) -> Result<()> {
    match format {
        Format::Json => out.json(rows),
        Format::Csv => {
            out.csv_record(header)?;
            cells.iter().try_for_each(|c| out.csv_record(c))
        }
        Format::Table => out.aligned(header, cells),
    }
}
