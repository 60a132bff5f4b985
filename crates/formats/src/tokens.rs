//! The project's own tokens in the frame of code points, as token-based
//! formats carry them: `{text,start,end,id,ws}` (Prodigy's convention:
//! `ws` is true when white space follows the token).
//!
//! A span may end inside one of the project's tokens (gold that cuts a name
//! out of words run together, `افکارنیوزبه`): token formats are written
//! with [`doc_tokens`], the tokens split at every boundary of the spans
//! written, so that every such span is whole tokens and nothing is lost.

use barchasb_core::{tokenize, Document, OffsetTable, Span};
use serde::Serialize;

/// One token of a document, offsets in code points of the original text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tok {
    /// The token as it is in the text.
    pub text: String,
    /// Its first code point.
    pub start: usize,
    /// The code point after its last one.
    pub end: usize,
    /// Its index in the document (0-based).
    pub id: usize,
    /// White space follows it in the text.
    pub ws: bool,
}

/// The tokens of `text` ([`barchasb_core::tokenize`]), in code points.
pub fn tokens(text: &str) -> Vec<Tok> {
    let table = OffsetTable::new(text);
    tokenize(text)
        .into_iter()
        .enumerate()
        .map(|(id, t)| {
            let chars = table.to_chars(t.range);
            let ws = text[t.range.end..].chars().next().is_some_and(char::is_whitespace);
            Tok { text: text[t.range.as_range()].to_string(), start: chars.start, end: chars.end, id, ws }
        })
        .collect()
}

/// The tokens of a document as a token format writes them: [`tokens`],
/// each split where a span (and, with `suggestions`, a suggestion) starts
/// or ends inside it; the first part has `ws` false.
pub fn doc_tokens(doc: &Document, suggestions: bool) -> Vec<Tok> {
    let lists: &[&[Span]] = if suggestions { &[&doc.spans, &doc.suggestions] } else { &[&doc.spans] };
    let mut cuts: Vec<usize> = lists.iter().flat_map(|l| l.iter().flat_map(|s| [s.start, s.end])).collect();
    cuts.sort_unstable();
    cuts.dedup();
    split_at(tokens(&doc.text), &cuts, &doc.text)
}

/// `toks` split at each of the sorted `cuts` that falls inside one.
fn split_at(toks: Vec<Tok>, cuts: &[usize], text: &str) -> Vec<Tok> {
    if cuts.is_empty() {
        return toks;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(toks.len());
    for t in toks {
        let inside = cuts.iter().copied().filter(|&c| c > t.start && c < t.end);
        let mut at = t.start;
        for c in inside.chain([t.end]) {
            let last = c == t.end;
            let piece = chars[at..c].iter().collect();
            out.push(Tok { text: piece, start: at, end: c, id: out.len(), ws: last && t.ws });
            at = c;
        }
    }
    out
}

/// The first and last token (inclusive) of a span that starts where a
/// token starts and ends where a token ends; `None` for a span that cuts a
/// token or covers none.
pub fn token_span(toks: &[Tok], span: &Span) -> Option<(usize, usize)> {
    let first = toks.binary_search_by_key(&span.start, |t| t.start).ok()?;
    let last = toks.binary_search_by_key(&span.end, |t| t.end).ok()?;
    (first <= last).then_some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_carry_code_points_and_white_space() {
        let text = "شرکت ایران(ایمیدرو) گفت";
        let toks = tokens(text);
        let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(words, ["شرکت", "ایران", "(", "ایمیدرو", ")", "گفت"]);
        assert_eq!((toks[3].start, toks[3].end, toks[3].ws), (11, 18, false));
        assert!(toks[0].ws && !toks[1].ws && toks[4].ws && !toks[5].ws);
        assert_eq!(token_span(&toks, &Span::new(11, 18, "ORG")), Some((3, 3)));
        assert_eq!(token_span(&toks, &Span::new(0, 10, "ORG")), Some((0, 1)));
        assert_eq!(token_span(&toks, &Span::new(1, 10, "ORG")), None);
    }

    #[test]
    fn a_span_inside_a_token_splits_it() {
        let mut d = Document::new("07", "به گزارش افکارنیوزبه نقل");
        d.spans = vec![Span::new(9, 18, "ORG")];
        d.suggestions = vec![Span::new(3, 5, "X")];
        let toks = doc_tokens(&d, false);
        let words: Vec<(&str, bool)> = toks.iter().map(|t| (t.text.as_str(), t.ws)).collect();
        assert_eq!(words, [("به", true), ("گزارش", true), ("افکارنیوز", false), ("به", true), ("نقل", false)]);
        assert_eq!(toks.iter().map(|t| t.id).collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
        assert_eq!(token_span(&toks, &d.spans[0]), Some((2, 2)));
        assert_eq!(doc_tokens(&d, true).len(), 6);
    }
}
