//! The trained weights in their inference form, and the binary model format.
//!
//! Weights are averaged perceptron weights quantized to `i16` with one scale
//! (transitions to `i32`), so scores are exact integer sums: a model gives the
//! same predictions natively, in wasm, and after a save/load round trip.
//!
//! Format (little-endian), version [`FORMAT_VERSION`]:
//! ```text
//! magic "BRCHSBTG" · version u16 · hash_bits u8 · n_labels u8 · labels (u8 len, UTF-8)
//! clock u64 · documents_learned u32 · per label: spans learned u32, evidence 9×f32
//! scale f32 · transitions ((T+1)·T zigzag varints) · n_rows u32
//! rows: row-index delta varint, tag mask varint, one zigzag varint per set bit
//! n_remembered u32 · per remembered sequence, by key: key u64, occurred varint,
//!   label mask varint, one count varint per set bit, decision varint
//!   (0 none, 1 rejected, 2 + label confirmed), cut varint, inside varint
//! checksum u64 (FNV-1a of everything before it)
//! ```
//! Only rows with a non-zero weight are stored, so the file grows with what
//! was learned and is bounded by `2^hash_bits × T` weights (and the memory by
//! [`super::memory::MAX_ENTRIES`] sequences).

use super::bio::n_tags;
use super::features::Features;
use super::memory::{Decision, Entry, Memory, MAX_ENTRIES};
use barchasb_core::Counts;
use barchasb_core::{Error, ErrorKind};

pub const MAGIC: &[u8; 8] = b"BRCHSBTG";
/// Version 4: the annotator's last decision on each remembered sequence.
/// Version 3 (the memory of confirmed entities, and rule hits as BILOU
/// features) is still read, each sequence confirmed as its most marked
/// label. Version 2 had neither; version 1 had BIO tags (`1 + 2 × labels`).
pub const FORMAT_VERSION: u16 = 4;
/// The oldest version [`Model::from_bytes`] reads.
const OLDEST_READ: u16 = 3;
/// Allowed `hash_bits`: 2^8 to 2^24 rows.
pub const HASH_BITS: std::ops::RangeInclusive<u8> = 8..=24;
/// At most this many labels (so a row's tag mask, `1 + 4 × labels` bits,
/// fits a `u64`).
pub const MAX_LABELS: usize = 15;
pub(crate) const EMPTY: u32 = u32::MAX;

/// What the tagger knows about one label beyond its weights: how many
/// confirmed spans it learned from, and how the model, the rules and both
/// together fared on documents before learning them (decayed tp, fp, fn).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LabelStats {
    /// Confirmed spans of the label learned from.
    pub learned: u32,
    /// The model's spans alone: decayed tp, fp, fn.
    pub model: [f32; 3],
    /// The rules' spans alone: decayed tp, fp, fn.
    pub rules: [f32; 3],
    /// Model spans plus the rule spans that overlap none of them.
    pub both: [f32; 3],
}

impl LabelStats {
    /// F1 of [`LabelStats::model`]; 0 without a true positive.
    pub fn model_f1(&self) -> f64 {
        f1(self.model)
    }
    /// F1 of [`LabelStats::rules`]; 0 without a true positive.
    pub fn rules_f1(&self) -> f64 {
        f1(self.rules)
    }
    /// F1 of [`LabelStats::both`]; 0 without a true positive.
    pub fn both_f1(&self) -> f64 {
        f1(self.both)
    }
    pub(crate) fn add(&mut self, counts: [Counts; 3], decay: f32) {
        for (acc, c) in [&mut self.model, &mut self.rules, &mut self.both].into_iter().zip(counts) {
            for (a, v) in acc.iter_mut().zip([c.tp, c.fp, c.fn_]) {
                *a = *a * decay + v as f32;
            }
        }
    }
}

fn f1(c: [f32; 3]) -> f64 {
    let [tp, fp, fn_] = c.map(f64::from);
    if tp == 0.0 {
        0.0
    } else {
        2.0 * tp / (2.0 * tp + fp + fn_)
    }
}

/// An averaged, quantized perceptron: labels, hashed emission rows and tag
/// transitions.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub(crate) labels: Vec<String>,
    pub(crate) hash_bits: u8,
    pub(crate) scale: f32,
    /// Row → slot in `rows`, or [`EMPTY`].
    pub(crate) index: Vec<u32>,
    pub(crate) rows: Vec<i16>,
    /// `(T + 1) × T`; the last row is the start of a sequence.
    pub(crate) trans: Vec<i32>,
    /// Perceptron steps behind the averages (lets learning resume).
    pub(crate) clock: u64,
    pub(crate) documents_learned: u32,
    pub(crate) stats: Vec<LabelStats>,
    /// Confirmed entities (features of the model, see [`Memory`]).
    pub(crate) memory: Memory,
}

