//! A tmux session for end-to-end tests: a shell in a detached session at a
//! fixed size, keys sent one by one, the screen captured. `start` returns
//! None (after saying the test skipped) when tmux is not installed, except
//! under CI (`CI` or `BAOGAO_REQUIRE_TOOLS` set), where a missing tool fails
//! the test instead of passing silently.

#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::disallowed_methods
)]

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// A shell in a detached session at `w`x`h`; None when tmux is missing.
    pub fn start(name: &str, w: u16, h: u16) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            missing_tool(name, "tmux");
            return None;
        }
        let t = Tmux {
            socket: format!("baogao-{name}-{}", std::process::id()),
        };
        let (w, h) = (w.to_string(), h.to_string());
        t.cmd(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &w,
            "-y",
            &h,
            "-s",
            "e2e",
            "env",
            "PS1=$ ",
            // the small model every e2e test pins its screens to (an
            // explicit --model in a test still wins)
            &format!("BAOGAO_MODEL={}", baogao::plan_model_path()),
            "sh",
        ]);
        t.cmd(&["set-option", "-g", "escape-time", "0"]);
        Some(t)
    }
    pub fn cmd(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.cmd(&["send-keys", "-t", "e2e", k]);
            sleep(Duration::from_millis(80));
        }
    }
    pub fn screen(&self) -> String {
        self.cmd(&["capture-pane", "-p", "-t", "e2e"])
    }
    pub fn wait_for(&self, needle: &str) -> String {
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
    /// Wait until the screen stops changing (two equal captures); return it.
    pub fn settled(&self) -> String {
        let mut last = self.screen();
        let start = Instant::now();
        loop {
            sleep(Duration::from_millis(150));
            let s = self.screen();
            if s == last || start.elapsed() > Duration::from_secs(5) {
                return s;
            }
            last = s;
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

/// Say that test `name` skipped because `tool` is missing; under CI (`CI` or
/// `BAOGAO_REQUIRE_TOOLS` set) fail instead.
pub fn missing_tool(name: &str, tool: &str) {
    let ci = ["CI", "BAOGAO_REQUIRE_TOOLS"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|x| !x.is_empty() && x != "false" && x != "0"));
    assert!(
        !ci,
        "{name}: {tool} is not installed, and CI requires it (.ci/run installs it)"
    );
    eprintln!("SKIPPED {name}: {tool} is not installed (apt-get install {tool})");
}
