//! The drawings' markup, checked against what each shape promises.

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

/// Marks of these names and counts, in this order.
fn marks(named: &[(&str, usize)]) -> Vec<Mark> {
    named
        .iter()
        .map(|&(name, count)| mark(name, count))
        .collect()
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
fn a_right_to_left_name_in_the_donut_legend_is_closed_by_a_left_to_right_mark_before_its_count() {
    let marks = [mark("دبي", 1), mark("תל אביב", 2), mark("Vigo", 3)];
    let donut = draw(&marks, Shape::Donut, Lang::Ca, 0, false, 600.0);
    assert!(donut.markup.contains("دبي\u{200E}: 1"), "{}", donut.markup);
    assert!(donut.markup.contains("תל אביב\u{200E}: 2"));
    assert!(
        donut.markup.contains(">Vigo: 3"),
        "a left-to-right name as it is"
    );
}

#[test]
fn a_narrow_drawing_keeps_its_texts_inside_and_the_donut_legend_goes_under_the_ring() {
    let marks = marks(&[
        ("Producció", 12),
        ("Postproducció i efectes visuals", 30),
        ("So", 1),
    ]);
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
    // Narrower than the ring (a phone at twice the text), the ring is drawn as wide as the
    // drawing, not the drawing scaled down, and the legend goes under it.
    let phone = draw(&marks, Shape::Donut, Lang::En, 0, false, 160.0);
    assert_eq!(phone.width, 160.0);
    assert!(
        phone
            .markup
            .contains("<svg role=\"none\" width=\"160\" height=\"160\" viewBox=\"0 0 200 200\"")
    );
    let under = swatches(&phone.markup);
    assert!(
        under.iter().all(|&(x, y)| y >= 160.0 && x + 14.0 <= 160.0),
        "legend under the ring: {under:?}"
    );
    for width in [320.0, 600.0, 900.0] {
        let bars = draw(&marks, Shape::Bar, Lang::En, 0, false, width);
        assert_eq!(bars.width, width);
        // Every x in the markup lies within the view box.
        for x in bars.markup.split(" x=\"").skip(1) {
            let x: i32 = x.split('"').next().unwrap().parse().unwrap();
            assert!((0..=width as i32).contains(&x), "x={x} at width {width}");
        }
    }
    for shape in [Shape::Bar, Shape::Column, Shape::Donut] {
        assert_eq!(
            draw(&marks, shape, Lang::En, 0, false, 100.0).width,
            MIN_WIDTH
        );
    }
}

#[test]
fn each_label_has_room_inside_the_drawing_and_clear_of_its_neighbours() {
    // The room `fit::squeeze` narrows a line to, in the browser, from where it is anchored:
    // `(anchor, x, room)` for each text that has one.
    let rooms = |markup: &str| -> Vec<(String, f64, f64)> {
        markup
            .split("<text ")
            .skip(1)
            .filter(|t| t.contains("data-room"))
            .map(|t| {
                let attr = |name: &str| -> Option<String> {
                    let rest = t.split(&format!("{name}=\"")).nth(1)?;
                    Some(rest.split('"').next()?.to_owned())
                };
                // The line's x is on its `<tspan>`.
                let x = attr("x").unwrap().parse().unwrap();
                let anchor = attr("text-anchor").unwrap_or_else(|| "start".into());
                (anchor, x, attr("data-room").unwrap().parse().unwrap())
            })
            .collect()
    };
    let names = [
        "Producció",
        "MMW WORLDWIDE MULTIMEDIA WAREHOUSE MANAGEMENT WORKSHOPS",
        "Postproducció i efectes visuals",
        "So",
    ];
    // Names, and years: many short labels, thinned out under narrow columns.
    let years: Vec<String> = (1990..2027).map(|y| y.to_string()).collect();
    let cases = [2, 4, 30].map(|n| -> Vec<Mark> {
        (0..n)
            .map(|i| mark(names[i % names.len()], i + 1))
            .collect()
    });
    let cases = cases.into_iter().chain([5, 37].map(|n| -> Vec<Mark> {
        years[..n]
            .iter()
            .enumerate()
            .map(|(i, y)| mark(y, i + 1))
            .collect()
    }));
    for marks in cases {
        let count = marks.len();
        for width in [160.0, 320.0, 600.0, 900.0] {
            for shape in [Shape::Bar, Shape::Column, Shape::Donut] {
                let drawing = draw(&marks, shape, Lang::En, 0, false, width);
                let found = rooms(&drawing.markup);
                let labelled = drawing.markup.matches("<tspan").count();
                assert!(!found.is_empty() && found.len() <= labelled, "{shape:?}");
                let mut spans = Vec::new();
                for (anchor, x, room) in found {
                    assert!(room > 0.0, "{shape:?} at {width}: room {room}");
                    let upright = shape == Shape::Column && anchor == "end";
                    let (from, to) = match anchor.as_str() {
                        _ if upright => (0.0, 0.0),
                        "end" => (x - room, x),
                        "middle" => (x - room / 2.0, x + room / 2.0),
                        _ => (x, x + room),
                    };
                    assert!(
                        from >= 0.0 && to <= drawing.width,
                        "{shape:?} {count} at {width}: {anchor} {x} room {room}"
                    );
                    spans.push((from, to));
                }
                // Labels across under columns share the width: no two rooms overlap.
                if shape == Shape::Column {
                    for pair in spans.windows(2) {
                        assert!(pair[0].1 <= pair[1].0, "{count} at {width}: {spans:?}");
                    }
                }
            }
        }
    }
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

#[test]
fn a_bar_s_tooltip_points_above_its_name_where_the_name_is_above_the_bar() {
    let marks = marks(&[("Producció", 12), ("Distribució i exhibició", 9), ("So", 1)]);
    // The middle of each name's first line: the `y` of each text with a room.
    let names = |markup: &str| -> Vec<f64> {
        markup
            .split("<text y=\"")
            .skip(1)
            .filter(|t| t.contains("data-room"))
            .map(|t| t.split('"').next().unwrap().parse().unwrap())
            .collect()
    };
    let drawing = draw(&marks, Shape::Bar, Lang::Ca, 0, false, 320.0);
    let names = names(&drawing.markup);
    assert_eq!(names.len(), 3);
    for (&(_, y), name) in drawing.anchors.iter().zip(names) {
        // A line of 13-unit text reaches 8 units above its middle.
        assert!(y <= name - 8.0, "anchor {y}, name at {name}");
    }
}

#[test]
fn an_upright_name_of_two_lines_is_centred_on_its_column() {
    let marks = marks(&[
        ("Serveis de producció", 3),
        ("Producció", 3),
        ("Postproducció", 3),
        ("Distribució i exhibició", 3),
        ("Formació", 3),
        ("Videojocs", 3),
        ("Tecnologia", 3),
        ("Comunicació i publicitat", 3),
    ]);
    let drawing = draw(&marks, Shape::Column, Lang::Ca, 0, false, 600.0);
    // The first name's text: upright, then its lines, each a `<tspan>`.
    let text = drawing
        .markup
        .split("<text ")
        .find(|t| t.contains(">Serveis de<"))
        .unwrap();
    assert!(text.contains("transform=\"rotate(-90 "), "{text}");
    let lines: Vec<(&str, &str)> = text
        .split("<tspan ")
        .skip(1)
        .map(|t| {
            let dy = t.split("dy=\"").nth(1).unwrap().split('"').next().unwrap();
            let line = t.split('>').nth(1).unwrap().split('<').next().unwrap();
            (dy, line)
        })
        .collect();
    // Upright, a line below the one before is right of it: the first goes half a line left
    // of the column's middle, the second half a line right.
    assert_eq!(lines, [("-8", "Serveis de"), ("16", "producció")]);
}

#[test]
fn a_share_that_rounds_to_none_or_all_says_it_is_under_1_or_over_99_per_cent() {
    let shares = |counts: &[usize]| -> Vec<Share> {
        let total = counts.iter().sum();
        donut_slices(counts)
            .iter()
            .zip(counts)
            .map(|(slice, &count)| Share::of(slice.percent, count, total))
            .collect()
    };
    let [big, one, none] = shares(&[3000, 1, 0])[..] else {
        unreachable!()
    };
    assert_eq!(percent(Lang::En, big), ">99%");
    assert_eq!(percent(Lang::Ca, one), "<1\u{a0}%");
    assert_eq!(percent(Lang::Es, none), "0\u{a0}%");
    assert_eq!(percent(Lang::En, shares(&[3, 1])[0]), "75%");
    assert_eq!(percent(Lang::Gl, shares(&[5, 0])[0]), "100\u{a0}%");
}
