//! `barchasb train`: trains the tagger from CoNLL/IOB or JSONL, reports dev
//! scores per epoch and writes the model.

use crate::input::{load, load_conll, Loaded};
use crate::score;
use anyhow::{bail, Context, Result};
use barchasb_core::{tokenize, Document, LabelSet, Span, Status};
use barchasb_formats::to_conll;
use barchasb_rules::Extractor;
use barchasb_tagger::{SplitMix64, Tagger, Trainer};
use lexopt::ValueExt;
use std::collections::{BTreeSet, HashMap};
use std::time::Instant;

/// CoNLL sentences are split into train and dev in blocks of this many
/// consecutive sentences (`--split-block`), so that one article's sentences
/// (and its names) mostly stay on one side.
const BLOCK: usize = 20;

struct Options {
    conll: Vec<String>,
    jsonl: Vec<String>,
    calibrate: Vec<String>,
    out: Option<String>,
    epochs: usize,
    seed: u64,
    dev_split: f64,
    dev_out: Option<String>,
    hash_bits: u8,
    block: usize,
}

fn options(mut args: lexopt::Parser) -> Result<Options> {
    let mut o = Options {
        conll: vec![],
        jsonl: vec![],
        calibrate: vec![],
        out: None,
        epochs: 20,
        seed: 1,
        dev_split: 0.1,
        dev_out: None,
        hash_bits: 20,
        block: BLOCK,
    };
    while let Some(arg) = args.next()? {
        match arg {
            lexopt::Arg::Long("conll") => {
                for v in args.values()? {
                    o.conll.push(v.string()?);
                }
            }
            lexopt::Arg::Long("jsonl") => {
                for v in args.values()? {
                    o.jsonl.push(v.string()?);
                }
            }
            lexopt::Arg::Long("calibrate") => {
                for v in args.values()? {
                    o.calibrate.push(v.string()?);
                }
            }
            lexopt::Arg::Long("out") => o.out = Some(args.value()?.string()?),
            lexopt::Arg::Long("epochs") => o.epochs = args.value()?.parse()?,
            lexopt::Arg::Long("seed") => o.seed = args.value()?.parse()?,
            lexopt::Arg::Long("dev-split") => o.dev_split = args.value()?.parse()?,
            lexopt::Arg::Long("dev-out") => o.dev_out = Some(args.value()?.string()?),
            lexopt::Arg::Long("hash-bits") => o.hash_bits = args.value()?.parse()?,
            lexopt::Arg::Long("split-block") => o.block = args.value()?.parse::<usize>()?.max(1),
            other => bail!("{}", other.unexpected()),
        }
    }
    if o.conll.is_empty() && o.jsonl.is_empty() {
        bail!("train needs --conll FILE… or --jsonl FILE…");
    }
    if !(0.0..1.0).contains(&o.dev_split) {
        bail!("--dev-split must be in [0, 1), not {}", o.dev_split);
    }
    Ok(o)
}

/// Labels in the data, in the default label set's order, then others sorted.
fn labels_of(docs: &[Document]) -> Vec<String> {
    let found: BTreeSet<&str> = docs.iter().flat_map(|d| d.spans.iter().map(|s| s.label.as_str())).collect();
    let default = LabelSet::default();
    let mut labels: Vec<String> = default.names().filter(|n| found.contains(n)).map(String::from).collect();
    labels.extend(found.iter().filter(|n| default.get(n).is_none()).map(|n| n.to_string()));
    labels
}

/// The documents of a JSONL file that are annotated. In the app's export
/// each line has a status: only documents marked done are taken (one still
/// in progress may lack spans, and a new one has only suggestions, which
/// would teach the model that its names are not entities). A file without
/// statuses (a gold file: every line reads as `new`) is taken whole, unless
/// no line has a span at all. What is left out is said on stderr.
fn annotated(file: &str, docs: Vec<Document>) -> Vec<Document> {
    let exported = docs.iter().any(|d| d.status != Status::New);
    let total = docs.len();
    let kept: Vec<Document> = if exported {
        docs.into_iter().filter(|d| d.status == Status::Done).collect()
    } else if docs.iter().all(|d| d.spans.is_empty()) {
        vec![]
    } else {
        docs
    };
    if kept.len() < total {
        let why = if exported { "not marked done" } else { "no line has a confirmed span" };
        eprintln!("{file}: {} of {total} documents left out ({why})", total - kept.len());
    }
    kept
}

