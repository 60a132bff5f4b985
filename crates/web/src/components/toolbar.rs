//! The header, one row: the name, the project, the progress bar (done /
//! total), the daily actions (accept all, done & next, undo, redo), the
//! suggestions' progress, the save state and the menu (`components/menu.rs`,
//! which holds files, export, the model and the panels). On a phone the
//! daily actions are a bottom bar and `#docs-button` shows the list.

use super::menu::MainMenu;
use super::project_switch::ProjectSwitch;
use super::use_app;
use crate::state::{Action, Panel, TabRole};
use yew::prelude::*;

#[function_component]
pub fn Toolbar() -> Html {
    let app = use_app();
    let act = |a: Action| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(a.clone()))
    };
    let (done, all) = app.progress();
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
            <progress id="progress-bar" max={all.max(1).to_string()} value={done.to_string()}
                title={format!("done: {done}/{all}")} aria-label="documents done" />
            <button id="docs-button" aria-controls="doc-list" onclick={act(Action::TogglePanel(Panel::Documents))}
                title="documents">{ format!("{done}/{all}") }</button>
            <span class="primary">
                <button id="accept-all" disabled={!has_doc} onclick={act(Action::AcceptAll)} title="a">{ "Accept all" }</button>
                <button id="done-next" disabled={!has_doc} onclick={act(Action::MarkDoneNext)} title="n">{ "Done & next" }</button>
                <button id="undo" disabled={!app.can_undo()} onclick={act(Action::Undo)} title="Ctrl+Z">{ "Undo" }</button>
                <button id="redo" disabled={!app.can_redo()} onclick={act(Action::Redo)} title="Ctrl+Shift+Z">{ "Redo" }</button>
            </span>
            if waiting > 0 {
                <span id="suggest-progress" role="progressbar" aria-label="suggestions being computed"
                    aria-valuemin="0" aria-valuemax={total.to_string()} aria-valuenow={(total - waiting).to_string()}
                    data-left={waiting.to_string()}>{ format!("suggesting… {waiting} left") }</span>
            }
            <span id="save-status" class={classes!(app.storage_failed.then_some("failed"))} data-rev={app.rev.to_string()} data-saved-rev={app.saved_rev.to_string()}>{ save_state }</span>
            <super::storage_status::StorageStatus />
            <MainMenu />
        </header>
    }
}
