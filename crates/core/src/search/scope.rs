//! Narrowing a search to some reports of a corpus with `@` terms in the
//! query: `@浙江` or `@zhejiang` (a region, as the CLI's `--region` means it:
//! see `model::filter`), `@2024` or `@2020..2024` (the plan year; also
//! `@2020-2024`, `@..2010`, `@2020..`), `@province` (a level: national,
//! province, city, district, county), `@work` / `@plan` (the kind).
//! Terms of one sort are alternatives (`@zhejiang @jiangsu`: either
//! region); terms of different sorts must all hold (`@zhejiang @2024`).
//! `!@term` excludes the reports it names. A bare `2024` is no filter: it is
//! searched as text, as every other term (reports are full of 2024年).
//! Beyond `--region`, an ASCII region term also matches the pinyin of the
//! region's name from its start, whole or by initials (`@quanguo`, `@zj` for
//! 浙江省), as the explorer's report picker does: the usual reading of each
//! character only (search tries every reading of a polyphonic character,
//! which would let `zj` spell 宁夏 as zhù jiǎ).

use crate::model::filter::{parse_level, parse_years, ReportFilter};
use crate::model::{Level, Report, ReportKind};
use pinyin::ToPinyin;
use std::ops::RangeInclusive;

/// What one `@` term asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Region(String),
    Years(RangeInclusive<u16>),
    Level(Level),
    Kind(ReportKind),
}

/// One `@` term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeTerm {
    pub scope: Scope,
    /// `!@term`: the reports it names are left out.
    pub negate: bool,
}

impl ScopeTerm {
    /// Parse the text after `@` (None for an empty one, as while typing).
    pub fn parse(text: &str, negate: bool) -> Option<ScopeTerm> {
        let t = text.trim();
        if t.is_empty() {
            return None;
        }
        let scope = if t.starts_with(|c: char| c.is_ascii_digit()) || t.starts_with("..") {
            match parse_years(t) {
                Ok(y) => Scope::Years(y),
                Err(_) => Scope::Region(t.to_string()),
            }
        } else if let Ok(l) = parse_level(t) {
            Scope::Level(l)
        } else if t.eq_ignore_ascii_case("work") {
            Scope::Kind(ReportKind::Work)
        } else if t.eq_ignore_ascii_case("plan") {
            Scope::Kind(ReportKind::Plan)
        } else {
            Scope::Region(t.to_string())
        };
        Some(ScopeTerm { scope, negate })
    }

    fn sort(&self) -> u8 {
        match self.scope {
            Scope::Region(_) => 0,
            Scope::Years(_) => 1,
            Scope::Level(_) => 2,
            Scope::Kind(_) => 3,
        }
    }

    fn holds(&self, r: &Report) -> bool {
        match &self.scope {
            Scope::Region(q) => ReportFilter {
                region: Some(q.clone()),
                ..ReportFilter::default()
            }
            .matches(r),
            Scope::Years(y) => ReportFilter {
                years: Some(y.clone()),
                ..ReportFilter::default()
            }
            .matches(r),
            Scope::Level(l) => r.level == Some(*l),
            Scope::Kind(k) => r.kind == Some(*k),
        }
    }
}

