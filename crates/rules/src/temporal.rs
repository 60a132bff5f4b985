//! DATE, QUANTITY and MONEY by patterns over the normalized tokens.
//!
//! The recognizer walks each line's tokens left to right and, at each token,
//! tries a date first, then an amount; a match is emitted and the walk goes
//! on after it, so its own output never overlaps and never crosses a line.
//!
//! - DATE: `23 تا 25 اکتبر`, `چهارشنبه، ۳۰ مهر`, `بهمن ماه ۱۳۹۲`,
//!   `سال 2016`, `۱۳۹۳/۱۱/۰۷`, `2024-05-01`, `۵ ماهه نخست سال ۹۲`,
//!   `روز سه شنبه`, `دهه ۹۰`; a month alone when its name is unambiguous.
//! - MONEY: an amount with a currency: `9 میلیارد دلار`, `$5`.
//! - QUANTITY: an amount with a unit or counted noun: `2000 عضو`,
//!   `600هزارتن`, `٪۵`, `سه سال`. `N ساله` is an adjective, not a quantity.
//!
//! [`date_value`] gives a full date as ISO `YYYY-MM-DD` (Solar Hijri
//! converted to Gregorian).

mod calendar;
mod lexicon;
mod numbers;

use super::Context;
use barchasb_core::labels;
use barchasb_core::Entity;
use barchasb_core::{tokenize, Token, TokenKind};
use lexicon::{Calendar, Lexicon, Month};
use std::borrow::Cow;

/// The month names that are no other word (`آبان`, `اکتبر`; not `مهر`, `تیر`).
pub(super) fn month_words() -> impl Iterator<Item = &'static str> {
    Lexicon::get().months().filter(|(_, m)| !m.ambiguous).map(|(k, _)| k)
}

/// Adds DATE, QUANTITY and MONEY candidates.
pub fn find(cx: &Context, out: &mut Vec<Entity>) {
    let lx = Lexicon::get();
    for line in cx.tokens.chunk_by(|a, b| !b.line_start || wrapped_amount(lx, cx.text, a, b)) {
        let mut i = 0;
        while i < line.len() {
            let found = date_at(lx, line, i).map(|d| (d.end, labels::DATE)).or_else(|| amount_at(lx, cx.text, line, i));
            match found {
                Some((end, label)) if end > i => {
                    out.push(Entity::new(line[i].range.start..line[end - 1].range.end, label));
                    i = end;
                }
                _ => i += 1,
            }
        }
    }
}

/// Lines of a fixed width this long or longer are wrapped, not ended.
const WRAP_WIDTH: usize = 40;

/// `… روزانه ۷۴⏎میلیون و ۶۱۵ هزار لیتر`: a text wrapped at a fixed width
/// (a single line break after a long line with no punctuation at its end)
/// splits an amount in two. A number, a number word or a scale at the end
/// of such a line goes on into the next one; any other line break ends
/// every date and amount.
fn wrapped_amount(lx: &Lexicon, text: &str, a: &Token, b: &Token) -> bool {
    let numeric = a.kind == TokenKind::Number || lx.number_word(&a.norm).is_some() || lx.scale(&a.norm).is_some();
    if !numeric || b.kind == TokenKind::Punct {
        return false;
    }
    let (Some(gap), Some(before)) = (text.get(a.range.end..b.range.start), text.get(..a.range.end)) else {
        return false;
    };
    let one_break = gap.matches('\n').count() == 1 && gap.trim().is_empty();
    let line = &before[before.rfind('\n').map_or(0, |n| n + 1)..];
    one_break && line.chars().count() >= WRAP_WIDTH
}

/// The ISO date (`YYYY-MM-DD`, Gregorian) of a DATE span's text when it is
/// one full date (day, month and four-digit year); Solar Hijri dates are
/// converted. `None` for ranges, months, years, lunar Hijri dates (their
/// start depends on the sighting of the moon), days that do not exist and
/// dates whose weekday does not match.
///
/// ```
/// use barchasb_rules::date_value;
/// assert_eq!(date_value("۱ فروردین ۱۴۰۳").as_deref(), Some("2024-03-20"));
/// assert_eq!(date_value("۱۳۹۳/۱۱/۰۷").as_deref(), Some("2015-01-27"));
/// assert_eq!(date_value("1 مه 2024").as_deref(), Some("2024-05-01"));
/// assert_eq!(date_value("23 تا 25 اکتبر"), None);
/// ```
pub fn date_value(span_text: &str) -> Option<String> {
    let toks = tokenize(span_text);
    let d = date_at(Lexicon::get(), &toks, 0)?;
    if d.end != toks.len() || d.range {
        return None;
    }
    let (year, (cal, month), day) = (d.year?, d.month?, d.day?);
    let date = match cal {
        Calendar::Solar => calendar::solar_to_gregorian(year, month, day)?,
        Calendar::Gregorian if calendar::valid_gregorian(year, month, day) => calendar::Ymd { year, month, day },
        _ => return None,
    };
    // A weekday that contradicts the date means a typo somewhere: no value.
    if d.weekday.is_some_and(|w| w != date.weekday()) {
        return None;
    }
    Some(date.iso())
}

