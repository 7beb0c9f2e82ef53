//! Fuzzy search over a model by Chinese text or pinyin.
//!
//! [`Index::new`] collects the searchable items of every report (headings,
//! sentences, table captions, table cells, indicators) and precomputes folded
//! text and compact pinyin data; [`Index::search`] runs an fzf-style query
//! (see `query`) and returns ranked [`Hit`]s with byte-range highlights.
//! [`Index::search_within`] (or a [`Session`]) reuses the previous matches when
//! the query only grew, so each keystroke scans fewer items. [`snippet`] fits a
//! hit's text around its first match to a display width. Pure: no terminal.

pub mod cmd;
mod fold;
mod items;
mod matcher;
mod pinyin;
mod query;
mod snippet;

use std::collections::HashMap;
use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;

use crate::model::{Location, Model};
use matcher::{excluded, match_term, score, Class, ItemView};
use pinyin::PinyinTable;
pub use query::Query;
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
    /// report › part › section, for display.
    pub breadcrumb: String,
    /// The searched text (sentence, heading, "row label · column: cell" …).
    pub text: String,
    /// Byte ranges of `text` that matched, sorted, non-overlapping.
    pub highlights: Vec<Range<usize>>,
    /// Higher is better; hits come sorted by it.
    pub score: i64,
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

/// One indexed item.
#[derive(Debug)]
struct Item {
    kind: HitKind,
    report: u32,
    breadcrumb: u32,
    chars: u32,
    py_mask: u32,
    ascii: u128,
    location: Location,
    text: Box<str>,
    /// Folded text when it differs from `text`.
    folded: Option<Box<str>>,
    /// Pinyin set id per char (empty when the text has no Chinese).
    py: Box<[u16]>,
}

impl Item {
    fn view(&self) -> ItemView<'_> {
        ItemView {
            hay: self.folded.as_deref().unwrap_or(&self.text),
            ascii: self.ascii,
            py: &self.py,
            py_mask: self.py_mask,
        }
    }
}

/// A search index over every report of a model.
#[derive(Debug, Default)]
pub struct Index {
    items: Vec<Item>,
    breadcrumbs: Vec<String>,
    report_ids: Vec<String>,
    pinyin: PinyinTable,
}

fn fuzzy_matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().respect_case()
}

impl Index {
    /// Build the index (cheap enough to call at startup; see docs/PERFORMANCE.md).
    pub fn new(model: &Model) -> Index {
        let collected = items::collect(model);
        let mut py = pinyin::PinyinBuilder::new();
        let mut out = Vec::with_capacity(collected.items.len());
        for it in collected.items {
            let folded = fold::fold(&it.text);
            let hay = folded.as_deref().unwrap_or(&it.text);
            let ascii = query::ascii_mask(hay);
            let ids = py.encode(&it.text);
            out.push((it, folded, ascii, ids));
        }
        let table = py.finish();
        let items = out
            .into_iter()
            .map(|(it, folded, ascii, ids)| Item {
                kind: it.kind,
                report: u32::try_from(it.report).unwrap_or(u32::MAX),
                breadcrumb: u32::try_from(it.breadcrumb).unwrap_or(0),
                chars: u32::try_from(it.text.chars().count()).unwrap_or(u32::MAX),
                py_mask: table.item_mask(&ids),
                ascii,
                location: it.location,
                text: it.text.into_boxed_str(),
                folded: folded.map(String::into_boxed_str),
                py: ids,
            })
            .collect();
        Index {
            items,
            breadcrumbs: collected.breadcrumbs,
            report_ids: collected.report_ids,
            pinyin: table,
        }
    }

    /// Number of searchable items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
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
        let q = Query::parse(query);
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
                Some(i) => Some(i as u32),
                None => return (Vec::new(), matches),
            },
            None => None,
        };
        let fz = fuzzy_matcher();
        let mut scored: Vec<(i64, u32)> = Vec::new();
        // (index into `scored`, run key) of every pinyin term match
        let mut runs: Vec<(u32, u64)> = Vec::new();
        let mut consider = |i: u32| {
            let it = &self.items[i as usize];
            if report.is_some_and(|r| r != it.report) {
                return;
            }
            let n = scored.len() as u32;
            let before = runs.len();
            if let Some(s) = self.score_item(it, &q, &fz, n, &mut runs) {
                scored.push((s, i));
            } else {
                runs.truncate(before);
            }
        };
        match prev {
            Some(p) if !p.query.is_empty() && p.report == opts.report && q.narrows(&p.query) => {
                p.items.iter().for_each(|&i| consider(i))
            }
            _ => (0..self.items.len() as u32).for_each(&mut consider),
        }
        matches.items = scored.iter().map(|&(_, i)| i).collect();
        if !runs.is_empty() {
            let mut count: HashMap<u64, u32> = HashMap::new();
            for &(_, k) in &runs {
                *count.entry(k).or_default() += 1;
            }
            for &(n, k) in &runs {
                let bonus = matcher::freq_bonus(count.get(&k).copied().unwrap_or(0));
                scored[n as usize].0 += bonus << matcher::QUALITY_SHIFT;
            }
        }
        let order = |a: &(i64, u32), b: &(i64, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if opts.limit > 0 && scored.len() > opts.limit {
            scored.select_nth_unstable_by(opts.limit - 1, order);
            scored.truncate(opts.limit);
        }
        scored.sort_unstable_by(order);
        let hits = scored
            .into_iter()
            .map(|(s, i)| self.hit(&self.items[i as usize], &q, &fz, s))
            .collect();
        (hits, matches)
    }

    /// Score an item (without the run-frequency bonus); records its pinyin
    /// runs in `runs` under the number `n`.
    fn score_item(
        &self,
        it: &Item,
        q: &Query,
        fz: &SkimMatcherV2,
        n: u32,
        runs: &mut Vec<(u32, u64)>,
    ) -> Option<i64> {
        let view = it.view();
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

    fn hit(&self, it: &Item, q: &Query, fz: &SkimMatcherV2, score: i64) -> Hit {
        let view = it.view();
        let mut chars: Vec<(usize, usize)> = q
            .terms
            .iter()
            .filter(|t| !t.negate)
            .filter_map(|t| match_term(&view, t, &self.pinyin, fz, true))
            .flat_map(|m| m.chars)
            .collect();
        chars.sort_unstable();
        let highlights = char_ranges_to_bytes(&it.text, &chars);
        Hit {
            kind: it.kind,
            location: it.location.clone(),
            breadcrumb: self
                .breadcrumbs
                .get(it.breadcrumb as usize)
                .cloned()
                .unwrap_or_default(),
            text: it.text.to_string(),
            highlights,
            score,
        }
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
        } => format!("{table}.r{row}.c{column}"),
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_bundled;
