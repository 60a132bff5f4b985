//! Export → import gives the same documents, for the text formats: the
//! native JSONL, doccano, Label Studio and brat take every valid span
//! (brat: none that starts or ends at a line break, which its lines cannot
//! hold), spaCy, WebAnno, CoNLL and Hugging Face (with the files written beside
//! them) every span that neither starts nor ends with white space (a span
//! that cuts a token splits it). Ids (with characters
//! no file name takes), texts, spans, suggestions, statuses and other
//! fields all come back, and the export is told apart from other formats
//! by its name and content.

use barchasb_core::{Document, Span, Status};
use barchasb_formats::{detect, export, gate, read_with, ExportOptions, Format};
use proptest::prelude::*;
use serde_json::json;

const WORDS: [&str; 18] = [
    "ایران",
    "ایمیدرو",
    "(",
    ")",
    "شرکت",
    "۱۴۰۲",
    "25",
    "Rio",
    "Tinto",
    "🙂",
    "👍🏽",
    "،",
    ".",
    "a_b",
    "[x]",
    "|",
    "\\",
    "می‌خواهد",
];
const SEPARATORS: [&str; 8] = [" ", " ", " ", "", "\n", "\n\n", "\t", "\n\t"];
const LABELS: [&str; 4] = ["ORG", "LOC", "PER", "DATE"];
const IDS: [&str; 6] = ["", "/x", " y", "ی", ".", "A"];
const STATUSES: [Status; 3] = [Status::New, Status::InProgress, Status::Done];

/// A text of words and separators, sometimes with white space before the
/// first word (a line indented by a tab) or after the last.
fn text() -> impl Strategy<Value = String> {
    let edge = prop_oneof![4 => Just(""), 1 => Just("\n\t"), 1 => Just(" "), 1 => Just("\n")];
    (edge.clone(), prop::collection::vec((0..WORDS.len(), 0..SEPARATORS.len()), 1..25), edge).prop_map(
        |(before, parts, after)| {
            let mut t = before.to_string();
            for (k, (w, s)) in parts.iter().enumerate() {
                if k > 0 {
                    t.push_str(SEPARATORS[*s]);
                }
                t.push_str(WORDS[*w]);
            }
            t + after
        },
    )
}

/// Spans from picked cut points: each pair of the sorted, distinct points
/// `a < b` is a span; `to_span` turns a pair into code points.
fn spans(cuts: &[usize], labels: &[usize], to_span: impl Fn(usize, usize) -> (usize, usize)) -> Vec<Span> {
    let mut cuts = cuts.to_vec();
    cuts.sort_unstable();
    cuts.dedup();
    cuts.chunks_exact(2)
        .zip(labels.iter().cycle())
        .map(|(c, l)| {
            let (s, e) = to_span(c[0], c[1]);
            Span::new(s, e, LABELS[*l])
        })
        .collect()
}

type Picks = (Vec<usize>, Vec<usize>, Vec<usize>, usize, usize, bool);

fn picks() -> impl Strategy<Value = Picks> {
    (
        prop::collection::vec(0usize..10_000, 0..12),
        prop::collection::vec(0usize..10_000, 0..6),
        prop::collection::vec(0..LABELS.len(), 1..4),
        0..IDS.len(),
        0..STATUSES.len(),
        any::<bool>(),
    )
}

/// A document whose spans `format` can hold.
fn document(k: usize, text: String, p: Picks, format: Format) -> Document {
    let (span_cuts, suggestion_cuts, labels, id, status, meta) = p;
    let n = text.chars().count();
    let cuts = |c: &[usize]| c.iter().map(|c| c % (n + 1)).collect::<Vec<_>>();
    let make = |c: &[usize]| spans(&cuts(c), &labels, |a, b| (a, b));
    let mut d = Document::new(format!("d{k}{}", IDS[id]), text);
    d.spans = make(&span_cuts);
    d.suggestions = make(&suggestion_cuts);
    // brat's lines cannot hold a span that starts or ends at a line break;
    // token formats split a token a span cuts, but none starts with white space.
    let chars: Vec<char> = d.text.chars().collect();
    let edge = |s: &Span, f: fn(&char) -> bool| f(&chars[s.start]) || f(&chars[s.end - 1]);
    let unfit = |s: &Span| match format {
        Format::Brat => edge(s, |c| *c == '\n'),
        f if f.token_based() => edge(s, |c| c.is_whitespace()),
        _ => false,
    };
    d.spans.retain(|s| !unfit(s));
    d.suggestions.retain(|s| !unfit(s));
    d.status = STATUSES[status];
    if meta {
        d.meta.insert("source".into(), json!({"site": "irna", "n": k}));
    }
    d
}

fn documents(format: Format) -> impl Strategy<Value = Vec<Document>> {
    prop::collection::vec((text(), picks()), 1..5)
        .prop_map(move |v| v.into_iter().enumerate().map(|(k, (t, p))| document(k, t, p, format)).collect())
}

fn round_trip(format: Format, docs: &[Document]) -> Result<(), TestCaseError> {
    let opts = ExportOptions { suggestions: true, ..Default::default() };
    prop_assert_eq!(gate(format, docs, &opts), vec![], "every generated span is one {} holds", format);
    let files = export(format, docs, &opts).unwrap();
    let main = &files[0];
    prop_assert_eq!(detect(&main.name, &main.bytes), Some(format));
    let beside: Vec<(String, Vec<u8>)> = files[1..].iter().map(|f| (f.name.clone(), f.bytes.clone())).collect();
    let parsed = read_with(format, &main.name, &main.bytes, &beside, barchasb_formats::decode::windows_1256);
    prop_assert!(parsed.all_problems().is_empty(), "{:?}", parsed.all_problems());
    let back: Vec<&Document> = parsed.records.iter().map(|r| &r.doc).collect();
    prop_assert_eq!(back.len(), docs.len());
    for (b, d) in back.into_iter().zip(docs) {
        prop_assert_eq!(b, d);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn jsonl_round_trips(docs in documents(Format::Jsonl)) {
        round_trip(Format::Jsonl, &docs)?;
    }

    #[test]
    fn conll_round_trips(docs in documents(Format::Conll)) {
        round_trip(Format::Conll, &docs)?;
    }

    #[test]
    fn spacy_round_trips(docs in documents(Format::Spacy)) {
        round_trip(Format::Spacy, &docs)?;
    }

    #[test]
    fn hf_round_trips(docs in documents(Format::Hf)) {
        round_trip(Format::Hf, &docs)?;
    }

    #[test]
    fn doccano_round_trips(docs in documents(Format::Doccano)) {
        round_trip(Format::Doccano, &docs)?;
    }

    #[test]
    fn label_studio_round_trips(docs in documents(Format::LabelStudio)) {
        round_trip(Format::LabelStudio, &docs)?;
    }

    #[test]
    fn brat_round_trips(docs in documents(Format::Brat)) {
        round_trip(Format::Brat, &docs)?;
    }

    #[test]
    fn webanno_round_trips(docs in documents(Format::Webanno)) {
        round_trip(Format::Webanno, &docs)?;
    }
}
