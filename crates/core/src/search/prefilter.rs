//! The pinyin prefilter: a pinyin term compiled, once per keystroke, into a
//! table that tells in one pass over an item's char codes whether any
//! run of its chars can spell the term, and where the first such run ends.
//!
//! `steps[k][set]` holds the term offsets one char of a reading set can
//! reach from offset `k` (by its full syllable, its initial, or the start of
//! its syllable when the term ends there). A pass keeps a bit set of live
//! offsets. Terms of up to 7 letters (what is typed while a search narrows)
//! pack a set's whole row into one `u64`, copied to every char of the set,
//! so each char costs two table loads and a few bit operations with no
//! data-dependent branch.

use super::pinyin::{Code, PinyinTable};

/// Longest term whose rows pack into a `u64` (one byte per offset `k`).
const PACKED_MAX: usize = 7;

/// A pinyin term compiled against a [`PinyinTable`]: never says no when
/// [`PinyinTable::find`] would find a run (it tries the same spellings,
/// ignoring `find`'s step budget and the `$` anchor).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compiled {
    /// Term length in bytes (at most 63).
    len: usize,
    nsets: usize,
    /// `steps[k * nsets + s]`: bit `j` set when one char of set `s` can
    /// spell `term[k..j]` (bit `len`: the term ends in this char).
    steps: Vec<u64>,
    /// For terms of at most [`PACKED_MAX`] letters, `packed[c]` holds byte
    /// `k` = `steps[k * nsets + s]` for the set `s` of the char of code `c`
    /// (empty otherwise).
    packed: Vec<u64>,
    /// Code → set id (for the pass over `steps`).
    char_sets: Vec<u16>,
}

/// `SPREAD[a]`: byte `k` is 0xff when bit `k` of `a` is set.
const SPREAD: [u64; 256] = spread();

const fn spread() -> [u64; 256] {
    let mut t = [0u64; 256];
    let mut a = 0;
    while a < 256 {
        let mut k = 0;
        while k < 8 {
            if a & (1 << k) != 0 {
                t[a] |= 0xff << (8 * k);
            }
            k += 1;
        }
        a += 1;
    }
    t
}

impl PinyinTable {
    /// Compile a term (lower-case ASCII letters) into a [`Compiled`] filter;
    /// `None` when it is too long for one (then every item is searched).
    pub fn compile(&self, term: &[u8]) -> Option<Compiled> {
        let len = term.len();
        if len == 0 || len > 63 {
            return None;
        }
        let nsets = self.sets.len();
        let mut steps = vec![0u64; len * nsets];
        for (s, set) in self.sets.iter().enumerate() {
            for &y in set.iter() {
                let syl = &self.syllables[usize::from(y)];
                for k in 0..len {
                    let rest = &term[k..];
                    if syl.first() != rest.first() {
                        continue;
                    }
                    let mut bits = 0u64;
                    if rest.starts_with(syl) {
                        bits |= 1 << (k + syl.len());
                    } else if rest.len() < syl.len() && syl.starts_with(rest) {
                        bits |= 1 << len;
                    }
                    if syl.len() > 1 {
                        bits |= 1 << (k + 1);
                    }
                    steps[k * nsets + s] |= bits;
                }
            }
        }
        let packed = if len <= PACKED_MAX {
            let by_set: Vec<u64> = (0..nsets)
                .map(|s| {
                    (0..len).fold(0u64, |row, k| {
                        row | ((steps[k * nsets + s] & 0xff) << (8 * k))
                    })
                })
                .collect();
            (self.char_sets.iter())
                .map(|&s| by_set.get(usize::from(s)).copied().unwrap_or(0))
                .collect()
        } else {
            Vec::new()
        };
        Some(Compiled {
            len,
            nsets,
            steps,
            packed,
            char_sets: self.char_sets.clone(),
        })
    }
}

impl Compiled {
    /// Can some run of chars (codes `py`) spell the term? (`prefix`: runs
    /// must start at the first char.)
    #[cfg(test)]
    pub fn may_match(&self, py: &[Code], prefix: bool) -> bool {
        self.first_end(py, prefix).is_some()
    }

    /// Index of the char where the first run that can spell the term ends
    /// (`None`: no run can). Every run starts at or after
    /// `first_end + 1 - term length`, as each char spells at least one letter.
    pub fn first_end(&self, py: &[Code], prefix: bool) -> Option<usize> {
        if self.packed.is_empty() {
            self.first_end_rows(py, prefix)
        } else {
            self.first_end_packed(py, prefix)
        }
    }

    /// The earliest char a run can start at, or `None` when no run can
    /// spell the term (see [`Compiled::first_end`]).
    pub fn first_start(&self, py: &[Code], prefix: bool) -> Option<usize> {
        let end = self.first_end(py, prefix)?;
        Some((end + 1).saturating_sub(self.len))
    }

