//! Builder speed: the two bundled reports, and a 100× synthetic corpus (the
//! bundled texts built 100 times under distinct ids). Figures go in
//! docs/PERFORMANCE.md.

use std::hint::black_box;

use baogao::builder::{build_model, Input};
use criterion::{criterion_group, criterion_main, Criterion};

fn inputs(copies: usize) -> Vec<Input> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/reports");
    let files = [
        "pudong-2023-plan-report.txt",
        "shanghai-2023-plan-report.txt",
    ];
    let texts: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(root.join(f)).unwrap_or_default())
        .collect();
    (0..copies)
        .flat_map(|k| {
            files.iter().zip(&texts).map(move |(f, t)| Input {
                file_name: f.to_string(),
                bytes: t.clone(),
                id: Some(format!("{f}-{k}")),
            })
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let bundled = inputs(1);
    c.bench_function("build bundled (2 reports)", |b| {
        b.iter(|| black_box(build_model(black_box(&bundled)).is_ok()))
    });
    let big = inputs(100);
    let mut g = c.benchmark_group("build 100x");
    g.sample_size(10);
    g.bench_function("build 100x corpus (200 reports)", |b| {
        b.iter(|| black_box(build_model(black_box(&big)).is_ok()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
