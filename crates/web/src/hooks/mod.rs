//! Effects: files opened or dropped, IndexedDB persistence, the tagger's worker, the global
//! keyboard listener, the one-editing-tab lock, a touch drag stretching the selected words and the texts read ahead for matching.

pub mod files;
pub mod keyboard;
pub mod model;
pub mod persistence;
pub mod tab_lock;
pub mod touch;
pub mod warm;
