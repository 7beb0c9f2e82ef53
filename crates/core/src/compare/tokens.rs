//! Chinese text as tokens for diffing and for similarity: Chinese has no
//! spaces, so a token is one character, except that a run of ASCII (or
//! full-width) letters and digits is one token, with a decimal point or
//! a thousands comma inside a number ("5.5", "GDP", "1,234"), and a run of
//! white space is one. Punctuation is a token of its own.
//!
//! Also the character bigrams that heading and content similarity count.
//! Pure: no model types here.

/// True for the characters a run of letters and digits is made of.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || ('\u{FF10}'..='\u{FF19}').contains(&c) || {
        let l = c as u32;
        (0xFF21..=0xFF3A).contains(&l) || (0xFF41..=0xFF5A).contains(&l)
    }
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('\u{FF10}'..='\u{FF19}').contains(&c)
}

/// Split `s` into tokens (see the module doc); concatenated they give `s`
/// back exactly.
pub fn tokens(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let mut j = i + 1;
        if is_word_char(c) {
            while j < chars.len() {
                let d = chars[j].1;
                let inner_point = matches!(d, '.' | ',' | '\u{FF0E}')
                    && is_digit(chars[j - 1].1)
                    && chars.get(j + 1).is_some_and(|n| is_digit(n.1));
                if is_word_char(d) || inner_point {
                    j += 1;
                } else {
                    break;
                }
            }
        } else if c.is_whitespace() {
            while j < chars.len() && chars[j].1.is_whitespace() {
                j += 1;
            }
        }
        let end = chars.get(j).map_or(s.len(), |x| x.0);
        out.push(&s[start..end]);
        i = j;
    }
    out
}

/// True when a character counts for similarity (not punctuation or space).
fn counts(c: char) -> bool {
    // the common cases first: the general test is a slow table lookup
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || c.is_ascii_alphanumeric() || {
        !c.is_ascii() && c.is_alphanumeric()
    }
}

/// The distinct character bigrams of `s` (punctuation and spaces skipped,
/// so a bigram never spans them), as sorted numbers: two texts' sets meet
/// by a merge. A one-character text gives that character alone.
pub fn bigrams(s: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut single = None;
    for c in s.chars() {
        if !counts(c) {
            prev = None;
            continue;
        }
        single.get_or_insert(c);
        if let Some(p) = prev {
            out.push((u64::from(u32::from(p)) << 32) | u64::from(u32::from(c)));
        }
        prev = Some(c);
    }
    if out.is_empty() {
        if let Some(c) = single {
            out.push(u64::from(u32::from(c)));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// How many elements two sorted, deduplicated sets share.
pub fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Dice coefficient of two bigram sets: 1 for the same set, 0 for none
/// shared (two empty sets are alike: 1).
pub fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * shared(a, b) as f64 / (a.len() + b.len()) as f64
}

/// The share of `part`'s bigrams that `whole` also has (0 for an empty `part`).
pub fn containment(part: &[u64], whole: &[u64]) -> f64 {
    if part.is_empty() {
        return 0.0;
    }
    shared(part, whole) as f64 / part.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_splits_by_character_and_numbers_stay_whole() {
        let s = "\u{589E}\u{957F}5.5%\u{5DE6}\u{53F3}\u{FF0C}GDP 1,234\u{4EBF}";
        let t = tokens(s);
        assert_eq!(
            t,
            vec![
                "\u{589E}", "\u{957F}", "5.5", "%", "\u{5DE6}", "\u{53F3}", "\u{FF0C}", "GDP", " ",
                "1,234", "\u{4EBF}"
            ]
        );
        assert_eq!(t.concat(), s);
    }

    #[test]
    fn a_trailing_point_is_not_part_of_the_number() {
        assert_eq!(tokens("3.\u{6D4B}"), vec!["3", ".", "\u{6D4B}"]);
        assert_eq!(tokens(""), Vec::<&str>::new());
        assert_eq!(tokens("  a"), vec!["  ", "a"]);
    }

    #[test]
    fn bigrams_skip_punctuation_and_compare_as_sets() {
        let a = bigrams("\u{52A0}\u{5FEB}\u{53D1}\u{5C55}\u{3002}");
        assert_eq!(a.len(), 3);
        let b = bigrams("\u{52A0}\u{5FEB}\u{5EFA}\u{8BBE}");
        assert_eq!(shared(&a, &b), 1);
        assert!((dice(&a, &a) - 1.0).abs() < 1e-9);
        assert!((containment(&b, &a) - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(bigrams("\u{4E00}").len(), 1);
        assert!(bigrams("\u{3002}").is_empty());
    }
}
