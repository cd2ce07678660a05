//! A Leptos app that builds its feed in Rust (no URL, no JSON) and shows it in a
//! `MemberDirectory`, styled by `<Styles/>` because it renders in the app's own document.
//!
//! See it in the browser with `cargo xtask example directory_from_rust` (it builds the app
//! for `wasm32-unknown-unknown` with the `csr` feature, runs wasm-bindgen and serves a page
//! that starts it), or mounted in `tests/browser.rs`.

use clusterkit::feed::{Cluster, Feed, Kind, Member, Segment, Text};
use clusterkit::{Lang, MemberDirectory, Styles};
use leptos::prelude::*;

/// The cluster's members, as an app might load them from its own database.
pub fn cluster_feed() -> Feed {
    let member = |id: &str, name: &str, segment: &str, city: &str| Member {
        segments: vec![segment.to_owned()],
        kind: Some(Kind::Sme),
        city: Some(city.to_owned()),
        ..Member::new(id, name)
    };
    Feed {
        cluster: Cluster {
            name: "Clúster Audiovisual de Catalunya".into(),
            ..Cluster::default()
        },
        segments: vec![
            Segment::new(
                "post-production",
                [("ca", "Postproducció"), ("en", "Post-production")],
            ),
            Segment::new("video-games", [("ca", "Videojocs"), ("en", "Video games")]),
        ],
        members: vec![
            Member {
                description: Some(Text::from([
                    ("en", "Dubbing and sound studio"),
                    ("ca", "Estudi de doblatge i so"),
                ])),
                ..member("sonilab", "Sonilab", "post-production", "Barcelona")
            },
            member("pixel-games", "Píxel Games", "video-games", "Girona"),
            member("sons-del-ter", "Sons del Ter", "post-production", "Manresa"),
        ],
        ..Feed::default()
    }
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let feed = cluster_feed();
    // What the reader would have said of this data had it come as JSON (here, nothing): a
    // repeated id or a blank name the components would otherwise take as they are.
    for said in feed.check() {
        leptos::logging::warn!("{said}");
    }
    // A `Feed` goes in as it is (or as an `Arc<Feed>`, or a signal of one, to change it).
    view! {
        <Styles/>
        <main>
            <h1>"Our members"</h1>
            <MemberDirectory feed=feed lang=Lang::En page_size=12/>
        </main>
    }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
