//! Opening from a pack (issue 12, "a model that scales"): the first screen is
//! drawn from the reports' metadata and the one report shown; every other
//! report is parsed (and its sections put in the outline) when shown; the
//! search worker indexes them all and keeps none. Each step must look exactly as the app opened on the whole
//! model does.

use ratatui::backend::TestBackend;
use ratatui::Terminal;

use super::action::Action;
use super::app::App;
use super::test_support::{opts, run, settle_search, typed};
use super::testmodel::corpus_model;
use super::ui::{self, cells::screen_text};
use crate::model::pack::{pack, Packed};
use crate::model::Model;
use crate::open::{Bytes, Opened};

fn screen(app: &App) -> String {
    let (w, h) = app.size;
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| ui::draw(app, f.buffer_mut())).unwrap();
    screen_text(term.backend().buffer()).join("\n")
}

fn opened(m: &Model) -> Opened {
    Packed::open(Bytes::Owned(pack(m).unwrap()), "test").unwrap()
}

/// Both apps, on the same model: whole, and from its pack.
fn pair(m: &Model) -> (App, App) {
    let whole = App::new(m.clone(), opts(), (80, 24));
    let lazy = App::from_pack(opened(m), opts(), (80, 24)).unwrap();
    (whole, lazy)
}

/// A grouped model with tables: the test corpus and the two plan reports.
fn mixed() -> Model {
    let mut m = corpus_model();
    m.reports.extend(crate::load_plan_model().unwrap().reports);
    m
}

fn visible_labels(a: &App) -> Vec<String> {
    a.outline
        .visible
        .iter()
        .map(|&n| a.outline.nodes[n].label.clone())
        .collect()
}

fn parsed(a: &App) -> usize {
    a.lazy
        .as_ref()
        .map_or(0, |l| l.whole.iter().filter(|w| **w).count())
}

#[test]
fn the_first_screen_from_metadata_is_the_whole_models() {
    for m in [corpus_model(), mixed()] {
        let (whole, lazy) = pair(&m);
        assert!(lazy.lazy.is_some());
        assert_eq!(visible_labels(&lazy), visible_labels(&whole));
        assert_eq!(screen(&lazy), screen(&whole));
        // only the report shown is parsed, and only its sections are nodes
        assert_eq!(parsed(&lazy), 1);
        assert_eq!(lazy.outline.loaded.iter().filter(|l| **l).count(), 1);
        assert!(lazy.outline.nodes.len() < whole.outline.nodes.len());
    }
}

#[test]
fn an_outline_that_does_not_group_parses_every_report_at_once() {
    // every report starts expanded to its parts: all are needed
    let m = crate::load_plan_model().unwrap();
    let (whole, lazy) = pair(&m);
    assert!(lazy.lazy.is_none());
    assert_eq!(*lazy.model, m);
    assert_eq!(screen(&lazy), screen(&whole));
}

