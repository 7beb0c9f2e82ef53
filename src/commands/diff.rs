//! `baogao diff A [B]`: two reports compared (`compare::compare`), printed
//! as text (a summary per section, the targets side by side, then the
//! changed sentences with their inserted and deleted runs) or as JSON (the
//! `ReportDiff`, docs/cli.md). Colour only on a terminal without NO_COLOR;
//! otherwise runs are marked `{+…+}` and `[-…-]`. Only the two reports are
//! parsed (the rest of the model stays packed). What must not live here:
//! the alignment (the core's `compare`).

use std::path::Path;

use anyhow::{anyhow, Result};

use super::output::{one_line, Out};
use super::Outcome;
use crate::cli::{DiffArgs, DiffFormat};
use crate::compare::{
    compare, find_report, previous, words::word_diff, Change, Op, Piece, ReportDiff, ReportRef,
    SectionDiff, SectionStatus, TargetChange,
};

/// ANSI styles of the text output.
const GREEN: &str = "\x1b[32m";
const RED_STRUCK: &str = "\x1b[31;9m";
const RED: &str = "\x1b[31m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// `baogao diff A [B] [--format text|json] [--summary]`
pub fn run(model: Option<&Path>, args: &DiffArgs) -> Result<Outcome> {
    let opened = crate::open::open(model)?;
    let stubs = opened.stubs();
    let pick = |spec: &str| find_report(stubs, spec).map_err(|e| anyhow!(one_line(&e)));
    let (ia, ib) = match args.b.as_deref() {
        Some(b) => (pick(&args.a)?, pick(b)?),
        None => {
            let ib = pick(&args.a)?;
            let r = &stubs[ib];
            let ia = previous(stubs, ib).ok_or_else(|| {
                anyhow!(
                    "no earlier report of {} of the same kind as {} in the model (give two reports: baogao diff A B)",
                    one_line(r.region.as_deref().unwrap_or("its region")),
                    one_line(&r.id)
                )
            })?;
            (ia, ib)
        }
    };
    let a = opened.report(ia)?;
    let b = opened.report(ib)?;
    let d = compare(&a, &b);
    let mut out = Out::new();
    match args.format {
        DiffFormat::Json => out.json(&d)?,
        DiffFormat::Text => {
            let color = out.tty && std::env::var_os("NO_COLOR").is_none();
            out.raw(&text(&d, color, args.summary))?;
        }
    }
    out.finish()?;
    Ok(Outcome::Done)
}

