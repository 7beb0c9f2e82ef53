//! Report metadata on small synthetic work reports of the genre's head
//! shapes: title, region, level, parent, years, date, speaker, origin, id,
//! and head lines kept out of the body.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use baogao::builder::{build_model, build_report, Input};
use baogao::model::{Block, Level, RemovedReason, Report, ReportKind};
use common::fw;

fn build(text: &str) -> Report {
    build_report(fw(text).as_bytes(), "2099.md", None).unwrap()
}

fn first_paragraph(r: &Report) -> String {
    r.preamble
        .iter()
        .chain(r.sections.iter().flat_map(|s| s.blocks.iter()))
        .find_map(|b| match b {
            Block::Paragraph(p) => Some(p.text()),
            _ => None,
        })
        .unwrap_or_default()
}

fn body_text(r: &Report) -> String {
    let mut out = String::new();
    for b in &r.preamble {
        if let Block::Paragraph(p) = b {
            out.push_str(&p.text());
        }
    }
    for s in r.all_sections() {
        out.push_str(&s.heading);
        for b in &s.blocks {
            if let Block::Paragraph(p) = b {
                out.push_str(&p.text());
            }
        }
    }
    out
}

const BODY: &str = "现在,我代表省人民政府向大会报告工作,请予审议。\n\n一、过去一年的工作\n\n过去一年,全省生产总值增长5%。\n\n二、今年的主要任务\n\n今年要稳中求进。\n";

#[test]
fn province_work_report_head_lines_become_metadata() {
    let text = format!(
        "---\nsource: https://www.example.gov.cn/a.html\ntitle: 2030年政府工作报告\n---\n\n**2030年江南省政府工作报告**\n\n——2030年1月23日在江南省第十六届人民代表大会第四次会议上\n\n江南省省长 王 某\n\n各位代表:\n\n{BODY}"
    );
    let r = build(&text);
    assert_eq!(r.title, "2030年江南省政府工作报告");
    assert_eq!(r.region.as_deref(), Some("江南省"));
    assert_eq!(r.level, Some(Level::Province));
    assert_eq!(r.kind, Some(ReportKind::Work));
    assert_eq!((r.review_year, r.plan_year), (Some(2029), Some(2030)));
    assert_eq!(r.source.date.as_deref(), Some("2030-01-23"));
    assert_eq!(r.source.speaker.as_deref(), Some("王某"));
    assert_eq!(r.id, "jiangnan-2030");
    let body = body_text(&r);
    assert!(!body.contains("人民代表大会第四次会议上"), "{body}");
    assert!(!body.contains("省长"), "{body}");
    assert!(first_paragraph(&r).starts_with("各位代表"));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let meta: Vec<&str> = r
        .removed
        .iter()
        .filter(|p| p.reason == RemovedReason::Metadata)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(meta.len(), 2, "{meta:?}");
}

#[test]
fn head_lines_without_blank_lines_are_not_glued_into_the_first_paragraph() {
    let text = format!(
        "政府工作报告\n2030年2月1日在江北市第九届人民代表大会第三次会议上\n来源: 江北日报  时间: 2030-02-03\n江北市市长 李某某\n各位代表:\n{BODY}"
    );
    let r = build(&text);
    assert_eq!(r.title, "政府工作报告");
    assert_eq!(r.region.as_deref(), Some("江北市"));
    assert_eq!(r.level, Some(Level::City));
    assert_eq!(r.source.origin.as_deref(), Some("江北日报"));
    assert_eq!(r.source.date.as_deref(), Some("2030-02-01"));
    assert_eq!(r.source.speaker.as_deref(), Some("李某某"));
    let first = first_paragraph(&r);
    assert!(first.starts_with("各位代表"), "{first}");
    assert!(!body_text(&r).contains("来源"));
}

#[test]
fn front_matter_title_is_only_a_fallback_and_is_cleaned() {
    let text = format!(
        "---\ntitle: 江东市政府工作报告(2031年1月12日 赵某)\n---\n\n——在江东市第十五届人民代表大会第四次会议上\n\n各位代表:\n\n{BODY}"
    );
    let r = build(&text);
    // Brackets stay as printed (full width); the date-and-speaker note goes.
    assert_eq!(r.title, "江东市政府工作报告");
    assert_eq!(r.region.as_deref(), Some("江东市"));
    // No date anywhere but the front matter's title note is not a year source;
    // the front matter title's year is.
    assert_eq!(r.plan_year, Some(2031));
}

#[test]
fn printed_title_keeps_full_width_brackets() {
    let r = build(&format!("政府工作报告(摘要)\n\n(2031年1月12日在江东市第十五届人民代表大会第四次会议上)\n\n各位代表:\n\n{BODY}"));
    assert_eq!(r.title, fw("政府工作报告(摘要)"));
    assert_eq!(r.source.date.as_deref(), Some("2031-01-12"));
}

#[test]
fn a_december_report_plans_the_year_after_and_chinese_numeral_dates_are_read() {
    let r = build(&format!(
        "政府工作报告\n\n——二〇三〇年十二月二十八日在江西北市第九届人民代表大会第二次会议上\n\n各位代表:\n\n{BODY}"
    ));
    assert_eq!(r.source.date.as_deref(), Some("2030-12-28"));
    assert_eq!((r.review_year, r.plan_year), (Some(2030), Some(2031)));
    assert_eq!(r.id, "jiangxibei-2031");
}

