//! The page's one listener to the back and forward buttons: every widget's answer to a move
//! (a directory's view, a dialog closing), and whether the move goes further, to a router.

use leptos::prelude::on_cleanup;
use wasm_bindgen::{JsCast, JsValue};

use super::window;

/// What a widget does when the back or forward button moves.
type Answer = std::rc::Rc<dyn Fn()>;

thread_local! {
    /// What the page's widgets do when the back or forward button moves (each with its key),
    /// and the key of the next.
    static POPPED: std::cell::RefCell<(usize, Vec<(usize, Answer)>)> =
        std::cell::RefCell::new((0, Vec::new()));
    /// Whether the move under way is the widgets' own: from one view of the page's
    /// directories to another, or onto or off an entry a widget added (a dialog's), on the
    /// same page.
    static OWN_MOVE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The Navigation API's keys of the entries the widgets added, the latest last.
    static PUSHED: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
    /// The Navigation API's keys of the entries a dialog added whose widget is gone, which a
    /// move goes on past: the back button there would do nothing a visitor sees.
    static DEAD: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Whether the move under way goes forward.
    static FORWARD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Whether the move under way goes on past such an entry: the site's, which a router
    /// that left the entry alone (its state `null`) has to hear.
    static SKIPPING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Adds `key` to `keys`, the latest last, forgetting the oldest past a hundred: enough for
/// any visit, as a browser keeps some fifty entries a page.
fn note(keys: &'static std::thread::LocalKey<std::cell::RefCell<Vec<String>>>, key: String) {
    keys.with_borrow_mut(|keys| {
        if keys.len() == 100 {
            keys.remove(0);
        }
        keys.push(key);
    });
}

/// Notes that a widget has just added the page's current entry (`pushState`), so that a
/// move onto or off it is known as the widgets' own.
pub(crate) fn pushed() {
    if let Some(key) = current_entry(&super::navigation(), "key") {
        note(&PUSHED, key);
    }
}

/// Notes that the entry of key `key`, which a dialog added, has no dialog any more (its
/// widget was taken out of the page): a move onto it goes on past it, the way it went.
pub(super) fn dead(key: String) {
    note(&DEAD, key);
}

/// A field of the current history entry (Navigation API's `currentEntry`), as a string.
pub(super) fn current_entry(navigation: &JsValue, field: &str) -> Option<String> {
    get(&get(navigation, "currentEntry"), field).as_string()
}

/// Runs `answer` each time the back or forward button moves, from the current reactive
/// scope's first effect run (building a widget touches no `window`) until it is cleaned up.
///
/// The page's one listener runs every widget's answer, first. The widgets' own moves go no
/// further: a router (Turbo, Swup, a page's own that draws its page again at every move)
/// would load or draw the page again for them, taking the visitor's focus and place. Those
/// are a dialog's going back over its entry as it closes, and, told apart by the browser's
/// Navigation API, a move between two views of the directories or onto or off an entry a
/// dialog added. A move to another page, or back to this one from another, is the router's;
/// without the Navigation API, so is every move of the back and forward buttons.
pub(crate) fn on_popped(answer: impl Fn() + 'static) {
    let answer: Answer = std::rc::Rc::new(answer);
    crate::ui::effect(move || {
        let answer = answer.clone();
        let key = POPPED.with_borrow_mut(|(next, all)| {
            *next += 1;
            all.push((*next, answer));
            *next
        });
        listen_to_moves();
        on_cleanup(move || POPPED.with_borrow_mut(|(_, all)| all.retain(|(k, _)| *k != key)));
    });
}

thread_local! {
    /// Whether the script-tag loader listens to the moves (as early as its script runs) and
    /// passes them to [`popped`].
    static LOADER_LISTENS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Says that the loader passes the back and forward buttons' moves to [`popped`].
#[cfg(feature = "embed")]
pub(crate) fn loader_listens() {
    LOADER_LISTENS.set(true);
}

/// The page's listeners to the back and forward buttons, added once: where a move comes
/// from (Navigation API), and the move, unless the loader listens to it.
fn listen_to_moves() {
    use wasm_bindgen::closure::Closure;
    thread_local! {
        static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    let Some(window) = window().filter(|_| !LISTENING.replace(true)) else {
        return;
    };
    if let Ok(navigation) = super::navigation().dyn_into::<web_sys::EventTarget>() {
        let from = navigation.clone();
        // Of the one closure type the crate's listeners share (each type has glue of its own).
        let on_navigate = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            let to = get(&ev, "destination");
            FORWARD.set(index(&to) > index(&get(&from, "currentEntry")));
            let (here, there) = (current_entry(&from, "url"), get(&to, "url").as_string());
            let page = |url: &Option<String>| url.as_deref().map(without_ours);
            OWN_MOVE.set(
                get(&ev, "navigationType").as_string().as_deref() == Some("traverse")
                    && here.is_some()
                    && page(&here) == page(&there)
                    && (here != there || crosses_only_ours(&from, &to)),
            );
        });
        let _ = navigation
            .add_event_listener_with_callback("navigate", on_navigate.as_ref().unchecked_ref());
        on_navigate.forget();
    }
    if !LOADER_LISTENS.get() {
        let on_popstate = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            if popped(ev.is_trusted()) {
                ev.stop_immediate_propagation();
            }
        });
        // At the window, listeners run in the order they were added, captured or not: this
        // one comes before a router's only where the app adds it first.
        let _ = window.add_event_listener_with_callback_and_bool(
            "popstate",
            on_popstate.as_ref().unchecked_ref(),
            true,
        );
        on_popstate.forget();
    }
}

