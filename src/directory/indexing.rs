//! The directory's search index, built a slice at a time while the page is idle, and its
//! facet table, each shared by every widget of the same feed.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use super::model::{FacetTable, SearchIndex, WordsBuilder};
use crate::feed::Feed;
use crate::ui::MadeOf;

/// How long one slice of the build may run, in milliseconds: a tap or a keystroke made
/// meanwhile waits at most about this long for it.
const SLICE_MS: f64 = 4.0;

/// The build under way.
struct Building {
    /// The feed it is for.
    feed: Option<Arc<Feed>>,
    /// Its first members, indexed.
    index: Option<SearchIndex>,
    /// The memo took it (a search came first, or the slices finished): no more slices.
    taken: bool,
}

thread_local! {
    /// The indexes made, by the feed they index: a chart linked to a directory, or a
    /// second directory of the same feed, searches with the index the first one made.
    static INDEXES: MadeOf<SearchIndex> = const { MadeOf::new() };
    /// The facet tables made: a directory and its linked chart count from one, made once
    /// (10 ms for 10,000 members on a desktop).
    static TABLES: MadeOf<FacetTable> = const { MadeOf::new() };
}

/// The index a directory made of this very `feed`, if one did and still holds it: a chart
/// linked to it searches with it, and never builds one of its own (in one go, a task a
/// phone would wait a quarter of a second for).
pub(crate) fn made(feed: &Arc<Feed>) -> Option<Arc<SearchIndex>> {
    INDEXES.with(|made| made.of(feed))
}

/// The index a directory made of `feed`, or one made now and kept for the directory to take:
/// a linked chart counts a search typed before the directory made its own (on a shared
/// link's search, say) with it.
pub(crate) fn index_of(feed: &Arc<Feed>) -> Arc<SearchIndex> {
    made(feed).unwrap_or_else(|| keep(feed, SearchIndex::new(feed)))
}

/// Keeps `index`, complete, as `feed`'s, for the other widgets of the feed, and has its
/// distinct words made while the page is idle.
fn keep(feed: &Arc<Feed>, index: SearchIndex) -> Arc<SearchIndex> {
    let index = Arc::new(index);
    INDEXES.with(|made| made.keep(feed, &index));
    let words = Arc::clone(&index);
    set_timeout(
        move || words_slice(words, WordsBuilder::default()),
        Duration::from_millis(100),
    );
    index
}

/// The facet table of `feed`, as a memo: the one another widget made of it, if one did.
pub(crate) fn facet_table(feed: Signal<Arc<Feed>>) -> Memo<Arc<FacetTable>> {
    crate::ui::memo_arc(move |_| {
        let feed = feed.read();
        TABLES.with(|made| made.of_or(&feed, || FacetTable::new(&feed)))
    })
}

/// The search index of `feed`, as the memo a search reads. Made in one go, the index of
/// 10,000 members is a task of 50-80 ms on a desktop and four times that on a phone, which
/// a tap or keystroke made meanwhile would wait for. So it is built in slices of
/// a few milliseconds, from 100 ms after the feed arrives (the first cards are on screen by
/// then), with the page free to run between them; a search typed before the last slice
/// finishes the build at once. An index another widget made of the same feed is taken as
/// it is.
pub(super) fn search_index(feed: Signal<Arc<Feed>>) -> Memo<Arc<SearchIndex>> {
    let building = StoredValue::new(Building {
        feed: None,
        index: None,
        taken: true,
    });
    let index = crate::ui::memo_arc(move |_| {
        let feed = feed.read();
        if let Some(index) = made(&feed) {
            building.update_value(|b| b.taken = true);
            return index;
        }
        let started = building
            .try_update_value(|b| {
                let started = b.index.take().filter(|_| same(&b.feed, &feed));
                *b = Building {
                    feed: Some(Arc::clone(&feed)),
                    index: None,
                    taken: true,
                };
                started
            })
            .flatten();
        let mut index = started.unwrap_or_else(|| SearchIndex::for_members(feed.members.len()));
        index.extend(&feed, || false);
        keep(&feed, index)
    });
    crate::ui::effect(move || {
        let current = feed.get();
        let fresh = building
            .try_update_value(|b| {
                let fresh = !same(&b.feed, &current);
                if fresh {
                    *b = Building {
                        feed: Some(current),
                        index: None,
                        taken: false,
                    };
                }
                fresh
            })
            .unwrap_or(false);
        if fresh {
            set_timeout(move || slice(building, index), Duration::from_millis(100));
        }
    });
    index
}

/// Whether `feed` is the very feed `held` (not merely an equal one).
fn same(held: &Option<Arc<Feed>>, feed: &Arc<Feed>) -> bool {
    held.as_ref().is_some_and(|held| Arc::ptr_eq(held, feed))
}

/// Whether a slice begun now has run its [`SLICE_MS`], asked after each member: the clock
/// read every 32 members, as each read is a call into the browser.
fn slice_ends() -> impl FnMut() -> bool {
    let deadline = js_sys::Date::now() + SLICE_MS;
    let mut added = 0_u32;
    move || {
        added += 1;
        added.is_multiple_of(32) && js_sys::Date::now() >= deadline
    }
}

/// Indexes members for about [`SLICE_MS`], then lets the page run and comes back; once all
/// are in, the memo takes the index. Stops when the memo took it first or the directory is
/// gone; a new feed starts its own slices.
fn slice(building: StoredValue<Building>, index: Memo<Arc<SearchIndex>>) {
    let mut enough = slice_ends();
    let done = building
        .try_update_value(|b| {
            let feed = b.feed.clone().filter(|_| !b.taken)?;
            // Another widget's index of the feed ends this one's build.
            if made(&feed).is_some() {
                b.index = None;
                return Some(true);
            }
            let partial = b
                .index
                .get_or_insert_with(|| SearchIndex::for_members(feed.members.len()));
            Some(partial.extend(&feed, &mut enough))
        })
        .flatten();
    match done {
        Some(false) => set_timeout(move || slice(building, index), Duration::ZERO),
        Some(true) => {
            let _ = index.try_with_untracked(|_| ());
        }
        None => {}
    }
}

/// Makes the distinct words of `index` for about [`SLICE_MS`] (see
/// [`SearchIndex::words`]), then lets the page run and comes back until they are made.
/// Stops when a search with a typo made them first, or no widget holds the index any more.
fn words_slice(index: Arc<SearchIndex>, mut builder: WordsBuilder) {
    if index.has_words() || Arc::strong_count(&index) == 1 {
        return;
    }
    if builder.extend(&index, slice_ends()) {
        builder.finish(&index);
    } else {
        set_timeout(move || words_slice(index, builder), Duration::ZERO);
    }
}
