//! The calendar's filters: segments and categories (within one, any chosen; across the two,
//! both), and a search in the event's title, place and description, as the directory's.

use leptos::prelude::*;

use crate::feed::{Event, Feed};
use std::fmt::Write;

use wasm_bindgen::JsCast;

use crate::i18n::intl::format_number;
use crate::i18n::{Lang, fill};
use crate::search::{Query, fold_text};
use crate::ui::{escape, name_of};

/// What the visitor has chosen.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct EventFilter {
    /// Segment ids: an event in any of them is kept.
    pub segments: Vec<String>,
    /// Category ids: an event in any of them is kept.
    pub categories: Vec<String>,
    /// Words typed: every one must be found (the last as a prefix).
    pub query: String,
}

impl EventFilter {
    /// Which of the feed's events are kept, by index; texts searched in `lang`.
    pub(crate) fn keeps(&self, feed: &Feed, lang: Lang) -> Vec<bool> {
        let (found, _) = self.found(feed, lang);
        (feed.events.iter().zip(found))
            .map(|(e, text): (&Event, bool)| {
                let segment = self.segments.is_empty()
                    || e.segments.iter().any(|s| self.segments.contains(s));
                let category = self.categories.is_empty()
                    || e.category
                        .as_ref()
                        .is_some_and(|c| self.categories.contains(c));
                segment && category && text
            })
            .collect()
    }

    /// Which events the search finds, by index (all without one), and whether it found them
    /// with its typos forgiven: a search that finds no event as typed is read again so, as
    /// the directory's is (see [`Query::tolerant`]).
    pub(crate) fn found(&self, feed: &Feed, lang: Lang) -> (Vec<bool>, bool) {
        let query = Query::new(&self.query);
        if query.is_empty() {
            return (vec![true; feed.events.len()], false);
        }
        let texts: Vec<String> = (feed.events.iter())
            .map(|e| searched(feed, e, lang))
            .collect();
        let found =
            |query: &Query| -> Vec<bool> { texts.iter().map(|t| query.matches(t)).collect() };
        let typed = found(&query);
        if typed.contains(&true) {
            return (typed, false);
        }
        let near = found(&query.tolerant());
        let forgiven = near.contains(&true);
        (near, forgiven)
    }

    /// Whether the search found what it found with its typos forgiven (see
    /// [`found`](Self::found)): no event matches it as typed, which the first that does
    /// tells without reading the rest.
    pub(crate) fn forgives(&self, feed: &Feed, lang: Lang) -> bool {
        let query = Query::new(&self.query);
        !query.is_empty() && !(feed.events.iter()).any(|e| query.matches(&searched(feed, e, lang)))
    }

    /// The choices of ids in `used` (segments, categories) or in `given` (the page's or the
    /// app's own, kept whatever the feed), and the same search.
    pub(crate) fn within(&self, used: &(Vec<String>, Vec<String>), given: &Self) -> Self {
        let keep = |chosen: &[String], used: &[String], given: &[String]| {
            chosen
                .iter()
                .filter(|id| used.contains(id) || given.contains(id))
                .cloned()
                .collect()
        };
        EventFilter {
            segments: keep(&self.segments, &used.0, &given.segments),
            categories: keep(&self.categories, &used.1, &given.categories),
            query: self.query.clone(),
        }
    }
}

/// Toggles `id` in `list`.
fn toggle(list: &mut Vec<String>, id: &str) {
    match list.iter().position(|x| x == id) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(id.to_owned()),
    }
}

impl EventFilter {
    /// The chosen categories, or the chosen segments.
    fn list(&self, categories: bool) -> &Vec<String> {
        if categories {
            &self.categories
        } else {
            &self.segments
        }
    }

    fn list_mut(&mut self, categories: bool) -> &mut Vec<String> {
        if categories {
            &mut self.categories
        } else {
            &mut self.segments
        }
    }
}

/// Whether a toggle is a category's (else a segment's), and its id.
fn chip_of(button: &web_sys::Element) -> Option<(bool, String)> {
    let categories = button.get_attribute("data-kind")? == "c";
    Some((categories, button.get_attribute("data-id")?))
}

