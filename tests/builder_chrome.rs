//! Page chrome, newspaper jump markers, running titles and removal warnings,
//! on small synthetic reports: chrome goes only as whole lines or whole
//! bracketed units, a jump marker vanishes and the sentence joins, a running
//! title goes only when it repeats the title or a page header, and nothing
//! that looks like report text goes without a warning.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use baogao::model::{Block, RemovedReason, Report};
use common::*;

/// Build a synthetic report (full-width forms applied) and check its accounting.
fn build(text: &str) -> Report {
    let text = fw(text);
    let r = baogao::builder::build_report(text.as_bytes(), "t.txt", None).unwrap();
    let src: Vec<char> = text.chars().collect();
    account(&r, &src).unwrap();
    r
}

/// Paragraph texts, in reading order (headings excluded).
fn paragraphs(r: &Report) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |bs: &[Block]| {
        for b in bs {
            if let Block::Paragraph(p) = b {
                out.push(p.text());
            }
        }
    };
    push(&r.preamble);
    for s in r.all_sections() {
        push(&s.blocks);
    }
    out
}

/// Everything a reader sees: headings and paragraphs.
fn visible(r: &Report) -> String {
    let mut v: Vec<String> = r.all_sections().iter().map(|s| s.heading.clone()).collect();
    v.extend(paragraphs(r));
    v.join("\n")
}

fn removed(r: &Report, reason: RemovedReason) -> Vec<String> {
    r.removed
        .iter()
        .filter(|x| x.reason == reason)
        .map(|x| x.text.clone())
        .collect()
}

const HEAD: &str = "2024年江南省政府工作报告\n\n各位代表:\n\n";

#[test]
fn reader_toolbar_lines_go_but_the_same_words_inside_text_stay() {
    let r = build(&format!(
        "{HEAD}全屏\n首页\n\n一、工作回顾\n\n筑牢安全屏障,加大投入。首页经济稳步发展。\n"
    ));
    assert_eq!(removed(&r, RemovedReason::PageChrome), ["全屏", "首页"]);
    let v = visible(&r);
    assert!(v.contains("筑牢安全屏障"), "{v}");
    assert!(v.contains("首页经济"), "{v}");
    assert!(!v.lines().any(|l| l == "全屏" || l == "首页"), "{v}");
}

#[test]
fn a_font_size_toolbar_goes_whole_with_its_lone_bracket() {
    let r = build(&format!(
        "{HEAD}【字号:\n加大\n还原\n减小\n】\n\n一、工作回顾\n\n全年经济增长5%。\n\n加大\n\n二、今年安排\n\n继续努力。\n"
    ));
    assert_eq!(
        removed(&r, RemovedReason::PageChrome),
        ["【字号:", "加大", "还原", "减小", "】"].map(fw)
    );
    // The same word on its own, away from any chrome, is left to the reader.
    assert!(paragraphs(&r).contains(&"加大".to_string()));
}

#[test]
fn related_articles_and_editor_and_page_id_in_the_footer_go() {
    let r = build(&format!(
        "{HEAD}一、工作回顾\n\n全年经济增长5%。\n\n各位代表!\n\n相关报道:\n江南省长作政府工作报告\n2024年江南省两会开幕\n责任编辑:王五\n3f2a9c0d1e7b4a5c9d8e\n"
    ));
    assert_eq!(
        removed(&r, RemovedReason::RelatedLinks),
        [
            "相关报道:",
            "江南省长作政府工作报告",
            "2024年江南省两会开幕"
        ]
        .map(fw)
    );
    assert_eq!(removed(&r, RemovedReason::Credit), [fw("责任编辑:王五")]);
    assert_eq!(
        removed(&r, RemovedReason::PageChrome),
        ["3f2a9c0d1e7b4a5c9d8e"]
    );
    assert_eq!(
        paragraphs(&r).last().map(String::as_str),
        Some(&*fw("各位代表!"))
    );
}

#[test]
fn source_and_photo_credit_lines_go() {
    let r = build(&format!(
        "{HEAD}(江南日报)\n\n(记者 李四 摄)\n\n一、工作回顾\n\n全年经济增长5%(预计数)。\n\n来源:江南省人民政府\n"
    ));
    assert_eq!(
        removed(&r, RemovedReason::Credit),
        ["(江南日报)", "(记者 李四 摄)", "来源:江南省人民政府"].map(fw)
    );
    assert!(visible(&r).contains(&fw("(预计数)")));
}

