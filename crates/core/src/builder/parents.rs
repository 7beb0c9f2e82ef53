//! The province over a city, inferred across a batch: a city's work reports
//! rarely name their province's party committee (the per-report rule in
//! `meta::parent`), but they name the province itself, over and over
//! (浙江 in 宁波's reports, 贵州 in 贵阳's). When a batch holds province-level
//! reports, each city region that has no parent gets the province-level
//! region of the batch its reports name most, if the choice is clear.
//!
//! Pure: reads report text, writes `Report::parent_region`; no files, no
//! printing. Nothing here knows a place name: the candidates are the batch's
//! own province-level regions.

use std::collections::{BTreeMap, HashMap};

use super::meta::core_name;
use crate::model::{Block, Level, Report};

/// The leader must be named this many times more often than the runner-up.
const DOMINANCE: usize = 3;

/// What the inference needs of a report besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    pub region: Option<String>,
    pub level: Option<Level>,
    pub parent_region: Option<String>,
}

impl Place {
    pub fn of(r: &Report) -> Place {
        Place {
            region: r.region.clone(),
            level: r.level,
            parent_region: r.parent_region.clone(),
        }
    }
}

/// [`city_parents`] applied to reports held in memory. Returns how many
/// reports got a parent.
pub fn infer_city_parents(reports: &mut [Report]) -> usize {
    let places: Vec<Place> = reports.iter().map(Place::of).collect();
    let given = match city_parents(&places, |i| {
        Ok::<_, std::convert::Infallible>(reports.get(i).map(report_text).unwrap_or_default())
    }) {
        Ok(g) => g,
        Err(never) => match never {},
    };
    for (i, p) in &given {
        if let Some(r) = reports.get_mut(*i) {
            r.parent_region = Some(p.clone());
        }
    }
    given.len()
}

/// The parents to give, as (index into `places`, parent region), in index
/// order: every report of a city region gets the parent that some of the
/// region's reports name (their party committee); failing that, the
/// province-level region of the batch the region's texts name most, when
/// that choice is clear:
/// among the provinces of a kind the city's texts speak of as a whole (全省
/// for a 省, 全区 for a 自治区), named at least once per two reports of the
/// city (and at least 3 times) and [`DOMINANCE`] times as often as any other.
///
/// `text(i)` gives report `i`'s headings and sentences ([`report_text`]); it
/// is asked only for the reports of a city region none of whose reports names
/// a parent, one at a time, so a caller can keep reports out of memory.
pub fn city_parents<E>(
    places: &[Place],
    mut text: impl FnMut(usize) -> Result<String, E>,
) -> Result<Vec<(usize, String)>, E> {
    // Province-level regions of the batch that can stand over a city, by the
    // name the texts use; a province-level 市 (a municipality) has districts,
    // not cities. Where two spellings share a name, the commoner one.
    let mut spellings: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for r in places {
        if r.level == Some(Level::Province) {
            if let Some(region) = r.region.as_deref() {
                if !region.ends_with('\u{5e02}') {
                    *spellings
                        .entry(core_name(region))
                        .or_default()
                        .entry(region)
                        .or_default() += 1;
                }
            }
        }
    }
    let provinces: Vec<(String, String)> = spellings
        .into_iter()
        .filter_map(|(core, names)| {
            let full = names
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))?
                .0;
            Some((core.to_string(), full.to_string()))
        })
        .collect();
    let mut given = Vec::new();
    if provinces.is_empty() {
        return Ok(given);
    }
    // City regions, their reports, and whether any already has a parent.
    let mut cities: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in places.iter().enumerate() {
        if r.level == Some(Level::City) {
            if let Some(region) = r.region.as_deref() {
                cities.entry(region.to_string()).or_default().push(i);
            }
        }
    }
    for (region, idx) in cities {
        // A parent some reports name (their party committee) goes to all.
        let mut named: BTreeMap<String, usize> = BTreeMap::new();
        for &i in &idx {
            if let Some(p) = &places[i].parent_region {
                *named.entry(p.clone()).or_default() += 1;
            }
        }
        if let Some((p, _)) = named
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        {
            for &i in &idx {
                if places[i].parent_region.is_none() {
                    given.push((i, p.clone()));
                }
            }
            continue;
        }
        let mut counts: HashMap<usize, usize> = HashMap::new();
        let (mut whole_province, mut whole_region) = (0usize, 0usize);
        for &i in &idx {
            let text = text(i)?;
            for (p, (core, full)) in provinces.iter().enumerate() {
                if full == &region || core.is_empty() {
                    continue;
                }
                let n = text.matches(core.as_str()).count();
                if n > 0 {
                    *counts.entry(p).or_default() += n;
                }
            }
            whole_province += text.matches("\u{5168}\u{7701}").count();
            whole_region += text.matches("\u{5168}\u{533a}").count();
        }
        // Only a province of a kind the texts speak of as a whole competes:
        // a city that never says 全省 is not under a 省.
        let kind_named = |p: usize| {
            if provinces[p].1.ends_with('\u{7701}') {
                whole_province > 0
            } else {
                whole_region > 0
            }
        };
        let mut ranked: Vec<(usize, usize)> =
            counts.into_iter().filter(|&(p, _)| kind_named(p)).collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let Some(&(best, n)) = ranked.first() else {
            continue;
        };
        let second = ranked.get(1).map_or(0, |x| x.1);
        let full = &provinces[best].1;
        if n >= 3 && n * 2 >= idx.len() && n >= DOMINANCE * second.max(1) {
            for &i in &idx {
                given.push((i, full.clone()));
            }
        }
    }
    given.sort();
    Ok(given)
}

