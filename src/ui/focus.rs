//! The focus: where it is (in a shadow root or the page), moved without a scroll, kept across
//! a redraw of markup, and given back when a modal closes only if the visitor has not moved it
//! on.

use wasm_bindgen::JsCast;

use super::set_html;

/// The element with the focus as seen from `element`: in its shadow root, else in its
/// document (on a page's element, or the body).
fn active_element(element: &web_sys::Element) -> Option<web_sys::Element> {
    element
        .get_root_node()
        .dyn_ref::<web_sys::ShadowRoot>()
        .and_then(|shadow| shadow.active_element())
        .or_else(|| element.owner_document()?.active_element())
}

/// Moves the focus to `element`, an HTML one already scrolled where it should be: the
/// browser's own scrolling to it would move it again, and glide there on a page with
/// `scroll-behavior: smooth`.
pub(crate) fn focus_in_place(element: web_sys::Element) {
    if let Ok(html) = element.dyn_into::<web_sys::HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = html.focus_with_options(&options);
    }
}

/// Moves the focus to `element`, an HTML or an SVG one.
pub(crate) fn focus(element: web_sys::Element) {
    match element.dyn_into::<web_sys::HtmlElement>() {
        Ok(html) => {
            let _ = html.focus();
        }
        Err(other) => {
            if let Ok(svg) = other.dyn_into::<web_sys::SvgElement>() {
                let _ = svg.focus();
                // Firefox focuses an SVG element without scrolling it into view (or scrolls to
                // the top of its drawing): where its first shape is still out of sight, it is
                // scrolled to the middle, as Chromium and Safari scroll a focused element, as
                // smoothly as the page scrolls (a smooth scroll the browser began is then
                // going there too). The first shape: Firefox scrolls to no edge of a group.
                let shape = svg.first_element_child().unwrap_or_else(|| svg.into());
                if !in_sight(&shape) {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Center);
                    options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
                    shape.scroll_into_view_with_scroll_into_view_options(&options);
                }
            }
        }
    }
}

/// Replaces the inside of `element` with `markup`, and gives the focus back to the element
/// that had it: the new element with the same value of the first of the data attributes
/// `keys` it carries (a redrawn button or mark, found again by what it does or stands for).
pub(crate) fn redraw_keeping_focus(element: &web_sys::Element, markup: &str, keys: &[&str]) {
    let focused = focused_in(element).and_then(|a| {
        keys.iter()
            .find_map(|key| Some(format!("[{key}=\"{}\"]", a.get_attribute(key)?)))
    });
    set_html(element, markup);
    if let Some(again) = focused.and_then(|selector| element.query_selector(&selector).ok()?) {
        focus(again);
    }
}

/// For a widget's `focusout`: keeps the focus in the widget when what had it stops being
/// drawn as its layout changes with its width (a phone turned, the page zoomed, the text
/// made larger), where the browser would leave it on the page's body and the next Tab at
/// the page's top. The filters' "Filters" button takes it from the filters it folds away,
/// and their first choice from the button; anything else's place goes to the first drawn
/// element of `stand_ins` (a calendar's list item for a grid's day, and the other way).
/// A move of the visitor's own, or the widget's (a redrawn button focused again), stands.
pub(crate) fn keep_focus(ev: web_sys::FocusEvent, stand_ins: &'static str) {
    let element = |t: Option<web_sys::EventTarget>| t?.dyn_into::<web_sys::Element>().ok();
    let (Some(lost), Some(widget)) = (element(ev.target()), element(ev.current_target())) else {
        return;
    };
    // A dialog gives the focus back itself as it closes (see `focus_moved_on`).
    if ev.related_target().is_some() || lost.closest("dialog").ok().flatten().is_some() {
        return;
    }
    // A task later: an element taken out is out by then (the focus leaves it just before),
    // and the view drawn for the new width in.
    leptos::prelude::set_timeout(
        move || {
            let gone = !lost.is_connected() || !super::dom::rendered(&lost);
            if !gone || active_element(&widget).is_some_and(|a| a.local_name() != "body") {
                return;
            }
            let first = if lost.closest(".ck-fold").ok().flatten().is_some() {
                ".ck-filters-toggle"
            } else if lost.class_list().contains("ck-filters-toggle") {
                ".ck-fold :is(input, button):not(:disabled)"
            } else {
                stand_ins
            };
            // The first drawn of those, else of the widget's own (a choice folded away by
            // "show fewer" at a width with no "Filters" button).
            let drawn = [first, stand_ins].into_iter().find_map(|selector| {
                let all = widget.query_selector_all(selector).ok()?;
                (0..all.length())
                    .filter_map(|k| all.item(k)?.dyn_into::<web_sys::Element>().ok())
                    .find(super::dom::rendered)
            });
            if let Some(stand_in) = drawn {
                focus(stand_in);
            }
        },
        std::time::Duration::ZERO,
    );
}

/// Whether the focus is on `element` or inside it, in its document or shadow root.
pub(crate) fn focused_within(element: &web_sys::Element) -> bool {
    focused_in(element).is_some()
}

/// What has the focus, if it is `element` or inside it.
pub(crate) fn focused_in(element: &web_sys::Element) -> Option<web_sys::Element> {
    active_element(element).filter(|a| element.contains(Some(a)))
}

thread_local! {
    /// What had the focus when the last modal opened (see [`focus_moved_on`]).
    static OPENED_FROM: std::cell::RefCell<Option<web_sys::Element>> =
        const { std::cell::RefCell::new(None) };
}

/// Notes what has the focus as `dialog` opens as a modal: the browser gives it back there
/// when the dialog closes.
pub(crate) fn note_opener(dialog: &web_sys::Element) {
    OPENED_FROM.set(active_element(dialog));
}

/// Whether the focus has moved on since a modal near `near` closed. The dialog gives it back
/// itself as it closes, to what had it when it opened, and the `close` event that asks us to
/// place it comes a task later, when a visitor's key or the page's script may have moved it
/// elsewhere: taking it back then would press the wrong button. It has not moved on if it is
/// still where the browser gave it back, on the page's body, or in a closed dialog.
pub(crate) fn focus_moved_on(near: &web_sys::Element) -> bool {
    let from = OPENED_FROM.with_borrow(Clone::clone);
    active_element(near).is_some_and(|a| {
        a.local_name() != "body"
            && Some(&a) != from.as_ref()
            && a.closest("dialog:not([open])").ok().flatten().is_none()
    })
}

/// Whether `element` is wholly within the window and every scrolling box around it (up
/// through shadow roots to their hosts).
fn in_sight(element: &web_sys::Element) -> bool {
    let Some(window) = web_sys::window() else {
        return true;
    };
    let rect = element.get_bounding_client_rect();
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if rect.top() < 0.0 || rect.bottom() > height {
        return false;
    }
    let mut next = element.parent_element();
    while let Some(box_) = next {
        let scrolls = window
            .get_computed_style(&box_)
            .ok()
            .flatten()
            .and_then(|style| style.get_property_value("overflow-y").ok())
            .is_some_and(|o| o != "visible" && o != "clip");
        if scrolls {
            let outer = box_.get_bounding_client_rect();
            if rect.top() < outer.top() || rect.bottom() > outer.bottom() {
                return false;
            }
        }
        next = box_.parent_element().or_else(|| {
            let root = box_.get_root_node();
            root.dyn_ref::<web_sys::ShadowRoot>()
                .map(web_sys::ShadowRoot::host)
        });
    }
    true
}
