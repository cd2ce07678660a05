//! Where a feed comes from: a URL (fetched once however many widgets name it), inline JSON,
//! or a [`Feed`](super::Feed) built in Rust.

use std::sync::Arc;

use leptos::prelude::*;

use super::{Diagnostic, Feed, Reading, SyntaxError};

mod console;
use console::{report_to_console, warn_failed};
mod fetch;
mod inline;
pub use inline::inline_feed;
#[cfg(test)]
use inline::inline_feed_at;
#[cfg(feature = "embed")]
pub(crate) use inline::shared_inline_feed;
mod shared;
use shared::{NEXT_WATCHER, absolute, fetch_again, unwatch, watch};

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
    shared::shared_or_new(absolute(url), |url| {
        #[cfg(target_arch = "wasm32")]
        fetch::load(url, response, Some(body), abort.clone());
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = (response, body);
            shared::publish(&url, FeedState::Failed(LoadError::Network));
        }
        abort
    });
}

#[cfg(test)]
mod tests;
