//! Reading the documents' texts for "apply everywhere" ahead of need: a
//! label counts the other occurrences of its text in every document
//! (`matching`), which tokenizes each text the first time. Done while the
//! annotator reads instead, one document a task (the open one first, a
//! moment after it paints), that first label in a 100,000-character
//! document is no slower than the next.

use crate::matching;
use crate::state::Entry;
use crate::AppHandle;
use gloo::timers::callback::Timeout;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// How long after a document opens (or the list changes) reading starts, in ms.
const AFTER_MS: u32 = 60;

/// The documents still to read, the open one first.
fn to_read(app: &AppHandle) -> Vec<Rc<Entry>> {
    let open = app.open.and_then(|i| app.docs.get(i)).cloned();
    let rest = app.docs.iter().filter(|e| app.open_entry().is_none_or(|o| o.doc.id != e.doc.id)).cloned();
    open.into_iter().chain(rest).filter(|e| !matching::is_read(&e.doc.id, e.text_gen)).collect()
}

/// Reads the first of `queue` after `wait` ms, then the next in a task of
/// its own, until the queue is empty, the cache full or `stop` set.
fn step(mut queue: Vec<Rc<Entry>>, stop: Rc<Cell<bool>>, wait: u32) {
    Timeout::new(wait, move || {
        let Some(e) = queue.pop() else { return };
        if !stop.get() && matching::warm(&e.doc.id, e.text_gen, &e.doc.text) {
            step(queue, stop, 0);
        }
    })
    .forget(); // a one-off: freed once it has run
}

/// Reads ahead whenever the open document or a text changes.
#[hook]
pub fn use_warm_matching(app: AppHandle) {
    let texts: u64 = app.docs.iter().map(|e| e.text_gen).fold(app.docs.len() as u64, u64::wrapping_add);
    let open = app.open_entry().map(|e| e.doc.id.clone());
    use_effect_with((open, texts), move |_| {
        let stop = Rc::new(Cell::new(false));
        let mut queue = to_read(&app);
        queue.reverse(); // popped from the end: the open one first
        step(queue, stop.clone(), AFTER_MS);
        // a newer list replaces this one
        move || stop.set(true)
    });
}
