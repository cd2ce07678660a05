//! Occurrences against jiff's zone data: clock changes, zones, series and their ends.

use super::*;
use crate::feed::Rrule;

use crate::calendar::occur::testing::Jiff;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn w(s: &str) -> When {
    When::parse(s).unwrap()
}

fn t(s: &str) -> Time {
    match w(&format!("2000-01-01T{s}")) {
        When::Local(_, t) => t,
        _ => unreachable!(),
    }
}

fn feed(zone: &str, events: Vec<Event>) -> Feed {
    let mut feed = Feed {
        events,
        ..Feed::default()
    };
    feed.cluster.timezone = zone.into();
    feed
}

fn event(id: &str, start: &str, end: Option<&str>) -> Event {
    let mut e = Event::new(id, id, w(start));
    e.end = end.map(w);
    e
}

/// Each occurrence as (event id, first day, last day, start time) in `zone`.
fn shown(feed: &Feed, zone: &str, from: &str, to: &str) -> Vec<(String, Date, Date, Option<Time>)> {
    occurrences(feed, zone, d(from), d(to), &Jiff)
        .into_iter()
        .map(|o| {
            (
                feed.events[o.event].id.clone(),
                o.first,
                o.last,
                o.times.map(|(s, _)| s),
            )
        })
        .collect()
}

mod series;

#[test]
fn a_monthly_madrid_breakfast_stays_at_nine_in_madrid_through_both_clock_changes() {
    let mut breakfast = event("breakfast", "2026-01-06T09:00", Some("2026-01-06T10:30"));
    breakfast.recurrence = Some(Rrule::parse("FREQ=MONTHLY;BYDAY=1TU").unwrap());
    let feed = feed("Europe/Madrid", vec![breakfast]);
    let in_madrid = shown(&feed, "Europe/Madrid", "2026-01-01", "2026-12-31");
    assert_eq!(in_madrid.len(), 12);
    assert!(
        in_madrid.iter().all(|o| o.3 == Some(t("09:00"))),
        "{in_madrid:?}"
    );
    // In UTC it is 08:00 in winter and 07:00 in summer (March's is before the change on
    // the 29th, November's after the one on 25 October).
    let in_utc = shown(&feed, "UTC", "2026-01-01", "2026-12-31");
    let hours: Vec<u8> = in_utc.iter().map(|o| o.3.unwrap().hour).collect();
    assert_eq!(hours, [8, 8, 8, 7, 7, 7, 7, 7, 7, 7, 8, 8]);
    // Every occurrence lasts ninety minutes.
    for o in occurrences(&feed, "UTC", d("2026-01-01"), d("2026-12-31"), &Jiff) {
        let Span::Timed(start, end) = o.span else {
            panic!("timed")
        };
        assert_eq!(end - start, 90.0 * 60_000.0);
    }
}

#[test]
fn events_the_filters_hide_are_left_out_and_the_rest_keep_their_order() {
    let mut breakfast = event("breakfast", "2026-01-06T09:00", Some("2026-01-06T10:30"));
    breakfast.recurrence = Some(Rrule::parse("FREQ=MONTHLY;BYDAY=1TU").unwrap());
    let mut weekly = event("weekly", "2026-01-05", None);
    weekly.recurrence = Some(Rrule::parse("FREQ=WEEKLY").unwrap());
    let fair = event("fair", "2026-03-02", Some("2026-03-04"));
    let feed = feed("Europe/Madrid", vec![breakfast, weekly, fair]);
    let (from, to) = (d("2026-02-20"), d("2026-03-31"));
    let ids = |list: Vec<Occurrence>| -> Vec<(String, Date)> {
        list.into_iter()
            .map(|o| (feed.events[o.event].id.clone(), o.first))
            .collect()
    };
    let all = ids(occurrences(&feed, "Europe/Madrid", from, to, &Jiff));
    let kept = [true, false, true];
    let shown = ids(kept_occurrences(
        &feed,
        "Europe/Madrid",
        from,
        to,
        &Jiff,
        Some(&kept),
    ));
    let expected: Vec<_> = all
        .iter()
        .filter(|(id, _)| id != "weekly")
        .cloned()
        .collect();
    assert_eq!(shown, expected);
    assert_eq!(
        expected,
        [
            ("fair".to_owned(), d("2026-03-02")),
            ("breakfast".to_owned(), d("2026-03-03"))
        ]
    );
    assert_eq!(
        all.len(),
        2 + 6,
        "and the weekly event's six Mondays without the filter"
    );
}

