//! The per-keystroke scan: scoring every candidate item against a query.
//!
//! Many candidates (a large corpus, a one- or two-letter query) are split
//! into contiguous parts scored on scoped threads, one per core; the parts
//! are joined in order, so the result is exactly the one-thread result.
//! [`Tuning`] says how a search runs; tests compare tunings.

use std::ops::Range;
use std::sync::OnceLock;

use fuzzy_matcher::skim::SkimMatcherV2;

use super::matcher::{excluded, match_term, score, Class};
use super::query::Query;
use super::{fuzzy_matcher, Index};

/// Fewest candidates per thread worth a thread of their own (spawning one
/// costs tens of microseconds; scoring this many takes a few milliseconds).
pub(super) const MIN_PER_THREAD: usize = 16_384;

/// How a search runs. Every tuning gives the same hits; tests compare them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tuning {
    /// Compile pinyin terms into a prefilter (`prefilter::Compiled`).
    pub prefilter: bool,
    /// Most threads to score on.
    pub threads: usize,
    /// Fewest candidates per thread.
    pub min_per_thread: usize,
}

impl Tuning {
    /// The tuning searches use: prefilter on, one thread per core (at most 8).
    pub fn standard() -> Tuning {
        // asked once: on Linux the answer reads cgroup files
        static CORES: OnceLock<usize> = OnceLock::new();
        let cores = *CORES
            .get_or_init(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get));
        Tuning {
            prefilter: true,
            threads: cores.clamp(1, 8),
            min_per_thread: MIN_PER_THREAD,
        }
    }

    /// Into how many parts to split `n` candidates.
    fn parts(&self, n: usize) -> usize {
        (n / self.min_per_thread.max(1)).clamp(1, self.threads.max(1))
    }
}

/// The items to score: every item, or the previous query's matches.
#[derive(Debug, Clone, Copy)]
pub(super) enum Candidates<'a> {
    All(usize),
    List(&'a [u32]),
}

impl Candidates<'_> {
    fn len(&self) -> usize {
        match self {
            Candidates::All(n) => *n,
            Candidates::List(l) => l.len(),
        }
    }
}

/// Scored candidates, in candidate order.
#[derive(Debug, Default)]
pub(super) struct Scan {
    /// (score without the run-frequency bonus, item) of every match.
    pub scored: Vec<(i64, u32)>,
    /// (index into `scored`, run key) of every pinyin term match.
    pub runs: Vec<(u32, u64)>,
}

impl Index {
    /// Score every candidate (of the reports `allow` holds true for, when given).
    pub(super) fn scan(
        &self,
        cand: Candidates<'_>,
        q: &Query,
        allow: Option<&[bool]>,
        tuning: Tuning,
    ) -> Scan {
        let n = cand.len();
        let parts = tuning.parts(n);
        let pinyin_terms = q.terms.iter().filter(|t| t.pinyin && !t.negate).count();
        // every part's output is allocated here, on the calling thread, large
        // enough never to grow: memory a scoped thread allocates comes from
        // its own malloc arena, which shrinks when the part is freed, so a
        // broad keystroke would fault in megabytes of fresh pages each time
        let alloc = |len: usize| Scan {
            scored: Vec::with_capacity(len),
            runs: Vec::with_capacity(len.saturating_mul(pinyin_terms)),
        };
        if parts == 1 {
            return self.scan_part(cand, 0..n, q, allow, alloc(n));
        }
        let ranges: Vec<Range<usize>> = (0..parts)
            .map(|k| n * k / parts..n * (k + 1) / parts)
            .collect();
        // the first part has room for all, so the others join it in place
        let outs: Vec<Scan> = ranges
            .iter()
            .enumerate()
            .map(|(k, r)| alloc(if k == 0 { n } else { r.len() }))
            .collect();
        let scans: Vec<Scan> = std::thread::scope(|s| {
            let handles: Vec<_> = ranges
                .iter()
                .zip(outs)
                .map(|(r, out)| {
                    let part = r.clone();
                    std::thread::Builder::new()
                        .spawn_scoped(s, move || self.scan_part(cand, part, q, allow, out))
                        .map_err(|_| r.clone())
                })
                .collect();
            handles
                .into_iter()
                .map(|h| match h {
                    Ok(h) => h
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                    // no thread to be had: score this part here
                    Err(r) => {
                        let len = r.len();
                        self.scan_part(cand, r, q, allow, alloc(len))
                    }
                })
                .collect()
        });
        let mut scans = scans.into_iter();
        let mut out = scans.next().unwrap_or_default();
        for part in scans {
            let base = u32::try_from(out.scored.len()).unwrap_or(u32::MAX);
            out.runs
                .extend(part.runs.iter().map(|&(n, k)| (n.saturating_add(base), k)));
            out.scored.extend(part.scored);
        }
        out
    }

    /// Score the candidates at positions `range` on this thread, into `out`.
    fn scan_part(
        &self,
        cand: Candidates<'_>,
        range: Range<usize>,
        q: &Query,
        allow: Option<&[bool]>,
        mut out: Scan,
    ) -> Scan {
        let fz = fuzzy_matcher();
        let mut consider = |i: u32| {
            let it = &self.hot[i as usize];
            if allow.is_some_and(|a| !a.get(it.report as usize).copied().unwrap_or(false)) {
                return;
            }
            let n = u32::try_from(out.scored.len()).unwrap_or(u32::MAX);
            let before = out.runs.len();
            if let Some(s) = self.score_item(i as usize, q, &fz, n, &mut out.runs) {
                out.scored.push((s, i));
            } else {
                out.runs.truncate(before);
            }
        };
        match cand {
            Candidates::All(_) => range.for_each(|i| consider(i as u32)),
            Candidates::List(l) => l[range].iter().for_each(|&i| consider(i)),
        }
        out
    }

    /// Score an item (without the run-frequency bonus); records its pinyin
    /// runs in `runs` under the number `n`.
    fn score_item(
        &self,
        i: usize,
        q: &Query,
        fz: &SkimMatcherV2,
        n: u32,
        runs: &mut Vec<(u32, u64)>,
    ) -> Option<i64> {
        let it = &self.hot[i];
        let view = self.view(i);
        let mut class = Class::Exact;
        let mut quality = 0i64;
        for t in &q.terms {
            if t.negate {
                if excluded(&view, t) {
                    return None;
                }
                continue;
            }
            let m = match_term(&view, t, &self.pinyin, fz, false)?;
            if m.run_key != 0 {
                runs.push((n, m.run_key));
            }
            class = class.min(m.class);
            quality = quality.saturating_add(m.quality);
        }
        Some(score(class, it.kind, quality, it.chars as usize))
    }
}
