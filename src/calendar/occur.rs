//! Occurrences: each event, and each repetition of a repeating one, placed in the time zone
//! the calendar shows, for the days on screen only.
//!
//! An all-day event keeps its dates in every zone. A timed one is an interval between two
//! instants: wall-clock times are read in the event's own zone (else the cluster's, else
//! UTC), so a 09:00 breakfast in Madrid stays 09:00 in Madrid across the changes to and from
//! summer time, and the calendar shows it at whatever time that is in its zone.

use super::recur;
use super::zone::{epoch_ms, instant, wall_at};
use crate::feed::{Date, Event, Feed, Rrule, Time, When};

/// Offsets of time zones from UTC: the browser's `Intl` in the page, a zone database in
/// the tests.
pub(crate) trait Offsets {
    /// The offset of the IANA zone `zone` from UTC `ms` milliseconds after the epoch, in
    /// seconds east of Greenwich.
    fn offset(&self, zone: &str, ms: f64) -> i64;
}

/// The browser's time zones (UTC off the browser).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Intl;

impl Offsets for Intl {
    fn offset(&self, zone: &str, ms: f64) -> i64 {
        super::zone::offset_at(ms, zone)
    }
}

/// When one occurrence happens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Span {
    /// All day, from the first to the last day (both included), in every time zone.
    AllDay(Date, Date),
    /// From one instant to another (milliseconds after the epoch; the end excluded).
    Timed(f64, f64),
}

/// One occurrence of an event, as the calendar shows it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Occurrence {
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
    pub(crate) fn on(&self, day: Date) -> bool {
        self.first <= day && day <= self.last
    }

    /// Whether it shows on a day of the month that starts on `first`.
    pub(crate) fn in_month(&self, first: Date) -> bool {
        self.first < first.add_months(1) && self.last >= first
    }
}

/// How many events the occurrences are of: a weekly one shown four times is one.
pub(crate) fn events_among<'a>(occurrences: impl Iterator<Item = &'a Occurrence>) -> usize {
    let mut events: Vec<usize> = occurrences.map(|o| o.event).collect();
    events.sort_unstable();
    events.dedup();
    events.len()
}

/// An event's own zone: its `timezone`, else the cluster's.
pub(crate) fn zone_of<'a>(feed: &'a Feed, event: &'a Event) -> &'a str {
    event.timezone.as_deref().unwrap_or(&feed.cluster.timezone)
}

