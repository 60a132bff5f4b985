//! Name recognizer tests: exact sliced strings, including sentences
//! written for these tests (not from the seeds) on oil, steel, mining,
//! politics and sport.

use crate::extract;

/// The name spans (not dates or amounts) of `text`, as `LABEL:text`.
fn names(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    extract(text)
        .into_iter()
        .filter(|s| !matches!(s.label.as_str(), "DATE" | "QUANTITY" | "MONEY"))
        .map(|s| format!("{}:{}", s.label, chars[s.start..s.end].iter().collect::<String>()))
        .collect()
}

#[test]
fn org_name_runs_over_and_up_to_the_bracketed_acronym() {
    assert_eq!(
        names("به گزارش روابط عمومی سازمان توسعه و نوسازی معادن و صنایع معدنی ایران(ایمیدرو)، امروز"),
        ["ORG:سازمان توسعه و نوسازی معادن و صنایع معدنی ایران", "ORG:ایمیدرو"]
    );
}

#[test]
fn role_stops_before_a_place_but_an_org_keeps_it() {
    assert_eq!(names("معاون وزیر نیرو و آب ترکیه گفت"), ["ROLE:معاون وزیر نیرو و آب", "LOC:ترکیه"]);
    assert_eq!(names("وزارت نیرو و آب ترکیه نیز گفت"), ["ORG:وزارت نیرو و آب ترکیه"]);
}

#[test]
fn run_together_head_is_still_a_head() {
    assert_eq!(names("معاون وزیرنفت و گاز عراق"), ["ROLE:معاون وزیرنفت و گاز", "LOC:عراق"]);
}

#[test]
fn compound_verb_noun_ends_a_name() {
    assert_eq!(names("با رئیس انجمن فولاد هند دیدار و گفتگو کرد"), ["ROLE:رئیس", "ORG:انجمن فولاد هند"]);
}

#[test]
fn generic_groups_and_unnamed_documents_are_not_names() {
    assert!(names("شرکت های ایرانی و این انجمن و دو کشور").is_empty());
    assert!(names("تفاهم نامه های قبلی و شرکتهای چینی").is_empty());
    assert!(names("این کمیسیون و نشست تخصصی کارشناسان").is_empty());
}

#[test]
fn nationality_adjectives_are_not_places() {
    assert!(names("طرف ایرانی و شرکای چینی").is_empty());
}

#[test]
fn head_adjective_name_keeps_only_the_name() {
    assert_eq!(names("شرکت چندملیتی ZXR سهام این معدن را خرید"), ["ORG:ZXR"]);
}

#[test]
fn state_form_and_country_are_one_place() {
    assert_eq!(names("ظرفیت جمهوری اسلامی ایران را"), ["LOC:جمهوری اسلامی ایران"]);
    assert_eq!(names("سفیر ایالات متحده آمریکا گفت"), ["ROLE:سفیر", "LOC:ایالات متحده آمریکا"]);
}

#[test]
fn ambiguous_zinc_only_beside_another_commodity() {
    assert_eq!(
        names("سنگ آهن، مس و سرب و روی"),
        ["COMMODITY:سنگ آهن", "COMMODITY:مس", "COMMODITY:سرب", "COMMODITY:روی"]
    );
    assert!(names("روی میز گذاشت").is_empty());
}

#[test]
fn ambiguous_city_names_need_evidence() {
    // `نور` and `طول` are cities in GeoNames, and everyday words.
    assert!(names("در طول این سال نور امید").is_empty());
    assert_eq!(names("سفر به شهر نور"), ["LOC:نور"]);
}

#[test]
fn a_country_that_reads_as_an_adjective_needs_evidence() {
    // Mali is also `مالی` (financial).
    assert!(names("منابع مالی شرکت").is_empty());
    assert_eq!(names("سفر به کشور مالی"), ["LOC:مالی"]);
}

#[test]
fn persons_from_roles_honorifics_and_later_mentions() {
    let text = "کامران بهرامیان، مدیرعامل بانک ملت، گفت. بهرامیان افزود که خانم نسرین کریمی نیز حاضر بود.";
    assert_eq!(
        names(text),
        ["PER:کامران بهرامیان", "ROLE:مدیرعامل", "ORG:بانک ملت", "PER:بهرامیان", "PER:نسرین کریمی"]
    );
}

