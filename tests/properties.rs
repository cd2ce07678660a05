//! Properties over generated input, in the normal test run: the feed reader never panics on
//! any JSON (or any text) and keeps every entry or says it skipped it, the directory never returns a member its choices exclude, and a
//! recurrence expanded for a range stays inside it.

use clusterkit::__private::recur;
use clusterkit::__private::{FacetTable, SearchIndex, apply, name_order};
use clusterkit::Filter;
use clusterkit::Lang;
use clusterkit::feed::{self, Date, Feed, Kind, Member, Rrule, Segment};
use proptest::prelude::*;

/// Any JSON value, as text: nested up to a few levels, with the feed's own keys among
/// random ones, so that generated documents reach deep into the reader.
fn json() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("version".to_owned()),
        Just("cluster".to_owned()),
        Just("name".to_owned()),
        Just("members".to_owned()),
        Just("events".to_owned()),
        Just("segments".to_owned()),
        Just("id".to_owned()),
        Just("title".to_owned()),
        Just("start".to_owned()),
        Just("end".to_owned()),
        Just("recurrence".to_owned()),
        Just("exdates".to_owned()),
        Just("timezone".to_owned()),
        Just("website".to_owned()),
        Just("color".to_owned()),
        Just("joined".to_owned()),
        "[a-z_]{1,8}",
    ];
    let leaf = prop_oneof![
        Just("null".to_owned()),
        any::<bool>().prop_map(|b| b.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| f.to_string()),
        Just("1".to_owned()),
        Just("\"2026-03-29T02:30\"".to_owned()),
        Just("\"FREQ=MONTHLY;BYDAY=-1FR;COUNT=5\"".to_owned()),
        Just("\"Europe/Madrid\"".to_owned()),
        Just("\"\\ud800\"".to_owned()),
        any::<String>().prop_map(|s| serde_json::to_string(&s).unwrap()),
    ];
    leaf.prop_recursive(5, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(|v| format!("[{}]", v.join(","))),
            prop::collection::vec((key.clone(), inner), 0..6).prop_map(|pairs| {
                let fields: Vec<String> = pairs
                    .into_iter()
                    .map(|(k, v)| format!("{}:{v}", serde_json::to_string(&k).unwrap()))
                    .collect();
                format!("{{{}}}", fields.join(","))
            }),
        ]
    })
}

