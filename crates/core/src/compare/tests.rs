//! The comparison on synthetic pairs of reports of my own, built by the
//! builder (so sections, sentences and headline targets come from text as
//! in a real model): a section moved, renamed, split and merged, one added
//! and one dropped, sentences changed, inserted and deleted, targets side
//! by side; choosing reports by id, by region and year, and the previous
//! year's report.

use super::*;
use crate::model::Model;

pub(crate) use crate::model::fixtures::full_width as zh;

/// A work report of 浙江省 for `year` with the given body (after the
/// salutation).
pub(crate) fn report_text(year: u16, body: &str) -> String {
    zh(&format!(
        "浙江省政府工作报告\n\n\
         ——{year}年1月20日在浙江省第十四届人民代表大会第二次会议上\n\n\
         各位代表:\n\n{body}"
    ))
}

pub(crate) fn build(year: u16, body: &str) -> Report {
    let t = report_text(year, body);
    crate::builder::build_report(t.as_bytes(), &format!("{year}.txt"), None).unwrap()
}

pub(crate) const BODY_2024: &str = "\
一、2023年工作回顾\n\n\
过去一年,全省经济回升向好。全省生产总值增长6%。科技创新取得新突破。\n\n\
二、2024年主要任务\n\n\
2024年经济社会发展的主要预期目标是:地区生产总值增长5%左右。\n\n\
(一)加快建设现代化产业体系\n\n\
推进制造业高端化智能化绿色化。培育壮大战略性新兴产业。加快发展数字经济。\n\n\
(二)扩大有效投资\n\n\
实施重大项目攻坚行动。力争完成固定资产投资增长5%。\n\n\
(三)推进乡村全面振兴\n\n\
稳定粮食生产。建设宜居宜业和美乡村。\n\n\
(四)保障和改善民生\n\n\
做好高校毕业生就业工作。实施就业优先政策。办好人民满意的教育。推进健康浙江建设。提高养老服务水平。\n\n\
(五)加强生态环境保护\n\n\
打好污染防治攻坚战。推进美丽浙江建设。\n\n\
(六)推进绿色低碳发展\n\n\
推动能源结构调整优化。大力发展循环经济。\n\n\
(七)办好杭州亚运会\n\n\
高水平举办杭州亚运会和亚残运会。\n";

pub(crate) const BODY_2025: &str = "\
一、2024年工作回顾\n\n\
过去一年,全省经济稳中有进。全省生产总值增长5.5%。科技创新取得新突破。\n\n\
二、2025年主要任务\n\n\
2025年经济社会发展的主要预期目标是:地区生产总值增长5.5%左右。\n\n\
(一)推进乡村全面振兴\n\n\
稳定粮食生产。建设宜居宜业和美乡村。发展乡村特色产业。\n\n\
(二)加快构建现代化产业体系\n\n\
推进制造业高端化智能化绿色化。培育壮大战略性新兴产业和未来产业。\n\n\
(三)扩大有效投资\n\n\
实施重大项目攻坚行动。确保完成固定资产投资增长5.5%。\n\n\
(四)促进高质量充分就业\n\n\
做好高校毕业生就业工作。实施就业优先政策。\n\n\
(五)保障和改善民生\n\n\
办好人民满意的教育。推进健康浙江建设。提高养老服务水平。\n\n\
(六)加强生态环境保护和绿色低碳发展\n\n\
打好污染防治攻坚战。推进美丽浙江建设。推动能源结构调整优化。大力发展循环经济。\n\n\
(七)深化重点领域改革\n\n\
深化国资国企改革。持续优化营商环境。\n";

fn pair() -> (Report, Report) {
    (build(2024, BODY_2024), build(2025, BODY_2025))
}

/// The row whose B (else A) section has this heading.
fn row<'d>(d: &'d ReportDiff, heading: &str) -> &'d SectionDiff {
    let h = zh(heading);
    d.sections
        .iter()
        .find(|r| r.shown().is_some_and(|s| s.heading == h))
        .unwrap_or_else(|| panic!("no row {heading}: {:#?}", labels(d)))
}

fn labels(d: &ReportDiff) -> Vec<String> {
    d.sections
        .iter()
        .map(|r| {
            format!(
                "{} {:?} {:?}",
                r.status.as_str(),
                r.a.as_ref().map(|s| s.label()),
                r.b.as_ref().map(|s| s.label())
            )
        })
        .collect()
}

