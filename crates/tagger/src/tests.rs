//! Behaviour of the tagger as a whole: learning, saving, combining.

use super::*;
use barchasb_core::{check_spans, Document, ErrorKind, LabelSet, Scores, Span};
use barchasb_rules::extract;
use proptest::prelude::*;

const SYLLABLES: [&str; 12] = ["با", "رو", "زی", "مان", "تی", "کو", "لا", "نس", "پو", "دار", "شی", "فر"];
const FILLER: [&str; 10] = ["امروز", "گفت", "که", "در", "این", "باره", "خبر", "داد", "سپس", "جلسه"];
/// A made-up word; in the synthetic texts a person's name always follows it.
const TRIGGER: &str = "زنبیلار";

fn name(rng: &mut SplitMix64) -> String {
    (0..3).map(|_| SYLLABLES[rng.below(SYLLABLES.len())]).collect()
}

/// A document of three sentences, each with the trigger followed by a name.
fn synthetic(rng: &mut SplitMix64, id: usize) -> Document {
    let mut text = String::new();
    let mut spans = Vec::new();
    for _ in 0..3 {
        for _ in 0..1 + rng.below(3) {
            text.push_str(FILLER[rng.below(FILLER.len())]);
            text.push(' ');
        }
        text.push_str(TRIGGER);
        text.push(' ');
        let n = name(rng);
        let start = text.chars().count();
        text.push_str(&n);
        spans.push(Span::new(start, start + n.chars().count(), "PER"));
        for _ in 0..1 + rng.below(3) {
            text.push(' ');
            text.push_str(FILLER[rng.below(FILLER.len())]);
        }
        text.push_str(". ");
    }
    let mut d = Document::new(format!("s{id}"), text);
    d.spans = spans;
    d
}

fn trained() -> (Tagger, Vec<Document>) {
    let mut rng = SplitMix64::new(1);
    let train: Vec<Document> = (0..30).map(|i| synthetic(&mut rng, i)).collect();
    let mut rng = SplitMix64::new(99);
    let test: Vec<Document> = (0..10).map(|i| synthetic(&mut rng, i)).collect();
    let mut tagger = Tagger::new(["PER", "LOC"]);
    for d in &train {
        tagger.learn(d);
    }
    (tagger, test)
}

fn f1(tagger: &Tagger, docs: &[Document]) -> f64 {
    let mut s = Scores::default();
    for d in docs {
        s.add(&d.spans, &tagger.suggest(&d.text));
    }
    s.micro().f1()
}

#[test]
fn learns_a_pattern_it_could_not_know() {
    let (tagger, test) = trained();
    assert_eq!(tagger.documents_learned(), 30);
    // Names in the test documents are mostly unseen; the trigger is the cue.
    let untrained = Tagger::new(["PER", "LOC"]);
    assert_eq!(f1(&untrained, &test), 0.0);
    assert!(f1(&tagger, &test) > 0.9, "F1 {}", f1(&tagger, &test));
    // a fresh name after the trigger, in a sentence never seen
    let text = "دیروز زنبیلار کوشیفرلا آمد";
    assert_eq!(tagger.suggest(text), [Span::new(14, 22, "PER")]);
    assert!(tagger.uses_model("PER"));
    assert!(!tagger.uses_model("LOC"), "no LOC was ever learned");
}

#[test]
fn save_and_load_give_identical_predictions() {
    let (tagger, test) = trained();
    let bytes = tagger.to_bytes();
    let loaded = Tagger::from_bytes(&bytes).unwrap();
    assert_eq!(loaded.to_bytes(), bytes);
    assert_eq!(loaded.documents_learned(), 30);
    assert!(!loaded.model().memory().is_empty());
    assert_eq!(loaded.model(), tagger.model());
    for d in &test {
        assert_eq!(loaded.suggest(&d.text), tagger.suggest(&d.text));
    }
    // learning resumes from a loaded model
    let mut again = Tagger::from_bytes(&bytes).unwrap();
    again.learn(&test[0]);
    assert_eq!(again.documents_learned(), 31);
}

