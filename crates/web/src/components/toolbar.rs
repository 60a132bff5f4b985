//! The header, one row: the name, the project, the progress bar (done /
//! total), the daily actions (accept all, done & next, undo, redo), the
//! suggestions' progress, the save state and the menu (`components/menu.rs`,
//! which holds files, export, the model and the panels). On a phone the
//! daily actions are a bottom bar and `#docs-button` shows the list.

use super::menu::MainMenu;
use super::project_switch::ProjectSwitch;
use super::use_app;
use crate::i18n::T;
use crate::state::{Action, Panel, TabRole};
use yew::prelude::*;

#[function_component]
pub fn Toolbar() -> Html {
    let app = use_app();
    let act = |a: Action| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(a.clone()))
    };
    let lang = app.lang;
    let (done, all) = app.progress();
    let shown = format!("{}/{}", lang.num(done), lang.num(all));
    let has_doc = app.open.is_some();
    // Documents waiting for the worker's first suggestions.
    let (waiting, total) = (app.awaiting_suggestions().count(), app.docs.len());
    let save_state = if app.storage_failed {
        T::SaveFailed
    } else if matches!(app.tab, TabRole::Watching(_)) {
        // nothing of its own to save: it shows what the editing tab saved
        T::SaveReadOnly
    } else if app.saved_rev >= app.rev {
        T::Saved
    } else {
        T::Saving
    };
    html! {
        <header id="toolbar" role="toolbar">
            <span class="brand">{ lang.t(T::Brand) }</span>
            <ProjectSwitch />
            if let Some(p) = &app.team.project {
                <span id="project-name" data-project-id={p.id.clone()} dir="auto">{ p.name.clone() }</span>
            }
            if app.team.review { <span id="review-badge">{ lang.t(T::ReviewBadge) }</span> }
            if let Some(u) = &app.team.user { <span id="user-name" dir="auto">{ u.clone() }</span> }
            <progress id="progress-bar" max={all.max(1).to_string()} value={done.to_string()}
                title={lang.f(T::ProgressTitle, &[&lang.num(done), &lang.num(all)])} aria-label={lang.t(T::ProgressAria)} />
            <button id="docs-button" aria-controls="doc-list" onclick={act(Action::TogglePanel(Panel::Documents))}
                title={lang.t(T::DocsButtonTitle)}>{ shown }</button>
            <span class="primary">
                <button id="accept-all" disabled={!has_doc} onclick={act(Action::AcceptAll)} title="a">{ lang.t(T::AcceptAll) }</button>
                <button id="done-next" disabled={!has_doc} onclick={act(Action::MarkDoneNext)} title="n">{ lang.t(T::DoneNext) }</button>
                <button id="undo" disabled={!app.can_undo()} onclick={act(Action::Undo)} title="Ctrl+Z">{ lang.t(T::Undo) }</button>
                <button id="redo" disabled={!app.can_redo()} onclick={act(Action::Redo)} title="Ctrl+Shift+Z">{ lang.t(T::Redo) }</button>
            </span>
            if waiting > 0 {
                <span id="suggest-progress" role="progressbar" aria-label={lang.t(T::SuggestingAria)}
                    aria-valuemin="0" aria-valuemax={total.to_string()} aria-valuenow={(total - waiting).to_string()}
                    data-left={waiting.to_string()}>{ lang.f(T::SuggestingLeft, &[&lang.num(waiting)]) }</span>
            }
            <span id="save-status" class={classes!(app.storage_failed.then_some("failed"))} data-rev={app.rev.to_string()} data-saved-rev={app.saved_rev.to_string()}>{ lang.t(save_state) }</span>
            <super::storage_status::StorageStatus />
            <MainMenu />
        </header>
    }
}
