//! `#apply-everywhere`: after labelling, offer to label the other
//! occurrences of the same normalized text.

use super::use_app;
use crate::i18n::T;
use crate::state::Action;
use yew::prelude::*;

#[function_component]
pub fn ApplyBar() -> Html {
    let app = use_app();
    let Some(offer) = app.offer.clone() else { return html! {} };
    let lang = app.lang;
    let act = |a: fn() -> Action| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(a()))
    };
    html! {
        <div id="apply-everywhere" role="region">
            <span class="offer-text" dir="auto">
                { lang.t(T::ApplyBefore) }<bdi>{ offer.text.clone() }</bdi>{ lang.f(T::ApplyAfter, &[&offer.label]) }
            </span>
            <button data-action="apply-doc" disabled={offer.in_doc == 0} onclick={act(|| Action::ApplyEverywhere { all: false })}>
                { lang.f(T::ApplyThisDoc, &[&lang.num(offer.in_doc)]) }
            </button>
            <button data-action="apply-all" onclick={act(|| Action::ApplyEverywhere { all: true })}>
                { lang.f(T::ApplyAllDocs, &[&lang.num(offer.in_all)]) }
            </button>
            <button data-action="dismiss" onclick={act(|| Action::DismissOffer)}>{ lang.t(T::Dismiss) }</button>
        </div>
    }
}
