//! `barchasb`: the command line over barchasb-rules, barchasb-tagger and
//! barchasb-formats.
//!
//! - `barchasb extract [--model MODEL] [FILE…]` — .txt files, or JSONL
//!   (`{"id","text"}`) files or stdin; writes `{"id","text","spans":[…]}`
//!   lines to stdout. With a model, its suggestions combined with the rules.
//! - `barchasb eval GOLD.jsonl [--pred PRED.jsonl | --model MODEL]` and
//!   `barchasb eval --conll FILE… [--model MODEL]` — per-label and micro
//!   precision/recall/F1, exact span and label match.
//! - `barchasb train (--conll FILE… | --jsonl FILE…) --out MODEL …` — trains
//!   the tagger (see `train.rs`).
//! - `barchasb project PROJECT.json` — reads a project file as the app
//!   does and says what it sets, or which field is wrong.

mod agree;
mod convert;
mod input;
mod project;
mod simulate;
mod stream;
mod train;

use anyhow::{bail, Result};
use barchasb_core::{Document, Scores, Span};
use barchasb_rules::Extractor;
use barchasb_tagger::Tagger;
use input::{load, load_conll, load_model, Loaded};
use lexopt::ValueExt;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage:
  barchasb extract [--model MODEL] [--threads N] [FILE…]  .txt or .jsonl files, or JSONL on stdin
  barchasb eval GOLD.jsonl [--pred PRED.jsonl | --model MODEL]
  barchasb eval --conll FILE… [--model MODEL]
  barchasb train (--conll FILE… | --jsonl FILE…) --out MODEL [--epochs N] [--seed S]
                 [--dev-split F] [--split-block N] [--dev-out FILE] [--hash-bits K]
                 [--calibrate GOLD.jsonl…]
  barchasb simulate GOLD.jsonl [--order given|uncertain] [--explain]
  barchasb project PROJECT.json";

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("barchasb: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Ok(false) when some input was bad but the rest was processed.
fn run() -> Result<bool> {
    let mut args = lexopt::Parser::from_env();
    let cmd = match args.next()? {
        Some(lexopt::Arg::Value(v)) => v.string()?,
        Some(lexopt::Arg::Long("help") | lexopt::Arg::Short('h')) | None => {
            println!("{USAGE}");
            return Ok(true);
        }
        Some(other) => bail!("{}\n{USAGE}", other.unexpected()),
    };
    match cmd.as_str() {
        "extract" => extract(args),
        "eval" => eval(args),
        "train" => train::train(args),
        "convert" => convert::convert(args),
        "export" => convert::export(args),
        "agree" => agree::agree(args),
        "simulate" => simulate::run(args),
        "project" => project::run(args),
        _ => bail!("unknown command {cmd:?}\n{USAGE}"),
    }
}

/// Where suggestions come from: the rules, or a model combined with them.
enum Suggester {
    Rules(Box<Extractor>),
    Model(Box<Tagger>),
}

impl Suggester {
    fn new(model: Option<&str>) -> Result<Suggester> {
        Ok(match model {
            Some(path) => Suggester::Model(Box::new(load_model(path)?)),
            None => Suggester::Rules(Box::new(Extractor::new())),
        })
    }
    fn suggest(&self, text: &str) -> Vec<Span> {
        match self {
            Suggester::Rules(x) => x.extract(text),
            Suggester::Model(t) => t.suggest(text),
        }
    }
}

#[derive(Serialize)]
struct Prediction<'a> {
    id: &'a str,
    text: &'a str,
    spans: &'a [Span],
}

