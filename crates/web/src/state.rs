//! The app's state and every change to it.
//!
//! [`AppState`] is changed only by [`Action`]s through [`Reducible::reduce`],
//! which is pure (no web-sys, no storage, no clock): it compiles natively and
//! is unit-tested with plain `cargo test`. Effects (IndexedDB, downloads,
//! files) live in `hooks/` and in the components, and talk back through
//! actions.
//!
//! Per document: confirmed spans in `doc.spans`, unconfirmed suggestions in
//! `doc.suggestions`; both sorted, each non-overlapping, and no suggestion
//! overlaps a confirmed span. Offsets are code points of the original text.

use crate::i18n::{Lang, Noun, T};
use crate::matching::{key_of, occurrences_cached};
use crate::tagger_worker::Scored;
use barchasb_agree::Dispute;
use barchasb_core::{Document, Label, LabelSet, Span, Status};
use barchasb_formats::{Choices, Parsed};
use std::ops::Range;
use std::rc::Rc;
use yew::Reducible;

/// Whether a span is a suggestion or has been confirmed by the annotator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanState {
    Suggested,
    Confirmed,
    /// In review: annotators differ here (the view span's `label` then
    /// holds their versions, as `data-annotators`).
    Disputed,
}

impl SpanState {
    pub fn as_str(self) -> &'static str {
        match self {
            SpanState::Suggested => "suggested",
            SpanState::Confirmed => "confirmed",
            SpanState::Disputed => "disputed",
        }
    }
}

/// A span as the view shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewSpan {
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub state: SpanState,
    /// A suggestion's confidence in [0, 1], when the model gave one.
    pub confidence: Option<f32>,
}

/// Below this confidence a suggestion is "unsure": shown lighter, found by
/// the `u` key and by the document list's filter. An untrained model's lone
/// rule hit is about 0.73; 0.5 is where the model is torn.
pub const LOW_CONFIDENCE: f32 = 0.6;

/// One document of the collection.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub doc: Document,
    /// Suggestions were computed (or came with the document); opening it
    /// again does not recompute them.
    pub suggested: bool,
    /// The state revision of this entry's last change (saving, memoizing).
    pub rev: u64,
    /// Changes only when the text changes (memoizing tokens).
    pub text_gen: u64,
    /// Opened at least once: the model no longer refreshes its suggestions.
    pub opened: bool,
    /// What the current model learned of this document (saved with it; see
    /// `state/model.rs`). `None`: nothing yet, so a done document is learned.
    pub learned: Option<Learned>,
    /// The words as the rules read them (code points), from the worker, for
    /// snapping selections; not saved. `None` until the worker answers.
    pub words: Option<Rc<Vec<(u32, u32)>>>,
    /// In review: where the annotators differ, not yet settled (sorted,
    /// disjoint, off the spans).
    pub disputes: Vec<Dispute>,
    /// The model's last reading of the text (the worker's answer): the
    /// confidences of suggestions it made, and the margin the list can be
    /// ordered by. Not saved: the worker reads each document again.
    pub scored: Option<Rc<Scored>>,
}

/// Equality of documents is an equivalence (JSON values hold no NaN), and
/// with `Eq` an `Rc<Entry>` compares by pointer first, so comparing states
/// (context, memo deps) does not compare unchanged texts.
impl Eq for Entry {}

impl Entry {
    /// Confirmed spans and suggestions merged, sorted by start.
    pub fn view_spans(&self) -> Vec<ViewSpan> {
        let mut all: Vec<ViewSpan> = self
            .doc
            .spans
            .iter()
            .map(|s| (s, SpanState::Confirmed))
            .chain(self.doc.suggestions.iter().map(|s| (s, SpanState::Suggested)))
            .map(|(s, state)| {
                let confidence = match state {
                    SpanState::Suggested => self.scored.as_ref().and_then(|c| c.confidence_of(s)),
                    _ => None,
                };
                ViewSpan { start: s.start, end: s.end, label: s.label.clone(), state, confidence }
            })
            .collect();
        let names = self.doc.meta.get("annotators").and_then(|v| v.as_array());
        let name = |k: usize| names.and_then(|n| n.get(k)).and_then(|v| v.as_str()).unwrap_or("?").to_string();
        all.extend(self.disputes.iter().map(|d| {
            let said = |(k, v): (usize, &Vec<Span>)| {
                let spans: Vec<String> = v.iter().map(|s| format!("{}@{}-{}", s.label, s.start, s.end)).collect();
                format!("{}:{}", name(k), if spans.is_empty() { "-".into() } else { spans.join(",") })
            };
            let label = d.versions.iter().enumerate().map(said).collect::<Vec<_>>().join("|");
            ViewSpan { start: d.start, end: d.end, label, state: SpanState::Disputed, confidence: None }
        }));
        all.sort_by_key(|s| s.start);
        all
    }

    /// The suggestions with a confidence: `(start, confidence)` by start.
    pub fn confidences(&self) -> Vec<(usize, f32)> {
        let Some(sc) = &self.scored else { return Vec::new() };
        self.doc.suggestions.iter().filter_map(|s| Some((s.start, sc.confidence_of(s)?))).collect()
    }