impl Model {
    /// An empty model: every score zero, so it predicts no entity.
    pub fn empty(labels: Vec<String>, hash_bits: u8) -> Result<Model, Error> {
        if !HASH_BITS.contains(&hash_bits) {
            return Err(Error::new(ErrorKind::Model, format!("hash bits must be in {HASH_BITS:?}, not {hash_bits}")));
        }
        check_labels(&labels)?;
        let t = n_tags(labels.len());
        Ok(Model {
            stats: vec![LabelStats::default(); labels.len()],
            labels,
            hash_bits,
            scale: 1.0,
            index: vec![EMPTY; 1 << hash_bits],
            rows: Vec::new(),
            trans: vec![0; (t + 1) * t],
            clock: 0,
            documents_learned: 0,
            memory: Memory::default(),
        })
    }

    /// The label names, in tag order.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }
    /// `log2` of the feature rows (see [`HASH_BITS`]).
    pub fn hash_bits(&self) -> u8 {
        self.hash_bits
    }
    /// Tags: `O` and four (B, I, L, U) per label.
    pub fn n_tags(&self) -> usize {
        n_tags(self.labels.len())
    }
    /// Rows holding a non-zero weight.
    pub fn rows_used(&self) -> usize {
        self.rows.len() / self.n_tags()
    }
    /// Documents learned from (online or in batch training).
    pub fn documents_learned(&self) -> u32 {
        self.documents_learned
    }
    /// The evidence per label, in the order of [`Model::labels`].
    pub fn stats(&self) -> &[LabelStats] {
        &self.stats
    }
    /// The confirmed entities it remembers.
    pub fn memory(&self) -> &Memory {
        &self.memory
    }

    pub(crate) fn row(&self, hash: u64) -> usize {
        (hash >> (64 - self.hash_bits as u32)) as usize
    }

    /// Emission scores `n × T` for tokens `range` (integer sums, exact in f64).
    pub(crate) fn emissions(&self, feats: &Features, range: std::ops::Range<usize>) -> Vec<f64> {
        let t = self.n_tags();
        let mut acc = vec![0i32; t];
        let mut out = Vec::with_capacity(range.len() * t);
        for i in range {
            acc.iter_mut().for_each(|a| *a = 0);
            for &h in feats.of(i) {
                let slot = self.index[self.row(h)];
                if slot != EMPTY {
                    let w = &self.rows[slot as usize * t..][..t];
                    for (a, &v) in acc.iter_mut().zip(w) {
                        *a += v as i32;
                    }
                }
            }
            out.extend(acc.iter().map(|&a| a as f64));
        }
        out
    }

    /// Adds `value` to the weight of feature `hash` for `tag`.
    pub(crate) fn add_weight(&mut self, hash: u64, tag: usize, value: i16) {
        let t = self.n_tags();
        let row = self.row(hash);
        if self.index[row] == EMPTY {
            self.index[row] = (self.rows.len() / t) as u32;
            self.rows.extend(std::iter::repeat_n(0, t));
        }
        let w = &mut self.rows[self.index[row] as usize * t + tag];
        *w = w.saturating_add(value);
    }

    pub(crate) fn transitions(&self) -> Vec<f64> {
        self.trans.iter().map(|&v| v as f64).collect()
    }

