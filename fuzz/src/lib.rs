//! The invariants every fuzz target checks, beyond "no panic": offsets in
//! range and on code point boundaries, spans sorted and disjoint, an
//! alignment that is total and monotone, and an import that either yields
//! valid documents or names, by file and line, what it could not take.
//!
//! A broken invariant panics with what broke, so libFuzzer keeps the input
//! as a crash (`fuzz/artifacts/<target>/`). Each target is a function of
//! the input's bytes ([`run`] by name), so that the inputs of crashes kept
//! in `fuzz/regressions/<target>/` run through the same checks in the
//! normal `cargo test` (`crates/cli/tests/fuzz_regressions.rs` includes
//! this file).

pub mod import;
pub mod model;
pub mod text;

use barchasb_core::{check_spans, ByteRange, Document, LabelSet, OffsetTable, Span};
use barchasb_formats::{Parsed, Problem};

/// `r` lies inside `text` and starts and ends on code point boundaries.
pub fn assert_range(text: &str, r: ByteRange, what: &str) {
    assert!(r.start <= r.end && r.end <= text.len(), "{what}: {r:?} outside a text of {} bytes", text.len());
    assert!(
        text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
        "{what}: {r:?} is not on code point boundaries"
    );
}

/// Code point spans of a text of `char_len` code points: each non-empty and
/// inside, sorted, disjoint, labelled ([`check_spans`]), and each slices the
/// text through the one offset converter.
pub fn assert_spans(text: &str, spans: &[Span], what: &str) {
    let table = OffsetTable::new(text);
    if let Err(e) = check_spans(spans, table.char_len()) {
        panic!("{what}: {e} (spans {spans:?})");
    }
    for s in spans {
        let r = table.to_bytes(s.start..s.end).unwrap_or_else(|| panic!("{what}: {s:?} has no byte range"));
        assert_range(text, r, what);
        assert_eq!(table.to_chars(r), s.start..s.end, "{what}: {s:?} does not convert back");
    }
}

/// A document as every reader must hand it over: an id, and its spans and
/// suggestions valid against its text.
pub fn assert_document(doc: &Document, what: &str) {
    assert!(!doc.id.trim().is_empty(), "{what}: a document without an id");
    assert_spans(&doc.text, &doc.spans, &format!("{what}: {} spans", doc.id));
    assert_spans(&doc.text, &doc.suggestions, &format!("{what}: {} suggestions", doc.id));
}

/// Whether `place` (a problem's or a record's file) is one of the files
/// read, or a member of one (an archive's, as `archive/member`).
fn read_from(files: &[(&str, &[u8])], place: &str) -> bool {
    files.iter().any(|(name, _)| place.starts_with(name))
}

/// A problem names a file it was read from and says something; a line,
/// when it names one of the files read, is a line of that file (`lines`:
/// each file's count, an upper bound in every encoding read, as a UTF-16
/// `\n` has a 0x0A byte too).
fn assert_problem(p: &Problem, files: &[(&str, &[u8])], lines: &[usize]) {
    assert!(read_from(files, p.file_name()), "problem names {:?}, none of the files read: {p}", p.file_name());
    assert!(!p.message().trim().is_empty(), "a problem without a message: {p}");
    let Some(n) = p.line_number() else { return };
    assert!(n >= 1, "line 0 named: {p}");
    if let Some(k) = files.iter().position(|(name, _)| *name == p.file_name()) {
        assert!(n <= lines[k], "line {n} named in a file of at most {} lines: {p}", lines[k]);
    }
}

/// What one reader made of `files` (name and bytes: the file, then those
/// read with it): every document valid, every problem naming a file (and a
/// line in it), and nothing dropped in silence: input that gave no
/// document says why. Then the import rules the CLI and the app apply
/// ([`barchasb_formats::merge`]) take every record, with unique ids and
/// valid spans.
pub fn assert_parsed(files: &[(&str, &[u8])], parsed: &Parsed) {
    let lines: Vec<usize> = files.iter().map(|(_, b)| b.iter().filter(|&&c| c == b'\n').count() + 1).collect();
    for p in &parsed.problems {
        assert_problem(p, files, &lines);
    }
    for r in &parsed.records {
        assert!(read_from(files, &r.file), "record from {:?}, none of the files read", r.file);
        assert!(r.line >= 1, "record at line 0");
        assert_document(&r.doc, &r.place());
        for p in &r.problems {
            assert_problem(p, files, &lines);
        }
    }
    assert!(
        !parsed.records.is_empty() || !parsed.problems.is_empty(),
        "no document and no problem (dropped in silence)"
    );
    let labels = LabelSet::default();
    let names: Vec<&str> = labels.names().collect();
    let merged = barchasb_formats::merge(&[], &names, vec![parsed.clone()], Default::default());
    assert_eq!(merged.add.len(), parsed.records.len(), "the import into nothing left documents out");
    let mut ids: Vec<&str> = merged.add.iter().map(|d| d.id.as_str()).collect();
    ids.sort_unstable();
    assert!(ids.windows(2).all(|w| w[0] != w[1]), "two documents with one id after the import: {ids:?}");
    for d in &merged.add {
        assert_document(d, "after the import");
        assert!(d.spans.iter().all(|s| names.contains(&s.label.as_str())), "{}: a label not in the set kept", d.id);
    }
}

/// Splits fuzz input in two at the first `\0\0` (a main file and the file
/// beside it); all of it and nothing when there is none.
pub fn split_pair(data: &[u8]) -> (&[u8], &[u8]) {
    match data.windows(2).position(|w| w == b"\0\0") {
        Some(i) => (&data[..i], &data[i + 2..]),
        None => (data, &[]),
    }
}

/// A target: the input's bytes in, a panic when an invariant breaks.
pub type Target = fn(&[u8]);

/// Every target, by the name of its `fuzz_targets/` file.
pub const TARGETS: [(&str, Target); 15] = [
    ("normalize", text::normalize),
    ("tokenize", text::tokenize),
    ("extract", text::extract),
    ("model", model::model),
    ("jsonl", import::jsonl),
    ("project", import::project),
    ("spacy", import::spacy),
    ("conll", import::conll),
    ("hf", import::hf),
    ("doccano", import::doccano),
    ("label_studio", import::label_studio),
    ("brat_zip", import::brat_zip),
    ("brat_ann", import::brat_ann),
    ("webanno", import::webanno),
    ("read_any", import::read_any),
];

/// Runs the target `name` on `data`; panics when an invariant breaks.
pub fn run(name: &str, data: &[u8]) {
    let (_, target) = TARGETS.iter().find(|(n, _)| *n == name).unwrap_or_else(|| panic!("no fuzz target {name:?}"));
    target(data)
}
