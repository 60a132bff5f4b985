//! The learned tagger as the reducer sees it. The model itself lives in a
//! web worker (`tagger_worker.rs`, driven by `hooks/model.rs`); the state
//! only says what to send it (documents marked done, when to refresh the
//! suggestions of documents not yet opened) and shows what it reported.

use super::{error, info, AppState};
use barchasb_core::{Span, Status};

/// What the page knows of the model.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ModelState {
    /// Documents the model has learned from, as the worker last reported;
    /// `None` until the worker has loaded a model.
    pub docs_learned: Option<u32>,
    /// Documents marked done, to be sent to the worker: `(seq, id)`. An entry
    /// leaves when the worker reports it learned.
    pub to_learn: Vec<(u64, String)>,
    /// The last `seq` given out.
    pub learn_seq: u64,
    /// Bumped when the suggestions of documents not yet opened should be
    /// refreshed from the model (it learned, was loaded, reset, or documents
    /// were added).
    pub refresh: u64,
    /// Reset was asked for and waits for its confirmation.
    pub confirm_reset: bool,
    /// Bumped by a confirmed reset (the hook sends it to the worker).
    pub reset: u64,
    /// The last refresh: tokens tagged and the milliseconds `suggest` took
    /// in the worker (shown as `data-` attributes, for the tagging speed).
    pub last_suggest: Option<(usize, f64)>,
    /// How many refreshes the worker has answered.
    pub suggest_runs: u32,
    /// `docs_learned` of the model last written to IndexedDB.
    pub saved: Option<u32>,
}

/// What the worker did, or what the annotator asked of the model.
#[derive(Debug, Clone, PartialEq)]
pub enum ModelEvent {
    /// A model is in use: the stored one at startup, or a new one.
    Ready {
        docs_learned: u32,
    },
    /// An imported model is in use.
    Imported {
        docs_learned: u32,
    },
    /// The worker learned the queued documents up to `seq`.
    Learned {
        seq: u64,
        docs_learned: u32,
    },
    /// The model was reset (after the confirmation).
    WasReset {
        docs_learned: u32,
    },
    /// A model file could not be read; `import`: chosen by the annotator
    /// (the model in use stays), else the stored one (a new one replaces it).
    LoadFailed {
        error: String,
        import: bool,
    },
    /// The model's suggestions for documents, with the time they took.
    Suggested {
        docs: Vec<(String, Vec<Span>)>,
        tokens: usize,
        ms: f64,
    },
    /// The model learned from `docs_learned` documents is in IndexedDB.
    Saved {
        docs_learned: u32,
    },
    AskReset,
    CancelReset,
    ConfirmReset,
}

impl AppState {
    /// Queues a document marked done for the worker to learn from.
    pub(super) fn queue_learning(&mut self, id: &str) {
        self.model.learn_seq += 1;
        self.model.to_learn.push((self.model.learn_seq, id.to_string()));
    }

