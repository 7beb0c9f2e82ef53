//! Browsing a corpus (issue 12): the outline grouped by region (全国, then
//! provinces, then cities) with counts, reports newest first; the status
//! line naming the report by region and year. Driven through `update` on
//! the hand-built seven-report `corpus_model`; screens are snapshotted.

use ratatui::backend::TestBackend;
use ratatui::Terminal;

use super::action::Action;
use super::app::App;
use super::outline::NodeKind;
use super::test_support::{opts, run};
use super::testmodel::corpus_model;
use super::ui::{self, cells::screen_text};

fn corpus_app(w: u16, h: u16) -> App {
    App::new(corpus_model(), opts(), (w, h))
}

fn screen(app: &App) -> String {
    let (w, h) = app.size;
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| ui::draw(app, f.buffer_mut())).unwrap();
    screen_text(term.backend().buffer()).join("\n")
}

fn visible_labels(app: &App) -> Vec<String> {
    let o = &app.outline;
    o.visible
        .iter()
        .map(|&n| {
            format!(
                "{}{}",
                " ".repeat(o.nodes[n].depth as usize),
                o.nodes[n].label
            )
        })
        .collect()
}

#[test]
fn the_outline_groups_reports_by_region_with_counts_newest_first() {
    let mut a = corpus_app(80, 24);
    assert!(a.outline.grouped());
    // The first group and its newest report are open, that report selected.
    let l = visible_labels(&a);
    assert_eq!(l[0], "全国 (2)");
    assert_eq!(l[1], " 2024 政府工作报告");
    assert_eq!(l[2], "  (preamble)");
    assert_eq!(
        a.current_report().map(|r| a.model.reports[r].id.as_str()),
        Some("china-2024")
    );
    let tops: Vec<&String> = l.iter().filter(|s| !s.starts_with(' ')).collect();
    assert_eq!(tops, ["全国 (2)", "江苏省 (1)", "浙江省 (2)", "杭州市 (2)"]);
    // A group's reports: newest first, the work report before the plan report.
    let g = a.outline.visible[a.outline.visible.len() - 1];
    a.outline.reveal(a.outline.nodes[g].children[0]);
    let l = visible_labels(&a);
    let n = l.len();
    assert_eq!(&l[n - 2..], [" 2024 政府工作报告", " 2024 计划报告"]);
}

#[test]
fn a_group_opens_on_a_page_listing_its_reports() {
    let mut a = corpus_app(80, 24);
    run(&mut a, &[Action::Bottom]);
    let n = a.outline.selected_node().unwrap();
    assert_eq!(a.outline.nodes[n].kind, NodeKind::Group);
    let s = screen(&a);
    assert!(
        s.contains("2024 2024年杭州市政府工作报告 (hangzhou-2024)"),
        "{s}"
    );
    assert!(s.contains("(hangzhou-2024-plan)"), "{s}");
}

#[test]
fn the_status_line_names_the_report_by_region_and_year() {
    let mut a = corpus_app(80, 24);
    run(&mut a, &[Action::Down, Action::Down]);
    let s = screen(&a);
    let status = s.lines().last().unwrap();
    assert!(
        status.starts_with(" 全国 2024 > 一、2023年工作回顾"),
        "{status}"
    );
}

#[test]
fn grouped_outline_80x24() {
    let mut a = corpus_app(80, 24);
    // open 浙江省 too
    run(&mut a, &[Action::Bottom, Action::Up, Action::Right]);
    insta::assert_snapshot!(screen(&a));
}

fn pick(app: &mut App, typed: &str) {
    run(app, &[Action::PickReport]);
    for c in typed.chars() {
        run(app, &[Action::Input(c)]);
    }
    run(app, &[Action::Enter]);
}

fn current_id(app: &App) -> &str {
    let r = app.current_report().unwrap();
    app.model.reports[r].id.as_str()
}

#[test]
fn the_picker_goes_to_a_province_latest_report_typed_in_pinyin() {
    let mut a = corpus_app(80, 24);
    pick(&mut a, "zhejiang");
    assert_eq!(a.overlay, None);
    assert_eq!(current_id(&a), "zhejiang-2024");
    assert_eq!(a.focus, super::action::Focus::Reader);
    let s = screen(&a);
    assert!(s.lines().last().unwrap().starts_with(" 浙江省 2024"), "{s}");
    pick(&mut a, "zj 2023");
    assert_eq!(current_id(&a), "zhejiang-2023");
    pick(&mut a, "hz plan");
    assert_eq!(current_id(&a), "hangzhou-2024-plan");
    // C-o goes back to the report before
    run(&mut a, &[Action::JumpBack]);
    assert_eq!(current_id(&a), "zhejiang-2023");
}

