//! ORG, EVENT, FAC and AGREEMENT after their heads (`سازمان`, `کنفرانس`,
//! `معدن`, `برنامه` …), listed companies, the agency of `به گزارش ایسنا`,
//! and an acronym in brackets after an ORG.

use super::places::DIRECTIONS;
use super::scan::{Cand, Doc, Glue, Hit, Mode};
use super::words::{company_at, is_ordinal, is_ordinal_adjective, is_year};
use super::Names;
use crate::lexicon::kind;
use barchasb_core::labels::{EVENT, ORG};
use barchasb_core::TokenKind;

/// Frequency rank above which one noun after a strong event head is a name.
const EVENT_NOUN_RANK: u32 = 6500;

/// Words after `معدن مس` that say where or when, not which (`معدن مس شرق
/// کشور`): less frequent in hazm's list than the 2000 a site name must pass.
const NOT_SITE_NAMES: &[&str] = &["شرق", "غرب", "شمال", "جنوب", "امسال", "پارسال"];

/// Words after `شرکت` that make it `participation`, not a company.
const PARTICIPATION: &[&str] = &["جمعی", "گسترده", "فعال", "پرشور", "مستقیم", "کنندگان", "کننده", "داشتند", "دارند"];

/// Adjectives that describe an organisation right after its head word
/// (`هلدینگ بزرگ …`, `شرکت معتبر …`): what follows is a description.
const DESCRIPTIVE: &[&str] = &[
    "بزرگ",
    "کوچک",
    "مهم",
    "معتبر",
    "معروف",
    "مشهور",
    "برتر",
    "پیشرو",
    "بزرگترین",
    "قدیمی",
    "بزرگ‌ترین",
    "فعال",
    "دولتی",
    "خصوصی",
    "خارجی",
    "داخلی",
    "مختلف",
    "متعدد",
    "مذکور",
    "یادشده",
    "فوق",
    "مربوط",
    "مربوطه",
];

/// Words before a head that make it generic (`این سازمان`, `دو کشور`).
const DETERMINERS: &[&str] =
    &["این", "آن", "همین", "همان", "هر", "چند", "برخی", "بعضی", "یک", "دو", "سه", "چندین", "همه", "تمام", "سایر"];

/// Number words that come before `و` in a compound ordinal.
const TENS: &[&str] = &["بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود", "صد", "یکصد", "دویست", "سیصد"];

impl Names {
    /// `فولاد مبارکه`, `شرکت فولاد مبارکه`: a listed company name, with the
    /// ORG head written right before it.
    pub(super) fn company(&self, d: &Doc, i: usize) -> Option<Cand> {
        let head = d.has(i, kind::ORG_HEAD) && !d.breaks(i + 1);
        let at = if head && d.exact(i + 1, kind::ORG_NAME).is_some() { i + 1 } else { i };
        let h = company_at(d, at)?;
        Some(Cand { start: i, end: h.last + 1, label: ORG, weak: false })
    }

