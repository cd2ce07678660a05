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
use super::geometry::{DONUT_UNITS, LINE, bar_layout, column_layout, donut_slices, wrap};
use crate::i18n::{Lang, intl::format_number};

/// Width of the drawing until its container has been measured, in CSS pixels.
pub(crate) const WIDTH: f64 = 600.0;
/// The narrowest drawing laid out; a narrower container scales it down. Bars with their
/// names above them, columns and a donut with its legend under it fit a phone at twice the
/// usual text (a 360 px screen leaves some 160 px at 32 px) without shrinking it.
pub(crate) const MIN_WIDTH: f64 = 150.0;

/// How a mark is coloured: the feed's colour, or one of the theme's `--ck-c1`… (by number).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Paint {
    /// A colour the feed gave (validated `#rgb` or `#rrggbb`).
    Feed(String),
    /// The theme's palette colour with this number, from 1.
    Palette(usize),
}

/// One drawn category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Mark {
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
    /// Its share of the whole, for parts of a whole.
    pub share: Option<Share>,
    /// Members by the end of the year, for years.
    pub running: Option<usize>,
    /// In a chart linked to a directory, whether the mark's facet value is chosen there;
    /// `None` for a mark no facet stands for (the places taken together, a year).
    pub pressed: Option<bool>,
}

/// A drawing: the markup inside the `<svg>`, its height, and where each mark's tooltip
/// points, in SVG units.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Drawing {
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

/// A part's share of the whole, as the chart writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Share {
    /// This whole per cent.
    About(u32),
    /// Some members, but under 1 %: "<1 %", never "0 %".
    UnderOne,
    /// Short of the whole, but over 99 %: ">99 %", never "100 %".
    OverNinetyNine,
}

impl Share {
    /// The share of a part of `count` members of `total`, rounded to `percent`.
    pub(crate) fn of(percent: u32, count: usize, total: usize) -> Share {
        match percent {
            0 if count > 0 => Share::UnderOne,
            100 if count < total => Share::OverNinetyNine,
            p => Share::About(p),
        }
    }

    /// The whole per cent it rounds to, for a column of numbers.
    pub(crate) fn rounded(self) -> u32 {
        match self {
            Share::About(p) => p,
            Share::UnderOne => 0,
            Share::OverNinetyNine => 100,
        }
    }
}

