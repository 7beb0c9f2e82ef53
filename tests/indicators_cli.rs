//! `baogao indicators` and `baogao tables` end to end: a model built from
//! data/reports with `baogao build`, then the commands in every format.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::OnceLock;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_baogao"));
    c.env("BAOGAO_MODEL", baogao::plan_model_path());
    c
}

/// A model built once per test run into a temp dir.
fn model_path() -> &'static PathBuf {
    static P: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &P.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("model.json");
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/reports");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        let st = bin()
            .arg("build")
            .args(&files)
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        assert!(
            st.status.success(),
            "{}",
            String::from_utf8_lossy(&st.stderr)
        );
        (dir, out)
    })
    .1
}

fn run(args: &[&str]) -> Output {
    bin()
        .arg("--model")
        .arg(model_path())
        .args(args)
        .output()
        .unwrap()
}

fn stdout(args: &[&str]) -> String {
    let o = run(args);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn joined_rows_carry_the_issue_assessments() {
    let out = stdout(&[
        "indicators",
        "--joined",
        "--report",
        "pudong-2024-plan",
        "--format",
        "json",
    ]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(rows.len(), 18);
    let get = |m: &str| rows.iter().find(|r| r["metric"] == m).unwrap();
    assert_eq!(get("地区生产总值")["assessment"], "missed");
    assert_eq!(get("新增就业岗位数")["assessment"], "met");
    assert_eq!(get("新增就业岗位数")["type_changed"], true);
    assert_eq!(get("本市户籍城乡登记失业人数")["assessment"], "met");
    // 全市 规模以上工业总产值 growth is not in the corpus: never guessed.
    assert_eq!(get("规模以上工业总产值")["assessment"], "unknown");
    assert!(get("规模以上工业总产值")["assessment_reason"]
        .as_str()
        .unwrap()
        .contains("not in the corpus"));
    // 与全市同步: assessed from the city report's figure, which the reason shows.
    let trade = get("外贸进出口总额");
    assert_eq!(trade["assessment"], "exceeded");
    assert!(trade["assessment_reason"]
        .as_str()
        .unwrap()
        .contains("0.7%"));
    for r in &rows {
        let a = r["assessment"].as_str().unwrap();
        assert!(["met", "exceeded", "missed", "unknown"].contains(&a), "{a}");
        assert!(!r["assessment_reason"].as_str().unwrap().is_empty());
    }
}

#[test]
fn records_filter_by_metric_and_period_in_csv() {
    let out = stdout(&[
        "indicators",
        "--report",
        "pudong-2024-plan",
        "--metric",
        "地区生产总值",
        "--period",
        "target",
        "--format",
        "csv",
    ]);
    let mut lines = out.lines();
    let header = lines.next().unwrap();
    assert!(
        header.starts_with("id,report,metric,kind,value,unit"),
        "{header}"
    );
    let rows: Vec<&str> = lines.collect();
    assert!(rows.len() >= 2, "{out}");
    assert!(rows.iter().all(|l| l.contains(",target,")));
    assert!(rows
        .iter()
        .any(|l| l.contains(",2024,") && l.contains("增长6%")));
}

#[test]
fn tables_lists_printed_and_derived_tables() {
    let out = stdout(&["tables"]);
    assert!(out.contains("(printed, pudong-2024-plan)"));
    assert!(out.contains("pudong-2024-plan:derived:joined"));
    assert!(out.contains("shanghai-2024-plan:derived:prose-targets"));
    assert!(out.contains("pudong-2024-plan:derived:compare:shanghai-2024-plan"));
    let json = stdout(&["tables", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let derived = v["derived"].as_array().unwrap();
    let cmp = derived
        .iter()
        .find(|t| t["id"].as_str().unwrap().contains("compare"))
        .unwrap();
    let row = cmp["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r[0] == "港口集装箱吞吐量")
        .unwrap();
    assert_eq!(row[4], "90.4%");
    assert_eq!(row[5], "90.4%");
    assert!(row[6].as_str().unwrap().starts_with("agrees"));
    assert!(cmp["derived_from"].as_array().unwrap().len() > 2);
}

#[test]
fn the_table_format_aligns_by_display_width() {
    let out = stdout(&["indicators", "--joined", "--report", "pudong-2024-plan"]);
    let lines: Vec<&str> = out.lines().collect();
    // The assessment column starts at the same display column on every line.
    let col = |l: &str| {
        let i = ["met", "exceeded", "missed", "unknown", "assessment"]
            .iter()
            .filter_map(|w| l.find(&format!("  {w} ")).map(|i| i + 2))
            .min()
            .unwrap();
        unicode_width::UnicodeWidthStr::width(&l[..i])
    };
    let first = col(lines[0]);
    for l in &lines[1..] {
        assert_eq!(col(l), first, "{l}");
    }
}

#[test]
fn an_unknown_report_is_a_one_line_error() {
    let o = run(&["indicators", "--report", "nowhere-1999"]);
    assert!(!o.status.success());
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("nowhere-1999"));
    let o = run(&["tables", "--report", "nowhere-1999"]);
    assert!(!o.status.success());
}
