//! Fuzzy search over a model by Chinese text or pinyin.
//! STUB: the search work replaces the bodies; the public signatures are the
//! contract the explorer codes against.

pub mod cmd;

use std::ops::Range;

use crate::model::{Location, Model};

/// What a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HitKind {
    Heading,
    Indicator,
    Caption,
    Cell,
    Sentence,
}

/// Options of one search.
#[derive(Debug, Clone, Default)]
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
    pub score: i64,
}

/// A search index over every report of a model.
#[derive(Debug, Default)]
pub struct Index {}

impl Index {
    /// Build the index (cheap enough to call at startup; see docs/PERFORMANCE.md).
    pub fn new(model: &Model) -> Index {
        let _ = model;
        Index {}
    }

    /// Ranked hits for a query (fzf syntax: terms, 'exact, ^prefix, !not).
    pub fn search(&self, query: &str, opts: &SearchOptions) -> Vec<Hit> {
        let _ = (query, opts);
        Vec::new()
    }
}
