//! `barchasb`: the command line over barchasb-core.
//!
//! - `barchasb extract [FILE…]` — .txt files, or JSONL (`{"id","text"}`) files
//!   or stdin; writes `{"id","text","spans":[…]}` lines to stdout.
//! - `barchasb eval GOLD.jsonl [--pred PRED.jsonl]` — per-label and micro
//!   precision/recall/F1, exact span and label match.

mod input;

use anyhow::{bail, Result};
use barchasb_core::{Extractor, Scores, Span};
use input::load;
use lexopt::ValueExt;
use serde::Serialize;
use std::collections::HashMap;
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage:
  barchasb extract [FILE…]                  .txt or .jsonl files, or JSONL on stdin
  barchasb eval GOLD.jsonl [--pred PRED.jsonl]";

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
        _ => bail!("unknown command {cmd:?}\n{USAGE}"),
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
    while let Some(arg) = args.next()? {
        match arg {
            lexopt::Arg::Value(v) => files.push(v.string()?),
            other => bail!("{}", other.unexpected()),
        }
    }
    if files.is_empty() {
        files.push("-".into());
    }
    let extractor = Extractor::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut ok = true;
    for f in &files {
        let loaded = load(f);
        ok &= !loaded.report_errors();
        for doc in &loaded.docs {
            let spans = extractor.extract(&doc.text);
            let line = serde_json::to_string(&Prediction { id: &doc.id, text: &doc.text, spans: &spans })?;
            writeln!(out, "{line}")?;
        }
    }
    out.flush()?;
    Ok(ok)
}

fn eval(mut args: lexopt::Parser) -> Result<bool> {
    let (mut gold, mut pred) = (None, None);
    while let Some(arg) = args.next()? {
        match arg {
            lexopt::Arg::Long("pred") => pred = Some(args.value()?.string()?),
            lexopt::Arg::Value(v) if gold.is_none() => gold = Some(v.string()?),
            other => bail!("{}", other.unexpected()),
        }
    }
    let Some(gold) = gold else { bail!("eval needs a gold file\n{USAGE}") };
    let gold = load(&gold);
    let mut ok = !gold.report_errors();
    let predicted: HashMap<String, Vec<Span>> = match pred {
        Some(p) => {
            let p = load(&p);
            ok &= !p.report_errors();
            p.docs.into_iter().map(|d| (d.id, d.spans)).collect()
        }
        None => {
            let ex = Extractor::new();
            gold.docs.iter().map(|d| (d.id.clone(), ex.extract(&d.text))).collect()
        }
    };
    let mut scores = Scores::default();
    for doc in &gold.docs {
        let pred = match predicted.get(&doc.id) {
            Some(p) => p.as_slice(),
            None => {
                eprintln!("warning: no prediction for document {:?}; counted as empty", doc.id);
                &[]
            }
        };
        scores.add(&doc.spans, pred);
    }
    print!("{}", scores.report());
    Ok(ok)
}
