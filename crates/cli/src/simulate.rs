//! `barchasb simulate GOLD.jsonl [--order given|uncertain]`: a simulated
//! annotator going through gold documents, counting the actions needed to
//! turn each document's suggestions into its gold, for two suggesters.
//!
//! - **rules**: the rule extractor alone, never learning.
//! - **learning**: a tagger as the app's worker runs it
//!   (`crates/web/src/tagger_worker.rs`): a new model for the labels, and
//!   after each finished document `Tagger::learn` of it (the worker's
//!   `Learn`), then suggestions for the next (its `Suggest`).
//!
//! Actions ([`actions`]): a suggestion that is wrong (wrong label, wrong
//! boundaries or spurious) costs 1, a relabel or a delete; a gold span not
//! suggested with its exact boundaries costs 2, a drag and a label. A
//! suggestion with the exact boundaries and a wrong label costs its 1 and
//! the span then counts as found.
//!
//! Output: a header, a row per document (`id`, gold spans, actions of the
//! rules, actions of learning; with `--explain`, after each row the
//! learning suggester's mistakes, see [`mistakes`]), `second half: …`, and the last line
//! `actions per gold span: rules R, learning L (±P%)`.

use crate::input::load;
use anyhow::{bail, Result};
use barchasb_core::{Document, LabelSet, Span};
use barchasb_rules::Extractor;
use barchasb_tagger::{Tagger, DEFAULT_HASH_BITS, MAX_LABELS};
use lexopt::ValueExt;
use std::collections::HashSet;

/// The order the simulated annotator takes documents in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// The file's order.
    Given,
    /// Next, the remaining document the learning suggester is least sure
    /// of (the smallest [`Tagger::margin`]), as an active-learning annotator would.
    Uncertain,
}

/// Actions to turn `suggested` into `gold` (see the module doc).
pub fn actions(gold: &[Span], suggested: &[Span]) -> usize {
    let gold_set: HashSet<&Span> = gold.iter().collect();
    let mut found: HashSet<(usize, usize)> = HashSet::new();
    let mut cost = 0;
    for s in suggested {
        if gold_set.contains(s) {
            found.insert((s.start, s.end));
        } else {
            cost += 1;
            if gold.iter().any(|g| g.start == s.start && g.end == s.end) {
                found.insert((s.start, s.end));
            }
        }
    }
    cost + 2 * gold.iter().filter(|g| !found.contains(&(g.start, g.end))).count()
}

/// What [`actions`] charges for, one line each: `- text LABEL` a wrong
/// suggestion (`~ text LABEL→GOLD` when only its label is wrong), `+ text
/// LABEL` a gold span not suggested with its boundaries.
pub fn mistakes(text: &str, gold: &[Span], suggested: &[Span]) -> Vec<String> {
    let cps: Vec<char> = text.chars().collect();
    let at = |s: &Span| cps[s.start.min(cps.len())..s.end.min(cps.len())].iter().collect::<String>();
    let mut out = Vec::new();
    for s in suggested.iter().filter(|s| !gold.contains(s)) {
        match gold.iter().find(|g| g.start == s.start && g.end == s.end) {
            Some(g) => out.push(format!("~ {} {}→{}", at(s), s.label, g.label)),
            None => out.push(format!("- {} {}", at(s), s.label)),
        }
    }
    for g in gold.iter().filter(|g| !suggested.iter().any(|s| s.start == g.start && s.end == g.end)) {
        out.push(format!("+ {} {}", at(g), g.label));
    }
    out
}

/// The labels a new model learns: the app's default set, then any other
/// label of the gold documents (an annotator would have added it), at most
/// [`MAX_LABELS`].
pub fn labels(docs: &[Document]) -> Vec<String> {
    let mut out: Vec<String> = LabelSet::default().names().map(String::from).collect();
    for s in docs.iter().flat_map(|d| &d.spans) {
        if out.len() < MAX_LABELS && !out.contains(&s.label) {
            out.push(s.label.clone());
        }
    }
    out
}

/// One document's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub gold: usize,
    pub rules: usize,
    pub learning: usize,
    /// What the learning suggester got wrong (see [`mistakes`]).
    pub mistakes: Vec<String>,
}

