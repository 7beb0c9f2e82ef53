//! A phrase across years and regions, and the phrases a report uses first
//! (issue 15). Pure: no terminal, no printing.
//!
//! - [`count`]: an exact phrase in one report (headings and sentences), from
//!   a parsed report or straight from a pack;
//! - [`trend`] (here): those counts over the chosen reports, in parallel,
//!   summed per year and region, with the first report that used it;
//! - [`resolve`]: a pinyin spelling (`xinzhishengchanli`, `xzscl`) turned
//!   into the Chinese phrase it most often spells in the reports;
//! - [`novel`]: the phrases of a report that no earlier report of its region
//!   used.
//!
//! A report's year is the year it plans for (`plan_year`); reports without
//! one are counted in the totals and never in a year.

pub mod count;
pub mod novel;
pub mod resolve;
pub mod source;

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::model::{Level, Report};
pub use count::{hits_in_pack, hits_in_report, ReportHits, SentenceHit};
pub use source::{
    answer, new_phrases_of, Answer, OwnedPiece, PackWithStubs, Reports, Resolution, TrendError,
};

/// A region's share of a year (or of the whole span).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegionCount {
    pub region: String,
    pub level: Option<Level>,
    /// Reports of the region that use the phrase.
    pub reports: usize,
    /// Occurrences in them.
    pub count: usize,
    /// The region's first year with the phrase, and that report's id.
    pub first_year: Option<u16>,
    pub first_report: String,
}

/// One year of the trend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearCount {
    pub year: u16,
    /// Reports of the year that were searched.
    pub searched: usize,
    /// Of those, the ones that use the phrase.
    pub reports: usize,
    /// Occurrences in them.
    pub count: usize,
    /// The regions that used it that year, most occurrences first.
    pub regions: Vec<RegionCount>,
}

/// One report that uses the phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportCount {
    /// Index of the report in the model (or pack).
    pub report: usize,
    pub hits: ReportHits,
}

/// A phrase across the chosen reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trend {
    pub phrase: String,
    /// Reports searched.
    pub searched: usize,
    /// Every year of a searched report, oldest first (also years with no use).
    pub years: Vec<YearCount>,
    /// The reports that use it, in model order.
    pub reports: Vec<ReportCount>,
    /// Per region over every year: regions in order of first use.
    pub regions: Vec<RegionCount>,
    /// The first report that used it (index into `reports`): the earliest
    /// plan year; in a tie the higher level, then the earlier date, then the
    /// id.
    pub first: Option<usize>,
}

impl Trend {
    /// Occurrences in every searched report.
    pub fn total(&self) -> usize {
        self.reports.iter().map(|r| r.hits.count).sum()
    }

    /// The reports that use the phrase in `year`, in model order.
    pub fn reports_of_year<'a>(
        &'a self,
        stubs: &'a [Report],
        year: u16,
    ) -> impl Iterator<Item = &'a ReportCount> + 'a {
        self.reports
            .iter()
            .filter(move |r| stubs.get(r.report).and_then(|s| s.plan_year) == Some(year))
    }
}

/// The order "first" goes by: year, level (national first), date, id.
fn first_key(r: &Report) -> (u16, u8, &str, &str) {
    (
        r.plan_year.unwrap_or(u16::MAX),
        r.level.map_or(u8::MAX, |l| l as u8),
        r.source.date.as_deref().unwrap_or("~"),
        &r.id,
    )
}

fn region_of(r: &Report) -> String {
    r.region.clone().unwrap_or_else(|| r.id.clone())
}

/// Count `phrase` in the reports `keep` chooses among `stubs` (metadata is
/// enough), reading each through `hits` (a parsed report, a pack), on all
/// cores. The first error ends it.
pub fn trend<E, K, H>(stubs: &[Report], phrase: &str, keep: K, hits: H) -> Result<Trend, E>
where
    E: Send,
    K: Fn(&Report) -> bool + Sync,
    H: Fn(usize) -> Result<ReportHits, E> + Sync,
{
    let chosen: Vec<usize> = (0..stubs.len()).filter(|&i| keep(&stubs[i])).collect();
    let counted: Vec<ReportCount> = chosen
        .par_iter()
        .map(|&i| hits(i).map(|h| ReportCount { report: i, hits: h }))
        .collect::<Result<Vec<_>, E>>()?;
    let reports: Vec<ReportCount> = counted.into_iter().filter(|r| r.hits.count > 0).collect();
    Ok(summarize(stubs, phrase, &chosen, reports))
}

fn summarize(stubs: &[Report], phrase: &str, chosen: &[usize], reports: Vec<ReportCount>) -> Trend {
    let mut years: BTreeMap<u16, YearCount> = BTreeMap::new();
    for &i in chosen {
        if let Some(y) = stubs[i].plan_year {
            years
                .entry(y)
                .or_insert_with(|| YearCount {
                    year: y,
                    searched: 0,
                    reports: 0,
                    count: 0,
                    regions: Vec::new(),
                })
                .searched += 1;
        }
    }
    // reports in first-use order, so each region's first use comes first
    let mut order: Vec<usize> = (0..reports.len()).collect();
    order.sort_by(|&a, &b| {
        first_key(&stubs[reports[a].report]).cmp(&first_key(&stubs[reports[b].report]))
    });
    let mut regions: Vec<RegionCount> = Vec::new();
    let mut region_at: BTreeMap<String, usize> = BTreeMap::new();
    for &k in &order {
        let rc = &reports[k];
        let r = &stubs[rc.report];
        let name = region_of(r);
        let add = |list: &mut Vec<RegionCount>, at: &mut BTreeMap<String, usize>| {
            let n = *at.entry(name.clone()).or_insert_with(|| {
                list.push(RegionCount {
                    region: name.clone(),
                    level: r.level,
                    reports: 0,
                    count: 0,
                    first_year: r.plan_year,
                    first_report: r.id.clone(),
                });
                list.len() - 1
            });
            list[n].reports += 1;
            list[n].count += rc.hits.count;
        };
        add(&mut regions, &mut region_at);
        if let Some(y) = r.plan_year.and_then(|y| years.get_mut(&y)) {
            y.reports += 1;
            y.count += rc.hits.count;
            let mut at: BTreeMap<String, usize> = y
                .regions
                .iter()
                .enumerate()
                .map(|(i, c)| (c.region.clone(), i))
                .collect();
            add(&mut y.regions, &mut at);
        }
    }
    for y in years.values_mut() {
        y.regions
            .sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.region.cmp(&b.region)));
    }
    Trend {
        phrase: phrase.to_string(),
        searched: chosen.len(),
        years: years.into_values().collect(),
        first: order.first().copied(),
        regions,
        reports,
    }
}

#[cfg(test)]
mod tests;
