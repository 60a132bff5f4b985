//! The native JSONL reader (read_jsonl, and the jsonl importer): valid
//! documents or problems naming the line; each document read writes as a
//! line that reads back the same.
#![no_main]
use barchasb_formats::{read_as, read_jsonl, read_line, Format};
use barchasb_fuzz::assert_parsed;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let parsed = read_jsonl("f.jsonl", data);
    assert_parsed(&[("f.jsonl", data)], &parsed);
    for r in &parsed.records {
        let line = r.doc.to_json_line();
        let back = read_line("f.jsonl", 1, &line, "x").expect("a document written reads back");
        assert!(back.problems.is_empty(), "a document written reads back with problems: {:?}", back.problems);
        assert_eq!(back.doc, r.doc, "a document does not read back the same");
    }
    let imported = read_as(Format::Jsonl, "f.jsonl", data, barchasb_formats::decode::windows_1256);
    assert_parsed(&[("f.jsonl", data)], &imported);
});
