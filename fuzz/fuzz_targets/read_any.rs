//! `read_any`: see [`barchasb_fuzz::import::read_any`] for what it checks.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| barchasb_fuzz::import::read_any(data));
