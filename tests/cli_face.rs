//! The command line as a scripter meets it (issue 11): every subcommand in
//! every format against a hostile model (no control byte reaches stdout in
//! the table formats; JSON carries them escaped and exact; CSV as visible
//! stand-ins), every subcommand into a closed pipe (status 0, no panic), and
//! every id that `search --json`, `indicators --format json`, `outline` and
//! `tables` print is one `show` accepts.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// Escape sequences and invisible reorderings a model must never get onto a
/// terminal: CSI colour, OSC 52 (sets the clipboard), a C1 CSI, a bidi
/// override and an isolate.
const HOSTILE: &str = "\u{1b}[31m\u{1b}]52;c;SGVsbG8=\u{7}\u{9b}2J\u{202e}\u{2066}\u{7f}";

fn baogao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_baogao"))
        .env("BAOGAO_MODEL", baogao::plan_model_path())
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

/// Keys whose values are ids, references or enum names: left alone so the
/// model still loads and its ids still resolve.
const NOT_TEXT: &[&str] = &[
    "id",
    "report",
    "section",
    "sentence",
    "table",
    "schema_version",
    "type",
    "level",
    "kind",
    "period",
    "reason",
    "encoding",
    "sha256",
    "span",
    "parent_region",
    "layout",
];

fn poison(v: &mut Value, key: &str) {
    match v {
        Value::String(s) if !NOT_TEXT.contains(&key) => s.push_str(HOSTILE),
        Value::Array(a) => a.iter_mut().for_each(|x| poison(x, key)),
        Value::Object(o) => o.iter_mut().for_each(|(k, x)| poison(x, k)),
        _ => {}
    }
}

/// The bundled model with HOSTILE appended to every text field.
fn hostile_model(dir: &Path) -> PathBuf {
    let json = baogao::model::model_json(&baogao::load_plan_model().unwrap()).unwrap();
    let mut v: Value = serde_json::from_str(&json).unwrap();
    poison(&mut v, "");
    let path = dir.join("hostile.json");
    std::fs::write(&path, serde_json::to_string(&v).unwrap()).unwrap();
    // it must still be a model
    baogao::model::load_path(&path).unwrap();
    path
}

/// Bytes that act on a terminal: C0 controls except line feed (and tab when
/// `tab_ok`), DEL, C1 controls (UTF-8 C2 80..9F), bidi overrides, isolates
/// and marks.
fn control_bytes(out: &[u8], tab_ok: bool) -> Option<String> {
    let s = String::from_utf8_lossy(out);
    s.chars()
        .find(|&c| {
            (c.is_control() && c != '\n' && !(tab_ok && c == '\t'))
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
                || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}')
        })
        .map(|c| format!("U+{:04X} in {:?}", c as u32, &s[..s.len().min(300)]))
}

fn ok(o: &Output, what: &str) -> Vec<u8> {
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{what}: {:?} {err}", o.status);
    assert!(!err.contains("panicked"), "{what}: {err}");
    assert!(
        control_bytes(&o.stderr, false).is_none(),
        "{what} stderr: {err}"
    );
    o.stdout.clone()
}

/// Ids to show of the hostile model: a section, a sentence, a table, a row,
/// a cell, an indicator of its first report, and a derived table.
fn sample_ids(m: &baogao::model::Model) -> Vec<String> {
    let r = &m.reports[0];
    let s = &r.all_sections()[1];
    let sentence = s
        .blocks
        .iter()
        .find_map(|b| match b {
            baogao::model::Block::Paragraph(p) => p.sentences.first().map(|x| x.id.clone()),
            _ => None,
        })
        .unwrap();
    let t = &r.tables[0].id;
    let derived = baogao::indicators::derived_tables(m)[0].id.clone();
    vec![
        r.id.clone(),
        s.id.clone(),
        sentence,
        t.clone(),
        format!("{t}.r0"),
        format!("{t}.r0.c1"),
        r.indicators[0].id.clone(),
        derived,
    ]
}

