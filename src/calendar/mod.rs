//! The event calendar, [`EventCalendar`], and what it is built of.

mod agenda;
mod dialog;
mod filter;
mod format;
mod google;
mod head;
mod ics;
mod layout;
mod model;
mod month;
mod occur;
// Reached by the fuzz target and property tests, through `__private`.
pub mod recur;
mod weeks;
// Reached by the browser tests, through `__private`.
pub mod zone;

use std::sync::Arc;

use leptos::prelude::*;

use crate::feed::{Date, Feed};
use crate::i18n::{Lang, first_weekday};
use agenda::Agenda;
use dialog::{CalendarDialog, Opened};
use filter::{EventFilter, Filters, Shown, used_ids};
use head::{Act, head};
use month::MonthGrid;
use occur::{Intl, events_among, kept_occurrences};

/// Containers narrower than this many `em` (600 px at the usual text size; sooner with larger
/// text) show the list unless told otherwise, as the stylesheet's narrow layout begins.
const NARROW_EM: f64 = 37.5;

/// How the calendar shows its events.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CalendarView {
    /// A month grid.
    Month,
    /// A list, month by month, from today on.
    List,
}

impl CalendarView {
    /// Both views, in the order the attribute's documentation lists them.
    pub const ALL: &'static [CalendarView] = &[CalendarView::Month, CalendarView::List];

    /// The `view` attribute's value naming this view.
    pub fn id(self) -> &'static str {
        match self {
            CalendarView::Month => "month",
            CalendarView::List => "list",
        }
    }

    /// The view named by the `view` attribute: `month` or `list`.
    pub fn from_id(id: &str) -> Option<CalendarView> {
        match id.trim() {
            "month" => Some(CalendarView::Month),
            "list" => Some(CalendarView::List),
            _ => None,
        }
    }
}

