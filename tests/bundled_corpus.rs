//! The model the binary embeds (built by build.rs from data/reports at
//! compile time): every report text under data/reports is in it, with the
//! metadata the corpus browser groups by, and it validates.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::path::Path;

fn texts(dir: &Path, out: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            texts(&p, out);
        } else if p.extension().is_some_and(|x| x == "md" || x == "txt") {
            let rel = p
                .strip_prefix(concat!(env!("CARGO_MANIFEST_DIR"), "/data/reports"))
                .unwrap();
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

#[test]
fn the_embedded_model_holds_every_report_of_data_reports() {
    let m = baogao::load_model(None).unwrap();
    let mut files = Vec::new();
    texts(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/reports")),
        &mut files,
    );
    files.sort();
    let mut built: Vec<String> = m.reports.iter().map(|r| r.source.file.clone()).collect();
    built.sort();
    assert_eq!(
        built, files,
        "build.rs must build every file (a stale OUT_DIR?)"
    );
    let ids: HashSet<&str> = m.reports.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids.len(), m.reports.len(), "ids are unique");
    let problems = baogao::model::validate::validate(&m);
    assert!(problems.is_empty(), "{problems:?}");
    // what the corpus browser groups by: every report has a level and a
    // plan year, every provincial one a region
    use baogao::model::Level;
    let national = m
        .reports
        .iter()
        .filter(|r| r.level == Some(Level::National))
        .count();
    assert!(national >= 50, "{national} national reports");
    let provinces: HashSet<&str> = m
        .reports
        .iter()
        .filter(|r| r.level == Some(Level::Province))
        .filter_map(|r| r.region.as_deref())
        .collect();
    assert!(
        provinces.len() >= 31,
        "27 provinces and 4 municipalities: {provinces:?}"
    );
    assert!(
        m.reports.iter().all(|r| r.plan_year.is_some()),
        "every report has a plan year"
    );
    // the two plan reports keep their ids
    for id in ["pudong-2024-plan", "shanghai-2024-plan"] {
        assert!(ids.contains(id), "{id}");
    }
}
