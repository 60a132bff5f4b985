//! Exact spans of the temporal recognizer: each test slices the original
//! text at the entities' ranges and compares strings.

use super::*;
use crate::Context;
use proptest::prelude::*;

/// (label, covered text) of every entity `find` emits for `text`.
fn found(text: &str) -> Vec<(&'static str, &str)> {
    let tokens = tokenize(text);
    let mut out = Vec::new();
    find(&Context { text, tokens: &tokens }, &mut out);
    out.iter().map(|e| (e.label, &text[e.range.as_range()])).collect()
}

fn dates(text: &str) -> Vec<&str> {
    found(text).into_iter().filter(|e| e.0 == labels::DATE).map(|e| e.1).collect()
}

const D: &str = labels::DATE;
const Q: &str = labels::QUANTITY;
const M: &str = labels::MONEY;

#[test]
fn seed_dates_and_quantities() {
    assert_eq!(
        found("کنفرانس معدنکاری چین 2025، از 23 تا 25 اکتبر (معادل 1 تا 3 آبان) برگزار شد."),
        [(D, "23 تا 25 اکتبر"), (D, "1 تا 3 آبان")]
    );
    assert_eq!(found("این انجمن با داشتن 2000 عضو فعال، نقشی اساسی"), [(Q, "2000 عضو")]);
    assert_eq!(found("تفاهم نامه های قبلی(سال 2016) دارد"), [(D, "سال 2016")]);
    // `N ساله` is an adjective inside the programme's name.
    assert_eq!(found("در چارچوب برنامه جامع 25 ساله تأکید کردند"), []);
    // Small number words before a noun are not quantities.
    assert_eq!(found("دو طرف بر یک نکته کلیدی و دو کشور تأکید کردند"), []);
}

#[test]
fn day_month_year_in_three_digit_scripts() {
    assert_eq!(dates("در ۲۳ تا ۲۵ اکتبر"), ["۲۳ تا ۲۵ اکتبر"]);
    assert_eq!(dates("در ٢٣ تا ٢٥ اكتبر"), ["٢٣ تا ٢٥ اكتبر"]); // Arabic-Indic digits, Arabic kaf
    assert_eq!(dates("از 1 - 3 آبان"), ["1 - 3 آبان"]);
    assert_eq!(dates("روز ۱ مه 2024 امضا شد"), ["روز ۱ مه 2024"]);
    assert_eq!(dates("۱۵ مهر تا ۲۰ آبان ۱۴۰۳"), ["۱۵ مهر تا ۲۰ آبان ۱۴۰۳"]);
    assert_eq!(dates("روزهای ۲۳ و ۲۴ اکتبر"), ["روزهای ۲۳ و ۲۴ اکتبر"]);
    // not days: two numbers sharing a unit, one QUANTITY (news-dev's convention 9)
    assert_eq!(found("۲ و ۳ نفر"), [(Q, "۲ و ۳ نفر")]);
    assert_eq!(dates("در ۱۲ ربیع‌الاول ۱۴۴۶ و ۱۰ ذی الحجه"), ["۱۲ ربیع‌الاول ۱۴۴۶", "۱۰ ذی الحجه"]);
    assert_eq!(dates("۱۵ خرداد سال ۱۴۰۲"), ["۱۵ خرداد سال ۱۴۰۲"]);
    assert_eq!(dates("۲۰ دی‌ماه ۱۴۰۱"), ["۲۰ دی‌ماه ۱۴۰۱"]);
}

#[test]
fn weekdays_belong_to_the_date() {
    assert_eq!(dates("چهارشنبه، ۳۰ مهر"), ["چهارشنبه، ۳۰ مهر"]);
    assert_eq!(dates("روز سه شنبه برگزار شد"), ["روز سه شنبه"]);
    assert_eq!(dates("روز سه‌شنبه ۱۲ تیر ۱۴۰۲"), ["روز سه‌شنبه ۱۲ تیر ۱۴۰۲"]);
    assert_eq!(dates("پنجشنبه گذشته"), ["پنجشنبه"]);
    // «سه شنبه» is not the quantity «three Saturdays».
    assert!(found("سه شنبه").iter().all(|e| e.0 == D));
    // Friday alone is mostly the Friday prayer.
    assert_eq!(dates("نماز جمعه"), Vec::<&str>::new());
}

