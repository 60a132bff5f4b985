//! The tagger beside the rules, on the project's own documents: an annotator
//! corrects news in the app (online `learn` on each document marked done),
//! and the suggestions on the seeds never score below the rules alone.

use barchasb_core::{Document, LabelSet, Scores, Span};
use barchasb_rules::extract;
use barchasb_tagger::Tagger;
use std::path::Path;

/// The documents of a JSONL file, `path` from the workspace root.
fn read_jsonl(path: &str) -> Vec<Document> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(path);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines().filter(|l| !l.trim().is_empty()).map(|l| Document::from_json_line(l, "line").unwrap()).collect()
}

fn seeds_gold() -> Vec<Document> {
    read_jsonl("seeds/gold.jsonl")
}

fn micro_f1(docs: &[Document], suggest: impl Fn(&str) -> Vec<Span>) -> f64 {
    let mut s = Scores::default();
    for d in docs {
        s.add(&d.spans, &suggest(&d.text));
    }
    s.micro().f1()
}

#[test]
fn learning_own_news_never_lowers_the_seeds_below_the_rules() {
    let seeds = seeds_gold();
    let rules = micro_f1(&seeds, extract);
    let mut tagger = Tagger::new(LabelSet::default().names());
    assert_eq!(micro_f1(&seeds, |t| tagger.suggest(t)), rules, "untrained: the rules' suggestions");
    // the rules' hand-labelled news fixtures
    let news: Vec<Document> = ["news-own.jsonl", "news-heldout.jsonl"]
        .iter()
        .flat_map(|f| read_jsonl(&format!("crates/rules/tests/fixtures/{f}")))
        .collect();
    assert!(news.len() >= 90);
    for (k, d) in news.iter().enumerate() {
        tagger.learn(d);
        if (k + 1) % 10 == 0 || k + 1 == news.len() {
            let f1 = micro_f1(&seeds, |t| tagger.suggest(t));
            println!("after {} documents: seeds F1 {f1:.4} (rules {rules:.4})", k + 1);
            assert!(f1 >= rules, "after {} documents: {f1:.4} < rules {rules:.4}", k + 1);
        }
    }
    assert_eq!(tagger.documents_learned() as usize, news.len());
}
