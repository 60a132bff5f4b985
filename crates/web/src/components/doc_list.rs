//! The side list: `<nav id="doc-list">` with one `li[data-doc-id][data-status]`
//! per document, the `#progress` figure, and the paste box.

use super::use_app;
use crate::io::fresh_id;
use crate::state::Action;
use barchasb_core::{Document, Status};
use yew::prelude::*;

fn status_str(s: Status) -> &'static str {
    match s {
        Status::New => "new",
        Status::InProgress => "in_progress",
        Status::Done => "done",
    }
}

#[function_component]
pub fn DocList() -> Html {
    let app = use_app();
    let paste = use_node_ref();
    let (done, total) = app.progress();
    let items = app.docs.iter().enumerate().map(|(i, e)| {
        let onclick = {
            let app = app.clone();
            Callback::from(move |_: MouseEvent| app.dispatch(Action::Open(i)))
        };
        let on_delete = {
            let (app, id) = (app.clone(), e.doc.id.clone());
            Callback::from(move |ev: MouseEvent| {
                ev.stop_propagation();
                app.dispatch(Action::RemoveDocument(id.clone()));
            })
        };
        let status = status_str(e.doc.status);
        // In review: the annotators' agreement on it, and what is left to settle.
        let agreement = app.team.review.then(|| e.doc.meta.get("agreement")?.as_str().map(String::from)).flatten();
        let counts = match &agreement {
            Some(f1) => format!("F1 {f1} · {}≠", e.disputes.len()),
            None if app.team.review => format!("one annotator · {}✓", e.doc.spans.len()),
            None => format!("{}✓ / {}?", e.doc.spans.len(), e.doc.suggestions.len()),
        };
        html! {
            <li key={e.doc.id.clone()} data-doc-id={e.doc.id.clone()} data-status={status}
                data-agreement={agreement} data-disputes={app.team.review.then(|| e.disputes.len().to_string())}
                class={classes!((app.open == Some(i)).then_some("active"))} {onclick} title={e.doc.id.clone()}>
                <span class="doc-title" dir="auto">{ e.doc.id.clone() }</span>
                <span class="counts">{ counts }</span>
                <button class="doc-delete" data-action="delete-doc" title="Delete this document (Undo brings it back)"
                    aria-label={format!("Delete «{}»", e.doc.id)} onclick={on_delete}>{ "×" }</button>
            </li>
        }
    });
    let on_paste = {
        let app = app.clone();
        let paste = paste.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(area) = paste.cast::<web_sys::HtmlTextAreaElement>() else { return };
            let text = area.value();
            if text.trim().is_empty() {
                return;
            }
            let id = fresh_id(app.docs.iter().map(|e| e.doc.id.as_str()));
            app.dispatch(Action::AddDocuments { docs: vec![Document::new(id, text)], errors: Vec::new() });
            // A read-only tab (another tab edits) refuses it: keep the text.
            if !matches!(app.tab, crate::state::TabRole::Watching(_)) {
                area.set_value("");
            }
        })
    };
    html! {
        <nav id="doc-list">
            <div class="progress-line">{ "Done: " }<span id="progress">{ format!("{done}/{total}") }</span></div>
            <ul>{ for items }</ul>
            <div class="paste">
                <textarea id="paste-text" ref={paste} dir="auto" lang="fa" rows="4" placeholder="Paste a text to annotate…" />
                <button id="paste-add" onclick={on_paste}>{ "Add pasted text" }</button>
            </div>
        </nav>
    }
}
