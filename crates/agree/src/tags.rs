//! BIO tags of the project's tokens, the items the token-level measures
//! count.
//!
//! A token is tagged by the first span (in text order) that shares a code
//! point with it: `B-X` when the token before it is not in that span, `I-X`
//! when it is, `O` when no span touches it. The app's spans sit on token
//! boundaries, so this is the usual IOB2 tagging; a span that cuts a token
//! still tags it rather than vanish.

use barchasb_core::{tokenize, OffsetTable, Span};
use std::ops::Range;

/// A tag as a category: 0 is `O`; label `l` (its index in the sorted label
/// list) is `1 + 2l` for `B-` and `2 + 2l` for `I-`.
pub type Tag = u32;

/// The tag `O`.
pub const O: Tag = 0;

/// The `B-` tag of label `l`.
pub fn begin(l: usize) -> Tag {
    1 + 2 * l as Tag
}

/// The label index of a tag, `None` for `O`.
pub fn label_of(tag: Tag) -> Option<usize> {
    (tag != O).then(|| (tag as usize - 1) / 2)
}

/// The tag's name: `O`, `B-X`, `I-X`.
pub fn tag_name(tag: Tag, labels: &[String]) -> String {
    match label_of(tag) {
        None => "O".into(),
        Some(l) => format!("{}-{}", if tag % 2 == 1 { "B" } else { "I" }, labels[l]),
    }
}

/// The code point ranges of the project's tokens of `text`
/// ([`barchasb_core::tokenize`], converted by [`OffsetTable`]).
pub fn token_ranges(text: &str) -> Vec<Range<usize>> {
    let table = OffsetTable::new(text);
    tokenize(text).into_iter().map(|t| table.to_chars(t.range)).collect()
}

/// The tag of each token; `spans` sorted and disjoint, `label` gives a
/// span's label index.
pub fn bio(tokens: &[Range<usize>], spans: &[Span], label: impl Fn(&str) -> usize) -> Vec<Tag> {
    let mut out = Vec::with_capacity(tokens.len());
    let (mut j, mut last) = (0, None);
    for t in tokens {
        while j < spans.len() && spans[j].end <= t.start {
            j += 1;
        }
        let tag = match spans.get(j).filter(|s| s.start < t.end) {
            None => O,
            Some(s) => begin(label(&s.label)) + u32::from(last == Some(j)),
        };
        last = (tag != O).then_some(j);
        out.push(tag);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob2_over_persian_tokens() {
        let text = "شرکت ملی مس ایران(ایمیدرو) گفت";
        let toks = token_ranges(text);
        let labels = ["ORG".to_string(), "LOC".to_string()];
        let idx = |l: &str| labels.iter().position(|x| x == l).unwrap();
        // «شرکت ملی مس» ORG, «ایران» LOC right after it, «ایمیدرو» ORG.
        let spans = [Span::new(0, 11, "ORG"), Span::new(12, 17, "LOC"), Span::new(18, 25, "ORG")];
        let tags: Vec<String> = bio(&toks, &spans, idx).into_iter().map(|t| tag_name(t, &labels)).collect();
        assert_eq!(tags, ["B-ORG", "I-ORG", "I-ORG", "B-LOC", "O", "B-ORG", "O", "O"]);
    }

    #[test]
    fn adjacent_spans_and_a_span_that_cuts_a_token() {
        let text = "علی رضا احمدی";
        let toks = token_ranges(text);
        let idx = |_: &str| 0;
        // Two adjacent PER spans: the second begins again. A span from the
        // middle of «رضا» still tags it.
        let two = [Span::new(0, 3, "PER"), Span::new(4, 13, "PER")];
        assert_eq!(bio(&toks, &two, idx), [1, 1, 2]);
        assert_eq!(bio(&toks, &[Span::new(5, 10, "PER")], idx), [O, 1, 2]);
        assert_eq!(label_of(2), Some(0));
        assert_eq!(label_of(begin(3) + 1), Some(3));
    }
}