    /// A head with its name after it (ORG, EVENT, FAC, AGREEMENT).
    pub(super) fn headed(&self, d: &Doc, i: usize, h: Hit, mode: Mode, label: &'static str) -> Option<Cand> {
        if h.glue == Glue::Plural || self.generic_before(d, i) || self.plural_after(d, h) {
            return None;
        }
        let head_key: String = (i..=h.last).map(|t| d.key(t)).collect();
        // Run-together typos are read for titles and organisations only;
        // `قانونگریزی` is a word of its own.
        if h.glue == Glue::Word && !matches!(mode, Mode::Org) {
            return None;
        }
        if mode == Mode::Event && GENERIC_EVENT_HEADS.contains(&head_key.as_str()) && named_competition_inside(d, h) {
            return None;
        }
        let mut first = h.last + 1;
        // `کنفرانس و نمایشگاه …`: two heads of one kind share a name.
        if mode == Mode::Event && d.key(first) == "و" {
            if let Some(h2) = d.exact(first + 1, kind::EVENT_HEAD) {
                first = h2.last + 1;
            }
        }
        // `مجلس شورای اسلامی`: a head right after a head is one name.
        if mode == Mode::Org && h.glue == Glue::No {
            if let Some(h2) = d.exact(first, kind::ORG_HEAD) {
                if !self.plural_after(d, h2) {
                    first = h2.last + 1;
                }
            }
        }
        if mode == Mode::Event {
            // `نشست خبری`: a press conference is no named event.
            if d.key(first) == "خبری" {
                return None;
            }
            if let Some(c) = competition(d, i, &head_key, first) {
                return Some(c);
            }
        }
        let end =
            if h.glue == Glue::Word { self.tail(d, h.last + 1, mode, true) } else { self.tail(d, first, mode, false) };
        let name = if h.glue == Glue::Word { h.last..end } else { first..end };
        if name.is_empty() {
            return None;
        }
        let distinct = self.distinctive(d, name.clone(), mode);
        // `با شرکت جمعی از …`, `به شرکت گسترده در …`: `شرکت` as taking part.
        if head_key == "شرکت" && PARTICIPATION.contains(&d.key(name.start)) {
            return None;
        }
        if mode == Mode::Org {
            // `شرکت چندملیتی ANC`: a describing adjective, then the name alone.
            if name.len() >= 2 && d.is_adjective(name.start) && d.is_rare(name.start + 1) {
                let mut e = name.start + 2;
                while e < end && d.is_rare(e) {
                    e += 1;
                }
                return Some(Cand { start: name.start + 1, end: e, label, weak: false });
            }
            // `هلدینگ بزرگ فلزات غیرآهنی چین`: a head described, not named.
            if DESCRIPTIVE.contains(&d.key(name.start)) {
                return None;
            }
            // `شرکت ایرانی`, `شرکت های ایرانی`: a class, not a name.
            if name.len() == 1 && self.lx.is_nationality(d.key(name.start)) {
                return None;
            }
            // `تیم ملی`: the national team is named by the adjective alone.
            let national = head_key == "تیم" && d.key(name.start) == "ملی";
            if self.lx.is_org_weak(&head_key) && !distinct && name.len() < 2 && !national {
                return None;
            }
        }
        let needs_distinct = match mode {
            Mode::Fac | Mode::Agreement => true,
            // `همایش سراسری`: one describing word is no event name.
            Mode::Event => h.kinds & kind::EVENT_WEAK != 0 || name.len() < 2,
            _ => false,
        };
        // `اجلاس اوپک`: after a strong event head one less frequent noun (no
        // adjective, no plural) is a name; `همایش سراسری` is a description.
        let one_noun = mode == Mode::Event
            && h.kinds & kind::EVENT_WEAK == 0
            && name.len() == 1
            && d.is_word(name.start)
            && self.lx.rank(d.key(name.start)).is_some_and(|r| r > EVENT_NOUN_RANK)
            && !["ی", "شده", "روزه", "ساله", "ماهه"].iter().any(|e| d.key(name.start).ends_with(e))
            && !self.lx.is_plural_noun(d.key(name.start))
            && !d.commodity[name.start];
        if needs_distinct && !distinct && !one_noun {
            return None;
        }
        // `هشتمین جشنواره …`, `دهمین دوره مسابقات …`: the edition is part of the event.
        let mut start = i;
        if mode == Mode::Event && label == EVENT {
            let free = |k: usize| !d.taken[k] && !d.temporal[k] && !d.breaks(k + 1);
            if start > 0 && d.key(start - 1) == "دوره" && free(start - 1) {
                start -= 1;
            }
            if start > 0 && is_ordinal_adjective(d.key(start - 1)) && free(start - 1) {
                start -= 1;
                // `بیست و هفتمین`
                if start >= 2 && d.key(start - 1) == "و" && TENS.contains(&d.key(start - 2)) && free(start - 2) {
                    start -= 2;
                }
            } else {
                start = i;
            }
        }
        Some(Cand { start, end, label, weak: false })
    }

