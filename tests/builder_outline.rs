//! The outline on the shapes the genre takes beyond 一、/(一)/1./(1): parts
//! with no marker, 第一部分, markers split, spaced, glued or printed alone,
//! glossary and endnote containers, attachment title lists, and lines broken
//! mid-paragraph. Synthetic texts; each test fails on the builder before them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use baogao::builder::{self, assemble::assemble, stream::Doc};
use baogao::model::{Block, Model, Report, Section, SectionKind};
use common::*;

/// Build a report from text, checking the accounting and the model's validity.
fn build(text: &str) -> Report {
    let text = fw(text);
    let r = builder::build_report(text.as_bytes(), "t.md", Some("t")).unwrap();
    let src: Vec<char> = text.chars().collect();
    account(&r, &src).unwrap();
    let m = Model {
        schema_version: "1.0".into(),
        generator: "t".into(),
        reports: vec![r.clone()],
    };
    assert_eq!(baogao::model::validate::validate(&m), Vec::<String>::new());
    r
}

/// The outline as (kind, level, marker+heading, children) of the top sections.
fn tops(r: &[Section]) -> Vec<(SectionKind, u8, String, usize)> {
    r.iter()
        .map(|s| {
            (
                s.kind,
                s.level,
                format!("{}{}", s.marker, s.heading),
                s.children.len(),
            )
        })
        .collect()
}

/// Paragraph texts of a section list and a preamble, in order.
fn paragraphs(pre: &[Block], sections: &[Section]) -> Vec<String> {
    let mut out = Vec::new();
    let mut add = |bs: &[Block]| {
        for b in bs {
            if let Block::Paragraph(p) = b {
                out.push(p.text());
            }
        }
    };
    add(pre);
    fn walk<'a>(s: &'a Section, v: &mut Vec<&'a Section>) {
        v.push(s);
        for c in &s.children {
            walk(c, v);
        }
    }
    let mut all = Vec::new();
    for s in sections {
        walk(s, &mut all);
    }
    for s in all {
        add(&s.blocks);
    }
    out
}

const HEAD: &str = "甲市政府工作报告\n\n各位代表:\n\n现在,我代表市人民政府向大会报告工作。\n\n";

#[test]
fn bare_part_headings_with_no_yi_run_become_level_one_parts() {
    let r = build(&format!(
        "{HEAD}2023年工作回顾\n\n经济运行总体平稳。\n\n(一)产业加快发展\n\n工业增长较快。\n\n(二)民生持续改善\n\n收入稳定增长。\n\n\
         2024年工作安排\n\n今年要做好以下工作。\n\n(一)扩大有效投资\n\n推进重大项目。\n"
    ));
    let t = tops(&r.sections);
    assert_eq!(
        t,
        [
            (SectionKind::Part, 1, "2023年工作回顾".to_string(), 2),
            (SectionKind::Part, 1, "2024年工作安排".to_string(), 1),
        ]
    );
    assert_eq!(r.sections[1].children[0].level, 2);
}

#[test]
fn a_yi_run_restarting_under_bold_parts_is_kept_under_part_containers() {
    let r = build(&format!(
        "{HEAD}**过去一年的工作回顾**\n\n一、经济平稳运行\n\n增长较快。\n\n二、民生持续改善\n\n收入增长。\n\n\
         **今年的工作安排**\n\n一、扩大有效投资\n\n推进项目。\n\n二、深化重点改革\n\n推进改革。\n\n三、加强政府建设\n\n转变作风。\n"
    ));
    let t = tops(&r.sections);
    assert_eq!(
        t,
        [
            (SectionKind::Part, 0, "过去一年的工作回顾".to_string(), 2),
            (SectionKind::Part, 0, "今年的工作安排".to_string(), 3),
        ]
    );
    assert_eq!(r.sections[1].children[2].marker, "三、");
    assert_eq!(r.sections[1].children[2].level, 1);
}

