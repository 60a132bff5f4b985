//! The vocabulary the name recognizers match: generated gazetteers
//! (`data/countries.txt`, `regions.txt`, `cities.txt`), Iran's provinces
//! (`data/provinces.txt`), company names (`data/companies.txt`), the commodity lexicon
//! (`data/commodities.txt`), trigger words, function words, and the word
//! frequency ranks and part-of-speech classes of `data/common_words.txt` /
//! `data/common_words.pos` (hazm's lexicon, MIT; see [`Words`]).
//!
//! Every phrase is stored under its matching key ([`key`]: normalized, no
//! spaces or ZWNJ), so `تفاهم‌نامه`, `تفاهم نامه` and `تفاهمنامه`, or `رئیس` and
//! `رییس`, are one entry. Trigger words are grammar (heads of names), never
//! names themselves.

use crate::hash::{WordMap, WordSet};
use crate::lists::{CITIES, COUNTRIES, REGIONS};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use barchasb_core::key;
use std::collections::HashMap;
use std::sync::OnceLock;

/// What a phrase is, as bit flags: one phrase may be several things
/// (`فولاد` is a commodity; `روی` a preposition and, in context, zinc).
pub mod kind {
    pub const COUNTRY: u32 = 1;
    pub const REGION: u32 = 1 << 1;
    pub const CITY: u32 = 1 << 2;
    pub const COMMODITY: u32 = 1 << 3;
    /// A commodity only next to another commodity (`سرب و روی`).
    pub const COMMODITY_AMBIGUOUS: u32 = 1 << 4;
    /// Product form that joins the following commodity (`کاتد مس`).
    pub const PRODUCT_FORM: u32 = 1 << 5;
    pub const ORG_HEAD: u32 = 1 << 6;
    pub const ROLE_HEAD: u32 = 1 << 7;
    /// A role that is only a ROLE next to a person (`نماینده`, `عضو`).
    pub const ROLE_WEAK: u32 = 1 << 8;
    pub const FAC_HEAD: u32 = 1 << 9;
    pub const EVENT_HEAD: u32 = 1 << 10;
    /// An event head that needs a distinctive name (`نشست`).
    pub const EVENT_WEAK: u32 = 1 << 11;
    pub const AGREEMENT_HEAD: u32 = 1 << 12;
    /// Titles left out of a person's span (آقای، دکتر …).
    pub const HONORIFIC: u32 = 1 << 13;
    /// Words that announce a place (`شهر`, `استان`): not part of the LOC.
    pub const PLACE_TRIGGER: u32 = 1 << 14;
    pub const GIVEN_NAME: u32 = 1 << 15;
    /// A listed company name (`فولاد مبارکه`): an ORG as it stands.
    pub const ORG_NAME: u32 = 1 << 16;
    /// One of Iran's provinces (`data/provinces.txt`), also a [`CITY`].
    pub const PROVINCE: u32 = 1 << 17;

    pub const LOC: u32 = COUNTRY | REGION | CITY;
    pub const HEAD: u32 = ORG_HEAD | ROLE_HEAD | FAC_HEAD | EVENT_HEAD | AGREEMENT_HEAD;
}

const PROVINCES: &str = include_str!("../data/provinces.txt");
const COMPANIES: &str = include_str!("../data/companies.txt");
const COMMODITIES: &str = include_str!("../data/commodities.txt");
const COMMON_WORDS: &str = include_str!("../data/common_words.txt");

/// The common-word list: a frequency rank per word key, from hazm 0.10.0
/// (MIT; `tools/gen_lexicons.py` says how the ranks are made). It holds
/// mostly lemmas: plurals and `ی` adjectives are listed only where hazm's
/// dictionary has them (the recognizers read their inflections through the
/// stem's rank).
#[derive(Debug)]
pub struct Words {
    /// Rank by key; 1 = most frequent.
    map: WordMap<u32>,
    /// Byte length of the longest key.
    longest: usize,
}

