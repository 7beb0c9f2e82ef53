//! `baogao search`: ranked hits, one per line (kind, id, breadcrumb, text;
//! tab-separated) or JSON Lines. On a terminal the text is a snippet around
//! the first match with the matches underlined; through a pipe every field is
//! whole and uncolored. Every id printed is one `baogao show` accepts.

use std::ops::Range;

use anyhow::Result;
use serde::Serialize;

use super::output::{one_line, Out};
use super::{check_report, no_match, Outcome};
use crate::cli::SearchArgs;
use crate::model::{Location, Model};
use crate::search::{location_id, snippet, Hit, Index, SearchOptions};
use crate::text::AmbiguousWidth;

/// Display columns of the snippet on a terminal.
const SNIPPET_WIDTH: usize = 60;

/// Bits a search score is shifted right by in JSON, so it stays below 2^53
/// (JSON numbers are doubles); the order of hits is unchanged.
const SCORE_SHIFT: u32 = 10;

#[derive(Serialize)]
struct JsonHit<'a> {
    /// 1 for the best hit.
    rank: usize,
    kind: &'static str,
    report: &'a str,
    id: String,
    location: &'a Location,
    breadcrumb: &'a str,
    text: &'a str,
    /// Matched chars of `text`, as [start, end) char offsets (not bytes).
    highlights: Vec<[usize; 2]>,
    /// Higher is better (monotone with the ranking, below 2^53).
    score: i64,
    /// A figure's year and period ("2024 target"); absent for other kinds.
    #[serde(skip_serializing_if = "str::is_empty")]
    note: &'a str,
    /// Other cells of the same table row that matched (folded into this hit).
    #[serde(skip_serializing_if = "is_zero")]
    more_in_row: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Run `baogao search`; status 1 when nothing matches.
pub fn run(model: &Model, args: &SearchArgs) -> Result<Outcome> {
    check_report(model, args.report.as_deref())?;
    let index = Index::new(model);
    let limit = if args.all { 0 } else { args.limit as usize };
    let filtered = !args.reports.filter().is_empty();
    let opts = SearchOptions {
        report: args.report.clone(),
        // with a region/year/level filter: every hit, then the chosen reports'
        limit: if filtered { 0 } else { limit },
    };
    let mut hits = index.search(&args.query, &opts);
    if filtered {
        let chosen = super::chosen_reports(model, args.report.as_deref(), &args.reports);
        hits.retain(|h| chosen.contains(h.location.report()));
        if limit > 0 {
            hits.truncate(limit);
        }
    }
    if hits.is_empty() {
        return Ok(no_match(&format!("no matches for {:?}", args.query)));
    }
    let mut out = Out::new();
    let color = out.tty && std::env::var_os("NO_COLOR").is_none();
    for (k, h) in hits.iter().enumerate() {
        if args.json {
            out.json_line(&json_hit(k + 1, h))?;
        } else {
            let line = plain_line(h, out.tty, color);
            out.raw(&line)?;
            out.raw("\n")?;
        }
    }
    out.finish()?;
    Ok(Outcome::Done)
}

/// Byte ranges of `text` as char offsets.
fn char_ranges(text: &str, bytes: &[Range<usize>]) -> Vec<[usize; 2]> {
    let at = |b: usize| text.get(..b).map_or(0, |s| s.chars().count());
    bytes.iter().map(|r| [at(r.start), at(r.end)]).collect()
}

fn json_hit(rank: usize, h: &Hit) -> JsonHit<'_> {
    JsonHit {
        rank,
        kind: h.kind.as_str(),
        report: h.location.report(),
        id: location_id(&h.location),
        location: &h.location,
        breadcrumb: &h.full_breadcrumb,
        text: &h.text,
        highlights: char_ranges(&h.text, &h.highlights),
        score: h.score >> SCORE_SHIFT,
        note: &h.note,
        more_in_row: h.more_in_row,
    }
}

/// kind, id, breadcrumb, text: tab-separated, every field sanitized onto one
/// line. On a terminal (`snip`) the text is a snippet, underlined when `color`.
fn plain_line(h: &Hit, snip: bool, color: bool) -> String {
    let text = if snip {
        let (s, hl) = snippet(h, SNIPPET_WIDTH, AmbiguousWidth::Narrow);
        if color {
            underline(&s, &hl)
        } else {
            s
        }
    } else {
        one_line(&h.text)
    };
    // a figure says its year and period before its text ("2024 target ·
    // 实到外资: 115亿美元"), a cell how many more cells of its row matched;
    // the kind column stays one word for scripts
    let text = match h.note_text() {
        Some(n) => format!("{} \u{b7} {text}", one_line(&n)),
        None => text,
    };
    format!(
        "{}\t{}\t{}\t{}",
        h.kind.as_str(),
        one_line(&location_id(&h.location)),
        one_line(if snip {
            &h.breadcrumb
        } else {
            &h.full_breadcrumb
        }),
        text
    )
}

/// `s` (already sanitized) with the byte ranges `hl` bold and underlined.
fn underline(s: &str, hl: &[Range<usize>]) -> String {
    let mut out = String::new();
    let mut at = 0;
    for r in hl {
        out.push_str(&s[at..r.start]);
        out.push_str("\x1b[1;4m");
        out.push_str(&s[r.clone()]);
        out.push_str("\x1b[0m");
        at = r.end;
    }
    out.push_str(&s[at..]);
    out
}
