//! Tables pane state: the list of printed and derived tables, the selected
//! one, the cell cursor, horizontal and vertical scroll (key columns frozen),
//! sort by any column (numbers by value in their unit's base, unlike units
//! kept apart) and a typed row filter (matched as search matches: exact,
//! pinyin, fuzzy). Plain state: no terminal.

use std::ops::Range;

use ratatui::layout::Rect;

use super::columns::PaneColumns;
pub use super::sort::SortDir;
use super::sort::{compare_keys, sort_keys};
use crate::indicators::DerivedTable;
use crate::model::{Location, Model};
use crate::text::{header_widths, sanitize, wrap, AmbiguousWidth};

/// A table the pane can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableRef {
    Printed { report: usize, table: usize },
    Derived(usize),
}

/// A borrowed view of either kind of table.
#[derive(Debug, Clone)]
pub struct TView<'a> {
    pub report: &'a str,
    /// Sanitized "表1 caption" (or the derived table's title).
    pub title: String,
    pub columns: &'a [String],
    pub rows: &'a [Vec<String>],
    pub derived: bool,
}

/// Look up a table reference.
pub fn view<'a>(model: &'a Model, derived: &'a [DerivedTable], r: TableRef) -> Option<TView<'a>> {
    match r {
        TableRef::Printed { report, table } => {
            let rep = model.reports.get(report)?;
            let t = rep.tables.get(table)?;
            Some(TView {
                report: &rep.id,
                title: sanitize(&t.title()).into_owned(),
                columns: &t.columns,
                rows: &t.rows,
                derived: false,
            })
        }
        TableRef::Derived(i) => {
            let t = derived.get(i)?;
            Some(TView {
                report: &t.report,
                title: sanitize(&t.title).into_owned(),
                columns: &t.columns,
                rows: &t.rows,
                derived: true,
            })
        }
    }
}

/// How many leading columns are the table's key and stay frozen: a row
/// number column (headed 序号, or every cell a short integer) with the name
/// column after it, else the first column; none for a one-column table.
pub fn key_columns(v: &TView<'_>) -> usize {
    let n = v.columns.len();
    if n <= 1 {
        return 0;
    }
    let short_int = |c: &str| {
        let c = c.trim();
        !c.is_empty() && c.len() <= 3 && c.chars().all(|ch| ch.is_ascii_digit())
    };
    let numbered = v.columns[0].trim() == "序号"
        || (!v.rows.is_empty()
            && v.rows
                .iter()
                .all(|r| r.first().is_some_and(|c| short_int(c))));
    if numbered && n > 2 {
        2
    } else {
        1
    }
}

/// The tables pane.
#[derive(Debug, Clone, Default)]
pub struct TablesState {
    pub list: Vec<TableRef>,
    /// Index into `list`.
    pub current: usize,
    /// Row indices of the current table after filtering and sorting.
    pub rows: Vec<usize>,
    /// Index into `rows`.
    pub cursor: usize,
    pub col: usize,
    pub col_offset: usize,
    pub row_offset: usize,
    pub sort: Option<(usize, SortDir)>,
    pub filter: String,
    /// Data rows the pane shows (set from the layout).
    pub height: usize,
    /// Rows of the cell popup scrolled off its top.
    pub popup_scroll: usize,
    /// The current table's columns fitted to the pane: computed in `update`
    /// when the table, the pane's width or the ambiguous width change (see
    /// `fit_columns`); the view only reads them.
    pub fit: Option<FittedColumns>,
    /// The cell popup's text laid out for the screen: laid out in `update`
    /// while the popup is open (see `lay_out_popup`); the view only reads it.
    pub popup: Option<CellPopup>,
}

/// The cursor's cell as the popup shows it, laid out for a body area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellPopup {
    pub table: TableRef,
    /// Index into the table's rows.
    pub row: usize,
    pub col: usize,
    pub body: Rect,
    pub amb: AmbiguousWidth,
    /// The column's name and the cell's text (sanitized).
    pub head: String,
    pub text: String,
    /// The box's width and the text's rows (see `popup_layout`).
    pub width: u16,
    pub rows: Vec<Range<usize>>,
}

