//! Splitting a paragraph into sentences at 。!?; and ……, keeping closing
//! quotes and brackets with the sentence they close; never inside () or 《》.

use std::ops::Range;

/// Chars that end a sentence.
pub fn is_terminator(c: char) -> bool {
    matches!(
        crate::text::fold::fold_width(c),
        '。' | '!' | '?' | ';' | '…'
    )
}

/// Closing quotes and brackets that stay with the sentence before them.
pub fn is_closer(c: char) -> bool {
    matches!(
        crate::text::fold::fold_width(c),
        '”' | '’' | '」' | '』' | ')' | '》' | '】' | '〕' | '〉' | '"' | '\''
    )
}

pub fn opens_group(c: char) -> bool {
    matches!(crate::text::fold::fold_width(c), '(' | '《' | '〔' | '【')
}

pub fn closes_group(c: char) -> bool {
    matches!(crate::text::fold::fold_width(c), ')' | '》' | '〕' | '】')
}

/// Split chars (with their source offsets) into sentences; every char goes
/// into exactly one sentence, in order. Leading/trailing white space of each
/// sentence is dropped. Each sentence is a range of `chars` (no copy: a
/// paragraph of a 50 MB line is not held twice).
pub fn split(chars: &[(char, u32)]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut from = 0;
    let mut depth = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].0;
        if opens_group(c) {
            depth += 1;
        } else if closes_group(c) {
            depth = depth.saturating_sub(1);
        }
        i += 1;
        if is_terminator(c) && depth == 0 {
            while i < chars.len() && (is_terminator(chars[i].0) || is_closer(chars[i].0)) {
                i += 1;
            }
            // "……等" and "……," continue the sentence.
            let only_ellipsis = chars[from..i]
                .iter()
                .rev()
                .take_while(|x| is_terminator(x.0))
                .all(|x| x.0 == '…');
            if only_ellipsis
                && chars.get(i).is_some_and(|x| {
                    matches!(
                        crate::text::fold::fold_width(x.0),
                        '等' | '的' | '之' | ',' | '、'
                    )
                })
            {
                continue;
            }
            push_trimmed(&mut out, chars, from..i);
            from = i;
        }
    }
    push_trimmed(&mut out, chars, from..chars.len());
    out
}

fn push_trimmed(out: &mut Vec<Range<usize>>, chars: &[(char, u32)], mut r: Range<usize>) {
    while r.start < r.end && chars[r.start].0.is_whitespace() {
        r.start += 1;
    }
    while r.end > r.start && chars[r.end - 1].0.is_whitespace() {
        r.end -= 1;
    }
    if !r.is_empty() {
        out.push(r);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let cs: Vec<(char, u32)> = s.chars().enumerate().map(|(i, c)| (c, i as u32)).collect();
        split(&cs)
            .into_iter()
            .map(|r| cs[r].iter().map(|x| x.0).collect())
            .collect()
    }

    #[test]
    fn splits_at_terminators_with_closers() {
        assert_eq!(
            texts("经济运行稳步恢复。全年增长5%;就业稳定!“五个中心”建设加快。”他说。"),
            [
                "经济运行稳步恢复。",
                "全年增长5%;",
                "就业稳定!",
                "“五个中心”建设加快。”",
                "他说。"
            ]
        );
    }

    #[test]
    fn not_inside_brackets_and_ellipsis_rules() {
        assert_eq!(
            texts("(统计口径调整;无同比数据)75件"),
            ["(统计口径调整;无同比数据)75件"]
        );
        assert_eq!(
            texts("包括甲、乙……等项目。其余。"),
            ["包括甲、乙……等项目。", "其余。"]
        );
        assert_eq!(texts("无终止符的标题"), ["无终止符的标题"]);
    }

    #[test]
    fn keeps_offsets() {
        let cs: Vec<(char, u32)> = "甲。乙。"
            .chars()
            .enumerate()
            .map(|(i, c)| (c, i as u32 + 10))
            .collect();
        let s = split(&cs);
        assert_eq!(cs[s[1].start], ('乙', 12));
    }
}
