//! Colours as the browser computes them, the background a widget sits on, and the visitor's
//! colour scheme: what the widgets need to keep 3:1 contrast (WCAG 1.4.11) on any page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The contrast a mark needs against the background (WCAG 1.4.11, non-text contrast).
pub(crate) const NEEDED: f64 = 3.0;

/// A colour in sRGB, channels and alpha from 0 to 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rgba {
    /// Red.
    pub r: f64,
    /// Green.
    pub g: f64,
    /// Blue.
    pub b: f64,
    /// Opacity.
    pub a: f64,
}

/// Black.
pub(crate) const BLACK: Rgba = Rgba {
    r: 0.0,
    g: 0.0,
    b: 0.0,
    a: 1.0,
};

/// The canvas colour of a dark page (`color-scheme: dark`) that paints no background of its
/// own, as Chromium paints it.
const DARK_CANVAS: Rgba = Rgba {
    r: 18.0 / 255.0,
    g: 18.0 / 255.0,
    b: 18.0 / 255.0,
    a: 1.0,
};

/// The canvas colour of a page that paints no background of its own.
pub(crate) const WHITE: Rgba = Rgba {
    r: 1.0,
    g: 1.0,
    b: 1.0,
    a: 1.0,
};

impl Rgba {
    /// The colour as CSS writes it (opacity in whole per cent), without the float
    /// formatting code.
    pub(crate) fn css(self) -> String {
        let byte = |c: f64| (c * 255.0).round() as u8;
        format!(
            "rgb({} {} {} / {}%)",
            byte(self.r),
            byte(self.g),
            byte(self.b),
            (self.a * 100.0).round() as u8
        )
    }

    /// A colour as the browser writes a computed colour (`rgb(26, 86, 184)`,
    /// `rgba(0, 0, 0, 0)`, `color(srgb 0.1 0.2 0.3 / 0.5)`) or as a feed gives one (`#1a56b8`,
    /// `#abc`); `None` for any other form.
    pub(crate) fn parse(css: &str) -> Option<Rgba> {
        let css = css.trim();
        if let Some(hex) = css.strip_prefix('#') {
            let digits: Vec<f64> = hex
                .chars()
                .map(|c| c.to_digit(16).map(f64::from))
                .collect::<Option<_>>()?;
            let (r, g, b) = match digits[..] {
                [r, g, b] => (r * 17.0, g * 17.0, b * 17.0),
                [r1, r2, g1, g2, b1, b2] => (r1 * 16.0 + r2, g1 * 16.0 + g2, b1 * 16.0 + b2),
                _ => return None,
            };
            return Some(Rgba {
                r: r / 255.0,
                g: g / 255.0,
                b: b / 255.0,
                a: 1.0,
            });
        }
        if css == "transparent" {
            return Some(Rgba { a: 0.0, ..WHITE });
        }
        let (scale, inner) = if let Some(inner) = css.strip_prefix("color(srgb ") {
            (1.0, inner)
        } else {
            let inner = css
                .strip_prefix("rgba(")
                .or_else(|| css.strip_prefix("rgb("))?;
            (255.0, inner)
        };
        let numbers: Vec<f64> = inner
            .strip_suffix(')')?
            .split([',', ' ', '/'])
            .filter(|part| !part.is_empty())
            .map(number)
            .collect::<Option<_>>()?;
        let (r, g, b, a) = match numbers[..] {
            [r, g, b] => (r, g, b, 1.0),
            [r, g, b, a] => (r, g, b, a),
            _ => return None,
        };
        Some(Rgba {
            r: r / scale,
            g: g / scale,
            b: b / scale,
            a,
        })
    }

    /// This colour painted over the opaque colour `below`.
    pub(crate) fn over(self, below: Rgba) -> Rgba {
        let mix = |top: f64, bottom: f64| top * self.a + bottom * (1.0 - self.a);
        Rgba {
            r: mix(self.r, below.r),
            g: mix(self.g, below.g),
            b: mix(self.b, below.b),
            a: 1.0,
        }
    }

    /// Relative luminance (WCAG 2), from 0 for black to 1 for white.
    fn luminance(self) -> f64 {
        let linear = |c: f64| {
            if c <= 0.04045 {
                c / 12.92
            } else {
                power((c + 0.055) / 1.055, 2.4)
            }
        };
        0.2126 * linear(self.r) + 0.7152 * linear(self.g) + 0.0722 * linear(self.b)
    }

