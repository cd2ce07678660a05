//! Feed v1: the one JSON document behind all three widgets.
//!
//! [`parse`] is lenient: a bad entry is skipped, or its bad field dropped, and reported as a
//! [`Diagnostic`] with its path (`members[12].website`) while everything valid is kept. Only
//! a JSON syntax error stops it, reported with line and column. The format is documented in
//! `docs/feed.md` and described strictly by `www/feed.schema.json`.
//!
//! A Leptos app may also build a [`Feed`] in Rust:
//!
//! ```
//! use clusterkit::feed::{Feed, Member, Segment, Kind};
//! let feed = Feed {
//!     segments: vec![Segment::new("post-production", [("ca", "Postproducció"), ("en", "Post-production")])],
//!     members: vec![Member {
//!         segments: vec!["post-production".into()],
//!         kind: Some(Kind::Sme),
//!         city: Some("Barcelona".into()),
//!         ..Member::new("sonilab", "Sonilab")
//!     }],
//!     ..Feed::default()
//! };
//! assert_eq!(feed.segment("post-production").unwrap().name.resolve("en", "ca"), "Post-production");
//! ```

mod check;
mod date;
mod diag;
mod encoding;
#[doc(hidden)]
pub mod json;
mod read;
mod rrule;
mod source;
mod text;
mod url;

pub(crate) use date::days_in_month;
pub(crate) use date::impossible;
pub use date::{Date, Time, Weekday, When};

/// The years a member can have joined, and an event can start or end in: a date outside them
/// is a typo (`1023`, `2204`, `0226`), which would stretch a chart of the years over
/// centuries, or put an event in a month no visitor goes to.
pub const YEARS: std::ops::RangeInclusive<i32> = 1850..=2100;

pub use diag::{Diagnostic, Expected, Problem};
#[cfg(test)]
pub(crate) use encoding::decode;
pub use json::{Recovery, SyntaxError, SyntaxProblem};
use read::Reading;
#[doc(hidden)]
pub use read::parse_json;
pub use read::{ParsedFeed, parse, parse_bytes};
pub(crate) use rrule::DAY_CODES;
pub use rrule::{Freq, Rrule, RruleError};
pub(crate) use source::MB;
#[cfg(feature = "embed")]
pub(crate) use source::adopt;
#[cfg(feature = "embed")]
pub(crate) use source::shared_inline_feed;
pub use source::{
    FeedState, LoadError, MAX_BYTES, TIMEOUT_SECONDS, UseFeedReturn, inline_feed, use_feed,
};
pub use text::Text;
#[doc(hidden)]
pub use url::is_safe_url;
pub(crate) use url::phone_href;
#[cfg(feature = "embed")]
pub(crate) use url::resolve;
pub(crate) use url::{is_color, is_email};

/// A whole feed after lenient parsing: only valid entries and fields.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Feed {
    /// Who publishes the feed.
    pub cluster: Cluster,
    /// The segments members work in, in feed order.
    pub segments: Vec<Segment>,
    /// Localized names and colours for event categories.
    pub categories: Vec<Category>,
    /// The members, in feed order.
    pub members: Vec<Member>,
    /// The events, in feed order.
    pub events: Vec<Event>,
    /// The URL the feed was fetched from (an inline feed's: the page's address when it was
    /// read), against which its relative URLs resolve.
    pub base_url: Option<String>,
    /// How many entries of its lists the reader skipped, bad or repeated: a widget left with
    /// none says that its data could not be read, not that there is none.
    pub skipped: Skipped,
}

/// How many entries of a feed's members and events were skipped as it was read (none in a
/// feed built in Rust).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Skipped {
    /// Members skipped.
    pub members: usize,
    /// Events skipped.
    pub events: usize,
}

impl Feed {
    /// The segment with this id.
    pub fn segment(&self, id: &str) -> Option<&Segment> {
        self.segments.iter().find(|s| s.id == id)
    }

    /// The member with this id: an app's own page of a member whose profile the visitor
    /// opened (the directory's `on_open` gives its id), say.
    ///
    /// ```
    /// use clusterkit::{Feed, Member};
    /// let feed = Feed { members: vec![Member::new("sonilab", "Sonilab")], ..Feed::default() };
    /// assert_eq!(feed.member("sonilab").map(|m| m.id.as_str()), Some("sonilab"));
    /// assert!(feed.member("nobody").is_none());
    /// ```
    pub fn member(&self, id: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.id == id)
    }

    /// The event with this id (the calendar's `on_open` gives it).
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// Where the member with this id is in [`Feed::members`].
    pub fn member_index(&self, id: &str) -> Option<usize> {
        self.members.iter().position(|m| m.id == id)
    }

    /// A feed URL made absolute against [`Feed::base_url`] (in the browser, against the page
    /// when the feed has no URL of its own), or `None` when [`is_safe_url`] refuses it. The
    /// reader drops such URLs with a diagnostic, but a feed built in Rust never passes
    /// through it, so the widgets check every URL here, where it becomes a link or an image.
    pub fn resolve_url(&self, url: &str) -> Option<String> {
        is_safe_url(url)
            .then(|| url::resolve(url, self.base_url.as_deref()))
            .flatten()
    }

    /// The category with this id, if the feed lists it.
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }
}

