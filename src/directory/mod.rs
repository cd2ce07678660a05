//! The member directory: search, segment checkboxes and cards.
//!
//! # Usage
//! ```no_run
//! use std::sync::Arc;
//! use clusterkit::{MemberDirectory, feed::{Feed, Member}, i18n::Lang};
//! use leptos::prelude::*;
//!
//! let feed = Arc::new(Feed { members: vec![Member::new("sonilab", "Sonilab")], ..Feed::default() });
//! let _ = view! { <MemberDirectory feed=feed lang=Lang::Ca/> };
//! ```
//!
//! | prop | type | default | meaning |
//! |---|---|---|---|
//! | `feed` | `Signal<Arc<Feed>>` | required | the members and segments |
//! | `lang` | `Signal<Lang>` | English | the visitor's language |
//! | `page_size` | `usize` | 24 | cards shown before "show more" |
//! | `class` | `MaybeProp<String>` | none | extra class on the root |

pub mod model;
pub mod url;

use std::sync::Arc;

use leptos::prelude::*;

use crate::feed::{Feed, Member, phone_href};
use crate::i18n::{Lang, fill, intl::format_number};
use model::{FacetTable, Filter, SearchIndex, apply, initials, name_order};

/// Compares two `Arc`s by identity, so memos of large data never compare it field by field.
pub(crate) fn arc_changed<T: ?Sized>(a: Option<&Arc<T>>, b: Option<&Arc<T>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => !Arc::ptr_eq(a, b),
        _ => true,
    }
}

/// A searchable directory of the feed's members.
#[component]
pub fn MemberDirectory(
    /// The feed whose members are listed.
    #[prop(into)]
    feed: Signal<Arc<Feed>>,
    /// The visitor's language.
    #[prop(optional, into)]
    lang: Signal<Lang>,
    /// How many cards to show before "show more" (default 24).
    #[prop(optional)]
    page_size: Option<usize>,
    /// Extra class names on the root element.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let page_size = page_size.unwrap_or(24).max(1);
    let filter = RwSignal::new(Filter::default());
    let shown = RwSignal::new(page_size);
    let index = Memo::new_with_compare(
        move |_| Arc::new(SearchIndex::new(&feed.read())),
        arc_changed,
    );
    let order = Memo::new_with_compare(
        move |_| Arc::new(name_order(&feed.read(), lang.get())),
        arc_changed,
    );
    let outcome = Memo::new_with_compare(
        move |_| {
            let filter = filter.read();
            // The search index is built on the first keystroke, not before the first card.
            let index = (!filter.query.trim().is_empty()).then(|| index.get());
            let table = FacetTable::new(&feed.read());
            let outcome = apply(&table, index.as_deref(), &order.read(), &filter, false);
            Arc::new((outcome.results, outcome.counts.segments))
        },
        arc_changed,
    );
    let on_search = move |ev: leptos::ev::Event| {
        filter.update(|f| f.query = event_target_value(&ev));
        shown.set(page_size);
    };
    let toggle = move |id: String| {
        filter.update(|f| match f.segments.iter().position(|s| *s == id) {
            Some(i) => {
                f.segments.remove(i);
            }
            None => f.segments.push(id),
        });
        shown.set(page_size);
    };

    // One reactive scope per language: switching language rebuilds the widget's text at
    // once (the visitor's search and choices live above it and survive), instead of one
    // reactive closure per string, which would cost the Wasm bytes for each.
    move || {
        let lang = lang.get();
        let s = lang.strings();
        let segment_boxes = move || {
            let feed = feed.get();
            let counts = outcome.get();
            feed.segments
                .iter()
                .zip(counts.1.iter().copied())
                .map(|(segment, count)| {
                    let id = segment.id.clone();
                    let checked_id = id.clone();
                    let name = segment
                        .name
                        .resolve(lang.tag(), &feed.cluster.default_language)
                        .to_owned();
                    view! {
                        <label part="facet-option">
                            <input
                                type="checkbox"
                                prop:checked=move || filter.read().segments.contains(&checked_id)
                                on:change=move |_| toggle(id.clone())
                            />
                            <span>{name}</span>
                            <span class="ck-count">"("{format_number(lang, count)}")"</span>
                        </label>
                    }
                })
                .collect_view()
        };
        let visible = move || {
            let feed = feed.get();
            outcome
                .read()
                .0
                .iter()
                .take(shown.get())
                .map(|&i| (i, feed.clone()))
                .collect::<Vec<_>>()
        };
        let count = move || {
            let total = outcome.read().0.len();
            s.members_count(total, &format_number(lang, total))
        };
        let empty = move || {
            if feed.read().members.is_empty() {
                Some(view! { <p class="ck-status">{s.no_members}</p> }.into_any())
            } else if outcome.read().0.is_empty() {
                Some(
                    view! {
                        <div class="ck-status">
                            <p>{s.no_members_match}</p>
                            <button type="button" class="ck-btn" on:click=move |_| filter.set(Filter::default())>
                                {s.clear_filters}
                            </button>
                        </div>
                    }
                    .into_any(),
                )
            } else {
                None
            }
        };
        let more = move || {
            let left = outcome.read().0.len().saturating_sub(shown.get());
            (left > 0).then(|| {
                let label = fill(s.show_more, &[("n", &format_number(lang, left.min(page_size)))]);
                view! {
                    <button type="button" class="ck-btn ck-more" part="more" on:click=move |_| shown.update(|n| *n += page_size)>
                        {label}
                    </button>
                }
            })
        };
        let facet = move || {
            (!feed.read().segments.is_empty()).then(|| {
                view! {
                    <fieldset class="ck-facet" part="facet">
                        <legend>{s.segments}</legend>
                        {segment_boxes}
                    </fieldset>
                }
            })
        };
        view! {
            <section
                class=move || format!("ck-directory {}", class.get().unwrap_or_default())
                aria-label=s.member_directory
                part="directory"
            >
                <label class="ck-search" part="search">
                    <span>{s.search_members}</span>
                    <input type="search" prop:value=move || filter.read().query.clone() on:input=on_search />
                </label>
                {facet}
                <p class="ck-count" role="status" aria-live="polite" part="count">{count}</p>
                {empty}
                <ul class="ck-cards" part="cards">
                    <For
                        each=visible
                        key=|(i, feed)| (Arc::as_ptr(feed) as usize, *i)
                        children=move |(i, feed)| view! { <MemberCard feed=feed member=i lang=lang/> }
                    />
                </ul>
                {more}
            </section>
        }
    }
}

