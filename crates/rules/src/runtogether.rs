//! Words run together with no space at all (a typo: `بانک مرکزینرخ`).
//!
//! The guidelines ("Boundaries") want the span to cover the name only
//! (`بانک مرکزی`), so such a token is read as two words before any
//! recognizer sees it: [`split`] replaces it by two tokens whose byte ranges
//! lie inside the original token, and every span built from them ends (or
//! starts) at the split point. Where a word was glued after a name, the
//! second part is marked as starting a new phrase ([`Token::line_start`]):
//! the missing space is where the name ends, so no name, date or amount
//! runs across it (with a space, `بانک مرکزی نرخ ارز` reads as one long
//! name). A name glued after a word (`درتهران`, `بانک ملیایران`) is read as
//! if the space were there.
//!
//! A token is split only when
//! - it is not a known word as a whole: not in the word list, not an
//!   inflection of a listed word or entry (`ایرانیان`, `چینیها`,
//!   `سخنگویان`), not a lexicon entry, not a verb or a given name;
//! - it reads as one of the pairs of [`Reading`]: a country, region or
//!   listed company then a frequent word (`ایراننرخ`), and a city,
//!   commodity, unambiguous month or head only before a function word or
//!   verb (`مسکوکه`, `آبانامسال`); a function word, or a frequent word
//!   before a country, head or company, then the entity word (`درتهران`,
//!   `نرخبانک`); a title then its name (`آقایزمانی`); inside a name begun
//!   by a head, title or given name, a frequent word of it then a function
//!   word or verb (`مللاین`), or an adjective in `-ی` then a frequent word
//!   (`مرکزینرخ`);
//! - the other part is no suffix, inflection or word-forming element
//!   (`-ها`, `-یان`, `-کاری`, `-نژاد`, `-شده`, `-مدت`) and no prefix: those
//!   make one word (`معدنکاری`, `ایران‌نژاد`, `میان‌برنامه`), never two;
//! - it has no second reading as two listed words (`دربرابر` is `در|برابر`,
//!   not `درب|رابر`; `گردوخاک` is `گرد و خاک`), unless one part is a
//!   function word glued to the other (`بهتهران`).
//!
//! Only two-word tokens are read (`ایرانوچین` stays whole). Measured
//! false splits: ARMAN's train fold (168k tokens) splits once, rightly
//! (`دانشگاه مسکو|که`); see the ignored tests `census` and `glued`.
//!
//! A head glued to the first word of its name (`وزیرصنعت`) is no typo to
//! cut: the name recognizers read it whole ([`super::names`], `Glue::Word`).

use super::lexicon::{kind, Lexicon};
use super::temporal;
use barchasb_core::normalize;
use barchasb_core::ByteRange;
use barchasb_core::{Token, TokenKind};
use std::sync::OnceLock;

/// Rank (hazm's scale, `data/common_words.txt`) up to which a word counts as
/// frequent enough to be the other half of a run-together pair (`نرخ` is
/// 4106, `افزایش` 1391).
const COMMON_RANK: u32 = 5000;

/// Two-letter function words that typos glue to a name (`ایرانرا`, `درتهران`).
const SHORT_FUNCTION: &[&str] = &["را", "از", "به", "در", "با", "که", "تا"];

/// Endings and word-forming elements that are common words in the list but
/// make one word with what comes before them: a plural or possessive, a
/// derived noun or adjective (`معدنکاری`, `طلافروش`, `کوتاه‌مدت`), a surname
/// (`ایران‌نژاد`, `تهران‌پور`), a participle (`اعلام‌شده`), `آبان‌ماه`.
#[rustfmt::skip]
const BOUND: &[&str] = &[
    "ها", "های", "هایی", "هایش", "هایشان", "ان", "ات", "یان", "گان", "ی", "یی", "ای", "اش", "ش", "شان", "تان",
    "مان", "ام", "ایم", "اید", "اند", "تر", "ترین", "ین", "یت", "یه", "وار", "واره", "وری", "کل",
    "کار", "کاری", "کاران", "دار", "داری", "داران", "ساز", "سازی", "سازان", "گر", "گری", "گاه", "گاهی", "نامه",
    "خانه", "ستان", "زار", "مند", "ناک", "فروش", "فروشی", "فروشان", "کش", "کشی", "خیز", "یاب", "یابی", "ریز",
    "رسان", "رسانی", "شناس", "شناسی", "بان", "بانی", "گذار", "گذاری", "پذیر", "پذیری", "آور", "آوری", "گیر",
    "پرداز", "نشین", "گرا", "گرایی", "طلب", "مدت", "ماه", "ماهه",
    "نژاد", "زاده", "پور", "فر", "فرد", "نیا", "دوست", "پناه", "خواه", "منش", "راد", "کیا", "وند", "لو", "مهر",
    "پارس", "زمین", "شهر", "آباد", "کده", "سرا", "بخش", "پرور", "پروری", "تبار",
    "شده", "شدگان", "کننده", "کنندگان", "کنندگی", "دهنده", "دهندگان", "یافته", "گرفته", "کرده", "شدن", "کردن",
];

