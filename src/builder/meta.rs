//! Report metadata read from the title and head lines: region, review and
//! plan years, and a short stable id (pinyin of the region + review year).

use std::sync::LazyLock;

use pinyin::ToPinyin;
use regex::Regex;

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})\s*年").unwrap_or_else(|_| unreachable!()));
static REGION_GUANYU: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"关于\s*([\p{Han}]{2,12}?(?:省|市|区|县|州|盟|旗|自治区|特别行政区))\s*(?:19|20)\d{2}",
    )
    .unwrap_or_else(|_| unreachable!())
});
static REGION_BEFORE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([\p{Han}]{2,12}?(?:省|市|区|县|州|盟|旗|自治区))\s*(?:19|20)\d{2}\s*年")
        .unwrap_or_else(|_| unreachable!())
});
static REGION_AFTER_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:19|20)\d{2}\s*年\s*([\p{Han}]{2,12}?(?:省|市|区|县|州|盟|旗|自治区))(?:人民)?政府",
    )
    .unwrap_or_else(|_| unreachable!())
});
static REGION_CONGRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"在\s*([\p{Han}]{2,12}?(?:省|市|区|县|州|自治区))\s*第[\p{Han}]+届人民代表大会")
        .unwrap_or_else(|_| unreachable!())
});

/// The region a report is about, if the title or head says.
pub fn region(title: &str, head: &[String]) -> Option<String> {
    for re in [&*REGION_GUANYU, &*REGION_BEFORE_YEAR, &*REGION_AFTER_YEAR] {
        if let Some(c) = re.captures(title) {
            return c.get(1).map(|m| m.as_str().to_string());
        }
    }
    if title.starts_with("国民经济和社会发展") || title.contains("关于20") {
        // The national report names no region.
        return Some("全国".into());
    }
    head.iter().find_map(|l| {
        REGION_CONGRESS
            .captures(l)
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().to_string())
    })
}

/// Review and plan years: the title names both for a plan report
/// ("2023年…执行情况与2024年…计划草案"); a work report names one.
pub fn years(title: &str, date: Option<&str>) -> (Option<u16>, Option<u16>) {
    let ys: Vec<u16> = YEAR
        .captures_iter(title)
        .filter_map(|c| c.get(1)?.as_str().parse().ok())
        .collect();
    match ys.as_slice() {
        [a, b, ..] if a != b => (Some(*a.min(b)), Some(*a.max(b))),
        [y, ..] if title.contains("执行情况") => (Some(*y), Some(y + 1)),
        [y, ..] => (Some(y - 1), Some(*y)),
        [] => {
            let y: Option<u16> = date.and_then(|d| d.get(..4)).and_then(|d| d.parse().ok());
            (y.map(|y| y - 1), y)
        }
    }
}

/// `pudong-2023`: pinyin of the region without its admin suffix, and the review year.
pub fn report_id(region: Option<&str>, year: Option<u16>, file_name: &str) -> String {
    let name = region.map(|r| {
        let core = ["特别行政区", "自治区", "新区", "省", "市", "区", "县"]
            .iter()
            .find_map(|s| r.strip_suffix(s).filter(|c| c.chars().count() >= 2))
            .unwrap_or(r);
        if core == "全国" {
            return "china".to_string();
        }
        core.to_pinyin()
            .flatten()
            .map(|p| p.plain())
            .collect::<String>()
    });
    let name = match name {
        Some(n) if !n.is_empty() => n,
        _ => {
            let stem = file_name
                .rsplit_once('.')
                .map(|(s, _)| s)
                .unwrap_or(file_name);
            let s: String = stem
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() {
                        c.to_ascii_lowercase()
                    } else {
                        '-'
                    }
                })
                .collect();
            let s = s
                .split('-')
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join("-");
            if s.is_empty() {
                "report".into()
            } else {
                s
            }
        }
    };
    match year {
        Some(y) if !name.ends_with(&y.to_string()) => format!("{name}-{y}"),
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_report_titles() {
        let t = "关于浦东新区2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告";
        assert_eq!(region(t, &[]).as_deref(), Some("浦东新区"));
        assert_eq!(years(t, None), (Some(2023), Some(2024)));
        assert_eq!(
            report_id(Some("浦东新区"), Some(2023), "x.txt"),
            "pudong-2023"
        );
        assert_eq!(
            report_id(Some("上海市"), Some(2023), "x.txt"),
            "shanghai-2023"
        );
        assert_eq!(
            report_id(Some("广东省"), Some(2023), "x.txt"),
            "guangdong-2023"
        );
    }

    #[test]
    fn work_report_and_fallbacks() {
        let head = vec!["——2024年1月23日在浙江省第十四届人民代表大会第二次会议上".to_string()];
        assert_eq!(region("政府工作报告", &head).as_deref(), Some("浙江省"));
        assert_eq!(
            years("政府工作报告", Some("2024-01-23")),
            (Some(2023), Some(2024))
        );
        assert_eq!(
            report_id(None, None, "My Report (final).txt"),
            "my-report-final"
        );
    }
}
