//! `#tab-banner`: shown while another tab of the annotator edits. This tab
//! then only shows the saved work (it refuses edits and never writes, see
//! `hooks/tab_lock.rs`); one click makes it the editing tab instead.

use super::use_app;
use crate::hooks::tab_lock;
use crate::state::{TabRole, Why};
use yew::prelude::*;

#[function_component]
pub fn TabBanner() -> Html {
    let app = use_app();
    let TabRole::Watching(why) = app.tab else { return html! {} };
    let take_over = Callback::from(|_: MouseEvent| tab_lock::take_over());
    let (reason, text) = match why {
        Why::Busy => ("busy", "This annotator is open in another tab, which is the one that edits. This tab is read-only: it shows what that tab saves, and saves nothing itself."),
        Why::Taken => ("taken", "Editing moved to another tab of this annotator. This tab is now read-only: it shows what that tab saves, and saves nothing itself."),
        Why::Free => ("free", "The tab that was editing this annotator is closed. This tab is still read-only: it shows what was saved. One click makes it the tab that edits."),
    };
    html! {
        <div id="tab-banner" role="alert" data-reason={reason}>
            <span class="text" dir="auto">{ text }</span>
            <button id="take-over" onclick={take_over}>{ "Edit in this tab" }</button>
        </div>
    }
}
