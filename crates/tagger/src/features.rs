//! Token features, hashed. Every feature is a template id plus a few strings,
//! hashed to 64 bits by [`Hasher`] (a fixed FxHash-style multiply-rotate with
//! a final avalanche, no random state: the same text gives the same features
//! on every platform). The model keeps the top `hash_bits` bits as a row.
//!
//! Templates: bias; the normalized word and its ±2 window; word bigrams;
//! prefixes and suffixes of 1–4 letters; word shape with a length bucket for
//! the word and its neighbours; the rule recognizers' BILOU hits for the
//! word and its neighbours; the memory's matches ([`super::memory`]);
//! membership in the committed lexicons (`crates/core/data`: countries,
//! cities, regions) and a bucket of the word's frequency rank
//! ([`barchasb_rules::Words`]); a ZWNJ inside the original word.

use barchasb_core::key;
use barchasb_core::Entity;
use barchasb_core::{Token, TokenKind};
use barchasb_rules::lists;
use std::collections::HashMap;
use std::sync::OnceLock;

const K: u64 = 0x517c_c1b7_2722_0a95;

/// A small deterministic 64-bit hasher.
#[derive(Clone, Copy)]
pub struct Hasher(u64);

impl Hasher {
    pub fn new(template: u8) -> Self {
        Hasher((template as u64 + 1).wrapping_mul(K))
    }
    fn word(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
    }
    pub fn str(mut self, s: &str) -> Self {
        let b = s.as_bytes();
        let mut chunks = b.chunks_exact(8);
        for c in &mut chunks {
            self.word(u64::from_le_bytes(c.try_into().unwrap()));
        }
        let mut last = [0u8; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.word(u64::from_le_bytes(last));
        // the length separates "ab","c" from "a","bc"
        self.word(b.len() as u64);
        self
    }
    pub fn finish(self) -> u64 {
        // murmur3's fmix64: spreads every input bit over the high bits
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// The features of every token of one text: `hashes[offsets[i]..offsets[i+1]]`.
#[derive(Debug, Clone, Default)]
pub struct Features {
    pub hashes: Vec<u64>,
    pub offsets: Vec<usize>,
}

impl Features {
    pub fn of(&self, i: usize) -> &[u64] {
        &self.hashes[self.offsets[i]..self.offsets[i + 1]]
    }
}

mod t {
    pub const BIAS: u8 = 0;
    pub const WORD: u8 = 1; // + 2 for offsets -2..=2 (1..=5)
    pub const BIGRAM_L: u8 = 6;
    pub const BIGRAM_R: u8 = 7;
    pub const PREFIX: u8 = 8; // + len-1
    pub const SUFFIX: u8 = 11; // + len-1
    pub const SHAPE: u8 = 14; // + 1 for offsets -1..=1 (14..=16)
    pub const RULE: u8 = 17; // + 1 for offsets -1..=1 (17..=19)
    pub const RULE_WORD: u8 = 20;
    pub const LEXICON: u8 = 21; // + 1 for offsets -1..=1 (21..=23)
    pub const FREQ: u8 = 24; // + 1 for offsets -1..=1 (24..=26)
    pub const ZWNJ: u8 = 27;
    pub const PREV_SUFFIX: u8 = 28;
    pub const LINE_START: u8 = 29;
    pub const SKIP_BIGRAM: u8 = 30;
    pub const NEXT_PREFIX: u8 = 31;
    pub const AFFIX4: u8 = 32; // prefix, suffix (32, 33)
    pub const SHAPES: u8 = 34;
    pub const MEMORY: u8 = 35; // + 1 for offsets -1..=1 (35..=37)
}

/// Lexicon facts about a normalized word: bit flags and a frequency bucket.
#[derive(Clone, Copy, Default)]
struct Lex {
    flags: u8,
    freq: u8,
}

const LEX_NAMES: [&str; 6] = ["country", "country-part", "city", "city-part", "region", "region-part"];

fn lexicon() -> &'static HashMap<String, Lex> {
    static LEX: OnceLock<HashMap<String, Lex>> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut map: HashMap<String, Lex> = HashMap::new();
        let lists = [lists::COUNTRIES, lists::CITIES, lists::REGIONS];
        for (k, list) in lists.iter().enumerate() {
            for line in list.lines().filter(|l| !l.starts_with('#')) {
                let words: Vec<String> = line.split_whitespace().map(key).filter(|w| !w.is_empty()).collect();
                let bit = if words.len() == 1 { 1 << (2 * k) } else { 1 << (2 * k + 1) };
                for w in words {
                    map.entry(w).or_default().flags |= bit;
                }
            }
        }
        map
    })
}

