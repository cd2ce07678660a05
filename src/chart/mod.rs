//! The segment chart: members per segment as labelled, accessible SVG bars.
//!
//! # Usage
//! ```no_run
//! use std::sync::Arc;
//! use clusterkit::{SegmentChart, feed::Feed, i18n::Lang};
//! use leptos::prelude::*;
//!
//! let _ = view! { <SegmentChart feed=Arc::new(Feed::default()) lang=Lang::Es/> };
//! ```
//!
//! | prop | type | default | meaning |
//! |---|---|---|---|
//! | `feed` | `Signal<Arc<Feed>>` | required | the members and segments counted |
//! | `lang` | `Signal<Lang>` | English | the visitor's language |
//! | `class` | `MaybeProp<String>` | none | extra class on the root |

pub mod data;
pub mod geometry;

use std::sync::Arc;

use leptos::prelude::*;

use crate::feed::Feed;
use crate::i18n::{Lang, fill, intl::format_number};
use geometry::{bar_layout, members_per_segment, truncate};

const WIDTH: f64 = 600.0;

/// A bar chart of how many members work in each segment.
#[component]
pub fn SegmentChart(
    /// The feed whose members are counted.
    #[prop(into)]
    feed: Signal<Arc<Feed>>,
    /// The visitor's language.
    #[prop(optional, into)]
    lang: Signal<Lang>,
    /// Extra class names on the root element.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let counts = Memo::new(move |_| members_per_segment(&feed.read()));
    // The chart is small: it redraws as a whole when the data or the language change, from
    // one reactive scope, which costs the Wasm far fewer bytes than one per label.
    move || {
        let lang = lang.get();
        let s = lang.strings();
        let feed = feed.get();
        let counts = counts.get();
        let name_of = |i: usize| {
            let fallback = &feed.cluster.default_language;
            feed.segments[i]
                .name
                .resolve(lang.tag(), fallback)
                .to_owned()
        };
        let summary = counts.first().filter(|(_, n)| *n > 0).map(|&(i, n)| {
            let (n, total) = (
                format_number(lang, n),
                format_number(lang, feed.members.len()),
            );
            fill(
                s.largest_segment,
                &[("segment", &name_of(i)), ("n", &n), ("total", &total)],
            )
        });
        let layout = bar_layout(&counts.iter().map(|c| c.1).collect::<Vec<_>>(), WIDTH);
        // Whole SVG units: integers spare the Wasm float formatting.
        let px = |v: f64| v.round() as i32;
        let bars = counts
            .iter()
            .zip(&layout.bars)
            .map(|(&(i, n), bar)| {
                let name = name_of(i);
                let color = feed.segments[i]
                    .color
                    .clone()
                    .unwrap_or_else(|| "currentColor".into());
                let mid = px(bar.y + layout.row / 2.0);
                let (x, y, w) = (px(layout.bar_x), px(bar.y + 5.0), px(bar.width));
                let (max, h) = (px(layout.bar_max), px(layout.bar_height));
                let count = format_number(lang, n);
                let full = format!("{name}: {count}");
                let tooltip = full.clone();
                view! {
                    <g role="listitem" aria-label=full>
                        <title>{tooltip}</title>
                        <text x=x - 8 y=mid dominant-baseline="middle" text-anchor="end">
                            {truncate(&name, 28)}
                        </text>
                        <rect class="ck-bar-track" x=x y=y width=max height=h rx="3"/>
                        <rect x=x y=y width=w height=h rx="3" fill=color part="bar"/>
                        <text x=x + w + 6 y=mid dominant-baseline="middle">{count}</text>
                    </g>
                }
            })
            .collect_view();
        let drawing = if counts.is_empty() {
            view! { <p class="ck-status">{s.no_segments}</p> }.into_any()
        } else {
            let view_box = format!("0 0 {} {}", WIDTH as i32, px(layout.height));
            view! {
                <svg role="list" aria-label=s.members_per_segment viewBox=view_box preserveAspectRatio="xMinYMin meet">
                    {bars}
                </svg>
            }
            .into_any()
        };
        view! {
            <figure class=move || format!("ck-chart {}", class.get().unwrap_or_default()) part="chart">
                <h2>{s.members_per_segment}</h2>
                {drawing}
                <figcaption class="ck-caption">
                    <p>{summary}</p>
                    <p>{s.counts_in_each}</p>
                </figcaption>
            </figure>
        }
    }
}
