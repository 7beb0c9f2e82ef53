//! `baogao show ID --cite`: prints exactly what the explorer's `y` copies
//! (the pure `model::cite` text), in each format; an unknown id is an error.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

use baogao::model::cite::{cite_id, CiteFormat};

fn show(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_baogao"))
        .env("BAOGAO_MODEL", baogao::plan_model_path())
        .arg("show")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn show_cite_prints_the_citation_the_explorer_copies() {
    let m = baogao::load_plan_model().unwrap();
    let sentence = "pudong-2024-plan:s1.3:p3.6";
    for (id, arg, fmt) in [
        (sentence, None, CiteFormat::Text),
        (sentence, Some("markdown"), CiteFormat::Markdown),
        ("pudong-2024-plan:t1", Some("csv"), CiteFormat::Csv),
        ("pudong-2024-plan:t1", Some("text"), CiteFormat::Text),
    ] {
        let mut args = vec![id, "--cite"];
        args.extend(arg);
        let o = show(&args);
        assert!(o.status.success(), "{args:?}");
        let out = String::from_utf8(o.stdout).unwrap();
        assert_eq!(out, cite_id(&m, id, fmt).unwrap(), "{args:?}");
    }
    let text = String::from_utf8(show(&[sentence, "--cite"]).stdout).unwrap();
    assert!(text.contains("(2024), \u{4E00}\u{3001}"), "{text}");
    assert!(text.trim_end().ends_with(sentence), "{text}");
    let o = show(&["no-such:id", "--cite"]);
    assert_eq!(o.status.code(), Some(2));
}
