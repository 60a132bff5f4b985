//! The Hugging Face importer, alone and with its features file and
//! documents sidecar (the input split at `\0\0`: main, features,
//! documents): valid documents, or problems naming the file and line.
#![no_main]
use barchasb_formats::{read_as, read_with, Format};
use barchasb_fuzz::{assert_parsed, split_pair};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let w1256 = barchasb_formats::decode::windows_1256;
    let (main, rest) = split_pair(data);
    if rest.is_empty() {
        assert_parsed(&[("f.hf.jsonl", main)], &read_as(Format::Hf, "f.hf.jsonl", main, w1256));
        return;
    }
    let (features, side) = split_pair(rest);
    let mut found = vec![("f.features.json".to_string(), features.to_vec())];
    if !side.is_empty() {
        found.push(("f.documents.jsonl".to_string(), side.to_vec()));
    }
    let parsed = read_with(Format::Hf, "f.hf.jsonl", main, &found, w1256);
    assert_parsed(&[("f.hf.jsonl", main), ("f.features.json", features), ("f.documents.jsonl", side)], &parsed);
});
