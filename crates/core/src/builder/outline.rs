//! Heading markers of Chinese official documents (GB/T 9704-2012): 一、 /
//! (一) / 1. / (1), in half- and full-width forms, and the open-section stack
//! that decides whether a marker really continues the numbering; and the
//! shapes of lines that head parts without such a marker (第一部分, a short
//! bare line such as "2024年工作回顾", a glossary or notes heading).

use std::sync::LazyLock;

use regex::Regex;

/// A heading marker at the start of a chunk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub level: u8,
    /// The number as printed, without punctuation ("一", "1").
    pub number: String,
    /// Its value (一 = 1).
    pub value: u32,
    /// The marker as printed ("一、", "(一)").
    pub text: String,
}

/// Value of a Chinese numeral up to 99 (一 … 九十九).
pub fn cn_value(s: &str) -> Option<u32> {
    let digit = |c: char| {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
    };
    let cs: Vec<char> = s.chars().collect();
    match cs.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c).filter(|v| *v > 0),
        ['十', u] => digit(*u).map(|v| 10 + v),
        [t, '十'] => digit(*t).filter(|v| *v > 1).map(|v| v * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

fn is_cn_digit(c: char) -> bool {
    "零一二三四五六七八九十".contains(c)
}

/// Parse a heading marker at the start of `text`.
pub fn parse_marker(text: &str) -> Option<Marker> {
    let cs: Vec<char> = text
        .chars()
        .take(8)
        .map(crate::text::fold::fold_width)
        .collect();
    let open = |c: char| c == '(';
    let close = |c: char| c == ')';
    // 一、
    let n = cs.iter().take_while(|c| is_cn_digit(**c)).count();
    if n > 0 && cs.get(n) == Some(&'、') {
        // "一、二、三产业" enumerates numerals; it heads nothing.
        let m = cs[n + 1..].iter().take_while(|c| is_cn_digit(**c)).count();
        if m > 0 && cs.get(n + 1 + m) == Some(&'、') {
            return None;
        }
        let number: String = cs[..n].iter().collect();
        let value = cn_value(&number)?;
        return Some(Marker {
            level: 1,
            text: format!("{number}、"),
            number,
            value,
        });
    }
    if cs.first().copied().is_some_and(open) {
        // (一) and (1)
        let n = cs[1..].iter().take_while(|c| is_cn_digit(**c)).count();
        if n > 0 && cs.get(1 + n).copied().is_some_and(close) {
            let number: String = cs[1..1 + n].iter().collect();
            let value = cn_value(&number)?;
            return Some(Marker {
                level: 2,
                text: cs[..n + 2].iter().collect(),
                number,
                value,
            });
        }
        let n = cs[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if (1..=2).contains(&n) && cs.get(1 + n).copied().is_some_and(close) {
            let number: String = cs[1..1 + n].iter().collect();
            let value = number.parse().ok()?;
            return Some(Marker {
                level: 4,
                text: cs[..n + 2].iter().collect(),
                number,
                value,
            });
        }
        return None;
    }
    // 1. / 1. / 1、 (not 1.6万亿元, not 1.5%)
    let n = cs.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=2).contains(&n)
        && cs
            .get(n)
            .is_some_and(|c| matches!(c, '.' | '、' | '\u{FF61}'))
    {
        let next = cs.get(n + 1).copied();
        if next.is_none() || next.is_some_and(|c| c.is_ascii_digit() || c == '%') {
            return None;
        }
        let number: String = cs[..n].iter().collect();
        let value = number.parse().ok()?;
        if value == 0 {
            return None;
        }
        return Some(Marker {
            level: 3,
            text: cs[..=n].iter().collect(),
            number,
            value,
        });
    }
    None
}

/// A section number printed alone on its line ("一", "二" as old reports
/// print part numbers): a level-1 marker with no heading text.
pub fn bare_numeral(text: &str) -> Option<Marker> {
    let t = text.trim();
    let value = cn_value(t)?;
    Some(Marker {
        level: 1,
        number: t.to_string(),
        value,
        text: t.to_string(),
    })
}

static NUMBERED_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^第([一二三四五六七八九十]{1,3})(部分|章|篇)").unwrap_or_else(|_| unreachable!())
});

/// "第一部分" / "第二章" at the start of a line: the part's value and its
/// marker as printed.
pub fn numbered_part(text: &str) -> Option<(u32, String)> {
    let folded = crate::text::fold::fold_width_str(text);
    let caps = NUMBERED_PART.captures(&folded)?;
    let value = cn_value(caps.get(1)?.as_str())?;
    let marker = caps.get(0)?.as_str().to_string();
    Some((value, marker))
}

static GLOSSARY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:附[::]?)?(?:《[^》]{1,20}》)?(?:有关|相关)?(?:内容)?(?:(?:名词|词语|术语)(?:解释|注释|注解)|注释|注解)(?:和说明|及说明)?$",
    )
    .unwrap_or_else(|_| unreachable!())
});

/// A glossary heading line: 名词解释, 注 释, 【名词解释】, 《政府工作报告》名词解释,
/// 附:名词解释, 有关词语解释 … (white space, brackets and a final colon aside).
pub fn is_glossary_heading(line: &str) -> bool {
    // A glossary heading is short; never copy a paragraph to find out.
    if line.chars().nth(60).is_some() {
        return false;
    }
    let t: String = crate::text::fold::fold_width_str(line)
        .chars()
        .filter(|c| !super::stream::is_space(*c))
        .collect();
    let t = t.trim_end_matches(':');
    let t = t
        .strip_prefix('【')
        .and_then(|x| x.strip_suffix('】'))
        .or_else(|| t.strip_prefix('[').and_then(|x| x.strip_suffix(']')))
        .unwrap_or(t);
    GLOSSARY.is_match(t)
}

