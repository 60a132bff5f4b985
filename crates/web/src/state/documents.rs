//! Adding documents (import, paste): merged by id, suggestions computed.

use super::{drop_overlapping, AppState, Entry, Learned, Message};
use barchasb_core::{Document, Status};
use std::rc::Rc;

impl AppState {
    pub(super) fn add_documents(&mut self, docs: Vec<Document>, errors: Vec<String>) {
        let (mut added, mut replaced) = (0, 0);
        let mut first = None;
        for mut doc in docs {
            doc.spans.sort();
            doc.suggestions.sort();
            let suggested = !doc.suggestions.is_empty() || doc.status == Status::Done;
            doc.suggestions = drop_overlapping(std::mem::take(&mut doc.suggestions), &doc.spans);
            let rev = self.bump();
            // Imported documents are not learned, even done ones: the model
            // learns what is marked done here (or a model is imported).
            let entry = Entry { doc, suggested, rev, text_gen: rev, opened: false, learned: Some(Learned::Skipped) };
            let i = match self.index_of(&entry.doc.id) {
                Some(i) => {
                    replaced += 1;
                    self.docs[i] = Rc::new(entry);
                    // the history of the replaced document no longer applies
                    let id = self.docs[i].doc.id.clone();
                    for s in self.undo.iter_mut().chain(self.redo.iter_mut()) {
                        s.changes.retain(|(c, _)| *c != id);
                    }
                    i
                }
                None => {
                    added += 1;
                    self.docs.push(Rc::new(entry));
                    self.docs.len() - 1
                }
            };
            self.ensure_suggestions(i);
            first.get_or_insert(i);
        }
        self.undo.retain(|s| !s.changes.is_empty());
        self.redo.retain(|s| !s.changes.is_empty());
        let mut text = format!("Added {}", super::count(added, "document", "documents"));
        if replaced > 0 {
            text += &format!(", replaced {replaced}");
        }
        text.push('.');
        if !errors.is_empty() {
            text = format!("{text} {}:\n{}", super::count(errors.len(), "error", "errors"), errors.join("\n"));
        }
        self.message = Some(Message { text, error: !errors.is_empty() });
        if added + replaced > 0 {
            self.model.refresh += 1; // the model's suggestions for the new ones
        }
        if self.open.is_none() || added + replaced > 0 {
            if let Some(i) = first {
                self.open_doc(i);
            }
        }
    }
}
