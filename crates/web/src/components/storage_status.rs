//! `#storage-status`: whether the browser keeps this site's storage for
//! good (`navigator.storage.persist()`, asked once at startup) and how much
//! it uses (`navigator.storage.estimate()`, read again after each save), as
//! `data-persisted` (`true`/`false`, absent while unknown or where the API
//! is missing) and `data-used` (bytes). While a save has failed,
//! `#storage-export` offers the export of everything in memory.

use super::use_app;
use crate::formats_worker::Which;
use crate::i18n::T;
use barchasb_formats::Format;
use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// `navigator.storage` (a `StorageManager`), where the browser has one.
fn storage_manager() -> Option<JsValue> {
    let navigator = Reflect::get(&JsValue::from(web_sys::window()?), &"navigator".into()).ok()?;
    Reflect::get(&navigator, &"storage".into()).ok().filter(|s| !s.is_undefined())
}

/// Calls `navigator.storage.<method>()` and awaits its promise.
async fn call(method: &str) -> Option<JsValue> {
    let manager = storage_manager()?;
    let f: Function = Reflect::get(&manager, &method.into()).ok()?.dyn_into().ok()?;
    let promise: Promise = f.call0(&manager).ok()?.dyn_into().ok()?;
    JsFuture::from(promise).await.ok()
}

/// Persistent already, or granted when asked.
async fn persist() -> Option<bool> {
    if call("persisted").await?.as_bool() == Some(true) {
        return Some(true);
    }
    call("persist").await?.as_bool()
}

/// Bytes used and the quota.
async fn estimate() -> Option<(f64, f64)> {
    let e = call("estimate").await?;
    let get = |k: &str| Reflect::get(&e, &k.into()).ok().and_then(|v| v.as_f64());
    Some((get("usage")?, get("quota").unwrap_or(0.0)))
}

#[function_component]
pub fn StorageStatus() -> Html {
    let app = use_app();
    let persisted = use_state(|| None::<bool>);
    let used = use_state(|| None::<(f64, f64)>);
    {
        let persisted = persisted.clone();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move { persisted.set(persist().await) });
        });
    }
    {
        let used = used.clone();
        use_effect_with(app.saved_rev, move |_| {
            yew::platform::spawn_local(async move { used.set(estimate().await) });
        });
    }
    let export = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| super::menu::export(&app, Format::Jsonl, Which::All, false))
    };
    let lang = app.lang;
    let kept = lang.t(match *persisted {
        Some(true) => T::Persistent,
        Some(false) => T::NotPersistent,
        None => T::PersistenceUnknown,
    });
    let text = match *used {
        Some((u, _)) => lang.f(T::Used, &[&lang.size(u)]),
        None => String::new(),
    };
    let title = match *used {
        Some((u, q)) if q > 0.0 => lang.f(T::StoredOf, &[&lang.size(u), &lang.size(q), &kept]),
        _ => lang.f(T::Stored, &[&kept]),
    };
    html! {
        <>
            <span id="storage-status" class={classes!((*persisted == Some(true)).then_some("persisted"))}
                data-persisted={persisted.map(|p| p.to_string())} data-used={used.map(|(u, _)| u.to_string())}
                data-quota={used.map(|(_, q)| q.to_string())} {title}>{ text }</span>
            if app.storage_failed {
                <button id="storage-export" class="warn" onclick={export}
                    title={lang.t(T::ExportUnsavedTitle)}>{ lang.t(T::ExportUnsaved) }</button>
            }
        </>
    }
}
