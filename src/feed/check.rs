//! [`Feed::check`]: what the reader would say of a feed built in Rust.

use rustc_hash::FxHashMap;

use super::diag::{Diagnostic, Problem};
use super::read::{
    contact_as_meant, ends_first, is_language_tag, is_placeholder, last_day, names_a_zone,
    names_an_occurrence, website_as_meant,
};
use super::rrule::{Freq, RruleError, month_day_in_range, month_in_range, ordinal_in_range};
use super::url::{is_color, is_email, phone_href};
use super::{Event, Feed, Member, Segment, Text, When, YEARS, is_safe_url};

impl Feed {
    /// What the reader ([`parse`](super::parse)) would say of this feed, had it been read
    /// from JSON: one [`Diagnostic`] per problem, with the same path, problem and
    /// [`skipped`](Diagnostic::skipped) flag, in the same order (cluster, segments,
    /// categories, members, events). A feed built in Rust skips the reader, and the
    /// components take it as it is: an entry the reader would skip (a repeated or empty id,
    /// a blank name, a date that names no day) may show wrongly, or not at all, without a
    /// word. Call it in a test of the code that builds the feed, or log what it finds.
    ///
    /// Where the reader would read a value as another, the check says it as a problem, as
    /// the components do not: a segment named by its name (`"Sound"` for `sound`) is an
    /// unknown segment, and a text under keys that are no language tags is said for each.
    /// A rule's bad value is written as the rule's field holds it (`BYDAY=0`).
    ///
    /// ```
    /// use clusterkit::feed::{Date, Feed, Member, Problem};
    /// let mut feed = Feed::default();
    /// feed.cluster.name = "Cluster".into();
    /// feed.members.push(Member::new("sonar", "Sonar"));
    /// feed.members.push(Member::new("sonar", "Sonar+D"));
    /// feed.members[0].joined = Some(Date { year: 2026, month: 2, day: 30 });
    /// let said = feed.check();
    /// assert_eq!(said[0].path, "members[0].joined");
    /// assert_eq!(said[0].problem, Problem::BadDate("2026-02-30".into()));
    /// assert_eq!(said[1].path, "members[1].id");
    /// assert!(said[1].skipped, "the reader keeps the first of two members with one id");
    /// assert_eq!(said[1].to_string(), "members[1].id: repeats the id “sonar”, already used by members[0]. The entry was skipped.");
    /// ```
    pub fn check(&self) -> Vec<Diagnostic> {
        let mut out = Said(Vec::new());
        let c = &self.cluster;
        out.text("cluster", "name", Some(&c.name), true, false);
        out.url("cluster", "url", c.url.as_deref(), true);
        // Read in the cluster's zone: a time without a zone of its own the reader keeps.
        let timed = |e: &Event| {
            let own = given(e.timezone.as_deref()).is_some_and(names_a_zone);
            !own && !e.start.is_all_day()
        };
        if !blank(&c.timezone) && !names_a_zone(c.timezone.trim()) {
            out.say("cluster.timezone", Problem::BadTimezone(c.timezone.clone()));
        } else if blank(&c.timezone) && self.events.iter().any(timed) {
            // As the reader says a cluster given without its zone (the default is UTC's).
            out.say("cluster.timezone", Problem::ZoneMissing);
        }
        if !blank(&c.default_language) && !is_language_tag(c.default_language.trim()) {
            let problem = Problem::BadLanguage(c.default_language.clone());
            out.say("cluster.default_language", problem);
        }
        let known = Known {
            segments: out.list("segments", &self.segments, |s| &s.id, Said::segment),
            zone: &self.cluster.timezone,
        };
        out.list("categories", &self.categories, |c| &c.id, Said::segment);
        out.list(
            "members",
            &self.members,
            |m| &m.id,
            |out, at, m| out.member(at, m, &known),
        );
        out.list(
            "events",
            &self.events,
            |e| &e.id,
            |out, at, e| out.event(at, e, &known),
        );
        out.0
    }
}

/// What an entry may refer to.
struct Known<'a> {
    /// The ids of the segments the reader would keep.
    segments: Vec<&'a str>,
    /// The cluster's time zone.
    zone: &'a str,
}

/// Whether a value is one the reader reads as absent: empty, or only spaces.
fn blank(value: &str) -> bool {
    value.trim().is_empty()
}

