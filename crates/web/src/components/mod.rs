//! One component per file. Each reads the shared [`crate::AppHandle`].

pub mod agreement;
pub mod apply_bar;
pub mod doc_list;
pub mod document_view;
pub mod entities;
pub mod guidelines;
pub mod help;
pub mod import_dialog;
pub mod import_progress;
pub mod label_menu;
pub mod labels_editor;
pub mod menu;
pub mod message_bar;
pub mod model_bar;
pub mod name_dialog;
pub mod project_switch;
pub mod span_menu;
pub mod storage_status;
pub mod tab_banner;
pub mod toolbar;
pub mod update_banner;

use crate::AppHandle;
use yew::prelude::*;

/// The shared state; every component is rendered inside its provider.
#[hook]
pub fn use_app() -> AppHandle {
    use_context::<AppHandle>().expect("rendered inside the App's context provider")
}
