//! The calendar's dialog: the events of a day, or one event with its details, its
//! iCalendar file and its Google Calendar link. A modal `<dialog>`: the focus stays inside;
//! Escape and back close it, or from an event opened in a day's list go back to that list.

use std::fmt::Write;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::format::{date_heading, on_day_of, on_own_clock, own_clock, repeats, when};
use super::occur::{
    Intl, Occurrence, Offsets, Span, on_day_in_order, place, times_held, until_day, zone_of,
};
use super::zone::is_visitors;
use super::{google, ics};
use crate::feed::{Date, Feed};
use crate::i18n::Lang;
use crate::ui::history::{OwnEntry, on_popped};
use crate::ui::{escape, in_its_lang, lang_of};

/// What the dialog shows.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Opened {
    /// The events of a day.
    Day(Date),
    /// One occurrence of an event, and the day whose list it was opened from, which Escape
    /// and its "Back to" button go back to.
    Event(Occurrence, Option<Date>),
}

/// Keeps what `open` shows through a new feed, where an occurrence names its event by its
/// place in the feed: the same event (by id) at its new place, on the same day; else the
/// day's list it was opened from, else nothing (the dialog closes). Before, a feed with one
/// more event at its top showed the next event's title under the one opened's date.
pub(super) fn follow_feed(
    feed: Signal<Arc<Feed>>,
    open: RwSignal<Option<Opened>>,
    placed: Memo<Vec<Occurrence>>,
) {
    let mut last = feed.get_untracked();
    crate::ui::effect(move || {
        let new = feed.get();
        let old = std::mem::replace(&mut last, Arc::clone(&new));
        if Arc::ptr_eq(&old, &new) {
            return;
        }
        let Some(Opened::Event(o, day)) = open.get_untracked() else {
            return;
        };
        let was = old.events.get(o.event);
        let now = was.and_then(|was| {
            let i = new.events.iter().position(|e| e.id == was.id)?;
            // Its occurrence on the same day, as the calendar places it now; one beyond the
            // weeks placed (opened from the list) as it was, if the event starts as it did.
            placed
                .with_untracked(|placed| {
                    placed
                        .iter()
                        .find(|p| p.event == i && p.first == o.first)
                        .cloned()
                })
                .or_else(|| {
                    (new.events[i].start == was.start).then(|| Occurrence {
                        event: i,
                        ..o.clone()
                    })
                })
        });
        open.set(match now {
            Some(o) => Some(Opened::Event(o, day)),
            None => day.map(Opened::Day),
        });
    });
}

/// What the dialog showed last, which the forward button shows again once it is closed;
/// forgotten with a new feed, whose events may stand in other places. Kept above the scope a
/// new language draws again, as `open` is.
pub(super) fn remembered(
    feed: Signal<Arc<Feed>>,
    open: RwSignal<Option<Opened>>,
) -> StoredValue<Option<Opened>> {
    let last = StoredValue::new(None);
    crate::ui::effect(move || {
        if let Some(opened) = open.get() {
            last.set_value(Some(opened));
        }
    });
    crate::ui::on_change(
        move || feed.track(),
        move |()| {
            if open.get_untracked().is_none() {
                last.set_value(None);
            }
        },
    );
    last
}

/// What forward shows again of `last`, where the calendar still shows it: an event (with
/// the day's list it was opened from, if that day is still in the weeks placed), or a day's
/// list of a day that is.
fn again(last: Option<Opened>, placed: &[Occurrence]) -> Option<Opened> {
    let shows = |day: Date| placed.iter().any(|o| o.on(day));
    match last? {
        Opened::Event(o, day) => Some(Opened::Event(o, day.filter(|&d| shows(d)))),
        Opened::Day(day) => shows(day).then_some(Opened::Day(day)),
    }
}

