//! Derived tables: computed from the model, never printed in a report. Each
//! says it is derived and links to its sources.
//! - joined targets and results (a results table + a targets table of one report)
//! - targets from prose (a 主要目标 paragraph vs the review-year figures)
//! - across reports (a district vs its city: same metric, same year, share)

use serde::Serialize;

use super::metric::{key, place, stems};
use super::number::{convert, decimals};
use super::table::{cell_growth, cell_value, layout, row_metric, Layout};
use super::target::{assess, parse_target, trim_float, Actual, Assessment, Reference};
use crate::model::indicator::IndicatorKind;
use crate::model::{Indicator, IndicatorSource, Location, Model, Period, Report, Table};

/// A table computed from the model (not printed in any report).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DerivedTable {
    pub id: String,
    /// The report it belongs to (for a cross-report table, the first one).
    pub report: String,
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Where each row comes from, parallel to `rows` (None when it has no single source).
    pub row_sources: Vec<Option<Location>>,
    /// Ids of the tables/records this was derived from.
    pub derived_from: Vec<String>,
}

/// One row of the joined targets/results table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JoinedRow {
    pub report: String,
    /// As printed in the results table (or the targets table when only there).
    pub metric: String,
    /// 预期性/约束性 in the results table.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// The type in the targets table.
    pub next_type: Option<String>,
    pub type_changed: bool,
    pub last_target: Option<String>,
    pub actual: Option<String>,
    pub change: Option<String>,
    pub assessment: Assessment,
    pub assessment_reason: String,
    pub next_target: Option<String>,
    /// The results-table row (or the targets-table row when only there).
    pub source: Location,
    pub next_source: Option<Location>,
}

fn cell(t: &Table, row: usize, col: Option<usize>) -> Option<String> {
    let c: String = t.rows.get(row)?.get(col?)?.trim().to_string();
    (!c.is_empty() && !c.chars().all(|ch| ch == '—' || ch == '-')).then_some(c)
}

fn cell_loc(r: &Report, t: &Table, row: usize, col: usize) -> Location {
    Location::Cell {
        report: r.id.clone(),
        table: t.id.clone(),
        row,
        column: col,
    }
}

/// The results and the targets table of a report, with their layouts.
/// A table with its recognized columns.
type Laid<'a> = (&'a Table, Layout);

fn result_and_target_tables(r: &Report) -> Option<(Laid<'_>, Option<Laid<'_>>)> {
    let mut results = None;
    let mut targets = None;
    for t in &r.tables {
        let l = layout(t);
        if !l.is_indicator_table() {
            continue;
        }
        if l.actual.is_some() && results.is_none() {
            results = Some((t, l));
        } else if l.actual.is_none() && l.target.is_some() && targets.is_none() {
            targets = Some((t, l));
        }
    }
    results.map(|r| (r, targets))
}

