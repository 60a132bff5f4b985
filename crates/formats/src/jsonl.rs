//! The native JSONL line, read leniently: one document per line,
//! `{"id","text","spans":[{"start","end","label"}],"status","suggestions",…}`.
//!
//! A line is refused only when it has no usable text; otherwise the
//! document is taken with what is good in it, and each bad part (a span out
//! of range, an unknown status) is reported by line, span number and
//! reason. Other fields are kept in [`Document::meta`].

use crate::problem::Problem;
use crate::read::Record;
use barchasb_core::{Document, Span, Status};
use serde_json::{Map, Value};

/// Fields the reader understands; every other one goes to `meta`
/// (`tokens` is derived from the text: the `jsonl` export writes it).
const KNOWN: [&str; 6] = ["id", "text", "tokens", "spans", "status", "suggestions"];

/// Reads one non-blank line (1-based `line`) of `file`. `fallback_id` is
/// the id of a line without one.
pub fn read_line(file: &str, line: usize, text: &str, fallback_id: &str) -> Result<Record, Problem> {
    let at = |m: String| Problem::line(file, line, m);
    let value: Value = serde_json::from_str(text).map_err(|e| {
        // A NUL is invisible in most editors: say it is there.
        let nul = if text.contains('\0') { "; the line holds a NUL byte (\\0)" } else { "" };
        at(format!("{}{nul}", json_error(&e)))
    })?;
    let Value::Object(mut obj) = value else {
        return Err(at(format!("the line is {}, not a JSON object with a \"text\"", kind(&value))));
    };
    let body = match obj.remove("text") {
        Some(Value::String(s)) => s,
        Some(other) => return Err(at(format!("\"text\" must be a string, not {}", kind(&other)))),
        None => return Err(at("the line has no \"text\" field".into())),
    };
    let mut problems = Vec::new();
    let id = match obj.remove("id") {
        None | Some(Value::Null) => fallback_id.to_string(),
        Some(Value::String(s)) if !s.trim().is_empty() => s,
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(_)) => {
            problems.push(at(format!("\"id\" is empty or white space; named {fallback_id}")));
            fallback_id.to_string()
        }
        Some(other) => {
            problems
                .push(at(format!("\"id\" must be a string or a number, not {}; named {fallback_id}", kind(&other))));
            fallback_id.to_string()
        }
    };
    let annotated = obj.contains_key("spans") || obj.get("status").is_some_and(|s| s != "new");
    let n = body.chars().count();
    let spans = obj.remove("spans").map(|v| read_spans(v, "span", n, &body, &at, &mut problems)).unwrap_or_default();
    let suggestions = obj
        .remove("suggestions")
        .map(|v| read_spans(v, "suggestion", n, &body, &at, &mut problems))
        .unwrap_or_default();
    let status = status(obj.remove("status"), &at, &mut problems);
    let meta: Map<String, Value> = obj.into_iter().filter(|(k, _)| !KNOWN.contains(&k.as_str())).collect();
    let doc = Document { id, text: body, spans, status, suggestions, meta };
    Ok(Record { doc, file: file.to_string(), line, annotated, problems })
}

fn status(v: Option<Value>, at: &impl Fn(String) -> Problem, problems: &mut Vec<Problem>) -> Status {
    match v.as_ref().and_then(Value::as_str) {
        None if v.is_none() || v == Some(Value::Null) => Status::New,
        Some("new") => Status::New,
        Some("in_progress") => Status::InProgress,
        Some("done") => Status::Done,
        _ => {
            let shown = v.map_or_else(String::new, |v| v.to_string());
            problems.push(at(format!(
                "\"status\" must be \"new\", \"in_progress\" or \"done\", not {shown}; taken as in_progress"
            )));
            Status::InProgress
        }
    }
}

