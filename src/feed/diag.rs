//! What the lenient reader reports about a feed.

use super::json::Fault;
use super::rrule::RruleError;

/// One problem found in a feed, with where it is and what was done about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// Where, as `members[12].website`.
    pub path: String,
    /// What is wrong.
    pub problem: Problem,
    /// `true` when the whole entry (member, event, segment, category) was skipped; `false`
    /// when only the field was dropped or ignored and the entry kept.
    pub skipped: bool,
}

impl Diagnostic {
    /// The path of a problem with the feed as a whole (not JSON, not UTF-8, not an object).
    pub const ROOT: &'static str = "(root)";

    /// The entry the diagnostic belongs to, as `members[12]`, or the top-level field
    /// (`cluster`, `version`) for problems outside the lists.
    pub fn entry(&self) -> &str {
        match self.path.find(']') {
            Some(end) => &self.path[..=end],
            None => self.path.split('.').next().unwrap_or(&self.path),
        }
    }

    /// What is wrong and what was done about it, in `lang`, as the widgets' `debug` list and
    /// the console say it (without the path).
    ///
    /// ```
    /// use clusterkit::{Lang, feed};
    /// let parsed = feed::parse(r#"{"version": 1, "cluster": {"name": "C"},
    ///     "members": [{"id": "a", "name": "A", "website": "javascript:alert(1)"}]}"#).unwrap();
    /// let said = parsed.diagnostics[0].message(Lang::En);
    /// assert!(said.contains("address"), "{said}");
    /// assert_eq!(parsed.diagnostics[0].to_string(), format!("members[0].website: {said}"));
    /// ```
    pub fn message(&self, lang: crate::Lang) -> String {
        lang.strings().diagnostic(self)
    }
}

/// The path and the English [`Diagnostic::message`]: `members[0].website: …`.
impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message(crate::Lang::En))
    }
}

