//! `baogao indicators`: indicator records, or the joined targets/results rows,
//! as an aligned table, CSV or JSON (all through `output::Out`). Status 1 when
//! no record matches the filters.

use anyhow::Result;

use super::output::Out;
use super::{check_report, no_match, Outcome};
use crate::cli::{Format, IndicatorsArgs, PeriodArg};
use crate::indicators::joined_rows;
use crate::model::{Indicator, Model, Period};

/// `baogao indicators [--report ID] [--metric TEXT] [--period …] [--joined] [--format …]`
pub fn run(model: &Model, args: &IndicatorsArgs) -> Result<Outcome> {
    check_report(model, args.report.as_deref())?;
    let chosen = super::chosen_reports(model, args.report.as_deref(), &args.reports);
    if args.joined {
        let mut rows = joined_rows(model, args.report.as_deref());
        rows.retain(|j| chosen.contains(&j.report));
        if rows.is_empty() {
            return Ok(no_match(
                "no joined targets/results rows (no results and targets tables)",
            ));
        }
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
                    j.assessment.as_str().to_string(),
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
        .filter(|r| chosen.contains(&r.id))
        .flat_map(|r| r.indicators.iter())
        .filter(|i| args.metric.as_deref().is_none_or(|m| i.metric.contains(m)))
        .filter(|i| match args.period {
            None => true,
            Some(PeriodArg::Actual) => i.period == Period::Actual,
            Some(PeriodArg::Target) => i.period == Period::Target,
        })
        .collect();
    if recs.is_empty() {
        return Ok(no_match("no indicator records match"));
    }
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
    let f = |v: Option<f64>| {
        v.map(crate::indicators::target::trim_float)
            .unwrap_or_default()
    };
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
                i.source.to_string(),
            ]
        })
        .collect();
    print_rows(args.format, &header, &body)
}

fn print_json<T: serde::Serialize + ?Sized>(v: &T) -> Result<Outcome> {
    let mut out = Out::new();
    out.json(v)?;
    out.finish()?;
    Ok(Outcome::Done)
}

fn print_rows(format: Format, header: &[&str], body: &[Vec<String>]) -> Result<Outcome> {
    let mut out = Out::new();
    match format {
        Format::Csv => {
            out.csv_record(header)?;
            for row in body {
                out.csv_record(row)?;
            }
        }
        _ => out.aligned(header, body)?,
    }
    out.finish()?;
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use crate::model::IndicatorSource;

    /// Issue 10 item 9: people read rows and columns from 1 (the popup
    /// did, this text said "row 7" for the popup's row 8).
    #[test]
    fn a_cell_source_is_printed_1_based() {
        let s = IndicatorSource::Cell {
            table: "r:t1".into(),
            row: 7,
            column: 5,
        };
        assert_eq!(s.to_string(), "r:t1 row 8 col 6");
    }
}