    /// The WCAG contrast ratio of two opaque colours, from 1 (none) to 21 (black on white).
    pub(crate) fn contrast(self, other: Rgba) -> f64 {
        let (x, y) = (self.luminance(), other.luminance());
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    /// Whether a mark of this colour, painted over the opaque `background`, has less than
    /// [`NEEDED`] against it (WCAG 1.4.11).
    pub(crate) fn faint_on(self, background: Rgba) -> bool {
        self.over(background).contrast(background) < NEEDED
    }
}

/// `x` to the power `y`: in the browser, its own `Math.pow`, which spares the Wasm 2 KB of
/// libm.
fn power(x: f64, y: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Math::pow(x, y);
    #[cfg(not(target_arch = "wasm32"))]
    return x.powf(y);
}

/// A number written as digits with an optional fraction (`26`, `0.04`, `.5`), as computed
/// colours are: parsed by hand, which costs the Wasm far less than `str::parse::<f64>`.
fn number(text: &str) -> Option<f64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let mut value = 0.0;
    for c in whole.chars() {
        value = value * 10.0 + f64::from(c.to_digit(10)?);
    }
    let mut scale = 1.0;
    for c in fraction.chars() {
        scale /= 10.0;
        value += scale * f64::from(c.to_digit(10)?);
    }
    Some(value)
}

/// The colour a computed style gives `property` of `element`.
pub(crate) fn computed(element: &web_sys::Element, property: &str) -> Option<Rgba> {
    let style = web_sys::window()?.get_computed_style(element).ok()??;
    Rgba::parse(&style.get_property_value(property).ok()?)
}

/// The colour behind `element`: the backgrounds of it and of its ancestors, through shadow
/// roots to the page, painted over each other down to the first opaque one, else the page's
/// canvas. An element's own opaque colour decides, whatever image lies over it (an icon in a
/// corner, a one-pixel rule); without one, its image counts as the mean of its gradients'
/// colours (a hero section's `linear-gradient`, a veil over a photograph), over its
/// pictures, whose colours are unknown: light text on one says that it is dark. So does
/// light text on the canvas: a page with `color-scheme: dark` (or `light dark` in a
/// visitor's dark scheme) paints no background, but the browser's dark canvas under its
/// light text.
pub(crate) fn backdrop(element: &web_sys::Element) -> Rgba {
    let mut layers = Vec::new();
    let mut next = Some(element.clone());
    let mut canvas = WHITE;
    while let Some(element) = next.take() {
        let Some(style) = web_sys::window().and_then(|w| w.get_computed_style(&element).ok()?)
        else {
            break;
        };
        let read = |property: &str| style.get_property_value(property).unwrap_or_default();
        let colour = Rgba::parse(&read("background-color")).filter(|c| c.a > 0.0);
        if let Some(colour) = colour.filter(|c| c.a >= 1.0) {
            layers.push(colour);
            break;
        }
        // The text's colour counts only where nothing opaque is behind it.
        let light_text = Rgba::parse(&read("color")).is_some_and(is_light);
        let (gradients, picture) = image_layers(&read("background-image"));
        let picture = (picture && light_text).then_some(DARK_CANVAS);
        layers.extend([gradients, picture, colour].into_iter().flatten());
        if layers.last().is_some_and(|c| c.a >= 1.0) || picture.is_some() {
            break;
        }
        canvas = if light_text { DARK_CANVAS } else { WHITE };
        next = host_or_parent(&element);
    }
    layers
        .into_iter()
        .rev()
        .fold(canvas, |below, layer| layer.over(below))
}

/// Whether text in `colour` is light, as text meant for a dark background is: lighter than
/// `#aaa` (a light page's muted grey is darker).
fn is_light(colour: Rgba) -> bool {
    colour.a > 0.0 && colour.contrast(BLACK) >= 9.5
}

/// What a computed `background-image` shows, as far as its text tells: the mean of its
/// gradients' colours (their stops, as `rgb(…)`, `rgba(…)` or `color(srgb …)`, each by its
/// opacity), and whether it has a picture (`url(…)` and the like), whose colours are unknown.
fn image_layers(image: &str) -> (Option<Rgba>, bool) {
    let (mut sum, mut opacity, mut stops) = ([0.0; 3], 0.0, 0.0);
    let mut picture = false;
    let mut rest = image.trim();
    while !rest.is_empty() {
        let layer = &rest[..layer_end(rest)];
        rest = rest[layer.len()..].trim_start_matches([',', ' ']);
        let layer = layer.trim();
        if !layer.contains("gradient(") || layer.starts_with("url(") {
            picture |= !layer.is_empty() && layer != "none";
            continue;
        }
        let mut stop = layer;
        while let Some(at) = ["rgb", "color(srgb "]
            .iter()
            .filter_map(|start| stop.find(start))
            .min()
        {
            let end = stop[at..].find(')').map_or(stop.len(), |e| at + e + 1);
            if let Some(c) = Rgba::parse(&stop[at..end]) {
                for (total, channel) in sum.iter_mut().zip([c.r, c.g, c.b]) {
                    *total += channel * c.a;
                }
                opacity += c.a;
                stops += 1.0;
            }
            stop = &stop[end..];
        }
    }
    let weight = if opacity > 0.0 { opacity } else { 1.0 };
    let mean = (stops > 0.0).then(|| Rgba {
        r: sum[0] / weight,
        g: sum[1] / weight,
        b: sum[2] / weight,
        a: opacity / stops,
    });
    (mean.filter(|c| c.a > 0.0), picture)
}

