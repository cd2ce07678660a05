//! What a feed author sees when the data is wrong: every kind of [`Problem`] the lenient
//! reader reports, with its path, whether the entry was skipped, and the promise of the feed
//! contract (`PRODUCT.md`, "Feed v1 (JSON)"; `docs/feed.md`) that bad input never loses the
//! valid rest of the feed.
//!
//! Each test builds a small feed from valid entries plus the bad entry or field, and checks
//! the exact diagnostics (order aside) and the whole parsed feed that remains.
#![cfg(not(target_arch = "wasm32"))]

use clusterkit::__private::json::{self, Fault, Json};
use clusterkit::__private::parse_json;
use clusterkit::Lang;
use clusterkit::feed::{
    Cluster, Date, Diagnostic, Event, Expected, Feed, Freq, Kind, Member, ParsedFeed, Problem,
    Rrule, RruleError, Segment, Skipped, SyntaxError, Text, Time, Weekday, When, parse,
    parse_bytes,
};
use clusterkit::feed::{Recovery, SyntaxProblem};

// ---------------------------------------------------------------------------------------
// Building feeds
// ---------------------------------------------------------------------------------------

/// In a list of field changes, leaves the field out.
const DROP: &str = "<leave this field out>";

const CLUSTER: &str = r#"{"name": {"ca": "Clúster Audiovisual de Catalunya", "en": "Catalan Audiovisual Cluster"}, "url": "https://www.clusteraudiovisual.example", "timezone": "Europe/Madrid", "default_language": "ca"}"#;

const SEGMENTS: &str = r##"[{"id": "production", "name": {"ca": "Producció", "es": "Producción", "en": "Production"}, "color": "#1f5f8b"}, {"id": "post-production", "name": {"ca": "Postproducció", "es": "Postproducción", "en": "Post-production"}, "color": "#7a5195"}]"##;

const CATEGORIES: &str =
    r##"[{"id": "training", "name": {"ca": "Formació", "en": "Training"}, "color": "#b35400"}]"##;

