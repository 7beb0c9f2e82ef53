//! Matching one query term against one indexed item, and ranking.
//!
//! A term matches an item as an exact (folded) substring, else — for a
//! lower-case ASCII term — as a contiguous run of Chinese characters spelled
//! in pinyin, else (unless the term is exact) as a gapped fuzzy match scored by
//! `SkimMatcherV2`. The class of the match ranks first (pinyin spelled with
//! the primary reading of each char above one needing a rarer reading), then
//! the kind of item, then match quality, then shorter items.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use super::pinyin::{letter_bit, Code, PinyinTable};
use super::query::Term;
use super::starts::Starts;
use super::HitKind;

/// How a term matched, best last (the order ranks hits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// Gapped fuzzy match.
    Fuzzy = 0,
    /// Pinyin with some initials (or a syllable still being typed), reading
    /// some char by a less common reading.
    InitialsRare = 1,
    /// Pinyin with some initials, primary readings.
    Initials = 2,
    /// Pinyin, full syllables, some by a less common reading (行 hang).
    PinyinRare = 3,
    /// Pinyin, full syllables of the primary readings.
    Pinyin = 4,
    /// Exact substring.
    Exact = 5,
}

/// What the matcher needs of an item.
pub struct ItemView<'a> {
    /// The arena holding the item's folded text (equal to its text when
    /// folding changes nothing), at bytes `span`: read only when a term
    /// needs it, so pinyin terms scan only the pinyin arena.
    pub arena: &'a str,
    pub span: (usize, usize),
    /// ASCII chars present in the folded text.
    pub ascii: u64,
    /// Pinyin code per char (empty when none).
    pub py: &'a [Code],
    /// First letters of all readings.
    pub py_mask: u32,
    /// The letters that can begin a pinyin run (see `starts`).
    pub starts: &'a Starts,
}

impl<'a> ItemView<'a> {
    /// The folded text.
    pub fn hay(&self) -> &'a str {
        self.arena.get(self.span.0..self.span.1).unwrap_or("")
    }
}

/// A term's match: its class, a quality (higher is better), and the matched
/// char positions when asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermMatch {
    pub class: Class,
    pub quality: i64,
    /// Char index ranges of the item's text.
    pub chars: Vec<(usize, usize)>,
    /// For a pinyin match, a hash of the matched chars (0 otherwise):
    /// runs seen in many items rank above one-off runs (see `freq_bonus`).
    pub run_key: u64,
}

/// FNV-1a over the codes of a run of chars (never 0): equal runs of text
/// have equal keys, and the text is not read.
fn run_key(run: &[Code]) -> u64 {
    run.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &c| {
        (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3)
    }) | 1
}

/// Quality added to a pinyin match whose run of readings (say 集装箱 for
/// "jzx") is matched in `count` items of this search: a run repeated across
/// the reports is more likely the word meant than a one-off (江之星).
pub fn freq_bonus(count: u32) -> i64 {
    i64::from(count.min(1000)) * 16
}

/// Bit position of the word tier in a score: below the class, above the
/// kind of item.
pub const WORD_SHIFT: u32 = 54;

