//! What the three widgets share: their stylesheet, the loading, error and diagnostics states
//! around a feed ([`FeedStatus`]), and the pieces they are built of: effects and memos,
//! focus, markup, scrolling, segment colours and tags, a live count, a modal's keeping.

pub(crate) mod colour;
#[cfg(test)]
mod css_min;
mod dom;
mod focus;
pub(crate) mod history;
mod markup;
mod reactive;
mod scroll;
pub(crate) mod status;

use std::fmt::Write as _;
use std::time::Duration;

use leptos::prelude::*;

use crate::feed::Feed;
use crate::i18n::{Lang, intl::format_number};

pub(crate) use dom::{
    at_text_size, capture, closest, download, file_name, measure_width, observe_width,
    paint_segments, set_html, when_rendered,
};
pub(crate) use focus::{
    focus, focus_in_place, focus_moved_on, focused_in, focused_within, keep_focus, note_opener,
    redraw_keeping_focus,
};
pub(crate) use markup::{
    escape, in_its_lang, lang_attr, lang_of, level_attr, name_of, named, paragraphs,
};
pub(crate) use reactive::{
    MadeOf, effect, hold, memo, memo_arc, memo_with, on_change, on_new, tell, tell_both, unique_id,
};
pub(crate) use scroll::{scroll_by, scroll_to_top, top_hidden};
pub(crate) use status::load_error_message;
pub use status::{FeedStatus, FeedStatusProps};

/// Every style of the widgets, as one stylesheet (minified by `build.rs` from the `.css`
/// files beside the widgets). The embed adopts it into each shadow root; a Leptos app
/// without shadow roots includes it once with [`Styles`], or serves it as a file where a
/// Content-Security-Policy blocks `<style>`:
///
/// ```no_run
/// // In the app's build script, or a step of its deployment:
/// std::fs::write("public/clusterkit.css", clusterkit::CSS).expect("writing the stylesheet");
/// // and in its page: <link rel="stylesheet" href="/clusterkit.css">
/// ```
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/clusterkit.css"));

/// The widgets' stylesheet as a `<style>` element, for Leptos apps that render the
/// components in their own document (the embed does not use it: a strict CSP blocks it).
/// Under a Content-Security-Policy without `'unsafe-inline'` styles, serve [`CSS`] as a file
/// of the site instead, and link it.
///
/// Put it once where it stays mounted (the app's root), not in a `<Show>` or a route that
/// may go, which would take the widgets' styles with it:
///
/// ```
/// use clusterkit::{Feed, MemberDirectory, Styles};
/// use leptos::prelude::*;
/// use std::sync::Arc;
///
/// #[component]
/// fn App() -> impl IntoView {
///     let feed = Arc::new(Feed::default());
///     view! {
///         <Styles/>
///         <main><MemberDirectory feed=feed/></main>
///     }
/// }
/// ```
#[component]
pub fn Styles() -> impl IntoView {
    view! { <style>{CSS}</style> }
}

/// The "Filters" button that folds a widget's filters in a narrow container, with a badge of
/// how many choices they hold, read as words ("Filters (2 selected)").
pub(crate) fn filters_toggle(
    lang: Lang,
    chosen: Signal<usize>,
    open: RwSignal<bool>,
    controls: String,
) -> impl IntoView {
    let s = lang.strings();
    view! {
        <button
            type="button"
            class="ck-btn ck-filters-toggle"
            aria-expanded=move || open.get().to_string()
            aria-controls=controls
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {s.filters}
            {move || {
                let n = chosen.get();
                (n > 0).then(|| {
                    let shown = format_number(lang, n);
                    let said = format!("({})", s.chosen_count(n, &shown));
                    view! {
                        <span class="ck-badge" aria-hidden="true" prop:textContent=shown></span>
                        <span class="ck-visually-hidden" prop:textContent=said></span>
                    }
                })
            }}
        </button>
    }
}

/// How long a count must stay the same before [`said_once_settled`] reads it out: about the
/// pause between two words, so typing a word is not read out after each of its letters.
const SETTLE: Duration = Duration::from_millis(700);