#[test]
fn months_and_years() {
    assert_eq!(dates("بهمن ماه ۱۳۹۲"), ["بهمن ماه ۱۳۹۲"]);
    assert_eq!(dates("از اسفند ۹۸ تا خرداد ۹۹."), ["اسفند ۹۸ تا خرداد ۹۹"]);
    assert_eq!(found("۲۳ مهر ۱۰ نفر"), [(D, "۲۳ مهر"), (Q, "۱۰ نفر")]);
    assert_eq!(dates("در اردیبهشت ۱۴۰۳ و خرداد"), ["اردیبهشت ۱۴۰۳", "خرداد"]);
    assert_eq!(dates("فروردین و اردیبهشت"), ["فروردین", "اردیبهشت"]);
    assert_eq!(dates("سال 2016"), ["سال 2016"]);
    assert_eq!(dates("در سال ۱۴۰۲ شمسی"), ["سال ۱۴۰۲ شمسی"]);
    assert_eq!(dates("سال‌های ۱۳۹۰ تا ۱۳۹۵"), ["سال‌های ۱۳۹۰ تا ۱۳۹۵"]);
    assert_eq!(dates("ماه رمضان"), ["ماه رمضان"]);
    assert_eq!(dates("در دهه ۹۰ و قرن ۲۱"), ["دهه ۹۰", "قرن ۲۱"]);
    assert_eq!(dates("در 2025، نمایشگاه"), ["2025"]);
    assert_eq!(dates("از ۱۳۹۰ تا ۱۳۹۵ شمسی."), ["۱۳۹۰ تا ۱۳۹۵ شمسی"]);
    // Ambiguous month names alone are words: مهر 'seal', تیر 'arrow', the verb prefix می.
    assert_eq!(dates("با مهر و امضا، تیر خلاص، می توان"), Vec::<&str>::new());
    assert_eq!(dates("۵ می شود"), Vec::<&str>::new());
}

#[test]
fn numeric_dates() {
    assert_eq!(dates("تاریخ ۱۳۹۳/۱۱/۰۷ ثبت"), ["۱۳۹۳/۱۱/۰۷"]);
    assert_eq!(dates("on 2024-05-01."), ["2024-05-01"]);
    assert_eq!(dates("۲۰۲۴/۰۵/۰۱"), ["۲۰۲۴/۰۵/۰۱"]);
    assert_eq!(dates("۱۳۹۳/۱۳/۰۷ و 2024 - 05 - 01"), Vec::<&str>::new());
}

#[test]
fn parts_of_the_year() {
    assert_eq!(dates("در ۵ ماهه نخست سال ۹۲ رسید"), ["۵ ماهه نخست سال ۹۲"]);
    assert_eq!(dates("در نیمه اول سال افزایش"), ["نیمه اول سال"]);
    assert_eq!(dates("نیمه اول بازی"), Vec::<&str>::new());
    assert_eq!(dates("شش ماهه دوم امسال"), ["شش ماهه دوم امسال"]);
}

#[test]
fn ordinal_days_and_year_like_numbers() {
    assert_eq!(dates("اول مهر مدارس باز می شوند"), ["اول مهر"]);
    assert_eq!(dates("بیست و دوم بهمن ۱۳۵۷"), ["بیست و دوم بهمن ۱۳۵۷"]);
    assert_eq!(date_value("بیست و دوم بهمن ۱۳۵۷").as_deref(), Some("1979-02-11"));
    assert_eq!(dates("سیزدهم آبان"), ["سیزدهم آبان"]);
    // After در/از a year-like number before a noun is a year or a count: neither.
    assert_eq!(found("از 2000 شرکت و در 2025 برگزار"), []);
    assert_eq!(found("از ۱۵۰۰ معدن فعال"), [(Q, "۱۵۰۰ معدن")]);
    assert_eq!(found("در ۹ ماهه ۱۴۰۲ و ۶ ماه گذشته"), [(D, "۹ ماهه ۱۴۰۲"), (Q, "۶ ماه")]);
    assert_eq!(found("قطعنامه ۲۲۳۱ شورای امنیت"), []);
    assert_eq!(found("جام جهانی ۲۰۲۲ قطر و المپیک ۲۰۲۴ فرانسه"), []);
    assert_eq!(found("۱۲ جزیره"), [(Q, "۱۲ جزیره")]);
    assert_eq!(found("سهم این بخش ۱ درصد است"), [(Q, "۱ درصد")]);
    // A season is a calendar anchor, as a month is (news-dev's convention 8):
    // with the word that ties it to a year too.
    assert_eq!(dates("در پاییز ۱۴۰۲ و بهار سال ۹۸ و زمستان گذشته"), ["پاییز ۱۴۰۲", "بهار سال ۹۸", "زمستان گذشته"]);
    assert_eq!(found("او یک بار گفت"), []);
}

