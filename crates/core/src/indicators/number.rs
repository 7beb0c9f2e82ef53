//! Numbers and units as printed in Chinese reports: find a number with its
//! unit ("4.72万亿元", "31442人", "-4.3%"), and convert between units of one
//! dimension (万亿元 ↔ 亿元, 人 ↔ 万人). Pure; no model types.

/// A unit split into its magnitude prefix and its base ("万亿元" = 1e4 × 亿元).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnitInfo {
    /// The factor from the printed unit to `base`.
    pub factor: f64,
    /// The dimension's base unit ("亿元", "万人", "家", "%").
    pub base: &'static str,
}

/// Bare units (after any 万/亿 prefix), longest first so "人次" wins over "人".
const BARE_UNITS: &[&str] = &[
    "个百分点",
    "标准箱",
    "平方米",
    "微克/立方米",
    "美元",
    "千瓦",
    "人次",
    "户次",
    "家次",
    "公里",
    "公顷",
    "平米",
    "元",
    "人",
    "个",
    "家",
    "户",
    "件",
    "张",
    "所",
    "套",
    "吨",
    "辆",
    "亩",
    "台",
    "项",
    "条",
    "片",
    "座",
    "场",
    "名",
    "艘",
    "列",
    "宗",
    "处",
    "笔",
    "单",
    "份",
    "种",
    "倍",
    "%",
];

/// Bases that are normalized to 万X (people, places, areas …), as the issue asks:
/// 31442人 → 3.1442 万人.
const WAN_BASES: &[&str] = &[
    "人",
    "个",
    "人次",
    "平方米",
    "千瓦",
    "套",
    "吨",
    "标准箱",
    "户",
    "辆",
    "亩",
    "户次",
    "家次",
];

/// Parse a printed unit ("万亿元", "亿美元", "万人", "%", "个百分点") into factor and base.
pub fn unit_info(unit: &str) -> Option<UnitInfo> {
    let (mult, bare) = if let Some(b) = unit.strip_prefix("万亿") {
        (1e12, b)
    } else if let Some(b) = unit.strip_prefix("亿") {
        (1e8, b)
    } else if let Some(b) = unit.strip_prefix("万") {
        (1e4, b)
    } else {
        (1.0, unit)
    };
    let bare = *BARE_UNITS.iter().find(|u| **u == bare)?;
    // Money is counted in 亿 (亿元, 亿美元), the unit these reports print totals in.
    if bare == "元" {
        return Some(UnitInfo {
            factor: mult / 1e8,
            base: "亿元",
        });
    }
    if bare == "美元" {
        return Some(UnitInfo {
            factor: mult / 1e8,
            base: "亿美元",
        });
    }
    if let Some(b) = WAN_BASES.iter().find(|b| **b == bare) {
        let base = wan_name(b);
        return Some(UnitInfo {
            factor: mult / 1e4,
            base,
        });
    }
    if mult != 1.0 && (bare == "%" || bare == "个百分点" || bare == "倍") {
        return None;
    }
    Some(UnitInfo {
        factor: mult,
        base: bare,
    })
}

fn wan_name(b: &str) -> &'static str {
    match b {
        "人" => "万人",
        "个" => "万个",
        "人次" => "万人次",
        "平方米" => "万平方米",
        "千瓦" => "万千瓦",
        "套" => "万套",
        "吨" => "万吨",
        "标准箱" => "万标准箱",
        "户" => "万户",
        "辆" => "万辆",
        "亩" => "万亩",
        "户次" => "万户次",
        _ => "万家次",
    }
}

/// `value` in `unit` expressed in the unit's base (4.72 万亿元 → 47200 亿元).
pub fn to_base(value: f64, unit: &str) -> Option<(f64, &'static str)> {
    let u = unit_info(unit)?;
    Some((round6(value * u.factor), u.base))
}

/// Convert `value` from unit `from` to unit `to` when both have the same base.
pub fn convert(value: f64, from: &str, to: &str) -> Option<f64> {
    let a = unit_info(from)?;
    let b = unit_info(to)?;
    (a.base == b.base).then(|| round6(value * a.factor / b.factor))
}

