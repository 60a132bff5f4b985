//! The rules of an import into a collection that may already hold work.
//! Nothing already there is ever overwritten without an answer:
//!
//! - an id that exists with the same text, coming without annotations (a
//!   `.txt`, a line without `spans`), or with the same ones: nothing changes
//!   ("already there");
//! - the same text with other annotations: a [`Conflict`], settled by one
//!   [`OnConflict`] answer for the whole import (unless the document there
//!   has no work yet: then theirs are taken);
//! - another text under the same id: imported under a new id (`08 (2)`);
//! - an id used twice in the import: the first keeps it, the others get new
//!   ids, each reported by id and line;
//! - labels not in the label set: added to it, or the spans are set aside
//!   in the document's `set_aside` field ([`OnUnknownLabels`]), never taken
//!   as if known.
//!
//! [`questions`] says what must be asked; [`merge`] applies the answers.

use crate::read::{Parsed, Record};
use barchasb_core::{Document, Span, Status};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The field where spans of labels not in the label set are kept.
pub const SET_ASIDE: &str = "set_aside";

/// What to do with documents that come with other annotations than the
/// ones already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnConflict {
    /// Keep the annotations already there (nothing changes).
    #[default]
    KeepMine,
    /// Replace them with the incoming ones.
    TakeTheirs,
    /// Keep both: the incoming document is added as a copy with a new id.
    KeepBoth,
}

/// What to do with spans whose label is not in the label set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnUnknownLabels {
    /// Move them to the document's `set_aside` field (exported, not shown).
    #[default]
    SetAside,
    /// Add the labels to the label set and take the spans.
    AddLabels,
}

/// The answers to [`Questions`]; the defaults change nothing already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Choices {
    /// For every conflict of the import.
    pub conflict: OnConflict,
    /// For every unknown label of the import.
    pub unknown: OnUnknownLabels,
}

/// A document that exists with work on it and comes again with other
/// annotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// Its id.
    pub id: String,
    /// Where the incoming one is (`file:line`).
    pub place: String,
    /// Confirmed spans already there, and the status there.
    pub mine: (usize, Status),
    /// Confirmed spans coming in, and their status.
    pub theirs: (usize, Status),
}

/// What an import must ask before it runs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Questions {
    /// Documents whose annotations would be replaced.
    pub conflicts: Vec<Conflict>,
    /// Labels not in the label set, with how many spans use each.
    pub unknown_labels: BTreeMap<String, usize>,
}

impl Questions {
    /// Nothing to ask.
    pub fn is_empty(&self) -> bool {
        self.conflicts.is_empty() && self.unknown_labels.is_empty()
    }
}

/// What an import does to the collection.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Merge {
    /// Documents to append, in order.
    pub add: Vec<Document>,
    /// Documents that replace the one with the same id.
    pub replace: Vec<Document>,
    /// Labels to add to the label set.
    pub new_labels: Vec<String>,
    /// One line per thing worth telling, in order (`08.txt:1: «08» is
    /// already there; nothing changed`).
    pub report: Vec<String>,
}

/// What an import must ask about `parsed` given the documents already there
/// and the label set's names.
pub fn questions<'a>(
    existing: impl IntoIterator<Item = &'a Document>,
    labels: &[&str],
    parsed: &[Parsed],
) -> Questions {
    let have: HashMap<&str, &Document> = existing.into_iter().map(|d| (d.id.as_str(), d)).collect();
    let mut q = Questions::default();
    let mut seen = HashSet::new();
    for r in parsed.iter().flat_map(|p| &p.records) {
        let first = seen.insert(r.doc.id.as_str());
        let same = have.get(r.doc.id.as_str()).filter(|_| first).map(|mine| (mine, compare(mine, r)));
        match same {
            // Nothing of it is taken: its labels do not matter.
            Some((_, Same::AlreadyThere)) => continue,
            Some((mine, Same::Conflict)) => q.conflicts.push(Conflict {
                id: r.doc.id.clone(),
                place: r.place(),
                mine: (mine.spans.len(), mine.status),
                theirs: (r.doc.spans.len(), r.doc.status),
            }),
            _ => {}
        }
        for s in r.doc.spans.iter().chain(&r.doc.suggestions) {
            if !labels.contains(&s.label.as_str()) {
                *q.unknown_labels.entry(s.label.clone()).or_default() += 1;
            }
        }
    }
    q
}

/// How an incoming record stands to the document with its id.
enum Same {
    /// Same text, and nothing new in the record.
    AlreadyThere,
    /// Same text, other annotations, and the one there has no work on it.
    Update,
    /// Same text, other annotations, work there: ask.
    Conflict,
    /// Another text.
    OtherText,
}

fn compare(mine: &Document, r: &Record) -> Same {
    if mine.text != r.doc.text {
        return Same::OtherText;
    }
    let same_work = mine.spans == r.doc.spans && mine.status == r.doc.status;
    if !r.annotated || same_work {
        return Same::AlreadyThere;
    }
    if mine.spans.is_empty() && mine.status == Status::New {
        Same::Update
    } else {
        Same::Conflict
    }
}

/// One file read on its own, as the CLI and the Python package take it:
/// every label it uses is known (nothing is asked), so the merge only makes
/// repeated ids unique.
pub fn merge_alone(parsed: Parsed) -> Merge {
    let labels: std::collections::BTreeSet<&str> = parsed
        .records
        .iter()
        .flat_map(|r| r.doc.spans.iter().chain(&r.doc.suggestions))
        .map(|s| s.label.as_str())
        .collect();
    let labels: Vec<String> = labels.into_iter().map(String::from).collect();
    let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
    merge(&[], &labels, vec![parsed], Choices::default())
}