impl Words {
    fn new() -> Self {
        let mut map = WordMap::default();
        for (i, w) in data_lines(COMMON_WORDS).enumerate() {
            // Spellings that share a key (`رئیس`, `رییس`) keep the best rank.
            map.entry(key(w)).or_insert(i as u32 + 1);
        }
        let longest = map.keys().map(String::len).max().unwrap_or(0);
        Words { map, longest }
    }

    /// The list, loaded once and shared.
    pub fn shared() -> &'static Words {
        static WORDS: OnceLock<Words> = OnceLock::new();
        WORDS.get_or_init(Words::new)
    }

    /// Frequency rank of a word key (1 = most frequent; see [`key`]);
    /// `None` for a word outside the list.
    pub fn rank(&self, k: &str) -> Option<u32> {
        self.map.get(k).copied()
    }

    /// Byte length of the longest key: a longer string has no rank.
    pub fn longest(&self) -> usize {
        self.longest
    }

    /// Number of distinct keys.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the list is empty (never, with the committed data).
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// Heads of organisation names (the head is part of the ORG).
#[rustfmt::skip]
const ORG_HEADS: &[&str] = &[
    "سازمان", "وزارت", "وزارتخانه", "انجمن", "شرکت", "بانک", "دانشگاه", "دانشکده", "پژوهشگاه", "پژوهشکده",
    "مؤسسه", "صندوق", "اتاق", "خبرگزاری", "هلدینگ", "گروه", "شورای", "مجلس", "ستاد", "اداره", "اداره کل",
    "کمیته", "فدراسیون", "باشگاه", "حزب", "جبهه", "سپاه", "ارتش", "نیروی", "دادگاه", "دادستانی", "قوه",
    "بنیاد", "کانون", "سندیکا", "اتحادیه", "مجمع", "مرکز", "روزنامه", "شبکه", "شهرداری", "استانداری",
    "فرمانداری", "کنسرسیوم", "پتروشیمی", "ذوب آهن", "خانه", "بورس", "گمرک", "دبیرخانه", "سفارت", "کنسولگری",
    "پایگاه", "آژانس", "دفتر", "کنگره", "جمعیت", "فرهنگستان", "جنبش", "تیم", "قرارگاه",
    "کنفدراسیون", "پلیس",
];

/// Organisation heads that are also everyday nouns: they make an ORG only
/// with a distinctive name after them (a rare word, a place, a number).
pub const ORG_WEAK: &[&str] = &[
    "نیروی",
    "گروه",
    "مرکز",
    "خانه",
    "شبکه",
    "پایگاه",
    "کانون",
    "مجمع",
    "اداره",
    "دفتر",
    "اتاق",
    "ستاد",
    "تیم",
    "قرارگاه",
    "پلیس",
];

/// Heads of roles and titles.
#[rustfmt::skip]
const ROLE_HEADS: &[&str] = &[
    "رئیس", "رئیس کل", "رئیس هیات عامل", "رئیس هیات مدیره", "نایب رئیس", "رئیس جمهور", "رئیس‌جمهوری", "معاون",
    "معاون اول", "وزیر", "مدیرعامل", "مدیر", "مدیرکل", "سفیر", "دبیر", "دبیرکل", "سرپرست", "استاندار",
    "فرماندار", "شهردار", "نخست وزیر", "سخنگو", "سخنگوی", "فرمانده", "دادستان", "قائم مقام", "مشاور", "رهبر",
    "سرمربی", "مربی", "کاپیتان", "دستیار", "بنیانگذار", "عضو هیات مدیره", "عضو هیات عامل", "رایزن", "کنسول",
    "وزیر امور خارجه", "دبیر کل",
];

/// Roles that describe a person only when a person is named beside them.
const ROLE_WEAK: &[&str] = &["نماینده", "عضو", "کارشناس", "مشاور", "مسئول"];

