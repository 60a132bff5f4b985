//! # barchasb-core
//!
//! The vocabulary every other barchasb crate speaks, and keeps every offset
//! true to the original text: [`Span`] (code points, the JSON frame) and
//! [`Entity`] (bytes, inside Rust) with [`OffsetTable`] between them; a
//! [`Document`] (one JSONL line) and its [`Status`]; the [`LabelSet`]; the
//! one [`Error`] type; [`normalize()`] (a matching view, [`Normalized`],
//! aligned to the original: Arabic ي/ك, digits of three scripts, harakat,
//! tatweel, ZWNJ and space variants); [`tokenize`] ([`Token`]s that carry
//! original byte ranges); and exact-match evaluation ([`Scores`]). It must
//! stay small: no lexicons and no recognizers (`barchasb-rules`), no model
//! (`barchasb-tagger`), no file formats (`barchasb-formats`), and no I/O,
//! threads or clocks, so that it builds for the host and for
//! `wasm32-unknown-unknown` alike.
//!
//! ```
//! use barchasb_core::{tokenize, Document, OffsetTable, Span};
//! let text = "روسلان بایمیشو معاون وزیر صنعت قزاقستان";
//! let mut doc = Document::new("kz-1", text);
//! // the last word, as a code point span of the original text
//! let last = tokenize(text).last().unwrap().range;
//! let chars = OffsetTable::new(text).to_chars(last);
//! doc.spans.push(Span::new(chars.start, chars.end, "LOC"));
//! assert_eq!(doc.span_text(&doc.spans[0]), "قزاقستان");
//! assert!(Document::from_json_line(&doc.to_json_line(), "x").is_ok());
//! ```
#![warn(missing_docs)]

mod chartable;
mod document;
mod error;
mod eval;
pub mod labels;
pub mod normalize;
mod offsets;
mod span;
mod tokenize;

pub use document::{Document, Status};
pub use error::{Error, ErrorKind};
pub use eval::{Counts, Scores};
pub use labels::{Label, LabelSet};
pub use normalize::{key, normalize, Normalized};
pub use offsets::{ByteRange, CharCursor, OffsetTable};
pub use span::{check_spans, resolve_overlaps, Entity, Span};
pub use tokenize::{snap_to_tokens, tokenize, Token, TokenKind};
