//! baogao: a terminal explorer for Chinese government economic-plan reports.
//!
//! Module map (data flows one way: raw text → builder → model → search/indicators → TUI/CLI):
//! - [`builder`]: raw report text → [`model::Report`] (the only code that reads raw text)
//! - [`model`]: serde types of data/model.json, loading, validation
//! - [`text`]: display width, Chinese line wrapping, sanitizing for the terminal
//! - [`search`]: fuzzy + pinyin search over a model
//! - [`indicators`]: numbers with their meaning, joined and derived tables
//! - [`tui`]: the explorer (the only module that touches the terminal)
//! - [`cli`]: command-line parsing; [`commands`]: the command bodies and the
//!   one output module (formats, stdout, sanitizing)
//!
//! The pure core (builder, model, text, search, indicators) never prints and
//! never reads the environment: the compiler holds that line (the lints on
//! the `mod` lines below; clippy.toml lists the environment readers).

#[deny(clippy::print_stdout, clippy::print_stderr, clippy::disallowed_methods)]
pub mod builder;
pub mod cli;
#[allow(clippy::disallowed_methods)]
pub mod commands;
#[deny(clippy::print_stdout, clippy::print_stderr, clippy::disallowed_methods)]
pub mod indicators;
#[deny(clippy::print_stdout, clippy::print_stderr, clippy::disallowed_methods)]
pub mod model;
#[deny(clippy::print_stdout, clippy::print_stderr, clippy::disallowed_methods)]
pub mod search;
#[deny(clippy::print_stdout, clippy::print_stderr, clippy::disallowed_methods)]
pub mod text;
#[allow(clippy::disallowed_methods)]
pub mod tui;

/// The model built from data/reports, embedded so an installed binary works anywhere.
pub static BUNDLED_MODEL: &[u8] = include_bytes!("../data/model.json");

/// Load `--model FILE` or the bundled model.
pub fn load_model(path: Option<&std::path::Path>) -> Result<model::Model, model::ModelError> {
    match path {
        Some(p) => model::load_path(p),
        None => model::load_bytes(BUNDLED_MODEL, "<bundled model>"),
    }
}
