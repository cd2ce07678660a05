//! Labels that fit at run time. The drawing wraps its labels for the letters of a wide
//! sans-serif, but they are written in the page's own font: in capitals, or in a font as wide
//! as Verdana, a line can be longer than the room the layout left it, and would run off the
//! drawing or into the next label. Once drawn, each line is measured as the browser laid it
//! out, and one longer than its room is narrowed to fit.

use wasm_bindgen::JsCast;

/// Narrows each line (`<tspan>`) of a text of the drawing `svg` that is longer than its
/// room (the text's `data-room`, in the drawing's units) to that room, through SVG's own
/// `textLength`, which keeps the line where it was anchored.
pub(crate) fn squeeze(svg: &web_sys::SvgElement) -> Option<()> {
    let texts = svg.query_selector_all("text[data-room]").ok()?;
    for i in 0..texts.length() {
        let Some(text) = texts
            .item(i)
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        // Whole units, as the drawing writes them (formatting a float would bring the
        // standard library's float printing into the Wasm, some 20 KB).
        let Some(room) = text.get_attribute("data-room") else {
            continue;
        };
        let Some(units) = room.parse::<u32>().ok().filter(|&u| u > 0) else {
            continue;
        };
        let lines = text.children();
        for j in 0..lines.length() {
            if let Some(line) = lines
                .item(j)
                .and_then(|l| l.dyn_into::<web_sys::SvgTextContentElement>().ok())
                && line.get_computed_text_length() > units as f32
            {
                let _ = line.set_attribute("textLength", &room);
                let _ = line.set_attribute("lengthAdjust", "spacingAndGlyphs");
            }
        }
    }
    Some(())
}
