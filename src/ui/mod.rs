//! What the three widgets share: their stylesheet, and the loading, error and diagnostics
//! states around a feed.

pub(crate) mod colour;
#[cfg(test)]
mod css_min;
mod dom;
mod focus;
mod markup;
mod scroll;

use std::fmt::Write as _;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use crate::feed::{Feed, FeedState, LoadError, MAX_BYTES, MB};
use crate::i18n::{Lang, fill, intl::format_number};
use wasm_bindgen::JsCast;

pub(crate) use dom::{
    at_text_size, capture, download, measure_width, observe_width, paint_segments, set_html,
    when_rendered,
};
pub(crate) use focus::{
    focus, focus_in_place, focus_moved_on, focused_within, note_opener, redraw_keeping_focus,
};
pub(crate) use markup::{
    escape, in_its_lang, lang_attr, lang_of, level_attr, name_of, named, paragraphs,
};
pub(crate) use scroll::{scroll_by, scroll_to_top, top_hidden};

/// Every style of the widgets, as one stylesheet (minified by `build.rs` from the `.css`
/// files beside the widgets). The embed adopts it into each shadow root; a Leptos app
/// without shadow roots includes it once with [`Styles`].
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/clusterkit.css"));

/// The widgets' stylesheet as a `<style>` element, for Leptos apps that render the
/// components in their own document (the embed does not use it: a strict CSP blocks it).
/// Under a Content-Security-Policy without `'unsafe-inline'` styles, serve [`CSS`] as a file
/// of the site instead, and link it.
#[component]
pub fn Styles() -> impl IntoView {
    view! { <style>{CSS}</style> }
}

/// Renders `children` with the feed once it is ready, a localized loading or error state
/// (with a retry button) before, and the feed's diagnostics on screen when `debug` is set.
#[component]
pub fn FeedStatus<C, V>(
    /// The feed's state, as [`use_feed`](crate::feed::use_feed) gives it.
    #[prop(into)]
    state: Signal<FeedState>,
    /// Called by the retry button (`retry=feed.retry`); without it, errors show no button.
    #[prop(default = None, into)]
    retry: Option<Callback<()>>,
    /// The visitor's language (English if not given), as for the components.
    #[prop(optional, into)]
    lang: Signal<Lang>,
    /// Whether to list the feed's diagnostics on screen.
    #[prop(optional, into)]
    debug: Signal<bool>,
    /// What the widget is called ("Member directory"), to name it in an error: a page with
    /// several widgets then says which of them failed.
    #[prop(optional, into)]
    name: MaybeProp<String>,
    /// The widget, given the ready feed.
    children: C,
) -> impl IntoView
where
    C: Fn(Signal<Arc<Feed>>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // Keeps the last good feed while a retry or a new URL loads, but not once the feed named
    // has failed (or none is named): its data would pass for that feed's. Compares by
    // pointer, so a 10,000-member feed is never compared field by field.
    let feed = memo_with(
        move |previous: Option<&Option<Arc<Feed>>>| match state.get() {
            FeedState::Ready(feed, _) => Some(feed),
            FeedState::Loading => previous.cloned().flatten(),
            FeedState::Failed(_) => None,
        },
        |a, b| match (a, b) {
            (Some(Some(a)), Some(Some(b))) => !Arc::ptr_eq(a, b),
            (a, b) => a.map(Option::is_some) != b.map(Option::is_some),
        },
    );
    let ready = memo(move |_| feed.with(Option::is_some));
    // "Try again" goes as it is pressed: once the feed has come, the focus moves to the
    // widget's first control (or to the button again, if the feed failed again), not to the page.
    let retried = StoredValue::new_local(None::<web_sys::Element>);
    crate::ui::effect(move || {
        if matches!(state.get(), FeedState::Loading) {
            return;
        }
        if let Some(parent) = retried.try_update_value(Option::take).flatten() {
            set_timeout(
                move || {
                    let first =
                        parent.query_selector("input, select, button, a[href], [tabindex='0']");
                    if let Ok(Some(first)) = first {
                        focus(first);
                    }
                },
                Duration::ZERO,
            );
        }
    });
    let on_retry = move |ev: web_sys::MouseEvent, retry: Callback<()>| {
        let parent = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest(".ck-status--error").ok()??.parent_element());
        retried.set_value(parent);
        retry.run(());
    };
    let feed_signal = Signal::derive(move || feed.get().unwrap_or_default());
    let widget = move || ready.get().then(|| children(feed_signal));
    let status = move || {
        let lang = lang.get();
        let s = lang.strings();
        match state.get() {
            FeedState::Loading if !ready.get() => Some(
                view! { <p class="ck-root ck-status" role="status" part="status">{s.loading}</p> }
                    .into_any(),
            ),
            FeedState::Failed(error) => {
                let mut message = load_error_message(lang, &error);
                if let Some(name) = name.get() {
                    message = format!("{name}: {}", lang.after_colon(&message));
                }
                // Whatever went wrong at the address may be mended there: a retry, except
                // where no address, or no web address, was given.
                let retry =
                    retry.filter(|_| !matches!(error, LoadError::Missing | LoadError::BadUrl));
                Some(
                    view! {
                        <div class="ck-root ck-status--error" role="alert" part="error">
                            <p>{message}</p>
                            {retry.map(|retry| view! {
                                <button type="button" class="ck-btn" on:click=move |ev| on_retry(ev, retry)>{s.retry}</button>
                            })}
                        </div>
                    }
                    .into_any(),
                )
            }
            _ => None,
        }
    };
    let diagnostics = move || {
        if !debug.get() {
            return None;
        }
        let FeedState::Ready(_, diagnostics) = state.get() else {
            return None;
        };
        let s = lang.get().strings();
        let lang = lang.get();
        (!diagnostics.is_empty()).then(|| {
            let items = diagnostics
                .iter()
                .take(LISTED_PROBLEMS)
                .map(|d| view! { <li><code>{d.path.clone()}</code>": "{s.diagnostic(d)}</li> })
                .collect_view();
            let more = diagnostics.len().saturating_sub(LISTED_PROBLEMS);
            let more = (more > 0)
                .then(|| view! { <li>{fill(s.more_events, &[("n", &format_number(lang, more))])}</li> });
            view! {
                <details class="ck-root ck-diagnostics" part="diagnostics" open>
                    <summary>{s.feed_problems}" ("{format_number(lang, diagnostics.len())}")"</summary>
                    <ul>{items}{more}</ul>
                </details>
            }
        })
    };
    view! {
        {status}
        {diagnostics}
        {widget}
    }
}

