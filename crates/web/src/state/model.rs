//! The learned tagger as the reducer sees it. The model itself lives in a
//! web worker (`tagger_worker.rs`, driven by `hooks/model.rs`); the state
//! only says what to send it (documents marked done, when to refresh the
//! suggestions of documents not yet opened) and shows what it reported.
//!
//! Nothing marked done is lost to the model: each document carries, saved
//! with it in IndexedDB, what the current model learned of it
//! ([`Entry::learned`](super::Entry)):
//!
//! - marking a document done queues it, unless the model already learned it
//!   with the same confirmed spans (undo "done" then done again teaches
//!   nothing twice; done again with other confirmed spans teaches the
//!   changes, which is what the annotator meant). Queuing sets `learned` to
//!   `None`, saved with the document's status;
//! - a queued document becomes `Learned::Spans(fingerprint)` only once the
//!   model that learned it is committed to IndexedDB
//!   ([`ModelEvent::Saved`]), so a reload or crash in between leaves it
//!   `None`, and at startup every done document still `None` is queued
//!   again (after the stored model is loaded). The worst case, a crash
//!   between the model's commit and the document's, learns it twice;
//! - a reset or an imported model starts another model: every document is
//!   `Learned::Skipped` (not to be learned at startup) until it is marked
//!   done again. Documents imported from files are `Skipped` too (the model
//!   learns what is marked done here);
//! - documents stored before this bookkeeping existed load as `Skipped`
//!   (the model of that time learned them when they were marked done).
//!
//! A model's labels are fixed when it is created (at most [`MAX_LABELS`]:
//! the first ones of the label set, `tagger_worker::new_tagger`). Labels it
//! does not learn (past the limit, or added or renamed since) are never
//! hidden: [`AppState::labels_not_learned`] feeds the model bar, and
//! `#message` names them whenever a model comes into use.

use super::{error, info, AppState};
use crate::i18n::{Noun, T};
use barchasb_core::{Span, Status};
use barchasb_tagger::MAX_LABELS;
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// What the current model learned of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Learned {
    /// It learned the document with these confirmed spans ([`fingerprint`]).
    Spans(u64),
    /// Not learned by this model and not to be learned unless marked done
    /// again (done before a reset or an import, or imported from a file).
    Skipped,
}

/// FNV-1a (64 bits) of the confirmed spans: stable across builds and
/// versions, unlike `std`'s hasher, because it is stored.
pub fn fingerprint(spans: &[Span]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for s in spans {
        eat(&(s.start as u64).to_le_bytes());
        eat(&(s.end as u64).to_le_bytes());
        eat(s.label.as_bytes());
        eat(&[0xff]); // no label byte (UTF-8 never has 0xff): ends the label
    }
    h
}

/// A document waiting to be learned, with the confirmed spans it had when
/// it was marked done (what the worker is sent).
#[derive(Debug, Clone, PartialEq)]
pub struct Queued {
    pub seq: u64,
    pub id: String,
    pub spans: Vec<Span>,
}

/// What the page knows of the model.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ModelState {
    /// Documents the model has learned from, as the worker last reported;
    /// `None` until the worker has loaded a model.
    pub docs_learned: Option<u32>,
    /// The labels the model learns, as the worker reported when it came
    /// into use (kept until a reset or an import).
    pub labels: Vec<String>,
    /// Documents marked done, to be sent to the worker. An entry leaves when
    /// the model that learned it is saved (or on reset / import).
    pub to_learn: Vec<Queued>,
    /// The last `seq` given out.
    pub learn_seq: u64,
    /// The last `seq` the worker reported learned (saved or not).
    pub learned_seq: u64,
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
    /// Bumped when a stored model came into use: the hook gives the worker
    /// back the documents it learned ([`AppState::learned_documents`]), so
    /// it retrains in batch again.
    pub recall: u64,
}

impl ModelState {
    /// Queued documents the worker has not reported learned yet.
    pub fn learning(&self) -> usize {
        self.to_learn.iter().filter(|q| q.seq > self.learned_seq).count()
    }
}

