//! Calendar dates and the three forms of time a feed can give.
//!
//! Only civil arithmetic lives here (days, weekdays, month lengths); time-zone offsets come
//! from the browser's `Intl` at render time, so the Wasm ships no zone database.

use std::fmt;

/// A proleptic Gregorian calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2026.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

/// A wall-clock time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Time {
    /// 0 to 23.
    pub hour: u8,
    /// 0 to 59.
    pub minute: u8,
    /// 0 to 59 (a leap second is read as 59).
    pub second: u8,
}

impl Time {
    /// A time of day, to the minute, if the clock shows it.
    ///
    /// ```
    /// use clusterkit::feed::Time;
    /// let six = Time::new(18, 0).unwrap();
    /// assert_eq!((six.hour, six.minute, six.second), (18, 0, 0));
    /// assert_eq!(Time::new(24, 0), None);
    /// assert_eq!(Time::new(9, 60), None);
    /// ```
    pub fn new(hour: u8, minute: u8) -> Option<Time> {
        let time = Time {
            hour,
            minute,
            second: 0,
        };
        time.is_valid().then_some(time)
    }

    /// Whether this is a time of day (the fields are public: one built by hand may be 25:00).
    pub fn is_valid(self) -> bool {
        self.hour < 24 && self.minute < 60 && self.second < 60
    }

    /// 23:59:59, a day's last second: where an `UNTIL` given as a date ends.
    pub const LAST_SECOND: Time = Time {
        hour: 23,
        minute: 59,
        second: 59,
    };
}

/// A `start`, `end` or `exdates` value, in one of the feed's three forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// `YYYY-MM-DD`: an all-day date, the same in every time zone.
    Date(Date),
    /// `YYYY-MM-DDTHH:MM[:SS]`: wall-clock time in the event's time zone.
    Local(Date, Time),
    /// A date-time with `Z` or an offset: an exact instant, stored as UTC.
    Instant(Date, Time),
}

impl When {
    /// The calendar date as written (for an instant, its UTC date).
    pub fn date(&self) -> Date {
        match *self {
            When::Date(d) | When::Local(d, _) | When::Instant(d, _) => d,
        }
    }

    /// Whether this is an all-day value.
    pub fn is_all_day(&self) -> bool {
        matches!(self, When::Date(_))
    }

    /// Whether its date and time exist (see [`Date::is_valid`]).
    pub fn is_valid(&self) -> bool {
        match *self {
            When::Date(d) => d.is_valid(),
            When::Local(d, t) | When::Instant(d, t) => d.is_valid() && t.is_valid(),
        }
    }
}

/// Day of the week, Monday first as in ISO 8601.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    /// Monday
    Mon,
    /// Tuesday
    Tue,
    /// Wednesday
    Wed,
    /// Thursday
    Thu,
    /// Friday
    Fri,
    /// Saturday
    Sat,
    /// Sunday
    Sun,
}

impl Weekday {
    /// All seven, Monday first.
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// 0 for Monday to 6 for Sunday.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Whether `year` has a 29 February.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// A date, if it exists in the calendar.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Whether this is a date [`Date::new`] gives, in a year a browser's clock reaches (some
    /// 270,000 years either side of 1970): the fields are public, and a date built by hand
    /// may name no day (30 February, a 13th month). The widgets leave out an event with such
    /// a date.
    pub fn is_valid(self) -> bool {
        (-271_820..=275_759).contains(&self.year)
            && Date::new(self.year, self.month, self.day).is_some()
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + n)
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        Weekday::ALL[(self.days_since_epoch() + 3).rem_euclid(7) as usize]
    }

    /// The first day of this date's month.
    pub fn first_of_month(self) -> Date {
        Date { day: 1, ..self }
    }

    /// The first day of the month `n` months later (earlier when negative).
    pub fn add_months(self, n: i32) -> Date {
        // Within the years an `i32` holds: the first or last month of them at most.
        let index = (i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(n))
            .clamp(i64::from(i32::MIN) * 12, i64::from(i32::MAX) * 12 + 11);
        Date {
            year: index.div_euclid(12) as i32,
            month: (index.rem_euclid(12) + 1) as u8,
            day: 1,
        }
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Date::new(
            num(&b[0..4])? as i32,
            num(&b[5..7])? as u8,
            num(&b[8..10])? as u8,
        )
    }
}