/// A date found at some token: where it ends and what it says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct DateMatch {
    /// Token index one past the date.
    end: usize,
    day: Option<u32>,
    month: Option<(Calendar, u32)>,
    /// A four-digit year.
    year: Option<i32>,
    /// It spans more than one day (`23 تا 25 اکتبر`).
    range: bool,
    /// ISO weekday named before the date (1 = Monday).
    weekday: Option<u32>,
}

// ---------------------------------------------------------------------------
// token helpers: all take a line's tokens and an index, and are total.

fn norm(t: &[Token], j: usize) -> &str {
    t.get(j).map_or("", |t| t.norm.as_str())
}

fn is_word(t: &[Token], j: usize) -> bool {
    t.get(j).is_some_and(|t| t.kind == TokenKind::Word)
}

/// The value of a token of plain digits.
fn int(t: &[Token], j: usize) -> Option<u32> {
    let tok = t.get(j).filter(|t| t.kind == TokenKind::Number)?;
    if tok.norm.len() > 4 || !tok.norm.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    tok.norm.parse().ok()
}

fn is_range_word(t: &[Token], j: usize) -> bool {
    matches!(norm(t, j), "تا" | "الی" | "-" | "–" | "—")
}

/// Key of tokens `j..j+n` run together, if they are all words. Asked at
/// every token (months, weekdays), so one token's key is borrowed and two
/// are joined into one exact allocation.
fn joined(t: &[Token], j: usize, n: usize) -> Option<Cow<'_, str>> {
    let toks = t.get(j..j + n)?;
    if !toks.iter().all(|t| t.kind == TokenKind::Word) {
        return None;
    }
    if let [one] = toks {
        return Some(Cow::Borrowed(one.norm.as_str()));
    }
    let mut k = String::with_capacity(toks.iter().map(|t| t.norm.len()).sum());
    toks.iter().for_each(|t| k.push_str(&t.norm));
    Some(Cow::Owned(k))
}

/// A day of the month in digits.
fn day_at(t: &[Token], j: usize) -> Option<u32> {
    let tok = t.get(j)?;
    int(t, j).filter(|d| (1..=31).contains(d) && tok.norm.len() <= 2)
}

/// Ordinal day words 1–20 in order: `اول مهر`, `سیزدهم آبان`.
#[rustfmt::skip]
const DAY_ORDINALS: &[&str] = &[
    "اول", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم", "دهم",
    "یازدهم", "دوازدهم", "سیزدهم", "چهاردهم", "پانزدهم", "شانزدهم", "هفدهم", "هجدهم", "نوزدهم", "بیستم",
];

/// A day of the month in digits or as an ordinal word (`بیست و دوم بهمن`);
/// its number and the tokens covered.
fn day_or_ordinal_at(t: &[Token], j: usize) -> Option<(u32, usize)> {
    if let Some(d) = day_at(t, j) {
        return Some((d, 1));
    }
    let ordinal = |k: &str| match k {
        "یکم" => Some(1),
        "سیام" => Some(30),
        _ => DAY_ORDINALS.iter().position(|o| *o == k).map(|p| p as u32 + 1),
    };
    if let Some(d) = ordinal(norm(t, j)) {
        return Some((d, 1));
    }
    let tens = match norm(t, j) {
        "بیست" => 20,
        "سی" => 30,
        _ => return None,
    };
    let unit = ordinal(norm(t, j + 2)).filter(|u| *u < 10 && norm(t, j + 1) == "و")?;
    Some((tens + unit, 3)).filter(|(d, _)| *d <= 31)
}

/// A year in digits and its era words: `۱۴۰۲`, `2016 میلادی`, `۹۲`,
/// `۱۳۹۲ هجری شمسی`. Returns the four-digit year (if it is one) and the
/// tokens covered.
fn year_at(t: &[Token], j: usize) -> Option<(Option<i32>, usize)> {
    let tok = t.get(j)?;
    let y = int(t, j)?;
    let four = match tok.norm.len() {
        4 if (1000..=2200).contains(&y) => Some(y as i32),
        2 if y >= 10 => None,
        _ => return None,
    };
    let mut n = 1;
    while n < 3 && lexicon::ERAS.contains(&norm(t, j + n)) {
        n += 1;
    }
    Some((four, n))
}

