//! `#entities-panel`: every distinct name across all documents with its
//! labels and counts, names labelled differently in two places first
//! (`tr.conflict`); each occurrence jumps to its place; a name is
//! relabelled or deleted everywhere at once (one undo step). Filtered by
//! `#entity-search`; at most [`SHOWN`] rows are drawn.

use super::use_app;
use crate::i18n::{Noun, T};
use crate::state::{Action, Entity, Panel};
use yew::prelude::*;

/// Rows drawn at most (the search narrows the rest).
pub const SHOWN: usize = 300;

fn row(app: &crate::AppHandle, e: &Entity) -> Html {
    let lang = app.lang;
    let labels: Vec<String> = e.labels.iter().map(|(l, n)| format!("{l}:{n}")).collect();
    let shown: Vec<String> = e.labels.iter().map(|(l, n)| format!("{l}:{}", lang.num(n))).collect();
    let relabel = {
        let (app, key) = (app.clone(), e.key.clone());
        Callback::from(move |ev: Event| {
            let select: web_sys::HtmlSelectElement = ev.target_unchecked_into();
            let label = select.value();
            if !label.is_empty() {
                app.dispatch(Action::EditEntity { key: key.clone(), label: Some(label) });
            }
        })
    };
    let delete = {
        let (app, key) = (app.clone(), e.key.clone());
        Callback::from(move |_: MouseEvent| app.dispatch(Action::EditEntity { key: key.clone(), label: None }))
    };
    // One button per document (its first occurrence there, and how many).
    let mut docs: Vec<(usize, usize, usize)> = Vec::new();
    for &(doc, start) in &e.at {
        match docs.last_mut() {
            Some(d) if d.0 == doc => d.2 += 1,
            _ => docs.push((doc, start, 1)),
        }
    }
    let place = |&(doc, start, n): &(usize, usize, usize)| {
        let id = app.docs.get(doc).map(|d| d.doc.id.clone()).unwrap_or_default();
        let app = app.clone();
        let go = Callback::from(move |_: MouseEvent| app.dispatch(Action::Reveal { doc, start }));
        let text = if n > 1 { format!("{id} ×{}", lang.num(n)) } else { id.clone() };
        html! { <button class="occurrence" data-doc={id} data-start={start.to_string()} onclick={go}>{ text }</button> }
    };
    let more = docs.len().saturating_sub(12);
    html! {
        <tr key={e.key.clone()} tabindex="0" data-key={e.key.clone()} data-labels={labels.join(",")} data-count={e.at.len().to_string()}
            class={classes!(e.conflict().then_some("conflict"))}>
            <td class="name" dir="auto" lang="fa">{ e.text.clone() }</td>
            <td class="labels">{ shown.join(" · ") }{ if e.suggested > 0 { format!(" (+{}?)", lang.num(e.suggested)) } else { String::new() } }</td>
            <td class="places">{ for docs.iter().take(12).map(place) }{ if more > 0 { format!(" … +{}", lang.num(more)) } else { String::new() } }</td>
            <td class="actions">
                <select data-action="relabel-all" aria-label={lang.t(T::RelabelAllAria)} onchange={relabel}>
                    <option value="" selected=true>{ lang.t(T::LabelAllAs) }</option>
                    { for app.labels.names().map(|n| html! { <option value={n.to_string()}>{ n.to_string() }</option> }) }
                </select>
                <button data-action="delete-all" onclick={delete}>{ lang.t(T::DeleteAll) }</button>
            </td>
        </tr>
    }
}

/// The panel's keys: ↑↓ from the search box and between the rows; on a
/// row, Enter jumps to the name's next occurrence, a label key labels it
/// everywhere, Delete deletes it everywhere (one undo step each).
fn on_keys(app: &crate::AppHandle, all: std::rc::Rc<Vec<Entity>>) -> Callback<KeyboardEvent> {
    use wasm_bindgen::JsCast;
    let app = app.clone();
    Callback::from(move |ev: KeyboardEvent| {
        let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let on_row = el.tag_name() == "TR";
        let key = ev.key();
        let entity = || all.iter().find(|e| Some(&e.key) == el.get_attribute("data-key").as_ref());
        let action = match key.as_str() {
            "ArrowDown" | "ArrowUp" => {
                let down = key == "ArrowDown";
                let next = if on_row {
                    if down {
                        el.next_element_sibling()
                    } else {
                        el.previous_element_sibling()
                    }
                } else {
                    el.owner_document()
                        .and_then(|d| d.query_selector("#entity-table tr").ok().flatten())
                        .filter(|_| down)
                };
                if let Some(h) = next.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = h.focus();
                }
                None
            }
            "Enter" if on_row => {
                let here = app.open.zip(app.focused);
                entity().and_then(|e| e.next_after(here)).map(|(doc, start)| Action::Reveal { doc, start })
            }
            "Delete" | "Backspace" if on_row => {
                entity().map(|e| Action::EditEntity { key: e.key.clone(), label: None })
            }
            _ if on_row && !ev.ctrl_key() && !ev.alt_key() => {
                let k = crate::hooks::keyboard::effective_key(&key, &ev.code(), ev.shift_key());
                let Some(label) = app.labels.by_key(&k).map(|l| l.name.clone()) else { return };
                entity().map(|e| Action::EditEntity { key: e.key.clone(), label: Some(label) })
            }
            _ => return,
        };
        ev.prevent_default();
        ev.stop_propagation();
        if let Some(a) = action {
            app.dispatch(a);
        }
    })
}

#[function_component]
pub fn EntitiesPanel() -> Html {
    let app = use_app();
    let query = use_state(String::new);
    let all = use_memo(app.rev, {
        let app = app.clone();
        move |_| app.entities()
    });
    let close = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::TogglePanel(Panel::Entities)))
    };
    let on_search = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    let q = crate::matching::key_of(&query, 0..query.chars().count());
    let shown: Vec<&Entity> = all.iter().filter(|e| q.is_empty() || e.key.contains(&q)).take(SHOWN).collect();
    let conflicts = all.iter().filter(|e| e.conflict()).count();
    let lang = app.lang;
    html! {
        <aside id="entities-panel" class="panel" role="dialog" aria-label={lang.t(T::Names)}>
            <button class="close" aria-label={lang.t(T::Close)} onclick={close}>{ "×" }</button>
            <h2>{ lang.t(T::Names) }</h2>
            <p id="entity-summary">{ lang.f(T::EntitySummary, &[&lang.count(all.len(), Noun::Name), &lang.num(conflicts)]) }</p>
            <input id="entity-search" onkeydown={on_keys(&app, all.clone())} type="search" dir="auto" placeholder={lang.t(T::SearchNames)} oninput={on_search} />
            <table id="entity-table" onkeydown={on_keys(&app, all.clone())}>
                <tbody>{ for shown.iter().map(|e| row(&app, e)) }</tbody>
            </table>
        </aside>
    }
}