/// The joined targets/results rows of every report (or one).
pub fn joined_rows(model: &Model, report: Option<&str>) -> Vec<JoinedRow> {
    let st = stems(&model.reports);
    let mut out = Vec::new();
    for r in &model.reports {
        if report.is_some_and(|id| id != r.id) {
            continue;
        }
        let Some(((rt, rl), tt)) = result_and_target_tables(r) else {
            continue;
        };
        let mut used = vec![false; tt.as_ref().map_or(0, |t| t.0.rows.len())];
        for row in 0..rt.rows.len() {
            let Some(metric) = row_metric(rt, &rl, row) else {
                continue;
            };
            let k = key(&metric, &st);
            let next = tt.as_ref().and_then(|(t, l)| {
                let (t, l) = (*t, l.clone());
                (0..t.rows.len())
                    .find(|&i| row_metric(t, &l, i).is_some_and(|m| key(&m, &st) == k))
                    .map(|i| (t, l, i))
            });
            if let Some((_, _, i)) = &next {
                used[*i] = true;
            }
            let actual_cell = cell(rt, row, rl.actual);
            let growth_cell = cell(rt, row, rl.growth);
            let actual = Actual {
                level: actual_cell
                    .as_deref()
                    .and_then(cell_value)
                    .map(|(v, _, u)| (v, u)),
                growth: growth_cell.as_deref().and_then(cell_growth).map(|g| g.0),
            };
            let last_target = cell(rt, row, rl.target);
            let (assessment, reason) = match &last_target {
                Some(t) => {
                    let resolve = |reference: &str| resolve(model, r, &metric, reference, rl.year);
                    assess(&parse_target(t), &actual, &resolve)
                }
                None => (
                    super::target::Assessment::Unknown,
                    "no target printed".to_string(),
                ),
            };
            let kind = cell(rt, row, rl.kind);
            let next_type = next.as_ref().and_then(|(t, l, i)| cell(t, *i, l.kind));
            out.push(JoinedRow {
                report: r.id.clone(),
                metric: metric.clone(),
                type_changed: matches!((&kind, &next_type), (Some(a), Some(b)) if a != b),
                kind,
                next_type,
                last_target,
                actual: actual_cell,
                change: growth_cell,
                assessment,
                assessment_reason: reason,
                next_target: next.as_ref().and_then(|(t, l, i)| cell(t, *i, l.target)),
                source: cell_loc(r, rt, row, rl.metric.unwrap_or(0)),
                next_source: next
                    .as_ref()
                    .map(|(t, l, i)| cell_loc(r, t, *i, l.metric.unwrap_or(0))),
            });
        }
        if let Some((t, l)) = tt {
            for (i, u) in used.iter().enumerate() {
                let Some(metric) = row_metric(t, &l, i).filter(|_| !u) else {
                    continue;
                };
                out.push(JoinedRow {
                    report: r.id.clone(),
                    metric,
                    kind: None,
                    next_type: cell(t, i, l.kind),
                    type_changed: false,
                    last_target: None,
                    actual: None,
                    change: None,
                    assessment: Assessment::Unknown,
                    assessment_reason: "not in the results table".into(),
                    next_target: cell(t, i, l.target),
                    source: cell_loc(r, t, i, l.metric.unwrap_or(0)),
                    next_source: None,
                });
            }
        }
    }
    out
}

/// Find the growth a relative target points at: "经济增长"/"GDP" in the same
/// report; "全市"/"全省"/"全国" in the one other report of that level.
fn resolve(
    model: &Model,
    r: &Report,
    metric: &str,
    reference: &str,
    year: Option<u16>,
) -> Option<Reference> {
    let st = stems(&model.reports);
    let year = year.or(r.review_year);
    let (target_report, k) = if ["经济增长", "经济增速", "GDP", "生产总值"]
        .iter()
        .any(|w| reference.contains(w))
    {
        (r, "生产总值".to_string())
    } else {
        let level = reference.strip_prefix('全')?.chars().next()?;
        (city_of(model, r, level)?, key(metric, &st))
    };
    let rec = actual_growth_record(target_report, &k, &st, year)?;
    Some(Reference {
        growth: rec.change?,
        description: format!(
            "{} {} {}, {}",
            target_report.id,
            rec.metric,
            rec.value_text,
            rec.change_text.clone().unwrap_or_default()
        ),
    })
}

/// The one other report of the model whose place is a `level` (市/省) containing `r`.
pub fn city_of<'a>(model: &'a Model, r: &Report, level: char) -> Option<&'a Report> {
    let own = place(r)?;
    if own.ends_with(level) {
        return None;
    }
    let mut c = model.reports.iter().filter(|o| {
        o.id != r.id
            && o.review_year == r.review_year
            && place(o).is_some_and(|p| p.ends_with(level))
    });
    let first = c.next()?;
    c.next().is_none().then_some(first)
}

