//! The hasher of the lexicons' word maps: FxHash, rustc's own.
//!
//! The recognizers look a word up in some map several times per token, and
//! std's SipHash took a quarter of `extract`'s time. SipHash guards a map
//! against keys chosen to collide; these maps hold only the committed
//! lists (a text's words are looked up, never inserted), so no input can
//! choose their collisions, and a multiply-rotate hash is enough.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A map from the committed lists' keys.
pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<FxHasher>>;

/// A set of the committed lists' keys.
pub type WordSet = HashSet<String, BuildHasherDefault<FxHasher>>;

/// Every prefix of the keys, at character boundaries, the keys included:
/// a string that is no prefix here starts none of the keys, so a search
/// that grows a string can stop there.
pub fn prefixes(keys: impl Iterator<Item = String>) -> WordSet {
    let mut set = WordSet::default();
    for k in keys {
        for (b, _) in k.char_indices().skip(1) {
            set.insert(k[..b].to_string());
        }
        set.insert(k);
    }
    set
}

/// FxHash: per 8 bytes, rotate, xor and multiply by a constant.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

/// The multiplier of rustc's FxHasher (64-bit).
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

/// Up to 7 bytes as a little-endian word, read 4, 2 and 1 at a time: a
/// copy into a buffer was a call to memcpy per look-up.
fn tail_word(mut rest: &[u8]) -> u64 {
    let (mut word, mut shift) = (0u64, 0);
    if let Some((four, r)) = rest.split_first_chunk::<4>() {
        word = u64::from(u32::from_le_bytes(*four));
        (rest, shift) = (r, 32);
    }
    if let Some((two, r)) = rest.split_first_chunk::<2>() {
        word |= u64::from(u16::from_le_bytes(*two)) << shift;
        (rest, shift) = (r, shift + 16);
    }
    if let Some(&one) = rest.first() {
        word |= u64::from(one) << shift;
    }
    word
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(tail_word(rest));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn maps_find_what_they_hold() {
        let words = ["رییس", "رییسجمهور", "a", "", "abcdefgh", "abcdefghi"];
        let set: WordSet = words.iter().map(|w| w.to_string()).collect();
        assert!(words.iter().all(|w| set.contains(*w)));
        assert!(!set.contains("abcdefg") && !set.contains("رییسجمهوری"));
    }

    #[test]
    fn prefixes_at_char_boundaries() {
        let set = prefixes(["ab".to_string(), "یک".to_string()].into_iter());
        let mut got: Vec<&str> = set.iter().map(String::as_str).collect();
        got.sort();
        assert_eq!(got, ["a", "ab", "ی", "یک"]);
    }

    #[test]
    fn the_tail_word_is_little_endian() {
        for n in 1..8 {
            let bytes: Vec<u8> = (1..=n).collect();
            let mut buf = [0u8; 8];
            buf[..bytes.len()].copy_from_slice(&bytes);
            assert_eq!(tail_word(&bytes), u64::from_le_bytes(buf), "{n} bytes");
        }
    }

    #[test]
    fn a_short_tail_changes_the_hash() {
        let h = |s: &str| BuildHasherDefault::<FxHasher>::default().hash_one(s);
        assert_ne!(h("abcdefgh"), h("abcdefghi"));
        assert_ne!(h("ab"), h("ba"));
    }
}
