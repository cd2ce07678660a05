//! The directory's choices as the app or the page drives them (`filter`, a signal in) and
//! hears them (`on_filter`, a callback out).

use leptos::prelude::*;

use super::model::Filter;

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
