//! Letter pairs that can begin a pinyin run, as a 256-bit filter per item.
//!
//! A term's first two letters are spelled either inside one char's syllable
//! (集 ji: "ji") or by one letter of a char and the first of the next (集装
//! read by initials: "jz"). An item keeps a bit for every such pair its chars
//! can give, hashed into 256 bits; a term whose first pair has no bit there
//! cannot be spelled by any run of the item, so the item is skipped before
//! the prefilter walks its chars. For two-letter terms (the widest searches
//! while typing) most items that do not match are rejected this way.

use super::pinyin::{set_index, Code, PinyinTable};

/// One item's pair filter.
pub type Pairs = [u64; 4];

/// Word and bit of the pair `a`, `b` (lower-case ASCII letters).
pub fn slot(a: u8, b: u8) -> (usize, u64) {
    let n = u32::from(a.wrapping_sub(b'a')) * 26 + u32::from(b.wrapping_sub(b'a'));
    let h = (n.wrapping_mul(0x9E37_79B1) >> 24) as usize;
    (h >> 6, 1u64 << (h & 63))
}

/// Can the item with filter `p` have a run starting with the pair `s`?
pub fn may_have(p: &Pairs, s: (usize, u64)) -> bool {
    p.get(s.0).is_some_and(|w| w & s.1 != 0)
}

impl PinyinTable {
    /// The pair filter of an item (its chars' codes `py`).
    pub fn item_pairs(&self, py: &[Code]) -> Pairs {
        let mut p: Pairs = [0; 4];
        let mut add = |a: u8, b: u8| {
            let (w, bit) = slot(a, b);
            p[w] |= bit;
        };
        for (i, &c) in py.iter().enumerate() {
            let s = set_index(c);
            let Some(set) = self.sets.get(s) else {
                continue;
            };
            for &y in set.iter() {
                if let Some(&[a, b, ..]) = self.syllables.get(usize::from(y)).map(|x| &x[..]) {
                    add(a, b);
                }
            }
            // one letter of this char, then the first of the next
            let next = py
                .get(i + 1)
                .map_or(0, |&n| self.first_letters(set_index(n)));
            let mut firsts = self.first_letters(s);
            while firsts != 0 && next != 0 {
                let a = firsts.trailing_zeros() as u8;
                let mut rest = next;
                while rest != 0 {
                    add(b'a' + a, b'a' + rest.trailing_zeros() as u8);
                    rest &= rest - 1;
                }
                firsts &= firsts - 1;
            }
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::pinyin::PinyinBuilder;

    fn pairs(text: &str) -> Pairs {
        let mut b = PinyinBuilder::new();
        let py = b.encode(text);
        b.finish().item_pairs(&py)
    }

    #[test]
    fn pairs_inside_syllables_and_across_chars() {
        let p = pairs("集装箱");
        for (a, b) in [("j", "i"), ("z", "h"), ("x", "i"), ("j", "z"), ("z", "x")] {
            assert!(
                may_have(&p, slot(a.as_bytes()[0], b.as_bytes()[0])),
                "{a}{b}"
            );
        }
        // no char is read with an s or c first, so no pair starts with them
        let none = (b'a'..=b'z')
            .filter(|&b| !may_have(&p, slot(b's', b)) && !may_have(&p, slot(b'c', b)))
            .count();
        assert!(none > 20, "{none}");
    }

    #[test]
    fn no_pinyin_no_pairs() {
        assert_eq!(pairs("GDP 4.8%"), [0; 4]);
    }

    #[test]
    fn slots_spread_over_all_words() {
        let mut words = [0usize; 4];
        for a in b'a'..=b'z' {
            for b in b'a'..=b'z' {
                words[slot(a, b).0] += 1;
            }
        }
        assert!(words.iter().all(|&n| n > 100), "{words:?}");
    }
}