/// Applies an import with its answers. Ids are made unique (`08 (2)`)
/// against what is there and what came before in the import.
pub fn merge<'a>(
    existing: impl IntoIterator<Item = &'a Document>,
    labels: &[&str],
    parsed: Vec<Parsed>,
    choices: Choices,
) -> Merge {
    let have: HashMap<String, Document> = existing.into_iter().map(|d| (d.id.clone(), d.clone())).collect();
    let mut taken: HashSet<String> = have.keys().cloned().collect();
    let mut first_at: HashMap<String, String> = HashMap::new();
    let mut m = Merge::default();
    let mut known: Vec<String> = labels.iter().map(|s| s.to_string()).collect();
    for r in parsed.into_iter().flat_map(|p| p.records) {
        let mut r = r;
        let place = r.place();
        if let Some(earlier) = first_at.get(&r.doc.id) {
            let new = fresh_id(&r.doc.id, &taken);
            m.report.push(repeated_id(&place, &r.doc.id, earlier, &new));
            r.doc.id = new;
        }
        first_at.insert(r.doc.id.clone(), place.clone());
        let same = have.get(&r.doc.id).map(|mine| compare(mine, &r));
        let taken_as_is = !matches!(
            (&same, choices.conflict),
            (Some(Same::AlreadyThere), _) | (Some(Same::Conflict), OnConflict::KeepMine)
        );
        if taken_as_is {
            unknown_labels(&mut r, &mut known, &mut m, choices.unknown);
        }
        match same {
            None => {
                taken.insert(r.doc.id.clone());
                m.add.push(r.doc);
            }
            Some(Same::AlreadyThere) => {
                m.report.push(format!("{place}: «{}» is already there, with the same text; nothing changed", r.doc.id))
            }
            Some(Same::Update) => {
                m.report.push(format!("{place}: «{}» had no work yet; its annotations were taken", r.doc.id));
                m.replace.push(r.doc);
            }
            Some(Same::Conflict) => conflict(r, &place, choices.conflict, &mut taken, &mut m),
            Some(Same::OtherText) => {
                let new = fresh_id(&r.doc.id, &taken);
                m.report.push(format!(
                    "{place}: «{}» is already there with another text; this one was imported as «{new}»",
                    r.doc.id
                ));
                r.doc.id = new.clone();
                taken.insert(new);
                m.add.push(r.doc);
            }
        }
    }
    m
}

fn conflict(mut r: Record, place: &str, choice: OnConflict, taken: &mut HashSet<String>, m: &mut Merge) {
    let id = r.doc.id.clone();
    match choice {
        OnConflict::KeepMine => m.report.push(format!("{place}: «{id}»: your annotations were kept")),
        OnConflict::TakeTheirs => {
            m.report.push(format!("{place}: «{id}»: the imported annotations replaced yours"));
            m.replace.push(r.doc);
        }
        OnConflict::KeepBoth => {
            let new = fresh_id(&id, taken);
            m.report.push(format!("{place}: «{id}»: yours were kept; the imported one is «{new}»"));
            r.doc.id = new.clone();
            taken.insert(new);
            m.add.push(r.doc);
        }
    }
}

/// Spans of labels not in `known`: the label is added, or the spans are
/// moved to `set_aside` (suggestions of such labels are left out), and the
/// report says how many.
fn unknown_labels(r: &mut Record, known: &mut Vec<String>, m: &mut Merge, choice: OnUnknownLabels) {
    let is_unknown = |s: &Span, known: &[String]| !known.contains(&s.label);
    if !r.doc.spans.iter().chain(&r.doc.suggestions).any(|s| is_unknown(s, known)) {
        return;
    }
    if choice == OnUnknownLabels::AddLabels {
        for s in r.doc.spans.iter().chain(&r.doc.suggestions) {
            if is_unknown(s, known) {
                known.push(s.label.clone());
                m.new_labels.push(s.label.clone());
            }
        }
        return;
    }
    let (aside, kept): (Vec<Span>, Vec<Span>) =
        std::mem::take(&mut r.doc.spans).into_iter().partition(|s| is_unknown(s, known));
    r.doc.spans = kept;
    let before = r.doc.suggestions.len();
    r.doc.suggestions.retain(|s| !is_unknown(s, known));
    let dropped = before - r.doc.suggestions.len();
    let mut names: Vec<&str> = aside.iter().map(|s| s.label.as_str()).collect();
    names.sort();
    names.dedup();
    let place = r.place();
    if !aside.is_empty() {
        let list = r.doc.meta.entry(SET_ASIDE).or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(items) = list {
            items.extend(aside.iter().map(|s| serde_json::json!({"start": s.start, "end": s.end, "label": s.label})));
        }
        m.report.push(format!(
            "{place}: «{}»: {} with labels not in the label set ({}) kept aside in \"{SET_ASIDE}\", not shown",
            r.doc.id,
            plural(aside.len(), "span", "spans"),
            names.join(", ")
        ));
    }
    if dropped > 0 {
        m.report.push(format!(
            "{place}: «{}»: {} with labels not in the label set left out",
            r.doc.id,
            plural(dropped, "suggestion", "suggestions")
        ));
    }
}

/// The message for an id used again in one input (`x.jsonl:3: the id «a»
/// is used again (first at x.jsonl:1); imported as «a (2)»`), for the
/// import and the CLI's streaming reader alike.
pub fn repeated_id(place: &str, id: &str, first: &str, new: &str) -> String {
    format!("{place}: the id «{id}» is used again (first at {first}); imported as «{new}»")
}

/// `id (2)`, `id (3)`, … the first not in `taken`.
pub fn fresh_id(id: &str, taken: &HashSet<String>) -> String {
    (2..).map(|k| format!("{id} ({k})")).find(|c| !taken.contains(c)).expect("a free id exists")
}

/// "1 span", "2 spans".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
