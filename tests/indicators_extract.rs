//! Indicator extraction on the bundled reports against a hand-checked list
//! (tests/data/indicators_expected.json: each entry checked against the
//! corpus text it quotes), plus precision traps seen while writing the rules.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use baogao::model::{Indicator, Model, Period};
use serde::Deserialize;

#[derive(Deserialize)]
struct Expected {
    report: String,
    metric: String,
    value: f64,
    unit: String,
    change: Option<f64>,
    period: String,
    qualifier: Option<String>,
    year: Option<u16>,
    text: String,
}

fn model() -> Model {
    common::bundled()
}

fn all(m: &Model) -> Vec<&Indicator> {
    m.reports.iter().flat_map(|r| r.indicators.iter()).collect()
}

fn period(p: &str) -> Period {
    if p == "target" {
        Period::Target
    } else {
        Period::Actual
    }
}

#[test]
fn hand_checked_statements_are_extracted_exactly() {
    let m = model();
    let list: Vec<Expected> =
        serde_json::from_str(include_str!("data/indicators_expected.json")).unwrap();
    assert!(list.len() >= 40);
    assert!(list
        .iter()
        .any(|e| e.report == "shanghai-2024-plan" && e.period == "target"));
    assert!(list
        .iter()
        .any(|e| e.report == "pudong-2024-plan" && e.period == "actual"));
    let recs = all(&m);
    let mut failures = Vec::new();
    for e in &list {
        let hit = recs.iter().find(|r| {
            r.report == e.report
                && r.metric == e.metric
                && (r.value - e.value).abs() < 1e-9
                && r.unit == e.unit
                && r.period == period(&e.period)
                && e.year.is_none_or(|y| r.year == Some(y))
        });
        match hit {
            None => failures.push(format!(
                "missing: {} {} {}{} ({})",
                e.report, e.metric, e.value, e.unit, e.text
            )),
            Some(r) => {
                let change_ok = match (e.change, r.change) {
                    (None, None) => true,
                    (Some(a), Some(b)) => (a - b).abs() < 1e-9,
                    _ => false,
                };
                if !change_ok {
                    failures.push(format!(
                        "change of {}: {:?} != {:?}",
                        e.metric, r.change, e.change
                    ));
                }
                if let Some(q) = &e.qualifier {
                    if !r
                        .qualifier
                        .as_deref()
                        .is_some_and(|rq| rq.contains(q.as_str()))
                    {
                        failures.push(format!("qualifier of {}: {:?}", e.metric, r.qualifier));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn base_values_normalize_comparable_units() {
    let m = model();
    let recs = all(&m);
    let gdp = recs
        .iter()
        .find(|r| r.metric == "全市生产总值" && r.period == Period::Actual)
        .unwrap();
    assert_eq!(gdp.base_value, Some(47200.0));
    assert_eq!(gdp.base_unit.as_deref(), Some("亿元"));
    let unemployed = recs
        .iter()
        .find(|r| r.metric == "本市户籍城乡登记失业人数" && r.period == Period::Actual)
        .unwrap();
    assert_eq!(unemployed.base_value, Some(3.1442));
    assert_eq!(unemployed.base_unit.as_deref(), Some("万人"));
}

#[test]
fn every_record_points_at_a_real_source() {
    let m = model();
    for r in &m.reports {
        assert!(!r.indicators.is_empty(), "{} has no indicators", r.id);
        let problems = baogao::model::validate::validate(&m);
        assert!(problems.is_empty(), "{problems:?}");
    }
}

#[test]
fn precision_traps_make_no_record() {
    let m = model();
    for r in all(&m) {
        // "上半年增速冲高至9.7%": a half-year rate with a verb for a name.
        assert!(!r.metric.contains("冲高"), "{}", r.metric);
        // "达到2022年全年的2.4倍": relative to another year.
        assert_ne!(r.unit, "倍");
        // "签约1003台": 约 inside 签约 is not "about".
        assert!(!(r.metric.ends_with("签") && r.qualifier.as_deref() == Some("约")));
        // "共享充电桩" keeps its 共.
        assert!(!r.metric.contains("新增享"), "{}", r.metric);
        // "发布临港科技创新20条": a policy's name, not a count.
        assert!(!r.metric.starts_with("发布"), "{}", r.metric);
        // A metric never carries a number with a unit or a clause break.
        assert!(!r.metric.contains(','), "{}", r.metric);
        // "较2022年提高3.7个百分点" is not a metric.
        assert!(!r.metric.contains("2022年"), "{}", r.metric);
    }
}

#[test]
fn the_results_table_gives_signed_growth_from_its_column() {
    let m = model();
    let r = all(&m)
        .into_iter()
        .find(|r| r.metric == "商品销售总额" && r.period == Period::Actual)
        .unwrap();
    assert_eq!(r.change, Some(-4.3));
    assert_eq!(r.change_text.as_deref(), Some("-4.3%"));
    assert!(matches!(
        r.source,
        baogao::model::IndicatorSource::Cell {
            row: 5,
            column: 3,
            ..
        }
    ));
}
