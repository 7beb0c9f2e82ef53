//! `baogao targets`: the target ledger (`indicators::ledger`) filtered by
//! region, year, level and metric key, as an aligned table, CSV or JSON (all
//! through `output::Out`). Status 1 when no row matches. Reads only the
//! report stubs of the opened model (headlines are kept in them), so the
//! whole corpus answers without parsing its text. What must not live here:
//! extraction or assessment rules (the core's `indicators`).

use std::path::Path;

use anyhow::{bail, Result};

use super::output::Out;
use super::{no_match, Outcome};
use crate::cli::{Format, TargetsArgs};
use crate::indicators::ledger::{ledger, LedgerRow};
use crate::indicators::target::trim_float;
use crate::model::filter::region_names_match;

/// The metric keys `--metric` takes.
pub use crate::indicators::headline::METRIC_KEYS;

/// The printed columns, in order.
pub const FIELDS: &[&str] = &[
    "region",
    "level",
    "year",
    "key",
    "metric",
    "target_text",
    "target_value",
    "target_low",
    "target_high",
    "qualifier",
    "unit",
    "actual_text",
    "actual_value",
    "assessment",
    "assessment_reason",
    "gap",
    "upper_region",
    "upper_target_value",
    "upper_difference",
    "source",
    "actual_source",
];

/// `baogao targets [--region …] [--year …] [--level …] [--metric KEY] [--format …]`
pub fn run(model: Option<&Path>, args: &TargetsArgs) -> Result<Outcome> {
    if let Some(m) = args.metric.as_deref() {
        if !METRIC_KEYS.contains(&m) {
            bail!(
                "{:?} is not a metric key ({})",
                crate::text::sanitize_line(m),
                METRIC_KEYS.join(", ")
            );
        }
    }
    let opened = crate::open::open(model)?;
    let rows = select(ledger(opened.stubs()), args);
    if rows.is_empty() {
        return Ok(no_match("no target ledger row matches"));
    }
    let mut out = Out::new();
    match args.format {
        Format::Json => out.json(&rows)?,
        Format::Csv => {
            out.csv_record(FIELDS)?;
            for r in &rows {
                out.csv_record(&cells(r))?;
            }
        }
        Format::Table => {
            let body: Vec<Vec<String>> = rows.iter().map(cells).collect();
            out.aligned(FIELDS, &body)?;
        }
    }
    out.finish()?;
    Ok(Outcome::Done)
}

/// The rows the filters keep: region (the row's region or its upper region,
/// or the pinyin of its reports' ids), target year, level and key.
pub fn select(rows: Vec<LedgerRow>, args: &TargetsArgs) -> Vec<LedgerRow> {
    rows.into_iter()
        .filter(|r| {
            args.region.as_deref().is_none_or(|q| {
                let ids = [r.report.as_deref(), r.actual_report.as_deref()];
                ids.iter()
                    .flatten()
                    .any(|id| region_names_match(q, Some(&r.region), r.upper_region.as_deref(), id))
                    || region_names_match(q, Some(&r.region), r.upper_region.as_deref(), "")
            }) && args.year.as_ref().is_none_or(|y| y.contains(&r.year))
                && args.level.is_none_or(|l| r.level == Some(l))
                && args.metric.as_deref().is_none_or(|m| {
                    r.key == m || r.key.strip_prefix(m).is_some_and(|s| s.starts_with('_'))
                })
        })
        .collect()
}

/// One row as printed (CSV and table).
pub fn cells(r: &LedgerRow) -> Vec<String> {
    let f = |v: Option<f64>| v.map(trim_float).unwrap_or_default();
    let o = |s: &Option<String>| s.clone().unwrap_or_default();
    vec![
        r.region.clone(),
        r.level.map(|l| l.as_str().to_string()).unwrap_or_default(),
        r.year.to_string(),
        r.key.clone(),
        r.metric.clone(),
        o(&r.target_text),
        f(r.target_value),
        f(r.target_low),
        f(r.target_high),
        o(&r.qualifier),
        o(&r.unit),
        o(&r.actual_text),
        f(r.actual_value),
        r.assessment.as_str().to_string(),
        r.assessment_reason.clone(),
        f(r.gap),
        o(&r.upper_region),
        f(r.upper_target_value),
        f(r.upper_difference),
        r.source.as_ref().map(|s| s.to_string()).unwrap_or_default(),
        r.actual_source
            .as_ref()
            .map(|s| s.to_string())
            .unwrap_or_default(),
    ]
}
