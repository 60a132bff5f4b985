//! The brat_zip importer: valid documents, or problems naming the file and line
//! (or the archive's member); nothing left out in silence.
#![no_main]
use barchasb_formats::{read_as, Format};
use barchasb_fuzz::assert_parsed;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let parsed = read_as(Format::Brat, "f.brat.zip", data, barchasb_formats::decode::windows_1256);
    assert_parsed(&[("f.brat.zip", data)], &parsed);
});
