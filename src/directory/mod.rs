//! The member directory, [`MemberDirectory`], and what it is built of.

mod app;
mod card;
mod controls;
mod facets;
pub(crate) mod history;
mod indexing;
// Its `Facet`, `Filter`, `Layout` and `Sort` are the crate root's; the property tests reach
// the rest through `__private`.
pub(crate) mod model;
pub(crate) use indexing::{facet_table, index_of};
mod profile;
mod url;

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::feed::Feed;
use crate::i18n::{Lang, fill, intl::format_number};
use controls::{chips, layout_switch, pager, sort_picker};
use facets::facets;
use model::{Facet, Filter, Layout, Outcome, Sort, apply, name_order, newest_order, page_count};

/// The most cards a page shows: a page of thousands would put them all in the document at
/// once, which the pages are there to avoid.
pub const MAX_PAGE_SIZE: usize = 100;

/// The member directory: search as you type, facets with disjunctive counts, removable
/// chips, orders, a grid or a list, pages, a profile dialog, and the view in the page URL.
///
/// # Examples
/// ```no_run
/// use std::sync::Arc;
/// use clusterkit::{Feed, Filter, Lang, Member, MemberDirectory};
/// use leptos::prelude::*;
///
/// let feed = Arc::new(Feed { members: vec![Member::new("sonilab", "Sonilab")], ..Feed::default() });
/// // The app can drive the choices (a signal in) and hear the visitor's (a callback out).
/// let choices = RwSignal::new(Filter::default());
/// let _ = view! {
///     <MemberDirectory
///         feed=feed
///         lang=Lang::Ca
///         filter=choices
///         on_filter=move |f: Filter| choices.set(f)
///     />
/// };
/// ```
///
/// | prop | type | default | meaning |
/// |---|---|---|---|
/// | `feed` | `Signal<Arc<Feed>>` | required | the members and segments |
/// | `lang` | `Signal<Lang>` | English | the visitor's language |
/// | `page_size` | `MaybeProp<usize>` | 24 | cards per page, at most [`MAX_PAGE_SIZE`] |
/// | `layout` | `MaybeProp<Layout>` | grid | grid of cards or compact list; the visitor may pick the other |
/// | `sort` | `MaybeProp<Sort>` | by name | the order unless the visitor picks one; relevance while a search is typed |
/// | `filter` | `Signal<Filter>` | none | drives the search and facet choices |
/// | `on_filter` | `Callback<Filter>` | none | called with every change of the choices (at first, a shared link's) |
/// | `on_open` | `Callback<String>` | none | called with a member's id as its profile opens (a shared link's too) |
/// | `on_close` | `Callback<String>` | none | called with a member's id as its profile closes (Escape, back, its button, `open`), or another's opens in its place |
/// | `open` | `MaybeProp<String>` | none | a member's id: its profile opens, at first and whenever it is set; `None` after an id closes it |
/// | `sync_url` | `String` | off | name of the URL parameter holding the view, as given (the embed's `sync-url` puts it under `ck-`) |
/// | `hide_filters` | `bool` | `false` | no facets and no chips, only the search |
/// | `heading_level` | `u8` | 2 | its heading's level in the page's outline (1 to 6), the cards' names one below |
/// | `label` | `MaybeProp<String>` | "Member directory" | its name for screen readers (landmark, heading, pager), for a page with two |
/// | `class` | `MaybeProp<String>` | none | extra class on the root |
///
/// Props typed as signals or `MaybeProp` follow their changes, and keep the visitor's search
/// and choices: a new `layout` or `sort` replaces the one the visitor picked, and a new
/// `page_size` keeps the first card shown on its page. `sync_url`, `hide_filters` and
/// `heading_level` are read once, as the directory is built; to change one, build the
/// directory again (in a `move || view! { … }` that reads it), which starts its visitor's
/// choices anew unless `filter` holds them.
#[component]
pub fn MemberDirectory(
    /// The feed whose members are listed.
    #[prop(into)]
    feed: Signal<Arc<Feed>>,
    /// The visitor's language.
    #[prop(optional, into)]
    lang: Signal<Lang>,
    /// Cards per page (default 24, at most [`MAX_PAGE_SIZE`]).
    #[prop(optional, into)]
    page_size: MaybeProp<usize>,
    /// Grid or list (default grid); each new value replaces the visitor's pick.
    #[prop(optional, into)]
    layout: MaybeProp<Layout>,
    /// The order (default by name); each new value replaces the visitor's pick.
    #[prop(optional, into)]
    sort: MaybeProp<Sort>,
    /// Drives the search and facet choices: each new value replaces the visitor's. With
    /// `sync_url`, the first stands for a URL without the parameter, and each later one is
    /// a view of its own in the history, as a choice of the visitor's is.
    #[prop(optional, into)]
    filter: Option<Signal<Filter>>,
    /// Called with the choices whenever they change, and at first with those a shared
    /// link's address restores (`sync_url`).
    #[prop(optional, into)]
    on_filter: Option<Callback<Filter>>,
    /// Called with a member's id as its profile opens (a shared link's too).
    #[prop(optional, into)]
    on_open: Option<Callback<String>>,
    /// Called with a member's id as its profile closes, however it closes (Escape, the back
    /// button, its close button, a tap outside, `open`), and before another member's opens
    /// in its place: an app that keeps the open member in its own address clears it here.
    /// Not as the directory itself is taken down, which is the app's own doing.
    #[prop(optional, into)]
    on_close: Option<Callback<String>>,
    /// Opens the profile of the member with this id, as a click on its card would, when
    /// given and whenever it is set (the same id too, once the visitor has closed it);
    /// `None` after an id closes the profile open.
    #[prop(optional, into)]
    open: MaybeProp<String>,
    /// Keeps the view in this parameter of the page URL (`ck-dir`, say; empty is off).
    #[prop(optional, into)]
    sync_url: Option<String>,
    /// Shows only the search: no facets and no chips.
    #[prop(optional)]
    hide_filters: bool,
    /// The level of its heading in the page's outline (default 2, under the page's `<h1>`;
    /// the cards' names one below): 3 under a section's `<h2>`, say.
    #[prop(optional)]
    heading_level: Option<u8>,
    /// Its name in place of "Member directory", for screen readers (its landmark, its
    /// hidden heading and its pager's): for a page with two directories, each its own.
    #[prop(optional, into)]
    label: MaybeProp<String>,
    /// Extra class names on the root element.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let page_size = Signal::derive(move || page_size.get().unwrap_or(24).clamp(1, MAX_PAGE_SIZE));
    let heading = heading_level.unwrap_or(2).clamp(1, 6);
    let choices = RwSignal::new(filter.map(|f| f.get_untracked()).unwrap_or_default());
    // The page's or app's own choices: a URL without the directory's parameter stands for
    // them. Those it gave first; without facets (`hide_filters`), those it gave last.
    let base = StoredValue::new(choices.get_untracked());
    // Plain values and few signal types: every distinct type in a signal or memo costs the
    // Wasm a few KB of reactive code.
    // The app's or page's order (no order given is by name).
    let default_sort = move || sort.get().unwrap_or_default();
    // The visitor's pick; without one, the order is relevance while a search is typed and
    // `sort` otherwise.
    let picked = RwSignal::new(None::<Sort>);
    let sort = move || {
        picked.get().unwrap_or_else(|| {
            if choices.read().query.trim().is_empty() {
                default_sort()
            } else {
                Sort::Relevance
            }
        })
    };
    let page = RwSignal::new(1_usize);
    app::follow_order(default_sort, picked, choices, page);
    let layout = app::follow_layout(layout);
    let filters_open = RwSignal::new(false);
    let show_all = RwSignal::new([false; 3]);

    app::follow(filter, on_filter, choices, base, page, hide_filters);

    let table = indexing::facet_table(feed);
    // The choices keep what the feed has values for (the first feed and each new one: an
    // app's signal, the embed's `feed` attribute changed; and each of the app's choices): a
    // segment, region or city it lacks would let nobody through and show as a chip of its
    // bare id. Not with an empty feed (an app's while it loads or reloads: choices would go
    // that the next one has), nor the page's own choices where the visitor has no facets to
    // see them (`hide_filters`).
    crate::ui::effect(move || {
        let table = table.get();
        if !hide_filters && feed.with_untracked(|f| !f.members.is_empty()) {
            let known = choices.get().known_to(&table);
            if choices.with_untracked(|c| *c != known) {
                choices.set(known);
                page.set(1);
            }
        }
    });
    let index = indexing::search_index(feed);
    let by_name = crate::ui::memo_arc(move |_| Arc::new(name_order(&feed.read(), lang.get())));
    let newest =
        crate::ui::memo_arc(move |_| Arc::new(newest_order(&feed.read(), &by_name.read())));
    // Which order the last outcome ran over: typing on may then search only its matches.
    let last_order = StoredValue::new(0_usize);
    let outcome = crate::ui::memo_arc(move |previous: Option<&Arc<Outcome>>| {
        let searching = !choices.read().query.trim().is_empty();
        let index = searching.then(|| index.get());
        let sort = sort();
        let order = if sort == Sort::Newest {
            newest.get()
        } else {
            by_name.get()
        };
        let filter = choices.read();
        let order_id = Arc::as_ptr(&order) as usize;
        let previous = previous.filter(|_| last_order.get_value() == order_id);
        last_order.set_value(order_id);
        Arc::new(apply(
            &table.read(),
            index.as_deref(),
            &order,
            &filter,
            sort == Sort::Relevance,
            previous.map(|p| &**p),
        ))
    });
    let pages = move || page_count(outcome.read().results.len(), page_size.get());
    let current_page = move || page.get().clamp(1, pages());
    let resized = app::follow_page_size(page_size, page, feed, outcome);

    // The page a press of the pager went to, said once shown (0: none).
    let said = RwSignal::new(0_usize);
    // A search typed and not yet run.
    let pending = StoredValue::new(false);
    let change = move |f: &dyn Fn(&mut Filter)| {
        choices.update(|c| f(c));
        page.set(1);
        said.set(0);
    };
    let toggle = Callback::new(move |(facet, value): (Facet, String)| {
        change(&|c| c.toggle(facet, &value));
    });
    let cards_ref = NodeRef::<leptos::html::Ul>::new();
    // "Clear all" and "clear the filters" go with what they clear: the focus moves to the
    // count, which then says how many members there are.
    let focus_count = move || {
        let count = cards_ref
            .get_untracked()
            .and_then(|cards| cards.parent_element()?.query_selector(".ck-count").ok()?);
        if let Some(count) = count {
            crate::ui::focus(count);
        }
    };
    let clear = Callback::new(move |()| {
        // Without facets (`hide_filters`) the visitor has only the search: the choices are
        // the page's (its `segments`, say), which no one could see or set again.
        change(&|c| {
            if hide_filters {
                c.query.clear();
            } else {
                *c = Filter::default();
            }
        });
        focus_count();
    });
    // A chip goes with its choice; the last one, like "clear all", hands the focus to the count
    // (a search typed keeps "clear all" there, but not the chip that had the focus).
    let remove = Callback::new(move |choice: (Facet, String)| {
        toggle.run(choice);
        if choices.read_untracked().choice_count() == 0 {
            focus_count();
        }
    });

    // The profile: a modal <dialog>. Opening it adds a history entry, so the back button
    // closes it.
    let syncing = sync_url.as_deref().is_some_and(|p| !p.trim().is_empty())
        && history::writable(lang.get_untracked());
    let profile = profile::Profile::new(feed, syncing);

    // The directory's heading: its level in the page's outline, where not the tag's (the
    // view has no `aria-level`), and whether the directory is still in the page.
    let heading_ref = NodeRef::<leptos::html::H2>::new();
    // A shared link's open profile has an entry of its own once the visitor does something:
    // back (or Escape) closes it.
    history::follow(
        sync_url.filter(|_| syncing),
        history::Kept {
            choices,
            sort: picked,
            page,
            open: profile.open,
            table,
            base,
            fixed: hide_filters,
            feed,
            outcome,
            page_size,
            resized,
            heading: heading_ref,
            said,
        },
        lang.get_untracked(),
        profile.entry,
    );
    crate::ui::tell_both(on_open, on_close, move || profile.open.get());
    profile.follow_app(open);

    let filters_id = crate::ui::unique_id("ck-filters");
    let heading_id = crate::ui::unique_id("ck-directory");
    if heading != 2 {
        crate::ui::effect(move || {
            if let Some(h) = heading_ref.get() {
                let _ = h.set_attribute("aria-level", &heading.to_string());
            }
        });
    }
    let title_id = crate::ui::unique_id("ck-profile");

    card::draw(
        cards_ref,
        feed,
        outcome,
        lang,
        move || {
            let size = page_size.get();
            let start = (current_page() - 1) * size;
            start..start + size
        },
        heading + 1,
    );
    let on_card_click = move |ev: web_sys::MouseEvent| {
        let Some(button) = crate::ui::closest(&ev, ".ck-open[data-i]") else {
            return;
        };
        if let Some(i) = button.get_attribute("data-i").and_then(|i| i.parse().ok()) {
            profile.show(i, button.dyn_into().ok());
        }
    };
    // Its name, kept apart from the scope below: a page or app that renames it does not
    // rebuild it (and take the focus from the visitor).
    let name = crate::ui::memo(move |_| {
        crate::ui::named(label.get(), lang.get().strings().member_directory)
    });
    // One reactive scope per language: switching language rebuilds the widget's text at
    // once (the visitor's choices live above it and survive), instead of one reactive
    // closure per string, which would cost the Wasm bytes for each.
    move || {
        let lang = lang.get();
        let s = lang.strings();
        let filters_id = filters_id.clone();
        let title_id = title_id.clone();

        let search = controls::search_box(s, choices, pending, change);
        let pick_sort = move |choice: Option<Sort>| {
            picked.set(choice);
            page.set(1);
        };
        let sort_picker = sort_picker(s, sort, pick_sort);
        let layout_switch = layout_switch(s, layout);
        let filters_toggle = (!hide_filters).then(|| {
            let chosen = Signal::derive(move || choices.read().choice_count());
            crate::ui::filters_toggle(lang, chosen, filters_open, filters_id.clone())
        });
        let facets = (!hide_filters).then(|| {
            facets(
                s,
                lang,
                feed,
                table,
                choices,
                outcome,
                toggle,
                show_all,
                filters_id.clone(),
                filters_open,
            )
        });
        let chips = (!hide_filters).then(|| chips(s, lang, feed, choices, remove, clear));
        let count = Signal::derive(move || {
            let outcome = outcome.read();
            let total = outcome.results.len();
            let members = s.members_count(total, &format_number(lang, total));
            if outcome.query.is_tolerant() && total > 0 {
                // Found with typos forgiven: said so, with the words as typed.
                let query = choices.with(|c| c.query.trim().to_owned());
                // The query last: its own words are not filled in.
                fill(s.near_members, &[("members", &members), ("query", &query)])
            } else {
                members
            }
        });
        let empty = move || {
            let feed = feed.read();
            if feed.members.is_empty() {
                let text = if feed.skipped.members > 0 {
                    s.members_unread
                } else {
                    s.no_members
                };
                Some(view! { <p class="ck-status">{text}</p> }.into_any())
            } else if outcome.read().results.is_empty() {
                // The button says what it clears: the search, the ticked choices, or both.
                let ticked = choices.with(|c| !hide_filters && c.choice_count() > 0);
                let searched = choices.with(|c| !c.query.trim().is_empty());
                let clears = match (searched, ticked) {
                    (true, true) => s.clear_search_and_filters,
                    (true, false) => s.clear_search,
                    _ => s.clear_filters,
                };
                // The words searched for, as typed: a typo shows.
                let said = if searched {
                    let query = choices.with(|c| c.query.trim().to_owned());
                    fill(s.no_members_match_query, &[("query", &query)])
                } else {
                    s.no_members_match.to_owned()
                };
                Some(
                    view! {
                        <div class="ck-status">
                            <p>{said}</p>
                            <button type="button" class="ck-btn" on:click=move |_| clear.run(())>
                                {clears}
                            </button>
                        </div>
                    }
                    .into_any(),
                )
            } else {
                None
            }
        };
        let pager = move || {
            let count = pages();
            let name = name.get();
            let own = (name != s.member_directory).then_some(name.as_str());
            (count > 1).then(|| pager(s, lang, (current_page(), count), page, said, own))
        };
        // The pager's press keeps the focus on the pager; the page it shows is said here, in
        // a live region that stays while the pager is drawn again. A memo: the same words
        // written again (as the order changes) would be said again.
        // Of how many pages as the pager was pressed: the count changing under the page
        // later (a linked chart's choice, a new feed, a page size) says nothing again.
        let said_of = StoredValue::new(0_usize);
        let page_said = crate::ui::memo(move |before: Option<&String>| {
            let n = said.get();
            if n == 0 || n != current_page() {
                said_of.set_value(0);
                return String::new();
            }
            match before {
                Some(before) if said_of.get_value() == n => before.clone(),
                _ => {
                    said_of.set_value(n);
                    let count = format_number(lang, pages());
                    fill(
                        s.page_n_of,
                        &[("n", &format_number(lang, n)), ("count", &count)],
                    )
                }
            }
        });
        // Written only when it changes (`said_once_settled` hears every new result).
        let count_shown = crate::ui::memo(move |_| count.get());

        view! {
            <section
                class=move || format!("ck-root ck-directory {}", class.get().unwrap_or_default())
                data-layout=move || layout.get().id()
                aria-labelledby=heading_id.clone()
                part="directory"
            >
                // The container of the widget's own queries, inside a root that is none: a
                // container takes no width from its content (see `.ck-fit` in theme.css).
                <div class="ck-fit" on:focusout=|ev| crate::ui::keep_focus(ev, ".ck-count")>
                    // The cards' names are headings of the third level: this one, for screen
                    // readers, keeps the page's outline whole under a page's own first heading.
                    <h2 class="ck-visually-hidden" id=heading_id.clone() node_ref=heading_ref prop:textContent=name></h2>
                    <div class="ck-toolbar" part="toolbar">
                        {search}
                        {sort_picker}
                        {layout_switch}
                        // Last, so that the next Tab after it reaches the filters it unfolds.
                        {filters_toggle}
                    </div>
                    <div class="ck-body">
                        {facets}
                        <div class="ck-results">
                            {chips}
                            <p class="ck-count" part="count" tabindex="-1" prop:textContent=count_shown></p>
                            {crate::ui::said_once_settled(count)}
                            {empty}
                            <ul
                                class="ck-cards"
                                part="cards"
                                node_ref=cards_ref
                                on:click=on_card_click
                                on:load:capture=|ev| card::logo_loaded(&ev, true)
                                on:error:capture=move |ev| card::logo_failed(&ev, lang)
                            ></ul>
                            {pager}
                            <p class="ck-visually-hidden" aria-live="polite" prop:textContent=page_said></p>
                        </div>
                    </div>
                    {profile::dialog(profile, lang, title_id, cards_ref, focus_count)}
                </div>
            </section>
        }
    }
}
