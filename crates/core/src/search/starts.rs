//! The letters that can begin a pinyin run, as a small filter per item.
//!
//! A term's first letters are spelled inside one char's syllable (集 ji:
//! "ji"), or by one letter of a char (its initial, or a one-letter syllable)
//! and then the next char, or by a two-letter syllable and then the next
//! char. An item keeps a bit for every pair of letters its chars can begin a
//! run with, hashed into 256 bits (and can keep triples too: `THREE_WORDS`,
//! now none, to keep the index small). A term whose first two letters have
//! no bit there cannot be spelled by any run of the item, so the item is
//! skipped before the prefilter walks its chars.
//! While typing, the widest searches are two- and three-letter terms (jz,
//! sc, cho, shi), and most items that do not match them are rejected this way.

use super::pinyin::{Code, PinyinTable};

/// Words of an item's pair filter.
const TWO_WORDS: usize = 4;
/// Words of an item's triple filter: none. Measured on the whole corpus
/// (1,659 reports, 2026-12-02), triples in 256 or 128 bits changed the p95 of
/// a keystroke by about 10% and cost 32 or 16 bytes an item (28 / 14 MB):
/// the pair filter and the prefilter do most of the work.
const THREE_WORDS: usize = 0;

/// One item's filters: letter pairs, then letter triples.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Starts {
    two: [u64; TWO_WORDS],
    three: [u64; THREE_WORDS],
}

impl Starts {
    /// The filter of an item without pinyin.
    pub const NONE: Starts = Starts {
        two: [0; TWO_WORDS],
        three: [0; THREE_WORDS],
    };
}

/// What a term needs of an item's [`Starts`]: the slots of its first two
/// and first three letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Need {
    two: (usize, u64),
    three: Option<(usize, u64)>,
}

/// Word and bit of a hashed letter sequence in a filter of `words` words
/// (a power of two).
fn slot(n: u32, words: usize) -> (usize, u64) {
    // no filter (`THREE_WORDS` is 0): no slot, and no shift by 32 - 64 (a
    // debug-build overflow the structured fuzz target found)
    if words == 0 {
        return (0, 0);
    }
    let bits = (words * 64).trailing_zeros();
    let h = (n.wrapping_mul(0x9E37_79B1) >> (32 - bits)) as usize;
    (h >> 6, 1u64 << (h & 63))
}

fn letter(b: u8) -> u32 {
    u32::from(b.wrapping_sub(b'a'))
}

fn pair(a: u8, b: u8) -> (usize, u64) {
    slot(letter(a) * 26 + letter(b), TWO_WORDS)
}

fn triple(a: u8, b: u8, c: u8) -> (usize, u64) {
    // offset past every pair number, so a triple never shares a pair's hash input
    slot(
        1024 + (letter(a) * 26 + letter(b)) * 26 + letter(c),
        THREE_WORDS,
    )
}

fn has(words: &[u64], s: (usize, u64)) -> bool {
    words.get(s.0).is_some_and(|w| w & s.1 != 0)
}

impl Need {
    /// For a pinyin term (lower-case ASCII letters) of two letters or more.
    pub fn of(term: &[u8]) -> Option<Need> {
        match *term {
            [a, b, c, ..] => Some(Need {
                two: pair(a, b),
                three: Some(triple(a, b, c)),
            }),
            [a, b] => Some(Need {
                two: pair(a, b),
                three: None,
            }),
            _ => None,
        }
    }
}

impl Starts {
    /// Can a run of the item begin with the term's first letters?
    pub fn may_have(&self, need: Need) -> bool {
        has(&self.two, need.two)
            && need
                .three
                .is_none_or(|t| THREE_WORDS == 0 || has(&self.three, t))
    }

    fn add2(&mut self, a: u8, b: u8) {
        let (w, bit) = pair(a, b);
        if let Some(x) = self.two.get_mut(w) {
            *x |= bit;
        }
    }

    fn add3(&mut self, a: u8, b: u8, c: u8) {
        let (w, bit) = triple(a, b, c);
        if let Some(x) = self.three.get_mut(w) {
            *x |= bit;
        }
    }
}

/// Letters `b'a' + k` for the bits `k` of a mask.
fn letters(mut mask: u32) -> impl Iterator<Item = u8> {
    std::iter::from_fn(move || {
        (mask != 0).then(|| {
            let k = mask.trailing_zeros() as u8;
            mask &= mask - 1;
            b'a' + k
        })
    })
}

/// How the readings of one reading set begin runs, computed once per set.
#[derive(Debug, Clone, Default)]
pub struct Heads {
    /// Pairs and triples inside one syllable.
    own: Starts,
    /// First letters of the readings.
    firsts: u32,
    /// First two letters of the readings of two letters or more.
    twos: Box<[(u8, u8)]>,
    /// Readings of exactly two letters (then the next char's first letter).
    duos: Box<[(u8, u8)]>,
}

