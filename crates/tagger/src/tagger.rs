//! [`Tagger`]: the model and the rules together, suggesting and learning
//! online, one corrected document at a time.

use crate::bio::{self, Tag};
use crate::features::{self, Features};
use crate::learner::{Learner, SplitMix64};
use crate::memory::Decision;
use crate::model::Model;
use crate::trainer::DEFAULT_DROPOUT_PERCENT;
use crate::viterbi;
use barchasb_core::{ByteRange, Document, Entity, Error, OffsetTable, Scores, Span, Token};
use barchasb_rules::Extractor;

/// A suggested span and how sure the tagger is of it (see
/// [`Tagger::suggest_with_confidence`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The span, in code points.
    pub span: Span,
    /// In [0, 1]: 0.5 where the model is torn between this span and
    /// another reading, near 1 where it is sure of it, below 0.5 where the
    /// model alone would read it otherwise (a rule span it overrules less
    /// than it would need to).
    pub confidence: f32,
}

/// A text's suggestions with their confidences, and how sure the model is
/// of the text as a whole (see [`Tagger::assess`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// As [`Tagger::suggest_with_confidence`] gives them.
    pub suggestions: Vec<Suggestion>,
    /// As [`Tagger::margin`] gives it: smaller is less sure.
    pub margin: f64,
}

/// Where a label's suggestions come from (see [`Tagger::source`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The rules' spans alone.
    Rules,
    /// The model's spans alone.
    Model,
    /// The model's spans, and the rules' where the model found nothing.
    Both,
}

/// The weight a new tagger gives each rule hit for the same model tag (the
/// rules' `U-LOC` for the model's `U-LOC`), in perceptron steps: an untrained
/// tagger suggests what the rules do, and a rule is overruled where the
/// corrections show it wrong. On the ARMAN learning curve 50 kept the model
/// within a point of the rules after 5 documents (0.28 without the prior)
/// and above them from 20; 20 learned faster but fell further at first,
/// 150 learned slower.
pub const RULE_PRIOR: i16 = 50;

/// `hash_bits` of [`Tagger::new`]: 2^18 rows, about 1 MB of index in memory.
pub const DEFAULT_HASH_BITS: u8 = 18;
/// How much each earlier document's evidence counts after one more (model vs
/// rules, per label): recent documents weigh most, about the last 30. On the
/// ARMAN learning curve 0.97 chose better than 0.9 (k = 50: 0.526 vs 0.517;
/// 1.0, no decay, 0.525).
const EVIDENCE_DECAY: f32 = 0.97;
/// Passes over a document's segments in [`Tagger::learn`]: one corrected
/// document is little data, and a few passes let it sink in. On the ARMAN
/// learning curve (k = 5 / 50): 1 pass 0.491 / 0.517, 3 passes 0.493 /
/// 0.526, 5 passes 0.498 / 0.530, at 9 → 17 ms per 20-sentence document.
const LEARN_PASSES: usize = 5;
/// Passes over all learned documents when [`Tagger::learn`] retrains them
/// in batch. On the ARMAN learning curve at k = 50 (model alone / tagger):
/// online steps 0.530 / 0.540; batch 5 passes 0.585 / 0.561, 10 passes
/// 0.595 / 0.566, 15 passes 0.595 / 0.568 (all with 15% dropout; 10 passes
/// without dropout 0.567). On news-dev's simulated annotator, 0.809 actions
/// per gold span against 0.804 online (two actions in 333).
pub const BATCH_EPOCHS: usize = 10;
/// At most about this many perceptron steps (segments × passes) per batch
/// retraining, at least two passes: 10 passes up to 2,000 segments (about
/// 100 news articles, under a second in the worker).
const BATCH_STEPS: usize = 20_000;
/// Documents kept for batch retraining (their features, about 200 KB for a
/// 600-token article); after that the tagger learns each new document with
/// online steps from the batch-trained weights.
pub const MAX_HISTORY: usize = 100;

/// One text made ready for the model.
struct Analysis {
    tokens: Vec<Token>,
    rules: Vec<Entity>,
    feats: Features,
}

/// Model and rules together: suggests spans, learns from corrected documents.
#[derive(Debug)]
pub struct Tagger {
    pub(crate) model: Model,
    /// Created on the first [`Tagger::learn`]: loading a model to tag with
    /// needs only the quantized weights.
    learner: Option<Learner>,
    pub(crate) extractor: Extractor,
    /// The documents learned since this tagger was made or loaded, as
    /// features (with the memory as it was when each was learned) and gold
    /// tags per segment: what [`Tagger::learn`] retrains from.
    pub(crate) history: Vec<Example>,
}

