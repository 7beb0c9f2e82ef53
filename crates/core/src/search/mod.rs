//! Fuzzy search over a model by Chinese text or pinyin.
//!
//! [`Index::new`] (or an [`IndexBuilder`] fed one report at a time) collects
//! the searchable items of every report (headings, sentences, table
//! captions, table cells, indicators) and precomputes folded text and
//! compact pinyin data; [`Index::search`] runs an fzf-style query
//! (see `query`) and returns ranked [`Hit`]s with byte-range highlights; `@`
//! terms of the query (`@zhejiang`, `@2024`) keep some reports (see `scope`).
//! [`Index::search_within`] (or a [`Session`]) reuses the previous matches when
//! the query only grew, so each keystroke scans fewer items. [`snippet`] fits a
//! hit's text around its first match to a display width. Pure: no terminal.

mod build;
mod crumbs;
mod filter;
mod items;
mod matcher;
mod pinyin;
mod place;
mod prefilter;
mod query;
mod scan;
pub mod scope;
mod snippet;
mod starts;
mod unfold;

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::Arc;

use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;

use crate::model::{Location, Model};
pub use build::IndexBuilder;
pub use filter::{matching, spelled_runs, Spelled};
use matcher::{match_term, ItemView};
use pinyin::PinyinTable;
pub use query::Query;
use scan::{Candidates, Scan, Tuning};
pub use snippet::{sanitize_with_ranges, snippet};

/// What a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Heading,
    Indicator,
    Caption,
    Cell,
    Sentence,
}

impl HitKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            HitKind::Heading => "heading",
            HitKind::Indicator => "indicator",
            HitKind::Caption => "caption",
            HitKind::Cell => "cell",
            HitKind::Sentence => "sentence",
        }
    }
}

/// Options of one search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchOptions {
    /// Only this report id.
    pub report: Option<String>,
    /// At most this many hits (0 = no limit).
    pub limit: usize,
}

/// One ranked result.
#[derive(Debug, Clone)]
pub struct Hit {
    pub kind: HitKind,
    pub location: Location,
    /// report › part › section, each heading cut to a few columns (for a list).
    pub breadcrumb: String,
    /// The same path with every heading whole (for scripts).
    pub full_breadcrumb: String,
    /// The searched text (sentence, heading, "row label · column: cell" …).
    pub text: String,
    /// Byte ranges of `text` that matched, sorted, non-overlapping.
    pub highlights: Vec<Range<usize>>,
    /// Higher is better; hits come sorted by it.
    pub score: i64,
    /// A short note to show with the kind: a figure's year and period
    /// ("2024 target"); empty for other kinds.
    pub note: String,
    /// For a table cell: how many other cells of the same row matched too
    /// (they are folded into this hit, the row's best cell).
    pub more_in_row: usize,
}

impl Hit {
    /// What a person reads next to the hit's kind (unsanitized): a figure's
    /// year and period ("2024 target"), or for a cell the other matching
    /// cells of its row ("+3 in row").
    pub fn note_text(&self) -> Option<String> {
        if !self.note.is_empty() {
            Some(self.note.clone())
        } else if self.more_in_row > 0 {
            Some(format!("+{} in row", self.more_in_row))
        } else {
            None
        }
    }
}

/// Every item a query matched (not only the shown ones), to narrow from when
/// the query grows. Get one from [`Index::search_within`].
#[derive(Debug, Clone, Default)]
pub struct Matches {
    query: Query,
    report: Option<String>,
    items: Vec<u32>,
}

impl Matches {
    /// How many items matched (before any limit).
    pub fn len(&self) -> usize {
        self.items.len()
    }
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// Incremental search as the user types: remembers the last matches and
/// narrows them when the new query extends the old one.
#[derive(Debug, Clone, Default)]
pub struct Session {
    last: Option<Matches>,
}

impl Session {
    pub fn new() -> Session {
        Session::default()
    }

    /// Like [`Index::search`], reusing the previous query's matches when it can.
    pub fn search(&mut self, index: &Index, query: &str, opts: &SearchOptions) -> Vec<Hit> {
        let (hits, m) = index.search_within(self.last.as_ref(), query, opts);
        self.last = Some(m);
        hits
    }

    /// Total matches of the last search (before the limit).
    pub fn total(&self) -> usize {
        self.last.as_ref().map_or(0, Matches::len)
    }

