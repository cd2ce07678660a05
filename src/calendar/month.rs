//! The month grid: a week per row, a cell per day (the WAI-ARIA grid pattern, one tab stop),
//! each occurrence a bar across its days in the week, and "+N more" where a day has more
//! than fit.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dialog::Opened;
use super::format::{date_long, on_day, time, zone_name};
use super::layout::week;
use super::model::month_grid;
use super::occur::{Intl, Occurrence, Span, wall, zone_of};
use crate::feed::{Date, Feed};
use crate::i18n::{Lang, fill};

/// Lanes of bars a day shows before "+N more".
const LANES: usize = 3;

/// The element an event happened on.
fn target(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?.dyn_into().ok()
}

/// The day of the grid cell holding `element` (`data-day`).
fn day_of(element: &web_sys::Element) -> Option<Date> {
    Date::parse(
        &element
            .closest("[data-day]")
            .ok()??
            .get_attribute("data-day")?,
    )
}

/// A colour for an event's bar: its first segment's, else its category's.
fn colour(feed: &Feed, o: &Occurrence) -> String {
    let event = &feed.events[o.event];
    event
        .segments
        .iter()
        .find_map(|id| feed.segment(id))
        .or_else(|| event.category.as_deref().and_then(|c| feed.category(c)))
        .and_then(|s| s.color.clone())
        .unwrap_or_default()
}

