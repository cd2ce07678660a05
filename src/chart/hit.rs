//! Which mark of the drawing an event is on (a click, a key, a click on a tooltip drawn over
//! another mark), and the drawing's elements by mark.

use wasm_bindgen::JsCast;

use leptos::prelude::document;

use crate::ui::closest;

/// Which mark an event happened on.
pub(super) fn mark_of(ev: &web_sys::Event) -> Option<usize> {
    mark_at(&ev.target()?.dyn_into().ok()?)
}

/// The mark `element` is, or is in (`data-k` on the mark's group).
pub(super) fn mark_at(element: &web_sys::Element) -> Option<usize> {
    element
        .closest("[data-k]")
        .ok()??
        .get_attribute("data-k")?
        .parse()
        .ok()
}

/// What is under a click on a mark's tooltip, which is drawn over the marks around its own
/// (and over the chart's buttons above the drawing) and would otherwise take the click meant
/// for them; `None` for a click elsewhere.
pub(super) fn under_tip(ev: &web_sys::MouseEvent) -> Option<web_sys::Element> {
    let tip: web_sys::HtmlElement = closest(ev, ".ck-tip")?.dyn_into().ok()?;
    let (x, y) = (ev.client_x() as f32, ev.client_y() as f32);
    let _ = tip.style().set_property("pointer-events", "none");
    let root = tip.get_root_node();
    let under = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.element_from_point(x, y),
        None => document().element_from_point(x, y),
    };
    let _ = tip.style().remove_property("pointer-events");
    under
}

/// Clicks the button `element` is, or is in, if any: a click on a tooltip passed on to the
/// chart's own button under it (a tap on a phone leaves the first bar's tooltip over "Show
/// as a table"). In a task of its own: the chart's click handler, running, would hear it.
pub(super) fn click_button_at(element: &web_sys::Element) {
    let button = element.closest("button").ok().flatten();
    if let Some(button) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
        leptos::prelude::set_timeout(move || button.click(), std::time::Duration::ZERO);
    }
}

/// The drawing in `figure`, if it shows one (not its table).
pub(super) fn svg_in(figure: &web_sys::Element) -> Option<web_sys::SvgElement> {
    figure.query_selector("svg").ok()??.dyn_into().ok()
}

/// Mark `k` of the drawing in `figure` (the first element with its `data-k`: its texts
/// follow it).
pub(super) fn mark(figure: &web_sys::Element, k: usize) -> Option<web_sys::Element> {
    figure.query_selector(&format!("[data-k='{k}']")).ok()?
}