    /// The suggestion after the one at `after` (or the first) in the order
    /// least sure first, ties by start: its start. (A scan, not a sort: the
    /// app's wasm stays small.)
    pub fn next_unsure(&self, after: Option<usize>) -> Option<usize> {
        let all = self.confidences();
        // confidences are in [0, 1]: their bits order as they do
        let key = |&(s, c): &(usize, f32)| (c.to_bits(), s);
        let from = after.and_then(|f| all.iter().find(|x| x.0 == f)).map(key);
        let least = all.iter().map(key).min();
        let next = all.iter().map(key).filter(|k| from.is_some_and(|f| *k > f)).min();
        next.or(least).map(|k| k.1)
    }

    /// Some suggestion is below [`LOW_CONFIDENCE`].
    pub fn has_unsure(&self) -> bool {
        self.confidences().iter().any(|&(_, c)| c < LOW_CONFIDENCE)
    }

    fn annot(&self) -> Annot {
        Annot {
            spans: self.doc.spans.clone(),
            suggestions: self.doc.suggestions.clone(),
            status: self.doc.status,
            disputes: self.disputes.clone(),
        }
    }

    fn find(&self, start: usize) -> Option<(SpanState, usize)> {
        if let Some(i) = self.doc.spans.iter().position(|s| s.start == start) {
            return Some((SpanState::Confirmed, i));
        }
        self.doc.suggestions.iter().position(|s| s.start == start).map(|i| (SpanState::Suggested, i))
    }

    fn overlapping(&self, r: &Range<usize>) -> Option<&Span> {
        self.doc.spans.iter().chain(self.doc.suggestions.iter()).find(|s| s.start < r.end && r.start < s.end)
    }
}

/// The undoable part of a document.
#[derive(Debug, Clone, PartialEq)]
struct Annot {
    spans: Vec<Span>,
    suggestions: Vec<Span>,
    status: Status,
    disputes: Vec<Dispute>,
}

/// One undoable edit: each changed document with its annotations before,
/// or (an import, a deletion) the whole collection before.
#[derive(Debug, Clone, PartialEq)]
struct Step {
    changes: Vec<(String, Annot)>,
    collection: Option<Collection>,
}

/// The documents (shared, so a snapshot is cheap), the label set and the
/// open document's id.
#[derive(Debug, Clone, PartialEq)]
struct Collection {
    docs: Vec<Rc<Entry>>,
    labels: Rc<LabelSet>,
    open: Option<String>,
}

/// The open popup menu.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Menu {
    #[default]
    None,
    /// Menu of an existing span (by its start), at a viewport position.
    Span { start: usize, x: i32, y: i32 },
    /// Label menu of a new (snapped) selection; `replace`: the start of
    /// the span the drag began in, which the new span takes the place of.
    Label { start: usize, end: usize, x: i32, y: i32, replace: Option<usize> },
}

/// The offer shown after labelling: label the other occurrences too.
#[derive(Debug, Clone, PartialEq)]
pub struct ApplyOffer {
    pub label: String,
    /// The span's text as written.
    pub text: String,
    /// Its matching key.
    pub key: String,
    /// How many occurrences could be labelled in the open document…
    pub in_doc: usize,
    /// …and in all documents (the open one included).
    pub in_all: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// Side panels and overlays that can be toggled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Help,
    Guidelines,
    Labels,
    /// The review's agreement (`components/agreement.rs`).
    Agreement,
    /// Every name across the documents (`components/entities.rs`).
    Entities,
    /// The menu behind the header's `#menu-button`: files, export, the
    /// model, the panels, theme and keys (`components/menu.rs`). Opening
    /// a panel from it closes it.
    Menu,
    /// The document list, on a phone (on a wider screen it is always shown).
    Documents,
}

/// One field of a label being edited.
#[derive(Debug, Clone, PartialEq)]
pub enum LabelField {
    Name(String),
    Color(String),
    Key(String),
}

/// Whether this tab may edit: one tab at a time (`hooks/tab_lock.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TabRole {
    /// Not known yet (before the stored state is loaded), or no Web Locks.
    #[default]
    Deciding,
    /// This tab edits and saves.
    Editor,
    /// Another tab edits (or did): this one shows the saved work and
    /// refuses edits.
    Watching(Why),
}

