//! PER from context, and later mentions of names found once.
//!
//! There is no registry list of Persian given names, so persons come from
//! where they stand: after an honorific (`آقای`, `دکتر`, left out of the
//! span), next to a role (`X، رئیس …`, `X معاون وزیر …`, `… وزیر نفت X`), or as a
//! common given name followed by a surname-like word (a rare word or one with
//! a surname ending such as ‑زاده ‑نژاد ‑پور). Once a full name is found, its
//! later mentions in the document are PER too: the name again, in any
//! spacing (`محمدمسعود`/`محمد مسعود`), or its surname alone. An organisation
//! found as a single rare word (an acronym) is an ORG wherever it recurs.

use super::scan::{Cand, Doc};
use super::words::{has_surname_ending, INFLECTED_RANK, SURNAME_ENDINGS};
use crate::lexicon::{kind, Lexicon};
use barchasb_core::labels::{ORG, PER, ROLE};
use barchasb_core::TokenKind;
use std::collections::HashMap;

/// Honorifics that only ever precede a name.
const STRONG_HONORIFICS: &[&str] = &["آقای", "خانم", "جناب", "سرکار", "حجتالاسلام", "آیتالله", "حجتالاسلاموالمسلمین"];

/// Words at least this rare (by frequency rank) may be names.
const NAME_RANK: u32 = 1500;

/// Longest person name, in tokens.
const MAX_NAME: usize = 4;

/// Adds persons, confirms weak roles beside them, and labels later mentions.
pub(super) fn find(d: &mut Doc, cands: &mut Vec<Cand>) {
    let mut found = Found::default();
    for i in 0..d.len() {
        if d.taken[i] {
            continue;
        }
        // `توسط امید …`: the agent of a passive vouches for a given name.
        let agent = i > 0 && d.key(i - 1) == "توسط";
        let per = after_honorific(d, i).or_else(|| given_and_surname(d, i, agent));
        if let Some(c) = per {
            take(d, c, &mut found);
        }
    }
    // Candidates from the scan are sorted by start and disjoint.
    let starts: HashMap<usize, usize> = cands.iter().enumerate().map(|(n, c)| (c.start, n)).collect();
    let roles: Vec<usize> = (0..cands.len()).filter(|&r| cands[r].label == ROLE).collect();
    for r in roles {
        let role = cands[r];
        let mut near = false;
        if let Some(n) = extends_to_role(d, &found, role.start) {
            // `رضا فاطمی امین وزیر …`: the last part of a surname.
            let k = found.list[n].end;
            d.taken[k] = true;
            d.person[k] = true;
            found.grow(n);
            near = true;
        } else if let Some(c) = before_role(d, role.start) {
            take(d, c, &mut found);
            near = true;
        }
        let after = end_of_complement(cands, &starts, role.end);
        if let Some(c) = after_role(d, after) {
            take(d, c, &mut found);
            near = true;
        }
        // A person found earlier right before or after the role.
        let per_at = |k: usize| d.person[k];
        let touches = (role.start >= 1 && per_at(role.start - 1))
            || (role.start >= 2 && matches!(d.key(role.start - 1), "،" | ",") && per_at(role.start - 2))
            || (after < d.len() && per_at(after));
        if near || touches {
            cands[r].weak = false;
        }
    }
    cands.extend(found.list);
    mentions(d, cands);
    super::scan::sort_cands(cands);
}

/// The persons found so far, in the order found, with an index by their
/// end token: they are disjoint, so no two end alike, and the person right
/// before a role is one look-up, not a scan of every person found.
#[derive(Default)]
struct Found {
    list: Vec<Cand>,
    /// Index in `list` of the person ending at a token (exclusive end).
    by_end: HashMap<usize, usize>,
}

impl Found {
    fn push(&mut self, c: Cand) {
        let clash = self.by_end.insert(c.end, self.list.len());
        debug_assert!(clash.is_none(), "persons are disjoint");
        self.list.push(c);
    }

