//! A document and its JSONL line:
//! `{"id","text","spans":[{"start","end","label"}],"status",…}`.

use crate::error::{Error, ErrorKind};
use crate::span::{check_spans, Span};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Where an annotator is with a document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not looked at yet (`"new"`): its spans, if any, came from elsewhere.
    #[default]
    New,
    /// Being annotated (`"in_progress"`): some spans may still be missing.
    InProgress,
    /// Finished (`"done"`): its spans are the annotator's word, fit to train on.
    Done,
}

/// A text with its confirmed spans and, optionally, unconfirmed suggestions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Unique within a collection; names the document in messages.
    pub id: String,
    /// The original text, exactly as read: every offset refers to it.
    pub text: String,
    /// Confirmed spans, code points, sorted, non-overlapping.
    #[serde(default)]
    pub spans: Vec<Span>,
    /// Where the annotator is with it; `new` when the line has none.
    #[serde(default)]
    pub status: Status,
    /// Suggestions not yet confirmed; exported only on request, under their
    /// own key so that a trainer reading `spans` never sees them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<Span>,
    /// Any other fields of the line, kept so that a round trip loses nothing.
    #[serde(flatten)]
    pub meta: Map<String, Value>,
}

impl Document {
    /// A new document with no spans, suggestions or other fields.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            spans: Vec::new(),
            status: Status::New,
            suggestions: Vec::new(),
            meta: Map::new(),
        }
    }

    /// Parses one JSONL line. `id` may be missing (then `fallback_id` is
    /// used); `text` may not. Spans are checked against the text.
    pub fn from_json_line(line: &str, fallback_id: &str) -> Result<Document, Error> {
        let mut value: Value =
            serde_json::from_str(line).map_err(|e| Error::new(ErrorKind::Json, format!("invalid JSON: {e}")))?;
        let obj = value.as_object_mut().ok_or_else(|| Error::new(ErrorKind::Json, "expected a JSON object"))?;
        match obj.get("text") {
            Some(Value::String(_)) => {}
            Some(_) => return Err(Error::new(ErrorKind::Json, "\"text\" must be a string")),
            None => return Err(Error::new(ErrorKind::MissingField("text"), "missing \"text\"")),
        }
        match obj.get("id") {
            None | Some(Value::Null) => {
                obj.insert("id".into(), Value::String(fallback_id.to_string()));
            }
            Some(Value::Number(n)) => {
                let s = n.to_string();
                obj.insert("id".into(), Value::String(s));
            }
            _ => {}
        }
        let mut doc: Document =
            serde_json::from_value(value).map_err(|e| Error::new(ErrorKind::Json, format!("{e}")))?;
        doc.spans.sort();
        doc.suggestions.sort();
        let n = doc.text.chars().count();
        check_spans(&doc.spans, n)?;
        check_spans(&doc.suggestions, n)
            .map_err(|e| Error::new(ErrorKind::BadSpans, format!("suggestions: {}", e.message())))?;
        Ok(doc)
    }

    /// The document as one JSONL line (no trailing newline).
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).expect("a Document always serializes")
    }

    /// The text a span covers.
    pub fn span_text(&self, span: &Span) -> String {
        self.text.chars().skip(span.start).take(span.end - span.start).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_keeps_unknown_fields() {
        let line = r#"{"id":"a","text":"ایران و چین","spans":[{"start":0,"end":5,"label":"LOC"}],"status":"done","source":"irna"}"#;
        let doc = Document::from_json_line(line, "x").unwrap();
        assert_eq!(doc.status, Status::Done);
        assert_eq!(doc.span_text(&doc.spans[0]), "ایران");
        assert_eq!(doc.meta["source"], "irna");
        let again = Document::from_json_line(&doc.to_json_line(), "x").unwrap();
        assert_eq!(again, doc);
    }

    #[test]
    fn missing_text_and_bad_spans_are_errors() {
        let e = Document::from_json_line(r#"{"id":"a"}"#, "x").unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::MissingField("text"));
        let e =
            Document::from_json_line(r#"{"text":"چین","spans":[{"start":0,"end":9,"label":"LOC"}]}"#, "x").unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::BadSpans);
        let e = Document::from_json_line("{not json", "x").unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::Json);
    }

    #[test]
    fn missing_id_uses_fallback() {
        let doc = Document::from_json_line(r#"{"text":"چین"}"#, "stdin:3").unwrap();
        assert_eq!(doc.id, "stdin:3");
        assert_eq!(doc.status, Status::New);
    }
}
