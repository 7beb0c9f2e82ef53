//! The target ledger: one row per region × year × metric key, joining a
//! report's headline target (`Report::headlines`, period target) with the
//! result for that year (the next year's report of the same region, or a plan
//! report's results table), the assessment, and the upper level's target for
//! the same year (national over province; a report's `parent_region` over a
//! city or district). Rules: docs/indicators.md "The ledger". Works on report
//! stubs (headlines are kept in a pack's stubs), never on the text.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::headline_names::KEYS;
use super::number::convert;
use super::target::{trim_float, Assessment, ABOUT_TOLERANCE, IN_STEP_TOLERANCE};
use crate::model::{Headline, HeadlineKind, IndicatorSource, Level, Period, Report};

/// One row of the ledger (the fields of `baogao targets`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LedgerRow {
    pub region: String,
    pub level: Option<Level>,
    /// The year the target is for (and the result is of).
    pub year: u16,
    pub key: String,
    /// The metric as printed by the target (else by the result).
    pub metric: String,
    /// growth, level, relative or no_number; None without a target.
    pub target_kind: Option<HeadlineKind>,
    pub target_text: Option<String>,
    pub target_value: Option<f64>,
    pub target_low: Option<f64>,
    pub target_high: Option<f64>,
    pub qualifier: Option<String>,
    pub unit: Option<String>,
    pub actual_text: Option<String>,
    /// The result in the target's terms (a growth rate for a growth target,
    /// the level in the target's unit for a level target).
    pub actual_value: Option<f64>,
    pub assessment: Assessment,
    pub assessment_reason: String,
    /// Result minus target (for a range, minus its nearer end; 0 inside).
    pub gap: Option<f64>,
    pub upper_region: Option<String>,
    pub upper_target_value: Option<f64>,
    /// Target minus the upper level's target, when both are figures of one kind (加码 when above).
    pub upper_difference: Option<f64>,
    /// Report and place of the target and of the result.
    pub report: Option<String>,
    pub source: Option<IndicatorSource>,
    pub actual_report: Option<String>,
    pub actual_source: Option<IndicatorSource>,
}

/// Metrics whose target is a ceiling: a result below "3%左右" meets it.
const CEILINGS: &[&str] = &["cpi", "unemployment_rate"];

type Key<'a> = (&'a str, u16, &'a str);

struct Found<'a> {
    report: &'a Report,
    h: &'a Headline,
}

/// The ledger of a model's reports (stubs are enough), sorted by level,
/// region, year and key.
pub fn ledger(reports: &[Report]) -> Vec<LedgerRow> {
    ledger_of(reports, None)
}

/// The rows of one metric key only (what a view of one metric needs: about
/// a thirteenth of the work of the whole ledger, same rows).
pub fn ledger_for(reports: &[Report], key: &str) -> Vec<LedgerRow> {
    ledger_of(reports, Some(key))
}

/// The metric keys that have ledger rows, in `KEYS` order.
pub fn ledger_keys(reports: &[Report]) -> Vec<&'static str> {
    let mut seen = vec![false; KEYS.len()];
    for r in reports {
        if r.region.as_deref().is_some_and(|s| !s.is_empty()) {
            for h in r.headlines.iter().filter(|h| h.year.is_some()) {
                if let Some(i) = KEYS.iter().position(|k| *k == h.key) {
                    seen[i] = true;
                }
            }
        }
    }
    KEYS.iter()
        .zip(seen)
        .filter(|(_, s)| *s)
        .map(|(k, _)| *k)
        .collect()
}

