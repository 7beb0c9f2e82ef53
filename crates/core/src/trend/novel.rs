//! The new phrases of a report: runs of 2–8 Chinese characters that recur in
//! it (or stand in a heading) and that no earlier report of its region used
//! (for a national report: no earlier national report).
//!
//! How: the report's candidate runs are counted by a 64-bit hash of their
//! chars ([`Candidates::of`]); each earlier report's runs are then hashed
//! and looked up among the candidates only ([`Candidates::seen_in`]), so an
//! earlier report costs a scan and no set of its own. What remains is
//! ranked (occurrences, a heading, length) and thinned: a phrase that only
//! ever occurs inside a longer kept phrase is dropped, and so is the next
//! window of a run longer than eight characters. A recurring run must be
//! free on both sides (see `Side`): a boundary next to it once, or two
//! different characters.
//!
//! Only Han characters make a phrase: digits, Latin letters and punctuation
//! end a run, so "2024年" or "5%" never are.

use std::collections::{HashMap, HashSet};

use super::count::Piece;
use crate::model::{Level, Report};

/// Shortest and longest phrase, in chars.
pub const MIN_CHARS: usize = 2;
pub const MAX_CHARS: usize = 8;

/// A phrase the report uses first.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NewPhrase {
    pub phrase: String,
    /// Occurrences in the report (headings included).
    pub count: usize,
    /// It stands in a heading.
    pub in_heading: bool,
    /// Where it first occurs: section id ("" for the preamble), sentence id
    /// (`None` for a heading), and that text.
    pub section: String,
    pub sentence: Option<String>,
    pub text: String,
}

/// A Han character (a phrase is made of these only).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3134f}')
}

/// FNV-1a over the chars, then a final mix: the key of a run.
#[inline]
fn step(h: u64, c: char) -> u64 {
    (h ^ u64::from(c as u32)).wrapping_mul(0x0100_0000_01b3)
}

#[inline]
fn finish(h: u64) -> u64 {
    let mut z = h ^ (h >> 31);
    z = z.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z ^ (z >> 29)
}

const SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// Call `f(start, len, key)` for every run of 2–8 Han chars of `chars`.
fn each_run(chars: &[char], mut f: impl FnMut(usize, usize, u64)) {
    let mut i = 0;
    while i < chars.len() {
        if !is_han(chars[i]) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < chars.len() && is_han(chars[end]) {
            end += 1;
        }
        for s in i..end {
            let mut h = step(SEED, chars[s]);
            for (k, &c) in chars[s + 1..end.min(s + MAX_CHARS)].iter().enumerate() {
                h = step(h, c);
                f(s, k + 2, finish(h));
            }
        }
        i = end;
    }
}

/// What stands next to a run's occurrences on one side: a phrase has a
/// boundary there (punctuation, a digit, the text's edge) at least once, or
/// two different characters; a run always followed by the same character
/// (全国统一大市场建 before 设) is a piece of something longer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    One(char),
    Free,
}

impl Side {
    fn of(c: Option<char>) -> Side {
        match c {
            Some(c) if is_han(c) => Side::One(c),
            _ => Side::Free,
        }
    }

    fn and(self, other: Side) -> Side {
        match (self, other) {
            (Side::One(a), Side::One(b)) if a == b => self,
            _ => Side::Free,
        }
    }
}

#[derive(Debug, Clone)]
struct Cand {
    count: usize,
    in_heading: bool,
    left: Side,
    right: Side,
    /// Piece index and char start of the first occurrence, and the length.
    piece: usize,
    start: usize,
    len: usize,
}

/// The candidate phrases of one report.
#[derive(Debug, Clone, Default)]
pub struct Candidates {
    by_key: HashMap<u64, Cand>,
    /// The pieces' texts as chars (to spell the phrases out).
    texts: Vec<Vec<char>>,
    places: Vec<(String, Option<String>)>,
}