/// A learned document: its features and its segments with gold tags.
pub(crate) type Example = (Features, Vec<(std::ops::Range<usize>, Vec<Tag>)>);

/// A document's sentence-like segments with their gold tags.
fn gold_segments(tokens: &[Token], gold: &[Tag]) -> Vec<(std::ops::Range<usize>, Vec<Tag>)> {
    bio::segments(tokens, Some(gold)).into_iter().map(|s| (s.clone(), gold[s].to_vec())).collect()
}

impl Tagger {
    /// An untrained tagger for these labels: it suggests the rules' spans
    /// until it has learned from documents.
    ///
    /// # Panics
    /// With more than [`MAX_LABELS`](crate::MAX_LABELS) labels, an empty or a repeated one.
    pub fn new<L: Into<String>>(labels: impl IntoIterator<Item = L>) -> Tagger {
        Self::with_hash_bits(labels, DEFAULT_HASH_BITS).expect("valid labels")
    }

    /// Like [`Tagger::new`] with `2^hash_bits` feature rows (the bound on
    /// model size); an error for bad labels or bits outside [`HASH_BITS`](crate::HASH_BITS).
    pub fn with_hash_bits<L: Into<String>>(
        labels: impl IntoIterator<Item = L>,
        hash_bits: u8,
    ) -> Result<Tagger, Error> {
        let model = Model::empty(labels.into_iter().map(Into::into).collect(), hash_bits)?;
        Ok(Self::from_model(prior(model)))
    }

    /// A tagger over a model (trained or loaded), with fresh rules.
    pub fn from_model(model: Model) -> Tagger {
        Tagger { model, learner: None, extractor: Extractor::new(), history: Vec::new() }
    }

