//! The CoNLL importer, alone and with its documents sidecar (the input
//! split at the first `\0\0`): valid documents, or problems naming the file
//! and line; nothing left out in silence.
#![no_main]
use barchasb_formats::{read_as, read_with, Format};
use barchasb_fuzz::{assert_parsed, split_pair};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let w1256 = barchasb_formats::decode::windows_1256;
    let (main, side) = split_pair(data);
    if side.is_empty() {
        assert_parsed(&[("f.conll", main)], &read_as(Format::Conll, "f.conll", main, w1256));
    } else {
        let found = [("f.documents.jsonl".to_string(), side.to_vec())];
        let parsed = read_with(Format::Conll, "f.conll", main, &found, w1256);
        assert_parsed(&[("f.conll", main), ("f.documents.jsonl", side)], &parsed);
    }
});
