//! Matching a few short texts (the rows of a table, for the explorer's row
//! filter) against a query exactly as search matches an item: fzf syntax,
//! exact substring, pinyin (full or initials), fuzzy. Reuses the matcher;
//! builds a small pinyin table for these texts only, no index.

use super::matcher::{excluded, match_term, ItemView};
use super::pinyin::{Code, PinyinBuilder, PinyinTable};
use super::query::{ascii_mask, Query};
use crate::text::fold::fold_owned;

/// For each text, does it match `query` as a search item would (every
/// positive term matches, no `!term` does)? All true for an empty query.
pub fn matching<S: AsRef<str>>(texts: &[S], query: &str) -> Vec<bool> {
    let mut q = Query::parse(query);
    if q.is_empty() {
        return vec![true; texts.len()];
    }
    let folded: Vec<String> = texts.iter().map(|t| fold_owned(t.as_ref())).collect();
    let (codes, table) = encode_all(texts);
    for t in q.terms.iter_mut().filter(|t| t.pinyin) {
        t.segmentable = table.segmentable(t.text.as_bytes());
    }
    let fz = super::fuzzy_matcher();
    folded
        .iter()
        .zip(&codes)
        .map(|(hay, py)| {
            let starts = table.item_starts(py);
            let view = ItemView {
                arena: hay,
                span: (0, hay.len()),
                ascii: ascii_mask(hay),
                py,
                py_mask: table.item_mask(py),
                starts: &starts,
            };
            q.terms.iter().all(|t| {
                if t.negate {
                    !excluded(&view, t)
                } else {
                    match_term(&view, t, &table, &fz, false).is_some()
                }
            })
        })
        .collect()
}

/// A run of chars of a text that spells a pinyin term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spelled {
    /// Char range of the run in the text.
    pub start: usize,
    pub end: usize,
    /// Every char spelled by a full syllable (else some by an initial).
    pub full: bool,
}

/// For each text, the run of its chars whose pinyin spells `term` (lower-case
/// ASCII letters: `xinzhishengchanli`, `xzscl`) as search would find it, the
/// best run first (full syllables over initials, then the first); `None` when
/// the term is not such a spelling or the text has no such run.
pub fn spelled_runs<S: AsRef<str>>(texts: &[S], term: &str) -> Vec<Option<Spelled>> {
    let term = term.as_bytes();
    if term.is_empty() || !term.iter().all(u8::is_ascii_lowercase) {
        return vec![None; texts.len()];
    }
    let (codes, table) = encode_all(texts);
    let segmentable = table.segmentable(term);
    codes
        .iter()
        .map(|py| {
            table
                .find_from(py, term, (false, false), segmentable, 0)
                .map(|m| Spelled {
                    start: m.start,
                    end: m.end,
                    full: m.full,
                })
        })
        .collect()
}

/// Every text's pinyin codes, and the table they index (one builder for all).
fn encode_all<S: AsRef<str>>(texts: &[S]) -> (Vec<Vec<Code>>, PinyinTable) {
    let mut builder = PinyinBuilder::new();
    let codes = texts
        .iter()
        .map(|t| {
            let mut v = Vec::new();
            builder.encode_into(t.as_ref(), &mut v);
            v
        })
        .collect();
    (codes, builder.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_finds_what_the_characters_find() {
        let rows = [
            "1 地区生产总值 16715.2亿元",
            "2 新增就业岗位 6.5万个",
            "3 GDP 5%",
        ];
        assert_eq!(matching(&rows, "yi"), vec![true, false, false]);
        assert_eq!(matching(&rows, "\u{4EBF}"), vec![true, false, false]);
        assert_eq!(matching(&rows, "jiuye"), vec![false, true, false]);
        assert_eq!(matching(&rows, "gdp"), vec![false, false, true]);
        assert_eq!(matching(&rows, "!gdp"), vec![true, true, false]);
        assert_eq!(matching(&rows, ""), vec![true, true, true]);
    }

    #[test]
    fn a_spelling_finds_the_run_of_chars_it_spells() {
        let texts = [
            "\u{52a0}\u{5feb}\u{53d1}\u{5c55}\u{65b0}\u{8d28}\u{751f}\u{4ea7}\u{529b}",
            "GDP 5%",
        ];
        let full = spelled_runs(&texts, "xinzhishengchanli");
        assert_eq!(
            full[0],
            Some(Spelled {
                start: 4,
                end: 9,
                full: true
            })
        );
        assert_eq!(full[1], None);
        let initials = spelled_runs(&texts, "xzscl");
        assert_eq!(
            initials[0],
            Some(Spelled {
                start: 4,
                end: 9,
                full: false
            })
        );
        assert_eq!(spelled_runs(&texts, "XZ"), vec![None, None]);
    }
}
