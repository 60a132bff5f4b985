//! Effects: IndexedDB persistence, the tagger's worker and the global
//! keyboard listener.

pub mod keyboard;
pub mod model;
pub mod persistence;
