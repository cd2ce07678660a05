//! `Feed::check`, for feeds built in Rust, says what the reader would have said of the same
//! data written as JSON: the reader is the oracle. Each case writes one fault twice, into a
//! valid feed's JSON text and into the feed that text reads as, and compares the reader's
//! diagnostics with the check's: paths, problems, and which entries are skipped.
#![cfg(not(target_arch = "wasm32"))]

use clusterkit::feed::{Date, Diagnostic, Feed, Problem, Rrule, Text, Time, When, parse};

const FEED: &str = r##"{
  "version": 1,
  "cluster": {"name": "Cluster", "timezone": "Europe/Madrid", "default_language": "ca"},
  "segments": [
    {"id": "production", "name": {"ca": "Producció", "en": "Production"}, "color": "#1f5f8b"},
    {"id": "sound", "name": "Sound"}
  ],
  "categories": [{"id": "talk", "name": "Talk"}],
  "members": [
    {"id": "sonilab", "name": "Sonilab", "segments": ["sound"], "website": "https://www.sonilab.example", "email": "info@sonilab.example", "phone": "+34 93 555 12 34", "joined": "2024-06-12"},
    {"id": "rakuten", "name": "Rakuten TV", "segments": ["production"], "logo": "logos/rakuten.svg"},
    {"id": "cccb", "name": {"ca": "CCCB", "en": "CCCB"}, "segments": ["production", "sound"]}
  ],
  "events": [
    {"id": "talent", "title": "Talent Week", "start": "2026-11-16", "end": "2026-11-20", "category": "talk"},
    {"id": "assembly", "title": "General Assembly", "start": "2026-06-10T18:00", "end": "2026-06-10T20:00", "segments": ["production"]},
    {"id": "club", "title": "Sound club", "start": "2026-01-07T19:00", "recurrence": "FREQ=WEEKLY;COUNT=10", "exdates": ["2026-01-14T19:00"]}
  ]
}"##;

/// The feed `FEED` reads as, with nothing said of it.
fn read() -> Feed {
    let parsed = parse(FEED).expect("the base feed reads");
    assert_eq!(parsed.diagnostics, vec![], "the base feed is valid");
    parsed.feed
}

/// The reader's diagnostics of `FEED` with `from` replaced by `to` (once, and there).
fn reader_says(from: &str, to: &str) -> Vec<Diagnostic> {
    assert_eq!(FEED.matches(from).count(), 1, "{from} is in the feed once");
    parse(&FEED.replacen(from, to, 1))
        .expect("the changed feed reads")
        .diagnostics
}

/// Asserts that the check of the read feed changed by `change` says what the reader says of
/// the text changed from `from` to `to`, and that it says something.
fn same(from: &str, to: &str, change: impl FnOnce(&mut Feed)) {
    let mut feed = read();
    change(&mut feed);
    let expected = reader_says(from, to);
    assert!(!expected.is_empty(), "the reader says something of {to}");
    assert_eq!(feed.check(), expected, "{from} → {to}");
}

fn date(year: i32, month: u8, day: u8) -> Date {
    Date { year, month, day }
}

#[test]
fn a_feed_the_reader_gave_holds_nothing_to_say() {
    assert_eq!(read().check(), vec![]);
    // Also one it read past problems: what it kept is clean.
    let text = FEED
        .replacen(r#""id": "rakuten""#, r#""id": "sonilab""#, 1)
        .replacen("2026-11-20", "2026-11-10", 1)
        .replacen(
            r#""https://www.sonilab.example""#,
            r#""javascript:alert(1)""#,
            1,
        );
    let parsed = parse(&text).unwrap();
    assert_eq!(parsed.diagnostics.len(), 3, "{:?}", parsed.diagnostics);
    assert_eq!(parsed.feed.check(), vec![]);
}

#[test]
fn a_repeated_or_blank_id_skips_the_later_entry() {
    same(r#""id": "rakuten""#, r#""id": "sonilab""#, |f| {
        f.members[1].id = "sonilab".into()
    });
    same(r#""id": "cccb""#, r#""id": "  ""#, |f| {
        f.members[2].id = "  ".into()
    });
    same(r#""id": "sound""#, r#""id": "production""#, |f| {
        f.segments[1].id = "production".into()
    });
    same(r#""id": "club""#, r#""id": "talent""#, |f| {
        f.events[2].id = "talent".into()
    });
}

#[test]
fn a_blank_name_or_title_skips_its_entry() {
    same(r#""name": "Rakuten TV""#, r#""name": " ""#, |f| {
        f.members[1].name = " ".into()
    });
    same(
        r#""name": {"ca": "CCCB", "en": "CCCB"}"#,
        r#""name": {"ca": "", "en": ""}"#,
        |f| f.members[2].name = Text::Plain(String::new()),
    );
    same(r#""title": "Talent Week""#, r#""title": """#, |f| {
        f.events[0].title = "".into()
    });
    same(r#""name": "Sound""#, r#""name": """#, |f| {
        f.segments[1].name = "".into()
    });
}

