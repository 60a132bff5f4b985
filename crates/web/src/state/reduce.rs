//! What each [`Action`] does: [`AppState::apply`] is a dispatcher of one
//! short arm per action; the work is in the methods it calls.

use super::*;

impl Action {
    /// Actions that would change nothing in `state`.
    pub(super) fn is_noop(&self, state: &AppState) -> bool {
        match self {
            Action::Open(i) => state.open == Some(*i),
            Action::Undo => state.undo.is_empty(),
            Action::Redo => state.redo.is_empty(),
            Action::DismissOffer => state.offer.is_none(),
            Action::Saved(r) => state.saved_rev >= *r,
            Action::ResolveImport(_) | Action::CancelImport => state.pending_import.is_none(),
            Action::StopReading => state.reading.is_none(),
            _ => false,
        }
    }
}

impl AppState {
    /// Applies one action; false when it turned out to change nothing.
    pub(super) fn apply(&mut self, action: Action) -> bool {
        match action {
            Action::Loaded { docs, labels, open } => self.load(docs, labels, open),
            Action::AddDocuments { docs, errors } => self.add_documents(docs, errors),
            Action::Import(parsed) => self.import(parsed),
            Action::ResolveImport(choices) => self.resolve_import(choices),
            Action::CancelImport => self.cancel_import(),
            Action::Reading(r) => self.reading = r,
            Action::StopReading => self.stop_reading(),
            Action::RemoveDocument(id) => self.remove_document(&id),
            Action::Open(i) => self.open_doc(i),
            Action::SuggestionsUpdated { id, spans } => return self.suggestions_updated(&id, spans),
            Action::Analyzed(batch) => return self.analyzed(batch),
            Action::Label { start, end, label } => self.label_new(start, end, label),
            Action::Relabel { start, label } => self.relabel(start, label),
            Action::Confirm { start } => self.confirm(start),
            Action::Delete { start } => self.delete(start),
            Action::AcceptAll => self.accept_all(),
            Action::ApplyEverywhere { all } => self.apply_everywhere(all),
            Action::DismissOffer => self.offer = None,
            Action::MarkDoneNext => self.mark_done_next(),
            Action::Undo => self.undo_redo(true),
            Action::Redo => self.undo_redo(false),
            Action::Focus(f) => return self.set_focus(f),
            Action::FocusNext => self.move_focus(true),
            Action::FocusUnsure => self.focus_unsure(),
            Action::FocusPrev => self.move_focus(false),
            Action::LabelKey(k) => return self.label_key(&k),
            Action::ConfirmFocused => return self.confirm_focused(),
            Action::DeleteFocused => return self.on_target(Self::delete),
            Action::Caret { forward, extend } => return self.move_caret(forward, extend),
            Action::CaretAt { pos, extend } => self.caret_at(pos, extend),
            Action::Resize { edge, grow, by_char } => return self.resize(edge, grow, by_char),
            Action::SetBounds { start, new } => return self.set_bounds(start, new),
            Action::Replace { old, start, end, label } => self.replace(old, start..end, label),
            Action::OpenNext(forward) => return self.open_next(forward),
            Action::FocusSuggestion => self.focus_suggestion(),
            Action::OpenMenu(m) => self.open_menu(m),
            Action::CloseMenu => return self.close_menu(),
            Action::CloseAll => return self.close_all(),
            Action::TogglePanel(p) => self.toggle_panel(p),
            Action::EditLabel { index, field } => self.edit_label(index, field),
            Action::AddLabel => self.add_label(),
            Action::RemoveLabel(i) => return self.remove_label(i),
            Action::ShowMessage(m) => self.message = m,
            Action::Saved(r) => self.saved(r),
            Action::SaveMore => {
                self.bump();
            }
            Action::StorageFailed(text) => self.storage_failed(text),
            Action::Model(event) => return self.on_model(event),
            Action::Tab(role) => return self.set_tab(role),
            Action::Team(event) => return self.on_team(event),
            Action::EditEntity { key, label } => self.edit_entity(&key, label),
            Action::Reveal { doc, start } => self.reveal(doc, start),
            Action::SetLang(lang) => self.lang = lang,
            Action::Reread { .. } => unreachable!("handled by reduce"),
        }
        true
    }

