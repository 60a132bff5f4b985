//! `#project-switch`: the projects this browser has opened (remembered in
//! `localStorage`, one `path\tname` per line), to switch between them; each
//! keeps its own stored work (`hooks/persistence.rs`).

use super::use_app;
use crate::dom::{local_get, local_set};
use crate::i18n::T;
use yew::prelude::*;

const KEY: &str = "barchasb-projects";

/// The projects opened here: (path as in `?project=`, name).
fn known() -> Vec<(String, String)> {
    let text = local_get(KEY).ok().flatten().unwrap_or_default();
    text.lines().filter_map(|l| l.split_once('\t')).map(|(p, n)| (p.to_string(), n.to_string())).collect()
}

/// Remembers the open project (first in the list).
fn remember(path: &str, name: &str) {
    let mut all = known();
    all.retain(|(p, _)| p != path);
    all.insert(0, (path.to_string(), name.replace(['\t', '\n'], " ")));
    let text: Vec<String> = all.iter().map(|(p, n)| format!("{p}\t{n}")).collect();
    let _ = local_set(KEY, &text.join("\n")); // storage refused: no list, nothing else lost
}

#[function_component]
pub fn ProjectSwitch() -> Html {
    let app = use_app();
    let here = app.team.project.as_ref().map(|p| (p.path.clone(), p.name.clone()));
    {
        let here = here.clone();
        use_effect_with(here, |here| {
            if let Some((path, name)) = here {
                remember(path, name);
            }
        });
    }
    let all = known();
    if all.is_empty() && here.is_none() {
        return html! {};
    }
    let onchange = Callback::from(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        let v = select.value();
        let search =
            if v.is_empty() { String::new() } else { format!("?project={}", js_sys::encode_uri_component(&v)) };
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_search(&search);
        }
    });
    let current = here.map(|(p, _)| p).unwrap_or_default();
    html! {
        <select id="project-switch" aria-label={app.lang.t(T::ProjectAria)} {onchange}>
            <option value="" selected={current.is_empty()}>{ app.lang.t(T::NoProject) }</option>
            { for all.iter().map(|(p, n)| html! { <option value={p.clone()} selected={*p == current}>{ n.clone() }</option> }) }
        </select>
    }
}