#[rustfmt::skip]
const FAC_HEADS: &[&str] = &[
    "معدن", "کارخانه", "پروژه", "بندر", "پالایشگاه", "نیروگاه", "مجتمع", "فرودگاه", "ورزشگاه",
    "استادیوم", "پایانه", "اسکله", "کارخانجات", "تونل", "خط لوله",
    "میدان نفتی", "میدان گازی", "میدان نفت و گاز", "سد مخزنی",
    // places people go to, named (the guidelines: hospitals as places,
    // stadiums and venues; news-dev's NOTES 5: streets, metro lines, halls,
    // dams, satellites)
    "بیمارستان", "مصلی", "خط مترو", "ایستگاه مترو", "خیابان", "بزرگراه", "آزادراه", "تالار", "سد",
    "ماهواره", "ترمینال",
];

#[rustfmt::skip]
const EVENT_HEADS: &[&str] = &[
    "کنفرانس", "نمایشگاه", "کمیسیون", "همایش", "اجلاس", "اجلاسیه", "جشنواره", "المپیاد", "المپیک", "جام",
    "لیگ", "مسابقات", "رقابتهای", "سمپوزیوم", "نشست", "جنگ", "انتخابات", "مجمع عمومی", "بازیهای",
];

const EVENT_WEAK: &[&str] = &["نشست", "جلسه", "مجمع عمومی", "جنگ", "انتخابات"];

#[rustfmt::skip]
const AGREEMENT_HEADS: &[&str] = &[
    "برنامه", "تفاهم نامه", "قرارداد", "توافق نامه", "توافق", "قانون", "سند", "طرح", "معاهده", "پیمان",
    "منشور", "لایحه", "کنوانسیون", "موافقتنامه", "موافقت نامه",
];

#[rustfmt::skip]
const HONORIFICS: &[&str] = &[
    "آقای", "آقا", "خانم", "دکتر", "مهندس", "استاد", "حجت الاسلام", "حجت الاسلام و المسلمین", "آیت الله",
    "آیت‌الله", "سردار", "سرلشکر", "سرتیپ", "سرهنگ", "سرتیپ دوم", "تیمسار", "حاج", "حاجی", "جناب", "سرکار",
];

/// Words that announce a place after them, including the offices named
/// after one (`استاندار کرمان`).
#[rustfmt::skip]
const PLACE_TRIGGERS: &[&str] = &[
    "شهر", "استان", "شهرستان", "روستای", "روستا", "کلانشهر", "ایالت", "کشور", "جزیره", "منطقه", "پایتخت",
    "استاندار", "فرماندار", "شهردار", "بخشدار",
];

/// Product forms that join a following commodity into one span.
const PRODUCT_FORMS: &[&str] = &["کاتد", "کنسانتره", "شمش", "ورق", "پودر", "گندله", "سنگ", "لوله", "مفتول", "قراضه"];

