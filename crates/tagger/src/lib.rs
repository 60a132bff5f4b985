//! # barchasb-tagger
//!
//! A learned sequence tagger that works beside the rules: it owns the
//! averaged structured perceptron over BILOU tags with constrained Viterbi
//! decoding, its features, the memory of marked names, the online and batch
//! learning, and the versioned, checksummed model file ([`Model`]). Its
//! features include the rule recognizers' hits
//! ([`barchasb_rules::Extractor::entities`]), so it learns when to trust
//! them. It must not read or write files, do I/O or keep a clock (the caller
//! hands in documents and bytes; it builds for `wasm32-unknown-unknown`,
//! where it runs in the web app's worker), and it must not change the model
//! bytes without raising [`FORMAT_VERSION`].
//!
//! It trains in batch ([`Trainer`], the CLI's `train`) or one corrected
//! document at a time ([`Tagger::learn`], the web app: it retrains on all
//! the documents it learned, in batch, and steps online once they are too
//! many or it was loaded from a file), and saves
//! to a small versioned binary ([`Tagger::to_bytes`]). Suggestions combine
//! model and rules per label ([`Tagger::source`]): the rules, the model, or
//! both (model spans, and rule spans where the model found nothing),
//! whichever did best on the evidence: the documents seen so far, each
//! scored before learning from it, or those given to [`Tagger::calibrate`].
//! A label the model never learned stays with the rules. Model spans win
//! overlaps (the rules' hits are among its features).
//!
//! For the annotator's next step: each suggestion with a confidence in
//! [0, 1] ([`Tagger::suggest_with_confidence`]), and each text with the
//! margin between its best and second-best reading ([`Tagger::margin`];
//! smallest first is the active-learning order).
//!
//! ```
//! use barchasb_core::{Document, Span};
//! use barchasb_tagger::Tagger;
//! let mut tagger = Tagger::new(["PER", "LOC"]);
//! let text = "بازدید زربلان از شهر";
//! let mut doc = Document::new("d1", text);
//! doc.spans = vec![Span::new(7, 13, "PER")];
//! for _ in 0..3 {
//!     tagger.learn(&doc);
//! }
//! assert_eq!(tagger.documents_learned(), 3);
//! assert_eq!(tagger.suggest(text), [Span::new(7, 13, "PER")]);
//! let again = Tagger::from_bytes(&tagger.to_bytes()).unwrap();
//! assert_eq!(again.suggest(text), tagger.suggest(text));
//! ```
#![warn(missing_docs)]

mod bio;
mod features;
mod learner;
mod memory;
mod model;
mod tagger;
mod trainer;
mod viterbi;

pub use learner::SplitMix64;
pub use memory::{Decision, Memory, Recalled};
pub use model::{LabelStats, Model, FORMAT_VERSION, HASH_BITS, MAX_LABELS};
pub use tagger::{Assessment, Source, Suggestion, Tagger, BATCH_EPOCHS, DEFAULT_HASH_BITS, MAX_HISTORY, RULE_PRIOR};
pub use trainer::{EpochReport, Trainer, DEFAULT_DROPOUT_PERCENT};

#[cfg(test)]
mod tests;