#[test]
fn a_bare_line_the_numbering_continues_across_is_not_a_part() {
    let r = build(&format!(
        "{HEAD}一、经济平稳运行\n\n增长较快。\n\n二、民生持续改善\n\n收入增长。\n\n今年的工作安排\n\n三、扩大有效投资\n\n推进项目。\n"
    ));
    assert!(r
        .all_sections()
        .iter()
        .all(|s| s.kind == SectionKind::Heading));
    assert_eq!(r.sections.len(), 3);
}

#[test]
fn numbered_parts_di_yi_bu_fen() {
    let r = build(&format!(
        "{HEAD}第一部分 过去五年的回顾\n\n(一)经济实力增强\n\n增长较快。\n\n第二部分 今年的主要任务\n\n(一)扩大有效投资\n\n推进项目。\n"
    ));
    let t = tops(&r.sections);
    assert_eq!(t.len(), 2);
    assert_eq!(r.sections[0].kind, SectionKind::Part);
    assert_eq!(r.sections[0].marker, "第一部分");
    assert_eq!(r.sections[0].heading, "过去五年的回顾");
    assert_eq!(r.sections[1].number, "二");
    assert_eq!(r.sections[1].children.len(), 1);
}

#[test]
fn a_marker_split_over_two_lines_continues_the_numbering() {
    let r = build(&format!(
        "{HEAD}一、主要工作\n\n(一)加快发展\n\n内容一。\n\n(二)改善民生\n\n内容二。\n\n(\n三)深化改革\n\n内容三。\n"
    ));
    let kids: Vec<String> = r.sections[0]
        .children
        .iter()
        .map(|s| s.heading.clone())
        .collect();
    assert_eq!(kids, ["加快发展", "改善民生", "深化改革"]);
    assert_eq!(r.sections[0].children[2].marker, fw("(三)"));
}

#[test]
fn a_space_after_a_number_marker_does_not_stop_the_numbering() {
    let r = build(&format!(
        "{HEAD}一、主要工作\n\n1.优化服务\n\n内容一。\n\n2. \u{201C}一网通办\u{201D}\n\n内容二。\n\n3.  \u{201C}一表同享\u{201D}\n\n内容三。\n\n二、 2025年工作安排\n\n内容四。\n"
    ));
    let kids: Vec<String> = r.sections[0]
        .children
        .iter()
        .map(|s| s.marker.clone())
        .collect();
    assert_eq!(kids, ["1.", "2.", "3."]);
    assert_eq!(
        r.sections[0].children[2].heading,
        "\u{201C}一表同享\u{201D}"
    );
    assert_eq!(r.sections.len(), 2);
    assert_eq!(r.sections[1].heading, "2025年工作安排");
}

#[test]
fn a_marker_glued_to_the_end_of_a_paragraph_opens_its_section() {
    let r = build(&format!(
        "{HEAD}一、主要工作\n\n(一)加快发展\n\n工业增长较快,服务业取得新成效。(二)改善民生。收入稳定增长。\n\n内容三。\n"
    ));
    let kids: Vec<String> = r.sections[0]
        .children
        .iter()
        .map(|s| s.heading.clone())
        .collect();
    assert_eq!(kids, ["加快发展", "改善民生"]);
    // A glued number that does not continue the numbering stays in its sentence.
    let r = build(&format!(
        "{HEAD}一、主要工作\n\n(一)加快发展\n\n工业增长较快。(五)号文件已经印发,落实有力。\n"
    ));
    assert_eq!(r.sections[0].children.len(), 1);
    let p = paragraphs(&r.preamble, &r.sections);
    assert!(
        p.iter().any(|x| x.contains(&fw("较快。(五)号文件"))),
        "{p:?}"
    );
}

#[test]
fn a_section_number_printed_alone_on_its_line_is_a_heading() {
    let r = build(&format!(
        "{HEAD}一\n\n第一部分的内容。\n\n二\n\n第二部分的内容。\n"
    ));
    let t: Vec<(u8, String)> = r
        .sections
        .iter()
        .map(|s| (s.level, s.marker.clone()))
        .collect();
    assert_eq!(t, [(1, "一".to_string()), (1, "二".to_string())]);
}

