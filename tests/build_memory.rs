//! Peak memory of `baogao build` per byte of input (issue 16, item 6): a
//! pathological report (one line of several MB, no line break) and an
//! ordinary one of the same size, each built by the binary in a child
//! process whose peak resident set (`ru_maxrss` from `wait4`) must stay
//! within the multiple docs/RELIABILITY.md promises. Peak memory is not
//! timing: the figures are the same on a loaded machine. Synthetic text of
//! our own (numbered sentences), never a real report.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Stdio};

/// The promised bounds (docs/RELIABILITY.md "Build memory"), the binary's
/// own 14 MB included.
const LINE_MULTIPLE: u64 = 10;
const LINES_MULTIPLE: u64 = 10;
/// Input size: large enough that the binary's own MB count for little.
const INPUT: usize = 12 << 20;

/// `n` bytes of report-like text: a title, a heading, then sentences with
/// numbers; a line break every `per_line` sentences (0: never).
fn synthetic(n: usize, per_line: usize) -> String {
    const FORMS: [&str; 4] = [
        "全市实现地区生产总值{}亿元,比上年增长{}%。",
        "规模以上工业增加值增长{}%左右,固定资产投资增长{}%。",
        "城镇新增就业{}万人,居民人均可支配收入增长{}%。",
        "持续优化营商环境,推动{}个重大项目开工建设,完成投资{}亿元。",
    ];
    let mut s = String::from("某市国民经济和社会发展计划执行情况的报告\n一、总体情况\n");
    let mut x: u64 = 16;
    let mut k = 0usize;
    while s.len() < n {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let form = FORMS[(x >> 33) as usize % FORMS.len()];
        let mut parts = form.split("{}");
        s.push_str(parts.next().unwrap());
        s.push_str(&format!("{}.{}", (x >> 20) % 1000, (x >> 10) % 10));
        s.push_str(parts.next().unwrap());
        s.push_str(&format!("{}", (x >> 40) % 100));
        s.push_str(parts.next().unwrap());
        k += 1;
        if per_line > 0 && k.is_multiple_of(per_line) {
            if k.is_multiple_of(per_line * 20) {
                s.push_str(&format!("\n({})重点工作\n", k / per_line));
            } else {
                s.push('\n');
            }
        }
    }
    s
}

/// Peak resident bytes of `baogao build INPUT -o OUT -q` (two build
/// threads, whatever the machine).
// the child is reaped by `wait4`, which also gives its peak memory
#[allow(clippy::zombie_processes)]
fn build_peak(input: &Path, out: &Path) -> u64 {
    let child = Command::new(env!("CARGO_BIN_EXE_baogao"))
        .env("RAYON_NUM_THREADS", "2")
        .arg("build")
        .arg(input)
        .arg("-o")
        .arg(out)
        .arg("-q")
        .env_remove("BAOGAO_MODEL")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: zeroed rusage is a valid value; wait4 fills it for our child
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let got = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(got, pid, "wait4");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "build failed: {status}"
    );
    assert!(out.metadata().unwrap().len() > 0);
    // Linux: kilobytes
    usage.ru_maxrss as u64 * 1024
}

#[test]
fn build_peak_memory_stays_within_its_multiple_of_the_input() {
    let dir = tempfile::tempdir().unwrap();
    for (name, per_line, multiple) in [
        ("one-line.txt", 0, LINE_MULTIPLE),
        ("lines.txt", 4, LINES_MULTIPLE),
    ] {
        let text = synthetic(INPUT, per_line);
        let input = dir.path().join(name);
        std::fs::write(&input, &text).unwrap();
        let peak = build_peak(&input, &dir.path().join("model.json"));
        let size = text.len() as u64;
        eprintln!(
            "{name}: {} MB in, peak {} MB ({:.1}x)",
            size >> 20,
            peak >> 20,
            peak as f64 / size as f64
        );
        assert!(
            peak <= multiple * size,
            "{name}: peak {peak} bytes is more than {multiple}x the {size} bytes of input"
        );
    }
}

#[test]
fn a_corpus_build_holds_only_the_reports_in_flight() {
    // 64 reports of half a MB: a model held whole would be several times the
    // 32 MB of input; a build that spools each report as it is built holds
    // the two being built and a few waiting to be spooled
    const REPORTS: usize = 64;
    const EACH: usize = 1 << 19;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("corpus");
    std::fs::create_dir(&folder).unwrap();
    let mut total = 0u64;
    for k in 0..REPORTS {
        // each report its own year, so that ids do not collide
        let text = synthetic(EACH, 4).replacen("某市", &format!("某市{}年", 1950 + k), 1);
        total += text.len() as u64;
        std::fs::write(folder.join(format!("r{k:02}.txt")), &text).unwrap();
    }
    let out = dir.path().join("model.json");
    let peak = build_peak(&folder, &out);
    let model = std::fs::metadata(&out).unwrap().len();
    eprintln!(
        "{REPORTS} reports, {} MB in, model {} MB, peak {} MB ({:.2}x the input)",
        total >> 20,
        model >> 20,
        peak >> 20,
        peak as f64 / total as f64
    );
    assert!(model > 2 * total, "the model is {model} bytes");
    assert!(
        peak < total * 3 / 2,
        "peak {peak} bytes for {total} bytes of input: the build holds more than the reports in flight"
    );
}
