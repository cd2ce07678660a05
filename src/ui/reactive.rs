//! The reactive pieces every widget builds on: effects and memos boxed so that their
//! machinery is shared, names held for a scope's life, and ids unique in the page.

use leptos::prelude::*;

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
