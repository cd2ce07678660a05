//! The event calendar: a month grid with the feed's events.
//!
//! # Usage
//! ```no_run
//! use std::sync::Arc;
//! use clusterkit::{EventCalendar, feed::Feed, i18n::Lang};
//! use leptos::prelude::*;
//!
//! let _ = view! { <EventCalendar feed=Arc::new(Feed::default()) lang=Lang::Gl/> };
//! ```
//!
//! | prop | type | default | meaning |
//! |---|---|---|---|
//! | `feed` | `Signal<Arc<Feed>>` | required | the events shown |
//! | `lang` | `Signal<Lang>` | English | the visitor's language |
//! | `locale` | `Signal<String>` | the language's tag | a full tag such as `en-US`, whose region picks the first day of the week |
//! | `month` | `Option<Date>` | the current month | the month shown first |
//! | `class` | `MaybeProp<String>` | none | extra class on the root |

pub mod google;
pub mod ics;
pub mod layout;
pub mod model;
pub mod occur;
pub mod recur;
pub mod zone;

use std::sync::Arc;

use leptos::prelude::*;

use crate::feed::{Date, Feed, Time};
use crate::i18n::{Lang, fill, week_starts_on_sunday};
use model::month_grid;
use occur::{Intl, occurrences};

/// How many events a day cell lists before "+N more".
const PER_DAY: usize = 3;

/// A month calendar of the feed's events, with previous, next and today buttons.
#[component]
pub fn EventCalendar(
    /// The feed whose events are shown.
    #[prop(into)]
    feed: Signal<Arc<Feed>>,
    /// The visitor's language.
    #[prop(optional, into)]
    lang: Signal<Lang>,
    /// A full language tag (`en-US`) whose region decides whether weeks start on Sunday.
    #[prop(optional, into)]
    locale: MaybeProp<String>,
    /// The month shown first (any day of it); default: the current month.
    #[prop(optional)]
    month: Option<Date>,
    /// Extra class names on the root element.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let zone = Memo::new(move |_| feed.read().cluster.timezone.clone());
    let today = Memo::new(move |_| zone::now_in(&zone.read()).0);
    let shown = RwSignal::new(
        month
            .unwrap_or_else(|| today.get_untracked())
            .first_of_month(),
    );
    // The occurrences on the weeks around the month shown, in the cluster's zone.
    let placed = Memo::new(move |_| {
        let month = shown.get();
        occurrences(
            &feed.read(),
            &zone.read(),
            month.add_days(-7),
            month.add_months(1).add_days(6),
            &Intl,
        )
    });
    // One reactive scope per language and locale (see `MemberDirectory`): the month shown
    // lives above it, so switching language keeps the visitor's place.
    move || {
        let lang = lang.get();
        let s = lang.strings();
        let sunday_first =
            week_starts_on_sunday(&locale.get().unwrap_or_else(|| lang.tag().to_owned()));
        let title = move || {
            let m = shown.get();
            fill(
                s.month_year,
                &[
                    ("month", s.months[usize::from(m.month) - 1]),
                    ("year", &m.year.to_string()),
                ],
            )
        };
        let start = if sunday_first { 6 } else { 0 };
        let weekday_headers = (0..7)
            .map(|i| view! { <th scope="col">{s.weekdays_short[(start + i) % 7]}</th> })
            .collect_view();
        let weeks = move || {
            let month = shown.get();
            let feed = feed.get();
            let placed = placed.read();
            let today = today.get();
            let fallback = feed.cluster.default_language.clone();
            month_grid(month, sunday_first)
            .chunks(7)
            .map(|week| {
                let cells = week
                    .iter()
                    .map(|&day| {
                        let events: Vec<_> = placed.iter().filter(|o| o.on(day)).collect();
                        let more = events.len().saturating_sub(PER_DAY);
                        let items = events
                            .iter()
                            .take(PER_DAY)
                            .map(|p| {
                                let event = &feed.events[p.event];
                                let title = event.title.resolve(lang.tag(), &fallback).to_owned();
                                let color = event
                                    .segments
                                    .first()
                                    .and_then(|id| feed.segment(id))
                                    .or_else(|| event.category.as_deref().and_then(|c| feed.category(c)))
                                    .and_then(|s| s.color.clone())
                                    .unwrap_or_default();
                                let time = p.times.filter(|_| p.first == day).map(|(start, _)| format_time(start));
                                let label = match &time {
                                    Some(t) => format!("{t} {title}"),
                                    None => title.clone(),
                                };
                                let tooltip = label.clone();
                                view! { <li class="ck-event" style:--ck-seg=color title=tooltip>{label}</li> }
                            })
                            .collect_view();
                        let more = (more > 0).then(|| {
                            view! { <li class="ck-more-events">{fill(s.more_events, &[("n", &more.to_string())])}</li> }
                        });
                        let class = match (day.month == month.month, day == today) {
                            (_, true) => "ck-today",
                            (false, _) => "ck-outside",
                            _ => "",
                        };
                        view! {
                            <td class=class aria-current=(day == today).then_some("date")>
                                <span class="ck-day-number">{day.day}</span>
                                <ul>{items}{more}</ul>
                            </td>
                        }
                    })
                    .collect_view();
                view! { <tr>{cells}</tr> }
            })
            .collect_view()
        };
        let empty = move || {
            let month = shown.get();
            let last = month.add_months(1).add_days(-1);
            let none = !placed
                .read()
                .iter()
                .any(|p| p.first <= last && p.last >= month);
            none.then(|| view! { <p class="ck-status" role="status">{s.no_events_month}</p> })
        };
        view! {
            <section
                class=move || format!("ck-calendar {}", class.get().unwrap_or_default())
                aria-label=s.event_calendar
                part="calendar"
            >
                <div class="ck-cal-head" part="calendar-header">
                    <h2 aria-live="polite">{title}</h2>
                    <button type="button" class="ck-btn" aria-label=s.previous_month on:click=move |_| shown.update(|m| *m = m.add_months(-1))>
                        "‹"
                    </button>
                    <button type="button" class="ck-btn" on:click=move |_| shown.set(today.get().first_of_month())>
                        {s.today}
                    </button>
                    <button type="button" class="ck-btn" aria-label=s.next_month on:click=move |_| shown.update(|m| *m = m.add_months(1))>
                        "›"
                    </button>
                </div>
                <table class="ck-month" part="month">
                    <caption class="ck-visually-hidden">{title}</caption>
                    <thead><tr>{weekday_headers}</tr></thead>
                    <tbody>{weeks}</tbody>
                </table>
                {empty}
            </section>
        }
    }
}

fn format_time(t: Time) -> String {
    format!("{:02}:{:02}", t.hour, t.minute)
}
