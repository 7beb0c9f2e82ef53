//! Small constructors for hand-built models: tests, benchmarks and tools that
//! need a model without running the builder. The builder does not use them.
//! Spans are empty (0, 0): such models point at no source text.

use super::types::*;

/// Full-width forms of the ASCII ( ) , : ; in a synthetic report text, as
/// real reports print them (the editing tools here turn typed full-width
/// forms into ASCII, so tests write ASCII and call this).
pub fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '(' => '\u{FF08}',
            ')' => '\u{FF09}',
            ',' => '\u{FF0C}',
            ':' => '\u{FF1A}',
            ';' => '\u{FF1B}',
            c => c,
        })
        .collect()
}

impl Sentence {
    /// A sentence with no source span.
    pub fn unplaced(id: &str, text: &str) -> Sentence {
        Sentence {
            id: id.into(),
            text: text.into(),
            span: Span(0, 0),
        }
    }
}

impl Block {
    /// A paragraph of sentences `(id, text)`.
    pub fn paragraph(id: &str, sentences: &[(&str, &str)]) -> Block {
        Block::Paragraph(Paragraph {
            id: id.into(),
            span: Span(0, 0),
            sentences: sentences
                .iter()
                .map(|(i, t)| Sentence::unplaced(i, t))
                .collect(),
        })
    }
}

impl Section {
    /// A numbered heading section; `number` is the marker without its punctuation.
    pub fn heading(
        id: &str,
        level: u8,
        marker: &str,
        heading: &str,
        blocks: Vec<Block>,
        children: Vec<Section>,
    ) -> Section {
        let number = marker.chars().filter(|c| c.is_alphanumeric()).collect();
        Section {
            id: id.into(),
            level,
            kind: SectionKind::Heading,
            number,
            marker: marker.into(),
            heading: heading.into(),
            heading_suffix: String::new(),
            heading_span: Span(0, 0),
            span: Span(0, 0),
            blocks,
            children,
        }
    }
}

impl Table {
    /// A grid table with the given leaf columns and rows (one header cell per column).
    pub fn grid(
        id: &str,
        number: &str,
        caption: &str,
        columns: &[&str],
        rows: &[&[&str]],
    ) -> Table {
        Table {
            id: id.into(),
            number: number.into(),
            label: if number.is_empty() {
                String::new()
            } else {
                format!("表{number}:")
            },
            caption: caption.into(),
            kind: TableKind::Grid,
            columns: columns.iter().map(|c| c.to_string()).collect(),
            header: columns
                .iter()
                .enumerate()
                .map(|(i, c)| HeaderCell {
                    text: c.to_string(),
                    span: Span(0, 0),
                    columns: (i, i + 1),
                })
                .collect(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
            cell_spans: rows.iter().map(|r| vec![Span(0, 0); r.len()]).collect(),
            notes: Vec::new(),
            note_spans: Vec::new(),
            caption_span: Span(0, 0),
            section: String::new(),
            span: Span(0, 0),
        }
    }
}

impl Report {
    /// A report with a title and nothing in it.
    pub fn empty(id: &str, title: &str) -> Report {
        Report {
            id: id.into(),
            title: title.into(),
            region: None,
            level: None,
            parent_region: None,
            kind: None,
            review_year: None,
            plan_year: None,
            source: Source {
                file: format!("{id}.txt"),
                sha256: String::new(),
                encoding: "UTF-8".into(),
                chars: 0,
                publisher: None,
                speaker: None,
                date: None,
                origin: None,
            },
            preamble: Vec::new(),
            sections: Vec::new(),
            tables: Vec::new(),
            removed: Vec::new(),
            warnings: Vec::new(),
            indicators: Vec::new(),
            headlines: Vec::new(),
        }
    }
}

impl Model {
    /// A model of the current schema version holding `reports`.
    pub fn of(reports: Vec<Report>) -> Model {
        Model {
            schema_version: SCHEMA_VERSION.into(),
            generator: crate::builder::generator(),
            reports,
        }
    }
}
