//! Search benchmarks: index build time, and per-keystroke latency (queries
//! typed one char at a time, 1–6 chars, Chinese and pinyin) on the bundled
//! corpus and on a 100× synthetic corpus (the bundled reports cloned with new
//! ids), both as fresh searches and narrowing the previous keystroke's
//! matches (`Session`). Prints median/p95 tables, then times `fzf --filter`
//! over the same item texts in the same run when fzf is installed.
//! Criterion measures index build and a few whole queries. Times are wall
//! and CPU (all threads: a large scan is split across cores).
//!
//! Run: `cargo bench --bench search` (figures go to docs/PERFORMANCE.md).
//! `BAOGAO_BENCH=detail` prints each keystroke at 100× (narrowing, median of
//! 5) and the p95 of extended queries; run it under `taskset -c 1` for one
//! core. `BAOGAO_BENCH=profile-narrow BAOGAO_QUERY=cho` repeats one narrowing
//! keystroke, and `profile-build` / `profile-search` loop, for `perf record`.
//! `BAOGAO_BENCH=memory` prints the heap bytes of the index of
//! `BAOGAO_CORPUS_MODEL` by part, its build time and RSS; `dump` prints every
//! hit of a set of queries (to diff two builds' results).
// a face, not the core: it may read the environment (see clippy.toml)
#![allow(clippy::disallowed_methods)]

use std::hint::black_box;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use baogao::model::Model;
use baogao::search::{Index, SearchOptions, Session};
use criterion::Criterion;

/// Queries as typed; every prefix is one keystroke.
const TYPED: &[&str] = &[
    "集装箱吞吐量",
    "生产总值",
    "固定资产投资",
    "实到外资",
    "jzx",
    "sczz",
    "yinhan",
    "chongx",
    "shidao",
    "gdp",
];

/// Hits a search prompt shows at most.
const LIMIT: usize = 50;

fn model_times(m: &Model, n: usize) -> Model {
    let mut out = m.clone();
    out.reports.clear();
    for i in 0..n {
        for r in &m.reports {
            let mut c = r.clone();
            c.id = format!("{}-x{i}", r.id);
            out.reports.push(c);
        }
    }
    out
}

fn pct(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Nanoseconds this process's threads have run on a CPU
/// (CLOCK_PROCESS_CPUTIME_ID: a search split across threads counts them
/// all), so figures hold up on a shared, loaded machine; 0 if unavailable.
fn cpu_ns() -> u64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec to a valid pointer.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) };
    if rc != 0 {
        return 0;
    }
    (t.tv_sec as u64) * 1_000_000_000 + t.tv_nsec as u64
}

/// Run `f`, returning (wall ms, on-CPU ms).
fn timed<T>(f: impl FnOnce() -> T) -> (f64, f64) {
    let c = cpu_ns();
    let t = Instant::now();
    black_box(f());
    let wall = ms(t.elapsed());
    (wall, (cpu_ns().saturating_sub(c)) as f64 / 1e6)
}

#[derive(Default)]
struct Latency {
    first: Vec<f64>,
    extended: Vec<f64>,
    first_cpu: Vec<f64>,
    extended_cpu: Vec<f64>,
}

/// Per-keystroke times (ms): `first` for 1-char queries, `extended` for 2+.
fn keystrokes(index: &Index, narrowing: bool, reps: usize) -> Latency {
    let opts = SearchOptions {
        report: None,
        limit: LIMIT,
    };
    let mut lat = Latency::default();
    for _ in 0..reps {
        for typed in TYPED {
            let mut session = Session::new();
            let mut q = String::new();
            for (n, c) in typed.chars().enumerate() {
                q.push(c);
                let (d, c) = timed(|| {
                    if narrowing {
                        session.search(index, &q, &opts)
                    } else {
                        index.search(&q, &opts)
                    }
                });
                if n == 0 {
                    lat.first.push(d);
                    lat.first_cpu.push(c);
                } else {
                    lat.extended.push(d);
                    lat.extended_cpu.push(c);
                }
            }
        }
    }
    lat
}