    /// Loads a model saved by [`Tagger::to_bytes`]; another
    /// [`FORMAT_VERSION`](crate::FORMAT_VERSION) or a corrupt file is an
    /// error saying which.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, Error> {
        Model::from_bytes(bytes).map(Self::from_model)
    }

    /// The model file: weights, labels, evidence and memory, checksummed.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.model.to_bytes()
    }

    /// The model as learned so far.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The labels it tags, in the model's order.
    pub fn labels(&self) -> &[String] {
        &self.model.labels
    }

    /// Documents learned from (online or in batch training).
    pub fn documents_learned(&self) -> u32 {
        self.model.documents_learned
    }

    fn label_index(&self, name: &str) -> Option<usize> {
        self.model.labels.iter().position(|l| l == name)
    }

    fn analyse(&self, text: &str) -> Analysis {
        // the rules' tokens: words run together (`مرکزینرخ`) are two, so a
        // span may end where the rules end it, inside the written token
        let (tokens, rules) = self.extractor.read(text);
        let feats = features::extract(text, &tokens, &rules, &self.model.memory.tags(&tokens));
        Analysis { tokens, rules, feats }
    }

    /// The model's entities alone: byte ranges with label indices.
    fn model_entities(&self, a: &Analysis) -> Vec<(ByteRange, usize)> {
        let trans = self.model.transitions();
        let mut out = Vec::new();
        for seg in bio::segments(&a.tokens, None) {
            let emit = self.model.emissions(&a.feats, seg.clone());
            let tags = viterbi::decode(&viterbi::Lattice { n_tags: self.model.n_tags(), emit: &emit, trans: &trans });
            for (r, l) in bio::decode(&tags) {
                let range = a.tokens[seg.start + r.start].range.cover(&a.tokens[seg.start + r.end - 1].range);
                out.push((range, l));
            }
        }
        out
    }

    /// How sure the model is of `text`: the smallest margin, over its
    /// sentence-like segments, between the best and the second-best tag
    /// sequence (as INCEpTION's active learning ranks documents); smaller is
    /// less sure, `f64::INFINITY` for a text without tokens.
    pub fn margin(&self, text: &str) -> f64 {
        self.token_max_marginals(&self.analyse(text)).1
    }

    /// Where suggestions of `label` come from: the source that did best on
    /// the evidence (ties go to the rules); the model only for labels it has
    /// learned spans of, and it alone while there is no evidence either way.
    pub fn source(&self, label: &str) -> Source {
        let Some(l) = self.label_index(label) else { return Source::Rules };
        let s = &self.model.stats[l];
        let (m, r, b) = (s.model_f1(), s.rules_f1(), s.both_f1());
        if s.learned == 0 {
            Source::Rules
        } else if m == 0.0 && r == 0.0 && b == 0.0 {
            Source::Model
        } else if r >= m && r >= b {
            Source::Rules
        } else if m >= b {
            Source::Model
        } else {
            Source::Both
        }
    }

    /// Whether the model suggests spans of `label` (alone or with the rules).
    pub fn uses_model(&self, label: &str) -> bool {
        self.source(label) != Source::Rules
    }

    /// Suggestions for `text`: code point spans, sorted, non-overlapping.
    ///
    /// What the annotator decided comes first ([`crate::Memory`]): names
    /// confirmed as a label are suggested as it wherever they occur, and a
    /// suggestion the annotator deleted is not made again, whatever the
    /// per-label [`Source`]. A model or rule span overlapping a confirmed
    /// name is left out, unless it strictly contains it (`جمهوری اسلامی
    /// ایران` over a confirmed `ایران`) and the name's boundaries are not
    /// fixed: the annotator cut it out of longer suggestions no more often
    /// than they marked it inside a longer span.
    pub fn suggest(&self, text: &str) -> Vec<Span> {
        let a = self.analyse(text);
        to_spans(text, self.suggest_bytes(&a))
    }

    /// [`Tagger::suggest`] with a confidence for each span: the model's
    /// max-marginal gap for the span's tags (the best reading with them
    /// against the best with another tag on one of its tokens), in units of
    /// [`RULE_PRIOR`] and through a logistic, so a lone rule hit the model
    /// has learned nothing about is about 0.73; a confirmed name recalled by
    /// the memory is at least as sure as the annotator was consistent
    /// (marked as its label / occurred). For the UI: `data-confidence`, and
    /// a key to the next least-confident suggestion.
    pub fn suggest_with_confidence(&self, text: &str) -> Vec<Suggestion> {
        self.assess(text).suggestions
    }

    /// [`Tagger::suggest_with_confidence`] and [`Tagger::margin`] of a text
    /// from one reading of it (what the app's worker asks for each
    /// document: the confidences to show and the margin to order by).
    pub fn assess(&self, text: &str) -> Assessment {
        let a = self.analyse(text);
        let spans = self.suggest_bytes(&a);
        let (mm, margin) = self.token_max_marginals(&a);
        let t = self.model.n_tags();
        let unit = self.model.scale as f64 / RULE_PRIOR as f64;
        let table = OffsetTable::new(text);
        let mut out: Vec<Suggestion> = spans
            .into_iter()
            .map(|(r, label)| {
                let c = table.to_chars(r);
                // A rule span of a label the model does not have (a tagger
                // made for fewer labels than the rules find): the model knows
                // nothing of it, so it is as sure as a lone rule hit.
                let Some(l) = self.label_index(label) else {
                    let confidence = (1.0 / (1.0 + (-1.0f64).exp())) as f32;
                    return Suggestion { span: Span::new(c.start, c.end, label), confidence };
                };
                let toks: Vec<usize> = (0..a.tokens.len()).filter(|&i| a.tokens[i].range.overlaps(&r)).collect();
                let gap = toks
                    .iter()
                    .enumerate()
                    .map(|(k, &i)| {
                        let tag = match (toks.len(), k) {
                            (1, _) => bio::unit(l),
                            (_, 0) => bio::begin(l),
                            (n, k) if k + 1 == n => bio::last(l),
                            _ => bio::inside(l),
                        } as usize;
                        let row = &mm[i * t..][..t];
                        let other = (0..t).filter(|&y| y != tag).map(|y| row[y]).fold(f64::NEG_INFINITY, f64::max);
                        row[tag] - other
                    })
                    .fold(f64::INFINITY, f64::min);
                let model = if gap.is_nan() { 0.0 } else { 1.0 / (1.0 + (-gap * unit).exp()) };
                let recalled = token_range(&a.tokens, r).map_or(0.0, |tr| {
                    match self.model.memory.decision(&a.tokens[tr.clone()]) {
                        Some(Decision::Confirmed(m)) if m == l => self.model.memory.reliability(&a.tokens[tr], l),
                        _ => 0.0,
                    }
                });
                Suggestion { span: Span::new(c.start, c.end, label), confidence: model.max(recalled) as f32 }
            })
            .collect();
        out.sort_by(|x, y| x.span.cmp(&y.span));
        Assessment { suggestions: out, margin }
    }

    /// Max-marginals of every token (`n_tokens × n_tags`), segment by
    /// segment, and the smallest segment margin ([`Tagger::margin`]).
    fn token_max_marginals(&self, a: &Analysis) -> (Vec<f64>, f64) {
        let trans = self.model.transitions();
        let mut out = Vec::with_capacity(a.tokens.len() * self.model.n_tags());
        let mut margin = f64::INFINITY;
        for seg in bio::segments(&a.tokens, None) {
            let emit = self.model.emissions(&a.feats, seg);
            let lat = viterbi::Lattice { n_tags: self.model.n_tags(), emit: &emit, trans: &trans };
            let mm = viterbi::max_marginals(&lat);
            margin = margin.min(viterbi::margin_of(&lat, &mm));
            out.extend(mm);
        }
        (out, margin)
    }

    fn suggest_bytes(&self, a: &Analysis) -> Vec<(ByteRange, &str)> {
        let mut kept: Vec<(ByteRange, &str)> = Vec::new();
        for (r, l) in self.model_entities(a) {
            let name = self.model.labels[l].as_str();
            if self.source(name) != Source::Rules {
                kept.push((r, name));
            }
        }
        let rules: Vec<_> = a
            .rules
            .iter()
            .filter(|e| self.source(e.label) != Source::Model && !kept.iter().any(|k| k.0.overlaps(&e.range)))
            .map(|e| (e.range, e.label))
            .collect();
        kept.extend(rules);
        self.memory_first(&a.tokens, kept)
    }

    /// The confirmed names in `tokens` with the candidates (model and rule
    /// spans, not overlapping each other) that may stand beside them; see
    /// [`Tagger::suggest`].
    fn memory_first<'s>(&'s self, tokens: &[Token], cands: Vec<(ByteRange, &'s str)>) -> Vec<(ByteRange, &'s str)> {
        let mem = &self.model.memory;
        let recalled: Vec<(ByteRange, &str, bool)> = mem
            .recall(tokens)
            .into_iter()
            .map(|m| (cover(tokens, &m.tokens), self.model.labels[m.label].as_str(), m.fixed))
            .collect();
        let mut beaten = vec![false; recalled.len()];
        let mut out = Vec::new();
        for (r, l) in cands {
            let rejected = token_range(tokens, r).is_some_and(|t| mem.decision(&tokens[t]) == Some(Decision::Rejected));
            if rejected {
                continue;
            }
            let over: Vec<usize> = (0..recalled.len()).filter(|&i| recalled[i].0.overlaps(&r)).collect();
            let wins = over.iter().all(|&i| {
                let (m, _, fixed) = recalled[i];
                !fixed && r != m && r.start <= m.start && m.end <= r.end
            });
            if wins {
                over.iter().for_each(|&i| beaten[i] = true);
                out.push((r, l));
            }
        }
        out.extend(recalled.into_iter().zip(beaten).filter(|(_, b)| !b).map(|((r, l, _), _)| (r, l)));
        out
    }

    /// Records in the memory what the annotator did with the suggestions
    /// `shown` for `doc` (made before learning it): one that is not in the
    /// gold, has no gold span with its boundaries and lies inside none is
    /// rejected, and a gold span inside it counts as cut out of it. (The
    /// gold spans themselves are confirmed by [`Tagger::remember`], which
    /// counts the names inside them.)
    fn decide(&mut self, tokens: &[Token], doc: &Document, shown: &[(ByteRange, String)]) {
        let table = OffsetTable::new(&doc.text);
        let gold: Vec<(ByteRange, &str)> =
            doc.spans.iter().filter_map(|s| Some((table.to_bytes(s.start..s.end)?, s.label.as_str()))).collect();
        let n_labels = self.model.labels.len();
        let inside = |a: &ByteRange, b: &ByteRange| b.start <= a.start && a.end <= b.end;
        for (r, _) in shown {
            if gold.iter().any(|(g, _)| inside(r, g)) {
                continue; // right, relabelled, or grown into a longer span
            }
            let Some(t) = token_range(tokens, *r) else { continue };
            self.model.memory.reject(tokens, t, n_labels);
            for (g, _) in gold.iter().filter(|(g, _)| inside(g, r)) {
                if let Some(t) = token_range(tokens, *g) {
                    self.model.memory.fix(tokens, t, n_labels);
                }
            }
        }
    }

    /// The model's spans alone, without rules (for evaluation).
    pub fn suggest_model_only(&self, text: &str) -> Vec<Span> {
        let a = self.analyse(text);
        let cands = self.model_entities(&a).into_iter().map(|(r, l)| (r, self.model.labels[l].as_str())).collect();
        to_spans(text, cands)
    }

    /// Scores model, rules and both against `doc`'s confirmed spans and adds
    /// the counts to the per-label evidence that decides the [`Source`].
    fn weigh(&mut self, a: &Analysis, doc: &Document, decay: f32) {
        let table = OffsetTable::new(&doc.text);
        let span = |r: ByteRange, l: &str| {
            let c = table.to_chars(r);
            Span::new(c.start, c.end, l)
        };
        let known = |s: &Span| self.label_index(&s.label).is_some();
        let gold: Vec<Span> = doc.spans.iter().filter(|s| known(s)).cloned().collect();
        let model_ents = self.model_entities(a);
        let model: Vec<Span> = model_ents.iter().map(|&(r, l)| span(r, &self.model.labels[l])).collect();
        let rules: Vec<Span> = a.rules.iter().map(|e| span(e.range, e.label)).filter(|s| known(s)).collect();
        let mut both = model.clone();
        for e in &a.rules {
            if !model_ents.iter().any(|(r, _)| r.overlaps(&e.range)) {
                both.push(span(e.range, e.label));
            }
        }
        both.retain(|s| known(s));
        let scores: Vec<Scores> = [model, rules, both]
            .iter()
            .map(|pred| {
                let mut sc = Scores::default();
                sc.add(&gold, pred);
                sc
            })
            .collect();
        for (l, name) in self.model.labels.iter().enumerate() {
            let counts = [0, 1, 2].map(|k| scores[k].by_label.get(name).copied().unwrap_or_default());
            self.model.stats[l].add(counts, decay);
        }
    }

    /// Adds evidence from held-out documents without learning from them (the
    /// CLI's dev split), so that batch-trained models choose per label too.
    pub fn calibrate(&mut self, docs: &[Document]) {
        for doc in docs {
            let a = self.analyse(&doc.text);
            self.weigh(&a, doc, 1.0);
        }
    }

    /// Learns from one corrected document: its confirmed `spans` become BILOU
    /// tags (labels outside the tagger's set are read as no entity). A tagger
    /// made with [`Tagger::new`] keeps its documents and retrains on all of
    /// them from the rules' prior ([`BATCH_EPOCHS`] shuffled passes with
    /// feature dropout), up to [`MAX_HISTORY`] documents; after that, and for
    /// a loaded or batch-trained tagger (whose documents it does not have),
    /// each sentence-like segment of the new document gets a few online
    /// perceptron steps from the weights as they are. (To retrain a loaded
    /// model in batch, learn its documents again with a new tagger.)
    ///
    /// What the annotator did with the suggestions the tagger made for the
    /// document before learning it goes to the memory first (see
    /// [`Tagger::suggest`]): deleted suggestions, fixed boundaries and
    /// confirmed names.
    pub fn learn(&mut self, doc: &Document) {
        let a = self.analyse(&doc.text);
        let shown: Vec<(ByteRange, String)> = self.suggest_bytes(&a).into_iter().map(|(r, l)| (r, l.into())).collect();
        self.decide(&a.tokens, doc, &shown);
        self.weigh(&a, doc, EVIDENCE_DECAY);
        let gold = self.gold_tags(&a.tokens, doc);
        let segs = gold_segments(&a.tokens, &gold);
        // batch while every document learned is in the history (a tagger
        // made here, not loaded or batch-trained elsewhere) and it is short
        let whole = self.history.len() as u32 == self.model.documents_learned;
        if whole && self.history.len() < MAX_HISTORY {
            self.history.push((a.feats, segs));
            self.retrain();
        } else {
            self.history = Vec::new();
            let learner = self.learner.get_or_insert_with(|| Learner::resume(&self.model));
            for _ in 0..LEARN_PASSES {
                for (seg, g) in &segs {
                    learner.step(&a.feats, seg.clone(), g);
                }
            }
            self.model = learner.snapshot(&self.model);
        }
        self.remember(&a.tokens, &gold);
        self.count_learned(doc);
    }

    /// Gives a loaded tagger back the documents it learned, so that the next
    /// [`Tagger::learn`] retrains in batch over them all rather than
    /// stepping online (the app's worker after a reload: the model file
    /// keeps weights and memory, not documents). Nothing is learned: the
    /// weights, memory and evidence stay as they are. Taken only when
    /// `docs` are as many as the documents it learned and at most
    /// [`MAX_HISTORY`], into an empty history; returns whether they were.
    /// Their features are read with the memory as it is now, which already
    /// knows their names (a small difference from the history of a tagger
    /// that learned them one by one).
    pub fn recall(&mut self, docs: &[Document]) -> bool {
        let n = docs.len();
        if !self.history.is_empty() || n as u32 != self.model.documents_learned || n > MAX_HISTORY {
            return false;
        }
        for doc in docs {
            let a = self.analyse(&doc.text);
            let segs = gold_segments(&a.tokens, &self.gold_tags(&a.tokens, doc));
            self.history.push((a.feats, segs));
        }
        true
    }

    /// Trains the weights again from the rules' prior over every document
    /// in the history: [`BATCH_EPOCHS`] passes (fewer for a long history,
    /// see [`BATCH_STEPS`]), each over all segments in a shuffled order
    /// with [`DEFAULT_DROPOUT_PERCENT`] feature dropout, seeded by the number
    /// of documents (the same documents give the same model).
    fn retrain(&mut self) {
        let fresh = Model::empty(self.model.labels.clone(), self.model.hash_bits).expect("labels and bits were valid");
        let mut learner = Learner::resume(&prior(fresh));
        let mut rng = SplitMix64::new(self.history.len() as u64);
        let mut order: Vec<(usize, usize)> = Vec::new();
        for (e, (_, segs)) in self.history.iter().enumerate() {
            order.extend((0..segs.len()).map(|s| (e, s)));
        }
        let epochs = (BATCH_STEPS / order.len().max(1)).clamp(2, BATCH_EPOCHS);
        let mut kept = Features::default();
        for _ in 0..epochs {
            rng.shuffle(&mut order);
            for &(e, s) in &order {
                let (feats, segs) = &self.history[e];
                let (range, gold) = &segs[s];
                learner.step_dropout(feats, range.clone(), gold, &mut rng, DEFAULT_DROPOUT_PERCENT, &mut kept);
            }
        }
        self.model = learner.snapshot(&self.model);
        self.learner = None;
    }

    /// Adds a document's marked sequences to the memory, then counts their
    /// occurrences in it.
    fn remember(&mut self, tokens: &[Token], gold: &[Tag]) {
        let marked = bio::decode(gold);
        let n_labels = self.model.labels.len();
        self.model.memory.mark(tokens, &marked, n_labels);
        self.model.memory.count(tokens);
        let spans: Vec<_> = marked.into_iter().map(|(r, _)| r).collect();
        self.model.memory.inside(tokens, &spans);
    }

    pub(crate) fn gold_tags(&self, tokens: &[Token], doc: &Document) -> Vec<Tag> {
        let table = OffsetTable::new(&doc.text);
        let ents: Vec<(ByteRange, &str)> =
            doc.spans.iter().filter_map(|s| Some((table.to_bytes(s.start..s.end)?, s.label.as_str()))).collect();
        bio::encode(tokens, &ents, |l| self.label_index(l))
    }

    pub(crate) fn count_learned(&mut self, doc: &Document) {
        for s in &doc.spans {
            if let Some(l) = self.label_index(&s.label) {
                self.model.stats[l].learned += 1;
            }
        }
        self.model.documents_learned += 1;
    }
}

