//! The sentences a feed's problems are told in: each [`Diagnostic`] and JSON syntax error,
//! worded from a language's [`Strings`].

use super::Strings;
use super::fill;
use crate::feed::json::{Recovery, SyntaxProblem};
use crate::feed::{Diagnostic, Expected, Problem, RruleError, SyntaxError};

/// Whole numbers as digits, anything else as `?`: spares the Wasm float formatting.
fn integer_or_question_mark(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        (v as i64).to_string()
    } else {
        "?".into()
    }
}

impl Strings {
    /// Why a recurrence rule was refused.
    pub(crate) fn rrule_error(&self, e: &RruleError) -> String {
        match e {
            RruleError::MissingFreq => self.d_bad_recurrence[0].to_owned(),
            RruleError::Unsupported(part) => fill(self.d_bad_recurrence[1], &[("part", part)]),
            RruleError::BadValue(part) => fill(self.d_bad_recurrence[2], &[("part", part)]),
            RruleError::CountAndUntil => self.d_bad_recurrence[3].to_owned(),
            RruleError::UntilBeforeStart => self.d_bad_recurrence[4].to_owned(),
            RruleError::OrdinalNotMonthly => self.d_bad_recurrence[5].to_owned(),
            RruleError::NotARule => self.d_bad_recurrence[6].to_owned(),
        }
    }

