//! `barchasb agree A.jsonl B.jsonl [C.jsonl…] [--json]`: how far annotators
//! agree on the documents they share (`barchasb_agree`). Each file is read
//! as every command reads its input (any format; bad lines named on stderr,
//! the good ones taken, exit 1). Documents are matched by id; those not in
//! every file are named on stderr and left out. The same id with different
//! texts, or no shared document, stops the command (exit 2).
//!
//! The table names the annotators `A`, `B`, `C`… in the order given: pairs
//! (exact F1, partial-overlap F1, Cohen's kappa), labels (spans per
//! annotator, the mean pairwise F1s, the kappa and alpha on the label's
//! binary view), and each pair's confusion matrix. The last line is
//! `overall F1=… kappa=… alpha=…`: the mean pairwise exact F1, Cohen's kappa
//! for two annotators or Fleiss' for more, and Krippendorff's alpha, all
//! over the BIO tags of the project's tokens; `n/a` where a measure is 0/0.
//!
//! `--json` prints one object instead (`null` for 0/0):
//! - `annotators`: the file names; `documents`, `tokens`: what was compared;
//!   `left_out`: for each annotator, the ids not compared; `labels`: sorted.
//! - `overall`: `f1`, `partial_f1` (means over pairs), `kappa` (as in the
//!   last line), `cohen_kappa` (two annotators; `null` for more),
//!   `fleiss_kappa`, `alpha`.
//! - `by_label`: per label `spans` (per annotator), `f1`, `partial_f1`,
//!   `kappa`, `fleiss_kappa`, `alpha` (binary view: in the label or not).
//! - `pairs`: per pair `a`, `b` (indices into `annotators`), `exact` and
//!   `partial` (`f1`, `matched`, `a`, `b`: spans matched one to one and each
//!   side's spans), `cohen_kappa`, `by_label` (per label `exact`, `partial`,
//!   `cohen_kappa`), and `confusion`: rows `a`'s labels in `labels` order then
//!   none, columns `b`'s the same, each cell a count of paired spans.

use crate::input::{load, Loaded};
use anyhow::{bail, Result};
use barchasb_agree::{num, Annotator, Matches, Pair, Report};
use lexopt::prelude::*;
use serde_json::{json, Map, Value};
use std::fmt::Write;

const USAGE: &str = "usage: barchasb agree A.jsonl B.jsonl [C.jsonl…] [--json]";

/// `barchasb agree`.
pub fn agree(mut args: lexopt::Parser) -> Result<bool> {
    let (mut files, mut as_json) = (Vec::new(), false);
    while let Some(arg) = args.next()? {
        match arg {
            Long("json") => as_json = true,
            Long("help") | Short('h') => bail!("{USAGE}"),
            Value(v) => files.push(v.string()?),
            _ => bail!("{}\n{USAGE}", arg.unexpected()),
        }
    }
    if files.len() < 2 {
        bail!("agree needs two or more annotators' files\n{USAGE}");
    }
    let loaded: Vec<Loaded> = files.iter().map(|f| load(f)).collect();
    // Every file's problems are said, not only the first file's.
    let bad = loaded.iter().filter(|l| l.report_errors()).count();
    let ok = bad == 0;
    let annotators: Vec<Annotator> =
        files.iter().zip(&loaded).map(|(f, l)| Annotator { name: f, docs: &l.docs }).collect();
    let report = barchasb_agree::agree(&annotators)?;
    for (name, left) in report.annotators.iter().zip(&report.left_out) {
        if !left.is_empty() {
            let some: Vec<&str> = left.iter().take(5).map(String::as_str).collect();
            let more = if left.len() > 5 { ", …" } else { "" };
            eprintln!("{name}: {} document(s) not in every file, not compared: {}{more}", left.len(), some.join(", "));
        }
    }
    if as_json {
        println!("{}", to_json(&report));
    } else {
        print!("{}", table(&report));
    }
    Ok(ok)
}

/// `A`, `B`, … `Z`, then `A27`… for more annotators than letters.
fn letter(i: usize) -> String {
    match u8::try_from(i).ok().filter(|&i| i < 26) {
        Some(i) => char::from(b'A' + i).to_string(),
        None => format!("A{}", i + 1),
    }
}

/// The readable report; its last line is `overall F1=… kappa=… alpha=…`.
fn table(r: &Report) -> String {
    let mut out = String::new();
    let _ =
        writeln!(out, "{} annotators on {} shared documents ({} tokens):", r.annotators.len(), r.documents, r.tokens);
    for (i, name) in r.annotators.iter().enumerate() {
        let spans: usize = r.by_label.iter().map(|l| l.spans[i]).sum();
        let _ = writeln!(out, "  {:<3} {name} ({spans} spans)", letter(i));
    }
    let _ = writeln!(out, "\n{:<8} {:>9} {:>11} {:>7}", "pair", "exact F1", "partial F1", "kappa");
    for p in &r.pairs {
        let name = format!("{}-{}", letter(p.a), letter(p.b));
        let (e, q) = (p.exact_total().f1(), p.partial_total().f1());
        let _ = writeln!(out, "{name:<8} {:>9} {:>11} {:>7}", num(e), num(q), num(p.cohen_kappa));
    }
    let w = r.labels.iter().map(|l| l.chars().count()).max().unwrap_or(0).max(5);
    let _ = writeln!(
        out,
        "\n{:<w$} {:>12} {:>9} {:>11} {:>7} {:>7}",
        "label", "spans", "exact F1", "partial F1", "kappa", "alpha"
    );
    for (name, l) in r.labels.iter().zip(&r.by_label) {
        let spans: Vec<String> = l.spans.iter().map(ToString::to_string).collect();
        let (f, q, k, a) = (num(l.f1), num(l.partial_f1), num(l.kappa), num(l.alpha));
        let _ = writeln!(out, "{name:<w$} {:>12} {f:>9} {q:>11} {k:>7} {a:>7}", spans.join("/"));
    }
    let _ = writeln!(
        out,
        "(F1: mean over pairs; kappa: Cohen's for two annotators, Fleiss' for more; \
         per label on the binary view, in the label or not)"
    );
    for p in &r.pairs {
        confusion(&mut out, r, p, w);
    }
    let _ = writeln!(out, "\nFleiss kappa={} over all annotators", num(r.fleiss_kappa));
    let _ = writeln!(out, "overall F1={} kappa={} alpha={}", num(r.f1()), num(r.kappa()), num(r.alpha));
    out
}