/// An entry of a feed list: any JSON, or, half the time, a valid one (the placeholder id
/// `valid-#` becomes `valid-<its index>` when the list is written) with its required text
/// under `required` and, for an event, a start.
fn entry(required: &'static str) -> impl Strategy<Value = String> {
    prop_oneof![
        json(),
        "[A-Za-z ]{1,12}".prop_map(move |name| {
            let start = if required == "title" {
                r#", "start": "2026-05-01""#
            } else {
                ""
            };
            format!(r#"{{"id": "valid-#", "{required}": "x{name}"{start}}}"#)
        }),
    ]
}

proptest! {
    #[test]
    fn reading_any_json_never_panics(text in json()) {
        let _ = feed::parse(&text);
        // Nor does a cut-off copy (a truncated download).
        let cut = text.char_indices().nth(text.chars().count() / 2).map_or(0, |(i, _)| i);
        let _ = feed::parse(&text[..cut]);
    }

    #[test]
    fn reading_any_text_never_panics(text in any::<String>()) {
        let _ = feed::parse(&text);
    }

    #[test]
    fn a_feed_with_every_list_present_reads_its_valid_entries(
        members in prop::collection::vec(entry("name"), 0..8),
        events in prop::collection::vec(entry("title"), 0..8),
    ) {
        let numbered = |list: Vec<String>| -> Vec<String> {
            list.into_iter()
                .enumerate()
                .map(|(i, e)| e.replace("\"valid-#\"", &format!("\"valid-{i}\"")))
                .collect()
        };
        let (members, events) = (numbered(members), numbered(events));
        let text = format!(
            r#"{{"version": 1, "cluster": {{"name": "C"}}, "members": [{}], "events": [{}]}}"#,
            members.join(","),
            events.join(","),
        );
        let parsed = feed::parse(&text).expect("valid JSON");
        let kept_ids = |ids: Vec<&str>, list: &str, entries: &[String]| {
            // Every entry is kept, or skipped with a diagnostic that says so: none is lost
            // without a word, and none is both.
            let skipped = (0..entries.len())
                .filter(|i| {
                    let at = format!("{list}[{i}]");
                    parsed.diagnostics.iter().any(|d| d.skipped && d.entry() == at)
                })
                .count();
            assert_eq!(ids.len() + skipped, entries.len(), "{list}: {entries:?} gave {ids:?}, {:?}", parsed.diagnostics);
            // A valid entry is always among those kept.
            for (i, e) in entries.iter().enumerate() {
                if e.starts_with("{\"id\": \"valid-") {
                    let id = format!("valid-{i}");
                    assert!(ids.contains(&id.as_str()), "{list}[{i}] {e} was not kept: {:?}", parsed.diagnostics);
                }
            }
        };
        kept_ids(parsed.feed.members.iter().map(|m| m.id.as_str()).collect(), "members", &members);
        kept_ids(parsed.feed.events.iter().map(|e| e.id.as_str()).collect(), "events", &events);
    }
}

/// A feed of `names`' members as `JSON.stringify(feed, null, 2)`, PHP's `JSON_PRETTY_PRINT`
/// or Python's `json.dump(…, indent=2)` lay one out: an entry a line, or more.
fn pretty_feed(names: &[String]) -> String {
    let members: Vec<serde_json::Value> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            serde_json::json!({
                "id": format!("m{i}"),
                "name": {"ca": name, "en": format!("{name} (en)")},
                "city": "Vigo",
                "segments": ["a", "b"],
            })
        })
        .collect();
    let feed = serde_json::json!({
        "version": 1,
        "cluster": {"name": "C"},
        "segments": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
        "members": members,
    });
    serde_json::to_string_pretty(&feed).unwrap()
}

proptest! {
    /// A feed cut short anywhere (a truncated file, a script that died while writing it) gives
    /// the members before the cut, each as whole as in the feed, or else a syntax error.
    #[test]
    fn a_feed_cut_anywhere_gives_whole_members_or_an_error(
        names in prop::collection::vec("[A-Za-zà-ü ]{1,10}", 1..6),
        at in 0.0..1.0f64,
    ) {
        let text = pretty_feed(&names);
        let full = feed::parse(&text).unwrap().feed.members;
        let mut cut = (text.len() as f64 * at) as usize;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Ok(parsed) = feed::parse(&text[..cut]) {
            let read = &parsed.feed.members;
            prop_assert!(!read.is_empty());
            // (The segments they name are read where the list of segments, after the
            // members in this layout's key order, is whole.)
            let whole = parsed.feed.segments.len() == 2;
            for (m, f) in read.iter().zip(&full) {
                prop_assert_eq!((&m.id, &m.name, &m.city), (&f.id, &f.name, &f.city));
                prop_assert!(!whole || m.segments == f.segments);
            }
        }
    }

    /// A byte lost within an entry of a feed laid out an entry a line costs that entry, or
    /// that one and the next, never the rest: every other member read is as whole as in the
    /// feed.
    #[test]
    fn a_byte_lost_in_an_entry_costs_at_most_two_entries(
        names in prop::collection::vec("[A-Za-z ]{1,10}", 3..8),
        which in 0usize..8,
        at in 0.0..1.0f64,
    ) {
        let text = pretty_feed(&names);
        let full = feed::parse(&text).unwrap().feed.members;
        let which = which % names.len();
        // The entry's own lines: from its `{` to its `}`.
        let start = text.find(&format!("\"id\": \"m{which}\"")).unwrap();
        let start = text[..start].rfind('{').unwrap();
        let end = start + text[start..].find("\n    }").unwrap() + 6;
        let lost = start + ((end - start) as f64 * at) as usize;
        // (The first entry's own `{` leaves nothing to go by: the list is lost from there.)
        prop_assume!(which > 0 || lost > start);
        let broken = format!("{}{}", &text[..lost], &text[lost + 1..]);
        let parsed = feed::parse(&broken).unwrap();
        let read = &parsed.feed.members;
        prop_assert!(read.len() + 2 >= full.len(), "{} of {} read:\n{broken}", read.len(), full.len());
        // The entry may still be valid JSON, another (a letter lost from its city): that
        // one alone may differ.
        // (The segments they name are read where the list of segments, after the members in
        // this layout's key order, is whole.)
        let whole = parsed.feed.segments.len() == 2;
        let changed: Vec<_> = read
            .iter()
            .filter(|m| {
                !full.iter().any(|f| {
                    (&m.id, &m.name, &m.city) == (&f.id, &f.name, &f.city)
                        && (!whole || m.segments == f.segments)
                })
            })
            .collect();
        prop_assert!(changed.len() <= 1, "{changed:?} are not whole:\n{broken}");
    }
}

