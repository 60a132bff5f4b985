//! DOM positions to code points and token snapping, kept free of web-sys so
//! they are unit-tested natively.
//!
//! A DOM Selection gives (text node, UTF-16 offset). Every text run and span
//! element carries the code point offset of its first character
//! (`data-offset` / `data-start`), so a position is that base plus the code
//! points before the UTF-16 offset inside the node's text.

use barchasb_core::{snap_to_tokens, ByteRange, OffsetTable, Token};
use std::ops::Range;

/// Code point offset in the document of UTF-16 offset `utf16` inside a node
/// whose text is `node_text` and whose first character is at code point
/// `base`. An offset inside a surrogate pair moves to the start of that
/// character; past the end clamps to the end.
pub fn node_point_to_char(base: usize, node_text: &str, utf16: usize) -> usize {
    let table = OffsetTable::new(node_text);
    let u = utf16.min(table.utf16_len());
    let local = (0..=u).rev().find_map(|x| table.utf16_to_char(x)).unwrap_or(0);
    base + local
}

/// Grows a code point selection to whole tokens (ZWNJ-aware, via the core's
/// tokenizer) and returns it in code points; `None` when it touches no token.
pub fn snap_chars(table: &OffsetTable, tokens: &[Token], sel: Range<usize>) -> Option<Range<usize>> {
    let (a, b) = if sel.start <= sel.end { (sel.start, sel.end) } else { (sel.end, sel.start) };
    let n = table.char_len();
    let bytes = table.to_bytes(a.min(n)..b.min(n))?;
    let snapped = snap_to_tokens(tokens, ByteRange::new(bytes.start, bytes.end))?;
    let r = table.to_chars(snapped);
    (r.start < r.end).then_some(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use barchasb_core::tokenize;

    #[test]
    fn utf16_offsets_with_persian_emoji_and_zwnj() {
        // "می‌روم 🙂 ۱۲": the ZWNJ is one unit, the emoji two.
        let node = "می‌روم 🙂 ۱۲";
        assert_eq!(node_point_to_char(100, node, 0), 100);
        assert_eq!(node_point_to_char(100, node, 3), 103); // after the ZWNJ
        assert_eq!(node_point_to_char(100, node, 7), 107); // the emoji starts
        assert_eq!(node_point_to_char(100, node, 8), 107); // inside the pair: back to its start
        assert_eq!(node_point_to_char(100, node, 9), 108); // after the emoji
        assert_eq!(node_point_to_char(100, node, 12), 111);
        assert_eq!(node_point_to_char(100, node, 99), 111); // clamped
    }

    #[test]
    fn snapping_in_code_points() {
        let text = "🙂 با وجیه‌اله جعفری در 2025 دیدار";
        let table = OffsetTable::new(text);
        let toks = tokenize(text);
        let chars: Vec<char> = text.chars().collect();
        let pos = |s: &str| {
            let b = text.find(s).unwrap();
            table.byte_to_char(b)
        };
        // from inside وجیه to inside جعفری, dragged backwards
        let r = snap_chars(&table, &toks, pos("عفری")..pos("یه")).unwrap();
        assert_eq!(chars[r].iter().collect::<String>(), "وجیه‌اله جعفری");
        let r = snap_chars(&table, &toks, pos("025")..pos("025") + 1).unwrap();
        assert_eq!(chars[r].iter().collect::<String>(), "2025");
        assert_eq!(snap_chars(&table, &toks, 1..2), None); // a space
    }
}
