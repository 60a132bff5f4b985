//! `#update-banner`: a new version of the app is ready (its service worker
//! waits, `www/boot.js`). Its button (`#update-reload`) reloads into it, but
//! only once every edit is written (`saved_rev` has reached `rev` and no
//! write is failing): until then it stays pressed (`aria-busy`), so a reload
//! never drops unsaved work. A watching tab has nothing to save.

use super::use_app;
use crate::dom;
use crate::i18n::T;
use gloo::events::EventListener;
use yew::prelude::*;

#[function_component]
pub fn UpdateBanner() -> Html {
    let app = use_app();
    let ready = use_state(dom::update_ready);
    let asked = use_state(|| false);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a browser window");
            let on = EventListener::new(&window, "barchasb-update", move |_| ready.set(true));
            move || drop(on)
        });
    }
    let saved = app.saved_rev >= app.rev && !app.storage_failed;
    use_effect_with((*asked, saved), |&(asked, saved)| {
        if asked && saved {
            dom::apply_update();
        }
    });
    if !*ready {
        return html! {};
    }
    let busy = *asked;
    let ask = Callback::from(move |_: MouseEvent| asked.set(true));
    html! {
        <div id="update-banner" role="status">
            <span class="text">{ app.lang.t(T::UpdateReady) }</span>
            <button id="update-reload" disabled={busy} aria-busy={busy.to_string()} onclick={ask}>{ app.lang.t(T::UpdateReload) }</button>
        </div>
    }
}