/// The dialog; `open` says what it shows, and closing it sets `open` to `None`.
#[component]
pub(super) fn CalendarDialog(
    feed: Signal<Arc<Feed>>,
    lang: Lang,
    zone: Memo<String>,
    /// The visitor's own zone: an event's time says the calendar's zone where it is another.
    visitor: Memo<String>,
    placed: Memo<Vec<Occurrence>>,
    open: RwSignal<Option<Opened>>,
    /// Its entry in the page's history while open, kept with `open`.
    entry: OwnEntry,
    /// What it showed last (see [`remembered`]).
    last: StoredValue<Option<Opened>>,
) -> impl IntoView {
    let s = lang.strings();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let title_id = crate::ui::unique_id("ck-event");
    crate::ui::modal_while(dialog, move || open.read().is_some());
    // The back button closes it, as it closes the directory's profile (and a phone's
    // dialogs). See `back` below.
    crate::ui::effect(move || {
        if open.read().is_some() {
            entry.hold();
        }
    });
    let on_close = move |_| {
        open.set(None);
        entry.leave();
    };
    // The content, drawn as markup (see `content`) whenever what is open changes; its tags'
    // colours through CSSOM; its buttons through one delegated click.
    let body = NodeRef::<leptos::html::Div>::new();
    // The occurrence whose day's list the visitor went back to: its button there takes the
    // focus, as a browser gives it back to what opened a dialog.
    let back_from = StoredValue::new(None::<Occurrence>);
    let heading_id = title_id.clone();
    crate::ui::effect(move || {
        let Some(body) = body.get() else {
            return;
        };
        let Some(opened) = open.get() else {
            body.set_text_content(None);
            return;
        };
        let (markup, colours) = content(
            &feed.read(),
            &opened,
            &placed.read(),
            (&zone.read(), !is_visitors(&zone.read(), &visitor.read())),
            lang,
            &heading_id,
            &Intl,
        );
        // A day's button that opened an event goes with the day: the focus moves to the
        // event's heading instead of leaving the dialog. Back in the day's list, from the
        // close button too (Escape there), the event's button takes it.
        let back = back_from.try_update_value(Option::take).flatten();
        let had_focus = crate::ui::focused_within(&body)
            || back.is_some()
                && dialog
                    .get_untracked()
                    .is_some_and(|d| crate::ui::focused_within(&d));
        crate::ui::set_html(&body, &markup);
        crate::ui::paint_segments(&body, ".ck-tag", &colours);
        let item = back.and_then(|o| placed.read_untracked().iter().position(|p| *p == o));
        let focus = match item {
            Some(i) => format!("[data-o='{i}']"),
            None => "h2".to_owned(),
        };
        if had_focus && let Ok(Some(target)) = body.query_selector(&focus) {
            crate::ui::focus(target);
        }
    });
    // From an event opened in a day's list, back to that list.
    let back = move || match open.get_untracked() {
        Some(Opened::Event(o, Some(day))) => {
            back_from.set_value(Some(o));
            open.set(Some(Opened::Day(day)));
            true
        }
        _ => false,
    };
    // Back from an event opened in a day's list goes to that list, as Escape does, which
    // takes an entry of its own again; from anything else it closes the dialog, which
    // forward opens again (as the last it showed, however it was closed).
    on_popped(move || {
        if !entry.popped() {
            let shown = again(last.get_value(), &placed.read_untracked());
            if entry.returned(|| shown.is_some()) {
                open.set(shown);
            }
            return;
        }
        if back() {
            entry.hold();
        } else {
            open.set(None);
        }
    });
    let on_key = move |ev: web_sys::KeyboardEvent| {
        crate::ui::keep_escape(ev.clone());
        // Escape undoes the last step, as closing the topmost of two dialogs would.
        if ev.key() == "Escape" && back() {
            ev.prevent_default();
        }
    };
    // So does a phone's back gesture, which asks the dialog to close without a key.
    let on_cancel = move |ev: web_sys::Event| {
        if back() {
            ev.prevent_default();
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let data = |name: &str| {
            target
                .closest(&format!("[{name}]"))
                .ok()
                .flatten()
                .and_then(|e| e.get_attribute(name))
        };
        if let Some(i) = data("data-o").and_then(|i| i.parse::<usize>().ok()) {
            if let Some(o) = placed.read_untracked().get(i).cloned() {
                let day = match open.get_untracked() {
                    Some(Opened::Day(day)) => Some(day),
                    _ => None,
                };
                open.set(Some(Opened::Event(o, day)));
            }
        } else if data("data-back").is_some() {
            back();
        } else if data("data-download").is_some()
            && let Some(Opened::Event(o, _)) = open.get_untracked()
        {
            let feed = feed.get_untracked();
            if let Some(event) = feed.events.get(o.event) {
                ics::download(&feed, vec![o.event], lang, &format!("{}.ics", event.id));
            }
        }
    };
    view! {
        <dialog
            class="ck-dialog ck-event-dialog"
            part="event"
            // A tap beside it closes it, where the browser supports it (no script of ours).
            closedby="any"
            aria-labelledby=title_id
            node_ref=dialog
            on:close=on_close
            on:keydown=on_key
            on:cancel=on_cancel
        >
            <form method="dialog" class="ck-dialog-close">
                <button type="submit" class="ck-btn" aria-label=s.close>"×"</button>
            </form>
            <div node_ref=body on:click=on_click></div>
        </dialog>
    }
}

/// What the dialog shows for `opened`, as markup headed by `title_id`, and the colours of
/// its segment tags in order (set through CSSOM: a strict CSP blocks `style` attributes).
/// A day lists its occurrences among `placed` as buttons (`data-o`, the index there); an
/// event gives its details, its `.ics` (`data-download`) and its Google Calendar link. Texts
/// from the feed are escaped.
pub(super) fn content(
    feed: &Feed,
    opened: &Opened,
    placed: &[Occurrence],
    (zone, said): (&str, bool),
    lang: Lang,
    title_id: &str,
    offsets: &impl Offsets,
) -> (String, Vec<String>) {
    let s = lang.strings();
    let fallback = &feed.cluster.default_language;
    let mut out = String::new();
    let mut colours = Vec::new();
    match opened {
        Opened::Day(day) => {
            let _ = write!(
                out,
                "<h2 id=\"{title_id}\" tabindex=\"-1\">{}</h2><ul class=\"ck-day-list\">",
                date_heading(lang, *day)
            );
            let listed = on_day_in_order(placed, *day);
            for &i in &listed {
                let o = &placed[i];
                let title = in_its_lang(&feed.events[o.event].title, lang, fallback);
                let _ = write!(
                    out,
                    "<li><button type=\"button\" class=\"ck-link\" data-o=\"{i}\">{}</button></li>",
                    on_day_of(lang, o, *day, title)
                );
            }
            out.push_str("</ul>");
            if listed.is_empty() {
                let _ = write!(out, "<p>{}</p>", s.no_events_day);
            }
        }
        Opened::Event(o, from) => {
            let Some(event) = feed.events.get(o.event) else {
                return (out, colours);
            };
            if let Some(day) = from {
                let _ = write!(
                    out,
                    "<button type=\"button\" class=\"ck-link\" data-back=\"{day}\">\
                     <span aria-hidden=\"true\">‹ </span>{}</button>",
                    s.back_to_day
                );
            }
            let new_tab = format!("<span class=\"ck-visually-hidden\"> {}</span>", s.new_tab);
            let (marked, title) = lang_of(&event.title, lang, fallback);
            let _ = write!(
                out,
                "<h2 id=\"{title_id}\" tabindex=\"-1\"{marked}>{}</h2><dl class=\"ck-contact\"><dt>{}</dt><dd>{}",
                escape(title),
                s.when,
                // Its zone `said` where the visitor's clock is another (the calendar's
                // note of it, above the grid, is far from here).
                escape(&if said && matches!(o.span, Span::Timed(..)) {
                    own_clock(lang, o, zone)
                } else {
                    when(lang, o)
                }),
            );
            // The event's own clock, when it reads otherwise than the calendar's (Andorra's
            // reads as Madrid's: no second line saying the same).
            let own = zone_of(feed, event);
            let there = matches!(o.span, Span::Timed(..))
                .then(|| place(o.event, o.span, own, offsets))
                .filter(|there| own != zone && there != o);
            if let Some(there) = &there {
                let own_clock = own_clock(lang, there, own);
                let _ = write!(
                    out,
                    "<br><span class=\"ck-muted\">{}</span>",
                    escape(&own_clock)
                );
            }
            out.push_str("</dd>");
            let held = times_held(event, own, offsets);
            let until = until_day(event, own, offsets);
            if let Some(mut how) = event
                .recurrence
                .as_ref()
                .and_then(|r| repeats(lang, r, event.start.date().day, held, until))
            {
                // Its days are its own zone's: say so where the calendar keeps another clock.
                if there.is_some() {
                    how = on_own_clock(lang, &how, own);
                }
                let _ = write!(out, "<dt>{}</dt><dd>{}</dd>", s.repeats, escape(&how));
            }
            if let Some(place) = &event.location {
                let (marked, place) = lang_of(place, lang, fallback);
                let _ = write!(
                    out,
                    "<dt>{}</dt><dd{marked}>{}</dd>",
                    s.place,
                    escape(place)
                );
            }
            out.push_str("</dl>");
            if let Some(description) = &event.description {
                crate::ui::paragraphs(&mut out, description, lang, fallback);
            }
            if let Some(id) = &event.category {
                let (marked, name) = crate::ui::name_of(feed.category(id), id, lang, fallback);
                let _ = write!(out, "<p class=\"ck-meta\"{marked}>{}</p>", escape(name));
            }
            crate::ui::segment_tags(&mut out, &mut colours, feed, &event.segments, lang);
            if let Some(href) = event.url.as_deref().and_then(|url| feed.resolve_url(url)) {
                let _ = write!(
                    out,
                    "<p class=\"ck-event-link\"><a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{}{new_tab}</a></p>",
                    escape(&href),
                    s.more_info,
                );
            }
            let _ = write!(
                out,
                "<div class=\"ck-event-actions\">\
                 <button type=\"button\" class=\"ck-btn\" data-download=\"\">{}</button>\
                 <a class=\"ck-btn\" href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{}{new_tab}</a></div>",
                s.add_to_calendar,
                escape(&google::link(feed, event, lang, offsets)),
                s.add_to_google,
            );
        }
    }
    (out, colours)
}

#[cfg(test)]
mod tests;
