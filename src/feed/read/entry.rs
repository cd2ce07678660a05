//! One entry of the feed being read: its fields, each read leniently, and the diagnostics of
//! what was wrong with them.

use std::cell::Cell;
use std::fmt;

use super::values::{
    contact_as_meant, is_placeholder, mended_date, read_id, text, website_as_meant, when, with_str,
};
use super::{Known, Listed, without_repeats};
use crate::feed::When;
use crate::feed::diag::{Diagnostic, Expected, Problem};
use crate::feed::json::Json;
use crate::feed::text::{Text, is_blank};

#[derive(Default)]
pub(super) struct Cx {
    pub(super) diags: Vec<Diagnostic>,
}

impl Cx {
    pub(super) fn report(&mut self, path: String, problem: Problem, skipped: bool) {
        self.diags.push(Diagnostic {
            path,
            problem,
            skipped,
        });
    }

    /// A list's entries and how many were skipped, its diagnostics now the feed's.
    pub(super) fn take<T>(&mut self, list: Listed<T>) -> (Vec<T>, usize) {
        self.diags.extend(list.diags);
        (list.items, list.skipped)
    }
}

pub(super) fn wrong(expected: Expected, found: &Json) -> Problem {
    match found {
        Json::Invalid(fault) => (*fault).into(),
        _ => Problem::WrongType {
            expected,
            found: found.type_name(),
        },
    }
}

/// Whether `v` is markup that reads as spaces only (`&nbsp;`, `<p></p>`), which counts as not
/// given, as blank text does. Asked only of a value its reader refused (every reader refuses
/// such a value, empty once read), so that the values read fine are not scanned for it again.
fn reads_blank(v: &Json) -> bool {
    matches!(v, Json::String(s) if is_blank(s))
}

/// Where an entry is: `cluster`, or `members[3]`. Written out only for a diagnostic, so a
/// 10,000-member feed reads its clean entries without formatting a path for each.
#[derive(Clone, Copy)]
pub(super) struct At<'k> {
    pub(super) list: &'k str,
    pub(super) index: Option<usize>,
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.index {
            Some(i) => write!(f, "{}[{i}]", self.list),
            None => f.write_str(self.list),
        }
    }
}

/// Whether `key` is the field name `field` (small letters, words joined by `_`) in other
/// letters or with other joins (`Default language`, `E-mail`), without a copy of either.
fn same_name(key: &str, field: &str) -> bool {
    let mut k = key.bytes().filter(|b| !matches!(b, b' ' | b'-' | b'_'));
    let mut f = field.bytes().filter(|b| *b != b'_');
    loop {
        match (k.next(), f.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) if a.to_ascii_lowercase() == b => {}
            _ => return false,
        }
    }
}

/// One entry of a list being read: its object, its place, and whether it must be skipped.
pub(super) struct Entry<'a> {
    pub(super) cx: &'a mut Cx,
    pub(super) obj: &'a Json<'a>,
    pub(super) path: At<'a>,
    pub(super) failed: bool,
    /// Where the last field read was: see [`Json::get_from`].
    pub(super) cursor: Cell<usize>,
}

