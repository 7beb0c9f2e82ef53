//! Tests that no tuning of a search (`scan::Tuning`) changes its result: on
//! the bundled model, many queries (every pair of letters, full syllables,
//! initials and prefixes of real runs of text, Chinese, exclusions) give the
//! same hits, scores, highlights and matches with and without the compiled
//! pinyin prefilter (`prefilter::Compiled`), and on one thread or split across
//! several, fresh and narrowing as typed.

use std::sync::OnceLock;

use ::pinyin::ToPinyin;

use super::*;

fn index() -> &'static Index {
    static I: OnceLock<Index> = OnceLock::new();
    I.get_or_init(|| Index::new(&crate::plan_model()))
}

fn tuned(prefilter: bool) -> scan::Tuning {
    scan::Tuning {
        prefilter,
        ..scan::Tuning::standard()
    }
}

type Key = (HitKind, String, i64, Vec<Range<usize>>);

fn keys(hits: &[Hit]) -> Vec<Key> {
    hits.iter()
        .map(|h| {
            (
                h.kind,
                location_id(&h.location),
                h.score,
                h.highlights.clone(),
            )
        })
        .collect()
}

fn same(idx: &Index, q: &str) -> usize {
    let opts = SearchOptions::default();
    let (fast, mf) = idx.search_impl(None, q, &opts, tuned(true));
    let (slow, ms) = idx.search_impl(None, q, &opts, tuned(false));
    assert_eq!(keys(&fast), keys(&slow), "{q}");
    assert_eq!(mf.items, ms.items, "{q}");
    fast.len()
}