#[test]
fn amounts_that_share_a_unit_or_complete_their_noun() {
    assert_eq!(found("با تولید ۱۲، ۹و ۸ میلیون لیتر در روز"), [(Q, "۱۲، ۹و ۸ میلیون لیتر")]);
    assert_eq!(found("به ترتیب 41 و 27 درصد"), [(Q, "41 و 27 درصد")]);
    assert!(found("بندهای ۵ و ۶ قانون").iter().all(|e| !e.1.contains('۵')), "no unit: no list");
    assert_eq!(found("به ۳/ ۵۲ میلیون تن رسید"), [(Q, "۳/ ۵۲ میلیون تن")]);
    assert_eq!(found("پس از دو ساعت و نیم و ۵ تا ورزشگاه"), [(Q, "دو ساعت و نیم"), (Q, "۵ تا ورزشگاه")]);
    assert_eq!(found("از 8 تا پایان"), []);
    assert_eq!(found("با کسب یک مدال طلا و 2 مدال برنز"), [(Q, "یک مدال طلا"), (Q, "2 مدال برنز")]);
    assert_eq!(found("شناسه خبر: ۹۸۱۲۳۴ زمان انتشار"), []);
}

#[test]
fn months_and_seasons_take_their_edges_and_anchors() {
    assert_eq!(dates("از اواخر خردادماه آینده آغاز شود"), ["اواخر خردادماه آینده"]);
    assert_eq!(dates("تا پایان اسفندماه این سال، نسبت به"), ["پایان اسفندماه این سال"]);
    assert_eq!(dates("تا اسفندماه امسال به بهره برداری"), ["اسفندماه امسال"]);
    assert_eq!(dates("از ابتدای فروردین تا پایان آبان ماه به طور متوسط"), ["ابتدای فروردین تا پایان آبان ماه"]);
    assert_eq!(dates("پائیز سال آینده به روسیه و بهار امسال در مسکو"), ["پائیز سال آینده", "بهار امسال"]);
    assert_eq!(dates("نشست سران در پاییز خواهد بود"), ["پاییز"]);
    assert_eq!(dates("روز یکشنبه به تاریخ 1402/5/29 در درگاه"), ["روز یکشنبه به تاریخ 1402/5/29"]);
    assert_eq!(found("تورم شش ماه منتهی به شهریور ۱۴۰۲ و ۳ ماه"), [(D, "شش ماه منتهی به شهریور ۱۴۰۲"), (Q, "۳ ماه")]);
    // not: a season that is no time (a name, «بهار عربی»), an edge with no month, a bare relative year
    assert_eq!(dates("بهار عربی و پایان کار در سال آینده"), Vec::<&str>::new());
    assert_eq!(dates("روز یکشنبه به تاریخ کشور"), ["روز یکشنبه"]);
}

#[test]
fn relative_words_and_clock_times_are_not_dates() {
    assert_eq!(found("امروز و امسال و ساعت ۱۰ صبح و 10:30"), []);
    assert_eq!(found("شرکت‌های ایرانی و چینی"), []);
}

#[test]
fn quantities() {
    assert_eq!(found("250 میلیون تن سنگ آهن"), [(Q, "250 میلیون تن")]);
    assert_eq!(found("تولید 600هزارتن کنسانتره"), [(Q, "600هزارتن")]);
    assert_eq!(found("رشد ۳ درصد و ٪۵ و 7% و ۱۵ درصدی"), [(Q, "۳ درصد"), (Q, "٪۵"), (Q, "7%"), (Q, "۱۵ درصدی")]);
    assert_eq!(found("طی 36 ماه و سه سال"), [(Q, "36 ماه"), (Q, "سه سال")]);
    assert_eq!(found("۱۰ کیلومتر و ۵ هزار نفر"), [(Q, "۱۰ کیلومتر"), (Q, "۵ هزار نفر")]);
    assert_eq!(found("بیست و پنج شرکت"), [(Q, "بیست و پنج شرکت")]);
    assert_eq!(found("۲.۵ میلیون بشکه"), [(Q, "۲.۵ میلیون بشکه")]);
    assert_eq!(found("۱۰ تا ۱۵ درصد"), [(Q, "۱۰ تا ۱۵ درصد")]);
    assert_eq!(found("۲۰۰ هزار متر مکعب"), [(Q, "۲۰۰ هزار متر مکعب")]);
    assert_eq!(found("۱۲ معدن فعال"), [(Q, "۱۲ معدن")]);
    assert_eq!(found("۱۲ معدن\nفعال"), [(Q, "۱۲ معدن")]);
}

