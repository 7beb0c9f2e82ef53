//! Issue 10, less habits and the shell-like prompt: paging keys in each
//! pane, hiding the outline, and editing / history in the search and table
//! filter prompts, driven through `action_for` and `update` (and two 80x24
//! snapshots: the reader with the outline hidden, the prompt with the
//! cursor mid-text).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Focus, Mode};
use super::app::{App, Options, Overlay};
use super::keymap::action_for;
use super::prompt::Edit;
use super::test_support::{run, small_app as app, typed};
use super::ui::{self, cells::screen_text};
use crate::text::AmbiguousWidth;

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}
fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}
fn code(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

fn screen(app: &App) -> Vec<String> {
    let (w, h) = app.size;
    let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, w, h));
    ui::draw(app, &mut buf);
    screen_text(&buf)
}

/// The reader open on the whole first report, focused, in a small window.
fn reading(w: u16, h: u16) -> App {
    let opts = Options {
        amb: AmbiguousWidth::Narrow,
        color: false,
        mouse: false,
    };
    let mut a = App::new(crate::load_plan_model().unwrap(), opts, (w, h));
    run(&mut a, &[Action::Down, Action::Enter]);
    assert_eq!(a.focus, Focus::Reader);
    assert!(
        a.reader.max_top() > 2 * a.reader.height,
        "a long enough doc: {} {}",
        a.reader.max_top(),
        a.reader.height
    );
    a
}

#[test]
fn less_keys_page_in_the_reader_and_keep_their_meaning_in_tables() {
    use Action::*;
    for (k, want) in [
        (key(' '), PageDown),
        (key('f'), PageDown),
        (ctrl('f'), PageDown),
        (key('b'), PageUp),
        (ctrl('b'), PageUp),
        (key('d'), HalfPageDown),
        (key('u'), HalfPageUp),
        (ctrl('d'), PageDown),
        (ctrl('u'), PageUp),
    ] {
        assert_eq!(action_for(Mode::Reader, k), Some(want), "{k:?}");
    }
    // The tables pane keeps Space (cell popup) and f (filter); the rest page.
    assert_eq!(action_for(Mode::Tables, key(' ')), Some(CellPopup));
    assert_eq!(action_for(Mode::Tables, key('f')), Some(Filter));
    assert_eq!(action_for(Mode::Tables, key('b')), Some(PageUp));
    assert_eq!(action_for(Mode::Tables, key('d')), Some(HalfPageDown));
    assert_eq!(action_for(Mode::Outline, key('u')), Some(HalfPageUp));
    assert_eq!(action_for(Mode::Outline, key('o')), Some(ToggleOutline));
    assert_eq!(action_for(Mode::Reader, key('o')), Some(ToggleOutline));
}

#[test]
fn space_then_b_returns_to_the_same_screen() {
    let mut a = reading(80, 12);
    run(&mut a, &[Action::Down]);
    let top = a.reader.top;
    let before = screen(&a);
    run(&mut a, &[Action::PageDown]);
    assert_eq!(a.reader.top, top + a.reader.height - 1);
    run(&mut a, &[Action::PageUp]);
    assert_eq!(a.reader.top, top);
    assert_eq!(screen(&a), before);
}

#[test]
fn d_and_u_move_half_a_screen_in_the_reader() {
    let mut a = reading(80, 12);
    let half = a.reader.height.div_ceil(2);
    run(&mut a, &[Action::HalfPageDown]);
    assert_eq!(a.reader.top, half);
    run(&mut a, &[Action::HalfPageDown, Action::HalfPageUp]);
    assert_eq!(a.reader.top, half);
    run(&mut a, &[Action::HalfPageUp, Action::HalfPageUp]);
    assert_eq!(a.reader.top, 0);
}

#[test]
fn d_and_u_move_half_a_pane_in_the_outline_and_tables() {
    let mut a = app(80, 24);
    let rows = a.plan().outline.unwrap().height as usize - 1;
    run(&mut a, &[Action::HalfPageDown]);
    let expect = rows.div_ceil(2).min(a.outline.visible.len() - 1);
    assert_eq!(a.outline.selected, expect);
    run(&mut a, &[Action::HalfPageUp]);
    assert_eq!(a.outline.selected, 0);

    run(&mut a, &[Action::Tables]);
    a.focus = Focus::Tables;
    run(&mut a, &[Action::HalfPageDown]);
    let t = a.tables.as_ref().unwrap();
    assert_eq!(
        t.cursor,
        t.height.div_ceil(2).min(t.rows.len().saturating_sub(1))
    );
}