/// Very common Persian given names, to tell `given + surname` pairs from
/// ordinary word pairs. Generic on purpose: it holds no full name, and no
/// person of the seed texts appears here as a person (rule of the project:
/// no person from the seeds in any list). Compounds (`محمدرضا`, `روح الله`)
/// are recognised by rule from these parts.
#[rustfmt::skip]
pub(crate) const GIVEN_NAMES: &[&str] = &[
    "محمد", "علی", "حسین", "حسن", "رضا", "مهدی", "احمد", "محمود", "مصطفی", "مجید", "سعید", "امیر", "جواد",
    "عباس", "ابراهیم", "اسماعیل", "یوسف", "یعقوب", "موسی", "عیسی", "داوود", "سلیمان", "هادی", "صادق", "کاظم",
    "باقر", "جعفر", "تقی", "نقی", "قاسم", "ناصر", "منصور", "حمید", "حمیدرضا", "غلامرضا", "غلامحسین",
    "عبدالله", "عبدالرضا", "اکبر", "اصغر", "بهروز", "بهرام", "بیژن", "پرویز", "فرهاد", "فریدون", "کامران",
    "کیوان", "مسعود", "مرتضی", "مجتبی", "محسن", "مهران", "نادر", "نصرالله", "هاشم", "یحیی", "ایرج", "داریوش",
    "سیاوش", "شهرام", "کوروش", "رامین", "بابک", "پیمان", "آرش", "سعید", "وحید", "سجاد", "میلاد", "امین",
    "ایمان", "روح", "اسدالله", "حبیب", "رحیم", "کریم", "عزیز", "فرشاد", "فرزاد", "جمشید", "خسرو", "منوچهر",
    "هوشنگ", "مریم", "فاطمه", "زهرا", "زینب", "معصومه", "سکینه", "طاهره", "اعظم", "منیژه", "مینا", "نسرین",
    "پروین", "شیرین", "فرزانه", "الهام", "لیلا", "سارا", "نرگس", "مهناز", "شهلا", "سیمین", "ژاله", "آزاده",
    "نازنین", "عاطفه", "سمیه", "راضیه", "مرضیه", "اشرف", "شهناز", "فریبا", "مژگان", "ندا", "هما", "سید",
    "سیده", "ابوالفضل", "ابوالقاسم", "ولی", "نعمت", "عزت", "حشمت", "شهاب", "سهراب", "رستم", "اردشیر", "بهمن",
    "جلال", "کمال", "جمال", "اکرم", "رسول", "مهرداد", "محمدعلی", "محمدحسین", "محمدرضا", "علیرضا", "محمدجواد",
    "محمدباقر", "محمدتقی", "محمدحسن", "امیرحسین", "محمدمهدی", "سیدمحمد", "دونالد", "ولادیمیر", "امانوئل",
    "آنگلا", "بوریس", "نارندرا", "جورج", "مایکل",
];

/// Given names that are also everyday words (`کمال` perfection, `روح`
/// spirit, `حسن` goodness): after them only a clearly surname-like word
/// makes a person.
#[rustfmt::skip]
pub(crate) const GIVEN_AMBIGUOUS: &[&str] = &[
    "کمال", "عزت", "روح", "حسن", "حشمت", "جمال", "اکرم", "رحیم", "کریم", "عزیز", "ایمان", "پیمان", "شیرین",
    "اشرف", "اعظم", "هما", "ندا", "ولی", "بهمن", "بهار", "نعمت",
];

/// The second part of a compound given name (`روح الله`, `نصرالله`).
pub const NAME_SECOND_PARTS: &[&str] = &["الله", "اله", "الدین", "الدوله", "السلطنه"];

/// Function words: a name never continues over them.
#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    "تاکنون", "اکنون", "هماکنون", "سپس", "دیروز", "نیز", "همچنین", "بویژه", "خصوصا", "رسما", "اصلا", "تقریبا",
    "شنبه", "یکشنبه", "دوشنبه", "سهشنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شب", "صبح", "ظهر", "بامداد", "امشب",
    "بعدازظهر", "عصر", "دیشب", "شامگاه", "صبحگاه", "ظهرگاه", "نیمروز", "پریروز", "پسفردا",
    "از", "به", "با", "در", "بر", "برای", "تا", "که", "را", "این", "آن", "یا", "هم", "نیز", "اما", "ولی",
    "اگر", "چون", "چرا", "چه", "چنین", "چنان", "همین", "همان", "هر", "همه", "هیچ", "خود", "خویش", "وی", "او",
    "ما", "من", "تو", "شما", "آنها", "ایشان", "آنان", "اینها", "ضمن", "طی", "توسط", "میان", "بین", "درباره",
    "پس", "پیش", "بعد", "قبل", "زیرا", "یعنی", "حتی", "فقط", "تنها", "بسیار", "خیلی", "بیش", "کمتر", "بیشتر",
    "دیگر", "سوی", "جمله", "علاوه", "عنوان", "مانند", "مثل", "همچون", "روی", "زیر", "کنار", "نزد", "جز",
    "بدون", "تحت", "طبق", "براساس", "برابر", "مقابل", "داخل", "خارج", "ها", "های", "هایی", "ای", "یک", "دو",
    "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده", "صد", "هزار", "میلیون", "میلیارد", "همچنین", "سپس",
    "هنوز", "باید", "نباید", "شاید", "بنابراین", "همچنان", "نیست", "هست", "است", "بود", "شد", "باشد", "گفت",
    "افزود", "اینکه", "آنکه", "وقتی", "هنگام", "حال", "اکنون", "امروز", "دیروز", "فردا", "امسال", "روز",
    "سال", "ماه", "هفته", "گذشته", "آینده", "اخیر", "جاری", "سوی", "مورد", "دنبال", "بخش", "برخی", "بعضی",
    "چند", "تمام", "کل", "سایر", "مختلف", "طرف", "طرفین", "چندین", "دیگری", "همراه", "حاشیه", "راستای",
    "خصوص", "زمینه", "درحالی", "حالی", "کجا", "کی",
    // Predicate adjectives said of the name before them (`… خواستار شد`).
    "وابسته", "آماده", "خواستار", "مدعی", "مبنی", "موظف", "مکلف", "مایل", "ناچار", "مجبور",
];

