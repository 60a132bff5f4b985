//! Word tests that the name scan and the person finder share: of a key
//! alone, against the lexicon ([`Lexicon::is_nationality`] …), and of a
//! token in its text ([`Doc::is_rare`], [`Doc::city_is_sure`] …).

use super::scan::{Doc, Hit};
use crate::lexicon::{kind, Lexicon};
use barchasb_core::TokenKind;

// Rank thresholds are on hazm's scale (`data/common_words.txt`). They were
// first set on wordfreq's ranks and moved to where hazm ranks the words
// wordfreq had there (median): 60 -> 250, 300 -> 900, 2000 -> 3600,
// 3000 -> 4600, 5000 -> 6500. The person thresholds (150, 1500) are kept:
// moved, they lost surnames (`رئیسی`, `موالی زاده`).
/// Cities more frequent than this rank as a word need evidence.
pub(super) const CITY_RANK: u32 = 6500;

/// A plural or adjective of a word this frequent is no name (`Lexicon::is_inflected_common`).
pub(super) const INFLECTED_RANK: u32 = 6500;

/// Surname endings (‑زاده ‑نژاد ‑پور ‑فر ‑یان ‑نیا ‑وند ‑لو ‑راد ‑کیا).
pub(super) const SURNAME_ENDINGS: &[&str] = &["زاده", "نژاد", "پور", "فر", "یان", "نیا", "وند", "لو", "راد", "کیا"];

/// A word with a surname ending after at least three letters.
pub(super) fn has_surname_ending(key: &str) -> bool {
    SURNAME_ENDINGS.iter().any(|e| key.len() > e.len() + 2 && key.ends_with(e))
}

/// Auxiliaries between the noun of a compound verb and its verb.
pub(super) const AUXILIARIES: &[&str] = &["خواهد", "خواهند", "نخواهد", "نخواهند", "می", "نمی", "خواهیم"];

/// Forms of `to be`: unlike light verbs they take whole names before them.
pub(super) const COPULAS: &[&str] = &["است", "بود", "هست", "باشد", "نیست", "بوده", "هستند", "بودند", "باشند"];

impl Lexicon {
    /// `ایرانی`, `چینی`: a country name with the adjective ending.
    pub(super) fn is_nationality(&self, key: &str) -> bool {
        let Some(stem) = key.strip_suffix('ی') else { return false };
        let stem = stem.strip_suffix('ی').unwrap_or(stem);
        self.is_place_key(stem, kind::COUNTRY | kind::REGION)
    }

    /// Whether a whole key is a place of the given kinds.
    pub(super) fn is_place_key(&self, key: &str, mask: u32) -> bool {
        self.ac
            .find_overlapping_iter(key)
            .any(|m| m.range() == (0..key.len()) && self.kinds[m.pattern().as_usize()] & mask != 0)
    }

    /// `معاونان`, `مدیران`, `شرکتها`: a frequent noun with a plural ending.
    pub(super) fn is_plural_noun(&self, key: &str) -> bool {
        ["ان", "ها", "های", "ات"].iter().any(|e| key.strip_suffix(e).is_some_and(|stem| self.is_common(stem, 20000)))
    }

    /// A frequent noun with a possessive ending (`کشورش`, `مردمشان`,
    /// `کشورمان`): the word list has no such forms, their stem tells them
    /// (a longer stem before مان/تان: `سلمان` is a name).
    pub(super) fn is_possessive(&self, key: &str) -> bool {
        let common = |s: &str, min: usize| s.chars().count() >= min && self.is_common(s, INFLECTED_RANK);
        ["ش", "شان"].iter().any(|e| key.strip_suffix(e).is_some_and(|s| common(s, 2)))
            || ["مان", "تان"].iter().any(|e| key.strip_suffix(e).is_some_and(|s| common(s, 3)))
    }

    /// A word of the word list or a given name: no inflected form of another.
    pub(super) fn is_listed(&self, key: &str) -> bool {
        self.rank(key).is_some() || self.is_given(key)
    }

