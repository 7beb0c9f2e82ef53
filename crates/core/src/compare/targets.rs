//! The headline targets of two reports side by side (`Report::headlines`,
//! period target, one per metric key): A's target for its plan year, B's
//! for its own, and the result B reports for A's target year when it does
//! (the same join the target ledger makes, `indicators::ledger`).

use serde::Serialize;

use crate::model::{Headline, IndicatorSource, Period, Report};

/// What changed in a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetChange {
    /// The same figure as printed.
    Same,
    Changed,
    /// Only B sets it.
    Added,
    /// Only A set it.
    Dropped,
}

impl TargetChange {
    pub fn as_str(&self) -> &'static str {
        match self {
            TargetChange::Same => "same",
            TargetChange::Changed => "changed",
            TargetChange::Added => "added",
            TargetChange::Dropped => "dropped",
        }
    }
}

/// One headline figure of one report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub year: Option<u16>,
    /// As printed ("增长5%左右").
    pub text: String,
    pub value: Option<f64>,
    pub source: IndicatorSource,
}

impl Figure {
    fn of(h: &Headline) -> Figure {
        Figure {
            year: h.year,
            text: h.text.clone(),
            value: h.value,
            source: h.source.clone(),
        }
    }
}

/// A metric's target in A and in B.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetDiff {
    pub key: String,
    /// As B prints it (else as A).
    pub metric: String,
    pub change: TargetChange,
    pub a: Option<Figure>,
    pub b: Option<Figure>,
    /// B's result for the year of A's target, when B reports one.
    pub result: Option<Figure>,
}

fn first<'a>(r: &'a Report, key: &str, period: Period, year: Option<u16>) -> Option<&'a Headline> {
    r.headlines
        .iter()
        .find(|h| h.key == key && h.period == period && (year.is_none() || h.year == year))
}

/// The targets of `a` and `b` by key, in the order A names them, then B's new ones.
pub fn compare_targets(a: &Report, b: &Report) -> Vec<TargetDiff> {
    let mut keys: Vec<&str> = Vec::new();
    for h in a.headlines.iter().chain(&b.headlines) {
        if h.period == Period::Target && !keys.contains(&h.key.as_str()) {
            keys.push(&h.key);
        }
    }
    keys.iter()
        .map(|&key| {
            let ta = first(a, key, Period::Target, None);
            let tb = first(b, key, Period::Target, None);
            let change = match (ta, tb) {
                (Some(x), Some(y)) if x.text == y.text => TargetChange::Same,
                (Some(_), Some(_)) => TargetChange::Changed,
                (None, _) => TargetChange::Added,
                (Some(_), None) => TargetChange::Dropped,
            };
            let result = ta
                .and_then(|t| t.year)
                .and_then(|y| first(b, key, Period::Actual, Some(y)));
            TargetDiff {
                key: key.to_string(),
                metric: tb.or(ta).map(|h| h.metric.clone()).unwrap_or_default(),
                change,
                a: ta.map(Figure::of),
                b: tb.map(Figure::of),
                result: result.map(Figure::of),
            }
        })
        .collect()
}
