//! The directory as the app or the page drives it: its choices (`filter`, a signal in, and
//! `on_filter`, a callback out), and its order, layout and page size, each new one of which
//! takes the place of the visitor's.

use std::sync::Arc;

use leptos::prelude::*;

use super::model::{Filter, Layout, Outcome, Sort, page_count};
use crate::feed::Feed;

/// Follows `filter` into the visitor's `choices` (back to the first `page`; into `base`, the
/// page's own choices, as the first value or without facets), and tells `on_filter` of each
/// change of `choices`.
pub(super) fn follow(
    filter: Option<Signal<Filter>>,
    on_filter: Option<Callback<Filter>>,
    choices: RwSignal<Filter>,
    base: StoredValue<Filter>,
    page: RwSignal<usize>,
    hide_filters: bool,
) {
    if let Some(filter) = filter {
        // Each value the page or app sets replaces the visitor's choices, also one it set
        // before (a "reset" to the same filter); the visitor's own choices coming back (an
        // app that stores what `on_filter` gives it) change nothing and are not reported again.
        // The first run takes the value only if it changed since the choices were made from
        // it: a shared link's state may have replaced them since (a value set before it, as
        // an app starts, is still the page's own). A later value is a view of its own, as a
        // choice of the visitor's is (a linked chart's bar pressed, an app's own control, a
        // script's new `segments`): with `sync_url`, a new entry, which the back button
        // leaves for the view before, not for the page before.
        let initial = StoredValue::new(Some(filter.get_untracked()));
        crate::ui::effect(move || {
            let f = filter.get();
            let first = initial.try_update_value(Option::take).flatten();
            let changed = first.as_ref().is_none_or(|initial| *initial != f);
            if changed && choices.with_untracked(|c| *c != f) {
                if first.is_some() || hide_filters {
                    base.set_value(f.clone());
                }
                choices.set(f);
                page.set(1);
            }
        });
    }
    if let Some(on_filter) = on_filter {
        // Every change, and at first choices other than those the page or app gave (a shared
        // link's, restored meanwhile): a chart linked to the directory shows them too.
        let given = filter.map(|f| f.get_untracked()).unwrap_or_default();
        // Only a change: a move through the history restores the choices it finds, often the
        // same.
        let mut before: Option<Filter> = None;
        crate::ui::effect(move || {
            let f = choices.get();
            if before.as_ref().map_or(f != given, |before| *before != f) {
                on_filter.run(f.clone());
            }
            before = Some(f);
        });
    }
}

/// Follows the app's or page's order (`given`): a new one replaces the visitor's pick, from
/// the first page, unless the order shown stays relevance (a search typed, nothing picked).
pub(super) fn follow_order(
    given: impl Fn() -> Sort + 'static,
    picked: RwSignal<Option<Sort>>,
    choices: RwSignal<Filter>,
    page: RwSignal<usize>,
) {
    crate::ui::on_new(given, move |_| {
        let searching = choices.with_untracked(|c| !c.query.trim().is_empty());
        if picked.get_untracked().is_some() || !searching {
            page.set(1);
        }
        picked.set(None);
    });
}

/// The layout shown: the app's or page's (`given`, the grid if none), until the visitor
/// picks the other, and each new one given in place of the visitor's pick.
pub(super) fn follow_layout(given: MaybeProp<Layout>) -> RwSignal<Layout> {
    let given = move || given.get().unwrap_or_default();
    let layout = RwSignal::new(untrack(given));
    crate::ui::on_new(given, move |&l| layout.set(l));
    layout
}

/// Follows the app's or page's page size: a new one keeps the first card shown on the page
/// shown. Returns whether the page last changed so, for the URL (`sync_url`) to write it in
/// place: the size is no part of the URL, and back would show the old page's number at the
/// new size. Before the feed's members are in, a shared link's page stays as it is.
pub(super) fn follow_page_size(
    page_size: Signal<usize>,
    page: RwSignal<usize>,
    feed: Signal<Arc<Feed>>,
    outcome: Memo<Arc<Outcome>>,
) -> StoredValue<bool> {
    let resized = StoredValue::new(false);
    let mut size_was = page_size.get_untracked();
    crate::ui::on_new(
        move || page_size.get(),
        move |&size| {
            if !feed.with_untracked(|f| f.members.is_empty()) {
                let shown = page_count(outcome.read_untracked().results.len(), size_was);
                let first = (page.get_untracked().clamp(1, shown) - 1) * size_was;
                resized.set_value(true);
                page.set(first / size + 1);
            }
            size_was = size;
        },
    );
    resized
}
