//! The directory's controls: the order picker, the layout switch, a facet's checkboxes with
//! their counts, the chips of the active choices, and the page bar.

use std::sync::Arc;

use leptos::prelude::*;

use super::model::{Facet, Filter, Layout, Outcome, Sort, page_items};
use crate::feed::Feed;
use crate::i18n::{Lang, Strings, fill, intl::format_number};

/// Facets list this many values before "show all".
const SHORT_FACET: usize = 8;

/// The count of value `k` of `facet`.
fn count_of(outcome: &Outcome, facet: Facet, k: usize) -> usize {
    let counts = &outcome.counts;
    match facet {
        Facet::Segment => counts.segments.get(k),
        Facet::Kind => counts.kinds.get(k),
        Facet::Region => counts.regions.get(k),
        Facet::City => counts.cities.get(k),
    }
    .copied()
    .unwrap_or(0)
}

/// One facet's checkboxes with counts; a value that would give no result is disabled
/// (unless ticked). `short` names the "show all" switch of long facets.
#[allow(clippy::too_many_arguments)]
pub(super) fn facet_group(
    s: &'static Strings,
    facet: Facet,
    options: Vec<(String, String)>,
    short: Option<(usize, RwSignal<[bool; 2]>)>,
    choices: RwSignal<Filter>,
    outcome: Memo<Arc<Outcome>>,
    toggle: Callback<(Facet, String)>,
    lang: Lang,
) -> AnyView {
    let legend = match facet {
        Facet::Segment => s.segments,
        Facet::Kind => s.kind,
        Facet::Region => s.region,
        Facet::City => s.city,
    };
    let total = options.len();
    let expanded = move || short.is_none_or(|(slot, all)| all.get()[slot]);
    let options = Arc::new(options);
    let rows = {
        let options = options.clone();
        move || {
            let all = expanded();
            let filter = choices.read_untracked();
            options
                .iter()
                .enumerate()
                .filter(|(k, (value, _))| all || *k < SHORT_FACET || filter.is_chosen(facet, value))
                .map(|(k, (value, label))| {
                    let value = value.clone();
                    let checked_value = value.clone();
                    let disabled_value = value.clone();
                    view! {
                        <label part="facet-option">
                            <input
                                type="checkbox"
                                prop:checked=move || choices.read().is_chosen(facet, &checked_value)
                                prop:disabled=move || {
                                    count_of(&outcome.read(), facet, k) == 0
                                        && !choices.read().is_chosen(facet, &disabled_value)
                                }
                                on:change=move |_| toggle.run((facet, value.clone()))
                            />
                            <span>{label.clone()}</span>
                            <span class="ck-count">
                                {move || format_number(lang, count_of(&outcome.read(), facet, k))}
                            </span>
                        </label>
                    }
                })
                .collect_view()
        }
    };
    let more = short.filter(|_| total > SHORT_FACET).map(|(slot, all)| {
        view! {
            <button
                type="button"
                class="ck-link"
                aria-expanded=move || all.get()[slot].to_string()
                on:click=move |_| all.update(|a| a[slot] = !a[slot])
            >
                {move || {
                    if all.get()[slot] {
                        s.show_fewer.to_owned()
                    } else {
                        fill(s.show_all, &[("n", &format_number(lang, total))])
                    }
                }}
            </button>
        }
    });
    view! {
        <fieldset class="ck-facet" part="facet">
            <legend>{legend}</legend>
            {rows}
            {more}
        </fieldset>
    }
    .into_any()
}

