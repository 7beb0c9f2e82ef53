//! `baogao search`: ranked results for scripts and quick lookups, one per
//! line (kind, id, breadcrumb, snippet; tab-separated) or JSON lines. Every
//! piece of model text and the query are sanitized before printing.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{bail, Result};
use serde::Serialize;

use super::{location_id, sanitize_with_ranges, snippet, Hit, Index, SearchOptions};
use crate::cli::SearchArgs;
use crate::model::{Location, Model};
use crate::text::{sanitize, AmbiguousWidth};

/// Display columns of the snippet in the plain output.
const SNIPPET_WIDTH: usize = 60;

#[derive(Serialize)]
struct JsonHit<'a> {
    kind: &'static str,
    report: &'a str,
    id: String,
    location: &'a Location,
    breadcrumb: String,
    text: String,
    /// Byte ranges of `text`.
    highlights: Vec<[usize; 2]>,
    score: i64,
    /// A figure's year and period ("2024 target"); absent for other kinds.
    #[serde(skip_serializing_if = "str::is_empty")]
    note: String,
    /// Other cells of the same table row that matched (folded into this hit).
    #[serde(skip_serializing_if = "is_zero")]
    more_in_row: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Run `baogao search`; exit status 1 when nothing matches.
pub fn run(model: &Model, args: &SearchArgs) -> Result<ExitCode> {
    if let Some(r) = &args.report {
        if !model.reports.iter().any(|x| &x.id == r) {
            let ids: Vec<&str> = model.reports.iter().map(|x| x.id.as_str()).collect();
            bail!(
                "no report with id {:?} (reports: {})",
                sanitize(r),
                sanitize(&ids.join(", "))
            );
        }
    }
    let index = Index::new(model);
    let opts = SearchOptions {
        report: args.report.clone(),
        limit: args.limit,
    };
    let hits = index.search(&args.query, &opts);
    if hits.is_empty() {
        eprintln!("no matches for {:?}", sanitize(&args.query));
        return Ok(ExitCode::from(1));
    }
    let out = std::io::stdout();
    let color = out.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut out = out.lock();
    for h in &hits {
        let line = if args.json {
            json_line(h)?
        } else {
            plain_line(h, color)
        };
        if writeln!(out, "{line}").is_err() {
            break; // stdout closed (e.g. piped to head): stop quietly
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn json_line(h: &Hit) -> Result<String> {
    let (text, hl) = sanitize_with_ranges(&h.text, &h.highlights);
    let j = JsonHit {
        kind: h.kind.as_str(),
        report: h.location.report(),
        id: sanitize(&location_id(&h.location)).into_owned(),
        location: &h.location,
        breadcrumb: sanitize(&h.breadcrumb).into_owned(),
        text,
        highlights: hl.iter().map(|r| [r.start, r.end]).collect(),
        score: h.score,
        note: sanitize(&h.note).into_owned(),
        more_in_row: h.more_in_row,
    };
    Ok(serde_json::to_string(&j)?)
}

/// What a person reads next to a hit's kind, sanitized: a figure's year and
/// period ("2024 target"), or for a cell the other matching cells of its row
/// ("+3 in row").
pub fn hit_note(h: &Hit) -> Option<String> {
    if !h.note.is_empty() {
        Some(sanitize(&h.note).into_owned())
    } else if h.more_in_row > 0 {
        Some(format!("+{} in row", h.more_in_row))
    } else {
        None
    }
}

fn plain_line(h: &Hit, color: bool) -> String {
    let (snip, hl) = snippet(h, SNIPPET_WIDTH, AmbiguousWidth::Narrow);
    let snip = if color {
        let mut s = String::new();
        let mut at = 0;
        for r in hl {
            s.push_str(&snip[at..r.start]);
            s.push_str("\x1b[1;4m");
            s.push_str(&snip[r.clone()]);
            s.push_str("\x1b[0m");
            at = r.end;
        }
        s.push_str(&snip[at..]);
        s
    } else {
        snip
    };
    // a figure says its year and period before its text ("2024 target ·
    // 实到外资: 115亿美元"), a cell how many more cells of its row matched;
    // the kind column stays one word for scripts
    let snip = match hit_note(h) {
        Some(n) => format!("{n} \u{b7} {snip}"),
        None => snip,
    };
    format!(
        "{}\t{}\t{}\t{}",
        h.kind.as_str(),
        sanitize(&location_id(&h.location)),
        sanitize(&h.breadcrumb),
        snip
    )
}
