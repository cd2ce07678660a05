//! The chart, [`SegmentChart`], and what it is built of.

mod contrast;
pub(crate) mod data;
mod export;
mod fit;
mod frame;
mod geometry;
mod hit;
mod linked;
mod marks;
mod print;
mod summary;
mod svg;
mod table;
mod tip;

use std::sync::Arc;

use leptos::prelude::*;

use crate::directory::model::{Facet, Filter};
use crate::feed::Feed;
use crate::i18n::Lang;
use crate::ui::closest;
use crate::ui::colour::watch_surroundings;
use data::{By, Shape, tally_keeping};
use frame::{Body, frame};
use hit::{click_button_at, mark, mark_at, mark_of, svg_in, under_tip};
use marks::marks;
use summary::{none_left, summary, why_empty};
use svg::{Mark, WIDTH, draw, px};
use table::{csv, table};

/// Regions or cities shown before the rest go together.
const TOP: usize = 8;
/// What the last drawing showed, for what happens between drawings: downloads and tooltips.
#[derive(Default)]
struct Drawn {
    marks: Vec<Mark>,
    headers: [&'static str; 3],
    /// The CSV's separator in the language drawn: `;` where a spreadsheet's own is (ca,
    /// es, gl: Excel there reads a comma-separated row as one cell), else `,`.
    separator: char,
    file: String,
    /// The chart's title, and its language: the downloaded drawing's.
    title: (String, Lang),
    /// Where each mark's tooltip points, as percentages of the drawing's width and height.
    anchors: Vec<(i32, i32)>,
}

/// The chart: members per segment, type, region, city or year of joining, as accessible SVG
/// bars, columns or a donut, with the same data as a table one click away.
///
/// # Examples
/// ```no_run
/// use std::sync::Arc;
/// use clusterkit::{By, Feed, Lang, SegmentChart, Shape};
/// use leptos::prelude::*;
///
/// let feed = Arc::new(Feed::default());
/// let _ = view! { <SegmentChart feed=feed.clone() lang=Lang::Es/> };
/// let _ = view! { <SegmentChart feed=feed.clone() by=By::Kind shape=Shape::Donut/> };
///
/// // Linked to a directory by one filter signal: a click on a bar ticks its segment there,
/// // and the bars show what is ticked.
/// use clusterkit::{Filter, MemberDirectory};
/// let choices = RwSignal::new(Filter::default());
/// let _ = view! {
///     <SegmentChart feed=feed.clone() filter=choices on_filter=move |f: Filter| choices.set(f)/>
///     <MemberDirectory feed=feed filter=choices on_filter=move |f: Filter| choices.set(f)/>
/// };
/// ```
///
/// | prop | type | default | meaning |
/// |---|---|---|---|
/// | `feed` | `Signal<Arc<Feed>>` | required | the members counted |
/// | `lang` | `Signal<Lang>` | English | the visitor's language |
/// | `by` | `Signal<By>` | `By::Segment` | what the members are counted by |
/// | `shape` | `MaybeProp<Shape>` | columns for years, else bars | how they are drawn |
/// | `top` | `MaybeProp<usize>` | 8 | regions or cities shown before the rest go together |
/// | `filter` | `Signal<Filter>` | none | a directory's choices, shown on the marks; a value that would leave it no member, given its other choices and its search, is disabled (the search counts where the directory shows the very same `Arc<Feed>`, whose search index it shares) |
/// | `on_filter` | `Callback<Filter>` | none | links the chart: a click, Enter or Space on a mark toggles its facet value |
/// | `heading_level` | `u8` | 2 | its title's level in the page's outline (1 to 6) |
/// | `label` | `MaybeProp<String>` | the dimension's ("Members by segment") | its title, shown and said |
/// | `class` | `MaybeProp<String>` | none | extra class on the root |
///
/// Props typed as signals or `MaybeProp` follow their changes; `heading_level` is read once,
/// as the chart is built.
///
/// Keyboard: the drawing is one tab stop; the arrow keys, Home and End move between its bars,
/// columns or slices, each named with its count for screen readers and shown in a tooltip;
/// in a linked chart, Enter or Space toggles the mark's facet value.
///
/// Size: the drawing is laid out for its container's width at the usual text size (the width
/// over its font size, times 16), measured again as either changes, so its text keeps the
/// page's size. Under 25em, and wherever a name would be cut beside its bar, bars carry
/// their names above them; under 25em a donut's ring narrows;
/// under 150 px at the usual text size, the drawing is scaled down.
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
    /// How they are drawn; without one, [`By::default_shape`].
    #[prop(optional, into)]
    shape: MaybeProp<Shape>,
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
    /// The level of its heading in the page's outline (default 2, under the page's `<h1>`):
    /// 3 under a section's `<h2>`, say.
    #[prop(optional)]
    heading_level: Option<u8>,
    /// Its title in place of the dimension's ("Members by segment"…), shown and said: for
    /// a page with two charts of one dimension, each its own.
    #[prop(optional, into)]
    label: MaybeProp<String>,
    /// Extra class names on the root element.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let heading = heading_level.unwrap_or(2).clamp(1, 6);
    let as_table = RwSignal::new(false);
    // Without a `filter` from the page, the chart keeps the choices it made itself.
    let own = RwSignal::new(Filter::default());
    let chosen = filter.unwrap_or_else(|| own.into());
    let linked = on_filter.is_some();
    // The facet value behind each mark, in drawing order.
    let choices = StoredValue::new(Vec::<Option<(Facet, String)>>::new());
    let drawn = StoredValue::new(Drawn::default());
    // The drawing is laid out for its container's width at the usual text size, measured as
    // it changes, so that its text stays at the page's size on a phone as on a wide screen.
    let width = RwSignal::new(WIDTH as usize);
    let figure_ref = NodeRef::<leptos::html::Figure>::new();
    // Marks too faint against the page's background are outlined once drawn, and again
    // whenever the colours around the chart may have changed: the visitor's colour scheme, a
    // class or style of an element it sits in (a site's dark-mode switch), its theme.
    crate::ui::effect(move || {
        if let Some(figure) = figure_ref.get() {
            crate::ui::observe_width(&figure, width);
            let watched = figure.clone();
            watch_surroundings(&watched, move || {
                if let Some(svg) = svg_in(&figure) {
                    contrast::outline_faint(&svg);
                }
            });
        }
    });
    // The marks whose value would leave a linked directory with no member, given its search
    // and other choices: offered disabled, as the directory offers that choice.
    let dead = StoredValue::new(Vec::<bool>::new());
    // Each drawing done, for what is set on its marks after it (their disabled state).
    let redrawn = Trigger::new();
    let toggle = move |k: usize| {
        let Some((facet, value)) = choices.with_value(|c| c.get(k).cloned().flatten()) else {
            return;
        };
        if dead.with_value(|d| d.get(k) == Some(&true)) {
            return;
        }
        let mut f = chosen.get_untracked();
        f.toggle(facet, &value);
        own.set(f.clone());
        if let Some(on_filter) = on_filter {
            // The directory may be above the chart, and shorter or taller with the choice:
            // the page keeps the mark where the visitor pressed it, as the browser's scroll
            // anchoring does not always.
            let figure = figure_ref.get_untracked();
            let top = move |figure: &web_sys::Element| {
                mark(figure, k).map(|m| m.get_bounding_client_rect().top())
            };
            let before = figure.as_ref().and_then(|f| top(f));
            on_filter.run(f);
            if let (Some(figure), Some(before)) = (figure, before) {
                request_animation_frame(move || {
                    let moved = top(&figure)
                        .filter(|_| figure.is_connected())
                        .map_or(0.0, |after| after - before);
                    if moved.abs() >= 1.0 {
                        crate::ui::scroll_by(&figure, moved);
                    }
                });
            }
        }
    };
    // Counted once per feed, dimension and `top`: not again when the chart is resized or
    // switched to its table.
    let facets = crate::directory::facet_table(feed);
    // A linked directory's chosen places are drawn even beyond `top`, and only the members
    // its search and other choices leave are counted, as the directory counts its facets'
    // values (a bar gives as many members as it shows): the memo tells the drawing only
    // when that changes what it draws.
    let counted = crate::ui::memo(move |_| {
        let by = by.get();
        let keep = match by.facet() {
            Some(facet) if linked => chosen.read().places(facet).to_vec(),
            _ => Vec::new(),
        };
        let (feed, table) = (feed.read(), facets.read());
        let within = linked
            .then(|| chosen.with(|f| linked::within(&feed, &table, by, f)))
            .flatten();
        tally_keeping(
            &feed,
            &table,
            by,
            top.get().unwrap_or(TOP),
            &keep,
            within.as_ref(),
        )
    });
    // The mark that takes the tab stop, and the one whose tooltip shows.
    let current = RwSignal::new(0usize);
    let tip = RwSignal::new(None::<usize>);
    // Where the pointer was at its last mouseover (screen pixels).
    let pointer_at = StoredValue::new((i32::MIN, i32::MIN));
    // The chart is small: it redraws as a whole when the data, the dimension, the language,
    // the width or the table toggle change. The focus stays on the button or mark that had
    // it.
    let draw_now = move || {
        let lang = lang.get();
        let s = lang.strings();
        let by = by.get();
        let shape = shape.get().unwrap_or(by.default_shape());
        let feed = feed.get();
        let tally = counted.read();
        let (as_table, width) = (as_table.get(), width.get());
        let Some(figure) = figure_ref.get() else {
            return;
        };
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
        choices.set_value(facet_values);
        let title = crate::ui::named(label.get(), by.title(lang));
        let summary = summary(lang, by, &feed, &tally);
        // Fewer members than the feed's, which the caption says (and an empty count is
        // theirs, not the feed's).
        let caption = match (tally.narrowed, by == By::Segment) {
            (true, true) => Some(format!("{} {}", s.counted_within, s.counts_in_each)),
            (true, false) => Some(s.counted_within.to_owned()),
            (false, true) => Some(s.counts_in_each.to_owned()),
            (false, false) => None,
        };
        let last = marks.len().saturating_sub(1);
        current.update_untracked(|c| *c = (*c).min(last));
        let mut anchors = Vec::new();
        let body = if marks.iter().all(|m| m.count == 0) {
            // No member left by the directory's search and choices, or none of those left
            // with a value to count (a kind, a year): each said as it is.
            Body::Empty(if tally.narrowed && tally.members == 0 {
                chosen.with_untracked(|c| none_left(lang, c))
            } else {
                why_empty(lang, by, &feed, &tally)
            })
        } else if as_table {
            Body::Table(table(&marks, &title, headers(s, by), lang))
        } else {
            // Laid out for the width at the usual text size, then drawn at the full width:
            // its 13-unit text reads at 13 px beside a 16-px font, and grows with the
            // visitor's own (WCAG 1.4.4), the bars and their spacing with it.
            let drawing = draw(
                &marks,
                shape,
                lang,
                current.get_untracked(),
                linked,
                width as f64,
            );
            anchors = drawing
                .anchors
                .iter()
                .map(|(x, y)| {
                    (
                        px(x / drawing.width * 100.0),
                        px(y / drawing.height * 100.0),
                    )
                })
                .collect();
            Body::Drawing {
                marks: drawing.markup,
                width: px(drawing.width),
                height: px(drawing.height),
                linked,
                any_chosen: marks.iter().any(|m| m.pressed == Some(true)),
            }
        };
        crate::ui::redraw_keeping_focus(
            &figure,
            &frame(
                s,
                (&title, heading),
                &body,
                summary.as_deref(),
                caption.as_deref(),
            ),
            &["data-act", "data-k"],
        );
        // Named by its title: by default a figure is named by its caption, the summary, which
        // a screen reader would then read twice, as the name and as the caption's text.
        let _ = figure.set_attribute("aria-label", &title);
        if let Some(svg) = svg_in(&figure) {
            contrast::outline_faint(&svg);
            fit::squeeze(&svg);
        }
        drawn.set_value(Drawn {
            marks,
            headers: headers(s, by),
            separator: if lang == Lang::En { ',' } else { ';' },
            file: export::file_name(&title, by),
            title: (title, lang),
            anchors,
        });
        // A tooltip shown before the redraw shows again, over its mark's new place.
        if tip.with_untracked(Option::is_some) {
            tip.notify();
        }
        redrawn.notify();
    };
    crate::ui::effect(draw_now);
    print::drawn_for_paper(figure_ref, width, draw_now);
    // The choices of a linked directory reach the marks (or the table's toggles), and each
    // new drawing's marks (which are drawn pressed or not, and count what the directory's
    // search and other choices leave: a mark of none is disabled).
    crate::ui::effect(move || {
        redrawn.track();
        let f = chosen.get();
        let Some(figure) = figure_ref.get().filter(|_| linked) else {
            return;
        };
        let counts: Vec<usize> = drawn.with_value(|d| d.marks.iter().map(|m| m.count).collect());
        let off = choices.with_value(|c| linked::show(&figure, c, &f, &counts));
        dead.set_value(off);
    });
    tip::tooltip(figure_ref, tip, drawn);
    // The drawing is one tab stop, moved by hand: the markup is only redrawn when the data
    // change.
    let key = move |ev: web_sys::KeyboardEvent| {
        let Some(figure) = closest(&ev, "svg").and_then(|svg| svg.parent_element()) else {
            return;
        };
        let k = current.get_untracked();
        let last = drawn.with_value(|d| d.marks.len().saturating_sub(1));
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
        if let Some(mark) = mark(&figure, next) {
            crate::ui::focus(mark);
        }
    };
    // Whatever brings a mark focus (the keys, a click) makes it the one tab stop.
    let show = move |ev: web_sys::FocusEvent| {
        let (Some(k), Some(figure)) = (mark_of(&ev), figure_ref.get_untracked()) else {
            return;
        };
        let before = current.get_untracked();
        if before != k {
            if let Some(mark) = mark(&figure, before) {
                let _ = mark.set_attribute("tabindex", "-1");
            }
            if let Some(mark) = mark(&figure, k) {
                let _ = mark.set_attribute("tabindex", "0");
            }
            current.set(k);
        }
        tip.set(Some(k));
    };
    let click = move |ev: web_sys::MouseEvent| {
        let act = closest(&ev, "[data-act]").and_then(|b| b.get_attribute("data-act"));
        match act.as_deref() {
            Some("table") => as_table.update(|t| *t = !*t),
            Some("csv") => drawn.with_value(|d| {
                let data = csv(&d.marks, d.headers, d.separator);
                crate::ui::download(&format!("{}.csv", d.file), "text/csv;charset=utf-8", &data);
            }),
            Some(_) => {
                let markup = figure_ref.get_untracked().and_then(|figure| {
                    let svg = svg_in(&figure)?;
                    drawn.with_value(|d| export::standalone_svg(svg.as_ref(), &d.title))
                });
                if let Some(markup) = markup {
                    let file = drawn.with_value(|d| format!("{}.svg", d.file));
                    crate::ui::download(&file, "image/svg+xml", &markup);
                }
            }
            None => {
                // A mark of the drawing, or a toggle of the table.
                let row = || {
                    closest(&ev, "[data-t]")?
                        .get_attribute("data-t")?
                        .parse()
                        .ok()
                };
                let under = || {
                    let under = under_tip(&ev)?;
                    let Some(k) = mark_at(&under) else {
                        // Beside the marks, the tooltip goes, and a button under it takes
                        // the click.
                        tip.set(None);
                        click_button_at(&under);
                        return None;
                    };
                    // As a click on the mark would, it takes the focus (and the tooltip).
                    let figure: web_sys::Element = figure_ref.get_untracked()?.into();
                    crate::ui::focus(mark(&figure, k)?);
                    Some(k)
                };
                let k = mark_of(&ev).or_else(row).or_else(under);
                if let Some(k) = k.filter(|_| linked) {
                    toggle(k);
                }
            }
        }
    };
    view! {
        <figure
            class=move || format!("ck-root ck-chart {}", class.get().unwrap_or_default())
            part="chart"
            node_ref=figure_ref
            on:click=click
            on:keydown=key
            on:focusin=show
            on:focusout=move |_| tip.set(None)
            // The pointer may move onto the tooltip, which stays (WCAG 1.4.13: a magnifier's
            // user reads it there); off it, onto another mark or none, as anywhere else.
            on:mouseover=move |ev| {
                // Nor does a pointer that did not move take a focused mark's tooltip away: the
                // page scrolled under it as the focus moved a mark into view (Safari then
                // sends a mouseover of what is now under the pointer).
                let at = (ev.screen_x(), ev.screen_y());
                let still = pointer_at.get_value() == at;
                pointer_at.set_value(at);
                let focused = figure_ref
                    .get_untracked()
                    .is_some_and(|f| f.matches(":focus-within").unwrap_or(false));
                if closest(&ev, ".ck-tip").is_none() && !(still && focused) {
                    tip.set(mark_of(&ev));
                }
            }
            on:mouseleave=move |_| tip.set(None)
            // A press on the tooltip keeps the focus where it is: a focused mark losing it
            // would take the tooltip away before the click it is for (see `under_tip`).
            on:mousedown=move |ev| {
                if closest(&ev, ".ck-tip").is_some() {
                    ev.prevent_default();
                }
            }
        ></figure>
    }
}

/// The table's column headers: the dimension, members, and the share or running total.
fn headers(s: &'static crate::i18n::Strings, by: By) -> [&'static str; 3] {
    [
        s.chart_dimensions[by.index()],
        s.chart_members,
        if by == By::Joined {
            s.chart_running
        } else {
            s.chart_share
        },
    ]
}
