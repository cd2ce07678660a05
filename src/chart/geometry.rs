//! The chart's pure maths: bars, columns and their axis, donut slices, labels that fit.

mod donut;
pub use donut::{DONUT_UNITS, donut_slices};

/// Where one horizontal bar and its name go, in SVG user units.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Top of the bar.
    pub y: f64,
    /// Length of the bar (0 for a zero count).
    pub width: f64,
    /// The lines of its name.
    pub label: Vec<String>,
    /// The middle of the name's first line.
    pub label_y: f64,
}

/// The layout of a horizontal bar chart.
#[derive(Clone, Debug, PartialEq)]
pub struct BarLayout {
    /// Total width of the drawing.
    pub width: f64,
    /// Total height of the drawing.
    pub height: f64,
    /// Where bars start; beside them, names end just before.
    pub bar_x: f64,
    /// The longest a bar can be.
    pub bar_max: f64,
    /// Height of each bar.
    pub bar_height: f64,
    /// Whether each name is written above its bar, across the drawing's width, rather than
    /// left of it.
    pub stacked: bool,
    /// One per count, in order.
    pub bars: Vec<Bar>,
}

/// The height of a line of a name, in SVG units (13-unit text).
pub const LINE: f64 = 16.0;

/// Below this width, in SVG units (the text's own 13 units, scaled with the visitor's font),
/// bars are stacked: each name goes above its bar on up to three lines across the drawing,
/// as a phone's chart in the best news graphics does. Beside its bar, a name had 40% of a
/// phone's width, two lines of some 17 characters: "Experiències immersives (VR,…", and at a
/// visitor's larger text, less still.
pub const STACK_BELOW: f64 = 400.0;

/// Lays out bars for `counts`, named by `names` (one per count), in a drawing `width` wide;
/// the longest bar leaves `value_room` after it for its count. In a drawing as wide as
/// [`STACK_BELOW`] or more, names take up to 40% on the left, wrapped to two lines; in a
/// narrower one, each name goes above its bar.
pub fn bar_layout(counts: &[usize], names: &[&str], width: f64, value_room: f64) -> BarLayout {
    let bar_height = 20.0;
    let stacked = width < STACK_BELOW;
    let bar_x = if stacked { 0.0 } else { (width * 0.4).round() };
    let bar_max = (width - bar_x - value_room).max(1.0);
    let max = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    // What fits on a line of a name, at 8 units a character at most in Latin scripts.
    let (chars, lines) = if stacked {
        ((width / 8.0) as usize, 3)
    } else {
        ((bar_x / 8.0) as usize, 2)
    };
    // The top of the next row.
    let mut y = 0.0;
    let bars = counts
        .iter()
        .zip(names)
        .map(|(&n, name)| {
            let label = wrap(name, chars, lines);
            let (top, label_y, row) = if stacked {
                let names = label.len().max(1) as f64 * LINE;
                (
                    y + names + 2.0,
                    y + LINE / 2.0,
                    names + 2.0 + bar_height + 12.0,
                )
            } else {
                (y + 5.0, y + 15.0, 30.0)
            };
            y += row;
            Bar {
                y: top,
                width: n as f64 / max * bar_max,
                label,
                label_y,
            }
        })
        .collect();
    BarLayout {
        width,
        // Stacked, the last row needs no gap under its bar.
        height: if stacked && y > 0.0 { y - 12.0 } else { y },
        bar_x,
        bar_max,
        bar_height,
        stacked,
        bars,
    }
}

/// The words of `label`, apart at the spaces a line may break at: not at a no-break space,
/// which keeps "7 %" whole.
fn breakable(label: &str) -> impl Iterator<Item = &str> {
    label
        .split(|c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}'))
        .filter(|w| !w.is_empty())
}

