//! Aligning the sentences of two aligned sections: the same text is found
//! by a diff of the two lists of sentences (`similar`, Myers, on whole
//! sentences); inside each stretch that differs, sentences are paired in
//! order by similarity (the pairing with the largest total Dice of
//! character bigrams, each pair at least [`PAIR`]; in a long stretch only
//! pairs within [`BAND`] sentences of its diagonal are compared); a pair is a changed
//! sentence with its word-level runs, the rest are added or dropped.

use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, DiffOp};

use super::tokens::{bigrams, dice};
use super::words::{word_diff, Piece};
use crate::model::Sentence;

/// Least similarity of two sentences to count as one sentence changed.
pub const PAIR: f64 = 0.45;
/// In a stretch of more than BAND × BAND sentence pairs, how far from the
/// diagonal a pair may lie (in sentences).
pub const BAND: usize = 32;

/// A sentence of one report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SentenceRef {
    pub id: String,
    pub text: String,
}

impl SentenceRef {
    fn of(s: &Sentence) -> SentenceRef {
        SentenceRef {
            id: s.id.clone(),
            text: s.text.clone(),
        }
    }
}

/// What happened to a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Changed,
    Added,
    Dropped,
}

/// One sentence that is not the same in both: changed (both sides and the
/// runs), added (B only) or dropped (A only).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceDiff {
    pub change: Change,
    pub a: Option<SentenceRef>,
    pub b: Option<SentenceRef>,
    /// The word-level runs of a changed sentence (empty otherwise).
    pub pieces: Vec<Piece>,
}

/// Sentences counted by what happened to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    pub same: usize,
    pub changed: usize,
    pub added: usize,
    pub dropped: usize,
}

impl Counts {
    pub fn add(&mut self, o: &Counts) {
        self.same += o.same;
        self.changed += o.changed;
        self.added += o.added;
        self.dropped += o.dropped;
    }

    /// Changed, added and dropped together.
    pub fn differing(&self) -> usize {
        self.changed + self.added + self.dropped
    }
}

/// Which sides' left-over sentences to report: both for a matched pair of
/// sections; only B's for a section split off (A's other sentences went to
/// the section it was split from); only A's for a section merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sides {
    Both,
    OnlyAdded,
    OnlyDropped,
}

/// Align `a` with `b` (see the module doc): counts and the sentences that
/// differ, in reading order (a dropped sentence where it stood).
pub fn align_sentences(
    a: &[&Sentence],
    b: &[&Sentence],
    sides: Sides,
) -> (Counts, Vec<SentenceDiff>) {
    let ta: Vec<&str> = a.iter().map(|s| s.text.as_str()).collect();
    let tb: Vec<&str> = b.iter().map(|s| s.text.as_str()).collect();
    let mut counts = Counts::default();
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &ta, &tb) {
        let (ra, rb) = match op {
            DiffOp::Equal { len, .. } => {
                counts.same += len;
                continue;
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => (old_index..old_index + old_len, 0..0),
            DiffOp::Insert {
                new_index, new_len, ..
            } => (0..0, new_index..new_index + new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                old_index..old_index + old_len,
                new_index..new_index + new_len,
            ),
        };
        stretch(&a[ra], &b[rb], sides, &mut counts, &mut out);
    }
    (counts, out)
}

