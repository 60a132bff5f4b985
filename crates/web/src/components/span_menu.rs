//! `#span-menu`: confirm, delete or relabel the clicked (or focused) span.
//! It and `#label-menu` are ARIA menus: the focus goes to the first item
//! when one opens, and the arrow keys, Home and End move it between the
//! items (a roving tabindex: only the focused item is in the Tab order).

use super::use_app;
use crate::i18n::T;
use crate::state::{Action, Menu, SpanState};
use crate::styles::use_placed;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// A menu's items that can be chosen, in order.
fn items(menu: &web_sys::Element) -> Vec<HtmlElement> {
    let Ok(list) = menu.query_selector_all("[role=menuitem]:not([disabled])") else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
}

/// Item `j` gets the focus and the only `tabindex="0"`.
fn rove(items: &[HtmlElement], j: usize) {
    for (i, it) in items.iter().enumerate() {
        let _ = it.set_attribute("tabindex", if i == j { "0" } else { "-1" });
    }
    if let Some(it) = items.get(j) {
        let _ = it.focus();
    }
}

/// `keydown` in a menu: ↓ (and ←, the next in this right-to-left page) and
/// ↑ (→) move the focus to the next and previous item, wrapping; Home and
/// End to the first and last. Enter and Space press the focused item.
pub fn on_menu_key(e: KeyboardEvent) {
    let Some(menu) = e.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let all = items(&menu);
    let n = all.len();
    if n == 0 {
        return;
    }
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    let at = all.iter().position(|it| active.as_ref().is_some_and(|a| a == it.unchecked_ref::<web_sys::Element>()));
    let j = match e.key().as_str() {
        "ArrowDown" | "ArrowLeft" => at.map_or(0, |i| (i + 1) % n),
        "ArrowUp" | "ArrowRight" => at.map_or(n - 1, |i| (i + n - 1) % n),
        "Home" => 0,
        "End" => n - 1,
        _ => return,
    };
    e.prevent_default();
    e.stop_propagation();
    rove(&all, j);
}

/// Focuses the menu's first item once it is shown (`key`: what it is for).
#[hook]
pub fn use_menu_focus(menu: NodeRef, key: (usize, usize)) {
    use_effect_with(key, move |_| {
        gloo::timers::callback::Timeout::new(0, move || {
            if let Some(m) = menu.cast::<web_sys::Element>() {
                rove(&items(&m), 0);
            }
        })
        .forget();
    });
}

#[function_component]
pub fn SpanMenu() -> Html {
    let app = use_app();
    let (x, y) = if let Menu::Span { x, y, .. } = app.menu { (x, y) } else { (0, 0) };
    let placed = use_placed(x, y);
    let key = if let Menu::Span { start, .. } = app.menu { (start, 0) } else { (usize::MAX, 0) };
    use_menu_focus(placed.clone(), key);
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
            <button key={l.name.clone()} data-label={l.name.clone()} role="menuitem" tabindex="-1"
                class={classes!("label-choice", current.then_some("current"))}
                onclick={act(Action::Relabel { start, label: l.name.clone() })}>
                <kbd>{ l.key.clone() }</kbd>{ " " }{ l.name.clone() }
            </button>
        }
    });
    let confirmed = span.state == SpanState::Confirmed;
    let lang = app.lang;
    let state = lang.t(match span.state {
        SpanState::Suggested => T::SpanSuggested,
        SpanState::Confirmed => T::SpanConfirmed,
        SpanState::Disputed => T::SpanDisputed,
    });
    let text: String = app
        .open_entry()
        .map(|e| e.doc.text.chars().skip(span.start).take(span.end - span.start).collect())
        .unwrap_or_default();
    html! {
        <div id="span-menu" role="menu" class="menu" ref={placed} aria-label={lang.t(T::SpanMenuAria)} onkeydown={on_menu_key}>
            <div class="menu-head" dir="auto">
                <span class="menu-label" data-label={span.label.clone()}>{ span.label.clone() }</span>
                { format!(" [{}, {}) {state}", lang.num(span.start), lang.num(span.end)) }
            </div>
            <div class="menu-text" dir="rtl" lang="fa">{ "«" }<bdi>{ text }</bdi>{ "»" }</div>
            <div class="menu-actions">
                <button data-action="confirm" role="menuitem" tabindex="-1" disabled={confirmed} onclick={act(Action::Confirm { start })}>
                    <kbd>{ "Enter" }</kbd>{ lang.t(T::Confirm) }
                </button>
                <button data-action="delete" role="menuitem" tabindex="-1" onclick={act(Action::Delete { start })}>
                    <kbd>{ "Del" }</kbd>{ lang.t(T::Delete) }
                </button>
            </div>
            <div class="menu-labels">{ for labels }</div>
        </div>
    }
}