/// The most of a feed's problems listed, on screen with `debug` and in the console; a last
/// line says how many more there are (a feed of 12,000 repeated ids would list them all).
pub(crate) const LISTED_PROBLEMS: usize = 200;

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

/// A polite live region (hidden) that says `text` once it has stayed unchanged for
/// [`SETTLE`]: after each new result (`text` notifies), not as first shown. Beside a count
/// that changes with each keystroke, which stays on screen at once but out of any live
/// region: a screen reader hears "12 members" once the visitor pauses, not a count after
/// every letter; and hears it again after a search that gives as many, so that it knows the
/// search ran.
pub(crate) fn said_once_settled(text: Signal<String>) -> impl IntoView {
    let said = RwSignal::new(String::new());
    let first = StoredValue::new(true);
    let pending = StoredValue::new_local(None::<leptos::leptos_dom::helpers::TimeoutHandle>);
    let cancel = move || {
        if let Some(timer) = pending.try_update_value(Option::take).flatten() {
            timer.clear();
        }
    };
    effect(move || {
        let now = text.get();
        cancel();
        if first.try_update_value(|first| std::mem::replace(first, false)) == Some(false) {
            let timer = leptos::leptos_dom::helpers::set_timeout_with_handle(
                move || {
                    // The same words again are a change too (a no-break space after them,
                    // or not): a live region says only what changes.
                    let again = said.with_untracked(|said| *said == now);
                    said.set(if again { now + "\u{a0}" } else { now });
                },
                SETTLE,
            );
            pending.set_value(timer.ok());
        }
    });
    on_cleanup(cancel);
    view! { <p class="ck-visually-hidden" role="status" prop:textContent=said></p> }
}

/// A page-wide list of names the widgets hold: URL parameters, element ids.
pub(crate) type Names = std::thread::LocalKey<std::cell::RefCell<Vec<String>>>;

