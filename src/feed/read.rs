//! The lenient reader: from a JSON document to a [`Feed`] and its diagnostics.

use rustc_hash::FxHashMap;
use std::cell::Cell;
use std::fmt;

use super::diag::{Diagnostic, Expected, Problem};
use super::json::{self, Json, SyntaxError};
use super::text::{Text, is_blank};
use super::url::{is_email, phone_href};
use super::{Cluster, Date, Event, Feed, Kind, Member, Rrule, Segment, When};

mod stream;
mod values;
pub(crate) use stream::Reading;
use values::{color, is_language_tag, read_id, string, text, url, website, when, with_str, zone};

/// A feed with the diagnostics of everything that was skipped or dropped.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParsedFeed {
    /// The valid part of the feed.
    pub feed: Feed,
    /// One entry per problem: `version` and `cluster` first, then each list (segments,
    /// categories, members, events) in document order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a feed from JSON text. Only a syntax error fails; every other problem is reported
/// in [`ParsedFeed::diagnostics`] and costs no more than its entry or field.
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
    Ok(parse_json(&json::parse(text)?))
}

/// Reads a feed from its bytes, as fetched: UTF-8, or where they are not, Windows-1252
/// (see [`decode`](super::decode)), which is then the first diagnostic.
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
                path: "(root)".into(),
                problem: said,
                skipped: false,
            };
            parsed.diagnostics.insert(0, at_root);
            return parsed;
        }
    }
    if !matches!(doc, Json::Object(_)) {
        let mut cx = Cx::default();
        cx.report("(root)".into(), wrong(Expected::Object, doc), false);
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
    let segments = early.segments.unwrap_or_else(|| {
        list(
            doc.get("segments"),
            "segments",
            read_segment,
            &Known::default(),
        )
    });
    feed.segments = cx.take(segments).0;
    let categories = list(
        doc.get("categories"),
        "categories",
        read_segment,
        &Known::default(),
    );
    feed.categories = cx.take(categories).0;
    let known = Known::new(&feed.segments);
    let members = early
        .members
        .unwrap_or_else(|| list(doc.get("members"), "members", read_member, &known));
    (feed.members, feed.skipped.members) = cx.take(members);
    let events = early
        .events
        .unwrap_or_else(|| list(doc.get("events"), "events", read_event, &known));
    (feed.events, feed.skipped.events) = cx.take(events);
    ParsedFeed {
        feed,
        diagnostics: cx.diags,
    }
}

#[derive(Default)]
struct Cx {
    diags: Vec<Diagnostic>,
}

impl Cx {
    fn report(&mut self, path: String, problem: Problem, skipped: bool) {
        self.diags.push(Diagnostic {
            path,
            problem,
            skipped,
        });
    }

    /// A list's entries and how many were skipped, its diagnostics now the feed's.
    fn take<T>(&mut self, list: Listed<T>) -> (Vec<T>, usize) {
        self.diags.extend(list.diags);
        (list.items, list.skipped)
    }
}

fn wrong(expected: Expected, found: &Json) -> Problem {
    match found {
        Json::Invalid(fault) => (*fault).into(),
        _ => Problem::WrongType {
            expected,
            found: found.type_name(),
        },
    }
}

/// Whether `v` is markup that reads as spaces only (`&nbsp;`, `<p></p>`), which counts as not
/// given, as blank text does. Asked only of a value its reader refused (every reader refuses
/// such a value, empty once read), so that the values read fine are not scanned for it again.
fn reads_blank(v: &Json) -> bool {
    matches!(v, Json::String(s) if is_blank(s))
}

/// Where an entry is: `cluster`, or `members[3]`. Written out only for a diagnostic, so a
/// 10,000-member feed reads its clean entries without formatting a path for each.
#[derive(Clone, Copy)]
struct At<'k> {
    list: &'k str,
    index: Option<usize>,
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.index {
            Some(i) => write!(f, "{}[{i}]", self.list),
            None => f.write_str(self.list),
        }
    }
}

/// One entry of a list being read: its object, its place, and whether it must be skipped.
struct Entry<'a> {
    cx: &'a mut Cx,
    obj: &'a Json<'a>,
    path: At<'a>,
    failed: bool,
    /// Where the last field read was: see [`Json::get_from`].
    cursor: Cell<usize>,
}

