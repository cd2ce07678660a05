//! The reactive pieces every widget builds on: effects and memos boxed so that their
//! machinery is shared, names held for a scope's life, and ids unique in the page.

use std::cell::RefCell;
use std::sync::{Arc, Weak};

use leptos::prelude::*;

use crate::feed::Feed;

/// A page-wide list of names the widgets hold: URL parameters, element ids.
type Names = std::thread::LocalKey<std::cell::RefCell<Vec<String>>>;

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

/// An [`on_change`] that hears only a value unlike the last: an app's derived signal that
/// gives the same value again (as another signal it reads changes) changes nothing. The
/// first value is read now, as the widget is built with it: one that changes before the
/// effect first runs (on the next tick) is heard.
pub(crate) fn on_new<T: PartialEq + 'static>(
    source: impl Fn() -> T + 'static,
    mut changed: impl FnMut(&T) + 'static,
) {
    let mut last = untrack(&source);
    effect(move || {
        let value = source();
        if value != last {
            changed(&value);
            last = value;
        }
    });
}

/// Calls an app's callback, if it gave one, with each `Some` that `told` reads unlike the
/// last value it read: the first as the widget is drawn (a shared link's profile, the month
/// shown), then each change; a `None` between two of the same (a profile closed and opened
/// again) tells the second too.
pub(crate) fn tell<T: PartialEq + Clone + 'static>(
    callback: Option<Callback<T>>,
    told: impl Fn() -> Option<T> + 'static,
) {
    tell_both(callback, None, told);
}

/// [`tell`] `opened`, and `closed` with each `Some` that `told` read before it changed: a
/// profile's or event's id as it closes, or as another opens in its place, before that one's
/// opening.
pub(crate) fn tell_both<T: PartialEq + Clone + 'static>(
    opened: Option<Callback<T>>,
    closed: Option<Callback<T>>,
    told: impl Fn() -> Option<T> + 'static,
) {
    if opened.is_none() && closed.is_none() {
        return;
    }
    let mut last = None;
    effect(move || {
        let now = told();
        if now != last {
            // What the callbacks read is the app's, not this effect's to follow.
            if let (Some(closed), Some(gone)) = (closed, last.take()) {
                untrack(|| closed.run(gone));
            }
            if let (Some(opened), Some(value)) = (opened, now.clone()) {
                untrack(|| opened.run(value));
            }
        }
        last = now;
    });
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

/// Compares two `Arc`s by identity, so memos of large data never compare it field by field.
pub(crate) fn arc_changed<T: ?Sized>(a: Option<&Arc<T>>, b: Option<&Arc<T>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => !Arc::ptr_eq(a, b),
        _ => true,
    }
}

/// A [`memo`] of an `Arc`, which changes when `f` gives another `Arc`, not a like value.
pub(crate) fn memo_arc<T>(
    f: impl Fn(Option<&Arc<T>>) -> Arc<T> + Send + Sync + 'static,
) -> Memo<Arc<T>>
where
    T: Send + Sync + 'static,
{
    memo_with(f, arc_changed)
}

/// What the page's widgets made of a feed (its search index, its facet table), by the feed
/// they made it of, while both are held: another widget of the same feed (a chart linked to
/// a directory, a second directory) takes it rather than make its own.
pub(crate) struct MadeOf<T>(RefCell<Vec<(Weak<Feed>, Weak<T>)>>);

impl<T> MadeOf<T> {
    pub(crate) const fn new() -> Self {
        MadeOf(RefCell::new(Vec::new()))
    }

    /// What a widget made of this very `feed`, if one did and still holds it.
    pub(crate) fn of(&self, feed: &Arc<Feed>) -> Option<Arc<T>> {
        let mut made = self.0.borrow_mut();
        made.retain(|(f, m)| f.strong_count() > 0 && m.strong_count() > 0);
        made.iter()
            .find(|(f, _)| std::ptr::eq(f.as_ptr(), Arc::as_ptr(feed)))
            .and_then(|(_, m)| m.upgrade())
    }

    /// Keeps `made` as made of `feed`, for the next widget.
    pub(crate) fn keep(&self, feed: &Arc<Feed>, made: &Arc<T>) {
        self.0
            .borrow_mut()
            .push((Arc::downgrade(feed), Arc::downgrade(made)));
    }

    /// What a widget made of `feed`, else `make`'s, kept.
    pub(crate) fn of_or(&self, feed: &Arc<Feed>, make: impl FnOnce() -> T) -> Arc<T> {
        self.of(feed).unwrap_or_else(|| {
            let made = Arc::new(make());
            self.keep(feed, &made);
            made
        })
    }
}

/// An id no other element of the page has, for `aria-controls` and `aria-labelledby`.
pub(crate) fn unique_id(prefix: &str) -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_made_of_a_feed_is_taken_for_that_very_feed_only_while_held() {
        let made = MadeOf::<usize>::new();
        let (one, other) = (Arc::new(Feed::default()), Arc::new(Feed::default()));
        let first = made.of_or(&one, || 1);
        assert!(
            Arc::ptr_eq(&made.of_or(&one, || 2), &first),
            "taken, not made again"
        );
        // An equal feed that is another (a new fetch of the same address) gets its own.
        assert_eq!(*made.of_or(&other, || 3), 3);
        // Nothing is kept for a widget that no longer holds it, nor of a feed gone.
        drop(first);
        assert!(made.of(&one).is_none());
        let kept = made.of_or(&one, || 4);
        drop(one);
        let again = Arc::new(Feed::default());
        assert_eq!(*made.of_or(&again, || 5), 5);
        drop(kept);
    }
}
