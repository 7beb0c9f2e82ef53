//! Small hand-built models for the explorer's tests, snapshots and benches
//! (the builder is not needed to test the explorer). Not used by the app.

use crate::model::*;

fn para(id: &str, sentences: &[&str]) -> Block {
    let ids: Vec<String> = (1..=sentences.len()).map(|i| format!("{id}.{i}")).collect();
    let pairs: Vec<(&str, &str)> = ids
        .iter()
        .map(String::as_str)
        .zip(sentences.iter().copied())
        .collect();
    Block::paragraph(id, &pairs)
}

fn table(
    id: &str,
    number: &str,
    caption: &str,
    section: &str,
    columns: &[&str],
    rows: &[&[&str]],
) -> Table {
    Table {
        section: section.to_string(),
        notes: vec!["注:单位生产总值能耗降低率为年度统计指标。".into()],
        note_spans: vec![Span(0, 0)],
        ..Table::grid(id, number, caption, columns, rows)
    }
}

/// One report "demo-2023" with a preamble, two parts, nested sections, a
/// table and the characters that make Chinese layout hard (“ ” — ① 4.8%).
pub fn small_model() -> Model {
    let id = "demo-2023";
    let p = |s: &str| format!("{id}:{s}");
    let s11 = Section::heading(
        &p("s1.1"),
        2,
        "(一)",
        "经济运行稳中向好",
        vec![
            para(
                &p("p3"),
                &[
                    "全区实现地区生产总值16715.2亿元,比上年增长4.8%。",
                    "“十四五”规划确定的主要指标进展顺利——其中①规模以上工业总产值增长3.1%,GDP和REITs试点稳步推进。",
                    "社会消费品零售总额完成年度目标。",
                ],
            ),
            Block::Table { table: p("t1") },
            para(&p("p4"), &["主要指标完成情况见表1。"]),
        ],
        vec![],
    );
    let item = Section::heading(
        &p("s1.2.1"),
        3,
        "1.",
        "港口集装箱吞吐量保持世界第一",
        vec![para(
            &p("p5"),
            &["洋山深水港集装箱吞吐量占全市比重达到90.4%,国际航运中心能级持续提升。"],
        )],
        vec![],
    );
    let s12 = Section::heading(
        &p("s1.2"),
        2,
        "(二)",
        "对外开放水平不断提高",
        vec![para(
            &p("p6"),
            &["实到外资规模保持稳定,外贸进出口总额增长。"],
        )],
        vec![item],
    );
    let part1 = Section::heading(
        &p("s1"),
        1,
        "一、",
        "2023年计划执行情况",
        vec![para(
            &p("p2"),
            &["2023年是全面贯彻党的二十大精神的开局之年。"],
        )],
        vec![s11, s12],
    );
    let part2 = Section::heading(
        &p("s2"),
        1,
        "二、",
        "2024年主要目标",
        vec![para(
            &p("p7"),
            &[
                "地区生产总值增长5%左右;",
                "单位生产总值能耗降低率完成市下达任务。",
            ],
        )],
        vec![],
    );
    let t1 = table(
        &p("t1"),
        "1",
        "2023年主要指标完成情况",
        &p("s1.1"),
        &["序号", "指标", "2023年目标", "完成情况", "属性"],
        &[
            &["1", "地区生产总值增长率", "5.5%左右", "4.8%", "预期性"],
            &["2", "规模以上工业总产值增长率", "6%", "3.1%", "预期性"],
            &["3", "社会消费品零售总额增长率", "8%", "12.6%", "预期性"],
            &[
                "4",
                "单位生产总值能耗降低率",
                "完成市下达任务",
                "—— 完成",
                "约束性",
            ],
        ],
    );
    Model {
        schema_version: SCHEMA_VERSION.to_string(),
        generator: "test".into(),
        reports: vec![Report {
            id: id.into(),
            title: "关于演示区2023年国民经济和社会发展计划执行情况与2024年计划草案的报告".into(),
            region: Some("演示区".into()),
            level: None,
            parent_region: None,
            kind: None,
            review_year: Some(2023),
            plan_year: Some(2024),
            source: Source {
                file: "demo.txt".into(),
                sha256: "0".repeat(64),
                encoding: "UTF-8".into(),
                chars: 0,
                publisher: None,
                speaker: None,
                date: Some("2024-01-20".into()),
                origin: None,
            },
            preamble: vec![para(
                &p("p1"),
                &[
                    "各位代表:",
                    "受区人民政府委托,现将计划执行情况报告如下,请予审议。",
                ],
            )],
            sections: vec![part1, part2],
            tables: vec![t1],
            removed: vec![],
            warnings: vec![],
            indicators: vec![],
            headlines: vec![],
        }],
    }
}

