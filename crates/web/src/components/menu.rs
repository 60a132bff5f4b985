//! `#menu`: what an annotator needs now and then, behind the header's
//! `#menu-button` (the header keeps the daily actions): opening files (a
//! styled button over the hidden `input#open-files`; files can also be
//! dropped anywhere), the export (`#export`, its format, which documents,
//! with suggestions or not; [`export`] is also the storage status's
//! "Export unsaved work"), the model's controls, the panels (names,
//! labels, guidelines, agreement), the theme, the language (`#language`:
//! `fa` or `en`) and the keys. On a phone it is
//! a bottom sheet.

use super::model_bar::ModelBar;
use super::use_app;
use crate::formats_worker::{Request, Response, Which};
use crate::hooks::files::ask;
use crate::i18n::{Lang, Noun, T};
use crate::state::{Action, Message, Panel};
use crate::{dom, AppHandle};
use barchasb_formats::Format;
use yew::prelude::*;

fn show_error(app: &AppHandle, text: String) {
    app.dispatch(Action::ShowMessage(Some(Message { text, error: true })));
}

/// Downloads the export (made in the formats worker): its main file, then
/// each sidecar; or says which spans cannot be written, writing nothing.
pub(crate) fn export(app: &AppHandle, format: Format, which: Which, suggestions: bool) {
    let labels: Vec<String> = app.labels.names().map(String::from).collect();
    let docs: String = app.export_documents().iter().map(|d| d.to_json_line() + "\n").collect();
    let (app, lang) = (app.clone(), app.lang);
    let req = Request::Export { format: format.name().to_string(), docs, which, suggestions, labels };
    ask(req, move |r| match r {
        Response::Exported(Ok(files)) => {
            for (name, bytes) in &files {
                if let Err(e) = dom::download(name, &bytes[..], "application/octet-stream") {
                    return show_error(&app, lang.f(T::ExportFailed, &[&e]));
                }
            }
        }
        Response::Exported(Err(bad)) => {
            let shown: Vec<&str> = bad.iter().take(3).map(String::as_str).collect();
            let more = if bad.len() > 3 { lang.f(T::AndMoreParen, &[&lang.num(bad.len() - 3)]) } else { String::new() };
            let why = shown.join("; ");
            let spans = lang.count(bad.len(), Noun::Span);
            show_error(&app, lang.f(T::NothingExported, &[&spans, &format, &why, &more]));
        }
        _ => {}
    });
}

/// Imports the chosen files (`hooks/files.rs`).
fn import_files(app: AppHandle, input: web_sys::HtmlInputElement) {
    let Some(list) = input.files() else { return };
    crate::hooks::files::import_file_list(app, list);
    input.set_value(""); // choosing the same file again fires `change` again
}

/// The file types the importers read.
const ACCEPT: &str = ".txt,.jsonl,.json,.conll,.iob,.spacy,.zip,.tsv,.ann,text/plain";

