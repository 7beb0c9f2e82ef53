//! Opening from a pack (issue 12, "a model that scales"): the first screen is
//! drawn from the reports' stubs and the one report shown; every other report
//! is parsed when shown; the search worker parses them all and sends the
//! whole model. Each step must look exactly as the app opened on the whole
//! model does.

use ratatui::backend::TestBackend;
use ratatui::Terminal;

use super::action::{Action, Msg};
use super::app::App;
use super::test_support::{opts, run, settle_search, typed};
use super::testmodel::corpus_model;
use super::ui::{self, cells::screen_text};
use super::update::update;
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

#[test]
fn the_first_screen_from_stubs_is_the_whole_models() {
    for m in [corpus_model(), crate::load_plan_model().unwrap()] {
        let (whole, lazy) = pair(&m);
        assert!(lazy.lazy.is_some());
        // the outline of stubs is the outline of the whole model
        let labels = |a: &App| {
            a.outline
                .nodes
                .iter()
                .map(|n| n.label.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(labels(&lazy), labels(&whole));
        assert_eq!(screen(&lazy), screen(&whole));
        // only the report shown is parsed
        let parsed = lazy
            .lazy
            .as_ref()
            .unwrap()
            .whole
            .iter()
            .filter(|w| **w)
            .count();
        assert_eq!(parsed, 1);
    }
}

#[test]
fn a_report_is_parsed_when_shown_and_reads_as_the_whole_models() {
    let m = crate::load_plan_model().unwrap();
    let (mut whole, mut lazy) = pair(&m);
    // walk the whole outline: every screen the same
    for _ in 0..40 {
        run(&mut whole, &[Action::Down]);
        run(&mut lazy, &[Action::Down]);
        assert_eq!(screen(&lazy), screen(&whole));
    }
    assert!(lazy.lazy.as_ref().unwrap().whole.iter().all(|w| *w));
    // reading the other report's text
    run(&mut whole, &[Action::Enter, Action::PageDown]);
    run(&mut lazy, &[Action::Enter, Action::PageDown]);
    assert_eq!(screen(&lazy), screen(&whole));
}

#[test]
fn the_worker_sends_the_whole_model_then_answers_searches() {
    let m = corpus_model();
    let (mut whole, mut lazy) = pair(&m);
    lazy.start_search_worker();
    // a search typed before the model arrives is answered after it
    for a in [&mut whole, &mut lazy] {
        run(a, &[Action::SearchOpen]);
        typed(a, "gdp");
    }
    let start = std::time::Instant::now();
    while lazy.lazy.is_some() {
        if let Some(msg) = lazy.model_message() {
            assert!(matches!(msg, Msg::ModelLoaded(_)));
            update(&mut lazy, msg);
        }
        assert!(start.elapsed().as_secs() < 20, "no model from the worker");
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    assert_eq!(*lazy.model, m);
    settle_search(&mut lazy);
    assert_eq!(screen(&lazy), screen(&whole));
    // the tables pane is built from the whole model
    run(&mut whole, &[Action::Close, Action::Tables]);
    run(&mut lazy, &[Action::Close, Action::Tables]);
    assert_eq!(screen(&lazy), screen(&whole));
}

#[test]
fn the_tables_pane_before_the_worker_parses_everything_here() {
    let m = crate::load_plan_model().unwrap();
    let (mut whole, mut lazy) = pair(&m);
    run(&mut whole, &[Action::Tables]);
    run(&mut lazy, &[Action::Tables]);
    assert!(lazy.lazy.is_none(), "every report parsed");
    assert_eq!(screen(&lazy), screen(&whole));
}

#[test]
fn opening_a_stub_report_in_the_outline_shows_its_sections() {
    let m = crate::load_plan_model().unwrap();
    let (mut whole, mut lazy) = pair(&m);
    let keys = [
        Action::Down,
        Action::Down,
        Action::Down,
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
