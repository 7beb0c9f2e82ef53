//! baogao: a terminal explorer for Chinese government economic-plan and work
//! reports. This crate holds the two faces over the pure core
//! (`crates/core`, re-exported here under the same module names):
//! - [`tui`]: the explorer (the only module that touches the terminal)
//! - [`cli`]: command-line parsing; [`commands`]: the command bodies and the
//!   one output module (formats, stdout, sanitizing)
//!
//! Module map of the core (data flows one way: raw text → builder → model →
//! search/indicators → TUI/CLI): [`builder`], [`model`], [`text`], [`search`],
//! [`indicators`]. The core cannot print or read the environment (its
//! Cargo.toml lints); the faces may.

#![allow(clippy::disallowed_methods)]

pub use baogao_core::{builder, compare, indicators, model, search, text, trend};

pub mod cli;
pub mod commands;
#[doc(hidden)]
pub mod fuzzing;
pub mod open;
pub mod tui;

/// The model built from data/reports at compile time (build.rs), packed
/// (`model::pack`), embedded so an installed binary works anywhere.
/// data/SOURCES.md lists the reports.
pub static BUNDLED_MODEL: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundled.pack"));

/// Where the two plan reports' model (data/model.json) is in the source tree:
/// the small, stable model that tests and benchmarks pin expectations to.
#[doc(hidden)]
pub fn plan_model_path() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/data/model.json")
}

/// The two plan reports' model (see [`plan_model_path`]).
#[doc(hidden)]
pub fn load_plan_model() -> Result<model::Model, model::ModelError> {
    model::load_path(std::path::Path::new(plan_model_path()))
}

/// Load `--model FILE` (through its pack cache, `open`) or the bundled model,
/// every report parsed.
pub fn load_model(path: Option<&std::path::Path>) -> Result<model::Model, model::ModelError> {
    open::load(path)
}
