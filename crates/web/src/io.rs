//! Fresh ids, free of web-sys so they are tested natively. Exports and
//! imports of other formats are `formats_worker`'s.

/// An id for a pasted text that no document has yet.
pub fn fresh_id<'a>(existing: impl Iterator<Item = &'a str> + Clone) -> String {
    (1..).map(|n| format!("pasted-{n}")).find(|id| !existing.clone().any(|e| e == id)).expect("an unused id exists")
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn pasted_ids_are_fresh() {
        let ids = ["pasted-1", "a"];
        assert_eq!(fresh_id(ids.iter().copied()), "pasted-2");
    }
}
