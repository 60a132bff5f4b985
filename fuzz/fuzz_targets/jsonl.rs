//! `jsonl`: see [`barchasb_fuzz::import::jsonl`] for what it checks.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| barchasb_fuzz::import::jsonl(data));