#[test]
fn numbers_that_are_not_quantities() {
    // label numbers, names, ordinals, verbs, adjectives
    assert_eq!(found("ماده 5 قانون و فاز 2 پروژه"), []);
    assert_eq!(found("معدن گل گهر 2 در سیرجان"), []);
    assert_eq!(found("برای 25امین بار"), []);
    assert_eq!(found("تعداد آنها به 2000 می‌رسد"), []);
    assert_eq!(found("قرارداد 25 ساله"), []);
    assert_eq!(found("بندهای ۵ و ۶"), []);
    // a match minute and a road's kilometre post are points (`۸۰ دقیقه` is an amount)
    assert_eq!(found("در دقیقه ۸۰ بازیکن"), []);
    assert_eq!(found("در کیلومتر ۴۷ جاده"), []);
    assert_eq!(found("در جایگاه ۵۰۰ جهان قرار گرفت"), []);
    // `یک` and a classifier before a noun is the indefinite article
    assert_eq!(found("یک دستگاه اتوبوس در جاده واژگون شد"), []);
    assert_eq!(found("سه دستگاه اتوبوس"), [(Q, "سه دستگاه")]);
    // a year before `مقابل` (against) counts nothing
    assert_eq!(found("در لیگ ۲۰۲۴ مقابل برزیل"), []);
    assert_eq!(found("بازی ۹۰ دقیقه طول کشید"), [(Q, "۹۰ دقیقه")]);
    // a number never crosses a line break to reach a noun
    assert_eq!(found("۱۲\nمعدن"), []);
}

#[test]
fn an_amount_goes_on_over_the_break_of_a_wrapped_line() {
    // Lines wrapped at a fixed width: the break falls inside an amount.
    let wrapped = "صادرات فولاد کشور در شش ماه نخست امسال به حدود ۳۲\nمیلیون و ۴۰۰ هزار تن رسید";
    assert_eq!(found(wrapped), [(D, "شش ماه نخست امسال"), (Q, "۳۲\nمیلیون و ۴۰۰ هزار تن")]);
    let scale_then_unit = "تولید روزانه این واحد پتروشیمی در سال جاری به ۱۲ میلیون\nلیتر رسید";
    assert_eq!(found(scale_then_unit), [(Q, "۱۲ میلیون\nلیتر")]);
    // A short line (a headline) or a blank line ends the amount.
    assert_eq!(found("صادرات به ۳۲\nمیلیون تن رسید"), [(Q, "میلیون تن")]);
    let paragraph = "صادرات فولاد کشور در شش ماه نخست امسال به حدود ۳۲\n\nمیلیون تن رسید";
    assert_eq!(found(paragraph), [(D, "شش ماه نخست امسال"), (Q, "میلیون تن")]);
}

#[test]
fn money() {
    assert_eq!(found("9 میلیارد دلار"), [(M, "9 میلیارد دلار")]);
    assert_eq!(found("۱۲۰۰ میلیارد تومان"), [(M, "۱۲۰۰ میلیارد تومان")]);
    assert_eq!(found("۵۰۰ هزار ريال"), [(M, "۵۰۰ هزار ريال")]);
    assert_eq!(found("یک میلیون یورو"), [(M, "یک میلیون یورو")]);
    assert_eq!(found("۲۰ میلیون یوان و ۲۰ میلیون یوآن"), [(M, "۲۰ میلیون یوان"), (M, "۲۰ میلیون یوآن")]);
    assert_eq!(found("۳ میلیارد دلار آمریکا"), [(M, "۳ میلیارد دلار آمریکا")]);
    assert_eq!(
        found("۵ میلیون روبل، ۱۰ پوند، ۸ درهم، ۹ لیر، ۷ ین، ۶ روپیه، ۴ وون"),
        [(M, "۵ میلیون روبل"), (M, "۱۰ پوند"), (M, "۸ درهم"), (M, "۹ لیر"), (M, "۷ ین"), (M, "۶ روپیه"), (M, "۴ وون")]
    );
    assert_eq!(found("$5 و 10$ و €3"), [(M, "$5"), (M, "10$"), (M, "€3")]);
    assert_eq!(
        found("USD 5 million و 3 billion EUR و $2 bn"),
        [(M, "USD 5 million"), (M, "3 billion EUR"), (M, "$2 bn")]
    );
    assert_eq!(found("ISO 9001 و USB 3"), []);
    assert_eq!(found("قرارداد ۵۰ میلیون دلاری"), [(M, "۵۰ میلیون دلاری")]);
    assert_eq!(found("دو میلیون و پانصد هزار تومان"), [(M, "دو میلیون و پانصد هزار تومان")]);
    assert_eq!(found("۵۰۰ هزارتومان"), [(M, "۵۰۰ هزارتومان")]);
}

