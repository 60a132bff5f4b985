//! normalize(): the alignment is total (every normalized byte has an
//! original range), monotone, on code point boundaries, one range per
//! normalized character; normalizing twice changes nothing more; the
//! compact view and key() keep the same alignment rules.
#![no_main]
use barchasb_core::{key, normalize, ByteRange, Normalized};
use barchasb_fuzz::assert_range;
use libfuzzer_sys::fuzz_target;

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

fuzz_target!(|text: &str| {
    let n = normalize(text);
    check(&n, "normalize");
    check(&n.compact(), "compact");
    let again = normalize(n.text());
    assert_eq!(again.text(), n.text(), "normalization is not idempotent");
    assert_eq!(key(text), n.compact().text(), "key is not normalize + compact");
    assert_eq!(key(&key(text)), key(text), "key is not idempotent");
});
