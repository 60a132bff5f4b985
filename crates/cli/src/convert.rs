//! `barchasb convert [--from FMT] --to FMT IN… [-o OUT]` and its other
//! name, `barchasb export --to FMT IN… [-o OUT]`: documents from any format
//! to any other, through the export gate of `barchasb_formats`.
//!
//! Bad input lines are named on stderr and the good documents are still
//! written (exit 1). A span the target cannot represent is named and
//! nothing is written (exit 1). One-stream formats go to stdout without
//! `-o`; the others (and sidecar files) need `-o OUT`, next to which the
//! sidecars are written. The label names (the order of Hugging Face's tag
//! ids, Label Studio's config) are `--labels`, or else the app's default
//! label set, so that the CLI and the app write the same bytes.

use crate::input::{check_not_input, load_as};
use anyhow::{bail, Context, Result};
use barchasb_core::Document;
use barchasb_formats::{export as write_as, ExportOptions, Format, OutFile, Scheme};
use lexopt::prelude::*;
use std::io::Write;
use std::path::Path;

const USAGE: &str = "usage: barchasb convert [--from FMT] --to FMT [-o OUT] [--scheme iob2|biluo] [--suggestions]
                        [--labels L1,L2,…] [--from-name NAME] [--to-name NAME] IN…
       barchasb export --to FMT [-o OUT] … IN…   (the same)";

/// `barchasb convert`.
pub fn convert(args: lexopt::Parser) -> Result<bool> {
    run(args)
}

/// `barchasb export`: the same command under the name that reads better
/// when the input is the app's JSONL.
pub fn export(args: lexopt::Parser) -> Result<bool> {
    run(args)
}

struct Args {
    from: Option<Format>,
    to: Format,
    out: Option<String>,
    inputs: Vec<String>,
    opts: ExportOptions,
}

fn parse(mut args: lexopt::Parser) -> Result<Args> {
    let (mut from, mut to, mut out, mut inputs) = (None, None, None, Vec::new());
    let mut opts = ExportOptions { date_value: Some(barchasb_rules::date_value), ..Default::default() };
    while let Some(arg) = args.next()? {
        match arg {
            Long("from") => from = Some(args.value()?.string()?.parse::<Format>()?),
            Long("to") => to = Some(args.value()?.string()?.parse::<Format>()?),
            Short('o') | Long("out") => out = Some(args.value()?.string()?),
            Long("scheme") => {
                opts.scheme = match args.value()?.string()?.to_ascii_lowercase().as_str() {
                    "iob2" | "iob" | "bio" => Scheme::Iob2,
                    "biluo" | "bilou" => Scheme::Biluo,
                    other => bail!("unknown scheme {other:?}; the schemes are iob2, biluo"),
                }
            }
            Long("suggestions") => opts.suggestions = true,
            Long("labels") => opts.labels = args.value()?.string()?.split(',').map(|l| l.trim().to_string()).collect(),
            Long("from-name") => opts.from_name = args.value()?.string()?,
            Long("to-name") => opts.to_name = args.value()?.string()?,
            Long("help") | Short('h') => bail!("{USAGE}"),
            Value(v) => inputs.push(v.string()?),
            _ => bail!("{}\n{USAGE}", arg.unexpected()),
        }
    }
    let Some(to) = to else { bail!("--to FMT is needed\n{USAGE}") };
    // The app's label set unless told otherwise, so that both write the same.
    if opts.labels.is_empty() {
        opts.labels = barchasb_core::LabelSet::default().names().map(String::from).collect();
    }
    if inputs.is_empty() {
        inputs.push("-".into());
    }
    Ok(Args { from, to, out, inputs, opts })
}

fn run(args: lexopt::Parser) -> Result<bool> {
    let Args { from, to, out, inputs, mut opts } = parse(args)?;
    if let Some(o) = &out {
        check_not_input(o, &inputs.iter().collect::<Vec<_>>())?;
        opts.base = base_name(o, to);
    }
    let mut docs: Vec<Document> = Vec::new();
    let mut clean = true;
    for path in &inputs {
        let loaded = load_as(path, from);
        clean &= !loaded.report_errors();
        note_unknown_labels(path, &loaded.docs, &opts.labels);
        docs.extend(loaded.docs);
    }
    let files = match write_as(to, &docs, &opts) {
        Ok(files) => files,
        Err(bad) => {
            for b in &bad {
                eprintln!("{b}");
            }
            eprintln!("barchasb: {} span(s) cannot be written as {to}; nothing was written", bad.len());
            return Ok(false);
        }
    };
    write_files(&files, out.as_deref(), to)?;
    eprintln!("{} document(s) written as {to}", docs.len());
    Ok(clean)
}

/// Says, once per label, which spans of `path` have a label that is not in
/// the label set (`--labels`, or else the app's): they are written as they
/// are (the app would ask to add the label or set the spans aside).
fn note_unknown_labels(path: &str, docs: &[Document], labels: &[String]) {
    let mut unknown: std::collections::BTreeMap<&str, (usize, &str)> = Default::default();
    for d in docs {
        for s in d.spans.iter().chain(&d.suggestions).filter(|s| !labels.contains(&s.label)) {
            unknown.entry(s.label.as_str()).or_insert((0, d.id.as_str())).0 += 1;
        }
    }
    let name = if path == "-" { "<stdin>" } else { path };
    for (label, (n, first)) in unknown {
        eprintln!(
            "{name}: label «{label}» is not in the label set (--labels, or the app's): {n} span(s) written as they are, the first in «{first}»"
        );
    }
}

/// The base the writers name their files by: OUT without the format's
/// extension (or its last one).
fn base_name(out: &str, to: Format) -> String {
    let file = Path::new(out).file_name().map_or(out.to_string(), |f| f.to_string_lossy().into_owned());
    to.base(&file).to_string()
}

/// The main file to OUT (or stdout), its sidecars beside OUT.
fn write_files(files: &[OutFile], out: Option<&str>, to: Format) -> Result<()> {
    let Some(out) = out else {
        if files.len() != 1 || !to.one_stream() {
            let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
            bail!(
                "{to} writes {} ({}); give -o OUT",
                if to.one_stream() { "several files" } else { "binary files" },
                names.join(", ")
            );
        }
        std::io::stdout().lock().write_all(&files[0].bytes)?;
        return Ok(());
    };
    let dir = Path::new(out).parent().unwrap_or(Path::new(""));
    for (i, f) in files.iter().enumerate() {
        let path = if i == 0 { Path::new(out).to_path_buf() } else { dir.join(&f.name) };
        std::fs::write(&path, &f.bytes).with_context(|| format!("cannot write {}", path.display()))?;
        if i > 0 {
            eprintln!("wrote {}", path.display());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sidecars_are_named_after_the_output() {
        assert_eq!(base_name("out/train.hf.jsonl", Format::Hf), "train");
        assert_eq!(base_name("train.jsonl", Format::Hf), "train");
        assert_eq!(base_name("corpus.spacy", Format::Spacy), "corpus");
    }
}
