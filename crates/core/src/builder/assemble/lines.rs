//! Whole-line views of the tokens, taken before assembling: markers the
//! source split over two lines, glued to a sentence end, or printed with a
//! space, comma or stop; and the parts that head a report without a 一、
//! marker (第一部分, or a bare line such as "2024年工作回顾").

use std::collections::HashMap;

use super::super::outline::{
    bare_numeral, is_glossary_heading, numbered_part, parse_marker, part_heading_shape, Marker,
};
use super::super::sentences::is_terminator;
use super::super::stream::{Sep, Tok};
use super::ATTACHMENT;
use crate::model::Span;

/// Index of the first token after `i` that starts a new line.
pub(super) fn line_end(toks: &[Tok], i: usize) -> usize {
    let mut j = i + 1;
    while toks.get(j).is_some_and(|t| t.sep == Sep::Space) {
        j += 1;
    }
    j
}

pub(super) fn line_start(t: &Tok) -> bool {
    t.sep >= Sep::Newline || t.sep == Sep::Start
}

pub(super) fn line_text(toks: &[Tok], i: usize, j: usize) -> String {
    toks[i..j].iter().map(|t| t.text()).collect()
}

/// The line's text, or its first `max` chars when it is longer.
fn line_prefix(toks: &[Tok], i: usize, j: usize, max: usize) -> String {
    toks[i..j]
        .iter()
        .flat_map(|t| t.chars.iter().map(|c| c.0))
        .take(max)
        .collect()
}

/// A glued marker right after a sentence end inside a token ("…成效。(一)加快…"):
/// the index it starts at. A glued 一、 only when what follows is a heading
/// (short, no sentence end) closing the line: "。二、三产业比重提高。" is text.
fn glued_marker_at(chars: &[(char, u32)], line_ends: bool) -> Option<usize> {
    (1..chars.len()).find(|&k| {
        if !matches!(
            crate::text::fold::fold_width(chars[k - 1].0),
            '。' | '!' | '?' | ';'
        ) || chars[k..].len() <= 3
        {
            return false;
        }
        // parse_marker reads 8 chars at most: build no longer a tail.
        let head: String = chars[k..].iter().take(8).map(|c| c.0).collect();
        match parse_marker(&head) {
            Some(m) if m.level == 2 => true,
            Some(m) if m.level == 1 => {
                let tail = &chars[k..];
                line_ends && tail.len() <= 40 && !tail.iter().any(|c| is_terminator(c.0))
            }
            _ => false,
        }
    })
}

/// Repair markers the source split or glued: "(" alone at a line end with
/// "三)…" on the next line becomes one token; a marker glued after a
/// sentence end is split off into a token of its own (marked `glued`).
pub(super) fn prepare(mut toks: Vec<Tok>) -> Vec<Tok> {
    // each token is moved out once it is looked at (a look ahead reads only
    // the ones after it): no copy of the text
    fn take(toks: &mut [Tok], i: usize) -> Tok {
        let empty = Tok {
            chars: Vec::new(),
            sep: Sep::Start,
            through_removed: false,
            space: None,
            marked: false,
            glued: false,
        };
        std::mem::replace(&mut toks[i], empty)
    }
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.len() == 1
            && crate::text::fold::fold_width(t.first()) == '('
            && toks.get(i + 1).is_some_and(|n| {
                n.sep >= Sep::Newline
                    && parse_marker(&format!("({}", n.text()))
                        .is_some_and(|m| m.level == 2 || m.level == 4)
            })
        {
            let mut merged = take(&mut toks, i);
            let next = take(&mut toks, i + 1);
            merged.chars.extend_from_slice(&next.chars);
            out.push(merged);
            i += 2;
            continue;
        }
        let line_ends = toks.get(i + 1).is_none_or(|n| n.sep >= Sep::Newline);
        let mut cur = take(&mut toks, i);
        while let Some(k) = glued_marker_at(&cur.chars, line_ends) {
            let tail = cur.chars.split_off(k);
            let next = Tok {
                chars: tail,
                sep: Sep::Space,
                through_removed: false,
                space: None,
                marked: false,
                glued: true,
            };
            out.push(std::mem::replace(&mut cur, next));
        }
        out.push(cur);
        i += 1;
    }
    out
}

