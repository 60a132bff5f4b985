//! Which format a file is in, from its name and its first bytes, and
//! reading it by that ([`read_any`]).

use crate::decode::Windows1256;
use crate::format::Format;
use crate::read::{read_file_with, Parsed};

/// The format of a file, or `None` for plain text. The content decides
/// where the extension is shared (`.jsonl` may be native, doccano or Hugging
/// Face; `.json` Label Studio or JSONL); an extension no format has is
/// plain text. A `.txt` is plain text unless it opens as CoNLL or WebAnno
/// do (as [`is_native`] says): a note that starts with `[` is not a Label
/// Studio file.
pub fn detect(name: &str, bytes: &[u8]) -> Option<Format> {
    let lower = name.to_lowercase();
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if lower.ends_with(".txt") {
        return if head.starts_with("-DOCSTART-") {
            Some(Format::Conll)
        } else if head.starts_with("#FORMAT=WebAnno TSV") {
            Some(Format::Webanno)
        } else {
            None
        };
    }
    if lower.ends_with(".spacy") || bytes.starts_with(b"\x78\x9c") || bytes.starts_with(b"\x78\xda") {
        return Some(Format::Spacy);
    }
    if lower.ends_with(".zip") || lower.ends_with(".ann") || bytes.starts_with(b"PK\x03\x04") {
        // A zip of WebAnno TSVs, or of brat pairs.
        let names = crate::archive::names(bytes);
        let tsv = names.iter().any(|n| n.ends_with(".tsv")) && !names.iter().any(|n| n.ends_with(".ann"));
        return Some(if tsv { Format::Webanno } else { Format::Brat });
    }
    if head.starts_with("#FORMAT=WebAnno TSV") {
        return Some(Format::Webanno);
    }
    if lower.ends_with(".tsv") {
        return Some(Format::Webanno);
    }
    // A JSON lines file is read line by line whatever its first line is:
    // one that is a list must not make the whole file a Label Studio array.
    let json_lines = [".jsonl", ".ndjson"].iter().any(|e| lower.ends_with(e));
    if (head.starts_with('[') && !json_lines)
        || (lower.ends_with(".json") && head.starts_with('{') && !head.contains("\n{"))
    {
        return Some(Format::LabelStudio);
    }
    if head.starts_with('{') {
        // The whole first line: a document's line is often longer than the head.
        let line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
        let first = String::from_utf8_lossy(line);
        return Some(json_line_kind(first.trim_start_matches('\u{feff}').trim()));
    }
    let conll_ext = [".conll", ".iob", ".bio", ".conll03", ".conllx"].iter().any(|e| lower.ends_with(e));
    if conll_ext || head.starts_with("-DOCSTART-") {
        return Some(Format::Conll);
    }
    None
}

/// Whether the app reads a file itself (plain text, the native JSONL)
/// rather than handing it to the reader of another format: the same answer
/// as [`detect`] giving `None` or [`Format::Jsonl`], from the name and the
/// first line only, so that it costs the app none of the other readers.
pub fn is_native(name: &str, bytes: &[u8]) -> bool {
    let lower = name.to_lowercase();
    let line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let first = String::from_utf8_lossy(line);
    let first = first.trim_start_matches('\u{feff}').trim();
    if lower.ends_with(".txt") {
        return !first.starts_with("-DOCSTART-") && !first.starts_with("#FORMAT=WebAnno TSV");
    }
    let json_lines = [".jsonl", ".ndjson"].iter().any(|e| lower.ends_with(e)) || lower == "-";
    json_lines && first.starts_with('{') && json_line_kind(first) == Format::Jsonl
}

/// Which JSON line format a first line is: `tokens` + `ner_tags` is Hugging
/// Face, a `label` list or `entities` with `start_offset` is doccano, any
/// other the native line.
fn json_line_kind(first: &str) -> Format {
    let Ok(serde_json::Value::Object(o)) = serde_json::from_str::<serde_json::Value>(first) else {
        return Format::Jsonl; // the native reader names the bad line
    };
    // Hugging Face's tokens are strings; the native line's are objects (a
    // native line may keep a `ner_tags` field it was read with).
    let string_tokens =
        o.get("tokens").and_then(|t| t.as_array()).is_none_or(|t| t.first().is_none_or(|x| x.is_string()));
    if o.contains_key("ner_tags") && string_tokens {
        Format::Hf
    } else if !o.contains_key("spans")
        && (o.get("label").is_some_and(|l| l.is_array())
            || o.get("entities")
                .and_then(|e| e.as_array())
                .is_some_and(|e| e.first().is_none_or(|x| x.get("start_offset").is_some())))
    {
        Format::Doccano
    } else {
        Format::Jsonl
    }
}

/// Reads a file in whatever format it is ([`detect`]); plain text and the
/// native JSONL as [`read_file_with`] does.
pub fn read_any(name: &str, bytes: &[u8], w1256: Windows1256) -> Parsed {
    match detect(name, bytes) {
        None | Some(Format::Jsonl) => read_file_with(name, bytes, w1256),
        Some(f) => read_as(f, name, bytes, w1256),
    }
}

