//! Checking a loaded model (unique ids, references resolve, spans inside the
//! source) and summarizing it, for `baogao check`.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

use super::indicator::IndicatorSource;
use super::types::{Block, Model, Report, Section, Span};

/// Every problem found in a model; empty when it is valid.
pub fn validate(model: &Model) -> Vec<String> {
    let mut problems = Vec::new();
    let mut report_ids = HashSet::new();
    for r in &model.reports {
        if !report_ids.insert(r.id.as_str()) {
            problems.push(format!("duplicate report id {}", r.id));
        }
        validate_report(r, &mut problems);
    }
    problems
}

/// Every problem found in one report (its ids unique among themselves,
/// references resolved, spans inside its source).
pub fn validate_one(r: &Report) -> Vec<String> {
    let mut problems = Vec::new();
    validate_report(r, &mut problems);
    problems
}

fn validate_report(r: &Report, problems: &mut Vec<String>) {
    let mut v = Checker {
        report: r,
        ids: HashSet::new(),
        problems,
    };
    let table_ids: HashSet<&str> = r.tables.iter().map(|t| t.id.as_str()).collect();
    let mut sentence_ids: HashSet<&str> = HashSet::new();
    v.blocks("preamble", &r.preamble, &table_ids, &mut sentence_ids);
    let sections = r.all_sections();
    let section_ids: HashSet<&str> = sections.iter().map(|s| s.id.as_str()).collect();
    for s in &sections {
        v.id(&s.id);
        v.span(&s.id, s.heading_span);
        v.span(&s.id, s.span);
        v.blocks(&s.id, &s.blocks, &table_ids, &mut sentence_ids);
        for c in &s.children {
            if c.level <= s.level {
                v.problem(format!(
                    "section {} is not deeper than its parent {}",
                    c.id, s.id
                ));
            }
        }
    }
    for t in &r.tables {
        v.id(&t.id);
        v.span(&t.id, t.span);
        if !t.section.is_empty() && !section_ids.contains(t.section.as_str()) {
            v.problem(format!(
                "table {} refers to missing section {}",
                t.id, t.section
            ));
        }
        if t.cell_spans.len() != t.rows.len() {
            v.problem(format!(
                "table {} has {} rows but {} rows of spans",
                t.id,
                t.rows.len(),
                t.cell_spans.len()
            ));
        }
        for (i, row) in t.rows.iter().enumerate() {
            if row.len() != t.columns.len() {
                v.problem(format!(
                    "table {} row {} has {} cells for {} columns",
                    t.id,
                    i + 1,
                    row.len(),
                    t.columns.len()
                ));
            }
        }
        for s in t.cell_spans.iter().flatten() {
            v.span(&t.id, *s);
        }
    }
    for x in &r.removed {
        v.span("removed piece", x.span);
    }
    for ind in &r.indicators {
        v.id(&ind.id);
        match &ind.source {
            IndicatorSource::Sentence { sentence, span } => {
                if !sentence_ids.contains(sentence.as_str()) {
                    v.problem(format!(
                        "indicator {} refers to missing sentence {sentence}",
                        ind.id
                    ));
                }
                v.span(&ind.id, *span);
            }
            IndicatorSource::Cell { table, row, column } => match r.table(table) {
                Some(t) if *row < t.rows.len() && *column < t.columns.len() => {}
                _ => v.problem(format!(
                    "indicator {} refers to missing cell {table}[{row}][{column}]",
                    ind.id
                )),
            },
        }
    }
}

struct Checker<'a, 'p> {
    report: &'a Report,
    ids: HashSet<&'a str>,
    problems: &'p mut Vec<String>,
}

