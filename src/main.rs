//! The baogao binary: parse the CLI, dispatch, print errors on one line, set the exit code.

use std::process::ExitCode;

use clap::Parser;

use baogao::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            let msg = format!("{e:#}").replace('\n', " ");
            eprintln!("baogao: {}", baogao::text::sanitize(&msg));
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match &cli.command {
        Some(Command::Build(args)) => return baogao::commands::build(args),
        Some(Command::Check { file, verbose }) => {
            baogao::commands::check(file.as_deref().or(cli.model.as_deref()), *verbose)?
        }
        Some(Command::Show { id, cite: None }) => {
            let m = baogao::load_model(cli.model.as_deref())?;
            baogao::commands::show(&m, id)?
        }
        Some(Command::Show { id, cite: Some(f) }) => {
            let m = baogao::load_model(cli.model.as_deref())?;
            baogao::commands::show_cited(&m, id, *f)?
        }
        Some(Command::Search(args)) => {
            let m = baogao::load_model(cli.model.as_deref())?;
            return baogao::search::cmd::run(&m, args);
        }
        Some(Command::Tables(args)) => {
            let m = baogao::load_model(cli.model.as_deref())?;
            return baogao::indicators::cmd::run_tables(&m, args);
        }
        Some(Command::Indicators(args)) => {
            let m = baogao::load_model(cli.model.as_deref())?;
            return baogao::indicators::cmd::run_indicators(&m, args);
        }
        None => {
            let m = baogao::load_model(cli.model.as_deref())?;
            return baogao::tui::run(m, &cli.explore);
        }
    }
    Ok(ExitCode::SUCCESS)
}
