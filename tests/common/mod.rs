//! Shared helpers for the integration tests: building the bundled reports
//! and fixtures, and the accounting check (every non-white-space source
//! char is in exactly one heading, sentence, table piece or removed piece);
//! running the binary in [`cli`], a tmux session in [`tmux`]. No tests.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod cli;
pub mod tmux;

use std::path::{Path, PathBuf};

use baogao::builder::{self, Input};
use baogao::model::{Block, Model, Report, Span};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled reports in the order the committed model is built from (by file name).
pub fn bundled_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("data/reports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

pub fn build_files(files: &[PathBuf]) -> Model {
    let inputs: Vec<Input> = files
        .iter()
        .map(|f| Input {
            file_name: f.file_name().unwrap().to_string_lossy().into_owned(),
            bytes: std::fs::read(f).unwrap(),
            id: None,
        })
        .collect();
    builder::build_model(&inputs).unwrap().model
}

pub fn bundled() -> Model {
    build_files(&bundled_files())
}

pub fn fixture(name: &str) -> (Report, Vec<char>) {
    let path = root().join("tests/data").join(name);
    source_and_report(&path)
}

pub fn source_and_report(path: &Path) -> (Report, Vec<char>) {
    let bytes = std::fs::read(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let report = builder::build_report(&bytes, &name, None).unwrap();
    let text = builder::decode::decode(&bytes).unwrap().text;
    (report, text.chars().collect())
}

/// Every piece of text the model keeps or removes, with its span.
/// Pieces of text with their spans.
pub type Pieces = Vec<(Span, String)>;

pub fn pieces(r: &Report) -> (Pieces, Pieces) {
    let mut kept = Vec::new();
    let blocks = |bs: &[Block], kept: &mut Vec<(Span, String)>| {
        for b in bs {
            if let Block::Paragraph(p) = b {
                for s in &p.sentences {
                    kept.push((s.span, s.text.clone()));
                }
            }
        }
    };
    blocks(&r.preamble, &mut kept);
    for s in r.all_sections() {
        if !s.heading_span.is_empty() {
            kept.push((
                s.heading_span,
                format!("{}{}{}", s.marker, s.heading, s.heading_suffix),
            ));
        }
        blocks(&s.blocks, &mut kept);
    }
    for t in &r.tables {
        kept.push((t.caption_span, format!("{}{}", t.label, t.caption)));
        for h in &t.header {
            kept.push((h.span, h.text.clone()));
        }
        for (row, spans) in t.rows.iter().zip(&t.cell_spans) {
            for (c, s) in row.iter().zip(spans) {
                if !s.is_empty() {
                    kept.push((*s, c.clone()));
                }
            }
        }
        for (n, s) in t.notes.iter().zip(&t.note_spans) {
            kept.push((*s, n.clone()));
        }
    }
    let removed = r.removed.iter().map(|x| (x.span, x.text.clone())).collect();
    (kept, removed)
}

fn dense(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{feff}')
        .collect()
}

/// Check that the model accounts for every non-white-space source char, in order.
pub fn account(r: &Report, src: &[char]) -> Result<(), String> {
    let (mut kept, removed) = pieces(r);
    kept.sort_by_key(|p| p.0);
    // 1. Each kept piece's text is its span's source text minus removed pieces inside it.
    let inside = |span: Span| -> String {
        (span.0..span.1)
            .filter(|&i| !removed.iter().any(|(s, _)| s.0 <= i && i < s.1))
            .map(|i| src[i])
            .collect()
    };
    for (span, text) in &kept {
        let want = dense(&inside(*span));
        if dense(text) != want {
            return Err(format!(
                "piece at {span:?}: model has {text:?}, source has {want:?}"
            ));
        }
    }
    for (span, text) in &removed {
        let raw: String = src[span.0..span.1].iter().collect();
        let nested: String = (span.0..span.1)
            .filter(|&i| {
                !removed.iter().any(|(s, _)| {
                    s != span && s.0 >= span.0 && s.1 <= span.1 && s.0 <= i && i < s.1
                })
            })
            .map(|i| src[i])
            .collect();
        if dense(text) != dense(&nested) {
            return Err(format!(
                "removed piece at {span:?}: {text:?} vs source {raw:?}"
            ));
        }
    }
    // 2. Kept pieces do not overlap.
    for w in kept.windows(2) {
        if w[1].0 .0 < w[0].0 .1 {
            return Err(format!(
                "pieces overlap: {:?} {:?} and {:?} {:?}",
                w[0].0, w[0].1, w[1].0, w[1].1
            ));
        }
    }
    // 3. Every non-white-space char is covered.
    for (i, c) in src.iter().enumerate() {
        if c.is_whitespace() || *c == '\u{feff}' {
            continue;
        }
        let covered = kept
            .iter()
            .chain(removed.iter())
            .any(|(s, _)| s.0 <= i && i < s.1);
        if !covered {
            let ctx: String = src[i.saturating_sub(10)..(i + 10).min(src.len())]
                .iter()
                .collect();
            return Err(format!("char {c:?} at {i} is in no piece (…{ctx}…)"));
        }
    }
    Ok(())
}

/// All text a reader sees: headings, sentences, captions, cells, notes.
pub fn visible_texts(r: &Report) -> Vec<String> {
    pieces(r).0.into_iter().map(|p| p.1).collect()
}

/// Full-width forms as real reports print them (the editing tools here turn
/// typed full-width forms into ASCII, so tests write ASCII and call this).
#[allow(dead_code)]
pub fn fw(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '(' => '\u{FF08}',
            ')' => '\u{FF09}',
            ',' => '\u{FF0C}',
            ':' => '\u{FF1A}',
            '!' => '\u{FF01}',
            '%' => '\u{FF05}',
            other => other,
        })
        .collect::<String>()
        // An HTML comment opener stays ASCII.
        .replace("<\u{FF01}--", "<!--")
}
