//! Editing the label set: name, colour, key. Renaming a label renames its
//! spans everywhere, the undo history included.

use super::{error, AppState, LabelField};
use crate::i18n::T;
use barchasb_core::{Label, Span};
use std::rc::Rc;

impl AppState {
    pub(super) fn edit_label(&mut self, index: usize, field: LabelField) {
        let Some(old) = self.labels.labels.get(index).cloned() else { return };
        let mut new = old.clone();
        let taken = |f: &dyn Fn(&Label) -> bool| self.labels.labels.iter().enumerate().any(|(j, l)| j != index && f(l));
        match field {
            LabelField::Name(name) => {
                let name = name.trim().to_string();
                if name.is_empty() || name.chars().any(|c| c.is_whitespace() || c == '"') {
                    self.message = error(self.lang.t(T::LabelNameBad));
                    return;
                }
                if taken(&|l| l.name == name) {
                    self.message = error(self.lang.f(T::LabelExists, &[&name]));
                    return;
                }
                new.name = name;
            }
            LabelField::Color(c) => {
                let ok = c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|h| h.is_ascii_hexdigit());
                if !ok {
                    self.message = error(self.lang.t(T::ColourBad));
                    return;
                }
                new.color = c;
            }
            LabelField::Key(k) => {
                let k = k.trim().to_string();
                if k.chars().count() > 1 || k.chars().any(|c| c.is_alphabetic() || c == '?' || c.is_whitespace()) {
                    self.message = error(self.lang.t(T::KeyBad));
                    return;
                }
                if !k.is_empty() && taken(&|l| l.key == k) {
                    self.message = error(self.lang.f(T::KeyUsed, &[&k]));
                    return;
                }
                new.key = k;
            }
        }
        if new == old {
            return;
        }
        if new.name != old.name {
            // Rename the label in every document, and in the undo history.
            let rename = |spans: &mut Vec<Span>| {
                for s in spans.iter_mut().filter(|s| s.label == old.name) {
                    s.label = new.name.clone();
                }
            };
            for i in 0..self.docs.len() {
                let d = &self.docs[i].doc;
                if d.spans.iter().chain(&d.suggestions).any(|s| s.label == old.name) {
                    let rev = self.bump();
                    let e = Rc::make_mut(&mut self.docs[i]);
                    rename(&mut e.doc.spans);
                    rename(&mut e.doc.suggestions);
                    e.rev = rev;
                }
            }
            for step in self.undo.iter_mut().chain(self.redo.iter_mut()) {
                for (_, a) in step.changes.iter_mut() {
                    rename(&mut a.spans);
                    rename(&mut a.suggestions);
                }
            }
        }
        Rc::make_mut(&mut self.labels).labels[index] = new;
        self.labels_rev = self.bump();
        self.message = None;
    }
}
