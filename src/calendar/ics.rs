//! Add to calendar: events as an iCalendar file (RFC 5545) that phone and desktop calendar
//! apps open, and as a Google Calendar link.
//!
//! A one-off timed event is written in UTC, which needs no zone rules. A repeating one keeps
//! its wall-clock time in its own zone (`TZID`), so that it stays at 09:00 in Madrid after
//! the clocks change, with a `VTIMEZONE` block describing that zone's changes, read from the
//! browser's zone data. All-day events are dates (`VALUE=DATE`), the end excluded.

use std::borrow::Cow;
use std::fmt::Write;

use super::occur::{Offsets, instant_of, utc_day_of, wall, zone_of};
use super::recur;
use super::zone::{epoch_ms, instant, wall_at};
use crate::feed::{DAY_CODES, Date, Event, Feed, Freq, Rrule, Time, When};
use crate::i18n::Lang;

mod vtimezone;
use vtimezone::vtimezone;

/// `YYYYMMDD`.
pub(super) fn date(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year, d.month, d.day)
}

/// `YYYYMMDDTHHMMSS`, a wall-clock time.
pub(super) fn local(d: Date, t: Time) -> String {
    format!("{}T{:02}{:02}{:02}", date(d), t.hour, t.minute, t.second)
}

/// `YYYYMMDDTHHMMSSZ`, an instant.
pub(super) fn utc(ms: f64) -> String {
    let (d, t) = wall_at(ms, 0);
    format!("{}Z", local(d, t))
}

