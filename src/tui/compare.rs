//! The Compare view's state: two reports of the model (A older, B newer),
//! their comparison (`compare::compare`, made once when the pair is
//! chosen), and where the user is: the summary list (a row per section,
//! then a row per headline target) or the detail of one section (its
//! changed, added and dropped sentences). Plain data and small methods;
//! `update` decides when to call them, `ui::compare` draws.

use crate::compare::{compare, ReportDiff};
use crate::model::{IndicatorSource, Location, Model};

/// Where the view is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// The summary list: selected row, first row shown.
    Summary,
    /// One section's sentences: its row in `diff.sections`.
    Detail(usize),
}

#[derive(Debug, Clone)]
pub struct CompareState {
    /// Report indices in the model.
    pub a: usize,
    pub b: usize,
    pub diff: ReportDiff,
    pub page: Page,
    /// Summary: selected row (sections, then targets) and first row shown.
    pub selected: usize,
    pub offset: usize,
    /// Detail: selected sentence and first sentence shown.
    pub item: usize,
    pub item_offset: usize,
}

impl CompareState {
    /// Compare report `a` with report `b` (both parsed).
    pub fn new(model: &Model, a: usize, b: usize) -> Option<CompareState> {
        let ra = model.reports.get(a)?;
        let rb = model.reports.get(b)?;
        Some(CompareState {
            a,
            b,
            diff: compare(ra, rb),
            page: Page::Summary,
            selected: 0,
            offset: 0,
            item: 0,
            item_offset: 0,
        })
    }

    /// Rows of the summary: the sections, then the targets.
    pub fn summary_rows(&self) -> usize {
        self.diff.sections.len() + self.diff.targets.len()
    }

    /// Sentences of the detail page (0 on the summary).
    pub fn items(&self) -> usize {
        match self.page {
            Page::Detail(r) => self.diff.sections.get(r).map_or(0, |s| s.sentences.len()),
            Page::Summary => 0,
        }
    }

    /// Move the selection by `delta` (clamped) on the page shown.
    pub fn move_by(&mut self, delta: isize) {
        let (sel, n) = match self.page {
            Page::Summary => (
                &mut self.selected,
                self.diff.sections.len() + self.diff.targets.len(),
            ),
            Page::Detail(r) => (
                &mut self.item,
                self.diff.sections.get(r).map_or(0, |s| s.sentences.len()),
            ),
        };
        let last = n.saturating_sub(1) as isize;
        *sel = (*sel as isize + delta).clamp(0, last.max(0)) as usize;
    }

    /// Keep the summary selection within `rows` rows from the offset.
    pub fn scroll_summary(&mut self, rows: usize) {
        let rows = rows.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
    }

    /// Keep the selected sentence on screen, given each sentence's height
    /// in rows and the rows there are.
    pub fn scroll_detail(&mut self, heights: &[usize], rows: usize) {
        if self.item < self.item_offset {
            self.item_offset = self.item;
        }
        loop {
            let used: usize = heights
                .get(self.item_offset..=self.item)
                .map_or(0, |h| h.iter().sum());
            if used <= rows || self.item_offset >= self.item {
                break;
            }
            self.item_offset += 1;
        }
    }

    /// Enter on the summary: the selected section's detail (true), or
    /// false on a target row or a section with no sentence to show.
    pub fn open_detail(&mut self) -> bool {
        match self.diff.sections.get(self.selected) {
            Some(s) if !s.sentences.is_empty() => {
                self.page = Page::Detail(self.selected);
                self.item = 0;
                self.item_offset = 0;
                true
            }
            _ => false,
        }
    }

    /// Where Enter goes from the detail: the selected sentence in B (in A
    /// when it was dropped).
    pub fn selected_sentence(&self, model: &Model) -> Option<Location> {
        let Page::Detail(r) = self.page else {
            return None;
        };
        let s = self.diff.sections.get(r)?.sentences.get(self.item)?;
        let (report, sentence) = match (&s.b, &s.a) {
            (Some(b), _) => (self.b, &b.id),
            (None, Some(a)) => (self.a, &a.id),
            (None, None) => return None,
        };
        let rep = model.reports.get(report)?;
        Some(Location::Sentence {
            report: rep.id.clone(),
            section: crate::indicators::derived::section_of(rep, sentence),
            sentence: sentence.clone(),
        })
    }

    /// Where Enter goes from a target row of the summary: B's target
    /// sentence (A's when B has none), as (report id, source).
    pub fn selected_target(&self) -> Option<(String, IndicatorSource)> {
        if self.page != Page::Summary {
            return None;
        }
        let t = self
            .diff
            .targets
            .get(self.selected.checked_sub(self.diff.sections.len())?)?;
        match (&t.b, &t.a) {
            (Some(f), _) => Some((self.diff.b.id.clone(), f.source.clone())),
            (None, Some(f)) => Some((self.diff.a.id.clone(), f.source.clone())),
            (None, None) => None,
        }
    }
}
