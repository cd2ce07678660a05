//! Where a feed comes from: a URL (fetched once however many widgets name it), inline JSON,
//! or a [`Feed`](super::Feed) built in Rust.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;

use super::{Diagnostic, Feed, Reading, SyntaxError};

mod fetch;
use fetch::start_fetch;
mod inline;
pub use inline::inline_feed;
#[cfg(test)]
use inline::inline_feed_at;
#[cfg(feature = "embed")]
pub(crate) use inline::shared_inline_feed;

/// How far loading a feed has come.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum FeedState {
    /// Being fetched.
    Loading,
    /// Parsed.
    Ready {
        /// The valid feed: every entry and field that could be read.
        feed: Arc<Feed>,
        /// What was skipped or dropped, and why.
        diagnostics: Arc<[Diagnostic]>,
    },
    /// Could not be fetched or parsed.
    Failed(LoadError),
}

impl FeedState {
    /// The feed, once it has been read ([`FeedState::Ready`]): none while it loads or after
    /// it failed.
    pub fn feed(&self) -> Option<&Arc<Feed>> {
        match self {
            FeedState::Ready { feed, .. } => Some(feed),
            _ => None,
        }
    }
}

/// A feed built in Rust goes to a component's `feed` as it is (`feed=my_feed`), as an
/// `Arc<Feed>` or a signal of one does.
impl From<Feed> for Signal<Arc<Feed>> {
    fn from(feed: Feed) -> Self {
        Signal::stored(Arc::new(feed))
    }
}

/// Why a feed could not be used.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum LoadError {
    /// The server answered with this HTTP status.
    Status(u16),
    /// The request failed (CORS refusal, DNS, a connection cut…).
    Network,
    /// The request failed while the browser was offline; the feed is fetched again when it
    /// is back online.
    Offline,
    /// The text is not JSON.
    Syntax(SyntaxError),
    /// The address gave a web page (HTML) instead of JSON: a login or error page, or a wrong
    /// address.
    NotJson,
    /// The address gave JSON that is no feed at all, without its `version` and `cluster` or
    /// anything else a feed holds: an API's error (`{"error": "Not authorised"}`), `[]`, `null`.
    NotFeed,
    /// The server had not answered after this many seconds.
    Timeout(u32),
    /// The body broke off before its end: the connection was cut, or sent nothing for this
    /// many seconds.
    Interrupted(u32),
    /// The feed is this many bytes, more than [`MAX_BYTES`].
    TooLarge(u64),
    /// No feed was named (an element without a `feed` attribute or inline JSON).
    Missing,
    /// The feed's address is not a web address at all (`http://[::1`): nothing to fetch.
    BadUrl,
}

impl LoadError {
    /// What went wrong, in `lang`, as the widgets' error boxes say it: for an app that shows
    /// its own box instead of [`FeedStatus`](crate::FeedStatus)'s.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        crate::ui::load_error_message(lang, self)
    }
}

/// The English [`LoadError::message`].
impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::i18n::Lang::En))
    }
}

/// Without a source: a syntax error's message already says the syntax error's, which an
/// error chain would print twice.
impl std::error::Error for LoadError {}

/// How long a feed may take to arrive, headers and body, before the widget gives up and
/// offers a retry.
pub const TIMEOUT_SECONDS: u32 = 30;

/// The largest feed read: 32 MB (32,000,000 bytes, as the message says it), some 80,000
/// members (a 10,000-member feed is 3.7 MB). Past it the widget says so instead of freezing
/// the page.
pub const MAX_BYTES: u64 = 32 * MB;

/// A megabyte, as people and the message about a feed too large count it.
pub(crate) const MB: u64 = 1_000_000;

/// What [`use_feed`] returns.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct UseFeedReturn {
    /// The feed's current state.
    pub state: Signal<FeedState>,
    /// Fetches the feed again (after a failure, say).
    pub retry: Callback<()>,
}

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
    static NEXT_WATCHER: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
    static RELEASES: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Loads the feed at `url`. Every caller naming the same absolute URL shares one fetch and