/// A month name, possibly two tokens (`ربیع الاول`), possibly with ماه
/// glued (`دی‌ماه`) or after it (`بهمن ماه`). Returns the month, the tokens
/// covered and whether ماه was there.
fn month_at(lx: &Lexicon, t: &[Token], j: usize) -> Option<(Month, usize, bool)> {
    let (m, mut n, mut mah) = (1..=2).rev().find_map(|n| {
        // Asked at every token: join two words only if they may be a month.
        if n == 2 && !lx.may_start_month(norm(t, j)) {
            return None;
        }
        let k = joined(t, j, n)?;
        if let Some(m) = lx.month(&k) {
            return Some((m, n, false));
        }
        let stem = k.strip_suffix("ماه")?;
        lx.month(stem).map(|m| (m, n, true))
    })?;
    if !mah && norm(t, j + n) == "ماه" {
        n += 1;
        mah = true;
    }
    Some((m, n, mah))
}

/// A weekday, one token or two (`سه شنبه`, `پنج‌شنبه`): its ISO number and
/// the tokens covered.
fn weekday_at(lx: &Lexicon, t: &[Token], j: usize) -> Option<(u32, usize)> {
    // Asked at every token: join two words only if they may be a weekday.
    let two = lx.may_start_weekday(norm(t, j));
    (1..=2).rev().filter(|&n| n == 1 || two).find_map(|n| lx.weekday(&joined(t, j, n)?).map(|w| (w, n)))
}

// ---------------------------------------------------------------------------
// dates

/// The date starting at token `i`: an edge of a month before it
/// (`اواخر خرداد`), its anchor after it (`اسفندماه امسال`), and a second
/// such date closing a range (`ابتدای فروردین تا پایان آبان ماه`).
fn date_at(lx: &Lexicon, t: &[Token], i: usize) -> Option<DateMatch> {
    if let Some(d) = months_ending(lx, t, i) {
        return Some(d);
    }
    let edged = || is_month_edge(norm(t, i)).then(|| day_date_at(lx, t, i + 1)).flatten().filter(|d| d.month.is_some());
    let mut d = anchored(t, edged().or_else(|| day_date_at(lx, t, i))?);
    if d.month.is_some() && !d.range && is_range_word(t, d.end) {
        let k = d.end + 1;
        let edge = usize::from(is_month_edge(norm(t, k)));
        if let Some(second) = month_year(lx, t, k + edge).or_else(|| day_month(lx, t, k + edge)) {
            d = anchored(t, DateMatch { end: second.end, range: true, year: second.year, ..d });
        }
    }
    Some(d)
}

/// `دوازده ماه منتهی به آبان ماه ۱۳۹۱`, `۶ ماهه منتهی به شهریور`: a
/// period the calendar closes, one DATE (the count alone is a duration).
fn months_ending(lx: &Lexicon, t: &[Token], i: usize) -> Option<DateMatch> {
    // asked at every token: a glance for «منتهی» before the number look-up
    if !t.iter().skip(i + 2).take(6).any(|x| x.norm == "منتهی") {
        return None;
    }
    let p = numbers::phrase(lx, &t[i..]).filter(|p| !p.scaled)?;
    let k = i + p.len;
    if !(matches!(norm(t, k), "ماه" | "ماهه") && norm(t, k + 1) == "منتهی" && norm(t, k + 2) == "به") {
        return None;
    }
    let d = day_date_at(lx, t, k + 3).filter(|d| d.month.is_some())?;
    Some(DateMatch { range: true, ..d })
}

/// Words that put a date at an edge of a month: they belong to it.
fn is_month_edge(key: &str) -> bool {
    matches!(
        key,
        "ابتدای"
            | "اوایل"
            | "اوائل"
            | "اواسط"
            | "اواخر"
            | "اوخر"
            | "پایان"
            | "آغاز"
            | "انتهای"
            | "نیمه"
    )
}

/// A month without its year takes the word that ties it to one:
/// `اسفندماه امسال`, `خردادماه آینده`, `آبان سال گذشته`, `اسفندماه این سال`.
fn anchored(t: &[Token], d: DateMatch) -> DateMatch {
    if d.month.is_none() || d.year.is_some() {
        return d;
    }
    DateMatch { end: d.end + anchor_len(t, d.end), ..d }
}

/// The tokens at `j` that tie a month or season to a year (0 if none).
fn anchor_len(t: &[Token], j: usize) -> usize {
    let relative = |j: usize| matches!(norm(t, j), "جاری" | "گذشته" | "آینده" | "قبل");
    match norm(t, j) {
        "امسال" | "پارسال" => 1,
        w if relative(j) && w != "قبل" => 1,
        "سال" if relative(j + 1) => 2,
        "این" if norm(t, j + 1) == "سال" => 2,
        _ => 0,
    }
}

