//! `conll`: see [`barchasb_fuzz::import::conll`] for what it checks.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| barchasb_fuzz::import::conll(data));