/// Round away float noise (47200.00000000001 → 47200).
pub fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// A number with its unit found in a string (offsets are char indices).
#[derive(Debug, Clone, PartialEq)]
pub struct NumberAt {
    pub start: usize,
    /// End of the number digits.
    pub num_end: usize,
    /// End of the unit (== num_end when there is none).
    pub end: usize,
    pub value: f64,
    pub number_text: String,
    pub unit: String,
}

/// Every ASCII-digit number in `chars` with the longest unit that follows it
/// (a "-" right before the digits makes it negative when `signed`).
pub fn numbers(chars: &[char], signed: bool) -> Vec<NumberAt> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && is_numeric_char(chars[i - 1])) {
            i += 1;
            continue;
        }
        let start = if signed && i > 0 && (chars[i - 1] == '-' || chars[i - 1] == '−') {
            i - 1
        } else {
            i
        };
        let mut j = i;
        while j < chars.len() && chars[j].is_ascii_digit() {
            j += 1;
        }
        if j + 1 < chars.len() && chars[j] == '.' && chars[j + 1].is_ascii_digit() {
            j += 1;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
        }
        let text: String = chars[i..j].iter().collect();
        let Ok(mut value) = text.parse::<f64>() else {
            i = j;
            continue;
        };
        if start < i {
            value = -value;
        }
        let unit = unit_after(&chars[j..]);
        let end = j + unit.chars().count();
        out.push(NumberAt {
            start,
            num_end: j,
            end,
            value,
            number_text: chars[start..j].iter().collect(),
            unit,
        });
        i = end.max(j);
    }
    out
}

fn is_numeric_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '.'
}

/// The longest known unit at the start of `rest` ("" when none).
pub fn unit_after(rest: &[char]) -> String {
    let s: String = rest.iter().take(8).collect();
    for prefix in ["万亿", "亿", "万", ""] {
        if let Some(after) = s.strip_prefix(prefix) {
            for u in BARE_UNITS {
                if after.starts_with(u) {
                    let unit = format!("{prefix}{u}");
                    if unit_info(&unit).is_some() {
                        return unit;
                    }
                }
            }
        }
    }
    String::new()
}

/// Decimal places of a printed number ("1.37" → 2).
pub fn decimals(number_text: &str) -> usize {
    number_text.split_once('.').map_or(0, |(_, d)| d.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn normalizes_the_issue_examples() {
        assert_eq!(to_base(4.72, "万亿元"), Some((47200.0, "亿元")));
        assert_eq!(to_base(31442.0, "人"), Some((3.1442, "万人")));
        assert_eq!(to_base(14.1, "万个"), Some((14.1, "万个")));
        assert_eq!(to_base(1703.0, "家"), Some((1703.0, "家")));
        assert_eq!(to_base(103.4, "亿美元"), Some((103.4, "亿美元")));
        assert_eq!(convert(13660.8, "亿元", "万亿元"), Some(1.36608));
        assert_eq!(convert(1.0, "亿元", "万人"), None);
    }

    #[test]
    fn finds_numbers_with_the_longest_unit() {
        let n = numbers(&chars("上海港集装箱吞吐量达4915.8万标准箱,增长5%"), false);
        assert_eq!(n.len(), 2);
        assert_eq!(n[0].unit, "万标准箱");
        assert_eq!(n[0].value, 4915.8);
        assert_eq!(n[1].unit, "%");
        let n = numbers(&chars("-4.3%"), true);
        assert_eq!(n[0].value, -4.3);
        assert_eq!(n[0].number_text, "-4.3");
        let n = numbers(&chars("接待观众超过3500万人次"), false);
        assert_eq!(n[0].unit, "万人次");
        let n = numbers(&chars("提高3.7个百分点"), false);
        assert_eq!(n[0].unit, "个百分点");
    }

    #[test]
    fn a_digit_run_inside_a_word_is_not_a_number() {
        assert!(numbers(&chars("G15公路"), false).is_empty());
        assert!(numbers(&chars("C919"), false).is_empty());
    }
}
