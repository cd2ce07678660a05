//! Reading on past syntax errors: the lenient reading's answer, where its problems are in
//! lines and columns, and how an array goes on past a broken item.

use super::{Fail, Found, Parser, parse_from};
use crate::feed::json::{Fault, Json, Recovery, SyntaxError, SyntaxProblem, line_column, marks};

/// A document read past its syntax errors: see [`parse_lenient`].
#[derive(Debug, PartialEq)]
pub(crate) struct Lenient<'a> {
    /// What could be read.
    pub value: Json<'a>,
    /// Each syntax error read past, in document order; a [`Recovery::RestLost`] comes last.
    pub problems: Vec<Misread>,
}

/// A syntax error read past.
#[derive(Debug, PartialEq)]
pub(crate) struct Misread {
    pub error: SyntaxError,
    pub recovery: Recovery,
    /// The entry skipped, as `members[3]`, for a [`Recovery::EntrySkipped`]: the item of
    /// the array under that key (the innermost key of the document's top two levels) left
    /// as [`Fault::Unreadable`].
    pub entry: Option<String>,
}

/// Parses a whole JSON document as far as it can be read, as a feed needs it (bad input never
/// loses the valid rest). A comma missing between two values is read as if it were there, a
/// comma too many (`[1, 2,]`) and text after the end are ignored, and so is text before a
/// document that starts a line of its own with `{` (PHP's warnings printed before it, an
/// API's `)]}'` prefix). Where reading cannot go
/// on, what was read is kept, each container cut short where it stands, but for an item of an
/// array or a numbered object (an entry of the feed, which would pass for whole): that is left
/// out. In a document laid out an item a line, as most are, a top-level array (or a wrapped
/// feed's) goes on from its next item instead, the broken one alone skipped.
///
/// `Err` where nothing could be read: an empty document, or a broken one that is no object or
/// array.
pub(crate) fn parse_lenient(text: &str) -> Result<Lenient<'_>, SyntaxError> {
    let src = text.as_bytes();
    let start = marks(src);
    let first = start
        + src[start..]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
    let after = src[first..]
        .windows(2)
        .position(|w| w == b"\n{")
        .map(|at| first + at + 1);
    // A comment first (`// members of the cluster`) is read past as any comment is.
    let comment = src[first..].starts_with(b"//") || src[first..].starts_with(b"/*");
    let (start, before) = match (src.get(first), after) {
        _ if comment => (start, None),
        // Not before a document that starts with a value of its own (`"…\n{"` is one).
        (Some(b'{' | b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n'), _)
        | (None, _)
        | (_, None) => (start, None),
        (Some(_), Some(after)) => {
            let problem = SyntaxProblem::LeadingText;
            (
                after,
                Some((Fail { at: first, problem }, Recovery::Mended, None)),
            )
        }
    };
    let (value, mut found) = parse_from(text, start, 0, false).map_err(|fail| fail.located(src))?;
    if let Some(before) = before {
        found.insert(0, before);
    }
    Ok(Lenient {
        value,
        problems: located(src, found),
    })
}

/// The most syntax errors a lenient reading notes: a megabyte of commas must not make a
/// million diagnostics. Those past it are read past all the same.
const MAX_NOTED: usize = 1_000;

/// `found`, in document order, with their lines and columns.
fn located(src: &[u8], found: Vec<Found>) -> Vec<Misread> {
    // Counted in the order of their places (a mistake noted in an entry read after another
    // can be before it), each given its own.
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| found[i].0.at);
    let mut places = vec![(0, 0); found.len()];
    let mut lines = Lines::new(src);
    for i in order {
        places[i] = lines.at(found[i].0.at);
    }
    found
        .into_iter()
        .zip(places)
        .map(|((fail, recovery, entry), (line, column))| {
            let error = SyntaxError {
                line,
                column,
                problem: fail.problem,
            };
            Misread {
                error,
                recovery,
                entry,
            }
        })
        .collect()
}

/// [`line_column`] for positions in document order, counted in one pass.
pub(in crate::feed::json) struct Lines<'s> {
    src: &'s [u8],
    /// The line the pass is on, from 1.
    line: usize,
    /// The characters of the line up to `seen`.
    chars: usize,
    seen: usize,
}

impl<'s> Lines<'s> {
    pub(in crate::feed::json) fn new(src: &'s [u8]) -> Self {
        Lines {
            src,
            line: 1,
            chars: 0,
            seen: marks(src),
        }
    }

