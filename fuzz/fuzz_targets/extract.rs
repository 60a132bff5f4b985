//! `extract`: see [`barchasb_fuzz::text::extract`] for what it checks.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| barchasb_fuzz::text::extract(data));
