//! The month grid's weeks as one string of markup: a row per week, a cell per day, each
//! occurrence a bar across its days in the week and "+N more" where a day has more than fit.
//!
//! Drawn whole when the month, the feed, the filters or the zone change, like the chart's
//! drawing: as markup it costs the Wasm a fraction of a view per cell, and the browser's
//! parser builds the ~40 cells and their bars in one call. Every text from the feed goes
//! through [`escape`]. The bars' colours are not in the markup (a strict CSP blocks `style`
//! attributes): they are returned, one per bar in document order, for the grid to set
//! through CSSOM.

use std::fmt::Write;

use super::format::{date_long, on_day, on_day_of, own_clock, time};
use super::layout::week;
use super::model::month_grid;
use super::occur::{self, Occurrence, Offsets, Span, on_day_in_order, zone_of};
use crate::feed::{Date, Feed};
use crate::i18n::{Lang, fill, intl::format_number};
use crate::ui::{escape, in_its_lang};

/// Lanes of bars a day shows before "+N more".
const LANES: usize = 3;

/// The most events a day's cell names by title; the count says how many there are.
const NAMED: usize = 12;

/// What the grid shows of one month.
pub(crate) struct Weeks {
    /// The rows of the grid's body.
    pub markup: String,
    /// Each bar's colour (empty for the theme's accent), in document order.
    pub colours: Vec<String>,
}

/// A colour for an event's bar: its first segment's (as the directory and the chart show
/// it), else its category's.
fn colour(feed: &Feed, o: &Occurrence) -> String {
    let event = &feed.events[o.event];
    event
        .segments
        .iter()
        .find_map(|id| crate::ui::segment_colour(feed, id))
        .or_else(|| {
            let category = event.category.as_deref().and_then(|c| feed.category(c));
            category.and_then(|c| c.color.clone())
        })
        .unwrap_or_default()
}

/// Where the grid is: the month, the first day of its weeks, today, and the day holding the
/// grid's one tab stop.
pub(crate) struct Place {
    pub month: Date,
    pub first_day: crate::feed::Weekday,
    pub today: Date,
    pub stop: Date,
}