/// Word-forming prefixes that are words of their own in the list:
/// glued before a name they make one word (`ضدایرانی`, `میان‌برنامه`).
#[rustfmt::skip]
const PREFIXES: &[&str] = &[
    "بی", "نا", "هم", "می", "نمی", "غیر", "ضد", "فرا", "پسا", "پیش", "پس", "شبه", "نیمه", "تک", "چند", "پر",
    "کم", "خوش", "بد", "نو", "ابر", "فوق", "زیر", "شاه", "امیر", "ملک", "حاج", "سید", "میر", "آل", "بنی", "ابو",
    "ام", "عبد", "عبدال", "ال", "دو", "سه", "چهار", "پنج", "هزار", "صد", "میان", "تازه", "نیم",
];

/// Entity words that may be glued before a common word (`ایراننرخ`).
const ENTITY_FIRST: u32 = kind::LOC | kind::COMMODITY | kind::ORG_NAME;

/// Entity words that may be glued after a common word (`درتهران`, `نرخبانک`).
const ENTITY_LAST: u32 = kind::LOC | kind::COMMODITY | kind::ORG_NAME | kind::HEAD;

/// Entity kinds reliable as written: a country, region, head or listed
/// company. A city or commodity is often also a common word (`نور`, `طلا`)
/// or part of a compound place name (`سنگ‌چارک`, `دیلی‌میل`).
const RELIABLE: u32 = kind::COUNTRY | kind::REGION | kind::HEAD | kind::ORG_NAME;

/// Function words that begin a clause after a name (`سازمان مللاین`); not
/// the time words of the stop list (`امام‌جمعه`, `بعدازظهر`).
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "این", "آن", "برای", "نیز", "اما", "ولی", "هیچ", "همه", "همچنین", "درباره", "توسط", "ضمن", "پس", "طی",
    "اینکه", "زیرا", "چون", "اگر", "بدون", "علاوه", "میان", "بین",
];

/// Words after which a name runs on: heads (`بانک`), titles and given
/// names (`آقای`, `محمد`).
const NAME_START: u32 = kind::HEAD | kind::HONORIFIC | kind::GIVEN_NAME;

/// Kind flag of a month name (the temporal lexicon's, not an automaton kind).
const MONTH: u32 = 1 << 31;

/// How a run-together token is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reading {
    /// An entity word, then a common word (`ایراننرخ`, `وزیرگفت`).
    EntityFirst,
    /// A common word, then an entity word (`درتهران`, `نرخبانک`).
    EntityLast,
    /// A title glued to a name (`آقایزمانی`).
    Title,
    /// Inside a name begun by a head: the name's word, then a common word
    /// (`بانک مرکزینرخ`).
    InName,
}

/// Where a token splits: the byte offset in its key, and how it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Split {
    pub at: usize,
    pub reading: Reading,
}

/// Splits run-together tokens in two (see the module docs). Tokens that do
/// not split are returned as they are.
pub(super) fn split(text: &str, tokens: Vec<Token>, lx: &Lexicon) -> Vec<Token> {
    let mut out: Option<Vec<Token>> = None;
    for i in 0..tokens.len() {
        // A name ends where a word was glued after it (`مرکزی|نرخ`); before
        // a name glued to a word (`در|تهران`, `نرخ|بانک`) the text reads as
        // if spaced: `بانک ملیایران` is one name.
        let found = where_to_split(&tokens, i, lx)
            .and_then(|s| parts(text, &tokens[i], s.at, s.reading != Reading::EntityLast));
        match (found, &mut out) {
            (Some((a, b)), _) => {
                let out = out.get_or_insert_with(|| tokens[..i].to_vec());
                out.push(a);
                out.push(b);
            }
            (None, Some(out)) => out.push(tokens[i].clone()),
            (None, None) => {}
        }
    }
    out.unwrap_or(tokens)
}