#[test]
fn a_dateline_broken_over_two_lines_is_one_metadata_piece() {
    let r = build(&format!(
        "政府工作报告\n\n——2030年2月15日在海东市第十五届人民代表大会\n第一次会议上\n\n各位代表:\n\n{BODY}"
    ));
    assert_eq!(r.region.as_deref(), Some("海东市"));
    assert!(!body_text(&r).contains("第一次会议上"));
    let r = build(&format!(
        "政府工作报告\n\n——在海西市第十二届\n人民代表大会第四次会议上\n\n各位代表:\n\n{BODY}"
    ));
    assert_eq!(r.region.as_deref(), Some("海西市"));
    assert!(!body_text(&r).contains("人民代表大会第四次会议上"));
}

#[test]
fn the_national_report_is_quanguo() {
    let r = build(&format!(
        "政府工作报告\n\n——2030年3月5日在第十六届全国人民代表大会第一次会议上\n\n国务院总理 某某某\n\n各位代表:\n\n{BODY}"
    ));
    assert_eq!(r.region.as_deref(), Some("全国"));
    assert_eq!(r.level, Some(Level::National));
    assert_eq!(r.id, "china-2030");
}

#[test]
fn a_report_that_names_itself_only_by_its_party_committee() {
    let r = build(&format!(
        "政府工作报告\n\n各位代表:\n\n{BODY}\n在中共江南省委的坚强领导下,我们完成了2029年的目标。中共江南省委……\n"
    ));
    assert_eq!(r.region.as_deref(), Some("江南省"));
    // No date, no year in the title: guessed from the text, with a warning.
    assert!(r.plan_year.is_some());
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("plan year is guessed")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn missing_region_gives_a_warning() {
    let r = build(&format!(
        "政府工作报告\n\n2030年1月5日\n\n各位代表:\n\n{BODY}"
    ));
    assert_eq!(r.region, None);
    assert!(
        r.warnings.iter().any(|w| w.contains("no region")),
        "{:?}",
        r.warnings
    );
    assert_eq!(r.plan_year, Some(2030));
}

#[test]
fn shanxi_and_shaanxi_get_different_ids() {
    let head = |p: &str| {
        fw(&format!(
            "政府工作报告\n\n——2030年1月20日在{p}第十四届人民代表大会第三次会议上\n\n各位代表:\n\n{BODY}"
        ))
    };
    let inputs = vec![
        Input {
            file_name: "a.md".into(),
            bytes: head("山西省").into_bytes(),
            id: None,
        },
        Input {
            file_name: "b.md".into(),
            bytes: head("陕西省").into_bytes(),
            id: None,
        },
        Input {
            file_name: "c.md".into(),
            bytes: head("广西壮族自治区").into_bytes(),
            id: None,
        },
    ];
    let m = build_model(&inputs).unwrap().model;
    let ids: Vec<&str> = m.reports.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["shanxi-2030", "shaanxi-2030", "guangxi-2030"]);
}

#[test]
fn a_city_reports_parent_is_the_province_its_text_names() {
    let r = build(&format!(
        "政府工作报告\n\n——2030年1月20日在江南省江北市第十四届人民代表大会第三次会议上\n\n各位代表:\n\n{BODY}"
    ));
    assert_eq!(r.region.as_deref(), Some("江北市"));
    assert_eq!(r.parent_region.as_deref(), Some("江南省"));
    let r = build(&format!(
        "政府工作报告\n\n——2030年1月20日在江北市第十四届人民代表大会第三次会议上\n\n各位代表:\n\n{BODY}在中共江南省委、省政府的领导下,江南省全面发展。\n"
    ));
    assert_eq!(r.parent_region.as_deref(), Some("江南省"));
}

#[test]
fn an_outline_without_level_one_headings_warns() {
    let r = build(
        "政府工作报告\n\n——2030年1月20日在江北市第十四届人民代表大会第三次会议上\n\n各位代表:\n\n现在,我代表市人民政府报告工作。\n\n(一)过去一年的工作\n\n全市生产总值增长5%。\n\n(二)今年的任务\n\n今年要稳中求进。\n",
    );
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("no level-one headings")),
        "{:?}",
        r.warnings
    );
    let r = build(&format!("政府工作报告\n\n——2030年1月20日在江北市第十四届人民代表大会第三次会议上\n\n各位代表:\n\n{BODY}"));
    assert!(
        !r.warnings.iter().any(|w| w.contains("level-1")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn a_head_flattened_into_one_line_is_read_piece_by_piece() {
    let r = build(
        "政府工作报告 ——2030年2月1日在江北市第九届人民代表大会第三次会议上 江北市市长 李某某 各位代表: 现在,我代表市人民政府向大会报告工作,请予审议。过去一年,全市生产总值增长5%,城乡居民收入稳步增长,民生实事全面完成。\n\n一、过去一年的工作\n\n全市生产总值增长5%。\n\n二、今年的主要任务\n\n今年要稳中求进。\n",
    );
    assert_eq!(r.title, "政府工作报告");
    assert_eq!(r.region.as_deref(), Some("江北市"));
    assert_eq!(r.source.date.as_deref(), Some("2030-02-01"));
    assert_eq!(r.source.speaker.as_deref(), Some("李某某"));
    let first = first_paragraph(&r);
    assert!(first.starts_with("各位代表"), "{first}");
    assert!(!body_text(&r).contains("会议上"));
}
