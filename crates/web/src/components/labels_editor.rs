//! `#labels-editor`: the label set (name, colour, key), saved with the
//! documents. Renaming a label renames its spans.

use super::use_app;
use crate::state::{Action, LabelField, Panel};
use yew::prelude::*;

#[function_component]
pub fn LabelsEditor() -> Html {
    let app = use_app();
    let field = |index: usize, make: fn(String) -> LabelField| {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            app.dispatch(Action::EditLabel { index, field: make(input.value()) });
        })
    };
    let rows = app.labels.labels.iter().enumerate().map(|(i, l)| {
        let remove = {
            let app = app.clone();
            Callback::from(move |_: MouseEvent| app.dispatch(Action::RemoveLabel(i)))
        };
        html! {
            <tr key={format!("{i}-{}", l.name)} data-label={l.name.clone()}>
                <td><input class="label-name" type="text" value={l.name.clone()} onchange={field(i, LabelField::Name)} /></td>
                <td><input class="label-color" type="color" value={l.color.clone()} onchange={field(i, LabelField::Color)} /></td>
                <td><input class="label-key" type="text" size="2" maxlength="1" value={l.key.clone()} onchange={field(i, LabelField::Key)} /></td>
                <td class="label-desc" dir="auto">{ l.description.clone() }</td>
                <td><button class="label-remove" onclick={remove}>{ "Remove" }</button></td>
            </tr>
        }
    });
    let add = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::AddLabel))
    };
    let close = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::TogglePanel(Panel::Labels)))
    };
    html! {
        <aside id="labels-editor" class="panel" role="dialog" aria-label="Labels">
            <button class="close" aria-label="close" onclick={close}>{ "×" }</button>
            <h2>{ "Labels" }</h2>
            <table>
                <tr><th>{ "name" }</th><th>{ "colour" }</th><th>{ "key" }</th><th>{ "description" }</th><th /></tr>
                { for rows }
            </table>
            <button id="label-add" onclick={add}>{ "Add a label" }</button>
        </aside>
    }
}