impl<'a> Entry<'a> {
    fn get(&self, key: &str) -> Option<&'a Json<'a>> {
        self.obj.get_from(key, &self.cursor)
    }

    fn field(&self, key: &str) -> String {
        format!("{}.{key}", self.path)
    }

    /// Reads a required field; a missing or bad one fails the entry.
    fn required<T>(
        &mut self,
        key: &str,
        read: impl FnOnce(&Json) -> Result<T, Problem>,
    ) -> Option<T> {
        let result = match self.get(key) {
            None | Some(Json::Null) => Err(Problem::Missing),
            Some(v) => read(v),
        };
        result.map_err(|p| self.fail(key, p)).ok()
    }

    fn fail(&mut self, key: &str, problem: Problem) {
        self.failed = true;
        let path = self.field(key);
        self.cx.report(path, problem, true);
    }

    /// Reads an optional field; `null` and `""` count as absent, a bad value is dropped.
    fn optional<T>(
        &mut self,
        key: &str,
        read: impl FnOnce(&Json) -> Result<T, Problem>,
    ) -> Option<T> {
        match self.get(key) {
            None | Some(Json::Null) => None,
            Some(Json::String(s)) if s.trim().is_empty() => None,
            Some(v) => read(v)
                .map_err(|p| {
                    if !reads_blank(v) {
                        self.cx.report(self.field(key), p, false);
                    }
                })
                .ok(),
        }
    }

    /// Reads an optional list of strings (of `read`'s) item by item, dropping bad items only.
    /// `check` keeps an item (`Ok(None)`), drops it (`Err`), or reads it as another, said in
    /// a diagnostic (`Ok(Some)`).
    fn strings(
        &mut self,
        key: &str,
        read: fn(&Json) -> Result<String, Problem>,
        mut check: impl FnMut(&str) -> Result<Option<(String, Problem)>, Problem>,
    ) -> Vec<String> {
        let items = match self.get(key) {
            None | Some(Json::Null) => return vec![],
            Some(Json::Array(items)) => items,
            Some(other) => {
                self.cx
                    .report(self.field(key), wrong(Expected::Array, other), false);
                return vec![];
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if matches!(item, Json::Null) || matches!(item, Json::String(s) if s.trim().is_empty())
            {
                continue; // a blank cell of a spreadsheet export, not an error
            }
            let at = |path| format!("{path}.{key}[{i}]");
            let s = match read(item).and_then(|s| Ok((check(&s)?, s))) {
                Ok((None, s)) => s,
                Ok((Some((s, said)), _)) => {
                    self.cx.report(at(self.path), said, false);
                    s
                }
                Err(p) => {
                    if !reads_blank(item) {
                        self.cx.report(at(self.path), p, false);
                    }
                    continue;
                }
            };
            out.push(s);
        }
        without_repeats(out, false)
    }
}

impl Entry<'_> {
    fn required_text(&mut self, key: &str) -> Option<Text> {
        let value = self.get(key);
        let (cx, path) = (&mut *self.cx, self.path);
        let result = match value {
            None | Some(Json::Null) => Err(Problem::Missing),
            Some(v) => text(cx, path, key, v).and_then(|t| {
                if t.is_empty() {
                    Err(Problem::Empty)
                } else {
                    Ok(t)
                }
            }),
        };
        result.map_err(|p| self.fail(key, p)).ok()
    }

    fn optional_text(&mut self, key: &str) -> Option<Text> {
        let value = self.get(key);
        let (cx, path) = (&mut *self.cx, self.path);
        let result = match value {
            None | Some(Json::Null) => return None,
            Some(v) => text(cx, path, key, v),
        };
        match result {
            Ok(t) if t.is_empty() => None,
            Ok(t) => Some(t),
            Err(Problem::Empty) => None,
            Err(p) => {
                self.cx.report(self.field(key), p, false);
                None
            }
        }
    }

