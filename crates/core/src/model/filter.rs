//! Choosing reports of a corpus by region, year and level: what the CLI's
//! `--region`, `--year` and `--level` mean (and what the explorer's search
//! filters will mean).
//!
//! - region: a report matches when its region, or its parent region, holds
//!   the text (`浙江`, `杭州市`), or when the text is ASCII and is the start of
//!   the region's pinyin as its id spells it (`zhejiang`, `zhej`,
//!   case-insensitive);
//! - year: the year the report plans for (`plan_year`), one year `2024` or an
//!   inclusive range `2020..2024` (also `2020-2024`; either end may be left
//!   open: `..2010`, `2020..`);
//! - level: national, province, city, district or county.

use std::ops::RangeInclusive;

use super::types::{Level, Report};

/// Which reports to keep; an empty filter keeps every report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportFilter {
    pub region: Option<String>,
    pub years: Option<RangeInclusive<u16>>,
    pub level: Option<Level>,
}

/// Parse a year or a range of years (see the module doc).
pub fn parse_years(s: &str) -> Result<RangeInclusive<u16>, String> {
    let s = s.trim();
    let year = |t: &str, open: u16| -> Result<u16, String> {
        let t = t.trim();
        if t.is_empty() {
            return Ok(open);
        }
        match t.parse::<u16>() {
            Ok(y) if (1900..=2999).contains(&y) => Ok(y),
            _ => Err(format!("{t:?} is not a year (e.g. 2024)")),
        }
    };
    let (a, b) = match s.split_once("..").or_else(|| s.split_once('-')) {
        Some((a, b)) => (year(a, u16::MIN)?, year(b, u16::MAX)?),
        None => {
            let y = year(s, 0)?;
            if s.is_empty() {
                return Err("an empty year".into());
            }
            (y, y)
        }
    };
    if a > b {
        return Err(format!("{s:?}: the first year is after the last"));
    }
    Ok(a..=b)
}

/// Parse a level name.
pub fn parse_level(s: &str) -> Result<Level, String> {
    [
        Level::National,
        Level::Province,
        Level::City,
        Level::District,
        Level::County,
    ]
    .into_iter()
    .find(|l| l.as_str().eq_ignore_ascii_case(s.trim()))
    .ok_or_else(|| format!("{s:?} is not a level (national, province, city, district, county)"))
}

impl ReportFilter {
    pub fn is_empty(&self) -> bool {
        self.region.is_none() && self.years.is_none() && self.level.is_none()
    }

    pub fn matches(&self, r: &Report) -> bool {
        self.years
            .as_ref()
            .is_none_or(|y| r.plan_year.is_some_and(|p| y.contains(&p)))
            && self.level.is_none_or(|l| r.level == Some(l))
            && self.region.as_deref().is_none_or(|q| region_matches(r, q))
    }
}

fn region_matches(r: &Report, q: &str) -> bool {
    region_names_match(q, r.region.as_deref(), r.parent_region.as_deref(), &r.id)
}

/// The region rule for anything that names a region, the region above it and
/// a report id (a report; a row of the target ledger).
pub fn region_names_match(q: &str, region: Option<&str>, parent: Option<&str>, id: &str) -> bool {
    let q = q.trim();
    if q.is_empty() {
        return true;
    }
    let named = |n: Option<&str>| n.is_some_and(|n| n.contains(q));
    if named(region) || named(parent) {
        return true;
    }
    // the id starts with the region's pinyin: zhejiang-2024, shanghai-2024-plan
    q.is_ascii() && {
        let spelt = id.split('-').next().unwrap_or("");
        spelt
            .to_ascii_lowercase()
            .starts_with(&q.to_ascii_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_ranges() {
        assert_eq!(parse_years("2024"), Ok(2024..=2024));
        assert_eq!(parse_years("2020..2024"), Ok(2020..=2024));
        assert_eq!(parse_years("2020-2024"), Ok(2020..=2024));
        assert_eq!(parse_years("..2010"), Ok(u16::MIN..=2010));
        assert_eq!(parse_years("2020.."), Ok(2020..=u16::MAX));
        for bad in ["", "24", "2024..2020", "abc", "2024..20x"] {
            assert!(parse_years(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_level("City"), Ok(Level::City));
        assert!(parse_level("town").is_err());
    }

    #[test]
    fn bundled_reports_by_region_year_and_level() {
        let m = crate::plan_model();
        let keep = |f: ReportFilter| -> Vec<String> {
            m.reports
                .iter()
                .filter(|r| f.matches(r))
                .map(|r| r.id.clone())
                .collect()
        };
        assert_eq!(keep(ReportFilter::default()).len(), m.reports.len());
        let pudong = keep(ReportFilter {
            region: Some("浦东".into()),
            ..Default::default()
        });
        assert_eq!(pudong, vec!["pudong-2024-plan".to_string()]);
        let by_pinyin = keep(ReportFilter {
            region: Some("PuD".into()),
            ..Default::default()
        });
        assert_eq!(by_pinyin, pudong);
        let shanghai = keep(ReportFilter {
            region: Some("上海".into()),
            ..Default::default()
        });
        assert_eq!(shanghai, vec!["shanghai-2024-plan".to_string()]);
        let none = keep(ReportFilter {
            years: Some(2000..=2010),
            ..Default::default()
        });
        assert!(none.is_empty());
        let plan_2024 = keep(ReportFilter {
            years: Some(2024..=2024),
            level: Some(Level::District),
            ..Default::default()
        });
        assert_eq!(plan_2024, pudong);
    }
}