fn ledger_of(reports: &[Report], only: Option<&str>) -> Vec<LedgerRow> {
    let mut targets: HashMap<Key, Found> = HashMap::new();
    let mut actuals: HashMap<Key, Vec<Found>> = HashMap::new();
    let mut level: HashMap<&str, Level> = HashMap::new();
    let mut parent: HashMap<&str, &str> = HashMap::new();
    let mut national: Option<&str> = None;
    let mut years_of: HashMap<&str, Vec<u16>> = HashMap::new();
    for r in reports {
        let Some(region) = r.region.as_deref().filter(|s| !s.is_empty()) else {
            continue;
        };
        if let Some(l) = r.level {
            level.entry(region).or_insert(l);
            if l == Level::National && national.is_none() {
                national = Some(region);
            }
        }
        if let Some(p) = r.parent_region.as_deref() {
            parent.entry(region).or_insert(p);
        }
        if let Some(y) = r.plan_year {
            years_of.entry(region).or_default().push(y);
        }
        for h in &r.headlines {
            let Some(y) = h.year else { continue };
            // one key's rows also need the gdp results (an assessment in step
            // with growth reads them)
            if only.is_some_and(|o| o != h.key && !(h.key == "gdp" && h.period == Period::Actual)) {
                continue;
            }
            let k = (region, y, h.key.as_str());
            match h.period {
                Period::Target => {
                    // the report for that year first, then any (a results table's 年度目标)
                    let better = match targets.get(&k) {
                        None => true,
                        Some(f) => f.report.plan_year != Some(y) && r.plan_year == Some(y),
                    };
                    if better {
                        targets.insert(k, Found { report: r, h });
                    }
                }
                Period::Actual => actuals.entry(k).or_default().push(Found { report: r, h }),
            }
        }
    }
    let upper_of = |region: &str| -> Option<&str> {
        match level.get(region) {
            Some(Level::National) | None => None,
            Some(Level::Province) => national,
            Some(_) => parent.get(region).copied(),
        }
    };
    let mut keys: Vec<Key> = targets
        .keys()
        .chain(actuals.keys())
        .filter(|k| only.is_none_or(|o| o == k.2))
        .copied()
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let mut rows = Vec::with_capacity(keys.len());
    for k in &keys {
        let &(region, year, key) = k;
        let year = &year;
        let t = targets.get(k);
        let a = pick_actual(actuals.get(k), t.map(|f| f.h));
        let gdp = actuals
            .get(&(region, *year, "gdp"))
            .and_then(|v| v.iter().find(|f| f.h.kind == HeadlineKind::Growth));
        let upper_region = upper_of(region);
        let upper_t = upper_region.and_then(|u| targets.get(&(u, *year, key)));
        let upper_a = upper_region.and_then(|u| {
            actuals
                .get(&(u, *year, key))
                .and_then(|v| v.iter().find(|f| f.h.kind == HeadlineKind::Growth))
        });
        let (assessment, reason, actual_value, gap) = match t {
            None => (
                Assessment::Unknown,
                format!("no {year} target found in {region}'s reports"),
                a.and_then(|f| f.h.value),
                None,
            ),
            Some(t) => assess(
                key,
                t.h,
                a.map(|f| f.h),
                gdp.map(|f| f.h),
                upper_a.map(|f| (upper_region.unwrap_or(""), f.h)),
                || missing_actual(region, *year, key, years_of.get(region)),
            ),
        };
        let upper_target_value = upper_t.and_then(|f| f.h.value);
        let upper_difference = match (t, upper_t) {
            (Some(t), Some(u)) if t.h.kind == u.h.kind && t.h.unit == u.h.unit => {
                t.h.value.zip(u.h.value).map(|(a, b)| round4(a - b))
            }
            _ => None,
        };
        let shown = t.or(a).map(|f| f.h);
        rows.push(LedgerRow {
            region: region.to_string(),
            level: level.get(region).copied(),
            year: *year,
            key: key.to_string(),
            metric: shown.map(|h| h.metric.clone()).unwrap_or_default(),
            target_kind: t.map(|f| f.h.kind),
            target_text: t.map(|f| f.h.text.clone()),
            target_value: t.and_then(|f| f.h.value),
            target_low: t.and_then(|f| f.h.low),
            target_high: t.and_then(|f| f.h.high),
            qualifier: t.and_then(|f| f.h.qualifier.clone()),
            unit: t.and_then(|f| f.h.unit.clone()),
            actual_text: a.map(|f| f.h.text.clone()),
            actual_value,
            assessment,
            assessment_reason: reason,
            gap,
            upper_region: upper_region.map(str::to_string),
            upper_target_value,
            upper_difference,
            report: t.map(|f| f.report.id.clone()),
            source: t.map(|f| f.h.source.clone()),
            actual_report: a.map(|f| f.report.id.clone()),
            actual_source: a.map(|f| f.h.source.clone()),
        });
    }
    let level_order = |l: Option<Level>| l.map_or(9, |l| l as u8);
    let key_order = |k: &str| KEYS.iter().position(|x| *x == k).unwrap_or(KEYS.len());
    rows.sort_by(|a, b| {
        (level_order(a.level), &a.region, a.year, key_order(&a.key)).cmp(&(
            level_order(b.level),
            &b.region,
            b.year,
            key_order(&b.key),
        ))
    });
    rows
}