    /// The segments an entry refers to: by id, or by a name or an id in other letters that
    /// names one segment only (`"Producción"`, `"sound"` for `"Sound"`), read as its id.
    fn segment_refs(&mut self, known: &Known) -> Vec<String> {
        self.strings("segments", read_id, |written| {
            if known.ids.contains_key(written) {
                return Ok(None);
            }
            match known.spelled.get(&crate::search::fold(written)) {
                Some(Some(id)) => {
                    let id = id.clone();
                    let said = Problem::SegmentNamed {
                        written: written.to_owned(),
                        id: id.clone(),
                    };
                    Ok(Some((id, said)))
                }
                _ => Err(Problem::UnknownSegment(written.to_owned())),
            }
        })
    }
}

/// The feed's segments, for the entries that refer to them: each id, and each name or id
/// folded (see [`fold`](crate::search::fold)) once per feed, not once per reference.
#[derive(Default)]
struct Known {
    /// The ids, in a set: a feed of thousands of segments, each member in dozens, is read
    /// without a scan of them all per reference.
    ids: FxHashMap<String, ()>,
    /// Each folded id or name's segment id (`None` where two segments share it).
    spelled: FxHashMap<String, Option<String>>,
}

impl Known {
    fn new(segments: &[Segment]) -> Self {
        let mut ids = FxHashMap::default();
        let mut spelled: FxHashMap<String, Option<String>> = FxHashMap::default();
        for s in segments {
            ids.insert(s.id.clone(), ());
            for name in std::iter::once(s.id.as_str()).chain(s.name.variants()) {
                let id = spelled
                    .entry(crate::search::fold(name))
                    .or_insert_with(|| Some(s.id.clone()));
                if id.as_ref() != Some(&s.id) {
                    *id = None;
                }
            }
        }
        Known { ids, spelled }
    }
}

/// A top-level list as read: its entries, how many were skipped, and its diagnostics.
struct Listed<T> {
    items: Vec<T>,
    skipped: usize,
    diags: Vec<Diagnostic>,
}

/// Reads the top-level list `value` of `key`, skipping bad entries and later duplicates of an
/// id.
fn list<T>(value: Option<&Json>, key: &'static str, read: Reader<T>, known: &Known) -> Listed<T> {
    let mut list = List::new(key, read);
    let items: Vec<&Json> = match value {
        None | Some(Json::Null) => vec![],
        Some(Json::Array(items)) => items.iter().collect(),
        // A list as PHP's `json_encode` writes one whose keys are no longer 0, 1, 2… (after
        // an `unset` or an `array_filter`): an object of numbered entries, read in order.
        Some(Json::Object(pairs))
            if !pairs.is_empty()
                && pairs.iter().all(|(k, v)| {
                    k.bytes().all(|b| b.is_ascii_digit()) && matches!(v, Json::Object(_))
                }) =>
        {
            list.cx
                .report(key.to_owned(), Problem::NumberedObject, false);
            pairs.iter().map(|(_, v)| v).collect()
        }
        Some(other) => {
            list.cx
                .report(key.to_owned(), wrong(Expected::Array, other), false);
            vec![]
        }
    };
    list.items.reserve(items.len());
    for obj in items {
        list.read(obj, known);
    }
    list.done()
}

/// What reads an entry of a list: its id and its value, or `None` (said in its diagnostics)
/// where it is skipped.
type Reader<T> = fn(&mut Entry, &Known) -> Option<(String, T)>;

/// A top-level list being read, an entry at a time.
struct List<T> {
    key: &'static str,
    read: Reader<T>,
    cx: Cx,
    items: Vec<T>,
    /// The place of each id read so far, for the later entries that repeat it.
    seen: FxHashMap<String, usize>,
    /// How many entries were read.
    count: usize,
}

impl<T> List<T> {
    fn new(key: &'static str, read: Reader<T>) -> Self {
        List {
            key,
            read,
            cx: Cx::default(),
            items: Vec::new(),
            seen: FxHashMap::default(),
            count: 0,
        }
    }

