//! Repeating events against jiff's zone data: their rules, counts, ends and left-out dates,
//! in the event's zone and across clock changes.

use super::*;

#[test]
fn left_out_dates_and_until_end_a_series() {
    let mut weekly = event("weekly", "2026-11-02T18:00", Some("2026-11-02T19:00"));
    weekly.recurrence = Some(Rrule::parse("FREQ=WEEKLY;UNTIL=20261123T170000Z").unwrap());
    weekly.exdates = vec![w("2026-11-09T18:00")];
    let feed = feed("Europe/Madrid", vec![weekly]);
    let days: Vec<Date> = shown(&feed, "Europe/Madrid", "2026-11-01", "2026-12-31")
        .into_iter()
        .map(|o| o.1)
        .collect();
    // UNTIL is 18:00 in Madrid on the 23rd: that day's occurrence is the last.
    assert_eq!(days, [d("2026-11-02"), d("2026-11-16"), d("2026-11-23")]);

    let mut daily = event("daily", "2026-11-01", None);
    daily.recurrence = Some(Rrule::parse("FREQ=DAILY;COUNT=5").unwrap());
    daily.exdates = vec![w("2026-11-03")];
    let feed = self::feed("Europe/Madrid", vec![daily]);
    let days: Vec<Date> = shown(&feed, "UTC", "2026-11-01", "2026-11-30")
        .into_iter()
        .map(|o| o.1)
        .collect();
    assert_eq!(
        days,
        [
            d("2026-11-01"),
            d("2026-11-02"),
            d("2026-11-04"),
            d("2026-11-05")
        ]
    );
}

#[test]
fn the_last_day_an_until_allows_is_the_one_its_series_shows_last() {
    // 23:30Z on the 31st is 00:30 on 1 January in Madrid: the 00:15 of that day is held.
    let mut advent = event("advent", "2025-12-25T00:15", None);
    advent.recurrence = Some(Rrule::parse("FREQ=DAILY;UNTIL=20251231T233000Z").unwrap());
    let feed = feed("Europe/Madrid", vec![advent.clone()]);
    let last = shown(&feed, "Europe/Madrid", "2025-12-01", "2026-01-31")
        .last()
        .map(|o| o.1);
    assert_eq!(last, Some(d("2026-01-01")));
    assert_eq!(until_day(&advent, "Europe/Madrid", &Jiff), last);
    // An UNTIL before the series' time that day ends it the day before.
    advent.recurrence = Some(Rrule::parse("FREQ=DAILY;UNTIL=20251230T230000Z").unwrap());
    assert_eq!(
        until_day(&advent, "Europe/Madrid", &Jiff),
        Some(d("2025-12-30"))
    );
    // All day: the date as written.
    let mut fair = event("fair", "2025-12-25", None);
    fair.recurrence = Some(Rrule::parse("FREQ=DAILY;UNTIL=20251231T233000Z").unwrap());
    assert_eq!(
        until_day(&fair, "Pacific/Auckland", &Jiff),
        Some(d("2025-12-31"))
    );
}

#[test]
fn a_series_from_an_instant_repeats_in_utc_and_leaves_out_its_instants() {
    // A weekly 08:00Z webinar: 09:00 in Madrid until the clock change of 28 March
    // 2027, 10:00 after it; the instant left out is the 24th's.
    let mut webinar = event(
        "webinar",
        "2027-03-17T08:00:00Z",
        Some("2027-03-17T09:00:00Z"),
    );
    webinar.recurrence = Some(Rrule::parse("FREQ=WEEKLY;COUNT=4").unwrap());
    webinar.exdates = vec![w("2027-03-24T08:00:00Z")];
    let feed = feed("Europe/Madrid", vec![webinar]);
    let seen: Vec<(Date, Option<Time>)> = shown(&feed, "Europe/Madrid", "2027-03-01", "2027-04-30")
        .into_iter()
        .map(|o| (o.1, o.3))
        .collect();
    assert_eq!(
        seen,
        [
            (d("2027-03-17"), Some(t("09:00"))),
            (d("2027-03-31"), Some(t("10:00"))),
            (d("2027-04-07"), Some(t("10:00")))
        ]
    );
}