/// Whether every entry a move from the current entry to `to` crosses is one the widgets
/// added: those it leaves going back, those it enters going forward (a dialog's, most
/// often). A site's own entry among them (its lightbox's, pushed over a profile) makes the
/// move the site's too.
fn crosses_only_ours(navigation: &JsValue, to: &JsValue) -> bool {
    let (Some(here), Some(there)) = (index(&get(navigation, "currentEntry")), index(to)) else {
        return false;
    };
    let (low, high) = (here.min(there), here.max(there));
    let entries = get(navigation, "entries")
        .dyn_into::<js_sys::Function>()
        .and_then(|entries| entries.call0(navigation))
        .map(|list| js_sys::Array::from(&list))
        .unwrap_or_default();
    PUSHED.with_borrow(|keys| {
        entries
            .iter()
            .filter(|entry| index(entry).is_some_and(|i| i > low && i <= high))
            .all(|entry| {
                get(&entry, "key")
                    .as_string()
                    .is_some_and(|k| keys.contains(&k))
            })
    })
}

/// A history entry's place in the page's history (Navigation API).
fn index(entry: &JsValue) -> Option<f64> {
    get(entry, "index").as_f64()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap_or_default()
}

/// Answers a move of the back or forward button (a `popstate`) in every widget of the
/// page; whether it goes no further, being the widgets' own (see [`on_popped`]). One a
/// script dispatched (`trusted` false: a router's way to say it moved) is answered and goes
/// on, and leaves the move the widgets await theirs.
pub(crate) fn popped(trusted: bool) -> bool {
    let skipping = SKIPPING.replace(false);
    // A `back` of the widgets' own goes no further even where no widget is left to answer
    // it (the one taken out of the page went back over its dialog's entry).
    let going_back = trusted && super::GOING_BACK.replace(false);
    let own = trusted && (going_back | OWN_MOVE.take()) && !skipping;
    let answers: Vec<Answer> =
        POPPED.with_borrow(|(_, all)| all.iter().map(|(_, a)| a.clone()).collect());
    for answer in &answers {
        answer();
    }
    if trusted {
        skip_dead();
    }
    own && (going_back || !answers.is_empty())
}

/// Goes on past the entry the page has just moved to, the way it moved, if it is a dialog's
/// whose widget is gone (see [`dead`]).
fn skip_dead() {
    let navigation = super::navigation();
    let Some(key) = current_entry(&navigation, "key") else {
        return;
    };
    let forward = FORWARD.get();
    // Nothing past it (the last entry, gone to by forward): the page stays there.
    let further = get(
        &navigation,
        if forward { "canGoForward" } else { "canGoBack" },
    );
    if DEAD.with_borrow(|dead| dead.contains(&key))
        && further.as_bool() == Some(true)
        && let Some(history) = window().and_then(|w| w.history().ok())
    {
        SKIPPING.set(true);
        let _ = if forward {
            history.forward()
        } else {
            history.back()
        };
    }
}

/// `href` without the page's directories' parameters (every `ck-` one): what is left is the
/// page, whichever view of its directories the address keeps.
pub(crate) fn without_ours(href: &str) -> String {
    let (href, hash) = href.split_at(href.find('#').unwrap_or(href.len()));
    let (page, search) = href.split_at(href.find('?').unwrap_or(href.len()));
    let kept: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|part| !part.is_empty() && !part.starts_with("ck-"))
        .collect();
    if kept.is_empty() {
        format!("{page}{hash}")
    } else {
        format!("{page}?{}{hash}", kept.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_its_address_without_its_directories_parameters() {
        assert_eq!(
            without_ours("https://a.example/socis/?s=1&ck-dir=q:vigo&page=2&ck-x#top"),
            "https://a.example/socis/?s=1&page=2#top"
        );
        assert_eq!(without_ours("/socis?ck-dir=q:vigo"), "/socis");
        assert_eq!(without_ours("/socis?ck-dir=q:a#b?c"), "/socis#b?c");
        assert_ne!(
            without_ours("/socis?ck-dir=1"),
            without_ours("/agenda?ck-dir=1")
        );
    }
}
