//! A benchmark of `barchasb_rules::extract` over the 1 MB corpus of the
//! rules' criterion bench, run the same way natively and in wasm inside a
//! browser's dedicated worker (where the app runs it), so that the two
//! figures make a ratio. Nothing here is shipped or tested:
//! `scripts/bench-wasm` runs `tests/extract_speed.rs` both ways and prints
//! each median and the ratio. This crate owns no code of its own.