#[test]
fn o_hides_the_outline_and_gives_the_reader_the_full_width() {
    let mut a = reading(80, 24);
    let narrow = a.reader.width;
    run(&mut a, &[Action::HalfPageDown]);
    let shown = screen(&a);
    run(&mut a, &[Action::ToggleOutline]);
    assert!(a.outline_hidden);
    let p = a.plan();
    assert!(p.outline.is_none());
    assert_eq!(p.right.unwrap().width, 80);
    assert_eq!(a.reader.width, 78);
    assert!(a.reader.width > narrow);
    insta::assert_snapshot!("outline_hidden_80x24", screen(&a).join("\n"));
    run(&mut a, &[Action::ToggleOutline]);
    assert_eq!(screen(&a), shown, "o o returns to the same screen");
    // Scrolled while hidden: the reader keeps its place instead.
    run(&mut a, &[Action::ToggleOutline, Action::PageDown]);
    let top = a
        .reader
        .doc
        .first_sentence_from(a.reader.top, a.reader.height);
    run(&mut a, &[Action::ToggleOutline]);
    let id = top.and_then(|i| a.reader.doc.sentences.get(i as usize).cloned());
    let line = id
        .and_then(|id| a.reader.doc.line_of_sentence(&id))
        .unwrap();
    assert!(line >= a.reader.top && line < a.reader.top + a.reader.height);
    assert!(a.plan().outline.is_some());
    assert_eq!(a.reader.width, narrow);
}

#[test]
fn o_in_the_outline_hands_the_keys_to_the_right_pane() {
    let mut a = app(80, 24);
    assert_eq!(a.focus, Focus::Outline);
    run(&mut a, &[Action::ToggleOutline]);
    assert_eq!(a.focus, Focus::Reader);
    // The tables pane gets the full width too.
    run(&mut a, &[Action::Tables]);
    a.focus = Focus::Tables;
    a.relayout();
    assert_eq!(a.plan().right.unwrap().width, 80);
}

#[test]
fn the_search_prompt_edits_like_a_shell() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::SearchOpen]);
    typed(&mut a, "sdwz ndmb");
    assert_eq!(a.search.cursor, 9);
    // Keys as the user types them.
    for (k, want) in [
        (code(KeyCode::Left), Edit::Left),
        (code(KeyCode::Right), Edit::Right),
        (ctrl('a'), Edit::Start),
        (ctrl('e'), Edit::End),
        (ctrl('w'), Edit::WordBack),
        (ctrl('u'), Edit::ToStart),
        (code(KeyCode::Delete), Edit::Delete),
    ] {
        assert_eq!(action_for(Mode::Search, k), Some(Action::Edit(want)));
        assert_eq!(action_for(Mode::Filter, k), Some(Action::Edit(want)));
    }
    run(
        &mut a,
        &[Action::Edit(Edit::Left), Action::Edit(Edit::Left)],
    );
    typed(&mut a, "X");
    assert_eq!(
        (a.search.query.as_str(), a.search.cursor),
        ("sdwz ndXmb", 8)
    );
    run(&mut a, &[Action::Backspace]);
    assert_eq!(a.search.query, "sdwz ndmb");
    run(&mut a, &[Action::Edit(Edit::WordBack)]);
    assert_eq!((a.search.query.as_str(), a.search.cursor), ("sdwz mb", 5));
    run(&mut a, &[Action::Edit(Edit::Delete)]);
    assert_eq!(a.search.query, "sdwz b");
    run(
        &mut a,
        &[Action::Edit(Edit::Start), Action::Edit(Edit::Delete)],
    );
    assert_eq!((a.search.query.as_str(), a.search.cursor), ("dwz b", 0));
    run(
        &mut a,
        &[Action::Edit(Edit::End), Action::Edit(Edit::ToStart)],
    );
    assert_eq!((a.search.query.as_str(), a.search.cursor), ("", 0));
    // Chinese: one step per char.
    typed(&mut a, "集箱");
    run(&mut a, &[Action::Edit(Edit::Left)]);
    typed(&mut a, "装");
    assert_eq!((a.search.query.as_str(), a.search.cursor), ("集装箱", 2));
}

