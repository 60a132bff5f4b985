//! What the name recognizers share about one text: its tokens with their
//! lexicon hits and marks ([`Doc`]), and the candidates they make
//! ([`Cand`]). The name scan (`names/*.rs`) and the person finder
//! (`person.rs`) both read these and neither imports the other's code.

use crate::lexicon::Lexicon;
use barchasb_core::{Token, TokenKind};

/// What is glued after a lexicon match inside its last token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Glue {
    /// The match ends with the token.
    No,
    /// A plural ending (`شرکتهای`): a generic group, never a name.
    Plural,
    /// An ezafe `ی` after a vowel (`سخنگوی`): the span covers the token.
    Ezafe,
    /// Another word run together with it (`وزیرصنعت`): the token is the
    /// head plus the first word of its name.
    Word,
}

/// A lexicon phrase matched from a token on.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    /// Index of the last token the match touches.
    pub last: usize,
    /// Its [`kind`](crate::lexicon::kind) flags.
    pub kinds: u32,
    /// What is glued after it inside its last token.
    pub glue: Glue,
}

/// A candidate over tokens `start..end` (exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Cand {
    pub start: usize,
    pub end: usize,
    pub label: &'static str,
    /// A role that counts only next to a person.
    pub weak: bool,
}

/// Sorts candidates by start, then end: one sort for every recognizer
/// (each sort of its own key is another copy of the sort in the wasm).
pub(super) fn sort_cands(cands: &mut [Cand]) {
    cands.sort_by_key(|c| (c.start, c.end));
}

/// One text as the name recognizers see it.
pub(super) struct Doc<'a> {
    /// The lexicon the hits are of, and the word tests read.
    pub lx: &'a Lexicon,
    pub text: &'a str,
    pub toks: &'a [Token],
    /// Lexicon hits by start token.
    pub hits: Vec<Vec<Hit>>,
    /// Tokens covered by earlier recognizers (dates, quantities, money).
    pub temporal: Vec<bool>,
    /// Tokens that are commodities in their context.
    pub commodity: Vec<bool>,
    /// Tokens already inside a candidate.
    pub taken: Vec<bool>,
    /// Tokens inside a person candidate.
    pub person: Vec<bool>,
}

impl Doc<'_> {
    pub fn len(&self) -> usize {
        self.toks.len()
    }
    pub fn key(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.norm.as_str())
    }
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }
    /// The longest hit at `i` of any of `mask`, ending exactly on a token.
    pub fn exact(&self, i: usize, mask: u32) -> Option<Hit> {
        self.hits.get(i)?.iter().filter(|h| h.kinds & mask != 0 && h.glue == Glue::No).max_by_key(|h| h.last).copied()
    }
    /// The longest hit at `i` of any of `mask`, glued endings allowed.
    pub fn any(&self, i: usize, mask: u32) -> Option<Hit> {
        self.hits.get(i)?.iter().filter(|h| h.kinds & mask != 0).max_by_key(|h| (h.last, h.glue == Glue::No)).copied()
    }
    pub fn has(&self, i: usize, mask: u32) -> bool {
        self.exact(i, mask).is_some()
    }
    /// A line break before token `i` ends every name.
    pub fn breaks(&self, i: usize) -> bool {
        self.toks.get(i).is_none_or(|t| t.line_start)
    }
}

/// What a head starts: how far its name may run and what ends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Org,
    Event,
    Fac,
    Agreement,
    Role,
}
