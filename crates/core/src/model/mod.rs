//! The model: serde types of data/model.json, loading with a version check,
//! and validation. Pure: no terminal, no builder.

mod block_de;
pub mod cite;
pub mod filter;
pub mod fixtures;
pub mod headline;
pub mod indicator;
pub mod load;
pub mod location;
pub mod pack;
pub mod resolve;
pub mod types;
pub mod validate;

pub use load::{load_bytes, load_path, model_json, ModelError};
pub use location::Location;
pub use types::*;
