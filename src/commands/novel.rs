//! `baogao new-phrases REPORT`: the phrases of a report that no earlier
//! report of its region used (a national report: no earlier national
//! report), ranked (`trend::novel`), as an aligned table, CSV or JSON.
//! Status 1 when the report has no earlier report to compare with, or
//! nothing new. What must not live here: the rules (the core's `trend::novel`).

use std::path::Path;

use anyhow::{bail, Result};
use serde::Serialize;

use super::output::Out;
use super::trend::note;
use super::{no_match, Outcome};
use crate::cli::{Format, NewPhrasesArgs};
use crate::trend::novel::NewPhrase;
use crate::trend::{new_phrases_of, Reports};

#[derive(Serialize)]
struct Json<'a> {
    report: &'a str,
    /// The reports it was compared with.
    earlier: Vec<&'a str>,
    phrases: &'a [NewPhrase],
}

/// `baogao new-phrases REPORT [--top N] [--format …]`
pub fn run(model: Option<&Path>, args: &NewPhrasesArgs) -> Result<Outcome> {
    let opened = crate::open::open(model)?;
    let stubs = Reports::stubs(&opened);
    let Some(i) = stubs.iter().position(|r| r.id == args.report) else {
        bail!(
            "no report with id {:?} (baogao outline lists them)",
            crate::text::sanitize_line(&args.report)
        );
    };
    let (phrases, earlier) = new_phrases_of(&opened, i, args.top)?;
    if earlier.is_empty() {
        return Ok(no_match(&format!(
            "no earlier report of the same region than {} to compare with",
            args.report
        )));
    }
    let years: Vec<u16> = earlier.iter().filter_map(|&k| stubs[k].plan_year).collect();
    note(&format!(
        "{} against {} earlier report(s), {}-{}",
        args.report,
        earlier.len(),
        years.iter().min().copied().unwrap_or(0),
        years.iter().max().copied().unwrap_or(0)
    ));
    if phrases.is_empty() {
        return Ok(no_match("no new phrase"));
    }
    let mut out = Out::new();
    match args.format {
        Format::Json => out.json(&Json {
            report: &args.report,
            earlier: earlier.iter().map(|&k| stubs[k].id.as_str()).collect(),
            phrases: &phrases,
        })?,
        Format::Csv => {
            out.csv_record(&["rank", "phrase", "count", "in_heading", "id", "text"])?;
            for (k, p) in phrases.iter().enumerate() {
                out.csv_record(&cells(k, p))?;
            }
        }
        Format::Table => {
            let rows: Vec<Vec<String>> = phrases
                .iter()
                .enumerate()
                .map(|(k, p)| cells(k, p))
                .collect();
            out.aligned(
                &["rank", "phrase", "count", "heading", "first at", "text"],
                &rows,
            )?;
        }
    }
    out.finish()?;
    Ok(Outcome::Done)
}

fn cells(k: usize, p: &NewPhrase) -> Vec<String> {
    vec![
        (k + 1).to_string(),
        p.phrase.clone(),
        p.count.to_string(),
        if p.in_heading { "yes" } else { "" }.to_string(),
        p.sentence.clone().unwrap_or_else(|| p.section.clone()),
        p.text.clone(),
    ]
}