/// Why a target has no result: the next year's report is missing, or says nothing.
fn missing_actual(region: &str, year: u16, key: &str, years: Option<&Vec<u16>>) -> String {
    let next = year + 1;
    if years.is_some_and(|v| v.contains(&next)) {
        format!("{region}'s {next} report states no {key} result for {year}")
    } else {
        format!("no {next} report of {region} in the model (the {year} result is read there)")
    }
}

/// The result to judge a target by: of the target's kind when there is one.
fn pick_actual<'a>(v: Option<&'a Vec<Found<'a>>>, t: Option<&Headline>) -> Option<&'a Found<'a>> {
    let v = v?;
    let same_name = |f: &&Found| t.is_some_and(|t| t.metric == f.h.metric);
    let fits = |f: &&Found| match t.map(|t| t.kind) {
        Some(HeadlineKind::Level) => f.h.kind == HeadlineKind::Level || f.h.level_value.is_some(),
        _ => f.h.kind == HeadlineKind::Growth || f.h.kind == HeadlineKind::Level,
    };
    v.iter()
        .filter(fits)
        .find(same_name)
        .or_else(|| v.iter().find(fits))
        .or_else(|| v.first())
}

fn round4(v: f64) -> f64 {
    (v * 1e4).round() / 1e4
}

fn decimals(v: f64) -> i32 {
    trim_float(v)
        .split_once('.')
        .map_or(0, |(_, d)| d.len() as i32)
}

