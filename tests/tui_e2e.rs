//! End-to-end test of the real binary in tmux at 80x24: open a section,
//! scroll, switch panes, open the help, resize, quit; check each screen for
//! the expected text, the outline's right border in one column on every row,
//! no raw escape bytes, exit status 0 and a usable shell afterwards.
//! Skips (with a message) when tmux is not installed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::thread::sleep;
use std::time::{Duration, Instant};

use baogao::text::{str_width, AmbiguousWidth};

mod common;
use common::tmux::Tmux;

/// The outline/reader separator is in the same display column on every body row.
fn assert_border_aligned(screen: &str, rows: usize) {
    let mut cols = std::collections::BTreeSet::new();
    for line in screen.lines().take(rows - 1) {
        let Some(i) = line.find('│') else {
            panic!("row without the pane border: {line:?}\n{screen}");
        };
        cols.insert(str_width(&line[..i], AmbiguousWidth::Narrow));
    }
    assert_eq!(cols.len(), 1, "border columns {cols:?}:\n{screen}");
}

fn assert_clean(screen: &str) {
    assert!(
        !screen
            .chars()
            .any(|c| c == '\x1b' || (c.is_control() && c != '\n')),
        "raw control bytes on screen:\n{screen:?}"
    );
}

#[test]
fn explorer_in_tmux_at_80x24() {
    let Some(t) = Tmux::start("explorer_in_tmux_at_80x24", 80, 24) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("model.json");
    let mut m = baogao::tui::testmodel::small_model();
    // A hostile heading must show as inert text.
    m.reports[0].sections[1].heading = "2024年主要目标\x1b[2J\x1b]52;c;QUFB\x07".into();
    std::fs::write(&model, serde_json::to_string(&m).unwrap()).unwrap();
    let bin = env!("CARGO_BIN_EXE_baogao");
    assert!(Path::new(bin).exists());

    let launch = format!(
        "{bin} --model {} --ambiguous narrow; echo EXIT=$?",
        model.display()
    );
    t.keys(&[&launch, "Enter"]);

    let s = t.wait_for("Outline");
    assert_border_aligned(&s, 24);
    assert_clean(&s);
    assert!(s.contains("一、2023年计划执行"), "{s}");

    // Open part 一、 and read it.
    t.keys(&["j", "j", "l", "Enter"]);
    let s = t.wait_for("全区实现地区生产总值");
    assert_border_aligned(&s, 24);
    assert!(s.contains("表1 2023年主要指标完成情况"), "{s}");

    // Scroll the reader.
    t.keys(&["j", "j", "j", "C-d"]);
    let s = t.screen();
    assert!(!s.contains("全区实现地区生产总值"), "did not scroll:\n{s}");
    assert_border_aligned(&s, 24);

    // Switch to the tables pane.
    t.keys(&["Tab"]);
    let s = t.wait_for("Tables  1/");
    assert!(s.contains("地区生产总值增长率"), "{s}");
    assert_border_aligned(&s, 24);

    // Help overlay, then close it.
    t.keys(&["?"]);
    let s = t.wait_for("Keys (Esc to close)");
    assert!(s.contains("next pane"), "{s}");
    // The outline's keys are further down at 80x24: scroll to them.
    t.keys(&[
        "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j",
    ]);
    let s = t.wait_for("collapse, or go to parent");
    assert_clean(&s);
    t.keys(&["Escape"]);
    let s = t.screen();
    assert!(!s.contains("Keys (Esc to close)"), "{s}");

    // Back to the outline; the hostile heading is inert.
    t.keys(&["BTab", "BTab"]);
    let s = t.wait_for("2024年主要目标");
    assert_clean(&s);

    // Resize to 120x40: layout reflows, border still straight.
    t.cmd(&["resize-window", "-t", "e2e", "-x", "120", "-y", "40"]);
    sleep(Duration::from_millis(300));
    let s = t.wait_for("Outline");
    assert_eq!(s.lines().count().max(40), 40);
    assert_border_aligned(&s, 40);
    assert_clean(&s);
    assert!(s.contains("l:open h:close Enter:read"), "{s}");

    // Quit: exit status 0 and the shell works.
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.keys(&["echo shell-ok-$((40+2))", "Enter"]);
    t.wait_for("shell-ok-42");
}

#[test]
fn search_jumps_to_the_sentence_on_the_bundled_model() {
    let Some(t) = Tmux::start("search", 80, 24) else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_baogao");
    t.keys(&[&format!("{bin} --ambiguous narrow; echo EXIT=$?"), "Enter"]);
    t.wait_for("Outline");
    // Search by an exact figure, then by pinyin initials.
    t.keys(&["/", "'", "9", "0", ".", "4", "%"]);
    let s = t.wait_for("hits");
    assert!(s.contains("占全市比重"), "{s}");
    assert_clean(&s);
    t.keys(&["Escape"]);
    t.keys(&["/", "j", "z", "x"]);
    let s = t.wait_for("集装箱");
    assert_clean(&s);
    // The first sentence hit: select it and jump.
    t.keys(&["C-u"]);
    t.keys(&["BSpace", "BSpace", "BSpace", "'", "9", "0", ".", "4", "%"]);
    t.wait_for("占全市比重");
    t.keys(&["Down", "Enter"]);
    let s = t.wait_for("Reader");
    assert!(
        s.contains("(三)高能高效"),
        "landed in the wrong section:\n{s}"
    );
    assert!(
        s.contains("占全市比重90.4%"),
        "the sentence is not on screen:\n{s}"
    );
    assert_border_aligned(&s, 24);
    // n moves to the next result without reopening the prompt.
    t.keys(&["n"]);
    let s = t.screen();
    assert!(!s.contains("hits"), "n reopened the prompt:\n{s}");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

/// Is process `pid` gone (or a zombie waiting to be reaped)?
fn gone(pid: &str) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        Ok(stat) => stat
            .rsplit(')')
            .next()
            .is_some_and(|rest| rest.trim_start().starts_with('Z')),
    }
}

