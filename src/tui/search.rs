//! Search overlay state (issue 4, explorer side): the query, the ranked hits
//! from `crate::search::Index`, the selected hit, the "this report only"
//! toggle, the view saved when the prompt opened (Esc goes back to it), and
//! fitting a hit's snippet to a row by display width. Plain state.

use crate::search::Hit;
use crate::text::AmbiguousWidth;

/// A jump asked for before the query's hits arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchJump {
    /// Enter in the prompt: the selected hit.
    Selected,
    /// n: the hit after the active one.
    Next,
    /// N: the hit before the active one.
    Prev,
}

/// The search overlay.
#[derive(Debug, Clone, Default)]
pub struct SearchState {
    pub query: String,
    pub hits: Vec<Hit>,
    /// Index into `hits`.
    pub selected: usize,
    pub offset: usize,
    /// Only the report that was current when the prompt opened.
    pub this_report: bool,
    /// That report's id.
    pub report: Option<String>,
    /// The hit last jumped to (n / N move from here).
    pub active: Option<usize>,
    /// The worker has not answered the latest query yet (`hits` are the
    /// previous query's).
    pub pending: bool,
    /// Enter, n or N pressed while `pending`: the jumps to make, in order,
    /// when the hits arrive.
    pub waiting: Vec<SearchJump>,
    /// The prompt's cursor, in chars into `query`.
    pub cursor: usize,
    /// For each hit, its breadcrumb as the list shows it: in a corpus the
    /// report is named by region and year as in the outline (`浙江省 2024 › 二、…`).
    pub crumbs: Vec<String>,
    /// With `@` terms in the query: how many reports they keep, of how many.
    pub scoped: Option<(usize, usize)>,
    /// Queries submitted (Enter) in this session, for Up / Down.
    pub history: crate::tui::prompt::History,
}

impl SearchState {
    pub fn select(&mut self, delta: isize) {
        self.selected = super::list::moved(self.selected, delta, self.hits.len());
    }

    /// Keep the selected hit inside a list of `rows` hits.
    pub fn scroll_into_view(&mut self, rows: usize) {
        self.offset = super::list::offset_for(self.selected, self.offset, rows);
    }

    /// "3/84 /jzx": the active hit's place among the hits and the query
    /// (sanitized, cut to a few columns), for the status line after a jump.
    pub fn counter(&self) -> Option<String> {
        let a = self.active?;
        let q: String = crate::text::sanitize(self.query.trim())
            .chars()
            .take(16)
            .collect();
        Some(format!("{}/{} /{q}", a + 1, self.hits.len()))
    }

    /// n / N: the hit after (or before) the active one, wrapping around.
    pub fn step(&mut self, forward: bool) -> Option<&Hit> {
        if self.hits.is_empty() {
            return None;
        }
        let n = self.hits.len();
        let next = match (self.active, forward) {
            (None, _) => 0,
            (Some(a), true) => (a + 1) % n,
            (Some(a), false) => (a + n - 1) % n,
        };
        self.active = Some(next);
        self.selected = next;
        self.hits.get(next)
    }
}

/// A piece of a fitted snippet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub matched: bool,
}

/// A hit's snippet fitted into `width` columns around its first match (by
/// `crate::search::snippet`: sanitized, never splitting a wide char, ASCII
/// marks at cuts), as pieces flagged matched or not.
pub fn snippet(hit: &Hit, width: usize, amb: AmbiguousWidth) -> Vec<Piece> {
    let (text, ranges) = crate::search::snippet(hit, width, amb);
    let mut out: Vec<Piece> = Vec::new();
    for (i, c) in text.char_indices() {
        let m = ranges.iter().any(|r| r.contains(&i));
        match out.last_mut() {
            Some(p) if p.matched == m => p.text.push(c),
            _ => out.push(Piece {
                text: c.to_string(),
                matched: m,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::str_width;

    fn joined(p: &[Piece]) -> String {
        p.iter().map(|x| x.text.as_str()).collect()
    }

    fn hit(text: &str, highlights: Vec<std::ops::Range<usize>>) -> Hit {
        Hit {
            kind: crate::search::HitKind::Sentence,
            location: crate::model::Location::Section {
                report: "r".into(),
                section: "s".into(),
            },
            breadcrumb: String::new(),
            full_breadcrumb: String::new(),
            text: text.to_string(),
            highlights,
            score: 0,
            note: String::new(),
            more_in_row: 0,
        }
    }

    #[test]
    fn a_short_text_is_shown_whole_with_the_match_flagged() {
        let t = "集装箱吞吐量";
        let p = snippet(
            &hit(t, std::iter::once(0..9).collect()),
            40,
            AmbiguousWidth::Narrow,
        );
        assert_eq!(
            p[0],
            Piece {
                text: "集装箱".into(),
                matched: true
            }
        );
        assert_eq!(joined(&p), t);
    }

    #[test]
    fn a_long_text_is_cut_around_the_match_within_the_width() {
        let t = "洋山深水港集装箱吞吐量占全市比重达到90.4%,国际航运中心能级持续提升,对外开放水平不断提高。";
        let at = t.find("90.4%").unwrap();
        for amb in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
            for w in [10, 15, 21, 30] {
                let p = snippet(&hit(t, std::iter::once(at..at + 5).collect()), w, amb);
                let s = joined(&p);
                assert!(str_width(&s, amb) <= w, "{w}: {s}");
                assert!(
                    p.iter().any(|x| x.matched && x.text.contains("90")),
                    "{w}: {s}"
                );
                assert!(s.starts_with("..") && s.ends_with('~'), "{w}: {s}");
            }
        }
    }

    #[test]
    fn control_characters_in_a_hit_are_inert() {
        let p = snippet(&hit("a\x1b[2Jb", vec![]), 20, AmbiguousWidth::Narrow);
        assert!(!joined(&p).contains('\x1b'));
    }

    #[test]
    fn n_and_shift_n_wrap_around_the_hits() {
        let mut s = SearchState::default();
        assert!(s.step(true).is_none());
        s.hits = crate::tui::test_support::section_hits("r", 3);
        s.active = Some(2);
        s.step(true);
        assert_eq!(s.active, Some(0));
        s.step(false);
        assert_eq!(s.active, Some(2));
    }
}
