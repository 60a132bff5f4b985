//! # barchasb-rules
//!
//! Entity suggestions for Persian news from rules and gazetteers: it owns
//! the lexicons (`data/`, embedded at build time) and the recognizers that
//! read them, in the byte frame ([`Entity`]), over the tokens of
//! `barchasb-core`. [`Extractor::read`] resolves overlaps once, at the end;
//! [`extract`] gives code point [`Span`]s, [`words`] the tokens as the rules
//! read them, [`date_value`] a date span's ISO date. It must not learn
//! (that is `barchasb-tagger`), read files or do I/O: it builds for
//! `wasm32-unknown-unknown`, where it runs in the web app's worker.
//!
//! Each recognizer family lives in its own module and adds candidates to a
//! shared list:
//! - `temporal`: DATE, QUANTITY, MONEY (numbers, number words, units,
//!   calendars).
//! - `names`: LOC, ORG, COMMODITY, ROLE, PER, FAC, EVENT, AGREEMENT
//!   (gazetteers, trigger words, context, later mentions).
//!
//! Before them, `runtogether` reads a token of two words run together
//! (`بانک مرکزینرخ`) as two, so a span may end or start inside a token.
//!
//! ```
//! use barchasb_core::Document;
//! use barchasb_rules::extract;
//! let text = "روسلان بایمیشو معاون وزیر صنعت قزاقستان";
//! let mut doc = Document::new("kz-1", text);
//! doc.suggestions = extract(text);
//! for s in &doc.suggestions {
//!     assert!(!doc.span_text(s).is_empty());
//! }
//! ```
//!
//! [`Entity`]: barchasb_core::Entity
//! [`Span`]: barchasb_core::Span
#![warn(missing_docs)]

mod extractor;
mod hash;
mod lexicon;
pub mod lists;
mod names;
mod runtogether;
mod temporal;

use extractor::Context;
pub use extractor::{extract, words, Extractor};
pub use lexicon::Words;
pub use temporal::date_value;
