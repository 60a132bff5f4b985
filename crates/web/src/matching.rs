//! Finding the other occurrences of a span's text, matched on the
//! normalized key (`رییس`/`رئیس`, `ي`/`ی`, digits of any script, with or
//! without ZWNJ), always on whole tokens.

use barchasb_core::{key, tokenize, OffsetTable, Token};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

/// A text's tokens and offset table, kept between edits.
struct Read {
    tokens: Vec<Token>,
    table: OffsetTable,
}

/// At most this many texts are kept read (then the cache starts again).
const KEPT: usize = 2048;

thread_local! {
    /// By document id and text generation (a text never changes under one).
    static READ: RefCell<HashMap<(String, u64), Rc<Read>>> = RefCell::new(HashMap::new());
}

/// The text of document `id` at text generation `gen`, tokenized once.
fn read(id: &str, gen: u64, text: &str) -> Rc<Read> {
    READ.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= KEPT && !m.contains_key(&(id.to_string(), gen)) {
            m.clear(); // bounded: rebuilt as needed
        }
        m.entry((id.to_string(), gen))
            .or_insert_with(|| Rc::new(Read { tokens: tokenize(text), table: OffsetTable::new(text) }))
            .clone()
    })
}

/// Whether the text of `id` at `gen` is read already.
pub fn is_read(id: &str, gen: u64) -> bool {
    READ.with(|m| m.borrow().contains_key(&(id.to_string(), gen)))
}

/// Reads the text of document `id` at `gen` ahead of need (`hooks::warm`
/// does it while the annotator reads), so the first label in a long
/// document does not tokenize it, and every other document, before the
/// label shows. `false` once the cache is full: nothing more is read ahead.
pub fn warm(id: &str, gen: u64, text: &str) -> bool {
    if READ.with(|m| m.borrow().len()) >= KEPT {
        return false;
    }
    read(id, gen, text);
    true
}

/// The occurrences of `target` (as `occurrences` finds them) in the text of document `id` at text generation `gen`,
/// tokenized once and kept: labelling a span in a long document does not
/// tokenize every document again to count the other occurrences.
pub fn occurrences_cached(id: &str, gen: u64, text: &str, target: &str) -> Vec<Range<usize>> {
    let read = read(id, gen, text);
    occurrences_in(&read.tokens, &read.table, target)
}

/// Code point ranges of `text` whose tokens, run together, have the
/// matching key `target` (see [`barchasb_core::key`]). Whole tokens only, no
/// match crosses a line break; sorted and non-overlapping.
#[cfg(test)]
pub fn occurrences(text: &str, target: &str) -> Vec<Range<usize>> {
    occurrences_in(&tokenize(text), &OffsetTable::new(text), target)
}

fn occurrences_in(tokens: &[Token], table: &OffsetTable, target: &str) -> Vec<Range<usize>> {
    if target.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match match_from(tokens, i, target) {
            Some(j) => {
                found.push(table.to_chars(tokens[i].range.cover(&tokens[j].range)));
                i = j + 1;
            }
            None => i += 1,
        }
    }
    found
}

/// The last token of a match of `target` begun at token `i`: tokens whose
/// keys, run together, spell it, on one line. No allocation: this runs for
/// every token of every document at each label.
fn match_from(tokens: &[Token], i: usize, target: &str) -> Option<usize> {
    let mut rest = target;
    for (j, t) in tokens.iter().enumerate().skip(i) {
        if j > i && t.line_start {
            return None;
        }
        rest = rest.strip_prefix(t.norm.as_str())?;
        if rest.is_empty() {
            return Some(j);
        }
    }
    None
}

/// The matching key of the code points `range` of `text`.
pub fn key_of(text: &str, range: Range<usize>) -> String {
    let s: String = text.chars().skip(range.start).take(range.end - range.start).collect();
    key(&s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_read_ahead_is_the_one_matched_and_the_cache_stays_bounded() {
        let text = "ایمیدرو در تهران؛ ايميدرو در پکن";
        assert!(!is_read("w", 1));
        assert!(warm("w", 1, text));
        assert!(is_read("w", 1) && !is_read("w", 2), "by text generation");
        assert_eq!(occurrences_cached("w", 1, text, &key("ایمیدرو")), occurrences(text, &key("ایمیدرو")));
        for g in 2..KEPT as u64 + 1 {
            assert!(warm("w", g, "x"));
        }
        assert!(!warm("w", 9999, "x"), "full: nothing more read ahead");
        assert!(!is_read("w", 9999));
        // a match still reads what it needs (the cache starts again)
        assert_eq!(occurrences_cached("w", 1, text, &key("ایمیدرو")).len(), 2);
    }

    fn texts(text: &str, rs: &[Range<usize>]) -> Vec<String> {
        rs.iter().map(|r| text.chars().skip(r.start).take(r.end - r.start).collect()).collect()
    }

    #[test]
    fn finds_hamza_and_arabic_yeh_variants() {
        let text = "رئیس هیأت عامل گفت. رييس هيات عامل و رییس‌هیات‌عامل آمدند. رئیس";
        let target = key_of(text, 0..14);
        let found = occurrences(text, &target);
        assert_eq!(texts(text, &found), ["رئیس هیأت عامل", "رييس هيات عامل", "رییس‌هیات‌عامل"]);
    }

    #[test]
    fn whole_tokens_only_and_not_across_lines() {
        let text = "چین و چینی\nچین\nایران چین";
        let found = occurrences(text, &key("چین"));
        assert_eq!(found, vec![0..3, 11..14, 21..24]);
        // "ایران\nچین" is not one occurrence of "ایران چین"
        let text = "ایران\nچین و ایران چین";
        assert_eq!(texts(text, &occurrences(text, &key("ایران چین"))), ["ایران چین"]);
    }

    #[test]
    fn digits_of_any_script_match() {
        let text = "برنامه 25 ساله و برنامه ۲۵ ساله";
        assert_eq!(occurrences(text, &key("برنامه 25 ساله")).len(), 2);
        assert!(occurrences(text, "").is_empty());
    }
}