/// An actual level record with a change for the key, tables first.
fn actual_growth_record<'a>(
    r: &'a Report,
    k: &str,
    st: &[String],
    year: Option<u16>,
) -> Option<&'a Indicator> {
    let mut cands: Vec<&Indicator> = r
        .indicators
        .iter()
        .filter(|i| {
            i.period == Period::Actual
                && i.kind == IndicatorKind::Level
                && i.change.is_some()
                && i.change_unit.as_deref() == Some("%")
                && (year.is_none() || i.year == year)
                && key(&i.metric, st) == k
        })
        .collect();
    cands.sort_by_key(|i| !matches!(i.source, IndicatorSource::Cell { .. }));
    cands.first().copied()
}

fn ind_loc(r: &Report, i: &Indicator) -> Location {
    match &i.source {
        IndicatorSource::Cell { table, row, column } => Location::Cell {
            report: r.id.clone(),
            table: table.clone(),
            row: *row,
            column: *column,
        },
        IndicatorSource::Sentence { sentence, .. } => Location::Sentence {
            report: r.id.clone(),
            section: section_of(r, sentence),
            sentence: sentence.clone(),
        },
    }
}

/// The id of the section holding a sentence ("" when not found).
pub fn section_of(r: &Report, sentence: &str) -> String {
    for s in r.all_sections() {
        for b in &s.blocks {
            if let crate::model::Block::Paragraph(p) = b {
                if p.sentences.iter().any(|x| x.id == sentence) {
                    return s.id.clone();
                }
            }
        }
    }
    String::new()
}

fn shown(i: &Indicator) -> String {
    let q = i.qualifier.as_deref().unwrap_or("");
    let v = match i.kind {
        IndicatorKind::Growth => i
            .change_text
            .clone()
            .unwrap_or_else(|| i.value_text.clone()),
        IndicatorKind::Level => format!(
            "{}{}",
            i.value_text,
            i.unit.trim_start_matches(unit_in_text(i))
        ),
    };
    let v = if q.is_empty() {
        v
    } else {
        format!("{v} ({q})")
    };
    match (&i.change_text, i.kind) {
        (Some(c), IndicatorKind::Level) => format!("{v}, {c}"),
        _ => v,
    }
}

fn unit_in_text(i: &Indicator) -> &str {
    if i.value_text.ends_with(&i.unit) {
        &i.unit
    } else {
        ""
    }
}

/// Every derived table of the model (joined targets/results, targets from prose, compare tables).
pub fn derived_tables(model: &Model) -> Vec<DerivedTable> {
    let mut out = Vec::new();
    for r in &model.reports {
        if let Some(t) = joined_table(model, r) {
            out.push(t);
        }
        if let Some(t) = prose_targets_table(model, r) {
            out.push(t);
        }
    }
    for r in &model.reports {
        if let Some(c) = city_of(model, r, '市') {
            if let Some(t) = compare_table(model, r, c) {
                out.push(t);
            }
        }
    }
    out
}

fn yl(y: Option<u16>, s: &str) -> String {
    y.map_or(s.to_string(), |y| format!("{y}年{s}"))
}

fn joined_table(model: &Model, r: &Report) -> Option<DerivedTable> {
    let rows = joined_rows(model, Some(&r.id));
    if rows.is_empty() {
        return None;
    }
    let ((rt, _), tt) = result_and_target_tables(r)?;
    let (ry, py) = (r.review_year, r.plan_year);
    let mut derived_from = vec![rt.id.clone()];
    if let Some((t, _)) = tt {
        derived_from.push(t.id.clone());
    }
    let o = |s: &Option<String>| s.clone().unwrap_or_else(|| "—".into());
    Some(DerivedTable {
        id: format!("{}:derived:joined", r.id),
        report: r.id.clone(),
        title: format!("目标与完成情况(派生:{})", derived_from.join(" + ")),
        columns: vec![
            "指标".into(),
            "类型".into(),
            yl(ry, "目标"),
            yl(ry, "完成"),
            "同比增长".into(),
            "评估".into(),
            "评估理由".into(),
            yl(py, "目标"),
        ],
        row_sources: rows.iter().map(|j| Some(j.source.clone())).collect(),
        rows: rows
            .iter()
            .map(|j| {
                let kind = match (&j.kind, &j.next_type) {
                    (Some(a), Some(b)) if a != b => format!("{a}→{b} (changed)"),
                    (a, b) => o(&a.clone().or(b.clone())),
                };
                vec![
                    j.metric.clone(),
                    kind,
                    o(&j.last_target),
                    o(&j.actual),
                    o(&j.change),
                    j.assessment.as_str().to_string(),
                    j.assessment_reason.clone(),
                    o(&j.next_target),
                ]
            })
            .collect(),
        derived_from,
    })
}