/// Frequency bucket of a word's rank in the common-word list (0: not in it).
fn freq_bucket(rank: u32) -> u8 {
    match rank {
        0..=100 => 1,
        101..=1000 => 2,
        1001..=5000 => 3,
        5001..=15000 => 4,
        _ => 5,
    }
}

fn shape(text: &str, tok: &Token) -> String {
    let mut s = String::new();
    let mut n = 0;
    for c in text[tok.range.as_range()].chars() {
        n += 1;
        let k = match c {
            '0'..='9' | '۰'..='۹' | '٠'..='٩' => 'd',
            'A'..='Z' => 'A',
            'a'..='z' => 'a',
            '\u{200c}' => 'z',
            c if c.is_alphabetic() && (c as u32) >= 0x600 => 'f',
            c if c.is_alphabetic() => 'l',
            c => c,
        };
        if !s.ends_with(k) {
            s.push(k);
        }
    }
    let bucket = match n {
        1..=4 => n as u8,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    };
    s.push((b'0' + bucket) as char);
    s
}

fn affix(word: &str, n: usize, suffix: bool) -> Option<&str> {
    let count = word.chars().count();
    if count <= n {
        return None;
    }
    let at = if suffix { word.char_indices().nth(count - n)?.0 } else { word.char_indices().nth(n)?.0 };
    Some(if suffix { &word[at..] } else { &word[..at] })
}

/// Per-token rule tags in BILOU form ("B-LOC", "I-LOC", "L-LOC", "U-LOC")
/// from the recognizers' entities.
fn rule_tags(tokens: &[Token], rules: &[Entity]) -> Vec<Option<String>> {
    let mut out = vec![None; tokens.len()];
    for e in rules {
        let covered: Vec<usize> = (0..tokens.len()).filter(|&i| tokens[i].range.overlaps(&e.range)).collect();
        for (k, &i) in covered.iter().enumerate() {
            let part = match (covered.len(), k) {
                (1, _) => "U",
                (_, 0) => "B",
                (n, k) if k + 1 == n => "L",
                _ => "I",
            };
            out[i] = Some(format!("{part}-{}", e.label));
        }
    }
    out
}

/// The feature a token gets when the rules tag it `tag` ("U-LOC", as in
/// [`rule_tags`]): the tagger's prior ties it to the same model tag.
pub fn rule_hit(tag: &str) -> u64 {
    Hasher::new(t::RULE + 1).str(tag).finish()
}