#[test]
fn loading_errors_are_model_errors() {
    let (tagger, _) = trained();
    let bytes = tagger.to_bytes();
    let mut other = bytes.clone();
    other[8..10].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
    let e = Tagger::from_bytes(&other).unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::Model);
    assert!(e.message().contains("version"), "{e}");
    let e = Tagger::from_bytes(&bytes[..bytes.len() / 2]).unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::Model);
    let mut corrupt = bytes.clone();
    let mid = corrupt.len() / 2;
    corrupt[mid] ^= 1;
    assert!(Tagger::from_bytes(&corrupt).unwrap_err().message().contains("corrupt"));
}

#[test]
fn batch_training_is_deterministic_for_a_seed() {
    let mut rng = SplitMix64::new(3);
    let docs: Vec<Document> = (0..20).map(|i| synthetic(&mut rng, i)).collect();
    let run = |seed| {
        let mut t = Trainer::new(["PER"], 12, seed).unwrap();
        docs.iter().for_each(|d| t.add(d));
        let reps: Vec<usize> = (0..3).map(|_| t.epoch().wrong).collect();
        (reps, t.into_tagger().to_bytes())
    };
    let (r1, b1) = run(5);
    let (r2, b2) = run(5);
    assert_eq!((&r1, &b1), (&r2, &b2));
    assert!(r1[2] < r1[0], "mistakes fall over epochs: {r1:?}");
    assert_eq!(Model::from_bytes(&b1).unwrap().hash_bits(), 12);
}

#[test]
fn feature_dropout_changes_the_steps_and_still_learns() {
    let mut rng = SplitMix64::new(3);
    let docs: Vec<Document> = (0..30).map(|i| synthetic(&mut rng, i)).collect();
    let mut rng = SplitMix64::new(99);
    let test: Vec<Document> = (0..10).map(|i| synthetic(&mut rng, i)).collect();
    let run = |percent| {
        let mut t = Trainer::new(["PER"], 14, 5).unwrap();
        t.set_dropout_percent(percent);
        docs.iter().for_each(|d| t.add(d));
        for _ in 0..5 {
            t.epoch();
        }
        t.into_tagger()
    };
    let (none, some) = (run(0), run(DEFAULT_DROPOUT_PERCENT));
    assert_ne!(none.to_bytes(), some.to_bytes());
    for tagger in [&none, &some] {
        let mut s = Scores::default();
        for d in &test {
            s.add(&d.spans, &tagger.suggest_model_only(&d.text));
        }
        assert!(s.micro().f1() > 0.9, "{}", s.micro().f1());
    }
}

