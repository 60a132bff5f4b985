//! The tagger's web worker, driven from the state (see `state/model.rs`):
//!
//! - once the documents are loaded, the stored model (or none) goes to the
//!   worker (`Request::Load`);
//! - each document marked done goes to it (`Request::Learn`, its confirmed
//!   spans); the worker answers with the new model, which is saved in
//!   IndexedDB ([`Storage::save_model`]); once saved, the documents it
//!   learned are marked learned (saved with them), and at startup those
//!   still unmarked are sent again (`state/model.rs`);
//! - after each change of the model (and when documents are added), the
//!   documents never opened get the model's suggestions (`Request::Suggest`);
//! - reset, export and import go through the [`ModelBridge`] context.
//!
//! All learning and tagging happen in the worker: the page never waits.

use super::persistence::Storage;
use crate::state::{Action, ModelEvent};
use crate::tagger_worker::{Origin, Request, Response, TaggerWorker, SCRIPT};
use crate::{dom, AppHandle};
use gloo::worker::{Spawnable, WorkerBridge};
use std::rc::Rc;
use yew::prelude::*;

/// The page's end of the worker, shared with the model controls.
#[derive(Clone)]
pub struct ModelBridge(Rc<WorkerBridge<TaggerWorker>>);

impl PartialEq for ModelBridge {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl ModelBridge {
    pub fn send(&self, r: Request) {
        self.0.send(r);
    }
}

fn labels(app: &AppHandle) -> Vec<String> {
    app.labels.names().map(String::from).collect()
}

fn on_response(app: &AppHandle, storage: &Storage, r: Response) {
    let event = match r {
        Response::Model { docs_learned, labels, origin, learned_seq, save } => {
            if let Some(bytes) = save {
                let saved = ModelEvent::Saved { docs_learned, learned_seq };
                storage.save_model(app, &bytes, Action::Model(saved));
            }
            match (origin, learned_seq) {
                (Some(Origin::Startup), _) => ModelEvent::Ready { docs_learned, labels },
                (Some(Origin::Import), _) => ModelEvent::Imported { docs_learned, labels },
                (Some(Origin::Reset), _) => ModelEvent::WasReset { docs_learned, labels },
                (None, Some(seq)) => ModelEvent::Learned { seq, docs_learned },
                (None, None) => ModelEvent::Ready { docs_learned, labels },
            }
        }
        Response::LoadFailed { error, origin } => ModelEvent::LoadFailed { error, import: origin == Origin::Import },
        Response::Suggestions { docs, tokens, ms } => ModelEvent::Suggested { docs, tokens, ms },
        Response::Exported(bytes) => {
            if let Err(e) = dom::download("barchasb-model.bin", bytes.as_slice(), "application/octet-stream") {
                app.dispatch(Action::StorageFailed(format!("Model export failed: {e}")));
            }
            return;
        }
    };
    app.dispatch(Action::Model(event));
}

/// Spawns the worker and keeps it fed; returns the bridge for the controls.
#[hook]
pub fn use_model(app: AppHandle, storage: Storage) -> ModelBridge {
    let bridge = {
        let (app, storage) = (app.clone(), storage.clone());
        use_memo((), move |_| {
            let bridge = TaggerWorker::spawner().callback(move |r| on_response(&app, &storage, r)).spawn(SCRIPT);
            ModelBridge(Rc::new(bridge))
        })
    };
    let bridge = (*bridge).clone();

    {
        let (app, bridge, storage) = (app.clone(), bridge.clone(), storage.clone());
        use_effect_with(app.loaded, move |&loaded| {
            if loaded {
                let model = storage.take_model();
                bridge.send(Request::Load { model, labels: labels(&app), origin: Origin::Startup });
            }
        });
    }

    // Documents marked done, each sent once (the state keeps them queued
    // until the model that learned them is saved).
    let sent = use_mut_ref(|| 0u64);
    {
        let (app, bridge) = (app.clone(), bridge.clone());
        use_effect_with(app.model.learn_seq, move |_| {
            let mut sent = sent.borrow_mut();
            let last = *sent;
            for q in app.model.to_learn.iter().filter(|q| q.seq > last) {
                if let Some(e) = app.docs.iter().find(|e| e.doc.id == q.id) {
                    let (text, spans) = (e.doc.text.clone(), q.spans.clone());
                    bridge.send(Request::Learn { seq: q.seq, id: q.id.clone(), text, spans });
                }
                *sent = q.seq;
            }
        });
    }

    {
        let (app, bridge) = (app.clone(), bridge.clone());
        use_effect_with(app.model.refresh, move |&refresh| {
            if refresh == 0 || app.model.docs_learned.is_none() {
                return;
            }
            let docs: Vec<(String, String)> =
                app.refreshable().map(|i| (app.docs[i].doc.id.clone(), app.docs[i].doc.text.clone())).collect();
            if !docs.is_empty() {
                bridge.send(Request::Suggest(docs));
            }
        });
    }

    {
        let (app, bridge) = (app.clone(), bridge.clone());
        use_effect_with(app.model.reset, move |&reset| {
            if reset > 0 {
                bridge.send(Request::Reset { labels: labels(&app) });
            }
        });
    }
    bridge
}