fn report_label(r: &ReportRef) -> String {
    let mut s = one_line(&r.id);
    let region = r.region.as_deref().map(one_line).unwrap_or_default();
    let year = r.year.map(|y| y.to_string()).unwrap_or_default();
    let what = [region, year]
        .into_iter()
        .filter(|x| !x.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if !what.is_empty() {
        s.push_str(&format!(" ({what})"));
    }
    s
}

/// "changed moved renamed", "split", …
pub fn status_text(r: &SectionDiff) -> String {
    let mut s = r.status.as_str().to_string();
    if r.moved {
        s.push_str(" moved");
    }
    if r.renamed {
        s.push_str(" renamed");
    }
    s
}

/// The whole text output (see the module doc).
pub fn text(d: &ReportDiff, color: bool, summary_only: bool) -> String {
    let mut o = String::new();
    o.push_str(&format!(
        "{} \u{2192} {}\n",
        report_label(&d.a),
        report_label(&d.b)
    ));
    let n = |s| d.status_count(s);
    let renamed = d.sections.iter().filter(|r| r.renamed).count();
    let moved = d.sections.iter().filter(|r| r.moved).count();
    o.push_str(&format!(
        "sections: {} same, {} changed, {} added, {} dropped, {} split, {} merged ({renamed} renamed, {moved} moved)\n",
        n(SectionStatus::Same),
        n(SectionStatus::Changed),
        n(SectionStatus::Added),
        n(SectionStatus::Dropped),
        n(SectionStatus::Split),
        n(SectionStatus::Merged),
    ));
    let c = &d.counts;
    o.push_str(&format!(
        "sentences: {} same, {} changed, {} added, {} dropped\n\n",
        c.same, c.changed, c.added, c.dropped
    ));
    let ya =
        d.a.year
            .map(|y| y.to_string())
            .unwrap_or_else(|| "A".into());
    let yb =
        d.b.year
            .map(|y| y.to_string())
            .unwrap_or_else(|| "B".into());
    let header = [
        "status".to_string(),
        "changed".into(),
        "added".into(),
        "dropped".into(),
        format!("section {yb}"),
        format!("section {ya}"),
    ];
    let rows: Vec<Vec<String>> = d.sections.iter().map(summary_row).collect();
    o.push_str(&super::output::aligned(&header, &rows, None));
    if !d.targets.is_empty() {
        o.push('\n');
        let header = [
            "target".to_string(),
            ya.clone(),
            yb.clone(),
            format!("result {ya}"),
            "change".into(),
        ];
        let fig = |f: &Option<crate::compare::targets::Figure>| {
            f.as_ref().map(|f| one_line(&f.text)).unwrap_or_default()
        };
        let rows: Vec<Vec<String>> = d
            .targets
            .iter()
            .map(|t| {
                vec![
                    one_line(&t.metric),
                    fig(&t.a),
                    fig(&t.b),
                    fig(&t.result),
                    t.change.as_str().to_string(),
                ]
            })
            .collect();
        o.push_str(&super::output::aligned(&header, &rows, None));
        let changed = d
            .targets
            .iter()
            .filter(|t| t.change != TargetChange::Same)
            .count();
        o.push_str(&format!(
            "{changed} of {} targets differ\n",
            d.targets.len()
        ));
    }
    if summary_only {
        return o;
    }
    for r in &d.sections {
        if r.sentences.is_empty() && !r.renamed {
            continue;
        }
        o.push('\n');
        o.push_str(&detail_heading(r, color));
        for s in &r.sentences {
            o.push_str(&sentence_line(s, color));
        }
    }
    o
}

fn label(s: &Option<crate::compare::SectionRef>) -> String {
    s.as_ref().map(|s| one_line(&s.label())).unwrap_or_default()
}

fn summary_row(r: &SectionDiff) -> Vec<String> {
    let (b, a) = match r.status {
        SectionStatus::Split => (label(&r.b), format!("(split from {})", label(&r.related))),
        SectionStatus::Merged => (format!("(merged into {})", label(&r.related)), label(&r.a)),
        _ => (label(&r.b), label(&r.a)),
    };
    vec![
        status_text(r),
        r.counts.changed.to_string(),
        r.counts.added.to_string(),
        r.counts.dropped.to_string(),
        b,
        a,
    ]
}

/// "== 二、(一)… (was 二、(三)…; changed moved) ==", and a renamed
/// heading's word diff.
fn detail_heading(r: &SectionDiff, color: bool) -> String {
    let shown = r.shown().map(|s| one_line(&s.label())).unwrap_or_default();
    let mut note = status_text(r);
    match (r.status, &r.a, &r.related) {
        (SectionStatus::Split, _, Some(x)) => note = format!("split from {}", one_line(&x.label())),
        (SectionStatus::Merged, _, Some(x)) => {
            note = format!("merged into {}", one_line(&x.label()))
        }
        (_, Some(a), _) if r.b.is_some() && (r.moved || r.renamed) => {
            note = format!("{note}; was {}", one_line(&a.label()))
        }
        _ => {}
    }
    let mut o = if color {
        format!("{BOLD}== {shown}{RESET}  ({note})\n")
    } else {
        format!("== {shown}  ({note})\n")
    };
    if let (true, Some(a), Some(b)) = (r.renamed, &r.a, &r.b) {
        o.push_str("  heading: ");
        o.push_str(&pieces(&word_diff(&a.heading, &b.heading), color));
        o.push('\n');
    }
    o
}

fn sentence_line(s: &crate::compare::SentenceDiff, color: bool) -> String {
    let wrap = |sign: &str, style: &str, text: &str| {
        if color {
            format!("  {style}{sign} {}{RESET}\n", one_line(text))
        } else {
            format!("  {sign} {}\n", one_line(text))
        }
    };
    match s.change {
        Change::Added => wrap("+", GREEN, s.b.as_ref().map_or("", |x| &x.text)),
        Change::Dropped => wrap("-", RED, s.a.as_ref().map_or("", |x| &x.text)),
        Change::Changed => format!("  ~ {}\n", pieces(&s.pieces, color)),
    }
}

/// Word-level runs on one line: coloured (inserted green, deleted red and
/// struck through) or marked `{+…+}` / `[-…-]`.
pub fn pieces(ps: &[Piece], color: bool) -> String {
    let mut o = String::new();
    for p in ps {
        let t = one_line(&p.text);
        match (p.op, color) {
            (Op::Equal, _) => o.push_str(&t),
            (Op::Insert, true) => o.push_str(&format!("{GREEN}{t}{RESET}")),
            (Op::Delete, true) => o.push_str(&format!("{RED_STRUCK}{t}{RESET}")),
            (Op::Insert, false) => o.push_str(&format!("{{+{t}+}}")),
            (Op::Delete, false) => o.push_str(&format!("[-{t}-]")),
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs() -> Vec<Piece> {
        word_diff(
            "\u{529B}\u{4E89}\u{5B8C}\u{6210}",
            "\u{786E}\u{4FDD}\u{5B8C}\u{6210}",
        )
    }

    #[test]
    fn runs_are_coloured_on_a_terminal_and_marked_otherwise() {
        let plain = pieces(&runs(), false);
        assert_eq!(
            plain,
            "[-\u{529B}\u{4E89}-]{+\u{786E}\u{4FDD}+}\u{5B8C}\u{6210}"
        );
        let coloured = pieces(&runs(), true);
        assert!(coloured.contains(&format!("{RED_STRUCK}\u{529B}\u{4E89}{RESET}")));
        assert!(coloured.contains(&format!("{GREEN}\u{786E}\u{4FDD}{RESET}")));
        assert!(!coloured.contains("{+"));
    }

    #[test]
    fn control_characters_of_model_text_never_reach_the_terminal() {
        let p = vec![Piece {
            op: Op::Insert,
            text: "a\u{1b}[2Jb".into(),
        }];
        let s = pieces(&p, true);
        assert!(!s.contains("\u{1b}[2J"), "{s:?}");
    }
}