    /// `بهنقل`, `بهمنظور`: the preposition `به` run together with a
    /// frequent word, which ends a name as `به` does.
    pub(super) fn is_run_together_preposition(&self, key: &str) -> bool {
        !self.is_listed(key)
            && key.strip_prefix("به").is_some_and(|rest| rest.chars().count() >= 3 && self.is_common(rest, 20000))
    }

    /// A token that is two frequent words run together (`درعینحال`,
    /// `هیاترییسه`, `کاتولیکهای`): a typo or compound, not an acronym.
    pub(super) fn two_common_words(&self, key: &str) -> bool {
        // Short words split by chance (`ای|سنا`), so only longer tokens; a
        // token longer than two listed words is tried at no split point.
        key.len() <= 2 * self.longest
            && key.chars().count() >= 6
            && key.char_indices().skip(2).any(|(b, _)| {
                let (a, z) = key.split_at(b);
                z.chars().count() >= 3 && self.is_common(a, 10000) && (self.is_common(z, 10000) || self.is_stop(z))
            })
    }
}

impl Doc<'_> {
    /// A word outside the common vocabulary (names, acronyms, foreign words).
    /// Any listed word is known: past ~19000 ranks hazm's frequencies are
    /// near zero and erratic (`خرید`, `کشاورزی`, `مدیره` sit there), so a
    /// rank cut-off there would call everyday words names.
    pub(super) fn is_rare(&self, k: usize) -> bool {
        match self.kind(k) {
            Some(TokenKind::Latin) => true,
            Some(TokenKind::Word) => {
                let key = self.key(k);
                // Participles (`اعلامشده`) are rare as written but no names.
                let participle =
                    ["شده", "کننده", "یافته", "گرفته"].iter().any(|e| key.len() > e.len() + 2 && key.ends_with(e));
                !self.commodity[k]
                    && self.lx.rank(key).is_none()
                    && !self.lx.is_inflected_common(key, INFLECTED_RANK)
                    && key.chars().count() >= 2
                    && !participle
            }
            _ => false,
        }
    }

    pub(super) fn is_adjective(&self, k: usize) -> bool {
        let key = self.key(k);
        let Some(stem) = key.strip_suffix('ی') else { return false };
        // `معدنی`, or a compound adjective ending in a common word (`چندملیتی`):
        // only endings no longer than a listed word are looked up.
        let listed = |b: usize| stem.len() - b <= self.lx.longest;
        let known = self.lx.is_common(key, 20000)
            || stem
                .char_indices()
                .any(|(b, _)| listed(b) && stem[b..].chars().count() >= 3 && self.lx.is_common(&stem[b..], 20000));
        self.is_word(k) && known && self.exact(k, kind::LOC).is_none()
    }

    /// A city name that is no frequent word, no adjective-like word and no
    /// person's given name. Frequent ones (`تهران`, but also `طول`, `نور`)
    /// need evidence from context ([`Names::city_has_evidence`]).
    pub(super) fn city_is_sure(&self, i: usize, h: Hit) -> bool {
        let k: String = (i..=h.last).map(|t| self.key(t)).collect();
        let plain = k.chars().count() >= 3 && !self.lx.is_given(&k) && h.kinds & kind::HEAD == 0;
        plain
            && match self.lx.rank(&k) {
                None => true,
                Some(r) => {
                    r > CITY_RANK
                        && !k.ends_with('ی')
                        && !["ها", "های", "تر", "ای"].iter().any(|s| self.lx.rank(&format!("{k}{s}")).is_some())
                        && !self.looks_like_a_word(i, h)
                }
            }
    }

    /// A place name that is also an everyday word by its form (`مالی` is
    /// Mali and `financial`): a frequent stem with an adjective or plural
    /// ending. Such names need the evidence a common city name needs.
    pub(super) fn looks_like_a_word(&self, i: usize, h: Hit) -> bool {
        let k: String = (i..=h.last).map(|t| self.key(t)).collect();
        let r = self.lx.rank(&k).unwrap_or(u32::MAX);
        // The stem must be the more frequent word: `ایران` is no plural of `ایر`.
        let commoner = |stem: &str| self.lx.rank(stem).is_some_and(|rs| rs <= 6500 && rs < r);
        k.strip_suffix('ی').is_some_and(commoner)
            || ["ان", "ها", "ات"].iter().any(|e| k.strip_suffix(e).is_some_and(commoner))
    }

    /// A noun that forms a compound verb with what follows (`دیدار کرد`,
    /// `دیدار و گفتگو کرد`): it ends a name before it.
    pub(super) fn is_predicate_noun(&self, k: usize) -> bool {
        // A copula after a name (`… اسلامی است`) does not make it a predicate.
        let light = |t: usize| !self.breaks(t) && self.lx.is_light_verb(self.key(t)) && !COPULAS.contains(&self.key(t));
        // `برگزار خواهد شد`, `اعلام می شود`: an auxiliary between noun and verb.
        let verb = |t: usize| {
            if AUXILIARIES.contains(&self.key(t)) && !self.breaks(t) {
                light(t + 1)
            } else {
                light(t)
            }
        };
        // Names may stand before `شد` (`رئیس ایمیدرو شد`): only Latin is exempt.
        if self.kind(k) == Some(TokenKind::Latin) {
            return false;
        }
        verb(k + 1) || (self.key(k + 1) == "و" && self.is_word(k + 2) && verb(k + 3))
    }
}

