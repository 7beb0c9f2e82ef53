//! Fuzz target `builder`: see `baogao::fuzzing::build_bytes` (the check, shared with
//! tests/fuzz_regressions.rs) and docs/RELIABILITY.md (how to run it).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| baogao::fuzzing::build_bytes(data));
