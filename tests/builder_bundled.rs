//! The builder on the two bundled reports: the exact outline, the three
//! Pudong tables cell by cell, no web or newspaper noise left, every source
//! char accounted for, ids stable, and the committed model never stale.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use baogao::model::{Block, RemovedReason, Report, SectionKind, TableKind};
use common::*;

fn report<'a>(m: &'a baogao::model::Model, id: &str) -> &'a Report {
    m.reports
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no report {id}"))
}

#[test]
fn committed_model_is_what_the_builder_makes_now() {
    let built = baogao::model::model_json(&bundled()).unwrap();
    let committed = std::fs::read_to_string(root().join("data/model.json")).unwrap();
    assert!(
        built == committed,
        "data/model.json is stale: run `cargo run --release -- build data/reports/pudong-2023-plan-report.txt data/reports/shanghai-2023-plan-report.txt -o data/model.json`"
    );
}

#[test]
fn ids_are_stable_across_rebuilds() {
    assert_eq!(bundled(), bundled());
}

#[test]
fn metadata_of_both_reports() {
    let m = bundled();
    let sh = report(&m, "shanghai-2024-plan");
    assert_eq!(sh.region.as_deref(), Some("上海市"));
    assert_eq!((sh.review_year, sh.plan_year), (Some(2023), Some(2024)));
    assert_eq!(
        sh.title,
        "关于上海市2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告"
    );
    assert_eq!(
        sh.source.publisher.as_deref(),
        Some("上海市发展和改革委员会")
    );
    // The adoption date of the note, not the reprint's page date (2024-02-07).
    assert_eq!(sh.source.date.as_deref(), Some("2024-01-27"));
    assert_eq!(sh.level, Some(baogao::model::Level::Province));
    assert_eq!(sh.kind, Some(baogao::model::ReportKind::Plan));
    assert_eq!(sh.source.origin.as_deref(), Some("解放日报"));
    assert_eq!(
        sh.source.sha256,
        "4d272d472ca513050fb9ed837c95481d73c0b00b79a8a3fcc8b75d10e3933121"
    );
    let pd = report(&m, "pudong-2024-plan");
    assert_eq!(pd.region.as_deref(), Some("浦东新区"));
    assert_eq!(
        pd.title,
        "关于浦东新区2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告"
    );
    assert_eq!(
        pd.source.sha256,
        "eb73d861397ea706a82359777d2a9c9649f855686c7e2d7a9287f0e49d33e42d"
    );
}

#[test]
fn pudong_outline_two_parts_with_six_and_seven_sections() {
    let m = bundled();
    let r = report(&m, "pudong-2024-plan");
    let parts: Vec<(&str, &str, usize)> = r
        .sections
        .iter()
        .map(|s| (s.marker.as_str(), s.heading.as_str(), s.children.len()))
        .collect();
    assert_eq!(
        parts,
        [
            ("一、", "2023年国民经济和社会发展计划执行情况", 6),
            ("二、", "2024年国民经济和社会发展计划", 7)
        ]
    );
    let first: Vec<&str> = r.sections[0]
        .children
        .iter()
        .map(|s| s.heading.as_str())
        .collect();
    assert_eq!(first[0], "敢闯敢试,改革开放取得制度型突破");
    assert_eq!(first[5], "精细精准,治理体系推动数字化转型");
    let second: Vec<&str> = r.sections[1]
        .children
        .iter()
        .map(|s| s.heading.as_str())
        .collect();
    assert_eq!(second[6], "在治理体系优化完善上持续用力,树立社会治理新标杆");
    assert!(
        r.all_sections().iter().all(|s| s.level <= 2),
        "no 1. inside the attachment list is a heading"
    );
    // The attachment list stays a paragraph of the last section.
    let last = r.sections[1].children[6].blocks.last().unwrap();
    let Block::Paragraph(p) = last else {
        panic!("last block is not a paragraph")
    };
    assert!(
        p.text()
            .starts_with("附件:1. 浦东新区2023年为民办实事项目完成情况表"),
        "{}",
        p.text()
    );
}

#[test]
fn shanghai_outline_three_parts_and_thirty_two_items() {
    let m = bundled();
    let r = report(&m, "shanghai-2024-plan");
    let counts: Vec<usize> = r.sections.iter().map(|s| s.children.len()).collect();
    assert_eq!(counts, [6, 0, 8]);
    let items: Vec<_> = r
        .all_sections()
        .into_iter()
        .filter(|s| s.level == 3)
        .collect();
    assert_eq!(items.len(), 32);
    assert!(items.iter().all(|s| s.kind == SectionKind::Heading));
    assert_eq!(items[0].heading, "加快推动“五个中心”功能升级");
    assert_eq!(items[0].heading_suffix, "。");
    assert_eq!(
        r.sections[1].heading,
        "2024年国民经济和社会发展的总体要求与主要目标"
    );
    assert_eq!(
        r.sections[2].children[7].heading,
        "全力统筹发展和安全,进一步提高城市韧性安全水平"
    );
    let per_section: Vec<usize> = r.sections[2]
        .children
        .iter()
        .map(|s| s.children.len())
        .collect();
    assert_eq!(per_section, [5, 5, 4, 4, 4, 4, 3, 3]);
    // The run-in body after "1.…。" is the section's first paragraph.
    let Block::Paragraph(p) = &items[0].blocks[0] else {
        panic!()
    };
    assert!(p.text().starts_with("深入推动“五个中心”联动发展"));
    // Preamble: salutation and opening paragraph.
    assert_eq!(r.preamble.len(), 2);
}