/// A part heading found by [`find_parts`].
#[derive(Debug, Clone)]
pub(super) struct Part {
    /// Tokens of its line.
    pub(super) used: usize,
    pub(super) number: String,
    pub(super) marker: String,
    pub(super) heading: String,
    pub(super) span: Span,
}

/// Parts above (or instead of) the 一、 run, by token index, and the level
/// they take: 1 when the report has no 一、 run (the parts are its level-1
/// sections), 0 when they are containers above a 一、 run that restarts
/// under each of them.
///
/// A 第一部分 / 第一章 line is a part. A bare line is a part candidate when
/// it has a heading's shape ([`part_heading_shape`]), stands alone (a blank
/// line or a heading mark before it, or a sentence end), and the body has
/// begun before it (so title and speaker lines never qualify). Candidates
/// are parts when the numbering after each starts afresh at 1 (or there is
/// none): a heading that a run continues across is not a part.
pub(super) fn find_parts(toks: &[Tok]) -> (HashMap<usize, Part>, u8) {
    let mut markers: Vec<(usize, Marker)> = Vec::new();
    let mut numbered: Vec<(usize, u32, Part)> = Vec::new();
    let mut candidates: Vec<(usize, Part, bool)> = Vec::new();
    let mut body_begun = false;
    let mut i = 0;
    while i < toks.len() {
        let j = line_end(toks, i);
        let t = &toks[i];
        // A marker is read from a token's first chars, and every test on a
        // whole line below holds only for short lines (or, for 附件, reads
        // its start): a long paragraph line is never copied whole.
        let text: String = t
            .chars
            .iter()
            .take(16)
            .map(|c| crate::text::fold::fold_width(c.0))
            .collect();
        let line = line_prefix(toks, i, j, 64);
        if ATTACHMENT.is_match(&crate::text::fold::fold_width_str(&line)) && i > 0
            || is_glossary_heading(&line)
        {
            break; // back matter: parts end here
        }
        let m = parse_marker(&text).or_else(|| (j == i + 1).then(|| bare_numeral(&text)).flatten());
        if let Some(m) = m {
            markers.push((i, m));
        } else if let Some((value, marker)) = numbered_part(&line)
            .filter(|_| line.chars().count() <= 40 && !line.chars().any(is_terminator))
        {
            let heading: String = line.chars().skip(marker.chars().count()).collect();
            numbered.push((
                i,
                value,
                Part {
                    used: j - i,
                    number: marker
                        .chars()
                        .skip(1)
                        .take_while(|c| !"部章篇".contains(*c))
                        .collect(),
                    marker: toks[i].chars[..marker.chars().count().min(t.len())]
                        .iter()
                        .map(|c| c.0)
                        .collect(),
                    heading: heading
                        .trim_start_matches([' ', ':', '\u{3000}', '\u{FF1A}'])
                        .to_string(),
                    span: Span(t.start(), toks[j - 1].end()),
                },
            ));
        } else if j == i + 1
            && body_begun
            && part_heading_shape(&line)
            && (t.sep == Sep::Blank
                || t.marked
                || toks[..i].last().is_some_and(|p| {
                    let c = crate::text::fold::fold_width(p.last());
                    is_terminator(c) || c == ':'
                }))
        {
            candidates.push((
                i,
                Part {
                    used: 1,
                    number: String::new(),
                    marker: String::new(),
                    heading: line.clone(),
                    span: t.span(),
                },
                t.marked,
            ));
        }
        // The body has begun after a line that ends a sentence or leads in
        // (the salutation "各位代表:"); title, dateline and speaker lines do neither.
        let end = crate::text::fold::fold_width(toks[j - 1].last());
        if is_terminator(end) || end == ':' {
            body_begun = true;
        }
        i = j;
    }
    let has_l1 = markers.iter().any(|(_, m)| m.level == 1 && m.value == 1);
    let level = if has_l1 { 0 } else { 1 };
    // 第一部分, 第二部分 … in sequence.
    if numbered.first().is_some_and(|n| n.1 == 1) {
        let mut out = HashMap::new();
        let mut want = 1;
        for (i, v, p) in numbered {
            if v == want {
                out.insert(i, p);
                want += 1;
            }
        }
        return (out, level);
    }
    let next_marker = |i: usize| markers.iter().find(|(k, _)| *k > i).map(|(_, m)| m);
    // Does a run open before `i` continue after it ("(三)" … line … "(四)")?
    let continued_across = |i: usize| {
        let split = markers.partition_point(|(k, _)| *k < i);
        let (before, after) = markers.split_at(split);
        let mut fresh: Vec<u8> = Vec::new();
        for (_, m) in after {
            if m.value > 1
                && !fresh.iter().any(|l| *l <= m.level)
                && before
                    .iter()
                    .any(|(_, b)| b.level == m.level && b.value + 1 == m.value)
            {
                return true;
            }
            // A marker restarts the numbering of its level and those below it.
            if m.value == 1 {
                fresh.push(m.level);
            } else {
                fresh.push(m.level + 1);
            }
        }
        false
    };
    let qualified: Vec<(usize, Part, bool)> = candidates
        .into_iter()
        .filter(|(i, _, marked)| match next_marker(*i) {
            None => !has_l1,
            Some(m) if has_l1 => m.level == 1 && (m.value == 1 || *marked),
            Some(m) => m.value == 1,
        })
        .filter(|(i, _, _)| !continued_across(*i))
        .collect();
    let restart = qualified.iter().any(|(i, _, _)| {
        next_marker(*i).is_some_and(|m| m.value == 1)
            && markers.iter().any(|(k, m)| *k < *i && m.level == 1)
    });
    let keep = if has_l1 {
        restart || qualified.len() >= 2
    } else {
        qualified.len() >= 2 || qualified.iter().any(|q| q.2)
    };
    if !keep {
        return (HashMap::new(), level);
    }
    (
        qualified.into_iter().map(|(i, p, _)| (i, p)).collect(),
        level,
    )
}