/// Finite verbs and auxiliaries; the noun right before one is usually part
/// of a compound verb (`دیدار کرد`), not of a name.
#[rustfmt::skip]
const VERBS: &[&str] = &[
    "گذشت", "آمد", "آمدند", "رفت", "رفتند", "ماند", "خورد", "برد", "افتاد", "دید", "خواست", "توانست", "پیوست",
    "انجامید", "گذاشت", "کشید", "گشت", "ندهد", "نکرد", "نکردند", "نشد", "نشده", "نکند", "نکنند", "ندارد",
    "نداشت", "نداشتند", "ندارند", "شدهام", "کردهام", "بودهاست", "شدیم", "کردیم",
    "کرد", "کردند", "کرده", "کردهاست", "کند", "کنند", "کنیم", "کردن", "نمود", "نمودند", "نماید", "داد",
    "دادند", "داده", "دهد", "دهند", "گرفت", "گرفتند", "گرفته", "گیرد", "شد", "شدند", "شده", "شود", "شوند",
    "است", "هستند", "بود", "بودند", "باشد", "باشند", "دارد", "دارند", "داشت", "داشتند", "داشته", "گفت",
    "گفته", "افزود", "خواهد", "خواهند", "زد", "رسید", "رساند", "یافت", "نمی", "می", "بوده", "گردید", "گردد",
    "نمودهاست", "ساخت", "دانست", "کردهاند", "دادهاست", "دارم", "داریم", "کنم", "شدهاست", "شدهاند", "نیست",
    "نیستند", "هست",
];

/// Verbs of saying and auxiliaries: no noun before them is part of the verb.
const NOT_LIGHT: &[&str] = &["گفت", "گو", "افزود", "افزا", "نوشت", "نویس", "خواهد", "خواهند", "تواند", "توان"];

/// Compiled lexicon: one automaton over every phrase key.
#[derive(Debug)]
pub struct Lexicon {
    pub ac: AhoCorasick,
    /// Kind flags of each automaton pattern.
    pub kinds: Vec<u32>,
    /// Byte offsets inside each pattern key where its spellings have a word
    /// break (`تفاهم|نامه`); text matched across a token break elsewhere
    /// (`و زیر…` for `وزیر`) is no match.
    pub breaks: Vec<Vec<usize>>,
    /// Byte length of the longest key any look-up here can match (automaton
    /// patterns, word list, word sets). A longer string is none of them, and
    /// a token read as two known parts is at most twice as long: the
    /// recognizers that try every split point of a token skip longer ones,
    /// so a long token costs one pass, not one look-up per character.
    pub longest: usize,
    /// Frequency ranks of common words.
    words: &'static Words,
    stop: WordSet,
    verbs: WordSet,
    name_second: WordSet,
    given: WordSet,
    given_ambiguous: WordSet,
    org_weak: WordSet,
}

