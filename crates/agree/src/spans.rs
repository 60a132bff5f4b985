//! Span-level agreement of two annotators, `a` and `b`, on one document:
//! exact and overlapping matches per label, and the alignment behind the
//! label confusion matrix. Spans of one annotator are sorted and disjoint
//! (the span invariant), which every sweep here relies on.

use barchasb_core::Span;
use std::borrow::Borrow;

/// Spans of `a`, of `b`, and how many of them were matched one to one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Matches {
    /// Spans of annotator `a`.
    pub a: usize,
    /// Spans of annotator `b`.
    pub b: usize,
    /// Pairs matched, each span in at most one pair.
    pub matched: usize,
}

impl Matches {
    /// `2·matched / (a + b)`: F1 with either annotator as the reference, so
    /// it is symmetric. `None` when neither has a span.
    pub fn f1(&self) -> Option<f64> {
        let n = self.a + self.b;
        (n > 0).then(|| 2.0 * self.matched as f64 / n as f64)
    }

    /// Adds another count to this one.
    pub fn add(&mut self, o: Matches) {
        self.a += o.a;
        self.b += o.b;
        self.matched += o.matched;
    }
}

/// Adds `a` and `b`'s spans into `exact` and `partial` (indexed by label).
/// Exact: same start, end and label. Partial: same label and at least one
/// shared code point, matched one to one (a maximum matching, so a long
/// span is not credited for every piece it covers).
pub fn count(a: &[Span], b: &[Span], label: &impl Fn(&str) -> usize, exact: &mut [Matches], partial: &mut [Matches]) {
    // Each span's label is looked up once: the sweeps below compare indices.
    let (la, lb): (Vec<usize>, Vec<usize>) =
        (a.iter().map(|s| label(&s.label)).collect(), b.iter().map(|s| label(&s.label)).collect());
    let (mut by_a, mut by_b) = (vec![Vec::new(); partial.len()], vec![Vec::new(); partial.len()]);
    for (s, &l) in a.iter().zip(&la) {
        exact[l].a += 1;
        partial[l].a += 1;
        by_a[l].push(s);
    }
    for (s, &l) in b.iter().zip(&lb) {
        exact[l].b += 1;
        partial[l].b += 1;
        by_b[l].push(s);
    }
    for (x, y) in same_bounds(a, b) {
        if la[x] == lb[y] {
            exact[la[x]].matched += 1;
        }
    }
    for ((m, al), bl) in partial.iter_mut().zip(&by_a).zip(&by_b) {
        if !al.is_empty() && !bl.is_empty() {
            m.matched += overlapping(al, bl, &vec![false; al.len()], &vec![false; bl.len()]).len();
        }
    }
}

/// Pairs `(i, j)` of `a[i]` and `b[j]` with the same start and end.
fn same_bounds(a: &[Span], b: &[Span]) -> Vec<(usize, usize)> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match (a[i].start, a[i].end).cmp(&(b[j].start, b[j].end)) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push((i, j));
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// A maximum one-to-one matching of overlapping spans, leaving out those
/// marked taken. Greedy in text order: each `a` span takes the first free
/// `b` span it overlaps. That is maximum because both sides are disjoint
/// and sorted: a `b` span before the one taken cannot overlap any later `a`.
fn overlapping<S: Borrow<Span>>(a: &[S], b: &[S], a_taken: &[bool], b_taken: &[bool]) -> Vec<(usize, usize)> {
    let (mut j, mut out) = (0, Vec::new());
    for (i, s) in a.iter().map(Borrow::borrow).enumerate().filter(|(i, _)| !a_taken[*i]) {
        while j < b.len() && (b_taken[j] || b[j].borrow().end <= s.start) {
            j += 1;
        }
        if j < b.len() && b[j].borrow().start < s.end {
            out.push((i, j));
            j += 1;
        }
    }
    out
}

