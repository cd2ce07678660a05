//! The files are read back by the `icalendar` crate's parser, which shares no code with the
//! writer, and compared with the feed; zone offsets come from jiff's database.

use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime, EventLike};

use super::*;
use crate::calendar::occur::testing::Jiff;
use crate::calendar::recur::weekdays_in;
use crate::feed::{Rrule, Text, days_in_month};

mod zones;

fn w(s: &str) -> When {
    When::parse(s).unwrap()
}

fn event(id: &str, start: &str, end: Option<&str>) -> Event {
    let mut e = Event::new(id, id, w(start));
    e.end = end.map(w);
    e
}

/// The file of a feed in `zone` of one series, `rule` from `start` (to `end`).
fn series(zone: &str, start: &str, end: Option<&str>, rule: &str) -> String {
    let mut feed = Feed::default();
    feed.cluster.timezone = zone.into();
    let mut series = event("meeting", start, end);
    series.recurrence = Some(Rrule::parse(rule).unwrap());
    feed.events = vec![series];
    calendar(&feed, &[0], Lang::En, "example.org", NOW, &Jiff)
}

/// 23 November 2026, 20:55 UTC.
const NOW: f64 = 1_795_467_300_000.0;

const AWKWARD: &str = "Pitching; I+P, \"ideas\" \\ more\nsecond line ";

fn sample() -> Feed {
    let mut feed = Feed::default();
    feed.cluster.timezone = "Europe/Madrid".into();
    let talent = event("talent-week", "2026-11-16", Some("2026-11-20"));
    let mut assembly = event("assembly", "2026-06-10T10:00", Some("2026-06-10T12:00"));
    assembly.location = Some(Text::Plain("CCCB, Barcelona".into()));
    let mut breakfast = event("breakfast", "2026-01-06T09:00", Some("2026-01-06T10:30"));
    breakfast.recurrence = Some(Rrule::parse("FREQ=MONTHLY;BYDAY=1TU;UNTIL=20261231").unwrap());
    breakfast.exdates = vec![w("2026-02-03T09:00"), w("2026-08-04")];
    let mut ventana = event("ventana-sur", "2026-12-01T10:00", Some("2026-12-04T19:00"));
    ventana.timezone = Some("America/Argentina/Buenos_Aires".into());
    let mut pitch = event("pitch", "2026-09-15", None);
    pitch.title = Text::Plain(format!("{AWKWARD}{}", "é".repeat(60)));
    pitch.description = Some(Text::Plain("Línia 1\nLínia 2".into()));
    pitch.url = Some("https://example.org/pitch?a=1,2;b".into());
    assembly.url = Some("https://example.org/assemblea".into());
    feed.events = vec![talent, assembly, breakfast, ventana, pitch];
    feed
}

fn file() -> String {
    let feed = sample();
    calendar(
        &feed,
        &[0, 1, 2, 3, 4],
        Lang::Ca,
        "clusteraudiovisual.cat",
        NOW,
        &Jiff,
    )
}

fn parsed() -> Calendar {
    file().parse().expect("the parser reads the file")
}

fn events(cal: &Calendar) -> Vec<&icalendar::Event> {
    cal.components
        .iter()
        .filter_map(CalendarComponent::as_event)
        .collect()
}

fn by_uid<'a>(cal: &'a Calendar, id: &str) -> &'a icalendar::Event {
    let uid = format!("{id}@clusteraudiovisual.cat");
    events(cal)
        .into_iter()
        .find(|e| e.get_uid() == Some(&uid))
        .unwrap_or_else(|| panic!("{uid}"))
}

fn date_time(y: i32, m: u32, d: u32, h: u32, min: u32) -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(h, min, 0)
        .unwrap()
}

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DatePerhapsTime {
    DatePerhapsTime::DateTime(icalendar::CalendarDateTime::Utc(
        date_time(y, m, d, h, min).and_utc(),
    ))
}

#[test]
fn every_line_is_crlf_ended_and_at_most_75_octets() {
    let text = file();
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.contains('\n') && !line.contains('\r'));
    }
    assert!(text.contains("\r\n "), "the long title is folded");
}

#[test]
fn texts_come_back_as_they_were_after_escaping_and_folding() {
    let cal = parsed();
    let pitch = by_uid(&cal, "pitch");
    assert_eq!(
        pitch.get_summary(),
        Some(format!("{AWKWARD}{}", "é".repeat(60)).as_str())
    );
    // The event's link ends its description, which Google's and Outlook's imports show
    // where they show no URL; one without a description has its link as one.
    assert_eq!(
        pitch.get_description(),
        Some("Línia 1\nLínia 2\n\nhttps://example.org/pitch?a=1,2;b")
    );
    assert_eq!(
        pitch.property_value("URL"),
        Some("https://example.org/pitch?a=1,2;b")
    );
    assert_eq!(
        by_uid(&cal, "assembly").get_description(),
        Some("https://example.org/assemblea")
    );
    assert_eq!(by_uid(&cal, "talent-week").get_description(), None);
    assert_eq!(
        by_uid(&cal, "assembly").get_location(),
        Some("CCCB, Barcelona")
    );
    assert_eq!(events(&cal).len(), 5);
}