const SEGMENTS: [&str; 4] = ["a", "b", "c", "unknown"];
const REGIONS: [&str; 4] = ["Catalonia", "catalonia", "Galicia", "Madrid"];
const CITIES: [&str; 3] = ["Barcelona", "Vigo", "Getafe"];
const WORDS: [&str; 6] = ["audio", "film", "post", "sound", "animation", "studio"];

fn member() -> impl Strategy<Value = Member> {
    (
        prop::collection::vec(prop::sample::select(&WORDS[..]), 1..3),
        prop::collection::vec(prop::sample::select(&SEGMENTS[..]), 0..3),
        prop::option::of(0..4usize),
        prop::option::of(prop::sample::select(&REGIONS[..])),
        prop::option::of(prop::sample::select(&CITIES[..])),
        prop::collection::vec(prop::sample::select(&WORDS[..]), 0..2),
    )
        .prop_map(|(name, segments, kind, region, city, tags)| {
            let mut m = Member::new(name.join("-"), name.join(" "));
            m.segments = segments.iter().map(|s| s.to_string()).collect();
            m.kind = kind.map(|k| [Kind::Sme, Kind::Large, Kind::Research, Kind::Other][k]);
            m.region = region.map(str::to_owned);
            m.city = city.map(str::to_owned);
            m.tags = tags.iter().map(|s| s.to_string()).collect();
            m
        })
}

fn filter() -> impl Strategy<Value = Filter> {
    (
        prop::collection::vec(prop::sample::select(&WORDS[..]), 0..3),
        0..4usize,
        prop::collection::vec(prop::sample::select(&SEGMENTS[..]), 0..3),
        prop::collection::vec(0..4usize, 0..2),
        prop::collection::vec(prop::sample::select(&REGIONS[..]), 0..2),
        prop::collection::vec(prop::sample::select(&CITIES[..]), 0..2),
    )
        .prop_map(|(words, cut, segments, kinds, regions, cities)| {
            // The last word is typed only in part: a prefix.
            let mut query = words.join(" ");
            query.truncate(query.len().saturating_sub(cut));
            Filter {
                query,
                segments: segments.iter().map(|s| s.to_string()).collect(),
                kinds: kinds
                    .into_iter()
                    .map(|k| [Kind::Sme, Kind::Large, Kind::Research, Kind::Other][k])
                    .collect(),
                regions: regions.iter().map(|s| s.to_string()).collect(),
                cities: cities.iter().map(|s| s.to_string()).collect(),
            }
        })
}

/// Whether `m` passes `f`, written here without the directory's code: every word of the
/// search somewhere in its texts (a weaker test than the directory's word prefixes, so a
/// correct result always passes it), and in each facet with ticks, one of them.
fn passes(m: &Member, f: &Filter) -> bool {
    let text = [
        m.name.resolve("en", "en").to_owned(),
        m.city.clone().unwrap_or_default(),
        m.region.clone().unwrap_or_default(),
        m.tags.join(" "),
    ]
    .join(" ")
    .to_lowercase();
    let words = f
        .query
        .split_whitespace()
        .all(|w| text.contains(&w.to_lowercase()));
    let same = |a: &Option<String>, ticked: &[String]| {
        a.as_ref()
            .is_some_and(|a| ticked.iter().any(|t| t.eq_ignore_ascii_case(a)))
    };
    words
        && (f.segments.is_empty() || m.segments.iter().any(|s| f.segments.contains(s)))
        && (f.kinds.is_empty() || m.kind.is_some_and(|k| f.kinds.contains(&k)))
        && (f.regions.is_empty() || same(&m.region, &f.regions))
        && (f.cities.is_empty() || same(&m.city, &f.cities))
}