/// Whether ASCII letters `term` start the pinyin of a region's name, whole
/// (`zhejiang`, `quanguo`) or by initials (`zj`, `qg`), case-insensitive,
/// reading each character as usual (see the module doc).
pub fn spells(name: &str, term: &str) -> bool {
    if term.is_empty() || !term.chars().all(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    let term = term.to_ascii_lowercase();
    let (mut whole, mut initials) = (String::new(), String::new());
    for c in name.chars() {
        let Some(p) = c.to_pinyin() else { break };
        let p = p.plain().replace('ü', "v");
        whole.push_str(&p);
        initials.extend(p.chars().next());
    }
    whole.starts_with(&term) || initials.starts_with(&term)
}

/// Which reports a query's `@` terms keep (None: no `@` term, every report).
pub fn report_mask(terms: &[ScopeTerm], reports: &[Report]) -> Option<Vec<bool>> {
    if terms.is_empty() {
        return None;
    }
    // for each term, the reports it names
    let named: Vec<Vec<bool>> = terms
        .iter()
        .map(|t| {
            reports
                .iter()
                .map(|r| {
                    t.holds(r)
                        || matches!(&t.scope, Scope::Region(q)
                            if spells(r.region.as_deref().unwrap_or(""), q))
                })
                .collect()
        })
        .collect();
    let keep = |i: usize| {
        (0..4).all(|sort| {
            let of_sort: Vec<usize> = (0..terms.len())
                .filter(|&k| !terms[k].negate && terms[k].sort() == sort)
                .collect();
            of_sort.is_empty() || of_sort.iter().any(|&k| named[k][i])
        }) && !(0..terms.len()).any(|k| terms[k].negate && named[k][i])
    };
    Some((0..reports.len()).map(keep).collect())
}

/// A report's metadata only (what `@` terms read), to keep in the index.
pub fn meta(r: &Report) -> Report {
    Report {
        region: r.region.clone(),
        level: r.level,
        parent_region: r.parent_region.clone(),
        kind: r.kind,
        review_year: r.review_year,
        plan_year: r.plan_year,
        ..Report::empty(&r.id, "")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(id: &str, region: &str, level: Level, year: u16) -> Report {
        Report {
            region: Some(region.into()),
            level: Some(level),
            plan_year: Some(year),
            kind: Some(ReportKind::Work),
            ..Report::empty(id, "")
        }
    }

    fn keep(q: &str) -> Vec<&'static str> {
        let rs = [
            report("china-2024", "全国", Level::National, 2024),
            report("zhejiang-2024", "浙江省", Level::Province, 2024),
            report("zhejiang-2020", "浙江省", Level::Province, 2020),
            report("jiangsu-2022", "江苏省", Level::Province, 2022),
        ];
        let names = [
            "china-2024",
            "zhejiang-2024",
            "zhejiang-2020",
            "jiangsu-2022",
        ];
        let terms: Vec<ScopeTerm> = q
            .split(' ')
            .filter_map(|t| {
                let (neg, t) = t.strip_prefix('!').map_or((false, t), |r| (true, r));
                ScopeTerm::parse(t.strip_prefix('@')?, neg)
            })
            .collect();
        let mask = report_mask(&terms, &rs).unwrap_or(vec![true; 4]);
        names
            .iter()
            .zip(mask)
            .filter(|(_, k)| *k)
            .map(|(n, _)| *n)
            .collect()
    }

    #[test]
    fn a_region_is_spelt_by_its_usual_reading_only() {
        assert!(spells("浙江省", "zj") && spells("浙江省", "zhejiangs"));
        assert!(spells("宁夏回族自治区", "nx") && spells("宁夏回族自治区", "ningxia"));
        assert!(
            !spells("宁夏回族自治区", "zj"),
            "宁 zhù 夏 jiǎ are rare readings"
        );
        assert!(spells("全国", "quanguo") && !spells("全国", "guo"));
        assert!(!spells("浙江省", "") && !spells("浙江省", "浙江"));
    }

    #[test]
    fn regions_years_levels_and_exclusions() {
        assert_eq!(keep("@zhejiang"), ["zhejiang-2024", "zhejiang-2020"]);
        assert_eq!(keep("@zj"), ["zhejiang-2024", "zhejiang-2020"]);
        assert_eq!(keep("@ZJS"), ["zhejiang-2024", "zhejiang-2020"]);
        assert_eq!(keep("@quanguo"), ["china-2024"]);
        assert_eq!(keep("@浙江 @2024"), ["zhejiang-2024"]);
        assert_eq!(
            keep("@zhejiang @jiangsu"),
            ["zhejiang-2024", "zhejiang-2020", "jiangsu-2022"]
        );
        assert_eq!(
            keep("@2021..2024 @province"),
            ["zhejiang-2024", "jiangsu-2022"]
        );
        assert_eq!(keep("@national"), ["china-2024"]);
        assert_eq!(keep("!@zhejiang"), ["china-2024", "jiangsu-2022"]);
        assert_eq!(keep("@..2020"), ["zhejiang-2020"]);
        assert_eq!(
            keep("@19"),
            Vec::<&str>::new(),
            "not a year: a region, none"
        );
        assert_eq!(keep("@").len(), 4, "a lone @ is no filter yet");
    }
}
