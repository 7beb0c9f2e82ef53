//! End-to-end test of search results in tmux at 80x24 (issue 10 item 10):
//! figure hits say their year and target/actual, the cells of one row are
//! one hit, n with no search says so, and n / N show "2/6" in the status
//! line. Skips (with a message) when tmux is not installed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::tmux::Tmux;

#[test]
fn search_results_say_target_or_actual_fold_rows_and_count_at_80x24() {
    let Some(t) = Tmux::start("search-results", 80, 24) else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_baogao");
    t.keys(&[&format!("{bin} --ambiguous narrow; echo EXIT=$?"), "Enter"]);
    t.wait_for("Outline");
    t.keys(&["n"]);
    t.wait_for("no search yet - press /");
    t.keys(&["/"]);
    for c in "shidaowaizi".chars() {
        t.keys(&[&c.to_string()]);
    }
    let s = t.wait_for("6 hits");
    assert!(s.contains("Figure \u{b7} 2024 target"), "{s}");
    assert!(s.contains("Figure \u{b7} 2023 actual"), "{s}");
    assert!(s.contains("Cell \u{b7} +3 in row"), "{s}");
    assert!(!s.contains('\u{1b}'), "{s}");
    t.keys(&["Enter"]);
    t.wait_for("1/6 /shidaowaizi");
    t.keys(&["n"]);
    t.wait_for("2/6 /shidaowaizi");
    t.keys(&["N", "N"]);
    t.wait_for("6/6 /shidaowaizi");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}
