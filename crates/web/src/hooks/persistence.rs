//! IndexedDB persistence (database `barchasb`, through the `idb` crate).
//!
//! - Startup: open the database, read every document, the label set and the
//!   open document; a new database gets the two seed texts (one the user
//!   emptied stays empty).
//! - After every change (`AppState::rev`), an effect writes the documents
//!   whose revision is newer than the last one written, the label set if it
//!   changed, and the open document's id, in one read-write transaction.
//!   The transaction is created synchronously inside the effect, which runs
//!   right after the render that follows the change, so it is queued before
//!   any later edit's; IndexedDB runs overlapping read-write transactions
//!   in creation order. When it completes, `Action::Saved(rev)` records the
//!   revision (`#save-status[data-saved-rev]`).
//! - The tagger's model (bytes, `Tagger::to_bytes`) is in its own store,
//!   `model`, key `current` (added in version 2; the upgrade from version 1
//!   only creates the missing store, so the documents stay). It is read at
//!   startup with the documents and written by `hooks/model.rs` through
//!   [`Storage::save_model`] whenever the worker reports a changed model.
//!   Each stored document says what that model learned of it (`learned`),
//!   so a document marked done whose learning was not saved is learned at
//!   the next start.
//! - Every write transaction is committed explicitly (`commit()`) right
//!   after its requests are queued, in the same task as the edit: the
//!   database then commits it even if the tab dies the next moment (without
//!   it, the commit waited for the requests' round trip to the renderer, and
//!   a tab killed right after an edit lost it: `tests/specs/crash.spec.ts`).
//! - One tab edits at a time (`hooks/tab_lock.rs`): the lock is settled
//!   before the stored state is read, a tab without it never writes (checked
//!   before every write, so it holds from the moment the lock is lost), and
//!   it reads the stored state again whenever the editing tab announces a
//!   committed save.
//! - Errors (no IndexedDB in private mode, quota exceeded, a blocked
//!   upgrade) are shown in `#message`, never swallowed.
//! - A write refused (the quota, or any other failure): the edits stay in
//!   memory (the state is never rolled back), the user is told at once,
//!   with the reason (`QuotaExceededError`), and offered an export
//!   (`components/storage_status.rs`); everything is then marked unwritten,
//!   so the next write that succeeds saves every pending change. It is
//!   retried after 1 s, doubling up to 30 s, and with every new edit. A
//!   save queued before a failure and committed after it does not report
//!   "saved" (its revision is not everything): only a write queued after
//!   the failure does. A transaction whose requests could not all be
//!   queued is aborted, never left to commit half its writes.

use super::tab_lock::{self, Channel, LockEvent};
use crate::formats_worker::{Request, Response};
use crate::hooks::files::ask;
use crate::i18n::T;
use crate::state::{Action, AppState, Learned, Loaded, Message, TabRole, TeamEvent, Why, SEEDS};
use crate::AppHandle;
use barchasb_agree::Dispute;
use barchasb_core::{Document, LabelSet};
use idb::{Database, DatabaseEvent, Factory, ObjectStoreParams, TransactionMode};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::HashMap;
use std::future::IntoFuture;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// The database of the page without a project; a project's is
/// `barchasb-project-<id>`, and a review adds `-review` (see [`db_name`]).
const DB_NAME: &str = "barchasb";
/// 1: `docs`, `meta`. 2: + `model`.
const DB_VERSION: u32 = 2;
const DOCS: &str = "docs";
const META: &str = "meta";
const MODEL: &str = "model";
const MODEL_KEY: &str = "current";

/// One stored document (value of the `docs` store, keyed by id).
#[derive(Serialize, Deserialize)]
struct StoredDoc {
    /// Position in the list.
    seq: usize,
    suggested: bool,
    /// Absent in documents saved before the model existed.
    #[serde(default)]
    opened: bool,
    /// What the current model learned of it (`state/model.rs`); `null`:
    /// nothing yet. Absent in documents saved before this was kept: their
    /// model learned them when they were marked done, so not again.
    #[serde(default = "learned_before_bookkeeping")]
    learned: Option<Learned>,
    /// In review: the disputes not yet settled.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    disputes: Vec<Dispute>,
    doc: Document,
}