#[test]
fn a_segment_the_feed_does_not_define_is_said() {
    same(
        r#""segments": ["production", "sound"]"#,
        r#""segments": ["production", "ghost"]"#,
        |f| f.members[2].segments[1] = "ghost".into(),
    );
    // A segment the reader skipped defines nothing.
    let mut feed = read();
    feed.segments[1].name = "".into();
    let said = feed.check();
    assert_eq!(
        said.iter().map(|d| d.path.as_str()).collect::<Vec<_>>(),
        [
            "segments[1].name",
            "members[0].segments[0]",
            "members[2].segments[1]"
        ]
    );
    assert_eq!(said, reader_says(r#""name": "Sound""#, r#""name": """#));
}

#[test]
fn unsafe_addresses_and_bad_contacts_and_colours_are_said_and_the_entry_kept() {
    same(
        r#""https://www.sonilab.example""#,
        r#""javascript:alert(1)""#,
        |f| f.members[0].website = Some("javascript:alert(1)".into()),
    );
    same(r#""logos/rakuten.svg""#, r#""data:text/html,x""#, |f| {
        f.members[1].logo = Some("data:text/html,x".into())
    });
    // Unsafe first, as the reader finds it, then two in one.
    same(
        r#""logos/rakuten.svg""#,
        r#""javascript:x\nwww.b.example""#,
        |f| f.members[1].logo = Some("javascript:x\nwww.b.example".into()),
    );
    same(
        r#""logos/rakuten.svg""#,
        r#""a.png\nhttps://b.example/b.png""#,
        |f| f.members[1].logo = Some("a.png\nhttps://b.example/b.png".into()),
    );
    // Two addresses in one, a line each.
    same(
        r#""https://www.sonilab.example""#,
        r#""https://www.sonilab.example\nhttps://sonilab.cat""#,
        |f| f.members[0].website = Some("https://www.sonilab.example\nhttps://sonilab.cat".into()),
    );
    same(r#""info@sonilab.example""#, r#""info at sonilab""#, |f| {
        f.members[0].email = Some("info at sonilab".into())
    });
    // A word is no page; a spreadsheet's `-` is none, said by neither.
    same(r#""https://www.sonilab.example""#, r#""pendent""#, |f| {
        f.members[0].website = Some("pendent".into())
    });
    let mut feed = read();
    feed.members[0].website = Some("-".into());
    feed.members[0].email = Some("—".into());
    assert_eq!(feed.check(), []);
    // Written with more than the address: read as meant, and said.
    same(
        r#""https://www.sonilab.example""#,
        r#""(www.sonilab.example)""#,
        |f| f.members[0].website = Some("(www.sonilab.example)".into()),
    );
    same(
        r#""info@sonilab.example""#,
        r#""“info@sonilab.example”""#,
        |f| f.members[0].email = Some("“info@sonilab.example”".into()),
    );
    same(
        r#""https://www.sonilab.example""#,
        r#""info@sonilab.example""#,
        |f| f.members[0].website = Some("info@sonilab.example".into()),
    );
    same(r#""+34 93 555 12 34""#, r#""call us""#, |f| {
        f.members[0].phone = Some("call us".into())
    });
    same(r##""#1f5f8b""##, r#""blueish""#, |f| {
        f.segments[0].color = Some("blueish".into())
    });
    let said = |f: &Feed| f.check().iter().map(|d| d.skipped).collect::<Vec<_>>();
    let mut feed = read();
    feed.members[0].website = Some("javascript:alert(1)".into());
    assert_eq!(said(&feed), [false], "the member stays");
}

#[test]
fn dates_that_name_no_day_are_said_and_a_start_skips_its_event() {
    same(
        r#""joined": "2024-06-12""#,
        r#""joined": "2026-02-30""#,
        |f| f.members[0].joined = Some(date(2026, 2, 30)),
    );
    same(
        r#""joined": "2024-06-12""#,
        r#""joined": "1200-06-12""#,
        |f| f.members[0].joined = Some(date(1200, 6, 12)),
    );
    same(
        r#""start": "2026-11-16""#,
        r#""start": "2026-13-16""#,
        |f| f.events[0].start = When::Date(date(2026, 13, 16)),
    );
    same(
        r#""start": "2026-06-10T18:00""#,
        r#""start": "2026-06-10T25:00""#,
        |f| {
            f.events[1].start = When::Local(
                date(2026, 6, 10),
                Time {
                    hour: 25,
                    minute: 0,
                    second: 0,
                },
            )
        },
    );
    same(r#""end": "2026-11-20""#, r#""end": "2026-11-31""#, |f| {
        f.events[0].end = Some(When::Date(date(2026, 11, 31)))
    });
    // A year no event has (a typo of 2026): the event skipped, an end left out.
    same(
        r#""start": "2026-11-16""#,
        r#""start": "0226-11-16""#,
        |f| f.events[0].start = When::Date(date(226, 11, 16)),
    );
    same(r#""end": "2026-11-20""#, r#""end": "9999-11-20""#, |f| {
        f.events[0].end = Some(When::Date(date(9999, 11, 20)))
    });
}

