//! The chart's layouts, checked against what each promises: bars, columns, wrapped labels.

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
    // Short names at 400 units go beside their bars; long ones there would be cut on two
    // lines of 160 units ("Experiències immersives (VR, XR,…"), so they go above their bars,
    // and beside them again where 40% of the width holds them whole.
    let short = bar_layout(&[10, 6, 4], &["Formació", "Animació", "VFX"], 400.0, 48.0);
    assert!(!short.stacked);
    assert_eq!(short.bar_x, 160.0);
    assert!(bar_layout(&[10, 6, 4], &names, 400.0, 48.0).stacked);
    assert!(bar_layout(&[10, 6, 4], &names, 600.0, 48.0).stacked);
    let wide = bar_layout(&[10, 6, 4], &names, 700.0, 48.0);
    assert!(!wide.stacked);
    for (bar, name) in wide.bars.iter().zip(names) {
        assert_eq!(bar.label.join(" "), name);
        assert!(bar.label.iter().all(|l| l.chars().count() * 8 <= 280));
    }
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
        // Four digits of up to 8.3 units each: 16.6 either side of the middle.
        assert!(newest.label_x + 16.6 <= width, "at {width}");
        // The first begins past the axis' values, which end at 34 units.
        assert!(labelled[0].label_x - 16.6 >= 34.0, "at {width}");
        for pair in labelled.windows(2) {
            assert!(
                pair[1].label_x - pair[0].label_x >= 4.0 * 8.3,
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
    // Catalonia's twelve at 900 are too narrow to wrap without cutting words: upright, on
    // up to three lines of 18 characters side by side (a column's 71 units hold three of
    // 16), the drawing taller for them.
    let upright = column_layout(&[1; 12], &catalonia, 900.0, 244.0);
    assert!(upright.upright);
    assert_eq!(upright.columns[1].label, ["Serveis de", "producció"]);
    assert_eq!(upright.columns[2].label, ["Postproducció"]);
    assert_eq!(
        upright.columns[3].label,
        ["Estudis i parcs", "audiovisuals i", "tecnològics"]
    );
    assert_eq!(
        upright.columns[6].label,
        ["Experiències", "immersives (VR,", "XR, AR, metavers…"]
    );
    assert_eq!(upright.height, 256.0 + 18.0 * CHAR + 12.0);
    // Where a column holds one line, one line.
    let narrow = column_layout(&[1; 12], &catalonia, 320.0, 244.0);
    assert!(narrow.upright);
    assert_eq!(narrow.columns[1].label, ["Serveis de…"]);
    for names in [&madrid[..], &catalonia[..]] {
        for width in [260.0, 320.0, 600.0, 900.0, 1280.0, 2400.0] {
            let layout = column_layout(&vec![1; names.len()], names, width, 244.0);
            let labelled: Vec<&Column> = layout
                .columns
                .iter()
                .filter(|c| !c.label.is_empty())
                .collect();
            assert!(labelled.len() >= names.len() / 2, "{width}");
            let longest =
                |c: &Column| c.label.iter().map(|l| l.chars().count()).max().unwrap() as f64 * CHAR;
            for c in &labelled {
                assert!(c.label.len() <= if layout.upright { 3 } else { 2 });
                if layout.upright {
                    assert!(layout.baseline + 8.0 + longest(c) <= layout.height);
                }
            }
            for pair in labelled.windows(2) {
                let apart = pair[1].x - pair[0].x;
                let needed = if layout.upright {
                    (pair[0].label.len() + pair[1].label.len()) as f64 * 8.0
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

#[test]
fn a_wider_chart_never_cuts_more_column_names_than_a_narrower_one() {
    let madrid = [
        "Producció",
        "Animació i efectes visuals",
        "Postproducció",
        "Estudis i serveis de rodatge",
        "Distribució i exhibició",
        "Televisió, ràdio i pòdcast",
        "Tecnologia",
        "Formació",
    ];
    let cut = |width: f64| {
        column_layout(&[1; 8], &madrid, width, 244.0)
            .columns
            .iter()
            .filter(|c| c.label.concat().ends_with('…'))
            .count()
    };
    // Upright on three lines at 875 units, every name whole; at 900, across on two lines
    // would have cut three of them.
    assert_eq!(cut(875.0), 0);
    let mut fewest = usize::MAX;
    for width in (300..=2400).step_by(25) {
        let now = cut(f64::from(width));
        assert!(
            now <= fewest,
            "{now} names cut at {width}, {fewest} narrower"
        );
        fewest = fewest.min(now);
    }
}

#[test]
fn the_latest_year_is_named_and_no_two_years_touch_at_any_width_and_count() {
    let names: Vec<String> = (1950..2030).map(|y| y.to_string()).collect();
    for n in 1..=80 {
        let years: Vec<&str> = names[names.len() - n..]
            .iter()
            .map(String::as_str)
            .collect();
        for width in (100..=1000).step_by(25) {
            let layout = column_layout(&vec![1; n], &years, f64::from(width), 244.0);
            let labelled: Vec<&Column> = layout
                .columns
                .iter()
                .filter(|c| !c.label.is_empty())
                .collect();
            let at = format!("{n} years at {width}");
            assert_eq!(labelled.last().unwrap().label, ["2029"], "{at}");
            for pair in labelled.windows(2) {
                assert!(pair[1].label_x - pair[0].label_x >= 4.0 * 8.3, "{at}");
            }
        }
    }
}

#[test]
fn a_part_of_one_member_among_thousands_shows_a_bar_a_column_and_a_slice() {
    let names = ["Big", "One", "None"];
    let counts = [3000, 1, 0];
    let bars = bar_layout(&counts, &names, 360.0, 40.0);
    let widths: Vec<f64> = bars.bars.iter().map(|b| b.width).collect();
    assert!(widths[1] >= 3.0, "one member's bar shows: {widths:?}");
    assert_eq!(widths[2], 0.0, "no member, no bar");
    let columns = column_layout(&counts, &names, 360.0, 200.0);
    let heights: Vec<f64> = columns.columns.iter().map(|c| c.height).collect();
    assert!(heights[1] >= 3.0, "one member's column shows: {heights:?}");
    assert_eq!(heights[2], 0.0);
    assert!(heights[0] > 190.0, "the largest keeps its height");
    let slices = donut_slices(&counts);
    assert!(
        slices[1].length >= 3,
        "one member's slice shows: {slices:?}"
    );
    assert_eq!(slices[2].length, 0);
    assert_eq!(slices.iter().map(|s| s.length).sum::<u32>(), DONUT_UNITS);
}

#[test]
fn a_columns_axis_values_and_upright_names_stay_inside_the_drawing() {
    let names: Vec<String> = (1..=40).map(|i| format!("Segment {i}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut counts = vec![2; 40];
    counts[0] = 3000;
    for width in [320.0, 360.0, 800.0, 1280.0] {
        let layout = column_layout(&counts, &names, width, 200.0);
        // "3,000" ends 6 units left of the plot: four digits and a comma, 8.5 and 4.5 wide.
        assert!(
            layout.plot_x - 6.0 - (4.0 * 8.5 + 4.5) >= 0.0,
            "{width}: {}",
            layout.plot_x
        );
        assert!(layout.upright, "{width}");
        for c in layout.columns.iter().filter(|c| !c.label.is_empty()) {
            let half = c.label.len() as f64 * LINE / 2.0;
            assert!(
                c.label_x + half <= width,
                "{width}: {:?} at {}",
                c.label,
                c.label_x
            );
            assert!(c.label_x - half >= layout.plot_x, "{width}: {:?}", c.label);
        }
    }
}

#[test]
fn two_shown_upright_names_never_touch_where_one_is_kept_in_the_drawing() {
    let names: Vec<String> = (1..=60).map(|i| format!("Segment {i}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let counts = vec![5; 60];
    for n in 2..=60 {
        for width in (320..=1400).step_by(20) {
            let layout = column_layout(&counts[..n], &names[..n], f64::from(width), 200.0);
            let shown: Vec<&Column> = layout
                .columns
                .iter()
                .filter(|c| !c.label.is_empty())
                .collect();
            for pair in shown.windows(2) {
                let room = (pair[0].label.len() + pair[1].label.len()) as f64 * LINE / 2.0;
                assert!(
                    pair[1].label_x - pair[0].label_x >= room,
                    "{n} columns at {width}: {:?} at {} and {:?} at {}",
                    pair[0].label,
                    pair[0].label_x,
                    pair[1].label,
                    pair[1].label_x
                );
            }
        }
    }
}