#[test]
fn all_day_events_keep_their_dates_in_every_zone() {
    let talent = event("talent", "2026-11-16", Some("2026-11-20"));
    let feed = feed("Europe/Madrid", vec![talent]);
    for zone in ["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"] {
        assert_eq!(
            shown(&feed, zone, "2026-11-01", "2026-11-30"),
            [("talent".into(), d("2026-11-16"), d("2026-11-20"), None)],
            "{zone}"
        );
    }
}

#[test]
fn an_event_starting_in_the_hour_summer_time_skips_keeps_its_length() {
    // 02:30 does not exist in Madrid on 28 March 2027: read as 03:30, as RFC 5545 says; its
    // end at 03:30 would leave it no time at all.
    let early = event("early", "2027-03-28T02:30", Some("2027-03-28T03:30"));
    let feed = feed("Europe/Madrid", vec![early]);
    let o = &occurrences(
        &feed,
        "Europe/Madrid",
        d("2027-03-01"),
        d("2027-03-31"),
        &Jiff,
    )[0];
    assert_eq!(o.times, Some((t("03:30"), t("04:30"))));
}

#[test]
fn an_event_through_the_hour_the_clocks_go_back_says_each_time_with_its_offset() {
    use crate::calendar::format::when;
    use crate::i18n::Lang;
    let said = |start: &str, end: &str, zone: &str, month: &str| {
        let feed = feed("Europe/Madrid", vec![event("e", start, Some(end))]);
        let first = d(&format!("{month}-01"));
        let o = &occurrences(&feed, zone, first, first.add_months(1).add_days(-1), &Jiff)[0];
        when(Lang::En, o)
    };
    // An hour from 02:30 summer time to 02:30 winter time (zoneinfo: 00:30Z is 02:30+02:00,
    // 01:30Z is 02:30+01:00), not "02:30" alone.
    assert_eq!(
        said(
            "2026-10-25T00:30Z",
            "2026-10-25T01:30Z",
            "Europe/Madrid",
            "2026-10"
        ),
        "Sunday 25 October 2026, 02:30 (UTC+2)–\u{2060}02:30 (UTC+1)"
    );
    // Half an hour in Los Angeles, not an end before the start.
    assert_eq!(
        said(
            "2026-11-01T08:45Z",
            "2026-11-01T09:15Z",
            "America/Los_Angeles",
            "2026-11"
        ),
        "Sunday 1 November 2026, 01:45 (UTC\u{2212}7)–\u{2060}01:15 (UTC\u{2212}8)"
    );
    // Another day, or a change that is not inside the event: times alone.
    assert_eq!(
        said(
            "2026-10-24T22:00",
            "2026-10-25T00:00",
            "Europe/Madrid",
            "2026-10"
        ),
        "Saturday 24 October 2026, 22:00–\u{2060}24:00"
    );
    assert_eq!(
        said(
            "2026-10-25T09:00",
            "2026-10-25T10:30",
            "Europe/Madrid",
            "2026-10"
        ),
        "Sunday 25 October 2026, 09:00–\u{2060}10:30"
    );
}

#[test]
fn an_event_in_buenos_aires_shows_at_madrid_time() {
    // Ventana Sur opens at 10:00 in Buenos Aires (UTC-3), 14:00 in Madrid (UTC+1).
    let mut ventana = event("ventana", "2026-12-01T10:00", Some("2026-12-04T19:00"));
    ventana.timezone = Some("America/Argentina/Buenos_Aires".into());
    let feed = feed("Europe/Madrid", vec![ventana]);
    let o = &occurrences(
        &feed,
        "Europe/Madrid",
        d("2026-12-01"),
        d("2026-12-31"),
        &Jiff,
    )[0];
    assert_eq!(o.times, Some((t("14:00"), t("23:00"))));
    assert_eq!((o.first, o.last), (d("2026-12-01"), d("2026-12-04")));
}

#[test]
fn events_crossing_midnight_and_month_ends_show_on_each_day() {
    let party = event("party", "2026-11-30T22:00", Some("2026-12-01T02:00"));
    let midnight = event("midnight", "2026-11-20T20:00", Some("2026-11-21T00:00"));
    let feed = feed("Europe/Madrid", vec![party, midnight]);
    let november = shown(&feed, "Europe/Madrid", "2026-11-01", "2026-11-30");
    assert_eq!(
        november,
        [
            (
                "midnight".into(),
                d("2026-11-20"),
                d("2026-11-20"),
                Some(t("20:00"))
            ),
            (
                "party".into(),
                d("2026-11-30"),
                d("2026-12-01"),
                Some(t("22:00"))
            ),
        ],
        "a midnight end stays on its day"
    );
    // December shows the party too, on its first day.
    let december = shown(&feed, "Europe/Madrid", "2026-12-01", "2026-12-31");
    assert_eq!(december.len(), 1);
    assert!(
        occurrences(
            &feed,
            "Europe/Madrid",
            d("2026-12-01"),
            d("2026-12-31"),
            &Jiff
        )[0]
        .on(d("2026-12-01"))
    );
    // An instant late on the 30th in UTC is already the 1st in Madrid.
    let late = event("late", "2026-11-30T23:30:00Z", None);
    let feed = self::feed("UTC", vec![late]);
    assert_eq!(
        shown(&feed, "Europe/Madrid", "2026-12-01", "2026-12-31")[0].1,
        d("2026-12-01")
    );
    assert!(shown(&feed, "Europe/Madrid", "2026-11-01", "2026-11-30").is_empty());
}

