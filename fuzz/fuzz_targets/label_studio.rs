//! `label_studio`: see [`barchasb_fuzz::import::label_studio`] for what it checks.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| barchasb_fuzz::import::label_studio(data));
