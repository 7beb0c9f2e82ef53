//! State-update tests: actions applied to an `App` on small hand-built
//! models, no terminal.

use super::action::{Action, Focus};
use super::app::{App, Options, Overlay};
use super::outline::NodeKind;
use super::test_support::{run, settle_search, small_app as app};
use super::testmodel::empty_model;
use super::update::update;
use crate::model::Location;
use crate::search::{Hit, HitKind};
use crate::text::AmbiguousWidth;

fn selected_id(app: &App) -> String {
    let n = app.outline.selected_node().unwrap();
    app.outline.nodes[n].id.clone()
}

#[test]
fn every_action_on_an_empty_model_is_harmless() {
    let opts = Options {
        amb: AmbiguousWidth::Wide,
        color: true,
        mouse: true,
    };
    let mut a = App::new(empty_model(), opts, (80, 24));
    use Action::*;
    let all = [
        Up,
        Down,
        Left,
        Right,
        Parent,
        NextSibling,
        PrevSibling,
        Top,
        Bottom,
        PageDown,
        PageUp,
        Enter,
        FocusNext,
        FocusNext,
        Sort,
        Filter,
        Input('x'),
        Backspace,
        Close,
        CellPopup,
        Enter,
        FocusNext,
        Records,
        Down,
        Close,
        PrevSection,
        NextSection,
        Tables,
        Help,
        Close,
        SearchOpen,
        Input('a'),
        Enter,
        Close,
        SearchNext,
        SearchPrev,
        HalfPageDown,
        HalfPageUp,
        ToggleOutline,
        Edit(super::prompt::Edit::WordBack),
        HistoryPrev,
        HistoryNext,
        ToggleOutline,
        Resize(10, 3),
        Click(3, 3),
        Scroll(1, 3, 3),
        Resize(200, 60),
        Click(1, 1),
        Scroll(-1, 50, 5),
    ];
    for act in all {
        update(&mut a, act);
        let mut buf =
            ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, a.size.0, a.size.1));
        super::ui::draw(&a, &mut buf);
    }
    assert!(!a.quit);
    update(&mut a, Quit);
    assert!(a.quit);
}

#[test]
fn enter_in_the_outline_opens_the_section_in_the_reader() {
    let mut a = app(80, 24);
    run(
        &mut a,
        &[
            Action::Down,
            Action::Down,
            Action::Right,
            Action::Down,
            Action::Enter,
        ],
    );
    assert_eq!(selected_id(&a), "demo-2023:s1.1");
    assert_eq!(a.focus, Focus::Reader);
    let path: String = a
        .reader
        .doc
        .lines
        .iter()
        .take_while(|l| l.kind == super::doc::LineKind::Path)
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(
        path,
        "demo-2023 > 一、2023年计划执行情况 > (一)经济运行稳中向好"
    );
}

#[test]
fn brackets_walk_sections_in_reading_order_and_the_outline_follows() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::Down, Action::Down, Action::Enter]);
    assert_eq!(selected_id(&a), "demo-2023:s1");
    run(&mut a, &[Action::NextSection, Action::NextSection]);
    assert_eq!(selected_id(&a), "demo-2023:s1.2");
    run(
        &mut a,
        &[
            Action::NextSection,
            Action::NextSection,
            Action::NextSection,
        ],
    );
    assert_eq!(selected_id(&a), "demo-2023:s2");
    run(&mut a, &[Action::PrevSection, Action::Parent]);
    assert_eq!(selected_id(&a), "demo-2023:s1.2");
}

#[test]
fn tab_cycles_the_panes_and_builds_the_tables_pane_on_first_use() {
    let mut a = app(80, 24);
    assert!(a.tables.is_none());
    run(&mut a, &[Action::FocusNext]);
    assert_eq!(a.focus, Focus::Reader);
    run(&mut a, &[Action::FocusNext]);
    assert_eq!(a.focus, Focus::Tables);
    let t = a.tables.as_ref().unwrap();
    assert_eq!(
        t.current_ref(),
        Some(super::tables::TableRef::Printed {
            report: 0,
            table: 0
        })
    );
    run(&mut a, &[Action::FocusNext]);
    assert_eq!(a.focus, Focus::Outline);
    assert_eq!(a.right_pane(), Focus::Tables);
    run(&mut a, &[Action::FocusPrev]);
    assert_eq!(a.focus, Focus::Tables);
}