    /// [`Action::Loaded`]: the stored documents (spans cleaned, suggestions
    /// computed where missing), labels and the open document.
    fn load(&mut self, docs: Vec<Loaded>, labels: Option<LabelSet>, open: Option<String>) {
        self.docs = docs.into_iter().enumerate().map(|(k, l)| Rc::new(loaded_entry(l, k as u64))).collect();
        // A project's labels are the lead's: they replace the stored ones.
        if let Some(l) = labels.filter(|_| self.team.project.is_none()) {
            self.labels = Rc::new(l);
        }
        self.loaded = true;
        self.rev = self.docs.len() as u64;
        self.saved_rev = self.rev;
        // Documents loaded without suggestions (the seeds) get them now, so
        // the list shows their counts.
        for i in 0..self.docs.len() {
            self.ensure_suggestions(i);
        }
        let i = open.and_then(|id| self.index_of(&id)).or(if self.docs.is_empty() { None } else { Some(0) });
        if let Some(i) = i {
            self.open_doc(i);
        }
        self.add_project_documents();
    }

    fn stop_reading(&mut self) {
        self.reading = None;
        self.message = info(self.lang.t(T::ImportStopped));
    }

    fn cancel_import(&mut self) {
        self.pending_import = None;
        self.message = info(self.lang.t(T::ImportCancelled));
    }

    fn suggestions_updated(&mut self, id: &str, spans: Vec<Span>) -> bool {
        let Some(i) = self.index_of(id) else { return false };
        self.set_suggestions(i, spans);
        true
    }

    fn undo_redo(&mut self, undo: bool) {
        let step = if undo { self.undo.pop() } else { self.redo.pop() };
        let back = self.restore(step.expect("not a no-op"));
        if undo {
            self.redo.push(back);
        } else {
            self.undo.push(back);
        }
        self.menu = Menu::None;
        self.offer = None;
        if let Some(f) = self.focused {
            if self.open_entry().is_some_and(|e| e.find(f).is_none()) {
                self.focused = None;
            }
        }
    }

    fn set_focus(&mut self, f: Option<usize>) -> bool {
        let changed = self.focused != f || (f.is_some() && self.caret.is_some());
        self.focused = f;
        if f.is_some() {
            self.caret = None;
        }
        changed
    }

    /// A label key: labels the label menu's selection, else relabels the
    /// span of the span menu, else labels the word cursor's words, else
    /// relabels the focused span and goes on to the next span.
    fn label_key(&mut self, key: &str) -> bool {
        let Some(label) = self.labels.by_key(key).map(|l| l.name.clone()) else { return false };
        match self.menu.clone() {
            Menu::Label { start, end, replace: Some(old), .. } => self.replace(old, start..end, label),
            Menu::Label { start, end, .. } => self.label_new(start, end, label),
            Menu::Span { start, .. } => self.relabel(start, label),
            Menu::None if self.caret.is_some() => return self.label_caret(label),
            Menu::None => match self.focused {
                Some(f) => {
                    self.relabel(f, label);
                    self.focused = self.span_after(f).or(Some(f));
                }
                None => return false,
            },
        }
        true
    }

    /// Enter: confirms the span of the span menu, else the focused span and
    /// goes on to the next span (a confirmed one too: Enter is "this one
    /// is right, next").
    fn confirm_focused(&mut self) -> bool {
        let from_menu = matches!(self.menu, Menu::Span { .. });
        let Some(f) = (if from_menu { None } else { self.focused }) else { return self.on_target(Self::confirm) };
        self.confirm(f);
        self.focused = self.span_after(f).or(Some(f));
        true
    }

