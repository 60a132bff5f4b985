//! Number phrases: digits of any script (the tokens' `norm` already folds
//! them), number words and scale words joined by و:
//! `۲.۵ میلیون`, `بیست و پنج`, `دو میلیون و پانصد هزار`, `600 هزار`.

use super::lexicon::{Lexicon, Numeric};
use barchasb_core::{Token, TokenKind};

/// What a number phrase at the start of a token slice looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phrase {
    /// Tokens covered.
    pub len: usize,
    /// It has a number in digits.
    pub digits: bool,
    /// Number words (not scales) in it.
    pub words: usize,
    /// It has a scale word (هزار, میلیون …).
    pub scaled: bool,
}

impl Phrase {
    /// A bare small number word (`یک`, `دو`) counts only units: `دو کشور` is
    /// a generic group, `یک نکته` an indefinite article.
    pub fn is_small_word(&self) -> bool {
        !self.digits && !self.scaled && self.words < 2
    }
}

/// A number token that reads as one amount: digits with thousands
/// separators or one decimal point (`1,200`, `45.5`, `۲/۵`), not a date
/// (`1393/11/07`) or a clock time (`10:30`).
pub fn is_amount(t: &Token) -> bool {
    t.kind == TokenKind::Number && !t.norm.contains(':') && t.norm.matches('/').count() < 2
}

/// The number phrase at `t[0]`, if any.
pub fn phrase(lx: &Lexicon, t: &[Token]) -> Option<Phrase> {
    #[derive(PartialEq, Clone, Copy)]
    enum Last {
        Digits,
        Word,
        Scale,
    }
    let first = t.first()?;
    let mut p = Phrase { len: 1, digits: false, words: 0, scaled: false };
    let word = if first.kind == TokenKind::Word { lx.numeric(&first.norm) } else { Numeric::default() };
    let mut last = if is_amount(first) {
        p.digits = true;
        Last::Digits
    } else if word.number.is_some() {
        p.words = 1;
        Last::Word
    } else if word.scale.is_some() {
        p.scaled = true;
        Last::Scale
    } else if first.norm == "چند" && t.get(1).is_some_and(|n| n.kind == TokenKind::Word && lx.scale(&n.norm).is_some())
    {
        // «چند میلیون دلار»: vague, but an amount; «چند نفر» is not.
        p.words = 1;
        Last::Word
    } else {
        return None;
    };
    // A decimal whose digits a right-to-left editor turned round, with a
    // space after the point: `۴/ ۷۴` (74.4 as written in the source).
    if last == Last::Digits && reversed_decimal(t) {
        p.len = 3;
    }
    while let Some(next) = t.get(p.len) {
        if next.kind == TokenKind::Word && lx.scale(&next.norm).is_some() {
            p.scaled = true;
            last = Last::Scale;
            p.len += 1;
            continue;
        }
        if next.norm != "و" {
            break;
        }
        // و joins number words (بیست و پنج) and, after a scale, the next
        // amount (دو میلیون و ۵۰۰ هزار); never two bare numbers (بندهای ۵ و ۶).
        let Some(after) = t.get(p.len + 1) else { break };
        if after.kind == TokenKind::Word && lx.number_word(&after.norm).is_some() && last != Last::Digits {
            p.words += 1;
            last = Last::Word;
        } else if is_amount(after) && last == Last::Scale {
            p.digits = true;
            last = Last::Digits;
        } else {
            break;
        }
        p.len += 2;
    }
    Some(p)
}

/// `۴/ ۷۴`: digits, `/` right after them, a space, digits (and no second
/// `/`, which would make it a date).
fn reversed_decimal(t: &[Token]) -> bool {
    let [a, slash, b, ..] = t else { return false };
    slash.norm == "/"
        && a.range.end == slash.range.start
        && slash.range.end < b.range.start
        && b.kind == TokenKind::Number
        && !b.norm.contains('/')
        && t.get(3).is_none_or(|n| n.norm != "/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use barchasb_core::tokenize;

    fn len(text: &str) -> Option<(usize, bool, usize, bool)> {
        let t = tokenize(text);
        phrase(Lexicon::get(), &t).map(|p| (p.len, p.digits, p.words, p.scaled))
    }

    #[test]
    fn phrases() {
        assert_eq!(len("۲.۵ میلیون تن"), Some((2, true, 0, true)));
        assert_eq!(len("بیست و پنج شرکت"), Some((3, false, 2, false)));
        assert_eq!(len("دو میلیون و ۵۰۰ هزار نفر"), Some((5, true, 1, true)));
        assert_eq!(len("یك نكته"), Some((1, false, 1, false)));
        assert_eq!(len("هزار نفر"), Some((1, false, 0, true)));
        assert_eq!(len("١٢٠٠ میلیارد"), Some((2, true, 0, true)));
        assert_eq!(len("۵ و ۶"), Some((1, true, 0, false)));
        assert_eq!(len("چند میلیون دلار"), Some((2, false, 1, true)));
        assert_eq!(len("چند نفر"), None);
        assert_eq!(len("1,200 و"), Some((1, true, 0, false)));
        assert_eq!(len("۱۳۹۳/۱۱/۰۷"), None);
        assert_eq!(len("10:30"), None);
        assert_eq!(len("ایران"), None);
        assert_eq!(len("۴/ ۷۴ میلیون لیتر"), Some((4, true, 0, true)));
        assert_eq!(len("۴ / ۷۴"), Some((1, true, 0, false)), "not a decimal with spaces on both sides");
        assert_eq!(len("1402/ 5/ 29"), Some((1, true, 0, false)), "a date");
    }
}
