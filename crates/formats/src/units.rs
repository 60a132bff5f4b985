//! Offsets that a file claims, checked against the text it says they cover.
//! Standoff formats carry each span's text beside its offsets (Label
//! Studio's `value.text`, brat's third column); when the offsets do not
//! cover that text as code points but do as UTF-16 code units (what a
//! JavaScript tool counts, or brat on a narrow Python 2 build), they are
//! taken as UTF-16 and converted, and the reader says so.

use barchasb_core::OffsetTable;
use std::ops::Range;

/// The unit that made a span's offsets cover its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    /// Code points, as every span here.
    CodePoints,
    /// UTF-16 code units, converted to code points.
    Utf16,
}

/// The code points `start..end` covers, if they are in the text.
pub(crate) fn slice<'t>(text: &'t str, table: &OffsetTable, r: Range<usize>) -> Option<&'t str> {
    table.to_bytes(r).map(|b| &text[b.as_range()])
}

/// The code point range that `start..end` means, given that it covers
/// `claimed`: as code points if they cover it, else as UTF-16 units
/// converted; `None` when neither does.
pub(crate) fn locate(
    text: &str,
    table: &OffsetTable,
    start: usize,
    end: usize,
    claimed: &str,
) -> Option<(Range<usize>, Unit)> {
    if slice(text, table, start..end) == Some(claimed) {
        return Some((start..end, Unit::CodePoints));
    }
    let r = table.utf16_to_char(start)?..table.utf16_to_char(end)?;
    (slice(text, table, r.clone()) == Some(claimed)).then_some((r, Unit::Utf16))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_first_then_utf16_units() {
        let text = "🙂 ایران(ایمیدرو)";
        let t = OffsetTable::new(text);
        assert_eq!(locate(text, &t, 8, 15, "ایمیدرو"), Some((8..15, Unit::CodePoints)));
        assert_eq!(locate(text, &t, 9, 16, "ایمیدرو"), Some((8..15, Unit::Utf16)));
        assert_eq!(locate(text, &t, 1, 2, "🙂"), None, "inside the surrogate pair");
        assert_eq!(locate(text, &t, 2, 7, "ایمیدرو"), None);
    }
}
