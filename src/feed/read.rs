//! The lenient reader: from a JSON document to a [`Feed`] and its diagnostics.

use rustc_hash::FxHashMap;
use std::cell::Cell;

use super::diag::{Diagnostic, Expected, Problem};
use super::json::{self, Json, Recovery, SyntaxError, SyntaxProblem};
use super::url::{is_email, phone_href};
use super::{Cluster, Date, Event, Feed, Kind, Member, Rrule, Segment, Time, When};

mod entry;
mod list;
mod stream;
mod values;
use entry::{At, Cx, Entry, wrong};
pub(super) use list::folded_id;
use list::{Known, List, Listed, list};
pub(crate) use stream::Reading;
use values::{color, read_id, string, with_str, zone};
pub(super) use values::{
    contact_as_meant, is_language_tag, is_placeholder, names_a_zone, website_as_meant,
    without_breaks,
};

/// A feed with the diagnostics of everything that was skipped or dropped.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct ParsedFeed {
    /// The valid part of the feed.
    pub feed: Feed,
    /// One entry per problem: `version` and `cluster` first, then each list (segments,
    /// categories, members, events) in document order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a feed from JSON text. Every problem is reported in [`ParsedFeed::diagnostics`] and
/// costs no more than it must: a bad entry or field itself; a syntax error (as
/// [`Problem::Syntax`], with its line and column) a comma read as meant, text before or
/// after the document, the broken entry of a list laid out an entry a line, or else what
/// follows it. Only a syntax error that leaves no member and no event read fails.
///
/// Off the browser, which alone has the zones' offsets (through `Intl`), an event's end in
/// the other timed form than its start (one a wall-clock time, one exact) is dropped as
/// coming first only where it does at any offset; in the browser, where it does in the
/// event's zone.
///
/// The feed's relative URLs (`"logo": "logos/sonilab.svg"`) resolve against
/// [`Feed::base_url`], which text read here has none of: set it to the address the text
/// came from, or they resolve against the page's.
///
/// ```
/// let text = r#"{"version": 1, "cluster": {"name": "Cluster"}}"#;
/// let mut feed = clusterkit::feed::parse(text).unwrap().feed;
/// feed.base_url = Some("https://example.org/data/cluster.json".into());
/// ```
pub fn parse(text: &str) -> Result<ParsedFeed, SyntaxError> {
    let read = json::parse_lenient(text)?;
    let mut parsed = parse_json(&read.value);
    // Read in part, or found after text skipped, a feed must have a member or an event to
    // show: else it is the error (a web page whose script has a line starting with `{` is no
    // feed, nor is what little was read before the first entry).
    if parsed.feed.members.is_empty() && parsed.feed.events.is_empty() {
        let skipped = read
            .problems
            .first()
            .filter(|m| m.error.problem == SyntaxProblem::LeadingText);
        if let Some(skipped) = skipped {
            return Err(skipped.error.clone());
        }
        if let Some(last) = read.problems.last()
            && last.recovery == Recovery::RestLost
        {
            return Err(last.error.clone());
        }
    }
    // Each entry skipped said in its place, which the reader found unreadable; the rest
    // (and an entry of a list the feed does not read) at the root, in document order.
    let mut said: Vec<Option<Problem>> = Vec::new();
    let mut entries = FxHashMap::default();
    for json::Misread {
        error,
        recovery,
        entry,
    } in read.problems
    {
        if let Some(entry) = entry {
            entries.insert(entry, said.len());
        }
        said.push(Some(Problem::Syntax { error, recovery }));
    }
    for d in &mut parsed.diagnostics {
        if d.problem == Problem::Unreadable
            && let Some(&i) = entries.get(&d.path)
            && let Some(problem) = said[i].take()
        {
            d.problem = problem;
        }
    }
    let mut said: Vec<Diagnostic> = said
        .into_iter()
        .flatten()
        .map(|problem| Diagnostic {
            path: Diagnostic::ROOT.into(),
            problem,
            skipped: false,
        })
        .collect();
    // First, as the document's own.
    said.append(&mut parsed.diagnostics);
    parsed.diagnostics = said;
    Ok(parsed)
}

