//! # barchasb-core
//!
//! Finds entities in Persian news text and keeps every offset true to the
//! original text. No I/O, no threads, no clocks: it builds for the host and
//! for `wasm32-unknown-unknown` alike.
//!
//! - [`normalize`] gives a matching view of a text ([`Normalized`]) aligned
//!   to the original: Arabic ي/ك, digits of three scripts, harakat, tatweel,
//!   ZWNJ and space variants.
//! - [`tokenize`] splits into [`Token`]s that carry original byte ranges.
//! - [`extract`] suggests [`Span`]s: `{start, end, label}` in **code points**
//!   of the original text, end exclusive, sorted and non-overlapping.
//! - [`Document`] is one JSONL line; [`Scores`] does exact-match evaluation;
//!   [`LabelSet`] holds the labels with their keys and colours.
//!
//! ```
//! use barchasb_core::{extract, Document};
//! let text = "روسلان بایمیشو معاون وزیر صنعت قزاقستان";
//! let mut doc = Document::new("kz-1", text);
//! doc.suggestions = extract(text);
//! for s in &doc.suggestions {
//!     let covered: String = text.chars().skip(s.start).take(s.end - s.start).collect();
//!     assert!(!covered.is_empty());
//! }
//! ```

mod document;
mod error;
mod eval;
mod extract;
pub mod labels;
pub mod normalize;
mod offsets;
mod span;
pub mod tagger;
mod tokenize;

pub use document::{Document, Status};
pub use error::{Error, ErrorKind};
pub use eval::{Counts, Scores};
pub use extract::{date_value, extract, words, Extractor, Words};
pub use labels::{Label, LabelSet};
pub use normalize::{key, normalize, Normalized};
pub use offsets::{ByteRange, OffsetTable};
pub use span::{check_spans, resolve_overlaps, Entity, Span};
pub use tokenize::{snap_to_tokens, tokenize, Token, TokenKind};
