//! LOC, ORG, COMMODITY, ROLE, PER, FAC, EVENT and AGREEMENT from gazetteers,
//! trigger words and context.
//!
//! One Aho-Corasick pass over the compact view of the tokens (their keys run
//! together, so `تفاهم نامه`, `تفاهم‌نامه` and `تفاهمنامه` match alike) finds
//! every lexicon phrase that starts on a token. A left-to-right scan then
//! turns heads into names: a head (`سازمان`, `کنفرانس`, `رئیس` …) takes the
//! name after it up to the first function word, verb, punctuation or (for
//! roles) the first nameable ORG/LOC ([`Names::tail`]). Persons come last,
//! from context ([`person`]).
//!
//! - `scan.rs`: what every recognizer here shares: the text as tokens with
//!   lexicon hits ([`scan::Doc`]) and the candidates ([`scan::Cand`]);
//! - `words.rs`: the word tests they share;
//! - `places.rs` (LOC), `headed.rs` (ORG, EVENT, FAC, AGREEMENT after a
//!   head), `roles.rs` (ROLE), `tail.rs` (where a headed name ends),
//!   `person.rs` (PER, and later mentions).

mod headed;
mod person;
mod places;
mod roles;
mod scan;
mod tail;
mod words;

use crate::lexicon::{kind, Lexicon};
use crate::Context;
use barchasb_core::labels::{AGREEMENT, COMMODITY, EVENT, FAC, ORG};
use barchasb_core::{Entity, Token, TokenKind};
use scan::{Cand, Doc, Glue, Hit, Mode};
use std::collections::HashMap;

/// Compiled gazetteers and trigger lists.
#[derive(Debug)]
pub struct Names {
    pub(crate) lx: Lexicon,
}

impl Default for Names {
    fn default() -> Self {
        Self::new()
    }
}

/// `پالایشگاه‌های آبادان، اصفهان و تبریز`: a plural facility head shared by
/// a list leaves the head out, and each place listed names a facility
/// (the guidelines' "a port or field whose name is also a place: the
/// facility is FAC"); the list runs over `،` and `و`, place after place,
/// and a city needs no other evidence there.
fn facilities_after_a_plural_head(d: &Doc, cands: &mut Vec<Cand>) {
    let fac = |k: usize, glue: Glue, last: usize| {
        d.hits[k].iter().any(|h| h.kinds & kind::FAC_HEAD != 0 && h.glue == glue && h.last == last)
    };
    let mut added = false;
    // the candidate starting at each token, looked up as the list is walked
    let mut at: HashMap<usize, usize> = HashMap::new();
    for (n, c) in cands.iter().enumerate().filter(|(_, c)| !c.weak) {
        at.insert(c.start, n);
    }
    // `نیروگاه هرمزگان، خرمآباد و …`: a facility named by a place, then
    // more places after a comma, shares its head with them.
    let named_by_place: HashMap<usize, usize> = cands
        .iter()
        .filter(|c| c.label == FAC && c.end > c.start + 1 && d.has(c.start, kind::FAC_HEAD))
        .filter(|c| d.exact(c.end - 1, kind::LOC).is_some_and(|h| h.last + 1 == c.end))
        .filter(|c| matches!(d.key(c.end), "،" | ","))
        .map(|c| (c.start, c.end + 1))
        .collect();
    for p in 0..d.len() {
        let plural =
            fac(p, Glue::Plural, p) || p >= 1 && matches!(d.key(p), "ها" | "های") && fac(p - 1, Glue::No, p - 1);
        let from = if plural { Some(p + 1) } else { named_by_place.get(&p).copied() };
        let Some(mut k) = from else { continue };
        while k < d.len() && !d.breaks(k) {
            if let Some(c) = at.get(&k).map(|&n| &mut cands[n]) {
                if c.label != barchasb_core::labels::LOC {
                    break;
                }
                c.label = FAC;
                k = c.end;
            } else if let Some(h) = d.exact(k, kind::LOC).filter(|_| !d.taken[k] && !d.temporal[k]) {
                cands.push(Cand { start: k, end: h.last + 1, label: FAC, weak: false });
                added = true;
                k = h.last + 1;
            } else {
                break;
            }
            if !matches!(d.key(k), "،" | "," | "و") {
                break;
            }
            k += 1;
        }
    }
    if added {
        scan::sort_cands(cands);
    }
}

