//! The command-line face: one body per subcommand, all writing through
//! [`output::Out`], which owns stdout, the formats and sanitizing.
//!
//! Status codes, as ripgrep's: [`SUCCESS`] (also when stdout is closed early:
//! `| head`), [`NO_MATCH`] when a query-like command found nothing, [`ERROR`]
//! for everything else, printed by `main` as one line `baogao: …`.
//!
//! What must not live here: anything a command does not need for printing
//! (searching, building, joining, citing live in the pure core).

pub mod build;
pub mod check;
pub mod diff;
pub mod generate;
pub mod indicators;
pub mod novel;
pub mod outline;
pub mod output;
pub mod search;
pub mod show;
pub mod tables;
pub mod targets;
pub mod tempfiles;
pub mod trend;

use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Result};

use crate::cli::{Cli, Command, ModelArg};
use crate::model::Model;

/// Exit status: success.
pub const SUCCESS: u8 = 0;
/// Exit status: nothing matched.
pub const NO_MATCH: u8 = 1;
/// Exit status: an error.
pub const ERROR: u8 = 2;

/// What a command ended with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// Nothing matched (status 1); the message was printed on stderr.
    NoMatch,
}

impl From<Outcome> for ExitCode {
    fn from(o: Outcome) -> ExitCode {
        ExitCode::from(match o {
            Outcome::Done => SUCCESS,
            Outcome::NoMatch => NO_MATCH,
        })
    }
}

/// Load the model a command names (its own `--model`, else the top-level
/// one, else the bundled model).
fn load(own: &ModelArg, top: Option<&Path>) -> Result<Model> {
    Ok(crate::load_model(own.model.as_deref().or(top))?)
}

/// Run a subcommand (the explorer is `None`, run by main).
pub fn run(cli: &Cli, command: &Command) -> Result<Outcome> {
    let top = cli.model.as_deref();
    match command {
        Command::Build(args) => {
            // a default model from BAOGAO_MODEL is no mistake; --model is
            let from_env = std::env::var_os("BAOGAO_MODEL").map(std::path::PathBuf::from);
            if top.is_some_and(|t| Some(t) != from_env.as_deref()) {
                bail!("--model does not apply to build (the output is -o FILE)");
            }
            build::build(args)
        }
        Command::Check {
            file,
            verbose,
            model,
        } => check::check(file.as_deref().or(model.model.as_deref()).or(top), *verbose),
        Command::Search(args) => search::run(&load(&args.model, top)?, args),
        Command::Show(args) => show::run(&load(&args.model, top)?, args),
        Command::Outline(args) => outline::run(&load(&args.model, top)?, args),
        Command::Tables(args) => tables::run(&load(&args.model, top)?, args),
        Command::Indicators(args) => indicators::run(&load(&args.model, top)?, args),
        Command::Targets(args) => targets::run(args.model.model.as_deref().or(top), args),
        Command::Diff(args) => diff::run(args.model.model.as_deref().or(top), args),
        Command::Trend(args) => trend::run(args.model.model.as_deref().or(top), args),
        Command::NewPhrases(args) => novel::run(args.model.model.as_deref().or(top), args),
        Command::Completions { shell } => generate::completions(*shell),
        Command::Man { dir } => generate::man(dir.as_deref()),
    }
}

/// Print "baogao: MESSAGE" on stderr for a query that matched nothing.
pub fn no_match(message: &str) -> Outcome {
    use std::io::Write as _;
    let _ = writeln!(
        std::io::stderr(),
        "baogao: {}",
        crate::text::sanitize_line(message)
    );
    Outcome::NoMatch
}

/// An error for an unknown report id, listing a few known ones.
pub fn check_report(model: &Model, report: Option<&str>) -> Result<()> {
    if let Some(id) = report {
        if !model.reports.iter().any(|r| r.id == id) {
            let known: Vec<&str> = model
                .reports
                .iter()
                .take(8)
                .map(|r| r.id.as_str())
                .collect();
            let more = model.reports.len().saturating_sub(known.len());
            let more = if more > 0 {
                format!(" and {more} more: baogao outline")
            } else {
                String::new()
            };
            bail!(
                "no report with id {:?} (reports: {}{more})",
                crate::text::sanitize_line(id),
                crate::text::sanitize_line(&known.join(", "))
            );
        }
    }
    Ok(())
}

/// The ids of the reports that `--report` and the region/year/level filters
/// keep (all when none is given).
pub fn chosen_reports(
    model: &Model,
    report: Option<&str>,
    reports: &crate::cli::ReportsArg,
) -> std::collections::HashSet<String> {
    let f = reports.filter();
    model
        .reports
        .iter()
        .filter(|r| report.is_none_or(|id| id == r.id) && f.matches(r))
        .map(|r| r.id.clone())
        .collect()
}

/// The one-line message for an error: its causes once each (a cause whose
/// text the message already holds is not repeated), sanitized.
pub fn error_line(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if text.is_empty() || line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    crate::text::sanitize_line(&line).into_owned()
}

/// True when `e` is a closed stdout (end quietly, status 0).
pub fn is_closed_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.is::<output::Closed>()
            || c.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_line_prints_each_cause_once() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file");
        let e = anyhow::Error::new(crate::model::ModelError::Read {
            path: "/x".into(),
            source: io,
        });
        let line = error_line(&e);
        assert_eq!(line.matches("No such file").count(), 1, "{line}");
        let e = anyhow::anyhow!("inner \u{1b}[2J").context("outer");
        assert_eq!(error_line(&e), "outer: inner ^[[2J");
    }

    #[test]
    fn a_closed_pipe_is_recognised_through_context() {
        let e = anyhow::Error::new(output::Closed).context("writing");
        assert!(is_closed_pipe(&e));
        assert!(!is_closed_pipe(&anyhow::anyhow!("other")));
    }
}