/// What is said once the visitor pauses: [`later`](Self::later) runs its function
/// [`SETTLE`] on, in place of one given before and not run yet; none runs once the scope
/// that made it is cleaned up.
#[derive(Clone, Copy)]
pub(crate) struct Settling(
    StoredValue<Option<leptos::leptos_dom::helpers::TimeoutHandle>, LocalStorage>,
);

impl Settling {
    pub(crate) fn new() -> Self {
        let settling = Settling(StoredValue::new_local(None));
        on_cleanup(move || settling.cancel());
        settling
    }

    /// Forgets the function given last, if it has not run yet.
    pub(crate) fn cancel(self) {
        if let Some(timer) = self.0.try_update_value(Option::take).flatten() {
            timer.clear();
        }
    }

    /// Runs `f` [`SETTLE`] from now, unless something else is given or the scope goes first.
    pub(crate) fn later(self, f: impl FnOnce() + 'static) {
        self.cancel();
        let timer = leptos::leptos_dom::helpers::set_timeout_with_handle(f, SETTLE);
        self.0.set_value(timer.ok());
    }
}

/// A polite live region (hidden) that says `text` once it has stayed unchanged for
/// [`SETTLE`]: after each new result (`text` notifies), not as first shown. Beside a count
/// that changes with each keystroke, which stays on screen at once but out of any live
/// region: a screen reader hears "12 members" once the visitor pauses, not a count after
/// every letter; and hears it again after a search that gives as many, so that it knows the
/// search ran.
///
/// Not where the focus has just moved to the same words beside it (the count that "clear
/// all" hands the focus to): a screen reader read them out as it got there. One that stays
/// on them while they change hears the change here.
pub(crate) fn said_once_settled(text: Signal<String>) -> impl IntoView {
    let said = RwSignal::new(String::new());
    let first = StoredValue::new(true);
    let settling = Settling::new();
    let region = NodeRef::<leptos::html::P>::new();
    // What had the focus beside the region when it last settled.
    let focused = StoredValue::new_local(None::<web_sys::Element>);
    effect(move || {
        let now = text.get();
        settling.cancel();
        if first.try_update_value(|first| std::mem::replace(first, false)) == Some(false) {
            settling.later(move || {
                // (`try_`: the region may be gone, see below.)
                let on = (region.try_get_untracked().flatten())
                    .and_then(|p| focused_in(&p.parent_element()?))
                    .filter(|a| a.local_name() == "p");
                let arrived =
                    focused.try_update_value(|was| std::mem::replace(was, on.clone()) != on);
                let heard = arrived == Some(true)
                    && !now.is_empty()
                    && on.is_some_and(|a| a.text_content().is_some_and(|t| t == now));
                if heard {
                    return;
                }
                // The same words again are a change too (a no-break space after them, or
                // not): a live region says only what changes. Nothing once the region is
                // gone (its scope may be disposed before its timer could be cleared: a new
                // language draws the widget anew).
                if let Some(again) = said.try_with_untracked(|said| *said == now) {
                    said.try_set(if again { now + "\u{a0}" } else { now });
                }
            });
        }
    });
    view! { <p class="ck-visually-hidden" role="status" node_ref=region prop:textContent=said></p> }
}

/// Keeps `dialog` open, as a modal (the rest of the page inert, the focus inside), while
/// `shown` says so, and closed otherwise. A widget the visitor cannot see (in a closed
/// `<details>` or a hidden tab, as a shared link's profile may find it) opens its modal only
/// once it is drawn: an unseen modal would leave the whole page inert, with no way out on a
/// phone.
pub(crate) fn modal_while(
    dialog: NodeRef<leptos::html::Dialog>,
    shown: impl Fn() -> bool + 'static,
) {
    effect(move || {
        let shown = shown();
        if let Some(d) = dialog.get() {
            if shown && !d.open() {
                // What it sits in is drawn or not as the widget is (a closed dialog never is).
                let around = d.parent_element();
                let open = move || {
                    if !d.open() {
                        note_opener(&d);
                        let _ = d.show_modal();
                    }
                };
                match around {
                    Some(around) => when_rendered(&around, open),
                    None => open(),
                }
            } else if !shown && d.open() {
                d.close();
            }
        }
    });
}

