//! What the elements tell the page's own scripts (analytics, a page that follows the
//! visitor's choices): DOM events on the element, which bubble.
//!
//! - `clusterkit-filter` (directory): the visitor's choices changed; `detail` holds `query`,
//!   and the ids or names ticked in `segments`, `kinds`, `regions` and `cities`.
//! - `clusterkit-open` (directory, calendar): a member's profile or an event opened;
//!   `detail.id` is its id in the feed.

use wasm_bindgen::{JsCast, JsValue};

use crate::directory::model::Filter;

/// Dispatches `name`, with `detail`, on the element whose shadow root holds `inside`: after
/// the widget's own work, so that a listener that changes the element finds it settled.
pub(super) fn tell(inside: Option<web_sys::Element>, name: &'static str, detail: JsValue) {
    let Some(host) = inside
        .and_then(|e| e.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok())
        .map(|root| root.host())
    else {
        return;
    };
    leptos::prelude::set_timeout(
        move || {
            let init = web_sys::CustomEventInit::new();
            init.set_bubbles(true);
            init.set_detail(&detail);
            if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
                // A listener's exception is the page's, reported by the browser, not ours.
                let _ = host.dispatch_event(&event);
            }
        },
        std::time::Duration::ZERO,
    );
}

/// `{ id }`, for `clusterkit-open`.
pub(super) fn opened(id: &str) -> JsValue {
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"id".into(), &id.into());
    detail.into()
}

/// The directory's choices, for `clusterkit-filter`.
pub(super) fn choices(f: &Filter) -> JsValue {
    fn list<'a>(items: impl Iterator<Item = &'a str>) -> JsValue {
        items
            .map(JsValue::from_str)
            .collect::<js_sys::Array>()
            .into()
    }
    let detail = js_sys::Object::new();
    for (key, value) in [
        ("query", JsValue::from_str(&f.query)),
        ("segments", list(f.segments.iter().map(String::as_str))),
        ("kinds", list(f.kinds.iter().map(|k| k.id()))),
        ("regions", list(f.regions.iter().map(String::as_str))),
        ("cities", list(f.cities.iter().map(String::as_str))),
    ] {
        let _ = js_sys::Reflect::set(&detail, &key.into(), &value);
    }
    detail.into()
}