#[test]
fn the_synthetic_reports_build_with_the_outline_the_tests_expect() {
    let (a, b) = pair();
    assert_eq!(a.region.as_deref(), Some("浙江省"));
    assert_eq!((a.plan_year, b.plan_year), (Some(2024), Some(2025)));
    assert_eq!(a.sections.len(), 2);
    assert_eq!(a.sections[1].children.len(), 7);
    assert_eq!(b.sections[1].children.len(), 7);
}

#[test]
fn a_section_moved_to_another_position_is_matched_and_marked_moved() {
    let (a, b) = pair();
    let d = compare(&a, &b);
    let r = row(&d, "推进乡村全面振兴");
    assert_eq!(r.a.as_ref().unwrap().path, zh("二、(三)"));
    assert_eq!(r.b.as_ref().unwrap().path, zh("二、(一)"));
    assert!(r.moved, "{:#?}", labels(&d));
    assert!(!r.renamed);
    assert_eq!(r.status, SectionStatus::Changed);
    assert_eq!(r.counts.same, 2);
    assert_eq!(r.counts.added, 1);
    assert_eq!(r.sentences[0].change, Change::Added);
    // the sections around it kept their order: not moved
    assert!(!row(&d, "扩大有效投资").moved);
}

#[test]
fn a_renamed_section_is_matched_and_its_sentences_diffed_at_word_level() {
    let (a, b) = pair();
    let d = compare(&a, &b);
    let r = row(&d, "加快构建现代化产业体系");
    assert_eq!(r.a.as_ref().unwrap().heading, "加快建设现代化产业体系");
    assert!(r.renamed);
    assert_eq!(r.counts.same, 1);
    assert_eq!(r.counts.changed, 1);
    assert_eq!(r.counts.dropped, 1);
    let changed = r
        .sentences
        .iter()
        .find(|s| s.change == Change::Changed)
        .unwrap();
    assert!(changed
        .pieces
        .iter()
        .any(|p| p.op == Op::Insert && p.text == "和未来产业"));
    let dropped = r
        .sentences
        .iter()
        .find(|s| s.change == Change::Dropped)
        .unwrap();
    assert_eq!(dropped.a.as_ref().unwrap().text, "加快发展数字经济。");
    // the year in a heading is a rename too, and the review section pairs up
    let review = row(&d, "2024年工作回顾");
    assert_eq!(review.a.as_ref().unwrap().heading, "2023年工作回顾");
    assert!(review.renamed);
}

#[test]
fn a_hardened_commitment_shows_as_a_deleted_and_an_inserted_run() {
    let (a, b) = pair();
    let d = compare(&a, &b);
    let r = row(&d, "扩大有效投资");
    assert_eq!(r.counts.changed, 1);
    let p = &r.sentences[0].pieces;
    assert!(
        p.iter().any(|x| x.op == Op::Delete && x.text == "力争"),
        "{p:?}"
    );
    assert!(
        p.iter().any(|x| x.op == Op::Insert && x.text == "确保"),
        "{p:?}"
    );
    assert!(
        p.iter().any(|x| x.op == Op::Insert && x.text == "5.5"),
        "{p:?}"
    );
}

#[test]
fn a_split_section_keeps_its_match_and_the_new_part_says_where_it_came_from() {
    let (a, b) = pair();
    let d = compare(&a, &b);
    let kept = row(&d, "保障和改善民生");
    assert_eq!(kept.a.as_ref().unwrap().path, zh("二、(四)"));
    assert_eq!(kept.counts.dropped, 2, "{:#?}", kept.sentences);
    let split = row(&d, "促进高质量充分就业");
    assert_eq!(split.status, SectionStatus::Split, "{:#?}", labels(&d));
    assert_eq!(split.a, None);
    assert_eq!(
        split.related.as_ref().unwrap().heading,
        zh("保障和改善民生")
    );
    assert_eq!(split.counts.same, 2);
    assert_eq!(split.counts.dropped, 0);
}

#[test]
fn a_merged_section_says_where_it_went_and_the_merged_one_lists_the_additions() {
    let (a, b) = pair();
    let d = compare(&a, &b);
    let merged = d
        .sections
        .iter()
        .find(|r| r.status == SectionStatus::Merged)
        .unwrap_or_else(|| panic!("{:#?}", labels(&d)));
    assert_eq!(merged.a.as_ref().unwrap().heading, "推进绿色低碳发展");
    assert_eq!(
        merged.related.as_ref().unwrap().heading,
        "加强生态环境保护和绿色低碳发展"
    );
    assert_eq!(merged.counts.same, 2);
    let into = row(&d, "加强生态环境保护和绿色低碳发展");
    assert_eq!(into.a.as_ref().unwrap().heading, "加强生态环境保护");
    assert_eq!(into.counts.added, 2);
}

