//! Splits a document into paragraphs of text runs and spans for rendering,
//! free of web-sys so it is tested natively.

use crate::state::{SpanState, ViewSpan};
use barchasb_core::OffsetTable;

/// One run of a paragraph: plain text or (a piece of) a span.
#[derive(Debug, Clone, PartialEq)]
pub enum Run {
    /// Plain text starting at code point `start`.
    Text { start: usize, text: String },
    /// A span `start..end`; `text` is its part in this paragraph, which
    /// begins at code point `at` (equal to `start` unless the span crosses a
    /// line break).
    Span { start: usize, end: usize, at: usize, label: String, state: SpanState, confidence: Option<f32>, text: String },
}

/// A paragraph: the code points `start..end` of the text (its line break
/// not included) as runs.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub start: usize,
    pub end: usize,
    pub runs: Vec<Run>,
}

impl Para {
    /// Whether the span starting at `start` is in this paragraph.
    pub fn has_span(&self, start: usize) -> bool {
        self.runs.iter().any(|r| matches!(r, Run::Span { start: s, .. } if *s == start))
    }
}

/// Paragraphs split on "\n" (the newlines still count in offsets), each a
/// flat list of runs. `spans` must be sorted and non-overlapping.
pub fn paragraphs(text: &str, spans: &[ViewSpan]) -> Vec<Para> {
    let table = OffsetTable::new(text);
    let slice = |a: usize, b: usize| {
        let r = table.to_bytes(a..b).expect("offsets inside the text");
        text[r.as_range()].to_string()
    };
    let mut lines = Vec::new();
    let mut ls = 0;
    for (ci, c) in text.chars().enumerate() {
        if c == '\n' {
            lines.push((ls, ci));
            ls = ci + 1;
        }
    }
    lines.push((ls, table.char_len()));
    let n = table.char_len();
    let mut si = 0;
    lines
        .into_iter()
        .map(|(ls, le)| {
            let mut runs = Vec::new();
            let mut pos = ls;
            while let Some(s) = spans.get(si) {
                if s.start >= le {
                    break;
                }
                let (a, b) = (s.start.max(pos).min(n), s.end.min(le));
                if a > pos {
                    runs.push(Run::Text { start: pos, text: slice(pos, a) });
                }
                if b > a {
                    runs.push(Run::Span {
                        start: s.start,
                        end: s.end,
                        at: a,
                        label: s.label.clone(),
                        state: s.state,
                        confidence: s.confidence,
                        text: slice(a, b),
                    });
                }
                pos = pos.max(b);
                if s.end <= le {
                    si += 1;
                } else {
                    break;
                }
            }
            if pos < le {
                runs.push(Run::Text { start: pos, text: slice(pos, le) });
            }
            Para { start: ls, end: le, runs }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vs(start: usize, end: usize, label: &str) -> ViewSpan {
        ViewSpan { start, end, label: label.into(), state: SpanState::Suggested, confidence: None }
    }

    fn concat(paras: &[Para]) -> String {
        paras
            .iter()
            .map(|p| {
                p.runs
                    .iter()
                    .map(|r| match r {
                        Run::Text { text, .. } | Run::Span { text, .. } => text.as_str(),
                    })
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn runs_cover_the_text_and_keep_offsets() {
        let text = "ایران 🙂 و چین\n\nسال 2025 در تهران";
        let spans = [vs(0, 5, "LOC"), vs(10, 13, "LOC"), vs(15, 23, "DATE")];
        let paras = paragraphs(text, &spans);
        assert_eq!(paras.len(), 3);
        assert_eq!(concat(&paras), text);
        assert_eq!(paras[1].runs, vec![]);
        assert_eq!(paras[2].start, 15);
        match &paras[0].runs[2] {
            Run::Span { start, text, .. } => assert_eq!((*start, text.as_str()), (10, "چین")),
            r => panic!("{r:?}"),
        }
        match &paras[2].runs[1] {
            Run::Text { start, text } => assert_eq!((*start, text.as_str()), (23, " در تهران")),
            r => panic!("{r:?}"),
        }
    }

    #[test]
    fn a_span_across_a_line_break_is_split() {
        let text = "الف ب\nج د";
        let paras = paragraphs(text, &[vs(4, 7, "ORG")]);
        assert_eq!(concat(&paras), text);
        assert!(paras[0].has_span(4) && paras[1].has_span(4));
        match &paras[1].runs[0] {
            Run::Span { at, text, .. } => assert_eq!((*at, text.as_str()), (6, "ج")),
            r => panic!("{r:?}"),
        }
    }
}
