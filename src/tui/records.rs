//! The indicator popup's state and content: which records the numbers in
//! view stand for (the highlighted sentence's when it is on screen and has
//! any, else every marked number on screen, in reading order), and each
//! record as labelled lines. Pure: no terminal.

use super::doc::Doc;
use crate::indicators::target::trim_float;
use crate::model::indicator::IndicatorKind;
use crate::model::{Indicator, IndicatorSource, Location, Model};
use crate::text::{sanitize_line, wrap, AmbiguousWidth};

/// Which numbers the popup lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordsScope {
    /// The numbers of the highlighted sentence (a search or table jump).
    Highlight,
    /// Every marked number on screen.
    Screen,
    /// The cells of the tables pane's cursor row.
    Row,
    /// The number under the reader's cursor (`>` / `<`).
    Number,
}

/// The open popup: the records (indices into the report's `indicators`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordsPopup {
    /// Index of the report in `Model::reports`.
    pub report: usize,
    pub records: Vec<usize>,
    pub scope: RecordsScope,
    /// First content row shown.
    pub scroll: usize,
    /// The record Enter jumps to (index into `records`; Tab / J move it).
    pub selected: usize,
    /// The content rows wrapped to the popup's width: wrapped in `update`
    /// when the popup opens or the screen's width changes (`wrap_rows`);
    /// the view only reads them.
    pub wrapped: Option<WrappedRows>,
}

/// One content row of the popup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PopupRow {
    pub text: String,
    /// Part of a record's numbered heading (drawn as a heading).
    pub heading: bool,
}

/// The popup's content rows wrapped to `width` columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedRows {
    pub width: usize,
    pub amb: AmbiguousWidth,
    pub rows: Vec<PopupRow>,
}

fn push_unique(out: &mut Vec<usize>, i: usize) {
    if !out.contains(&i) {
        out.push(i);
    }
}

impl RecordsPopup {
    /// The records behind the numbers in view (lines `top..top + height`), or
    /// None when no marked number is there.
    pub fn for_view(
        doc: &Doc,
        top: usize,
        height: usize,
        highlight: Option<&str>,
    ) -> Option<RecordsPopup> {
        let report = doc.report?;
        let shown = top..top + height.max(1);
        let mut records = Vec::new();
        let target = highlight.and_then(|h| doc.sentences.iter().position(|s| s == h));
        if let Some(t) = target.map(|t| t as u32) {
            let lines: Vec<usize> = (0..doc.lines.len())
                .filter(|&l| doc.lines[l].segs.iter().any(|s| s.sentence == t))
                .collect();
            if lines.iter().any(|l| shown.contains(l)) {
                for &l in &lines {
                    let line = &doc.lines[l];
                    for seg in line.segs.iter().filter(|s| s.sentence == t) {
                        for m in &line.marks {
                            if m.bytes.start < seg.bytes.end && m.bytes.end > seg.bytes.start {
                                push_unique(&mut records, m.record);
                            }
                        }
                    }
                }
            }
        }
        let scope = if records.is_empty() {
            for line in doc.lines.iter().skip(top).take(height.max(1)) {
                for m in &line.marks {
                    push_unique(&mut records, m.record);
                }
            }
            RecordsScope::Screen
        } else {
            RecordsScope::Highlight
        };
        (!records.is_empty()).then(|| RecordsPopup::new(report, records, scope))
    }
}

/// One row of a record: an ASCII label and the value (sanitized).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: &'static str,
    pub value: String,
}

fn field(label: &'static str, value: impl AsRef<str>) -> Field {
    Field {
        label,
        value: sanitize_line(value.as_ref()).into_owned(),
    }
}

/// "+5%", "-4.3 个百分点".
fn signed(v: f64, unit: Option<&str>) -> String {
    let sign = if v > 0.0 { "+" } else { "" };
    let unit = unit.unwrap_or("");
    let sep = if unit == "%" || unit.is_empty() {
        ""
    } else {
        " "
    };
    format!("{sign}{}{sep}{unit}", trim_float(v))
}

