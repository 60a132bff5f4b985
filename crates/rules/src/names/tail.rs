//! Where a name that starts after its head ends ([`Names::tail`]): at the
//! first function word, verb, punctuation, line break, date or (for roles)
//! the first nameable ORG or LOC, over enumerations and `و` where the name
//! goes on.

use super::places::STATE_FORMS;
use super::scan::{Doc, Mode};
use super::words::{company_at, is_ordinal, is_ordinal_adjective, is_superlative, is_year, TIME_ADVERBS};
use super::Names;
use crate::lexicon::kind;
use barchasb_core::TokenKind;

/// Adjectives that say when a person holds an office (`سفیر جدید`): not
/// part of the ROLE (the guidelines leave `جدید` out).
const ROLE_TIME_ADJECTIVES: &[&str] = &["جدید", "سابق", "فعلی", "پیشین", "کنونی", "اسبق", "وقت"];

impl Names {
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
                        && !self.lx.is_plural_noun(d.key(k + 1))
                        && (d.key(k + 2) == "و" && !self.lx.is_plural_noun(d.key(k + 3))
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
            // `مجمع عمومی سازمان ملل قطعنامه ای …`: a noun with the indefinite
            // `ای` written apart is a new phrase.
            if k > start && matches!(d.key(k + 1), "ای" | "یی") && !d.breaks(k + 1) {
                break;
            }
            // `جشنواره … اولین حضورش`, `نیروگاه دماوند بزرگترین …`, `پالایشگاه
            // آبادان روزانه`, `تیم ملی فوتبال کشورمان`, `خبرگزاری آنا بهنقل`: an
            // ordinal or superlative before its noun, an adverb of frequency, a
            // possessed noun or a run-together preposition starts what is said
            // of the name.
            if k > start
                && d.exact(k, kind::LOC).is_none()
                && (is_ordinal_adjective(key)
                    || is_superlative(&self.lx, key)
                    || TIME_ADVERBS.contains(&key)
                    || (!self.lx.is_listed(key) && self.lx.is_possessive(key))
                    || self.lx.is_run_together_preposition(key))
            {
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
            // `سفیر جدید`, `وزیر سابق`: an adjective of time describes the holder.
            if mode == Mode::Role && ROLE_TIME_ADJECTIVES.contains(&key) {
                break;
            }
            // `سرمربی کروات`: a nationality describes the holder, not the office.
            if mode == Mode::Role
                && (loc.is_some() || d.is_rare(k) || self.lx.is_given(key) || self.lx.is_nationality(key))
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
            if loc.is_none() && d.is_predicate_noun(k) {
                break;
            }
            if self.lx.is_given(key) && d.is_rare(k + 1) {
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
        if d.is_predicate_noun(k) {
            return false;
        }
        match mode {
            Mode::Role => d.exact(k, kind::LOC).is_none() && !d.is_rare(k),
            Mode::Org | Mode::Fac => d.exact(k, kind::EVENT_HEAD | kind::FAC_HEAD | kind::AGREEMENT_HEAD).is_none(),
            _ => true,
        }
    }
}