#[test]
fn html_comments_go_even_over_lines_and_inline_ones_join() {
    let r = build(&format!(
        "{HEAD}<!-- 省长作政府工作报告。\n(本报记者 摄) -->\n\n一、工作回顾\n\n全年经济<!-- 图 -->增长5%。\n"
    ));
    assert_eq!(removed(&r, RemovedReason::HtmlComment).len(), 2);
    assert!(paragraphs(&r).contains(&fw("全年经济增长5%。")));
    assert!(!visible(&r).contains("<!--"));
}

#[test]
fn a_page_description_repeating_the_opening_goes() {
    let r = build(
        "现在,我代表省人民政府向大会报告工作,请予审议…\n\n2024年江南省政府工作报告\n\n各位代表:\n\n现在,我代表省人民政府向大会报告工作,请予审议,并请省政协委员提出意见。\n\n一、工作回顾\n\n全年经济增长5%。\n",
    );
    assert_eq!(removed(&r, RemovedReason::PageDescription).len(), 1);
    let ps = paragraphs(&r);
    assert_eq!(
        ps.iter().filter(|p| p.contains(&fw("请予审议,"))).count(),
        1,
        "{ps:?}"
    );
}

#[test]
fn jump_markers_in_every_form_vanish_and_the_sentence_joins() {
    for m in [
        "(紧转第2版)",
        "(紧接第1版)",
        "(下转A2版)",
        "(下转第四版)",
        "(上接A02版)",
    ] {
        let r = build(&format!("{HEAD}一、工作回顾\n\n全年经济{m}增长5%。\n"));
        assert_eq!(removed(&r, RemovedReason::JumpMarker), [fw(m)], "{m}");
        assert!(paragraphs(&r).contains(&fw("全年经济增长5%。")), "{m}");
    }
}

#[test]
fn a_page_break_between_two_jump_markers_does_not_split_the_paragraph() {
    let r = build(&format!(
        "{HEAD}一、工作回顾\n\n全年经济增长5%,(下转第二版)\n\n(上接第一版)城镇登记失业率3%。\n"
    ));
    assert_eq!(removed(&r, RemovedReason::JumpMarker).len(), 1);
    assert!(
        paragraphs(&r).contains(&fw("全年经济增长5%,城镇登记失业率3%。")),
        "{:?}",
        paragraphs(&r)
    );
}

#[test]
fn a_recurring_salutation_is_not_a_running_title() {
    let r = build(&format!(
        "{HEAD}一、工作回顾\n\n全年经济增长5%。\n\n各位代表!\n\n成绩来之不易。\n\n二、今年安排\n\n继续努力。\n\n各位代表!\n\n让我们团结奋斗。\n"
    ));
    assert!(removed(&r, RemovedReason::RunningTitle).is_empty());
    let salutes = paragraphs(&r)
        .iter()
        .filter(|p| **p == fw("各位代表!"))
        .count();
    assert_eq!(salutes, 2);
}

#[test]
fn pm2_5_broken_over_lines_keeps_its_2_5() {
    let r = build(&format!(
        "{HEAD}一、工作回顾\n\n细颗粒物(PM\n2.5\n)年平均浓度下降。城市PM\n2.5\n浓度达标。\n"
    ));
    assert!(removed(&r, RemovedReason::RunningTitle).is_empty());
    assert!(visible(&r).matches("2.5").count() == 2, "{}", visible(&r));
}

#[test]
fn repeated_words_in_a_glossary_stay() {
    let r = build(&format!(
        "{HEAD}一、工作回顾\n\n推进一网通办。\n\n名词解释\n\n一网通办\n\n指政务服务一网办理。\n\n一网通办\n\n也称一网通。\n"
    ));
    assert!(removed(&r, RemovedReason::RunningTitle).is_empty());
    assert_eq!(
        visible(&r).matches("一网通办").count(),
        3,
        "{}",
        visible(&r)
    );
}

