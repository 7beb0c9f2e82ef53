//! Pinyin data for search, built once per index in a compact form, and the
//! matcher of a lower-case ASCII term against a run of Chinese characters.
//!
//! Readings come from the `pinyin` crate's heteronym data (`ToPinyinMulti`):
//! every reading of a polyphonic character (行 xing/hang, 长 chang/zhang,
//! 重 zhong/chong, 调 tiao/diao) is tried. Each distinct set of readings gets
//! a `u16` id, each distinct char with a reading a `u16` [`Code`] (0 = no
//! reading) that the table maps to its set; an item stores one code per
//! char, two bytes. Matching a keystroke only walks these codes and a
//! first-letter bit mask per char, and a run's codes identify its text
//! without reading the text.

use std::collections::HashMap;

use pinyin::ToPinyinMulti;

/// A char as the pinyin matcher sees it: its number among the distinct
/// chars with a reading (0: no reading). Chars have equal codes only when
/// they are the same char.
pub type Code = u16;

/// How a run of characters spelled a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunMatch {
    /// Char index of the first matched char.
    pub start: usize,
    /// Char index one past the last matched char.
    pub end: usize,
    /// Every char was spelled by a full syllable (else some by an initial,
    /// or the last by the start of its syllable).
    pub full: bool,
    /// Every char was read by its primary (most common) reading.
    pub primary: bool,
}

/// The readings of every char seen while building, by set id.
#[derive(Debug, Default)]
pub struct PinyinTable {
    /// Plain readings, ASCII (ü written v).
    pub(super) syllables: Vec<Box<[u8]>>,
    /// Set id → syllable ids. Set 0 is empty (no reading).
    pub(super) sets: Vec<Box<[u16]>>,
    /// Set id → bit `x - 'a'` for the first letter `x` of each reading.
    masks: Vec<u32>,
    /// Set id → bit for the second letter of each reading (a run can go on
    /// inside the first char's syllable only with one of these next).
    seconds: Vec<u32>,
    /// Set id → how its readings begin runs (for the start filters).
    pub(super) heads: Vec<super::starts::Heads>,
    /// Code → the set id of the char's readings (code 0: set 0).
    pub(super) char_sets: Vec<u16>,
    /// Code → `masks` of its set (filled by `finish`).
    char_masks: Vec<u32>,
    /// Code → `seconds` of its set (filled by `finish`).
    char_seconds: Vec<u32>,
}

/// Builds a [`PinyinTable`], caching each char's set.
#[derive(Debug, Default)]
pub struct PinyinBuilder {
    table: PinyinTable,
    /// Code of chars `FIRST_HAN..COMMON_END` (`UNSEEN` until looked up).
    common: Vec<Code>,
    /// Code of other chars (CJK extensions beyond the BMP).
    by_char: HashMap<char, Code>,
    syllable_ids: HashMap<Vec<u8>, u16>,
    set_ids: HashMap<Vec<u16>, u16>,
}

/// Lowest char with a reading (CJK Unified Ideographs Extension A starts at U+3400; 〇 is U+3007).
const FIRST_HAN: char = '\u{3007}';
/// End of the chars cached in a flat table (the CJK Unified Ideographs block ends at U+9FFF).
const COMMON_END: char = '\u{A000}';
/// Marks a char not looked up yet.
const UNSEEN: Code = Code::MAX;

impl PinyinBuilder {
    pub fn new() -> PinyinBuilder {
        let mut b = PinyinBuilder {
            common: vec![UNSEEN; COMMON_END as usize - FIRST_HAN as usize],
            ..PinyinBuilder::default()
        };
        b.table.sets.push(Box::new([]));
        b.table.char_sets.push(0);
        b.table.masks.push(0);
        b.table.seconds.push(0);
        b
    }

    /// One code per char of `text`; empty when no char has a reading.
    #[cfg(test)]
    pub fn encode(&mut self, text: &str) -> Box<[Code]> {
        let mut v = Vec::new();
        self.encode_into(text, &mut v);
        v.into_boxed_slice()
    }

    /// Append one code per char of `text` to `out`, or nothing when no char
    /// has a reading. Returns the number of chars.
    pub fn encode_into(&mut self, text: &str, out: &mut Vec<Code>) -> usize {
        let start = out.len();
        let mut any = false;
        for c in text.chars() {
            let code = self.code_of(c);
            any |= code != 0;
            out.push(code);
        }
        let n = out.len() - start;
        if !any {
            out.truncate(start);
        }
        n
    }