/// The two tokens of `t` split at byte `at` of its key, in the original frame
/// (`None` if `at` is no char boundary inside it: no split then).
/// `boundary`: the second part begins a new phrase (see the module docs).
fn parts(text: &str, t: &Token, at: usize, boundary: bool) -> Option<(Token, Token)> {
    let n = normalize(&text[t.range.as_range()]).compact();
    let (k1, k2) = n.text().split_at_checked(at)?;
    let first = n.to_original(0..at)?;
    let second = n.to_original(at..n.text().len())?;
    let a = Token {
        range: ByteRange::new(t.range.start, t.range.start + first.end),
        kind: TokenKind::Word,
        norm: k1.to_string(),
        line_start: t.line_start,
    };
    let b = Token {
        range: ByteRange::new(t.range.start + second.start, t.range.end),
        kind: TokenKind::Word,
        norm: k2.to_string(),
        line_start: boundary,
    };
    Some((a, b))
}

/// Where token `i` splits, if it is two words run together.
pub(super) fn where_to_split(toks: &[Token], i: usize, lx: &Lexicon) -> Option<Split> {
    let t = &toks[i];
    let w = t.norm.as_str();
    // The cheap tests first: most tokens are listed words, and most others
    // have no reading as two; whether the token is an inflection comes last.
    if t.kind != TokenKind::Word || w.chars().count() < 5 || lx.rank(w).is_some() {
        return None;
    }
    // Lexicon entries that are a prefix or a suffix of the token.
    let mut prefixes: Vec<(usize, u32)> = Vec::new();
    let mut suffixes: Vec<(usize, u32)> = Vec::new();
    for m in lx.ac.find_overlapping_iter(w) {
        let kinds = lx.kinds[m.pattern().as_usize()];
        match (m.start() == 0, m.end() == w.len()) {
            (true, true) => return None, // the token is an entry itself
            (true, false) => prefixes.push((m.end(), kinds)),
            (false, true) => suffixes.push((m.start(), kinds)),
            _ => {}
        }
    }
    for m in months() {
        if w.len() > m.len() && w.starts_with(m) {
            prefixes.push((m.len(), MONTH));
        }
        if w.len() > m.len() && w.ends_with(m) {
            suffixes.push((w.len() - m.len(), MONTH));
        }
    }
    // The longest entity word wins: `آذربایجان` before `آذر`.
    prefixes.sort_by_key(|p| std::cmp::Reverse(p.0));
    suffixes.sort_by_key(|s| s.0);
    let title = prefixes.iter().find(|&&(at, _)| TITLES.contains(&&w[..at]) && title_first(&w[at..], lx));
    let first = || prefixes.iter().find(|&&(at, kinds)| entity_first(&w[..at], &w[at..], kinds, lx));
    let last = || suffixes.iter().find(|&&(at, kinds)| entity_last(&w[..at], &w[at..], kinds, lx));
    let found = match (title, first(), last()) {
        (Some(&(at, _)), _, _) => Split { at, reading: Reading::Title },
        (None, Some(&(at, _)), _) => Split { at, reading: Reading::EntityFirst },
        (None, None, Some(&(at, _))) => Split { at, reading: Reading::EntityLast },
        (None, None, None) => {
            // The longest word of the name first. Both parts are listed
            // words, so a token longer than two of them has no split.
            if w.len() > 2 * longest_known(lx) || !in_name(toks, i, lx) {
                return None;
            }
            let at = w.char_indices().rev().map(|(b, _)| b).find(|&b| b > 0 && name_then_word(&w[..b], &w[b..], lx))?;
            Split { at, reading: Reading::InName }
        }
    };
    if lx.is_inflected_common(w, u32::MAX) || lx.is_verb(w) || lx.is_given(w) || inflected_known(w, lx) {
        return None;
    }
    // Another way to read the token as two words (`دربرابر`: `در|برابر`,
    // not `درب|رابر`) makes the split a guess: none. A function word glued
    // to a name is the likelier reading (`بهتهران`, not `بهت|هران`).
    let (a, z) = w.split_at(found.at);
    if is_glue(a) || is_glue(z) {
        return Some(found);
    }
    // Both parts of another reading are known (the second maybe after a
    // `و`): a token longer than that has none, and no split point is tried.
    if w.len() > 2 * longest_known(lx) + 'و'.len_utf8() {
        return Some(found);
    }
    let other = w.char_indices().skip(2).map(|(b, _)| b).filter(|&b| b != found.at).any(|b| {
        let (a, z) = w.split_at(b);
        // `گردوخاک`: `گرد و خاک` with the `و` run in too.
        let and = z.strip_prefix('و').is_some_and(|y| y.chars().count() >= 2 && known(y, lx));
        z.chars().count() >= 2 && known(a, lx) && (known(z, lx) || and)
    });
    (!other).then_some(found)
}