#[test]
fn a_sentence_jump_selects_the_section_and_highlights_the_sentence_on_screen() {
    let mut a = app(80, 24);
    let ok = a.jump(&Location::Sentence {
        report: "demo-2023".into(),
        section: "demo-2023:s1.2.1".into(),
        sentence: "demo-2023:p5.1".into(),
    });
    assert!(ok);
    assert_eq!(selected_id(&a), "demo-2023:s1.2.1");
    assert_eq!(a.reader.highlight.as_deref(), Some("demo-2023:p5.1"));
    let l = a.reader.doc.line_of_sentence("demo-2023:p5.1").unwrap();
    assert!(l >= a.reader.top && l < a.reader.top + a.reader.height);
    assert_eq!(a.focus, Focus::Reader);
}

#[test]
fn a_preamble_sentence_jump_opens_the_preamble() {
    let mut a = app(80, 24);
    assert!(a.jump(&Location::Sentence {
        report: "demo-2023".into(),
        section: String::new(),
        sentence: "demo-2023:p1.2".into(),
    }));
    let n = a.outline.selected_node().unwrap();
    assert_eq!(a.outline.nodes[n].kind, NodeKind::Preamble);
}

#[test]
fn a_cell_jump_puts_the_tables_cursor_on_the_cell() {
    let mut a = app(80, 24);
    assert!(a.jump(&Location::Cell {
        report: "demo-2023".into(),
        table: "demo-2023:t1".into(),
        row: 2,
        column: 3,
    }));
    let t = a.tables.as_ref().unwrap();
    assert_eq!((t.rows[t.cursor], t.col), (2, 3));
    assert_eq!(a.focus, Focus::Tables);
    assert!(!a.jump(&Location::Section {
        report: "no-such-report".into(),
        section: "x".into()
    }));
}

fn hit(loc: Location) -> Hit {
    Hit {
        kind: HitKind::Sentence,
        location: loc,
        breadcrumb: "demo-2023 > 一、".into(),
        full_breadcrumb: "demo-2023 > 一、".into(),
        text: "洋山深水港集装箱吞吐量".into(),
        highlights: std::iter::once(15..24).collect(),
        score: 1,
        note: String::new(),
        more_in_row: 0,
    }
}

#[test]
fn search_enter_jumps_and_n_moves_on_and_esc_goes_back() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::Down, Action::SearchOpen]);
    assert_eq!(a.overlay, Some(Overlay::Search));
    run(
        &mut a,
        &[Action::Input('j'), Action::Input('z'), Action::Backspace],
    );
    assert_eq!(a.search.query, "j");
    // Hits as the search index would give them.
    a.search.hits = vec![
        hit(Location::Sentence {
            report: "demo-2023".into(),
            section: "demo-2023:s1.2.1".into(),
            sentence: "demo-2023:p5.1".into(),
        }),
        hit(Location::Section {
            report: "demo-2023".into(),
            section: "demo-2023:s2".into(),
        }),
    ];
    run(&mut a, &[Action::Enter]);
    assert_eq!(a.overlay, None);
    assert_eq!(selected_id(&a), "demo-2023:s1.2.1");
    run(&mut a, &[Action::SearchNext]);
    assert_eq!(selected_id(&a), "demo-2023:s2");
    run(&mut a, &[Action::SearchNext]);
    assert_eq!(selected_id(&a), "demo-2023:s1.2.1");
    run(&mut a, &[Action::SearchPrev]);
    assert_eq!(selected_id(&a), "demo-2023:s2");

    // Esc returns to where the prompt was opened.
    let before = selected_id(&a);
    run(&mut a, &[Action::SearchOpen]);
    a.search.hits = vec![hit(Location::Section {
        report: "demo-2023".into(),
        section: "demo-2023:s1".into(),
    })];
    run(&mut a, &[Action::Down, Action::Close]);
    assert_eq!(a.overlay, None);
    assert_eq!(selected_id(&a), before);
}

#[test]
fn the_scope_toggle_limits_search_to_the_current_report() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::SearchOpen]);
    assert_eq!(a.search.report.as_deref(), Some("demo-2023"));
    assert!(!a.search.this_report);
    run(&mut a, &[Action::SearchScope]);
    assert!(a.search.this_report);
}

