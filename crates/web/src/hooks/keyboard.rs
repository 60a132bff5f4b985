//! The keyboard flow: one `keydown` listener on the window, and one table
//! of keys, [`KEYS`], that both this handler reads and the help
//! (`components/help.rs`) shows, so the help lists every key there is.
//! Keys typed into inputs, textareas (paste box, labels editor) are left alone.

use crate::i18n::T;
use crate::state::{Action, Edge, Menu, Panel, Pick, TeamEvent};
use crate::{dom, AppHandle};
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What a key does; [`command`] turns it into an action for the state at hand.
/// (`Settle` stays the last: the table's test counts up to it.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Cmd {
    NextSpan,
    PrevSpan,
    NextSuggestion,
    Unsure,
    Confirm,
    SpanMenu,
    Delete,
    LabelKey,
    CaretNext,
    CaretPrev,
    ExtendNext,
    ExtendPrev,
    LineDown,
    LineUp,
    GrowStart,
    ShrinkStart,
    GrowEnd,
    ShrinkEnd,
    NextDoc,
    PrevDoc,
    DoneNext,
    AcceptAll,
    Search,
    Entities,
    Undo,
    Redo,
    Help,
    Escape,
    /// Answered by the open menu itself (`components/span_menu.rs`).
    MenuItems,
    NextDispute,
    PrevDispute,
    Take,
    Settle,
}

/// A key as [`effective_key`] gives it, with its modifiers. `shift: None`:
/// either (the character says it already, as `?`); `alt: None`: either,
/// and Alt held changes the step to one character.
#[derive(Debug, Clone, Copy)]
pub struct Chord {
    pub key: &'static str,
    pub ctrl: bool,
    pub shift: Option<bool>,
    pub alt: Option<bool>,
}

/// Any key of the label set.
pub const LABEL: &str = "label";
/// A digit 1…9.
pub const DIGIT: &str = "digit";

const fn k(key: &'static str) -> Chord {
    Chord { key, ctrl: false, shift: Some(false), alt: Some(false) }
}
const fn shift(key: &'static str) -> Chord {
    Chord { key, ctrl: false, shift: Some(true), alt: Some(false) }
}
/// The character names the key (`?`, a label key): Shift as it comes.
const fn ch(key: &'static str) -> Chord {
    Chord { key, ctrl: false, shift: None, alt: Some(false) }
}
/// Alt held or not (a word, or one character with Alt).
const fn alt_or_not(c: Chord) -> Chord {
    Chord { alt: None, ..c }
}
const fn ctrl(c: Chord) -> Chord {
    Chord { ctrl: true, ..c }
}

/// One row of the table: the keys, what they do, the command.
pub struct Binding {
    pub chords: &'static [Chord],
    /// What they do (the help's text).
    pub what: T,
    pub cmd: Cmd,
}

const fn b(chords: &'static [Chord], what: T, cmd: Cmd) -> Binding {
    Binding { chords, what, cmd }
}

