//! `baogao search`: ranked results for scripts and quick lookups.
//! STUB: the search work implements this.

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::SearchArgs;
use crate::model::Model;

/// Run `baogao search`; exit status 1 when nothing matches.
pub fn run(model: &Model, args: &SearchArgs) -> Result<ExitCode> {
    let _ = (model, args);
    anyhow::bail!("search is not implemented yet")
}