/// The segment ids and the category ids some event has, in the order the feed lists its
/// segments and categories (as the directory's facet and the chart show them); an id the
/// feed does not list comes after them, in the order of the events.
pub(super) fn used_ids(feed: &Feed) -> (Vec<String>, Vec<String>) {
    let (mut segments, mut categories) = (Vec::<String>::new(), Vec::<String>::new());
    let add = |ids: &mut Vec<String>, id: &String| {
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    };
    for e in feed.events.iter().filter(|e| super::occur::placeable(e)) {
        e.segments.iter().for_each(|id| add(&mut segments, id));
        e.category.iter().for_each(|id| add(&mut categories, id));
    }
    let listed = |list: &[crate::feed::Segment], id: &String| {
        list.iter().position(|s| s.id == *id).unwrap_or(usize::MAX)
    };
    segments.sort_by_key(|id| listed(&feed.segments, id));
    categories.sort_by_key(|id| listed(&feed.categories, id));
    (segments, categories)
}

/// The toggles of the `used` segments and categories as markup, a group each, named in
/// `lang` (an id the feed does not name shows as itself) and pressed as `chosen` says.
fn chip_groups(
    feed: &Feed,
    (segments, categories): &(Vec<String>, Vec<String>),
    chosen: &EventFilter,
    lang: Lang,
) -> String {
    let s = lang.strings();
    let fallback = &feed.cluster.default_language;
    let mut out = String::new();
    for (is_category, ids, label) in [
        (false, segments, s.segments),
        (true, categories, s.categories),
    ] {
        if ids.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            // Named on screen too: a segment and a category may share a name ("Training").
            "<div class=\"ck-chip-group\" role=\"group\" aria-label=\"{label}\">\
             <span class=\"ck-chip-label\" aria-hidden=\"true\">{label}</span>"
        );
        for id in ids {
            let found = if is_category {
                feed.category(id)
            } else {
                feed.segment(id)
            };
            let (marked, name) = name_of(found, id, lang, fallback);
            let _ = write!(
                out,
                "<button type=\"button\" class=\"ck-chip-toggle\" data-kind=\"{}\" data-id=\"{}\" aria-pressed=\"{}\"{marked}>{}</button>",
                if is_category { "c" } else { "s" },
                escape(id),
                chosen.list(is_category).contains(id),
                escape(name),
            );
        }
        out.push_str("</div>");
    }
    out
}

/// How many of the events found the view shows: those with a day in the month shown
/// (`in_month`), else those the list has.
#[derive(Clone, Copy, PartialEq)]
pub(super) struct Shown {
    pub in_month: bool,
    pub events: usize,
}

