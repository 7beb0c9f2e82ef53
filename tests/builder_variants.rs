//! The builder on small synthetic reports of the genre's other shapes:
//! markdown residue and a glossary (work report), page chrome in GB18030,
//! UTF-16 with CRLF and attachments, a flattened county report with a table
//! cut by a page break, and a text with no headings.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use baogao::model::{Block, RemovedReason, SectionKind};
use common::*;

#[test]
fn every_fixture_is_accounted_for_and_valid() {
    let dir = root().join("tests/data");
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_some_and(|x| x == "txt") {
            let (r, src) = source_and_report(&path);
            account(&r, &src).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let m = baogao::model::Model {
                schema_version: "1.0".into(),
                generator: "t".into(),
                reports: vec![r],
            };
            assert_eq!(baogao::model::validate::validate(&m), Vec::<String>::new());
            n += 1;
        }
    }
    assert!(n >= 5);
}

#[test]
fn markdown_work_report_with_front_matter_bold_headings_and_glossary() {
    let (r, _) = fixture("markdown-work-report.txt");
    // The title line the report prints; the front matter's title is only a fallback.
    assert_eq!(r.title, "政府工作报告");
    assert_eq!(r.region.as_deref(), Some("江南省"));
    assert_eq!((r.review_year, r.plan_year), (Some(2023), Some(2024)));
    assert_eq!(r.source.date.as_deref(), Some("2024-01-20"));
    let parts: Vec<(&str, usize)> = r
        .sections
        .iter()
        .map(|s| (s.heading.as_str(), s.children.len()))
        .collect();
    assert_eq!(
        parts,
        [
            ("2023年工作回顾", 2),
            ("2024年工作安排", 0),
            ("名词解释", 2)
        ]
    );
    assert_eq!(r.sections[0].children[0].heading, "经济运行持续回升");
    let g = &r.sections[2];
    assert_eq!(g.kind, SectionKind::Glossary);
    assert_eq!(g.children[0].heading, "新质生产力");
    for t in visible_texts(&r) {
        assert!(
            !t.contains("**") && !t.starts_with('#'),
            "markdown left in {t:?}"
        );
    }
    assert!(r
        .removed
        .iter()
        .any(|x| x.reason == RemovedReason::Markdown));
    // The salutation stays, the speaker line is metadata.
    assert_eq!(r.preamble.len(), 2);
}

#[test]
fn page_chrome_in_gb18030() {
    let (r, _) = fixture("chrome-gb18030.txt");
    assert_eq!(r.source.encoding, "GB18030");
    assert_eq!(r.id, "beiling-2024-plan");
    assert_eq!(r.source.date.as_deref(), Some("2024-01-30"));
    let chrome = r
        .removed
        .iter()
        .filter(|x| x.reason == RemovedReason::PageChrome)
        .count();
    assert_eq!(chrome, 3);
    let parts: Vec<usize> = r.sections.iter().map(|s| s.children.len()).collect();
    assert_eq!(parts, [2, 1]);
    // "1.6万亿元" inside a paragraph is not a heading.
    assert!(r.all_sections().iter().all(|s| s.level < 3));
    assert_eq!(r.sections[0].children[0].marker, fw("(一)"));
}

#[test]
fn utf16_crlf_with_attachments_restarting_their_numbering() {
    let (r, _) = fixture("utf16-crlf.txt");
    assert_eq!(r.source.encoding, "UTF-16LE");
    let tops: Vec<(SectionKind, &str)> = r
        .sections
        .iter()
        .map(|s| (s.kind, s.heading.as_str()))
        .collect();
    assert_eq!(
        tops,
        [
            (SectionKind::Heading, "总体要求"),
            (SectionKind::Heading, "主要任务"),
            (SectionKind::Attachment, "重大项目清单"),
            (SectionKind::Attachment, "名词解释"),
        ]
    );
    assert_eq!(r.sections[2].number, "附件1");
    assert_eq!(r.sections[2].children[0].marker, "一、");
    // A hard-wrapped paragraph is one paragraph.
    let Block::Paragraph(p) = &r.sections[0].blocks[0] else {
        panic!()
    };
    assert!(
        p.text().contains("硬换行") && p.text().contains("同一段落"),
        "{}",
        p.text()
    );
    assert_eq!(r.sections[1].children.len(), 2);
}

#[test]
fn flattened_county_report_with_a_table_cut_by_a_page_break() {
    let (r, _) = fixture("flattened-county.txt");
    assert_eq!(r.id, "xigang-2024-plan");
    assert!(r
        .removed
        .iter()
        .any(|x| x.reason == RemovedReason::SiteName && x.text == "西港新闻网"));
    let t = &r.tables[0];
    assert_eq!(
        t.columns,
        ["序号", "指标名称", "属性", "完成数", "年度目标"]
    );
    assert_eq!(t.rows.len(), 4);
    assert_eq!(
        t.rows[2],
        ["3", "城镇新增就业", "约束性", "1.2万人", "1万人以上"]
    );
    assert_eq!(t.notes.len(), 1);
    let parts: Vec<usize> = r.sections.iter().map(|s| s.children.len()).collect();
    assert_eq!(parts, [2, 1]);
    // A space inside 《…》 and between Latin words is not a paragraph break.
    let Block::Paragraph(p) = &r.sections[0].children[0].blocks[0] else {
        panic!()
    };
    assert!(
        p.text().contains("《关于促进 民营经济发展的若干措施》"),
        "{}",
        p.text()
    );
    assert!(p.text().contains("We Start"));
    // The attachment list is a paragraph, not headings.
    assert!(r.all_sections().iter().all(|s| s.level <= 2));
}

#[test]
fn no_headings_still_builds_one_section_with_a_warning() {
    let (r, _) = fixture("no-headings.txt");
    assert_eq!(r.sections.len(), 1);
    assert_eq!(r.sections[0].kind, SectionKind::Body);
    assert_eq!(r.sections[0].blocks.len(), 2);
    assert!(r
        .warnings
        .iter()
        .any(|w| w.contains("no recognizable headings")));
}