#[test]
fn no_control_byte_reaches_stdout_from_a_hostile_model() {
    let d = tempfile::tempdir().unwrap();
    let model = hostile_model(d.path());
    let m = baogao::model::load_path(&model).unwrap();
    let mp = model.to_str().unwrap();
    let ids = sample_ids(&m);
    let report = m.reports[0].id.clone();

    let mut plain: Vec<Vec<String>> = vec![
        vec!["search".into(), "jzx".into()],
        vec!["search".into(), "52".into(), "--all".into()],
        vec!["outline".into()],
        vec!["outline".into(), report.clone()],
        vec!["tables".into()],
        vec!["indicators".into()],
        vec!["indicators".into(), "--joined".into()],
        vec!["check".into(), "-v".into()],
    ];
    for id in &ids {
        plain.push(vec!["show".into(), id.clone()]);
        if !id.contains(":ind") && id != &report && !id.contains(":derived:") {
            plain.push(vec!["show".into(), id.clone(), "--cite".into()]);
            plain.push(vec![
                "show".into(),
                id.clone(),
                "--cite".into(),
                "markdown".into(),
            ]);
        }
    }
    for args in &plain {
        let mut a: Vec<&str> = args.iter().map(String::as_str).collect();
        a.extend(["--model", mp]);
        let out = ok(&baogao(&a), &args.join(" "));
        assert!(!out.is_empty(), "{args:?} printed nothing");
        // plain search is tab-separated
        let tab_ok = args[0] == "search";
        if let Some(bad) = control_bytes(&out, tab_ok) {
            panic!("{args:?}: {bad}");
        }
        let text = String::from_utf8_lossy(&out);
        assert!(
            text.contains("^[") || text.contains("<U+"),
            "{args:?}: stand-ins expected in {text:.300}"
        );
    }

    // JSON: no raw control byte, and the hostile text comes back exact
    let mut json: Vec<Vec<String>> = vec![
        vec!["search".into(), "jzx".into(), "--json".into()],
        vec!["outline".into(), "--format".into(), "json".into()],
        vec![
            "outline".into(),
            report.clone(),
            "--format".into(),
            "json".into(),
        ],
        vec!["tables".into(), "--format".into(), "json".into()],
        vec!["indicators".into(), "--format".into(), "json".into()],
        vec![
            "indicators".into(),
            "--joined".into(),
            "--format".into(),
            "json".into(),
        ],
    ];
    for id in &ids {
        json.push(vec![
            "show".into(),
            id.clone(),
            "--format".into(),
            "json".into(),
        ]);
    }
    for args in &json {
        let mut a: Vec<&str> = args.iter().map(String::as_str).collect();
        a.extend(["--model", mp]);
        let out = ok(&baogao(&a), &args.join(" "));
        if let Some(bad) = control_bytes(&out, false) {
            panic!("{args:?}: {bad}");
        }
        let text = String::from_utf8(out).unwrap();
        let values: Vec<Value> = if args[0] == "search" {
            text.lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect()
        } else {
            vec![serde_json::from_str(&text).unwrap()]
        };
        let all = serde_json::to_string(&values).unwrap();
        // serde_json writes these raw again: the round trip kept them
        assert!(
            all.contains('\u{9b}') && all.contains('\u{202e}'),
            "{args:?}: hostile text lost"
        );
    }

    // CSV: stand-ins, never the bytes
    let mut csv: Vec<Vec<String>> = vec![
        vec!["outline".into(), "--format".into(), "csv".into()],
        vec!["tables".into(), "--format".into(), "csv".into()],
        vec!["indicators".into(), "--format".into(), "csv".into()],
        vec![
            "indicators".into(),
            "--joined".into(),
            "--format".into(),
            "csv".into(),
        ],
    ];
    for id in &ids[3..6] {
        csv.push(vec![
            "show".into(),
            id.clone(),
            "--format".into(),
            "csv".into(),
        ]);
    }
    for args in &csv {
        let mut a: Vec<&str> = args.iter().map(String::as_str).collect();
        a.extend(["--model", mp]);
        let out = ok(&baogao(&a), &args.join(" "));
        if let Some(bad) = control_bytes(&out, false) {
            panic!("{args:?}: {bad}");
        }
        assert!(
            String::from_utf8_lossy(&out).contains("^[]52;c;"),
            "{args:?}"
        );
    }

    // errors echo what the user typed, sanitized
    let o = baogao(&["show", "nope\u{1b}[2J", "--model", mp]);
    assert_eq!(o.status.code(), Some(2));
    assert!(control_bytes(&o.stderr, false).is_none());
}

