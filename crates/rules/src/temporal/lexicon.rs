//! The words the temporal recognizers look up, keyed by [`key`]: month and
//! weekday names, currencies, units, number words, function words.
//!
//! Month, currency and unit names come from the generated CLDR data in
//! `crates/rules/data` (`months.tsv`, `calendars.tsv`, `units.tsv`); the
//! spelling variants that CLDR does not list are written here, each with
//! its reason.

use crate::hash::{prefixes, WordMap, WordSet};
use barchasb_core::key;
use std::sync::OnceLock;

const MONTHS_TSV: &str = include_str!("../../data/months.tsv");
const CALENDARS_TSV: &str = include_str!("../../data/calendars.tsv");
const UNITS_TSV: &str = include_str!("../../data/units.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    Solar,
    Gregorian,
    Lunar,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    pub calendar: Calendar,
    pub number: u32,
    /// The name is also an ordinary word or a person's name (مهر 'seal',
    /// دی, تیر 'arrow', می the verb prefix, صفر 'zero', رمضان): it is a
    /// month only next to a number or with ماه.
    pub ambiguous: bool,
}

/// Spellings in common use that CLDR does not list (it has one form per
/// month): informal Gregorian names from English, lunar names written with
/// their Arabic article in full.
const MONTH_VARIANTS: &[(Calendar, u32, &str)] = &[
    (Calendar::Gregorian, 5, "می"),
    (Calendar::Gregorian, 4, "آپریل"),
    (Calendar::Gregorian, 6, "جون"),
    (Calendar::Gregorian, 7, "جولای"),
    (Calendar::Gregorian, 8, "آگوست"),
    (Calendar::Gregorian, 8, "اگوست"),
    (Calendar::Lunar, 3, "ربیع‌الاوّل"),
    (Calendar::Lunar, 4, "ربیع‌الآخر"),
    (Calendar::Lunar, 5, "جمادی‌الاولی"),
    (Calendar::Lunar, 6, "جمادی‌الآخر"),
    (Calendar::Lunar, 6, "جمادی‌الثانیه"),
    (Calendar::Lunar, 11, "ذی‌القعده"),
    (Calendar::Lunar, 11, "ذوالقعده"),
    (Calendar::Lunar, 12, "ذی‌الحجه"),
    (Calendar::Lunar, 12, "ذوالحجه"),
];

/// Month names that are also common words or first names, by key.
const AMBIGUOUS_MONTHS: &str = "تیر مهر آذر دی بهمن شهریور مه می جون صفر محرم رجب شعبان \
        رمضان";

/// Currency words not in CLDR's display names: تومان (ten rials, not an ISO
/// currency) and the short head words used in news (دلار for دلار آمریکا).
/// CLDR spells the Chinese currency یوآن; یوان is as common.
const CURRENCY_VARIANTS: &str = "تومان یوان لیر روپیه";

/// Head words of CLDR currency names that are ordinary words too: سوم
/// 'third', تنگه 'strait', بات, سامانی, درام 'drama'. Only their full name
/// (سوم ازبکستان) counts.
const CURRENCY_HEADS_SKIPPED: &str = "سوم تنگه بات سامانی درام افغانی";

/// Counters and units that CLDR's unit list lacks but news texts count with.
/// (Not بار, مورد, نوع: «یک بار» is 'once', «یک نوع» 'a kind of'.)
const COUNTERS: &str = "نفر عدد دستگاه فقره قلم راس رأس قطعه جلد کیلو هکتار مگاوات";

/// Words that never are a counted noun: prepositions, conjunctions,
/// pronouns, determiners, auxiliaries and very common verbs and adverbs.
/// Any other word after a number in digits is taken as its counted noun.
const FUNCTION_WORDS: &str = "و در به از که را با تا برای بر یا اما ولی نیز هم این آن \
        اینها آنها است بود شد شده شود شوند کرد کرده کند کنند کردند \
        دارد داشت دارند داشته هست نیست باشد بوده باید خواهد می نمی \
        ها های ای ی ام امین مین م اُم همه هر چه نه پس فقط تنها حتی \
        بیش بیشتر کمتر قبل بعد پیش پس بین میان توسط زیر روی طی حدود \
        حدودا تقریبا نزدیک بالغ معادل برابر حداقل حداکثر کل مجموع \
        رسید رسیده رسیدند افزایش کاهش یافت یافته اعلام گفت خود او وی \
        ما شما من تو ایشان چون اگر زیرا چرا همچنین سپس اکنون هنوز \
        الی الا جز مانند مثل چند دیگر صبح ظهر عصر شب بامداد بعدازظهر \
        امروز دیروز فردا امسال پارسال میلادی شمسی قمری خورشیدی هجری \
        مقابل علیه نسبت درباره";

