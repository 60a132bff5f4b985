//! The tagger's web worker: it owns a [`Tagger`] so that learning from a
//! finished document and re-suggesting the others never block the page.
//!
//! Built twice: as the `tagger-worker` bin (Trunk `data-type="worker"`, which
//! registers [`TaggerWorker`]), and inside the app, which only spawns it and
//! needs the message types. Messages go through gloo-worker's bincode codec,
//! so they carry plain fields (no `Document`: its flattened extra fields are
//! not bincode-friendly).

use barchasb_core::{Document, LabelSet, Span};
use barchasb_tagger::{Tagger, DEFAULT_HASH_BITS, MAX_LABELS};
use gloo::worker::{HandlerId, Worker, WorkerScope};
use serde::{Deserialize, Serialize};

/// The worker's loader (`www/worker.js`, which loads `tagger-worker.js`, unhashed:
/// Trunk names worker files after the bin), relative to the page, so the
/// site works under any sub-path. Spawned with gloo's `spawn_with_loader`:
/// its own loader is a `blob:` script the page's Trusted Types refuse.
pub const SCRIPT: &str = "worker.js?name=tagger-worker";

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
    /// Suggestions for these `(id, text)` from the model now in use (a
    /// refresh after it changed).
    Suggest(Vec<(String, String)>),
    /// The words of these `(id, text)` as the rules read them (for
    /// snapping selections), and with `suggest` their first suggestions;
    /// answered in batches of about 40 ms of work ([`Response::Analyzed`]).
    Analyze {
        docs: Vec<(String, String)>,
        suggest: bool,
    },
    /// The documents the stored model learned, `(id, text, confirmed
    /// spans)`, so that it retrains in batch again (`Tagger::recall`); sent
    /// after [`Request::Load`] at startup, no answer.
    Recall(Vec<(String, String, Vec<Span>)>),
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
    /// Suggestions per document, with the time they took over `tokens`.
    Suggestions {
        docs: Vec<(String, Scored)>,
        tokens: usize,
        ms: f64,
    },
    Exported(Vec<u8>),
    /// A batch of [`Request::Analyze`]'s answers.
    Analyzed(Vec<Analysis>),
}

/// What the worker read in one text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub id: String,
    /// The text's length in code points (an answer for another text under
    /// the same id is not taken).
    pub chars: usize,
    /// Words as the rules read them, code points, end exclusive.
    pub words: Vec<(u32, u32)>,
    /// The model's suggestions, confidences and margin; `suggest`: they
    /// were asked for (else only their confidences and the margin are
    /// taken, for suggestions the document already has).
    pub scored: Scored,
    pub suggest: bool,
}

/// A text's suggestions as the model now reads it (`Tagger::assess`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scored {
    pub spans: Vec<Span>,
    /// Each span's confidence in [0, 1], in the same order.
    pub confidence: Vec<f32>,
    /// How sure the model is of the whole text: smaller is less sure.
    pub margin: f32,
}

impl Scored {
    /// What `tagger` makes of `text`.
    pub fn of(tagger: &Tagger, text: &str) -> Scored {
        let a = tagger.assess(text);
        let confidence = a.suggestions.iter().map(|s| s.confidence).collect();
        Scored { spans: a.suggestions.into_iter().map(|s| s.span).collect(), confidence, margin: a.margin as f32 }
    }

    /// The confidence of `span` if it is one of these suggestions.
    pub fn confidence_of(&self, span: &Span) -> Option<f32> {
        let i = self.spans.binary_search(span).ok()?;
        self.confidence.get(i).copied()
    }
}

/// The words of a text as the rules read them, in code points.
pub fn word_ranges(text: &str) -> Vec<(u32, u32)> {
    let table = barchasb_core::OffsetTable::new(text);
    barchasb_rules::words(text)
        .iter()
        .map(|t| {
            let r = table.to_chars(t.range);
            (r.start as u32, r.end as u32)
        })
        .collect()
}

/// Analyses documents one by one, handing each batch of about `batch_ms`
/// of work to `respond`.
fn analyze(
    tagger: &Tagger,
    docs: Vec<(String, String)>,
    suggest: bool,
    batch_ms: f64,
    mut respond: impl FnMut(Vec<Analysis>),
) {
    let mut batch = Vec::new();
    let mut since = now_ms();
    for (id, text) in docs {
        let scored = Scored::of(tagger, &text);
        batch.push(Analysis { id, chars: text.chars().count(), words: word_ranges(&text), scored, suggest });
        if now_ms() - since >= batch_ms {
            respond(std::mem::take(&mut batch));
            since = now_ms();
        }
    }
    if !batch.is_empty() {
        respond(batch);
    }
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
#[cfg(target_arch = "wasm32")]
fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Milliseconds since the first call (native unit tests).
#[cfg(not(target_arch = "wasm32"))]
fn now_ms() -> f64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64() * 1000.0
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
                let docs: Vec<_> = docs.into_iter().map(|(id, text)| (id, Scored::of(tagger, &text))).collect();
                let ms = now_ms() - start;
                Response::Suggestions { docs, tokens, ms }
            }
            Request::Analyze { docs, suggest } => {
                let tagger = self.tagger();
                analyze(tagger, docs, suggest, 40.0, |batch| scope.respond(id, Response::Analyzed(batch)));
                return;
            }
            Request::Recall(docs) => {
                let docs: Vec<Document> = docs
                    .into_iter()
                    .map(|(id, text, spans)| {
                        let mut d = Document::new(id, text);
                        d.spans = spans;
                        d
                    })
                    .collect();
                self.tagger().recall(&docs);
                return;
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
    fn analysis_gives_words_in_code_points_and_the_rules_suggestions_in_batches() {
        let tagger = new_tagger(&LabelSet::default().names().map(String::from).collect::<Vec<_>>());
        let text = "🙂 بانک مرکزینرخ ارز را در تهران اعلام کرد";
        let docs: Vec<(String, String)> = (0..3).map(|k| (format!("d{k}"), text.to_string())).collect();
        let mut batches = Vec::new();
        analyze(&tagger, docs.clone(), true, 0.0, |b| batches.push(b));
        assert_eq!(batches.len(), 3, "a batch as soon as the time is up");
        let a = &batches[0][0];
        assert_eq!(a.chars, text.chars().count());
        let cps: Vec<char> = text.chars().collect();
        let words: Vec<String> = a.words.iter().map(|&(s, e)| cps[s as usize..e as usize].iter().collect()).collect();
        assert_eq!(&words[..4], ["🙂", "بانک", "مرکزی", "نرخ"]);
        assert_eq!(a.scored.spans, tagger.suggest(text));
        assert_eq!(a.scored.confidence.len(), a.scored.spans.len());
        assert!(a.suggest);
        let first = &a.scored.spans[0];
        assert_eq!(a.scored.confidence_of(first), Some(a.scored.confidence[0]));
        assert_eq!(a.scored.confidence_of(&Span::new(first.start, first.end, "NOT")), None);
        assert_eq!(a.scored.margin as f64, tagger.margin(text) as f32 as f64);
        let mut one = Vec::new();
        analyze(&tagger, docs, false, 1e9, |b| one.push(b));
        assert_eq!(one.len(), 1);
        assert!(one[0].iter().all(|a| !a.suggest));
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
