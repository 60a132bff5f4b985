//! tokenize(), snap_to_tokens() and the offset table: tokens non-empty,
//! inside the text, on code point boundaries, sorted and disjoint, with
//! nothing but separators between them; a snapped selection is whole
//! tokens; byte, code point and UTF-16 offsets convert and round-trip.
#![no_main]
use barchasb_core::{key, snap_to_tokens, tokenize, ByteRange, OffsetTable};
use barchasb_fuzz::assert_range;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u16, u16, &str)| {
    let (a, b, text) = input;
    let tokens = tokenize(text);
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
});
