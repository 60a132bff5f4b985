//! Import and export formats, free of web-sys so they are tested natively.
//!
//! - `.jsonl`: one [`Document`] per line (`Document::from_json_line`); a bad
//!   line is reported as `name.jsonl:LINE: message` and the good lines are
//!   still imported.
//! - `.txt` (anything else): the whole file is one document named after the
//!   file.

use barchasb_core::Document;

/// The file name without its last extension.
fn stem(name: &str) -> &str {
    match name.rfind('.') {
        Some(i) if i > 0 => &name[..i],
        _ => name,
    }
}

/// Parses one opened file into documents and per-line error messages.
pub fn parse_file(name: &str, content: &str) -> (Vec<Document>, Vec<String>) {
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    if !name.to_lowercase().ends_with(".jsonl") {
        if content.trim().is_empty() {
            return (Vec::new(), vec![format!("{name}: the file is empty")]);
        }
        return (vec![Document::new(stem(name), content)], Vec::new());
    }
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in content.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let fallback = format!("{}-{}", stem(name), i + 1);
        match Document::from_json_line(line, &fallback) {
            Ok(d) => docs.push(d),
            Err(e) => errors.push(format!("{name}:{}: {e}", i + 1)),
        }
    }
    (docs, errors)
}

/// The export file: one JSON line per document, confirmed spans under
/// `spans`; unconfirmed suggestions under `suggestions` only if asked.
pub fn export_jsonl<'a>(docs: impl IntoIterator<Item = &'a Document>, with_suggestions: bool) -> String {
    let mut out = String::new();
    for d in docs {
        if with_suggestions || d.suggestions.is_empty() {
            out.push_str(&d.to_json_line());
        } else {
            let mut d = d.clone();
            d.suggestions.clear();
            out.push_str(&d.to_json_line());
        }
        out.push('\n');
    }
    out
}

/// An id for a pasted text that no document has yet.
pub fn fresh_id<'a>(existing: impl Iterator<Item = &'a str> + Clone) -> String {
    (1..).map(|n| format!("pasted-{n}")).find(|id| !existing.clone().any(|e| e == id)).expect("an unused id exists")
}

#[cfg(test)]
mod tests {
    use super::*;
    use barchasb_core::{Span, Status};

    #[test]
    fn jsonl_reports_bad_lines_and_keeps_good_ones() {
        let content = concat!(
            r#"{"id":"a","text":"ایران","spans":[{"start":0,"end":5,"label":"LOC"}],"status":"done"}"#,
            "\n{broken\n\n",
            r#"{"text":"چین"}"#,
            "\n",
            r#"{"id":"c","text":"چین","spans":[{"start":0,"end":9,"label":"LOC"}]}"#,
            "\n"
        );
        let (docs, errors) = parse_file("batch.jsonl", content);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].status, Status::Done);
        assert_eq!(docs[1].id, "batch-4");
        assert_eq!(errors.len(), 2);
        assert!(errors[0].starts_with("batch.jsonl:2: invalid JSON"), "{errors:?}");
        assert!(errors[1].starts_with("batch.jsonl:5: "), "{errors:?}");
    }

    #[test]
    fn txt_is_one_document_named_after_the_file() {
        let (docs, errors) = parse_file("news.1.txt", "\u{feff}سطر یک\nسطر دو");
        assert!(errors.is_empty());
        assert_eq!(docs[0].id, "news.1");
        assert_eq!(docs[0].text, "سطر یک\nسطر دو");
        assert_eq!(parse_file("empty.txt", " \n").1, ["empty.txt: the file is empty"]);
    }

    #[test]
    fn export_round_trips_and_hides_suggestions_unless_asked() {
        let mut d = Document::new("a", "<img src=x onerror=alert(1)> ایران 🙂 و چین");
        d.spans = vec![Span::new(29, 34, "LOC")];
        d.suggestions = vec![Span::new(39, 42, "LOC")];
        d.status = Status::InProgress;
        let plain = export_jsonl([&d], false);
        assert!(!plain.contains("suggestions"));
        let (back, errors) = parse_file("barchasb-export.jsonl", &plain);
        assert!(errors.is_empty());
        assert_eq!(back[0].spans, d.spans);
        assert_eq!(back[0].status, Status::InProgress);
        assert_eq!(back[0].span_text(&back[0].spans[0]), "ایران");
        let full = export_jsonl([&d], true);
        let (back, _) = parse_file("x.jsonl", &full);
        assert_eq!(back[0], d);
    }

    #[test]
    fn pasted_ids_are_fresh() {
        let ids = ["pasted-1", "a"];
        assert_eq!(fresh_id(ids.iter().copied()), "pasted-2");
    }
}