    /// Reads the list's next entry `obj`: kept, or skipped with its reasons.
    fn read(&mut self, obj: &Json, known: &Known) {
        let (key, i) = (self.key, self.count);
        self.count += 1;
        let path = At {
            list: key,
            index: Some(i),
        };
        if !matches!(obj, Json::Object(_)) {
            self.cx
                .report(path.to_string(), wrong(Expected::Object, obj), true);
            return;
        }
        let first_diag = self.cx.diags.len();
        let mut entry = Entry {
            cx: &mut self.cx,
            obj,
            path,
            failed: false,
            cursor: Cell::new(0),
        };
        let result = (self.read)(&mut entry, known);
        let failed = entry.failed;
        match result {
            Some((id, value)) if !failed => {
                if let Some(&first) = self.seen.get(&id) {
                    self.cx.report(
                        format!("{path}.id"),
                        Problem::DuplicateId {
                            id,
                            first: format!("{key}[{first}]"),
                        },
                        true,
                    );
                } else {
                    self.seen.insert(id, i);
                    self.items.push(value);
                    return;
                }
            }
            _ => {}
        }
        for d in &mut self.cx.diags[first_diag..] {
            d.skipped = true;
        }
    }

    fn done(self) -> Listed<T> {
        Listed {
            skipped: self.count - self.items.len(),
            items: self.items,
            diags: self.cx.diags,
        }
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
    if let Some(name) = e.required_text("name") {
        cluster.name = name;
    }
    cluster.url = e.optional("url", website);
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

fn read_segment(e: &mut Entry, _: &Known) -> Option<(String, Segment)> {
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

fn read_member(e: &mut Entry, segments: &Known) -> Option<(String, Member)> {
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
        city: e.optional("city", string),
        region: e.optional("region", string),
        country: e.optional("country", string),
        website: e.optional("website", website),
        logo: e.optional("logo", url),
        email: e.optional("email", |v| {
            string(v).and_then(|s| {
                if is_email(&s) {
                    Ok(s)
                } else {
                    Err(Problem::BadEmail)
                }
            })
        }),
        phone: e.optional("phone", |v| {
            string(v).and_then(|s| {
                if phone_href(&s).is_some() {
                    Ok(s)
                } else {
                    Err(Problem::BadPhone)
                }
            })
        }),
        description: e.optional_text("description"),
        tags: one_per_spelling(e.strings("tags", string, |_| Ok(None))),
        joined: e.optional("joined", |v| {
            // A date and time (a CMS's export) counts as its date, as written.
            // Its date as written, before any offset: `2015-01-01T00:00+01:00` is in 2015.
            let date = |s: &str| {
                Date::parse(s).or_else(|| When::parse(s).and(s.get(..10)).and_then(Date::parse))
            };
            with_str(v, |s| match date(s) {
                Some(d) if (1850..=2100).contains(&d.year) => Ok(d),
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

fn read_event(e: &mut Entry, segments: &Known) -> Option<(String, Event)> {
    let id = e.required("id", read_id);
    let title = e.required_text("title");
    let start = e.required("start", when);
    let end = e.optional("end", when);
    let end = match (start, end) {
        (Some(start), Some(end)) if start.is_all_day() != end.is_all_day() => {
            e.cx.report(e.field("end"), Problem::FormMismatch, false);
            None
        }
        (Some(When::Date(s)), Some(When::Date(t))) if t < s => {
            e.cx.report(e.field("end"), Problem::EndBeforeStart, false);
            None
        }
        (Some(When::Local(sd, st)), Some(When::Local(ed, et)))
        | (Some(When::Instant(sd, st)), Some(When::Instant(ed, et)))
            if (ed, et) <= (sd, st) =>
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
    event.timezone = e.optional("timezone", zone);
    event.location = e.optional_text("location");
    event.segments = e.segment_refs(segments);
    event.category = e.optional("category", read_id);
    event.url = e.optional("url", website);
    event.description = e.optional_text("description");
    event.recurrence = e.optional("recurrence", |v| {
        string(v).and_then(|s| Rrule::parse(&s).map_err(Problem::BadRecurrence))
    });
    let all_day = start.map(|s| s.is_all_day());
    event.exdates = e
        .strings("exdates", string, |s| match When::parse(s) {
            None => Err(Problem::BadDate(s.to_owned())),
            // Without a valid start the event is skipped anyway: no form to compare with. A
            // date alone leaves out that day's occurrence of a timed series too.
            Some(w) if all_day == Some(true) && !w.is_all_day() => Err(Problem::FormMismatch),
            Some(_) => Ok(None),
        })
        .iter()
        .filter_map(|s| When::parse(s))
        .collect();
    start?;
    Some((id?, event))
}