/// Every key the app answers to, in the help's order.
pub const KEYS: &[Binding] = &[
    b(&[k("Tab")], T::KeyNextSpan, Cmd::NextSpan),
    b(&[shift("Tab")], T::KeyPrevSpan, Cmd::PrevSpan),
    b(&[k("s")], T::KeyNextSuggestion, Cmd::NextSuggestion),
    b(&[k("u")], T::KeyUnsure, Cmd::Unsure),
    b(&[k("Enter")], T::KeyConfirm, Cmd::Confirm),
    b(&[k(" ")], T::KeySpanMenu, Cmd::SpanMenu),
    b(&[k("Delete"), k("Backspace")], T::KeyDelete, Cmd::Delete),
    b(&[ch(LABEL)], T::KeyLabelKey, Cmd::LabelKey),
    b(&[k("ArrowLeft")], T::KeyCaretNext, Cmd::CaretNext),
    b(&[k("ArrowRight")], T::KeyCaretPrev, Cmd::CaretPrev),
    b(&[shift("ArrowLeft")], T::KeyExtendNext, Cmd::ExtendNext),
    b(&[shift("ArrowRight")], T::KeyExtendPrev, Cmd::ExtendPrev),
    b(&[ch("ArrowDown")], T::KeyLineDown, Cmd::LineDown),
    b(&[ch("ArrowUp")], T::KeyLineUp, Cmd::LineUp),
    b(&[alt_or_not(k("["))], T::KeyGrowStart, Cmd::GrowStart),
    b(&[alt_or_not(shift("["))], T::KeyShrinkStart, Cmd::ShrinkStart),
    b(&[alt_or_not(k("]"))], T::KeyGrowEnd, Cmd::GrowEnd),
    b(&[alt_or_not(shift("]"))], T::KeyShrinkEnd, Cmd::ShrinkEnd),
    b(&[k("j")], T::KeyNextDoc, Cmd::NextDoc),
    b(&[k("k")], T::KeyPrevDoc, Cmd::PrevDoc),
    b(&[k("n")], T::KeyDoneNext, Cmd::DoneNext),
    b(&[k("a")], T::KeyAcceptAll, Cmd::AcceptAll),
    b(&[k("/")], T::KeySearch, Cmd::Search),
    b(&[shift("e")], T::KeyEntities, Cmd::Entities),
    b(&[ctrl(k("z"))], T::KeyUndo, Cmd::Undo),
    b(&[ctrl(shift("z")), ctrl(k("y"))], T::KeyRedo, Cmd::Redo),
    b(&[ch("?")], T::KeyHelp, Cmd::Help),
    b(&[k("Escape")], T::KeyEscape, Cmd::Escape),
    b(&[k("ArrowDown"), k("ArrowUp"), k("Home"), k("End")], T::KeyMenuItems, Cmd::MenuItems),
    b(&[k("d")], T::KeyNextDispute, Cmd::NextDispute),
    b(&[shift("d")], T::KeyPrevDispute, Cmd::PrevDispute),
    b(&[ch(DIGIT)], T::KeyTake, Cmd::Take),
    b(&[k("b"), k("x"), k("e")], T::KeySettle, Cmd::Settle),
];

impl Chord {
    /// As the help shows it (`Ctrl+Shift+Z`, `Shift+←`); label keys are
    /// the set's, given by the caller.
    pub fn label(&self, label_keys: &str) -> String {
        let key = match self.key {
            LABEL => label_keys.to_string(),
            DIGIT => "1…9".into(),
            "ArrowLeft" => "←".into(),
            "ArrowRight" => "→".into(),
            "ArrowUp" => "↑".into(),
            "ArrowDown" => "↓".into(),
            " " => "Space".into(),
            k if self.ctrl => k.to_ascii_uppercase(),
            k => k.into(),
        };
        let mods = [(self.ctrl, "Ctrl+"), (self.shift == Some(true), "Shift+"), (self.alt == Some(true), "Alt+")];
        mods.iter().filter(|m| m.0).map(|m| m.1).collect::<String>() + &key
    }

    fn matches(&self, key: &str, ctrl: bool, shift: bool, alt: bool, is_label: bool) -> bool {
        let key_ok = match self.key {
            LABEL => is_label,
            DIGIT => key.len() == 1 && key.as_bytes()[0].is_ascii_digit() && key != "0",
            k if k.len() == 1 && k.as_bytes()[0].is_ascii_alphabetic() => key.eq_ignore_ascii_case(k),
            k => k == key,
        };
        key_ok && self.ctrl == ctrl && self.shift.is_none_or(|s| s == shift) && self.alt.is_none_or(|a| a == alt)
    }
}

