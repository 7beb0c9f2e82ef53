//! The Targets view (`T`, issue 13): the target ledger of every report as a
//! grid, one metric at a time: rows are regions, columns are years, each
//! cell the target with its assessment. Typing narrows the regions (pinyin
//! works: `zj`, `zhejiang`, or the Chinese name); Tab picks the metric;
//! sorting goes by the selected year's target; a chart shows one region's
//! targets and results over the years. The ledger is computed from the
//! reports' headline figures, which a pack's stubs keep, so opening the
//! view parses no report.
//!
//! Plain state and pure layout decisions; `update` drives it, `ui::targets`
//! draws it. No terminal.

use std::collections::BTreeMap;

use crate::indicators::ledger::{ledger_for, ledger_keys, LedgerRow};
use crate::indicators::target::Assessment;
use crate::model::{Level, Model, Report};

/// One region's row for the metric shown.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionRow {
    pub region: String,
    pub level: Option<Level>,
    /// Year → index into `TargetsState::rows`.
    pub cells: BTreeMap<u16, usize>,
}

/// How the regions are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// The ledger's order: level, then region.
    Ledger,
    /// By the target for a year, highest first (`true`) or lowest first;
    /// regions without a figure that year last.
    Year(u16, bool),
}

/// The Targets view.
#[derive(Debug, Clone)]
pub struct TargetsState {
    /// The ledger rows of the metric shown (computed when it is picked:
    /// one metric's rows are a thirteenth of the work of the whole ledger).
    pub rows: Vec<LedgerRow>,
    /// The metric keys with at least one row, in the documented order.
    pub keys: Vec<String>,
    /// Index into `keys`.
    pub key: usize,
    /// The region filter as typed, and its cursor (chars).
    pub query: String,
    pub cursor: usize,
    /// Every region with a row for the metric, in ledger order.
    all: Vec<RegionRow>,
    /// The regions shown: filtered and sorted (indices into `all`).
    pub shown: Vec<usize>,
    /// The years of the metric, oldest first.
    pub years: Vec<u16>,
    /// Selected region (index into `shown`) and year (index into `years`).
    pub row: usize,
    pub col: usize,
    /// First region row and first year column drawn.
    pub row_offset: usize,
    pub col_offset: usize,
    pub sort: Sort,
    /// Show the selected region's chart instead of the grid.
    pub chart: bool,
}

impl TargetsState {
    /// The view over a model's reports (stubs are enough), on the first
    /// metric that has rows, the newest year selected.
    pub fn new(model: &Model) -> TargetsState {
        let keys: Vec<String> = ledger_keys(&model.reports)
            .into_iter()
            .map(str::to_string)
            .collect();
        let mut st = TargetsState {
            rows: Vec::new(),
            keys,
            key: 0,
            query: String::new(),
            cursor: 0,
            all: Vec::new(),
            shown: Vec::new(),
            years: Vec::new(),
            row: 0,
            col: 0,
            row_offset: 0,
            col_offset: 0,
            sort: Sort::Ledger,
            chart: false,
        };
        st.set_key(0, &model.reports);
        st
    }

    /// The metric shown ("" when the ledger is empty).
    pub fn key_name(&self) -> &str {
        self.keys.get(self.key).map_or("", String::as_str)
    }

    /// Show metric `k` (index into `keys`): its regions and years, the
    /// newest year selected, the filter kept, the sort reset.
    pub fn set_key(&mut self, k: usize, reports: &[Report]) {
        self.key = k.min(self.keys.len().saturating_sub(1));
        let key = self.key_name().to_string();
        self.rows = if key.is_empty() {
            Vec::new()
        } else {
            ledger_for(reports, &key)
        };
        let mut all: Vec<RegionRow> = Vec::new();
        let mut index: BTreeMap<&str, usize> = BTreeMap::new();
        let mut years: Vec<u16> = Vec::new();
        for (i, r) in self.rows.iter().enumerate().filter(|(_, r)| r.key == key) {
            let at = *index.entry(r.region.as_str()).or_insert_with(|| {
                all.push(RegionRow {
                    region: r.region.clone(),
                    level: r.level,
                    cells: BTreeMap::new(),
                });
                all.len() - 1
            });
            all[at].cells.insert(r.year, i);
            years.push(r.year);
        }
        years.sort_unstable();
        years.dedup();
        // the outline's order: by level, then by the pinyin the report ids
        // spell (what a user typing pinyin expects), then by name
        let spelt = |g: &RegionRow| {
            g.cells
                .values()
                .find_map(|&i| self.rows[i].report.as_deref())
                .and_then(|id| id.split('-').next())
                .unwrap_or("")
                .to_string()
        };
        all.sort_by_cached_key(|g| {
            (
                super::groups::level_rank(g.level),
                spelt(g),
                g.region.clone(),
            )
        });
        self.all = all;
        self.years = years;
        self.col = self.years.len().saturating_sub(1);
        self.sort = Sort::Ledger;
        self.refilter();
    }

    /// Next (+1) or previous (-1) metric, wrapping.
    pub fn next_key(&mut self, delta: isize, reports: &[Report]) {
        let n = self.keys.len();
        if n == 0 {
            return;
        }
        let k = (self.key as isize + delta).rem_euclid(n as isize) as usize;
        self.set_key(k, reports);
    }

