//! Indicators: every number with its meaning (extraction into the model),
//! joined targets/results, assessments and other derived tables.
//!
//! - [`prose`]: statements of one sentence (pure, text only)
//! - [`table`]: records of a printed results/targets table
//! - [`target`]: target text ("增长7%左右") parsed, and assessed against an actual
//! - [`derived`]: joined, prose-target and cross-report compare tables
//! - [`headline`]: headline targets and results of a report (`Report::headlines`)
//! - [`ledger`]: targets joined with results and the upper level, region × year × key
//! - [`metric`]: metric keys for joins (strip scope words and place names)
//! - [`cmd`]: `baogao indicators` / `baogao tables`

pub mod derived;
pub mod headline;
mod headline_names;
pub mod ledger;
pub mod metric;
pub mod number;
pub mod prose;
pub mod table;
pub mod target;
mod words;

pub use derived::{derived_tables, joined_rows, DerivedTable, JoinedRow};
/// The headline metric keys, in their documented order.
pub use headline_names::KEYS;

use crate::model::indicator::IndicatorKind;
use crate::model::{Block, Indicator, IndicatorSource, Period, Report, Section, SectionKind, Span};

/// Extract indicator records from a built report (called by the builder,
/// after sections and tables exist). Sentences first, then tables.
pub fn extract(report: &Report) -> Vec<Indicator> {
    let mut out = Vec::new();
    for top in &report.sections {
        let Some(period) = section_period(top, report) else {
            continue;
        };
        for s in top.walk() {
            for b in &s.blocks {
                if let Block::Paragraph(p) = b {
                    for sent in &p.sentences {
                        sentence_records(report, period, sent, &mut out);
                    }
                }
            }
        }
    }
    for t in &report.tables {
        out.extend(table::extract_table(report, t));
    }
    for (i, r) in out.iter_mut().enumerate() {
        r.id = format!("{}:ind{}", report.id, i + 1);
    }
    out
}

fn sentence_records(
    report: &Report,
    period: Period,
    sent: &crate::model::Sentence,
    out: &mut Vec<Indicator>,
) {
    let expected_year = match period {
        Period::Actual => report.review_year,
        Period::Target => report.plan_year,
    };
    for st in prose::extract_from_text(&sent.text) {
        // A goal stated inside the review (…力争…) has no year we can be sure of.
        if st.target_wording && period == Period::Actual {
            continue;
        }
        if let (Some(y), Some(e)) = (st.year, expected_year) {
            if y != e {
                continue;
            }
        }
        let start = (sent.span.start() + st.span.0).min(sent.span.end());
        let end = (sent.span.start() + st.span.1).min(sent.span.end());
        out.push(record(
            report,
            st.metric,
            st.kind,
            st.value,
            st.value_text,
            st.unit,
            (st.change_text, st.change, st.change_unit),
            st.qualifier,
            period,
            st.year.or(expected_year),
            IndicatorSource::Sentence {
                sentence: sent.id.clone(),
                span: Span(start, end),
            },
        ));
    }
}

/// Build a record, computing base value and unit.
#[allow(clippy::too_many_arguments)]
pub(crate) fn record(
    report: &Report,
    metric: String,
    kind: IndicatorKind,
    value: f64,
    value_text: String,
    unit: String,
    change: (Option<String>, Option<f64>, Option<String>),
    qualifier: Option<String>,
    period: Period,
    year: Option<u16>,
    source: IndicatorSource,
) -> Indicator {
    let base = number::to_base(value, &unit);
    Indicator {
        id: String::new(),
        report: report.id.clone(),
        metric,
        kind,
        value,
        value_text,
        unit,
        base_value: base.map(|b| b.0),
        base_unit: base.map(|b| b.1.to_string()),
        change_text: change.0,
        change: change.1,
        change_unit: change.2,
        qualifier,
        period,
        year,
        source,
    }
}

/// Whether a top-level section reviews the past year or plans the next, from
/// its heading: 执行情况/完成情况/回顾 → actual; 计划/目标/任务/措施/安排 → target;
/// else the year it names. None for attachments, glossaries and unclear headings.
pub fn section_period(top: &Section, report: &Report) -> Option<Period> {
    if matches!(top.kind, SectionKind::Attachment | SectionKind::Glossary) {
        return None;
    }
    let h = &top.heading;
    if ["执行情况", "完成情况", "回顾", "工作总结"]
        .iter()
        .any(|w| h.contains(w))
    {
        return Some(Period::Actual);
    }
    let names = |y: Option<u16>| y.is_some_and(|y| h.contains(&format!("{y}年")));
    if ["计划", "目标", "任务", "措施", "安排"]
        .iter()
        .any(|w| h.contains(w))
        && !names(report.review_year)
    {
        return Some(Period::Target);
    }
    if names(report.plan_year) {
        return Some(Period::Target);
    }
    if names(report.review_year) {
        return Some(Period::Actual);
    }
    None
}