/// A record as its metric (the heading) and labelled fields; absent fields
/// are left out.
pub fn fields(ind: &Indicator) -> (String, Vec<Field>) {
    let mut out = Vec::new();
    out.push(field(
        "value",
        format!("{}  (unit {})", ind.value_text, ind.unit),
    ));
    if let (Some(v), Some(u)) = (ind.base_value, &ind.base_unit) {
        out.push(field("base", format!("{} {u}", trim_float(v))));
    }
    match (&ind.change_text, ind.change) {
        (Some(t), Some(c)) => out.push(field(
            "change",
            format!("{t}  ({})", signed(c, ind.change_unit.as_deref())),
        )),
        (Some(t), None) => out.push(field("change", t)),
        (None, Some(c)) => out.push(field("change", signed(c, ind.change_unit.as_deref()))),
        (None, None) => {}
    }
    if let Some(q) = &ind.qualifier {
        out.push(field("qualifier", q));
    }
    let mut period = ind.period.as_str().to_string();
    if let Some(y) = ind.year {
        period.push_str(&format!(" {y}"));
    }
    if ind.kind == IndicatorKind::Growth {
        period.push_str(", growth only");
    }
    out.push(field("period", period));
    out.push(field("source", ind.source.to_string()));
    out.push(field("record", &ind.id));
    (sanitize_line(&ind.metric).into_owned(), out)
}

/// The popup's content rows: per record a numbered heading, its fields
/// ("label  value", labels padded to one width) and a blank row between records.
pub fn content(records: &[&Indicator]) -> Vec<PopupRow> {
    let row = |text: String, heading: bool| PopupRow { text, heading };
    let mut rows = Vec::new();
    for (n, ind) in records.iter().enumerate() {
        if n > 0 {
            rows.push(row(String::new(), false));
        }
        let (metric, fs) = fields(ind);
        rows.push(row(format!("{}. {metric}", n + 1), true));
        for f in fs {
            rows.push(row(format!("   {:<10}{}", f.label, f.value), false));
        }
    }
    rows
}

/// The popup's outer size (columns, rows) inside a body area of `w` x `h`
/// for `rows` content rows.
pub fn popup_size(w: u16, h: u16, rows: usize) -> (u16, u16) {
    let pw = w.saturating_sub(4).clamp(10, 76).min(w);
    let ph = (rows.min(u16::MAX as usize - 2) as u16 + 2).min(h);
    (pw, ph)
}

impl RecordsPopup {
    /// A popup on `records` (indices into report `report`'s indicators),
    /// scrolled to the top, the first record selected.
    pub fn new(report: usize, records: Vec<usize>, scope: RecordsScope) -> RecordsPopup {
        RecordsPopup {
            report,
            records,
            scope,
            scroll: 0,
            selected: 0,
            wrapped: None,
        }
    }

    /// Wrap the content rows to `width` columns, unless they already are.
    pub fn wrap_rows(&mut self, model: &Model, width: usize, amb: AmbiguousWidth) {
        if self.wrapped_rows(width, amb).is_none() {
            self.wrapped = Some(WrappedRows {
                width,
                amb,
                rows: self.rows(model, width, amb),
            });
        }
    }

    /// The content rows as wrapped to `width` columns, if they were.
    pub fn wrapped_rows(&self, width: usize, amb: AmbiguousWidth) -> Option<&[PopupRow]> {
        let w = self.wrapped.as_ref()?;
        (w.width == width && w.amb == amb).then_some(w.rows.as_slice())
    }

