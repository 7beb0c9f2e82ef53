//! The target ledger (placeholder).