/// A label broken into at most `lines` lines of at most `width` characters, at spaces where
/// it can (a longer word is cut), the last line ending in an ellipsis when the label does
/// not fit. The full label stays available to the visitor in the bar's accessible name.
pub fn wrap(label: &str, width: usize, lines: usize) -> Vec<String> {
    let width = width.max(2);
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut words = breakable(label).peekable();
    while let Some(word) = words.next() {
        let len = line.chars().count();
        let fits = if len == 0 {
            word.chars().count() <= width
        } else {
            len + 1 + word.chars().count() <= width
        };
        if fits {
            if len > 0 {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if len > 0 {
            out.push(std::mem::take(&mut line));
        }
        if out.len() == lines {
            break;
        }
        line = word.to_owned();
        if word.chars().count() > width {
            // A word longer than a line: the last line cuts it; otherwise it gets a line of
            // its own, cut.
            line = truncate(word, width);
            if out.len() + 1 < lines && words.peek().is_some() {
                out.push(std::mem::take(&mut line));
            }
        }
    }
    if !line.is_empty() && out.len() < lines {
        out.push(line);
    }
    let shown: usize = out.iter().map(|l| breakable(l).count()).sum();
    if shown < breakable(label).count()
        && let Some(last) = out.last_mut()
        && !last.ends_with('…')
    {
        let kept = last.chars().count().min(width - 1);
        let mut cut: String = last.chars().take(kept).collect();
        while cut.as_bytes().last() == Some(&b' ') {
            cut.pop();
        }
        *last = cut + "…";
    }
    out
}

/// A round step for an axis from 0 to `max` with at most `ticks` steps: 1, 2 or 5 times a
/// power of ten, never below 1 (counts are whole).
pub fn nice_step(max: usize, ticks: usize) -> usize {
    let ticks = ticks.max(1);
    let mut power = 1;
    loop {
        for m in [1, 2, 5] {
            let step = m * power;
            if max.div_ceil(step) <= ticks {
                return step;
            }
        }
        power *= 10;
    }
}

/// The most an average character of the chart's 13px text is wide, in SVG units (a wide
/// sans-serif), for labels that must not run into each other.
pub const CHAR: f64 = 7.5;

/// One column of a column chart, in SVG user units.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Left edge.
    pub x: f64,
    /// Top of the column (the baseline minus its height).
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height (0 for a zero count).
    pub height: f64,
    /// The lines of its label under it; none where crowded labels are thinned out.
    pub label: Vec<String>,
    /// The middle of its label, across: under the column, but for the last of names thinned
    /// out, which ends at the drawing's right edge rather than run off it.
    pub label_x: f64,
}

/// The layout of a column chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnLayout {
    /// Where the columns stand.
    pub baseline: f64,
    /// Left edge of the plot (the axis labels are to its left).
    pub plot_x: f64,
    /// The axis' round values and their heights: `(value, y)`, from 0 up.
    pub ticks: Vec<(usize, f64)>,
    /// One per count, in order.
    pub columns: Vec<Column>,
    /// Whether the labels are written upright (read from the bottom up), their end under
    /// their column: columns too narrow for them across.
    pub upright: bool,
    /// The longest a line of a label can be, across or upright, before it runs into the
    /// next label or off the drawing.
    pub label_room: f64,
    /// The height of the drawing, the labels included.
    pub height: f64,
}

/// Lays out columns for `counts` in a drawing `width` wide, the tallest `plot` high, with
/// room for the axis labels on the left and each column's name (`names`) under it. A name
/// takes the column's width, wrapped to two lines and cut with an ellipsis after that; where
/// columns are too narrow for that, short names (years) are thinned out evenly and longer
/// ones are written upright, cut after 18 characters.
pub fn column_layout(counts: &[usize], names: &[&str], width: f64, plot: f64) -> ColumnLayout {
    let plot_x = 40.0;
    let top = 12.0;
    let baseline = top + plot;
    let max = counts.iter().copied().max().unwrap_or(0);
    let step = nice_step(max.max(1), 5);
    let axis_max = (max.max(1)).div_ceil(step) * step;
    let scale = plot / axis_max as f64;
    let ticks = (0..=axis_max / step)
        .map(|k| (k * step, baseline - (k * step) as f64 * scale))
        .collect();
    let slot = (width - plot_x) / counts.len().max(1) as f64;
    // Characters on a line as wide as a column, less a gap.
    let fit = ((slot - 8.0) / CHAR) as usize;
    let (mut longest, mut word) = (0, 0);
    for name in names {
        longest = longest.max(name.chars().count());
        for w in breakable(name) {
            word = word.max(w.chars().count());
        }
    }
    // Across when the names fit, or when they wrap without cutting a word (or lines hold 16
    // characters); a label's width apart otherwise, thinned out or upright.
    let across = longest <= fit || fit >= word.min(16);
    let upright = !across && longest > 5;
    let cut = longest.min(18);
    let (label_width, below) = if upright {
        (18.0, cut as f64 * CHAR + 12.0)
    } else if across {
        (slot, if longest > fit { 40.0 } else { 24.0 })
    } else {
        (longest as f64 * CHAR + 8.0, 24.0)
    };
    let every = ((label_width / slot).ceil() as usize).max(1);
    let thinned = !across && !upright;
    // Thinned out, names are counted back from the last, so that the latest year keeps its
    // label; centred under its column, that label would run off the drawing by up to half
    // its width less half a column: it ends at the edge instead, 2 units in. The label
    // before it then stays only where the two stay a gap apart.
    let last = counts.len().saturating_sub(1);
    let text = label_width - 8.0;
    let centre = |i: usize| plot_x + (i as f64 + 0.5) * slot;
    let last_x = centre(last).min(width - text / 2.0 - 2.0);
    let columns = counts
        .iter()
        .zip(names)
        .enumerate()
        .map(|(i, (&n, name))| {
            let h = n as f64 * scale;
            let x = plot_x + i as f64 * slot;
            let crowded = thinned && i < last && centre(i) + text + 8.0 > last_x;
            Column {
                x: x + slot * 0.15,
                y: baseline - h,
                width: slot * 0.7,
                height: h,
                label_x: if thinned && i == last {
                    last_x
                } else {
                    centre(i)
                },
                label: if !(last - i).is_multiple_of(every) || crowded {
                    Vec::new()
                } else if upright {
                    wrap(name, cut, 1)
                } else if across {
                    wrap(name, fit, 2)
                } else {
                    vec![(*name).to_owned()]
                },
            }
        })
        .collect();
    ColumnLayout {
        baseline,
        plot_x,
        ticks,
        columns,
        upright,
        label_room: if upright {
            below - 12.0
        } else {
            every as f64 * slot - 8.0
        },
        height: baseline + below,
    }
}

