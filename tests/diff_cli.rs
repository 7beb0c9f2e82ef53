//! `baogao diff` end to end on a model built from synthetic reports of my
//! own (three years of one province): text through a pipe (no colour, runs
//! marked), JSON fields, A alone against the year before, reports named by
//! region and year, and bad input.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;
use std::process::Output;
use std::sync::OnceLock;

use common::cli::{self, stdout};

#[path = "fixtures/three_years.rs"]
mod three_years;

use three_years::{report, zh, BODY_2023, BODY_2024, BODY_2025};

/// A model of the three synthetic reports, built by `baogao build`.
fn model() -> &'static PathBuf {
    static P: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &P.get_or_init(|| {
        let texts = [(2023, BODY_2023), (2024, BODY_2024), (2025, BODY_2025)]
            .map(|(year, body)| (year, report(year, body)));
        cli::build_model(&texts)
    })
    .1
}

fn diff(args: &[&str]) -> Output {
    cli::run(model(), &[&["diff"], args].concat())
}

#[test]
fn text_through_a_pipe_has_a_summary_then_marked_runs_and_no_colour() {
    let o = diff(&["jiangsu-2024", "jiangsu-2025"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let t = stdout(&o);
    assert!(!t.contains('\x1b'), "{t}");
    let mut lines = t.lines();
    assert_eq!(
        lines.next().unwrap(),
        "jiangsu-2024 (江苏省 2024) \u{2192} jiangsu-2025 (江苏省 2025)"
    );
    assert!(lines.next().unwrap().starts_with("sections: "), "{t}");
    assert!(t.contains("status "), "{t}");
    // the summary: a moved section, one added, one dropped
    let row = |needle: &str| {
        t.lines()
            .find(|l| l.contains(&zh(needle)))
            .unwrap_or_else(|| panic!("{needle}: {t}"))
            .to_string()
    };
    assert!(
        row("二、(一)扩大有效投资").starts_with("changed moved"),
        "{t}"
    );
    assert!(row("深化重点领域改革").starts_with("added"), "{t}");
    assert!(row("办好民生实事").starts_with("dropped"), "{t}");
    // targets side by side, with the result the newer report gives
    let gdp = row("地区生产总值");
    assert!(
        gdp.contains("增长5%左右") && gdp.contains("增长5.5%左右") && gdp.contains("changed"),
        "{gdp}"
    );
    assert!(gdp.contains("增长5.8%"), "{gdp}");
    // the detail: word runs marked, added and dropped sentences
    assert!(t.contains("[-力争-]{+确保+}"), "{t}");
    assert!(t.contains("{+和未来产业+}"), "{t}");
    assert!(t.contains("  + 深化国资国企改革。"), "{t}");
    assert!(t.contains("  - 新建一批普惠托育机构。"), "{t}");
    // --summary stops before the detail
    let s = stdout(&diff(&["jiangsu-2024", "jiangsu-2025", "--summary"]));
    assert!(!s.contains("[-力争-]"), "{s}");
    assert!(s.contains("深化重点领域改革"), "{s}");
}

#[test]
fn json_has_the_documented_fields() {
    let o = diff(&["jiangsu-2024", "jiangsu-2025", "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["a"]["id"], "jiangsu-2024");
    assert_eq!(v["b"]["year"], 2025);
    for k in ["same", "changed", "added", "dropped"] {
        assert!(v["counts"][k].is_u64(), "{k}");
    }
    let sections = v["sections"].as_array().unwrap();
    let moved = sections
        .iter()
        .find(|s| s["b"]["heading"] == zh("扩大有效投资"))
        .unwrap();
    assert_eq!(moved["status"], "changed");
    assert_eq!(moved["moved"], true);
    assert_eq!(moved["a"]["path"], zh("二、(二)"));
    assert_eq!(moved["b"]["path"], zh("二、(一)"));
    let changed = &moved["sentences"][0];
    assert_eq!(changed["change"], "changed");
    assert!(changed["a"]["id"]
        .as_str()
        .unwrap()
        .starts_with("jiangsu-2024:s2.2"));
    let ops: Vec<(&str, &str)> = changed["pieces"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["op"].as_str().unwrap(), p["text"].as_str().unwrap()))
        .collect();
    assert!(ops.contains(&("delete", "力争")), "{ops:?}");
    assert!(ops.contains(&("insert", "确保")), "{ops:?}");
    let statuses: Vec<&str> = sections
        .iter()
        .map(|s| s["status"].as_str().unwrap())
        .collect();
    assert!(statuses.contains(&"added") && statuses.contains(&"dropped"));
    let gdp = v["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["key"] == "gdp")
        .unwrap();
    assert_eq!(gdp["a"]["value"], 5.0);
    assert_eq!(gdp["b"]["value"], 5.5);
    assert_eq!(gdp["result"]["value"], 5.8);
}

#[test]
fn one_report_is_compared_with_the_year_before_and_reports_can_be_named_by_region_and_year() {
    let one = stdout(&diff(&["jiangsu-2025", "--summary"]));
    let two = stdout(&diff(&["jiangsu-2024", "jiangsu-2025", "--summary"]));
    assert_eq!(one, two);
    let named = stdout(&diff(&["江苏2024", "jiangsu 2025", "--summary"]));
    assert_eq!(named, two);
    let o = diff(&["jiangsu-2024", "--summary"]);
    assert!(stdout(&o).starts_with("jiangsu-2023 (江苏省 2023)"));
}

#[test]
fn bad_input_is_one_line_and_status_two() {
    for args in [
        &["nothing"][..],
        &["jiangsu-2023"][..],
        &["江苏2030", "jiangsu-2024"][..],
    ] {
        let o = diff(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(o.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("baogao: "), "{err}");
        assert!(o.stdout.is_empty());
    }
}
