//! Detection and reading by name and content (read_any, what a drop on
//! the app and the CLI's default do), under the first byte's choice of
//! file name.
#![no_main]
use barchasb_formats::{detect, is_native, read_any, Format};
use barchasb_fuzz::assert_parsed;
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 12] =
    ["f.txt", "f.jsonl", "f.json", "f.spacy", "f.zip", "f.ann", "f.tsv", "f.conll", "f.iob", "f.ndjson", "f", "-"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let name = NAMES[pick as usize % NAMES.len()];
    let format = detect(name, bytes);
    if is_native(name, bytes) {
        assert!(matches!(format, None | Some(Format::Jsonl)), "is_native but detected as {format:?}");
    }
    let parsed = read_any(name, bytes, barchasb_formats::decode::windows_1256);
    assert_parsed(&[(name, bytes)], &parsed);
});
