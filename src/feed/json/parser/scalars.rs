//! The reader's scalars: strings (a run of plain text borrowed, escapes and surrogate pairs
//! decoded) and numbers (checked as JSON writes them, and their value worked out by hand).

use std::borrow::Cow;

use super::{Fail, Parser};
use crate::feed::json::{Fault, Json, SyntaxProblem};

impl<'a> Parser<'a> {
    /// Reads a number, checked as JSON writes it.
    pub(super) fn number(&mut self) -> Result<Json<'a>, Fail> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.fail(SyntaxProblem::BadNumber)),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.fail(SyntaxProblem::BadNumber));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.fail(SyntaxProblem::BadNumber));
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
        self.pos += crate::feed::json::to_quote_or_backslash(&self.src[start..]);
        // Runs start after and end before an ASCII byte (or at the ends of the text), so they
        // are whole characters.
        &self.text[start..self.pos]
    }

    /// Reads a string at `"`. The inner `Err` is a lone surrogate: valid JSON, unusable text.
    /// A string without escapes (nearly all of them) borrows from the text.
    pub(super) fn string(&mut self) -> Result<Result<Cow<'a, str>, Fault>, Fail> {
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
                None => return Err(self.fail(SyntaxProblem::UnexpectedEnd)),
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
    fn escape(&mut self) -> Result<Option<char>, Fail> {
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
            None => return Err(self.fail(SyntaxProblem::UnexpectedEnd)),
            Some(_) => return Err(self.fail(SyntaxProblem::BadEscape)),
        };
        self.pos += 1;
        Ok(Some(c))
    }

    fn hex4(&mut self) -> Result<u32, Fail> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| (b as char).to_digit(16));
            match digit {
                Some(d) => code = code * 16 + d,
                None => return Err(self.fail(SyntaxProblem::BadEscape)),
            }
            self.pos += 1;
        }
        Ok(code)
    }
}

/// The value of an already validated JSON number. Computed by hand rather than with
/// `str::parse::<f64>`, which would add ~10 KB of exact decimal conversion to the Wasm; the
/// feed only reads small integers (`version`), for which this is exact.
pub(in crate::feed::json) fn number_value(text: &[u8]) -> f64 {
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
