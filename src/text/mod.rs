//! Chinese text layout for a terminal: display width (with a choice for East
//! Asian Ambiguous characters), truncation and padding, line wrapping by
//! UAX #14 plus clreq line-start/line-end rules, and sanitizing untrusted text.
//! No terminal dependency.

pub mod sanitize;
pub mod width;
pub mod wrap;

pub use sanitize::sanitize;
pub use width::{char_width, pad, str_width, truncate, AmbiguousWidth};
pub use wrap::wrap;
