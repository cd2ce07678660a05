//! The stream's reading against the whole document's: fixtures, samples in any chunks, and
//! documents with the faults a stream must leave to the whole reading.

use super::*;
use proptest::prelude::*;

/// The feed read from `bytes` pushed in the chunks that start at `cuts`.
fn streamed(bytes: &[u8], cuts: &[usize]) -> Result<ParsedFeed, SyntaxError> {
    let mut reading = Reading::default();
    let mut at = 0;
    for &cut in cuts.iter().filter(|&&c| c <= bytes.len()) {
        if cut >= at {
            reading.push(&bytes[at..cut]);
            at = cut;
        }
    }
    reading.push(&bytes[at..]);
    reading.finish().0
}

fn feeds() -> Vec<(String, Vec<u8>)> {
    let mut all = vec![];
    for dir in ["tests/fixtures/feeds", "www/feeds"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                all.push((path.display().to_string(), std::fs::read(path).unwrap()));
            }
        }
    }
    assert!(all.len() > 30, "the fixtures and sample feeds are there");
    all
}

#[test]
fn every_fixture_and_sample_feed_reads_as_a_whole_in_any_chunks() {
    for (name, bytes) in feeds() {
        let whole = parse_bytes(&bytes);
        for size in [1, 2, 3, 7, 64, 1000, bytes.len()] {
            let cuts: Vec<usize> = (size..bytes.len()).step_by(size).collect();
            assert_eq!(streamed(&bytes, &cuts), whole, "{name} in chunks of {size}");
        }
    }
}

#[test]
fn a_sample_feeds_members_are_read_before_its_last_bytes_come() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/feeds/catalonia.json");
    let sample = std::fs::read_to_string(path).unwrap();
    // As written; saved by a spreadsheet program (a byte order mark); with a name in
    // French and one in Portuguese, whose "â" and "Ã" are no text encoded twice.
    let marked = format!("\u{feff}{sample}");
    let named = sample.replacen("\"name\": \"", "\"name\": \"Château Câmara SÃO ", 40);
    for text in [sample.as_str(), &marked, &named] {
        let bytes = text.as_bytes();
        let mut reading = Reading::default();
        let tail = bytes.len() - bytes.len() / 10;
        reading.push(&bytes[..tail]);
        let members = reading.members.as_ref().map_or(0, |m| m.count);
        let feed = parse_bytes(bytes).unwrap().feed;
        assert!(
            members > feed.members.len() / 2,
            "{members} of {} members read with nine tenths of the bytes in",
            feed.members.len()
        );
        reading.push(&bytes[tail..]);
        assert_eq!(reading.finish().0.unwrap().feed, feed);
    }
}