/// one parse; diagnostics go to the console once per feed, as one collapsed group of warnings.
/// An empty `url` fetches nothing (it would name the page itself) and is
/// [`LoadError::Missing`]. A feed still loading when its last caller is disposed (or names
/// another URL) is aborted once the current task is over, unless a caller names it again by
/// then.
///
/// ```no_run
/// use clusterkit::{Lang, SegmentChart, use_feed};
/// use leptos::prelude::*;
///
/// #[component]
/// fn Segments() -> impl IntoView {
///     let feed = use_feed("https://example.org/cluster.json");
///     // Its state as it changes: loading, ready (the feed and its diagnostics), or failed.
///     move || match feed.state.get() {
///         clusterkit::FeedState::Ready { feed, .. } => view! { <SegmentChart feed=feed lang=Lang::Gl/> }.into_any(),
///         clusterkit::FeedState::Failed(e) => e.message(Lang::Gl).into_any(),
///         _ => "…".into_any(),
///     }
/// }
/// ```
pub fn use_feed(url: impl Into<Signal<String>>) -> UseFeedReturn {
    let url = url.into();
    let state = RwSignal::new(FeedState::Loading);
    let id = NEXT_WATCHER.with(|n| n.replace(n.get() + 1));
    watch(id, &url.get_untracked(), state);
    // A new URL: watched instead of the old one.
    crate::ui::on_change(move || url.get(), move |url| watch(id, &url, state));
    on_cleanup(move || unwatch(id));
    let retry = Callback::new(move |()| {
        let url = url.get_untracked();
        if !url.trim().is_empty() {
            fetch_again(absolute(&url));
        }
    });
    UseFeedReturn {
        state: state.into(),
        retry,
    }
}

