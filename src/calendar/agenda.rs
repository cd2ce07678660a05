//! The list view: the occurrences from today (or the month the page names) on, month by
//! month, each a link that opens the event; a year more either way on request, or fewer
//! months where they hold many events, so that a busy calendar never puts thousands of
//! them in the page at once.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use std::fmt::Write;

use super::dialog::Opened;
use super::format::{month_year, when};
use super::occur::{
    Intl, Occurrence, Offsets, any_kept_occurrence, events_among, in_order_begun, kept_events,
    kept_occurrences, next_kept_day, previous_kept_day,
};
use crate::feed::{Date, Feed};
use crate::i18n::Lang;
use crate::ui::{escape, in_its_lang, lang_of};

/// The agenda, from `today` on in the calendar's `zone`, or from the first day of `month`
/// when the page named one (`month="2027-03"`: what is on from March).
#[component]
pub(super) fn Agenda(
    feed: Signal<Arc<Feed>>,
    lang: Lang,
    today: Memo<Date>,
    month: Signal<Option<Date>>,
    zone: Memo<String>,
    kept: Memo<Vec<bool>>,
    open: RwSignal<Option<Opened>>,
    /// The calendar's heading level: the months are one below.
    heading: u8,
    /// The calendar's name, which its download takes.
    name: Memo<String>,
    /// Told how many events the list shows, for the calendar's count; `None` once the
    /// list is gone.
    listed_events: RwSignal<Option<usize>>,
) -> impl IntoView {
    let s = lang.strings();
    // How far the visitor has taken the list: its first and last day once they asked for
    // earlier or later events, kept as days, so that a filter set or cleared meanwhile does
    // not take away the months they reached. Before that, from today, one step on.
    let (reached_from, reached_to) = (RwSignal::new(None::<Date>), RwSignal::new(None::<Date>));
    // A new month from the app or page starts the list there again: what the visitor reached
    // from the last one goes.
    crate::ui::on_new(
        move || month.get().map(Date::first_of_month),
        move |_| {
            reached_from.set(None);
            reached_to.set(None);
        },
    );
    let listed = crate::ui::memo(move |_| {
        let today = month
            .get()
            .map_or_else(|| today.get(), Date::first_of_month);
        let (feed, kept) = (feed.read(), kept.read());
        let (zone, kept) = (zone.read(), Some(kept.as_slice()));
        let from = reached_from.get().filter(|&f| f < today).unwrap_or(today);
        let to = reached_to
            .get()
            .filter(|&t| t >= today)
            .or_else(|| step_on(&feed, &zone, today, kept, &Intl))
            .unwrap_or_else(|| today.first_of_month().add_months(12).add_days(-1));
        let list = in_order_begun(kept_occurrences(&feed, &zone, from, to, &Intl, kept));
        // Whether asking for earlier or later events can show any: an occurrence between the
        // first kept event's start and the list (see `earliest`), or within five years after
        // it (a rule's COUNT may end it, however open its UNTIL). If not, the button goes.
        let earlier = any_kept_occurrence(
            &feed,
            &zone,
            (earliest(&feed, from, kept), from.add_days(-1)),
            &Intl,
            kept,
        );
        let later = any_kept_occurrence(
            &feed,
            &zone,
            (to.add_days(1), to.add_months(60)),
            &Intl,
            kept,
        );
        Listed {
            from,
            to,
            list,
            more: [earlier, later],
        }
    });
    crate::ui::effect(move || {
        let events = Some(listed.with(|l| events_among(l.list.iter())));
        if listed_events.try_get_untracked() != Some(events) {
            listed_events.try_set(events);
        }
    });
    on_cleanup(move || {
        listed_events.try_set(None);
    });
    // A step either way from where the list ends now.
    let step = move |later: bool| {
        let (from, to) = listed.with_untracked(|l| (l.from, l.to));
        let (feed, kept) = (feed.read_untracked(), kept.read_untracked());
        let (zone, kept) = (zone.read_untracked(), Some(kept.as_slice()));
        if later {
            let next = step_on(&feed, &zone, to.add_days(1), kept, &Intl);
            reached_to.set(next.or(Some(to)));
        } else {
            let floor = earliest(&feed, from, kept);
            let next = step_back(&feed, &zone, from, floor, kept, &Intl);
            reached_from.set(next.or(Some(from)));
        }
    };
    // The item that opened the dialog gets the focus back, unless it has moved on.
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let list_ref = NodeRef::<leptos::html::Div>::new();
    let mut was_open = false;
    crate::ui::effect(move || {
        let is_open = open.read().is_some();
        if std::mem::replace(&mut was_open, is_open)
            && !is_open
            && let Some(item) = opener.get_value()
            && let Some(list) = list_ref.get_untracked()
            && !crate::ui::focus_moved_on(&list)
        {
            // Drawn again meanwhile (at midnight, say): the same place in the new list.
            let item = if item.is_connected() {
                Some(item.into())
            } else {
                item.get_attribute("data-o")
                    .and_then(|o| list.query_selector(&format!("[data-o=\"{o}\"]")).ok()?)
            };
            if let Some(item) = item {
                crate::ui::focus(item);
            }
        }
    });
    // A plain click opens the event here; on a link (the event's own page), a click with a
    // modifier (a new tab, say) is the link's own.
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(item) = crate::ui::closest(&ev, "[data-o]") else {
            return;
        };
        let modified =
            ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key();
        if modified && item.local_name() == "a" {
            return;
        }
        let index = item
            .get_attribute("data-o")
            .and_then(|i| i.parse::<usize>().ok());
        if let Some(o) = index.and_then(|i| listed.read_untracked().list.get(i).cloned()) {
            ev.prevent_default();
            opener.set_value(item.dyn_into().ok());
            open.set(Some(Opened::Event(o, None)));
        }
    };
    // "Show earlier" or "show later" that goes when pressed (nothing more that way) hands
    // the focus to the list's first or last event instead of dropping it.
    let pressed = StoredValue::new(None::<usize>);
    let list_id = crate::ui::unique_id("ck-agenda");
    // The months, drawn as markup; the occurrences drawn, whose focused one is found again
    // in the new list (at midnight, those that ended go from its top: else the first).
    let mut drawn: Vec<Occurrence> = Vec::new();
    crate::ui::effect(move || {
        let Some(div) = list_ref.get() else {
            return;
        };
        let held = crate::ui::focused_in(&div)
            .and_then(|item| item.get_attribute("data-o")?.parse::<usize>().ok())
            .and_then(|i| drawn.get(i).cloned());
        let more = listed.with(|l| {
            crate::ui::set_html(
                &div,
                &markup(&feed.read(), &l.list, l.from, (lang, heading + 1), &list_id),
            );
            drawn.clone_from(&l.list);
            l.more
        });
        if let Some(held) = held {
            let at = drawn.iter().position(|o| *o == held).unwrap_or(0);
            let again = div
                .query_selector(&format!("[data-o=\"{at}\"]"))
                .ok()
                .flatten();
            if let Some(item) = again {
                crate::ui::focus(item);
            }
        }
        let gone = pressed
            .try_update_value(|p| p.take())
            .flatten()
            .filter(|&k| !more[k]);
        let items = gone.and_then(|_| div.query_selector_all(".ck-agenda-item").ok());
        if let (Some(k), Some(items)) = (gone, items) {
            let at = if k == 0 {
                0
            } else {
                items.length().saturating_sub(1)
            };
            if let Some(item) = items.get(at).and_then(|i| i.dyn_into().ok()) {
                crate::ui::focus(item);
            }
        }
    });
    view! {
        <div class="ck-agenda" part="agenda">
            <button type="button" class="ck-link" hidden=move || !listed.read().more[0] on:click=move |_| {
                pressed.set_value(Some(0));
                step(false);
            }>
                {s.show_earlier}
            </button>
            <div on:click=on_click node_ref=list_ref></div>
            <button type="button" class="ck-link" hidden=move || !listed.read().more[1] on:click=move |_| {
                pressed.set_value(Some(1));
                step(true);
            }>
                {s.show_later}
            </button>
            // Nothing listed (a search that matches nothing): no file of nothing to download.
            <button
                type="button"
                class="ck-link"
                hidden=move || listed.read().list.is_empty()
                on:click=move |_| {
                    let events = listed.read_untracked().list.iter().map(|o| o.event).collect();
                    let file = format!("{}.ics", super::file_name(name));
                    super::ics::download(&feed.get_untracked(), events, lang, &file);
                }
            >
                {s.download_events}
            </button>
        </div>
    }
}