#[test]
fn an_all_day_series_ends_on_the_date_its_until_names() {
    // "Until the end of 2027", written as an instant: in Madrid that instant is already
    // 1 January 2028, which the series must not reach.
    let mut market = event("market", "2027-12-04", None);
    market.recurrence = Some(Rrule::parse("FREQ=WEEKLY;UNTIL=20271231T235959Z").unwrap());
    let feed = feed("Europe/Madrid", vec![market]);
    let days: Vec<Date> = shown(&feed, "Europe/Madrid", "2027-12-01", "2028-01-31")
        .into_iter()
        .map(|o| o.1)
        .collect();
    assert_eq!(
        days,
        [
            d("2027-12-04"),
            d("2027-12-11"),
            d("2027-12-18"),
            d("2027-12-25")
        ]
    );
}

#[test]
fn a_daily_series_of_occurrences_lasting_millennia_puts_at_most_a_years_worth_on_a_month() {
    // A slip (0001 for 2001, 9999 for 2099) must not put millions of occurrences on the
    // month shown, each one a bar and a name in every day's label.
    let mut all_day = event("all-day", "0001-01-01", Some("9999-12-31"));
    all_day.recurrence = Some(Rrule::parse("FREQ=DAILY").unwrap());
    let mut timed = event("timed", "0001-01-01T09:00", Some("9000-12-31T10:00"));
    timed.recurrence = Some(Rrule::parse("FREQ=DAILY").unwrap());
    for e in [all_day, timed] {
        let feed = feed("UTC", vec![e]);
        let month = shown(&feed, "UTC", "2026-11-01", "2026-11-30");
        assert!(
            (30..=400).contains(&month.len()),
            "{} occurrences",
            month.len()
        );
        // Each lasts a year: the one that began on the 1st ends a year later.
        assert!(
            month
                .iter()
                .any(|o| o.1 == d("2026-11-01") && o.2 >= d("2027-11-01"))
        );
    }
}

#[test]
fn a_counted_series_is_held_its_count_less_the_occurrences_left_out() {
    // Monthly on the second Tuesday, 20 times from January 2027: August left out (given
    // twice), and a day that is no occurrence (a Monday), which takes nothing away.
    let mut breakfast = event("breakfast", "2027-01-12T09:00", Some("2027-01-12T10:00"));
    breakfast.recurrence = Some(Rrule::parse("FREQ=MONTHLY;BYDAY=2TU;COUNT=20").unwrap());
    breakfast.exdates = vec![
        w("2027-08-10T09:00"),
        w("2027-08-10T09:00"),
        w("2027-08-09T09:00"),
    ];
    let feed = feed("Europe/Madrid", vec![breakfast.clone()]);
    let all = shown(&feed, "Europe/Madrid", "2027-01-01", "2029-12-31");
    assert_eq!(all.len(), 19, "the grid shows 19");
    assert_eq!(times_held(&breakfast, "Europe/Madrid", &Jiff), Some(19));
    // Left out at another time of that day, or on the UTC clock at 07:00 (09:00 in Madrid's
    // summer), as the grid leaves it out or not.
    breakfast.exdates = vec![w("2027-08-10T10:00")];
    assert_eq!(times_held(&breakfast, "Europe/Madrid", &Jiff), Some(20));
    breakfast.exdates = vec![w("2027-08-10T07:00:00Z")];
    let feed = self::feed("Europe/Madrid", vec![breakfast.clone()]);
    let held = shown(&feed, "Europe/Madrid", "2027-01-01", "2029-12-31").len();
    assert_eq!(
        times_held(&breakfast, "Europe/Madrid", &Jiff),
        Some(held as u32)
    );
    assert_eq!(held, 19);
    // All day, by date; without a count, none.
    let mut market = event("market", "2027-03-01", None);
    market.recurrence = Some(Rrule::parse("FREQ=WEEKLY;COUNT=4").unwrap());
    market.exdates = vec![w("2027-03-15")];
    assert_eq!(times_held(&market, "Europe/Madrid", &Jiff), Some(3));
    market.recurrence = Some(Rrule::parse("FREQ=WEEKLY").unwrap());
    assert_eq!(times_held(&market, "Europe/Madrid", &Jiff), None);
}

