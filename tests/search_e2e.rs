//! End-to-end test of search results in tmux at 80x24 (issue 10 item 10):
//! figure hits say their year and target/actual, the cells of one row are
//! one hit, n with no search says so, and n / N show "2/6" in the status
//! line. Skips (with a message) when tmux is not installed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn cmd(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.cmd(&["send-keys", "-t", "e2e", k]);
            sleep(Duration::from_millis(80));
        }
    }
    fn screen(&self) -> String {
        self.cmd(&["capture-pane", "-p", "-t", "e2e"])
    }
    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(10) {
                panic!("timed out waiting for {needle:?}; screen:\n{s}");
            }
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

fn shell(name: &str) -> Option<Tmux> {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("SKIPPED {name}: tmux is not installed (apt-get install tmux)");
        return None;
    }
    let t = Tmux {
        socket: format!("baogao-{name}-{}", std::process::id()),
    };
    t.cmd(&[
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-x",
        "80",
        "-y",
        "24",
        "-s",
        "e2e",
        "env",
        "PS1=$ ",
        "sh",
    ]);
    t.cmd(&["set-option", "-g", "escape-time", "0"]);
    Some(t)
}

#[test]
fn search_results_say_target_or_actual_fold_rows_and_count_at_80x24() {
    let Some(t) = shell("search-results") else {
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
