//! Scrolling: by a step, or to the top of a widget, in whatever scrolls it (the page or a
//! box of the page's), clear of a site's sticky header.

use wasm_bindgen::JsCast;

/// Scrolls what `element` scrolls in by `dy` pixels, at once (not glided, as a page's
/// `scroll-behavior: smooth` would): see [`scroller`].
pub(crate) fn scroll_by(element: &web_sys::Element, dy: f64) {
    let by = web_sys::ScrollToOptions::new();
    by.set_top(dy);
    by.set_behavior(web_sys::ScrollBehavior::Instant);
    match scroller(element) {
        Some(around) => around.scroll_by_with_scroll_to_options(&by),
        None => {
            if let Some(window) = web_sys::window() {
                window.scroll_by_with_scroll_to_options(&by);
            }
        }
    }
}

/// What `element` scrolls in: its nearest ancestor that scrolls, through shadow roots (an
/// app shell's scrolling `<main>`, a site's own dialog), or `None` for the page.
fn scroller(element: &web_sys::Element) -> Option<web_sys::Element> {
    let window = web_sys::window()?;
    let overflow = |e: &web_sys::Element| {
        window
            .get_computed_style(e)
            .ok()
            .flatten()
            .and_then(|style| style.get_property_value("overflow-y").ok())
            .unwrap_or_default()
    };
    let document = window.document();
    let page = document.as_ref().and_then(|d| d.document_element());
    // The body's overflow is the page's own while `<html>` leaves its overflow visible
    // (`body { overflow-x: hidden }`, common in themes): not a box of its own then.
    let body = document
        .as_ref()
        .and_then(|d| d.body())
        .filter(|_| page.as_ref().is_some_and(|p| overflow(p) == "visible"));
    // Up the flat tree: the slot an element is shown in (an app shell's scrolling box may be
    // in its own shadow root, as Ionic's is), else its parent or its shadow root's host.
    let up = |e: &web_sys::Element| {
        js_sys::Reflect::get(e, &"assignedSlot".into())
            .ok()
            .and_then(|s| s.dyn_into::<web_sys::Element>().ok())
            .or_else(|| super::colour::host_or_parent(e))
    };
    let mut next = up(element);
    while let Some(around) = next.filter(|a| Some(a) != page.as_ref()) {
        let scrolls = around.scroll_height() > around.client_height()
            && matches!(overflow(&around).as_str(), "auto" | "scroll" | "overlay")
            && body.as_deref() != Some(&around);
        if scrolls {
            return Some(around);
        }
        next = up(&around);
    }
    None
}

/// Whether `element`'s top is out of view: above the view, or above the box it scrolls in
/// (an app shell's `<main>` under its header), or under a bar the page keeps over its
/// content (a site's sticky or fixed header).
pub(crate) fn top_hidden(element: &web_sys::Element) -> bool {
    let top = element.get_bounding_client_rect().top();
    let shown_from = scroller(element).map_or(0.0, |s| {
        s.get_bounding_client_rect().top() + f64::from(s.client_top())
    });
    top < shown_from.max(0.0) || bar_bottom(element, top + 1.0).is_some()
}

/// Brings `element`'s top to the top of the view, at once (not glided, as a page's
/// `scroll-behavior: smooth` would), every box around it scrolled as needed, below the
/// page's `scroll-padding-top` and below the bars the page keeps over its content there (a
/// site's sticky header, WordPress' admin bar above it), which would hide it.
pub(crate) fn scroll_to_top(element: &web_sys::Element) {
    let Some(style) = element.dyn_ref::<web_sys::HtmlElement>().map(|e| e.style()) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    options.set_behavior(web_sys::ScrollBehavior::Instant);
    // Each round clears one more bar of a stack of them.
    let mut margin = 0.0;
    for _ in 0..4 {
        let _ = style.set_property("scroll-margin-top", &format!("{}px", margin as i32));
        element.scroll_into_view_with_scroll_into_view_options(&options);
        let top = element.get_bounding_client_rect().top();
        match bar_bottom(element, top + 1.0) {
            Some(bottom) if bottom > top => margin += (bottom - top).ceil(),
            _ => break,
        }
    }
    let _ = style.remove_property("scroll-margin-top");
}

/// The bottom edge of a bar the page keeps over its content (`position: fixed` or `sticky`:
/// a site's header, in its own shadow root too) where it covers `element` at height `y` of
/// the view, in the middle of its width; `None` where nothing of the page's covers it there.
pub(crate) fn bar_bottom(element: &web_sys::Element, y: f64) -> Option<f64> {
    let window = web_sys::window()?;
    let rect = element.get_bounding_client_rect();
    let (x, y) = ((rect.left() + rect.width() / 2.0) as f32, y as f32);
    let mut hit = element.owner_document()?.element_from_point(x, y)?;
    // Into open shadow roots: a header built as a custom element is fixed inside its own.
    while let Some(inner) = hit
        .shadow_root()
        .and_then(|root| root.element_from_point(x, y))
        .filter(|inner| *inner != hit)
    {
        hit = inner;
    }
    // `element` and what holds it, through shadow roots: nothing is over it there.
    let mut around = Vec::new();
    let mut up = Some(element.clone());
    while let Some(e) = up {
        up = super::colour::host_or_parent(&e);
        around.push(e);
    }
    let mut over = Some(hit);
    while let Some(e) = over {
        if around.contains(&e) {
            return None;
        }
        let position = window
            .get_computed_style(&e)
            .ok()
            .flatten()
            .and_then(|style| style.get_property_value("position").ok())
            .unwrap_or_default();
        if position == "fixed" || position == "sticky" {
            return Some(e.get_bounding_client_rect().bottom());
        }
        over = super::colour::host_or_parent(&e);
    }
    None
}
