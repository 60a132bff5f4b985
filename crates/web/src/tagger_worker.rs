//! The tagger's web worker: it owns a [`Tagger`] so that learning from a
//! finished document and re-suggesting the others never block the page.
//!
//! Built twice: as the `tagger-worker` bin (Trunk `data-type="worker"`, which
//! registers [`TaggerWorker`]), and inside the app, which only spawns it and
//! needs the message types. Messages go through gloo-worker's bincode codec,
//! so they carry plain fields (no `Document`: its flattened extra fields are
//! not bincode-friendly).

use barchasb_core::tagger::{Tagger, DEFAULT_HASH_BITS, MAX_LABELS};
use barchasb_core::{Document, LabelSet, Span};
use gloo::worker::{HandlerId, Worker, WorkerScope};
use serde::{Deserialize, Serialize};

/// The worker's script (unhashed: Trunk names worker files after the bin),
/// relative to the page, so the site works under any sub-path.
pub const SCRIPT: &str = "tagger-worker.js";

/// Why a model was (re)loaded: decides what the app says and saves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// The stored model at startup (or none).
    Startup,
    /// A file chosen by the annotator.
    Import,
    Reset,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Request {
    /// Start from these model bytes, or a new model for `labels`.
    Load {
        model: Option<Vec<u8>>,
        labels: Vec<String>,
        origin: Origin,
    },
    /// Learn from a finished document (confirmed spans); `seq` comes back.
    Learn {
        seq: u64,
        id: String,
        text: String,
        spans: Vec<Span>,
    },
    /// Suggestions for these `(id, text)`.
    Suggest(Vec<(String, String)>),
    /// Forget everything: a new model for `labels`.
    Reset {
        labels: Vec<String>,
    },
    Export,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Response {
    /// The model now in use; `save` holds its bytes when they changed.
    Model {
        docs_learned: u32,
        /// The labels it learns (fixed when it was created).
        labels: Vec<String>,
        origin: Option<Origin>,
        learned_seq: Option<u64>,
        save: Option<Vec<u8>>,
    },
    /// A model could not be read (`Tagger::from_bytes`'s error).
    LoadFailed {
        error: String,
        origin: Origin,
    },
    /// Suggestions per document, with the time `suggest` took over `tokens`.
    Suggestions {
        docs: Vec<(String, Vec<Span>)>,
        tokens: usize,
        ms: f64,
    },
    Exported(Vec<u8>),
}

/// A new tagger for the app's labels.
///
/// A model learns at most [`MAX_LABELS`] labels (BILOU tags in the core's
/// format). With more, it learns the first ones in the label set's order
/// and the page names the others (`state/model.rs`: in `#message` when the
/// model comes into use, and on the model bar), rather than learning some
/// other set without a word: a demanding annotator wants the labels they
/// annotate with, and to know which the model will never suggest (they can
/// remove labels and reset the model to choose). Empty, over-long or
/// repeated names (the label editor refuses them) are skipped the same way;
/// the default set is only a last resort if the core still refuses.
pub fn new_tagger(labels: &[String]) -> Tagger {
    let mut kept: Vec<String> = Vec::new();
    for l in labels {
        if kept.len() < MAX_LABELS && !l.is_empty() && l.len() <= 255 && !kept.contains(l) {
            kept.push(l.clone());
        }
    }
    Tagger::with_hash_bits(kept, DEFAULT_HASH_BITS).unwrap_or_else(|_| Tagger::new(LabelSet::default().names()))
}

pub struct TaggerWorker {
    tagger: Option<Tagger>,
}

impl TaggerWorker {
    fn tagger(&mut self) -> &mut Tagger {
        self.tagger.get_or_insert_with(|| Tagger::new(LabelSet::default().names()))
    }

    fn model(&self, origin: Option<Origin>, learned_seq: Option<u64>, save: bool) -> Response {
        let t = self.tagger.as_ref().expect("set before");
        Response::Model {
            docs_learned: t.documents_learned(),
            labels: t.labels().to_vec(),
            origin,
            learned_seq,
            save: save.then(|| t.to_bytes()),
        }
    }
}

/// Milliseconds from a monotonic-enough clock (the worker has no window).
fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl Worker for TaggerWorker {
    type Message = ();
    type Input = Request;
    type Output = Response;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        TaggerWorker { tagger: None }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Request, id: HandlerId) {
        let out = match msg {
            Request::Load { model, labels, origin } => match model.map(|b| Tagger::from_bytes(&b)) {
                Some(Ok(t)) => {
                    self.tagger = Some(t);
                    // An imported model is saved; a stored one already is.
                    self.model(Some(origin), None, origin == Origin::Import)
                }
                Some(Err(e)) => {
                    scope.respond(id, Response::LoadFailed { error: e.to_string(), origin });
                    if origin == Origin::Import {
                        return; // the model in use stays
                    }
                    // An unreadable stored model: start a new one.
                    self.tagger = Some(new_tagger(&labels));
                    self.model(Some(origin), None, false)
                }
                None => {
                    self.tagger = Some(new_tagger(&labels));
                    self.model(Some(origin), None, false)
                }
            },
            Request::Learn { seq, id: doc_id, text, spans } => {
                let mut doc = Document::new(doc_id, text);
                doc.spans = spans;
                self.tagger().learn(&doc);
                self.model(None, Some(seq), true)
            }
            Request::Suggest(docs) => {
                let tagger = self.tagger();
                let tokens = docs.iter().map(|(_, t)| barchasb_core::tokenize(t).len()).sum();
                let start = now_ms();
                let docs: Vec<_> = docs.into_iter().map(|(id, text)| (id, tagger.suggest(&text))).collect();
                let ms = now_ms() - start;
                Response::Suggestions { docs, tokens, ms }
            }
            Request::Reset { labels } => {
                self.tagger = Some(new_tagger(&labels));
                self.model(Some(Origin::Reset), None, true)
            }
            Request::Export => Response::Exported(self.tagger().to_bytes()),
        };
        scope.respond(id, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(n: usize) -> Vec<String> {
        (1..=n).map(|i| format!("L{i}")).collect()
    }

    #[test]
    fn a_new_model_learns_the_first_labels_it_can_not_the_default_set() {
        assert_eq!(new_tagger(&names(3)).labels(), names(3).as_slice());
        assert_eq!(new_tagger(&names(MAX_LABELS)).labels(), names(MAX_LABELS).as_slice());
        assert_eq!(new_tagger(&names(MAX_LABELS + 4)).labels(), names(MAX_LABELS).as_slice());
        // Unusable names are skipped, not a reason to learn other labels.
        let odd: Vec<String> = ["PER", "", "PER", "ORG"].map(String::from).to_vec();
        assert_eq!(new_tagger(&odd).labels(), ["PER", "ORG"]);
    }
}
