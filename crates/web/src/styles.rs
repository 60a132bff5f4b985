//! Styles the app computes, with no inline style attribute (the page's CSP
//! allows no `'unsafe-inline'` for styles, so markup in a document can never
//! style the page either):
//!
//! - label colours: one constructed stylesheet (`document.adoptedStyleSheets`)
//!   with a rule per label, `--c` for every element of that `data-label`,
//!   rebuilt when the labels change; only `#rrggbb` colours reach it and the
//!   names are escaped as CSS strings ([`label_rules`]);
//! - a popup's position: set through the CSSOM after it renders
//!   ([`use_placed`]).

use barchasb_core::LabelSet;
use std::fmt::Write;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// `#rrggbb`, or grey: a stored colour can never inject CSS.
fn valid_color(c: &str) -> &str {
    let ok = c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|h| h.is_ascii_hexdigit());
    if ok {
        c
    } else {
        "#888888"
    }
}

/// `s` as the inside of a double-quoted CSS string.
fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            // control characters (a newline ends a CSS string) as hex escapes
            c if c.is_control() => {
                let _ = write!(out, "\\{:x} ", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// The rules giving each label its colour: the marks, and the label
/// buttons and names of the span and label menus.
pub fn label_rules(labels: &LabelSet) -> String {
    let mut out = String::new();
    for l in &labels.labels {
        let (n, c) = (css_string(&l.name), valid_color(&l.color));
        let _ = writeln!(out, "mark.span[data-label=\"{n}\"], .menu [data-label=\"{n}\"] {{ --c: {c}; }}");
    }
    out
}

/// Puts `rules` in the page's constructed stylesheet (made at the first
/// call). Nothing happens where constructed stylesheets are missing: the
/// marks then keep the stylesheet's default colours.
pub fn set_rules(rules: &str) {
    thread_local! {
        static SHEET: Option<JsValue> = make_sheet();
    }
    SHEET.with(|sheet| {
        if let Some(sheet) = sheet {
            let replace = js_sys::Reflect::get(sheet, &"replaceSync".into()).ok();
            if let Some(f) = replace.and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
                let _ = f.call1(sheet, &rules.into());
            }
        }
    });
}

/// A new `CSSStyleSheet`, adopted by the document.
fn make_sheet() -> Option<JsValue> {
    let global = js_sys::global();
    let ctor = js_sys::Reflect::get(&global, &"CSSStyleSheet".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let sheet = js_sys::Reflect::construct(&ctor, &js_sys::Array::new()).ok()?;
    let document = web_sys::window()?.document()?;
    let adopted = js_sys::Array::from(&js_sys::Reflect::get(&document, &"adoptedStyleSheets".into()).ok()?);
    adopted.push(&sheet);
    js_sys::Reflect::set(&document, &"adoptedStyleSheets".into(), &adopted).ok()?;
    Some(sheet)
}

/// A ref for a popup placed at viewport `(x, y)` (through the CSSOM, after
/// each render that moves it).
#[hook]
pub fn use_placed(x: i32, y: i32) -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect(move || {
            if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                let style = el.style();
                let _ = style.set_property("left", &format!("{x}px"));
                let _ = style.set_property("top", &format!("{y}px"));
            }
        });
    }
    node
}

#[cfg(test)]
mod tests {
    use super::*;
    use barchasb_core::Label;

    #[test]
    fn a_rule_per_label_with_its_name_escaped_and_only_hex_colours() {
        let mut labels = LabelSet::default();
        labels.labels.truncate(1);
        let odd = |name: &str, color: &str| Label {
            name: name.into(),
            key: "q".into(),
            color: color.into(),
            description: String::new(),
        };
        labels.labels.push(odd("A\"] , * { color: red } [x=\"", "#12abEF"));
        labels.labels.push(odd("B\\\nC", "red; } body { display: none"));
        let rules = label_rules(&labels);
        let lines: Vec<&str> = rules.lines().collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0], "mark.span[data-label=\"PER\"], .menu [data-label=\"PER\"] { --c: #e6194b; }");
        assert_eq!(
            lines[1],
            r#"mark.span[data-label="A\"] , * { color: red } [x=\""], .menu [data-label="A\"] , * { color: red } [x=\""] { --c: #12abEF; }"#
        );
        assert_eq!(lines[2], r#"mark.span[data-label="B\\\a C"], .menu [data-label="B\\\a C"] { --c: #888888; }"#);
    }
}