/// The cluster that publishes the feed.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Its name.
    pub name: Text,
    /// Its website.
    pub url: Option<String>,
    /// The IANA zone of wall-clock times without their own (`Europe/Madrid`); default `UTC`.
    pub timezone: String,
    /// The language tag used when a text lacks the visitor's language.
    pub default_language: String,
}

impl Default for Cluster {
    fn default() -> Self {
        Cluster {
            name: Text::default(),
            url: None,
            timezone: "UTC".into(),
            default_language: "en".into(),
        }
    }
}

/// A segment of the industry, such as post-production.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// Unique id, referenced by members and events.
    pub id: String,
    /// Localized name.
    pub name: Text,
    /// `#rrggbb` or `#rgb`.
    pub color: Option<String>,
}

impl Segment {
    /// A segment without a colour.
    pub fn new(id: impl Into<String>, name: impl Into<Text>) -> Self {
        Segment {
            id: id.into(),
            name: name.into(),
            color: None,
        }
    }
}

/// An event category listed by the feed.
pub type Category = Segment;

/// What kind of organisation a member is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A small or medium-sized enterprise.
    Sme,
    /// A large company.
    Large,
    /// A university, research or technology centre.
    Research,
    /// Any other ecosystem actor.
    Other,
}

impl Kind {
    /// All kinds, in display order.
    pub const ALL: [Kind; 4] = [Kind::Sme, Kind::Large, Kind::Research, Kind::Other];

    /// The feed's id of this kind.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Sme => "sme",
            Kind::Large => "large",
            Kind::Research => "research",
            Kind::Other => "other",
        }
    }

    /// Its place in [`Kind::ALL`] (and in per-kind tables such as the UI strings).
    ///
    /// ```
    /// use clusterkit::feed::Kind;
    /// assert!(Kind::ALL.iter().enumerate().all(|(i, k)| k.index() == i));
    /// ```
    pub fn index(self) -> usize {
        self as usize
    }

    /// The kind with this feed id.
    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// A member of the cluster.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Member {
    /// Unique id.
    pub id: String,
    /// Name as the member writes it (localized where it has official translations).
    pub name: Text,
    /// Ids of the segments it works in (all known to the feed).
    pub segments: Vec<String>,
    /// What kind of organisation it is.
    pub kind: Option<Kind>,
    /// City.
    pub city: Option<String>,
    /// Region.
    pub region: Option<String>,
    /// ISO 3166 country code.
    pub country: Option<String>,
    /// Safe http(s) or relative URL.
    pub website: Option<String>,
    /// Safe http(s) or relative URL of a logo image.
    pub logo: Option<String>,
    /// E-mail address (rendered as a `mailto:` link).
    pub email: Option<String>,
    /// Phone number (rendered as a `tel:` link).
    pub phone: Option<String>,
    /// Localized description.
    pub description: Option<Text>,
    /// Free keywords.
    pub tags: Vec<String>,
    /// When it joined. A feed's is read only in the years a member can have joined
    /// ([`YEARS`]); a chart by year of joining counts no other.
    pub joined: Option<Date>,
    /// Whether it is a founding member.
    pub founding: bool,
}

impl Member {
    /// A member with only an id and a name.
    pub fn new(id: impl Into<String>, name: impl Into<Text>) -> Self {
        Member {
            id: id.into(),
            name: name.into(),
            ..Member::default()
        }
    }
}

/// An event of the cluster.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Unique id.
    pub id: String,
    /// Localized title.
    pub title: Text,
    /// When it starts.
    pub start: When,
    /// When it ends: inclusive for an all-day date, exclusive for a time.
    pub end: Option<When>,
    /// IANA zone of its wall-clock times; `None` means the cluster's.
    pub timezone: Option<String>,
    /// Where it happens.
    pub location: Option<Text>,
    /// Segment ids it concerns.
    pub segments: Vec<String>,
    /// Category id (listed in [`Feed::categories`] or shown as it is).
    pub category: Option<String>,
    /// Safe http(s) or relative URL.
    pub url: Option<String>,
    /// Localized description.
    pub description: Option<Text>,
    /// How it repeats.
    pub recurrence: Option<Rrule>,
    /// Occurrences left out of the recurrence, in the same form as `start`, or (for a timed
    /// event) a date alone, for that day's occurrence.
    pub exdates: Vec<When>,
}

impl Event {
    /// A one-off event.
    pub fn new(id: impl Into<String>, title: impl Into<Text>, start: When) -> Self {
        Event {
            id: id.into(),
            title: title.into(),
            start,
            end: None,
            timezone: None,
            location: None,
            segments: vec![],
            category: None,
            url: None,
            description: None,
            recurrence: None,
            exdates: vec![],
        }
    }
}
