//! `baogao build` and `baogao check` from the shell: bad input gets a
//! one-line error naming the file and a nonzero exit, never a panic, and an
//! existing output file is never left half-written.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

fn baogao(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_baogao"))
        .env("BAOGAO_MODEL", baogao::plan_model_path())
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

/// A build whose inputs all fail: one line for the file, then the summary.
fn failed_file(o: &Output, must_contain: &[&str]) {
    assert_eq!(o.status.code(), Some(2), "expected exit 2 (an error)");
    let err = String::from_utf8_lossy(&o.stderr);
    let lines: Vec<&str> = err.trim_end().lines().collect();
    assert_eq!(lines.len(), 2, "error + summary: {err:?}");
    assert!(!err.contains("panicked"), "{err}");
    for m in must_contain {
        assert!(lines[0].contains(m), "{err:?} should mention {m:?}");
    }
    assert!(lines[1].starts_with("baogao: 0 report(s)"), "{err:?}");
    assert!(lines[1].contains("1 failure(s)"), "{err:?}");
}

fn data(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

fn copy(from: &str, to: &Path) {
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(data(from), to).unwrap();
}

fn model(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn report_ids(m: &serde_json::Value) -> Vec<String> {
    m["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
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
    failed_file(
        &baogao(&["build", "empty.txt", "-o", "m.json"], p),
        &["empty.txt", "empty"],
    );
    failed_file(
        &baogao(&["build", "binary.txt", "-o", "m.json"], p),
        &["binary.txt", "binary"],
    );
    failed_file(
        &baogao(&["build", "bad.txt", "-o", "m.json"], p),
        &["bad.txt", "undecodable"],
    );
    failed_file(
        &baogao(&["build", "missing.txt", "-o", "m.json"], p),
        &["missing.txt"],
    );
    failed_file(
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
    let o = baogao(&["build", report, "empty.txt", "-o", "m.json"], p);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.lines().next().unwrap().starts_with("empty.txt: "),
        "{err}"
    );
    assert!(err.contains("m.json not written"), "{err}");
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
    assert!(out.starts_with("pd  关于浦东新区"), "{out}");
    assert!(
        out.contains("1 report(s), 0 with warnings, 0 warning(s)"),
        "{out}"
    );
    assert!(out.trim_end().ends_with("ok: no problems"), "{out}");
    let o = baogao(&["check", "-v", "m.json"], p);
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

#[test]
fn folder_with_nested_files_builds_in_sorted_path_order() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let c = p.join("corpus");
    copy(
        "data/reports/shanghai-2023-plan-report.txt",
        &c.join("b/deep/sh.md"),
    );
    copy(
        "data/reports/pudong-2023-plan-report.txt",
        &c.join("a/pd.TXT"),
    );
    copy("tests/data/chrome-gb18030.txt", &c.join("c.txt"));
    // Neither a report text nor visible: skipped.
    std::fs::write(c.join("notes.pdf"), "x").unwrap();
    copy("tests/data/no-headings.txt", &c.join(".hidden/x.txt"));
    let o = baogao(&["build", "corpus", "-o", "m.json"], p);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let m = model(&p.join("m.json"));
    let files: Vec<&str> = m["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["source"]["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["a/pd.TXT", "b/deep/sh.md", "c.txt"]);
    let err = String::from_utf8_lossy(&o.stderr);
    let last = err.trim_end().lines().last().unwrap();
    assert!(last.starts_with("3 report(s), "), "{err}");
    assert!(
        last.contains("0 failure(s)") && last.contains("wrote m.json"),
        "{err}"
    );
}

#[test]
fn bad_file_in_a_folder_fails_alone_and_keep_going_writes_the_rest() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    copy("tests/data/chrome-gb18030.txt", &p.join("in/good.txt"));
    std::fs::write(p.join("in/sub-empty.txt"), "").unwrap();
    std::fs::write(p.join("in/z-bin.md"), b"\x7fELF\x02\x01\x01\x00\x00\x00").unwrap();
    let o = baogao(&["build", "in", "-o", "m.json"], p);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    let lines: Vec<&str> = err.trim_end().lines().collect();
    // Both bad files are named, one line each, in path order; the good one built.
    assert_eq!(lines.len(), 3, "{err}");
    assert!(lines[0].starts_with("in/sub-empty.txt: "), "{err}");
    assert!(lines[1].starts_with("in/z-bin.md: "), "{err}");
    assert!(
        lines[2].starts_with("baogao: 1 report(s), 0 warning(s), 2 failure(s)"),
        "{err}"
    );
    assert!(!p.join("m.json").exists());
    let o = baogao(&["build", "--keep-going", "in", "-o", "m.json"], p);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(report_ids(&model(&p.join("m.json"))), ["beiling-2024-plan"]);
}

#[test]
fn piped_stderr_has_no_progress_bar_bytes() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    copy("tests/data/chrome-gb18030.txt", &p.join("in/a.txt"));
    copy("tests/data/no-headings.txt", &p.join("in/b.txt"));
    let o = baogao(&["build", "in", "-o", "m.json"], p);
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains('\r') && !err.contains('\x1b'), "{err:?}");
    // Every line is a warning naming its file, or the summary.
    for l in err.trim_end().lines() {
        assert!(
            l.starts_with("in/b.txt: warning: ") || l.starts_with("2 report(s)"),
            "{err}"
        );
    }
    assert!(o.stdout.is_empty());
}

#[test]
fn equal_derived_ids_get_suffixes_and_a_warning() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    for dir in ["x", "y", "z"] {
        copy("tests/data/chrome-gb18030.txt", &p.join(dir).join("r.txt"));
    }
    let o = baogao(&["build", "x", "y", "z", "-o", "m.json"], p);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let m = model(&p.join("m.json"));
    assert_eq!(
        report_ids(&m),
        [
            "beiling-2024-plan",
            "beiling-2024-plan-2",
            "beiling-2024-plan-3"
        ]
    );
    // Every id inside a renamed report carries its new id.
    let second = serde_json::to_string(&m["reports"][1]["sections"]).unwrap();
    assert!(second.contains("\"beiling-2024-plan-2:s1\""), "{second}");
    assert!(!second.contains("\"beiling-2024-plan:"), "{second}");
    let w = m["reports"][2]["warnings"].as_array().unwrap();
    assert!(
        w.iter().any(|w| w
            .as_str()
            .unwrap()
            .starts_with("duplicate id: beiling-2024-plan is also the id of r.txt")),
        "{w:?}"
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("y/r.txt: warning: duplicate id: "), "{err}");
    assert!(err.contains("3 report(s), 2 warning(s)"), "{err}");
    // -q silences the warnings, not the summary.
    let o = baogao(&["build", "-q", "x", "y", "-o", "m.json"], p);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    // check: a line per report with its warnings, then totals by kind.
    let o = baogao(&["check", "m.json"], p);
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with("beiling-2024-plan  关于北岭市"),
        "{out}"
    );
    assert!(!lines[0].contains("  ! "), "{out}");
    assert!(
        lines[1].starts_with("beiling-2024-plan-2  关于北岭市"),
        "{out}"
    );
    assert!(
        lines[1].contains("  ! duplicate id: beiling-2024-plan is also"),
        "{out}"
    );
    assert!(
        out.contains("2 report(s), 1 with warnings, 1 warning(s)"),
        "{out}"
    );
    assert!(out.contains("      1  duplicate id\n"), "{out}");
    // Explicit --id values stay the user's word: two equal ones are an error.
    let o = baogao(
        &[
            "build", "x/r.txt", "y/r.txt", "--id", "a", "--id", "a", "-o", "n.json",
        ],
        p,
    );
    one_line_error(&o, &["two reports are given the id a"]);
    // An explicit id wins over an earlier derived one, which moves aside.
    let o = baogao(
        &[
            "build",
            "x",
            "y/r.txt",
            "--id",
            "beiling-2024-plan",
            "-o",
            "n.json",
        ],
        p,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        report_ids(&model(&p.join("n.json"))),
        ["beiling-2024-plan-2", "beiling-2024-plan"]
    );
}

