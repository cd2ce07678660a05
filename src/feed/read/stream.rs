//! Reading a feed as its bytes arrive. A feed written as most are, its segments before its
//! members and events, has each member and event read as soon as its closing brace is in,
//! while the rest downloads, in small steps that keep the page responsive; the other values
//! are kept as byte ranges and read at the end.
//!
//! [`Reading::finish`] gives exactly what [`parse_bytes`] gives for the same bytes. Whatever
//! the outline cannot take as it comes (a byte order mark, text that is not UTF-8 or was
//! encoded twice, a repeated key, a syntax error, a feed wrapped in another object) leaves
//! the whole document to `parse_bytes` at the end, with the line and column it reports.

use std::borrow::Cow;
use std::ops::Range;

use super::{
    Early, Known, List, Listed, PARTS, ParsedFeed, cluster_zone, list, parse_bytes, read_event,
    read_feed, read_member, read_segment,
};
use crate::feed::encoding::encoded_twice;
use crate::feed::json::{self, Json, SyntaxError};
use crate::feed::{Event, Member, Segment};

/// Where the reader is in the document's outline: its top-level object, and the items of
/// the lists it reads as they come.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
enum Place {
    /// Before the top-level `{`.
    #[default]
    Start,
    /// Before a key (or, first, the closing `}`).
    Key { first: bool },
    /// After a key.
    Colon,
    /// Before a top-level value.
    Value,
    /// Before a list's item (or, first, the closing `]`).
    Item { first: bool },
    /// After a list's item.
    AfterItem,
    /// After a top-level value.
    AfterValue,
    /// After the top-level `}`: only white space may follow.
    End,
}

/// A value being scanned for its end: where it starts, how deeply nested the scan is in it,
/// and whether it is in a string (just after a backslash).
struct Scan {
    start: usize,
    depth: u32,
    string: bool,
    escaped: bool,
}

impl Scan {
    /// Moves `pos` on through `bytes` to the end of the value: the `,`, `:`, `}` or `]` after
    /// it, outside any string or bracket of its own. `None` where the bytes end first.
    fn run(&mut self, bytes: &[u8], pos: &mut usize) -> Option<usize> {
        while let Some(&b) = bytes.get(*pos) {
            if self.string {
                if self.escaped {
                    self.escaped = false;
                } else {
                    // On to the string's next quote or backslash.
                    *pos += json::to_quote_or_backslash(&bytes[*pos..]);
                    match bytes.get(*pos) {
                        Some(b'\\') => self.escaped = true,
                        Some(_) => self.string = false,
                        None => return None,
                    }
                }
            } else {
                match b {
                    b'"' => self.string = true,
                    b'{' | b'[' => self.depth += 1,
                    b',' | b':' | b'}' | b']' if self.depth == 0 => return Some(*pos),
                    b'}' | b']' => self.depth -= 1,
                    _ => {}
                }
            }
            *pos += 1;
        }
        None
    }
}

/// A feed being read as it arrives: [`push`](Self::push) each chunk, then
/// [`finish`](Self::finish).
#[derive(Default)]
pub(crate) struct Reading {
    bytes: Vec<u8>,
    /// How far the outline is read.
    pos: usize,
    place: Place,
    scan: Option<Scan>,
    /// The top-level keys so far, the last one the key of the value being read.
    keys: Vec<String>,
    /// The top-level values read at the end.
    kept: Vec<(usize, Range<usize>)>,
    known: Option<Known>,
    /// The cluster's time zone, once its value is in: events, whose wall-clock times are
    /// checked in it, are read as they come only after it.
    zone: Option<String>,
    segments: Option<Listed<Segment>>,
    categories: Option<Listed<Segment>>,
    members: Option<List<Member>>,
    events: Option<List<Event>>,
    /// Whether the whole document is left to [`parse_bytes`].
    whole: bool,
}

impl Reading {
    /// A reading of a feed of about `length` bytes, room made for them at once.
    pub(crate) fn with_capacity(length: usize) -> Self {
        Reading {
            bytes: Vec::with_capacity(length),
            ..Reading::default()
        }
    }

    /// Takes the next chunk of the feed's bytes, and reads what it completes.
    pub(crate) fn push(&mut self, chunk: &[u8]) {
        self.push_with(chunk.len(), |room| room.copy_from_slice(chunk));
    }

    /// Takes the next `length` bytes of the feed as `fill` writes them into their room, and
    /// reads what they complete: a chunk of the body goes from the browser's memory straight
    /// to the feed's, not through a copy of its own.
    pub(crate) fn push_with(&mut self, length: usize, fill: impl FnOnce(&mut [u8])) {
        let at = self.bytes.len();
        self.bytes.resize(at + length, 0);
        fill(&mut self.bytes[at..]);
        if !self.whole && self.advance().is_none() {
            // What was read goes: the whole document is read again at the end.
            *self = Reading {
                bytes: std::mem::take(&mut self.bytes),
                whole: true,
                ..Reading::default()
            };
        }
    }

    /// The bytes so far.
    pub(crate) fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The feed, as [`parse_bytes`] reads all the bytes pushed, and those bytes.
    pub(crate) fn finish(mut self) -> (Result<ParsedFeed, SyntaxError>, Vec<u8>) {
        let read = match self.read_rest() {
            Some(read) => Ok(read),
            None => parse_bytes(&self.bytes),
        };
        (read, self.bytes)
    }

