//! Downloads: the chart's data as CSV, and its drawing as an SVG file that looks the same
//! outside the page.

use wasm_bindgen::JsCast;

/// The drawing `svg` as a standalone SVG file: a copy whose shapes and texts carry the
/// colours and fonts the page gives them, since the widget's stylesheet stays behind.
pub(crate) fn standalone_svg(
    svg: &web_sys::Element,
    (title, lang): &(String, crate::i18n::Lang),
) -> Option<String> {
    // Groups too, for the `display: none` of one the page hides (a donut's edges): its
    // shapes' own computed `display` says nothing of it.
    const PAINTED: &str = "g, rect, circle, line, text";
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
        // What the page hides (a donut's edges, while no slice needs them) stays hidden.
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
    let _ = copy.set_attribute_ns(
        Some("http://www.w3.org/XML/1998/namespace"),
        "xml:lang",
        lang.tag(),
    );
    let _ = copy.remove_attribute("tabindex");
    // Serialized as XML (with its `xmlns`), not as HTML, which writes a no-break space (in
    // "28 %") as `&nbsp;`, an entity XML does not know, and in older browsers a name's `<`
    // bare inside an attribute: no SVG viewer would open the file.
    let xml = web_sys::XmlSerializer::new()
        .ok()?
        .serialize_to_string(&copy)
        .ok()?;
    Some(xml_chars(&xml))
}

/// `text` without the characters XML 1.0 has no place for (controls other than tab and line
/// breaks, U+FFFE and U+FFFF), which a feed's name may hold.
fn xml_chars(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || c >= ' ' && !matches!(c, '\u{FFFE}' | '\u{FFFF}')
        })
        .collect()
}

/// A download's file name (without its extension), from the chart's title as the visitor
/// reads it (see [`crate::ui::file_name`]): "Socis per segment" saves as `socis-per-segment`,
/// so that two charts of a page (or a label of its own) save apart, each under what it
/// shows; a title with nothing to keep as `clusterkit-segment` and the like.
pub(crate) fn file_name(title: &str, by: super::By) -> String {
    crate::ui::file_name(title).unwrap_or_else(|| format!("clusterkit-{}", by.id()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::By;

    #[test]
    fn a_download_is_named_after_the_chart_s_title() {
        for (title, name) in [
            ("Socis per segment", "socis-per-segment"),
            ("Members by segment", "members-by-segment"),
            ("Empreses d’Animació · 2026", "empreses-d-animacio-2026"),
            ("  ¿Socios por año?  ", "socios-por-ano"),
            ("Paraŀlel · Cel·la", "parallel-cella"),
            ("Członkowie według miasta", "czlonkowie-wedlug-miasta"),
            ("Μέλη ανά πόλη", "μέλη-ανά-πόλη"),
        ] {
            assert_eq!(file_name(title, By::Segment), name, "{title}");
        }
    }

    #[test]
    fn the_svg_file_keeps_only_what_xml_allows() {
        assert_eq!(
            xml_chars("Seg \u{FFFF}\u{FFFE}\u{1}\u{1F}\tA\r\nB \u{a0}% \u{10FFFD} \u{FFFD}"),
            "Seg \tA\r\nB \u{a0}% \u{10FFFD} \u{FFFD}"
        );
    }

    #[test]
    fn a_title_with_nothing_to_keep_falls_back_to_what_the_chart_counts() {
        assert_eq!(file_name("", By::City), "clusterkit-city");
        assert_eq!(file_name("· — ¿? « » → ★", By::Joined), "clusterkit-joined");
    }

    #[test]
    fn a_long_title_is_cut_to_sixty_bytes_at_most() {
        let name = file_name(&"Productores audiovisuals ".repeat(10), By::Segment);
        assert!(name.len() <= 60, "{name}");
        let greek = file_name(&"Μέλη ".repeat(20), By::Segment);
        assert!(
            greek.len() <= 60 && greek.starts_with("μέλη-μέλη"),
            "{greek}"
        );
        assert!(
            name.starts_with("productores-audiovisuals-productores"),
            "{name}"
        );
        assert!(!name.ends_with('-'), "{name}");
    }
}
