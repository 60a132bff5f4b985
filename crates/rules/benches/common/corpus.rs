//! The 1 MB corpus of the `extract` bench, shared with the profiling
//! example so that both measure the same text.

/// The two seed stories, each followed by a line break, repeated until the
/// text holds a million bytes.
pub fn corpus() -> String {
    let seeds = [
        include_str!("../../../../seeds/imidro-china-mining-association.txt"),
        include_str!("../../../../seeds/imidro-kazakhstan-deputy-minister.txt"),
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
