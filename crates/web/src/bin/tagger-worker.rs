//! The tagger's web worker (Trunk `data-type="worker"`, see `www/index.html`).

#[path = "../tagger_worker.rs"]
#[allow(dead_code)] // the page's half (the script name)
mod tagger_worker;

use gloo::worker::Registrable;

fn main() {
    tagger_worker::TaggerWorker::registrar().register();
}