/// Fetches the feed at the absolute `url` again, for every widget showing it. Past the
/// browser's cache: a webmaster who mended the feed and pressed the button must get the
/// mended one, even from a server whose answer the cache may reuse.
fn fetch_again(url: String) {
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
fn retry_when_online() {
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
fn watch(id: u64, url: &str, state: RwSignal<FeedState>) {
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
fn unwatch(id: u64) {
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
fn publish(url: &str, state: FeedState) {
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

/// Whether the JSON document `bytes`, read as `parsed`, is a feed: an object with its
/// `version`, its `cluster`, one of its lists (empty too), or anything the reader reported.
/// Not an API's error object, WordPress's `{"code": "rest_no_route", …}`, `[]` or `null`,
/// which a wrong address gives.
fn is_a_feed(parsed: &super::ParsedFeed, bytes: &[u8]) -> bool {
    use super::Problem;
    // Its JSON's syntax errors read past aside (`{"error": "Not found",}`).
    let problems: Vec<(&str, &Problem)> = parsed
        .diagnostics
        .iter()
        .map(|d| (d.path.as_str(), &d.problem))
        .filter(|(_, p)| !matches!(p, Problem::Syntax { .. }))
        .collect();
    match problems.as_slice() {
        [(Diagnostic::ROOT, Problem::WrongType { .. })] => false,
        // Read again, in this rare case only, for the lists it names, empty ones too: a
        // season's generator may write `{"events": []}`.
        [("version", Problem::Missing), ("cluster", Problem::Missing)] => {
            let (text, _) = super::encoding::decode(bytes);
            super::json::parse_lenient(&text).is_ok_and(|read| {
                ["members", "events", "segments", "categories"]
                    .iter()
                    .any(|list| read.value.get(list).is_some())
            })
        }
        _ => true,
    }
}

/// The state of the feed `bytes` hold, whose relative URLs resolve against `base`, fetched
/// from it (`fetched`) or inline in the page at that address.
fn parsed(reading: Reading, base: Option<String>, fetched: bool) -> FeedState {
    // A web page where JSON was expected from an address: said as such, not as a syntax
    // error at `<` (inline, where there is no address to blame, it is one). But a feed after
    // PHP's warnings in markup (`<br />\n<b>Warning</b>: …`) is read.
    let bytes = reading.bytes();
    let markup = fetched
        && bytes[super::json::marks(bytes)..]
            .trim_ascii_start()
            .starts_with(b"<");
    match reading.finish() {
        (Err(_), _) if markup => FeedState::Failed(LoadError::NotJson),
        // Said as such from an address (a wrong one, most likely); inline, the diagnostics
        // tell what is missing.
        (Ok(parsed), bytes) if fetched && !is_a_feed(&parsed, &bytes) => {
            FeedState::Failed(if markup {
                LoadError::NotJson
            } else {
                LoadError::NotFeed
            })
        }
        (Ok(mut parsed), _) => {
            parsed.feed.base_url = base;
            FeedState::Ready {
                feed: Arc::new(parsed.feed),
                diagnostics: parsed.diagnostics.into(),
            }
        }
        (Err(e), _) => FeedState::Failed(LoadError::Syntax(e)),
    }
}

/// A feed's URL against the page; one the browser cannot read stays as written, for the
/// fetch to refuse with its own error.
fn absolute(url: &str) -> String {
    super::url::resolve(url, None).unwrap_or_else(|| url.to_owned())
}

/// Makes sure the absolute `url` has a shared state: the one there is, or a new one that
/// `load` starts loading (giving back how to abort it).
fn shared_or_new(url: String, load: impl FnOnce(String) -> Option<web_sys::AbortController>) {
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

/// Takes over a fetch of `url` that the page started before the Wasm ran (the embed's
/// loader does, so the feed downloads while the Wasm compiles): the widgets naming `url` use
/// it instead of fetching again. `body` is the response's body already being read as an
/// `ArrayBuffer` (null when the response is not ok); `abort` aborts that fetch.
#[cfg(feature = "embed")]
pub(crate) fn adopt(
    url: &str,
    response: js_sys::Promise,
    body: js_sys::Promise,
    abort: Option<web_sys::AbortController>,
) {
    shared_or_new(absolute(url), |url| {
        #[cfg(target_arch = "wasm32")]
        fetch::load(url, response, Some(body), abort.clone());
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = (response, body);
            publish(&url, FeedState::Failed(LoadError::Network));
        }
        abort
    });
}

/// The page's own language (its `<html lang>`), for what the console says.
#[cfg(target_arch = "wasm32")]
fn page_lang() -> crate::i18n::Lang {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|l| crate::i18n::Lang::from_tag(&l))
        .unwrap_or_default()
}

/// Says in the console, for the webmaster and in the page's language, why the feed from
/// `source` (its address, or "inline feed") failed.
fn warn_failed(source: &str, error: &LoadError) {
    #[cfg(target_arch = "wasm32")]
    {
        let message = crate::ui::load_error_message(page_lang(), error);
        web_sys::console::warn_1(&format!("clusterkit: {source}: {message}").into());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (source, error);
}

/// Writes a feed's diagnostics to the console: one collapsed group of warnings, in the
/// document's language.
fn report_to_console(source: &str, diagnostics: &[Diagnostic]) {
    if diagnostics.is_empty() {
        return;
    }
    #[cfg(target_arch = "wasm32")]
    {
        let strings = page_lang().strings();
        web_sys::console::group_collapsed_1(
            &format!(
                "clusterkit: {} ({}): {}",
                strings.feed_problems,
                diagnostics.len(),
                source
            )
            .into(),
        );
        for d in diagnostics.iter().take(crate::ui::status::LISTED_PROBLEMS) {
            web_sys::console::warn_1(
                &format!("{}: {}", strings.path(d), strings.diagnostic(d)).into(),
            );
        }
        let more = diagnostics
            .len()
            .saturating_sub(crate::ui::status::LISTED_PROBLEMS);
        if more > 0 {
            let more = crate::i18n::intl::format_number(page_lang(), more);
            let more = crate::i18n::fill(strings.more_events, &[("n", &more)]);
            web_sys::console::warn_1(&more.into());
        }
        web_sys::console::group_end();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = source;
}

#[cfg(test)]
mod tests;
