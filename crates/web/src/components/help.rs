//! `#help-overlay`: every key, generated from the handler's own table
//! ([`KEYS`]), so the help cannot miss one.

use super::use_app;
use crate::hooks::keyboard::KEYS;
use crate::state::{Action, Panel};
use yew::prelude::*;

#[function_component]
pub fn HelpOverlay() -> Html {
    let app = use_app();
    let close = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::TogglePanel(Panel::Help)))
    };
    let label_keys: String =
        app.labels.labels.iter().filter(|l| !l.key.is_empty()).map(|l| l.key.as_str()).collect::<Vec<_>>().join(" ");
    let labels = app.labels.labels.iter().map(|l| {
        html! { <tr key={l.name.clone()}><td><kbd>{ l.key.clone() }</kbd></td><td>{ l.name.clone() }</td></tr> }
    });
    html! {
        <div id="help-overlay" class="overlay" role="dialog" aria-label="Keys" dir="ltr" lang="en">
            <button class="close" aria-label="close" onclick={close}>{ "×" }</button>
            <h2>{ "Keys" }</h2>
            <table id="help-keys">
                { for KEYS.iter().map(|row| html! {
                    <tr data-cmd={format!("{:?}", row.cmd)}>
                        <td>{ for row.chords.iter().enumerate().map(|(i, c)| html! {
                            <>{ if i > 0 { " / " } else { "" } }<kbd>{ c.label(&label_keys) }</kbd></>
                        }) }</td>
                        <td>{ row.what }</td>
                    </tr>
                }) }
            </table>
            <h3>{ "Label keys" }</h3>
            <table>{ for labels }</table>
            <p>{ "Select text with the mouse to label it: the selection grows to whole words; with Alt held it is \
                   exact to the character. A drag begun inside a span marks it anew. Drag the handles at a span's \
                   two ends to move them (whole words; with Alt, characters). A click on a word puts the word \
                   cursor there." }</p>
            <p class="notices">
                { "The word lists inside come from openly licensed sources: " }
                <a id="notices" href="NOTICES.txt" target="_blank" rel="noopener">{ "notices" }</a>
                { "." }
            </p>
        </div>
    }
}