    /// Forget the previous matches (e.g. after the model changed).
    pub fn reset(&mut self) {
        self.last = None;
    }
}

/// What a keystroke scans for each item: small, in one contiguous array,
/// with the text and pinyin ids in shared arenas.
#[derive(Debug, Clone, Copy)]
struct Hot {
    /// Where the folded text starts in `Index::hay` (it ends where the next
    /// item's starts).
    hay: u32,
    /// Where the pinyin codes start in `Index::py` (they end where the next
    /// item's start; none: no Chinese).
    py: u32,
    ascii: u64,
    py_mask: u32,
    chars: u32,
    report: u32,
    kind: HitKind,
}

/// What only a shown hit needs.
#[derive(Debug, Clone, Copy)]
struct Cold {
    place: place::Place,
    breadcrumb: u32,
    /// Start of the item's changed chars in `Index::changes` (they end where
    /// the next item's start).
    changes: u32,
    /// Index into `Index::notes` (0: no note).
    note: u32,
}

/// A search index over every report of a model.
#[derive(Debug, Default)]
pub struct Index {
    hot: Vec<Hot>,
    cold: Vec<Cold>,
    /// Folded texts of all items, back to back.
    hay: String,
    /// Pinyin codes of all items, back to back.
    py: Vec<pinyin::Code>,
    /// Each item's filter of the letters that can begin a pinyin run.
    starts: Vec<starts::Starts>,
    /// The chars folding changed, of all items, back to back.
    changes: Vec<unfold::Change>,
    /// The ids items jump to.
    ids: place::Ids,
    /// Distinct notes (0: none).
    notes: Vec<Box<str>>,
    crumbs: crumbs::Crumbs,
    report_ids: Vec<String>,
    /// Each report's metadata (region, level, years, kind) for `@` terms.
    reports: Vec<crate::model::Report>,
    pinyin: PinyinTable,
    /// Each item's table row (the same number for the cells of one row;
    /// `NO_ROW` for items that are not cells): hits are grouped by it.
    rows: Vec<u32>,
}

/// `Index::rows` of an item that is not a table cell.
const NO_ROW: u32 = u32::MAX;

fn fuzzy_matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().respect_case()
}

fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Index {
    /// Build the index (cheap enough to call at startup; see
    /// docs/PERFORMANCE.md): the model's reports through an [`IndexBuilder`].
    pub fn new(model: &Model) -> Index {
        let mut b = IndexBuilder::new();
        for r in &model.reports {
            b.add_report(r);
        }
        b.finish()
    }

    /// Item `i`'s byte range in `hay` and range of codes in `py`.
    fn spans(&self, i: usize) -> (Range<usize>, Range<usize>) {
        let h = &self.hot[i];
        let (hay_end, py_end) = match self.hot.get(i + 1) {
            Some(n) => (n.hay as usize, n.py as usize),
            None => (self.hay.len(), self.py.len()),
        };
        (h.hay as usize..hay_end, h.py as usize..py_end)
    }

    fn view(&self, i: usize) -> ItemView<'_> {
        let h = &self.hot[i];
        let (hay, py) = self.spans(i);
        ItemView {
            arena: &self.hay,
            span: (hay.start, hay.end),
            ascii: h.ascii,
            py: self.py.get(py).unwrap_or(&[]),
            py_mask: h.py_mask,
            starts: self.starts.get(i).unwrap_or(&starts::Starts::NONE),
        }
    }

    /// The (unfolded) text of item `i`.
    fn text(&self, i: usize) -> Cow<'_, str> {
        let start = self.cold.get(i).map_or(0, |c| c.changes as usize);
        let end = self
            .cold
            .get(i + 1)
            .map_or(self.changes.len(), |c| c.changes as usize);
        let changes = self.changes.get(start..end).unwrap_or(&[]);
        unfold::unfold(self.view(i).hay(), changes)
    }

    /// Heap bytes the index holds, by part (capacities summed: what the
    /// index costs in memory, allocator overhead aside; see
    /// docs/PERFORMANCE.md).
    pub fn heap_bytes(&self) -> Vec<(&'static str, usize)> {
        use std::mem::size_of;
        vec![
            ("hot", self.hot.capacity() * size_of::<Hot>()),
            ("cold", self.cold.capacity() * size_of::<Cold>()),
            ("ids", self.ids.heap_bytes()),
            (
                "changes",
                self.changes.capacity() * size_of::<unfold::Change>(),
            ),
            (
                "notes",
                self.notes.iter().map(|n| n.len()).sum::<usize>()
                    + self.notes.capacity() * size_of::<Box<str>>(),
            ),
            ("hay", self.hay.capacity()),
            ("py", self.py.capacity() * size_of::<pinyin::Code>()),
            (
                "starts",
                self.starts.capacity() * size_of::<starts::Starts>(),
            ),
            ("breadcrumbs", self.crumbs.heap_bytes()),
            ("rows", self.rows.capacity() * size_of::<u32>()),
        ]
    }

    /// Number of searchable items.
    pub fn len(&self) -> usize {
        self.hot.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hot.is_empty()
    }

    /// The searchable text of every item, in index order (for benchmarks and
    /// comparisons with other tools).
    pub fn item_texts(&self) -> impl Iterator<Item = Cow<'_, str>> + '_ {
        (0..self.hot.len()).map(|i| self.text(i))
    }

    /// Ids of the indexed reports, in model order.
    pub fn report_ids(&self) -> &[String] {
        &self.report_ids
    }

    /// Ranked hits for a query (fzf syntax: terms, 'exact, ^prefix, suffix$, !not).
    pub fn search(&self, query: &str, opts: &SearchOptions) -> Vec<Hit> {
        self.search_within(None, query, opts).0
    }

    /// Ranked hits for a query, scanning only `prev`'s matches when the query
    /// extends `prev`'s query (same report filter; appended text that makes it
    /// stricter); otherwise every item. Also returns this query's matches, to
    /// pass back on the next keystroke. The hits are the same as `search`'s.
    pub fn search_within(
        &self,
        prev: Option<&Matches>,
        query: &str,
        opts: &SearchOptions,
    ) -> (Vec<Hit>, Matches) {
        self.search_impl(prev, query, opts, Tuning::standard())
    }

    /// `search_within`, run as `tuning` says (the hits are the same for every
    /// tuning; tests compare).
    fn search_impl(
        &self,
        prev: Option<&Matches>,
        query: &str,
        opts: &SearchOptions,
        tuning: Tuning,
    ) -> (Vec<Hit>, Matches) {
        let mut q = Query::parse(query);
        for t in q.terms.iter_mut().filter(|t| t.pinyin) {
            t.segmentable = self.pinyin.segmentable(t.text.as_bytes());
            if tuning.prefilter {
                t.compiled = self.pinyin.compile(t.text.as_bytes()).map(Arc::new);
            }
        }
        let mut matches = Matches {
            query: q.clone(),
            report: opts.report.clone(),
            items: Vec::new(),
        };
        if q.is_empty() {
            return (Vec::new(), matches);
        }
        let report = match &opts.report {
            Some(id) => match self.report_ids.iter().position(|r| r == id) {
                Some(i) => Some(i),
                None => return (Vec::new(), matches),
            },
            None => None,
        };
        // the reports to scan: the report asked for, and those the `@` terms keep
        let mut allow = scope::report_mask(&q.scope, &self.reports);
        if let Some(i) = report {
            let only = allow.get_or_insert_with(|| vec![true; self.reports.len()]);
            for (k, a) in only.iter_mut().enumerate() {
                *a &= k == i;
            }
        }
        if allow.as_ref().is_some_and(|a| !a.contains(&true)) {
            return (Vec::new(), matches);
        }
        let cand = match prev {
            Some(p) if !p.query.is_empty() && p.report == opts.report && q.narrows(&p.query) => {
                Candidates::List(&p.items)
            }
            _ => Candidates::All(self.hot.len()),
        };
        let Scan { mut scored, runs } = self.scan(cand, &q, allow.as_deref(), tuning);
        matches.items = scored.iter().map(|&(_, i)| i).collect();
        if !runs.is_empty() {
            let mut count: HashMap<u64, u32, BuildHasherDefault<KeyHasher>> = HashMap::default();
            for &(_, k) in &runs {
                *count.entry(k).or_default() += 1;
            }
            // a run seen in many items is a word (集装箱 for "jzx"); one seen
            // once is likely chars across words (级中小): the word's tier ranks
            // above the kind of item, so every sentence with 集装箱 comes before
            // a figure that only spells "jzx" across words
            // runs come in scan order: one item's runs (one per pinyin term)
            // are adjacent, and it takes the best term's tier
            let add_tier = |scored: &mut Vec<(i64, u32)>, n: u32, tier: i64| {
                if let Some(s) = scored.get_mut(n as usize) {
                    s.0 += tier << matcher::WORD_SHIFT;
                }
            };
            let (mut last, mut tier) = (u32::MAX, 0);
            for &(n, k) in &runs {
                let c = count.get(&k).copied().unwrap_or(0);
                scored[n as usize].0 += matcher::freq_bonus(c) << matcher::QUALITY_SHIFT;
                if n != last {
                    add_tier(&mut scored, last, tier);
                    (last, tier) = (n, 0);
                }
                tier = tier.max(matcher::word_tier(c));
            }
            add_tier(&mut scored, last, tier);
        }
        let order = |a: &(i64, u32), b: &(i64, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        let more = self.group_rows(&mut scored);
        if opts.limit > 0 && scored.len() > opts.limit {
            scored.select_nth_unstable_by(opts.limit - 1, order);
            scored.truncate(opts.limit);
        }
        scored.sort_unstable_by(order);
        let fz = fuzzy_matcher();
        let hits = scored
            .into_iter()
            .map(|(s, i)| {
                let mut h = self.hit(i as usize, &q, &fz, s);
                h.more_in_row = more
                    .binary_search_by_key(&i, |m| m.0)
                    .map_or(0, |k| more[k].1);
                h
            })
            .collect();
        (hits, matches)
    }

    /// Keep only the best-scored cell of each table row among `scored` (in
    /// item order, as a scan gives them: the cells of a row are adjacent;
    /// ties: the first); returns (kept cell, how many other cells of its row
    /// matched), sorted by item. One pass, no hashing: a one-letter query on
    /// a large corpus matches hundreds of thousands of items.
    fn group_rows(&self, scored: &mut Vec<(i64, u32)>) -> Vec<(u32, usize)> {
        let row_of = |i: u32| self.rows.get(i as usize).copied().unwrap_or(NO_ROW);
        let mut more = Vec::new();
        let (mut out, mut k) = (0, 0);
        while k < scored.len() {
            let row = row_of(scored[k].1);
            let mut best = scored[k];
            let mut j = k + 1;
            if row != NO_ROW {
                while let Some(&next) = scored.get(j).filter(|x| row_of(x.1) == row) {
                    if next.0 > best.0 {
                        best = next;
                    }
                    j += 1;
                }
                if j - k > 1 {
                    more.push((best.1, j - k - 1));
                }
            }
            scored[out] = best;
            out += 1;
            k = j;
        }
        scored.truncate(out);
        more.sort_unstable();
        more
    }

    fn hit(&self, i: usize, q: &Query, fz: &SkimMatcherV2, score: i64) -> Hit {
        let it = &self.hot[i];
        let cold = self.cold[i];
        let text = self.text(i);
        let view = self.view(i);
        let crumb = cold.breadcrumb as usize;
        let mut chars: Vec<(usize, usize)> = q
            .terms
            .iter()
            .filter(|t| !t.negate)
            .filter_map(|t| match_term(&view, t, &self.pinyin, fz, true))
            .flat_map(|m| m.chars)
            .collect();
        chars.sort_unstable();
        let highlights = char_ranges_to_bytes(&text, &chars);
        let report = self.report_ids.get(it.report as usize);
        Hit {
            kind: it.kind,
            location: self
                .ids
                .location(&cold.place, report.map_or("", String::as_str)),
            breadcrumb: self.crumbs.short(crumb),
            full_breadcrumb: self.crumbs.full(crumb),
            text: text.into_owned(),
            highlights,
            score,
            note: self
                .notes
                .get(cold.note as usize)
                .map_or_else(String::new, |n| n.to_string()),
            more_in_row: 0,
        }
    }
}

/// Hashes the run keys (already FNV hashes) with one multiply.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Sorted char ranges → merged byte ranges of `text`.
fn char_ranges_to_bytes(text: &str, chars: &[(usize, usize)]) -> Vec<Range<usize>> {
    if chars.is_empty() {
        return Vec::new();
    }
    let mut starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    starts.push(text.len());
    let at = |c: usize| starts.get(c).copied().unwrap_or(text.len());
    let mut out: Vec<Range<usize>> = Vec::new();
    for &(a, b) in chars {
        let r = at(a)..at(b);
        if r.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// A short id for a hit's location: the section, sentence or table id, or
/// `TABLE.rROW.cCOL` (0-based) for a cell.
pub fn location_id(loc: &Location) -> String {
    match loc {
        Location::Section { section, .. } => section.clone(),
        Location::Sentence { sentence, .. } => sentence.clone(),
        Location::Table { table, .. } => table.clone(),
        Location::Cell {
            table, row, column, ..
        } => crate::model::resolve::cell_id(table, *row, *column),
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_bundled;
#[cfg(test)]
mod tests_tuning;