/// Lines of a generated data file: comments and blanks skipped.
fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The phrase with a word-initial `ا` written `آ` (or the other way round).
fn madda_variant(phrase: &str) -> String {
    if let Some(rest) = phrase.strip_prefix('ا') {
        format!("آ{rest}")
    } else if let Some(rest) = phrase.strip_prefix('آ') {
        format!("ا{rest}")
    } else {
        phrase.to_string()
    }
}

/// Byte offsets in `key(phrase)` where the phrase has a space or ZWNJ.
fn word_breaks(phrase: &str) -> Vec<usize> {
    let n = barchasb_core::normalize(phrase);
    let mut out = Vec::new();
    let mut at = 0;
    for c in n.text().chars() {
        if c == ' ' || c == barchasb_core::normalize::ZWNJ {
            out.push(at);
        } else {
            at += c.len_utf8();
        }
    }
    out
}

fn keys(words: &[&str]) -> WordSet {
    words.iter().map(|w| key(w)).collect()
}

impl Lexicon {
    pub fn new() -> Self {
        let mut by_key: HashMap<String, (u32, Vec<usize>)> = HashMap::new();
        let mut add = |phrase: &str, k: u32| {
            let phrase = phrase.trim_end_matches('?');
            let p = key(phrase);
            // Single letters are never names; hyphens are written many ways.
            if p.chars().count() >= 2 && !p.contains('-') {
                let e = by_key.entry(p).or_default();
                e.0 |= k;
                for b in word_breaks(phrase) {
                    if !e.1.contains(&b) {
                        e.1.push(b);
                    }
                }
            }
        };
        // CLDR writes `امریکا`, `افریقا`; news mostly `آمریکا`, `آفریقا`: a
        // word-initial alef and alef madda are one spelling here.
        for l in data_lines(COUNTRIES) {
            add(l, kind::COUNTRY);
            add(&madda_variant(l), kind::COUNTRY);
        }
        for l in data_lines(REGIONS) {
            // `جهان` (the world, M.49 001) names no place to annotate.
            if key(l) != "جهان" {
                add(l, kind::REGION);
                add(&madda_variant(l), kind::REGION);
            }
        }
        // Provinces behave like cities: found bare (`خوزستان`, not only after
        // `استان`), with the caution a frequent word needs (`فارس`).
        for l in data_lines(CITIES) {
            add(l, kind::CITY);
        }
        for l in data_lines(PROVINCES) {
            add(l, kind::CITY | kind::PROVINCE);
        }
        for l in data_lines(COMPANIES) {
            add(l, kind::ORG_NAME);
        }
        for l in data_lines(COMMODITIES) {
            add(l, if l.ends_with('?') { kind::COMMODITY_AMBIGUOUS } else { kind::COMMODITY });
        }
        let lists: [(&[&str], u32); 11] = [
            (ORG_HEADS, kind::ORG_HEAD),
            (ROLE_HEADS, kind::ROLE_HEAD),
            (ROLE_WEAK, kind::ROLE_HEAD | kind::ROLE_WEAK),
            (FAC_HEADS, kind::FAC_HEAD),
            (EVENT_HEADS, kind::EVENT_HEAD),
            (EVENT_WEAK, kind::EVENT_HEAD | kind::EVENT_WEAK),
            (AGREEMENT_HEADS, kind::AGREEMENT_HEAD),
            (HONORIFICS, kind::HONORIFIC),
            (PLACE_TRIGGERS, kind::PLACE_TRIGGER),
            (PRODUCT_FORMS, kind::PRODUCT_FORM),
            (GIVEN_NAMES, kind::GIVEN_NAME),
        ];
        for (words, k) in lists {
            for w in words {
                add(w, k);
            }
        }
        let mut pats: Vec<(String, (u32, Vec<usize>))> = by_key.into_iter().collect();
        pats.sort();
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .dense_depth(8)
            .build(pats.iter().map(|p| p.0.as_str()))
            .expect("lexicon automaton builds");
        let longest_pattern = pats.iter().map(|p| p.0.len()).max().unwrap_or(0);
        let mut lx = Lexicon {
            ac,
            kinds: pats.iter().map(|p| p.1 .0).collect(),
            breaks: pats.into_iter().map(|p| p.1 .1).collect(),
            longest: 0,
            words: Words::shared(),
            stop: keys(STOP_WORDS),
            verbs: keys(VERBS),
            name_second: keys(NAME_SECOND_PARTS),
            given: keys(GIVEN_NAMES),
            given_ambiguous: keys(GIVEN_AMBIGUOUS),
            org_weak: keys(ORG_WEAK),
        };
        let sets = [&lx.stop, &lx.verbs, &lx.name_second, &lx.given, &lx.given_ambiguous, &lx.org_weak];
        let set_keys = sets.into_iter().flatten().map(String::len);
        lx.longest = set_keys.fold(longest_pattern.max(lx.words.longest()), usize::max);
        lx
    }

