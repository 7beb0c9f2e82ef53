//! Building an [`Index`] one report at a time ([`IndexBuilder`]), so a
//! caller can index a corpus without holding all of it: each report's items
//! are folded, encoded and stored as it is added; what needs every item (the
//! finished pinyin table, each item's pinyin letter mask and start filter)
//! is computed by [`IndexBuilder::finish`]. [`Index::new`] adds a model's
//! reports in order.

use std::collections::HashMap;

use super::items::{self, Spot};
use super::pinyin::PinyinBuilder;
use super::{query, scope, u32_of, unfold, Cold, HitKind, Hot, Index, NO_ROW};
use crate::model::Report;
use crate::text::fold;

/// Builds an [`Index`] from reports added one by one (a report's number in
/// the index is the order it was added in).
#[derive(Debug)]
pub struct IndexBuilder {
    idx: Index,
    pinyin: PinyinBuilder,
    /// The table id and row of the last item, when it was a cell.
    last_row: Option<(String, usize)>,
    row_id: u32,
    /// Note text → its number in `Index::notes`.
    notes: HashMap<String, u32>,
}

impl Default for IndexBuilder {
    fn default() -> IndexBuilder {
        IndexBuilder::new()
    }
}

impl IndexBuilder {
    pub fn new() -> IndexBuilder {
        IndexBuilder {
            idx: Index {
                // note 0: none
                notes: vec![Box::from("")],
                ..Index::default()
            },
            pinyin: PinyinBuilder::new(),
            last_row: None,
            row_id: 0,
            notes: HashMap::new(),
        }
    }

    /// Index the items of one more report.
    pub fn add_report(&mut self, r: &Report) {
        let report = u32_of(self.idx.report_ids.len());
        self.idx.report_ids.push(r.id.clone());
        self.idx.reports.push(scope::meta(r));
        self.idx.ids.start_report(&r.id);
        for it in items::collect_report(&mut self.idx.crumbs, r) {
            self.push(report, it);
        }
    }

    fn push(&mut self, report: u32, it: items::RawItem<'_>) {
        let idx = &mut self.idx;
        // the cells of one row are collected one after another
        let row = match (it.kind, it.spot) {
            (HitKind::Cell, Spot::Cell { table, row, .. }) => {
                let same = matches!(&self.last_row, Some((t, r)) if t == table && *r == row);
                if !same {
                    self.row_id = self.row_id.saturating_add(1);
                    self.last_row = Some((table.to_string(), row));
                }
                self.row_id
            }
            _ => {
                self.last_row = None;
                NO_ROW
            }
        };
        idx.rows.push(row);
        let folded = fold::fold(&it.text);
        let hay_start = idx.hay.len();
        idx.hay.push_str(folded.as_deref().unwrap_or(&it.text));
        let changes = u32_of(idx.changes.len());
        if let Some(f) = &folded {
            unfold::changes(&it.text, f, &mut idx.changes);
        }
        let py_start = idx.py.len();
        let chars = self.pinyin.encode_into(&it.text, &mut idx.py);
        idx.hot.push(Hot {
            hay: u32_of(hay_start),
            py: u32_of(py_start),
            ascii: query::ascii_mask(&idx.hay[hay_start..]),
            py_mask: 0,
            chars: u32_of(chars),
            report,
            kind: it.kind,
        });
        let note = match it.note {
            None => 0,
            Some(n) => match self.notes.get(&n) {
                Some(&k) => k,
                None => {
                    let k = u32_of(idx.notes.len());
                    idx.notes.push(n.clone().into_boxed_str());
                    self.notes.insert(n, k);
                    k
                }
            },
        };
        let place = idx.ids.place(&it.spot);
        idx.cold.push(Cold {
            place,
            breadcrumb: u32_of(it.breadcrumb),
            changes,
            note,
        });
    }

    /// The index of every report added.
    pub fn finish(self) -> Index {
        let mut idx = self.idx;
        idx.pinyin = self.pinyin.finish();
        idx.starts.reserve_exact(idx.hot.len());
        for i in 0..idx.hot.len() {
            let py = idx.py.get(idx.spans(i).1).unwrap_or(&[]);
            let (mask, starts) = (idx.pinyin.item_mask(py), idx.pinyin.item_starts(py));
            idx.hot[i].py_mask = mask;
            idx.starts.push(starts);
        }
        idx.hot.shrink_to_fit();
        idx.cold.shrink_to_fit();
        idx.hay.shrink_to_fit();
        idx.py.shrink_to_fit();
        idx.changes.shrink_to_fit();
        idx.rows.shrink_to_fit();
        idx.ids.finish();
        idx.crumbs.finish();
        idx
    }
}
