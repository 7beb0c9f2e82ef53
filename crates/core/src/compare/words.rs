//! The changes inside one pair of aligned sentences, at the level of
//! words: both texts split into tokens (`tokens`: a Chinese character, a run
//! of letters and digits, a punctuation mark), diffed with `similar`
//! (Myers), and adjacent tokens of one kind joined into runs.

use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, DiffOp};

use super::tokens::tokens;

/// What a run of a changed sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// In both sentences.
    Equal,
    /// Only in the newer sentence (B).
    Insert,
    /// Only in the older sentence (A).
    Delete,
}

/// A run of text of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Piece {
    pub op: Op,
    pub text: String,
}

/// The runs that turn `a` into `b`: equal, deleted and inserted, in reading
/// order (at a replacement the deleted run comes first). Equal and deleted
/// runs concatenated give `a`; equal and inserted runs give `b`.
pub fn word_diff(a: &str, b: &str) -> Vec<Piece> {
    let ta = tokens(a);
    let tb = tokens(b);
    let ops = capture_diff_slices(Algorithm::Myers, &ta, &tb);
    let mut out: Vec<Piece> = Vec::new();
    let mut push = |op: Op, toks: &[&str]| {
        if toks.is_empty() {
            return;
        }
        let text: String = toks.concat();
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(&text),
            _ => out.push(Piece { op, text }),
        }
    };
    for op in ops {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                push(Op::Equal, &ta[old_index..old_index + len]);
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => push(Op::Delete, &ta[old_index..old_index + old_len]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push(Op::Insert, &tb[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(Op::Delete, &ta[old_index..old_index + old_len]);
                push(Op::Insert, &tb[new_index..new_index + new_len]);
            }
        }
    }
    tidy(out)
}

/// A one-token equal run between two changes reads better as part of the
/// change ("[-力争-]{+确保+}" rather than "[-力-]{+确+}争..."): a single equal
/// character squeezed between a delete and an insert run is folded into
/// both, so the runs name whole words more often.
fn tidy(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    let mut i = 0;
    while i < pieces.len() {
        let p = &pieces[i];
        let lone = p.op == Op::Equal
            && p.text.chars().count() == 1
            && i > 0
            && i + 1 < pieces.len()
            && pieces[i - 1].op != Op::Equal
            && pieces[i + 1].op != Op::Equal;
        if lone {
            push_merge(&mut out, Op::Delete, &p.text);
            push_merge(&mut out, Op::Insert, &p.text);
        } else {
            push_merge(&mut out, p.op, &p.text);
        }
        i += 1;
    }
    // keep deletes before inserts inside each changed stretch
    let mut sorted: Vec<Piece> = Vec::with_capacity(out.len());
    let mut stretch: Vec<Piece> = Vec::new();
    for p in out {
        if p.op == Op::Equal {
            flush(&mut stretch, &mut sorted);
            sorted.push(p);
        } else {
            stretch.push(p);
        }
    }
    flush(&mut stretch, &mut sorted);
    sorted
}

fn push_merge(out: &mut Vec<Piece>, op: Op, text: &str) {
    match out.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ => out.push(Piece {
            op,
            text: text.to_string(),
        }),
    }
}

/// A changed stretch as one delete run then one insert run.
fn flush(stretch: &mut Vec<Piece>, out: &mut Vec<Piece>) {
    let mut del = String::new();
    let mut ins = String::new();
    for p in stretch.drain(..) {
        match p.op {
            Op::Delete => del.push_str(&p.text),
            Op::Insert => ins.push_str(&p.text),
            Op::Equal => {}
        }
    }
    if !del.is_empty() {
        out.push(Piece {
            op: Op::Delete,
            text: del,
        });
    }
    if !ins.is_empty() {
        out.push(Piece {
            op: Op::Insert,
            text: ins,
        });
    }
}

/// How alike two sentences are, 0 to 1: twice the tokens they share in
/// order over the tokens of both (1 for the same text).
pub fn ratio(a: &str, b: &str) -> f64 {
    let ta = tokens(a);
    let tb = tokens(b);
    if ta.is_empty() && tb.is_empty() {
        return 1.0;
    }
    let ops = capture_diff_slices(Algorithm::Myers, &ta, &tb);
    let same: usize = ops
        .iter()
        .map(|op| match op {
            DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum();
    2.0 * same as f64 / (ta.len() + tb.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(pieces: &[Piece], keep: Op) -> String {
        pieces
            .iter()
            .filter(|p| p.op == Op::Equal || p.op == keep)
            .map(|p| p.text.as_str())
            .collect()
    }

    #[test]
    fn a_hardened_word_is_one_deleted_and_one_inserted_run() {
        // 力争实现增长5%  →  确保实现增长5.5%
        let a = "\u{529B}\u{4E89}\u{5B9E}\u{73B0}\u{589E}\u{957F}5%";
        let b = "\u{786E}\u{4FDD}\u{5B9E}\u{73B0}\u{589E}\u{957F}5.5%";
        let d = word_diff(a, b);
        assert_eq!(side(&d, Op::Delete), a);
        assert_eq!(side(&d, Op::Insert), b);
        assert_eq!(d[0].op, Op::Delete);
        assert_eq!(d[0].text, "\u{529B}\u{4E89}");
        assert_eq!(d[1].op, Op::Insert);
        assert_eq!(d[1].text, "\u{786E}\u{4FDD}");
        // the number is one token: 5 → 5.5, not an inserted ".5"
        assert!(d.iter().any(|p| p.op == Op::Delete && p.text == "5"));
        assert!(d.iter().any(|p| p.op == Op::Insert && p.text == "5.5"));
    }

    #[test]
    fn the_same_text_is_one_equal_run_and_ratio_one() {
        let a = "\u{63A8}\u{52A8}\u{9AD8}\u{8D28}\u{91CF}\u{53D1}\u{5C55}\u{3002}";
        assert_eq!(
            word_diff(a, a),
            vec![Piece {
                op: Op::Equal,
                text: a.into()
            }]
        );
        assert!((ratio(a, a) - 1.0).abs() < 1e-9);
        assert!(ratio(a, "abc") < 0.01);
        assert!(word_diff("", "").is_empty());
    }

    #[test]
    fn an_insertion_alone_keeps_the_text_around_it_equal() {
        let a = "\u{52A0}\u{5FEB}\u{53D1}\u{5C55}";
        let b = "\u{52A0}\u{5FEB}\u{63A8}\u{52A8}\u{53D1}\u{5C55}";
        let d = word_diff(a, b);
        assert_eq!(d.len(), 3);
        assert_eq!(d[1].op, Op::Insert);
        assert_eq!(d[1].text, "\u{63A8}\u{52A8}");
    }
}
