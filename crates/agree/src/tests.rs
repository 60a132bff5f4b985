//! Properties of the whole report on random annotations.

use super::*;
use barchasb_core::{Document, Span};
use proptest::prelude::*;

const WORDS: [&str; 8] = ["ایران", "می‌رود", "چین", "۱۴۰۲", "CHINALCO", "«سنگ‌آهن»", "🙂", "،"];
const LABELS: [&str; 3] = ["LOC", "ORG", "PER"];

/// A text of words, and per annotator one action per token: 0 outside,
/// 1–3 a new span of that label, 4 the span before goes on.
fn case(annotators: usize) -> impl Strategy<Value = (String, Vec<Vec<u8>>)> {
    prop::collection::vec(0..WORDS.len(), 1..25).prop_flat_map(move |w| {
        let text = w.iter().map(|&i| WORDS[i]).collect::<Vec<_>>().join(" ");
        let n = tags::token_ranges(&text).len();
        (Just(text), prop::collection::vec(prop::collection::vec(0u8..5, n), annotators))
    })
}

fn spans_of(text: &str, actions: &[u8]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut open = false;
    for (t, &a) in tags::token_ranges(text).iter().zip(actions) {
        match a {
            0 => open = false,
            4 if open => out.last_mut().unwrap().end = t.end,
            4 => {}
            l => {
                out.push(Span::new(t.start, t.end, LABELS[l as usize - 1]));
                open = true;
            }
        }
    }
    out
}

fn docs(text: &str, actions: &[Vec<u8>]) -> Vec<Vec<Document>> {
    actions
        .iter()
        .map(|a| {
            let mut d = Document::new("d", text);
            d.spans = spans_of(text, a);
            vec![d]
        })
        .collect()
}

fn report(all: &[Vec<Document>]) -> Report {
    let names = ["A", "B", "C", "D"];
    let anns: Vec<Annotator> = all.iter().zip(names).map(|(d, name)| Annotator { name, docs: d }).collect();
    agree(&anns).unwrap()
}

/// Every measure of the report, F1s included.
fn measures(r: &Report) -> Vec<Option<f64>> {
    let mut v = vec![r.f1(), r.partial_f1(), r.kappa(), r.fleiss_kappa, r.alpha];
    for p in &r.pairs {
        v.extend([p.cohen_kappa, p.exact_total().f1(), p.partial_total().f1()]);
        v.extend(p.cohen_kappa_by_label.iter().copied());
        v.extend(p.exact.iter().chain(&p.partial).map(Matches::f1));
    }
    for l in &r.by_label {
        v.extend([l.f1, l.partial_f1, l.kappa, l.fleiss_kappa, l.alpha]);
    }
    v
}

proptest! {
    #[test]
    fn identical_annotations_agree_fully((text, actions) in case(1), n in 2usize..5) {
        let all = docs(&text, &vec![actions[0].clone(); n]);
        let r = report(&all);
        for m in measures(&r).into_iter().flatten() {
            prop_assert_eq!(m, 1.0);
        }
        for p in &r.pairs {
            let none = r.labels.len();
            for (i, row) in p.confusion.iter().enumerate() {
                for (j, &c) in row.iter().enumerate() {
                    prop_assert!(c == 0 || (i == j && i != none), "{:?}", p.confusion);
                }
            }
        }
    }

    #[test]
    fn measures_are_bounded_and_pairs_symmetric((text, actions) in case(3)) {
        let all = docs(&text, &actions);
        let r = report(&all);
        for m in measures(&r).into_iter().flatten() {
            prop_assert!((-1.0..=1.0).contains(&m), "{} in {:?}", m, r);
        }
        let swapped = report(&[all[1].clone(), all[0].clone()]);
        let ab = &report(&all[..2]).pairs[0];
        let ba = &swapped.pairs[0];
        prop_assert_eq!(ab.exact_total().f1(), ba.exact_total().f1());
        prop_assert_eq!(ab.partial_total().f1(), ba.partial_total().f1());
        prop_assert_eq!(ab.cohen_kappa, ba.cohen_kappa);
        let n = ab.confusion.len();
        for i in 0..n {
            for j in 0..n {
                prop_assert_eq!(ab.confusion[i][j], ba.confusion[j][i]);
            }
        }
        for p in &r.pairs {
            prop_assert!(p.exact_total().matched <= p.partial_total().matched);
            let n = p.confusion.len();
            // Every span of a is in one cell of a label's row, every span of b in one of a label's column.
            let rows: usize = p.confusion[..n - 1].iter().flatten().sum();
            let cols: usize = p.confusion.iter().map(|row| row[..n - 1].iter().sum::<usize>()).sum();
            prop_assert_eq!(rows, all[p.a][0].spans.len());
            prop_assert_eq!(cols, all[p.b][0].spans.len());
        }
    }
}

#[test]
fn the_report_counts_shared_documents_tokens_and_what_was_left_out() {
    let mut a1 = Document::new("x", "علی به تهران رفت");
    a1.spans = vec![Span::new(0, 3, "PER"), Span::new(7, 12, "LOC")];
    let mut b1 = a1.clone();
    b1.spans = vec![Span::new(0, 3, "PER"), Span::new(7, 12, "ORG")];
    let a = vec![a1, Document::new("only-a", "چین")];
    let b = vec![b1];
    let r = report(&[a, b]);
    assert_eq!((r.documents, r.tokens), (1, 4));
    assert_eq!(r.left_out, [vec!["only-a".to_string()], vec![]]);
    assert_eq!(r.labels, ["LOC", "ORG", "PER"]);
    let p = &r.pairs[0];
    assert_eq!(p.exact_total(), Matches { a: 2, b: 2, matched: 1 });
    // Tags A: B-PER O B-LOC O, B: B-PER O B-ORG O: p_o = 3/4,
    // p_e = (1·1 + 2·2)/16 = 5/16, κ = (12/16 − 5/16)/(11/16) = 7/11.
    assert!((p.cohen_kappa.unwrap() - 7.0 / 11.0).abs() < 1e-12);
    assert_eq!(p.confusion[0][1], 1); // LOC → ORG
    assert_eq!(r.by_label[2].kappa, Some(1.0)); // PER agreed
    assert_eq!(r.by_label[0].spans, [1, 0]);
}