#[test]
fn events_naming_a_category_by_its_name_read_the_same_before_or_after_the_list() {
    let event = r#"{"id": "e", "title": "Fira", "start": "2026-05-01", "category": "Fira"}"#;
    let categories = r#""categories": [{"id": "fair", "name": "Fira"}]"#;
    let segments = r#""segments": [{"id": "tv", "name": "TV"}]"#;
    let head = r#""version": 1, "cluster": {"name": "C", "timezone": "Europe/Madrid"}"#;
    for doc in [
        format!(r#"{{{head}, {segments}, {categories}, "events": [{event}]}}"#),
        format!(r#"{{{head}, {categories}, {segments}, "events": [{event}]}}"#),
        format!(r#"{{{head}, {segments}, "events": [{event}], {categories}}}"#),
    ] {
        let bytes = doc.as_bytes();
        let cuts: Vec<usize> = (1..bytes.len()).collect();
        let read = streamed(bytes, &cuts).unwrap();
        assert_eq!(
            read.feed.events[0].category.as_deref(),
            Some("fair"),
            "{doc}"
        );
        assert_eq!(Ok(read), parse_bytes(bytes), "{doc}");
    }
}

/// Documents that look like a feed, with the faults a stream must leave to the whole
/// document's reading.
fn document() -> impl Strategy<Value = String> {
    let member = prop_oneof![
        Just(r#"{"id": "a", "name": "Àudio", "segments": ["tv"]}"#),
        Just(r#"{"id": "a", "name": "B"}"#),
        Just(r#"{"id": "b", "name": {"ca": "Cinema", "en": "Film"}, "segments": ["Televisió"]}"#),
        Just(r#"{"id": "c", "name": "Caf\u00e9 \"X\" [1]", "tags": ["a,b", "}"]}"#),
        Just(r#"{"id": 3}"#),
        Just(r#"[]"#),
        Just(r#"null"#),
        Just(r#"{"id": "d", "name": "D", "name": "E"}"#),
        Just(r#"{"id": "e", "name": "\ud800"}"#),
        Just(r#"{"id": "f", "name": "Ã³"}"#),
        Just(r#"{"id": "f", "name": "Château Ã"}"#),
        Just(r#"{"id": "g" "name": "G"}"#),
        Just(r#"{"id": "h", "name": "H",}"#),
    ];
    let members = prop::collection::vec(member, 0..5).prop_map(|m| m.join(", "));
    let event = prop_oneof![
        Just(r#"{"id": "e1", "title": "Talent Week", "start": "2026-11-18"}"#),
        Just(
            r#"{"id": "e2", "title": "NAB", "start": "2026-04-05T10:00", "timezone": "America/Los_Angeles", "segments": ["tv", "x"]}"#
        ),
        Just(r#"{"id": "e1", "title": "Again", "start": "2026-13-01"}"#),
        // A category by its name, which the categories' list may come after.
        Just(r#"{"id": "e5", "title": "Fira", "start": "2026-05-01", "category": "FIRA"}"#),
        // Ends before it starts in any zone; and some zone's time after it starts.
        Just(
            r#"{"id": "e3", "title": "Late", "start": "2026-04-05T10:00", "end": "2026-04-04T19:00Z"}"#
        ),
        Just(
            r#"{"id": "e4", "title": "Soon", "start": "2026-04-05T10:00Z", "end": "2026-04-05T09:00"}"#
        ),
    ];
    let events = prop::collection::vec(event, 0..4).prop_map(|e| e.join(","));
    let part = prop_oneof![
        Just(r#""version": 1"#.to_owned()),
        Just(r#""version": "1""#.to_owned()),
        Just(r#""cluster": {"name": "Clúster", "timezone": "Europe/Madrid"}"#.to_owned()),
        Just(r#""cluster": {"name": "Clúster", "timezone": "Madrid"}"#.to_owned()),
        Just(
            r#""segments": [{"id": "tv", "name": "Televisió"}, {"id": "tv", "name": "TV"}]"#
                .to_owned()
        ),
        Just(r#""segments": {"0": {"id": "tv", "name": "TV"}}"#.to_owned()),
        Just(r#""categories": [{"id": "fair", "name": "Fira"}]"#.to_owned()),
        members.clone().prop_map(|m| format!(r#""members": [{m}]"#)),
        members.prop_map(|m| format!(r#""members" : [ {m} ] "#)),
        events.prop_map(|e| format!("\"events\":[{e}]")),
        Just(r#""members": {"1": {"id": "z", "name": "Z"}}"#.to_owned()),
        Just(r#""mem\u0062ers": []"#.to_owned()),
        Just(r#""extra": [1, {"a": [2]}, "]"]"#.to_owned()),
        Just(r#""data": {"version": 1, "cluster": {"name": "In"}}"#.to_owned()),
    ];
    let parts = prop::collection::vec(part, 0..7).prop_map(|p| format!("{{{}}}", p.join(",\n")));
    let edit = prop_oneof![
        Just(""),
        Just(" \n"),
        Just("x"),
        Just("\u{feff}"),
        Just(","),
        Just("}"),
    ];
    (parts, edit, any::<prop::sample::Index>()).prop_map(|(doc, edit, at)| {
        let cut = (0..=doc.len())
            .filter(|&i| doc.is_char_boundary(i))
            .collect::<Vec<_>>();
        let at = cut[at.index(cut.len())];
        format!("{}{edit}{}", &doc[..at], &doc[at..])
    })
}

proptest! {
    #[test]
    fn any_document_in_any_chunks_reads_as_the_whole(
        doc in document(),
        cuts in prop::collection::vec(0usize..400, 0..12),
        latin1 in any::<bool>(),
    ) {
        let mut bytes = doc.into_bytes();
        if latin1 {
            // A byte of Windows-1252 where UTF-8 was expected.
            if let Some(i) = bytes.iter().position(|&b| b == b'a') {
                bytes[i] = 0xE9;
            }
        }
        let mut cuts = cuts;
        cuts.sort_unstable();
        prop_assert_eq!(streamed(&bytes, &cuts), parse_bytes(&bytes));
    }
}
