//! Run-together words: exact spans (code points) where a split is right,
//! no split where the token is one word.

use super::*;
use crate::extract;
use barchasb_core::check_spans;
use barchasb_core::tokenize;
use barchasb_core::Span;
use proptest::prelude::*;
use std::sync::OnceLock;

fn lexicon() -> &'static Lexicon {
    static LX: OnceLock<Lexicon> = OnceLock::new();
    LX.get_or_init(Lexicon::new)
}

/// The spans of `text` as `LABEL:text`.
fn spans(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    extract(text)
        .into_iter()
        .map(|s| format!("{}:{}", s.label, chars[s.start..s.end].iter().collect::<String>()))
        .collect()
}

/// The tokens of `text` after splitting, as their original strings.
fn words(text: &str) -> Vec<String> {
    split(text, tokenize(text), lexicon()).iter().map(|t| text[t.range.as_range()].to_string()).collect()
}

#[test]
fn name_then_common_word_ends_inside_the_token() {
    let text = "بانک مرکزینرخ ارز را افزایش داد";
    // `بانک مرکزی` is code points 0..10: the span ends inside `مرکزینرخ`.
    assert!(extract(text).contains(&Span::new(0, 10, "ORG")), "{:?}", spans(text));
    assert_eq!(spans(text), ["ORG:بانک مرکزی"]);
    assert_eq!(words(text)[..3], ["بانک", "مرکزی", "نرخ"]);
}

#[test]
fn common_word_then_name_starts_inside_the_token() {
    let text = "افزایش نرخبانک مرکزی را اعلام کرد";
    let start = "افزایش نرخ".chars().count();
    let end = start + "بانک مرکزی".chars().count();
    assert!(extract(text).contains(&Span::new(start, end, "ORG")), "{:?}", spans(text));
    assert_eq!(spans(text), ["ORG:بانک مرکزی"]);
}

#[test]
fn a_place_glued_to_either_side() {
    assert_eq!(spans("صادرات قزاقستانافزایش یافت"), ["LOC:قزاقستان"]);
    assert_eq!(spans("این شرکت درقزاقستان فعال است"), ["LOC:قزاقستان"]);
    assert_eq!(words("درقزاقستان"), ["در", "قزاقستان"]);
    assert_eq!(words("ایراننرخ"), ["ایران", "نرخ"]);
    // A city only before a function word or verb; a name glued after a word
    // reads as if spaced.
    assert_eq!(spans("رئیس دانشگاه مسکوکه در این نشست بود"), ["ROLE:رئیس", "ORG:دانشگاه مسکو"]);
    assert_eq!(spans("نرخ ارز درتهران افزایش یافت"), ["LOC:تهران"]);
    assert_eq!(words("تهرانجوان"), ["تهرانجوان"]);
}

#[test]
fn arabic_yeh_and_kaf_split_alike() {
    // ي (U+064A) and ك (U+0643): the key is Persian, the offsets are the original's.
    let text = "بانك مركزينرخ ارز را افزايش داد";
    assert!(extract(text).contains(&Span::new(0, 10, "ORG")), "{:?}", spans(text));
    assert_eq!(words(text)[..3], ["بانك", "مركزي", "نرخ"]);
}

#[test]
fn marks_stay_with_their_letter() {
    // A kasra on the last letter of the name stays inside the name's part.
    let text = "بانک مرکزیِنرخ ارز";
    assert_eq!(words(text)[..3], ["بانک", "مرکزیِ", "نرخ"]);
}

/// Real words that contain another word: none of them is two words.
const ONE_WORD: &[&str] = &[
    "مرکزیت",
    "ایرانیان",
    "چینی‌ها",
    "چینیها",
    "تهرانی",
    "اصفهانی",
    "معدنکاری",
    "معدن‌کاری",
    "ایرانی",
    "چینی",
    "تهرانیها",
    "ایرانیهای",
    "کرمانشاهی",
    "شیرازیان",
    "فولادسازی",
    "نفتکش",
    "طلافروشی",
    "آهنگری",
    "ایران‌نژاد",
    "تهران‌پور",
    "اعلام‌شده",
    "مرکزی‌اش",
    "بانکها",
    "شرکتکنندگان",
    "وزارتخانه",
    "سازمانی",
    "کشورهایی",
    "آمریکایی",
    "روسیه‌ای",
    "هندی‌ها",
    "اصفهانیان",
    "آلمانیها",
    "قزاقستانی",
    "مسگری",
    "تهرانپارس",
    "ایرانمهر",
    "گردوخاک",
    "تورینو",
    "آقاجانی",
    "حاج‌آقا",
    "حاجآقا",
    "استادانی",
    "بهارمست",
    "سنگ‌چارک",
    "دربرابر",
    "میان‌برنامه",
    "کوتاه‌مدت",
    "آبان‌ماه",
    "درعینحال",
    "بعدازظهر",
    "امامجمعه",
    "مکررا",
    "عمدتا",
    "سنتآندروز",
    "غنیمیفرد",
    "یونیتا",
    "سوسیداد",
];

