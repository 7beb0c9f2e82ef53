//! Target text as printed in a targets column or a goals paragraph
//! ("增长7%左右", "13万个以上", "1.37万亿元,增速高于全市3个百分点"), parsed into
//! parts, and assessed against an actual: met / exceeded / missed / unknown,
//! always with the reason. Never guesses: what the text does not decide is unknown.

use super::number::{convert, decimals, numbers};
use super::words::{POST_QUALIFIERS, PRE_QUALIFIERS};

/// One criterion of a target.
#[derive(Debug, Clone, PartialEq)]
pub enum TargetPart {
    /// A level: "13万个以上", "1.37万亿元", "50%左右".
    Level {
        value: f64,
        text: String,
        unit: String,
        qualifier: Option<String>,
    },
    /// A growth rate: "增长7%左右", "力争增长6%".
    Growth {
        value: f64,
        text: String,
        qualifier: Option<String>,
    },
    /// Growth relative to another figure: "增速高于全市3个百分点" (by = 3),
    /// "与全市同步" / "与经济增长基本同步" (by = None).
    Relative {
        reference: String,
        by: Option<f64>,
        text: String,
    },
    /// Words that decide nothing by themselves ("完成市下达任务", "持平").
    Vague(String),
}

/// A parsed target cell or phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub text: String,
    pub parts: Vec<TargetPart>,
    /// 力争 (an aspiration) was printed.
    pub aspiration: bool,
}

/// Outcome of comparing an actual with a target (JSON: "met", "exceeded",
/// "missed", "unknown").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Assessment {
    Met,
    Exceeded,
    Missed,
    Unknown,
}

impl Assessment {
    pub fn as_str(&self) -> &'static str {
        match self {
            Assessment::Met => "met",
            Assessment::Exceeded => "exceeded",
            Assessment::Missed => "missed",
            Assessment::Unknown => "unknown",
        }
    }
}

/// Parse a target text; pieces are split at commas, semicolons and spaces.
pub fn parse_target(text: &str) -> Target {
    let t = text.trim();
    let mut parts = Vec::new();
    let mut aspiration = false;
    for piece in t.split([',', '\u{FF0C}', ';', '\u{FF1B}', ' ', '\u{3000}']) {
        let mut p = piece.trim();
        if p.is_empty() || p.chars().all(|c| c == '—' || c == '-') {
            continue;
        }
        if let Some(r) = p.strip_prefix("力争") {
            aspiration = true;
            p = r;
        }
        parts.push(parse_piece(p));
    }
    Target {
        text: t.to_string(),
        parts,
        aspiration,
    }
}

fn parse_piece(p: &str) -> TargetPart {
    let chars: Vec<char> = p.chars().collect();
    // Relative: "[增速]高于全市3个百分点", "与全市同步", "与经济增长基本同步".
    if let Some(rest) = p.strip_prefix("与") {
        if let Some(r) = rest.strip_suffix("同步") {
            let reference = r
                .trim_end_matches("基本")
                .trim_end_matches("保持")
                .to_string();
            if !reference.is_empty() {
                return TargetPart::Relative {
                    reference,
                    by: None,
                    text: p.to_string(),
                };
            }
        }
    }
    let nums = numbers(&chars, false);
    if let Some(i) = p.find("高于") {
        let head = &p[..i];
        let rest = &p[i + "高于".len()..];
        if let (true, Some(n)) = (
            head.is_empty() || head == "增速" || head == "增长",
            nums.first(),
        ) {
            let tail: String = chars[n.end..].iter().collect();
            if n.unit == "个百分点" && tail.is_empty() {
                let reference: String = rest.chars().take_while(|c| !c.is_ascii_digit()).collect();
                let reference = reference.trim_end_matches("水平").to_string();
                if !reference.is_empty() {
                    return TargetPart::Relative {
                        reference,
                        by: Some(n.value),
                        text: p.to_string(),
                    };
                }
            }
        }
    }
    if nums.len() == 1 && !nums[0].unit.is_empty() {
        let n = &nums[0];
        let head: String = chars[..n.start].iter().collect();
        let tail: String = chars[n.end..].iter().collect();
        let post = POST_QUALIFIERS.iter().find(|q| tail == **q).copied();
        if !(tail.is_empty() || post.is_some()) {
            return TargetPart::Vague(p.to_string());
        }
        let growth = ["增长", "增速", "增幅"].iter().any(|w| head == *w);
        let pre = PRE_QUALIFIERS
            .iter()
            .find(|(w, _)| head == *w)
            .map(|(_, q)| *q);
        let qualifier = post.or(pre).map(str::to_string);
        if growth && n.unit == "%" {
            return TargetPart::Growth {
                value: n.value,
                text: p.to_string(),
                qualifier,
            };
        }
        if head.is_empty() || pre.is_some() {
            return TargetPart::Level {
                value: n.value,
                text: p.to_string(),
                unit: n.unit.clone(),
                qualifier,
            };
        }
    }
    TargetPart::Vague(p.to_string())
}

