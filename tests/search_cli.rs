//! `baogao search` end to end on the bundled model: exit codes, JSON lines,
//! the report filter and limit, and no raw control characters in the output.
#![allow(clippy::expect_used, clippy::unwrap_used)] // a test file: helpers may panic

use std::process::{Command, Output};

fn search(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_baogao"))
        .env("BAOGAO_MODEL", baogao::plan_model_path())
        .arg("search")
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("run baogao")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn a_match_prints_tab_separated_lines_and_exits_0() {
    let o = search(&["jzx", "--limit", "5"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5);
    for l in &lines {
        let cols: Vec<&str> = l.split('\t').collect();
        assert_eq!(cols.len(), 4, "{l}");
        assert!(["heading", "indicator", "caption", "cell", "sentence"].contains(&cols[0]));
        assert!(
            cols[1].starts_with("pudong-2024-plan:") || cols[1].starts_with("shanghai-2024-plan:")
        );
        assert!(
            cols[2].starts_with("pudong-2024-plan") || cols[2].starts_with("shanghai-2024-plan")
        );
    }
    assert!(out.contains("集装箱"), "{out}");
}

#[test]
fn no_match_exits_1_with_nothing_on_stdout() {
    let o = search(&["zzzzqqqq"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
}

#[test]
fn json_lines_parse_and_highlights_point_at_the_match() {
    let o = search(&["'90.4%", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let mut sentence = false;
    for l in out.lines() {
        let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
        let text = v["text"].as_str().unwrap();
        // highlights are char offsets (docs/cli.md)
        let chars: Vec<char> = text.chars().collect();
        for r in v["highlights"].as_array().unwrap() {
            let (a, b) = (
                r[0].as_u64().unwrap() as usize,
                r[1].as_u64().unwrap() as usize,
            );
            assert_eq!(chars[a..b].iter().collect::<String>(), "90.4%");
        }
        if v["kind"] == "sentence" {
            sentence = true;
            assert!(text.contains("集装箱吞吐量"), "{text}");
            assert_eq!(v["location"]["type"], "sentence");
        }
    }
    assert!(sentence);
}

#[test]
fn report_filter_limit_and_unknown_report() {
    let o = search(&[
        "上海",
        "--report",
        "shanghai-2024-plan",
        "--json",
        "--limit",
        "3",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 3);
    for l in out.lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert_eq!(v["report"], "shanghai-2024-plan");
    }
    let o = search(&["集装箱", "--report", "nowhere-1999"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("nowhere-1999"));
}

#[test]
fn control_characters_in_the_query_are_inert() {
    for q in ["\x1b[2J", "\x1b]0;pwned\x07", "\u{202e}gdp", "\x1b[2J gdp"] {
        let o = search(&[q]);
        for bytes in [&o.stdout, &o.stderr] {
            assert!(!bytes.contains(&0x1b), "{q:?}: raw ESC");
            assert!(!bytes.contains(&0x07), "{q:?}: raw BEL");
            assert!(!String::from_utf8_lossy(bytes).contains('\u{202e}'));
        }
        assert!(matches!(o.status.code(), Some(0 | 1)), "{q:?}");
    }
    // the control char is dropped, the rest still searches
    assert_eq!(search(&["\u{202e}gdp"]).status.code(), Some(0));
    // regex metacharacters are literal: nothing has ".*"
    assert_eq!(search(&[".*"]).status.code(), Some(1));
}

#[test]
fn at_terms_in_the_query_narrow_to_reports_and_a_bare_year_is_text() {
    let ids = |q: &str| -> Vec<String> {
        let out = stdout(&search(&[q, "--all"]));
        let mut ids: Vec<String> = out
            .lines()
            .map(|l| {
                l.split(':')
                    .next()
                    .unwrap()
                    .split('\t')
                    .nth(1)
                    .unwrap()
                    .to_string()
            })
            .collect();
        ids.sort();
        ids.dedup();
        ids
    };
    assert_eq!(ids("jzx"), ["pudong-2024-plan", "shanghai-2024-plan"]);
    assert_eq!(ids("jzx @pudong"), ["pudong-2024-plan"]);
    assert_eq!(ids("jzx @浦东 @2024 @district"), ["pudong-2024-plan"]);
    assert_eq!(ids("jzx !@pudong"), ["shanghai-2024-plan"]);
    let o = search(&["jzx @2020..2023"]);
    assert_eq!(o.status.code(), Some(1), "no report plans for 2020-2023");
    // 2024 without @ is looked for in the text
    assert_eq!(ids("'2024年").len(), 2);
}