/// The event calendar: a month grid of the feed's events, each a bar across its days, with
/// a day's list and an event's details (and its iCalendar file and Google Calendar link) in a
/// dialog.
///
/// Keyboard: the grid is one tab stop (WAI-ARIA grid pattern); the arrow keys move by day
/// and week, Page Up and Page Down by month, Home and End to the ends of the week, and Enter
/// or Space opens the day's events (a day without any opens nothing).
///
/// # Examples
/// ```no_run
/// use std::sync::Arc;
/// use clusterkit::{EventCalendar, Feed, Lang};
/// use leptos::prelude::*;
///
/// let _ = view! { <EventCalendar feed=Arc::new(Feed::default()) lang=Lang::Gl/> };
/// ```
///
/// | prop | type | default | meaning |
/// |---|---|---|---|
/// | `feed` | `Signal<Arc<Feed>>` | required | the events shown |
/// | `lang` | `Signal<Lang>` | English | the visitor's language |
/// | `locale` | `MaybeProp<String>` | the language's tag | a full tag such as `en-US`, whose region picks the first day of the week |
/// | `month` | `MaybeProp<Date>` | the current month | the month shown first; a new one is shown in place of the visitor's |
/// | `timezone` | `MaybeProp<String>` | the feed's `cluster.timezone` | the zone times show in: an IANA name, or `local` for the visitor's |
/// | `view` | `MaybeProp<CalendarView>` | the month, or the list under 37.5em (600 px) | the view shown first |
/// | `segments` | `Signal<Vec<String>>` | none | segment ids chosen: only their events show (again whenever it changes, in place of the visitor's segments) |
/// | `categories` | `Signal<Vec<String>>` | none | category ids chosen: only their events show (again whenever it changes, in place of the visitor's categories) |
/// | `on_open` | `Callback<String>` | none | called with an event's id when the visitor opens it |
/// | `on_close` | `Callback<String>` | none | called with an event's id as its details close, or another event's open in their place |
/// | `on_month` | `Callback<Date>` | none | called with the month shown (its first day), at first and as it changes |
/// | `on_view` | `Callback<CalendarView>` | none | called with the view shown, at first and as it changes |
/// | `heading_level` | `u8` | 2 | its heading's level in the page's outline (1 to 6), the list's months one below |
/// | `label` | `MaybeProp<String>` | "Event calendar" | its name for screen readers (landmark, the list's heading), for a page with two |
/// | `class` | `MaybeProp<String>` | none | extra class on the root |
///
/// Props typed as signals or `MaybeProp` follow their changes, and keep the visitor's
/// search and filters: a new `month` is shown in place of the month the visitor went to.
/// `heading_level` is read once, as the calendar is built.
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
    /// The month shown first (any day of it); default: the current month. Each new one is
    /// shown in place of the month the visitor went to.
    #[prop(optional, into)]
    month: MaybeProp<Date>,
    /// The zone times show in: an IANA name, or `local` for the visitor's; default: the
    /// feed's `cluster.timezone`.
    #[prop(optional, into)]
    timezone: MaybeProp<String>,
    /// The view shown first, and again whenever it changes (the visitor's pick holds until
    /// then); default: the month, or the list in a container narrower than 37.5em (600
    /// pixels at the usual text size).
    #[prop(optional, into)]
    view: MaybeProp<CalendarView>,
    /// Segments (ids) chosen: only their events show. Chosen again whenever it changes, in
    /// place of the visitor's segments (the categories and search stay).
    #[prop(optional, into)]
    segments: Signal<Vec<String>>,
    /// Categories (ids) chosen: only their events show. Chosen again whenever it changes, in
    /// place of the visitor's categories (the segments and search stay).
    #[prop(optional, into)]
    categories: Signal<Vec<String>>,
    /// Called with an event's id when the visitor opens it.
    #[prop(optional, into)]
    on_open: Option<Callback<String>>,
    /// Called with an event's id as its details close, however they close (Escape, the back
    /// button, their close button, "Back to" the day's events), and before another event's
    /// open in their place. Not as the calendar itself is taken down.
    #[prop(optional, into)]
    on_close: Option<Callback<String>>,
    /// Called with the first day of the month shown: the first one, then each the visitor
    /// (or `month`, or a new day) goes to.
    #[prop(optional, into)]
    on_month: Option<Callback<Date>>,
    /// Called with the view shown: the first one (once the container's width has chosen
    /// it), then each the visitor (or `view`) picks.
    #[prop(optional, into)]
    on_view: Option<Callback<CalendarView>>,
    /// The level of its heading in the page's outline (default 2, under the page's `<h1>`;
    /// the list's months one below): 3 under a section's `<h2>`, say.
    #[prop(optional)]
    heading_level: Option<u8>,
    /// Its name in place of "Event calendar" (its landmark's, and its list's heading): for a
    /// page with two calendars, each its own.
    #[prop(optional, into)]
    label: MaybeProp<String>,
    /// Extra class names on the root element.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let heading = heading_level.unwrap_or(2).clamp(1, 6);
    // Today moves at midnight while the page stays open: the clock is read again every
    // minute (a tick that only changes what reads it when the day does), from the first
    // effect run, so that building the component touches no timer.
    let minutes = Trigger::new();
    crate::ui::effect(move || {
        if let Ok(every) =
            set_interval_with_handle(move || minutes.notify(), std::time::Duration::from_secs(60))
        {
            on_cleanup(move || every.clear());
        }
    });
    // The visitor's own zone, read again at each tick: a laptop's clock set to another zone
    // (a traveller's) moves the times of `local` and the zone note, with no reload.
    let visitor = crate::ui::memo(move |_| {
        minutes.track();
        zone::visitor_zone()
    });
    // The zone last said to be unknown: said once, not again for each new feed.
    let warned = StoredValue::new(String::new());
    let zone = crate::ui::memo(move |_| {
        let written = timezone.get().unwrap_or_default();
        let written = written.trim();
        match zone::own(written) {
            Some(zone::Own::Visitor) => visitor.get(),
            Some(zone::Own::Zone(known)) => known,
            None => {
                let fallback = feed.read().cluster.timezone.clone();
                // A zone the browser does not know: said in the console, and the feed's
                // instead (the embed says so of its attribute, and gives none here).
                if !written.is_empty() && warned.with_value(|w| w != written) {
                    warned.set_value(written.to_owned());
                    let message = zone::unknown(lang.get_untracked(), written, &fallback);
                    web_sys::console::warn_1(
                        &format!("clusterkit: EventCalendar timezone: {message}").into(),
                    );
                }
                fallback
            }
        }
    });
    let today = crate::ui::memo(move |_| {
        minutes.track();
        zone::now_in(&zone.read()).0
    });
    // A month an app built by hand (`Date`'s fields are public) must be a real one.
    let month = Signal::derive(move || month.get().filter(|m| m.first_of_month().is_valid()));
    // The month given, else today's.
    let first = move |m: Option<Date>| m.unwrap_or_else(|| today.get_untracked()).first_of_month();
    let shown = RwSignal::new(first(month.get_untracked()));
    // The app's or page's new month replaces the one the visitor went to (another day of
    // the same month is the same month).
    crate::ui::on_new(
        move || month.get().map(Date::first_of_month),
        move |&m| shown.set(first(m)),
    );
    // The day the grid's keyboard last moved to: today at first (the grid's tab stop is on
    // it while its month shows).
    let focused = RwSignal::new(today.get_untracked());
    // A calendar left open on today's month (a screen in a lobby) goes on to the next month
    // when today does, as a new visit would open it, unless the page or app names a month.
    let mut was = today.get_untracked();
    crate::ui::on_new(
        move || today.get(),
        move |&now| {
            let on_today = shown.get_untracked() == was.first_of_month();
            let turned = now.first_of_month() != was.first_of_month();
            if on_today && turned && month.get_untracked().is_none() {
                shown.set(now.first_of_month());
            }
            was = now;
        },
    );
    // The visitor's filters, from the page's choices. A new `segments` takes the place of
    // the segments chosen, and keeps the visitor's categories and search; the same ids given
    // again (from a new feed, say) change nothing.
    let filter = RwSignal::new(EventFilter {
        segments: segments.get_untracked(),
        categories: categories.get_untracked(),
        ..EventFilter::default()
    });
    crate::ui::on_new(
        move || segments.get(),
        move |ids| filter.update(|f| f.segments.clone_from(ids)),
    );
    crate::ui::on_new(
        move || categories.get(),
        move |ids| filter.update(|f| f.categories.clone_from(ids)),
    );
    // Which segments and categories some event has: the toggles drawn.
    let used = crate::ui::memo(move |_| used_ids(&feed.read()));
    // The visitor's choices keep only what some event of a new feed has: another would keep
    // every event out, its toggle gone with nothing to undo it. The page's or app's own stay
    // whatever the feed (a segment without events now shows none, as asked). Not with a feed
    // without events (an app's while it loads).
    crate::ui::effect(move || {
        let used = used.read();
        if feed.with_untracked(|f| f.events.is_empty()) {
            return;
        }
        let given = EventFilter {
            segments: segments.get_untracked(),
            categories: categories.get_untracked(),
            ..EventFilter::default()
        };
        // Read, not followed: only a new feed's events take choices away (a visitor's
        // keystroke in the search would run this again for nothing).
        let kept = filter.with_untracked(|f| f.within(&used, &given));
        if filter.with_untracked(|f| *f != kept) {
            filter.set(kept);
        }
    });
    let kept = crate::ui::memo(move |_| filter.read().keeps(&feed.read(), lang.get()));
    // The occurrences on the weeks around the month shown, in the calendar's zone.
    let placed = crate::ui::memo(move |_| {
        let month = shown.get();
        kept_occurrences(
            &feed.read(),
            &zone.read(),
            month.add_days(-7),
            month.add_months(1).add_days(6),
            &Intl,
            Some(&kept.read()),
        )
    });
    let open = RwSignal::new(None::<Opened>);
    dialog::follow_feed(feed, open, placed);
    let last = dialog::remembered(feed, open);
    // The dialog's history entry, with `open`, above the scope a new language draws again.
    let entry = crate::ui::history::OwnEntry::new();
    let open_event = move || match open.get() {
        Some(Opened::Event(o, _)) => {
            feed.with_untracked(|f| f.events.get(o.event).map(|e| e.id.clone()))
        }
        _ => None,
    };
    crate::ui::tell_both(on_open, on_close, open_event);
    crate::ui::tell(on_month, move || Some(shown.get()));
    let title_id = crate::ui::unique_id("ck-month");
    // The view: the visitor's pick, else the page's, else by the container's width.
    let picked = RwSignal::new(None::<CalendarView>);
    // A new `view` from the app (its own month-and-list switch) replaces the visitor's pick.
    crate::ui::on_change(move || view.track(), move |()| picked.set(None));
    let width = RwSignal::new(0_usize);
    let section = NodeRef::<leptos::html::Section>::new();
    crate::ui::effect(move || {
        if let Some(section) = section.get() {
            crate::ui::observe_width(&section, width);
        }
    });
    // Without a view picked, none is drawn until the container's width is known: one drawn
    // for another width would be drawn again at once, the page moving in between.
    let known = crate::ui::memo(move |_| picked.get().or(view.get()).is_some() || width.get() > 0);
    let current = crate::ui::memo(move |_| {
        picked.get().or(view.get()).unwrap_or_else(|| {
            // Read only once the width is known (see `known`); at the usual text size.
            if (width.get() as f64) < NARROW_EM * 16.0 {
                CalendarView::List
            } else {
                CalendarView::Month
            }
        })
    });
    crate::ui::tell(on_view, move || known.get().then(|| current.get()));
    // How many of the kept events the view shows, for the count beside the search: those
    // with a day in the month shown, or those the list has (which it tells).
    let listed_events = RwSignal::new(None::<usize>);
    let shown_events = Signal::derive(move || {
        let in_month = match known.get().then(|| current.get())? {
            CalendarView::Month => true,
            CalendarView::List => false,
        };
        let events = if in_month {
            let month = shown.get();
            placed.with(|p| events_among(p.iter().filter(|o| o.in_month(month))))
        } else {
            listed_events.get()?
        };
        Some(Shown { in_month, events })
    });
    // Its name, apart from the scope below (see `MemberDirectory`).
    let name = crate::ui::memo(move |_| {
        crate::ui::named(label.get(), lang.get().strings().event_calendar)
    });
    // One reactive scope per language and locale (see `MemberDirectory`): the month shown
    // lives above it, so switching language keeps the visitor's place.
    move || {
        let lang = lang.get();
        let s = lang.strings();
        let first_day = first_weekday(&locale.get().unwrap_or_else(|| lang.tag().to_owned()));
        let title = move |m: Date| format::month_year(lang, m);
        // The heading: drawn when the view changes, keeping the focus on the button that had
        // it; the month's name is written into its live region when the month changes.
        let head_ref = NodeRef::<leptos::html::Div>::new();
        let head_id = title_id.clone();
        crate::ui::effect(move || {
            let view = current.get();
            let Some(el) = head_ref.get().filter(|_| known.get()) else {
                return;
            };
            let month = title(shown.get_untracked());
            let markup = head(s, view, (&head_id, heading), &name.read(), &month);
            crate::ui::redraw_keeping_focus(&el, &markup, &["data-act"]);
        });
        crate::ui::effect(move || {
            let month = shown.get();
            if let Some(h2) = head_ref
                .get()
                .and_then(|el| el.query_selector("h2[aria-live]").ok()?)
            {
                // Only a new month: the same words written again would be said again (as
                // the page loads, say).
                let title = title(month);
                if h2.text_content().as_deref() != Some(title.as_str()) {
                    h2.set_text_content(Some(&title));
                }
            }
        });
        let on_head = move |ev: web_sys::MouseEvent| {
            let act = crate::ui::closest(&ev, "[data-act]")
                .and_then(|b| Act::from_id(&b.get_attribute("data-act")?));
            match act {
                Some(Act::Previous) => shown.update(|m| *m = m.add_months(-1)),
                Some(Act::Next) => shown.update(|m| *m = m.add_months(1)),
                // Today, with the grid's tab stop on it, also from another day of its month.
                Some(Act::Today) => {
                    focused.set(today.get_untracked());
                    shown.set(today.get_untracked().first_of_month());
                }
                Some(Act::Show(to)) => picked.set(Some(to)),
                None => {}
            }
        };
        // Said when the times are not on the visitor's own clock.
        let zone_note = move || {
            let zone = zone.get();
            (!zone::is_visitors(&zone, &visitor.read())
                && feed
                    .read()
                    .events
                    .iter()
                    .any(|e| !e.start.is_all_day() && occur::placeable(e)))
            .then(|| view! { <p class="ck-zone-note">{format::zone_note(lang, &zone)}</p> })
        };
        // Every event with an occurrence in the month shown, as one file.
        let download_month = move |_| {
            let month = shown.get_untracked();
            let events = placed
                .read_untracked()
                .iter()
                .filter(|o| o.in_month(month))
                .map(|o| o.event)
                .collect();
            ics::download(
                &feed.get_untracked(),
                events,
                lang,
                &format!("{}-{}-{:02}.ics", file_name(name), month.year, month.month),
            );
        };
        // Whether an event the filters keep falls in the month shown: else there is no file
        // to download.
        let month_has_events = move || {
            let month = shown.get();
            placed.read().iter().any(|o| o.in_month(month))
        };
        let grid_title = title_id.clone();
        let month_view = move || {
            let title_id = grid_title.clone();
            view! {
                <MonthGrid feed=feed lang=lang first_day=first_day shown=shown focused=focused today=today zone=zone placed=placed kept=kept open=open title_id=title_id/>
                <div class="ck-cal-actions" hidden=move || !month_has_events()>
                    <button type="button" class="ck-link" on:click=download_month>{s.download_events}</button>
                </div>
            }
        };
        view! {
            <section
                node_ref=section
                class=move || format!("ck-root ck-calendar {}", class.get().unwrap_or_default())
                aria-label=name
                part="calendar"
            >
                // The container of the widget's own queries (see `.ck-fit` in theme.css).
                <div
                    class="ck-fit"
                    on:focusout=|ev| crate::ui::keep_focus(ev, "td[tabindex='0'], .ck-agenda-item")
                >
                    <div class="ck-cal-head" part="calendar-header" node_ref=head_ref on:click=on_head></div>
                    <Filters feed=feed lang=lang filter=filter kept=kept used=used shown=shown_events/>
                    {zone_note}
                    {move || match known.get().then(|| current.get()) {
                        Some(CalendarView::Month) => month_view().into_any(),
                        Some(CalendarView::List) => view! { <Agenda feed=feed lang=lang today=today month=month zone=zone kept=kept open=open heading=heading name=name listed_events=listed_events/> }.into_any(),
                        None => ().into_any(),
                    }}
                    <CalendarDialog feed=feed lang=lang zone=zone visitor=visitor placed=placed open=open entry=entry last=last/>
                </div>
            </section>
        }
    }
}

/// The calendar's downloads are named after it, as the visitor reads it: "Agenda 2027"
/// saves its list as `agenda-2027.ics`.
pub(super) fn file_name(name: Memo<String>) -> String {
    crate::ui::file_name(&name.read_untracked()).unwrap_or_else(|| "clusterkit-calendar".into())
}