/// Why a tab is watching (`#tab-banner[data-reason]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// Another tab was editing when this one opened.
    Busy,
    /// This tab was editing until another one took over.
    Taken,
    /// The tab that was editing is gone; no tab edits (until one saves).
    Free,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub docs: Vec<Rc<Entry>>,
    pub labels: Rc<LabelSet>,
    /// Index of the open document.
    pub open: Option<usize>,
    /// Start of the keyboard-focused span in the open document.
    pub focused: Option<usize>,
    /// The word cursor (arrow keys) and the words it selects (Shift+arrows);
    /// never set together with `focused`.
    pub caret: Option<Caret>,
    pub menu: Menu,
    pub offer: Option<ApplyOffer>,
    pub message: Option<Message>,
    pub panels: Vec<Panel>,
    /// Set once the stored state (or the seeds) has been loaded.
    pub loaded: bool,
    /// Revision of everything that is saved; bumped by every such change.
    pub rev: u64,
    /// Revision of the label set's last change.
    pub labels_rev: u64,
    /// The last revision known to be written to storage.
    pub saved_rev: u64,
    /// Set by a storage error, cleared by the next successful save.
    pub storage_failed: bool,
    /// The learned tagger, as far as the page knows it (the worker owns it).
    pub model: ModelState,
    /// Editing here or watching another tab edit.
    pub tab: TabRole,
    /// An import waiting for answers (`#import-dialog`).
    pub pending_import: Option<PendingImport>,
    /// Files being read for import (`#import-progress`).
    pub reading: Option<Reading>,
    /// The project, the user's name, the review (`state/team.rs`).
    pub team: Team,
    /// The interface language (messages are written in it).
    pub lang: Lang,
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            docs: Vec::new(),
            labels: Rc::new(LabelSet::default()),
            open: None,
            focused: None,
            caret: None,
            menu: Menu::None,
            offer: None,
            message: None,
            panels: Vec::new(),
            loaded: false,
            rev: 0,
            labels_rev: 0,
            saved_rev: 0,
            storage_failed: false,
            model: ModelState::default(),
            tab: TabRole::Deciding,
            pending_import: None,
            reading: None,
            team: Team::default(),
            lang: Lang::default(),
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }
}

/// A document as loaded from storage.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub doc: Document,
    pub suggested: bool,
    pub opened: bool,
    pub learned: Option<Learned>,
    pub disputes: Vec<Dispute>,
}

#[derive(Clone)]
pub enum Action {
    /// Startup: the stored documents (or the seeds), labels, the open id.
    Loaded {
        docs: Vec<Loaded>,
        labels: Option<LabelSet>,
        open: Option<String>,
    },
    /// A paste (or documents made by the app): added under their ids, or
    /// new ones where an id exists; `errors` are shown with the result.
    AddDocuments {
        docs: Vec<Document>,
        errors: Vec<String>,
    },
    /// Files read for import: applied by the import rules, after asking
    /// (`pending_import`) when there is something to ask.
    Import(Vec<Parsed>),
    /// The answers to the pending import.
    ResolveImport(Choices),
    /// The pending import is dropped; nothing changes.
    CancelImport,
    /// How far the files being read for import are (`None`: no longer read).
    Reading(Option<Reading>),
    /// The import being read is stopped (`#import-stop`): nothing of it is added.
    StopReading,
    /// Deletes a document (undoable).
    RemoveDocument(String),
    /// Storage wrote part of the changes: the rest is to be written (a new
    /// revision, so the save effect runs again with the current state).
    SaveMore,
    /// The worker read these documents (words, first suggestions).
    Analyzed(Vec<crate::tagger_worker::Analysis>),
    Open(usize),
    /// New suggestions for a document (the extractor, later a worker).
    SuggestionsUpdated {
        id: String,
        spans: Vec<Span>,
    },
    /// Label a new span (code points, already snapped) of the open document.
    Label {
        start: usize,
        end: usize,
        label: String,
    },
    /// Change the label of the span at `start` (also confirms it).
    Relabel {
        start: usize,
        label: String,
    },
    Confirm {
        start: usize,
    },
    Delete {
        start: usize,
    },
    AcceptAll,
    /// Label the offered text's other occurrences: open document or all.
    ApplyEverywhere {
        all: bool,
    },
    DismissOffer,
    MarkDoneNext,
    Undo,
    Redo,
    Focus(Option<usize>),
    FocusNext,
    /// Focus the next least-confident suggestion (key `u`).
    FocusUnsure,
    FocusPrev,
    /// A label key: labels the label menu's selection, else relabels the
    /// focused span.
    LabelKey(String),
    /// Enter: confirms the span of the span menu, else the focused span
    /// (and the focus goes on to the next span).
    ConfirmFocused,
    /// Delete: the span of the span menu, else the focused one (the focus
    /// goes on to the next span).
    DeleteFocused,
    /// The word cursor moves one word on (`forward`, in reading order) or
    /// back; with `extend` its anchor stays, so the selection grows by words.
    Caret {
        forward: bool,
        extend: bool,
    },
    /// A click on a word: the word cursor there (code point inside it);
    /// with `extend` only its head moves there (↓ ↑ with Shift).
    CaretAt {
        pos: usize,
        extend: bool,
    },
    /// The focused span's start or end one word (or character) out or in.
    Resize {
        edge: Edge,
        grow: bool,
        by_char: bool,
    },
    /// The span at `start` gets the bounds `new` (a handle dragged).
    SetBounds {
        start: usize,
        new: Range<usize>,
    },
    /// A new span replacing the span at `old` (a drag begun inside it).
    Replace {
        old: usize,
        start: usize,
        end: usize,
        label: String,
    },
    /// The next (or previous) document, without marking this one done.
    OpenNext(bool),
    /// The next suggestion not yet confirmed after the focus.
    FocusSuggestion,
    OpenMenu(Menu),
    /// A click elsewhere: closes the span or label menu.
    CloseMenu,
    /// Escape: closes menus and overlays.
    CloseAll,
    TogglePanel(Panel),
    EditLabel {
        index: usize,
        field: LabelField,
    },
    AddLabel,
    RemoveLabel(usize),
    ShowMessage(Option<Message>),
    /// Storage reported `rev` as written.
    Saved(u64),
    /// Storage failed (no IndexedDB, quota, blocked): shown, never swallowed.
    StorageFailed(String),
    /// The worker's model changed (see [`ModelEvent`]).
    Model(ModelEvent),
    /// This tab became the editing tab, or a watching one.
    Tab(TabRole),
    /// The project, the user's name, the review (`state/team.rs`).
    Team(TeamEvent),
    /// Relabel (and confirm) every span of a name, or delete them all
    /// (`label: None`), in one undo step (`state/entities.rs`).
    EditEntity {
        key: String,
        label: Option<String>,
    },
    /// Open document `doc` with the span at `start` focused.
    Reveal {
        doc: usize,
        start: usize,
    },
    /// The interface language chosen (`#language`).
    SetLang(Lang),
    /// A watching tab read the stored state again (the editing tab saved):
    /// it replaces everything, keeping the open document.
    Reread {
        docs: Vec<Loaded>,
        labels: Option<LabelSet>,
    },
}

