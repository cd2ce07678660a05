//! Downloads: the chart's data as CSV, and its drawing as an SVG file that looks the same
//! outside the page.

use wasm_bindgen::JsCast;

/// The drawing `svg` as a standalone SVG file: a copy whose shapes and texts carry the
/// colours and fonts the page gives them, since the widget's stylesheet stays behind.
pub(crate) fn standalone_svg(
    svg: &web_sys::Element,
    (title, lang): &(String, crate::i18n::Lang),
) -> Option<String> {
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
    // The background behind the chart goes with it: text drawn light for a dark page would
    // be unreadable on the white of a document or slide.
    // (Written as the computed colours above are, which every SVG reader knows.)
    let paper = crate::ui::colour::backdrop(svg);
    let byte = |c: f64| (c * 255.0).round() as u8;
    let paper = format!(
        "rgb({}, {}, {})",
        byte(paper.r),
        byte(paper.g),
        byte(paper.b)
    );
    if let Ok(rect) = window
        .document()?
        .create_element_ns(Some("http://www.w3.org/2000/svg"), "rect")
    {
        for (name, value) in [("width", "100%"), ("height", "100%"), ("fill", &paper)] {
            let _ = rect.set_attribute(name, value);
        }
        let _ = copy.prepend_with_node_1(&rect);
    }
    // Named by the chart's title, which the page says in its heading: a document or
    // slide the file goes into has no heading of ours.
    if let Ok(name) = window
        .document()?
        .create_element_ns(Some("http://www.w3.org/2000/svg"), "title")
    {
        name.set_text_content(Some(title));
        let _ = copy.prepend_with_node_1(&name);
    }
    let _ = copy.set_attribute("xml:lang", lang.tag());
    let _ = copy.set_attribute("xmlns", "http://www.w3.org/2000/svg");
    let _ = copy.remove_attribute("tabindex");
    // Serialized as HTML, which writes a no-break space (in "28 %") as `&nbsp;`, an entity
    // XML does not know: no SVG viewer would open the file. The other entities HTML writes
    // (`&amp;`, `&lt;`, `&gt;`, `&quot;`) are XML's too.
    Some(copy.outer_html().replace("&nbsp;", "\u{a0}"))
}