    /// Index of the person ending at token `end` (exclusive), if any.
    fn ending_at(&self, end: usize) -> Option<usize> {
        self.by_end.get(&end).copied()
    }

    /// Grows person `n` by the token after it.
    fn grow(&mut self, n: usize) {
        let c = &mut self.list[n];
        self.by_end.remove(&c.end);
        c.end += 1;
        self.by_end.insert(c.end, n);
    }
}

fn take(d: &mut Doc, c: Cand, found: &mut Found) {
    if (c.start..c.end).any(|k| d.taken[k]) {
        return;
    }
    d.taken[c.start..c.end].iter_mut().for_each(|x| *x = true);
    d.person[c.start..c.end].iter_mut().for_each(|x| *x = true);
    found.push(c);
}

fn per(start: usize, end: usize) -> Cand {
    Cand { start, end, label: PER, weak: false }
}

/// A word that may be part of a person's name here.
fn name_like(d: &Doc, k: usize) -> bool {
    if !d.is_word(k) || d.taken[k] || d.temporal[k] || d.commodity[k] {
        return false;
    }
    let key = d.key(k);
    if d.lx.is_stop(key) || d.lx.is_verb(key) || d.lx.is_nationality(key) {
        return false;
    }
    if d.any(k, kind::HEAD | kind::HONORIFIC | kind::PLACE_TRIGGER).is_some()
        || d.exact(k, kind::COUNTRY | kind::REGION).is_some()
    {
        return false;
    }
    if d.exact(k, kind::CITY).is_some_and(|h| d.city_is_sure(k, h)) {
        return false;
    }
    if adjective_like(d.lx, key) || plural_noun(d.lx, key) || d.lx.is_possessive(key) {
        return false;
    }
    d.lx.rank(key).is_none_or(|r| r > NAME_RANK)
        || d.lx.is_given(key)
        || d.lx.is_name_second_part(key)
        || has_surname_ending(key)
}

/// A common word plus `ی` (`معدنی`, `امیدواری`): an adjective or abstract
/// noun, not a surname, unless the stem is a given name (`جعفری`, `احمدی`).
fn adjective_like(lx: &Lexicon, key: &str) -> bool {
    let Some(stem) = key.strip_suffix('ی') else { return false };
    let stem = stem.strip_suffix('ی').unwrap_or(stem);
    if lx.is_given(key) {
        return false; // `مهدی`, `علی`
    }
    // `رفسنجانی`, `تهرانی`: surnames from places are common in Persian.
    lx.is_common(stem, 20000) && !lx.is_given(stem) && !has_surname_ending(key) && !lx.is_place_key(stem, kind::CITY)
}

/// A word that can close a name: rare, or with a surname ending.
fn surname_like(d: &Doc, k: usize) -> bool {
    let key = d.key(k);
    name_like(d, k)
        && !d.lx.is_name_second_part(key)
        && (d.lx.rank(key).is_none_or(|r| r > NAME_RANK) || has_surname_ending(key))
}

/// After a given name the surname may be a fairly common word
/// (`خاتمی`, `کروبی`): anything but function words, heads, places and the
/// most frequent words.
fn surname_after_given(d: &Doc, k: usize) -> bool {
    if surname_like(d, k) {
        return true;
    }
    let key = d.key(k);
    d.is_word(k)
        && !d.taken[k]
        && !d.temporal[k]
        && !d.commodity[k]
        && !d.lx.is_stop(key)
        && !d.lx.is_verb(key)
        && !d.lx.is_name_second_part(key)
        && d.any(k, kind::HEAD | kind::HONORIFIC).is_none()
        // (a trigger with a glued ending is a surname: `روستایی`)
        && !d.has(k, kind::PLACE_TRIGGER)
        && d.exact(k, kind::COUNTRY | kind::REGION).is_none()
        && d.lx.rank(key).is_none_or(|r| r > 150)
        && !plural_noun(d.lx, key)
}

