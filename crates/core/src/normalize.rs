//! Persian normalization for **matching**, with alignment to the original.
//!
//! Modelled on `NormalizedString` of Hugging Face tokenizers: a
//! [`Normalized`] keeps the original text, the normalized text and, for every
//! byte of the normalized text, the original byte range it came from. Every
//! step goes through one primitive ([`Normalized::map_chars`]), so the
//! alignment cannot drift. Offsets that leave this module are always mapped
//! back with [`Normalized::to_original`]: normalization never changes what an
//! offset means.
//!
//! ```
//! use barchasb_core::normalize;
//! let n = normalize("رئيس هیأت‌ها ۱۲");
//! assert_eq!(n.text(), "رییس هیات\u{200c}ها 12");
//! // "12" in the normalized text is "۱۲" in the original
//! let r = n.to_original(n.text().find("12").unwrap()..n.text().len()).unwrap();
//! assert_eq!(&n.original()[r.as_range()], "۱۲");
//! // a range past the normalized text has no original
//! assert_eq!(n.to_original(0..n.text().len() + 1), None);
//! ```

use crate::chartable::CharTable;
use crate::offsets::ByteRange;
use std::ops::Range;

/// Zero width non-joiner, the Persian half-space.
pub const ZWNJ: char = '\u{200c}';

/// What one step does with one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Keep the character as it is.
    Keep,
    /// Replace it by another character.
    Replace(char),
    /// Remove it; a removed combining mark stays covered by the previous
    /// character's alignment, so spans never cut a letter from its marks.
    RemoveMark,
    /// Remove it entirely (invisible format characters, separators).
    Remove,
}

/// A text seen through normalization, aligned to its original.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    original: &'a str,
    text: String,
    /// For each byte of `text`, the byte range of `original` it came from.
    align: Vec<ByteRange>,
}

impl<'a> Normalized<'a> {
    /// The identity view: normalized text equals the original.
    pub fn identity(original: &'a str) -> Self {
        Self::build(original, with_ranges(original), original.len(), |_| Edit::Keep)
    }

    /// The original text, which every offset leaving this view refers to.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The single primitive every normalization step goes through: decide
    /// per character, keep the alignment of what survives.
    pub fn map_chars(&self, f: impl FnMut(char) -> Edit) -> Normalized<'a> {
        let chars = self.text.char_indices().map(|(b, c)| (c, self.align[b]));
        Self::build(self.original, chars, self.text.len(), f)
    }

    /// [`Normalized::map_chars`] over any characters with their original
    /// ranges: [`normalize`] reads the original directly through it, without
    /// first building an identity view (a copy and an alignment it drops).
    fn build(
        original: &'a str,
        chars: impl Iterator<Item = (char, ByteRange)>,
        len: usize,
        mut f: impl FnMut(char) -> Edit,
    ) -> Normalized<'a> {
        let mut text = String::with_capacity(len);
        let mut align: Vec<ByteRange> = Vec::with_capacity(len);
        for (c, src) in chars {
            let out = match f(c) {
                Edit::Keep => c,
                Edit::Replace(r) => r,
                Edit::Remove => continue,
                Edit::RemoveMark => {
                    // Extend the previous character (all its bytes) over the mark.
                    if let Some(last) = text.chars().next_back() {
                        let n = last.len_utf8();
                        let len = align.len();
                        for a in &mut align[len - n..] {
                            a.end = a.end.max(src.end);
                        }
                    }
                    continue;
                }
            };
            text.push(out);
            align.extend(std::iter::repeat_n(src, out.len_utf8()));
        }
        Normalized { original, text, align }
    }

    /// Maps a byte range of the normalized text to the original text.
    /// An empty range maps to an empty range at the corresponding place;
    /// `None` for a range that ends past the normalized text or starts after
    /// its end.
    pub fn to_original(&self, r: Range<usize>) -> Option<ByteRange> {
        if r.start > r.end || r.end > self.text.len() {
            return None;
        }
        if r.start == r.end {
            let at = self.align.get(r.start).map_or(self.original.len(), |a| a.start);
            return Some(ByteRange::new(at, at));
        }
        Some(ByteRange::new(self.align[r.start].start, self.align[r.end - 1].end))
    }

    /// The original byte range a normalized byte came from; `None` past the
    /// normalized text.
    pub fn origin_of(&self, byte: usize) -> Option<ByteRange> {
        self.align.get(byte).copied()
    }

    /// The same view without spaces and ZWNJ, for matching names whose
    /// parts may be written apart, with a half-space, or run together
    /// (`تفاهم نامه`, `تفاهم‌نامه`, `تفاهمنامه`). Line breaks are kept.
    pub fn compact(&self) -> Normalized<'a> {
        self.map_chars(|c| if c == ' ' || c == ZWNJ { Edit::Remove } else { Edit::Keep })
    }
}