    /// The records, as found in the model (missing indices are skipped).
    pub fn indicators<'a>(&self, model: &'a Model) -> Vec<&'a Indicator> {
        model
            .reports
            .get(self.report)
            .map(|r| {
                self.records
                    .iter()
                    .filter_map(|&i| r.indicators.get(i))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The content rows wrapped to `width` columns (heading flag kept per row).
    pub fn rows(&self, model: &Model, width: usize, amb: AmbiguousWidth) -> Vec<PopupRow> {
        let mut out = Vec::new();
        for row in content(&self.indicators(model)) {
            if row.text.is_empty() {
                out.push(row);
                continue;
            }
            for r in wrap(&row.text, width.max(2), amb) {
                out.push(PopupRow {
                    text: row.text[r].to_string(),
                    heading: row.heading,
                });
            }
        }
        out
    }

    /// The width the content rows are wrapped to in a body area `w` wide.
    pub fn text_width(w: u16) -> usize {
        popup_size(w, 0, 0).0.saturating_sub(3) as usize
    }

    /// The content row of each record's heading (wrapped to the popup's
    /// width in a body area of `w` x `h`), and the rows the popup shows.
    fn heading_rows(
        &self,
        model: &Model,
        w: u16,
        h: u16,
        amb: AmbiguousWidth,
    ) -> (Vec<usize>, usize) {
        let (pw, _) = popup_size(w, h, 0);
        let rows = self.rows(model, pw.saturating_sub(3) as usize, amb);
        let (_, ph) = popup_size(w, h, rows.len());
        let heads = rows
            .iter()
            .enumerate()
            .filter(|(k, r)| r.heading && (*k == 0 || !rows[k - 1].heading) && !r.text.is_empty())
            .map(|(k, _)| k)
            .collect();
        (heads, ph.saturating_sub(2).max(1) as usize)
    }

    /// Tab / S-Tab: select the next / previous record and scroll its heading into view.
    pub fn select(&mut self, forward: bool, model: &Model, w: u16, h: u16, amb: AmbiguousWidth) {
        let last = self.records.len().saturating_sub(1);
        self.selected = if forward {
            (self.selected + 1).min(last)
        } else {
            self.selected.saturating_sub(1)
        };
        let (heads, shown) = self.heading_rows(model, w, h, amb);
        if let Some(&row) = heads.get(self.selected) {
            if row < self.scroll || row >= self.scroll + shown {
                self.scroll = row.min(self.max_scroll(model, w, h, amb));
            }
        }
    }

    /// Where the selected record was read from, and the record's index.
    pub fn selected_source(&self, model: &Model) -> Option<(Location, usize)> {
        let report = model.reports.get(self.report)?;
        let i = *self.records.get(self.selected)?;
        let ind = report.indicators.get(i)?;
        let loc = match &ind.source {
            IndicatorSource::Cell { table, row, column } => Location::Cell {
                report: report.id.clone(),
                table: table.clone(),
                row: *row,
                column: *column,
            },
            IndicatorSource::Sentence { sentence, .. } => Location::Sentence {
                report: report.id.clone(),
                section: crate::indicators::derived::section_of(report, sentence),
                sentence: sentence.clone(),
            },
        };
        Some((loc, i))
    }

    /// The largest useful scroll for a body area of `w` x `h`.
    pub fn max_scroll(&self, model: &Model, w: u16, h: u16, amb: AmbiguousWidth) -> usize {
        let (pw, _) = popup_size(w, h, 0);
        let rows = self.rows(model, pw.saturating_sub(3) as usize, amb);
        let (_, ph) = popup_size(w, h, rows.len());
        rows.len().saturating_sub(ph.saturating_sub(2) as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Report;
    use crate::tui::doc;
    use crate::tui::outline::{NodeKind, OutlineState};

    fn shanghai(m: &Model) -> (usize, &Report) {
        let i = m
            .reports
            .iter()
            .position(|r| r.id == "shanghai-2024-plan")
            .unwrap();
        (i, &m.reports[i])
    }

    /// The doc of the Shanghai section holding the 4.72万亿元 sentence, and that sentence's id.
    fn gdp_doc(m: &Model, width: usize) -> (Doc, String) {
        let (ri, r) = shanghai(m);
        let ind = r
            .indicators
            .iter()
            .find(|i| i.value_text == "4.72万亿元")
            .unwrap();
        let IndicatorSource::Sentence { sentence, .. } = &ind.source else {
            panic!("not a sentence record")
        };
        let section = sentence.rsplit_once(":p").unwrap().0;
        let o = OutlineState::new(m);
        let n = o.find(ri, NodeKind::Section, section).unwrap();
        (
            doc::build(m, &o, n, width, AmbiguousWidth::Narrow),
            sentence.clone(),
        )
    }

    #[test]
    fn the_highlighted_sentence_gives_its_own_records() {
        let m = crate::load_plan_model().unwrap();
        let (doc, sid) = gdp_doc(&m, 60);
        let l = doc.line_of_sentence(&sid).unwrap();
        let p = RecordsPopup::for_view(&doc, l.saturating_sub(2), 10, Some(&sid)).unwrap();
        assert_eq!(p.scope, RecordsScope::Highlight);
        let (_, r) = shanghai(&m);
        let values: Vec<&str> = p
            .records
            .iter()
            .map(|&i| r.indicators[i].value_text.as_str())
            .collect();
        assert_eq!(values, ["4.72万亿元"]);
    }

    #[test]
    fn without_a_highlight_every_marked_number_on_screen_is_listed_once_in_order() {
        let m = crate::load_plan_model().unwrap();
        let (doc, sid) = gdp_doc(&m, 60);
        let l = doc.line_of_sentence(&sid).unwrap();
        let p = RecordsPopup::for_view(&doc, l, 6, None).unwrap();
        assert_eq!(p.scope, RecordsScope::Screen);
        let expected: Vec<usize> = doc.lines[l..l + 6]
            .iter()
            .flat_map(|x| x.marks.iter().map(|m| m.record))
            .fold(Vec::new(), |mut v, i| {
                if !v.contains(&i) {
                    v.push(i)
                }
                v
            });
        assert_eq!(p.records, expected);
        assert!(p.records.len() >= 2, "{:?}", p.records);
        // A highlighted sentence that is off screen does not narrow the list.
        let far = RecordsPopup::for_view(&doc, l + 40, 6, Some(&sid));
        assert!(far.is_none_or(|p| p.scope == RecordsScope::Screen));
    }

    #[test]
    fn a_screen_without_marked_numbers_gives_nothing() {
        let m = crate::load_plan_model().unwrap();
        let (doc, _) = gdp_doc(&m, 60);
        // The heading path and the section heading carry no marks.
        assert!(RecordsPopup::for_view(&doc, 0, 2, None).is_none());
        assert!(RecordsPopup::for_view(&Doc::default(), 0, 20, None).is_none());
    }

    #[test]
    fn a_record_shows_every_field_it_has() {
        let m = crate::load_plan_model().unwrap();
        let (_, r) = shanghai(&m);
        let ind = r
            .indicators
            .iter()
            .find(|i| i.value_text == "4.72万亿元")
            .unwrap();
        let (metric, fs) = fields(ind);
        assert_eq!(metric, "全市生产总值");
        let get = |l: &str| fs.iter().find(|f| f.label == l).map(|f| f.value.as_str());
        assert_eq!(get("value"), Some("4.72万亿元  (unit 万亿元)"));
        assert_eq!(get("base"), Some("47200 亿元"));
        assert_eq!(get("change"), Some("比上年增长5%  (+5%)"));
        assert_eq!(get("qualifier"), None);
        assert_eq!(get("period"), Some("actual 2023"));
        assert!(get("source")
            .unwrap()
            .starts_with("shanghai-2024-plan:s1.1:p"));
        assert_eq!(get("record"), Some(ind.id.as_str()));
        let rows = content(&[ind, ind]);
        assert_eq!(rows[0].text, "1. 全市生产总值");
        assert!(rows[0].heading);
        assert!(rows.iter().any(|r| r.text.is_empty() && !r.heading));
    }

    #[test]
    fn a_falling_change_and_a_cell_source_read_plainly() {
        let m = crate::load_plan_model().unwrap();
        let pd = m
            .reports
            .iter()
            .find(|r| r.id == "pudong-2024-plan")
            .unwrap();
        let cell = pd
            .indicators
            .iter()
            .find(|i| {
                matches!(
                    i.source,
                    IndicatorSource::Cell {
                        row: 0,
                        column: 3,
                        ..
                    }
                )
            })
            .unwrap();
        let (_, fs) = fields(cell);
        let src = &fs.iter().find(|f| f.label == "source").unwrap().value;
        assert!(src.ends_with("row 1 col 4"), "{src}");
        assert_eq!(signed(-4.3, Some("%")), "-4.3%");
        assert_eq!(signed(0.5, Some("个百分点")), "+0.5 个百分点");
    }
}
