//! The chart: members per segment, type, region, city or year of joining, as accessible SVG
//! bars, columns or a donut, with the same data as a table one click away.
//!
//! # Usage
//! ```no_run
//! use std::sync::Arc;
//! use clusterkit::{SegmentChart, chart::data::{By, Shape}, feed::Feed, i18n::Lang};
//! use leptos::prelude::*;
//!
//! let feed = Arc::new(Feed::default());
//! let _ = view! { <SegmentChart feed=feed.clone() lang=Lang::Es/> };
//! let _ = view! { <SegmentChart feed=feed.clone() by=By::Kind shape=Shape::Donut/> };
//!
//! // Linked to a directory by one filter signal: a click on a bar ticks its segment there,
//! // and the bars show what is ticked.
//! use clusterkit::{MemberDirectory, directory::model::Filter};
//! let choices = RwSignal::new(Filter::default());
//! let _ = view! {
//!     <SegmentChart feed=feed.clone() filter=choices on_filter=move |f: Filter| choices.set(f)/>
//!     <MemberDirectory feed=feed filter=choices on_filter=move |f: Filter| choices.set(f)/>
//! };
//! ```
//!
//! | prop | type | default | meaning |
//! |---|---|---|---|
//! | `feed` | `Signal<Arc<Feed>>` | required | the members counted |
//! | `lang` | `Signal<Lang>` | English | the visitor's language |
//! | `by` | `Signal<By>` | `By::Segment` | what the members are counted by |
//! | `shape` | `Signal<Option<Shape>>` | columns for years, else bars | how they are drawn |
//! | `top` | `MaybeProp<usize>` | 8 | regions or cities shown before the rest go together |
//! | `filter` | `Signal<Filter>` | none | a directory's choices, shown on the marks |
//! | `on_filter` | `Callback<Filter>` | none | links the chart: a click, Enter or Space on a mark toggles its facet value |
//! | `class` | `MaybeProp<String>` | none | extra class on the root |
//!
//! Keyboard: the drawing is one tab stop; the arrow keys, Home and End move between its bars,
//! columns or slices, each named with its count for screen readers and shown in a tooltip;
//! in a linked chart, Enter or Space toggles the mark's facet value.

mod contrast;
pub mod data;
mod export;
pub mod geometry;
mod marks;
pub mod svg;
pub mod table;

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::directory::model::{Facet, FacetTable, Filter};
use crate::feed::Feed;
use crate::i18n::{Lang, fill, intl::format_number};
use crate::ui::colour::watch_surroundings;
use data::{By, Shape, tally};
use marks::{marks, summary};
use svg::{Mark, WIDTH, draw, px};
use table::{csv, table};

/// Regions or cities shown before the rest go together.
const TOP: usize = 8;
/// Which mark an event happened on (`data-k` on the mark's group).
fn mark_of(ev: &web_sys::Event) -> Option<usize> {
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("[data-k]")
        .ok()??
        .get_attribute("data-k")?
        .parse()
        .ok()
}

/// Mark `k` of the drawing `svg` (the first element with its `data-k`: its texts follow it).
fn mark(svg: &web_sys::Element, k: usize) -> Option<web_sys::Element> {
    svg.query_selector(&format!("[data-k='{k}']")).ok()?
}

/// Mark `k` of the drawing an event's listener is on.
fn mark_in(ev: &web_sys::Event, k: usize) -> Option<web_sys::Element> {
    mark(&ev.current_target()?.dyn_into().ok()?, k)
}