#[test]
fn csv_streams_have_one_header_and_equal_field_counts() {
    for args in [
        &["tables", "--format", "csv"][..],
        &["indicators", "--format", "csv"],
        &["indicators", "--joined", "--format", "csv"],
        &["outline", "--format", "csv"],
        &["show", "pudong-2024-plan:t2", "--format", "csv"],
    ] {
        let out = String::from_utf8(ok(&baogao(args), &args.join(" "))).unwrap();
        let counts: Vec<usize> = records(&out).iter().map(Vec::len).collect();
        assert!(counts.len() > 2, "{args:?}");
        assert!(
            counts.iter().all(|&n| n == counts[0]),
            "{args:?}: field counts {counts:?}"
        );
    }
}

/// RFC 4180 records (quoted fields may hold commas, quotes and line feeds).
fn records(s: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let (mut rec, mut field, mut quoted, mut chars) =
        (Vec::new(), String::new(), false, s.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => rec.push(std::mem::take(&mut field)),
            (false, '\n') => {
                rec.push(std::mem::take(&mut field));
                out.push(std::mem::take(&mut rec));
            }
            (false, c) => field.push(c),
        }
    }
    out
}

/// Run with stdout a pipe whose reader is gone before the first write.
fn into_closed_pipe(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_baogao"))
        .env("BAOGAO_MODEL", baogao::plan_model_path())
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    Output {
        status,
        stdout: Vec::new(),
        stderr: err.into_bytes(),
    }
}

#[test]
fn every_subcommand_into_a_closed_pipe_ends_quietly() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("m.json");
    let out = out.to_str().unwrap();
    for args in [
        &["check"][..],
        &["check", "-v"],
        &["search", "s", "--all"],
        &["search", "s", "--all", "--json"],
        &["show", "pudong-2024-plan"],
        &["show", "pudong-2024-plan", "--format", "json"],
        &["show", "pudong-2024-plan:t1", "--format", "csv"],
        &["outline"],
        &["outline", "pudong-2024-plan"],
        &["tables"],
        &["tables", "--format", "json"],
        &["tables", "--format", "csv"],
        &["indicators"],
        &["indicators", "--format", "json"],
        &["indicators", "--joined", "--format", "csv"],
        &["completions", "bash"],
        &["man"],
        &["--help"],
        &["search", "--help"],
        &[
            "build",
            "data/reports/pudong-2023-plan-report.txt",
            "-q",
            "-o",
            out,
        ],
    ] {
        let o = into_closed_pipe(args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {err}");
        assert!(
            !err.contains("panicked") && !err.contains("Broken pipe"),
            "{args:?}: {err}"
        );
    }
}

/// Ids from a JSON value: every string under a key named like an id.
fn ids_in(v: &Value, key: &str, out: &mut Vec<String>) {
    match v {
        Value::String(s)
            if matches!(key, "id" | "sentence" | "section" | "table") && !s.is_empty() =>
        {
            out.push(s.clone())
        }
        Value::Array(a) => a.iter().for_each(|x| ids_in(x, key, out)),
        Value::Object(o) => o.iter().for_each(|(k, x)| ids_in(x, k, out)),
        _ => {}
    }
}

