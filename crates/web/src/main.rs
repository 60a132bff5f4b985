//! The annotator's entry point (built by Trunk from `www/index.html`).

use yew::prelude::*;

#[function_component]
fn App() -> Html {
    let text = include_str!("../../../seeds/imidro-kazakhstan-deputy-minister.txt");
    let n = barchasb_core::extract(text).len();
    html! { <main dir="rtl" lang="fa"><p>{ format!("{n} suggestions") }</p></main> }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
