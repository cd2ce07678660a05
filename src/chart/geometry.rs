//! The segment chart's pure maths: counts and bar layout.

use crate::feed::Feed;

/// Members per segment, largest first (ties keep feed order): `(segment index, count)`.
/// A member in two segments counts in both.
pub fn members_per_segment(feed: &Feed) -> Vec<(usize, usize)> {
    let counts: Vec<usize> = feed
        .segments
        .iter()
        .map(|s| {
            feed.members
                .iter()
                .filter(|m| m.segments.contains(&s.id))
                .count()
        })
        .collect();
    crate::sort::sorted_indices(counts.len(), &|a, b| counts[b].cmp(&counts[a]))
        .into_iter()
        .map(|i| (i, counts[i]))
        .collect()
}

/// Where one horizontal bar goes, in SVG user units.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Top of the row.
    pub y: f64,
    /// Length of the bar (0 for a zero count).
    pub width: f64,
}

/// The layout of a horizontal bar chart.
#[derive(Clone, Debug, PartialEq)]
pub struct BarLayout {
    /// Total width of the drawing.
    pub width: f64,
    /// Total height of the drawing.
    pub height: f64,
    /// Where bars start; labels end just before.
    pub bar_x: f64,
    /// The longest a bar can be.
    pub bar_max: f64,
    /// Height of each row.
    pub row: f64,
    /// Height of each bar within its row.
    pub bar_height: f64,
    /// One per count, in order.
    pub bars: Vec<Bar>,
}

/// Lays out bars for `counts` in a drawing `width` wide: labels take up to 40% on the left,
/// counts are written after each bar, and the longest bar leaves room for its count.
pub fn bar_layout(counts: &[usize], width: f64) -> BarLayout {
    let row = 30.0;
    let bar_height = 20.0;
    let bar_x = (width * 0.4).round();
    let bar_max = (width - bar_x - 48.0).max(1.0);
    let max = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let bars = counts
        .iter()
        .enumerate()
        .map(|(i, &n)| Bar {
            y: i as f64 * row,
            width: n as f64 / max * bar_max,
        })
        .collect();
    BarLayout {
        width,
        height: counts.len() as f64 * row,
        bar_x,
        bar_max,
        row,
        bar_height,
        bars,
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
    use crate::feed::{Member, Segment};

    #[test]
    fn a_member_in_two_segments_counts_in_both_and_largest_comes_first() {
        let m = |id: &str, segs: &[&str]| Member {
            segments: segs.iter().map(|s| s.to_string()).collect(),
            ..Member::new(id, id)
        };
        let feed = Feed {
            segments: vec![
                Segment::new("a", "A"),
                Segment::new("b", "B"),
                Segment::new("c", "C"),
            ],
            members: vec![m("1", &["a", "b"]), m("2", &["b"]), m("3", &[])],
            ..Feed::default()
        };
        assert_eq!(members_per_segment(&feed), [(1, 2), (0, 1), (2, 0)]);
    }

    #[test]
    fn bars_scale_to_the_largest_count_and_stack_in_rows() {
        let layout = bar_layout(&[38, 19, 0], 600.0);
        assert_eq!(layout.bar_x, 240.0);
        assert_eq!(layout.bars[0].width, layout.bar_max);
        assert!((layout.bars[1].width - layout.bar_max / 2.0).abs() < 1e-9);
        assert_eq!(layout.bars[2].width, 0.0);
        assert_eq!(layout.bars[2].y, 60.0);
        assert_eq!(layout.height, 90.0);
        assert!(
            layout.bar_x + layout.bar_max + 48.0 <= 600.0,
            "room for the count after the longest bar"
        );
    }

    #[test]
    fn no_segments_or_all_zero_counts_draw_nothing_and_do_not_divide_by_zero() {
        assert!(bar_layout(&[], 600.0).bars.is_empty());
        let zero = bar_layout(&[0, 0], 600.0);
        assert!(
            zero.bars
                .iter()
                .all(|b| b.width == 0.0 && b.width.is_finite())
        );
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
