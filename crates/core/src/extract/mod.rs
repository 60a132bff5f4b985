//! Entity suggestions: rules and gazetteers over the tokenized, normalized
//! text. Recognizers work in the byte frame ([`Entity`]); [`Extractor::extract`]
//! resolves overlaps and converts to code point [`Span`]s once, at the end.

use crate::offsets::OffsetTable;
use crate::span::{resolve_overlaps, Entity, Span};
use crate::tokenize::{tokenize, Token};
use std::sync::OnceLock;

/// The compiled recognizers. Building one compiles the gazetteers, so keep
/// it and reuse it; [`extract`] uses a shared default instance.
#[derive(Debug, Default)]
pub struct Extractor {}

impl Extractor {
    pub fn new() -> Self {
        Extractor {}
    }

    /// Suggestions in the byte frame, sorted and non-overlapping.
    pub fn entities(&self, text: &str) -> Vec<Entity> {
        let tokens = tokenize(text);
        resolve_overlaps(self.candidates(text, &tokens))
    }

    /// Suggestions as code point spans, sorted and non-overlapping.
    pub fn extract(&self, text: &str) -> Vec<Span> {
        let table = OffsetTable::new(text);
        self.entities(text).iter().map(|e| e.to_span(&table)).collect()
    }

    fn candidates(&self, _text: &str, _tokens: &[Token]) -> Vec<Entity> {
        Vec::new()
    }
}

/// Suggestions for `text` from the default extractor, in code points.
///
/// ```
/// let spans = barchasb_core::extract("ایمیدرو");
/// assert!(spans.iter().all(|s| s.start < s.end));
/// ```
pub fn extract(text: &str) -> Vec<Span> {
    static DEFAULT: OnceLock<Extractor> = OnceLock::new();
    DEFAULT.get_or_init(Extractor::new).extract(text)
}
