//! The feed's top-level lists, read an entry at a time, and the segments their entries name.

use rustc_hash::FxHashMap;
use std::cell::Cell;

use super::entry::{At, Cx, Entry, wrong};
use crate::feed::Segment;
use crate::feed::diag::{Diagnostic, Expected, Problem};
use crate::feed::json::Json;

/// A list's ids, for the entries that refer to its entries: each id, and each name or id
/// folded (see [`fold`](crate::search::fold)) once per feed, not once per reference.
#[derive(Default)]
pub(super) struct Names {
    /// The ids, in a set: a feed of thousands of segments, each member in dozens, is read
    /// without a scan of them all per reference.
    ids: FxHashMap<String, ()>,
    /// Each folded id or name's entry id (`None` where two entries share it).
    spelled: FxHashMap<String, Option<String>>,
}

impl Names {
    pub(super) fn new(list: &[Segment]) -> Self {
        let mut ids = FxHashMap::default();
        let mut spelled: FxHashMap<String, Option<String>> = FxHashMap::default();
        for s in list {
            ids.insert(s.id.clone(), ());
            for name in std::iter::once(s.id.as_str()).chain(s.name.variants()) {
                let id = spelled
                    .entry(crate::search::fold(name))
                    .or_insert_with(|| Some(s.id.clone()));
                if id.as_ref() != Some(&s.id) {
                    *id = None;
                }
            }
        }
        Names { ids, spelled }
    }

    /// The id of the one entry `written` names: itself where it is an id; else the entry
    /// with that name or id in other letters (`"Producción"`, `"sound"` for `"Sound"`), if
    /// only one has it.
    pub(super) fn id_of<'a>(&'a self, written: &'a str) -> Option<&'a str> {
        if self.ids.contains_key(written) {
            return Some(written);
        }
        self.spelled.get(&crate::search::fold(written))?.as_deref()
    }
}

/// The feed's segments and categories, for the entries that refer to them, and its time
/// zone.
#[derive(Default)]
pub(super) struct Known {
    pub(super) segments: Names,
    pub(super) categories: Names,
    /// The cluster's time zone, which an event's wall-clock times are read in unless it
    /// names its own.
    pub(super) zone: String,
}

impl Known {
    pub(super) fn new(segments: &[Segment], categories: &[Segment]) -> Self {
        Known {
            segments: Names::new(segments),
            categories: Names::new(categories),
            zone: "UTC".into(),
        }
    }
}

/// A top-level list as read: its entries, how many were skipped, and its diagnostics.
pub(super) struct Listed<T> {
    pub(super) items: Vec<T>,
    pub(super) skipped: usize,
    pub(super) diags: Vec<Diagnostic>,
}

/// Reads the top-level list `value` of `key`, skipping bad entries and later duplicates of an
/// id.
pub(super) fn list<T>(
    value: Option<&Json>,
    key: &'static str,
    read: Reader<T>,
    known: &Known,
) -> Listed<T> {
    let mut list = List::new(key, read);
    let items: Vec<&Json> = match value {
        None | Some(Json::Null) => vec![],
        Some(Json::Array(items)) => items.iter().collect(),
        // A list as PHP's `json_encode` writes one whose keys are no longer 0, 1, 2… (after
        // an `unset` or an `array_filter`): an object of numbered entries, read in order.
        Some(Json::Object(pairs))
            if !pairs.is_empty()
                && pairs.iter().all(|(k, v)| {
                    k.bytes().all(|b| b.is_ascii_digit()) && matches!(v, Json::Object(_))
                }) =>
        {
            list.cx
                .report(key.to_owned(), Problem::NumberedObject, false);
            pairs.iter().map(|(_, v)| v).collect()
        }
        Some(other) => {
            list.cx
                .report(key.to_owned(), wrong(Expected::Array, other), false);
            vec![]
        }
    };
    list.items.reserve(items.len());
    for obj in items {
        list.read(obj, known);
    }
    list.done()
}

/// An entry's `id` as a later entry of list `key` repeats it: a segment's or a category's in
/// other letters (`Production` is `production`, as members and events name either; folded
/// as the search folds, not with `to_lowercase`'s tables), the others' as written.
pub(in crate::feed) fn folded_id<'a>(key: &str, id: &'a str) -> std::borrow::Cow<'a, str> {
    let plain = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_';
    if matches!(key, "segments" | "categories") && !id.bytes().all(plain) {
        std::borrow::Cow::Owned(crate::search::fold(id))
    } else {
        std::borrow::Cow::Borrowed(id)
    }
}

/// What reads an entry of a list: its id and its value, or `None` (said in its diagnostics)
/// where it is skipped.
pub(super) type Reader<T> = fn(&mut Entry, &Known) -> Option<(String, T)>;

/// A top-level list being read, an entry at a time.
pub(super) struct List<T> {
    pub(super) key: &'static str,
    pub(super) read: Reader<T>,
    pub(super) cx: Cx,
    pub(super) items: Vec<T>,
    /// The place of each id read so far, for the later entries that repeat it.
    pub(super) seen: FxHashMap<String, usize>,
    /// How many entries were read.
    pub(super) count: usize,
}

impl<T> List<T> {
    pub(super) fn new(key: &'static str, read: Reader<T>) -> Self {
        List {
            key,
            read,
            cx: Cx::default(),
            items: Vec::new(),
            seen: FxHashMap::default(),
            count: 0,
        }
    }

    /// Reads the list's next entry `obj`: kept, or skipped with its reasons.
    pub(super) fn read(&mut self, obj: &Json, known: &Known) {
        let (key, i) = (self.key, self.count);
        self.count += 1;
        let path = At {
            list: key,
            index: Some(i),
        };
        if !matches!(obj, Json::Object(_)) {
            self.cx
                .report(path.to_string(), wrong(Expected::Object, obj), true);
            return;
        }
        let first_diag = self.cx.diags.len();
        let mut entry = Entry {
            cx: &mut self.cx,
            obj,
            path,
            failed: false,
            cursor: Cell::new(0),
        };
        let result = (self.read)(&mut entry, known);
        let failed = entry.failed;
        match result {
            Some((id, value)) if !failed => {
                let seen_as = folded_id(key, &id);
                if let Some(&first) = self.seen.get(seen_as.as_ref()) {
                    self.cx.report(
                        format!("{path}.id"),
                        Problem::DuplicateId {
                            id,
                            first: format!("{key}[{first}]"),
                        },
                        true,
                    );
                } else {
                    self.seen.insert(seen_as.into_owned(), i);
                    self.items.push(value);
                    return;
                }
            }
            _ => {}
        }
        for d in &mut self.cx.diags[first_diag..] {
            d.skipped = true;
        }
    }

    pub(super) fn done(self) -> Listed<T> {
        Listed {
            skipped: self.count - self.items.len(),
            items: self.items,
            diags: self.cx.diags,
        }
    }
}
