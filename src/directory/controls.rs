//! The directory's other controls: the order picker, the layout switch, the chips of the
//! active choices, and the page bar.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::model::{Facet, Filter, Layout, Sort, page_items};
use crate::feed::Feed;
use crate::i18n::{Lang, Strings, fill, intl::format_number};

/// Previous, the page numbers with gaps, and next.
pub(super) fn pager(
    s: &'static Strings,
    lang: Lang,
    (current, count): (usize, usize),
    page: RwSignal<usize>,
    said: RwSignal<usize>,
    directory: Option<&str>,
) -> impl IntoView + use<> {
    // Named after its directory where the page named that: two "Pages" would not tell a
    // screen reader's list of landmarks which is which.
    let label = match directory {
        Some(name) => format!("{}, {name}", s.pages),
        None => s.pages.to_owned(),
    };
    // A click on the page shown (or on "previous" on the first, "next" on the last) does
    // nothing; another page is shown, and said (`said`) for screen readers. Where the
    // results' top has scrolled out of view above, the view goes back to it, so the new page
    // is read from its first card, and the focus goes with it to the count at the results'
    // head (left on the pager, it would be out of view, and a Tab would go on from there);
    // otherwise it stays on the pager, on the number pressed: the pager is drawn again over
    // the same buttons, whose numbers shift ("1 … 4 5 6 … 15"), so it follows its number.
    let go = move |n: usize| {
        move |ev: web_sys::MouseEvent| {
            if n == current {
                return;
            }
            page.set(n);
            said.set(n);
            let pressed = crate::ui::closest(&ev, "button");
            let top = pressed
                .as_ref()
                .and_then(|t| t.closest(".ck-results").ok().flatten());
            if let Some(top) = top.filter(crate::ui::top_hidden) {
                crate::ui::scroll_to_top(&top);
                if let Ok(Some(count)) = top.query_selector(".ck-count") {
                    crate::ui::focus_in_place(count);
                }
            } else if let Some(nav) = pressed
                // A number: "previous" and "next" (which stay where they are) have this.
                .filter(|b| !b.has_attribute("aria-disabled"))
                .and_then(|b| b.closest("nav").ok().flatten())
            {
                request_animation_frame(move || {
                    if let Ok(Some(shown)) = nav.query_selector("[aria-current=page]") {
                        crate::ui::focus(shown.clone());
                        // Focused already (the number pressed, kept), it is not scrolled to:
                        // a longer page may have put it below the view.
                        let options = web_sys::ScrollIntoViewOptions::new();
                        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                        shown.scroll_into_view_with_scroll_into_view_options(&options);
                    }
                });
            }
        }
    };
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
                        prop:textContent=format_number(lang, n)
                    ></button>
                </li>
            }
            .into_any(),
            // A value, not a literal: see `ui::decoration`.
            None => view! { <li aria-hidden="true">{"…"}</li> }.into_any(),
        })
        .collect_view();
    // "Previous" on the first page and "next" on the last are `aria-disabled`, not
    // `disabled`: a disabled button drops the focus of the visitor who just reached the end.
    // The numbers are a list of their own between the two, so that where the row is too
    // narrow (a phone, a larger text) they wrap as one group, not "‹ Previous 1" above "2 3".
    view! {
        <nav class="ck-pager" aria-label=label part="pager">
            <button type="button" class="ck-page" aria-disabled=if current == 1 { "true" } else { "false" } on:click=go(current.saturating_sub(1).max(1))>
                {crate::ui::decoration("‹ ")}{s.previous_page}
            </button>
            <ul>{numbers}</ul>
            <button type="button" class="ck-page" aria-disabled=if current == count { "true" } else { "false" } on:click=go((current + 1).min(count))>
                {s.next_page}{crate::ui::decoration(" ›")}
            </button>
        </nav>
    }
}

/// The active choices as removable chips, with "clear all"; nothing without a choice.
pub(super) fn chips(
    s: &'static Strings,
    lang: Lang,
    feed: Signal<Arc<Feed>>,
    choices: RwSignal<Filter>,
    remove: Callback<(Facet, String)>,
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
                            on:click=move |ev: web_sys::MouseEvent| {
                                let before = last_chip_before(&ev);
                                remove.run((facet, value.clone()));
                                if let Some(before) = before {
                                    crate::ui::focus(before);
                                }
                            }
                        >
                            <span prop:textContent=label></span>
                            {crate::ui::decoration(" ×")}
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

/// For a press on the last of two or more chips, the chip before it. The chips are drawn
/// again in place, so the pressed one's element goes only when it is the last: the focus
/// then moves to the chip before (another chip keeps the focus where it was, on the chip
/// that takes its place; the only one hands it to the count).
fn last_chip_before(ev: &web_sys::MouseEvent) -> Option<web_sys::Element> {
    let item = ev
        .current_target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .parent_element()?;
    let next_is_chip = item
        .next_element_sibling()
        .and_then(|next| next.query_selector(".ck-chip").ok().flatten())
        .is_some();
    if next_is_chip {
        return None;
    }
    item.previous_element_sibling()?
        .query_selector(".ck-chip")
        .ok()
        .flatten()
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

/// The search box. What is typed goes to `change` in a task of its own, so that the typed
/// letter is drawn first; `pending` says a search waits for that task.
pub(super) fn search_box(
    s: &'static Strings,
    choices: RwSignal<Filter>,
    pending: StoredValue<bool>,
    change: impl Fn(&dyn Fn(&mut Filter)) + Copy + 'static,
) -> impl IntoView {
    view! {
        <label class="ck-search" part="search">
            <span>{s.search_members}</span>
            // Names typed as written: no browser or phone keyboard's corrections, nor its
            // list of earlier entries over the results.
            <input
                type="search"
                part="search-input"
                autocomplete="off"
                autocapitalize="off"
                spellcheck="false"
                prop:value=move || choices.read().query.clone()
                on:input=move |ev| {
                    // The results follow in a task of their own, so that the typed
                    // letter is drawn first: on a phone, laying out a page of new cards
                    // inside the keystroke made it wait 100 ms and more. Keys typed
                    // before that task runs are searched together, as the box then
                    // reads.
                    let input = event_target::<web_sys::HtmlInputElement>(&ev);
                    if pending.get_value() {
                        return;
                    }
                    pending.set_value(true);
                    set_timeout(
                        move || {
                            // Gone meanwhile (the element removed): nothing to update.
                            if pending.try_update_value(|p| *p = false).is_some() {
                                let typed = input.value();
                                change(&|c| c.query.clone_from(&typed));
                            }
                        },
                        std::time::Duration::ZERO,
                    );
                }
            />
        </label>
    }
}
