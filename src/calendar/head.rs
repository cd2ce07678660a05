//! The calendar's heading as one string of markup: the month and its previous, today and next
//! buttons (in the month view) or the calendar's name (in the list), then the two views. The
//! calendar redraws it when the view changes, and only writes the month's name into it when
//! the month does, so that its live region announces the new month. Buttons carry what they
//! do in `data-act` for the heading's one click listener.

use std::fmt::Write;

use super::CalendarView;
use crate::i18n::Strings;
use crate::ui::escape;

/// What a button of the heading does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Act {
    /// Shows the month before.
    Previous,
    /// Shows the month of today.
    Today,
    /// Shows the month after.
    Next,
    /// Switches to a view.
    Show(CalendarView),
}

impl Act {
    /// The `data-act` of the button.
    fn id(self) -> &'static str {
        match self {
            Act::Previous => "prev",
            Act::Today => "today",
            Act::Next => "next",
            Act::Show(CalendarView::Month) => "month",
            Act::Show(CalendarView::List) => "list",
        }
    }

    /// The act of a button's `data-act`.
    pub(super) fn from_id(id: &str) -> Option<Act> {
        [
            Act::Previous,
            Act::Today,
            Act::Next,
            Act::Show(CalendarView::Month),
            Act::Show(CalendarView::List),
        ]
        .into_iter()
        .find(|a| a.id() == id)
    }
}

/// A button that does `act`; `extra` goes into its tag as it is.
fn button(out: &mut String, act: Act, extra: &str, label: &str) {
    let _ = write!(
        out,
        "<button type=\"button\" class=\"ck-btn\" data-act=\"{}\"{extra}>{}</button>",
        act.id(),
        escape(label)
    );
}

/// The heading in `view`: in the month view, `month` (its name and year) titled by
/// `title_id`, for the grid to be labelled by; in the list, the calendar's `name`.
pub(super) fn head(
    s: &Strings,
    view: CalendarView,
    (title_id, level): (&str, u8),
    name: &str,
    month: &str,
) -> String {
    let mut out = String::new();
    let level = crate::ui::level_attr(2, level);
    if view == CalendarView::Month {
        let _ = write!(
            out,
            "<h2 id=\"{}\"{level} aria-live=\"polite\">{}</h2><div class=\"ck-cal-nav\">",
            escape(title_id),
            escape(month)
        );
        let labelled = |label: &str| format!(" aria-label=\"{}\"", escape(label));
        button(&mut out, Act::Previous, &labelled(s.previous_month), "‹");
        button(&mut out, Act::Today, "", s.today);
        button(&mut out, Act::Next, &labelled(s.next_month), "›");
        out.push_str("</div>");
    } else {
        let _ = write!(out, "<h2{level}>{}</h2>", escape(name));
    }
    let _ = write!(
        out,
        "<div class=\"ck-views\" role=\"group\" aria-label=\"{}\">",
        escape(s.view)
    );
    for to in [CalendarView::Month, CalendarView::List] {
        let pressed = format!(" aria-pressed=\"{}\"", to == view);
        button(&mut out, Act::Show(to), &pressed, s.views[to as usize]);
    }
    out.push_str("</div>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// The buttons of `markup`, as (act, accessible name, pressed).
    fn buttons(markup: &str) -> Vec<(Act, String, Option<bool>)> {
        markup
            .split("<button ")
            .skip(1)
            .map(|b| {
                let attr = |name: &str| {
                    let tag = &b[..b.find('>').unwrap()];
                    tag.split(&format!(" {name}=\""))
                        .nth(1)
                        .map(|v| v[..v.find('"').unwrap()].to_owned())
                };
                let text = &b[b.find('>').unwrap() + 1..b.find("</button>").unwrap()];
                (
                    Act::from_id(&attr("data-act").unwrap()).unwrap(),
                    attr("aria-label").unwrap_or_else(|| text.to_owned()),
                    attr("aria-pressed").map(|p| p == "true"),
                )
            })
            .collect()
    }

    #[test]
    fn the_month_view_has_its_title_its_moves_and_the_views_in_each_language() {
        for lang in [Lang::Ca, Lang::Es, Lang::Gl, Lang::En] {
            let s = lang.strings();
            let html = head(
                s,
                CalendarView::Month,
                ("ck-month-7", 2),
                "Axenda",
                "Novembro 2026",
            );
            assert!(
                html.starts_with("<h2 id=\"ck-month-7\" aria-live=\"polite\">Novembro 2026</h2>"),
                "{html}"
            );
            assert!(!html.contains("Axenda"), "the month is the heading: {html}");
            let name = |t: &str| t.to_owned();
            assert_eq!(
                buttons(&html),
                [
                    (Act::Previous, name(s.previous_month), None),
                    (Act::Today, name(s.today), None),
                    (Act::Next, name(s.next_month), None),
                    (Act::Show(CalendarView::Month), name(s.views[0]), Some(true)),
                    (Act::Show(CalendarView::List), name(s.views[1]), Some(false)),
                ],
                "{lang:?}"
            );
            assert!(html.contains(&format!("role=\"group\" aria-label=\"{}\"", s.view)));
        }
    }

    #[test]
    fn the_list_has_the_calendars_name_and_no_moves() {
        let s = Lang::Gl.strings();
        let html = head(
            s,
            CalendarView::List,
            ("ck-month-7", 2),
            "Axenda & feiras",
            "Novembro 2026",
        );
        assert!(html.starts_with("<h2>Axenda &amp; feiras</h2>"), "{html}");
        // Under a section's heading (`heading-level="4"`), that level.
        let under = head(
            s,
            CalendarView::List,
            ("ck-month-7", 4),
            "Axenda",
            "Novembro 2026",
        );
        assert!(
            under.starts_with("<h2 aria-level=\"4\">Axenda</h2>"),
            "{under}"
        );
        assert!(!html.contains("ck-month-7") && !html.contains("aria-live"));
        let acts: Vec<_> = buttons(&html).into_iter().map(|(a, _, p)| (a, p)).collect();
        assert_eq!(
            acts,
            [
                (Act::Show(CalendarView::Month), Some(false)),
                (Act::Show(CalendarView::List), Some(true)),
            ]
        );
    }
}
