//! clusterkit: a member directory, segment charts and an event calendar for industry
//! clusters, from one JSON feed, as Leptos components and as custom elements behind one
//! script tag.
//!
//! ```
//! use std::sync::Arc;
//! use clusterkit::{EventCalendar, Lang, MemberDirectory, SegmentChart, Styles, feed};
//! use leptos::prelude::*;
//!
//! let parsed = feed::parse(r#"{
//!     "version": 1,
//!     "cluster": { "name": "Clúster Audiovisual de Catalunya", "timezone": "Europe/Madrid" },
//!     "segments": [{ "id": "post-production", "name": { "ca": "Postproducció", "en": "Post-production" } }],
//!     "members": [{ "id": "sonilab", "name": "Sonilab", "segments": ["post-production"] }]
//! }"#).expect("valid JSON");
//! assert!(parsed.diagnostics.is_empty());
//! let feed = Arc::new(parsed.feed);
//! let app = move || view! {
//!     <Styles/>
//!     <MemberDirectory feed=feed.clone() lang=Lang::Ca/>
//!     <SegmentChart feed=feed.clone() lang=Lang::Ca/>
//!     <EventCalendar feed=feed.clone() lang=Lang::Ca/>
//! };
//! # let _ = app;
//! ```
//!
//! An app mounts that view as any other (`leptos::mount::mount_to_body(app)`), built with
//! Leptos' `csr` feature; `cargo xtask example directory_from_url` in the repository builds
//! and serves a complete one.
//!
//! # Features
//! - `csr`: turns on Leptos' client-side rendering, for a crate with no Leptos dependency
//!   of its own (an app that picks Leptos' features needs none of clusterkit's).
//! - `embed`: the custom elements and the entry points of the script-tag bundle. An app
//!   leaves it off and pays nothing for them.
//!
//! # Feeds
//! [`use_feed`] fetches a feed by its address (one fetch per address, shared by every
//! widget that names it) and [`FeedStatus`] shows its loading and error states, localized,
//! with a retry. A feed built in Rust goes in as an `Arc<Feed>`; [`Feed::check`] gives the
//! diagnostics the reader would have given the same data as JSON. The format is in
//! [`feed`].
//!
//! # Styling
//! The components render in the app's document, not in a shadow root: [`Styles`] puts their
//! stylesheet where it stands (once, where it stays mounted), or [`CSS`] is that stylesheet
//! for a file of the site's own (a Content-Security-Policy that blocks `<style>`). Colours
//! and sizes follow `--ck-*` custom properties set on any element around them, and
//! `attr:data-theme="dark"` (or `"light"`, `"auto"`) on a component is the embed's
//! `theme`.
#![warn(missing_docs)]
#![cfg_attr(clusterkit_nightly, feature(optimize_attribute))]

mod calendar;
mod chart;
mod directory;
#[cfg(feature = "embed")]
#[doc(hidden)]
pub mod embed;
pub mod feed;
mod i18n;
mod search;
mod sort;
mod ui;

pub use calendar::{CalendarView, EventCalendar, EventCalendarProps};
pub use chart::data::{By, Shape};
pub use chart::{SegmentChart, SegmentChartProps};
pub use directory::model::{Facet, Filter, Layout, Sort};
pub use directory::{MAX_PAGE_SIZE, MemberDirectory, MemberDirectoryProps};
pub use feed::{
    Cluster, Date, Event, Feed, FeedState, Kind, LoadError, Member, Segment, Text, Time,
    UseFeedReturn, When, use_feed,
};
pub use i18n::{Lang, UnknownLang};
pub use ui::{CSS, FeedStatus, FeedStatusProps, Styles, StylesProps};

/// Not part of the API, and under no semver promise: what the crate's own integration
/// tests, browser tests and fuzz targets reach inside it for.
#[doc(hidden)]
pub mod __private {
    pub use crate::calendar::{recur, zone};
    pub use crate::directory::model::{FacetTable, SearchIndex, apply, name_order};
    pub use crate::feed::{is_safe_url, json, parse_json};
    pub use crate::i18n::{Strings, first_weekday, intl};
    pub use crate::search::{Query, fold, fold_text};
}
