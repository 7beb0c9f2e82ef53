//! Running the `baogao` binary from the command-line tests: a model built
//! by `baogao build` from a test's own texts, and a command run on a model
//! with its output captured. Process plumbing only: what a test runs and
//! asserts stays in its own file.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Display;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `texts` (file stem, text) written into a temp dir as `STEM.txt` and
/// built by `baogao build -q`: the dir (the model lives as long as it) and
/// the model's path.
pub fn build_model<N: Display>(texts: &[(N, String)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("texts");
    std::fs::create_dir(&src).unwrap();
    for (stem, text) in texts {
        std::fs::write(src.join(format!("{stem}.txt")), text).unwrap();
    }
    let out = dir.path().join("model.json");
    let o = Command::new(env!("CARGO_BIN_EXE_baogao"))
        .env_remove("BAOGAO_MODEL")
        .args(["build", "-q", "-o"])
        .arg(&out)
        .arg(&src)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (dir, out)
}

/// `baogao --model MODEL ARGS…`, its output captured; neither the model
/// nor `NO_COLOR` comes from the environment.
pub fn run(model: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_baogao"))
        .env_remove("BAOGAO_MODEL")
        .env_remove("NO_COLOR")
        .arg("--model")
        .arg(model)
        .args(args)
        .output()
        .unwrap()
}

/// A run's standard output (UTF-8).
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// A run's standard error (UTF-8).
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}
