//! The tagger's memory of confirmed entities: which token sequences were
//! marked as which label, and how often the sequence occurred at all.
//!
//! The model's features include, for each token, the memory's longest match
//! covering it ([`Memory::tags`]): its position in the match, the label it
//! was marked with most, and how reliably (marked / occurred). A name the
//! annotator confirmed once is then suggested in the next document, in any
//! context, while the weights learn how far to trust the memory.
//!
//! It also holds what the annotator last decided about each sequence
//! ([`Decision`]), which [`Tagger::suggest`](crate::Tagger::suggest) puts
//! above the rules and the model from the first document on: a name
//! confirmed as a label is suggested as that label wherever it occurs
//! ([`Memory::recall`]) until contradicted; a suggestion the annotator
//! deleted is not suggested again ([`Memory::reject`]); a span the
//! annotator cut out of a longer suggestion keeps its boundaries over a
//! longer suggestion of the same label ([`Memory::fix`]).
//!
//! Keys are hashes of the tokens' normalized forms (`barchasb_core`'s
//! normalization, so spelling variants are one key): the memory holds no
//! text and its size is bounded ([`MAX_ENTRIES`]).

use super::features::Hasher;
use barchasb_core::Token;
use std::collections::HashMap;
use std::ops::Range;

/// Longest remembered sequence, in tokens.
pub const MAX_TOKENS: usize = 6;
/// At most this many sequences are kept; later ones are not added.
pub const MAX_ENTRIES: usize = 1 << 18;

/// What the annotator last did with a token sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Marked it with this label (index of the tagger's labels).
    Confirmed(usize),
    /// Deleted a suggestion of it.
    Rejected,
}

/// Counts of one token sequence, and the annotator's last decision on it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// Times marked with each label (indices of the tagger's labels).
    pub marked: Vec<u32>,
    /// Times the sequence occurred in learned documents, marked or not.
    pub occurred: u32,
    /// The annotator's last decision, if any.
    pub decision: Option<Decision>,
    /// Times the annotator cut it out of a longer suggestion.
    pub cut: u32,
    /// Times it lay strictly inside a span the annotator marked.
    pub inside: u32,
}

