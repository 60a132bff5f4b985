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
use crate::i18n::T;
use crate::state::{Action, ModelEvent};
use crate::tagger_worker::{Origin, Request, Response, TaggerWorker, SCRIPT};
use crate::{dom, AppHandle};
use gloo::worker::{Spawnable, WorkerBridge};
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use yew::prelude::*;

/// The page's end of the worker, shared with the model controls, and the
/// ids sent for analysis whose answer has not come back.
#[derive(Clone)]
pub struct ModelBridge(Rc<WorkerBridge<TaggerWorker>>, InFlight);

type InFlight = Rc<RefCell<HashSet<String>>>;

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

fn on_response(app: &AppHandle, storage: &Storage, in_flight: &InFlight, r: Response) {
    let event = match r {
        Response::Analyzed(batch) => {
            let mut f = in_flight.borrow_mut();
            for a in &batch {
                f.remove(&a.id);
            }
            drop(f);
            return app.dispatch(Action::Analyzed(batch));
        }
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
                app.dispatch(Action::StorageFailed(app.lang.f(T::ModelExportFailed, &[&e])));
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
            let in_flight = InFlight::default();
            let f = in_flight.clone();
            let bridge =
                TaggerWorker::spawner().callback(move |r| on_response(&app, &storage, &f, r)).spawn_with_loader(SCRIPT);
            ModelBridge(Rc::new(bridge), in_flight)
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

    // A stored model gets back the documents it learned (before any new
    // one is sent to learn), so its next learning is a batch retraining.
    {
        let (app, bridge) = (app.clone(), bridge.clone());
        use_effect_with(app.model.recall, move |&recall| {
            let docs = app.learned_documents();
            if recall > 0 && !docs.is_empty() {
                bridge.send(Request::Recall(docs));
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

    // Words and first suggestions come from the worker: the open document
    // first, then every document still waiting, each sent once.
    {
        let (app, bridge) = (app.clone(), bridge.clone());
        use_effect_with((app.rev, app.open, app.loaded), move |_| {
            if app.loaded {
                send_analysis(&app, &bridge);
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

/// Sends what the worker has not been asked yet: the open document's words
/// (alone, so it is usable at once), then the documents waiting for their
/// first suggestions.
fn send_analysis(app: &AppHandle, bridge: &ModelBridge) {
    let mut in_flight = bridge.1.borrow_mut();
    let mut take = |i: usize| {
        let d = &app.docs[i].doc;
        in_flight.insert(d.id.clone()).then(|| (d.id.clone(), d.text.clone()))
    };
    let waiting: Vec<usize> = app.awaiting_suggestions().collect();
    if let Some(i) = app.open.filter(|&i| app.docs[i].words.is_none()) {
        let suggest = waiting.contains(&i);
        if let Some(doc) = take(i) {
            bridge.0.send(Request::Analyze { docs: vec![doc], suggest });
        }
    }
    let docs: Vec<(String, String)> = waiting.into_iter().filter_map(take).collect();
    if !docs.is_empty() {
        bridge.0.send(Request::Analyze { docs, suggest: true });
    }
}