/// Whether `s` is written as the feed writes a date, or a date and time (digits where they
/// go), but names no real day or time: `2025-02-29`, `2026-04-31`, `2026-13-01`,
/// `2026-05-01T25:00`. Such a value needs its day mended, not its form.
pub(crate) fn impossible(s: &str) -> bool {
    let b = s.as_bytes();
    // `0` a digit, `T` any of the separators the reader takes between date and time.
    let shaped = |pattern: &[u8], at: usize| {
        b.len() >= at + pattern.len()
            && pattern.iter().zip(&b[at..]).all(|(p, c)| match p {
                b'0' => c.is_ascii_digit(),
                b'T' => matches!(c, b'T' | b't' | b' '),
                p => p == c,
            })
    };
    if !shaped(b"0000-00-00", 0) || !(b.len() == 10 || shaped(b"T00:00", 10)) {
        return false;
    }
    let day = Date::parse(&s[..10]);
    let clock = b.len() > 10 && (num(&b[11..13]) >= Some(24) || num(&b[14..16]) >= Some(60));
    day.is_none() || clock
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn num(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

/// Parses `HH:MM[:SS[.fff]]`.
fn parse_time(s: &str) -> Option<Time> {
    let b = s.as_bytes();
    if b.len() < 5 || b[2] != b':' {
        return None;
    }
    let hour = num(&b[0..2])? as u8;
    let minute = num(&b[3..5])? as u8;
    let second = match &b[5..] {
        [] => 0,
        [b':', rest @ ..] if rest.len() >= 2 => {
            let frac = &rest[2..];
            if !(frac.is_empty()
                || (frac[0] == b'.' && frac.len() > 1 && frac[1..].iter().all(u8::is_ascii_digit)))
            {
                return None;
            }
            // A leap second (60) reads as 59; anything above is malformed.
            num(&rest[0..2]).filter(|&s| s <= 60)?.min(59) as u8
        }
        _ => return None,
    };
    (hour < 24 && minute < 60 && second < 60).then_some(Time {
        hour,
        minute,
        second,
    })
}

impl When {
    /// Parses any of the feed's three forms; `None` when malformed or impossible.
    pub fn parse(s: &str) -> Option<When> {
        if s.len() == 10 {
            return Date::parse(s).map(When::Date);
        }
        let (date, rest) = (s.get(..10)?, s.get(10..)?);
        let date = Date::parse(date)?;
        let rest = rest.strip_prefix(['T', 't', ' '])?;
        if let Some(time) = rest.strip_suffix(['Z', 'z']) {
            return Some(When::Instant(date, parse_time(time)?));
        }
        if let Some(split) = rest.rfind(['+', '-']).filter(|&i| i >= 5) {
            let (time, offset) = rest.split_at(split);
            let time = parse_time(time)?;
            let o = offset.as_bytes();
            let (oh, om) = match o.len() {
                6 if o[3] == b':' => (num(&o[1..3])?, num(&o[4..6])?),
                5 => (num(&o[1..3])?, num(&o[3..5])?),
                3 => (num(&o[1..3])?, 0),
                _ => return None,
            };
            if oh > 23 || om > 59 {
                return None;
            }
            let sign = if o[0] == b'-' { 1 } else { -1 };
            let minutes =
                i64::from(time.hour) * 60 + i64::from(time.minute) + sign * i64::from(oh * 60 + om);
            let (days, minutes) = (minutes.div_euclid(1440), minutes.rem_euclid(1440));
            let utc = Time {
                hour: (minutes / 60) as u8,
                minute: (minutes % 60) as u8,
                second: time.second,
            };
            return Some(When::Instant(date.add_days(days), utc));
        }
        Some(When::Local(date, parse_time(rest)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn dates_built_by_hand_are_checked_and_far_years_do_not_overflow() {
        assert!(d(2024, 2, 29).is_valid());
        // A year a feed writes as 9999 with an offset west of UTC is 10000 in UTC: valid.
        assert!(d(10_000, 1, 1).is_valid());
        for no_such in [
            (2026, 2, 29),
            (2026, 13, 1),
            (2026, 0, 1),
            (300_000, 1, 1),
            (-300_000, 12, 31),
        ] {
            let (year, month, day) = no_such;
            assert!(!Date { year, month, day }.is_valid(), "{no_such:?}");
        }
        let far = Date {
            year: i32::MAX,
            month: 12,
            day: 1,
        };
        assert_eq!(
            far.add_months(1),
            far,
            "the last month an i32 holds, not a panic"
        );
        assert_eq!(
            d(9999, 12, 1).add_months(1),
            Date {
                year: 10_000,
                month: 1,
                day: 1
            }
        );
        assert!(
            !Time {
                hour: 24,
                minute: 0,
                second: 0
            }
            .is_valid()
        );
        assert!(When::Local(d(2026, 4, 10), Time::LAST_SECOND).is_valid());
    }

    #[test]
    fn a_value_in_the_right_form_naming_no_real_day_or_time_is_told_apart() {
        for no_such in [
            "2025-02-29",
            "2026-04-31",
            "2026-13-01",
            "2026-00-10",
            "2026-05-00",
            "2026-05-01T25:00",
            "2026-05-01T10:60",
            "2026-02-30T09:00:00Z",
            "2026-02-30 09:00",
            "2026-06-31t10:00",
        ] {
            assert!(When::parse(no_such).is_none(), "{no_such} is rejected");
            assert!(impossible(no_such), "{no_such}");
        }
        // Another form altogether, or a real day: the form is what to mend, or nothing.
        for other in [
            "tomorrow",
            "2026-5-1",
            "01/05/2026",
            "2026-05-01 10:00",
            "2026-05-01T10",
            "2024-02-29",
            "2026-05-01T10:00",
            "2026-05-01T10:00:00+02:00",
        ] {
            assert!(!impossible(other), "{other}");
        }
    }

    #[test]
    fn impossible_dates_are_rejected() {
        assert_eq!(Date::parse("2025-02-29"), None);
        assert_eq!(Date::parse("2024-02-29"), Some(d(2024, 2, 29)));
        assert_eq!(Date::parse("2100-02-29"), None);
        assert_eq!(Date::parse("2000-02-29"), Some(d(2000, 2, 29)));
        assert_eq!(Date::parse("2025-04-31"), None);
        assert_eq!(Date::parse("2025-13-01"), None);
        assert_eq!(Date::parse("2025-00-10"), None);
        assert_eq!(Date::parse("2025-1-10"), None);
        assert_eq!(Date::parse("25-01-10"), None);
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn epoch_days_agree_with_jiff_over_four_centuries() {
        let mut date = d(1900, 1, 1);
        let mut civil = jiff::civil::date(1900, 1, 1);
        for _ in 0..(146_097 + 400) {
            assert_eq!(
                (date.year, date.month as i8, date.day as i8),
                (civil.year() as i32, civil.month(), civil.day())
            );
            assert_eq!(
                date.weekday().index() as i8,
                civil.weekday().to_monday_zero_offset()
            );
            date = date.add_days(1);
            civil = civil.tomorrow().unwrap();
        }
    }

    #[test]
    fn month_arithmetic_crosses_years() {
        assert_eq!(d(2026, 11, 23).add_months(2), d(2027, 1, 1));
        assert_eq!(d(2026, 1, 31).add_months(-1), d(2025, 12, 1));
    }

    #[test]
    fn the_three_forms_are_told_apart() {
        assert_eq!(When::parse("2024-11-18"), Some(When::Date(d(2024, 11, 18))));
        assert_eq!(
            When::parse("2025-01-07T09:00"),
            Some(When::Local(
                d(2025, 1, 7),
                Time {
                    hour: 9,
                    minute: 0,
                    second: 0
                }
            ))
        );
        assert_eq!(
            When::parse("2025-01-07T09:00:30"),
            Some(When::Local(
                d(2025, 1, 7),
                Time {
                    hour: 9,
                    minute: 0,
                    second: 30
                }
            ))
        );
        assert_eq!(
            When::parse("2026-12-03T16:00:00Z"),
            Some(When::Instant(
                d(2026, 12, 3),
                Time {
                    hour: 16,
                    minute: 0,
                    second: 0
                }
            ))
        );
        // 00:30 at +01:00 is 23:30 UTC the day before.
        assert_eq!(
            When::parse("2026-01-01T00:30+01:00"),
            Some(When::Instant(
                d(2025, 12, 31),
                Time {
                    hour: 23,
                    minute: 30,
                    second: 0
                }
            ))
        );
        assert_eq!(
            When::parse("2026-12-05T22:00:00.000-03:00"),
            Some(When::Instant(
                d(2026, 12, 6),
                Time {
                    hour: 1,
                    minute: 0,
                    second: 0
                }
            ))
        );
    }

    #[test]
    fn malformed_times_are_rejected() {
        for bad in [
            "2025-01-07T09:00:61",
            "2025-01-07T09:00:99",
            "2025-01-07T24:00",
            "2025-01-07T09:60",
            "2025-01-07T9:00",
            "2025-01-07 ",
            "2025-01-07T09:00+25:00",
            "2025-01-07T09:00:00.",
            "tomorrow",
            "2025-02-30T10:00",
        ] {
            assert_eq!(When::parse(bad), None, "{bad}");
        }
    }
}
