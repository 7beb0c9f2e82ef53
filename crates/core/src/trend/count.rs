//! Counting an exact phrase in one report: in its headings and sentences
//! (not table cells, not removed pieces), non-overlapping occurrences as
//! `str::matches` counts them, with the sentences that hold it.
//!
//! A report is read either whole ([`hits_in_report`]) or from a pack
//! ([`hits_in_pack`]): there the report's JSON is first searched for the
//! phrase as bytes (a report without it is never parsed) and a report that
//! has it is parsed into [`Body`], the few fields counting needs, not into a
//! whole [`Report`]. Both give the same [`ReportHits`].

use serde::Deserialize;

use crate::model::pack::Packed;
use crate::model::{Block, ModelError, Report};

/// One sentence or heading that holds the phrase.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SentenceHit {
    /// Id of the section it is in ("" for the preamble).
    pub section: String,
    /// Id of the sentence; `None` for the section's heading.
    pub sentence: Option<String>,
    /// The sentence (or heading) text.
    pub text: String,
    /// Occurrences of the phrase in it.
    pub count: usize,
}

/// Where a phrase occurs in one report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportHits {
    /// Occurrences in the whole report.
    pub count: usize,
    /// The sentences and headings that hold it, in reading order.
    pub sentences: Vec<SentenceHit>,
}

/// A piece of a report's text the phrase is counted in.
#[derive(Debug, Clone, Copy)]
pub struct Piece<'a> {
    pub section: &'a str,
    pub sentence: Option<&'a str>,
    pub text: &'a str,
}

/// Count `phrase` in `pieces` (an empty phrase occurs nowhere).
pub fn count_pieces<'a>(phrase: &str, pieces: impl IntoIterator<Item = Piece<'a>>) -> ReportHits {
    let mut hits = ReportHits::default();
    if phrase.is_empty() {
        return hits;
    }
    for p in pieces {
        let n = p.text.matches(phrase).count();
        if n > 0 {
            hits.count += n;
            hits.sentences.push(SentenceHit {
                section: p.section.to_string(),
                sentence: p.sentence.map(str::to_string),
                text: p.text.to_string(),
                count: n,
            });
        }
    }
    hits
}

/// The headings and sentences of a report, in reading order.
pub fn report_pieces(r: &Report) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    for b in &r.preamble {
        if let Block::Paragraph(p) = b {
            out.extend(p.sentences.iter().map(|s| Piece {
                section: "",
                sentence: Some(&s.id),
                text: &s.text,
            }));
        }
    }
    for s in r.all_sections() {
        out.push(Piece {
            section: &s.id,
            sentence: None,
            text: &s.heading,
        });
        for b in &s.blocks {
            if let Block::Paragraph(p) = b {
                out.extend(p.sentences.iter().map(|x| Piece {
                    section: &s.id,
                    sentence: Some(&x.id),
                    text: &x.text,
                }));
            }
        }
    }
    out
}

/// Count `phrase` in a parsed report.
pub fn hits_in_report(r: &Report, phrase: &str) -> ReportHits {
    count_pieces(phrase, report_pieces(r))
}

/// The parts of a report's JSON that counting reads (everything else is
/// skipped by the parser, not built).
#[derive(Debug, Default, Deserialize)]
pub struct Body {
    #[serde(default)]
    preamble: Vec<BodyBlock>,
    #[serde(default)]
    sections: Vec<BodySection>,
}

#[derive(Debug, Default, Deserialize)]
struct BodySection {
    id: String,
    heading: String,
    #[serde(default)]
    blocks: Vec<BodyBlock>,
    #[serde(default)]
    children: Vec<BodySection>,
}

/// A paragraph (a table block has no sentences: empty).
#[derive(Debug, Default, Deserialize)]
struct BodyBlock {
    #[serde(default)]
    sentences: Vec<BodySentence>,
}

#[derive(Debug, Default, Deserialize)]
struct BodySentence {
    id: String,
    text: String,
}

impl Body {
    /// Parse a report's JSON (as a pack stores it).
    pub fn parse(json: &[u8], name: &str) -> Result<Body, ModelError> {
        serde_json::from_slice(json).map_err(|e| ModelError::Parse {
            path: name.to_string(),
            message: e.to_string(),
        })
    }

    /// Headings and sentences in reading order (as [`report_pieces`]).
    pub fn pieces(&self) -> Vec<Piece<'_>> {
        fn section<'a>(s: &'a BodySection, out: &mut Vec<Piece<'a>>) {
            out.push(Piece {
                section: &s.id,
                sentence: None,
                text: &s.heading,
            });
            blocks(&s.id, &s.blocks, out);
            for c in &s.children {
                section(c, out);
            }
        }
        fn blocks<'a>(id: &'a str, bs: &'a [BodyBlock], out: &mut Vec<Piece<'a>>) {
            for b in bs {
                out.extend(b.sentences.iter().map(|x| Piece {
                    section: id,
                    sentence: Some(&x.id),
                    text: &x.text,
                }));
            }
        }
        let mut out = Vec::new();
        blocks("", &self.preamble, &mut out);
        for s in &self.sections {
            section(s, &mut out);
        }
        out
    }
}

/// Would JSON write `phrase` as it is (no char of it escaped)? Then a
/// report whose JSON lacks it as bytes cannot hold it.
fn json_verbatim(phrase: &str) -> bool {
    !phrase.chars().any(|c| c == '"' || c == '\\' || c < ' ')
}

/// A phrase to count in packed reports, with its byte search made once.
#[derive(Debug, Clone)]
pub struct Needle {
    phrase: String,
    /// `None` when the JSON may escape a char of the phrase (then every
    /// report is parsed) or no search could be made.
    finder: Option<regex::bytes::Regex>,
}

impl Needle {
    pub fn new(phrase: &str) -> Needle {
        let finder = if json_verbatim(phrase) {
            // regex's literal search: SIMD memchr/memmem, no UTF-8 check
            regex::bytes::Regex::new(&regex::escape(phrase)).ok()
        } else {
            None
        };
        Needle {
            phrase: phrase.to_string(),
            finder,
        }
    }

    pub fn phrase(&self) -> &str {
        &self.phrase
    }

    /// Can `json` hold the phrase?
    fn may_be_in(&self, json: &[u8]) -> bool {
        self.finder.as_ref().is_none_or(|re| re.is_match(json))
    }
}

/// Count a phrase in report `i` of a pack (see the module doc).
pub fn hits_in_pack<B: AsRef<[u8]>>(
    p: &Packed<B>,
    i: usize,
    needle: &Needle,
) -> Result<ReportHits, ModelError> {
    if needle.phrase.is_empty() {
        return Ok(ReportHits::default());
    }
    let json = p.report_json(i)?;
    if !needle.may_be_in(&json) {
        return Ok(ReportHits::default());
    }
    let body = Body::parse(&json, p.name())?;
    Ok(count_pieces(&needle.phrase, body.pieces()))
}