/// An endnote at a line start: "[1]" / "[12]" (any bracket width): its number.
pub fn endnote_number(text: &str) -> Option<u32> {
    let t = crate::text::fold::fold_width_str(text);
    let rest = t.strip_prefix('[').or_else(|| t.strip_prefix('【'))?;
    let n: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    if n.is_empty() || n.len() > 3 {
        return None;
    }
    let after = rest[n.len()..].chars().next()?;
    matches!(after, ']' | '】')
        .then(|| n.parse().ok())
        .flatten()
}

/// Could this whole line head an unnumbered part ("2024年工作回顾", "“十四五”
/// 时期发展成就和2025年工作回顾")? Short, no sentence punctuation, not a
/// list lead-in (":"), not a date or bracketed note, with some Chinese text.
pub fn part_heading_shape(line: &str) -> bool {
    let t = crate::text::fold::fold_width_str(line);
    let n = t.chars().count();
    if !(4..=36).contains(&n) {
        return false;
    }
    if t.chars().any(|c| {
        super::sentences::is_terminator(c) || matches!(c, ',' | ':' | '|' | '—' | '-' | '=')
    }) {
        return false;
    }
    let first = t.chars().next().unwrap_or(' ');
    if super::sentences::opens_group(first) || matches!(first, '<' | '[') {
        return false;
    }
    if DATE.is_match(&t) || parse_marker(&t).is_some() || numbered_part(&t).is_some() {
        return false;
    }
    let cjk = t
        .chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .count();
    cjk * 2 >= n
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\d{1,4}\s*年\s*\d{1,2}\s*月|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月",
    )
    .unwrap_or_else(|_| unreachable!())
});

/// The numbering state: for each open level, the last value seen under the
/// current parent. A marker is accepted only if it continues that numbering
/// (or starts it at 1), which keeps "2." in a list or a stray "(3)" out.
#[derive(Debug, Default, Clone)]
pub struct Numbering {
    /// (level, last value) of the open sections, outermost first.
    open: Vec<(u8, u32)>,
}

impl Numbering {
    /// Would this marker continue the numbering?
    pub fn accepts(&self, m: &Marker) -> bool {
        // The last sibling at this level under the same parent, if any.
        for &(level, value) in self.open.iter().rev() {
            if level == m.level {
                return m.value == value + 1;
            }
            if level < m.level {
                break;
            }
        }
        m.value == 1
    }

    /// Record an accepted marker; returns the number of open sections to close first.
    pub fn push(&mut self, m: &Marker) -> usize {
        let keep = self.open.iter().take_while(|&&(l, _)| l < m.level).count();
        let closed = self.open.len() - keep;
        self.open.truncate(keep);
        self.open.push((m.level, m.value));
        closed
    }

    /// Start over (an attachment restarts the numbering).
    pub fn reset(&mut self) {
        self.open.clear();
    }

    pub fn depth(&self) -> usize {
        self.open.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_in_both_widths() {
        assert_eq!(
            parse_marker("一、总体要求").map(|m| (m.level, m.value)),
            Some((1, 1))
        );
        assert_eq!(parse_marker("十二、其他").map(|m| m.value), Some(12));
        assert_eq!(
            parse_marker("(三)着力").map(|m| (m.level, m.value)),
            Some((2, 3))
        );
        assert_eq!(
            parse_marker("(三)着力").map(|m| m.text),
            Some("(三)".to_string())
        );
        assert_eq!(
            parse_marker("1.加快").map(|m| (m.level, m.value)),
            Some((3, 1))
        );
        assert_eq!(parse_marker("12.加快").map(|m| m.value), Some(12));
        assert_eq!(parse_marker("2. 浦东").map(|m| m.level), Some(3));
        assert_eq!(
            parse_marker("(2)推进").map(|m| (m.level, m.value)),
            Some((4, 2))
        );
    }

    #[test]
    fn numbers_are_not_markers() {
        for t in [
            "1.6万亿元",
            "4.8%",
            "2023年",
            "一是加快",
            "(统计口径调整)",
            "0.5个百分点",
            "一般公共预算",
            "一、二、三产业分别增长",
        ] {
            assert_eq!(parse_marker(t), None, "{t}");
        }
    }

    #[test]
    fn numbering_accepts_only_continuations() {
        let mut n = Numbering::default();
        let m = |t: &str| parse_marker(t).unwrap();
        assert!(n.accepts(&m("一、a")));
        n.push(&m("一、a"));
        assert!(!n.accepts(&m("三、c")));
        assert!(!n.accepts(&m("2.b")), "a 2. with no 1. before it");
        assert!(n.accepts(&m("1.a")), "levels may be skipped");
        assert!(n.accepts(&m("(一)a")));
        n.push(&m("(一)a"));
        assert!(n.accepts(&m("二、b")));
        assert!(n.accepts(&m("(二)b")));
        assert_eq!(n.push(&m("二、b")), 2);
        assert!(
            !n.accepts(&m("(二)b")),
            "numbering restarts under a new parent"
        );
    }
}
