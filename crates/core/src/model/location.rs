//! A place in a report that a search hit, an indicator or a derived-table row
//! can jump to. Shared by search, indicators and the explorer.

use serde::{Deserialize, Serialize};

/// A jump target inside one report.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Location {
    /// A section heading (section id).
    Section { report: String, section: String },
    /// A sentence inside a section (or the preamble: section "").
    Sentence {
        report: String,
        section: String,
        sentence: String,
    },
    /// A whole table (its caption).
    Table { report: String, table: String },
    /// One cell of a printed table (row and column are 0-based).
    Cell {
        report: String,
        table: String,
        row: usize,
        column: usize,
    },
}

impl Location {
    pub fn report(&self) -> &str {
        match self {
            Location::Section { report, .. }
            | Location::Sentence { report, .. }
            | Location::Table { report, .. }
            | Location::Cell { report, .. } => report,
        }
    }
}
