//! A brat .ann with its .txt (the input split at the first `\0\0`: text,
//! then annotations): valid documents, or problems naming the .ann and its
//! line; an annotation past the text is named, never taken.
#![no_main]
use barchasb_formats::read_brat_pair;
use barchasb_fuzz::{assert_parsed, split_pair};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (txt, ann) = split_pair(data);
    let parsed = read_brat_pair("f.ann", txt, ann, barchasb_formats::decode::windows_1256);
    assert_parsed(&[("f.ann", ann), ("f.txt", txt)], &parsed);
});
