//! The page's URL and history, for `sync-url` and for closing the profile with the back
//! button. Only the query string's own parameter changes; path and hash stay.

use wasm_bindgen::JsValue;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The page's `location.search` (`?a=1&ck-dir=…`, or empty).
pub(crate) fn search() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Points the page URL at `search`: a new history entry when `push`, else in place.
pub(crate) fn set_search(search: &str, push: bool) {
    let Some(window) = window() else { return };
    let location = window.location();
    let url = format!(
        "{}{search}{}",
        location.pathname().unwrap_or_default(),
        location.hash().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = if push {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

/// A new history entry for the same URL, which the back button then pops.
pub(crate) fn push_same() {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.push_state(&JsValue::NULL, "");
    }
}

/// The browser's back button, from code.
pub(crate) fn back() {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.back();
    }
}
