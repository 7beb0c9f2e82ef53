//! Benchmark: wrapping every paragraph of the bundled report texts at width
//! 76 (an 80-column terminal's reader pane), in both ambiguous-width modes.

use baogao::text::{str_width, wrap, AmbiguousWidth};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

fn paragraphs() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/reports");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    texts.sort();
    texts
        .iter()
        .flat_map(|t| t.lines())
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect()
}

fn bench_wrap(c: &mut Criterion) {
    let paras = paragraphs();
    let bytes: usize = paras.iter().map(String::len).sum();
    let mut group = c.benchmark_group("wrap_corpus_76");
    group.throughput(Throughput::Bytes(bytes as u64));
    for (name, amb) in [
        ("narrow", AmbiguousWidth::Narrow),
        ("wide", AmbiguousWidth::Wide),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                paras
                    .iter()
                    .map(|p| wrap(black_box(p), 76, amb).len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
    // The parts wrapping is made of, for comparison.
    let mut parts = c.benchmark_group("wrap_parts");
    parts.throughput(Throughput::Bytes(bytes as u64));
    parts.bench_function("str_width", |b| {
        b.iter(|| {
            paras
                .iter()
                .map(|p| str_width(black_box(p), AmbiguousWidth::Narrow))
                .sum::<usize>()
        })
    });
    parts.bench_function("uax14_linebreaks", |b| {
        b.iter(|| {
            paras
                .iter()
                .map(|p| unicode_linebreak::linebreaks(black_box(p)).count())
                .sum::<usize>()
        })
    });
    parts.finish();
}

criterion_group!(benches, bench_wrap);
criterion_main!(benches);