/// Titles that only stand before a name (not `آقا` or `حاج`, which begin
/// surnames and titles: `آقاجانی`, `حاج‌آقا`; not `استاد`, a plural stem).
const TITLES: &[&str] = &["آقای", "خانم", "دکتر", "مهندس", "جناب", "سرکار"];

/// `آقایزمانی`: a title glued to the name after it.
fn title_first(z: &str, lx: &Lexicon) -> bool {
    z.chars().count() >= 3 && !BOUND.contains(&z) && !lx.is_stop(z) && !lx.is_verb(z) && !TITLES.contains(&z)
}

/// A function word typos glue to a name (`درتهران`, `مسکوکه`, `ایرانو`).
fn is_glue(k: &str) -> bool {
    SHORT_FUNCTION.contains(&k) || k == "و"
}

/// An entity word that reads as a name as written: a country, region, head
/// or listed company, or a city that is no frequent word (`نیویورک`, not
/// `تهران` in `تهران‌جوان` or `بهار` in `بهارمست`).
fn reliable(k: &str, kinds: u32, lx: &Lexicon) -> bool {
    kinds & RELIABLE != 0 || kinds & kind::CITY != 0 && lx.rank(k).is_none_or(|r| r > COMMON_RANK)
}

/// `ایراننرخ`, `مسکوکه`, `وزیرگفت`: an entity word, then a common word.
fn entity_first(a: &str, z: &str, kinds: u32, lx: &Lexicon) -> bool {
    if kinds & (ENTITY_FIRST | kind::HEAD | MONTH) == 0 || !entity_word(a, kinds, lx) || BOUND.contains(&z) {
        return false;
    }
    // `و` only after a country, head or company (`ایرانو`): foreign city
    // and person names end in it (`تورینو`, `مارکو`).
    let short = (SHORT_FUNCTION.contains(&z) || z == "و" && kinds & RELIABLE != 0) && a.chars().count() >= 4;
    let long = z.chars().count() >= 3;
    // A head before a content word begins its name (`وزیرصنعت`, read whole
    // by the name recognizers): only a function word or a verb after it is
    // another word.
    // A city, commodity or month before a content word is often a compound
    // or a name (`بهارمست`, `تهران‌جوان`, `گردوخاک`): it too only splits
    // before a function word or a verb.
    let function = short || long && (lx.is_stop(z) || lx.is_verb(z));
    if kinds & kind::HEAD != 0 && kinds & ENTITY_FIRST == 0 || !reliable(a, kinds, lx) {
        return function;
    }
    function || long && lx.is_common(z, COMMON_RANK)
}

/// `درتهران`, `نرخبانک`: a common word, then an entity word. Before a city,
/// commodity or month only a function word (`سنگ‌چارک` is a place of its own).
fn entity_last(a: &str, z: &str, kinds: u32, lx: &Lexicon) -> bool {
    if kinds & (ENTITY_LAST | MONTH) == 0 || !entity_word(z, kinds, lx) || BOUND.contains(&z) || a == z {
        return false;
    }
    if PREFIXES.contains(&a) || lx.is_given(a) {
        return false;
    }
    let function = SHORT_FUNCTION.contains(&a)
        || a == "و" && kinds & RELIABLE != 0
        || a.chars().count() >= 3 && (lx.is_stop(a) || lx.is_verb(a));
    // Before a city only a function word: `سنگ‌چارک`, `بندقیر` are places
    // of their own.
    if kinds & RELIABLE == 0 {
        return function;
    }
    function || a.chars().count() >= 3 && lx.is_common(a, COMMON_RANK)
}