#[test]
fn all_day_events_are_dates_with_the_day_after_as_their_end() {
    let cal = parsed();
    let talent = by_uid(&cal, "talent-week");
    let day = |m, d| DatePerhapsTime::Date(chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap());
    assert_eq!(talent.get_start(), Some(day(11, 16)));
    assert_eq!(talent.get_end(), Some(day(11, 21)), "20 November included");
    assert_eq!(by_uid(&cal, "pitch").get_end(), Some(day(9, 16)));
}

#[test]
fn one_off_timed_events_are_instants_in_utc() {
    let cal = parsed();
    // 10:00 to 12:00 summer time in Madrid (UTC+2).
    let assembly = by_uid(&cal, "assembly");
    assert_eq!(assembly.get_start(), Some(utc(2026, 6, 10, 8, 0)));
    assert_eq!(assembly.get_end(), Some(utc(2026, 6, 10, 10, 0)));
    // 10:00 in Buenos Aires (UTC-3).
    assert_eq!(
        by_uid(&cal, "ventana-sur").get_start(),
        Some(utc(2026, 12, 1, 13, 0))
    );
    assert_eq!(
        by_uid(&cal, "ventana-sur").get_end(),
        Some(utc(2026, 12, 4, 22, 0))
    );
    assert!(
        by_uid(&cal, "assembly").get_timestamp().is_some(),
        "DTSTAMP"
    );
}

#[test]
fn a_repeating_event_keeps_its_zone_its_rule_and_its_left_out_days() {
    let cal = parsed();
    let breakfast = by_uid(&cal, "breakfast");
    let zoned = |d, h, m| {
        Some(DatePerhapsTime::DateTime(
            icalendar::CalendarDateTime::WithTimezone {
                date_time: date_time(2026, 1, d, h, m),
                tzid: "Europe/Madrid".into(),
            },
        ))
    };
    assert_eq!(breakfast.get_start(), zoned(6, 9, 0));
    assert_eq!(breakfast.get_end(), zoned(6, 10, 30));
    // UNTIL, a date, becomes the last second of that day in Madrid, in UTC.
    assert_eq!(
        breakfast.property_value("RRULE"),
        Some("FREQ=MONTHLY;UNTIL=20261231T225959Z;BYDAY=1TU")
    );
    let exdates: Vec<(String, Option<String>)> = breakfast
        .multi_properties()
        .get("EXDATE")
        .into_iter()
        .flatten()
        .chain(breakfast.properties().get("EXDATE"))
        .map(|p| {
            (
                p.value().to_owned(),
                p.params().get("TZID").map(|t| t.value().to_owned()),
            )
        })
        .collect();
    let madrid = Some("Europe/Madrid".to_owned());
    assert_eq!(
        exdates,
        [
            ("20260203T090000".to_owned(), madrid.clone()),
            ("20260804T090000".to_owned(), madrid),
        ],
        "a left-out date alone takes the event's time"
    );
}

#[test]
fn uids_name_the_cluster_s_website_else_the_feed_s_address() {
    let mut feed = Feed::default();
    // Nothing known natively: a name that is no one's.
    assert_eq!(source(&feed), "clusterkit.invalid");
    // Two clusters' feeds on one site differ by their paths.
    feed.base_url = Some("https://example.org/feeds/galicia.json?v=2#top".into());
    assert_eq!(source(&feed), "example.org/feeds/galicia.json");
    // A relative website names no place: the feed's address does.
    feed.cluster.url = Some("/".into());
    assert_eq!(source(&feed), "example.org/feeds/galicia.json");
    // The cluster's own website names it wherever its feed is.
    feed.cluster.url = Some("https://www.clusteraudiovisual.cat/".into());
    assert_eq!(source(&feed), "www.clusteraudiovisual.cat");
    let file = calendar(&feed, &[], Lang::En, &source(&feed), 0.0, &Jiff);
    assert!(!file.contains("UID"), "no events, no UIDs");
    let feed = Feed {
        events: vec![Event::new("w9", "Talk", When::parse("2026-12-01").unwrap())],
        ..feed
    };
    let file = calendar(&feed, &[0], Lang::En, &source(&feed), 0.0, &Jiff);
    assert!(
        file.contains("\r\nUID:w9@www.clusteraudiovisual.cat\r\n"),
        "{file}"
    );
}
