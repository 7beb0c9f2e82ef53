//! The builder: raw report text → [`Report`]. The only code that reads raw text.
//!
//! Stages: [`decode`] bytes → text; [`clean`] marks noise, title and metadata
//! as removed; [`stream`] tokenizes what is kept; [`assemble`] builds the
//! outline, paragraphs ([`sentences`]) and tables ([`tables`]); [`meta`] reads
//! region, years and id; finally indicators are extracted.

pub mod assemble;
pub mod chrome;
pub mod clean;
pub mod decode;
pub mod fold;
pub mod meta;
pub mod outline;
pub mod sentences;
pub mod stream;
pub mod tables;

use sha2::{Digest, Sha256};

use crate::model::{Block, Model, Report, Section, SectionKind, Source, Span, SCHEMA_VERSION};

/// One input file.
pub struct Input {
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub id: Option<String>,
}

/// A built model and the warnings worth telling the user.
pub struct Built {
    pub model: Model,
    pub warnings: Vec<String>,
}

/// Why a file could not be built.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("{file}: {message}")]
    Input { file: String, message: String },
    #[error("two reports have the id {0}; give one of them another with --id")]
    DuplicateId(String),
}

/// The generator string written into every model.
pub fn generator() -> String {
    format!("baogao {}", env!("CARGO_PKG_VERSION"))
}

/// Build a model from the inputs, in order.
pub fn build_model(inputs: &[Input]) -> Result<Built, BuildError> {
    let mut reports: Vec<Report> = Vec::new();
    let mut warnings = Vec::new();
    for input in inputs {
        let report = build_report(&input.bytes, &input.file_name, input.id.as_deref())?;
        if reports.iter().any(|r| r.id == report.id) {
            return Err(BuildError::DuplicateId(report.id));
        }
        warnings.extend(
            report
                .warnings
                .iter()
                .map(|w| format!("{}: {w}", input.file_name)),
        );
        reports.push(report);
    }
    Ok(Built {
        model: Model {
            schema_version: SCHEMA_VERSION.to_string(),
            generator: generator(),
            reports,
        },
        warnings,
    })
}

/// Build one report from a file's bytes.
pub fn build_report(bytes: &[u8], file_name: &str, id: Option<&str>) -> Result<Report, BuildError> {
    let err = |message: String| BuildError::Input {
        file: file_name.to_string(),
        message,
    };
    let decoded = decode::decode(bytes).map_err(err)?;
    let mut doc = stream::Doc::new(&decoded.text);
    let meta = clean::clean(&mut doc);
    let title = meta.title.clone().unwrap_or_else(|| file_name.to_string());
    let region = meta::region(&title, &meta.head_lines);
    let (review_year, plan_year) = meta::years(&title, meta.date.as_deref());
    let rid = match id {
        Some(i) if !i.trim().is_empty() => i.trim().to_string(),
        _ => meta::report_id(region.as_deref(), review_year.or(plan_year), file_name),
    };
    let toks = doc.tokens();
    if toks.is_empty() {
        return Err(err(
            "no report text left after removing page furniture".into()
        ));
    }
    let body = assemble::assemble(&toks, &rid);
    let mut warnings = body.warnings;
    warnings.extend(clean::removal_warnings(&doc.removed, &doc.chars, &title));
    let mut preamble = body.preamble;
    let mut sections = body.sections;
    let mut tables = body.tables;
    if sections.is_empty() {
        // No headings: the whole text is one section.
        let span = Span(0, doc.chars.len());
        let sid = format!("{rid}:s1");
        let blocks = rename_blocks(std::mem::take(&mut preamble), &format!("{rid}:pre"), &sid);
        for t in &mut tables {
            t.section = sid.clone();
        }
        sections.push(Section {
            id: sid,
            level: 1,
            kind: SectionKind::Body,
            number: String::new(),
            marker: String::new(),
            heading: title.clone(),
            heading_suffix: String::new(),
            heading_span: Span(0, 0),
            span,
            blocks,
            children: Vec::new(),
        });
        if !warnings
            .iter()
            .any(|w| w.contains("no recognizable headings"))
        {
            warnings.push("no recognizable headings: the whole text is one section".into());
        }
    }
    let mut removed = doc.removed;
    removed.sort_by_key(|r| r.span);
    let mut report = Report {
        id: rid,
        title,
        region,
        review_year,
        plan_year,
        source: Source {
            file: file_name.to_string(),
            sha256: hex(&Sha256::digest(bytes)),
            encoding: decoded.encoding.to_string(),
            chars: doc.chars.len(),
            publisher: meta.publisher,
            date: meta.date,
            origin: meta.origin,
        },
        preamble,
        sections,
        tables,
        removed,
        warnings,
        indicators: Vec::new(),
    };
    report.indicators = crate::indicators::extract(&report);
    Ok(report)
}

/// Move preamble paragraphs into a section, renaming their ids.
fn rename_blocks(blocks: Vec<Block>, from: &str, to: &str) -> Vec<Block> {
    blocks
        .into_iter()
        .map(|b| match b {
            Block::Paragraph(mut p) => {
                p.id = p.id.replacen(from, to, 1);
                for s in &mut p.sentences {
                    s.id = s.id.replacen(from, to, 1);
                }
                Block::Paragraph(p)
            }
            other => other,
        })
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
