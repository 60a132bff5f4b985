//! BILOU tags over a label list, and the conversions between token tags and
//! entities.
//!
//! Tag `0` is `O`; label `l` has `B` = `1 + 4l` (begins a span of two or more
//! tokens), `I` = `2 + 4l` (inside), `L` = `3 + 4l` (last) and `U` = `4 + 4l`
//! (a one-token span). Only well-formed sequences are decoded (see
//! [`allowed`] and [`allowed_last`]): BILOU gives the perceptron separate
//! weights for a name's first, middle, last and only word, which BIO lumps.

use barchasb_core::ByteRange;
use barchasb_core::Token;

/// A tag index: `0` is `O`, then `B-`/`I-`/`L-`/`U-` per label.
pub type Tag = u16;

pub const O: Tag = 0;

/// Tags per label.
const PER_LABEL: usize = 4;

/// Number of tags for `n` labels.
pub fn n_tags(n_labels: usize) -> usize {
    1 + PER_LABEL * n_labels
}

pub fn begin(label: usize) -> Tag {
    (1 + PER_LABEL * label) as Tag
}

pub fn inside(label: usize) -> Tag {
    (2 + PER_LABEL * label) as Tag
}

pub fn last(label: usize) -> Tag {
    (3 + PER_LABEL * label) as Tag
}

pub fn unit(label: usize) -> Tag {
    (4 + PER_LABEL * label) as Tag
}

/// The label index of a tag; `None` for `O`.
pub fn label_of(tag: Tag) -> Option<usize> {
    (tag != O).then(|| (tag as usize - 1) / PER_LABEL)
}

/// 0 `B`, 1 `I`, 2 `L`, 3 `U` (meaningless for `O`).
fn part(tag: Tag) -> usize {
    (tag as usize + PER_LABEL - 1) % PER_LABEL
}

/// `I` or `L`: continues the span before it.
pub fn continues(tag: Tag) -> bool {
    tag != O && matches!(part(tag), 1 | 2)
}

/// `B` or `I`: the span goes on after it.
fn is_open(tag: Tag) -> bool {
    tag != O && matches!(part(tag), 0 | 1)
}

/// Whether `cur` may follow `prev` (`None`: the start of a sequence): after
/// `B-X`/`I-X` only `I-X` or `L-X`; elsewhere anything but `I`/`L`.
pub fn allowed(prev: Option<Tag>, cur: Tag) -> bool {
    match prev {
        Some(p) if is_open(p) => continues(cur) && label_of(p) == label_of(cur),
        _ => !continues(cur),
    }
}

/// Whether a sequence may end with `tag` (not with an open span).
pub fn allowed_last(tag: Tag) -> bool {
    !is_open(tag)
}

/// Tags for `tokens` from labelled byte ranges: `U` for a range on one
/// token, else `B`, `I`…, `L`. Ranges whose label `index` cannot find
/// (labels outside the tagger's set) and ranges touching no token are left `O`.
pub fn encode(tokens: &[Token], entities: &[(ByteRange, &str)], index: impl Fn(&str) -> Option<usize>) -> Vec<Tag> {
    let mut tags = vec![O; tokens.len()];
    for (range, label) in entities {
        let Some(l) = index(label) else { continue };
        let hit: Vec<usize> = (0..tokens.len()).filter(|&t| tokens[t].range.overlaps(range)).collect();
        match hit[..] {
            [] => {}
            [t] => tags[t] = unit(l),
            [first, .., end] => {
                for &t in &hit {
                    tags[t] = inside(l);
                }
                tags[first] = begin(l);
                tags[end] = last(l);
            }
        }
    }
    tags
}

