//! `#import-progress`: how far the files being imported are read (bytes,
//! then the formats worker reading their documents), with `#import-stop`,
//! which stops the import: nothing of those files is added.
//! `data-stage` is `read` or `parse`; `data-done`/`data-total` are bytes.

use super::use_app;
use crate::hooks::files::stop_reading;
use crate::i18n::T;
use yew::prelude::*;

#[function_component]
pub fn ImportProgress() -> Html {
    let app = use_app();
    let Some(r) = app.reading else {
        return html! {};
    };
    let lang = app.lang;
    let stop = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| stop_reading(&app))
    };
    let (stage, text) = if r.parsing {
        ("parse", lang.f(T::ImportParsing, &[&lang.size(r.total as f64)]))
    } else {
        ("read", lang.f(T::ImportReading, &[&lang.size(r.done as f64), &lang.size(r.total as f64)]))
    };
    html! {
        <div id="import-progress" role="status" data-stage={stage} data-done={r.done.to_string()} data-total={r.total.to_string()}>
            if r.parsing {
                <progress aria-label={text.clone()} />
            } else {
                <progress aria-label={text.clone()} max={r.total.max(1).to_string()} value={r.done.to_string()} />
            }
            <span class="text">{ text }</span>
            <button id="import-stop" onclick={stop}>{ lang.t(T::ImportStop) }</button>
        </div>
    }
}