fn learned_before_bookkeeping() -> Option<Learned> {
    Some(Learned::Skipped)
}

/// What has been handed to IndexedDB so far.
#[derive(Default)]
struct Written {
    db: Option<Rc<Database>>,
    /// Document id → revision and position written. Empty: everything is
    /// (re)written, and the store is cleared first.
    docs: HashMap<String, (u64, usize)>,
    labels_rev: u64,
    /// The model read at startup, until the model hook takes it.
    model: Option<Vec<u8>>,
    /// This tab may write (it holds the editing lock, or there are no
    /// locks). Set before the stored state is read, cleared the moment the
    /// lock is lost.
    editing: bool,
    /// Where committed saves are announced to the other tabs.
    channel: Option<Channel>,
    /// Watching, and the editing tab is gone.
    free: bool,
    /// The team revision written (`Team::rev`: the user's name, the review).
    team_rev: u64,
    /// Ids deleted by writes that failed: deleted again by the next one.
    undeleted: std::collections::HashSet<String>,
    /// Writes failed so far; a write queued before the latest failure does
    /// not report "saved".
    failures: u64,
    /// The latest write failed, and none succeeded since (the user was told).
    failing: bool,
    /// The next retry after a failure, and the wait before the one after.
    retry: Option<gloo::timers::callback::Timeout>,
    backoff_ms: u32,
}

/// The first wait before a failed write is retried, and the longest.
const RETRY_MS: (u32, u32) = (1_000, 30_000);

impl Written {
    /// A write failed (`deleted`: the ids it deleted): everything is
    /// written again next time, and a retry is scheduled. True the first
    /// time in a row (the user is to be told).
    fn failed(&mut self, app: &AppHandle, deleted: Vec<String>) -> bool {
        for v in self.docs.values_mut() {
            // (Not a position of any document: every one is rewritten.)
            *v = (0, usize::MAX);
        }
        self.undeleted.extend(deleted);
        self.labels_rev = 0;
        self.team_rev = 0;
        self.failures += 1;
        let wait = if self.failing { self.backoff_ms } else { RETRY_MS.0 };
        self.backoff_ms = (wait * 2).min(RETRY_MS.1);
        let app = app.clone();
        self.retry = Some(gloo::timers::callback::Timeout::new(wait, move || app.dispatch(Action::SaveMore)));
        !std::mem::replace(&mut self.failing, true)
    }
}

/// What the reason of a failed write is called in the message.
fn reason(e: &web_sys::DomException) -> String {
    format!("{}: {}", e.name(), e.message())
}

/// The storage the model hook shares with this one (same connection).
#[derive(Clone, Default)]
pub struct Storage(Rc<RefCell<Written>>);

impl PartialEq for Storage {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Storage {
    /// The model bytes read at startup (once).
    pub fn take_model(&self) -> Option<Vec<u8>> {
        self.0.borrow_mut().model.take()
    }

