//! The open document: `<article id="doc-view">` with one `<p>` per line,
//! spans as `<mark class="span" data-start data-end data-label data-state>`
//! (a suggestion with `data-confidence` in [0, 1] too, and class `unsure`
//! below [`LOW_CONFIDENCE`])
//! and the text between them as `<span class="t" data-offset>`.
//!
//! The text is data, never markup: every piece is a Yew text node. The
//! paragraphs are computed once per document revision (`use_memo`) and each
//! paragraph is a component with equality-checked props, so a change to one
//! span or to the focus re-renders only the paragraphs it touches. Tokens
//! (for snapping a selection) are computed at the first selection in a text
//! and kept while the text is unchanged, so opening a long document does not
//! tokenize it.

use super::use_app;
use crate::dom;
use crate::layout::{paragraphs, Para, Run};
use crate::state::{Action, Entry, Menu, SpanState, LOW_CONFIDENCE};
use barchasb_core::LabelSet;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct ParagraphProps {
    para: Rc<Para>,
    /// The focused span's start, only when it is in this paragraph.
    focused: Option<usize>,
    labels: Rc<LabelSet>,
}

#[function_component]
fn Paragraph(props: &ParagraphProps) -> Html {
    let p = &props.para;
    let runs = p.runs.iter().map(|r| match r {
        Run::Text { start, text } => html! {
            <span key={format!("t{start}")} class="t" data-offset={start.to_string()}>{ text.clone() }</span>
        },
        Run::Span { start, end, at, label, state, confidence, text } => {
            let focused = props.focused == Some(*start);
            // A dispute's "label" is who said what (`name:LABEL@start-end|…`).
            let disputed = *state == SpanState::Disputed;
            let (label, annotators) = if disputed { (None, Some(label.clone())) } else { (Some(label.clone()), None) };
            let unsure = confidence.is_some_and(|c| c < LOW_CONFIDENCE);
            html! {
                <mark
                    key={format!("s{start}")}
                    class={classes!("span", focused.then_some("focused"), unsure.then_some("unsure"))}
                    data-start={start.to_string()}
                    data-end={end.to_string()}
                    data-label={label.clone()}
                    data-annotators={annotators.clone()}
                    title={annotators.map(|a| a.replace('|', "\n"))}
                    data-state={state.as_str()}
                    data-confidence={confidence.map(|c| format!("{:.2}", f64::from(c)))}
                    data-offset={(at != start).then(|| at.to_string())}
                    tabindex="-1"
                >{ text.clone() }</mark>
            }
        }
    });
    html! { <p data-para={p.start.to_string()}>{ for runs }</p> }
}

#[function_component]
pub fn DocumentView() -> Html {
    let app = use_app();
    let entry: Option<Rc<Entry>> = app.open.and_then(|i| app.docs.get(i).cloned());
    let (idx, rev, text_gen) =
        (app.open, entry.as_ref().map_or(0, |e| e.rev), entry.as_ref().map_or(0, |e| e.text_gen));
    let paras = {
        let entry = entry.clone();
        use_memo((idx, rev, text_gen), move |_| match entry.as_deref() {
            Some(e) => paragraphs(&e.doc.text, &e.view_spans()).into_iter().map(Rc::new).collect(),
            None => Vec::new(),
        })
    };
    // Keyboard focus follows the state's focused span.
    {
        let focused = app.focused;
        use_effect_with((focused, idx), move |(f, _)| {
            if let Some(el) = f.and_then(dom::span_element) {
                let _ = el.focus();
            }
        });
    }

    // Set by a mouseup that ended a drag: the click that follows is no click.
    let dragged: Rc<RefCell<bool>> = use_mut_ref(|| false);
    let onclick = {
        let app = app.clone();
        let dragged = dragged.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(target) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
            if dragged.replace(false) || dom::selection_chars().is_some() {
                return; // the end of a drag: the label menu handles it
            }
            let Ok(Some(mark)) = target.closest("mark.span") else {
                app.dispatch(Action::CloseMenu);
                return;
            };
            let Some(start) = mark.get_attribute("data-start").and_then(|s| s.parse().ok()) else { return };
            let (x, y) = dom::clamp_menu(e.client_x(), e.client_y() + 12);
            app.dispatch(Action::OpenMenu(Menu::Span { start, x, y }));
        })
    };
    // Where the mouse went down: if a drag ends with a collapsed selection
    // (seen in Chromium when a drag crosses a bidi boundary), the two caret
    // positions under the pointer give the range instead.
    let down: Rc<RefCell<Option<(i32, i32)>>> = use_mut_ref(|| None);
    let onmousedown = {
        let down = down.clone();
        Callback::from(move |e: MouseEvent| *down.borrow_mut() = Some((e.client_x(), e.client_y())))
    };
    let onmouseup = {
        let app = app.clone();
        let dragged = dragged.clone();
        let entry = entry.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(entry) = &entry else { return };
            let from = down.borrow_mut().take();
            let moved = from.is_some_and(|(x, y)| (x - e.client_x()).abs() + (y - e.client_y()).abs() >= 6);
            *dragged.borrow_mut() = moved;
            let sel = dom::selection_chars().or_else(|| {
                let (x, y) = from.filter(|_| moved)?; // a click is not a drag
                let (a, b) = (dom::char_at_point(x, y)?, dom::char_at_point(e.client_x(), e.client_y())?);
                (a != b).then(|| a.min(b)..a.max(b))
            });
            let Some(sel) = sel else { return };
            // The rules' words (from the worker), so a drag can mark a name
            // inside words run together.
            match dom::snap_in(entry, sel) {
                Some(r) => {
                    let (x, y) = dom::clamp_menu(e.client_x(), e.client_y() + 12);
                    app.dispatch(Action::OpenMenu(Menu::Label { start: r.start, end: r.end, x, y }));
                }
                None => app.dispatch(Action::CloseAll),
            }
        })
    };

    let Some(entry) = entry else {
        let text = if app.loaded { "No document is open: paste or open a file." } else { "Loading…" };
        return html! { <article id="doc-view" class="empty" dir="rtl" lang="fa"><p>{ text }</p></article> };
    };
    let focused = app.focused;
    html! {
        <article id="doc-view" data-doc-id={entry.doc.id.clone()} dir="rtl" lang="fa" {onclick} {onmousedown} {onmouseup}>
            { for paras.iter().map(|p| {
                let f = focused.filter(|f| p.has_span(*f));
                html! { <Paragraph key={p.start} para={p.clone()} focused={f} labels={app.labels.clone()} /> }
            }) }
        </article>
    }
}