impl<'a> Checker<'a, '_> {
    fn problem(&mut self, p: String) {
        self.problems.push(format!("{}: {p}", self.report.id));
    }
    fn id(&mut self, id: &'a str) {
        if id.is_empty() {
            self.problem("empty id".into());
        } else if !self.ids.insert(id) {
            self.problem(format!("duplicate id {id}"));
        }
    }
    fn span(&mut self, what: &str, s: Span) {
        let n = self.report.source.chars;
        if s.0 > s.1 || s.1 > n {
            self.problem(format!(
                "{what} span [{}, {}] lies outside the source (0..{n})",
                s.0, s.1
            ));
        }
    }
    fn blocks(
        &mut self,
        owner: &str,
        blocks: &'a [Block],
        table_ids: &HashSet<&str>,
        sentence_ids: &mut HashSet<&'a str>,
    ) {
        for b in blocks {
            match b {
                Block::Paragraph(p) => {
                    self.id(&p.id);
                    self.span(&p.id, p.span);
                    if p.sentences.is_empty() {
                        self.problem(format!("paragraph {} has no sentences", p.id));
                    }
                    for s in &p.sentences {
                        self.id(&s.id);
                        self.span(&s.id, s.span);
                        if s.span.0 < p.span.0 || s.span.1 > p.span.1 {
                            self.problem(format!("sentence {} lies outside its paragraph", s.id));
                        }
                        sentence_ids.insert(&s.id);
                    }
                }
                Block::Table { table } => {
                    if !table_ids.contains(table.as_str()) {
                        self.problem(format!("{owner} refers to missing table {table}"));
                    }
                }
            }
        }
    }
}

/// A one-screen summary of each report, for `baogao check`.
pub fn summary(model: &Model) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "model schema {} ({}), {} report(s)",
        model.schema_version,
        model.generator,
        model.reports.len()
    );
    for r in &model.reports {
        let _ = writeln!(out, "\n{}  {}", r.id, r.title);
        let _ = writeln!(
            out,
            "  region {}  review {}  plan {}  source {} ({}, {} chars)",
            r.region.as_deref().unwrap_or("?"),
            r.review_year
                .map(|y| y.to_string())
                .unwrap_or_else(|| "?".into()),
            r.plan_year
                .map(|y| y.to_string())
                .unwrap_or_else(|| "?".into()),
            r.source.file,
            r.source.encoding,
            r.source.chars
        );
        let mut levels: BTreeMap<u8, usize> = BTreeMap::new();
        let (mut paras, mut sents) = (0usize, 0usize);
        let mut count_blocks = |blocks: &[Block]| {
            for b in blocks {
                if let Block::Paragraph(p) = b {
                    paras += 1;
                    sents += p.sentences.len();
                }
            }
        };
        count_blocks(&r.preamble);
        for s in r.all_sections() {
            *levels.entry(s.level).or_default() += 1;
            count_blocks(&s.blocks);
        }
        let lv: Vec<String> = levels.iter().map(|(l, n)| format!("L{l}:{n}")).collect();
        let _ = writeln!(
            out,
            "  sections {}  paragraphs {paras}  sentences {sents}",
            lv.join(" ")
        );
        let parts: Vec<String> = r
            .sections
            .iter()
            .map(|s: &Section| format!("{}{}", s.marker, s.children.len()))
            .collect();
        let _ = writeln!(out, "  parts (children) {}", parts.join("  "));
        for t in &r.tables {
            let _ = writeln!(
                out,
                "  table {} {}×{} {} notes {}  {}",
                t.id,
                t.rows.len(),
                t.columns.len(),
                match t.kind {
                    super::types::TableKind::Grid => "grid",
                    super::types::TableKind::Pairs => "pairs",
                },
                t.notes.len(),
                t.caption
            );
        }
        let mut reasons: BTreeMap<&str, usize> = BTreeMap::new();
        for x in &r.removed {
            *reasons.entry(x.reason.as_str()).or_default() += 1;
        }
        let rs: Vec<String> = reasons.iter().map(|(k, v)| format!("{k}:{v}")).collect();
        let _ = writeln!(out, "  removed {}", rs.join(" "));
        let _ = writeln!(out, "  indicators {}", r.indicators.len());
        for w in &r.warnings {
            let _ = writeln!(out, "  warning: {w}");
        }
    }
    out
}

/// What a warning is about, for counting: the text before its first `: `,
/// full-width colon or opening parenthesis, with any word holding a digit (an
/// id, a count) written `#`. So "table x:t3: row 2 has …" counts as "table #".
pub fn warning_kind(w: &str) -> String {
    let end = [": ", "\u{FF1A}", "(", "\u{FF08}"]
        .iter()
        .filter_map(|p| w.find(p))
        .min()
        .unwrap_or(w.len());
    let head = &w[..end];
    let words: Vec<&str> = head
        .split_whitespace()
        .map(|t| {
            if t.chars().any(|c| c.is_ascii_digit()) {
                "#"
            } else {
                t
            }
        })
        .collect();
    let kind: String = words.join(" ").chars().take(60).collect();
    if kind.is_empty() {
        "other".into()
    } else {
        kind
    }
}
