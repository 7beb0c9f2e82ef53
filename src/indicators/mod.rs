//! Indicators: every number with its meaning (extraction into the model),
//! joined targets/results, assessments and other derived tables.
//! STUB: the indicators work replaces the bodies; the public signatures are
//! the contract the builder and the explorer code against.

pub mod cmd;

use crate::model::{Indicator, Location, Model, Report};

/// Extract indicator records from a built report (called by the builder,
/// after sections and tables exist).
pub fn extract(report: &Report) -> Vec<Indicator> {
    let _ = report;
    Vec::new()
}

/// A table computed from the model (not printed in any report).
#[derive(Debug, Clone, PartialEq)]
pub struct DerivedTable {
    pub id: String,
    /// The report it belongs to (for a cross-report table, the first one).
    pub report: String,
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Where each row comes from, parallel to `rows` (None when it has no single source).
    pub row_sources: Vec<Option<Location>>,
    /// Ids of the tables/records this was derived from.
    pub derived_from: Vec<String>,
}

/// Every derived table of the model (joined targets/results, targets from prose, compare tables).
pub fn derived_tables(model: &Model) -> Vec<DerivedTable> {
    let _ = model;
    Vec::new()
}