    /// Where `d` is, as a path into the feed (`members[3].website`), the feed as a whole
    /// named in this language.
    pub fn path<'a>(&self, d: &'a Diagnostic) -> &'a str {
        if d.path == Diagnostic::ROOT {
            self.root_path
        } else {
            &d.path
        }
    }

    /// The localized sentence for a feed diagnostic, without its path.
    pub fn diagnostic(&self, d: &Diagnostic) -> String {
        let type_name = |e: Expected| {
            self.type_names[match e {
                Expected::Object => 0,
                Expected::Array => 1,
                Expected::String => 2,
                Expected::Text => 3,
                Expected::Boolean => 4,
                Expected::Number => 5,
            }]
        };
        let message = match &d.problem {
            Problem::Missing => self.d_missing.to_owned(),
            Problem::ZoneMissing => self.d_zone_missing.to_owned(),
            Problem::DateMended(value) => fill(self.d_date_mended, &[("value", value)]),
            Problem::ListAsText(list) => fill(self.d_list_as_text, &[("list", list)]),
            Problem::FieldMiswritten(field) => fill(self.d_field_miswritten, &[("field", field)]),
            Problem::WrongType { expected, found } => {
                // What was found, in the same words as what was expected (`null` as it is).
                let found = match *found {
                    "object" => type_name(Expected::Object),
                    "array" => type_name(Expected::Array),
                    "string" => type_name(Expected::String),
                    "boolean" => type_name(Expected::Boolean),
                    "number" => type_name(Expected::Number),
                    other => other,
                };
                fill(
                    self.d_wrong_type,
                    &[("expected", type_name(*expected)), ("found", found)],
                )
            }
            Problem::Empty => self.d_empty.to_owned(),
            Problem::NoText => self.d_no_text.to_owned(),
            Problem::BadDate(v) if crate::feed::impossible(v) => {
                fill(self.d_no_such_date, &[("value", v)])
            }
            Problem::BadDate(v) => fill(self.d_bad_date, &[("value", v)]),
            Problem::UnlikelyYear(v) => fill(self.d_unlikely_year, &[("value", v)]),
            Problem::FormMismatch => self.d_form_mismatch.to_owned(),
            Problem::ExdateNoOccurrence => self.d_exdate_no_occurrence.to_owned(),
            Problem::EndBeforeStart => self.d_end_before_start.to_owned(),
            Problem::UnknownSegment(id) => fill(self.d_unknown_segment, &[("id", id)]),
            Problem::SegmentNamed { written, id } => {
                fill(self.d_segment_named, &[("id", id), ("written", written)])
            }
            Problem::CategoryNamed { written, id } => {
                fill(self.d_category_named, &[("id", id), ("written", written)])
            }
            Problem::DuplicateId { id, first } => {
                fill(self.d_duplicate_id, &[("id", id), ("first", first)])
            }
            Problem::UnsafeUrl => self.d_unsafe_url.to_owned(),
            Problem::AddressMended(address) => fill(self.d_address_mended, &[("address", address)]),
            Problem::TwoAddresses => self.d_two_addresses.to_owned(),
            Problem::EmailAsWebsite => self.d_email_as_website.to_owned(),
            Problem::BadEmail => self.d_bad_email.to_owned(),
            Problem::BadPhone => self.d_bad_phone.to_owned(),
            Problem::SchemeWritten(scheme) => fill(self.d_scheme_written, &[("scheme", scheme)]),
            Problem::BadColor => self.d_bad_color.to_owned(),
            Problem::UnknownKind(v) => fill(self.d_unknown_kind, &[("value", v)]),
            Problem::BadRecurrence(e) => self.rrule_error(e),
            Problem::BadTimezone(v) => fill(self.d_bad_timezone, &[("value", v)]),
            // Nothing was ignored: the text is shown, in every language (unless its entry
            // was skipped for another reason).
            Problem::UntaggedKept(v) if !d.skipped => {
                return format!(
                    "{} {}",
                    fill(self.d_bad_language, &[("value", v)]),
                    self.d_untagged_kept
                );
            }
            Problem::BadLanguage(v) | Problem::UntaggedKept(v) => {
                fill(self.d_bad_language, &[("value", v)])
            }
            Problem::LongNumber => self.d_long_number.to_owned(),
            Problem::LoneSurrogate => self.d_lone_surrogate.to_owned(),
            Problem::TooDeep => self.d_too_deep.to_owned(),
            Problem::Unreadable => self.d_unreadable.to_owned(),
            Problem::UnsupportedVersion(v) => {
                fill(self.d_version, &[("value", &integer_or_question_mark(*v))])
            }
            // Nothing was ignored: the sentence says what was done instead.
            Problem::NotUtf8 {
                bytes,
                line,
                column,
            } => {
                return fill(
                    self.d_not_utf8,
                    &[
                        ("n", &bytes.to_string()),
                        ("line", &line.to_string()),
                        ("column", &column.to_string()),
                    ],
                );
            }
            Problem::FeedInside(key) => fill(self.d_feed_inside, &[("key", key)]),
            Problem::Syntax { error, recovery } => {
                let done = match (recovery, &error.problem) {
                    (Recovery::Mended, SyntaxProblem::MissingComma) => self.syntax_recovery[0],
                    (Recovery::Mended, _) => self.syntax_recovery[1],
                    (Recovery::EntrySkipped, _) => self.d_skipped,
                    // `Recovery` may grow: what is not said to be read on from lost the rest.
                    _ => self.syntax_recovery[2],
                };
                return format!("{} {done}", self.syntax_error(error));
            }
            Problem::NumberedObject => return self.d_numbered_object.to_owned(),
            Problem::EncodedTwice { line, column } => {
                return fill(
                    self.d_encoded_twice,
                    &[("line", &line.to_string()), ("column", &column.to_string())],
                );
            }
        };
        let consequence = match (d.skipped, &d.problem) {
            (true, _) => self.d_skipped,
            // Nothing was ignored: a missing field of the feed itself (`cluster`), a version
            // read as 1 all the same, or a document that is not an object at all.
            (
                false,
                Problem::Missing
                | Problem::ZoneMissing
                | Problem::DateMended(_)
                | Problem::ListAsText(_)
                | Problem::UnsupportedVersion(_)
                | Problem::SegmentNamed { .. }
                | Problem::CategoryNamed { .. }
                | Problem::SchemeWritten(_)
                | Problem::AddressMended(_),
            ) => return message,
            // `version` read as 1 whatever it says: nothing was ignored.
            (false, _) if d.path == Diagnostic::ROOT || d.path == "version" => return message,
            (false, _) => self.d_dropped,
        };
        format!("{message} {consequence}")
    }

    /// The localized sentence for a JSON syntax error, with its line and column.
    pub fn syntax_error(&self, e: &SyntaxError) -> String {
        let char_string;
        let reason = match &e.problem {
            SyntaxProblem::UnexpectedEnd => self.syntax_reasons[0].to_owned(),
            // Pasted from a word processor, which curls them.
            SyntaxProblem::UnexpectedChar(c @ ('“' | '”' | '‘' | '’' | '«' | '»' | '„')) => {
                fill(self.syntax_reasons[11], &[("char", &c.to_string())])
            }
            SyntaxProblem::UnexpectedChar(c) => {
                // A character that shows as nothing, or as a box (a control character, as
                // the first byte of gzip sent without its header; a zero-width space), by
                // its code point.
                char_string = if c.is_control()
                    || matches!(c, '\u{A0}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202F}' | '\u{FEFF}')
                {
                    format!("U+{:04X}", u32::from(*c))
                } else {
                    c.to_string()
                };
                fill(self.syntax_reasons[1], &[("char", &char_string)])
            }
            SyntaxProblem::TrailingText => self.syntax_reasons[2].to_owned(),
            SyntaxProblem::BadEscape => self.syntax_reasons[3].to_owned(),
            SyntaxProblem::BadNumber => self.syntax_reasons[4].to_owned(),
            SyntaxProblem::Empty => self.syntax_reasons[5].to_owned(),
            SyntaxProblem::MissingComma => self.syntax_reasons[6].to_owned(),
            SyntaxProblem::ExtraComma => self.syntax_reasons[7].to_owned(),
            SyntaxProblem::LeadingText => self.syntax_reasons[8].to_owned(),
            SyntaxProblem::Unclosed => self.syntax_reasons[9].to_owned(),
            SyntaxProblem::Comment => self.syntax_reasons[10].to_owned(),
        };
        fill(
            self.syntax_error,
            &[
                ("line", &e.line.to_string()),
                ("column", &e.column.to_string()),
                ("reason", &reason),
            ],
        )
    }
}