    /// Recompute the regions shown after the query or the sort changed;
    /// the selection goes back to the first region.
    pub fn refilter(&mut self) {
        let terms: Vec<&str> = self.query.split_whitespace().collect();
        let mut shown: Vec<usize> = (0..self.all.len())
            .filter(|&i| terms.iter().all(|t| region_matches(&self.all[i].region, t)))
            .collect();
        if let Sort::Year(y, desc) = self.sort {
            let value = |i: &usize| {
                self.all[*i]
                    .cells
                    .get(&y)
                    .and_then(|&r| self.rows[r].target_value)
            };
            // stable: ties keep the ledger order; no figure last either way
            shown.sort_by(|a, b| match (value(a), value(b)) {
                (Some(x), Some(y)) => {
                    let o = x.total_cmp(&y);
                    if desc {
                        o.reverse()
                    } else {
                        o
                    }
                }
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            });
        }
        self.shown = shown;
        self.row = 0;
        self.row_offset = 0;
    }

    /// Sort by the selected year: highest first, then lowest first, then
    /// back to the ledger's order.
    pub fn cycle_sort(&mut self) {
        let Some(&y) = self.years.get(self.col) else {
            return;
        };
        self.sort = match self.sort {
            Sort::Year(sy, true) if sy == y => Sort::Year(y, false),
            Sort::Year(sy, false) if sy == y => Sort::Ledger,
            _ => Sort::Year(y, true),
        };
        self.refilter();
    }

    pub fn move_row(&mut self, delta: isize) {
        self.row = super::list::moved(self.row, delta, self.shown.len());
    }

    pub fn move_col(&mut self, delta: isize) {
        self.col = super::list::moved(self.col, delta, self.years.len());
    }

    /// The selected region's row.
    pub fn region(&self) -> Option<&RegionRow> {
        self.all.get(*self.shown.get(self.row)?)
    }

    /// The selected year.
    pub fn year(&self) -> Option<u16> {
        self.years.get(self.col).copied()
    }

    /// The ledger row under the cursor, if the region has one that year.
    pub fn selected(&self) -> Option<&LedgerRow> {
        let r = self.region()?;
        let i = r.cells.get(&self.year()?)?;
        self.rows.get(*i)
    }

    /// The name of a shown region (index into `shown`).
    pub fn cell_region(&self, shown: usize) -> Option<&str> {
        Some(self.all.get(*self.shown.get(shown)?)?.region.as_str())
    }

    /// The ledger row of a shown region (index into `shown`) and a year.
    pub fn cell(&self, shown: usize, year: u16) -> Option<&LedgerRow> {
        let r = self.all.get(*self.shown.get(shown)?)?;
        self.rows.get(*r.cells.get(&year)?)
    }

    /// The selected region's targets and results over the years, for the
    /// chart: (year, target, actual); a range's target is its middle.
    pub fn series(&self) -> Vec<(u16, Option<f64>, Option<f64>)> {
        let Some(r) = self.region() else {
            return Vec::new();
        };
        r.cells
            .iter()
            .filter_map(|(&y, &i)| {
                let row = self.rows.get(i)?;
                let target = row
                    .target_value
                    .or(match (row.target_low, row.target_high) {
                        (Some(l), Some(h)) => Some((l + h) / 2.0),
                        _ => None,
                    });
                Some((y, target, row.actual_value))
            })
            .collect()
    }

    /// Keep the selected cell inside a grid of `rows` region rows and
    /// `cols` year columns.
    pub fn scroll_into_view(&mut self, rows: usize, cols: usize) {
        self.row_offset = super::list::offset_for(self.row, self.row_offset, rows.max(1));
        self.col_offset = super::list::offset_for(self.col, self.col_offset, cols.max(1));
    }
}

/// A filter term against a region name: the name holds it, or ASCII text
/// spells the name's pinyin from its start, whole or by initials (`zj`,
/// `zhejiang` for 浙江省; as the picker and search's `@` terms).
pub fn region_matches(region: &str, term: &str) -> bool {
    region.contains(term) || crate::search::scope::spells(region, term)
}

/// How a cell marks its assessment without colour: the marks are the
/// meaning, colour only repeats it.
pub fn mark(a: Assessment) -> &'static str {
    match a {
        Assessment::Exceeded => "\u{2713}+",
        Assessment::Met => "\u{2713}",
        Assessment::Missed => "\u{2717}",
        Assessment::Unknown => "?",
    }
}

/// A grid cell: the target and its mark; a result alone has no mark.
pub fn cell_text(r: &LedgerRow) -> String {
    if r.target_kind.is_none() {
        target_cell(r)
    } else {
        format!("{} {}", target_cell(r), mark(r.assessment))
    }
}

/// A target as a cell shows it: the figure or range, short; a relative
/// target `rel`, a year that set none `none`; with no target, the result
/// in parentheses, `(5.2)`.
pub fn target_cell(r: &LedgerRow) -> String {
    use crate::model::HeadlineKind;
    let num = |v: f64| crate::indicators::target::trim_float(v);
    match (r.target_kind, r.target_low, r.target_high, r.target_value) {
        (None, ..) => r
            .actual_value
            .map_or_else(|| "-".into(), |a| format!("({})", num(a))),
        (Some(HeadlineKind::Relative), ..) => "rel".into(),
        (Some(HeadlineKind::NoNumber), ..) => "none".into(),
        (_, Some(l), Some(h), _) if l != h => format!("{}-{}", num(l), num(h)),
        (_, _, _, Some(v)) => num(v),
        _ => "?".into(),
    }
}
