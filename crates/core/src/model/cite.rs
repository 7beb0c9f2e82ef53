//! Quotations with their citation: a sentence, paragraph or section, a table
//! row or a whole table, followed (or, in CSV, preceded) by where it comes
//! from: the report title, its year, the section path as printed (二、(三)2.)
//! and the id. Three formats: plain text, Markdown (a table as a Markdown
//! table) and CSV (for tables; a sentence becomes one CSV record). Every
//! piece of model text is sanitized, so no control character from the model
//! reaches a clipboard or a terminal. Pure: no terminal, no I/O; the
//! explorer copies this text (OSC 52) and `baogao show ID --cite` prints it.

use super::{Block, Model, Report, Section, Table};
use crate::text::sanitize_line;

/// How a quotation is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CiteFormat {
    /// The text, then a line "-- title (year), path [id]".
    #[default]
    Text,
    /// A block quote or a Markdown table, then the citation in italics.
    Markdown,
    /// A `# citation` line, then RFC 4180 records.
    Csv,
}

impl CiteFormat {
    /// The next format (for the key that cycles them).
    pub fn next(self) -> CiteFormat {
        match self {
            CiteFormat::Text => CiteFormat::Markdown,
            CiteFormat::Markdown => CiteFormat::Csv,
            CiteFormat::Csv => CiteFormat::Text,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            CiteFormat::Text => "text",
            CiteFormat::Markdown => "markdown",
            CiteFormat::Csv => "csv",
        }
    }
}

/// Where a quotation comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub title: String,
    /// The plan year, else the review year.
    pub year: Option<u16>,
    /// Section markers from the top: "二、(三)2." ("" in the preamble).
    pub path: String,
    pub id: String,
}

impl Source {
    fn new(r: &Report, path: &[&Section], id: &str) -> Source {
        Source {
            title: sanitize_line(&r.title).into_owned(),
            year: r.plan_year.or(r.review_year),
            path: path
                .iter()
                .map(|s| sanitize_line(&s.marker).into_owned())
                .collect(),
            id: sanitize_line(id).into_owned(),
        }
    }

    /// "title (2024), 二、(三)2., id" (the parts that are known).
    pub fn line(&self) -> String {
        let mut s = self.title.clone();
        if let Some(y) = self.year {
            s.push_str(&format!(" ({y})"));
        }
        for part in [&self.path, &self.id] {
            if !part.is_empty() {
                s.push_str(", ");
                s.push_str(part);
            }
        }
        s
    }
}

/// The sections from the top down to the one with id `id`.
fn section_path<'a>(secs: &'a [Section], id: &str, out: &mut Vec<&'a Section>) -> bool {
    for s in secs {
        out.push(s);
        if s.id == id || section_path(&s.children, id, out) {
            return true;
        }
        out.pop();
    }
    false
}

/// The text under an id (sentence, paragraph, section) with the path of
/// sections it sits in.
fn find_text<'a>(r: &'a Report, id: &str) -> Option<(String, Vec<&'a Section>)> {
    fn in_blocks(blocks: &[Block], id: &str) -> Option<String> {
        blocks.iter().find_map(|b| match b {
            Block::Paragraph(p) if p.id == id => Some(p.text()),
            Block::Paragraph(p) => p
                .sentences
                .iter()
                .find(|s| s.id == id)
                .map(|s| s.text.clone()),
            Block::Table { .. } => None,
        })
    }
    if let Some(t) = in_blocks(&r.preamble, id) {
        return Some((t, Vec::new()));
    }
    fn walk<'a>(
        secs: &'a [Section],
        id: &str,
        path: &mut Vec<&'a Section>,
    ) -> Option<(String, Vec<&'a Section>)> {
        for s in secs {
            path.push(s);
            if s.id == id {
                let head = format!("{}{}", s.marker, s.heading);
                return Some((head, path.clone()));
            }
            if let Some(t) = in_blocks(&s.blocks, id) {
                return Some((t, path.clone()));
            }
            if let Some(found) = walk(&s.children, id, path) {
                return Some(found);
            }
            path.pop();
        }
        None
    }
    walk(&r.sections, id, &mut Vec::new())
}