    /// The model in the binary format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let t = self.n_tags();
        let mut b = Vec::with_capacity(64 + self.rows.len());
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        b.push(self.hash_bits);
        b.push(self.labels.len() as u8);
        for l in &self.labels {
            b.push(l.len() as u8);
            b.extend_from_slice(l.as_bytes());
        }
        b.extend_from_slice(&self.clock.to_le_bytes());
        b.extend_from_slice(&self.documents_learned.to_le_bytes());
        for s in &self.stats {
            b.extend_from_slice(&s.learned.to_le_bytes());
            for v in s.model.iter().chain(&s.rules).chain(&s.both) {
                b.extend_from_slice(&v.to_le_bytes());
            }
        }
        b.extend_from_slice(&self.scale.to_le_bytes());
        for &v in &self.trans {
            put_varint(&mut b, zigzag(v as i64));
        }
        b.extend_from_slice(&(self.rows_used() as u32).to_le_bytes());
        let mut prev = 0usize;
        for (row, &slot) in self.index.iter().enumerate() {
            if slot == EMPTY {
                continue;
            }
            let w = &self.rows[slot as usize * t..][..t];
            put_varint(&mut b, (row - prev) as u64);
            prev = row;
            let mask = w.iter().enumerate().filter(|(_, &v)| v != 0).fold(0u64, |m, (k, _)| m | 1 << k);
            put_varint(&mut b, mask);
            for &v in w.iter().filter(|&&v| v != 0) {
                put_varint(&mut b, zigzag(v as i64));
            }
        }
        let mut remembered: Vec<(&u64, &Entry)> = self.memory.entries.iter().collect();
        remembered.sort_by_key(|(k, _)| **k);
        b.extend_from_slice(&(remembered.len() as u32).to_le_bytes());
        for (key, e) in remembered {
            b.extend_from_slice(&key.to_le_bytes());
            put_varint(&mut b, e.occurred as u64);
            let mask = e.marked.iter().enumerate().filter(|(_, &c)| c != 0).fold(0u64, |m, (l, _)| m | 1 << l);
            put_varint(&mut b, mask);
            for &c in e.marked.iter().filter(|&&c| c != 0) {
                put_varint(&mut b, c as u64);
            }
            let decision = match e.decision {
                None => 0,
                Some(Decision::Rejected) => 1,
                Some(Decision::Confirmed(l)) => 2 + l as u64,
            };
            put_varint(&mut b, decision);
            put_varint(&mut b, e.cut as u64);
            put_varint(&mut b, e.inside as u64);
        }
        let sum = fnv1a(&b);
        b.extend_from_slice(&sum.to_le_bytes());
        b
    }

    /// Reads a model; a file of another format version, a truncated or a
    /// corrupt one is an [`ErrorKind::Model`] error saying which.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, Error> {
        let err = |m: String| Error::new(ErrorKind::Model, m);
        if bytes.len() < 10 || &bytes[..8] != MAGIC {
            return Err(err("not a barchasb tagger model (bad magic bytes)".into()));
        }
        let version = u16::from_le_bytes([bytes[8], bytes[9]]);
        if !(OLDEST_READ..=FORMAT_VERSION).contains(&version) {
            return Err(err(format!(
                "model format version {version}; this build reads version {OLDEST_READ} or {FORMAT_VERSION} (retrain or use a matching build)"
            )));
        }
        if bytes.len() < 18 {
            return Err(err("truncated model file".into()));
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        if fnv1a(body) != u64::from_le_bytes(sum.try_into().unwrap()) {
            return Err(err("corrupt or truncated model file (checksum mismatch)".into()));
        }
        let mut r = Reader { b: body, at: 10 };
        let parsed = (|| -> Option<Result<Model, Error>> {
            let hash_bits = r.u8()?;
            let n_labels = r.u8()? as usize;
            let mut labels = Vec::with_capacity(n_labels);
            for _ in 0..n_labels {
                let len = r.u8()? as usize;
                labels.push(String::from_utf8(r.take(len)?.to_vec()).ok()?);
            }
            let mut m = match Model::empty(labels, hash_bits) {
                Ok(m) => m,
                Err(e) => return Some(Err(e)),
            };
            let t = m.n_tags();
            m.clock = u64::from_le_bytes(r.take(8)?.try_into().ok()?);
            m.documents_learned = r.u32()?;
            for s in &mut m.stats {
                s.learned = r.u32()?;
                for v in s.model.iter_mut().chain(s.rules.iter_mut()).chain(s.both.iter_mut()) {
                    *v = f32::from_bits(r.u32()?);
                    if !(v.is_finite() && *v >= 0.0) {
                        return None;
                    }
                }
            }
            m.scale = f32::from_bits(r.u32()?);
            if !(m.scale.is_finite() && m.scale > 0.0) {
                return None;
            }
            for v in &mut m.trans {
                *v = i32::try_from(unzigzag(r.varint()?)).ok()?;
            }
            let n_rows = r.u32()? as usize;
            // every row takes at least two bytes: a crafted count cannot make us allocate
            if n_rows > m.index.len() || n_rows > (r.b.len() - r.at) / 2 {
                return None;
            }
            m.rows = Vec::with_capacity(n_rows * t);
            let mut row = 0usize;
            for k in 0..n_rows {
                let delta = r.varint()? as usize;
                if k > 0 && delta == 0 {
                    return None;
                }
                row = row.checked_add(delta)?;
                let mask = r.varint()?;
                if row >= m.index.len() || mask == 0 || (t < 64 && mask >> t != 0) {
                    return None;
                }
                m.index[row] = k as u32;
                for y in 0..t {
                    // the writer leaves zeros out of the mask: a zero under it is not its file
                    let v = if mask & (1 << y) != 0 {
                        i16::try_from(unzigzag(r.varint()?)).ok().filter(|&v| v != 0)?
                    } else {
                        0
                    };
                    m.rows.push(v);
                }
            }
            let n_remembered = r.u32()? as usize;
            // at least ten bytes each
            if n_remembered > MAX_ENTRIES || n_remembered > (r.b.len() - r.at) / 10 {
                return None;
            }
            let n_labels = m.labels.len();
            let mut prev = None;
            for _ in 0..n_remembered {
                let key = u64::from_le_bytes(r.take(8)?.try_into().ok()?);
                if prev.is_some_and(|p| p >= key) {
                    return None;
                }
                prev = Some(key);
                let occurred = u32::try_from(r.varint()?).ok()?;
                let mask = r.varint()?;
                // a version 4 sequence may be rejected without ever being marked
                if (mask == 0 && version == 3) || mask >> n_labels != 0 {
                    return None;
                }
                let mut marked = vec![0u32; n_labels];
                for (l, c) in marked.iter_mut().enumerate() {
                    if mask & (1 << l) != 0 {
                        *c = u32::try_from(r.varint()?).ok().filter(|&c| c != 0)?;
                    }
                }
                let (decision, cut, inside) = if version == 3 {
                    let best = (0..n_labels).filter(|&l| marked[l] > 0).max_by_key(|&l| (marked[l], n_labels - l));
                    (best.map(Decision::Confirmed), 0, 0)
                } else {
                    let decision = match r.varint()? {
                        0 => None,
                        1 => Some(Decision::Rejected),
                        c if c - 2 < n_labels as u64 => Some(Decision::Confirmed((c - 2) as usize)),
                        _ => return None,
                    };
                    (decision, u32::try_from(r.varint()?).ok()?, u32::try_from(r.varint()?).ok()?)
                };
                m.memory.entries.insert(key, Entry { marked, occurred, decision, cut, inside });
            }
            (r.at == r.b.len()).then_some(Ok(m))
        })();
        parsed.unwrap_or_else(|| Err(err("corrupt model file (inconsistent contents)".into())))
    }
}