#[test]
fn up_on_an_empty_prompt_recalls_earlier_queries_for_the_session() {
    assert_eq!(
        action_for(Mode::Search, code(KeyCode::Up)),
        Some(Action::HistoryPrev)
    );
    assert_eq!(action_for(Mode::Search, ctrl('p')), Some(Action::Up));
    let mut a = app(80, 24);
    for q in ["jzx", "gdp"] {
        run(&mut a, &[Action::SearchOpen]);
        typed(&mut a, q);
        run(&mut a, &[Action::Enter]);
        if a.overlay == Some(Overlay::Search) {
            run(&mut a, &[Action::Close]);
        }
    }
    assert_eq!(a.search.history.len(), 2);
    run(&mut a, &[Action::SearchOpen]);
    assert_eq!(a.search.query, "");
    run(&mut a, &[Action::HistoryPrev]);
    assert_eq!((a.search.query.as_str(), a.search.cursor), ("gdp", 3));
    run(&mut a, &[Action::HistoryPrev]);
    assert_eq!(a.search.query, "jzx");
    run(&mut a, &[Action::HistoryPrev]);
    assert_eq!(a.search.query, "jzx");
    run(&mut a, &[Action::HistoryNext, Action::HistoryNext]);
    assert_eq!(a.search.query, "");
    // Typing leaves the history: Up / Down move through the results again.
    run(&mut a, &[Action::HistoryPrev]);
    typed(&mut a, "j");
    assert!(!a.search.history.browsing());
    a.search.hits = crate::tui::test_support::section_hits("demo-2023", 3);
    a.search.selected = 0;
    run(&mut a, &[Action::HistoryNext]);
    assert_eq!(a.search.selected, 1);
    run(&mut a, &[Action::HistoryPrev]);
    assert_eq!(a.search.selected, 0);
    assert_eq!(a.search.query, "gdpj");
}

#[test]
fn the_table_filter_prompt_edits_the_same_way() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::Tables]);
    a.focus = Focus::Tables;
    run(&mut a, &[Action::Filter]);
    assert_eq!(a.overlay, Some(Overlay::Filter));
    typed(&mut a, "zz l");
    run(&mut a, &[Action::Edit(Edit::WordBack)]);
    assert_eq!(a.tables.as_ref().unwrap().filter, "zz ");
    run(&mut a, &[Action::Edit(Edit::Start)]);
    typed(&mut a, "x");
    assert_eq!(a.tables.as_ref().unwrap().filter, "xzz ");
    assert_eq!(a.filter_cursor, 1);
    run(
        &mut a,
        &[Action::Edit(Edit::ToStart), Action::Edit(Edit::End)],
    );
    assert_eq!(a.tables.as_ref().unwrap().filter, "zz ");
    assert_eq!(a.filter_cursor, 3);
}

#[test]
fn search_prompt_cursor_mid_text_80x24() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::SearchOpen]);
    typed(&mut a, "\u{96C6}\u{88C5}\u{7BB1} gdp");
    for _ in 0..5 {
        run(&mut a, &[Action::Edit(Edit::Left)]);
    }
    let rows = screen(&a);
    insta::assert_snapshot!("search_prompt_cursor_80x24", rows.join("\n"));
    // The reversed cell is the char under the cursor (箱), two columns wide.
    let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 80, 24));
    ui::draw(&a, &mut buf);
    let head = ratatui::style::Modifier::REVERSED;
    let rev: Vec<(u16, String)> = (0..80)
        .filter_map(|x| {
            let c = &buf[(x, 0)];
            (!c.modifier.contains(head)).then(|| (x, c.symbol().to_string()))
        })
        .collect();
    assert_eq!(
        rev.first().map(|(_, s)| s.as_str()),
        Some("\u{7BB1}"),
        "{rev:?}"
    );
    // "/" at column 1, then 集装 (4 columns): the cursor is at column 6.
    assert_eq!(rev.first().map(|(x, _)| *x), Some(6));
}