/// A model with no reports (what data/model.json holds before the builder runs).
pub fn empty_model() -> Model {
    Model {
        schema_version: SCHEMA_VERSION.to_string(),
        generator: "test".into(),
        reports: vec![],
    }
}

/// `small_model` with `n` copies of its report (distinct ids), for benches.
pub fn big_model(n: usize) -> Model {
    let base = small_model();
    let mut reports = Vec::new();
    for i in 0..n {
        let mut r = base.reports[0].clone();
        r.id = format!("demo{i}-2023");
        reports.push(r);
    }
    Model { reports, ..base }
}

/// One small report of a corpus: a region, a level, a year and a kind, a
/// preamble and two parts whose sentences name the region and the year
/// (every report says 数字经济, so a search finds it in each).
fn corpus_report(
    id: &str,
    region: &str,
    level: Level,
    year: u16,
    kind: ReportKind,
    parent: Option<&str>,
) -> Report {
    let p = |s: &str| format!("{id}:{s}");
    let what = if kind == ReportKind::Plan {
        "计划"
    } else {
        "政府工作"
    };
    let s1 = Section::heading(
        &p("s1"),
        1,
        "一、",
        &format!("{}年工作回顾", year - 1),
        vec![para(
            &p("p2"),
            &[
                &format!("{region}数字经济核心产业增加值增长8%。"),
                &format!("{region}{}年新增城镇就业12万人。", year - 1),
            ],
        )],
        vec![],
    );
    let s2 = Section::heading(
        &p("s2"),
        1,
        "二、",
        &format!("{year}年主要任务"),
        vec![para(
            &p("p3"),
            &[
                &format!("{year}年{region}大力发展数字经济,地区生产总值增长5%左右。"),
                "持续优化营商环境。",
            ],
        )],
        vec![],
    );
    Report {
        region: Some(region.into()),
        level: Some(level),
        parent_region: parent.map(str::to_string),
        kind: Some(kind),
        review_year: Some(year - 1),
        plan_year: Some(year),
        preamble: vec![para(&p("p1"), &["各位代表:"])],
        sections: vec![s1, s2],
        ..Report::empty(id, &format!("{year}年{region}{what}报告"))
    }
}

/// A corpus of seven reports in four regions (national, two provinces, a
/// city with a work and a plan report of one year), in a deliberately
/// jumbled model order, for the grouped outline, the report picker and
/// search filters.
pub fn corpus_model() -> Model {
    use Level::*;
    use ReportKind::*;
    let r = corpus_report;
    Model {
        schema_version: SCHEMA_VERSION.to_string(),
        generator: "test".into(),
        reports: vec![
            r("zhejiang-2023", "浙江省", Province, 2023, Work, None),
            r(
                "hangzhou-2024-plan",
                "杭州市",
                City,
                2024,
                Plan,
                Some("浙江省"),
            ),
            r("china-2023", "全国", National, 2023, Work, None),
            r("hangzhou-2024", "杭州市", City, 2024, Work, Some("浙江省")),
            r("zhejiang-2024", "浙江省", Province, 2024, Work, None),
            r("jiangsu-2024", "江苏省", Province, 2024, Work, None),
            r("china-2024", "全国", National, 2024, Work, None),
        ],
    }
}