/// A sentence, paragraph or section heading by id, cited.
pub fn cite_text(m: &Model, id: &str, fmt: CiteFormat) -> Option<String> {
    let (r, (text, path)) = m
        .reports
        .iter()
        .find_map(|r| find_text(r, id).map(|x| (r, x)))?;
    let src = Source::new(r, &path, id);
    let text = sanitize_line(&text).into_owned();
    Some(match fmt {
        CiteFormat::Text => format!("{text}\n-- {}\n", src.line()),
        CiteFormat::Markdown => format!("> {text}\n>\n> -- *{}*\n", src.line()),
        CiteFormat::Csv => {
            let head = ["text", "report", "year", "section", "id"];
            let year = src.year.map(|y| y.to_string()).unwrap_or_default();
            let row = [text.as_str(), src.title.as_str(), &year, &src.path, &src.id];
            format!("{}\n{}\n", csv_record(&head), csv_record(&row))
        }
    })
}

/// A printed table (`row`: one row as printed, 0-based; None: all), cited.
pub fn cite_table(r: &Report, t: &Table, row: Option<usize>, fmt: CiteFormat) -> Option<String> {
    let grid = Grid {
        id: &t.id,
        section: &t.section,
        caption: &t.title(),
        columns: &t.columns,
        rows: &t.rows,
    };
    cite_grid(r, &grid, row, fmt)
}

/// Any table-shaped thing of a report (a printed or a derived table).
#[derive(Debug, Clone, Copy)]
pub struct Grid<'a> {
    pub id: &'a str,
    /// The section it sits in ("" for none).
    pub section: &'a str,
    pub caption: &'a str,
    pub columns: &'a [String],
    pub rows: &'a [Vec<String>],
}

/// A table-shaped thing (`row`: one row, 0-based; None: all), cited.
pub fn cite_grid(r: &Report, g: &Grid<'_>, row: Option<usize>, fmt: CiteFormat) -> Option<String> {
    let rows: Vec<&Vec<String>> = match row {
        Some(k) => vec![g.rows.get(k)?],
        None => g.rows.iter().collect(),
    };
    let mut path = Vec::new();
    section_path(&r.sections, g.section, &mut path);
    let mut src = Source::new(r, &path, g.id);
    if let Some(k) = row {
        // Rows are counted from 1 for people, as the table prints them.
        src.id = format!("{}, row {}", src.id, k + 1);
    }
    let caption = sanitize_line(g.caption).into_owned();
    let clean =
        |v: &[String]| -> Vec<String> { v.iter().map(|c| sanitize_line(c).into_owned()).collect() };
    let head = clean(g.columns);
    let body: Vec<Vec<String>> = rows.iter().map(|r| clean(r)).collect();
    let mut out = String::new();
    match fmt {
        CiteFormat::Text => {
            out.push_str(&caption);
            out.push('\n');
            out.push_str(&head.join(" | "));
            out.push('\n');
            for r in &body {
                out.push_str(&r.join(" | "));
                out.push('\n');
            }
            out.push_str(&format!("-- {}\n", src.line()));
        }
        CiteFormat::Markdown => {
            out.push_str(&format!("**{}**\n\n", md_cell(&caption)));
            let cells = |v: &[String]| {
                let v: Vec<String> = v.iter().map(|c| md_cell(c)).collect();
                format!("| {} |\n", v.join(" | "))
            };
            out.push_str(&cells(&head));
            out.push_str(&format!("|{}\n", " --- |".repeat(head.len().max(1))));
            for r in &body {
                out.push_str(&cells(r));
            }
            out.push_str(&format!("\n*{}*\n", md_cell(&src.line())));
        }
        CiteFormat::Csv => {
            out.push_str(&format!("# {}: {}\n", src.line(), caption));
            let h: Vec<&str> = head.iter().map(String::as_str).collect();
            out.push_str(&csv_record(&h));
            out.push('\n');
            for r in &body {
                let v: Vec<&str> = r.iter().map(String::as_str).collect();
                out.push_str(&csv_record(&v));
                out.push('\n');
            }
        }
    }
    Some(out)
}

/// A table by id (with an optional row), anywhere in the model, cited.
pub fn cite_table_id(m: &Model, id: &str, row: Option<usize>, fmt: CiteFormat) -> Option<String> {
    m.reports
        .iter()
        .find_map(|r| r.table(id).map(|t| (r, t)))
        .and_then(|(r, t)| cite_table(r, t, row, fmt))
}

