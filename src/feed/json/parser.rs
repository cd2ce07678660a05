//! The reader itself: a recursive descent over the bytes, with the position kept for the
//! line and column of a syntax error.

use std::borrow::Cow;

use super::{Fault, Json, MAX_DEPTH, SyntaxError, SyntaxProblem, line_column, marks};

/// Parses a whole JSON document.
pub fn parse(text: &str) -> Result<Json<'_>, SyntaxError> {
    parse_from(text, marks(text.as_bytes()), 0)
}

/// Parses `text` as the one value, found `depth` levels deep in its document, that a
/// streaming reader cut out of it (see `feed::read::stream`): no byte order mark is skipped,
/// and values nested deeper than [`MAX_DEPTH`] in the document are as invalid as they are in
/// it. A syntax error's line and column are within `text`.
pub(crate) fn parse_value(text: &str, depth: usize) -> Result<Json<'_>, SyntaxError> {
    parse_from(text, 0, depth)
}

fn parse_from(text: &str, start: usize, depth: usize) -> Result<Json<'_>, SyntaxError> {
    let mut p = Parser {
        text,
        src: text.as_bytes(),
        pos: start,
        pairs: Vec::new(),
        items: Vec::new(),
    };
    p.skip_ws();
    if p.pos == p.src.len() {
        return Err(p.error(SyntaxProblem::Empty));
    }
    let value = p.value(depth)?;
    p.skip_ws();
    if p.pos != p.src.len() {
        return Err(p.error(SyntaxProblem::TrailingText));
    }
    Ok(value)
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
}

impl<'a> Parser<'a> {
    fn error(&self, problem: SyntaxProblem) -> SyntaxError {
        let (line, column) = line_column(self.src, self.pos);
        SyntaxError {
            line,
            column,
            problem,
        }
    }

