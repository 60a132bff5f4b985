//! LOC, ORG, COMMODITY, ROLE, PER, FAC, EVENT and AGREEMENT from gazetteers,
//! trigger words and context.
//!
//! One Aho-Corasick pass over the compact view of the tokens (their keys run
//! together, so `تفاهم نامه`, `تفاهم‌نامه` and `تفاهمنامه` match alike) finds
//! every lexicon phrase that starts on a token. A left-to-right scan then
//! turns heads into names: a head (`سازمان`, `کنفرانس`, `رئیس` …) takes the
//! name after it up to the first function word, verb, punctuation or (for
//! roles) the first nameable ORG/LOC ([`Names::tail`]). Persons come last,
//! from context ([`super::person`]).

use super::lexicon::{kind, Lexicon};
use super::person;
use super::Context;
use barchasb_core::labels::{AGREEMENT, COMMODITY, EVENT, FAC, LOC, ORG, ROLE};
use barchasb_core::Entity;
use barchasb_core::{Token, TokenKind};

/// Compiled gazetteers and trigger lists.
#[derive(Debug)]
pub struct Names {
    pub(super) lx: Lexicon,
}

impl Default for Names {
    fn default() -> Self {
        Self::new()
    }
}

/// What is glued after a lexicon match inside its last token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Glue {
    /// The match ends with the token.
    No,
    /// A plural ending (`شرکتهای`): a generic group, never a name.
    Plural,
    /// An ezafe `ی` after a vowel (`سخنگوی`): the span covers the token.
    Ezafe,
    /// Another word run together with it (`وزیرصنعت`): the token is the
    /// head plus the first word of its name.
    Word,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    /// Index of the last token the match touches.
    pub last: usize,
    pub kinds: u32,
    pub glue: Glue,
}

/// A candidate over tokens `start..end` (exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Cand {
    pub start: usize,
    pub end: usize,
    pub label: &'static str,
    /// A role that counts only next to a person.
    pub weak: bool,
}

/// One text as the name recognizers see it.
pub(super) struct Doc<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    /// Lexicon hits by start token.
    pub hits: Vec<Vec<Hit>>,
    /// Tokens covered by earlier recognizers (dates, quantities, money).
    pub temporal: Vec<bool>,
    /// Tokens that are commodities in their context.
    pub commodity: Vec<bool>,
    /// Tokens already inside a candidate.
    pub taken: Vec<bool>,
    /// Tokens inside a person candidate.
    pub person: Vec<bool>,
}

impl Doc<'_> {
    pub fn len(&self) -> usize {
        self.toks.len()
    }
    pub fn key(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.norm.as_str())
    }
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }
    /// The longest hit at `i` of any of `mask`, ending exactly on a token.
    pub fn exact(&self, i: usize, mask: u32) -> Option<Hit> {
        self.hits.get(i)?.iter().filter(|h| h.kinds & mask != 0 && h.glue == Glue::No).max_by_key(|h| h.last).copied()
    }
    /// The longest hit at `i` of any of `mask`, glued endings allowed.
    pub fn any(&self, i: usize, mask: u32) -> Option<Hit> {
        self.hits.get(i)?.iter().filter(|h| h.kinds & mask != 0).max_by_key(|h| (h.last, h.glue == Glue::No)).copied()
    }
    pub fn has(&self, i: usize, mask: u32) -> bool {
        self.exact(i, mask).is_some()
    }
    /// A line break before token `i` ends every name.
    pub fn breaks(&self, i: usize) -> bool {
        self.toks.get(i).is_none_or(|t| t.line_start)
    }
}

/// Offices named after the place they govern (`استاندار خوزستان`): the
/// role is the office word alone, the place after it a LOC.
// Rank thresholds are on hazm's scale (`data/common_words.txt`). They were
// first set on wordfreq's ranks and moved to where hazm ranks the words
// wordfreq had there (median): 60 -> 250, 300 -> 900, 2000 -> 3600,
// 3000 -> 4600, 5000 -> 6500. The person thresholds (150, 1500) are kept:
// moved, they lost surnames (`رئیسی`, `موالی زاده`).
/// Frequency rank above which one noun after a strong event head is a name.
const EVENT_NOUN_RANK: u32 = 6500;

const PLACE_OFFICES: &[&str] = &["استاندار", "فرماندار", "شهردار", "بخشدار"];

/// Administrative divisions whose name follows them.
const DIVISIONS: &[&str] = &["استان", "شهرستان", "ایالت", "دهستان", "روستای", "استانهای"];

/// Direction adjectives that are part of a place name (`آذربایجان شرقی`).
/// Words after `معدن مس` that say where or when, not which (`معدن مس شرق
/// کشور`): less frequent in hazm's list than the 2000 a site name must pass.
const NOT_SITE_NAMES: &[&str] = &["شرق", "غرب", "شمال", "جنوب", "امسال", "پارسال"];

const DIRECTIONS: &[&str] = &["شرقی", "غربی", "شمالی", "جنوبی", "رضوی", "مرکزی"];

/// Words before a metal that make it no commodity (`مدال طلا`, `راه آهن`).
const NOT_GOODS_BEFORE: &[&str] = &["مدال", "مدالهای", "مدالها", "راه", "عصر", "قلب", "دل", "مرد"];

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

/// Auxiliaries between the noun of a compound verb and its verb.
const AUXILIARIES: &[&str] = &["خواهد", "خواهند", "نخواهد", "نخواهند", "می", "نمی", "خواهیم"];

