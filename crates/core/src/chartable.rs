//! A per-character function, tabulated for the characters of almost every
//! news text.

use std::sync::OnceLock;

/// The characters a table covers: ASCII, Latin, Arabic and its supplement
/// (U+0000–U+07FF, the two-byte UTF-8 range).
const LEN: usize = 0x800;

/// `f` of every character below U+0800, computed on first use; other
/// characters call `f`. One load instead of `f`'s work (the normalization
/// steps, Unicode's alphabetic search) for every Arabic or Latin letter.
pub(crate) struct CharTable<T: 'static> {
    table: OnceLock<[T; LEN]>,
    f: fn(char) -> T,
}

impl<T: Copy> CharTable<T> {
    /// The table of `f`, empty until first used.
    pub(crate) const fn new(f: fn(char) -> T) -> Self {
        CharTable { table: OnceLock::new(), f }
    }

    /// `f(c)`.
    pub(crate) fn get(&self, c: char) -> T {
        let table = self.table.get_or_init(|| {
            // Every value below U+0800 is a char (surrogates start at U+D800).
            std::array::from_fn(|i| (self.f)(char::from_u32(i as u32).expect("below the surrogates")))
        });
        match table.get(c as usize) {
            Some(v) => *v,
            None => (self.f)(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_function_inside_and_outside_the_table() {
        static UPPER: CharTable<bool> = CharTable::new(char::is_uppercase);
        for c in ['a', 'A', 'É', 'ی', '\u{7ff}', '\u{800}', 'Ω', '\u{200c}', '🙂', 'Ａ'] {
            assert_eq!(UPPER.get(c), c.is_uppercase(), "{c:?}");
        }
    }
}
