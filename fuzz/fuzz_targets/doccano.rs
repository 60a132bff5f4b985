//! The doccano importer: valid documents, or problems naming the file and line
//! (or the archive's member); nothing left out in silence.
#![no_main]
use barchasb_formats::{read_as, Format};
use barchasb_fuzz::assert_parsed;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let parsed = read_as(Format::Doccano, "f.doccano.jsonl", data, barchasb_formats::decode::windows_1256);
    assert_parsed(&[("f.doccano.jsonl", data)], &parsed);
});
