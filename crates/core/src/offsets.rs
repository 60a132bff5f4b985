//! Offsets and the frames they live in.
//!
//! Inside Rust every range is a [`ByteRange`] over the original UTF-8 text.
//! At the boundary a range becomes code points (JSON, Python, spaCy) or UTF-16
//! code units (the DOM). [`OffsetTable`] is the one place that converts
//! between the three, so no caller does offset arithmetic of its own.

use std::ops::Range;

/// A half-open range of **bytes** in the original text (the Rust frame).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ByteRange {
    /// The first byte.
    pub start: usize,
    /// The byte after the last one (end exclusive).
    pub end: usize,
}

impl ByteRange {
    /// `start..end`; `start` must not be after `end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        ByteRange { start, end }
    }
    /// Its length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    /// Whether it covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// As a `Range`, to slice the text with.
    pub fn as_range(&self) -> Range<usize> {
        self.start..self.end
    }
    /// Whether the two share at least one byte.
    pub fn overlaps(&self, other: &ByteRange) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The smallest range covering both.
    pub fn cover(&self, other: &ByteRange) -> ByteRange {
        ByteRange::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl From<Range<usize>> for ByteRange {
    fn from(r: Range<usize>) -> Self {
        ByteRange::new(r.start, r.end)
    }
}

/// Converts between byte, code point and UTF-16 offsets of one text.
///
/// ```
/// use barchasb_core::OffsetTable;
/// let t = OffsetTable::new("ab🙂ی");
/// assert_eq!(t.byte_to_char(6), 3); // after the emoji
/// assert_eq!(t.char_to_utf16(3), 4); // the emoji is two UTF-16 units
/// assert_eq!(t.utf16_to_char(4), Some(3));
/// ```
#[derive(Debug, Clone)]
pub struct OffsetTable {
    /// Byte offset of each code point, plus the text length at the end.
    char_bytes: Vec<usize>,
    /// UTF-16 offset of each code point, plus the total at the end.
    char_utf16: Vec<usize>,
}

impl OffsetTable {
    /// The table of `text`: one pass, two entries per code point.
    pub fn new(text: &str) -> Self {
        let n = text.chars().count();
        let mut char_bytes = Vec::with_capacity(n + 1);
        let mut char_utf16 = Vec::with_capacity(n + 1);
        let mut u16 = 0;
        for (b, c) in text.char_indices() {
            char_bytes.push(b);
            char_utf16.push(u16);
            u16 += c.len_utf16();
        }
        char_bytes.push(text.len());
        char_utf16.push(u16);
        OffsetTable { char_bytes, char_utf16 }
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        self.char_bytes.len() - 1
    }

    /// Number of UTF-16 code units in the text.
    pub fn utf16_len(&self) -> usize {
        *self.char_utf16.last().unwrap()
    }

    /// Code point offset of a byte offset. A byte inside a code point maps to
    /// the code point it belongs to.
    pub fn byte_to_char(&self, byte: usize) -> usize {
        match self.char_bytes.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte offset of a code point offset; `None` past the end.
    pub fn char_to_byte(&self, ch: usize) -> Option<usize> {
        self.char_bytes.get(ch).copied()
    }

    /// UTF-16 offset of a code point offset, clamped to the end.
    pub fn char_to_utf16(&self, ch: usize) -> usize {
        self.char_utf16[ch.min(self.char_len())]
    }

    /// Code point offset of a UTF-16 offset; `None` if it falls inside a
    /// surrogate pair or past the end.
    pub fn utf16_to_char(&self, u: usize) -> Option<usize> {
        self.char_utf16.binary_search(&u).ok()
    }

    /// A byte range as a code point range.
    pub fn to_chars(&self, r: ByteRange) -> Range<usize> {
        self.byte_to_char(r.start)..self.byte_to_char(r.end)
    }

    /// A code point range as a byte range; `None` if out of bounds or reversed.
    pub fn to_bytes(&self, r: Range<usize>) -> Option<ByteRange> {
        if r.start > r.end {
            return None;
        }
        Some(ByteRange::new(self.char_to_byte(r.start)?, self.char_to_byte(r.end)?))
    }
}

/// Code point offsets of byte offsets asked mostly in ascending order (the
/// starts and ends of sorted spans), by counting the code points between
/// one and the next: no table of every code point, as [`OffsetTable`]
/// builds, for a text whose few spans are converted once. Agrees with
/// [`OffsetTable::byte_to_char`] for every byte offset, in any order.
///
/// ```
/// use barchasb_core::CharCursor;
/// let text = "ab🙂ی";
/// let mut c = CharCursor::new(text);
/// assert_eq!((c.byte_to_char(2), c.byte_to_char(6), c.byte_to_char(8)), (2, 3, 4));
/// assert_eq!(c.byte_to_char(1), 1); // backwards too
/// ```
#[derive(Debug, Clone)]
pub struct CharCursor<'t> {
    text: &'t str,
    /// A byte offset on a code point boundary …
    byte: usize,
    /// … and its code point offset.
    ch: usize,
}

impl<'t> CharCursor<'t> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'t str) -> Self {
        CharCursor { text, byte: 0, ch: 0 }
    }

    /// Code point offset of a byte offset; a byte inside a code point maps
    /// to the code point it belongs to, a byte past the end to the end.
    pub fn byte_to_char(&mut self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        let count = |a: usize, b: usize| self.text[a..b].chars().count();
        if byte >= self.byte {
            self.ch += count(self.byte, byte);
        } else {
            self.ch -= count(byte, self.byte);
        }
        self.byte = byte;
        self.ch
    }

    /// A byte range as a code point range.
    pub fn to_chars(&mut self, r: ByteRange) -> Range<usize> {
        self.byte_to_char(r.start)..self.byte_to_char(r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn persian_with_zwnj_and_emoji() {
        let s = "می‌روم 🙂 ۱۲";
        let t = OffsetTable::new(s);
        assert_eq!(t.char_len(), s.chars().count());
        // ZWNJ is one code point, one UTF-16 unit, three bytes.
        assert_eq!(t.char_to_byte(2), Some(4));
        assert_eq!(t.char_to_byte(3), Some(7));
        assert_eq!(t.byte_to_char(5), 2); // inside the ZWNJ
        assert_eq!(t.utf16_len(), s.encode_utf16().count());
        // emoji at code point 7 takes two UTF-16 units
        assert_eq!(t.char_to_utf16(8), 9);
        assert_eq!(t.utf16_to_char(8), None);
    }

    proptest! {
        #[test]
        fn conversions_round_trip(s in "\\PC{0,40}") {
            let t = OffsetTable::new(&s);
            for (ci, (b, _)) in s.char_indices().enumerate() {
                prop_assert_eq!(t.byte_to_char(b), ci);
                prop_assert_eq!(t.char_to_byte(ci), Some(b));
                let u = t.char_to_utf16(ci);
                prop_assert_eq!(t.utf16_to_char(u), Some(ci));
                prop_assert_eq!(u, s[..b].encode_utf16().count());
            }
            prop_assert_eq!(t.char_to_byte(t.char_len()), Some(s.len()));
        }

        #[test]
        fn the_cursor_agrees_with_the_table(s in "\\PC{0,40}", bytes in proptest::collection::vec(0usize..200, 0..12)) {
            let t = OffsetTable::new(&s);
            let mut c = CharCursor::new(&s);
            for b in bytes {
                let b = b.min(s.len());
                prop_assert_eq!(c.byte_to_char(b), t.byte_to_char(b), "byte {}", b);
            }
        }
    }
}