/// Where the first of a computed `background-image`'s comma-separated layers ends: at the
/// first comma outside brackets and quotes (a `data:` URL may hold either).
fn layer_end(image: &str) -> usize {
    let (mut depth, mut quote, mut escaped) = (0u32, None, false);
    for (i, c) in image.char_indices() {
        match (quote, c) {
            (Some(_), _) if escaped => escaped = false,
            (Some(_), '\\') => escaped = true,
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') => depth = depth.saturating_sub(1),
            (None, ',') if depth == 0 => return i,
            _ => {}
        }
    }
    image.len()
}

/// How the widget's quieter colours fit a page whose text is `fg` on `bg`, with the accent
/// `accent` (links, pressed buttons): see [`quieting`].
#[cfg(feature = "embed")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Quiet {
    /// The opacity of muted text, in whole per cent.
    pub mute: u8,
    /// How much of their usual strength the tints under text keep, in whole per cent.
    pub tint: u8,
    /// Whether links and focus rings take the text's colour: the accent has less than 4.5:1
    /// on the page.
    pub plain_accent: bool,
}

/// How much the widget's quieter parts may quieten the text colour `fg` on `bg` and keep
/// text at 4.5:1 (WCAG 1.4.3): tints under text (a card's or button's 4 % of `fg`, the
/// initials' 14 % of `accent`) at their usual strength where the page's text has contrast to
/// spare, weaker on a mid-tone page (white on a brand blue); muted text at 68 % of `fg`, or
/// more, on the tinted surface; and the accent replaced by the text's colour where it would
/// not read.
#[cfg(feature = "embed")]
pub(crate) fn quieting(fg: Rgba, accent: Rgba, bg: Rgba) -> Quiet {
    const TEXT: f64 = 4.5;
    let fg = fg.over(bg);
    let at = |c: Rgba, per_cent: f64| Rgba {
        a: per_cent / 100.0,
        ..c
    };
    let plain_accent = accent.over(bg).contrast(bg) < TEXT;
    let accent = if plain_accent { fg } else { accent };
    // A tint may not take the text below 4.5:1, nor below what the page's text has.
    let least = fg.contrast(bg).min(TEXT);
    let tint = [100, 75, 50, 25, 0]
        .into_iter()
        .find(|&k| {
            let k = f64::from(k) / 100.0;
            // The initials' tint lies on a card's.
            let card = at(fg, 4.0 * k).over(bg);
            fg.contrast(card) >= least && fg.contrast(at(accent, 14.0 * k).over(card)) >= least
        })
        .unwrap_or(0);
    let surface = at(fg, 4.0 * f64::from(tint) / 100.0).over(bg);
    let mute = (68..=100)
        .step_by(4)
        .find(|&p| at(fg, f64::from(p)).over(surface).contrast(surface) >= TEXT)
        .unwrap_or(100);
    Quiet {
        mute,
        tint,
        plain_accent,
    }
}

/// Whether the colour `background` is dark: text in the page's own colour on it is light,
/// so light marks and links stand out on it and dark ones do not.
#[cfg(feature = "embed")]
pub(crate) fn is_dark(background: Rgba) -> bool {
    background.contrast(WHITE) > background.contrast(BLACK)
}

/// How long after a change of the page's colours they are measured once more: a site's
/// dark-mode switch often fades them, and mid-fade the first measure saw neither scheme.
const FADE: std::time::Duration = std::time::Duration::from_millis(400);

