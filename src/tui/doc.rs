//! The reader's document for one outline node at one width: heading path,
//! headings, paragraphs wrapped by `crate::text::wrap` (never ratatui's wrap),
//! and tables inline as aligned tables, with the places of indicator numbers
//! (see `marks`). Built once per (node, width, mode) and cached by the
//! reader, so a keypress never re-wraps the corpus. Pure: no terminal.

use std::collections::HashMap;
use std::ops::Range;

use super::glyphs::Glyphs;
use super::marks;
use super::outline::{section_at, NodeKind, OutlineState};
use crate::model::{Block, Model, Report, Section, Table};
use crate::text::{fit_columns, header_widths, pad, sanitize, wrap, AmbiguousWidth};

/// A reader grid column narrower than this (and than its text) is too
/// squeezed to read (five CJK chars a line); the table is shown as records.
pub const READABLE_COLUMN: usize = 10;

/// How a line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// The heading path at the top.
    Path,
    Title,
    Heading,
    Text,
    Caption,
    TableHeader,
    TableRule,
    TableRow,
    Note,
    Meta,
    Blank,
}

/// One display row of the document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocLine {
    /// Sanitized text, at most the document width wide.
    pub text: String,
    pub kind: LineKind,
    /// The pieces of `text` belonging to each sentence.
    pub segs: Vec<Seg>,
    /// The pieces of `text` that print an indicator's value.
    pub marks: Vec<Mark>,
}

/// A piece of a line that belongs to one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    /// Byte range in the line's text.
    pub bytes: Range<usize>,
    /// Index into `Doc::sentences`.
    pub sentence: u32,
}

/// A piece of a line that prints an indicator's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Byte range in the line's text.
    pub bytes: Range<usize>,
    /// Index into the report's `indicators`.
    pub record: usize,
}

/// A wrapped document.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    /// Index of the report shown (in `Model::reports`).
    pub report: Option<usize>,
    pub lines: Vec<DocLine>,
    /// Sentence ids in reading order.
    pub sentences: Vec<String>,
    /// The first line of each sentence, parallel to `sentences`.
    pub sentence_line: Vec<usize>,
    /// (table id, first line) of each inline table.
    pub table_line: Vec<(String, usize)>,
    /// Where each inline table row starts.
    pub row_line: Vec<RowLine>,
    /// (section id, heading line) of each section shown.
    pub section_line: Vec<(String, usize)>,
}

/// The first line of one row of an inline table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowLine {
    /// Index into `Doc::table_line`.
    pub table: usize,
    /// The row as printed (0-based).
    pub row: usize,
    pub line: usize,
}

impl Doc {
    /// First line of a sentence, by id.
    pub fn line_of_sentence(&self, id: &str) -> Option<usize> {
        let i = self.sentences.iter().position(|s| s == id)?;
        self.sentence_line.get(i).copied()
    }

    /// The sentence shown at (or, for a non-text line, nearest after) a line.
    pub fn sentence_at(&self, line: usize) -> Option<u32> {
        self.lines
            .iter()
            .skip(line)
            .find_map(|l| l.segs.first().map(|s| s.sentence))
    }

    /// The first sentence that starts within `rows` lines from `line`, else
    /// the sentence shown at `line` (the anchor kept across resizes).
    pub fn first_sentence_from(&self, line: usize, rows: usize) -> Option<u32> {
        let i = self.sentence_line.partition_point(|&l| l < line);
        match self.sentence_line.get(i) {
            Some(&l) if l < line + rows => Some(i as u32),
            _ => self.sentence_at(line),
        }
    }

    pub fn line_of_table(&self, id: &str) -> Option<usize> {
        self.table_line.iter().find(|(t, _)| t == id).map(|x| x.1)
    }

    /// The lines that show row `row` of table `id` (grid or "column: value" form).
    pub fn lines_of_row(&self, id: &str, row: usize) -> Option<std::ops::Range<usize>> {
        let t = self.table_line.iter().position(|(t, _)| t == id)?;
        let k = self
            .row_line
            .iter()
            .position(|e| e.table == t && e.row == row)?;
        let start = self.row_line[k].line;
        let next = self
            .row_line
            .get(k + 1)
            .filter(|e| e.table == t)
            .map(|e| e.line);
        let end = next.unwrap_or_else(|| {
            let more = self.lines[start..]
                .iter()
                .take_while(|l| l.kind == LineKind::TableRow)
                .count();
            start + more.max(1)
        });
        Some(start..end)
    }