/// A share with the per cent sign as each language writes it.
pub(crate) fn percent(lang: Lang, share: Share) -> String {
    let (sign, n) = match share {
        Share::About(p) => ("", p),
        Share::UnderOne => ("<", 1),
        Share::OverNinetyNine => (">", 99),
    };
    let n = format_number(lang, n as usize);
    if lang == Lang::En {
        format!("{sign}{n}%")
    } else {
        format!("{sign}{n}\u{a0}%")
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
pub(crate) fn draw(
    marks: &[Mark],
    shape: Shape,
    lang: Lang,
    current: usize,
    linked: bool,
    width: f64,
) -> Drawing {
    let mut pen = Pen {
        out: String::new(),
        anchors: Vec::with_capacity(marks.len()),
        counts: marks.iter().map(|m| m.count).collect(),
        marks,
        lang,
        current,
        linked,
        width: width.max(MIN_WIDTH),
    };
    let height = match shape {
        Shape::Bar => pen.bars(),
        Shape::Column => pen.columns(),
        Shape::Donut => pen.donut(),
    };
    Drawing {
        width: pen.width,
        markup: pen.out,
        height,
        anchors: pen.anchors,
    }
}

/// A drawing being written: its markup and each mark's tooltip anchor so far, and what every
/// shape draws from.
struct Pen<'a> {
    out: String,
    anchors: Vec<(f64, f64)>,
    marks: &'a [Mark],
    counts: Vec<usize>,
    lang: Lang,
    current: usize,
    linked: bool,
    width: f64,
}

impl Pen<'_> {
    /// Horizontal bars, each name left of its bar (above it in a narrow drawing) and its
    /// count after it; returns the height.
    fn bars(&mut self) -> f64 {
        // Room after the longest bar for the longest count (13px text, 7.5 units a
        // character at most).
        let widest = self
            .marks
            .iter()
            .map(|m| value(m, self.lang).chars().count())
            .max()
            .unwrap_or(0);
        let names: Vec<&str> = self.marks.iter().map(|m| m.name.as_str()).collect();
        let layout = bar_layout(&self.counts, &names, self.width, widest as f64 * 7.5 + 10.0);
        let (x, max, h) = (px(layout.bar_x), px(layout.bar_max), px(layout.bar_height));
        // Names end left of the bars, less a margin, or start at the drawing's left edge above
        // them (2 units in: the left side of a "T" reaches past its origin); their room, for
        // `fit::squeeze`, runs to the other edge.
        let (anchor, name_x, room) = if layout.stacked {
            ("start", 2, px(layout.width) - 2)
        } else {
            ("end", x - 8, x - 10)
        };
        for (k, (m, bar)) in self.marks.iter().zip(&layout.bars).enumerate() {
            let mid = px(bar.y + layout.bar_height / 2.0);
            let (y, w) = (px(bar.y), px(bar.width));
            // The tooltip over the bar, or over its name above it, which it would hide.
            let top = if layout.stacked {
                bar.label_y - LINE / 2.0
            } else {
                bar.y
            };
            self.anchors
                .push((layout.bar_x + bar.width / 2.0, top - 1.0));
            open_mark(&mut self.out, k, self.current, m, self.linked);
            // An empty bar's track takes its focus ring: the bar has no width to draw it.
            let _ = write!(
                self.out,
                "<rect class=\"ck-bar-track{}\" x=\"{x}\" y=\"{y}\" width=\"{max}\" height=\"{h}\" rx=\"3\"/>\
                 <rect part=\"bar\" {} fill=\"currentColor\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"3\"/></g>",
                if m.count == 0 { " ck-empty" } else { "" },
                paint(&m.paint, "ck-value"),
            );
            open_texts(&mut self.out, k);
            let _ = write!(
                self.out,
                "<text y=\"{}\" dominant-baseline=\"middle\" text-anchor=\"{anchor}\" data-room=\"{room}\">",
                px(bar.label_y)
            );
            let lines = bar.label.len();
            for (i, line) in bar.label.iter().enumerate() {
                // Beside its bar, a name of two lines is centred on it.
                let dy = match (i, lines, layout.stacked) {
                    (0, 1, _) | (0, _, true) => "0",
                    (0, _, false) => "-0.55em",
                    (_, _, false) => "1.1em",
                    (_, _, true) => "16",
                };
                let _ = write!(
                    self.out,
                    "<tspan x=\"{name_x}\" dy=\"{dy}\">{}</tspan>",
                    escape(line)
                );
            }
            let _ = write!(
                self.out,
                "</text><text x=\"{}\" y=\"{mid}\" dominant-baseline=\"middle\">{}</text></g>",
                x + w + 6,
                value(m, self.lang)
            );
        }
        layout.height
    }

    /// Columns over a scale of gridlines, each name under its column; returns the height.
    fn columns(&mut self) -> f64 {
        let names: Vec<&str> = self.marks.iter().map(|m| m.name.as_str()).collect();
        let layout = column_layout(&self.counts, &names, self.width, 244.0);
        let left = px(layout.plot_x);
        self.out
            .push_str("<g class=\"ck-ticks\" aria-hidden=\"true\">");
        for &(v, y) in &layout.ticks {
            let y = px(y);
            let _ = write!(
                self.out,
                "<line x1=\"{left}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\"/>\
                 <text x=\"{}\" y=\"{y}\" dominant-baseline=\"middle\" text-anchor=\"end\">{}</text>",
                px(self.width),
                left - 6,
                format_number(self.lang, v)
            );
        }
        self.out.push_str("</g>");
        // The plot's top: where an empty column's slot, which takes its focus ring and its
        // clicks, reaches up to.
        let top = layout.ticks.last().map_or(layout.baseline, |&(_, y)| y);
        for (k, (m, c)) in self.marks.iter().zip(&layout.columns).enumerate() {
            let centre = c.x + c.width / 2.0;
            self.anchors.push((centre, c.y));
            open_mark(&mut self.out, k, self.current, m, self.linked);
            let _ = write!(
                self.out,
                "<rect part=\"bar\" {} fill=\"currentColor\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\"/>",
                paint(&m.paint, "ck-value"),
                px(c.x),
                px(c.y),
                px(c.width).max(1),
                px(c.height)
            );
            if m.count == 0 {
                let _ = write!(
                    self.out,
                    "<rect class=\"ck-empty\" fill=\"transparent\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\"/>",
                    px(c.x),
                    px(top),
                    px(c.width).max(1),
                    px(layout.baseline - top)
                );
            }
            self.out.push_str("</g>");
            if c.label.is_empty() {
                continue;
            }
            open_texts(&mut self.out, k);
            // Across, a line centred under its column has no more room than to the nearer
            // edge of the drawing, twice.
            let (x, room) = if layout.upright {
                (c.label_x, layout.label_room)
            } else {
                let x = c.label_x;
                (x, layout.label_room.min(2.0 * x.min(self.width - x) - 4.0))
            };
            let (x, room) = (px(x), px(room));
            // Upright, the label ends just under its column and reads upwards.
            let _ = if layout.upright {
                let y = px(layout.baseline + 8.0);
                write!(
                    self.out,
                    "<text x=\"{x}\" y=\"{y}\" text-anchor=\"end\" dominant-baseline=\"middle\" transform=\"rotate(-90 {x} {y})\" data-room=\"{room}\">"
                )
            } else {
                write!(
                    self.out,
                    "<text y=\"{}\" text-anchor=\"middle\" data-room=\"{room}\">",
                    px(layout.baseline + 16.0)
                )
            };
            // Each line below the one before; upright, that is right of it, and the lines
            // are centred on the column.
            let first = if layout.upright {
                -8 * (c.label.len() as i32 - 1)
            } else {
                0
            };
            for (i, line) in c.label.iter().enumerate() {
                let _ = write!(
                    self.out,
                    "<tspan x=\"{x}\" dy=\"{}\">{}</tspan>",
                    if i == 0 { first } else { 16 },
                    escape(line)
                );
            }
            self.out.push_str("</text></g>");
        }
        layout.height
    }

    /// A ring of slices with its legend beside it, or under it when narrow; returns the height.
    fn donut(&mut self) -> f64 {
        let row = 26.0;
        // The ring is laid out 200 units across, and drawn as wide in a drawing narrower than
        // that (a phone at a larger text) rather than the whole drawing, text and all, being
        // scaled down: in an `<svg>` of its own, whose view box scales it.
        let ring = px(self.width.min(200.0));
        // Of no role, so that the marks in it stay the items of the drawing's list.
        let nest = format!(
            "<svg role=\"none\" width=\"{ring}\" height=\"{ring}\" viewBox=\"0 0 200 200\" overflow=\"visible\">"
        );
        // The legend goes beside the ring, or under it in a narrow container.
        let (legend_x, legend_y) = if self.width >= 440.0 {
            (220.0, 24.0)
        } else {
            (10.0, f64::from(ring) + 24.0)
        };
        let slices = donut_slices(&self.counts);
        // Each entry on as many lines (up to three) as its name and count need in the
        // width beside its swatch, as the bars' names wrap: cut off, a long segment
        // name lost its count on a phone.
        let text_x = legend_x + 22.0;
        let chars = ((self.width - text_x - 6.0) / 8.0) as usize;
        let mut y = legend_y;
        for (k, (m, slice)) in self.marks.iter().zip(&slices).enumerate() {
            self.anchors.push((legend_x + 80.0, y - 10.0));
            // The mark inside the ring's `<svg>`, so that its slice's parent is the mark.
            self.out.push_str(&nest);
            open_mark(&mut self.out, k, self.current, m, self.linked);
            let _ = write!(
                self.out,
                "<circle part=\"bar\" {} fill=\"none\" stroke=\"currentColor\" cx=\"100\" cy=\"100\" r=\"80\" \
                 pathLength=\"{DONUT_UNITS}\" stroke-dasharray=\"{} {DONUT_UNITS}\" \
                 stroke-dashoffset=\"-{}\" transform=\"rotate(-90 100 100)\"/></g></svg>",
                paint(&m.paint, "ck-slice"),
                slice.length,
                slice.offset,
            );
            open_texts(&mut self.out, k);
            let _ = write!(
                self.out,
                "<rect {} fill=\"currentColor\" x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" rx=\"3\"/>\
                 <text y=\"{}\" dominant-baseline=\"middle\" data-room=\"{}\">",
                paint(&m.paint, "ck-swatch"),
                px(legend_x),
                px(y - 11.0),
                px(y - 4.0),
                px(self.width - text_x - 6.0),
            );
            let lines = wrap(
                &format!("{}{}: {}", m.name, ltr_after(&m.name), value(m, self.lang)),
                chars,
                3,
            );
            for (i, line) in lines.iter().enumerate() {
                let _ = write!(
                    self.out,
                    "<tspan x=\"{}\" dy=\"{}\">{}</tspan>",
                    px(text_x),
                    if i == 0 { "0" } else { "1.15em" },
                    escape(line)
                );
            }
            self.out.push_str("</text></g>");
            y += row + (lines.len().max(1) - 1) as f64 * 16.0;
        }
        // A line of the background's colour where each slice begins, so that two slices
        // of one colour (the palette has six) never read as one.
        if self.marks.len() > 1 {
            let _ = write!(
                self.out,
                "<g class=\"ck-spokes\" aria-hidden=\"true\">{nest}"
            );
            for slice in &slices {
                // In tenths of a degree, written without the float formatting code.
                let tenths = u64::from(slice.offset) * 3600 / u64::from(DONUT_UNITS);
                let _ = write!(
                    self.out,
                    "<line x1=\"100\" y1=\"1\" x2=\"100\" y2=\"39\" transform=\"rotate({}.{} 100 100)\"/>",
                    tenths / 10,
                    tenths % 10
                );
            }
            self.out.push_str("</svg></g>");
        }
        // The ring's edges, shown when a slice is too faint against the background.
        let _ = write!(
            self.out,
            "<g class=\"ck-ring\" aria-hidden=\"true\">{nest}<circle cx=\"100\" cy=\"100\" r=\"98\"/>\
             <circle cx=\"100\" cy=\"100\" r=\"62\"/></svg></g>",
        );
        (y - 4.0).max(f64::from(ring))
    }
}

/// A left-to-right mark to write after `name` where it holds right-to-left letters (Arabic,
/// Hebrew): the count after it then keeps its place and its brackets on the line, as the
/// directory's `<bdi>` keeps a place's; nothing for other names.
fn ltr_after(name: &str) -> &'static str {
    let rtl = |c: char| matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}');
    if name.chars().any(rtl) {
        "\u{200E}"
    } else {
        ""
    }
}

#[cfg(test)]
pub(super) mod tests;
