//! The chart's drawing as SVG markup, built as one string from the marks.
//!
//! It is a pure function of the data, redrawn whole when the data, the dimension or the
//! language change; as markup it costs the Wasm a few kilobytes, where a view per shape
//! cost it about twenty. Every text from the feed is escaped (`ui::escape`); colours are the
//! feed's validated `#rrggbb` or a theme class, so no style attribute is needed (a strict CSP
//! blocks them).

use std::fmt::Write;

use crate::ui::escape;

use super::data::Shape;
use super::geometry::{DONUT_UNITS, bar_layout, column_layout, donut_slices, wrap};
use crate::i18n::{Lang, intl::format_number};

/// Width of the drawing until its container has been measured, in CSS pixels.
pub const WIDTH: f64 = 600.0;
/// The narrowest drawing laid out; a narrower container scales it down.
pub const MIN_WIDTH: f64 = 260.0;

/// How a mark is coloured: the feed's colour, or one of the theme's `--ck-c1`… (by number).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Paint {
    /// A colour the feed gave (validated `#rgb` or `#rrggbb`).
    Feed(String),
    /// The theme's palette colour with this number, from 1.
    Palette(usize),
}

/// One drawn category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Its name, as shown.
    pub name: String,
    /// ` lang="…"` when the name is in another language than the visitor's (the feed names
    /// a segment in none of theirs); empty otherwise.
    pub lang: String,
    /// Members it counts.
    pub count: usize,
    /// Its colour.
    pub paint: Paint,
    /// What screen readers and the tooltip say: name, count and share or running total.
    pub label: String,
    /// Its share of the whole in per cent, for parts of a whole.
    pub share: Option<u32>,
    /// Members by the end of the year, for years.
    pub running: Option<usize>,
    /// In a chart linked to a directory, whether the mark's facet value is chosen there;
    /// `None` for a mark no facet stands for (the places taken together, a year).
    pub pressed: Option<bool>,
}

/// A drawing: the markup inside the `<svg>`, its height, and where each mark's tooltip
/// points, in SVG units.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawing {
    /// The width of the view box.
    pub width: f64,
    /// The marks as SVG elements.
    pub markup: String,
    /// The height of the view box.
    pub height: f64,
    /// One point per mark, above it.
    pub anchors: Vec<(f64, f64)>,
}

/// A whole number of SVG units: integers spare the Wasm float formatting.
pub(crate) fn px(v: f64) -> i32 {
    v.round() as i32
}

/// The per cent sign as each language writes it.
pub fn percent(lang: Lang, n: u32) -> String {
    let n = format_number(lang, n as usize);
    if lang == Lang::En {
        format!("{n}%")
    } else {
        format!("{n}\u{a0}%")
    }
}

/// The attributes that colour a shape: `fill` or `stroke` take `currentColor`, and the colour
/// comes from the feed's `color` or the palette's class.
fn paint(paint: &Paint, class: &str) -> String {
    match paint {
        Paint::Feed(color) => format!("class=\"{class}\" color=\"{}\"", escape(color)),
        Paint::Palette(n) => format!("class=\"{class} ck-c{n}\""),
    }
}

/// The opening tag of mark `k`: one tab stop (`current`) among them, named for screen
/// readers; in a `linked` chart, a toggle button when a facet value stands behind it.
fn open_mark(out: &mut String, k: usize, current: usize, mark: &Mark, linked: bool) {
    let tabindex = if k == current { 0 } else { -1 };
    let role = match (linked, mark.pressed) {
        (false, _) => "role=\"listitem\"".to_owned(),
        (true, None) => "role=\"img\"".to_owned(),
        (true, Some(pressed)) => format!("role=\"button\" aria-pressed=\"{pressed}\""),
    };
    let _ = write!(
        out,
        "<g class=\"ck-mark\" {role} tabindex=\"{tabindex}\" data-k=\"{k}\" aria-label=\"{}\">",
        escape(&mark.label)
    );
}

/// The opening tag of mark `k`'s texts, after the mark itself: hidden from screen readers,
/// which read the mark's name instead (a label may be cut short on screen), but a click or a
/// hover on them counts as on the mark.
fn open_texts(out: &mut String, k: usize) {
    let _ = write!(out, "<g aria-hidden=\"true\" data-k=\"{k}\">");
}