/// The search box and the segment and category toggles (only those some event has).
#[component]
pub(super) fn Filters(
    feed: Signal<std::sync::Arc<Feed>>,
    lang: Lang,
    filter: RwSignal<EventFilter>,
    /// Which events the filter keeps.
    kept: Memo<Vec<bool>>,
    /// Which segments and categories some event has, in the feed's order of events.
    used: Memo<(Vec<String>, Vec<String>)>,
    /// How many of the kept events the view shows, once one is drawn.
    shown: Signal<Option<Shown>>,
) -> impl IntoView {
    let s = lang.strings();
    // How many events a search or a toggle keeps, on screen and read out politely; nothing
    // while none is active (the grid or the list shows them all).
    let found = move |shown: Option<Shown>| {
        let active = filter.with(|f| {
            !f.query.trim().is_empty() || !f.segments.is_empty() || !f.categories.is_empty()
        });
        if active {
            let n = kept.with(|k| k.iter().filter(|&&k| k).count());
            let mut found = s.events_found_count(n, &format_number(lang, n));
            // Some in other months, or before or after the list: how many are in view.
            if let Some(Shown { in_month, events }) = shown.filter(|v| v.events < n) {
                let part = s.events_shown_count(in_month, events, &format_number(lang, events));
                found = format!("{found}, {part}");
            }
            // Found with typos forgiven: said so, with the words as typed.
            if n > 0 && filter.with(|f| f.forgives(&feed.read(), lang)) {
                let query = filter.with(|f| f.query.trim().to_owned());
                fill(s.near_events, &[("events", &found), ("query", &query)])
            } else {
                found
            }
        } else {
            String::new()
        }
    };
    let count = Signal::derive(move || found(shown.get()));
    // Read out as a search or a choice changes it: another month or step of the list is
    // said by its heading (and an empty month by its own status), not by the count again.
    let said = Signal::derive(move || found(shown.get_untracked()));
    // The toggles are drawn as markup when the feed or the language change; a choice only
    // flips their `aria-pressed`, so the focus stays on the toggle pressed.
    let groups = NodeRef::<leptos::html::Div>::new();
    crate::ui::effect(move || {
        let Some(div) = groups.get() else {
            return;
        };
        let markup =
            used.with(|used| chip_groups(&feed.read(), used, &filter.read_untracked(), lang));
        crate::ui::set_html(&div, &markup);
    });
    crate::ui::effect(move || {
        let chosen = filter.read();
        let Some(buttons) = groups
            .get()
            .and_then(|g| g.query_selector_all("[data-id]").ok())
        else {
            return;
        };
        for button in (0..buttons.length()).filter_map(|i| buttons.get(i)) {
            if let Some(button) = button.dyn_ref::<web_sys::Element>()
                && let Some((categories, id)) = chip_of(button)
            {
                let pressed = chosen.list(categories).contains(&id);
                let _ =
                    button.set_attribute("aria-pressed", if pressed { "true" } else { "false" });
            }
        }
    });
    let on_chip = move |ev: web_sys::MouseEvent| {
        let chip = crate::ui::closest(&ev, "[data-id]").and_then(|b| chip_of(&b));
        if let Some((categories, id)) = chip {
            filter.update(|f| toggle(f.list_mut(categories), &id));
        }
    };
    // In a narrow container the toggles fold behind one button, as the directory's facets do.
    let unfolded = RwSignal::new(false);
    let groups_id = crate::ui::unique_id("ck-cal-filters");
    let controls = groups_id.clone();
    let toggle_button = move || {
        let any =
            used.with(|(segments, categories)| !segments.is_empty() || !categories.is_empty());
        let controls = controls.clone();
        any.then(|| {
            let chosen =
                Signal::derive(move || filter.with(|f| f.segments.len() + f.categories.len()));
            crate::ui::filters_toggle(lang, chosen, unfolded, controls)
        })
    };
    view! {
        <div class="ck-cal-filters" part="calendar-filters">
            // A label in sight, as the directory's: a hint inside the box went as the visitor
            // typed, and was cut short on a phone with large text.
            <label class="ck-search" part="search">
                <span>{s.search_events}</span>
                <input
                    type="search"
                    part="search-input"
                    autocomplete="off"
                    autocapitalize="off"
                    spellcheck="false"
                    prop:value=move || filter.with(|f| f.query.clone())
                    on:input=move |ev| filter.update(|f| f.query = event_target_value(&ev))
                />
            </label>
            <p class="ck-cal-count" prop:textContent=count></p>
            {crate::ui::said_once_settled(said)}
            {toggle_button}
            <div
                class="ck-chip-groups ck-fold"
                id=groups_id
                class:ck-unfolded=move || unfolded.get()
                node_ref=groups
                on:click=on_chip
            ></div>
        </div>
    }
}