/// A value the reader reads (not [`blank`]), trimmed as it reads it.
fn given(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// The diagnostics said so far.
struct Said(Vec<Diagnostic>);

impl Said {
    fn say(&mut self, path: impl Into<String>, problem: Problem) {
        self.push(path.into(), problem, false);
    }

    fn push(&mut self, path: String, problem: Problem, skipped: bool) {
        self.0.push(Diagnostic {
            path,
            problem,
            skipped,
        });
    }

    /// The entries of the list `key`, each checked by `check` (whether the reader would
    /// skip it) and by its id's being set and new: the ids of those kept.
    fn list<'a, T>(
        &mut self,
        key: &str,
        items: &'a [T],
        id: impl Fn(&T) -> &str,
        mut check: impl FnMut(&mut Self, &str, &T) -> bool,
    ) -> Vec<&'a str> {
        let mut seen: FxHashMap<std::borrow::Cow<'a, str>, usize> = FxHashMap::default();
        let mut kept = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let at = format!("{key}[{i}]");
            let first = self.0.len();
            let the_id = id(item);
            let blank = the_id.trim().is_empty();
            if blank {
                self.push(format!("{at}.id"), Problem::Empty, true);
            }
            let ok = check(self, &at, item) && !blank;
            let id = id(item);
            let seen_as = super::read::folded_id(key, id);
            let skipped = match seen.get(seen_as.as_ref()) {
                _ if !ok => true,
                Some(&j) => {
                    let problem = Problem::DuplicateId {
                        id: id.to_owned(),
                        first: format!("{key}[{j}]"),
                    };
                    self.push(format!("{at}.id"), problem, true);
                    true
                }
                None => {
                    seen.insert(seen_as, i);
                    kept.push(id);
                    false
                }
            };
            if skipped {
                for d in &mut self.0[first..] {
                    d.skipped = true;
                }
            }
        }
        kept
    }

    /// A text field: `required` one that is absent or blank fails its entry; under a key
    /// that is no language tag, said. Whether it passes.
    fn text(
        &mut self,
        at: &str,
        key: &str,
        text: Option<&Text>,
        required: bool,
        skip: bool,
    ) -> bool {
        if let Some(Text::Localized(pairs)) = text {
            for (lang, _) in pairs.iter().filter(|(lang, _)| !is_language_tag(lang)) {
                self.say(
                    format!("{at}.{key}.{lang}"),
                    Problem::BadLanguage(lang.clone()),
                );
            }
        }
        let blank = text.is_none_or(|t| t.variants().all(|v| v.trim().is_empty()));
        if required && blank {
            let problem = if text.is_none() {
                Problem::Missing
            } else {
                Problem::Empty
            };
            self.push(format!("{at}.{key}"), problem, skip);
            return false;
        }
        true
    }

    /// A link's or image's address, said if unsafe; a `page`'s (a website, an event's page)
    /// as the reader says it ([`website_as_meant`]: an e-mail address there, two addresses,
    /// one written with more than itself).
    fn url(&mut self, at: &str, key: &str, url: Option<&str>, page: bool) {
        let Some(url) = given(url) else {
            return;
        };
        let said = if page && is_placeholder(url) {
            None
        } else if page {
            website_as_meant(url).map_or_else(Some, |(_, said)| said)
        } else if !is_safe_url(url) {
            Some(Problem::UnsafeUrl)
        } else {
            super::read::without_breaks(url.to_owned()).err()
        };
        if let Some(problem) = said {
            self.say(format!("{at}.{key}"), problem);
        }
    }

    /// An e-mail address or phone number that `ok` takes, as the reader says it
    /// ([`contact_as_meant`]).
    fn contact(
        &mut self,
        at: &str,
        key: &str,
        value: Option<&str>,
        (scheme, ok): (&'static str, fn(&str) -> bool),
        bad: Problem,
    ) {
        let Some(value) = given(value).filter(|v| !is_placeholder(v)) else {
            return;
        };
        let said = contact_as_meant(value, scheme, ok, bad).map_or_else(Some, |(_, said)| said);
        if let Some(problem) = said {
            self.say(format!("{at}.{key}"), problem);
        }
    }

    /// The segments an entry names, said where the feed does not define one.
    fn refs(&mut self, at: &str, refs: &[String], known: &Known) {
        for (i, id) in refs.iter().enumerate() {
            if !blank(id) && !known.segments.contains(&id.trim()) {
                self.say(
                    format!("{at}.segments[{i}]"),
                    Problem::UnknownSegment(id.clone()),
                );
            }
        }
    }

    fn segment(&mut self, at: &str, s: &Segment) -> bool {
        let named = self.text(at, "name", Some(&s.name), true, true);
        if given(s.color.as_deref()).is_some_and(|c| !is_color(c)) {
            self.say(format!("{at}.color"), Problem::BadColor);
        }
        named
    }

    fn member(&mut self, at: &str, m: &Member, known: &Known) -> bool {
        let named = self.text(at, "name", Some(&m.name), true, true);
        self.refs(at, &m.segments, known);
        self.url(at, "website", m.website.as_deref(), true);
        self.url(at, "logo", m.logo.as_deref(), false);
        let email = ("mailto:", is_email as fn(&str) -> bool);
        self.contact(at, "email", m.email.as_deref(), email, Problem::BadEmail);
        let phone = ("tel:", (|p| phone_href(p).is_some()) as fn(&str) -> bool);
        self.contact(at, "phone", m.phone.as_deref(), phone, Problem::BadPhone);
        self.text(at, "description", m.description.as_ref(), false, false);
        match m.joined {
            Some(d) if !d.is_valid() => {
                self.say(format!("{at}.joined"), Problem::BadDate(d.to_string()));
            }
            Some(d) if !YEARS.contains(&d.year) => {
                self.say(format!("{at}.joined"), Problem::UnlikelyYear(d.to_string()));
            }
            _ => {}
        }
        named
    }

    fn event(&mut self, at: &str, e: &Event, known: &Known) -> bool {
        let titled = self.text(at, "title", Some(&e.title), true, true);
        let started = readable(e.start);
        if !started {
            self.push(format!("{at}.start"), unreadable(e.start), true);
        }
        // In the reader's order: the end's date, the zone, then the end against the start.
        if let Some(end) = e.end.filter(|&end| !readable(end)) {
            self.say(format!("{at}.end"), unreadable(end));
        }
        let zone = match given(e.timezone.as_deref()) {
            Some(zone) if !names_a_zone(zone) => {
                self.say(
                    format!("{at}.timezone"),
                    Problem::BadTimezone(zone.to_owned()),
                );
                known.zone
            }
            Some(zone) => zone,
            None => known.zone,
        };
        match e.end {
            Some(end) if !readable(end) => {}
            Some(end) if started && end.is_all_day() != e.start.is_all_day() => {
                self.say(format!("{at}.end"), Problem::FormMismatch);
            }
            Some(end) if started && ends_first(e.start, end, zone) => {
                self.say(format!("{at}.end"), Problem::EndBeforeStart);
            }
            _ => {}
        }
        self.text(at, "location", e.location.as_ref(), false, false);
        self.refs(at, &e.segments, known);
        self.url(at, "url", e.url.as_deref(), true);
        self.text(at, "description", e.description.as_ref(), false, false);
        let rule = e.recurrence.as_ref().filter(|rule| {
            let problem = if !rule.is_valid() || rule.count == Some(0) {
                RruleError::BadValue(rule_value(rule))
            } else if rule.count.is_some() && rule.until.is_some() {
                RruleError::CountAndUntil
            } else if rule.by_day.iter().any(|(n, _)| n.is_some())
                && !matches!(rule.freq, Freq::Monthly | Freq::Yearly)
            {
                RruleError::OrdinalNotMonthly
            } else if started
                && rule
                    .until
                    .is_some_and(|u| last_day(u, e.start) < e.start.date())
            {
                RruleError::UntilBeforeStart
            } else {
                return true;
            };
            self.say(format!("{at}.recurrence"), Problem::BadRecurrence(problem));
            false
        });
        let start = started.then_some(e.start);
        for (i, &ex) in e.exdates.iter().enumerate() {
            let problem = if !readable(ex) {
                unreadable(ex)
            } else if started && e.start.is_all_day() && !ex.is_all_day() {
                Problem::FormMismatch
            } else if !names_an_occurrence(start, rule, ex) {
                Problem::ExdateNoOccurrence
            } else {
                continue;
            };
            self.say(format!("{at}.exdates[{i}]"), problem);
        }
        titled && started
    }
}