fn cells(r: &Report, id: &str) -> Vec<Vec<String>> {
    r.table(id).unwrap().rows.clone()
}

#[test]
fn pudong_table_1_cell_by_cell() {
    let m = bundled();
    let r = report(&m, "pudong-2024-plan");
    let t = r.table("pudong-2024-plan:t1").unwrap();
    assert_eq!(t.kind, TableKind::Grid);
    assert_eq!(
        t.caption,
        "2023年浦东新区国民经济和社会发展主要经济社会指标完成情况"
    );
    assert_eq!(
        t.columns,
        [
            "序号",
            "主要经济社会指标",
            "指标类型",
            "完成数",
            "同比增长",
            "年度目标"
        ]
    );
    let expected: Vec<Vec<&str>> = vec![
        vec![
            "1",
            "地区生产总值",
            "预期性",
            "16715.2亿元",
            "4.8%",
            "增长7%左右",
        ],
        vec![
            "2",
            "一般公共预算收入",
            "预期性",
            "1300.8亿元",
            "9.1%",
            "增长5.5%左右",
        ],
        vec![
            "3",
            "全社会固定资产投资总额",
            "预期性",
            "3452.5亿元",
            "14.1%",
            "3150亿元左右,增长5%",
        ],
        vec![
            "4",
            "规模以上工业总产值",
            "预期性",
            "13660.8亿元",
            "2.6%",
            "1.37万亿元,增速高于全市3个百分点",
        ],
        vec![
            "5",
            "战略性新兴产业制造业产值占工业总产值比重",
            "预期性",
            "53.9%",
            "——",
            "50%左右",
        ],
        vec![
            "6",
            "商品销售总额",
            "预期性",
            "57814.4亿元",
            "-4.3%",
            "增速高于全市4个百分点",
        ],
        vec![
            "7",
            "外贸进出口总额",
            "预期性",
            "25759.0亿元",
            "4.7%",
            "稳定增长,与全市同步",
        ],
        vec![
            "8",
            "实到外资",
            "预期性",
            "103.4亿美元",
            "-6.4%",
            "115亿美元",
        ],
        vec![
            "9",
            "每万人口高价值发明专利拥有量",
            "预期性",
            "83件",
            "(统计口径调整,无同比数据)",
            "75件",
        ],
        vec![
            "10",
            "新认定高新技术企业数",
            "预期性",
            "1703家 有效期内高企总数4922家",
            "——",
            "1700家",
        ],
        vec![
            "11",
            "居民人均可支配收入增幅",
            "预期性",
            "90985元",
            "8.2%",
            "与经济增长基本同步",
        ],
        vec![
            "12",
            "社会民生投入占一般公共预算支出比重",
            "约束性",
            "47%",
            "——",
            "46%以上",
        ],
        vec![
            "13",
            "新增就业岗位数",
            "约束性",
            "14.1万个",
            "4.0%",
            "13万个以上",
        ],
        vec![
            "14",
            "本市户籍城乡登记失业人数",
            "约束性",
            "31442人",
            "——",
            "完成市下达任务 3.39万人以内",
        ],
        vec!["15", "新增养老床位数", "预期性", "1544张", "——", "1000张"],
        vec![
            "16",
            "保障性住房开工(筹措)面积",
            "约束性",
            "151万平方米",
            "——",
            "150万平方米",
        ],
        vec![
            "17",
            "地表水达到或好于Ⅲ类水体比例",
            "约束性",
            "97.6%",
            "——",
            "75%左右",
        ],
        vec![
            "18",
            "单位生产总值能耗降低率",
            "约束性",
            "——",
            "——",
            "完成市下达任务 3%左右",
        ],
    ];
    assert_eq!(cells(r, "pudong-2024-plan:t1"), expected);
    assert_eq!(t.notes, ["注:单位生产总值能耗降低率为年度统计指标。"]);
    let group = t.header.iter().find(|h| h.text == "完成情况").unwrap();
    assert_eq!(group.columns, (3, 5));
    assert_eq!(t.section, "pudong-2024-plan:s1");
}

#[test]
fn pudong_table_2_pairs_end_before_the_next_paragraph() {
    let m = bundled();
    let r = report(&m, "pudong-2024-plan");
    let t = r.table("pudong-2024-plan:t2").unwrap();
    assert_eq!(t.kind, TableKind::Pairs);
    assert_eq!(t.columns, ["片区", "主要情况"]);
    let labels: Vec<&str> = t.rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        labels,
        [
            "保税区片区",
            "陆家嘴片区",
            "世博片区",
            "张江片区",
            "金桥片区",
            "临港新片区"
        ]
    );
    assert!(t.rows[0][1].starts_with("非报关货物系统试点企业由11家扩增至69家。"));
    assert!(t.rows[5][1].ends_with("上中东高中部等学校顺利开办。"));
    assert!(t.rows.iter().all(|r| !r[1].contains("营商环境全面提升")));
    // The paragraph after the table opens with it.
    let s = &r.sections[0].children[0];
    let pos = s
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Table { table } if table == "pudong-2024-plan:t2"))
        .unwrap();
    let Block::Paragraph(p) = &s.blocks[pos + 1] else {
        panic!()
    };
    assert!(p.text().starts_with("营商环境全面提升。"));
}