#[test]
fn words_that_contain_words_do_not_split() {
    for w in ONE_WORD {
        assert_eq!(words(w), [*w], "{w} alone");
        // After a head too, where a name runs on (`بانک مرکزینرخ`).
        let text = format!("بانک {w}");
        assert_eq!(words(&text), ["بانک", w], "{w} after a head");
        let text = format!("صادرات {w} گفت");
        assert_eq!(words(&text), ["صادرات", w, "گفت"], "{w} in a sentence");
    }
}

#[test]
fn a_name_glued_to_a_function_word_or_verb() {
    assert_eq!(spans("دبیرکل سازمان مللاین طرح را رد کرد"), ["ROLE:دبیرکل", "ORG:سازمان ملل"]);
    assert_eq!(words("آقای علی نوریگفت"), ["آقای", "علی", "نوری", "گفت"]);
}

#[test]
fn function_words_and_titles_glued_to_a_name() {
    // `بهت|هران` would be two listed words too: a function word glued to a
    // place is the likelier reading.
    assert_eq!(spans("سفر بهتهران"), ["LOC:تهران"]);
    assert_eq!(spans("همکاری ایرانو چین"), ["LOC:ایران", "LOC:چین"]);
    assert_eq!(words("آقایزمانی گفت"), ["آقای", "زمانی", "گفت"]);
}

#[test]
fn a_head_glued_to_its_name_stays_whole() {
    // `وزیرصنعت` is a head and the first word of its name: not cut.
    assert_eq!(words("وزیرصنعت"), ["وزیرصنعت"]);
    assert_eq!(words("معاون وزیرنفت و گاز"), ["معاون", "وزیرنفت", "و", "گاز"]);
}

#[test]
fn a_month_glued_to_the_next_word() {
    assert_eq!(words("۳ آبانامسال"), ["۳", "آبان", "امسال"]);
    assert!(spans("از ۱ تا ۳ آبانامسال").contains(&"DATE:۱ تا ۳ آبان".to_string()));
}

proptest! {
    /// Texts of names, common words and glue run together in any way: the
    /// spans stay in the text, sorted and disjoint, and parts cover the
    /// tokens' text in order.
    #[test]
    fn spans_stay_valid_when_words_run_together(
        parts in proptest::collection::vec(
            (0usize..16, prop_oneof![Just(""), Just(" "), Just("\u{200c}"), Just("ـ"), Just("، ")]), 0..12)
    ) {
        const WORDS: &[&str] = &[
            "بانک", "مرکزی", "نرخ", "ایران", "قزاقستان", "در", "را", "وزیر", "صنعت", "آبان", "۳", "سازمان",
            "توسعه", "ارز", "ي", "ك",
        ];
        let text: String = parts.iter().map(|(w, sep)| format!("{}{sep}", WORDS[*w])).collect();
        let spans = extract(&text);
        prop_assert!(check_spans(&spans, text.chars().count()).is_ok(), "{:?}", spans);
        let toks = split(&text, tokenize(&text), lexicon());
        let mut prev = 0;
        for t in &toks {
            prop_assert!(t.range.start >= prev && t.range.start < t.range.end);
            prop_assert!(text.is_char_boundary(t.range.start) && text.is_char_boundary(t.range.end));
            prev = t.range.end;
        }
    }
}

