//! A phrase typed in pinyin (`xinzhishengchanli`, or initials `xzscl`)
//! becomes the Chinese phrase it spells in the reports, so that the counts
//! can stay exact: each text's best run spelling it (as search finds it,
//! `search::spelled_runs`) is tallied, and the phrase spelled most often
//! wins, full syllables before initials.

use std::collections::HashMap;

/// Is `q` a pinyin spelling rather than a phrase to count as it is?
/// Lower-case ASCII letters only, two or more (`GDP`, `5G`, `PM2.5` and
/// anything Chinese are phrases).
pub fn is_spelling(q: &str) -> bool {
    q.len() >= 2 && q.bytes().all(|b| b.is_ascii_lowercase())
}

/// How often each phrase was spelled, and whether by full syllables.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    counts: HashMap<String, (usize, bool)>,
}

/// A candidate phrase for a spelling.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Candidate {
    pub phrase: String,
    /// Texts (sentences, headings) in which it was the best run.
    pub texts: usize,
    /// Spelled by full syllables (not initials).
    pub full: bool,
}

impl Tally {
    /// Tally the runs of `texts` that spell `term`.
    pub fn of<S: AsRef<str>>(texts: &[S], term: &str) -> Tally {
        let mut t = Tally::default();
        for (text, run) in texts.iter().zip(crate::search::spelled_runs(texts, term)) {
            let Some(run) = run else { continue };
            let phrase: String = text
                .as_ref()
                .chars()
                .skip(run.start)
                .take(run.end - run.start)
                .collect();
            let e = t.counts.entry(phrase).or_insert((0, run.full));
            e.0 += 1;
            e.1 |= run.full;
        }
        t
    }

    /// Add another tally (of other reports).
    pub fn merge(mut self, other: Tally) -> Tally {
        for (p, (n, full)) in other.counts {
            let e = self.counts.entry(p).or_insert((0, full));
            e.0 += n;
            e.1 |= full;
        }
        self
    }

    /// The candidates, best first: spelled by full syllables, then the most
    /// texts, then the shorter, then in code-point order.
    pub fn ranked(&self) -> Vec<Candidate> {
        let mut v: Vec<Candidate> = self
            .counts
            .iter()
            .map(|(p, &(n, full))| Candidate {
                phrase: p.clone(),
                texts: n,
                full,
            })
            .collect();
        v.sort_by(|a, b| {
            b.full
                .cmp(&a.full)
                .then(b.texts.cmp(&a.texts))
                .then(a.phrase.chars().count().cmp(&b.phrase.chars().count()))
                .then(a.phrase.cmp(&b.phrase))
        });
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_are_lower_case_letters() {
        assert!(is_spelling("xzscl"));
        assert!(is_spelling("gaozhiliang"));
        for q in ["GDP", "5g", "x", "高质量", "gao zhi", ""] {
            assert!(!is_spelling(q), "{q}");
        }
    }

    #[test]
    fn the_phrase_spelled_most_often_by_full_syllables_wins() {
        // 新质生产力 twice, 心智 once (xz initials of both)
        let texts = [
            "\u{53d1}\u{5c55}\u{65b0}\u{8d28}\u{751f}\u{4ea7}\u{529b}",
            "\u{65b0}\u{8d28}\u{751f}\u{4ea7}\u{529b}\u{52a0}\u{5feb}",
            "\u{5fc3}\u{667a}",
        ];
        let t = Tally::of(&texts[..2], "xinzhishengchanli")
            .merge(Tally::of(&texts[2..], "xinzhishengchanli"));
        let r = t.ranked();
        assert_eq!(r[0].phrase, "\u{65b0}\u{8d28}\u{751f}\u{4ea7}\u{529b}");
        assert_eq!((r[0].texts, r[0].full), (2, true));
        let r = Tally::of(&texts, "xz").ranked();
        assert_eq!(r[0].phrase, "\u{65b0}\u{8d28}");
        assert_eq!(r[0].texts, 2);
        assert!(Tally::of(&texts, "qqqq").ranked().is_empty());
    }
}
