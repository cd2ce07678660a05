//! One state per feed URL, shared by every widget naming it: one fetch, one parse, each
//! watcher's signal set from here, and what nobody watches any more let go.

use std::cell::RefCell;

use leptos::prelude::*;

use super::console::warn_failed;
use super::fetch::start_fetch;
use super::{FeedState, LoadError};

/// One feed URL's state, shared by every caller naming it, the callers' own signals, and
/// how to abort its fetch.
///
/// Each caller watches through a signal of its own, set from here, rather than subscribing
/// to one long-lived shared signal: Leptos keeps a disposed memo's subscription on a signal
/// until that signal next changes, and a loaded feed's never does, so every widget mounted
/// and removed would leave its subscription behind (some 200 bytes of Wasm memory each).
struct Shared {
    url: String,
    state: FeedState,
    watchers: Vec<(u64, RwSignal<FeedState>)>,
    abort: Option<web_sys::AbortController>,
    /// When its last watcher left, as a count (the later, the higher).
    released: u64,
}

/// How many loaded feeds nobody watches are kept, the last ones left: a page's widgets built
/// again, or a router's next page naming the same feed, find it read. Older ones go, so that
/// a page changing its feed's address (`?v=` and a version, say) keeps no more than these.
#[cfg(target_arch = "wasm32")]
const KEPT_UNWATCHED: usize = 3;