/// How surely a pinyin run matched in `count` items of this search is a word
/// (0..=3, log2 of the count): a whole-query run that recurs across items
/// (集装箱 for "jzx") ranks above runs seen once or twice, whatever the kind
/// of item.
pub fn word_tier(count: u32) -> i64 {
    i64::from(count.max(1).ilog2().min(3))
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
    literal(item.hay(), t).is_some()
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
        let hay = item.hay();
        let at = if want_pos || t.prefix || t.suffix {
            literal(hay, t)
        } else if hay.contains(t.text.as_str()) {
            // scoring only needs whether it is at the start
            Some(if hay.starts_with(t.text.as_str()) {
                0
            } else {
                1
            })
        } else {
            None
        };
        if let Some(b) = at {
            let (start, len) = if want_pos {
                (crate::text::fold::char_index(hay, b), t.chars.len())
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
                run_key: 0,
            });
        }
    }
    if t.pinyin && !item.py.is_empty() && item.py_mask & letter_bit(t.text.as_bytes()[0]) != 0 {
        let from = match (&t.compiled, t.starts) {
            (Some(_), Some(need)) if !item.starts.may_have(need) => None,
            (Some(c), _) => c.first_start(item.py, t.prefix),
            (None, _) => Some(0),
        };
        if let Some(m) = from.and_then(|from| {
            pinyin.find_from(
                item.py,
                t.text.as_bytes(),
                (t.prefix, t.suffix),
                t.segmentable,
                from,
            )
        }) {
            return Some(TermMatch {
                class: match (m.full, m.primary) {
                    (true, true) => Class::Pinyin,
                    (true, false) => Class::PinyinRare,
                    (false, true) => Class::Initials,
                    (false, false) => Class::InitialsRare,
                },
                quality: if m.start == 0 { START_BONUS } else { 0 },
                chars: if want_pos {
                    vec![(m.start, m.end)]
                } else {
                    Vec::new()
                },
                run_key: run_key(item.py.get(m.start..m.end).unwrap_or(&[])),
            });
        }
    }
    // a one-char term matches fuzzily only where it is a substring
    if t.exact || !ascii_ok || t.chars.len() < 2 || (t.has_non_ascii && !subsequence(item.hay(), t))
    {
        return None;
    }
    let hay = item.hay();
    if want_pos {
        let (score, idx) = fuzzy.fuzzy_indices(hay, &t.text)?;
        Some(TermMatch {
            class: Class::Fuzzy,
            quality: score.max(0),
            chars: idx.into_iter().map(|i| (i, i + 1)).collect(),
            run_key: 0,
        })
    } else {
        let score = fuzzy.fuzzy_match(hay, &t.text)?;
        Some(TermMatch {
            class: Class::Fuzzy,
            quality: score.max(0),
            chars: Vec::new(),
            run_key: 0,
        })
    }
}

/// A cell longer than this (in chars) is prose (the content column of a
/// 片区 | 主要情况 table) and ranks as a sentence.
pub const LONG_CELL: usize = 80;

/// Rank tier of an item: headings and indicators (and captions) above table
/// cells above sentences.
pub fn kind_tier(k: HitKind, chars: usize) -> i64 {
    match k {
        HitKind::Heading | HitKind::Indicator | HitKind::Caption => 2,
        HitKind::Cell if chars <= LONG_CELL => 1,
        HitKind::Cell | HitKind::Sentence => 0,
    }
}

const LOW: i64 = (1 << 24) - 1;

/// Bit position of the quality in a score.
pub const QUALITY_SHIFT: u32 = 24;

/// One number that orders hits: class, then kind, then quality, then shorter
/// (a search adds the word tier, bits 54-55, between class and kind).
pub fn score(class: Class, kind: HitKind, quality: i64, chars: usize) -> i64 {
    let len = i64::try_from(chars).unwrap_or(LOW).min(LOW);
    ((class as i64) << 56)
        | (kind_tier(kind, chars) << 52)
        | (quality.clamp(0, LOW >> 1) << QUALITY_SHIFT)
        | (LOW - len)
}

/// The class a score was made with.
#[cfg(test)]
pub fn class_of(score: i64) -> Class {
    match score >> 56 {
        5 => Class::Exact,
        4 => Class::Pinyin,
        3 => Class::PinyinRare,
        2 => Class::Initials,
        1 => Class::InitialsRare,
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
        let hay = crate::text::fold::fold_owned(text);
        let view = ItemView {
            arena: &hay,
            span: (0, hay.len()),
            ascii: crate::search::query::ascii_mask(&hay),
            py_mask: table.item_mask(&py),
            starts: &table.item_starts(&py),
            py: &py,
        };
        let mut query = Query::parse(q);
        let seg = table.segmentable(query.terms[0].text.as_bytes());
        query.terms[0].segmentable = seg;
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
