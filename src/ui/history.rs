//! The page's history, which every widget shares: the back and forward buttons' one listener
//! ([`on_popped`]), and the entry of its own that a dialog holds while it is open, so that
//! the back button closes it, as it closes a phone's dialogs ([`OwnEntry`]). The directory's
//! `sync-url` writes its views into the same history (`directory::history`).

use leptos::prelude::{SetValue, StoredValue, UpdateValue, WithValue, on_cleanup};
use wasm_bindgen::JsValue;

mod moves;
#[cfg(feature = "embed")]
pub(crate) use moves::{loader_listens, popped};
pub(crate) use moves::{on_popped, without_ours};

pub(crate) fn window() -> Option<web_sys::Window> {
    // Off the browser (a server rendering the component, a native test) there is no page:
    // web-sys' imports would abort the process there.
    #[cfg(not(target_arch = "wasm32"))]
    return None;
    #[cfg(target_arch = "wasm32")]
    web_sys::window()
}

/// The history state that marks the entry a shared link's open profile was given.
pub(crate) const MARK: &str = "ck-profile";

thread_local! {
    /// Whether a [`back`] is on its way (its move not heard yet, for a second at most).
    static GOING_BACK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// How many [`back`]s went: a second's timer clears only its own.
    static BACKS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// The browser's back button, from code; once for the dialogs that close together (one
/// Escape closes every modal dialog opened together in Chromium, two directories' profiles
/// that a link opened): each going back would have left the page.
fn back() {
    if GOING_BACK.replace(true) {
        return;
    }
    let this = BACKS.get().wrapping_add(1);
    BACKS.set(this);
    leptos::leptos_dom::helpers::set_timeout(
        move || {
            if BACKS.get() == this {
                GOING_BACK.set(false);
            }
        },
        std::time::Duration::from_secs(1),
    );
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.back();
    }
}

/// Whether a dialog holds an entry of its own in the page's history: the back button then
/// pops it, and the dialog closes; closed otherwise (Escape, its button, a tap beside it),
/// it goes back over the entry, so that the next back leaves neither an entry that does
/// nothing nor the page. The forward button back onto the entry the dialog was closed
/// from opens it again where it can ([`OwnEntry::returned`]), as it opens a shared link's
/// profile again.
///
/// Its entry has no state (`null`), which routers (Astro's, Turbo, Swup) leave alone, and
/// the moves onto and off it go no further than the widgets (see [`on_popped`]); it is told
/// apart by the browser's Navigation API, which names each entry: without it, forward opens
/// nothing again.
///
/// Kept where the dialog's open state is kept, not in a scope drawn again (for a new
/// language, say): the dialog drawn again while open holds the entry it had.
#[derive(Clone, Copy)]
pub(crate) struct OwnEntry(StoredValue<Entry>);

#[derive(Default)]
struct Entry {
    /// Whether it holds the entry the page is at.
    held: bool,
    /// The Navigation API's key of the entry it pushed, if it pushed the one it holds: the
    /// same through a `replaceState` (a router's, noting its state), new at each push.
    pushed: Option<String>,
    /// Where the page was just after it pushed the entry it holds (see [`place`]), for a
    /// browser without the Navigation API.
    pushed_at: Option<(String, u32)>,
    /// The key of the entry the dialog was closed from.
    left: Option<String>,
}

/// Adds an entry to the page's history, for `url` (else the same address) with `state`,
/// noted as the widgets' own (see [`moves::pushed`]); whether the browser took it.
pub(crate) fn push(history: &web_sys::History, state: &JsValue, url: Option<&str>) -> bool {
    let pushed = history.push_state_with_url(state, "", url).is_ok();
    if pushed {
        moves::pushed();
    }
    pushed
}

/// The browser's Navigation API, where it has one (`undefined` otherwise).
fn navigation() -> JsValue {
    window()
        .and_then(|w| js_sys::Reflect::get(&w, &"navigation".into()).ok())
        .unwrap_or_default()
}

/// The Navigation API's key of the page's current history entry, where the browser has it.
fn entry_key() -> Option<String> {
    moves::current_entry(&navigation(), "key")
}