/// The date at token `i`, with a weekday or calendar word before it.
fn day_date_at(lx: &Lexicon, t: &[Token], i: usize) -> Option<DateMatch> {
    let roz = matches!(norm(t, i), "روز" | "روزهای");
    let w = i + usize::from(roz);
    if let Some((weekday, n)) = weekday_at(lx, t, w) {
        let k = w + n;
        // «یکشنبه، ۲۹ مرداد», «روز یکشنبه به تاریخ 1402/5/29»
        let after = match (norm(t, k), norm(t, k + 1)) {
            ("،" | ",", _) => k + 1,
            ("به", "تاریخ") => k + 2,
            _ => k,
        };
        if let Some(d) = date_core(lx, t, after).filter(|d| after == k || after == k + 1 || d.day.is_some()) {
            return Some(DateMatch { weekday: Some(weekday), ..d });
        }
        // A weekday alone; جمعه alone is too often the Friday prayer.
        return (roz || weekday != 5).then_some(DateMatch { end: k, ..Default::default() });
    }
    if roz {
        if let Some(d) = date_core(lx, t, i + 1).filter(|d| d.day.is_some()) {
            return Some(d);
        }
    }
    date_core(lx, t, i)
}

fn date_core(lx: &Lexicon, t: &[Token], i: usize) -> Option<DateMatch> {
    numeric_date(t, i)
        .or_else(|| day_month(lx, t, i))
        .or_else(|| month_year(lx, t, i))
        .or_else(|| year_with_word(t, i))
        .or_else(|| season_year(lx, t, i))
        .or_else(|| era_with_word(t, i))
        .or_else(|| part_of_year(lx, t, i))
        .or_else(|| bare_year(lx, t, i))
}

