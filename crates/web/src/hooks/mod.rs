//! Effects: IndexedDB persistence and the global keyboard listener.

pub mod keyboard;
pub mod persistence;