/// The actual side of an assessment.
#[derive(Debug, Clone, Default)]
pub struct Actual {
    /// Level value and its printed unit.
    pub level: Option<(f64, String)>,
    /// Growth rate in %.
    pub growth: Option<f64>,
}

/// A reference figure resolved for a relative target: growth in %, and where it comes from.
#[derive(Debug, Clone)]
pub struct Reference {
    pub growth: f64,
    pub description: String,
}

/// Assess `actual` against `target`. `resolve` finds the figure a relative
/// target points at ("全市", "经济增长"); None means the corpus does not hold it.
pub fn assess(
    target: &Target,
    actual: &Actual,
    resolve: &dyn Fn(&str) -> Option<Reference>,
) -> (Assessment, String) {
    let decisive: Vec<&TargetPart> = target
        .parts
        .iter()
        .filter(|p| !matches!(p, TargetPart::Vague(_)))
        .collect();
    if decisive.is_empty() {
        return (
            Assessment::Unknown,
            format!(
                "the target \"{}\" states no figure to compare with",
                target.text
            ),
        );
    }
    let mut results = Vec::new();
    for p in decisive {
        results.push(assess_part(p, actual, resolve));
    }
    let overall = if results.iter().any(|r| r.0 == Assessment::Missed) {
        Assessment::Missed
    } else if results.iter().any(|r| r.0 == Assessment::Unknown) {
        Assessment::Unknown
    } else if results.iter().all(|r| r.0 == Assessment::Exceeded) {
        Assessment::Exceeded
    } else {
        Assessment::Met
    };
    let reason = results
        .into_iter()
        .map(|r| r.1)
        .collect::<Vec<_>>()
        .join("; ");
    (overall, reason)
}

fn assess_part(
    p: &TargetPart,
    actual: &Actual,
    resolve: &dyn Fn(&str) -> Option<Reference>,
) -> (Assessment, String) {
    match p {
        TargetPart::Level {
            value,
            text,
            unit,
            qualifier,
        } => {
            let Some((a, au)) = &actual.level else {
                return (Assessment::Unknown, format!("{text}: no actual figure"));
            };
            let Some(a_conv) = convert(*a, au, unit) else {
                return (
                    Assessment::Unknown,
                    format!("{text}: actual is in {au}, not comparable with {unit}"),
                );
            };
            let nt = number_text(text);
            let verdict = compare(a_conv, *value, decimals(&nt), qualifier.as_deref());
            let shown = format!("{}{au}", trim_float(*a));
            (verdict, format!("{text} vs {shown}: {}", verdict.as_str()))
        }
        TargetPart::Growth {
            value,
            text,
            qualifier,
        } => {
            let Some(g) = actual.growth else {
                return (
                    Assessment::Unknown,
                    format!("{text}: no actual growth rate"),
                );
            };
            let verdict = compare(
                g,
                *value,
                decimals(&number_text(text)),
                qualifier.as_deref(),
            );
            (
                verdict,
                format!("{text} vs 增长{}%: {}", trim_float(g), verdict.as_str()),
            )
        }
        TargetPart::Relative {
            reference,
            by,
            text,
        } => {
            let Some(g) = actual.growth else {
                return (
                    Assessment::Unknown,
                    format!("{text}: no actual growth rate"),
                );
            };
            let Some(r) = resolve(reference) else {
                return (
                    Assessment::Unknown,
                    format!("{text}: the {reference} figure is not in the corpus"),
                );
            };
            let verdict = match by {
                Some(d) => {
                    if g >= r.growth + d - 1e-9 {
                        Assessment::Met
                    } else {
                        Assessment::Missed
                    }
                }
                None => {
                    let diff = g - r.growth;
                    if diff.abs() <= IN_STEP_TOLERANCE + 1e-9 {
                        Assessment::Met
                    } else if diff > 0.0 {
                        Assessment::Exceeded
                    } else {
                        Assessment::Missed
                    }
                }
            };
            (
                verdict,
                format!(
                    "{text}: 增长{}% vs {} 增长{}% ({}): {}",
                    trim_float(g),
                    reference,
                    trim_float(r.growth),
                    r.description,
                    verdict.as_str()
                ),
            )
        }
        TargetPart::Vague(t) => (Assessment::Unknown, format!("{t}: decides nothing")),
    }
}

/// "同步" (in step) holds within this many percentage points.
pub const IN_STEP_TOLERANCE: f64 = 0.5;

/// "左右"/"约" holds within this share of the target (or its printed precision, if larger).
pub const ABOUT_TOLERANCE: f64 = 0.05;