fn extract(mut args: lexopt::Parser) -> Result<bool> {
    let mut files = Vec::new();
    let mut model = None;
    let mut threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    while let Some(arg) = args.next()? {
        match arg {
            lexopt::Arg::Long("model") => model = Some(args.value()?.string()?),
            lexopt::Arg::Long("threads") => threads = args.value()?.parse::<usize>()?.max(1),
            lexopt::Arg::Value(v) => files.push(v.string()?),
            other => bail!("{}", other.unexpected()),
        }
    }
    if files.is_empty() {
        files.push("-".into());
    }
    let suggester = Suggester::new(model.as_deref())?;
    let tag = |doc: &Document| {
        let spans = suggester.suggest(&doc.text);
        serde_json::to_string(&Prediction { id: &doc.id, text: &doc.text, spans: &spans }).expect("serializes")
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut ok = true;
    for f in &files {
        if let Some(reader) = input::utf8_jsonl_stream(f)? {
            // JSONL in UTF-8 (stdin, or a file): streamed, on every core.
            let name = if f == "-" { "<stdin>" } else { f.as_str() };
            ok &= stream::extract_lines(name, reader, &mut out, threads, tag)? == 0;
            continue;
        }
        let loaded = load(f);
        ok &= !loaded.report_errors();
        for doc in &loaded.docs {
            writeln!(out, "{}", tag(doc))?;
        }
    }
    out.flush()?;
    Ok(ok)
}

fn eval(mut args: lexopt::Parser) -> Result<bool> {
    let (mut gold, mut pred, mut model) = (None, None, None);
    let mut conll: Vec<String> = Vec::new();
    while let Some(arg) = args.next()? {
        match arg {
            lexopt::Arg::Long("pred") => pred = Some(args.value()?.string()?),
            lexopt::Arg::Long("model") => model = Some(args.value()?.string()?),
            lexopt::Arg::Long("conll") => {
                for v in args.values()? {
                    conll.push(v.string()?);
                }
            }
            lexopt::Arg::Value(v) if gold.is_none() => gold = Some(v.string()?),
            other => bail!("{}", other.unexpected()),
        }
    }
    if pred.is_some() && model.is_some() {
        bail!("eval takes --pred or --model, not both\n{USAGE}");
    }
    let (gold, mut ok, scope) = match (gold, conll.is_empty()) {
        (Some(g), true) => {
            let gold = load(&g);
            let ok = !gold.report_errors();
            (gold, ok, None)
        }
        (None, false) => {
            let mut all = Loaded::default();
            for f in &conll {
                let l = load_conll(f);
                all.docs.extend(l.docs);
                all.errors.extend(l.errors);
            }
            let ok = !all.report_errors();
            // A CoNLL file annotates only its own tag set: predictions of other
            // labels (DATE from the rules on ARMAN) are neither right nor wrong.
            let scope: BTreeSet<String> =
                all.docs.iter().flat_map(|d| d.spans.iter().map(|s| s.label.clone())).collect();
            (all, ok, Some(scope))
        }
        _ => bail!("eval needs one gold JSONL file or --conll FILE…\n{USAGE}"),
    };
    let predicted: HashMap<String, Vec<Span>> = match pred {
        Some(p) => {
            let p = load(&p);
            ok &= !p.report_errors();
            p.docs.into_iter().map(|d| (d.id, d.spans)).collect()
        }
        None => {
            let s = Suggester::new(model.as_deref())?;
            gold.docs.iter().map(|d| (d.id.clone(), s.suggest(&d.text))).collect()
        }
    };
    let scores = score(&gold.docs, &predicted, scope.as_ref());
    print!("{}", scores.report());
    Ok(ok)
}

/// Scores predictions against gold documents; with a `scope`, predicted
/// labels outside it are left out (and counted on stderr).
fn score(gold: &[Document], predicted: &HashMap<String, Vec<Span>>, scope: Option<&BTreeSet<String>>) -> Scores {
    let mut scores = Scores::default();
    let mut ignored: BTreeMap<&str, usize> = BTreeMap::new();
    for doc in gold {
        let pred = match predicted.get(&doc.id) {
            Some(p) => p.as_slice(),
            None => {
                eprintln!("warning: no prediction for document {:?}; counted as empty", doc.id);
                &[]
            }
        };
        match scope {
            Some(scope) => {
                let (kept, out): (Vec<&Span>, Vec<&Span>) = pred.iter().partition(|s| scope.contains(&s.label));
                for s in out {
                    *ignored.entry(s.label.as_str()).or_default() += 1;
                }
                scores.add(&doc.spans, &kept.into_iter().cloned().collect::<Vec<_>>());
            }
            None => scores.add(&doc.spans, pred),
        }
    }
    if !ignored.is_empty() {
        let list: Vec<String> = ignored.iter().map(|(l, n)| format!("{l} {n}")).collect();
        eprintln!("note: predicted labels absent from the gold tag set were not scored: {}", list.join(", "));
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conll_scope_leaves_out_labels_the_gold_does_not_annotate() {
        let mut doc = Document::new("a:1", "حسن روحانی در تهران");
        doc.spans = vec![Span::new(0, 10, "PER"), Span::new(14, 19, "LOC")];
        let pred = HashMap::from([(
            "a:1".to_string(),
            vec![Span::new(0, 10, "PER"), Span::new(11, 13, "DATE"), Span::new(14, 19, "ORG")],
        )]);
        let scope: BTreeSet<String> = ["PER", "LOC"].map(String::from).into();
        let s = score(std::slice::from_ref(&doc), &pred, Some(&scope));
        // DATE is out of scope; ORG is a label the gold file never uses, so it is left out too
        assert_eq!(s.micro().tp, 1);
        assert_eq!(s.micro().fp, 0);
        assert_eq!(s.micro().fn_, 1);
        let all = score(std::slice::from_ref(&doc), &pred, None);
        assert_eq!(all.micro().fp, 2);
    }
}