impl<'a> Entry<'a> {
    /// Says each key of the entry that is one of its `fields` written otherwise (`Website`,
    /// `E-mail`, `Default language`: a spreadsheet's column headings), whose value is not read: an
    /// unknown field is ignored without a word, and this one would go unnoticed.
    pub(super) fn miswritten(&mut self, fields: &'static [&'static str]) {
        let Json::Object(pairs) = self.obj else {
            return;
        };
        for (key, _) in pairs {
            // Only a key with a capital or a space can be one: the others cost a glance.
            if !key
                .bytes()
                .any(|b| b.is_ascii_uppercase() || b == b' ' || b == b'-')
            {
                continue;
            }
            // Not beside the field itself (`"ID"` of a CRM's own beside `"id"`): the feed's
            // own data, which the advice would make a repeated key.
            let meant = fields
                .iter()
                .find(|f| same_name(key, f) && self.obj.get(f).is_none());
            if let Some(field) = meant {
                let problem = Problem::FieldMiswritten(field);
                self.cx.report(self.field(key), problem, false);
            }
        }
    }

    pub(super) fn get(&self, key: &str) -> Option<&'a Json<'a>> {
        self.obj.get_from(key, &self.cursor)
    }

    pub(super) fn field(&self, key: &str) -> String {
        format!("{}.{key}", self.path)
    }

    /// Reads a required field; a missing or bad one fails the entry.
    pub(super) fn required<T>(
        &mut self,
        key: &str,
        read: impl FnOnce(&Json) -> Result<T, Problem>,
    ) -> Option<T> {
        let result = match self.get(key) {
            None | Some(Json::Null) => Err(Problem::Missing),
            Some(v) => read(v),
        };
        result.map_err(|p| self.fail(key, p)).ok()
    }

    pub(super) fn fail(&mut self, key: &str, problem: Problem) {
        self.failed = true;
        let path = self.field(key);
        self.cx.report(path, problem, true);
    }

    /// Reads an optional field; `null` and `""` count as absent, a bad value is dropped.
    pub(super) fn optional<T>(
        &mut self,
        key: &str,
        read: impl FnOnce(&Json) -> Result<T, Problem>,
    ) -> Option<T> {
        match self.get(key) {
            None | Some(Json::Null) => None,
            Some(Json::String(s)) if s.trim().is_empty() => None,
            Some(v) => read(v)
                .map_err(|p| {
                    if !reads_blank(v) {
                        self.cx.report(self.field(key), p, false);
                    }
                })
                .ok(),
        }
    }

    /// Reads an optional e-mail address or phone number that passes `ok`, else reports `bad`,
    /// as [`contact_as_meant`] reads it, saying how it was written.
    pub(super) fn contact(
        &mut self,
        key: &str,
        scheme: &'static str,
        ok: fn(&str) -> bool,
        bad: Problem,
    ) -> Option<String> {
        if self.placeholder(key) {
            return None;
        }
        self.noted(key, |s| contact_as_meant(s, scheme, ok, bad))
    }

    /// Whether `key` holds a spreadsheet's `-` for none ([`is_placeholder`]).
    fn placeholder(&self, key: &str) -> bool {
        matches!(self.get(key), Some(Json::String(s)) if is_placeholder(s))
    }

    /// Reads a date or date-time field (`required` or not), or one written otherwise that
    /// [`mended_date`] reads as meant, and says so: an event written `2026-12-7` or
    /// `18h` was skipped whole. `start` is the event's, for an `end` written as a time alone.
    pub(super) fn date(&mut self, key: &str, required: bool, start: Option<When>) -> Option<When> {
        if let Some(value @ Json::String(written)) = self.get(key) {
            // Read once, as most are written; mended only where that fails.
            match when(value) {
                Ok(read) => return Some(read),
                Err(_) => {
                    if let Some(meant) = mended_date(written.trim(), start)
                        && let Ok(read) = when(&Json::String(meant.as_str().into()))
                    {
                        self.cx
                            .report(self.field(key), Problem::DateMended(meant), false);
                        return Some(read);
                    }
                }
            }
        }
        if required {
            self.required(key, when)
        } else {
            self.optional(key, when)
        }
    }

    /// Reads an optional website as [`website_as_meant`] reads it, saying how it was written.
    pub(super) fn website(&mut self, key: &str) -> Option<String> {
        if self.placeholder(key) {
            return None;
        }
        self.noted(key, website_as_meant)
    }

    /// Reads an optional string field with `read`, which gives it and what to say of it.
    fn noted(
        &mut self,
        key: &str,
        read: impl FnOnce(&str) -> Result<(String, Option<Problem>), Problem>,
    ) -> Option<String> {
        let (value, said) = self.optional(key, |v| with_str(v, read))?;
        if let Some(problem) = said {
            self.cx.report(self.field(key), problem, false);
        }
        Some(value)
    }

    /// Reads an optional list of strings (of `read`'s) item by item, dropping bad items only.
    /// `check` keeps an item (`Ok(None)`), drops it (`Err`), or reads it as another, said in
    /// a diagnostic (`Ok(Some)`).
    pub(super) fn strings(
        &mut self,
        key: &str,
        read: fn(&Json) -> Result<String, Problem>,
        mut check: impl FnMut(&str) -> Result<Option<(String, Problem)>, Problem>,
    ) -> Vec<String> {
        let parts: Vec<Json>;
        let items = match self.get(key) {
            None | Some(Json::Null) => return vec![],
            Some(Json::Array(items)) => items.as_slice(),
            // A spreadsheet's cell (`"dobraxe, son"`, `"production"`): the list of what its
            // commas part, said as such.
            Some(Json::String(text)) if !text.trim().is_empty() => {
                let texts: Vec<&str> = text.split([',', ';', '\n']).map(str::trim).collect();
                let list: Vec<String> = (texts.iter())
                    .filter(|p| !p.is_empty())
                    .map(|p| format!("\"{p}\""))
                    .collect();
                parts = (texts.into_iter())
                    .map(|part| Json::String(part.to_owned().into()))
                    .collect();
                let said = Problem::ListAsText(format!("[{}]", list.join(", ")));
                self.cx.report(self.field(key), said, false);
                &parts
            }
            Some(other) => {
                self.cx
                    .report(self.field(key), wrong(Expected::Array, other), false);
                return vec![];
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if matches!(item, Json::Null) || matches!(item, Json::String(s) if s.trim().is_empty())
            {
                continue; // a blank cell of a spreadsheet export, not an error
            }
            let at = |path| format!("{path}.{key}[{i}]");
            let s = match read(item).and_then(|s| Ok((check(&s)?, s))) {
                Ok((None, s)) => s,
                Ok((Some((s, said)), _)) => {
                    self.cx.report(at(self.path), said, false);
                    s
                }
                Err(p) => {
                    if !reads_blank(item) {
                        self.cx.report(at(self.path), p, false);
                    }
                    continue;
                }
            };
            out.push(s);
        }
        without_repeats(out, false)
    }
}