/// Runs the simulation over `docs` in `order`; rows in the order taken.
pub fn simulate(docs: &[Document], order: Order) -> Result<Vec<Row>> {
    let rules = Extractor::new();
    let mut tagger = Tagger::with_hash_bits(labels(docs), DEFAULT_HASH_BITS)?;
    let mut left: Vec<&Document> = docs.iter().collect();
    let mut rows = Vec::with_capacity(docs.len());
    while !left.is_empty() {
        let next = match order {
            Order::Given => 0,
            Order::Uncertain => {
                let mut best = (0, f64::INFINITY);
                for (i, d) in left.iter().enumerate() {
                    let u = tagger.margin(&d.text);
                    if u < best.1 {
                        best = (i, u);
                    }
                }
                best.0
            }
        };
        let doc = left.remove(next);
        let suggested = tagger.suggest(&doc.text);
        let learning = actions(&doc.spans, &suggested);
        let mistakes = mistakes(&doc.text, &doc.spans, &suggested);
        tagger.learn(doc);
        rows.push(Row {
            id: doc.id.clone(),
            gold: doc.spans.len(),
            rules: actions(&doc.spans, &rules.extract(&doc.text)),
            learning,
            mistakes,
        });
    }
    Ok(rows)
}

/// `actions per gold span: rules R, learning L (±P%)` over `rows`.
pub fn summary(prefix: &str, rows: &[Row]) -> String {
    let gold: usize = rows.iter().map(|r| r.gold).sum();
    let per = |n: usize| if gold == 0 { 0.0 } else { n as f64 / gold as f64 };
    let r = per(rows.iter().map(|r| r.rules).sum());
    let l = per(rows.iter().map(|r| r.learning).sum());
    let change = if r == 0.0 { 0.0 } else { (l - r) / r * 100.0 };
    format!("{prefix}: rules {r:.3}, learning {l:.3} ({change:+.1}%)")
}

pub fn run(mut args: lexopt::Parser) -> Result<bool> {
    let (mut gold, mut order, mut explain) = (None, Order::Given, false);
    while let Some(arg) = args.next()? {
        match arg {
            lexopt::Arg::Long("order") => {
                order = match args.value()?.string()?.as_str() {
                    "given" => Order::Given,
                    "uncertain" => Order::Uncertain,
                    o => bail!("--order is given or uncertain, not {o:?}"),
                }
            }
            lexopt::Arg::Long("explain") => explain = true,
            lexopt::Arg::Value(v) if gold.is_none() => gold = Some(v.string()?),
            other => bail!("{}", other.unexpected()),
        }
    }
    let Some(gold) = gold else { bail!("simulate needs one gold JSONL file") };
    let loaded = load(&gold);
    let ok = !loaded.report_errors();
    let rows = simulate(&loaded.docs, order)?;
    println!("id\tgold\trules\tlearning");
    for r in &rows {
        println!("{}\t{}\t{}\t{}", r.id, r.gold, r.rules, r.learning);
        if explain {
            r.mistakes.iter().for_each(|m| println!("\t{m}"));
        }
    }
    println!("{}", summary("second half", &rows[rows.len() / 2..]));
    println!("{}", summary("actions per gold span", &rows));
    Ok(ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_count_relabels_deletes_and_drags() {
        let gold = [Span::new(0, 3, "PER"), Span::new(5, 9, "ORG"), Span::new(10, 12, "LOC")];
        // exact: free; right boundaries, wrong label: 1 and found;
        // wrong boundaries: 1 and the gold span still costs 2; spurious: 1
        let sugg = [Span::new(0, 3, "PER"), Span::new(5, 9, "LOC"), Span::new(10, 13, "LOC"), Span::new(20, 22, "PER")];
        assert_eq!(actions(&gold, &sugg), 1 + 1 + 2 + 1);
        assert_eq!(actions(&gold, &[]), 6);
        assert_eq!(actions(&gold, &gold), 0);
    }

    #[test]
    fn mistakes_name_what_actions_charge_for() {
        let text = "سفر ظریف به دوحه";
        let gold = [Span::new(4, 8, "PER"), Span::new(12, 16, "LOC")];
        let sugg = [Span::new(0, 3, "EVENT"), Span::new(4, 8, "ORG")];
        assert_eq!(mistakes(text, &gold, &sugg), ["- سفر EVENT", "~ ظریف ORG→PER", "+ دوحه LOC"]);
        assert_eq!(actions(&gold, &sugg), 1 + 1 + 2);
        assert!(mistakes(text, &gold, &gold).is_empty());
    }

    #[test]
    fn summary_gives_three_decimals_and_the_relative_change() {
        let rows = [Row { id: "a".into(), gold: 4, rules: 2, learning: 1, mistakes: vec![] }];
        assert_eq!(summary("x", &rows), "x: rules 0.500, learning 0.250 (-50.0%)");
    }
}