/// Regression: when the terminal went away (tmux killed, an SSH drop), the
/// explorer spun in its read loop forever, ignoring SIGHUP and SIGTERM.
#[test]
fn hangup_regression_explorer_exits_when_its_terminal_goes_away() {
    let Some(t) = Tmux::start("hangup", 80, 24) else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_baogao");
    t.cmd(&[
        "new-window",
        "-t",
        "e2e",
        "-n",
        "app",
        bin,
        "--ambiguous",
        "narrow",
    ]);
    sleep(Duration::from_millis(500));
    let pid = t
        .cmd(&["display-message", "-p", "-t", "e2e:app", "#{pane_pid}"])
        .trim()
        .to_string();
    assert!(!pid.is_empty() && !gone(&pid), "explorer not running");
    t.cmd(&["kill-server"]);
    let start = Instant::now();
    while !gone(&pid) {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the explorer is still running after its terminal went away"
        );
        sleep(Duration::from_millis(50));
    }
}

/// The text inside the popup box on a captured screen (between its borders
/// and blank margins, rows joined), or None when no popup is shown.
fn popup_text(screen: &str) -> Option<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let top = lines.iter().position(|l| l.contains('┌'))?;
    let col_of = |line: &str, ch: char| -> Option<usize> {
        let i = line.find(ch)?;
        Some(str_width(&line[..i], AmbiguousWidth::Narrow))
    };
    let (x0, x1) = (col_of(lines[top], '┌')?, col_of(lines[top], '┐')?);
    let mut out = String::new();
    for line in &lines[top + 1..] {
        if col_of(line, '└') == Some(x0) {
            return Some(out);
        }
        // The chars in display columns x0+2 .. x1-1.
        let mut col = 0;
        for c in line.chars() {
            if col >= x0 + 2 && col < x1 - 1 {
                out.push(c);
            }
            col += baogao::text::char_width(c, AmbiguousWidth::Narrow);
        }
    }
    None
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Regression (issue 10): the cell popup dropped chars at every row end
/// ("培育意向加 / GOP" for 加入GOP). Opens the popup on every cell of every
/// bundled table, printed and derived, and compares it with the cell.
#[test]
fn popup_text_equals_the_cell_for_every_bundled_cell_at_80x24() {
    let Some(t) = Tmux::start("popup", 80, 24) else {
        return;
    };
    let model = baogao::load_plan_model().unwrap();
    let derived = baogao::indicators::derived_tables(&model);
    let st = baogao::tui::tables::TablesState::new(&model, &derived);
    let bin = env!("CARGO_BIN_EXE_baogao");
    t.keys(&[&format!("{bin} --ambiguous narrow; echo EXIT=$?"), "Enter"]);
    t.wait_for("Outline");
    t.keys(&["t"]);
    t.wait_for("Tables  1/");
    let send = |k: &str| {
        t.cmd(&["send-keys", "-t", "e2e", k]);
    };
    let wait = |what: &str, ok: &dyn Fn(&str) -> bool| -> String {
        let start = Instant::now();
        loop {
            let s = t.screen();
            if ok(&s) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(5) {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            sleep(Duration::from_millis(10));
        }
    };
    let mut checked = 0;
    for (i, &r) in st.list.iter().enumerate() {
        let v = baogao::tui::tables::view(&model, &derived, r).unwrap();
        let ncols = v.columns.len();
        let title = format!("Tables  {}/{}", i + 1, st.list.len());
        wait(&title, &|s| s.contains(&title));
        for (ri, row) in v.rows.iter().enumerate() {
            for c in 0..ncols {
                if let Some(cell) = row.get(c) {
                    let want = squash(&baogao::text::sanitize(cell));
                    send("v");
                    let s = wait(&format!("popup of {i} r{ri} c{c}"), &|s| {
                        popup_text(s).is_some_and(|p| squash(&p) == want)
                    });
                    assert_clean(&s);
                    checked += 1;
                    send("v");
                    wait("popup closed", &|s| popup_text(s).is_none());
                }
                if c + 1 < ncols {
                    send("l");
                }
            }
            for _ in 1..ncols {
                send("h");
            }
            send("j");
        }
        send("J");
    }
    assert!(checked > 190, "{checked} cells");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

/// Issue 10: after `t l l l l s` the indicator names were scrolled away. At
/// 80x24 the number and name columns stay, beside the sorted column, and the
/// cells cut at the pane edge end with "~".
#[test]
fn the_names_stay_while_the_columns_scroll_at_80x24() {
    let Some(t) = Tmux::start("keys", 80, 24) else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_baogao");
    t.keys(&[&format!("{bin} --ambiguous narrow; echo EXIT=$?"), "Enter"]);
    t.wait_for("Outline");
    t.keys(&["t", "l", "l", "l", "l", "s"]);
    let s = t.wait_for("同比增长 ^");
    assert_clean(&s);
    assert_border_aligned(&s, 24);
    for name in [
        "实到外资",
        "地区生产总值",
        "一般公共预算收入",
        "新增养老床位数",
    ] {
        assert!(s.contains(name), "{name} not on screen:\n{s}");
    }
    // Sorted by value: -6.4% (实到外资) is the first row.
    let first = s.lines().nth(3).unwrap_or("");
    assert!(first.contains("实到外资") && first.contains("-6.4%"), "{s}");
    // The column at the pane edge is cut, and says so.
    let cut = s.lines().skip(3).take(10).filter(|l| l.ends_with('~'));
    assert!(cut.count() >= 5, "cut cells without a mark:\n{s}");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}