    /// Frequency rank of a word key ([`Words::rank`]).
    pub fn rank(&self, k: &str) -> Option<u32> {
        self.words.rank(k)
    }

    /// A frequent word (rank ≤ `limit`).
    pub fn is_common(&self, k: &str, limit: u32) -> bool {
        self.rank(k).is_some_and(|r| r <= limit)
    }

    /// A plural, adjective or possessive of a frequent word (`معاونان`,
    /// `کارشناسان`, `تخصصی`, `کشورش`): the word list holds mostly lemmas, so
    /// inflected forms are told by their stem (rank ≤ `limit`).
    pub fn is_inflected_common(&self, k: &str, limit: u32) -> bool {
        ["ان", "ها", "های", "هایی", "ات", "ی", "ش", "شان"]
            .iter()
            .any(|e| k.strip_suffix(e).is_some_and(|stem| stem.chars().count() >= 2 && self.is_common(stem, limit)))
    }

    pub fn is_stop(&self, k: &str) -> bool {
        self.stop.contains(k)
    }

    /// A finite verb: listed, or a `می`/`نمی` present/past form.
    pub fn is_verb(&self, k: &str) -> bool {
        if self.verbs.contains(k) {
            return true;
        }
        let stem = k.strip_prefix("نمی").or_else(|| k.strip_prefix("می"));
        match stem {
            Some(s) if s.chars().count() >= 2 && !k.starts_with("میلی") && !k.starts_with("میان") => {
                ["د", "ند", "م", "یم", "ید", "ی", "ست"].iter().any(|e| s.ends_with(e))
            }
            // Past and subjunctive forms without `می`: `رسیدند`, `شنیدم`, `بگویند`.
            _ => {
                let n = k.chars().count();
                (n >= 4 && ["دند", "تند", "یدم", "یدیم", "ستم", "ستیم", "هاند", "هاست"].iter().any(|e| k.ends_with(e)))
                    // (not the surnames in ‑وند: `بیرانوند`; `بروند`, `بشنوند` are shorter)
                    || (n >= 5
                        && k.starts_with('ب')
                        && (k.ends_with("ند") || k.ends_with("یم"))
                        && !(n >= 7 && k.ends_with("وند")))
            }
        }
    }

    pub fn is_org_weak(&self, k: &str) -> bool {
        self.org_weak.contains(k)
    }

    /// A verb that takes a noun before it to form a compound verb
    /// (`دیدار کرد`, `مورد بررسی قرار گرفت`); `گفت`, `افزود` take none.
    pub fn is_light_verb(&self, k: &str) -> bool {
        // `گفت`, `گفتند`, `می‌گوید`: the verb with a person ending, or after `می`.
        let person_ending = |r: &str| ["", "ند", "م", "ی", "یم", "ید", "ه"].contains(&r);
        self.is_verb(k)
            && !NOT_LIGHT.iter().any(|v| {
                k.strip_prefix(v).is_some_and(person_ending) || k.strip_prefix("می").is_some_and(|r| r.starts_with(v))
            })
    }

