//! The exchange formats' web worker (Trunk `data-type="worker"`, see
//! `www/index.html`): exports, and imports of other tools' files.

#[path = "../fetch.rs"]
#[allow(dead_code)] // the page's half (page_text)
mod fetch;
#[path = "../formats_worker.rs"]
#[allow(dead_code)] // the page's half (the script name)
mod formats_worker;

use gloo::worker::Registrable;

fn main() {
    formats_worker::FormatsWorker::registrar().register();
}