/// What the list shows: its first and last day, its occurrences in the order they begin,
/// and whether there are earlier and later ones to ask for.
#[derive(Clone, PartialEq)]
struct Listed {
    from: Date,
    to: Date,
    list: Vec<Occurrence>,
    more: [bool; 2],
}

/// About how many events a step of the list shows (the first, and each "show earlier" or
/// "show later"): a year of a real cluster's few dozen, a busy calendar's month.
const PER_STEP: usize = 100;

/// Where a search for earlier events stops: two days before the first kept event's start,
/// which is written in its own zone, up to two days ahead of the calendar's (00:30 in
/// Auckland is the day before in Madrid). A one-off counts back fifty years at most (a
/// dormant cluster's archive); a series five years (a daily series begun in the year 1, a
/// slip for 2001, would otherwise be walked for two thousand years). The steps back list a
/// year at most at a time, so that such a series beside an old one-off costs no more than a
/// step of it.
pub(super) fn earliest(feed: &Feed, from: Date, kept: Option<&[bool]>) -> Date {
    kept_events(feed, kept)
        .map(|(_, e)| {
            let years = if e.recurrence.is_some() { 5 } else { 50 };
            e.start
                .date()
                .add_days(-2)
                .max(from.add_months(-12 * years))
        })
        .min()
        .unwrap_or(from)
}

