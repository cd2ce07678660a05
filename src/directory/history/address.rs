//! The page's address, as `sync-url` reads and writes it: its query string, whether it can
//! take a view at all, the history state a new entry copies from a site's router, and the
//! one parameter each directory of the page claims.

use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::{Lang, fill};
use crate::ui::history::{MARK, window};

/// The page's `location.search` (`?a=1&ck-dir=…`, or empty).
pub(super) fn search() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page's URL with `search` for its query string. Whole, not from the path: a page's
/// `<base href>` (another host, say) or a path that begins with `//` would make a path-only
/// URL another origin's, which the browser refuses. From `href`, not from the origin, which
/// is `null` in an `<iframe srcdoc>` or a sandboxed frame.
pub(super) fn full_url(search: &str) -> String {
    let Some(location) = window().map(|w| w.location()) else {
        return String::new();
    };
    let href = location.href().unwrap_or_default();
    let before = href.find(['?', '#']).map_or(&href[..], |end| &href[..end]);
    format!("{before}{search}{}", location.hash().unwrap_or_default())
}

/// Whether the page's address can take a view in its query string: the browser lets a page
/// rewrite only the `#` part of an `about:`, `blob:` or `data:` address. One that cannot
/// (an `<iframe srcdoc>`'s `about:srcdoc`) is said once in the console: its
/// directories then keep their view as if without `sync-url`, the back button still closing
/// a profile.
pub(in crate::directory) fn writable(lang: Lang) -> bool {
    let Some(location) = window().map(|w| w.location()) else {
        return false;
    };
    let protocol = location.protocol().unwrap_or_default();
    let writable = !matches!(protocol.as_str(), "about:" | "blob:" | "data:");
    if !writable && !UNWRITABLE.replace(true) {
        let address = location.href().unwrap_or_default();
        let message = fill(lang.strings().sync_url_unwritable, &[("url", &address)]);
        web_sys::console::warn_1(&format!("clusterkit: {message}").into());
    }
    writable
}

/// Points the page URL at `search`: a new history entry when `push`, else in place.
pub(super) fn set_search(search: &str, push: bool) {
    let Some(window) = window() else { return };
    let url = full_url(search);
    if let Ok(history) = window.history() {
        let state = state_for(&history, &url, push, false);
        if push {
            crate::ui::history::push(&history, &state, Some(&url));
        } else {
            let _ = history.replace_state_with_url(&state, "", Some(&url));
        }
    }
}

/// The state for the entry of `url` that follows the current one (`new_entry`) or takes
/// its place: a copy of the current entry's state, a router's (none where it has none).
/// Turbo and Swup ignore an entry without theirs: the back button from another page of
/// the site to this view would change the address but leave that page shown. The current
/// address, where the router's state writes it (Swup's `url`), is `url`'s in the copy; a
/// new entry has no mark of a shared link's profile entry, unless `marked`.
pub(super) fn state_for(
    history: &web_sys::History,
    url: &str,
    new_entry: bool,
    marked: bool,
) -> JsValue {
    use js_sys::{Object, Reflect};
    let current = (history.state().ok()).and_then(|s| s.dyn_into::<Object>().ok());
    let Some(current) = current.or_else(|| marked.then(Object::new)) else {
        return JsValue::NULL;
    };
    let state = Object::assign(&Object::new(), &current);
    if new_entry {
        let _ = Reflect::delete_property(&state, &MARK.into());
    }
    if marked {
        let _ = Reflect::set(&state, &MARK.into(), &true.into());
    }
    let path = |href: &str| {
        let url = web_sys::Url::new(href).ok()?;
        Some(format!("{}{}{}", url.pathname(), url.search(), url.hash()))
    };
    let Some(old) = window().and_then(|w| w.location().href().ok()) else {
        return state.into();
    };
    let (old_path, new_path) = (path(&old), path(url));
    for key in Object::keys(&state).iter() {
        let new = match Reflect::get(&state, &key).ok().and_then(|v| v.as_string()) {
            Some(v) if v == old => Some(url.to_owned()),
            Some(v) if Some(&v) == old_path.as_ref() => new_path.clone(),
            _ => None,
        };
        if let Some(new) = new {
            let _ = Reflect::set(&state, &key, &new.into());
        }
    }
    state.into()
}

thread_local! {
    /// Whether the page's address refused a view already (said once).
    static UNWRITABLE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The URL parameters the page's directories keep their views in.
    static PARAMS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Takes `param` for one directory's view until it is cleaned up, and says in the console
/// when another directory of the page keeps its view there too: each would overwrite the
/// other's. Said a task later, if the other is still there: a directory taken out of the
/// page, whose copy takes its place in the same task (htmx, Turbo or a PJAX script swapping
/// the page's markup), lets go of its parameter only then.
pub(super) fn claim_param(param: &str, lang: Lang) {
    if crate::ui::hold(&PARAMS, param) {
        let param = param.to_owned();
        leptos::leptos_dom::helpers::set_timeout(
            move || {
                if PARAMS.with_borrow(|all| all.iter().filter(|p| **p == param).count() > 1) {
                    let message = fill(lang.strings().sync_url_shared, &[("name", &param)]);
                    web_sys::console::warn_1(&format!("clusterkit: {message}").into());
                }
            },
            std::time::Duration::ZERO,
        );
    }
}

/// The URL parameters the page's directories keep their views in.
pub(super) fn params() -> Vec<String> {
    PARAMS.with_borrow(Clone::clone)
}