/// Forms of `to be`: unlike light verbs they take whole names before them.
const COPULAS: &[&str] = &["است", "بود", "هست", "باشد", "نیست", "بوده", "هستند", "بودند", "باشند"];

/// Cities more frequent than this rank as a word need evidence.
const CITY_RANK: u32 = 6500;

/// Words before a head that make it generic (`این سازمان`, `دو کشور`).
const DETERMINERS: &[&str] =
    &["این", "آن", "همین", "همان", "هر", "چند", "برخی", "بعضی", "یک", "دو", "سه", "چندین", "همه", "تمام", "سایر"];

/// Words that qualify a role head without naming anything (`معاون اول`).
const ROLE_MODIFIERS: &[&str] = &["اول", "کل", "ارشد", "سابق", "وقت", "پیشین", "جدید", "فعلی", "دوم", "کنونی"];

/// Roles complete in themselves: no portfolio follows them.
const ROLE_COMPLETE: &[&str] = &["رییسجمهور", "رییسجمهوری", "نخستوزیر", "جمهور", "جمهوری"];

/// Heads before a place name that turn `جمهوری اسلامی ایران` into one LOC.
const STATE_FORMS: &[&str] = &["جمهوری", "پادشاهی", "امارات", "جماهیر", "ایالات"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Org,
    Event,
    Fac,
    Agreement,
    Role,
}

impl Names {
    pub fn new() -> Self {
        Names { lx: Lexicon::new() }
    }

    /// Adds name candidates; earlier candidates in `out` (dates, amounts)
    /// are respected: names do not run into them.
    pub fn find(&self, cx: &Context, out: &mut Vec<Entity>) {
        let toks = cx.tokens;
        if toks.is_empty() {
            return;
        }
        let mut d = self.doc(cx.text, toks, out);
        let mut cands = self.scan(&mut d);
        person::find(self, &mut d, &mut cands);
        for c in cands {
            if c.weak || c.start >= c.end {
                continue;
            }
            let range = toks[c.start].range.cover(&toks[c.end - 1].range);
            out.push(Entity::new(range, c.label));
        }
    }

    fn doc<'a>(&self, text: &'a str, toks: &'a [Token], earlier: &[Entity]) -> Doc<'a> {
        let n = toks.len();
        // The compact view: token keys run together.
        let mut compact = String::new();
        let mut cstart = Vec::with_capacity(n);
        let mut cend = Vec::with_capacity(n);
        for t in toks {
            cstart.push(compact.len());
            compact.push_str(&t.norm);
            cend.push(compact.len());
        }
        let mut hits: Vec<Vec<Hit>> = vec![Vec::new(); n];
        for m in self.lx.ac.find_overlapping_iter(&compact) {
            // Tokens with an empty key (a lone tatweel) share offsets with a
            // neighbour: start on the last token there, end on the first.
            let i = cstart.partition_point(|&c| c <= m.start());
            if i == 0 || cstart[i - 1] != m.start() {
                continue;
            }
            let i = i - 1;
            let j = cend.partition_point(|&c| c < m.end());
            let (last, glue) = match (j < n).then(|| cend[j]) {
                Some(e) if e == m.end() => (j, Glue::No),
                Some(_) if cstart[j] < m.end() => {
                    match self.glue(&compact[m.start()..m.end()], &compact[m.end()..cend[j]]) {
                        Some(g) => (j, g),
                        None => continue,
                    }
                }
                _ => continue,
            };
            // Matches never run across a line break, and break between
            // tokens only where the phrase has a word break.
            let pat = m.pattern().as_usize();
            let inner_ok =
                (i + 1..=last).all(|k| !toks[k].line_start && self.lx.breaks[pat].contains(&(cstart[k] - m.start())));
            if !inner_ok || (last > i && glue == Glue::Word) {
                continue;
            }
            hits[i].push(Hit { last, kinds: self.lx.kinds[pat], glue });
        }
        // Tokens are sorted and disjoint: find each entity's first token by
        // binary search, so marking stays linear in the text.
        let mut temporal = vec![false; n];
        for e in earlier {
            let first = toks.partition_point(|t| t.range.end <= e.range.start);
            for (k, t) in toks.iter().enumerate().skip(first) {
                if t.range.start >= e.range.end {
                    break;
                }
                temporal[k] = true;
            }
        }
        let mut d = Doc {
            text,
            toks,
            hits,
            temporal,
            commodity: vec![false; n],
            taken: vec![false; n],
            person: vec![false; n],
        };
        d.commodity = self.commodities(&d);
        d
    }

    /// How the rest of a token after a matched phrase is read.
    /// `None` when the rest makes the token another word (`ایرانی`,
    /// `مدیریت`): the phrase does not match there.
    fn glue(&self, matched: &str, rest: &str) -> Option<Glue> {
        // A token that is a word of its own (`شرکتکنندگان`, `دانشگاهیان`) is
        // no head with something glued on.
        let whole = format!("{matched}{rest}");
        if self.lx.rank(&whole).is_some() && !rest.starts_with("ها") {
            return None;
        }
        if ["ها", "های", "هایی", "هایش"].contains(&rest) {
            return Some(Glue::Plural);
        }
        if rest == "ی" && matched.ends_with(['ا', 'و', 'ه', 'ی']) {
            return Some(Glue::Ezafe);
        }
        let pronoun = ["مان", "تان", "شان", "ایم", "اید", "اند"].contains(&rest);
        if rest.chars().count() >= 3 && !pronoun && self.lx.is_common(rest, 20000) && !self.lx.is_stop(rest) {
            return Some(Glue::Word);
        }
        None
    }

