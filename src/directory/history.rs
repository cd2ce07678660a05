//! The page's URL for `sync-url`: the directory's view in its own query parameter, the
//! back and forward buttons walking through its views, and a shared link's profile given
//! entries that the back button closes it by. Only the query string's own parameter
//! changes; path and hash stay.

use std::sync::Arc;

use leptos::prelude::{
    Get, GetUntracked, GetValue, Memo, NodeRef, ReadUntracked, RwSignal, Set, SetValue, Signal,
    StoredValue, Track, WithUntracked,
};

use super::model::{FacetTable, Filter, Outcome, Sort, page_count};
use super::url::{self, UrlState};
use crate::feed::Feed;
use crate::i18n::Lang;
use crate::ui::history::{MARK, OwnEntry, on_popped, window, without_ours};

mod address;
pub(super) use address::writable;
use address::{claim_param, full_url, search, set_search, state_for};

/// What the URL keeps of a directory's view.
#[derive(Clone, Copy)]
pub(super) struct Kept {
    pub choices: RwSignal<Filter>,
    pub sort: RwSignal<Option<Sort>>,
    pub page: RwSignal<usize>,
    /// The member whose profile is open.
    pub open: RwSignal<Option<String>>,
    /// The feed's facet values, which a link's choices are checked against.
    pub table: Memo<Arc<FacetTable>>,
    /// The page's or app's own choices (the `segments` and `kinds` attributes').
    pub base: StoredValue<Filter>,
    /// Whether the visitor has no facets (`hide_filters`): the page's choices then hold
    /// whatever a link says.
    pub fixed: bool,
    /// The members, which a link's open profile is checked against.
    pub feed: Signal<Arc<Feed>>,
    /// The results, whose last page a link's page is kept within.
    pub outcome: Memo<Arc<Outcome>>,
    /// Cards per page.
    pub page_size: Signal<usize>,
    /// Whether the page last changed with the page size: its new number is written in
    /// place, not as a new entry (back would show the old number at the new size).
    pub resized: StoredValue<bool>,
    /// The directory's heading, which tells whether it is still in the page.
    pub heading: NodeRef<leptos::html::H2>,
    /// The page to say once shown (0: none), as after a press of the pager.
    pub said: RwSignal<usize>,
}

impl Kept {
    /// The view a value of the URL parameter stands for. None (no parameter) is the page's
    /// own choices; a link's are those the feed has (once it has any: an app's feed may
    /// come later), and without facets, the page's segments, kinds, regions and cities.
    fn read(self, value: Option<&str>) -> UrlState {
        let mut state = url::decode(value.unwrap_or_default());
        let base = self.base.get_value();
        if value.is_none_or(str::is_empty) {
            state.filter = Filter {
                query: String::new(),
                ..base.clone()
            };
        }
        let table = self.table.read_untracked();
        if !table.is_empty() {
            state.filter = std::mem::take(&mut state.filter).known_to(&table);
        }
        if self.fixed {
            state.filter = Filter {
                query: std::mem::take(&mut state.filter.query),
                ..base
            };
        }
        state.member = self.known(state.member);
        state
    }

    /// Whether the directory is in the page (or not drawn yet): one taken out, which a
    /// page's script may have replaced with a copy of itself in the same task (htmx, Turbo,
    /// a PJAX script), writes nothing more to the URL, which is the copy's now.
    fn in_page(self) -> bool {
        self.heading
            .get_untracked()
            .is_none_or(|heading| heading.is_connected())
    }

    /// `member` if the feed has it, or has no members yet (an app's feed may come later):
    /// a member it lacks opens no profile.
    fn known(self, member: Option<String>) -> Option<String> {
        let feed = self.feed.read_untracked();
        member.filter(|id| feed.members.is_empty() || feed.member_index(id).is_some())
    }

    /// The last page of the results, once the feed has members (before, any page may be).
    fn last_page(self) -> usize {
        if self.feed.read_untracked().members.is_empty() {
            usize::MAX
        } else {
            page_count(
                self.outcome.read_untracked().results.len(),
                self.page_size.get_untracked(),
            )
        }
    }