/// `سخنان`, `اظهارات`: a frequent word that is a common noun with a plural
/// ending (a rare one such as `بهرامیان` may be a surname).
fn plural_noun(lx: &Lexicon, key: &str) -> bool {
    if key.ends_with("یان") && lx.rank(key).is_none_or(|r| r > 6500) {
        return false; // `پزشکیان`, `بهرامیان`
    }
    (lx.rank(key).is_some() || lx.is_inflected_common(key, INFLECTED_RANK))
        && ["ان", "ات", "ها"].iter().any(|e| key.strip_suffix(e).is_some_and(|stem| lx.is_common(stem, 20000)))
}

/// `آقای X`, `دکتر X Y`: the honorific is left out.
fn after_honorific(d: &Doc, i: usize) -> Option<Cand> {
    let h = d.exact(i, kind::HONORIFIC)?;
    let first = h.last + 1;
    if d.breaks(first) || !d.is_word(first) || d.taken[first] {
        return None;
    }
    let key = d.key(first);
    if d.lx.is_stop(key) || d.lx.is_verb(key) || d.any(first, kind::HEAD | kind::HONORIFIC).is_some() {
        return None;
    }
    // `استاد`, `دکتر` also describe (`استاد حوزه علمیه`): after them the
    // first word must look like a name; after `آقای`, `خانم` any word will do.
    let honorific: String = (i..=h.last).map(|k| d.key(k)).collect();
    if !STRONG_HONORIFICS.contains(&honorific.as_str()) && !name_like(d, first) {
        return None;
    }
    // `دکتر حسن روحانی`: a given name takes the surname after it.
    if let Some(c) = given_and_surname(d, first, true) {
        return Some(c);
    }
    // Otherwise a name word, then more of them.
    if !surname_after_given(d, first) {
        return None;
    }
    // `جوادی آملی`, `بهزاد نبوی`: up to three name words.
    let mut end = first + 1;
    while end < d.len()
        && end - first < MAX_NAME - 1
        && !d.breaks(end)
        && name_like(d, end)
        && (d.lx.rank(d.key(end)).is_none_or(|r| r > 6500) || !d.is_predicate_noun(end))
    {
        end += 1;
    }
    Some(per(first, end))
}

/// A given name from the list, or one of the compound shapes that are
/// given names whatever their parts: `عبد…` (`عبدالناصر`), `…الله`
/// (`نصرالله`), `…الدین` (`صلاح‌الدین`), written as one word.
fn given_shaped(lx: &Lexicon, key: &str) -> bool {
    let letters = key.chars().count();
    lx.is_given(key)
        || (key.starts_with("عبد") && letters >= 6)
        || ((key.ends_with("الله") || key.ends_with("الدین")) && letters >= 6)
}

/// A common given name (or two, or one with `الله`), then a surname.
fn given_and_surname(d: &Doc, i: usize, titled: bool) -> Option<Cand> {
    if !d.is_word(i) || !given_shaped(d.lx, d.key(i)) || !name_like(d, i) {
        return None;
    }
    let mut k = i + 1;
    while k < i + 3
        && !d.breaks(k)
        && (d.lx.is_given(d.key(k)) || d.lx.is_name_second_part(d.key(k)))
        && name_like(d, k)
    {
        k += 1;
    }
    // `کمال تأسف`, `روح حاکم`: an ambiguous given name alone vouches for little.
    let vouched = titled || (i..k).any(|g| !d.lx.is_given_ambiguous(d.key(g)));
    let rare = |k: usize| has_surname_ending(d.key(k)) || d.lx.rank(d.key(k)).is_none_or(|r| r > 10000);
    let surname = if vouched { surname_after_given(d, k) } else { surname_like(d, k) && rare(k) };
    if d.breaks(k) || !surname || d.lx.is_given(d.key(k)) {
        return None;
    }
    // `شکوری راد`, `مرادی کرمانی`, `لطیفی نمین`: a second surname word.
    let e = k + 1;
    let second = e < d.len()
        && !d.breaks(e)
        && e - i < MAX_NAME
        && name_like(d, e)
        && !given_shaped(d.lx, d.key(e))
        && (SURNAME_ENDINGS.contains(&d.key(e))
            || rare(e)
            || d.key(e).strip_suffix('ی').is_some_and(|stem| d.lx.is_place_key(stem, kind::CITY)));
    Some(per(i, if second { e + 1 } else { e }))
}