fn confusion(out: &mut String, r: &Report, p: &Pair, w: usize) {
    let _ = writeln!(out, "\nconfusion: {} (rows) by {} (columns)", letter(p.a), letter(p.b));
    let names: Vec<&str> = r.labels.iter().map(String::as_str).chain(["none"]).collect();
    let digits = p.confusion.iter().flatten().max().map_or(1, |m| m.to_string().len());
    let widths: Vec<usize> = names.iter().map(|n| n.chars().count().max(digits)).collect();
    let _ = write!(out, "{:<w$}", "");
    for (n, cw) in names.iter().zip(&widths) {
        let _ = write!(out, " {n:>cw$}");
    }
    out.push('\n');
    for (n, row) in names.iter().zip(&p.confusion) {
        let _ = write!(out, "{n:<w$}");
        for (c, cw) in row.iter().zip(&widths) {
            let _ = write!(out, " {c:>cw$}");
        }
        out.push('\n');
    }
}

fn matches(m: Matches) -> Value {
    json!({ "f1": m.f1(), "matched": m.matched, "a": m.a, "b": m.b })
}

fn to_json(r: &Report) -> Value {
    let by_label: Map<String, Value> = r
        .labels
        .iter()
        .zip(&r.by_label)
        .map(|(name, l)| {
            let v = json!({ "spans": l.spans, "f1": l.f1, "partial_f1": l.partial_f1, "kappa": l.kappa,
                            "fleiss_kappa": l.fleiss_kappa, "alpha": l.alpha });
            (name.clone(), v)
        })
        .collect();
    let pairs: Vec<Value> = r
        .pairs
        .iter()
        .map(|p| {
            let labels: Map<String, Value> = (0..r.labels.len())
                .map(|l| {
                    let v = json!({ "exact": matches(p.exact[l]), "partial": matches(p.partial[l]),
                                    "cohen_kappa": p.cohen_kappa_by_label[l] });
                    (r.labels[l].clone(), v)
                })
                .collect();
            json!({ "a": p.a, "b": p.b, "exact": matches(p.exact_total()), "partial": matches(p.partial_total()),
                    "cohen_kappa": p.cohen_kappa, "by_label": labels, "confusion": p.confusion })
        })
        .collect();
    let cohen = if let [one] = r.pairs.as_slice() { one.cohen_kappa } else { None };
    json!({
        "annotators": r.annotators, "documents": r.documents, "tokens": r.tokens, "left_out": r.left_out,
        "labels": r.labels,
        "overall": { "f1": r.f1(), "partial_f1": r.partial_f1(), "kappa": r.kappa(), "cohen_kappa": cohen,
                     "fleiss_kappa": r.fleiss_kappa, "alpha": r.alpha },
        "by_label": by_label, "pairs": pairs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use barchasb_core::{Document, Span};

    fn report() -> Report {
        let mut a = Document::new("x", "علی به تهران رفت");
        a.spans = vec![Span::new(0, 3, "PER"), Span::new(7, 12, "LOC")];
        let mut b = a.clone();
        b.spans[1].label = "ORG".into();
        let (da, db) = ([a], [b]);
        barchasb_agree::agree(&[Annotator { name: "a.jsonl", docs: &da }, Annotator { name: "b.jsonl", docs: &db }])
            .unwrap()
    }

    #[test]
    fn the_table_ends_with_the_overall_line() {
        let t = table(&report());
        let last = t.lines().last().unwrap();
        // κ = 7/11 (see the crate's tests); alpha over 8 ratings: 1 − 7·2/(64 − 22) = 2/3.
        assert_eq!(last, "overall F1=0.5000 kappa=0.6364 alpha=0.6667");
        assert!(t.contains("confusion: A (rows) by B (columns)"), "{t}");
        assert!(t.lines().any(|l| l.split_whitespace().collect::<Vec<_>>() == ["LOC", "0", "1", "0", "0"]), "{t}");
    }

    #[test]
    fn the_json_has_every_number() {
        let v = to_json(&report());
        assert_eq!(v["overall"]["f1"], json!(0.5));
        assert_eq!(v["overall"]["cohen_kappa"], v["overall"]["kappa"]);
        assert_eq!(v["by_label"]["PER"]["kappa"], json!(1.0));
        assert_eq!(v["pairs"][0]["by_label"]["LOC"]["exact"]["a"], json!(1));
        assert_eq!(v["pairs"][0]["confusion"][0], json!([0, 1, 0, 0]));
        assert_eq!(v["left_out"], json!([[], []]));
        assert_eq!(letter(2), "C");
        assert_eq!(letter(26), "A27");
    }
}