#[test]
fn every_printed_id_is_one_show_accepts() {
    let mut ids = Vec::new();
    for q in [
        "jzx",
        "生产总值",
        "shidaowaizi",
        "gdp",
        "增长",
        "亿元",
        "表",
    ] {
        let out = ok(&baogao(&["search", q, "--all", "--json"]), q);
        for line in String::from_utf8(out).unwrap().lines() {
            let v: Value = serde_json::from_str(line).unwrap();
            ids.push(v["id"].as_str().unwrap().to_string());
            ids_in(&v["location"], "", &mut ids);
        }
    }
    let n_search = ids.len();
    for args in [
        &["indicators", "--format", "json"][..],
        &["outline", "--format", "json"],
        &["outline", "pudong-2024-plan", "--format", "json"],
        &["outline", "shanghai-2024-plan", "--format", "json"],
        &["tables", "--format", "json"],
    ] {
        let v: Value = serde_json::from_slice(&ok(&baogao(args), &args.join(" "))).unwrap();
        ids_in(&v, "", &mut ids);
    }
    ids.sort();
    ids.dedup();
    // the derived tables' row sources are locations too: all kinds are here
    assert!(n_search > 200, "{n_search} search ids");
    for kind in [":ind", ".r", ".c", ":t", ":derived:", ":p"] {
        assert!(
            ids.iter().any(|i| i.contains(kind)),
            "no {kind} id among {}",
            ids.len()
        );
    }
    let mut args = vec!["show"];
    args.extend(ids.iter().map(String::as_str));
    let o = baogao(&args);
    assert!(
        o.status.success(),
        "show refused one of {} ids: {}",
        ids.len(),
        String::from_utf8_lossy(&o.stderr)
    );
    // and as JSON records
    args.extend(["--format", "json"]);
    ok(&baogao(&args), "show --format json");
}

#[test]
fn exit_codes_and_one_line_errors() {
    let no = baogao(&["search", "qqqqzzzzxx"]);
    assert_eq!(no.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&no.stderr).starts_with("baogao: no matches"));
    let no = baogao(&["indicators", "--metric", "不存在的指标"]);
    assert_eq!(no.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&no.stderr).starts_with("baogao: "));
    let e = baogao(&["--model", "/nonexistent/m.json", "search", "x"]);
    assert_eq!(e.status.code(), Some(2));
    let err = String::from_utf8_lossy(&e.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("baogao: cannot read /nonexistent/m.json"),
        "{err}"
    );
    assert_eq!(
        err.matches("No such file").count(),
        1,
        "cause printed once: {err}"
    );
    let e = baogao(&["show", "pudong-2024-plan:t1.r999"]);
    assert_eq!(e.status.code(), Some(2));
    let e = baogao(&["search", "x", "--limit", "0"]);
    assert_eq!(
        e.status.code(),
        Some(2),
        "--limit 0 is refused, --all prints every hit"
    );
    let e = baogao(&["show", "pudong-2024-plan:s1", "--format", "csv"]);
    assert_eq!(e.status.code(), Some(2));
}

#[test]
fn on_a_pipe_or_a_dumb_terminal_the_explorer_prints_the_list_of_reports() {
    // what `baogao outline` prints, and a note saying why
    let listing = baogao(&["outline"]);
    assert!(listing.status.success());
    let e = baogao(&[]);
    assert!(e.status.success());
    assert_eq!(e.stdout, listing.stdout);
    let note = String::from_utf8_lossy(&e.stderr);
    assert!(
        note.contains("not a terminal") && note.lines().count() == 1,
        "{note}"
    );
    let dumb = Command::new(env!("CARGO_BIN_EXE_baogao"))
        .env("TERM", "dumb")
        .env("BAOGAO_MODEL", baogao::plan_model_path())
        .output()
        .unwrap();
    assert!(dumb.status.success());
    assert_eq!(dumb.stdout, listing.stdout);
    assert!(String::from_utf8_lossy(&dumb.stderr).contains("TERM=dumb"));
}