/// Normalizes a text for matching; see the module docs for what changes.
pub fn normalize(text: &str) -> Normalized<'_> {
    Normalized::build(text, with_ranges(text), text.len(), edit)
}

/// The characters of a text, each with its own byte range.
fn with_ranges(text: &str) -> impl Iterator<Item = (char, ByteRange)> + '_ {
    text.char_indices().map(|(b, c)| (c, ByteRange::new(b, b + c.len_utf8())))
}

/// The matching key of a phrase: normalized and compacted. Two spellings of
/// one name that differ only in letters variants, digits, marks, spaces or
/// ZWNJ have the same key.
///
/// The same text as `normalize(phrase).compact().text()`, built without
/// the alignments: the tokenizer asks it of every token.
pub fn key(phrase: &str) -> String {
    // Most words are their own key: copy them up to the first character
    // that changes (or, being a space or ZWNJ, goes).
    let changes = |c: char| c == ' ' || c == ZWNJ || edit(c) != Edit::Keep;
    let Some((first, _)) = phrase.char_indices().find(|&(_, c)| changes(c)) else {
        return phrase.to_string();
    };
    let mut out = String::with_capacity(phrase.len());
    out.push_str(&phrase[..first]);
    for c in phrase[first..].chars() {
        let n = match edit(c) {
            Edit::Keep => c,
            Edit::Replace(r) => r,
            Edit::Remove | Edit::RemoveMark => continue,
        };
        // what `compact` removes
        if n != ' ' && n != ZWNJ {
            out.push(n);
        }
    }
    out
}

/// What normalization does with one character: the first step that
/// changes it.
fn edit(c: char) -> Edit {
    static EDITS: CharTable<Edit> = CharTable::new(edit_by_steps);
    EDITS.get(c)
}

/// The [`STEPS`] tried in order; the first that changes `c` wins.
fn edit_by_steps(c: char) -> Edit {
    for step in STEPS {
        let e = step(c);
        if e != Edit::Keep {
            return e;
        }
    }
    Edit::Keep
}

/// The steps in order; each is a small function of one character.
const STEPS: &[fn(char) -> Edit] =
    &[unify_arabic_letters, fold_digits, drop_marks, unify_joiners, unify_spaces, fold_ascii_case];

/// Arabic letter forms to the Persian ones used in Iranian text:
/// ARABIC LETTER YEH (U+064A) and ALEF MAKSURA (U+0649) to FARSI YEH (U+06CC),
/// ARABIC LETTER KAF (U+0643) to KEHEH (U+06A9); hamza carriers to their bare
/// letters (رئیس/رییس, هیأت/هیات, مؤثر/موثر); TEH MARBUTA and HEH WITH YEH
/// ABOVE to HEH.
pub fn unify_arabic_letters(c: char) -> Edit {
    match c {
        '\u{064a}' | '\u{0649}' | '\u{0626}' => Edit::Replace('ی'),
        '\u{0643}' => Edit::Replace('ک'),
        '\u{0623}' | '\u{0625}' | '\u{0671}' => Edit::Replace('ا'),
        '\u{0624}' => Edit::Replace('و'),
        '\u{0629}' | '\u{06c0}' | '\u{06d5}' => Edit::Replace('ه'),
        _ => Edit::Keep,
    }
}

