//! Files come in two ways: the Open files input and a drop anywhere on the
//! page (with `body.dropping` while files are dragged over it). Both read
//! the files' bytes and import them in one action; `barchasb_formats`
//! decodes and reads them.

use crate::state::Action;
use crate::AppHandle;
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Reads every file of a list, then imports them all in one action.
pub fn import_file_list(app: AppHandle, list: web_sys::FileList) {
    let files: Vec<gloo::file::File> = (0..list.length()).filter_map(|i| list.get(i)).map(Into::into).collect();
    if files.is_empty() {
        return;
    }
    yew::platform::spawn_local(async move {
        let mut parsed = Vec::new();
        for f in files {
            let name = f.name();
            parsed.push(match gloo::file::futures::read_as_bytes(&f).await {
                Ok(bytes) => barchasb_formats::read_file_with(&name, &bytes, crate::dom::windows_1256),
                Err(e) => barchasb_formats::Parsed {
                    problems: vec![barchasb_formats::Problem::file(&name, format!("cannot read the file: {e}"))],
                    ..Default::default()
                },
            });
        }
        // A task of its own for the import (reading 1.5 MB is one already).
        yew::platform::time::sleep(std::time::Duration::ZERO).await;
        app.dispatch(Action::Import(parsed));
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