/// Assess a target against a result: (assessment, reason, result in the
/// target's terms, gap).
fn assess(
    key: &str,
    t: &Headline,
    a: Option<&Headline>,
    gdp: Option<&Headline>,
    upper: Option<(&str, &Headline)>,
    missing: impl Fn() -> String,
) -> (Assessment, String, Option<f64>, Option<f64>) {
    let unknown = |why: String| (Assessment::Unknown, why, None, None);
    if t.kind == HeadlineKind::NoNumber {
        return unknown(format!("no numeric target: \"{}\"", t.text));
    }
    let Some(a) = a else {
        return unknown(missing());
    };
    if t.kind == HeadlineKind::Relative {
        let Some(g) = a.value.filter(|_| a.kind == HeadlineKind::Growth) else {
            return unknown(format!(
                "relative target \"{}\": the result states no growth rate",
                t.text
            ));
        };
        let text = &t.text;
        if text.contains("同步") && ["经济", "生产总值", "GDP"].iter().any(|w| text.contains(w))
        {
            let Some(r) = gdp.and_then(|h| h.value) else {
                return unknown(format!(
                    "relative target \"{text}\": no GDP growth result to compare with"
                ));
            };
            let d = g - r;
            let v = if d.abs() <= IN_STEP_TOLERANCE + 1e-9 {
                Assessment::Met
            } else if d > 0.0 {
                Assessment::Exceeded
            } else {
                Assessment::Missed
            };
            return (
                v,
                format!(
                    "\"{text}\": 增长{}% vs GDP 增长{}% (in step within {IN_STEP_TOLERANCE} point): {}",
                    trim_float(g),
                    trim_float(r),
                    v.as_str()
                ),
                Some(g),
                Some(round4(d)),
            );
        }
        if ["高于", "快于"].iter().any(|w| text.contains(w)) {
            if let Some((u, h)) = upper.filter(|(u, _)| {
                let stem = super::metric::place_stem(u);
                ["全国", "全省", stem.as_str()]
                    .iter()
                    .any(|w| text.contains(w))
            }) {
                if let Some(r) = h.value {
                    let v = if g > r + 1e-9 {
                        Assessment::Met
                    } else {
                        Assessment::Missed
                    };
                    return (
                        v,
                        format!(
                            "\"{text}\": 增长{}% vs {u} 增长{}%: {}",
                            trim_float(g),
                            trim_float(r),
                            v.as_str()
                        ),
                        Some(g),
                        Some(round4(g - r)),
                    );
                }
            }
        }
        return (
            Assessment::Unknown,
            format!("relative target \"{text}\" has no figure the ledger can check"),
            Some(g),
            None,
        );
    }
    let Some(tv) = t.value else {
        return unknown("the target states no figure".into());
    };
    // the result in the target's terms
    let av = match t.kind {
        HeadlineKind::Growth if a.kind == HeadlineKind::Growth => a.value,
        HeadlineKind::Level => {
            let unit = t.unit.as_deref().unwrap_or("");
            let direct = (a.kind == HeadlineKind::Level)
                .then(|| a.value.zip(a.unit.as_deref()))
                .flatten();
            let level = direct.or(a.level_value.zip(a.level_unit.as_deref()));
            level.and_then(|(v, u)| {
                if u == unit {
                    Some(v)
                } else {
                    convert(v, u, unit)
                }
            })
        }
        _ => None,
    };
    let Some(av) = av else {
        return unknown(format!(
            "\"{}\" vs \"{}\": the result is not stated in the target's terms",
            t.text, a.text
        ));
    };
    let quals: Vec<&str> = t
        .qualifier
        .as_deref()
        .map(|q| q.split('\u{3001}').collect())
        .unwrap_or_default();
    let has = |ws: &[&str]| quals.iter().any(|q| ws.contains(q));
    let dec = decimals(t.high.unwrap_or(tv)).max(decimals(tv));
    let rounded = {
        let f = 10f64.powi(dec);
        (av * f).round() / f
    };
    let about = has(&["左右", "约", "近"]);
    let tol = if about {
        (tv.abs() * ABOUT_TOLERANCE).max(0.5 * 10f64.powi(-dec))
    } else {
        0.0
    };
    let floor = has(&["以上", "超过", "不低于", "不少于", "突破"]);
    let ceiling =
        has(&["以内", "以下", "之内", "不超过", "控制在"]) || (CEILINGS.contains(&key) && !floor);
    let (v, gap, rule) = if let (Some(lo), Some(hi)) = (t.low, t.high) {
        if rounded < lo - 1e-9 {
            (Assessment::Missed, av - lo, "range")
        } else if rounded > hi + 1e-9 {
            if ceiling {
                (Assessment::Missed, av - hi, "range, a ceiling")
            } else {
                (Assessment::Exceeded, av - hi, "range")
            }
        } else {
            (Assessment::Met, 0.0, "range")
        }
    } else if floor {
        let v = if av >= tv - 1e-9 {
            Assessment::Met
        } else {
            Assessment::Missed
        };
        (v, av - tv, "a floor")
    } else if ceiling {
        let v = if av <= tv + tol + 1e-9 {
            Assessment::Met
        } else {
            Assessment::Missed
        };
        (
            v,
            av - tv,
            if about {
                "a ceiling, about"
            } else {
                "a ceiling"
            },
        )
    } else if about {
        let v = if (av - tv).abs() <= tol + 1e-9 {
            Assessment::Met
        } else if av > tv {
            Assessment::Exceeded
        } else {
            Assessment::Missed
        };
        (v, av - tv, "about")
    } else {
        let v = if (rounded - tv).abs() < 1e-9 {
            Assessment::Met
        } else if rounded > tv {
            Assessment::Exceeded
        } else {
            Assessment::Missed
        };
        (v, av - tv, "a bare figure, at its printed precision")
    };
    let tol_note = if about && tol > 0.0 {
        format!(" within {}", trim_float(round4(tol)))
    } else {
        String::new()
    };
    (
        v,
        format!(
            "\"{}\" vs \"{}\" ({rule}{tol_note}): {}",
            t.text,
            a.text,
            v.as_str()
        ),
        Some(av),
        Some(round4(gap)),
    )
}