    pub fn line_of_section(&self, id: &str) -> Option<usize> {
        self.section_line.iter().find(|(s, _)| s == id).map(|x| x.1)
    }
}

struct Builder<'a> {
    doc: Doc,
    width: usize,
    amb: AmbiguousWidth,
    glyphs: Glyphs,
    report: &'a Report,
    /// The report's records by sentence id.
    records: HashMap<&'a str, Vec<usize>>,
}

impl Builder<'_> {
    fn line(&mut self, text: String, kind: LineKind) {
        self.doc.lines.push(DocLine {
            text,
            kind,
            segs: vec![],
            marks: vec![],
        });
    }

    /// A group's page: its name, then a line per report (year, title, id).
    fn group(&mut self, model: &Model, outline: &OutlineState, node: usize) {
        for &c in &outline.nodes[node].children {
            let Some(r) = model.reports.get(outline.nodes[c].report) else {
                continue;
            };
            let year = r.plan_year.map(|y| y.to_string()).unwrap_or_default();
            self.wrapped(&format!("{year} {} ({})", r.title, r.id), LineKind::Meta);
        }
    }

    fn blank(&mut self) {
        if self
            .doc
            .lines
            .last()
            .is_some_and(|l| l.kind != LineKind::Blank)
        {
            self.line(String::new(), LineKind::Blank);
        }
    }

    fn wrapped(&mut self, text: &str, kind: LineKind) {
        let text = sanitize(text);
        for r in wrap(&text, self.width, self.amb) {
            self.line(text[r].to_string(), kind);
        }
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            match b {
                Block::Paragraph(p) => {
                    let mut text = String::new();
                    let mut ranges = Vec::new();
                    let mut marks: Vec<(Range<usize>, usize)> = Vec::new();
                    for s in &p.sentences {
                        let start = text.len();
                        if let Some(recs) = self.records.get(s.id.as_str()) {
                            marks.extend(
                                marks::sentence_marks(self.report, s, recs)
                                    .into_iter()
                                    .map(|(r, i)| (r.start + start..r.end + start, i)),
                            );
                        }
                        text.push_str(&sanitize(&s.text));
                        ranges.push((start..text.len(), self.doc.sentences.len() as u32));
                        self.doc.sentences.push(s.id.clone());
                        self.doc.sentence_line.push(self.doc.lines.len());
                    }
                    // Rows and sentences both run forward through `text`,
                    // so each row looks only at the sentences and marks
                    // around it: linear, where a paragraph of 700,000
                    // sentences (a one-line report) was quadratic.
                    let mut overlap = Forward::new(&ranges, |r| r.0.clone());
                    let mut starts = 0;
                    let mut marked = Forward::new(&marks, |m| m.0.clone());
                    for row in wrap(&text, self.width, self.amb) {
                        let segs: Vec<Seg> = overlap
                            .at(&row)
                            .map(|(r, i)| Seg {
                                bytes: r.start.max(row.start) - row.start
                                    ..r.end.min(row.end) - row.start,
                                sentence: *i,
                            })
                            .collect();
                        while ranges.get(starts).is_some_and(|(r, _)| r.start < row.start) {
                            starts += 1;
                        }
                        for (_, i) in ranges[starts..]
                            .iter()
                            .take_while(|(r, _)| r.start < row.end)
                        {
                            self.doc.sentence_line[*i as usize] = self.doc.lines.len();
                        }
                        let line_marks = marked
                            .at(&row)
                            .map(|(r, i)| Mark {
                                bytes: r.start.max(row.start) - row.start
                                    ..r.end.min(row.end) - row.start,
                                record: *i,
                            })
                            .collect();
                        self.doc.lines.push(DocLine {
                            text: text[row].to_string(),
                            kind: LineKind::Text,
                            segs,
                            marks: line_marks,
                        });
                    }
                    self.blank();
                }
                Block::Table { table } => {
                    if let Some(t) = self.report.table(table) {
                        self.doc
                            .table_line
                            .push((t.id.clone(), self.doc.lines.len()));
                        self.table(t);
                        self.blank();
                    }
                }
            }
        }
    }

    fn table(&mut self, t: &Table) {
        self.wrapped(&t.title(), LineKind::Caption);
        let cols = t.columns.len();
        if cols == 0 {
            return;
        }
        let clean = |s: &str| sanitize(s).into_owned();
        let header: Vec<String> = t.columns.iter().map(|c| clean(c)).collect();
        let rows: Vec<Vec<String>> = t
            .rows
            .iter()
            .map(|r| r.iter().map(|c| clean(c)).collect())
            .collect();
        let natural = header_widths(&header, &rows, self.amb);
        let seps = 3 * (cols - 1);
        let avail = self.width.saturating_sub(seps);
        let widths = fit_columns(&natural, avail);
        // Too narrow for a grid (a column squeezed below a readable width
        // wraps its text two or three chars a line): one "column: value"
        // record per row instead.
        let squeezed = widths
            .iter()
            .zip(&natural)
            .any(|(&w, &n)| w < n.min(READABLE_COLUMN));
        if avail < 4 * cols || squeezed {
            return self.records(&header, &rows, &t.notes);
        }
        let sep = format!(" {} ", self.glyphs.vbar);
        self.table_row(&header, &widths, &sep, LineKind::TableHeader);
        let rule: Vec<String> = widths
            .iter()
            .map(|w| self.glyphs.hbar.to_string().repeat(*w))
            .collect();
        let cross = format!(
            "{}{}{}",
            self.glyphs.hbar, self.glyphs.cross, self.glyphs.hbar
        );
        self.line(rule.join(&cross), LineKind::TableRule);
        for r in &rows {
            self.table_row(r, &widths, &sep, LineKind::TableRow);
        }
        for n in &t.notes {
            self.wrapped(n, LineKind::Note);
        }
    }

    fn records(&mut self, header: &[String], rows: &[Vec<String>], notes: &[String]) {
        for r in rows {
            self.row_starts();
            for (h, c) in header.iter().zip(r) {
                self.wrapped(&format!("{h}: {c}"), LineKind::TableRow);
            }
            self.blank();
        }
        for n in notes {
            self.wrapped(n, LineKind::Note);
        }
    }

    /// Note that a table row starts at the next line (for jumps to a row).
    fn row_starts(&mut self) {
        let t = self.doc.table_line.len().saturating_sub(1);
        let row = match self.doc.row_line.last() {
            Some(e) if e.table == t => e.row + 1,
            _ => 0,
        };
        let line = self.doc.lines.len();
        self.doc.row_line.push(RowLine {
            table: t,
            row,
            line,
        });
    }

    fn table_row(&mut self, cells: &[String], widths: &[usize], sep: &str, kind: LineKind) {
        if kind == LineKind::TableRow {
            self.row_starts();
        }
        let pieces: Vec<Vec<String>> = widths
            .iter()
            .enumerate()
            .map(|(i, &w)| {
                let c = cells.get(i).map(String::as_str).unwrap_or("");
                wrap(c, w.max(1), self.amb)
                    .into_iter()
                    .map(|r| c[r].to_string())
                    .collect()
            })
            .collect();
        let height = pieces.iter().map(Vec::len).max().unwrap_or(1).max(1);
        for k in 0..height {
            let parts: Vec<String> = pieces
                .iter()
                .zip(widths)
                .map(|(p, &w)| pad(p.get(k).map(String::as_str).unwrap_or(""), w, self.amb))
                .collect();
            self.line(parts.join(sep), kind);
        }
    }

    fn section(&mut self, s: &Section) {
        self.blank();
        self.doc
            .section_line
            .push((s.id.clone(), self.doc.lines.len()));
        self.wrapped(&format!("{}{}", s.marker, s.heading), LineKind::Heading);
        self.blank();
        self.blocks(&s.blocks);
        for c in &s.children {
            self.section(c);
        }
    }
}

