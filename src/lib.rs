//! baogao: a terminal explorer for Chinese government economic-plan reports.
//!
//! Module map (data flows one way: raw text → builder → model → search/indicators → TUI/CLI):
//! - [`builder`]: raw report text → [`model::Report`] (the only code that reads raw text)
//! - [`model`]: serde types of data/model.json, loading, validation
//! - [`text`]: display width, Chinese line wrapping, sanitizing for the terminal
//! - [`search`]: fuzzy + pinyin search over a model
//! - [`indicators`]: numbers with their meaning, joined and derived tables
//! - [`tui`]: the explorer (the only module that touches the terminal)
//! - [`cli`]: command-line parsing; [`commands`]: the non-TUI command bodies

pub mod builder;
pub mod cli;
pub mod commands;
pub mod indicators;
pub mod model;
pub mod search;
pub mod text;
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