/// `model` with the rules' prior added: [`RULE_PRIOR`] on each rule hit for
/// the same model tag.
fn prior(mut model: Model) -> Model {
    for l in 0..model.labels.len() {
        let name = model.labels[l].clone();
        for (part, tag) in [("B", bio::begin(l)), ("I", bio::inside(l)), ("L", bio::last(l)), ("U", bio::unit(l))] {
            model.add_weight(features::rule_hit(&format!("{part}-{name}")), tag as usize, RULE_PRIOR);
        }
    }
    model
}

/// The bytes of `tokens[r]`.
fn cover(tokens: &[Token], r: &std::ops::Range<usize>) -> ByteRange {
    tokens[r.start].range.cover(&tokens[r.end - 1].range)
}

/// The tokens whose cover is exactly `r`, if it starts and ends at token
/// boundaries.
fn token_range(tokens: &[Token], r: ByteRange) -> Option<std::ops::Range<usize>> {
    let s = tokens.iter().position(|t| t.range.start == r.start)?;
    let e = s + tokens[s..].iter().position(|t| t.range.end == r.end)?;
    Some(s..e + 1)
}

fn to_spans(text: &str, ents: Vec<(ByteRange, &str)>) -> Vec<Span> {
    let table = OffsetTable::new(text);
    let mut spans: Vec<Span> = ents
        .into_iter()
        .map(|(r, l)| {
            let c = table.to_chars(r);
            Span::new(c.start, c.end, l)
        })
        .collect();
    spans.sort();
    spans
}