#[test]
fn an_end_before_the_start_or_in_the_other_form_is_said() {
    same(r#""end": "2026-11-20""#, r#""end": "2026-11-10""#, |f| {
        f.events[0].end = Some(When::Date(date(2026, 11, 10)))
    });
    same(
        r#""end": "2026-06-10T20:00""#,
        r#""end": "2026-06-11""#,
        |f| f.events[1].end = Some(When::Date(date(2026, 6, 11))),
    );
}

#[test]
fn a_rule_that_cannot_repeat_and_an_exdate_off_the_series_are_said() {
    let rule = |text: &str| Some(Rrule::parse(text).unwrap());
    same("FREQ=WEEKLY;COUNT=10", "FREQ=WEEKLY;INTERVAL=0", |f| {
        f.events[2].recurrence = rule("FREQ=WEEKLY").map(|r| Rrule { interval: 0, ..r });
    });
    same("FREQ=WEEKLY;COUNT=10", "FREQ=WEEKLY;UNTIL=20251231", |f| {
        f.events[2].recurrence = rule("FREQ=WEEKLY;UNTIL=20251231");
    });
    same(
        "FREQ=WEEKLY;COUNT=10",
        "FREQ=WEEKLY;COUNT=10;UNTIL=20261231",
        |f| {
            f.events[2].recurrence = rule("FREQ=WEEKLY;COUNT=10").map(|r| Rrule {
                until: Some(When::Date(date(2026, 12, 31))),
                ..r
            });
        },
    );
    same(r#""2026-01-14T19:00""#, r#""2026-01-15T19:00""#, |f| {
        f.events[2].exdates[0] = When::Local(date(2026, 1, 15), Time::new(19, 0).unwrap())
    });
}

#[test]
fn a_cluster_without_a_zone_whose_events_have_times_is_said() {
    same(r#""timezone": "Europe/Madrid""#, r#""timezone": """#, |f| {
        f.cluster.timezone = String::new()
    });
    // An event's zone of its own is the one its times are read in.
    let mut feed = read();
    feed.cluster.timezone = String::new();
    for event in &mut feed.events {
        event.timezone = Some("Europe/Madrid".into());
    }
    assert_eq!(feed.check(), []);
}

#[test]
fn a_language_tag_that_is_none_is_said() {
    same(
        r#""default_language": "ca""#,
        r#""default_language": "català""#,
        |f| f.cluster.default_language = "català".into(),
    );
    same(
        r#"{"ca": "Producció", "en": "Production"}"#,
        r#"{"ca": "Producció", "english": "Production"}"#,
        |f| {
            f.segments[0].name = Text::Localized(vec![
                ("ca".into(), "Producció".into()),
                ("english".into(), "Production".into()),
            ])
        },
    );
}

#[test]
fn each_problem_said_is_one_the_widgets_put_in_words() {
    let mut feed = read();
    feed.members[1].id = "sonilab".into();
    feed.events[0].start = When::Date(date(2026, 2, 30));
    let said = feed.check();
    assert_eq!(said.len(), 2);
    assert!(matches!(said[0].problem, Problem::DuplicateId { .. }));
    assert_eq!(
        said[1].message(clusterkit::Lang::Ca),
        reader_says(r#""start": "2026-11-16""#, r#""start": "2026-02-30""#)[0]
            .message(clusterkit::Lang::Ca)
    );
}

#[test]
fn blank_values_are_absent_and_written_forms_the_reader_takes_are_said_as_it_says_them() {
    // Blank or padded, as a database export writes them: nothing to say, as the reader.
    let mut feed = read();
    feed.members[0].email = Some(String::new());
    feed.members[0].phone = Some("  ".into());
    feed.members[1].segments.push(String::new());
    feed.members[0].website = Some(" https://www.sonilab.example ".into());
    feed.segments[0].color = Some(String::new());
    feed.events[0].timezone = Some(String::new());
    assert_eq!(feed.check(), vec![]);
    // An address written with its link's scheme is read without it, and said.
    same(
        r#""info@sonilab.example""#,
        r#""mailto:info@sonilab.example""#,
        |f| f.members[0].email = Some("mailto:info@sonilab.example".into()),
    );
    same(r#""+34 93 555 12 34""#, r#""tel:+34 93 555 12 34""#, |f| {
        f.members[0].phone = Some("tel:+34 93 555 12 34".into())
    });
    // An e-mail address where a website goes.
    same(
        r#""https://www.sonilab.example""#,
        r#""info@sonilab.example""#,
        |f| f.members[0].website = Some("info@sonilab.example".into()),
    );
    // A rule that never gives its event.
    same("FREQ=WEEKLY;COUNT=10", "FREQ=WEEKLY;COUNT=0", |f| {
        f.events[2].recurrence = Some(Rrule {
            count: Some(0),
            ..Rrule::parse("FREQ=WEEKLY").unwrap()
        });
    });
}