/// `۱۳۹۳/۱۱/۰۷`, `2024/05/01`, `2024-05-01`: year first (or, with the year
/// last, day first: `07/11/1393` has no value as the order is unsure).
fn numeric_date(t: &[Token], i: usize) -> Option<DateMatch> {
    let tok = t.get(i).filter(|t| t.kind == TokenKind::Number)?;
    let (parts, end): (Vec<&str>, usize) = if tok.norm.matches('/').count() == 2 {
        (tok.norm.split('/').collect(), i + 1)
    } else {
        // 2024-05-01: five tokens with nothing between them.
        let toks = t.get(i..i + 5)?;
        let tight = toks.windows(2).all(|w| w[0].range.end == w[1].range.start);
        if !tight || toks[1].norm != "-" || toks[3].norm != "-" {
            return None;
        }
        (vec![&toks[0].norm, &toks[2].norm, &toks[4].norm], i + 5)
    };
    if !parts.iter().all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let num = |s: &str| s.parse::<u32>().ok();
    let (y, m, d) = match (parts[0].len(), parts[2].len()) {
        (4, 1..=2) | (2, 1..=2) => (parts[0], num(parts[1])?, num(parts[2])?),
        (1..=2, 4) => (parts[2], num(parts[1])?, num(parts[0])?),
        _ => return None,
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || parts[1].len() > 2 {
        return None;
    }
    let year_first = parts[0].len() == 4;
    let year = y.parse::<i32>().ok().filter(|_| year_first);
    let cal = match year? {
        1200..=1500 => Calendar::Solar,
        1800..=2200 => Calendar::Gregorian,
        _ => return None,
    };
    Some(DateMatch { end, day: Some(d), month: Some((cal, m)), year, ..Default::default() })
}

/// `۳۰ مهر`, `1 مه 2024`, `23 تا 25 اکتبر`, `۲۳ و ۲۴ اکتبر`, `۱۵ مهر تا ۲۰ آبان ۱۴۰۳`.
fn day_month(lx: &Lexicon, t: &[Token], i: usize) -> Option<DateMatch> {
    let (day, n) = day_or_ordinal_at(t, i)?;
    let mut k = i + n;
    let mut range = false;
    // More days: «۲۳ تا ۲۵ اکتبر», «۲۳ و ۲۴ اکتبر».
    while is_range_word(t, k) || norm(t, k) == "و" {
        let Some((_, n2)) = day_or_ordinal_at(t, k + 1) else { break };
        k += 1 + n2;
        range = true;
    }
    let (m, n, _) = month_at(lx, t, k)?;
    // می is also the verb prefix written apart: «۵ می شود».
    if m.ambiguous && n == 1 && norm(t, k) == "می" && is_word(t, k + 1) {
        return None;
    }
    k += n;
    let mut d = DateMatch { end: k, day: Some(day), month: Some((m.calendar, m.number)), range, ..Default::default() };
    if let Some((year, n)) = year_after(lx, t, k) {
        d.end = k + n;
        d.year = year;
    }
    // A second date closes a range: «۱۵ مهر تا ۲۰ آبان ۱۴۰۳».
    if is_range_word(t, d.end) {
        if let Some(second) = day_month(lx, t, d.end + 1) {
            return Some(DateMatch { end: second.end, range: true, year: second.year, ..d });
        }
    }
    Some(d)
}

/// A year right after a month, with or without سال between. A two-digit
/// year (`بهمن ۹۲`) not before a noun it could count: «۲۳ مهر ۱۰ نفر» has no year.
fn year_after(lx: &Lexicon, t: &[Token], k: usize) -> Option<(Option<i32>, usize)> {
    if norm(t, k) == "سال" {
        return year_at(t, k + 1).map(|(y, n)| (y, n + 1));
    }
    year_at(t, k).filter(|&(y, n)| y.is_some() || n > 1 || !counted_noun(lx, "", t, k + 1))
}

/// `اردیبهشت ۱۴۰۳`, `بهمن ماه ۱۳۹۲`, `ماه رمضان`, `فروردین تا خرداد`, or an
/// unambiguous month alone (`آبان`).
fn month_year(lx: &Lexicon, t: &[Token], i: usize) -> Option<DateMatch> {
    let mah_before = norm(t, i) == "ماه";
    let k = i + usize::from(mah_before);
    let (m, n, mah) = month_at(lx, t, k)?;
    let mut end = k + n;
    let mut range = false;
    if is_range_word(t, end) {
        if let Some((_, n2, _)) = month_at(lx, t, end + 1) {
            end += 1 + n2;
            range = true;
        }
    }
    let mut d = DateMatch { end, month: Some((m.calendar, m.number)), range, ..Default::default() };
    if let Some((year, n)) = year_after(lx, t, end) {
        d.end = end + n;
        d.year = year;
        // A second month and year closes a range: «اسفند ۹۸ تا خرداد ۹۹».
        if is_range_word(t, d.end) {
            if let Some(second) = month_year(lx, t, d.end + 1).filter(|s| s.year.is_some() || s.end > d.end + 2) {
                return Some(DateMatch { end: second.end, range: true, ..d });
            }
        }
        return Some(d);
    }
    // `مهر و آبان ماه ۱۴۰۲`: an ambiguous month joined to a sure one.
    let joined_to_month = || norm(t, end) == "و" && month_year(lx, t, end + 1).is_some();
    (!m.ambiguous || mah || mah_before || joined_to_month()).then_some(d)
}

/// A season tied to the calendar: with its year (`پاییز ۱۴۰۲`, `بهار سال
/// ۹۸`, `زمستان 2024`), with the word that ties it to one (`بهار امسال`,
/// `پاییز سال آینده`), or alone after در, از, تا (`در پائیز`).
fn season_year(lx: &Lexicon, t: &[Token], i: usize) -> Option<DateMatch> {
    if !matches!(norm(t, i), "بهار" | "تابستان" | "پاییز" | "پائیز" | "زمستان") {
        return None;
    }
    if let Some((year, n)) = year_after(lx, t, i + 1) {
        return Some(DateMatch { end: i + 1 + n, year, ..Default::default() });
    }
    let tied = anchor_len(t, i + 1);
    let alone = i > 0 && matches!(norm(t, i - 1), "در" | "از" | "تا" | "طی");
    (tied > 0 || alone).then_some(DateMatch { end: i + 1 + tied, ..Default::default() })
}

/// `سال 2016`, `سال ۹۲`, `سال‌های ۱۳۹۰ تا ۱۳۹۵`.
fn year_with_word(t: &[Token], i: usize) -> Option<DateMatch> {
    if !matches!(norm(t, i), "سال" | "سالهای" | "سالها") {
        return None;
    }
    // «سه سال ۱۰ ماه» is a duration, not «سال ۱۰».
    if i > 0 && (t[i - 1].kind == TokenKind::Number || Lexicon::get().number_word(norm(t, i - 1)).is_some()) {
        return None;
    }
    // `سال مالی ۱۴۰۲`, `سال زراعی ۱۴۰۲`: a kind of year before the number.
    let kind = usize::from(matches!(norm(t, i + 1), "مالی" | "زراعی" | "تحصیلی" | "آبی"));
    let (year, n) = year_at(t, i + 1 + kind)?;
    let mut d = DateMatch { end: i + 1 + kind + n, year, ..Default::default() };
    if is_range_word(t, d.end) {
        if let Some((_, n2)) = year_at(t, d.end + 1) {
            d.end += 1 + n2;
            d.range = true;
        }
    }
    Some(d)
}

/// `دهه ۹۰`, `دهه ۱۳۶۰`, `قرن ۲۱`, `سده ۱۴`.
fn era_with_word(t: &[Token], i: usize) -> Option<DateMatch> {
    let v = int(t, i + 1)?;
    let len = norm(t, i + 1).len();
    let ok = match norm(t, i) {
        "دهه" => v % 10 == 0 && (len == 2 || (len == 4 && (1200..=2100).contains(&v))),
        "قرن" | "سده" => (1..=21).contains(&v) && len <= 2,
        _ => false,
    };
    ok.then_some(DateMatch { end: i + 2, ..Default::default() })
}

/// Parts of a year tied to the calendar: `۵ ماهه نخست سال ۹۲`,
/// `نیمه اول سال`, `سه‌ماهه دوم ۱۴۰۲`.
fn part_of_year(lx: &Lexicon, t: &[Token], i: usize) -> Option<DateMatch> {
    const ORDINALS: &[&str] = &["اول", "نخست", "دوم", "سوم", "چهارم", "پایانی", "آخر", "ابتدایی"];
    let half = norm(t, i) == "نیمه";
    let k = if half || norm(t, i) == "سهماهه" {
        i + 1
    } else {
        let p = numbers::phrase(lx, &t[i..]).filter(|p| !p.scaled)?;
        if !matches!(norm(t, i + p.len), "ماهه" | "ماه") {
            return None;
        }
        i + p.len + 1
    };
    let ordinal = ORDINALS.contains(&norm(t, k));
    let mut d = DateMatch { end: k + usize::from(ordinal), ..Default::default() };
    // What ties it to the calendar: a year, سال, امسال or (after نیمه) a month.
    if norm(t, d.end) == "امسال" {
        d.end += 1;
    } else if norm(t, d.end) == "سال" {
        d.end += 1;
        if let Some((year, n)) = year_at(t, d.end) {
            d.year = year;
            d.end += n;
        } else if matches!(norm(t, d.end), "جاری" | "گذشته" | "آینده" | "قبل") {
            d.end += 1;
        }
    } else if let Some((year, n)) = year_at(t, d.end) {
        d.year = year;
        d.end += n;
    } else if half {
        // «نیمه اول» alone is as often a match's half as a year's.
        let (_, n, _) = month_at(lx, t, d.end)?;
        d.end += n;
    } else if !ordinal {
        // «۶ ماه» alone is a duration.
        return None;
    }
    (ordinal || !half).then_some(d)
}

/// A four-digit year alone after در, از, تا, طی: `در 2025`, `از ۱۳۹۰ تا ۱۳۹۵`;
/// not when a content word follows: `در 2025 برگزار` (a year) and
/// `در 2000 شرکت` (a count) look alike, so [`amount_at`] skips such numbers too.
fn bare_year(lx: &Lexicon, t: &[Token], i: usize) -> Option<DateMatch> {
    if i == 0 || !matches!(norm(t, i - 1), "در" | "از" | "تا" | "طی") {
        return None;
    }
    let (Some(year), n) = year_at(t, i)? else { return None };
    if !is_year_like(year) {
        return None;
    }
    if n == 1 && is_word(t, i + 1) && counted_noun(lx, "", t, i + 1) {
        return None;
    }
    let mut d = DateMatch { end: i + n, year: Some(year), ..Default::default() };
    if is_range_word(t, d.end) {
        if let Some((Some(_), n2)) = year_at(t, d.end + 1) {
            d.end += 1 + n2;
            d.range = true;
        }
    }
    Some(d)
}

/// Four-digit numbers that are more often years than counts.
fn is_year_like(y: i32) -> bool {
    matches!(y, 1300..=1450 | 1950..=2060)
}

// ---------------------------------------------------------------------------
// amounts

/// Words before a number that make it a label, not a count of the next noun:
/// `ماده 5 قانون`, `فاز 2 پروژه`, `ساعت ۱۰ صبح`. A unit, currency or percent
/// still makes an amount (`این بخش ۱ درصد`).
#[rustfmt::skip]
const LABEL_NOUNS: &[&str] = &[
    "ساعت", "ماده", "بند", "تبصره", "اصل", "شماره", "فاز", "مرحله", "ردیف", "صفحه", "کد", "پلاک",
    "نسخه", "بخش", "قسمت", "فصل", "جلسه", "دوره", "منطقه", "گروه", "سطح", "درجه", "رتبه", "بلوک",
    "خط", "پایه", "کلاس", "قطعنامه", "مصوبه", "بخشنامه", "پرونده", "شعبه", "پرواز", "مدل", "نسل", "ناحیه",
    "کانال", "شناسه",
    // `دقیقه ۸۱` of a match, `کیلومتر ۴۷` of a road: a point, not an amount
    "دقیقه", "کیلومتر", "جایگاه",
];

/// Scale words of amounts written in English: `USD 5 million`, `$2bn`.
const LATIN_SCALES: &[&str] = &["thousand", "million", "billion", "trillion", "mn", "bn"];

/// An ISO 4217 code in Latin letters (`USD`, `eur`).
fn is_code(lx: &Lexicon, t: &[Token], j: usize) -> bool {
    t.get(j).is_some_and(|t| t.kind == TokenKind::Latin && lx.is_currency_code(&t.norm))
}

const MONEY_SYMBOLS: &[&str] = &["$", "€", "£", "¥", "₽", "﷼"];

/// Counters that classify a noun after them (`سه دستگاه خودرو`), keyed.
const CLASSIFIERS: &[&str] = &["دستگاه", "عدد", "فقره", "قلم", "راس", "رأس", "قطعه", "فروند"];
const PERCENT: &[&str] = &["%", "٪"];

/// A MONEY or QUANTITY at token `i`: where it ends and its label. Numbers
/// that share one written unit are one span (`۱۵، ۱۱ و ۱۱ میلیون لیتر`,
/// `49 و 29 درصد`); a counted noun takes what completes it (`یک ساعت و
/// نیم`, `3 مدال طلا`).
fn amount_at(lx: &Lexicon, text: &str, t: &[Token], i: usize) -> Option<(usize, &'static str)> {
    if let Some(last) = shared_unit_list(t, i) {
        // a unit or currency written (a counted noun may count the last alone: «۲ و ۳ نفر»)
        let e = last + numbers::phrase(lx, &t[last..]).map_or(1, |p| p.len);
        let unit = PERCENT.contains(&norm(t, e))
            || name_at(t, e, lx.max_words, |k| lx.unit(k).is_some() || lx.is_currency(k)).is_some();
        if let Some(found) = amount_at(lx, text, t, last).filter(|_| unit) {
            return Some(found);
        }
    }
    let (end, label) = amount_core(lx, text, t, i)?;
    if label != labels::QUANTITY {
        return Some((end, label));
    }
    let completed = match (norm(t, end - 1), norm(t, end), norm(t, end + 1)) {
        (_, "و", "نیم") => 2,
        ("مدال" | "مدالهای", "طلا" | "نقره" | "برنز", _) => 1,
        _ => 0,
    };
    Some((end + completed, label))
}

/// The start of the last number of a list of bare numbers at `i` joined by
/// `،` or `و` (`۱۵، ۱۱و ۱۱`), if there is such a list.
fn shared_unit_list(t: &[Token], i: usize) -> Option<usize> {
    let bare = |j: usize| t.get(j).is_some_and(numbers::is_amount) && !t.get(j + 1).is_some_and(numbers::is_amount);
    if !bare(i) {
        return None;
    }
    let mut last = i;
    while matches!(norm(t, last + 1), "،" | "," | "و") && bare(last + 2) {
        last += 2;
    }
    (last > i).then_some(last)
}

fn amount_core(lx: &Lexicon, text: &str, t: &[Token], i: usize) -> Option<(usize, &'static str)> {
    // `$5`, `USD 5 million`
    let symbol = MONEY_SYMBOLS.contains(&norm(t, i)) || is_code(lx, t, i);
    let percent = PERCENT.contains(&norm(t, i));
    let k = i + usize::from(symbol || percent);
    let p = numbers::phrase(lx, t.get(k..)?)?;
    let mut e = k + p.len;
    // `در 2025 برگزار` or `در 2000 شرکت`: a year or a count; neither is sure.
    let after_preposition = k > 0 && matches!(norm(t, k - 1), "در" | "از" | "تا" | "طی");
    let year_like = p.len == 1 && t[k].norm.len() == 4 && int(t, k).is_some_and(|y| is_year_like(y as i32));
    let unsure_year = after_preposition && year_like;
    // `بند ۵`, `کد خبر: ۲۴۲۶۱۵`: a number that is a label's value counts
    // nothing (`گفت: ۳ تصادف` does).
    let label_before = |j: usize| j < i && LABEL_NOUNS.contains(&norm(t, j));
    let labelled = i > 0
        && (label_before(i - 1)
            || matches!(norm(t, i - 1), ":" | "：")
                && (i >= 2 && label_before(i - 2) || i >= 3 && label_before(i - 3)));
    if is_range_word(t, e) {
        if let Some(p2) = t.get(e + 1..).and_then(|rest| numbers::phrase(lx, rest)) {
            e += 1 + p2.len;
        }
    }
    while LATIN_SCALES.contains(&norm(t, e)) {
        e += 1;
    }
    if symbol {
        return Some((e, labels::MONEY));
    }
    if percent || PERCENT.contains(&norm(t, e)) {
        return Some((e + usize::from(!percent), labels::QUANTITY));
    }
    if let Some(n) = name_at(t, e, lx.max_words, |k| lx.is_currency(k)) {
        return Some((e + n, labels::MONEY));
    }
    if is_code(lx, t, e) {
        return Some((e + 1, labels::MONEY));
    }
    if !is_word(t, e) {
        // `$` after the amount: `5$`
        return MONEY_SYMBOLS.contains(&norm(t, e)).then_some((e + 1, labels::MONEY));
    }
    let w = norm(t, e);
    // Glued on: `دلاری` (the grammar glued to the currency is in the span),
    // `هزارتن`, `هزارتومان` (a scale run into its unit).
    if w.strip_suffix('ی').is_some_and(|c| lx.is_currency(c)) {
        return Some((e + 1, labels::MONEY));
    }
    if let Some(rest) = lexicon::SCALES.iter().find_map(|(s, _)| w.strip_prefix(s)).filter(|r| !r.is_empty()) {
        if lx.is_currency(rest) {
            return Some((e + 1, labels::MONEY));
        }
        if lx.unit(rest).is_some() || (!p.is_small_word() && noun_key_ok(lx, rest)) {
            return Some((e + 1, labels::QUANTITY));
        }
    }
    if let Some(n) = name_at(t, e, lx.max_words, |k| lx.unit(k).is_some()) {
        // `یک دستگاه اتوبوس`: `یک` and a classifier before a noun is the
        // indefinite article (news-dev's NOTES: `یک ضربه پنالتی`), no count.
        let classifier = n == 1 && CLASSIFIERS.contains(&norm(t, e));
        if classifier && p.is_small_word() && norm(t, k) == "یک" && counted_noun(lx, text, t, e + 1) {
            return None;
        }
        return Some((e + n, labels::QUANTITY));
    }
    if w == "درصدی" {
        return Some((e + 1, labels::QUANTITY));
    }
    // `4تا ایستگاه`, `30 تا کلانشهر`: تا as the classifier (not after از, where it is «to»)
    let classifier = usize::from(w == "تا" && p.digits && !(k > 0 && norm(t, k - 1) == "از"));
    // `یک مدال طلا`: a medal table counts from one
    let medal = w == "مدال" && matches!(norm(t, e + 1), "طلا" | "نقره" | "برنز");
    ((!p.is_small_word() || medal) && !unsure_year && !labelled && counted_noun(lx, text, t, e + classifier))
        .then_some((e + classifier + 1, labels::QUANTITY))
}

/// The longest name (of at most `max` tokens) at `j` that `known` accepts.
/// Words and symbols only.
fn name_at(t: &[Token], j: usize, max: usize, known: impl Fn(&str) -> bool) -> Option<usize> {
    (1..=max).rev().find(|&n| {
        t.get(j..j + n).is_some_and(|toks| {
            toks.iter().all(|t| t.kind != TokenKind::Number)
                && (n == 1 || toks.iter().all(|t| t.kind == TokenKind::Word))
                && known(&toks.iter().map(|t| t.norm.as_str()).collect::<String>())
        })
    })
}

/// Whether the word at `j` can be the noun a number counts (`2000 عضو`):
/// any word but function words, verbs, month and number words, and the
/// adjectives `ساله`, `ماهه`. `text` is the original the tokens index; the
/// date rules pass "" and so do not see the ZWNJ of a `می‌` verb.
fn counted_noun(lx: &Lexicon, text: &str, t: &[Token], j: usize) -> bool {
    let Some(tok) = t.get(j).filter(|t| t.kind == TokenKind::Word) else { return false };
    // A verb with its prefix joined by ZWNJ: می‌رسد, نمی‌شود.
    let orig = text.get(tok.range.as_range()).unwrap_or("");
    if ["می\u{200c}", "نمی\u{200c}", "مي\u{200c}", "نمي\u{200c}"].iter().any(|p| orig.starts_with(p)) {
        return false;
    }
    noun_key_ok(lx, &tok.norm) && lx.weekday(&tok.norm).is_none()
}

fn noun_key_ok(lx: &Lexicon, k: &str) -> bool {
    k.chars().count() > 1
        && !lx.is_function_word(k)
        && !lx.is_number_adjective(k)
        && lx.number_word(k).is_none()
        && lx.scale(k).is_none()
        && lx.month(k).is_none()
        && !lx.starts_country(k)
        && !lx.is_given_name(k)
        && !k.starts_with("نمی")
}

#[cfg(test)]
mod tests;