/// Reads a feed from its bytes, as fetched: UTF-8 (text encoded twice is read as meant, and
/// said), UTF-16 with its byte order mark, or where they are neither, Windows-1252 (said
/// too); what is said comes as the first diagnostic.
pub fn parse_bytes(bytes: &[u8]) -> Result<ParsedFeed, SyntaxError> {
    let (text, encoding) = super::encoding::decode(bytes);
    let mut parsed = parse(&text)?;
    if let Some(d) = encoding {
        parsed.diagnostics.insert(0, d);
    }
    Ok(parsed)
}

/// The top-level keys of a feed.
const PARTS: [&str; 6] = [
    "version",
    "cluster",
    "segments",
    "categories",
    "members",
    "events",
];

/// Reads a feed from an already parsed JSON document.
pub fn parse_json(doc: &Json) -> ParsedFeed {
    // A web API's answer that wraps the feed (`{"data": {…}}`, `{"ok": true, "feed": {…}}`):
    // the one object under it that has a version or a cluster, where the document itself
    // has neither, nor a list of a feed's.
    let holds = |v: &Json| PARTS[..2].iter().any(|k| v.get(k).is_some());
    if let Json::Object(pairs) = doc
        && PARTS.iter().all(|k| doc.get(k).is_none())
    {
        let mut inner = pairs.iter().filter(|(_, v)| holds(v));
        if let (Some((key, inner)), None) = (inner.next(), inner.next()) {
            let mut parsed = parse_json(inner);
            let said = Problem::FeedInside(key.to_string());
            let at_root = Diagnostic {
                path: Diagnostic::ROOT.into(),
                problem: said,
                skipped: false,
            };
            parsed.diagnostics.insert(0, at_root);
            return parsed;
        }
    }
    if !matches!(doc, Json::Object(_)) {
        let mut cx = Cx::default();
        cx.report(Diagnostic::ROOT.into(), wrong(Expected::Object, doc), false);
        return ParsedFeed {
            feed: Feed::default(),
            diagnostics: cx.diags,
        };
    }
    read_feed(doc, Early::default())
}

/// The top-level lists a [`stream::Reading`] read while the rest of the feed downloaded.
#[derive(Default)]
struct Early {
    segments: Option<Listed<Segment>>,
    categories: Option<Listed<Segment>>,
    members: Option<Listed<Member>>,
    events: Option<Listed<Event>>,
}

/// Reads the feed object `doc`, but for the lists `early` already holds.
fn read_feed(doc: &Json, early: Early) -> ParsedFeed {
    let mut cx = Cx::default();
    let mut feed = Feed::default();
    match doc.get("version") {
        None => cx.report("version".into(), Problem::Missing, false),
        Some(Json::Number(v)) if *v == 1.0 => {}
        Some(Json::Number(v)) => {
            cx.report("version".into(), Problem::UnsupportedVersion(*v), false)
        }
        Some(other) => cx.report("version".into(), wrong(Expected::Number, other), false),
    }
    match doc.get("cluster") {
        None => cx.report("cluster".into(), Problem::Missing, false),
        Some(v @ Json::Object(_)) => feed.cluster = read_cluster(&mut cx, v),
        Some(other) => cx.report("cluster".into(), wrong(Expected::Object, other), false),
    }
    let cluster_said = cx.diags.len();
    // Segments and categories, each as the stream read it, else from the document.
    let names = |early: Option<Listed<Segment>>, key| {
        early.unwrap_or_else(|| list(doc.get(key), key, read_segment, &Known::default()))
    };
    feed.segments = cx.take(names(early.segments, "segments")).0;
    feed.categories = cx.take(names(early.categories, "categories")).0;
    let mut known = Known::new(&feed.segments, &feed.categories);
    known.zone.clone_from(&feed.cluster.timezone);
    let members = early
        .members
        .unwrap_or_else(|| list(doc.get("members"), "members", read_member, &known));
    (feed.members, feed.skipped.members) = cx.take(members);
    let events = early
        .events
        .unwrap_or_else(|| list(doc.get("events"), "events", read_event, &known));
    (feed.events, feed.skipped.events) = cx.take(events);
    // A cluster given without its zone, whose events have times: said with the cluster's.
    let zone_given = doc
        .get("cluster")
        .and_then(|c| c.get("timezone"))
        .is_some_and(|z| {
            !matches!(z, Json::Null) && !matches!(z, Json::String(s) if s.trim().is_empty())
        });
    let timed = |e: &Event| e.timezone.is_none() && !e.start.is_all_day();
    if doc.get("cluster").is_some() && !zone_given && feed.events.iter().any(timed) {
        let said = Diagnostic {
            path: "cluster.timezone".into(),
            problem: Problem::ZoneMissing,
            skipped: false,
        };
        cx.diags.insert(cluster_said, said);
    }
    ParsedFeed {
        feed,
        diagnostics: cx.diags,
    }
}

