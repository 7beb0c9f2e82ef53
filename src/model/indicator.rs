//! Indicator records as stored in the model (owned by the indicators work; see docs/indicators.md).

use serde::{Deserialize, Serialize};

use super::types::Span;

/// Whether a figure reports the review year or sets a target for the plan year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Actual,
    Target,
}

/// Where an indicator was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum IndicatorSource {
    Sentence {
        sentence: String,
        span: Span,
    },
    Cell {
        table: String,
        row: usize,
        column: usize,
    },
}

/// One quantitative statement (see docs/indicators.md for the rules).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: String,
    pub report: String,
    pub metric: String,
    pub value: f64,
    pub value_text: String,
    pub unit: String,
    pub base_value: Option<f64>,
    pub base_unit: Option<String>,
    pub change_text: Option<String>,
    pub change: Option<f64>,
    pub change_unit: Option<String>,
    pub qualifier: Option<String>,
    pub period: Period,
    pub year: Option<u16>,
    pub source: IndicatorSource,
}