#[test]
fn a_series_from_an_instant_reads_left_out_times_and_until_without_a_zone_in_the_events_zone() {
    // A daily 08:00Z call, three times from 23 March 2026: 09:00 in Madrid (winter). Its
    // left-out time written without a zone is Madrid's, as the download's EXDATE says.
    let call = |exdates: &[&str], rule: &str| {
        let mut e = event("call", "2026-03-23T08:00Z", Some("2026-03-23T08:30Z"));
        e.recurrence = Some(Rrule::parse(rule).unwrap());
        e.exdates = exdates.iter().map(|s| w(s)).collect();
        e
    };
    let days = |e: Event| -> Vec<Date> {
        shown(
            &feed("Europe/Madrid", vec![e]),
            "Europe/Madrid",
            "2026-03-01",
            "2026-04-30",
        )
        .into_iter()
        .map(|o| o.1)
        .collect()
    };
    let (d23, d24, d25) = (d("2026-03-23"), d("2026-03-24"), d("2026-03-25"));
    let nine = call(&["2026-03-24T09:00"], "FREQ=DAILY;COUNT=3");
    assert_eq!(
        days(nine.clone()),
        [d23, d25],
        "09:00 in Madrid is the 24th's 08:00Z"
    );
    assert_eq!(
        times_held(&nine, "Europe/Madrid", &Jiff),
        Some(2),
        "held twice"
    );
    let eight = call(&["2026-03-24T08:00"], "FREQ=DAILY;COUNT=3");
    assert_eq!(
        days(eight.clone()),
        [d23, d24, d25],
        "08:00 in Madrid is no occurrence"
    );
    assert_eq!(times_held(&eight, "Europe/Madrid", &Jiff), Some(3));
    // A date alone: the occurrence on that date in Madrid.
    assert_eq!(
        days(call(&["2026-03-24"], "FREQ=DAILY;COUNT=3")),
        [d23, d25]
    );
    // UNTIL 08:30 in Madrid is 07:30Z: the 25th's 08:00Z is past it.
    assert_eq!(
        days(call(&[], "FREQ=DAILY;UNTIL=20260325T083000")),
        [d23, d24]
    );
    assert_eq!(
        days(call(&[], "FREQ=DAILY;UNTIL=20260325T073000Z")),
        [d23, d24]
    );
    assert_eq!(
        days(call(&[], "FREQ=DAILY;UNTIL=20260325T080000Z")),
        [d23, d24, d25]
    );
}

#[test]
fn a_late_utc_series_counts_its_dates_and_until_as_the_events_zone_does() {
    // Daily at 23:30Z: 00:30 the next day in Madrid. Until 25 March, a date, is until the
    // end of the 25th in Madrid (22:59:59Z): the occurrences of the 24th and 25th in Madrid,
    // the 23rd's and 24th's 23:30Z.
    let mut late = event("late", "2026-03-23T23:30Z", None);
    late.recurrence = Some(Rrule::parse("FREQ=DAILY;UNTIL=20260325").unwrap());
    let feed1 = feed("Europe/Madrid", vec![late.clone()]);
    let in_madrid: Vec<Date> = shown(&feed1, "Europe/Madrid", "2026-03-01", "2026-04-30")
        .into_iter()
        .map(|o| o.1)
        .collect();
    assert_eq!(in_madrid, [d("2026-03-24"), d("2026-03-25")]);
    // The 25th left out, a Madrid date: the 24th's 23:30Z.
    late.recurrence = Some(Rrule::parse("FREQ=DAILY;COUNT=3").unwrap());
    late.exdates = vec![w("2026-03-25")];
    let feed2 = feed("Europe/Madrid", vec![late.clone()]);
    let in_utc: Vec<Date> = shown(&feed2, "UTC", "2026-03-01", "2026-04-30")
        .into_iter()
        .map(|o| o.1)
        .collect();
    assert_eq!(in_utc, [d("2026-03-23"), d("2026-03-25")]);
    assert_eq!(times_held(&late, "Europe/Madrid", &Jiff), Some(2));
}

#[test]
fn a_date_left_out_of_a_utc_series_that_the_clock_change_skips_leaves_out_nothing() {
    // Daily at 22:30Z: 23:30 in Madrid until 28 March 2027, 00:30 the next day after. Madrid's
    // 28 March, when its clocks go forward, has no occurrence: left out, it takes none.
    let mut late = event("late", "2027-03-25T22:30Z", None);
    late.recurrence = Some(Rrule::parse("FREQ=DAILY;COUNT=6").unwrap());
    late.exdates = vec![w("2027-03-28")];
    let feed = feed("Europe/Madrid", vec![late.clone()]);
    assert_eq!(shown(&feed, "UTC", "2027-03-01", "2027-04-30").len(), 6);
    assert_eq!(times_held(&late, "Europe/Madrid", &Jiff), Some(6));
    let file = crate::calendar::ics::calendar(
        &feed,
        &[0],
        crate::i18n::Lang::En,
        "example.org",
        0.0,
        &Jiff,
    );
    assert!(!file.contains("EXDATE"), "{file}");
}
