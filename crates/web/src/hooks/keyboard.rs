//! The keyboard flow: one `keydown` listener on the window. Keys typed into
//! inputs, textareas (paste box, labels editor) are left alone.

use crate::state::{Action, Menu, Panel, Pick, TeamEvent};
use crate::{dom, AppHandle};
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The key as on a Latin layout: with a Persian (or Arabic) layout active,
/// the digit and letter keys give Persian characters (`۱`, `ش` for A), so
/// for a single non-ASCII character the physical key (`Digit1`, `KeyA`,
/// `Minus`) decides; digits of the Persian and Arabic-Indic blocks count as
/// ASCII digits, and the Persian question mark is `?`.
fn effective_key(key: &str, code: &str) -> String {
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
    match c {
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8).to_string(),
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8).to_string(),
        '؟' => "?".to_string(),
        _ => key.to_string(),
    }
}

/// What a key does, given whether a menu is open and a span is focused.
fn action_for(app: &AppHandle, e: &web_sys::KeyboardEvent) -> Option<Action> {
    let key = effective_key(&e.key(), &e.code());
    if app.pending_import.is_some() {
        // The import dialog has the keys (Tab, Enter, arrows between its
        // choices); Escape cancels it.
        return (key == "Escape").then_some(Action::CancelImport);
    }
    let ctrl = e.ctrl_key() || e.meta_key();
    if ctrl {
        return match key.to_ascii_lowercase().as_str() {
            "z" if e.shift_key() => Some(Action::Redo),
            "z" => Some(Action::Undo),
            "y" => Some(Action::Redo),
            _ => None,
        };
    }
    if e.alt_key() {
        return None;
    }
    let on_button = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlButtonElement>().ok()).is_some();
    if let Some(a) = review_key(app, &key, e.shift_key()) {
        return Some(a);
    }
    match key.as_str() {
        "Tab" if app.open.is_some() => Some(if e.shift_key() { Action::FocusPrev } else { Action::FocusNext }),
        "Escape" => {
            dom::clear_selection();
            Some(Action::CloseAll)
        }
        // On a button, Enter and Space press the button.
        "Enter" if !on_button => Some(Action::ConfirmFocused),
        " " if !on_button => {
            let start = app.focused?;
            let (x, y) = dom::span_element(start).map(|el| dom::menu_position_for(&el)).unwrap_or((20, 80));
            Some(Action::OpenMenu(Menu::Span { start, x, y }))
        }
        "Delete" | "Backspace" => Some(Action::DeleteFocused),
        "a" => Some(Action::AcceptAll),
        "n" => Some(Action::MarkDoneNext),
        "u" if app.open.is_some() => Some(Action::FocusUnsure),
        "?" => Some(Action::TogglePanel(Panel::Help)),
        k if app.labels.by_key(k).is_some() => {
            // With no menu open, a selection made by keyboard or mouse is labelled.
            if app.menu == Menu::None {
                if let Some(entry) = app.open_entry() {
                    if dom::selection_chars().is_some() {
                        let r = dom::snapped_selection(entry)?;
                        dom::clear_selection();
                        let label = app.labels.by_key(k)?.name.clone();
                        return Some(Action::Label { start: r.start, end: r.end, label });
                    }
                }
            }
            if matches!(app.menu, Menu::Label { .. }) {
                dom::clear_selection();
            }
            Some(Action::LabelKey(k.to_string()))
        }
        _ => None,
    }
}

/// In review: `d` (Shift: back) goes to the next disagreement; on a
/// focused one, `1`…`9` take that annotator's version, `b` both (all),
/// `x` none, `e` none but the versions as suggestions to edit.
fn review_key(app: &AppHandle, key: &str, shift: bool) -> Option<Action> {
    if !app.team.review {
        return None;
    }
    if key.eq_ignore_ascii_case("d") {
        return Some(Action::Team(TeamEvent::NextDispute(!shift)));
    }
    let f = app.focused?;
    app.open_entry()?.disputes.iter().find(|d| d.start == f)?;
    let pick = match key {
        "b" => Pick::All,
        "x" => Pick::Nothing,
        "e" => Pick::Edit,
        k => Pick::Take(k.parse::<usize>().ok().filter(|&n| n >= 1)? - 1),
    };
    Some(Action::Team(TeamEvent::Settle(pick)))
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
            if let Some(action) = action_for(&app, e) {
                e.prevent_default();
                app.dispatch(action);
            }
        });
        move || drop(listener)
    });
}

#[cfg(test)]
mod tests {
    use super::effective_key;

    #[test]
    fn persian_layout_keys_act_like_latin_ones() {
        assert_eq!(effective_key("۳", "Digit3"), "3");
        assert_eq!(effective_key("ش", "KeyA"), "a");
        assert_eq!(effective_key("د", "KeyN"), "n");
        assert_eq!(effective_key("ظ", "KeyZ"), "z");
        assert_eq!(effective_key("-", "Minus"), "-");
        // an on-screen keyboard may send no code
        assert_eq!(effective_key("۷", ""), "7");
        assert_eq!(effective_key("٤", ""), "4");
        assert_eq!(effective_key("Tab", "Tab"), "Tab");
        assert_eq!(effective_key("?", "Slash"), "?");
        assert_eq!(effective_key("؟", "Slash"), "?");
        assert_eq!(effective_key("پ", "Backslash"), "پ");
    }
}