#[test]
fn a_page_header_cutting_sentences_goes_and_so_does_a_repeated_title() {
    let r = build(&format!(
        "{HEAD}一、工作回顾\n\n全年经济增长\n江南省人民政府文件\n5%,城镇\n江南省人民政府文件\n新增就业10万人。\n\n2024年江南省政府工作报告\n\n二、今年安排\n\n继续努力。\n"
    ));
    assert_eq!(
        removed(&r, RemovedReason::RunningTitle),
        [
            "江南省人民政府文件",
            "江南省人民政府文件",
            "2024年江南省政府工作报告"
        ]
    );
    // (Joining the lines of the cut sentence is the paragraph builder's job.)
    let flat: String = visible(&r).chars().filter(|c| *c != '\n').collect();
    assert!(
        flat.contains(&fw("全年经济增长5%,城镇新增就业10万人。")),
        "{flat}"
    );
    // A repeat of the report's own title is verified: no warning for it.
    assert!(r.warnings.iter().all(|w| !w.contains("running_title")));
}

#[test]
fn a_removed_page_header_that_looks_like_content_warns() {
    let r = build(&format!(
        "{HEAD}一、工作回顾\n\n全年经济增长\n第2页 政府公报\n5%,城镇\n第2页 政府公报\n新增就业10万人。\n"
    ));
    assert_eq!(removed(&r, RemovedReason::RunningTitle).len(), 2);
    let w: Vec<&String> = r
        .warnings
        .iter()
        .filter(|w| w.contains("running_title") && w.contains("digits"))
        .collect();
    assert_eq!(w.len(), 2, "{:?}", r.warnings);
}

#[test]
fn a_report_mostly_removed_as_noise_warns() {
    let chrome = "【打印】【关闭】\n分享到:微信 微博\n".repeat(20);
    let r = build(&format!("{HEAD}{chrome}一、工作回顾\n\n全年经济增长5%。\n"));
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("removed as page noise")),
        "{:?}",
        r.warnings
    );
    let clean = build(&format!("{HEAD}一、工作回顾\n\n全年经济增长5%。\n"));
    assert!(clean.warnings.iter().all(|w| !w.contains("page noise")));
}

#[test]
fn a_download_list_at_the_page_foot_goes_but_attachments_in_the_body_stay() {
    let r = build(&format!(
        "{HEAD}一、工作回顾\n\n全年经济增长5%。\n\n附件:\n\n1.名词解释\n\n文档附件:\n- 2024年政府工作报告.pdf\n"
    ));
    assert_eq!(
        removed(&r, RemovedReason::PageChrome),
        ["文档附件:", "- 2024年政府工作报告.pdf"].map(fw)
    );
    assert!(visible(&r).contains("名词解释"));
}

#[test]
fn a_plain_attachment_header_goes_only_with_the_files_under_it() {
    let r = build(&format!(
        "{HEAD}一、工作回顾\n\n全年经济增长5%。\n\n附件:\n\n- 政府工作报告.pdf\n- 名词解释.docx\n"
    ));
    assert_eq!(
        removed(&r, RemovedReason::PageChrome),
        ["附件:", "- 政府工作报告.pdf", "- 名词解释.docx"].map(fw)
    );
    assert!(
        r.warnings.iter().all(|w| !w.contains("page_chrome")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn an_unbracketed_photo_credit_under_a_caption_goes() {
    let r = build(&format!(
        "{HEAD}某某日报记者 王五 摄\n\n一、工作回顾\n\n新安装视频监控摄像机1000个。\n"
    ));
    assert_eq!(removed(&r, RemovedReason::Credit), ["某某日报记者 王五 摄"]);
    assert!(visible(&r).contains("摄像机"));
}

#[test]
fn blockquote_markers_are_markdown_residue() {
    let r = build(&format!(
        "{HEAD}一、工作回顾\n\n> 全年经济增长5%。\n>\n> 城镇新增就业10万人。\n"
    ));
    assert_eq!(removed(&r, RemovedReason::Markdown), [">", ">", ">"]);
    assert!(!visible(&r).contains('>'), "{}", visible(&r));
}

#[test]
fn bracketed_chrome_units_inside_a_line_go_and_bracketed_headings_stay() {
    let r = build(&format!(
        "{HEAD}一、工作回顾\n\n全年经济增长5%。【打印】 【关闭】\n\n【名词解释】\n\n【字号 大 中 小】城镇新增就业10万人。\n"
    ));
    assert_eq!(
        removed(&r, RemovedReason::PageChrome),
        ["【打印】", "【关闭】", "【字号 大 中 小】"]
    );
    let v = visible(&r);
    assert!(v.contains("【名词解释】"), "{v}");
    assert!(paragraphs(&r).contains(&fw("全年经济增长5%。")), "{v}");
}