    /// `به گزارش ایسنا`: the one less common word after `به گزارش` is the
    /// news agency reporting (not `خبرنگار`, `روابط عمومی` or a head).
    pub(super) fn news_source(&self, d: &Doc, i: usize) -> Option<Cand> {
        if i < 2 || d.breaks(i) || d.breaks(i - 1) {
            return None;
        }
        // `تهران ـ ایرنا:`: the agency in a dateline, after the place and a dash.
        let dateline = (i == 2 || d.breaks(i - 2))
            && matches!(d.key(i - 1), "" | "-" | "–" | "—")
            && matches!(d.key(i + 1), ":" | "،");
        // `به گزارش خبرنگار اقتصادی ایرنا،`: the reporter's desk, then the agency
        // and a comma.
        let reporter = matches!(d.key(i + 1), "،" | "," | ":")
            && (1..=3).any(|back| {
                i >= back + 2
                    && d.key(i - back) == "خبرنگار"
                    && d.key(i - back - 1) == "گزارش"
                    && d.key(i - back - 2) == "به"
                    && (i - back + 1..=i).all(|k| d.is_word(k) && !d.breaks(k) && !self.lx.is_stop(d.key(k)))
            });
        let reporting = d.key(i - 2) == "به" && d.key(i - 1) == "گزارش";
        // `به نقل از مهر،`, `به گزارش فارس،`: one word closed by a comma is the
        // agency even when it is also a city, a given name or a frequent word.
        // (`افکارنیوزبه نقل از`: `به` run onto the word before it.)
        let quoting = i >= 3 && d.key(i - 3).ends_with("به") && d.key(i - 2) == "نقل" && d.key(i - 1) == "از";
        let closed = (reporting || quoting) && matches!(d.key(i + 1), "،" | "," | "؛");
        if !dateline && !reporter && !reporting && !closed {
            return None;
        }
        let key = d.key(i);
        let limit = if closed { 300 } else { 3600 };
        let rare_enough = d.kind(i) == Some(TokenKind::Latin) || self.lx.rank(key).is_none_or(|r| r > limit);
        let place = if closed { kind::COUNTRY | kind::REGION } else { kind::LOC };
        let plain = !self.lx.is_stop(key)
            && !self.lx.is_verb(key)
            && d.any(i, kind::HEAD | kind::HONORIFIC | place | kind::PLACE_TRIGGER).is_none()
            && !d.is_adjective(i)
            && (closed || !self.lx.is_given(key))
            && !self.lx.two_common_words(key);
        // The agency is one word: `به گزارش ایسنا از …`, `به گزارش ایرنا،`.
        let alone =
            d.breaks(i + 1) || !d.is_word(i + 1) || self.lx.is_stop(d.key(i + 1)) || self.lx.is_verb(d.key(i + 1));
        (rare_enough && plain && alone).then_some(Cand { start: i, end: i + 1, label: ORG, weak: false })
    }

    /// A determiner or number before a head makes it a generic mention.
    fn generic_before(&self, d: &Doc, i: usize) -> bool {
        // `مورخ ۱۴۰۳/۰۶/۱۵ سازمان …`, `سال ۱۴۰۲ شرکت …`: a date ends before the name.
        let date_before = i > 0 && {
            let k = d.key(i - 1);
            k.contains('/') || (is_year(k) && i >= 2 && d.temporal[i - 2] && d.temporal[i - 1])
        };
        i > 0
            && !d.breaks(i)
            && !date_before
            && (DETERMINERS.contains(&d.key(i - 1)) || d.kind(i - 1) == Some(TokenKind::Number))
    }

    /// `شرکت های …`: a plural ending written apart.
    pub(super) fn plural_after(&self, d: &Doc, h: Hit) -> bool {
        h.glue == Glue::No && matches!(d.key(h.last + 1), "ها" | "های" | "هایی" | "هایش")
    }

    /// Something in a name that only a real name has: a rare word, a
    /// number, Latin letters, or (not for facilities) a place.
    fn distinctive(&self, d: &Doc, name: std::ops::Range<usize>, mode: Mode) -> bool {
        // `معدن مس سرچشمه`: a commodity and then a less common word naming the
        // site (outside hazm's 2000 most frequent words: it ranks سرچشمه 2786).
        if mode == Mode::Fac && name.len() >= 2 {
            let last = name.end - 1;
            let named = d.is_word(last)
                && !d.commodity[last]
                && self.lx.rank(d.key(last)).is_none_or(|r| r > 2000)
                && !NOT_SITE_NAMES.contains(&d.key(last))
                && !d.has(last, kind::PLACE_TRIGGER)
                && !d.is_adjective(last);
            if named && (name.start..last).any(|k| d.commodity[k]) {
                return true;
            }
            // `میدان گازی پارس جنوبی`, `آزادگان شمالی`: a part of a named whole.
            if DIRECTIONS.contains(&d.key(last)) && d.is_word(last - 1) && !d.commodity[last - 1] {
                return true;
            }
        }
        // `بیمارستان امام رضا`, `ورزشگاه شهید شیرودی`: named after a person, by a title.
        let named_after = |k: usize| self.lx.is_given(d.key(k)) || self.lx.rank(d.key(k)).is_none_or(|r| r > 1500);
        if name.len() >= 2
            && matches!(d.key(name.start), "امام" | "شهید" | "حضرت")
            && d.is_word(name.start + 1)
            && named_after(name.start + 1)
        {
            return true;
        }
        let first = name.start;
        let last_end = name.end;
        name.into_iter().any(|k| match d.kind(k) {
            Some(TokenKind::Number | TokenKind::Latin) => true,
            // `برنامه هفتم توسعه`, `جنگ جهانی دوم`: an ordinal picks out one of a series.
            Some(TokenKind::Word) if mode != Mode::Fac && is_ordinal(d.key(k)) => true,
            Some(TokenKind::Word) => {
                d.is_rare(k)
                    || match d.exact(k, kind::LOC) {
                        // `نیروگاه خورشیدی طبس`: a city names the site, first or last.
                        Some(h) if mode == Mode::Fac => {
                            h.kinds & (kind::COUNTRY | kind::REGION) == 0 && (k == first || h.last + 1 == last_end)
                        }
                        Some(_) => true,
                        None => false,
                    }
            }
            _ => false,
        })
    }