/// The wall clock of `zone` at `ms`.
pub(crate) fn wall(ms: f64, zone: &str, offsets: &impl Offsets) -> (Date, Time) {
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

/// A value of an event, a wall-clock one read in its zone `own`, on the wall clock of `frame`
/// its series repeats on (`own`, or UTC for a series of instants), as the series' start,
/// `UNTIL` and left-out dates compare it. On its own zone's clock a wall-clock value stays
/// as written (02:30 on the day summer time skips it is that day's occurrence at 02:30).
fn local(when: When, own: &str, frame: &str, offsets: &impl Offsets) -> (Date, Option<Time>) {
    match when {
        When::Date(d) => (d, None),
        When::Local(d, t) if frame == own => (d, Some(t)),
        when => {
            let (d, t) = wall(instant_of(when, own, offsets), frame, offsets);
            (d, Some(t))
        }
    }
}

/// Every occurrence that shows on a day from `from` to `to` (both included) in `zone`, in
/// the order a day lists them: by first day, the longer first, then by start time.
#[cfg(test)]
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
pub(crate) fn kept_occurrences(
    feed: &Feed,
    zone: &str,
    from: Date,
    to: Date,
    offsets: &impl Offsets,
    kept: Option<&[bool]>,
) -> Vec<Occurrence> {
    let mut out = Vec::new();
    each_kept(feed, zone, (from, to), offsets, kept, &mut |placed| {
        out.push(placed);
        true
    });
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

/// Whether any event kept (see [`kept_occurrences`]) shows between `from` and `to`: the
/// first one found ends the search.
pub(crate) fn any_kept_occurrence(
    feed: &Feed,
    zone: &str,
    (from, to): (Date, Date),
    offsets: &impl Offsets,
    kept: Option<&[bool]>,
) -> bool {
    let mut any = false;
    if from <= to {
        each_kept(feed, zone, (from, to), offsets, kept, &mut |_| {
            any = true;
            false
        });
    }
    any
}

/// The first day on or after `from` that a kept occurrence (see [`kept_occurrences`]) shows
/// on, within five years: looked for a year at a time, so that a long daily series is not
/// expanded for decades to find one.
pub(crate) fn next_kept_day(
    feed: &Feed,
    zone: &str,
    from: Date,
    offsets: &impl Offsets,
    kept: Option<&[bool]>,
) -> Option<Date> {
    let mut start = from;
    for _ in 0..5 {
        let end = start.first_of_month().add_months(12).add_days(-1);
        if let Some((first, _)) = first_days(feed, zone, (start, end), offsets, kept) {
            // One begun before `start` shows on it.
            return Some(first.max(start));
        }
        start = end.add_days(1);
    }
    None
}

/// The last day before `to`, and no earlier than `floor`, on which a kept occurrence begins,
/// or shows on first within the year searched (an exhibition that began years before is
/// counted from that year, so that a step back lists that year, not all of them): looked for
/// a year at a time, as [`next_kept_day`].
pub(crate) fn previous_kept_day(
    feed: &Feed,
    zone: &str,
    to: Date,
    floor: Date,
    offsets: &impl Offsets,
    kept: Option<&[bool]>,
) -> Option<Date> {
    let mut end = to.add_days(-1);
    while end >= floor {
        let start = end.first_of_month().add_months(-11).max(floor);
        if let Some((_, last)) = first_days(feed, zone, (start, end), offsets, kept) {
            return Some(last.max(start));
        }
        end = start.add_days(-1);
    }
    None
}

/// The earliest and the latest first day of the kept occurrences that show between `from`
/// and `to`, if any does.
fn first_days(
    feed: &Feed,
    zone: &str,
    (from, to): (Date, Date),
    offsets: &impl Offsets,
    kept: Option<&[bool]>,
) -> Option<(Date, Date)> {
    let mut days = None::<(Date, Date)>;
    each_kept(feed, zone, (from, to), offsets, kept, &mut |o| {
        let (low, high) = days.get_or_insert((o.first, o.first));
        *low = o.first.min(*low);
        *high = o.first.max(*high);
        true
    });
    days
}

/// The feed's events that `kept` keeps (all without it) and whose dates exist, each with its
/// place in the feed.
pub(crate) fn kept_events<'f>(
    feed: &'f Feed,
    kept: Option<&'f [bool]>,
) -> impl Iterator<Item = (usize, &'f Event)> + 'f {
    feed.events
        .iter()
        .enumerate()
        .filter(move |(i, e)| kept.is_none_or(|kept| kept.get(*i) != Some(&false)) && placeable(e))
}

/// Whether every date and time of `event`, and its rule, exist: a feed built by hand (the
/// fields are public) may give a 30 February or a 13th month, which no day of the calendar
/// shows.
pub(crate) fn placeable(event: &Event) -> bool {
    [Some(event.start), event.end]
        .iter()
        .flatten()
        .chain(&event.exdates)
        .all(When::is_valid)
        && event.recurrence.as_ref().is_none_or(Rrule::is_valid)
}

/// Hands `found` each occurrence of the events `kept` keeps that shows between `from` and
/// `to`, placed in `zone`, until it returns `false`: the one walk behind
/// [`kept_occurrences`] and [`any_kept_occurrence`].
fn each_kept(
    feed: &Feed,
    zone: &str,
    (from, to): (Date, Date),
    offsets: &impl Offsets,
    kept: Option<&[bool]>,
    found: &mut dyn FnMut(Occurrence) -> bool,
) {
    for (i, event) in kept_events(feed, kept) {
        for span in spans(event, zone_of(feed, event), from, to, offsets) {
            let placed = place(i, span, zone, offsets);
            if placed.first <= to && placed.last >= from && !found(placed) {
                return;
            }
        }
    }
}

/// When an occurrence begins, to read or hear occurrences in that order: by its first day,
/// all-day before timed, then by its start time. (Occurrences come in the order of the
/// grid's lanes, longest first, which is no order to read a day or a list in: an overnight
/// event from 22:00 came before the same day's morning.)
fn begins(o: &Occurrence) -> (Date, Option<Time>) {
    (o.first, o.times.map(|(start, _)| start))
}

/// The indexes into `placed` of the occurrences on `day`, in the order they begin: those
/// begun on an earlier day first, then the day's own (see [`begins`]).
pub(crate) fn on_day_in_order(placed: &[Occurrence], day: Date) -> Vec<usize> {
    let here: Vec<usize> = (0..placed.len()).filter(|&i| placed[i].on(day)).collect();
    let key = |i: usize| begins(&placed[i]);
    crate::sort::sorted_indices(here.len(), &|a, b| key(here[a]).cmp(&key(here[b])))
        .into_iter()
        .map(|k| here[k])
        .collect()
}

/// `placed` in the order its occurrences begin (see [`begins`]), as a list reads them.
pub(crate) fn in_order_begun(placed: Vec<Occurrence>) -> Vec<Occurrence> {
    crate::sort::sorted_indices(placed.len(), &|a, b| {
        begins(&placed[a]).cmp(&begins(&placed[b]))
    })
    .into_iter()
    .map(|i| placed[i].clone())
    .collect()
}

/// The longest a repeating event's occurrence lasts, in days; its end is cut there.
const MAX_REPEATED_DAYS: i64 = 366;

/// How many times a series with a `COUNT` is held: RFC 5545 counts its left-out occurrences
/// (`exdates`) in the count, then removes them, so that a series of 20 with one left out is
/// held 19 times. `None` without a count. Each left-out day is checked alone, without
/// listing the series.
pub(crate) fn times_held(event: &Event, own: &str, offsets: &impl Offsets) -> Option<u32> {
    let rule = event.recurrence.as_ref()?;
    let count = rule.count?;
    let frame = series_clock(event, own);
    let (first, time) = local(event.start, own, frame, offsets);
    let mut out: Vec<Date> = Vec::new();
    for day in left_out_days(event, own, frame, time, offsets) {
        if !out.contains(&day) && !recur::days(first, rule, None, day, day).is_empty() {
            out.push(day);
        }
    }
    Some(count.saturating_sub(out.len() as u32))
}

/// The clock a series repeats on: the event's zone (`own`) for a wall-clock start; UTC for an
/// instant, as RFC 5545 repeats a UTC DTSTART and as the .ics file says (a weekly 08:00Z is
/// 09:00 in Madrid in winter, 10:00 in summer).
fn series_clock<'a>(event: &Event, own: &'a str) -> &'a str {
    match event.start {
        When::Instant(..) => "UTC",
        _ => own,
    }
}