/// Which label each annotator gave where they marked the same text, as
/// cells `[a's label][b's label]` with index `none` for no span. Spans are
/// paired one to one, whatever their labels: first those with the same
/// start and end, then the remaining ones that overlap; a span left alone
/// counts against `none`.
pub fn confuse(a: &[Span], b: &[Span], label: &impl Fn(&str) -> usize, none: usize, cells: &mut [Vec<usize>]) {
    let (mut a_taken, mut b_taken) = (vec![false; a.len()], vec![false; b.len()]);
    let mut pairs = same_bounds(a, b);
    for &(i, j) in &pairs {
        (a_taken[i], b_taken[j]) = (true, true);
    }
    pairs.extend(overlapping(a, b, &a_taken, &b_taken));
    for &(i, j) in &pairs {
        (a_taken[i], b_taken[j]) = (true, true);
        cells[label(&a[i].label)][label(&b[j].label)] += 1;
    }
    for (s, _) in a.iter().zip(&a_taken).filter(|(_, &t)| !t) {
        cells[label(&s.label)][none] += 1;
    }
    for (s, _) in b.iter().zip(&b_taken).filter(|(_, &t)| !t) {
        cells[none][label(&s.label)] += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const LABELS: [&str; 3] = ["LOC", "ORG", "PER"];

    fn idx(l: &str) -> usize {
        LABELS.iter().position(|&x| x == l).unwrap()
    }

    fn spans(v: &[(usize, usize, &str)]) -> Vec<Span> {
        v.iter().map(|&(s, e, l)| Span::new(s, e, l)).collect()
    }

    #[test]
    fn exact_and_partial_counts() {
        let a = spans(&[(0, 5, "PER"), (6, 10, "LOC"), (12, 20, "ORG"), (30, 40, "PER")]);
        let b = spans(&[(0, 5, "PER"), (6, 11, "LOC"), (12, 14, "ORG"), (15, 20, "ORG"), (30, 40, "LOC")]);
        let (mut exact, mut partial) = ([Matches::default(); 3], [Matches::default(); 3]);
        count(&a, &b, &idx, &mut exact, &mut partial);
        assert_eq!(exact[idx("PER")], Matches { a: 2, b: 1, matched: 1 });
        assert_eq!(exact[idx("LOC")], Matches { a: 1, b: 2, matched: 0 });
        // The one ORG span of a overlaps two of b: one pair only.
        assert_eq!(partial[idx("ORG")], Matches { a: 1, b: 2, matched: 1 });
        assert_eq!(partial[idx("LOC")].matched, 1);
        assert_eq!(partial[idx("ORG")].f1(), Some(2.0 / 3.0));
        assert_eq!(Matches::default().f1(), None);
    }

    #[test]
    fn greedy_overlap_matching_is_maximum_on_a_chain() {
        // a0 overlaps b0 and b1, a1 only b1: a0–b0 and a1–b1.
        let a = spans(&[(0, 10, "PER"), (12, 20, "PER")]);
        let b = spans(&[(2, 4, "PER"), (8, 14, "PER")]);
        assert_eq!(overlapping(&a, &b, &[false; 2], &[false; 2]), [(0, 0), (1, 1)]);
    }

    #[test]
    fn confusion_pairs_same_bounds_first_then_overlaps() {
        let a = spans(&[(0, 5, "PER"), (6, 10, "LOC"), (12, 20, "ORG"), (25, 28, "LOC")]);
        let b = spans(&[(0, 5, "ORG"), (6, 9, "LOC"), (12, 20, "ORG"), (30, 33, "PER")]);
        let mut cells = vec![vec![0; 4]; 4];
        confuse(&a, &b, &idx, 3, &mut cells);
        assert_eq!(cells[idx("PER")][idx("ORG")], 1);
        assert_eq!(cells[idx("LOC")][idx("LOC")], 1);
        assert_eq!(cells[idx("ORG")][idx("ORG")], 1);
        assert_eq!(cells[idx("LOC")][3], 1);
        assert_eq!(cells[3][idx("PER")], 1);
        assert_eq!(cells.iter().flatten().sum::<usize>(), 5);
    }

    /// Disjoint sorted spans from gaps and lengths.
    fn family(parts: &[(usize, usize)]) -> Vec<Span> {
        let mut at = 0;
        parts
            .iter()
            .map(|&(gap, len)| {
                at += gap;
                let s = Span::new(at, at + len, "PER");
                at += len;
                s
            })
            .collect()
    }

    /// The size of a maximum matching by augmenting paths (Kuhn), the slow
    /// way the greedy sweep must agree with.
    fn kuhn(a: &[Span], b: &[Span]) -> usize {
        fn augment(i: usize, a: &[Span], b: &[Span], seen: &mut [bool], owner: &mut [Option<usize>]) -> bool {
            for j in 0..b.len() {
                if a[i].overlaps(&b[j]) && !seen[j] {
                    seen[j] = true;
                    if owner[j].is_none_or(|k| augment(k, a, b, seen, owner)) {
                        owner[j] = Some(i);
                        return true;
                    }
                }
            }
            false
        }
        let mut owner = vec![None; b.len()];
        (0..a.len()).filter(|&i| augment(i, a, b, &mut vec![false; b.len()], &mut owner)).count()
    }

    proptest! {
        #[test]
        fn the_greedy_overlap_matching_is_maximum(
            pa in prop::collection::vec((0usize..4, 1usize..6), 0..12),
            pb in prop::collection::vec((0usize..4, 1usize..6), 0..12),
        ) {
            let (a, b) = (family(&pa), family(&pb));
            let m = overlapping(&a, &b, &vec![false; a.len()], &vec![false; b.len()]);
            prop_assert_eq!(m.len(), kuhn(&a, &b));
            prop_assert!(m.iter().all(|&(i, j)| a[i].overlaps(&b[j])));
        }
    }
}