/// The key as on a Latin layout: with a Persian (or Arabic) layout active,
/// the digit and letter keys give Persian characters (`۱`, `ش` for A), so
/// for a single non-ASCII character the physical key (`Digit1`, `KeyA`,
/// `Minus`) decides; digits of the Persian and Arabic-Indic blocks count as
/// ASCII digits, and the Persian question mark is `?`. The bracket keys are
/// always `[` and `]` (Shift or Alt held, any layout), and the slash key
/// giving another character without Shift is `/`.
pub(crate) fn effective_key(key: &str, code: &str, shift: bool) -> String {
    match code {
        "BracketLeft" => return "[".into(),
        "BracketRight" => return "]".into(),
        _ => {}
    }
    let mut chars = key.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else { return key.to_string() };
    if c.is_ascii() {
        return key.to_string();
    }
    if let Some(d) = code.strip_prefix("Digit") {
        return d.to_string();
    }
    if let Some(l) = code.strip_prefix("Key") {
        return l.to_ascii_lowercase();
    }
    if code == "Minus" {
        return "-".to_string();
    }
    if code == "Slash" && !shift && c != '؟' {
        return "/".to_string();
    }
    match c {
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8).to_string(),
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8).to_string(),
        '؟' => "?".to_string(),
        _ => key.to_string(),
    }
}

/// What the handler does with a key.
enum Outcome {
    /// Dispatch the action; the browser does nothing more.
    Act(Action),
    /// Dispatch the action and let the browser act too (Tab leaving the text).
    AndDefault(Action),
    /// Done here (no action); the browser does nothing more.
    Handled,
}

/// The span and label menus (not the header's menu).
const SPAN_MENUS: &str = "#span-menu, #label-menu";

/// Where the keys of the text apply (Tab, the arrows): the page itself, the
/// document view and its spans, or an open span/label menu.
fn in_text(target: Option<&web_sys::Element>) -> bool {
    let Some(el) = target else { return true };
    el.tag_name() == "BODY" || el.closest(&format!("#doc-view, {SPAN_MENUS}")).ok().flatten().is_some()
}

