//! The list view: the occurrences from today on, month by month, each a link that opens the
//! event; a year more either way on request.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dialog::Opened;
use super::format::when;
use super::occur::{Intl, occurrences};
use crate::feed::{Date, Feed};
use crate::i18n::{Lang, fill};

/// The agenda, from `today` on in the calendar's `zone`.
#[component]
pub(super) fn Agenda(
    feed: Signal<Arc<Feed>>,
    lang: Lang,
    today: Memo<Date>,
    zone: Memo<String>,
    kept: Memo<Vec<bool>>,
    open: RwSignal<Option<Opened>>,
) -> impl IntoView {
    let s = lang.strings();
    // Years shown before this one, and months shown from this one.
    let (before, months) = (RwSignal::new(0i32), RwSignal::new(12i32));
    let listed = Memo::new(move |_| {
        let today = today.get();
        let from = if before.get() == 0 {
            today
        } else {
            today.first_of_month().add_months(-12 * before.get())
        };
        let to = today.first_of_month().add_months(months.get()).add_days(-1);
        let mut list = occurrences(&feed.read(), &zone.read(), from, to, &Intl);
        let kept = kept.read();
        list.retain(|o| kept[o.event]);
        (from, list)
    });
    // The item that opened the dialog gets the focus back.
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.read().is_some();
        if was_open == Some(true)
            && !is_open
            && let Some(item) = opener.get_value()
        {
            let _ = item.focus();
        }
        is_open
    });
    // A plain click opens the event here; a click with a modifier (a new tab, say) is the
    // link's own.
    let on_click = move |ev: web_sys::MouseEvent| {
        if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        let Some(item) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[data-o]").ok().flatten())
        else {
            return;
        };
        let index = item
            .get_attribute("data-o")
            .and_then(|i| i.parse::<usize>().ok());
        if let Some(o) = index.and_then(|i| listed.read_untracked().1.get(i).cloned()) {
            ev.prevent_default();
            opener.set_value(item.dyn_into().ok());
            open.set(Some(Opened::Event(o)));
        }
    };
    let list_id = crate::ui::unique_id("ck-agenda");
    let months_view = move || {
        let feed = feed.get();
        let fallback = feed.cluster.default_language.clone();
        let (from, list) = &*listed.read();
        if list.is_empty() {
            return view! { <p class="ck-status" role="status">{s.no_upcoming}</p> }.into_any();
        }
        // Month by month, an occurrence under the month it is listed from.
        let mut groups: Vec<(Date, Vec<AnyView>)> = Vec::new();
        for (i, o) in list.iter().enumerate() {
            let month = o.first.max(*from).first_of_month();
            let event = &feed.events[o.event];
            let title = event.title.resolve(lang.tag(), &fallback).to_owned();
            let place = event
                .location
                .as_ref()
                .map(|l| format!(" · {}", l.resolve(lang.tag(), &fallback)));
            // The event's own page where it has one (for a new tab, or to copy), else the
            // item itself.
            let id = format!("{list_id}-{i}");
            let href = event
                .url
                .as_ref()
                .map_or_else(|| format!("#{id}"), |url| feed.resolve_url(url));
            let item = view! {
                <li>
                    <a class="ck-agenda-item" id=id href=href data-o=i>
                        <span class="ck-agenda-title">{title}</span>
                        <span class="ck-muted">{when(lang, o)}{place}</span>
                    </a>
                </li>
            }
            .into_any();
            match groups.last_mut() {
                Some((m, items)) if *m == month => items.push(item),
                _ => groups.push((month, vec![item])),
            }
        }
        groups
            .into_iter()
            .map(|(month, items)| {
                let heading = fill(
                    s.month_year,
                    &[
                        ("month", s.months[usize::from(month.month) - 1]),
                        ("year", &month.year.to_string()),
                    ],
                );
                view! {
                    <section class="ck-agenda-month">
                        <h3>{heading}</h3>
                        <ul>{items}</ul>
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <div class="ck-agenda" part="agenda">
            <button type="button" class="ck-link" on:click=move |_| before.update(|b| *b += 1)>
                {s.show_earlier}
            </button>
            <div on:click=on_click>{months_view}</div>
            <button type="button" class="ck-link" on:click=move |_| months.update(|m| *m += 12)>
                {s.show_later}
            </button>
            <button
                type="button"
                class="ck-link"
                on:click=move |_| {
                    let events = listed.read_untracked().1.iter().map(|o| o.event).collect();
                    super::dialog::download(&feed.get_untracked(), events, lang, "events.ics");
                }
            >
                {s.download_events}
            </button>
        </div>
    }
}
