//! # barchasb-agree
//!
//! How far annotators agree on the documents they share, for the CLI's
//! `barchasb agree` and, later, the app: exact span+label F1 and
//! partial-overlap F1 per pair of annotators ([`spans`]), Cohen's kappa per
//! pair and Fleiss' kappa and Krippendorff's alpha across all, over the BIO
//! tags of the project's tokens ([`tags`], [`coefficients`]), each also per
//! label on a binary view (is the token in label X or not), and a label
//! confusion matrix per pair. Documents are matched by id; the same id with
//! different texts is an [`Error`], never compared, and documents not held
//! by everyone are listed in [`Report::left_out`], not dropped unsaid. It
//! owns these measures and nothing else: it must not read or write files,
//! know formats, rules or the tagger, or depend on more than barchasb-core,
//! so that it builds for `wasm32-unknown-unknown` and the app shows the
//! CLI's numbers. It also merges annotators' spans for review ([`merge()`]).
//!
//! ```
//! use barchasb_agree::{agree, Annotator};
//! use barchasb_core::{Document, Span};
//! let text = "سمیعی‌نژاد در پکن با رئیس انجمن معدن‌کاری چین دیدار کرد";
//! let mut a = Document::new("d1", text);
//! a.spans = vec![Span::new(0, 10, "PER"), Span::new(14, 17, "LOC")];
//! let mut b = a.clone();
//! b.spans[1].label = "ORG".into(); // b calls پکن an organization
//! let (da, db) = ([a], [b]);
//! let report = agree(&[Annotator { name: "A", docs: &da }, Annotator { name: "B", docs: &db }]).unwrap();
//! assert_eq!(report.f1(), Some(0.5));
//! let loc = report.labels.iter().position(|l| l == "LOC").unwrap();
//! let org = report.labels.iter().position(|l| l == "ORG").unwrap();
//! assert_eq!(report.pairs[0].confusion[loc][org], 1);
//! assert!(report.kappa().unwrap() < 1.0);
//! ```
#![warn(missing_docs)]

pub mod coefficients;
mod error;
pub mod merge;
mod report;
mod shared;
pub mod spans;
pub mod tags;

pub use error::{Error, ErrorKind};
pub use merge::{merge, Dispute, Merged};
pub use report::{LabelAgreement, Pair, Report};
pub use shared::Annotator;
pub use spans::Matches;

use coefficients::{cohen_kappa, fleiss_kappa, krippendorff_alpha};
use std::collections::BTreeSet;
use tags::Tag;

/// A measure as the CLI and the app show it: four decimals, or `n/a`
/// where it is undefined (0/0).
pub fn num(x: Option<f64>) -> String {
    x.map_or("n/a".into(), |x| format!("{x:.4}"))
}

/// Compares two or more annotators on the documents all of them hold (see
/// the crate's documentation for what is measured).
pub fn agree(annotators: &[Annotator]) -> Result<Report, Error> {
    let shared = shared::share(annotators)?;
    let labels: Vec<String> = {
        let all = shared.spans.iter().flatten().flat_map(|d| d.iter().map(|s| s.label.as_str()));
        all.collect::<BTreeSet<_>>().into_iter().map(String::from).collect()
    };
    let label = |l: &str| labels.binary_search_by(|x| x.as_str().cmp(l)).expect("a label of the shared spans");
    let tokens: Vec<_> = shared.texts.iter().map(|t| tags::token_ranges(t)).collect();
    let tags: Vec<Vec<Tag>> = shared
        .spans
        .iter()
        .map(|docs| docs.iter().zip(&tokens).flat_map(|(spans, toks)| tags::bio(toks, spans, label)).collect())
        .collect();
    let binary: Vec<Vec<Vec<u32>>> = (0..labels.len()).map(|l| tags.iter().map(|t| in_label(t, l)).collect()).collect();
    let n = annotators.len();
    let pairs: Vec<Pair> = (0..n)
        .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
        .map(|(a, b)| pair(&shared, &tags, &binary, &label, labels.len(), a, b))
        .collect();
    let mut counts = vec![vec![0; labels.len()]; n];
    for (c, docs) in counts.iter_mut().zip(&shared.spans) {
        docs.iter().flat_map(|d| d.iter()).for_each(|s| c[label(&s.label)] += 1);
    }
    let by_label = (0..labels.len()).map(|l| label_agreement(&pairs, &binary[l], &counts, l)).collect();
    let all: Vec<&[Tag]> = tags.iter().map(Vec::as_slice).collect();
    Ok(Report {
        annotators: annotators.iter().map(|a| a.name.to_string()).collect(),
        documents: shared.texts.len(),
        tokens: tags[0].len(),
        left_out: shared.left_out.clone(),
        fleiss_kappa: fleiss_kappa(&all),
        alpha: krippendorff_alpha(&all),
        pairs,
        by_label,
        labels,
    })
}

/// The binary view of label `l`: 1 where a token is in it, else 0.
fn in_label(tags: &[Tag], l: usize) -> Vec<u32> {
    tags.iter().map(|&t| u32::from(tags::label_of(t) == Some(l))).collect()
}

fn pair(
    shared: &shared::Shared,
    tags: &[Vec<Tag>],
    binary: &[Vec<Vec<u32>>],
    label: &impl Fn(&str) -> usize,
    n_labels: usize,
    a: usize,
    b: usize,
) -> Pair {
    let mut p = Pair {
        a,
        b,
        exact: vec![Matches::default(); n_labels],
        partial: vec![Matches::default(); n_labels],
        cohen_kappa: cohen_kappa(&tags[a], &tags[b]),
        cohen_kappa_by_label: binary.iter().map(|v| cohen_kappa(&v[a], &v[b])).collect(),
        confusion: vec![vec![0; n_labels + 1]; n_labels + 1],
    };
    for (sa, sb) in shared.spans[a].iter().zip(&shared.spans[b]) {
        spans::count(sa, sb, label, &mut p.exact, &mut p.partial);
        spans::confuse(sa, sb, label, n_labels, &mut p.confusion);
    }
    p
}

/// Label `l` across all annotators; `counts[annotator][label]` their spans.
fn label_agreement(pairs: &[Pair], binary: &[Vec<u32>], counts: &[Vec<usize>], l: usize) -> LabelAgreement {
    let views: Vec<&[u32]> = binary.iter().map(Vec::as_slice).collect();
    let fleiss = fleiss_kappa(&views);
    LabelAgreement {
        spans: counts.iter().map(|c| c[l]).collect(),
        f1: report::mean(pairs.iter().map(|p| p.exact[l].f1())),
        partial_f1: report::mean(pairs.iter().map(|p| p.partial[l].f1())),
        kappa: match pairs {
            [one] => one.cohen_kappa_by_label[l],
            _ => fleiss,
        },
        fleiss_kappa: fleiss,
        alpha: krippendorff_alpha(&views),
    }
}

#[cfg(test)]
mod tests;