/// Adds `name` to `names` until the current reactive scope is cleaned up (its widget goes, or
/// its effect runs again); returns whether another holder already had it.
pub(crate) fn hold(names: &'static Names, name: &str) -> bool {
    let held = names.with_borrow_mut(|all| {
        let held = all.iter().any(|n| n == name);
        all.push(name.to_owned());
        held
    });
    let name = name.to_owned();
    on_cleanup(move || {
        names.with_borrow_mut(|all| {
            if let Some(at) = all.iter().position(|n| *n == name) {
                all.swap_remove(at);
            }
        })
    });
    held
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

/// What went wrong with a feed, in `lang`: for the error box, and the console.
pub(crate) fn load_error_message(lang: Lang, error: &LoadError) -> String {
    let s = lang.strings();
    match error {
        LoadError::Status(code) => fill(s.load_failed, &[("status", &format!("HTTP {code}"))]),
        LoadError::Network => s.load_network.to_owned(),
        LoadError::Offline => s.load_offline.to_owned(),
        LoadError::Timeout(seconds) => fill(s.load_timeout, &[("seconds", &seconds.to_string())]),
        LoadError::NotJson => s.not_json.to_owned(),
        LoadError::NotFeed => s.not_feed.to_owned(),
        LoadError::TooLarge(bytes) => fill(
            s.too_large,
            &[
                // Whole megabytes, the nearest, but never the limit it exceeds: 32.2 MB is said
                // as 33, not "32 MB; at most 32 MB".
                (
                    "size",
                    &format_number(
                        lang,
                        ((bytes + MB / 2) / MB).max(MAX_BYTES / MB + 1) as usize,
                    ),
                ),
                ("limit", &format_number(lang, (MAX_BYTES / MB) as usize)),
            ],
        ),
        LoadError::Syntax(e) => s.syntax_error(e),
        LoadError::Missing => s.no_feed.to_owned(),
        LoadError::BadUrl => s.bad_url.to_owned(),
    }
}

/// An effect that runs `f` once, then again when what it read changes. Every effect of the
/// crate goes through here, boxed: `Effect::new` is generic over its function, and each
/// distinct closure would otherwise get its own copy of the effect's task (some 1.5 KB of
/// Wasm apiece). State an effect keeps between runs lives in the closure.
pub(crate) fn effect(f: impl FnMut() + 'static) {
    let mut f: Box<dyn FnMut()> = Box::new(f);
    Effect::new(move |_| f());
}

/// An [`effect`] that reads `source` now and calls `changed` with each later value: what an
/// app or a page changes once a widget is built, whose first value the widget already uses.
pub(crate) fn on_change<T: 'static>(
    source: impl Fn() -> T + 'static,
    mut changed: impl FnMut(T) + 'static,
) {
    let mut first = true;
    effect(move || {
        let value = source();
        if !std::mem::take(&mut first) {
            changed(value);
        }
    });
}

/// Calls an app's `on_open`, if it gave one, with the id `opened` reads whenever that
/// changes to one: the directory's profile or the calendar's event, as the visitor (or a
/// shared link) opens it.
pub(crate) fn tell_opened(
    on_open: Option<Callback<String>>,
    opened: impl Fn() -> Option<String> + 'static,
) {
    if let Some(on_open) = on_open {
        effect(move || {
            if let Some(id) = opened() {
                // What the callback reads is the app's, not this effect's to follow.
                untrack(|| on_open.run(id));
            }
        });
    }
}

/// A memo's function, boxed: see [`memo`].
type MemoFn<T> = Box<dyn Fn(Option<&T>) -> T + Send + Sync>;

/// A memo of `f`, boxed as [`effect`] boxes its function: `Memo::new` is generic over its
/// function too, and each distinct closure would otherwise get its own copy of the memo's
/// machinery; boxed, the memos of one value type share one.
pub(crate) fn memo<T>(f: impl Fn(Option<&T>) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    let f: MemoFn<T> = Box::new(f);
    Memo::new(f)
}

/// [`memo`] with its own test of change, `changed(old, new)`, for values without `PartialEq`
/// or whose equality would cost more than computing them again (an `Arc` compared by pointer).
pub(crate) fn memo_with<T>(
    f: impl Fn(Option<&T>) -> T + Send + Sync + 'static,
    changed: fn(Option<&T>, Option<&T>) -> bool,
) -> Memo<T>
where
    T: Send + Sync + 'static,
{
    let f: MemoFn<T> = Box::new(f);
    Memo::new_with_compare(f, changed)
}

/// An id no other element of the page has, for `aria-controls` and `aria-labelledby`.
pub(crate) fn unique_id(prefix: &str) -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
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

    #[test]
    fn a_feed_too_large_is_said_in_whole_megabytes_never_as_the_limit_it_exceeds() {
        let said = |bytes: u64| load_error_message(Lang::En, &LoadError::TooLarge(bytes));
        let mb = 1_000_000;
        assert_eq!(
            said(50 * mb + 60),
            "The data is too large to show here (50 MB; at most 32 MB)."
        );
        // Just over the limit: not "32 MB; at most 32 MB".
        assert!(said(MAX_BYTES + 1).contains("(33 MB; at most 32 MB)"));
        assert!(said(40 * mb + mb / 2).contains("(41 MB;"));
        // Counted as people count megabytes, not in mebibytes: 50 MiB is 52 MB.
        assert!(said(50 << 20).contains("(52 MB;"));
    }
}
