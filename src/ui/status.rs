//! What a widget shows around its feed: loading, a failure and its retry, and with `debug`
//! the feed's problems.

use std::sync::Arc;
use std::time::Duration;

use leptos::either::Either;
use leptos::prelude::*;

use super::{focus, memo, memo_with};
use crate::feed::{Feed, FeedState, LoadError, MAX_BYTES, MB, Problem, Recovery};
use crate::i18n::{Lang, fill, intl::format_number};

/// Renders `children` with the feed once it is ready, a localized loading or error state
/// (with a retry button) before, and the feed's diagnostics on screen when `debug` is set.
///
/// # Examples
/// ```no_run
/// use clusterkit::{FeedStatus, Lang, MemberDirectory, use_feed};
/// use leptos::prelude::*;
///
/// #[component]
/// fn Members() -> impl IntoView {
///     let feed = use_feed("/data/cluster.json");
///     view! {
///         // `let:feed` names the ready feed, a `Signal<Arc<Feed>>`, for the children.
///         <FeedStatus state=feed.state retry=feed.retry lang=Lang::Es let:feed>
///             <MemberDirectory feed=feed lang=Lang::Es/>
///         </FeedStatus>
///     }
/// }
/// ```
///
/// A feed an app loads its own way shows through it too (`state` is then the app's own
/// signal); `retry` takes any closure:
/// ```no_run
/// use clusterkit::{FeedState, FeedStatus, LoadError, MemberDirectory};
/// use leptos::prelude::*;
///
/// #[component]
/// fn Members() -> impl IntoView {
///     let state = RwSignal::new(FeedState::Failed(LoadError::Network));
///     let reload = move |()| state.set(FeedState::Loading);
///     view! {
///         <FeedStatus state=state retry=reload let:feed>
///             <MemberDirectory feed=feed/>
///         </FeedStatus>
///     }
/// }
/// ```
#[component]
pub fn FeedStatus<C, V>(
    /// The feed's state, as [`use_feed`](crate::feed::use_feed) gives it.
    #[prop(into)]
    state: Signal<FeedState>,
    /// Called by the retry button (`retry=feed.retry`, or any closure); without it, errors
    /// show no button. `nostrip:retry=` takes an `Option`.
    #[prop(optional, into)]
    retry: Option<Callback<()>>,
    /// The visitor's language (English if not given), as for the components.
    #[prop(optional, into)]
    lang: Signal<Lang>,
    /// Whether to list the feed's diagnostics on screen.
    #[prop(optional, into)]
    debug: Signal<bool>,
    /// What the widget inside is called (its `label`, or "Member directory"), to name it in
    /// an error: a page with several widgets then says which of them failed.
    #[prop(optional, into)]
    label: MaybeProp<String>,
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
            FeedState::Ready { feed, .. } => Some(feed),
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
        // Pressed again while it loads: nothing more.
        if matches!(state.get_untracked(), FeedState::Loading) {
            return;
        }
        let parent = crate::ui::closest(&ev, ".ck-status--error").and_then(|e| e.parent_element());
        retried.set_value(parent);
        retry.run(());
    };
    // The failure shown, kept while a retry loads (this box's, or another widget's of the
    // same feed): the box, and the focus on its button, stay where they are (a loading state
    // in its place moved the page below by a screen, and dropped the focus to the page).
    // Failures are counted as they come: one after another is a new alert, while the same
    // drawn again (in a new language, under a new label) is the box patched.
    let shown = StoredValue::new(None::<(usize, LoadError)>);
    let failing = StoredValue::new(false);
    let feed_signal = Signal::derive(move || feed.get().unwrap_or_default());
    let widget = move || ready.get().then(|| children(feed_signal));
    let status = move || {
        let lang = lang.get();
        let s = lang.strings();
        let state = state.get();
        let loading = matches!(state, FeedState::Loading);
        // A feed read up to a syntax error says so in every widget of it: what it shows is
        // not all there is.
        let cut = match &state {
            FeedState::Ready { diagnostics, .. } => diagnostics
                .iter()
                .find(|d| {
                    matches!(
                        d.problem,
                        Problem::Syntax {
                            recovery: Recovery::RestLost,
                            ..
                        }
                    )
                })
                .map(|d| s.diagnostic(d)),
            _ => None,
        };
        let failure = match state {
            FeedState::Failed(error) => {
                let new = !failing.get_value();
                failing.set_value(true);
                let count =
                    shown.with_value(|s| s.as_ref().map_or(0, |(n, _)| n + usize::from(new)));
                shown.set_value(Some((count, error)));
                shown.get_value()
            }
            FeedState::Loading => {
                failing.set_value(false);
                shown.get_value()
            }
            FeedState::Ready { .. } => {
                failing.set_value(false);
                shown.set_value(None);
                None
            }
        };
        if let Some((count, error)) = failure {
            let mut message = load_error_message(lang, &error);
            if let Some(name) = label.get() {
                message = format!("{name}: {}", lang.after_colon(&message));
            }
            // Whatever went wrong at the address may be mended there: a retry, except where
            // no address, or no web address, was given.
            let retry = retry.filter(|_| !matches!(error, LoadError::Missing | LoadError::BadUrl));
            let alert = view! {
                // Busy while a retry loads: its button's "Loading…" is not the alert said
                // again, in every widget of the feed.
                <div
                    class="ck-root ck-status--error"
                    role="alert"
                    aria-busy=loading.then_some("true")
                    part="error"
                >
                    <p>{message}</p>
                    {retry.map(|retry| view! {
                        // Saying it loads while it does (patched, the focus kept on it).
                        <button
                            type="button"
                            class="ck-btn"
                            aria-disabled=loading.then_some("true")
                            on:click=move |ev| on_retry(ev, retry)
                        >
                            {if loading { s.loading } else { s.retry }}
                        </button>
                    })}
                </div>
            };
            // A failure after another is a box of its own, not the last one patched, so that
            // it is said as a new alert: the two sides of an `Either` alternate.
            let alert = if count % 2 == 0 {
                Either::Left(alert)
            } else {
                Either::Right(alert)
            };
            return Some(alert.into_any());
        }
        // The loading line, a live region; or the line saying the feed was cut short, which
        // comes with the widget and is read with it.
        let (line, role, part) = match cut {
            Some(said) => (said, None, "notice"),
            None if loading && !ready.get() => (s.loading.to_owned(), Some("status"), "status"),
            None => return None,
        };
        Some(view! { <p class="ck-root ck-status" role=role part=part>{line}</p> }.into_any())
    };
    let diagnostics = move || {
        if !debug.get() {
            return None;
        }
        let FeedState::Ready { diagnostics, .. } = state.get() else {
            return None;
        };
        let s = lang.get().strings();
        let lang = lang.get();
        (!diagnostics.is_empty()).then(|| {
            let items = diagnostics
                .iter()
                .take(LISTED_PROBLEMS)
                .map(|d| view! { <li><code>{s.path(d).to_owned()}</code>": "{s.diagnostic(d)}</li> })
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

/// What went wrong with a feed, in `lang`: for the error box, and the console.
pub(crate) fn load_error_message(lang: Lang, error: &LoadError) -> String {
    let s = lang.strings();
    match error {
        LoadError::Status(code) => fill(s.load_failed, &[("status", &format!("HTTP {code}"))]),
        LoadError::Network => s.load_network.to_owned(),
        LoadError::Offline => s.load_offline.to_owned(),
        LoadError::Timeout(seconds) => fill(s.load_timeout, &[("seconds", &seconds.to_string())]),
        LoadError::Interrupted(seconds) => {
            fill(s.load_interrupted, &[("seconds", &seconds.to_string())])
        }
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

#[cfg(test)]
mod tests {
    use super::*;

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
