//! A small, forgiving JSON reader.
//!
//! Why not `serde_json` or the browser's `JSON.parse`? The feed contract says one bad entry
//! must never cost the whole feed: a lone surrogate (`"\ud800"`) or absurdly deep nesting
//! inside one member must cost that member only. `serde_json` rejects both for the whole
//! document, and reading a `JSON.parse` result from Wasm crosses the JS boundary once per
//! property. This reader keeps such values as [`Json::Invalid`] for the feed layer to report
//! with their path, gives line and column for real syntax errors, and adds only a few
//! kilobytes to the Wasm.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

mod parser;
pub use parser::parse;
pub(crate) use parser::parse_value;
pub(crate) use parser::{Misread, parse_lenient};

/// How far into `bytes` the first `"` or `\\` is (`bytes.len()` if none): where a string's
/// plain text ends, which most of a feed's bytes are. Eight bytes a step: about three times as
/// fast as one at a time in the Wasm, where reading a feed of 10,000 members spent 30 ms on
/// finding the ends of its strings.
#[cfg_attr(clusterkit_nightly, optimize(speed))]
pub(crate) fn to_quote_or_backslash(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGHS: u64 = ONES << 7;
    // A byte of `w` is zero where its high bit is set here; only bytes past a zero byte can
    // be set falsely, so the lowest set bit is the first zero byte.
    let zero_bytes = |w: u64| w.wrapping_sub(ONES) & !w & HIGHS;
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let found =
            zero_bytes(w ^ (ONES * u64::from(b'"'))) | zero_bytes(w ^ (ONES * u64::from(b'\\')));
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    let rest = chunks.remainder();
    at + rest
        .iter()
        .position(|&b| b == b'"' || b == b'\\')
        .unwrap_or(rest.len())
}

/// Values nested deeper than this become [`Json::Invalid`] with [`Fault::TooDeep`].
/// The feed's own shape needs five levels; 64 leaves room for unknown fields.
pub const MAX_DEPTH: usize = 64;

/// A parsed JSON value. Strings without escapes borrow from the parsed text, so reading a
/// large feed allocates little beyond its arrays and objects.
#[derive(Clone, Debug, PartialEq)]
pub enum Json<'a> {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// Any JSON number.
    Number(f64),
    /// A string with every escape resolved.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Json<'a>>),
    /// An object, in document order; a repeated key keeps its last value, as `JSON.parse` does.
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
    /// A value that cannot be used: see [`Fault`].
    Invalid(Fault),
}

/// Why a value is unusable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// A string holds an unpaired UTF-16 surrogate escape.
    LoneSurrogate,
    /// The value is nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// An item of a list that a syntax error left unreadable, skipped by a lenient reading
    /// that went on from the next: kept in its place, so that the items after it keep theirs.
    Unreadable,
}

/// What is wrong at the place a [`SyntaxError`] points to.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SyntaxProblem {
    /// The text ends in the middle of a value.
    UnexpectedEnd,
    /// A character that cannot start or continue a value here.
    UnexpectedChar(char),
    /// Text after the end of the document.
    TrailingText,
    /// Text before the document, ignored by a lenient reading where the document starts a
    /// line of its own (PHP's warnings printed before it).
    LeadingText,
    /// An entry of a list, at this place, that runs on past where the next starts: a
    /// bracket or a quote left open.
    Unclosed,
    /// A malformed `\` escape in a string.
    BadEscape,
    /// A malformed number.
    BadNumber,
    /// The document is empty.
    Empty,
    /// No comma between two values (`"city": "Vigo" "region": …`).
    MissingComma,
    /// A comma with no value after it (`[1, 2,]`), or before it (`[1,, 2]`).
    ExtraComma,
    /// A comment (`// members` or `/* … */`), which JSON does not allow: a lenient reading
    /// ignores it.
    Comment,
}

/// What a feed's reader did about a syntax error, to read on past it (see
/// [`Problem::Syntax`](crate::feed::Problem::Syntax)).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Recovery {
    /// Read as meant: a comma missing between two values as if it were there; a comma too
    /// many, or text after the end of the document, ignored.
    Mended,
    /// The entry it is in was skipped, and reading went on from the next one.
    EntrySkipped,
    /// Reading stopped there: only what comes before it was read.
    RestLost,
}

/// A JSON syntax error with its 1-based line and column (in characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// What is wrong there.
    pub problem: SyntaxProblem,
}

/// In English, as the widgets say it: `The data is not valid JSON: line 3, column 5: …`.
impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::Lang::En.strings().syntax_error(self))
    }
}

impl std::error::Error for SyntaxError {}

impl<'a> Json<'a> {
    /// The value of `key` when `self` is an object.
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        self.get_from(key, &Cell::new(0))
    }

    /// [`Json::get`] starting at the member after the one `cursor` names, wrapping round,
    /// and leaving `cursor` after the member found. A reader that asks for an object's keys
    /// in the order they are written finds each at the first look.
    pub fn get_from(&self, key: &str, cursor: &Cell<usize>) -> Option<&Json<'a>> {
        let Json::Object(pairs) = self else {
            return None;
        };
        let n = pairs.len();
        let start = cursor.get();
        // Keys are unique (see `without_repeated_keys`), so the first match is the match.
        // Lengths first: most keys differ in length, and then no bytes are compared.
        let i = (start..start + n)
            .map(|i| i % n)
            .find(|&i| pairs[i].0.len() == key.len() && pairs[i].0.as_bytes() == key.as_bytes())?;
        let value = &pairs[i].1;
        cursor.set(i + 1);
        Some(value)
    }

    /// A short name of the value's type, for diagnostics.
    pub fn type_name(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "boolean",
            Json::Number(_) => "number",
            Json::String(_) => "string",
            Json::Array(_) => "array",
            Json::Object(_) => "object",
            Json::Invalid(_) => "invalid",
        }
    }
}

/// How many bytes of byte order marks `src` starts with: a UTF-8 one is common in files
/// saved by spreadsheet programs, and a file made by joining such files, or saved again by
/// one, can start with two. None is text: each is skipped, as an invisible character a
/// syntax error would point at.
pub(crate) fn marks(src: &[u8]) -> usize {
    let mut at = 0;
    while src[at..].starts_with("\u{feff}".as_bytes()) {
        at += 3;
    }
    at
}

/// The line and column of byte `pos` of `src`, both from 1; the column counts characters
/// (`src` up to `pos` is UTF-8), and byte order marks are none.
pub(crate) fn line_column(src: &[u8], pos: usize) -> (usize, usize) {
    let pos = pos.min(src.len());
    let before = &src[..pos];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let bom = marks(src);
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(bom.min(pos), |i| i + 1);
    // Continuation bytes (10xxxxxx) start no character.
    let column = before[line_start..]
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count()
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests;
