//! `normalize`: see [`barchasb_fuzz::text::normalize`] for what it checks.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| barchasb_fuzz::text::normalize(data));
