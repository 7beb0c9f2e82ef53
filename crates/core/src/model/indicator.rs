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

impl Period {
    pub fn as_str(&self) -> &'static str {
        match self {
            Period::Actual => "actual",
            Period::Target => "target",
        }
    }
}

/// What the value measures: the quantity itself, or only its change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    /// The value is the quantity ("地区生产总值 16715.2亿元").
    #[default]
    Level,
    /// The statement only gives the change ("民间投资增长6.9%"): value == change.
    Growth,
}

impl IndicatorKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            IndicatorKind::Level => "level",
            IndicatorKind::Growth => "growth",
        }
    }
}

/// Where an indicator was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum IndicatorSource {
    /// A sentence; `span` is the char range of the statement in the source text.
    Sentence { sentence: String, span: Span },
    /// A printed table cell (0-based row and column of `Table::rows`).
    Cell {
        table: String,
        row: usize,
        column: usize,
    },
}

/// As people read it, in the CLI and the explorer alike: the sentence id with
/// the statement's char range (`…:s1:p4.4 [12, 30]`), or the table id with the
/// row and column counted from 1 (`…:t1 row 8 col 6`; ids and JSON count from
/// 0, docs/model.md "Counting").
impl std::fmt::Display for IndicatorSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IndicatorSource::Sentence { sentence, span } => {
                write!(f, "{sentence} [{}, {}]", span.start(), span.end())
            }
            IndicatorSource::Cell { table, row, column } => {
                write!(f, "{table} row {} col {}", row + 1, column + 1)
            }
        }
    }
}

/// One quantitative statement (see docs/indicators.md for the rules and every field).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: String,
    pub report: String,
    pub metric: String,
    #[serde(default)]
    pub kind: IndicatorKind,
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