    /// Documents whose suggestions the model may replace: never opened and
    /// still new, so nothing the annotator saw or touched changes.
    pub fn refreshable(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.docs.len()).filter(|&i| !self.docs[i].opened && self.docs[i].doc.status == Status::New)
    }

    /// Applies a model event; `false` when nothing changed.
    pub(super) fn model_event(&mut self, event: ModelEvent) -> bool {
        let m = &mut self.model;
        match event {
            ModelEvent::Ready { docs_learned } => {
                m.docs_learned = Some(docs_learned);
                if docs_learned > 0 {
                    m.refresh += 1;
                }
            }
            ModelEvent::Imported { docs_learned } => {
                m.docs_learned = Some(docs_learned);
                m.refresh += 1;
                self.message = info(format!("Imported a model learned from {docs_learned} documents."));
            }
            ModelEvent::Learned { seq, docs_learned } => {
                m.to_learn.retain(|(s, _)| *s > seq);
                m.docs_learned = Some(docs_learned);
                m.refresh += 1;
            }
            ModelEvent::WasReset { docs_learned } => {
                m.docs_learned = Some(docs_learned);
                m.refresh += 1;
                self.message = info("The model was reset: suggestions come from the rules until it learns again.");
            }
            ModelEvent::LoadFailed { error: e, import } => {
                self.message = error(if import {
                    format!("Cannot import the model: {e}. The model in use is unchanged.")
                } else {
                    format!("The saved model cannot be read: {e}. A new model replaces it.")
                });
            }
            ModelEvent::Suggested { docs, tokens, ms } => {
                self.model.last_suggest = Some((tokens, ms));
                self.model.suggest_runs += 1;
                for (id, spans) in docs {
                    // Opened or edited since the request: left alone.
                    let Some(i) = self.index_of(&id) else { continue };
                    if !self.refreshable().any(|r| r == i) || self.docs[i].doc.suggestions == spans {
                        continue;
                    }
                    self.set_suggestions(i, spans);
                }
            }
            ModelEvent::Saved { docs_learned } => m.saved = Some(docs_learned),
            ModelEvent::AskReset => {
                if m.confirm_reset {
                    return false;
                }
                m.confirm_reset = true;
            }
            ModelEvent::CancelReset => {
                if !m.confirm_reset {
                    return false;
                }
                m.confirm_reset = false;
            }
            ModelEvent::ConfirmReset => {
                if !m.confirm_reset {
                    return false;
                }
                m.confirm_reset = false;
                m.reset += 1;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Action, Loaded};
    use super::*;
    use barchasb_core::Document;
    use std::rc::Rc;
    use yew::Reducible;

    fn three() -> Rc<AppState> {
        let docs = ["a", "b", "c"]
            .iter()
            .map(|id| Loaded { doc: Document::new(*id, "ایران و چین"), suggested: true, opened: false })
            .collect();
        Rc::new(AppState::default()).reduce(Action::Loaded { docs, labels: None, open: None })
    }

    fn ev(s: Rc<AppState>, e: ModelEvent) -> Rc<AppState> {
        s.reduce(Action::Model(e))
    }

    #[test]
    fn done_queues_learning_once_and_learned_unqueues() {
        let s = three();
        assert_eq!(s.open, Some(0));
        let s = s.reduce(Action::MarkDoneNext);
        assert_eq!(s.model.to_learn, vec![(1, "a".to_string())]);
        assert_eq!(s.open, Some(1));
        let s = s.reduce(Action::MarkDoneNext);
        assert_eq!(s.model.to_learn.len(), 2);
        // Back to a done document and done again: not learned twice.
        let s = s.reduce(Action::Open(0));
        let s = s.reduce(Action::MarkDoneNext);
        assert_eq!(s.model.to_learn.len(), 2);
        let refresh = s.model.refresh;
        let s = ev(s, ModelEvent::Learned { seq: 1, docs_learned: 1 });
        assert_eq!(s.model.to_learn, vec![(2, "b".to_string())]);
        assert_eq!(s.model.docs_learned, Some(1));
        assert_eq!(s.model.refresh, refresh + 1);
    }

    #[test]
    fn model_suggestions_only_reach_documents_never_opened() {
        let s = three();
        // "a" is open; "b" opened then left; "c" never opened.
        let s = s.reduce(Action::Open(1)).reduce(Action::Open(0));
        assert_eq!(s.refreshable().collect::<Vec<_>>(), vec![2]);
        let before: Vec<_> = s.docs.iter().map(|e| e.doc.suggestions.clone()).collect();
        let new = vec![Span::new(0, 5, "LOC")];
        let docs = ["a", "b", "c", "gone"].iter().map(|id| (id.to_string(), new.clone())).collect();
        let s = ev(s, ModelEvent::Suggested { docs, tokens: 9, ms: 1.5 });
        assert_eq!(s.docs[0].doc.suggestions, before[0]);
        assert_eq!(s.docs[1].doc.suggestions, before[1]);
        assert_eq!(s.docs[2].doc.suggestions, new);
        assert_eq!(s.docs[2].doc.status, Status::New, "a refresh is no edit");
        assert!(!s.can_undo());
        assert_eq!(s.model.last_suggest, Some((9, 1.5)));
        assert_eq!(s.model.suggest_runs, 1);
    }

    #[test]
    fn model_suggestions_keep_off_confirmed_spans() {
        let docs = vec![Loaded { doc: Document::new("o", "x"), suggested: true, opened: false }, {
            let mut d = Document::new("c", "ایران و چین");
            d.spans = vec![Span::new(0, 5, "LOC")];
            Loaded { doc: d, suggested: true, opened: false }
        }];
        let s = Rc::new(AppState::default()).reduce(Action::Loaded { docs, labels: None, open: None });
        let spans = vec![Span::new(0, 5, "ORG"), Span::new(8, 11, "LOC")];
        let s = ev(s, ModelEvent::Suggested { docs: vec![("c".into(), spans)], tokens: 3, ms: 0.0 });
        assert_eq!(s.docs[1].doc.spans, vec![Span::new(0, 5, "LOC")]);
        assert_eq!(s.docs[1].doc.suggestions, vec![Span::new(8, 11, "LOC")]);
    }

    #[test]
    fn reset_needs_its_confirmation() {
        let s = three();
        let s2 = ev(s.clone(), ModelEvent::ConfirmReset);
        assert!(Rc::ptr_eq(&s, &s2), "no reset without asking first");
        let s = ev(s, ModelEvent::AskReset);
        assert!(s.model.confirm_reset);
        let s = ev(s, ModelEvent::CancelReset);
        assert_eq!((s.model.confirm_reset, s.model.reset), (false, 0));
        let s = ev(ev(s, ModelEvent::AskReset), ModelEvent::ConfirmReset);
        assert_eq!((s.model.confirm_reset, s.model.reset), (false, 1));
        let s = ev(s, ModelEvent::WasReset { docs_learned: 0 });
        assert_eq!(s.model.docs_learned, Some(0));
        assert!(s.message.as_ref().is_some_and(|m| m.text.contains("reset")));
    }

    #[test]
    fn a_bad_import_says_why() {
        let s = ev(three(), ModelEvent::Ready { docs_learned: 2 });
        let s = ev(s, ModelEvent::LoadFailed { error: "not a barchasb model".into(), import: true });
        let m = s.message.as_ref().unwrap();
        assert!(m.error && m.text.contains("not a barchasb model"));
        assert_eq!(s.model.docs_learned, Some(2));
    }

    #[test]
    fn added_documents_get_a_refresh() {
        let s = three();
        let r = s.model.refresh;
        let s = s.reduce(Action::AddDocuments { docs: vec![Document::new("d", "چین")], errors: vec![] });
        assert_eq!(s.model.refresh, r + 1);
    }
}