/// Adjectives made from a number and a time word (`25 ساله`, `۳ روزه`):
/// they describe, they do not count.
/// Likewise `۱۲ نفره` (a 12-member delegation), `۳ جانبه`, `۵ گانه`.
const NUMBER_ADJECTIVES: &str = "ساله ماهه روزه هفته‌ای ساعته دقیقه‌ای ساله‌ای ماهه‌ای نفره \
        جانبه گانه مرحله‌ای";

/// Number words by key, and their values. A scale (هزار…) multiplies.
#[rustfmt::skip]
const NUMBER_WORDS: &[(&str, u64)] = &[
    ("یک", 1), ("دو", 2), ("سه", 3), ("چهار", 4), ("پنج", 5), ("شش", 6), ("شیش", 6), ("هفت", 7),
    ("هشت", 8), ("نه", 9), ("ده", 10), ("یازده", 11), ("دوازده", 12), ("سیزده", 13), ("چهارده", 14),
    ("پانزده", 15), ("پونزده", 15), ("شانزده", 16), ("هفده", 17), ("هیفده", 17), ("هجده", 18),
    ("هیجده", 18), ("نوزده", 19), ("بیست", 20), ("سی", 30), ("چهل", 40), ("پنجاه", 50), ("شصت", 60),
    ("هفتاد", 70), ("هشتاد", 80), ("نود", 90), ("صد", 100), ("یکصد", 100), ("دویست", 200), ("سیصد", 300),
    ("چهارصد", 400), ("پانصد", 500), ("ششصد", 600), ("هفتصد", 700), ("هشتصد", 800), ("نهصد", 900),
    ("نیم", 0),
];
#[rustfmt::skip]
pub const SCALES: &[(&str, u64)] = &[
    ("هزار", 1_000), ("میلیون", 1_000_000), ("میلیارد", 1_000_000_000), ("بیلیون", 1_000_000_000),
    ("تریلیون", 1_000_000_000_000),
];

/// Era words that may follow a year: `۱۴۰۲ شمسی`, `2016 میلادی`.
pub const ERAS: &[&str] = &["میلادی", "شمسی", "خورشیدی", "قمری", "هجری"];

/// The values of a word as a number word (`بیست`) and as a scale (`هزار`).
#[derive(Debug, Default, Clone, Copy)]
pub struct Numeric {
    pub number: Option<u64>,
    pub scale: Option<u64>,
}

/// What a single word can be.
#[derive(Debug, Default)]
pub struct Lexicon {
    months: WordMap<Month>,
    /// Every start (prefix) of a month key, with or without ماه glued:
    /// two words that do not start like one are never joined to look up.
    month_starts: WordSet,
    /// Weekday keys, including the two-word spellings' compact keys (`سهشنبه`).
    weekdays: WordMap<u32>,
    /// Every start of a weekday key.
    weekday_starts: WordSet,
    /// Currency names by compact key (multi-word names compacted).
    currencies: WordMap<&'static str>,
    /// ISO 4217 codes of the currencies, lower case (token keys fold ASCII case).
    codes: WordMap<()>,
    /// Unit names by compact key; the value is the CLDR unit id or "counter".
    units: WordMap<&'static str>,
    /// Number words and scale words in one map: a number phrase asks both
    /// of most tokens, and one look-up answers them.
    numeric: WordMap<Numeric>,
    function: WordMap<()>,
    adjectives: WordMap<()>,
    /// One-word country names: a number before one is part of a name
    /// (`جام جهانی ۲۰۲۲ قطر`), never a count of it.
    countries: WordMap<()>,
    /// Given names that are no everyday word (the names module's list): a
    /// person after a number (`انتخابات ۱۴۰۳ مسعود پزشکیان`) is never counted.
    given: WordMap<()>,
    /// Byte length of the longest key in `given`: a compound of two given
    /// names is at most twice as long.
    longest_given: usize,
    /// The longest name, in tokens, of currencies and units.
    pub max_words: usize,
}