    /// The view as `param` of the page URL carries it; whether its page is another. What it
    /// leaves as it was is not set again: the count would be said again, as if it had changed.
    fn restore(self, param: &str) -> bool {
        fn set<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) -> bool {
            let changed = signal.with_untracked(|now| *now != value);
            if changed {
                signal.set(value);
            }
            changed
        }
        let mut state = self.read(url::read_param(&search(), param));
        // The URL keeps a search trimmed: the box keeps the space typed after it.
        self.choices.with_untracked(|now| {
            if now.query.trim() == state.filter.query {
                state.filter.query.clone_from(&now.query);
            }
        });
        set(self.choices, state.filter);
        set(self.sort, state.sort);
        set(self.open, state.member);
        set(self.page, state.page)
    }
}

/// How long after a keystroke the next still belongs to the same search (ms): a search typed
/// on after a pause longer than that is a new entry in the history.
const TYPING: f64 = 1000.0;

/// Keeps a directory's view in the page URL's `param` (`sync-url`): read from it now, written
/// to it as it changes (a new entry for a choice, sort, page or profile, so the back button
/// walks through them; one entry for a search, made at its first keystroke and kept up to
/// date in place while the visitor types on), and read again when the back or forward
/// button moves through it. Without `param`, the back button only closes the profile.
/// `entry` is the profile's history entry, gone on each move.
///
/// A link's page past the last is written as the last, and a member the feed lacks left
/// out, in place. A link that opens a profile is made two entries, the view without the
/// profile and the link, so that the back button closes the profile there too rather than
/// leave the page: at the visitor's first key or click, from when `entry` holds them.
pub(super) fn follow(param: Option<String>, kept: Kept, lang: Lang, entry: OwnEntry) {
    if let Some(param) = &param {
        kept.restore(param);
        claim_param(param, lang);
        hold_link_profile(param, kept, entry);
    }
    // When the search was last written to the URL (ms), while the visitor types it.
    let typed_at = StoredValue::new(f64::NEG_INFINITY);
    // Without `param`, the profile last open, which forward opens again where it was.
    let last = StoredValue::new(None::<String>);
    if param.is_none() {
        crate::ui::effect(move || {
            if let Some(id) = kept.open.get() {
                last.set_value(Some(id));
            }
        });
    }
    on_popped({
        let param = param.clone();
        move || {
            typed_at.set_value(f64::NEG_INFINITY);
            let held = entry.popped();
            match &param {
                // A page gone back or forward to is said, as one the pager goes to.
                Some(param) => {
                    if kept.restore(param) {
                        kept.said.set(kept.page.get_untracked());
                    }
                }
                // Forward to the profile's entry opens it again, if the feed still has
                // its member.
                None => {
                    let again = kept.known(last.get_value()).filter(|_| !held);
                    let reopened = entry.returned(|| again.is_some());
                    kept.open.set(again.filter(|_| reopened));
                }
            }
        }
    });
    if let Some(param) = param {
        let settled = reread_after_router(param.clone(), kept);
        write_view(param, kept, settled, typed_at);
    }
}

/// A shared link's open profile gets the entries that let back close it
/// ([`link_entries`]), and `entry` holds them: made at the visitor's first key or click,
/// not as the page loads, as an entry a page adds before its visitor does anything is one
/// Safari's back button skips (Chrome's too, until the visitor does something), and back
/// then left the page over both. Not again on a reload of the link, or a return to it by
/// back or forward, which find its entry marked (pushing there would also drop the forward
/// ones).
fn hold_link_profile(param: &str, kept: Kept, entry: OwnEntry) {
    if kept.open.read_untracked().is_none() {
        return;
    }
    if marked_entry() {
        entry.hold_current();
    } else {
        let param = param.to_owned();
        at_first_input(move || {
            if link_entries(&param, kept) {
                entry.hold_current();
            }
        });
    }
}

/// A router (leptos_router) draws a route before it writes the route's address: a
/// directory drawn at once read the page it leaves. So the view is read again a task
/// later, where the page (its address but for the `ck-` parameters) has changed since.
/// Returns the signal that turns true then, before which nothing is written to the URL.
fn reread_after_router(param: String, kept: Kept) -> RwSignal<bool> {
    let read_at = window().and_then(|w| w.location().href().ok());
    let settled = RwSignal::new(false);
    crate::ui::effect(move || {
        let param = param.clone();
        let read_at = read_at.clone();
        leptos::leptos_dom::helpers::set_timeout(
            move || {
                // Nothing once the directory is gone (its scope disposed meanwhile).
                if settled.try_get_untracked().is_none() {
                    return;
                }
                let now = window().and_then(|w| w.location().href().ok());
                let page = |href: Option<String>| href.map(|h| without_ours(&h));
                if page(now) != page(read_at) {
                    kept.restore(&param);
                }
                settled.set(true);
            },
            std::time::Duration::ZERO,
        );
    });
    settled
}