#[test]
fn zwnj_and_no_zwnj_spellings() {
    assert_eq!(dates("سه‌شنبه ۱۲ تیر"), ["سه‌شنبه ۱۲ تیر"]);
    assert_eq!(dates("سه شنبه ۱۲ تیر"), ["سه شنبه ۱۲ تیر"]);
    assert_eq!(dates("سهشنبه ۱۲ تیر"), ["سهشنبه ۱۲ تیر"]);
    assert_eq!(dates("ربیع‌الثانی و ربیع الثانی و ربیعالثانی"), ["ربیع‌الثانی", "ربیع الثانی", "ربیعالثانی"]);
}

#[test]
fn date_values() {
    let v = |s: &str| date_value(s);
    assert_eq!(v("۱ فروردین ۱۴۰۳").as_deref(), Some("2024-03-20"));
    assert_eq!(v("1 فروردین 1404").as_deref(), Some("2025-03-21"));
    assert_eq!(v("۳۰ اسفند ۱۴۰۳").as_deref(), Some("2025-03-20"));
    assert_eq!(v("۳۰ اسفند ۱۴۰۲"), None); // 1402 is not a leap year
    assert_eq!(v("۲۹ اسفند ۱۴۰۲").as_deref(), Some("2024-03-19"));
    assert_eq!(v("۱۳۹۳/۱۱/۰۷").as_deref(), Some("2015-01-27"));
    assert_eq!(v("2024/05/01").as_deref(), Some("2024-05-01"));
    assert_eq!(v("2024-05-01").as_deref(), Some("2024-05-01"));
    assert_eq!(v("1 مه 2024").as_deref(), Some("2024-05-01"));
    assert_eq!(v("دوشنبه، ۳۰ مهر ۱۴۰۳").as_deref(), Some("2024-10-21"));
    assert_eq!(v("روز سه‌شنبه ۱۲ تیر ۱۴۰۲"), None); // 12 Tir 1402 was a Monday
    assert_eq!(v("پنجشنبه ۲۵ آبان ۱۴۰۲").as_deref(), Some("2023-11-16"));
    assert_eq!(v("۲۲ بهمن ماه ۱۳۵۷").as_deref(), Some("1979-02-11"));
    assert_eq!(v("29 فوریه 2023"), None);
    assert_eq!(v("29 فوریه 2024").as_deref(), Some("2024-02-29"));
    // not one full date
    for s in ["۳۰ مهر", "سال 2016", "23 تا 25 اکتبر", "اردیبهشت ۱۴۰۳", "۱۲ ربیع‌الاول ۱۴۴۶", "۳۰ مهر ۱۴۰۳ و"]
    {
        assert_eq!(v(s), None, "{s}");
    }
}

