//! LOC, ORG, COMMODITY, ROLE, PER, FAC, EVENT and AGREEMENT from gazetteers,
//! trigger words and context.

use super::Context;
use crate::span::Entity;

/// Compiled gazetteers and trigger lists.
#[derive(Debug, Default)]
pub struct Names {}

impl Names {
    pub fn new() -> Self {
        Names {}
    }

    /// Adds name candidates; may look at what earlier recognizers found.
    pub fn find(&self, _cx: &Context, _out: &mut Vec<Entity>) {}
}