#[test]
fn piped_output_is_whole_and_json_counts_chars() {
    // the longest sentence of the bundled model, found by a rare phrase of it
    let m = baogao::load_plan_model().unwrap();
    let long = m.reports[0]
        .all_sections()
        .iter()
        .flat_map(|s| s.blocks.iter())
        .filter_map(|b| match b {
            baogao::model::Block::Paragraph(p) => Some(p.sentences.iter()),
            _ => None,
        })
        .flatten()
        .max_by_key(|s| s.text.chars().count())
        .unwrap()
        .clone();
    assert!(long.text.chars().count() > 100);
    let out = String::from_utf8(ok(&baogao(&["show", &long.id]), "show")).unwrap();
    assert_eq!(out.trim_end(), long.text);
    let q: String = long.text.chars().skip(20).take(8).collect();
    let out = String::from_utf8(ok(&baogao(&["search", &q, "--all"]), "search")).unwrap();
    let line = out.lines().find(|l| l.contains(long.id.as_str())).unwrap();
    assert!(
        line.ends_with(long.text.as_str()),
        "piped search text is whole: {line}"
    );
    let out = String::from_utf8(ok(&baogao(&["search", &q, "--all", "--json"]), "json")).unwrap();
    let v: Value = out
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|v| v["id"] == long.id.as_str())
        .unwrap();
    let text: Vec<char> = v["text"].as_str().unwrap().chars().collect();
    let hl = &v["highlights"][0];
    let (a, b) = (
        hl[0].as_u64().unwrap() as usize,
        hl[1].as_u64().unwrap() as usize,
    );
    let matched: String = text[a..b].iter().collect();
    assert!(
        q.starts_with(&matched) || matched.starts_with(q.chars().next().unwrap()),
        "{matched} of {q}"
    );
    let score = v["score"].as_i64().unwrap();
    assert!(score > 0 && score < (1 << 53), "{score}");
}

#[test]
fn help_describes_every_argument_and_man_and_completions_generate() {
    for sub in [
        "build",
        "check",
        "search",
        "show",
        "outline",
        "tables",
        "indicators",
        "completions",
        "man",
    ] {
        let help = String::from_utf8(ok(&baogao(&[sub, "--help"]), sub)).unwrap();
        // every option line is followed by its description on the same line or the next
        let lines: Vec<&str> = help.lines().collect();
        for (k, l) in lines.iter().enumerate() {
            let t = l.trim_start();
            let option = t.starts_with("--")
                || (t.starts_with('-')
                    && t.chars().nth(1).is_some_and(|c| c.is_ascii_alphabetic()));
            if option && !t.starts_with("-h") && !t.starts_with("-V") {
                let described = t.split("  ").filter(|x| !x.trim().is_empty()).count() > 1
                    || lines
                        .get(k + 1)
                        .is_some_and(|n| n.starts_with("          "));
                assert!(described, "{sub}: undescribed option {t:?}");
            }
        }
        if sub != "completions" {
            assert!(help.contains("Examples:"), "{sub} --help has no examples");
        }
        assert!(
            !help.contains("--model") || !matches!(sub, "build" | "completions" | "man"),
            "{sub} lists --model"
        );
    }
    let man = String::from_utf8(ok(&baogao(&["man"]), "man")).unwrap();
    assert!(man.contains(".TH baogao") && man.contains("search"));
    let bash = String::from_utf8(ok(&baogao(&["completions", "bash"]), "completions")).unwrap();
    assert!(bash.contains("_baogao") && bash.contains("indicators"));
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("man1");
    ok(
        &baogao(&["man", "--dir", dir.to_str().unwrap()]),
        "man --dir",
    );
    for page in ["baogao.1", "baogao-search.1", "baogao-show.1"] {
        assert!(dir.join(page).is_file(), "{page}");
    }
}