    /// Which tokens are commodities: lexicon words, and ambiguous ones
    /// (`روی`) only beside another commodity (`سرب و روی`).
    fn commodities(&self, d: &Doc) -> Vec<bool> {
        let n = d.len();
        let mut c = vec![false; n];
        for i in 0..n {
            // `مدال طلا` is a medal, `راه آهن` a railway.
            let not_goods = i > 0 && NOT_GOODS_BEFORE.contains(&d.key(i - 1));
            if let Some(h) = d.exact(i, kind::COMMODITY).filter(|_| !not_goods) {
                c[i..=h.last].iter_mut().for_each(|x| *x = true);
            }
        }
        let joins = |k: usize| matches!(d.key(k), "و" | "،" | ",");
        for i in 0..n {
            if let Some(h) = d.exact(i, kind::COMMODITY_AMBIGUOUS) {
                // `شمش روی`: a form only metals take names the metal.
                let metal_form = i >= 1 && !d.breaks(i) && matches!(d.key(i - 1), "شمش" | "کاتد" | "کنسانتره");
                let before = metal_form || i >= 2 && joins(i - 1) && c[i - 2];
                let after = joins(h.last + 1) && c.get(h.last + 2).copied().unwrap_or(false);
                if before || after {
                    c[i..=h.last].iter_mut().for_each(|x| *x = true);
                }
            }
        }
        c
    }

    /// The left-to-right scan for everything but persons.
    fn scan(&self, d: &mut Doc) -> Vec<Cand> {
        let mut out: Vec<Cand> = Vec::new();
        let n = d.len();
        let mut i = 0;
        while i < n {
            let found = if d.temporal[i] { None } else { self.at(d, i, &out) };
            match found {
                Some(cs) => {
                    let end = cs.iter().map(|c| c.end).max().unwrap_or(i + 1);
                    for c in cs {
                        d.taken[c.start..c.end].iter_mut().for_each(|x| *x = true);
                        out.push(c);
                    }
                    i = end.max(i + 1);
                }
                None => i += 1,
            }
        }
        out
    }

    /// Candidates starting at token `i`, if any (a role may bring the ORG
    /// after it).
    fn at(&self, d: &Doc, i: usize, before: &[Cand]) -> Option<Vec<Cand>> {
        if !matches!(d.kind(i), Some(TokenKind::Word | TokenKind::Latin)) {
            return self.acronym_in_brackets(d, i, before).map(|c| vec![c]);
        }
        if let Some(c) = self.state_name(d, i) {
            return Some(vec![c]);
        }
        if let Some(c) = self.company(d, i) {
            return Some(vec![c]);
        }
        if let Some(h) = d.any(i, kind::ROLE_HEAD) {
            if let Some(cs) = self.role(d, i, h) {
                return Some(cs);
            }
        }
        // `رئیس کمیسیون آموزش`: a body with office holders is an organisation.
        let event_label = if i > 0 && d.any(i - 1, kind::ROLE_HEAD).is_some() { ORG } else { EVENT };
        for (mask, mode, label) in [
            (kind::ORG_HEAD, Mode::Org, ORG),
            (kind::EVENT_HEAD, Mode::Event, event_label),
            (kind::FAC_HEAD, Mode::Fac, FAC),
            (kind::AGREEMENT_HEAD, Mode::Agreement, AGREEMENT),
        ] {
            if let Some(h) = d.any(i, mask) {
                if let Some(c) = self.headed(d, i, h, mode, label) {
                    return Some(vec![c]);
                }
            }
        }
        if let Some(c) = self.news_source(d, i) {
            return Some(vec![c]);
        }
        if let Some(c) = self.place(d, i) {
            return Some(vec![c]);
        }
        // `کنسانتره سنگ آهن`, `کاتد مس`: a product form joins the commodity after it.
        if d.has(i, kind::PRODUCT_FORM) && d.commodity.get(i + 1).copied().unwrap_or(false) && !d.breaks(i + 1) {
            let end = d.exact(i + 1, kind::COMMODITY).map_or(i + 2, |h| h.last + 1);
            return Some(vec![Cand { start: i, end, label: COMMODITY, weak: false }]);
        }
        if d.commodity[i] {
            let mut end = i + 1;
            while end < d.len() && d.commodity[end] && !d.breaks(end) && d.exact(end, kind::COMMODITY).is_some() {
                end += 1;
            }
            // Multi-word commodities are one hit; a product form joins the
            // commodity after it (`کاتد مس`).
            let end = d.exact(i, kind::COMMODITY).map_or(end, |h| h.last + 1).max(i + 1);
            return Some(vec![Cand { start: i, end, label: COMMODITY, weak: false }]);
        }
        None
    }

    /// `فولاد مبارکه`, `شرکت فولاد مبارکه`: a listed company name, with the
    /// ORG head written right before it.
    fn company(&self, d: &Doc, i: usize) -> Option<Cand> {
        let head = d.has(i, kind::ORG_HEAD) && !d.breaks(i + 1);
        let at = if head && d.exact(i + 1, kind::ORG_NAME).is_some() { i + 1 } else { i };
        let h = company_at(d, at)?;
        Some(Cand { start: i, end: h.last + 1, label: ORG, weak: false })
    }