/// An event's text the search reads, folded: its title, place and description in `lang`.
fn searched(feed: &Feed, e: &Event, lang: Lang) -> String {
    let fallback = &feed.cluster.default_language;
    let mut haystack = e.title.resolve(lang.tag(), fallback).to_owned();
    for t in [&e.location, &e.description].into_iter().flatten() {
        haystack.push(' ');
        haystack.push_str(t.resolve(lang.tag(), fallback));
    }
    fold_text(&haystack)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::{Text, When};

    fn feed() -> Feed {
        let event = |id: &str, title: &str, segments: &[&str], category: Option<&str>| {
            let mut e = Event::new(id, title, When::parse("2026-11-16").unwrap());
            e.segments = segments.iter().map(|s| s.to_string()).collect();
            e.category = category.map(str::to_owned);
            e
        };
        let mut talent = event(
            "talent",
            "Talent Week",
            &["animation", "training"],
            Some("training"),
        );
        talent.location = Some(Text::Plain("Barcelona".into()));
        let mut mipcom = event(
            "mipcom",
            "Missió al MIPCOM",
            &["distribution"],
            Some("mission"),
        );
        mipcom.description = Some(Text::Plain("Cannes, producció i distribució".into()));
        Feed {
            events: vec![
                talent,
                mipcom,
                event("assembly", "Assemblea general", &[], Some("governance")),
            ],
            ..Feed::default()
        }
    }

    fn kept(filter: EventFilter) -> Vec<bool> {
        filter.keeps(&feed(), Lang::Ca)
    }

    #[test]
    fn segments_widen_categories_widen_and_the_two_narrow() {
        assert_eq!(kept(EventFilter::default()), [true, true, true]);
        let segments = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect();
        assert_eq!(
            kept(EventFilter {
                segments: segments(&["animation", "distribution"]),
                ..Default::default()
            }),
            [true, true, false]
        );
        assert_eq!(
            kept(EventFilter {
                categories: segments(&["mission", "governance"]),
                ..Default::default()
            }),
            [false, true, true]
        );
        assert_eq!(
            kept(EventFilter {
                segments: segments(&["animation", "distribution"]),
                categories: segments(&["mission", "governance"]),
                ..Default::default()
            }),
            [false, true, false]
        );
    }

    #[test]
    fn the_search_reads_title_place_and_description_without_accents() {
        let search = |q: &str| {
            kept(EventFilter {
                query: q.into(),
                ..Default::default()
            })
        };
        assert_eq!(search("barcelona"), [true, false, false], "the place");
        assert_eq!(
            search("produccio cannes"),
            [false, true, false],
            "every word, in the description"
        );
        assert_eq!(
            search("assem"),
            [false, false, true],
            "the last word as a prefix"
        );
        assert_eq!(search("talent cannes"), [false, false, false]);
    }

    #[test]
    fn a_search_that_finds_no_event_as_typed_finds_those_it_comes_close_to() {
        let found = |q: &str, segments: &[&str]| {
            let filter = EventFilter {
                query: q.into(),
                segments: segments.iter().map(|s| s.to_string()).collect(),
                ..Default::default()
            };
            let forgiven = filter.found(&feed(), Lang::Ca).1;
            // As the count asks it: the same, but where nothing is found either way.
            let nothing = !filter.found(&feed(), Lang::Ca).0.contains(&true);
            assert_eq!(
                filter.forgives(&feed(), Lang::Ca),
                forgiven || nothing,
                "{q}"
            );
            (filter.keeps(&feed(), Lang::Ca), forgiven)
        };
        // Spanish typed for the Catalan title: two letters off in eight.
        assert_eq!(found("asamblea", &[]), (vec![false, false, true], true));
        assert_eq!(found("talnet", &[]), (vec![true, false, false], true));
        // Found as typed: no close ones.
        assert_eq!(found("assemblea", &[]), (vec![false, false, true], false));
        assert_eq!(found("zzzz", &[]), (vec![false, false, false], false));
        // The choices narrow what the search found, as typed or not.
        assert_eq!(
            found("asamblea", &["animation"]),
            (vec![false, false, false], true)
        );
    }

    #[test]
    fn toggles_are_named_grouped_pressed_and_escaped() {
        let mut feed = feed();
        feed.segments.push(crate::feed::Segment::new(
            "animation",
            Text::Plain("Animació <3D>".into()),
        ));
        let used = used_ids(&feed);
        assert_eq!(used.0, ["animation", "training", "distribution"]);
        assert_eq!(used.1, ["training", "mission", "governance"]);
        // In the feed's own order of segments and categories, as the directory and the chart
        // list them, not the events'; those it does not list after them.
        let mut listed = feed.clone();
        listed
            .segments
            .insert(0, crate::feed::Segment::new("distribution", "Distribution"));
        listed.categories = vec![crate::feed::Segment::new("governance", "Governance")];
        let (segments, categories) = used_ids(&listed);
        assert_eq!(segments, ["distribution", "animation", "training"]);
        assert_eq!(categories, ["governance", "training", "mission"]);
        let chosen = EventFilter {
            categories: vec!["mission".into()],
            ..Default::default()
        };
        let html = chip_groups(&feed, &used, &chosen, Lang::En);
        assert_eq!(html.matches("role=\"group\"").count(), 2);
        assert!(html.contains("aria-label=\"Segments\""), "{html}");
        assert!(
            html.contains("<span class=\"ck-chip-label\" aria-hidden=\"true\">Categories</span>"),
            "each group named on screen too, as a segment and a category may share a name: {html}"
        );
        assert!(
            html.contains(">Animació &lt;3D&gt;</button>"),
            "named by the feed, escaped"
        );
        assert!(
            html.contains("data-id=\"training\" aria-pressed=\"false\">training<"),
            "an id the feed does not name"
        );
        assert!(html.contains("data-kind=\"c\" data-id=\"mission\" aria-pressed=\"true\""));
        assert_eq!(html.matches("aria-pressed=\"true\"").count(), 1);
        // Named only in Catalan on an English page: read out with a Catalan voice.
        feed.segments[0].name = Text::from([("ca", "Animació")]);
        let html = chip_groups(&feed, &used, &chosen, Lang::En);
        assert!(
            html.contains("data-id=\"animation\" aria-pressed=\"false\" lang=\"ca\">Animació<"),
            "{html}"
        );
        assert_eq!(
            chip_groups(&Feed::default(), &(vec![], vec![]), &chosen, Lang::En),
            ""
        );
    }

    #[test]
    fn a_toggle_adds_then_removes() {
        let mut list = vec!["a".to_owned()];
        toggle(&mut list, "b");
        toggle(&mut list, "a");
        assert_eq!(list, ["b"]);
    }
}
