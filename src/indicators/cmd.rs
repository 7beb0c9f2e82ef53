//! `baogao indicators` and `baogao tables`.
//! STUB: the indicators work implements these.

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{IndicatorsArgs, TablesArgs};
use crate::model::Model;

pub fn run_indicators(model: &Model, args: &IndicatorsArgs) -> Result<ExitCode> {
    let _ = (model, args);
    anyhow::bail!("indicators is not implemented yet")
}

pub fn run_tables(model: &Model, args: &TablesArgs) -> Result<ExitCode> {
    let _ = (model, args);
    anyhow::bail!("tables is not implemented yet")
}