impl Action {
    /// Whether this action changes the annotations, documents, labels or
    /// model in `state` (a watching tab refuses it).
    fn edits(&self, state: &AppState) -> bool {
        let acts = state.menu != Menu::None || state.focused.is_some();
        match self {
            Action::AddDocuments { .. }
            | Action::Import(_)
            | Action::ResolveImport(_)
            | Action::RemoveDocument(_)
            | Action::Label { .. }
            | Action::Relabel { .. }
            | Action::Confirm { .. }
            | Action::Delete { .. }
            | Action::AcceptAll
            | Action::ApplyEverywhere { .. }
            | Action::MarkDoneNext
            | Action::Undo
            | Action::Redo
            | Action::EditLabel { .. }
            | Action::AddLabel
            | Action::RemoveLabel(_)
            | Action::Model(ModelEvent::AskReset | ModelEvent::ConfirmReset)
            | Action::Team(TeamEvent::Settle(_) | TeamEvent::Reviewed(_))
            | Action::EditEntity { .. }
            | Action::SetBounds { .. }
            | Action::Replace { .. } => true,
            Action::LabelKey(_) | Action::ConfirmFocused | Action::DeleteFocused => acts || state.caret.is_some(),
            Action::Resize { .. } => state.focused.is_some(),
            _ => false,
        }
    }
}

/// The two seed texts' ids, shown as a demo on first start; their texts
/// are `seeds/<id>.txt` beside the page (not in the wasm).
pub const SEEDS: [&str; 2] = ["imidro-china-mining-association", "imidro-kazakhstan-deputy-minister"];

/// The seeds, read from the repository (the page fetches them).
#[cfg(test)]
pub fn seed_documents() -> Vec<Document> {
    let read = |id: &str| std::fs::read_to_string(format!("{}/../../seeds/{id}.txt", env!("CARGO_MANIFEST_DIR")));
    SEEDS.iter().map(|id| Document::new(*id, read(id).expect("the seed texts"))).collect()
}

/// Keeps the spans that lie inside a text of `n` code points and do not
/// overlap an earlier kept one (data from storage or a worker is not trusted
/// to hold the invariants the view relies on).
fn sanitize(spans: Vec<Span>, n: usize) -> Vec<Span> {
    let mut spans: Vec<Span> = spans.into_iter().filter(|s| s.start < s.end && s.end <= n).collect();
    spans.sort();
    let mut kept: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        if kept.last().is_none_or(|k| k.end <= s.start) {
            kept.push(s);
        }
    }
    kept
}

/// Keeps the suggestions that overlap no confirmed span.
fn drop_overlapping(suggestions: Vec<Span>, confirmed: &[Span]) -> Vec<Span> {
    suggestions.into_iter().filter(|s| !confirmed.iter().any(|c| c.overlaps(s))).collect()
}

fn span_text(text: &str, r: Range<usize>) -> String {
    text.chars().skip(r.start).take(r.end - r.start).collect()
}

fn info(text: impl Into<String>) -> Option<Message> {
    Some(Message { text: text.into(), error: false })
}

fn error(text: impl Into<String>) -> Option<Message> {
    Some(Message { text: text.into(), error: true })
}

impl AppState {
    /// The state at startup, its messages in `lang`.
    pub fn in_lang(lang: Lang) -> AppState {
        AppState { lang, ..AppState::default() }
    }

    /// A state whose messages are English (the unit tests compare them).
    #[cfg(test)]
    pub(crate) fn english() -> AppState {
        AppState::in_lang(Lang::En)
    }

