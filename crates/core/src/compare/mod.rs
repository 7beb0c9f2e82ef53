//! Comparing two reports (`baogao diff`, the explorer's Compare view):
//! sections aligned by heading, content and position (`align`), the
//! sentences of aligned sections aligned and diffed at the level of words
//! (`sentences`, `words`, `tokens`), and the headline targets side by side.
//!
//! The result, [`ReportDiff`], is plain serializable data: the CLI prints it
//! as text or JSON (its fields are documented in docs/cli.md), the explorer
//! shows it. Pure: no printing, no terminal; works on two parsed reports.
//! Choosing which reports to compare ([`find_report`], [`previous`]) works
//! on report stubs (metadata only).

pub mod align;
pub mod sentences;
pub mod targets;
pub mod tokens;
pub mod words;

use serde::Serialize;

use crate::model::{Report, ReportKind};
use align::{align, flatten_pair, Link, Node};
use sentences::{align_sentences, Sides};
pub use sentences::{Change, Counts, SentenceDiff, SentenceRef};
pub use targets::{TargetChange, TargetDiff};
pub use words::{Op, Piece};

/// A report, as named in a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportRef {
    pub id: String,
    pub title: String,
    pub region: Option<String>,
    pub year: Option<u16>,
}

impl ReportRef {
    fn of(r: &Report) -> ReportRef {
        ReportRef {
            id: r.id.clone(),
            title: r.title.clone(),
            region: r.region.clone(),
            year: r.plan_year,
        }
    }
}

/// A section (or the preamble: id "", path "", heading "") of one report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionRef {
    pub id: String,
    /// The markers from the top down, as printed: "二、(三)".
    pub path: String,
    pub heading: String,
    pub level: u8,
}

impl SectionRef {
    fn of(n: &Node) -> SectionRef {
        SectionRef {
            id: n.id.to_string(),
            path: n.path.clone(),
            heading: n.heading.to_string(),
            level: n.level,
        }
    }

    /// "二、(三)加快…" ("(preamble)" for the preamble).
    pub fn label(&self) -> String {
        if self.id.is_empty() {
            "(preamble)".to_string()
        } else {
            format!("{}{}", self.path, self.heading)
        }
    }
}

/// What happened to a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionStatus {
    /// In both, the same sentences (maybe renamed or moved).
    Same,
    /// In both, some sentences differ.
    Changed,
    /// Only in B.
    Added,
    /// Only in A.
    Dropped,
    /// Only in B, made mostly of the text of `related` (an A section).
    Split,
    /// Only in A, its text mostly gone into `related` (a B section).
    Merged,
}

impl SectionStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            SectionStatus::Same => "same",
            SectionStatus::Changed => "changed",
            SectionStatus::Added => "added",
            SectionStatus::Dropped => "dropped",
            SectionStatus::Split => "split",
            SectionStatus::Merged => "merged",
        }
    }
}

/// One row of the comparison: a section of A, of B, or a pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionDiff {
    pub status: SectionStatus,
    pub a: Option<SectionRef>,
    pub b: Option<SectionRef>,
    /// The headings of a pair differ.
    pub renamed: bool,
    /// A pair out of order among its siblings, or under another parent.
    pub moved: bool,
    /// The section of the other report a split section came from, or a
    /// merged one went into.
    pub related: Option<SectionRef>,
    /// The alignment score of a pair (0 to 1), 0 otherwise.
    pub score: f64,
    /// The section's own sentences (not its subsections'), counted.
    pub counts: Counts,
    /// The sentences that differ, in reading order.
    pub sentences: Vec<SentenceDiff>,
}

impl SectionDiff {
    /// A row of a section on one side only (`sides`: A's, B's), perhaps
    /// `related` to one on the other (merged into, split from): not renamed,
    /// not moved, no score.
    fn one_sided(
        status: SectionStatus,
        sides: (Option<SectionRef>, Option<SectionRef>),
        related: Option<SectionRef>,
        (counts, sentences): (Counts, Vec<SentenceDiff>),
    ) -> SectionDiff {
        SectionDiff {
            status,
            a: sides.0,
            b: sides.1,
            renamed: false,
            moved: false,
            related,
            score: 0.0,
            counts,
            sentences,
        }
    }

    /// The section as the newer report has it, else as the older.
    pub fn shown(&self) -> Option<&SectionRef> {
        self.b.as_ref().or(self.a.as_ref())
    }
}

/// The comparison of report A (older) with report B (newer).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportDiff {
    pub a: ReportRef,
    pub b: ReportRef,
    /// All sections' sentences counted.
    pub counts: Counts,
    /// Rows in B's reading order; a section only in A after the row of the
    /// section before it.
    pub sections: Vec<SectionDiff>,
    /// The headline targets of the two reports, by metric key.
    pub targets: Vec<TargetDiff>,
}

impl ReportDiff {
    /// How many rows have each status.
    pub fn status_count(&self, s: SectionStatus) -> usize {
        self.sections.iter().filter(|r| r.status == s).count()
    }
}

