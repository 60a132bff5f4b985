//! `#guidelines-panel`: the annotation guidelines (a copy of the shared
//! `ANNOTATION_GUIDELINES.md`), shown as plain text, one line per element
//! with `dir="auto"` so Persian and English lines each read the right way.

use super::use_app;
use crate::state::{Action, Panel};
use yew::prelude::*;

const GUIDELINES: &str = include_str!("../../assets/guidelines.md");

#[function_component]
pub fn GuidelinesPanel() -> Html {
    let app = use_app();
    let close = Callback::from(move |_: MouseEvent| app.dispatch(Action::TogglePanel(Panel::Guidelines)));
    let lines = GUIDELINES.lines().map(|l| {
        let class = if l.starts_with('#') {
            "g-head"
        } else if l.starts_with('|') {
            "g-table"
        } else {
            "g-line"
        };
        html! { <div {class} dir="auto">{ if l.is_empty() { "\u{a0}" } else { l } }</div> }
    });
    html! {
        <aside id="guidelines-panel" class="panel" role="dialog" aria-label="Guidelines">
            <button class="close" aria-label="close" onclick={close}>{ "×" }</button>
            <div class="guidelines-text">{ for lines }</div>
        </aside>
    }
}