/// Every optional member field, valid, in the order of `docs/feed.md`.
const MEMBER_FIELDS: [(&str, &str); 13] = [
    ("segments", r#"["post-production"]"#),
    ("kind", r#""sme""#),
    ("city", r#""Barcelona""#),
    ("region", r#""Catalunya""#),
    ("country", r#""ES""#),
    ("website", r#""https://www.sonilab.example""#),
    ("logo", r#""logos/sonilab.svg""#),
    ("email", r#""info@sonilab.example""#),
    ("phone", r#""+34 93 555 12 34""#),
    (
        "description",
        r#"{"en": "Dubbing and sound studio", "es": "Estudio de doblaje y sonido"}"#,
    ),
    ("tags", r#"["dubbing", "sound"]"#),
    ("joined", r#""2024-06-12""#),
    ("founding", "true"),
];

/// Every event field but `id`, valid, for a timed recurring event.
const EVENT_FIELDS: [(&str, &str); 12] = [
    (
        "title",
        r#"{"ca": "Esmorzar de socis", "en": "Members' breakfast"}"#,
    ),
    ("start", r#""2025-01-07T09:00""#),
    ("end", r#""2025-01-07T10:30""#),
    ("timezone", r#""Europe/Madrid""#),
    ("location", r#""Barcelona""#),
    ("segments", r#"["production", "post-production"]"#),
    ("category", r#""training""#),
    ("url", r#""events/breakfast.html""#),
    ("description", r#""Coffee and news for members.""#),
    ("recurrence", r#""FREQ=MONTHLY;BYDAY=1TU;COUNT=10""#),
    ("exdates", r#"["2025-08-05T09:00"]"#),
    ("_note", r#""an unknown field""#),
];

/// A JSON object from `base` fields (key, raw JSON value) with `changes` applied: a change
/// replaces the field's value, [`DROP`] leaves it out, and a new key is added at the end.
fn object(base: Vec<(&str, String)>, changes: &[(&str, &str)]) -> String {
    let mut fields: Vec<(String, String)> =
        base.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    for &(key, value) in changes {
        match fields.iter().position(|(k, _)| k == key) {
            Some(i) if value == DROP => {
                fields.remove(i);
            }
            Some(i) => fields[i].1 = value.to_owned(),
            None if value == DROP => {}
            None => fields.push((key.to_owned(), value.to_owned())),
        }
    }
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("\"{k}\": {v}"))
        .collect();
    format!("{{{}}}", body.join(", "))
}

/// A member with every field valid (see [`full_member`]) except the `changes`.
fn member_json(id: &str, name: &str, changes: &[(&str, &str)]) -> String {
    let mut base = vec![("id", format!("\"{id}\"")), ("name", format!("\"{name}\""))];
    base.extend(MEMBER_FIELDS.iter().map(|&(k, v)| (k, v.to_owned())));
    object(base, changes)
}

/// A timed recurring event with every field valid (see [`full_event`]) except the `changes`.
fn event_json(id: &str, changes: &[(&str, &str)]) -> String {
    let mut base = vec![("id", format!("\"{id}\""))];
    base.extend(EVENT_FIELDS.iter().map(|&(k, v)| (k, v.to_owned())));
    object(base, changes)
}

/// An all-day event from 18 to 22 November 2024 (see [`all_day_event`]).
fn all_day_event_json(id: &str, changes: &[(&str, &str)]) -> String {
    let mut all: Vec<(&str, &str)> = vec![
        ("title", r#""Talent Week""#),
        ("start", r#""2024-11-18""#),
        ("end", r#""2024-11-22""#),
        ("recurrence", DROP),
        ("exdates", r#"["2024-11-20"]"#),
    ];
    all.extend_from_slice(changes);
    event_json(id, &all)
}

/// A whole feed: the standard cluster, segments and categories, the given members and
/// events, then the top-level `changes`.
fn feed_doc(changes: &[(&str, &str)], members: Vec<String>, events: Vec<String>) -> String {
    let base = vec![
        ("version", "1".to_owned()),
        ("cluster", CLUSTER.to_owned()),
        ("segments", SEGMENTS.to_owned()),
        ("categories", CATEGORIES.to_owned()),
        ("members", format!("[{}]", members.join(",\n "))),
        ("events", format!("[{}]", events.join(",\n "))),
    ];
    object(base, changes)
}

fn feed(members: Vec<String>, events: Vec<String>) -> String {
    feed_doc(&[], members, events)
}

// ---------------------------------------------------------------------------------------
// What the feeds above must read as
// ---------------------------------------------------------------------------------------

fn date(year: i32, month: u8, day: u8) -> Date {
    Date::new(year, month, day).expect("a real date")
}

fn time(hour: u8, minute: u8) -> Time {
    Time {
        hour,
        minute,
        second: 0,
    }
}

fn local(y: i32, mo: u8, d: u8, h: u8, mi: u8) -> When {
    When::Local(date(y, mo, d), time(h, mi))
}

fn all_day(y: i32, mo: u8, d: u8) -> When {
    When::Date(date(y, mo, d))
}

fn expected_cluster() -> Cluster {
    Cluster {
        name: Text::from([
            ("ca", "Clúster Audiovisual de Catalunya"),
            ("en", "Catalan Audiovisual Cluster"),
        ]),
        url: Some("https://www.clusteraudiovisual.example".into()),
        timezone: "Europe/Madrid".into(),
        default_language: "ca".into(),
    }
}

fn expected_segments() -> Vec<Segment> {
    vec![
        Segment {
            color: Some("#1f5f8b".into()),
            ..Segment::new(
                "production",
                [
                    ("ca", "Producció"),
                    ("es", "Producción"),
                    ("en", "Production"),
                ],
            )
        },
        Segment {
            color: Some("#7a5195".into()),
            ..Segment::new(
                "post-production",
                [
                    ("ca", "Postproducció"),
                    ("es", "Postproducción"),
                    ("en", "Post-production"),
                ],
            )
        },
    ]
}

fn expected_categories() -> Vec<Segment> {
    vec![Segment {
        color: Some("#b35400".into()),
        ..Segment::new("training", [("ca", "Formació"), ("en", "Training")])
    }]
}

fn full_member(id: &str, name: &str) -> Member {
    Member {
        segments: vec!["post-production".into()],
        kind: Some(Kind::Sme),
        city: Some("Barcelona".into()),
        region: Some("Catalunya".into()),
        country: Some("ES".into()),
        website: Some("https://www.sonilab.example".into()),
        logo: Some("logos/sonilab.svg".into()),
        email: Some("info@sonilab.example".into()),
        phone: Some("+34 93 555 12 34".into()),
        description: Some(Text::from([
            ("en", "Dubbing and sound studio"),
            ("es", "Estudio de doblaje y sonido"),
        ])),
        tags: vec!["dubbing".into(), "sound".into()],
        joined: Some(date(2024, 6, 12)),
        founding: true,
        ..Member::new(id, name)
    }
}

fn full_event(id: &str) -> Event {
    Event {
        end: Some(local(2025, 1, 7, 10, 30)),
        timezone: Some("Europe/Madrid".into()),
        location: Some(Text::from("Barcelona")),
        segments: vec!["production".into(), "post-production".into()],
        category: Some("training".into()),
        url: Some("events/breakfast.html".into()),
        description: Some(Text::from("Coffee and news for members.")),
        recurrence: Some(Rrule {
            freq: Freq::Monthly,
            interval: 1,
            count: Some(10),
            until: None,
            by_day: vec![(Some(1), Weekday::Tue)],
            by_month_day: vec![],
            by_month: vec![],
        }),
        exdates: vec![local(2025, 8, 5, 9, 0)],
        ..Event::new(
            id,
            [("ca", "Esmorzar de socis"), ("en", "Members' breakfast")],
            local(2025, 1, 7, 9, 0),
        )
    }
}

fn all_day_event(id: &str) -> Event {
    Event {
        title: Text::from("Talent Week"),
        start: all_day(2024, 11, 18),
        end: Some(all_day(2024, 11, 22)),
        recurrence: None,
        exdates: vec![all_day(2024, 11, 20)],
        ..full_event(id)
    }
}

// ---------------------------------------------------------------------------------------
// Checking
// ---------------------------------------------------------------------------------------

#[track_caller]
fn read(text: &str) -> ParsedFeed {
    match parse(text) {
        Ok(parsed) => parsed,
        Err(e) => panic!("the test feed is not valid JSON ({e}):\n{text}"),
    }
}

fn diag(path: &str, problem: Problem, skipped: bool) -> Diagnostic {
    Diagnostic {
        path: path.into(),
        problem,
        skipped,
    }
}

fn wrong(expected: Expected, found: &'static str) -> Problem {
    Problem::WrongType { expected, found }
}

/// Exactly these diagnostics, in any order.
#[track_caller]
fn assert_diagnostics(parsed: &ParsedFeed, expected: &[Diagnostic]) {
    let key = |d: &Diagnostic| format!("{} {:?} {}", d.path, d.problem, d.skipped);
    let mut got = parsed.diagnostics.clone();
    let mut want = expected.to_vec();
    got.sort_by_key(key);
    want.sort_by_key(key);
    assert_eq!(got, want, "diagnostics");
}

/// The cluster, segments and categories of [`feed`] are all there.
#[track_caller]
fn assert_shared_parts_intact(feed: &Feed) {
    assert_eq!(feed.cluster, expected_cluster(), "cluster");
    assert_eq!(feed.segments, expected_segments(), "segments");
    assert_eq!(feed.categories, expected_categories(), "categories");
}

// ---------------------------------------------------------------------------------------
// A clean feed
// ---------------------------------------------------------------------------------------

#[test]
fn clean_feed_is_read_whole_without_diagnostics() {
    let parsed = read(&feed(
        vec![
            member_json("sonilab", "Sonilab", &[]),
            member_json("mediapro", "Mediapro", &[]),
        ],
        vec![
            event_json("networking", &[]),
            all_day_event_json("talent-week", &[]),
        ],
    ));
    assert_diagnostics(&parsed, &[]);
    assert_eq!(
        parsed.feed,
        Feed {
            cluster: expected_cluster(),
            segments: expected_segments(),
            categories: expected_categories(),
            members: vec![
                full_member("sonilab", "Sonilab"),
                full_member("mediapro", "Mediapro")
            ],
            events: vec![full_event("networking"), all_day_event("talent-week")],
            base_url: None,
            skipped: Skipped::default(),
        }
    );
}

// ---------------------------------------------------------------------------------------
// Problem::Missing
// ---------------------------------------------------------------------------------------

#[test]
fn member_without_name_is_skipped_and_the_other_members_stay() {
    let parsed = read(&feed(
        vec![
            member_json("sonilab", "Sonilab", &[]),
            member_json("nameless", "-", &[("name", DROP)]),
            member_json("null-name", "-", &[("name", "null")]),
            member_json("mediapro", "Mediapro", &[]),
        ],
        vec![event_json("networking", &[])],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag("members[1].name", Problem::Missing, true),
            diag("members[2].name", Problem::Missing, true),
        ],
    );
    assert_eq!(
        parsed.feed.members,
        vec![
            full_member("sonilab", "Sonilab"),
            full_member("mediapro", "Mediapro")
        ]
    );
    assert_eq!(parsed.feed.events, vec![full_event("networking")]);
    assert_shared_parts_intact(&parsed.feed);
}

#[test]
fn member_without_id_is_skipped_and_the_other_members_stay() {
    let parsed = read(&feed(
        vec![
            member_json("x", "No id", &[("id", DROP)]),
            member_json("sonilab", "Sonilab", &[]),
        ],
        vec![],
    ));
    assert_diagnostics(&parsed, &[diag("members[0].id", Problem::Missing, true)]);
    assert_eq!(parsed.feed.members, vec![full_member("sonilab", "Sonilab")]);
}

#[test]
fn event_without_start_or_title_is_skipped_and_the_other_events_stay() {
    let parsed = read(&feed(
        vec![member_json("sonilab", "Sonilab", &[])],
        vec![
            event_json("no-start", &[("start", DROP)]),
            all_day_event_json("talent-week", &[]),
            event_json("no-title", &[("title", DROP)]),
            event_json("networking", &[]),
        ],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag("events[0].start", Problem::Missing, true),
            diag("events[2].title", Problem::Missing, true),
        ],
    );
    assert_eq!(
        parsed.feed.events,
        vec![all_day_event("talent-week"), full_event("networking")]
    );
    assert_eq!(parsed.feed.members, vec![full_member("sonilab", "Sonilab")]);
}

#[test]
fn feed_without_version_is_reported_and_still_read() {
    let parsed = read(&feed_doc(
        &[("version", DROP)],
        vec![member_json("sonilab", "Sonilab", &[])],
        vec![event_json("networking", &[])],
    ));
    assert_diagnostics(&parsed, &[diag("version", Problem::Missing, false)]);
    assert_shared_parts_intact(&parsed.feed);
    assert_eq!(parsed.feed.members, vec![full_member("sonilab", "Sonilab")]);
    assert_eq!(parsed.feed.events, vec![full_event("networking")]);
}

#[test]
fn cluster_without_name_is_reported_and_its_other_fields_still_apply() {
    let parsed = read(&feed_doc(
        &[(
            "cluster",
            r#"{"url": "https://www.clusteraudiovisual.example", "timezone": "Atlantic/Canary", "default_language": "es"}"#,
        )],
        vec![member_json("sonilab", "Sonilab", &[])],
        vec![],
    ));
    assert_diagnostics(&parsed, &[diag("cluster.name", Problem::Missing, false)]);
    let cluster = &parsed.feed.cluster;
    assert!(cluster.name.is_empty(), "{:?}", cluster.name);
    assert_eq!(
        cluster.url.as_deref(),
        Some("https://www.clusteraudiovisual.example")
    );
    assert_eq!(cluster.timezone, "Atlantic/Canary");
    assert_eq!(cluster.default_language, "es");
    assert_eq!(parsed.feed.segments, expected_segments());
    assert_eq!(parsed.feed.members, vec![full_member("sonilab", "Sonilab")]);
}

#[test]
fn feed_without_cluster_is_reported_and_members_still_listed() {
    let parsed = read(&feed_doc(
        &[("cluster", DROP)],
        vec![member_json("sonilab", "Sonilab", &[])],
        vec![all_day_event_json("talent-week", &[])],
    ));
    assert_diagnostics(&parsed, &[diag("cluster", Problem::Missing, false)]);
    assert_eq!(parsed.feed.cluster, Cluster::default());
    assert_eq!(parsed.feed.cluster.timezone, "UTC");
    assert_eq!(parsed.feed.segments, expected_segments());
    assert_eq!(parsed.feed.members, vec![full_member("sonilab", "Sonilab")]);
    assert_eq!(parsed.feed.events, vec![all_day_event("talent-week")]);
}

// ---------------------------------------------------------------------------------------
// Problem::WrongType, for each Expected
// ---------------------------------------------------------------------------------------

#[test]
fn entry_that_is_not_an_object_is_skipped_and_the_others_stay() {
    let parsed = read(&feed(
        vec![
            member_json("sonilab", "Sonilab", &[]),
            r#""mediapro""#.into(),
            "42".into(),
            "null".into(),
            member_json("uab", "UAB", &[]),
        ],
        vec!["[]".into(), event_json("networking", &[])],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag("members[1]", wrong(Expected::Object, "string"), true),
            diag("members[2]", wrong(Expected::Object, "number"), true),
            diag("members[3]", wrong(Expected::Object, "null"), true),
            diag("events[0]", wrong(Expected::Object, "array"), true),
        ],
    );
    assert_eq!(
        parsed.feed.members,
        vec![full_member("sonilab", "Sonilab"), full_member("uab", "UAB")]
    );
    assert_eq!(parsed.feed.events, vec![full_event("networking")]);
    assert_shared_parts_intact(&parsed.feed);
}

#[test]
fn list_that_is_not_a_list_is_ignored_and_the_other_lists_stay() {
    let parsed = read(&feed_doc(
        &[(
            "members",
            r#"{"sonilab": {"id": "sonilab", "name": "Sonilab"}}"#,
        )],
        vec![],
        vec![event_json("networking", &[])],
    ));
    assert_diagnostics(
        &parsed,
        &[diag("members", wrong(Expected::Array, "object"), false)],
    );
    assert!(parsed.feed.members.is_empty());
    assert_eq!(parsed.feed.events, vec![full_event("networking")]);
    assert_shared_parts_intact(&parsed.feed);
}

#[test]
fn cluster_that_is_not_an_object_is_reported_and_the_lists_still_read() {
    let parsed = read(&feed_doc(
        &[("cluster", r#"["Clúster Audiovisual"]"#)],
        vec![member_json("sonilab", "Sonilab", &[])],
        vec![event_json("networking", &[])],
    ));
    assert_diagnostics(
        &parsed,
        &[diag("cluster", wrong(Expected::Object, "array"), false)],
    );
    assert_eq!(parsed.feed.cluster, Cluster::default());
    assert_eq!(parsed.feed.segments, expected_segments());
    assert_eq!(parsed.feed.categories, expected_categories());
    assert_eq!(parsed.feed.members, vec![full_member("sonilab", "Sonilab")]);
    assert_eq!(parsed.feed.events, vec![full_event("networking")]);
}

#[test]
fn document_that_is_not_an_object_is_reported_and_nothing_shown() {
    let parsed = read(&format!("[{}]", member_json("sonilab", "Sonilab", &[])));
    assert_diagnostics(
        &parsed,
        &[diag("(root)", wrong(Expected::Object, "array"), false)],
    );
    assert_eq!(parsed.feed, Feed::default());
}

#[test]
fn version_given_as_text_is_reported_and_the_feed_still_read() {
    let parsed = read(&feed_doc(
        &[("version", r#""1""#)],
        vec![member_json("sonilab", "Sonilab", &[])],
        vec![event_json("networking", &[])],
    ));
    assert_diagnostics(
        &parsed,
        &[diag("version", wrong(Expected::Number, "string"), false)],
    );
    // Said without "ignored": the feed is read as version 1 all the same.
    let said = clusterkit::Lang::En
        .strings()
        .diagnostic(&parsed.diagnostics[0]);
    assert!(!said.contains("ignored"), "{said}");
    assert_shared_parts_intact(&parsed.feed);
    assert_eq!(parsed.feed.members, vec![full_member("sonilab", "Sonilab")]);
    assert_eq!(parsed.feed.events, vec![full_event("networking")]);
}

#[test]
fn founding_that_is_not_a_boolean_is_dropped_and_member_kept() {
    let parsed = read(&feed(
        vec![
            member_json("sonilab", "Sonilab", &[]),
            member_json("mediapro", "Mediapro", &[("founding", r#""yes""#)]),
        ],
        vec![],
    ));
    assert_diagnostics(
        &parsed,
        &[diag(
            "members[1].founding",
            wrong(Expected::Boolean, "string"),
            false,
        )],
    );
    assert_eq!(
        parsed.feed.members,
        vec![
            full_member("sonilab", "Sonilab"),
            Member {
                founding: false,
                ..full_member("mediapro", "Mediapro")
            }
        ]
    );
}

#[test]
fn lists_given_as_text_are_read_as_what_their_commas_part_and_said() {
    // A spreadsheet's cell: `"dubbing, dobraxe"` for a list of two.
    let parsed = read(&feed(
        vec![
            member_json("sonilab", "Sonilab", &[("tags", r#""dubbing, dobraxe;""#)]),
            member_json("mediapro", "Mediapro", &[("segments", r#""""#)]),
            member_json("cccb", "CCCB", &[("segments", r#""production""#)]),
        ],
        vec![event_json(
            "networking",
            &[("exdates", r#""2025-08-05T09:00""#)],
        )],
    ));
    let listed = |list: &str| Problem::ListAsText(list.to_owned());
    assert_diagnostics(
        &parsed,
        &[
            diag(
                "members[0].tags",
                listed(r#"["dubbing", "dobraxe"]"#),
                false,
            ),
            // A blank one is no list at all.
            diag(
                "members[1].segments",
                wrong(Expected::Array, "string"),
                false,
            ),
            diag("members[2].segments", listed(r#"["production"]"#), false),
            diag(
                "events[0].exdates",
                listed(r#"["2025-08-05T09:00"]"#),
                false,
            ),
        ],
    );
    let m = &parsed.feed.members;
    assert_eq!(m[0].tags, ["dubbing", "dobraxe"]);
    assert_eq!(m[1].segments, Vec::<String>::new());
    assert_eq!(m[2].segments, ["production"]);
    assert_eq!(
        parsed.feed.events[0].exdates,
        [When::parse("2025-08-05T09:00").unwrap()]
    );
    assert_eq!(
        clusterkit::Lang::En
            .strings()
            .diagnostic(&parsed.diagnostics[0]),
        r#"is text, not a list: read as ["dubbing", "dobraxe"]."#
    );
}

#[test]
fn numbers_where_member_text_is_expected_drop_the_field_or_skip_the_member_and_whole_ids_read() {
    let parsed = read(&feed(
        vec![
            member_json(
                "sonilab",
                "Sonilab",
                &[
                    ("segments", r#"[5, "post-production"]"#),
                    ("city", "42"),
                    ("description", "42"),
                    ("tags", r#"[7, "dubbing"]"#),
                ],
            ),
            member_json("x", "Numbered", &[("id", "42")]),
            member_json("mediapro", "-", &[("name", "42")]),
            member_json(
                "quaranta",
                "-",
                &[("name", r#"{"en": 42, "ca": "Quaranta"}"#)],
            ),
            member_json("uab", "UAB", &[("name", r#"["UAB"]"#)]),
            member_json("i2cat", "i2CAT", &[]),
        ],
        vec![],
    ));
    assert_diagnostics(
        &parsed,
        &[
            // A whole number is an id, a CRM's: this one names no segment of the feed.
            diag(
                "members[0].segments[0]",
                Problem::UnknownSegment("5".into()),
                false,
            ),
            diag("members[0].city", wrong(Expected::String, "number"), false),
            diag(
                "members[0].description",
                wrong(Expected::Text, "number"),
                false,
            ),
            diag(
                "members[0].tags[0]",
                wrong(Expected::String, "number"),
                false,
            ),
            diag("members[2].name", wrong(Expected::Text, "number"), true),
            diag(
                "members[3].name.en",
                wrong(Expected::String, "number"),
                false,
            ),
            diag("members[4].name", wrong(Expected::Text, "array"), true),
        ],
    );
    assert_eq!(
        parsed.feed.members,
        vec![
            Member {
                city: None,
                description: None,
                tags: vec!["dubbing".into()],
                ..full_member("sonilab", "Sonilab")
            },
            full_member("42", "Numbered"),
            Member {
                name: Text::from([("ca", "Quaranta")]),
                ..full_member("quaranta", "-")
            },
            full_member("i2cat", "i2CAT"),
        ]
    );
    assert_shared_parts_intact(&parsed.feed);
}

#[test]
fn numbers_where_event_text_is_expected_drop_the_field_or_skip_the_event_and_whole_ids_read() {
    let parsed = read(&feed(
        vec![],
        vec![
            event_json("numbered-title", &[("title", "2025")]),
            event_json(
                "networking",
                &[
                    ("location", "7"),
                    ("category", "3"),
                    ("description", "true"),
                ],
            ),
            // (No exdates: with no readable start, their form cannot be checked.)
            all_day_event_json("talent-week", &[("start", "20241118"), ("exdates", DROP)]),
            all_day_event_json("talent-week-2", &[]),
        ],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag("events[0].title", wrong(Expected::Text, "number"), true),
            diag("events[1].location", wrong(Expected::Text, "number"), false),
            diag(
                "events[1].description",
                wrong(Expected::Text, "boolean"),
                false,
            ),
            // A number where a date goes is said as a date written wrongly, with how to
            // write one.
            diag("events[2].start", Problem::BadDate("20241118".into()), true),
        ],
    );
    assert_eq!(
        parsed.feed.events,
        vec![
            Event {
                location: None,
                category: Some("3".into()),
                description: None,
                ..full_event("networking")
            },
            all_day_event("talent-week-2"),
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Problem::Empty
// ---------------------------------------------------------------------------------------

#[test]
fn empty_required_values_skip_their_entry_and_the_others_stay() {
    let parsed = read(&feed(
        vec![
            member_json("sonilab", "Sonilab", &[]),
            member_json("", "Empty id", &[]),
            member_json("blank", "   ", &[]),
            member_json(
                "no-translation",
                "-",
                &[("name", r#"{"en": "", "ca": null}"#)],
            ),
            member_json("invisible", r"\u0007\u202e", &[]),
            member_json("mediapro", "Mediapro", &[]),
        ],
        vec![
            event_json("", &[]),
            event_json("networking", &[]),
            event_json("untitled", &[("title", r#""""#)]),
        ],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag("members[1].id", Problem::Empty, true),
            diag("members[2].name", Problem::Empty, true),
            diag("members[3].name", Problem::Empty, true),
            diag("members[4].name", Problem::Empty, true),
            diag("events[0].id", Problem::Empty, true),
            diag("events[2].title", Problem::Empty, true),
        ],
    );
    assert_eq!(
        parsed.feed.members,
        vec![
            full_member("sonilab", "Sonilab"),
            full_member("mediapro", "Mediapro")
        ]
    );
    assert_eq!(parsed.feed.events, vec![full_event("networking")]);
}

// ---------------------------------------------------------------------------------------
// Problem::NoText
// ---------------------------------------------------------------------------------------

#[test]
fn a_text_whose_every_language_holds_no_string_is_said_so_not_empty() {
    let parsed = read(&feed(
        vec![
            member_json(
                "nested",
                "-",
                &[(
                    "name",
                    r#"{"ca": {"nested": "obj"}, "en": ["arr"], "es": 5}"#,
                )],
            ),
            member_json("mediapro", "Mediapro", &[]),
        ],
        vec![],
    ));
    let at = |lang: &str, found| {
        let path = format!("members[0].name.{lang}");
        diag(&path, wrong(Expected::String, found), true)
    };
    assert_diagnostics(
        &parsed,
        &[
            at("ca", "object"),
            at("en", "array"),
            at("es", "number"),
            diag("members[0].name", Problem::NoText, true),
        ],
    );
    assert_eq!(
        parsed.feed.members,
        vec![full_member("mediapro", "Mediapro")]
    );
    let said = Lang::En.strings().diagnostic(&parsed.diagnostics[3]);
    assert!(said.starts_with("has no text in any language."), "{said}");
    // An optional text is only left out: each language's problem is said, once.
    let parsed = read(&feed(
        vec![member_json(
            "sonilab",
            "Sonilab",
            &[("description", r#"{"en": 5}"#)],
        )],
        vec![],
    ));
    assert_diagnostics(
        &parsed,
        &[diag(
            "members[0].description.en",
            wrong(Expected::String, "number"),
            false,
        )],
    );
}

// ---------------------------------------------------------------------------------------
// Problem::BadDate
// ---------------------------------------------------------------------------------------

#[test]
fn impossible_start_date_skips_the_event_and_the_others_stay() {
    let parsed = read(&feed(
        vec![],
        vec![
            all_day_event_json(
                "leap",
                &[
                    ("start", r#""2025-02-29""#),
                    ("end", DROP),
                    ("exdates", DROP),
                ],
            ),
            event_json("networking", &[]),
            event_json("tomorrow", &[("start", r#""tomorrow""#)]),
            all_day_event_json("talent-week", &[]),
        ],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag(
                "events[0].start",
                Problem::BadDate("2025-02-29".into()),
                true,
            ),
            diag("events[2].start", Problem::BadDate("tomorrow".into()), true),
        ],
    );
    assert_eq!(
        parsed.feed.events,
        vec![full_event("networking"), all_day_event("talent-week")]
    );
}

#[test]
fn a_joined_year_no_member_can_have_is_dropped_and_the_member_kept() {
    // Typos of 2023 and 2024: a chart of the years would span twelve centuries.
    let parsed = read(&feed(
        vec![
            member_json("sonilab", "Sonilab", &[("joined", r#""1023-03-01""#)]),
            member_json("faro", "Faro", &[("joined", r#""2204-03-01""#)]),
            member_json("uab", "UAB", &[("joined", r#""1850-01-01""#)]),
        ],
        vec![],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag(
                "members[0].joined",
                Problem::UnlikelyYear("1023-03-01".into()),
                false,
            ),
            diag(
                "members[1].joined",
                Problem::UnlikelyYear("2204-03-01".into()),
                false,
            ),
        ],
    );
    let joined: Vec<Option<Date>> = parsed.feed.members.iter().map(|m| m.joined).collect();
    assert_eq!(joined, [None, None, Some(date(1850, 1, 1))]);
}

#[test]
fn an_event_in_a_year_no_visitor_goes_to_is_said_and_skipped_and_such_an_end_left_out() {
    // Typos of 2026: the event would sit in a month no visitor reaches.
    let parsed = read(&feed(
        vec![],
        vec![
            event_json("year-one", &[("start", r#""0001-01-01""#)]),
            event_json("short", &[("start", r#""0226-12-09T10:00Z""#)]),
            event_json("open-ended", &[("end", r#""9999-12-31T10:00""#)]),
            event_json("networking", &[]),
        ],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag(
                "events[0].start",
                Problem::UnlikelyYear("0001-01-01".into()),
                true,
            ),
            diag(
                "events[1].start",
                Problem::UnlikelyYear("0226-12-09T10:00Z".into()),
                true,
            ),
            diag(
                "events[2].end",
                Problem::UnlikelyYear("9999-12-31T10:00".into()),
                false,
            ),
        ],
    );
    let ids: Vec<&str> = parsed.feed.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["open-ended", "networking"]);
    assert_eq!(parsed.feed.events[0].end, None);
    let said = Lang::Es.strings().diagnostic(&parsed.diagnostics[0]);
    assert!(
        said.starts_with("«0001-01-01» no es una fecha verosímil"),
        "{said}"
    );
}

#[test]
fn impossible_joined_date_is_dropped_and_member_kept_and_a_date_time_counts_as_its_date() {
    let parsed = read(&feed(
        vec![
            member_json("sonilab", "Sonilab", &[("joined", r#""2025-04-31""#)]),
            member_json(
                "mediapro",
                "Mediapro",
                &[("joined", r#""2024-06-12T10:00""#)],
            ),
            member_json("uab", "UAB", &[("joined", r#""2024-02-29""#)]),
            member_json(
                "faro",
                "Faro",
                &[("joined", r#""2005-06-14T00:00:00.000Z""#)],
            ),
            member_json("i2cat", "i2CAT", &[("joined", r#""2019-03-01 00:00:00""#)]),
            member_json("bad", "Bad", &[("joined", r#""2019-02-30T10:00""#)]),
            // Its date as written, not where the offset would take it in UTC (2014).
            member_json("tz", "Tz", &[("joined", r#""2015-01-01T00:30:00+01:00""#)]),
            // A year as a number, and a spreadsheet's day number.
            member_json("year", "Year", &[("joined", "2019")]),
            member_json("serial", "Serial", &[("joined", "46341")]),
        ],
        vec![],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag(
                "members[0].joined",
                Problem::BadDate("2025-04-31".into()),
                false,
            ),
            diag(
                "members[5].joined",
                Problem::BadDate("2019-02-30T10:00".into()),
                false,
            ),
            diag("members[7].joined", Problem::BadDate("2019".into()), false),
            diag("members[8].joined", Problem::BadDate("46341".into()), false),
        ],
    );
    assert_eq!(
        parsed.feed.members,
        vec![
            Member {
                joined: None,
                ..full_member("sonilab", "Sonilab")
            },
            Member {
                joined: Some(date(2024, 6, 12)),
                ..full_member("mediapro", "Mediapro")
            },
            Member {
                joined: Some(date(2024, 2, 29)),
                ..full_member("uab", "UAB")
            },
            Member {
                joined: Some(date(2005, 6, 14)),
                ..full_member("faro", "Faro")
            },
            Member {
                joined: Some(date(2019, 3, 1)),
                ..full_member("i2cat", "i2CAT")
            },
            Member {
                joined: None,
                ..full_member("bad", "Bad")
            },
            Member {
                joined: Some(date(2015, 1, 1)),
                ..full_member("tz", "Tz")
            },
            Member {
                joined: None,
                ..full_member("year", "Year")
            },
            Member {
                joined: None,
                ..full_member("serial", "Serial")
            },
        ]
    );
}

#[test]
fn malformed_end_is_dropped_and_event_kept() {
    let parsed = read(&feed(
        vec![],
        vec![
            event_json("networking", &[("end", r#""2025-01-07T25:00""#)]),
            all_day_event_json("talent-week", &[("end", r#""2024-11-31""#)]),
        ],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag(
                "events[0].end",
                Problem::BadDate("2025-01-07T25:00".into()),
                false,
            ),
            diag(
                "events[1].end",
                Problem::BadDate("2024-11-31".into()),
                false,
            ),
        ],
    );
    assert_eq!(
        parsed.feed.events,
        vec![
            Event {
                end: None,
                ..full_event("networking")
            },
            Event {
                end: None,
                ..all_day_event("talent-week")
            },
        ]
    );
}

#[test]
fn bad_exdate_is_dropped_alone_and_the_other_exdates_stay() {
    let parsed = read(&feed(
        vec![],
        vec![event_json(
            "networking",
            &[(
                "exdates",
                r#"["2025-08-05T09:00", "2025-02-30T09:00", "2025-09-02T09:00"]"#,
            )],
        )],
    ));
    assert_diagnostics(
        &parsed,
        &[diag(
            "events[0].exdates[1]",
            Problem::BadDate("2025-02-30T09:00".into()),
            false,
        )],
    );
    assert_eq!(
        parsed.feed.events,
        vec![Event {
            exdates: vec![local(2025, 8, 5, 9, 0), local(2025, 9, 2, 9, 0)],
            ..full_event("networking")
        }]
    );
}

// ---------------------------------------------------------------------------------------
// Problem::FormMismatch
// ---------------------------------------------------------------------------------------

#[test]
fn end_in_the_other_form_is_dropped_and_event_kept() {
    let parsed = read(&feed(
        vec![],
        vec![
            event_json("networking", &[("end", r#""2025-01-08""#)]),
            all_day_event_json("talent-week", &[("end", r#""2024-11-22T18:00""#)]),
            event_json("fine", &[]),
        ],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag("events[0].end", Problem::FormMismatch, false),
            diag("events[1].end", Problem::FormMismatch, false),
        ],
    );
    assert_eq!(
        parsed.feed.events,
        vec![
            Event {
                end: None,
                ..full_event("networking")
            },
            Event {
                end: None,
                ..all_day_event("talent-week")
            },
            full_event("fine"),
        ]
    );
}

#[test]
fn a_timed_exdate_of_an_all_day_event_is_dropped_and_event_kept_and_a_date_leaves_out_a_day() {
    let parsed = read(&feed(
        vec![],
        vec![
            event_json(
                "networking",
                &[("exdates", r#"["2025-08-05", "2025-09-02T09:00"]"#)],
            ),
            all_day_event_json(
                "talent-week",
                &[("exdates", r#"["2024-11-19T09:00", "2024-11-20"]"#)],
            ),
        ],
    ));
    assert_diagnostics(
        &parsed,
        &[diag("events[1].exdates[0]", Problem::FormMismatch, false)],
    );
    assert_eq!(
        parsed.feed.events,
        vec![
            Event {
                exdates: vec![When::Date(date(2025, 8, 5)), local(2025, 9, 2, 9, 0)],
                ..full_event("networking")
            },
            all_day_event("talent-week"),
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Problem::EndBeforeStart
// ---------------------------------------------------------------------------------------

#[test]
fn end_before_start_is_dropped_and_event_kept() {
    let parsed = read(&feed(
        vec![],
        vec![
            all_day_event_json("talent-week", &[("end", r#""2024-11-17""#)]),
            event_json("early-end", &[("end", r#""2025-01-07T08:00""#)]),
            event_json("no-length", &[("end", r#""2025-01-07T09:00""#)]),
            event_json(
                "instants",
                &[
                    ("start", r#""2025-01-07T09:00Z""#),
                    // 08:30 UTC: before the start once the offset is applied.
                    ("end", r#""2025-01-07T09:30+01:00""#),
                    ("exdates", DROP),
                ],
            ),
            event_json("fine", &[]),
        ],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag("events[0].end", Problem::EndBeforeStart, false),
            diag("events[1].end", Problem::EndBeforeStart, false),
            diag("events[2].end", Problem::EndBeforeStart, false),
            diag("events[3].end", Problem::EndBeforeStart, false),
        ],
    );
    assert_eq!(
        parsed.feed.events,
        vec![
            Event {
                end: None,
                ..all_day_event("talent-week")
            },
            Event {
                end: None,
                ..full_event("early-end")
            },
            Event {
                end: None,
                ..full_event("no-length")
            },
            Event {
                start: When::Instant(date(2025, 1, 7), time(9, 0)),
                end: None,
                exdates: vec![],
                ..full_event("instants")
            },
            full_event("fine"),
        ]
    );
}

#[test]
fn all_day_end_on_the_start_day_and_exact_ends_after_the_start_are_fine() {
    let parsed = read(&feed(
        vec![],
        vec![
            all_day_event_json("one-day", &[("end", r#""2024-11-18""#)]),
            event_json(
                "instants",
                &[
                    ("start", r#""2025-01-07T09:00Z""#),
                    // 09:30 UTC.
                    ("end", r#""2025-01-07T10:30+01:00""#),
                ],
            ),
            // A wall-clock start may have an exact end.
            event_json("mixed", &[("end", r#""2025-01-07T11:00Z""#)]),
        ],
    ));
    assert_diagnostics(&parsed, &[]);
    assert_eq!(
        parsed.feed.events,
        vec![
            Event {
                end: Some(all_day(2024, 11, 18)),
                ..all_day_event("one-day")
            },
            Event {
                start: When::Instant(date(2025, 1, 7), time(9, 0)),
                end: Some(When::Instant(date(2025, 1, 7), time(9, 30))),
                ..full_event("instants")
            },
            Event {
                end: Some(When::Instant(date(2025, 1, 7), time(11, 0))),
                ..full_event("mixed")
            },
        ]
    );
}

#[test]
fn an_end_in_the_other_timed_form_is_dropped_where_it_comes_first_at_any_offset() {
    // Off the browser there are no zones' offsets (the browser tests read them from Intl):
    // a wall clock is anywhere from 14 hours before to 12 hours after UTC's.
    let parsed = read(&feed(
        vec![],
        vec![
            // Before 09:00 on the 7th wherever that is (at the latest 19:00Z on the 6th).
            event_json("wall-start", &[("end", r#""2025-01-06T18:59Z""#)]),
            event_json(
                "exact-start",
                &[
                    ("start", r#""2025-01-07T09:00Z""#),
                    // At the latest 08:00Z on the 7th.
                    ("end", r#""2025-01-06T20:00""#),
                ],
            ),
            // 09:00 in Madrid is 08:00Z, but in Los Angeles 17:00Z: not known here.
            event_json("depends", &[("end", r#""2025-01-07T08:00Z""#)]),
        ],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag("events[0].end", Problem::EndBeforeStart, false),
            diag("events[1].end", Problem::EndBeforeStart, false),
        ],
    );
    let ends: Vec<_> = parsed.feed.events.iter().map(|e| e.end).collect();
    assert_eq!(
        ends,
        [
            None,
            None,
            Some(When::Instant(date(2025, 1, 7), time(8, 0)))
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Problem::UnknownSegment
// ---------------------------------------------------------------------------------------

#[test]
fn unknown_segment_is_reported_and_member_still_listed() {
    let parsed = read(&feed(
        vec![
            member_json("sonilab", "Sonilab", &[]),
            member_json(
                "mediapro",
                "Mediapro",
                &[(
                    "segments",
                    r#"["post-production", "animation", "production", "training"]"#,
                )],
            ),
        ],
        vec![event_json(
            "networking",
            &[("segments", r#"["production", "vfx"]"#)],
        )],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag(
                "members[1].segments[1]",
                Problem::UnknownSegment("animation".into()),
                false,
            ),
            // A category id is not a segment id.
            diag(
                "members[1].segments[3]",
                Problem::UnknownSegment("training".into()),
                false,
            ),
            diag(
                "events[0].segments[1]",
                Problem::UnknownSegment("vfx".into()),
                false,
            ),
        ],
    );
    assert_eq!(
        parsed.feed.members,
        vec![
            full_member("sonilab", "Sonilab"),
            Member {
                segments: vec!["post-production".into(), "production".into()],
                ..full_member("mediapro", "Mediapro")
            },
        ]
    );
    assert_eq!(
        parsed.feed.events,
        vec![Event {
            segments: vec!["production".into()],
            ..full_event("networking")
        }]
    );
}

#[test]
fn a_segment_named_by_its_name_or_its_id_in_other_letters_is_read_as_that_segment_and_said() {
    let parsed = read(&feed(
        vec![member_json(
            "mediapro",
            "Mediapro",
            &[(
                "segments",
                r#"["Producción", "PRODUCTION", "Post-production", "Animació", "postproduccio"]"#,
            )],
        )],
        vec![event_json(
            "networking",
            &[("segments", r#"["Producció"]"#)],
        )],
    ));
    let named = |written: &str, id: &str| Problem::SegmentNamed {
        written: written.into(),
        id: id.into(),
    };
    assert_diagnostics(
        &parsed,
        &[
            diag(
                "members[0].segments[0]",
                named("Producción", "production"),
                false,
            ),
            diag(
                "members[0].segments[1]",
                named("PRODUCTION", "production"),
                false,
            ),
            diag(
                "members[0].segments[2]",
                named("Post-production", "post-production"),
                false,
            ),
            diag(
                "members[0].segments[3]",
                Problem::UnknownSegment("Animació".into()),
                false,
            ),
            // Its Catalan name, "Postproducció", without the accent.
            diag(
                "members[0].segments[4]",
                named("postproduccio", "post-production"),
                false,
            ),
            diag(
                "events[0].segments[0]",
                named("Producció", "production"),
                false,
            ),
        ],
    );
    assert_eq!(
        parsed.feed.members[0].segments,
        ["production", "post-production"]
    );
    assert_eq!(parsed.feed.events[0].segments, ["production"]);
}

#[test]
fn a_category_named_by_its_name_or_its_id_in_other_letters_is_read_as_that_category_and_said() {
    // Two categories share the name "Fair" in English: that name names neither.
    let categories = r#"[
        {"id": "training", "name": {"ca": "Formació", "en": "Training"}},
        {"id": "fair", "name": {"ca": "Fira", "en": "Fair"}},
        {"id": "market", "name": {"ca": "Mercat", "en": "Fair"}}
    ]"#;
    let events = [
        "Formacio", "TRAINING", "training", "Fair", "mission", "MERCAT",
    ]
    .iter()
    .enumerate()
    .map(|(i, category)| {
        event_json(
            &format!("e{i}"),
            &[("category", &format!("\"{category}\""))],
        )
    })
    .collect();
    let parsed = read(&feed_doc(&[("categories", categories)], vec![], events));
    let named = |written: &str, id: &str| Problem::CategoryNamed {
        written: written.into(),
        id: id.into(),
    };
    assert_diagnostics(
        &parsed,
        &[
            diag("events[0].category", named("Formacio", "training"), false),
            diag("events[1].category", named("TRAINING", "training"), false),
            diag("events[5].category", named("MERCAT", "market"), false),
        ],
    );
    let read: Vec<_> = parsed
        .feed
        .events
        .iter()
        .map(|e| e.category.as_deref())
        .collect();
    // An id the feed does not list ("mission") is shown as it is, as docs/feed.md says, and
    // so is a name two categories share.
    assert_eq!(
        read,
        [
            Some("training"),
            Some("training"),
            Some("training"),
            Some("Fair"),
            Some("mission"),
            Some("market")
        ]
    );
    assert_eq!(
        parsed.diagnostics[0].to_string(),
        "events[0].category: names the category “training” as “Formacio”, not by its id: read \
         as that category."
    );
}

#[test]
fn repeated_tags_and_segments_count_once_without_diagnostics() {
    let parsed = read(&feed(
        vec![member_json(
            "sonilab",
            "Sonilab",
            &[
                ("segments", r#"["post-production", " post-production "]"#),
                (
                    "tags",
                    r#"["dubbing", "sound", "dubbing ", "Dubbing", "SOUND"]"#,
                ),
            ],
        )],
        vec![],
    ));
    assert_diagnostics(&parsed, &[]);
    assert_eq!(parsed.feed.members, vec![full_member("sonilab", "Sonilab")]);
}

#[test]
fn long_lists_of_tags_and_segments_keep_the_first_of_each_repeat() {
    // A CMS's export: each tag six times in other capitals or accents, forty ids of sixty
    // segments with repeats, one of them by a name two segments share.
    let words = [
        "Animació",
        "Cinema",
        "col·lectiu",
        "Doblatge",
        "Efectes",
        "VR",
    ];
    let tags: Vec<String> = (0..6)
        .flat_map(|round| {
            words.iter().map(move |w| match round % 3 {
                0 => (*w).to_owned(),
                1 => w.to_uppercase(),
                _ => clusterkit::__private::fold(w).replace("l·l", "l.l"),
            })
        })
        .collect();
    let segments: Vec<String> = (0..60)
        .map(|i| {
            let name = if i >= 58 {
                "Shared".to_owned()
            } else {
                format!("Segment {i}")
            };
            format!(r#"{{"id": "s{i}", "name": "{name}"}}"#)
        })
        .collect();
    let refs: Vec<String> = (0..40).map(|i| format!("s{}", i % 20)).collect();
    let mut refs: Vec<&str> = refs.iter().map(String::as_str).collect();
    refs.extend(["SEGMENT 30", "shared"]);
    let text = format!(
        r#"{{"version": 1, "cluster": {{"name": "C"}}, "segments": [{}],
        "members": [{{"id": "a", "name": "A", "tags": {}, "segments": {}}}]}}"#,
        segments.join(","),
        serde_json::to_string(&tags).unwrap(),
        serde_json::to_string(&refs).unwrap(),
    );
    let parsed = parse(&text).unwrap();
    let member = &parsed.feed.members[0];
    assert_eq!(member.tags, words);
    let mut expected: Vec<String> = (0..20).map(|i| format!("s{i}")).collect();
    expected.push("s30".into());
    assert_eq!(member.segments, expected);
    assert_diagnostics(
        &parsed,
        &[
            diag(
                "members[0].segments[40]",
                Problem::SegmentNamed {
                    written: "SEGMENT 30".into(),
                    id: "s30".into(),
                },
                false,
            ),
            diag(
                "members[0].segments[41]",
                Problem::UnknownSegment("shared".into()),
                false,
            ),
        ],
    );
}

// ---------------------------------------------------------------------------------------
// Problem::DuplicateId
// ---------------------------------------------------------------------------------------

#[test]
fn duplicate_member_id_keeps_the_first_entry() {
    let parsed = read(&feed(
        vec![
            member_json("sonilab", "Sonilab", &[]),
            member_json("mediapro", "Mediapro", &[]),
            member_json(" sonilab ", "Sonilab (copy)", &[("city", r#""Girona""#)]),
            member_json("sonilab", "Sonilab (second copy)", &[]),
        ],
        vec![],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag(
                "members[2].id",
                Problem::DuplicateId {
                    id: "sonilab".into(),
                    first: "members[0]".into(),
                },
                true,
            ),
            diag(
                "members[3].id",
                Problem::DuplicateId {
                    id: "sonilab".into(),
                    first: "members[0]".into(),
                },
                true,
            ),
        ],
    );
    assert_eq!(
        parsed.feed.members,
        vec![
            full_member("sonilab", "Sonilab"),
            full_member("mediapro", "Mediapro")
        ]
    );
}

#[test]
fn duplicate_segment_category_and_event_ids_keep_the_first_entry() {
    let parsed = read(&feed_doc(
        &[
            (
                "segments",
                r##"[{"id": "production", "name": "Production"}, {"id": "post-production", "name": "Post-production"}, {"id": "production", "name": "Production again", "color": "#fff"}]"##,
            ),
            (
                "categories",
                r#"[{"id": "training", "name": "Training"}, {"id": " training", "name": "Training again"}]"#,
            ),
        ],
        vec![member_json("sonilab", "Sonilab", &[])],
        vec![
            all_day_event_json("talent-week", &[]),
            event_json("networking", &[]),
            all_day_event_json("talent-week", &[("title", r#""Talent Week (copy)""#)]),
        ],
    ));
    let dup = |id: &str, first: &str| Problem::DuplicateId {
        id: id.into(),
        first: first.into(),
    };
    assert_diagnostics(
        &parsed,
        &[
            diag("segments[2].id", dup("production", "segments[0]"), true),
            diag("categories[1].id", dup("training", "categories[0]"), true),
            diag("events[2].id", dup("talent-week", "events[0]"), true),
        ],
    );
    assert_eq!(
        parsed.feed.segments,
        vec![
            Segment::new("production", "Production"),
            Segment::new("post-production", "Post-production")
        ]
    );
    assert_eq!(
        parsed.feed.categories,
        vec![Segment::new("training", "Training")]
    );
    assert_eq!(parsed.feed.members, vec![full_member("sonilab", "Sonilab")]);
    assert_eq!(
        parsed.feed.events,
        vec![all_day_event("talent-week"), full_event("networking")]
    );
}

#[test]
fn segment_and_category_may_share_an_id() {
    let parsed = read(&feed_doc(
        &[(
            "categories",
            r#"[{"id": "production", "name": "Production talks"}]"#,
        )],
        vec![member_json("sonilab", "Sonilab", &[])],
        vec![],
    ));
    assert_diagnostics(&parsed, &[]);
    assert_eq!(
        parsed.feed.categories,
        vec![Segment::new("production", "Production talks")]
    );
    assert_eq!(parsed.feed.segments, expected_segments());
}

// ---------------------------------------------------------------------------------------
// Problem::UnsafeUrl
// ---------------------------------------------------------------------------------------

#[test]
fn script_and_data_urls_are_dropped_and_their_entries_stay() {
    let parsed = read(&feed_doc(
        &[(
            "cluster",
            r#"{"name": {"ca": "Clúster Audiovisual de Catalunya", "en": "Catalan Audiovisual Cluster"}, "url": "java\tscript:alert(1)", "timezone": "Europe/Madrid", "default_language": "ca"}"#,
        )],
        vec![
            member_json(
                "sonilab",
                "Sonilab",
                &[("website", r#""javascript:alert(1)""#)],
            ),
            member_json(
                "mediapro",
                "Mediapro",
                &[("logo", r#""JaVaScRiPt:alert(1)""#)],
            ),
            member_json(
                "uab",
                "UAB",
                &[
                    ("website", r#""vbscript:msgbox(1)""#),
                    ("logo", r#"" data:image/svg+xml;base64,PHN2Zz4=""#),
                ],
            ),
            member_json("i2cat", "i2CAT", &[]),
        ],
        vec![
            event_json(
                "networking",
                &[("url", r#"" data:text/html,<script>alert(1)</script>""#)],
            ),
            all_day_event_json("talent-week", &[("url", r#""file:///etc/passwd""#)]),
        ],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag("cluster.url", Problem::UnsafeUrl, false),
            diag("members[0].website", Problem::UnsafeUrl, false),
            diag("members[1].logo", Problem::UnsafeUrl, false),
            diag("members[2].website", Problem::UnsafeUrl, false),
            diag("members[2].logo", Problem::UnsafeUrl, false),
            diag("events[0].url", Problem::UnsafeUrl, false),
            diag("events[1].url", Problem::UnsafeUrl, false),
        ],
    );
    assert_eq!(
        parsed.feed.cluster,
        Cluster {
            url: None,
            ..expected_cluster()
        }
    );
    assert_eq!(
        parsed.feed.members,
        vec![
            Member {
                website: None,
                ..full_member("sonilab", "Sonilab")
            },
            Member {
                logo: None,
                ..full_member("mediapro", "Mediapro")
            },
            Member {
                website: None,
                logo: None,
                ..full_member("uab", "UAB")
            },
            full_member("i2cat", "i2CAT"),
        ]
    );
    assert_eq!(
        parsed.feed.events,
        vec![
            Event {
                url: None,
                ..full_event("networking")
            },
            Event {
                url: None,
                ..all_day_event("talent-week")
            },
        ]
    );
}

#[test]
fn an_address_broken_over_lines_is_read_as_a_browser_reads_it_without_its_breaks() {
    let parsed = read(&feed(
        vec![member_json(
            "sonilab",
            "Sonilab",
            &[
                ("website", r#""https://ok.example/\r\nabout""#),
                ("logo", r#""https://ok.example/logos/\tsonilab.svg""#),
            ],
        )],
        vec![],
    ));
    assert_diagnostics(&parsed, &[]);
    let sonilab = &parsed.feed.members[0];
    // The text a profile shows is where its link goes.
    assert_eq!(sonilab.website.as_deref(), Some("https://ok.example/about"));
    assert_eq!(
        sonilab.logo.as_deref(),
        Some("https://ok.example/logos/sonilab.svg")
    );
    // Two addresses in one cell, a line each, are refused, not run together.
    for two in [
        r#""https://a.example\nhttps://b.example""#,
        r#""www.a.example\r\n www.b.example""#,
    ] {
        let parsed = read(&feed(
            vec![member_json("sonilab", "Sonilab", &[("website", two)])],
            vec![],
        ));
        let said = [diag("members[0].website", Problem::TwoAddresses, false)];
        assert_diagnostics(&parsed, &said);
        assert_eq!(parsed.feed.members[0].website, None, "{two}");
    }
}

#[test]
fn relative_and_web_urls_are_kept_as_written() {
    let parsed = read(&feed_doc(
        &[(
            "cluster",
            r#"{"name": {"ca": "Clúster Audiovisual de Catalunya", "en": "Catalan Audiovisual Cluster"}, "url": "HTTP://WWW.CLUSTERAUDIOVISUAL.EXAMPLE/a?b#c", "timezone": "Europe/Madrid", "default_language": "ca"}"#,
        )],
        vec![
            member_json(
                "sonilab",
                "Sonilab",
                &[
                    ("website", r#""/members/sonilab.html""#),
                    ("logo", r#""../logos/sonilab.svg""#),
                ],
            ),
            member_json(
                "mediapro",
                "Mediapro",
                &[
                    ("website", r#""//cdn.example.org/mediapro/""#),
                    ("logo", r#""docs/a:b.png""#),
                ],
            ),
        ],
        vec![
            event_json("networking", &[("url", r#""?page=2""#)]),
            all_day_event_json("talent-week", &[("url", r##""#top""##)]),
        ],
    ));
    assert_diagnostics(&parsed, &[]);
    assert_eq!(
        parsed.feed.cluster.url.as_deref(),
        Some("HTTP://WWW.CLUSTERAUDIOVISUAL.EXAMPLE/a?b#c")
    );
    assert_eq!(
        parsed.feed.members,
        vec![
            Member {
                website: Some("/members/sonilab.html".into()),
                logo: Some("../logos/sonilab.svg".into()),
                ..full_member("sonilab", "Sonilab")
            },
            Member {
                website: Some("//cdn.example.org/mediapro/".into()),
                logo: Some("docs/a:b.png".into()),
                ..full_member("mediapro", "Mediapro")
            },
        ]
    );
    assert_eq!(
        parsed.feed.events,
        vec![
            Event {
                url: Some("?page=2".into()),
                ..full_event("networking")
            },
            Event {
                url: Some("#top".into()),
                ..all_day_event("talent-week")
            },
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Problem::BadEmail, BadPhone, BadColor, UnknownKind
// ---------------------------------------------------------------------------------------

#[test]
fn email_that_is_not_plain_is_dropped_and_member_kept() {
    let parsed = read(&feed(
        vec![
            member_json(
                "sonilab",
                "Sonilab",
                &[("email", r#""mailto:info@sonilab.example?subject=hi""#)],
            ),
            member_json(
                "mediapro",
                "Mediapro",
                &[("email", r#""info@mediapro.example?subject=hi""#)],
            ),
            member_json(
                "uab",
                "UAB",
                &[("email", r#""jordi.puig+cluster@uni.example""#)],
            ),
            member_json("ccma", "CCMA", &[("email", r#""mailto:""#)]),
        ],
        vec![],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag("members[0].email", Problem::BadEmail, false),
            diag("members[1].email", Problem::BadEmail, false),
            diag("members[3].email", Problem::BadEmail, false),
        ],
    );
    assert_eq!(
        parsed.feed.members,
        vec![
            Member {
                email: None,
                ..full_member("sonilab", "Sonilab")
            },
            Member {
                email: None,
                ..full_member("mediapro", "Mediapro")
            },
            Member {
                email: Some("jordi.puig+cluster@uni.example".into()),
                ..full_member("uab", "UAB")
            },
            Member {
                email: None,
                ..full_member("ccma", "CCMA")
            },
        ]
    );
}

#[test]
fn email_or_phone_copied_from_a_link_with_its_scheme_is_read_without_it_and_said() {
    let parsed = read(&feed(
        vec![
            member_json(
                "sonilab",
                "Sonilab",
                &[
                    ("email", r#""mailto:info@sonilab.example""#),
                    ("phone", r#""tel:+34935551234""#),
                ],
            ),
            member_json(
                "clag",
                "CLAG",
                &[
                    ("email", r#""MailTo: clag@clag.example""#),
                    ("phone", r#""TEL:(981) 941-792""#),
                ],
            ),
        ],
        vec![],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag("members[0].email", Problem::SchemeWritten("mailto:"), false),
            diag("members[0].phone", Problem::SchemeWritten("tel:"), false),
            diag("members[1].email", Problem::SchemeWritten("mailto:"), false),
            diag("members[1].phone", Problem::SchemeWritten("tel:"), false),
        ],
    );
    assert_eq!(
        parsed.feed.members,
        vec![
            Member {
                email: Some("info@sonilab.example".into()),
                phone: Some("+34935551234".into()),
                ..full_member("sonilab", "Sonilab")
            },
            Member {
                email: Some("clag@clag.example".into()),
                phone: Some("(981) 941-792".into()),
                ..full_member("clag", "CLAG")
            },
        ]
    );
    // Said as what it is: nothing was dropped.
    let en = clusterkit::Lang::En.strings();
    assert_eq!(
        en.diagnostic(&parsed.diagnostics[0]),
        "begins with “mailto:”, which the link adds itself: read without it."
    );
}

#[test]
fn phone_that_is_not_plain_is_dropped_and_member_kept() {
    let parsed = read(&feed(
        vec![
            member_json("sonilab", "Sonilab", &[("phone", r#""tel:call us""#)]),
            member_json("mediapro", "Mediapro", &[("phone", r#""call us""#)]),
            member_json("uab", "UAB", &[("phone", r#""(981) 941-792""#)]),
        ],
        vec![],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag("members[0].phone", Problem::BadPhone, false),
            diag("members[1].phone", Problem::BadPhone, false),
        ],
    );
    assert_eq!(
        parsed.feed.members,
        vec![
            Member {
                phone: None,
                ..full_member("sonilab", "Sonilab")
            },
            Member {
                phone: None,
                ..full_member("mediapro", "Mediapro")
            },
            Member {
                phone: Some("(981) 941-792".into()),
                ..full_member("uab", "UAB")
            },
        ]
    );
}

#[test]
fn colour_that_is_not_hex_is_dropped_and_segment_kept() {
    let parsed = read(&feed_doc(
        &[
            (
                "segments",
                r##"[{"id": "production", "name": "Production", "color": "red"}, {"id": "post-production", "name": "Post-production", "color": "#7a5195;background:url(x)"}, {"id": "animation", "name": "Animation", "color": "#FFF"}]"##,
            ),
            (
                "categories",
                r#"[{"id": "training", "name": "Training", "color": "var(--accent)"}]"#,
            ),
        ],
        vec![member_json(
            "sonilab",
            "Sonilab",
            &[("segments", r#"["post-production", "animation"]"#)],
        )],
        vec![],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag("segments[0].color", Problem::BadColor, false),
            diag("segments[1].color", Problem::BadColor, false),
            diag("categories[0].color", Problem::BadColor, false),
        ],
    );
    assert_eq!(
        parsed.feed.segments,
        vec![
            Segment::new("production", "Production"),
            Segment::new("post-production", "Post-production"),
            Segment {
                color: Some("#FFF".into()),
                ..Segment::new("animation", "Animation")
            },
        ]
    );
    assert_eq!(
        parsed.feed.categories,
        vec![Segment::new("training", "Training")]
    );
    assert_eq!(
        parsed.feed.members,
        vec![Member {
            segments: vec!["post-production".into(), "animation".into()],
            ..full_member("sonilab", "Sonilab")
        }]
    );
}

#[test]
fn unknown_kind_is_dropped_and_member_kept() {
    let parsed = read(&feed(
        vec![
            member_json("sonilab", "Sonilab", &[("kind", r#""startup""#)]),
            member_json("mediapro", "Mediapro", &[("kind", r#""large""#)]),
            // Kinds are lower case.
            member_json("uab", "UAB", &[("kind", r#""RESEARCH""#)]),
            member_json("apc", "APC", &[("kind", r#""other""#)]),
        ],
        vec![],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag(
                "members[0].kind",
                Problem::UnknownKind("startup".into()),
                false,
            ),
            diag(
                "members[2].kind",
                Problem::UnknownKind("RESEARCH".into()),
                false,
            ),
        ],
    );
    assert_eq!(
        parsed.feed.members,
        vec![
            Member {
                kind: None,
                ..full_member("sonilab", "Sonilab")
            },
            Member {
                kind: Some(Kind::Large),
                ..full_member("mediapro", "Mediapro")
            },
            Member {
                kind: None,
                ..full_member("uab", "UAB")
            },
            Member {
                kind: Some(Kind::Other),
                ..full_member("apc", "APC")
            },
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Problem::BadRecurrence
// ---------------------------------------------------------------------------------------

#[test]
fn unusable_recurrence_is_dropped_and_event_shown_once() {
    let parsed = read(&feed(
        vec![],
        vec![
            event_json(
                "count-and-until",
                &[("recurrence", r#""FREQ=DAILY;COUNT=3;UNTIL=20270101""#)],
            ),
            event_json("no-freq", &[("recurrence", r#""BYDAY=MO""#)]),
            event_json("setpos", &[("recurrence", r#""FREQ=WEEKLY;BYSETPOS=1""#)]),
            event_json("networking", &[]),
        ],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag(
                "events[0].recurrence",
                Problem::BadRecurrence(RruleError::CountAndUntil),
                false,
            ),
            diag(
                "events[1].recurrence",
                Problem::BadRecurrence(RruleError::MissingFreq),
                false,
            ),
            diag(
                "events[2].recurrence",
                Problem::BadRecurrence(RruleError::Unsupported("BYSETPOS".into())),
                false,
            ),
        ],
    );
    assert_eq!(
        parsed.feed.events,
        vec![
            Event {
                recurrence: None,
                ..full_event("count-and-until")
            },
            Event {
                recurrence: None,
                ..full_event("no-freq")
            },
            Event {
                recurrence: None,
                ..full_event("setpos")
            },
            full_event("networking"),
        ]
    );
}

#[test]
fn a_recurrence_that_ends_before_its_event_starts_is_dropped_and_the_event_shown_once() {
    // An old rule copied onto a new date; and one ending on the start's own day, which keeps
    // that one occurrence and is no mistake.
    let parsed = read(&feed(
        vec![],
        vec![
            event_json(
                "copied",
                &[("recurrence", r#""FREQ=MONTHLY;BYDAY=2TU;UNTIL=20240630""#)],
            ),
            event_json(
                "same-day",
                &[
                    ("recurrence", r#""FREQ=DAILY;UNTIL=20250107T060000Z""#),
                    ("exdates", DROP),
                ],
            ),
        ],
    ));
    assert_diagnostics(
        &parsed,
        &[diag(
            "events[0].recurrence",
            Problem::BadRecurrence(RruleError::UntilBeforeStart),
            false,
        )],
    );
    assert_eq!(parsed.feed.events[0].recurrence, None);
    assert!(parsed.feed.events[1].recurrence.is_some());
    assert_eq!(
        RruleError::UntilBeforeStart.to_string(),
        "the rule ends (UNTIL) before the event starts: it shows once, on its start"
    );
}

#[test]
fn an_exdate_that_names_no_occurrence_of_its_series_is_reported() {
    // The standard event: monthly on the first Tuesday at 09:00 (Madrid), ten times from
    // 7 January 2025. Its exdates after the series moved to 09:30, on a Wednesday, past its
    // tenth time; one right, one a day alone (that day's occurrence), one an instant
    // (its day depends on the zone: not said).
    let parsed = read(&feed(
        vec![],
        vec![event_json(
            "breakfast",
            &[(
                "exdates",
                r#"["2025-03-04T09:30", "2025-03-05T09:00", "2025-12-02T09:00", "2025-04-01T09:00", "2025-05-06", "2025-06-03T07:00:00Z"]"#,
            )],
        )],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag("events[0].exdates[0]", Problem::ExdateNoOccurrence, false),
            diag("events[0].exdates[1]", Problem::ExdateNoOccurrence, false),
            diag("events[0].exdates[2]", Problem::ExdateNoOccurrence, false),
        ],
    );
    assert_eq!(
        parsed.feed.events[0].exdates.len(),
        3,
        "the three that name one kept"
    );
    let en = clusterkit::Lang::En.strings();
    assert!(
        en.diagnostic(&parsed.diagnostics[0])
            .starts_with("names no occurrence of the series"),
        "{}",
        en.diagnostic(&parsed.diagnostics[0])
    );
}

#[test]
fn an_until_in_utc_ends_a_series_on_its_day_in_a_zone_ahead_of_utc() {
    // RFC 5545 writes a zoned series' UNTIL in UTC: 23:59:59Z on 31 December is 00:59:59 on
    // 1 January in Madrid, so a 00:30 show has an occurrence then, which its exdate takes
    // away. In Tokyo, 23:59:59Z on 6 January is 08:59:59 on the 7th, after an 08:00 start.
    let text = r#"{"version": 1, "cluster": {"name": "C", "timezone": "Europe/Madrid"},
        "events": [
            {"id": "late", "title": "Late show", "start": "2025-12-01T00:30",
             "recurrence": "FREQ=DAILY;UNTIL=20251231T235959Z", "exdates": ["2026-01-01T00:30"]},
            {"id": "tokyo", "title": "Market", "start": "2025-01-07T08:00", "timezone": "Asia/Tokyo",
             "recurrence": "FREQ=DAILY;UNTIL=20250106T235959Z"},
            {"id": "over", "title": "Over", "start": "2025-01-09T08:00",
             "recurrence": "FREQ=DAILY;UNTIL=20250106T235959Z", "exdates": ["2025-01-08T08:00"]}
        ]}"#;
    let parsed = read(text);
    // Two days before its start is before it in any zone, and so is an exdate then.
    assert_diagnostics(
        &parsed,
        &[diag(
            "events[2].recurrence",
            Problem::BadRecurrence(RruleError::UntilBeforeStart),
            false,
        )],
    );
    let events = &parsed.feed.events;
    assert_eq!(
        events[0].exdates,
        [When::parse("2026-01-01T00:30").unwrap()]
    );
    assert!(events[1].recurrence.is_some(), "Tokyo's rule kept");
}

/// A repetition written in words is told how a rule is written, with two to copy.
#[test]
fn a_recurrence_in_words_is_told_how_a_rule_is_written() {
    let parsed = read(&feed(
        vec![],
        vec![event_json(
            "breakfast",
            &[("recurrence", r#""every first Tuesday of the month""#)],
        )],
    ));
    let [d] = parsed.diagnostics.as_slice() else {
        panic!("{:?}", parsed.diagnostics)
    };
    assert_eq!(d.problem, Problem::BadRecurrence(RruleError::NotARule));
    assert_eq!(
        clusterkit::Lang::Es.strings().diagnostic(d),
        "está escrita con palabras: una regla se escribe «FREQ=WEEKLY;BYDAY=TH» para cada \
         jueves, «FREQ=MONTHLY;BYDAY=1TU» para el primer martes de cada mes. Se ha ignorado el \
         campo."
    );
    // Each rule it offers is one.
    for rule in ["FREQ=WEEKLY;BYDAY=TH", "FREQ=MONTHLY;BYDAY=1TU"] {
        assert!(clusterkit::feed::Rrule::parse(rule).is_ok(), "{rule}");
    }
}

#[test]
fn value_errors_inside_a_recurrence_are_reported_as_bad_values() {
    let parsed = read(&feed(
        vec![],
        vec![
            event_json("zero", &[("recurrence", r#""FREQ=DAILY;COUNT=0""#)]),
            event_json(
                "day-32",
                &[("recurrence", r#""FREQ=MONTHLY;BYMONTHDAY=32""#)],
            ),
        ],
    ));
    assert_eq!(parsed.diagnostics.len(), 2, "{:?}", parsed.diagnostics);
    for (i, d) in parsed.diagnostics.iter().enumerate() {
        assert_eq!(d.path, format!("events[{i}].recurrence"));
        assert!(
            matches!(d.problem, Problem::BadRecurrence(RruleError::BadValue(_))),
            "{d:?}"
        );
        assert!(!d.skipped);
    }
    assert_eq!(
        parsed.feed.events,
        vec![
            Event {
                recurrence: None,
                ..full_event("zero")
            },
            Event {
                recurrence: None,
                ..full_event("day-32")
            },
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Problem::BadTimezone
// ---------------------------------------------------------------------------------------

#[test]
fn cluster_timezone_that_is_not_an_iana_name_is_reported_and_utc_used() {
    let parsed = read(&feed_doc(
        &[(
            "cluster",
            r#"{"name": {"ca": "Clúster Audiovisual de Catalunya", "en": "Catalan Audiovisual Cluster"}, "url": "https://www.clusteraudiovisual.example", "timezone": "GMT+1", "default_language": "ca"}"#,
        )],
        vec![member_json("sonilab", "Sonilab", &[])],
        vec![event_json("networking", &[])],
    ));
    assert_diagnostics(
        &parsed,
        &[diag(
            "cluster.timezone",
            Problem::BadTimezone("GMT+1".into()),
            false,
        )],
    );
    assert_eq!(
        parsed.feed.cluster,
        Cluster {
            timezone: "UTC".into(),
            ..expected_cluster()
        }
    );
    assert_eq!(parsed.feed.members, vec![full_member("sonilab", "Sonilab")]);
    assert_eq!(parsed.feed.events, vec![full_event("networking")]);
}

/// A zone written in other letters is read in its IANA name's: Google Calendar's links and
/// the calendar's "New York time" take it from there.
#[test]
fn a_zone_in_other_letters_is_read_in_its_names_case() {
    let parsed = parse(
        r#"{"version": 1, "cluster": {"name": "C", "timezone": "europe/madrid"},
            "events": [{"id": "a", "title": "A", "start": "2026-12-01T09:00", "timezone": "AMERICA/NEW_YORK"},
                       {"id": "c", "title": "C", "start": "2026-12-01T09:00", "timezone": "America/Argentina/buenos_aires"}]}"#,
    )
    .unwrap();
    assert_eq!(parsed.diagnostics, []);
    assert_eq!(parsed.feed.cluster.timezone, "Europe/Madrid");
    let zones: Vec<Option<&str>> = parsed
        .feed
        .events
        .iter()
        .map(|e| e.timezone.as_deref())
        .collect();
    assert_eq!(
        zones,
        [
            Some("America/New_York"),
            Some("America/Argentina/buenos_aires")
        ],
        "a name in two cases is left as written"
    );
}

#[test]
fn event_timezone_that_is_an_offset_is_dropped_and_event_kept() {
    let parsed = read(&feed(
        vec![],
        vec![
            event_json("networking", &[("timezone", r#""+01:00""#)]),
            event_json(
                "buenos-aires",
                &[("timezone", r#""America/Argentina/Buenos_Aires""#)],
            ),
        ],
    ));
    assert_diagnostics(
        &parsed,
        &[diag(
            "events[0].timezone",
            Problem::BadTimezone("+01:00".into()),
            false,
        )],
    );
    assert_eq!(
        parsed.feed.events,
        vec![
            Event {
                timezone: None,
                ..full_event("networking")
            },
            Event {
                timezone: Some("America/Argentina/Buenos_Aires".into()),
                ..full_event("buenos-aires")
            },
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Problem::BadLanguage
// ---------------------------------------------------------------------------------------

#[test]
fn cluster_default_language_that_is_not_a_tag_is_reported_and_english_used() {
    let parsed = read(&feed_doc(
        &[(
            "cluster",
            r#"{"name": {"ca": "Clúster Audiovisual de Catalunya", "en": "Catalan Audiovisual Cluster"}, "url": "https://www.clusteraudiovisual.example", "timezone": "Europe/Madrid", "default_language": "catalan"}"#,
        )],
        vec![member_json("sonilab", "Sonilab", &[])],
        vec![],
    ));
    assert_diagnostics(
        &parsed,
        &[diag(
            "cluster.default_language",
            Problem::BadLanguage("catalan".into()),
            false,
        )],
    );
    let feed = &parsed.feed;
    assert_eq!(
        feed.cluster,
        Cluster {
            default_language: "en".into(),
            ..expected_cluster()
        }
    );
    // A Galician visitor now falls back to English rather than Catalan.
    let name = &feed.segment("post-production").expect("segment").name;
    assert_eq!(
        name.resolve("gl", &feed.cluster.default_language),
        "Post-production"
    );
    assert_eq!(feed.members, vec![full_member("sonilab", "Sonilab")]);
}

#[test]
fn translation_under_a_bad_language_tag_is_dropped_and_the_others_stay() {
    let parsed = read(&feed_doc(
        &[(
            "segments",
            r#"[{"id": "production", "name": {"ca": "Producció", "fr-": "Production FR", "en": "Production"}}, {"id": "post-production", "name": "Post-production"}]"#,
        )],
        vec![member_json(
            "sonilab",
            "Sonilab",
            &[(
                "description",
                r#"{"en": "Dubbing and sound studio", "english": "Dubbing", "es": "Estudio de doblaje y sonido"}"#,
            )],
        )],
        vec![event_json(
            "networking",
            &[(
                "title",
                r#"{"ca": "Esmorzar de socis", "español": "Desayuno", "en": "Members' breakfast"}"#,
            )],
        )],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag(
                "segments[0].name.fr-",
                Problem::BadLanguage("fr-".into()),
                false,
            ),
            diag(
                "members[0].description.english",
                Problem::BadLanguage("english".into()),
                false,
            ),
            diag(
                "events[0].title.español",
                Problem::BadLanguage("español".into()),
                false,
            ),
        ],
    );
    assert_eq!(
        parsed.feed.segments,
        vec![
            Segment::new("production", [("ca", "Producció"), ("en", "Production")]),
            Segment::new("post-production", "Post-production"),
        ]
    );
    assert_eq!(parsed.feed.members, vec![full_member("sonilab", "Sonilab")]);
    assert_eq!(parsed.feed.events, vec![full_event("networking")]);
}

#[test]
fn name_with_only_bad_language_tags_keeps_the_member_under_its_first_text() {
    let parsed = read(&feed(
        vec![
            member_json("sonilab", "Sonilab", &[]),
            member_json(
                "mediapro",
                "-",
                &[(
                    "name",
                    r#"{"english": "Mediapro", "català": "Mediapro SL"}"#,
                )],
            ),
            // Nothing readable under its one bad tag: no name, so no member.
            member_json("uab", "-", &[("name", r#"{"catalan": 5}"#)]),
            member_json("clapper", "Clapper", &[]),
        ],
        vec![],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag(
                "members[1].name.english",
                Problem::UntaggedKept("english".into()),
                false,
            ),
            diag(
                "members[1].name.català",
                Problem::BadLanguage("català".into()),
                false,
            ),
            diag(
                "members[2].name.catalan",
                Problem::BadLanguage("catalan".into()),
                true,
            ),
            diag("members[2].name", Problem::NoText, true),
        ],
    );
    assert_eq!(
        parsed.feed.members,
        vec![
            full_member("sonilab", "Sonilab"),
            full_member("mediapro", "Mediapro"),
            full_member("clapper", "Clapper"),
        ]
    );
    // The kept text is every language's, not one language's, and said so: not "ignored".
    assert_eq!(parsed.feed.members[1].name.resolve("gl", "ca"), "Mediapro");
    assert_eq!(
        Lang::En.strings().diagnostic(&parsed.diagnostics[0]),
        "“english” is not a language code such as ca or en. Its text is shown in every language."
    );
    assert!(
        Lang::En
            .strings()
            .diagnostic(&parsed.diagnostics[1])
            .ends_with("The field was ignored.")
    );
}

// ---------------------------------------------------------------------------------------
// Problem::LongNumber
// ---------------------------------------------------------------------------------------

#[test]
fn whole_number_ids_are_read_to_the_last_exact_one_and_a_longer_one_is_told_to_be_quoted() {
    let parsed = read(
        r#"{"version": 1, "cluster": {"name": "Cluster"},
        "segments": [{"id": 1000000000000001, "name": "Sixteen digits"}],
        "members": [
            {"id": 9007199254740991, "name": "The last exact one", "segments": [1000000000000001]},
            {"id": -9007199254740991, "name": "Negative"},
            {"id": 9007199254740993, "name": "Too long"},
            {"id": 12345678901234567890, "name": "Far too long"}]}"#,
    );
    assert_diagnostics(
        &parsed,
        &[
            diag("members[2].id", Problem::LongNumber, true),
            diag("members[3].id", Problem::LongNumber, true),
        ],
    );
    assert_eq!(parsed.feed.segments[0].id, "1000000000000001");
    let ids: Vec<_> = parsed.feed.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["9007199254740991", "-9007199254740991"]);
    assert_eq!(parsed.feed.members[0].segments, ["1000000000000001"]);
    // Not "should be a string, but is a number": a whole number is an id, up to a length.
    assert_eq!(
        Lang::En.strings().diagnostic(&parsed.diagnostics[0]),
        "is a number too long to be read exactly: write it in quotes, as text. The entry was skipped."
    );
}

// ---------------------------------------------------------------------------------------
// Problem::LoneSurrogate
// ---------------------------------------------------------------------------------------

#[test]
fn lone_surrogate_in_a_member_name_skips_only_that_member() {
    let parsed = read(&feed(
        vec![
            member_json("sonilab", "Sonilab", &[]),
            member_json("broken", r"Soni\ud800lab", &[]),
            member_json("broken-low", r"\udc00", &[]),
            // A proper pair is one character, not a problem.
            member_json("clapper", r"Clapper \ud83c\udfac", &[]),
            member_json("mediapro", "Mediapro", &[]),
        ],
        vec![event_json("networking", &[])],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag("members[1].name", Problem::LoneSurrogate, true),
            diag("members[2].name", Problem::LoneSurrogate, true),
        ],
    );
    assert_eq!(
        parsed.feed.members,
        vec![
            full_member("sonilab", "Sonilab"),
            full_member("clapper", "Clapper 🎬"),
            full_member("mediapro", "Mediapro"),
        ]
    );
    assert_eq!(parsed.feed.events, vec![full_event("networking")]);
    assert_shared_parts_intact(&parsed.feed);
}

#[test]
fn lone_surrogate_in_an_optional_value_drops_only_that_value() {
    let parsed = read(&feed(
        vec![member_json(
            "sonilab",
            "Sonilab",
            &[
                ("city", r#""Barcelona\udc00""#),
                (
                    "description",
                    r#"{"en": "Dubbing and sound studio", "ca": "Estudi \ud800", "es": "Estudio de doblaje y sonido"}"#,
                ),
                ("tags", r#"["\ud83c", "dubbing", "sound"]"#),
            ],
        )],
        vec![event_json("networking", &[("location", r#""\ud800""#)])],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag("members[0].city", Problem::LoneSurrogate, false),
            diag("members[0].description.ca", Problem::LoneSurrogate, false),
            diag("members[0].tags[0]", Problem::LoneSurrogate, false),
            diag("events[0].location", Problem::LoneSurrogate, false),
        ],
    );
    assert_eq!(
        parsed.feed.members,
        vec![Member {
            city: None,
            ..full_member("sonilab", "Sonilab")
        }]
    );
    assert_eq!(
        parsed.feed.events,
        vec![Event {
            location: None,
            ..full_event("networking")
        }]
    );
}

// ---------------------------------------------------------------------------------------
// Problem::NotUtf8
// ---------------------------------------------------------------------------------------

#[test]
fn a_latin1_feed_keeps_its_accents_and_says_where_it_stops_being_utf8() {
    // The same feed as an old CMS would export it: every é, ò and ñ one byte.
    let text = feed(
        vec![
            member_json(
                "algam",
                "Algam Ibérica",
                &[("city", r#""Sant Joan Despí""#)],
            ),
            member_json("sonilab", "Sonilab", &[]),
            member_json("logrono", "Produccións Logroño", &[]),
        ],
        vec![event_json("networking", &[])],
    );
    let latin1: Vec<u8> = text
        .chars()
        .map(|c| u8::try_from(u32::from(c)).expect("the test feed is Latin-1"))
        .collect();
    assert_ne!(latin1.as_slice(), text.as_bytes(), "the feed has accents");
    let parsed = parse_bytes(&latin1).expect("a Latin-1 feed is still read");
    let first = text.find(|c: char| !c.is_ascii()).unwrap();
    let line = text[..first].matches('\n').count() + 1;
    let column = text[..first].rsplit('\n').next().unwrap().chars().count() + 1;
    let accented = text.chars().filter(|c| !c.is_ascii()).count();
    assert_diagnostics(
        &parsed,
        &[diag(
            "(root)",
            Problem::NotUtf8 {
                bytes: accented,
                line,
                column,
            },
            false,
        )],
    );
    assert_eq!(parsed.diagnostics[0].path, "(root)", "said first");
    // Exactly what the UTF-8 feed gives, but for that one diagnostic.
    let utf8 = parse_bytes(text.as_bytes()).unwrap();
    assert!(utf8.diagnostics.is_empty());
    assert_eq!(parsed.feed, utf8.feed);
    assert_eq!(
        parsed.feed.members[0].city.as_deref(),
        Some("Sant Joan Despí")
    );
}

// ---------------------------------------------------------------------------------------
// Problem::TooDeep and absurd nesting
//
// The JSON reader cuts values off at json::MAX_DEPTH (64) levels, but every field the feed
// reads sits at most four levels down (root → list → entry → field → translation or list
// item), so a known field can never itself be cut off: deep nesting inside one is read as
// an array or object of the wrong type. `Problem::TooDeep` is only reachable through
// `parse_json` with a hand-built document.
// ---------------------------------------------------------------------------------------

/// `levels` nested arrays and objects around a number.
fn deeply_nested(levels: usize) -> String {
    let half = levels / 2;
    let mut s = String::with_capacity(levels * 8);
    for _ in 0..half {
        s.push_str(r#"[{"a": "#);
    }
    s.push('1');
    for _ in 0..half {
        s.push_str("}]");
    }
    s
}

#[test]
fn absurdly_deep_unknown_field_costs_nothing() {
    let deep = deeply_nested(100_000);
    let parsed = read(&feed_doc(
        &[("_history", &deep)],
        vec![
            member_json("sonilab", "Sonilab", &[]),
            member_json("mediapro", "Mediapro", &[("_history", &deep)]),
            member_json("uab", "UAB", &[]),
        ],
        vec![event_json("networking", &[("_history", &deep)])],
    ));
    assert_diagnostics(&parsed, &[]);
    assert_shared_parts_intact(&parsed.feed);
    assert_eq!(
        parsed.feed.members,
        vec![
            full_member("sonilab", "Sonilab"),
            full_member("mediapro", "Mediapro"),
            full_member("uab", "UAB"),
        ]
    );
    assert_eq!(parsed.feed.events, vec![full_event("networking")]);
}

#[test]
fn absurdly_deep_value_in_a_known_field_costs_only_that_value_or_entry() {
    let deep = deeply_nested(100_000);
    let description = format!(r#"{{"en": {deep}, "es": "Estudio de doblaje y sonido"}}"#);
    let parsed = read(&feed(
        vec![
            member_json("sonilab", "Sonilab", &[("description", &description)]),
            member_json("mediapro", "-", &[("name", &deep)]),
            deep.clone(),
            member_json("uab", "UAB", &[]),
        ],
        vec![],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag(
                "members[0].description.en",
                wrong(Expected::String, "array"),
                false,
            ),
            diag("members[1].name", wrong(Expected::Text, "array"), true),
            diag("members[2]", wrong(Expected::Object, "array"), true),
        ],
    );
    assert_eq!(
        parsed.feed.members,
        vec![
            Member {
                description: Some(Text::from([("es", "Estudio de doblaje y sonido")])),
                ..full_member("sonilab", "Sonilab")
            },
            full_member("uab", "UAB"),
        ]
    );
}

/// The value of `key` in member `index` of a parsed document.
fn member_field<'a, 'j>(doc: &'a mut Json<'j>, index: usize, key: &str) -> &'a mut Json<'j> {
    let Json::Object(root) = doc else {
        panic!("not an object")
    };
    let (_, members) = root
        .iter_mut()
        .find(|(k, _)| k == "members")
        .expect("members");
    let Json::Array(items) = members else {
        panic!("members is not an array")
    };
    let Json::Object(fields) = &mut items[index] else {
        panic!("member {index} is not an object")
    };
    &mut fields
        .iter_mut()
        .find(|(k, _)| k == key)
        .unwrap_or_else(|| panic!("member {index} has no {key}"))
        .1
}

#[test]
fn value_cut_off_for_depth_is_reported_as_too_deep_with_its_path() {
    let text = feed(
        vec![
            member_json("sonilab", "Sonilab", &[]),
            member_json("mediapro", "Mediapro", &[]),
            member_json("uab", "UAB", &[]),
        ],
        vec![],
    );
    let mut doc = json::parse(&text).expect("valid JSON");
    *member_field(&mut doc, 0, "city") = Json::Invalid(Fault::TooDeep);
    *member_field(&mut doc, 1, "name") = Json::Invalid(Fault::TooDeep);
    let parsed = parse_json(&doc);
    assert_diagnostics(
        &parsed,
        &[
            diag("members[0].city", Problem::TooDeep, false),
            diag("members[1].name", Problem::TooDeep, true),
        ],
    );
    assert_eq!(
        parsed.feed.members,
        vec![
            Member {
                city: None,
                ..full_member("sonilab", "Sonilab")
            },
            full_member("uab", "UAB"),
        ]
    );
    assert_shared_parts_intact(&parsed.feed);
}

// ---------------------------------------------------------------------------------------
// Problem::UnsupportedVersion
// ---------------------------------------------------------------------------------------

#[test]
fn newer_version_is_reported_and_what_is_understood_still_shown() {
    let parsed = read(&feed_doc(
        &[("version", "2"), ("rooms", r#"[{"id": "a"}]"#)],
        vec![member_json("sonilab", "Sonilab", &[])],
        vec![event_json("networking", &[])],
    ));
    assert_diagnostics(
        &parsed,
        &[diag("version", Problem::UnsupportedVersion(2.0), false)],
    );
    assert_shared_parts_intact(&parsed.feed);
    assert_eq!(parsed.feed.members, vec![full_member("sonilab", "Sonilab")]);
    assert_eq!(parsed.feed.events, vec![full_event("networking")]);
}

// ---------------------------------------------------------------------------------------
// Skipped entries
// ---------------------------------------------------------------------------------------

#[test]
fn every_problem_inside_a_skipped_entry_is_marked_skipped() {
    let parsed = read(&feed(
        vec![
            member_json("sonilab", "Sonilab", &[]),
            member_json(
                "nameless",
                "-",
                &[("name", DROP), ("website", r#""javascript:alert(1)""#)],
            ),
            member_json(
                "sonilab",
                "Sonilab (copy)",
                &[("email", r#""not an address""#)],
            ),
        ],
        vec![event_json(
            "bad-start",
            &[
                ("start", r#""2025-13-01T09:00""#),
                ("timezone", r#""GMT+1""#),
            ],
        )],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag("members[1].name", Problem::Missing, true),
            diag("members[1].website", Problem::UnsafeUrl, true),
            diag("members[2].email", Problem::BadEmail, true),
            diag(
                "members[2].id",
                Problem::DuplicateId {
                    id: "sonilab".into(),
                    first: "members[0]".into(),
                },
                true,
            ),
            diag(
                "events[0].start",
                Problem::BadDate("2025-13-01T09:00".into()),
                true,
            ),
            diag(
                "events[0].timezone",
                Problem::BadTimezone("GMT+1".into()),
                true,
            ),
        ],
    );
    assert_eq!(parsed.feed.members, vec![full_member("sonilab", "Sonilab")]);
    assert!(parsed.feed.events.is_empty());
}

#[test]
fn diagnostic_names_its_entry_or_top_level_field() {
    let parsed = read(&feed_doc(
        &[
            ("version", "3"),
            ("cluster", r#"{"name": "Clúster", "timezone": "Madrid"}"#),
        ],
        vec![
            member_json("sonilab", "Sonilab", &[]),
            member_json("mediapro", "Mediapro", &[("website", r#""data:x""#)]),
        ],
        vec![],
    ));
    let mut entries: Vec<(&str, &str)> = parsed
        .diagnostics
        .iter()
        .map(|d| (d.path.as_str(), d.entry()))
        .collect();
    entries.sort();
    assert_eq!(
        entries,
        vec![
            ("cluster.timezone", "cluster"),
            ("members[1].website", "members[1]"),
            ("version", "version"),
        ]
    );
}

// ---------------------------------------------------------------------------------------
// JSON syntax errors
// ---------------------------------------------------------------------------------------

/// The diagnostics of `text` that are syntax errors, as (line, column, problem, recovery).
fn syntax_said(text: &str) -> Vec<(usize, usize, SyntaxProblem, Recovery)> {
    parse(text)
        .unwrap()
        .diagnostics
        .into_iter()
        .filter_map(|d| match d.problem {
            Problem::Syntax { error, recovery } => {
                // Said at the root, but an entry skipped, in its place (where the feed
                // reads its list).
                assert!(
                    d.path == "(root)" || recovery == Recovery::EntrySkipped,
                    "{}",
                    d.path
                );
                Some((error.line, error.column, error.problem, recovery))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn syntax_error_points_at_line_and_column_in_characters() {
    let text = concat!(
        "{\n",
        "  \"cluster\": {\"name\": \"Clúster Ibèric\"},\n",
        "  \"members\": [{\"id\": \"a\", \"name\": \"Ibérica\"} }\n",
        "}\n",
    );
    // Line 3: 45 characters (46 bytes, "é" being two) come before the stray "}". The member
    // before it is read.
    assert_eq!(
        syntax_said(text),
        [(
            3,
            46,
            SyntaxProblem::UnexpectedChar('}'),
            Recovery::RestLost
        )]
    );
    assert_eq!(
        parse(text).unwrap().feed.members[0]
            .name
            .resolve("ca", "en"),
        "Ibérica"
    );
}

#[test]
fn trailing_comma_is_ignored_and_said_at_the_comma() {
    let text = r#"{"members": [{"id": "é", "name": "Ñ"},]}"#;
    assert_eq!(
        syntax_said(text),
        [(1, 38, SyntaxProblem::ExtraComma, Recovery::Mended)]
    );
    assert_eq!(parse(text).unwrap().feed.members.len(), 1);
}

#[test]
fn syntax_error_in_a_windows_file_counts_lines_and_characters() {
    let text = "{\r\n  \"version\": 1,\r\n  \"cluster\": {\"name\": \"Ó\"},,\r\n}";
    assert_eq!(
        syntax_said(text),
        [(3, 28, SyntaxProblem::ExtraComma, Recovery::Mended)]
    );
    let text = "{\r\n  \"cluster\": {\"name\": \"Ó\"},\r\n  \"members\": [{\"id\": \"a\", \"name\": \"A\"}\r\n  x";
    assert_eq!(
        syntax_said(text),
        [(4, 3, SyntaxProblem::UnexpectedChar('x'), Recovery::RestLost)]
    );
}

#[test]
fn unclosed_string_is_a_syntax_error_at_the_end() {
    let text = r#"{"cluster": {"name": "Sonilàb}}"#;
    assert_eq!(
        parse(text).unwrap_err(),
        SyntaxError {
            line: 1,
            column: 32,
            problem: SyntaxProblem::UnexpectedEnd,
        }
    );
}

#[test]
fn a_feed_cut_short_shows_the_members_before_and_says_where() {
    let text = r#"{"version": 1, "cluster": {"name": "CAC"},
"segments": [{"id": "vfx", "name": "VFX"}],
"members": [{"id": "sonilab", "name": "Sonilab", "segments": ["vfx"]},
{"id": "rakuten", "name": "Rakuten", "segments": ["vfx"]},
{"id": "cccb", "name": "CCCB", "segm"#;
    let parsed = parse(text).unwrap();
    let ids: Vec<&str> = parsed.feed.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["sonilab", "rakuten"], "the member cut in two is none");
    assert_eq!(parsed.feed.segments.len(), 1);
    assert_eq!(
        syntax_said(text),
        [(5, 37, SyntaxProblem::UnexpectedEnd, Recovery::RestLost)]
    );
    // Cut before its first member or event, a feed is a syntax error, as a whole one was:
    // no widget is drawn empty as if the feed had nothing.
    let before = &text[..text.find("{\"id\": \"sonilab\"").unwrap() + 10];
    assert_eq!(
        parse(before).unwrap_err().problem,
        SyntaxProblem::UnexpectedEnd
    );
}

#[test]
fn a_feed_laid_out_an_entry_a_line_loses_only_its_broken_entries() {
    // As a template writes one with a name's quotes unescaped, and a field's comma
    // forgotten.
    let text = r#"{
  "version": 1,
  "cluster": {"name": "Clúster"},
  "members": [
    {
      "id": "a",
      "name": "Cooperativa "La Claqueta"",
      "city": "Girona"
    },
    {
      "id": "b",
      "name": "Sonilab"
      "city": "Barcelona"
    },
    {
      "id": "c",
      "name": "Texas Cinemas",
      "website": "javascript:alert(1)"
    }
  ]
}"#;
    let parsed = parse(text).unwrap();
    let names: Vec<&str> = parsed
        .feed
        .members
        .iter()
        .map(|m| m.name.resolve("ca", "en"))
        .collect();
    assert_eq!(names, ["Sonilab", "Texas Cinemas"]);
    assert_eq!(parsed.feed.members[0].city.as_deref(), Some("Barcelona"));
    let said: Vec<(&str, String, bool)> = parsed
        .diagnostics
        .iter()
        .map(|d| (d.path.as_str(), d.message(Lang::En), d.skipped))
        .collect();
    assert_eq!(
        said,
        [
            (
                "(root)",
                "The data is not valid JSON: line 13, column 7: a comma is missing. It was read \
                 as if it were there."
                    .to_owned(),
                false
            ),
            (
                "members[0]",
                "The data is not valid JSON: line 7, column 29: unexpected “L”. The entry was \
                 skipped."
                    .to_owned(),
                true
            ),
            // Each entry after the broken one keeps its place in the document.
            ("members[2].website", said[2].1.clone(), false),
        ]
    );
    assert!(said[2].1.contains("address"), "{}", said[2].1);
}

#[test]
fn more_of_the_document_after_a_brace_too_many_is_lost_not_ignored() {
    // The cluster's `}` twice: the members after it are lost, which no widget may pass over
    // as "no members".
    let text = "{\n \"version\": 1,\n \"cluster\": {\"name\": \"C\"}},\n \"members\": [{\"id\": \"a\", \"name\": \"A\"}]\n}";
    let e = parse(text).unwrap_err();
    assert_eq!(
        (e.line, e.column, e.problem),
        (3, 27, SyntaxProblem::TrailingText)
    );
    // After the members: they show, and the rest is said lost (the widgets' notice).
    let text = "{\"members\": [{\"id\": \"a\", \"name\": \"A\"}]},\n\"events\": []}";
    assert_eq!(
        syntax_said(text),
        [(1, 40, SyntaxProblem::TrailingText, Recovery::RestLost)]
    );
    // A script's warning after the feed is only ignored.
    let text = "{\"members\": [{\"id\": \"a\", \"name\": \"A\"}]}\nWarning: headers already sent";
    assert_eq!(
        syntax_said(text),
        [(2, 1, SyntaxProblem::TrailingText, Recovery::Mended)]
    );
}

/// The paths of `parsed`'s diagnostics about its members.
/// Each diagnostic of `parsed` as its path and problem, in order.
fn paths_and_problems(parsed: &ParsedFeed) -> Vec<(&str, &Problem)> {
    parsed
        .diagnostics
        .iter()
        .map(|d| (d.path.as_str(), &d.problem))
        .collect()
}

fn member_paths(parsed: &ParsedFeed) -> Vec<&str> {
    parsed
        .diagnostics
        .iter()
        .map(|d| d.path.as_str())
        .filter(|p| p.starts_with("members"))
        .collect()
}

#[test]
fn a_string_left_open_costs_its_own_entry_only() {
    // Its missing quote, or a last backslash (`"img\"`), runs the string on over the lines
    // of the next entry, which is read all the same, in its place.
    for broken in [r#""name": "B"#, r#""logo": "img\"#] {
        let text = format!(
            "{{\n  \"members\": [\n    {{\n      \"id\": \"a\",\n      \"name\": \"A\"\n    }},\n    {{\n      \"id\": \"b\",\n      {broken}\n    }},\n    {{\n      \"id\": \"c\",\n      \"name\": \"C\"\n    }},\n    {{\n      \"id\": \"d\",\n      \"name\": \"D\",\n      \"kind\": 5\n    }}\n  ]\n}}"
        );
        let parsed = parse(&text).unwrap();
        let ids: Vec<&str> = parsed.feed.members.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["a", "c", "d"], "{broken}");
        assert_eq!(
            member_paths(&parsed),
            ["members[1]", "members[3].kind"],
            "{broken}"
        );
    }
}

#[test]
fn an_entry_ended_by_a_brace_too_early_is_skipped_whole() {
    let text = r#"{
  "members": [
    {"id": "a", "name": "A"},
      "city": "Vigo", "kind": "sme"
    },
    {"id": "b", "name": "B", "kind": 5}
  ]
}"#;
    let parsed = parse(text).unwrap();
    let ids: Vec<&str> = parsed.feed.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["b"], "not a without its city and kind");
    assert_eq!(member_paths(&parsed), ["members[0]", "members[1].kind"]);
    // Its `{` lost, an entry an line: that one alone.
    let text = "{\"members\": [\n  {\"id\": \"a\", \"name\": \"A\"},\n  \"id\": \"b\", \"name\": \"B\"},\n  {\"id\": \"c\", \"name\": \"C\"}\n]}";
    let parsed = parse(text).unwrap();
    let ids: Vec<&str> = parsed.feed.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["a", "c"]);
    assert_eq!(member_paths(&parsed), ["members[1]"]);
}

#[test]
fn a_list_whose_entries_are_not_indented_more_than_its_bracket_ends_at_it() {
    // Never the next list's entries read as its own.
    let text = "{\"version\": 1,\n\"members\": [\n{\"id\": \"a\", \"name\": \"A\"},\n{\"id\": \"b\", \"name\": B\"}\n],\n\"events\": [\n{\"id\": \"e1\", \"title\": \"T\", \"start\": \"2026-05-01\"}\n]\n}";
    let parsed = parse(text).unwrap();
    let ids: Vec<&str> = parsed.feed.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["a"]);
    assert_eq!(parsed.feed.events.len(), 1);
    assert_eq!(member_paths(&parsed), ["members[1]"]);
}

#[test]
fn a_syntax_error_in_a_list_the_feed_does_not_read_is_still_said() {
    let text = "{\"version\": 1, \"cluster\": {\"name\": \"C\"},\n\"_notes\": [\n  {\"x\": oops},\n  {\"x\": 1}\n],\n\"members\": [{\"id\": \"a\", \"name\": \"A\"}]}";
    assert_eq!(
        syntax_said(text),
        [(
            3,
            9,
            SyntaxProblem::UnexpectedChar('o'),
            Recovery::EntrySkipped
        )]
    );
    assert_eq!(parse(text).unwrap().feed.members.len(), 1);
}

#[test]
fn a_thousand_syntax_errors_are_said_and_the_rest_read_past() {
    let entries: Vec<String> = (0..3000)
        .map(|i| format!("  {{\"id\": \"m{i}\", \"name\": \"M\",}}"))
        .collect();
    let text = format!("{{\"members\": [\n{}\n]}}", entries.join(",\n"));
    let parsed = parse(&text).unwrap();
    assert_eq!(parsed.feed.members.len(), 3000);
    assert_eq!(syntax_said(&text).len(), 1000);
}

#[test]
fn entries_left_open_are_skipped_each_and_said_where_they_start() {
    // Two entries' lists left open: each reads on to the document's end, and is skipped.
    let feed = |open: &dyn Fn(usize) -> bool| {
        let entries: Vec<String> = (0..300)
            .map(|i| {
                if open(i) {
                    format!("    {{\"id\": \"m{i}\", \"name\": \"M\", \"segments\": [\"a\",")
                } else {
                    format!("    {{\"id\": \"m{i}\", \"name\": \"M\"}},")
                }
            })
            .collect();
        format!(
            "{{\n  \"members\": [\n{}\n    {{\"id\": \"last\", \"name\": \"L\"}}\n  ],\n  \"events\": [{{\"id\": \"e\", \"title\": \"E\", \"start\": \"2026-05-01\"}}]\n}}",
            entries.join("\n")
        )
    };
    let text = feed(&|i| i == 150 || i == 250);
    let parsed = parse(&text).unwrap();
    assert_eq!(parsed.feed.members.len(), 299, "all but the two");
    assert!(parsed.feed.members.iter().all(|m| m.segments.is_empty()));
    assert_eq!(parsed.feed.events.len(), 1);
    assert_eq!(
        syntax_said(&text),
        [
            (153, 5, SyntaxProblem::Unclosed, Recovery::EntrySkipped),
            (253, 5, SyntaxProblem::Unclosed, Recovery::EntrySkipped),
        ]
    );
    let said = parsed
        .diagnostics
        .iter()
        .find(|d| d.path == "members[150]")
        .unwrap();
    assert_eq!(
        said.message(Lang::En),
        "The data is not valid JSON: line 153, column 5: an entry that does not end before \
         the next one. The entry was skipped."
    );
    // Every other one: each would be read to the end again. Reading stops once that has
    // cost twice the document, what came before shown, the rest said lost.
    let text = feed(&|i| i % 2 == 0);
    let parsed = parse(&text).unwrap();
    let said = syntax_said(&text);
    assert!(said.iter().any(|s| s.3 == Recovery::RestLost), "{said:?}");
    assert!(
        parsed.feed.members.len() < 10,
        "{}",
        parsed.feed.members.len()
    );
    // The first entry's, closed by the document's own brackets, the entries and lists after
    // it read as its own: skipped, and those read as they are.
    let text = "{\"members\": [\n {\"id\": \"a\", \"name\": \"A\", \"segments\": [\"x\",\n {\"id\": \"b\", \"name\": \"B\"},\n {\"id\": \"c\", \"name\": \"C\"}\n ],\n \"events\": [{\"id\": \"e\", \"title\": \"E\", \"start\": \"2026-05-01\"}]\n}";
    let parsed = parse(text).unwrap();
    let ids: Vec<&str> = parsed.feed.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["b", "c"]);
    assert_eq!(parsed.feed.events.len(), 1);
    assert_eq!(
        syntax_said(text),
        [(2, 2, SyntaxProblem::Unclosed, Recovery::EntrySkipped)]
    );
}

#[test]
fn after_a_broken_entry_the_next_are_read_whole_however_laid_out_inside() {
    // An entry's own lines at the entries' indentation (its list's `]`, an object): read as
    // it is, after a broken entry as before one.
    let text = "{\"members\": [\n  {\"id\": \"a\", \"name\": x},\n  {\"id\": \"b\", \"name\": \"B\", \"tags\": [\n    \"t\"\n  ]},\n  {\"id\": \"c\", \"name\": \"C\", \"about\":\n  {\"lat\": 1}},\n  {\"id\": \"d\", \"name\": \"D\"}\n]}";
    let parsed = parse(text).unwrap();
    let ids: Vec<&str> = parsed.feed.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["b", "c", "d"]);
    assert_eq!(parsed.feed.members[0].tags, ["t"]);
    assert_eq!(member_paths(&parsed), ["members[0]"]);
    // An item left open that is no entry keeps its place like any broken one.
    let text = "{\"members\": [\n  {\"id\": \"a\", \"name\": x},\n  {\"id\": \"b\", \"name\": \"B\"},\n  \"c,\n  {\"id\": \"d\", \"name\": \"D\", \"kind\": 5},\n  {\"id\": \"e\", \"name\": \"E\"}\n]}";
    let parsed = parse(text).unwrap();
    assert_eq!(
        member_paths(&parsed),
        ["members[0]", "members[2]", "members[3].kind"]
    );
}

#[test]
fn closers_alone_after_the_document_lose_nothing() {
    for text in [
        r#"{"members": [{"id": "a", "name": "A"}]}}"#,
        r#"{"members": [{"id": "a", "name": "A"}]},"#,
        "{\"version\": 1, \"cluster\": {\"name\": \"C\"}}}\n",
    ] {
        let said = syntax_said(text);
        assert_eq!(said.len(), 1, "{text}");
        assert_eq!(
            (said[0].2.clone(), said[0].3),
            (SyntaxProblem::TrailingText, Recovery::Mended)
        );
    }
}

#[test]
fn a_comment_between_entries_takes_no_entrys_place() {
    let text = "{\"members\": [\n  {\"id\": \"a\", \"name\": \"A\"},\n  // partners\n  {\"id\": \"b\", \"name\": \"B\", \"kind\": 5},\n  {\"id\": \"c\", \"name\": \"C\"}\n  // the end\n],\n\"events\": [{\"id\": \"e\", \"title\": \"E\", \"start\": \"2026-05-01\"}]}";
    let parsed = parse(text).unwrap();
    assert_eq!(parsed.feed.members.len(), 3);
    assert_eq!(
        parsed.feed.events.len(),
        1,
        "nor does one after the last end the feed"
    );
    assert_eq!(member_paths(&parsed), ["members[1].kind"]);
    assert_eq!(
        syntax_said(text),
        [(3, 3, SyntaxProblem::Comment, Recovery::Mended)],
        "the first comment said, not each"
    );
}

#[test]
fn a_comment_heading_a_list_or_ending_a_line_loses_nothing() {
    // The first line of a list, where a heading goes: before, the whole list was lost.
    let text = "{\"version\": 1, \"cluster\": {\"name\": \"CLAG\"}, /* written by hand */\n\"members\": [\n    // founding members\n    {\"id\": \"a\", \"name\": \"A\"}, // the first\n    {\"id\": \"b\", /* no city yet */ \"name\": \"B\"}\n],\n\"events\": [ // none yet\n]}";
    let parsed = parse(text).unwrap();
    let ids: Vec<&str> = parsed.feed.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!(parsed.feed.cluster.name.resolve("en", "en"), "CLAG");
    assert_eq!(
        syntax_said(text),
        [(1, 45, SyntaxProblem::Comment, Recovery::Mended)],
        "said once: a heading over each of a thousand entries would fill the list"
    );
    // A `/*` never closed is no comment: the rest is not taken for one.
    let open = "{\"members\": [\n  {\"id\": \"a\", \"name\": \"A\"},\n  /* partners\n  {\"id\": \"b\", \"name\": \"B\"}\n]}";
    let said = syntax_said(open);
    assert!(
        said.iter().all(|s| s.2 != SyntaxProblem::Comment),
        "{said:?}"
    );
    assert_eq!(parse(open).unwrap().feed.members[0].id, "a");
    // A comment first, before entries at the line's start: no text before the document.
    for first in ["// CLAG, 2026\n", "/* CLAG\n{ not an entry }\n*/\n"] {
        let text = format!("{first}{{\"members\": [\n{{\"id\": \"a\", \"name\": \"A\"}}\n]}}");
        let parsed = parse(&text).unwrap();
        assert_eq!(parsed.feed.members.len(), 1, "{text}");
        assert_eq!(
            syntax_said(&text),
            [(1, 1, SyntaxProblem::Comment, Recovery::Mended)],
            "{text}"
        );
    }
    // Entries left out in a block after a broken one stay out.
    let text = "{\"members\": [\n  {\"id\": \"a\", \"name\": \"A\" \"x},\n  /*\n  {\"id\": \"old\", \"name\": \"Old\"},\n  */\n  {\"id\": \"b\", \"name\": \"B\"}\n]}";
    let ids: Vec<String> = parse(text)
        .unwrap()
        .feed
        .members
        .iter()
        .map(|m| m.id.clone())
        .collect();
    assert_eq!(ids, ["b"]);
    // An address left unquoted where a value goes is no comment: said where it is.
    let text = "{\"members\": [\n  {\"id\": \"a\", \"name\": \"A\", \"logo\": //cdn.example/a.png,\n   \"city\": \"Vigo\"},\n  {\"id\": \"b\", \"name\": \"B\"}\n]}";
    let said = syntax_said(text);
    assert_eq!(
        (said[0].0, said[0].1, said[0].2.clone()),
        (2, 36, SyntaxProblem::UnexpectedChar('/'))
    );
}

#[test]
fn mistakes_within_a_kept_entry_are_said_at_their_own_places() {
    // A mistake in an entry after another's, though noted after it.
    let text = "{\"members\": [\n  {\"id\": \"a\", \"name\": \"A\",, \"city\": \"Vigo\",} x\n  {\"id\": \"b\", \"name\": \"B\"}\n]}";
    let said = syntax_said(text);
    use SyntaxProblem::{ExtraComma, UnexpectedChar};
    assert_eq!(
        said,
        [
            (2, 27, ExtraComma, Recovery::Mended),
            (2, 43, ExtraComma, Recovery::Mended),
            (2, 46, UnexpectedChar('x'), Recovery::Mended),
        ]
    );
    assert_eq!(parse(text).unwrap().feed.members.len(), 2);
}

// ---------------------------------------------------------------------------------------
// Unknown fields, null and "" optional fields
// ---------------------------------------------------------------------------------------

/// A field written as a spreadsheet's column heading (`Website`, `E-mail`) is no field, and
/// is said as the one meant: it was ignored without a word, and its member showed bare.
#[test]
fn a_field_written_otherwise_is_said_as_the_one_meant() {
    let parsed = parse(
        r#"{"version": 1, "cluster": {"name": "CLAG", "Time zone": "Europe/Madrid"},
            "segments": [{"id": "production", "Name": "Produción"}],
            "members": [{"id": "b", "ID": "crm-12", "name": "Bambú", "Website": "https://bambu.example", "E-mail": "info@bambu.example", "Segments": ["production"], "city": "Vigo", "_source": "crm", "Notes": "x"},
                        {"id": "c", "Name": "Ficción"}],
            "events": [{"id": "e", "title": "MIPCOM", "start": "2026-10-19", "Start date": "2026-10-19"}]}"#,
    )
    .unwrap();
    let said = paths_and_problems(&parsed);
    use Problem::{FieldMiswritten, Missing};
    assert_eq!(
        said,
        [
            ("cluster.Time zone", &FieldMiswritten("timezone")),
            ("segments[0].Name", &FieldMiswritten("name")),
            ("segments[0].name", &Missing),
            ("members[0].Website", &FieldMiswritten("website")),
            ("members[0].E-mail", &FieldMiswritten("email")),
            ("members[0].Segments", &FieldMiswritten("segments")),
            ("members[1].Name", &FieldMiswritten("name")),
            ("members[1].name", &Missing),
        ],
        "an unknown field (`Notes`, `_source`, `Start date`) is still ignored without a word, \
         and so is one beside the field it would be (`ID` beside `id`)"
    );
    let member = &parsed.feed.members[0];
    assert_eq!(
        (member.website.as_deref(), member.segments.len()),
        (None, 0)
    );
    assert_eq!(
        clusterkit::Lang::En
            .strings()
            .diagnostic(&parsed.diagnostics[3]),
        "is no field: write it as “website”. The field was ignored."
    );
}

#[test]
fn unknown_fields_anywhere_are_ignored_without_diagnostics() {
    let parsed = read(&feed_doc(
        &[
            ("$schema", r#""https://example.org/feed.schema.json""#),
            ("_source", r#""crm""#),
            (
                "cluster",
                r#"{"name": {"ca": "Clúster Audiovisual de Catalunya", "en": "Catalan Audiovisual Cluster"}, "url": "https://www.clusteraudiovisual.example", "timezone": "Europe/Madrid", "default_language": "ca", "founded": 2001, "address": {"city": "Barcelona", "lines": [1, null, true]}}"#,
            ),
            (
                "segments",
                r##"[{"id": "production", "name": {"ca": "Producció", "es": "Producción", "en": "Production"}, "color": "#1f5f8b", "icon": {"svg": "<svg/>"}, "members": "x"}, {"id": "post-production", "name": {"ca": "Postproducció", "es": "Postproducción", "en": "Post-production"}, "color": "#7a5195", "order": 2, "title": 7}]"##,
            ),
            (
                "categories",
                r##"[{"id": "training", "name": {"ca": "Formació", "en": "Training"}, "color": "#b35400", "emoji": "🎓", "start": "never"}]"##,
            ),
            (
                "sponsors",
                r#"[{"id": 1}, "x", {"website": "javascript:x"}]"#,
            ),
        ],
        vec![member_json(
            "sonilab",
            "Sonilab",
            &[
                ("employees", "25"),
                (
                    "address",
                    r#"{"street": "Carrer de Sant Joan", "number": 12}"#,
                ),
                // Fields of other entry types, unknown for a member.
                ("title", "5"),
                ("start", r#""tomorrow""#),
                ("recurrence", r#""FREQ=NEVER""#),
                ("notes", r#""\ud800""#),
                (r"\ud800", "1"),
            ],
        )],
        vec![event_json(
            "networking",
            &[
                ("name", "42"),
                ("kind", r#""startup""#),
                ("website", r#""javascript:alert(1)""#),
                ("speakers", r#"[{"name": 5}, null]"#),
            ],
        )],
    ));
    assert_diagnostics(&parsed, &[]);
    assert_shared_parts_intact(&parsed.feed);
    assert_eq!(parsed.feed.members, vec![full_member("sonilab", "Sonilab")]);
    assert_eq!(parsed.feed.events, vec![full_event("networking")]);
}

#[test]
fn a_place_without_a_word_is_none_as_a_spreadsheet_means_it() {
    let parsed = read(&feed(
        vec![
            member_json(
                "dashes",
                "Dashes",
                &[
                    ("city", r#""-""#),
                    ("region", r#""—""#),
                    ("country", r#""?""#),
                ],
            ),
            member_json(
                "places",
                "Places",
                &[
                    ("city", r#""L'Hospitalet""#),
                    ("region", r#""A Coruña""#),
                    ("country", r#""ES""#),
                ],
            ),
        ],
        vec![],
    ));
    assert_diagnostics(&parsed, &[]);
    let places: Vec<_> = parsed
        .feed
        .members
        .iter()
        .map(|m| (m.city.as_deref(), m.region.as_deref(), m.country.as_deref()))
        .collect();
    assert_eq!(
        places,
        [
            (None, None, None),
            (Some("L'Hospitalet"), Some("A Coruña"), Some("ES"))
        ]
    );
}

#[test]
fn null_and_empty_optional_fields_are_absent_without_diagnostics() {
    let nulls: Vec<(&str, &str)> = MEMBER_FIELDS.iter().map(|&(k, _)| (k, "null")).collect();
    let blanks: Vec<(&str, &str)> = vec![
        ("segments", "null"),
        ("kind", r#""""#),
        ("city", r#""   ""#),
        ("region", r#""""#),
        ("country", r#"" ""#),
        ("website", r#""""#),
        ("logo", r#""  ""#),
        ("email", r#""""#),
        ("phone", r#""""#),
        ("description", r#"{"en": "", "es": null, "ca": "  "}"#),
        ("tags", "null"),
        ("joined", r#""""#),
        ("founding", r#""""#),
    ];
    let event_nulls: Vec<(&str, &str)> = EVENT_FIELDS
        .iter()
        .filter(|(k, _)| !matches!(*k, "title" | "start" | "_note"))
        .map(|&(k, _)| (k, "null"))
        .collect();
    let event_blanks: Vec<(&str, &str)> = vec![
        ("end", r#""""#),
        ("timezone", r#"" ""#),
        ("location", r#""""#),
        ("segments", "null"),
        ("category", r#""""#),
        ("url", r#""   ""#),
        ("description", r#"{}"#),
        ("recurrence", r#""""#),
        ("exdates", "null"),
    ];
    let parsed = read(&feed_doc(
        &[
            (
                "cluster",
                r#"{"name": "Clúster", "url": null, "timezone": "", "default_language": "  "}"#,
            ),
            (
                "segments",
                r#"[{"id": "production", "name": "Production", "color": ""}]"#,
            ),
            (
                "categories",
                r#"[{"id": "training", "name": "Training", "color": null}]"#,
            ),
        ],
        vec![
            member_json("nulls", "Nulls", &nulls),
            member_json("blanks", "Blanks", &blanks),
        ],
        vec![
            event_json("nulls", &event_nulls),
            event_json("blanks", &event_blanks),
        ],
    ));
    // But for the cluster's zone, whose absence the events' times are read in.
    let zone = diag("cluster.timezone", Problem::ZoneMissing, false);
    assert_diagnostics(&parsed, &[zone]);
    assert_eq!(
        parsed.feed,
        Feed {
            cluster: Cluster {
                name: Text::from("Clúster"),
                ..Cluster::default()
            },
            segments: vec![Segment::new("production", "Production")],
            categories: vec![Segment::new("training", "Training")],
            members: vec![
                Member::new("nulls", "Nulls"),
                Member::new("blanks", "Blanks")
            ],
            events: vec![
                Event::new(
                    "nulls",
                    [("ca", "Esmorzar de socis"), ("en", "Members' breakfast")],
                    local(2025, 1, 7, 9, 0)
                ),
                Event::new(
                    "blanks",
                    [("ca", "Esmorzar de socis"), ("en", "Members' breakfast")],
                    local(2025, 1, 7, 9, 0)
                ),
            ],
            base_url: None,
            skipped: Skipped::default(),
        }
    );
    assert_eq!(parsed.feed.cluster.timezone, "UTC");
    assert_eq!(parsed.feed.cluster.default_language, "en");
}

// ---------------------------------------------------------------------------------------
// Texts
// ---------------------------------------------------------------------------------------

#[test]
fn texts_resolve_in_the_contract_order_through_a_parsed_feed() {
    let parsed = read(&feed(
        vec![
            member_json(
                "sonilab",
                "Sonilab",
                &[(
                    "description",
                    r#"{"es-ES": "Estudio de doblaje", "en": "Dubbing studio", "CA": "Estudi de doblatge"}"#,
                )],
            ),
            member_json(
                "cig",
                "CIG",
                &[(
                    "description",
                    r#"{"gl": "Estudo de dobraxe", "pt": "Estúdio de dobragem"}"#,
                )],
            ),
        ],
        vec![],
    ));
    assert_diagnostics(&parsed, &[]);
    let feed = &parsed.feed;
    let fallback = feed.cluster.default_language.as_str();
    assert_eq!(fallback, "ca");
    let segment = &feed.segment("post-production").expect("segment").name;
    // 1. the requested tag; 2. its primary subtag (case aside).
    assert_eq!(segment.resolve("es", fallback), "Postproducción");
    assert_eq!(segment.resolve("ES-ar", fallback), "Postproducción");
    // 4. the cluster's default language.
    assert_eq!(segment.resolve("gl", fallback), "Postproducció");
    let sonilab = feed.members[0].description.as_ref().expect("description");
    // 3. any tag with the requested primary subtag.
    assert_eq!(sonilab.resolve("es-MX", fallback), "Estudio de doblaje");
    assert_eq!(sonilab.resolve("en-GB", fallback), "Dubbing studio");
    // 4. the default language, whatever the case of the tag.
    assert_eq!(sonilab.resolve("fr", fallback), "Estudi de doblatge");
    // 6. the first translation given.
    let cig = feed.members[1].description.as_ref().expect("description");
    assert_eq!(cig.resolve("fr", fallback), "Estudo de dobraxe");
    assert_eq!(cig.resolve("pt-BR", fallback), "Estúdio de dobragem");
    // A plain name reads the same in every language.
    assert_eq!(feed.members[0].name.resolve("ja", fallback), "Sonilab");
    assert_eq!(
        feed.cluster.name.resolve("en-US", fallback),
        "Catalan Audiovisual Cluster"
    );

    // 5. English, when the default language has no translation.
    let parsed = read(&feed_doc(
        &[(
            "cluster",
            r#"{"name": "Clúster", "default_language": "es"}"#,
        )],
        vec![],
        vec![event_json("networking", &[])],
    ));
    assert_diagnostics(&parsed, &[]);
    let title = &parsed.feed.events[0].title;
    assert_eq!(
        title.resolve("gl", &parsed.feed.cluster.default_language),
        "Members' breakfast"
    );
    assert_eq!(
        title.resolve("ca-valencia", &parsed.feed.cluster.default_language),
        "Esmorzar de socis"
    );
}

#[test]
fn long_names_and_a_megabyte_description_are_kept_intact() {
    let name = "Sonilàb-".repeat(1_250);
    assert_eq!(name.chars().count(), 10_000);
    let title = "Setmana del talent · ".repeat(500) + "fi";
    let mut description = "Estudi de só i doblatge. ".repeat(40_000);
    description.push_str("Fi.");
    assert!(description.len() > 1_000_000);
    let parsed = read(&feed(
        vec![
            member_json("sonilab", "Sonilab", &[]),
            member_json(
                "long",
                &name,
                &[("description", &format!(r#"{{"ca": "{description}"}}"#))],
            ),
            member_json("mediapro", "Mediapro", &[]),
        ],
        vec![event_json("long", &[("title", &format!("\"{title}\""))])],
    ));
    assert_diagnostics(&parsed, &[]);
    assert_eq!(
        parsed.feed.members,
        vec![
            full_member("sonilab", "Sonilab"),
            Member {
                description: Some(Text::Localized(vec![("ca".into(), description)])),
                ..full_member("long", &name)
            },
            full_member("mediapro", "Mediapro"),
        ]
    );
    assert_eq!(
        parsed.feed.events,
        vec![Event {
            title: Text::Plain(title),
            ..full_event("long")
        }]
    );
}

#[test]
fn blank_list_items_are_skipped_silently_like_empty_spreadsheet_cells() {
    let doc = r#"{"version": 1, "cluster": {"name": "C"},
        "members": [{"id": "a", "name": "A", "tags": ["", "  ", null, "dubbing"]}]}"#;
    let parsed = read(doc);
    assert_eq!(parsed.diagnostics, []);
    assert_eq!(parsed.feed.members[0].tags, ["dubbing"]);
}

#[test]
fn an_event_with_an_impossible_start_reports_only_its_start() {
    let doc = r#"{"version": 1, "cluster": {"name": "C"},
        "events": [{"id": "e", "title": "T", "start": "2024-02-30", "exdates": ["2024-11-20"]},
                   {"id": "ok", "title": "Fine", "start": "2024-11-20"}]}"#;
    let parsed = read(doc);
    assert_eq!(
        parsed.diagnostics,
        [diag(
            "events[0].start",
            Problem::BadDate("2024-02-30".into()),
            true
        )]
    );
    assert_eq!(parsed.feed.events.len(), 1);
}

#[test]
fn an_object_with_forty_thousand_keys_keeps_the_last_value_of_a_repeated_key() {
    let mut fields: Vec<String> = (0..40_000).map(|i| format!("\"k{i}\": {i}")).collect();
    fields.push("\"k7\": \"last\"".into());
    let doc = format!("{{{}}}", fields.join(","));
    let value = json::parse(&doc).unwrap();
    assert_eq!(value.get("k7"), Some(&Json::String("last".into())));
    let Json::Object(pairs) = value else {
        panic!("not an object")
    };
    assert_eq!(pairs.len(), 40_000, "the repeated key appears once");
}

/// What a spreadsheet or a word processor leaves around an address is no part of it: the
/// address meant is linked, and the author told; before, most went to a page of the feed's
/// own server (`…/http//www.bambu.example`), with the quotes in its `mailto:`.
/// A cluster whose events have times but who gave no zone is told that they are read, and
/// shown, as UTC times: a Spanish cluster's 09:00 breakfast went to Google Calendar at 10:00.
#[test]
fn a_cluster_without_a_zone_whose_events_have_times_is_told_they_are_utc() {
    let doc = |cluster: &str, events: &str| {
        format!(r#"{{"version": 1, "cluster": {cluster}, "events": {events}}}"#)
    };
    let timed = r#"[{"id": "a", "title": "A", "start": "2026-12-01"}, {"id": "b", "title": "B", "start": "2026-12-02T09:00"}]"#;
    let said = parse(&doc(r#"{"name": "CLAG"}"#, timed))
        .unwrap()
        .diagnostics;
    assert_eq!(
        said,
        [Diagnostic {
            path: "cluster.timezone".into(),
            problem: Problem::ZoneMissing,
            skipped: false,
        }]
    );
    assert_eq!(
        format!(
            "{}: {}",
            said[0].path,
            clusterkit::Lang::En.strings().diagnostic(&said[0])
        ),
        "cluster.timezone: is missing, so times are read and shown as UTC: give the cluster’s \
         time zone, such as “Europe/Madrid”."
    );
    // Said once, before the lists' problems, among the cluster's.
    let broken = r#"[{"id": "b", "title": "B", "start": "2026-12-02T09:00", "color": 5}, {"id": "c", "title": "C", "start": "2026-12-02T10:00Z"}, {"title": "no id"}]"#;
    let said = parse(&doc(r#"{"name": "CLAG"}"#, broken))
        .unwrap()
        .diagnostics;
    assert_eq!(said[0].path, "cluster.timezone");
    assert_eq!(
        said.iter()
            .filter(|d| d.problem == Problem::ZoneMissing)
            .count(),
        1
    );
    // Not where no time is read in it: all-day events only, events with zones of their
    // own, a zone given (a wrong one is said as such).
    for (cluster, events) in [
        (
            r#"{"name": "CLAG"}"#,
            r#"[{"id": "a", "title": "A", "start": "2026-12-01", "end": "2026-12-03"}]"#,
        ),
        (
            r#"{"name": "CLAG"}"#,
            r#"[{"id": "a", "title": "A", "start": "2026-12-01T09:00", "timezone": "Europe/Madrid"}]"#,
        ),
        (r#"{"name": "CLAG", "timezone": "Europe/Madrid"}"#, timed),
        (r#"{"name": "CLAG", "timezone": "UTC"}"#, timed),
    ] {
        let said = parse(&doc(cluster, events)).unwrap().diagnostics;
        assert_eq!(said, [], "{cluster} {events}");
    }
    let said = parse(&doc(r#"{"name": "CLAG", "timezone": "Madrid"}"#, timed))
        .unwrap()
        .diagnostics;
    let problems: Vec<&Problem> = said.iter().map(|d| &d.problem).collect();
    assert_eq!(problems, [&Problem::BadTimezone("Madrid".into())]);
}

#[test]
fn an_address_written_with_more_than_itself_is_read_as_meant_and_said() {
    let websites = [
        ("http//www.bambu.example", "http://www.bambu.example"),
        ("https//bambu.example/es", "https://bambu.example/es"),
        ("https:/bambu.example", "https://bambu.example"),
        ("www.crtvg.example,", "https://www.crtvg.example"),
        ("www.crtvg.example;", "https://www.crtvg.example"),
        ("(www.crtvg.example)", "https://www.crtvg.example"),
        ("“https://www.h.example”", "https://www.h.example"),
        ("https://www.h.example’", "https://www.h.example"),
        ("<https://h.example/a>", "https://h.example/a"),
        (
            "https://www.ficcion.example (web)",
            "https://www.ficcion.example",
        ),
        (
            "www.ficcion.example (en obras)",
            "https://www.ficcion.example",
        ),
        ("www. espai.example", "https://www.espai.example"),
    ];
    let emails = [
        ("“info@crtvg.example”", "info@crtvg.example"),
        ("‘info@crtvg.example’", "info@crtvg.example"),
        ("<info@crtvg.example>", "info@crtvg.example"),
        ("info@crtvg.example.", "info@crtvg.example"),
    ];
    let mut members = vec![];
    for (i, (written, _)) in websites.iter().enumerate() {
        let website = serde_json::to_string(written).unwrap();
        members.push(member_json(&format!("w{i}"), "W", &[("website", &website)]));
    }
    for (i, (written, _)) in emails.iter().enumerate() {
        let email = serde_json::to_string(written).unwrap();
        members.push(member_json(&format!("e{i}"), "E", &[("email", &email)]));
    }
    let parsed = read(&feed(members, vec![]));
    let got: Vec<&str> = parsed
        .feed
        .members
        .iter()
        .map(|m| match m.id.starts_with('e') {
            true => m.email.as_deref().unwrap_or("none"),
            false => m.website.as_deref().unwrap_or("none"),
        })
        .collect();
    let meant: Vec<&str> = websites.iter().chain(&emails).map(|(_, m)| *m).collect();
    assert_eq!(got, meant);
    let said = paths_and_problems(&parsed);
    let expected: Vec<(String, Problem)> = (0..websites.len())
        .map(|i| (format!("members[{i}].website"), websites[i].1))
        .chain((0..emails.len()).map(|i| {
            (
                format!("members[{}].email", websites.len() + i),
                emails[i].1,
            )
        }))
        .map(|(path, meant)| (path, Problem::AddressMended(meant.to_owned())))
        .collect();
    let expected: Vec<(&str, &Problem)> = expected.iter().map(|(p, d)| (p.as_str(), d)).collect();
    assert_eq!(said, expected);
    assert!(parsed.diagnostics.iter().all(|d| !d.skipped));
    assert_eq!(
        clusterkit::Lang::En
            .strings()
            .diagnostic(&parsed.diagnostics[0]),
        "has more than the address: read as “http://www.bambu.example”."
    );
    // Not mended: brackets of its own, a relative path with a space, a phone's area code;
    // two addresses in one are refused.
    let parsed = read(&feed(
        vec![
            member_json(
                "a",
                "A",
                &[(
                    "website",
                    r#""https://es.wikipedia.example/wiki/Cine_(España)""#,
                )],
            ),
            member_json(
                "b",
                "B",
                &[
                    ("website", r#""members/my page.html""#),
                    ("phone", r#""(981) 941 792""#),
                ],
            ),
            member_json(
                "c",
                "C",
                &[("website", r#""www.a.example, www.b.example""#)],
            ),
            member_json(
                "d",
                "D",
                &[("website", r#""https://a.example https://b.example""#)],
            ),
            // A path's own spaces and commas, which a browser reads whole.
            member_json(
                "e",
                "E",
                &[(
                    "website",
                    r#""https://www.a.example/docs/Programa jornada 2025.pdf""#,
                )],
            ),
            member_json(
                "f",
                "F",
                &[("website", r#""https://www.a.example/news/cine,tv.cat""#)],
            ),
            member_json(
                "g",
                "G",
                &[("website", r#""www.a.example,https://b.example""#)],
            ),
            // Wrapping alone is nothing, as a spreadsheet's `-` is; a script is no e-mail
            // address.
            member_json("h", "H", &[("website", r#""“”""#), ("email", r#""()""#)]),
            member_json("i", "I", &[("website", r#""javascript:alert('a@b')""#)]),
        ],
        vec![],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag("members[2].website", Problem::TwoAddresses, false),
            diag("members[3].website", Problem::TwoAddresses, false),
            diag("members[6].website", Problem::TwoAddresses, false),
            diag("members[8].website", Problem::UnsafeUrl, false),
        ],
    );
    let m = &parsed.feed.members;
    assert_eq!(
        m[0].website.as_deref(),
        Some("https://es.wikipedia.example/wiki/Cine_(España)")
    );
    assert_eq!(m[1].website.as_deref(), Some("members/my page.html"));
    assert_eq!(m[1].phone.as_deref(), Some("(981) 941 792"));
    assert_eq!(
        m[4].website.as_deref(),
        Some("https://www.a.example/docs/Programa jornada 2025.pdf")
    );
    assert_eq!(
        m[5].website.as_deref(),
        Some("https://www.a.example/news/cine,tv.cat")
    );
    assert_eq!(
        (m[7].website.as_deref(), m[7].email.as_deref()),
        (None, None)
    );
}

/// What a spreadsheet writes for "none" is none, and a word is no page: before, `-`,
/// `pendent` and `Facebook` became links to pages beside the feed that are not there.
/// A segment whose id repeats another's in other capitals is that one again: members and
/// events name either the same, so two would show as two filters and two bars of one segment.
/// A date or time written as people and spreadsheets write them is read as meant, and said:
/// before, each of these events was skipped whole.
#[test]
fn a_date_or_time_written_otherwise_is_read_as_meant_and_said() {
    let events = [
        (r#""start": "2026-12-7""#, "2026-12-07"),
        (r#""start": "2026-12-07T18h""#, "2026-12-07T18:00"),
        (r#""start": "2026-12-17 9:30h""#, "2026-12-17T09:30"),
        (r#""start": "2026-1-5t08:00""#, "2026-01-05T08:00"),
        (
            r#""start": "2026-12-08T18:00", "end": "20:00""#,
            "2026-12-08T20:00",
        ),
        (
            r#""start": "2026-12-08T18:00", "end": "21h""#,
            "2026-12-08T21:00",
        ),
    ];
    let list: Vec<String> = events
        .iter()
        .enumerate()
        .map(|(i, (fields, _))| format!(r#"{{"id": "e{i}", "title": "E", {fields}}}"#))
        .collect();
    let parsed = parse(&format!(
        r#"{{"version": 1, "cluster": {{"name": "C", "timezone": "Europe/Madrid"}}, "events": [{}]}}"#,
        list.join(",")
    ))
    .unwrap();
    assert_eq!(
        parsed.feed.events.len(),
        events.len(),
        "{:?}",
        parsed.diagnostics
    );
    let said = paths_and_problems(&parsed);
    let expected: Vec<(String, Problem)> = events
        .iter()
        .enumerate()
        .map(|(i, (fields, meant))| {
            let key = if fields.contains("end") {
                "end"
            } else {
                "start"
            };
            (
                format!("events[{i}].{key}"),
                Problem::DateMended((*meant).to_owned()),
            )
        })
        .collect();
    let expected: Vec<(&str, &Problem)> = expected.iter().map(|(p, d)| (p.as_str(), d)).collect();
    assert_eq!(said, expected);
    let e = &parsed.feed.events;
    assert_eq!(e[0].start, When::parse("2026-12-07").unwrap());
    assert_eq!(e[4].end, When::parse("2026-12-08T20:00"));
    assert_eq!(
        clusterkit::Lang::Ca
            .strings()
            .diagnostic(&parsed.diagnostics[0]),
        "està escrita d’una altra manera: es llegeix com a «2026-12-07»."
    );
    // Not what cannot be read for sure: said wrong, as before.
    for start in [
        "7 de desembre de 2026",
        "2026-12-07T25h",
        "07/12/2026",
        "2026-13-7",
    ] {
        let parsed = parse(&format!(
            r#"{{"version": 1, "cluster": {{"name": "C", "timezone": "Europe/Madrid"}}, "events": [{{"id": "e", "title": "E", "start": "{start}"}}]}}"#
        ))
        .unwrap();
        assert!(parsed.feed.events.is_empty(), "{start}");
        assert!(
            !parsed
                .diagnostics
                .iter()
                .any(|d| matches!(d.problem, Problem::DateMended(_))),
            "{start}"
        );
    }
}

#[test]
fn a_segment_id_repeated_in_other_capitals_is_a_repeat() {
    let parsed = parse(
        r#"{"version": 1, "cluster": {"name": "C"},
            "segments": [{"id": "production", "name": "Producción"}, {"id": "Production", "name": "PRODUCCIÓN"}],
            "categories": [{"id": "talk", "name": "Talk"}, {"id": "TALK", "name": "Talk"}],
            "members": [{"id": "a", "name": "A"}, {"id": "A", "name": "Another A"}]}"#,
    )
    .unwrap();
    let said = paths_and_problems(&parsed);
    assert_eq!(
        said,
        [
            (
                "segments[1].id",
                &Problem::DuplicateId {
                    id: "Production".into(),
                    first: "segments[0]".into()
                }
            ),
            (
                "categories[1].id",
                &Problem::DuplicateId {
                    id: "TALK".into(),
                    first: "categories[0]".into()
                }
            ),
        ],
        "members' ids are their own in any capitals"
    );
    assert_eq!(parsed.feed.segments.len(), 1);
    assert_eq!(parsed.feed.members.len(), 2);
    // Feed::check says the same of a feed built so.
    let mut feed = parsed.feed.clone();
    feed.segments.push(clusterkit::feed::Segment {
        id: "PRODUCTION".into(),
        ..feed.segments[0].clone()
    });
    let said = feed.check();
    assert_eq!(said.len(), 1);
    assert_eq!(said[0].path, "segments[1].id");
}

#[test]
fn a_placeholder_is_no_address_and_a_word_no_page() {
    let parsed = read(&feed(
        vec![
            member_json(
                "a",
                "A",
                &[
                    ("website", r#""-""#),
                    ("email", r#""—""#),
                    ("phone", r#""?""#),
                ],
            ),
            member_json("b", "B", &[("website", r#""pendent""#)]),
            member_json("c", "C", &[("website", r#""no té web""#)]),
            member_json(
                "d",
                "D",
                &[
                    ("website", r#""socis/uab""#),
                    ("logo", r#""www.sonilab.example/logo.png""#),
                ],
            ),
            member_json("e", "E", &[("logo", r#""logo.png""#)]),
            // A spreadsheet's "not applicable", which holds a slash.
            member_json("f", "F", &[("website", r#""N/A""#)]),
        ],
        vec![],
    ));
    assert_diagnostics(
        &parsed,
        &[
            diag("members[1].website", Problem::UnsafeUrl, false),
            diag("members[2].website", Problem::UnsafeUrl, false),
            diag("members[5].website", Problem::UnsafeUrl, false),
        ],
    );
    let m = &parsed.feed.members;
    assert_eq!(
        (
            m[0].website.as_deref(),
            m[0].email.as_deref(),
            m[0].phone.as_deref()
        ),
        (None, None, None)
    );
    assert_eq!(
        m[3].website.as_deref(),
        Some("socis/uab"),
        "a path beside the feed"
    );
    assert_eq!(
        m[3].logo.as_deref(),
        Some("https://www.sonilab.example/logo.png")
    );
    assert_eq!(
        m[4].logo.as_deref(),
        Some("logo.png"),
        "a file beside the feed"
    );
}

#[test]
fn a_website_typed_as_a_bare_host_is_that_host_over_https_and_an_email_there_is_refused() {
    let parsed = read(&feed(
        vec![
            member_json(
                "sonilab",
                "Sonilab",
                &[("website", r#""www.sonilab.example""#)],
            ),
            member_json("faro", "Faro", &[("website", r#""WWW.Faro.example/en""#)]),
            // A relative path stays one: it names a page on the feed's own server.
            member_json("uab", "UAB", &[("website", r#""members/uab.html""#)]),
            // A bare host without www., as a CRM exports it.
            member_json(
                "mediapro",
                "Mediapro",
                &[("website", r#""mediapro.cat/ca?x=1""#)],
            ),
            member_json("sonar", "Sónar", &[("website", r#""uab.html""#)]),
            // A host with accented letters, and a query that holds an address.
            member_json("caritas", "Càritas", &[("website", r#""www.càritas.cat""#)]),
            member_json(
                "ref",
                "Ref",
                &[("website", r#""x.cat/?ref=https://y.org""#)],
            ),
            member_json("fitxa", "Fitxa", &[("website", r#""fitxa.odt""#)]),
            // An e-mail address is no website.
            member_json("kpmg", "KPMG", &[("website", r#""info@kpmg.example""#)]),
        ],
        vec![],
    ));
    assert_diagnostics(
        &parsed,
        &[diag("members[8].website", Problem::EmailAsWebsite, false)],
    );
    let websites: Vec<Option<&str>> = parsed
        .feed
        .members
        .iter()
        .map(|m| m.website.as_deref())
        .collect();
    assert_eq!(
        websites,
        [
            Some("https://www.sonilab.example"),
            Some("https://WWW.Faro.example/en"),
            Some("members/uab.html"),
            Some("https://mediapro.cat/ca?x=1"),
            Some("uab.html"),
            Some("https://www.càritas.cat"),
            Some("https://x.cat/?ref=https://y.org"),
            Some("fitxa.odt"),
            None
        ]
    );
}

#[test]
fn a_cms_export_s_numbered_ids_and_html_read_as_what_they_stand_for() {
    let parsed = parse(
        r#"{"version": 1, "cluster": {"name": "Cl&uacute;ster del Audiovisual"},
        "segments": [{"id": 3, "name": "Producci&oacute;n"}],
        "members": [{"id": 12, "name": "<strong>Sonilab</strong> &amp; Co", "segments": [3],
            "city": "&nbsp;", "tags": ["<p></p>", "cine"], "phone": " &#32; ",
            "website": "https://www.sonilab.example/?a=1&amp;b=2",
            "description": "<!-- wp:paragraph --><p>Estudi &amp; so.</p>\r\n<p>Des de 1990</p>"}],
        "events": [{"id": 7, "title": "Jornada &#8211; Ayudas", "start": "2026-11-23",
            "category": 4}]}"#,
    )
    .unwrap();
    assert_eq!(parsed.diagnostics, []);
    let feed = parsed.feed;
    assert_eq!(feed.cluster.name, Text::from("Clúster del Audiovisual"));
    assert_eq!(feed.segments[0].id, "3");
    assert_eq!(feed.segments[0].name, Text::from("Producción"));
    let member = &feed.members[0];
    assert_eq!(member.id, "12");
    assert_eq!(member.name, Text::from("Sonilab & Co"));
    assert_eq!(member.segments, ["3"]);
    // What reads as spaces only is not given, as blank text is.
    assert_eq!((&member.city, &member.phone), (&None, &None));
    assert_eq!(member.tags, ["cine"]);
    assert_eq!(
        member.website.as_deref(),
        Some("https://www.sonilab.example/?a=1&b=2")
    );
    assert_eq!(
        member.description,
        Some(Text::from("Estudi & so.\n\nDes de 1990"))
    );
    assert_eq!(feed.events[0].id, "7");
    assert_eq!(feed.events[0].title, Text::from("Jornada – Ayudas"));
    assert_eq!(feed.events[0].category.as_deref(), Some("4"));
}

#[test]
fn the_feed_counts_the_members_and_events_it_skipped() {
    let parsed = parse(
        r#"{"version": 1, "cluster": {"name": "Clúster"},
        "members": [{"id": "a", "name": "A"}, {"id": "a", "name": "A again"}, {"name": "No id"}, 7],
        "events": [{"id": "e", "title": "No start"}]}"#,
    )
    .unwrap();
    assert_eq!(parsed.feed.members.len(), 1);
    assert_eq!(
        parsed.feed.skipped,
        Skipped {
            members: 3,
            events: 1
        }
    );
}

#[test]
fn a_feed_wrapped_by_a_web_api_s_answer_is_read_from_inside_and_said() {
    let parsed = parse(
        r#"{"success": true, "data": {"version": 1, "cluster": {"name": "Clúster"},
            "members": [{"id": "a", "name": "A"}]}}"#,
    )
    .unwrap();
    assert_eq!(
        parsed.diagnostics,
        [Diagnostic {
            path: "(root)".into(),
            problem: Problem::FeedInside("data".into()),
            skipped: false,
        }]
    );
    assert_eq!(parsed.feed.members, [Member::new("a", "A")]);
    // Two objects that could be the feed: neither is guessed at.
    let two = parse(r#"{"a": {"version": 1}, "b": {"cluster": {"name": "B"}}}"#).unwrap();
    assert!(
        two.diagnostics
            .iter()
            .all(|d| !matches!(d.problem, Problem::FeedInside(_)))
    );
}

#[test]
fn a_list_php_wrote_as_an_object_of_numbered_entries_is_read_in_order_and_said() {
    let parsed = parse(
        r#"{"version": 1, "cluster": {"name": "Clúster"},
        "members": {"0": {"id": "a", "name": "A"}, "2": {"id": "b", "name": "B"}},
        "events": {"x": {"id": "e", "title": "E", "start": "2026-11-23"}}}"#,
    )
    .unwrap();
    assert_eq!(
        parsed.feed.members,
        [Member::new("a", "A"), Member::new("b", "B")]
    );
    // Keys that are no numbers: no list, as before.
    assert!(parsed.feed.events.is_empty());
    let said = paths_and_problems(&parsed);
    assert_eq!(
        said,
        [
            ("members", &Problem::NumberedObject),
            (
                "events",
                &Problem::WrongType {
                    expected: Expected::Array,
                    found: "object"
                }
            ),
        ]
    );
}

#[test]
fn tags_repeated_in_other_accents_or_a_catalan_l_l_count_once() {
    let parsed = parse(
        r#"{"version": 1, "cluster": {"name": "Clúster"}, "members": [{"id": "a", "name": "A",
        "tags": ["Animació", "animacio", "ANIMACIÓ", "col.lectiu", "col·lectiu", "Cinema"]}]}"#,
    )
    .unwrap();
    assert_eq!(
        parsed.feed.members[0].tags,
        ["Animació", "col.lectiu", "Cinema"]
    );
}

#[test]
fn load_and_syntax_errors_are_errors_an_app_can_pass_on_with_their_messages() {
    use clusterkit::feed::LoadError;
    let syntax = clusterkit::feed::parse("{\"version\": 1,").unwrap_err();
    let wrapped: Box<dyn std::error::Error> = Box::new(LoadError::Syntax(syntax.clone()));
    assert_eq!(
        wrapped.to_string(),
        "The data is not valid JSON: line 1, column 15: the text ends too early."
    );
    assert!(
        wrapped.source().is_none(),
        "the message says the syntax error's already: a chain would say it twice"
    );
    assert_eq!(syntax.to_string(), wrapped.to_string());
    assert_eq!(
        LoadError::Status(404).to_string(),
        "The data could not be loaded (HTTP 404)."
    );
    assert_eq!(
        LoadError::Status(404).message(Lang::Es),
        "No se han podido cargar los datos (HTTP 404)."
    );
}