/// Rows per (region, key) by year, for a chart or a year-by-region grid.
pub fn by_region(rows: &[LedgerRow], key: &str) -> BTreeMap<String, Vec<LedgerRow>> {
    let mut m: BTreeMap<String, Vec<LedgerRow>> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.key == key) {
        m.entry(r.region.clone()).or_default().push(r.clone());
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn h(
        key: &str,
        period: Period,
        year: u16,
        kind: HeadlineKind,
        value: Option<f64>,
        text: &str,
    ) -> Headline {
        Headline {
            key: key.into(),
            metric: "生产总值".into(),
            period,
            year: Some(year),
            kind,
            text: text.into(),
            value,
            low: None,
            high: None,
            unit: value.map(|_| "%".to_string()),
            qualifier: None,
            level_value: None,
            level_unit: None,
            source: IndicatorSource::Sentence {
                sentence: format!("{key}:{year}"),
                span: Span(0, 1),
            },
        }
    }

    fn report(id: &str, region: &str, level: Level, plan: u16, hl: Vec<Headline>) -> Report {
        let mut r = Report::empty(id, "t");
        r.region = Some(region.into());
        r.level = Some(level);
        r.plan_year = Some(plan);
        r.review_year = Some(plan - 1);
        r.headlines = hl;
        r
    }

    fn q(mut x: Headline, q: &str) -> Headline {
        x.qualifier = Some(q.into());
        x
    }

    fn row<'a>(rows: &'a [LedgerRow], region: &str, year: u16, key: &str) -> &'a LedgerRow {
        rows.iter()
            .find(|r| r.region == region && r.year == year && r.key == key)
            .unwrap()
    }

    #[test]
    fn targets_meet_next_years_results_and_the_upper_level() {
        use HeadlineKind::{Growth, NoNumber, Relative};
        use Period::*;
        let mut range = h("gdp", Target, 2024, Growth, Some(5.0), "增长5%\u{2014}5.5%");
        range.low = Some(5.0);
        range.high = Some(5.5);
        let reports = vec![
            report(
                "china-2024",
                "全国",
                Level::National,
                2024,
                vec![q(
                    h("gdp", Target, 2024, Growth, Some(5.0), "增长5%左右"),
                    "左右",
                )],
            ),
            report(
                "china-2025",
                "全国",
                Level::National,
                2025,
                vec![h("gdp", Actual, 2024, Growth, Some(5.0), "增长5%")],
            ),
            report(
                "js-2024",
                "江南省",
                Level::Province,
                2024,
                vec![
                    range,
                    q(
                        h(
                            "cpi",
                            Target,
                            2024,
                            HeadlineKind::Level,
                            Some(3.0),
                            "涨幅3%左右",
                        ),
                        "左右",
                    ),
                    q(
                        h(
                            "unemployment_rate",
                            Target,
                            2024,
                            HeadlineKind::Level,
                            Some(5.5),
                            "5.5%以内",
                        ),
                        "以内",
                    ),
                    h(
                        "fiscal_revenue",
                        Target,
                        2024,
                        Relative,
                        None,
                        "与经济增长同步",
                    ),
                    h("grain_output", Target, 2024, NoNumber, None, "没有提出"),
                ],
            ),
            report(
                "js-2025",
                "江南省",
                Level::Province,
                2025,
                vec![
                    h("gdp", Actual, 2024, Growth, Some(5.8), "增长5.8%"),
                    h(
                        "cpi",
                        Actual,
                        2024,
                        HeadlineKind::Level,
                        Some(0.2),
                        "上涨0.2%",
                    ),
                    h(
                        "unemployment_rate",
                        Actual,
                        2024,
                        HeadlineKind::Level,
                        Some(5.6),
                        "5.6%",
                    ),
                    h(
                        "fiscal_revenue",
                        Actual,
                        2024,
                        Growth,
                        Some(5.5),
                        "增长5.5%",
                    ),
                ],
            ),
        ];
        let rows = ledger(&reports);
        let gdp = row(&rows, "江南省", 2024, "gdp");
        assert_eq!(
            gdp.assessment,
            Assessment::Exceeded,
            "{}",
            gdp.assessment_reason
        );
        assert_eq!(gdp.gap, Some(0.3));
        assert_eq!(gdp.upper_region.as_deref(), Some("全国"));
        assert_eq!(gdp.upper_target_value, Some(5.0));
        assert_eq!(gdp.upper_difference, Some(0.0));
        assert_eq!(gdp.actual_report.as_deref(), Some("js-2025"));
        // a price target is a ceiling: far below it is met
        assert_eq!(
            row(&rows, "江南省", 2024, "cpi").assessment,
            Assessment::Met
        );
        assert_eq!(
            row(&rows, "江南省", 2024, "unemployment_rate").assessment,
            Assessment::Missed
        );
        // in step with GDP within half a point
        let f = row(&rows, "江南省", 2024, "fiscal_revenue");
        assert_eq!(f.assessment, Assessment::Met, "{}", f.assessment_reason);
        let g = row(&rows, "江南省", 2024, "grain_output");
        assert_eq!(g.assessment, Assessment::Unknown);
        assert!(g.assessment_reason.contains("no numeric target"));
        // national: met within 5% of 5
        assert_eq!(row(&rows, "全国", 2024, "gdp").assessment, Assessment::Met);
        // 2025 has no report after it
        assert!(rows.iter().all(|r| r.year == 2024));
        // one metric's rows are the whole ledger's rows of that key (the
        // fiscal revenue, judged in step with GDP, still sees the GDP result)
        let keys = ledger_keys(&reports);
        assert!(keys.contains(&"fiscal_revenue") && keys.contains(&"gdp"));
        for k in keys {
            let mine: Vec<LedgerRow> = rows.iter().filter(|r| r.key == k).cloned().collect();
            assert!(!mine.is_empty(), "{k}");
            assert_eq!(ledger_for(&reports, k), mine, "{k}");
        }
        assert!(ledger_for(&reports, "no_such_key").is_empty());
    }

    #[test]
    fn a_missing_result_says_why() {
        use HeadlineKind::Growth;
        use Period::*;
        let reports = vec![
            report(
                "a-2020",
                "甲市",
                Level::City,
                2020,
                vec![h("gdp", Target, 2020, Growth, Some(6.0), "增长6%")],
            ),
            report(
                "a-2021",
                "甲市",
                Level::City,
                2021,
                vec![h("gdp", Target, 2021, Growth, Some(6.0), "增长6%")],
            ),
        ];
        let rows = ledger(&reports);
        assert!(row(&rows, "甲市", 2020, "gdp")
            .assessment_reason
            .contains("states no gdp result"));
        assert!(row(&rows, "甲市", 2021, "gdp")
            .assessment_reason
            .contains("no 2022 report"));
        assert_eq!(row(&rows, "甲市", 2021, "gdp").upper_region, None);
    }

    #[test]
    fn bounds_and_bare_figures() {
        use HeadlineKind::Growth;
        use Period::*;
        let t = |v: f64, text: &str, qual: &str| {
            let x = h("gdp", Target, 2024, Growth, Some(v), text);
            if qual.is_empty() {
                x
            } else {
                q(x, qual)
            }
        };
        let a = |v: f64| h("gdp", Actual, 2024, Growth, Some(v), "增长");
        let run = |t: Headline, a: Headline| assess("gdp", &t, Some(&a), None, None, String::new).0;
        assert_eq!(
            run(t(7.0, "增长7%以上", "以上"), a(6.9)),
            Assessment::Missed
        );
        assert_eq!(run(t(7.0, "增长7%以上", "以上"), a(9.0)), Assessment::Met);
        assert_eq!(
            run(t(7.0, "增长7%", ""), a(7.04)),
            Assessment::Met,
            "printed precision"
        );
        assert_eq!(run(t(7.0, "增长7%", ""), a(7.6)), Assessment::Exceeded);
        // within 5% of 7 or half its last printed digit (0.5), the larger
        assert_eq!(run(t(7.0, "增长7%左右", "左右"), a(6.5)), Assessment::Met);
        assert_eq!(
            run(t(7.0, "增长7%左右", "左右"), a(6.4)),
            Assessment::Missed
        );
        assert_eq!(
            run(t(7.0, "增长7%左右", "左右"), a(7.6)),
            Assessment::Exceeded
        );
    }
}
