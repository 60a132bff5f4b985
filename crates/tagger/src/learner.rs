//! The averaged structured perceptron while it learns.
//!
//! Each weight keeps its current value `w`, a running `total` and the step
//! `stamp` at which `total` was last brought up to date (the lazy-update
//! trick): only the weights a mistake touches are visited, yet the average
//! over all steps is exact. [`Learner::snapshot`] averages and quantizes into
//! a [`Model`]; [`Learner::resume`] starts again from one.

use super::bio::{n_tags, Tag};
use super::features::Features;
use super::model::{Model, EMPTY};
use super::viterbi::{decode, Lattice};

/// 16 bytes: the step counter fits a `u32` (4 billion segments).
#[derive(Debug, Clone, Copy, Default)]
struct Weight {
    w: f32,
    stamp: u32,
    total: f64,
}

impl Weight {
    fn add(&mut self, now: u32, delta: f32) {
        self.total += (now - self.stamp) as f64 * self.w as f64;
        self.stamp = now;
        self.w += delta;
    }
    fn average(&self, now: u32) -> f64 {
        if now == 0 {
            return 0.0;
        }
        (self.total + (now - self.stamp) as f64 * self.w as f64) / now as f64
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Learner {
    n_tags: usize,
    hash_bits: u8,
    index: Vec<u32>,
    rows: Vec<Weight>,
    trans: Vec<Weight>,
    clock: u32,
}

impl Learner {
    /// A learner that continues from `model`'s averages as if they had held
    /// for all of its `clock` steps.
    pub fn resume(model: &Model) -> Learner {
        let t = model.n_tags();
        let now = u32::try_from(model.clock).unwrap_or(u32::MAX);
        let lift = |q: f64| {
            let w = (q * model.scale as f64) as f32;
            Weight { w, total: w as f64 * now as f64, stamp: now }
        };
        Learner {
            n_tags: t,
            hash_bits: model.hash_bits,
            index: model.index.clone(),
            rows: model.rows.iter().map(|&q| lift(q as f64)).collect(),
            trans: model.trans.iter().map(|&q| lift(q as f64)).collect(),
            clock: now,
        }
    }

    fn row(&self, hash: u64) -> usize {
        (hash >> (64 - self.hash_bits as u32)) as usize
    }

    /// Current (not averaged) emission scores, as used while learning.
    fn emissions(&self, feats: &Features, range: std::ops::Range<usize>) -> Vec<f64> {
        let t = self.n_tags;
        let mut out = vec![0.0; range.len() * t];
        for (k, i) in range.enumerate() {
            let acc = &mut out[k * t..][..t];
            for &h in feats.of(i) {
                let slot = self.index[self.row(h)];
                if slot != EMPTY {
                    for (a, w) in acc.iter_mut().zip(&self.rows[slot as usize * t..][..t]) {
                        *a += w.w as f64;
                    }
                }
            }
        }
        out
    }

    fn slot(&mut self, hash: u64) -> usize {
        let row = self.row(hash);
        if self.index[row] == EMPTY {
            self.index[row] = (self.rows.len() / self.n_tags) as u32;
            self.rows.extend(std::iter::repeat_n(Weight::default(), self.n_tags));
        }
        self.index[row] as usize
    }

    /// One perceptron step on one segment: decode with the current weights
    /// and, where the path differs from `gold`, move weights towards gold.
    /// Returns the number of tokens tagged wrong.
    pub fn step(&mut self, feats: &Features, range: std::ops::Range<usize>, gold: &[Tag]) -> usize {
        debug_assert_eq!(range.len(), gold.len());
        let t = self.n_tags;
        let emit = self.emissions(feats, range.clone());
        let trans: Vec<f64> = self.trans.iter().map(|w| w.w as f64).collect();
        let pred = decode(&Lattice { n_tags: t, emit: &emit, trans: &trans });
        let now = self.clock;
        let mut wrong = 0;
        for (k, i) in range.enumerate() {
            let (g, p) = (gold[k] as usize, pred[k] as usize);
            if g != p {
                wrong += 1;
                for &h in feats.of(i) {
                    let s = self.slot(h) * t;
                    self.rows[s + g].add(now, 1.0);
                    self.rows[s + p].add(now, -1.0);
                }
            }
            let gp = if k == 0 { t } else { gold[k - 1] as usize };
            let pp = if k == 0 { t } else { pred[k - 1] as usize };
            if (gp, g) != (pp, p) {
                self.trans[gp * t + g].add(now, 1.0);
                self.trans[pp * t + p].add(now, -1.0);
            }
        }
        self.clock = self.clock.saturating_add(1);
        wrong
    }

    /// [`Learner::step`] with each feature but a token's first (the bias,
    /// see `features::extract`) left out with a chance of `percent` in 100,
    /// drawn from `rng`; `kept` is scratch space.
    pub fn step_dropout(
        &mut self,
        feats: &Features,
        range: std::ops::Range<usize>,
        gold: &[Tag],
        rng: &mut SplitMix64,
        percent: u8,
        kept: &mut Features,
    ) -> usize {
        if percent == 0 {
            return self.step(feats, range, gold);
        }
        kept.hashes.clear();
        kept.offsets.clear();
        let n = range.len();
        for i in range {
            kept.offsets.push(kept.hashes.len());
            let f = feats.of(i);
            let (bias, rest) = f.split_at(f.len().min(1));
            kept.hashes.extend_from_slice(bias);
            for &h in rest {
                if rng.below(100) >= percent as usize {
                    kept.hashes.push(h);
                }
            }
        }
        kept.offsets.push(kept.hashes.len());
        self.step(kept, 0..n, gold)
    }

    /// The averaged weights quantized to `i16` (one scale for all) in the
    /// shape of `template` (labels and statistics are copied from it).
    pub fn snapshot(&self, template: &Model) -> Model {
        let t = self.n_tags;
        let now = self.clock;
        let avg: Vec<f64> = self.rows.iter().map(|w| w.average(now)).collect();
        let tavg: Vec<f64> = self.trans.iter().map(|w| w.average(now)).collect();
        let max = avg.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        let scale = if max > 0.0 { max / i16::MAX as f64 } else { 1.0 };
        let mut m = template.clone();
        m.scale = scale as f32;
        m.clock = now as u64;
        m.trans = tavg.iter().map(|v| (v / scale).round() as i32).collect();
        m.rows.clear();
        m.index.iter_mut().for_each(|s| *s = EMPTY);
        for (row, &slot) in self.index.iter().enumerate() {
            if slot == EMPTY {
                continue;
            }
            let q: Vec<i16> = avg[slot as usize * t..][..t].iter().map(|v| (v / scale).round() as i16).collect();
            if q.iter().any(|&v| v != 0) {
                m.index[row] = (m.rows.len() / t) as u32;
                m.rows.extend(q);
            }
        }
        debug_assert_eq!(n_tags(m.labels.len()), t);
        m
    }
}

/// A small deterministic PRNG (SplitMix64) for shuffling: no clocks, no
/// global state, the same sequence for the same seed everywhere.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// The generator whose sequence `seed` names.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// A uniform index below `n` (n > 0), by rejection.
    pub fn below(&mut self, n: usize) -> usize {
        let n = n as u64;
        let zone = u64::MAX - u64::MAX % n;
        loop {
            let v = self.next_u64();
            if v < zone {
                return (v % n) as usize;
            }
        }
    }
    /// Fisher–Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lazy_average_equals_the_plain_average() {
        // w goes 0 → 1 at step 2 → -1 at step 5; over 10 steps it held 0 for
        // two steps, 1 for three and -1 for five.
        let mut w = Weight::default();
        w.add(2, 1.0);
        w.add(5, -2.0);
        let plain = (0.0 * 2.0 + 1.0 * 3.0 - 5.0) / 10.0;
        assert!((w.average(10) - plain).abs() < 1e-12);
    }

    #[test]
    fn shuffle_is_deterministic_and_a_permutation() {
        let mut a: Vec<u32> = (0..50).collect();
        let mut b = a.clone();
        SplitMix64::new(7).shuffle(&mut a);
        SplitMix64::new(7).shuffle(&mut b);
        assert_eq!(a, b);
        assert_ne!(a, (0..50).collect::<Vec<_>>());
        let mut c = (0..50).collect::<Vec<u32>>();
        SplitMix64::new(8).shuffle(&mut c);
        assert_ne!(a, c);
        a.sort();
        assert_eq!(a, (0..50).collect::<Vec<_>>());
    }
}
