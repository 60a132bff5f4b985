//! `model`: see [`barchasb_fuzz::model::model`] for what it checks.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| barchasb_fuzz::model::model(data));
