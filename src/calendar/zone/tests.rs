//! The zones' clocks and names, natively (what needs the browser's `Intl` is in
//! `tests/browser.rs`).

use super::*;

#[test]
fn the_en_us_numeric_form_reads_as_date_and_time() {
    let at = |y, mo, d, h, mi, s| {
        Some((
            Date::new(y, mo, d).unwrap(),
            Time {
                hour: h,
                minute: mi,
                second: s,
            },
        ))
    };
    assert_eq!(
        parse_en_us("1/15/2026, 13:05:09"),
        at(2026, 1, 15, 13, 5, 9)
    );
    assert_eq!(
        parse_en_us("12/31/1999, 00:00:00"),
        at(1999, 12, 31, 0, 0, 0)
    );
    // Other spaces or marks between the fields change nothing.
    assert_eq!(
        parse_en_us("\u{200e}3/29/2026,\u{202f}02:30:00"),
        at(2026, 3, 29, 2, 30, 0)
    );
    assert_eq!(parse_en_us("2/30/2026, 10:00:00"), None, "no such day");
    assert_eq!(parse_en_us("1/15/2026, 24:00:00"), None, "no such hour");
    assert_eq!(parse_en_us("1/15/2026"), None, "no time");
}

/// `zone`'s offset at an instant, from jiff's copy of the time-zone database.
fn jiff_offset(zone: &str) -> impl Fn(f64) -> i64 {
    let tz = jiff::tz::TimeZone::get(zone).unwrap();
    move |ms| {
        let at = jiff::Timestamp::from_millisecond(ms as i64).unwrap();
        i64::from(tz.to_offset(at).seconds())
    }
}

/// The instant jiff gives the same wall-clock time (its "compatible" reading: a skipped
/// time moves forward, a repeated one is the earlier), in milliseconds.
fn jiff_instant(zone: &str, date: Date, time: Time) -> f64 {
    let civil = jiff::civil::date(date.year as i16, date.month as i8, date.day as i8).at(
        time.hour as i8,
        time.minute as i8,
        time.second as i8,
        0,
    );
    civil
        .to_zoned(jiff::tz::TimeZone::get(zone).unwrap())
        .unwrap()
        .timestamp()
        .as_millisecond() as f64
}

fn at(hour: u8, minute: u8) -> Time {
    Time {
        hour,
        minute,
        second: 0,
    }
}

#[test]
fn madrid_clocks_change_on_the_last_sundays_of_march_and_october() {
    let madrid = jiff_offset("Europe/Madrid");
    let utc = |date: Date, time: Time| epoch_ms(date, time);
    let (march, october) = (
        Date::new(2026, 3, 29).unwrap(),
        Date::new(2026, 10, 25).unwrap(),
    );
    // 01:30 is still winter time (UTC+1); 02:30 does not exist and reads as 03:30 summer
    // time, the same instant as 01:30 UTC; 03:30 is summer time (UTC+2).
    assert_eq!(instant(march, at(1, 30), &madrid), utc(march, at(0, 30)));
    assert_eq!(instant(march, at(2, 30), &madrid), utc(march, at(1, 30)));
    assert_eq!(instant(march, at(3, 30), &madrid), utc(march, at(1, 30)));
    // 02:30 happens twice in October: first in summer time (00:30 UTC).
    assert_eq!(
        instant(october, at(2, 30), &madrid),
        utc(october, at(0, 30))
    );
    assert_eq!(
        instant(october, at(3, 30), &madrid),
        utc(october, at(2, 30))
    );
    // A 09:00 breakfast is 09:00 in Madrid on both sides of each change.
    for day in ["2026-03-28", "2026-03-30", "2026-10-24", "2026-10-26"] {
        let day = Date::parse(day).unwrap();
        let ms = instant(day, at(9, 0), &madrid);
        assert_eq!(wall_in(ms, &madrid), (day, at(9, 0)), "{day}");
    }

    fn wall_in(ms: f64, offset_at: &impl Fn(f64) -> i64) -> (Date, Time) {
        utc_wall_clock(ms + offset_at(ms) as f64 * 1000.0)
    }
}

#[test]
fn every_quarter_hour_of_a_year_agrees_with_jiff_in_zones_with_and_without_summer_time() {
    for zone in [
        "Europe/Madrid",
        "America/Argentina/Buenos_Aires",
        "America/New_York",
        "Australia/Lord_Howe",
        "UTC",
    ] {
        let offset = jiff_offset(zone);
        let mut day = Date::new(2026, 1, 1).unwrap();
        while day.year == 2026 {
            for quarter in 0..96u8 {
                let time = at(quarter / 4, quarter % 4 * 15);
                assert_eq!(
                    instant(day, time, &offset),
                    jiff_instant(zone, day, time),
                    "{zone} {day} {time:?}"
                );
            }
            day = day.add_days(1);
        }
    }
}

#[test]
fn epoch_milliseconds_round_trip_through_utc() {
    let date = Date::new(2026, 3, 29).unwrap();
    let time = Time {
        hour: 1,
        minute: 30,
        second: 5,
    };
    let ms = epoch_ms(date, time);
    assert_eq!(ms, 1_774_747_805_000.0);
    assert_eq!(utc_wall_clock(ms), (date, time));
    assert_eq!(utc_wall_clock(-1000.0).0, Date::new(1969, 12, 31).unwrap());
}
