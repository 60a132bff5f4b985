//! Spans in the two frames: [`Span`] (code points, the public JSON frame)
//! and [`Entity`] (bytes, inside Rust).

use crate::error::{Error, ErrorKind};
use crate::offsets::{ByteRange, OffsetTable};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A labelled span in **code points** of the original text, end exclusive:
/// the spaCy/Prodigy/doccano convention and the JSONL format.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// The first code point.
    pub start: usize,
    /// The code point after the last one.
    pub end: usize,
    /// The label's name (`PER`, `LOC`, …).
    pub label: String,
}

impl Span {
    /// `start..end` labelled `label`.
    pub fn new(start: usize, end: usize, label: impl Into<String>) -> Self {
        Span { start, end, label: label.into() }
    }
    /// Whether the two share at least one code point.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A labelled range in **bytes** of the original text, as recognizers find it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Entity {
    /// Where it is, in bytes of the original text.
    pub range: ByteRange,
    /// One of the [`labels`](crate::labels) constants.
    pub label: &'static str,
}

impl Entity {
    /// `range` labelled `label`.
    pub fn new(range: impl Into<ByteRange>, label: &'static str) -> Self {
        Entity { range: range.into(), label }
    }
    /// This entity as a code point [`Span`].
    pub fn to_span(&self, table: &OffsetTable) -> Span {
        let r = table.to_chars(self.range);
        Span::new(r.start, r.end, self.label)
    }
}

/// Keeps a non-overlapping subset: longer entities win, then earlier ones.
/// The result is sorted by start.
///
/// The kept entities are disjoint, so they are held by start: a candidate
/// overlaps one of them only if it overlaps the last one starting before
/// its end. That is one look-up per candidate, `O(n log n)` in all.
pub fn resolve_overlaps(mut entities: Vec<Entity>) -> Vec<Entity> {
    entities.retain(|e| !e.range.is_empty());
    entities.sort_by(|a, b| b.range.len().cmp(&a.range.len()).then(a.range.start.cmp(&b.range.start)));
    let mut kept: BTreeMap<usize, Entity> = BTreeMap::new();
    for e in entities {
        if !overlaps_kept(&kept, &e.range) {
            kept.insert(e.range.start, e);
        }
    }
    kept.into_values().collect()
}

/// Whether `r` overlaps any of `kept`: disjoint ranges by start, so the one
/// starting last before `r.end` also ends last among them.
fn overlaps_kept(kept: &BTreeMap<usize, Entity>, r: &ByteRange) -> bool {
    kept.range(..r.end).next_back().is_some_and(|(_, k)| k.range.overlaps(r))
}

/// Checks spans against a text of `char_len` code points: each in range and
/// non-empty, sorted, none overlapping. Returns the first problem, an
/// [`ErrorKind::BadSpans`] error.
pub fn check_spans(spans: &[Span], char_len: usize) -> Result<(), Error> {
    let bad = |message: String| Err(Error::new(ErrorKind::BadSpans, message));
    for (i, s) in spans.iter().enumerate() {
        if s.start >= s.end || s.end > char_len {
            return bad(format!(
                "span {i} [{}, {}) is empty or outside the text ({char_len} code points)",
                s.start, s.end
            ));
        }
        if s.label.trim().is_empty() {
            return bad(format!("span {i} has no label"));
        }
        if i > 0 {
            let p = &spans[i - 1];
            if p.start > s.start {
                return bad(format!("spans {} and {i} are not sorted by start", i - 1));
            }
            if p.overlaps(s) {
                return bad(format!(
                    "spans {} [{}, {}) and {i} [{}, {}) overlap",
                    i - 1,
                    p.start,
                    p.end,
                    s.start,
                    s.end
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_wins() {
        let org = Entity::new(0..10, "ORG");
        let loc = Entity::new(6..10, "LOC");
        let per = Entity::new(12..15, "PER");
        assert_eq!(resolve_overlaps(vec![loc, per.clone(), org.clone()]), vec![org, per]);
    }

    /// The quadratic definition: each entity, longest first, against all kept.
    fn resolve_naive(mut entities: Vec<Entity>) -> Vec<Entity> {
        entities.retain(|e| !e.range.is_empty());
        entities.sort_by(|a, b| b.range.len().cmp(&a.range.len()).then(a.range.start.cmp(&b.range.start)));
        let mut kept: Vec<Entity> = Vec::new();
        for e in entities {
            if !kept.iter().any(|k| k.range.overlaps(&e.range)) {
                kept.push(e);
            }
        }
        kept.sort_by_key(|e| e.range.start);
        kept
    }

    proptest::proptest! {
        #[test]
        fn resolve_agrees_with_the_naive_definition(
            v in proptest::collection::vec((0usize..60, 0usize..12, 0usize..3), 0..40)
        ) {
            let labels = ["PER", "ORG", "LOC"];
            let entities: Vec<Entity> = v.iter().map(|&(s, l, k)| Entity::new(s..s + l, labels[k])).collect();
            proptest::prop_assert_eq!(resolve_overlaps(entities.clone()), resolve_naive(entities));
        }
    }

    #[test]
    fn check_finds_overlap() {
        let spans = [Span::new(0, 4, "PER"), Span::new(3, 6, "ORG")];
        let e = check_spans(&spans, 10).unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::BadSpans);
        assert!(e.message().contains("overlap"), "{e}");
        assert!(check_spans(&spans[..1], 3).is_err());
        assert!(check_spans(&spans[..1], 4).is_ok());
    }
}