    /// `جمهوری اسلامی ایران`: a state form, up to three words, a country.
    fn state_name(&self, d: &Doc, i: usize) -> Option<Cand> {
        if !STATE_FORMS.contains(&d.key(i)) {
            return None;
        }
        for k in i + 1..(i + 5).min(d.len()) {
            if d.breaks(k) || !d.is_word(k) || self.lx.is_stop(d.key(k)) {
                return None;
            }
            if let Some(h) = d.exact(k, kind::COUNTRY | kind::REGION) {
                return Some(Cand { start: i, end: h.last + 1, label: LOC, weak: false });
            }
        }
        None
    }

    /// A place from the gazetteers. Countries and regions are reliable;
    /// a city whose name is also a common word needs evidence.
    fn place(&self, d: &Doc, i: usize) -> Option<Cand> {
        let Some(h) = d.exact(i, kind::LOC) else { return self.after_division(d, i) };
        let cand = Some(Cand { start: i, end: h.last + 1, label: LOC, weak: false });
        if h.kinds & (kind::COUNTRY | kind::REGION) != 0 && !self.looks_like_a_word(d, i, h) {
            return cand;
        }
        if self.city_is_sure(d, i, h) || self.city_has_evidence(d, i, h) {
            return cand;
        }
        None
    }

    /// `استان خوزستان`, `شهرستان سمیرم`: the name after an administrative
    /// division word is a place even when no gazetteer has it (provinces are
    /// in none of ours). The division word stays out of the span.
    fn after_division(&self, d: &Doc, i: usize) -> Option<Cand> {
        let before = |k: usize| DIVISIONS.contains(&d.key(k)) || PLACE_OFFICES.contains(&d.key(k));
        if i == 0 || d.breaks(i) || !before(i - 1) || !d.is_word(i) {
            return None;
        }
        let key = d.key(i);
        if self.lx.is_stop(key)
            || self.lx.is_verb(key)
            || self.is_adjective(d, i)
            || d.any(i, kind::HEAD | kind::PLACE_TRIGGER | kind::HONORIFIC).is_some()
            || self.lx.is_common(key, 900)
            || self.is_predicate_noun(d, i)
            || d.temporal[i]
        {
            return None;
        }
        let mut end = i + 1;
        // `خراسان رضوی`, `آذربایجان شرقی`, `سیستان و بلوچستان`
        if !d.breaks(end) && DIRECTIONS.contains(&d.key(end)) {
            end += 1;
        } else if d.key(end) == "و"
            && !d.breaks(end + 1)
            && self.is_rare(d, end + 1)
            && !self.lx.is_verb(d.key(end + 1))
        {
            end += 2;
        }
        Some(Cand { start: i, end, label: LOC, weak: false })
    }

    /// A city name that is no frequent word, no adjective-like word and no
    /// person's given name. Frequent ones (`تهران`, but also `طول`, `نور`)
    /// need evidence from context ([`Names::city_has_evidence`]).
    pub(super) fn city_is_sure(&self, d: &Doc, i: usize, h: Hit) -> bool {
        let k: String = (i..=h.last).map(|t| d.key(t)).collect();
        let plain = k.chars().count() >= 3 && !self.lx.is_given(&k) && h.kinds & kind::HEAD == 0;
        plain
            && match self.lx.rank(&k) {
                None => true,
                Some(r) => {
                    r > CITY_RANK
                        && !k.ends_with('ی')
                        && !["ها", "های", "تر", "ای"].iter().any(|s| self.lx.rank(&format!("{k}{s}")).is_some())
                        && !self.looks_like_a_word(d, i, h)
                }
            }
    }

    /// A place name that is also an everyday word by its form (`مالی` is
    /// Mali and `financial`): a frequent stem with an adjective or plural
    /// ending. Such names need the evidence a common city name needs.
    fn looks_like_a_word(&self, d: &Doc, i: usize, h: Hit) -> bool {
        let k: String = (i..=h.last).map(|t| d.key(t)).collect();
        let r = self.lx.rank(&k).unwrap_or(u32::MAX);
        // The stem must be the more frequent word: `ایران` is no plural of `ایر`.
        let commoner = |stem: &str| self.lx.rank(stem).is_some_and(|rs| rs <= 6500 && rs < r);
        k.strip_suffix('ی').is_some_and(commoner)
            || ["ان", "ها", "ات"].iter().any(|e| k.strip_suffix(e).is_some_and(commoner))
    }