pub fn train(args: lexopt::Parser) -> Result<bool> {
    let o = options(args)?;
    let Some(out) = o.out.clone() else { bail!("train needs --out MODEL") };
    let inputs: Vec<&String> = o.conll.iter().chain(&o.jsonl).chain(&o.calibrate).collect();
    crate::input::check_not_input(&out, &inputs)?;
    if let Some(d) = &o.dev_out {
        crate::input::check_not_input(d, &inputs)?;
    }
    // Units of splitting: blocks of CoNLL sentences, single JSONL documents.
    let mut units: Vec<Vec<Document>> = Vec::new();
    let mut all = Loaded::default();
    for f in &o.conll {
        let l = load_conll(f);
        all.errors.extend(l.errors);
        let mut docs = l.docs.into_iter().peekable();
        while docs.peek().is_some() {
            units.push(docs.by_ref().take(o.block).collect());
        }
    }
    for f in &o.jsonl {
        let l = load(f);
        all.errors.extend(l.errors);
        units.extend(annotated(f, l.docs).into_iter().map(|d| vec![d]));
    }
    let mut calibration = Vec::new();
    for f in &o.calibrate {
        let l = load(f);
        all.errors.extend(l.errors);
        calibration.extend(annotated(f, l.docs));
    }
    let ok = !all.report_errors();
    SplitMix64::new(o.seed).shuffle(&mut units);
    let n_dev = (units.len() as f64 * o.dev_split).round() as usize;
    let dev: Vec<Document> = units[..n_dev].iter().flatten().cloned().collect();
    let train: Vec<Document> = units[n_dev..].iter().flatten().cloned().collect();
    if train.is_empty() {
        bail!("no training documents (from the app, export after marking documents done)");
    }
    if let Some(path) = &o.dev_out {
        std::fs::write(path, to_conll(&dev)).with_context(|| format!("cannot write {path}"))?;
        eprintln!("dev part written to {path} (CoNLL; for `barchasb eval --conll`)");
    }
    let labels = labels_of(&train);
    eprintln!(
        "train: {} documents, dev: {} documents; labels: {}; hash bits {}; seed {}",
        train.len(),
        dev.len(),
        labels.join(" "),
        o.hash_bits,
        o.seed
    );
    let started = Instant::now();
    let mut trainer = Trainer::new(labels.iter().cloned(), o.hash_bits, o.seed)?;
    for d in &train {
        trainer.add(d);
    }
    eprintln!("features: {:.1} s", started.elapsed().as_secs_f64());
    let scope: BTreeSet<String> = labels.iter().cloned().collect();
    for epoch in 1..=o.epochs {
        let rep = trainer.epoch();
        let line = format!(
            "epoch {epoch:>2}: train errors {:.2}% of {} tokens; {:.1} s",
            100.0 * rep.wrong as f64 / rep.tokens.max(1) as f64,
            rep.tokens,
            started.elapsed().as_secs_f64()
        );
        if dev.is_empty() {
            eprintln!("{line}");
        } else {
            let t = trainer.tagger();
            let pred = dev.iter().map(|d| (d.id.clone(), t.suggest_model_only(&d.text))).collect();
            let m = score(&dev, &pred, Some(&scope)).micro();
            eprintln!("{line}; dev P={:.4} R={:.4} F1={:.4}", m.precision(), m.recall(), m.f1());
        }
    }
    let train_secs = started.elapsed().as_secs_f64();
    let mut tagger = trainer.into_tagger();
    if !dev.is_empty() {
        report_dev(&tagger, &dev, &scope, "model alone");
    }
    // Per label, model or rules: decided on the project's own annotations
    // when given (--calibrate), else on the dev split.
    let evidence = if calibration.is_empty() { &dev } else { &calibration };
    tagger.calibrate(evidence);
    let chosen: Vec<String> =
        tagger.labels().iter().map(|l| format!("{l}:{}", format!("{:?}", tagger.source(l)).to_lowercase())).collect();
    eprintln!("sources chosen on {} documents: {}", evidence.len(), chosen.join(" "));
    if !dev.is_empty() {
        report_dev(&tagger, &dev, &scope, "model + rules");
    }
    let bytes = tagger.to_bytes();
    std::fs::write(&out, &bytes).with_context(|| format!("cannot write {out}"))?;
    eprintln!(
        "training time {train_secs:.1} s; model {out}: {} bytes ({:.2} MB), {} of {} rows used, {} entities remembered",
        bytes.len(),
        bytes.len() as f64 / 1e6,
        tagger.model().rows_used(),
        1usize << o.hash_bits,
        tagger.model().memory().len()
    );
    Ok(ok)
}

/// Prints dev scores (model alone or combined with the rules) and the
/// tagging speed.
fn report_dev(tagger: &Tagger, dev: &[Document], scope: &BTreeSet<String>, what: &str) {
    let tokens: usize = dev.iter().map(|d| tokenize(&d.text).len()).sum();
    let t0 = Instant::now();
    let pred: HashMap<String, Vec<Span>> = dev
        .iter()
        .map(|d| {
            let spans =
                if what == "model alone" { tagger.suggest_model_only(&d.text) } else { tagger.suggest(&d.text) };
            (d.id.clone(), spans)
        })
        .collect();
    let secs = t0.elapsed().as_secs_f64();
    // the rules run inside the tagger (their hits are features): time them alone too
    let extractor = Extractor::new();
    let t0 = Instant::now();
    let found: usize = dev.iter().map(|d| extractor.entities(&d.text).len()).sum();
    let rule_secs = t0.elapsed().as_secs_f64();
    println!(
        "dev, {what} ({tokens} tokens tagged at {:.0} tokens/s; the rules alone: {:.0} tokens/s, {found} hits):",
        tokens as f64 / secs,
        tokens as f64 / rule_secs
    );
    print!("{}", score(dev, &pred, Some(scope)).report());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_annotated_documents_are_trained_on() {
        let doc = |id: &str, status, spans: usize| {
            let mut d = Document::new(id, "حسن روحانی در تهران");
            d.status = status;
            d.spans = [Span::new(0, 10, "PER"), Span::new(14, 19, "LOC")][..spans].to_vec();
            d
        };
        let ids = |docs: Vec<Document>| docs.into_iter().map(|d| d.id).collect::<Vec<_>>();
        // the app's export: done ones only
        let export = vec![doc("a", Status::Done, 2), doc("b", Status::InProgress, 1), doc("c", Status::New, 0)];
        assert_eq!(ids(annotated("x.jsonl", export)), ["a"]);
        // a gold file (no statuses): all of it, sentences without entities too
        let gold = vec![doc("a", Status::New, 2), doc("b", Status::New, 0)];
        assert_eq!(ids(annotated("gold.jsonl", gold)), ["a", "b"]);
        // an export with nothing done and nothing confirmed: nothing
        assert!(annotated("x.jsonl", vec![doc("a", Status::New, 0)]).is_empty());
    }
}
