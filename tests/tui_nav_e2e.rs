//! End-to-end tests of jumps in the real binary in tmux at 80x24: C-o after
//! a search jump returns to the exact earlier screen (and C-n forward again);
//! a search jump to a table cell shows the cell. Skips (with a message) when
//! tmux is not installed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::tmux::Tmux;

/// The reader pane's part of the screen (right of the outline's border).
fn reader_part(screen: &str) -> String {
    screen
        .lines()
        .map(|l| l.split_once('│').map(|x| x.1).unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn c_o_after_a_search_jump_returns_to_the_exact_earlier_position() {
    let Some(t) = Tmux::start("jumpback", 80, 24) else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_baogao");
    t.keys(&[&format!("{bin} --ambiguous narrow; echo EXIT=$?"), "Enter"]);
    t.wait_for("Outline");
    // Open part 二、 of the first report and scroll into it.
    t.keys(&["j", "j", "Enter", "C-d", "j", "j"]);
    let before = t.settled();
    assert!(before.contains("Reader"), "{before}");
    // Search and jump to another section.
    t.keys(&["/", "'", "9", "0", ".", "4", "%"]);
    t.wait_for("占全市比重");
    t.keys(&["Down", "Enter"]);
    let jumped = t.wait_for("占全市比重90.4%");
    assert!(jumped.contains("(三)高能高效"), "{jumped}");
    // C-o: the reader shows exactly what it showed before, the status line too.
    t.keys(&["C-o"]);
    let back = t.settled();
    assert_eq!(reader_part(&back), reader_part(&before), "{back}");
    assert_eq!(back.lines().last(), before.lines().last());
    // C-n (C-i where the terminal tells it from Tab): forward again.
    t.keys(&["C-n"]);
    let again = t.settled();
    // (the status line differs: after the search jump it says "2/2 /'90.4%")
    let body = |s: &str| {
        let r = reader_part(s);
        r.rsplit_once('\n').map(|x| x.0.to_string()).unwrap_or(r)
    };
    assert_eq!(body(&again), body(&jumped), "{again}");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn a_search_jump_to_a_cell_shows_the_cell() {
    let Some(t) = Tmux::start("celljump", 80, 24) else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_baogao");
    t.keys(&[&format!("{bin} --ambiguous narrow; echo EXIT=$?"), "Enter"]);
    t.wait_for("Outline");
    t.keys(&["/", "s", "d", "w", "z", " ", "n", "d", "m", "b"]);
    t.wait_for("115");
    t.keys(&["Enter"]);
    let s = t.wait_for("Tables ");
    let s = if s.contains("115亿美元") {
        s
    } else {
        t.settled()
    };
    // The target column's header and the cell itself are on screen.
    assert!(s.contains("年度目标"), "{s}");
    assert!(s.contains("115亿美元"), "the cell is off screen:\n{s}");
    // The cell is drawn as the cursor cell (reverse or coloured background).
    let styled = t.cmd(&["capture-pane", "-p", "-e", "-t", "e2e"]);
    let line = styled
        .lines()
        .find(|l| l.contains("115亿美元"))
        .expect("the cell's line");
    let before_cell = &line[..line.find("115").unwrap()];
    assert!(
        before_cell
            .rfind("\x1b[")
            .is_some_and(|i| !before_cell[i..].starts_with("\x1b[0m")),
        "the cell is not styled: {line:?}"
    );
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn open_a_section_id_shows_its_heading_in_the_reader() {
    let Some(t) = Tmux::start("openid", 80, 24) else {
        return;
    };
    // a second-level section of the second report: not what the first screen shows
    let m = baogao::open::load(Some(std::path::Path::new(&baogao::plan_model_path()))).unwrap();
    let r = &m.reports[1];
    let s = r.sections.iter().find_map(|s| s.children.get(1)).unwrap();
    let bin = env!("CARGO_BIN_EXE_baogao");
    t.keys(&[
        &format!("{bin} --ambiguous narrow --open {}; echo EXIT=$?", s.id),
        "Enter",
    ]);
    // (the pane may wrap a long heading: its first characters)
    let needle: String = s.heading.chars().take(6).collect();
    let screen = t.wait_for("Reader");
    let screen = if reader_part(&screen).contains(&needle) {
        screen
    } else {
        t.settled()
    };
    let reader = reader_part(&screen);
    let first = reader
        .lines()
        .find(|l| !l.trim().is_empty() && !l.contains("Reader"))
        .unwrap_or("");
    assert!(reader.contains(&needle), "{screen}");
    // the reader starts at the section (its heading near the top)
    assert!(
        reader.lines().take(4).any(|l| l.contains(&needle)),
        "first line {first:?}:\n{screen}"
    );
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}
