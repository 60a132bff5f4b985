//! Adding and removing documents: imports (by the rules of
//! `barchasb_formats::import`: nothing there is overwritten without an
//! answer), pastes, and deleting a document. Each is one undo step that
//! brings back the whole collection as it was.

use super::{drop_overlapping, sanitize, AppState, Collection, Entry, Learned, Message, Step};
use crate::i18n::{Lang, Noun, T};
use barchasb_core::{Document, Label, Status};
use barchasb_formats::{merge, questions, Choices, Merge, Parsed, Questions, Record};
use std::rc::Rc;

/// An import waiting for the user's answers (`#import-dialog`).
#[derive(Debug, Clone, PartialEq)]
pub struct PendingImport {
    /// The files as read.
    pub parsed: Vec<Parsed>,
    /// What must be asked.
    pub questions: Questions,
}

/// Files being read for import, as `#import-progress` shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// Bytes read of the files so far, and their sum.
    pub done: u64,
    pub total: u64,
    /// All read: the formats worker is reading their documents.
    pub parsing: bool,
}

/// Colours for labels an import adds, in turn.
const NEW_LABEL_COLOURS: [&str; 6] = ["#6a3d9a", "#b15928", "#1f78b4", "#33a02c", "#e31a1c", "#ff7f00"];

impl AppState {
    /// Starts an import: applied at once when there is nothing to ask,
    /// else kept as [`PendingImport`] until [`Self::resolve_import`].
    pub(super) fn import(&mut self, parsed: Vec<Parsed>) {
        self.reading = None;
        let labels: Vec<&str> = self.labels.names().collect();
        let q = questions(self.docs.iter().map(|e| &e.doc), &labels, &parsed);
        if q.is_empty() {
            self.resolve(parsed, Choices::default());
        } else {
            self.menu = super::Menu::None;
            self.pending_import = Some(PendingImport { parsed, questions: q });
        }
    }

    /// The answers to the pending import's questions.
    pub(super) fn resolve_import(&mut self, choices: Choices) {
        if let Some(p) = self.pending_import.take() {
            self.resolve(p.parsed, choices);
        }
    }

    /// Documents added by the app itself (a paste): an import of one
    /// record each, never replacing anything.
    pub(super) fn add_documents(&mut self, docs: Vec<Document>, errors: Vec<String>) {
        let records = docs
            .into_iter()
            .map(|doc| Record {
                annotated: !doc.spans.is_empty() || doc.status != Status::New,
                doc,
                file: "pasted".into(),
                line: 1,
                problems: Vec::new(),
            })
            .collect();
        self.import(vec![Parsed { records, problems: Vec::new(), notes: errors }]);
    }

    fn resolve(&mut self, parsed: Vec<Parsed>, choices: Choices) {
        let problems: Vec<String> =
            parsed.iter().flat_map(|p| p.all_problems().into_iter().map(|p| p.to_string())).collect();
        let notes: Vec<String> = parsed.iter().flat_map(|p| p.notes.iter().cloned()).collect();
        let labels: Vec<&str> = self.labels.names().collect();
        let m = merge(self.docs.iter().map(|e| &e.doc), &labels, parsed, choices);
        self.apply_merge(m, problems, notes);
    }

    /// Applies a merge as one undo step, and says what it did.
    fn apply_merge(&mut self, m: Merge, problems: Vec<String>, notes: Vec<String>) {
        let before = self.collection();
        let (added, replaced) = (m.add.len(), m.replace.len());
        self.add_labels(&m.new_labels);
        let mut first = None;
        for doc in m.replace {
            let Some(i) = self.index_of(&doc.id) else { continue };
            self.docs[i] = Rc::new(self.new_entry(doc));
            self.ensure_suggestions(i);
            first.get_or_insert(i);
        }
        for doc in m.add {
            let e = self.new_entry(doc);
            self.docs.push(Rc::new(e));
            let i = self.docs.len() - 1;
            self.ensure_suggestions(i);
            first.get_or_insert(i);
        }
        if added + replaced > 0 || !m.new_labels.is_empty() {
            // No model refresh: the worker's first analysis of each new
            // document already gives the model's suggestions.
            self.push_step(Step { changes: Vec::new(), collection: Some(before) });
        }
        self.message = Some(import_message(self.lang, added, replaced, &m.new_labels, &m.report, &notes, &problems));
        if let Some(i) = first.filter(|_| self.open.is_none() || added + replaced > 0) {
            self.open_doc(i);
        }
    }

