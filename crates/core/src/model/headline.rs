//! Headline figures as stored in the model (`Report::headlines`): a report's
//! main targets for its plan year and its results for the review year, for a
//! fixed list of metric keys (docs/indicators.md "Headline targets").
//! Plain data only; extraction lives in `indicators::headline`, the ledger
//! that joins them across reports in `indicators::ledger`.

use serde::{Deserialize, Serialize};

use super::indicator::{IndicatorSource, Period};

/// What the figure of a headline record states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum HeadlineKind {
    /// A growth rate in % ("增长5.5%左右"; a fall is negative, except for
    /// `energy_intensity`, whose value is the fall itself).
    #[default]
    Growth,
    /// The quantity or rate itself ("城镇调查失业率5.5%左右", "城镇新增就业12万人").
    Level,
    /// A target stated against something else, with no figure of its own
    /// ("与经济增长同步", "高于全国平均水平").
    Relative,
    /// The report says it sets no numeric target (national 2020 for GDP).
    NoNumber,
}

impl HeadlineKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            HeadlineKind::Growth => "growth",
            HeadlineKind::Level => "level",
            HeadlineKind::Relative => "relative",
            HeadlineKind::NoNumber => "no_number",
        }
    }
}

/// One headline target or result of one report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Headline {
    /// The metric key (`gdp`, `cpi`, `disposable_income_urban` …).
    pub key: String,
    /// The metric as printed ("地区生产总值", "城镇调查失业率").
    pub metric: String,
    pub period: Period,
    /// The year the figure is for: the plan year for targets, the review year for results.
    pub year: Option<u16>,
    pub kind: HeadlineKind,
    /// The figure as printed ("增长5.5%左右", "5%—5.5%", "与经济增长同步").
    pub text: String,
    /// The figure (for a range, its low end); None for relative and no-number records.
    pub value: Option<f64>,
    /// The ends of a range ("5%—5.5%" → 5, 5.5); both None for a single figure.
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// Unit as printed (%, 万人, 亿元, 万吨 …).
    pub unit: Option<String>,
    /// Bounds and hedges as printed, joined with "、" (力争、以上).
    pub qualifier: Option<String>,
    /// A level printed with a growth target or result ("82553亿元,增长6%").
    #[serde(default)]
    pub level_value: Option<f64>,
    #[serde(default)]
    pub level_unit: Option<String>,
    /// Where it was read: a sentence (span: the metric through the figure) or a table cell.
    pub source: IndicatorSource,
}