#[test]
fn a_multi_day_occurrence_that_began_last_month_shows_this_month() {
    let mut fair = event("fair", "2026-01-28", Some("2026-02-03"));
    fair.recurrence = Some(Rrule::parse("FREQ=YEARLY").unwrap());
    let feed = feed("UTC", vec![fair]);
    assert_eq!(
        shown(&feed, "UTC", "2027-02-01", "2027-02-28"),
        [("fair".into(), d("2027-01-28"), d("2027-02-03"), None)]
    );
}

#[test]
fn a_day_lists_the_longer_events_first_then_by_time() {
    let feed = feed(
        "UTC",
        vec![
            event("late", "2026-11-10T18:00", None),
            event("early", "2026-11-10T08:00", None),
            event("week", "2026-11-10", Some("2026-11-14")),
            event("day", "2026-11-10", None),
        ],
    );
    let ids: Vec<String> = shown(&feed, "UTC", "2026-11-01", "2026-11-30")
        .into_iter()
        .map(|o| o.0)
        .collect();
    assert_eq!(ids, ["week", "day", "early", "late"]);
}

#[test]
fn a_day_shows_what_a_zone_25_hours_away_holds_on_it() {
    // Daily at 00:30 in Kiritimati (UTC+14), seen in Pago Pago (UTC−11): each is 23:30 two
    // days earlier by the calendar there, so 31 March's is the series' 2 April.
    let mut early = event("early", "2026-03-01T00:30", Some("2026-03-01T01:00"));
    early.recurrence = Some(Rrule::parse("FREQ=DAILY;COUNT=70").unwrap());
    let feed = feed("Pacific/Kiritimati", vec![early]);
    assert_eq!(
        shown(&feed, "Pacific/Pago_Pago", "2026-03-31", "2026-03-31"),
        [(
            "early".to_owned(),
            d("2026-03-31"),
            d("2026-03-31"),
            Some(t("23:30"))
        )]
    );
    // And the other way: a Pago Pago series at 23:30 is 00:30 two days later in Kiritimati.
    let mut late = event("late", "2026-03-01T23:30", Some("2026-03-02T00:00"));
    late.recurrence = Some(Rrule::parse("FREQ=DAILY;COUNT=70").unwrap());
    let feed = self::feed("Pacific/Pago_Pago", vec![late]);
    assert_eq!(
        shown(&feed, "Pacific/Kiritimati", "2026-03-03", "2026-03-03"),
        [(
            "late".to_owned(),
            d("2026-03-03"),
            d("2026-03-03"),
            Some(t("00:30"))
        )]
    );
}

#[test]
fn the_next_and_previous_days_with_events_are_found_years_away_and_filters_count() {
    let mut weekly = event("weekly", "2019-03-04T18:00", None);
    weekly.recurrence = Some(Rrule::parse("FREQ=WEEKLY;UNTIL=20200101").unwrap());
    let fair = event("fair", "2029-06-28", Some("2029-07-02"));
    let feed = feed("Europe/Madrid", vec![weekly, fair]);
    let next = |from: &str, kept: Option<&[bool]>| {
        next_kept_day(&feed, "Europe/Madrid", d(from), &Jiff, kept)
    };
    let previous = |to: &str, floor: &str, kept: Option<&[bool]>| {
        previous_kept_day(&feed, "Europe/Madrid", d(to), d(floor), &Jiff, kept)
    };
    // Three years and a half ahead, and its first day; from inside it, the day asked for.
    assert_eq!(next("2026-01-01", None), Some(d("2029-06-28")));
    assert_eq!(next("2029-07-01", None), Some(d("2029-07-01")));
    // Past five years' search, nothing.
    assert_eq!(next("2024-01-01", None), None);
    // The series' last Monday of 2019, six years back, unless the floor is nearer.
    assert_eq!(
        previous("2026-01-01", "2000-01-01", None),
        Some(d("2019-12-30"))
    );
    assert_eq!(previous("2026-01-01", "2020-01-01", None), None);
    // Before its last day, the fair's first.
    assert_eq!(
        previous("2029-07-02", "2000-01-01", None),
        Some(d("2029-06-28"))
    );
    // The filters hide the series.
    assert_eq!(
        previous("2026-01-01", "2000-01-01", Some(&[false, true])),
        None
    );
}

