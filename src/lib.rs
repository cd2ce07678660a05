//! clusterkit: a member directory, segment charts and an event calendar for industry
//! clusters, from one JSON feed, as Leptos components and as custom elements behind one
//! script tag.
//!
//! ```
//! use std::sync::Arc;
//! use clusterkit::{MemberDirectory, SegmentChart, EventCalendar, Styles, feed, i18n::Lang};
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
#![warn(missing_docs)]
#![cfg_attr(clusterkit_nightly, feature(optimize_attribute))]

pub mod calendar;
pub mod chart;
pub mod directory;
#[cfg(feature = "embed")]
pub mod embed;
pub mod feed;
pub mod i18n;
pub mod search;
mod sort;
pub mod ui;

pub use calendar::{EventCalendar, View as CalendarView};
pub use chart::SegmentChart;
pub use chart::data::{By, Shape};
pub use directory::MemberDirectory;
pub use directory::model::{Facet, Filter, Layout, Sort};
pub use ui::{CSS, FeedStatus, Styles};
