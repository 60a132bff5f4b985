//! One editing tab at a time, so a stale tab can never overwrite newer work.
//!
//! Every tab of the app on an origin shares one IndexedDB. The tab that
//! edits holds the Web Lock [`LOCK`] (`navigator.locks`) for as long as it
//! lives; a tab opened while another holds it gets none (`ifAvailable`,
//! then a wait of [`GRACE_MS`], as that tab may be closing) and only
//! watches: it loads the stored work, refuses edits (the reducer, see
//! `TabRole`) and never writes (`hooks/persistence.rs` checks before every
//! write). Each save the editing tab commits is announced on the
//! BroadcastChannel [`CHANNEL`]; a watching tab then reads the database
//! again, so what it shows and exports is what is saved.
//!
//! Taking over ("Edit in this tab") marks this tab in `sessionStorage` and
//! reloads it; a tab so marked (also the editing tab reloading itself) asks
//! for the lock with `steal`, which takes it from the other tab at once. The
//! other tab's lock request then fails with an `AbortError`: it becomes a
//! watching tab before it can start another write. The taking tab's state
//! is the stored one, read after the lock was taken: the reload goes through
//! the one startup path the reload tests cover (documents, labels, model),
//! and leaves no undo history from before.
//!
//! A lock dies with its tab (closed, crashed, killed): the next tab opened
//! gets it. A watching tab queues for it too ([`wait_free`]) and, when the
//! editing tab is gone, says so (it still does not edit: its model and undo
//! history are not the stored ones; one click reloads it as the editing
//! tab); a save announced by a tab that edits again makes it say "busy"
//! again. Without Web Locks (an insecure origin) every tab edits, as before.
//!
//! Bindings are declared here (a few lines) because web-sys gates its
//! `LockManager` behind `web_sys_unstable_apis`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The Web Lock held by the editing tab.
pub const LOCK: &str = "barchasb-editor";
/// The BroadcastChannel on which the editing tab announces its saves.
pub const CHANNEL: &str = "barchasb-saved";
/// `sessionStorage` key: this tab edits (or is to take over at its reload).
const EDITOR_KEY: &str = "barchasb-editor";

thread_local! {
    /// The database the lock guards (each project has its own editing tab).
    static SCOPE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Guards the database `db` from now on (before [`claim`]); the default
/// database keeps the bare names.
pub fn set_scope(db: &str) {
    SCOPE.with(|s| *s.borrow_mut() = db.strip_prefix("barchasb").unwrap_or(db).to_string());
}

fn scoped(name: &str) -> String {
    SCOPE.with(|s| format!("{name}{}", s.borrow()))
}

#[wasm_bindgen]
extern "C" {
    #[derive(Clone)]
    type LockManager;
    #[wasm_bindgen(method)]
    fn request(this: &LockManager, name: &str, options: &JsValue, callback: &js_sys::Function) -> js_sys::Promise;

    /// `BroadcastChannel` (web-sys has it, but not in this crate's features).
    #[wasm_bindgen(js_name = BroadcastChannel)]
    pub type Channel;
    #[wasm_bindgen(constructor, js_class = "BroadcastChannel", catch)]
    fn new_channel(name: &str) -> Result<Channel, JsValue>;
    #[wasm_bindgen(method, js_name = postMessage, catch)]
    fn post(this: &Channel, message: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, setter = onmessage)]
    fn set_onmessage(this: &Channel, f: &js_sys::Function);

    #[wasm_bindgen(js_namespace = sessionStorage, js_name = getItem, catch)]
    fn session_get(key: &str) -> Result<Option<String>, JsValue>;
    #[wasm_bindgen(js_namespace = sessionStorage, js_name = setItem, catch)]
    fn session_set(key: &str, value: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = sessionStorage, js_name = removeItem, catch)]
    fn session_remove(key: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = location, js_name = reload)]
    fn reload_page();
    #[wasm_bindgen(js_namespace = AbortSignal, js_name = timeout, catch)]
    fn abort_after(ms: u32) -> Result<JsValue, JsValue>;
}

/// How long a tab opened as the editing tab closes waits for its lock
/// before it watches: a closed tab lets go of it a moment late (seen in
/// the soak: a tab reopened at once was left read-only, "editing tab
/// closed").
const GRACE_MS: u32 = 1500;

/// What happened to this tab's claim on the lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockEvent {
    /// This tab holds the lock: it edits.
    Granted,
    /// Another tab holds it: this one watches.
    Unavailable,
    /// Another tab took it over: this one watches from now on.
    Lost,
    /// (After [`wait_free`]) the tab that held it is gone: no tab edits.
    Free,
    /// The request failed before any answer (no lock can be had): edit, as
    /// without Web Locks.
    Failed,
}

