//! A mark's tooltip: a `<p>` over the mark, there only while a mark is hovered or focused.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::Drawn;

/// Shows mark `tip`'s label over it, in the drawing of `figure_ref` as `drawn` last drew it;
/// Escape hides it.
pub(super) fn tooltip(
    figure_ref: NodeRef<leptos::html::Figure>,
    tip: RwSignal<Option<usize>>,
    drawn: StoredValue<Drawn>,
) {
    crate::ui::effect(move || {
        let k = tip.get();
        let Some(figure) = figure_ref.get() else {
            return;
        };
        if let Ok(Some(old)) = figure.query_selector(".ck-tip") {
            old.remove();
        }
        let Some(k) = k else {
            return;
        };
        let shown = drawn.with_value(|drawn| -> Option<()> {
            let (x, y) = *drawn.anchors.get(k)?;
            let host = figure.query_selector(".ck-drawing").ok()??;
            let tip: web_sys::HtmlElement = document().create_element("p").ok()?.dyn_into().ok()?;
            tip.set_class_name("ck-tip");
            let _ = tip.set_attribute("aria-hidden", "true");
            tip.set_text_content(Some(&drawn.marks.get(k)?.label));
            let _ = tip.style().set_property("left", &format!("{x}%"));
            let _ = tip.style().set_property("top", &format!("{y}%"));
            host.append_child(&tip).ok()?;
            // Centred over its mark, but never past the drawing's edges, where it would be
            // cut off (a long name, the last column on a phone).
            let width = host.client_width();
            let half = (tip.offset_width() / 2).min(width / 2);
            let left = (x * width / 100).clamp(half, width - half);
            let _ = tip.style().set_property("left", &format!("{left}px"));
            // Below its mark where above it would be out of sight: past the window's top (the
            // chart at the top of the screen), an app's scrolling box's, or under a site's
            // sticky header.
            if crate::ui::top_hidden(&tip) {
                let mark = figure
                    .query_selector(&format!(".ck-mark[data-k=\"{k}\"]"))
                    .ok()??;
                // Under a bar; over a tall column, near its top rather than far from the
                // pointer at its foot. Whole pixels: formatting an `f64` would bring in core's
                // float printing.
                let bottom = (mark.get_bounding_client_rect().bottom()
                    - host.get_bounding_client_rect().top()) as i32;
                let below = bottom.min(y * host.client_height() / 100 + 32);
                let _ = tip.style().set_property("top", &format!("{below}px"));
                let _ = tip.class_list().add_1("ck-below");
            }
            Some(())
        });
        // Escape hides it, wherever the focus is (WCAG 1.4.13), and does nothing else: a
        // dialog or popup of the page around the chart stays open for the next Escape, as
        // our own dialogs do. Caught first, on its way down, by a listener only while one
        // shows, removed before the effect runs again or the chart goes.
        if shown.is_some() {
            crate::ui::capture(window().into(), "keydown", move |e| {
                let escape = e.dyn_ref::<web_sys::KeyboardEvent>();
                if escape.is_some_and(|e| e.key() == "Escape") {
                    e.prevent_default();
                    e.stop_propagation();
                    tip.set(None);
                }
            });
        }
    });
}
