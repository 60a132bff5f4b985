//! BIO tags over a label list, and the conversions between token tags and
//! entities.
//!
//! Tag `0` is `O`; label `l` has `B` = `1 + 2l` and `I` = `2 + 2l`. An `I-X`
//! may only follow `B-X` or `I-X` (see [`allowed`]).

use crate::offsets::ByteRange;
use crate::tokenize::Token;

/// A tag index: `0` is `O`, then `B-`/`I-` per label.
pub type Tag = u16;

pub const O: Tag = 0;

/// Number of tags for `n` labels.
pub fn n_tags(n_labels: usize) -> usize {
    1 + 2 * n_labels
}

pub fn begin(label: usize) -> Tag {
    (1 + 2 * label) as Tag
}

pub fn inside(label: usize) -> Tag {
    (2 + 2 * label) as Tag
}

/// The label index of a `B`/`I` tag; `None` for `O`.
pub fn label_of(tag: Tag) -> Option<usize> {
    (tag != O).then(|| (tag as usize - 1) / 2)
}

pub fn is_inside(tag: Tag) -> bool {
    tag != O && tag % 2 == 0
}

/// Whether `cur` may follow `prev` (`None`: the start of a sequence).
/// The only forbidden moves are into `I-X` from anything but `B-X`/`I-X`.
pub fn allowed(prev: Option<Tag>, cur: Tag) -> bool {
    if !is_inside(cur) {
        return true;
    }
    match prev {
        Some(p) => p != O && label_of(p) == label_of(cur),
        None => false,
    }
}

/// Tags for `tokens` from labelled byte ranges: the first token a range
/// touches gets `B`, the others `I`. Ranges whose label `index` cannot find
/// (labels outside the tagger's set) and ranges touching no token are left `O`.
pub fn encode(tokens: &[Token], entities: &[(ByteRange, &str)], index: impl Fn(&str) -> Option<usize>) -> Vec<Tag> {
    let mut tags = vec![O; tokens.len()];
    for (range, label) in entities {
        let Some(l) = index(label) else { continue };
        let mut first = true;
        for (t, tok) in tokens.iter().enumerate() {
            if tok.range.overlaps(range) {
                tags[t] = if first { begin(l) } else { inside(l) };
                first = false;
            }
        }
    }
    tags
}

/// Entities (token index ranges and label index) read back from tags. An
/// `I-X` that does not continue an `X` starts one (conlleval convention).
pub fn decode(tags: &[Tag]) -> Vec<(std::ops::Range<usize>, usize)> {
    let mut out: Vec<(std::ops::Range<usize>, usize)> = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let continues = is_inside(t) && open.is_some_and(|(_, l)| Some(l) == label_of(t));
        if continues {
            continue;
        }
        if let Some((s, l)) = open.take() {
            out.push((s..i, l));
        }
        if let Some(l) = label_of(t) {
            open = Some((i, l));
        }
    }
    if let Some((s, l)) = open {
        out.push((s..tags.len(), l));
    }
    out
}

/// Whether a tag sequence obeys [`allowed`] everywhere.
#[cfg(test)]
pub fn is_valid(tags: &[Tag]) -> bool {
    let mut prev = None;
    for &t in tags {
        if !allowed(prev, t) {
            return false;
        }
        prev = Some(t);
    }
    true
}

/// Splits a token sequence into sentence-like segments: after `.`, `؟`, `?`,
/// `!` and before a line break, but never before an `I` tag of `tags` (so a
/// gold entity is never cut). Segments are what one perceptron step sees.
pub fn segments(tokens: &[Token], tags: Option<&[Tag]>) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..tokens.len() {
        let after_stop = matches!(tokens[i - 1].norm.as_str(), "." | "؟" | "?" | "!");
        let cut = (after_stop || tokens[i].line_start) && !tags.is_some_and(|t| is_inside(t[i]));
        if cut {
            out.push(start..i);
            start = i;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    #[test]
    fn encode_and_decode_round_trip() {
        let text = "با وجیه‌اله جعفری در تهران";
        let toks = tokenize(text);
        let per = ByteRange::new(text.find("وجیه").unwrap(), text.find(" در").unwrap());
        let loc = ByteRange::new(text.find("تهران").unwrap(), text.len());
        let index = |l: &str| ["PER", "LOC"].iter().position(|x| *x == l);
        let tags = encode(&toks, &[(per, "PER"), (loc, "LOC"), (loc, "DATE")], index);
        assert_eq!(tags, [O, begin(0), inside(0), O, begin(1)]);
        assert_eq!(decode(&tags), [(1..3, 0), (4..5, 1)]);
    }

    #[test]
    fn stray_inside_starts_an_entity() {
        assert_eq!(decode(&[O, inside(1), inside(1), begin(1), inside(0)]), [(1..3, 1), (3..4, 1), (4..5, 0)]);
        assert!(!is_valid(&[O, inside(1)]));
        assert!(!is_valid(&[begin(0), inside(1)]));
        assert!(is_valid(&[begin(1), inside(1), O, begin(0)]));
    }

    #[test]
    fn segments_cut_at_stops_but_not_inside_entities() {
        let text = "الف ب. ج د\nه";
        let toks = tokenize(text);
        assert_eq!(segments(&toks, None), [0..3, 3..5, 5..6]);
        let tags = [O, O, O, begin(0), O, O];
        assert_eq!(segments(&toks, Some(&tags)), [0..3, 3..5, 5..6]);
        let tags = [O, O, begin(0), inside(0), O, O];
        assert_eq!(segments(&toks, Some(&tags)), [0..5, 5..6]);
    }
}