fn lock_manager() -> Option<LockManager> {
    let navigator = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("navigator")).ok()?;
    let locks = js_sys::Reflect::get(&navigator, &JsValue::from_str("locks")).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then(|| locks.unchecked_into())
}

/// Whether this tab was the editing tab (or asked to take over) before a
/// reload of it.
fn marked_editor() -> bool {
    session_get(&scoped(EDITOR_KEY)).ok().flatten().is_some()
}

fn mark_editor(on: bool) {
    // sessionStorage can be refused (storage disabled); the only cost is
    // that a reload of the editing tab then asks without `steal`.
    let _ = if on { session_set(&scoped(EDITOR_KEY), "1") } else { session_remove(&scoped(EDITOR_KEY)) };
}

/// Asks for the editing lock and reports every change through `on`.
/// Returns `false` when the browser has no Web Locks (nothing is reported).
pub fn claim(on: Rc<dyn Fn(LockEvent)>) -> bool {
    let Some(locks) = lock_manager() else { return false };
    let mode = if marked_editor() { Mode::Steal } else { Mode::IfAvailable };
    request(locks, mode, on);
    true
}

/// Waits until no tab holds the lock, then reports [`LockEvent::Free`]
/// (once; the lock is let go at once, this tab does not edit).
pub fn wait_free(on: Rc<dyn Fn(LockEvent)>) {
    if let Some(locks) = lock_manager() {
        request(locks, Mode::Wait, on);
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// At startup: take it if no tab holds it.
    IfAvailable,
    /// At startup after "Edit in this tab" (or a reload of the editing tab).
    Steal,
    /// At startup, when another tab held it: wait for it a moment
    /// ([`GRACE_MS`]), as that tab may be closing.
    Grace,
    /// Queue for it: granted when the holder is gone.
    Wait,
}

fn request(locks: LockManager, mode: Mode, on: Rc<dyn Fn(LockEvent)>) {
    let options = js_sys::Object::new();
    let key = match mode {
        Mode::IfAvailable => Some("ifAvailable"),
        Mode::Steal => Some("steal"),
        Mode::Grace | Mode::Wait => None,
    };
    if let Some(key) = key {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(key), &JsValue::TRUE);
    }
    if mode == Mode::Grace {
        let Ok(signal) = abort_after(GRACE_MS) else { return on(LockEvent::Unavailable) };
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str("signal"), &signal);
    }
    let answered = Rc::new(Cell::new(false));
    let granted = {
        let (on, answered, locks) = (on.clone(), answered.clone(), locks.clone());
        Closure::once_into_js(move |lock: JsValue| -> JsValue {
            answered.set(true);
            if mode == Mode::Wait {
                on(LockEvent::Free);
                return JsValue::UNDEFINED; // let go at once
            }
            if lock.is_null() || lock.is_undefined() {
                mark_editor(false);
                request(locks, Mode::Grace, on);
                return JsValue::UNDEFINED;
            }
            mark_editor(true);
            on(LockEvent::Granted);
            // Held until the tab goes or another takes it: a promise that
            // never settles.
            js_sys::Promise::new(&mut |_, _| {}).into()
        })
    };
    let request = locks.request(&scoped(LOCK), &options, granted.unchecked_ref());
    let failed = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        if mode == Mode::Wait {
            return; // (a waiting request holds nothing to lose)
        }
        if answered.get() {
            mark_editor(false);
            on(LockEvent::Lost);
        } else if mode == Mode::Grace {
            on(LockEvent::Unavailable); // still held after the grace: watch
        } else {
            on(LockEvent::Failed);
        }
    });
    let _ = request.catch(&failed);
    failed.forget(); // called at most once, late in the page's life
}

/// "Edit in this tab": reload, asking for the lock with `steal`.
pub fn take_over() {
    mark_editor(true);
    reload_page();
}

/// The channel of saves, with `on_saved` called for each one announced by
/// another tab; `None` where BroadcastChannel is missing (a watching tab
/// then shows what was stored when it opened).
pub fn saves_channel(on_saved: impl Fn() + 'static) -> Option<Channel> {
    let channel = Channel::new_channel(&scoped(CHANNEL)).ok()?;
    let f = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| on_saved());
    channel.set_onmessage(f.as_ref().unchecked_ref());
    f.forget(); // one for the page's life
    Some(channel)
}

/// Tells the other tabs that a save was committed.
pub fn announce_save(channel: &Channel) {
    let _ = channel.post(&JsValue::from_str("saved"));
}
