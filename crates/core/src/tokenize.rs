//! A Persian-aware tokenizer whose tokens carry original byte ranges.
//!
//! - A ZWNJ between two letters is inside the word (`می‌روم` is one token).
//! - « » ، ؛ ؟ and other punctuation are tokens of their own.
//! - Numbers keep their separators (`۱۳۹۳/۱۱/۰۷`, `45٫5`, `1,200`).
//! - Digits glued to letters are split (`9میلیارد` → `9`, `میلیارد`).
//! - Latin runs (`CHINALCO`, `G20`) are one token.
//!
//! ```
//! use barchasb_core::{tokenize, TokenKind};
//! let text = "۶۰۰هزارتن «سنگ‌آهن»";
//! let toks = tokenize(text);
//! let words: Vec<&str> = toks.iter().map(|t| &text[t.range.as_range()]).collect();
//! assert_eq!(words, ["۶۰۰", "هزارتن", "«", "سنگ‌آهن", "»"]);
//! assert_eq!(toks[0].kind, TokenKind::Number);
//! assert_eq!(toks[0].norm, "600");
//! ```

use crate::chartable::CharTable;
use crate::normalize::{self, Edit, ZWNJ};
use crate::offsets::ByteRange;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Arabic-script word (Persian), ZWNJ and marks included.
    Word,
    /// Digits of any script with inner separators.
    Number,
    /// Latin letters, with digits after the first letter.
    Latin,
    /// Any other single character that is not white space.
    Punct,
}

/// A word, number, Latin run or punctuation mark of the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Where the token is in the original text.
    pub range: ByteRange,
    /// Word, number, Latin or punctuation.
    pub kind: TokenKind,
    /// The token's matching key: normalized, without ZWNJ (see [`normalize::key`]).
    pub norm: String,
    /// True when a line break separates this token from the previous one.
    pub line_start: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Mark,
    /// Invisible format characters (bidi marks, ZWJ): inside a token like a
    /// mark, skipped between tokens.
    Format,
    Digit,
    Sep,
    Latin,
    Zwnj,
    Space,
    Newline,
    Other,
}

/// The class of one character.
fn classify(c: char) -> Class {
    // The rules ask Unicode whether a character is alphabetic, a binary
    // search per Arabic letter that took 40% of the tokenizer's time.
    static CLASSES: CharTable<Class> = CharTable::new(classify_by_rules);
    CLASSES.get(c)
}

fn classify_by_rules(c: char) -> Class {
    // Classify by the normalized form so every variant behaves alike.
    let mut n = c;
    for step in [normalize::unify_arabic_letters, normalize::fold_digits, normalize::unify_joiners] {
        match step(n) {
            Edit::Replace(r) => n = r,
            Edit::Remove => return Class::Format,
            _ => {}
        }
    }
    if normalize::drop_marks(n) == Edit::RemoveMark {
        return Class::Mark;
    }
    match n {
        ZWNJ => Class::Zwnj,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => Class::Newline,
        c if c.is_whitespace() => Class::Space,
        '0'..='9' => Class::Digit,
        '.' | ',' | '/' | ':' => Class::Sep,
        c if c.is_ascii_alphabetic() => Class::Latin,
        // Latin letters with diacritics (names like "Müller")
        '\u{00c0}'..='\u{024f}' if c.is_alphabetic() => Class::Latin,
        '\u{0600}'..='\u{06ff}'
        | '\u{0750}'..='\u{077f}'
        | '\u{08a0}'..='\u{08ff}'
        | '\u{fb50}'..='\u{fdff}'
        | '\u{fe70}'..='\u{fefc}'
            if c.is_alphabetic() =>
        {
            Class::Letter
        }
        _ => Class::Other,
    }
}

/// Splits a text into tokens; never fails, never panics.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut chars = Classified::new(text);
    let mut tokens = Vec::new();
    let mut line_start = false;
    while let Some((start, class)) = chars.next() {
        let kind = match class {
            Class::Space | Class::Zwnj | Class::Format => continue,
            Class::Newline => {
                line_start = true;
                continue;
            }
            Class::Letter => {
                // A ZWNJ (or invisible mark) joins only when a letter follows it.
                chars.take_while(|c, next| {
                    matches!(c, Class::Letter | Class::Mark)
                        || matches!(c, Class::Zwnj | Class::Format) && next == Some(Class::Letter)
                });
                TokenKind::Word
            }
            Class::Digit => {
                chars.take_while(|c, next| {
                    matches!(c, Class::Digit | Class::Mark) || c == Class::Sep && next == Some(Class::Digit)
                });
                TokenKind::Number
            }
            Class::Latin => {
                chars.take_while(|c, _| matches!(c, Class::Latin | Class::Digit));
                TokenKind::Latin
            }
            Class::Mark | Class::Sep | Class::Other => TokenKind::Punct,
        };
        let range = ByteRange::new(start, chars.offset());
        tokens.push(Token { range, kind, norm: normalize::key(&text[range.as_range()]), line_start });
        line_start = false;
    }
    tokens
}