/// `X، رئیس …` or `X معاون وزیر …`: the words before a role.
fn before_role(d: &Doc, role_start: usize) -> Option<Cand> {
    let mut p = role_start.checked_sub(1)?;
    if d.breaks(role_start) && p + 1 == role_start {
        return None;
    }
    if matches!(d.key(p), "،" | ",") {
        p = p.checked_sub(1)?;
    }
    let last = p;
    let mut first = p + 1;
    loop {
        while first > 0 && last + 1 - (first - 1) <= MAX_NAME && name_like(d, first - 1) && !d.breaks(first) {
            first -= 1;
            if d.breaks(first) {
                break;
            }
        }
        // `فیصل بن فرحان`: an Arabic patronymic joins the names around it.
        let patronymic = first <= last
            && first >= 2
            && matches!(d.key(first - 1), "بن" | "ابن")
            && !d.breaks(first)
            && !d.breaks(first - 1)
            && last + 1 - (first - 2) <= MAX_NAME + 1
            && name_like(d, first - 2);
        if !patronymic {
            break;
        }
        first -= 2;
    }
    if first > last || (first == last && !given_shaped(d.lx, d.key(first))) {
        // `حسن روحانی رئیس جمهور`: a given name and a surname that is also
        // a common word, in apposition right before the role.
        let g = last.checked_sub(1)?;
        let two = !d.breaks(last)
            && !d.taken[g]
            && given_shaped(d.lx, d.key(g))
            && name_like(d, g)
            && !d.lx.is_given(d.key(last))
            && surname_after_given(d, last);
        if two {
            return Some(per(g, last + 1));
        }
        if first > last {
            return None;
        }
    }
    // One word before a role (`تعبیر رئیس‌جمهوری`) is a name only if rare.
    let single_ok =
        last > first || has_surname_ending(d.key(first)) || d.lx.rank(d.key(first)).is_none_or(|r| r > 6500);
    (single_ok && plausible(d, first, last + 1)).then(|| per(first, last + 1))
}

/// A person found from a given name that ends one word before a role: the
/// word between is the second part of the surname. Returns its index in
/// `found`.
fn extends_to_role(d: &Doc, found: &Found, role_start: usize) -> Option<usize> {
    let k = role_start.checked_sub(1)?;
    if d.breaks(role_start) || d.breaks(k) || !surname_after_given(d, k) {
        return None;
    }
    let n = found.ending_at(k)?;
    let c = found.list[n];
    (c.end - c.start < MAX_NAME).then_some(n)
}

/// The token after a role and the ORG/LOC it governs.
fn end_of_complement(cands: &[Cand], starts: &HashMap<usize, usize>, mut at: usize) -> usize {
    while let Some(c) = starts.get(&at).map(|&n| cands[n]).filter(|c| c.label != PER && c.label != ROLE) {
        at = c.end;
    }
    at
}

/// `… رئیس هیأت عامل ایمیدرو، X Y`: the words after a role.
fn after_role(d: &Doc, mut at: usize) -> Option<Cand> {
    if matches!(d.key(at), "،" | ",") {
        at += 1;
    }
    if d.breaks(at) {
        return None;
    }
    let mut end = at;
    while end < d.len() && end - at < MAX_NAME && name_like(d, end) && (end == at || !d.breaks(end)) {
        end += 1;
    }
    if end == at {
        return None;
    }
    let single_ok = end - at > 1 || has_surname_ending(d.key(at)) || d.lx.rank(d.key(at)).is_none();
    (single_ok && plausible(d, at, end)).then(|| per(at, end))
}