/// A confirmed name found in a text by [`Memory::recall`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recalled {
    /// Its tokens.
    pub tokens: Range<usize>,
    /// The label it was last confirmed as.
    pub label: usize,
    /// Whether the annotator fixed its boundaries: cut it out of longer
    /// suggestions more often than they marked it inside a longer span.
    pub fixed: bool,
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

    /// The entry of `tokens[r]`, made if there is room; `None` for a range
    /// that cannot be remembered (empty, longer than [`MAX_TOKENS`]).
    fn entry(&mut self, tokens: &[Token], r: &Range<usize>, n_labels: usize) -> Option<&mut Entry> {
        if r.is_empty() || r.len() > MAX_TOKENS || r.end > tokens.len() {
            return None;
        }
        let k = key(&tokens[r.clone()]);
        if !self.entries.contains_key(&k) && self.entries.len() >= MAX_ENTRIES {
            return None;
        }
        let e = self.entries.entry(k).or_default();
        if e.marked.len() < n_labels {
            e.marked.resize(n_labels, 0);
        }
        Some(e)
    }

    /// Remembers the marked sequences of one document (token ranges with
    /// label indices): each is confirmed as its label (the last one marked
    /// wins).
    pub fn mark(&mut self, tokens: &[Token], marked: &[(Range<usize>, usize)], n_labels: usize) {
        for (r, l) in marked {
            if let Some(e) = self.entry(tokens, r, n_labels) {
                e.marked[*l] = e.marked[*l].saturating_add(1);
                e.decision = Some(Decision::Confirmed(*l));
            }
        }
    }

    /// Records that the annotator deleted a suggestion of `tokens[r]`.
    pub fn reject(&mut self, tokens: &[Token], r: Range<usize>, n_labels: usize) {
        if let Some(e) = self.entry(tokens, &r, n_labels) {
            e.decision = Some(Decision::Rejected);
        }
    }

    /// Records that the annotator cut `tokens[r]` out of a longer suggestion.
    pub fn fix(&mut self, tokens: &[Token], r: Range<usize>, n_labels: usize) {
        if let Some(e) = self.entry(tokens, &r, n_labels) {
            e.cut = e.cut.saturating_add(1);
        }
    }

    /// Counts, for each remembered sequence strictly inside one of the
    /// `marked` token ranges, that it was marked inside a longer span.
    pub fn inside(&mut self, tokens: &[Token], marked: &[Range<usize>]) {
        for r in marked.iter().filter(|r| r.end <= tokens.len()) {
            for i in r.clone() {
                for n in 1..=MAX_TOKENS.min(r.end - i) {
                    if n == r.len() {
                        continue;
                    }
                    if let Some(e) = self.entries.get_mut(&key(&tokens[i..i + n])) {
                        e.inside = e.inside.saturating_add(1);
                    }
                }
            }
        }
    }

    /// The annotator's last decision on `tokens`, if any.
    pub fn decision(&self, tokens: &[Token]) -> Option<Decision> {
        if tokens.is_empty() || tokens.len() > MAX_TOKENS {
            return None;
        }
        self.entries.get(&key(tokens)).and_then(|e| e.decision)
    }

    /// How reliably `tokens` was marked as `label`: times marked as it over
    /// times it occurred in learned documents, in [0, 1] (0 if never marked).
    pub fn reliability(&self, tokens: &[Token], label: usize) -> f64 {
        if tokens.is_empty() || tokens.len() > MAX_TOKENS {
            return 0.0;
        }
        let Some(e) = self.entries.get(&key(tokens)) else { return 0.0 };
        let c = e.marked.get(label).copied().unwrap_or(0);
        if c == 0 {
            0.0
        } else {
            c as f64 / e.occurred.max(c) as f64
        }
    }

    /// The confirmed names in `tokens`, left to right, the longest at each
    /// position first, never overlapping.
    pub fn recall(&self, tokens: &[Token]) -> Vec<Recalled> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() && !self.entries.is_empty() {
            let found = (1..=MAX_TOKENS.min(tokens.len() - i)).rev().find_map(|n| {
                let e = self.entries.get(&key(&tokens[i..i + n]))?;
                match e.decision {
                    Some(Decision::Confirmed(label)) => {
                        Some(Recalled { tokens: i..i + n, label, fixed: e.cut > e.inside })
                    }
                    _ => None,
                }
            });
            match found {
                Some(r) => {
                    i = r.tokens.end;
                    out.push(r);
                }
                None => i += 1,
            }
        }
        out
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

    #[test]
    fn a_confirmed_name_is_recalled_in_any_spelling_until_contradicted() {
        let mut m = Memory::default();
        let a = tokenize("سفر به بانك مركزي امروز");
        let i = at(&a, "بانک");
        m.mark(&a, &[(i..i + 2, 1)], 3);
        let b = tokenize("رئیس بانک مرکزی گفت که بانک مرکزی");
        let j = at(&b, "بانک");
        let r = m.recall(&b);
        assert_eq!(
            r,
            [Recalled { tokens: j..j + 2, label: 1, fixed: false }, Recalled { tokens: 5..7, label: 1, fixed: false }]
        );
        // confirmed as another label: that label from now on
        m.mark(&b, &[(j..j + 2, 2)], 3);
        assert_eq!(m.recall(&b)[0].label, 2);
        // deleted: not recalled any more
        m.reject(&b, j..j + 2, 3);
        assert!(m.recall(&b).is_empty());
        assert_eq!(m.decision(&b[j..j + 2]), Some(Decision::Rejected));
    }

    #[test]
    fn a_deleted_suggestion_is_remembered_as_rejected() {
        let mut m = Memory::default();
        let a = tokenize("وزارت نفت گفت");
        m.reject(&a, 0..2, 2);
        assert_eq!(m.decision(&tokenize("وزارت نفت")), Some(Decision::Rejected));
        assert_eq!(m.decision(&tokenize("وزارت")), None);
        assert!(m.recall(&a).is_empty());
        // a rejection is no mark: the features do not see it
        assert!(m.tags(&a).iter().all(Option::is_none));
    }

    #[test]
    fn a_fixed_boundary_is_recalled_as_fixed() {
        let mut m = Memory::default();
        let a = tokenize("شرکت ANC بهموجب قرارداد");
        m.mark(&a, &[(0..2, 0)], 1);
        m.reject(&a, 0..3, 1);
        m.fix(&a, 0..2, 1);
        let b = tokenize("سهام شرکت anc افزایش یافت");
        assert_eq!(m.recall(&b), [Recalled { tokens: 1..3, label: 0, fixed: true }]);
        // marked inside longer spans more often than cut out: not fixed
        let c = tokenize("گروه شرکت ANC و شرکت ANC ایران");
        m.inside(&c, &[0..3, 4..7]);
        assert_eq!(m.entries[&key(&a[0..2])].inside, 2);
        assert!(m.recall(&b).iter().all(|r| !r.fixed));
    }
}
