//! The few direct DOM operations: reading the selection in code points,
//! showing a code point range (the word cursor, a dragged boundary),
//! finding a span's ends under the pointer, focusing a span element,
//! downloading a file.

use crate::dom_offsets::{char_to_node_point, node_point_to_char, snap_words, token_words};
use crate::state::Edge;
use std::ops::Range;
use wasm_bindgen::prelude::*;
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

/// The DOM position (text node, UTF-16 offset) of code point `k` of the
/// open document: in the run that holds it (`at_end`: the run it ends, so
/// a range's end stays beside its last character).
fn dom_point(k: usize, at_end: bool) -> Option<(Node, u32)> {
    let runs = document()?.query_selector_all("#doc-view [data-offset], #doc-view mark.span[data-start]").ok()?;
    for i in 0..runs.length() {
        let Some(el) = runs.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        let Some(base) = base_of(&el) else { continue };
        let Some(text) = (0..el.child_nodes().length())
            .filter_map(|j| el.child_nodes().item(j))
            .find(|n| n.node_type() == Node::TEXT_NODE)
        else {
            continue;
        };
        let t = text.text_content().unwrap_or_default();
        let len = t.chars().count();
        let inside = if at_end { base < k && k <= base + len } else { base <= k && k < base + len };
        if inside {
            return Some((text, char_to_node_point(&t, k - base) as u32));
        }
    }
    None
}

#[wasm_bindgen]
extern "C" {
    /// A DOM `Range` (web-sys has it behind a feature this crate leaves off).
    type DomRange;
    #[wasm_bindgen(js_namespace = document, js_name = createRange)]
    fn create_range() -> DomRange;
    #[wasm_bindgen(method, catch, js_name = setStart)]
    fn set_start(this: &DomRange, node: &Node, offset: u32) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = setEnd)]
    fn set_end(this: &DomRange, node: &Node, offset: u32) -> Result<(), JsValue>;
    #[wasm_bindgen(method, js_name = getBoundingClientRect)]
    fn bounds(this: &DomRange) -> web_sys::DomRect;
    #[wasm_bindgen(method, js_name = selectNodeContents)]
    fn select_contents(this: &DomRange, node: &Node);

    /// A `DOMRectList`.
    type Rects;
    #[wasm_bindgen(method, getter)]
    fn length(this: &Rects) -> u32;
    #[wasm_bindgen(method)]
    fn item(this: &Rects, i: u32) -> Option<web_sys::DomRect>;
    /// An element, for `getClientRects` (behind another web-sys feature).
    type AnyElement;
    #[wasm_bindgen(method, js_name = getClientRects)]
    fn client_rects(this: &AnyElement) -> Rects;

    /// A CSS custom highlight (`::highlight(name)` in the style sheet).
    type Highlight;
    #[wasm_bindgen(constructor, catch)]
    fn new(r: &DomRange) -> Result<Highlight, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["CSS", "highlights"], js_name = set)]
    fn highlight_set(name: &str, h: &Highlight) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["CSS", "highlights"], js_name = delete)]
    fn highlight_delete(name: &str) -> Result<JsValue, JsValue>;

    /// A selection, for `addRange` of a [`DomRange`].
    type AnySelection;
    #[wasm_bindgen(method, js_name = addRange)]
    fn add_dom_range(this: &AnySelection, r: &DomRange);
}

/// The DOM range of code points `r` of the open document.
fn dom_range(r: &Range<usize>) -> Option<DomRange> {
    let (a, ao) = dom_point(r.start, false)?;
    let (b, bo) = dom_point(r.end, true)?;
    let range = create_range();
    range.set_start(&a, ao).ok()?;
    range.set_end(&b, bo).ok()?;
    Some(range)
}

/// Shows code points `r` of the open document as the highlight `name`
/// (`None`: none); where the browser has no custom highlights, as the
/// selection. Scrolls it into view when `scroll`.
pub fn show_range(name: &str, r: Option<&Range<usize>>, scroll: bool) {
    let _ = highlight_delete(name);
    let Some(range) = r.and_then(dom_range) else { return };
    if Highlight::new(&range).and_then(|h| highlight_set(name, &h)).is_err() {
        select_dom_range(&range);
    }
    if scroll {
        let b = range.bounds();
        let h = web_sys::window().and_then(|w| w.inner_height().ok()?.as_f64()).unwrap_or(600.0);
        if b.top() < 0.0 || b.bottom() > h {
            let _ = web_sys::window().map(|w| w.scroll_by_with_x_and_y(0.0, b.top() - h / 3.0));
        }
    }
}

fn select_dom_range(range: &DomRange) {
    if let Some(Ok(Some(sel))) = web_sys::window().map(|w| w.get_selection()) {
        let _ = sel.remove_all_ranges();
        sel.unchecked_ref::<AnySelection>().add_dom_range(range);
    }
}

