//! `baogao targets` end to end: the ledger of a copy of data/model.json (the
//! two plan reports) and of the bundled corpus, in every format; filters,
//! exit statuses and bad input.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::OnceLock;

/// A copy of data/model.json in a temp dir (opening it writes a pack cache beside it).
fn model() -> &'static PathBuf {
    static P: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &P.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("model.json");
        std::fs::copy(baogao::plan_model_path(), &p).unwrap();
        (dir, p)
    })
    .1
}

fn targets(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_baogao"))
        .env_remove("BAOGAO_MODEL")
        .arg("targets")
        .args(args)
        .output()
        .unwrap()
}

fn on_model(args: &[&str]) -> Output {
    let m = model().to_str().unwrap().to_string();
    let mut all = vec!["--model", m.as_str()];
    all.extend_from_slice(args);
    targets(&all)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn csv_has_the_documented_fields_and_a_row_per_region_year_key() {
    let o = on_model(&["--format", "csv"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = stdout(&o);
    let header = text.lines().next().unwrap();
    assert_eq!(
        header,
        "region,level,year,key,metric,target_text,target_value,target_low,target_high,qualifier,unit,\
         actual_text,actual_value,assessment,assessment_reason,gap,upper_region,upper_target_value,\
         upper_difference,source,actual_source"
    );
    // Pudong's 2023 GDP target (results table 年度目标 7%左右) against its 4.8%
    let row = text
        .lines()
        .find(|l| l.starts_with("浦东新区,district,2023,gdp,"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(row.contains(",missed,"), "{row}");
    assert!(row.contains("pudong-2024-plan:t1 row 1 col 6"), "{row}");
    // Shanghai 2024: a target, no result yet (no 2025 report in the model)
    let sh = text
        .lines()
        .find(|l| l.starts_with("上海市,") && l.contains(",2024,gdp,"))
        .unwrap();
    assert!(sh.contains("no 2025 report of 上海市"), "{sh}");
}

#[test]
fn json_rows_and_filters() {
    let o = on_model(&["--format", "json", "--metric", "gdp", "--year", "2024"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let rows = v.as_array().unwrap();
    assert!(!rows.is_empty());
    for r in rows {
        assert_eq!(r["key"], "gdp");
        assert_eq!(r["year"], 2024);
    }
    let sh = rows.iter().find(|r| r["region"] == "上海市").unwrap();
    assert_eq!(sh["target_value"], 5.0);
    assert_eq!(sh["qualifier"], "左右");
    assert_eq!(sh["source"]["type"], "sentence");
    // pinyin and level
    let o = on_model(&["--region", "pud", "--level", "district", "--format", "csv"]);
    let text = stdout(&o);
    assert!(
        text.lines().skip(1).all(|l| l.starts_with("浦东新区,")),
        "{text}"
    );
    // disposable_income takes its urban and rural rows too
    let o = on_model(&["--metric", "disposable_income", "--format", "csv"]);
    assert!(stdout(&o)
        .lines()
        .skip(1)
        .all(|l| l.contains(",disposable_income")));
}

#[test]
fn nothing_matching_is_status_1_and_bad_input_status_2() {
    let o = on_model(&["--year", "1900"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("baogao: "));
    let o = on_model(&["--metric", "happiness"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("gdp"), "{err}");
    let o = on_model(&["--year", "20x4"]);
    assert_eq!(o.status.code(), Some(2));
    let o = targets(&["--model", "/nonexistent/model.json"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_bundled_corpus_has_provinces_cities_and_upper_targets() {
    let o = targets(&["--metric", "gdp", "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let rows = v.as_array().unwrap();
    let assessed = rows.iter().filter(|r| r["assessment"] != "unknown").count();
    assert!(assessed > 0, "no assessed gdp row in the bundled corpus");
    assert!(rows.iter().any(|r| r["level"] == "province"));
    assert!(rows.iter().any(|r| !r["upper_target_value"].is_null()));
}