#[test]
fn place_after_an_administrative_division() {
    // Provinces are in no gazetteer: the division word announces them.
    assert_eq!(names("در استان خوزستان و استان خراسان رضوی"), ["LOC:خوزستان", "LOC:خراسان رضوی"]);
    assert!(names("استان مرزی").is_empty());
}

#[test]
fn descriptive_title_before_a_common_word_is_no_person() {
    assert_eq!(names("آیت‌الله جوادی آملی افزود"), ["PER:جوادی آملی"]);
}

#[test]
fn the_agency_after_bgozaresh_is_an_org() {
    assert_eq!(names("به گزارش ایسنا، قیمت طلا افزایش یافت"), ["ORG:ایسنا", "COMMODITY:طلا"]);
    assert!(names("به گزارش خبرنگار ما از بندر").is_empty());
}

#[test]
fn ambiguous_given_names_need_a_real_surname() {
    assert!(names("با کمال تأسف و عزت نفس").is_empty());
    assert_eq!(names("کمال بهرامیان گفت"), ["PER:کمال بهرامیان"]);
}

#[test]
fn sherkat_as_participation_is_no_company() {
    assert!(names("با شرکت جمعی از کارشناسان").is_empty());
}

#[test]
fn ordinals_name_plans_and_offices_announce_places() {
    assert_eq!(names("قانون برنامه هفتم توسعه"), ["AGREEMENT:قانون برنامه هفتم توسعه"]);
    assert_eq!(names("استاندار کرمان گفت"), ["ROLE:استاندار", "LOC:کرمان"]);
}

#[test]
fn a_described_head_is_no_name_but_its_acronym_is() {
    assert_eq!(names("هلدینگ بزرگ فلزات غیرآهنی چین (CHINALCO)"), ["LOC:چین", "ORG:CHINALCO"]);
}

#[test]
fn a_pair_of_places_is_two_spans() {
    assert_eq!(names("مسیر رشت- آستارا"), ["LOC:رشت", "LOC:آستارا"]);
}

#[test]
fn a_dateline_gives_the_place_and_the_agency() {
    // `تهران` is also in the 100 most frequent words; a dateline vouches for it.
    assert_eq!(names("تهران ـ ایرنا: قیمت"), ["LOC:تهران", "ORG:ایرنا"]);
}

#[test]
fn a_role_stops_before_what_it_heads() {
    assert_eq!(
        names("رئیس چهارمین نمایشگاه بین‌المللی معدن گفت"),
        ["ROLE:رئیس", "EVENT:چهارمین نمایشگاه بین‌المللی معدن"]
    );
    // (an adjective of time is left out: see an_adjective_of_time_is_left_out_of_a_role)
    assert_eq!(names("رئیس‌جمهور سابق ترکیه گفت"), ["ROLE:رئیس‌جمهور", "LOC:ترکیه"]);
    assert_eq!(names("رئیس‌جمهور سابق کشورش گفت"), ["ROLE:رئیس‌جمهور"]);
}

#[test]
fn medals_and_railways_are_no_commodities() {
    assert!(names("مدال طلا گرفت و با راه آهن رفت").is_empty());
    assert_eq!(names("قیمت طلا"), ["COMMODITY:طلا"]);
}

#[test]
fn a_weak_role_needs_a_person() {
    assert_eq!(names("نماینده سازمان توسعه تجارت حضور داشت"), ["ORG:سازمان توسعه تجارت"]);
}

