//! `#import-dialog`: what an import asks before it changes anything
//! (documents that come again with other annotations, labels not in the
//! label set), with one answer per question for the whole import.

use super::use_app;
use crate::state::{count, Action};
use barchasb_core::Status;
use barchasb_formats::{Choices, OnConflict, OnUnknownLabels};
use yew::prelude::*;

fn status_word(s: Status) -> &'static str {
    match s {
        Status::New => "new",
        Status::InProgress => "in progress",
        Status::Done => "done",
    }
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
                    { format!("«{}»: yours {} ({}), imported {} ({}) from {}", c.id, count(c.mine.0, "span", "spans"),
                        status_word(c.mine.1), count(c.theirs.0, "span", "spans"), status_word(c.theirs.1), c.place) }
                </li>
            }
        });
        let more = q.conflicts.len().saturating_sub(20);
        let c = choices.conflict;
        html! {
            <fieldset id="import-conflicts" data-count={q.conflicts.len().to_string()}>
                <legend>{ format!("{} you have already come with other annotations \
                    (yours: {} confirmed, {} done; imported: {} confirmed)",
                    count(q.conflicts.len(), "document", "documents"), count(mine, "span", "spans"), done,
                    count(theirs, "span", "spans")) }</legend>
                <ul class="conflicts">{ for rows }if more > 0 { <li>{ format!("… and {more} more") }</li> }</ul>
                { radio("import-keep-mine", "conflict", "Keep mine (the imported annotations are not taken)".into(),
                    c == OnConflict::KeepMine, set(|c| c.conflict = OnConflict::KeepMine)) }
                { radio("import-take-theirs", "conflict", "Take theirs (mine are replaced; Undo brings them back)".into(),
                    c == OnConflict::TakeTheirs, set(|c| c.conflict = OnConflict::TakeTheirs)) }
                { radio("import-keep-both", "conflict", "Keep both (the imported ones are added as copies: «id (2)»)".into(),
                    c == OnConflict::KeepBoth, set(|c| c.conflict = OnConflict::KeepBoth)) }
            </fieldset>
        }
    });
    let unknown = (!q.unknown_labels.is_empty()).then(|| {
        let list: Vec<String> = q.unknown_labels.iter().map(|(l, n)| format!("{l} ({})", count(*n, "span", "spans"))).collect();
        let u = choices.unknown;
        html! {
            <fieldset id="import-unknown-labels" data-labels={q.unknown_labels.keys().cloned().collect::<Vec<_>>().join(",")}>
                <legend dir="auto">{ format!("Labels not in the label set: {}", list.join(", ")) }</legend>
                { radio("import-add-labels", "unknown", "Add them to the label set".into(),
                    u == OnUnknownLabels::AddLabels, set(|c| c.unknown = OnUnknownLabels::AddLabels)) }
                { radio("import-set-aside", "unknown", "Keep those spans aside (kept in the export under \"set_aside\", not shown)".into(),
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
        // The interface is English for now: left to right, ids isolated.
        <div id="import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" dir="ltr" lang="en">
            <h2 id="import-title">{ "Before this import changes anything" }</h2>
            { for conflicts }
            { for unknown }
            <div class="actions">
                <button id="import-confirm" onclick={confirm} autofocus=true>{ "Import" }</button>
                <button id="import-cancel" onclick={cancel}>{ "Cancel" }</button>
            </div>
        </div>
    }
}