/// The kinds of problem a feed can have.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Problem {
    /// A required field is missing.
    Missing,
    /// A date or time written otherwise (`2026-12-7`, `18h`, an end's time alone): read as
    /// this, as its writer meant it.
    DateMended(String),
    /// A list written as text (`"dobraxe, son"`, a spreadsheet's cell): read as the list of
    /// what its commas part, given here as JSON writes it.
    ListAsText(String),
    /// A key that is this field written otherwise (`Website`, `Default language`), whose
    /// value is ignored as an unknown field's.
    FieldMiswritten(&'static str),
    /// No `cluster.timezone`, while events have times: they are read, and shown, as UTC
    /// times, which a cluster elsewhere would not mean.
    ZoneMissing,
    /// A field has the wrong JSON type; `expected` says which.
    WrongType {
        /// What the field must be.
        expected: Expected,
        /// What it was (`number`, `object`, …).
        found: &'static str,
    },
    /// A required string is empty.
    Empty,
    /// A required text none of whose languages holds one: each is something else than a
    /// string, or under no language tag (each reported on its own).
    NoText,
    /// Not a valid `YYYY-MM-DD`, wall-clock or exact date-time, or a date that does not exist.
    BadDate(String),
    /// A `joined` date, or an event's `start` or `end`, outside the years 1850 to 2100
    /// ([`YEARS`](super::YEARS)): a typo, most likely (`1023`, `2204`, `0226`).
    UnlikelyYear(String),
    /// `end` or an `exdates` value is not in the same form (all-day or timed) as `start`.
    FormMismatch,
    /// `end` comes before `start`.
    EndBeforeStart,
    /// A segment id the feed does not define.
    UnknownSegment(String),
    /// A segment referred to by its name or by its id in other letters (`"Producción"`,
    /// `"sound"` for `"Sound"`), as a CRM exports it: read as that segment, `id`.
    SegmentNamed {
        /// What the reference says.
        written: String,
        /// The id of the one segment it names.
        id: String,
    },
    /// An event's category referred to by its name or by its id in other letters
    /// (`"Training"` for `"training"`): read as that category, `id`.
    CategoryNamed {
        /// What the reference says.
        written: String,
        /// The id of the one category it names.
        id: String,
    },
    /// An id already used earlier in the same list, at `first`.
    DuplicateId {
        /// The repeated id.
        id: String,
        /// Path of the entry that has it first.
        first: String,
    },
    /// A URL that is neither http(s) nor relative (`javascript:`, `data:`, …).
    UnsafeUrl,
    /// A web or e-mail address written with more than the address: quotes or brackets around
    /// it, punctuation or a remark after it, a colon lost after its scheme (`http//`). Read
    /// as the address, given here, that was meant.
    AddressMended(String),
    /// Two web addresses in one field (`www.a.example, www.b.example`): neither is linked.
    TwoAddresses,
    /// An e-mail address where a web address goes: it goes in `email`.
    EmailAsWebsite,
    /// Not a plain e-mail address.
    BadEmail,
    /// Not a plain phone number.
    BadPhone,
    /// An e-mail address or a phone number written with the scheme its link adds
    /// (`mailto:`, `tel:`), as copied from a link: read without it.
    SchemeWritten(&'static str),
    /// Not `#rgb` or `#rrggbb`.
    BadColor,
    /// A member `kind` other than `sme`, `large`, `research` or `other`.
    UnknownKind(String),
    /// A `recurrence` rule that cannot be honoured.
    BadRecurrence(RruleError),
    /// An `exdates` value on a day, or at a time, the series never gives (its time changed
    /// since, say): it leaves nothing out.
    ExdateNoOccurrence,
    /// Not an IANA time-zone name.
    BadTimezone(String),
    /// Not a language tag such as `ca` or `en-US`.
    BadLanguage(String),
    /// Not a language tag, but the text under it is the field's only one: it is kept, for
    /// every language.
    UntaggedKept(String),
    /// A whole number as an id, too long for its digits to be read exactly (past 2⁵³ − 1):
    /// it goes in quotes.
    LongNumber,
    /// A string with an unpaired UTF-16 surrogate.
    LoneSurrogate,
    /// A value nested absurdly deep.
    TooDeep,
    /// `version` is not 1; what this widget understands is still shown.
    UnsupportedVersion(f64),
    /// The feed is not all UTF-8: its `bytes` bytes outside valid UTF-8 were read as
    /// Windows-1252 (Latin-1), the first at `line` and `column`.
    NotUtf8 {
        /// How many bytes were read as Windows-1252.
        bytes: usize,
        /// The line of the first, from 1.
        line: usize,
        /// Its column in characters, from 1.
        column: usize,
    },
    /// A list written as an object of numbered entries (`{"0": {…}, "2": {…}}`, as PHP writes
    /// a list with gaps): read as the list of its entries, in order.
    NumberedObject,
    /// The document is no feed but holds one under this key (`{"data": {…}}`, as many a
    /// web API wraps what it answers): the feed there was read.
    FeedInside(String),
    /// The entry is not valid JSON: a syntax error in it was read past (a lenient reading
    /// says where, as [`Problem::Syntax`] in its place).
    Unreadable,
    /// The document's JSON has this syntax error, which the reader read past as `recovery`
    /// says: a feed written by hand or by a template loses no more than it must.
    Syntax {
        /// Where, and what is wrong.
        error: super::SyntaxError,
        /// What was done about it.
        recovery: super::json::Recovery,
    },
    /// The feed's UTF-8 was encoded a second time, as if it were Windows-1252 ("ProducciÃ³n"
    /// for "Producción"), by an export or an editor: it was read once more as UTF-8, and is
    /// shown as meant. The first such text is at `line` and `column`.
    EncodedTwice {
        /// The line of the first, from 1.
        line: usize,
        /// Its column in characters, from 1.
        column: usize,
    },
}

/// What a field must be, for [`Problem::WrongType`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Expected {
    /// A JSON object.
    Object,
    /// A JSON array.
    Array,
    /// A string.
    String,
    /// A string or an object of language tag to string.
    Text,
    /// `true` or `false`.
    Boolean,
    /// A number.
    Number,
}

impl From<Fault> for Problem {
    fn from(fault: Fault) -> Self {
        match fault {
            Fault::LoneSurrogate => Problem::LoneSurrogate,
            Fault::TooDeep => Problem::TooDeep,
            Fault::Unreadable => Problem::Unreadable,
        }
    }
}