/// What the worker did, or what the annotator asked of the model.
#[derive(Debug, Clone, PartialEq)]
pub enum ModelEvent {
    /// A model is in use: the stored one at startup, or a new one.
    Ready {
        docs_learned: u32,
        labels: Vec<String>,
    },
    /// An imported model is in use.
    Imported {
        docs_learned: u32,
        labels: Vec<String>,
    },
    /// The worker learned the queued documents up to `seq`.
    Learned {
        seq: u64,
        docs_learned: u32,
    },
    /// The model was reset (after the confirmation).
    WasReset {
        docs_learned: u32,
        labels: Vec<String>,
    },
    /// A model file could not be read; `import`: chosen by the annotator
    /// (the model in use stays), else the stored one (a new one replaces it).
    LoadFailed {
        error: String,
        import: bool,
    },
    /// The model's suggestions for documents, with the time they took.
    Suggested {
        docs: Vec<(String, crate::tagger_worker::Scored)>,
        tokens: usize,
        ms: f64,
    },
    /// The model learned from `docs_learned` documents is in IndexedDB;
    /// `learned_seq`: it includes the queued documents up to that `seq`.
    Saved {
        docs_learned: u32,
        learned_seq: Option<u64>,
    },
    AskReset,
    CancelReset,
    ConfirmReset,
}

impl AppState {
    /// After document `i`'s status changed from `before`: marked done, it is
    /// queued for learning.
    pub(super) fn status_changed(&mut self, i: usize, before: Status) {
        if before != Status::Done && self.docs[i].doc.status == Status::Done {
            self.queue_learning(i);
        }
    }

    /// Queues document `i` for the worker to learn from, unless the model
    /// learned (or is about to learn) these very confirmed spans.
    fn queue_learning(&mut self, i: usize) {
        let e = &self.docs[i];
        let fp = fingerprint(&e.doc.spans);
        let queued = self.model.to_learn.iter().any(|q| q.id == e.doc.id && fingerprint(&q.spans) == fp);
        if e.learned == Some(Learned::Spans(fp)) || queued {
            return;
        }
        let (id, spans) = (e.doc.id.clone(), e.doc.spans.clone());
        self.set_learned(i, None);
        self.model.learn_seq += 1;
        self.model.to_learn.push(Queued { seq: self.model.learn_seq, id, spans });
    }

    /// Queues every done document the current model has not learned: those
    /// marked done whose learning was not saved before the page closed.
    fn queue_pending(&mut self) {
        for i in 0..self.docs.len() {
            let e = &self.docs[i];
            if e.doc.status == Status::Done && e.learned.is_none() {
                self.queue_learning(i);
            }
        }
    }

    /// Sets what the model learned of document `i` (saved with it).
    fn set_learned(&mut self, i: usize, learned: Option<Learned>) {
        if self.docs[i].learned == learned {
            return;
        }
        let rev = self.bump();
        let e = Rc::make_mut(&mut self.docs[i]);
        e.learned = learned;
        e.rev = rev;
    }

    /// Another model (reset, import): nothing queued is learned by it, and
    /// no document is to be learned until it is marked done again.
    fn forget_learning(&mut self) {
        self.model.to_learn.clear();
        for i in 0..self.docs.len() {
            self.set_learned(i, Some(Learned::Skipped));
        }
    }

    /// The model that learned the queue up to `seq` is saved.
    fn learning_saved(&mut self, seq: u64) {
        let (done, rest): (Vec<Queued>, Vec<Queued>) =
            std::mem::take(&mut self.model.to_learn).into_iter().partition(|q| q.seq <= seq);
        self.model.to_learn = rest;
        for q in done {
            // A later entry for the same document (done again, other spans)
            // keeps it pending.
            if self.model.to_learn.iter().any(|r| r.id == q.id) {
                continue;
            }
            if let Some(i) = self.index_of(&q.id) {
                self.set_learned(i, Some(Learned::Spans(fingerprint(&q.spans))));
            }
        }
    }

    /// The labels of the label set the model in use does not learn: past
    /// [`MAX_LABELS`], or added or renamed after it was created. None before
    /// a model is loaded.
    pub fn labels_not_learned(&self) -> Vec<&str> {
        if self.model.docs_learned.is_none() {
            return Vec::new();
        }
        self.labels.names().filter(|n| !self.model.labels.iter().any(|l| l == n)).collect()
    }

    /// Why some labels are not learned, naming them; `None` if all are.
    pub fn labels_note(&self) -> Option<String> {
        let left = self.labels_not_learned();
        if left.is_empty() {
            return None;
        }
        let list = left.join(", ");
        let over = self.labels.labels.len() > MAX_LABELS;
        let (lang, most) = (self.lang, self.lang.num(MAX_LABELS));
        Some(if over && self.model.labels.len() >= MAX_LABELS {
            lang.f(T::ModelAtMost, &[&most, &list])
        } else {
            let cap = if over { lang.f(T::ModelResetCap, &[&most]) } else { String::new() };
            lang.f(T::ModelKeepsLabels, &[&list, &cap])
        })
    }

