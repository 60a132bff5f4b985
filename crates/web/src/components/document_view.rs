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
use crate::dom_offsets::snap_edge;
use crate::i18n::T;
use crate::layout::{paragraphs, Para, Run};
use crate::state::{Action, Edge, Entry, Menu, SpanState, LOW_CONFIDENCE};
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
    html! { <p data-para={p.start.to_string()} class={classes!(p.cont.then_some("cont"))}>{ for runs }</p> }
}

/// Where the mouse went down (viewport x, y) and the start of the span it
/// went down in.
type Down = (i32, i32, Option<usize>);

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
    // Keyboard focus follows the state's focused span (and comes back to it
    // when a menu closes).
    {
        let focused = app.focused;
        let menu_open = app.menu != Menu::None;
        use_effect_with((focused, idx, menu_open), move |(f, _, open)| {
            if let Some(el) = f.and_then(dom::span_element).filter(|_| !*open) {
                let _ = el.focus();
            }
        });
    }
    // The word cursor: a highlight exactly over what a label key labels.
    let caret = app.caret_range();
    {
        let caret = caret.clone();
        use_effect_with((caret, idx, rev, text_gen), move |(c, ..)| {
            dom::show_range("barchasb-caret", c.as_ref(), true);
        });
    }

    let view = use_node_ref();
    crate::hooks::touch::use_touch_stretch(view.clone(), app.clone(), entry.clone(), caret.clone());

    // Set by a mouseup that ended a drag: the click that follows is no click.
    let dragged: Rc<RefCell<bool>> = use_mut_ref(|| false);
    // A span's end being dragged by its handle: (span start, span end, edge).
    let handle: Rc<RefCell<Option<(usize, usize, Edge)>>> = use_mut_ref(|| None);
    let onclick = {
        let app = app.clone();
        let dragged = dragged.clone();
        let entry = entry.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(target) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
            if dragged.replace(false) || dom::selection_chars().is_some() {
                return; // the end of a drag: the label menu handles it
            }
            let Ok(Some(mark)) = target.closest("mark.span") else {
                app.dispatch(Action::CloseMenu);
                // A click (a tap) on a word puts the word cursor there; on a
                // touch screen, with the label menu for it.
                let Some(pos) = dom::char_at_point(e.client_x(), e.client_y()) else { return };
                app.dispatch(Action::CaretAt { pos, extend: false });
                let touch = js_sys::Reflect::get(&e, &"pointerType".into()).ok().and_then(|v| v.as_string());
                if let (Some("touch"), Some(entry)) = (touch.as_deref(), &entry) {
                    if let Some(r) = dom::snap_in(entry, pos..pos) {
                        app.dispatch(Action::OpenMenu(dom::label_menu_at(&r, e.client_x(), e.client_y(), None)));
                    }
                }
                return;
            };
            let Some(start) = mark.get_attribute("data-start").and_then(|s| s.parse().ok()) else { return };
            let (x, y) = dom::clamp_menu(e.client_x(), e.client_y() + 12);
            app.dispatch(Action::OpenMenu(Menu::Span { start, x, y }));
        })
    };
    // Where the mouse went down, and in which span: if a drag ends with a
    // collapsed selection (seen in Chromium when a drag crosses a bidi
    // boundary), the two caret positions under the pointer give the range
    // instead; a drag begun inside a span marks it anew.
    let down: Rc<RefCell<Option<Down>>> = use_mut_ref(|| None);
    let onmousedown = {
        let down = down.clone();
        let handle = handle.clone();
        Callback::from(move |e: MouseEvent| {
            let mark = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("mark.span").ok()?);
            let bounds = |m: &web_sys::Element, a: &str| m.get_attribute(a).and_then(|s| s.parse::<usize>().ok());
            let inside = mark.as_ref().and_then(|m| bounds(m, "data-start"));
            *handle.borrow_mut() = None;
            if let Some(m) = &mark {
                if let (Some(edge), Some(s), Some(t)) =
                    (dom::edge_at(m, e.client_x().into(), e.client_y().into()), inside, bounds(m, "data-end"))
                {
                    // A handle: no text selection, the boundary follows the pointer.
                    e.prevent_default();
                    *handle.borrow_mut() = Some((s, t, edge));
                }
            }
            *down.borrow_mut() = Some((e.client_x(), e.client_y(), inside));
        })
    };
    // The bounds a dragged handle gives at this pointer position.
    let handle_bounds = {
        let entry = entry.clone();
        move |(s, t, edge): (usize, usize, Edge), e: &MouseEvent| -> Option<std::ops::Range<usize>> {
            let at = dom::char_at_point(e.client_x(), e.client_y())?;
            let words = entry.as_ref()?.word_list();
            let p = snap_edge(&words, at, edge == Edge::Start, e.alt_key());
            let r = if edge == Edge::Start { p..t } else { s..p };
            (r.start < r.end).then_some(r)
        }
    };
    let onmousemove = {
        let handle = handle.clone();
        let handle_bounds = handle_bounds.clone();
        Callback::from(move |e: MouseEvent| {
            let view = e.current_target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(h) = *handle.borrow() {
                dom::show_range("barchasb-drag", handle_bounds(h, &e).as_ref(), false);
                return;
            }
            // Over a handle the pointer says it can be dragged.
            let mark = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("mark.span").ok()?);
            let over = mark.is_some_and(|m| dom::edge_at(&m, e.client_x().into(), e.client_y().into()).is_some());
            if let Some(v) = view {
                let _ = v.style().set_property("cursor", if over { "col-resize" } else { "" });
            }
        })
    };
    let onmouseup = {
        let app = app.clone();
        let dragged = dragged.clone();
        let entry = entry.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(entry) = &entry else { return };
            let from = down.borrow_mut().take();
            let moved = from.is_some_and(|(x, y, _)| (x - e.client_x()).abs() + (y - e.client_y()).abs() >= 6);
            *dragged.borrow_mut() = moved;
            if let Some(h) = handle.borrow_mut().take() {
                dom::show_range("barchasb-drag", None, false);
                if let Some(new) = handle_bounds(h, &e).filter(|_| moved) {
                    app.dispatch(Action::SetBounds { start: h.0, new });
                }
                return;
            }
            let sel = dom::selection_chars().or_else(|| {
                let (x, y, _) = from.filter(|_| moved)?; // a click is not a drag
                let (a, b) = (dom::char_at_point(x, y)?, dom::char_at_point(e.client_x(), e.client_y())?);
                (a != b).then(|| a.min(b)..a.max(b))
            });
            let Some(sel) = sel else { return };
            // The rules' words (from the worker), so a drag can mark a name
            // inside words run together; with Alt held, exactly the characters.
            let r = if e.alt_key() { Some(sel) } else { dom::snap_in(entry, sel) };
            match r {
                Some(r) => {
                    // The highlight is then what the label menu labels.
                    dom::select_chars(&r);
                    let replace = from.and_then(|f| f.2).filter(|&s| s < r.end);
                    app.dispatch(Action::OpenMenu(dom::label_menu_at(&r, e.client_x(), e.client_y(), replace)));
                }
                None => app.dispatch(Action::CloseAll),
            }
        })
    };

    let Some(entry) = entry else {
        let (lang, text) = (app.lang, if app.loaded { T::NoDocument } else { T::Loading });
        return html! {
            <article id="doc-view" ref={view} class="empty" dir="rtl" lang="fa">
                <p dir={lang.dir()} lang={lang.code()}>{ lang.t(text) }</p>
            </article>
        };
    };
    let focused = app.focused;
    html! {
        <article id="doc-view" ref={view} data-doc-id={entry.doc.id.clone()} dir="rtl" lang="fa" tabindex="0"
            aria-label={app.lang.t(T::DocTextAria)}
            data-caret-start={caret.as_ref().map(|r| r.start.to_string())}
            data-caret-end={caret.as_ref().map(|r| r.end.to_string())}
            {onclick} {onmousedown} {onmousemove} {onmouseup}>
            { for paras.iter().map(|p| {
                let f = focused.filter(|f| p.has_span(*f));
                html! { <Paragraph key={p.start} para={p.clone()} focused={f} labels={app.labels.clone()} /> }
            }) }
        </article>
    }
}