/// The table's command for a key, in the state at hand (`None`: not here).
fn command(app: &AppHandle, cmd: Cmd, key: &str, e: &web_sys::KeyboardEvent) -> Option<Outcome> {
    use Outcome::{Act, AndDefault, Handled};
    let target = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let on_button = target.as_ref().is_some_and(|t| t.dyn_ref::<web_sys::HtmlButtonElement>().is_some());
    let in_menu = target.as_ref().and_then(|t| t.closest(SPAN_MENUS).ok().flatten()).is_some();
    let text = in_text(target.as_ref()) && app.open.is_some();
    let focused = app.focused.is_some();
    let by_char = e.alt_key();
    let resize = |edge, grow| focused.then_some(Act(Action::Resize { edge, grow, by_char }));
    let caret = |forward, extend| (text && !in_menu).then_some(Act(Action::Caret { forward, extend }));
    Some(match cmd {
        Cmd::NextSpan | Cmd::PrevSpan => {
            let forward = cmd == Cmd::NextSpan;
            let on_view = target.as_ref().is_some_and(|t| t.id() == "doc-view");
            if !text || (on_view && !forward) {
                return None;
            }
            // Only from a span: from the text itself Tab enters the spans.
            let on_span = target.as_ref().is_some_and(|t| t.matches("mark.span").unwrap_or(false));
            if app.focus_leaves(forward) && on_span {
                return Some(AndDefault(Action::Focus(None)));
            }
            Act(if forward { Action::FocusNext } else { Action::FocusPrev })
        }
        Cmd::NextSuggestion => Act(Action::FocusSuggestion),
        Cmd::Unsure => Act(app.open.map(|_| Action::FocusUnsure)?),
        // On a button, Enter and Space press the button.
        Cmd::Confirm if !on_button => Act(Action::ConfirmFocused),
        Cmd::SpanMenu if !on_button => {
            let start = app.focused?;
            let (x, y) = dom::span_element(start).map(|el| dom::menu_position_for(&el)).unwrap_or((20, 80));
            Act(Action::OpenMenu(Menu::Span { start, x, y }))
        }
        Cmd::Delete => Act(Action::DeleteFocused),
        Cmd::LabelKey => {
            // With no menu open, a selection made by the mouse is labelled.
            if app.menu == Menu::None && app.caret.is_none() && dom::selection_chars().is_some() {
                let r = dom::snapped_selection(app.open_entry()?)?;
                dom::clear_selection();
                let label = app.labels.by_key(key)?.name.clone();
                return Some(Act(Action::Label { start: r.start, end: r.end, label }));
            }
            if matches!(app.menu, Menu::Label { .. }) {
                dom::clear_selection();
            }
            Act(Action::LabelKey(key.to_string()))
        }
        Cmd::CaretNext => caret(true, false)?,
        Cmd::CaretPrev => caret(false, false)?,
        Cmd::ExtendNext => caret(true, true)?,
        Cmd::ExtendPrev => caret(false, true)?,
        Cmd::LineDown | Cmd::LineUp => {
            if !text || in_menu {
                return None;
            }
            // From the cursor's head (or the focused span, or the text's start).
            let from = app.caret.map(|c| c.head).or(app.focused).unwrap_or(0);
            let pos = dom::line_neighbour(from, cmd == Cmd::LineDown)?;
            Act(Action::CaretAt { pos, extend: e.shift_key() })
        }
        Cmd::GrowStart => resize(Edge::Start, true)?,
        Cmd::ShrinkStart => resize(Edge::Start, false)?,
        Cmd::GrowEnd => resize(Edge::End, true)?,
        Cmd::ShrinkEnd => resize(Edge::End, false)?,
        Cmd::NextDoc => Act(Action::OpenNext(true)),
        Cmd::PrevDoc => Act(Action::OpenNext(false)),
        Cmd::DoneNext => Act(Action::MarkDoneNext),
        Cmd::AcceptAll => Act(Action::AcceptAll),
        Cmd::Search => {
            // On a phone the list is a sheet: open it first.
            if !dom::focus_id("doc-search") {
                app.dispatch(Action::TogglePanel(Panel::Documents));
                gloo::timers::callback::Timeout::new(0, || {
                    dom::focus_id("doc-search");
                })
                .forget();
            }
            Handled
        }
        Cmd::Entities => {
            gloo::timers::callback::Timeout::new(0, || {
                dom::focus_id("entity-search");
            })
            .forget();
            Act(Action::TogglePanel(Panel::Entities))
        }
        Cmd::Undo => Act(Action::Undo),
        Cmd::Redo => Act(Action::Redo),
        Cmd::Help => Act(Action::TogglePanel(Panel::Help)),
        Cmd::Escape => {
            dom::clear_selection();
            Act(Action::CloseAll)
        }
        Cmd::NextDispute | Cmd::PrevDispute => {
            app.team.review.then_some(Act(Action::Team(TeamEvent::NextDispute(cmd == Cmd::NextDispute))))?
        }
        Cmd::Take | Cmd::Settle => {
            // only on a focused disagreement
            let f = app.focused.filter(|_| app.team.review)?;
            app.open_entry()?.disputes.iter().find(|d| d.start == f)?;
            let pick = match key {
                "b" => Pick::All,
                "x" => Pick::Nothing,
                "e" => Pick::Edit,
                k => Pick::Take(k.parse::<usize>().ok().filter(|&n| n >= 1)? - 1),
            };
            Act(Action::Team(TeamEvent::Settle(pick)))
        }
        Cmd::MenuItems | Cmd::Confirm | Cmd::SpanMenu => return None,
    })
}

/// The review's rows are tried first: on a disagreement a digit takes a
/// version, not a label.
fn is_review(cmd: Cmd) -> bool {
    matches!(cmd, Cmd::NextDispute | Cmd::PrevDispute | Cmd::Take | Cmd::Settle)
}

/// What a key does: the first row of [`KEYS`] that matches and applies.
fn outcome(app: &AppHandle, e: &web_sys::KeyboardEvent) -> Option<Outcome> {
    let shift = e.shift_key();
    let key = effective_key(&e.key(), &e.code(), shift);
    if app.pending_import.is_some() {
        // The import dialog has the keys (Tab, Enter, arrows between its
        // choices); Escape cancels it.
        return (key == "Escape").then_some(Outcome::Act(Action::CancelImport));
    }
    let (ctrl, alt) = (e.ctrl_key() || e.meta_key(), e.alt_key());
    let is_label = app.labels.by_key(&key).is_some();
    let rows = KEYS.iter().filter(|r| is_review(r.cmd)).chain(KEYS.iter().filter(|r| !is_review(r.cmd)));
    rows.filter(|r| r.chords.iter().any(|c| c.matches(&key, ctrl, shift, alt, is_label)))
        .find_map(|r| command(app, r.cmd, &key, e))
}