/// The count written by a mark, with its share for parts of a whole.
fn value(mark: &Mark, lang: Lang) -> String {
    match mark.share {
        Some(p) => format!("{} ({})", format_number(lang, mark.count), percent(lang, p)),
        None => format_number(lang, mark.count),
    }
}

/// Draws `marks` as `shape`, `width` units (CSS pixels) wide; `current` takes the tab stop.
/// A `linked` chart's marks are toggle buttons (see [`Mark::pressed`]); otherwise they are
/// the items of a list.
pub fn draw(
    marks: &[Mark],
    shape: Shape,
    lang: Lang,
    current: usize,
    linked: bool,
    width: f64,
) -> Drawing {
    let width = width.max(MIN_WIDTH);
    let counts: Vec<usize> = marks.iter().map(|m| m.count).collect();
    let mut out = String::new();
    let mut anchors = Vec::with_capacity(marks.len());
    let height = match shape {
        Shape::Bar => {
            // Room after the longest bar for the longest count (13px text, 7.5 units a
            // character at most).
            let widest = marks
                .iter()
                .map(|m| value(m, lang).chars().count())
                .max()
                .unwrap_or(0);
            let layout = bar_layout(&counts, width, widest as f64 * 7.5 + 10.0);
            // Labels wrap to two lines of what fits left of the bars (13px text, 8 units a
            // character at most in Latin scripts).
            let chars = (layout.bar_x / 8.0) as usize;
            let (x, max, h) = (px(layout.bar_x), px(layout.bar_max), px(layout.bar_height));
            for (k, (m, bar)) in marks.iter().zip(&layout.bars).enumerate() {
                let mid = px(bar.y + layout.row / 2.0);
                let (y, w) = (px(bar.y + 5.0), px(bar.width));
                anchors.push((layout.bar_x + bar.width / 2.0, bar.y + 4.0));
                open_mark(&mut out, k, current, m, linked);
                let _ = write!(
                    out,
                    "<rect class=\"ck-bar-track\" x=\"{x}\" y=\"{y}\" width=\"{max}\" height=\"{h}\" rx=\"3\"/>\
                     <rect part=\"bar\" {} fill=\"currentColor\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"3\"/></g>",
                    paint(&m.paint, "ck-value"),
                );
                open_texts(&mut out, k);
                let lines = wrap(&m.name, chars, 2);
                let _ = write!(
                    out,
                    "<text y=\"{mid}\" dominant-baseline=\"middle\" text-anchor=\"end\">"
                );
                for (i, line) in lines.iter().enumerate() {
                    let dy = match (i, lines.len()) {
                        (0, 1) => "0",
                        (0, _) => "-0.55em",
                        _ => "1.1em",
                    };
                    let _ = write!(
                        out,
                        "<tspan x=\"{}\" dy=\"{dy}\">{}</tspan>",
                        x - 8,
                        escape(line)
                    );
                }
                let _ = write!(
                    out,
                    "</text><text x=\"{}\" y=\"{mid}\" dominant-baseline=\"middle\">{}</text></g>",
                    x + w + 6,
                    value(m, lang)
                );
            }
            layout.height
        }
        Shape::Column => {
            let names: Vec<&str> = marks.iter().map(|m| m.name.as_str()).collect();
            let layout = column_layout(&counts, &names, width, 244.0);
            let left = px(layout.plot_x);
            out.push_str("<g class=\"ck-ticks\" aria-hidden=\"true\">");
            for &(v, y) in &layout.ticks {
                let y = px(y);
                let _ = write!(
                    out,
                    "<line x1=\"{left}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\"/>\
                     <text x=\"{}\" y=\"{y}\" dominant-baseline=\"middle\" text-anchor=\"end\">{}</text>",
                    px(width),
                    left - 6,
                    format_number(lang, v)
                );
            }
            out.push_str("</g>");
            for (k, (m, c)) in marks.iter().zip(&layout.columns).enumerate() {
                let centre = c.x + c.width / 2.0;
                anchors.push((centre, c.y));
                open_mark(&mut out, k, current, m, linked);
                let _ = write!(
                    out,
                    "<rect part=\"bar\" {} fill=\"currentColor\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\"/></g>",
                    paint(&m.paint, "ck-value"),
                    px(c.x),
                    px(c.y),
                    px(c.width).max(1),
                    px(c.height)
                );
                if c.label.is_empty() {
                    continue;
                }
                open_texts(&mut out, k);
                let x = px(centre);
                // Upright, the label ends just under its column and reads upwards.
                let _ = if layout.upright {
                    let y = px(layout.baseline + 8.0);
                    write!(
                        out,
                        "<text x=\"{x}\" y=\"{y}\" text-anchor=\"end\" dominant-baseline=\"middle\" transform=\"rotate(-90 {x} {y})\">"
                    )
                } else {
                    write!(
                        out,
                        "<text y=\"{}\" text-anchor=\"middle\">",
                        px(layout.baseline + 16.0)
                    )
                };
                for (i, line) in c.label.iter().enumerate() {
                    let _ = write!(
                        out,
                        "<tspan x=\"{x}\" dy=\"{}\">{}</tspan>",
                        i * 16,
                        escape(line)
                    );
                }
                out.push_str("</text></g>");
            }
            layout.height
        }
        Shape::Donut => {
            let row = 26.0;
            // The legend goes beside the ring, or under it in a narrow container.
            let (legend_x, legend_y) = if width >= 440.0 {
                (220.0, 24.0)
            } else {
                (10.0, 224.0)
            };
            let slices = donut_slices(&counts);
            // Each entry on as many lines (up to three) as its name and count need in the
            // width beside its swatch, as the bars' names wrap: cut off, a long segment
            // name lost its count on a phone.
            let text_x = legend_x + 22.0;
            let chars = ((width - text_x - 6.0) / 8.0) as usize;
            let mut y = legend_y;
            for (k, (m, slice)) in marks.iter().zip(&slices).enumerate() {
                anchors.push((legend_x + 80.0, y - 10.0));
                open_mark(&mut out, k, current, m, linked);
                let _ = write!(
                    out,
                    "<circle part=\"bar\" {} fill=\"none\" stroke=\"currentColor\" cx=\"100\" cy=\"100\" r=\"80\" \
                     pathLength=\"{DONUT_UNITS}\" stroke-dasharray=\"{} {DONUT_UNITS}\" \
                     stroke-dashoffset=\"-{}\" transform=\"rotate(-90 100 100)\"/></g>",
                    paint(&m.paint, "ck-slice"),
                    slice.length,
                    slice.offset,
                );
                open_texts(&mut out, k);
                let _ = write!(
                    out,
                    "<rect {} fill=\"currentColor\" x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" rx=\"3\"/>\
                     <text y=\"{}\" dominant-baseline=\"middle\">",
                    paint(&m.paint, "ck-swatch"),
                    px(legend_x),
                    px(y - 11.0),
                    px(y - 4.0),
                );
                let lines = wrap(&format!("{}: {}", m.name, value(m, lang)), chars, 3);
                for (i, line) in lines.iter().enumerate() {
                    let _ = write!(
                        out,
                        "<tspan x=\"{}\" dy=\"{}\">{}</tspan>",
                        px(text_x),
                        if i == 0 { "0" } else { "1.15em" },
                        escape(line)
                    );
                }
                out.push_str("</text></g>");
                y += row + (lines.len().max(1) - 1) as f64 * 16.0;
            }
            // A line of the background's colour where each slice begins, so that two slices
            // of one colour (the palette has six) never read as one.
            if marks.len() > 1 {
                out.push_str("<g class=\"ck-spokes\" aria-hidden=\"true\">");
                for slice in &slices {
                    // In tenths of a degree, written without the float formatting code.
                    let tenths = u64::from(slice.offset) * 3600 / u64::from(DONUT_UNITS);
                    let _ = write!(
                        out,
                        "<line x1=\"100\" y1=\"1\" x2=\"100\" y2=\"39\" transform=\"rotate({}.{} 100 100)\"/>",
                        tenths / 10,
                        tenths % 10
                    );
                }
                out.push_str("</g>");
            }
            // The ring's edges, shown when a slice is too faint against the background.
            out.push_str(
                "<g class=\"ck-ring\" aria-hidden=\"true\"><circle cx=\"100\" cy=\"100\" r=\"98\"/>\
                 <circle cx=\"100\" cy=\"100\" r=\"62\"/></g>",
            );
            (y - 4.0).max(200.0)
        }
    };
    Drawing {
        width,
        markup: out,
        height,
        anchors,
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A mark with a palette colour, named and counted.
    pub(in crate::chart) fn mark(name: &str, count: usize) -> Mark {
        Mark {
            name: name.into(),
            lang: String::new(),
            count,
            paint: Paint::Palette(1),
            label: format!("{name}: {count}"),
            share: None,
            running: None,
            pressed: None,
        }
    }

    #[test]
    fn each_donut_slice_begins_at_a_line_so_slices_of_one_colour_stay_apart() {
        // Seven parts and six palette colours: the last slice meets the first in the same one.
        let marks: Vec<Mark> = (0..7)
            .map(|i| {
                let mut m = mark(&format!("City {i}"), if i == 0 { 2 } else { 1 });
                m.paint = Paint::Palette(i % 6 + 1);
                m
            })
            .collect();
        let donut = draw(&marks, Shape::Donut, Lang::En, 0, false, 600.0);
        let angles: Vec<f64> = donut
            .markup
            .split("transform=\"rotate(")
            .skip(1)
            .filter_map(|rest| rest.split(' ').next()?.parse().ok())
            .collect();
        // The slices' own rotate(-90 …) aside, one line per slice, at 0°, then 2/8 of the way
        // round (the first city has two members of eight), then an eighth further each.
        let spokes: Vec<f64> = angles.into_iter().filter(|a| *a >= 0.0).collect();
        let expected: Vec<f64> = [0.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]
            .iter()
            .map(|k| k * 45.0)
            .collect();
        assert_eq!(spokes.len(), 7, "{spokes:?}");
        for (a, e) in spokes.iter().zip(&expected) {
            assert!((a - e).abs() < 0.5, "{spokes:?}");
        }
        let one = draw(&marks[..1], Shape::Donut, Lang::En, 0, false, 600.0);
        assert!(
            !one.markup.contains("ck-spokes"),
            "a whole ring has nothing to part"
        );
    }

    #[test]
    fn feed_text_cannot_open_an_element_or_leave_an_attribute() {
        assert_eq!(
            escape(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
        let hostile = mark("\"><img src=x onerror=alert(1)>", 3);
        for shape in [Shape::Bar, Shape::Column, Shape::Donut] {
            let d = draw(
                std::slice::from_ref(&hostile),
                shape,
                Lang::En,
                0,
                false,
                WIDTH,
            );
            assert!(!d.markup.contains("<img"), "{shape:?}: {}", d.markup);
            assert!(
                d.markup
                    .contains("aria-label=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;: 3\""),
                "{shape:?}: the name stays inside its attribute"
            );
        }
    }

    #[test]
    fn one_mark_holds_the_tab_stop_and_each_is_named() {
        let marks = [mark("Animació", 5), mark("VFX", 2), mark("So", 0)];
        for shape in [Shape::Bar, Shape::Column, Shape::Donut] {
            let d = draw(&marks, shape, Lang::En, 1, false, WIDTH);
            assert_eq!(d.markup.matches("tabindex=\"0\"").count(), 1, "{shape:?}");
            assert_eq!(d.markup.matches("tabindex=\"-1\"").count(), 2, "{shape:?}");
            assert!(
                d.markup.contains("data-k=\"1\" aria-label=\"VFX: 2\""),
                "{shape:?}"
            );
            assert_eq!(d.anchors.len(), 3);
            assert!(d.height > 0.0);
        }
    }

    #[test]
    fn a_linked_chart_makes_toggles_of_the_marks_a_facet_stands_behind() {
        let mut chosen = mark("VFX", 2);
        chosen.pressed = Some(true);
        let mut free = mark("So", 1);
        free.pressed = Some(false);
        let others = mark("3 other places", 4);
        let d = draw(
            &[chosen, free, others],
            Shape::Bar,
            Lang::En,
            0,
            true,
            WIDTH,
        );
        assert!(
            d.markup
                .contains("role=\"button\" aria-pressed=\"true\" tabindex=\"0\" data-k=\"0\"")
        );
        assert!(
            d.markup
                .contains("role=\"button\" aria-pressed=\"false\" tabindex=\"-1\" data-k=\"1\"")
        );
        assert!(
            d.markup
                .contains("role=\"img\" tabindex=\"-1\" data-k=\"2\"")
        );
        assert!(!d.markup.contains("listitem"));
    }

    #[test]
    fn a_long_name_in_the_donut_legend_wraps_and_keeps_its_count() {
        let long = "Experiències immersives (VR, XR, AR, metavers i videomapatge)";
        let marks = [mark(long, 10), mark("So", 1)];
        let narrow = draw(&marks, Shape::Donut, Lang::En, 0, false, 320.0);
        // The first entry's lines, as drawn.
        let entry = narrow.markup.split("<text").nth(1).unwrap();
        let entry = &entry[..entry.find("</text>").unwrap()];
        let lines: Vec<&str> = entry
            .split("<tspan")
            .skip(1)
            .map(|t| &t[t.find('>').unwrap() + 1..t.find("</tspan>").unwrap()])
            .collect();
        assert!(lines.len() >= 2, "{lines:?}");
        assert_eq!(
            lines.join(" "),
            format!("{long}: 10"),
            "every word, and the count"
        );
        // Each line fits between its swatch (at x 32) and the drawing's right edge, at
        // about 8 units a character.
        assert!(
            lines
                .iter()
                .all(|l| 32.0 + 8.0 * l.chars().count() as f64 <= 320.0)
        );
        // The entries below move down by the extra lines: the drawing grows to hold them.
        let one_line = draw(
            &[mark("A", 10), mark("So", 1)],
            Shape::Donut,
            Lang::En,
            0,
            false,
            320.0,
        );
        assert!(narrow.height >= one_line.height + 16.0 * (lines.len() - 1) as f64);
    }

    #[test]
    fn a_narrow_drawing_keeps_its_texts_inside_and_the_donut_legend_goes_under_the_ring() {
        let marks: Vec<Mark> = ["Producció", "Postproducció i efectes visuals", "So"]
            .iter()
            .zip([12, 30, 1])
            .map(|(n, c)| mark(n, c))
            .collect();
        let wide = draw(&marks, Shape::Donut, Lang::En, 0, false, 600.0);
        let narrow = draw(&marks, Shape::Donut, Lang::En, 0, false, 300.0);
        // Each legend row's swatch (a 14-unit square), where it is: the ring takes the box
        // (0, 0)–(200, 200), its centre at (100, 100) and its outer edge 80 + its stroke away.
        let swatches = |markup: &str| -> Vec<(f64, f64)> {
            markup
                .split("<rect ")
                .skip(1)
                .filter(|r| r.contains("width=\"14\""))
                .map(|r| {
                    let attr = |name: &str| -> f64 {
                        let rest = r.split(&format!(" {name}=\"")).nth(1).unwrap();
                        rest.split('"').next().unwrap().parse().unwrap()
                    };
                    (attr("x"), attr("y"))
                })
                .collect()
        };
        let beside = swatches(&wide.markup);
        assert_eq!(beside.len(), 3);
        assert!(
            beside.iter().all(|&(x, y)| x >= 200.0 && y < 200.0),
            "legend beside the ring: {beside:?}"
        );
        let under = swatches(&narrow.markup);
        assert_eq!(under.len(), 3);
        assert!(
            under.iter().all(|&(x, y)| y >= 200.0 && x + 14.0 <= 300.0),
            "legend under the ring: {under:?}"
        );
        assert!(under.windows(2).all(|w| w[1].1 > w[0].1), "one row each");
        assert!(narrow.height > 200.0 + 2.0 * 26.0);
        for width in [320.0, 600.0, 900.0] {
            let bars = draw(&marks, Shape::Bar, Lang::En, 0, false, width);
            assert_eq!(bars.width, width);
            // Every x in the markup lies within the view box.
            for x in bars.markup.split(" x=\"").skip(1) {
                let x: i32 = x.split('"').next().unwrap().parse().unwrap();
                assert!((0..=width as i32).contains(&x), "x={x} at width {width}");
            }
        }
        assert_eq!(
            draw(&marks, Shape::Bar, Lang::En, 0, false, 100.0).width,
            MIN_WIDTH
        );
    }

    #[test]
    fn feed_colours_and_palette_colours_need_no_style_attribute() {
        let mut feed = mark("A", 1);
        feed.paint = Paint::Feed("#2e7d32".into());
        let d = draw(&[feed, mark("B", 1)], Shape::Bar, Lang::En, 0, false, WIDTH);
        assert!(d.markup.contains("color=\"#2e7d32\""));
        assert!(d.markup.contains("class=\"ck-value ck-c1\""));
        assert!(!d.markup.contains("style="));
    }
}