impl Candidates {
    /// Every run of 2–8 Han chars of the report's headings and sentences.
    pub fn of(pieces: &[Piece<'_>]) -> Candidates {
        let mut c = Candidates::default();
        for (k, p) in pieces.iter().enumerate() {
            let chars: Vec<char> = p.text.chars().collect();
            let heading = p.sentence.is_none();
            each_run(&chars, |start, len, key| {
                let left = Side::of(start.checked_sub(1).map(|i| chars[i]));
                let right = Side::of(chars.get(start + len).copied());
                let e = c.by_key.entry(key).or_insert(Cand {
                    count: 0,
                    in_heading: false,
                    left,
                    right,
                    piece: k,
                    start,
                    len,
                });
                if e.count > 0 {
                    e.left = e.left.and(left);
                    e.right = e.right.and(right);
                }
                e.count += 1;
                e.in_heading |= heading;
            });
            c.texts.push(chars);
            c.places
                .push((p.section.to_string(), p.sentence.map(str::to_string)));
        }
        // only what recurs with free sides, or stands in a heading, is a candidate
        c.by_key.retain(|_, v| {
            (v.count >= 2 && v.left == Side::Free && v.right == Side::Free) || v.in_heading
        });
        c
    }

    /// The candidates' keys that occur in `texts` (an earlier report).
    pub fn seen_in<S: AsRef<str>>(&self, texts: &[S]) -> HashSet<u64> {
        let mut seen = HashSet::new();
        let mut chars = Vec::new();
        for t in texts {
            chars.clear();
            chars.extend(t.as_ref().chars());
            each_run(&chars, |_, _, key| {
                if self.by_key.contains_key(&key) {
                    seen.insert(key);
                }
            });
        }
        seen
    }

    /// Drop the candidates an earlier report used.
    pub fn forget(&mut self, seen: &HashSet<u64>) {
        self.by_key.retain(|k, _| !seen.contains(k));
    }

    fn spell(&self, c: &Cand) -> String {
        self.texts[c.piece][c.start..c.start + c.len]
            .iter()
            .collect()
    }

    /// The phrases left, best first, at most `top` (0: all).
    pub fn ranked(&self, top: usize) -> Vec<NewPhrase> {
        let mut all: Vec<(&Cand, String)> =
            self.by_key.values().map(|c| (c, self.spell(c))).collect();
        all.sort_by(|(a, pa), (b, pb)| {
            b.count
                .cmp(&a.count)
                .then(b.in_heading.cmp(&a.in_heading))
                .then(b.len.cmp(&a.len))
                .then((a.piece, a.start).cmp(&(b.piece, b.start)))
                .then(pa.cmp(pb))
        });
        let counts: HashMap<&str, usize> = all.iter().map(|(c, p)| (p.as_str(), c.count)).collect();
        // a phrase found only inside a longer candidate says nothing more
        let mut inside: HashSet<String> = HashSet::new();
        for (c, p) in &all {
            let chars: Vec<char> = p.chars().collect();
            for len in MIN_CHARS..chars.len() {
                for s in 0..=chars.len() - len {
                    let sub: String = chars[s..s + len].iter().collect();
                    if counts.get(sub.as_str()) == Some(&c.count) {
                        inside.insert(sub);
                    }
                }
            }
        }
        // the next window of a run longer than MAX_CHARS
        let mut out: Vec<NewPhrase> = Vec::new();
        let mut kept_long: HashMap<String, usize> = HashMap::new();
        for (c, p) in &all {
            if inside.contains(p) {
                continue;
            }
            if c.len == MAX_CHARS {
                let head: String = p.chars().take(MAX_CHARS - 1).collect();
                let tail: String = p.chars().skip(1).collect();
                if kept_long.get(&head) == Some(&c.count) || kept_long.get(&tail) == Some(&c.count)
                {
                    kept_long.insert(tail, c.count);
                    kept_long.insert(head, c.count);
                    continue;
                }
                kept_long.insert(tail, c.count);
                kept_long.insert(head, c.count);
            }
            let (section, sentence) = self.places[c.piece].clone();
            out.push(NewPhrase {
                phrase: p.clone(),
                count: c.count,
                in_heading: c.in_heading,
                section,
                sentence,
                text: self.texts[c.piece].iter().collect(),
            });
            if top > 0 && out.len() == top {
                break;
            }
        }
        out
    }
}

/// The reports a report's new phrases are measured against: earlier plan
/// years of the same region (for a national report: every earlier national
/// report), in model order. Empty when the report has no plan year.
pub fn earlier_reports(stubs: &[Report], i: usize) -> Vec<usize> {
    let Some(r) = stubs.get(i) else {
        return Vec::new();
    };
    let Some(year) = r.plan_year else {
        return Vec::new();
    };
    let national = r.level == Some(Level::National);
    (0..stubs.len())
        .filter(|&k| {
            let o = &stubs[k];
            k != i
                && o.plan_year.is_some_and(|y| y < year)
                && if national {
                    o.level == Some(Level::National)
                } else {
                    o.region.is_some() && o.region == r.region && o.level == r.level
                }
        })
        .collect()
}

/// The new phrases of a report (its headings and sentences: `target`)
/// against the reports `earlier` (each read through `texts_of` as its
/// headings' and sentences' texts, on all cores), best first, at most `top`
/// (0: all).
pub fn new_phrases<E, S, T>(
    target: &[Piece<'_>],
    earlier: &[usize],
    texts_of: T,
    top: usize,
) -> Result<Vec<NewPhrase>, E>
where
    E: Send,
    S: AsRef<str>,
    T: Fn(usize) -> Result<Vec<S>, E> + Sync,
{
    use rayon::prelude::*;
    let mut c = Candidates::of(target);
    let seen = earlier
        .par_iter()
        .map(|&k| texts_of(k).map(|texts| c.seen_in(&texts)))
        .try_reduce(HashSet::new, |mut a, b| {
            a.extend(b);
            Ok(a)
        })?;
    c.forget(&seen);
    Ok(c.ranked(top))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces<'a>(texts: &'a [&'a str]) -> Vec<Piece<'a>> {
        texts
            .iter()
            .map(|t| match t.strip_prefix('#') {
                Some(h) => Piece {
                    section: "s1",
                    sentence: None,
                    text: h,
                },
                None => Piece {
                    section: "s1",
                    sentence: Some("s1:p1.1"),
                    text: t,
                },
            })
            .collect()
    }

    fn phrases(target: &[&str], earlier: &[&[&str]]) -> Vec<(String, usize)> {
        let all: Vec<usize> = (0..earlier.len()).collect();
        let got: Result<_, ()> = new_phrases(
            &pieces(target),
            &all,
            |k| Ok(earlier[k].iter().map(|s| s.to_string()).collect()),
            0,
        );
        got.unwrap()
            .into_iter()
            .map(|p| (p.phrase, p.count))
            .collect()
    }

    #[test]
    fn a_recurring_run_no_earlier_report_used_is_new_and_whole() {
        let got = phrases(
            &[
                "培育低空经济产业。",
                "发展低空经济,推进城市更新。",
                "推进城市更新。",
            ],
            &[&["推进城市更新。"], &["发展制造业。"]],
        );
        // 低空经济 twice, new; its parts (低空, 空经 …) only occur inside it
        assert_eq!(got.first(), Some(&("低空经济".to_string(), 2)));
        assert!(!got.iter().any(|(p, _)| p == "低空" || p == "空经济"));
        // 城市更新 was used before; once-only runs are not candidates
        assert!(!got.iter().any(|(p, _)| p.contains("城市")));
        assert!(!got.iter().any(|(p, _)| p.contains("培育")));
    }

    #[test]
    fn a_heading_makes_a_phrase_a_candidate_and_digits_end_runs() {
        let got = phrases(
            &["#建设数字乡村", "2024年增长5%。", "2024年增长5%。"],
            &[&["建设"]],
        );
        assert!(
            got.iter().any(|(p, n)| p == "建设数字乡村" && *n == 1),
            "{got:?}"
        );
        assert!(got.iter().all(|(p, _)| p.chars().all(is_han)), "{got:?}");
        assert!(got.iter().any(|(p, _)| p == "年增长"), "{got:?}");
    }

    #[test]
    fn a_heading_longer_than_eight_chars_is_one_phrase_not_its_windows() {
        let got = phrases(&["#全面推进美丽中国先行区建设"], &[]);
        let eights: Vec<_> = got.iter().filter(|(p, _)| p.chars().count() == 8).collect();
        assert_eq!(eights.len(), 1, "{got:?}");
        assert_eq!(eights[0].0, "全面推进美丽中国");
    }

    #[test]
    fn a_run_always_next_to_the_same_char_is_a_piece_not_a_phrase() {
        // 统一大市场建 is always followed by 设, 大市场建设 preceded by 一:
        // pieces of the nine-char 全国统一大市场建设, which is too long
        let got = phrases(
            &["加快全国统一大市场建设。", "推进全国统一大市场建设,"],
            &[],
        );
        assert!(got.is_empty(), "{got:?}");
        // with a different neighbour on each side it is one
        let got = phrases(&["加快统一大市场建设。", "推进统一大市场建设,"], &[]);
        assert_eq!(got, vec![("统一大市场建设".to_string(), 2)]);
    }

    #[test]
    fn earlier_reports_are_the_same_region_before_or_every_earlier_national() {
        let m = crate::plan_model();
        // the two bundled reports are of different regions: nothing earlier
        for i in 0..m.reports.len() {
            assert!(earlier_reports(&m.reports, i).is_empty());
        }
    }
}