/// A table's columns fitted to a pane, with what they were fitted for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FittedColumns {
    pub table: TableRef,
    /// The pane's text width (`text_width` of the pane's width).
    pub avail: usize,
    pub amb: AmbiguousWidth,
    pub columns: PaneColumns,
}

impl TablesState {
    /// Every printed table of every report, each report's derived tables after its own.
    pub fn new(model: &Model, derived: &[DerivedTable]) -> TablesState {
        let mut list = Vec::new();
        for (ri, r) in model.reports.iter().enumerate() {
            list.extend((0..r.tables.len()).map(|t| TableRef::Printed {
                report: ri,
                table: t,
            }));
            list.extend(
                derived
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| d.report == r.id)
                    .map(|(i, _)| TableRef::Derived(i)),
            );
        }
        for (i, d) in derived.iter().enumerate() {
            if !model.reports.iter().any(|r| r.id == d.report) {
                list.push(TableRef::Derived(i));
            }
        }
        let mut st = TablesState {
            list,
            ..TablesState::default()
        };
        st.recompute(model, derived);
        st
    }

    pub fn current_ref(&self) -> Option<TableRef> {
        self.list.get(self.current).copied()
    }

    pub fn current_view<'a>(
        &self,
        model: &'a Model,
        derived: &'a [DerivedTable],
    ) -> Option<TView<'a>> {
        view(model, derived, self.current_ref()?)
    }

    /// Show table `i` of the list with a fresh cursor, sort and filter.
    pub fn select(&mut self, i: usize, model: &Model, derived: &[DerivedTable]) {
        if i >= self.list.len() {
            return;
        }
        self.current = i;
        self.cursor = 0;
        self.col = 0;
        self.col_offset = 0;
        self.row_offset = 0;
        self.sort = None;
        self.filter.clear();
        self.recompute(model, derived);
    }

    /// Next or previous table (stays put at the ends).
    pub fn step_table(&mut self, forward: bool, model: &Model, derived: &[DerivedTable]) {
        let i = if forward {
            self.current + 1
        } else {
            match self.current.checked_sub(1) {
                Some(i) => i,
                None => return,
            }
        };
        self.select(i, model, derived);
    }

    /// Apply filter and sort to the current table's rows, keeping the cursor's row.
    pub fn recompute(&mut self, model: &Model, derived: &[DerivedTable]) {
        let keep = self.rows.get(self.cursor).copied();
        self.rows.clear();
        let Some(v) = self.current_view(model, derived) else {
            return;
        };
        self.rows = if self.filter.trim().is_empty() {
            (0..v.rows.len()).collect()
        } else {
            // A row is one text of its cells, matched as search matches an
            // item (so `yi` finds 亿 without an input method).
            let texts: Vec<String> = v.rows.iter().map(|r| r.join(" ")).collect();
            crate::search::matching(&texts, &self.filter)
                .into_iter()
                .enumerate()
                .filter_map(|(i, m)| m.then_some(i))
                .collect()
        };
        if let Some((c, dir)) = self.sort {
            let cells: Vec<&str> = v
                .rows
                .iter()
                .map(|r| r.get(c).map(String::as_str).unwrap_or(""))
                .collect();
            let keys = sort_keys(&cells);
            self.rows
                .sort_by(|&a, &b| compare_keys(&keys[a], &keys[b], dir));
        }
        self.cursor = keep
            .and_then(|k| self.rows.iter().position(|&r| r == k))
            .unwrap_or(0);
        self.scroll_rows_into_view();
    }

    /// s: sort by the cursor's column, ascending → descending → as printed.
    pub fn cycle_sort(&mut self, model: &Model, derived: &[DerivedTable]) {
        self.sort = match self.sort {
            Some((c, SortDir::Up)) if c == self.col => Some((c, SortDir::Down)),
            Some((c, SortDir::Down)) if c == self.col => None,
            _ => Some((self.col, SortDir::Up)),
        };
        self.recompute(model, derived);
    }

    pub fn move_row(&mut self, delta: isize) {
        let max = self.rows.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(max);
        self.scroll_rows_into_view();
    }
    pub fn row_top(&mut self) {
        self.cursor = 0;
        self.scroll_rows_into_view();
    }
    pub fn row_bottom(&mut self) {
        self.cursor = self.rows.len().saturating_sub(1);
        self.scroll_rows_into_view();
    }

    pub fn move_col(&mut self, delta: isize, ncols: usize) {
        self.col = self
            .col
            .saturating_add_signed(delta)
            .min(ncols.saturating_sub(1));
    }

    /// Put the cursor on a row of the table as printed (clearing filter and sort).
    pub fn goto_cell(&mut self, row: usize, col: usize, model: &Model, derived: &[DerivedTable]) {
        self.sort = None;
        self.filter.clear();
        self.recompute(model, derived);
        if let Some(p) = self.rows.iter().position(|&r| r == row) {
            self.cursor = p;
        }
        self.col = col;
        self.scroll_rows_into_view();
    }

    fn scroll_rows_into_view(&mut self) {
        let h = self.height.max(1);
        if self.cursor < self.row_offset {
            self.row_offset = self.cursor;
        } else if self.cursor >= self.row_offset + h {
            self.row_offset = self.cursor + 1 - h;
        }
    }

    /// Fit the current table's columns to `avail` display columns, unless
    /// they already are (the table and the widths unchanged).
    pub fn fit_columns(
        &mut self,
        model: &Model,
        derived: &[DerivedTable],
        amb: AmbiguousWidth,
        avail: usize,
    ) {
        let Some(table) = self.current_ref() else {
            self.fit = None;
            return;
        };
        if self.fitted(avail, amb).is_some() {
            return;
        }
        self.fit = self.current_view(model, derived).map(|v| FittedColumns {
            table,
            avail,
            amb,
            columns: pane_columns(&v, amb, avail),
        });
    }

    /// The current table's columns as fitted to `avail` display columns,
    /// if they were (`None` when the table or a width changed since).
    pub fn fitted(&self, avail: usize, amb: AmbiguousWidth) -> Option<&PaneColumns> {
        let f = self.fit.as_ref()?;
        (Some(f.table) == self.current_ref() && f.avail == avail && f.amb == amb)
            .then_some(&f.columns)
    }

    /// Lay out the cursor's cell for the popup on a `body` area, unless it
    /// already is.
    pub fn lay_out_popup(
        &mut self,
        model: &Model,
        derived: &[DerivedTable],
        body: Rect,
        amb: AmbiguousWidth,
    ) {
        if self.popup_laid_out(body, amb).is_some() {
            return;
        }
        let (Some(table), Some(&row)) = (self.current_ref(), self.rows.get(self.cursor)) else {
            self.popup = None;
            return;
        };
        self.popup = self.cell_text(model, derived).map(|(head, text)| {
            let (width, rows) = popup_layout(&text, body, amb);
            CellPopup {
                table,
                row,
                col: self.col,
                body,
                amb,
                head,
                text,
                width,
                rows,
            }
        });
    }

    /// The popup's layout, if it was laid out for the cursor's cell on `body`.
    pub fn popup_laid_out(&self, body: Rect, amb: AmbiguousWidth) -> Option<&CellPopup> {
        let p = self.popup.as_ref()?;
        let same = Some(p.table) == self.current_ref()
            && Some(&p.row) == self.rows.get(self.cursor)
            && p.col == self.col
            && p.body == body
            && p.amb == amb;
        same.then_some(p)
    }

    /// After a resize.
    pub fn set_height(&mut self, h: usize) {
        self.height = h;
        self.scroll_rows_into_view();
    }

    /// Scroll the columns after the frozen ones so the cursor's column is
    /// shown whole in `avail` display columns (a frozen column always is).
    pub fn scroll_cols_into_view(&mut self, cols: &PaneColumns, avail: usize) {
        self.col_offset = self.col_offset.max(cols.frozen);
        if self.col < cols.frozen {
            return;
        }
        if self.col < self.col_offset {
            self.col_offset = self.col;
        }
        while self.col_offset < self.col && !cols.fully_shown(self.col, self.col_offset, avail) {
            self.col_offset += 1;
        }
    }

    /// The source of the cursor's row: a printed cell, or a derived row's source.
    pub fn row_source(&self, model: &Model, derived: &[DerivedTable]) -> Option<Location> {
        let row = *self.rows.get(self.cursor)?;
        match self.current_ref()? {
            TableRef::Printed { report, table } => {
                let r = model.reports.get(report)?;
                let t = r.tables.get(table)?;
                Some(Location::Cell {
                    report: r.id.clone(),
                    table: t.id.clone(),
                    row,
                    column: self.col,
                })
            }
            TableRef::Derived(i) => derived.get(i)?.row_sources.get(row)?.clone(),
        }
    }

    /// The indicator records read from the cursor's row of a printed table:
    /// (report index, indices into its `indicators`), in column order.
    pub fn row_records(&self, model: &Model) -> Option<(usize, Vec<usize>)> {
        let row = *self.rows.get(self.cursor)?;
        let TableRef::Printed { report, table } = self.current_ref()? else {
            return None;
        };
        let r = model.reports.get(report)?;
        let t = r.tables.get(table)?;
        let mut cells: Vec<super::marks::CellRecord> = super::marks::cell_records(r, &t.id)
            .into_iter()
            .filter(|c| c.row == row)
            .collect();
        cells.sort_by_key(|c| (c.column, c.record));
        let recs: Vec<usize> = cells.into_iter().map(|c| c.record).collect();
        (!recs.is_empty()).then_some((report, recs))
    }

    /// How far the cell popup can scroll on a `body` area.
    pub fn popup_max_scroll(
        &self,
        model: &Model,
        derived: &[DerivedTable],
        body: Rect,
        amb: AmbiguousWidth,
    ) -> usize {
        let Some((_, text)) = self.cell_text(model, derived) else {
            return 0;
        };
        let (_, rows) = popup_layout(&text, body, amb);
        rows.len()
            .saturating_sub(body.height.saturating_sub(2) as usize)
    }

    /// Full text of the cursor's cell (sanitized), for the popup.
    pub fn cell_text(&self, model: &Model, derived: &[DerivedTable]) -> Option<(String, String)> {
        let v = self.current_view(model, derived)?;
        let row = *self.rows.get(self.cursor)?;
        let text = v.rows.get(row)?.get(self.col)?;
        let head = v.columns.get(self.col).map(String::as_str).unwrap_or("");
        Some((sanitize(head).into_owned(), sanitize(text).into_owned()))
    }
}