/// The time zone [`read_cluster`] reads from `cluster`, without its diagnostics.
fn cluster_zone(cluster: &Json) -> String {
    match cluster.get("timezone").map(zone) {
        Some(Ok(zone)) => zone,
        _ => Cluster::default().timezone,
    }
}

fn read_cluster(cx: &mut Cx, obj: &Json) -> Cluster {
    let first_diag = cx.diags.len();
    let mut e = Entry {
        cx,
        obj,
        path: At {
            list: "cluster",
            index: None,
        },
        failed: false,
        cursor: Cell::new(0),
    };
    let mut cluster = Cluster::default();
    e.miswritten(CLUSTER_FIELDS);
    if let Some(name) = e.required_text("name") {
        cluster.name = name;
    }
    cluster.url = e.website("url");
    if let Some(zone) = e.optional("timezone", zone) {
        cluster.timezone = zone;
    }
    let lang = e.optional("default_language", |v| {
        string(v).and_then(|s| {
            if is_language_tag(&s) {
                Ok(s)
            } else {
                Err(Problem::BadLanguage(s))
            }
        })
    });
    if let Some(lang) = lang {
        cluster.default_language = lang;
    }
    // A cluster without a name is reported, but its other fields still serve.
    for d in &mut cx.diags[first_diag..] {
        d.skipped = false;
    }
    cluster
}

/// The fields of a segment or category.
const SEGMENT_FIELDS: &[&str] = &["id", "name", "color"];

/// The fields of a member.
const MEMBER_FIELDS: &[&str] = &[
    "id",
    "name",
    "segments",
    "kind",
    "city",
    "region",
    "country",
    "website",
    "logo",
    "email",
    "phone",
    "description",
    "tags",
    "joined",
    "founding",
];

/// The fields of an event.
const EVENT_FIELDS: &[&str] = &[
    "id",
    "title",
    "start",
    "end",
    "timezone",
    "location",
    "segments",
    "category",
    "url",
    "description",
    "recurrence",
    "exdates",
];

/// The fields of the cluster.
const CLUSTER_FIELDS: &[&str] = &["name", "url", "timezone", "default_language"];

fn read_segment(e: &mut Entry, _: &Known) -> Option<(String, Segment)> {
    e.miswritten(SEGMENT_FIELDS);
    let id = e.required("id", read_id);
    let name = e.required_text("name");
    let color = e.optional("color", color);
    let id = id?;
    Some((
        id.clone(),
        Segment {
            id,
            name: name?,
            color,
        },
    ))
}

/// Whether a place has a word: a spreadsheet's `-` or `—` for none names no place.
fn names_a_place(place: &str) -> bool {
    place.chars().any(crate::search::is_word_char)
}

fn read_member(e: &mut Entry, segments: &Known) -> Option<(String, Member)> {
    e.miswritten(MEMBER_FIELDS);
    let id = e.required("id", read_id);
    let name = e.required_text("name");
    let member = Member {
        id: id.clone().unwrap_or_default(),
        name: name.unwrap_or_default(),
        segments: e.segment_refs(segments),
        kind: e.optional("kind", |v| {
            with_str(v, |s| {
                Kind::from_id(s).ok_or_else(|| Problem::UnknownKind(s.to_owned()))
            })
        }),
        city: e.optional("city", string).filter(|s| names_a_place(s)),
        region: e.optional("region", string).filter(|s| names_a_place(s)),
        country: e.optional("country", string).filter(|s| names_a_place(s)),
        website: e.website("website"),
        logo: e.optional("logo", values::logo),
        email: e.contact("email", "mailto:", is_email, Problem::BadEmail),
        phone: e.contact(
            "phone",
            "tel:",
            |s| phone_href(s).is_some(),
            Problem::BadPhone,
        ),
        description: e.optional_text("description"),
        tags: one_per_spelling(e.strings("tags", string, |_| Ok(None))),
        joined: e.optional("joined", |v| {
            // A date and time (a CMS's export) counts as its date, as written.
            // Its date as written, before any offset: `2015-01-01T00:00+01:00` is in 2015.
            let date = |s: &str| {
                Date::parse(s).or_else(|| When::parse(s).and(s.get(..10)).and_then(Date::parse))
            };
            values::with_date_str(v, |s| match date(s) {
                Some(d) if super::YEARS.contains(&d.year) => Ok(d),
                Some(_) => Err(Problem::UnlikelyYear(s.to_owned())),
                None => Err(Problem::BadDate(s.to_owned())),
            })
        }),
        founding: e
            .optional("founding", |v| match v {
                Json::Bool(b) => Ok(*b),
                other => Err(wrong(Expected::Boolean, other)),
            })
            .unwrap_or(false),
    };
    Some((id?, member))
}