/// Queries made from runs of 2–4 chars of real items: full pinyin, initials,
/// full syllables then initials, and every prefix of those.
fn queries_from_text(idx: &Index) -> Vec<String> {
    let mut out = Vec::new();
    for (n, text) in idx.item_texts().enumerate().step_by(23) {
        let chars: Vec<char> = text.chars().collect();
        let start = n % chars.len().max(1);
        let run: Vec<String> = chars[start..]
            .iter()
            .take(4)
            .map_while(|c| c.to_pinyin().map(|p| p.plain().replace('ü', "v")))
            .collect();
        if run.len() < 2 {
            continue;
        }
        let full: String = run.concat();
        let initials: String = run.iter().filter_map(|s| s.chars().next()).collect();
        let mixed = format!("{}{}", run[0], &initials[1..]);
        for q in [full, initials, mixed] {
            for end in 1..=q.len() {
                out.push(q[..end].to_string());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn the_prefilter_changes_no_hit_for_letter_pairs() {
    let idx = index();
    let mut matched = 0;
    for a in b'a'..=b'z' {
        for b in b'a'..=b'z' {
            let q = format!("{}{}", a as char, b as char);
            if same(idx, &q) > 0 {
                matched += 1;
            }
        }
    }
    assert!(matched > 100, "only {matched} pairs matched anything");
    for q in ["^sh", "^zh", "ng$", "^gu$", "yi !一", "jzx tt", "sczz 20"] {
        same(idx, q);
    }
}

#[test]
fn the_prefilter_changes_no_hit_for_runs_of_real_text() {
    let idx = index();
    let qs = queries_from_text(idx);
    assert!(qs.len() > 300, "{}", qs.len());
    let mut matched = 0;
    for q in &qs {
        if same(idx, q) > 0 {
            matched += 1;
        }
        if q.len() >= 3 {
            same(idx, &format!("^{q}"));
        }
    }
    assert!(matched * 10 > qs.len() * 9, "{matched} of {}", qs.len());
}

#[test]
fn the_prefilter_changes_no_hit_while_typing() {
    let idx = index();
    let opts = SearchOptions {
        report: None,
        limit: 50,
    };
    for typed in [
        "shidaowaizi",
        "chongxin",
        "yinhang",
        "jzx",
        "sczz",
        "zhongdian",
    ] {
        let (mut fast, mut slow): (Option<Matches>, Option<Matches>) = (None, None);
        let mut q = String::new();
        for c in typed.chars() {
            q.push(c);
            let (hf, mf) = idx.search_impl(fast.as_ref(), &q, &opts, tuned(true));
            let (hs, ms) = idx.search_impl(slow.as_ref(), &q, &opts, tuned(false));
            assert_eq!(keys(&hf), keys(&hs), "{q}");
            assert_eq!(mf.items, ms.items, "{q}");
            (fast, slow) = (Some(mf), Some(ms));
        }
    }
}

#[test]
fn the_prefilter_rejects_what_cannot_match_and_keeps_what_can() {
    let mut b = pinyin::PinyinBuilder::new();
    let py = b.encode("港口集装箱吞吐量");
    let t = b.finish();
    let c = |q: &str| t.compile(q.as_bytes()).expect("short term compiles");
    assert!(c("jzx").may_match(&py, false));
    assert!(c("jizhuangx").may_match(&py, false));
    assert!(
        c("zhuangxi").may_match(&py, false),
        "xi is the start of xiang"
    );
    assert!(!c("jzxq").may_match(&py, false));
    assert!(!c("zx").may_match(&py, true), "not at the start");
    assert!(c("gk").may_match(&py, true));
    assert!(t.compile(&[b'a'; 64]).is_none());
}

#[test]
fn the_prefilter_bounds_where_runs_start() {
    let mut b = pinyin::PinyinBuilder::new();
    let py = b.encode("港口集装箱吞吐量");
    let t = b.finish();
    let c = |q: &str| t.compile(q.as_bytes()).expect("short term compiles");
    // 集装箱 ends at char 4: a 3-letter term starts at char 2 or later
    assert_eq!(c("jzx").first_end(&py, false), Some(4));
    assert_eq!(c("jzx").first_start(&py, false), Some(2));
    // jizhuangxiang ends at the same char, but could start anywhere
    assert_eq!(c("jizhuangxiang").first_start(&py, false), Some(0));
    assert_eq!(c("tt").first_start(&py, false), Some(5));
    assert_eq!(c("zx").first_start(&py, true), None);
}

fn threaded() -> scan::Tuning {
    scan::Tuning {
        threads: 3,
        min_per_thread: 64,
        ..scan::Tuning::standard()
    }
}

fn single() -> scan::Tuning {
    scan::Tuning {
        threads: 1,
        ..scan::Tuning::standard()
    }
}

#[test]
fn splitting_the_scan_across_threads_changes_nothing() {
    let idx = index();
    assert!(idx.len() > 3 * 64, "the bundled model splits into 3 parts");
    let mut queries: Vec<String> = (b'a'..=b'z')
        .flat_map(|a| [format!("{}", a as char), format!("{}h", a as char)])
        .collect();
    queries.extend(
        [
            "集装箱 吞吐",
            "生产",
            "'90.4%",
            "gdp",
            "yi !一",
            "^sh",
            "增长$",
            "jzx tt",
        ]
        .map(String::from),
    );
    let mut matched = 0;
    for report in [None, idx.report_ids().first().cloned()] {
        let opts = SearchOptions { report, limit: 20 };
        for q in &queries {
            let (h1, m1) = idx.search_impl(None, q, &opts, single());
            let (h3, m3) = idx.search_impl(None, q, &opts, threaded());
            assert_eq!(keys(&h1), keys(&h3), "{q}");
            assert_eq!(m1.items, m3.items, "{q}");
            matched += usize::from(!h1.is_empty());
        }
    }
    assert!(matched > 50, "{matched}");
    // narrowing as typed, each from its own previous matches
    for typed in ["shidaowaizi", "chongxin", "生产总值"] {
        let (mut a, mut b): (Option<Matches>, Option<Matches>) = (None, None);
        let mut q = String::new();
        for c in typed.chars() {
            q.push(c);
            let opts = SearchOptions::default();
            let (ha, ma) = idx.search_impl(a.as_ref(), &q, &opts, single());
            let (hb, mb) = idx.search_impl(b.as_ref(), &q, &opts, threaded());
            assert_eq!(keys(&ha), keys(&hb), "{q}");
            assert_eq!(ma.items, mb.items, "{q}");
            (a, b) = (Some(ma), Some(mb));
        }
    }
}