/// Writes the view to `param` of the page URL as it changes, once `settled`: a new entry
/// for another view, the search's entry kept up to date in place while the visitor types
/// on (`typed_at`, when it was last written), in place for a page that follows a new page
/// size or a link's view written again in its own words.
fn write_view(param: String, kept: Kept, settled: RwSignal<bool>, typed_at: StoredValue<f64>) {
    crate::ui::effect(move || {
        if !settled.get() {
            return;
        }
        // A page past the last (a link's `page:999`, or results that shrank) becomes the
        // last, and a member the feed lacks none (`known`), once the feed is there: written
        // in place, as the same view.
        kept.feed.track();
        kept.outcome.track();
        let last = kept.last_page();
        let mut page = kept.page.get();
        if page > last {
            page = last;
            kept.page.set(page);
        }
        let state = UrlState {
            filter: kept.choices.get(),
            sort: kept.sort.get(),
            page,
            member: kept.known(kept.open.get()),
        };
        if !kept.in_page() {
            return;
        }
        let value = url::encode(&state);
        let resized = kept.resized.get_value();
        kept.resized.set_value(false);
        let search = search();
        let old = url::read_param(&search, &param);
        if old.unwrap_or_default() != value {
            // Read as a restore reads it: a link only written again in its own words (its
            // parts reordered, a stale segment left out, the page's own choices added) is
            // the same view, and its entry is replaced, not followed by another.
            let mut was = kept.read(old);
            if was.filter == state.filter {
                was.page = was.page.min(last);
            }
            let typed = was.filter.query != state.filter.query;
            was.filter.query.clone_from(&state.filter.query);
            let now = js_sys::Date::now();
            let typing_on = typed && now - typed_at.get_value() < TYPING;
            typed_at.set_value(if typed { now } else { f64::NEG_INFINITY });
            set_search(
                &url::with_param(&search, &param, &value),
                !resized && (was != state || typed && !typing_on),
            );
        }
    });
}

/// Whether the current history entry is the one a shared link's open profile was given.
fn marked_entry() -> bool {
    let state = window().and_then(|w| w.history().ok()?.state().ok());
    state.is_some_and(|state| {
        js_sys::Reflect::get(&state, &MARK.into()).is_ok_and(|m| m.is_truthy())
    })
}

/// A shared link's open profile made two entries: the view without the profile (nor those
/// of the page's other directories) in place of the link's, then the link's, marked.
/// Returns whether the profile has them: not where it was closed meanwhile, nor for a
/// directory out of the page; where another directory made them at the same input, it does.
fn link_entries(param: &str, kept: Kept) -> bool {
    if kept.open.get_untracked().is_none() || !kept.in_page() {
        return false;
    }
    if marked_entry() {
        return true;
    }
    let Some(history) = window().and_then(|w| w.history().ok()) else {
        return false;
    };
    let link = search();
    let own = UrlState {
        filter: kept.choices.get_untracked(),
        sort: kept.sort.get_untracked(),
        page: kept.page.get_untracked().min(kept.last_page()),
        member: None,
    };
    let mut behind = url::with_param(&link, param, &url::encode(&own));
    for other in address::params() {
        let mut state = url::decode(url::read_param(&behind, &other).unwrap_or_default());
        if other != param && state.member.take().is_some() {
            behind = url::with_param(&behind, &other, &url::encode(&state));
        }
    }
    set_search(&behind, false);
    let url = full_url(&link);
    let state = state_for(&history, &url, true, true);
    crate::ui::history::push(&history, &state, Some(&url))
}

/// The events a browser counts as the visitor's doing (an activation): a key (Escape aside)
/// and a pointer released (a touch's tap too, which its press is not).
const INPUTS: [&str; 2] = ["keydown", "pointerup"];

/// Runs `then` once, at the visitor's first key or pointer release on the page, before the
/// page's own listeners hear it (caught on `window` on its way down: its default, a dialog's
/// Escape or a button's click, comes after): what the page does then, browsers count as the
/// visitor's doing. The listeners stay, idle, until the directory goes.
fn at_first_input(then: impl Fn() + Clone + 'static) {
    let Some(window) = window() else { return };
    let pending = StoredValue::new(true);
    for kind in INPUTS {
        let then = then.clone();
        crate::ui::capture(window.clone().into(), kind, move |ev| {
            if ev.is_trusted() && pending.get_value() {
                pending.set_value(false);
                then();
            }
        });
    }
}
