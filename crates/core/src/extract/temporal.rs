//! DATE, QUANTITY and MONEY by patterns over the normalized tokens.

use super::Context;
use crate::span::Entity;

/// Adds DATE, QUANTITY and MONEY candidates.
pub fn find(_cx: &Context, _out: &mut Vec<Entity>) {}