#[test]
fn a_report_is_parsed_when_shown_and_reads_as_the_whole_models() {
    let m = mixed();
    let (mut whole, mut lazy) = pair(&m);
    // the last report (in the outline's order) parsed first: its nodes come
    // before those of the reports above it
    let last = *lazy.outline.visible.last().unwrap();
    let last = lazy.outline.nodes[last].report;
    lazy.ensure_report(last);
    // walk the whole outline, opening everything: every screen the same
    for _ in 0..120 {
        for k in [Action::Right, Action::Down] {
            run(&mut whole, &[k]);
            run(&mut lazy, &[k]);
            assert_eq!(screen(&lazy), screen(&whole), "after {k:?}");
        }
    }
    assert_eq!(visible_labels(&lazy), visible_labels(&whole));
    assert_eq!(parsed(&lazy), m.reports.len());
    // subtrees were appended as reports were parsed, yet reading order
    // ([ and ]) is the whole model's
    let readable = |a: &App| {
        a.outline
            .readable()
            .map(|n| a.outline.nodes[n].crumb.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(readable(&lazy), readable(&whole));
    // reading on, section by section, across reports
    run(&mut whole, &[Action::Top, Action::Enter]);
    run(&mut lazy, &[Action::Top, Action::Enter]);
    for _ in 0..30 {
        run(&mut whole, &[Action::NextSection]);
        run(&mut lazy, &[Action::NextSection]);
        assert_eq!(screen(&lazy), screen(&whole));
    }
}

#[test]
fn a_jump_into_a_report_not_parsed_yet_finds_its_section() {
    let m = mixed();
    let (mut whole, mut lazy) = pair(&m);
    let target = &m.reports[m.reports.len() - 1];
    let s = &target.sections[target.sections.len() - 1];
    let loc = crate::model::Location::Section {
        report: target.id.clone(),
        section: s.id.clone(),
    };
    assert!(whole.jump(&loc));
    assert!(lazy.jump(&loc));
    assert_eq!(screen(&lazy), screen(&whole));
}

#[test]
fn the_worker_searches_every_report_while_the_explorer_parses_only_what_it_shows() {
    let m = corpus_model();
    let (mut whole, mut lazy) = pair(&m);
    whole.start_search_worker();
    lazy.start_search_worker();
    for a in [&mut whole, &mut lazy] {
        run(a, &[Action::SearchOpen]);
        typed(a, "shuzi");
        settle_search(a);
    }
    // hits from every report, as on the whole model
    assert!(lazy.search.hits.len() > 1);
    assert_eq!(screen(&lazy), screen(&whole));
    assert_eq!(parsed(&lazy), 1, "the worker keeps its reports to itself");
    // a hit in another report: parsed when jumped to
    for a in [&mut whole, &mut lazy] {
        run(a, &[Action::Bottom, Action::Enter]);
    }
    assert_eq!(screen(&lazy), screen(&whole));
    assert_eq!(parsed(&lazy), 2);
    // the tables pane is built from the whole model
    run(&mut whole, &[Action::Tables]);
    run(&mut lazy, &[Action::Tables]);
    assert_eq!(screen(&lazy), screen(&whole));
}

#[test]
fn the_tables_pane_before_the_worker_parses_everything_here() {
    let m = mixed();
    let (mut whole, mut lazy) = pair(&m);
    run(&mut whole, &[Action::Tables]);
    run(&mut lazy, &[Action::Tables]);
    assert!(lazy.lazy.is_none(), "every report parsed");
    assert_eq!(screen(&lazy), screen(&whole));
}

#[test]
fn opening_a_stub_report_in_the_outline_shows_its_sections() {
    let m = mixed();
    let (mut whole, mut lazy) = pair(&m);
    let keys = [
        Action::Bottom,
        Action::Right,
        Action::Down,
        Action::Right,
        Action::Down,
        Action::Enter,
    ];
    for k in keys {
        run(&mut whole, &[k]);
        run(&mut lazy, &[k]);
        assert_eq!(screen(&lazy), screen(&whole), "after {k:?}");
    }
}

#[test]
fn a_damaged_report_is_a_note_and_a_stub_not_a_panic() {
    use crate::model::{Block, Location};
    let mut m = mixed();
    let bad = m.reports.len() - 1;
    let r = &mut m.reports[bad];
    let section = r.sections[0].id.clone();
    let para = r.sections[0]
        .blocks
        .iter_mut()
        .find_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            _ => None,
        })
        .expect("a paragraph");
    let s = &mut para.sentences[0].span;
    *s = crate::model::Span(s.1, s.0);
    let id = r.id.clone();
    let mut lazy = App::from_pack(opened(&m), opts(), (80, 24)).unwrap();
    let loc = Location::Section {
        report: id.clone(),
        section,
    };
    assert!(!lazy.jump(&loc), "nothing to jump to in a damaged report");
    let note = lazy.note.clone().unwrap_or_default();
    assert!(
        note.contains("invalid model") && note.contains(&id),
        "{note}"
    );
    // its node is still there, with its metadata, and every screen draws
    let n = lazy.outline.report_node(bad).unwrap();
    lazy.reveal(n);
    assert!(screen(&lazy).contains(&id));
    run(
        &mut lazy,
        &[Action::Enter, Action::PageDown, Action::Tables],
    );
    screen(&lazy);
}
