//! Where the reports come from: a parsed model or a pack (the CLI and the
//! explorer read packs: a report is parsed only when it holds the phrase),
//! and the whole questions asked of them: a typed phrase's trend (resolved
//! from pinyin first when it is a spelling) and a report's new phrases.

use rayon::prelude::*;

use super::count::{count_pieces, hits_in_pack, report_pieces, Body, Needle, Piece, ReportHits};
use super::novel::{earlier_reports, new_phrases, NewPhrase};
use super::resolve::{is_spelling, Candidate, Tally};
use super::{trend, Trend};
use crate::model::pack::Packed;
use crate::model::{Model, ModelError, Report};

/// Reports to count in.
pub trait Reports: Sync {
    /// Every report's metadata, in model order.
    fn stubs(&self) -> &[Report];
    /// The phrase in report `i`.
    fn hits(&self, i: usize, needle: &Needle) -> Result<ReportHits, ModelError>;
    /// Report `i`'s headings and sentences, in reading order.
    fn pieces(&self, i: usize) -> Result<Vec<OwnedPiece>, ModelError>;
}

/// A heading or sentence, owned (see [`Piece`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnedPiece {
    pub section: String,
    pub sentence: Option<String>,
    pub text: String,
}

impl OwnedPiece {
    fn of(p: &Piece<'_>) -> OwnedPiece {
        OwnedPiece {
            section: p.section.to_string(),
            sentence: p.sentence.map(str::to_string),
            text: p.text.to_string(),
        }
    }

    pub fn as_piece(&self) -> Piece<'_> {
        Piece {
            section: &self.section,
            sentence: self.sentence.as_deref(),
            text: &self.text,
        }
    }
}

impl AsRef<str> for OwnedPiece {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl Reports for [Report] {
    fn stubs(&self) -> &[Report] {
        self
    }
    fn hits(&self, i: usize, needle: &Needle) -> Result<ReportHits, ModelError> {
        Ok(self
            .get(i)
            .map(|r| count_pieces(needle.phrase(), report_pieces(r)))
            .unwrap_or_default())
    }
    fn pieces(&self, i: usize) -> Result<Vec<OwnedPiece>, ModelError> {
        Ok(self
            .get(i)
            .map(|r| report_pieces(r).iter().map(OwnedPiece::of).collect())
            .unwrap_or_default())
    }
}

impl Reports for Model {
    fn stubs(&self) -> &[Report] {
        &self.reports
    }
    fn hits(&self, i: usize, needle: &Needle) -> Result<ReportHits, ModelError> {
        self.reports[..].hits(i, needle)
    }
    fn pieces(&self, i: usize) -> Result<Vec<OwnedPiece>, ModelError> {
        self.reports[..].pieces(i)
    }
}

impl<B: AsRef<[u8]> + Sync> Reports for Packed<B> {
    fn stubs(&self) -> &[Report] {
        Packed::stubs(self)
    }
    fn hits(&self, i: usize, needle: &Needle) -> Result<ReportHits, ModelError> {
        hits_in_pack(self, i, needle)
    }
    fn pieces(&self, i: usize) -> Result<Vec<OwnedPiece>, ModelError> {
        let body = Body::parse(&self.report_json(i)?, self.name())?;
        Ok(body.pieces().iter().map(OwnedPiece::of).collect())
    }
}

/// A pack whose stubs were taken (`Packed::take_stubs`: the explorer keeps
/// them in its model), with those stubs.
pub struct PackWithStubs<'a, B: AsRef<[u8]>> {
    pub stubs: &'a [Report],
    pub pack: &'a Packed<B>,
}

impl<B: AsRef<[u8]> + Sync> Reports for PackWithStubs<'_, B> {
    fn stubs(&self) -> &[Report] {
        self.stubs
    }
    fn hits(&self, i: usize, needle: &Needle) -> Result<ReportHits, ModelError> {
        hits_in_pack(self.pack, i, needle)
    }
    fn pieces(&self, i: usize) -> Result<Vec<OwnedPiece>, ModelError> {
        self.pack.pieces(i)
    }
}

/// How a typed spelling became a phrase.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Resolution {
    /// What was typed.
    pub typed: String,
    /// The phrases it spells in the reports, best first (the first is used).
    pub candidates: Vec<Candidate>,
}

/// A trend and, when the phrase was typed in pinyin, how it was resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub trend: Trend,
    pub resolution: Option<Resolution>,
}

/// Why a trend has no answer.
#[derive(Debug, thiserror::Error)]
pub enum TrendError {
    #[error("an empty phrase")]
    Empty,
    #[error("no phrase of the reports is spelled {0:?} in pinyin")]
    NotSpelled(String),
    #[error(transparent)]
    Model(#[from] ModelError),
}

/// Reports whose texts share one pinyin table while resolving.
const RESOLVE_CHUNK: usize = 24;

/// The phrases `typed` (a pinyin spelling) spells in the chosen reports.
pub fn resolve<R: Reports + ?Sized>(
    src: &R,
    typed: &str,
    keep: impl Fn(&Report) -> bool + Sync,
) -> Result<Vec<Candidate>, ModelError> {
    let chosen: Vec<usize> = (0..src.stubs().len())
        .filter(|&i| keep(&src.stubs()[i]))
        .collect();
    // reports a few at a time: one pinyin table for several reports (a
    // table per report spent more time looking readings up than matching)
    let tally = chosen
        .par_chunks(RESOLVE_CHUNK)
        .map(|chunk| {
            let mut texts = Vec::new();
            for &i in chunk {
                texts.extend(src.pieces(i)?);
            }
            Ok(Tally::of(&texts, typed))
        })
        .try_reduce(Tally::default, |a, b| Ok(a.merge(b)))?;
    Ok(tally.ranked())
}

/// The trend of what was typed over the reports `keep` chooses: counted as
/// it is, or (a lower-case spelling, unless `exact`) as the phrase it spells
/// most often.
pub fn answer<R: Reports + ?Sized>(
    src: &R,
    typed: &str,
    exact: bool,
    keep: impl Fn(&Report) -> bool + Sync,
) -> Result<Answer, TrendError> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(TrendError::Empty);
    }
    let (phrase, resolution) = if !exact && is_spelling(typed) {
        let candidates = resolve(src, typed, &keep)?;
        let Some(best) = candidates.first() else {
            return Err(TrendError::NotSpelled(typed.to_string()));
        };
        let phrase = best.phrase.clone();
        (
            phrase,
            Some(Resolution {
                typed: typed.to_string(),
                candidates,
            }),
        )
    } else {
        (typed.to_string(), None)
    };
    let needle = Needle::new(&phrase);
    let trend = trend(src.stubs(), &phrase, keep, |i| src.hits(i, &needle))?;
    Ok(Answer { trend, resolution })
}

/// Report `i`'s new phrases against [`earlier_reports`], at most `top` (0:
/// all), and those earlier reports.
pub fn new_phrases_of<R: Reports + ?Sized>(
    src: &R,
    i: usize,
    top: usize,
) -> Result<(Vec<NewPhrase>, Vec<usize>), ModelError> {
    let earlier = earlier_reports(src.stubs(), i);
    let target = src.pieces(i)?;
    let pieces: Vec<Piece<'_>> = target.iter().map(OwnedPiece::as_piece).collect();
    let phrases = new_phrases(&pieces, &earlier, |k| src.pieces(k), top)?;
    Ok((phrases, earlier))
}
