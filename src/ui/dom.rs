//! The widgets' own DOM work: markup set and redrawn keeping the focus, the focus itself,
//! sizes measured and watched, colours painted through CSSOM, files offered for download.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The font size of `element` in whole pixels (16 when it cannot be read): what the widgets'
/// `em` breakpoints and the chart's text scale from.
pub(crate) fn font_px(element: &web_sys::Element) -> f64 {
    web_sys::window()
        .and_then(|w| w.get_computed_style(element).ok().flatten())
        .and_then(|style| style.get_property_value("font-size").ok())
        .and_then(|size| size.split(['.', 'p']).next()?.parse::<u16>().ok())
        .map_or(16.0, |px| f64::from(px.max(8)))
}

/// Offers `content` to the visitor as a file named `name`, of MIME type `kind`.
pub(crate) fn download(name: &str, kind: &str, content: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&content.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement = web_sys::window()?
        .document()?
        .create_element("a")
        .ok()?
        .dyn_into()
        .ok()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The download has started from the URL; it can go once this task is over.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(1),
    );
    Some(())
}

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
            }
        }
    }
}

/// Replaces the inside of `element` with `markup`, which this crate wrote (every value from
/// the feed in it escaped with [`escape`]).
///
/// On a page that enforces Trusted Types (`require-trusted-types-for 'script'`), a string
/// cannot be assigned to `innerHTML`: the markup goes through this crate's own policy,
/// `clusterkit`, made once. Where the page's `trusted-types` directive leaves that name out,
/// the string goes to the page's `default` policy, if it has one; a page that refuses it is
/// told once in the console what to add, and in the embed every widget shows an error box
/// (nothing throws into the Wasm).
pub(crate) fn set_html(element: &web_sys::Element, markup: &str) {
    use js_sys::{Function, Reflect};
    use std::cell::Cell;
    use wasm_bindgen::JsValue;
    /// `trustedTypes.createPolicy("clusterkit", { createHTML: String })`, or none where the
    /// browser has no Trusted Types or the page refuses the name.
    fn policy() -> Option<(JsValue, Function)> {
        let global = js_sys::global();
        let factory = Reflect::get(&global, &"trustedTypes".into()).ok()?;
        let create: Function = Reflect::get(&factory, &"createPolicy".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let rules = js_sys::Object::new();
        // `String` returns the markup as it is: the policy vouches for markup this crate wrote.
        let _ = Reflect::set(
            &rules,
            &"createHTML".into(),
            &Reflect::get(&global, &"String".into()).ok()?,
        );
        let policy = create.call2(&factory, &"clusterkit".into(), &rules).ok()?;
        let make = Reflect::get(&policy, &"createHTML".into())
            .ok()?
            .dyn_into()
            .ok()?;
        Some((policy, make))
    }
    thread_local! {
        static POLICY: Option<(JsValue, Function)> = policy();
        /// Whether the console has been told that the page refuses the markup.
        static TOLD: Cell<bool> = const { Cell::new(false) };
    }
    let html = POLICY.with(|policy| {
        let (policy, make) = policy.as_ref()?;
        make.call1(policy, &markup.into()).ok()
    });
    let html = html.unwrap_or_else(|| markup.into());
    // A page served as XHTML parses `innerHTML` as XML: this HTML would throw there, or worse,
    // where it happens to be well-formed, put an `<svg>` in the XHTML namespace, undrawn.
    let xml = element
        .owner_document()
        .is_some_and(|d| d.content_type() != "text/html");
    let refused = if xml {
        !set_html_in_xml(element, &html)
    } else {
        Reflect::set(element, &"innerHTML".into(), &html).is_err()
    };
    if refused && !TOLD.replace(true) {
        web_sys::console::error_1(
            &"clusterkit: this page's Content-Security-Policy refuses the widgets' markup; \
              add clusterkit to its trusted-types directive"
                .into(),
        );
        #[cfg(feature = "embed")]
        crate::embed::give_up();
    }
}

/// Sets the inside of `element` to `html` on a page whose document is XML (XHTML served as
/// `application/xhtml+xml`), whose `innerHTML` parses XML, which the widgets' HTML is not
/// (`<input>` unclosed): parsed in an HTML document, in an element of the same kind (a table
/// body's rows, an SVG group's shapes), and moved over. Whether that worked.
fn set_html_in_xml(element: &web_sys::Element, html: &wasm_bindgen::JsValue) -> bool {
    let context = element
        .owner_document()
        .and_then(|d| d.implementation().ok())
        .and_then(|i| i.create_html_document().ok())
        .and_then(|scratch| {
            scratch
                .create_element_ns(element.namespace_uri().as_deref(), &element.local_name())
                .ok()
        });
    let Some(context) = context else {
        return false;
    };
    if js_sys::Reflect::set(&context, &"innerHTML".into(), html).is_err() {
        return false;
    }
    element.set_text_content(None);
    while let Some(child) = context.first_child() {
        if element.append_child(&child).is_err() {
            return false;
        }
    }
    true
}

/// Replaces the inside of `element` with `markup`, and gives the focus back to the element
/// that had it: the new element with the same value of the first of the data attributes
/// `keys` it carries (a redrawn button or mark, found again by what it does or stands for).
pub(crate) fn redraw_keeping_focus(element: &web_sys::Element, markup: &str, keys: &[&str]) {
    let focused = active_element(element)
        .filter(|a| element.contains(Some(a)))
        .and_then(|a| {
            keys.iter()
                .find_map(|key| Some(format!("[{key}=\"{}\"]", a.get_attribute(key)?)))
        });
    set_html(element, markup);
    if let Some(again) = focused.and_then(|selector| element.query_selector(&selector).ok()?) {
        focus(again);
    }
}

/// Whether the focus is on `element` or inside it, in its document or shadow root.
pub(crate) fn focused_within(element: &web_sys::Element) -> bool {
    active_element(element).is_some_and(|a| element.contains(Some(&a)))
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

/// Whether `colour` is one of the theme's palette colours, as [`segment_colour`] names them.
///
/// [`segment_colour`]: super::segment_colour
fn is_palette(colour: &str) -> bool {
    colour.len() == 10
        && colour.starts_with("var(--_c")
        && colour.ends_with(')')
        && matches!(colour.as_bytes()[8], b'1'..=b'6')
}

/// Sets `--ck-seg` on the elements `selector` finds in `root` to `colours`, in order (an
/// empty colour leaves the theme's): markup cannot carry them, as a strict CSP blocks
/// `style` attributes while it lets CSSOM through. Only a `#rgb` or `#rrggbb` colour, as the
/// reader keeps (a feed built in Rust skips the reader, and `url(…)` there would be fetched),
/// or a palette colour, which is set as it is drawn (`--_seg`): the dark theme lightens a
/// feed's colours, chosen for light pages, but its palette is its own.
pub(crate) fn paint_segments(root: &web_sys::Element, selector: &str, colours: &[String]) {
    let Ok(found) = root.query_selector_all(selector) else {
        return;
    };
    for (i, colour) in colours.iter().enumerate() {
        if let Some(element) = found
            .get(i as u32)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let style = element.style();
            if crate::feed::is_color(colour) {
                let _ = style.set_property("--ck-seg", colour);
            } else if is_palette(colour) {
                let _ = style.set_property("--ck-seg", colour);
                let _ = style.set_property("--_seg", colour);
            }
        }
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// An element, for the method web-sys does not bind.
    type Seen;
    /// `Element.checkVisibility()`.
    #[wasm_bindgen(method, catch, js_name = checkVisibility)]
    fn check_visibility(this: &Seen) -> Result<bool, wasm_bindgen::JsValue>;
}

/// Whether `element` is drawn: it has a box, and nothing above it (through shadow roots)
/// skips its contents, as a closed `<details>` or a hidden tab does. Browsers without
/// `checkVisibility` (Safari before 17.4, so every iPhone left on iOS 16; Chrome before 105)
/// are asked whether it has a box and no closed `<details>` around it.
fn rendered(element: &web_sys::Element) -> bool {
    element
        .unchecked_ref::<Seen>()
        .check_visibility()
        .unwrap_or_else(|_| {
            let mut at = Some(element.clone());
            while let Some(e) = at {
                // A closed <details> shows its <summary>, and nothing else.
                if let Some(closed) = e.closest("details:not([open])").ok().flatten()
                    && !closed
                        .query_selector(":scope > summary")
                        .ok()
                        .flatten()
                        .is_some_and(|summary| summary.contains(Some(&e)))
                {
                    return false;
                }
                at = e
                    .get_root_node()
                    .dyn_into::<web_sys::ShadowRoot>()
                    .ok()
                    .map(|r| r.host());
            }
            element.get_client_rects().length() > 0
        })
}

/// Calls `then` once `element` is drawn: at once if it is, else when a `ResizeObserver` sees
/// it get a box (a closed `<details>` opened, a tab shown); never if the reactive owner is
/// cleaned up first.
pub(crate) fn when_rendered(element: &web_sys::Element, then: impl Fn() + 'static) {
    if rendered(element) {
        return then();
    }
    let watched = element.clone();
    let on_resize = wasm_bindgen::closure::Closure::<
        dyn FnMut(js_sys::Array, web_sys::ResizeObserver),
    >::new(move |_, observer: web_sys::ResizeObserver| {
        if rendered(&watched) {
            observer.disconnect();
            then();
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(element);
        let observing = send_wrapper::SendWrapper::new((observer, on_resize));
        on_cleanup(move || observing.0.disconnect());
    }
}

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

/// `px` CSS pixels of `element` at the usual text size: times 16 over its font size in
/// pixels. Whole pixels: a signal of the type the widgets already use for counts.
pub(crate) fn at_text_size(element: &web_sys::Element, px: f64) -> usize {
    // Down, not to the nearest: 599.6 px is under 37.5em, for the container queries too.
    (px * 16.0 / font_px(element)).floor() as usize
}

/// Sets `width` to the width of `element` at the usual text size now, as [`observe_width`]
/// keeps it (after the page was laid out for paper, say).
pub(crate) fn measure_width(element: &web_sys::Element, width: RwSignal<usize>) {
    set_width(width, element, f64::from(element.client_width()));
}

/// Sets `width` to `px` CSS pixels of `element` at the usual text size, unless that is 0 (an
/// element not laid out) or what it already holds.
fn set_width(width: RwSignal<usize>, element: &web_sys::Element, px: f64) {
    let w = at_text_size(element, px);
    if w > 0 && w != width.get_untracked() {
        width.set(w);
    }
}

/// Keeps `width` at the content width of `element` at the usual text size, as it changes:
/// its CSS pixels times 16 over its font size in pixels (a `ResizeObserver`, disconnected
/// when the reactive owner is cleaned up). What is laid out by it follows the visitor's text
/// size, also when a site's "larger text" button changes it after the widget was drawn: the
/// text grows, the element's height with it, and the observer reports that too.
pub(crate) fn observe_width(element: &web_sys::Element, width: RwSignal<usize>) {
    // Measured at once, so that the first drawing is already for this width: waiting for
    // the observer's first report drew it twice, the page moving in between.
    measure_width(element, width);
    let on_resize = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
        move |entries: js_sys::Array| {
            if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
                set_width(width, &entry.target(), entry.content_rect().width());
            }
        },
    );
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(element);
        let observing = send_wrapper::SendWrapper::new((observer, on_resize));
        on_cleanup(move || observing.0.disconnect());
    }
}