fn compare(a: f64, t: f64, dec: usize, qualifier: Option<&str>) -> Assessment {
    let q = qualifier.unwrap_or("");
    match q {
        "以上" | "超过" | "不低于" | "不少于" | "突破" => {
            if a >= t - 1e-9 {
                Assessment::Met
            } else {
                Assessment::Missed
            }
        }
        "以内" | "以下" | "不超过" | "控制在" | "之内" => {
            if a <= t + 1e-9 {
                Assessment::Met
            } else {
                Assessment::Missed
            }
        }
        "左右" | "约" | "近" => {
            let half = 0.5 * 10f64.powi(-(dec as i32));
            let tol = (t.abs() * ABOUT_TOLERANCE).max(half);
            if (a - t).abs() <= tol + 1e-9 {
                Assessment::Met
            } else if a > t {
                Assessment::Exceeded
            } else {
                Assessment::Missed
            }
        }
        _ => {
            // A bare figure: the actual rounded to the target's printed precision.
            let f = 10f64.powi(dec as i32);
            let r = (a * f).round() / f;
            if (r - t).abs() < 1e-9 {
                Assessment::Met
            } else if r > t {
                Assessment::Exceeded
            } else {
                Assessment::Missed
            }
        }
    }
}

fn number_text(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    numbers(&chars, false)
        .first()
        .map(|n| n.number_text.clone())
        .unwrap_or_default()
}

/// 16715.2 → "16715.2", 5.0 → "5".
pub fn trim_float(v: f64) -> String {
    let s = format!("{:.6}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &str) -> Option<Reference> {
        None
    }

    fn level(v: f64, u: &str) -> Actual {
        Actual {
            level: Some((v, u.into())),
            growth: None,
        }
    }

    #[test]
    fn the_issue_examples() {
        let g = Actual {
            level: Some((16715.2, "亿元".into())),
            growth: Some(4.8),
        };
        assert_eq!(
            assess(&parse_target("增长7%左右"), &g, &none).0,
            Assessment::Missed
        );
        let a = level(14.1, "万个");
        assert_eq!(
            assess(&parse_target("13万个以上"), &a, &none).0,
            Assessment::Met
        );
        let a = level(31442.0, "人");
        let t = parse_target("完成市下达任务 3.39万人以内");
        assert_eq!(assess(&t, &a, &none).0, Assessment::Met);
    }

    #[test]
    fn a_relative_target_without_the_reference_is_unknown() {
        let a = Actual {
            level: Some((13660.8, "亿元".into())),
            growth: Some(2.6),
        };
        let t = parse_target("1.37万亿元,增速高于全市3个百分点");
        assert_eq!(t.parts.len(), 2);
        let (v, why) = assess(&t, &a, &none);
        assert_eq!(v, Assessment::Unknown);
        assert!(why.contains("1.37万亿元 vs 13660.8亿元: met"), "{why}");
        assert!(why.contains("not in the corpus"), "{why}");
        let found = |_: &str| {
            Some(Reference {
                growth: 0.7,
                description: "test".into(),
            })
        };
        let (v, _) = assess(
            &parse_target("稳定增长,与全市同步"),
            &Actual {
                level: None,
                growth: Some(4.7),
            },
            &found,
        );
        assert_eq!(v, Assessment::Exceeded);
        let (v, _) = assess(&t, &a, &found);
        assert_eq!(v, Assessment::Missed, "2.6 < 0.7 + 3");
    }

    #[test]
    fn bare_and_bounded_levels() {
        assert_eq!(
            assess(&parse_target("115亿美元"), &level(103.4, "亿美元"), &none).0,
            Assessment::Missed
        );
        assert_eq!(
            assess(&parse_target("75件"), &level(83.0, "件"), &none).0,
            Assessment::Exceeded
        );
        assert_eq!(
            assess(&parse_target("46%以上"), &level(47.0, "%"), &none).0,
            Assessment::Met
        );
        assert_eq!(
            assess(&parse_target("75%左右"), &level(97.6, "%"), &none).0,
            Assessment::Exceeded
        );
        assert_eq!(
            assess(&parse_target("3%左右"), &Actual::default(), &none).0,
            Assessment::Unknown
        );
        assert_eq!(
            assess(&parse_target("持平"), &level(1.0, "%"), &none).0,
            Assessment::Unknown
        );
    }

    #[test]
    fn parses_growth_and_level_together() {
        let t = parse_target("3150亿元左右,增长5%");
        assert!(matches!(t.parts[0], TargetPart::Level { value, .. } if value == 3150.0));
        assert!(matches!(t.parts[1], TargetPart::Growth { value, .. } if value == 5.0));
        let t = parse_target("力争55%左右");
        assert!(t.aspiration);
        assert!(matches!(&t.parts[0], TargetPart::Level { qualifier: Some(q), .. } if q == "左右"));
    }
}
