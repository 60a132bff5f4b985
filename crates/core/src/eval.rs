//! Exact-match entity scoring: a predicted span counts only when start, end
//! and label all equal a gold span's (conlleval convention).

use crate::span::Span;
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write;

/// Exact-match counts of one label (or of all, [`Scores::micro`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// True positives: predicted spans equal to a gold span.
    pub tp: usize,
    /// False positives: predicted spans that match no gold span.
    pub fp: usize,
    /// False negatives: gold spans no prediction matched.
    pub fn_: usize,
}

impl Counts {
    /// `tp / (tp + fp)`; 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// `tp / (tp + fn)`; 0 when there is no gold span.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// The harmonic mean of precision and recall; 0 when both are.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Per-label counts accumulated over documents.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// Counts by label name, in name order.
    pub by_label: BTreeMap<String, Counts>,
}

impl Scores {
    /// Adds one document's gold and predicted spans.
    pub fn add(&mut self, gold: &[Span], pred: &[Span]) {
        let g: HashSet<&Span> = gold.iter().collect();
        let p: HashSet<&Span> = pred.iter().collect();
        for s in &g {
            let c = self.by_label.entry(s.label.clone()).or_default();
            if p.contains(s) {
                c.tp += 1;
            } else {
                c.fn_ += 1;
            }
        }
        for s in p.difference(&g) {
            self.by_label.entry(s.label.clone()).or_default().fp += 1;
        }
    }

    /// Totals over all labels.
    pub fn micro(&self) -> Counts {
        let mut total = Counts::default();
        for c in self.by_label.values() {
            total.add(*c);
        }
        total
    }

    /// A table, one label a line, the last line `micro P=… R=… F1=…`.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{:<10} {:>5} {:>5} {:>5} {:>7} {:>7} {:>7}", "label", "tp", "fp", "fn", "P", "R", "F1");
        for (label, c) in &self.by_label {
            let _ = writeln!(
                out,
                "{:<10} {:>5} {:>5} {:>5} {:>7.4} {:>7.4} {:>7.4}",
                label,
                c.tp,
                c.fp,
                c.fn_,
                c.precision(),
                c.recall(),
                c.f1()
            );
        }
        let m = self.micro();
        let _ = writeln!(out, "micro P={:.4} R={:.4} F1={:.4}", m.precision(), m.recall(), m.f1());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_match_only() {
        let gold = [Span::new(0, 5, "LOC"), Span::new(8, 12, "PER")];
        let pred = [Span::new(0, 5, "LOC"), Span::new(8, 11, "PER"), Span::new(20, 22, "ORG")];
        let mut s = Scores::default();
        s.add(&gold, &pred);
        assert_eq!(s.by_label["LOC"], Counts { tp: 1, fp: 0, fn_: 0 });
        assert_eq!(s.by_label["PER"], Counts { tp: 0, fp: 1, fn_: 1 });
        let m = s.micro();
        assert_eq!((m.tp, m.fp, m.fn_), (1, 2, 1));
        assert!((m.f1() - 0.4).abs() < 1e-9);
        assert!(s.report().trim_end().ends_with("micro P=0.3333 R=0.5000 F1=0.4000"));
    }
}
