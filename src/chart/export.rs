//! Downloads: the chart's data as CSV, and its drawing as an SVG file that looks the same
//! outside the page.

use std::time::Duration;

use leptos::prelude::set_timeout;
use wasm_bindgen::JsCast;

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

/// The drawing `svg` as a standalone SVG file: a copy whose shapes and texts carry the
/// colours and fonts the page gives them, since the widget's stylesheet stays behind.
pub(crate) fn standalone_svg(svg: &web_sys::Element) -> Option<String> {
    const PAINTED: &str = "rect, circle, line, text";
    let window = web_sys::window()?;
    let copy: web_sys::Element = svg.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    let (originals, copies) = (
        svg.query_selector_all(PAINTED).ok()?,
        copy.query_selector_all(PAINTED).ok()?,
    );
    for i in 0..originals.length() {
        let (Some(original), Some(target)) = (originals.item(i), copies.item(i)) else {
            continue;
        };
        let (Ok(original), Ok(target)) = (
            original.dyn_into::<web_sys::Element>(),
            target.dyn_into::<web_sys::Element>(),
        ) else {
            continue;
        };
        let Ok(Some(style)) = window.get_computed_style(&original) else {
            continue;
        };
        // A shape the page hides (a donut's edges, while no slice needs them) stays hidden.
        if style.get_property_value("display").ok().as_deref() == Some("none") {
            let _ = target.set_attribute("display", "none");
        }
        for property in [
            "fill",
            "stroke",
            "stroke-width",
            "opacity",
            "font-family",
            "font-size",
        ] {
            if let Ok(value) = style.get_property_value(property)
                && !value.is_empty()
            {
                let _ = target.set_attribute(property, &value);
            }
        }
    }
    let _ = copy.set_attribute("xmlns", "http://www.w3.org/2000/svg");
    let _ = copy.remove_attribute("tabindex");
    Some(copy.outer_html())
}