/// The page's address and the length of its history: both as they were just after a push,
/// the page is still at that entry, most likely (a router's push or a lightbox's makes the
/// history longer; a `replaceState` to another address changes the address).
fn place() -> Option<(String, u32)> {
    let window = window()?;
    Some((
        window.location().href().ok()?,
        window.history().ok()?.length().ok()?,
    ))
}

/// Whether a [`back`] is on its way: the page is not yet where it goes.
pub(crate) fn going_back() -> bool {
    GOING_BACK.get()
}

impl OwnEntry {
    pub(crate) fn new() -> Self {
        let entry = StoredValue::new(Entry::default());
        // A widget taken out of the page while its dialog holds the entry the page is at (a
        // script's, a tab panel closed) goes back over it: the next back would do nothing.
        // Not where the page has moved on (a site's router went to another page), which is
        // asked a task later: leptos_router takes a route's view down before it writes the
        // new address. With the Navigation API, a later move onto the dialog's entry then
        // goes on past it. Not for an entry another writer made (`hold_current`: sync-url's
        // hold the view, which the address keeps).
        on_cleanup(move || {
            let Some((pushed, at, gone)) = entry.try_with_value(|e| {
                let gone = if e.held {
                    e.pushed.clone()
                } else {
                    e.left.clone()
                };
                let at = e.pushed_at.clone().filter(|_| e.held);
                (e.pushed.clone().filter(|_| e.held), at, gone)
            }) else {
                return;
            };
            if pushed.is_none() && at.is_none() && gone.is_none() {
                return;
            }
            leptos::leptos_dom::helpers::set_timeout(
                move || {
                    let here = match &pushed {
                        Some(key) => entry_key().as_ref() == Some(key),
                        None => at.is_some() && place() == at,
                    };
                    if here {
                        back();
                    }
                    if let Some(key) = gone {
                        moves::dead(key);
                    }
                },
                std::time::Duration::ZERO,
            );
        });
        OwnEntry(entry)
    }

    /// Holds an entry: a new one for the same URL, unless one is held already.
    pub(crate) fn hold(self) {
        if self.0.with_value(|e| e.held) {
            return;
        }
        // None held where the browser refused the push (Safari's hundred a ten seconds):
        // closing the dialog then goes back over nothing, not over the page's own entry.
        let pushed = window()
            .and_then(|w| w.history().ok())
            .is_some_and(|history| push(&history, &JsValue::NULL, None));
        if pushed {
            self.0.set_value(Entry {
                held: true,
                pushed: entry_key(),
                pushed_at: place(),
                left: None,
            });
        }
    }

    /// Holds the entry the page is at, which another writer made (the directory's
    /// `sync-url`, a shared link's entries).
    pub(crate) fn hold_current(self) {
        self.0.set_value(Entry {
            held: true,
            ..Entry::default()
        });
    }

    /// For a dialog closed otherwise than by the back button: goes back over the entry it
    /// held, if it held one (the move that follows is the dialog's to answer); whether it
    /// did.
    pub(crate) fn leave(self) -> bool {
        let held = self.popped();
        if held {
            back();
        }
        held
    }

    /// For a move of the back or forward button: the entry held is gone; whether there was
    /// one.
    pub(crate) fn popped(self) -> bool {
        self.0
            .try_update_value(|e| {
                let held = std::mem::take(&mut e.held);
                if held {
                    e.left = e.pushed.take();
                    e.pushed_at = None;
                }
                held
            })
            .unwrap_or(false)
    }

    /// For a move of the back or forward button that [`OwnEntry::popped`] found nothing
    /// held in: whether it came to the entry the dialog was last closed from (by the
    /// forward button, most often) and `reopen` says the dialog can open again (it may not:
    /// what it showed may be gone), the entry then held again for the dialog the caller
    /// opens.
    pub(crate) fn returned(self, reopen: impl FnOnce() -> bool) -> bool {
        let Some(left) = self.0.try_with_value(|e| e.left.clone()).flatten() else {
            return false;
        };
        let again = entry_key().as_ref() == Some(&left) && reopen();
        if again {
            self.0.set_value(Entry {
                held: true,
                pushed: Some(left),
                pushed_at: place(),
                left: None,
            });
        }
        again
    }
}