#[test]
fn help_opens_and_q_closes_it_before_quitting() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::Help]);
    assert_eq!(a.overlay, Some(Overlay::Help(0)));
    run(&mut a, &[Action::Down, Action::Down, Action::Up]);
    assert_eq!(a.overlay, Some(Overlay::Help(1)));
    run(&mut a, &[Action::Close]);
    assert_eq!(a.overlay, None);
    assert!(!a.quit);
}

#[test]
fn typing_a_filter_narrows_rows_and_esc_clears_it() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::Tables, Action::Filter]);
    for c in "增长率".chars() {
        update(&mut a, Action::Input(c));
    }
    assert_eq!(a.tables.as_ref().unwrap().rows.len(), 3);
    run(&mut a, &[Action::Enter]);
    assert_eq!(a.overlay, None);
    assert_eq!(a.tables.as_ref().unwrap().filter, "增长率");
    run(&mut a, &[Action::Filter, Action::Close]);
    assert_eq!(a.tables.as_ref().unwrap().rows.len(), 4);
}

#[test]
fn enter_on_a_table_row_shows_the_table_in_its_section() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::Tables, Action::Down, Action::Enter]);
    assert_eq!(a.focus, Focus::Reader);
    assert_eq!(selected_id(&a), "demo-2023:s1.1");
    let l = a.reader.doc.line_of_table("demo-2023:t1").unwrap();
    assert!(l >= a.reader.top && l < a.reader.top + a.reader.height);
}

#[test]
fn the_cell_popup_opens_on_a_cell_and_closes_with_esc() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::Tables, Action::Right, Action::CellPopup]);
    assert_eq!(a.overlay, Some(Overlay::Popup));
    run(&mut a, &[Action::Close]);
    assert_eq!(a.overlay, None);
}

#[test]
fn a_click_in_the_outline_selects_that_row() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::FocusNext, Action::Click(3, 3)]);
    assert_eq!(a.focus, Focus::Outline);
    assert_eq!(a.outline.selected, 2);
}

#[test]
fn below_sixty_columns_one_pane_at_a_time() {
    let mut a = app(40, 12);
    let p = a.plan();
    assert!(p.outline.is_some() && p.right.is_none());
    run(&mut a, &[Action::FocusNext]);
    let p = a.plan();
    assert!(p.outline.is_none() && p.right.is_some());
}

#[test]
fn search_enter_on_the_bundled_model_lands_on_the_sentence() {
    let model = crate::load_plan_model().unwrap();
    let opts = Options {
        amb: AmbiguousWidth::Narrow,
        color: false,
        mouse: false,
    };
    let mut a = App::new(model, opts, (80, 24));
    run(&mut a, &[Action::SearchOpen]);
    for c in "'90.4%".chars() {
        run(&mut a, &[Action::Input(c)]);
    }
    let k = a
        .search
        .hits
        .iter()
        .position(|h| h.kind == HitKind::Sentence)
        .expect("a sentence hit for '90.4%");
    let want = match &a.search.hits[k].location {
        Location::Sentence { sentence, .. } => sentence.clone(),
        other => panic!("{other:?}"),
    };
    assert!(want.starts_with("pudong-2024-plan:s1.3:"), "{want}");
    a.search.selected = k;
    run(&mut a, &[Action::Enter]);
    assert!(a.overlay.is_none());
    assert_eq!(a.focus, Focus::Reader);
    assert_eq!(a.reader.highlight.as_deref(), Some(want.as_str()));
    assert_eq!(selected_id(&a), "pudong-2024-plan:s1.3");
    // The sentence's first line is on screen.
    let line = a.reader.doc.sentence_line[a
        .reader
        .doc
        .sentences
        .iter()
        .position(|s| *s == want)
        .unwrap()];
    assert!(
        line >= a.reader.top && line < a.reader.top + a.reader.height,
        "line {line} top {}",
        a.reader.top
    );
    // Esc after reopening returns to this view.
    run(
        &mut a,
        &[Action::SearchOpen, Action::Input('z'), Action::Close],
    );
    assert_eq!(a.reader.highlight.as_deref(), Some(want.as_str()));
}

