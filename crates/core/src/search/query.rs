//! Parsing a query in fzf syntax: space-separated terms that must all match;
//! `'term` exact substring, `^term` prefix, `term$` suffix, `!term` excludes
//! (an exact substring). Control characters and bidi controls are dropped, and
//! nothing is ever a regex: every other char is a literal. A term starting
//! with `@` (or `!@`) names reports instead of text (`@zhejiang`, `@2024`:
//! see `scope`); `'@` searches for an at sign.

use std::sync::Arc;

use super::prefilter::Compiled;
use super::scope::ScopeTerm;
use super::starts::Need;
use crate::text::fold::{fold_char, fold_owned};

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Folded text to look for.
    pub text: String,
    /// The folded chars of `text`.
    pub chars: Vec<char>,
    /// Only a contiguous match counts (a substring, or a run of chars spelling
    /// the term in pinyin): no gapped fuzzy match.
    pub exact: bool,
    /// Must match at the start of the item.
    pub prefix: bool,
    /// Must match at the end of the item.
    pub suffix: bool,
    /// Items matching this term are excluded.
    pub negate: bool,
    /// Also try pinyin (the term was typed as lower-case ASCII letters).
    pub pinyin: bool,
    /// The pinyin term can be spelled by full syllables (set by the index,
    /// which knows the syllables; false until then).
    pub segmentable: bool,
    /// Bit `b % 64` set for every ASCII byte `b` of the term (a filter:
    /// an item lacking one of these bits cannot contain the term).
    pub ascii_mask: u64,
    /// The term has a char outside ASCII.
    pub has_non_ascii: bool,
    /// For a pinyin term of two letters or more, what an item's start filter
    /// must hold (see `starts`).
    pub starts: Option<Need>,
    /// For a pinyin term, a filter compiled by the index (None until then,
    /// or when the term is too long for one).
    pub(crate) compiled: Option<Arc<Compiled>>,
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The query with control chars removed (what narrowing compares).
    pub clean: String,
    pub terms: Vec<Term>,
    /// The `@` terms: which reports to search.
    pub scope: Vec<ScopeTerm>,
}

