//! The project's own tokens in the frame of code points, as token-based
//! formats carry them: `{text,start,end,id,ws}` (Prodigy's convention:
//! `ws` is true when white space follows the token).

use barchasb_core::{tokenize, OffsetTable, Span};
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
}