/// The popup's widest box when the text fits in it.
const POPUP_MAX_W: u16 = 62;
/// The popup's border and one blank column on each side.
pub const POPUP_FRAME: u16 = 4;

/// The cell popup's box width and text rows for `text` on a `body` area:
/// byte ranges of `text`, each at most `width - POPUP_FRAME` columns wide
/// (exactly what is drawn, so no char is lost at a row end). The box widens
/// to the screen when the text is too tall for the narrow one.
pub fn popup_layout(text: &str, body: Rect, amb: AmbiguousWidth) -> (u16, Vec<Range<usize>>) {
    let widest = body.width.saturating_sub(2).max(POPUP_FRAME + 2);
    let mut w = widest.min(POPUP_MAX_W);
    let mut rows = wrap(text, (w - POPUP_FRAME) as usize, amb);
    if rows.len() + 2 > body.height as usize && w < widest {
        w = widest;
        rows = wrap(text, (w - POPUP_FRAME) as usize, amb);
    }
    (w, rows)
}

/// The display columns of the pane's text for a pane `pane_width` wide (the
/// text starts one column in).
pub fn text_width(pane_width: usize) -> usize {
    pane_width.saturating_sub(1)
}

/// The pane's columns for a table in `avail` display columns: key columns
/// frozen, long columns capped (the popup shows the whole text).
pub fn pane_columns(v: &TView<'_>, amb: AmbiguousWidth, avail: usize) -> PaneColumns {
    let natural = header_widths(v.columns, v.rows, amb);
    PaneColumns::new(&natural, key_columns(v), avail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::testmodel::small_model;

    #[test]
    fn sorting_by_a_number_column_orders_by_value_then_text() {
        let m = small_model();
        let mut st = TablesState::new(&m, &[]);
        st.col = 3; // 完成情况: 4.8% 3.1% 12.6% "—— 完成"
        st.cycle_sort(&m, &[]);
        assert_eq!(st.rows, vec![1, 0, 2, 3]);
        st.cycle_sort(&m, &[]);
        // Down: values down, text still after the numbers.
        assert_eq!(st.rows, vec![2, 0, 1, 3]);
        st.cycle_sort(&m, &[]);
        assert_eq!(st.rows, vec![0, 1, 2, 3]);
    }

    #[test]
    fn typing_a_filter_keeps_matching_rows_and_the_cursor_row() {
        let m = small_model();
        let mut st = TablesState::new(&m, &[]);
        st.move_row(2);
        st.filter = "增长率".into();
        st.recompute(&m, &[]);
        assert_eq!(st.rows, vec![0, 1, 2]);
        assert_eq!(st.rows[st.cursor], 2);
        st.filter = "没有这一行".into();
        st.recompute(&m, &[]);
        assert!(st.rows.is_empty());
        assert_eq!(st.row_source(&m, &[]), None);
    }

    #[test]
    fn derived_tables_come_after_the_printed_ones_marked_derived() {
        let m = small_model();
        let d = vec![DerivedTable {
            id: "demo-2023:d1".into(),
            report: "demo-2023".into(),
            title: "目标与完成".into(),
            columns: vec!["指标".into()],
            rows: vec![vec!["GDP".into()]],
            row_sources: vec![Some(Location::Section {
                report: "demo-2023".into(),
                section: "demo-2023:s2".into(),
            })],
            derived_from: vec![],
        }];
        let mut st = TablesState::new(&m, &d);
        assert_eq!(st.list.len(), 2);
        st.step_table(true, &m, &d);
        let v = st.current_view(&m, &d).unwrap();
        assert!(v.derived);
        assert!(matches!(
            st.row_source(&m, &d),
            Some(Location::Section { .. })
        ));
    }

    #[test]
    fn the_cursor_column_is_scrolled_into_view_after_the_frozen_ones() {
        let mut st = TablesState::default();
        let cols = PaneColumns {
            widths: vec![10, 10, 10, 10],
            frozen: 1,
        };
        st.col = 3;
        st.scroll_cols_into_view(&cols, 25);
        assert_eq!(st.col_offset, 3);
        assert!(cols.fully_shown(3, st.col_offset, 25));
        st.col = 0;
        st.scroll_cols_into_view(&cols, 25);
        assert_eq!(st.col_offset, 3, "a frozen column needs no scrolling");
        st.col = 1;
        st.scroll_cols_into_view(&cols, 25);
        assert_eq!(st.col_offset, 1);
    }

    #[test]
    fn the_filter_matches_pinyin_as_search_does() {
        let m = small_model();
        let mut st = TablesState::new(&m, &[]);
        // 规模以上工业总产值增长率: 以 is yi; gm is 规模 by initials.
        st.filter = "gmys".into();
        st.recompute(&m, &[]);
        assert_eq!(st.rows, vec![1]);
        st.filter = "zzl".into();
        st.recompute(&m, &[]);
        assert_eq!(st.rows, vec![0, 1, 2]);
    }

    #[test]
    fn key_columns_are_the_number_and_the_name() {
        let m = small_model();
        let st = TablesState::new(&m, &[]);
        let v = st.current_view(&m, &[]).unwrap();
        assert_eq!(key_columns(&v), 2);
    }
}
