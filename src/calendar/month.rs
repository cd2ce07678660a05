//! The month grid: a week per row, a cell per day (the WAI-ARIA grid pattern, one tab stop),
//! drawn by [`weeks`](super::weeks); here are its keyboard, its clicks and its focus.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::agenda::earliest;
use super::dialog::Opened;
use super::format::{date_long, month_year};
use super::model::week_start;
use super::occur::{Intl, Occurrence, next_kept_day, previous_kept_day};
use super::weeks::{Place, weeks};
use crate::feed::{Date, Feed};
use crate::i18n::{Lang, fill};

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

/// Marks with `data-faint` each event's bar in `body` whose segment colour has less than
/// 3:1 against the page behind the grid (WCAG 1.4.11), as the browser computed both: a feed
/// may give any colour, and the page any background. In a narrow grid a bar is a strip of
/// its colour and nothing else, which the stylesheet then rings in the text's colour; a wide
/// grid's bars say their titles.
fn mark_faint(body: &web_sys::Element) {
    use crate::ui::colour::{backdrop, computed};
    let Ok(bars) = body.query_selector_all(".ck-bar") else {
        return;
    };
    let behind = backdrop(body);
    for i in 0..bars.length() {
        let Some(bar) = bars
            .item(i)
            .and_then(|b| b.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let faint = computed(&bar, "border-inline-start-color").is_some_and(|c| c.faint_on(behind));
        let _ = bar.toggle_attribute_with_force("data-faint", faint);
    }
}

/// The month `shown` as a grid of its weeks, with the occurrences `placed` on them.
#[component]
pub(super) fn MonthGrid(
    feed: Signal<Arc<Feed>>,
    lang: Lang,
    /// The day each week starts on.
    first_day: crate::feed::Weekday,
    shown: RwSignal<Date>,
    /// The day last moved to (by a key, a click, or "today").
    focused: RwSignal<Date>,
    today: Memo<Date>,
    zone: Memo<String>,
    placed: Memo<Vec<Occurrence>>,
    kept: Memo<Vec<bool>>,
    open: RwSignal<Option<Opened>>,
    title_id: String,
) -> impl IntoView {
    let s = lang.strings();
    // The day that holds the grid's one tab stop: the day last moved to in the month shown,
    // else today there, else its 1st.
    let stop = crate::ui::memo(move |_| {
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
    // Closing the dialog gives the focus back to the day, unless it has moved on.
    let mut was_open = false;
    crate::ui::effect(move || {
        let is_open = open.read().is_some();
        if std::mem::replace(&mut was_open, is_open)
            && !is_open
            && table
                .get_untracked()
                .is_some_and(|table| !crate::ui::focus_moved_on(&table))
            && let Some(c) = cell(stop.get_untracked())
        {
            let _ = c.focus();
        }
    });
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(day) = target(&ev).and_then(|t| day_of(&t)) else {
            return;
        };
        let this_week = week_start(day, first_day);
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
            "Home" => this_week,
            "End" => this_week.add_days(6),
            // As a click, a day without events opens nothing (an empty dialog would only
            // say the date).
            "Enter" | " " => {
                ev.prevent_default();
                if placed.read_untracked().iter().any(|o| o.on(day)) {
                    open.set(Some(Opened::Day(day)));
                }
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
    // Whether no event the filters keep shows on the month shown.
    let month_is_empty = move || {
        let month = shown.get();
        !placed.read().iter().any(|o| o.in_month(month))
    };
    // A month without events says so, with the day of the next one (within five years), else
    // of the last before it (a dormant calendar's archive, back to its first event): one
    // press shows its month, with the focus on that day. Each looked for a year at a time,
    // so that a long daily series is not listed for decades to find one.
    let empty = move || {
        if !month_is_empty() {
            return None;
        }
        let (feed, kept, zone) = (feed.read(), kept.read(), zone.read());
        let kept = Some(kept.as_slice());
        let month = shown.get();
        let next = next_kept_day(&feed, &zone, month.add_months(1), &Intl, kept);
        let (text, day) = next.map(|day| (s.next_event, day)).or_else(|| {
            let floor = earliest(&feed, month, kept);
            let last = previous_kept_day(&feed, &zone, month, floor, &Intl, kept)?;
            Some((s.previous_event, last))
        })?;
        let go = move |day: Date| {
            refocus.set_value(true);
            focused.set(day);
            shown.set(day.first_of_month());
        };
        Some(view! {
            <p class="ck-next">
                <button type="button" class="ck-link" on:click=move |_| go(day)>
                    {fill(text, &[("date", &date_long(lang, day))])}
                </button>
            </p>
        })
    };
    // Said in a live region that is always there (one inserted with its text is not read
    // out by every screen reader), with the month for screen readers, so that the next
    // empty month is said too; empty, it takes no room. Drawn as markup, all of it each
    // time: a page translator's text stands in for our text nodes, and would stay.
    // A new month is said at once; a search or a choice that empties the month shown (or
    // fills it again), once the visitor pauses, as the count is: not "no events" after every
    // letter typed.
    let status = NodeRef::<leptos::html::P>::new();
    let said = StoredValue::new(String::new());
    let settling = crate::ui::Settling::new();
    let mut month_was = None;
    crate::ui::effect(move || {
        let month = shown.get();
        let was = if status.get().is_some() {
            month_was.replace(month)
        } else {
            None
        };
        let now = if month_is_empty() {
            // The month named, but where the visitor went to it: its heading says it then.
            let named = if was.is_some_and(|was| was != month) {
                String::new()
            } else {
                format!(
                    "<span class=\"ck-visually-hidden\">{}. </span>",
                    crate::ui::escape(&month_year(lang, month))
                )
            };
            let unread = feed.with(|f| f.events.is_empty() && f.skipped.events > 0);
            format!(
                "{named}{}",
                crate::ui::escape(if unread {
                    s.events_unread
                } else {
                    s.no_events_month
                })
            )
        } else {
            String::new()
        };
        settling.cancel();
        // A month gone to after another empty one says so too: the same words again are a
        // change (a no-break space after them, or not), where a live region says changes.
        let again = was.is_some_and(|was| was != month) && !now.is_empty();
        let write = move || {
            let mut now = now;
            if again && said.try_with_value(|said| *said == now) == Some(true) {
                now.push('\u{a0}');
            }
            if let Some(p) = status.try_get_untracked().flatten()
                && said.try_with_value(|said| *said != now) == Some(true)
            {
                crate::ui::set_html(&p, &now);
                said.set_value(now);
            }
        };
        if was == Some(month) {
            settling.later(write);
        } else {
            write();
        }
    });
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
        // A bar opens its event; elsewhere in a day with events ("+N more", or a phone's
        // strips too thin to aim at), the day's list.
        if let Some(o) = bar.and_then(|i| placed.read_untracked().get(i).cloned()) {
            open.set(Some(Opened::Event(o, None)));
        } else if let Some(day) = day_of(&element)
            && placed.read_untracked().iter().any(|o| o.on(day))
        {
            open.set(Some(Opened::Day(day)));
        }
    };

    let start = first_day.index();
    let headers = (0..7)
        .map(|i| {
            let k = (start + i) % 7;
            // The short name, or on a phone the narrowest (see calendar.css).
            view! {
                <th scope="col" aria-label=s.weekdays[k]>
                    <span class="ck-wd">{s.weekdays_short[k]}</span>
                    <span class="ck-wd-narrow">{s.weekdays_narrow[k]}</span>
                </th>
            }
        })
        .collect_view();
    // The weeks, drawn whole (see `weeks`) when the month or what is on it changes; the tab
    // stop moves on its own, without a redraw.
    let body = NodeRef::<leptos::html::Tbody>::new();
    crate::ui::effect(move || {
        let Some(body) = body.get() else {
            return;
        };
        let place = Place {
            month: shown.get(),
            first_day,
            today: today.get(),
            stop: stop.get_untracked(),
        };
        let drawn = weeks(
            &feed.read(),
            &placed.read(),
            &place,
            &zone.read(),
            lang,
            &Intl,
        );
        // Drawn again with the focus in it (at midnight, say), its tab stop takes it back.
        let had_focus = crate::ui::focused_within(&body);
        crate::ui::set_html(&body, &drawn.markup);
        crate::ui::paint_segments(&body, ".ck-bar", &drawn.colours);
        // Once the grid is painted: its styles are computed by then, and reading them forces
        // no recalculation inside the visitor's click ("next month" on a busy calendar took
        // five times as long).
        let drawn = body.clone();
        request_animation_frame(move || {
            set_timeout(
                move || {
                    if drawn.is_connected() {
                        mark_faint(&drawn);
                    }
                },
                std::time::Duration::ZERO,
            );
        });
        if refocus.get_value() || had_focus {
            refocus.set_value(false);
            if let Some(c) = cell(place.stop) {
                let _ = c.focus();
            }
        }
    });
    // Strips marked again whenever the colours around the grid may have changed: the
    // visitor's colour scheme, a site's dark-mode switch, the widget's theme.
    crate::ui::effect(move || {
        if let Some(body) = body.get() {
            let body: web_sys::Element = body.into();
            crate::ui::colour::watch_surroundings(&body.clone(), move || mark_faint(&body));
        }
    });
    let mut previous = None::<Date>;
    crate::ui::effect(move || {
        let stop = stop.get();
        let previous = previous.replace(stop);
        if previous.is_some_and(|p| p != stop) {
            if let Some(old) = previous.and_then(cell) {
                let _ = old.set_attribute("tabindex", "-1");
            }
            if let Some(new) = cell(stop) {
                let _ = new.set_attribute("tabindex", "0");
            }
        }
    });
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
            <tbody node_ref=body></tbody>
        </table>
        <p class="ck-status" role="status" node_ref=status></p>
        {empty}
    }
}