/// Calls `changed` whenever the page may have changed the colours around `element`: when the
/// visitor's colour scheme changes, when any attribute (a class, a style, a `data-theme`)
/// changes on an element it sits in, through shadow roots up to `<html>`, which is how a
/// site's own dark-mode switch works, and when the page's stylesheets change: one added,
/// enabled or loaded late (an optimizer's "load CSS asynchronously" swaps a `<link>`'s `media`
/// once it loads), a `<style>` rewritten. `changed` runs after the current task (so the page's
/// own reactions to the change are done) and once more 400 ms later; changes in between
/// only count for that second run, so a page that restyles `<html>` on every scrolled frame
/// costs two runs every 400 ms, not one a frame. Stops when the current reactive owner is
/// cleaned up.
pub(crate) fn watch_surroundings(element: &web_sys::Element, changed: impl Fn() + Clone + 'static) {
    let waiting = std::rc::Rc::new(std::cell::Cell::new(false));
    let soon = move || {
        if waiting.replace(true) {
            return;
        }
        let (now, later, waiting) = (changed.clone(), changed.clone(), waiting.clone());
        set_timeout(now, std::time::Duration::ZERO);
        set_timeout(
            move || {
                waiting.set(false);
                later();
            },
            FADE,
        );
    };
    let on_mutation = {
        let soon = soon.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut()>::new(soon)
    };
    let Ok(observer) = web_sys::MutationObserver::new(on_mutation.as_ref().unchecked_ref()) else {
        return;
    };
    let options = web_sys::MutationObserverInit::new();
    options.set_attributes(true);
    let mut next = host_or_parent(element);
    while let Some(ancestor) = next {
        let _ = observer.observe_with_options(&ancestor, &options);
        next = host_or_parent(&ancestor);
    }
    let document = window().document();
    // The `<head>`'s stylesheets, not its scripts, title or meta tags, which a page (or a
    // test's injected script) changes often, each change delaying a real one's measure.
    let on_head = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new({
        let soon = soon.clone();
        move |records: js_sys::Array| {
            if records
                .iter()
                .filter_map(|r| r.dyn_into::<web_sys::MutationRecord>().ok())
                .any(|r| restyles(&r))
            {
                soon();
            }
        }
    });
    let head_observer = web_sys::MutationObserver::new(on_head.as_ref().unchecked_ref()).ok();
    if let (Some(head), Some(head_observer)) =
        (document.as_ref().and_then(|d| d.head()), &head_observer)
    {
        let sheets = web_sys::MutationObserverInit::new();
        sheets.set_attributes(true);
        sheets.set_child_list(true);
        sheets.set_character_data(true);
        sheets.set_subtree(true);
        let _ = head_observer.observe_with_options(&head, &sheets);
    }
    // A stylesheet that loads after it was added (`load` does not bubble: caught on its way
    // down to the `<link>`).
    if let Some(document) = &document {
        let soon = soon.clone();
        super::capture(document.clone().into(), "load", move |ev| {
            let sheet = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|t| t.local_name() == "link");
            if sheet {
                soon();
            }
        });
    }
    let scheme = window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten();
    let on_scheme = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(soon);
    if let Some(scheme) = &scheme {
        scheme.set_onchange(Some(on_scheme.as_ref().unchecked_ref()));
    }
    let watching = send_wrapper::SendWrapper::new((
        [Some(observer), head_observer],
        (on_mutation, on_head),
        scheme,
        on_scheme,
    ));
    on_cleanup(move || {
        let (observers, _, scheme, _) = &*watching;
        observers.iter().flatten().for_each(|o| o.disconnect());
        if let Some(scheme) = scheme {
            scheme.set_onchange(None);
        }
    });
}

/// Whether a change in the page's `<head>` may change its styles: a stylesheet's `<link>` or
/// a `<style>` added, removed or changed (its `media`, `disabled`, `href`, its text).
fn restyles(record: &web_sys::MutationRecord) -> bool {
    // A `<link>` of a stylesheet (not one that prefetches, which apps add all the time).
    let sheet = |node: Option<web_sys::Node>| {
        node.and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| match e.local_name().as_str() {
                "style" => true,
                "link" => e
                    .get_attribute("rel")
                    .is_some_and(|rel| rel.to_ascii_lowercase().contains("stylesheet")),
                _ => false,
            })
    };
    let target = record.target();
    let listed = |nodes: web_sys::NodeList| (0..nodes.length()).any(|i| sheet(nodes.item(i)));
    sheet(target.clone())
        || sheet(target.and_then(|t| t.parent_node()))
        || listed(record.added_nodes())
        || listed(record.removed_nodes())
}

/// The element `element` sits in: its parent, or the host of its shadow root.
pub(crate) fn host_or_parent(element: &web_sys::Element) -> Option<web_sys::Element> {
    element.parent_element().or_else(|| {
        let root = element
            .get_root_node()
            .dyn_into::<web_sys::ShadowRoot>()
            .ok()?;
        Some(root.host())
    })
}

#[cfg(test)]
mod tests;