    /// A given name that is also an everyday word.
    pub fn is_given_ambiguous(&self, k: &str) -> bool {
        self.given_ambiguous.contains(k)
    }

    pub fn is_name_second_part(&self, k: &str) -> bool {
        self.name_second.contains(k)
    }

    /// A given name, or a compound of two (`محمدرضا`) or of one and
    /// `الله` (`روح‌الله` written as one word).
    pub fn is_given(&self, k: &str) -> bool {
        if self.given.contains(k) {
            return true;
        }
        if k.len() > 2 * self.longest {
            return false;
        }
        k.char_indices().skip(2).any(|(b, _)| {
            let (a, rest) = k.split_at(b);
            self.given.contains(a) && (self.given.contains(rest) || self.name_second.contains(rest))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_share_one_entry() {
        let lx = Lexicon::new();
        let kinds_of = |p: &str| {
            let k = key(p);
            lx.ac
                .find_overlapping_iter(&k)
                .filter(|m| m.range() == (0..k.len()))
                .map(|m| lx.kinds[m.pattern()])
                .fold(0, |a, b| a | b)
        };
        assert_ne!(kinds_of("رییس") & kind::ROLE_HEAD, 0);
        assert_ne!(kinds_of("تفاهم‌نامه") & kind::AGREEMENT_HEAD, 0);
        assert_ne!(kinds_of("تفاهمنامه") & kind::AGREEMENT_HEAD, 0);
        assert_ne!(kinds_of("سنگ آهن") & kind::COMMODITY, 0);
        assert_ne!(kinds_of("روی") & kind::COMMODITY_AMBIGUOUS, 0);
        assert_eq!(kinds_of("روی") & kind::COMMODITY, 0);
        assert_ne!(kinds_of("قزاقستان") & kind::COUNTRY, 0);
        assert_ne!(kinds_of("سیستان و بلوچستان") & kind::CITY, 0);
        assert_ne!(kinds_of("خراسان رضوی") & kind::CITY, 0);
        assert_ne!(kinds_of("گاز") & kind::COMMODITY, 0);
        assert_ne!(kinds_of("فولاد مبارکه") & kind::ORG_NAME, 0);
    }

    #[test]
    fn verbs_and_given_names() {
        let lx = Lexicon::new();
        assert!(lx.is_verb(&key("می‌کند")) && lx.is_verb("میشود") && lx.is_verb("کردند"));
        assert!(!lx.is_verb("میلیارد") && !lx.is_verb("میان") && !lx.is_verb("معدن"));
        assert!(lx.is_given("محمد") && lx.is_given("محمدحسن") && lx.is_given(&key("روح‌الله")));
        assert!(!lx.is_given("معدن"));
        assert!(lx.rank("و").is_some_and(|r| r < 5));
    }

    #[test]
    fn ranks_from_hazm() {
        let w = Words::shared();
        assert!(w.len() > 30_000);
        // Function words rank first; a content word later; a name-like
        // nonsense key not at all.
        assert!(w.rank("از").is_some_and(|r| r < 10));
        assert!(w.rank(&key("معدن")).is_some_and(|r| r > 100));
        assert_eq!(w.rank("قزاقستانستان"), None);
        // Both spellings of one key share it.
        assert_eq!(w.rank(&key("رئیس")), w.rank(&key("رییس")));
        let lx = Lexicon::new();
        assert_eq!(lx.rank("از"), w.rank("از"));
        assert!(lx.is_inflected_common(&key("معاونان"), 5000) && lx.is_inflected_common("کشورش", 5000));
        assert!(!lx.is_inflected_common("معاون", 5000) && !lx.is_inflected_common("ایمیدرو", 5000));
    }
}
