//! Extraction time grows linearly with the text: ten times the text may
//! take at most fifteen times as long. Each long text is one text repeated:
//! the seed stories as they are (many lines), the seed stories as one line
//! with no line break (an imported line of megabytes), and the news fixture
//! sentences as one line (dense in persons, roles and organisations, whose
//! later mentions are looked up across the document). The spans found in
//! it must be those of one copy, repeated at every copy. Last, the letters
//! of the seeds run together into one word of 10k and 100k characters: the
//! tests that try a token's split points must not cost its length squared.
//!
//! Release builds time 100k and 1M characters and are the sharper check;
//! debug builds, whose linear parts are several times slower, time 50k
//! and 500k (the same 10×) to stay well within a minute.

use barchasb_core::{check_spans, Span};
use barchasb_rules::extract;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Ten times the text may take at most this many times as long.
const MAX_RATIO: f64 = 15.0;

/// Rounds of timings before a ratio above [`MAX_RATIO`] fails: a busy
/// machine slows a round now and then, a quadratic step every round.
const ROUNDS: usize = 3;

/// The smaller text, in code points; the larger one is ten times this.
const SMALL: usize = if cfg!(debug_assertions) { 50_000 } else { 100_000 };

/// Timings on a shared machine: one measurement at a time.
static TIMING: Mutex<()> = Mutex::new(());

/// The seed stories, sorted by file name, one after another.
fn seeds() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let texts: Vec<String> = files.iter().map(|p| std::fs::read_to_string(p).expect("seed text is UTF-8")).collect();
    assert!(!texts.is_empty(), "seed stories in {}", dir.display());
    texts.join("\n")
}

/// The texts of the news fixtures, in file order, as one line.
fn news() -> String {
    let mut texts = Vec::new();
    for name in ["news-own.jsonl", "news-heldout.jsonl"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
        let jsonl = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for line in jsonl.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("fixture line is JSON");
            texts.push(v["text"].as_str().expect("text").replace('\n', " "));
        }
    }
    texts.join(" ") + " "
}

/// One copy of the seeds and what follows it: a line break, or (for
/// `one_line`) a space, with every line break of the seeds a space too.
fn seeds_unit(one_line: bool) -> String {
    let seeds = seeds();
    if one_line {
        seeds.replace('\n', " ") + " "
    } else {
        seeds + "\n"
    }
}

/// The Arabic-script letters of the seeds, run together: one word.
fn seed_letters() -> String {
    seeds().chars().filter(|c| ('\u{0621}'..='\u{06cc}').contains(c) && c.is_alphabetic()).collect()
}

/// Copies of `unit` that make at least `chars` code points.
fn copies_for(unit: &str, chars: usize) -> usize {
    chars.div_ceil(unit.chars().count())
}

/// The best of three runs of [`extract`], and its spans.
fn best_of_three(text: &str) -> (Duration, Vec<Span>) {
    let mut best = Duration::MAX;
    let mut spans = Vec::new();
    for _ in 0..3 {
        let start = Instant::now();
        spans = extract(text);
        best = best.min(start.elapsed());
    }
    (best, spans)
}

/// The spans of `long` (`copies` of `unit`) are those of `unit` alone,
/// shifted to each copy.
fn assert_repeats(unit: &str, copies: usize, long: &[Span]) {
    let one = extract(unit);
    assert!(one.len() >= 20, "one copy has entities ({} found)", one.len());
    let n = unit.chars().count();
    let expected: Vec<Span> = (0..copies)
        .flat_map(|c| one.iter().map(move |s| Span::new(s.start + c * n, s.end + c * n, &s.label)))
        .collect();
    assert_eq!(long.len(), expected.len(), "{} copies of {} spans", copies, one.len());
    if let Some(i) = (0..long.len()).find(|&i| long[i] != expected[i]) {
        panic!("span {i} (copy {}): {:?}, expected {:?}", expected[i].start / n, long[i], expected[i]);
    }
}

/// The spans of a text of `chars` code points are valid: in range, sorted
/// and disjoint.
fn assert_valid(chars: usize, spans: &[Span]) {
    let check = check_spans(spans, chars);
    assert!(check.is_ok(), "{check:?}");
}

/// Times `unit` repeated to `small_chars` code points and to ten times
/// that, checks the spans of both (the spans of one copy at every copy if
/// `repeats`, else only valid), and fails on a ratio above [`MAX_RATIO`] in
/// every one of [`ROUNDS`] rounds (each round keeps the best times so far).
fn assert_linear(name: &str, unit: &str, small_chars: usize, repeats: bool) {
    let _one_at_a_time = TIMING.lock().unwrap_or_else(|e| e.into_inner());
    // The shared extractor is built on first use: not part of any timing.
    extract(unit);
    // Exactly ten times as many copies in the large text.
    let (small_copies, large_copies) = (copies_for(unit, small_chars), 10 * copies_for(unit, small_chars));
    let (small, large) = (unit.repeat(small_copies), unit.repeat(large_copies));
    let sizes = [small.chars().count(), large.chars().count()];
    let (mut t_small, mut t_large) = (Duration::MAX, Duration::MAX);
    for round in 1..=ROUNDS {
        let (t, small_spans) = best_of_three(&small);
        t_small = t_small.min(t);
        let (t, large_spans) = best_of_three(&large);
        t_large = t_large.min(t);
        if round == 1 && repeats {
            assert_repeats(unit, small_copies, &small_spans);
            assert_repeats(unit, large_copies, &large_spans);
        } else if round == 1 {
            assert_valid(sizes[0], &small_spans);
            assert_valid(sizes[1], &large_spans);
        }
        let ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-6);
        println!(
            "{name}, round {round}: {} chars {t_small:?}, {} chars {t_large:?}; ratio {ratio:.2}",
            sizes[0], sizes[1]
        );
        if ratio <= MAX_RATIO {
            return;
        }
    }
    panic!(
        "{name}: extraction is not linear: {} chars took {t_small:?}, {} chars {t_large:?} ({:.1}× for {:.1}× the text)",
        sizes[0],
        sizes[1],
        t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-6),
        sizes[1] as f64 / sizes[0] as f64
    );
}

#[test]
fn extraction_is_linear_in_a_text_of_many_lines() {
    let unit = seeds_unit(false);
    assert!(unit.contains('\n'));
    assert_linear("seeds, many lines", &unit, SMALL, true);
}

#[test]
fn extraction_is_linear_in_a_text_of_one_line() {
    let unit = seeds_unit(true);
    assert!(!unit.contains('\n'));
    assert_linear("seeds, one line", &unit, SMALL, true);
}

#[test]
fn extraction_is_linear_in_news_dense_in_names() {
    let unit = news();
    assert!(!unit.contains('\n'));
    assert_linear("news fixtures, one line", &unit, SMALL, true);
}

#[test]
fn extraction_is_linear_in_the_length_of_one_word() {
    let unit = seed_letters();
    assert!(unit.chars().count() > 1000 && !unit.contains(char::is_whitespace));
    assert_linear("one word", &unit, SMALL / 10, false);
}