/// The good spans of a `spans`/`suggestions` value, sorted; each bad one is
/// reported (`span 3 starts at -1; …`) and left out.
fn read_spans(
    v: Value,
    what: &str,
    n: usize,
    text: &str,
    at: &impl Fn(String) -> Problem,
    problems: &mut Vec<Problem>,
) -> Vec<Span> {
    let Value::Array(items) = v else {
        problems.push(at(format!("\"{what}s\" must be a list of spans, not {}; none taken", kind(&v))));
        return Vec::new();
    };
    let mut good: Vec<(usize, Span)> = Vec::new();
    for (k, item) in items.into_iter().enumerate() {
        // `span 3 starts at -1; …`: the problem names the span by number.
        let bad = |why: String| at(format!("{what} {} {why}", k + 1));
        match span(&item, n, text, &bad) {
            Ok(s) => good.push((k + 1, s)),
            Err(p) => problems.push(p),
        }
    }
    good.sort_by(|a, b| a.1.cmp(&b.1));
    let mut kept: Vec<(usize, Span)> = Vec::with_capacity(good.len());
    for (k, s) in good {
        match kept.last() {
            Some((pk, p)) if p.overlaps(&s) => problems.push(at(format!(
                "{what} {k} ({}–{} {}) overlaps {what} {pk} ({}–{} {}); {what} {pk} was kept",
                s.start, s.end, s.label, p.start, p.end, p.label
            ))),
            _ => kept.push((k, s)),
        }
    }
    kept.into_iter().map(|(_, s)| s).collect()
}

/// One span, or the problem with it: `bad` makes it from why the span is
/// bad, a phrase that follows "span 3".
fn span(v: &Value, n: usize, text: &str, bad: &impl Fn(String) -> Problem) -> Result<Span, Problem> {
    let Value::Object(o) = v else {
        return Err(bad(format!("is {}, not an object with start, end and label", kind(v))));
    };
    let start = offset(o.get("start"), "start", bad)?;
    let end = offset(o.get("end"), "end", bad)?;
    let label = match o.get("label") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Value::String(_)) | None | Some(Value::Null) => return Err(bad("has no label".into())),
        Some(other) => return Err(bad(format!("has a label that is {}, not a name", kind(other)))),
    };
    if end <= start {
        return Err(bad(format!("ends at {end}, not after its start {start}")));
    }
    if end > n {
        return Err(bad(format!("ends at {end}, past the end of the text ({n} characters)")));
    }
    if let Some(Value::String(t)) = o.get("text") {
        let covered: String = text.chars().skip(start).take(end - start).collect();
        if *t != covered {
            return Err(bad(format!(
                "({start}–{end}) says its text is «{t}» but covers «{covered}»; are its offsets in another unit \
                 than characters?"
            )));
        }
    }
    Ok(Span::new(start, end, label))
}

/// A span's `start` or `end`, or the problem with it (made by `bad`).
fn offset(v: Option<&Value>, name: &str, bad: &impl Fn(String) -> Problem) -> Result<usize, Problem> {
    let why = match v {
        None | Some(Value::Null) => format!("has no {name}"),
        Some(Value::Number(x)) => match x.as_u64() {
            Some(u) => return usize::try_from(u).map_err(|_| bad(format!("{name}s at {u}, past any text"))),
            None if x.as_i64().is_some() => format!("{name}s at {x}; offsets count characters from 0"),
            None => format!("has {name} {x}, not a whole number of characters"),
        },
        Some(other) => format!("has a {name} that is {}, not a number", kind(other)),
    };
    Err(bad(why))
}

/// What a JSON value is, in words.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A JSON syntax error in words, with its column.
fn json_error(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let col = e.column();
    match e.classify() {
        Category::Eof => format!("the line is not complete JSON: it ends too early (at column {col})"),
        Category::Syntax => format!("the line is not valid JSON (at column {col})"),
        Category::Data | Category::Io => format!("the line cannot be read as a document (at column {col})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// tests/bad-input/jsonl/id-wrong-type.jsonl: an empty id was named as
    /// "must be a string or a number, not a string".
    #[test]
    fn an_empty_id_is_named_as_empty() {
        let r = read_line("f.jsonl", 2, r#"{"id":" ","text":"چین"}"#, "f-2").unwrap();
        assert_eq!(r.doc.id, "f-2");
        assert_eq!(r.problems[0].to_string(), "f.jsonl:2: \"id\" is empty or white space; named f-2");
    }

    /// tests/bad-input/jsonl/nul-bytes.jsonl: a NUL, invisible in most
    /// editors, is said to be there.
    #[test]
    fn a_nul_byte_is_named() {
        let p = read_line("f.jsonl", 1, "{\"id\":\"a\",\"text\":\"x\0y\"}", "f-1").unwrap_err();
        assert_eq!(
            p.to_string(),
            "f.jsonl:1: the line is not valid JSON (at column 20); the line holds a NUL byte (\\0)"
        );
    }
}
