//! Shared by the news fixture tests (`news_own`, `news_heldout`): read a
//! fixture of hand-labelled sentences, check it, score the extractor on it.

use barchasb_core::{check_spans, Scores, Span};
use barchasb_rules::extract;
use std::path::Path;

/// The documents of `tests/fixtures/NAME`: (id, text, gold spans).
pub fn docs(name: &str) -> Vec<(String, String, Vec<Span>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("fixture line is JSON");
            let id = v["id"].as_str().expect("id").to_string();
            let text = v["text"].as_str().expect("text").to_string();
            let spans: Vec<Span> = serde_json::from_value(v["spans"].clone()).expect("spans");
            (id, text, spans)
        })
        .collect()
}

fn show(text: &str, s: &Span) -> String {
    let covered: String = text.chars().skip(s.start).take(s.end - s.start).collect();
    format!("{} «{covered}»", s.label)
}

/// Asserts the fixture has at least `min_docs` documents with valid spans.
pub fn assert_well_formed(name: &str, min_docs: usize) {
    let docs = docs(name);
    assert!(docs.len() >= min_docs, "at least {min_docs} sentences, got {}", docs.len());
    for (id, text, spans) in &docs {
        let check = check_spans(spans, text.chars().count());
        assert!(check.is_ok(), "{id}: {check:?}");
    }
}

/// Prints misses, spurious spans and per-label scores of the extractor on
/// the fixture; fails if micro F1 is below `floor`.
pub fn assert_micro_f1_at_least(name: &str, floor: f64) {
    let mut scores = Scores::default();
    for (id, text, gold) in docs(name) {
        let pred = extract(&text);
        for g in gold.iter().filter(|g| !pred.contains(g)) {
            println!("{id}: missed   {}", show(&text, g));
        }
        for p in pred.iter().filter(|p| !gold.contains(p)) {
            println!("{id}: spurious {}", show(&text, p));
        }
        scores.add(&gold, &pred);
    }
    let f1 = scores.micro().f1();
    println!("{}", scores.report());
    println!("micro F1 {f1:.4}");
    assert!(f1 >= floor, "micro F1 {f1:.4} < floor {floor}\n{}", scores.report());
}