/// News-like sentences written for this test, each with the DATE, QUANTITY
/// and MONEY spans a careful annotator would mark.
#[test]
fn news_sentences() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "تولید فولاد خام ایران در ۱۰ ماهه نخست سال ۱۴۰۲ به ۲۵ میلیون تن رسید.",
            &[(D, "۱۰ ماهه نخست سال ۱۴۰۲"), (Q, "۲۵ میلیون تن")],
        ),
        (
            "صادرات سنگ آهن در آذر ماه ۱۴۰۱ با ۱۲ درصد کاهش به ۲.۳ میلیون تن رسید.",
            &[(D, "آذر ماه ۱۴۰۱"), (Q, "۱۲ درصد"), (Q, "۲.۳ میلیون تن")],
        ),
        (
            "این قرارداد به ارزش ۴۵۰ میلیون یورو روز دوشنبه ۱۵ مرداد امضا شد.",
            &[(M, "۴۵۰ میلیون یورو"), (D, "روز دوشنبه ۱۵ مرداد")],
        ),
        ("شرکت ملی مس در سال ۲۰۲۳ بیش از ۳۰۰ هزار تن کاتد تولید کرد.", &[(D, "سال ۲۰۲۳"), (Q, "۳۰۰ هزار تن")]),
        ("نرخ تورم نقطه به نقطه در اسفند به ۳۵٫۵ درصد رسید.", &[(D, "اسفند"), (Q, "۳۵٫۵ درصد")]),
        ("بودجه این طرح ۱۲۰۰ میلیارد تومان برآورد شده است.", &[(M, "۱۲۰۰ میلیارد تومان")]),
        ("نمایشگاه از ۱۸ تا ۲۱ اردیبهشت در تهران برگزار می‌شود.", &[(D, "۱۸ تا ۲۱ اردیبهشت")]),
        ("این معدن با ذخیره ۴۰ میلیون تن، ۳۵۰ نفر را به کار گرفته است.", &[(Q, "۴۰ میلیون تن"), (Q, "۳۵۰ نفر")]),
        ("ارزش معاملات بورس کالا در هفته گذشته ۹ هزار میلیارد ریال بود.", &[(M, "۹ هزار میلیارد ریال")]),
        (
            "چین در سه ماهه سوم ۲۰۲۴ بیش از ۲۸۰ میلیون تن سنگ آهن وارد کرد.",
            &[(D, "سه ماهه سوم ۲۰۲۴"), (Q, "۲۸۰ میلیون تن")],
        ),
        ("قیمت هر اونس طلا به ۲۴۰۰ دلار رسید.", &[(M, "۲۴۰۰ دلار")]),
        ("طول این خط لوله ۱۲۰ کیلومتر است و تا پایان سال ۱۴۰۵ تکمیل می‌شود.", &[(Q, "۱۲۰ کیلومتر"), (D, "سال ۱۴۰۵")]),
        ("در تاریخ ۱۴۰۲/۰۸/۱۵ تفاهم‌نامه‌ای برای ۲۰ سال امضا شد.", &[(D, "۱۴۰۲/۰۸/۱۵"), (Q, "۲۰ سال")]),
        ("سرمایه‌گذاری خارجی در سال 2022 به 9 میلیارد دلار رسید.", &[(D, "سال 2022"), (M, "9 میلیارد دلار")]),
        ("این نیروگاه با ظرفیت ۵۰۰ مگاوات در دهه ۸۰ ساخته شد.", &[(Q, "۵۰۰ مگاوات"), (D, "دهه ۸۰")]),
        ("اجلاس در ۳ ژوئیه ۲۰۲۴ با حضور ۱۵ کشور برگزار شد.", &[(D, "۳ ژوئیه ۲۰۲۴"), (Q, "۱۵ کشور")]),
        ("بیش از ۵ هزار نفر در ماه رمضان از این نمایشگاه بازدید کردند.", &[(Q, "۵ هزار نفر"), (D, "ماه رمضان")]),
        (
            "وام ۲۰۰ میلیون یوانی بانک چین در خرداد و تیر ماه پرداخت شد.",
            &[(M, "۲۰۰ میلیون یوانی"), (D, "خرداد"), (D, "تیر ماه")],
        ),
        ("سهم ایران از بازار جهانی مس ٪۲ است.", &[(Q, "٪۲")]),
        ("مصرف بنزین کشور روزانه ۱۲۰ میلیون لیتر است.", &[(Q, "۱۲۰ میلیون لیتر")]),
        ("این پروژه ۳۶ ماه طول می‌کشد و ۱۵۰۰ شغل ایجاد می‌کند.", &[(Q, "۳۶ ماه"), (Q, "۱۵۰۰ شغل")]),
        ("قیمت دلار آمریکا امروز ساعت ۱۱ صبح ۶۰ هزار تومان بود.", &[(M, "۶۰ هزار تومان")]),
        ("پنجشنبه ۲۵ آبان ۱۴۰۲ هیئتی ۱۲ نفره به قزاقستان رفت.", &[(D, "پنجشنبه ۲۵ آبان ۱۴۰۲")]),
    ];
    for (text, want) in cases {
        assert_eq!(found(text), *want, "{text}");
    }
}