#[test]
fn tables_out_dir_writes_one_file_per_table() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("t");
    let out = ok(
        &baogao(&[
            "tables",
            "--format",
            "csv",
            "--out-dir",
            dir.to_str().unwrap(),
            "--report",
            "pudong-2024-plan",
        ]),
        "tables --out-dir",
    );
    let listed = String::from_utf8(out).unwrap();
    let files: Vec<&str> = listed.lines().collect();
    assert!(files.len() >= 3, "{listed}");
    for f in files {
        let text = std::fs::read_to_string(f).unwrap();
        let counts: Vec<usize> = records(&text).iter().map(Vec::len).collect();
        assert!(
            counts.len() >= 2 && counts.iter().all(|&n| n == counts[0]),
            "{f}: {counts:?}"
        );
    }
}

#[test]
fn region_year_and_level_choose_reports_in_every_listing() {
    let reports_in = |out: &[u8], json_lines: bool| -> Vec<String> {
        let text = String::from_utf8_lossy(out);
        let mut r: Vec<String> = if json_lines {
            text.lines()
                .map(|l| {
                    serde_json::from_str::<Value>(l).unwrap()["report"]
                        .as_str()
                        .unwrap()
                        .to_string()
                })
                .collect()
        } else {
            let v: Value = serde_json::from_str(&text).unwrap();
            v.as_array()
                .unwrap()
                .iter()
                .map(|x| {
                    x.get("report")
                        .or(x.get("id"))
                        .unwrap()
                        .as_str()
                        .unwrap()
                        .to_string()
                })
                .collect()
        };
        r.sort();
        r.dedup();
        r
    };
    let pudong = vec!["pudong-2024-plan".to_string()];
    let o = ok(
        &baogao(&["search", "增长", "--all", "--json", "--region", "浦东"]),
        "search --region",
    );
    assert_eq!(reports_in(&o, true), pudong);
    let o = ok(
        &baogao(&[
            "search", "增长", "--limit", "3", "--json", "--region", "pudong",
        ]),
        "search pinyin",
    );
    assert_eq!(reports_in(&o, true), pudong);
    assert_eq!(
        String::from_utf8_lossy(&o).lines().count(),
        3,
        "the limit applies after the filter"
    );
    let o = ok(
        &baogao(&["indicators", "--format", "json", "--level", "district"]),
        "indicators --level",
    );
    assert_eq!(reports_in(&o, false), pudong);
    let o = ok(
        &baogao(&[
            "outline",
            "--format",
            "json",
            "--region",
            "shang",
            "--year",
            "2020..2024",
        ]),
        "outline",
    );
    assert_eq!(
        reports_in(&o, false),
        vec!["shanghai-2024-plan".to_string()]
    );
    let o = ok(
        &baogao(&["tables", "--format", "csv", "--region", "浦东"]),
        "tables --region",
    );
    let recs = records(&String::from_utf8(o).unwrap());
    assert!(recs.len() > 10 && recs[1..].iter().all(|r| r[1] == "pudong-2024-plan"));
    // nothing chosen: status 1; a bad year: status 2
    assert_eq!(
        baogao(&["indicators", "--year", "..2010"]).status.code(),
        Some(1)
    );
    assert_eq!(
        baogao(&["search", "增长", "--region", "西藏"])
            .status
            .code(),
        Some(1)
    );
    let bad = baogao(&["outline", "--year", "2024x"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a year"));
}

#[test]
fn open_with_an_unknown_id_is_one_line_and_status_2() {
    for id in [
        "no-such-report:s1",
        "pudong-2024-plan:s99.9",
        "pudong-2024-plan:",
    ] {
        let o = baogao(&["--open", id]);
        assert_eq!(o.status.code(), Some(2), "{id}");
        assert!(o.stdout.is_empty(), "{id}");
        let err = String::from_utf8(o.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("baogao: --open: "), "{err}");
        assert!(err.contains(id), "{err}");
    }
    // a good id on a pipe: what `show` prints for it, status 0
    let m = baogao::open::load(Some(Path::new(&baogao::plan_model_path()))).unwrap();
    let s = &m.reports[0].sections[0];
    let o = baogao(&["--open", &s.id]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(o.stdout, ok(&baogao(&["show", &s.id]), "show"));
}
