//! `extract` over ~1 MB of Persian news: the seed texts repeated.
//! Run: `cargo bench -p barchasb-rules --bench extract`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus() -> String {
    let seeds = [
        include_str!("../../../seeds/imidro-china-mining-association.txt"),
        include_str!("../../../seeds/imidro-kazakhstan-deputy-minister.txt"),
    ];
    let mut text = String::new();
    while text.len() < 1_000_000 {
        for s in seeds {
            text.push_str(s);
            text.push('\n');
        }
    }
    text
}

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