/// A listed company name starting at token `k`. One spelt like a head
/// (`پترو شیمی`, the head `پتروشیمی`) is no name.
pub(super) fn company_at(d: &Doc, k: usize) -> Option<Hit> {
    d.exact(k, kind::ORG_NAME).filter(|h| h.kinds & kind::HEAD == 0)
}

/// The number words an ordinal in `‑مین` is made of (`سومین`: `سو`).
#[rustfmt::skip]
const ORDINAL_STEMS: &[&str] = &[
    "یک", "دو", "سو", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده", "یازده", "دوازده", "سیزده", "چهارده",
    "پانزده", "شانزده", "هفده", "هجده", "هیجده", "نوزده", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد",
    "هشتاد", "نود", "صد", "یکصد", "دویست", "سیصد", "هزار",
];

/// `هشتمین`, `چهلویکمین`, `۱۲مین`: a number and `‑مین` (not `تامین`, `زمین`).
fn is_min_ordinal(key: &str) -> bool {
    key.strip_suffix("مین").is_some_and(|stem| {
        (!stem.is_empty() && stem.chars().all(|c| c.is_numeric())) || ORDINAL_STEMS.iter().any(|n| stem.ends_with(n))
    })
}

/// An ordinal that stands before its noun (`هشتمین جشنواره`); `دوم` follows it.
pub(super) fn is_ordinal_adjective(key: &str) -> bool {
    is_min_ordinal(key) || key == "نخستین" || key == "اولین"
}

/// `بزرگترین`, `مهمترین`: a superlative, which stands before its noun.
pub(super) fn is_superlative(lx: &Lexicon, key: &str) -> bool {
    key.strip_suffix("ترین").is_some_and(|stem| stem.chars().count() >= 2 && lx.rank(stem).is_some())
}

/// Adverbs of frequency (`روزانه`): they say how often, after a name.
pub(super) const TIME_ADVERBS: &[&str] = &["روزانه", "ماهانه", "سالانه", "هفتگی", "شبانه", "هرساله"];

/// An ordinal adjective (`نخستین`, `هشتمین`, `۱۲مین`).
pub(super) fn is_ordinal(key: &str) -> bool {
    is_min_ordinal(key)
        || ["نخستین", "اولین", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم", "دهم"].contains(&key)
        || key.ends_with("دهم") && key.chars().count() >= 5
}

/// A year in any of the three calendars (1300–1499 Solar/lunar Hijri,
/// 1900–2099 Gregorian).
pub(super) fn is_year(key: &str) -> bool {
    key.len() == 4 && key.parse::<u32>().is_ok_and(|y| (1300..1500).contains(&y) || (1900..2100).contains(&y))
}
