//! Unit tests of the reducer: every edit, undo/redo, apply everywhere, import, status.

use super::*;
use barchasb_formats::{Choices, OnConflict, OnUnknownLabels};

fn state_with(texts: &[(&str, &str)]) -> Rc<AppState> {
    let docs = texts
        .iter()
        .map(|(id, t)| Loaded {
            doc: Document::new(*id, *t),
            suggested: true,
            opened: false,
            learned: None,
            disputes: Vec::new(),
        })
        .collect();
    Rc::new(AppState::english()).reduce(Action::Loaded { docs, labels: None, open: None })
}

fn chars(s: &str, sub: &str) -> Range<usize> {
    let b = s.find(sub).unwrap();
    let start = s[..b].chars().count();
    start..start + sub.chars().count()
}

fn confirmed(s: &AppState, i: usize) -> Vec<(usize, usize, String)> {
    s.docs[i].doc.spans.iter().map(|x| (x.start, x.end, x.label.clone())).collect()
}

const T: &str = "رئیس انجمن گفت. رييس انجمن و ایران آمدند.";

#[test]
fn label_then_overlap_is_refused() {
    let s = state_with(&[("a", T)]);
    let r = chars(T, "رئیس انجمن");
    let s = s.reduce(Action::Label { start: r.start, end: r.end, label: "ROLE".into() });
    assert_eq!(confirmed(&s, 0), vec![(r.start, r.end, "ROLE".into())]);
    assert_eq!(s.docs[0].doc.status, Status::InProgress);
    let rev = s.rev;
    let s = s.reduce(Action::Label { start: 5, end: 14, label: "ORG".into() });
    assert!(s.message.as_ref().unwrap().text.contains("overlap"));
    assert_eq!(s.docs[0].doc.spans.len(), 1);
    assert_eq!(s.rev, rev, "a refused edit changes nothing that is saved");
}

#[test]
fn every_edit_kind_undoes_and_redoes() {
    let s = state_with(&[("a", T), ("b", "ایران و رئیس انجمن")]);
    // give the document three suggestions
    let iran = chars(T, "ایران");
    let said = chars(T, "گفت");
    let s = s.reduce(Action::SuggestionsUpdated {
        id: "a".into(),
        spans: vec![
            Span::new(0, 4, "ROLE"),
            Span::new(said.start, said.end, "EVENT"),
            Span::new(iran.start, iran.end, "LOC"),
        ],
    });
    let r2 = chars(T, "انجمن");
    let edits = vec![
        Action::Label { start: r2.start, end: r2.end, label: "ORG".into() },
        Action::Relabel { start: r2.start, label: "FAC".into() },
        Action::Relabel { start: 0, label: "PER".into() },
        Action::Delete { start: 0 },
        Action::Confirm { start: iran.start },
        Action::AcceptAll,
        Action::MarkDoneNext,
    ];
    let mut history = vec![s.clone()];
    let mut cur = s;
    for a in edits {
        cur = cur.reduce(a);
        history.push(cur.clone());
    }
    // apply everywhere: label a new span first
    cur = cur.reduce(Action::Open(0));
    let role = chars(T, "رييس");
    cur = cur.reduce(Action::Label { start: role.start, end: role.end, label: "ROLE".into() });
    let offer = cur.offer.clone().unwrap();
    assert_eq!((offer.in_doc, offer.in_all), (1, 2), "{offer:?}");
    history.push(cur.clone());
    cur = cur.reduce(Action::ApplyEverywhere { all: true });
    assert_eq!(cur.docs[1].doc.spans.len(), 1);
    assert_eq!(cur.docs[0].doc.spans[0], Span::new(0, 4, "ROLE"));
    history.push(cur.clone());
    let annots = |s: &AppState| s.docs.iter().map(|e| e.annot()).collect::<Vec<_>>();
    // undo every step back to the start, checking each intermediate state
    for k in (0..history.len() - 1).rev() {
        cur = cur.reduce(Action::Undo);
        assert_eq!(annots(&cur), annots(&history[k]), "undo to step {k}");
    }
    assert!(!cur.can_undo());
    for (k, h) in history.iter().enumerate().skip(1) {
        cur = cur.reduce(Action::Redo);
        assert_eq!(annots(&cur), annots(h), "redo to step {k}");
    }
    assert!(!cur.can_redo());
}