#[test]
fn an_event_built_by_hand_with_a_day_that_does_not_exist_is_left_out_and_the_rest_shown() {
    let bad = |id: &str, when: When| Event::new(id, id, when);
    let day = |year, month, day| Date { year, month, day };
    let at = |hour, minute| Time {
        hour,
        minute,
        second: 0,
    };
    let mut ended = event("ended-on-31-april", "2026-04-29", None);
    ended.end = Some(When::Date(day(2026, 4, 31)));
    let mut series = event("until-month-13", "2026-04-06T09:00", None);
    series.recurrence = Some(Rrule::parse("FREQ=WEEKLY").unwrap());
    if let Some(r) = series.recurrence.as_mut() {
        r.until = Some(When::Date(day(2026, 13, 1)));
    }
    let mut zeroth_monday = event("zeroth-monday", "2026-04-06T09:00", None);
    zeroth_monday.recurrence = Some(Rrule::parse("FREQ=MONTHLY;BYDAY=1MO").unwrap());
    if let Some(r) = zeroth_monday.recurrence.as_mut() {
        r.by_day = vec![(Some(0), crate::feed::Weekday::Mon)];
    }
    let mut thirteenth_month = event("thirteenth-month", "2026-04-06", None);
    thirteenth_month.recurrence = Some(Rrule::parse("FREQ=YEARLY").unwrap());
    if let Some(r) = thirteenth_month.recurrence.as_mut() {
        r.by_month = vec![13];
    }
    let feed = feed(
        "Europe/Madrid",
        vec![
            zeroth_monday,
            thirteenth_month,
            bad("month-13", When::Date(day(2026, 13, 5))),
            bad("30-february", When::Date(day(2026, 2, 30))),
            bad("25-o-clock", When::Local(day(2026, 4, 10), at(25, 0))),
            bad("year-300000", When::Date(day(300_000, 12, 31))),
            ended,
            series,
            event("talent", "2026-04-20", None),
        ],
    );
    let ids: Vec<String> = shown(&feed, "Europe/Madrid", "2026-01-01", "2026-12-31")
        .into_iter()
        .map(|(id, ..)| id)
        .collect();
    assert_eq!(ids, ["talent"]);
    assert_eq!(
        next_kept_day(&feed, "Europe/Madrid", d("2026-01-01"), &Jiff, None),
        Some(d("2026-04-20"))
    );
}

#[test]
fn a_feed_s_never_ending_series_until_9999_west_of_utc_is_placeable() {
    // 9999-12-31T23:59:59-05:00 is in the year 10000 in UTC, as the reader keeps it.
    let series = Event {
        recurrence: Some(Rrule::parse("FREQ=WEEKLY;UNTIL=9999-12-31T23:59:59-05:00").unwrap()),
        end: Some(w("9999-12-31T22:00:00-05:00")),
        ..event("weekly", "2026-04-06T09:00", None)
    };
    assert_eq!(
        series
            .recurrence
            .as_ref()
            .and_then(|r| r.until)
            .map(|u| u.date().year),
        Some(10_000)
    );
    assert!(placeable(&series));
}

#[test]
fn an_occurrence_is_in_the_months_it_shows_on_and_no_other() {
    let over = |first: &str, last: &str| Occurrence {
        event: 0,
        span: Span::AllDay(d(first), d(last)),
        first: d(first),
        last: d(last),
        times: None,
    };
    let november = d("2026-11-01");
    // On its first or last day, or across it.
    for (first, last) in [
        ("2026-11-01", "2026-11-01"),
        ("2026-11-30", "2026-11-30"),
        ("2026-10-31", "2026-11-01"),
        ("2026-11-30", "2026-12-01"),
        ("2026-10-15", "2027-01-15"),
    ] {
        assert!(over(first, last).in_month(november), "{first} to {last}");
    }
    // Ending the day before, or starting the day after.
    for (first, last) in [("2026-10-01", "2026-10-31"), ("2026-12-01", "2026-12-01")] {
        assert!(!over(first, last).in_month(november), "{first} to {last}");
    }
    // February of a leap year ends on the 29th.
    assert!(over("2028-02-29", "2028-02-29").in_month(d("2028-02-01")));
    assert!(!over("2028-03-01", "2028-03-01").in_month(d("2028-02-01")));
}