/// The export's controls (the state lives in [`MainMenu`]: one component,
/// a smaller wasm).
fn export_row(
    app: &AppHandle,
    with_suggestions: &UseStateHandle<bool>,
    format: &UseStateHandle<Format>,
    which: &UseStateHandle<Which>,
) -> Html {
    let lang = app.lang;
    let on_export = {
        let app = app.clone();
        let (with, format, which) = (**with_suggestions, **format, **which);
        Callback::from(move |_: MouseEvent| {
            export(&app, format, which, with);
            app.dispatch(Action::TogglePanel(Panel::Menu)); // done: the menu closes
        })
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
    html! {
        <div class="menu-row">
            <button id="export" onclick={on_export} title={format!("barchasb-export.{}", (**format).extension())}>{ lang.t(T::Export) }</button>
            <select id="export-format" aria-label={lang.t(T::ExportFormatAria)} onchange={on_format}>
                { for Format::ALL.iter().map(|f| html! {
                    <option value={f.name()} selected={*f == **format}>{ f.name() }</option>
                }) }
            </select>
            <select id="export-which" aria-label={lang.t(T::ExportWhichAria)} onchange={on_which}>
                <option value="all" selected={**which == Which::All}>{ lang.t(T::AllDocuments) }</option>
                <option value="done" selected={**which == Which::Done}>{ lang.t(T::DoneOnly) }</option>
            </select>
            <label class="check">
                <input id="export-suggestions" type="checkbox" checked={**with_suggestions} onchange={on_check} />
                { lang.t(T::WithSuggestions) }
            </label>
        </div>
    }
}

#[function_component]
pub fn MainMenu() -> Html {
    let app = use_app();
    let with_suggestions = use_state(|| false);
    let format = use_state(|| Format::Jsonl);
    let which = use_state(Which::default);
    let open = app.panel_open(Panel::Menu);
    let lang = app.lang;
    let on_lang = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(l) = Lang::parse(&select.value()) {
                app.dispatch(Action::SetLang(l));
            }
        })
    };
    let theme_name = |t: &str| match t {
        "dark" => T::ThemeDark,
        "light" => T::ThemeLight,
        _ => T::ThemeAuto,
    };
    let panel = |p: Panel| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::TogglePanel(p)))
    };
    let on_files = {
        let app = app.clone();
        Callback::from(move |e: Event| import_files(app.clone(), e.target_unchecked_into()))
    };
    // A styled button for the hidden file input (no raw "Choose Files").
    let input = use_node_ref();
    let choose = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(i) = input.cast::<web_sys::HtmlInputElement>() {
                i.click();
            }
        })
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
    html! {
        <>
        <button id="menu-button" class="menu-button" aria-haspopup="dialog" aria-expanded={open.to_string()}
            aria-controls="menu" onclick={panel(Panel::Menu)} title={lang.t(T::MenuTitle)}>{ lang.t(T::MenuButton) }</button>
        // Always in the page (hidden when closed), so the file input exists
        // for a drop or a script even while the menu is closed.
        <div id="menu" role="dialog" aria-labelledby="menu-button" hidden={!open}>
            <h3>{ lang.t(T::Files) }</h3>
            <div class="menu-row">
                <button id="open-files-button" onclick={choose}>{ lang.t(T::OpenFiles) }</button>
                <input id="open-files" ref={input} type="file" multiple=true hidden=true accept={ACCEPT} onchange={on_files} />
                <span class="hint">{ lang.t(T::DropHint) }</span>
            </div>
            { export_row(&app, &with_suggestions, &format, &which) }
            <h3>{ lang.t(T::Model) }</h3>
            <div class="menu-row"><ModelBar /></div>
            <h3>{ lang.t(T::View) }</h3>
            <div class="menu-row">
                <button id="entities" onclick={panel(Panel::Entities)}>{ lang.t(T::Names) }</button>
                <button id="labels" onclick={panel(Panel::Labels)}>{ lang.t(T::Labels) }</button>
                <button id="guidelines" onclick={panel(Panel::Guidelines)}>{ lang.t(T::Guidelines) }</button>
                if app.team.review {
                    <button id="agreement" onclick={panel(Panel::Agreement)}>{ lang.t(T::Agreement) }</button>
                }
                <button id="theme" data-theme={(*theme).clone()} onclick={on_theme} title={lang.t(T::ThemeTitle)}>{ lang.f(T::Theme, &[&lang.t(theme_name(&theme))]) }</button>
                <button id="help" onclick={panel(Panel::Help)} title="?">{ lang.t(T::KeysButton) }</button>
                // Each language named in itself.
                <select id="language" aria-label={lang.t(T::LanguageAria)} onchange={on_lang}>
                    <option value="fa" lang="fa" selected={lang == Lang::Fa}>{ Lang::Fa.t(T::LanguageName) }</option>
                    <option value="en" lang="en" selected={lang == Lang::En}>{ Lang::En.t(T::LanguageName) }</option>
                </select>
            </div>
        </div>
        </>
    }
}
