//! The few direct DOM operations: reading the selection in code points,
//! focusing a span element, downloading a file.

use crate::dom_offsets::{node_point_to_char, snap_words, token_words};
use std::ops::Range;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The code point offset of an element's first character: `data-offset`
/// (text runs, continued spans), `data-start` (spans), `data-para` (paragraphs).
fn base_of(el: &Element) -> Option<usize> {
    ["data-offset", "data-start", "data-para"].iter().find_map(|a| el.get_attribute(a)?.parse().ok())
}

/// A DOM position (node, offset) inside `#doc-view` in code points.
fn point(node: &Node, offset: u32) -> Option<usize> {
    if node.node_type() == Node::TEXT_NODE {
        let el = node.parent_element()?.closest("[data-offset],[data-start],[data-para]").ok()??;
        let text = node.text_content().unwrap_or_default();
        return Some(node_point_to_char(base_of(&el)?, &text, offset as usize));
    }
    let el: &Element = node.dyn_ref()?;
    let children = el.child_nodes();
    if let Some(child) = children.item(offset) {
        // the position is just before `child`
        let child_el: Element = child.dyn_into().ok()?;
        return base_of(&child_el);
    }
    // the position is at the end of `el`
    let last = children.item(children.length().checked_sub(1)?);
    match last {
        Some(last) => {
            let last_el: Element = last.clone().dyn_into().ok()?;
            let len = last.text_content().unwrap_or_default().chars().count();
            Some(base_of(&last_el)? + len)
        }
        None => base_of(el),
    }
}

/// The current selection in `#doc-view`, as unsnapped code points; `None`
/// when it is collapsed or outside the document.
pub fn selection_chars() -> Option<Range<usize>> {
    let view = document()?.get_element_by_id("doc-view")?;
    let sel = web_sys::window()?.get_selection().ok()??;
    if sel.is_collapsed() || sel.range_count() == 0 {
        return None;
    }
    let (an, fnode) = (sel.anchor_node()?, sel.focus_node()?);
    if !view.contains(Some(&an)) || !view.contains(Some(&fnode)) {
        return None;
    }
    let a = point(&an, sel.anchor_offset())?;
    let f = point(&fnode, sel.focus_offset())?;
    (a != f).then(|| a.min(f)..a.max(f))
}

/// The caret position (code points) under a viewport point in `#doc-view`.
pub fn char_at_point(x: i32, y: i32) -> Option<usize> {
    let doc = document()?;
    let view = doc.get_element_by_id("doc-view")?;
    let caret = doc.caret_position_from_point(x as f32, y as f32)?;
    let node = caret.offset_node()?;
    if !view.contains(Some(&node)) {
        return None;
    }
    point(&node, caret.offset())
}

/// A selection in `entry`'s text snapped to its words: the rules' words
/// from the worker, or the tokenizer's until they come.
pub fn snap_in(entry: &crate::state::Entry, sel: Range<usize>) -> Option<Range<usize>> {
    match &entry.words {
        Some(w) => snap_words(w, sel),
        None => snap_words(&token_words(&entry.doc.text), sel),
    }
}

/// The current selection snapped to the open document's words.
pub fn snapped_selection(entry: &crate::state::Entry) -> Option<Range<usize>> {
    snap_in(entry, selection_chars()?)
}

pub fn clear_selection() {
    if let Some(Ok(Some(sel))) = web_sys::window().map(|w| w.get_selection()) {
        let _ = sel.remove_all_ranges();
    }
}

/// The rendered element of the span starting at `start`.
pub fn span_element(start: usize) -> Option<web_sys::HtmlElement> {
    let q = format!("#doc-view mark.span[data-start=\"{start}\"]");
    document()?.query_selector(&q).ok()??.dyn_into().ok()
}

/// A viewport position for a menu under an element, kept on screen.
pub fn menu_position_for(el: &Element) -> (i32, i32) {
    let r = el.get_bounding_client_rect();
    clamp_menu(r.left() as i32, r.bottom() as i32 + 4)
}

/// Keeps a menu of about 280×320 px inside the viewport.
pub fn clamp_menu(x: i32, y: i32) -> (i32, i32) {
    let (w, h) = web_sys::window()
        .map(|w| {
            let f = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(800.0) as i32;
            (f(w.inner_width()), f(w.inner_height()))
        })
        .unwrap_or((800, 600));
    (x.clamp(0, (w - 280).max(0)), y.clamp(0, (h - 320).max(0)))
}

/// Offers `content` (text or bytes) as a file download named `name`.
pub fn download(name: &str, content: impl gloo::file::BlobContents, mime: &str) -> Result<(), String> {
    let blob = gloo::file::Blob::new_with_options(content, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let doc = document().ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement =
        doc.create_element("a").map_err(|e| format!("{e:?}"))?.dyn_into().map_err(|_| "not an anchor")?;
    a.set_href(&url);
    a.set_download(name);
    let _ = a.set_attribute("hidden", "");
    doc.body().ok_or("no body")?.append_child(&a).map_err(|e| format!("{e:?}"))?;
    a.click();
    a.remove();
    // Revoke the URL later: the download reads it after this returns.
    gloo::timers::callback::Timeout::new(60_000, move || drop(url)).forget();
    Ok(())
}

/// Whether a keyboard event's target is a place where the user types.
pub fn is_typing_target(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<Element>().ok()) else { return false };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el.dyn_ref::<web_sys::HtmlElement>().is_some_and(|h| h.is_content_editable())
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `localStorage.getItem` (an error where storage is refused).
    #[wasm_bindgen(js_namespace = localStorage, js_name = getItem, catch)]
    pub fn local_get(key: &str) -> Result<Option<String>, wasm_bindgen::JsValue>;
    /// `localStorage.setItem`.
    #[wasm_bindgen(js_namespace = localStorage, js_name = setItem, catch)]
    pub fn local_set(key: &str, value: &str) -> Result<(), wasm_bindgen::JsValue>;
}

/// The colour theme: `auto` (the system's), `dark` or `light`, as
/// `html[data-theme]` and remembered (`www/boot.js` applies it at start).
pub fn set_theme(theme: &str) {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ =
            if theme == "auto" { root.remove_attribute("data-theme") } else { root.set_attribute("data-theme", theme) };
    }
    let _ = local_set("barchasb-theme", theme);
}

/// The theme chosen (`auto` when none).
pub fn theme() -> String {
    local_get("barchasb-theme").ok().flatten().filter(|t| t == "dark" || t == "light").unwrap_or_else(|| "auto".into())
}
