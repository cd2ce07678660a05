//! Contrast at run time. A mark's colour comes from the feed or from the theme's palette,
//! and the background from the page the chart sits on, so whether a mark stands out (3:1,
//! WCAG 1.4.11) is only known in the page: once drawn, the chart reads both as the browser
//! computed them and outlines each mark under 3:1 in the text colour, which the page keeps
//! readable on its background.

use wasm_bindgen::JsCast;

use crate::ui::colour::{backdrop, computed};

/// Gives each painted shape of the drawing `svg` under [`NEEDED`](crate::ui::colour::NEEDED)
/// contrast with the background an outline in the text colour: `data-faint` on the shape's
/// group (and on the drawing, which then rings a donut), and the text colour as `--ck-ink`,
/// set through the CSSOM, which a strict CSP allows.
pub(crate) fn outline_faint(svg: &web_sys::SvgElement) -> Option<()> {
    let background = backdrop(svg);
    let style = web_sys::window()?.get_computed_style(svg).ok()??;
    svg.style()
        .set_property("--ck-ink", &style.get_property_value("color").ok()?)
        .ok()?;
    svg.style()
        .set_property("--ck-paper", &background.css())
        .ok()?;
    let shapes = svg.query_selector_all("[part=bar], .ck-swatch").ok()?;
    let mut any = false;
    for i in 0..shapes.length() {
        let Some(shape) = shapes
            .item(i)
            .and_then(|s| s.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let Some(colour) = computed(&shape, "color") else {
            continue;
        };
        let faint = colour.faint_on(background);
        any |= faint;
        if let Some(group) = shape.parent_element() {
            let _ = group.toggle_attribute_with_force("data-faint", faint);
        }
    }
    let _ = svg.toggle_attribute_with_force("data-faint", any);
    Some(())
}

#[cfg(test)]
mod tests {
    use crate::ui::colour::{NEEDED, Rgba};

    #[test]
    fn the_theme_palette_keeps_3_to_1_against_each_theme_background() {
        let css = include_str!("../ui/theme.css");
        // The light palette is in the base `.ck-root` rule, the dark one in the rule the dark
        // theme shares with dark pages.
        const DARK: &str = ".ck-root[data-backdrop=\"dark\"]:not([data-theme]) {";
        const BASE: &str = ".ck-root:not(:where(.ck-root) *) {";
        let block = |start: &str| {
            let from = css.find(start).expect(start);
            &css[from..from + css[from..].find('}').unwrap()]
        };
        let palette = |block: &str| -> Vec<String> {
            (1..=6)
                .map(|i| {
                    // `--_c1: var(--ck-c1, #1a56b8);`: the page's colour, or the theme's.
                    let key = format!("--_c{i}: var(--ck-c{i},");
                    let at = block.find(&key).unwrap_or_else(|| panic!("{key}")) + key.len();
                    block[at..].split(')').next().unwrap().trim().to_owned()
                })
                .collect()
        };
        for (rule, background) in [
            (BASE, "#ffffff"),
            (".ck-root[data-theme=\"light\"] {", "#ffffff"),
            (DARK, "#16181c"),
        ] {
            let rule_block = block(rule);
            let colours = if rule_block.contains("--_c1") {
                palette(rule_block)
            } else {
                palette(block(BASE))
            };
            for colour in colours {
                let ratio = Rgba::parse(&colour)
                    .unwrap()
                    .contrast(Rgba::parse(background).unwrap());
                assert!(
                    ratio >= NEEDED,
                    "{colour} on {background} in {rule}: {ratio:.2}"
                );
            }
        }
        // The dark palette of `theme="auto"` is the dark theme's.
        let auto = css.split("prefers-color-scheme: dark").nth(1).unwrap();
        assert_eq!(palette(block_in(auto)), palette(block(DARK)));

        fn block_in(css: &str) -> &str {
            let from = css.find('{').unwrap() + 1;
            let from = from + css[from..].find('{').unwrap();
            &css[from..from + css[from..].find('}').unwrap()]
        }
    }
}