/// The days `event`'s left-out dates (`exdates`) take from its series, on the series' clock
/// `frame`: for an all-day series (`time` none) each one's date; for a series held at `time`,
/// the day of each one at that time, or of the occurrence on a date given alone. As its start,
/// a left-out date or time without a zone is the event's zone's (`own`), also where the
/// series repeats on UTC.
fn left_out_days(
    event: &Event,
    own: &str,
    frame: &str,
    time: Option<Time>,
    offsets: &impl Offsets,
) -> Vec<Date> {
    event
        .exdates
        .iter()
        .filter_map(|&w| match (time, w) {
            (None, w) => Some(w.date()),
            (Some(time), When::Date(d)) if frame != own => utc_day_of(d, time, own, offsets),
            (Some(time), w) => match local(w, own, frame, offsets) {
                (_, Some(t)) if t != time => None,
                (day, _) => Some(day),
            },
        })
        .collect()
}

/// The UTC day of the occurrence that a series held at `time` UTC has on `d`, a date in the
/// event's zone `own`: the day before or after `d` where `own` is that far ahead or behind.
/// `None` where the zone's clock change leaves `d` without one (a 22:30Z series skips
/// Madrid's last Sunday of March); where it gives `d` two, the earlier.
pub(super) fn utc_day_of(d: Date, time: Time, own: &str, offsets: &impl Offsets) -> Option<Date> {
    [d.add_days(-1), d, d.add_days(1)]
        .into_iter()
        .find(|&utc| wall(epoch_ms(utc, time), own, offsets).0 == d)
}

