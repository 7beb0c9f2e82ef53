//! Chinese text layout for a terminal: display width (with a choice for East
//! Asian Ambiguous characters), truncation and padding, line wrapping by
//! UAX #14 plus clreq line-start/line-end rules, table column sizing,
//! folding for matching (the builder's and search's), and sanitizing
//! untrusted text. No terminal dependency.

pub mod columns;
pub mod fold;
pub mod sanitize;
pub mod width;
pub mod wrap;

pub use columns::{
    column_widths, fit_columns, header_widths, looks_numeric, natural_widths, numeric_alignments,
    render_row_aligned, Align, COLUMN_FLOOR,
};
pub use sanitize::{is_unsafe, sanitize, sanitize_line};
pub use width::{
    char_width, grapheme_width, pad, pad_left, str_width, truncate, AmbiguousWidth, CUT_MARKER,
};
pub use wrap::{wrap, wrap_lines};