    /// A model came into use: says which labels it does not learn, after
    /// what is already said about it (an unreadable stored model, a reset,
    /// an import); an unrelated information gives way.
    fn note_labels(&mut self, own_message: bool) {
        let Some(note) = self.labels_note() else { return };
        match &mut self.message {
            Some(m) if own_message || m.error => {
                m.text.push(' ');
                m.text.push_str(&note);
            }
            _ => self.message = info(note),
        }
    }

    /// Documents whose suggestions the model may replace: still new (not
    /// edited), and never opened or open now, so nothing the annotator
    /// touched changes, and a document seen and left keeps what was seen;
    /// the open one is the next after "done & next", which opens before the
    /// model has learned the document just done, and must show what it
    /// learned. Only documents suggested already (the others wait for their
    /// first analysis, which the worker makes with the model as it is then).
    /// Never in a review: a merged document shows the annotators' spans
    /// and their disagreements, and no model answer may fill them in.
    pub fn refreshable(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.docs.len()).filter(|&i| self.is_refreshable(i))
    }

    /// Whether document `i` is one of [`AppState::refreshable`].
    fn is_refreshable(&self, i: usize) -> bool {
        let e = &self.docs[i];
        !self.team.review && (!e.opened || self.open == Some(i)) && e.suggested && e.doc.status == Status::New
    }

    /// Documents marked done that the current model learned with the
    /// confirmed spans they have now: `(id, text, spans)`.
    pub fn learned_documents(&self) -> Vec<(String, String, Vec<Span>)> {
        self.docs
            .iter()
            .filter(|e| e.doc.status == Status::Done && e.learned == Some(Learned::Spans(fingerprint(&e.doc.spans))))
            .map(|e| (e.doc.id.clone(), e.doc.text.clone(), e.doc.spans.clone()))
            .collect()
    }

    /// Applies a model event; `false` when nothing changed.
    pub(super) fn model_event(&mut self, event: ModelEvent) -> bool {
        let m = &mut self.model;
        match event {
            ModelEvent::Ready { docs_learned, labels } => {
                m.docs_learned = Some(docs_learned);
                m.labels = labels;
                if docs_learned > 0 {
                    m.recall += 1;
                }
                // after a reload too: the confidences and margins of the
                // documents not opened come from the model again
                if docs_learned > 0 || self.refreshable().next().is_some() {
                    self.model.refresh += 1;
                }
                self.queue_pending();
                self.note_labels(false);
            }
            ModelEvent::Imported { docs_learned, labels } => {
                m.docs_learned = Some(docs_learned);
                m.labels = labels;
                m.refresh += 1;
                let docs = self.lang.count(docs_learned as usize, Noun::Document);
                self.message = info(self.lang.f(T::ModelImported, &[&docs]));
                self.forget_learning();
                self.note_labels(true);
            }
            ModelEvent::Learned { seq, docs_learned } => {
                m.learned_seq = m.learned_seq.max(seq);
                m.docs_learned = Some(docs_learned);
                m.refresh += 1;
            }
            ModelEvent::WasReset { docs_learned, labels } => {
                m.docs_learned = Some(docs_learned);
                m.labels = labels;
                m.refresh += 1;
                self.message = info(self.lang.t(T::ModelWasReset));
                self.forget_learning();
                self.note_labels(true);
            }
            ModelEvent::LoadFailed { error: e, import: true } => {
                self.message = error(self.lang.f(T::ModelImportFailed, &[&e]));
            }
            ModelEvent::LoadFailed { error: e, import: false } => {
                // The new model learns again what the unreadable one had
                // learned: every document marked done (queued on Ready).
                let done: Vec<usize> =
                    (0..self.docs.len()).filter(|&i| self.docs[i].doc.status == Status::Done).collect();
                for &i in &done {
                    self.set_learned(i, None);
                }
                let again = match done.len() {
                    0 => String::new(),
                    n => self.lang.f(T::ModelLearnsAgain, &[&self.lang.count(n, Noun::DocumentMarkedDone)]),
                };
                self.message = error(self.lang.f(T::ModelUnreadable, &[&e, &again]));
            }
            ModelEvent::Suggested { docs, tokens, ms } => {
                self.model.last_suggest = Some((tokens, ms));
                self.model.suggest_runs += 1;
                for (id, scored) in docs {
                    // Opened or edited since the request: left alone.
                    let Some(i) = self.index_of(&id) else { continue };
                    if !self.is_refreshable(i) {
                        continue;
                    }
                    let spans = scored.spans.clone();
                    Rc::make_mut(&mut self.docs[i]).scored = Some(Rc::new(scored));
                    if self.docs[i].doc.suggestions != spans {
                        self.set_suggestions(i, spans);
                    } else {
                        let rev = self.bump(); // the confidences are new
                        Rc::make_mut(&mut self.docs[i]).rev = rev;
                    }
                }
            }
            ModelEvent::Saved { docs_learned, learned_seq } => {
                m.saved = Some(docs_learned);
                if let Some(seq) = learned_seq {
                    self.learning_saved(seq);
                }
            }
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
    use super::super::{Action, LabelField, Loaded};
    use super::*;
    use barchasb_core::Document;
    use std::rc::Rc;
    use yew::Reducible;

    fn three() -> Rc<AppState> {
        let docs = ["a", "b", "c"]
            .iter()
            .map(|id| Loaded {
                doc: Document::new(*id, "ایران و چین"),
                suggested: true,
                opened: false,
                learned: None,
                disputes: Vec::new(),
            })
            .collect();
        Rc::new(AppState::english()).reduce(Action::Loaded { docs, labels: None, open: None })
    }

    /// The worker's reading of a text with these suggestions.
    fn scored(spans: Vec<Span>) -> crate::tagger_worker::Scored {
        let confidence = spans.iter().map(|_| 0.4).collect();
        crate::tagger_worker::Scored { spans, confidence, margin: 2.5 }
    }

    /// The default label set's names: a model made for the app's labels.
    fn all() -> Vec<String> {
        barchasb_core::LabelSet::default().names().map(String::from).collect()
    }

    fn ev(s: Rc<AppState>, e: ModelEvent) -> Rc<AppState> {
        s.reduce(Action::Model(e))
    }

    fn ids(s: &AppState) -> Vec<&str> {
        s.model.to_learn.iter().map(|q| q.id.as_str()).collect()
    }

    fn learned(s: &AppState, i: usize) -> Option<Learned> {
        s.docs[i].learned
    }

    fn saved(s: Rc<AppState>, seq: u64) -> Rc<AppState> {
        ev(s, ModelEvent::Saved { docs_learned: seq as u32, learned_seq: Some(seq) })
    }

    /// The documents as the persistence hook stores them, loaded again.
    fn reload(s: &AppState) -> Rc<AppState> {
        let docs = s
            .docs
            .iter()
            .map(|e| Loaded {
                doc: e.doc.clone(),
                suggested: e.suggested,
                opened: e.opened,
                learned: e.learned,
                disputes: Vec::new(),
            })
            .collect();
        Rc::new(AppState::english()).reduce(Action::Loaded { docs, labels: None, open: None })
    }

    #[test]
    fn after_a_reload_the_model_gets_back_what_it_learned_and_rereads_the_unopened() {
        let s = three().reduce(Action::MarkDoneNext);
        let s = saved(ev(s, ModelEvent::Learned { seq: 1, docs_learned: 1 }), 1);
        assert_eq!(s.learned_documents(), [("a".to_string(), "ایران و چین".to_string(), Vec::new())]);
        let s = reload(&s);
        let s = ev(s, ModelEvent::Ready { docs_learned: 1, labels: all() });
        assert_eq!(s.model.recall, 1, "the hook sends learned_documents to the worker");
        assert_eq!(s.model.refresh, 1);
        // "b" was opened (the open one after "a"); "c" is read again
        assert_eq!(s.refreshable().collect::<Vec<_>>(), [2]);
        // a model that learned nothing: nothing to recall, the unopened still reread
        let s = ev(reload(&three()), ModelEvent::Ready { docs_learned: 0, labels: all() });
        assert_eq!((s.model.recall, s.model.refresh), (0, 1));
        assert!(s.learned_documents().is_empty());
    }

    #[test]
    fn done_queues_learning_once_and_only_a_saved_model_marks_it_learned() {
        let s = three();
        assert_eq!(s.open, Some(0));
        let s = s.reduce(Action::MarkDoneNext);
        assert_eq!(ids(&s), ["a"]);
        assert_eq!(s.model.to_learn[0].seq, 1);
        assert_eq!(learned(&s, 0), None);
        assert_eq!(s.open, Some(1));
        let s = s.reduce(Action::MarkDoneNext);
        assert_eq!(ids(&s), ["a", "b"]);
        // Back to a done document and done again: not learned twice.
        let s = s.reduce(Action::Open(0));
        let s = s.reduce(Action::MarkDoneNext);
        assert_eq!(s.model.to_learn.len(), 2);
        let refresh = s.model.refresh;
        let s = ev(s, ModelEvent::Learned { seq: 1, docs_learned: 1 });
        assert_eq!(s.model.docs_learned, Some(1));
        assert_eq!(s.model.refresh, refresh + 1);
        assert_eq!(s.model.learning(), 1, "the worker learned a");
        assert_eq!(ids(&s), ["a", "b"], "but a stays queued until the model is saved");
        assert_eq!(learned(&s, 0), None);
        let rev = s.docs[0].rev;
        let s = saved(s, 1);
        assert_eq!(ids(&s), ["b"]);
        assert_eq!(learned(&s, 0), Some(Learned::Spans(fingerprint(&s.docs[0].doc.spans))));
        assert!(s.docs[0].rev > rev, "the mark is saved with the document");
        assert_eq!(learned(&s, 1), None);
    }

    #[test]
    fn a_reload_before_the_model_is_saved_queues_the_document_again() {
        let s = three().reduce(Action::MarkDoneNext).reduce(Action::MarkDoneNext);
        let s = saved(ev(s, ModelEvent::Learned { seq: 1, docs_learned: 1 }), 1);
        // "a" learned and saved, "b" done but its learning not saved: reload.
        let r = reload(&s);
        assert!(r.model.to_learn.is_empty(), "nothing is sent before the stored model is loaded");
        let r = ev(r, ModelEvent::Ready { docs_learned: 1, labels: all() });
        assert_eq!(ids(&r), ["b"]);
        assert_eq!(r.model.to_learn[0].spans, r.docs[1].doc.spans);
        // A second Ready (another load) queues nothing more.
        let r = ev(r, ModelEvent::Ready { docs_learned: 1, labels: all() });
        assert_eq!(ids(&r), ["b"]);
        let r = saved(r, 1);
        assert!(r.model.to_learn.is_empty());
        assert!(matches!(learned(&r, 1), Some(Learned::Spans(_))));
        assert_eq!(ids(&ev(reload(&r), ModelEvent::Ready { docs_learned: 2, labels: all() })), Vec::<&str>::new());
    }

    #[test]
    fn undo_done_then_done_again_learns_once_unless_the_spans_changed() {
        let s = saved(three().reduce(Action::MarkDoneNext), 1);
        assert!(s.model.to_learn.is_empty());
        // Undo "done" and redo it, or mark it done again: nothing to learn.
        let s = s.reduce(Action::Undo);
        assert_eq!((s.open, s.docs[0].doc.status), (Some(0), Status::New));
        let s = s.reduce(Action::Redo);
        assert_eq!(s.docs[0].doc.status, Status::Done);
        assert!(s.model.to_learn.is_empty());
        let s = s.reduce(Action::Undo).reduce(Action::MarkDoneNext);
        assert_eq!(s.docs[0].doc.status, Status::Done);
        assert!(s.model.to_learn.is_empty());
        // Undone, a span confirmed, done again: the new spans are learned.
        let s = s.reduce(Action::Undo);
        let s = s.reduce(Action::Label { start: 0, end: 5, label: "LOC".into() });
        let s = s.reduce(Action::MarkDoneNext);
        assert_eq!(ids(&s), ["a"]);
        assert_eq!(s.model.to_learn[0].spans, vec![Span::new(0, 5, "LOC")]);
        assert_eq!(learned(&s, 0), None, "pending again, so a reload learns it");
        // Undo and redo while it is still queued: queued once.
        let s = s.reduce(Action::Undo).reduce(Action::Redo);
        assert_eq!(ids(&s), ["a"]);
    }

    #[test]
    fn a_later_entry_for_the_same_document_keeps_it_pending() {
        let s = three().reduce(Action::MarkDoneNext).reduce(Action::Undo);
        let s = s.reduce(Action::Label { start: 0, end: 5, label: "LOC".into() }).reduce(Action::MarkDoneNext);
        assert_eq!(s.model.to_learn.iter().map(|q| q.seq).collect::<Vec<_>>(), [1, 2]);
        let s = saved(s, 1);
        assert_eq!(learned(&s, 0), None, "its latest spans are not learned yet");
        let s = saved(s, 2);
        assert_eq!(learned(&s, 0), Some(Learned::Spans(fingerprint(&[Span::new(0, 5, "LOC")]))));
    }

    #[test]
    fn a_reset_or_an_import_forgets_the_queue_and_skips_earlier_documents() {
        for event in [
            ModelEvent::WasReset { docs_learned: 0, labels: all() },
            ModelEvent::Imported { docs_learned: 7, labels: all() },
        ] {
            // a learned and saved, b done and queued, c not done.
            let s = saved(three().reduce(Action::MarkDoneNext), 1).reduce(Action::MarkDoneNext);
            assert_eq!(ids(&s), ["b"]);
            let s = ev(s, event.clone());
            assert!(s.model.to_learn.is_empty(), "{event:?}");
            assert!((0..3).all(|i| learned(&s, i) == Some(Learned::Skipped)), "{event:?}");
            // The old model's save of b, answered late, changes nothing.
            let s = saved(s, 2);
            assert_eq!(learned(&s, 1), Some(Learned::Skipped));
            // A restart does not teach the new model what came before it…
            assert!(ev(reload(&s), ModelEvent::Ready { docs_learned: 0, labels: all() }).model.to_learn.is_empty());
            // …but marking a document done again does (b: undo then redo).
            let s = s.reduce(Action::Undo).reduce(Action::Redo);
            assert_eq!(ids(&s), ["b"], "{event:?}");
            // And c, marked done for the first time.
            let s = s.reduce(Action::Open(2)).reduce(Action::MarkDoneNext);
            assert_eq!(ids(&s), ["b", "c"]);
        }
    }

    #[test]
    fn imported_documents_and_documents_stored_before_are_not_learned_at_startup() {
        let mut d = Document::new("imp", "چین");
        d.status = Status::Done;
        let s = three().reduce(Action::AddDocuments { docs: vec![d], errors: vec![] });
        assert_eq!(learned(&s, 3), Some(Learned::Skipped));
        assert!(ev(reload(&s), ModelEvent::Ready { docs_learned: 0, labels: all() }).model.to_learn.is_empty());
    }

    #[test]
    fn the_fingerprint_is_stable_and_sees_every_field() {
        // FNV-1a's offset basis: the stored value of a document without spans.
        assert_eq!(fingerprint(&[]), 0xcbf2_9ce4_8422_2325);
        let base = fingerprint(&[Span::new(0, 5, "LOC"), Span::new(8, 11, "LOC")]);
        assert_eq!(base, fingerprint(&[Span::new(0, 5, "LOC"), Span::new(8, 11, "LOC")]));
        for other in [
            vec![Span::new(0, 5, "LOC")],
            vec![Span::new(0, 5, "ORG"), Span::new(8, 11, "LOC")],
            vec![Span::new(0, 4, "LOC"), Span::new(8, 11, "LOC")],
            vec![Span::new(1, 5, "LOC"), Span::new(8, 11, "LOC")],
            vec![Span::new(0, 5, "LO"), Span::new(8, 11, "CLOC")],
        ] {
            assert_ne!(base, fingerprint(&other), "{other:?}");
        }
    }

    #[test]
    fn model_suggestions_reach_documents_never_opened_and_the_open_one_while_untouched() {
        let s = three();
        // "a" is open; "b" opened then left; "c" never opened.
        let s = s.reduce(Action::Open(1)).reduce(Action::Open(0));
        assert_eq!(s.refreshable().collect::<Vec<_>>(), vec![0, 2]);
        // edited, the open one is the annotator's
        let edited = s.clone().reduce(Action::Label { start: 8, end: 11, label: "LOC".into() });
        assert_eq!(edited.refreshable().collect::<Vec<_>>(), vec![2]);
        let before: Vec<_> = s.docs.iter().map(|e| e.doc.suggestions.clone()).collect();
        let new = vec![Span::new(0, 5, "LOC")];
        let docs = ["a", "b", "c", "gone"].iter().map(|id| (id.to_string(), scored(new.clone()))).collect();
        let s = ev(s, ModelEvent::Suggested { docs, tokens: 9, ms: 1.5 });
        assert_eq!(s.docs[0].doc.suggestions, new);
        assert_eq!(s.docs[1].doc.suggestions, before[1]);
        assert_eq!(s.docs[2].doc.suggestions, new);
        // the new suggestions come with their confidences, the others keep theirs
        assert!(s.docs[1].scored.is_none());
        let shown = s.docs[2].view_spans();
        assert_eq!(shown.iter().map(|v| v.confidence).collect::<Vec<_>>(), [Some(0.4)]);
        assert!(s.docs[2].has_unsure());
        assert_eq!(s.docs[2].confidences(), [(0, 0.4)]);
        assert_eq!(s.docs[2].next_unsure(None), Some(0));
        assert_eq!(s.docs[2].next_unsure(Some(0)), Some(0), "one: round to itself");
        assert_eq!(s.docs[2].doc.status, Status::New, "a refresh is no edit");
        assert!(!s.can_undo());
        assert_eq!(s.model.last_suggest, Some((9, 1.5)));
        assert_eq!(s.model.suggest_runs, 1);
    }

    #[test]
    fn model_suggestions_keep_off_confirmed_spans() {
        let docs = vec![
            Loaded {
                doc: Document::new("o", "x"),
                suggested: true,
                opened: false,
                learned: None,
                disputes: Vec::new(),
            },
            {
                let mut d = Document::new("c", "ایران و چین");
                d.spans = vec![Span::new(0, 5, "LOC")];
                Loaded { doc: d, suggested: true, opened: false, learned: None, disputes: Vec::new() }
            },
        ];
        let s = Rc::new(AppState::english()).reduce(Action::Loaded { docs, labels: None, open: None });
        let spans = vec![Span::new(0, 5, "ORG"), Span::new(8, 11, "LOC")];
        let s = ev(s, ModelEvent::Suggested { docs: vec![("c".into(), scored(spans))], tokens: 3, ms: 0.0 });
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
        let s = ev(s, ModelEvent::WasReset { docs_learned: 0, labels: all() });
        assert_eq!(s.model.docs_learned, Some(0));
        assert!(s.message.as_ref().is_some_and(|m| m.text.contains("reset")));
    }

    #[test]
    fn a_bad_import_says_why() {
        let s = ev(three(), ModelEvent::Ready { docs_learned: 2, labels: all() });
        let s = ev(s, ModelEvent::LoadFailed { error: "not a barchasb model".into(), import: true });
        let m = s.message.as_ref().unwrap();
        assert!(m.error && m.text.contains("not a barchasb model"));
        assert_eq!(s.model.docs_learned, Some(2));
    }

    /// The labels a new model gets for `s`'s label set (the worker's rule).
    fn made_for(s: &AppState) -> Vec<String> {
        let names: Vec<String> = s.labels.names().map(String::from).collect();
        crate::tagger_worker::new_tagger(&names).labels().to_vec()
    }

    /// `three()` with `n` labels added (LABEL12, LABEL13, …).
    fn with_labels_added(n: usize) -> Rc<AppState> {
        (0..n).fold(three(), |s, _| s.reduce(Action::AddLabel))
    }

    #[test]
    fn a_stored_model_of_an_older_format_says_why_and_a_new_one_learns_the_done_documents_again() {
        // A model as an older build saved it (format version 2).
        let mut bytes = barchasb_tagger::Tagger::new(all()).to_bytes();
        bytes[8..10].copy_from_slice(&2u16.to_le_bytes());
        let Err(error) = barchasb_tagger::Tagger::from_bytes(&bytes) else { panic!("version 2 is refused") };
        let error = error.to_string();
        assert!(error.contains("version 2"), "{error}");
        // "a" and "b" were learned by the old model and saved so; "c" is new.
        let s = three().reduce(Action::MarkDoneNext).reduce(Action::MarkDoneNext);
        let s = saved(ev(s, ModelEvent::Learned { seq: 2, docs_learned: 2 }), 2);
        assert!(matches!(learned(&s, 0), Some(Learned::Spans(_))) && matches!(learned(&s, 1), Some(Learned::Spans(_))));
        let r = reload(&s);
        // The worker answers LoadFailed, then the new model it uses.
        let r = ev(r, ModelEvent::LoadFailed { error: error.clone(), import: false });
        let r = ev(r, ModelEvent::Ready { docs_learned: 0, labels: all() });
        let m = r.message.as_ref().expect("the annotator is told");
        assert!(m.error, "{m:?}");
        assert!(m.text.contains("saved model cannot be read") && m.text.contains(&error), "{}", m.text);
        assert!(m.text.ends_with("It learns again from the 2 documents marked done."), "{}", m.text);
        assert_eq!(ids(&r), ["a", "b"], "the done documents are learned again");
        assert_eq!((learned(&r, 0), learned(&r, 2)), (None, None));
        assert_eq!(r.model.docs_learned, Some(0));
        assert!(r.labels_not_learned().is_empty());
        // Nothing done: nothing to learn, and no promise of it.
        let r = ev(three(), ModelEvent::LoadFailed { error: "bad magic".into(), import: false });
        assert!(r.message.as_ref().unwrap().text.ends_with("A new model replaces it."));
    }

    #[test]
    fn more_labels_than_a_model_learns_are_named_not_dropped_silently() {
        let s = with_labels_added(MAX_LABELS + 2 - 11);
        assert_eq!(s.labels.labels.len(), MAX_LABELS + 2);
        assert!(s.labels_not_learned().is_empty(), "nothing to say before a model is loaded");
        // A model of the 11 labels, 6 added since: a reset would not learn them all.
        let note = ev(s.clone(), ModelEvent::Ready { docs_learned: 0, labels: all() }).labels_note().unwrap();
        assert!(
            note.contains("keeps its labels") && note.ends_with("LABEL17. A reset learns the first 15 only."),
            "{note}"
        );
        let labels = made_for(&s);
        assert_eq!(labels.len(), MAX_LABELS);
        let s = ev(s, ModelEvent::Ready { docs_learned: 0, labels });
        assert_eq!(s.labels_not_learned(), ["LABEL16", "LABEL17"]);
        let m = s.message.as_ref().expect("said in #message");
        assert!(!m.error);
        assert!(
            m.text.contains("at most 15 labels")
                && m.text.ends_with("not LABEL16, LABEL17 (to choose, remove labels then reset the model)."),
            "{}",
            m.text
        );
        // After an unreadable stored model, both are said.
        let s = with_labels_added(6);
        let s = ev(s, ModelEvent::LoadFailed { error: "bad magic".into(), import: false });
        let labels = made_for(&s);
        let m = ev(s, ModelEvent::Ready { docs_learned: 0, labels }).message.clone().unwrap();
        assert!(m.error && m.text.contains("bad magic") && m.text.contains("not LABEL16, LABEL17"), "{}", m.text);
        // Removing labels then resetting: the model learns them all.
        let s = with_labels_added(6).reduce(Action::RemoveLabel(0)).reduce(Action::RemoveLabel(0));
        let s = ev(s, ModelEvent::Ready { docs_learned: 0, labels: vec![] });
        let labels = made_for(&s);
        let s = ev(s, ModelEvent::WasReset { docs_learned: 0, labels });
        assert!(s.labels_not_learned().is_empty());
        assert!(s.message.as_ref().unwrap().text.ends_with("until it learns again."));
    }

    #[test]
    fn a_label_added_or_renamed_later_is_not_learned_until_a_reset() {
        let s = ev(three(), ModelEvent::Ready { docs_learned: 3, labels: all() });
        assert_eq!((s.labels_not_learned(), s.labels_note()), (vec![], None));
        assert_eq!(s.message, None);
        let s = s.reduce(Action::AddLabel);
        let s = s.reduce(Action::EditLabel { index: 0, field: LabelField::Name("PERSON".into()) });
        assert_eq!(s.labels_not_learned(), ["PERSON", "LABEL12"]);
        let note = s.labels_note().unwrap();
        assert!(note.contains("keeps its labels until it is reset") && note.contains("PERSON, LABEL12"), "{note}");
        // At the next startup it is said in #message too.
        let r = Rc::new(AppState::english()).reduce(Action::Loaded {
            docs: vec![],
            labels: Some((*s.labels).clone()),
            open: None,
        });
        let r = ev(r, ModelEvent::Ready { docs_learned: 3, labels: all() });
        assert_eq!(r.message.as_ref().map(|m| m.text.as_str()), Some(note.as_str()));
        // An import says it after its own message.
        let i = ev(s.clone(), ModelEvent::Imported { docs_learned: 1, labels: all() });
        let text = &i.message.as_ref().unwrap().text;
        assert!(text.starts_with("Imported") && text.ends_with(&note), "{text}");
        // A reset makes a model for the labels as they are now.
        let labels = made_for(&s);
        let s = ev(s, ModelEvent::WasReset { docs_learned: 0, labels });
        assert!(s.labels_not_learned().is_empty());
    }

    #[test]
    fn added_documents_wait_for_their_first_analysis_not_a_refresh() {
        let s = three();
        let r = s.model.refresh;
        let s = s.reduce(Action::AddDocuments { docs: vec![Document::new("d", "چین")], errors: vec![] });
        assert_eq!(s.model.refresh, r, "the analysis uses the model: no second pass over every document");
        assert_eq!(s.awaiting_suggestions().map(|i| s.docs[i].doc.id.as_str()).collect::<Vec<_>>(), ["d"]);
    }
}
