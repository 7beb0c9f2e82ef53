//! Metric keys for joins: two names denote the same metric when their keys
//! are equal. The key drops scope words (全市, 全区, 地区, 地方, 全年), the
//! place names of the reports in the model, and maps a few generic synonyms
//! (GDP → 生产总值, 港口 → 港). Nothing here names a particular report.

use crate::model::Report;

const SCOPE_WORDS: &[&str] = &[
    "全市", "全区", "全省", "全国", "全县", "本市", "本区", "全年", "地区", "地方",
];

const SYNONYMS: &[(&str, &str)] = &[("GDP", "生产总值"), ("港口", "港")];

/// The place a report is about: its region, else read from the title ("关于上海市2023年…").
pub fn place(report: &Report) -> Option<String> {
    if let Some(r) = &report.region {
        if !r.is_empty() {
            return Some(r.clone());
        }
    }
    let t = report.title.strip_prefix("关于").unwrap_or(&report.title);
    let p: String = t.chars().take_while(|c| !c.is_ascii_digit()).collect();
    (!p.is_empty() && p.chars().count() <= 8).then_some(p)
}

/// A place name without its administrative suffix ("上海市" → "上海", "浦东新区" → "浦东").
pub fn place_stem(place: &str) -> String {
    for s in ["新区", "自治区", "市", "省", "区", "县"] {
        if let Some(st) = place.strip_suffix(s) {
            if st.chars().count() >= 2 {
                return st.to_string();
            }
        }
    }
    place.to_string()
}

/// The join key of a metric, given the place stems of the model's reports.
pub fn key(metric: &str, stems: &[String]) -> String {
    let mut s: String = metric.split_whitespace().collect();
    loop {
        let before = s.clone();
        for w in SCOPE_WORDS {
            if let Some(r) = s.strip_prefix(w) {
                s = r.to_string();
            }
        }
        for st in stems {
            if let Some(r) = s.strip_prefix(st.as_str()) {
                if r.chars().count() >= 2 {
                    s = r.to_string();
                }
            }
        }
        if s == before {
            break;
        }
    }
    for (a, b) in SYNONYMS {
        s = s.replace(a, b);
    }
    s
}

/// Place stems of every report of a model.
pub fn stems(reports: &[Report]) -> Vec<String> {
    let mut v: Vec<String> = reports
        .iter()
        .filter_map(place)
        .map(|p| place_stem(&p))
        .collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_join_city_and_district_names() {
        let st = vec!["上海".to_string(), "浦东".to_string()];
        assert_eq!(key("全市生产总值", &st), key("地区生产总值", &st));
        assert_eq!(
            key("地方一般公共预算收入", &st),
            key("一般公共预算收入", &st)
        );
        assert_eq!(key("上海港集装箱吞吐量", &st), key("港口集装箱吞吐量", &st));
        assert_eq!(key("全市外贸进出口总额", &st), "外贸进出口总额");
        assert_ne!(key("城镇新增就业岗位", &st), key("新增就业岗位数", &st));
        assert_eq!(place_stem("上海市"), "上海");
        assert_eq!(place_stem("浦东新区"), "浦东");
    }
}
