//! The reader itself: a recursive descent over the bytes, with the position kept for the
//! line and column of a syntax error, and a way on past the mistakes of feeds written by
//! hand or by a template (see [`parse_lenient`], and `lenient` for how).

use std::borrow::Cow;

use super::{Fault, Json, MAX_DEPTH, Recovery, SyntaxError, SyntaxProblem, line_column, marks};

mod lenient;
mod scalars;
#[cfg(test)]
pub(super) use lenient::Lines;
pub(crate) use lenient::{Misread, parse_lenient};
#[cfg(test)]
pub(super) use scalars::number_value;

/// Parses a whole JSON document.
pub fn parse(text: &str) -> Result<Json<'_>, SyntaxError> {
    strict(text, parse_from(text, marks(text.as_bytes()), 0, true))
}

/// Parses `text` as the one value, found `depth` levels deep in its document, that a
/// streaming reader cut out of it (see `feed::read::stream`): no byte order mark is skipped,
/// and values nested deeper than [`MAX_DEPTH`] in the document are as invalid as they are in
/// it. A syntax error's line and column are within `text`.
pub(crate) fn parse_value(text: &str, depth: usize) -> Result<Json<'_>, SyntaxError> {
    strict(text, parse_from(text, 0, depth, true))
}

/// The value read, or the first problem met, as a strict reader says it.
fn strict<'a>(
    text: &str,
    read: Result<(Json<'a>, Vec<Found>), Fail>,
) -> Result<Json<'a>, SyntaxError> {
    match read {
        Ok((value, found)) if found.is_empty() => Ok(value),
        Ok((_, found)) => Err(found[0].0.located(text.as_bytes())),
        Err(fail) => Err(fail.located(text.as_bytes())),
    }
}

/// A syntax error as met: the byte it is at and what is wrong there. Lines and columns are
/// counted once reading is done, for all of them in one pass: a feed with a mistake in each of
/// its 10,000 entries must not count its lines 10,000 times.
#[derive(Debug)]
struct Fail {
    at: usize,
    problem: SyntaxProblem,
}

impl Fail {
    fn located(&self, src: &[u8]) -> SyntaxError {
        let (line, column) = line_column(src, self.at);
        SyntaxError {
            line,
            column,
            problem: self.problem.clone(),
        }
    }
}

/// A syntax error read past, how, and for a skipped entry, which.
type Found = (Fail, Recovery, Option<String>);

/// Reads the document from `start`, at `depth`: its value and the problems read past, or
/// what stopped it before anything could be read.
fn parse_from(
    text: &str,
    start: usize,
    depth: usize,
    strict: bool,
) -> Result<(Json<'_>, Vec<Found>), Fail> {
    let mut p = Parser {
        text,
        src: text.as_bytes(),
        pos: start,
        pairs: Vec::new(),
        items: Vec::new(),
        found: Vec::new(),
        cut: None,
        list: Cow::Borrowed(""),
        strict,
        spent: 0,
        commented: false,
    };
    p.skip_ws();
    if p.pos == p.src.len() {
        return Err(p.fail(SyntaxProblem::Empty));
    }
    let value = p.value(depth)?;
    match p.cut.take() {
        Some(fail) => p.found.push((fail, Recovery::RestLost, None)),
        None => {
            p.skip_ws();
            if p.pos != p.src.len() {
                let fail = p.fail(SyntaxProblem::TrailingText);
                // More of the document, a `}` too many having closed it early: lost, not
                // ignored as a script's warning after it is.
                let rest = &p.src[p.pos..];
                let closers = rest
                    .iter()
                    .all(|b| matches!(b, b'}' | b']' | b',') || b.is_ascii_whitespace());
                let more =
                    !closers && matches!(rest[0], b',' | b':' | b'"' | b'{' | b'}' | b'[' | b']');
                let recovery = if more {
                    Recovery::RestLost
                } else {
                    Recovery::Mended
                };
                p.found.push((fail, recovery, None));
            }
        }
    }
    Ok((value, p.found))
}

struct Parser<'a> {
    text: &'a str,
    /// `text` as bytes: the parser moves byte by byte, and only slices `text` between ASCII
    /// delimiters, which are always character boundaries.
    src: &'a [u8],
    pos: usize,
    /// The members of the objects being read, innermost last: each object takes its own off
    /// the top when it closes, so it is allocated once, at its size, instead of growing.
    pairs: Vec<(Cow<'a, str>, Json<'a>)>,
    /// The same for the items of arrays.
    items: Vec<Json<'a>>,
    /// The syntax errors read past so far.
    found: Vec<Found>,
    /// Where reading stopped, once it has: the containers open then close where they stand.
    cut: Option<Fail>,
    /// The key of the array being read at the document's top two levels: a feed's list, or
    /// a wrapped feed's.
    list: Cow<'a, str>,
    /// Whether reading stops at the first syntax error, reading past none.
    strict: bool,
    /// The bytes read in items that broke, and were skipped.
    spent: usize,
    /// Whether a comment was met (and said) already.
    commented: bool,
}

