//! [`Trainer`]: batch training over many documents, the CLI's `train`.

use crate::bio::{self, Tag};
use crate::features::{self, Features};
use crate::learner::{Learner, SplitMix64};
use crate::memory::Memory;
use crate::tagger::Tagger;
use barchasb_core::{Document, Entity, Error, Token};
use std::ops::Range;

/// [`Trainer`]'s default feature dropout, in percent: each feature but the
/// bias is left out of a training step with this chance, so that the weights
/// of the context and the affixes also learn what the word itself would
/// have told (at tagging time an unseen name has no word weights). About +1
/// micro F1 on ARMAN; 20% was worse.
pub const DEFAULT_DROPOUT_PERCENT: u8 = 15;

/// Batch training: documents are analysed once, then each epoch visits
/// their segments in an order shuffled by a seeded [`SplitMix64`], each step
/// with a random [`DEFAULT_DROPOUT_PERCENT`] of its features left out (drawn
/// from the same generator, so a seed gives the same model).
pub struct Trainer {
    tagger: Tagger,
    learner: Learner,
    examples: Vec<Example>,
    pending: Vec<Pending>,
    rng: SplitMix64,
    dropout_percent: u8,
}

/// A training document added but not yet prepared: its text, the rules'
/// tokens and entities, and its gold tags.
type Pending = (String, Vec<Token>, Vec<Entity>, Vec<Tag>);

/// One training document: its features and its segments with gold tags.
type Example = (Features, Vec<(Range<usize>, Vec<Tag>)>);

/// What one epoch did.
#[derive(Debug, Clone, Copy, Default)]
pub struct EpochReport {
    /// Segments (sentence-like runs of tokens) stepped on.
    pub segments: usize,
    /// Tokens in them.
    pub tokens: usize,
    /// Tokens the current weights tagged wrong before each update.
    pub wrong: usize,
}

impl Trainer {
    /// A trainer of a new tagger with these labels, `2^hash_bits` feature
    /// rows and a seeded order; an error for bad labels or bits.
    pub fn new<L: Into<String>>(labels: impl IntoIterator<Item = L>, hash_bits: u8, seed: u64) -> Result<Self, Error> {
        let tagger = Tagger::with_hash_bits(labels, hash_bits)?;
        let learner = Learner::resume(&tagger.model);
        Ok(Trainer {
            tagger,
            learner,
            examples: Vec::new(),
            pending: Vec::new(),
            rng: SplitMix64::new(seed),
            dropout_percent: DEFAULT_DROPOUT_PERCENT,
        })
    }

    /// Feature dropout in percent (0 for none, at most 90).
    pub fn set_dropout_percent(&mut self, percent: u8) {
        self.dropout_percent = percent.min(90);
    }

    /// Adds a training document (its confirmed spans).
    pub fn add(&mut self, doc: &Document) {
        let (tokens, rules) = self.tagger.extractor.read(&doc.text);
        let gold = self.tagger.gold_tags(&tokens, doc);
        self.pending.push((doc.text.clone(), tokens, rules, gold));
        self.tagger.count_learned(doc);
    }

    /// Features of the added documents. The memory features of each fifth of
    /// them come from a memory of the other four fifths (as a document the
    /// tagger will meet is not in its memory); the tagger keeps the memory of
    /// all of them.
    fn prepare(&mut self) {
        const FOLDS: usize = 5;
        let pending = std::mem::take(&mut self.pending);
        let n = pending.len();
        let fold = |i: usize| i * FOLDS / n.max(1);
        let n_labels = self.tagger.model.labels.len();
        let build = |skip: Option<usize>| {
            let mut m = Memory::default();
            for (i, (_, tokens, _, gold)) in pending.iter().enumerate() {
                if Some(fold(i)) != skip {
                    m.mark(tokens, &bio::decode(gold), n_labels);
                }
            }
            for (i, (_, tokens, _, _)) in pending.iter().enumerate() {
                if Some(fold(i)) != skip {
                    m.count(tokens);
                }
            }
            m
        };
        for f in 0..FOLDS {
            let mem = build(Some(f));
            for (i, (text, tokens, rules, gold)) in pending.iter().enumerate() {
                if fold(i) != f {
                    continue;
                }
                let feats = features::extract(text, tokens, rules, &mem.tags(tokens));
                let segs =
                    bio::segments(tokens, Some(gold)).into_iter().map(|s| (s.clone(), gold[s].to_vec())).collect();
                self.examples.push((feats, segs));
            }
        }
        let all = build(None);
        self.tagger.model.memory = all;
    }

    /// One pass over all segments in a fresh shuffled order.
    pub fn epoch(&mut self) -> EpochReport {
        if !self.pending.is_empty() {
            self.prepare();
        }
        let mut order: Vec<(u32, u32)> = Vec::new();
        for (e, (_, segs)) in self.examples.iter().enumerate() {
            order.extend((0..segs.len()).map(|s| (e as u32, s as u32)));
        }
        self.rng.shuffle(&mut order);
        let mut rep = EpochReport::default();
        let mut kept = Features::default();
        for (e, s) in order {
            let (feats, segs) = &self.examples[e as usize];
            let (range, gold) = &segs[s as usize];
            rep.wrong +=
                self.learner.step_dropout(feats, range.clone(), gold, &mut self.rng, self.dropout_percent, &mut kept);
            rep.tokens += gold.len();
            rep.segments += 1;
        }
        self.tagger.model = self.learner.snapshot(&self.tagger.model);
        rep
    }

    /// The tagger as of the last epoch (averaged weights).
    pub fn tagger(&mut self) -> &mut Tagger {
        &mut self.tagger
    }

    /// The tagger as of the last epoch, to save.
    pub fn into_tagger(self) -> Tagger {
        self.tagger
    }
}
