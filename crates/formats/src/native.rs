//! The `jsonl` format: the native line, with what a trainer reading it
//! needs besides the offsets. Each line is
//! `{"id","text","tokens":[{"text","start","end","id","ws"}],"spans":[…],"status",…}`
//! and each span `{"start","end","label","text","token_start","token_end","value"}`:
//! its text as sliced from the document, its first and last token
//! (inclusive, Prodigy's convention; the tokens are the project's, split
//! where a span cuts one, so only a span that starts or ends with white
//! space, which the app never makes, has none), and for a
//! complete DATE its ISO 8601 `value`. Suggestions, when asked for, are
//! written the same way under `suggestions`. Other fields of the document
//! are kept.
//!
//! Reading is the native reader: `tokens` and the span fields are derived,
//! so they are not kept, but a span whose `text` is not what its offsets
//! cover is named and left out.

use crate::decode::Windows1256;
use crate::export::{ExportOptions, OutFile};
use crate::read::{read_jsonl_with, Parsed};
use crate::tokens::{doc_tokens, token_span, Tok};
use barchasb_core::{Document, Span, Status};
use serde::Serialize;
use serde_json::{Map, Value};

/// Fields the line gives a meaning to; a document's other fields by these
/// names are not written.
const OWN: [&str; 6] = ["id", "text", "tokens", "spans", "status", "suggestions"];

#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    text: &'a str,
    tokens: &'a [Tok],
    spans: Vec<SpanOut<'a>>,
    status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    suggestions: Option<Vec<SpanOut<'a>>>,
    #[serde(flatten)]
    meta: Map<String, Value>,
}

#[derive(Serialize)]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    label: &'a str,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    token_start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    token_end: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<String>,
}

/// Writes documents that passed the gate, one line each.
pub(crate) fn write(docs: &[Document], opts: &ExportOptions) -> Vec<OutFile> {
    let mut out = String::new();
    for d in docs {
        out.push_str(&line(d, opts));
        out.push('\n');
    }
    vec![OutFile { name: format!("{}.{}", opts.base, crate::Format::Jsonl.extension()), bytes: out.into_bytes() }]
}

/// One document's line (no line end).
pub(crate) fn line(d: &Document, opts: &ExportOptions) -> String {
    let toks = doc_tokens(d, opts.suggestions);
    let chars: Vec<char> = d.text.chars().collect();
    let line = Line {
        id: &d.id,
        text: &d.text,
        tokens: &toks,
        spans: span_outs(&d.spans, &chars, &toks, opts),
        status: d.status,
        suggestions: (opts.suggestions && !d.suggestions.is_empty())
            .then(|| span_outs(&d.suggestions, &chars, &toks, opts)),
        meta: d.meta.iter().filter(|(k, _)| !OWN.contains(&k.as_str())).map(|(k, v)| (k.clone(), v.clone())).collect(),
    };
    serde_json::to_string(&line).expect("a line always serializes")
}

fn span_outs<'a>(list: &'a [Span], chars: &[char], toks: &[Tok], opts: &ExportOptions) -> Vec<SpanOut<'a>> {
    list.iter().map(|s| span_out(s, chars, toks, opts)).collect()
}

fn span_out<'a>(s: &'a Span, chars: &[char], toks: &[Tok], opts: &ExportOptions) -> SpanOut<'a> {
    let text: String = chars[s.start..s.end].iter().collect();
    let tokens = token_span(toks, s);
    let value = match opts.date_value {
        Some(f) if s.label == "DATE" => f(&text),
        _ => None,
    };
    SpanOut {
        start: s.start,
        end: s.end,
        label: &s.label,
        token_start: tokens.map(|t| t.0),
        token_end: tokens.map(|t| t.1),
        text,
        value,
    }
}

/// Reads one file: the native JSONL reader.
pub(crate) fn read(name: &str, bytes: &[u8], w1256: Windows1256) -> Parsed {
    read_jsonl_with(name, bytes, w1256)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn w1256(_: &[u8]) -> Option<String> {
        None
    }

    fn iso(text: &str) -> Option<String> {
        (text == "۱۴۰۳").then(|| "2024".to_string())
    }

    #[test]
    fn a_line_carries_tokens_span_texts_token_indexes_and_date_values() {
        let mut d = Document::new("a", "شرکت ایران(ایمیدرو) در ۱۴۰۳");
        d.spans = vec![Span::new(11, 18, "ORG"), Span::new(23, 27, "DATE")];
        d.suggestions = vec![Span::new(4, 10, "LOC")];
        d.meta.insert("source".into(), json!("irna"));
        let opts = ExportOptions { suggestions: true, date_value: Some(iso), ..Default::default() };
        let v: Value = serde_json::from_str(&line(&d, &opts)).unwrap();
        assert_eq!(v["tokens"][3], json!({"text": "ایمیدرو", "start": 11, "end": 18, "id": 3, "ws": false}));
        assert_eq!(
            v["spans"],
            json!([
                {"start": 11, "end": 18, "label": "ORG", "text": "ایمیدرو", "token_start": 3, "token_end": 3},
                {"start": 23, "end": 27, "label": "DATE", "text": "۱۴۰۳", "token_start": 6, "token_end": 6,
                 "value": "2024"}
            ])
        );
        // a span that starts with white space has no token indexes, and is still written
        assert_eq!(v["suggestions"], json!([{"start": 4, "end": 10, "label": "LOC", "text": " ایران"}]));
        assert_eq!(v["source"], "irna");
        let back = read("x.jsonl", line(&d, &opts).as_bytes(), w1256);
        assert!(back.all_problems().is_empty(), "{:?}", back.all_problems());
        assert_eq!(back.records[0].doc, d);
    }

    #[test]
    fn a_span_whose_text_is_not_its_slice_is_named() {
        let l = r#"{"id":"b","text":"🙂 ایران و","spans":[{"start":3,"end":8,"label":"LOC","text":"ایران"}]}"#;
        let back = read("u16.jsonl", l.as_bytes(), w1256);
        let problems: Vec<String> = back.all_problems().iter().map(|p| p.to_string()).collect();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].starts_with("u16.jsonl:1: span 1 (3–8) says its text is «ایران»"), "{problems:?}");
        assert!(back.records[0].doc.spans.is_empty());
    }
}