    /// `(ایمیدرو)` right after an ORG: the acronym is an ORG of its own.
    pub(super) fn acronym_in_brackets(&self, d: &Doc, i: usize, before: &[Cand]) -> Option<Cand> {
        if !matches!(d.key(i), "(" | "[") || !matches!(d.key(i + 2), ")" | "]") {
            return None;
        }
        let a = i + 1;
        if !matches!(d.kind(a), Some(TokenKind::Word | TokenKind::Latin)) || d.temporal[a] {
            return None;
        }
        let after_org = before.last().is_some_and(|c| c.label == ORG && c.end == i);
        let latin_acronym = d.kind(a) == Some(TokenKind::Latin)
            && d.toks[a].norm.len() >= 2
            && (i.saturating_sub(8)..i).any(|k| d.has(k, kind::ORG_HEAD));
        (after_org && d.is_rare(a) || latin_acronym).then_some(Cand { start: a, end: a + 1, label: ORG, weak: false })
    }
}

/// A competition named by its head and one describing word, as the
/// guidelines' `لیگ برتر`, `جام جهانی 2022`: `جام حذفی`, `بازی‌های
/// آسیایی`, or the games of another event head (`بازی‌های المپیک`); a year
/// or number right after belongs to it. The rest of the sentence does not
/// (`جام جهانی سخن گفت`).
fn competition(d: &Doc, i: usize, head_key: &str, first: usize) -> Option<Cand> {
    if !COMPETITION_HEADS.contains(&head_key) || d.breaks(first) {
        return None;
    }
    let named = d.is_adjective(first) || d.key(first) == "برتر" || d.has(first, kind::EVENT_HEAD) && d.is_word(first);
    if !named {
        return None;
    }
    let year = !d.breaks(first + 1) && d.kind(first + 1) == Some(TokenKind::Number) && is_year(d.key(first + 1));
    Some(Cand { start: i, end: first + 1 + usize::from(year), label: EVENT, weak: false })
}

/// `جامجهانی ۲۰۱۴`: a competition head run together with the adjective
/// that names it (no listed word as a whole), and the year after.
pub(super) fn run_together_competition(d: &Doc, i: usize) -> Option<Cand> {
    let key = d.key(i);
    let rest = ["جام", "لیگ"].iter().find_map(|h| key.strip_prefix(h))?;
    let adjective = rest.chars().count() >= 3
        && rest.strip_suffix('ی').is_some_and(|stem| d.lx.is_common(stem, 20000) || d.lx.is_common(rest, 20000));
    if !d.is_word(i) || !adjective || d.lx.rank(key).is_some() {
        return None;
    }
    let year = !d.breaks(i + 1) && d.kind(i + 1) == Some(TokenKind::Number) && is_year(d.key(i + 1));
    Some(Cand { start: i, end: i + 1 + usize::from(year), label: EVENT, weak: false })
}

/// Plural heads that describe games in general (`مسابقات`, `رقابت‌های`,
/// `بازی‌های`), keyed.
const GENERIC_EVENT_HEADS: &[&str] = &["مسابقات", "رقابتهای", "بازیهای"];

/// `مسابقات مرحله پایانی مقدماتی جام جهانی`, `بازی‌های فوتبال جام‌جهانی`:
/// a competition head a few common words after a generic one is the name;
/// the words between describe a stage (the guidelines leave them out).
fn named_competition_inside(d: &Doc, h: Hit) -> bool {
    let first = h.last + 1;
    for k in first + 1..(first + 5).min(d.len()) {
        if d.breaks(k) || !d.is_word(k) {
            return false;
        }
        let competition = d.exact(k, kind::EVENT_HEAD).is_some_and(|inner| {
            let key: String = (k..=inner.last).map(|t| d.key(t)).collect();
            COMPETITION_HEADS.contains(&key.as_str()) && !GENERIC_EVENT_HEADS.contains(&key.as_str())
        });
        if competition || run_together_competition(d, k).is_some() {
            return true;
        }
        if d.is_rare(k) || d.exact(k, kind::LOC).is_some() || d.temporal[k] {
            return false;
        }
    }
    false
}

/// Heads of competitions (`جام`, `لیگ`, `بازی‌های`), keyed.
const COMPETITION_HEADS: &[&str] = &["جام", "لیگ", "بازیهای"];
