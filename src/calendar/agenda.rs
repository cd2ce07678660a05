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
use super::occur::{Intl, Occurrence, Offsets, in_order_begun, kept_occurrences};
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
    month: Option<Date>,
    zone: Memo<String>,
    kept: Memo<Vec<bool>>,
    open: RwSignal<Option<Opened>>,
    /// The calendar's heading level: the months are one below.
    heading: u8,
) -> impl IntoView {
    let s = lang.strings();
    // How many times the visitor asked for earlier events, and for later ones.
    let (before, after) = (RwSignal::new(0u32), RwSignal::new(1u32));
    let listed = crate::ui::memo(move |_| {
        let today = month.map_or_else(|| today.get(), Date::first_of_month);
        let (feed, kept) = (feed.read(), kept.read());
        let zone = zone.read();
        let occurring = |from: Date, to: Date| {
            from <= to && !kept_occurrences(&feed, &zone, from, to, &Intl, Some(&kept)).is_empty()
        };
        let (from, to, list) = window(
            &feed,
            &zone,
            today,
            (before.get(), after.get()),
            Some(&kept),
            &Intl,
        );
        // Whether asking for earlier or later events can show any: an occurrence between the
        // first kept event's start and the list, or within five years after it (a rule's
        // COUNT may end it, however open its UNTIL). If not, the button goes. A start is
        // written in its own zone, up to two days ahead of the calendar's (00:30 in Auckland
        // is the day before in Madrid): the search begins two days before it, and at most
        // five years back, as far as it looks ahead (a daily series begun in the year 1, a
        // slip for 2001, would otherwise be walked day by day for two thousand years).
        let first = feed
            .events
            .iter()
            .zip(kept.iter())
            .filter(|(_, k)| **k)
            .map(|(e, _)| e.start.date().add_days(-2))
            .min()
            .map(|first| first.max(from.add_months(-60)));
        let earlier = first.is_some_and(|first| occurring(first, from.add_days(-1)));
        let later = occurring(to.add_days(1), to.add_months(60));
        (from, list, [earlier, later])
    });
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
        let Some(item) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[data-o]").ok().flatten())
        else {
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
        if let Some(o) = index.and_then(|i| listed.read_untracked().1.get(i).cloned()) {
            ev.prevent_default();
            opener.set_value(item.dyn_into().ok());
            open.set(Some(Opened::Event(o, None)));
        }
    };
    // "Show earlier" or "show later" that goes when pressed (nothing more that way) hands
    // the focus to the list's first or last event instead of dropping it.
    let pressed = StoredValue::new(None::<usize>);
    let list_id = crate::ui::unique_id("ck-agenda");
    // The months, drawn as markup.
    crate::ui::effect(move || {
        let Some(div) = list_ref.get() else {
            return;
        };
        let more = listed.with(|(from, list, more)| {
            crate::ui::set_html(
                &div,
                &markup(&feed.read(), list, *from, (lang, heading + 1), &list_id),
            );
            *more
        });
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
            <button type="button" class="ck-link" hidden=move || !listed.read().2[0] on:click=move |_| {
                pressed.set_value(Some(0));
                before.update(|b| *b += 1);
            }>
                {s.show_earlier}
            </button>
            <div on:click=on_click node_ref=list_ref></div>
            <button type="button" class="ck-link" hidden=move || !listed.read().2[1] on:click=move |_| {
                pressed.set_value(Some(1));
                after.update(|a| *a += 1);
            }>
                {s.show_later}
            </button>
            // Nothing listed (a search that matches nothing): no file of nothing to download.
            <button
                type="button"
                class="ck-link"
                hidden=move || listed.read().1.is_empty()
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

/// About how many events each "show earlier" or "show later" adds, and the list shows at
/// first: a year of a real cluster's (a few dozen), a few days of a busy calendar's.
const PER_STEP: usize = 100;

/// How many of `slots` (months, the nearest first; `slots[i]` events in each) `steps` steps
/// show, the first `fixed` of them always: each step a year of months, or fewer once they
/// hold about [`PER_STEP`] events a step, but one month more than the step before at least.
fn months_for(slots: &[usize], steps: usize, fixed: usize) -> usize {
    let mut shown = fixed;
    for step in 1..=steps {
        let (min, max) = (shown + 1, 12 * step + fixed);
        let mut held = 0;
        shown = max;
        for (i, n) in slots.iter().enumerate().take(max) {
            held += n;
            if held >= PER_STEP * step && i + 1 >= min {
                shown = i + 1;
                break;
            }
        }
    }
    shown
}

/// What the list shows from `today` after `earlier` steps back and `later` steps on (the
/// first counts as one): its first and last day, and the occurrences in the order they
/// begin. Each step is a year of months, or fewer whole months (one at least) once they
/// hold about [`PER_STEP`] events.
fn window(
    feed: &Feed,
    zone: &str,
    today: Date,
    (earlier, later): (u32, u32),
    kept: Option<&[bool]>,
    offsets: &impl Offsets,
) -> (Date, Date, Vec<Occurrence>) {
    let start = today.first_of_month();
    let months = |steps: u32| 12 * steps as usize;
    // An occurrence is listed under its month, or under today's if it began before today.
    let months_from = |d: Date, from: Date| {
        let m = d.max(from).first_of_month();
        ((m.year - start.year) * 12 + i32::from(m.month) - i32::from(start.month)).unsigned_abs()
            as usize
    };
    let ahead_to = start.add_months(months(later) as i32).add_days(-1);
    let ahead = in_order_begun(kept_occurrences(feed, zone, today, ahead_to, offsets, kept));
    let mut slots = vec![0; months(later)];
    for o in &ahead {
        if let Some(slot) = slots.get_mut(months_from(o.first, today)) {
            *slot += 1;
        }
    }
    let shown = months_for(&slots, later as usize, 0);
    let to = start.add_months(shown as i32).add_days(-1);
    let mut from = today;
    if earlier > 0 {
        // Counted back from today: this month's days before it, then a month at a time.
        let back_from = start.add_months(-(months(earlier) as i32));
        let behind = kept_occurrences(feed, zone, back_from, today.add_days(-1), offsets, kept);
        let mut slots = vec![0; months(earlier) + 1];
        for o in &behind {
            if let Some(slot) = slots.get_mut(months_from(o.first, back_from)) {
                *slot += 1;
            }
        }
        // Slot `i` is `i` months back from this one: the nearest first.
        let back = months_for(&slots, earlier as usize, 1) - 1;
        from = start.add_months(-(back as i32));
    }
    let list = in_order_begun(kept_occurrences(feed, zone, from, to, offsets, kept));
    (from, to, list)
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
        return format!(
            "<p class=\"ck-status\" role=\"status\">{}</p>",
            s.no_upcoming
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
            // page stays a link, for a new tab).
            "<li><{open} class=\"ck-agenda-item\" id=\"{id}\" data-o=\"{i}\" aria-haspopup=\"dialog\">\
             <span class=\"ck-agenda-title\"{marked}>{}</span>\
             <span class=\"ck-muted\">{}{place}</span></{close}></li>",
            escape(title),
            escape(&when(lang, o)),
        );
    }
    out.push_str("</ul></section>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::occur::{occurrences, testing::Jiff};
    use crate::feed::{Event, Text, When};

    #[test]
    fn months_head_their_events_and_each_event_is_a_safe_link() {
        let d = |s: &str| Date::parse(s).unwrap();
        let mut ventana = Event::new(
            "ventana",
            Text::from([("es", "Ventana Sur")]),
            When::parse("2026-12-01").unwrap(),
        );
        ventana.url = Some("https://ventana-sur.example/?a=1&b=2".into());
        ventana.location = Some(Text::from([("es", "Buenos Aires")]));
        let mut hostile = Event::new(
            "x",
            "\"><img src=x onerror=alert(1)>",
            When::parse("2026-11-25").unwrap(),
        );
        // Built in Rust, so never through the reader, which drops it.
        hostile.url = Some("javascript:alert(1)".into());
        let feed = Feed {
            events: vec![ventana, hostile],
            ..Feed::default()
        };
        let from = d("2026-11-23");
        let list = occurrences(&feed, "UTC", from, d("2027-01-31"), &Jiff);
        let html = markup(&feed, &list, from, (Lang::En, 3), "ck-agenda-1");
        let headings: Vec<&str> = html
            .split("<h3>")
            .skip(1)
            .map(|h| &h[..h.find('<').unwrap()])
            .collect();
        assert_eq!(headings, ["November 2026", "December 2026"]);
        // Under a calendar at level 3, its months at 4.
        let under = markup(&feed, &list, from, (Lang::En, 4), "ck-agenda-1");
        assert!(
            under.contains("<h3 aria-level=\"4\">November 2026</h3>"),
            "{under}"
        );
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("javascript"), "{html}");
        assert!(
            html.contains(r#"<li><button type="button" class="ck-agenda-item" id="ck-agenda-1-0""#),
            "no page of its own: a button, not a link to the page's own address"
        );
        assert!(!html.contains("href=\"#"), "{html}");
        assert!(
            html.contains(r#"href="https://ventana-sur.example/?a=1&amp;b=2""#),
            "{html}"
        );
        // Every item, link or button, says it opens the event's details in a dialog.
        assert_eq!(
            html.matches("<a ").count() + html.matches("<button ").count(),
            html.matches(r#"aria-haspopup="dialog""#).count()
        );
        // In Spanish only, so marked as Spanish on an English page.
        assert!(
            html.contains("<span class=\"ck-agenda-title\" lang=\"es\">Ventana Sur</span>"),
            "{html}"
        );
        assert!(
            html.contains("Tuesday 1 December 2026 · <span lang=\"es\">Buenos Aires</span>"),
            "{html}"
        );
        assert_eq!(
            markup(&feed, &[], from, (Lang::Ca, 3), "ck-agenda-1"),
            format!(
                "<p class=\"ck-status\" role=\"status\">{}</p>",
                Lang::Ca.strings().no_upcoming
            )
        );
    }

    #[test]
    fn a_busy_calendar_lists_whole_months_of_about_a_hundred_events_a_step_a_quiet_one_a_year() {
        let d = |s: &str| Date::parse(s).unwrap();
        // Five events a day from 1 November 2026 to 31 March 2027 (151 days).
        let mut events = Vec::new();
        let mut day = d("2026-11-01");
        while day <= d("2027-03-31") {
            for h in 0..5 {
                let at = format!("{day}T{:02}:00:00", 9 + h);
                events.push(Event::new(
                    format!("e{day}-{h}"),
                    "Pitch",
                    When::parse(&at).unwrap(),
                ));
            }
            day = day.add_days(1);
        }
        let busy = Feed {
            events,
            ..Feed::default()
        };
        let today = d("2026-12-05");
        let shown = |steps| {
            let (from, to, list) = window(&busy, "UTC", today, steps, None, &Jiff);
            (from.to_string(), to.to_string(), list.len())
        };
        // From today to the end of the month: 27 days, 135 events; then a month a step.
        assert_eq!(
            shown((0, 1)),
            ("2026-12-05".into(), "2026-12-31".into(), 135)
        );
        assert_eq!(
            shown((0, 2)),
            ("2026-12-05".into(), "2027-01-31".into(), 135 + 155)
        );
        // Earlier: this month's first four days, then November, whole.
        assert_eq!(
            shown((1, 1)),
            ("2026-11-01".into(), "2026-12-31".into(), 150 + 20 + 135)
        );
        // The months hold what they list, in the order the events begin.
        let (_, _, list) = window(&busy, "UTC", today, (0, 1), None, &Jiff);
        assert!(list.windows(2).all(|w| w[0].first <= w[1].first));
        assert_eq!(list[0].first, today);

        // A real cluster's dozen events a year: the year, as before.
        let quiet = Feed {
            events: (1..=12)
                .map(|m| {
                    Event::new(
                        format!("q{m}"),
                        "Assemblea",
                        When::parse(&format!("2027-{m:02}-15")).unwrap(),
                    )
                })
                .collect(),
            ..Feed::default()
        };
        let (from, to, list) = window(&quiet, "UTC", today, (0, 1), None, &Jiff);
        assert_eq!((from, to, list.len()), (today, d("2027-11-30"), 11));
        let (_, to, list) = window(&quiet, "UTC", today, (0, 2), None, &Jiff);
        assert_eq!((to, list.len()), (d("2028-11-30"), 12));
    }

    #[test]
    fn a_day_lists_its_events_in_the_order_they_begin() {
        let d = |s: &str| Date::parse(s).unwrap();
        let event = |id: &str, start: &str, end: &str| {
            let mut e = Event::new(id, id, When::parse(start).unwrap());
            e.end = Some(When::parse(end).unwrap());
            e
        };
        // An overnight event, which the grid draws as a bar over both days, above the day's
        // own; and an all-day one, listed first.
        let feed = Feed {
            events: vec![
                event("Late overnight", "2027-03-17T22:00", "2027-03-18T03:00"),
                event("Morning", "2027-03-17T10:00", "2027-03-17T11:00"),
                event("Noon", "2027-03-17T12:00", "2027-03-17T13:00"),
                event("Fair", "2027-03-17", "2027-03-17"),
                event("Next day", "2027-03-18T09:00", "2027-03-18T10:00"),
            ],
            ..Feed::default()
        };
        let from = d("2027-03-01");
        let list = in_order_begun(occurrences(&feed, "UTC", from, d("2027-03-31"), &Jiff));
        let html = markup(&feed, &list, from, (Lang::En, 3), "ck-agenda-1");
        let titles: Vec<&str> = html
            .split("<span class=\"ck-agenda-title\">")
            .skip(1)
            .map(|t| &t[..t.find('<').unwrap()])
            .collect();
        assert_eq!(
            titles,
            ["Fair", "Morning", "Noon", "Late overnight", "Next day"]
        );
    }
}
