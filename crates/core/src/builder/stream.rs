//! The source as chars with a removal mask, and its tokenization into
//! white-space-separated tokens that remember their source offsets.
//!
//! Cleaning marks removed ranges here (opaque: acts as a separator, like a
//! running title at a page break; transparent: vanishes and joins what is on
//! either side, like a newspaper jump marker inside a paragraph).

use crate::model::{Removed, RemovedReason, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mask {
    Keep,
    Opaque,
    Transparent,
}

/// The decoded source with what cleaning removed.
pub struct Doc {
    pub chars: Vec<char>,
    mask: Vec<Mask>,
    pub removed: Vec<Removed>,
}

/// White space (and removed text) between two tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Sep {
    /// The first token.
    Start,
    /// Spaces within a line.
    Space,
    /// One line break.
    Newline,
    /// A blank line or more.
    Blank,
}

/// A maximal run of kept, non-white-space chars.
#[derive(Debug, Clone)]
pub struct Tok {
    /// Kept chars with their source offsets.
    pub chars: Vec<(char, u32)>,
    pub sep: Sep,
    /// Whether an opaque removed piece stood in the separator before it.
    pub through_removed: bool,
    /// The source chars of the separator before it, when it was a single
    /// plain space inside a line (kept when tokens are joined back).
    pub space: Option<(char, u32)>,
    /// Whether the token opens a line the source marked as a heading or bold
    /// (markdown `#`/`**` removed before it on the same line): a layout hint.
    pub marked: bool,
    /// Whether the token was split off the end of another at a glued heading
    /// marker ("…成效。(一)加快…"); it rejoins its chunk unless it opens a section.
    pub glued: bool,
}

impl Tok {
    pub fn text(&self) -> String {
        self.chars.iter().map(|(c, _)| *c).collect()
    }
    pub fn start(&self) -> usize {
        self.chars.first().map(|c| c.1 as usize).unwrap_or(0)
    }
    pub fn end(&self) -> usize {
        self.chars.last().map(|c| c.1 as usize + 1).unwrap_or(0)
    }
    pub fn span(&self) -> Span {
        Span(self.start(), self.end())
    }
    pub fn first(&self) -> char {
        self.chars.first().map(|c| c.0).unwrap_or(' ')
    }
    pub fn last(&self) -> char {
        self.chars.last().map(|c| c.0).unwrap_or(' ')
    }
    pub fn len(&self) -> usize {
        self.chars.len()
    }
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }
}

/// White space as the builder sees it (includes ideographic and em spaces).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}')
}

impl Doc {
    pub fn new(text: &str) -> Doc {
        let chars: Vec<char> = text.chars().collect();
        let mask = vec![Mask::Keep; chars.len()];
        Doc {
            chars,
            mask,
            removed: Vec::new(),
        }
    }

    /// The source text of `[start, end)`.
    pub fn slice(&self, start: usize, end: usize) -> String {
        self.chars[start.min(self.chars.len())..end.min(self.chars.len())]
            .iter()
            .collect()
    }

    /// Lines as `[start, end)` char ranges without their terminators (\n, \r\n, \r).
    pub fn lines(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut i = 0;
        let n = self.chars.len();
        while i < n {
            match self.chars[i] {
                '\n' => {
                    out.push((start, i));
                    start = i + 1;
                }
                '\r' => {
                    out.push((start, i));
                    if i + 1 < n && self.chars[i + 1] == '\n' {
                        i += 1;
                    }
                    start = i + 1;
                }
                _ => {}
            }
            i += 1;
        }
        if start < n {
            out.push((start, n));
        }
        out
    }

    /// The kept text of a range, white space trimmed at both ends.
    pub fn kept_text(&self, start: usize, end: usize) -> String {
        (start..end.min(self.chars.len()))
            .filter(|&i| self.mask[i] == Mask::Keep)
            .map(|i| self.chars[i])
            .collect::<String>()
            .trim_matches(is_space)
            .to_string()
    }

    pub fn is_kept(&self, i: usize) -> bool {
        self.mask.get(i) == Some(&Mask::Keep)
    }