    fn code_of(&mut self, c: char) -> Code {
        if c < FIRST_HAN {
            return 0;
        }
        let slot = (c as usize).wrapping_sub(FIRST_HAN as usize);
        if let Some(&code) = self.common.get(slot) {
            if code != UNSEEN {
                return code;
            }
        } else if let Some(&code) = self.by_char.get(&c) {
            return code;
        }
        let set = self.new_set(c);
        // more distinct chars than any text has: the rest have no pinyin
        let code = match Code::try_from(self.table.char_sets.len()) {
            Ok(code) if set != 0 && code != UNSEEN => {
                self.table.char_sets.push(set);
                code
            }
            _ => 0,
        };
        match self.common.get_mut(slot) {
            Some(s) => *s = code,
            None => {
                self.by_char.insert(c, code);
            }
        }
        code
    }

    fn new_set(&mut self, c: char) -> u16 {
        let Some(multi) = c.to_pinyin_multi() else {
            return 0;
        };
        let mut syls: Vec<u16> = Vec::new();
        for p in multi {
            let plain = p.plain().replace('ü', "v");
            let mut spellings = vec![plain.clone()];
            if plain.contains('v') {
                spellings.push(plain.replace('v', "u"));
            }
            for s in spellings {
                if s.is_empty() || !s.bytes().all(|b| b.is_ascii_lowercase()) {
                    continue;
                }
                let id = self.syllable(s.into_bytes());
                if !syls.contains(&id) {
                    syls.push(id);
                }
            }
        }
        if syls.is_empty() {
            return 0;
        }
        if let Some(&id) = self.set_ids.get(&syls) {
            return id;
        }
        let Some(id) = u16::try_from(self.table.sets.len())
            .ok()
            .filter(|&i| i != u16::MAX)
        else {
            return 0; // more distinct reading sets than any text has: no pinyin
        };
        let mask = syls
            .iter()
            .map(|&s| 1u32 << (self.table.syllables[usize::from(s)][0] - b'a'))
            .fold(0, |a, b| a | b);
        let seconds = syls
            .iter()
            .filter_map(|&s| self.table.syllables[usize::from(s)].get(1))
            .map(|&b| letter_bit(b))
            .fold(0, |a, b| a | b);
        self.table.sets.push(syls.clone().into_boxed_slice());
        self.table.masks.push(mask);
        self.table.seconds.push(seconds);
        self.set_ids.insert(syls, id);
        id
    }

    fn syllable(&mut self, s: Vec<u8>) -> u16 {
        if let Some(&id) = self.syllable_ids.get(&s) {
            return id;
        }
        let id = self.table.syllables.len() as u16;
        self.table.syllables.push(s.clone().into_boxed_slice());
        self.syllable_ids.insert(s, id);
        id
    }

    pub fn finish(self) -> PinyinTable {
        let mut table = self.table;
        table.heads = super::starts::heads(&table);
        let of_set = |v: &[u32], s: &u16| v.get(usize::from(*s)).copied().unwrap_or(0);
        table.char_masks = table
            .char_sets
            .iter()
            .map(|s| of_set(&table.masks, s))
            .collect();
        table.char_seconds = (table.char_sets.iter())
            .map(|s| of_set(&table.seconds, s))
            .collect();
        table
    }
}

/// Bit of the first letter of a term (0 when it is not a letter).
#[inline]
pub fn letter_bit(b: u8) -> u32 {
    if b.is_ascii_lowercase() {
        1 << (b - b'a')
    } else {
        0
    }
}

/// Upper bound on the matcher's steps for one start position (polyphony
/// branches are few; this only guards against pathological terms).
const BUDGET: u32 = 4096;

impl PinyinTable {
    /// Bits `x - 'a'` of the first letters of set `s`'s readings.
    pub fn first_letters(&self, s: usize) -> u32 {
        self.masks.get(s).copied().unwrap_or(0)
    }

    /// The reading-set id of a char's code.
    #[inline]
    pub fn set_of(&self, code: Code) -> usize {
        self.char_sets
            .get(usize::from(code))
            .map_or(0, |&s| usize::from(s))
    }

    /// First-letter bits of a char's readings (by its code).
    #[inline]
    fn char_mask(&self, code: Code) -> u32 {
        self.char_masks.get(usize::from(code)).copied().unwrap_or(0)
    }

    /// Union of first-letter bits over an item's chars.
    pub fn item_mask(&self, py: &[Code]) -> u32 {
        py.iter().fold(0, |m, &c| m | self.char_mask(c))
    }

    /// Can `term` be spelled by full syllables at all? (If not, no run can
    /// be better than initials, and the search for one stops sooner.)
    pub fn segmentable(&self, term: &[u8]) -> bool {
        let mut ok = vec![false; term.len() + 1];
        ok[0] = true;
        for k in 0..term.len() {
            if !ok[k] {
                continue;
            }
            for syl in &self.syllables {
                if term[k..].starts_with(syl) {
                    ok[k + syl.len()] = true;
                }
            }
        }
        ok[term.len()]
    }