/// Counts the splits over texts outside the repository and prints every
/// distinct one, to look for false splits (module docs). Files are named by
/// `RUNTOGETHER_CORPUS` (`:`-separated): JSONL with a `text` field, CoNLL
/// (`token TAG` lines, a blank line between sentences) or plain text.
///
/// `RUNTOGETHER_CORPUS=../shared/arman/train.txt:seeds/s1.txt cargo test -p barchasb-core --lib census -- --ignored --nocapture`
#[test]
#[ignore = "reads a corpus named by RUNTOGETHER_CORPUS"]
fn census() {
    use std::collections::BTreeMap;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let files = std::env::var("RUNTOGETHER_CORPUS").expect("RUNTOGETHER_CORPUS names the files");
    let mut texts: Vec<String> = Vec::new();
    for f in files.split(':') {
        let data = std::fs::read_to_string(root.join(f)).unwrap_or_else(|e| panic!("{f}: {e}"));
        if f.ends_with(".jsonl") {
            for l in data.lines().filter(|l| !l.trim().is_empty()) {
                let v: serde_json::Value = serde_json::from_str(l).expect("JSONL");
                texts.push(v["text"].as_str().unwrap_or("").to_string());
            }
        } else if data.lines().take(20).filter(|l| !l.is_empty()).all(|l| l.split_whitespace().count() == 2) {
            for sentence in data.split("\n\n") {
                let toks: Vec<&str> = sentence.lines().filter_map(|l| l.split_whitespace().next()).collect();
                texts.push(toks.join(" "));
            }
        } else {
            texts.push(data);
        }
    }
    let (mut tokens, mut found) = (0usize, BTreeMap::<String, (usize, Reading)>::new());
    for text in &texts {
        let toks = tokenize(text);
        tokens += toks.len();
        for i in 0..toks.len() {
            if let Some(s) = where_to_split(&toks, i, lexicon()) {
                let (a, z) = toks[i].norm.split_at(s.at);
                let before = if i > 0 { toks[i - 1].norm.as_str() } else { "" };
                found.entry(format!("{before} {a}|{z}")).or_insert((0, s.reading)).0 += 1;
            }
        }
    }
    let total: usize = found.values().map(|v| v.0).sum();
    println!("{} texts, {tokens} tokens, {total} splits ({} distinct)", texts.len(), found.len());
    for (k, (n, r)) in &found {
        println!("{n:4} {r:?} {k}");
    }
}

/// How many entities the rules still find, exact in extent, when the space
/// after (or before) them is removed, against the same sentences spaced.
/// The CoNLL file (`token TAG`, IOB2) is named by `RUNTOGETHER_CONLL`;
/// every entity with a word of `O` after (before) it is tried once.
///
/// `RUNTOGETHER_CONLL=../shared/arman/train.txt cargo test --release -p barchasb-core --lib glued -- --ignored --nocapture`
#[test]
#[ignore = "reads a CoNLL file named by RUNTOGETHER_CONLL"]
fn glued() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let file = std::env::var("RUNTOGETHER_CONLL").expect("RUNTOGETHER_CONLL names the file");
    let data = std::fs::read_to_string(root.join(&file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    let persian = |w: &str| w.chars().all(|c| c == '\u{200c}' || ('\u{0621}'..='\u{06d3}').contains(&c));
    // [after, before] × [tried, found spaced, found spaced and glued, found glued]
    let mut n = [[0usize; 4]; 2];
    for sentence in data.split("\n\n") {
        let rows: Vec<(&str, &str)> =
            sentence.lines().filter_map(|l| l.split_once(char::is_whitespace)).map(|(w, t)| (w, t.trim())).collect();
        let mut i = 0;
        while i < rows.len() {
            let Some(label) = rows[i].1.strip_prefix("B-") else {
                i += 1;
                continue;
            };
            let mut j = i + 1;
            while j < rows.len() && rows[j].1.strip_prefix("I-") == Some(label) {
                j += 1;
            }
            // Glue token `g` to the one before it.
            for (side, g) in [(0, j), (1, i)] {
                if g == 0 || g >= rows.len() || rows[if side == 0 { g } else { g - 1 }].1 != "O" {
                    continue;
                }
                if !persian(rows[g - 1].0) || !persian(rows[g].0) {
                    continue;
                }
                let words: Vec<&str> = rows.iter().map(|r| r.0).collect();
                let spaced = words.join(" ");
                let glued = words[..g].join(" ") + &words[g..].join(" ");
                let at = |ws: &[&str], k: usize| ws[..k].iter().map(|w| w.chars().count() + 1).sum::<usize>();
                let (s0, e0) = (at(&words, i), at(&words, j) - 1);
                let (s1, e1) = if side == 0 { (s0, e0) } else { (s0 - 1, e0 - 1) };
                let hit = |t: &str, s: usize, e: usize| extract(t).iter().any(|x| x.start == s && x.end == e);
                let (a, b) = (hit(&spaced, s0, e0), hit(&glued, s1, e1));
                n[side][0] += 1;
                n[side][1] += a as usize;
                n[side][2] += (a && b) as usize;
                n[side][3] += b as usize;
            }
            i = j;
        }
    }
    for (side, c) in ["after", "before"].iter().zip(n) {
        println!(
            "space {side} the entity removed: {} tried, {} found spaced, {} of them also glued, {} found glued",
            c[0], c[1], c[2], c[3]
        );
    }
}