    fn city_has_evidence(&self, d: &Doc, i: usize, h: Hit) -> bool {
        let k: String = (i..=h.last).map(|t| d.key(t)).collect();
        if self.lx.is_given(&k) && !(i > 0 && d.has(i - 1, kind::PLACE_TRIGGER)) {
            return false;
        }
        // `شهر X`, `استان X`
        if i > 0 && d.has(i - 1, kind::PLACE_TRIGGER) {
            return true;
        }
        let rank = self.lx.rank(&k).unwrap_or(u32::MAX);
        if rank < 250 || k.ends_with('ی') {
            return false;
        }
        // Beside a sure place: `رشت- آستارا`, `تهران و اصفهان`.
        let joins = |t: usize| matches!(d.key(t), "و" | "،" | "-" | "," | "–");
        let sure = |t: usize| {
            d.exact(t, kind::COUNTRY | kind::REGION).is_some()
                || d.exact(t, kind::CITY).is_some_and(|h2| self.city_is_sure(d, t, h2))
        };
        if (i >= 2 && joins(i - 1) && sure(i - 2)) || (joins(h.last + 1) && sure(h.last + 2)) {
            return true;
        }
        // `در X`, `به X`: a locative preposition, and no ezafe chain after
        // the name that would make it a common noun (`در طول سال`).
        // `وارد تهران شد`, `عازم مسکو شد`: a word of arrival or departure.
        // `نماینده مردم شیراز`: the people of a place.
        let loc_prep = i > 0
            && matches!(d.key(i - 1), "در" | "به" | "از" | "تا" | "بین" | "میان" | "وارد" | "عازم" | "راهی" | "مردم");
        let after = h.last + 1;
        let ends = after >= d.len()
            || d.breaks(after)
            || d.kind(after) == Some(TokenKind::Punct)
            || self.lx.is_verb(d.key(after))
            || self.is_predicate_noun(d, after)
            // `بازار آزاد تهران روز شنبه`: a date after the name.
            || d.temporal.get(after).copied().unwrap_or(false)
            || matches!(d.key(after), "و" | "که" | "نیز" | "هم" | "را" | "با" | "در" | "به" | "از");
        if loc_prep && ends {
            return true;
        }
        // A dateline: `تهران ـ ایرنا:` opening a line.
        let opens = i == 0 || d.breaks(i);
        let dash_after = {
            let from = d.toks[h.last].range.end;
            let to = d.toks.get(after).map_or(d.text.len(), |t| t.range.end);
            d.text[from..to].trim().chars().next().is_some_and(|c| matches!(c, '-' | 'ـ' | '–' | '—'))
        };
        if opens && dash_after {
            return true;
        }
        // A frequent city name that behaves like a proper noun in the word
        // list (`تهران`: a rarer demonym `تهرانی`, no plural or indefinite
        // form), with nothing after it that would make it a common noun.
        let demonym = self.lx.rank(&format!("{k}ی")).is_some_and(|r| r > rank);
        let inflected =
            ["ها", "های", "ای", "یی", "ان", "تر"].iter().any(|e| self.lx.rank(&format!("{k}{e}")).is_some());
        // `کشف کرد`, `طول خواهد کشید`, `سالم است`: a noun or adjective of
        // a predicate; places go before motion verbs, not light ones.
        let predicate = after < d.len()
            && (self.lx.is_light_verb(d.key(after))
                || COPULAS.contains(&d.key(after))
                || AUXILIARIES.contains(&d.key(after)));
        demonym
            && !inflected
            && ends
            && !predicate
            && !self.looks_like_a_word(d, i, h)
            && (i == 0 || d.key(i - 1) != "بر")
    }

