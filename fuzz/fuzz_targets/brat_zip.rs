//! `brat_zip`: see [`barchasb_fuzz::import::brat_zip`] for what it checks.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| barchasb_fuzz::import::brat_zip(data));
