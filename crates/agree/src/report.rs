//! What [`agree`](crate::agree) finds: pairwise, per label and across all
//! annotators.

use crate::spans::Matches;

/// The agreement of two or more annotators on the documents they share.
/// Vectors indexed by label follow [`Report::labels`]; by annotator, follow
/// [`Report::annotators`]. `None` where a measure is 0/0 (no span at all
/// for an F1; one category only for a kappa or alpha).
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The annotators' names, in the order given.
    pub annotators: Vec<String>,
    /// Every label any annotator used on a shared document, sorted.
    pub labels: Vec<String>,
    /// The shared documents compared.
    pub documents: usize,
    /// The tokens of the shared documents: the items of the kappas and alpha.
    pub tokens: usize,
    /// For each annotator, the ids of its documents not compared (not held
    /// by every annotator, or a repeated id).
    pub left_out: Vec<Vec<String>>,
    /// Each pair of annotators `a < b`.
    pub pairs: Vec<Pair>,
    /// Fleiss' kappa of all annotators over the BIO tags of the tokens.
    pub fleiss_kappa: Option<f64>,
    /// Krippendorff's alpha (nominal) of all annotators over the same tags.
    pub alpha: Option<f64>,
    /// Per label, on the binary view of each token: in the label or not.
    pub by_label: Vec<LabelAgreement>,
}

/// Two annotators compared, `a` as the reference (every measure here is
/// symmetric but the confusion matrix, whose rows are `a`'s).
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// Index of the first annotator.
    pub a: usize,
    /// Index of the second.
    pub b: usize,
    /// Exact span and label matches, by label.
    pub exact: Vec<Matches>,
    /// Overlapping spans of the same label matched one to one, by label.
    pub partial: Vec<Matches>,
    /// Cohen's kappa over the BIO tags of the tokens.
    pub cohen_kappa: Option<f64>,
    /// Cohen's kappa on each label's binary view, by label.
    pub cohen_kappa_by_label: Vec<Option<f64>>,
    /// `confusion[row][column]`: spans `a` labelled `row` paired with spans
    /// `b` labelled `column`; the last row and column (index
    /// `labels.len()`) are "none", a span the other did not mark.
    pub confusion: Vec<Vec<usize>>,
}

impl Pair {
    /// Exact matches over all labels (micro).
    pub fn exact_total(&self) -> Matches {
        total(&self.exact)
    }
    /// Partial matches over all labels (micro).
    pub fn partial_total(&self) -> Matches {
        total(&self.partial)
    }
}

/// One label's agreement across all annotators.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelAgreement {
    /// Spans of this label, by annotator.
    pub spans: Vec<usize>,
    /// Mean over pairs of the exact F1 (pairs where neither used the label left out).
    pub f1: Option<f64>,
    /// Mean over pairs of the partial-overlap F1.
    pub partial_f1: Option<f64>,
    /// Fleiss' kappa on the binary view (for two annotators as well).
    pub fleiss_kappa: Option<f64>,
    /// Krippendorff's alpha on the binary view.
    pub alpha: Option<f64>,
    /// Cohen's kappa of the pair for two annotators, Fleiss' for more.
    pub kappa: Option<f64>,
}

impl Report {
    /// The mean over pairs of the micro exact F1.
    pub fn f1(&self) -> Option<f64> {
        mean(self.pairs.iter().map(|p| p.exact_total().f1()))
    }
    /// The mean over pairs of the micro partial-overlap F1.
    pub fn partial_f1(&self) -> Option<f64> {
        mean(self.pairs.iter().map(|p| p.partial_total().f1()))
    }
    /// Cohen's kappa for two annotators, Fleiss' for more.
    pub fn kappa(&self) -> Option<f64> {
        match self.pairs.as_slice() {
            [one] => one.cohen_kappa,
            _ => self.fleiss_kappa,
        }
    }
}

fn total(by_label: &[Matches]) -> Matches {
    let mut t = Matches::default();
    by_label.iter().for_each(|m| t.add(*m));
    t
}

/// The mean of the defined values; `None` when there is none.
pub(crate) fn mean(values: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let (sum, n) = values.flatten().fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}
