//! Fetching a feed: one request per address, its body read as bytes as long as it keeps
//! coming, within a size limit, then parsed and published to every widget that names it.

#[cfg(target_arch = "wasm32")]
use super::shared::{publish, retry_when_online};
#[cfg(target_arch = "wasm32")]
use super::*;

/// Starts fetching `url`, asking the server again rather than the browser's cache when
/// `revalidate`; gives back how to abort the fetch (on a timeout, or when no widget wants
/// it any more).
pub(super) fn start_fetch(url: String, revalidate: bool) -> Option<web_sys::AbortController> {
    #[cfg(target_arch = "wasm32")]
    if !fetchable(&url) {
        publish(&url, FeedState::Failed(LoadError::BadUrl));
        return None;
    }
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let controller = web_sys::AbortController::new().ok();
        let init = web_sys::RequestInit::new();
        if let Some(c) = &controller {
            init.set_signal(Some(&c.signal()));
        }
        if revalidate {
            init.set_cache(web_sys::RequestCache::NoCache);
        }
        let response = window.fetch_with_str_and_init(&url, &init);
        load(url, response, None, controller.clone());
        return controller;
    }
    // Wasm without a window (a worker) gets no fetch here: it fails, said. Natively (a
    // server's render) the feed stays loading: the page's browser fetches it, and a server
    // that has it passes it in as a `Feed`.
    #[cfg(target_arch = "wasm32")]
    publish(&url, FeedState::Failed(LoadError::Network));
    let _ = (url, revalidate);
    None
}

/// Whether a browser can fetch `url` at all: an address it can read (`absolute` made every
/// one it could absolute), of a scheme fetch takes: not `javascript:`, `mailto:` or `ftp:`,
/// which would fail as if the network had, with a retry that cannot help; `file:` only from
/// a page itself opened from a file (some app shells allow it).
#[cfg(target_arch = "wasm32")]
fn fetchable(url: &str) -> bool {
    let Ok(url) = web_sys::Url::new(url) else {
        return false;
    };
    match url.protocol().as_str() {
        "javascript:" | "mailto:" | "tel:" | "ftp:" | "about:" | "ws:" | "wss:" => false,
        "file:" => {
            web_sys::window()
                .and_then(|w| w.location().protocol().ok())
                .as_deref()
                == Some("file:")
        }
        _ => true,
    }
}

/// Parses the body `response` resolves to (or `body`, when it is already being read) and
/// publishes it as `url`'s state. Spawned on wasm-bindgen's own executor, which is there before anything is mounted
/// (the loader's feeds start earlier).
#[cfg(target_arch = "wasm32")]
pub(super) fn load(
    url: String,
    response: js_sys::Promise,
    body: Option<js_sys::Promise>,
    controller: Option<web_sys::AbortController>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let signal = controller.as_ref().map(web_sys::AbortController::signal);
        let result = bytes(response, body, signal).await;
        // Aborted as nobody wanted it any more (its widgets removed, or their `feed`
        // changed): no failure to show anyone, nor to say in the console.
        if result.is_err() && controller.as_ref().is_some_and(|c| c.signal().aborted()) {
            return;
        }
        if let (
            Err(LoadError::Timeout(_) | LoadError::Interrupted(_) | LoadError::TooLarge(_)),
            Some(c),
        ) = (&result, &controller)
        {
            c.abort();
        }
        let state = result.map_or_else(FeedState::Failed, |(reading, final_url)| {
            parsed(reading, Some(final_url), true)
        });
        if let FeedState::Ready { diagnostics, .. } = &state {
            report_to_console(&url, diagnostics);
        }
        publish(&url, state);
    });
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// What reads a body's chunks as they come: its stream's own reader, or the loader's,
    /// which reads on (so that the download never waits) until the Wasm runs.
    type Chunks;
    #[wasm_bindgen(method)]
    fn read(this: &Chunks) -> js_sys::Promise;
    /// A chunk as `read` gives it.
    type Chunk;
    #[wasm_bindgen(method, getter)]
    fn done(this: &Chunk) -> bool;
    #[wasm_bindgen(method, getter)]
    fn value(this: &Chunk) -> Option<js_sys::Uint8Array>;
}

