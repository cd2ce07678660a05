use super::*;

fn rgb(r: u8, g: u8, b: u8) -> Rgba {
    Rgba {
        r: f64::from(r) / 255.0,
        g: f64::from(g) / 255.0,
        b: f64::from(b) / 255.0,
        a: 1.0,
    }
}

#[test]
#[cfg(feature = "embed")]
fn muted_text_tints_and_links_keep_4_5_to_1_on_mid_tone_pages() {
    let (blue, light_blue) = (rgb(0x1a, 0x56, 0xb8), rgb(0x8a, 0xb4, 0xf8));
    // (text, page, accent): the muted text's opacity, worked out apart from this code,
    // and whether the accent is too faint for links there.
    for (fg, bg, accent, mute, plain) in [
        (BLACK, WHITE, blue, 68, false),
        (
            rgb(0x1f, 0x23, 0x28),
            rgb(0xee, 0xee, 0xee),
            blue,
            68,
            false,
        ),
        (WHITE, rgb(0x15, 0x65, 0xc0), light_blue, 88, true),
        (WHITE, rgb(0x2e, 0x7d, 0x32), light_blue, 92, true),
        (BLACK, rgb(0x77, 0x77, 0x77), blue, 96, true),
        (WHITE, rgb(0x16, 0x18, 0x1c), light_blue, 68, false),
    ] {
        let quiet = quieting(fg, accent, bg);
        assert_eq!(
            (quiet.mute, quiet.plain_accent),
            (mute, plain),
            "{fg:?} on {bg:?}"
        );
        let under = |c: Rgba, p: f64| {
            Rgba {
                a: p * f64::from(quiet.tint) / 10_000.0,
                ..c
            }
            .over(bg)
        };
        let accent = if plain { fg } else { accent };
        let card = under(fg, 4.0);
        let initials = Rgba {
            a: 14.0 * f64::from(quiet.tint) / 10_000.0,
            ..accent
        }
        .over(card);
        for below in [card, initials] {
            assert!(fg.contrast(below) >= 4.5, "{fg:?} on {bg:?}, {quiet:?}");
        }
    }
    assert_eq!(
        quieting(BLACK, blue, WHITE).tint,
        100,
        "the usual tints on white"
    );
    // A page whose own text has 4.5:1 at most: nothing quieter than it.
    assert_eq!(quieting(rgb(0x76, 0x76, 0x76), blue, WHITE).mute, 100);
}

#[test]
fn reads_colours_as_browsers_compute_them_and_as_feeds_give_them() {
    let blue = rgb(0x1a, 0x56, 0xb8);
    assert_eq!(Rgba::parse("#1a56b8"), Some(blue));
    assert_eq!(Rgba::parse("#1A56B8"), Some(blue));
    assert_eq!(Rgba::parse("rgb(26, 86, 184)"), Some(blue));
    assert_eq!(Rgba::parse("#fff"), Some(WHITE));
    let clear = Rgba::parse("rgba(0, 0, 0, 0)").unwrap();
    assert_eq!(clear.a, 0.0);
    let tint = Rgba::parse("color(srgb 0.5 0.25 1 / 0.04)").unwrap();
    assert_eq!((tint.r, tint.g, tint.b, tint.a), (0.5, 0.25, 1.0, 0.04));
    assert_eq!(Rgba::parse("rgb(26 86 184 / 0.5)").unwrap().a, 0.5);
    assert_eq!(Rgba::parse("transparent").unwrap().a, 0.0);
    for unknown in [
        "oklch(0.5 0.1 200)",
        "#12",
        "#ggg",
        "rgb(1, 2)",
        "rgb(1, 2, -3)",
        "rgb(1, 2, 3e2)",
        "rgb(1, ., 3)",
        "red",
        "",
    ] {
        assert_eq!(Rgba::parse(unknown), None, "{unknown}");
    }
}

#[test]
fn colours_are_written_back_as_css_reads_them() {
    let night = Rgba::parse("rgb(17, 17, 17)").unwrap();
    assert_eq!(night.css(), "rgb(17 17 17 / 100%)");
    assert_eq!(WHITE.css(), "rgb(255 255 255 / 100%)");
}