    /// Acts on the span of the span menu, else on the focused span.
    fn on_target(&mut self, act: fn(&mut Self, usize)) -> bool {
        let target = match (&self.menu, self.focused) {
            (Menu::Span { start, .. }, _) => *start,
            (_, Some(f)) => f,
            _ => return false,
        };
        act(self, target);
        true
    }

    fn open_menu(&mut self, m: Menu) {
        if let Menu::Span { start, .. } = m {
            self.focused = Some(start);
        }
        self.menu = m;
    }

    fn close_menu(&mut self) -> bool {
        std::mem::take(&mut self.menu) != Menu::None
    }

    /// Escape: closes menus, panels, the offer and a pending import.
    fn close_all(&mut self) -> bool {
        let open = self.menu != Menu::None || !self.panels.is_empty() || self.offer.is_some() || self.caret.is_some();
        self.caret = None;
        let importing = self.pending_import.is_some();
        if importing {
            self.cancel_import();
        }
        self.menu = Menu::None;
        self.panels.clear();
        self.offer = None;
        open || importing
    }

    fn toggle_panel(&mut self, p: Panel) {
        if self.panels.contains(&p) {
            self.panels.retain(|x| *x != p);
        } else {
            // a panel chosen from the menu (or the list) takes its place
            self.panels.retain(|x| !matches!(x, Panel::Menu | Panel::Documents));
            self.panels.push(p);
        }
    }

    fn add_label(&mut self) {
        let l = Rc::make_mut(&mut self.labels);
        let mut n = l.labels.len() + 1;
        while l.get(&format!("LABEL{n}")).is_some() {
            n += 1;
        }
        let label = Label {
            name: format!("LABEL{n}"),
            key: String::new(),
            color: "#777777".into(),
            description: String::new(),
        };
        l.labels.push(label);
        self.labels_rev = self.bump();
    }

    fn remove_label(&mut self, i: usize) -> bool {
        if i >= self.labels.labels.len() {
            return false;
        }
        let name = Rc::make_mut(&mut self.labels).labels.remove(i).name;
        self.labels_rev = self.bump();
        self.message = info(self.lang.f(T::RemovedLabel, &[&name]));
        true
    }

    fn saved(&mut self, rev: u64) {
        self.saved_rev = rev;
        self.storage_failed = false;
    }

    fn storage_failed(&mut self, text: String) {
        self.storage_failed = true;
        self.message = error(text);
    }

    fn on_model(&mut self, event: ModelEvent) -> bool {
        let imported = matches!(event, ModelEvent::Imported { .. });
        if !self.model_event(event) {
            return false;
        }
        if imported && matches!(self.tab, TabRole::Watching(_)) {
            // The model bar sends the file to this tab's worker; the model is
            // not saved here (hooks/persistence.rs).
            self.message = error(self.lang.t(T::ModelNotSaved));
        }
        true
    }

    fn set_tab(&mut self, role: TabRole) -> bool {
        if self.tab == role {
            return false;
        }
        self.tab = role;
        if matches!(role, TabRole::Watching(_)) {
            self.menu = Menu::None;
            self.offer = None;
        }
        true
    }
}

/// An entry as loaded from storage: spans inside the text and disjoint,
/// suggestions off the confirmed spans.
fn loaded_entry(l: Loaded, k: u64) -> Entry {
    let mut doc = l.doc;
    let n = doc.text.chars().count();
    doc.spans = sanitize(std::mem::take(&mut doc.spans), n);
    doc.suggestions = drop_overlapping(sanitize(std::mem::take(&mut doc.suggestions), n), &doc.spans);
    Entry {
        doc,
        suggested: l.suggested,
        rev: 0,
        text_gen: k,
        opened: l.opened,
        learned: l.learned,
        words: None,
        scored: None,
        disputes: l.disputes,
    }
}
