//! The tagger's memory of confirmed entities: which token sequences were
//! marked as which label, and how often the sequence occurred at all.
//!
//! The model's features include, for each token, the memory's longest match
//! covering it ([`Memory::tags`]): its position in the match, the label it
//! was marked with most, and how reliably (marked / occurred). A name the
//! annotator confirmed once is then suggested in the next document, in any
//! context, while the weights learn how far to trust the memory.
//!
//! Keys are hashes of the tokens' normalized forms, so the memory holds no
//! text and its size is bounded ([`MAX_ENTRIES`]).

use super::features::Hasher;
use barchasb_core::Token;
use std::collections::HashMap;
use std::ops::Range;

/// Longest remembered sequence, in tokens.
pub const MAX_TOKENS: usize = 6;
/// At most this many sequences are kept; later ones are not added.
pub const MAX_ENTRIES: usize = 1 << 18;

/// Counts of one token sequence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// Times marked with each label (indices of the tagger's labels).
    pub marked: Vec<u32>,
    /// Times the sequence occurred in learned documents, marked or not.
    pub occurred: u32,
}

impl Entry {
    /// The label marked most (the lower index on a tie) and its count.
    fn best(&self) -> (usize, u32) {
        let mut best = (0, 0);
        for (l, &c) in self.marked.iter().enumerate() {
            if c > best.1 {
                best = (l, c);
            }
        }
        best
    }
}

/// Confirmed entities by the hash of their tokens (see the module doc):
/// saved with the model, and read back as features.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Memory {
    pub(crate) entries: HashMap<u64, Entry>,
}

fn key(tokens: &[Token]) -> u64 {
    let mut h = Hasher::new(255);
    for t in tokens {
        h = h.str(&t.norm);
    }
    h.finish()
}

impl Memory {
    /// Token sequences remembered.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is remembered (a model that never learned).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Remembers the marked sequences of one document (token ranges with
    /// label indices).
    pub fn mark(&mut self, tokens: &[Token], marked: &[(Range<usize>, usize)], n_labels: usize) {
        for (r, l) in marked {
            if r.is_empty() || r.len() > MAX_TOKENS || r.end > tokens.len() {
                continue;
            }
            let k = key(&tokens[r.clone()]);
            if !self.entries.contains_key(&k) && self.entries.len() >= MAX_ENTRIES {
                continue;
            }
            let e = self.entries.entry(k).or_default();
            if e.marked.len() < n_labels {
                e.marked.resize(n_labels, 0);
            }
            e.marked[*l] = e.marked[*l].saturating_add(1);
        }
    }

    /// Counts every occurrence of a remembered sequence in a document.
    pub fn count(&mut self, tokens: &[Token]) {
        for i in 0..tokens.len() {
            for n in 1..=MAX_TOKENS.min(tokens.len() - i) {
                if let Some(e) = self.entries.get_mut(&key(&tokens[i..i + n])) {
                    e.occurred = e.occurred.saturating_add(1);
                }
            }
        }
    }

    /// For each token, the feature string of the longest remembered match
    /// covering it (matches taken left to right, longest first), e.g.
    /// `B|2|h`: first token of a sequence marked most as label 2, reliably.
    pub fn tags(&self, tokens: &[Token]) -> Vec<Option<String>> {
        let mut out = vec![None; tokens.len()];
        if self.entries.is_empty() {
            return out;
        }
        let mut i = 0;
        while i < tokens.len() {
            let mut found = None;
            for n in (1..=MAX_TOKENS.min(tokens.len() - i)).rev() {
                if let Some(e) = self.entries.get(&key(&tokens[i..i + n])) {
                    let (l, c) = e.best();
                    if c > 0 {
                        found = Some((n, l, c, e.occurred.max(c)));
                        break;
                    }
                }
            }
            let Some((n, l, c, occ)) = found else {
                i += 1;
                continue;
            };
            let ratio = c as f64 / occ as f64;
            let sure = if ratio >= 0.9 {
                "h"
            } else if ratio >= 0.5 {
                "m"
            } else {
                "l"
            };
            for k in 0..n {
                let pos = match (n, k) {
                    (1, _) => "U",
                    (_, 0) => "B",
                    (_, k) if k + 1 == n => "L",
                    _ => "I",
                };
                out[i + k] = Some(format!("{pos}|{l}|{sure}"));
            }
            i += n;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use barchasb_core::tokenize;

    fn at(tokens: &[Token], word: &str) -> usize {
        tokens.iter().position(|t| t.norm == word).unwrap()
    }

    #[test]
    fn remembers_marked_sequences_with_their_reliability() {
        let mut m = Memory::default();
        let a = tokenize("شرکت ملی مس گفت که مس گران شد");
        // "شرکت ملی مس" as label 1; "مس" alone as label 0
        let (s, mes) = (at(&a, "شرکت"), at(&a, "گران") - 1);
        m.mark(&a, &[(s..s + 3, 1), (mes..mes + 1, 0)], 3);
        m.count(&a);
        assert_eq!(m.len(), 2);
        let b = tokenize("خبر: شرکت ملی مس و مس و مس");
        let tags = m.tags(&b);
        let i = at(&b, "شرکت");
        // the longest match wins; "مس" alone was marked once in two
        // occurrences of the first document: half reliable
        assert_eq!(tags[i..i + 3], [Some("B|1|h".into()), Some("I|1|h".into()), Some("L|1|h".into())]);
        assert_eq!(tags[i + 4], Some("U|0|m".into()));
        assert_eq!(tags[at(&b, "خبر")], None);
    }

    #[test]
    fn keys_are_normalized_and_bounded() {
        let mut m = Memory::default();
        let a = tokenize("بانك مركزي");
        m.mark(&a, &[(0..2, 0)], 1);
        // Arabic kaf/yeh and Persian ones are the same key
        assert_eq!(m.tags(&tokenize("بانک مرکزی"))[1], Some("L|0|h".into()));
        // spans longer than MAX_TOKENS are not remembered
        let long = tokenize("یک دو سه چهار پنج شش هفت");
        m.mark(&long, &[(0..7, 0)], 1);
        assert_eq!(m.len(), 1);
        assert!(m.tags(&long).iter().all(Option::is_none));
    }
}
