//! Search results you can trust (issue 10 item 10): figure hits say their
//! year and target/actual, the cells of one row are one hit, n / N say
//! where they are ("3/84") and what is wrong when there is no search.
//! Driven through `update` on the bundled model; the list is snapshotted.

use ratatui::backend::TestBackend;
use ratatui::Terminal;

use super::action::Action;
use super::app::App;
use super::strings;
use super::test_support::{bundled_app as bundled, run, settle_search};
use super::ui::{self, cells::screen_text};

fn search(app: &mut App, q: &str) {
    run(app, &[Action::SearchOpen]);
    for c in q.chars() {
        run(app, &[Action::Input(c)]);
    }
    settle_search(app);
}

fn rows(app: &App, w: u16, h: u16) -> Vec<String> {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| ui::draw(app, f.buffer_mut())).unwrap();
    screen_text(term.backend().buffer())
}

#[test]
fn n_before_any_search_says_press_slash_and_moves_nothing() {
    let mut a = bundled(80, 24);
    let before = a.outline.selected;
    run(&mut a, &[Action::SearchNext]);
    assert_eq!(a.message, Some(strings::NO_SEARCH));
    assert_eq!(a.outline.selected, before);
    run(&mut a, &[Action::SearchPrev]);
    assert_eq!(a.message, Some(strings::NO_SEARCH));
    // the status line shows it
    assert!(rows(&a, 80, 24)[23].contains("no search yet - press /"));
    // a search that found nothing says so
    search(&mut a, "'zzzqqq");
    run(&mut a, &[Action::Enter, Action::Close, Action::SearchNext]);
    assert_eq!(a.message, Some(strings::NO_SEARCH_HITS));
}

#[test]
fn n_and_shift_n_show_the_place_among_the_hits() {
    let mut a = bundled(80, 24);
    search(&mut a, "jzx");
    let n = a.search.hits.len();
    assert!(n > 3);
    run(&mut a, &[Action::Enter]);
    assert_eq!(a.note.as_deref(), Some(format!("1/{n} /jzx").as_str()));
    run(&mut a, &[Action::SearchNext, Action::SearchNext]);
    assert_eq!(a.note.as_deref(), Some(format!("3/{n} /jzx").as_str()));
    assert!(rows(&a, 80, 24)[23].contains(&format!("3/{n} /jzx")));
    run(
        &mut a,
        &[Action::SearchPrev, Action::SearchPrev, Action::SearchPrev],
    );
    assert_eq!(a.note.as_deref(), Some(format!("{n}/{n} /jzx").as_str()));
    // the next key clears it
    run(&mut a, &[Action::Down]);
    assert_eq!(a.note, None);
}

#[test]
fn the_result_list_says_target_or_actual_and_folds_a_row_80x24() {
    let mut a = bundled(80, 24);
    search(&mut a, "shidaowaizi");
    let screen = rows(&a, 80, 24);
    let list = screen[1..].join("\n");
    assert!(list.contains("Figure \u{b7} 2024 target"), "{list}");
    assert!(list.contains("Figure \u{b7} 2023 actual"), "{list}");
    assert!(list.contains("Cell \u{b7} +3 in row"), "{list}");
    // the prompt line (row 0) is another engineer's; snapshot the list only
    insta::assert_snapshot!("search_results_80x24", list);
}
