//! The side list: `<nav id="doc-list">` with one `li[data-doc-id][data-status]`
//! per document (`data-margin`: how sure the model is of it), the
//! `#progress` figure, search, filters, the order (`#doc-order`: as given,
//! or least sure first, as INCEpTION's active learning ranks documents) and
//! the paste box.

use super::use_app;
use crate::i18n::{Lang, T};
use crate::io::fresh_id;
use crate::state::{Action, Entry, Panel};
use barchasb_core::{Document, Status};
use std::rc::Rc;
use yew::prelude::*;

/// The "least sure first" order: documents to annotate by the model's
/// margin (smallest first), then those without one (not read yet), then
/// those in progress and done (a stable sort keeps the given order among
/// equals).
fn unsure_key(e: &Entry) -> f32 {
    match (e.doc.status, &e.scored) {
        (Status::New, Some(s)) if s.margin.is_finite() => s.margin,
        (Status::New, _) => f32::MAX,
        _ => f32::INFINITY,
    }
}

fn status_str(s: Status) -> &'static str {
    match s {
        Status::New => "new",
        Status::InProgress => "in_progress",
        Status::Done => "done",
    }
}

/// One entry of the list. Its props compare the entry by pointer (a changed
/// entry is a new `Rc`), so an edit re-renders only its document's item and
/// a cursor move none: the list stays quick with thousands of documents.
#[derive(Properties)]
struct ItemProps {
    entry: Rc<Entry>,
    index: usize,
    active: bool,
    review: bool,
    lang: Lang,
    /// For dispatching only (any handle reaches the one reducer): not compared.
    app: crate::AppHandle,
}

impl PartialEq for ItemProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.entry, &o.entry)
            && (self.index, self.active, self.review, self.lang) == (o.index, o.active, o.review, o.lang)
    }
}

#[function_component]
fn DocItem(props: &ItemProps) -> Html {
    let ItemProps { entry: ref e, index: i, active, review, lang, ref app } = *props;
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
    let agreement = review.then(|| e.doc.meta.get("agreement")?.as_str().map(String::from)).flatten();
    let counts = match &agreement {
        Some(f1) => lang.f(T::AgreementCounts, &[&lang.num(f1), &lang.num(e.disputes.len())]),
        None if review => lang.f(T::OneAnnotatorCounts, &[&lang.num(e.doc.spans.len())]),
        None => format!("{}✓ / {}?", lang.num(e.doc.spans.len()), lang.num(e.doc.suggestions.len())),
    };
    let margin = e.scored.as_ref().map(|s| format!("{:.3}", f64::from(s.margin)));
    html! {
        <li data-doc-id={e.doc.id.clone()} data-status={status} data-margin={margin}
            data-agreement={agreement} data-disputes={review.then(|| e.disputes.len().to_string())}
            class={classes!(active.then_some("active"))} {onclick} title={e.doc.id.clone()}>
            <span class="doc-title" dir="auto">{ e.doc.id.clone() }</span>
            <span class="counts">{ counts }</span>
            <button class="doc-delete" data-action="delete-doc" title={lang.t(T::DeleteDocTitle)}
                aria-label={lang.f(T::DeleteDocAria, &[&e.doc.id])} onclick={on_delete}>{ "×" }</button>
        </li>
    }
}