#[test]
fn sections_only_in_one_report_are_added_or_dropped_in_reading_order() {
    let (a, b) = pair();
    let d = compare(&a, &b);
    let added = row(&d, "深化重点领域改革");
    assert_eq!(added.status, SectionStatus::Added);
    assert_eq!(added.counts.added, 2);
    let dropped = row(&d, "办好杭州亚运会");
    assert_eq!(dropped.status, SectionStatus::Dropped);
    assert_eq!(dropped.counts.dropped, 1);
    assert_eq!(d.status_count(SectionStatus::Added), 1);
    assert_eq!(d.status_count(SectionStatus::Dropped), 1);
    // a dropped section comes after the row of the section before it in A
    let at = |h: &str| {
        d.sections
            .iter()
            .position(|r| r.shown().is_some_and(|s| s.heading == zh(h)))
            .unwrap()
    };
    assert!(at("办好杭州亚运会") > at("加强生态环境保护和绿色低碳发展"));
    // totals are the rows' sums
    let mut c = Counts::default();
    for r in &d.sections {
        c.add(&r.counts);
    }
    assert_eq!(c, d.counts);
}

#[test]
fn identical_reports_have_no_changes() {
    let a = build(2024, BODY_2024);
    let d = compare(&a, &a);
    assert_eq!(d.counts.differing(), 0);
    assert!(d
        .sections
        .iter()
        .all(|r| r.status == SectionStatus::Same && !r.moved && !r.renamed));
    assert!(d.targets.iter().all(|t| t.change == TargetChange::Same));
}

#[test]
fn targets_side_by_side_with_the_result_of_the_older_target() {
    let (a, b) = pair();
    let d = compare(&a, &b);
    let gdp = d.targets.iter().find(|t| t.key == "gdp").unwrap();
    assert_eq!(gdp.change, TargetChange::Changed);
    assert_eq!(gdp.a.as_ref().unwrap().value, Some(5.0));
    assert_eq!(gdp.b.as_ref().unwrap().value, Some(5.5));
    assert_eq!(gdp.result.as_ref().unwrap().value, Some(5.5));
}

#[test]
fn a_section_moved_under_another_parent_is_found() {
    let a = build(
        2024,
        "一、2023年工作回顾\n\n过去一年,全省经济回升向好。\n\n\
         (一)科技创新\n\n建成一批国家级创新平台。新增高新技术企业三千家。\n\n\
         二、2024年主要任务\n\n\
         (一)扩大内需\n\n促进消费持续恢复。\n\n",
    );
    let b = build(
        2025,
        "一、2024年工作回顾\n\n过去一年,全省经济稳中有进。\n\n\
         二、2025年主要任务\n\n\
         (一)扩大内需\n\n促进消费持续恢复。\n\n\
         (二)科技创新\n\n建成一批国家级创新平台。新增高新技术企业三千家。\n\n",
    );
    let d = compare(&a, &b);
    let r = row(&d, "科技创新");
    assert!(r.moved, "{:#?}", labels(&d));
    assert_eq!(r.a.as_ref().unwrap().path, zh("一、(一)"));
    assert_eq!(r.b.as_ref().unwrap().path, zh("二、(二)"));
    assert_eq!(r.status, SectionStatus::Same);
}

fn model_of(reports: Vec<Report>) -> Model {
    Model {
        schema_version: crate::model::SCHEMA_VERSION.into(),
        generator: "test".into(),
        reports,
    }
}

#[test]
fn reports_are_found_by_id_or_region_and_year_and_the_previous_one_by_series() {
    let m = model_of(vec![
        build(2025, BODY_2025),
        build(2023, BODY_2024),
        build(2024, BODY_2024),
    ]);
    let ids: Vec<&str> = m.reports.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["zhejiang-2025", "zhejiang-2023", "zhejiang-2024"]);
    assert_eq!(find_report(&m.reports, "zhejiang-2024"), Ok(2));
    assert_eq!(find_report(&m.reports, "浙江2023"), Ok(1));
    assert_eq!(find_report(&m.reports, "zhejiang 2025"), Ok(0));
    assert!(find_report(&m.reports, "浙江2030").is_err());
    assert!(find_report(&m.reports, "nothing").is_err());
    assert_eq!(previous(&m.reports, 0), Some(2));
    assert_eq!(previous(&m.reports, 2), Some(1));
    assert_eq!(previous(&m.reports, 1), None);
    assert_eq!(next(&m.reports, 1), Some(2));
    assert_eq!(next(&m.reports, 0), None);
}