impl Entry<'_> {
    pub(super) fn required_text(&mut self, key: &str) -> Option<Text> {
        let value = self.get(key);
        let (cx, path) = (&mut *self.cx, self.path);
        let result = match value {
            None | Some(Json::Null) => Err(Problem::Missing),
            Some(v) => text(cx, path, key, v).and_then(|t| {
                if t.is_empty() {
                    Err(Problem::Empty)
                } else {
                    Ok(t)
                }
            }),
        };
        result.map_err(|p| self.fail(key, p)).ok()
    }

    pub(super) fn optional_text(&mut self, key: &str) -> Option<Text> {
        let value = self.get(key);
        let (cx, path) = (&mut *self.cx, self.path);
        let result = match value {
            None | Some(Json::Null) => return None,
            Some(v) => text(cx, path, key, v),
        };
        match result {
            Ok(t) if t.is_empty() => None,
            Ok(t) => Some(t),
            // Nothing to say beyond what each language's text said, if anything.
            Err(Problem::Empty | Problem::NoText) => None,
            Err(p) => {
                self.cx.report(self.field(key), p, false);
                None
            }
        }
    }

    /// The segments an entry refers to: by id, or by a name or an id in other letters that
    /// names one segment only (`"Producción"`, `"sound"` for `"Sound"`), read as its id.
    pub(super) fn segment_refs(&mut self, known: &Known) -> Vec<String> {
        self.strings("segments", read_id, |written| {
            match known.segments.id_of(written) {
                Some(id) if id == written => Ok(None),
                Some(id) => {
                    let said = Problem::SegmentNamed {
                        written: written.to_owned(),
                        id: id.to_owned(),
                    };
                    Ok(Some((id.to_owned(), said)))
                }
                None => Err(Problem::UnknownSegment(written.to_owned())),
            }
        })
    }

    /// The category an event names: an id, listed or not (an id the feed does not list is
    /// shown as it is), or a listed category's name or id in other letters, read as its id.
    pub(super) fn category_ref(&mut self, known: &Known) -> Option<String> {
        let written = self.optional("category", read_id)?;
        match known.categories.id_of(&written) {
            Some(id) if id != written => {
                let id = id.to_owned();
                let said = Problem::CategoryNamed {
                    written,
                    id: id.clone(),
                };
                self.cx.report(self.field("category"), said, false);
                Some(id)
            }
            _ => Some(written),
        }
    }
}