/// One member's card, in one language (the directory rebuilds its cards when it changes).
#[component]
fn MemberCard(feed: Arc<Feed>, member: usize, lang: Lang) -> impl IntoView {
    let m: &Member = &feed.members[member];
    let fallback = feed.cluster.default_language.as_str();
    let name = m.name.resolve(lang.tag(), fallback).to_owned();
    let logo_failed = RwSignal::new(false);
    let logo = m.logo.as_ref().map(|url| feed.resolve_url(url));
    let initials_text = initials(&name);
    let segments = m
        .segments
        .iter()
        .filter_map(|id| feed.segment(id))
        .map(|segment| {
            let color = segment.color.clone().unwrap_or_default();
            let label = segment.name.resolve(lang.tag(), fallback).to_owned();
            view! { <li class="ck-tag" style:--ck-seg=color>{label}</li> }
        })
        .collect_view();
    let place = [m.city.as_deref(), m.region.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let website = m.website.as_ref().map(|url| {
        view! { <a href=feed.resolve_url(url) target="_blank" rel="noopener noreferrer">{lang.strings().website}</a> }
    });
    let email = m
        .email
        .as_ref()
        .map(|e| view! { <a href=format!("mailto:{e}")>{e.clone()}</a> });
    let phone = m
        .phone
        .as_ref()
        .and_then(|p| phone_href(p).map(|href| view! { <a href=href>{p.clone()}</a> }));
    let contact = (website.is_some() || email.is_some() || phone.is_some())
        .then(|| view! { <p class="ck-meta ck-contact">{website}" "{email}" "{phone}</p> });
    view! {
        <li>
            <article class="ck-card" part="card">
                {move || match (&logo, logo_failed.get()) {
                    (Some(src), false) => view! {
                        <img class="ck-logo" src=src.clone() alt="" loading="lazy" on:error=move |_| logo_failed.set(true)/>
                    }.into_any(),
                    _ => view! { <span class="ck-logo" aria-hidden="true">{initials_text.clone()}</span> }.into_any(),
                }}
                <h3>{name}</h3>
                <p class="ck-meta">{place}</p>
                <ul class="ck-tags">{segments}</ul>
                {contact}
            </article>
        </li>
    }
}