#[test]
fn relabel_confirms_and_accept_all() {
    let s = state_with(&[("a", T)]);
    let s = s.reduce(Action::SuggestionsUpdated {
        id: "a".into(),
        spans: vec![Span::new(0, 4, "ROLE"), Span::new(5, 10, "ORG")],
    });
    let s = s.reduce(Action::Focus(Some(5))).reduce(Action::LabelKey("3".into()));
    assert_eq!(confirmed(&s, 0), vec![(5, 10, "LOC".into())]);
    assert_eq!(s.docs[0].doc.suggestions, vec![Span::new(0, 4, "ROLE")]);
    let s = s.reduce(Action::AcceptAll);
    assert!(s.docs[0].doc.suggestions.is_empty());
    assert_eq!(confirmed(&s, 0), vec![(0, 4, "ROLE".into()), (5, 10, "LOC".into())]);
    // accepting again is only a message
    let s2 = s.clone().reduce(Action::AcceptAll);
    assert_eq!(s2.rev, s.rev);
}

#[test]
fn apply_everywhere_matches_normalized_variants() {
    let s = state_with(&[("a", T), ("b", "سخن رئيس انجمن\nرئیس")]);
    let r = chars(T, "رئیس انجمن");
    let s = s.reduce(Action::Label { start: r.start, end: r.end, label: "ROLE".into() });
    let offer = s.offer.clone().unwrap();
    assert_eq!((offer.in_doc, offer.in_all), (1, 2));
    let only_doc = s.clone().reduce(Action::ApplyEverywhere { all: false });
    assert_eq!(only_doc.docs[0].doc.spans.len(), 2);
    assert!(only_doc.docs[1].doc.spans.is_empty());
    let all = s.reduce(Action::ApplyEverywhere { all: true });
    let other = chars(T, "رييس انجمن");
    assert_eq!(confirmed(&all, 0)[1], (other.start, other.end, "ROLE".into()));
    assert_eq!(confirmed(&all, 1), vec![(4, 14, "ROLE".into())]);
    assert_eq!(all.docs[1].doc.status, Status::InProgress);
    assert!(all.offer.is_none());
}

#[test]
fn apply_replaces_overlapping_suggestions_not_confirmed_spans() {
    let text = "ایران و ایران و ايران";
    let s = state_with(&[("a", text)]);
    let s = s.reduce(Action::SuggestionsUpdated { id: "a".into(), spans: vec![Span::new(8, 13, "ORG")] });
    let s = s.reduce(Action::Label { start: 16, end: 21, label: "PER".into() });
    let s = s.reduce(Action::Label { start: 0, end: 5, label: "LOC".into() });
    assert_eq!(s.offer.as_ref().unwrap().in_doc, 1);
    let s = s.reduce(Action::ApplyEverywhere { all: false });
    assert_eq!(confirmed(&s, 0), vec![(0, 5, "LOC".into()), (8, 13, "LOC".into()), (16, 21, "PER".into())]);
    assert!(s.docs[0].doc.suggestions.is_empty());
}

#[test]
fn status_moves_new_in_progress_done_and_opens_next() {
    let s = state_with(&[("a", T), ("b", "ایران"), ("c", "چین")]);
    assert_eq!(s.docs[0].doc.status, Status::New);
    let s = s.reduce(Action::Label { start: 0, end: 4, label: "ROLE".into() });
    assert_eq!(s.docs[0].doc.status, Status::InProgress);
    let s = s.reduce(Action::MarkDoneNext);
    assert_eq!(s.docs[0].doc.status, Status::Done);
    assert_eq!(s.open, Some(1));
    let s = s.reduce(Action::Open(2)).reduce(Action::MarkDoneNext);
    assert_eq!(s.open, Some(1), "skips done documents, wraps around");
    let s = s.reduce(Action::MarkDoneNext);
    assert_eq!(s.progress(), (3, 3));
    assert!(s.message.as_ref().unwrap().text.contains("All documents are done"));
}

fn file(name: &str, body: &str) -> Vec<barchasb_formats::Parsed> {
    vec![barchasb_formats::read_file(name, body.as_bytes())]
}

/// Document "a" taken to done with one confirmed span.
fn finished() -> Rc<AppState> {
    let s = state_with(&[("a", T), ("b", "چین")]);
    let s = s.reduce(Action::Label { start: 0, end: 4, label: "ROLE".into() });
    s.reduce(Action::Open(0)).reduce(Action::MarkDoneNext)
}

fn exported(s: &AppState) -> Vec<Document> {
    s.docs.iter().map(|e| e.doc.clone()).collect()
}

#[test]
fn reimporting_a_finished_document_changes_nothing_and_says_so() {
    let s = finished();
    let before = exported(&s);
    let s = s.reduce(Action::Import(file("a.txt", T)));
    assert_eq!(exported(&s), before);
    assert!(s.pending_import.is_none());
    let m = s.message.clone().unwrap();
    assert!(m.text.starts_with("Added 0 documents.\n"), "{m:?}");
    assert!(m.text.contains("«a» is already there"), "{m:?}");
}