    pub fn open_entry(&self) -> Option<&Entry> {
        self.open.and_then(|i| self.docs.get(i)).map(|e| &**e)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn panel_open(&self, p: Panel) -> bool {
        self.panels.contains(&p)
    }

    /// `done/total`.
    pub fn progress(&self) -> (usize, usize) {
        (self.docs.iter().filter(|e| e.doc.status == Status::Done).count(), self.docs.len())
    }

    fn bump(&mut self) -> u64 {
        self.rev += 1;
        self.rev
    }

    fn index_of(&self, id: &str) -> Option<usize> {
        self.docs.iter().position(|e| e.doc.id == id)
    }

    /// Applies `f` to document `i`, bumping its revision; marks a new
    /// document in progress. Returns the annotations before.
    fn edit_doc(&mut self, i: usize, f: impl FnOnce(&mut Document)) -> Annot {
        let rev = self.bump();
        let entry = Rc::make_mut(&mut self.docs[i]);
        let before = entry.annot();
        f(&mut entry.doc);
        if entry.doc.status == Status::New {
            entry.doc.status = Status::InProgress;
        }
        entry.rev = rev;
        self.stamp(i);
        before
    }

    fn push_undo(&mut self, changes: Vec<(String, Annot)>) {
        let changes: Vec<_> = changes
            .into_iter()
            .filter(|(id, before)| self.index_of(id).is_some_and(|i| self.docs[i].annot() != *before))
            .collect();
        if !changes.is_empty() {
            self.push_step(Step { changes, collection: None });
        }
    }

    fn push_step(&mut self, step: Step) {
        self.undo.push(step);
        self.redo.clear();
        // An edit went through: an earlier refusal no longer applies.
        self.message = None;
    }

    /// Restores a step, returning the step that reverts the restore.
    fn restore(&mut self, step: Step) -> Step {
        if let Some(c) = step.collection {
            return Step { changes: Vec::new(), collection: Some(self.restore_collection(c)) };
        }
        let mut back = Vec::new();
        for (id, annot) in step.changes {
            let Some(i) = self.index_of(&id) else { continue };
            let rev = self.bump();
            let entry = Rc::make_mut(&mut self.docs[i]);
            back.push((id, entry.annot()));
            let status = entry.doc.status;
            entry.doc.spans = annot.spans;
            entry.doc.suggestions = annot.suggestions;
            entry.doc.status = annot.status;
            entry.disputes = annot.disputes;
            entry.rev = rev;
            self.stamp(i);
            // A redo of "done" marks it done again.
            self.status_changed(i, status);
            if self.open != Some(i) {
                self.open = Some(i);
                self.focused = None;
            }
        }
        Step { changes: back, collection: None }
    }

    /// Replaces document `i`'s suggestions (kept off its confirmed spans).
    fn set_suggestions(&mut self, i: usize, spans: Vec<Span>) {
        let rev = self.bump();
        let e = Rc::make_mut(&mut self.docs[i]);
        let n = e.doc.text.chars().count();
        e.doc.suggestions = drop_overlapping(sanitize(spans, n), &e.doc.spans);
        e.suggested = true;
        e.rev = rev;
    }

    /// A document marked done needs no suggestions; the others without
    /// any are left to the worker ([`Self::awaiting_suggestions`]), which
    /// answers with [`Action::Analyzed`].
    fn ensure_suggestions(&mut self, i: usize) {
        if self.docs[i].suggested || self.docs[i].doc.status != Status::Done {
            return;
        }
        let rev = self.bump();
        let entry = Rc::make_mut(&mut self.docs[i]);
        entry.suggested = true;
        entry.rev = rev;
    }

    /// Documents still waiting for their first suggestions from the worker.
    pub fn awaiting_suggestions(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.docs.len()).filter(|&i| !self.docs[i].suggested && self.docs[i].doc.status != Status::Done)
    }

    /// The worker's words and first suggestions: words are kept for
    /// snapping; suggestions go to documents still waiting for them.
    fn analyzed(&mut self, batch: Vec<crate::tagger_worker::Analysis>) -> bool {
        let mut changed = false;
        for a in batch {
            let Some(i) = self.index_of(&a.id) else { continue };
            if self.docs[i].doc.text.chars().count() != a.chars {
                continue; // another text under this id since the request
            }
            let e = Rc::make_mut(&mut self.docs[i]);
            e.words = Some(Rc::new(a.words));
            let take = a.suggest && !e.suggested;
            let spans = take.then(|| a.scored.spans.clone());
            e.scored = Some(Rc::new(a.scored));
            changed = true;
            if let Some(spans) = spans {
                self.set_suggestions(i, spans);
            }
        }
        changed
    }

    fn open_doc(&mut self, i: usize) {
        if i >= self.docs.len() {
            return;
        }
        if self.open != Some(i) {
            self.bump(); // the open document is saved too
        }
        self.open = Some(i);
        self.focused = None;
        self.caret = None;
        self.menu = Menu::None;
        self.offer = None;
        // on a phone the list is a sheet over the text: it closes
        self.panels.retain(|p| *p != Panel::Documents);
        self.ensure_suggestions(i);
        if !self.docs[i].opened {
            let rev = self.bump();
            let e = Rc::make_mut(&mut self.docs[i]);
            e.opened = true;
            e.rev = rev;
        }
    }

