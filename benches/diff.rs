//! `baogao diff` timings: for every provincial report of the bundled corpus
//! that has one the year before (the four municipalities, 2024–2026), the
//! comparison itself (`compare::compare` on two parsed reports) and the
//! whole command (`baogao diff A B > /dev/null`: process start, opening the
//! bundled pack, parsing the two reports, comparing, printing), with
//! `diff -u` of the two raw texts timed in the same run as a reference.
//! Prints median and p95 per pair and over all pairs.
//!
//! Run: `cargo bench --bench diff` (figures go to docs/PERFORMANCE.md).
// a face, not the core: it may read the environment (see clippy.toml)
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Instant;

use baogao::compare::{compare, previous};
use baogao::model::Level;

const RUNS: usize = 30;
const PROCESS_RUNS: usize = 15;

fn pct(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i.min(v.len() - 1)]
}

fn ms(f: impl FnOnce()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64() * 1000.0
}

fn binary() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    // target/release/deps/diff-HASH → target/release/baogao
    exe.parent().unwrap().parent().unwrap().join("baogao")
}

fn run_quiet(cmd: &mut Command) {
    let st = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    // diff(1) exits 1 when the files differ
    assert!(st.code().is_some_and(|c| c <= 1), "{cmd:?}");
}

fn main() {
    let model = baogao::load_model(None).unwrap();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/reports");
    let bin = binary();
    assert!(
        bin.is_file(),
        "build the binary first: cargo build --release"
    );
    let mut all_core = Vec::new();
    let mut all_cmd = Vec::new();
    let mut all_ref = Vec::new();
    println!(
        "{:<34} {:>7} {:>16} {:>16} {:>16}",
        "pair", "chars", "compare med/p95", "command med/p95", "diff -u med/p95"
    );
    for (ib, b) in model.reports.iter().enumerate() {
        if b.level != Some(Level::Province) {
            continue;
        }
        let Some(ia) = previous(&model.reports, ib) else {
            continue;
        };
        let a = &model.reports[ia];
        let mut core: Vec<f64> = (0..RUNS)
            .map(|_| ms(|| drop(black_box(compare(a, b)))))
            .collect();
        let mut cmd: Vec<f64> = (0..PROCESS_RUNS)
            .map(|_| {
                ms(|| {
                    run_quiet(
                        Command::new(&bin)
                            .env_remove("BAOGAO_MODEL")
                            .args(["diff", &a.id, &b.id]),
                    )
                })
            })
            .collect();
        let (fa, fb) = (root.join(&a.source.file), root.join(&b.source.file));
        let mut reference: Vec<f64> = (0..PROCESS_RUNS)
            .map(|_| ms(|| run_quiet(Command::new("diff").arg("-u").arg(&fa).arg(&fb))))
            .collect();
        all_core.extend_from_slice(&core);
        all_cmd.extend_from_slice(&cmd);
        all_ref.extend_from_slice(&reference);
        println!(
            "{:<34} {:>7} {:>7.2} {:>7.2}  {:>7.2} {:>7.2}  {:>7.2} {:>7.2}",
            format!("{} -> {}", a.id, b.id),
            a.source.chars + b.source.chars,
            pct(&mut core, 0.5),
            pct(&mut core, 0.95),
            pct(&mut cmd, 0.5),
            pct(&mut cmd, 0.95),
            pct(&mut reference, 0.5),
            pct(&mut reference, 0.95),
        );
    }
    println!(
        "{:<34} {:>7} {:>7.2} {:>7.2}  {:>7.2} {:>7.2}  {:>7.2} {:>7.2}",
        "all pairs (ms)",
        "",
        pct(&mut all_core, 0.5),
        pct(&mut all_core, 0.95),
        pct(&mut all_cmd, 0.5),
        pct(&mut all_cmd, 0.95),
        pct(&mut all_ref, 0.5),
        pct(&mut all_ref, 0.95),
    );
}