/// For a modal dialog's `keydown`: the Escape that closes it stops there, so that a page's
/// own listener (a host modal around the widget, say) does not close too.
pub(crate) fn keep_escape(ev: web_sys::KeyboardEvent) {
    if ev.key() == "Escape" {
        ev.stop_propagation();
    }
}

/// Text for the eye only (an arrow, a cross), hidden from screen readers.
///
/// Its text is a value, not a literal in the view: Leptos draws an element whose attributes
/// and children are all literals from a `<template>` filled through `innerHTML`, which a page
/// that enforces Trusted Types refuses (and the Wasm with it).
pub(crate) fn decoration(text: &'static str) -> impl IntoView {
    view! { <span aria-hidden="true">{text}</span> }
}

/// The theme's palette colour (1 to 6: `--ck-c1` to `--ck-c6`) of the part in place `i` of
/// its dimension that the feed gives no colour of its own, the palette's six in turn.
pub(crate) fn palette(i: usize) -> usize {
    i % 6 + 1
}

/// The colour of segment `id`: the feed's, else the theme's palette colour of its place
/// among the feed's segments (`var(--_c3)`), as the chart paints it, so that a tag, a bar
/// and an event show a segment alike. `None` for an id the feed does not define.
pub(crate) fn segment_colour(feed: &Feed, id: &str) -> Option<String> {
    let i = feed.segments.iter().position(|s| s.id == id)?;
    Some(match &feed.segments[i].color {
        Some(colour) => colour.clone(),
        None => format!("var(--_c{})", palette(i)),
    })
}
/// Appends segments (by id) as a list of tags, a member's or an event's, and their colours
/// (empty for the theme's) to `colours`, for [`paint_segments`]. Ids the feed does not
/// define make no tag, and no tag makes no list (an empty one is still a list to a screen
/// reader).
pub(crate) fn segment_tags(
    out: &mut String,
    colours: &mut Vec<String>,
    feed: &Feed,
    segments: &[String],
    lang: Lang,
) {
    let fallback = feed.cluster.default_language.as_str();
    let known: Vec<_> = segments.iter().filter_map(|id| feed.segment(id)).collect();
    if known.is_empty() {
        return;
    }
    out.push_str("<ul class=\"ck-tags\">");
    for segment in known {
        let (marked, name) = lang_of(&segment.name, lang, fallback);
        let _ = write!(out, "<li class=\"ck-tag\"{marked}>{}</li>", escape(name));
        colours.push(segment_colour(feed, &segment.id).unwrap_or_default());
    }
    out.push_str("</ul>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_segment_tag_in_another_language_than_the_visitors_says_which() {
        use crate::feed::{Segment, Text};
        let feed = Feed {
            segments: vec![
                Segment::new("animacio", Text::from([("ca", "Animació")])),
                Segment::new("vfx", Text::from([("ca", "Efectes"), ("en", "Effects")])),
                Segment::new("tv", "TV"),
            ],
            ..Feed::default()
        };
        let ids = ["animacio".into(), "vfx".into(), "tv".into()];
        let (mut out, mut colours) = (String::new(), vec![]);
        segment_tags(&mut out, &mut colours, &feed, &ids, Lang::En);
        assert_eq!(
            out,
            "<ul class=\"ck-tags\"><li class=\"ck-tag\" lang=\"ca\">Animació</li>\
             <li class=\"ck-tag\">Effects</li><li class=\"ck-tag\">TV</li></ul>"
        );
        // No segment the feed defines: no list at all, rather than an empty one.
        for none in [vec![], vec!["gone".to_owned()]] {
            let (mut out, mut colours) = (String::new(), vec![]);
            segment_tags(&mut out, &mut colours, &feed, &none, Lang::En);
            assert_eq!((out.as_str(), colours.len()), ("", 0));
        }
    }

    #[test]
    fn a_label_names_the_widget_unless_it_is_blank() {
        let default = "Member directory";
        assert_eq!(named(Some("  Partners ".into()), default), "Partners");
        for blank in [None, Some(String::new()), Some(" \t".into())] {
            assert_eq!(named(blank, default), default);
        }
    }
}