    /// How many occurrences of `key` in document `i` could be labelled:
    /// those overlapping no confirmed span.
    fn applicable(&self, i: usize, key: &str) -> Vec<Range<usize>> {
        let e = &self.docs[i];
        let doc = &e.doc;
        occurrences_cached(&doc.id, e.text_gen, &doc.text, key)
            .into_iter()
            .filter(|r| !doc.spans.iter().any(|c| c.start < r.end && r.start < c.end))
            .collect()
    }

    fn make_offer(&self, span: &Span) -> Option<ApplyOffer> {
        let i = self.open?;
        let text = &self.docs[i].doc.text;
        let key = key_of(text, span.start..span.end);
        let in_doc = self.applicable(i, &key).len();
        let in_all: usize = (0..self.docs.len()).map(|j| self.applicable(j, &key).len()).sum();
        (in_all > 0).then(|| ApplyOffer {
            label: span.label.clone(),
            text: span_text(text, span.start..span.end),
            key,
            in_doc,
            in_all,
        })
    }

    fn label_new(&mut self, start: usize, end: usize, label: String) {
        let Some(i) = self.open else { return };
        let entry = &self.docs[i];
        let n = entry.doc.text.chars().count();
        if start >= end || end > n {
            return;
        }
        // Selecting exactly an existing span relabels it.
        if entry.doc.spans.iter().chain(&entry.doc.suggestions).any(|s| s.start == start && s.end == end) {
            return self.relabel(start, label);
        }
        if let Some(o) = entry.overlapping(&(start..end)) {
            let t = span_text(&entry.doc.text, o.start..o.end);
            self.message = error(self.lang.f(T::RefusedOverlap, &[&t, &o.label]));
            self.menu = Menu::None;
            return;
        }
        if span_text(&entry.doc.text, start..end).contains('\n') {
            self.message = error(self.lang.t(T::RefusedLineBreak));
            self.menu = Menu::None;
            return;
        }
        let span = Span::new(start, end, label);
        let id = entry.doc.id.clone();
        let sp = span.clone();
        let before = self.edit_doc(i, move |d| {
            d.spans.push(sp);
            d.spans.sort();
        });
        self.push_undo(vec![(id, before)]);
        self.focused = Some(start);
        self.caret = None;
        self.menu = Menu::None;
        self.message = None;
        self.offer = self.make_offer(&span);
    }

    fn relabel(&mut self, start: usize, label: String) {
        let Some(i) = self.open else { return };
        let Some((state, k)) = self.docs[i].find(start) else { return };
        let id = self.docs[i].doc.id.clone();
        let old = match state {
            SpanState::Confirmed => self.docs[i].doc.spans[k].clone(),
            _ => self.docs[i].doc.suggestions[k].clone(), // (find gives no dispute)
        };
        if state == SpanState::Confirmed && old.label == label {
            self.menu = Menu::None;
            return;
        }
        let span = Span::new(old.start, old.end, label);
        let sp = span.clone();
        let before = self.edit_doc(i, move |d| {
            match state {
                SpanState::Confirmed => d.spans[k] = sp,
                _ => {
                    d.suggestions.remove(k);
                    d.spans.push(sp);
                    d.spans.sort();
                }
            };
        });
        self.push_undo(vec![(id, before)]);
        self.focused = Some(start);
        self.menu = Menu::None;
        self.offer = self.make_offer(&span);
    }

    fn confirm(&mut self, start: usize) {
        let Some(i) = self.open else { return };
        let Some((SpanState::Suggested, k)) = self.docs[i].find(start) else {
            self.menu = Menu::None;
            return;
        };
        let id = self.docs[i].doc.id.clone();
        let before = self.edit_doc(i, |d| {
            let s = d.suggestions.remove(k);
            d.spans.push(s);
            d.spans.sort();
        });
        self.push_undo(vec![(id, before)]);
        self.focused = Some(start);
        self.menu = Menu::None;
    }

    fn delete(&mut self, start: usize) {
        let Some(i) = self.open else { return };
        let Some((state, k)) = self.docs[i].find(start) else { return };
        let id = self.docs[i].doc.id.clone();
        let before = self.edit_doc(i, |d| {
            match state {
                SpanState::Confirmed => d.spans.remove(k),
                _ => d.suggestions.remove(k),
            };
        });
        self.push_undo(vec![(id, before)]);
        self.menu = Menu::None;
        self.offer = None;
        // The focus goes on to the span after it (else the one before), not
        // to the page.
        let before =
            self.open_entry().and_then(|e| e.view_spans().iter().rev().find(|s| s.start < start).map(|s| s.start));
        self.focused = self.span_after(start).or(before);
    }

    fn accept_all(&mut self) {
        let Some(i) = self.open else { return };
        if self.docs[i].doc.suggestions.is_empty() {
            self.message = info(self.lang.t(T::NoSuggestions));
            return;
        }
        let id = self.docs[i].doc.id.clone();
        let n = self.docs[i].doc.suggestions.len();
        let before = self.edit_doc(i, |d| {
            let s = std::mem::take(&mut d.suggestions);
            d.spans.extend(s);
            d.spans.sort();
        });
        self.push_undo(vec![(id, before)]);
        self.menu = Menu::None;
        self.message = info(self.lang.f(T::Accepted, &[&self.lang.count(n, Noun::Suggestion)]));
    }

