//! The calendar's dialog: the events of a day, or one event with its details, its
//! iCalendar file and its Google Calendar link. A modal `<dialog>`: the focus stays inside,
//! and Escape closes it.

use std::sync::Arc;

use leptos::prelude::*;

use super::format::{date_long, on_day, time, when, zone_name};
use super::occur::{Intl, Occurrence, Span, wall, zone_of};
use super::{google, ics};
use crate::feed::{Date, Feed, Text};
use crate::i18n::{Lang, fill};

/// What the dialog shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Opened {
    /// The events of a day.
    Day(Date),
    /// One occurrence of an event.
    Event(Occurrence),
}

/// The host name the feed came from (else its cluster's website), which makes the UIDs of
/// its iCalendar events unique the world over.
pub fn host(feed: &Feed) -> String {
    feed.base_url
        .as_deref()
        .or(feed.cluster.url.as_deref())
        .and_then(|url| url.split_once("://"))
        .and_then(|(_, rest)| rest.split(['/', ':', '?', '#']).next())
        .filter(|host| !host.is_empty())
        .unwrap_or("clusterkit.invalid")
        .to_owned()
}

/// Offers the feed's events `events` (indices, repeats allowed) as one iCalendar file.
pub(super) fn download(feed: &Feed, mut events: Vec<usize>, lang: Lang, file: &str) {
    events.sort_unstable();
    events.dedup();
    let calendar = ics::calendar(feed, &events, lang, &host(feed), js_sys::Date::now(), &Intl);
    crate::ui::download(file, "text/calendar;charset=utf-8", &calendar);
}

/// The dialog; `open` says what it shows, and closing it sets `open` to `None`.
#[component]
pub(super) fn CalendarDialog(
    feed: Signal<Arc<Feed>>,
    lang: Lang,
    zone: Memo<String>,
    placed: Memo<Vec<Occurrence>>,
    open: RwSignal<Option<Opened>>,
) -> impl IntoView {
    let s = lang.strings();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let title_id = crate::ui::unique_id("ck-event");
    Effect::new(move |_| {
        let shown = open.read().is_some();
        if let Some(d) = dialog.get() {
            if shown && !d.open() {
                let _ = d.show_modal();
            } else if !shown && d.open() {
                d.close();
            }
        }
    });
    let heading_id = title_id.clone();
    let content = move || {
        let feed = feed.get();
        let fallback = feed.cluster.default_language.clone();
        let text = move |t: &Text| t.resolve(lang.tag(), &fallback).to_owned();
        let id = heading_id.clone();
        match open.get()? {
            Opened::Day(day) => {
                let items = placed
                    .read()
                    .iter()
                    .filter(|o| o.on(day))
                    .map(|o| {
                        let label = on_day(o, day, text(&feed.events[o.event].title));
                        let o = o.clone();
                        view! {
                            <li>
                                <button type="button" class="ck-link" on:click=move |_| open.set(Some(Opened::Event(o.clone())))>
                                    {label}
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                Some(
                    view! {
                        <h2 id=id>{date_long(lang, day)}</h2>
                        <ul class="ck-day-list">{items}</ul>
                    }
                    .into_any(),
                )
            }
            Opened::Event(o) => {
                let event = feed.events.get(o.event)?.clone();
                let own = zone_of(&feed, &event).to_owned();
                // The event's own clock, when it is not the calendar's.
                let own_clock = match o.span {
                    Span::Timed(start, _) if own != zone.get() => {
                        let (d, t) = wall(start, &own, &Intl);
                        let at = format!("{}, {}", date_long(lang, d), time(t));
                        Some(fill(
                            s.time_in_zone,
                            &[("time", &at), ("zone", &zone_name(&own))],
                        ))
                    }
                    _ => None,
                };
                let place = event.location.as_ref().map(|l| {
                    view! {
                        <dt>{s.place}</dt>
                        <dd>{text(l)}</dd>
                    }
                });
                let description = event.description.as_ref().map(|d| {
                    text(d)
                        .split('\n')
                        .filter(|p| !p.trim().is_empty())
                        .map(|p| view! { <p>{p.to_owned()}</p> })
                        .collect_view()
                });
                let category = event.category.as_ref().map(|c| {
                    feed.category(c)
                        .map_or_else(|| c.clone(), |c| text(&c.name))
                });
                let link = event.url.as_ref().map(|url| {
                    let href = feed.resolve_url(url);
                    view! {
                        <p>
                            <a href=href target="_blank" rel="noopener noreferrer">
                                {s.more_info}
                                <span class="ck-sr">" "{s.new_tab}</span>
                            </a>
                        </p>
                    }
                });
                let google = google::link(&feed, &event, lang, &Intl);
                let index = o.event;
                let file = format!("{}.ics", event.id);
                let shown = feed.clone();
                let download = move |_| download(&shown, vec![index], lang, &file);
                Some(
                    view! {
                        <h2 id=id>{text(&event.title)}</h2>
                        <dl class="ck-contact">
                            <dt>{s.when}</dt>
                            <dd>
                                {when(lang, &o)}
                                {own_clock.map(|c| view! { <br/><span class="ck-muted">{c}</span> })}
                            </dd>
                            {place}
                        </dl>
                        {description}
                        {category.map(|c| view! { <p class="ck-meta">{c}</p> })}
                        {crate::ui::segment_tags(&feed, &event.segments, lang)}
                        {link}
                        <div class="ck-event-actions">
                            <button type="button" class="ck-btn" on:click=download>{s.add_to_calendar}</button>
                            <a class="ck-btn" href=google target="_blank" rel="noopener noreferrer">
                                {s.add_to_google}
                                <span class="ck-sr">" "{s.new_tab}</span>
                            </a>
                        </div>
                    }
                    .into_any(),
                )
            }
        }
    };
    view! {
        <dialog
            class="ck-dialog ck-event-dialog"
            part="event"
            aria-labelledby=title_id
            node_ref=dialog
            on:close=move |_| open.set(None)
        >
            <form method="dialog" class="ck-dialog-close">
                <button type="submit" class="ck-btn" aria-label=s.close>"×"</button>
            </form>
            {content}
        </dialog>
    }
}
