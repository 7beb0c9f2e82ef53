//! The pure core of baogao: everything that is not a face. No terminal, no
//! printing, no environment: clippy denies `print!`/`eprint!` and
//! `std::env::var` here (Cargo.toml `[lints]`, clippy.toml), so the boundary
//! is held by the compiler, not by review.
//!
//! Data flows one way: raw text → [`builder`] → [`model`] → [`search`] /
//! [`indicators`], [`compare`]; [`text`] is Chinese text layout for a terminal (widths,
//! wrapping, sanitizing) without touching one.

pub mod builder;
pub mod compare;
pub mod indicators;
pub mod model;
pub mod search;
pub mod text;
pub mod trend;

/// The two plan reports of `data/model.json`, for the core's own tests (the
/// model the binary embeds is built elsewhere).
#[cfg(test)]
pub(crate) fn plan_model() -> model::Model {
    static BYTES: &[u8] = include_bytes!("../../../data/model.json");
    model::load_bytes(BYTES, "data/model.json").unwrap()
}
