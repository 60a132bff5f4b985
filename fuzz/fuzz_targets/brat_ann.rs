//! `brat_ann`: see [`barchasb_fuzz::import::brat_ann`] for what it checks.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| barchasb_fuzz::import::brat_ann(data));