/// The number of whole months, from the first of `slots` (each the events of a month, in
/// the order a step goes), that hold about [`PER_STEP`] events: all twelve if they hold fewer.
fn months_held(slots: &[usize; 12]) -> usize {
    let mut held = 0;
    for (i, n) in slots.iter().enumerate() {
        held += n;
        if held >= PER_STEP {
            return i + 1;
        }
    }
    12
}

/// The months between the firsts of month `a` and month `b` (`b` later).
fn months_apart(a: Date, b: Date) -> usize {
    ((b.year - a.year) * 12 + i32::from(b.month) - i32::from(a.month)).max(0) as usize
}

/// The last day of a step of the list that goes on from `from`: the end of the month in
/// which its events reach about [`PER_STEP`], or of a year of months, counted from the month
/// of the first event on or after `from` (within five years), so that a step shows something
/// wherever anything is left. `None` where nothing is.
fn step_on(
    feed: &Feed,
    zone: &str,
    from: Date,
    kept: Option<&[bool]>,
    offsets: &impl Offsets,
) -> Option<Date> {
    let first = next_kept_day(feed, zone, from, offsets, kept)?.first_of_month();
    // A year of months from that first event's.
    let end = first.add_months(12).add_days(-1);
    let mut slots = [0; 12];
    for o in &kept_occurrences(feed, zone, first.max(from), end, offsets, kept) {
        if let Some(slot) = slots.get_mut(months_apart(first, o.first.max(first))) {
            *slot += 1;
        }
    }
    Some(first.add_months(months_held(&slots) as i32).add_days(-1))
}

/// The first day of a step of the list back from the day before `to` (the first of a
/// month), mirroring [`step_on`]: counted back from the month of the last event before `to`,
/// no further than `floor`. `None` where nothing is left.
fn step_back(
    feed: &Feed,
    zone: &str,
    to: Date,
    floor: Date,
    kept: Option<&[bool]>,
    offsets: &impl Offsets,
) -> Option<Date> {
    let last = previous_kept_day(feed, zone, to, floor, offsets, kept)?.first_of_month();
    // A year of months back from that last event's.
    let back_to = last.add_months(-11).max(floor);
    let mut slots = [0; 12];
    for o in &kept_occurrences(feed, zone, back_to, to.add_days(-1), offsets, kept) {
        let month = o.first.max(back_to).first_of_month();
        if let Some(slot) = slots.get_mut(months_apart(month, last)) {
            *slot += 1;
        }
    }
    Some(last.add_months(1 - months_held(&slots) as i32).max(floor))
}

/// The occurrences `list` (listed from `from`) as markup, month by month, each a link: to the
/// event's own page where it has one (for a new tab, or to copy), else to the item itself.
/// Texts from the feed are escaped.
fn markup(
    feed: &Feed,
    list: &[Occurrence],
    from: Date,
    (lang, level): (Lang, u8),
    list_id: &str,
) -> String {
    let s = lang.strings();
    let level = crate::ui::level_attr(3, level);
    if list.is_empty() {
        let unread = feed.events.is_empty() && feed.skipped.events > 0;
        return format!(
            "<p class=\"ck-status\" role=\"status\">{}</p>",
            if unread {
                s.events_unread
            } else {
                s.no_upcoming
            }
        );
    }
    let fallback = &feed.cluster.default_language;
    let mut out = String::new();
    let mut month_open = None;
    for (i, o) in list.iter().enumerate() {
        // An occurrence goes under the month it is listed from.
        let month = o.first.max(from).first_of_month();
        if month_open != Some(month) {
            if month_open.is_some() {
                out.push_str("</ul></section>");
            }
            let heading = month_year(lang, month);
            let _ = write!(
                out,
                "<section class=\"ck-agenda-month\"><h3{level}>{heading}</h3><ul>"
            );
            month_open = Some(month);
        }
        let event = &feed.events[o.event];
        let id = format!("{list_id}-{i}");
        // An event with a page of its own is a link to it (a new tab takes it); one without
        // is a button: a link to `#id` opened the page's home in a new tab under `<base>`.
        let (open, close) = match event.url.as_deref().and_then(|url| feed.resolve_url(url)) {
            Some(href) => (format!("a href=\"{}\"", escape(&href)), "a"),
            None => ("button type=\"button\"".to_owned(), "button"),
        };
        let place = event.location.as_ref().map_or_else(String::new, |l| {
            format!(" · {}", in_its_lang(l, lang, fallback))
        });
        let (marked, title) = lang_of(&event.title, lang, fallback);
        let _ = write!(
            out,
            // A click opens its details in a dialog, which the link says (the event's own
            // page stays a link, for a new tab). Its name, read out, pauses between the
            // title and the date the lines part on screen.
            "<li><{open} class=\"ck-agenda-item\" id=\"{id}\" data-o=\"{i}\" aria-haspopup=\"dialog\">\
             <span class=\"ck-agenda-title\"{marked}>{}</span><span class=\"ck-visually-hidden\">, </span>\
             <span class=\"ck-muted\">{}{place}</span></{close}></li>",
            escape(title),
            escape(&when(lang, o)),
        );
    }
    out.push_str("</ul></section>");
    out
}

#[cfg(test)]
mod tests;