/// Pair the sentences of one differing stretch in order (largest total
/// similarity), and report them.
fn stretch(
    a: &[&Sentence],
    b: &[&Sentence],
    sides: Sides,
    counts: &mut Counts,
    out: &mut Vec<SentenceDiff>,
) {
    let ga: Vec<Vec<u64>> = a.iter().map(|s| bigrams(&s.text)).collect();
    let gb: Vec<Vec<u64>> = b.iter().map(|s| bigrams(&s.text)).collect();
    let (n, m) = (a.len(), b.len());
    // best[i][j]: the best total for a[i..] × b[j..]
    let mut best = vec![vec![0.0f64; m + 1]; n + 1];
    let mut sim = vec![vec![0.0f64; m]; n];
    // a long stretch is paired near its diagonal only: a sentence more than
    // BAND places from where its position would put it is not compared
    let banded = n * m > BAND * BAND;
    for i in (0..n).rev() {
        let centre = i * m / n.max(1);
        for j in (0..m).rev() {
            let near = !banded || centre.abs_diff(j) <= BAND;
            let s = if near { dice(&ga[i], &gb[j]) } else { 0.0 };
            sim[i][j] = s;
            let pair = if s >= PAIR {
                s + best[i + 1][j + 1]
            } else {
                f64::MIN
            };
            best[i][j] = pair.max(best[i + 1][j]).max(best[i][j + 1]);
        }
    }
    let (mut i, mut j) = (0, 0);
    let dropped = |x: &Sentence, counts: &mut Counts, out: &mut Vec<SentenceDiff>| {
        if sides != Sides::OnlyAdded {
            counts.dropped += 1;
            out.push(SentenceDiff {
                change: Change::Dropped,
                a: Some(SentenceRef::of(x)),
                b: None,
                pieces: Vec::new(),
            });
        }
    };
    let added = |y: &Sentence, counts: &mut Counts, out: &mut Vec<SentenceDiff>| {
        if sides != Sides::OnlyDropped {
            counts.added += 1;
            out.push(SentenceDiff {
                change: Change::Added,
                a: None,
                b: Some(SentenceRef::of(y)),
                pieces: Vec::new(),
            });
        }
    };
    while i < n && j < m {
        let s = sim[i][j];
        if s >= PAIR && (best[i][j] - (s + best[i + 1][j + 1])).abs() < 1e-12 {
            counts.changed += 1;
            out.push(SentenceDiff {
                change: Change::Changed,
                a: Some(SentenceRef::of(a[i])),
                b: Some(SentenceRef::of(b[j])),
                pieces: word_diff(&a[i].text, &b[j].text),
            });
            i += 1;
            j += 1;
        } else if (best[i][j] - best[i + 1][j]).abs() < 1e-12 {
            dropped(a[i], counts, out);
            i += 1;
        } else {
            added(b[j], counts, out);
            j += 1;
        }
    }
    for x in &a[i..] {
        dropped(x, counts, out);
    }
    for y in &b[j..] {
        added(y, counts, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn s(id: &str, text: &str) -> Sentence {
        Sentence {
            id: id.into(),
            text: text.into(),
            span: Span(0, 0),
        }
    }

    #[test]
    fn same_changed_added_and_dropped_sentences_in_reading_order() {
        // A: 推进科技创新。加快建设交通强国。稳定粮食生产。
        // B: 推进科技创新。加快建设交通强国和海洋强国。扩大有效投资。
        let a = [
            s(
                "a1",
                "\u{63A8}\u{8FDB}\u{79D1}\u{6280}\u{521B}\u{65B0}\u{3002}",
            ),
            s(
                "a2",
                "\u{52A0}\u{5FEB}\u{5EFA}\u{8BBE}\u{4EA4}\u{901A}\u{5F3A}\u{56FD}\u{3002}",
            ),
            s(
                "a3",
                "\u{7A33}\u{5B9A}\u{7CAE}\u{98DF}\u{751F}\u{4EA7}\u{3002}",
            ),
        ];
        let b = [
            s("b1", "\u{63A8}\u{8FDB}\u{79D1}\u{6280}\u{521B}\u{65B0}\u{3002}"),
            s("b2", "\u{52A0}\u{5FEB}\u{5EFA}\u{8BBE}\u{4EA4}\u{901A}\u{5F3A}\u{56FD}\u{548C}\u{6D77}\u{6D0B}\u{5F3A}\u{56FD}\u{3002}"),
            s("b3", "\u{6269}\u{5927}\u{6709}\u{6548}\u{6295}\u{8D44}\u{3002}"),
        ];
        let ar: Vec<&Sentence> = a.iter().collect();
        let br: Vec<&Sentence> = b.iter().collect();
        let (c, d) = align_sentences(&ar, &br, Sides::Both);
        assert_eq!(
            c,
            Counts {
                same: 1,
                changed: 1,
                added: 1,
                dropped: 1
            }
        );
        assert_eq!(d[0].change, Change::Changed);
        assert_eq!(d[0].a.as_ref().unwrap().id, "a2");
        assert_eq!(d[0].b.as_ref().unwrap().id, "b2");
        assert!(d[0]
            .pieces
            .iter()
            .any(|p| p.op == super::super::words::Op::Insert
                && p.text == "\u{548C}\u{6D77}\u{6D0B}\u{5F3A}\u{56FD}"));
        let rest: Vec<Change> = d[1..].iter().map(|x| x.change).collect();
        assert!(rest.contains(&Change::Added) && rest.contains(&Change::Dropped));
        // one side only: a split-off section reports no dropped sentences
        let (c, _) = align_sentences(&ar, &br, Sides::OnlyAdded);
        assert_eq!(c.dropped, 0);
        assert_eq!(c.added, 1);
    }
}