/// A chart of how the members divide by segment, type, region, city or year of joining.
#[component]
pub fn SegmentChart(
    /// The feed whose members are counted.
    #[prop(into)]
    feed: Signal<Arc<Feed>>,
    /// The visitor's language.
    #[prop(optional, into)]
    lang: Signal<Lang>,
    /// What the members are counted by.
    #[prop(optional, into)]
    by: Signal<By>,
    /// How they are drawn; `None` picks [`By::default_shape`].
    #[prop(optional, into)]
    shape: Signal<Option<Shape>>,
    /// How many regions or cities are shown before the rest go together.
    #[prop(optional, into)]
    top: MaybeProp<usize>,
    /// A directory's choices, to show which facet values are chosen (linked charts).
    #[prop(optional, into)]
    filter: Option<Signal<Filter>>,
    /// Links the chart to a directory: clicking a mark, or pressing Enter or Space on it,
    /// toggles its facet value in the choices, which are passed here.
    #[prop(optional, into)]
    on_filter: Option<Callback<Filter>>,
    /// Extra class names on the root element.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let as_table = RwSignal::new(false);
    // Without a `filter` from the page, the chart keeps the choices it made itself.
    let own = RwSignal::new(Filter::default());
    let chosen = filter.unwrap_or_else(|| own.into());
    let linked = on_filter.is_some();
    // The facet value behind each mark, in drawing order.
    let choices = StoredValue::new(Vec::<Option<(Facet, String)>>::new());
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    // The drawing is laid out for its container's width, measured as it changes, so that
    // its text stays at the page's size on a phone as on a wide screen.
    let width = RwSignal::new(WIDTH);
    let figure_ref = NodeRef::<leptos::html::Figure>::new();
    crate::ui::effect(move || {
        if let Some(figure) = figure_ref.get() {
            crate::ui::observe_width(&figure, width);
        }
    });
    // Once drawn, marks too faint against the page's background are outlined; again whenever
    // the colours around the chart may have changed: the visitor's colour scheme, a class or
    // style of an element it sits in (a site's dark-mode switch), its theme.
    crate::ui::effect(move || {
        if let Some(svg) = svg_ref.get() {
            contrast::outline_faint(&svg);
            let watched = svg.clone();
            watch_surroundings(&watched, move || {
                contrast::outline_faint(&svg);
            });
        }
    });
    let toggle = move |k: usize| {
        let Some((facet, value)) = choices.with_value(|c| c.get(k).cloned().flatten()) else {
            return;
        };
        let mut f = chosen.get_untracked();
        f.toggle(facet, &value);
        own.set(f.clone());
        if let Some(on_filter) = on_filter {
            on_filter.run(f);
        }
    };
    // The drawing is only redrawn when the data change: the choices of a linked directory
    // reach its marks here, so that the focus stays where it is.
    crate::ui::effect(move || {
        let f = chosen.get();
        let Some(svg) = svg_ref.get().filter(|_| linked) else {
            return;
        };
        let mut any = false;
        choices.with_value(|choices| {
            for (k, choice) in choices.iter().enumerate() {
                let Some((facet, value)) = choice else {
                    continue;
                };
                let on = f.is_chosen(*facet, value);
                any |= on;
                if let Some(mark) = mark(&svg, k) {
                    let _ = mark.set_attribute("aria-pressed", if on { "true" } else { "false" });
                }
            }
        });
        let _ = svg.set_attribute("data-chosen", if any { "true" } else { "false" });
    });
    // Counted once per feed, dimension and `top`: not again when the chart is resized or
    // switched to its table.
    let counted = Memo::new(move |_| {
        let feed = feed.read();
        tally(
            &feed,
            &FacetTable::new(&feed),
            by.get(),
            top.get().unwrap_or(TOP),
        )
    });
    // The mark that takes the tab stop, and the one whose tooltip shows.
    let current = RwSignal::new(0usize);
    let tip = RwSignal::new(None::<usize>);
    // The chart is small: it redraws as a whole when the data, the dimension or the language
    // change, from one reactive scope, which costs the Wasm far fewer bytes than one per label.
    move || {
        let lang = lang.get();
        let s = lang.strings();
        let by = by.get();
        let shape = shape.get().unwrap_or(by.default_shape());
        let feed = feed.get();
        let tally = counted.read();
        let (marks, facet_values): (Vec<Mark>, Vec<_>) = marks(
            &feed,
            &tally,
            by,
            shape,
            lang,
            linked.then(|| chosen.get_untracked()).as_ref(),
        )
        .into_iter()
        .unzip();
        let any_chosen = marks.iter().any(|m| m.pressed == Some(true));
        choices.set_value(facet_values);
        let marks = Arc::new(marks);
        let title = s.chart_titles[by.index()];
        let summary = summary(s, lang, by, &tally, &marks);
        let caption = (by == By::Segment).then_some(s.counts_in_each);
        let empty = marks.iter().all(|m| m.count == 0);
        let last = marks.len().saturating_sub(1);
        current.update_untracked(|c| *c = (*c).min(last));

        let headers = [
            s.chart_dimensions[by.index()],
            s.chart_members,
            if by == By::Joined {
                s.chart_running
            } else {
                s.chart_share
            },
        ];
        let file = format!("clusterkit-{}", by.id());
        let body = if empty {
            let message = if by == By::Segment && marks.is_empty() {
                s.no_segments.to_owned()
            } else if tally.members == 0 {
                s.no_members.to_owned()
            } else {
                fill(
                    s.chart_no_values,
                    &[("n", &format_number(lang, tally.members))],
                )
            };
            view! { <p class="ck-status">{message}</p> }.into_any()
        } else if as_table.get() {
            view! { <div inner_html=table(&marks, title, headers, lang)></div> }.into_any()
        } else {
            let drawing = draw(
                &marks,
                shape,
                lang,
                current.get_untracked(),
                linked,
                width.get(),
            );
            let (drawn_width, height, anchors) = (drawing.width, drawing.height, drawing.anchors);
            // The tab stop moves by hand: the markup is only redrawn when the data change.
            let key = move |ev: web_sys::KeyboardEvent| {
                let k = current.get_untracked();
                let next = match ev.key().as_str() {
                    "Enter" | " " if linked => {
                        ev.prevent_default();
                        return toggle(k);
                    }
                    "ArrowRight" | "ArrowDown" => (k + 1).min(last),
                    "ArrowLeft" | "ArrowUp" => k.saturating_sub(1),
                    "Home" => 0,
                    "End" => last,
                    _ => return,
                };
                ev.prevent_default();
                if let Some(Ok(mark)) =
                    mark_in(&ev, next).map(|m| m.dyn_into::<web_sys::SvgElement>())
                {
                    let _ = mark.focus();
                }
            };
            // Whatever brings a mark focus (the keys, a click) makes it the one tab stop.
            let show = move |ev: web_sys::FocusEvent| {
                let Some(k) = mark_of(&ev) else {
                    return;
                };
                let before = current.get_untracked();
                if before != k {
                    if let Some(mark) = mark_in(&ev, before) {
                        let _ = mark.set_attribute("tabindex", "-1");
                    }
                    if let Some(mark) = mark_in(&ev, k) {
                        let _ = mark.set_attribute("tabindex", "0");
                    }
                    current.set(k);
                }
                tip.set(Some(k));
            };
            let hover = move |ev: web_sys::MouseEvent| tip.set(mark_of(&ev));
            let tooltip = {
                let marks = marks.clone();
                move || {
                    let k = tip.get()?;
                    let (x, y) = *anchors.get(k)?;
                    let left = format!("{}%", px(x / drawn_width * 100.0));
                    let top = format!("{}%", px(y / height * 100.0));
                    Some(view! {
                        <p class="ck-tip" aria-hidden="true" style:left=left style:top=top>
                            {marks[k].label.clone()}
                        </p>
                    })
                }
            };
            let view_box = format!("0 0 {} {}", px(drawn_width), px(height));
            // `tabindex="-1"`: Chromium would otherwise put the `<svg>` itself in the tab order
            // before its marks.
            view! {
                <div class="ck-drawing">
                    <svg
                        node_ref=svg_ref
                        role=if linked { "group" } else { "list" }
                        aria-label=title
                        tabindex="-1"
                        data-chosen=any_chosen.to_string()
                        on:click=move |ev| {
                            if let Some(k) = mark_of(&ev).filter(|_| linked) {
                                toggle(k);
                            }
                        }
                        viewBox=view_box
                        on:keydown=key
                        on:focusin=show
                        on:focusout=move |_| tip.set(None)
                        on:mouseover=hover
                        on:mouseleave=move |_| tip.set(None)
                        inner_html=drawing.markup
                    ></svg>
                    {tooltip}
                </div>
            }
            .into_any()
        };
        view! {
            <figure
                class=move || format!("ck-chart {}", class.get().unwrap_or_default())
                part="chart"
                node_ref=figure_ref
            >
                <div class="ck-chart-head">
                    <h2>{title}</h2>
                    <button
                        type="button"
                        class="ck-btn"
                        aria-pressed=move || as_table.get().to_string()
                        on:click=move |_| as_table.update(|t| *t = !*t)
                        hidden=empty
                    >
                        {s.show_table}
                    </button>
                </div>
                {body}
                <figcaption class="ck-caption">
                    <p>{summary}</p>
                    <p>{caption}</p>
                </figcaption>
                <div class="ck-chart-actions">
                    <button
                        type="button"
                        class="ck-link"
                        hidden=empty
                        on:click={
                            let (file, marks) = (format!("{file}.csv"), marks.clone());
                            move |_| {
                                let data = csv(&marks, headers);
                                crate::ui::download(&file, "text/csv;charset=utf-8", &data);
                            }
                        }
                    >
                        {s.download_csv}
                    </button>
                    <button
                        type="button"
                        class="ck-link"
                        hidden=move || empty || as_table.get()
                        on:click=move |_| {
                            if let Some(markup) = svg_ref.get().and_then(|svg| export::standalone_svg(&svg)) {
                                crate::ui::download(&format!("{file}.svg"), "image/svg+xml", &markup);
                            }
                        }
                    >
                        {s.download_svg}
                    </button>
                </div>
            </figure>
        }
    }
}
