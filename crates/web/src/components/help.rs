//! `#help-overlay`: every key, generated from the handler's own table
//! ([`KEYS`]), so the help cannot miss one.

use super::use_app;
use crate::hooks::keyboard::KEYS;
use crate::i18n::T;
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
    let lang = app.lang;
    let labels = app.labels.labels.iter().map(|l| {
        html! { <tr key={l.name.clone()}><td><kbd>{ l.key.clone() }</kbd></td><td>{ l.name.clone() }</td></tr> }
    });
    html! {
        <div id="help-overlay" class="overlay" role="dialog" aria-label={lang.t(T::Keys)}>
            <button class="close" aria-label={lang.t(T::Close)} onclick={close}>{ "×" }</button>
            <h2>{ lang.t(T::Keys) }</h2>
            <table id="help-keys">
                { for KEYS.iter().map(|row| html! {
                    <tr data-cmd={format!("{:?}", row.cmd)}>
                        <td>{ for row.chords.iter().enumerate().map(|(i, c)| html! {
                            <>{ if i > 0 { " / " } else { "" } }<kbd dir="ltr">{ c.label(&label_keys) }</kbd></>
                        }) }</td>
                        <td>{ lang.t(row.what) }</td>
                    </tr>
                }) }
            </table>
            <h3>{ lang.t(T::LabelKeys) }</h3>
            <table>{ for labels }</table>
            <p>{ lang.t(T::HelpSelect) }</p>
            <p class="notices">
                { lang.t(T::NoticesBefore) }
                <a id="notices" href="NOTICES.txt" target="_blank" rel="noopener">{ lang.t(T::Notices) }</a>
                { "." }
            </p>
        </div>
    }
}