    /// Find a run of chars of an item (its set ids `py`) whose readings spell
    /// `term` (lower-case ASCII letters): each char by its full syllable or by
    /// its initial letter, the last possibly by the start of its syllable.
    /// Preferred, in order: full syllables only, then every char read by its
    /// primary (most common) reading, then the first run in the text.
    /// `segmentable` is `self.segmentable(term)` (computed once per query).
    #[cfg(test)]
    pub fn find(
        &self,
        py: &[Code],
        term: &[u8],
        anchors: (bool, bool),
        segmentable: bool,
    ) -> Option<RunMatch> {
        self.find_from(py, term, anchors, segmentable, 0)
    }

    /// [`PinyinTable::find`], trying only runs that start at char `from` or
    /// later (the caller knows no earlier run exists; the result is the same).
    pub fn find_from(
        &self,
        py: &[Code],
        term: &[u8],
        anchors: (bool, bool),
        segmentable: bool,
        from: usize,
    ) -> Option<RunMatch> {
        let (prefix, suffix) = anchors;
        let first = *term.first()?;
        let bit = letter_bit(first);
        if bit == 0 {
            return None;
        }
        let spell = Spell {
            t: term,
            suffix,
            target: How {
                full: segmentable,
                primary: true,
            },
        };
        let last_start = if prefix { 1.min(py.len()) } else { py.len() };
        let bit2 = term.get(1).map_or(0, |&b| letter_bit(b));
        let mut best: Option<RunMatch> = None;
        for (start, &c) in py[..last_start].iter().enumerate().skip(from) {
            if self.char_mask(c) & bit == 0 {
                continue;
            }
            // the second letter must go on in this syllable or start the next char's
            if bit2 != 0
                && self.char_seconds.get(usize::from(c)).copied().unwrap_or(0) & bit2 == 0
                && py
                    .get(start + 1)
                    .is_none_or(|&n| self.char_mask(n) & bit2 == 0)
            {
                continue;
            }
            let mut budget = BUDGET;
            let how = How {
                full: true,
                primary: true,
            };
            if let Some((end, how)) = self.go(py, start, &spell, 0, how, &mut budget) {
                let m = RunMatch {
                    start,
                    end,
                    full: how.full,
                    primary: how.primary,
                };
                if best.is_none_or(|b| m.rank() > b.rank()) {
                    best = Some(m);
                }
                if how >= spell.target {
                    break;
                }
            }
        }
        best
    }

    /// Match `term[k..]` from char `i`; returns the run's end and how it was
    /// spelled (the best way found).
    fn go(
        &self,
        py: &[Code],
        i: usize,
        sp: &Spell<'_>,
        k: usize,
        how: How,
        budget: &mut u32,
    ) -> Option<(usize, How)> {
        let t = sp.t;
        if k == t.len() {
            return (!sp.suffix || i == py.len()).then_some((i, how));
        }
        if *budget == 0 {
            return None;
        }
        *budget -= 1;
        let set = self.set_of(*py.get(i)?);
        if set == 0 {
            return None;
        }
        let rest = &t[k..];
        let mut found: Option<(usize, How)> = None;
        for (n, &y) in self.sets[set].iter().enumerate() {
            let syl = &self.syllables[usize::from(y)];
            if syl[0] != rest[0] {
                continue;
            }
            let here = How {
                full: how.full,
                primary: how.primary && n == 0,
            };
            if rest.starts_with(syl) {
                if let Some(r) = self.go(py, i + 1, sp, k + syl.len(), here, budget) {
                    if keep(&mut found, r, sp.target) {
                        break;
                    }
                }
            } else if rest.len() < syl.len() && syl.starts_with(rest) {
                // the term ends inside this syllable
                if !sp.suffix || i + 1 == py.len() {
                    let r = (
                        i + 1,
                        How {
                            full: false,
                            ..here
                        },
                    );
                    if keep(&mut found, r, sp.target) {
                        break;
                    }
                }
            }
            if syl.len() > 1 {
                let init = How {
                    full: false,
                    ..here
                };
                if found.is_none_or(|f| init > f.1) {
                    if let Some(r) = self.go(py, i + 1, sp, k + 1, init, budget) {
                        if keep(&mut found, r, sp.target) {
                            break;
                        }
                    }
                }
            }
        }
        found
    }
}

/// What `go` looks for.
struct Spell<'a> {
    t: &'a [u8],
    suffix: bool,
    /// The best spelling possible for this term: stop when found.
    target: How,
}

/// Keep `r` if it is better than `found`; true when it cannot be bettered.
fn keep(found: &mut Option<(usize, How)>, r: (usize, How), target: How) -> bool {
    if found.is_none_or(|f| r.1 > f.1) {
        *found = Some(r);
    }
    r.1 >= target
}

