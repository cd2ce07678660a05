//! Reading the elements' attributes: on-off attributes, the feed's address, list attributes
//! as words, and values checked against what they may be, with what cannot be read said in
//! the console, in the widget's language, as `clusterkit: <clusterkit-chart id="x" by>: …`.

use leptos::prelude::*;

use super::Widget;
use crate::feed::Segment;
use crate::i18n::{Lang, Strings, fill};

/// One attribute of a widget's element, for what the console says of its value.
#[derive(Clone, Copy)]
pub(super) struct AttrAt {
    pub widget: Widget,
    /// The element's `id`, named in the message when it has one.
    pub id: Memo<Option<String>>,
    pub lang: Signal<Lang>,
    pub attr: &'static str,
    /// What the console has been told of this element's attributes: each once, however
    /// often the widget reads them again (any attribute's change reads them all).
    pub said: StoredValue<Vec<String>>,
}

impl AttrAt {
    /// Says `problem` of this attribute in the console, unless it has been said.
    pub(super) fn warn(self, problem: &str) {
        let id = self.id.get_untracked().unwrap_or_default();
        let element = if id.is_empty() {
            String::new()
        } else {
            format!(" id=\"{id}\"")
        };
        let message = format!(
            "clusterkit: <{}{element} {}>: {problem}",
            self.widget.tag(),
            self.attr
        );
        if self.said.with_value(|said| said.contains(&message)) {
            return;
        }
        web_sys::console::warn_1(&message.as_str().into());
        self.said.update_value(|said| said.push(message));
    }
}

/// The ids of a list attribute (`segments`, `categories`) that the feed defines in `defined`.
/// An id it does not define (a segment's name written for its id, say) would leave nothing
/// to show: it is left out, and said in the console, in the words of the feed's own
/// diagnostics (`problem`, with the id for `{id}`).
pub(super) fn known_ids(
    ids: Vec<String>,
    defined: &[Segment],
    problem: fn(&Strings) -> &'static str,
    at: AttrAt,
) -> Vec<String> {
    let (known, unknown): (Vec<String>, Vec<String>) = ids
        .into_iter()
        .partition(|id| defined.iter().any(|s| s.id == *id));
    for unknown in unknown {
        let template = problem(at.lang.get_untracked().strings());
        at.warn(&fill(template, &[("id", &unknown)]));
    }
    known
}

/// A value without the spaces and quotes around it: a CMS that "smartens" quotes writes
/// `feed=”/feeds/members.json”`, which HTML reads as a value with the quotes in it. No
/// attribute's value begins or ends with a quote. The loader's `prefetch` strips the same
/// from a feed's address.
pub(super) fn unquoted(value: &str) -> &str {
    value.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\'' | '“' | '”' | '„' | '″' | '‘' | '’' | '«' | '»'
            )
    })
}

/// An on-off attribute's value: on when present, as HTML's own, except written `false`, as
/// frameworks write a false binding on a custom element (Vue 3: `hide-filters="false"`).
pub(super) fn flag(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.eq_ignore_ascii_case("false"))
}

/// An attribute's value (read without the spaces and quotes around it: see `embed::tidy`)
/// as `read` reads it. A value it cannot read (a typo, a word of another
/// language) is said in the console with the values it takes, `choices`, and the default
/// applies.
pub(super) fn choice<T>(
    value: Option<String>,
    read: impl Fn(&str) -> Option<T>,
    choices: &str,
    at: AttrAt,
) -> Option<T> {
    let value = value?;
    let read = read(&value);
    if read.is_none() && !value.is_empty() {
        let template = at.lang.get_untracked().strings().d_bad_choice;
        at.warn(&fill(template, &[("value", &value), ("choices", choices)]));
    }
    read
}

/// A month attribute's value, `2026-11`; one it cannot read is said in the console, as by
/// [`choice`], and the current month applies.
pub(super) fn month(value: Option<String>, at: AttrAt) -> Option<crate::feed::Date> {
    let value = value?;
    let month = crate::feed::Date::parse(&format!("{value}-01"));
    if month.is_none() && !value.is_empty() {
        let template = at.lang.get_untracked().strings().d_bad_month;
        at.warn(&fill(template, &[("value", &value)]));
    }
    month
}

/// The ids of a list attribute: comma-separated where it has a comma (so that an id may hold
/// a space: `segments="post production, vfx"`), else space-separated (`"animation vfx"`).
pub(super) fn words(value: Option<String>) -> Vec<String> {
    let value = value.unwrap_or_default();
    let ids: Vec<&str> = if value.contains(',') {
        value.split(',').map(str::trim).collect()
    } else {
        value.split_whitespace().collect()
    };
    ids.into_iter()
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn a_list_attribute_takes_commas_or_spaces_and_ids_with_spaces_between_commas() {
        let ids = |v: &str| words(Some(v.to_owned()));
        assert_eq!(ids("animation vfx"), ["animation", "vfx"]);
        assert_eq!(ids(" animation,vfx ,"), ["animation", "vfx"]);
        assert_eq!(ids("animation\n\tvfx"), ["animation", "vfx"]);
        assert_eq!(
            ids("post production, vfx"),
            ["post production", "vfx"],
            "an id with a space, in a list with commas"
        );
        assert_eq!(ids(""), Vec::<String>::new());
    }
}
