//! State-update tests.