impl<'a> Parser<'a> {
    fn fail(&self, problem: SyntaxProblem) -> Fail {
        Fail {
            at: self.pos,
            problem,
        }
    }

    fn unexpected(&self) -> Fail {
        // `pos` is on a character's boundary: the parser moves over ASCII bytes and runs
        // that end before one. Only that character is decoded: a document with an error in
        // each of its 10,000 entries must not decode the rest of it at each.
        match self
            .text
            .get(self.pos..)
            .and_then(|rest| rest.chars().next())
        {
            Some(c) => self.fail(SyntaxProblem::UnexpectedChar(c)),
            None if self.pos >= self.src.len() => self.fail(SyntaxProblem::UnexpectedEnd),
            None => self.fail(SyntaxProblem::UnexpectedChar('\u{FFFD}')),
        }
    }

    /// Stops reading at `fail`: every container open closes where it stands.
    fn stop(&mut self, fail: Fail) {
        self.cut = Some(fail);
    }

    /// Notes a mistake at `at`, read past as meant; a strict reading stops there.
    fn mend(&mut self, at: usize, problem: SyntaxProblem) {
        let fail = Fail { at, problem };
        if self.strict {
            self.stop(fail);
        } else {
            self.note(fail, Recovery::Mended, None);
        }
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.pos += 1,
                Some(b'/') if !self.strict && self.comment() => {}
                _ => return,
            }
        }
    }

    /// Reads past a comment at `pos` (`// …` to the line's end, `/* … */`), which JSON has
    /// not, but a feed written by hand may (a heading over a list's entries): whether there
    /// was one. A `/*` never closed is none: the rest is not thrown away as a comment.
    fn comment(&mut self) -> bool {
        // Not where a value goes (`"logo": //cdn.example/a.png`, an address left unquoted):
        // that is said as the value it breaks, not read past as a comment.
        let before = self.src[..self.pos].trim_ascii_end();
        if before.ends_with(b":") {
            return false;
        }
        let rest = &self.src[self.pos..];
        let length = match rest.get(1) {
            Some(b'/') => rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len()),
            Some(b'*') => match rest[2..].windows(2).position(|w| w == b"*/") {
                Some(end) => end + 4,
                None => return false,
            },
            _ => return false,
        };
        let at = self.pos;
        self.pos += length;
        // The first said: one a heading over each entry would make a thousand.
        if !std::mem::replace(&mut self.commented, true) {
            self.mend(at, SyntaxProblem::Comment);
        }
        true
    }

    fn expect(&mut self, byte: u8) -> Result<(), Fail> {
        self.skip_ws();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json<'a>, Fail> {
        self.skip_ws();
        match self.peek() {
            None => Err(self.fail(SyntaxProblem::UnexpectedEnd)),
            Some(b'{' | b'[') if depth >= MAX_DEPTH => {
                self.skip_nested()?;
                Ok(Json::Invalid(Fault::TooDeep))
            }
            Some(b'{') => Ok(self.object(depth)),
            Some(b'[') => Ok(self.array(depth)),
            Some(b'"') => Ok(match self.string()? {
                Ok(s) => Json::String(s),
                Err(fault) => Json::Invalid(fault),
            }),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.unexpected()),
        }
    }

    fn literal(&mut self, word: &str, value: Json<'a>) -> Result<Json<'a>, Fail> {
        if self.src[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.unexpected())
        }
    }

    fn object(&mut self, depth: usize) -> Json<'a> {
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Json::Object(Vec::new());
        }
        let mark = self.pairs.len();
        self.members(depth);
        let pairs: Vec<_> = self.pairs.drain(mark..).collect();
        Json::Object(without_repeated_keys(pairs))
    }

    /// Reads an object's members onto `self.pairs`, through its closing brace or to where
    /// reading stops.
    fn members(&mut self, depth: usize) {
        // (Until a strict reading stops at a mistake it would have read past.)
        while self.cut.is_none() {
            if self.commas_too_many(b'}') {
                return;
            }
            if self.peek() != Some(b'"') {
                return self.stop(self.unexpected());
            }
            // A key with a lone surrogate cannot name a field the feed reads; keep it lossily.
            let key = match self.string() {
                Ok(key) => key.unwrap_or(Cow::Borrowed("\u{FFFD}")),
                Err(fail) => return self.stop(fail),
            };
            if let Err(fail) = self.expect(b':') {
                return self.stop(fail);
            }
            if depth <= 1 {
                self.list.clone_from(&key);
            }
            match self.value(depth + 1) {
                // Cut short, a value is kept (the lists of a feed, or the feed in a wrapper),
                // but not an entry of a numbered list (`{"0": {…}, "1": {…}}`).
                Ok(_) if self.cut.is_some() && is_numbered(&key) => return,
                Ok(value) => self.pairs.push((key, value)),
                Err(fail) => self.stop(fail),
            }
            if self.cut.is_some() {
                return;
            }
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    if self.comma_before(b'}') {
                        self.pos += 1;
                        return;
                    }
                }
                Some(b'}') => {
                    self.pos += 1;
                    return;
                }
                // The next key, its comma forgotten.
                Some(b'"') => self.mend(self.pos, SyntaxProblem::MissingComma),
                _ => return self.stop(self.unexpected()),
            }
        }
    }

    /// Where an item or a key is due: passes over commas too many (`[1,, 2]`), said, and
    /// says whether the container is done: closed after them (`[1,,]`), or a strict reading
    /// stopped at the first.
    fn commas_too_many(&mut self, close: u8) -> bool {
        loop {
            self.skip_ws();
            match self.peek() {
                _ if self.cut.is_some() => return true,
                Some(b',') => {
                    self.mend(self.pos, SyntaxProblem::ExtraComma);
                    self.pos += 1;
                }
                Some(b) if b == close => {
                    self.pos += 1;
                    return true;
                }
                _ => return false,
            }
        }
    }

    /// Passes over the comma after a value, and says whether the container's `close`
    /// follows it (`[1, 2,]`, `{"a": 1,}`): then the comma is one too many, said.
    fn comma_before(&mut self, close: u8) -> bool {
        let comma = self.pos;
        self.pos += 1;
        self.skip_ws();
        let closed = self.peek() == Some(close);
        if closed {
            self.mend(comma, SyntaxProblem::ExtraComma);
        }
        closed
    }

    fn array(&mut self, depth: usize) -> Json<'a> {
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Json::Array(Vec::new());
        }
        let mark = self.items.len();
        self.elements(depth, mark);
        Json::Array(self.items.drain(mark..).collect())
    }

    /// Reads an array's items onto `self.items`, through its closing bracket or to where
    /// reading stops.
    fn elements(&mut self, depth: usize, mark: usize) {
        let mut first = None;
        // Where the last item read ended.
        let mut last_end = None;
        while self.cut.is_none() {
            if self.commas_too_many(b']') {
                return;
            }
            let (start, noted) = (self.pos, self.found.len());
            let first = *first.get_or_insert(start);
            // Where reading stopped: in the item, none of which is kept (it would pass for
            // whole), or after it.
            let stopped_in = match self.value(depth + 1) {
                Ok(_) if self.cut.is_some() => true,
                Ok(item) => {
                    self.items.push(item);
                    false
                }
                Err(fail) => {
                    self.stop(fail);
                    true
                }
            };
            let end = self.pos;
            if !stopped_in {
                self.skip_ws();
                match self.peek() {
                    // (The `]` after it is read below.)
                    Some(b',') => {
                        self.comma_before(b']');
                    }
                    Some(b']') => {}
                    // The next item, its comma forgotten: apart from the last, or after its
                    // closing mark (`[01]` and `[1-2]` are broken numbers).
                    Some(b'{' | b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n')
                        if self.pos > end || matches!(self.src[end - 1], b'}' | b']' | b'"') =>
                    {
                        self.mend(self.pos, SyntaxProblem::MissingComma);
                    }
                    _ => self.stop(self.unexpected()),
                }
            }
            if let Some(mut fail) = self.cut.take() {
                let Some(next) = self.next_item([start, first], depth, start) else {
                    if stopped_in {
                        // Nothing of the item is read, nor said.
                        self.found.truncate(noted);
                    }
                    self.cut = Some(fail);
                    return;
                };
                self.pos = next;
                let read = self.items.len() - mark;
                let entry = matches!(self.items.last(), Some(Json::Object(_)));
                let nothing = stopped_in && fail.at == start && self.src[start] != b'{';
                if stopped_in {
                    self.spent += fail.at - start;
                }
                // An item that ran on past where the next starts: its bracket or quote left
                // open, said where the item starts.
                if fail.at >= next {
                    fail = Fail {
                        at: start,
                        problem: SyntaxProblem::Unclosed,
                    };
                }
                if nothing {
                    // Nothing of an entry (a `// partners` line, a `},` too many): ignored,
                    // taking no entry's place.
                    self.found.truncate(noted);
                    self.note(fail, Recovery::Mended, None);
                } else if stopped_in {
                    self.found.truncate(noted);
                    self.skip_entry(fail, read);
                } else if entry && next >= end {
                    // A whole entry, and something else after it (`} x`): that is ignored.
                    self.note(fail, Recovery::Mended, None);
                } else if entry {
                    // An entry closed by the list's or the document's own brackets, the items
                    // after it read as its own.
                    self.found.truncate(noted);
                    self.items.pop();
                    self.skip_entry(fail, read - 1);
                } else {
                    // No entry but what is left of one: its `{` was lost, or it is the rest
                    // of the entry before it, ended by a `}` too early (`"name": "A"},\n
                    // "city": …`, the `}` not on a line of its own, the rest indented more
                    // than the entries), which goes too.
                    self.found.truncate(noted);
                    self.items.pop();
                    let deeper = match (self.indentation(start), self.indentation(first)) {
                        (Some(this), Some(entries)) => this > entries,
                        (None, _) => true,
                        (Some(_), None) => false,
                    };
                    let too_early = deeper
                        && last_end.is_some_and(|end: usize| self.indentation(end - 1).is_none())
                        && matches!(self.items.last(), Some(Json::Object(_)));
                    if too_early {
                        self.items.pop();
                    }
                    self.skip_entry(fail, read - 1 - usize::from(too_early));
                }
            } else {
                last_end = Some(end);
            }
            if self.peek() == Some(b']') {
                self.pos += 1;
                return;
            }
        }
    }

    /// Skips a value nested too deep, without recursion, still checking its brackets.
    fn skip_nested(&mut self) -> Result<(), Fail> {
        let mut stack = Vec::new();
        loop {
            self.skip_ws();
            match self.peek() {
                None => return Err(self.fail(SyntaxProblem::UnexpectedEnd)),
                Some(open @ (b'{' | b'[')) => {
                    stack.push(if open == b'{' { b'}' } else { b']' });
                    self.pos += 1;
                }
                Some(close @ (b'}' | b']')) => {
                    if stack.pop() != Some(close) {
                        return Err(self.unexpected());
                    }
                    self.pos += 1;
                    if stack.is_empty() {
                        return Ok(());
                    }
                }
                Some(b'"') => {
                    self.string()?.ok();
                }
                Some(b',' | b':') => self.pos += 1,
                Some(_) => {
                    self.scalar_in_skip()?;
                }
            }
        }
    }

    fn scalar_in_skip(&mut self) -> Result<(), Fail> {
        match self.peek() {
            Some(b't') => self.literal("true", Json::Null).map(drop),
            Some(b'f') => self.literal("false", Json::Null).map(drop),
            Some(b'n') => self.literal("null", Json::Null).map(drop),
            Some(b'-' | b'0'..=b'9') => self.number().map(drop),
            _ => Err(self.unexpected()),
        }
    }
}