    /// Writes the model bytes (in their own transaction) and dispatches
    /// `done` once they are committed; errors go to `#message` like every
    /// storage error.
    pub fn save_model(&self, app: &AppHandle, bytes: &[u8], done: Action) {
        let w = self.0.borrow();
        // A watching tab's model must not replace the editing tab's.
        let Some(db) = w.db.as_ref().filter(|_| w.editing) else { return };
        let queued = (|| -> Result<idb::Transaction, idb::Error> {
            let tx = db.transaction(&[MODEL], TransactionMode::ReadWrite)?;
            let value = js_sys::Uint8Array::from(bytes);
            tx.object_store(MODEL)?.put(&value, Some(&JsValue::from_str(MODEL_KEY)))?;
            tx.commit()
        })();
        drop(w);
        let app = app.clone();
        let tx = match queued {
            Ok(tx) => tx.into_future(),
            Err(e) => return storage_error(&app, T::CannotSaveModel, e),
        };
        yew::platform::spawn_local(async move {
            match tx.await {
                Ok(r) if r.is_committed() => app.dispatch(done),
                Ok(_) => storage_error(&app, T::SaveModelAborted, app.lang.t(T::NotCommitted)),
                Err(e) => storage_error(&app, T::CannotSaveModel, e),
            }
        });
    }
}

fn storage_error(app: &AppHandle, what: T, e: impl std::fmt::Display) {
    let e = e.to_string();
    let e = e.trim_end_matches('.');
    let text = app.lang.f(T::StorageError, &[&app.lang.t(what), &e]);
    app.dispatch(Action::StorageFailed(text));
}

/// Each project's work, and each review, in a database of its own, so
/// nothing of one is in another's export.
fn db_name(project: Option<&str>, review: bool) -> String {
    let project = project.map(|id| format!("-project-{id}")).unwrap_or_default();
    format!("{DB_NAME}{project}{}", if review { "-review" } else { "" })
}

async fn open_db(app: &AppHandle, name: &str) -> Result<Database, String> {
    let factory = Factory::new().map_err(|e| format!("IndexedDB is not available ({e})"))?;
    let mut req = factory.open(name, Some(DB_VERSION)).map_err(|e| e.to_string())?;
    req.on_upgrade_needed(|event| {
        let Ok(db) = event.database() else { return };
        let names = db.store_names();
        // Every version's stores, created if missing: an older database keeps
        // its documents and gains the newer stores.
        for store in [DOCS, META, MODEL] {
            if !names.iter().any(|n| n == store) {
                let _ = db.create_object_store(store, ObjectStoreParams::new());
            }
        }
    });
    let blocked = app.clone();
    req.on_blocked(move |_| {
        storage_error(&blocked, T::DbBlocked, blocked.lang.t(T::OlderVersionOpen));
    });
    req.await.map_err(|e| e.to_string())
}

type Stored = (Vec<Loaded>, Option<LabelSet>, Option<String>, Option<Vec<u8>>);

/// The user's name and the review's report, stored in `meta`.
async fn load_team(db: &Database) -> Result<TeamEvent, String> {
    let s = |e: idb::Error| e.to_string();
    let tx = db.transaction(&[META], TransactionMode::ReadOnly).map_err(s)?;
    let meta = tx.object_store(META).map_err(s)?;
    let user = meta.get(JsValue::from_str("user")).map_err(s)?.await.map_err(s)?.and_then(|v| v.as_string());
    let report = meta.get(JsValue::from_str("review")).map_err(s)?.await.map_err(s)?.and_then(|v| v.as_string());
    Ok(TeamEvent::Stored { user, report })
}

async fn load(db: &Database) -> Result<Stored, String> {
    let s = |e: idb::Error| e.to_string();
    let tx = db.transaction(&[DOCS, META, MODEL], TransactionMode::ReadOnly).map_err(s)?;
    let values = tx.object_store(DOCS).map_err(s)?.get_all(None, None).map_err(s)?.await.map_err(s)?;
    let meta = tx.object_store(META).map_err(s)?;
    let labels = meta.get(JsValue::from_str("labels")).map_err(s)?.await.map_err(s)?;
    let open = meta.get(JsValue::from_str("open")).map_err(s)?.await.map_err(s)?;
    let model = tx.object_store(MODEL).map_err(s)?.get(JsValue::from_str(MODEL_KEY)).map_err(s)?.await.map_err(s)?;
    let model = model.map(|v| js_sys::Uint8Array::new(&v).to_vec());
    let mut docs: Vec<StoredDoc> = Vec::new();
    for v in values {
        let json = v.as_string().ok_or("a stored document is not a string")?;
        docs.push(serde_json::from_str(&json).map_err(|e| format!("a stored document is unreadable: {e}"))?);
    }
    docs.sort_by_key(|d| d.seq);
    let labels = match labels.and_then(|v| v.as_string()) {
        Some(json) => Some(serde_json::from_str(&json).map_err(|e| format!("the stored labels are unreadable: {e}"))?),
        None => None,
    };
    let open = open.and_then(|v| v.as_string());
    let docs = docs
        .into_iter()
        .map(|d| Loaded {
            doc: d.doc,
            suggested: d.suggested,
            opened: d.opened,
            learned: d.learned,
            disputes: d.disputes,
        })
        .collect();
    Ok((docs, labels, open, model))
}

/// The demo seeds (fetched from `seeds/` beside the page); one that cannot
/// be fetched is said, not silently missing.
async fn seeds(app: &AppHandle) -> Vec<Loaded> {
    let mut docs = Vec::new();
    for id in SEEDS {
        match crate::fetch::page_text(&format!("seeds/{id}.txt")).await {
            Ok(text) => docs.push(Loaded {
                doc: Document::new(id, text),
                suggested: false,
                opened: false,
                learned: None,
                disputes: Vec::new(),
            }),
            Err(e) => {
                let text = app.lang.f(T::DemoTextFailed, &[&format!("seeds/{id}.txt"), &e]);
                app.dispatch(Action::ShowMessage(Some(Message { text, error: true })));
            }
        }
    }
    docs
}

/// About this much JSON goes into one transaction; more (an import of
/// hundreds of documents) is written in further transactions, one task
/// each, so no task of the page is long.
const CHUNK_BYTES: usize = 256 * 1024;

/// A write handed to IndexedDB: its transaction (committing), whether
/// changes remain for the next one, the ids it deletes, and the count of
/// failures when it was queued.
struct Queued {
    tx: idb::Transaction,
    more: bool,
    deleted: Vec<String>,
    failures: u64,
}

/// Queues the writes for the changes since the last save, up to about
/// [`CHUNK_BYTES`] of documents, and commits them; `None` when there is no
/// database to write to. On an error, the transaction is aborted (nothing
/// of it is written) and the ids it was to delete are returned with it.
fn write_changes(state: &AppState, w: &mut Written) -> Result<Option<Queued>, (idb::Error, Vec<String>)> {
    let Some(db) = w.db.clone().filter(|_| w.editing) else { return Ok(None) };
    let tx = db.transaction(&[DOCS, META], TransactionMode::ReadWrite).map_err(|e| (e, Vec::new()))?;
    let mut deleted = Vec::new();
    match queue_writes(state, w, &tx, &mut deleted) {
        // Committed now, not when the requests' results are back: see the
        // module's doc.
        Ok(more) => match tx.commit() {
            Ok(tx) => Ok(Some(Queued { tx, more, deleted, failures: w.failures })),
            Err(e) => Err((e, deleted)),
        },
        Err(e) => {
            // Not left to commit on its own with half its requests.
            let _ = tx.abort();
            Err((e, deleted))
        }
    }
}

/// The requests of [`write_changes`] (into `tx`); returns whether changes
/// remain. `deleted` gets each id deleted.
fn queue_writes(
    state: &AppState,
    w: &mut Written,
    tx: &idb::Transaction,
    deleted: &mut Vec<String>,
) -> Result<bool, idb::Error> {
    // Changed, or moved (a document before it was deleted or came back).
    let changed: Vec<usize> = (0..state.docs.len())
        .filter(|&i| w.docs.get(&state.docs[i].doc.id).is_none_or(|&(r, seq)| state.docs[i].rev > r || seq != i))
        .collect();
    let docs = tx.object_store(DOCS)?;
    let ids: std::collections::HashSet<&str> = state.docs.iter().map(|e| e.doc.id.as_str()).collect();
    // Gone since the last write, or deleted by a write that failed (and
    // not back since).
    let mut gone: Vec<String> = w.docs.keys().filter(|id| !ids.contains(id.as_str())).cloned().collect();
    gone.extend(
        std::mem::take(&mut w.undeleted)
            .into_iter()
            .filter(|id| !ids.contains(id.as_str()) && !w.docs.contains_key(id)),
    );
    for id in gone {
        w.docs.remove(&id);
        deleted.push(id.clone());
        docs.delete(JsValue::from_str(&id))?;
    }
    let mut bytes = 0;
    let mut more = false;
    for &i in &changed {
        if bytes >= CHUNK_BYTES {
            more = true;
            break;
        }
        let e = &state.docs[i];
        let stored = StoredDoc {
            seq: i,
            suggested: e.suggested,
            opened: e.opened,
            learned: e.learned,
            disputes: e.disputes.clone(),
            doc: e.doc.clone(),
        };
        let json = serde_json::to_string(&stored).expect("a document always serializes");
        bytes += json.len();
        docs.put(&JsValue::from_str(&json), Some(&JsValue::from_str(&e.doc.id)))?;
        w.docs.insert(e.doc.id.clone(), (e.rev, i));
    }
    let meta = tx.object_store(META)?;
    if state.labels_rev > w.labels_rev || state.labels_rev == 0 && w.labels_rev == 0 {
        let json = serde_json::to_string(&*state.labels).expect("labels always serialize");
        meta.put(&JsValue::from_str(&json), Some(&JsValue::from_str("labels")))?;
        w.labels_rev = state.labels_rev.max(1);
    }
    let open = state.open_entry().map(|e| e.doc.id.clone()).unwrap_or_default();
    meta.put(&JsValue::from_str(&open), Some(&JsValue::from_str("open")))?;
    if state.team.rev > w.team_rev {
        if let Some(user) = &state.team.user {
            meta.put(&JsValue::from_str(user), Some(&JsValue::from_str("user")))?;
        }
        if let Some(r) = &state.team.report {
            meta.put(&JsValue::from_str(&r.1), Some(&JsValue::from_str("review")))?;
        }
        w.team_rev = state.team.rev;
    }
    Ok(more)
}

/// A watching tab reads the stored state again (after the editing tab
/// saved).
fn reread(app: &AppHandle, written: &Rc<RefCell<Written>>) {
    let w = written.borrow();
    let Some(db) = w.db.clone().filter(|_| !w.editing) else { return };
    drop(w);
    let (app, written) = (app.clone(), written.clone());
    yew::platform::spawn_local(async move {
        match load(&db).await {
            // (Still watching: the lock may have come back meanwhile.)
            Ok((docs, labels, _, _)) if !docs.is_empty() && !written.borrow().editing => {
                app.dispatch(Action::Reread { docs, labels })
            }
            Ok(_) => {}
            Err(e) => storage_error(&app, T::CannotReadDocs, e),
        }
    });
}

/// What follows this tab's lock (`tab_lock::claim`).
type OnLock = Rc<dyn Fn(LockEvent)>;

/// Settles whether this tab edits, then reads the stored state
/// (`load_stored`); follows the lock for the page's life.
fn start(app: AppHandle, written: Rc<RefCell<Written>>, load_stored: impl std::future::Future<Output = ()> + 'static) {
    let load_stored = RefCell::new(Some(load_stored));
    // Once: at the first answer about the lock.
    let loading = Rc::new(move || {
        let f = load_stored.borrow_mut().take();
        if let Some(f) = f {
            yew::platform::spawn_local(f);
        }
    });
    let first = loading.clone();
    // `on` queues itself again (wait_free): it holds itself, for the page's life.
    let slot: Rc<RefCell<Option<OnLock>>> = Rc::default();
    let on: OnLock = Rc::new({
        let (app, written, slot) = (app.clone(), written.clone(), slot.clone());
        move |event: LockEvent| {
            let editing = written.borrow().editing;
            let role = match event {
                LockEvent::Granted => TabRole::Editor,
                LockEvent::Unavailable => TabRole::Watching(Why::Busy),
                LockEvent::Lost if editing => TabRole::Watching(Why::Taken),
                LockEvent::Lost => TabRole::Watching(Why::Busy),
                LockEvent::Free => TabRole::Watching(Why::Free),
                // No lock to be had: edit, as without Web Locks.
                LockEvent::Failed => TabRole::Deciding,
            };
            // Before anything else: no write may start once the lock is lost.
            let mut w = written.borrow_mut();
            w.editing = !matches!(role, TabRole::Watching(_));
            w.free = role == TabRole::Watching(Why::Free);
            drop(w);
            app.dispatch(Action::Tab(role));
            if matches!(event, LockEvent::Unavailable | LockEvent::Lost) {
                if let Some(me) = slot.borrow().clone() {
                    tab_lock::wait_free(me);
                }
            }
            first();
        }
    });
    *slot.borrow_mut() = Some(on.clone());
    let channel = {
        let (app, written, on) = (app.clone(), written.clone(), on.clone());
        tab_lock::saves_channel(move || {
            // A tab edits again: no longer free; queue for the lock again.
            if std::mem::take(&mut written.borrow_mut().free) {
                app.dispatch(Action::Tab(TabRole::Watching(Why::Busy)));
                tab_lock::wait_free(on.clone());
            }
            reread(&app, &written)
        })
    };
    written.borrow_mut().channel = channel;
    if !tab_lock::claim(on) {
        // No Web Locks: every tab edits, as before.
        written.borrow_mut().editing = true;
        loading();
    }
}

/// The page's `?project=<path>` and whether it has `?review`.
fn page_mode() -> (Option<String>, bool) {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let Ok(url) = web_sys::Url::new(&href) else { return (None, false) };
    let q = url.search_params();
    (q.get("project").filter(|p| !p.is_empty()), q.has("review"))
}

/// A project that cannot be opened: said, and nothing loaded or saved.
fn project_failed(app: &AppHandle, path: &str, e: String) {
    app.dispatch(Action::Loaded { docs: Vec::new(), labels: None, open: None });
    let text = app.lang.f(T::ProjectFailed, &[&path, &e]);
    app.dispatch(Action::ShowMessage(Some(Message { text, error: true })));
}

/// The demo seeds, except in a project or a review.
async fn demo(app: &AppHandle, team: bool) -> Vec<Loaded> {
    if team {
        Vec::new()
    } else {
        seeds(app).await
    }
}

/// Opens the database `name` (once this tab's lock on it is settled) and
/// loads it; `team`: a project or review page (no demo seeds).
fn begin(app: AppHandle, written: Rc<RefCell<Written>>, name: String, team: bool) {
    tab_lock::set_scope(&name);
    let (app_, written_) = (app.clone(), written.clone());
    let load_stored = async move {
        let db = match open_db(&app, &name).await {
            Ok(db) => db,
            Err(e) => {
                app.dispatch(Action::Loaded { docs: demo(&app, team).await, labels: None, open: None });
                storage_error(&app, T::CannotOpenDb, e);
                return;
            }
        };
        match load_team(&db).await {
            Ok(event) => app.dispatch(Action::Team(event)),
            Err(e) => storage_error(&app, T::CannotReadName, e),
        }
        match load(&db).await {
            Ok((docs, labels, open, model)) if !docs.is_empty() => {
                let mut w = written.borrow_mut();
                w.model = model;
                // What was just read is what is stored.
                w.docs = docs.iter().enumerate().map(|(i, l)| (l.doc.id.clone(), (0, i))).collect();
                w.labels_rev = if labels.is_some() { 1 } else { 0 };
                w.db = Some(Rc::new(db));
                drop(w);
                app.dispatch(Action::Loaded { docs, labels, open });
            }
            Ok((_, labels, open, model)) => {
                {
                    let mut w = written.borrow_mut();
                    w.db = Some(Rc::new(db));
                    w.model = model;
                }
                // A database that was written to (it has an open
                // document entry) and has no documents was emptied
                // by the user: the seeds do not come back.
                let docs = if open.is_some() { Vec::new() } else { demo(&app, team).await };
                app.dispatch(Action::Loaded { docs, labels, open: None });
            }
            Err(e) => {
                // Keep the database closed to writes: saving now could
                // overwrite what could not be read.
                app.dispatch(Action::Loaded { docs: demo(&app, team).await, labels: None, open: None });
                storage_error(&app, T::CannotReadDocs, e);
            }
        }
    };
    start(app_, written_, load_stored);
}

/// Loads the stored state at startup and saves every change; returns the
/// storage for the model hook.
#[hook]
pub fn use_persistence(app: AppHandle) -> Storage {
    let storage = use_memo((), |_| Storage::default());
    let storage = (*storage).clone();
    let written = storage.0.clone();

    {
        let app = app.clone();
        let written = written.clone();
        use_effect_with((), move |_| {
            let (project, review) = page_mode();
            if review {
                app.dispatch(Action::Team(TeamEvent::Review(true)));
            }
            let Some(path) = project else {
                return begin(app, written, db_name(None, review), review);
            };
            // A project: its file and documents first (in the formats
            // worker), then its own database.
            let base = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
            let url = match crate::fetch::resolve(&path, &base) {
                Ok(url) => url,
                Err(e) => return project_failed(&app, &path, e),
            };
            ask(Request::Project(url), move |r| match r {
                Response::Project(Ok(mut p)) => {
                    p.path = path.clone();
                    let name = db_name(Some(&p.id), review);
                    app.dispatch(Action::Team(TeamEvent::Project(Rc::new(p))));
                    begin(app, written, name, true);
                }
                Response::Project(Err(e)) => project_failed(&app, &path, e),
                _ => {}
            });
        });
    }

    let rev = app.rev;
    let loaded = app.loaded;
    use_effect_with((rev, loaded), move |_| {
        if !app.loaded {
            return;
        }
        // (The borrow ends before the error branch borrows again.)
        let queued = write_changes(&app, &mut written.borrow_mut());
        let Queued { tx, more, deleted, failures } = match queued {
            Ok(Some(q)) => q,
            Ok(None) => return,
            Err((e, deleted)) => return save_failed(&app, &written, deleted, e.to_string()),
        };
        if more {
            // The rest in the next task (with the state as it is then):
            // `rev` is saved only when the last part is committed.
            let app = app.clone();
            gloo::timers::callback::Timeout::new(0, move || app.dispatch(Action::SaveMore)).forget();
        }
        let tx = web_sys::IdbTransaction::from(JsValue::from(tx));
        yew::platform::spawn_local(async move {
            match finished(&tx).await {
                true => {
                    let mut w = written.borrow_mut();
                    if let Some(c) = &w.channel {
                        tab_lock::announce_save(c);
                    }
                    // Queued before a write that failed: not all is saved.
                    if more || w.failures != failures {
                        return;
                    }
                    w.retry = None;
                    let recovered = std::mem::take(&mut w.failing);
                    drop(w);
                    app.dispatch(Action::Saved(rev));
                    if recovered {
                        let text = app.lang.t(T::StorageWorksAgain).to_string();
                        app.dispatch(Action::ShowMessage(Some(Message { text, error: false })));
                    }
                }
                false => {
                    let why = tx.error().map(|e| reason(&e));
                    let why = why.unwrap_or_else(|| app.lang.t(T::TransactionAborted).into());
                    save_failed(&app, &written, deleted, why)
                }
            }
        });
    });
    storage
}

/// True when `tx` commits, false when it is aborted. Its requests' error
/// events do not end the wait (the `idb` crate's future ends at the first,
/// and the abort that follows then calls its dropped closures); the
/// promise's own functions are the handlers, so nothing is left dangling.
async fn finished(tx: &web_sys::IdbTransaction) -> bool {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        use wasm_bindgen::JsCast;
        let with = |v: &JsValue| resolve.bind1(&JsValue::NULL, v).unchecked_into::<js_sys::Function>();
        tx.set_oncomplete(Some(&with(&JsValue::TRUE)));
        tx.set_onabort(Some(&with(&JsValue::FALSE)));
    });
    wasm_bindgen_futures::JsFuture::from(p).await.is_ok_and(|v| v.is_truthy())
}

/// A write failed: everything is to be written again (retried), and the
/// user is told, the first time in a row.
fn save_failed(app: &AppHandle, written: &Rc<RefCell<Written>>, deleted: Vec<String>, why: String) {
    if written.borrow_mut().failed(app, deleted) {
        let text = app.lang.f(T::StorageCannotSave, &[&why.trim_end_matches('.')]);
        app.dispatch(Action::StorageFailed(text));
    }
}