#[test]
fn glossary_headings_in_their_many_forms() {
    for heading in [
        "注 释",
        "\u{3010}名词解释\u{3011}",
        "\u{300A}政府工作报告\u{300B}名词解释",
        "注释:",
        "有关词语解释",
        "附:名词解释",
    ] {
        let r = build(&format!(
            "{HEAD}一、主要工作\n\n内容一。\n\n{heading}\n\n1.新质生产力:是指创新起主导作用的先进生产力。\n"
        ));
        assert_eq!(r.sections.len(), 2, "{heading}");
        assert_eq!(r.sections[1].kind, SectionKind::Glossary, "{heading}");
        assert_eq!(r.sections[1].children.len(), 1, "{heading}");
    }
}

#[test]
fn endnotes_at_the_end_become_a_glossary_container() {
    let r = build(&format!(
        "{HEAD}一、主要工作\n\n推进\u{201C}五新\u{201D}[1]战略和\u{201C}两场合一\u{201D}[2]监管。\n\n\
         [1]\u{201C}五新\u{201D}:是指五个方面的新任务。\n\n[2]\u{201C}两场合一\u{201D}:是指两类监管场所合一。\n"
    ));
    assert_eq!(r.sections.len(), 2);
    let g = &r.sections[1];
    assert_eq!(g.kind, SectionKind::Glossary);
    assert_eq!(g.level, 0);
    let p = paragraphs(&[], std::slice::from_ref(g));
    assert_eq!(p.len(), 2);
    assert!(p[0].starts_with("[1]"));
    // The body keeps its paragraph.
    assert_eq!(r.sections[0].blocks.len(), 1);
}

#[test]
fn a_list_of_attachment_titles_opens_no_container() {
    let r = build(&format!(
        "{HEAD}一、主要工作\n\n内容一。\n\n附件:\n\n- 政府工作报告.doc\n\n- 名词解释.docx\n"
    ));
    assert!(r
        .all_sections()
        .iter()
        .all(|s| s.kind == SectionKind::Heading));
    let r = build(&format!(
        "{HEAD}一、主要工作\n\n内容一。\n\n附件1 2023年民生实事完成情况\n\n附件2 2024年民生实事项目\n"
    ));
    assert!(r
        .all_sections()
        .iter()
        .all(|s| s.kind == SectionKind::Heading));
    // An attachment with a body after its title is still one.
    let r = build(&format!(
        "{HEAD}一、主要工作\n\n内容一。\n\n附件1 2024年民生实事项目\n\n一、新建学校10所。\n"
    ));
    assert_eq!(r.sections[1].kind, SectionKind::Attachment);
}

#[test]
fn a_unnumbered_attachment_line_naming_a_glossary_is_the_glossary() {
    let r = build(&format!(
        "{HEAD}一、主要工作\n\n内容一。\n\n附件:名词解释\n\n1.新质生产力:是指创新起主导作用的先进生产力。\n"
    ));
    assert_eq!(r.sections[1].kind, SectionKind::Glossary);
    assert_eq!(r.sections[1].heading, "名词解释");
}

/// Paragraphs of a body assembled without cleaning (the joining is the assembler's).
fn assembled_paragraphs(text: &str) -> Vec<String> {
    let doc = Doc::new(text);
    let a = assemble(&doc.tokens(), "t");
    paragraphs(&a.preamble, &a.sections)
}

#[test]
fn a_long_line_broken_mid_word_joins_across_a_blank_line() {
    let long =
        "坚持以文化人,繁荣发展文化事业和文化产业,加强文物保护利用和非物质文化遗产传承,深入推进文";
    assert!(long.chars().count() >= 40);
    let text = format!("{long}{long}\n\n化体制机制创新。\n\n新的一段。\n");
    let p = assembled_paragraphs(&text);
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p[0].ends_with("推进文化体制机制创新。"));
}

#[test]
fn a_token_split_over_three_lines_joins_into_one_sentence() {
    let long =
        "实施大气污染防治行动,淘汰老旧机动车,全面推行绿色工地标准化管理,重点整治扬尘污染,全年";
    let text = format!("{long}{long}PM\n\n2.5\n\n年平均浓度下降4%。\n");
    let p = assembled_paragraphs(&text);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].ends_with("全年PM2.5年平均浓度下降4%。"), "{p:?}");
}