/// `مرکزی|نرخ` after `بانک`, `ملل|این` after `سازمان`: a word of the name,
/// then a function word or verb (`ملل|این`, `نوری|گفت` after a given name),
/// or a frequent adjective that ends a name (`مرکزی`, `ملی`, `اسلامی`) then
/// a frequent word that begins something else. Other words run on in
/// compounds and names (`تربیت‌معلم`, `اینترفاکس`, `یادمان‌سازه`), and an
/// adjective after them (`تربیت‌بدنی`) or a bound element (`کوتاه‌مدت`) is
/// part of the name.
fn name_then_word(a: &str, z: &str, lx: &Lexicon) -> bool {
    let (na, nz) = (a.chars().count(), z.chars().count());
    // What `z` is decides first (one split point in many passes that).
    let glue = is_glue(z);
    let function = !glue && nz >= 3 && (FUNCTION_WORDS.contains(&z) || lx.is_verb(z) && lx.rank(z).is_some());
    let word = !glue && !function && nz >= 3 && a.ends_with('ی') && !z.ends_with('ی') && lx.is_common(z, COMMON_RANK);
    if !(glue || function || word) {
        return false;
    }
    if na < 3 || lx.is_stop(a) || lx.is_verb(a) || PREFIXES.contains(&a) || BOUND.contains(&z) {
        return false;
    }
    // Only after a frequent word: unlisted names and Arabic adverbs end in
    // a function word's letters (`سنت‌آندروز`, `مکرراً`, `یونیتا`).
    let frequent = lx.is_common(a, COMMON_RANK);
    if glue {
        return frequent && na >= 4 && z != "تا";
    }
    if function {
        return frequent;
    }
    frequent && !lx.is_given(z)
}

/// An entity word that can be cut from a token: three letters or more, no
/// given name, and a city, commodity or month of four letters or more not
/// shaped like an adjective (`دیلی`, `احمدی`).
fn entity_word(k: &str, kinds: u32, lx: &Lexicon) -> bool {
    let n = k.chars().count();
    if n < 3 || lx.is_given(k) {
        return false;
    }
    kinds & RELIABLE != 0 || n >= 4 && !k.ends_with('ی')
}

/// The month names that are no other word, of three letters or more
/// (`آبان`, not `مهر` or `دی`).
fn months() -> &'static [&'static str] {
    static MONTHS: OnceLock<Vec<&'static str>> = OnceLock::new();
    MONTHS.get_or_init(|| temporal::month_words().filter(|k| k.chars().count() >= 3).collect())
}

/// Byte length of the longest word [`known`] or [`name_then_word`] can
/// accept: a part of a token longer than this is neither.
fn longest_known(lx: &Lexicon) -> usize {
    SHORT_FUNCTION.iter().chain(FUNCTION_WORDS).map(|w| w.len()).fold(lx.longest, usize::max)
}

/// A word of the list, a short function word or a lexicon entry.
fn known(k: &str, lx: &Lexicon) -> bool {
    lx.rank(k).is_some() || SHORT_FUNCTION.contains(&k) || is_entry(k, lx)
}

fn is_entry(k: &str, lx: &Lexicon) -> bool {
    lx.ac.find_overlapping_iter(k).any(|m| m.range() == (0..k.len()))
}

/// An inflection of a known word or entry: `سخنگویان` (`سخنگو`),
/// `نمایندگان` (`نماینده`), `قزاقستانی`, `ایرانیها`.
fn inflected_known(w: &str, lx: &Lexicon) -> bool {
    #[rustfmt::skip]
    const ENDINGS: &[&str] = &[
        "ها", "های", "هایی", "هایش", "ان", "یان", "ات", "ی", "یی", "ای", "ش", "اش", "شان", "تر", "ترین", "یها", "یهای",
    ];
    if w.strip_suffix("گان").is_some_and(|stem| known(&format!("{stem}ه"), lx)) {
        return true;
    }
    ENDINGS.iter().any(|e| w.strip_suffix(e).is_some_and(|stem| stem.chars().count() >= 2 && known(stem, lx)))
}

/// Whether token `i` continues a name that a head word began on its line
/// (`بانک مرکزینرخ`, `سازمان توسعه تجارتامروز`): up to three words back,
/// with no function word, verb or punctuation between.
fn in_name(toks: &[Token], i: usize, lx: &Lexicon) -> bool {
    let mut k = i;
    while k > 0 && i - k < 3 && !toks[k].line_start {
        k -= 1;
        let t = &toks[k];
        if t.kind != TokenKind::Word || lx.is_stop(&t.norm) || lx.is_verb(&t.norm) {
            return false;
        }
        let is_head = lx
            .ac
            .find_overlapping_iter(&t.norm)
            .any(|m| m.range() == (0..t.norm.len()) && lx.kinds[m.pattern().as_usize()] & NAME_START != 0);
        if is_head {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests;
