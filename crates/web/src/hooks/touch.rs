//! On a touch screen a drag that begins on the words a tap selected extends
//! them word by word (issue 13): the page does not scroll meanwhile, the
//! highlight follows the finger, and when it lifts the label menu opens for
//! the words. A drag begun anywhere else scrolls the text as usual.

use crate::dom;
use crate::state::{Action, Entry};
use crate::AppHandle;
use gloo::events::{EventListener, EventListenerOptions};
use std::cell::Cell;
use std::ops::Range;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::TouchEvent;
use yew::prelude::*;

/// The viewport point of a list's first finger.
fn point(list: web_sys::TouchList) -> Option<(i32, i32)> {
    let t = list.get(0)?;
    Some((t.client_x(), t.client_y()))
}

/// The selected words stretched to the word under `(x, y)`.
fn stretched(entry: &Entry, from: &Range<usize>, (x, y): (i32, i32)) -> Option<Range<usize>> {
    let at = dom::char_at_point(x, y)?;
    dom::snap_in(entry, from.start.min(at)..from.end.max(at + 1))
}

/// Listens on `#doc-view` (`view`) while `selected` (the word cursor's
/// range) is set: a touch on it starts a stretch.
#[hook]
pub fn use_touch_stretch(view: NodeRef, app: AppHandle, entry: Option<Rc<Entry>>, selected: Option<Range<usize>>) {
    use_effect_with((selected, entry.as_ref().map(|e| (e.rev, e.text_gen))), move |(selected, _)| {
        let listeners = (|| {
            let (el, from, entry) = (view.cast::<web_sys::Element>()?, selected.clone()?, entry?);
            // The range so far, while a stretch is on.
            let now: Rc<Cell<Option<(usize, usize)>>> = Rc::new(Cell::new(None));
            let opts = EventListenerOptions::enable_prevent_default();
            let start = {
                let (now, from) = (now.clone(), from.clone());
                EventListener::new_with_options(&el, "touchstart", opts, move |e| {
                    let Some(e) = e.dyn_ref::<TouchEvent>().filter(|e| e.touches().length() == 1) else { return };
                    let on = point(e.touches())
                        .and_then(|(x, y)| dom::char_at_point(x, y))
                        .is_some_and(|at| from.contains(&at));
                    now.set(on.then_some((from.start, from.end)));
                })
            };
            let stretch = {
                let (now, entry) = (now.clone(), entry.clone());
                EventListener::new_with_options(&el, "touchmove", opts, move |e| {
                    let (Some(e), Some(_)) = (e.dyn_ref::<TouchEvent>(), now.get()) else { return };
                    e.prevent_default(); // no scrolling while the words stretch
                    if let Some(r) = point(e.touches()).and_then(|p| stretched(&entry, &from, p)) {
                        now.set(Some((r.start, r.end)));
                        dom::show_range("barchasb-caret", Some(&r), false);
                    }
                })
            };
            let end = EventListener::new_with_options(&el, "touchend", opts, move |e| {
                let (Some(e), Some((s, t))) = (e.dyn_ref::<TouchEvent>(), now.take()) else { return };
                let Some((x, y)) = point(e.changed_touches()) else { return };
                e.prevent_default(); // no click after it
                app.dispatch(Action::CaretAt { pos: s, extend: false });
                app.dispatch(Action::CaretAt { pos: t - 1, extend: true });
                app.dispatch(Action::OpenMenu(dom::label_menu_at(&(s..t), x, y, None)));
            });
            Some([start, stretch, end])
        })();
        move || drop(listeners)
    });
}
