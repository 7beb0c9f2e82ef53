//! The builder: raw report text → [`Report`]. The only code that reads raw text.
//!
//! Stages: [`decode`] bytes → text; [`clean`] marks noise, title and metadata
//! as removed; [`stream`] tokenizes what is kept; [`assemble`] builds the
//! outline, paragraphs ([`sentences`]) and tables ([`tables`]); [`meta`] reads
//! region, years and id; finally indicators are extracted.

pub mod assemble;
pub mod batch;
pub mod chrome;
pub mod clean;
pub mod decode;
pub mod head;
pub mod meta;
pub mod outline;
pub mod parents;
pub mod sentences;
pub mod stream;
pub mod tables;

use sha2::{Digest, Sha256};

use crate::model::{Block, Model, Report, Section, SectionKind, Source, Span};

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
    #[error("two reports are given the id {0} (--id)")]
    DuplicateId(String),
}

/// The generator string written into every model.
pub fn generator() -> String {
    format!("baogao {}", env!("CARGO_PKG_VERSION"))
}

/// Build a model from the inputs, in order, in parallel (see [`batch`]).
/// Fails on the first input (in input order) that does not build, or when two
/// inputs are given the same explicit id; a derived id that collides gets a
/// suffix and a warning instead.
pub fn build_model(inputs: &[Input]) -> Result<Built, BuildError> {
    let ids: Vec<Option<String>> = inputs.iter().map(|i| i.id.clone()).collect();
    let load = |i: &Input| {
        Ok(Input {
            file_name: i.file_name.clone(),
            bytes: i.bytes.clone(),
            id: None,
        })
    };
    let batch = batch::build_batch(inputs, &ids, load, || {})?;
    let mut warnings = Vec::new();
    for outcome in batch.outcomes {
        let r = &batch.model.reports[outcome?];
        warnings.extend(r.warnings.iter().map(|w| format!("{}: {w}", r.source.file)));
    }
    Ok(Built {
        model: batch.model,
        warnings,
    })
}

/// Build one report from a file's bytes.
pub fn build_report(bytes: &[u8], file_name: &str, id: Option<&str>) -> Result<Report, BuildError> {
    let sha256 = hex(&Sha256::digest(bytes));
    build_decoded(decode::decode(bytes), sha256, file_name, id)
}

/// [`build_report`] taking the bytes, which are freed (or become the text)
/// as soon as they are decoded: what a corpus build uses.
pub fn build_report_owned(
    bytes: Vec<u8>,
    file_name: &str,
    id: Option<&str>,
) -> Result<Report, BuildError> {
    let sha256 = hex(&Sha256::digest(&bytes));
    build_decoded(decode::decode_owned(bytes), sha256, file_name, id)
}

fn build_decoded(
    decoded: Result<decode::Decoded, String>,
    sha256: String,
    file_name: &str,
    id: Option<&str>,
) -> Result<Report, BuildError> {
    let err = |message: String| BuildError::Input {
        file: file_name.to_string(),
        message,
    };
    let decoded = decoded.map_err(err)?;
    let mut doc = stream::Doc::new(&decoded.text);
    // offsets inside the builder are u32 (half the memory of usize per kept
    // char, docs/RELIABILITY.md)
    if u32::try_from(doc.chars.len()).is_err() {
        return Err(err(format!(
            "{} characters is more than one report can hold ({})",
            doc.chars.len(),
            u32::MAX
        )));
    }
    let meta = clean::clean(&mut doc);
    let title = meta.title.clone().unwrap_or_else(|| file_name.to_string());
    let facts = meta::read(&meta, &title, &decoded.text);
    // The text, the char array and the tokens are each as large as the
    // input or larger: each goes as soon as it is no longer read (peak
    // memory, see docs/RELIABILITY.md).
    let encoding = decoded.encoding;
    drop(decoded);
    let removal_warnings = clean::removal_warnings(&doc.removed, &doc.chars, &title);
    let source_chars = doc.chars.len();
    let mut removed = std::mem::take(&mut doc.removed);
    let rid = match id {
        Some(i) if !i.trim().is_empty() => i.trim().to_string(),
        _ => meta::report_id(
            facts.region.as_deref(),
            facts.plan_year,
            facts.kind,
            file_name,
        ),
    };
    let toks = doc.tokens();
    if toks.is_empty() {
        return Err(err(
            "no report text left after removing page furniture".into()
        ));
    }
    drop(doc);
    let body = assemble::assemble_owned(toks, &rid);
    let mut warnings = body.warnings;
    warnings.extend(removal_warnings);
    let mut preamble = body.preamble;
    let mut sections = body.sections;
    let mut tables = body.tables;
    if sections.is_empty() {
        // No headings: the whole text is one section.
        let span = Span(0, source_chars);
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
    let levels: Vec<u8> = sections
        .iter()
        .flat_map(|s| s.walk())
        .filter(|s| s.kind != SectionKind::Body && s.level > 0)
        .map(|s| s.level)
        .collect();
    if let Some(top) = levels.iter().min().filter(|l| **l > 1) {
        warnings.push(format!(
            "no level-one headings (一、): the outline starts at level {top}"
        ));
    }
    for (missing, what) in [
        (
            meta.title.is_none(),
            "no title line: the file name stands for it",
        ),
        (
            facts.region.is_none(),
            "no region found in the title, dateline or speaker line",
        ),
        (
            facts.plan_year.is_none(),
            "no plan year found in the title, dateline or front matter",
        ),
    ] {
        if missing {
            warnings.push(what.to_string());
        }
    }
    if facts.years_from_text {
        warnings.push("no date or year in the head: the plan year is guessed from the years the text names most".into());
    }
    removed.sort_by_key(|r| r.span);
    let mut report = Report {
        id: rid,
        title,
        region: facts.region,
        level: facts.level,
        parent_region: facts.parent,
        kind: facts.kind,
        review_year: facts.review_year,
        plan_year: facts.plan_year,
        source: Source {
            file: file_name.to_string(),
            sha256,
            encoding: encoding.to_string(),
            chars: source_chars,
            publisher: meta.publisher,
            speaker: meta.speaker,
            date: meta.delivered.or(meta.published),
            origin: meta.origin,
        },
        preamble,
        sections,
        tables,
        removed,
        warnings,
        indicators: Vec::new(),
        headlines: Vec::new(),
    };
    report.indicators = crate::indicators::extract(&report);
    report.headlines = crate::indicators::headline::extract(&report);
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