    /// Reads the outline as far as the bytes go; `None` where it cannot be read as it comes.
    fn advance(&mut self) -> Option<()> {
        loop {
            if let Some(scan) = &mut self.scan {
                let Some(end) = scan.run(&self.bytes, &mut self.pos) else {
                    return Some(());
                };
                let start = scan.start;
                self.scan = None;
                self.take(start..end)?;
                continue;
            }
            let Some(&b) = self.bytes.get(self.pos) else {
                return Some(());
            };
            if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                self.pos += 1;
                continue;
            }
            // Byte order marks, before anything else only, as the parser skips them.
            if self.place == Place::Start && b == 0xEF {
                const MARK: &[u8] = "\u{feff}".as_bytes();
                if !self.bytes[..self.pos].chunks(3).all(|c| c == MARK) {
                    return None;
                }
                match self.bytes.get(self.pos..self.pos + 3) {
                    None => return Some(()),
                    Some(MARK) => self.pos += 3,
                    Some(_) => return None,
                }
                continue;
            }
            self.place = match (self.place, b) {
                (Place::Start, b'{') => Place::Key { first: true },
                (Place::Key { first: true } | Place::AfterValue, b'}') => Place::End,
                (Place::Colon, b':') => Place::Value,
                (Place::Value, b'[') if self.starts_list() => Place::Item { first: true },
                (Place::Item { first: true } | Place::AfterItem, b']') => Place::AfterValue,
                (Place::AfterItem, b',') => Place::Item { first: false },
                (Place::AfterValue, b',') => Place::Key { first: false },
                (Place::Key { .. }, b'"') | (Place::Value | Place::Item { .. }, _) => {
                    self.scan = Some(Scan {
                        start: self.pos,
                        depth: 0,
                        string: false,
                        escaped: false,
                    });
                    continue;
                }
                _ => return None,
            };
            self.pos += 1;
        }
    }

    /// Whether the value about to start, a list, is one read item by item: members' and
    /// events', once the segments they name are known.
    fn starts_list(&mut self) -> bool {
        if self.known.is_none() {
            return false;
        }
        match self.keys.last().map(String::as_str) {
            Some("members") => self.members = Some(List::new("members", read_member)),
            Some("events") => match (&mut self.known, &self.zone) {
                (Some(known), Some(zone)) => {
                    known.zone.clone_from(zone);
                    self.events = Some(List::new("events", read_event));
                }
                _ => return false,
            },
            _ => return false,
        }
        true
    }

    /// Reads the key, value or item that ends at `range.end`.
    fn take(&mut self, range: Range<usize>) -> Option<()> {
        let text = std::str::from_utf8(&self.bytes[range.clone()]).ok()?;
        // Text encoded twice (see `encoding::decode`) is read again as a whole. Its runs are
        // of characters past ASCII, which never reach across the ASCII delimiters between
        // ranges: a range holds one whole, or none. An "â" or "Ã" alone ("Château") is no
        // run.
        if encoded_twice(text).is_some() {
            return None;
        }
        match self.place {
            Place::Key { .. } => {
                let key = match json::parse_value(text, 1).ok()? {
                    Json::String(key) => key.into_owned(),
                    // As the parser keeps a key with a lone surrogate.
                    Json::Invalid(_) => "\u{FFFD}".into(),
                    _ => return None,
                };
                // A repeated key's last value counts: only the whole document tells which.
                // Past a few dozen keys (a feed has six), the whole document's reading finds
                // the repeats without comparing each key with every other.
                if self.keys.len() > 64 || self.keys.contains(&key) {
                    return None;
                }
                self.keys.push(key);
                self.place = Place::Colon;
            }
            Place::Value => {
                let named = match self.keys.last()?.as_str() {
                    "segments" => Some("segments"),
                    "categories" => Some("categories"),
                    _ => None,
                };
                if let Some(key) = named {
                    // Events read before their categories' list may name one by its name:
                    // the whole document's reading reads them against the list.
                    if key == "categories" && self.events.is_some() {
                        return None;
                    }
                    let value = json::parse_value(text, 1).ok()?;
                    let listed = list(Some(&value), key, read_segment, &Known::default());
                    if key == "segments" {
                        self.segments = Some(listed);
                    } else {
                        self.categories = Some(listed);
                    }
                    if let Some(segments) = &self.segments {
                        let categories = self.categories.as_ref().map_or(&[][..], |c| &c.items);
                        self.known = Some(Known::new(&segments.items, categories));
                    }
                } else {
                    if self.keys.last()? == "cluster" {
                        self.zone = Some(cluster_zone(&json::parse_value(text, 1).ok()?));
                    }
                    self.kept.push((self.keys.len() - 1, range));
                }
                self.place = Place::AfterValue;
            }
            Place::Item { .. } => {
                let item = json::parse_value(text, 2).ok()?;
                let known = self.known.as_ref()?;
                if self.keys.last()? == "members" {
                    self.members.as_mut()?.read(&item, known);
                } else {
                    self.events.as_mut()?.read(&item, known);
                }
                self.place = Place::AfterItem;
            }
            _ => return None,
        }
        Some(())
    }

    /// The feed, if the outline was read to its end; the values kept are read now.
    fn read_rest(&mut self) -> Option<ParsedFeed> {
        // A feed wrapped in another object is found by the whole document's reading.
        if self.whole
            || self.place != Place::End
            || !self.keys.iter().any(|k| PARTS.contains(&k.as_str()))
        {
            return None;
        }
        let mut pairs = Vec::with_capacity(self.kept.len());
        for (key, range) in &self.kept {
            let text = std::str::from_utf8(&self.bytes[range.clone()]).ok()?;
            let value = json::parse_value(text, 1).ok()?;
            pairs.push((Cow::Borrowed(self.keys[*key].as_str()), value));
        }
        let early = Early {
            segments: self.segments.take(),
            categories: self.categories.take(),
            members: self.members.take().map(List::done),
            events: self.events.take().map(List::done),
        };
        Some(read_feed(&Json::Object(pairs), early))
    }
}

#[cfg(test)]
mod tests;
