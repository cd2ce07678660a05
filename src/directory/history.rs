//! The page's URL and history, for `sync-url` and for closing the profile with the back
//! button. Only the query string's own parameter changes; path and hash stay.

use leptos::prelude::{RwSignal, Set, on_cleanup};
use wasm_bindgen::JsValue;

use super::model::{Filter, Sort};
use crate::i18n::{Lang, fill};

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

thread_local! {
    /// The URL parameters the page's directories keep their views in.
    static PARAMS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Takes `param` for one directory's view until it is cleaned up, and says in the console
/// when another directory of the page already keeps its view there: each would overwrite
/// the other's.
pub(crate) fn claim_param(param: &str, lang: Lang) {
    let shared = PARAMS.with(|p| {
        let mut p = p.borrow_mut();
        let shared = p.iter().any(|q| q == param);
        p.push(param.to_owned());
        shared
    });
    if shared {
        let message = fill(lang.strings().sync_url_shared, &[("name", param)]);
        web_sys::console::warn_1(&format!("clusterkit: {message}").into());
    }
    let param = param.to_owned();
    on_cleanup(move || {
        PARAMS.with(|p| {
            let mut p = p.borrow_mut();
            if let Some(at) = p.iter().position(|q| *q == param) {
                p.swap_remove(at);
            }
        })
    });
}

/// The choices, as the URL carries them, from `param` of the page URL.
pub(super) fn restore(
    param: &str,
    choices: RwSignal<Filter>,
    sort: RwSignal<Option<Sort>>,
    page: RwSignal<usize>,
    open: RwSignal<Option<String>>,
) {
    let search = search();
    let state = super::url::decode(super::url::read_param(&search, param).unwrap_or_default());
    choices.set(state.filter);
    sort.set(state.sort);
    page.set(state.page);
    open.set(state.member);
}