/// The weeks of `place.month` with the occurrences `placed` in `zone`, in `lang`.
pub(crate) fn weeks(
    feed: &Feed,
    placed: &[Occurrence],
    place: &Place,
    zone: &str,
    lang: Lang,
    offsets: &impl Offsets,
) -> Weeks {
    let s = lang.strings();
    let fallback = &feed.cluster.default_language;
    let title = |o: &Occurrence| feed.events[o.event].title.resolve(lang.tag(), fallback);
    // A bar's text, with its start time on its first day.
    let text = |o: &Occurrence, day: Date| on_day(o, day, title(o).to_owned());
    let (mut markup, mut colours) = (String::new(), Vec::new());
    for days in month_grid(place.month, place.first_day).chunks(7) {
        let laid = week(days[0], placed, LANES);
        markup.push_str("<tr>");
        for (column, &day) in days.iter().enumerate() {
            // Named by its date and events, in the order they begin; what shows is a
            // summary of it.
            // Markup: each title marked with its language where it is not the visitor's.
            // The first dozen by title: a day of thousands (a feed's mistake) would give
            // its cell a name of thousands.
            let in_order = on_day_in_order(placed, day);
            let on_day: Vec<String> = in_order
                .iter()
                .take(NAMED)
                .map(|&i| {
                    let title = in_its_lang(&feed.events[placed[i].event].title, lang, fallback);
                    on_day_of(lang, &placed[i], day, title)
                })
                .collect();
            let label = match in_order.len() {
                0 => escape(&date_long(lang, day)),
                n => {
                    let mut count = s.events_count(n, &format_number(lang, n));
                    // What shows as "+3 more" is named so too: a voice user says what they see.
                    if laid.more[column] > 0 {
                        let more = format_number(lang, laid.more[column]);
                        let more = fill(s.more_events, &[("n", &more)]);
                        count = format!("{count} ({more})");
                    }
                    format!(
                        "{}. {}: {}{}",
                        escape(&date_long(lang, day)),
                        escape(&count),
                        on_day.join(", "),
                        if n > NAMED { ", …" } else { "" }
                    )
                }
            };
            let class = match (
                day == place.today,
                day.month == place.month.month,
                on_day.is_empty(),
            ) {
                (true, _, true) => " class=\"ck-today\"",
                (true, _, false) => " class=\"ck-today ck-events\"",
                (false, false, true) => " class=\"ck-outside\"",
                (false, false, false) => " class=\"ck-outside ck-events\"",
                (false, true, true) => "",
                (false, true, false) => " class=\"ck-events\"",
            };
            let _ = write!(
                markup,
                "<td{class}{} data-day=\"{day}\" tabindex=\"{}\">\
                 <span class=\"ck-visually-hidden\">{}</span>\
                 <span class=\"ck-day-number\" aria-hidden=\"true\">{}</span>\
                 <div class=\"ck-bars\" aria-hidden=\"true\">",
                if day == place.today {
                    " aria-current=\"date\""
                } else {
                    ""
                },
                if day == place.stop { 0 } else { -1 },
                label,
                day.day,
            );
            for b in laid.bars.iter().filter(|b| b.column == column) {
                let o = &placed[b.occurrence];
                let label = text(o, day);
                // An event in another zone gives its own clock on hover.
                let own = zone_of(feed, &feed.events[o.event]);
                let there = match o.span {
                    Span::Timed(..) if own != zone => {
                        Some(occur::place(o.event, o.span, own, offsets)).filter(|t| t != o)
                    }
                    _ => None,
                };
                let hover = match there {
                    Some(there) => format!("{label}\n{}", own_clock(lang, &there, own)),
                    None => label.clone(),
                };
                // Its start time in a span of its own: a grid of narrow days leaves it out
                // and gives its room to the title (the time is in the hover, the day's
                // name and the dialog).
                let shown = match o.times.filter(|_| o.first == day) {
                    Some((start, _)) => format!(
                        "<span class=\"ck-bar-time\">{} </span>{}",
                        time(start),
                        escape(title(o))
                    ),
                    None => escape(&label),
                };
                let _ = write!(
                    markup,
                    "<div class=\"ck-bar ck-lane-{} ck-span-{}{}{}\" data-o=\"{}\" title=\"{}\">{shown}</div>",
                    b.lane,
                    b.span,
                    if b.continued { " ck-continued" } else { "" },
                    if b.continues { " ck-continues" } else { "" },
                    b.occurrence,
                    escape(&hover),
                );
                colours.push(colour(feed, o));
            }
            if laid.more[column] > 0 {
                // "+3" and its word apart: a phone's narrow cell shows the count alone.
                let (head, word) = s.more_events.split_once("{n}").unwrap_or(("+", ""));
                let _ = write!(
                    markup,
                    "<span class=\"ck-more\">{}{}<span class=\"ck-more-word\">{}</span></span>",
                    escape(head),
                    format_number(lang, laid.more[column]),
                    escape(word)
                );
            }
            markup.push_str("</div></td>");
        }
        markup.push_str("</tr>");
    }
    Weeks { markup, colours }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::occur::occurrences;
    use crate::calendar::occur::testing::Jiff;
    use crate::feed::{Event, Segment, Text, When};

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn feed(events: Vec<Event>) -> Feed {
        let mut feed = Feed {
            events,
            ..Feed::default()
        };
        feed.cluster.timezone = "Europe/Madrid".into();
        feed
    }

    fn november(feed: &Feed, today: &str) -> Weeks {
        let (from, to) = (d("2026-10-26"), d("2026-12-06"));
        let placed = occurrences(feed, "Europe/Madrid", from, to, &Jiff);
        let place = Place {
            month: d("2026-11-01"),
            first_day: crate::feed::Weekday::Mon,
            today: d(today),
            stop: d("2026-11-23"),
        };
        weeks(feed, &placed, &place, "Europe/Madrid", Lang::En, &Jiff)
    }

    /// The cells of the grid, in order, as the text between `<td` and `</td>`.
    fn cells(markup: &str) -> Vec<&str> {
        markup.split("<td").skip(1).collect()
    }

    #[test]
    fn six_weeks_from_monday_with_one_tab_stop_and_today_marked() {
        let w = november(&feed(vec![]), "2026-11-23");
        assert_eq!(
            w.markup.matches("<tr>").count(),
            6,
            "26 October to 6 December"
        );
        let cells = cells(&w.markup);
        assert_eq!(cells.len(), 42);
        assert!(cells[0].contains("data-day=\"2026-10-26\""));
        assert!(cells[0].contains("class=\"ck-outside\""));
        assert!(!w.markup.contains("ck-events"), "no day has events");
        assert_eq!(w.markup.matches("tabindex=\"0\"").count(), 1);
        let today = cells.iter().find(|c| c.contains("2026-11-23")).unwrap();
        assert!(today.contains("tabindex=\"0\""));
        assert!(today.contains("aria-current=\"date\""));
        assert!(today.contains("Monday 23 November 2026"));
        assert_eq!(w.markup.matches("aria-current").count(), 1);
    }

    /// November drawn with `n` talks ("Talk 0"…) on the 18th, `at(i)` the time of talk `i`,
    /// and the 18th's cell.
    fn talks_on_the_18th(n: usize, at: impl Fn(usize) -> String) -> (Weeks, String) {
        let events = (0..n)
            .map(|i| {
                let start = format!("2026-11-18T{}", at(i));
                Event::new(
                    format!("e{i}"),
                    format!("Talk {i}"),
                    When::parse(&start).unwrap(),
                )
            })
            .collect();
        let w = november(&feed(events), "2026-11-01");
        let day = cells(&w.markup)
            .into_iter()
            .find(|c| c.contains("2026-11-18"))
            .unwrap();
        let day = day.to_owned();
        (w, day)
    }

    #[test]
    fn a_day_with_four_events_shows_three_bars_and_one_more() {
        let (w, day) = talks_on_the_18th(4, |i| format!("{:02}:00", 9 + i));
        assert_eq!(day.matches("class=\"ck-bar ").count(), 3);
        assert!(day.starts_with(" class=\"ck-events\""), "{day}");
        assert!(
            day.contains(">+1<span class=\"ck-more-word\"> more</span><"),
            "{day}"
        );
        assert!(day.contains("><span class=\"ck-bar-time\">09:00 </span>Talk 0<"));
        // Named as it shows: "+1 more" too.
        assert!(day.contains(
            "4 events (+1 more): 09:00 Talk 0, 10:00 Talk 1, 11:00 Talk 2, 12:00 Talk 3"
        ));
        assert_eq!(w.colours.len(), 3, "one colour per bar drawn");
    }

    #[test]
    fn a_day_of_thousands_names_a_dozen_and_counts_them_all_with_separators() {
        let (_, day) = talks_on_the_18th(1500, |i| format!("{:02}:{:02}", 8 + i / 600, i % 60));
        assert!(day.contains("1,500 events (+1,497 more): "), "{day}");
        assert!(day.contains(">+1,497<span class=\"ck-more-word\"> more</span><"));
        let named = day
            .split("more): ")
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap();
        assert_eq!(named.matches("Talk ").count(), 12, "{named}");
        assert!(named.ends_with(", …"), "{named}");
        assert!(day.len() < 3000, "{} bytes", day.len());
    }

    #[test]
    fn a_day_is_named_with_its_events_in_the_order_they_begin() {
        let mut party = Event::new("party", "Party", When::parse("2026-11-18T23:30").unwrap());
        party.end = Some(When::parse("2026-11-19T02:00").unwrap());
        let mut fair = Event::new("fair", "Fair", When::parse("2026-11-17").unwrap());
        fair.end = Some(When::parse("2026-11-19").unwrap());
        let events = vec![
            party,
            Event::new("talk", "Talk", When::parse("2026-11-18T20:00").unwrap()),
            Event::new("day", "Open day", When::parse("2026-11-18").unwrap()),
            fair,
        ];
        let w = november(&feed(events), "2026-11-01");
        let day = cells(&w.markup)
            .into_iter()
            .find(|c| c.contains("2026-11-18"))
            .unwrap();
        assert!(
            // Which day of its several an event is, so it does not seem to begin each day.
            day.contains(
                "4 events (+1 more): Fair (day 2 of 3), Open day, 20:00 Talk, 23:30 Party (day 1 of 2)<"
            ),
            "{day}"
        );
    }

    #[test]
    fn a_title_in_another_language_than_the_visitors_is_read_out_in_its_own() {
        let assembly = Event::new(
            "assembly",
            Text::from([("ca", "Assemblea General")]),
            When::parse("2026-11-18").unwrap(),
        );
        let talk = Event::new(
            "talk",
            Text::from([("ca", "Xerrada"), ("en", "Talk")]),
            When::parse("2026-11-18T20:00").unwrap(),
        );
        let w = november(&feed(vec![assembly, talk]), "2026-11-01");
        let day = cells(&w.markup)
            .into_iter()
            .find(|c| c.contains("2026-11-18"))
            .unwrap();
        assert!(
            day.contains("2 events: <span lang=\"ca\">Assemblea General</span>, 20:00 Talk<"),
            "{day}"
        );
    }

    #[test]
    fn a_bar_takes_its_segment_colour_and_a_foreign_event_its_own_clock_on_hover() {
        let mut ventana = Event::new(
            "ventana",
            "Ventana Sur",
            When::parse("2026-11-30T10:00").unwrap(),
        );
        ventana.timezone = Some("America/Argentina/Buenos_Aires".into());
        ventana.segments = vec!["distribution".into()];
        let mut f = feed(vec![ventana]);
        let mut distribution = Segment::new("distribution", "Distribution");
        distribution.color = Some("#2e7d32".into());
        f.segments.push(distribution);
        let w = november(&f, "2026-11-01");
        assert_eq!(w.colours, ["#2e7d32"]);
        assert!(
            w.markup.contains(
                "title=\"14:00 Ventana Sur\nMonday 30 November 2026, 10:00 (Buenos Aires time)\""
            ),
            "{}",
            w.markup
        );
    }

    #[test]
    fn feed_text_cannot_open_an_element_or_leave_an_attribute() {
        let hostile = r#""><img src=x onerror=alert(1)><script>alert(2)</script>"#;
        let w = november(
            &feed(vec![Event::new(
                "x",
                hostile,
                When::parse("2026-11-10").unwrap(),
            )]),
            "2026-11-01",
        );
        assert!(!w.markup.contains("<img"), "{}", w.markup);
        assert!(!w.markup.contains("<script"));
        assert!(
            w.markup
                .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
        );
    }
}
