//! The entity browser's data and edits: every distinct name across all
//! documents (spans grouped by their matching key, so spelling variants
//! are one name) with its labels and counts, names labelled differently in
//! different places first; and relabelling or deleting every occurrence of
//! one name as a single undoable step.

use super::*;
use crate::matching::key_of;
use std::collections::HashMap;

/// One distinct name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// The matching key (normalized): what makes two spans one name.
    pub key: String,
    /// As first written.
    pub text: String,
    /// Confirmed spans by label, most first.
    pub labels: Vec<(String, usize)>,
    /// Suggestions not yet confirmed.
    pub suggested: usize,
    /// Every occurrence: document index and span start, in document order.
    pub at: Vec<(usize, usize)>,
}

impl Entity {
    /// Labelled differently in two places (confirmed spans).
    pub fn conflict(&self) -> bool {
        self.labels.len() > 1
    }

    /// The occurrence after `here` (open document, focused span start),
    /// from the first again after the last.
    pub fn next_after(&self, here: Option<(usize, usize)>) -> Option<(usize, usize)> {
        self.at.iter().find(|&&p| here.is_some_and(|h| p > h)).or(self.at.first()).copied()
    }
}

impl AppState {
    /// Every distinct name of every document, conflicts first, then by
    /// how often it occurs.
    pub fn entities(&self) -> Vec<Entity> {
        let mut by_key: HashMap<String, Entity> = HashMap::new();
        let mut order = Vec::new();
        for (i, e) in self.docs.iter().enumerate() {
            let spans = e.doc.spans.iter().map(|s| (s, true)).chain(e.doc.suggestions.iter().map(|s| (s, false)));
            for (s, confirmed) in spans {
                let key = key_of(&e.doc.text, s.start..s.end);
                let entity = by_key.entry(key.clone()).or_insert_with(|| {
                    order.push(key.clone());
                    let text = span_text(&e.doc.text, s.start..s.end);
                    Entity { key, text, labels: Vec::new(), suggested: 0, at: Vec::new() }
                });
                entity.at.push((i, s.start));
                if !confirmed {
                    entity.suggested += 1;
                } else if let Some(l) = entity.labels.iter_mut().find(|(l, _)| *l == s.label) {
                    l.1 += 1;
                } else {
                    entity.labels.push((s.label.clone(), 1));
                }
            }
        }
        let mut all: Vec<Entity> = order.into_iter().filter_map(|k| by_key.remove(&k)).collect();
        for e in &mut all {
            e.labels.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            e.at.sort();
        }
        all.sort_by_key(|e| (!e.conflict(), std::cmp::Reverse(e.at.len())));
        all
    }

    /// Relabels (and confirms) every span of the name `key`, or deletes
    /// them all (`label` `None`), in one undo step.
    pub(super) fn edit_entity(&mut self, key: &str, label: Option<String>) {
        let mut changes = Vec::new();
        let mut n = 0;
        for i in 0..self.docs.len() {
            let e = &self.docs[i];
            let of_key = |s: &Span| key_of(&e.doc.text, s.start..s.end) == key;
            let (spans, sugg): (Vec<Span>, Vec<Span>) = (
                e.doc.spans.iter().filter(|s| of_key(s)).cloned().collect(),
                e.doc.suggestions.iter().filter(|s| of_key(s)).cloned().collect(),
            );
            if spans.is_empty() && sugg.is_empty() {
                continue;
            }
            n += spans.len() + sugg.len();
            let id = e.doc.id.clone();
            let label = label.clone();
            let before = self.edit_doc(i, move |d| {
                d.spans.retain(|s| !spans.contains(s));
                d.suggestions.retain(|s| !sugg.contains(s));
                if let Some(l) = label {
                    d.spans.extend(spans.into_iter().chain(sugg).map(|s| Span::new(s.start, s.end, l.clone())));
                    d.spans.sort();
                }
            });
            changes.push((id, before));
        }
        self.push_undo(changes);
        self.focused = None;
        let what = self.lang.count(n, Noun::Occurrence);
        self.message = info(match label {
            Some(l) => self.lang.f(T::LabelledAll, &[&what, &l]),
            None => self.lang.f(T::DeletedAll, &[&what]),
        });
    }

    /// Opens document `i` with the span at `start` focused.
    pub(super) fn reveal(&mut self, i: usize, start: usize) {
        self.open_doc(i);
        self.focused = Some(start);
        self.panels.retain(|p| *p != Panel::Entities);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> Rc<AppState> {
        let mut a = Document::new("a", "ایمیدرو و ايميدرو در تهران");
        a.spans = vec![Span::new(0, 7, "ORG"), Span::new(21, 26, "LOC")];
        a.suggestions = vec![Span::new(10, 17, "ORG")];
        let mut b = Document::new("b", "ایمیدرو گفت");
        b.spans = vec![Span::new(0, 7, "LOC")];
        let docs = [a, b]
            .into_iter()
            .map(|doc| Loaded { doc, suggested: true, opened: false, learned: None, disputes: Vec::new() })
            .collect();
        Rc::new(AppState::english()).reduce(Action::Loaded { docs, labels: None, open: None })
    }

    #[test]
    fn the_next_occurrence_follows_the_focused_one_and_wraps() {
        let e = state().entities().into_iter().find(|e| e.text == "ایمیدرو").unwrap();
        assert_eq!(e.next_after(None), Some(e.at[0]));
        assert_eq!(e.next_after(Some(e.at[0])), Some(e.at[1]));
        assert_eq!(e.next_after(e.at.last().copied()), Some(e.at[0]));
    }

    #[test]
    fn names_group_spelling_variants_and_conflicts_come_first() {
        let all = state().entities();
        assert_eq!(all.len(), 2);
        let imidro = &all[0];
        assert!(imidro.conflict());
        assert_eq!(imidro.text, "ایمیدرو");
        assert_eq!(imidro.labels, vec![("LOC".to_string(), 1), ("ORG".to_string(), 1)]);
        assert_eq!((imidro.suggested, imidro.at.clone()), (1, vec![(0, 0), (0, 10), (1, 0)]));
        assert!(!all[1].conflict());
    }

    #[test]
    fn relabelling_a_name_everywhere_is_one_undo_step() {
        let s = state();
        let key = s.entities()[0].key.clone();
        let s = s.reduce(Action::EditEntity { key: key.clone(), label: Some("ORG".into()) });
        let e = &s.entities()[0];
        assert_eq!((e.labels.clone(), e.suggested), (vec![("ORG".to_string(), 3)], 0));
        assert!(!e.conflict());
        let back = s.clone().reduce(Action::Undo);
        assert!(back.entities()[0].conflict(), "one undo restores every document");
        let gone = s.reduce(Action::EditEntity { key, label: None });
        assert_eq!(gone.entities().len(), 1);
        assert_eq!(gone.docs[1].doc.spans, vec![]);
    }
}
