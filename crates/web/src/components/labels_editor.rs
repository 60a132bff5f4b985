//! `#labels-editor`: the label set (name, colour, key), saved with the
//! documents. Renaming a label renames its spans.

use super::use_app;
use crate::i18n::T;
use crate::state::{Action, LabelField, Panel};
use yew::prelude::*;

#[function_component]
pub fn LabelsEditor() -> Html {
    let app = use_app();
    let lang = app.lang;
    let field = |index: usize, make: fn(String) -> LabelField| {
        let app = app.clone();
        Callback::from(move |value: String| app.dispatch(Action::EditLabel { index, field: make(value) }))
    };
    let rows = app.labels.labels.iter().enumerate().map(|(i, l)| {
        let remove = {
            let app = app.clone();
            Callback::from(move |_: MouseEvent| app.dispatch(Action::RemoveLabel(i)))
        };
        html! {
            <tr key={format!("{i}-{}", l.name)} data-label={l.name.clone()}>
                <td><DraftInput class="label-name" kind="text" column="labels-col-name" value={l.name.clone()} onchange={field(i, LabelField::Name)} /></td>
                <td><DraftInput class="label-color" kind="color" column="labels-col-color" value={l.color.clone()} onchange={field(i, LabelField::Color)} /></td>
                <td><DraftInput class="label-key" kind="text" column="labels-col-key" short=true value={l.key.clone()} onchange={field(i, LabelField::Key)} /></td>
                <td class="label-desc" dir="auto">{ l.description.clone() }</td>
                <td><button class="label-remove" onclick={remove}>{ lang.t(T::Remove) }</button></td>
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
        <aside id="labels-editor" class="panel" role="dialog" aria-label={lang.t(T::Labels)}>
            <button class="close" aria-label={lang.t(T::Close)} onclick={close}>{ "×" }</button>
            <h2>{ lang.t(T::Labels) }</h2>
            <table>
                <tr><th id="labels-col-name">{ lang.t(T::LabelName) }</th><th id="labels-col-color">{ lang.t(T::LabelColour) }</th><th id="labels-col-key">{ lang.t(T::LabelKey) }</th><th>{ lang.t(T::LabelDescription) }</th><th /></tr>
                { for rows }
            </table>
            <button id="label-add" onclick={add}>{ lang.t(T::AddLabel) }</button>
        </aside>
    }
}

#[derive(Properties, PartialEq)]
struct DraftProps {
    class: AttrValue,
    kind: AttrValue,
    /// The stored value.
    value: String,
    /// The id of the column header that names the field (its accessible name).
    column: AttrValue,
    /// A one-character field (the key).
    #[prop_or_default]
    short: bool,
    /// Called with the field's text when the user commits it (change event).
    onchange: Callback<String>,
}

/// An input whose text being typed is its own state, apart from the stored
/// value: any re-render while the user types (an autosave finishing, a
/// colour just changed) would otherwise reset the field to the stored value,
/// and what was typed would be lost before it is committed.
#[function_component]
fn DraftInput(p: &DraftProps) -> Html {
    let draft = use_state(|| p.value.clone());
    {
        // A new stored value (undo, a rename elsewhere) replaces the draft.
        let draft = draft.clone();
        use_effect_with(p.value.clone(), move |v| {
            if *draft != *v {
                draft.set(v.clone());
            }
        });
    }
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            draft.set(input.value());
        })
    };
    let onchange = {
        let commit = p.onchange.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            commit.emit(input.value());
        })
    };
    let (size, maxlength) = if p.short { (Some("2"), Some("1")) } else { (None, None) };
    html! {
        <input class={p.class.clone()} type={p.kind.clone()} aria-labelledby={p.column.clone()} value={(*draft).clone()} {size} {maxlength} {oninput} {onchange} />
    }
}
