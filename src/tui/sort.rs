//! Sorting table cells: a cell that starts with a number sorts by its value
//! in its unit's base (万/亿 multipliers counted, through
//! `indicators::number`), grouped by base unit so unlike units ("14.1万个",
//! "47%") never interleave; then text, then empty cells. Pure.

use std::cmp::Ordering;

use crate::indicators::number::{to_base, unit_after};

/// Sort direction of the sorted column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortDir {
    Up,
    Down,
}

/// The leading number of a cell ("5.5%左右" → 5.5, "16,715.2" → 16715.2).
pub fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim();
    let start = s.find(|c: char| c.is_ascii_digit())?;
    let neg = s[..start].ends_with('-') || s[..start].ends_with('−');
    if s[..start]
        .chars()
        .any(|c| !(c == '-' || c == '−' || c == '+' || c.is_whitespace()))
    {
        return None;
    }
    let num: String = s[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let v: f64 = num.trim_end_matches('.').parse().ok()?;
    Some(if neg { -v } else { v })
}

/// The number a cell starts with, in its unit's base, with that base:
/// "1.37万亿元" → (13700, "亿元"), "14.1万个" → (14.1, "万个"), "5.5%左右" →
/// (5.5, "%"), "16,715.2" → (16715.2, ""). None when the cell does not
/// start with a number.
pub fn base_value(s: &str) -> Option<(f64, &'static str)> {
    let v = parse_number(s)?;
    let s = s.trim();
    let start = s.find(|c: char| c.is_ascii_digit())?;
    let rest: Vec<char> = s[start..]
        .chars()
        .skip_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    let rest: Vec<char> = rest.into_iter().skip_while(|c| c.is_whitespace()).collect();
    let unit = unit_after(&rest);
    Some(to_base(v, &unit).unwrap_or((v, "")))
}

/// How a cell sorts: a number (by its base value, in the group of its base
/// unit, so 万/亿 multipliers compare and unlike units never interleave),
/// then text, then empty cells.
#[derive(Debug, Clone, PartialEq)]
pub enum SortKey<'a> {
    Number { group: usize, value: f64 },
    Text(&'a str),
    Empty,
}

impl SortKey<'_> {
    fn class(&self) -> u8 {
        match self {
            SortKey::Number { .. } => 0,
            SortKey::Text(_) => 1,
            SortKey::Empty => 2,
        }
    }
}

/// Sort keys for a column's cells; groups are numbered by the first
/// appearance of their base unit in `cells` order.
pub fn sort_keys<'a>(cells: &[&'a str]) -> Vec<SortKey<'a>> {
    let mut units: Vec<&'static str> = Vec::new();
    cells
        .iter()
        .map(|&c| {
            if c.trim().is_empty() {
                return SortKey::Empty;
            }
            match base_value(c) {
                Some((value, unit)) => {
                    let group = units.iter().position(|u| *u == unit).unwrap_or_else(|| {
                        units.push(unit);
                        units.len() - 1
                    });
                    SortKey::Number { group, value }
                }
                None => SortKey::Text(c),
            }
        })
        .collect()
}

/// Order two keys in a direction: numbers before text before empty cells
/// and unit groups in their order either way; values and texts up or down.
pub fn compare_keys(a: &SortKey<'_>, b: &SortKey<'_>, dir: SortDir) -> Ordering {
    let within = match (a, b) {
        (SortKey::Number { group: g, value: x }, SortKey::Number { group: h, value: y }) => {
            if g != h {
                return g.cmp(h);
            }
            x.partial_cmp(y).unwrap_or(Ordering::Equal)
        }
        (SortKey::Text(x), SortKey::Text(y)) => x.cmp(y),
        _ => return a.class().cmp(&b.class()),
    };
    match dir {
        SortDir::Up => within,
        SortDir::Down => within.reverse(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_parse_with_units_and_separators() {
        assert_eq!(parse_number("5.5%左右"), Some(5.5));
        assert_eq!(parse_number("16,715.2"), Some(16715.2));
        assert_eq!(parse_number("-3.1%"), Some(-3.1));
        assert_eq!(parse_number("—— 完成"), None);
        assert_eq!(parse_number("完成市下达任务"), None);
        assert_eq!(parse_number("约2"), None);
    }

    #[test]
    fn sorting_compares_wan_and_yi_and_keeps_unlike_units_apart() {
        let cells = [
            "47%",
            "14.1万个",
            "9个",
            "1.37万亿元",
            "16715.2亿元",
            "3%",
            "",
            "完成",
        ];
        // 9个 is 0.0009 万个: below 14.1万个, in the same group.
        assert_eq!(base_value(cells[2]), Some((0.0009, "万个")));
        assert_eq!(base_value(cells[3]), Some((13700.0, "亿元")));
        assert_eq!(base_value("16715.2 亿元"), Some((16715.2, "亿元")));
        let keys = sort_keys(&cells);
        let mut order: Vec<usize> = (0..cells.len()).collect();
        order.sort_by(|&a, &b| compare_keys(&keys[a], &keys[b], SortDir::Up));
        // % group (first seen), then 万个, then 亿元; text; empty.
        assert_eq!(order, vec![5, 0, 2, 1, 3, 4, 7, 6]);
        order.sort_by(|&a, &b| compare_keys(&keys[a], &keys[b], SortDir::Down));
        assert_eq!(order, vec![0, 5, 1, 2, 4, 3, 7, 6]);
    }
}