/// How a run was spelled so far; orders worse < better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct How {
    full: bool,
    primary: bool,
}

impl RunMatch {
    fn rank(&self) -> How {
        How {
            full: self.full,
            primary: self.primary,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, term: &str) -> Option<RunMatch> {
        let mut b = PinyinBuilder::new();
        let py = b.encode(text);
        let t = b.finish();
        t.find(
            &py,
            term.as_bytes(),
            (false, false),
            t.segmentable(term.as_bytes()),
        )
    }

    #[test]
    fn full_syllables_and_initials() {
        let m = find("全年地区生产总值达到", "shengchanzongzhi").unwrap();
        assert_eq!((m.start, m.end, m.full), (4, 8, true));
        let m = find("全年地区生产总值达到", "sczz").unwrap();
        assert_eq!((m.start, m.end, m.full), (4, 8, false));
        let m = find("港口集装箱吞吐量", "jzx").unwrap();
        assert_eq!((m.start, m.end), (2, 5));
        assert!(find("港口集装箱吞吐量", "jzxq").is_none());
    }

    #[test]
    fn every_reading_of_polyphonic_chars_is_tried() {
        assert!(find("阿拉伯银行", "yinhang").unwrap().full);
        assert!(find("步行街", "buxing").unwrap().full);
        assert!(find("上海千古情景区重新开放", "chongxin").unwrap().full);
        assert!(find("重点项目", "zhongdian").unwrap().full);
        assert!(find("增长", "zengzhang").unwrap().full);
        assert!(find("长江", "changjiang").unwrap().full);
        assert!(find("调整", "tiaozheng").unwrap().full);
        assert!(find("调查", "diaocha").unwrap().full);
    }

    #[test]
    fn primary_readings_are_preferred() {
        // 强 is qiang, rarely jiang; 集 装 箱 are ji zhuang xiang
        let m = find("增强中心", "jzx").unwrap();
        assert!(!m.primary);
        let m = find("增强中心集装箱", "jzx").unwrap();
        assert_eq!((m.start, m.primary), (4, true));
        let m = find("银行", "yinhang").unwrap();
        assert!(m.full && !m.primary, "行 is xing first");
    }

    #[test]
    fn the_last_syllable_may_be_cut_short_while_typing() {
        // 外 is wai: "wa" is its start
        let m = find("实到外资", "shidaowa").unwrap();
        assert_eq!((m.start, m.end, m.full), (0, 3, false));
        let m = find("实到外资", "shidaowaiz").unwrap();
        assert_eq!((m.start, m.end, m.full), (0, 4, false));
        assert!(find("实到外资", "shidaowaizi").unwrap().full);
        assert!(find("实到外资", "shidaowaizu").is_none());
    }

    #[test]
    fn runs_are_contiguous_and_anchors_hold() {
        // 生 … 值 are not adjacent here
        assert!(find("生活产品总量值", "sczz").is_none());
        let mut b = PinyinBuilder::new();
        let py = b.encode("生产总值");
        let t = b.finish();
        assert!(t.find(&py, b"sc", (true, false), false).is_some());
        assert!(t.find(&py, b"cz", (true, false), false).is_none());
        assert!(t.find(&py, b"zz", (false, true), false).is_some());
        assert!(t.find(&py, b"sc", (false, true), false).is_none());
    }

    #[test]
    fn segmentable_terms() {
        let mut b = PinyinBuilder::new();
        b.encode("生产总值集装箱");
        let t = b.finish();
        assert!(t.segmentable(b"shengchan"));
        assert!(t.segmentable(b"ji"));
        assert!(!t.segmentable(b"sczz"));
        assert!(!t.segmentable(b"shengc"));
    }

    #[test]
    fn codes_tell_chars_apart_even_with_the_same_readings() {
        let mut b = PinyinBuilder::new();
        let a = b.encode("以一亿以");
        assert_eq!(a[0], a[3]);
        assert_ne!(a[0], a[1]);
        assert_ne!(a[1], a[2]);
        // the same char keeps its code in another text
        assert_eq!(b.encode("一")[0], a[1]);
        // some of these homophones share a reading set: one set, many codes
        let yi = b.encode("一以亿已艺忆义议易意益医依移");
        let t = b.finish();
        let mut shared = 0;
        for (i, &x) in yi.iter().enumerate() {
            for &y in &yi[i + 1..] {
                assert_ne!(x, y);
                shared += usize::from(t.set_of(x) == t.set_of(y));
            }
        }
        assert!(shared > 0);
    }

    #[test]
    fn latin_text_has_no_readings() {
        let mut b = PinyinBuilder::new();
        assert!(b.encode("GDP 4.8%").is_empty());
        assert_eq!(b.encode("G生").len(), 2);
    }
}
