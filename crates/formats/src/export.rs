//! Writing documents in any [`Format`], behind the export gate: before a
//! byte is written, every span is re-sliced from its text and, for token
//! formats, mapped to the project's tokens. A span that cannot be written
//! is never dropped: [`export`] refuses with each one named.

use crate::format::Format;
use crate::tokens::{doc_tokens, token_span};
use barchasb_core::{Document, Span};
use std::fmt;

/// How to write.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// Write the suggestions too (as predictions where the format has them,
    /// under `suggestions` in JSONL); spans only otherwise.
    pub suggestions: bool,
    /// Tagging scheme of the token formats that have a choice (CoNLL).
    pub scheme: Scheme,
    /// The label names in order (the project's label set); labels met in
    /// the documents that are not here are added after them, sorted.
    pub labels: Vec<String>,
    /// Label Studio's `from_name` (the Labels control).
    pub from_name: String,
    /// Label Studio's `to_name` (the Text object).
    pub to_name: String,
    /// The ISO date of a DATE span's text, when complete (the rules'
    /// `date_value`); JSONL writes it as the span's `value`.
    pub date_value: Option<fn(&str) -> Option<String>>,
    /// The name of the main file without its extension.
    pub base: String,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            suggestions: false,
            scheme: Scheme::Iob2,
            labels: Vec::new(),
            from_name: "label".into(),
            to_name: "text".into(),
            date_value: None,
            base: "barchasb-export".into(),
        }
    }
}

/// Token tagging scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scheme {
    /// `B-X`, `I-X`, `O`.
    #[default]
    Iob2,
    /// `B-X`, `I-X`, `L-X`, `U-X`, `O`.
    Biluo,
}

/// One file of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutFile {
    /// Its name: the base and the format's extension (sidecars have their own).
    pub name: String,
    /// Its content.
    pub bytes: Vec<u8>,
}

/// A span an export cannot write, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unwritable {
    /// The document's id.
    pub doc: String,
    /// The span (code points).
    pub span: Span,
    /// Its text as far as it can be sliced.
    pub text: String,
    /// Why it cannot be written.
    pub why: String,
}

impl fmt::Display for Unwritable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Span { start, end, label } = &self.span;
        write!(f, "document {}: {label} span {start}–{end} «{}» {}", self.doc, self.text, self.why)
    }
}

/// Every span of `docs` that `format` cannot write (empty when all can).
pub fn gate(format: Format, docs: &[Document], opts: &ExportOptions) -> Vec<Unwritable> {
    let mut bad = Vec::new();
    for d in docs {
        let n = d.text.chars().count();
        let toks = if format.token_based() { doc_tokens(d, opts.suggestions) } else { Vec::new() };
        // brat reads its text with universal newlines: `\r\n` is one character there.
        let crlf = d.text.find("\r\n").filter(|_| format == Format::Brat).map(|b| d.text[..b].chars().count());
        let lists: &[&[Span]] = if opts.suggestions { &[&d.spans, &d.suggestions] } else { &[&d.spans] };
        for list in lists {
            let mut prev: Option<&Span> = None;
            for s in list.iter() {
                let text: String = d.text.chars().skip(s.start).take(s.end.saturating_sub(s.start)).collect();
                let mut no =
                    |why: String| bad.push(Unwritable { doc: d.id.clone(), span: s.clone(), text: text.clone(), why });
                if s.end <= s.start || s.end > n {
                    no(format!("is outside the text ({n} code points) or empty"));
                } else if prev.is_some_and(|p| p.end > s.start) {
                    no("overlaps the span before it".into());
                } else if s.label.trim().is_empty() || s.label.chars().any(char::is_whitespace) {
                    no("has a label that is empty or holds white space".into());
                } else if format == Format::Brat
                    && [text.chars().next(), text.chars().last()].into_iter().flatten().any(crate::brat::is_break)
                {
                    no("starts or ends with a line break, which a brat span cannot hold".into());
                } else if crlf.is_some_and(|c| s.end > c) {
                    no("comes after a \\r\\n line end, which brat reads as one character; make line ends \\n".into());
                } else if format.token_based() && token_span(&toks, s).is_none() {
                    no(format!("starts or ends with white space, which the tokens of {format} cannot hold"));
                }
                prev = Some(s);
            }
        }
    }
    bad
}

/// Writes `docs` as `format`, or refuses with every span it cannot write.
pub fn export(format: Format, docs: &[Document], opts: &ExportOptions) -> Result<Vec<OutFile>, Vec<Unwritable>> {
    let bad = gate(format, docs, opts);
    if !bad.is_empty() {
        return Err(bad);
    }
    Ok(crate::writers::write(format, docs, opts))
}

/// The label names to write: the project's, then any others the documents
/// use, sorted.
pub fn label_names(docs: &[Document], opts: &ExportOptions) -> Vec<String> {
    let mut names = opts.labels.clone();
    let mut extra: Vec<String> = docs
        .iter()
        .flat_map(|d| d.spans.iter().chain(if opts.suggestions { &d.suggestions[..] } else { &[] }))
        .map(|s| s.label.clone())
        .filter(|l| !names.contains(l))
        .collect();
    extra.sort();
    extra.dedup();
    names.extend(extra);
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gate_names_each_span_a_token_format_cannot_write() {
        let mut d = Document::new("08", "شرکت ایران(ایمیدرو) گفت");
        // a span inside a token splits it (12–18); one that starts with white space cannot be tokens
        d.spans =
            vec![Span::new(0, 10, "ORG"), Span::new(12, 18, "ORG"), Span::new(19, 23, "X"), Span::new(30, 40, "L")];
        let opts = ExportOptions::default();
        let bad = gate(Format::Conll, &[d.clone()], &opts);
        assert_eq!(bad.len(), 2, "{bad:?}");
        assert_eq!(
            bad[0].to_string(),
            "document 08: X span 19–23 « گفت» starts or ends with white space, which the tokens of conll cannot hold"
        );
        assert!(bad[1].why.contains("outside"), "{}", bad[1]);
        // code point formats take the span with white space, not the one outside the text
        assert_eq!(gate(Format::Doccano, &[d], &opts).len(), 1);
    }
}