/// Previous, the page numbers with gaps, and next.
pub(super) fn pager(
    s: &'static Strings,
    lang: Lang,
    current: usize,
    count: usize,
    page: RwSignal<usize>,
) -> impl IntoView + use<> {
    let go = move |n: usize| move |_| page.set(n);
    let numbers = page_items(current, count)
        .into_iter()
        .map(|item| match item {
            Some(n) => view! {
                <li>
                    <button
                        type="button"
                        class="ck-page"
                        aria-label=fill(s.page_n, &[("n", &format_number(lang, n))])
                        aria-current=(n == current).then_some("page")
                        on:click=go(n)
                    >
                        {format_number(lang, n)}
                    </button>
                </li>
            }
            .into_any(),
            None => view! { <li aria-hidden="true">"…"</li> }.into_any(),
        })
        .collect_view();
    view! {
        <nav class="ck-pager" aria-label=s.pages part="pager">
            <ul>
                <li>
                    <button type="button" class="ck-page" disabled=current == 1 on:click=go(current.saturating_sub(1).max(1))>
                        <span aria-hidden="true">"‹ "</span>{s.previous_page}
                    </button>
                </li>
                {numbers}
                <li>
                    <button type="button" class="ck-page" disabled=current == count on:click=go((current + 1).min(count))>
                        {s.next_page}<span aria-hidden="true">" ›"</span>
                    </button>
                </li>
            </ul>
        </nav>
    }
}

/// The active choices as removable chips, with "clear all"; nothing without a choice.
pub(super) fn chips(
    s: &'static Strings,
    lang: Lang,
    feed: Signal<Arc<Feed>>,
    choices: RwSignal<Filter>,
    toggle: Callback<(Facet, String)>,
    clear: Callback<()>,
) -> impl IntoView {
    move || {
        let filter = choices.read();
        if !filter.is_active() {
            return None;
        }
        let feed = feed.read();
        let fallback = feed.cluster.default_language.as_str();
        let mut chosen: Vec<(Facet, String, String)> = Vec::new();
        for id in &filter.segments {
            let label = feed
                .segment(id)
                .map_or(id.as_str(), |seg| seg.name.resolve(lang.tag(), fallback));
            chosen.push((Facet::Segment, id.clone(), label.to_owned()));
        }
        for k in &filter.kinds {
            chosen.push((
                Facet::Kind,
                k.id().to_owned(),
                s.kinds[k.index()].to_owned(),
            ));
        }
        for (facet, values) in [
            (Facet::Region, &filter.regions),
            (Facet::City, &filter.cities),
        ] {
            chosen.extend(values.iter().map(|v| (facet, v.clone(), v.clone())));
        }
        let chips = chosen
            .into_iter()
            .map(|(facet, value, label)| {
                let name = fill(s.remove_choice, &[("name", &label)]);
                view! {
                    <li>
                        <button
                            type="button"
                            class="ck-chip"
                            part="chip"
                            aria-label=name
                            on:click=move |_| toggle.run((facet, value.clone()))
                        >
                            {label}
                            <span aria-hidden="true">" ×"</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <ul class="ck-chips" aria-label=s.active_filters>
                {chips}
                <li>
                    <button type="button" class="ck-btn" on:click=move |_| clear.run(())>
                        {s.clear_all}
                    </button>
                </li>
            </ul>
        })
    }
}

/// The order picker: shows `sort()`, and gives the visitor's pick to `pick`.
pub(super) fn sort_picker(
    s: &'static Strings,
    sort: impl Fn() -> Sort + Copy + Send + Sync + 'static,
    pick: impl Fn(Option<Sort>) + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <label class="ck-sort">
            <span>{s.sort_by}</span>
            <select on:change=move |ev| pick(Sort::from_id(&event_target_value(&ev)))>
                {Sort::ALL
                    .iter()
                    .zip(s.sorts)
                    .map(|(&option, label)| {
                        // Each option's own `selected`: a `value` on the <select> would be set
                        // before its options exist.
                        view! {
                            <option value=option.id() prop:selected=move || sort() == option>
                                {label}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// Grid or list, as two toggle buttons.
pub(super) fn layout_switch(s: &'static Strings, layout: RwSignal<Layout>) -> impl IntoView {
    view! {
        <div class="ck-layouts" role="group" aria-label=s.layout>
            {Layout::ALL
                .iter()
                .zip(s.layouts)
                .map(|(&l, label)| {
                    view! {
                        <button
                            type="button"
                            class="ck-btn"
                            aria-pressed=move || (layout.get() == l).to_string()
                            on:click=move |_| layout.set(l)
                        >
                            {label}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
