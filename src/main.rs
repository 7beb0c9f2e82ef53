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

/// The explorer, which draws on stdout: it must be a terminal.
fn explore(cli: &Cli) -> anyhow::Result<ExitCode> {
    if !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "the explorer needs a terminal (stdout is not one); for scripts: baogao outline, baogao search … (baogao --help)"
        );
    }
    // the reports' stubs only: the explorer parses the rest as it goes
    let opened = baogao::open::open(cli.model.as_deref())?;
    baogao::tui::run(opened, &cli.explore)
}
