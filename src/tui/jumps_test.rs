//! Jump list and marks driven through `update`: C-o / C-i across jumps and
//! reports, `''`, `m{a-z}` / `'{a-z}`. No terminal.

use super::action::{Action, Focus};
use super::app::App;
use super::jumps::Place;
use super::test_support::{opts, run, typed};
use super::testmodel::small_model;
use super::update::update;
use crate::model::Location;

#[test]
fn c_o_after_a_search_jump_returns_to_the_exact_earlier_position_and_c_i_comes_back() {
    let mut a = App::new(crate::load_plan_model().unwrap(), opts(), (80, 24));
    // Somewhere in the middle of a section, scrolled.
    run(
        &mut a,
        &[Action::Down, Action::Down, Action::Enter, Action::PageDown],
    );
    run(&mut a, &[Action::Down, Action::Down]);
    let before = a.place();
    assert!(a.reader.top > 0, "not scrolled");
    run(&mut a, &[Action::SearchOpen]);
    typed(&mut a, "'90.4%");
    run(&mut a, &[Action::Enter]);
    let after = a.place();
    assert_ne!(before, after);
    assert!(a.reader.highlight.is_some());
    run(&mut a, &[Action::JumpBack]);
    assert_eq!(a.place(), before);
    run(&mut a, &[Action::JumpForward]);
    assert_eq!(a.place(), after);
    // Nothing further: a note, no move.
    run(&mut a, &[Action::JumpForward]);
    assert_eq!(a.place(), after);
    assert!(a.message.is_some());
}

#[test]
fn jumps_across_reports_and_into_the_tables_pane_come_back() {
    let mut a = App::new(crate::load_plan_model().unwrap(), opts(), (80, 24));
    let start = a.place();
    let r = &a.model.reports;
    let with_tables = r.iter().position(|r| r.tables.len() > 1).expect("tables");
    let other = r.len() - 1;
    assert_ne!(with_tables, other, "the jumps should cross reports");
    let sec = Location::Section {
        report: r[other].id.clone(),
        section: r[other].sections[0].id.clone(),
    };
    let cell = Location::Cell {
        report: r[with_tables].id.clone(),
        table: r[with_tables].tables[1].id.clone(),
        row: 1,
        column: 1,
    };
    assert!(a.jump(&sec));
    let in_other = a.place();
    assert!(a.jump(&cell));
    assert_eq!(a.focus, Focus::Tables);
    let in_table = a.place();
    run(&mut a, &[Action::JumpBack]);
    assert_eq!(a.current_report(), Some(other));
    assert_eq!(
        a.place(),
        Place {
            tables: in_table.tables,
            ..in_other.clone()
        }
    );
    run(&mut a, &[Action::JumpBack]);
    assert_eq!(
        a.place(),
        Place {
            tables: in_table.tables,
            ..start
        }
    );
    run(&mut a, &[Action::JumpForward, Action::JumpForward]);
    assert_eq!(a.place(), in_table);
    let ts = a.tables.as_ref().unwrap();
    assert_eq!((ts.rows[ts.cursor], ts.col), (1, 1));
}

#[test]
fn section_changes_in_the_reader_are_jumps_and_quote_quote_toggles() {
    let mut a = App::new(small_model(), opts(), (80, 24));
    run(&mut a, &[Action::Down, Action::Enter]);
    let first = a.place();
    run(&mut a, &[Action::NextSection]);
    let second = a.place();
    assert_ne!(first, second);
    run(&mut a, &[Action::MarkGo, Action::Input('\'')]);
    assert_eq!(a.place(), first);
    run(&mut a, &[Action::MarkGo, Action::Input('\'')]);
    assert_eq!(a.place(), second);
    // Plain scrolling is not a jump.
    let n = a.jumps.back_len();
    run(&mut a, &[Action::Down, Action::Up]);
    assert_eq!(a.jumps.back_len(), n);
}

#[test]
fn marks_are_kept_for_the_session_and_unknown_ones_say_so() {
    let mut a = App::new(small_model(), opts(), (80, 24));
    run(&mut a, &[Action::Down, Action::Down, Action::Enter]);
    run(&mut a, &[Action::MarkSet]);
    assert_eq!(a.mode(), super::action::Mode::Mark);
    run(&mut a, &[Action::Input('a')]);
    assert_eq!(a.mode(), super::action::Mode::Reader);
    let marked = a.place();
    // Go elsewhere (the tables pane, another cell).
    assert!(a.jump(&Location::Cell {
        report: "demo-2023".into(),
        table: "demo-2023:t1".into(),
        row: 3,
        column: 1,
    }));
    assert_ne!(a.place(), marked);
    run(&mut a, &[Action::MarkGo, Action::Input('a')]);
    // The tables pane was built after the mark: it stays where it is.
    let marked = Place {
        tables: a.place().tables,
        ..marked
    };
    assert_eq!(a.place(), marked);
    // An unset mark, a non-letter, Esc: a note or nothing, never a move.
    run(&mut a, &[Action::MarkGo, Action::Input('b')]);
    assert_eq!(a.place(), marked);
    assert_eq!(a.message, Some(super::strings::MARK_NOT_SET));
    run(&mut a, &[Action::MarkSet, Action::Input('7')]);
    assert_eq!(a.message, Some(super::strings::BAD_MARK));
    run(&mut a, &[Action::MarkGo, Action::Close]);
    assert_eq!(a.mode(), super::action::Mode::Reader);
    assert_eq!(a.place(), marked);
}

#[test]
fn the_new_actions_on_an_empty_model_are_harmless() {
    use Action::*;
    let mut a = App::new(super::testmodel::empty_model(), opts(), (80, 24));
    for p in [
        JumpBack,
        JumpForward,
        MarkSet,
        Input('a'),
        MarkGo,
        Input('a'),
        MarkGo,
        Input('\''),
        Copy,
        CopyAll,
        CopyFormat,
        Tables,
        Copy,
        CopyAll,
        JumpBack,
    ] {
        update(&mut a, p);
    }
    assert!(a.clipboard.is_none());
}

#[test]
fn c_o_back_to_a_row_jump_highlights_the_row_again() {
    let mut a = App::new(crate::load_plan_model().unwrap(), opts(), (80, 24));
    run(
        &mut a,
        &[Action::Tables, Action::Down, Action::Down, Action::Enter],
    );
    let on_row = a.place();
    assert!(on_row.row.is_some());
    run(&mut a, &[Action::NextSection]);
    assert!(a.reader.highlight_row.is_none());
    run(&mut a, &[Action::JumpBack]);
    assert_eq!(a.place(), on_row);
}
