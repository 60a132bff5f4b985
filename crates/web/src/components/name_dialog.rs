//! `#name-dialog`: asked once per project (or review), the name written
//! into every line this person changes (`annotator`, or `reviewer`).

use super::use_app;
use crate::i18n::T;
use crate::state::{Action, TeamEvent};
use yew::prelude::*;

#[function_component]
pub fn NameDialog() -> Html {
    let app = use_app();
    let input = use_node_ref();
    if !app.asking_name() {
        return html! {};
    }
    let onsubmit = {
        let (app, input) = (app.clone(), input.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(i) = input.cast::<web_sys::HtmlInputElement>() {
                app.dispatch(Action::Team(TeamEvent::User(i.value())));
            }
        })
    };
    let project = app.team.project.as_ref().map(|p| p.name.clone());
    let lang = app.lang;
    let ask = if app.team.review { T::NameReviewer } else { T::NameAnnotator };
    html! {
        <div id="name-dialog" class="dialog" role="dialog" aria-modal="true" aria-labelledby="name-title">
            <form {onsubmit}>
                <h2 id="name-title">{ project.unwrap_or_else(|| lang.t(T::Review).into()) }</h2>
                <label for="name-input">{ lang.t(ask) }</label>
                <input id="name-input" ref={input} autofocus=true required=true dir="auto" autocomplete="name" />
                <button id="name-ok" type="submit">{ lang.t(T::Start) }</button>
            </form>
        </div>
    }
}
