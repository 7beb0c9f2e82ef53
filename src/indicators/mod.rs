//! Indicators: numbers with their meaning, joined and derived tables (to be built: issue 5).
