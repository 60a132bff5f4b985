//! Learning curve of the tagger as the app uses it: an annotator corrects k
//! documents, the tagger learns each (`Tagger::learn`), and the suggestions
//! are scored on the documents not yet seen.
//!
//! Data: first the project's own annotated news (the seeds and the news
//! fixtures, labelled by the guidelines), then real news the rules were not
//! written for (`../shared/news-dev/gold.jsonl`, or the path in
//! `BARCHASB_NEWS_DEV`; the first half in the file's order learned, the
//! second half scored), then ArmanPersoNERCorpus (`../shared/arman/train.txt`, or the path in
//! `BARCHASB_ARMAN`), research-only and never in this repository; its
//! sentences are grouped into pseudo-documents of 20 consecutive sentences.
//! Without it the bench says so and exits.
//!
//! Run: `cargo bench -p barchasb-tagger --bench learning_curve`.

use barchasb_core::{Document, LabelSet, Scores, Span};
use barchasb_formats::parse_conll;
use barchasb_tagger::{SplitMix64, Tagger};
use std::time::Instant;

const SENTENCES_PER_DOC: usize = 20;
const CURVE: [usize; 5] = [0, 5, 10, 20, 50];

fn pseudo_documents(sentences: Vec<Document>) -> Vec<Document> {
    sentences
        .chunks(SENTENCES_PER_DOC)
        .enumerate()
        .map(|(i, chunk)| {
            let mut text = String::new();
            let mut spans = Vec::new();
            for s in chunk {
                if !text.is_empty() {
                    text.push('\n');
                }
                let at = text.chars().count();
                spans.extend(s.spans.iter().map(|x| Span::new(x.start + at, x.end + at, x.label.clone())));
                text.push_str(&s.text);
            }
            let mut d = Document::new(format!("doc{i}"), text);
            d.spans = spans;
            d
        })
        .collect()
}

/// Micro scores over `docs`, counting only ARMAN's labels.
fn score(docs: &[Document], scope: &[&str], suggest: impl Fn(&str) -> Vec<Span>) -> Scores {
    let mut s = Scores::default();
    for d in docs {
        let pred: Vec<Span> = suggest(&d.text).into_iter().filter(|x| scope.contains(&x.label.as_str())).collect();
        s.add(&d.spans, &pred);
    }
    s
}

/// Learns the first k of `annotated` online, one `learn` each, and prints
/// micro F1 on `rest` (labels in `scope`) of the tagger, the model alone and
/// the rules alone at each k of `curve`.
fn curve(annotated: &[Document], rest: &[Document], scope: &[&str], curve: &[usize]) {
    println!("{:>4} {:>10} {:>10} {:>10} {:>12}", "k", "F1 tagger", "F1 model", "F1 rules", "learn ms/doc");
    let mut tagger = Tagger::new(LabelSet::default().names());
    let mut learned = 0;
    let mut learn_secs = 0.0;
    let rules = score(rest, scope, barchasb_rules::extract).micro().f1();
    for &k in curve {
        let t0 = Instant::now();
        while learned < k {
            tagger.learn(&annotated[learned]);
            learned += 1;
        }
        learn_secs += t0.elapsed().as_secs_f64();
        let combined = score(rest, scope, |t| tagger.suggest(t)).micro().f1();
        let model = score(rest, scope, |t| tagger.suggest_model_only(t)).micro().f1();
        let per_doc = if learned == 0 { 0.0 } else { 1000.0 * learn_secs / learned as f64 };
        println!("{k:>4} {:>10.4} {:>10.4} {rules:>10.4} {per_doc:>12.1}", combined, model);
    }
    println!("model after {learned} documents: {} bytes", tagger.to_bytes().len());
}

/// The project's own annotated news (guidelines' labels): the seeds and the
/// two news fixtures, one document per line.
fn own_news() -> Vec<Document> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let files = [
        "seeds/gold.jsonl",
        "crates/rules/tests/fixtures/news-own.jsonl",
        "crates/rules/tests/fixtures/news-heldout.jsonl",
    ];
    let mut docs = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(format!("{root}/{f}")).unwrap_or_else(|e| panic!("{f}: {e}"));
        for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            docs.push(Document::from_json_line(line, &format!("{f}:{}", i + 1)).unwrap());
        }
    }
    docs
}

/// Documents of a JSONL file, or `None` (and why) if it cannot be read.
fn jsonl(path: &str) -> Option<Vec<Document>> {
    let text = std::fs::read_to_string(path).map_err(|e| println!("learning_curve: {path}: {e}; skipped")).ok()?;
    let lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    Some(lines.map(|(i, l)| Document::from_json_line(l, &format!("{path}:{}", i + 1)).unwrap()).collect())
}

/// The news-dev curve: the first half learned in the given order, scored on
/// the second half, all labels.
fn news_dev() {
    let path = std::env::var("BARCHASB_NEWS_DEV")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/news-dev/gold.jsonl").to_string());
    let Some(docs) = jsonl(&path) else { return };
    let (annotated, rest) = docs.split_at(docs.len() / 2);
    let spans: usize = rest.iter().map(|d| d.spans.len()).sum();
    println!(
        "learning curve on news-dev: {} real articles in the file's order; the first {} learned, scored on the other {} ({spans} entities), all labels",
        docs.len(),
        annotated.len(),
        rest.len()
    );
    let labels = LabelSet::default();
    let all: Vec<&str> = labels.names().collect();
    let k: Vec<usize> = [0, 3, 6, annotated.len()].into_iter().filter(|&k| k <= annotated.len()).collect();
    curve(annotated, rest, &all, &k);
}

fn main() {
    let mut own = own_news();
    SplitMix64::new(1).shuffle(&mut own);
    let (annotated, rest) = own.split_at(own.len() - 40);
    let labels = LabelSet::default();
    let all: Vec<&str> = labels.names().collect();
    let spans: usize = rest.iter().map(|d| d.spans.len()).sum();
    println!(
        "learning curve on the project's own news: {} documents (seeds and news fixtures), shuffled; scored on the last 40 ({spans} entities), all labels",
        own.len()
    );
    curve(annotated, rest, &all, &[0, 5, 10, 20, 50]);
    println!();

    news_dev();
    println!();

    let path = std::env::var("BARCHASB_ARMAN")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/arman/train.txt").to_string());
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("learning_curve: ARMAN corpus not found at {path}; skipped (set BARCHASB_ARMAN to run it)");
        return;
    };
    let (sentences, errors) = parse_conll(&path, &text);
    assert!(errors.is_empty(), "{errors:?}");
    let mut docs = pseudo_documents(sentences);
    SplitMix64::new(1).shuffle(&mut docs);
    let max = *CURVE.last().unwrap();
    let (annotated, rest) = docs.split_at(max);
    let scope = ["PER", "ORG", "LOC", "FAC", "EVENT", "AGREEMENT"];
    let rest_spans: usize = rest.iter().map(|d| d.spans.len()).sum();
    println!(
        "learning curve on ARMAN: {} pseudo-documents of {SENTENCES_PER_DOC} sentences; scored on the {} not annotated ({rest_spans} entities)",
        docs.len(),
        rest.len()
    );
    curve(annotated, rest, &scope, &CURVE);
}