/// `text` as an iCalendar TEXT value: backslash, semicolon, comma and line breaks escaped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded after 75 octets (never inside a character) and ended
/// with CRLF.
fn line(out: &mut String, content: &str) {
    let mut room = 75;
    let mut used = 0;
    for c in content.chars() {
        if used + c.len_utf8() > room {
            out.push_str("\r\n ");
            room = 74;
            used = 0;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// The rule as an `RRULE` value, its `UNTIL` written as `until`.
fn rule_text(rule: &Rrule, until: Option<String>) -> String {
    let freq = match rule.freq {
        Freq::Daily => "DAILY",
        Freq::Weekly => "WEEKLY",
        Freq::Monthly => "MONTHLY",
        Freq::Yearly => "YEARLY",
    };
    let mut out = format!("FREQ={freq}");
    if rule.interval > 1 {
        let _ = write!(out, ";INTERVAL={}", rule.interval);
    }
    if let Some(count) = rule.count {
        let _ = write!(out, ";COUNT={count}");
    }
    if let Some(until) = until {
        let _ = write!(out, ";UNTIL={until}");
    }
    let list = |items: Vec<String>| items.join(",");
    if !rule.by_month.is_empty() {
        let months = rule.by_month.iter().map(u8::to_string).collect();
        let _ = write!(out, ";BYMONTH={}", list(months));
    }
    if !rule.by_month_day.is_empty() {
        let days = rule.by_month_day.iter().map(i8::to_string).collect();
        let _ = write!(out, ";BYMONTHDAY={}", list(days));
    }
    if !rule.by_day.is_empty() {
        let days = rule
            .by_day
            .iter()
            .map(|&(n, w)| {
                format!(
                    "{}{}",
                    n.map(|n| n.to_string()).unwrap_or_default(),
                    DAY_CODES[w.index()]
                )
            })
            .collect();
        let _ = write!(out, ";BYDAY={}", list(days));
    }
    out
}

/// The event's rule as an `RRULE` value, its `UNTIL` in the form of its start, as RFC 5545
/// asks: a date for an all-day event, else an instant in UTC (a date lets that day's
/// occurrence in); `own` is the event's zone.
pub(super) fn rrule_of(event: &Event, own: &str, offsets: &impl Offsets) -> Option<String> {
    let rule = event.recurrence.as_ref()?;
    let until = until_of(event, own, offsets).map(|until| match until {
        Until::Day(d) => date(d),
        Until::At(ms) => utc(ms),
    });
    Some(rule_text(rule, until))
}

/// Where a series' `UNTIL` ends it.
enum Until {
    /// An all-day series: on this day.
    Day(Date),
    /// A timed one: at this instant (milliseconds after the epoch); a date alone is its end.
    At(f64),
}

/// `event`'s `UNTIL`, its dates and times in the event's zone `own`.
fn until_of(event: &Event, own: &str, offsets: &impl Offsets) -> Option<Until> {
    let until = event.recurrence.as_ref()?.until?;
    let zoned = |d: Date, t: Time| instant(d, t, |ms| offsets.offset(own, ms));
    Some(match (event.start, until) {
        (When::Date(_), until) => Until::Day(until.date()),
        (_, When::Date(d)) => Until::At(zoned(d, Time::LAST_SECOND)),
        (_, When::Local(d, t)) => Until::At(zoned(d, t)),
        (_, When::Instant(d, t)) => Until::At(epoch_ms(d, t)),
    })
}

/// `when` moved `by` days, in its own form.
fn shift(when: When, by: i64) -> When {
    match when {
        When::Date(d) => When::Date(d.add_days(by)),
        When::Local(d, t) => When::Local(d.add_days(by), t),
        When::Instant(d, t) => When::Instant(d.add_days(by), t),
    }
}

/// The texts of the file, in the visitor's language.
struct Texts<'a> {
    feed: &'a Feed,
    lang: Lang,
}

impl Texts<'_> {
    fn of(&self, text: &crate::feed::Text) -> String {
        escape(text.resolve(self.lang.tag(), &self.feed.cluster.default_language))
    }
}

/// How an event's times are written.
#[derive(Clone, Copy)]
enum Form<'a> {
    /// Dates.
    AllDay,
    /// Instants in UTC.
    Utc,
    /// Wall-clock times in this zone.
    Zoned(&'a str),
}

/// `event` with its first day on its rule, and the start to add as an `RDATE` where that
/// moved it. A start the rule does not give (a Tuesday start of a Monday and Wednesday
/// series) is the first occurrence all the same, in RFC 5545 and in the calendar, but
/// calendar apps built like python-dateutil skip it and add one at the end: the file starts
/// the series on the rule's first day after it instead, with its end moved as far, one
/// `COUNT` less, and the start as an `RDATE`; a series whose rule gives nothing after its
/// start (its `COUNT` of one, its `UNTIL` before the rule's next day, as the calendar reads
/// it in the event's zone `own`) is that one occurrence. A rule whose next day is further
/// than the eleven years looked at is written as it is.
fn synced<'e>(
    event: &'e Event,
    own: &str,
    offsets: &impl Offsets,
) -> (Cow<'e, Event>, Option<When>) {
    let Some(rule) = &event.recurrence else {
        return (Cow::Borrowed(event), None);
    };
    let first = event.start.date();
    if recur::gives_start(first, rule) {
        return (Cow::Borrowed(event), None);
    }
    // Past the rule's UNTIL, where the calendar ends the series: as `rrule_of` writes it.
    let past_until = |start: When| match (start, until_of(event, own, offsets)) {
        (When::Date(d), Some(Until::Day(last))) => d > last,
        (start, Some(Until::At(ms))) => instant_of(start, own, offsets) > ms,
        _ => false,
    };
    // How many days on the rule's next day is, if the series goes on to it.
    let next = recur::days(first, rule, None, first.add_days(1), first.add_days(4_000))
        .first()
        .map(|next| next.days_since_epoch() - first.days_since_epoch());
    let by = match next {
        Some(by) if !past_until(shift(event.start, by)) => Some(by),
        // The series ends at its start.
        Some(_) => None,
        None if rule.count == Some(1) => None,
        None => return (Cow::Borrowed(event), None),
    };
    let mut moved = event.clone();
    let Some(by) = by else {
        moved.recurrence = None;
        return (Cow::Owned(moved), None);
    };
    moved.start = shift(event.start, by);
    moved.end = event.end.map(|end| shift(end, by));
    if let Some(rule) = moved.recurrence.as_mut() {
        rule.count = rule.count.map(|count| count - 1);
    }
    (Cow::Owned(moved), Some(event.start))
}

