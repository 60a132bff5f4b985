//! `#import-dialog`: what an import asks before it changes anything
//! (documents that come again with other annotations, labels not in the
//! label set), with one answer per question for the whole import.

use super::use_app;
use crate::i18n::{Lang, Noun, T};
use crate::state::Action;
use barchasb_core::Status;
use barchasb_formats::{Choices, OnConflict, OnUnknownLabels};
use yew::prelude::*;

fn status_word(lang: Lang, s: Status) -> &'static str {
    lang.t(match s {
        Status::New => T::StatusNew,
        Status::InProgress => T::StatusInProgress,
        Status::Done => T::StatusDone,
    })
}

/// One radio button of a question.
fn radio(id: &'static str, name: &'static str, text: String, checked: bool, onchange: Callback<Event>) -> Html {
    html! {
        <label class="choice" for={id}>
            <input type="radio" {id} {name} {checked} {onchange} />
            <span dir="auto">{ text }</span>
        </label>
    }
}

#[function_component]
pub fn ImportDialog() -> Html {
    let app = use_app();
    let choices = use_state(Choices::default);
    let Some(p) = app.pending_import.as_ref() else { return html! {} };
    let q = &p.questions;
    let lang = app.lang;
    let spans = |n: usize| lang.count(n, Noun::Span);
    let set = |f: fn(&mut Choices)| {
        let choices = choices.clone();
        Callback::from(move |_: Event| {
            let mut c = *choices;
            f(&mut c);
            choices.set(c);
        })
    };
    let conflicts = (!q.conflicts.is_empty()).then(|| {
        let mine: usize = q.conflicts.iter().map(|c| c.mine.0).sum();
        let theirs: usize = q.conflicts.iter().map(|c| c.theirs.0).sum();
        let done = q.conflicts.iter().filter(|c| c.mine.1 == Status::Done).count();
        let rows = q.conflicts.iter().take(20).map(|c| {
            html! {
                <li data-doc-id={c.id.clone()} dir="auto">
                    { lang.f(T::ConflictRow, &[&c.id, &spans(c.mine.0), &status_word(lang, c.mine.1), &spans(c.theirs.0),
                        &status_word(lang, c.theirs.1), &c.place]) }
                </li>
            }
        });
        let more = q.conflicts.len().saturating_sub(20);
        let c = choices.conflict;
        html! {
            <fieldset id="import-conflicts" data-count={q.conflicts.len().to_string()}>
                <legend>{ lang.f(T::ConflictLegend, &[&lang.count(q.conflicts.len(), Noun::Document), &spans(mine),
                    &lang.num(done), &spans(theirs)]) }</legend>
                <ul class="conflicts">{ for rows }if more > 0 { <li>{ lang.f(T::AndMore, &[&lang.num(more)]) }</li> }</ul>
                { radio("import-keep-mine", "conflict", lang.t(T::KeepMine).into(),
                    c == OnConflict::KeepMine, set(|c| c.conflict = OnConflict::KeepMine)) }
                { radio("import-take-theirs", "conflict", lang.t(T::TakeTheirs).into(),
                    c == OnConflict::TakeTheirs, set(|c| c.conflict = OnConflict::TakeTheirs)) }
                { radio("import-keep-both", "conflict", lang.t(T::KeepBoth).into(),
                    c == OnConflict::KeepBoth, set(|c| c.conflict = OnConflict::KeepBoth)) }
            </fieldset>
        }
    });
    let unknown = (!q.unknown_labels.is_empty()).then(|| {
        let list: Vec<String> = q.unknown_labels.iter().map(|(l, n)| format!("{l} ({})", spans(*n))).collect();
        let u = choices.unknown;
        html! {
            <fieldset id="import-unknown-labels" data-labels={q.unknown_labels.keys().cloned().collect::<Vec<_>>().join(",")}>
                <legend dir="auto">{ lang.f(T::UnknownLabels, &[&list.join(", ")]) }</legend>
                { radio("import-add-labels", "unknown", lang.t(T::AddLabels).into(),
                    u == OnUnknownLabels::AddLabels, set(|c| c.unknown = OnUnknownLabels::AddLabels)) }
                { radio("import-set-aside", "unknown", lang.t(T::SetAside).into(),
                    u == OnUnknownLabels::SetAside, set(|c| c.unknown = OnUnknownLabels::SetAside)) }
            </fieldset>
        }
    });
    let confirm = {
        let (app, choices) = (app.clone(), choices.clone());
        Callback::from(move |_: MouseEvent| {
            app.dispatch(Action::ResolveImport(*choices));
            choices.set(Choices::default());
        })
    };
    let cancel = {
        let (app, choices) = (app.clone(), choices.clone());
        Callback::from(move |_: MouseEvent| {
            app.dispatch(Action::CancelImport);
            choices.set(Choices::default());
        })
    };
    html! {
        <div id="import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title">
            <h2 id="import-title">{ lang.t(T::ImportTitle) }</h2>
            { for conflicts }
            { for unknown }
            <div class="actions">
                <button id="import-confirm" onclick={confirm} autofocus=true>{ lang.t(T::Import) }</button>
                <button id="import-cancel" onclick={cancel}>{ lang.t(T::Cancel) }</button>
            </div>
        </div>
    }
}