fn rows(tsv: &'static str) -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).filter_map(|l| {
        let mut f = l.split('\t');
        Some((f.next()?, f.next()?, f.next()?))
    })
}

impl Lexicon {
    /// The shared instance, built on first use.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let mut lx = Lexicon::default();
        let mut add_month = |cal: Calendar, n: u32, name: &str| {
            let k = key(name);
            let ambiguous = AMBIGUOUS_MONTHS.split_whitespace().any(|a| key(a) == k);
            lx.months.insert(k, Month { calendar: cal, number: n, ambiguous });
        };
        for (cal, n, name) in rows(MONTHS_TSV).chain(rows(CALENDARS_TSV)) {
            let Ok(n) = n.parse::<u32>() else { continue };
            let calendar = match cal {
                "gregorian" => Calendar::Gregorian,
                "persian" => Calendar::Solar,
                "islamic" => Calendar::Lunar,
                _ => continue,
            };
            add_month(calendar, n, name);
        }
        for &(cal, n, name) in MONTH_VARIANTS {
            add_month(cal, n, name);
        }
        for (cal, n, name) in rows(MONTHS_TSV) {
            if let ("weekday", Ok(n)) = (cal, n.parse::<u32>()) {
                lx.weekdays.insert(key(name), n);
            }
        }
        let mut max_words = 1;
        for (kind, code, name) in rows(UNITS_TSV) {
            max_words = max_words.max(name.split(' ').count());
            let k = key(name);
            match kind {
                "currency" => {
                    lx.currencies.insert(k, code);
                    lx.codes.insert(code.to_ascii_lowercase(), ());
                    // The head word alone: دلار for دلار آمریکا.
                    if let Some(head) = name.split(' ').next().filter(|h| h.chars().count() > 1) {
                        let hk = key(head);
                        if !CURRENCY_HEADS_SKIPPED.split_whitespace().any(|s| key(s) == hk) {
                            lx.currencies.entry(hk).or_insert(code);
                        }
                    }
                }
                "unit" => {
                    lx.units.insert(k, code);
                }
                _ => {}
            }
        }
        lx.max_words = max_words;
        for v in CURRENCY_VARIANTS.split_whitespace() {
            lx.currencies.entry(key(v)).or_insert("variant");
        }
        for c in COUNTERS.split_whitespace() {
            lx.units.entry(key(c)).or_insert("counter");
        }
        for &(w, v) in NUMBER_WORDS {
            lx.numeric.entry(key(w)).or_default().number = Some(v);
        }
        for &(w, v) in SCALES {
            lx.numeric.entry(key(w)).or_default().scale = Some(v);
        }
        lx.function = FUNCTION_WORDS.split_whitespace().map(|w| (key(w), ())).collect();
        lx.adjectives = NUMBER_ADJECTIVES.split_whitespace().map(|w| (key(w), ())).collect();
        lx.countries = crate::lists::COUNTRIES
            .lines()
            .filter(|l| !l.starts_with('#'))
            // One-word names only: the first words of the others are heads
            // (جزایر, جمهوری) that are counted nouns too.
            .filter(|l| !l.is_empty() && !l.contains(' '))
            .map(|w| (key(w), ()))
            .collect();
        let ambiguous: Vec<String> = crate::lexicon::GIVEN_AMBIGUOUS.iter().map(|w| key(w)).collect();
        lx.given = crate::lexicon::GIVEN_NAMES
            .iter()
            .map(|w| key(w))
            .filter(|k| !ambiguous.contains(k))
            .map(|k| (k, ()))
            .collect();
        lx.longest_given = lx.given.keys().map(String::len).max().unwrap_or(0);
        lx.month_starts = prefixes(lx.months.keys().flat_map(|k| [k.clone(), format!("{k}ماه")]));
        lx.weekday_starts = prefixes(lx.weekdays.keys().cloned());
        lx
    }

    /// Whether some month key (with or without ماه glued) starts with `k`.
    pub fn may_start_month(&self, k: &str) -> bool {
        self.month_starts.contains(k)
    }

    /// Whether some weekday key starts with `k`.
    pub fn may_start_weekday(&self, k: &str) -> bool {
        self.weekday_starts.contains(k)
    }

    pub fn month(&self, k: &str) -> Option<Month> {
        self.months.get(k).copied()
    }
    /// Every month key with its month.
    pub fn months(&self) -> impl Iterator<Item = (&str, Month)> {
        self.months.iter().map(|(k, m)| (k.as_str(), *m))
    }
    /// ISO weekday number (1 = Monday) of a weekday key.
    pub fn weekday(&self, k: &str) -> Option<u32> {
        self.weekdays.get(k).copied()
    }
    pub fn is_currency(&self, k: &str) -> bool {
        self.currencies.contains_key(k)
    }
    pub fn is_currency_code(&self, k: &str) -> bool {
        self.codes.contains_key(k)
    }
    pub fn unit(&self, k: &str) -> Option<&'static str> {
        self.units.get(k).copied()
    }
    pub fn number_word(&self, k: &str) -> Option<u64> {
        self.numeric(k).number
    }
    pub fn scale(&self, k: &str) -> Option<u64> {
        self.numeric(k).scale
    }
    /// What a word is as a number: a number word, a scale, both or neither.
    pub fn numeric(&self, k: &str) -> Numeric {
        self.numeric.get(k).copied().unwrap_or_default()
    }
    pub fn is_function_word(&self, k: &str) -> bool {
        self.function.contains_key(k)
    }
    pub fn is_number_adjective(&self, k: &str) -> bool {
        self.adjectives.contains_key(k)
    }
    pub fn starts_country(&self, k: &str) -> bool {
        self.countries.contains_key(k)
    }
    /// An unambiguous given name, or a compound of two (`محمدرضا`).
    /// A key too long for two names is tried at no split point, so a long
    /// token costs one pass, not one look-up per character.
    pub fn is_given_name(&self, k: &str) -> bool {
        self.given.contains_key(k)
            || k.len() <= 2 * self.longest_given
                && k.char_indices()
                    .skip(2)
                    .any(|(b, _)| self.given.contains_key(&k[..b]) && self.given.contains_key(&k[b..]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_of_three_calendars_and_variants() {
        let lx = Lexicon::get();
        let m = |s: &str| lx.month(&key(s)).map(|m| (m.calendar, m.number, m.ambiguous));
        assert_eq!(m("آبان"), Some((Calendar::Solar, 8, false)));
        assert_eq!(m("اسفند"), Some((Calendar::Solar, 12, false)));
        assert_eq!(m("مهر"), Some((Calendar::Solar, 7, true)));
        assert_eq!(m("اکتبر"), Some((Calendar::Gregorian, 10, false)));
        assert_eq!(m("اكتبر"), Some((Calendar::Gregorian, 10, false))); // Arabic kaf
        assert_eq!(m("جولای"), Some((Calendar::Gregorian, 7, false)));
        assert_eq!(m("ژوئیهٔ"), Some((Calendar::Gregorian, 7, false)));
        assert_eq!(m("ربیع الاول"), Some((Calendar::Lunar, 3, false)));
        assert_eq!(m("ذی‌الحجه"), Some((Calendar::Lunar, 12, false)));
        assert_eq!(m("ذیحجه"), Some((Calendar::Lunar, 12, false)));
        assert_eq!(m("رمضان"), Some((Calendar::Lunar, 9, true)));
        assert_eq!(m("ایران"), None);
    }

    #[test]
    fn weekdays_currencies_units() {
        let lx = Lexicon::get();
        assert_eq!(lx.weekday(&key("سه شنبه")), Some(2));
        assert_eq!(lx.weekday(&key("پنجشنبه")), Some(4));
        for c in [
            "دلار",
            "دلار آمریکا",
            "ریال",
            "تومان",
            "یورو",
            "یوان",
            "یوآن",
            "روبل",
            "پوند",
            "درهم",
            "لیر",
            "ین",
            "روپیه",
            "وون",
            "$",
            "€",
        ] {
            assert!(lx.is_currency(&key(c)), "{c}");
        }
        assert!(!lx.is_currency(&key("سوم")));
        for u in ["کیلومتر", "تن", "درصد", "سال", "ماه", "متر مکعب", "نفر", "بشکه"] {
            assert!(lx.unit(&key(u)).is_some(), "{u}");
        }
        assert!(lx.unit(&key("سنگ")).is_none());
    }
}
