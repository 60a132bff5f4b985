//! `#span-menu`: confirm, delete or relabel the clicked (or focused) span.

use super::use_app;
use crate::state::{Action, Menu, SpanState};
use crate::styles::use_placed;
use yew::prelude::*;

#[function_component]
pub fn SpanMenu() -> Html {
    let app = use_app();
    let (x, y) = if let Menu::Span { x, y, .. } = app.menu { (x, y) } else { (0, 0) };
    let placed = use_placed(x, y);
    let Menu::Span { start, .. } = app.menu else { return html! {} };
    let Some(span) = app.open_entry().and_then(|e| e.view_spans().into_iter().find(|s| s.start == start)) else {
        return html! {};
    };
    let act = |a: Action| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(a.clone()))
    };
    let labels = app.labels.labels.iter().map(|l| {
        let current = l.name == span.label;
        html! {
            <button key={l.name.clone()} data-label={l.name.clone()} role="menuitem"
                class={classes!("label-choice", current.then_some("current"))}
                onclick={act(Action::Relabel { start, label: l.name.clone() })}>
                <kbd>{ l.key.clone() }</kbd>{ " " }{ l.name.clone() }
            </button>
        }
    });
    let confirmed = span.state == SpanState::Confirmed;
    let text: String = app
        .open_entry()
        .map(|e| e.doc.text.chars().skip(span.start).take(span.end - span.start).collect())
        .unwrap_or_default();
    html! {
        <div id="span-menu" role="menu" class="menu" ref={placed}>
            <div class="menu-head" dir="auto">
                <span class="menu-label" data-label={span.label.clone()}>{ span.label.clone() }</span>
                { format!(" [{}, {}) {}", span.start, span.end, span.state.as_str()) }
            </div>
            <div class="menu-text" dir="rtl" lang="fa">{ "«" }<bdi>{ text }</bdi>{ "»" }</div>
            <div class="menu-actions">
                <button data-action="confirm" role="menuitem" disabled={confirmed} onclick={act(Action::Confirm { start })}>
                    <kbd>{ "Enter" }</kbd>{ " Confirm" }
                </button>
                <button data-action="delete" role="menuitem" onclick={act(Action::Delete { start })}>
                    <kbd>{ "Del" }</kbd>{ " Delete" }
                </button>
            </div>
            <div class="menu-labels">{ for labels }</div>
        </div>
    }
}