#[test]
fn pudong_table_3_cell_by_cell() {
    let m = bundled();
    let r = report(&m, "pudong-2024-plan");
    let t = r.table("pudong-2024-plan:t3").unwrap();
    assert_eq!(t.columns, ["序号", "指标名称", "属性", "2024年预期目标"]);
    let targets: Vec<&str> = t.rows.iter().map(|r| r[3].as_str()).collect();
    assert_eq!(
        targets,
        [
            "增长6%左右",
            "与GDP增长基本同步",
            "力争稳中有增",
            "1.4万亿元左右",
            "力争55%左右",
            "力争增长6%",
            "持平",
            "105亿美元",
            "80件",
            "1500家",
            "与经济增长基本同步",
            "46%以上",
            "10万个以上",
            "控制在市下达指标内",
            "500张",
            "153万平方米",
            "75.6%以上",
            "完成市下达目标"
        ]
    );
    let names: Vec<&str> = t.rows.iter().map(|r| r[1].as_str()).collect();
    let t1 = cells(r, "pudong-2024-plan:t1");
    let names1: Vec<&str> = t1.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(names, names1);
    assert_eq!(t.rows.len(), 18);
    assert!(t.rows.iter().all(|row| row.len() == 4));
    assert_eq!(t.section, "pudong-2024-plan:s2");
}

#[test]
fn no_web_or_newspaper_noise_is_left() {
    let m = bundled();
    let noise = [
        "字号",
        "分享:",
        "当前位置",
        "首页",
        "有话要说",
        "下转",
        "上接",
        "体育经济会展经济",
        "来源:",
    ];
    for r in &m.reports {
        for text in visible_texts(r) {
            for n in noise {
                assert!(!text.contains(n), "{}: {n:?} left in {text:?}", r.id);
            }
            assert!(
                !text.contains("计划草案的报告"),
                "{}: a title left in {text:?}",
                r.id
            );
        }
    }
    let pd = report(&m, "pudong-2024-plan");
    let reasons: Vec<RemovedReason> = pd.removed.iter().map(|x| x.reason).collect();
    assert!(reasons.contains(&RemovedReason::RunningTitle));
    assert!(reasons.contains(&RemovedReason::SiteName));
    let sh = report(&m, "shanghai-2024-plan");
    assert_eq!(
        sh.removed
            .iter()
            .filter(|x| x.reason == RemovedReason::JumpMarker)
            .count(),
        2
    );
    // The jump marker split no paragraph: the sentence runs on across it.
    let joined = sh
        .all_sections()
        .iter()
        .flat_map(|s| s.blocks.iter())
        .filter_map(|b| {
            if let Block::Paragraph(p) = b {
                Some(p.text())
            } else {
                None
            }
        })
        .find(|t| {
            t.contains(
                "支持装备、材料、驱动芯片等关键技术研发和零部件研制。保持新能源汽车快速发展势头",
            )
        });
    assert!(joined.is_some());
}

#[test]
fn every_source_char_is_accounted_for() {
    for f in bundled_files() {
        let (r, src) = source_and_report(&f);
        account(&r, &src).unwrap_or_else(|e| panic!("{}: {e}", r.id));
    }
}

#[test]
fn sentences_split_with_closers_and_spans_point_into_the_source() {
    let m = bundled();
    for f in bundled_files() {
        let (r, src) = source_and_report(&f);
        let r2 = m.reports.iter().find(|x| x.id == r.id).unwrap();
        for s in r2.all_sections() {
            for b in &s.blocks {
                if let Block::Paragraph(p) = b {
                    for x in &p.sentences {
                        let first = x.text.chars().next().unwrap();
                        assert_eq!(src[x.span.0], first, "{}", x.id);
                    }
                }
            }
        }
    }
    let sh = report(&m, "shanghai-2024-plan");
    let all: Vec<String> = sh
        .all_sections()
        .iter()
        .flat_map(|s| s.blocks.iter())
        .filter_map(|b| {
            if let Block::Paragraph(p) = b {
                Some(
                    p.sentences
                        .iter()
                        .map(|s| s.text.clone())
                        .collect::<Vec<_>>(),
                )
            } else {
                None
            }
        })
        .flatten()
        .collect();
    assert!(
        all.iter().any(|s| s.starts_with("在政策效应释放")
            && s.ends_with("全年全市生产总值达到4.72万亿元,比上年增长5%。")),
        "sentence split"
    );
    assert!(
        all.iter().any(|s| s == "经济运行稳步恢复。"),
        "a run-in lead sentence is its own sentence"
    );
}