#[test]
fn with_the_search_worker_typing_waits_for_nothing_and_enter_acts_on_the_query_as_typed() {
    let opts = Options {
        amb: AmbiguousWidth::Narrow,
        color: false,
        mouse: false,
    };
    let model = crate::load_plan_model().unwrap();
    let mut sync = App::new(model.clone(), opts, (80, 24));
    let mut a = App::new(model, opts, (80, 24));
    a.start_search_worker();
    assert!(a.searcher.is_some());
    for app in [&mut sync, &mut a] {
        run(app, &[Action::SearchOpen]);
        for c in "jzx".chars() {
            run(app, &[Action::Input(c)]);
        }
    }
    // the worker answers later; the query is shown at once
    assert_eq!(a.search.query, "jzx");
    assert!(a.search.pending && !sync.search.pending);
    settle_search(&mut a);
    assert!(!a.search.pending);
    let ids = |app: &App| -> Vec<String> {
        app.search
            .hits
            .iter()
            .map(|h| crate::search::location_id(&h.location))
            .collect()
    };
    assert!(!sync.search.hits.is_empty());
    assert_eq!(ids(&a), ids(&sync));
    // Enter right after a keystroke: the prompt closes at once and the
    // jump happens when that keystroke's hits arrive
    for app in [&mut sync, &mut a] {
        run(app, &[Action::Backspace, Action::Input('x'), Action::Enter]);
    }
    assert!(a.overlay.is_none());
    settle_search(&mut a);
    assert!(a.reader.highlight.is_some());
    assert_eq!(a.reader.highlight, sync.reader.highlight);
    assert_eq!(selected_id(&a), selected_id(&sync));
}

/// The bundled model, jumped to the Shanghai sentence that gives 4.72万亿元.
fn at_shanghai_gdp(w: u16, h: u16) -> App {
    let opts = Options {
        amb: AmbiguousWidth::Narrow,
        color: false,
        mouse: false,
    };
    let m = crate::load_plan_model().unwrap();
    let ind = m
        .reports
        .iter()
        .flat_map(|r| r.indicators.iter())
        .find(|i| i.value_text == "4.72万亿元")
        .unwrap()
        .clone();
    let crate::model::IndicatorSource::Sentence { sentence, .. } = ind.source else {
        panic!("a sentence record")
    };
    let section = sentence.rsplit_once(":p").unwrap().0.to_string();
    let mut a = App::new(m, opts, (w, h));
    assert!(a.jump(&Location::Sentence {
        report: ind.report.clone(),
        section,
        sentence,
    }));
    a
}

#[test]
fn i_in_the_reader_opens_the_records_of_the_highlighted_sentence_and_esc_closes() {
    let mut a = at_shanghai_gdp(80, 24);
    assert_eq!(a.focus, Focus::Reader);
    run(&mut a, &[Action::Records]);
    assert_eq!(a.overlay, Some(Overlay::Records));
    assert_eq!(a.mode(), super::action::Mode::Records);
    let p = a.records.as_ref().unwrap();
    let inds = p.indicators(&a.model);
    assert_eq!(inds.len(), 1);
    assert_eq!(inds[0].metric, "全市生产总值");
    // Keys do not leak to the reader while the popup is open.
    let top = a.reader.top;
    run(&mut a, &[Action::Down, Action::Down]);
    assert_eq!(a.reader.top, top);
    run(&mut a, &[Action::Close]);
    assert_eq!(a.overlay, None);
    assert!(a.records.is_none());
    assert_eq!(a.focus, Focus::Reader);
}

#[test]
fn the_records_popup_scrolls_but_not_past_its_end() {
    let mut a = at_shanghai_gdp(80, 24);
    a.reader.highlight = None;
    run(&mut a, &[Action::Records]);
    let p = a.records.clone().unwrap();
    assert!(p.records.len() >= 3, "{:?}", p.records);
    let max = p.max_scroll(&a.model, 80, 23, AmbiguousWidth::Narrow);
    assert!(max > 0);
    for _ in 0..max + 10 {
        update(&mut a, Action::Down);
    }
    assert_eq!(a.records.as_ref().unwrap().scroll, max);
    run(&mut a, &[Action::Up]);
    assert_eq!(a.records.as_ref().unwrap().scroll, max - 1);
    for _ in 0..max / 20 + 1 {
        update(&mut a, Action::PageUp);
    }
    assert_eq!(a.records.as_ref().unwrap().scroll, 0);
    run(&mut a, &[Action::PageDown]);
    assert_eq!(a.records.as_ref().unwrap().scroll, 20.min(max));
}