#[test]
fn short_lines_and_lead_ins_are_not_joined_to_the_next_paragraph() {
    let p = assembled_paragraphs(
        "2024年1月20日在甲市第十六届人民代表大会第三次会议上\n\n各位代表:\n\n现在报告工作。\n\n\
         今年重点抓好以下工作,努力实现经济社会发展的各项目标任务,推动高质量发展取得新成效:\n\n扩大有效投资。\n",
    );
    assert_eq!(p.len(), 5, "{p:?}");
}

#[test]
fn bare_lines_a_run_continues_across_are_not_parts() {
    // "(三)" … bare lines … "(四)": the lines are items of (三), not parts.
    let r = build(&format!(
        "{HEAD}(一)去年的成绩\n\n内容一。\n\n(二)今年的任务\n\n内容二。\n\n(三)各部门的安排\n\n下面分别说明。\n\n\
         关于基本建设\n\n1.建设规模适当扩大。\n\n关于工业生产\n\n1.产量继续增长。\n\n(四)厉行节约\n\n内容四。\n"
    ));
    assert!(r
        .all_sections()
        .iter()
        .all(|s| s.kind == SectionKind::Heading));
    let top: Vec<String> = r.sections.iter().map(|s| s.marker.clone()).collect();
    assert_eq!(top, [fw("(一)"), fw("(二)"), fw("(三)"), fw("(四)")]);
}

#[test]
fn numerals_glued_after_a_sentence_end_are_text_not_a_yi_heading() {
    let r = build(&format!(
        "{HEAD}一、主要工作\n\n经济增长较快。二、三产业比重提高。\n\n二、今年任务\n\n内容二。\n"
    ));
    let top: Vec<String> = r.sections.iter().map(|s| s.heading.clone()).collect();
    assert_eq!(top, ["主要工作", "今年任务"]);
}

#[test]
fn a_bold_numeral_with_a_comma_or_stop_continues_the_yi_run() {
    let r = build(&format!(
        "{HEAD}**一、过去一年**\n\n内容一。\n\n**二,今年的任务**\n\n内容二。\n\n**三.政府建设**\n\n内容三。\n"
    ));
    let top: Vec<String> = r.sections.iter().map(|s| s.heading.clone()).collect();
    assert_eq!(top, ["过去一年", "今年的任务", "政府建设"]);
}

#[test]
fn a_long_line_is_not_joined_to_a_bold_line_or_a_marker_line() {
    let long = "全年地区生产总值稳步增长,规模以上工业增加值较快增长,社会消费品零售总额保持增长,增长百分之八";
    let p = assembled_paragraphs(&format!("{long}{long}\n\n(二)围绕提升竞争力推进改革。\n"));
    assert_eq!(p.len(), 2, "{p:?}");
    let doc = {
        let text = format!("{long}{long}\n\n**新的标题行**\n\n正文。\n");
        let mut d = Doc::new(&text);
        let stars: Vec<usize> = text
            .chars()
            .enumerate()
            .filter(|(_, c)| *c == '*')
            .map(|(i, _)| i)
            .collect();
        for w in stars.chunks(2) {
            d.remove_transparent(w[0], w[1] + 1, baogao::model::RemovedReason::Markdown);
        }
        d
    };
    let a = assemble(&doc.tokens(), "t");
    assert_eq!(paragraphs(&a.preamble, &a.sections).len(), 3);
}

#[test]
fn a_yi_heading_glued_after_a_sentence_end_at_a_line_end_opens_its_section() {
    let r = build(&format!(
        "{HEAD}一、过去一年的工作\n\n经济增长较快。问题仍需认真加以解决。二、今年的工作安排\n\n今年要做好以下工作。\n"
    ));
    let top: Vec<String> = r.sections.iter().map(|s| s.heading.clone()).collect();
    assert_eq!(top, ["过去一年的工作", "今年的工作安排"]);
}