/// Whether `key` numbers an entry of a list written as an object (`{"0": {…}, "2": {…}}`).
fn is_numbered(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit())
}

/// Keeps the last value of each key, as `JSON.parse` does, in O(n log n) (an object with
/// 40,000 keys must not freeze the page).
fn without_repeated_keys<'a>(
    pairs: Vec<(Cow<'a, str>, Json<'a>)>,
) -> Vec<(Cow<'a, str>, Json<'a>)> {
    if pairs.len() <= 16 {
        // The feed's own objects are small: compare directly, allocating nothing.
        let unique = pairs
            .iter()
            .enumerate()
            .all(|(i, (k, _))| pairs[..i].iter().all(|(other, _)| other != k));
        if unique {
            return pairs;
        }
    }
    // In key order (stable, so a key's occurrences stay in document order), a pair followed
    // by the same key is an earlier occurrence and gives way to the later one.
    let by_key = crate::sort::sorted_indices(pairs.len(), &|a, b| pairs[a].0.cmp(&pairs[b].0));
    let mut replaced = vec![false; pairs.len()];
    for w in by_key.windows(2) {
        if pairs[w[0]].0 == pairs[w[1]].0 {
            replaced[w[0]] = true;
        }
    }
    pairs
        .into_iter()
        .zip(replaced)
        .filter_map(|(pair, replaced)| (!replaced).then_some(pair))
        .collect()
}