fn inert(c: char) -> bool {
    c.is_control()
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
        || c == '\u{200E}'
        || c == '\u{200F}'
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// Bit `b % 64` for every ASCII byte `b` of a folded string.
pub fn ascii_mask(s: &str) -> u64 {
    s.bytes()
        .filter(|b| b.is_ascii())
        .fold(0u64, |m, b| m | (1u64 << (b & 63)))
}

impl Query {
    pub fn parse(raw: &str) -> Query {
        let clean: String = raw.chars().filter(|&c| !inert(c)).collect();
        let mut terms = Vec::new();
        let mut scope = Vec::new();
        for tok in clean.split(is_space).filter(|t| !t.is_empty()) {
            if let Some((text, negate)) = scope_text(tok) {
                scope.extend(ScopeTerm::parse(text, negate));
            } else if let Some(t) = parse_term(tok) {
                terms.push(t);
            }
        }
        Query {
            clean,
            terms,
            scope,
        }
    }

    /// No term that could match anything.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Every item matching `self` also matches `prev`, so `self` can be run on
    /// `prev`'s matches only: `self` is `prev` with text appended, and that
    /// text did not loosen `prev`'s last term (a `!term` or a `term$`).
    pub fn narrows(&self, prev: &Query) -> bool {
        if !self.clean.starts_with(&prev.clean) {
            return false;
        }
        if prev.clean.is_empty() || prev.clean.ends_with(is_space) {
            return true;
        }
        let last = prev.clean.rsplit(is_space).next().unwrap_or("");
        if scope_text(last).is_some() {
            // `@zhe` → `@zhej` may name other reports (`@20` → `@2020`)
            return false;
        }
        match parse_term(last) {
            Some(t) => !t.negate && !t.suffix,
            None => true,
        }
    }
}

/// A `@term` or `!@term` token: the text after `@`, and whether it excludes.
fn scope_text(tok: &str) -> Option<(&str, bool)> {
    match tok.strip_prefix('!') {
        Some(rest) => rest.strip_prefix('@').map(|t| (t, true)),
        None => tok.strip_prefix('@').map(|t| (t, false)),
    }
}

fn parse_term(tok: &str) -> Option<Term> {
    let mut s = tok;
    let mut negate = false;
    let mut exact = false;
    let mut prefix = false;
    let mut suffix = false;
    if let Some(r) = s.strip_prefix('!') {
        negate = true;
        exact = true;
        s = r;
    }
    if let Some(r) = s.strip_prefix('\'') {
        exact = true;
        s = r;
    }
    if let Some(r) = s.strip_prefix('^') {
        prefix = true;
        s = r;
    }
    if s.len() > 1 {
        if let Some(r) = s.strip_suffix('$') {
            suffix = true;
            s = r;
        }
    }
    if s.is_empty() {
        return None;
    }
    // as in fzf, ^prefix and suffix$ are exact-match forms
    exact |= prefix || suffix;
    let pinyin = !negate
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || ('ａ'..='ｚ').contains(&c));
    let text = fold_owned(s);
    let chars: Vec<char> = text.chars().collect();
    debug_assert!(chars.iter().all(|&c| fold_char(c) == c));
    let starts = if pinyin {
        Need::of(text.as_bytes())
    } else {
        None
    };
    Some(Term {
        starts,
        ascii_mask: ascii_mask(&text),
        has_non_ascii: !text.is_ascii(),
        text,
        chars,
        exact,
        prefix,
        suffix,
        negate,
        pinyin,
        segmentable: false,
        compiled: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Query {
        Query::parse(s)
    }

    #[test]
    fn terms_and_operators() {
        let t = q("集装箱 'ＧＤＰ ^sczz !银行 率$").terms;
        assert_eq!(t.len(), 5);
        assert_eq!(t[0].text, "集装箱");
        assert!(!t[0].exact && !t[0].pinyin);
        assert_eq!(t[1].text, "gdp");
        assert!(t[1].exact && !t[1].pinyin, "upper-case is not pinyin");
        assert!(t[2].prefix && t[2].pinyin && t[2].text == "sczz");
        assert!(t[3].negate && t[3].text == "银行");
        assert!(t[4].suffix && t[4].text == "率");
    }

    #[test]
    fn control_chars_are_dropped_and_lone_operators_ignored() {
        let p = q("\x1b[2J \u{202E}ab ! ' ^");
        assert_eq!(p.clean, "[2J ab ! ' ^");
        let texts: Vec<_> = p.terms.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["[2j", "ab"]);
        assert!(q("\x07\x1b").is_empty());
        assert!(q("　 ").is_empty());
    }

    #[test]
    fn regex_characters_are_literal() {
        let t = q(".* (a|b)+ $").terms;
        let texts: Vec<_> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, [".*", "(a|b)+", "$"]);
    }

    #[test]
    fn narrowing_only_when_the_query_got_stricter() {
        assert!(q("sc").narrows(&q("s")));
        assert!(q("s z").narrows(&q("s")));
        assert!(q("s !x").narrows(&q("s !")));
        assert!(!q("!ab").narrows(&q("!a")), "a longer !term excludes less");
        assert!(
            !q("a$b").narrows(&q("a$")),
            "a suffix term became a literal"
        );
        assert!(!q("b").narrows(&q("a")));
        assert!(q("!a b").narrows(&q("!a ")));
        assert!(!q("a @zhej").narrows(&q("a @zhe")), "another region");
        assert!(q("a @zhe b").narrows(&q("a @zhe ")));
    }

    #[test]
    fn at_terms_name_reports_and_a_bare_year_is_text() {
        let p = q("数字经济 @zhejiang !@2020..2022 2024 '@x @");
        let texts: Vec<_> = p.terms.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["数字经济", "2024", "@x"]);
        assert_eq!(p.scope.len(), 2);
        assert!(!p.scope[0].negate && p.scope[1].negate);
        assert!(q("@zhejiang").is_empty(), "no text to look for");
    }
}