/// Whether the reader would read `w`: a date that exists, in [`YEARS`]; for an instant,
/// whose year as written the UTC date may not be, within a day of them.
fn readable(w: When) -> bool {
    let d = w.date();
    let edge = |d: super::Date| YEARS.contains(&d.year);
    w.is_valid()
        && (edge(d)
            || matches!(w, When::Instant(..)) && (edge(d.add_days(1)) || edge(d.add_days(-1))))
}

/// Why the reader would not read `w` (see [`readable`]).
fn unreadable(w: When) -> Problem {
    if w.is_valid() {
        Problem::UnlikelyYear(written(w))
    } else {
        Problem::BadDate(written(w))
    }
}

/// A date or date and time as the feed writes it (`2026-02-30`, `2026-11-20T25:00`).
fn written(w: When) -> String {
    let time = |t: super::Time| format!("{:02}:{:02}", t.hour, t.minute);
    match w {
        When::Date(d) => d.to_string(),
        When::Local(d, t) => format!("{d}T{}", time(t)),
        When::Instant(d, t) => format!("{d}T{}Z", time(t)),
    }
}

/// The first of a rule's values that [`Rrule::is_valid`](super::Rrule::is_valid) refuses,
/// as the rule would write it (`INTERVAL=0`).
fn rule_value(rule: &super::Rrule) -> String {
    if rule.interval == 0 {
        return "INTERVAL=0".into();
    }
    if rule.count == Some(0) {
        return "COUNT=0".into();
    }
    if let Some((Some(n), _)) = rule
        .by_day
        .iter()
        .find(|(n, _)| n.is_some_and(|n| !ordinal_in_range(n)))
    {
        return format!("BYDAY={n}");
    }
    if let Some(n) = rule.by_month_day.iter().find(|&&n| !month_day_in_range(n)) {
        return format!("BYMONTHDAY={n}");
    }
    if let Some(m) = rule.by_month.iter().find(|&&m| !month_in_range(m)) {
        return format!("BYMONTH={m}");
    }
    match rule.until {
        Some(until) => format!("UNTIL={}", written(until)),
        None => String::new(),
    }
}
