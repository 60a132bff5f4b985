//! LOC: gazetteer places, a frequent city name only with evidence from its
//! context, state forms (`جمهوری اسلامی ایران`) and the names after an
//! administrative division (`استان خوزستان`).

use super::scan::{Cand, Doc, Hit};
use super::words::{has_surname_ending, AUXILIARIES, COPULAS};
use super::Names;
use crate::lexicon::kind;
use barchasb_core::labels::LOC;
use barchasb_core::TokenKind;

/// Offices named after the place they govern (`استاندار خوزستان`): the
/// role is the office word alone, the place after it a LOC.
pub(super) const PLACE_OFFICES: &[&str] = &["استاندار", "فرماندار", "شهردار", "بخشدار"];

/// Administrative divisions whose name follows them.
const DIVISIONS: &[&str] = &["استان", "شهرستان", "ایالت", "دهستان", "روستای", "استانهای"];

/// Direction adjectives that are part of a place name (`آذربایجان شرقی`).
pub(super) const DIRECTIONS: &[&str] = &["شرقی", "غربی", "شمالی", "جنوبی", "رضوی", "مرکزی"];

/// Heads before a place name that turn `جمهوری اسلامی ایران` into one LOC.
pub(super) const STATE_FORMS: &[&str] = &["جمهوری", "پادشاهی", "امارات", "جماهیر", "ایالات"];

impl Names {
    /// `جمهوری اسلامی ایران`: a state form, up to three words, a country.
    pub(super) fn state_name(&self, d: &Doc, i: usize) -> Option<Cand> {
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
    /// a city whose name is also a common word needs evidence, such as a
    /// place listed right before it (`listed`).
    pub(super) fn place(&self, d: &Doc, i: usize, listed: bool) -> Option<Cand> {
        let Some(h) = d.exact(i, kind::LOC) else { return self.after_division(d, i) };
        // `حمید سوریان`: after a given name, a city with a surname ending is the surname.
        let given_before =
            i > 0 && !d.breaks(i) && self.lx.is_given(d.key(i - 1)) && !self.lx.is_given_ambiguous(d.key(i - 1));
        if given_before && h.last == i && h.kinds & (kind::COUNTRY | kind::REGION) == 0 && has_surname_ending(d.key(i))
        {
            return None;
        }
        let cand = Some(Cand { start: i, end: h.last + 1, label: LOC, weak: false });
        if h.kinds & (kind::COUNTRY | kind::REGION) != 0 && !d.looks_like_a_word(i, h) {
            return cand;
        }
        if d.city_is_sure(i, h)
            || self.province_is_sure(d, i, h)
            || (listed && !d.looks_like_a_word(i, h))
            || self.city_has_evidence(d, i, h)
        {
            return cand;
        }
        None
    }

    /// `به خوزستان`, `کشاورزی خوزستان`: a province is a place wherever it
    /// stands, unless its name is also a word by its forms (`فارس`, `قم`:
    /// a plural or an adjective is listed) or a predicate follows.
    fn province_is_sure(&self, d: &Doc, i: usize, h: Hit) -> bool {
        let k: String = (i..=h.last).map(|t| d.key(t)).collect();
        h.kinds & kind::PROVINCE != 0
            && !self.is_inflected(&k)
            && !d.looks_like_a_word(i, h)
            && !self.lx.is_given(&k)
            && !self.predicate_at(d, h.last + 1)
    }

    /// A word with a plural, indefinite or comparative form in the word list
    /// (`طول`, `فارس`): a common noun or adjective, not only a name.
    fn is_inflected(&self, k: &str) -> bool {
        ["ها", "های", "ای", "یی", "ان", "تر"].iter().any(|e| self.lx.rank(&format!("{k}{e}")).is_some())
    }

    /// `کشف کرد`, `طول خواهد کشید`, `سالم است`: a light verb, copula or
    /// auxiliary at `k` makes the word before it part of a predicate;
    /// places go before motion verbs, not light ones.
    fn predicate_at(&self, d: &Doc, k: usize) -> bool {
        k < d.len()
            && (self.lx.is_light_verb(d.key(k)) || COPULAS.contains(&d.key(k)) || AUXILIARIES.contains(&d.key(k)))
    }

    /// One sense per text: a city name found as a place once (with the
    /// evidence [`Names::place`] asks for) is a place wherever else it
    /// stands alone in the same text (`… به بغداد … و بغداد جزو …`),
    /// unless a predicate follows or another candidate holds it.
    pub(super) fn places_again(&self, d: &mut Doc, cands: &mut Vec<Cand>) {
        // The places found, as the token range of one occurrence of each
        // name: few per text (a name found a thousand times is one entry,
        // so that the look-ups stay linear in the text), compared by keys.
        let same_as = |known: &[(usize, usize)], c: &Cand| {
            known
                .iter()
                .any(|&(s, e)| e - s == c.end - c.start && (0..e - s).all(|k| d.key(s + k) == d.key(c.start + k)))
        };
        let mut known: Vec<(usize, usize)> = Vec::new();
        for c in cands.iter() {
            let city = c.label == LOC && !c.weak && d.exact(c.start, kind::CITY).is_some_and(|h| h.last + 1 == c.end);
            if city && !same_as(&known, c) {
                known.push((c.start, c.end));
            }
        }
        if known.is_empty() {
            return;
        }
        let mut found: Vec<Cand> = Vec::new();
        for i in 0..d.len() {
            let Some(h) = d.exact(i, kind::CITY) else { continue };
            let c = Cand { start: i, end: h.last + 1, label: LOC, weak: false };
            let after_last = found.last().is_none_or(|f| f.end <= c.start);
            let free = (c.start..c.end).all(|t| !d.taken[t] && !d.temporal[t]);
            if after_last && free && same_as(&known, &c) && !self.predicate_at(d, c.end) && !d.is_predicate_noun(h.last)
            {
                found.push(c);
            }
        }
        if found.is_empty() {
            return;
        }
        for c in &found {
            d.taken[c.start..c.end].iter_mut().for_each(|x| *x = true);
        }
        cands.extend(found);
        super::scan::sort_cands(cands);
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
            || d.is_adjective(i)
            || d.any(i, kind::HEAD | kind::PLACE_TRIGGER | kind::HONORIFIC).is_some()
            || self.lx.is_common(key, 900)
            || d.is_predicate_noun(i)
            || d.temporal[i]
        {
            return None;
        }
        let mut end = i + 1;
        // `خراسان رضوی`, `آذربایجان شرقی`, `سیستان و بلوچستان`
        if !d.breaks(end) && DIRECTIONS.contains(&d.key(end)) {
            end += 1;
        } else if d.key(end) == "و" && !d.breaks(end + 1) && d.is_rare(end + 1) && !self.lx.is_verb(d.key(end + 1)) {
            end += 2;
        }
        Some(Cand { start: i, end, label: LOC, weak: false })
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
                || d.exact(t, kind::CITY).is_some_and(|h2| d.city_is_sure(t, h2))
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
            || d.is_predicate_noun(after)
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
        demonym
            && !self.is_inflected(&k)
            && ends
            && !self.predicate_at(d, after)
            && !d.looks_like_a_word(i, h)
            && (i == 0 || d.key(i - 1) != "بر")
    }
}
