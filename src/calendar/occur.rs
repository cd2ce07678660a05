//! Occurrences: each event, and each repetition of a repeating one, placed in the time zone
//! the calendar shows, for the days on screen only.
//!
//! An all-day event keeps its dates in every zone. A timed one is an interval between two
//! instants: wall-clock times are read in the event's own zone (else the cluster's, else
//! UTC), so a 09:00 breakfast in Madrid stays 09:00 in Madrid across the changes to and from
//! summer time, and the calendar shows it at whatever time that is in its zone.

use super::recur;
use super::zone::{epoch_ms, instant, wall_at};
use crate::feed::{Date, Event, Feed, Time, When};

/// Offsets of time zones from UTC: the browser's `Intl` in the page, a zone database in
/// the tests.
pub trait Offsets {
    /// The offset of the IANA zone `zone` from UTC `ms` milliseconds after the epoch, in
    /// seconds east of Greenwich.
    fn offset(&self, zone: &str, ms: f64) -> i64;
}

/// The browser's time zones (UTC off the browser).
#[derive(Clone, Copy, Debug, Default)]
pub struct Intl;

impl Offsets for Intl {
    fn offset(&self, zone: &str, ms: f64) -> i64 {
        super::zone::offset_at(ms, zone)
    }
}

/// When one occurrence happens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Span {
    /// All day, from the first to the last day (both included), in every time zone.
    AllDay(Date, Date),
    /// From one instant to another (milliseconds after the epoch; the end excluded).
    Timed(f64, f64),
}

/// One occurrence of an event, as the calendar shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Occurrence {
    /// Index of the event in the feed.
    pub event: usize,
    /// When it happens.
    pub span: Span,
    /// The first day it shows on, in the calendar's zone.
    pub first: Date,
    /// The last day it shows on (included).
    pub last: Date,
    /// Its start and end times on the calendar's wall clock; `None` all day.
    pub times: Option<(Time, Time)>,
}

impl Occurrence {
    /// Whether it shows on `day`.
    pub fn on(&self, day: Date) -> bool {
        self.first <= day && day <= self.last
    }
}

/// An event's own zone: its `timezone`, else the cluster's.
pub fn zone_of<'a>(feed: &'a Feed, event: &'a Event) -> &'a str {
    event.timezone.as_deref().unwrap_or(&feed.cluster.timezone)
}

/// The wall clock of `zone` at `ms`.
pub fn wall(ms: f64, zone: &str, offsets: &impl Offsets) -> (Date, Time) {
    wall_at(ms, offsets.offset(zone, ms))
}

/// The instant of a timed `when` read in `zone`; an all-day date is its midnight there.
pub(super) fn instant_of(when: When, zone: &str, offsets: &impl Offsets) -> f64 {
    match when {
        When::Instant(d, t) => epoch_ms(d, t),
        When::Local(d, t) => instant(d, t, |ms| offsets.offset(zone, ms)),
        When::Date(d) => instant(d, Time::default(), |ms| offsets.offset(zone, ms)),
    }
}

/// A value in the event zone's wall clock, as its recurrence and left-out dates compare it.
fn local(when: When, zone: &str, offsets: &impl Offsets) -> (Date, Option<Time>) {
    match when {
        When::Date(d) => (d, None),
        When::Local(d, t) => (d, Some(t)),
        When::Instant(d, t) => {
            let (d, t) = wall(epoch_ms(d, t), zone, offsets);
            (d, Some(t))
        }
    }
}

/// Every occurrence that shows on a day from `from` to `to` (both included) in `zone`, in
/// the order a day lists them: by first day, the longer first, then by start time.
pub fn occurrences(
    feed: &Feed,
    zone: &str,
    from: Date,
    to: Date,
    offsets: &impl Offsets,
) -> Vec<Occurrence> {
    kept_occurrences(feed, zone, from, to, offsets, None)
}

/// [`occurrences`] of the events whose place in `kept` is `true` (all without it): the
/// others, which the visitor's filters hide, are not expanded at all.
pub fn kept_occurrences(
    feed: &Feed,
    zone: &str,
    from: Date,
    to: Date,
    offsets: &impl Offsets,
    kept: Option<&[bool]>,
) -> Vec<Occurrence> {
    let mut out = Vec::new();
    for (i, event) in feed.events.iter().enumerate() {
        if kept.is_some_and(|kept| kept.get(i) == Some(&false)) {
            continue;
        }
        let own = zone_of(feed, event);
        let spans = spans(event, own, from, to, offsets);
        for span in spans {
            let placed = place(i, span, zone, offsets);
            if placed.first <= to && placed.last >= from {
                out.push(placed);
            }
        }
    }
    let key = |o: &Occurrence| {
        (
            o.first,
            std::cmp::Reverse(o.last),
            o.times.map(|(start, _)| start),
        )
    };
    let order = crate::sort::sorted_indices(out.len(), &|a, b| key(&out[a]).cmp(&key(&out[b])));
    order.into_iter().map(|i| out[i].clone()).collect()
}