#[test]
fn contrast_ratios_match_the_wcag_examples() {
    let black = rgb(0, 0, 0);
    assert!((black.contrast(WHITE) - 21.0).abs() < 1e-9);
    assert!((WHITE.contrast(WHITE) - 1.0).abs() < 1e-9);
    // #767676 is the lightest grey with 4.5:1 on white, #949494 the lightest with 3:1.
    let grey = |v| rgb(v, v, v);
    assert!(grey(0x76).contrast(WHITE) >= 4.5 && grey(0x77).contrast(WHITE) < 4.5);
    assert!(grey(0x94).contrast(WHITE) >= NEEDED && grey(0x95).contrast(WHITE) < NEEDED);
    assert_eq!(grey(0x94).contrast(WHITE), WHITE.contrast(grey(0x94)));
}

#[test]
fn see_through_colours_count_as_painted_over_what_is_behind() {
    let half_black = Rgba {
        a: 0.5,
        ..rgb(0, 0, 0)
    };
    let mixed = half_black.over(WHITE);
    assert!((mixed.r - 0.5).abs() < 1e-9 && mixed.a == 1.0);
    // A dark colour at 4 % opacity is as faint as the white under it.
    let wash = Rgba {
        a: 0.04,
        ..rgb(0, 0, 0)
    };
    assert!(wash.over(WHITE).contrast(WHITE) < 1.1);
}

#[test]
fn the_light_palette_fails_on_a_dark_page_and_the_dark_one_passes() {
    let dark_page = rgb(0x16, 0x18, 0x1c);
    let (light, dark) = (
        Rgba::parse("#1a56b8").unwrap(),
        Rgba::parse("#8ab4f8").unwrap(),
    );
    assert!(light.contrast(WHITE) >= NEEDED && light.contrast(dark_page) < NEEDED);
    assert!(dark.contrast(dark_page) >= NEEDED);
}

#[test]
fn a_gradient_counts_as_the_mean_of_its_colours_and_a_picture_as_unknown() {
    // As Chromium computes a dark hero section's background.
    let (hero, picture) = image_layers("linear-gradient(135deg, rgb(11, 16, 32), rgb(27, 35, 64))");
    assert_eq!(hero.expect("two stops").css(), "rgb(19 26 48 / 100%)");
    assert!(!picture);
    // A veil over a photograph: the veil's colour, and a picture under it.
    let (veil, picture) = image_layers(
        "linear-gradient(rgba(0, 0, 0, 0.4), rgba(0, 0, 0, 0.4)), url(\"https://example.com/hero.jpg\")",
    );
    assert_eq!(veil.expect("two stops").a, 0.4);
    assert!(picture);
    // A see-through stop weighs nothing in the colour, only in the opacity: fading to white
    // is a half-transparent white, not a grey.
    let (fade, _) = image_layers("linear-gradient(rgba(0, 0, 0, 0), rgb(255, 255, 255))");
    assert_eq!(fade.expect("two stops").css(), "rgb(255 255 255 / 50%)");
    assert_eq!(
        image_layers("radial-gradient(color(srgb 1 1 1), rgb(255, 255, 255) 40%)"),
        (Some(WHITE), false)
    );
    // A picture's address is not read for colours, even one that names some; nor is a
    // comma or bracket inside its quotes a layer's end.
    assert_eq!(
        image_layers("url(\"data:image/svg+xml,<svg><rect fill='rgb(0,0,0)'/></svg>\")"),
        (None, true)
    );
    assert_eq!(
        image_layers(
            "url(\"data:image/svg+xml,<svg a=')' b=','/>\"), linear-gradient(rgb(0, 0, 0), rgb(0, 0, 0))"
        ),
        (Some(rgb(0, 0, 0)), true)
    );
    assert_eq!(image_layers("none"), (None, false));
    assert_eq!(image_layers("none, none"), (None, false));
    // Colours the reader cannot read leave the gradient unknown.
    assert_eq!(
        image_layers("linear-gradient(oklch(0.2 0.1 250), oklch(0.3 0.1 250))"),
        (None, false)
    );
}

#[test]
fn light_text_is_lighter_than_a_light_page_s_muted_grey() {
    for light in [
        rgb(255, 255, 255),
        rgb(230, 232, 235),
        rgb(201, 209, 217),
        rgb(171, 178, 191),
    ] {
        assert!(is_light(light), "{light:?}");
    }
    for dark in [
        rgb(0, 0, 0),
        rgb(34, 34, 34),
        rgb(119, 119, 119),
        rgb(153, 153, 153),
    ] {
        assert!(!is_light(dark), "{dark:?}");
    }
    assert!(!is_light(Rgba { a: 0.0, ..WHITE }), "no text colour at all");
}
