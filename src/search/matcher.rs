//! Matching one query term against one indexed item, and ranking.
//!
//! A term matches an item as an exact (folded) substring, else — for a
//! lower-case ASCII term — as a contiguous run of Chinese characters spelled
//! in pinyin, else (unless the term is exact) as a gapped fuzzy match scored by
//! `SkimMatcherV2`. The class of the match ranks first, then the kind of item,
//! then match quality, then shorter items.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use super::pinyin::{letter_bit, PinyinTable};
use super::query::Term;
use super::HitKind;

/// How a term matched, best last (the order ranks hits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// Gapped fuzzy match.
    Fuzzy = 0,
    /// Pinyin with some initials (or a syllable still being typed).
    Initials = 1,
    /// Pinyin, full syllables.
    Pinyin = 2,
    /// Exact substring.
    Exact = 3,
}

/// What the matcher needs of an item.
pub struct ItemView<'a> {
    /// Folded text (equal to the text when folding changes nothing).
    pub hay: &'a str,
    /// ASCII chars present in `hay`.
    pub ascii: u128,
    /// Pinyin set id per char (empty when none).
    pub py: &'a [u16],
    /// First letters of all readings.
    pub py_mask: u32,
}

/// A term's match: its class, a quality (higher is better), and the matched
/// char positions when asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermMatch {
    pub class: Class,
    pub quality: i64,
    /// Char index ranges of the item's text.
    pub chars: Vec<(usize, usize)>,
}

/// Bonus for a match at the very start of an item.
const START_BONUS: i64 = 8;

/// Byte offset in `hay` of the term as a substring (anchors honoured).
fn literal(hay: &str, t: &Term) -> Option<usize> {
    match (t.prefix, t.suffix) {
        (true, true) => (hay == t.text).then_some(0),
        (true, false) => hay.starts_with(&t.text).then_some(0),
        (false, true) => hay.ends_with(&t.text).then(|| hay.len() - t.text.len()),
        (false, false) => hay.find(&t.text),
    }
}

/// Is the term excluded by a `!term` (exact substring, anchors honoured)?
pub fn excluded(item: &ItemView<'_>, t: &Term) -> bool {
    if t.ascii_mask & !item.ascii != 0 {
        return false;
    }
    literal(item.hay, t).is_some()
}

/// All chars of `t` occur in `hay` in order.
fn subsequence(hay: &str, t: &Term) -> bool {
    let mut rest = hay;
    for &c in &t.chars {
        match rest.find(c) {
            Some(i) => rest = &rest[i + c.len_utf8()..],
            None => return false,
        }
    }
    true
}

/// Match a positive term against an item.
pub fn match_term(
    item: &ItemView<'_>,
    t: &Term,
    pinyin: &PinyinTable,
    fuzzy: &SkimMatcherV2,
    want_pos: bool,
) -> Option<TermMatch> {
    let ascii_ok = t.ascii_mask & !item.ascii == 0;
    if ascii_ok {
        if let Some(b) = literal(item.hay, t) {
            let (start, len) = if want_pos {
                (super::fold::char_index(item.hay, b), t.chars.len())
            } else {
                (0, 0)
            };
            return Some(TermMatch {
                class: Class::Exact,
                quality: if b == 0 { START_BONUS } else { 0 },
                chars: if want_pos {
                    vec![(start, start + len)]
                } else {
                    Vec::new()
                },
            });
        }
    }
    if t.pinyin && !item.py.is_empty() && item.py_mask & letter_bit(t.text.as_bytes()[0]) != 0 {
        if let Some(m) = pinyin.find(item.py, t.text.as_bytes(), t.prefix, t.suffix) {
            return Some(TermMatch {
                class: if m.full {
                    Class::Pinyin
                } else {
                    Class::Initials
                },
                quality: if m.start == 0 { START_BONUS } else { 0 },
                chars: vec![(m.start, m.end)],
            });
        }
    }
    if t.exact || !ascii_ok || (t.has_non_ascii && !subsequence(item.hay, t)) {
        return None;
    }
    if want_pos {
        let (score, idx) = fuzzy.fuzzy_indices(item.hay, &t.text)?;
        Some(TermMatch {
            class: Class::Fuzzy,
            quality: score.max(0),
            chars: idx.into_iter().map(|i| (i, i + 1)).collect(),
        })
    } else {
        let score = fuzzy.fuzzy_match(item.hay, &t.text)?;
        Some(TermMatch {
            class: Class::Fuzzy,
            quality: score.max(0),
            chars: Vec::new(),
        })
    }
}