    /// A head with its name after it (ORG, EVENT, FAC, AGREEMENT).
    fn headed(&self, d: &Doc, i: usize, h: Hit, mode: Mode, label: &'static str) -> Option<Cand> {
        if h.glue == Glue::Plural || self.generic_before(d, i) || self.plural_after(d, h) {
            return None;
        }
        // Run-together typos are read for titles and organisations only;
        // `قانونگریزی` is a word of its own.
        if h.glue == Glue::Word && !matches!(mode, Mode::Org) {
            return None;
        }
        let mut first = h.last + 1;
        let head_key: String = (i..=h.last).map(|t| d.key(t)).collect();
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
            if name.len() >= 2 && self.is_adjective(d, name.start) && self.is_rare(d, name.start + 1) {
                let mut e = name.start + 2;
                while e < end && self.is_rare(d, e) {
                    e += 1;
                }
                return Some(Cand { start: name.start + 1, end: e, label, weak: false });
            }
            // `هلدینگ بزرگ فلزات غیرآهنی چین`: a head described, not named.
            if DESCRIPTIVE.contains(&d.key(name.start)) {
                return None;
            }
            // `شرکت ایرانی`, `شرکت های ایرانی`: a class, not a name.
            if name.len() == 1 && self.is_nationality(d.key(name.start)) {
                return None;
            }
            if self.lx.is_org_weak(&head_key) && !distinct && name.len() < 2 {
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
            && !self.is_plural_noun(d.key(name.start))
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
    fn news_source(&self, d: &Doc, i: usize) -> Option<Cand> {
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
        if !dateline && !reporter && (d.key(i - 2) != "به" || d.key(i - 1) != "گزارش") {
            return None;
        }
        let key = d.key(i);
        let rare_enough = d.kind(i) == Some(TokenKind::Latin) || self.lx.rank(key).is_none_or(|r| r > 3600);
        let plain = !self.lx.is_stop(key)
            && !self.lx.is_verb(key)
            && d.any(i, kind::HEAD | kind::HONORIFIC | kind::LOC | kind::PLACE_TRIGGER).is_none()
            && !self.is_adjective(d, i)
            && !self.lx.is_given(key)
            && !self.two_common_words(key);
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
    fn plural_after(&self, d: &Doc, h: Hit) -> bool {
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
                && !self.is_adjective(d, last);
            if named && (name.start..last).any(|k| d.commodity[k]) {
                return true;
            }
            // `میدان گازی پارس جنوبی`, `آزادگان شمالی`: a part of a named whole.
            if DIRECTIONS.contains(&d.key(last)) && d.is_word(last - 1) && !d.commodity[last - 1] {
                return true;
            }
        }
        let first = name.start;
        let last_end = name.end;
        name.into_iter().any(|k| match d.kind(k) {
            Some(TokenKind::Number | TokenKind::Latin) => true,
            // `برنامه هفتم توسعه`, `جنگ جهانی دوم`: an ordinal picks out one of a series.
            Some(TokenKind::Word) if mode != Mode::Fac && is_ordinal(d.key(k)) => true,
            Some(TokenKind::Word) => {
                self.is_rare(d, k)
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

    /// A word outside the common vocabulary (names, acronyms, foreign words).
    /// Any listed word is known: past ~19000 ranks hazm's frequencies are
    /// near zero and erratic (`خرید`, `کشاورزی`, `مدیره` sit there), so a
    /// rank cut-off there would call everyday words names.
    pub(super) fn is_rare(&self, d: &Doc, k: usize) -> bool {
        match d.kind(k) {
            Some(TokenKind::Latin) => true,
            Some(TokenKind::Word) => {
                let key = d.key(k);
                // Participles (`اعلامشده`) are rare as written but no names.
                let participle =
                    ["شده", "کننده", "یافته", "گرفته"].iter().any(|e| key.len() > e.len() + 2 && key.ends_with(e));
                !d.commodity[k]
                    && self.lx.rank(key).is_none()
                    && !self.lx.is_inflected_common(key, person::INFLECTED_RANK)
                    && key.chars().count() >= 2
                    && !participle
            }
            _ => false,
        }
    }

    fn is_adjective(&self, d: &Doc, k: usize) -> bool {
        let key = d.key(k);
        let Some(stem) = key.strip_suffix('ی') else { return false };
        // `معدنی`, or a compound adjective ending in a common word (`چندملیتی`):
        // only endings no longer than a listed word are looked up.
        let listed = |b: usize| stem.len() - b <= self.lx.longest;
        let known = self.lx.is_common(key, 20000)
            || stem
                .char_indices()
                .any(|(b, _)| listed(b) && stem[b..].chars().count() >= 3 && self.lx.is_common(&stem[b..], 20000));
        d.is_word(k) && known && d.exact(k, kind::LOC).is_none()
    }

    /// `ایرانی`, `چینی`: a country name with the adjective ending.
    pub(super) fn is_nationality(&self, key: &str) -> bool {
        let Some(stem) = key.strip_suffix('ی') else { return false };
        let stem = stem.strip_suffix('ی').unwrap_or(stem);
        self.is_place_key(stem, kind::COUNTRY | kind::REGION)
    }

    /// Whether a whole key is a place of the given kinds.
    pub(super) fn is_place_key(&self, key: &str, mask: u32) -> bool {
        self.lx
            .ac
            .find_overlapping_iter(key)
            .any(|m| m.range() == (0..key.len()) && self.lx.kinds[m.pattern().as_usize()] & mask != 0)
    }

    /// Where a name that starts at token `from` ends (exclusive). `started`
    /// says a word of the name is already taken (a run-together head).
    pub(super) fn tail(&self, d: &Doc, from: usize, mode: Mode, started: bool) -> usize {
        let n = d.len();
        let max = match mode {
            Mode::Role => 6,
            Mode::Fac => 6,
            Mode::Event => 8,
            Mode::Org | Mode::Agreement => 10,
        };
        let start = if started { from - 1 } else { from };
        let mut end = from;
        let mut k = from;
        while k < n && k - start < max && !(k > start && d.breaks(k)) {
            // `مدیرعامل فولاد مبارکه`: a listed company is an ORG of its own.
            if mode != Mode::Org && company_at(d, k).is_some() {
                break;
            }
            let key = d.key(k);
            match d.kind(k) {
                Some(TokenKind::Number) => {
                    let year = is_year(key);
                    let span_word = d.key(k + 1).ends_with("ساله") || d.key(k + 1).ends_with("ماهه");
                    match mode {
                        Mode::Agreement if span_word => {
                            end = k + 2;
                            k += 2;
                            continue;
                        }
                        Mode::Event | Mode::Agreement if year => {
                            end = k + 1;
                            break;
                        }
                        // `فاز 11`, `گل گهر 2`: a bare number inside a name.
                        // A number that starts an amount (`۳ بازدید`) ends the name.
                        Mode::Fac | Mode::Event | Mode::Agreement if key.len() <= 3 => {
                            if d.temporal[k] {
                                break;
                            }
                            end = k + 1;
                            k += 1;
                            continue;
                        }
                        _ => break,
                    }
                }
                Some(TokenKind::Latin) if mode != Mode::Role => {
                    end = k + 1;
                    k += 1;
                    continue;
                }
                Some(TokenKind::Word) => {}
                // `وزارت صنعت، معدن و تجارت`: an enumeration `A، B و C` inside a name.
                Some(TokenKind::Punct)
                    if matches!(key, "،" | ",")
                        && mode != Mode::Fac
                        && end > start
                        && self.continues_after_and(d, k + 1, mode)
                        && !self.is_plural_noun(d.key(k + 1))
                        && (d.key(k + 2) == "و" && !self.is_plural_noun(d.key(k + 3))
                            || matches!(d.key(k + 2), "،" | ",") && d.key(k + 4) == "و") =>
                {
                    k += 1;
                    continue;
                }
                _ => break,
            }
            if d.temporal[k] {
                // `لایحه بودجه سال ۱۴۰۴`: the year of a programme is part of its name.
                if mode == Mode::Agreement && key == "سال" && is_year(d.key(k + 1)) && !d.breaks(k + 1) {
                    end = k + 2;
                }
                break;
            }
            if key == "و" {
                if end > start && self.continues_after_and(d, k + 1, mode) {
                    k += 1;
                    continue;
                }
                break;
            }
            // `بین المللی` written apart: `بین` is a preposition elsewhere.
            let international = key == "بین" && d.key(k + 1) == "المللی" && !d.breaks(k + 1);
            if !d.commodity[k] && !international && (self.lx.is_stop(key) || self.lx.is_verb(key)) {
                break;
            }
            // `معاون راهبردی رئیس جمهور`: a portfolio word, then the office it
            // serves, is one role; otherwise a role head starts a new span.
            let serves = mode == Mode::Role && end > start && !d.breaks(k);
            if d.any(k, kind::ROLE_HEAD).is_some_and(|h| h.kinds & kind::ROLE_WEAK == 0 && !serves)
                || d.has(k, kind::HONORIFIC)
            {
                break;
            }
            // An ORG inside an ORG or an EVENT is part of it (`شورای مرکزی دفتر …`,
            // `اجلاس هزاره سازمان ملل`: the longest name wins).
            if d.has(k, kind::ORG_HEAD)
                && (mode == Mode::Role || (k > start && matches!(mode, Mode::Fac | Mode::Agreement)))
            {
                break;
            }
            if mode == Mode::Org && k > start && d.has(k, kind::EVENT_HEAD | kind::FAC_HEAD | kind::AGREEMENT_HEAD) {
                break;
            }
            // `فرودگاه منامه پایتخت بحرین`: an apposition starts.
            if mode != Mode::Org && k > start && d.has(k, kind::PLACE_TRIGGER) {
                break;
            }
            let loc = d.exact(k, kind::LOC);
            // `سرمربی کروات`: a nationality describes the holder, not the office.
            if mode == Mode::Role
                && (loc.is_some() || self.is_rare(d, k) || self.lx.is_given(key) || self.is_nationality(key))
            {
                break;
            }
            // `رئیس چهارمین نمایشگاه …`, `بنیانگذار جمهوری اسلامی`: what a role
            // heads is named by itself.
            if mode == Mode::Role
                && (d.has(k, kind::ORG_HEAD | kind::EVENT_HEAD)
                    || STATE_FORMS.contains(&key)
                    || (is_ordinal(key) && d.has(k + 1, kind::ORG_HEAD | kind::EVENT_HEAD)))
            {
                break;
            }
            if loc.is_none() && self.is_predicate_noun(d, k) {
                break;
            }
            if self.lx.is_given(key) && self.is_rare(d, k + 1) {
                break;
            }
            let last = loc.or_else(|| d.exact(k, kind::COMMODITY)).map_or(k, |h| h.last);
            end = last + 1;
            k = last + 1;
            // A country closes a name (`بانک مرکزی ایران` | `نرخ …`); only `و`
            // and another place or a number may follow it.
            if loc.is_some_and(|h| h.kinds & (kind::COUNTRY | kind::REGION) != 0) {
                let more = match d.kind(k) {
                    Some(TokenKind::Number) => mode != Mode::Org,
                    Some(TokenKind::Word) => d.key(k) == "و" && d.exact(k + 1, kind::LOC).is_some(),
                    _ => false,
                };
                if !more {
                    break;
                }
            }
        }
        end
    }

    /// Whether a name goes on over `و` to token `k` (`توسعه و نوسازی`).
    fn continues_after_and(&self, d: &Doc, k: usize, mode: Mode) -> bool {
        if d.breaks(k) {
            return false;
        }
        let key = d.key(k);
        match d.kind(k) {
            Some(TokenKind::Word) => {}
            Some(TokenKind::Latin) => return mode != Mode::Role,
            _ => return false,
        }
        if d.temporal[k] || (!d.commodity[k] && (self.lx.is_stop(key) || self.lx.is_verb(key))) {
            return false;
        }
        let heads = if mode == Mode::Event {
            kind::ROLE_HEAD | kind::HONORIFIC
        } else {
            kind::ROLE_HEAD | kind::HONORIFIC | kind::ORG_HEAD
        };
        if d.any(k, heads).is_some() || self.lx.is_given(key) {
            return false;
        }
        if self.is_predicate_noun(d, k) {
            return false;
        }
        match mode {
            Mode::Role => d.exact(k, kind::LOC).is_none() && !self.is_rare(d, k),
            Mode::Org | Mode::Fac => d.exact(k, kind::EVENT_HEAD | kind::FAC_HEAD | kind::AGREEMENT_HEAD).is_none(),
            _ => true,
        }
    }

    /// A noun that forms a compound verb with what follows (`دیدار کرد`,
    /// `دیدار و گفتگو کرد`): it ends a name before it.
    pub(super) fn is_predicate_noun(&self, d: &Doc, k: usize) -> bool {
        // A copula after a name (`… اسلامی است`) does not make it a predicate.
        let light = |t: usize| !d.breaks(t) && self.lx.is_light_verb(d.key(t)) && !COPULAS.contains(&d.key(t));
        // `برگزار خواهد شد`, `اعلام می شود`: an auxiliary between noun and verb.
        let verb = |t: usize| {
            if AUXILIARIES.contains(&d.key(t)) && !d.breaks(t) {
                light(t + 1)
            } else {
                light(t)
            }
        };
        // Names may stand before `شد` (`رئیس ایمیدرو شد`): only Latin is exempt.
        if d.kind(k) == Some(TokenKind::Latin) {
            return false;
        }
        verb(k + 1) || (d.key(k + 1) == "و" && d.is_word(k + 2) && verb(k + 3))
    }

    /// A role: heads in a chain (`معاون وزیر`), modifiers, then its
    /// portfolio up to a nameable ORG or LOC (`معاون وزیر صنعت و توسعه زیرساخت`,
    /// then `قزاقستان`). A rare word right after it is the ORG it belongs to
    /// (`رئیس هیأت عامل ایمیدرو`).
    fn role(&self, d: &Doc, i: usize, h: Hit) -> Option<Vec<Cand>> {
        if h.glue == Glue::Plural || self.plural_after(d, h) {
            return None;
        }
        let mut weak = h.kinds & kind::ROLE_WEAK != 0
            && d.exact(i, kind::ROLE_HEAD).is_none_or(|x| x.kinds & kind::ROLE_WEAK != 0);
        let mut last = h;
        let mut last_start = i;
        let mut j = h.last + 1;
        while last.glue != Glue::Word && !d.breaks(j) {
            if let Some(h2) =
                d.any(j, kind::ROLE_HEAD).filter(|h2| h2.glue != Glue::Plural && !self.plural_after(d, *h2))
            {
                weak = false;
                last = h2;
                last_start = j;
                j = h2.last + 1;
            } else if ROLE_MODIFIERS.contains(&d.key(j)) {
                j += 1;
            } else {
                break;
            }
        }
        // `رئیس‌جمهور`, `نخست‌وزیر` need no portfolio: a word after them is
        // something else (`رئیس‌جمهور خاتمی …`).
        let last_key: String = (last_start..=last.last).map(|t| d.key(t)).collect();
        // `استاندار خوزستان`: an office named after its place ends at the place.
        let complete =
            ROLE_COMPLETE.iter().any(|c| last_key.ends_with(c)) || PLACE_OFFICES.contains(&last_key.as_str());
        let end = if complete {
            j
        } else if last.glue == Glue::Word {
            self.tail(d, j, Mode::Role, true)
        } else {
            self.tail(d, j, Mode::Role, false)
        };
        let end = end.max(j);
        // `نماینده مردم مرودشت`: a weak role that names the place it serves.
        let weak = weak && (d.breaks(end) || d.exact(end, kind::LOC).is_none());
        let mut out = vec![Cand { start: i, end, label: ROLE, weak }];
        // A bare rare word after the role: the organisation it heads (not
        // after an office named after a place: `استاندار کهگیلویه`).
        if !d.breaks(end)
            && !PLACE_OFFICES.contains(&last_key.as_str())
            && self.is_rare(d, end)
            && d.exact(end, kind::LOC).is_none()
            && !self.lx.is_given(d.key(end))
            && !self.lx.is_stop(d.key(end))
            && !self.lx.is_verb(d.key(end))
            && d.any(end, kind::HEAD | kind::HONORIFIC).is_none()
            && !d.temporal[end]
            && !(self.is_rare(d, end + 1) && d.is_word(end + 1) && !d.breaks(end + 1))
            && self.lx.rank(d.key(end)).is_none()
            && !self.two_common_words(d.key(end))
        {
            out.push(Cand { start: end, end: end + 1, label: ORG, weak: false });
        }
        Some(out)
    }

    /// `معاونان`, `مدیران`, `شرکتها`: a frequent noun with a plural ending.
    pub(super) fn is_plural_noun(&self, key: &str) -> bool {
        ["ان", "ها", "های", "ات"].iter().any(|e| key.strip_suffix(e).is_some_and(|stem| self.lx.is_common(stem, 20000)))
    }

    /// A token that is two frequent words run together (`درعینحال`,
    /// `هیاترییسه`, `کاتولیکهای`): a typo or compound, not an acronym.
    fn two_common_words(&self, key: &str) -> bool {
        // Short words split by chance (`ای|سنا`), so only longer tokens; a
        // token longer than two listed words is tried at no split point.
        key.len() <= 2 * self.lx.longest
            && key.chars().count() >= 6
            && key.char_indices().skip(2).any(|(b, _)| {
                let (a, z) = key.split_at(b);
                z.chars().count() >= 3
                    && self.lx.is_common(a, 10000)
                    && (self.lx.is_common(z, 10000) || self.lx.is_stop(z))
            })
    }

    /// `(ایمیدرو)` right after an ORG: the acronym is an ORG of its own.
    fn acronym_in_brackets(&self, d: &Doc, i: usize, before: &[Cand]) -> Option<Cand> {
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
        (after_org && self.is_rare(d, a) || latin_acronym).then_some(Cand {
            start: a,
            end: a + 1,
            label: ORG,
            weak: false,
        })
    }
}

/// An ordinal that stands before its noun (`هشتمین جشنواره`); `دوم` follows it.
/// A listed company name starting at token `k`. One spelt like a head
/// (`پترو شیمی`, the head `پتروشیمی`) is no name.
fn company_at(d: &Doc, k: usize) -> Option<Hit> {
    d.exact(k, kind::ORG_NAME).filter(|h| h.kinds & kind::HEAD == 0)
}

fn is_ordinal_adjective(key: &str) -> bool {
    key.ends_with("مین") && key.chars().count() >= 4 || key == "نخستین" || key == "اولین"
}

/// Number words that come before `و` in a compound ordinal.
const TENS: &[&str] = &["بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود", "صد", "یکصد", "دویست", "سیصد"];

/// An ordinal adjective (`نخستین`, `هشتمین`, `۱۲مین`).
fn is_ordinal(key: &str) -> bool {
    key.ends_with("مین") && key.chars().count() >= 4
        || ["نخستین", "اولین", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم", "دهم"].contains(&key)
        || key.ends_with("دهم") && key.chars().count() >= 5
}

/// A year in any of the three calendars (1300–1499 Solar/lunar Hijri,
/// 1900–2099 Gregorian).
fn is_year(key: &str) -> bool {
    key.len() == 4 && key.parse::<u32>().is_ok_and(|y| (1300..1500).contains(&y) || (1900..2100).contains(&y))
}

#[cfg(test)]
mod tests;
