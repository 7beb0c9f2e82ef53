//! `baogao completions SHELL` and `baogao man`: shell completions and the
//! man page, generated from the same clap definitions as `--help`.

use anyhow::{Context as _, Result};
use clap::CommandFactory as _;

use super::output::Out;
use super::Outcome;
use crate::cli::{Cli, ShellArg};

/// Print the completion script for `shell`.
pub fn completions(shell: ShellArg) -> Result<Outcome> {
    use clap_complete::Shell;
    let shell = match shell {
        ShellArg::Bash => Shell::Bash,
        ShellArg::Zsh => Shell::Zsh,
        ShellArg::Fish => Shell::Fish,
        ShellArg::Elvish => Shell::Elvish,
        ShellArg::Powershell => Shell::PowerShell,
    };
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "baogao", &mut buf);
    emit(&buf)
}

/// The man pages: `baogao.1` on stdout, or with `dir` that and one page per
/// subcommand (`baogao-search.1` …) written into `dir`, whose paths are printed.
pub fn man(dir: Option<&std::path::Path>) -> Result<Outcome> {
    let cmd = Cli::command();
    let render = |c: clap::Command| -> Result<Vec<u8>> {
        let mut buf = Vec::new();
        clap_mangen::Man::new(c).render(&mut buf)?;
        Ok(buf)
    };
    let Some(dir) = dir else {
        return emit(&render(cmd)?);
    };
    std::fs::create_dir_all(dir)
        .with_context(|| format!("{}: cannot create the folder", dir.display()))?;
    let mut pages = vec![("baogao.1".to_string(), render(cmd.clone())?)];
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("baogao-{}", sub.get_name());
        let page = render(sub.clone().name(name.clone()))?;
        pages.push((format!("{name}.1"), page));
    }
    let mut out = Out::new();
    for (file, bytes) in pages {
        let path = dir.join(file);
        super::build::write_atomically(&path, &bytes)?;
        out.line(&path.display().to_string())?;
    }
    out.finish()?;
    Ok(Outcome::Done)
}

fn emit(buf: &[u8]) -> Result<Outcome> {
    let mut out = Out::new();
    // generated from our own definitions: no model text in it
    out.raw(&String::from_utf8_lossy(buf))?;
    out.finish()?;
    Ok(Outcome::Done)
}
