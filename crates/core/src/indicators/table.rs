//! Records from printed indicator tables: a results table (指标 | 类型 | 完成数 |
//! 同比增长 | 年度目标) and a targets table (指标名称 | 属性 | 2024年预期目标).
//! Columns are recognized by their names, not their positions.

use super::number::numbers;
use super::record;
use super::target::{parse_target, TargetPart};
use crate::model::indicator::IndicatorKind;
use crate::model::{Indicator, IndicatorSource, Period, Report, Table, TableKind};

/// Which column holds what, by column name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    pub metric: Option<usize>,
    pub kind: Option<usize>,
    pub actual: Option<usize>,
    pub growth: Option<usize>,
    pub target: Option<usize>,
    /// Year the table is about (from the caption or the target column name).
    pub year: Option<u16>,
    /// Year of the target column, when it names one ("2024年预期目标").
    pub target_year: Option<u16>,
}

impl Layout {
    /// A table this module can read: an indicator name column plus actual or target values.
    pub fn is_indicator_table(&self) -> bool {
        self.metric.is_some() && (self.actual.is_some() || self.target.is_some())
    }
}

/// Recognize the columns of a grid table.
pub fn layout(t: &Table) -> Layout {
    let mut l = Layout::default();
    if t.kind != TableKind::Grid {
        return l;
    }
    for (i, c) in t.columns.iter().enumerate() {
        let c: String = c.split_whitespace().collect();
        let set = |slot: &mut Option<usize>| {
            if slot.is_none() {
                *slot = Some(i);
            }
        };
        if c.contains("类型") || c.contains("属性") {
            set(&mut l.kind);
        } else if c.contains("目标") || c.contains("计划") {
            set(&mut l.target);
            l.target_year = first_year(&c);
        } else if c.contains("增长") || c.contains("增速") || c.contains("同比") {
            set(&mut l.growth);
        } else if c.contains("完成") || c.contains("实际") {
            set(&mut l.actual);
        } else if c.contains("指标") || c.contains("名称") || c.contains("项目") {
            set(&mut l.metric);
        }
    }
    l.year = first_year(&t.caption).or(l.target_year);
    l
}

fn first_year(s: &str) -> Option<u16> {
    let c: Vec<char> = s.chars().collect();
    c.windows(5).find_map(|w| {
        (w[..4].iter().all(|c| c.is_ascii_digit()) && w[4] == '年')
            .then(|| w[..4].iter().collect::<String>().parse().ok())
            .flatten()
    })
}

/// The metric of a row, as printed (whitespace removed).
pub fn row_metric(t: &Table, l: &Layout, row: usize) -> Option<String> {
    let m: String = t
        .rows
        .get(row)?
        .get(l.metric?)?
        .split_whitespace()
        .collect();
    (!m.is_empty()).then_some(m)
}

/// A value cell: a number and unit at the start ("1703家 有效期内高企总数4922家" → 1703家).
pub fn cell_value(cell: &str) -> Option<(f64, String, String)> {
    let chars: Vec<char> = cell.trim().chars().collect();
    let n = numbers(&chars, true).into_iter().next()?;
    (n.start == 0 && !n.unit.is_empty()).then(|| {
        let text: String = chars[..n.end].iter().collect();
        (n.value, text, n.unit)
    })
}

/// A growth cell: exactly a signed percentage ("-4.3%").
pub fn cell_growth(cell: &str) -> Option<(f64, String)> {
    let chars: Vec<char> = cell.trim().chars().collect();
    let n = numbers(&chars, true).into_iter().next()?;
    (n.start == 0 && n.end == chars.len() && n.unit == "%")
        .then(|| (n.value, cell.trim().to_string()))
}

/// Records of one table (none when its columns are not recognized).
pub fn extract_table(report: &Report, t: &Table) -> Vec<Indicator> {
    let l = layout(t);
    let mut out = Vec::new();
    if !l.is_indicator_table() {
        return out;
    }
    let actual_year = l.year.or(report.review_year);
    for (ri, row) in t.rows.iter().enumerate() {
        let Some(metric) = row_metric(t, &l, ri) else {
            continue;
        };
        let growth = l
            .growth
            .and_then(|g| row.get(g))
            .and_then(|c| cell_growth(c));
        if let Some(ac) = l.actual {
            if let Some((v, text, unit)) = row.get(ac).and_then(|c| cell_value(c)) {
                // "居民人均可支配收入增幅 | 90985元 | 8.2%": the level is the income itself.
                let mut m = metric.clone();
                if unit != "%" {
                    for suffix in ["增幅", "增速", "增长率"] {
                        if let Some(s) = m.strip_suffix(suffix) {
                            m = s.to_string();
                        }
                    }
                }
                out.push(record(
                    report,
                    m,
                    IndicatorKind::Level,
                    v,
                    text,
                    unit,
                    (
                        growth.as_ref().map(|g| g.1.clone()),
                        growth.as_ref().map(|g| g.0),
                        growth.as_ref().map(|_| "%".to_string()),
                    ),
                    None,
                    Period::Actual,
                    actual_year,
                    IndicatorSource::Cell {
                        table: t.id.clone(),
                        row: ri,
                        column: ac,
                    },
                ));
            }
        }
        if let Some(tc) = l.target {
            let year = if l.actual.is_some() {
                actual_year
            } else {
                l.target_year.or(l.year).or(report.plan_year)
            };
            if let Some(cell) = row.get(tc) {
                out.extend(target_records(report, t, &metric, cell, ri, tc, year));
            }
        }
    }
    out
}

