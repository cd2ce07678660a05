//! The calendar's pure logic: the month grid and which events fall on which day.

use crate::feed::{Date, Event, Feed, Time, When};

/// The days of the month grid around `month`: whole weeks from the week of the 1st to the
/// week of the last day, starting on Monday, or on Sunday when `sunday_first`.
pub fn month_grid(month: Date, sunday_first: bool) -> Vec<Date> {
    let first = month.first_of_month();
    let offset = first.weekday().index() as i64 + i64::from(sunday_first);
    let start = first.add_days(-(offset % 7));
    let last = first.add_months(1).add_days(-1);
    let days = last.days_since_epoch() - start.days_since_epoch() + 1;
    let weeks = (days + 6) / 7;
    (0..weeks * 7).map(|i| start.add_days(i)).collect()
}

/// An event as the calendar places it: its first and last day and its start time, in the
/// calendar's time zone.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// Index of the event in the feed.
    pub event: usize,
    /// First day it is shown on.
    pub first: Date,
    /// Last day it is shown on (inclusive).
    pub last: Date,
    /// Start time, `None` for all-day events.
    pub time: Option<Time>,
}

/// Places every event. `to_zone` turns an exact instant (UTC) into the calendar zone's wall
/// clock; wall-clock times are shown as written, and all-day dates never move.
pub fn place_events(feed: &Feed, to_zone: impl Fn(Date, Time) -> (Date, Time)) -> Vec<Placed> {
    let local = |w: When| match w {
        When::Date(d) => (d, None),
        When::Local(d, t) => (d, Some(t)),
        When::Instant(d, t) => {
            let (d, t) = to_zone(d, t);
            (d, Some(t))
        }
    };
    let placed: Vec<Placed> = feed
        .events
        .iter()
        .enumerate()
        .map(|(i, e): (usize, &Event)| {
            let (first, time) = local(e.start);
            let last = match e.end.map(local) {
                None => first,
                Some((end, None)) => end,
                // A timed end is exclusive: ending at midnight does not touch that day.
                Some((end, Some(t))) if t == Time::default() && end > first => end.add_days(-1),
                Some((end, Some(_))) => end,
            };
            Placed {
                event: i,
                first,
                last: last.max(first),
                time,
            }
        })
        .collect();
    // All-day and longer events first, then by start time, as calendars list a day.
    let key = |p: &Placed| (p.first, p.time.is_some(), p.time);
    crate::sort::sorted_indices(placed.len(), &|a, b| key(&placed[a]).cmp(&key(&placed[b])))
        .into_iter()
        .map(|i| placed[i].clone())
        .collect()
}

/// The placed events shown on `day`, in display order.
pub fn on_day(placed: &[Placed], day: Date) -> impl Iterator<Item = &Placed> {
    placed
        .iter()
        .filter(move |p| p.first <= day && day <= p.last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn november_2026_starts_on_the_monday_before_and_ends_on_sunday() {
        let grid = month_grid(d(2026, 11, 23), false);
        assert_eq!(grid.first(), Some(&d(2026, 10, 26)));
        assert_eq!(grid.last(), Some(&d(2026, 12, 6)));
        assert_eq!(grid.len(), 42);
        assert!(
            grid.chunks(7)
                .all(|w| w[0].weekday() == crate::feed::Weekday::Mon)
        );
    }

    #[test]
    fn sunday_first_grids_start_on_sunday() {
        let grid = month_grid(d(2026, 11, 1), true);
        assert_eq!(
            grid.first(),
            Some(&d(2026, 11, 1)),
            "1 November 2026 is a Sunday"
        );
        assert_eq!(grid.len(), 35);
        // February 2027 starts on a Monday: a Monday-first grid needs exactly four weeks.
        assert_eq!(month_grid(d(2027, 2, 1), false).len(), 28);
    }

    fn feed_with(events: Vec<Event>) -> Feed {
        Feed {
            events,
            ..Feed::default()
        }
    }

    #[test]
    fn all_day_events_cover_their_inclusive_end_and_instants_move_to_the_zone() {
        let mut talent = Event::new("talent", "Talent Week", When::Date(d(2026, 11, 16)));
        talent.end = Some(When::Date(d(2026, 11, 20)));
        let mut webinar = Event::new(
            "webinar",
            "Webinar",
            When::parse("2026-12-03T23:30:00Z").unwrap(),
        );
        webinar.end = Some(When::parse("2026-12-04T00:30:00Z").unwrap());
        let mut late = Event::new("late", "Late", When::parse("2026-11-20T22:00").unwrap());
        late.end = Some(When::parse("2026-11-21T00:00").unwrap());
        let feed = feed_with(vec![talent, webinar, late]);
        // A zone one hour ahead of UTC.
        let placed = place_events(&feed, |date, t| {
            if t.hour == 23 {
                (date.add_days(1), Time { hour: 0, ..t })
            } else {
                (
                    date,
                    Time {
                        hour: t.hour + 1,
                        ..t
                    },
                )
            }
        });
        let find = |i: usize| placed.iter().find(|p| p.event == i).unwrap();
        assert_eq!(
            (find(0).first, find(0).last),
            (d(2026, 11, 16), d(2026, 11, 20))
        );
        assert_eq!(
            find(1).first,
            d(2026, 12, 4),
            "23:30 UTC is the next day one hour ahead"
        );
        assert_eq!(
            find(2).last,
            d(2026, 11, 20),
            "an exclusive midnight end stays on its day"
        );
        assert_eq!(on_day(&placed, d(2026, 11, 20)).count(), 2);
        assert_eq!(on_day(&placed, d(2026, 11, 21)).count(), 0);
    }
}