const VOCAB: &[&str] = &[
    "۱۲ ",
    "23 ",
    "٢٥ ",
    "1403 ",
    "۱۳۹۳/۱۱/۰۷ ",
    "2024",
    "-",
    "05",
    "۹۲ ",
    "2.5 ",
    "تا ",
    "و ",
    "، ",
    "\n",
    "سال ",
    "ماه ",
    "ماهه ",
    "نخست ",
    "نیمه ",
    "اول ",
    "روز ",
    "سه ",
    "شنبه ",
    "سه‌شنبه ",
    "مهر ",
    "آبان ",
    "اکتبر ",
    "می ",
    "ربیع ",
    "الاول ",
    "دهه ",
    "قرن ",
    "پاییز ",
    "هزار",
    "هزار ",
    "میلیون ",
    "دلار ",
    "تومان ",
    "درصد ",
    "٪",
    "$",
    "USD ",
    "million ",
    "نفر ",
    "عضو ",
    "ساله ",
    "در ",
    "از ",
    "ساعت ",
    "بیست ",
    "دوم ",
    "میلادی ",
    "امسال ",
];

/// A span crosses a line break only where the line before it is a
/// wrapped one: one break, after a line of at least `WRAP_WIDTH` characters.
fn crosses_only_wrapped_lines(s: &str, e: &Entity) -> bool {
    let inner = &s[e.range.as_range()];
    inner.char_indices().filter(|&(_, c)| c == '\n').all(|(b, _)| {
        let at = e.range.start + b;
        let line = s[..at].rsplit('\n').next().unwrap_or("");
        !s[at + 1..].starts_with('\n') && line.chars().count() >= super::WRAP_WIDTH
    })
}

proptest! {
    #[test]
    fn never_panics_and_stays_on_boundaries(s in "\\PC{0,80}") {
        let tokens = tokenize(&s);
        let mut out = Vec::new();
        find(&Context { text: &s, tokens: &tokens }, &mut out);
        let mut prev = 0;
        for e in &out {
            prop_assert!(e.range.start >= prev && e.range.start < e.range.end && e.range.end <= s.len());
            prop_assert!(s.is_char_boundary(e.range.start) && s.is_char_boundary(e.range.end));
            prop_assert!(crosses_only_wrapped_lines(&s, e));
            prev = e.range.end;
        }
        let _ = date_value(&s);
    }

    /// Texts made of the words the recognizer reacts to, so every pattern
    /// and its edges (a pattern cut off by the end or a line break) are hit.
    #[test]
    fn pattern_words_give_sorted_disjoint_spans(words in prop::collection::vec(prop::sample::select(VOCAB), 0..24)) {
        let s = words.concat();
        let tokens = tokenize(&s);
        let mut out = Vec::new();
        find(&Context { text: &s, tokens: &tokens }, &mut out);
        for w in out.windows(2) {
            prop_assert!(w[0].range.end <= w[1].range.start);
        }
        for e in &out {
            prop_assert!(crosses_only_wrapped_lines(&s, e));
            prop_assert!(!s[e.range.as_range()].starts_with(' ') && !s[e.range.as_range()].ends_with(' '));
        }
        let _ = date_value(&s);
    }
}

#[test]
fn an_ambiguous_month_joined_to_a_sure_one_is_a_date() {
    assert_eq!(dates("در مهر و آبان ماه ۱۴۰۰ صادرات افزایش یافت"), ["مهر", "آبان ماه ۱۴۰۰"]);
    // Alone, `مهر` is a seal or love, not a month.
    assert!(dates("مهر و محبت مادر").is_empty());
}

#[test]
fn a_given_name_after_a_number_is_not_counted() {
    assert_eq!(found("در دور دوم انتخابات ۱۳۹۲ حسین روحانی"), []);
    assert_eq!(found("در سال ۲۰۱۹ محمدرضا گفت"), [(D, "سال ۲۰۱۹")]);
    assert_eq!(found("۱۲ نفر کشته شدند"), [(Q, "۱۲ نفر")]);
}

#[test]
fn a_kind_of_year_belongs_to_the_date() {
    assert_eq!(dates("در سال زراعی ۱۴۰۱ و سال تحصیلی 1402"), ["سال زراعی ۱۴۰۱", "سال تحصیلی 1402"]);
}
