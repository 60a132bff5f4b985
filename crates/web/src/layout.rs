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
    /// It continues the line of the paragraph before it ([`LONG_LINE`]).
    pub cont: bool,
}

impl Para {
    /// Whether the span starting at `start` is in this paragraph.
    pub fn has_span(&self, start: usize) -> bool {
        self.runs.iter().any(|r| matches!(r, Run::Span { start: s, .. } if *s == start))
    }
}

/// Lines longer than this many code points are laid out in pieces of at
/// most this many: a browser lays out one paragraph of megabytes in
/// seconds to minutes (4 MB without a line break: ~9 s), the same text in
/// pieces at once (each piece off screen is skipped, `content-visibility`).
pub const LONG_LINE: usize = 10_000;

/// Where a line longer than [`LONG_LINE`] is cut: after a white space and
/// outside every span (`(start, end, cut)`: `cut` when the piece continues
/// the line before it).
fn cut_long_lines(lines: Vec<(usize, usize)>, text: &str, spans: &[ViewSpan]) -> Vec<(usize, usize, bool)> {
    if lines.iter().all(|(a, b)| b - a <= LONG_LINE) {
        return lines.into_iter().map(|(a, b)| (a, b, false)).collect();
    }
    let chars: Vec<char> = text.chars().collect();
    // Spans are sorted and disjoint: the last one starting before `p` is the only one that can cover it.
    let inside = |p: usize| {
        let k = spans.partition_point(|s| s.start < p);
        k > 0 && spans[k - 1].end > p
    };
    let mut out = Vec::new();
    for (a, b) in lines {
        let mut from = a;
        while b - from > LONG_LINE {
            let cut = (from + 1..=from + LONG_LINE).rev().find(|&p| chars[p - 1].is_whitespace() && !inside(p));
            let Some(p) = cut else { break };
            out.push((from, p, from != a));
            from = p;
        }
        out.push((from, b, from != a));
    }
    out
}

/// Paragraphs split on "\n" (the newlines still count in offsets), each a
/// flat list of runs; a line longer than [`LONG_LINE`] is several
/// paragraphs (each after the first `cont`). `spans` must be sorted and
/// non-overlapping.
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
    cut_long_lines(lines, text, spans)
        .into_iter()
        .map(|(ls, le, cont)| {
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
            Para { start: ls, end: le, runs, cont }
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
    fn a_long_line_is_cut_after_white_space_outside_spans_into_pieces_that_join_back() {
        let word = "ایمیدرو ";
        let text: String = word.repeat(4_000) + "\nچین";
        let w = word.chars().count();
        // A span across what would be the first cut (after the last white space within LONG_LINE).
        let first_cut = (LONG_LINE / w) * w;
        let spans = [vs(0, 7, "ORG"), vs(first_cut - w, first_cut + 7, "ORG")];
        let paras = paragraphs(&text, &spans);
        assert!(paras.len() >= 4, "{}", paras.len());
        let joined: String = paras[..paras.len() - 1]
            .iter()
            .flat_map(|p| p.runs.iter())
            .map(|r| match r {
                Run::Text { text, .. } | Run::Span { text, .. } => text.as_str(),
            })
            .collect();
        assert_eq!(joined + "\n" + "چین", text);
        for pair in paras[..paras.len() - 1].windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            assert!(pair[1].cont);
            assert!(pair[0].end - pair[0].start <= LONG_LINE);
            assert!(!spans.iter().any(|s| s.start < pair[0].end && pair[0].end < s.end), "cut inside a span");
        }
        assert!(!paras[0].cont && !paras[paras.len() - 1].cont);
        assert_eq!(paras[0].end, first_cut - w);
    }

    #[test]
    fn short_lines_are_not_cut() {
        let text = "ایران ".repeat(1_000);
        let paras = paragraphs(&text, &[]);
        assert_eq!(paras.len(), 1);
        assert!(!paras[0].cont);
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