/// Extracts the hashed features of every token.
pub fn extract(text: &str, tokens: &[Token], rules: &[Entity], memory: &[Option<String>]) -> Features {
    let lex = lexicon();
    let n = tokens.len();
    let words: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
    let word = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else if i as usize >= n {
            "</s>"
        } else {
            words[i as usize]
        }
    };
    let shapes: Vec<String> = tokens.iter().map(|t| shape(text, t)).collect();
    let rule = rule_tags(tokens, rules);
    let ranks = barchasb_rules::Words::shared();
    let facts: Vec<Lex> = words
        .iter()
        .map(|w| {
            let mut fact = lex.get(*w).copied().unwrap_or_default();
            fact.freq = ranks.rank(w).map_or(0, freq_bucket);
            fact
        })
        .collect();
    let mut f = Features { hashes: Vec::with_capacity(n * 40), offsets: Vec::with_capacity(n + 1) };
    for i in 0..n {
        f.offsets.push(f.hashes.len());
        let h = &mut f.hashes;
        let ii = i as isize;
        // first: the trainer's dropout keeps a token's first feature
        h.push(Hasher::new(t::BIAS).finish());
        for d in -2..=2isize {
            h.push(Hasher::new(t::WORD + (d + 2) as u8).str(word(ii + d)).finish());
        }
        h.push(Hasher::new(t::BIGRAM_L).str(word(ii - 1)).str(word(ii)).finish());
        h.push(Hasher::new(t::BIGRAM_R).str(word(ii)).str(word(ii + 1)).finish());
        if tokens[i].kind == TokenKind::Word || tokens[i].kind == TokenKind::Latin {
            for k in 1..=3 {
                if let Some(p) = affix(words[i], k, false) {
                    h.push(Hasher::new(t::PREFIX + k as u8 - 1).str(p).finish());
                }
                if let Some(s) = affix(words[i], k, true) {
                    h.push(Hasher::new(t::SUFFIX + k as u8 - 1).str(s).finish());
                }
            }
        }
        h.push(Hasher::new(t::SKIP_BIGRAM).str(word(ii - 1)).str(word(ii + 1)).finish());
        if let Some(p) = affix(words[i], 4, false) {
            h.push(Hasher::new(t::AFFIX4).str(p).finish());
        }
        if let Some(s) = affix(words[i], 4, true) {
            h.push(Hasher::new(t::AFFIX4 + 1).str(s).finish());
        }
        if i + 1 < n {
            if let Some(p) = affix(words[i + 1], 2, false) {
                h.push(Hasher::new(t::NEXT_PREFIX).str(p).finish());
            }
        }
        let sh = |j: isize| if j < 0 || j as usize >= n { "<edge>" } else { shapes[j as usize].as_str() };
        h.push(Hasher::new(t::SHAPES).str(sh(ii - 1)).str(sh(ii)).str(sh(ii + 1)).finish());
        if i > 0 {
            if let Some(s) = affix(words[i - 1], 2, true) {
                h.push(Hasher::new(t::PREV_SUFFIX).str(s).finish());
            }
        }
        for d in -1..=1isize {
            let j = ii + d;
            let (shape, r, fact) = if j < 0 || j as usize >= n {
                ("<edge>", "<edge>", Lex::default())
            } else {
                let j = j as usize;
                (shapes[j].as_str(), rule[j].as_deref().unwrap_or("O"), facts[j])
            };
            let o = (d + 1) as u8;
            h.push(Hasher::new(t::SHAPE + o).str(shape).finish());
            h.push(Hasher::new(t::RULE + o).str(r).finish());
            for (b, name) in LEX_NAMES.iter().enumerate() {
                if fact.flags & (1 << b) != 0 {
                    h.push(Hasher::new(t::LEXICON + o).str(name).finish());
                }
            }
            h.push(Hasher::new(t::FREQ + o).str(["0", "1", "2", "3", "4", "5"][fact.freq as usize]).finish());
        }
        for d in -1..=1isize {
            let j = ii + d;
            if j >= 0 && (j as usize) < n {
                if let Some(m) = &memory[j as usize] {
                    h.push(Hasher::new(t::MEMORY + (d + 1) as u8).str(m).finish());
                }
            }
        }
        if let Some(r) = &rule[i] {
            h.push(Hasher::new(t::RULE_WORD).str(r).str(words[i]).finish());
        }
        if text[tokens[i].range.as_range()].contains('\u{200c}') {
            h.push(Hasher::new(t::ZWNJ).finish());
        }
        if tokens[i].line_start || i == 0 {
            h.push(Hasher::new(t::LINE_START).finish());
        }
    }
    f.offsets.push(f.hashes.len());
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use barchasb_core::tokenize;

    #[test]
    fn features_are_deterministic_and_word_specific() {
        let text = "سفر رئیس‌جمهور به تهران";
        let toks = tokenize(text);
        let a = extract(text, &toks, &[], &vec![None; toks.len()]);
        let b = extract(text, &toks, &[], &vec![None; toks.len()]);
        assert_eq!(a.hashes, b.hashes);
        assert_eq!(a.offsets.len(), toks.len() + 1);
        // the bias is shared, the word features are not
        assert_eq!(a.of(0)[0], a.of(3)[0]);
        assert_ne!(a.of(0)[3], a.of(3)[3]);
        // تهران is a known city
        assert!(lexicon().get("تهران").is_some_and(|l| l.flags & 4 != 0));
    }

    #[test]
    fn affixes_and_shapes() {
        assert_eq!(affix("تهران", 2, true), Some("ان"));
        assert_eq!(affix("تهران", 3, false), Some("تهر"));
        assert_eq!(affix("ای", 2, false), None);
        let text = "G20 ۱۴۰۲ می‌روم";
        let toks = tokenize(text);
        let shapes: Vec<String> = toks.iter().map(|t| shape(text, t)).collect();
        assert_eq!(shapes, ["Ad3", "d4", "fzf5"]);
    }

    #[test]
    fn hasher_separates_parts() {
        let ab = Hasher::new(1).str("ab").str("c").finish();
        let a_bc = Hasher::new(1).str("a").str("bc").finish();
        assert_ne!(ab, a_bc);
        assert_ne!(Hasher::new(1).str("x").finish(), Hasher::new(2).str("x").finish());
    }
}
