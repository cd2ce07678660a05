//! Everything inside the chart's `<figure>` as one string of markup: its heading and table
//! toggle, the drawing (or the table, or why there is nothing to draw), the summary, and the
//! downloads. The chart redraws it whole when its data, dimension, language or width change;
//! as a view, the same elements cost the Wasm some 30 KB more. Buttons carry what they do in
//! `data-act` for the figure's one click listener.

use std::fmt::Write;

use crate::i18n::Strings;
use crate::ui::escape;

/// What the chart shows under its heading.
pub(crate) enum Body {
    /// Nothing to draw, and why.
    Empty(String),
    /// The data as a table (markup from [`table`](super::table::table)).
    Table(String),
    /// The drawing: the markup of its marks, its view box, and whether they toggle choices
    /// of a linked directory (and whether any of them is chosen there).
    Drawing {
        marks: String,
        width: i32,
        height: i32,
        linked: bool,
        any_chosen: bool,
    },
}

/// A button that does `act`, hidden when `hidden`.
fn button(out: &mut String, class: &str, act: &str, hidden: bool, extra: &str, label: &str) {
    let _ = write!(
        out,
        "<button type=\"button\" class=\"{class}\" data-act=\"{act}\"{}{extra}>{}</button>",
        if hidden { " hidden" } else { "" },
        escape(label)
    );
}

/// The inside of the chart's figure: `title` over `body`, then `summary` and `caption`.
pub(crate) fn frame(
    s: &Strings,
    (title, level): (&str, u8),
    body: &Body,
    summary: Option<&str>,
    caption: Option<&str>,
) -> String {
    let empty = matches!(body, Body::Empty(_));
    let as_table = matches!(body, Body::Table(_));
    let mut out = format!(
        "<div class=\"ck-chart-head\"><h2{}>{}</h2>",
        crate::ui::level_attr(2, level),
        escape(title)
    );
    let pressed = format!(" aria-pressed=\"{as_table}\"");
    button(&mut out, "ck-btn", "table", empty, &pressed, s.show_table);
    out.push_str("</div>");
    match body {
        Body::Empty(message) => {
            let _ = write!(out, "<p class=\"ck-status\">{}</p>", escape(message));
        }
        Body::Table(table) => {
            let _ = write!(out, "<div>{table}</div>");
        }
        // `tabindex="-1"`: Chromium would otherwise put the `<svg>` itself in the tab order
        // before its marks. No name of its own: the figure's, the title, is said on the way
        // in, and the heading says it again; a third time would only delay the marks.
        Body::Drawing {
            marks,
            width,
            height,
            linked,
            any_chosen,
        } => {
            let _ = write!(
                out,
                "<div class=\"ck-drawing\"><svg role=\"{}\" tabindex=\"-1\" \
                 data-chosen=\"{any_chosen}\" viewBox=\"0 0 {width} {height}\">{marks}</svg></div>",
                if *linked { "group" } else { "list" },
            );
        }
    }
    // Nothing drawn, nothing to sum up or explain.
    if !empty {
        out.push_str("<figcaption class=\"ck-caption\">");
        // A paragraph for each there is (a chart by kind has no caption about segments).
        for text in [summary, caption].into_iter().flatten() {
            let _ = write!(out, "<p>{}</p>", escape(text));
        }
        out.push_str("</figcaption>");
    }
    out.push_str("<div class=\"ck-chart-actions\">");
    button(&mut out, "ck-link", "csv", empty, "", s.download_csv);
    button(
        &mut out,
        "ck-link",
        "svg",
        empty || as_table,
        "",
        s.download_svg,
    );
    out.push_str("</div>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// The buttons of `markup`, as (action, shown, label).
    fn buttons(markup: &str) -> Vec<(String, bool, String)> {
        markup
            .split("<button ")
            .skip(1)
            .map(|b| {
                let act = b.split("data-act=\"").nth(1).unwrap().split('"').next();
                let tag = &b[..b.find('>').unwrap()];
                let label = &b[b.find('>').unwrap() + 1..b.find("</button>").unwrap()];
                (
                    act.unwrap().to_owned(),
                    !tag.contains(" hidden"),
                    label.to_owned(),
                )
            })
            .collect()
    }

    fn drawing(linked: bool) -> Body {
        Body::Drawing {
            marks: "<g class=\"ck-mark\" data-k=\"0\"></g>".into(),
            width: 600,
            height: 120,
            linked,
            any_chosen: false,
        }
    }

    #[test]
    fn a_drawing_offers_the_table_and_both_downloads_in_the_visitors_language() {
        let s = Lang::Ca.strings();
        let markup = frame(
            s,
            ("Socis per segment", 2),
            &drawing(false),
            Some("Resum"),
            None,
        );
        assert_eq!(
            buttons(&markup),
            [
                ("table".into(), true, s.show_table.into()),
                ("csv".into(), true, s.download_csv.into()),
                ("svg".into(), true, s.download_svg.into()),
            ]
        );
        assert!(markup.contains("aria-pressed=\"false\""));
        assert!(markup.contains(
            "<svg role=\"list\" tabindex=\"-1\" data-chosen=\"false\" viewBox=\"0 0 600 120\"><g class=\"ck-mark\" data-k=\"0\"></g></svg>"
        ));
        assert!(markup.contains("<figcaption class=\"ck-caption\"><p>Resum</p>"));
        assert!(!markup.contains("<p></p>"), "no empty paragraph: {markup}");
    }

    #[test]
    fn a_linked_drawing_is_a_group_of_toggles() {
        let markup = frame(Lang::En.strings(), ("t", 2), &drawing(true), None, None);
        assert!(markup.contains("<svg role=\"group\""));
    }

    #[test]
    fn as_a_table_the_toggle_is_pressed_and_no_svg_is_offered() {
        let s = Lang::En.strings();
        let markup = frame(
            s,
            ("t", 3),
            &Body::Table("<table></table>".into()),
            None,
            None,
        );
        // Under a section's heading (`heading-level="3"`).
        assert!(markup.contains("<h2 aria-level=\"3\">t</h2>"), "{markup}");
        assert!(markup.contains("aria-pressed=\"true\""));
        assert!(markup.contains("<div><table></table></div>"));
        let shown: Vec<_> = buttons(&markup)
            .into_iter()
            .filter(|b| b.1)
            .map(|b| b.0)
            .collect();
        assert_eq!(shown, ["table", "csv"]);
        assert!(!markup.contains("<svg"));
    }

    #[test]
    fn with_nothing_to_draw_it_says_why_and_offers_nothing() {
        let markup = frame(
            Lang::Es.strings(),
            ("t", 2),
            &Body::Empty("Ningún <socio>".into()),
            None,
            Some("Un socio en varios segmentos cuenta en cada uno."),
        );
        assert!(markup.contains("<p class=\"ck-status\">Ningún &lt;socio&gt;</p>"));
        assert!(buttons(&markup).iter().all(|b| !b.1), "every button hidden");
        assert!(
            !markup.contains("figcaption") && !markup.contains("varios segmentos"),
            "no caption about segments that are not drawn: {markup}"
        );
    }

    #[test]
    fn feed_texts_in_the_summary_are_escaped() {
        let markup = frame(
            Lang::En.strings(),
            ("t", 2),
            &drawing(false),
            Some("<img src=x onerror=alert(1)> is largest"),
            Some("a & b"),
        );
        assert!(
            markup.contains("<p>&lt;img src=x onerror=alert(1)&gt; is largest</p><p>a &amp; b</p>")
        );
        assert!(!markup.contains("<img"));
    }
}