#[cfg(test)]
mod memory_first {
    use super::*;
    use barchasb_core::LabelSet;

    fn doc(text: &str, spans: Vec<Span>) -> Document {
        let mut d = Document::new("d", text);
        d.spans = spans;
        d
    }

    fn slices(text: &str, spans: &[Span]) -> Vec<(String, String)> {
        let cps: Vec<char> = text.chars().collect();
        spans.iter().map(|s| (cps[s.start..s.end].iter().collect(), s.label.clone())).collect()
    }

    #[test]
    fn a_name_confirmed_in_the_first_document_is_suggested_as_its_label_above_the_rules() {
        let mut t = Tagger::new(LabelSet::default().names());
        let first = "هیئت ایران به مسکو رفت.";
        assert!(t.suggest(first).contains(&Span::new(5, 10, "LOC")), "the rules say LOC");
        t.learn(&doc(first, vec![Span::new(5, 10, "ORG"), Span::new(14, 18, "LOC")]));
        // in another text, another spelling (Arabic yeh), any context
        let next = "سفر وزير به مسکو و ايران";
        let found = slices(next, &t.suggest(next));
        assert!(found.contains(&("ايران".into(), "ORG".into())), "{found:?}");
        assert!(!found.iter().any(|(s, l)| s == "ايران" && l == "LOC"), "{found:?}");
        // contradicted: confirmed LOC now, LOC from then on
        t.learn(&doc(next, vec![Span::new(12, 16, "LOC"), Span::new(19, 24, "LOC")]));
        assert!(t.suggest(first).contains(&Span::new(5, 10, "LOC")));
    }