fn check_labels(labels: &[String]) -> Result<(), Error> {
    let err = |m: String| Err(Error::new(ErrorKind::Model, m));
    if labels.len() > MAX_LABELS {
        return err(format!("at most {MAX_LABELS} labels, not {}", labels.len()));
    }
    for (i, l) in labels.iter().enumerate() {
        if l.is_empty() || l.len() > 255 {
            return err(format!("label {l:?} must be 1 to 255 bytes"));
        }
        if labels[..i].contains(l) {
            return err(format!("label {l:?} appears twice"));
        }
    }
    Ok(())
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let s = self.b.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.u8()?;
            v |= ((byte & 0x7f) as u64) << shift;
            if byte & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
}

fn put_varint(b: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        b.push((v as u8) | 0x80);
        v >>= 7;
    }
    b.push(v as u8);
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    (v >> 1) as i64 ^ -((v & 1) as i64)
}

fn fnv1a(b: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for &x in b {
        h = (h ^ x as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by `fuzz/` (model): a row whose mask names a tag with weight 0
    /// was read, then written without it (an empty mask), and that file did
    /// not read back. Zeros under the mask are refused as not the writer's.
    #[test]
    fn a_zero_weight_under_the_mask_is_refused() {
        let empty = Model::empty(vec!["PER".into()], 8).unwrap().to_bytes();
        // the empty model ends with no rows and no memory (two u32 zeros), then the checksum
        let with_row = |weight: u8| {
            let mut b = empty[..empty.len() - 16].to_vec();
            b.extend_from_slice(&1u32.to_le_bytes());
            b.extend_from_slice(&[0, 1, weight]); // row 0, mask: tag 0, the weight zigzagged
            b.extend_from_slice(&0u32.to_le_bytes());
            let sum = fnv1a(&b);
            b.extend_from_slice(&sum.to_le_bytes());
            b
        };
        let e = Model::from_bytes(&with_row(0)).unwrap_err();
        assert!(e.to_string().contains("inconsistent contents"), "{e}");
        let m = Model::from_bytes(&with_row(2)).unwrap();
        assert_eq!(Model::from_bytes(&m.to_bytes()).unwrap().to_bytes(), m.to_bytes());
    }

    fn sample() -> Model {
        let mut m = Model::empty(vec!["PER".into(), "LOC".into()], 8).unwrap();
        let t = m.n_tags();
        m.index[3] = 0;
        m.index[200] = 1;
        m.rows = vec![0, 5, -7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 32767];
        assert_eq!(m.rows.len(), 2 * t);
        m.trans[7] = -123_456;
        m.scale = 0.25;
        m.clock = 99;
        m.documents_learned = 4;
        m.stats[1].learned = 12;
        m.stats[1].rules = [1.5, 0.0, 2.0];
        m.stats[0].both = [0.5, 3.0, 0.25];
        m
    }

    #[test]
    fn round_trip_is_exact() {
        let mut m = sample();
        let bytes = m.to_bytes();
        assert_eq!(Model::from_bytes(&bytes).unwrap(), m);
        // with decisions, a rejected sequence never marked among them
        let marked = |marked: Vec<u32>, decision, cut| Entry { marked, occurred: 3, decision, cut, inside: 5 };
        m.memory.entries.insert(7, marked(vec![0, 2], Some(Decision::Confirmed(1)), 1));
        m.memory.entries.insert(9, marked(vec![0, 0], Some(Decision::Rejected), 0));
        m.memory.entries.insert(11, marked(vec![1, 0], None, 300));
        assert_eq!(Model::from_bytes(&m.to_bytes()).unwrap(), m);
    }

    #[test]
    fn version_3_is_read_with_each_sequence_confirmed_as_its_most_marked_label() {
        let mut m = sample();
        m.memory.entries.insert(7, Entry { marked: vec![1, 2], occurred: 3, decision: None, cut: 0, inside: 0 });
        let v4 = m.to_bytes();
        // version 3: no decision, cut and inside varints (the last three bytes before the checksum here)
        let mut v3 = v4[..v4.len() - 11].to_vec();
        v3[8..10].copy_from_slice(&3u16.to_le_bytes());
        let sum = fnv1a(&v3);
        v3.extend_from_slice(&sum.to_le_bytes());
        let read = Model::from_bytes(&v3).unwrap();
        assert_eq!(read.memory.entries[&7].decision, Some(Decision::Confirmed(1)));
        assert_eq!(read.memory.entries[&7].marked, [1, 2]);
    }

    #[test]
    fn other_version_truncated_and_corrupt_files_are_named() {
        let bytes = sample().to_bytes();
        // version 1 (BIO tags) is refused, not misread
        let mut v1 = bytes.clone();
        v1[8] = 1;
        let e = Model::from_bytes(&v1).unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::Model);
        assert!(e.message().contains("version 1"), "{e}");
        let e = Model::from_bytes(&bytes[..bytes.len() - 5]).unwrap_err();
        assert!(e.message().contains("checksum"), "{e}");
        let mut flipped = bytes.clone();
        flipped[30] ^= 0x10;
        assert!(Model::from_bytes(&flipped).unwrap_err().message().contains("corrupt"));
        assert!(Model::from_bytes(b"{\"json\":1}").unwrap_err().message().contains("magic"));
        assert!(Model::from_bytes(&[]).is_err());
    }

    #[test]
    fn bad_settings_are_errors() {
        assert!(Model::empty(vec!["A".into()], 30).is_err());
        assert!(Model::empty(vec!["A".into(), "A".into()], 10).is_err());
        assert!(Model::empty(vec![String::new()], 10).is_err());
    }

    proptest::proptest! {
        #[test]
        fn any_edit_with_a_valid_checksum_is_an_error_or_a_model(at in 10usize..120, byte in 0u8..=255, cut in 0usize..8) {
            let mut body = sample().to_bytes();
            body.truncate(body.len() - 8);
            let at = at % body.len();
            body[at] = byte;
            body.truncate(body.len() - cut.min(body.len() - 10));
            let sum = fnv1a(&body);
            body.extend_from_slice(&sum.to_le_bytes());
            // never a panic; when it loads, it saves back to the same bytes
            if let Ok(m) = Model::from_bytes(&body) {
                proptest::prop_assert_eq!(Model::from_bytes(&m.to_bytes()).unwrap(), m);
            }
        }
    }

    #[test]
    fn varints_and_zigzag() {
        for v in [0i64, 1, -1, 63, -64, 300, -70_000, i32::MAX as i64, i32::MIN as i64] {
            let mut b = Vec::new();
            put_varint(&mut b, zigzag(v));
            let mut r = Reader { b: &b, at: 0 };
            assert_eq!(unzigzag(r.varint().unwrap()), v);
        }
    }
}