    /// A new entry for an imported document (spans cleaned, suggestions
    /// off its confirmed spans). Imported documents are not learned, even
    /// done ones: the model learns what is marked done here.
    pub(super) fn new_entry(&mut self, mut doc: Document) -> Entry {
        let n = doc.text.chars().count();
        doc.spans = sanitize(std::mem::take(&mut doc.spans), n);
        let suggested = !doc.suggestions.is_empty() || doc.status == Status::Done;
        doc.suggestions = drop_overlapping(sanitize(std::mem::take(&mut doc.suggestions), n), &doc.spans);
        let rev = self.bump();
        Entry {
            doc,
            suggested,
            rev,
            text_gen: rev,
            opened: false,
            learned: Some(Learned::Skipped),
            words: None,
            scored: None,
            disputes: Vec::new(),
        }
    }

    fn add_labels(&mut self, names: &[String]) {
        if names.is_empty() {
            return;
        }
        let set = Rc::make_mut(&mut self.labels);
        for (k, name) in names.iter().enumerate() {
            let color = NEW_LABEL_COLOURS[k % NEW_LABEL_COLOURS.len()].to_string();
            set.labels.push(Label { name: name.clone(), key: String::new(), color, description: String::new() });
        }
        self.labels_rev = self.bump();
    }

    /// Deletes a document (one undo step).
    pub(super) fn remove_document(&mut self, id: &str) {
        let Some(i) = self.index_of(id) else { return };
        let before = self.collection();
        let open_id = self.open_entry().map(|e| e.doc.id.clone());
        self.docs.remove(i);
        self.bump();
        self.open = None;
        self.focused = None;
        self.menu = super::Menu::None;
        self.offer = None;
        self.push_step(Step { changes: Vec::new(), collection: Some(before) });
        self.message = Some(Message { text: self.lang.f(T::DeletedDoc, &[&id]), error: false });
        let reopen = open_id.filter(|o| o != id).and_then(|o| self.index_of(&o));
        if let Some(j) = reopen.or(if self.docs.is_empty() { None } else { Some(i.min(self.docs.len() - 1)) }) {
            self.open_doc(j);
        }
    }

    /// The whole collection, to be brought back by an undo.
    pub(super) fn collection(&self) -> Collection {
        Collection {
            docs: self.docs.clone(),
            labels: self.labels.clone(),
            open: self.open_entry().map(|e| e.doc.id.clone()),
        }
    }

    /// Puts a collection back; returns the one it replaced. Entries that
    /// differ from the current ones get new revisions, so they are saved.
    pub(super) fn restore_collection(&mut self, c: Collection) -> Collection {
        let back = self.collection();
        let current: std::collections::HashMap<String, Rc<Entry>> =
            self.docs.iter().map(|e| (e.doc.id.clone(), e.clone())).collect();
        let mut docs = c.docs;
        for e in docs.iter_mut() {
            if !current.get(&e.doc.id).is_some_and(|now| Rc::ptr_eq(now, e)) {
                self.rev += 1;
                let m = Rc::make_mut(e);
                m.rev = self.rev;
                m.text_gen = self.rev;
            }
        }
        self.docs = docs;
        if self.labels != c.labels {
            self.labels = c.labels;
            self.labels_rev = self.bump();
        }
        self.bump();
        self.open = c.open.and_then(|id| self.index_of(&id)).or(if self.docs.is_empty() { None } else { Some(0) });
        self.focused = None;
        back
    }
}

/// What an import did, in one message: counts first, then each thing
/// worth telling, then each problem.
fn import_message(
    lang: Lang,
    added: usize,
    replaced: usize,
    new_labels: &[String],
    report: &[String],
    notes: &[String],
    problems: &[String],
) -> Message {
    let docs = lang.count(added, Noun::Document);
    let mut text =
        if replaced > 0 { lang.f(T::AddedUpdated, &[&docs, &lang.num(replaced)]) } else { lang.f(T::Added, &[&docs]) };
    text.push('.');
    if !new_labels.is_empty() {
        text += &lang.f(T::NewLabels, &[&new_labels.join(", ")]);
    }
    if !problems.is_empty() {
        text += &lang.f(T::ProblemsColon, &[&lang.count(problems.len(), Noun::Problem)]);
    }
    let lines: Vec<&str> = problems.iter().chain(report).chain(notes).map(String::as_str).collect();
    if !lines.is_empty() {
        text.push('\n');
        text += &lines.join("\n");
    }
    Message { text, error: !problems.is_empty() }
}
