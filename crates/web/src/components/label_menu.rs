//! `#label-menu`: the label for a new selection (already snapped to tokens).

use super::use_app;
use crate::dom;
use crate::i18n::T;
use crate::state::{Action, Menu};
use yew::prelude::*;

#[function_component]
pub fn LabelMenu() -> Html {
    let app = use_app();
    let (x, y) = if let Menu::Label { x, y, .. } = app.menu { (x, y) } else { (0, 0) };
    let placed = crate::styles::use_placed(x, y);
    let key = if let Menu::Label { start, end, .. } = app.menu { (start, end) } else { (usize::MAX, 0) };
    super::span_menu::use_menu_focus(placed.clone(), key);
    let Menu::Label { start, end, replace, .. } = app.menu else { return html! {} };
    // A drag begun inside a span: the new span takes its place.
    let replaces: Option<String> = replace.and_then(|old| {
        let e = app.open_entry()?;
        let s = e.view_spans().into_iter().find(|s| s.start == old && s.start < end && start < s.end)?;
        Some(e.doc.text.chars().skip(s.start).take(s.end - s.start).collect())
    });
    let text: String =
        app.open_entry().map(|e| e.doc.text.chars().skip(start).take(end - start).collect()).unwrap_or_default();
    let labels = app.labels.labels.iter().map(|l| {
        let onclick = {
            let app = app.clone();
            let label = l.name.clone();
            Callback::from(move |_: MouseEvent| {
                dom::clear_selection();
                app.dispatch(match replace {
                    Some(old) => Action::Replace { old, start, end, label: label.clone() },
                    None => Action::Label { start, end, label: label.clone() },
                })
            })
        };
        html! {
            <button key={l.name.clone()} data-label={l.name.clone()} role="menuitem" tabindex="-1" class="label-choice" {onclick}>
                <kbd>{ l.key.clone() }</kbd>{ " " }{ l.name.clone() }
            </button>
        }
    });
    html! {
        <div id="label-menu" role="menu" class="menu" data-start={start.to_string()} data-end={end.to_string()}
            data-replace={replaces.as_ref().and(replace).map(|r| r.to_string())} aria-label={app.lang.t(T::LabelAria)}
            ref={placed} onkeydown={super::span_menu::on_menu_key}>
            <div class="menu-head" dir="rtl" lang="fa">{ "«" }<bdi>{ text }</bdi>{ "»" }</div>
            if let Some(old) = replaces {
                <div class="menu-replaces" dir="rtl" lang="fa">{ "⟵ «" }<bdi>{ old }</bdi>{ "»" }</div>
            }
            <div class="menu-labels">{ for labels }</div>
        </div>
    }
}
