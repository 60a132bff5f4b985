//! doccano sequence labelling JSONL: one document a line,
//! `{"id","text","label":[[start,end,"LABEL"]],…}`, the form doccano
//! imports and exports; the `entities` form of its relation projects
//! (`{"text","entities":[{"id","label","start_offset","end_offset"}],"relations":[…]}`)
//! is read too.
//!
//! **Offsets.** Written in code points, the unit of Python's `text[s:e]`
//! and of every span here. doccano's own web editor counts UTF-16 code units
//! unless a project counts grapheme clusters (doccano/doccano#2290, open);
//! the three agree on Persian text, whose letters, digits and marks are all
//! in the Basic Multilingual Plane, and differ after an emoji. doccano
//! exports carry no span text to tell them apart, so offsets are read as
//! code points and a note says when a text with spans has characters
//! outside that plane.
//!
//! **Fields.** The document id is `id` (doccano's integer ids are read as
//! their decimal text; a line without one is named `FILE-LINE`). Other
//! fields (doccano's `Comments`, a project's own) are kept and written back.
//! `status` is written as an extra field (doccano keeps it with the other
//! extra fields); a line without one is doccano's confirmed work and reads
//! as `done`. Suggestions are written, when asked for, as an extra
//! `suggestions` field in the `label` form. Relations are not this
//! project's model: a line that has some says how many were left out.

use crate::decode::Windows1256;
use crate::export::{ExportOptions, OutFile};
use crate::problem::Problem;
use crate::read::{read_jsonl_by, Parsed, Record};
use barchasb_core::{Document, Span, Status};
use serde::Serialize;
use serde_json::{json, Map, Value};

/// Fields a doccano line gives a meaning to; other fields of a document's
/// `meta` by these names are not written, so the line stays readable.
const OWN: [&str; 7] = ["id", "text", "label", "entities", "relations", "status", "suggestions"];

/// One line as written.
#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    text: &'a str,
    label: Vec<(usize, usize, &'a str)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suggestions: Option<Vec<(usize, usize, &'a str)>>,
    status: Status,
    #[serde(flatten)]
    meta: Map<String, Value>,
}

fn triples(spans: &[Span]) -> Vec<(usize, usize, &str)> {
    spans.iter().map(|s| (s.start, s.end, s.label.as_str())).collect()
}

