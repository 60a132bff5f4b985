//! The rules: suggestions in range, sorted, disjoint, labelled, as bytes
//! (on code point boundaries) and as code points; the rules' tokens are
//! valid tokens of the text.
#![no_main]
use barchasb_fuzz::{assert_range, assert_spans};
use barchasb_rules::Extractor;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static RULES: OnceLock<Extractor> = OnceLock::new();

fuzz_target!(|text: &str| {
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
});
