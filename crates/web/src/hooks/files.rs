//! Files come in two ways: the Open files input and a drop anywhere on the
//! page (with `body.dropping` while files are dragged over it). Both read
//! the files' bytes a slice at a time, showing how far (`#import-progress`,
//! which can stop it), and import them in one action; `barchasb_formats`
//! decodes and reads them, in the formats worker.

use crate::formats_worker::{FormatsWorker, Request, Response, SCRIPT};
use crate::state::{Action, Reading, TeamEvent};
use crate::AppHandle;
use gloo::events::{EventListener, EventListenerOptions};
use gloo::worker::{Spawnable, WorkerBridge};
use serde_bytes::ByteBuf;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Bytes read of a file per step: the progress moves and a stop is seen
/// between two steps.
const SLICE: u64 = 1 << 20;

thread_local! {
    /// How many times an import was stopped: an import being read that
    /// sees it move on ([`stop_reading`]) adds nothing.
    static TICKET: Cell<u32> = const { Cell::new(0) };
}

/// Stops the import being read (`#import-stop`): nothing of it is added.
pub fn stop_reading(app: &AppHandle) {
    TICKET.with(|t| t.set(t.get().wrapping_add(1)));
    app.dispatch(Action::StopReading);
}

/// Whether the import that began at `ticket` stops was stopped since.
fn stopped(ticket: u32) -> bool {
    TICKET.with(|t| t.get() != ticket)
}

/// Reads every file of a list, a slice at a time (`#import-progress` shows
/// how far; it can be stopped), then imports them all in one action.
pub fn import_file_list(app: AppHandle, list: web_sys::FileList) {
    let files: Vec<gloo::file::File> = (0..list.length()).filter_map(|i| list.get(i)).map(Into::into).collect();
    if files.is_empty() {
        return;
    }
    // Stopped by the next stop (another import started meanwhile is not a stop).
    let ticket = TICKET.with(Cell::get);
    yew::platform::spawn_local(async move {
        let total = files.iter().map(|f| f.size()).sum();
        let mut progress = Reading { done: 0, total, parsing: false };
        let mut read = Vec::new();
        let mut parsed = Vec::new();
        for f in files {
            let name = f.name();
            match read_sliced(&app, &f, &mut progress, ticket).await {
                Some(Ok(bytes)) => read.push((name, ByteBuf::from(bytes))),
                Some(Err(e)) => parsed.push(barchasb_formats::Parsed {
                    problems: vec![barchasb_formats::Problem::file(&name, format!("cannot read the file: {e}"))],
                    ..Default::default()
                }),
                None => return,
            }
        }
        app.dispatch(Action::Reading(Some(Reading { parsing: true, ..progress })));
        if app.team.review {
            // Annotators' exports: merged for review in the formats worker.
            return ask(Request::Review(read), move |r| {
                app.dispatch(Action::Reading(None));
                if let (Response::Review(wire), false) = (r, stopped(ticket)) {
                    app.dispatch(Action::Team(TeamEvent::Reviewed(Rc::new(wire))));
                }
            });
        }
        // Every reader lives in the formats worker (plain text and the
        // app's JSONL too: the page's wasm holds none of them).
        ask(Request::Read(read), move |r| {
            if let (Response::Read(files), false) = (r, stopped(ticket)) {
                parsed.extend(files.into_iter().map(|w| w.into_parsed()));
                app.dispatch(Action::Import(parsed));
            }
        });
    });
}

/// The bytes of `file`, read a [`SLICE`] at a time with the progress shown
/// after each; `None` once the import `ticket` is stopped.
async fn read_sliced(
    app: &AppHandle,
    file: &gloo::file::File,
    progress: &mut Reading,
    ticket: u32,
) -> Option<Result<Vec<u8>, gloo::file::FileReadError>> {
    let size = file.size();
    let mut bytes = Vec::with_capacity(size as usize);
    let mut at = 0;
    while at < size {
        let end = (at + SLICE).min(size);
        let part = gloo::file::futures::read_as_bytes(&file.slice(at, end)).await;
        if stopped(ticket) {
            return None;
        }
        match part {
            Ok(part) => bytes.extend_from_slice(&part),
            Err(e) => return Some(Err(e)),
        }
        progress.done += end - at;
        at = end;
        app.dispatch(Action::Reading(Some(*progress)));
    }
    Some(Ok(bytes))
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
