//! `baogao trend` and `baogao new-phrases` end to end on a small corpus of
//! my own synthetic work reports (two provinces, three years), built by
//! `baogao build`: counts per year and region, the first use, pinyin input,
//! the formats, the sentences, new phrases, exit statuses and bad input.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::OnceLock;

use common::cli::{self, stderr, stdout};
use common::fw;

/// A work report of `region` for `year` whose body is `body` (ASCII
/// punctuation, made full-width).
fn report(region: &str, year: u16, body: &str) -> String {
    fw(&format!(
        "{region}政府工作报告\n\n\
         ——{year}年1月20日在{region}第十四届人民代表大会第二次会议上\n\n\
         各位代表:\n\n\
         一、{prev}年工作回顾\n\n\
         过去一年,全省经济运行稳中有进。\n\n\
         二、{year}年工作安排\n\n\
         {body}\n",
        prev = year - 1
    ))
}

/// The corpus: 低空经济 first in 浙江 2023, then 浙江 and 江苏 2024; 人工智能
/// new in 浙江 2024 (twice).
fn model() -> &'static PathBuf {
    static P: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &P.get_or_init(|| {
        let zj = "浙江省";
        let js = "江苏省";
        let reports = [
            ("zj-2022", report(zj, 2022, "推进数字乡村建设。建设数字乡村。")),
            ("zj-2023", report(zj, 2023, "发展低空经济。推进数字乡村建设。")),
            (
                "zj-2024",
                report(
                    zj,
                    2024,
                    "(一)培育低空经济\n\n做强低空经济,壮大低空经济产业。发展人工智能产业。推动人工智能应用。",
                ),
            ),
            ("js-2023", report(js, 2023, "推进城市更新。")),
            ("js-2024", report(js, 2024, "探索低空经济。推进城市更新。")),
        ];
        cli::build_model(&reports)
    })
    .1
}

fn baogao(args: &[&str]) -> Output {
    cli::run(model(), args)
}

fn ids() -> Vec<String> {
    let o = baogao(&["outline", "--format", "csv"]);
    stdout(&o)
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect()
}

#[test]
fn csv_counts_per_year_and_region() {
    let o = baogao(&["trend", "低空经济", "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "year,region,level,reports,count,searched");
    // 2022: one report searched, none uses it; 2023: 浙江 once; 2024: 浙江
    // three times (its heading, twice in a sentence), 江苏 once
    assert!(lines.contains(&"2022,,,0,0,1"), "{text}");
    assert!(lines.contains(&"2023,,,1,1,2"), "{text}");
    assert!(lines.contains(&"2023,浙江省,province,1,1,"), "{text}");
    assert!(lines.contains(&"2024,,,2,4,2"), "{text}");
    assert!(lines.contains(&"2024,浙江省,province,1,3,"), "{text}");
    assert!(lines.contains(&"2024,江苏省,province,1,1,"), "{text}");
}

#[test]
fn the_table_names_the_first_report_and_draws_bars() {
    let o = baogao(&["trend", "低空经济"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.starts_with("低空经济: 5 occurrence(s) in 3 of 5 report(s)\n"),
        "{text}"
    );
    let first = text.lines().nth(1).unwrap();
    assert!(first.starts_with("first used: 2023 浙江省 "), "{first}");
    // the busiest year has the full bar, 2023 a shorter one, 2022 (before
    // the first use) none
    let bar = |y: &str| {
        let l = text
            .lines()
            .find(|l| l.trim_start().starts_with(y))
            .unwrap();
        l.matches('#').count()
    };
    assert_eq!(bar("2024"), 40);
    assert_eq!(bar("2023"), 10);
    assert_eq!(bar("2022"), 0);
    // per region: 浙江 first in 2023, 江苏 in 2024
    assert!(
        text.lines()
            .any(|l| l.starts_with("浙江省") && l.contains("2023")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("江苏省") && l.contains("2024")),
        "{text}"
    );
}

#[test]
fn pinyin_is_counted_as_the_phrase_it_spells_and_exact_counts_letters() {
    let o = baogao(&["trend", "dikongjingji", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["phrase"], "低空经济");
    assert_eq!(v["count"], 5);
    assert_eq!(v["resolution"]["typed"], "dikongjingji");
    assert!(stderr(&o).contains("counted as 低空经济"), "{}", stderr(&o));
    let initials = baogao(&["trend", "dkjj", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&initials)).unwrap();
    assert_eq!(v["phrase"], "低空经济");
    // as letters: no report says "dkjj"
    let exact = baogao(&["trend", "dkjj", "--exact"]);
    assert_eq!(exact.status.code(), Some(1), "{}", stdout(&exact));
    let none = baogao(&["trend", "qqqqxx"]);
    assert_eq!(none.status.code(), Some(2));
    assert!(stderr(&none).contains("spelled"), "{}", stderr(&none));
}

#[test]
fn region_level_and_year_choose_the_reports() {
    let o = baogao(&["trend", "低空经济", "--region", "江苏", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        (v["searched"].as_u64(), v["count"].as_u64()),
        (Some(2), Some(1))
    );
    let o = baogao(&["trend", "低空经济", "--year", "2024", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["count"], 4);
    let o = baogao(&["trend", "低空经济", "--level", "national"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no report uses"), "{}", stderr(&o));
}

#[test]
fn sentences_lists_each_sentence_with_its_id() {
    let o = baogao(&["trend", "低空经济", "--sentences", "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let rows: Vec<&str> = text.lines().skip(1).collect();
    // 2023 浙江, 2024 浙江 heading and sentence, 2024 江苏
    assert_eq!(rows.len(), 4, "{text}");
    assert!(
        rows.iter()
            .any(|r| r.contains(",2,") && r.contains("做强低空经济")),
        "{text}"
    );
    // every id is one `baogao show` prints
    for r in &rows {
        let id = r.split(',').nth(3).unwrap();
        let shown = baogao(&["show", id]);
        assert!(shown.status.success(), "{id}: {}", stderr(&shown));
        assert!(stdout(&shown).contains("低空经济"), "{id}");
    }
}

#[test]
fn new_phrases_are_what_no_earlier_report_of_the_region_used() {
    let zj = ids()
        .into_iter()
        .find(|i| i.contains("2024") && i.starts_with('z'))
        .unwrap();
    let o = baogao(&["new-phrases", &zj, "--format", "csv", "--top", "0"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let phrases: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap())
        .collect();
    assert!(phrases.contains(&"人工智能"), "{text}");
    // used in 2023: not new, nor any part of it (培育低空经济, in a heading, is)
    assert!(!phrases.iter().any(|p| "低空经济".contains(p)), "{text}");
    assert!(
        stderr(&o).contains("against 2 earlier report(s), 2022-2023"),
        "{}",
        stderr(&o)
    );
    // the first report of a region has nothing to compare with
    let first = ids().into_iter().find(|i| i.contains("2022")).unwrap();
    let o = baogao(&["new-phrases", &first]);
    assert_eq!(o.status.code(), Some(1));
    let o = baogao(&["new-phrases", "no-such-report"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("baogao: no report with id"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_closed_pipe_ends_quietly_and_bad_input_is_one_line() {
    use std::process::Stdio;
    // the bundled corpus: thousands of sentences say 发展
    for args in [
        &["trend", "发展", "--sentences"][..],
        &["trend", "发展", "--format", "json"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_baogao"))
            .env_remove("BAOGAO_MODEL")
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
    let o = baogao(&["trend", "  "]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "baogao: an empty phrase\n");
    let o = baogao(&["trend", "x", "--level", "town"]);
    assert_eq!(o.status.code(), Some(2));
}