fn report_latency(name: &str, index: &Index, reps: usize) {
    for narrowing in [false, true] {
        let l = keystrokes(index, narrowing, reps);
        for (what, first, ext) in [
            ("wall", &l.first, &l.extended),
            ("cpu", &l.first_cpu, &l.extended_cpu),
        ] {
            let mut all: Vec<f64> = first.iter().chain(ext.iter()).copied().collect();
            let (mut f, mut e) = (first.clone(), ext.clone());
            println!(
                "latency {name:8} {:9} {what:4} all: median {:7.3} ms p95 {:7.3} ms | 1st char: median {:7.3} p95 {:7.3} | 2+ chars: median {:7.3} p95 {:7.3}  (n={})",
                if narrowing { "narrowing" } else { "fresh" },
                pct(&mut all, 0.5),
                pct(&mut all, 0.95),
                pct(&mut f, 0.5),
                pct(&mut f, 0.95),
                pct(&mut e, 0.5),
                pct(&mut e, 0.95),
                all.len(),
            );
        }
    }
}

fn time_build(name: &str, m: &Model, reps: usize) -> Index {
    let (mut v, mut cpu) = (Vec::new(), Vec::new());
    for _ in 0..reps {
        let (w, c) = timed(|| Index::new(m));
        v.push(w);
        cpu.push(c);
    }
    let idx = Index::new(m);
    println!(
        "build   {name:8} {} items: wall median {:8.3} ms p95 {:8.3} ms | cpu median {:8.3} ms p95 {:8.3} ms",
        idx.len(),
        pct(&mut v, 0.5),
        pct(&mut v, 0.95),
        pct(&mut cpu, 0.5),
        pct(&mut cpu, 0.95)
    );
    idx
}

/// Our fresh (non-narrowing) search time for a whole query, median of `reps`.
fn ours(index: &Index, q: &str, reps: usize) -> f64 {
    let opts = SearchOptions {
        report: None,
        limit: LIMIT,
    };
    let mut v: Vec<f64> = (0..reps)
        .map(|_| timed(|| index.search(q, &opts)).0)
        .collect();
    pct(&mut v, 0.5)
}

/// `fzf --filter Q < file`, median wall time of `reps` runs (process start included).
fn fzf(file: &std::path::Path, q: &str, reps: usize) -> Option<f64> {
    let mut v = Vec::new();
    for _ in 0..reps {
        let input = std::fs::File::open(file).ok()?;
        let t = Instant::now();
        let st = Command::new("fzf")
            .args(["--filter", q])
            .stdin(input)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .ok()?;
        v.push(ms(t.elapsed()));
        // 1 = no match, still a completed run
        if !matches!(st.code(), Some(0 | 1)) {
            return None;
        }
    }
    Some(pct(&mut v, 0.5))
}

