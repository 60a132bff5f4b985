//! `spacy`: see [`barchasb_fuzz::import::spacy`] for what it checks.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| barchasb_fuzz::import::spacy(data));
