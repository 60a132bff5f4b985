//! What a format of one file per document cannot say about a document
//! (its id as it is, its status, its suggestions, its other fields) goes in
//! `barchasb-documents.jsonl` beside those files in the archive: one line
//! per document, `{"file": STEM, "id", "status", "suggestions"?, …}`. brat
//! and INCEpTION pass over a file they do not know; reading the archive
//! back, each document takes its line, so that nothing is lost. Without
//! the line (files from elsewhere), a document's id is its file stem and
//! its status the format's default. A document whose text its files cannot
//! give back exactly (WebAnno TSV keeps no text before the first token, nor
//! the white space that indents a line) has its `text` on its line too.

use crate::archive::Entry;
use crate::decode::{decode_with, Windows1256};
use crate::export::ExportOptions;
use crate::problem::Problem;
use crate::read::Record;
use barchasb_core::{Document, Span, Status};
use serde_json::{json, Map, Value};
use std::collections::{HashMap, HashSet};

/// The manifest's file name in the archive.
pub(crate) const NAME: &str = "barchasb-documents.jsonl";

/// A file stem for each document: its id with what no file system takes
/// made `_`, unique without regard to case (`a`, `A-2`).
pub(crate) fn stems(docs: &[Document]) -> Vec<String> {
    let mut seen = HashSet::new();
    docs.iter()
        .map(|d| {
            let base = safe(&d.id);
            let mut stem = base.clone();
            for n in 2.. {
                if seen.insert(stem.to_lowercase()) {
                    break;
                }
                stem = format!("{base}-{n}");
            }
            stem
        })
        .collect()
}

/// Letters and digits of any script, `-`, `_` and inner dots; at most 100
/// characters; `doc` if nothing is left.
fn safe(id: &str) -> String {
    let kept: String =
        id.chars().map(|c| if c.is_alphanumeric() || "-_.".contains(c) { c } else { '_' }).take(100).collect();
    let kept = kept.trim_matches('.');
    if kept.is_empty() {
        "doc".into()
    } else {
        kept.to_string()
    }
}

/// The manifest of `docs`, whose files are named by `stems`; `texts[i]`
/// is `Some` for a document whose files do not hold its text exactly.
pub(crate) fn write(docs: &[Document], stems: &[String], opts: &ExportOptions, texts: &[Option<&str>]) -> Entry {
    let mut out = String::new();
    for (i, (d, stem)) in docs.iter().zip(stems).enumerate() {
        let mut line = Map::new();
        line.insert("file".into(), stem.as_str().into());
        line.insert("id".into(), d.id.as_str().into());
        if let Some(text) = texts.get(i).copied().flatten() {
            line.insert("text".into(), text.into());
        }
        line.insert("status".into(), json!(d.status));
        if opts.suggestions && !d.suggestions.is_empty() {
            line.insert("suggestions".into(), json!(d.suggestions));
        }
        for (k, v) in &d.meta {
            line.entry(k.clone()).or_insert_with(|| v.clone());
        }
        out.push_str(&Value::Object(line).to_string());
        out.push('\n');
    }
    Entry { name: NAME.into(), bytes: out.into_bytes() }
}

/// The manifest of an archive, by file stem.
#[derive(Debug, Default)]
pub(crate) struct Manifest {
    /// `ARCHIVE/barchasb-documents.jsonl`, for messages.
    place: String,
    lines: HashMap<String, (usize, Map<String, Value>)>,
}

impl Manifest {
    /// Reads the manifest entry of `archive` (if there is one); a bad line
    /// is a problem, and its document reads as if it had no line.
    pub(crate) fn read(archive: &str, entry: Option<&Entry>, w1256: Windows1256) -> (Manifest, Vec<Problem>) {
        let place = format!("{archive}/{NAME}");
        let mut m = Manifest { place, lines: HashMap::new() };
        let mut problems = Vec::new();
        let Some(entry) = entry else { return (m, problems) };
        let text = match decode_with(&entry.bytes, w1256) {
            Ok(d) => d.text,
            Err(e) => {
                let p = Problem::undecodable(&m.place, &e);
                return (m, vec![p]);
            }
        };
        for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let at = |why: &str| Problem::line(&m.place, i + 1, format!("{why}; its document reads without it"));
            match serde_json::from_str::<Value>(line) {
                Ok(Value::Object(mut o)) => match o.remove("file") {
                    Some(Value::String(f)) => {
                        m.lines.insert(f, (i + 1, o));
                    }
                    _ => problems.push(at("the line has no \"file\"")),
                },
                _ => problems.push(at("the line is not a JSON object")),
            }
        }
        (m, problems)
    }

    /// The document of the files named `stem` (at `place`), with its
    /// line's id, status, suggestions and fields; without a line, id `stem`
    /// and status `default`. `spans` were checked by the format's reader.
    /// The line's `text` replaces `text` where it agrees with it (see
    /// [`fills`]); one that does not is a problem, and `text` is kept.
    pub(crate) fn document(
        &self,
        stem: &str,
        place: &str,
        text: String,
        spans: Vec<Span>,
        default: Status,
    ) -> Result<Record, Problem> {
        let Some((line, fields)) = self.lines.get(stem) else {
            let doc = Document { spans, status: default, ..Document::new(stem, text) };
            return Ok(Record { doc, file: place.into(), line: 1, annotated: true, problems: Vec::new() });
        };
        let mut fields = fields.clone();
        fields.remove("spans");
        let mut problems = Vec::new();
        match fields.get("text").and_then(Value::as_str) {
            Some(kept) if fills(&text, kept) => {}
            Some(_) => {
                let why = format!("the \"text\" differs from {place}'s; the text of {place} is kept");
                problems.push(Problem::line(&self.place, *line, why));
                fields.insert("text".into(), text.into());
            }
            None => {
                fields.insert("text".into(), text.into());
            }
        }
        fields.entry("id").or_insert_with(|| stem.into());
        let json = Value::Object(fields).to_string();
        let mut record = crate::jsonl::read_line(&self.place, *line, &json, stem)?;
        record.doc.spans = spans;
        record.file = place.into();
        record.line = 1;
        record.annotated = true;
        record.problems.splice(0..0, problems);
        Ok(record)
    }
}

/// Whether `kept` (a manifest's text) is the text `rebuilt` from a
/// format's files with what they could not hold put back: equal code point
/// by code point but where `rebuilt` has a space (WebAnno's filling), or
/// `rebuilt` empty (no token at all).
fn fills(rebuilt: &str, kept: &str) -> bool {
    rebuilt.is_empty()
        || rebuilt.chars().count() == kept.chars().count()
            && rebuilt.chars().zip(kept.chars()).all(|(r, k)| r == k || r == ' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_safe_and_unique() {
        let docs: Vec<Document> =
            ["a/b", "A_b", "..", "ایمیدرو ۱", "a.b"].iter().map(|id| Document::new(*id, "x")).collect();
        assert_eq!(stems(&docs), ["a_b", "A_b-2", "doc", "ایمیدرو_۱", "a.b"]);
    }

    #[test]
    fn a_kept_text_fills_only_the_spaces_of_the_rebuilt_one() {
        assert!(fills("  ایران", "\n\tایران"));
        assert!(fills("", " \n "));
        assert!(!fills("  ایران", "\n\tایران!"), "longer");
        assert!(!fills("  ایران", "\n\tعراق"), "other words");
    }
}
