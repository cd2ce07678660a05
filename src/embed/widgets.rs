//! Each widget's body: its element's attributes as its component's props. Each is called
//! once, from the element's view, and inlined there (as functions of their own they cost
//! 0.3 KB brotli more).

use std::sync::Arc;

use super::events;
use super::view::Element;
use super::*;
use crate::feed::Feed;

/// A `<clusterkit-directory>`: its attributes as [`MemberDirectory`]'s props.
#[inline(always)]
pub(super) fn directory(el: Element, feed: Signal<Arc<Feed>>, heading: u8) -> AnyView {
    let (a, at, lang, told) = (el.attrs, el.at(), el.at.lang, el.teller());
    // Read by the directory as they change, which keeps the visitor's search (a value that
    // cannot be read is said once: `AttrAt` says each message once).
    let page_size = Signal::derive(move || {
        choice(
            a.page_size.get(),
            |p| {
                p.parse()
                    .ok()
                    .filter(|n: &usize| (1..=MAX_PAGE_SIZE).contains(n))
            },
            "1, 2, 3… 100",
            at("page-size"),
        )
    });
    // The page's own choices: its `segments` and `kinds`.
    let given = move || Filter {
        segments: known_ids(
            words(a.segments.get()),
            &feed.read().segments,
            |s| s.d_unknown_segment,
            at("segments"),
        ),
        kinds: words(a.kinds.get())
            .into_iter()
            .filter_map(|k| {
                choice(
                    Some(k),
                    Kind::from_id,
                    "sme, large, research, other",
                    at("kinds"),
                )
            })
            .collect(),
        ..Filter::default()
    };
    // The visitor's choices as the directory last told them. A script's new `segments` (or
    // `kinds`) takes the place of that facet's choices and keeps the visitor's search and
    // other choices; the same ids read again from another feed change nothing.
    let mut last = untrack(given);
    // Until the visitor changes anything, the page's own (the directory tells only changes).
    let chosen = StoredValue::new(last.clone());
    let filter = RwSignal::new(last.clone());
    crate::ui::effect(move || {
        let page = given();
        if page != last {
            let mut choices = chosen.get_value();
            if page.segments != last.segments {
                choices.segments.clone_from(&page.segments);
            }
            if page.kinds != last.kinds {
                choices.kinds.clone_from(&page.kinds);
            }
            filter.set(choices);
            last = page;
        }
    });
    // A directory with an id shares its choices with the charts `for` it: the attributes set
    // them, and so do the visitor and the charts. The attributes' choices go there first,
    // before the directory reads them, then each change of them: had they come in an effect
    // after it, they would replace what a shared link restored.
    let named = move || a.host_id.get().filter(|id| !id.is_empty());
    let id = untrack(named);
    // The hold of the id's choices, and a trigger for the directory's reading of them when
    // it changes hands (as a `StoredValue` and a `Trigger`: an `RwSignal` of the hold cost
    // the Wasm 0.2 KB more).
    let linked = StoredValue::new(Choices::set(id.as_deref(), filter.get_untracked()));
    let relinked = Trigger::new();
    let share = move |f: Filter| {
        linked.with_value(|l| {
            if let Some(l) = l {
                l.filter.set(f);
            }
        })
    };
    crate::ui::on_change(move || filter.get(), share);
    // A new id takes the choices along, the directory drawn as it is; its charts show them,
    // and those of the old id none (it names no directory now, unless another has it too).
    crate::ui::on_new(named, move |new| {
        let now = chosen.get_value();
        if new.is_none() {
            filter.set(now.clone());
        }
        let old = linked.try_update_value(Option::take).flatten();
        linked.set_value(Choices::set(new.as_deref(), now));
        if let Some(old) = old {
            old.release();
        }
        relinked.notify();
    });
    let filter = Signal::derive(move || {
        relinked.track();
        linked.with_value(|l| match l {
            Some(l) => l.filter.get(),
            None => filter.get(),
        })
    });
    let sort = Signal::derive(move || {
        choice(
            a.sort.get(),
            Sort::from_id,
            "name, joined, relevance",
            at("sort"),
        )
    });
    let layout =
        Signal::derive(move || choice(a.layout.get(), Layout::from_id, "grid, list", at("view")));
    // One URL parameter per directory, always in the `ck-` namespace so that no CMS's own
    // (WordPress' `s`, `p`, `page`…) is ever touched: the attribute's value, else the
    // element's id as the directory was first drawn, else `dir` (a link already shared names it).
    if el.first_id.with_value(Option::is_none) {
        el.first_id.set_value(Some(id.clone().unwrap_or_default()));
    }
    let first_id = el.first_id.get_value().filter(|id| !id.is_empty());
    let sync_url = flag(a.sync_url.get()).map(|name| match name.as_str() {
        "" => format!("ck-{}", first_id.as_deref().unwrap_or("dir")),
        name if name.starts_with("ck-") => name.to_owned(),
        name => format!("ck-{name}"),
    });
    view! {
        <MemberDirectory
            feed=feed
            lang=lang
            page_size=page_size
            filter=filter
            on_filter=move |f: Filter| {
                told("clusterkit-filter", events::choices(&f));
                chosen.set_value(f.clone());
                if el.in_page() {
                    share(f);
                }
            }
            on_open=move |id: String| told("clusterkit-open", events::opened(&id))
            sort=sort
            layout=layout
            sync_url=sync_url.unwrap_or_default()
            hide_filters=flag(a.hide_filters.get()).is_some()
            heading_level=heading
            label=a.label
        />
    }
    .into_any()
}