/// A fetched body read as it arrives (see [`Reading`]), and the URL it came from after
/// redirects. Read here, not by `Response.text()`: each chunk is copied into the Wasm once,
/// with no JS string to copy back, and bytes outside UTF-8 are read as Windows-1252, with a
/// diagnostic, not as U+FFFD. The headers, and then each chunk of the body, must arrive
/// within [`TIMEOUT_SECONDS`] (a large feed on a slow link is waited for as long as it keeps
/// coming), and a body announced or found larger than [`MAX_BYTES`] is refused.
#[cfg(target_arch = "wasm32")]
async fn bytes(
    response: js_sys::Promise,
    body: Option<js_sys::Promise>,
    signal: Option<web_sys::AbortSignal>,
) -> Result<(Reading, String), LoadError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    const GAVE_UP: &str = "clusterkit: timeout";
    // A step raced with a deadline of its own, a promise that rejects with GAVE_UP.
    let within = |step: js_sys::Promise| async move {
        let window = web_sys::window();
        let mut timer = None;
        let deadline = js_sys::Promise::new(&mut |_, reject| {
            timer = window.as_ref().and_then(|w| {
                w.set_timeout_with_callback_and_timeout_and_arguments_1(
                    &reject,
                    (TIMEOUT_SECONDS * 1000) as i32,
                    &GAVE_UP.into(),
                )
                .ok()
            });
        });
        let raced = js_sys::Promise::race(&js_sys::Array::of2(&step, &deadline));
        let result = JsFuture::from(raced).await;
        if let (Some(window), Some(timer)) = (window, timer) {
            window.clear_timeout_with_handle(timer);
        }
        result
    };
    // Once the headers are in, the server has answered and let the page read it (CORS): a
    // failure after is the download's, cut or gone silent.
    let failed = |e: wasm_bindgen::JsValue, answered: bool| {
        if web_sys::window().is_some_and(|w| !w.navigator().on_line()) {
            retry_when_online();
            LoadError::Offline
        } else if answered {
            LoadError::Interrupted(TIMEOUT_SECONDS)
        } else if e.as_string().as_deref() == Some(GAVE_UP) {
            LoadError::Timeout(TIMEOUT_SECONDS)
        } else {
            LoadError::Network
        }
    };
    let response = within(response).await.map_err(|e| failed(e, false))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    let announced = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.trim().parse::<u64>().ok());
    if let Some(n) = announced.filter(|&n| n > MAX_BYTES) {
        return Err(LoadError::TooLarge(n));
    }
    let chunks: Option<Chunks> = match body {
        // None for a body the loader found empty (a 204).
        Some(body) => Some(within(body).await.map_err(|e| failed(e, false))?)
            .filter(|chunks| !chunks.is_null())
            .map(JsCast::unchecked_into),
        None => response
            .body()
            .map(|body| body.get_reader().unchecked_into()),
    };
    // Compressed, a body is larger than announced: room for it grows as it comes.
    let mut reading = Reading::with_capacity(announced.unwrap_or(0) as usize);
    // Past the limit, the rest is only counted, to say how large the feed is.
    let mut length = 0u64;
    // Chunks that came while the Wasm was still on its way are all there at once, and a
    // chunk may be a megabyte: read in pieces, they give the page a turn every 50 ms, so
    // that a tap or a scroll is not kept waiting.
    let mut turn = js_sys::Date::now();
    // A hidden page has no visitor to answer, and its timers wait a second.
    let hidden = || web_sys::window().is_none_or(|w| w.document().is_none_or(|d| d.hidden()));
    // A body that keeps coming and never ends (a stream of keep-alives, a trickle) is given
    // up once it has taken the time limit at under a kilobyte a second on average.
    let began = js_sys::Date::now();
    while let Some(chunks) = &chunks {
        let asked = js_sys::Date::now();
        let chunk: Chunk = within(chunks.read())
            .await
            .map_err(|e| failed(e, true))?
            .unchecked_into();
        // A chunk the network was waited for comes in a task of its own.
        if js_sys::Date::now() - asked > 1.0 {
            turn = js_sys::Date::now();
        }
        let Some(bytes) = chunk.value().filter(|_| !chunk.done()) else {
            break;
        };
        // Aborted (no widget wants the feed any more): the chunks the loader still holds
        // are not read.
        if signal.as_ref().is_some_and(web_sys::AbortSignal::aborted) {
            return Err(LoadError::Network);
        }
        length += u64::from(bytes.length());
        let elapsed = js_sys::Date::now() - began;
        if elapsed > f64::from(TIMEOUT_SECONDS * 1000) && (length as f64) < elapsed {
            return Err(LoadError::Timeout(TIMEOUT_SECONDS));
        }
        if length > MAX_BYTES {
            continue;
        }
        let size = bytes.length();
        for start in (0..size).step_by(1 << 16) {
            let end = size.min(start + (1 << 16));
            if js_sys::Date::now() - turn > 50.0 && !hidden() {
                let next_task = js_sys::Promise::new(&mut |resolve, _| {
                    if let Some(window) = web_sys::window() {
                        let _ = window.set_timeout_with_callback(&resolve);
                    }
                });
                JsFuture::from(next_task)
                    .await
                    .map_err(|e| failed(e, true))?;
                turn = js_sys::Date::now();
            }
            reading.push_with((end - start) as usize, |room| {
                bytes.subarray(start, end).copy_to(room)
            });
        }
    }
    if length > MAX_BYTES {
        return Err(LoadError::TooLarge(length));
    }
    Ok((reading, response.url()))
}