/// The code point on the line below (`down`) or above code point `k` of
/// the open document, at the same x: where ↓ and ↑ take the word cursor.
/// The page scrolls first when the line is near the window's edge.
pub fn line_neighbour(k: usize, down: bool) -> Option<usize> {
    let window = web_sys::window()?;
    let view_h = window.inner_height().ok()?.as_f64()?;
    let rect = |k: usize| dom_range(&(k..k + 1)).map(|r| r.bounds());
    let mut r = rect(k)?;
    if r.bottom() + 3.0 * r.height() > view_h || r.top() - 3.0 * r.height() < 0.0 {
        window.scroll_by_with_x_and_y(0.0, r.top() - view_h / 2.0);
        r = rect(k)?;
    }
    let x = ((r.left() + r.right()) / 2.0) as i32;
    // Down (up) in half lines until a character of another line is hit (a
    // paragraph's margin is in between).
    (1..=8).find_map(|step| {
        let dy = r.height() * 0.5 * f64::from(step);
        let y = if down { r.bottom() + dy } else { r.top() - dy };
        let at = char_at_point(x, y as i32)?;
        let a = rect(at)?;
        let other = if down { a.top() >= r.bottom() - 1.0 } else { a.bottom() <= r.top() + 1.0 };
        other.then_some(at)
    })
}

/// Makes the selection exactly code points `r` (a drag's snapped range: the
/// highlight is then what a label key labels).
pub fn select_chars(r: &Range<usize>) {
    if let Some(range) = dom_range(r) {
        select_dom_range(&range);
    }
}

/// Which end of the span `mark` a viewport point is on: the start at its
/// inline start (the right, in this right-to-left text), the end at its
/// inline end (the left: the label tag's side), within a few pixels.
pub fn edge_at(mark: &Element, x: f64, y: f64) -> Option<Edge> {
    let rects = mark.unchecked_ref::<AnyElement>().client_rects();
    let (first, last) = (rects.item(0)?, rects.item(rects.length().checked_sub(1)?)?);
    let text = create_range();
    text.select_contents(mark);
    let t = text.bounds();
    let on = |r: &web_sys::DomRect| y >= r.top() - 2.0 && y <= r.bottom() + 2.0;
    const NEAR: f64 = 7.0;
    if on(&first) && x <= first.right() + NEAR && x >= (t.right() - 3.0).min(first.right() - NEAR) {
        return Some(Edge::Start);
    }
    if on(&last) && x >= last.left() - NEAR && x <= (t.left() + 3.0).max(last.left() + NEAR) {
        return Some(Edge::End);
    }
    None
}

/// Focuses the element with this id; whether it has the focus now (not
/// when it is hidden).
pub fn focus_id(id: &str) -> bool {
    let Some(doc) = document() else { return false };
    let Some(el) = doc.get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return false;
    };
    let _ = el.focus();
    doc.active_element().is_some_and(|a| a.id() == id)
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

/// The label menu for the code points `r`, just below the pointer at
/// viewport `(x, y)` and kept on screen (`replace`: the span it replaces).
pub fn label_menu_at(r: &Range<usize>, x: i32, y: i32, replace: Option<usize>) -> crate::state::Menu {
    let (x, y) = clamp_menu(x, y + 12);
    crate::state::Menu::Label { start: r.start, end: r.end, x, y, replace }
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

/// The interface language, as `html[lang]` and `html[dir]`, remembered
/// (`www/boot.js` applies it at start).
pub fn set_lang(lang: crate::i18n::Lang) {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = root.set_attribute("lang", lang.code());
        let _ = root.set_attribute("dir", lang.dir());
    }
    let _ = local_set("barchasb-lang", lang.code());
}

/// A new version of the app waits (`html[data-update="ready"]`, set by
/// `www/boot.js` with the event `barchasb-update`).
pub fn update_ready() -> bool {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    root.and_then(|r| r.get_attribute("data-update")).is_some_and(|v| v == "ready")
}

/// Asks `www/boot.js` to switch to the new version and reload (the event
/// `barchasb-apply-update`).
pub fn apply_update() {
    if let (Some(w), Ok(e)) = (web_sys::window(), web_sys::Event::new("barchasb-apply-update")) {
        let _ = w.dispatch_event(&e);
    }
}

/// The language chosen (Persian when none).
pub fn lang() -> crate::i18n::Lang {
    local_get("barchasb-lang").ok().flatten().and_then(|l| crate::i18n::Lang::parse(&l)).unwrap_or_default()
}

/// The theme chosen (`auto` when none).
pub fn theme() -> String {
    local_get("barchasb-theme").ok().flatten().filter(|t| t == "dark" || t == "light").unwrap_or_else(|| "auto".into())
}
