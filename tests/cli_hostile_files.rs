//! Hostile files given as a model (issue 16): a device that never ends, a
//! FIFO nobody writes, a folder, a file past the size limit, each get a
//! one-line error at once and a nonzero exit; a model after a UTF-8
//! byte-order mark loads.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Run baogao with a deadline (a blocked open must not hang the test).
fn baogao(args: &[&str], dir: &Path) -> (Output, Duration) {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_baogao"))
        .args(args)
        .current_dir(dir)
        .env_remove("BAOGAO_MODEL")
        .env_remove("BAOGAO_MAX_MODEL_SIZE")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("baogao {args:?} still running after 20 s");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    (child.wait_with_output().unwrap(), start.elapsed())
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
fn devices_fifos_and_folders_are_refused_at_once() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let fifo = p.join("fifo.json");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    for (model, why) in [
        ("/dev/zero", "not a regular file"),
        ("fifo.json", "not a regular file"),
        (".", "is a directory"),
        ("missing.json", "missing.json"),
    ] {
        for cmd in [&["outline"][..], &["search", "x"], &["check"]] {
            let mut args = cmd.to_vec();
            args.extend(["--model", model]);
            let (o, took) = baogao(&args, p);
            one_line_error(&o, &[why]);
            assert!(took < Duration::from_secs(10), "{args:?} took {took:?}");
        }
    }
}

#[test]
fn a_model_past_the_size_limit_is_refused_and_the_option_raises_it() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    // a valid model of a little over 2 MiB (the plan model, padded with spaces)
    let mut json = std::fs::read(baogao::plan_model_path()).unwrap();
    json.resize((2 << 20) + 10, b' ');
    std::fs::write(p.join("m.json"), &json).unwrap();
    let (o, _) = baogao(
        &["outline", "--model", "m.json", "--max-model-size", "2"],
        p,
    );
    one_line_error(
        &o,
        &["m.json", "3 MiB", "limit of 2 MiB", "--max-model-size"],
    );
    let (o, _) = baogao(
        &["outline", "--model", "m.json", "--max-model-size", "3"],
        p,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("pudong-2024-plan"));
}

#[test]
fn a_model_after_a_byte_order_mark_opens() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let mut json = b"\xEF\xBB\xBF".to_vec();
    json.extend(std::fs::read(baogao::plan_model_path()).unwrap());
    std::fs::write(p.join("bom.json"), &json).unwrap();
    let (o, _) = baogao(&["outline", "--model", "bom.json"], p);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("shanghai-2024-plan"));
}

/// A change made to a model's JSON.
type Change = Box<dyn Fn(&mut serde_json::Value)>;

/// The plan model with one change made to its JSON.
fn damaged(dir: &Path, change: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(baogao::plan_model_path()).unwrap()).unwrap();
    change(&mut m);
    let path = dir.join("bad.json");
    std::fs::write(&path, serde_json::to_vec(&m).unwrap()).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn every_command_refuses_a_model_that_check_rejects_naming_its_first_problem() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    // an inverted sentence span; an indicator on a cell that is not there
    let cases: [(&str, Change); 2] = [
        (
            "lies outside",
            Box::new(|m| {
                let s = &mut m["reports"][0]["sections"][0]["blocks"][0]["sentences"][0]["span"];
                let (a, b) = (s[0].as_u64().unwrap(), s[1].as_u64().unwrap());
                *s = serde_json::json!([b, a]);
            }),
        ),
        (
            "missing cell",
            Box::new(|m| {
                let inds = m["reports"][0]["indicators"].as_array_mut().unwrap();
                let cell = inds
                    .iter_mut()
                    .find(|i| i["source"]["type"] == "cell")
                    .expect("a cell record");
                cell["source"]["row"] = serde_json::json!(99999);
            }),
        ),
    ];
    for (why, change) in cases {
        let model = damaged(p, change);
        for cmd in [
            &["outline"][..],
            &["search", "gdp"],
            &["show", "pudong-2024-plan"],
            &["tables"],
            &["indicators"],
        ] {
            let mut args = cmd.to_vec();
            args.extend(["--model", &model]);
            let (o, _) = baogao(&args, p);
            one_line_error(&o, &["bad.json", "invalid model", why, "baogao check"]);
        }
        // check lists every problem (and exits 2)
        let (o, _) = baogao(&["check", &model], p);
        assert_eq!(o.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&o.stderr).contains(why));
        // no cache was made of it
        let left: Vec<_> = std::fs::read_dir(p)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".baogao-pack"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}
