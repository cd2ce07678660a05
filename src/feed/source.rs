//! Where a feed comes from: a URL (fetched once however many widgets name it), inline JSON,
//! or a [`Feed`](super::Feed) built in Rust.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;

use super::{Diagnostic, Feed, SyntaxError, parse};

/// How far loading a feed has come.
#[derive(Clone, Debug)]
pub enum FeedState {
    /// Being fetched.
    Loading,
    /// Parsed: the valid feed, and the diagnostics of what was skipped or dropped.
    Ready(Arc<Feed>, Arc<[Diagnostic]>),
    /// Could not be fetched or parsed.
    Failed(LoadError),
}

/// Why a feed could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The server answered with this HTTP status.
    Status(u16),
    /// The request failed (offline, CORS refusal, DNS…).
    Network,
    /// The text is not JSON.
    Syntax(SyntaxError),
    /// No feed was named (an element without a `feed` attribute or inline JSON).
    Missing,
}

/// What [`use_feed`] returns.
pub struct UseFeedReturn {
    /// The feed's current state.
    pub state: Signal<FeedState>,
    /// Fetches the feed again (after a failure, say).
    pub retry: Callback<()>,
}

thread_local! {
    // A page names a handful of feeds: a list is smaller in the Wasm than a hash map.
    static SHARED: RefCell<Vec<(String, ArcRwSignal<FeedState>)>> = const { RefCell::new(Vec::new()) };
}

/// Loads the feed at `url`. Every caller naming the same absolute URL shares one fetch and
/// one parse; diagnostics go to the console once per feed, as one collapsed group of warnings.
pub fn use_feed(url: impl Into<Signal<String>>) -> UseFeedReturn {
    let url = url.into();
    let state = Signal::derive(move || shared(&url.get()).get());
    let retry = Callback::new(move |()| {
        let url = absolute(&url.get_untracked());
        let entry = shared(&url);
        entry.set(FeedState::Loading);
        start_fetch(url, entry);
    });
    UseFeedReturn { state, retry }
}

/// The state of an inline feed (JSON text already in the page).
pub fn inline_feed(json: &str) -> FeedState {
    let state = parsed(json, None);
    if let FeedState::Ready(_, diagnostics) = &state {
        report_to_console("inline feed", diagnostics);
    }
    state
}

fn parsed(text: &str, base: Option<String>) -> FeedState {
    match parse(text) {
        Ok(mut parsed) => {
            parsed.feed.base_url = base;
            FeedState::Ready(Arc::new(parsed.feed), parsed.diagnostics.into())
        }
        Err(e) => FeedState::Failed(LoadError::Syntax(e)),
    }
}

fn absolute(url: &str) -> String {
    super::url::resolve(url, None)
}

fn shared(url: &str) -> ArcRwSignal<FeedState> {
    shared_or_new(absolute(url), start_fetch)
}

/// The shared state of the absolute `url`: the one there is, or a new one that `load`
/// starts loading.
fn shared_or_new(
    url: String,
    load: impl FnOnce(String, ArcRwSignal<FeedState>),
) -> ArcRwSignal<FeedState> {
    SHARED.with(|map| {
        if let Some((_, entry)) = map.borrow().iter().find(|(u, _)| *u == url) {
            return entry.clone();
        }
        let entry = ArcRwSignal::new(FeedState::Loading);
        map.borrow_mut().push((url.clone(), entry.clone()));
        load(url, entry.clone());
        entry
    })
}

/// Takes over a fetch of `url` that the page started before the Wasm ran (the embed's
/// loader does, so the feed downloads while the Wasm compiles): the widgets naming `url` use
/// it instead of fetching again. `body` is the response's body already being read as an
/// `ArrayBuffer` (null when the response is not ok).
#[cfg(feature = "embed")]
pub(crate) fn adopt(url: &str, response: js_sys::Promise, body: js_sys::Promise) {
    shared_or_new(absolute(url), |url, entry| {
        #[cfg(target_arch = "wasm32")]
        load(url, response, Some(body), entry);
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = (url, response, body);
            entry.set(FeedState::Failed(LoadError::Network));
        }
    });
}

fn start_fetch(url: String, entry: ArcRwSignal<FeedState>) {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let response = window.fetch_with_str(&url);
        return load(url, response, None, entry);
    }
    // Off the browser there is nothing to fetch with; a server build would read the feed
    // itself and pass it in as a `Feed`.
    let _ = url;
    entry.set(FeedState::Failed(LoadError::Network));
}

/// Parses the body `response` resolves to (or `body`, when it is already being read) into
/// `entry`. Spawned on wasm-bindgen's own executor, which is there before anything is mounted
/// (the loader's feeds start earlier).
#[cfg(target_arch = "wasm32")]
fn load(
    url: String,
    response: js_sys::Promise,
    body: Option<js_sys::Promise>,
    entry: ArcRwSignal<FeedState>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let state =
            bytes(response, body)
                .await
                .map_or_else(FeedState::Failed, |(bytes, final_url)| {
                    // As `Response.text()` would, but without a JS string to copy back: invalid
                    // UTF-8 becomes U+FFFD. Valid text (nearly always) is checked by the fast
                    // validator and not copied again.
                    let text = String::from_utf8(bytes)
                        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
                    parsed(&text, Some(final_url))
                });
        if let FeedState::Ready(_, diagnostics) = &state {
            report_to_console(&url, diagnostics);
        }
        entry.set(state);
    });
}

/// The bytes of a fetched body, and the URL it came from after redirects. The bytes are
/// copied into the Wasm once, instead of being decoded to a JS string and encoded back.
#[cfg(target_arch = "wasm32")]
async fn bytes(
    response: js_sys::Promise,
    body: Option<js_sys::Promise>,
) -> Result<(Vec<u8>, String), LoadError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let response = JsFuture::from(response)
        .await
        .map_err(|_| LoadError::Network)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    let body = match body {
        Some(body) => body,
        None => response.array_buffer().map_err(|_| LoadError::Network)?,
    };
    let buffer = JsFuture::from(body).await.map_err(|_| LoadError::Network)?;
    Ok((js_sys::Uint8Array::new(&buffer).to_vec(), response.url()))
}

/// Writes a feed's diagnostics to the console: one collapsed group of warnings, in the
/// document's language.
fn report_to_console(source: &str, diagnostics: &[Diagnostic]) {
    if diagnostics.is_empty() {
        return;
    }
    #[cfg(target_arch = "wasm32")]
    {
        use crate::i18n::Lang;
        let lang = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|l| Lang::from_tag(&l))
            .unwrap_or_default();
        let strings = lang.strings();
        web_sys::console::group_collapsed_1(
            &format!(
                "clusterkit: {} ({}): {}",
                strings.feed_problems,
                diagnostics.len(),
                source
            )
            .into(),
        );
        for d in diagnostics {
            web_sys::console::warn_1(&format!("{}: {}", d.path, strings.diagnostic(d)).into());
        }
        web_sys::console::group_end();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = source;
}
