//! The baogao binary: parse the command line, run the explorer or a command,
//! print an error as one line `baogao: …`, and set the exit status (0 done,
//! 1 no match, 2 error; a closed stdout ends quietly with 0).

use std::io::{IsTerminal as _, Write as _};
use std::process::ExitCode;

use clap::Parser;

use baogao::cli::Cli;
use baogao::commands::{self, error_line, is_closed_pipe};

fn main() -> ExitCode {
    let cli = Cli::parse();
    baogao::open::set_max_model_size(cli.max_model_size);
    let result = match &cli.command {
        Some(command) => commands::run(&cli, command).map(ExitCode::from),
        None => explore(&cli),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_closed_pipe(&e) => ExitCode::from(commands::SUCCESS),
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "baogao: {}", error_line(&e));
            ExitCode::from(commands::ERROR)
        }
    }
}

/// The explorer, which draws on stdout: on a pipe or a dumb terminal,
/// the list of reports (`baogao outline`) instead, with a note on stderr.
#[allow(clippy::disallowed_methods)] // a face: it may read the environment
fn explore(cli: &Cli) -> anyhow::Result<ExitCode> {
    let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    let tty = !dumb && std::io::stdout().is_terminal();
    let why = if dumb {
        "TERM=dumb"
    } else {
        "stdout is not a terminal"
    };
    if let Some(id) = &cli.explore.open {
        // the id is checked before anything else: an error, never a frame
        let opened = baogao::open::open(cli.model.as_deref())?;
        baogao::tui::jumps::check_open(&opened, id).map_err(anyhow::Error::msg)?;
        if tty {
            return baogao::tui::run(opened, &cli.explore);
        }
        let _ = writeln!(
            std::io::stderr(),
            "baogao: {why}: what the id names follows (baogao show {})",
            baogao::text::sanitize_line(id)
        );
        let show = baogao::cli::Command::Show(baogao::cli::ShowArgs {
            ids: vec![id.clone()],
            format: Default::default(),
            cite: None,
            model: Default::default(),
        });
        return commands::run(cli, &show).map(ExitCode::from);
    }
    if !tty {
        let _ = writeln!(
            std::io::stderr(),
            "baogao: {why}: the list of reports follows (baogao outline); baogao --help lists the commands"
        );
        let outline = baogao::cli::Command::Outline(baogao::cli::OutlineArgs {
            report: None,
            format: Default::default(),
            reports: Default::default(),
            model: Default::default(),
        });
        return commands::run(cli, &outline).map(ExitCode::from);
    }
    // the reports' stubs only: the explorer parses the rest as it goes
    let opened = baogao::open::open(cli.model.as_deref())?;
    baogao::tui::run(opened, &cli.explore)
}