#[test]
fn model_is_the_same_for_one_and_many_threads() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    copy(
        "data/reports/shanghai-2023-plan-report.txt",
        &p.join("in/1.txt"),
    );
    copy(
        "data/reports/pudong-2023-plan-report.txt",
        &p.join("in/2.txt"),
    );
    for k in 3..9 {
        copy(
            "tests/data/chrome-gb18030.txt",
            &p.join(format!("in/{k}.txt")),
        );
    }
    copy("tests/data/markdown-work-report.txt", &p.join("in/9/a.md"));
    let run = |threads: &str, out: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_baogao"))
            .env("BAOGAO_MODEL", baogao::plan_model_path())
            .args(["build", "in", "-o", out])
            .env("RAYON_NUM_THREADS", threads)
            .current_dir(p)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        (std::fs::read(p.join(out)).unwrap(), o.stderr)
    };
    let (one, err1) = run("1", "one.json");
    let (many, err4) = run("4", "many.json");
    assert!(one == many, "models differ between 1 and 4 threads");
    let strip_time = |e: &[u8]| {
        let s = String::from_utf8_lossy(e).into_owned();
        s.lines()
            .filter(|l| !l.contains(" failure(s) in "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip_time(&err1), strip_time(&err4));
}

#[test]
fn cli_writes_the_same_bytes_as_the_committed_model() {
    // The CLI streams the model to disk; it must match `model_json` (which
    // builder_bundled pins against data/model.json) byte for byte.
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let o = baogao(
        &[
            "build",
            data("data/reports/pudong-2023-plan-report.txt")
                .to_str()
                .unwrap(),
            data("data/reports/shanghai-2023-plan-report.txt")
                .to_str()
                .unwrap(),
            "-o",
            "m.json",
        ],
        p,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let built = std::fs::read(p.join("m.json")).unwrap();
    let committed = std::fs::read(data("data/model.json")).unwrap();
    assert!(
        built == committed,
        "CLI output differs from data/model.json"
    );
}

#[test]
fn an_input_is_never_the_output_and_dash_is_standard_output() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    copy("tests/data/chrome-gb18030.txt", &p.join("in/a.txt"));
    let before = std::fs::read(p.join("in/a.txt")).unwrap();
    // by its name, through a symlink, a hard link, and inside a folder argument
    std::os::unix::fs::symlink(p.join("in/a.txt"), p.join("link.json")).unwrap();
    std::fs::hard_link(p.join("in/a.txt"), p.join("hard.json")).unwrap();
    for (input, out) in [
        ("in/a.txt", "in/a.txt"),
        ("in/a.txt", "link.json"),
        ("in/a.txt", "hard.json"),
        ("in", "in/a.txt"),
    ] {
        let o = baogao(&["build", input, "-o", out], p);
        one_line_error(&o, &[out, "input"]);
        assert_eq!(std::fs::read(p.join("in/a.txt")).unwrap(), before);
    }
    // `-o -`: the model on stdout, the same bytes a file gets; no file `-`
    let o = baogao(&["build", "in/a.txt", "-o", "-"], p);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(baogao(&["build", "in/a.txt", "-o", "m.json"], p)
        .status
        .success());
    assert_eq!(o.stdout, std::fs::read(p.join("m.json")).unwrap());
    assert!(!p.join("-").exists());
}

/// A synthetic report of about `paras` paragraphs (my own text).
fn long_report(n: usize, paras: usize) -> String {
    let mut s = format!("第{n}号区2024年国民经济和社会发展计划执行情况\n\n一、总体情况\n\n");
    for i in 0..paras {
        s.push_str(&format!(
            "第{i}项工作稳步推进，全区地区生产总值增长{}.{}%，固定资产投资增长{}%。\n\n",
            i % 9,
            i % 7,
            i % 13
        ));
    }
    s
}

#[test]
fn a_build_stopped_while_writing_leaves_no_temp_file() {
    // stopped while building (the spool of built reports exists) and while
    // writing the model (its temp file exists): nothing is left behind
    stopped_when_seen(".spool");
    stopped_when_seen(".tmp");
}

/// Start a build and send SIGTERM as soon as a file ending in `suffix`
/// appears beside the output; then the output's folder must be empty.
fn stopped_when_seen(suffix: &str) {
    use std::time::{Duration, Instant};
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    // retried with more input when the build was over before the file was
    // seen
    for (files, paras) in [(60, 400), (120, 800), (200, 1600)] {
        let src = p.join(format!("src{files}"));
        std::fs::create_dir_all(&src).unwrap();
        for n in 0..files {
            std::fs::write(src.join(format!("{n:04}.txt")), long_report(n, paras)).unwrap();
        }
        let out = p.join(format!("out{files}"));
        std::fs::create_dir_all(&out).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_baogao"))
            .args(["build", "-q", src.to_str().unwrap(), "-o"])
            .arg(out.join("m.json"))
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let seen = |dir: &Path| {
            std::fs::read_dir(dir)
                .unwrap()
                .any(|e| e.unwrap().file_name().to_string_lossy().ends_with(suffix))
        };
        let start = Instant::now();
        let mut caught = false;
        while start.elapsed() < Duration::from_secs(120) {
            if seen(&out) {
                // SIGTERM
                unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
                caught = true;
                break;
            }
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_micros(500));
        }
        let status = child.wait().unwrap();
        if caught && status.code() == Some(128 + 15) {
            let left: Vec<_> = std::fs::read_dir(&out)
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .collect();
            assert!(left.is_empty(), "left behind: {left:?}");
            return;
        }
    }
    panic!("never caught a build while a {suffix} file existed");
}
