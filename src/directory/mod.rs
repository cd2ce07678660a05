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

use std::sync::Arc;

use leptos::prelude::*;

use crate::feed::{Feed, Member, phone_href};
use crate::i18n::{Lang, intl::format_number};
use model::{Filter, SearchIndex, apply, initials, name_order};

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
            let (results, counts) =
                apply(&feed.read(), &index.read(), &order.read(), &filter.read());
            Arc::new((results, counts))
        },
        arc_changed,
    );
    let s = move || lang.get().strings();

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
    let segment_boxes = move || {
        let feed = feed.get();
        let lang = lang.get();
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
    let count_text = move || {
        let n = outcome.read().0.len();
        s().members_count(n, &format_number(lang.get(), n))
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
    let empty = move || {
        let feed = feed.read();
        let s = s();
        if feed.members.is_empty() {
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
        let total = outcome.read().0.len();
        (total > shown.get()).then(|| {
            let label = format!("+{}", format_number(lang.get(), (total - shown.get()).min(page_size)));
            view! {
                <button type="button" class="ck-btn ck-more" part="more" on:click=move |_| shown.update(|n| *n += page_size)>
                    {label}
                </button>
            }
        })
    };

    view! {
        <section
            class=move || format!("ck-directory {}", class.get().unwrap_or_default())
            aria-label=move || s().member_directory
            part="directory"
        >
            <label class="ck-search" part="search">
                <span>{move || s().search_members}</span>
                <input type="search" prop:value=move || filter.read().query.clone() on:input=on_search />
            </label>
            <Show when=move || !feed.read().segments.is_empty()>
                <fieldset class="ck-facet" part="facet">
                    <legend>{move || s().segments}</legend>
                    {segment_boxes}
                </fieldset>
            </Show>
            <p class="ck-count" role="status" aria-live="polite" part="count">{count_text}</p>
            {empty}
            <ul class="ck-cards" part="cards">
                <For
                    each=visible
                    key=|(i, feed)| (Arc::as_ptr(feed) as usize, *i)
                    children=move |(i, feed)| view! { <MemberCard feed=feed.clone() member=i lang=lang/> }
                />
            </ul>
            {more}
        </section>
    }
}

/// One member's card.
#[component]
fn MemberCard(feed: Arc<Feed>, member: usize, lang: Signal<Lang>) -> impl IntoView {
    let m: &Member = &feed.members[member];
    let fallback = feed.cluster.default_language.clone();
    let name = {
        let (feed, fallback) = (feed.clone(), fallback.clone());
        move || {
            feed.members[member]
                .name
                .resolve(lang.get().tag(), &fallback)
                .to_owned()
        }
    };
    let logo_failed = RwSignal::new(false);
    let logo = m.logo.as_ref().map(|url| feed.resolve_url(url));
    let initials_text = initials(m.name.resolve("", &fallback));
    let segments = m
        .segments
        .iter()
        .filter_map(|id| feed.segment(id))
        .map(|segment| {
            let color = segment.color.clone().unwrap_or_default();
            let segment = segment.clone();
            let fallback = fallback.clone();
            view! {
                <li class="ck-tag" style:--ck-seg=color>
                    {move || segment.name.resolve(lang.get().tag(), &fallback).to_owned()}
                </li>
            }
        })
        .collect_view();
    let place = [m.city.clone(), m.region.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let website = m.website.as_ref().map(|url| {
        let href = feed.resolve_url(url);
        view! {
            <a href=href target="_blank" rel="noopener noreferrer">
                {move || lang.get().strings().website}
            </a>
        }
    });
    let email = m
        .email
        .as_ref()
        .map(|e| view! { <a href=format!("mailto:{e}")>{e.clone()}</a> });
    let phone = m
        .phone
        .as_ref()
        .and_then(|p| phone_href(p).map(|href| view! { <a href=href>{p.clone()}</a> }));
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
                {(m.website.is_some() || m.email.is_some() || m.phone.is_some())
                    .then(|| view! { <p class="ck-meta ck-contact">{website}" "{email}" "{phone}</p> })}
            </article>
        </li>
    }
}