/// The characters of a text with their byte offsets and classes, read with
/// two characters of look-ahead: all the tokenizer needs, without a table
/// of every character (16 bytes each, written and read again).
struct Classified<'t> {
    chars: std::str::CharIndices<'t>,
    len: usize,
    /// The next character and the one after it.
    ahead: [Option<(usize, Class)>; 2],
}

impl<'t> Classified<'t> {
    fn new(text: &'t str) -> Self {
        let mut chars = text.char_indices();
        let first = Self::read(&mut chars);
        let second = Self::read(&mut chars);
        Classified { chars, len: text.len(), ahead: [first, second] }
    }

    fn read(chars: &mut std::str::CharIndices<'t>) -> Option<(usize, Class)> {
        chars.next().map(|(b, c)| (b, classify(c)))
    }

    /// The next character's offset and class.
    fn next(&mut self) -> Option<(usize, Class)> {
        let next = self.ahead[0];
        self.ahead = [self.ahead[1], Self::read(&mut self.chars)];
        next
    }

    /// Byte offset of the next character (the text's length at the end).
    fn offset(&self) -> usize {
        self.ahead[0].map_or(self.len, |(b, _)| b)
    }

    /// Takes characters while `f(class, class of the one after)` holds.
    fn take_while(&mut self, f: impl Fn(Class, Option<Class>) -> bool) {
        while let Some((_, c)) = self.ahead[0] {
            if !f(c, self.ahead[1].map(|(_, n)| n)) {
                break;
            }
            self.next();
        }
    }
}

/// Grows a selection to the whole tokens it touches and trims white space, so
/// a mouse drag that starts or ends inside a word still labels whole words.
/// Returns `None` when the selection touches no token.
pub fn snap_to_tokens(tokens: &[Token], sel: ByteRange) -> Option<ByteRange> {
    let touched = |t: &&Token| {
        if sel.is_empty() {
            t.range.start <= sel.start && sel.start < t.range.end
        } else {
            t.range.overlaps(&sel)
        }
    };
    let first = tokens.iter().find(touched)?;
    let last = tokens.iter().rev().find(touched)?;
    Some(first.range.cover(&last.range))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.range.as_range()]).collect()
    }

    #[test]
    fn zwnj_inside_words() {
        assert_eq!(words("همکاری‌های دوجانبه"), ["همکاری‌های", "دوجانبه"]);
        // A trailing ZWNJ before a space is not part of the word.
        assert_eq!(words("می‌ \u{200c}روم"), ["می", "روم"]);
    }

    #[test]
    fn persian_punctuation() {
        assert_eq!(words("«ایمیدرو»، چین؛ چرا؟"), ["«", "ایمیدرو", "»", "،", "چین", "؛", "چرا", "؟"]);
    }

    #[test]
    fn numbers_with_separators_and_glued_units() {
        assert_eq!(
            words("۱۳۹۳/۱۱/۰۷ و 9میلیارد و 600هزارتن و ۴۵٫۵ و 1,200."),
            ["۱۳۹۳/۱۱/۰۷", "و", "9", "میلیارد", "و", "600", "هزارتن", "و", "۴۵٫۵", "و", "1,200", "."]
        );
    }

    #[test]
    fn latin_runs_and_brackets() {
        assert_eq!(words("(CHINALCO) شرکت ANC2"), ["(", "CHINALCO", ")", "شرکت", "ANC2"]);
    }

    #[test]
    fn norm_is_the_matching_key() {
        let t = tokenize("رئيس هیأت سمیعی‌نژاد");
        let norms: Vec<&str> = t.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(norms, ["رییس", "هیات", "سمیعینژاد"]);
    }

    #[test]
    fn line_breaks_are_marked() {
        let t = tokenize("الف\nب ج");
        assert_eq!(t.iter().map(|t| t.line_start).collect::<Vec<_>>(), [false, true, false]);
    }

    #[test]
    fn snapping_grows_to_whole_words() {
        let text = "با وجیه‌اله جعفری دیدار";
        let toks = tokenize(text);
        // a selection from inside the first name to inside the surname
        let start = text.find("یه").unwrap();
        let end = text.find("عفر").unwrap();
        let r = snap_to_tokens(&toks, ByteRange::new(start, end)).unwrap();
        assert_eq!(&text[r.as_range()], "وجیه‌اله جعفری");
        assert_eq!(snap_to_tokens(&toks, ByteRange::new(4, 5)), None); // the space
    }

    #[test]
    fn the_table_agrees_with_the_rules_for_every_char() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(classify(c), classify_by_rules(c), "{c:?}");
        }
    }

    proptest! {
        #[test]
        fn tokens_are_sorted_disjoint_and_on_boundaries(s in "\\PC{0,80}") {
            let toks = tokenize(&s);
            let mut prev = 0;
            for t in &toks {
                prop_assert!(t.range.start >= prev && t.range.start < t.range.end);
                prop_assert!(s.is_char_boundary(t.range.start) && s.is_char_boundary(t.range.end));
                prop_assert!(!s[t.range.as_range()].trim().is_empty());
                prev = t.range.end;
            }
        }
    }
}
