//! End-to-end tests of less habits in the real binary in tmux at 80x24:
//! Space pages down and b returns to the very same screen; o hides the
//! outline (the reader gets all 80 columns) and shows it again; the search
//! prompt edits at the cursor (Left, C-w, C-a) and recalls the last query
//! with Up. Skips (with a message) when tmux is not installed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::tmux::Tmux;

#[test]
fn space_then_b_returns_to_the_same_screen_and_o_hides_the_outline() {
    let Some(t) = Tmux::start("less", 80, 24) else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_baogao");
    t.keys(&[&format!("{bin} --ambiguous narrow; echo EXIT=$?"), "Enter"]);
    t.wait_for("Outline");
    t.keys(&["j", "j", "Enter", "j"]);
    let before = t.settled();
    assert!(before.contains("Reader"), "{before}");
    t.keys(&["Space"]);
    let paged = t.settled();
    assert_ne!(paged, before);
    t.keys(&["b"]);
    assert_eq!(t.settled(), before);
    // d then u: back again.
    t.keys(&["d", "u"]);
    assert_eq!(t.settled(), before);
    // o: no outline, no border; the reader's title starts the first row.
    t.keys(&["o"]);
    let full = t.settled();
    assert!(
        full.lines().next().unwrap_or("").starts_with(" Reader"),
        "{full}"
    );
    assert!(!full.contains("Outline"), "{full}");
    assert!(!full.contains('\u{2502}') || !full.lines().all(|l| l.contains('\u{2502}')));
    // o again: the very same screen as before.
    t.keys(&["o"]);
    assert_eq!(t.settled(), before);
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn the_search_prompt_edits_at_the_cursor_and_recalls_with_up() {
    let Some(t) = Tmux::start("prompt", 80, 24) else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_baogao");
    t.keys(&[&format!("{bin} --ambiguous narrow; echo EXIT=$?"), "Enter"]);
    t.wait_for("Outline");
    t.keys(&["/", "x", "x", " ", "j", "z", "x"]);
    t.wait_for("/xx jzx");
    // Home of the line, forward over "xx ", C-u deletes "xx ".
    t.keys(&["C-a", "Right", "Right", "Right", "C-u"]);
    t.wait_for("/jzx ");
    t.keys(&["C-e", "Left", "Left", "Left", "C-w", "C-e"]);
    let s = t.settled();
    assert!(s.lines().next().unwrap_or("").starts_with(" /jzx "), "{s}");
    t.keys(&["Enter"]);
    t.settled();
    t.keys(&["/", "Up"]);
    let s = t.wait_for("/jzx");
    assert!(s.contains("集装箱"), "{s}");
    t.keys(&["Escape", "q"]);
    t.wait_for("EXIT=0");
}
