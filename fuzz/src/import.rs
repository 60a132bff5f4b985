//! Targets over files: the JSONL reader, every importer, detection by
//! name, the project file.

use super::{assert_parsed, split_pair};
use barchasb_formats::{
    decode::windows_1256, detect, is_native, read_any as read_by_name, read_as, read_brat_pair, read_jsonl, read_line,
    read_project, read_with, Format,
};

/// The native JSONL reader (read_jsonl, and the jsonl importer): valid
/// documents or problems naming the line; each document read writes as a
/// line that reads back the same.
pub fn jsonl(data: &[u8]) {
    let parsed = read_jsonl("f.jsonl", data);
    assert_parsed(&[("f.jsonl", data)], &parsed);
    for r in &parsed.records {
        let line = r.doc.to_json_line();
        let back = read_line("f.jsonl", 1, &line, "x").expect("a document written reads back");
        assert!(back.problems.is_empty(), "a document written reads back with problems: {:?}", back.problems);
        assert_eq!(back.doc, r.doc, "a document does not read back the same");
    }
    let imported = read_as(Format::Jsonl, "f.jsonl", data, windows_1256);
    assert_parsed(&[("f.jsonl", data)], &imported);
}

/// An importer of one file: valid documents, or problems naming the file
/// and line (or the archive's member); nothing left out in silence.
fn one_file(format: Format, name: &str, data: &[u8]) {
    assert_parsed(&[(name, data)], &read_as(format, name, data, windows_1256));
}

/// The `spacy` importer: [`one_file`].
pub fn spacy(data: &[u8]) {
    one_file(Format::Spacy, "f.spacy", data)
}

/// The CoNLL importer, alone and with its documents sidecar (the input
/// split at the first `\0\0`): valid documents, or problems naming the file
/// and line; nothing left out in silence.
pub fn conll(data: &[u8]) {
    let (main, side) = split_pair(data);
    if side.is_empty() {
        assert_parsed(&[("f.conll", main)], &read_as(Format::Conll, "f.conll", main, windows_1256));
    } else {
        let found = [("f.documents.jsonl".to_string(), side.to_vec())];
        let parsed = read_with(Format::Conll, "f.conll", main, &found, windows_1256);
        assert_parsed(&[("f.conll", main), ("f.documents.jsonl", side)], &parsed);
    }
}

/// The Hugging Face importer, alone and with its features file and
/// documents sidecar (the input split at `\0\0`: main, features,
/// documents): valid documents, or problems naming the file and line.
pub fn hf(data: &[u8]) {
    let (main, rest) = split_pair(data);
    if rest.is_empty() {
        assert_parsed(&[("f.hf.jsonl", main)], &read_as(Format::Hf, "f.hf.jsonl", main, windows_1256));
        return;
    }
    let (features, side) = split_pair(rest);
    let mut found = vec![("f.features.json".to_string(), features.to_vec())];
    if !side.is_empty() {
        found.push(("f.documents.jsonl".to_string(), side.to_vec()));
    }
    let parsed = read_with(Format::Hf, "f.hf.jsonl", main, &found, windows_1256);
    assert_parsed(&[("f.hf.jsonl", main), ("f.features.json", features), ("f.documents.jsonl", side)], &parsed);
}

/// The `doccano` importer: [`one_file`].
pub fn doccano(data: &[u8]) {
    one_file(Format::Doccano, "f.doccano.jsonl", data)
}

/// The `label_studio` importer: [`one_file`].
pub fn label_studio(data: &[u8]) {
    one_file(Format::LabelStudio, "f.json", data)
}

/// The `brat_zip` importer: [`one_file`].
pub fn brat_zip(data: &[u8]) {
    one_file(Format::Brat, "f.brat.zip", data)
}

/// A brat .ann with its .txt (the input split at the first `\0\0`: text,
/// then annotations): valid documents, or problems naming the .ann and its
/// line; an annotation past the text is named, never taken.
pub fn brat_ann(data: &[u8]) {
    let (txt, ann) = split_pair(data);
    let parsed = read_brat_pair("f.ann", txt, ann, windows_1256);
    assert_parsed(&[("f.ann", ann), ("f.txt", txt)], &parsed);
}

/// The `webanno` importer: [`one_file`].
pub fn webanno(data: &[u8]) {
    one_file(Format::Webanno, "f.webanno.zip", data)
}

const NAMES: [&str; 12] =
    ["f.txt", "f.jsonl", "f.json", "f.spacy", "f.zip", "f.ann", "f.tsv", "f.conll", "f.iob", "f.ndjson", "f", "-"];

/// Detection and reading by name and content (read_any, what a drop on
/// the app and the CLI's default do), under the first byte's choice of
/// file name.
pub fn read_any(data: &[u8]) {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let name = NAMES[pick as usize % NAMES.len()];
    let format = detect(name, bytes);
    if is_native(name, bytes) {
        assert!(matches!(format, None | Some(Format::Jsonl)), "is_native but detected as {format:?}");
    }
    let parsed = read_by_name(name, bytes, windows_1256);
    assert_parsed(&[(name, bytes)], &parsed);
}

/// The project file reader: a project whose every field holds what its
/// doc promises, or one problem naming the file.
pub fn project(data: &[u8]) {
    match read_project("project.json", data) {
        Ok(p) => {
            assert!(!p.id.trim().is_empty(), "a project without an id");
            assert!(!p.documents.is_empty(), "a project without documents");
            let on_site = |s: &str| !s.contains("://") && !s.starts_with('/') && !s.starts_with("//") && !s.is_empty();
            for d in p.documents.iter().chain(&p.shared).chain(p.guidelines.iter()) {
                assert!(on_site(d), "a path off the site: {d:?}");
            }
            for (who, docs) in &p.annotators {
                assert!(docs.iter().all(|d| p.documents.contains(d)), "{who} gets a document not in documents");
                let mine = p.documents_for(who);
                assert!(mine.iter().all(|d| p.documents.iter().any(|x| x == d)));
            }
            assert!(p.shared.iter().all(|d| p.documents.contains(d)), "a shared document not in documents");
            let names: Vec<&str> = p.labels.names().collect();
            let mut sorted = names.clone();
            sorted.sort_unstable();
            assert!(sorted.windows(2).all(|w| w[0] != w[1]), "a label twice: {names:?}");
        }
        Err(e) => {
            assert_eq!(e.file_name(), "project.json", "{e}");
            assert!(!e.message().is_empty());
        }
    }
}