fn target_records(
    report: &Report,
    t: &Table,
    metric: &str,
    cell: &str,
    row: usize,
    column: usize,
    year: Option<u16>,
) -> Vec<Indicator> {
    let tg = parse_target(cell);
    let source = || IndicatorSource::Cell {
        table: t.id.clone(),
        row,
        column,
    };
    let qual = |q: &Option<String>| match (tg.aspiration, q) {
        (true, Some(q)) => Some(format!("力争、{q}")),
        (true, None) => Some("力争".to_string()),
        (false, q) => q.clone(),
    };
    let growth = tg.parts.iter().find_map(|p| match p {
        TargetPart::Growth {
            value,
            text,
            qualifier,
        } => Some((*value, text.clone(), qualifier.clone())),
        _ => None,
    });
    let mut out = Vec::new();
    let mut level_done = false;
    for p in &tg.parts {
        if let TargetPart::Level {
            value,
            text,
            unit,
            qualifier,
        } = p
        {
            if level_done {
                continue;
            }
            level_done = true;
            let vt = text
                .trim_end_matches(qualifier.as_deref().unwrap_or(""))
                .to_string();
            out.push(record(
                report,
                metric.to_string(),
                IndicatorKind::Level,
                *value,
                vt,
                unit.clone(),
                (
                    growth.as_ref().map(|g| g.1.clone()),
                    growth.as_ref().map(|g| g.0),
                    growth.as_ref().map(|_| "%".to_string()),
                ),
                qual(qualifier),
                Period::Target,
                year,
                source(),
            ));
        }
    }
    if let (false, Some((v, text, q))) = (level_done, growth) {
        out.push(record(
            report,
            metric.to_string(),
            IndicatorKind::Growth,
            v,
            format!("{}%", super::target::trim_float(v)),
            "%".to_string(),
            (Some(text), Some(v), Some("%".to_string())),
            qual(&q),
            Period::Target,
            year,
            source(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(tables: Vec<Table>) -> Report {
        Report {
            region: Some("某市".into()),
            review_year: Some(2023),
            plan_year: Some(2024),
            tables,
            ..Report::empty("x-2023", "关于某市2023年计划执行情况的报告")
        }
    }

    fn table(id: &str, caption: &str, columns: &[&str], rows: &[&[&str]]) -> Table {
        Table::grid(id, "1", caption, columns, rows)
    }

    #[test]
    fn columns_are_found_by_name_in_any_order() {
        let t = table(
            "x:t1",
            "2023年主要指标完成情况",
            &["年度目标", "指标", "同比增长", "完成数", "类型"],
            &[&["增长6%左右", "地区生产总值", "-1.5%", "1.2万亿元", "预期性"]],
        );
        let r = report(vec![t.clone()]);
        let recs = extract_table(&r, &t);
        assert_eq!(recs.len(), 2);
        let a = &recs[0];
        assert_eq!(
            (a.metric.as_str(), a.value, a.unit.as_str()),
            ("地区生产总值", 1.2, "万亿元")
        );
        assert_eq!(a.change, Some(-1.5));
        assert_eq!(a.base_value, Some(12000.0));
        assert_eq!(a.period, Period::Actual);
        let t2 = &recs[1];
        assert_eq!(
            (t2.kind, t2.value, t2.period, t2.year),
            (IndicatorKind::Growth, 6.0, Period::Target, Some(2023))
        );
    }

    #[test]
    fn a_targets_table_takes_the_year_of_its_column() {
        let t = table(
            "x:t3",
            "主要指标",
            &["序号", "指标名称", "属性", "2024年预期目标"],
            &[
                &["1", "实到外资", "预期性", "105亿美元"],
                &["2", "外贸进出口总额", "预期性", "持平"],
            ],
        );
        let r = report(vec![t.clone()]);
        let recs = extract_table(&r, &t);
        assert_eq!(recs.len(), 1, "持平 states no figure");
        assert_eq!((recs[0].value, recs[0].year), (105.0, Some(2024)));
    }
}
