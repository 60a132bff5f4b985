//! `#message`: refusals, import and storage errors. Always present (a live
//! region), empty when there is nothing to say.

use super::use_app;
use crate::i18n::T;
use crate::state::Action;
use yew::prelude::*;

#[function_component]
pub fn MessageBar() -> Html {
    let app = use_app();
    let close = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::ShowMessage(None)))
    };
    match &app.message {
        Some(m) => html! {
            <div id="message" role="status" class={classes!(m.error.then_some("error"))}>
                <span class="text" dir="auto">{ m.text.clone() }</span>
                <button class="close" aria-label={app.lang.t(T::Close)} onclick={close}>{ "×" }</button>
            </div>
        },
        None => html! { <div id="message" role="status" class="empty"></div> },
    }
}
