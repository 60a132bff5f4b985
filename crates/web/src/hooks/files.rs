//! Files come in two ways: the Open files input and a drop anywhere on the
//! page (with `body.dropping` while files are dragged over it). Both read
//! the files' bytes and import them in one action; `barchasb_formats`
//! decodes and reads them, in the formats worker.

use crate::formats_worker::{FormatsWorker, Request, Response, SCRIPT};
use crate::state::{Action, TeamEvent};
use crate::AppHandle;
use gloo::events::{EventListener, EventListenerOptions};
use gloo::worker::{Spawnable, WorkerBridge};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Reads every file of a list, then imports them all in one action.
pub fn import_file_list(app: AppHandle, list: web_sys::FileList) {
    let files: Vec<gloo::file::File> = (0..list.length()).filter_map(|i| list.get(i)).map(Into::into).collect();
    if files.is_empty() {
        return;
    }
    yew::platform::spawn_local(async move {
        let mut read = Vec::new();
        let mut parsed = Vec::new();
        for f in files {
            let name = f.name();
            match gloo::file::futures::read_as_bytes(&f).await {
                Ok(bytes) => read.push((name, bytes)),
                Err(e) => parsed.push(barchasb_formats::Parsed {
                    problems: vec![barchasb_formats::Problem::file(&name, format!("cannot read the file: {e}"))],
                    ..Default::default()
                }),
            }
        }
        if app.team.review {
            // Annotators' exports: merged for review in the formats worker.
            return ask(Request::Review(read), move |r| {
                if let Response::Review(wire) = r {
                    app.dispatch(Action::Team(TeamEvent::Reviewed(Rc::new(wire))));
                }
            });
        }
        // Every reader lives in the formats worker (plain text and the
        // app's JSONL too: the page's wasm holds none of them).
        ask(Request::Read(read), move |r| {
            if let Response::Read(files) = r {
                parsed.extend(files.into_iter().map(|w| w.into_parsed()));
                app.dispatch(Action::Import(parsed));
            }
        });
    });
}

/// The answers awaited, by request number, and the next number.
type Waiting = Rc<RefCell<(HashMap<u32, Box<dyn FnOnce(Response)>>, u32)>>;

thread_local! {
    /// The formats worker, started on first use, and the answers awaited
    /// from it (by number: a project's fetches answer after later reads).
    static FORMATS: RefCell<Option<(WorkerBridge<FormatsWorker>, Waiting)>> = const { RefCell::new(None) };
}

/// Sends one request to the formats worker (started the first time) and
/// hands its answer to `done`.
pub fn ask(req: Request, done: impl FnOnce(Response) + 'static) {
    FORMATS.with(|slot| {
        let mut slot = slot.borrow_mut();
        let (bridge, waiting) = slot.get_or_insert_with(|| {
            let waiting: Waiting = Rc::default();
            let w = waiting.clone();
            let bridge = FormatsWorker::spawner()
                .callback(move |(n, r)| {
                    let done = w.borrow_mut().0.remove(&n);
                    if let Some(f) = done {
                        f(r);
                    }
                })
                .spawn_with_loader(SCRIPT);
            (bridge, waiting)
        });
        let mut w = waiting.borrow_mut();
        let n = w.1;
        w.1 += 1;
        w.0.insert(n, Box::new(done));
        bridge.send((n, req));
    });
}

/// Whether a drag carries files (not a text selection being dragged).
fn has_files(e: &web_sys::DragEvent) -> bool {
    e.data_transfer().is_some_and(|dt| dt.types().iter().any(|t| t.as_string().as_deref() == Some("Files")))
}

fn set_dropping(on: bool) {
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        let _ = if on { body.class_list().add_1("dropping") } else { body.class_list().remove_1("dropping") };
    }
}

/// Files dropped anywhere on the page are imported.
#[hook]
pub fn use_file_drop(app: AppHandle) {
    use_effect_with((), move |_| {
        let window = web_sys::window().expect("a browser window");
        let options = EventListenerOptions::enable_prevent_default();
        let over = EventListener::new_with_options(&window, "dragover", options, |e| {
            let Some(e) = e.dyn_ref::<web_sys::DragEvent>() else { return };
            if has_files(e) {
                e.prevent_default(); // or the browser opens the file itself
                set_dropping(true);
            }
        });
        let leave = EventListener::new(&window, "dragleave", |e| {
            let Some(e) = e.dyn_ref::<web_sys::DragEvent>() else { return };
            // Leaving the window (no element to enter) ends the drag-over.
            if e.related_target().is_none() {
                set_dropping(false);
            }
        });
        let drop = EventListener::new_with_options(&window, "drop", options, move |e| {
            let Some(e) = e.dyn_ref::<web_sys::DragEvent>() else { return };
            set_dropping(false);
            let Some(files) = e.data_transfer().and_then(|dt| dt.files()).filter(|f| f.length() > 0) else { return };
            e.prevent_default();
            import_file_list(app.clone(), files);
        });
        move || drop_all([over, leave, drop])
    });
}

fn drop_all(listeners: [EventListener; 3]) {
    drop(listeners);
}