    /// The line and column of byte `at`; counted afresh where it is before the last.
    pub(in crate::feed::json) fn at(&mut self, at: usize) -> (usize, usize) {
        let at = at.min(self.src.len());
        if at < self.seen {
            return line_column(self.src, at);
        }
        for &b in &self.src[self.seen..at] {
            if b == b'\n' {
                self.line += 1;
                self.chars = 0;
            } else if b & 0xC0 != 0x80 {
                // Continuation bytes (10xxxxxx) start no character.
                self.chars += 1;
            }
        }
        self.seen = at;
        (self.line, self.chars + 1)
    }
}

impl Parser<'_> {
    /// Notes a syntax error read past, up to [`MAX_NOTED`] of them.
    pub(super) fn note(&mut self, fail: Fail, recovery: Recovery, entry: Option<String>) {
        if self.found.len() < MAX_NOTED {
            self.found.push((fail, recovery, entry));
        }
    }

    /// Notes the array's item `index` skipped for `fail`, and keeps its place.
    pub(super) fn skip_entry(&mut self, fail: Fail, index: usize) {
        let entry = format!("{}[{index}]", self.list);
        self.note(fail, Recovery::EntrySkipped, Some(entry));
        self.items.push(Json::Invalid(Fault::Unreadable));
    }

    /// The blanks before the byte at `at` on its line, where there is nothing else.
    pub(super) fn indentation(&self, at: usize) -> Option<usize> {
        let before = &self.src[..at];
        let line = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let blank = before[line..].iter().all(|&b| b == b' ' || b == b'\t');
        blank.then_some(at - line)
    }

    /// Where this array goes on after reading stopped in or after the item at `from`: its
    /// next item or its closing bracket. Only in a top-level array or a wrapped feed's
    /// (`depth` 2 at most), and only where its items are laid out one a line: the item's `{`
    /// first on its line (at `starts[0]`; or if not, the first item's, at `starts[1]`: the
    /// broken one may have lost its own), the next after the same indentation, on a line
    /// after the one `from` is on, and the closing bracket first on a line indented no more.
    /// Anything else indented no more ends the search (a key of the object around, the
    /// array's bracket lost), as does a `}` indented less.
    pub(super) fn next_item(&self, starts: [usize; 2], depth: usize, from: usize) -> Option<usize> {
        let src = self.src;
        // The blanks before an item's `{` first on its line.
        let indent = |start: usize| {
            let blank = self
                .indentation(start)
                .filter(|_| src.get(start) == Some(&b'{'))?;
            Some(&src[start - blank..start])
        };
        // Items that ran on to the document's end (their bracket left open), read again from
        // the next: reading goes on only while that has cost no more than reading the
        // document twice over, so that a list of such items is not read to its end once for
        // each.
        if self.strict || depth > 2 || self.spent > 2 * src.len() {
            return None;
        }
        let indent = starts.into_iter().find_map(indent)?;
        // From the line after `from`'s: a string left open may have run on over lines (the
        // reader takes line breaks in strings), where the next item starts.
        let mut line = from + src[from..].iter().position(|&b| b == b'\n')? + 1;
        loop {
            let rest = &src[line..];
            let blank = rest
                .iter()
                .take_while(|&&b| b == b' ' || b == b'\t')
                .count();
            let (at, same) = (line + blank, rest[..blank] == *indent);
            match rest.get(blank) {
                Some(b'{') if same => return Some(at),
                Some(b']') if blank <= indent.len() => return Some(at),
                // An entry's end (`},`), its comma alone (`,` where its `}` was lost), a
                // comment (`// partners`); a block of them (`/* … */`, entries left out
                // there) goes on to the line after its end.
                Some(b'}' | b',') if same => {}
                Some(b'/') if rest[blank..].starts_with(b"/*") => {
                    // From the line its `*/` ends on.
                    let end = blank + rest[blank..].windows(2).position(|w| w == b"*/")?;
                    line += end;
                    line += src[line..].iter().position(|&b| b == b'\n')? + 1;
                    continue;
                }
                Some(b'/' | b'#') => {}
                None | Some(b'\r' | b'\n') => {}
                Some(_) if blank <= indent.len() => return None,
                _ => {}
            }
            line += rest.iter().position(|&b| b == b'\n')? + 1;
        }
    }
}