/// Writes `event` (number `index` in the feed) as a VEVENT; returns the zone it names, if any.
fn vevent<'a>(
    out: &mut String,
    feed: &'a Feed,
    event: &'a Event,
    texts: &Texts,
    source: &str,
    now: f64,
    offsets: &impl Offsets,
) -> Option<&'a str> {
    let own = zone_of(feed, event);
    let (event, start_apart) = synced(event, own, offsets);
    let event = &*event;
    let at = |when: When| instant_of(when, own, offsets);
    let form = match event.start {
        When::Date(_) => Form::AllDay,
        When::Local(..) if event.recurrence.is_some() => Form::Zoned(own),
        _ => Form::Utc,
    };
    // A value in the file's form for this event, with its parameters.
    let value = |when: When| -> String {
        match form {
            Form::AllDay => format!(";VALUE=DATE:{}", date(when.date())),
            Form::Utc => format!(":{}", utc(at(when))),
            Form::Zoned(zone) => {
                let (d, t) = match when {
                    When::Local(d, t) => (d, t),
                    _ => wall(at(when), zone, offsets),
                };
                format!(";TZID={zone}:{}", local(d, t))
            }
        }
    };
    line(out, "BEGIN:VEVENT");
    line(
        out,
        &format!("UID:{}@{}", escape(&event.id), escape(source)),
    );
    line(out, &format!("DTSTAMP:{}", utc(now)));
    line(out, &format!("DTSTART{}", value(event.start)));
    match (form, event.end) {
        // The last day is included in the feed, excluded in iCalendar.
        (Form::AllDay, end) => {
            let last = end
                .map_or(event.start.date(), |e| e.date())
                .max(event.start.date());
            line(out, &format!("DTEND;VALUE=DATE:{}", date(last.add_days(1))));
        }
        (_, Some(end)) if at(end) > at(event.start) => {
            line(out, &format!("DTEND{}", value(end)));
        }
        _ => {}
    }
    if let Some(rule) = rrule_of(event, own, offsets) {
        line(out, &format!("RRULE:{rule}"));
        for &left_out in &event.exdates {
            // A date alone leaves out that day's occurrence, at the event's time (for a
            // series of instants, the one on that date in the event's zone).
            let left_out = match (&form, left_out, event.start) {
                (Form::AllDay, w, _) => w,
                (_, When::Date(d), When::Local(_, t)) => When::Local(d, t),
                (_, When::Date(d), When::Instant(_, t)) => match utc_day_of(d, t, own, offsets) {
                    Some(day) => When::Instant(day, t),
                    None => continue,
                },
                (_, w, _) => w,
            };
            line(out, &format!("EXDATE{}", value(left_out)));
        }
        if let Some(start) = start_apart {
            line(out, &format!("RDATE{}", value(start)));
        }
    }
    line(out, &format!("SUMMARY:{}", texts.of(&event.title)));
    if let Some(location) = &event.location {
        line(out, &format!("LOCATION:{}", texts.of(location)));
    }
    // A resolved URL holds no line break; the file must not, whatever comes.
    let url = event
        .url
        .as_deref()
        .and_then(|url| feed.resolve_url(url))
        .map(|url| url.replace(['\r', '\n'], ""));
    // The event's link ends its description too: Google's and Outlook's imports show no URL.
    let description = match (&event.description, &url) {
        (Some(text), Some(url)) => Some(format!("{}\\n\\n{}", texts.of(text), escape(url))),
        (Some(text), None) => Some(texts.of(text)),
        (None, Some(url)) => Some(escape(url)),
        (None, None) => None,
    };
    if let Some(description) = description {
        line(out, &format!("DESCRIPTION:{description}"));
    }
    if let Some(url) = url {
        line(out, &format!("URL:{url}"));
    }
    if let Some(category) = &event.category {
        let name = feed
            .category(category)
            .map_or_else(|| escape(category), |c| texts.of(&c.name));
        line(out, &format!("CATEGORIES:{name}"));
    }
    line(out, "END:VEVENT");
    match form {
        Form::Zoned(zone) => Some(zone),
        _ => None,
    }
}

