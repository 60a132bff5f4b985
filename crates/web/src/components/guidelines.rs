//! `#guidelines-panel`: the annotation guidelines in the interface's
//! language (`guidelines.md` beside the page, a copy of the shared
//! `ANNOTATION_GUIDELINES.md`, and its Persian translation
//! `guidelines.fa.md`; fetched when the panel opens, so the text is not in
//! the wasm), or a project's own, rendered from their Markdown subset
//! ([`crate::markdown`]) as elements holding text nodes only. The panel reads
//! in the direction of its text's language; every paragraph, item and cell
//! has `dir="auto"`, so a Persian example cell in the English text reads
//! right to left and a Latin label name in the Persian one left to right.

use super::use_app;
use crate::i18n::{Lang, T};
use crate::markdown::{parse, Block, Inline, Line};
use crate::state::{Action, Panel};
use yew::prelude::*;

/// The guidelines beside the page, in English.
pub const GUIDELINES: &str = "guidelines.md";
/// Their Persian translation beside the page.
pub const GUIDELINES_FA: &str = "guidelines.fa.md";

/// The default guidelines' path, language and direction in the interface's `lang`.
fn default_guidelines(lang: Lang) -> (&'static str, &'static str, &'static str) {
    match lang {
        Lang::Fa => (GUIDELINES_FA, "fa", "rtl"),
        Lang::En => (GUIDELINES, "en", "ltr"),
    }
}

fn inline(line: &Line) -> Html {
    line.iter()
        .map(|run| match run {
            Inline::Text(t) => html! { { t.clone() } },
            Inline::Code(t) => html! { <code>{ t.clone() }</code> },
            Inline::Strong(t) => html! { <strong>{ t.clone() }</strong> },
        })
        .collect()
}

fn block(b: &Block) -> Html {
    match b {
        Block::Heading { level: 1, text } => html! { <h2 dir="auto">{ inline(text) }</h2> },
        Block::Heading { level: 2, text } => html! { <h3 dir="auto">{ inline(text) }</h3> },
        Block::Heading { text, .. } => html! { <h4 dir="auto">{ inline(text) }</h4> },
        Block::Paragraph(text) => html! { <p dir="auto">{ inline(text) }</p> },
        Block::List(items) => {
            html! { <ul>{ for items.iter().map(|i| html! { <li dir="auto">{ inline(i) }</li> }) }</ul> }
        }
        Block::Table { head, rows } => html! {
            <table>
                if !head.is_empty() {
                    <thead><tr>{ for head.iter().map(|c| html! { <th dir="auto">{ inline(c) }</th> }) }</tr></thead>
                }
                <tbody>
                    { for rows.iter().map(|r| html! {
                        <tr>{ for r.iter().map(|c| html! { <td dir="auto">{ inline(c) }</td> }) }</tr>
                    }) }
                </tbody>
            </table>
        },
    }
}

#[function_component]
pub fn GuidelinesPanel() -> Html {
    let app = use_app();
    let close = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::TogglePanel(Panel::Guidelines)))
    };
    // Fetched and parsed once per opening of the panel: a few kilobytes.
    let blocks = use_state(|| None::<Result<Vec<Block>, String>>);
    let lang = app.lang;
    // A project's own guidelines (their language unknown: each block's
    // direction is its own), else the default ones in the interface's language.
    let (default, text_lang, dir) = default_guidelines(lang);
    let own = app.team.project.as_ref().and_then(|p| p.guidelines.clone());
    let (text_lang, dir) = if own.is_some() { ("", "auto") } else { (text_lang, dir) };
    let path = own.unwrap_or_else(|| default.into());
    {
        let blocks = blocks.clone();
        use_effect_with(path, move |path| {
            let path = path.clone();
            yew::platform::spawn_local(async move {
                let text = crate::fetch::page_text(&path).await;
                blocks.set(Some(text.map(|t| parse(&t)).map_err(|e| lang.f(T::GuidelinesFailed, &[&path, &e]))));
            })
        });
    }
    let body = match &*blocks {
        None => html! { <p>{ lang.t(T::Loading) }</p> },
        Some(Ok(blocks)) => blocks.iter().map(block).collect(),
        Some(Err(e)) => html! { <p class="error" dir="auto">{ e.clone() }</p> },
    };
    html! {
        <aside id="guidelines-panel" class="panel" role="dialog" aria-label={lang.t(T::Guidelines)}>
            <button class="close" aria-label={lang.t(T::Close)} onclick={close}>{ "×" }</button>
            <div class="guidelines-text" {dir} lang={text_lang}>{ body }</div>
        </aside>
    }
}