/// Rank tier of an item kind: headings and indicators (and captions) above
/// table cells above sentences.
pub fn kind_tier(k: HitKind) -> i64 {
    match k {
        HitKind::Heading | HitKind::Indicator | HitKind::Caption => 2,
        HitKind::Cell => 1,
        HitKind::Sentence => 0,
    }
}

const LOW: i64 = (1 << 24) - 1;

/// One number that orders hits: class, then kind, then quality, then shorter.
pub fn score(class: Class, kind: HitKind, quality: i64, chars: usize) -> i64 {
    let len = i64::try_from(chars).unwrap_or(LOW).min(LOW);
    ((class as i64) << 56) | (kind_tier(kind) << 52) | (quality.clamp(0, LOW) << 24) | (LOW - len)
}

/// The class a score was made with.
#[cfg(test)]
pub fn class_of(score: i64) -> Class {
    match score >> 56 {
        3 => Class::Exact,
        2 => Class::Pinyin,
        1 => Class::Initials,
        _ => Class::Fuzzy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::pinyin::PinyinBuilder;
    use crate::search::query::Query;

    fn m(text: &str, q: &str) -> Option<TermMatch> {
        let mut b = PinyinBuilder::new();
        let py = b.encode(text);
        let table = b.finish();
        let hay = crate::search::fold::fold_owned(text);
        let view = ItemView {
            hay: &hay,
            ascii: crate::search::query::ascii_mask(&hay),
            py_mask: table.item_mask(&py),
            py: &py,
        };
        let query = Query::parse(q);
        match_term(
            &view,
            &query.terms[0],
            &table,
            &SkimMatcherV2::default().respect_case(),
            true,
        )
    }

    #[test]
    fn classes_in_order() {
        assert_eq!(m("港口集装箱吞吐量", "集装箱").unwrap().class, Class::Exact);
        assert_eq!(
            m("港口集装箱吞吐量", "jizhuangxiang").unwrap().class,
            Class::Pinyin
        );
        assert_eq!(m("港口集装箱吞吐量", "jzx").unwrap().class, Class::Initials);
        let f = m("港口集装箱吞吐量", "港箱").unwrap();
        assert_eq!(f.class, Class::Fuzzy);
        assert_eq!(f.chars, vec![(0, 1), (4, 5)]);
        assert!(m("港口集装箱吞吐量", "'港箱").is_none());
        assert!(m("港口集装箱吞吐量", "箱港").is_none());
    }

    #[test]
    fn folded_literal_positions_are_chars() {
        let t = m("一季度以3.1%的ＧＤＰ速度", "gdp").unwrap();
        assert_eq!(t.class, Class::Exact);
        assert_eq!(t.chars, vec![(9, 12)]);
    }

    #[test]
    fn score_orders_class_then_kind_then_length() {
        let a = score(Class::Exact, HitKind::Sentence, 0, 100);
        let b = score(Class::Pinyin, HitKind::Heading, 0, 5);
        assert!(a > b);
        let c = score(Class::Pinyin, HitKind::Cell, 0, 5);
        assert!(b > c);
        assert!(
            score(Class::Fuzzy, HitKind::Sentence, 0, 10)
                > score(Class::Fuzzy, HitKind::Sentence, 0, 11)
        );
        assert_eq!(class_of(b), Class::Pinyin);
    }
}
