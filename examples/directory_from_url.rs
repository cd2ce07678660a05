//! A Leptos app that fetches a feed from a URL with `use_feed`, and shows the loading,
//! error and ready states with `FeedStatus` around a `MemberDirectory` and a `SegmentChart`
//! that share the one fetch.
//!
//! See it in the browser with `cargo xtask example directory_from_url` (it builds the app
//! for `wasm32-unknown-unknown` with the `csr` feature, runs wasm-bindgen and serves the
//! repository, whose sample feed it fetches), or mounted in `tests/browser.rs`.

use clusterkit::use_feed;
use clusterkit::{FeedStatus, Lang, MemberDirectory, SegmentChart, Styles};
use leptos::prelude::*;

/// The app, reading the feed at `url` in `lang`.
#[component]
pub fn App(#[prop(into)] url: String, lang: Lang) -> impl IntoView {
    let feed = use_feed(url);
    view! {
        <Styles/>
        <FeedStatus state=feed.state retry=feed.retry lang=lang let:feed>
            <MemberDirectory feed=feed lang=lang/>
            <SegmentChart feed=feed lang=lang/>
        </FeedStatus>
    }
}

fn main() {
    leptos::mount::mount_to_body(|| view! { <App url="/www/feeds/galicia.json" lang=Lang::Gl/> });
}