/// Listens to `keydown` on the window while the app is mounted. One
/// listener is enough: a reducer handle always reads the current state.
#[hook]
pub fn use_keyboard(app: AppHandle) {
    use_effect_with((), move |_| {
        let window = web_sys::window().expect("a browser window");
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(&window, "keydown", options, move |e| {
            let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
            if e.is_composing() || dom::is_typing_target(e.target()) {
                return;
            }
            match outcome(&app, e) {
                Some(Outcome::Act(action)) => {
                    e.prevent_default();
                    app.dispatch(action);
                }
                Some(Outcome::AndDefault(action)) => app.dispatch(action),
                Some(Outcome::Handled) => e.prevent_default(),
                None => {}
            }
        });
        move || drop(listener)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn persian_layout_keys_act_like_latin_ones() {
        let ek = |k, c| effective_key(k, c, false);
        assert_eq!(ek("۳", "Digit3"), "3");
        assert_eq!(ek("ش", "KeyA"), "a");
        assert_eq!(ek("د", "KeyN"), "n");
        assert_eq!(ek("ظ", "KeyZ"), "z");
        assert_eq!(ek("-", "Minus"), "-");
        // an on-screen keyboard may send no code
        assert_eq!(ek("۷", ""), "7");
        assert_eq!(ek("٤", ""), "4");
        assert_eq!(ek("Tab", "Tab"), "Tab");
        assert_eq!(effective_key("?", "Slash", true), "?");
        assert_eq!(effective_key("؟", "Slash", true), "?");
        assert_eq!(ek("پ", "Backslash"), "پ");
        // the brackets (ج and چ on a Persian layout, “ with Alt on a Mac)
        assert_eq!(ek("ج", "BracketLeft"), "[");
        assert_eq!(effective_key("{", "BracketLeft", true), "[");
        assert_eq!(ek("‘", "BracketRight"), "]");
        assert_eq!(ek("/", "Slash"), "/");
        assert_eq!(ek("?", "Slash"), "?", "a `?` sent without Shift held");
        assert_eq!(ek("ظ", "Slash"), "/");
    }

    /// Every command has a row of the table (so the help lists it), and no
    /// two rows of the text's commands answer to the same chord.
    #[test]
    fn the_table_lists_every_command_once() {
        // every variant, 0 ..= Settle (the last), has exactly one row
        let mut cmds: Vec<u8> = KEYS.iter().map(|r| r.cmd as u8).collect();
        cmds.sort_unstable();
        assert_eq!(cmds, (0..=Cmd::Settle as u8).collect::<Vec<_>>());
        let rows = |key: &str, shift, alt| {
            KEYS.iter()
                .filter(|r| !is_review(r.cmd) && r.chords.iter().any(|c| c.matches(key, false, shift, alt, false)))
                .count()
        };
        for key in ["[", "]", "ArrowLeft", "Tab", "s", "j", "k", "/", "a", "n", "u"] {
            for shift in [false, true] {
                assert!(rows(key, shift, false) <= 1, "{key} {shift}");
            }
        }
        assert_eq!(rows("[", false, true), 1, "Alt+[ grows by a character");
    }

    #[test]
    fn chords_read_as_the_help_shows_them() {
        let redo: Vec<String> =
            KEYS.iter().find(|r| r.cmd == Cmd::Redo).unwrap().chords.iter().map(|c| c.label("")).collect();
        assert_eq!(redo, ["Ctrl+Shift+Z", "Ctrl+Y"]);
        assert_eq!(shift("ArrowLeft").label(""), "Shift+←");
        assert_eq!(ch(LABEL).label("1 2 3"), "1 2 3");
        assert_eq!(alt_or_not(shift("[")).label(""), "Shift+[");
    }
}
