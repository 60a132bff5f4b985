//! Hugging Face token classification JSONL, as `datasets.load_dataset("json")`
//! reads it: one document a line, `{"id","tokens","ner_tags"}` with integer
//! tags; the tag names beside it in `BASE.features.json`, the `Features`
//! of the dataset as `datasets` writes them (`ner_tags` a sequence of
//! `ClassLabel` names, `O` first, then `B-`/`I-` of each label in the
//! project's order), which `datasets.Features.from_dict` reads; and the
//! documents' texts, ids and statuses in `BASE.documents.jsonl`.
//!
//! Read back with both, every document is as it was. Read alone, tags that
//! are names are taken as they are; integer tags need the names (a
//! features file, `dataset_info.json`, or a list of names), and without
//! them a line is taken without its entities and named.

use crate::decode::Windows1256;
use crate::export::{label_names, ExportOptions, OutFile};
use crate::problem::Problem;
use crate::read::Parsed;
use crate::token_docs::{build, parse_tag, sidecar, tags, EntityRun, TokenDoc};
use crate::tokens::doc_tokens;
use crate::{Format, Scheme};
use barchasb_core::Document;
use serde_json::{json, Value};

/// The features file's extension, after the export's base name.
pub(crate) const FEATURES: &str = "features.json";

/// The tag names of an export: `O`, then each label's prefixes.
fn tag_names(docs: &[Document], opts: &ExportOptions) -> Vec<String> {
    let prefixes: &[&str] = match opts.scheme {
        Scheme::Iob2 => &["B", "I"],
        Scheme::Biluo => &["B", "I", "L", "U"],
    };
    let mut names = vec!["O".to_string()];
    for l in label_names(docs, opts) {
        names.extend(prefixes.iter().map(|p| format!("{p}-{l}")));
    }
    names
}

#[derive(serde::Serialize)]
struct Line<'a> {
    id: &'a str,
    tokens: Vec<&'a str>,
    ner_tags: Vec<usize>,
}

/// Writes documents that passed the gate, with the features file and the
/// documents sidecar.
pub(crate) fn write(docs: &[Document], opts: &ExportOptions) -> Vec<OutFile> {
    let names = tag_names(docs, opts);
    let mut out = String::new();
    for d in docs {
        let toks = doc_tokens(d, opts.suggestions);
        let ids: Vec<usize> = tags(d, &toks, opts.scheme)
            .iter()
            .map(|t| names.iter().position(|n| n == t).expect("every label is in the names"))
            .collect();
        let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
        out.push_str(&serde_json::to_string(&Line { id: &d.id, tokens: words, ner_tags: ids }).expect("serializes"));
        out.push('\n');
    }
    let string = json!({"dtype": "string", "_type": "Value"});
    let features = json!({
        "id": string,
        "tokens": {"feature": string, "_type": "Sequence"},
        "ner_tags": {"feature": {"names": names, "_type": "ClassLabel"}, "_type": "Sequence"},
    });
    let mut features = serde_json::to_string_pretty(&features).expect("features serialize");
    features.push('\n');
    vec![
        OutFile { name: format!("{}.{}", opts.base, Format::Hf.extension()), bytes: out.into_bytes() },
        OutFile { name: format!("{}.{FEATURES}", opts.base), bytes: features.into_bytes() },
        sidecar(docs, opts),
    ]
}

/// Reads one file, without the files beside it.
pub(crate) fn read(name: &str, bytes: &[u8], w1256: Windows1256) -> Parsed {
    read_with(name, bytes, None, None, w1256)
}

/// Reads a file with its features file and documents sidecar, when given.
pub(crate) fn read_with(
    name: &str,
    bytes: &[u8],
    features: Option<(&str, &[u8])>,
    side: Option<(&str, &[u8])>,
    w1256: Windows1256,
) -> Parsed {
    let mut problems = Vec::new();
    let names = features.and_then(|(f, b)| match tag_names_of(b) {
        Some(n) => Some(n),
        None => {
            problems.push(Problem::file(f, "has no tag names (ner_tags' ClassLabel names); integer tags unread"));
            None
        }
    });
    let mut docs = Vec::new();
    let mut lines = Parsed::default();
    crate::read::for_each_line(name, bytes, w1256, &mut lines, |n, line, bad| match doc_of(line, names.as_deref()) {
        Ok((mut d, why)) => {
            d.line = n;
            bad.extend(why.map(|w| Problem::line(name, n, w)));
            docs.push(d);
        }
        Err(why) => bad.push(Problem::line(name, n, why)),
    });
    problems.extend(lines.problems);
    let mut out = build(name, docs, side, w1256);
    out.problems.extend(problems);
    out.problems.sort_by_key(|p| p.line_number());
    out.notes.extend(lines.notes);
    out
}