/// A `<clusterkit-chart>`: its attributes as [`SegmentChart`]'s props, and `for` as the choices
/// of the directory it names.
#[inline(always)]
pub(super) fn chart(el: Element, feed: Signal<Arc<Feed>>, heading: u8) -> AnyView {
    let (a, at, lang) = (el.attrs, el.at(), el.at.lang);
    // Read by the chart as they change, not by a new chart (`AttrAt` says a bad value once).
    let by = Signal::derive(move || {
        choice(
            a.by.get(),
            By::from_id,
            "segment, kind, region, city, joined",
            at("by"),
        )
        .unwrap_or_default()
    });
    let shape = Signal::derive(move || {
        choice(
            a.chart_type.get(),
            Shape::from_id,
            "bar, column, donut",
            at("type"),
        )
    });
    let top = Signal::derive(move || {
        choice(
            a.top.get(),
            |t| t.parse().ok().filter(|&n: &usize| n > 0),
            "1, 2, 3…",
            at("top"),
        )
    });
    // `for` names the directory whose choices the chart shows and toggles.
    let (filter, on_filter) = match a.link.get().filter(|id| !id.is_empty()) {
        Some(id) => {
            // Naming no directory, its bars would be pressed and filter nothing: said once,
            // when a bar is pressed, or if no directory has taken the id 5 s after (a page's
            // script may add the directory after the chart, and a webmaster may not press a
            // bar).
            let (wanted, at, root) = (id.clone(), at("for"), el.root);
            let check = StoredValue::new_local(move || {
                // Gone by then (removed from the page), its signals with it: reading one
                // would trap.
                if !matches!(root.try_get_untracked(), Some(Some(_))) {
                    return;
                }
                if !directory_named(&wanted) {
                    let template = at.lang.get_untracked().strings().d_for_nobody;
                    at.warn(&crate::i18n::fill(template, &[("id", &wanted)]));
                }
            });
            set_timeout(
                move || check.try_with_value(|check| check()).unwrap_or_default(),
                std::time::Duration::from_secs(5),
            );
            let shared = Choices::held(&id);
            let set = shared.clone();
            let on_filter = Callback::new(move |f: Filter| {
                check.with_value(|check| check());
                set.set(f);
            });
            (Some(Signal::from(shared)), Some(on_filter))
        }
        None => (None, None),
    };
    // The props written out, so that the linked and the lone chart share one call (the
    // builder's typed steps would need two).
    SegmentChart(crate::chart::SegmentChartProps {
        feed,
        lang,
        by,
        shape: shape.into(),
        top: top.into(),
        filter,
        on_filter,
        heading_level: Some(heading),
        label: a.label.into(),
        class: MaybeProp::default(),
    })
    .into_any()
}

/// A `<clusterkit-calendar>`: its attributes as [`EventCalendar`]'s props.
#[inline(always)]
pub(super) fn calendar(el: Element, feed: Signal<Arc<Feed>>, heading: u8) -> AnyView {
    let (a, at, lang, told) = (el.attrs, el.at(), el.at.lang, el.teller());
    // Read by the calendar as it changes, which keeps the visitor's search and filters.
    let month = Signal::derive(move || attrs::month(a.month.get(), at("month")));
    let view = crate::ui::memo(move |_| {
        choice(
            a.layout.get(),
            CalendarView::from_id,
            "month, list",
            at("view"),
        )
    });
    // A zone the browser does not know is said here, naming the element, and not passed on:
    // the feed's zone applies.
    let timezone = crate::ui::memo(move |_| {
        let written = a.timezone.get()?;
        if zone::own(&written).is_some() {
            return Some(written);
        }
        if !written.is_empty() {
            at("timezone").warn(&zone::unknown(
                lang.get_untracked(),
                &written,
                &feed.read().cluster.timezone,
            ));
        }
        None
    });
    // Ids the feed does not define are left out (and said): one would leave no event to show,
    // with no choice of the visitor's to undo.
    let segments = Signal::derive(move || {
        known_ids(
            words(a.segments.get()),
            &feed.read().segments,
            |s| s.d_unknown_segment,
            at("segments"),
        )
    });
    let categories = Signal::derive(move || {
        known_ids(
            words(a.categories.get()),
            &feed.read().categories,
            |s| s.d_unknown_category,
            at("categories"),
        )
    });
    EventCalendar(crate::calendar::EventCalendarProps {
        feed,
        lang,
        locale: el.locale.into(),
        month: month.into(),
        timezone: timezone.into(),
        view: view.into(),
        segments,
        categories,
        on_open: Some(Callback::new(move |id: String| {
            told("clusterkit-open", events::opened(&id))
        })),
        on_close: None,
        on_month: None,
        on_view: None,
        heading_level: Some(heading),
        label: a.label.into(),
        class: MaybeProp::default(),
    })
    .into_any()
}
