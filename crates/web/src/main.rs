//! The annotator's entry point (built by Trunk from `www/index.html`).
//!
//! One [`state::AppState`] behind `use_reducer`, shared through a context;
//! components under `components/` render it and dispatch
//! [`state::Action`]s; effects (IndexedDB, keyboard) live in `hooks/`.
//! The DOM follows the contract in the README's annotator section: stable
//! ids and `data-*` attributes that browser tests rely on.

mod components;
mod dom;
mod dom_offsets;
mod fetch;
mod formats_worker;
mod hooks;
mod i18n;
mod io;
mod layout;
mod markdown;
mod matching;
mod state;
mod styles;
mod tagger_worker;

use components::{
    agreement::AgreementPanel, apply_bar::ApplyBar, doc_list::DocList, document_view::DocumentView,
    entities::EntitiesPanel, guidelines::GuidelinesPanel, help::HelpOverlay, import_dialog::ImportDialog,
    import_progress::ImportProgress, label_menu::LabelMenu, labels_editor::LabelsEditor, message_bar::MessageBar,
    name_dialog::NameDialog, span_menu::SpanMenu, tab_banner::TabBanner, toolbar::Toolbar, update_banner::UpdateBanner,
};
use hooks::model::ModelBridge;
use state::{AppState, Panel};
use yew::prelude::*;

/// The shared state handle every component reads and dispatches to.
pub type AppHandle = UseReducerHandle<AppState>;

#[function_component]
fn App() -> Html {
    let state = use_reducer(|| AppState::in_lang(dom::lang()));
    use_effect_with(state.lang, |lang| dom::set_lang(*lang));
    let storage = hooks::persistence::use_persistence(state.clone());
    let model = hooks::model::use_model(state.clone(), storage);
    hooks::keyboard::use_keyboard(state.clone());
    hooks::files::use_file_drop(state.clone());
    hooks::warm::use_warm_matching(state.clone());
    // The labels' colours: a generated stylesheet, not inline styles.
    use_effect_with(state.labels.clone(), |labels| styles::set_rules(&styles::label_rules(labels)));
    html! {
        <ContextProvider<AppHandle> context={state.clone()}>
        <ContextProvider<ModelBridge> context={model}>
            <div id="app">
                <Toolbar />
                <div class="main">
                    <DocList />
                    <section class="doc-pane">
                        <UpdateBanner />
                        <TabBanner />
                        <ApplyBar />
                        <DocumentView />
                    </section>
                </div>
                <ImportProgress />
                <MessageBar />
                <SpanMenu />
                <LabelMenu />
                if state.panel_open(Panel::Help) { <HelpOverlay /> }
                if state.panel_open(Panel::Guidelines) { <GuidelinesPanel /> }
                if state.panel_open(Panel::Labels) { <LabelsEditor /> }
                if state.panel_open(Panel::Agreement) { <AgreementPanel /> }
                if state.panel_open(Panel::Entities) { <EntitiesPanel /> }
                <NameDialog />
                <ImportDialog />
            </div>
        </ContextProvider<ModelBridge>>
        </ContextProvider<AppHandle>>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
