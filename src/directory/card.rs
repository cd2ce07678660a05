//! A member's card and profile, with the search's matches highlighted.

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::model::initials;
use crate::feed::{Feed, Member, phone_href};
use crate::i18n::{Lang, fill};
use crate::search::Query;

/// `text` with the query's matches in `<mark>`.
pub(crate) fn highlighted(text: &str, query: &Query) -> impl IntoView + use<> {
    let mut parts = Vec::new();
    let mut at = 0;
    for range in query.highlights(text) {
        if range.start > at {
            parts.push(Either::Left(text[at..range.start].to_owned()));
        }
        parts.push(Either::Right(
            view! { <mark part="match">{text[range.clone()].to_owned()}</mark> },
        ));
        at = range.end;
    }
    if at < text.len() {
        parts.push(Either::Left(text[at..].to_owned()));
    }
    parts
}

/// Marks the logo an event happened on as loaded (it then covers the initials) or as
/// broken (hidden, leaving them).
fn logo_loaded(ev: &web_sys::Event, loaded: bool) {
    if let Some(img) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    {
        img.set_hidden(!loaded);
        let _ = img.toggle_attribute_with_force("data-loaded", loaded);
    }
}

/// City and region, as one line.
fn place(m: &Member) -> String {
    [m.city.as_deref(), m.region.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// One member's card; its name opens the profile.
pub(crate) fn member_card(
    feed: &Arc<Feed>,
    i: usize,
    lang: Lang,
    query: &Query,
    open: Callback<(usize, Option<web_sys::HtmlElement>)>,
) -> impl IntoView + use<> {
    let m = &feed.members[i];
    let name = m
        .name
        .resolve(lang.tag(), &feed.cluster.default_language)
        .to_owned();
    let logo = m.logo.as_ref().map(|url| {
        view! {
            <img
                src=feed.resolve_url(url)
                alt=""
                loading="lazy"
                on:error=|ev| logo_loaded(&ev, false)
                on:load=|ev| logo_loaded(&ev, true)
            />
        }
    });
    // The initials are always there, and a logo covers them once it loads (until then, and
    // on a slow network that is a while, they show). One that cannot load hides itself;
    // `hidden` comes off again when the card is reused for another member whose logo loads.
    let logo = view! {
        <span class="ck-logo" aria-hidden="true">
            {initials(&name)}
            {logo}
        </span>
    };
    view! {
        <li>
            <article class="ck-card" part="card">
                {logo}
                <h3>
                    <button
                        type="button"
                        class="ck-open"
                        aria-haspopup="dialog"
                        on:click=move |ev| {
                            let button = ev.current_target().and_then(|t| t.dyn_into().ok());
                            open.run((i, button));
                        }
                    >
                        {highlighted(&name, query)}
                    </button>
                </h3>
                <p class="ck-meta">{highlighted(&place(m), query)}</p>
                {crate::ui::segment_tags(feed, &m.segments, lang)}
            </article>
        </li>
    }
}

/// Everything the feed says about one member, for the profile dialog.
pub(crate) fn profile(
    feed: &Feed,
    m: &Member,
    lang: Lang,
    title_id: String,
) -> impl IntoView + use<> {
    let s = lang.strings();
    let fallback = feed.cluster.default_language.as_str();
    let name = m.name.resolve(lang.tag(), fallback).to_owned();
    let description = m.description.as_ref().map(
        |d| view! { <p class="ck-description">{d.resolve(lang.tag(), fallback).to_owned()}</p> },
    );
    let logo = m.logo.as_ref().map(|url| {
        view! { <img class="ck-profile-logo" src=feed.resolve_url(url) alt="" loading="lazy"/> }
    });
    let website = m.website.as_ref().map(|url| {
        let href = feed.resolve_url(url);
        view! {
            <dt>{s.website}</dt>
            <dd>
                <a href=href.clone() target="_blank" rel="noopener noreferrer">
                    {href.clone()}
                    <span class="ck-sr">" "{s.new_tab}</span>
                </a>
            </dd>
        }
    });
    let email = m.email.as_ref().map(|e| {
        view! { <dt>{s.email}</dt><dd><a href=format!("mailto:{e}")>{e.clone()}</a></dd> }
    });
    let phone = m.phone.as_ref().and_then(|p| {
        phone_href(p).map(|href| view! { <dt>{s.phone}</dt><dd><a href=href>{p.clone()}</a></dd> })
    });
    let joined = m
        .joined
        .map(|d| fill(s.member_since, &[("year", &d.year.to_string())]));
    let facts = [
        Some(place(m)).filter(|p| !p.is_empty()),
        m.kind.map(|k| s.kinds[k.index()].to_owned()),
        joined,
        m.founding.then(|| s.founding_member.to_owned()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let tags = (!m.tags.is_empty()).then(|| {
        view! { <dt>{s.keywords}</dt><dd>{m.tags.join(", ")}</dd> }
    });
    view! {
        <header class="ck-profile-head">
            {logo}
            <h2 id=title_id>{name}</h2>
        </header>
        <p class="ck-meta">{facts}</p>
        {crate::ui::segment_tags(feed, &m.segments, lang)}
        {description}
        <dl class="ck-contact">{website}{email}{phone}{tags}</dl>
    }
}
