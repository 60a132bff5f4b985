//! Effects: files opened or dropped, IndexedDB persistence, the tagger's worker, the global
//! keyboard listener and the one-editing-tab lock.

pub mod files;
pub mod keyboard;
pub mod model;
pub mod persistence;
pub mod tab_lock;