proptest! {
    #[test]
    fn the_directory_never_returns_a_member_its_choices_exclude(
        members in prop::collection::vec(member(), 0..40),
        filter in filter(),
        by_relevance in any::<bool>(),
    ) {
        let mut feed = Feed { members, ..Feed::default() };
        feed.segments = ["a", "b", "c"].iter().map(|id| Segment::new(*id, *id)).collect();
        let table = FacetTable::new(&feed);
        let index = SearchIndex::new(&feed);
        let order = name_order(&feed, Lang::En);
        let outcome = apply(&table, Some(&index), &order, &filter, by_relevance, None);
        for &i in &outcome.results {
            prop_assert!(passes(&feed.members[i], &filter), "{:?} for {:?}", feed.members[i], filter);
        }
        // And no member is listed twice.
        let mut seen = outcome.results.clone();
        seen.sort_unstable();
        seen.dedup();
        prop_assert_eq!(seen.len(), outcome.results.len());
    }

    #[test]
    fn by_relevance_the_results_are_the_same_members_best_first_in_name_order_among_equals(
        members in prop::collection::vec(member(), 0..40),
        filter in filter(),
    ) {
        let mut feed = Feed { members, ..Feed::default() };
        feed.segments = ["a", "b", "c"].iter().map(|id| Segment::new(*id, *id)).collect();
        let table = FacetTable::new(&feed);
        let index = SearchIndex::new(&feed);
        let order = name_order(&feed, Lang::En);
        let plain = apply(&table, Some(&index), &order, &filter, false, None).results;
        let ranked = apply(&table, Some(&index), &order, &filter, true, None).results;
        // The reference: a stable comparison sort of the name order by score, highest first.
        let query = clusterkit::__private::Query::new(&filter.query);
        let mut expected = plain.clone();
        expected.sort_by_key(|&i| std::cmp::Reverse(index.relevance(i, &query)));
        prop_assert_eq!(ranked, expected);
    }

    #[test]
    fn a_recurrence_expanded_for_a_range_stays_inside_it(
        rule in prop::sample::select(&[
            "FREQ=DAILY",
            "FREQ=DAILY;INTERVAL=3;COUNT=40",
            "FREQ=WEEKLY;BYDAY=MO,WE,FR",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=12",
            "FREQ=MONTHLY;BYDAY=-1FR",
            "FREQ=MONTHLY;BYMONTHDAY=31",
            "FREQ=MONTHLY;BYDAY=1TU;COUNT=10",
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
            "FREQ=YEARLY;INTERVAL=2",
        ][..]),
        start in 0i64..3000,
        from in 0i64..3000,
        length in 0i64..400,
        last in prop::option::of(0i64..3000),
    ) {
        let day = |n: i64| Date::new(2020, 1, 1).unwrap().add_days(n);
        let rule = Rrule::parse(rule).unwrap();
        let (start, from, to) = (day(start), day(from), day(from + length));
        let last = last.map(day);
        let days = recur::days(start, &rule, last, from, to);
        for d in &days {
            prop_assert!(from <= *d && *d <= to, "{d} outside {from}..={to}");
            prop_assert!(*d >= start, "{d} before the start {start}");
            // The start is the first occurrence, whatever the rule's end.
            prop_assert!(last.is_none_or(|l| *d <= l.max(start)), "{d} after UNTIL");
        }
        prop_assert!(days.windows(2).all(|w| w[0] < w[1]), "in order, once each");
        if let Some(count) = rule.count {
            prop_assert!(days.len() <= count as usize);
        }
    }
}