/// `label` shortened to at most `max` characters, with an ellipsis when cut.
pub fn truncate(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_owned()
    } else {
        let mut s: String = label.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_count_and_stack_in_rows() {
        let layout = bar_layout(&[38, 19, 0], &["A", "B", "C"], 600.0, 48.0);
        assert!(!layout.stacked);
        assert_eq!(layout.bar_x, 240.0);
        assert_eq!(layout.bars[0].width, layout.bar_max);
        assert!((layout.bars[1].width - layout.bar_max / 2.0).abs() < 1e-9);
        assert_eq!(layout.bars[2].width, 0.0);
        // Rows of 30 units, each bar centred on its row and on its name.
        assert_eq!(layout.bars[2].y, 65.0);
        assert_eq!(layout.bars[2].label_y, 75.0);
        assert_eq!(layout.height, 90.0);
        assert!(
            layout.bar_x + layout.bar_max + 48.0 <= 600.0,
            "room for the count after the longest bar"
        );
    }

    #[test]
    fn in_a_narrow_drawing_each_name_goes_whole_above_its_bar() {
        let names = [
            "Experiències immersives (VR, XR, AR, metavers i videomapatge)",
            "Formació",
            "Estudis i parcs audiovisuals i de rodatge",
        ];
        let beside = bar_layout(&[10, 6, 4], &names, 400.0, 48.0);
        assert!(!beside.stacked);
        assert!(
            beside.bars[0].label.concat().ends_with('…'),
            "cut beside its bar"
        );
        let layout = bar_layout(&[10, 6, 4], &names, 340.0, 48.0);
        assert!(layout.stacked);
        assert_eq!(layout.bar_x, 0.0);
        assert_eq!(layout.bar_max, 340.0 - 48.0);
        for (bar, name) in layout.bars.iter().zip(names) {
            // Whole, on lines that fit the width at 8 units a character.
            assert_eq!(bar.label.join(" "), name);
            assert!(bar.label.iter().all(|l| l.chars().count() * 8 <= 340));
            // The name's lines lie above the bar, and under the row before.
            let last_line = bar.label_y + (bar.label.len() - 1) as f64 * LINE;
            assert!(last_line + LINE / 2.0 <= bar.y, "{name}: {bar:?}");
        }
        assert_eq!(layout.bars[0].label.len(), 2);
        for pair in layout.bars.windows(2) {
            assert!(pair[0].y + layout.bar_height < pair[1].label_y - LINE / 2.0);
        }
        let last = layout.bars.last().unwrap();
        assert_eq!(layout.height, last.y + layout.bar_height);
        // At a phone's width and twice the text, a name takes up to three lines.
        let large = bar_layout(&[10], &names[..1], 180.0, 48.0);
        assert_eq!(large.bars[0].label.len(), 3);
        assert!(
            large.bars[0]
                .label
                .iter()
                .all(|l| l.chars().count() * 8 <= 180)
        );
    }

    #[test]
    fn no_segments_or_all_zero_counts_draw_nothing_and_do_not_divide_by_zero() {
        assert!(bar_layout(&[], &[], 600.0, 48.0).bars.is_empty());
        assert_eq!(bar_layout(&[], &[], 300.0, 48.0).height, 0.0);
        let zero = bar_layout(&[0, 0], &["A", "B"], 600.0, 48.0);
        assert!(
            zero.bars
                .iter()
                .all(|b| b.width == 0.0 && b.width.is_finite())
        );
    }

    #[test]
    fn labels_wrap_at_spaces_and_end_in_an_ellipsis_when_they_do_not_fit() {
        assert_eq!(wrap("Training", 12, 2), ["Training"]);
        assert_eq!(
            wrap("Distribution and exhibition", 14, 2),
            ["Distribution", "and exhibition"]
        );
        assert_eq!(
            wrap("Immersive experiences for museums and fairs", 14, 2),
            ["Immersive", "experiences…"]
        );
        assert_eq!(
            wrap("Audiovisualstudiosandparks of Terrassa", 11, 2),
            ["Audiovisua…", "of Terrassa"]
        );
        assert_eq!(wrap("Postproducció", 8, 1), ["Postpro…"]);
        assert_eq!(
            wrap("Televisió, ràdio i pòdcast", 18, 1),
            ["Televisió, ràdio…"],
            "no space before the ellipsis"
        );
        assert!(wrap("", 10, 2).is_empty());
        for label in [
            "Serveis de producció audiovisual i cinematogràfica",
            "A B C D E F G H",
        ] {
            for width in 2..20 {
                for lines in 1..4 {
                    let got = wrap(label, width, lines);
                    assert!(got.len() <= lines, "{label} {width} {lines}: {got:?}");
                    assert!(got.iter().all(|l| l.chars().count() <= width), "{got:?}");
                }
            }
        }
    }

    #[test]
    fn a_line_never_breaks_at_a_no_break_space() {
        // "3 (7 %)" as Catalan, Spanish and Galician write a percentage.
        assert_eq!(
            wrap("Gran empresa: 3 (7\u{a0}%)", 15, 3),
            ["Gran empresa: 3", "(7\u{a0}%)"]
        );
        assert_eq!(wrap("1\u{202f}234\u{a0}%", 4, 2), ["1\u{202f}2…"]);
    }

    #[test]
    fn axis_steps_are_round_and_few() {
        assert_eq!(nice_step(0, 5), 1);
        assert_eq!(nice_step(4, 5), 1);
        assert_eq!(nice_step(7, 5), 2);
        assert_eq!(nice_step(38, 5), 10);
        assert_eq!(nice_step(204, 5), 50);
        assert_eq!(nice_step(10_000, 5), 2000);
        for max in 0..3000 {
            let step = nice_step(max, 5);
            assert!(max.div_ceil(step) <= 5);
        }
    }

    #[test]
    fn columns_share_the_width_and_crowded_labels_thin_out_without_overlap() {
        let layout = column_layout(
            &[3, 0, 12, 7],
            &["2021", "2022", "2023", "2024"],
            600.0,
            264.0,
        );
        assert_eq!(layout.columns.len(), 4);
        assert!(layout.columns.iter().all(|c| c.label.len() == 1));
        assert!(!layout.upright);
        assert_eq!((layout.baseline, layout.height), (276.0, 300.0));
        assert_eq!(layout.columns[1].height, 0.0);
        let top = &layout.columns[2];
        assert_eq!(top.y + top.height, layout.baseline);
        assert_eq!(
            layout.ticks.last().map(|t| t.0),
            Some(15),
            "12 rounds up to 15"
        );
        assert!((top.y - layout.ticks.last().unwrap().1 - top.height * 3.0 / 12.0).abs() < 1e-9);

        let names: Vec<String> = (1965..2025).map(|y| y.to_string()).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let years = column_layout(&[1; 60], &names, 600.0, 264.0);
        assert!(!years.upright, "years stay across, thinned out");
        let labelled: Vec<&Column> = years
            .columns
            .iter()
            .filter(|c| !c.label.is_empty())
            .collect();
        assert!(labelled.len() > 5 && labelled.len() < 60);
        for pair in labelled.windows(2) {
            let centres = (pair[1].x + pair[1].width / 2.0) - (pair[0].x + pair[0].width / 2.0);
            assert!(centres >= 4.0 * 7.5, "four-digit years do not overlap");
        }
        let empty = column_layout(&[], &[], 600.0, 264.0);
        assert!(empty.columns.is_empty() && empty.ticks.iter().all(|t| t.1.is_finite()));
        // The latest year keeps its label at any width, within the drawing and clear of the
        // label before it.
        let names: Vec<String> = (1990..2027).map(|y| y.to_string()).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        for width in [150.0, 320.0, 600.0, 900.0] {
            let years = column_layout(&[1; 37], &names, width, 244.0);
            let labelled: Vec<&Column> = years
                .columns
                .iter()
                .filter(|c| !c.label.is_empty())
                .collect();
            let newest = labelled.last().unwrap();
            assert_eq!(newest.label, ["2026"], "at {width}");
            assert!(newest.label_x + 2.0 * 7.5 <= width, "at {width}");
            for pair in labelled.windows(2) {
                assert!(
                    pair[1].label_x - pair[0].label_x >= 4.0 * 7.5,
                    "at {width}: {} and {}",
                    pair[0].label[0],
                    pair[1].label[0]
                );
            }
        }
    }

    #[test]
    fn column_names_fit_their_column_wrapped_or_upright_and_never_overlap() {
        let madrid = [
            "Production",
            "Animation and VFX",
            "Post-production",
            "Studios and production services",
            "Distribution and exhibition",
            "TV, radio and podcast",
            "Technology",
            "Training",
        ];
        let catalonia = [
            "Producció",
            "Serveis de producció",
            "Postproducció",
            "Estudis i parcs audiovisuals i tecnològics",
            "Distribució i exhibició",
            "Televisió, ràdio i pòdcast",
            "Experiències immersives (VR, XR, AR, metavers i videomapatge)",
            "Tecnologia",
            "Comunicació i publicitat",
            "Videojocs",
            "Formació",
            "Esdeveniments i sistemes integrats",
        ];
        // Madrid's eight segments at 1280 units wrap to two lines, each within its column.
        let wide = column_layout(&[1; 8], &madrid, 1280.0, 244.0);
        assert!(!wide.upright);
        assert_eq!(
            wide.columns[3].label,
            ["Studios and", "production services"]
        );
        assert_eq!(wide.height, 256.0 + 40.0, "room for two lines");
        // Catalonia's twelve at 900 are too narrow to wrap without cutting words: upright,
        // cut after 18 characters, the drawing taller for them.
        let upright = column_layout(&[1; 12], &catalonia, 900.0, 244.0);
        assert!(upright.upright);
        assert_eq!(upright.columns[2].label, ["Postproducció"]);
        assert_eq!(upright.columns[3].label, ["Estudis i parcs…"]);
        assert_eq!(upright.height, 256.0 + 18.0 * CHAR + 12.0);
        for names in [&madrid[..], &catalonia[..]] {
            for width in [260.0, 320.0, 600.0, 900.0, 1280.0, 2400.0] {
                let layout = column_layout(&vec![1; names.len()], names, width, 244.0);
                let labelled: Vec<&Column> = layout
                    .columns
                    .iter()
                    .filter(|c| !c.label.is_empty())
                    .collect();
                assert!(labelled.len() >= names.len() / 2, "{width}");
                let longest = |c: &Column| {
                    c.label.iter().map(|l| l.chars().count()).max().unwrap() as f64 * CHAR
                };
                for c in &labelled {
                    assert!(c.label.len() <= 2);
                    if layout.upright {
                        assert!(layout.baseline + 8.0 + longest(c) <= layout.height);
                    }
                }
                for pair in labelled.windows(2) {
                    let apart = pair[1].x - pair[0].x;
                    let needed = if layout.upright {
                        16.0
                    } else {
                        (longest(pair[0]) + longest(pair[1])) / 2.0
                    };
                    assert!(
                        apart >= needed,
                        "{width}: {:?} {:?}",
                        pair[0].label,
                        pair[1].label
                    );
                }
            }
        }
    }

    #[test]
    fn two_hundred_categories_get_a_row_each() {
        let layout = bar_layout(&[1; 200], &["Producció"; 200], 600.0, 48.0);
        assert_eq!(layout.bars.len(), 200);
        assert_eq!(layout.height, 200.0 * 30.0);
    }

    #[test]
    fn long_labels_are_cut_with_an_ellipsis() {
        assert_eq!(
            truncate("Immersive experiences (VR, XR, AR)", 12),
            "Immersive e…"
        );
        assert_eq!(truncate("Training", 12), "Training");
    }
}