/// Reads a file known to be in `format`.
pub fn read_as(format: Format, name: &str, bytes: &[u8], w1256: Windows1256) -> Parsed {
    crate::writers::read(format, name, bytes, w1256)
}

/// The files an export of `format` writes beside its main file `name`,
/// which reading it back wants too: CoNLL's and Hugging Face's documents
/// sidecar (ids, exact texts, statuses) and Hugging Face's features file
/// (the tag names); and Label Studio's label config, which is no document
/// of its own. Empty for the other formats.
pub fn companions(format: Format, name: &str) -> Vec<String> {
    let base = format.base(name);
    match format {
        Format::Conll => vec![format!("{base}.{}", crate::token_docs::SIDECAR)],
        Format::Hf => {
            vec![format!("{base}.{}", crate::hf::FEATURES), format!("{base}.{}", crate::token_docs::SIDECAR)]
        }
        Format::LabelStudio => vec![format!("{base}.label-config.xml")],
        _ => Vec::new(),
    }
}

/// [`read_as`] with the files named by [`companions`] that were found
/// beside it (name and bytes; matched by the end of the name).
pub fn read_with(format: Format, name: &str, bytes: &[u8], found: &[(String, Vec<u8>)], w1256: Windows1256) -> Parsed {
    let by_end = |end: &str| found.iter().find(|(n, _)| n.ends_with(end)).map(|(n, b)| (n.as_str(), &b[..]));
    let side = by_end(crate::token_docs::SIDECAR);
    match format {
        Format::Conll => crate::conll::read_with(name, bytes, side, w1256),
        Format::Hf => crate::hf::read_with(name, bytes, by_end(crate::hf::FEATURES), side, w1256),
        _ => read_as(format, name, bytes, w1256),
    }
}

