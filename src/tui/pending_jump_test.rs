//! Search never blocks the explorer (issue 11): the worker's hits arrive as
//! a message; Enter, n and N pressed before they do are recorded and made
//! when they arrive, landing where they land without a worker. Driven
//! through `update` on the bundled model, a worker app beside a same-thread
//! one.

use super::action::{Action, Msg};
use super::app::App;
use super::search::SearchJump;
use super::searcher::Answer;
use super::strings;
use super::test_support::{bundled_app, run, settle_search, typed};
use super::update::update;

/// (worker app, same-thread app), both with `q` typed into the prompt.
fn pair(q: &str) -> (App, App) {
    let mut a = bundled_app(80, 24);
    a.start_search_worker();
    assert!(a.searcher.is_some());
    let mut sync = bundled_app(80, 24);
    for app in [&mut a, &mut sync] {
        run(app, &[Action::SearchOpen]);
        typed(app, q);
    }
    assert!(a.search.pending && !sync.search.pending);
    (a, sync)
}

/// Where the explorer shows: reader node, top line, highlight, focus.
fn place(app: &App) -> (Option<usize>, usize, Option<String>, super::action::Focus) {
    (
        app.reader.node,
        app.reader.top,
        app.reader.highlight.clone(),
        app.focus,
    )
}

#[test]
fn enter_before_the_hits_arrive_jumps_when_they_do() {
    let (mut a, mut sync) = pair("jzx");
    let before = place(&a);
    for app in [&mut a, &mut sync] {
        run(app, &[Action::Enter]);
    }
    // no jump yet: the intent waits in the state, the prompt is closed
    assert_eq!(place(&a), before);
    assert_eq!(a.search.waiting, vec![SearchJump::Selected]);
    assert!(a.overlay.is_none());
    assert_eq!(a.note, None);
    // the hits arrive as a message: the jump happens, as without a worker
    settle_search(&mut a);
    assert!(a.search.waiting.is_empty());
    assert!(sync.reader.highlight.is_some());
    assert_eq!(place(&a), place(&sync));
    assert_eq!(a.note, sync.note);
    assert_eq!(a.search.active, Some(0));
}

#[test]
fn n_and_shift_n_before_the_hits_arrive_jump_when_they_do() {
    let (mut a, mut sync) = pair("jzx");
    let before = place(&a);
    let keys = [
        Action::Enter,
        Action::SearchNext,
        Action::SearchNext,
        Action::SearchPrev,
    ];
    for app in [&mut a, &mut sync] {
        run(app, &keys);
    }
    assert_eq!(place(&a), before);
    assert_eq!(
        a.search.waiting,
        vec![
            SearchJump::Selected,
            SearchJump::Next,
            SearchJump::Next,
            SearchJump::Prev
        ]
    );
    settle_search(&mut a);
    assert_eq!(place(&a), place(&sync));
    assert_eq!(a.search.active, Some(1));
    assert_eq!(a.note, sync.note);
    // C-o walks back through the same jumps
    for app in [&mut a, &mut sync] {
        run(app, &[Action::JumpBack]);
    }
    assert_eq!(place(&a), place(&sync));
}

#[test]
fn an_answer_to_an_older_query_moves_nothing() {
    let (mut a, _) = pair("jzx");
    run(&mut a, &[Action::Enter]);
    let before = place(&a);
    let hits = a.search.hits.clone();
    update(&mut a, Msg::SearchHits(Answer { seq: 0, hits }));
    assert!(a.search.pending);
    assert_eq!(a.search.waiting, vec![SearchJump::Selected]);
    assert_eq!(place(&a), before);
}

#[test]
fn enter_on_a_query_that_finds_nothing_says_so_when_the_answer_comes() {
    let (mut a, _) = pair("'zzzqqq");
    let before = place(&a);
    run(&mut a, &[Action::Enter]);
    settle_search(&mut a);
    assert_eq!(place(&a), before);
    assert_eq!(a.message, Some(strings::NO_SEARCH_HITS));
}

#[test]
fn when_the_worker_is_gone_the_waiting_jump_is_made_on_this_thread() {
    let (mut a, mut sync) = pair("jzx");
    for app in [&mut a, &mut sync] {
        run(app, &[Action::Enter]);
    }
    update(&mut a, Msg::SearchGone);
    assert!(a.searcher.is_none() && !a.search.pending);
    assert_eq!(place(&a), place(&sync));
}

#[test]
fn a_new_search_drops_the_jumps_waiting_for_the_old_one() {
    let (mut a, _) = pair("jzx");
    run(&mut a, &[Action::Enter, Action::SearchOpen]);
    assert!(a.search.waiting.is_empty());
    let before = place(&a);
    settle_search(&mut a);
    assert_eq!(place(&a), before);
    assert!(a.overlay.is_some());
}
