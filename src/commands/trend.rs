//! `baogao trend PHRASE`: in how many reports and how many times a phrase
//! occurs, per year (with a bar chart) and per region, and the first report
//! that used it; as text, CSV or JSON (`--sentences`: the sentences that
//! hold it instead). A lower-case pinyin spelling is resolved to the phrase
//! it spells (`trend::resolve`), and the text says which. Status 1 when no
//! chosen report uses the phrase. What must not live here: counting (the
//! core's `trend`).

use std::path::Path;

use anyhow::Result;
use serde::Serialize;

use super::output::Out;
use super::{no_match, Outcome};
use crate::cli::{Format, TrendArgs};
use crate::model::Report;
use crate::trend::{answer, Answer, RegionCount, Reports, YearCount};

/// Widest bar of the text chart, in columns.
const BAR_WIDTH: usize = 40;

/// `baogao trend PHRASE [--region …] [--year …] [--level …] [--format …]`
pub fn run(model: Option<&Path>, args: &TrendArgs) -> Result<Outcome> {
    let opened = crate::open::open(model)?;
    let filter = args.reports.filter();
    let a = answer(&opened, &args.phrase, args.exact, |r| filter.matches(r))?;
    let stubs = Reports::stubs(&opened);
    if let Some(res) = &a.resolution {
        let also: Vec<String> = res
            .candidates
            .iter()
            .skip(1)
            .take(4)
            .map(|c| c.phrase.clone())
            .collect();
        let also = if also.is_empty() {
            String::new()
        } else {
            format!(" (also spelled so: {})", also.join(", "))
        };
        note(&format!(
            "{:?} counted as {}{also}; --exact counts the letters themselves",
            res.typed, a.trend.phrase
        ));
    }
    if a.trend.reports.is_empty() {
        return Ok(no_match(&format!(
            "no report uses {:?} ({} searched)",
            a.trend.phrase, a.trend.searched
        )));
    }
    let mut out = Out::new();
    if args.sentences {
        sentences(&mut out, &a, stubs, args.format)?;
    } else {
        match args.format {
            Format::Json => out.json(&json(&a, stubs))?,
            Format::Csv => csv(&mut out, &a.trend.years)?,
            Format::Table => table(&mut out, &a, stubs)?,
        }
    }
    out.finish()?;
    Ok(Outcome::Done)
}

/// A line on stderr (what the counts mean), sanitized.
pub fn note(message: &str) {
    use std::io::Write as _;
    let _ = writeln!(
        std::io::stderr(),
        "baogao: {}",
        crate::text::sanitize_line(message)
    );
}

/// "2024 全国 national-2024 (title)".
fn report_line(r: &Report) -> String {
    format!(
        "{} {} {} ({})",
        r.plan_year.map(|y| y.to_string()).unwrap_or_default(),
        r.region.as_deref().unwrap_or(""),
        r.id,
        r.title
    )
}

/// A bar of `n` out of `max`, at most [`BAR_WIDTH`] columns, ASCII (one
/// column in every terminal); a non-zero count is at least one column.
pub fn bar(n: usize, max: usize) -> String {
    if n == 0 || max == 0 {
        return String::new();
    }
    let w = (n * BAR_WIDTH).div_ceil(max).clamp(1, BAR_WIDTH);
    "#".repeat(w)
}

fn table(out: &mut Out, a: &Answer, stubs: &[Report]) -> Result<()> {
    let t = &a.trend;
    out.line(&format!(
        "{}: {} occurrence(s) in {} of {} report(s)",
        t.phrase,
        t.total(),
        t.reports.len(),
        t.searched
    ))?;
    if let Some(first) = t.first.and_then(|k| t.reports.get(k)) {
        if let Some(r) = stubs.get(first.report) {
            out.line(&format!("first used: {}", report_line(r)))?;
        }
    }
    out.raw("\n")?;
    let max = t.years.iter().map(|y| y.count).max().unwrap_or(0);
    // the years before the first use are one row
    let unused = t.years.iter().take_while(|y| y.count == 0).count();
    let mut rows: Vec<Vec<String>> = Vec::new();
    if let (Some(a), Some(b)) = (
        t.years.first(),
        unused.checked_sub(1).and_then(|k| t.years.get(k)),
    ) {
        let span = if a.year == b.year {
            a.year.to_string()
        } else {
            format!("{}-{}", a.year, b.year)
        };
        let searched: usize = t.years[..unused].iter().map(|y| y.searched).sum();
        rows.push(vec![
            span,
            "0".into(),
            searched.to_string(),
            "0".into(),
            String::new(),
        ]);
    }
    rows.extend(t.years[unused..].iter().map(|y| {
        vec![
            y.year.to_string(),
            y.reports.to_string(),
            y.searched.to_string(),
            y.count.to_string(),
            bar(y.count, max),
        ]
    }));
    out.aligned(&["year", "reports", "of", "count", "occurrences"], &rows)?;
    out.raw("\n")?;
    let rows: Vec<Vec<String>> = t.regions.iter().map(region_cells).collect();
    out.aligned(
        &[
            "region",
            "level",
            "first",
            "first report",
            "reports",
            "count",
        ],
        &rows,
    )
}

