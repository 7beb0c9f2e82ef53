//! `baogao build` and `baogao check` from the shell: bad input gets a
//! one-line error naming the file and a nonzero exit, never a panic, and an
//! existing output file is never left half-written.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

fn baogao(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_baogao"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn one_line_error(o: &Output, must_contain: &[&str]) {
    assert!(!o.status.success(), "expected failure");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err:?}");
    assert!(!err.contains("panicked"), "{err}");
    for m in must_contain {
        assert!(err.contains(m), "{err:?} should mention {m:?}");
    }
}

#[test]
fn bad_inputs_are_one_line_errors() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    std::fs::write(p.join("empty.txt"), b"").unwrap();
    std::fs::write(
        p.join("binary.txt"),
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00",
    )
    .unwrap();
    std::fs::write(p.join("bad.txt"), b"\xe4\xb8\x80\xff\xfe\xfd").unwrap();
    std::fs::create_dir(p.join("adir")).unwrap();
    one_line_error(
        &baogao(&["build", "empty.txt", "-o", "m.json"], p),
        &["empty.txt", "empty"],
    );
    one_line_error(
        &baogao(&["build", "binary.txt", "-o", "m.json"], p),
        &["binary.txt", "binary"],
    );
    one_line_error(
        &baogao(&["build", "bad.txt", "-o", "m.json"], p),
        &["bad.txt", "undecodable"],
    );
    one_line_error(
        &baogao(&["build", "missing.txt", "-o", "m.json"], p),
        &["missing.txt"],
    );
    one_line_error(
        &baogao(&["build", "adir", "-o", "m.json"], p),
        &["adir", "directory"],
    );
    assert!(!p.join("m.json").exists(), "no output written on failure");
}

#[test]
fn unwritable_output_and_existing_output_kept_whole() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let report = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/chrome-gb18030.txt");
    let report = report.to_str().unwrap();
    one_line_error(
        &baogao(&["build", report, "-o", "no/such/dir/m.json"], p),
        &["m.json"],
    );
    std::fs::create_dir(p.join("out")).unwrap();
    one_line_error(&baogao(&["build", report, "-o", "out"], p), &["out"]);
    // An existing model survives a failed build untouched.
    std::fs::write(p.join("m.json"), "KEEP").unwrap();
    std::fs::write(p.join("empty.txt"), "").unwrap();
    one_line_error(
        &baogao(&["build", report, "empty.txt", "-o", "m.json"], p),
        &["empty.txt"],
    );
    assert_eq!(std::fs::read_to_string(p.join("m.json")).unwrap(), "KEEP");
    // A good build replaces it whole and leaves no temp file behind.
    let o = baogao(&["build", report, "-o", "m.json"], p);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(p.join("m.json")).unwrap()).unwrap();
    assert_eq!(m["reports"][0]["id"], "beiling-2024-plan");
    let names: Vec<String> = std::fs::read_dir(p)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn id_override_and_check_summary() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pd = root.join("data/reports/pudong-2023-plan-report.txt");
    let o = baogao(
        &["build", pd.to_str().unwrap(), "--id", "pd", "-o", "m.json"],
        p,
    );
    assert!(o.status.success());
    let o = baogao(&["check", "m.json"], p);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("pd  关于浦东新区"), "{out}");
    assert!(out.contains("parts (children) 一、6  二、7"), "{out}");
    assert!(out.contains("table pd:t1 18×6 grid"), "{out}");
    assert!(out.contains("table pd:t2 6×2 pairs"), "{out}");
    assert!(out.contains("table pd:t3 18×4 grid"), "{out}");
    assert!(out.contains("removed breadcrumb:1"), "{out}");
    // The bundled model checks clean too.
    let o = baogao(&["check"], p);
    assert!(o.status.success());
}

#[test]
fn check_rejects_broken_and_wrong_version_models() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    std::fs::write(
        p.join("v2.json"),
        r#"{"schema_version":"2.0","generator":"x","reports":[]}"#,
    )
    .unwrap();
    one_line_error(
        &baogao(&["check", "v2.json"], p),
        &["v2.json", "schema version 2.0"],
    );
    std::fs::write(p.join("junk.json"), "not json").unwrap();
    one_line_error(&baogao(&["check", "junk.json"], p), &["junk.json"]);
    // A model whose table reference dangles fails validation.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root.join("data/model.json")).unwrap()).unwrap();
    m["reports"][0]["tables"] = serde_json::json!([]);
    std::fs::write(p.join("dangling.json"), serde_json::to_string(&m).unwrap()).unwrap();
    let o = baogao(&["check", "dangling.json"], p);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing table"));
}
