//! Trend counting over small synthetic models (stubs made here).

use super::*;

use crate::model::{Block, Report, Section};

/// A report of `region` (`level`) for `year` whose one section has the
/// heading `heading` and one sentence per text.
fn report(
    id: &str,
    region: &str,
    level: Level,
    year: u16,
    heading: &str,
    texts: &[&str],
) -> Report {
    let mut r = Report::empty(id, id);
    r.region = Some(region.into());
    r.level = Some(level);
    r.plan_year = Some(year);
    let sentences: Vec<(String, String)> = texts
        .iter()
        .enumerate()
        .map(|(k, t)| (format!("{id}:s1:p1.{}", k + 1), t.to_string()))
        .collect();
    let refs: Vec<(&str, &str)> = sentences
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    r.sections = vec![Section::heading(
        &format!("{id}:s1"),
        1,
        "\u{4e00}\u{3001}",
        heading,
        vec![Block::paragraph(&format!("{id}:s1:p1"), &refs)],
        Vec::new(),
    )];
    r
}

fn model() -> Vec<Report> {
    vec![
        report(
            "a-2023",
            "\u{7532}\u{7701}",
            Level::Province,
            2023,
            "\u{603b}\u{4f53}\u{8981}\u{6c42}",
            &["\u{63a8}\u{8fdb}\u{6570}\u{5b57}\u{7ecf}\u{6d4e}\u{3002}"],
        ),
        report(
            "n-2024",
            "\u{5168}\u{56fd}",
            Level::National,
            2024,
            "\u{6570}\u{5b57}\u{7ecf}\u{6d4e}",
            &[
                "\u{6570}\u{5b57}\u{7ecf}\u{6d4e}\u{548c}\u{6570}\u{5b57}\u{7ecf}\u{6d4e}\u{3002}",
                "\u{5176}\u{4ed6}\u{3002}",
            ],
        ),
        report(
            "a-2024",
            "\u{7532}\u{7701}",
            Level::Province,
            2024,
            "\u{603b}\u{4f53}\u{8981}\u{6c42}",
            &["\u{6570}\u{5b57}\u{7ecf}\u{6d4e}\u{3002}"],
        ),
        report(
            "b-2024",
            "\u{4e59}\u{7701}",
            Level::Province,
            2024,
            "\u{603b}\u{4f53}\u{8981}\u{6c42}",
            &["\u{5176}\u{4ed6}\u{3002}"],
        ),
        report(
            "b-2022",
            "\u{4e59}\u{7701}",
            Level::Province,
            2022,
            "\u{603b}\u{4f53}\u{8981}\u{6c42}",
            &["\u{5176}\u{4ed6}\u{3002}"],
        ),
    ]
}

const PHRASE: &str = "\u{6570}\u{5b57}\u{7ecf}\u{6d4e}";

fn run(stubs: &[Report], keep: impl Fn(&Report) -> bool + Sync) -> Trend {
    let got: Result<Trend, ()> = trend(stubs, PHRASE, keep, |i| {
        Ok(hits_in_report(&stubs[i], PHRASE))
    });
    got.unwrap()
}

#[test]
fn counts_per_year_and_region_and_the_first_report() {
    let m = model();
    let t = run(&m, |_| true);
    assert_eq!(t.searched, 5);
    assert_eq!(t.total(), 1 + 3 + 1);
    let years: Vec<(u16, usize, usize, usize)> = t
        .years
        .iter()
        .map(|y| (y.year, y.searched, y.reports, y.count))
        .collect();
    assert_eq!(
        years,
        vec![(2022, 1, 0, 0), (2023, 1, 1, 1), (2024, 3, 2, 4)]
    );
    // 2024: the national report (heading + two in one sentence) before 甲省
    let y24 = &t.years[2];
    assert_eq!(
        y24.regions
            .iter()
            .map(|r| (r.region.as_str(), r.count))
            .collect::<Vec<_>>(),
        vec![("\u{5168}\u{56fd}", 3), ("\u{7532}\u{7701}", 1)]
    );
    let first = &t.reports[t.first.unwrap()];
    assert_eq!(m[first.report].id, "a-2023");
    // per region over the years: 甲省 first in 2023, in two reports
    assert_eq!(t.regions[0].region, "\u{7532}\u{7701}");
    assert_eq!(
        (
            t.regions[0].first_year,
            t.regions[0].reports,
            t.regions[0].count
        ),
        (Some(2023), 2, 2)
    );
    // the national report's heading and its sentence are the hits
    let n = t
        .reports
        .iter()
        .find(|r| m[r.report].id == "n-2024")
        .unwrap();
    assert_eq!(n.hits.sentences.len(), 2);
    assert_eq!(n.hits.sentences[0].sentence, None);
    assert_eq!(n.hits.sentences[1].count, 2);
    assert_eq!(
        n.hits.sentences[1].sentence.as_deref(),
        Some("n-2024:s1:p1.1")
    );
}

#[test]
fn a_filter_chooses_the_reports_and_a_tie_in_year_goes_to_the_higher_level() {
    let m = model();
    let t = run(&m, |r| r.plan_year == Some(2024));
    assert_eq!(t.searched, 3);
    assert_eq!(m[t.reports[t.first.unwrap()].report].id, "n-2024");
    let none = run(&m, |r| r.region.as_deref() == Some("\u{4e59}\u{7701}"));
    assert_eq!((none.searched, none.total(), none.first), (2, 0, None));
}

#[test]
fn a_pack_counts_what_the_parsed_report_counts() {
    let m = crate::model::Model::of(model());
    let bytes = crate::model::pack::pack(&m).unwrap();
    let p = crate::model::pack::Packed::open(&bytes[..], "t").unwrap();
    for (i, r) in m.reports.iter().enumerate() {
        for phrase in [
            PHRASE,
            "\u{5176}\u{4ed6}",
            "\u{603b}\u{4f53}",
            "\"",
            "nothing",
        ] {
            assert_eq!(
                hits_in_pack(&p, i, &count::Needle::new(phrase)).unwrap(),
                hits_in_report(r, phrase),
                "{phrase}"
            );
        }
    }
    // the bundled reports, whose body has tables and a preamble
    let m = crate::plan_model();
    let bytes = crate::model::pack::pack(&m).unwrap();
    let p = crate::model::pack::Packed::open(&bytes[..], "t").unwrap();
    for (i, r) in m.reports.iter().enumerate() {
        for phrase in ["\u{53d1}\u{5c55}", "\u{3002}", "\u{4ebf}\u{5143}"] {
            let h = hits_in_pack(&p, i, &count::Needle::new(phrase)).unwrap();
            assert!(h.count > 0);
            assert_eq!(h, hits_in_report(r, phrase), "{phrase}");
        }
    }
}