/// Writes documents that passed the gate, one line each.
pub(crate) fn write(docs: &[Document], opts: &ExportOptions) -> Vec<OutFile> {
    let mut out = String::new();
    for d in docs {
        let line = Line {
            id: &d.id,
            text: &d.text,
            label: triples(&d.spans),
            suggestions: (opts.suggestions && !d.suggestions.is_empty()).then(|| triples(&d.suggestions)),
            status: d.status,
            meta: d
                .meta
                .iter()
                .filter(|(k, _)| !OWN.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        };
        out.push_str(&serde_json::to_string(&line).expect("a line always serializes"));
        out.push('\n');
    }
    vec![OutFile { name: format!("{}.{}", opts.base, crate::Format::Doccano.extension()), bytes: out.into_bytes() }]
}

/// Reads a doccano JSONL file; bad lines are named and the others taken.
pub(crate) fn read(name: &str, bytes: &[u8], w1256: Windows1256) -> Parsed {
    let mut out = read_jsonl_by(name, bytes, w1256, read_line);
    let astral: Vec<String> = out
        .records
        .iter()
        .filter(|r| !r.doc.spans.is_empty() && r.doc.text.chars().any(|c| c.len_utf16() == 2))
        .map(|r| r.line.to_string())
        .collect();
    if !astral.is_empty() {
        out.notes.push(format!(
            "{name}: line(s) {} have characters outside the Basic Multilingual Plane (an emoji, say); their \
             offsets were read as code points, while doccano's editor counts UTF-16 units there",
            astral.join(", ")
        ));
    }
    out
}

/// One doccano line as a record: its spans turned into the native form and
/// read by the native reader, so that a bad span is named the same way.
fn read_line(file: &str, line: usize, text: &str, fallback: &str) -> Result<Record, Problem> {
    let Ok(Value::Object(mut obj)) = serde_json::from_str::<Value>(text) else {
        return crate::jsonl::read_line(file, line, text, fallback); // names what is wrong
    };
    let mut problems = Vec::new();
    let at = |m: String| Problem::line(file, line, m);
    let mut spans = Vec::new();
    if let Some(v) = obj.remove("label") {
        spans.extend(label_spans(v, "label", &at, &mut problems));
    }
    if let Some(v) = obj.remove("entities") {
        spans.extend(entity_spans(v, &at, &mut problems));
    }
    if let Some(v) = obj.remove("suggestions") {
        let s = label_spans(v, "suggestion", &at, &mut problems);
        obj.insert("suggestions".into(), Value::Array(s));
    }
    match obj.remove("relations") {
        Some(Value::Array(r)) if !r.is_empty() => {
            problems.push(at(format!("{} relation(s) were not imported: barchasb keeps entities only", r.len())))
        }
        _ => {}
    }
    obj.insert("spans".into(), Value::Array(spans));
    obj.entry("status").or_insert_with(|| "done".into());
    let native = serde_json::to_string(&Value::Object(obj)).expect("a value always serializes");
    let mut record = crate::jsonl::read_line(file, line, &native, fallback)?;
    problems.append(&mut record.problems);
    record.problems = problems;
    Ok(record)
}

/// `[[start, end, "LABEL"], …]` as native span objects; an item of another
/// shape is named (`label 2 …`) and left out.
fn label_spans(v: Value, what: &str, at: &impl Fn(String) -> Problem, problems: &mut Vec<Problem>) -> Vec<Value> {
    let Value::Array(items) = v else {
        problems.push(at(format!("\"{what}\" must be a list of [start, end, label]; none taken")));
        return Vec::new();
    };
    if what == "label" && !items.is_empty() && items.iter().all(Value::is_string) {
        problems.push(at("\"label\" is a list of categories (text classification), not spans; not imported".into()));
        return Vec::new();
    }
    let mut out = Vec::new();
    for (k, item) in items.into_iter().enumerate() {
        match item {
            Value::Array(a) if a.len() == 3 => out.push(json!({"start": a[0], "end": a[1], "label": a[2]})),
            other => problems.push(at(format!("{what} {} is {other}, not [start, end, label]; left out", k + 1))),
        }
    }
    out
}

/// `[{"label","start_offset","end_offset"}, …]` as native span objects.
fn entity_spans(v: Value, at: &impl Fn(String) -> Problem, problems: &mut Vec<Problem>) -> Vec<Value> {
    let Value::Array(items) = v else {
        problems.push(at("\"entities\" must be a list of entities; none taken".into()));
        return Vec::new();
    };
    let field = |e: &Value, k: &str| e.get(k).cloned().unwrap_or(Value::Null);
    items
        .iter()
        .map(|e| json!({"start": field(e, "start_offset"), "end": field(e, "end_offset"), "label": field(e, "label")}))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w1256(_: &[u8]) -> Option<String> {
        None
    }

    #[test]
    fn both_forms_are_read_with_ids_fields_and_named_problems() {
        let file = concat!(
            r#"{"id":7,"text":"ایمیدرو در تهران","label":[[0,7,"ORG"],[11,16,"LOC"]],"Comments":[]}"#,
            "\n",
            r#"{"id":8,"text":"چین و ایران","entities":[{"id":1,"label":"LOC","start_offset":6,"end_offset":11}],"relations":[{"id":1}]}"#,
            "\n",
            r#"{"text":"x","label":[[0,9,"PER"],"bad"],"status":"in_progress"}"#,
            "\n"
        );
        let p = read("d.jsonl", file.as_bytes(), w1256);
        let docs: Vec<&Document> = p.records.iter().map(|r| &r.doc).collect();
        assert_eq!(docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["7", "8", "d-3"]);
        assert_eq!(docs[0].spans, [Span::new(0, 7, "ORG"), Span::new(11, 16, "LOC")]);
        assert_eq!(docs[0].status, Status::Done);
        assert_eq!(docs[0].meta["Comments"], json!([]));
        assert_eq!(docs[1].spans, [Span::new(6, 11, "LOC")]);
        assert_eq!(docs[2].status, Status::InProgress);
        let problems: Vec<String> = p.all_problems().iter().map(|p| p.to_string()).collect();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].starts_with("d.jsonl:2: 1 relation(s) were not imported"), "{problems:?}");
        assert!(problems[1].starts_with("d.jsonl:3: label 2 is \"bad\""), "{problems:?}");
        assert!(problems[2].starts_with("d.jsonl:3: span 1 ends at 9, past the end"), "{problems:?}");
    }

    #[test]
    fn a_first_line_longer_than_the_head_is_still_told_apart() {
        let text = "ایران ".repeat(1000);
        let line =
            format!(r#"{{"id":1,"text":"{text}","entities":[{{"label":"LOC","start_offset":0,"end_offset":5}}]}}"#);
        assert!(line.len() > 4096);
        assert_eq!(crate::detect("long.jsonl", line.as_bytes()), Some(crate::Format::Doccano));
    }

    #[test]
    fn written_lines_read_back_and_keep_other_fields() {
        let mut d = Document::new("a/1", "🙂 ایمیدرو");
        d.spans = vec![Span::new(2, 9, "ORG")];
        d.suggestions = vec![Span::new(0, 1, "MISC")];
        d.meta.insert("Comments".into(), json!(["ok"]));
        let opts = ExportOptions { suggestions: true, ..Default::default() };
        let files = write(std::slice::from_ref(&d), &opts);
        let line = String::from_utf8(files[0].bytes.clone()).unwrap();
        assert_eq!(
            line,
            "{\"id\":\"a/1\",\"text\":\"🙂 ایمیدرو\",\"label\":[[2,9,\"ORG\"]],\"suggestions\":[[0,1,\"MISC\"]],\
             \"status\":\"new\",\"Comments\":[\"ok\"]}\n"
        );
        let back = read("x.jsonl", line.as_bytes(), w1256);
        assert_eq!(back.records[0].doc, d);
        assert_eq!(back.notes.len(), 1, "the emoji is named: {:?}", back.notes);
    }
}