/// Files chosen or dropped together, read in their formats: a CoNLL or
/// Hugging Face file with the files its export wrote beside it, a brat
/// `.ann` with its `.txt`; a file another one takes is not read on its own.
pub fn read_together(files: Vec<(String, Vec<u8>)>, w1256: Windows1256) -> Vec<Parsed> {
    use crate::read_brat_pair;
    let find = |want: &str, i: usize| files.iter().position(|(n, _)| n == want).filter(|&k| k != i);
    // First which files each one takes, so that none is read on its own
    // before the one it belongs to.
    let plans: Vec<(Option<Format>, Vec<usize>)> = files
        .iter()
        .enumerate()
        .map(|(i, (name, bytes))| match name.strip_suffix(".ann").and_then(|s| find(&format!("{s}.txt"), i)) {
            Some(k) => (Some(Format::Brat), vec![k]),
            None => {
                let f = detect(name, bytes);
                (f, f.map(|f| companions(f, name).iter().filter_map(|c| find(c, i)).collect()).unwrap_or_default())
            }
        })
        .collect();
    let taken: Vec<usize> = plans.iter().flat_map(|(_, k)| k.iter().copied()).collect();
    let mut out = Vec::new();
    for (i, ((name, bytes), (format, beside))) in files.iter().zip(&plans).enumerate() {
        if taken.contains(&i) {
            continue;
        }
        out.push(match format {
            Some(Format::Brat) if name.ends_with(".ann") && !beside.is_empty() => {
                read_brat_pair(name, &files[beside[0]].1, bytes, w1256)
            }
            Some(f) => {
                let found: Vec<(String, Vec<u8>)> = beside.iter().map(|&k| files[k].clone()).collect();
                read_with(*f, name, bytes, &found, w1256)
            }
            None => read_any(name, bytes, w1256),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use barchasb_core::{Document, Span, Status};

    #[test]
    fn content_decides_what_a_shared_extension_is() {
        let d = |name: &str, s: &str| detect(name, s.as_bytes());
        assert_eq!(d("a.jsonl", r#"{"id":"1","text":"x","spans":[]}"#), Some(Format::Jsonl));
        assert_eq!(d("a.jsonl", r#"{"id":1,"tokens":["x"],"ner_tags":[0]}"#), Some(Format::Hf));
        assert_eq!(d("a.jsonl", r#"{"text":"x","label":[[0,1,"PER"]]}"#), Some(Format::Doccano));
        assert_eq!(
            d("a.jsonl", r#"{"text":"x","entities":[{"start_offset":0,"end_offset":1,"label":"PER"}]}"#),
            Some(Format::Doccano)
        );
        assert_eq!(d("tasks.json", r#"[{"data":{"text":"x"}}]"#), Some(Format::LabelStudio));
        assert_eq!(d("x.tsv", "#FORMAT=WebAnno TSV 3.3\n"), Some(Format::Webanno));
        assert_eq!(d("x.txt", "-DOCSTART- -X- O\n"), Some(Format::Conll));
        assert_eq!(d("x.zip", ""), Some(Format::Brat));
        assert_eq!(d("x.txt", "متن ساده"), None);
        for (name, s) in [("a.jsonl", r#"{"id":"1","text":"x","spans":[]}"#), ("x.txt", "متن ساده")] {
            assert!(is_native(name, s.as_bytes()), "{name}");
        }
        for (name, s) in [("a.jsonl", r#"{"id":1,"tokens":["x"],"ner_tags":[0]}"#), ("x.txt", "-DOCSTART- O\n")] {
            assert!(!is_native(name, s.as_bytes()), "{name}");
        }
        assert!(!is_native("x.conll", b"a O\n") && !is_native("t.json", b"[{}]"));
    }

    /// Found by `fuzz/` (read_any): a `.txt` that starts with `[`, `{`, a
    /// zip's or zlib's magic bytes was another format to `detect` (a note
    /// opening with `[گزارش]` was refused as bad Label Studio JSON) but plain
    /// text to `is_native`, so the CLI and the app read it differently.
    #[test]
    fn a_txt_is_plain_text_whatever_it_starts_with() {
        let notes: [&[u8]; 5] =
            ["[گزارش] ایران و چین".as_bytes(), b"[{}]", b"{\"text\":\"x\"}", b"PK\x03\x04xyz", b"\x78\x9cabc"];
        for bytes in notes {
            assert_eq!(detect("note.txt", bytes), None, "{bytes:?}");
            assert!(is_native("note.txt", bytes), "{bytes:?}");
        }
        let parsed = read_any("note.txt", "[گزارش] ایران".as_bytes(), |_| None);
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        assert_eq!(parsed.records[0].doc.text, "[گزارش] ایران");
        assert_eq!(detect("x.txt", b"#FORMAT=WebAnno TSV 3.3\n"), Some(Format::Webanno));
    }

    /// Found by round-tripping the fuzz corpora: every format's export
    /// dropped together gives its documents back. A native line keeping a
    /// `ner_tags` field (from a Hugging Face line whose tags were unread) was
    /// taken for Hugging Face and refused; Label Studio's label config was
    /// read as a document of its own.
    #[test]
    fn an_export_read_together_gives_its_documents_back() {
        let mut d = Document::new("a", "ایران و چین");
        d.spans = vec![Span::new(0, 5, "LOC")];
        d.meta.insert("ner_tags".into(), serde_json::json!([1, 0, 1]));
        for format in [Format::Jsonl, Format::LabelStudio] {
            let files = crate::export(format, std::slice::from_ref(&d), &Default::default()).unwrap();
            let parsed = read_together(files.into_iter().map(|f| (f.name, f.bytes)).collect(), |_| None);
            let docs: Vec<(&str, &[Span])> =
                parsed.iter().flat_map(|p| &p.records).map(|r| (r.doc.id.as_str(), &r.doc.spans[..])).collect();
            assert_eq!(docs, [("a", &d.spans[..])], "{format}");
        }
    }

    /// tests/bad-input/jsonl/not-an-object.jsonl: a `.jsonl` whose first
    /// line is a list was read as one Label Studio array, refused whole
    /// ("trailing characters at line 2"), and its good lines were lost.
    #[test]
    fn a_jsonl_that_starts_with_a_list_is_still_read_line_by_line() {
        let bytes = "[1,2]\n{\"id\":\"c\",\"text\":\"ایران\"}\n".as_bytes();
        assert_eq!(detect("a.jsonl", bytes), None);
        let parsed = read_any("a.jsonl", bytes, |_| None);
        assert_eq!(parsed.records.len(), 1);
        assert_eq!(parsed.problems.len(), 1);
        assert_eq!(parsed.problems[0].line_number(), Some(1));
        assert_eq!(detect("tasks.json", b"[{}]"), Some(Format::LabelStudio));
    }

    #[test]
    fn files_read_together_take_their_sidecars_whatever_the_order() {
        let mut a = Document::new("n/1", "شرکت  ایمیدرو\nدر تهران");
        a.spans = vec![Span::new(6, 13, "ORG")];
        a.status = Status::InProgress;
        let files = crate::export(Format::Conll, std::slice::from_ref(&a), &Default::default())
            .unwrap()
            .into_iter()
            .map(|f| (f.name, f.bytes))
            .collect::<Vec<_>>();
        let mut dropped = files.clone();
        dropped.reverse(); // the sidecar first
        let parsed = read_together(dropped, |_| None);
        assert_eq!(parsed.len(), 1, "the sidecar is not read on its own");
        assert_eq!(parsed[0].records[0].doc, a);
        let ann = ("x.ann".to_string(), b"T1\tORG 0 3\tBHP\n".to_vec());
        let txt = ("x.txt".to_string(), "BHP و چین".as_bytes().to_vec());
        let parsed = read_together(vec![txt, ann], |_| None);
        assert_eq!(parsed.len(), 1);
        assert_eq!(parsed[0].records[0].doc.spans, [Span::new(0, 3, "ORG")]);
    }
}