/// `items` without the later repeats of an earlier one, as written or, with `folded`, in
/// other capitals or accents: compared in turn in a short list (most are), through a set in
/// a long one (a CMS's export of 20,000 tags).
fn without_repeats(mut items: Vec<String>, folded: bool) -> Vec<String> {
    if items.len() > 16 {
        let key = |s: &str| {
            if folded {
                crate::search::fold(s)
            } else {
                s.to_owned()
            }
        };
        let mut seen: FxHashMap<String, usize> = FxHashMap::default();
        items.retain(|s| seen.insert(key(s), 0).is_none());
    } else if folded {
        let mut seen = Vec::with_capacity(items.len());
        items.retain(|s| {
            let folded = crate::search::fold(s);
            let new = !seen.contains(&folded);
            seen.push(folded);
            new
        });
    } else {
        let mut i = 1;
        while i < items.len() {
            if items[..i].contains(&items[i]) {
                items.remove(i);
            } else {
                i += 1;
            }
        }
    }
    items
}

/// `tags` with one of each tag repeated in other capitals or accents ("banca", "Banca"): the
/// first spelling. Tags of plain ASCII without a full stop (most) fold as they lowercase, and
/// are compared so, without folding each tag of every member of a large feed.
fn one_per_spelling(tags: Vec<String>) -> Vec<String> {
    if tags.len() < 2 {
        return tags;
    }
    if tags.len() <= 16 && tags.iter().all(|t| t.is_ascii() && !t.contains('.')) {
        let mut kept: Vec<String> = Vec::with_capacity(tags.len());
        for t in tags {
            if !kept.iter().any(|k| k.eq_ignore_ascii_case(&t)) {
                kept.push(t);
            }
        }
        return kept;
    }
    without_repeats(tags, true)
}

/// Whether an event's `end` comes before its `start` (an all-day one), or at or before it (a
/// timed one, whose end is exclusive). A wall-clock time and an exact one are compared as
/// instants, the wall clock read in `zone`.
pub(super) fn ends_first(start: When, end: When, zone: &str) -> bool {
    match (start, end) {
        (When::Date(s), When::Date(e)) => e < s,
        (When::Local(sd, st), When::Local(ed, et))
        | (When::Instant(sd, st), When::Instant(ed, et)) => (ed, et) <= (sd, st),
        (When::Date(_), _) | (_, When::Date(_)) => false,
        (start, end) => instants(end, zone).1 <= instants(start, zone).0,
    }
}

/// The last day a rule's `until` may end its series on, in the series' own clock: its date,
/// and for an instant ending a series of wall-clock times, the day after, which it is in a
/// zone ahead of UTC (`23:59:59Z` is 00:59:59 in Madrid), as the reader knows no offsets.
pub(super) fn last_day(until: When, start: When) -> Date {
    match (until, start) {
        (When::Instant(day, _), When::Local(..)) => day.add_days(1),
        (until, _) => until.date(),
    }
}

/// The earliest and the latest instant (milliseconds after the epoch) that `w` may be, a
/// wall-clock time read in `zone`. Off the browser, which has no zones' offsets, a wall
/// clock may be anything from 14 hours before to 12 hours after the same time in UTC.
fn instants(w: When, zone: &str) -> (f64, f64) {
    use crate::calendar::zone::epoch_ms;
    match w {
        #[cfg(target_arch = "wasm32")]
        When::Local(d, t) => {
            use crate::calendar::zone::{instant, offset_at};
            let at = instant(d, t, |ms| offset_at(ms, zone));
            (at, at)
        }
        #[cfg(not(target_arch = "wasm32"))]
        When::Local(d, t) => {
            const HOUR: f64 = 3_600_000.0;
            let _ = zone;
            let wall = epoch_ms(d, t);
            (wall - 14.0 * HOUR, wall + 12.0 * HOUR)
        }
        When::Instant(d, t) => (epoch_ms(d, t), epoch_ms(d, t)),
        When::Date(d) => (epoch_ms(d, Time::default()), epoch_ms(d, Time::default())),
    }
}

