//! `#label-menu`: the label for a new selection (already snapped to tokens).

use super::use_app;
use crate::dom;
use crate::state::{Action, Menu};
use yew::prelude::*;

#[function_component]
pub fn LabelMenu() -> Html {
    let app = use_app();
    let (x, y) = if let Menu::Label { x, y, .. } = app.menu { (x, y) } else { (0, 0) };
    let placed = crate::styles::use_placed(x, y);
    let Menu::Label { start, end, .. } = app.menu else { return html! {} };
    let text: String =
        app.open_entry().map(|e| e.doc.text.chars().skip(start).take(end - start).collect()).unwrap_or_default();
    let labels = app.labels.labels.iter().map(|l| {
        let onclick = {
            let app = app.clone();
            let label = l.name.clone();
            Callback::from(move |_: MouseEvent| {
                dom::clear_selection();
                app.dispatch(Action::Label { start, end, label: label.clone() })
            })
        };
        html! {
            <button key={l.name.clone()} data-label={l.name.clone()} role="menuitem" class="label-choice" {onclick}>
                <kbd>{ l.key.clone() }</kbd>{ " " }{ l.name.clone() }
            </button>
        }
    });
    html! {
        <div id="label-menu" role="menu" class="menu" data-start={start.to_string()} data-end={end.to_string()}
            ref={placed}>
            <div class="menu-head" dir="rtl" lang="fa">{ "«" }<bdi>{ text }</bdi>{ "»" }</div>
            <div class="menu-labels">{ for labels }</div>
        </div>
    }
}
