//! Several annotators' spans of one text, merged for review: the spans
//! every annotator marked alike are settled; the others are grouped into
//! disputes, one per stretch of text where annotators' spans overlap, each
//! with what every annotator marked there (nothing is a version too).

use barchasb_core::Span;
use serde::{Deserialize, Serialize};

/// A stretch of text where the annotators differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dispute {
    /// Start of the stretch (code points): the first start of its spans.
    pub start: usize,
    /// Its end: the last end of its spans.
    pub end: usize,
    /// What each annotator marked in it, in the annotators' order (may be empty).
    pub versions: Vec<Vec<Span>>,
}

/// The settled spans and the disputes of one text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Merged {
    /// Spans every annotator marked with the same bounds and label, sorted.
    pub settled: Vec<Span>,
    /// The rest, by stretch of text, sorted and disjoint.
    pub disputes: Vec<Dispute>,
}

/// Merges the annotators' spans of one text (each version sorted and
/// disjoint, as documents hold them).
pub fn merge(versions: &[&[Span]]) -> Merged {
    let all_have = |s: &Span| versions.iter().all(|v| v.binary_search(s).is_ok());
    let mut out = Merged::default();
    let mut rest: Vec<(usize, &Span)> = Vec::new();
    for (k, v) in versions.iter().enumerate() {
        for s in v.iter() {
            if !all_have(s) {
                rest.push((k, s));
            } else if k == 0 {
                out.settled.push(s.clone());
            }
        }
    }
    rest.sort_by_key(|(_, s)| (s.start, s.end));
    for (k, s) in rest {
        let open = out.disputes.last_mut().filter(|d| s.start < d.end);
        let d = match open {
            Some(d) => d,
            None => {
                let versions = vec![Vec::new(); versions.len()];
                out.disputes.push(Dispute { start: s.start, end: s.end, versions });
                out.disputes.last_mut().expect("just pushed")
            }
        };
        d.end = d.end.max(s.end);
        d.versions[k].push(s.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sp(start: usize, end: usize, label: &str) -> Span {
        Span::new(start, end, label)
    }

    #[test]
    fn same_spans_settle_and_differences_group_by_overlap() {
        let a = [sp(0, 7, "ORG"), sp(10, 14, "LOC"), sp(20, 25, "PER")];
        let b = [sp(0, 7, "ORG"), sp(10, 14, "ORG"), sp(22, 30, "PER"), sp(40, 44, "DATE")];
        let m = merge(&[&a, &b]);
        assert_eq!(m.settled, vec![sp(0, 7, "ORG")]);
        assert_eq!(m.disputes.len(), 3);
        assert_eq!((m.disputes[0].start, m.disputes[0].end), (10, 14));
        assert_eq!(m.disputes[0].versions, vec![vec![sp(10, 14, "LOC")], vec![sp(10, 14, "ORG")]]);
        assert_eq!((m.disputes[1].start, m.disputes[1].end), (20, 30));
        assert_eq!(m.disputes[2].versions, vec![vec![], vec![sp(40, 44, "DATE")]]);
    }

    #[test]
    fn a_span_shared_by_some_of_three_is_disputed() {
        let (a, b, c) = ([sp(0, 3, "LOC")], [sp(0, 3, "LOC")], [sp(0, 3, "ORG")]);
        let m = merge(&[&a, &b, &c]);
        assert!(m.settled.is_empty());
        assert_eq!(m.disputes[0].versions[2], vec![sp(0, 3, "ORG")]);
    }

    fn spans() -> impl Strategy<Value = Vec<Span>> {
        proptest::collection::vec((0usize..40, 1usize..6, 0usize..3), 0..8).prop_map(|v| {
            let mut out: Vec<Span> = Vec::new();
            for (s, len, l) in v {
                if out.iter().all(|o| s + len <= o.start || o.end <= s) {
                    out.push(sp(s, s + len, ["PER", "ORG", "LOC"][l]));
                }
            }
            out.sort();
            out
        })
    }

    proptest! {
        /// Every span of every version is either settled (and in all of them)
        /// or in exactly one dispute, inside its stretch; disputes are disjoint.
        #[test]
        fn nothing_is_lost_and_stretches_are_disjoint(a in spans(), b in spans(), c in spans()) {
            let m = merge(&[&a, &b, &c]);
            for (k, v) in [&a, &b, &c].iter().enumerate() {
                for s in v.iter() {
                    let settled = m.settled.contains(s);
                    let disputed = m.disputes.iter().filter(|d| d.versions[k].contains(s)).count();
                    prop_assert_eq!(settled as usize + disputed, 1);
                    prop_assert_eq!(settled, a.contains(s) && b.contains(s) && c.contains(s));
                }
            }
            for d in &m.disputes {
                prop_assert!(d.versions.iter().flatten().all(|s| d.start <= s.start && s.end <= d.end));
            }
            prop_assert!(m.disputes.windows(2).all(|w| w[0].end <= w[1].start));
            if a == b && b == c { prop_assert!(m.disputes.is_empty()); }
        }
    }
}
