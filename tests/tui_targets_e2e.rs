//! End-to-end test of the Targets view in the real binary in tmux at 80x24
//! on the bundled corpus: `T` opens the grid, typed pinyin narrows it to one
//! region, C-g draws its chart, Enter opens the target's sentence in the
//! reader. The expectations come from `baogao targets` on the same model,
//! so the view and the CLI must agree. Skips (with a message) when tmux is
//! not installed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::tmux::Tmux;

/// The reader pane's text (right of the outline's border), lines joined.
fn reader_text(screen: &str) -> String {
    screen
        .lines()
        .filter_map(|l| l.split_once('\u{2502}').map(|x| x.1.trim_end()))
        .collect()
}

#[test]
fn targets_view_filters_by_pinyin_charts_and_opens_the_source() {
    let bin = env!("CARGO_BIN_EXE_baogao");
    // the newest gdp target of 浙江 from the CLI: the view must show the same
    let out = std::process::Command::new(bin)
        .env_remove("BAOGAO_MODEL")
        .args([
            "targets", "--region", "zhejiang", "--metric", "gdp", "--format", "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let last = rows.as_array().unwrap().last().unwrap().clone();
    let region = last["region"].as_str().unwrap().to_string();
    let year = last["year"].as_u64().unwrap();
    let target_text = last["target_text"].as_str().unwrap().to_string();

    let Some(t) = Tmux::start("targets", 80, 24) else {
        return;
    };
    // the bundled corpus (the session pins BAOGAO_MODEL to the small model)
    t.keys(&[
        &format!("env -u BAOGAO_MODEL {bin} --ambiguous narrow; echo EXIT=$?"),
        "Enter",
    ]);
    t.wait_for("Outline");
    t.keys(&["T"]);
    let grid = t.wait_for("Targets:");
    assert!(grid.contains("gdp (1/"), "{grid}");
    // a mark on assessed cells (met or missed), without relying on colour
    assert!(
        grid.contains('\u{2713}') && grid.contains('\u{2717}'),
        "{grid}"
    );
    for k in "zhejiang".chars() {
        t.keys(&[&k.to_string()]);
    }
    let one = t.wait_for("1 regions");
    assert!(one.contains(&region), "{one}");
    // the detail line of the selected (newest) year shows the target as printed
    assert!(one.contains(&format!("{region} {year}")), "{one}");
    assert!(one.contains(&target_text), "{one}");
    // the chart of the region: its title and the years on the axis
    t.keys(&["C-g"]);
    let chart = t.wait_for("result (dots)");
    assert!(chart.contains(&year.to_string()), "{chart}");
    t.keys(&["C-g"]);
    t.wait_for("1 regions");
    // Enter: the reader shows the sentence the target came from
    t.keys(&["Enter"]);
    let reader = t.wait_for("Reader");
    let text = reader_text(&reader);
    let bare = target_text
        .trim_start_matches('\u{589e}')
        .trim_start_matches('\u{957f}');
    assert!(text.contains(bare), "{bare} not in\n{reader}");
    assert!(reader.contains(&format!("{region} {year}")), "{reader}");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}