/// Build the document the reader shows for an outline node (a table node
/// shows the section it sits in).
pub fn build(
    model: &Model,
    outline: &OutlineState,
    node: usize,
    width: usize,
    amb: AmbiguousWidth,
) -> Doc {
    let width = width.max(2);
    let Some(n) = outline.nodes.get(node) else {
        return Doc::default();
    };
    let Some(report) = model.reports.get(n.report) else {
        return Doc::default();
    };
    let mut b = Builder {
        doc: Doc {
            report: Some(n.report),
            ..Doc::default()
        },
        width,
        amb,
        glyphs: Glyphs::for_mode(amb),
        report,
        records: marks::by_sentence(report),
    };
    let crumbs: Vec<String> = outline
        .path_to(node)
        .into_iter()
        .filter(|&i| {
            let kind = outline.nodes[i].kind;
            kind != NodeKind::Table && (kind != NodeKind::Group || i == node)
        })
        .map(|i| outline.nodes[i].crumb.clone())
        .collect();
    b.wrapped(&crumbs.join(" > "), LineKind::Path);
    b.blank();
    match n.kind {
        NodeKind::Group => b.group(model, outline, node),
        NodeKind::Report => {
            b.wrapped(&report.title, LineKind::Title);
            b.blank();
            let years = match (report.review_year, report.plan_year) {
                (Some(r), Some(p)) => format!("review {r}, plan {p}"),
                _ => String::new(),
            };
            let mut meta = vec![format!("id: {}", report.id)];
            let place: Vec<&str> = [
                report.region.as_deref(),
                report.level.as_ref().map(|l| l.as_str()),
                report
                    .parent_region
                    .as_deref()
                    .filter(|_| report.region.is_some()),
            ]
            .into_iter()
            .flatten()
            .collect();
            if !place.is_empty() {
                meta.push(format!("region: {}", place.join(", ")));
            }
            if let Some(sp) = &report.source.speaker {
                meta.push(format!("speaker: {sp}"));
            }
            meta.push(format!(
                "source: {} ({})",
                report.source.file, report.source.encoding
            ));
            if let Some(d) = &report.source.date {
                meta.push(format!("date: {d}"));
            }
            if !years.is_empty() {
                meta.push(years);
            }
            meta.push(format!(
                "{} sections, {} tables",
                report.all_sections().len(),
                report.tables.len()
            ));
            for m in meta {
                b.wrapped(&m, LineKind::Meta);
            }
            for w in &report.warnings {
                b.wrapped(&format!("warning: {w}"), LineKind::Meta);
            }
            b.blank();
            b.blocks(&report.preamble);
        }
        NodeKind::Preamble => b.blocks(&report.preamble),
        NodeKind::Section | NodeKind::Table => {
            let path = match (n.kind, n.parent) {
                (NodeKind::Table, Some(p)) => outline.nodes[p].path.clone(),
                _ => n.path.clone(),
            };
            if let Some(s) = section_at(report, &path) {
                b.section(s);
            } else {
                b.blocks(&report.preamble);
            }
        }
    }
    while b
        .doc
        .lines
        .last()
        .is_some_and(|l| l.kind == LineKind::Blank)
    {
        b.doc.lines.pop();
    }
    b.doc
}