/// "二,紧紧围绕…" / "一.“十二五”…" on a line marked as a heading: a 一、
/// marker printed with a comma or a stop (only where the source marked the line, and only if it continues
/// the numbering).
pub(super) fn comma_marker(text: &str) -> Option<Marker> {
    let number: String = text
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .collect();
    let n = number.chars().count();
    let punct = text.chars().nth(n).filter(|c| matches!(c, ',' | '.'))?;
    if n == 0 {
        return None;
    }
    let value = super::super::outline::cn_value(&number)?;
    Some(Marker {
        level: 1,
        text: format!("{number}{punct}"),
        number,
        value,
    })
}

/// "6. “一表同享”": a level-3 number alone in its token, its heading after a
/// space (the spaced form [`parse_marker`] cannot see in one token).
pub(super) fn spaced_marker(text: &str, next: Option<&Tok>) -> Option<Marker> {
    let n = next.filter(|n| n.sep == Sep::Space)?;
    let first = crate::text::fold::fold_width(n.first());
    if first.is_ascii_digit() || first == '%' {
        return None;
    }
    let digits = text.strip_suffix(['.', '、'])?;
    if !(1..=2).contains(&digits.len()) || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let value: u32 = digits.parse().ok()?;
    (value > 0).then(|| Marker {
        level: 3,
        number: digits.to_string(),
        value,
        text: text.to_string(),
    })
}