/// The last day `event`'s `UNTIL` lets an occurrence start on, on the series' clock (see
/// [`series_clock`]); its wall-clock times read in `own`, its zone. An `UNTIL` with a time
/// ends a series of dates on its date as written (for an instant, its UTC date), as the
/// .ics file's date-only `UNTIL` says; a timed series on its day, or the day before if the
/// series' time is past it. As the start, an `UNTIL` without a zone is the event's zone's
/// (a date, to its end there).
pub(crate) fn until_day(event: &Event, own: &str, offsets: &impl Offsets) -> Option<Date> {
    let until = event.recurrence.as_ref()?.until?;
    if event.start.is_all_day() {
        return Some(until.date());
    }
    let frame = series_clock(event, own);
    let time = local(event.start, own, frame, offsets)
        .1
        .unwrap_or_default();
    let until = match until {
        When::Date(d) if frame != own => When::Local(d, Time::LAST_SECOND),
        u => u,
    };
    Some(match local(until, own, frame, offsets) {
        (day, Some(t)) if time > t => day.add_days(-1),
        (day, _) => day,
    })
}

/// The spans of `event`'s occurrences that may show from `from` to `to`, its wall-clock
/// times read in `own`, its zone.
fn spans(event: &Event, own: &str, from: Date, to: Date, offsets: &impl Offsets) -> Vec<Span> {
    // All day: its dates; a timed end on an all-day start still ends on that end's day.
    if let When::Date(first) = event.start {
        let last = event.end.map_or(first, |end| end.date()).max(first);
        let length = last.days_since_epoch() - first.days_since_epoch();
        // A repeating event lasts at most a year each time: one that lasted from the year 1
        // to 9999, repeated daily, would put every one of its 3.6 million occurrences on
        // the month shown.
        let length = if event.recurrence.is_some() {
            length.min(MAX_REPEATED_DAYS)
        } else {
            length
        };
        let days = match &event.recurrence {
            None => vec![first],
            Some(rule) => {
                let until = until_day(event, own, offsets);
                let mut days = recur::days(first, rule, until, from.add_days(-length), to);
                let left_out = left_out_days(event, own, own, None, offsets);
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
    let mut end = event.end.map_or(start, |end| instant_of(end, own, offsets));
    // A start in the hour summer time skips (02:30, read as 03:30) may meet an end written
    // after it (03:30): the event keeps the length its wall clock gives (03:30 to 04:30),
    // not none.
    if let (When::Local(from, at), Some(When::Local(to, until))) = (event.start, event.end)
        && end <= start
    {
        let written = epoch_ms(to, until) - epoch_ms(from, at);
        if written > 0.0 {
            end = start + written;
        }
    }
    let end = end.max(start);
    let Some(rule) = &event.recurrence else {
        return vec![Span::Timed(start, end)];
    };
    // A year at most each time, as for all-day series.
    let length = (end - start).min(MAX_REPEATED_DAYS as f64 * 86_400_000.0);
    let frame = series_clock(event, own);
    let (first, time) = local(event.start, own, frame, offsets);
    let time = time.unwrap_or_default();
    let until = until_day(event, own, offsets);
    // Two zones' days are at most two days apart (Kiritimati's and Pago Pago's, 25 hours),
    // and an occurrence that started before `from` may still be on.
    let days_long = (length / 86_400_000.0).ceil() as i64;
    let days = recur::days(
        first,
        rule,
        until,
        from.add_days(-days_long - 2),
        to.add_days(2),
    );
    let left_out = left_out_days(event, own, frame, Some(time), offsets);
    days.into_iter()
        .filter(|d| !left_out.contains(d))
        .map(|d| {
            let start = instant(d, time, |ms| offsets.offset(frame, ms));
            Span::Timed(start, start + length)
        })
        .collect()
}

/// Occurrence `span` of event `event` on the wall clock of `zone`.
pub(super) fn place(event: usize, span: Span, zone: &str, offsets: &impl Offsets) -> Occurrence {
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
mod tests;