/// The items of a list of byte ranges that overlap each of a run of rows
/// going forward through the same text (`start < row.end && end >
/// row.start`), in list order, each row costing only the items near it. The
/// items need not be sorted or disjoint (indicator marks may overlap).
struct Forward<'a, T> {
    items: &'a [T],
    /// Item indices by start.
    by_start: Vec<usize>,
    /// How many of `by_start` have begun before the current row's end.
    begun: usize,
    /// Begun items not yet known to end before the current row.
    open: Vec<usize>,
    range: fn(&T) -> Range<usize>,
}

impl<'a, T> Forward<'a, T> {
    fn new(items: &'a [T], range: fn(&T) -> Range<usize>) -> Self {
        let mut by_start: Vec<usize> = (0..items.len()).collect();
        by_start.sort_by_key(|&i| range(&items[i]).start);
        Forward {
            items,
            by_start,
            begun: 0,
            open: Vec::new(),
            range,
        }
    }

    /// The items overlapping `row`; rows must come in text order (disjoint,
    /// each after the one before).
    fn at(&mut self, row: &Range<usize>) -> impl Iterator<Item = &'a T> + '_ {
        let range = self.range;
        while let Some(&i) = self.by_start.get(self.begun) {
            if range(&self.items[i]).start >= row.end {
                break;
            }
            self.open.push(i);
            self.begun += 1;
        }
        // every open item began before this row's end (row ends only grow)
        let items = self.items;
        self.open.retain(|&i| range(&items[i]).end > row.start);
        self.open.sort_unstable();
        self.open.iter().map(move |&i| &items[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::str_width;
    use crate::tui::testmodel::small_model;

    fn doc_for(id: &str, width: usize, amb: AmbiguousWidth) -> Doc {
        let m = small_model();
        let o = OutlineState::new(&m);
        let n = o.find(0, NodeKind::Section, id).unwrap();
        build(&m, &o, n, width, amb)
    }

    #[test]
    fn forward_finds_what_a_scan_of_every_item_finds() {
        // overlapping, unsorted, empty and long items over 0..200
        let mut x: u64 = 7;
        let mut next = |n: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((x >> 33) % n) as usize
        };
        for _ in 0..50 {
            let items: Vec<(Range<usize>, usize)> = (0..next(40))
                .map(|k| {
                    let start = next(200);
                    (start..start + next(30) * (next(4) / 3 * 5 + 1) / 3, k)
                })
                .collect();
            let mut rows = Vec::new();
            let mut at = 0;
            while at < 220 {
                let end = at + 1 + next(25);
                rows.push(at..end);
                at = end;
            }
            let mut fw = Forward::new(&items, |t| t.0.clone());
            for row in &rows {
                let got: Vec<usize> = fw.at(row).map(|t| t.1).collect();
                let want: Vec<usize> = items
                    .iter()
                    .filter(|(r, _)| r.start < row.end && r.end > row.start)
                    .map(|t| t.1)
                    .collect();
                assert_eq!(got, want, "row {row:?} of {items:?}");
            }
        }
    }

    #[test]
    fn a_paragraph_of_many_sentences_is_laid_out_in_order() {
        let body: String = (0..400)
            .map(|k| format!("全市生产总值增长{}.{}%，投资{k}亿元。", k % 9, k % 7))
            .collect();
        let m = crate::tui::test_support::model_of([(
            format!("某市政府工作报告\n一、总体情况\n{body}\n"),
            "r.txt".to_string(),
        )]);
        let o = OutlineState::new(&m);
        let id = m.reports[0].sections[0].id.clone();
        let n = o.find(0, NodeKind::Section, &id).unwrap();
        let d = build(&m, &o, n, 30, AmbiguousWidth::Narrow);
        assert!(d.sentences.len() >= 400, "{}", d.sentences.len());
        // each sentence's pieces are contiguous, in order, first seen on
        // the line `sentence_line` names
        let mut seen: Vec<(u32, usize)> = Vec::new();
        // (marks across rows: `marked_pieces_across_wrapped_rows_give_each_value_back`)
        for (k, l) in d.lines.iter().enumerate() {
            for s in &l.segs {
                assert!(s.bytes.end <= l.text.len() && s.bytes.start < s.bytes.end);
                if seen.last().map(|p| p.0) != Some(s.sentence) {
                    seen.push((s.sentence, k));
                }
            }
        }
        let order: Vec<u32> = seen.iter().map(|p| p.0).collect();
        assert_eq!(order, (0..d.sentences.len() as u32).collect::<Vec<_>>());
        for (i, line) in seen {
            assert_eq!(d.sentence_line[i as usize], line, "sentence {i}");
        }
    }

    #[test]
    fn no_line_is_wider_than_the_pane_in_either_mode() {
        for amb in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
            for w in [12, 20, 37, 80] {
                let d = doc_for("demo-2023:s1", w, amb);
                for l in &d.lines {
                    assert!(str_width(&l.text, amb) <= w, "{w} {amb:?}: {:?}", l.text);
                }
            }
        }
    }

    #[test]
    fn a_part_shows_its_heading_path_children_and_inline_table() {
        let d = doc_for("demo-2023:s1", 60, AmbiguousWidth::Narrow);
        assert_eq!(d.lines[0].text, "demo-2023 > 一、2023年计划执行情况");
        assert!(d.line_of_section("demo-2023:s1.2.1").is_some());
        let t = d.line_of_table("demo-2023:t1").unwrap();
        assert!(d.lines[t].text.starts_with("表1 "));
        assert_eq!(d.lines[t + 1].kind, LineKind::TableHeader);
        // columns line up: every table row has its separators in the same columns
        let amb = AmbiguousWidth::Narrow;
        let cols = |s: &str| -> Vec<usize> {
            let mut w = 0;
            let mut out = vec![];
            for c in s.chars() {
                if c == '│' {
                    out.push(w);
                }
                w += crate::text::char_width(c, amb);
            }
            out
        };
        let header = cols(&d.lines[t + 1].text);
        assert_eq!(header.len(), 4);
        for l in d.lines.iter().filter(|l| l.kind == LineKind::TableRow) {
            assert_eq!(cols(&l.text), header, "{:?}", l.text);
        }
    }

    #[test]
    fn sentences_are_located_and_joined_rows_give_the_paragraph_back() {
        let d = doc_for("demo-2023:s1.1", 16, AmbiguousWidth::Wide);
        let first = d.line_of_sentence("demo-2023:p3.1").unwrap();
        let second = d.line_of_sentence("demo-2023:p3.2").unwrap();
        assert!(second > first);
        let joined: String = d
            .lines
            .iter()
            .filter(|l| {
                l.segs
                    .iter()
                    .any(|s| d.sentences[s.sentence as usize].starts_with("demo-2023:p3."))
            })
            .map(|l| l.text.as_str())
            .collect();
        assert!(joined.starts_with("全区实现地区生产总值16715.2亿元"));
        assert!(joined.ends_with("社会消费品零售总额完成年度目标。"));
        let p32 = d
            .sentences
            .iter()
            .position(|s| s == "demo-2023:p3.2")
            .unwrap() as u32;
        assert!(d.lines[second].segs.iter().any(|s| s.sentence == p32));
    }

    #[test]
    fn marked_pieces_across_wrapped_rows_give_each_value_back() {
        // Real data, narrow widths: a value split by the wrap is marked on both rows.
        let m = crate::load_plan_model().unwrap();
        let o = OutlineState::new(&m);
        let mut total = 0;
        for (ri, r) in m.reports.iter().enumerate() {
            for s in &r.sections {
                let n = o.find(ri, NodeKind::Section, &s.id).unwrap();
                for w in [9, 23, 60] {
                    let d = build(&m, &o, n, w, AmbiguousWidth::Narrow);
                    assert_eq!(d.report, Some(ri));
                    let mut pieces: Vec<(usize, String)> = Vec::new();
                    for l in &d.lines {
                        for Mark {
                            bytes: rg,
                            record: i,
                        } in &l.marks
                        {
                            match pieces.last_mut() {
                                Some((j, t))
                                    if j == i && !t.ends_with(&*r.indicators[*i].value_text) =>
                                {
                                    t.push_str(&l.text[rg.clone()])
                                }
                                _ => pieces.push((*i, l.text[rg.clone()].to_string())),
                            }
                        }
                    }
                    for (i, t) in &pieces {
                        assert_eq!(*t, r.indicators[*i].value_text, "{w}");
                    }
                    if w == 60 {
                        total += pieces.len();
                    }
                }
            }
        }
        assert!(total > 300, "{total}");
    }

    #[test]
    fn hostile_text_is_drawn_inert() {
        let mut m = small_model();
        m.reports[0].sections[0].heading = "坏\x1b]52;c;AAAA\x07标题\x1b[2J\u{202E}".into();
        let o = OutlineState::new(&m);
        let n = o.find(0, NodeKind::Section, "demo-2023:s1").unwrap();
        let d = build(&m, &o, n, 40, AmbiguousWidth::Narrow);
        for l in &d.lines {
            assert!(
                !l.text.contains('\x1b')
                    && !l.text.contains('\x07')
                    && !l.text.contains('\u{202E}')
            );
        }
        assert!(o.nodes[n].label.chars().all(|c| !c.is_control()));
    }
}