/// Sentences that state the year's main targets.
const GOAL_SENTENCE_WORDS: &[&str] = &["主要目标", "预期目标", "主要预期目标"];

fn prose_targets_table(model: &Model, r: &Report) -> Option<DerivedTable> {
    let st = stems(&model.reports);
    // Every sentence of a paragraph that announces the main targets.
    let goal_sentences: Vec<&str> = r
        .all_sections()
        .into_iter()
        .flat_map(|s| s.blocks.iter())
        .filter_map(|b| match b {
            crate::model::Block::Paragraph(p) => Some(p),
            _ => None,
        })
        .filter(|p| {
            p.sentences
                .iter()
                .any(|s| GOAL_SENTENCE_WORDS.iter().any(|w| s.text.contains(w)))
        })
        .flat_map(|p| p.sentences.iter())
        .map(|s| s.id.as_str())
        .collect();
    let targets: Vec<&Indicator> = r
        .indicators
        .iter()
        .filter(|i| {
            i.period == Period::Target
                && matches!(&i.source, IndicatorSource::Sentence { sentence, .. } if goal_sentences.contains(&sentence.as_str()))
        })
        .collect();
    if targets.is_empty() {
        return None;
    }
    let mut rows = Vec::new();
    let mut sources = Vec::new();
    let mut derived_from = Vec::new();
    for t in targets {
        let k = key(&t.metric, &st);
        let actual = r.indicators.iter().find(|i| {
            i.period == Period::Actual && i.year == r.review_year && key(&i.metric, &st) == k
        });
        derived_from.push(t.id.clone());
        if let Some(a) = actual {
            derived_from.push(a.id.clone());
        }
        rows.push(vec![
            t.metric.clone(),
            actual.map_or("—".into(), shown),
            shown(t),
            actual.map_or("—".into(), |a| a.id.clone()),
            t.id.clone(),
        ]);
        sources.push(Some(ind_loc(r, t)));
    }
    Some(DerivedTable {
        id: format!("{}:derived:prose-targets", r.id),
        report: r.id.clone(),
        title: "主要目标与上年完成情况(派生:正文)".into(),
        columns: vec![
            "指标".into(),
            yl(r.review_year, "完成"),
            yl(r.plan_year, "目标"),
            "完成记录".into(),
            "目标记录".into(),
        ],
        rows,
        row_sources: sources,
        derived_from,
    })
}

/// Metrics that are rates, ratios or per-head figures: a share of them means nothing.
const INTENSIVE_WORDS: &[&str] = &["人均", "每", "率", "比重", "比例", "占", "平均", "指数"];