/// The feed's events `events` (indices) as an iCalendar file, texts in `lang`. `source`
/// (where the feed comes from, [`source`]) makes the UIDs unique the
/// world over; `now` (milliseconds after the
/// epoch) is the time stamp.
pub(crate) fn calendar(
    feed: &Feed,
    events: &[usize],
    lang: Lang,
    source: &str,
    now: f64,
    offsets: &impl Offsets,
) -> String {
    let texts = Texts { feed, lang };
    let mut body = String::new();
    // Each zone named, with the year before the first an event in it needs (its
    // observances must begin before the event does, and in the southern hemisphere the
    // year's first change comes after its summer months: Sydney's January is the daylight
    // time that began the October before) and the year of the last one that starts there.
    let mut zones: Vec<(&str, i32, i32)> = Vec::new();
    for &i in events {
        let Some(event) = feed.events.get(i) else {
            continue;
        };
        if let Some(zone) = vevent(&mut body, feed, event, &texts, source, now, offsets) {
            let year = event.start.date().year;
            match zones.iter_mut().find(|(z, ..)| *z == zone) {
                Some((_, first, latest)) => {
                    *first = (*first).min(year - 1);
                    *latest = (*latest).max(year);
                }
                None => zones.push((zone, year - 1, year)),
            }
        }
    }
    let this_year = wall_at(now, 0).0.year;
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//clusterkit//clusterkit//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    for (zone, first, latest) in zones {
        // The zone's rules up to two years after this one or after the last series' start
        // (series go on), at most a century of them, and ten more years of its rules as the
        // browser projects them, so that the last rules are seen to repeat on every weekday
        // they fall on (Chile's Sun>=2 fell on the 2nd to the 7th from 2023 to 2028: a count
        // from the month's start, a week early in 2029).
        let last = (this_year + 2).max(latest + 2);
        let first = first.clamp(last - 100, last);
        vtimezone(&mut out, zone, first, last + 10, offsets);
    }
    out.push_str(&body);
    line(&mut out, "END:VCALENDAR");
    out
}

/// Where the feed's events come from, as their iCalendar UIDs name it (`id@…`): the cluster's
/// website (`www.clusteraudiovisual.cat`), else the feed's address (`example.org/feeds/a.json`;
/// the page's, for an inline feed read in the browser), else the page's host, each without
/// its scheme, query or fragment. Two clusters whose feeds sit on one site gave their events
/// `w9` the same UID, and so did two sites' inline feeds (`w9@clusterkit.invalid`): a
/// calendar app that imported both kept one.
pub(crate) fn source(feed: &Feed) -> String {
    // A relative website (`/`, which the reader keeps) names no place of its own.
    let absolute = |url: &&str| url.contains("://");
    feed.cluster
        .url
        .as_deref()
        .filter(absolute)
        .or(feed.base_url.as_deref())
        .and_then(|url| url.split_once("://"))
        .map(|(_, rest)| rest.split(['?', '#']).next().unwrap_or_default())
        .map(|place| place.trim_end_matches('/'))
        .filter(|place| !place.is_empty())
        .map(str::to_owned)
        .or_else(page_host)
        .unwrap_or_else(|| "clusterkit.invalid".to_owned())
}

/// The page's host name, in the browser.
fn page_host() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window()
        .and_then(|w| w.location().hostname().ok())
        .filter(|host| !host.is_empty());
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Offers the feed's events `events` (indices, repeats allowed) as one iCalendar file.
pub(crate) fn download(feed: &Feed, mut events: Vec<usize>, lang: Lang, file: &str) {
    events.sort_unstable();
    events.dedup();
    let calendar = calendar(
        feed,
        &events,
        lang,
        &source(feed),
        js_sys::Date::now(),
        &super::occur::Intl,
    );
    crate::ui::download(file, "text/calendar;charset=utf-8", &calendar);
}

#[cfg(test)]
mod tests;