/// Anything with an id (sentence, paragraph, section, table), cited.
pub fn cite_id(m: &Model, id: &str, fmt: CiteFormat) -> Option<String> {
    cite_table_id(m, id, None, fmt).or_else(|| cite_text(m, id, fmt))
}

/// A Markdown table cell: pipes and backslashes escaped.
fn md_cell(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|")
}

/// One CSV record (RFC 4180: fields with a comma, quote or line break are quoted).
pub fn csv_record(fields: &[&str]) -> String {
    fields
        .iter()
        .map(|f| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Model {
        crate::plan_model()
    }

    /// A sentence of a level-2 section of the first report, and its printed path.
    fn deep_sentence(m: &Model) -> (String, String) {
        let r = &m.reports[0];
        for a in &r.sections {
            for b in &a.children {
                for bl in &b.blocks {
                    if let Block::Paragraph(p) = bl {
                        if let Some(s) = p.sentences.first() {
                            return (s.id.clone(), format!("{}{}", a.marker, b.marker));
                        }
                    }
                }
            }
        }
        panic!("no level-2 sentence")
    }

    #[test]
    fn a_sentence_is_cited_with_title_year_printed_path_and_id() {
        let m = bundled();
        let (id, path) = deep_sentence(&m);
        let text = cite_text(&m, &id, CiteFormat::Text).unwrap();
        let r = &m.reports[0];
        let year = r.plan_year.or(r.review_year).unwrap();
        let last = text.lines().last().unwrap();
        assert_eq!(last, format!("-- {} ({year}), {path}, {id}", r.title));
        assert!(path.contains('\u{FF08}') || path.contains('('), "{path}");
        let md = cite_text(&m, &id, CiteFormat::Markdown).unwrap();
        assert!(md.starts_with("> ") && md.contains(&format!("*{} ({year})", r.title)));
        let csv = cite_text(&m, &id, CiteFormat::Csv).unwrap();
        assert!(csv.starts_with("text,report,year,section,id\n"), "{csv}");
        assert!(csv.trim_end().ends_with(&id));
    }

    #[test]
    fn a_table_row_and_a_whole_table_in_every_format() {
        let m = bundled();
        let r = &m.reports[0];
        let t = &r.tables[0];
        let row = cite_table(r, t, Some(2), CiteFormat::Text).unwrap();
        assert_eq!(row.lines().count(), 4, "{row}");
        assert!(row.contains(&t.rows[2].join(" | ")));
        assert!(
            row.trim_end().ends_with(&format!("{}, row 3", t.id)),
            "{row}"
        );
        let md = cite_table(r, t, None, CiteFormat::Markdown).unwrap();
        let table_lines = md.lines().filter(|l| l.starts_with('|')).count();
        assert_eq!(table_lines, t.rows.len() + 2, "{md}");
        let csv = cite_table(r, t, None, CiteFormat::Csv).unwrap();
        assert!(csv.starts_with("# "));
        assert_eq!(csv.lines().count(), t.rows.len() + 2);
        assert_eq!(cite_id(&m, &t.id, CiteFormat::Csv), Some(csv));
    }

    #[test]
    fn control_characters_from_the_model_never_get_through() {
        let mut m = bundled();
        let (id, _) = deep_sentence(&m);
        m.reports[0].title = "evil\x1b]52;c;QUFB\x07title\x1b[2J".into();
        m.reports[0].tables[0].rows[0][1] = "a|b\x1b[31m\nc,\"d\"".into();
        let mut all = Vec::new();
        for f in [CiteFormat::Text, CiteFormat::Markdown, CiteFormat::Csv] {
            all.push(cite_text(&m, &id, f).unwrap());
            let r = &m.reports[0];
            all.push(cite_table(r, &r.tables[0], None, f).unwrap());
        }
        for s in all {
            assert!(!s.chars().any(|c| c.is_control() && c != '\n'), "{s:?}");
        }
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        assert_eq!(csv_record(&["a", "b,c", "d\"e"]), "a,\"b,c\",\"d\"\"e\"");
        assert_eq!(md_cell("a|b"), "a\\|b");
    }
}