/// The `ClassLabel` names of `ner_tags` in a features file (or a
/// `dataset_info.json`, or a bare list of names).
fn tag_names_of(bytes: &[u8]) -> Option<Vec<String>> {
    let v: Value = serde_json::from_slice(bytes).ok()?;
    let v = v.get("features").unwrap_or(&v);
    let names = v.pointer("/ner_tags/feature/names").or_else(|| v.get("names")).unwrap_or(v);
    names.as_array()?.iter().map(|n| n.as_str().map(String::from)).collect()
}

/// One line's document, and what could not be read of it (the document is
/// still taken); an error when it has no tokens.
fn doc_of(line: &str, names: Option<&[String]>) -> Result<(TokenDoc, Option<String>), String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("the line is not valid JSON ({e})"))?;
    let words: Option<Vec<String>> = v
        .get("tokens")
        .and_then(Value::as_array)
        .and_then(|a| a.iter().map(|t| t.as_str().map(String::from)).collect());
    let Some(words) = words else {
        return Err("the line has no \"tokens\" (a list of strings)".into());
    };
    let id = match v.get("id") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let mut d = TokenDoc { id, words, ..Default::default() };
    let tags = v.get("ner_tags").and_then(Value::as_array).cloned().unwrap_or_default();
    if tags.len() != d.words.len() {
        let why = format!("has {} tokens but {} ner_tags; taken without entities", d.words.len(), tags.len());
        return Ok((d, Some(why)));
    }
    match entities(&tags, names) {
        Ok(ents) => d.ents = ents,
        Err(why) => return Ok((d, Some(why))),
    }
    Ok((d, None))
}

/// The entities of a line's tags (names, or ids into `names`), or why
/// they cannot be read.
fn entities(tags: &[Value], names: Option<&[String]>) -> Result<Vec<(usize, usize, String)>, String> {
    let mut ents = Vec::new();
    let mut run = EntityRun::default();
    for (i, t) in tags.iter().enumerate() {
        let name = match (t, names) {
            (Value::String(s), _) => s.as_str(),
            (Value::Number(n), Some(names)) => {
                n.as_u64().and_then(|k| names.get(k as usize)).ok_or_else(|| format!("tag {n} has no name"))?
            }
            (Value::Number(_), None) => {
                return Err("has integer ner_tags but no tag names were given (the features file beside it); \
                            taken without entities"
                    .into())
            }
            (other, _) => return Err(format!("tag {other} is unreadable")),
        };
        let tag = parse_tag(name).map_err(|()| format!("tag {name:?} is not O, B-X, I-X"))?;
        run.push(&mut ents, i, tag);
    }
    Ok(ents)
}

#[cfg(test)]
mod tests {
    use super::*;
    use barchasb_core::{Span, Status};

    fn w1256(_: &[u8]) -> Option<String> {
        None
    }

    #[test]
    fn written_with_its_features_and_sidecar_reads_back_whole() {
        let mut d = Document::new("n/1", "شرکت  ایران(ایمیدرو)\nدر تهران");
        d.spans = vec![Span::new(12, 19, "ORG"), Span::new(24, 29, "LOC")];
        d.status = Status::InProgress;
        let opts = ExportOptions { labels: vec!["LOC".into(), "ORG".into()], ..Default::default() };
        let files = write(std::slice::from_ref(&d), &opts);
        let line = String::from_utf8(files[0].bytes.clone()).unwrap();
        assert_eq!(
            line,
            "{\"id\":\"n/1\",\"tokens\":[\"شرکت\",\"ایران\",\"(\",\"ایمیدرو\",\")\",\"در\",\"تهران\"],\"ner_tags\":[0,0,0,3,0,0,1]}\n"
        );
        assert_eq!(tag_names_of(&files[1].bytes).unwrap(), ["O", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]);
        let f = (files[1].name.as_str(), &files[1].bytes[..]);
        let s = (files[2].name.as_str(), &files[2].bytes[..]);
        let back = read_with("x.hf.jsonl", &files[0].bytes, Some(f), Some(s), w1256);
        assert!(back.all_problems().is_empty(), "{:?}", back.all_problems());
        assert_eq!(back.records[0].doc, d);
        // alone: the integer tags cannot be read, and that is said
        let alone = read("x.hf.jsonl", &files[0].bytes, w1256);
        assert_eq!(alone.records[0].doc.text, "شرکت ایران ( ایمیدرو ) در تهران");
        assert!(alone.all_problems()[0].to_string().starts_with("x.hf.jsonl:1: has integer ner_tags"));
    }
}