fn region_cells(r: &RegionCount) -> Vec<String> {
    vec![
        r.region.clone(),
        r.level.map(|l| l.as_str().to_string()).unwrap_or_default(),
        r.first_year.map(|y| y.to_string()).unwrap_or_default(),
        r.first_report.clone(),
        r.reports.to_string(),
        r.count.to_string(),
    ]
}

/// One record per year (region empty: the year's total, `searched` the
/// reports of that year) and per region of that year.
fn csv(out: &mut Out, years: &[YearCount]) -> Result<()> {
    out.csv_record(&["year", "region", "level", "reports", "count", "searched"])?;
    for y in years {
        out.csv_record(&[
            y.year.to_string(),
            String::new(),
            String::new(),
            y.reports.to_string(),
            y.count.to_string(),
            y.searched.to_string(),
        ])?;
        for r in &y.regions {
            out.csv_record(&[
                y.year.to_string(),
                r.region.clone(),
                r.level.map(|l| l.as_str().to_string()).unwrap_or_default(),
                r.reports.to_string(),
                r.count.to_string(),
                String::new(),
            ])?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct Json<'a> {
    phrase: &'a str,
    /// The pinyin spelling typed and the phrases it spells (absent when a
    /// phrase was typed).
    #[serde(skip_serializing_if = "Option::is_none")]
    resolution: Option<&'a crate::trend::Resolution>,
    searched: usize,
    reports: usize,
    count: usize,
    first: Option<&'a str>,
    years: &'a [YearCount],
    regions: &'a [RegionCount],
}

fn json<'a>(a: &'a Answer, stubs: &'a [Report]) -> Json<'a> {
    let t = &a.trend;
    Json {
        phrase: &t.phrase,
        resolution: a.resolution.as_ref(),
        searched: t.searched,
        reports: t.reports.len(),
        count: t.total(),
        first: t
            .first
            .and_then(|k| t.reports.get(k))
            .and_then(|r| stubs.get(r.report))
            .map(|r| r.id.as_str()),
        years: &t.years,
        regions: &t.regions,
    }
}

#[derive(Serialize)]
struct SentenceRecord<'a> {
    year: Option<u16>,
    region: &'a str,
    report: &'a str,
    /// The sentence id (`baogao show` takes it), or the section id for a heading.
    id: &'a str,
    count: usize,
    text: &'a str,
}

/// Every sentence and heading that holds the phrase: year, region, id,
/// count, text (table: tab-separated on one line each; CSV; JSON Lines).
fn sentences(out: &mut Out, a: &Answer, stubs: &[Report], format: Format) -> Result<()> {
    if format == Format::Csv {
        out.csv_record(&["year", "region", "report", "id", "count", "text"])?;
    }
    for rc in &a.trend.reports {
        let Some(r) = stubs.get(rc.report) else {
            continue;
        };
        for s in &rc.hits.sentences {
            let rec = SentenceRecord {
                year: r.plan_year,
                region: r.region.as_deref().unwrap_or(""),
                report: &r.id,
                id: s.sentence.as_deref().unwrap_or(&s.section),
                count: s.count,
                text: &s.text,
            };
            let year = rec.year.map(|y| y.to_string()).unwrap_or_default();
            match format {
                Format::Json => out.json_line(&rec)?,
                Format::Csv => out.csv_record(&[
                    year,
                    rec.region.to_string(),
                    rec.report.to_string(),
                    rec.id.to_string(),
                    rec.count.to_string(),
                    rec.text.to_string(),
                ])?,
                Format::Table => {
                    let line = [year.as_str(), rec.region, rec.id, rec.text]
                        .map(super::output::one_line)
                        .join("\t");
                    out.raw(&line)?;
                    out.raw("\n")?;
                }
            }
        }
    }
    Ok(())
}