    fn apply_everywhere(&mut self, all: bool) {
        let Some(offer) = self.offer.take() else { return };
        let Some(open) = self.open else { return };
        let targets: Vec<usize> = if all { (0..self.docs.len()).collect() } else { vec![open] };
        let mut changes = Vec::new();
        let mut labelled = 0;
        for i in targets {
            let found = self.applicable(i, &offer.key);
            if found.is_empty() {
                continue;
            }
            labelled += found.len();
            let id = self.docs[i].doc.id.clone();
            let label = offer.label.clone();
            let before = self.edit_doc(i, move |d| {
                let new: Vec<Span> = found.iter().map(|r| Span::new(r.start, r.end, label.clone())).collect();
                d.suggestions.retain(|s| !new.iter().any(|n| n.overlaps(s)));
                d.spans.extend(new);
                d.spans.sort();
            });
            changes.push((id, before));
        }
        self.push_undo(changes);
        let more = self.lang.count(labelled, Noun::MoreOccurrence);
        self.message = info(self.lang.f(T::LabelledMore, &[&more, &offer.text, &offer.label]));
    }

    fn mark_done_next(&mut self) {
        let Some(i) = self.open else { return };
        if let n @ 1.. = self.docs[i].disputes.len() {
            let left = self.lang.count(n, Noun::DisagreementIs);
            self.message = error(self.lang.f(T::NotSettled, &[&left]));
            return;
        }
        let id = self.docs[i].doc.id.clone();
        let before = self.edit_doc(i, |d| d.status = Status::Done);
        self.status_changed(i, before.status);
        self.push_undo(vec![(id, before)]);
        self.menu = Menu::None;
        self.offer = None;
        let n = self.docs.len();
        match (1..n).map(|k| (i + k) % n).find(|&j| self.docs[j].doc.status != Status::Done) {
            Some(j) => {
                self.open_doc(j);
                self.message = None;
            }
            None => self.message = info(self.lang.t(T::AllDone)),
        }
    }

    /// [`Action::FocusUnsure`]: the suggestion after the focused one in
    /// the order least sure first ([`Entry::next_unsure`]), or the least sure.
    fn focus_unsure(&mut self) {
        let Some(e) = self.open_entry() else { return };
        if let Some(start) = e.next_unsure(self.focused) {
            self.focused = Some(start);
            self.menu = Menu::None;
        }
    }

    fn move_focus(&mut self, forward: bool) {
        let Some(e) = self.open_entry() else { return };
        let spans = e.view_spans();
        if spans.is_empty() {
            return;
        }
        // From the word cursor: the first span at or after it (before it).
        if let (Some(r), None) = (self.caret_range(), self.focused) {
            let at = if forward {
                spans.iter().find(|s| s.end > r.start).or(spans.first())
            } else {
                spans.iter().rev().find(|s| s.start < r.end).or(spans.last())
            };
            self.focused = at.map(|s| s.start);
            self.caret = None;
            self.menu = Menu::None;
            return;
        }
        let next = match (self.focused, forward) {
            (None, true) => spans.first(),
            (None, false) => spans.last(),
            (Some(f), true) => spans.iter().find(|s| s.start > f).or(spans.first()),
            (Some(f), false) => spans.iter().rev().find(|s| s.start < f).or(spans.last()),
        };
        self.focused = next.map(|s| s.start);
        self.menu = Menu::None;
    }
}

impl AppState {
    /// [`Action::Reread`]: the stored state as at startup, with revisions
    /// past every earlier one, so whatever is memoized on them is redone.
    fn reread(self: Rc<Self>, docs: Vec<Loaded>, labels: Option<LabelSet>) -> Rc<Self> {
        let open = self.open_entry().map(|e| e.doc.id.clone());
        let base = self.rev;
        let mut s = (*self.reduce(Action::Loaded { docs, labels, open })).clone();
        for (k, e) in s.docs.iter_mut().enumerate() {
            let e = Rc::make_mut(e);
            e.rev = base + 1 + k as u64;
            e.text_gen = e.rev;
        }
        s.rev = base + s.docs.len() as u64 + 1;
        s.saved_rev = s.rev;
        s.undo.clear();
        s.redo.clear();
        Rc::new(s)
    }
}

impl Reducible for AppState {
    type Action = Action;

    /// Dispatches to one short method per action (`state/reduce.rs`).
    /// No-ops return `self`, so nothing re-renders or saves.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        if action.is_noop(&self) {
            return self;
        }
        if let Action::Reread { docs, labels } = action {
            return self.reread(docs, labels);
        }
        if matches!(self.tab, TabRole::Watching(_)) && action.edits(&self) {
            let mut s = (*self).clone();
            s.menu = Menu::None;
            s.offer = None;
            s.message = error(s.lang.t(T::ReadOnly));
            return Rc::new(s);
        }
        let mut s = (*self).clone();
        if !s.apply(action) {
            return self;
        }
        if matches!(s.tab, TabRole::Watching(_)) {
            // Nothing here is to be saved (edits are refused; what changes is
            // the open document and suggestions): `#save-status` says "saved",
            // not a "saving…" that would never end.
            s.saved_rev = s.rev;
        }
        Rc::new(s)
    }
}