fn compare_table(model: &Model, d: &Report, c: &Report) -> Option<DerivedTable> {
    let st = stems(&model.reports);
    let city_place = place(c).unwrap_or_default();
    let mut rows = Vec::new();
    let mut sources = Vec::new();
    let mut derived_from = Vec::new();
    let mut seen = Vec::new();
    let mut levels: Vec<&Indicator> = d
        .indicators
        .iter()
        .filter(|i| i.period == Period::Actual && i.kind == IndicatorKind::Level && i.unit != "%")
        .collect();
    levels.sort_by_key(|i| !matches!(i.source, IndicatorSource::Cell { .. }));
    for a in levels {
        let k = key(&a.metric, &st);
        if seen.contains(&k) {
            continue;
        }
        let stated = d.indicators.iter().find(|s| {
            s.unit == "%"
                && s.metric.starts_with(&a.metric)
                && s.metric[a.metric.len()..].starts_with("占全市")
        });
        let b = c.indicators.iter().find(|i| {
            i.period == Period::Actual
                && i.kind == IndicatorKind::Level
                && i.year == a.year
                && key(&i.metric, &st) == k
                && convert(1.0, &i.unit, &a.unit).is_some()
        });
        if b.is_none() && stated.is_none() {
            continue;
        }
        seen.push(k);
        // The district's printed unit is the common one.
        let unit = a.unit.clone();
        let av = a.value;
        let bv = b.and_then(|b| convert(b.value, &b.unit, &unit));
        let additive = !INTENSIVE_WORDS.iter().any(|w| a.metric.contains(w));
        let computed = bv.filter(|_| additive).map(|bv| av / bv * 100.0);
        let mut note = Vec::new();
        if let Some(q) = b.and_then(|b| b.qualifier.as_deref()) {
            note.push(format!(
                "{city_place} figure is {q}: the share is approximate"
            ));
        }
        let flag = match (computed, stated) {
            (Some(cs), Some(s)) => {
                let tol = share_tolerance(a, b, s, cs);
                if (cs - s.value).abs() <= tol {
                    format!("agrees (±{})", trim_float((tol * 100.0).round() / 100.0))
                } else {
                    format!(
                        "DISAGREES by {} points",
                        trim_float(((cs - s.value) * 100.0).round() / 100.0)
                    )
                }
            }
            (None, Some(_)) => format!("{city_place} figure not in the corpus"),
            _ => String::new(),
        };
        if !additive {
            note.push("a rate or per-head figure: no share".to_string());
        }
        derived_from.push(a.id.clone());
        if let Some(b) = b {
            derived_from.push(b.id.clone());
        }
        if let Some(s) = stated {
            derived_from.push(s.id.clone());
        }
        rows.push(vec![
            a.metric.clone(),
            a.year.map_or("—".into(), |y| y.to_string()),
            format!("{} {unit}", trim_float(av)),
            bv.map_or("—".into(), |v| format!("{} {unit}", trim_float(v))),
            computed.map_or("—".into(), |v| format!("{:.1}%", v)),
            stated.map_or("—".into(), |s| s.value_text.clone()),
            if flag.is_empty() {
                note.join("; ")
            } else {
                [flag]
                    .into_iter()
                    .chain(note)
                    .collect::<Vec<_>>()
                    .join("; ")
            },
        ]);
        sources.push(Some(ind_loc(d, a)));
    }
    if rows.is_empty() {
        return None;
    }
    Some(DerivedTable {
        id: format!("{}:derived:compare:{}", d.id, c.id),
        report: d.id.clone(),
        title: format!("{} 与 {} 同一指标对比(派生)", d.id, c.id),
        columns: vec![
            "指标".into(),
            "年份".into(),
            d.id.clone(),
            c.id.clone(),
            "占比(计算)".into(),
            "占比(原文)".into(),
            "核对".into(),
        ],
        rows,
        row_sources: sources,
        derived_from,
    })
}

/// How far a computed share may be from a stated one by rounding alone: half a
/// unit of the stated share's last digit, plus the rounding of both inputs.
fn share_tolerance(a: &Indicator, b: Option<&Indicator>, stated: &Indicator, computed: f64) -> f64 {
    let half =
        |i: &Indicator| 0.5 * 10f64.powi(-(decimals(&i.value_text.replace(&i.unit, "")) as i32));
    let rel = |i: &Indicator| {
        if i.value != 0.0 {
            half(i) / i.value.abs()
        } else {
            0.0
        }
    };
    half(stated) + computed * (rel(a) + b.map_or(0.0, rel))
}