fn compare_fzf(name: &str, index: &Index, reps: usize) {
    let dir = std::env::temp_dir().join(format!("baogao-bench-{}", std::process::id()));
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let file = dir.join(format!("{name}.txt"));
    let Ok(mut f) = std::fs::File::create(&file) else {
        return;
    };
    for t in index.item_texts() {
        let _ = writeln!(f, "{}", t.replace('\n', " "));
    }
    drop(f);
    for q in [
        "集装箱吞吐量",
        "生产总值",
        "集装箱 吞吐",
        "'90.4%",
        "gdp",
        "jzx",
    ] {
        let o = ours(index, q, reps);
        match fzf(&file, q, reps) {
            Some(z) => println!(
                "vs fzf  {name:8} {q:14} baogao {o:8.3} ms  fzf --filter {z:8.3} ms  ratio {:6.2}x",
                z / o
            ),
            None => println!("vs fzf  {name:8} {q:14} baogao {o:8.3} ms  (fzf not available)"),
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A line of /proc/self/status in MB (kB there).
fn status_mb(key: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn rss_mb() -> f64 {
    status_mb("VmRSS:")
}

fn peak_mb() -> f64 {
    status_mb("VmHWM:")
}

/// Give freed heap pages back to the system, so RSS shows what is live.
fn trim() {
    // SAFETY: malloc_trim only releases free memory of glibc's heap.
    unsafe {
        libc::malloc_trim(0);
    }
}

fn main() {
    let model = match baogao::load_plan_model() {
        Ok(m) => m,
        Err(e) => {
            eprintln!("cannot load the bundled model: {e}");
            return;
        }
    };
    // profiling loops (for `perf record`): BAOGAO_BENCH=profile-build | profile-search
    match std::env::var("BAOGAO_BENCH").as_deref() {
        Ok("profile-build") => {
            for _ in 0..300 {
                black_box(Index::new(&model));
            }
            return;
        }
        Ok("detail") => {
            // per-keystroke wall/CPU time at 100x, narrowing: median of 5 runs
            let big = Index::new(&model_times(&model, 100));
            let opts = SearchOptions {
                report: None,
                limit: LIMIT,
            };
            let (mut ext, mut ext_cpu) = (Vec::new(), Vec::new());
            for typed in TYPED {
                let mut line = String::new();
                let prefixes: Vec<String> = (1..=typed.chars().count())
                    .map(|n| typed.chars().take(n).collect())
                    .collect();
                let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new(); prefixes.len()];
                let mut totals = vec![0; prefixes.len()];
                for _ in 0..5 {
                    let mut session = Session::new();
                    for (k, q) in prefixes.iter().enumerate() {
                        runs[k].push(timed(|| session.search(&big, q, &opts)));
                        totals[k] = session.total();
                    }
                }
                for (k, q) in prefixes.iter().enumerate() {
                    let mut wall: Vec<f64> = runs[k].iter().map(|r| r.0).collect();
                    let mut cpu: Vec<f64> = runs[k].iter().map(|r| r.1).collect();
                    line.push_str(&format!(
                        " {q}:{:.1}/{:.1}({})",
                        pct(&mut wall, 0.5),
                        pct(&mut cpu, 0.5),
                        totals[k]
                    ));
                    if k > 0 {
                        ext.extend(wall);
                        ext_cpu.extend(cpu);
                    }
                }
                println!("{line}");
            }
            println!(
                "2+ chars (wall/cpu): median {:.1}/{:.1} ms p95 {:.1}/{:.1} ms (n={})",
                pct(&mut ext, 0.5),
                pct(&mut ext_cpu, 0.5),
                pct(&mut ext, 0.95),
                pct(&mut ext_cpu, 0.95),
                ext.len()
            );
            return;
        }
        Ok("corpus") => {
            // the bundled corpus, and BAOGAO_CORPUS_MODEL (e.g. the whole
            // 1,659-report corpus) by its first 1, 10, 100 … reports: p95
            // per keystroke (narrowing, as the explorer types), fzf beside
            let Ok(bundled) = baogao::load_model(None) else {
                eprintln!("cannot load the bundled corpus");
                return;
            };
            let idx = Index::new(&bundled);
            println!(
                "bundled corpus: {} reports, {} items",
                bundled.reports.len(),
                idx.len()
            );
            report_latency("bundled", &idx, 3);
            compare_fzf("bundled", &idx, 3);
            if let Some(p) = std::env::var_os("BAOGAO_CORPUS_MODEL") {
                let Ok(all) = baogao::load_model(Some(std::path::Path::new(&p))) else {
                    eprintln!("cannot load {}", std::path::Path::new(&p).display());
                    return;
                };
                for n in [1, 10, 100, all.reports.len()] {
                    let mut part = all.clone();
                    part.reports.truncate(n);
                    let idx = Index::new(&part);
                    let name = format!("{n}rep");
                    println!("{name}: {} items", idx.len());
                    report_latency(&name, &idx, if n > 100 { 1 } else { 3 });
                    if n == all.reports.len() {
                        compare_fzf(&name, &idx, 3);
                    }
                }
            }
            return;
        }
        Ok("memory") => {
            // the index of BAOGAO_CORPUS_MODEL: its heap bytes by part, the
            // build time, and the process's RSS once the model is freed
            let Some(p) = std::env::var_os("BAOGAO_CORPUS_MODEL") else {
                eprintln!("set BAOGAO_CORPUS_MODEL");
                return;
            };
            let Ok(all) = baogao::load_model(Some(std::path::Path::new(&p))) else {
                eprintln!("cannot load {}", std::path::Path::new(&p).display());
                return;
            };
            println!("model loaded: rss {:.0} MB", rss_mb());
            let t = Instant::now();
            let idx = Index::new(&all);
            let build = ms(t.elapsed());
            drop(all);
            trim();
            let parts = idx.heap_bytes();
            let total: usize = parts.iter().map(|p| p.1).sum();
            for (what, b) in &parts {
                println!("  {what:16} {:8.1} MB", *b as f64 / 1e6);
            }
            println!(
                "index: {} items, {:.1} MB heap, built in {build:.0} ms; rss with the model freed {:.0} MB (peak {:.0} MB)",
                idx.len(),
                total as f64 / 1e6,
                rss_mb(),
                peak_mb()
            );
            return;
        }
        Ok("dump") => {
            // every hit (all fields) of the typed queries and a few more on
            // BAOGAO_CORPUS_MODEL (or the bundled corpus), to diff two builds
            let path = std::env::var_os("BAOGAO_CORPUS_MODEL");
            let Ok(m) = baogao::load_model(path.as_deref().map(std::path::Path::new)) else {
                eprintln!("cannot load the model");
                return;
            };
            let idx = Index::new(&m);
            let mut qs: Vec<String> = TYPED
                .iter()
                .flat_map(|t| (1..=t.chars().count()).map(|n| t.chars().take(n).collect()))
                .collect();
            qs.extend(
                [
                    "GDP",
                    "'90.4%",
                    "集装箱 !吞吐",
                    "^全年",
                    "增长$",
                    "@zhejiang jzx",
                    "@2024 @province 生产总值",
                    "!@work yinhang",
                    "ＧＤＰ",
                    "zengzhang",
                ]
                .map(String::from),
            );
            let opts = SearchOptions {
                report: None,
                limit: 200,
            };
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for q in &qs {
                let (hits, m) = idx.search_within(None, q, &opts);
                let _ = writeln!(out, "## {q} ({} matches)", m.len());
                for h in hits {
                    let _ = writeln!(
                        out,
                        "{:?} {:?} {} | {} | {} | {:?} {} {} {}",
                        h.kind,
                        h.location,
                        h.breadcrumb,
                        h.full_breadcrumb,
                        h.text,
                        h.highlights,
                        h.score,
                        h.note,
                        h.more_in_row
                    );
                }
            }
            let _ = writeln!(out, "## items {}", idx.len());
            for t in idx.item_texts().step_by(97) {
                let _ = writeln!(out, "{t}");
            }
            return;
        }
        Ok("profile-narrow") => {
            // one narrowing keystroke at 100x, repeated: BAOGAO_QUERY=cho
            // times `cho` narrowed from the matches of `ch`
            let q = std::env::var("BAOGAO_QUERY").unwrap_or_else(|_| "cho".into());
            let prev: String = q
                .chars()
                .take(q.chars().count().saturating_sub(1))
                .collect();
            let big = Index::new(&model_times(&model, 100));
            let opts = SearchOptions {
                report: None,
                limit: LIMIT,
            };
            let (_, m) = big.search_within(None, &prev, &opts);
            let mut v: Vec<f64> = (0..40)
                .map(|_| timed(|| big.search_within(Some(&m), &q, &opts)).1)
                .collect();
            println!("{prev} -> {q}: cpu median {:.2} ms", pct(&mut v, 0.5));
            return;
        }
        Ok("profile-search") => {
            let big = Index::new(&model_times(&model, 20));
            for _ in 0..3 {
                black_box(keystrokes(&big, false, 1));
            }
            return;
        }
        _ => {}
    }
    let big = model_times(&model, 100);
    // Under `cargo test` (no --bench) only criterion's one-pass smoke test runs;
    // the latency tables and the fzf comparison are for `cargo bench`.
    let benching = std::env::args().any(|a| a == "--bench");
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_default();
    let nproc = std::thread::available_parallelism().map_or(0, |n| n.get());
    let small = time_build("bundled", &model, if benching { 30 } else { 1 });
    if benching {
        println!("machine: {nproc} cpus, {cpu}");
        let large = time_build("100x", &big, 1);
        report_latency("bundled", &small, 10);
        report_latency("100x", &large, 5);
        compare_fzf("bundled", &small, 11);
        compare_fzf("100x", &large, 3);
    }

    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    c.bench_function("index_build_bundled", |b| {
        b.iter(|| Index::new(black_box(&model)))
    });
    let opts = SearchOptions {
        report: None,
        limit: LIMIT,
    };
    for q in ["jzx", "集装箱", "shengchanzongzhi", "集装箱 吞吐"] {
        c.bench_function(&format!("search_bundled/{q}"), |b| {
            b.iter(|| small.search(black_box(q), &opts))
        });
    }
    c.final_summary();
}
