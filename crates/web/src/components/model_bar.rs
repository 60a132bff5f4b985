//! The model's part of the toolbar: how many documents it learned from
//! (`#model-status[data-docs-learned]`), export, import and reset (with a
//! confirmation step). Labels of the label set the model does not learn
//! (`#model-labels[data-not-learned]`, the reason in its title): a model
//! keeps the labels it was created with until it is reset.

use super::use_app;
use crate::hooks::model::ModelBridge;
use crate::i18n::{Noun, T};
use crate::state::{Action, Message, ModelEvent};
use crate::tagger_worker::{Origin, Request};
use yew::prelude::*;

#[function_component]
pub fn ModelBar() -> Html {
    let app = use_app();
    let bridge = use_context::<ModelBridge>().expect("rendered inside the model's context provider");
    let m = &app.model;
    let lang = app.lang;
    let ev = |e: ModelEvent| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Model(e.clone())))
    };
    let on_export = {
        let bridge = bridge.clone();
        Callback::from(move |_: MouseEvent| bridge.send(Request::Export))
    };
    let on_import = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
            input.set_value("");
            let file = gloo::file::File::from(file);
            let (app, bridge) = (app.clone(), bridge.clone());
            yew::platform::spawn_local(async move {
                match gloo::file::futures::read_as_bytes(&file).await {
                    Ok(bytes) => {
                        let labels = app.labels.names().map(String::from).collect();
                        bridge.send(Request::Load { model: Some(bytes), labels, origin: Origin::Import });
                    }
                    Err(e) => app.dispatch(Action::ShowMessage(Some(Message {
                        text: app.lang.f(T::CannotReadFile, &[&file.name(), &e]),
                        error: true,
                    }))),
                }
            });
        })
    };
    let learning = m.learning();
    let status = match m.docs_learned {
        None => lang.t(T::ModelUnknown).to_string(),
        Some(n) if learning > 0 => lang.f(T::ModelLearning, &[&lang.count(n as usize, Noun::Doc), &lang.num(learning)]),
        Some(n) => lang.f(T::ModelDocs, &[&lang.count(n as usize, Noun::Doc)]),
    };
    let not_learned = app.labels_not_learned();
    let labels_title = app.labels_note().unwrap_or_default();
    let labels_text = lang.f(T::NotLearning, &[&lang.count(not_learned.len(), Noun::Label)]);
    let (tokens, ms) = m.last_suggest.map(|(t, ms)| (t.to_string(), format!("{ms:.1}"))).unzip();
    // Styled by www/layout.css (no inline styles under the CSP). The file
    // input is hidden behind a label that looks like the other buttons.
    html! {
        <span id="model" class="model">
            <span id="model-status" title={lang.t(T::ModelStatusTitle)}
                data-docs-learned={m.docs_learned.map(|n| n.to_string())}
                data-learning={learning.to_string()}
                data-saved-docs-learned={m.saved.map(|n| n.to_string())}
                data-suggest-tokens={tokens} data-suggest-ms={ms}
                data-suggest-runs={m.suggest_runs.to_string()}>{ status }</span>
            if !not_learned.is_empty() {
                <span id="model-labels" title={labels_title} data-not-learned={not_learned.join(",")}>
                    { "⚠ " }{ labels_text }</span>
            }
            <button id="model-export" disabled={m.docs_learned.is_none()} onclick={on_export} title={lang.t(T::ExportModelTitle)}>{ lang.t(T::ExportModel) }</button>
            <label for="model-import" class="button" title={lang.t(T::ImportModelTitle)}>{ lang.t(T::ImportModel) }</label>
            <input id="model-import" type="file" hidden=true accept=".bin,application/octet-stream" onchange={on_import} />
            if m.confirm_reset {
                <span role="group" class="model-confirm">
                    <span>{ lang.t(T::ForgetAsk) }</span>
                    <button id="model-reset-confirm" onclick={ev(ModelEvent::ConfirmReset)}>{ lang.t(T::Reset) }</button>
                    <button id="model-reset-cancel" onclick={ev(ModelEvent::CancelReset)}>{ lang.t(T::Cancel) }</button>
                </span>
            } else {
                <button id="model-reset" disabled={m.docs_learned.is_none()} onclick={ev(ModelEvent::AskReset)}>{ lang.t(T::ResetModel) }</button>
            }
        </span>
    }
}