/// Compare `a` (older) with `b` (newer); both parsed (not stubs).
pub fn compare(a: &Report, b: &Report) -> ReportDiff {
    let (an, bn) = flatten_pair(a, b);
    let al = align(&an, &bn);
    let mut rows_after: Vec<Vec<SectionDiff>> = vec![Vec::new(); bn.len() + 1];
    // A-only rows go after the B row of the nearest earlier matched A node
    let mut anchor = 0; // 0: before everything; k + 1: after B row k
    for (x, link) in al.a.iter().enumerate() {
        match *link {
            Link::Pair(y, _) => anchor = y + 1,
            Link::Part(y) => {
                let n = &an[x];
                rows_after[anchor].push(SectionDiff::one_sided(
                    SectionStatus::Merged,
                    (Some(SectionRef::of(n)), None),
                    Some(SectionRef::of(&bn[y])),
                    align_sentences(&n.own, &bn[y].subtree(&bn), Sides::OnlyDropped),
                ));
            }
            Link::None => {
                let n = &an[x];
                rows_after[anchor].push(SectionDiff::one_sided(
                    SectionStatus::Dropped,
                    (Some(SectionRef::of(n)), None),
                    None,
                    align_sentences(&n.own, &[], Sides::Both),
                ));
            }
        }
    }
    let mut sections = std::mem::take(&mut rows_after[0]);
    for (y, link) in al.b.iter().enumerate() {
        let n = &bn[y];
        let row = match *link {
            Link::Pair(x, score) => {
                let (counts, sentences) = align_sentences(&an[x].own, &n.own, Sides::Both);
                let status = if counts.differing() == 0 {
                    SectionStatus::Same
                } else {
                    SectionStatus::Changed
                };
                SectionDiff {
                    status,
                    a: Some(SectionRef::of(&an[x])),
                    b: Some(SectionRef::of(n)),
                    renamed: an[x].heading != n.heading,
                    moved: al.moved_b[y],
                    related: None,
                    score,
                    counts,
                    sentences,
                }
            }
            Link::Part(x) => SectionDiff::one_sided(
                SectionStatus::Split,
                (None, Some(SectionRef::of(n))),
                Some(SectionRef::of(&an[x])),
                align_sentences(&an[x].subtree(&an), &n.own, Sides::OnlyAdded),
            ),
            Link::None => SectionDiff::one_sided(
                SectionStatus::Added,
                (None, Some(SectionRef::of(n))),
                None,
                align_sentences(&[], &n.own, Sides::Both),
            ),
        };
        sections.push(row);
        sections.append(&mut rows_after[y + 1]);
    }
    let mut counts = Counts::default();
    for s in &sections {
        counts.add(&s.counts);
    }
    ReportDiff {
        a: ReportRef::of(a),
        b: ReportRef::of(b),
        counts,
        sections,
        targets: targets::compare_targets(a, b),
    }
}

/// The report of the same region and kind just before report `i` (the
/// latest earlier plan year; the first in the model on a tie). Works on stubs.
pub fn previous(reports: &[Report], i: usize) -> Option<usize> {
    neighbour(reports, i, true)
}

/// The report of the same region and kind just after report `i`.
pub fn next(reports: &[Report], i: usize) -> Option<usize> {
    neighbour(reports, i, false)
}

fn same_series(r: &Report, o: &Report) -> bool {
    let kind = |k: Option<ReportKind>| k.unwrap_or(ReportKind::Other);
    r.region.is_some() && o.region == r.region && kind(o.kind) == kind(r.kind)
}

fn neighbour(reports: &[Report], i: usize, earlier: bool) -> Option<usize> {
    let r = reports.get(i)?;
    let year = r.plan_year?;
    let mut best: Option<(u16, usize)> = None;
    for (k, o) in reports.iter().enumerate() {
        let Some(y) = o.plan_year else { continue };
        let fits = if earlier { y < year } else { y > year };
        if k == i || !fits || !same_series(r, o) {
            continue;
        }
        let better = best.is_none_or(|(by, _)| if earlier { y > by } else { y < by });
        if better {
            best = Some((y, k));
        }
    }
    best.map(|(_, k)| k)
}

/// Find the report `spec` names: its id; or a region (Chinese, or the
/// pinyin its ids start with) followed by a plan year, with or without a
/// separator ("浙江2024", "zhejiang 2024", "浙江省-2024"). An error (one
/// line) when none or several match. Works on stubs.
pub fn find_report(reports: &[Report], spec: &str) -> Result<usize, String> {
    let spec = spec.trim();
    if let Some(i) = reports.iter().position(|r| r.id == spec) {
        return Ok(i);
    }
    let digits = spec
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let split = spec.len() - digits; // ASCII digits: one byte each
    let (region, year) = spec.split_at(split);
    let region = region.trim_end_matches(['-', ' ', ':', '@']);
    let year: Option<u16> = year.parse().ok().filter(|_| digits == 4);
    let (Some(year), false) = (year, region.is_empty()) else {
        return Err(format!(
            "no report with id {spec:?} (give an id from `baogao outline`, or a region and a year: 浙江2024)"
        ));
    };
    let found: Vec<usize> = (0..reports.len())
        .filter(|&i| {
            let r = &reports[i];
            r.plan_year == Some(year)
                && crate::model::filter::region_names_match(
                    region,
                    r.region.as_deref(),
                    None,
                    &r.id,
                )
        })
        .collect();
    match found.as_slice() {
        [] => Err(format!("no report of {region:?} for {year}")),
        [one] => Ok(*one),
        many => {
            let ids: Vec<&str> = many
                .iter()
                .take(6)
                .map(|&i| reports[i].id.as_str())
                .collect();
            Err(format!(
                "{spec:?} names {} reports ({}{}): give an id",
                many.len(),
                ids.join(", "),
                if many.len() > ids.len() { ", …" } else { "" }
            ))
        }
    }
}

#[cfg(test)]
mod tests;
