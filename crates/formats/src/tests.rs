//! The import rules, case by case, as the issue lists them.

use super::*;
use barchasb_core::{Document, LabelSet, Span, Status};

const T8: &str = "سازمان ایمیدرو در تهران";

fn labels() -> Vec<String> {
    LabelSet::default().names().map(String::from).collect()
}

fn names(l: &[String]) -> Vec<&str> {
    l.iter().map(String::as_str).collect()
}

fn done8() -> Document {
    let mut d = Document::new("08", T8);
    d.spans = vec![Span::new(7, 14, "ORG"), Span::new(18, 23, "LOC")];
    d.status = Status::Done;
    d
}

fn import(existing: &[Document], files: &[(&str, &str)], choices: Choices) -> (Questions, Merge) {
    let l = labels();
    let parsed: Vec<Parsed> = files.iter().map(|(n, b)| read_file(n, b.as_bytes())).collect();
    let q = questions(existing, &names(&l), &parsed);
    (q, merge(existing, &names(&l), parsed, choices))
}

#[test]
fn the_same_txt_again_changes_nothing_and_says_so() {
    let (q, m) = import(&[done8()], &[("08.txt", T8)], Choices::default());
    assert!(q.is_empty());
    assert!(m.add.is_empty() && m.replace.is_empty());
    assert_eq!(m.report, ["08.txt:1: «08» is already there, with the same text; nothing changed"]);
    // A line without spans is the same.
    let (_, m) = import(&[done8()], &[("b.jsonl", &format!(r#"{{"id":"08","text":"{T8}"}}"#))], Choices::default());
    assert!(m.add.is_empty() && m.replace.is_empty(), "{m:?}");
}

#[test]
fn other_annotations_on_finished_work_ask_and_each_answer_does_what_it_says() {
    let line = format!(r#"{{"id":"08","text":"{T8}","spans":[{{"start":0,"end":6,"label":"ORG"}}],"status":"done"}}"#);
    let files = [("theirs.jsonl", line.as_str())];
    let (q, m) = import(&[done8()], &files, Choices::default());
    assert_eq!(
        q.conflicts,
        [Conflict {
            id: "08".into(),
            place: "theirs.jsonl:1".into(),
            mine: (2, Status::Done),
            theirs: (1, Status::Done)
        }]
    );
    assert!(m.add.is_empty() && m.replace.is_empty(), "the default keeps mine");
    let (_, m) = import(&[done8()], &files, Choices { conflict: OnConflict::TakeTheirs, ..Choices::default() });
    assert_eq!(m.replace.len(), 1);
    assert_eq!(m.replace[0].spans, [Span::new(0, 6, "ORG")]);
    let (_, m) = import(&[done8()], &files, Choices { conflict: OnConflict::KeepBoth, ..Choices::default() });
    assert_eq!(m.add.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["08 (2)"]);
    assert!(m.replace.is_empty());
    // The same annotations again are no conflict.
    let same = Document { meta: Default::default(), ..done8() }.to_json_line();
    let (q, m) = import(&[done8()], &[("same.jsonl", &same)], Choices::default());
    assert!(q.is_empty() && m.add.is_empty() && m.replace.is_empty());
}

#[test]
fn a_document_without_work_takes_the_incoming_annotations_without_asking() {
    let fresh = Document::new("08", T8);
    let line = done8().to_json_line();
    let (q, m) = import(&[fresh], &[("gold.jsonl", &line)], Choices::default());
    assert!(q.is_empty());
    assert_eq!(m.replace, [done8()]);
}

#[test]
fn another_text_under_the_same_id_is_a_new_document() {
    let (q, m) = import(&[done8()], &[("08.txt", "متن دیگری")], Choices::default());
    assert!(q.is_empty());
    assert_eq!(m.add[0].id, "08 (2)");
    assert_eq!(m.add[0].text, "متن دیگری");
    assert!(m.report[0].contains("imported as «08 (2)»"), "{:?}", m.report);
    // And again: (3), never a replacement.
    let mut second = m.add[0].clone();
    second.spans.clear();
    let (_, m) = import(&[done8(), second], &[("08.txt", "سومی")], Choices::default());
    assert_eq!(m.add[0].id, "08 (3)");
}

#[test]
fn duplicate_ids_inside_one_file_are_named_by_line_and_renamed() {
    let body = "{\"id\":\"a\",\"text\":\"یک\"}\n{\"id\":\"b\",\"text\":\"دو\"}\n{\"id\":\"a\",\"text\":\"سه\"}\n{\"id\":\"a\",\"text\":\"یک\"}\n";
    let (_, m) = import(&[], &[("x.jsonl", body)], Choices::default());
    let ids: Vec<&str> = m.add.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "a (2)", "a (3)"]);
    assert_eq!(m.report[0], "x.jsonl:3: the id «a» is used again (first at x.jsonl:1); imported as «a (2)»");
    assert!(m.report[1].starts_with("x.jsonl:4: the id «a» is used again"));
}

#[test]
fn unknown_labels_are_set_aside_or_added_never_taken_as_known() {
    let line = format!(
        r#"{{"id":"n","text":"{T8}","spans":[{{"start":0,"end":6,"label":"XYZ"}},{{"start":18,"end":23,"label":"LOC"}}],"suggestions":[{{"start":7,"end":14,"label":"XYZ"}}]}}"#
    );
    let (q, m) = import(&[], &[("x.jsonl", &line)], Choices::default());
    assert_eq!(q.unknown_labels.into_iter().collect::<Vec<_>>(), [("XYZ".to_string(), 2)]);
    let d = &m.add[0];
    assert_eq!(d.spans, [Span::new(18, 23, "LOC")]);
    assert!(d.suggestions.is_empty());
    assert_eq!(d.meta["set_aside"], serde_json::json!([{"start": 0, "end": 6, "label": "XYZ"}]));
    assert!(
        m.report.iter().any(|r| r.contains("1 span with labels not in the label set (XYZ) kept aside")),
        "{:?}",
        m.report
    );
    assert!(m.report.iter().any(|r| r.contains("1 suggestion")), "{:?}", m.report);
    assert!(m.new_labels.is_empty());
    let (_, m) =
        import(&[], &[("x.jsonl", &line)], Choices { unknown: OnUnknownLabels::AddLabels, ..Choices::default() });
    assert_eq!(m.new_labels, ["XYZ"]);
    assert_eq!(m.add[0].spans.len(), 2);
    assert_eq!(m.add[0].suggestions.len(), 1);
}

#[test]
fn a_bad_span_loses_only_itself_and_is_named() {
    let line = format!(
        r#"{{"id":"a","text":"{T8}","spans":[{{"start":7,"end":14,"label":"ORG"}},{{"start":-1,"end":3,"label":"LOC"}},{{"start":5,"end":2,"label":"LOC"}},{{"start":18,"end":99,"label":"LOC"}},{{"start":10,"end":16,"label":"PER"}},{{"start":0,"end":6}},{{"start":0,"end":6,"label":"ORG","text":"ایمیدرو"}}]}}"#
    );
    let body = format!("\n\n\n{line}\n");
    let p = read_file("08.jsonl", body.as_bytes());
    assert_eq!(p.records.len(), 1);
    assert_eq!(p.records[0].doc.spans, [Span::new(7, 14, "ORG")]);
    let msgs: Vec<String> = p.all_problems().iter().map(|p| p.to_string()).collect();
    assert_eq!(
        msgs,
        [
            "08.jsonl:4: span 2 starts at -1; offsets count characters from 0",
            "08.jsonl:4: span 3 ends at 2, not after its start 5",
            "08.jsonl:4: span 4 ends at 99, past the end of the text (23 characters)",
            "08.jsonl:4: span 6 has no label",
            "08.jsonl:4: span 7 (0–6) says its text is «ایمیدرو» but covers «سازمان»; are its offsets in another unit than characters?",
            "08.jsonl:4: span 5 (10–16 PER) overlaps span 1 (7–14 ORG); span 1 was kept",
        ]
    );
}

#[test]
fn json_errors_are_in_words_and_good_lines_are_kept() {
    let body = "{\"id\":\"a\",\"text\":\"یک\"}\n{\"id\":\"b\",\"text\":\"دو\"\n[1,2]\n{\"id\":\"c\"}\n{\"text\":5}\n{\"text\":\"سه\",\"status\":\"finished\"}\n";
    let p = read_file("in.jsonl", body.as_bytes());
    let ids: Vec<&str> = p.records.iter().map(|r| r.doc.id.as_str()).collect();
    assert_eq!(ids, ["a", "in-6"]);
    assert_eq!(p.records[1].doc.status, Status::InProgress);
    let msgs: Vec<String> = p.all_problems().iter().map(|p| p.to_string()).collect();
    assert_eq!(
        msgs,
        [
            "in.jsonl:2: the line is not complete JSON: it ends too early (at column 23)",
            "in.jsonl:3: the line is a list, not a JSON object with a \"text\"",
            "in.jsonl:4: the line has no \"text\" field",
            "in.jsonl:5: \"text\" must be a string, not a number",
            "in.jsonl:6: \"status\" must be \"new\", \"in_progress\" or \"done\", not \"finished\"; taken as in_progress",
        ]
    );
    for m in &msgs {
        assert!(!m.contains("expected") && !m.contains("EOF") && !m.contains("usize"), "{m}");
    }
}

#[test]
fn empty_inputs_are_errors_naming_the_file() {
    for (name, body) in [("e.jsonl", ""), ("blank.jsonl", "\n  \n\r\n"), ("e.txt", " \n")] {
        let p = read_file(name, body.as_bytes());
        assert!(p.records.is_empty());
        assert_eq!(p.problems.len(), 1, "{name}");
        assert!(p.problems[0].to_string().starts_with(&format!("{name}: the file is empty")), "{:?}", p.problems);
    }
}

#[test]
fn txt_crlf_becomes_lf_and_encodings_are_said() {
    let p = read_file("a.txt", "سطر یک\r\nسطر دو\r\n".as_bytes());
    assert_eq!(p.records[0].doc.text, "سطر یک\nسطر دو\n");
    assert_eq!(p.notes, ["a.txt: line ends \\r\\n were read as \\n"]);
    let (bytes, _, bad) = encoding_rs::WINDOWS_1256.encode("خبرگزاري ايرنا از تهران");
    assert!(!bad);
    let p = read_file("old.txt", &bytes);
    assert_eq!(p.records[0].doc.text, "خبرگزاري ايرنا از تهران");
    assert_eq!(p.notes, ["old.txt: read as windows-1256 (not UTF-8)"]);
    let p = read_file("bin.txt", b"caf\xE9");
    assert!(p.records.is_empty());
    assert!(p.problems[0].to_string().contains("save it as UTF-8"));
    // A UTF-8 JSONL with one broken line: that line is named, the others kept.
    let body = [b"{\"text\":\"\xD8\xA7\"}\n{\"text\":\"\xFF\"}\n".as_slice()].concat();
    let p = read_file("m.jsonl", &body);
    assert_eq!(p.records.len(), 1);
    assert!(p.problems[0].to_string().starts_with("m.jsonl:2: the line is not valid UTF-8"), "{:?}", p.problems);
    assert!(!p.records[0].doc.text.contains('\u{fffd}'));
}

#[test]
fn an_export_line_round_trips_with_its_fields() {
    let mut d = done8();
    d.meta.insert("source".into(), "irna".into());
    d.suggestions = vec![Span::new(0, 6, "ORG")];
    let p = read_file("x.jsonl", d.to_json_line().as_bytes());
    assert!(p.all_problems().is_empty());
    assert_eq!(p.records[0].doc, d);
    assert!(p.records[0].annotated);
}

mod properties {
    use super::*;
    use barchasb_core::check_spans;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the bytes, reading never panics, and every document it
        /// gives has spans that slice its text: sorted, disjoint, in range.
        #[test]
        fn any_bytes_give_valid_documents_or_named_problems(bytes in proptest::collection::vec(any::<u8>(), 0..300), jsonl in any::<bool>()) {
            let name = if jsonl { "f.jsonl" } else { "f.txt" };
            let p = read_file(name, &bytes);
            for r in &p.records {
                let n = r.doc.text.chars().count();
                prop_assert!(check_spans(&r.doc.spans, n).is_ok());
                prop_assert!(check_spans(&r.doc.suggestions, n).is_ok());
                // No replacement character that the bytes did not hold.
                let replaced = r.doc.text.contains(char::REPLACEMENT_CHARACTER);
                let held = bytes.windows(3).any(|w| w == [0xEF, 0xBF, 0xBD]) || bytes.windows(2).any(|w| w == [0xFD, 0xFF] || w == [0xFF, 0xFD]);
                prop_assert!(!replaced || held);
            }
            for pr in p.all_problems() {
                prop_assert!(pr.to_string().starts_with(name));
            }
        }

        /// A line the app writes reads back as the same document.
        #[test]
        fn written_lines_read_back(words in proptest::collection::vec("[ا-ی a-z0-9🙂]{1,6}", 1..8), pick in proptest::collection::vec(any::<bool>(), 8)) {
            let text = words.join(" ");
            let mut d = Document::new("p", text.clone());
            let mut at = 0;
            for (w, keep) in words.iter().zip(&pick) {
                let n = w.chars().count();
                if *keep {
                    d.spans.push(Span::new(at, at + n, "LOC"));
                }
                at += n + 1;
            }
            d.status = Status::Done;
            let p = read_file("x.jsonl", d.to_json_line().as_bytes());
            prop_assert!(p.all_problems().is_empty());
            prop_assert_eq!(&p.records[0].doc, &d);
        }
    }
}

#[test]
fn labels_of_a_record_that_is_not_taken_are_not_asked_about() {
    let line = format!(r#"{{"id":"08","text":"{T8}","spans":[{{"start":0,"end":6,"label":"XYZ"}}],"status":"done"}}"#);
    let (q, m) = import(&[done8()], &[("t.jsonl", &line)], Choices::default());
    assert_eq!(q.conflicts.len(), 1);
    assert_eq!(q.unknown_labels.len(), 1, "taking theirs would take XYZ");
    assert_eq!(m.report, ["t.jsonl:1: «08»: your annotations were kept"], "kept mine: nothing set aside");
    let mut same = done8();
    same.spans.insert(0, Span::new(0, 6, "XYZ"));
    let (q, _) = import(&[same.clone()], &[("s.jsonl", &same.to_json_line())], Choices::default());
    assert!(q.is_empty(), "already there, with the same spans: {q:?}");
}

/// tests/bad-input/hf/non-utf8-line.hf.jsonl and conll/non-utf8.conll: a
/// Hugging Face file with one line that is not UTF-8 was refused whole
/// (its good lines lost), and every reader but the native ones named the
/// place as `file: line 3: …` instead of `file:3: …`.
#[test]
fn bad_utf8_is_named_by_line_and_a_line_format_keeps_its_good_lines() {
    let w = crate::decode::windows_1256;
    let hf = [
        "{\"id\":\"a\",\"tokens\":[\"ایران\"],\"ner_tags\":[\"B-LOC\"]}\n".as_bytes(),
        b"{\"id\":\"b\",\"tokens\":[\"\xff\"],\"ner_tags\":[\"O\"]}\n",
        "{\"id\":\"c\",\"tokens\":[\"چین\"],\"ner_tags\":[\"B-LOC\"]}\n".as_bytes(),
    ]
    .concat();
    let parsed = read_as(Format::Hf, "x.hf.jsonl", &hf, w);
    let ids: Vec<&str> = parsed.records.iter().map(|r| r.doc.id.as_str()).collect();
    assert_eq!(ids, ["a", "c"]);
    let problems: Vec<String> = parsed.all_problems().iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].starts_with("x.hf.jsonl:2: the line is not valid UTF-8"), "{problems:?}");
    let conll =
        "ایران B-LOC\n\n\u{e9} O\n".as_bytes().iter().map(|&b| if b == 0xc3 { 0xff } else { b }).collect::<Vec<_>>();
    let parsed = read_as(Format::Conll, "x.conll", &conll, w);
    let p = &parsed.problems[0];
    assert_eq!((p.file_name(), p.line_number()), ("x.conll", Some(3)), "{p}");
    assert!(p.message().starts_with("the text is not valid UTF-8"), "{p}");
}

/// Found by round-tripping the fuzz corpora: a direction mark (LRM, RLM)
/// or a ZWNJ between words, which the tokenizer skips as it skips spaces,
/// made CoNLL's and Hugging Face's documents sidecar "not the one" of the
/// token file, so the text lost its marks and the document its status.
#[test]
fn marks_between_words_keep_the_sidecar_of_a_token_format() {
    for text in ["rt\u{200e} x", "ایران \u{200f}چین", "ایران\u{200c} چین\u{200e}"] {
        let mut d = Document::new("a", text);
        d.status = Status::InProgress;
        for format in [Format::Conll, Format::Hf] {
            let files = export(format, std::slice::from_ref(&d), &ExportOptions::default()).unwrap();
            let parsed = read_together(files.into_iter().map(|f| (f.name, f.bytes)).collect(), |_| None);
            let problems: Vec<String> = parsed.iter().flat_map(|p| p.all_problems()).map(|p| p.to_string()).collect();
            assert!(problems.is_empty(), "{format} {text:?}: {problems:?}");
            assert_eq!(parsed[0].records[0].doc, d, "{format} {text:?}");
        }
    }
}