    /// Remove `[start, end)` (trimmed of white space) as an opaque piece.
    pub fn remove(&mut self, start: usize, end: usize, reason: RemovedReason) {
        self.remove_as(start, end, reason, Mask::Opaque);
    }

    /// Remove `[start, end)` so that the text on either side joins up.
    pub fn remove_transparent(&mut self, start: usize, end: usize, reason: RemovedReason) {
        self.remove_as(start, end, reason, Mask::Transparent);
    }

    fn remove_as(&mut self, start: usize, end: usize, reason: RemovedReason, how: Mask) {
        let end = end.min(self.chars.len());
        let mut s = start;
        let mut e = end;
        // Trim white space and what is already removed; a piece may enclose
        // an earlier (transparent) removal, which keeps its own record.
        while s < e && (is_space(self.chars[s]) || self.mask[s] != Mask::Keep) {
            s += 1;
        }
        while e > s && (is_space(self.chars[e - 1]) || self.mask[e - 1] != Mask::Keep) {
            e -= 1;
        }
        if s >= e {
            return;
        }
        let text: String = (s..e)
            .filter(|&i| self.mask[i] == Mask::Keep)
            .map(|i| self.chars[i])
            .collect();
        for m in &mut self.mask[s..e] {
            if *m == Mask::Keep {
                *m = how;
            }
        }
        if how == Mask::Transparent {
            // White space around a vanished piece vanishes with it.
            let mut i = e;
            while i < self.chars.len() && is_space(self.chars[i]) && self.chars[i] != '\n' {
                self.mask[i] = Mask::Transparent;
                i += 1;
            }
            let mut j = s;
            while j > 0 && is_space(self.chars[j - 1]) && self.chars[j - 1] != '\n' {
                j -= 1;
                self.mask[j] = Mask::Transparent;
            }
        }
        self.removed.push(Removed {
            text,
            reason,
            span: Span(s, e),
        });
    }

    /// Tokens of the kept text, in order.
    pub fn tokens(&self) -> Vec<Tok> {
        self.tokens_upto(usize::MAX, usize::MAX)
    }