/// `کمیسیون امنیت ملی مجلس`: a commission of the parliament is a body
/// (an ORG, not an EVENT), and its name ends with the parliament (`… مجلس
/// شورای اسلامی`).
fn parliament_commission(d: &Doc, c: &mut Cand) {
    if c.label != EVENT || d.key(c.start) != "کمیسیون" {
        return;
    }
    let Some(p) = (c.start..c.end).find(|&k| d.key(k) == "مجلس") else { return };
    let full = d.key(p + 1) == "شورای" && d.key(p + 2) == "اسلامی" && !d.breaks(p + 1);
    c.label = ORG;
    c.end = c.end.min(p + if full { 3 } else { 1 });
}

/// Words before a metal that make it no commodity (`مدال طلا`, `راه آهن`).
const NOT_GOODS_BEFORE: &[&str] = &["مدال", "مدالهای", "مدالها", "راه", "عصر", "قلب", "دل", "مرد"];

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
        person::find(&mut d, &mut cands);
        facilities_after_a_plural_head(&d, &mut cands);
        self.places_again(&mut d, &mut cands);
        for c in cands {
            if c.weak || c.start >= c.end {
                continue;
            }
            let range = toks[c.start].range.cover(&toks[c.end - 1].range);
            out.push(Entity::new(range, c.label));
        }
    }

    fn doc<'a>(&'a self, text: &'a str, toks: &'a [Token], earlier: &[Entity]) -> Doc<'a> {
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
        // Most matches start inside a token and are dropped: one look-up
        // here. The tokens a kept match starts and ends on are found by
        // walking from the last match's, not by binary searches over every
        // token (a cache miss per step: half of this function's time).
        let mut starts_token = vec![false; compact.len() + 1];
        cstart.iter().for_each(|&c| starts_token[c] = true);
        let mut hits: Vec<Vec<Hit>> = vec![Vec::new(); n];
        let mut j = 0;
        for m in self.lx.ac.find_overlapping_iter(&compact) {
            if !starts_token[m.start()] {
                continue;
            }
            // j: the first token ending at or after the match (matches come
            // by increasing end, so j mostly moves forward).
            while j > 0 && cend[j - 1] >= m.end() {
                j -= 1;
            }
            while j < n && cend[j] < m.end() {
                j += 1;
            }
            // i: the last token starting at or before the match; no token
            // after j starts before the match ends. Tokens with an empty key
            // (a lone tatweel) share offsets with a neighbour: start on the
            // last token there, end on the first.
            let mut i = j.min(n - 1);
            while cstart[i] > m.start() {
                i -= 1;
            }
            if cstart[i] != m.start() {
                continue;
            }
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
            lx: &self.lx,
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
        if let Some(c) = headed::run_together_competition(d, i) {
            return Some(vec![c]);
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
                if let Some(mut c) = self.headed(d, i, h, mode, label) {
                    parliament_commission(d, &mut c);
                    return Some(vec![c]);
                }
            }
        }
        if let Some(c) = self.news_source(d, i) {
            return Some(vec![c]);
        }
        // `تهران، شیراز و تبریز`: a place found right before, then `،` or `و`.
        let listed = i >= 2
            && matches!(d.key(i - 1), "،" | "," | "و")
            && before.last().is_some_and(|c| c.end == i - 1 && c.label == barchasb_core::labels::LOC);
        if let Some(c) = self.place(d, i, listed) {
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
}

#[cfg(test)]
mod tests;
