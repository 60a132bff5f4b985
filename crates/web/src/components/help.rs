//! `#help-overlay`: every key.

use super::use_app;
use crate::state::{Action, Panel};
use yew::prelude::*;

/// Every key the app answers to, with what it does.
pub const KEYS: &[(&str, &str)] = &[
    ("Tab / Shift+Tab", "next / previous span"),
    ("u", "next least-confident suggestion"),
    ("Enter", "confirm the focused span"),
    ("Space", "open the focused span's menu"),
    ("Delete / Backspace", "delete the focused span"),
    ("1…9, 0, -", "label the selection, or relabel (and confirm) the focused span"),
    ("a", "accept all suggestions of this document"),
    ("n", "mark done and open the next document"),
    ("Ctrl+Z", "undo"),
    ("Ctrl+Shift+Z / Ctrl+Y", "redo"),
    ("?", "this help"),
    ("Escape", "close menus and panels"),
    ("d / Shift+D", "review: next / previous disagreement"),
    ("1…9 (on a disagreement)", "review: take that annotator's version"),
    ("b / x / e", "review: take every version, none, or none and edit the versions as suggestions"),
];

#[function_component]
pub fn HelpOverlay() -> Html {
    let app = use_app();
    let close = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::TogglePanel(Panel::Help)))
    };
    let labels = app.labels.labels.iter().map(|l| {
        html! { <tr key={l.name.clone()}><td><kbd>{ l.key.clone() }</kbd></td><td>{ l.name.clone() }</td></tr> }
    });
    html! {
        <div id="help-overlay" class="overlay" role="dialog" aria-label="Keys" dir="ltr" lang="en">
            <button class="close" aria-label="close" onclick={close}>{ "×" }</button>
            <h2>{ "Keys" }</h2>
            <table>
                { for KEYS.iter().map(|(k, what)| html! { <tr><td><kbd>{ *k }</kbd></td><td>{ *what }</td></tr> }) }
            </table>
            <h3>{ "Label keys" }</h3>
            <table>{ for labels }</table>
            <p>{ "Select text with the mouse to label it: the selection grows to whole words." }</p>
            <p class="notices">
                { "The word lists inside come from openly licensed sources: " }
                <a id="notices" href="NOTICES.txt" target="_blank" rel="noopener">{ "notices" }</a>
                { "." }
            </p>
        </div>
    }
}
