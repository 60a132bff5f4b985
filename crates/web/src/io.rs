//! The export file and fresh ids, free of web-sys so they are tested
//! natively. Reading files is `barchasb_formats::read_file`.

use barchasb_core::Document;

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
    use barchasb_formats::read_file;

    #[test]
    fn export_round_trips_and_hides_suggestions_unless_asked() {
        let mut d = Document::new("a", "<img src=x onerror=alert(1)> ایران 🙂 و چین");
        d.spans = vec![Span::new(29, 34, "LOC")];
        d.suggestions = vec![Span::new(39, 42, "LOC")];
        d.status = Status::InProgress;
        let plain = export_jsonl([&d], false);
        assert!(!plain.contains("suggestions"));
        let back = read_file("barchasb-export.jsonl", plain.as_bytes());
        assert!(back.all_problems().is_empty());
        let back = &back.records[0].doc;
        assert_eq!(back.spans, d.spans);
        assert_eq!(back.status, Status::InProgress);
        assert_eq!(back.span_text(&back.spans[0]), "ایران");
        let full = export_jsonl([&d], true);
        assert_eq!(read_file("x.jsonl", full.as_bytes()).records[0].doc, d);
    }

    #[test]
    fn pasted_ids_are_fresh() {
        let ids = ["pasted-1", "a"];
        assert_eq!(fresh_id(ids.iter().copied()), "pasted-2");
    }
}
