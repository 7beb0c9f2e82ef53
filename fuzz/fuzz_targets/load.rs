//! Fuzz target `load`: see `baogao::fuzzing::load_json` (the check, shared with
//! tests/fuzz_regressions.rs) and docs/RELIABILITY.md (how to run it).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| baogao::fuzzing::load_json(data));
