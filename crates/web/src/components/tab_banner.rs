//! `#tab-banner`: shown while another tab of the annotator edits. This tab
//! then only shows the saved work (it refuses edits and never writes, see
//! `hooks/tab_lock.rs`); one click makes it the editing tab instead.

use super::use_app;
use crate::hooks::tab_lock;
use crate::i18n::T;
use crate::state::{TabRole, Why};
use yew::prelude::*;

#[function_component]
pub fn TabBanner() -> Html {
    let app = use_app();
    let TabRole::Watching(why) = app.tab else { return html! {} };
    let take_over = Callback::from(|_: MouseEvent| tab_lock::take_over());
    let (reason, text) = match why {
        Why::Busy => ("busy", T::TabBusy),
        Why::Taken => ("taken", T::TabTaken),
        Why::Free => ("free", T::TabFree),
    };
    html! {
        <div id="tab-banner" role="alert" data-reason={reason}>
            <span class="text" dir="auto">{ app.lang.t(text) }</span>
            <button id="take-over" onclick={take_over}>{ app.lang.t(T::TakeOver) }</button>
        </div>
    }
}