/// Whether the exdate `ex` names an occurrence of the series from `start` by `rule`: a day
/// the rule gives (up to its UNTIL's day) and, for a wall-clock time, the series' own time.
/// Only a sure miss is one: an instant on either side, whose day and time depend on the
/// zone, is given the benefit of the doubt, and so is an event without a rule or a start.
pub(super) fn names_an_occurrence(start: Option<When>, rule: Option<&Rrule>, ex: When) -> bool {
    let (Some(start), Some(rule)) = (start, rule) else {
        return true;
    };
    if matches!(start, When::Instant(..)) || matches!(ex, When::Instant(..)) {
        return true;
    }
    let day = ex.date();
    let last = rule.until.map(|until| last_day(until, start));
    let on_its_day = !crate::calendar::recur::days(start.date(), rule, last, day, day).is_empty();
    let at_its_time = match (start, ex) {
        (When::Local(_, a), When::Local(_, b)) => a == b,
        _ => true,
    };
    on_its_day && at_its_time
}

fn read_event(e: &mut Entry, known: &Known) -> Option<(String, Event)> {
    e.miswritten(EVENT_FIELDS);
    let id = e.required("id", read_id);
    let title = e.required_text("title");
    let start = e.date("start", true, None);
    let end = e.date("end", false, start);
    let timezone = e.optional("timezone", zone);
    let end = match (start, end) {
        (Some(start), Some(end)) if start.is_all_day() != end.is_all_day() => {
            e.cx.report(e.field("end"), Problem::FormMismatch, false);
            None
        }
        (Some(start), Some(end))
            if ends_first(start, end, timezone.as_deref().unwrap_or(&known.zone)) =>
        {
            e.cx.report(e.field("end"), Problem::EndBeforeStart, false);
            None
        }
        (_, end) => end,
    };
    let mut event = Event::new(
        id.clone().unwrap_or_default(),
        title.unwrap_or_default(),
        start.unwrap_or(When::Date(Date {
            year: 1970,
            month: 1,
            day: 1,
        })),
    );
    event.end = end;
    event.timezone = timezone;
    event.location = e.optional_text("location");
    event.segments = e.segment_refs(known);
    event.category = e.category_ref(known);
    event.url = e.website("url");
    event.description = e.optional_text("description");
    event.recurrence = e.optional("recurrence", |v| {
        string(v).and_then(|s| Rrule::parse(&s).map_err(Problem::BadRecurrence))
    });
    // A rule that ends before its event begins (an old rule copied onto a new date) gives
    // nothing past the start: dropped, and said, and the event shows once.
    if let (Some(rule), Some(start)) = (&event.recurrence, start)
        && rule
            .until
            .is_some_and(|until| last_day(until, start) < start.date())
    {
        let problem = Problem::BadRecurrence(super::RruleError::UntilBeforeStart);
        e.cx.report(e.field("recurrence"), problem, false);
        event.recurrence = None;
    }
    let all_day = start.map(|s| s.is_all_day());
    event.exdates = e
        .strings("exdates", string, |s| match When::parse(s) {
            None => Err(Problem::BadDate(s.to_owned())),
            Some(_) if !values::plausible(s) => Err(Problem::UnlikelyYear(s.to_owned())),
            // Without a valid start the event is skipped anyway: no form to compare with. A
            // date alone leaves out that day's occurrence of a timed series too.
            Some(w) if all_day == Some(true) && !w.is_all_day() => Err(Problem::FormMismatch),
            Some(w) if !names_an_occurrence(start, event.recurrence.as_ref(), w) => {
                Err(Problem::ExdateNoOccurrence)
            }
            Some(_) => Ok(None),
        })
        .iter()
        .filter_map(|s| When::parse(s))
        .collect();
    start?;
    Some((id?, event))
}