/// A run of words is a name when it has a given name or ends in a
/// surname-like word.
fn plausible(d: &Doc, start: usize, end: usize) -> bool {
    (start..end).any(|k| given_shaped(d.lx, d.key(k))) || surname_like(d, end - 1)
}

/// What the words at a token may be a mention of: one look-up per token in
/// [`Mentions`] answers all three questions.
#[derive(Default)]
struct Mention {
    /// A found person's full name (its keys run together) is exactly this.
    full: bool,
    /// Some full name starts with this: a longer run of words may be one.
    prefix: bool,
    /// The label of a one-word mention (a surname, a one-word ORG).
    single: Option<&'static str>,
}

/// The names a document's later mentions are looked up in, by key.
#[derive(Default)]
struct Mentions(HashMap<String, Mention>);

impl Mentions {
    fn add_full(&mut self, name: String) {
        for (b, _) in name.char_indices().skip(1) {
            self.0.entry(name[..b].to_string()).or_default().prefix = true;
        }
        let m = self.0.entry(name).or_default();
        m.prefix = true;
        m.full = true;
    }

    fn add_single(&mut self, word: &str, label: &'static str) {
        self.0.entry(word.to_string()).or_default().single.get_or_insert(label);
    }
}

/// Later (and earlier) mentions of found persons and single-word ORGs.
fn mentions(d: &mut Doc, cands: &mut Vec<Cand>) {
    let mut names = Mentions::default();
    for c in cands.iter() {
        let keys: Vec<&str> = (c.start..c.end).map(|k| d.key(k)).collect();
        if c.label == PER && keys.len() >= 2 {
            names.add_full(keys.concat());
            // `غلامرضا نوری قزلجه` … `نوری قزلجه`: a two-word surname.
            if keys.len() >= 3 && given_shaped(d.lx, keys[0]) {
                names.add_full(keys[1..].concat());
            }
            let last = *keys.last().unwrap_or(&"");
            if d.lx.rank(last).is_none_or(|r| r > NAME_RANK) && !d.lx.is_given(last) {
                names.add_single(last, PER);
            }
        }
        if c.label == ORG
            && keys.len() == 1
            && d.lx.rank(keys[0]).is_none()
            && d.kind(c.start) != Some(TokenKind::Punct)
        {
            names.add_single(keys[0], ORG);
        }
    }
    if names.0.is_empty() {
        return;
    }
    let mut k = 0;
    // One buffer for the words joined at every token, not one per token.
    let mut joined = String::new();
    while k < d.len() {
        if d.taken[k] || !matches!(d.kind(k), Some(TokenKind::Word | TokenKind::Latin)) {
            k += 1;
            continue;
        }
        // The longest full name starting here, in any spacing; the words
        // stop being joined once no full name starts with them.
        joined.clear();
        let mut hit = None;
        let mut single = None;
        for e in k..(k + MAX_NAME).min(d.len()) {
            if d.taken[e] || (e > k && d.breaks(e)) || !matches!(d.kind(e), Some(TokenKind::Word | TokenKind::Latin)) {
                break;
            }
            joined.push_str(d.key(e));
            let Some(m) = names.0.get(&joined) else { break };
            if e == k {
                single = m.single;
            }
            if m.full {
                hit = Some((e + 1, PER));
            }
            if !m.prefix {
                break;
            }
        }
        let hit = hit.or_else(|| single.map(|l| (k + 1, l)));
        match hit {
            Some((end, label)) => {
                d.taken[k..end].iter_mut().for_each(|x| *x = true);
                cands.push(Cand { start: k, end, label, weak: false });
                k = end;
            }
            None => k += 1,
        }
    }
}