    fn unexpected(&self) -> SyntaxError {
        match std::str::from_utf8(&self.src[self.pos..])
            .ok()
            .and_then(|s| s.chars().next())
        {
            Some(c) => self.error(SyntaxProblem::UnexpectedChar(c)),
            None if self.pos >= self.src.len() => self.error(SyntaxProblem::UnexpectedEnd),
            None => {
                // `src` came from a `&str`, so `pos` is on a char boundary whenever this runs.
                let c = String::from_utf8_lossy(&self.src[self.pos..])
                    .chars()
                    .next()
                    .unwrap_or('\u{FFFD}');
                self.error(SyntaxProblem::UnexpectedChar(c))
            }
        }
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), SyntaxError> {
        self.skip_ws();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json<'a>, SyntaxError> {
        self.skip_ws();
        match self.peek() {
            None => Err(self.error(SyntaxProblem::UnexpectedEnd)),
            Some(b'{' | b'[') if depth >= MAX_DEPTH => {
                self.skip_nested()?;
                Ok(Json::Invalid(Fault::TooDeep))
            }
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
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

    fn literal(&mut self, word: &str, value: Json<'a>) -> Result<Json<'a>, SyntaxError> {
        if self.src[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.unexpected())
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json<'a>, SyntaxError> {
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(Vec::new()));
        }
        let mark = self.pairs.len();
        let result = self.members(depth);
        // On success, this object's members; on error, whatever the failed read left.
        let pairs: Vec<_> = self.pairs.drain(mark..).collect();
        result.map(|()| Json::Object(without_repeated_keys(pairs)))
    }

    /// Reads an object's members onto `self.pairs`, through its closing brace.
    fn members(&mut self, depth: usize) -> Result<(), SyntaxError> {
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.unexpected());
            }
            // A key with a lone surrogate cannot name a field the feed reads; keep it lossily.
            let key = self.string()?.unwrap_or(Cow::Borrowed("\u{FFFD}"));
            self.expect(b':')?;
            let value = self.value(depth + 1)?;
            self.pairs.push((key, value));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json<'a>, SyntaxError> {
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(Vec::new()));
        }
        let mark = self.items.len();
        let result = self.elements(depth);
        let items: Vec<_> = self.items.drain(mark..).collect();
        result.map(|()| Json::Array(items))
    }

    /// Reads an array's items onto `self.items`, through its closing bracket.
    fn elements(&mut self, depth: usize) -> Result<(), SyntaxError> {
        loop {
            let item = self.value(depth + 1)?;
            self.items.push(item);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    /// Skips a value nested too deep, without recursion, still checking its brackets.
    fn skip_nested(&mut self) -> Result<(), SyntaxError> {
        let mut stack = Vec::new();
        loop {
            self.skip_ws();
            match self.peek() {
                None => return Err(self.error(SyntaxProblem::UnexpectedEnd)),
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

    fn scalar_in_skip(&mut self) -> Result<(), SyntaxError> {
        match self.peek() {
            Some(b't') => self.literal("true", Json::Null).map(drop),
            Some(b'f') => self.literal("false", Json::Null).map(drop),
            Some(b'n') => self.literal("null", Json::Null).map(drop),
            Some(b'-' | b'0'..=b'9') => self.number().map(drop),
            _ => Err(self.unexpected()),
        }
    }

    fn number(&mut self) -> Result<Json<'a>, SyntaxError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error(SyntaxProblem::BadNumber)),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error(SyntaxProblem::BadNumber));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error(SyntaxProblem::BadNumber));
            }
            self.digits();
        }
        Ok(Json::Number(number_value(&self.src[start..self.pos])))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    /// The text from `self.pos` to the next quote or backslash, which it stops before.
    fn run(&mut self) -> &'a str {
        let start = self.pos;
        self.pos += super::to_quote_or_backslash(&self.src[start..]);
        // Runs start after and end before an ASCII byte (or at the ends of the text), so they
        // are whole characters.
        &self.text[start..self.pos]
    }

    /// Reads a string at `"`. The inner `Err` is a lone surrogate: valid JSON, unusable text.
    /// A string without escapes (nearly all of them) borrows from the text.
    fn string(&mut self) -> Result<Result<Cow<'a, str>, Fault>, SyntaxError> {
        self.pos += 1;
        let first = self.run();
        if self.peek() == Some(b'"') {
            self.pos += 1;
            return Ok(Ok(Cow::Borrowed(first)));
        }
        let mut out = String::from(first);
        let mut fault = None;
        loop {
            match self.peek() {
                None => return Err(self.error(SyntaxProblem::UnexpectedEnd)),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(fault.map_or(Ok(Cow::Owned(out)), Err));
                }
                _ => {
                    self.pos += 1;
                    match self.escape()? {
                        Some(c) => out.push(c),
                        None => fault = Some(Fault::LoneSurrogate),
                    }
                    out.push_str(self.run());
                }
            }
        }
    }

    /// Reads the escape after a backslash; `None` for a lone surrogate.
    fn escape(&mut self) -> Result<Option<char>, SyntaxError> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let first = self.hex4()?;
                return Ok(match first {
                    0xD800..=0xDBFF => {
                        if self.src[self.pos..].starts_with(b"\\u") {
                            let save = self.pos;
                            self.pos += 2;
                            let second = self.hex4()?;
                            if (0xDC00..=0xDFFF).contains(&second) {
                                let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                                char::from_u32(code)
                            } else {
                                self.pos = save;
                                None
                            }
                        } else {
                            None
                        }
                    }
                    0xDC00..=0xDFFF => None,
                    _ => char::from_u32(first),
                });
            }
            None => return Err(self.error(SyntaxProblem::UnexpectedEnd)),
            Some(_) => return Err(self.error(SyntaxProblem::BadEscape)),
        };
        self.pos += 1;
        Ok(Some(c))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| (b as char).to_digit(16));
            match digit {
                Some(d) => code = code * 16 + d,
                None => return Err(self.error(SyntaxProblem::BadEscape)),
            }
            self.pos += 1;
        }
        Ok(code)
    }
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

/// The value of an already validated JSON number. Computed by hand rather than with
/// `str::parse::<f64>`, which would add ~10 KB of exact decimal conversion to the Wasm; the
/// feed only reads small integers (`version`), for which this is exact.
pub(super) fn number_value(text: &[u8]) -> f64 {
    let (negative, text) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    };
    let mut value = 0.0f64;
    let mut scale = 0i32;
    let mut seen_point = false;
    let mut i = 0;
    while let Some(&b) = text.get(i) {
        match b {
            b'0'..=b'9' => {
                value = value * 10.0 + f64::from(b - b'0');
                if seen_point {
                    scale -= 1;
                }
            }
            b'.' => seen_point = true,
            _ => break,
        }
        i += 1;
    }
    if let Some(b'e' | b'E') = text.get(i) {
        let exp = &text[i + 1..];
        let (sign, digits) = match exp.split_first() {
            Some((b'-', d)) => (-1, d),
            Some((b'+', d)) => (1, d),
            _ => (1, exp),
        };
        let e = digits.iter().fold(0i32, |n, d| {
            n.saturating_mul(10).saturating_add(i32::from(d - b'0'))
        });
        scale = scale.saturating_add(sign * e);
    }
    let value = value * 10f64.powi(scale);
    if negative { -value } else { value }
}