/// The indexes into `placed` of the occurrences on `day`, in the order they begin: those
/// begun on an earlier day first, then the day's own, all-day before timed. (`placed` is in
/// the order of the grid's lanes, longest first, which is no order to hear or read a day in.)
pub fn on_day_in_order(placed: &[Occurrence], day: Date) -> Vec<usize> {
    let here: Vec<usize> = (0..placed.len()).filter(|&i| placed[i].on(day)).collect();
    let key = |i: usize| (placed[i].first, placed[i].times.map(|(start, _)| start));
    crate::sort::sorted_indices(here.len(), &|a, b| key(here[a]).cmp(&key(here[b])))
        .into_iter()
        .map(|k| here[k])
        .collect()
}

/// The spans of `event`'s occurrences that may show from `from` to `to`, its wall-clock
/// times read in `own`, its zone.
fn spans(event: &Event, own: &str, from: Date, to: Date, offsets: &impl Offsets) -> Vec<Span> {
    // All day: its dates; a timed end on an all-day start still ends on that end's day.
    if let When::Date(first) = event.start {
        let last = event.end.map_or(first, |end| end.date()).max(first);
        let length = last.days_since_epoch() - first.days_since_epoch();
        let days = match &event.recurrence {
            None => vec![first],
            Some(rule) => {
                // An UNTIL with a time ends a series of dates on its date as written (for
                // an instant, its UTC date), as the .ics file's date-only UNTIL says.
                let until = rule.until.map(|u| u.date());
                let mut days = recur::days(first, rule, until, from.add_days(-length), to);
                let left_out: Vec<Date> = event.exdates.iter().map(When::date).collect();
                days.retain(|d| !left_out.contains(d));
                days
            }
        };
        return days
            .into_iter()
            .map(|d| Span::AllDay(d, d.add_days(length)))
            .collect();
    }
    // A one-off far from the days asked for needs no zone maths: a zone is at most 26 hours
    // from UTC.
    if event.recurrence.is_none() {
        let first = event.start.date();
        let last = event.end.map_or(first, |end| end.date());
        if last < from.add_days(-2) || first > to.add_days(2) {
            return Vec::new();
        }
    }
    // Timed: every occurrence lasts as long as the first (RFC 5545's exact duration).
    let start = instant_of(event.start, own, offsets);
    let end = event
        .end
        .map_or(start, |end| instant_of(end, own, offsets))
        .max(start);
    let length = end - start;
    let Some(rule) = &event.recurrence else {
        return vec![Span::Timed(start, end)];
    };
    // The clock the series repeats on: the event's zone for a wall-clock start; UTC for
    // an instant, as RFC 5545 repeats a UTC DTSTART and as the .ics file says (a weekly
    // 08:00Z is 09:00 in Madrid in winter, 10:00 in summer).
    let frame = match event.start {
        When::Instant(..) => "UTC",
        _ => own,
    };
    let (first, time) = local(event.start, frame, offsets);
    let time = time.unwrap_or_default();
    // The last day `UNTIL` allows: its day, or the day before if the time is past it.
    let until = rule.until.map(|u| match local(u, frame, offsets) {
        (day, Some(t)) if time > t => day.add_days(-1),
        (day, _) => day,
    });
    // A zone is at most a day from UTC, and an occurrence that started before `from` may
    // still be on.
    let days_long = (length / 86_400_000.0).ceil() as i64;
    let days = recur::days(
        first,
        rule,
        until,
        from.add_days(-days_long - 1),
        to.add_days(1),
    );
    let left_out: Vec<(Date, Option<Time>)> = event
        .exdates
        .iter()
        .map(|&w| local(w, frame, offsets))
        .collect();
    days.into_iter()
        .filter(|&d| {
            !left_out
                .iter()
                .any(|&(day, t)| day == d && t.is_none_or(|t| t == time))
        })
        .map(|d| {
            let start = instant(d, time, |ms| offsets.offset(frame, ms));
            Span::Timed(start, start + length)
        })
        .collect()
}

/// Occurrence `span` of event `event` on the wall clock of `zone`.
fn place(event: usize, span: Span, zone: &str, offsets: &impl Offsets) -> Occurrence {
    match span {
        Span::AllDay(first, last) => Occurrence {
            event,
            span,
            first,
            last,
            times: None,
        },
        Span::Timed(start, end) => {
            let (first, from) = wall(start, zone, offsets);
            let (mut last, until) = wall(end, zone, offsets);
            // The end is excluded: ending at midnight does not touch the next day.
            if end > start && until == Time::default() {
                last = last.add_days(-1);
            }
            Occurrence {
                event,
                span,
                first,
                last: last.max(first),
                times: Some((from, until)),
            }
        }
    }
}

/// What the calendar's native tests share.
#[cfg(test)]
pub(crate) mod testing {
    use super::Offsets;

    /// Offsets from jiff's copy of the time-zone database, an implementation that shares
    /// nothing with the browser's.
    pub(crate) struct Jiff;

    impl Offsets for Jiff {
        fn offset(&self, zone: &str, ms: f64) -> i64 {
            let tz = jiff::tz::TimeZone::get(zone).unwrap();
            let at = jiff::Timestamp::from_millisecond(ms as i64).unwrap();
            i64::from(tz.to_offset(at).seconds())
        }
    }
}

#[cfg(test)]
mod tests {
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
    fn shown(
        feed: &Feed,
        zone: &str,
        from: &str,
        to: &str,
    ) -> Vec<(String, Date, Date, Option<Time>)> {
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
        let seen: Vec<(Date, Option<Time>)> =
            shown(&feed, "Europe/Madrid", "2027-03-01", "2027-04-30")
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
}