#[test]
fn the_picker_says_when_nothing_matches_and_esc_leaves_everything_as_it_was() {
    let mut a = corpus_app(80, 24);
    let before = a.place();
    pick(&mut a, "xyz");
    assert_eq!(a.message, Some(super::strings::NO_REPORTS_MATCH));
    assert_eq!(a.overlay, Some(super::app::Overlay::Picker));
    run(&mut a, &[Action::Close]);
    assert_eq!(a.overlay, None);
    assert_eq!(a.place(), before);
}

#[test]
fn each_report_keeps_its_reading_position() {
    let mut a = corpus_app(80, 12);
    pick(&mut a, "zhejiang");
    // read on in 浙江 2024: next section, scroll a line
    run(
        &mut a,
        &[Action::NextSection, Action::NextSection, Action::Down],
    );
    let there = (a.reader.node, a.reader.top, a.outline.selected_node());
    assert_ne!(a.outline.nodes[there.0.unwrap()].kind, NodeKind::Report);
    pick(&mut a, "china");
    assert_eq!(current_id(&a), "china-2024");
    pick(&mut a, "zhejiang");
    assert_eq!(current_id(&a), "zhejiang-2024");
    assert_eq!(
        (a.reader.node, a.reader.top, a.outline.selected_node()),
        there
    );
    // a report never read opens at its start
    pick(&mut a, "jiangsu");
    let n = a.reader.node.unwrap();
    assert_eq!(a.outline.nodes[n].kind, NodeKind::Report);
}

#[test]
fn picker_80x24() {
    let mut a = corpus_app(80, 24);
    run(&mut a, &[Action::PickReport]);
    let all = screen(&a);
    for c in "zj".chars() {
        run(&mut a, &[Action::Input(c)]);
    }
    insta::assert_snapshot!(format!("{all}\n--- zj\n{}", screen(&a)));
}

fn search(app: &mut App, q: &str) {
    run(app, &[Action::SearchOpen]);
    for c in q.chars() {
        run(app, &[Action::Input(c)]);
    }
    super::test_support::settle_search(app);
}

fn hit_reports(app: &App) -> Vec<&str> {
    let mut ids: Vec<&str> = app
        .search
        .hits
        .iter()
        .map(|h| h.location.report())
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

#[test]
fn search_covers_every_report_and_at_terms_narrow_it() {
    let mut a = corpus_app(80, 24);
    search(&mut a, "shuzijingji");
    assert_eq!(hit_reports(&a).len(), 7);
    run(&mut a, &[Action::Close]);
    for (q, want) in [
        ("数字经济 @zhejiang", vec!["zhejiang-2023", "zhejiang-2024"]),
        (
            "数字经济 @浙江 @2024",
            vec!["hangzhou-2024", "hangzhou-2024-plan", "zhejiang-2024"],
        ),
        ("shuzi @zj @2023..2023", vec!["zhejiang-2023"]),
        ("数字经济 @province !@zhejiang", vec!["jiangsu-2024"]),
        ("数字经济 @national @plan", vec![]),
        ("数字经济 @city @plan", vec!["hangzhou-2024-plan"]),
    ] {
        search(&mut a, q);
        assert_eq!(hit_reports(&a), want, "{q}");
        run(&mut a, &[Action::Close]);
    }
    // a bare year is text, not a filter: 2023年 is in the 2024 reports too
    search(&mut a, "'2023年");
    assert_eq!(hit_reports(&a).len(), 7);
    run(&mut a, &[Action::Close]);
    search(&mut a, "'2023年 @jiangsu");
    assert_eq!(hit_reports(&a), ["jiangsu-2024"], "2023年工作回顾");
}

#[test]
fn typing_an_at_term_letter_by_letter_finds_what_typing_it_at_once_finds() {
    // `@2` → `@20` → `@2024`: the narrower query must not narrow from the
    // matches of an unfinished @ term (which named no report)
    let mut a = corpus_app(80, 24);
    let q = "数字经济 @2024";
    search(&mut a, q);
    let at_once = crate::search::Index::new(&a.model).search(q, &Default::default());
    assert_eq!(a.search.hits.len(), at_once.len());
    assert_eq!(hit_reports(&a).len(), 5);
}

#[test]
fn a_hit_jumps_into_its_report_and_the_list_names_region_and_year() {
    let mut a = corpus_app(80, 24);
    search(&mut a, "shuzijingji @zhejiang @2024");
    let s = screen(&a);
    assert!(s.contains("浙江省 2024 › "), "{s}");
    run(&mut a, &[Action::Enter]);
    assert_eq!(current_id(&a), "zhejiang-2024");
    assert!(a.reader.highlight.is_some());
}

#[test]
fn filtered_search_80x24() {
    let mut a = corpus_app(80, 24);
    search(&mut a, "fazhan @zhejiang");
    insta::assert_snapshot!(screen(&a));
}