#[test]
fn files_being_read_show_their_progress_until_imported_or_stopped() {
    let s = finished();
    let before = exported(&s);
    let reading = |done, parsing| Action::Reading(Some(super::Reading { done, total: 10, parsing }));
    let s = s.reduce(reading(4, false));
    assert_eq!(s.reading.map(|r| (r.done, r.parsing)), Some((4, false)));
    assert!(!Action::StopReading.is_noop(&s));
    // Read: the import ends the progress.
    let imported = s.clone().reduce(reading(10, true)).reduce(Action::Import(file("c.txt", "قزاقستان")));
    assert!(imported.reading.is_none());
    assert_eq!(imported.docs.len(), before.len() + 1);
    // Stopped: nothing added, and said so; a second stop does nothing.
    let stopped = s.reduce(Action::StopReading);
    assert!(stopped.reading.is_none());
    assert_eq!(exported(&stopped), before);
    assert!(stopped.message.as_ref().unwrap().text.starts_with("Import stopped"), "{:?}", stopped.message);
    assert!(Action::StopReading.is_noop(&stopped));
}

#[test]
fn other_annotations_ask_first_and_undo_brings_back_exactly_what_was_there() {
    let s = finished();
    let before = exported(&s);
    let theirs = format!(r#"{{"id":"a","text":"{T}","spans":[{{"start":5,"end":10,"label":"ORG"}}],"status":"done"}}"#);
    let s = s.reduce(Action::Import(file("theirs.jsonl", &theirs)));
    let p = s.pending_import.clone().expect("asked first");
    assert_eq!(p.questions.conflicts.len(), 1);
    assert_eq!(exported(&s), before, "nothing changes before the answer");
    let cancelled = s.clone().reduce(Action::CancelImport);
    assert_eq!(exported(&cancelled), before);
    assert!(cancelled.pending_import.is_none());

    let mine = s.clone().reduce(Action::ResolveImport(Choices::default()));
    assert_eq!(exported(&mine), before);
    let taken =
        s.clone().reduce(Action::ResolveImport(Choices { conflict: OnConflict::TakeTheirs, ..Choices::default() }));
    assert_eq!(taken.docs[0].doc.spans, vec![Span::new(5, 10, "ORG")]);
    let undone = taken.reduce(Action::Undo);
    assert_eq!(exported(&undone), before, "one undo step brings every span back");
    let redone = undone.reduce(Action::Redo);
    assert_eq!(redone.docs[0].doc.spans, vec![Span::new(5, 10, "ORG")]);
    let both = s.reduce(Action::ResolveImport(Choices { conflict: OnConflict::KeepBoth, ..Choices::default() }));
    assert_eq!(both.docs.iter().map(|e| e.doc.id.as_str()).collect::<Vec<_>>(), ["a", "b", "a (2)"]);
    assert_eq!(both.docs[0].doc, before[0]);
    assert!(both.docs.iter().all(|e| e.rev <= both.rev));
    let undone = both.reduce(Action::Undo);
    assert_eq!(exported(&undone), before);
}

#[test]
fn another_text_under_an_id_is_added_under_a_new_one() {
    let s = finished();
    let s = s.reduce(Action::Import(file("a.txt", "متن دیگری برای همان شناسه")));
    assert_eq!(s.docs.len(), 3);
    assert_eq!(s.docs[2].doc.id, "a (2)");
    assert_eq!(s.docs[0].doc.status, Status::Done);
    assert!(s.message.as_ref().unwrap().text.contains("imported as «a (2)»"));
    assert_eq!(s.open_entry().unwrap().doc.id, "a (2)");
    let s = s.reduce(Action::Undo);
    assert_eq!(s.docs.len(), 2);
    assert_eq!(s.docs[0].doc.status, Status::Done);
}

#[test]
fn unknown_labels_are_asked_about_then_added_or_set_aside() {
    let s = state_with(&[("a", T)]);
    let line = r#"{"id":"n","text":"ایران","spans":[{"start":0,"end":5,"label":"XYZ"}]}"#;
    let s = s.reduce(Action::Import(file("x.jsonl", line)));
    let p = s.pending_import.clone().unwrap();
    assert_eq!(p.questions.unknown_labels.get("XYZ"), Some(&1));
    let aside = s.clone().reduce(Action::ResolveImport(Choices::default()));
    assert!(aside.docs[1].doc.spans.is_empty());
    assert!(aside.docs[1].doc.meta.contains_key("set_aside"));
    assert!(aside.labels.get("XYZ").is_none());
    let added = s.reduce(Action::ResolveImport(Choices { unknown: OnUnknownLabels::AddLabels, ..Choices::default() }));
    assert_eq!(added.docs[1].doc.spans, vec![Span::new(0, 5, "XYZ")]);
    assert!(added.labels.get("XYZ").is_some());
    let undone = added.reduce(Action::Undo);
    assert!(undone.labels.get("XYZ").is_none(), "the label set comes back too");
    assert_eq!(undone.docs.len(), 1);
}

#[test]
fn a_document_can_be_deleted_and_undo_brings_it_back() {
    let s = finished();
    let before = exported(&s);
    let s = s.reduce(Action::RemoveDocument("a".into()));
    assert_eq!(s.docs.len(), 1);
    assert_eq!(s.progress(), (0, 1));
    assert!(s.message.as_ref().unwrap().text.contains("Deleted «a»"));
    let s = s.reduce(Action::RemoveDocument("b".into()));
    assert!(s.docs.is_empty() && s.open.is_none());
    let s = s.reduce(Action::Undo).reduce(Action::Undo);
    assert_eq!(exported(&s), before);
    assert_eq!(s.progress(), (1, 2));
}

#[test]
fn a_paste_never_replaces_and_bad_lines_are_shown() {
    let s = finished();
    let s = s.reduce(Action::AddDocuments { docs: vec![Document::new("a", "متن چسبانده")], errors: vec![] });
    assert_eq!(s.docs.len(), 3);
    assert_eq!(s.docs[0].doc.status, Status::Done);
    let body = "{\"id\":\"c\",\"text\":\"x\"}\n{broken\n";
    let s = s.reduce(Action::Import(file("in.jsonl", body)));
    let m = s.message.clone().unwrap();
    assert!(m.error);
    assert!(m.text.starts_with("Added 1 document. 1 problem:\nin.jsonl:2: the line is not valid JSON"), "{m:?}");
}

#[test]
fn tab_focus_cycles_and_keys_act_on_focus() {
    let s = state_with(&[("a", T)]);
    let s = s.reduce(Action::SuggestionsUpdated {
        id: "a".into(),
        spans: vec![Span::new(0, 4, "ROLE"), Span::new(5, 10, "ORG")],
    });
    let s = s.reduce(Action::FocusNext);
    assert_eq!(s.focused, Some(0));
    let s = s.reduce(Action::FocusNext).reduce(Action::FocusNext);
    assert_eq!(s.focused, Some(0), "wraps");
    let s = s.reduce(Action::FocusPrev);
    assert_eq!(s.focused, Some(5));
    let s = s.reduce(Action::ConfirmFocused);
    assert_eq!(confirmed(&s, 0), vec![(5, 10, "ORG".into())]);
    let s = s.reduce(Action::DeleteFocused);
    assert!(s.docs[0].doc.spans.is_empty());
    // a label key labels the label menu's selection
    let s = s.reduce(Action::OpenMenu(Menu::Label { start: 5, end: 10, x: 0, y: 0, replace: None }));
    let s = s.reduce(Action::LabelKey("2".into()));
    assert_eq!(confirmed(&s, 0), vec![(5, 10, "ORG".into())]);
    assert_eq!(s.menu, Menu::None);
}

#[test]
fn after_a_delete_the_focus_goes_to_the_next_span() {
    let s = state_with(&[("a", T)]);
    let s = s.reduce(Action::SuggestionsUpdated {
        id: "a".into(),
        spans: vec![Span::new(0, 4, "ROLE"), Span::new(5, 10, "ORG"), Span::new(16, 20, "ROLE")],
    });
    let s = s.reduce(Action::FocusNext).reduce(Action::DeleteFocused);
    assert_eq!(s.docs[0].view_spans().len(), 2);
    assert_eq!(s.focused, Some(5), "the next span, not the page");
    let s = s.reduce(Action::Focus(Some(16))).reduce(Action::DeleteFocused);
    assert_eq!(s.focused, Some(5), "after the last one: the one before");
    let s = s.reduce(Action::DeleteFocused);
    assert_eq!(s.focused, None, "nothing left to focus");
    assert!(s.docs[0].view_spans().is_empty());
}

/// T with a ROLE suggestion on each «رئیس» and an ORG on the first «انجمن».
fn three() -> Rc<AppState> {
    state_with(&[("a", T), ("b", "متن دوم")]).reduce(Action::SuggestionsUpdated {
        id: "a".into(),
        spans: vec![Span::new(0, 4, "ROLE"), Span::new(5, 10, "ORG"), Span::new(16, 20, "ROLE")],
    })
}

#[test]
fn enter_and_a_label_key_decide_the_focused_span_and_go_on() {
    let s = three().reduce(Action::FocusNext).reduce(Action::ConfirmFocused);
    assert_eq!(confirmed(&s, 0), vec![(0, 4, "ROLE".into())]);
    assert_eq!(s.focused, Some(5));
    let s = s.reduce(Action::LabelKey("1".into()));
    assert_eq!(confirmed(&s, 0), vec![(0, 4, "ROLE".into()), (5, 10, "PER".into())]);
    assert_eq!(s.focused, Some(16));
    // Enter on a confirmed span goes on too; on the last one the focus stays.
    let s = s.reduce(Action::Focus(Some(0))).reduce(Action::ConfirmFocused);
    assert_eq!(s.focused, Some(5));
    let s = s.reduce(Action::Focus(Some(16)));
    assert!(s.focus_leaves(true) && !s.focus_leaves(false));
    let s = s.reduce(Action::ConfirmFocused);
    assert_eq!(s.focused, Some(16));
    assert!(s.reduce(Action::Focus(Some(0))).focus_leaves(false));
}

#[test]
fn the_word_cursor_moves_by_words_extends_and_is_labelled() {
    let s = state_with(&[("a", T)]);
    let word = |s: &AppState| s.caret_range().map(|r| span_text(T, r));
    let s = s.reduce(Action::Caret { forward: true, extend: false });
    assert_eq!(word(&s).as_deref(), Some("رئیس"), "starts at the first word");
    let s = s.reduce(Action::Caret { forward: true, extend: false });
    assert_eq!(word(&s).as_deref(), Some("انجمن"));
    let s = s.reduce(Action::Caret { forward: true, extend: true });
    assert_eq!(word(&s).as_deref(), Some("انجمن گفت"));
    let s = s.reduce(Action::Caret { forward: false, extend: true });
    assert_eq!(word(&s).as_deref(), Some("انجمن"), "back: the selection shrinks");
    let s = s.reduce(Action::Caret { forward: false, extend: true });
    assert_eq!(word(&s).as_deref(), Some("رئیس انجمن"), "past the anchor: it grows the other way");
    // the label key labels exactly what is highlighted
    let r = s.caret_range().unwrap();
    let s = s.reduce(Action::LabelKey("2".into()));
    assert_eq!(confirmed(&s, 0), vec![(r.start, r.end, "ORG".into())]);
    assert_eq!((s.caret, s.focused), (None, Some(0)));
    // From a focused span the cursor starts beside it.
    let s = s.reduce(Action::Caret { forward: true, extend: false });
    assert_eq!(word(&s).as_deref(), Some("گفت"));
    assert_eq!(s.focused, None);
    let s = s.reduce(Action::Caret { forward: false, extend: false });
    assert_eq!(word(&s).as_deref(), Some("انجمن"), "one word back");
    // Tab from the cursor: the span at or after it; Escape drops the cursor.
    let s = s.reduce(Action::FocusPrev);
    assert_eq!((s.focused, s.caret), (Some(0), None));
    let s = s.reduce(Action::CaretAt { pos: chars(T, "ایران").start + 2, extend: false });
    assert_eq!(word(&s).as_deref(), Some("ایران"));
    // ↓ / ↑ (the page finds the place) with Shift: the head moves, the anchor stays.
    let s = s.reduce(Action::CaretAt { pos: chars(T, "آمدند").start, extend: true });
    assert_eq!(word(&s).as_deref(), Some("ایران آمدند"));
    let s = s.reduce(Action::CloseAll);
    assert_eq!(s.caret, None);
}

#[test]
fn a_cursor_begun_inside_a_span_remarks_it() {
    let s =
        three().reduce(Action::CaretAt { pos: 6, extend: false }).reduce(Action::Caret { forward: true, extend: true });
    assert_eq!(s.caret_range(), Some(5..14));
    let s = s.reduce(Action::LabelKey("2".into()));
    assert_eq!(confirmed(&s, 0), vec![(5, 14, "ORG".into())]);
    assert!(s.docs[0].doc.suggestions.iter().all(|x| x.start != 5));
    assert!(s.message.as_ref().is_some_and(|m| !m.error && m.text.contains("انجمن")), "{:?}", s.message);
    let s = s.reduce(Action::Undo);
    assert!(s.docs[0].doc.suggestions.contains(&Span::new(5, 10, "ORG")), "one undo step brings it back");
    // The label menu of a drag begun inside a span does the same.
    let m = Menu::Label { start: 0, end: 10, x: 0, y: 0, replace: Some(5) };
    let s = s.reduce(Action::OpenMenu(m)).reduce(Action::LabelKey("2".into()));
    assert!(s.message.as_ref().is_some_and(|m| m.error), "it would overlap «رئیس»: refused");
    let s = s.reduce(Action::Delete { start: 0 }).reduce(Action::Replace {
        old: 5,
        start: 0,
        end: 10,
        label: "ORG".into(),
    });
    assert_eq!(confirmed(&s, 0), vec![(0, 10, "ORG".into())]);
}

#[test]
fn a_span_grows_and_shrinks_by_words_and_characters() {
    let s = three().reduce(Action::Focus(Some(5)));
    let grow = |edge, by_char| Action::Resize { edge, grow: true, by_char };
    let shrink = |edge, by_char| Action::Resize { edge, grow: false, by_char };
    let s = s.reduce(grow(Edge::End, false));
    assert_eq!(confirmed(&s, 0), vec![(5, 14, "ORG".into())], "one word more, and confirmed");
    assert_eq!(s.focused, Some(5));
    let s = s.reduce(shrink(Edge::End, true));
    assert_eq!(confirmed(&s, 0), vec![(5, 13, "ORG".into())]);
    let s = s.reduce(shrink(Edge::End, false));
    assert_eq!(confirmed(&s, 0), vec![(5, 10, "ORG".into())], "back to the word's end");
    let s = s.reduce(shrink(Edge::End, false));
    assert_eq!(confirmed(&s, 0), vec![(5, 10, "ORG".into())], "never empty");
    let s = s.reduce(grow(Edge::Start, true));
    assert_eq!(confirmed(&s, 0), vec![(4, 10, "ORG".into())], "one character: the space before");
    let s = s.reduce(shrink(Edge::Start, true));
    assert_eq!(confirmed(&s, 0), vec![(5, 10, "ORG".into())]);
    let s = s.reduce(grow(Edge::Start, false));
    assert!(s.message.as_ref().is_some_and(|m| m.error && m.text.contains("overlap")));
    assert_eq!(confirmed(&s, 0), vec![(5, 10, "ORG".into())]);
    let s = s.reduce(Action::Delete { start: 0 }).reduce(Action::Focus(Some(5))).reduce(grow(Edge::Start, false));
    assert_eq!(confirmed(&s, 0), vec![(0, 10, "ORG".into())]);
    let s = s.reduce(shrink(Edge::Start, true));
    assert_eq!(confirmed(&s, 0), vec![(1, 10, "ORG".into())]);
    assert_eq!(s.focused, Some(1), "the focus follows the span's new start");
    let s = s.reduce(Action::SetBounds { start: 1, new: chars(T, "انجمن گفت") });
    assert_eq!(confirmed(&s, 0), vec![(5, 14, "ORG".into())]);
    let s = s.reduce(Action::SetBounds { start: 5, new: 5..chars(T, "انجمن و").end });
    assert!(s.message.as_ref().is_some_and(|m| m.error), "over «رييس»: refused");
    let s = s.reduce(Action::Undo);
    assert_eq!(confirmed(&s, 0), vec![(1, 10, "ORG".into())], "each change is one undo step");
}

#[test]
fn next_document_keeps_the_status_and_s_finds_unconfirmed_suggestions() {
    let s = three().reduce(Action::Confirm { start: 5 });
    let s = s.reduce(Action::Focus(Some(0))).reduce(Action::FocusSuggestion);
    assert_eq!(s.focused, Some(16), "the confirmed one is skipped");
    let s = s.reduce(Action::FocusSuggestion);
    assert_eq!(s.focused, Some(0), "wraps");
    let status = s.docs[0].doc.status;
    let s = s.reduce(Action::OpenNext(true));
    assert_eq!(s.open, Some(1));
    assert_eq!(s.docs[0].doc.status, status, "not marked done");
    let s = s.reduce(Action::OpenNext(true));
    assert_eq!(s.open, Some(0), "wraps");
    let s = s.reduce(Action::OpenNext(false));
    assert_eq!(s.open, Some(1));
}

fn analysis(id: &str, text: &str, spans: Option<Vec<Span>>) -> crate::tagger_worker::Analysis {
    let words = crate::tagger_worker::word_ranges(text);
    let suggest = spans.is_some();
    let spans = spans.unwrap_or_default();
    let confidence = (0..spans.len()).map(|k| 0.9 / (k + 1) as f32).collect();
    let scored = crate::tagger_worker::Scored { spans, confidence, margin: 1.0 };
    crate::tagger_worker::Analysis { id: id.into(), chars: text.chars().count(), words, scored, suggest }
}

#[test]
fn seeds_wait_for_the_workers_suggestions_then_get_them_once() {
    let docs = seed_documents()
        .into_iter()
        .map(|doc| Loaded { doc, suggested: false, opened: false, learned: None, disputes: Vec::new() })
        .collect();
    let s = Rc::new(AppState::english()).reduce(Action::Loaded { docs, labels: None, open: None });
    assert_eq!(s.awaiting_suggestions().count(), 2, "the reducer extracts nothing itself");
    assert!(s.docs.iter().all(|e| e.doc.suggestions.is_empty() && e.words.is_none()));
    let batch: Vec<_> =
        s.docs.iter().map(|e| analysis(&e.doc.id, &e.doc.text, Some(barchasb_rules::extract(&e.doc.text)))).collect();
    let saved = s.saved_rev;
    let s = s.reduce(Action::Analyzed(batch.clone()));
    for e in &s.docs {
        assert!(e.suggested);
        assert_eq!(e.doc.suggestions, barchasb_rules::extract(&e.doc.text));
        assert!(e.words.as_ref().is_some_and(|w| !w.is_empty()));
    }
    assert_eq!(s.awaiting_suggestions().count(), 0);
    assert!(s.rev > saved, "the suggestions are to be saved");
    // A late second answer does not replace suggestions (or edits) made since.
    let first = s.docs[0].doc.suggestions[0].start;
    let s = s.reduce(Action::Open(0)).reduce(Action::Delete { start: first });
    let kept = s.docs[0].doc.suggestions.clone();
    let s = s.reduce(Action::Analyzed(batch));
    assert_eq!(s.docs[0].doc.suggestions, kept);
}

#[test]
fn u_goes_through_the_suggestions_least_sure_first_and_the_confidences_follow_them() {
    let docs = seed_documents()
        .into_iter()
        .map(|doc| Loaded { doc, suggested: false, opened: false, learned: None, disputes: Vec::new() })
        .collect();
    let s = Rc::new(AppState::english()).reduce(Action::Loaded { docs, labels: None, open: None });
    let (id, text) = (s.docs[0].doc.id.clone(), s.docs[0].doc.text.clone());
    let spans = barchasb_rules::extract(&text);
    assert!(spans.len() >= 3);
    // the helper's confidences fall from 0.9 (0.9 / k): the last is least sure
    let s = s.reduce(Action::Analyzed(vec![analysis(&id, &text, Some(spans.clone()))])).reduce(Action::Open(0));
    let shown: Vec<Option<f32>> = s.open_entry().unwrap().view_spans().iter().map(|v| v.confidence).collect();
    assert_eq!(shown[0], Some(0.9));
    assert!(shown.iter().all(Option::is_some));
    let n = spans.len();
    let s = s.reduce(Action::FocusUnsure);
    assert_eq!(s.focused, Some(spans[n - 1].start));
    let s = s.reduce(Action::FocusUnsure);
    assert_eq!(s.focused, Some(spans[n - 2].start));
    // confirmed, a span is no suggestion: it has no confidence and u skips it
    let s = s.reduce(Action::ConfirmFocused);
    let e = s.open_entry().unwrap();
    assert!(e.view_spans().iter().any(|v| v.start == spans[n - 2].start && v.confidence.is_none()));
    assert!(e.confidences().iter().all(|&(st, _)| st != spans[n - 2].start));
    let least = 0.9 / n as f32;
    assert_eq!(e.has_unsure(), least < crate::state::LOW_CONFIDENCE);
    let s = s.reduce(Action::Focus(None)).reduce(Action::FocusUnsure);
    assert_eq!(s.focused, Some(spans[n - 1].start), "from no focus: the least sure");
}

#[test]
fn an_answer_for_another_text_under_the_same_id_is_not_taken() {
    let s = Rc::new(AppState::english()).reduce(Action::Loaded {
        docs: vec![Loaded {
            doc: Document::new("k", "متن تازه"),
            suggested: false,
            opened: false,
            learned: None,
            disputes: Vec::new(),
        }],
        labels: None,
        open: None,
    });
    let s = s.reduce(Action::Analyzed(vec![analysis("k", "متنی قدیمی‌تر از این", Some(vec![Span::new(0, 3, "ORG")]))]));
    assert!(s.docs[0].words.is_none() && s.docs[0].doc.suggestions.is_empty());
    // Done documents need no suggestions: they never wait.
    let s = s.reduce(Action::Open(0)).reduce(Action::MarkDoneNext);
    assert_eq!(s.awaiting_suggestions().count(), 0);
}

#[test]
fn renaming_a_label_renames_its_spans() {
    let s = state_with(&[("a", T)]);
    let s = s.reduce(Action::Label { start: 0, end: 4, label: "ROLE".into() });
    let role = s.labels.labels.iter().position(|l| l.name == "ROLE").unwrap();
    let s = s.reduce(Action::EditLabel { index: role, field: LabelField::Name("TITLE".into()) });
    assert_eq!(confirmed(&s, 0), vec![(0, 4, "TITLE".into())]);
    let s = s.reduce(Action::EditLabel { index: role, field: LabelField::Key("1".into()) });
    assert!(s.message.as_ref().unwrap().text.contains("already used"));
    let s = s.reduce(Action::Undo);
    assert!(s.docs[0].doc.spans.is_empty());
    let s = s.reduce(Action::Redo);
    assert_eq!(confirmed(&s, 0), vec![(0, 4, "TITLE".into())]);
}

#[test]
fn selecting_exactly_a_span_relabels_it() {
    let s = state_with(&[("a", T)]);
    let s = s.reduce(Action::SuggestionsUpdated { id: "a".into(), spans: vec![Span::new(5, 10, "ORG")] });
    let s = s.reduce(Action::Label { start: 0, end: 4, label: "ROLE".into() });
    let s = s.reduce(Action::Label { start: 0, end: 4, label: "PER".into() });
    let s = s.reduce(Action::Label { start: 5, end: 10, label: "LOC".into() });
    assert!(s.message.is_none(), "{:?}", s.message);
    assert_eq!(confirmed(&s, 0), vec![(0, 4, "PER".into()), (5, 10, "LOC".into())]);
    assert!(s.docs[0].doc.suggestions.is_empty());
    let s = s.reduce(Action::OpenMenu(Menu::Span { start: 0, x: 0, y: 0 })).reduce(Action::CloseMenu);
    assert_eq!(s.menu, Menu::None);
    let again = s.clone().reduce(Action::CloseMenu);
    assert!(Rc::ptr_eq(&s, &again), "closing no menu is a no-op");
}

#[test]
fn untrusted_spans_are_sanitized() {
    let mut doc = Document::new("a", "ایران و چین");
    doc.spans = vec![Span::new(0, 5, "LOC"), Span::new(3, 7, "ORG"), Span::new(8, 99, "LOC")];
    doc.suggestions = vec![Span::new(4, 6, "LOC"), Span::new(8, 11, "LOC")];
    let docs = vec![Loaded { doc, suggested: true, opened: false, learned: None, disputes: Vec::new() }];
    let s = Rc::new(AppState::english()).reduce(Action::Loaded { docs, labels: None, open: None });
    assert_eq!(s.docs[0].doc.spans, vec![Span::new(0, 5, "LOC")]);
    assert_eq!(s.docs[0].doc.suggestions, vec![Span::new(8, 11, "LOC")]);
    let s = s.reduce(Action::SuggestionsUpdated {
        id: "a".into(),
        spans: vec![Span::new(6, 7, "ORG"), Span::new(6, 11, "LOC"), Span::new(11, 12, "PER")],
    });
    assert_eq!(s.docs[0].doc.suggestions, vec![Span::new(6, 7, "ORG")]);
}

#[test]
fn a_refusal_is_cleared_by_the_next_edit() {
    let s = state_with(&[("a", T)]);
    let s = s.reduce(Action::Label { start: 0, end: 4, label: "ROLE".into() });
    let s = s.reduce(Action::Label { start: 2, end: 10, label: "ORG".into() });
    assert!(s.message.as_ref().is_some_and(|m| m.error && m.text.contains("overlap")));
    let s = s.reduce(Action::Delete { start: 0 });
    assert!(s.message.is_none());
    // a span across a line break is refused too
    let s = state_with(&[("b", "ایران\nچین")]).reduce(Action::Label { start: 0, end: 9, label: "LOC".into() });
    assert!(s.message.as_ref().unwrap().text.contains("line break"));
    assert!(s.docs[0].doc.spans.is_empty());
}

#[test]
fn counted_messages_agree_in_number() {
    let accept = |s: Rc<AppState>| {
        let s = s.reduce(Action::SuggestionsUpdated { id: "a".into(), spans: vec![Span::new(0, 4, "ROLE")] });
        s.reduce(Action::AcceptAll).message.clone().unwrap().text
    };
    assert_eq!(accept(state_with(&[("a", T)])), "Accepted 1 suggestion.");
    // The Persian interface: the singular noun after the number, in Persian digits.
    let persian = state_with(&[("a", T)]).reduce(Action::SetLang(crate::i18n::Lang::Fa));
    assert_eq!(accept(persian), "۱ پیشنهاد پذیرفته شد.");
}

#[test]
fn a_panel_chosen_from_the_menu_closes_it_and_opening_a_document_closes_the_list() {
    let s = Rc::new(AppState::english()).reduce(Action::Loaded {
        docs: seed_documents()
            .into_iter()
            .map(|doc| Loaded { doc, suggested: true, opened: false, learned: None, disputes: Vec::new() })
            .collect(),
        labels: None,
        open: None,
    });
    let s = s.reduce(Action::TogglePanel(Panel::Menu));
    assert!(s.panel_open(Panel::Menu));
    let s = s.reduce(Action::TogglePanel(Panel::Labels));
    assert!(s.panel_open(Panel::Labels) && !s.panel_open(Panel::Menu));
    // the list (a sheet on a phone) closes when a document is chosen in it
    let s = s.reduce(Action::TogglePanel(Panel::Documents)).reduce(Action::Open(1));
    assert!(!s.panel_open(Panel::Documents));
    assert!(s.panel_open(Panel::Labels), "other panels stay");
    let s = s.reduce(Action::TogglePanel(Panel::Menu)).reduce(Action::CloseAll);
    assert!(!s.panel_open(Panel::Menu), "Escape closes the menu");
}
