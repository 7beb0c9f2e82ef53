//! Every id of a model, resolved to what it names: a report (`pudong-2024-plan`),
//! a section (`…:s1.2`), a paragraph (`…:s1.2:p3`), a sentence (`…:s1.2:p3.1`),
//! a table (`…:t1`), a table row (`…:t1.r7`), a table cell (`…:t1.r7.c5`) or an
//! indicator record (`…:ind29`). Rows and columns in ids count from 0
//! (docs/model.md, "Counting"); the column-header row of a table is not a row.
//!
//! [`row_id`] and [`cell_id`] are the one place those two forms are written.
//! Derived tables belong to `indicators`, which resolves their ids itself.

use super::types::{Block, Indicator, Model, Paragraph, Report, Section, Sentence, Table};

/// What an id names.
#[derive(Debug, Clone, Copy)]
pub enum Found<'a> {
    Report(&'a Report),
    Section(&'a Report, &'a Section),
    /// A paragraph, with its section (None: the preamble).
    Paragraph(&'a Report, Option<&'a Section>, &'a Paragraph),
    /// A sentence, with its section (None: the preamble).
    Sentence(&'a Report, Option<&'a Section>, &'a Sentence),
    Table(&'a Report, &'a Table),
    /// A body row of a table (0-based).
    Row(&'a Report, &'a Table, usize),
    /// A cell of a table body row (row and column 0-based).
    Cell(&'a Report, &'a Table, usize, usize),
    Indicator(&'a Report, &'a Indicator),
}

impl Found<'_> {
    /// What kind of thing it is, as a word ("section", "cell" …).
    pub fn kind(&self) -> &'static str {
        match self {
            Found::Report(_) => "report",
            Found::Section(..) => "section",
            Found::Paragraph(..) => "paragraph",
            Found::Sentence(..) => "sentence",
            Found::Table(..) => "table",
            Found::Row(..) => "row",
            Found::Cell(..) => "cell",
            Found::Indicator(..) => "indicator",
        }
    }
}

/// The id of body row `row` (0-based) of table `table`.
pub fn row_id(table: &str, row: usize) -> String {
    format!("{table}.r{row}")
}

/// The id of a cell (row and column 0-based) of table `table`.
pub fn cell_id(table: &str, row: usize, column: usize) -> String {
    format!("{table}.r{row}.c{column}")
}

/// `TABLE.rN` or `TABLE.rN.cM` split into (TABLE, N, M).
fn split_row_cell(id: &str) -> Option<(&str, usize, Option<usize>)> {
    let number = |s: &str| -> Option<usize> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (head, last) = id.rsplit_once('.')?;
    if let Some(c) = last.strip_prefix('c').and_then(number) {
        let (table, r) = head.rsplit_once('.')?;
        let r = r.strip_prefix('r').and_then(number)?;
        return Some((table, r, Some(c)));
    }
    let r = last.strip_prefix('r').and_then(number)?;
    Some((head, r, None))
}

/// What `id` names in `m`, if anything.
pub fn resolve<'a>(m: &'a Model, id: &str) -> Option<Found<'a>> {
    // a report id is everything before the first ':' (report ids hold none)
    let report_id = id.split_once(':').map_or(id, |(r, _)| r);
    let r = m.reports.iter().find(|r| r.id == report_id)?;
    resolve_in(r, id)
}

/// What `id` names in report `r` (the report itself included), if anything.
pub fn resolve_in<'a>(r: &'a Report, id: &str) -> Option<Found<'a>> {
    if id == r.id {
        return Some(Found::Report(r));
    }
    if let Some(t) = r.table(id) {
        return Some(Found::Table(r, t));
    }
    if let Some((table, row, col)) = split_row_cell(id) {
        if let Some(t) = r.table(table) {
            let cells = t.rows.get(row)?;
            return match col {
                None => Some(Found::Row(r, t, row)),
                Some(c) if c < cells.len().max(t.columns.len()) => Some(Found::Cell(r, t, row, c)),
                Some(_) => None,
            };
        }
    }
    if let Some(i) = r.indicators.iter().find(|i| i.id == id) {
        return Some(Found::Indicator(r, i));
    }
    let in_blocks = |sec: Option<&'a Section>, blocks: &'a [Block]| {
        blocks.iter().find_map(|b| match b {
            Block::Paragraph(p) if p.id == id => Some(Found::Paragraph(r, sec, p)),
            Block::Paragraph(p) => p
                .sentences
                .iter()
                .find(|s| s.id == id)
                .map(|s| Found::Sentence(r, sec, s)),
            Block::Table { .. } => None,
        })
    };
    if let Some(f) = in_blocks(None, &r.preamble) {
        return Some(f);
    }
    for s in r.all_sections() {
        if s.id == id {
            return Some(Found::Section(r, s));
        }
        if let Some(f) = in_blocks(Some(s), &s.blocks) {
            return Some(f);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Model {
        crate::plan_model()
    }

    #[test]
    fn every_kind_of_id_resolves_to_itself() {
        let m = bundled();
        let r = &m.reports[0];
        assert!(matches!(resolve(&m, &r.id), Some(Found::Report(x)) if x.id == r.id));
        let mut n = 0;
        for s in r.all_sections() {
            assert!(matches!(resolve(&m, &s.id), Some(Found::Section(_, x)) if x.id == s.id));
            for b in &s.blocks {
                if let Block::Paragraph(p) = b {
                    assert!(
                        matches!(resolve(&m, &p.id), Some(Found::Paragraph(_, _, x)) if x.id == p.id)
                    );
                    for x in &p.sentences {
                        assert!(
                            matches!(resolve(&m, &x.id), Some(Found::Sentence(_, Some(_), y)) if y.id == x.id)
                        );
                        n += 1;
                    }
                }
            }
        }
        assert!(n > 50);
        let t = &r.tables[0];
        assert!(matches!(resolve(&m, &t.id), Some(Found::Table(_, x)) if x.id == t.id));
        let last = t.rows.len() - 1;
        assert!(
            matches!(resolve(&m, &row_id(&t.id, last)), Some(Found::Row(_, _, k)) if k == last)
        );
        assert!(
            matches!(resolve(&m, &cell_id(&t.id, last, 1)), Some(Found::Cell(_, _, k, 1)) if k == last)
        );
        let ind = &r.indicators[0];
        assert!(matches!(resolve(&m, &ind.id), Some(Found::Indicator(_, x)) if x.id == ind.id));
    }

    #[test]
    fn near_misses_resolve_to_nothing() {
        let m = bundled();
        let r = &m.reports[0];
        let t = &r.tables[0];
        for id in [
            format!("{}.r{}", t.id, t.rows.len()),
            format!("{}.r0.c999", t.id),
            format!("{}.r-1", t.id),
            format!("{}.rx", t.id),
            format!("{}:s999", r.id),
            format!("{}x", r.id),
            "nope:s1".to_string(),
            String::new(),
            ":".to_string(),
        ] {
            assert!(resolve(&m, &id).is_none(), "{id}");
        }
    }
}