#[function_component]
pub fn DocList() -> Html {
    let app = use_app();
    let paste = use_node_ref();
    let lang = app.lang;
    let (done, total) = app.progress();
    // Search (id or text, spelling variants equal) and filters: status, label.
    let search = use_state(String::new);
    let status = use_state(String::new);
    let label = use_state(String::new);
    let confidence = use_state(String::new);
    let order = use_state(String::new);
    // Computed when the documents or the filters change, not at every render.
    let deps =
        (app.rev, (*search).clone(), (*status).clone(), (*label).clone(), (*confidence).clone(), (*order).clone());
    let shown = use_memo(deps, {
        let app = app.clone();
        move |(_, search, status, label, confidence, order)| {
            let key = crate::matching::key_of(search, 0..search.chars().count());
            let keep = |e: &Entry| {
                let text_hit = || crate::matching::key_of(&e.doc.text, 0..e.doc.text.chars().count()).contains(&key);
                (key.is_empty() || e.doc.id.contains(search.as_str()) || text_hit())
                    && (status.is_empty() || status_str(e.doc.status) == status.as_str())
                    && (label.is_empty() || e.doc.spans.iter().chain(&e.doc.suggestions).any(|s| s.label == *label))
                    && (confidence.is_empty() || e.has_unsure())
            };
            let shown = (0..app.docs.len()).filter(|&i| keep(&app.docs[i]));
            if order != "unsure" {
                return shown.collect::<Vec<usize>>();
            }
            // margins are not negative: their bits order as they do
            let mut keyed: Vec<(u32, usize)> = shown.map(|i| (unsure_key(&app.docs[i]).to_bits(), i)).collect();
            keyed.sort_unstable();
            keyed.into_iter().map(|(_, i)| i).collect()
        }
    });
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: Event| {
            // (an input or a select: both have `value`)
            let value = e.target().and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok());
            state.set(value.and_then(|v| v.as_string()).unwrap_or_default());
        })
    };
    let items = shown.iter().map(|&i| {
        let entry = app.docs[i].clone();
        let (active, review, key) = (app.open == Some(i), app.team.review, entry.doc.id.clone());
        html! { <DocItem {key} {entry} index={i} {active} {review} {lang} app={app.clone()} /> }
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
        <nav id="doc-list" class={classes!(app.panel_open(Panel::Documents).then_some("open"))}>
            <div class="progress-line">{ lang.t(T::DoneLabel) }<span id="progress">{ format!("{}/{}", lang.num(done), lang.num(total)) }</span></div>
            <div class="doc-filters">
                <input id="doc-search" type="search" dir="auto" placeholder={lang.t(T::SearchDocs)} onchange={set(&search)} />
                <select id="doc-filter-status" aria-label={lang.t(T::StatusAria)} onchange={set(&status)}>
                    { for [("", T::AnyStatus), ("new", T::StatusNew), ("in_progress", T::StatusInProgress), ("done", T::StatusDone)].map(|(v, t)| html! {
                        <option value={v} selected={*status == v}>{ lang.t(t) }</option>
                    }) }
                </select>
                <select id="doc-filter-label" aria-label={lang.t(T::LabelAria)} onchange={set(&label)}>
                    <option value="" selected={label.is_empty()}>{ lang.t(T::AnyLabel) }</option>
                    { for app.labels.names().map(|n| html! { <option value={n.to_string()} selected={*label == n}>{ n.to_string() }</option> }) }
                </select>
                <select id="doc-filter-confidence" aria-label={lang.t(T::ConfidenceAria)} onchange={set(&confidence)}>
                    <option value="" selected={confidence.is_empty()}>{ lang.t(T::AnyConfidence) }</option>
                    <option value="low" selected={*confidence == "low"}>{ lang.t(T::UnsureSuggestions) }</option>
                </select>
                <select id="doc-order" aria-label={lang.t(T::OrderAria)} onchange={set(&order)}>
                    <option value="" selected={order.is_empty()}>{ lang.t(T::AsGiven) }</option>
                    <option value="unsure" selected={*order == "unsure"}>{ lang.t(T::LeastSureFirst) }</option>
                </select>
                <span id="doc-shown" data-shown={shown.len().to_string()}>{ lang.f(T::ShownOf, &[&lang.num(shown.len()), &lang.num(total)]) }</span>
            </div>
            <ul>{ for items }</ul>
            <div class="paste">
                <textarea id="paste-text" ref={paste} dir="auto" lang="fa" rows="4" placeholder={lang.t(T::PastePlaceholder)} />
                <button id="paste-add" onclick={on_paste}>{ lang.t(T::PasteAdd) }</button>
            </div>
        </nav>
    }
}