/// Entities (token index ranges and label index) read back from tags. Ill-formed
/// input is read leniently: an `I`/`L` that does not continue a span of its
/// label starts one, and a span left open ends where the next one starts.
pub fn decode(tags: &[Tag]) -> Vec<(std::ops::Range<usize>, usize)> {
    let mut out: Vec<(std::ops::Range<usize>, usize)> = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let label = label_of(t);
        let goes_on = continues(t) && open.is_some_and(|(_, l)| Some(l) == label);
        if !goes_on {
            if let Some((s, l)) = open.take() {
                out.push((s..i, l));
            }
            if let Some(l) = label {
                open = Some((i, l));
            }
        }
        if t != O && !is_open(t) {
            if let Some((s, l)) = open.take() {
                out.push((s..i + 1, l));
            }
        }
    }
    if let Some((s, l)) = open {
        out.push((s..tags.len(), l));
    }
    out
}

/// Whether a tag sequence obeys [`allowed`] everywhere and [`allowed_last`].
#[cfg(test)]
pub fn is_valid(tags: &[Tag]) -> bool {
    let mut prev = None;
    for &t in tags {
        if !allowed(prev, t) {
            return false;
        }
        prev = Some(t);
    }
    prev.is_none_or(allowed_last)
}

/// Splits a token sequence into sentence-like segments: after `.`, `؟`, `?`,
/// `!` and before a line break, but never before an `I`/`L` tag of `tags` (so
/// a gold entity is never cut). Segments are what one perceptron step sees.
pub fn segments(tokens: &[Token], tags: Option<&[Tag]>) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..tokens.len() {
        let after_stop = matches!(tokens[i - 1].norm.as_str(), "." | "؟" | "?" | "!");
        let cut = (after_stop || tokens[i].line_start) && !tags.is_some_and(|t| continues(t[i]));
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
    use barchasb_core::tokenize;

    #[test]
    fn encode_and_decode_round_trip() {
        let text = "با وجیه‌اله محمد جعفری در تهران";
        let toks = tokenize(text);
        let per = ByteRange::new(text.find("وجیه").unwrap(), text.find(" در").unwrap());
        let loc = ByteRange::new(text.find("تهران").unwrap(), text.len());
        let index = |l: &str| ["PER", "LOC"].iter().position(|x| *x == l);
        let tags = encode(&toks, &[(per, "PER"), (loc, "LOC"), (loc, "DATE")], index);
        assert_eq!(tags, [O, begin(0), inside(0), last(0), O, unit(1)]);
        assert!(is_valid(&tags));
        assert_eq!(decode(&tags), [(1..4, 0), (5..6, 1)]);
    }

    #[test]
    fn ill_formed_tags_are_read_leniently() {
        assert_eq!(decode(&[O, inside(1), last(1), begin(1), inside(0)]), [(1..3, 1), (3..4, 1), (4..5, 0)]);
        assert_eq!(decode(&[begin(0), begin(0), unit(1), last(1)]), [(0..1, 0), (1..2, 0), (2..3, 1), (3..4, 1)]);
        assert_eq!(decode(&[begin(0), inside(0)]), [(0..2, 0)]);
        assert!(!is_valid(&[O, inside(1)]));
        assert!(!is_valid(&[begin(0), last(1)]));
        assert!(!is_valid(&[begin(0), O]));
        assert!(!is_valid(&[unit(0), last(0)]));
        assert!(!is_valid(&[begin(1), inside(1)]));
        assert!(is_valid(&[begin(1), inside(1), last(1), O, unit(0), unit(0)]));
    }

    #[test]
    fn segments_cut_at_stops_but_not_inside_entities() {
        let text = "الف ب. ج د\nه";
        let toks = tokenize(text);
        assert_eq!(segments(&toks, None), [0..3, 3..5, 5..6]);
        let tags = [O, O, O, unit(0), O, O];
        assert_eq!(segments(&toks, Some(&tags)), [0..3, 3..5, 5..6]);
        let tags = [O, O, begin(0), last(0), O, O];
        assert_eq!(segments(&toks, Some(&tags)), [0..5, 5..6]);
    }
}
