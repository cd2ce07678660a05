//! The chart's pure maths: bars, columns and their axis, donut slices, labels that fit.

mod donut;
pub(crate) use donut::{DONUT_UNITS, donut_slices};

/// Where one horizontal bar and its name go, in SVG user units.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Bar {
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
pub(crate) struct BarLayout {
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
pub(crate) const LINE: f64 = 16.0;

/// Below this width, in SVG units (the text's own 13 units, scaled with the visitor's font),
/// bars are stacked: each name goes above its bar on up to three lines across the drawing,
/// as a phone's chart in the best news graphics does. Beside its bar, a name had 40% of a
/// phone's width, two lines of some 17 characters: "Experiències immersives (VR,…", and at a
/// visitor's larger text, less still.
pub(crate) const STACK_BELOW: f64 = 400.0;

/// Lays out bars for `counts`, named by `names` (one per count), in a drawing `width` wide;
/// the longest bar leaves `value_room` after it for its count. In a drawing as wide as
/// [`STACK_BELOW`] or more, names take up to 40% on the left, wrapped to two lines, when
/// every name fits there whole; in a narrower one, or where a name would be cut beside its
/// bar ("Experiències immersives (VR, XR,…" in a sidebar), each name goes above its bar.
pub(crate) fn bar_layout(
    counts: &[usize],
    names: &[&str],
    width: f64,
    value_room: f64,
) -> BarLayout {
    let bar_height = 20.0;
    let beside = (width * 0.4).round();
    let stacked =
        width < STACK_BELOW || names.iter().any(|n| !whole(n, (beside / 8.0) as usize, 2));
    let bar_x = if stacked { 0.0 } else { beside };
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
                width: length(n, n as f64 / max * bar_max),
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

/// The least length of a bar or column that counts someone: a member among thousands
/// would round to nothing, and look like none.
const LEAST: f64 = 3.0;

/// The length of a bar or column of `n` members, `exact` by the scale.
fn length(n: usize, exact: f64) -> f64 {
    if n > 0 { exact.max(LEAST) } else { 0.0 }
}

/// The words of `label`, apart at the spaces a line may break at: not at a no-break space,
/// which keeps "7 %" whole.
fn breakable(label: &str) -> impl Iterator<Item = &str> {
    label
        .split(|c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}'))
        .filter(|w| !w.is_empty())
}

/// Whether `label` fits whole on `lines` lines of `width` characters.
fn whole(label: &str, width: usize, lines: usize) -> bool {
    holds(label, &wrap(label, width, lines))
}

/// Whether `lines`, `label` wrapped, hold all of it: no word left out or cut.
fn holds(label: &str, lines: &[String]) -> bool {
    lines.join(" ") == breakable(label).collect::<Vec<_>>().join(" ")
}

/// A label broken into at most `lines` lines of at most `width` characters, at spaces where
/// it can (a longer word is cut), the last line ending in an ellipsis when the label does
/// not fit. The full label stays available to the visitor in the bar's accessible name.
pub(crate) fn wrap(label: &str, width: usize, lines: usize) -> Vec<String> {
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
pub(crate) fn nice_step(max: usize, ticks: usize) -> usize {
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
pub(crate) const CHAR: f64 = 7.5;

/// The width of a digit of the chart's 13px text, in SVG units (8.3 in a common
/// sans-serif): years thinned out under their columns are spaced by it.
const DIGIT: f64 = 8.5;

/// One column of a column chart, in SVG user units.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Column {
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
pub(crate) struct ColumnLayout {
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
/// ones are written upright, on as many lines of 18 characters side by side as the column
/// holds (up to three), cut after that.
pub(crate) fn column_layout(
    counts: &[usize],
    names: &[&str],
    width: f64,
    plot: f64,
) -> ColumnLayout {
    let top = 12.0;
    let baseline = top + plot;
    let max = counts.iter().copied().max().unwrap_or(0);
    let step = nice_step(max.max(1), 5);
    let axis_max = (max.max(1)).div_ceil(step) * step;
    // Room left of the plot for the axis' largest value ("3,000"), which ends 6 units before
    // it: its digits, a separator in each group of three, and 2 units to the edge.
    let digits = axis_max.to_string().len() as f64;
    let plot_x = (digits * DIGIT + ((digits - 1.0) / 3.0).floor() * 4.5 + 8.0).max(40.0);
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
    let cut = longest.min(18);
    // Upright, as many lines side by side as the column's width holds, up to three: a name
    // of two or three short lines ("Serveis de / producció") rather than one cut after 18
    // characters.
    let upright_lines = ((slot - 2.0) / LINE).clamp(1.0, 3.0) as usize;
    // Each name wrapped both ways, once: to choose between them, then to draw the one chosen.
    let wrapped = |width: usize, lines: usize| -> Vec<Vec<String>> {
        names.iter().map(|n| wrap(n, width, lines)).collect()
    };
    let (on_two, upright_labels) = (wrapped(fit, 2), wrapped(cut, upright_lines));
    let cuts = |labels: &[Vec<String>]| {
        names
            .iter()
            .zip(labels)
            .filter(|(n, l)| !holds(n, l))
            .count()
    };
    // Across when the names fit, or when they wrap without cutting a word (or lines hold 16
    // characters) and cut no more names than upright would; a label's width apart
    // otherwise, thinned out or upright.
    let across = longest <= fit || (fit >= word.min(16) && cuts(&on_two) <= cuts(&upright_labels));
    let upright = !across && longest > 5;
    let upright_len = upright_labels
        .iter()
        .flatten()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0);
    let (label_width, below) = if upright {
        (
            upright_lines as f64 * LINE + 2.0,
            upright_len as f64 * CHAR + 12.0,
        )
    } else if across {
        (slot, if longest > fit { 40.0 } else { 24.0 })
    } else {
        // Thinned out, the names are short, years most often: a digit is wider than the
        // average character (8.3 units in a common sans-serif).
        (longest as f64 * DIGIT + 8.0, 24.0)
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
    // Likewise, the first label kept begins past the axis' values ("0" ends 6 units left
    // of the plot), not over them, and the label after it stays only where the two stay a
    // gap apart.
    let first = last % every;
    let first_x = if first == last {
        last_x
    } else {
        centre(first).max(plot_x - 4.0 + text / 2.0)
    };
    // Where each label's middle goes.
    let label_x = |i: usize| match i {
        // Upright, its lines side by side stay in the drawing where columns are narrower.
        _ if upright => {
            let half = upright_labels[i].len() as f64 * LINE / 2.0;
            centre(i).min(width - half).max(plot_x + half)
        }
        _ if !thinned => centre(i),
        i if i == last => last_x,
        i if i == first => first_x,
        i => centre(i),
    };
    let columns = counts
        .iter()
        .zip(names)
        .enumerate()
        .map(|(i, (&n, name))| {
            let h = length(n, n as f64 * scale);
            let x = plot_x + i as f64 * slot;
            // Too near the last (always named) or the first kept, a gap apart from neither.
            // Upright too, where the first or last is kept in the drawing nearer the next.
            let crowded = (thinned || upright)
                && i < last
                && (label_x(i) + text + 8.0 > label_x(last)
                    || (i > first && label_x(i) - text - 8.0 < label_x(first)));
            Column {
                x: x + slot * 0.15,
                y: baseline - h,
                width: slot * 0.7,
                height: h,
                label_x: label_x(i),
                label: if !(last - i).is_multiple_of(every) || crowded {
                    Vec::new()
                } else if upright {
                    upright_labels[i].clone()
                } else if across {
                    on_two[i].clone()
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
pub(crate) fn truncate(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_owned()
    } else {
        let mut s: String = label.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

#[cfg(test)]
mod tests;
