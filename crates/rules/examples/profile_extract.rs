//! A profiling driver: one operation over the 1 MB corpus of the
//! `extract` bench (the seed stories repeated), so that instruction counts
//! (`valgrind --tool=callgrind`, `perf stat -e instructions`) measure the
//! same work as the criterion bench, once, without its warm-up and samples.
//!
//! ```text
//! cargo build --profile bench -p barchasb-rules --example profile_extract
//! valgrind --tool=callgrind $CARGO_TARGET_DIR/release/examples/profile_extract extract
//! ```
//!
//! `setup` builds the corpus and the extractor only, the part of every
//! count that is not the operation. The operation is `extract` (the default), `tokenize` or `normalize`;
//! `digest` prints a checksum of all three outputs instead, to compare
//! two builds' behaviour on the corpus.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

#[path = "../benches/common/corpus.rs"]
mod corpus;
use corpus::corpus;

/// A checksum of the spans, the tokens and the normalized text with its
/// alignment: equal digests mean equal outputs on the corpus.
fn digest(text: &str, extractor: &barchasb_rules::Extractor) -> u64 {
    let mut h = DefaultHasher::new();
    for s in extractor.extract(text) {
        (s.start, s.end, s.label).hash(&mut h);
    }
    for t in barchasb_core::tokenize(text) {
        (t.range, t.kind, t.norm, t.line_start).hash(&mut h);
    }
    let n = barchasb_core::normalize(text);
    n.text().hash(&mut h);
    for b in 0..n.text().len() {
        n.origin_of(b).hash(&mut h);
    }
    h.finish()
}

fn main() {
    let op = std::env::args().nth(1).unwrap_or_else(|| "extract".into());
    // Repeats, for a sampling profiler (`perf record`) that needs a longer run.
    let times: usize = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(1);
    let text = corpus();
    // Built only when needed, so that tokenize and normalize counts hold
    // no lexicon compilation.
    let extractor = || barchasb_rules::Extractor::new();
    match op.as_str() {
        "extract" => {
            let extractor = extractor();
            let spans: usize = (0..times).map(|_| extractor.extract(&text).len()).sum();
            println!("{spans} spans");
        }
        "tokenize" => println!("{} tokens", barchasb_core::tokenize(&text).len()),
        "normalize" => println!("{} bytes", barchasb_core::normalize(&text).text().len()),
        "setup" => println!("{:?}", extractor().tokens("").len()),
        "digest" => println!("{:016x}", digest(&text, &extractor())),
        other => {
            eprintln!("unknown operation {other:?}: extract, tokenize, normalize or digest");
            std::process::exit(2);
        }
    }
}