    #[test]
    fn a_rule_suggestion_the_annotator_deleted_is_not_made_again_for_the_name() {
        let mut t = Tagger::new(LabelSet::default().names());
        let first = "هیئت ایران به مسکو رفت.";
        // the annotator keeps ایران and deletes مسکو
        t.learn(&doc(first, vec![Span::new(5, 10, "LOC")]));
        let next = "سفر وزير به مسکو و ايران";
        let found = slices(next, &t.suggest(next));
        assert!(!found.iter().any(|(s, _)| s == "مسکو"), "{found:?}");
        assert!(found.contains(&("ايران".into(), "LOC".into())), "{found:?}");
    }

    #[test]
    fn a_boundary_the_annotator_fixed_is_the_boundary_suggested_next_time() {
        let mut t = Tagger::new(LabelSet::default().names());
        let first = "بانک مرکزی نرخ تورم را اعلام کرد.";
        assert_eq!(slices(first, &t.suggest(first)), [("بانک مرکزی نرخ تورم".into(), "ORG".into())]);
        t.learn(&doc(first, vec![Span::new(0, 10, "ORG")]));
        // the rules run past the name again, with another word
        let next = "گزارش بانک مرکزی نرخ ارز را کاهش داد.";
        assert_eq!(slices(next, &Extractor::new().extract(next)), [("بانک مرکزی نرخ ارز".into(), "ORG".into())]);
        assert_eq!(slices(next, &t.suggest(next)), [("بانک مرکزی".into(), "ORG".into())]);
    }

    #[test]
    fn a_longer_suggestion_keeps_a_confirmed_name_it_contains_when_no_boundary_was_fixed() {
        let mut t = Tagger::new(LabelSet::default().names());
        t.learn(&doc("هیئت ایران به مسکو رفت.", vec![Span::new(5, 10, "LOC"), Span::new(14, 18, "LOC")]));
        let next = "سازمان توسعه و نوسازی معادن و صنایع معدنی ایران";
        let rules = Extractor::new().extract(next);
        assert_eq!(t.suggest(next), rules);
    }
}