#[test]
fn i_with_no_marked_number_on_screen_says_so_in_the_status_line() {
    // The small model has no indicator records.
    let mut a = app(80, 24);
    run(&mut a, &[Action::Down, Action::Enter, Action::Records]);
    assert_eq!(a.focus, Focus::Reader);
    assert_eq!(a.overlay, None);
    assert_eq!(a.message, Some(super::strings::NO_RECORDS));
    let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 80, 24));
    super::ui::draw(&a, &mut buf);
    let rows = super::ui::cells::screen_text(&buf);
    assert!(
        rows[23].contains(super::strings::NO_RECORDS),
        "{}",
        rows[23]
    );
    // The next key clears it.
    run(&mut a, &[Action::Down]);
    assert_eq!(a.message, None);
}

#[test]
fn i_in_the_tables_pane_lists_the_records_read_from_the_cursor_row() {
    let opts = Options {
        amb: AmbiguousWidth::Narrow,
        color: false,
        mouse: false,
    };
    let m = crate::load_plan_model().unwrap();
    let cell = m
        .reports
        .iter()
        .flat_map(|r| r.indicators.iter())
        .find(|i| i.id == "pudong-2024-plan:ind200")
        .unwrap()
        .clone();
    let crate::model::IndicatorSource::Cell { table, row, column } = cell.source.clone() else {
        panic!("a cell record")
    };
    let mut a = App::new(m, opts, (80, 24));
    assert!(a.jump(&Location::Cell {
        report: cell.report.clone(),
        table,
        row,
        column,
    }));
    assert_eq!(a.focus, Focus::Tables);
    run(&mut a, &[Action::Records]);
    assert_eq!(a.overlay, Some(Overlay::Records));
    let p = a.records.as_ref().unwrap();
    assert_eq!(p.scope, super::records::RecordsScope::Row);
    let inds = p.indicators(&a.model);
    assert!(inds.iter().any(|i| i.id == cell.id));
    // Every record listed was read from this row of this table.
    for i in &inds {
        assert!(
            matches!(&i.source, crate::model::IndicatorSource::Cell { row: r, .. } if *r == row),
            "{}",
            i.id
        );
    }
    run(&mut a, &[Action::Close]);
    assert_eq!(a.overlay, None);
    assert_eq!(a.focus, Focus::Tables);
}

#[test]
fn i_on_a_table_row_without_records_says_so() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::Tables, Action::Records]);
    assert_eq!(a.overlay, None);
    assert_eq!(a.message, Some(super::strings::NO_ROW_RECORDS));
}

/// The records popup's wrapped rows are state, wrapped by `update` when it
/// opens and again when the width changes, so the view only reads them
/// (issue 11: views only read state).
#[test]
fn the_records_popup_rows_are_wrapped_when_it_opens_and_on_resize() {
    use super::records::RecordsPopup;
    let mut a = at_shanghai_gdp(80, 24);
    a.reader.highlight = None;
    run(&mut a, &[Action::Records]);
    let fresh = |a: &App| {
        let p = a.records.as_ref().expect("popup open");
        let w = RecordsPopup::text_width(a.size.0);
        let rows = p
            .wrapped_rows(w, a.opts.amb)
            .expect("wrapped for this width");
        assert_eq!(rows, p.rows(&a.model, w, a.opts.amb).as_slice());
    };
    fresh(&a);
    run(&mut a, &[Action::Resize(50, 24)]);
    fresh(&a);
    run(&mut a, &[Action::Down, Action::Resize(120, 40)]);
    fresh(&a);
}

#[test]
fn suspend_asks_the_terminal_layer_and_leaves_the_view_as_it_is() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::SearchOpen, Action::Input('x')]);
    let query = a.search.query.clone();
    run(&mut a, &[Action::Suspend]);
    assert!(a.suspend);
    assert_eq!(a.overlay, Some(Overlay::Search));
    assert_eq!(a.search.query, query);
    assert!(!a.quit);
}