    /// `first_end` for a short term: live offsets in one byte (bit 0: a run
    /// may start at this char), a set's row in one word.
    fn first_end_packed(&self, py: &[Code], prefix: bool) -> Option<usize> {
        let done = 1u64 << self.len;
        let row = |c: Code| self.packed.get(usize::from(c)).copied().unwrap_or(0);
        let mut i = 0;
        while i < py.len() {
            // nothing under way: skip to the next char that can start a run
            let k = py[i..].iter().position(|&s| row(s) & 0xff != 0)?;
            if prefix && i + k > 0 {
                return None;
            }
            i += k;
            // follow the runs under way until none is
            let mut active = 0u64;
            while let Some(&s) = py.get(i) {
                let live = active | u64::from(!prefix || i == 0);
                // OR together the row's bytes of the live offsets
                let mut x = row(s) & SPREAD[(live & 0xff) as usize];
                x |= x >> 32;
                x |= x >> 16;
                x |= x >> 8;
                active = x & 0xff;
                if active & done != 0 {
                    return Some(i);
                }
                i += 1;
                if active == 0 {
                    break;
                }
            }
        }
        None
    }

    /// `first_end` for any term, a row per live offset.
    fn first_end_rows(&self, py: &[Code], prefix: bool) -> Option<usize> {
        let done = 1u64 << self.len;
        let row0 = self.steps.get(..self.nsets).unwrap_or(&[]);
        let set_of = |c: Code| {
            self.char_sets
                .get(usize::from(c))
                .map_or(0, |&s| usize::from(s))
        };
        let starts = |c: Code| row0.get(set_of(c)).is_some_and(|&r| r != 0);
        // bits k >= 1: `term[..k]` spelled by the chars just read (bit 0, a
        // run starting at the next char, is never carried: steps never set it)
        let mut active = 0u64;
        let mut i = 0;
        while i < py.len() {
            if active == 0 {
                // nothing under way: skip to the next char that can start a run
                if prefix && i > 0 {
                    return None;
                }
                match py[i..].iter().position(|&s| starts(s)) {
                    Some(k) if !prefix || k == 0 => i += k,
                    _ => return None,
                }
            }
            let Some(&s) = py.get(i) else { break };
            let s = set_of(s);
            let mut next = if !prefix || i == 0 {
                row0.get(s).copied().unwrap_or(0)
            } else {
                0
            };
            let mut cur = active;
            while cur != 0 {
                let k = cur.trailing_zeros() as usize;
                next |= self.steps.get(k * self.nsets + s).copied().unwrap_or(0);
                cur &= cur - 1;
            }
            if next & done != 0 {
                return Some(i);
            }
            active = next;
            i += 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::pinyin::PinyinBuilder;

    #[test]
    fn spread_marks_the_bytes_of_set_bits() {
        assert_eq!(SPREAD[0], 0);
        assert_eq!(SPREAD[1], 0xff);
        assert_eq!(SPREAD[0b101], 0x00ff_00ff);
        assert_eq!(SPREAD[0x80], 0xff << 56);
    }

    #[test]
    fn packed_and_row_passes_agree() {
        let texts = [
            "港口集装箱吞吐量",
            "全年地区生产总值达到4.72万亿元，增长5%",
            "阿拉伯银行重新开放，长江调查",
            "一二三四五六七八九十",
            "GDP",
            "",
        ];
        let mut b = PinyinBuilder::new();
        let pys: Vec<Box<[Code]>> = texts.iter().map(|t| b.encode(t)).collect();
        let t = b.finish();
        let mut terms: Vec<String> = Vec::new();
        for a in b'a'..=b'z' {
            for c in [b'a', b'h', b'i', b'n', b'g', b'z', b'x'] {
                terms.push(format!("{}{}", a as char, c as char));
            }
        }
        terms.extend(
            [
                "jzx", "jizh", "sczz", "shengc", "yinha", "chongx", "zengzh", "jzxq", "yi", "ba",
                "si", "gkjzx", "dqsczzd",
            ]
            .map(String::from),
        );
        let mut found = 0;
        for term in &terms {
            let c = t.compile(term.as_bytes()).expect("short term compiles");
            assert!(!c.packed.is_empty(), "{term}");
            for py in &pys {
                for prefix in [false, true] {
                    let packed = c.first_end_packed(py, prefix);
                    assert_eq!(packed, c.first_end_rows(py, prefix), "{term} {prefix}");
                    found += usize::from(packed.is_some());
                }
            }
        }
        assert!(found > 50, "{found}");
        assert!(t
            .compile(b"jizhuangxiang")
            .is_some_and(|c| c.packed.is_empty()));
    }
}