mod cursor;
mod documents;
mod entities;
mod labels;
mod model;
mod reduce;
mod team;

pub use cursor::{Caret, Edge};
pub use documents::{PendingImport, Reading};
pub use entities::Entity;
pub use model::{Learned, ModelEvent, ModelState};
pub use team::{Pick, Team, TeamEvent};

#[cfg(test)]
mod tests;

/// A watching tab (another tab edits) refuses every edit and saves nothing.
#[cfg(test)]
mod tab_tests {
    use super::*;

    const T: &str = "رئیس انجمن گفت و ایران آمد.";

    fn loaded(tab: TabRole) -> Rc<AppState> {
        let doc = Document::new("a", T);
        let docs = vec![Loaded { doc, suggested: true, opened: false, learned: None, disputes: Vec::new() }];
        let s = Rc::new(AppState::english()).reduce(Action::Tab(tab));
        let s = s.reduce(Action::Loaded { docs, labels: None, open: None });
        s.reduce(Action::SuggestionsUpdated { id: "a".into(), spans: vec![Span::new(0, 4, "ROLE")] })
    }

    fn edits() -> Vec<Action> {
        vec![
            Action::Label { start: 5, end: 10, label: "ORG".into() },
            Action::Relabel { start: 0, label: "PER".into() },
            Action::Confirm { start: 0 },
            Action::Delete { start: 0 },
            Action::AcceptAll,
            Action::MarkDoneNext,
            Action::AddLabel,
            Action::RemoveLabel(0),
            Action::AddDocuments { docs: vec![Document::new("b", "متن")], errors: vec![] },
            Action::Focus(Some(0)),
            Action::LabelKey("1".into()),
            Action::DeleteFocused,
        ]
    }

    #[test]
    fn a_watching_tab_refuses_every_edit() {
        let mut s = loaded(TabRole::Watching(Why::Busy));
        let (docs, labels, rev) = (s.docs.clone(), s.labels.clone(), s.rev);
        for a in edits() {
            s = s.reduce(a);
            assert_eq!(s.docs, docs);
            assert_eq!(s.labels, labels);
            assert_eq!(s.rev, rev, "nothing to save");
            assert!(!s.can_undo());
        }
        assert_eq!(s.message.as_ref().map(|m| m.text.as_str()), Some(Lang::En.t(T::ReadOnly)));
        let s = s.reduce(Action::SuggestionsUpdated { id: "a".into(), spans: vec![Span::new(5, 10, "ORG")] });
        assert_eq!(s.saved_rev, s.rev, "a watching tab has nothing to save");
        assert!(s.message.as_ref().unwrap().error);
        // Browsing is not editing: focusing and opening are allowed.
        assert_eq!(s.focused, Some(0));
    }

    #[test]
    fn the_editing_tab_edits_and_losing_the_lock_stops_it() {
        let mut s = loaded(TabRole::Editor);
        let rev = s.rev;
        s = s.reduce(Action::Relabel { start: 0, label: "PER".into() });
        assert_eq!(s.docs[0].doc.spans, vec![Span::new(0, 4, "PER")]);
        assert!(s.rev > rev);
        s = s.reduce(Action::OpenMenu(Menu::Span { start: 0, x: 0, y: 0 }));
        s = s.reduce(Action::Tab(TabRole::Watching(Why::Taken)));
        assert_eq!(s.menu, Menu::None, "an open menu closes when the tab stops editing");
        let before = s.docs.clone();
        s = s.reduce(Action::Undo);
        s = s.reduce(Action::Delete { start: 0 });
        assert_eq!(s.docs, before);
        assert_eq!(s.tab, TabRole::Watching(Why::Taken));
        let s = s.reduce(Action::Model(ModelEvent::Imported { docs_learned: 3, labels: vec!["PER".into()] }));
        assert!(s.message.as_ref().is_some_and(|m| m.error && m.text.contains("not saved")));
    }

    #[test]
    fn a_reread_shows_the_stored_state_with_new_revisions() {
        let s = loaded(TabRole::Watching(Why::Busy));
        let s = s.reduce(Action::Open(0));
        let (rev, text_gen) = (s.docs[0].rev, s.docs[0].text_gen);
        let mut doc = Document::new("a", T);
        doc.spans = vec![Span::new(0, 4, "PER")];
        let other = Document::new("b", "متن دیگر");
        let docs = [other, doc]
            .into_iter()
            .map(|doc| Loaded { doc, suggested: true, opened: true, learned: None, disputes: Vec::new() })
            .collect();
        let r = s.clone().reduce(Action::Reread { docs, labels: None });
        assert_eq!(r.open_entry().unwrap().doc.id, "a", "the open document stays open");
        assert_eq!(r.open_entry().unwrap().doc.spans, vec![Span::new(0, 4, "PER")]);
        assert!(r.docs.iter().all(|e| e.rev > s.rev), "{rev} {}", r.docs[1].rev);
        assert_ne!(r.docs[1].text_gen, text_gen);
        assert!(r.rev > s.rev);
        assert_eq!(r.saved_rev, r.rev, "nothing to save");
        assert_eq!(r.tab, s.tab);
    }
}