/// Extended Arabic-Indic (Persian, U+06F0–U+06F9) and Arabic-Indic
/// (U+0660–U+0669) digits to ASCII; ARABIC DECIMAL SEPARATOR (U+066B) to `.`
/// and ARABIC THOUSANDS SEPARATOR (U+066C) to `,`.
pub fn fold_digits(c: char) -> Edit {
    match c {
        '\u{06f0}'..='\u{06f9}' => Edit::Replace(char::from(b'0' + (c as u32 - 0x06f0) as u8)),
        '\u{0660}'..='\u{0669}' => Edit::Replace(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '\u{066b}' => Edit::Replace('.'),
        '\u{066c}' => Edit::Replace(','),
        _ => Edit::Keep,
    }
}

/// Harakat and other Arabic combining marks (U+064B–U+065F, superscript
/// alef U+0670, Quranic marks U+06D6–U+06ED) and TATWEEL (U+0640): all
/// decoration, never part of spelling.
pub fn drop_marks(c: char) -> Edit {
    match c {
        '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{06d6}'..='\u{06ed}' | '\u{0640}' => Edit::RemoveMark,
        _ => Edit::Keep,
    }
}

/// Half-space variants to ZWNJ (U+200C): SOFT HYPHEN (U+00AD) is used as a
/// ZWNJ by old Persian keyboards. Other invisible format characters (ZWSP,
/// ZWJ, bidi marks and embeddings, BOM) carry no spelling and are removed.
pub fn unify_joiners(c: char) -> Edit {
    match c {
        '\u{00ad}' => Edit::Replace(ZWNJ),
        '\u{200b}'
        | '\u{200d}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{061c}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}' => Edit::Remove,
        _ => Edit::Keep,
    }
}

/// Every Unicode white space to a plain space, except line breaks
/// (LF, VT, FF, NEL, LINE and PARAGRAPH SEPARATOR), which become `\n`.
pub fn unify_spaces(c: char) -> Edit {
    match c {
        '\n' => Edit::Keep,
        '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => Edit::Replace('\n'),
        ' ' => Edit::Keep,
        c if c.is_whitespace() => Edit::Replace(' '),
        _ => Edit::Keep,
    }
}

/// ASCII letters to lower case (Latin acronyms inside Persian text).
pub fn fold_ascii_case(c: char) -> Edit {
    if c.is_ascii_uppercase() {
        Edit::Replace(c.to_ascii_lowercase())
    } else {
        Edit::Keep
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn orig<'a>(n: &Normalized<'a>, needle: &str) -> &'a str {
        let s = n.text().find(needle).expect("needle in normalized text");
        let r = n.to_original(s..s + needle.len()).expect("inside the normalized text");
        &n.original()[r.as_range()]
    }

    #[test]
    fn arabic_yeh_and_kaf() {
        let n = normalize("كشور علي");
        assert_eq!(n.text(), "کشور علی");
        assert_eq!(orig(&n, "علی"), "علي");
    }

    #[test]
    fn spelling_variants_share_a_key() {
        assert_eq!(key("رئیس"), key("رییس"));
        assert_eq!(key("هیأت"), key("هیات"));
        assert_eq!(key("مؤثر"), key("موثر"));
    }

    #[test]
    fn zwnj_space_and_none_share_a_key() {
        assert_eq!(key("تفاهم‌نامه"), key("تفاهم نامه"));
        assert_eq!(key("تفاهمنامه"), key("تفاهم نامه"));
        assert_eq!(key("سمیعی‌نژاد"), "سمیعینژاد");
    }

    #[test]
    fn tatweel_and_harakat_stay_inside_spans() {
        let n = normalize("مـحمّد آمد");
        assert_eq!(n.text(), "محمد آمد");
        // The span of "محمد" covers the tatweel and the shadda of the original.
        assert_eq!(orig(&n, "محمد"), "مـحمّد");
    }

    #[test]
    fn digits_of_three_scripts() {
        let n = normalize("۱۳۹۳/۱۱/۰۷ و ١٢٣ و 45٫5");
        assert_eq!(n.text(), "1393/11/07 و 123 و 45.5");
        assert_eq!(orig(&n, "123"), "١٢٣");
        assert_eq!(orig(&n, "1393/11/07"), "۱۳۹۳/۱۱/۰۷");
    }

    #[test]
    fn emoji_and_latin_keep_alignment() {
        let n = normalize("🙂 CHINALCO");
        assert_eq!(n.text(), "🙂 chinalco");
        assert_eq!(orig(&n, "chinalco"), "CHINALCO");
        assert_eq!(orig(&n, "🙂"), "🙂");
    }

    #[test]
    fn bidi_marks_removed_without_cutting_neighbours() {
        let n = normalize("ایران\u{200f}،");
        assert_eq!(n.text(), "ایران،");
        assert_eq!(orig(&n, "ایران"), "ایران");
    }

    #[test]
    fn compact_maps_back_across_removed_spaces() {
        let n = normalize("تفاهم نامه ها").compact();
        assert_eq!(n.text(), "تفاهمنامهها");
        assert_eq!(orig(&n, "تفاهمنامه"), "تفاهم نامه");
    }

    #[test]
    fn the_table_agrees_with_the_steps_for_every_char() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(edit(c), edit_by_steps(c), "{c:?}");
        }
    }

    proptest! {
        #[test]
        fn key_is_the_compacted_normalization(s in "\\PC{0,60}") {
            prop_assert_eq!(key(&s), normalize(&s).compact().text);
        }

        #[test]
        fn persian_key_is_the_compacted_normalization(s in "[\u{0600}-\u{06ff}\u{200c}\u{00ad} \n]{0,40}") {
            prop_assert_eq!(key(&s), normalize(&s).compact().text);
        }

        #[test]
        fn alignment_is_total_monotone_and_on_boundaries(s in "\\PC{0,60}") {
            let n = normalize(&s);
            prop_assert_eq!(n.align.len(), n.text.len());
            let mut prev = 0;
            for (b, _) in n.text.char_indices() {
                let r = n.align[b];
                prop_assert!(r.start >= prev, "monotone");
                prop_assert!(r.start < r.end && r.end <= s.len());
                prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
                prev = r.start;
            }
        }

        #[test]
        fn idempotent(s in "\\PC{0,60}") {
            let once = normalize(&s).text;
            let twice = normalize(&once).text;
            prop_assert_eq!(once, twice);
        }

        #[test]
        fn persian_text_is_idempotent(s in "[\u{0600}-\u{06ff}\u{200c} ]{0,40}") {
            let once = normalize(&s).text;
            prop_assert_eq!(normalize(&once).text, once);
        }
    }
}
