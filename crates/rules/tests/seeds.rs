//! The extractor on the seed texts: a golden file of its output, the micro
//! F1 against the gold spans, and properties over arbitrary text.
//!
//! Regenerate the golden file only on purpose, and review its diff:
//! `BLESS=1 cargo test -p barchasb-rules --test seeds`.

use barchasb_core::{check_spans, Scores, Span};
use barchasb_rules::{extract, Extractor};
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The seed texts as `(id, text)`, sorted by file name; the id is the stem.
fn seeds() -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("seeds"))
        .expect("seeds/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            (id, std::fs::read_to_string(p).expect("seed text is UTF-8"))
        })
        .collect()
}

/// One line per span, with the text it covers, so a change reads as a diff.
fn golden_lines(docs: &[(String, String)]) -> Vec<String> {
    let mut lines = Vec::new();
    for (id, text) in docs {
        let chars: Vec<char> = text.chars().collect();
        for s in extract(text) {
            let covered: String = chars[s.start..s.end].iter().collect();
            let q = |v: &str| serde_json::to_string(v).expect("a string serializes");
            lines.push(format!(
                r#"{{"id":{},"start":{},"end":{},"label":{},"text":{}}}"#,
                q(id),
                s.start,
                s.end,
                q(&s.label),
                q(&covered)
            ));
        }
    }
    lines
}

/// Lines only in `expected` (`-`) or only in `actual` (`+`), in order.
fn diff(expected: &[String], actual: &[String]) -> String {
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < expected.len() || j < actual.len() {
        if i < expected.len() && j < actual.len() && expected[i] == actual[j] {
            i += 1;
            j += 1;
        } else if j < actual.len() && !expected[i..].contains(&actual[j]) {
            out += &format!("+ {}\n", actual[j]);
            j += 1;
        } else {
            out += &format!("- {}\n", expected[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn golden_extract_on_seeds() {
    let path = root().join("crates/rules/tests/golden/seeds.extract.jsonl");
    let actual = golden_lines(&seeds());
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, actual.join("\n") + "\n").expect("golden file written");
        return;
    }
    let expected: Vec<String> = std::fs::read_to_string(&path)
        .expect("golden file exists (create it with BLESS=1)")
        .lines()
        .map(String::from)
        .collect();
    assert!(
        expected == actual,
        "extractor output differs from {} (- golden, + now); if intended, run with BLESS=1 and review:\n{}",
        path.display(),
        diff(&expected, &actual)
    );
}

#[test]
fn micro_f1_on_seeds_is_at_least_0_90() {
    let gold = std::fs::read_to_string(root().join("seeds/gold.jsonl")).expect("seeds/gold.jsonl");
    let mut scores = Scores::default();
    let mut docs = 0;
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("gold line is JSON");
        let text = v["text"].as_str().expect("gold line has text");
        let spans: Vec<Span> = serde_json::from_value(v["spans"].clone()).expect("gold spans");
        scores.add(&spans, &extract(text));
        docs += 1;
    }
    assert_eq!(docs, 2, "both seed documents scored");
    let f1 = scores.micro().f1();
    assert!(f1 >= 0.90, "micro F1 {f1:.4} < 0.90\n{}", scores.report());
}

/// Text made of Persian news vocabulary, triggers, digits of three scripts,
/// ZWNJ, brackets and punctuation, to reach deep into the recognizers.
fn persian_heavy() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "سازمان",
        "وزارت",
        "شرکت",
        "های",
        "ها",
        "رئیس",
        "رییس",
        "هیأت",
        "عامل",
        "معاون",
        "وزیر",
        "صنعت",
        "و",
        "توسعه",
        "کنفرانس",
        "نمایشگاه",
        "برنامه",
        "جامع",
        "ساله",
        "پروژه",
        "سرب",
        "روی",
        "مس",
        "سنگ",
        "آهن",
        "ایران",
        "چین",
        "جمهوری",
        "اسلامی",
        "آقای",
        "دکتر",
        "محمد",
        "رضا",
        "الله",
        "زاده",
        "نژاد",
        "در",
        "با",
        "کرد",
        "می",
        "است",
        "تهران",
        "(",
        ")",
        "،",
        "«",
        "»",
        ".",
        "\u{200c}",
        "\n",
        "۱۴۰۲",
        "2025",
        "٢٣",
        "تا",
        "اکتبر",
        "آبان",
        "میلیون",
        "تن",
        "دلار",
        "درصد",
        "ي",
        "ك",
        "ـ",
        "\u{064b}",
        "CHINALCO",
        "ANC",
        "🙂",
        "-",
        "/",
        "سال",
    ]);
    prop::collection::vec((words, prop::sample::select(vec![" ", "", "\u{200c}", "  "])), 0..40)
        .prop_map(|v| v.into_iter().map(|(w, sep)| format!("{w}{sep}")).collect())
}

fn assert_valid(text: &str) -> Result<(), TestCaseError> {
    let spans = extract(text);
    let n = text.chars().count();
    prop_assert!(check_spans(&spans, n).is_ok(), "{:?}", check_spans(&spans, n));
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    for e in EXTRACTOR.get_or_init(Extractor::new).entities(text) {
        prop_assert!(e.range.start < e.range.end && e.range.end <= text.len());
        prop_assert!(text.is_char_boundary(e.range.start) && text.is_char_boundary(e.range.end));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn spans_are_valid_on_any_text(s in "\\PC{0,120}") {
        assert_valid(&s)?;
    }

    #[test]
    fn spans_are_valid_on_persian_news_like_text(s in persian_heavy()) {
        assert_valid(&s)?;
    }
}
