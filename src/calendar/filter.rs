//! The calendar's filters: segments and categories (within one, any chosen; across the two,
//! both), and a search in the event's title, place and description, as the directory's.

use leptos::prelude::*;

use crate::feed::{Event, Feed};
use crate::i18n::Lang;
use crate::i18n::intl::format_number;
use crate::search::{Query, fold};

/// What the visitor has chosen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventFilter {
    /// Segment ids: an event in any of them is kept.
    pub segments: Vec<String>,
    /// Category ids: an event in any of them is kept.
    pub categories: Vec<String>,
    /// Words typed: every one must be found (the last as a prefix).
    pub query: String,
}

impl EventFilter {
    /// Which of the feed's events are kept, by index; texts searched in `lang`.
    pub fn keeps(&self, feed: &Feed, lang: Lang) -> Vec<bool> {
        let query = Query::new(&self.query);
        let fallback = &feed.cluster.default_language;
        feed.events
            .iter()
            .map(|e: &Event| {
                let segment = self.segments.is_empty()
                    || e.segments.iter().any(|s| self.segments.contains(s));
                let category = self.categories.is_empty()
                    || e.category
                        .as_ref()
                        .is_some_and(|c| self.categories.contains(c));
                let text = query.is_empty() || {
                    let mut haystack = e.title.resolve(lang.tag(), fallback).to_owned();
                    for t in [&e.location, &e.description].into_iter().flatten() {
                        haystack.push(' ');
                        haystack.push_str(t.resolve(lang.tag(), fallback));
                    }
                    query.matches(&fold(&haystack))
                };
                segment && category && text
            })
            .collect()
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

/// The search box and the segment and category toggles (only those some event has).
#[component]
pub(super) fn Filters(
    feed: Signal<std::sync::Arc<Feed>>,
    lang: Lang,
    filter: RwSignal<EventFilter>,
) -> impl IntoView {
    let s = lang.strings();
    // Which segments and categories some event has, in the feed's order of events.
    let used = Memo::new(move |_| {
        let feed = feed.read();
        let (mut segments, mut categories) = (Vec::<String>::new(), Vec::<String>::new());
        let add = |ids: &mut Vec<String>, id: &String| {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        };
        for e in &feed.events {
            e.segments.iter().for_each(|id| add(&mut segments, id));
            e.category.iter().for_each(|id| add(&mut categories, id));
        }
        (segments, categories)
    });
    let chips = move |categories: bool| {
        let feed = feed.get();
        let fallback = feed.cluster.default_language.clone();
        let ids = used.with(|(segments, categories_used)| {
            if categories {
                categories_used.clone()
            } else {
                segments.clone()
            }
        });
        let named = |id: &str| {
            let found = if categories {
                feed.category(id)
            } else {
                feed.segment(id)
            };
            found.map_or_else(
                || id.to_owned(),
                |s| s.name.resolve(lang.tag(), &fallback).to_owned(),
            )
        };
        (!ids.is_empty()).then(|| {
            let buttons = ids
                .into_iter()
                .map(|id| {
                    let name = named(&id);
                    let chosen = {
                        let id = id.clone();
                        move || {
                            filter.with(|f| {
                                let list = if categories { &f.categories } else { &f.segments };
                                list.contains(&id)
                            })
                        }
                    };
                    view! {
                        <button
                            type="button"
                            class="ck-chip-toggle"
                            aria-pressed=move || chosen().to_string()
                            on:click=move |_| {
                                filter.update(|f| {
                                    toggle(if categories { &mut f.categories } else { &mut f.segments }, &id)
                                })
                            }
                        >
                            {name}
                        </button>
                    }
                })
                .collect_view();
            let label = if categories { s.categories } else { s.segments };
            view! { <div class="ck-chip-group" role="group" aria-label=label>{buttons}</div> }
        })
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
            let chosen = move || filter.with(|f| f.segments.len() + f.categories.len());
            view! {
                <button
                    type="button"
                    class="ck-btn ck-filters-toggle"
                    aria-expanded=move || unfolded.get().to_string()
                    aria-controls=controls
                    on:click=move |_| unfolded.update(|u| *u = !*u)
                >
                    {s.filters}
                    {move || {
                        let n = chosen();
                        (n > 0).then(|| view! { <span class="ck-badge">{format_number(lang, n)}</span> })
                    }}
                </button>
            }
        })
    };
    view! {
        <div class="ck-cal-filters" part="calendar-filters">
            <div class="ck-search">
                <input
                    type="search"
                    aria-label=s.search_events
                    placeholder=s.search_events
                    prop:value=move || filter.with(|f| f.query.clone())
                    on:input=move |ev| filter.update(|f| f.query = event_target_value(&ev))
                />
            </div>
            {toggle_button}
            <div class="ck-chip-groups ck-fold" id=groups_id class:ck-unfolded=move || unfolded.get()>
                {move || chips(false)}
                {move || chips(true)}
            </div>
        </div>
    }
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
    fn a_toggle_adds_then_removes() {
        let mut list = vec!["a".to_owned()];
        toggle(&mut list, "b");
        toggle(&mut list, "a");
        assert_eq!(list, ["b"]);
    }
}