/// The [`Heads`] of every reading set of a table, by set id.
pub fn heads(table: &PinyinTable) -> Vec<Heads> {
    (0..table.sets.len())
        .map(|s| {
            let mut h = Heads {
                firsts: table.first_letters(s),
                ..Heads::default()
            };
            let (mut twos, mut duos) = (Vec::new(), Vec::new());
            for &y in table.sets[s].iter() {
                let Some(r) = table.syllables.get(usize::from(y)) else {
                    continue;
                };
                if let [a, b, ..] = **r {
                    h.own.add2(a, b);
                    twos.push((a, b));
                    match **r {
                        [_, _, c, ..] => h.own.add3(a, b, c),
                        _ => duos.push((a, b)),
                    }
                }
            }
            for v in [&mut twos, &mut duos] {
                v.sort_unstable();
                v.dedup();
            }
            h.twos = twos.into();
            h.duos = duos.into();
            h
        })
        .collect()
}

impl PinyinTable {
    /// The start filters of an item (its chars' codes `py`).
    pub fn item_starts(&self, py: &[Code]) -> Starts {
        let mut st = Starts::default();
        let none = Heads::default();
        let head = |i: usize| {
            py.get(i)
                .and_then(|&c| self.heads.get(self.set_of(c)))
                .unwrap_or(&none)
        };
        for i in 0..py.len() {
            let (h, next, after) = (head(i), head(i + 1), head(i + 2));
            for (w, o) in st.two.iter_mut().zip(h.own.two) {
                *w |= o;
            }
            for (w, o) in st.three.iter_mut().zip(h.own.three) {
                *w |= o;
            }
            // a two-letter syllable, then the next char
            for &(a, b) in h.duos.iter() {
                letters(next.firsts).for_each(|c| st.add3(a, b, c));
            }
            // one letter of this char, then the next char
            for a in letters(h.firsts) {
                for b in letters(next.firsts) {
                    st.add2(a, b);
                    letters(after.firsts).for_each(|c| st.add3(a, b, c));
                }
                for &(b, c) in next.twos.iter() {
                    st.add3(a, b, c);
                }
            }
        }
        st
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::pinyin::PinyinBuilder;

    fn starts(text: &str) -> Starts {
        let mut b = PinyinBuilder::new();
        let py = b.encode(text);
        b.finish().item_starts(&py)
    }

    fn may(st: &Starts, term: &str) -> bool {
        st.may_have(Need::of(term.as_bytes()).expect("two letters or more"))
    }

    #[test]
    fn every_way_a_run_can_begin_is_kept() {
        let st = starts("港口集装箱吞吐量");
        for term in [
            "ji", "jiz", "jz", "jzx", "jzh", "zh", "zhu", "zx", "xi", "xia", "gk", "gkj", "gang",
            "kj", "kou", "tt", "tu", "tun", "ttl", "tl",
        ] {
            assert!(may(&st, term), "{term}");
        }
    }

    #[test]
    fn most_other_beginnings_are_rejected() {
        let st = starts("港口集装箱吞吐量");
        let mut rejected = 0;
        let mut total = 0;
        for a in b'a'..=b'z' {
            for b in b'a'..=b'z' {
                for term in [vec![a, b], vec![a, b, b'a'], vec![a, b, b'i']] {
                    total += 1;
                    let term = String::from_utf8(term).expect("ascii");
                    rejected += usize::from(!may(&st, &term));
                }
            }
        }
        assert!(rejected * 10 > total * 8, "{rejected} of {total}");
    }

    #[test]
    fn no_pinyin_no_starts() {
        assert_eq!(starts("GDP 4.8%"), Starts::default());
        assert!(Need::of(b"j").is_none());
    }

    #[test]
    fn a_filter_of_no_words_has_no_slot() {
        // found by fuzzing (tests/fuzz-corpus/structured/crash-three-words):
        // a debug build overflowed shifting by 32 - 64
        assert_eq!(slot(u32::MAX, 0), (0, 0));
        assert_eq!(triple(b'z', b'z', b'z'), (0, 0));
    }

    #[test]
    fn slots_spread_over_all_words() {
        let (mut two, mut three) = ([0usize; TWO_WORDS], [0usize; THREE_WORDS]);
        for a in b'a'..=b'z' {
            for b in b'a'..=b'z' {
                two[pair(a, b).0] += 1;
                for c in [b'a', b'n'] {
                    if let Some(n) = three.get_mut(triple(a, b, c).0) {
                        *n += 1;
                    }
                }
            }
        }
        let fair = |words: &[usize], n: usize| words.iter().all(|&k| k * words.len() * 4 > n * 3);
        assert!(fair(&two, 676), "{two:?}");
        assert!(fair(&three, 2 * 676), "{three:?}");
    }
}
