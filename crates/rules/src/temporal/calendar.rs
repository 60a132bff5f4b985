//! Calendar arithmetic: Solar Hijri (the Iranian calendar) to Gregorian.
//!
//! Solar Hijri years follow the astronomical vernal equinox; the arithmetic
//! here is Borkowski's "breaks" method as used by jalaali-js, which matches
//! the official calendar for years 1178–1633 SH (it is checked against ICU's
//! Persian calendar for every Nowruz of 1300–1500 in the tests).

/// A date in the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ymd {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Ymd {
    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// ISO 8601 weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    pub fn weekday(&self) -> u32 {
        (days_from_civil(self.year, self.month, self.day) + 3).rem_euclid(7) as u32 + 1
    }
}

/// Years where the 33-year cycle of Solar Hijri leap years shifts.
const BREAKS: [i32; 20] =
    [-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178];

/// Integer division and remainder truncating toward zero, as the original
/// algorithm is written.
fn div(a: i32, b: i32) -> i32 {
    a / b
}
fn rem(a: i32, b: i32) -> i32 {
    a % b
}

/// For a Solar Hijri year: the Gregorian year in which it starts, the day of
/// March of its 1 Farvardin, and whether it is a leap year (Esfand has 30 days).
fn jal_cal(jy: i32) -> Option<(i32, i32, bool)> {
    if jy < BREAKS[0] || jy >= BREAKS[BREAKS.len() - 1] {
        return None;
    }
    let gy = jy + 621;
    let mut leap_j = -14;
    let mut jp = BREAKS[0];
    let mut jump = 0;
    for &jm in &BREAKS[1..] {
        jump = jm - jp;
        if jy < jm {
            break;
        }
        leap_j += div(jump, 33) * 8 + div(rem(jump, 33), 4);
        jp = jm;
    }
    let mut n = jy - jp;
    leap_j += div(n, 33) * 8 + div(rem(n, 33) + 3, 4);
    if rem(jump, 33) == 4 && jump - n == 4 {
        leap_j += 1;
    }
    let leap_g = div(gy, 4) - div((div(gy, 100) + 1) * 3, 4) - 150;
    let march = 20 + leap_j - leap_g;
    if jump - n < 6 {
        n = n - jump + div(jump + 4, 33) * 33;
    }
    let mut leap = rem(rem(n + 1, 33) - 1, 4);
    if leap == -1 {
        leap = 4;
    }
    Some((gy, march, leap == 0))
}

/// Whether a Solar Hijri year has 366 days.
pub fn is_solar_leap(jy: i32) -> bool {
    jal_cal(jy).is_some_and(|c| c.2)
}

/// Days in a Solar Hijri month: 31 for Farvardin–Shahrivar, 30 for
/// Mehr–Bahman, 29 or 30 for Esfand.
pub fn solar_month_days(jy: i32, jm: u32) -> u32 {
    match jm {
        1..=6 => 31,
        7..=11 => 30,
        12 if is_solar_leap(jy) => 30,
        12 => 29,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(if m <= 2 { y - 1 } else { y });
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(z: i64) -> Ymd {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Ymd { year, month, day }
}

/// Whether `y-m-d` is a real Gregorian date.
pub fn valid_gregorian(y: i32, m: u32, d: u32) -> bool {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// A Solar Hijri date in the Gregorian calendar; `None` for a day that does
/// not exist (31 Mehr, 30 Esfand of a common year) or a year out of range.
///
/// ```text
/// 1 Farvardin 1403 → 2024-03-20
/// ```
pub fn solar_to_gregorian(jy: i32, jm: u32, jd: u32) -> Option<Ymd> {
    if !(1..=12).contains(&jm) || jd == 0 || jd > solar_month_days(jy, jm) {
        return None;
    }
    let (gy, march, _) = jal_cal(jy)?;
    // Farvardin–Shahrivar have 31 days, the months after them 30.
    let before = if jm <= 7 { (jm - 1) * 31 } else { 6 * 31 + (jm - 7) * 30 } + jd - 1;
    Some(civil_from_days(days_from_civil(gy, 3, march as u32) + i64::from(before)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(jy: i32, jm: u32, jd: u32) -> String {
        solar_to_gregorian(jy, jm, jd).map_or("-".into(), |d| d.iso())
    }

    #[test]
    fn known_dates() {
        assert_eq!(g(1403, 1, 1), "2024-03-20");
        assert_eq!(g(1404, 1, 1), "2025-03-21");
        assert_eq!(g(1403, 12, 30), "2025-03-20");
        assert_eq!(g(1393, 11, 7), "2015-01-27");
        assert_eq!(g(1403, 8, 1), "2024-10-22");
        assert_eq!(g(1357, 11, 22), "1979-02-11");
        assert_eq!(g(1300, 1, 1), "1921-03-21");
    }

    #[test]
    fn leap_year_edges() {
        // 1399 and 1403 are leap years, 1402 and 1404 are not; 1408 is the next.
        assert!(is_solar_leap(1399) && is_solar_leap(1403) && is_solar_leap(1408));
        assert!(!is_solar_leap(1402) && !is_solar_leap(1404));
        assert_eq!(g(1399, 12, 30), "2021-03-20");
        assert_eq!(g(1400, 1, 1), "2021-03-21");
        assert_eq!(g(1402, 12, 29), "2024-03-19");
        assert_eq!(g(1402, 12, 30), "-");
        assert_eq!(g(1408, 12, 30), "2030-03-20");
        assert_eq!(g(1403, 7, 31), "-");
        assert_eq!(g(1403, 6, 31), "2024-09-21");
        assert_eq!(g(1403, 7, 1), "2024-09-22");
    }

    /// 1 Farvardin of 1300–1500 SH as ICU 78.2's Persian calendar gives it
    /// (`Intl.DateTimeFormat('en-u-ca-persian')` in Node 20): one digit per
    /// year from 1300, the day of March minus 20.
    const NOWRUZ_ICU: &str = concat!(
        "12211221112111211121112111211121112111211111111111",
        "11111111111111111111111110111011101110111011101110",
        "11101110011001100110011001100110011001100010001000",
        "10001000100010001000100000000111111111111111111111",
        "1",
    );

    #[test]
    fn nowruz_matches_icu() {
        let mut differ = Vec::new();
        for (k, c) in NOWRUZ_ICU.chars().enumerate() {
            let jy = 1300 + k as i32;
            let want = 20 + c.to_digit(10).unwrap();
            let got = solar_to_gregorian(jy, 1, 1).unwrap();
            assert_eq!((got.year, got.month), (jy + 621, 3));
            if got.day != want {
                differ.push(jy);
            }
        }
        assert_eq!(differ, Vec::<i32>::new());
    }

    #[test]
    fn gregorian_round_trip() {
        for z in [-800_000i64, -1, 0, 1, 19_000, 20_000, 2_000_000] {
            let d = civil_from_days(z);
            assert_eq!(days_from_civil(d.year, d.month, d.day), z);
            assert!(valid_gregorian(d.year, d.month, d.day));
        }
        assert!(valid_gregorian(2024, 2, 29) && !valid_gregorian(2023, 2, 29) && !valid_gregorian(1900, 2, 29));
        assert_eq!(Ymd { year: 1970, month: 1, day: 1 }.weekday(), 4);
        assert_eq!(Ymd { year: 2024, month: 10, day: 21 }.weekday(), 1);
        assert_eq!(Ymd { year: 1969, month: 12, day: 28 }.weekday(), 7);
    }
}