/// The month `shown` as a grid of its weeks, with the occurrences `placed` on them.
#[component]
pub(super) fn MonthGrid(
    feed: Signal<Arc<Feed>>,
    lang: Lang,
    sunday_first: bool,
    shown: RwSignal<Date>,
    today: Memo<Date>,
    zone: Memo<String>,
    placed: Memo<Vec<Occurrence>>,
    open: RwSignal<Option<Opened>>,
    title_id: String,
) -> impl IntoView {
    let s = lang.strings();
    // The day last moved to, and the day that holds the grid's one tab stop: that day in the
    // month shown, else today there, else its 1st.
    let focused = RwSignal::new(shown.get_untracked());
    let stop = Memo::new(move |_| {
        let (month, day, today) = (shown.get(), focused.get(), today.get());
        if day.first_of_month() == month {
            day
        } else if today.first_of_month() == month {
            today
        } else {
            month
        }
    });
    // Set when a key moves to another month: its cell is focused once drawn.
    let refocus = StoredValue::new(false);
    let table = NodeRef::<leptos::html::Table>::new();
    let cell = move |day: Date| -> Option<web_sys::HtmlElement> {
        table
            .get()?
            .query_selector(&format!("[data-day='{day}']"))
            .ok()??
            .dyn_into()
            .ok()
    };
    let move_stop = move |to: Date| {
        focused.set(to);
        if let Some(c) = cell(to) {
            let _ = c.focus();
        }
    };
    Effect::new(move |_| {
        shown.track();
        if refocus.get_value() {
            refocus.set_value(false);
            if let Some(c) = cell(stop.get_untracked()) {
                let _ = c.focus();
            }
        }
    });
    // Closing the dialog gives the focus back to the day.
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.read().is_some();
        if was_open == Some(true)
            && !is_open
            && let Some(c) = cell(stop.get_untracked())
        {
            let _ = c.focus();
        }
        is_open
    });
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(day) = target(&ev).and_then(|t| day_of(&t)) else {
            return;
        };
        let back = (day.weekday().index() + usize::from(sunday_first)) % 7;
        let week_start = day.add_days(-(back as i64));
        let month_away = |n: i32| {
            let first = day.first_of_month().add_months(n);
            let length = crate::feed::days_in_month(first.year, first.month);
            first.add_days(i64::from(day.day.min(length)) - 1)
        };
        let to = match ev.key().as_str() {
            "ArrowRight" => day.add_days(1),
            "ArrowLeft" => day.add_days(-1),
            "ArrowDown" => day.add_days(7),
            "ArrowUp" => day.add_days(-7),
            "PageDown" => month_away(1),
            "PageUp" => month_away(-1),
            "Home" => week_start,
            "End" => week_start.add_days(6),
            "Enter" | " " => {
                ev.prevent_default();
                open.set(Some(Opened::Day(day)));
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        if to.first_of_month() == shown.get_untracked() {
            move_stop(to);
        } else {
            refocus.set_value(true);
            focused.set(to);
            shown.set(to.first_of_month());
        }
    };
    // A click on a cell focuses it: it takes the tab stop.
    let on_focus = move |ev: web_sys::FocusEvent| {
        if let Some(day) = target(&ev).and_then(|t| day_of(&t))
            && day != focused.get_untracked()
            && day.first_of_month() == shown.get_untracked()
        {
            focused.set(day);
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(element) = target(&ev) else {
            return;
        };
        let bar = element
            .closest("[data-o]")
            .ok()
            .flatten()
            .and_then(|b| b.get_attribute("data-o")?.parse::<usize>().ok());
        if let Some(o) = bar.and_then(|i| placed.read_untracked().get(i).cloned()) {
            open.set(Some(Opened::Event(o)));
        } else if element.closest("[data-more]").ok().flatten().is_some()
            && let Some(day) = day_of(&element)
        {
            open.set(Some(Opened::Day(day)));
        }
    };

    let start = if sunday_first { 6 } else { 0 };
    let headers = (0..7)
        .map(|i| {
            let k = (start + i) % 7;
            view! { <th scope="col" aria-label=s.weekdays[k]>{s.weekdays_short[k]}</th> }
        })
        .collect_view();
    let weeks = move || {
        let month = shown.get();
        let feed = feed.get();
        let placed = placed.read();
        let today = today.get();
        let zone = zone.get();
        let fallback = feed.cluster.default_language.clone();
        let title = |o: &Occurrence| {
            feed.events[o.event]
                .title
                .resolve(lang.tag(), &fallback)
                .to_owned()
        };
        // A bar's text, with its start time on its first day.
        let text = |o: &Occurrence, day: Date| on_day(o, day, title(o));
        month_grid(month, sunday_first)
            .chunks(7)
            .map(|days| {
                let laid = week(days[0], &placed, LANES);
                let cells = days
                    .iter()
                    .enumerate()
                    .map(|(column, &day)| {
                        let on_day: Vec<String> = placed
                            .iter()
                            .filter(|o| o.on(day))
                            .map(|o| text(o, day))
                            .collect();
                        let label = match on_day.len() {
                            0 => date_long(lang, day),
                            n => {
                                let count = if n == 1 {
                                    s.events_one.to_owned()
                                } else {
                                    fill(s.events_other, &[("n", &n.to_string())])
                                };
                                format!("{}: {count}: {}", date_long(lang, day), on_day.join(", "))
                            }
                        };
                        let bars = laid
                            .bars
                            .iter()
                            .filter(|b| b.column == column)
                            .map(|b| {
                                let o = &placed[b.occurrence];
                                let label = text(o, day);
                                // An event in another zone gives its own clock on hover.
                                let own = zone_of(&feed, &feed.events[o.event]);
                                let hover = match o.span {
                                    Span::Timed(start, _) if own != zone => {
                                        let (d, t) = wall(start, own, &Intl);
                                        let at = format!("{}, {}", date_long(lang, d), time(t));
                                        format!("{label}\n{}", fill(s.time_in_zone, &[("time", &at), ("zone", &zone_name(own))]))
                                    }
                                    _ => label.clone(),
                                };
                                let class = format!(
                                    "ck-bar ck-lane-{} ck-span-{}{}{}",
                                    b.lane,
                                    b.span,
                                    if b.continued { " ck-continued" } else { "" },
                                    if b.continues { " ck-continues" } else { "" }
                                );
                                view! {
                                    <div class=class data-o=b.occurrence style:--ck-seg=colour(&feed, o) title=hover>
                                        {label}
                                    </div>
                                }
                            })
                            .collect_view();
                        let more = (laid.more[column] > 0).then(|| {
                            let n = laid.more[column].to_string();
                            view! { <span class="ck-more" data-more="">{fill(s.more_events, &[("n", &n)])}</span> }
                        });
                        let class = match (day == today, day.month == month.month) {
                            (true, _) => "ck-today",
                            (false, false) => "ck-outside",
                            _ => "",
                        };
                        view! {
                            <td
                                class=class
                                data-day=day.to_string()
                                tabindex=move || if stop.get() == day { "0" } else { "-1" }
                                aria-current=(day == today).then_some("date")
                            >
                                // Named by its date and events; what shows is a summary of it.
                                <span class="ck-visually-hidden">{label}</span>
                                <span class="ck-day-number" aria-hidden="true">{day.day}</span>
                                <div class="ck-bars" aria-hidden="true">{bars}{more}</div>
                            </td>
                        }
                    })
                    .collect_view();
                view! { <tr>{cells}</tr> }
            })
            .collect_view()
    };
    view! {
        <table
            class="ck-month"
            part="month"
            role="grid"
            aria-labelledby=title_id
            node_ref=table
            on:keydown=on_key
            on:focusin=on_focus
            on:click=on_click
        >
            <thead>
                <tr>{headers}</tr>
            </thead>
            <tbody>{weeks}</tbody>
        </table>
    }
}
