//! Feeds written in the page (inline JSON): read at once, and once for every element that
//! holds the same.

use super::{FeedState, parsed, report_to_console, warn_failed};
use crate::feed::Reading;

/// The state of an inline feed (JSON text already in the page). Its relative URLs (logos)
/// keep to the page's address as it is now, whatever a router makes of it later.
pub fn inline_feed(json: &str) -> FeedState {
    inline_feed_at(json, crate::feed::url::page_base())
}

/// [`inline_feed`], whose relative URLs resolve against `base` (the page's address when the
/// element holding it was connected).
pub(crate) fn inline_feed_at(json: &str, base: Option<String>) -> FeedState {
    let mut reading = Reading::with_capacity(json.len());
    reading.push(json.as_bytes());
    let state = parsed(reading, base, false);
    match &state {
        FeedState::Ready { diagnostics, .. } => report_to_console("inline feed", diagnostics),
        FeedState::Failed(error) => warn_failed("inline feed", error),
        FeedState::Loading => {}
    }
    state
}

/// [`inline_feed_at`], read once for every element of the page that holds the same JSON at
/// the same address (a chart linked to a directory, each with the feed inline): they share
/// one feed, and so one search index and one report of its problems, as the elements that
/// name one URL do.
#[cfg(feature = "embed")]
pub(crate) fn shared_inline_feed(json: &str, base: Option<String>) -> FeedState {
    use crate::feed::{Diagnostic, Feed};
    use std::sync::Arc;
    type Read = (
        String,
        Option<String>,
        std::sync::Weak<Feed>,
        Arc<[Diagnostic]>,
    );
    thread_local! {
        static READ: std::cell::RefCell<Vec<Read>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    // The page's address without its query and fragment, which a feed's relative addresses
    // (`logos/a.svg`, `?logo=1`) resolve alike with or without: a directory's `ck-` view in
    // it must not part two readings.
    let base = base.map(|b| b[..b.find(['?', '#']).unwrap_or(b.len())].to_owned());
    let found = READ.with_borrow_mut(|read| {
        read.retain(|(.., feed, _)| feed.strong_count() > 0);
        read.iter()
            .find(|(text, at, ..)| text == json && *at == base)
            .and_then(|(.., feed, diagnostics)| Some((feed.upgrade()?, diagnostics.clone())))
    });
    if let Some((feed, diagnostics)) = found {
        return FeedState::Ready { feed, diagnostics };
    }
    let state = inline_feed_at(json, base.clone());
    if let FeedState::Ready { feed, diagnostics } = &state {
        let entry = (
            json.to_owned(),
            base,
            Arc::downgrade(feed),
            diagnostics.clone(),
        );
        READ.with_borrow_mut(|read| read.push(entry));
    }
    state
}
