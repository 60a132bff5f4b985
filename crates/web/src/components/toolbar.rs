//! The toolbar: accept all, done & next, undo/redo, export (with the
//! suggestions checkbox), open files, the model's controls, and the panel
//! toggles.

use super::model_bar::ModelBar;
use super::use_app;
use crate::io::export_jsonl;
use crate::state::{Action, Message, Panel, TabRole};
use crate::{dom, AppHandle};
use yew::prelude::*;

fn show_error(app: &AppHandle, text: String) {
    app.dispatch(Action::ShowMessage(Some(Message { text, error: true })));
}

/// Imports the chosen files (`hooks/files.rs`).
fn import_files(app: AppHandle, input: web_sys::HtmlInputElement) {
    let Some(list) = input.files() else { return };
    crate::hooks::files::import_file_list(app, list);
    input.set_value(""); // choosing the same file again fires `change` again
}

#[function_component]
pub fn Toolbar() -> Html {
    let app = use_app();
    let with_suggestions = use_state(|| false);
    let act = |a: Action| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(a.clone()))
    };
    let on_export = {
        let app = app.clone();
        let with = *with_suggestions;
        Callback::from(move |_: MouseEvent| {
            let out = export_jsonl(app.docs.iter().map(|e| &e.doc), with);
            if let Err(e) = dom::download("barchasb-export.jsonl", out.as_str(), "application/jsonl") {
                show_error(&app, format!("Export failed: {e}"));
            }
        })
    };
    let on_check = {
        let with_suggestions = with_suggestions.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            with_suggestions.set(input.checked());
        })
    };
    let on_files = {
        let app = app.clone();
        Callback::from(move |e: Event| import_files(app.clone(), e.target_unchecked_into()))
    };
    let has_doc = app.open.is_some();
    // Documents waiting for the worker's first suggestions.
    let (waiting, total) = (app.awaiting_suggestions().count(), app.docs.len());
    let save_state = if app.storage_failed {
        "not saved"
    } else if matches!(app.tab, TabRole::Watching(_)) {
        // nothing of its own to save: it shows what the editing tab saved
        "read-only"
    } else if app.saved_rev >= app.rev {
        "saved"
    } else {
        "saving…"
    };
    html! {
        <header id="toolbar" role="toolbar">
            <span class="brand" lang="fa">{ "برچسب" }</span>
            <button id="accept-all" disabled={!has_doc} onclick={act(Action::AcceptAll)} title="a">{ "Accept all" }</button>
            <button id="done-next" disabled={!has_doc} onclick={act(Action::MarkDoneNext)} title="n">{ "Done & next" }</button>
            <button id="undo" disabled={!app.can_undo()} onclick={act(Action::Undo)} title="Ctrl+Z">{ "Undo" }</button>
            <button id="redo" disabled={!app.can_redo()} onclick={act(Action::Redo)} title="Ctrl+Shift+Z">{ "Redo" }</button>
            <span class="sep" />
            <button id="export" onclick={on_export}>{ "Export JSONL" }</button>
            <label class="check">
                <input id="export-suggestions" type="checkbox" checked={*with_suggestions} onchange={on_check} />
                { " with suggestions" }
            </label>
            <label class="file">
                { "Open files: " }
                <input id="open-files" type="file" multiple=true accept=".txt,.jsonl,text/plain" onchange={on_files} />
            </label>
            <span class="sep" />
            <button id="labels" onclick={act(Action::TogglePanel(Panel::Labels))}>{ "Labels" }</button>
            <button id="guidelines" onclick={act(Action::TogglePanel(Panel::Guidelines))}>{ "Guidelines" }</button>
            <button id="help" onclick={act(Action::TogglePanel(Panel::Help))} title="?">{ "Keys (?)" }</button>
            // Last: the panel toggles stay above the panels (which start at
            // 6.5rem); the model's group wraps to a row of its own.
            <ModelBar />
            if waiting > 0 {
                <span id="suggest-progress" role="progressbar" aria-label="suggestions being computed"
                    aria-valuemin="0" aria-valuemax={total.to_string()} aria-valuenow={(total - waiting).to_string()}
                    data-left={waiting.to_string()}>{ format!("suggesting… {waiting} left") }</span>
            }
            <span id="save-status" class={classes!(app.storage_failed.then_some("failed"))} data-rev={app.rev.to_string()} data-saved-rev={app.saved_rev.to_string()}>{ save_state }</span>
        </header>
    }
}