/// Sentences written for this test (not from the seeds), on oil, steel,
/// mining, politics and sport: the rules must hold beyond the seeds.
#[test]
fn general_news_sentences() {
    let cases: &[(&str, &[&str])] = &[
        (
            "بیژن زنگنه، وزیر نفت، روز دوشنبه در تهران گفت صادرات نفت خام افزایش یافته است.",
            &["PER:بیژن زنگنه", "ROLE:وزیر نفت", "LOC:تهران", "COMMODITY:نفت خام"],
        ),
        ("شرکت ملی صنایع مس ایران تولید کاتد مس را افزایش داد.", &["ORG:شرکت ملی صنایع مس ایران", "COMMODITY:کاتد مس"]),
        // A national team is a nameable ORG: the role stops before it.
        ("علی دایی سرمربی تیم ملی فوتبال ایران شد.", &["PER:علی دایی", "ROLE:سرمربی", "ORG:تیم ملی فوتبال ایران"]),
        (
            "دکتر حسن روحانی رئیس‌جمهور ایران در نیویورک سخنرانی کرد.",
            &["PER:حسن روحانی", "ROLE:رئیس‌جمهور", "LOC:ایران", "LOC:نیویورک"],
        ),
        ("صادرات نفت خام ایران به چین رسید.", &["COMMODITY:نفت خام", "LOC:ایران", "LOC:چین"]),
        (
            "قرارداد توسعه فاز ۱۱ پارس جنوبی با شرکت توتال امضا شد.",
            &["AGREEMENT:قرارداد توسعه فاز ۱۱ پارس جنوبی", "ORG:شرکت توتال"],
        ),
        (
            "نمایشگاه بین‌المللی صنعت ساختمان تهران ۱۴۰۳ افتتاح شد.",
            &["EVENT:نمایشگاه بین‌المللی صنعت ساختمان تهران ۱۴۰۳"],
        ),
        ("تولید بنزین در پالایشگاه آبادان افزایش یافت.", &["COMMODITY:بنزین", "FAC:پالایشگاه آبادان"]),
        ("تولید فولاد خام ایران افزایش یافت.", &["COMMODITY:فولاد خام", "LOC:ایران"]),
        (
            "مدیرعامل شرکت ملی نفت ایران از افزایش تولید در میدان نفتی آزادگان جنوبی خبر داد.",
            &["ROLE:مدیرعامل", "ORG:شرکت ملی نفت ایران", "FAC:میدان نفتی آزادگان جنوبی"],
        ),
        (
            "محمدرضا فرزین رئیس کل بانک مرکزی گفت نرخ ارز کاهش می‌یابد.",
            &["PER:محمدرضا فرزین", "ROLE:رئیس کل", "ORG:بانک مرکزی"],
        ),
        (
            "تیم ملی والیبال ایران در لیگ ملت‌های والیبال ۲۰۲۴ مقابل ژاپن شکست خورد.",
            &["ORG:تیم ملی والیبال ایران", "EVENT:لیگ ملت‌های والیبال ۲۰۲۴", "LOC:ژاپن"],
        ),
        ("سید ابراهیم رئیسی از پتروشیمی بندر امام بازدید کرد.", &["PER:سید ابراهیم رئیسی", "ORG:پتروشیمی بندر امام"]),
        (
            "خانم فاطمه محمدی، سخنگوی وزارت امور خارجه، اعلام کرد که هیأتی به مسکو می‌رود.",
            &["PER:فاطمه محمدی", "ROLE:سخنگوی", "ORG:وزارت امور خارجه", "LOC:مسکو"],
        ),
        ("بانک مرکزی جمهوری اسلامی ایران نرخ تورم را اعلام کرد.", &["ORG:بانک مرکزی جمهوری اسلامی ایران"]),
        (
            "مجلس شورای اسلامی قانون بودجه ۱۴۰۴ را تصویب کرد و آقای قالیباف تشکر کرد.",
            &["ORG:مجلس شورای اسلامی", "AGREEMENT:قانون بودجه ۱۴۰۴", "PER:قالیباف"],
        ),
        ("شرکت‌های ایرانی در این نمایشگاه حضور داشتند و دو کشور تفاهم‌نامه‌ای امضا کردند.", &[]),
        (
            "مهدی کرباسیان معاون وزیر صنعت، معدن و تجارت در استان آذربایجان غربی گفت.",
            &["PER:مهدی کرباسیان", "ROLE:معاون وزیر صنعت، معدن و تجارت", "LOC:آذربایجان غربی"],
        ),
        (
            "سخنگوی وزارت امور خارجه روسیه ماریا زاخارووا اعلام کرد.",
            &["ROLE:سخنگوی", "ORG:وزارت امور خارجه روسیه", "PER:ماریا زاخارووا"],
        ),
        (
            "عرضه سنگ آهن و کنسانتره سنگ آهن در بیست و هفتمین نمایشگاه بین‌المللی نفت، گاز، پالایش و پتروشیمی",
            &[
                "COMMODITY:سنگ آهن",
                "COMMODITY:کنسانتره سنگ آهن",
                "EVENT:بیست و هفتمین نمایشگاه بین‌المللی نفت، گاز، پالایش و پتروشیمی",
            ],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(names(text), *want, "in: {text}");
    }
}

#[test]
fn given_name_and_common_word_surname_right_before_a_role() {
    // `نوری` is a common word (light); before a role it closes the name.
    assert_eq!(names("حسین نوری سفیر ایران در ترکیه گفت"), ["PER:حسین نوری", "ROLE:سفیر", "LOC:ایران", "LOC:ترکیه"]);
}

#[test]
fn compound_given_name_shapes_start_a_name() {
    assert_eq!(names("عبدالکریم رستگار مدیرعامل شرکت فولاد خوزستان گفت")[0], "PER:عبدالکریم رستگار");
    assert_eq!(names("نصرالله حیدرپور گفت")[0], "PER:نصرالله حیدرپور");
}

#[test]
fn three_word_name_before_a_role_and_its_two_word_surname_later() {
    assert_eq!(
        names("محمدرضا شیخی مقدم رئیس سازمان بنادر گفت. شیخی مقدم افزود"),
        ["PER:محمدرضا شیخی مقدم", "ROLE:رئیس", "ORG:سازمان بنادر", "PER:شیخی مقدم"]
    );
}

#[test]
fn rare_surname_in_yan_is_not_a_plural_noun() {
    assert_eq!(names("حمید قنبریان گفت"), ["PER:حمید قنبریان"]);
}

#[test]
fn international_written_apart_stays_inside_the_name() {
    assert_eq!(
        names("نمایشگاه بین المللی صنایع غذایی تبریز گشایش یافت")[0],
        "EVENT:نمایشگاه بین المللی صنایع غذایی تبریز"
    );
    assert_eq!(names("آژانس بین المللی انرژی تجدیدپذیر اعلام کرد")[0], "ORG:آژانس بین المللی انرژی تجدیدپذیر");
}

#[test]
fn a_named_team_is_an_org_and_a_nationality_ends_a_role() {
    assert_eq!(names("تیم ملی والیبال ژاپن به تهران رسید")[0], "ORG:تیم ملی والیبال ژاپن");
    assert_eq!(names("سرمربی آلمانی تیم گفت")[0], "ROLE:سرمربی");
}

#[test]
fn a_programme_keeps_its_year_and_an_amount_ends_a_facility() {
    assert_eq!(names("دولت لایحه بودجه سال ۱۳۹۹ را تقدیم کرد")[0], "AGREEMENT:لایحه بودجه سال ۱۳۹۹");
    assert_eq!(
        extract("پالایشگاه آبادان روزانه ۴۰۰ هزار بشکه نفت خام پالایش می کند")
            .iter()
            .map(|s| s.label.as_str())
            .collect::<Vec<_>>(),
        ["FAC", "QUANTITY", "COMMODITY"]
    );
}

#[test]
fn a_field_named_by_a_direction_is_a_facility() {
    assert_eq!(names("تولید از میدان گازی پارس جنوبی افزایش یافت")[0], "FAC:میدان گازی پارس جنوبی");
}

#[test]
fn an_office_named_after_a_place_ends_before_it() {
    assert_eq!(names("فرماندار سمیرم از خسارت سیل خبر داد"), ["ROLE:فرماندار", "LOC:سمیرم"]);
    assert_eq!(names("استاندار کهگیلویه گفت")[..2], ["ROLE:استاندار", "LOC:کهگیلویه"]);
}

#[test]
fn a_deputy_of_an_office_is_one_role() {
    assert_eq!(names("معاون اقتصادی رئیس جمهور در تبریز گفت")[0], "ROLE:معاون اقتصادی رئیس جمهور");
    // With nothing between them, two heads in a row are still one chain.
    assert_eq!(names("معاون وزیر نفت گفت")[0], "ROLE:معاون وزیر نفت");
}

#[test]
fn a_city_at_the_end_of_a_facility_names_it() {
    assert_eq!(names("کار ساخت نیروگاه اتمی بوشهر ادامه دارد")[0], "FAC:نیروگاه اتمی بوشهر");
}

#[test]
fn a_surname_of_two_words_after_a_given_name() {
    assert_eq!(names("داوود کاظمی راد گفت"), ["PER:داوود کاظمی راد"]);
    assert_eq!(names("پرویز احمدی کرمانی گفت"), ["PER:پرویز احمدی کرمانی"]);
}

#[test]
fn a_time_of_day_ends_an_org_name() {
    assert_eq!(names("دبیرکل سازمان ملل بعدازظهر گفت"), ["ROLE:دبیرکل", "ORG:سازمان ملل"]);
    assert_eq!(names("دبیرکل سازمان ملل عصر گفت"), ["ROLE:دبیرکل", "ORG:سازمان ملل"]);
}

#[test]
fn a_metal_form_names_an_ambiguous_metal() {
    assert_eq!(names("عرضه شمش روی در بورس"), ["COMMODITY:شمش روی"]);
    assert_eq!(names("کتاب روی میز"), Vec::<String>::new());
}

#[test]
fn arrival_and_a_following_date_are_evidence_for_a_common_city_name() {
    assert_eq!(names("هیئت عراقی وارد تهران شد"), ["LOC:تهران"]);
    assert_eq!(names("نرخ دلار در بازار آزاد تهران روز دوشنبه"), ["LOC:تهران"]);
}

/// Known regression since the word ranks come from hazm (MIT) instead of
/// wordfreq (CC BY-SA): hazm ranks `حوزه` 2359 (wordfreq 750), so after a
/// title it reads as a name. Kept here, failing, until a rule fix brings it
/// back.
#[test]
#[ignore = "regressed with hazm word ranks (see doc comment)"]
fn regressions_with_hazm_ranks() {
    assert!(names("استاد حوزه علمیه").iter().all(|s| !s.starts_with("PER")));
}

#[test]
fn the_people_of_a_city_name_it() {
    // hazm lists `شیرازان` after `شیراز`, so the city needs context
    assert_eq!(names("نماینده مردم شیراز در مجلس گفت"), ["ROLE:نماینده مردم", "LOC:شیراز"]);
    assert_eq!(names("مردم تبریز به پای صندوق رفتند"), ["LOC:تبریز"]);
}

#[test]
fn a_mine_named_after_its_commodity() {
    assert_eq!(
        names("معدن مس سرچشمه در استان کرمان بزرگ‌ترین معدن مس کشور است."),
        ["FAC:معدن مس سرچشمه", "LOC:کرمان", "COMMODITY:مس"]
    );
    assert_eq!(
        names("اردشیر سعدمحمدی مدیرعامل این شرکت در بازدید از مجتمع مس سرچشمه گفت."),
        ["PER:اردشیر سعدمحمدی", "ROLE:مدیرعامل", "FAC:مجتمع مس سرچشمه"]
    );
    // where or when is not which
    assert_eq!(names("تولید معدن مس شرق کشور و معدن مس امسال"), ["COMMODITY:مس", "COMMODITY:مس"]);
}

#[test]
fn a_predicate_adjective_ends_an_org_name() {
    assert_eq!(names("شورای شهر اصفهان خواستار توقف طرح شد"), ["ORG:شورای شهر اصفهان"]);
}

#[test]
fn one_less_frequent_noun_after_a_strong_event_head_is_a_name() {
    assert_eq!(names("وزیران در اجلاس اوپک شرکت کردند"), ["EVENT:اجلاس اوپک"]);
    assert!(names("در همایش سراسری گفت").is_empty());
    assert!(names("در همایش یادشده گفت").is_empty());
}

#[test]
fn the_agency_after_a_reporter_desk_is_an_org() {
    assert_eq!(names("به گزارش خبرنگار سیاسی ایلنا، امروز"), ["ORG:ایلنا"]);
    assert_eq!(names("به گزارش خبرنگار ایلنا، امروز"), ["ORG:ایلنا"]);
    assert!(names("به گزارش خبرنگار اعزامی، امروز").is_empty());
}

#[test]
fn an_arabic_patronymic_joins_the_person_before_a_role() {
    assert_eq!(names("عبدالله بن زاید وزیر خارجه قطر گفت"), ["PER:عبدالله بن زاید", "ROLE:وزیر خارجه", "LOC:قطر"]);
}

#[test]
fn a_date_before_a_head_does_not_make_it_generic() {
    assert_eq!(names("طی نامه مورخ ۱۴۰۲/۰۳/۱۰ سازمان بنادر و دریانوردی اعلام کرد"), ["ORG:سازمان بنادر و دریانوردی"]);
    assert_eq!(names("در سال ۱۳۹۹ شرکت ملی نفت ایران اعلام کرد"), ["ORG:شرکت ملی نفت ایران"]);
    assert!(names("۳ شرکت دولتی اعلام کردند").is_empty());
}

#[test]
fn a_listed_company_is_an_org_with_its_head() {
    assert_eq!(names("فولاد مبارکه سود داد"), ["ORG:فولاد مبارکه"]);
    assert_eq!(names("شرکت فولاد مبارکه اصفهان گفت"), ["ORG:شرکت فولاد مبارکه اصفهان"]);
    assert_eq!(names("معدنی و صنعتی چادرملو سود داد"), ["ORG:معدنی و صنعتی چادرملو"]);
    // A listed name spelt like a head (`پترو شیمی`) does not make the head a name.
    assert_eq!(names("صادرات محصولات پتروشیمی از بندر"), Vec::<String>::new());
    // A role's portfolio ends before a listed company.
    assert_eq!(names("مدیرعامل فولاد مبارکه گفت"), ["ROLE:مدیرعامل", "ORG:فولاد مبارکه"]);
    // The metal alone stays a commodity.
    assert_eq!(names("تولید فولاد افزایش یافت"), ["COMMODITY:فولاد"]);
}

#[test]
fn places_people_go_to_are_facilities_with_their_head() {
    assert_eq!(names("مسیر خط مترو شهرری کوتاه شد"), ["FAC:خط مترو شهرری"]);
    assert_eq!(names("آب پشت سد لتیان کم شد"), ["FAC:سد لتیان"]);
    // no name after the head: nothing
    assert_eq!(names("به بیمارستان منتقل شد و در خیابان ماند"), Vec::<String>::new());
}

#[test]
fn a_competition_is_its_head_and_one_describing_word() {
    assert_eq!(names("تیم قهرمان لیگ برتر شد"), ["EVENT:لیگ برتر"]);
    assert_eq!(
        names("تیم ملی والیبال به جام جهانی 2030 رسید و درباره جام حذفی سخن گفت"),
        ["ORG:تیم ملی والیبال", "EVENT:جام جهانی 2030", "EVENT:جام حذفی"]
    );
    assert_eq!(names("در بازی‌های آسیایی و بازی‌های المپیک"), ["EVENT:بازی‌های آسیایی", "EVENT:بازی‌های المپیک"]);
    // a press conference is no named event; a cup of tea no competition
    assert_eq!(names("در نشست خبری امروز یک جام بزرگ"), Vec::<String>::new());
}

#[test]
fn a_common_word_with_a_possessive_ending_is_no_organisation_after_a_role() {
    assert_eq!(names("سفیر کشورمان در پکن گفت"), ["ROLE:سفیر", "LOC:پکن"]);
}

#[test]
fn places_listed_after_a_plural_facility_head_are_facilities() {
    assert_eq!(
        names("تولید پالایشگاه‌های آبادان، اصفهان و تبریز افزایش یافت"),
        ["FAC:آبادان", "FAC:اصفهان", "FAC:تبریز"]
    );
    assert_eq!(names("نیروگاه های شیراز و کرمان ساخته شد"), ["FAC:شیراز", "FAC:کرمان"]);
    // no head: places
    assert_eq!(names("در تهران و اصفهان"), ["LOC:تهران", "LOC:اصفهان"]);
}

#[test]
fn a_province_is_a_place_without_a_preposition() {
    assert_eq!(names("تولید گندم کشاورزان لرستان بیشتر شد"), ["COMMODITY:گندم", "LOC:لرستان"]);
    assert_eq!(names("سهمیه هرمزگان مطلوب است"), ["LOC:هرمزگان"]);
    // A province whose name is also a word by its forms needs evidence.
    assert_eq!(names("زبان فارس قدیم"), Vec::<String>::new());
}

#[test]
fn a_city_found_once_is_a_place_again_in_the_same_text() {
    let text = "هیئت تجاری امروز به بغداد رفت. بغداد میزبان نمایشگاه بزرگی است.";
    assert_eq!(names(text), ["LOC:بغداد", "LOC:بغداد"]);
    // Without the first, evidenced mention the second stays unmarked.
    assert_eq!(names("بغداد میزبان نمایشگاه بزرگی است."), Vec::<String>::new());
}

#[test]
fn an_ordinal_a_possessed_noun_or_a_run_together_preposition_ends_a_name() {
    assert_eq!(names("نماینده فدراسیون والیبال کشورمان گفت"), ["ORG:فدراسیون والیبال"]);
    assert_eq!(names("امسال هفتمین جشنواره تئاتر فجر نخستین تجربه او بود"), ["EVENT:هفتمین جشنواره تئاتر فجر"]);
    assert_eq!(names("به گزارش دفتر خبرگزاری ایسنا بهنقل از منابع محلی"), ["ORG:خبرگزاری ایسنا"]);
    // `تامین` (provision) ends in `مین` but is no ordinal.
    assert_eq!(names("مدیرعامل سازمان تامین اجتماعی گفت"), ["ROLE:مدیرعامل", "ORG:سازمان تامین اجتماعی"]);
}

#[test]
fn the_competition_inside_a_stage_description_is_the_event() {
    assert_eq!(names("تیم ما در مسابقات مرحله نهایی جام ملتهای آسیا شرکت کرد"), ["EVENT:جام ملتهای آسیا"]);
    // `جام‌باشگاهی` written together, with its year.
    assert_eq!(names("این بازیکن در بازیهای فوتبال جامباشگاهی ۲۰۲۳ درخشید"), ["EVENT:جامباشگاهی ۲۰۲۳"]);
    // A stage of games with no competition named is no event.
    assert!(names("او در رقابتهای دور رفت بازی کرد").is_empty());
}

#[test]
fn the_agent_of_a_passive_vouches_for_an_ambiguous_given_name() {
    assert_eq!(names("این طرح توسط ایمان کاشانی تهیه شد"), ["PER:ایمان کاشانی"]);
    assert!(names("این طرح را ایمان کاشانی تهیه کرد").is_empty());
}

#[test]
fn an_agency_closed_by_a_comma_may_be_a_city_name() {
    assert_eq!(names("به نقل از فارس، وزیر گفت"), ["ORG:فارس", "ROLE:وزیر"]);
    assert_eq!(names("به گزارش فارس، وزیر گفت"), ["ORG:فارس", "ROLE:وزیر"]);
    // A country stays a place.
    assert_eq!(names("به نقل از ایران، وزیر گفت"), ["LOC:ایران", "ROLE:وزیر"]);
}

#[test]
fn the_national_team_the_police_and_a_confederation_are_orgs() {
    assert_eq!(names("سرمربی تیم ملی گفت"), ["ROLE:سرمربی", "ORG:تیم ملی"]);
    assert_eq!(names("پلیس راه شهرکرد اعلام کرد"), ["ORG:پلیس راه شهرکرد"]);
    assert!(names("پلیس گفت").is_empty());
    assert_eq!(names("سایت کنفدراسیون والیبال آسیا نوشت"), ["ORG:کنفدراسیون والیبال آسیا"]);
}

#[test]
fn a_city_with_a_surname_ending_after_a_given_name_is_the_surname() {
    // `جاورسیان` is a village in GeoNames.
    assert_eq!(names("مدال طلا را حمید جاورسیان گرفت"), ["PER:حمید جاورسیان"]);
}

#[test]
fn places_listed_after_a_place_or_a_facility_named_by_one() {
    assert_eq!(names("او از تهران، شیراز و تبریز دیدن کرد"), ["LOC:تهران", "LOC:شیراز", "LOC:تبریز"]);
    assert_eq!(names("کار نیروگاه بوشهر، شیراز و تبریز ادامه دارد"), ["FAC:نیروگاه بوشهر", "FAC:شیراز", "FAC:تبریز"]);
    assert!(names("در طول و عرض").is_empty());
}

#[test]
fn the_agency_after_a_run_together_be_naql_az() {
    assert_eq!(names("به گزارش ایلنابه نقل از فارس، وزیر گفت"), ["ORG:فارس", "ROLE:وزیر"]);
}

#[test]
fn a_superlative_or_an_adverb_of_frequency_ends_a_facility() {
    assert_eq!(
        names("پالایشگاه آبادان روزانه نفت خام را فرآوری می کند و نیروگاه دماوند بزرگترین نیروگاه کشور است"),
        ["FAC:پالایشگاه آبادان", "COMMODITY:نفت خام", "FAC:نیروگاه دماوند"]
    );
}

#[test]
fn a_person_before_a_weak_role_of_responsibility() {
    assert_eq!(
        names("او با جوزپ بورل مسئول سیاست خارجی اتحادیه اروپا دیدار کرد"),
        ["PER:جوزپ بورل", "ROLE:مسئول سیاست خارجی", "ORG:اتحادیه اروپا"]
    );
    // `مسئول` with no person is the adjective `responsible`.
    assert!(names("او مسئول این کار است").is_empty());
}

#[test]
fn a_surname_in_vand_is_no_subjunctive_verb() {
    // `ب… ‑ند` reads as a subjunctive (`بروند`); a longer word in ‑وند is a surname.
    assert_eq!(names("محمد بیرانوند گفت"), ["PER:محمد بیرانوند"]);
    assert!(names("آنها باید بروند و بشنوند").is_empty());
}

#[test]
fn a_facility_named_after_a_person_by_a_title() {
    assert_eq!(names("از بیمارستان امام رضا (ع) مشهد بازدید کرد"), ["FAC:بیمارستان امام رضا", "LOC:مشهد"]);
    assert_eq!(names("مسابقه در ورزشگاه شهید شیرودی برگزار شد"), ["FAC:ورزشگاه شهید شیرودی"]);
    // A title before a frequent word names no one.
    assert!(names("فرودگاه امام حاضر است").is_empty());
}

#[test]
fn said_in_the_plural_is_no_light_verb() {
    // `گفتند` after a name does not make its last word the noun of a compound verb.
    assert_eq!(names("دانشجویان دانشگاه شهید بهشتی گفتند"), ["ORG:دانشگاه شهید بهشتی"]);
}

#[test]
fn an_adjective_of_time_is_left_out_of_a_role() {
    assert_eq!(names("او را به عنوان سرمربی جدید تیم معرفی کردند"), ["ROLE:سرمربی"]);
    assert_eq!(names("پرویز کاظمی وزیر سابق گفت"), ["PER:پرویز کاظمی", "ROLE:وزیر"]);
    // `اول` is part of the title.
    assert_eq!(names("معاون اول وزیر گفت"), ["ROLE:معاون اول وزیر"]);
}

#[test]
fn a_commission_of_the_parliament_is_a_body() {
    assert_eq!(names("کمیسیون انرژی مجلس جلسه ای برگزار کرد"), ["ORG:کمیسیون انرژی مجلس"]);
    assert_eq!(names("کمیسیون مشترک اقتصادی دو کشور برگزار شد"), ["EVENT:کمیسیون مشترک اقتصادی"]);
}

#[test]
fn a_surname_made_of_a_place_trigger_and_an_ending() {
    // `روستایی` is `روستای` with an ending: a surname, not the trigger `روستای`.
    assert_eq!(names("فیلمی ساخته سعید روستایی در جشنواره"), ["PER:سعید روستایی"]);
    assert!(names("سعید روستای کوچکی را دید").is_empty());
}

#[test]
fn a_noun_with_the_indefinite_written_apart_starts_a_new_phrase() {
    assert_eq!(names("مجمع عمومی سازمان ملل متحد قطعنامه ای تصویب کرد"), ["ORG:مجمع عمومی سازمان ملل متحد"]);
}
