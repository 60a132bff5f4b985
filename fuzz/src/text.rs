//! Targets over any text: normalization and its alignment, tokenization
//! and offset tables, the rules.

use super::assert_range;
use super::assert_spans;
use barchasb_core::{key, snap_to_tokens, ByteRange, Normalized, OffsetTable};
use barchasb_rules::Extractor;
use std::sync::OnceLock;

/// normalize(): the alignment is total (every normalized byte has an
/// original range), monotone, on code point boundaries, one range per
/// normalized character; normalizing twice changes nothing more; the
/// compact view and key() keep the same alignment rules.
pub fn normalize(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let n = barchasb_core::normalize(text);
    check(&n, "normalize");
    check(&n.compact(), "compact");
    let again = barchasb_core::normalize(n.text());
    assert_eq!(again.text(), n.text(), "normalization is not idempotent");
    assert_eq!(key(text), n.compact().text(), "key is not normalize + compact");
    assert_eq!(key(&key(text)), key(text), "key is not idempotent");
}

fn check(n: &Normalized, what: &str) {
    let (text, orig) = (n.text(), n.original());
    let mut prev: Option<ByteRange> = None;
    for (b, c) in text.char_indices() {
        let r = n.origin_of(b).unwrap_or_else(|| panic!("{what}: byte {b} has no origin"));
        assert!(!r.is_empty(), "{what}: byte {b} comes from nothing");
        assert_range(orig, r, what);
        for k in b..b + c.len_utf8() {
            assert_eq!(n.origin_of(k), Some(r), "{what}: the bytes of {c:?} have different origins");
        }
        if let Some(p) = prev {
            assert!(p.start <= r.start && p.end <= r.end, "{what}: alignment goes back at byte {b}: {p:?} then {r:?}");
            // two characters from one original (a replacement by two) share it; else they are disjoint
            assert!(p == r || p.end <= r.start || p.start == r.start, "{what}: {p:?} and {r:?} overlap");
        }
        prev = Some(r);
        let whole = n.to_original(b..b + c.len_utf8()).expect("a character maps");
        assert_eq!(whole, r, "{what}: to_original of one character");
    }
    assert_eq!(n.origin_of(text.len()), None, "{what}: a byte past the text has an origin");
    assert_eq!(n.to_original(0..text.len() + 1), None, "{what}: a range past the text maps");
    if !text.is_empty() {
        let all = n.to_original(0..text.len()).unwrap();
        assert_range(orig, all, what);
    }
    let empty = n.to_original(text.len()..text.len()).unwrap();
    assert_eq!(empty, ByteRange::new(orig.len(), orig.len()), "{what}: the empty range at the end");
}

/// tokenize(), snap_to_tokens() and the offset table: tokens non-empty,
/// inside the text, on code point boundaries, sorted and disjoint, with
/// nothing but separators between them; a snapped selection is whole
/// tokens; byte, code point and UTF-16 offsets convert and round-trip.
/// The first four bytes place a selection, the rest is the text.
pub fn tokenize(data: &[u8]) {
    let (head, rest) = data.split_at(data.len().min(4));
    let mut ab = [0u8; 4];
    ab[..head.len()].copy_from_slice(head);
    let (a, b) = (u16::from_le_bytes([ab[0], ab[1]]), u16::from_le_bytes([ab[2], ab[3]]));
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let tokens = barchasb_core::tokenize(text);
    let mut end = 0;
    for t in &tokens {
        assert!(!t.range.is_empty(), "an empty token at {:?}", t.range);
        assert_range(text, t.range, "token");
        assert!(t.range.start >= end, "tokens overlap or go back at {:?}", t.range);
        let between = &text[end..t.range.start];
        assert!(
            between.chars().all(|c| c.is_whitespace() || c.is_control() || c == '\u{200c}' || !c.is_alphanumeric()),
            "a letter or digit between tokens: {between:?}"
        );
        assert_eq!(t.norm, key(&text[t.range.as_range()]), "a token's norm is not its key");
        end = t.range.end;
    }
    let table = OffsetTable::new(text);
    assert_eq!(table.char_len(), text.chars().count());
    assert_eq!(table.utf16_len(), text.encode_utf16().count());
    for (c, (byte, ch)) in text.char_indices().enumerate() {
        assert_eq!(table.char_to_byte(c), Some(byte));
        assert_eq!(table.byte_to_char(byte), c);
        let u = table.char_to_utf16(c);
        assert_eq!(table.utf16_to_char(u), Some(c), "UTF-16 {u} of code point {c}");
        if ch.len_utf16() == 2 {
            assert_eq!(table.utf16_to_char(u + 1), None, "the middle of a surrogate pair is a code point");
        }
    }
    assert_eq!(table.char_to_byte(table.char_len()), Some(text.len()));
    assert_eq!(table.char_to_byte(table.char_len() + 1), None);
    // a selection anywhere (in code points) snaps to whole tokens
    let n = table.char_len();
    let (s, e) = ((a as usize) % (n + 1), (b as usize) % (n + 1));
    let sel = table.to_bytes(s.min(e)..s.max(e)).expect("in range");
    if let Some(r) = snap_to_tokens(&tokens, sel) {
        assert_range(text, r, "snapped");
        assert!(tokens.iter().any(|t| t.range.start == r.start), "snapped start {r:?} is not a token's");
        assert!(tokens.iter().any(|t| t.range.end == r.end), "snapped end {r:?} is not a token's");
    } else {
        let hit = |t: &barchasb_core::Token| {
            if sel.is_empty() {
                t.range.start <= sel.start && sel.start < t.range.end
            } else {
                t.range.overlaps(&sel)
            }
        };
        assert!(!tokens.iter().any(hit), "a selection on a token snapped to nothing");
    }
    let _ = ByteRange::new(0, 0);
}

static RULES: OnceLock<Extractor> = OnceLock::new();

/// The rules: suggestions in range, sorted, disjoint, labelled, as bytes
/// (on code point boundaries) and as code points; the rules' tokens are
/// valid tokens of the text.
pub fn extract(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let rules = RULES.get_or_init(Extractor::new);
    let (tokens, entities) = rules.read(text);
    let mut end = 0;
    for t in &tokens {
        assert!(!t.range.is_empty(), "an empty rules token");
        assert_range(text, t.range, "rules token");
        assert!(t.range.start >= end, "rules tokens overlap at {:?}", t.range);
        end = t.range.end;
    }
    let mut end = 0;
    for e in &entities {
        assert!(!e.range.is_empty(), "an empty entity");
        assert_range(text, e.range, e.label);
        assert!(e.range.start >= end, "entities overlap or are unsorted at {:?}", e.range);
        end = e.range.end;
    }
    let spans = rules.extract(text);
    assert_eq!(spans.len(), entities.len());
    assert_spans(text, &spans, "extract");
}