/// Headings and sentences of a report, one string.
pub fn report_text(r: &Report) -> String {
    let mut out = String::new();
    let para = |blocks: &[Block], out: &mut String| {
        for b in blocks {
            if let Block::Paragraph(p) = b {
                for s in &p.sentences {
                    out.push_str(&s.text);
                }
            }
        }
    };
    para(&r.preamble, &mut out);
    for s in r.all_sections() {
        out.push_str(&s.heading);
        out.push('\n');
        para(&s.blocks, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::builder::build_report;

    /// A report of our own: `region` at `level`, one section whose sentences
    /// are `body`.
    fn report(region: &str, level: Level, year: u16, body: &str) -> Report {
        let text = format!(
            "{region}\u{653f}\u{5e9c}\u{5de5}\u{4f5c}\u{62a5}\u{544a}\n\n\
             \u{4e00}\u{3001}{year}\u{5e74}\u{5de5}\u{4f5c}\n\n{body}\n"
        );
        let mut r = build_report(text.as_bytes(), &format!("{region}{year}.txt"), None).unwrap();
        r.region = Some(region.to_string());
        r.level = Some(level);
        r.parent_region = None;
        r
    }

    // 东海省, 南山省, 北原自治区, 西城市 (a province-level 市), 河口市 (a city).
    const DONGHAI: &str = "\u{4e1c}\u{6d77}\u{7701}";
    const NANSHAN: &str = "\u{5357}\u{5c71}\u{7701}";
    const BEIYUAN: &str = "\u{5317}\u{539f}\u{81ea}\u{6cbb}\u{533a}";
    const XICHENG: &str = "\u{897f}\u{57ce}\u{5e02}";
    const HEKOU: &str = "\u{6cb3}\u{53e3}\u{5e02}";

    /// A sentence naming `core` (融入东海发展), and one on the 全省 / 全区 whole.
    fn names(core: &str, times: usize) -> String {
        format!("\u{878d}\u{5165}{core}\u{53d1}\u{5c55}\u{3002}").repeat(times)
    }
    const WHOLE_PROVINCE: &str = "\u{5360}\u{5168}\u{7701}\u{7684}\u{4e00}\u{534a}\u{3002}";
    const WHOLE_REGION: &str = "\u{5360}\u{5168}\u{533a}\u{7684}\u{4e00}\u{534a}\u{3002}";

    fn batch(city_bodies: &[String]) -> Vec<Report> {
        let mut v = vec![
            report(
                DONGHAI,
                Level::Province,
                2023,
                "\u{7ecf}\u{6d4e}\u{589e}\u{957f}\u{3002}",
            ),
            report(
                NANSHAN,
                Level::Province,
                2023,
                "\u{7ecf}\u{6d4e}\u{589e}\u{957f}\u{3002}",
            ),
            report(
                BEIYUAN,
                Level::Province,
                2023,
                "\u{7ecf}\u{6d4e}\u{589e}\u{957f}\u{3002}",
            ),
            report(
                XICHENG,
                Level::Province,
                2023,
                "\u{7ecf}\u{6d4e}\u{589e}\u{957f}\u{3002}",
            ),
        ];
        for (i, b) in city_bodies.iter().enumerate() {
            v.push(report(HEKOU, Level::City, 2020 + i as u16, b));
        }
        v
    }

    fn city_parents(v: &[Report]) -> Vec<Option<&str>> {
        v.iter()
            .filter(|r| r.level == Some(Level::City))
            .map(|r| r.parent_region.as_deref())
            .collect()
    }

    #[test]
    fn the_province_a_city_names_most_becomes_its_parent_on_every_report() {
        let mut v = batch(&[
            names("\u{4e1c}\u{6d77}", 3) + WHOLE_PROVINCE + &names("\u{5357}\u{5c71}", 1),
            names("\u{4e1c}\u{6d77}", 2),
            String::from("\u{7ecf}\u{6d4e}\u{589e}\u{957f}\u{3002}"),
        ]);
        assert_eq!(infer_city_parents(&mut v), 3);
        assert_eq!(city_parents(&v), vec![Some(DONGHAI); 3]);
        // provinces get no parent from this rule
        assert!(v[..4].iter().all(|r| r.parent_region.is_none()));
    }

    #[test]
    fn no_clear_leader_no_parent() {
        let mut v =
            batch(&[names("\u{4e1c}\u{6d77}", 4) + WHOLE_PROVINCE + &names("\u{5357}\u{5c71}", 2)]);
        assert_eq!(infer_city_parents(&mut v), 0);
        assert_eq!(city_parents(&v), vec![None]);
    }

    #[test]
    fn a_city_that_never_speaks_of_the_whole_province_is_under_no_province() {
        // named often, but the texts know no 全省: not under a 省
        let mut v = batch(&[names("\u{4e1c}\u{6d77}", 6)]);
        assert_eq!(infer_city_parents(&mut v), 0);
        // speaking of 全区, the autonomous region competes alone, though named less
        let mut v =
            batch(&[names("\u{4e1c}\u{6d77}", 6) + &names("\u{5317}\u{539f}", 4) + WHOLE_REGION]);
        infer_city_parents(&mut v);
        assert_eq!(city_parents(&v), vec![Some(BEIYUAN)]);
    }

    #[test]
    fn a_province_level_city_has_districts_not_cities() {
        let mut v = batch(&[names("\u{897f}\u{57ce}", 9) + WHOLE_PROVINCE]);
        assert_eq!(infer_city_parents(&mut v), 0);
    }

    #[test]
    fn a_rare_mention_is_not_enough() {
        // 3 mentions over 8 reports: fewer than one per two reports
        let mut bodies = vec![names("\u{4e1c}\u{6d77}", 3) + WHOLE_PROVINCE];
        bodies.extend((0..7).map(|_| String::from("\u{7ecf}\u{6d4e}\u{589e}\u{957f}\u{3002}")));
        let mut v = batch(&bodies);
        assert_eq!(infer_city_parents(&mut v), 0);
    }

    #[test]
    fn a_parent_one_report_names_spreads_to_the_regions_other_reports() {
        let mut v = batch(&[names("\u{5357}\u{5c71}", 9) + WHOLE_PROVINCE, String::new()]);
        let first_city = v.iter().position(|r| r.level == Some(Level::City)).unwrap();
        v[first_city].parent_region = Some(DONGHAI.to_string());
        assert_eq!(infer_city_parents(&mut v), 1);
        assert_eq!(city_parents(&v), vec![Some(DONGHAI); 2]);
    }
}
