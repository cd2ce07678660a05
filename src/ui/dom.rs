//! The widgets' own DOM work: markup set, sizes measured and watched, colours painted
//! through CSSOM, listeners caught first, files offered for download. The focus and
//! scrolling are in [`focus`](super::focus) and [`scroll`](super::scroll).

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

/// A download's file name (without its extension) from a title as the visitor reads it:
/// "Socis per segment" saves as `socis-per-segment`, so that two widgets of a page (or a
/// label of its own) save apart, each under what it shows. Letters and digits are kept,
/// folded as the search folds them (a Latin letter in lower case, its accents off), other
/// scripts' as written; any run of anything else (spaces, punctuation, symbols) is one
/// hyphen; at most 60 bytes; `None` for a title with nothing to keep. Told apart by code
/// point ranges, not Unicode's tables, which would cost the Wasm 3 KB brotli.
pub(crate) fn file_name(title: &str) -> Option<String> {
    let letter = |c: char| {
        c.is_ascii_alphanumeric()
            || !(c.is_ascii()
                // Latin-1's signs, × and ÷, punctuation, arrows and symbols, CJK punctuation.
                || matches!(c, '\u{80}'..='\u{BF}' | '×' | '÷' | '\u{2000}'..='\u{2BFF}' | '\u{3000}'..='\u{303F}'))
    };
    let mut name = String::new();
    for c in crate::search::fold(title).chars() {
        if name.len() + c.len_utf8() > 60 {
            break;
        }
        if letter(c) {
            name.push(c);
        } else if !name.is_empty() && !name.ends_with('-') {
            name.push('-');
        }
    }
    let kept = name.trim_end_matches('-');
    (!kept.is_empty()).then(|| kept.to_owned())
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
pub(super) fn rendered(element: &web_sys::Element) -> bool {
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
    let on_resize = OnResize::new(move |_, observer: web_sys::ResizeObserver| {
        if rendered(&watched) {
            observer.disconnect();
            then();
        }
    });
    observe_resize(element, on_resize);
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
    let on_resize = OnResize::new(move |entries: js_sys::Array, _| {
        if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
            set_width(width, &entry.target(), entry.content_rect().width());
        }
    });
    observe_resize(element, on_resize);
}

/// A `ResizeObserver`'s callback.
type OnResize = wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array, web_sys::ResizeObserver)>;

/// Has `on_resize` told of `element`'s size changes until the reactive owner is cleaned up.
fn observe_resize(element: &web_sys::Element, on_resize: OnResize) {
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(element);
        let observing = send_wrapper::SendWrapper::new((observer, on_resize));
        on_cleanup(move || observing.0.disconnect());
    }
}

/// Hands `listener` every `kind` event that reaches `target`, caught first, on its way down
/// (before the page's own listeners, and also events that do not bubble), until the
/// reactive owner is cleaned up.
pub(crate) fn capture(
    target: web_sys::EventTarget,
    kind: &'static str,
    listener: impl FnMut(web_sys::Event) + 'static,
) {
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(listener);
    let _ = target.add_event_listener_with_callback_and_bool(
        kind,
        listener.as_ref().unchecked_ref(),
        true,
    );
    let held = send_wrapper::SendWrapper::new((target, listener));
    on_cleanup(move || {
        let (target, listener) = &*held;
        let _ = target.remove_event_listener_with_callback_and_bool(
            kind,
            listener.as_ref().unchecked_ref(),
            true,
        );
    });
}

/// The element `selector` finds at or above an event's target: the button or the item a
/// click delegated to a list was on.
pub(crate) fn closest(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()?
}
