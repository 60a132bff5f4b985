//! The toolbar: accept all, done & next, undo/redo, export (its format,
//! which documents, and the suggestions checkbox), open files, the model's
//! controls, and the panel toggles.

use super::model_bar::ModelBar;
use super::project_switch::ProjectSwitch;
use super::use_app;
use crate::formats_worker::{Request, Response, Which};
use crate::hooks::files::ask;
use crate::state::{Action, Message, Panel, TabRole};
use crate::{dom, AppHandle};
use barchasb_formats::Format;
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

/// Downloads the export (made in the formats worker): its main file, then
/// each sidecar; or says which spans cannot be written, writing nothing.
pub(crate) fn export(app: &AppHandle, format: Format, which: Which, suggestions: bool) {
    let labels: Vec<String> = app.labels.names().map(String::from).collect();
    let docs: String = app.export_documents().iter().map(|d| d.to_json_line() + "\n").collect();
    let app = app.clone();
    let req = Request::Export { format: format.name().to_string(), docs, which, suggestions, labels };
    ask(req, move |r| match r {
        Response::Exported(Ok(files)) => {
            for (name, bytes) in &files {
                if let Err(e) = dom::download(name, &bytes[..], "application/octet-stream") {
                    return show_error(&app, format!("Export failed: {e}"));
                }
            }
        }
        Response::Exported(Err(bad)) => {
            let shown: Vec<&str> = bad.iter().take(3).map(String::as_str).collect();
            let more = if bad.len() > 3 { format!(" (and {} more)", bad.len() - 3) } else { String::new() };
            let why = shown.join("; ");
            show_error(
                &app,
                format!("Nothing was exported: {} span(s) cannot be written as {format}: {why}{more}", bad.len()),
            );
        }
        _ => {}
    });
}

#[function_component]
pub fn Toolbar() -> Html {
    let app = use_app();
    let with_suggestions = use_state(|| false);
    let act = |a: Action| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(a.clone()))
    };
    let format = use_state(|| Format::Jsonl);
    let which = use_state(Which::default);
    let on_export = {
        let app = app.clone();
        let (with, format, which) = (*with_suggestions, *format, *which);
        Callback::from(move |_: MouseEvent| export(&app, format, which, with))
    };
    let on_format = {
        let format = format.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            format.set(select.value().parse().unwrap_or(Format::Jsonl));
        })
    };
    let on_which = {
        let which = which.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            which.set(if select.value() == "done" { Which::Done } else { Which::All });
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
    let theme = use_state(dom::theme);
    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |_: MouseEvent| {
            let next = match theme.as_str() {
                "auto" => "dark",
                "dark" => "light",
                _ => "auto",
            };
            dom::set_theme(next);
            theme.set(next.to_string());
        })
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
            <ProjectSwitch />
            if let Some(p) = &app.team.project {
                <span id="project-name" data-project-id={p.id.clone()} dir="auto">{ p.name.clone() }</span>
            }
            if app.team.review { <span id="review-badge">{ "review" }</span> }
            if let Some(u) = &app.team.user { <span id="user-name" dir="auto">{ u.clone() }</span> }
            <button id="accept-all" disabled={!has_doc} onclick={act(Action::AcceptAll)} title="a">{ "Accept all" }</button>
            <button id="done-next" disabled={!has_doc} onclick={act(Action::MarkDoneNext)} title="n">{ "Done & next" }</button>
            <button id="undo" disabled={!app.can_undo()} onclick={act(Action::Undo)} title="Ctrl+Z">{ "Undo" }</button>
            <button id="redo" disabled={!app.can_redo()} onclick={act(Action::Redo)} title="Ctrl+Shift+Z">{ "Redo" }</button>
            <span class="sep" />
            <button id="export" onclick={on_export} title={format!("barchasb-export.{}", format.extension())}>{ "Export" }</button>
            <select id="export-format" aria-label="export format" onchange={on_format}>
                { for Format::ALL.iter().map(|f| html! {
                    <option value={f.name()} selected={*f == *format}>{ f.name() }</option>
                }) }
            </select>
            <select id="export-which" aria-label="documents to export" onchange={on_which}>
                <option value="all" selected={*which == Which::All}>{ "all documents" }</option>
                <option value="done" selected={*which == Which::Done}>{ "done only" }</option>
            </select>
            <label class="check">
                <input id="export-suggestions" type="checkbox" checked={*with_suggestions} onchange={on_check} />
                { " with suggestions" }
            </label>
            <label class="file">
                { "Open files: " }
                <input id="open-files" type="file" multiple=true accept=".txt,.jsonl,.json,.conll,.iob,.spacy,.zip,.tsv,.ann,text/plain" onchange={on_files} />
            </label>
            <span class="sep" />
            <button id="entities" onclick={act(Action::TogglePanel(Panel::Entities))}>{ "Names" }</button>
            <button id="labels" onclick={act(Action::TogglePanel(Panel::Labels))}>{ "Labels" }</button>
            <button id="guidelines" onclick={act(Action::TogglePanel(Panel::Guidelines))}>{ "Guidelines" }</button>
            if app.team.review {
                <button id="agreement" onclick={act(Action::TogglePanel(Panel::Agreement))}>{ "Agreement" }</button>
            }
            <button id="theme" data-theme={(*theme).clone()} onclick={on_theme} title="colours: system, dark, light">{ format!("theme: {}", *theme) }</button>
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
            <super::storage_status::StorageStatus />
        </header>
    }
}