thread_local! {
    // A page names a handful of feeds: a list is smaller in the Wasm than a hash map.
    static SHARED: RefCell<Vec<Shared>> = const { RefCell::new(Vec::new()) };
    pub(super) static NEXT_WATCHER: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
    static RELEASES: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Fetches the feed at the absolute `url` again, for every widget showing it. Past the
/// browser's cache: a webmaster who mended the feed and pressed the button must get the
/// mended one, even from a server whose answer the cache may reuse.
pub(super) fn fetch_again(url: String) {
    publish(&url, FeedState::Loading);
    let abort = start_fetch(url.clone(), true);
    SHARED.with(|all| {
        if let Some(shared) = all.borrow_mut().iter_mut().find(|s| s.url == url) {
            shared.abort = abort;
        }
    });
}

/// Once the browser is back online, fetches again every feed watched that failed offline,
/// as a visitor would press "Try again" (one listener for the page, from the first such
/// failure).
#[cfg(target_arch = "wasm32")]
pub(super) fn retry_when_online() {
    thread_local! {
        static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let on_online = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(|| {
        let failed: Vec<String> = SHARED.with(|all| {
            all.borrow()
                .iter()
                .filter(|s| {
                    matches!(s.state, FeedState::Failed(LoadError::Offline))
                        && !s.watchers.is_empty()
                })
                .map(|s| s.url.clone())
                .collect()
        });
        failed.into_iter().for_each(fetch_again);
    });
    if let Some(window) = web_sys::window() {
        use wasm_bindgen::JsCast;
        let _ =
            window.add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
    }
    // For the page's life, as the feeds it keeps.
    on_online.forget();
}

/// Has `state` follow the feed at `url` (fetched if nobody had asked for it), as watcher `id`.
pub(super) fn watch(id: u64, url: &str, state: RwSignal<FeedState>) {
    unwatch(id);
    if url.trim().is_empty() {
        state.set(FeedState::Failed(LoadError::Missing));
        return;
    }
    let url = absolute(url);
    shared_or_new(url.clone(), |url| start_fetch(url, false));
    SHARED.with(|all| {
        if let Some(shared) = all.borrow_mut().iter_mut().find(|s| s.url == url) {
            shared.watchers.push((id, state));
            state.set(shared.state.clone());
        }
    });
}

/// Stops watcher `id` following its feed. A feed left without watchers while it loads is
/// released once this task is over: a widget moved in the page (disposed, then mounted again
/// at once) keeps its fetch.
pub(super) fn unwatch(id: u64) {
    let left_alone = SHARED.with(|all| {
        all.borrow_mut().iter_mut().any(|shared| {
            let before = shared.watchers.len();
            shared.watchers.retain(|(w, _)| *w != id);
            let left = shared.watchers.len() < before && shared.watchers.is_empty();
            if left {
                shared.released = RELEASES.with(|n| n.replace(n.get() + 1));
            }
            left
        })
    });
    // Off the browser nothing is ever left loading (there is no fetch), nor a timer to wait.
    #[cfg(target_arch = "wasm32")]
    if left_alone {
        set_timeout(release_unwatched, std::time::Duration::ZERO);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = left_alone;
}

/// Forgets the feeds nobody watches, but for the [`KEPT_UNWATCHED`] loaded ones left last:
/// a fetch still under way is aborted (a widget removed while its feed loads leaves no
/// download behind), and a failed feed is fetched afresh by the next widget that names it
/// (the server may be back).
#[cfg(target_arch = "wasm32")]
fn release_unwatched() {
    SHARED.with(|all| {
        let mut all = all.borrow_mut();
        let loaded_alone =
            |s: &Shared| s.watchers.is_empty() && matches!(s.state, FeedState::Ready { .. });
        let kept: Vec<bool> = all
            .iter()
            .map(|shared| {
                if !shared.watchers.is_empty() {
                    return true;
                }
                let later = all
                    .iter()
                    .filter(|s| loaded_alone(s) && s.released > shared.released)
                    .count();
                loaded_alone(shared) && later < KEPT_UNWATCHED
            })
            .collect();
        let mut kept = kept.into_iter();
        all.retain(|shared| {
            let keep = kept.next().unwrap_or(true);
            if !keep
                && matches!(shared.state, FeedState::Loading)
                && let Some(abort) = &shared.abort
            {
                abort.abort();
            }
            keep
        });
    });
}

/// Sets the state of the feed at the absolute `url`, for every caller watching it. A
/// failure is also said in the console, for the webmaster, in the page's language.
pub(super) fn publish(url: &str, state: FeedState) {
    if let FeedState::Failed(error) = &state {
        warn_failed(url, error);
    }
    let watchers = SHARED.with(|all| {
        let mut all = all.borrow_mut();
        let shared = all.iter_mut().find(|s| s.url == url)?;
        shared.state = state.clone();
        Some(shared.watchers.clone())
    });
    // Set outside the borrow: a watcher's effects may ask for another feed. The first at
    // once, each other in a task of its own: three widgets drawn from one feed are three
    // tasks, not one long one that a tap on the page would wait behind.
    let mut watchers = watchers.unwrap_or_default().into_iter();
    if let Some((_, first)) = watchers.next() {
        first.try_set(state);
    }
    for (id, watcher) in watchers {
        let url = url.to_owned();
        // What the feed's state is by then, if this watcher still follows it.
        let current = move || {
            SHARED.with(|all| {
                let all = all.borrow();
                let shared = all.iter().find(|s| s.url == url)?;
                shared
                    .watchers
                    .iter()
                    .any(|(w, _)| *w == id)
                    .then(|| shared.state.clone())
            })
        };
        let deliver = move || {
            if let Some(state) = current() {
                watcher.try_set(state);
            }
        };
        // Off the browser (a server, the native tests) there are no tasks to spread over.
        #[cfg(target_arch = "wasm32")]
        set_timeout(deliver, std::time::Duration::ZERO);
        #[cfg(not(target_arch = "wasm32"))]
        deliver();
    }
}

/// A feed's URL against the page; one the browser cannot read stays as written, for the
/// fetch to refuse with its own error.
pub(super) fn absolute(url: &str) -> String {
    super::super::url::resolve(url, None).unwrap_or_else(|| url.to_owned())
}

/// Makes sure the absolute `url` has a shared state: the one there is, or a new one that
/// `load` starts loading (giving back how to abort it).
pub(super) fn shared_or_new(
    url: String,
    load: impl FnOnce(String) -> Option<web_sys::AbortController>,
) {
    let known = SHARED.with(|all| all.borrow().iter().any(|s| s.url == url));
    if known {
        return;
    }
    SHARED.with(|all| {
        all.borrow_mut().push(Shared {
            url: url.clone(),
            state: FeedState::Loading,
            watchers: Vec::new(),
            abort: None,
            released: 0,
        })
    });
    // Outside the borrow: loading may finish at once (off the browser, say) and publish.
    let abort = load(url.clone());
    SHARED.with(|all| {
        if let Some(shared) = all.borrow_mut().iter_mut().find(|s| s.url == url) {
            shared.abort = abort;
        }
    });
}