    /// The first tokens of the kept text: at most `max_tokens` of them,
    /// and only those whose chars, with all before them, number at most
    /// `max_chars` (a look at the head costs no more than the head, even
    /// when the next token is a 50 MB line).
    pub fn tokens_upto(&self, max_tokens: usize, max_chars: usize) -> Vec<Tok> {
        let mut toks = Vec::new();
        let mut kept = 0usize;
        let mut cur: Vec<(char, u32)> = Vec::new();
        let mut newlines = 0usize;
        let mut seen_sep = false;
        let mut through = false;
        let mut spaces: Vec<(char, u32)> = Vec::new();
        let mut first = true;
        // A markdown mark seen on the current line before any kept char.
        let mut line_mark = false;
        let mut line_has_text = false;
        let mut marked = false;
        let flush = |cur: &mut Vec<(char, u32)>,
                     toks: &mut Vec<Tok>,
                     newlines: usize,
                     through: bool,
                     spaces: &[(char, u32)],
                     first: &mut bool,
                     marked: bool| {
            if cur.is_empty() {
                return;
            }
            let sep = if *first {
                Sep::Start
            } else if newlines >= 2 {
                Sep::Blank
            } else if newlines == 1 {
                Sep::Newline
            } else {
                Sep::Space
            };
            let space = if sep == Sep::Space && spaces.len() == 1 && !through {
                Some(spaces[0])
            } else {
                None
            };
            *first = false;
            // exact size: a token of a 50 MB line holds no doubling slack
            let mut chars = std::mem::take(cur);
            chars.shrink_to_fit();
            toks.push(Tok {
                chars,
                sep,
                through_removed: through,
                space,
                marked,
                glued: false,
            });
        };
        for (i, &c) in self.chars.iter().enumerate() {
            // a token is flushed only at a later char, after this check:
            // every token returned is whole and within the limits
            if toks.len() >= max_tokens || kept > max_chars {
                return toks;
            }
            if c == '\n' || c == '\r' {
                line_mark = false;
                line_has_text = false;
            }
            match self.mask[i] {
                Mask::Transparent => {
                    if !line_has_text && matches!(c, '*' | '_' | '#') {
                        line_mark = true;
                    }
                    continue;
                }
                Mask::Opaque => {
                    if !cur.is_empty() {
                        flush(
                            &mut cur, &mut toks, newlines, through, &spaces, &mut first, marked,
                        );
                        newlines = 0;
                        spaces.clear();
                    }
                    seen_sep = true;
                    through = true;
                }
                Mask::Keep if is_space(c) => {
                    if !cur.is_empty() {
                        flush(
                            &mut cur, &mut toks, newlines, through, &spaces, &mut first, marked,
                        );
                        newlines = 0;
                        spaces.clear();
                        through = false;
                    }
                    seen_sep = true;
                    if c == '\n' || (c == '\r' && self.chars.get(i + 1) != Some(&'\n')) {
                        newlines += 1;
                    } else if c != '\r' {
                        spaces.push((c, i as u32));
                    }
                }
                Mask::Keep => {
                    if seen_sep && cur.is_empty() {
                        seen_sep = false;
                    }
                    if cur.is_empty() {
                        marked = line_mark && !line_has_text;
                    }
                    line_has_text = true;
                    cur.push((c, i as u32));
                    kept += 1;
                }
            }
        }
        if toks.len() >= max_tokens || kept > max_chars {
            return toks;
        }
        flush(
            &mut cur, &mut toks, newlines, through, &spaces, &mut first, marked,
        );
        toks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_offsets_and_separators() {
        let doc = Doc::new("一、总体\n\n甲乙 丙\r\n丁");
        let t = doc.tokens();
        let texts: Vec<String> = t.iter().map(|t| t.text()).collect();
        assert_eq!(texts, ["一、总体", "甲乙", "丙", "丁"]);
        assert_eq!(t[1].sep, Sep::Blank);
        assert_eq!(t[2].sep, Sep::Space);
        assert_eq!(t[3].sep, Sep::Newline);
        assert_eq!(t[2].start(), 9);
        assert_eq!(doc.chars[t[2].start()], '丙');
    }

    #[test]
    fn transparent_removal_joins_and_opaque_separates() {
        let mut doc = Doc::new("研制。 下转 12版保持发展 标题 继续");
        doc.remove_transparent(4, 10, RemovedReason::JumpMarker);
        doc.remove(15, 17, RemovedReason::RunningTitle);
        let t: Vec<String> = doc.tokens().iter().map(|t| t.text()).collect();
        assert_eq!(t, ["研制。保持发展", "继续"]);
        assert_eq!(doc.removed[0].text, "下转 12版");
        assert!(doc.tokens()[1].through_removed);
    }

    #[test]
    fn the_first_tokens_are_a_whole_prefix_within_both_limits() {
        let doc = Doc::new("某市 政府工作报告\n一、总体 甲乙丙丁戊己庚辛 壬");
        let all = doc.tokens();
        let texts = |t: &[Tok]| t.iter().map(Tok::text).collect::<Vec<_>>();
        assert_eq!(
            texts(&doc.tokens_upto(2, usize::MAX)),
            ["某市", "政府工作报告"]
        );
        // chars: 2 + 6 + 4 = 12 within 12; the next token would pass 20
        assert_eq!(
            texts(&doc.tokens_upto(9, 12)),
            ["某市", "政府工作报告", "一、总体"]
        );
        assert_eq!(
            texts(&doc.tokens_upto(9, 20)),
            ["某市", "政府工作报告", "一、总体", "甲乙丙丁戊己庚辛"]
        );
        assert_eq!(texts(&doc.tokens_upto(9, 7)), ["某市"]);
        assert!(doc.tokens_upto(9, 1).is_empty());
        let prefix = doc.tokens_upto(4, 100);
        for (a, b) in prefix.iter().zip(&all) {
            assert_eq!(
                (a.chars.clone(), a.sep, a.marked),
                (b.chars.clone(), b.sep, b.marked)
            );
        }
        assert_eq!(texts(&doc.tokens_upto(usize::MAX, usize::MAX)), texts(&all));
    }

    #[test]
    fn lines_handle_crlf_and_cr() {
        let doc = Doc::new("a\r\nb\rc\nd");
        assert_eq!(doc.lines(), vec![(0, 1), (3, 4), (5, 6), (7, 8)]);
    }
}
