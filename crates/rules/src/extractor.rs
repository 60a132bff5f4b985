//! The [`Extractor`]: every recognizer over one text, overlaps resolved,
//! and the default instance behind [`extract`] and [`words`].

use crate::names::Names;
use crate::{runtogether, temporal};
use barchasb_core::{resolve_overlaps, tokenize, CharCursor, Entity, Span, Token};
use std::sync::OnceLock;

/// What every recognizer sees of one text.
pub struct Context<'t> {
    pub text: &'t str,
    pub tokens: &'t [Token],
}

/// The compiled recognizers. Building one compiles the gazetteers, so keep
/// it and reuse it; [`extract`] uses a shared default instance.
#[derive(Debug)]
pub struct Extractor {
    names: Names,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

impl Extractor {
    /// Compiles the lexicons (tens of milliseconds): build one and keep it.
    pub fn new() -> Self {
        Extractor { names: Names::new() }
    }

    /// The tokens the recognizers see: [`tokenize`]'s, with a token of two
    /// words run together (a typo) read as two, so a span can end inside it
    /// (guidelines, "Boundaries"). A tagger or a selection that should agree
    /// with the rules' spans can use them.
    ///
    /// ```
    /// let text = "بانک مرکزینرخ ارز";
    /// let toks = barchasb_rules::Extractor::new().tokens(text);
    /// let words: Vec<&str> = toks.iter().map(|t| &text[t.range.as_range()]).collect();
    /// assert_eq!(words, ["بانک", "مرکزی", "نرخ", "ارز"]);
    /// ```
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        runtogether::split(text, tokenize(text), &self.names.lx)
    }

    /// Suggestions in the byte frame, sorted and non-overlapping.
    pub fn entities(&self, text: &str) -> Vec<Entity> {
        self.read(text).1
    }

    /// The rules' tokens ([`Extractor::tokens`]) and their suggestions
    /// ([`Extractor::entities`]) from one pass over the text.
    pub fn read(&self, text: &str) -> (Vec<Token>, Vec<Entity>) {
        let tokens = self.tokens(text);
        let cx = Context { text, tokens: &tokens };
        let mut found = Vec::new();
        temporal::find(&cx, &mut found);
        self.names.find(&cx, &mut found);
        (tokens, resolve_overlaps(found))
    }

    /// Suggestions as code point spans, sorted and non-overlapping.
    pub fn extract(&self, text: &str) -> Vec<Span> {
        // The entities are sorted: a cursor counts the code points between
        // them, where a table of every code point cost more than the spans.
        let mut chars = CharCursor::new(text);
        self.entities(text)
            .iter()
            .map(|e| {
                let r = chars.to_chars(e.range);
                Span::new(r.start, r.end, e.label)
            })
            .collect()
    }
}

/// Suggestions for `text` from the default extractor, in code points.
///
/// ```
/// let spans = barchasb_rules::extract("ایمیدرو");
/// assert!(spans.iter().all(|s| s.start < s.end));
/// ```
pub fn extract(text: &str) -> Vec<Span> {
    default_extractor().extract(text)
}

/// The words of `text` as the rules read them ([`Extractor::tokens`]): the
/// tokenizer's tokens, with words run together split in two (`مرکزینرخ` →
/// `مرکزی`, `نرخ`). A selection snaps to these, so the annotator can mark
/// `بانک مرکزی` inside `بانک مرکزینرخ` as the guidelines ask.
///
/// ```
/// let text = "بانک مرکزینرخ";
/// let words: Vec<&str> = barchasb_rules::words(text).iter().map(|t| &text[t.range.as_range()]).collect();
/// assert_eq!(words, ["بانک", "مرکزی", "نرخ"]);
/// ```
pub fn words(text: &str) -> Vec<Token> {
    default_extractor().tokens(text)
}

fn default_extractor() -> &'static Extractor {
    static DEFAULT: OnceLock<Extractor> = OnceLock::new();
    DEFAULT.get_or_init(Extractor::new)
}
