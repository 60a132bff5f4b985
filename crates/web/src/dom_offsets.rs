//! DOM positions to code points and token snapping, kept free of web-sys so
//! they are unit-tested natively.
//!
//! A DOM Selection gives (text node, UTF-16 offset). Every text run and span
//! element carries the code point offset of its first character
//! (`data-offset` / `data-start`), so a position is that base plus the code
//! points before the UTF-16 offset inside the node's text.

use barchasb_core::{tokenize, OffsetTable};
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

/// The UTF-16 offset inside a node's text of its code point `local` (the
/// other way of [`node_point_to_char`]); past the end clamps to the end.
pub fn char_to_node_point(node_text: &str, local: usize) -> usize {
    let table = OffsetTable::new(node_text);
    table.char_to_utf16(local.min(table.char_len()))
}

/// Where a dragged handle at caret position `at` puts the span's start
/// (`start_edge`) or end: the start of the word it is in (or the next
/// word's), the end of the word it is in (or the word's before); `exact`
/// (Alt held) keeps the position itself.
pub fn snap_edge(words: &[(u32, u32)], at: usize, start_edge: bool, exact: bool) -> usize {
    if exact {
        return at;
    }
    let w = words.iter().map(|&(s, e)| (s as usize, e as usize));
    if start_edge {
        w.clone().find(|&(s, e)| s <= at && at < e).or_else(|| w.clone().find(|&(s, _)| s >= at)).map_or(at, |x| x.0)
    } else {
        w.clone().find(|&(s, e)| s < at && at <= e).or_else(|| w.rev().find(|&(_, e)| e <= at)).map_or(at, |x| x.1)
    }
}

/// The core tokenizer's tokens of a text, in code points: the words to snap
/// to until the worker has sent the rules' words (which also split words
/// run together).
pub fn token_words(text: &str) -> Vec<(u32, u32)> {
    let table = OffsetTable::new(text);
    tokenize(text)
        .iter()
        .map(|t| {
            let r = table.to_chars(t.range);
            (r.start as u32, r.end as u32)
        })
        .collect()
}

/// Grows a code point selection (either direction) to the whole words it
/// touches (sorted code point ranges); `None` when it touches no word (a
/// space). A collapsed selection takes the word it is in.
pub fn snap_words(words: &[(u32, u32)], sel: Range<usize>) -> Option<Range<usize>> {
    let (a, b) = if sel.start <= sel.end { (sel.start, sel.end) } else { (sel.end, sel.start) };
    let touched = |&&(s, e): &&(u32, u32)| {
        let (s, e) = (s as usize, e as usize);
        if a == b {
            s <= a && a < e
        } else {
            s < b && a < e
        }
    };
    let first = words.iter().find(touched)?;
    let last = words.iter().rev().find(touched)?;
    Some(first.0 as usize..last.1 as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn code_points_to_utf16_inside_a_node() {
        let node = "می‌روم 🙂 ۱۲";
        for k in 0..=node.chars().count() {
            assert_eq!(node_point_to_char(0, node, char_to_node_point(node, k)), k, "round trip at {k}");
        }
        assert_eq!(char_to_node_point(node, 8), 9, "after the emoji: two units");
        assert_eq!(char_to_node_point(node, 99), 12, "clamped");
    }

    #[test]
    fn a_dragged_handle_snaps_to_words_or_not() {
        // «اعلامیمرکز آماراست» as the tokenizer reads it: two written words
        let words = [(0, 10), (11, 18)];
        assert_eq!(snap_edge(&words, 5, true, false), 0, "start inside a word: its start");
        assert_eq!(snap_edge(&words, 10, true, false), 11, "on the space: the next word");
        assert_eq!(snap_edge(&words, 13, false, false), 18, "end inside a word: its end");
        assert_eq!(snap_edge(&words, 11, false, false), 10, "at a word's start: the word before ends");
        assert_eq!(snap_edge(&words, 5, true, true), 5, "Alt: exactly there");
        assert_eq!(snap_edge(&words, 15, false, true), 15);
    }

    #[test]
    fn snapping_in_code_points() {
        let text = "🙂 با وجیه‌اله جعفری در 2025 دیدار";
        let table = OffsetTable::new(text);
        let words = token_words(text);
        let chars: Vec<char> = text.chars().collect();
        let pos = |s: &str| {
            let b = text.find(s).unwrap();
            table.byte_to_char(b)
        };
        // from inside وجیه to inside جعفری, dragged backwards
        let r = snap_words(&words, pos("عفری")..pos("یه")).unwrap();
        assert_eq!(chars[r].iter().collect::<String>(), "وجیه‌اله جعفری");
        let r = snap_words(&words, pos("025")..pos("025") + 1).unwrap();
        assert_eq!(chars[r].iter().collect::<String>(), "2025");
        assert_eq!(snap_words(&words, 1..2), None); // a space
        let r = snap_words(&words, pos("ری")..pos("ری")).unwrap();
        assert_eq!(chars[r].iter().collect::<String>(), "جعفری", "a caret takes its word");
    }

    #[test]
    fn the_workers_words_split_words_run_together() {
        // As the worker sends them for «بانک مرکزینرخ»: مرکزی and نرخ apart.
        let words = [(0, 4), (5, 10), (10, 13)];
        assert_eq!(snap_words(&words, 6..8), Some(5..10));
        assert_eq!(snap_words(&words, 1..7), Some(0..10));
        assert_eq!(snap_words(&words, 11..12), Some(10..13));
    }
}
