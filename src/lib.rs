//! clusterkit: a member directory, segment charts and an event calendar for industry clusters.
#![warn(missing_docs)]

pub mod feed;
pub mod i18n;
pub mod search;