#[test]
fn untrained_labels_and_unknown_labels() {
    let mut tagger = Tagger::new(["PER"]);
    assert!(!tagger.uses_model("PER"));
    assert!(!tagger.uses_model("DATE"));
    // spans of labels outside the set are ignored, not an error
    let mut d = Document::new("x", "زنبیلار باروزی آمد");
    d.spans = vec![Span::new(8, 14, "MONEY")];
    tagger.learn(&d);
    assert_eq!(tagger.model().stats()[0].learned, 0);
    assert!(tagger.suggest(&d.text).is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn suggestions_are_valid_spans_for_any_text(s in "\\PC{0,60}") {
        static TAGGER: std::sync::OnceLock<Tagger> = std::sync::OnceLock::new();
        let tagger = TAGGER.get_or_init(|| trained().0);
        let spans = tagger.suggest(&s);
        prop_assert!(check_spans(&spans, s.chars().count()).is_ok(), "{:?}", spans);
        let with = tagger.suggest_with_confidence(&s);
        prop_assert!(with.iter().map(|x| &x.span).eq(spans.iter()), "{:?}", with);
        prop_assert!(with.iter().all(|x| (0.0..=1.0).contains(&x.confidence)), "{:?}", with);
        let assessed = tagger.assess(&s);
        prop_assert_eq!(assessed.suggestions, with);
        prop_assert_eq!(assessed.margin.to_bits(), tagger.margin(&s).to_bits());
    }
}

#[test]
fn source_follows_the_evidence() {
    let mut tagger = Tagger::new(["PER"]);
    let mut set = |learned, model, rules, both| {
        tagger.model.stats[0] = LabelStats { learned, model, rules, both };
        tagger.source("PER")
    };
    let none = [0.0; 3];
    assert_eq!(set(0, [9.0, 0.0, 0.0], none, none), Source::Rules, "nothing learned");
    assert_eq!(set(3, none, none, none), Source::Model, "no evidence either way");
    assert_eq!(set(3, [5.0, 1.0, 1.0], [4.0, 1.0, 2.0], [5.0, 3.0, 1.0]), Source::Model);
    assert_eq!(set(3, [5.0, 1.0, 1.0], [5.0, 1.0, 1.0], [5.0, 1.0, 1.0]), Source::Rules, "ties go to the rules");
    assert_eq!(set(3, [4.0, 0.0, 3.0], [3.0, 0.0, 4.0], [6.0, 1.0, 1.0]), Source::Both);
    assert!(tagger.uses_model("PER"));
    assert_eq!(tagger.source("LOC"), Source::Rules, "not a label of the tagger");
}

#[test]
fn an_untrained_model_suggests_what_the_rules_do() {
    let tagger = Tagger::new(LabelSet::default().names());
    let mut agree = Scores::default();
    for text in [
        include_str!("../../../seeds/imidro-china-mining-association.txt"),
        include_str!("../../../seeds/imidro-kazakhstan-deputy-minister.txt"),
    ] {
        let rules = extract(text);
        assert!(rules.len() > 20);
        agree.add(&rules, &tagger.suggest_model_only(text));
    }
    // the prior ties each rule hit to the same tag; only hits that do not
    // cover whole tokens can differ
    assert!(agree.micro().f1() > 0.97, "model alone vs rules: {:?}", agree.micro());
    let text = "سفر به تهران";
    assert_eq!(tagger.suggest_model_only(text), extract(text));
}

#[test]
fn a_confirmed_name_is_suggested_in_another_context() {
    let mut tagger = Tagger::new(LabelSet::default().names());
    let text = "مدیرعامل گروه کاوشگران سپیدار گفت که تولید افزایش یافت.";
    let slice = |s: &Span, t: &str| t.chars().skip(s.start).take(s.end - s.start).collect::<String>();
    let mut doc = Document::new("d1", text);
    let start = text.chars().position(|c| c == 'ک').unwrap();
    doc.spans = vec![Span::new(start - 5, start + 15, "ORG")];
    assert_eq!(slice(&doc.spans[0], text), "گروه کاوشگران سپیدار");
    tagger.learn(&doc);
    // remembered as confirmed (beside the rule suggestions the annotator deleted)
    let org = tagger.labels().iter().position(|l| l == "ORG").unwrap();
    let name = barchasb_core::tokenize("گروه کاوشگران سپیدار");
    assert_eq!(tagger.model().memory().decision(&name), Some(crate::Decision::Confirmed(org)));
    let other = "صادرات گروه کاوشگران سپیدار به چین رسید.";
    let found = tagger.suggest(other);
    assert!(found.iter().any(|s| s.label == "ORG" && slice(s, other) == "گروه کاوشگران سپیدار"), "{found:?}");
}

#[test]
fn a_version_2_model_is_refused_by_name() {
    let (tagger, _) = trained();
    let mut old = tagger.to_bytes();
    old[8..10].copy_from_slice(&2u16.to_le_bytes());
    let e = Tagger::from_bytes(&old).unwrap_err();
    assert!(e.message().contains("version 2") && e.message().contains("version 3"), "{e}");
}

#[test]
fn one_corrected_document_overrules_a_rule_elsewhere() {
    // The rules mark a country LOC; this team marks a country acting as a
    // party ORG (as ARMAN does). One document teaches it.
    let mut tagger = Tagger::new(LabelSet::default().names());
    let text = "چین و ایران در دیدار امروز گفت‌وگو کردند و چین سرمایه گذاری می‌کند.";
    let rules: Vec<Span> = extract(text);
    let countries: Vec<&Span> = rules.iter().filter(|s| s.label == "LOC").collect();
    assert_eq!(countries.len(), 3, "{rules:?}");
    let mut doc = Document::new("d1", text);
    doc.spans =
        rules.iter().map(|s| Span::new(s.start, s.end, if s.label == "LOC" { "ORG" } else { &s.label })).collect();
    tagger.learn(&doc);
    let other = "سفر هیئت چین به ترکیه";
    let before = extract(other);
    assert!(before.iter().any(|s| s.label == "LOC" && s.start == 9), "{before:?}");
    let after = tagger.suggest(other);
    assert!(after.contains(&Span::new(9, 12, "ORG")), "{after:?}");
}

#[test]
fn a_span_inside_words_run_together_is_learned_and_suggested_as_it_was_marked() {
    // `مرکزینرخ`: `مرکزی` and `نرخ` with no space; the guidelines' span is
    // `بانک مرکزی`, ending inside the written word.
    let text = "افزایش بانک مرکزینرخ ارز";
    let start = 7;
    let span = Span::new(start, start + 10, "ORG");
    let slice = |s: &Span| text.chars().skip(s.start).take(s.end - s.start).collect::<String>();
    assert_eq!(slice(&span), "بانک مرکزی");
    let mut tagger = Tagger::new(LabelSet::default().names());
    assert!(tagger.suggest(text).contains(&span), "the rules' span: {:?}", tagger.suggest(text));
    let mut doc = Document::new("d", text);
    doc.spans = vec![span.clone()];
    tagger.learn(&doc);
    assert!(tagger.suggest_model_only(text).contains(&span), "{:?}", tagger.suggest_model_only(text));
    assert!(tagger.suggest(text).contains(&span));
}

/// A document with a label the rules do not know (`MINE`): each mine's name
/// follows `معدن`, and the names are made up.
fn mines(names: &[&str]) -> Document {
    let mut text = String::new();
    let mut spans = Vec::new();
    for (k, n) in names.iter().enumerate() {
        text.push_str(["تولید ", "گزارش تازه از ", "استخراج سنگ آهن در "][k % 3]);
        text.push_str("معدن ");
        let start = text.chars().count();
        text.push_str(n);
        spans.push(Span::new(start, start + n.chars().count(), "MINE"));
        text.push_str([" افزایش یافت.\n", " منتشر شد.\n", " ادامه دارد.\n"][k % 3]);
    }
    let mut d = Document::new("mines", text);
    d.spans = spans;
    d
}

#[test]
fn a_span_learned_in_one_document_is_suggested_in_the_next_by_its_context_alone() {
    let labels: Vec<String> = LabelSet::default().names().map(String::from).chain(["MINE".to_string()]).collect();
    let mut tagger = Tagger::new(labels);
    tagger.learn(&mines(&["زربلانو", "کوشیفر", "پولادیس"]));
    assert_eq!(tagger.source("MINE"), Source::Model);
    // a name the tagger never saw, after the same head word
    let next = "خبر: تولید معدن تیمارکو افزایش یافت.";
    let start = next.chars().position(|c| c == 'ت').unwrap() + "تولید معدن ".chars().count();
    let found = tagger.suggest(next);
    assert!(found.contains(&Span::new(start, start + 7, "MINE")), "{found:?}");
}

#[test]
fn a_new_tagger_retrains_on_its_documents_and_a_loaded_one_steps_online() {
    let mut rng = SplitMix64::new(4);
    let docs: Vec<Document> = (0..4).map(|i| synthetic(&mut rng, i)).collect();
    let learn = |docs: &[Document]| {
        let mut t = Tagger::new(["PER", "LOC"]);
        docs.iter().for_each(|d| t.learn(d));
        t
    };
    let t = learn(&docs[..3]);
    assert_eq!(t.history.len(), 3);
    // the same documents give the same model
    assert_eq!(learn(&docs[..3]).to_bytes(), t.to_bytes());
    // loaded, it has not the documents: it steps online from the weights
    let mut loaded = Tagger::from_bytes(&t.to_bytes()).unwrap();
    loaded.learn(&docs[3]);
    assert!(loaded.history.is_empty());
    assert_eq!(loaded.documents_learned(), 4);
    let mut batch = t;
    batch.learn(&docs[3]);
    assert_eq!(batch.history.len(), 4);
    assert_ne!(batch.to_bytes(), loaded.to_bytes());
}

#[test]
fn a_loaded_tagger_given_its_documents_back_retrains_in_batch_again() {
    let mut rng = SplitMix64::new(4);
    let docs: Vec<Document> = (0..4).map(|i| synthetic(&mut rng, i)).collect();
    let mut t = Tagger::new(["PER", "LOC"]);
    docs[..3].iter().for_each(|d| t.learn(d));
    let bytes = t.to_bytes();
    let mut loaded = Tagger::from_bytes(&bytes).unwrap();
    assert!(!loaded.recall(&docs[..2]), "fewer documents than it learned");
    assert!(!loaded.recall(&docs), "more");
    assert!(loaded.history.is_empty());
    assert!(loaded.recall(&docs[..3]));
    assert_eq!(loaded.to_bytes(), bytes, "recalling learns nothing");
    assert!(!loaded.recall(&docs[..3]), "only into an empty history");
    loaded.learn(&docs[3]);
    assert_eq!(loaded.history.len(), 4, "batch, not online");
    t.learn(&docs[3]);
    let test: Vec<Document> = (10..16).map(|i| synthetic(&mut rng, i)).collect();
    for d in &test {
        assert_eq!(loaded.suggest(&d.text), t.suggest(&d.text), "as if never reloaded");
    }
}

#[test]
fn after_max_history_documents_learning_goes_on_online() {
    let mut rng = SplitMix64::new(5);
    let mut t = Tagger::new(["PER"]);
    for i in 0..MAX_HISTORY {
        t.learn(&synthetic(&mut rng, i));
    }
    assert_eq!(t.history.len(), MAX_HISTORY);
    t.learn(&synthetic(&mut rng, MAX_HISTORY));
    assert!(t.history.is_empty(), "the features are let go");
    assert_eq!(t.documents_learned() as usize, MAX_HISTORY + 1);
    let test = synthetic(&mut rng, 999);
    assert_eq!(t.suggest(&test.text), test.spans, "what the batch learned is kept");
}

#[test]
fn each_suggestion_has_a_confidence_and_a_learned_pattern_is_surer() {
    let untrained = Tagger::new(LabelSet::default().names());
    let text = "سفر به تهران";
    let rules = untrained.suggest_with_confidence(text);
    assert_eq!(rules.iter().map(|s| s.span.clone()).collect::<Vec<_>>(), untrained.suggest(text));
    // a lone rule hit: the prior's weight against O, through the logistic
    let prior = 1.0 / (1.0 + (-1.0f32).exp());
    assert!((rules[0].confidence - prior).abs() < 0.01, "{rules:?}");
    let (tagger, test) = trained();
    for d in &test {
        let with = tagger.suggest_with_confidence(&d.text);
        assert_eq!(with.iter().map(|s| s.span.clone()).collect::<Vec<_>>(), tagger.suggest(&d.text));
        assert!(with.iter().all(|s| (0.0..=1.0).contains(&s.confidence)), "{with:?}");
    }
    // a fresh name after the trigger: the model prefers it to any other reading
    let sure = tagger.suggest_with_confidence("دیروز زنبیلار کوشیفرلا آمد");
    assert!(sure[0].confidence > 0.5, "{sure:?}");
}

#[test]
fn a_confirmed_name_is_as_sure_as_the_annotator_was_consistent() {
    let mut tagger = Tagger::new(LabelSet::default().names());
    let text = "مدیرعامل گروه کاوشگران سپیدار گفت که تولید افزایش یافت.";
    let start = text.chars().position(|c| c == 'ک').unwrap() - 5;
    let mut doc = Document::new("d1", text);
    doc.spans = vec![Span::new(start, start + 20, "ORG")];
    tagger.learn(&doc);
    let other = "صادرات گروه کاوشگران سپیدار به چین رسید.";
    let found = tagger.suggest_with_confidence(other);
    let org = found.iter().find(|s| s.span.label == "ORG").unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(org.confidence, 1.0, "marked every time it occurred");
}

#[test]
fn a_text_like_the_learned_ones_has_a_wider_margin_than_one_the_model_is_torn_about() {
    let (tagger, _) = trained();
    // after the trigger a filler word, which the documents never had there
    let familiar = "امروز زنبیلار کوشیفرلا گفت.";
    let torn = "امروز زنبیلار جلسه گفت.";
    assert!(tagger.margin(familiar) > 2.0 * tagger.margin(torn), "{} {}", tagger.margin(familiar), tagger.margin(torn));
    assert_eq!(tagger.margin(""), f64::INFINITY);
}
