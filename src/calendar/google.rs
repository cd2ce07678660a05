//! "Add to Google Calendar": a link that opens Google Calendar's new-event page filled in
//! with the event.

use std::fmt::Write;

use super::ics::{date, local, rrule_of, utc};
use super::occur::{Offsets, instant_of, utc_day_of, wall, zone_of};
use crate::feed::{Event, Feed, When};
use crate::i18n::Lang;

/// Whether a query string keeps `byte` as it is: the unreserved characters.
fn unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte)
}

/// `text` percent-encoded for a query string: all but the unreserved characters.
pub(crate) fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if unreserved(byte) {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// The longest link Google Calendar is given, in bytes: it refuses links of some 8 KB.
const LINK_BYTES: usize = 6000;

/// `text` as [`encode`] writes it, cut at a character so that it takes at most `bytes`,
/// with an ellipsis where it is cut.
fn encode_within(text: &str, bytes: usize) -> String {
    let mut out = encode(text);
    if out.len() > bytes {
        let ellipsis = encode("…");
        let mut kept = 0;
        for c in text.chars() {
            let len = match c.len_utf8() {
                1 if unreserved(c as u8) => 1,
                n => 3 * n,
            };
            if kept + len + ellipsis.len() > bytes {
                break;
            }
            kept += len;
        }
        out.truncate(kept);
        out.push_str(&ellipsis);
    }
    out
}

/// `zone` as Google Calendar knows it: the seasonal names without a city that a feed may
/// give (`CET`, `EST5EDT`), which it does not list, as the city zone they stand for in the
/// time zone database since 2024b.
fn google_zone(zone: &str) -> &str {
    match zone {
        "CET" | "MET" => "Europe/Brussels",
        "EET" => "Europe/Athens",
        "WET" => "Europe/Lisbon",
        "EST5EDT" => "America/New_York",
        "CST6CDT" => "America/Chicago",
        "MST7MDT" => "America/Denver",
        "PST8PDT" => "America/Los_Angeles",
        zone => zone,
    }
}

/// The Google Calendar link of `event`, texts in `lang`: all-day dates with the day after
/// as the end, one-off times in UTC, a repeating event in its own zone with its rule.
pub(crate) fn link(feed: &Feed, event: &Event, lang: Lang, offsets: &impl Offsets) -> String {
    let own = zone_of(feed, event);
    let text = |t: &crate::feed::Text| {
        t.resolve(lang.tag(), &feed.cluster.default_language)
            .to_owned()
    };
    let at = |when: When| instant_of(when, own, offsets);
    let end = event.end.unwrap_or(event.start);
    let repeating = event.recurrence.is_some() && matches!(event.start, When::Local(..));
    let dates = match event.start {
        When::Date(first) => {
            let last = end.date().max(first);
            format!("{}/{}", date(first), date(last.add_days(1)))
        }
        // Wall-clock times in the event's zone (`ctz`), so that the rule keeps them.
        When::Local(d, t) if repeating => {
            let (ed, et) = match end {
                When::Local(d, t) => (d, t),
                other => wall(at(other), own, offsets),
            };
            format!("{}/{}", local(d, t), local(ed, et))
        }
        start => format!("{}/{}", utc(at(start)), utc(at(end).max(at(start)))),
    };
    // A timed value as `dates` writes it: the zone's wall clock for a repeating event, else UTC.
    let zoned = |when: When| {
        if repeating {
            let (d, t) = match when {
                When::Local(d, t) => (d, t),
                other => wall(at(other), own, offsets),
            };
            local(d, t)
        } else {
            utc(at(when))
        }
    };
    // Google refuses links of some 8 KB: a long title, place or description goes cut (the
    // .ics file keeps them whole), the description to what the rest leaves, the event's
    // link after it whole.
    let mut url = format!(
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={dates}",
        encode_within(&text(&event.title), 1000)
    );
    // The zone the rule is expanded in, which is otherwise the visitor's own: the event's
    // for wall-clock times, UTC for a series of instants (whose clock the visitor's zone
    // would keep across its changes, an hour off the event's after one).
    let ctz = if repeating {
        Some(google_zone(own))
    } else if event.recurrence.is_some() && matches!(event.start, When::Instant(..)) {
        Some("UTC")
    } else {
        None
    };
    if let Some(zone) = ctz {
        let _ = write!(url, "&ctz={}", encode(zone));
    }
    if let Some(rule) = rrule_of(event, own, offsets) {
        let mut recur = format!("RRULE:{rule}");
        // The left-out dates go with the rule, as in the .ics, in the form of `dates`; a date
        // alone leaves out that day's occurrence, at the event's time.
        let left_out: Vec<String> = event
            .exdates
            .iter()
            .filter_map(|&w| match (event.start, w) {
                (When::Date(_), w) => Some(date(w.date())),
                (When::Local(_, t), When::Date(d)) => Some(zoned(When::Local(d, t))),
                (When::Instant(_, t), When::Date(d)) => {
                    let day = utc_day_of(d, t, own, offsets)?;
                    Some(zoned(When::Instant(day, t)))
                }
                (_, w) => Some(zoned(w)),
            })
            .collect();
        if !left_out.is_empty() {
            // In the form of the start: dates, wall-clock times in the named zone, or UTC.
            let form = match event.start {
                When::Date(_) => ";VALUE=DATE".to_owned(),
                _ if repeating => format!(";TZID={}", google_zone(own)),
                _ => String::new(),
            };
            let _ = write!(recur, "\nEXDATE{form}:{}", left_out.join(","));
        }
        let _ = write!(url, "&recur={}", encode(&recur));
    }
    let location = event
        .location
        .as_ref()
        .map(|l| format!("&location={}", encode_within(&text(l), 1000)))
        .unwrap_or_default();
    let description = event.description.as_ref().map(text).unwrap_or_default();
    // The event's link, after the description where there is one.
    let link = match event.url.as_deref().and_then(|url| feed.resolve_url(url)) {
        Some(link) if description.is_empty() => encode(&link),
        Some(link) => encode(&format!("\n\n{link}")),
        None => String::new(),
    };
    // What is left of the link's bytes, less `&details=`.
    let room = LINK_BYTES.saturating_sub(url.len() + location.len() + link.len() + 9);
    let details = encode_within(&description, room) + &link;
    if !details.is_empty() {
        let _ = write!(url, "&details={details}");
    }
    url + &location
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::occur::testing::Jiff;
    use crate::feed::{Rrule, Text};

    fn w(s: &str) -> When {
        When::parse(s).unwrap()
    }

    /// The query parameters of `link`, decoded (an oracle written here, not the encoder).
    /// The value of `key` in `link`'s query, decoded.
    fn param(link: &str, key: &str) -> Option<String> {
        query(link)
            .into_iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    fn query(link: &str) -> Vec<(String, String)> {
        let (base, query) = link.split_once('?').unwrap();
        assert_eq!(base, "https://calendar.google.com/calendar/render");
        query
            .split('&')
            .map(|pair| {
                let (k, v) = pair.split_once('=').unwrap();
                let mut bytes = Vec::new();
                let mut rest = v.as_bytes();
                while let [first, tail @ ..] = rest {
                    if *first == b'%' {
                        let hex = std::str::from_utf8(&tail[..2]).unwrap();
                        bytes.push(u8::from_str_radix(hex, 16).unwrap());
                        rest = &tail[2..];
                    } else {
                        // Unreserved characters, and the slash a query may hold.
                        assert!(
                            first.is_ascii_alphanumeric() || b"-_.~/".contains(first),
                            "{v}"
                        );
                        bytes.push(*first);
                        rest = tail;
                    }
                }
                (k.to_owned(), String::from_utf8(bytes).unwrap())
            })
            .collect()
    }

    fn feed() -> Feed {
        let mut feed = Feed::default();
        feed.cluster.timezone = "Europe/Madrid".into();
        feed
    }

    #[test]
    fn an_all_day_event_ends_the_day_after_its_last_day() {
        let mut talent = Event::new("talent", "Talent Week", w("2026-11-16"));
        talent.end = Some(w("2026-11-20"));
        talent.location = Some(Text::Plain("Barcelona & Terrassa".into()));
        let q = query(&link(&feed(), &talent, Lang::Ca, &Jiff));
        assert_eq!(
            q,
            [
                ("action".into(), "TEMPLATE".into()),
                ("text".into(), "Talent Week".into()),
                ("dates".into(), "20261116/20261121".into()),
                ("location".into(), "Barcelona & Terrassa".into()),
            ]
        );
    }

    #[test]
    fn a_one_off_is_in_utc_and_a_repeating_event_keeps_its_zone_and_rule() {
        let mut assembly = Event::new("assembly", "Assemblea general", w("2026-06-10T10:00"));
        assembly.end = Some(w("2026-06-10T12:00"));
        assembly.description = Some(Text::Plain("Ordre del dia".into()));
        assembly.url = Some("https://example.org/assemblea".into());
        let q = query(&link(&feed(), &assembly, Lang::Ca, &Jiff));
        assert_eq!(
            q[2],
            ("dates".into(), "20260610T080000Z/20260610T100000Z".into())
        );
        assert_eq!(
            q[3],
            (
                "details".into(),
                "Ordre del dia\n\nhttps://example.org/assemblea".into()
            )
        );

        let mut breakfast = Event::new("breakfast", "Esmorzar", w("2026-01-06T09:00"));
        breakfast.end = Some(w("2026-01-06T10:30"));
        breakfast.recurrence = Some(Rrule::parse("FREQ=MONTHLY;BYDAY=1TU;COUNT=10").unwrap());
        let q = query(&link(&feed(), &breakfast, Lang::Ca, &Jiff));
        assert_eq!(
            q[2],
            ("dates".into(), "20260106T090000/20260106T103000".into())
        );
        assert_eq!(q[3], ("ctz".into(), "Europe/Madrid".into()));
        assert_eq!(
            q[4],
            (
                "recur".into(),
                "RRULE:FREQ=MONTHLY;COUNT=10;BYDAY=1TU".into()
            )
        );

        // Occurrences the feed leaves out stay out: at their time, or the event's for a date.
        breakfast.exdates = vec![w("2026-08-04T09:00"), w("2026-09-01")];
        let q = query(&link(&feed(), &breakfast, Lang::Ca, &Jiff));
        assert_eq!(
            q[4],
            (
                "recur".into(),
                "RRULE:FREQ=MONTHLY;COUNT=10;BYDAY=1TU\nEXDATE;TZID=Europe/Madrid:20260804T090000,\
                 20260901T090000"
                    .into()
            )
        );
    }

    #[test]
    fn a_series_of_instants_leaves_out_the_occurrence_on_a_date_in_the_events_zone() {
        // Daily at 23:30Z, 00:30 the next day in Madrid: "25 March" is the 24th's 23:30Z.
        let mut late = Event::new("late", "Late call", w("2026-03-23T23:30Z"));
        late.recurrence = Some(Rrule::parse("FREQ=DAILY;COUNT=3").unwrap());
        late.exdates = vec![w("2026-03-25")];
        let url = link(&feed(), &late, Lang::En, &Jiff);
        assert_eq!(
            param(&url, "recur").as_deref(),
            Some("RRULE:FREQ=DAILY;COUNT=3\nEXDATE:20260324T233000Z")
        );
        // Expanded in UTC, as the times are: in the visitor's zone, Google would keep their
        // wall clock across its changes, an hour off after one.
        assert_eq!(param(&url, "ctz").as_deref(), Some("UTC"));
        // A one-off instant needs no zone.
        late.recurrence = None;
        assert_eq!(param(&link(&feed(), &late, Lang::En, &Jiff), "ctz"), None);
    }

    #[test]
    fn a_seasonal_zone_without_a_city_is_named_as_the_city_google_knows() {
        let mut feed = feed();
        feed.cluster.timezone = "CET".into();
        let mut meeting = Event::new("meeting", "Meeting", w("2026-01-06T09:00"));
        meeting.recurrence = Some(Rrule::parse("FREQ=WEEKLY;COUNT=4").unwrap());
        meeting.exdates = vec![w("2026-01-13")];
        let url = link(&feed, &meeting, Lang::En, &Jiff);
        assert_eq!(param(&url, "ctz").as_deref(), Some("Europe/Brussels"));
        assert_eq!(
            param(&url, "recur").as_deref(),
            Some("RRULE:FREQ=WEEKLY;COUNT=4\nEXDATE;TZID=Europe/Brussels:20260113T090000")
        );
    }

    #[test]
    fn a_long_description_is_cut_so_that_google_takes_the_link_and_the_events_own_link_stays() {
        let mut talk = Event::new("talk", "Talk", w("2026-03-02"));
        talk.description = Some(Text::Plain("مرحبا ".repeat(1000)));
        talk.url = Some("https://example.org/talk".into());
        let url = link(&feed(), &talk, Lang::En, &Jiff);
        assert!(url.len() <= LINK_BYTES, "{} bytes", url.len());
        let details = param(&url, "details").unwrap();
        assert!(
            details.ends_with("…\n\nhttps://example.org/talk"),
            "{details}"
        );
        assert!(
            details.chars().count() > 300,
            "as much as fits: {}",
            details.chars().count()
        );
        // A title and a place as long are cut too, and the link still fits.
        talk.title = Text::Plain("長い題名".repeat(500));
        talk.location = Some(Text::Plain("場所".repeat(1000)));
        let url = link(&feed(), &talk, Lang::En, &Jiff);
        assert!(url.len() <= LINK_BYTES, "{} bytes", url.len());
        assert!(param(&url, "text").unwrap().ends_with('…'));
        assert!(
            param(&url, "details")
                .unwrap()
                .ends_with("https://example.org/talk")
        );
    }

    #[test]
    fn a_repeating_all_day_event_leaves_out_its_exdates_as_dates() {
        let mut day = Event::new("open", "Portes obertes", w("2026-03-02"));
        day.recurrence = Some(Rrule::parse("FREQ=WEEKLY;COUNT=4").unwrap());
        day.exdates = vec![w("2026-03-09")];
        assert_eq!(
            param(&link(&feed(), &day, Lang::Ca, &Jiff), "recur").as_deref(),
            Some("RRULE:FREQ=WEEKLY;COUNT=4\nEXDATE;VALUE=DATE:20260309")
        );
    }
}
