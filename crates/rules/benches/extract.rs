//! `extract` over ~1 MB of Persian news: the seed texts repeated.
//! Run: `cargo bench -p barchasb-rules --bench extract`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

#[path = "common/corpus.rs"]
mod corpus;
use corpus::corpus;

fn bench(c: &mut Criterion) {
    let text = corpus();
    let extractor = barchasb_rules::Extractor::new();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("1MB_news", |b| b.iter(|| extractor.extract(&text)));
    g.bench_function("tokenize_1MB", |b| b.iter(|| barchasb_core::tokenize(&text)));
    g.bench_function("normalize_1MB", |b| b.iter(|| barchasb_core::normalize(&text).text().len()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
