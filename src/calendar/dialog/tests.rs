use super::*;
use crate::calendar::occur::occurrences;
use crate::calendar::occur::testing::Jiff;
use crate::feed::{Event, Rrule, Segment, Text, When};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn feed() -> Feed {
    let mut ventana = Event::new(
        "ventana",
        "Ventana Sur <2026>",
        When::parse("2026-12-01T10:00").unwrap(),
    );
    ventana.end = Some(When::parse("2026-12-04T19:00").unwrap());
    ventana.timezone = Some("America/Argentina/Buenos_Aires".into());
    ventana.location = Some(Text::Plain("Buenos Aires".into()));
    ventana.description = Some(Text::Plain("Screenings.\n\n<b>Meetings</b>.".into()));
    ventana.url = Some("https://ventana-sur.example/?a=1&b=2".into());
    ventana.segments = vec!["distribution".into()];
    let breakfast = Event::new(
        "breakfast",
        "Breakfast",
        When::parse("2026-12-01T09:00").unwrap(),
    );
    let mut feed = Feed {
        events: vec![ventana, breakfast],
        ..Feed::default()
    };
    feed.cluster.timezone = "Europe/Madrid".into();
    let mut distribution = Segment::new("distribution", "Distribution");
    distribution.color = Some("#2e7d32".into());
    feed.segments.push(distribution);
    feed
}

fn placed(feed: &Feed) -> Vec<Occurrence> {
    occurrences(
        feed,
        "Europe/Madrid",
        d("2026-11-30"),
        d("2026-12-06"),
        &Jiff,
    )
}

/// The dialog's content for `opened`, in English, in Madrid, headed by `t`.
fn shown(feed: &Feed, placed: &[Occurrence], opened: &Opened) -> (String, Vec<String>) {
    content(
        feed,
        opened,
        placed,
        ("Europe/Madrid", false),
        Lang::En,
        "t",
        &Jiff,
    )
}

#[test]
fn a_day_lists_its_occurrences_as_buttons_by_their_place_in_the_month() {
    let feed = feed();
    let placed = placed(&feed);
    let (html, _) = shown(&feed, &placed, &Opened::Day(d("2026-12-01")));
    assert!(
        html.starts_with("<h2 id=\"t\" tabindex=\"-1\">Tuesday 1 December 2026</h2>"),
        "{html}"
    );
    let breakfast = placed.iter().position(|o| o.event == 1).unwrap();
    let ventana = placed.iter().position(|o| o.event == 0).unwrap();
    assert!(
        html.contains(&format!("data-o=\"{breakfast}\">09:00 Breakfast<")),
        "{html}"
    );
    assert!(
        html.contains(&format!(
            "data-o=\"{ventana}\">14:00 Ventana Sur &lt;2026&gt; (day 1 of 4)<"
        )),
        "{html}"
    );
    assert!(
        html.find("Breakfast").unwrap() < html.find("Ventana").unwrap(),
        "in the order they begin, not longest first: {html}"
    );
    let (html, _) = shown(&feed, &placed, &Opened::Day(d("2026-12-05")));
    assert!(
        html.ends_with("<ul class=\"ck-day-list\"></ul><p>No events on this day.</p>"),
        "nothing on the 5th (the filters changed while its list was open), and said: {html}"
    );
}

#[test]
fn an_event_opened_from_a_days_list_leads_back_to_it_in_the_visitors_language() {
    let feed = feed();
    let placed = placed(&feed);
    let ventana = placed.iter().find(|o| o.event == 0).unwrap().clone();
    let tuesday = Some(d("2026-12-01"));
    for lang in [Lang::Ca, Lang::Es, Lang::Gl, Lang::En] {
        let opened = Opened::Event(ventana.clone(), tuesday);
        let (html, _) = content(
            &feed,
            &opened,
            &placed,
            ("Europe/Madrid", false),
            lang,
            "t",
            &Jiff,
        );
        let back = format!(
            "<button type=\"button\" class=\"ck-link\" data-back=\"2026-12-01\">\
             <span aria-hidden=\"true\">‹ </span>{}</button><h2 id=\"t\"",
            lang.strings().back_to_day
        );
        assert!(html.starts_with(&back), "{lang:?}: {html}");
    }
    // Opened from its bar or the list: nothing to go back to.
    let (html, _) = shown(&feed, &placed, &Opened::Event(ventana, None));
    assert!(html.starts_with("<h2 "), "{html}");
    assert!(!html.contains("data-back"));
}

#[test]
fn an_event_gives_its_details_its_own_clock_its_file_and_its_links() {
    let feed = feed();
    let placed = placed(&feed);
    let ventana = placed.iter().find(|o| o.event == 0).unwrap().clone();
    let (html, colours) = shown(&feed, &placed, &Opened::Event(ventana, None));
    assert!(html.contains("<h2 id=\"t\" tabindex=\"-1\">Ventana Sur &lt;2026&gt;</h2>"));
    assert!(
        // 13:00 to 22:00 UTC, three hours behind it.
        html.contains(
            "Tuesday 1 December 2026, 10:00 – Friday 4 December 2026, 19:00 (Buenos Aires time)"
        ),
        "{html}"
    );
    assert!(html.contains("<dd>Buenos Aires</dd>"));
    assert!(
        html.contains("<p>Screenings.</p><p>&lt;b&gt;Meetings&lt;/b&gt;.</p>"),
        "paragraphs, escaped"
    );
    assert!(html.contains("<li class=\"ck-tag\">Distribution</li>"));
    assert_eq!(colours, ["#2e7d32"]);
    assert!(html.contains("href=\"https://ventana-sur.example/?a=1&amp;b=2\" target=\"_blank\" rel=\"noopener noreferrer\""));
    assert!(html.contains("data-download=\"\""));
    assert!(
        html.contains("href=\"https://calendar.google.com/"),
        "{html}"
    );
    assert!(!html.contains("<b>"));
    // In its own zone, no second clock.
    let breakfast = placed.iter().find(|o| o.event == 1).unwrap().clone();
    let (html, colours) = shown(&feed, &placed, &Opened::Event(breakfast, None));
    assert!(!html.contains(" in Madrid"), "{html}");
    assert!(colours.is_empty());
    assert!(!html.contains("Repeats"), "a one-off event repeats not");
}

#[test]
fn a_repeating_event_says_how_often() {
    let mut feed = feed();
    feed.events[1].recurrence = Some(Rrule::parse("FREQ=WEEKLY;BYDAY=TU;COUNT=6").unwrap());
    let placed = placed(&feed);
    let breakfast = placed.iter().find(|o| o.event == 1).unwrap().clone();
    let (html, _) = shown(&feed, &placed, &Opened::Event(breakfast, None));
    assert!(
        html.contains("<dt>Repeats</dt><dd>every week on Tuesdays, 6 times</dd>"),
        "{html}"
    );
    // Until 23:30Z on the 8th, 00:30 on the 9th in Madrid: that day's breakfast is the last.
    feed.events[1].recurrence =
        Some(Rrule::parse("FREQ=WEEKLY;BYDAY=TU,WE;UNTIL=20261208T233000Z").unwrap());
    feed.events[1].start = When::parse("2026-12-01T00:15").unwrap();
    let again = self::placed(&feed);
    let breakfast = again.iter().find(|o| o.event == 1).unwrap().clone();
    let (html, _) = shown(&feed, &again, &Opened::Event(breakfast, None));
    assert!(
        html.contains("<dd>every week on Tuesdays and Wednesdays, until 9 December 2026</dd>"),
        "{html}"
    );
}

#[test]
fn an_event_in_a_zone_whose_clock_reads_as_the_calendars_adds_no_second_time() {
    let mut feed = feed();
    // Andorra keeps Madrid's time: "(Andorra time)" would say the same time again.
    feed.events[1].timezone = Some("Europe/Andorra".into());
    feed.events[1].recurrence = Some(Rrule::parse("FREQ=WEEKLY").unwrap());
    let placed = placed(&feed);
    let breakfast = placed.iter().find(|o| o.event == 1).unwrap().clone();
    let (html, _) = shown(&feed, &placed, &Opened::Event(breakfast, None));
    assert!(!html.contains("Andorra time"), "{html}");
    assert!(html.contains("<dd>every week</dd>"), "{html}");
}

#[test]
fn a_series_seen_on_another_clock_says_whose_days_its_rule_counts() {
    let mut feed = feed();
    // The last Friday of each month, 18:00 in Madrid: a Saturday in Tokyo.
    feed.events[1].start = When::parse("2026-11-27T18:00").unwrap();
    feed.events[1].recurrence = Some(Rrule::parse("FREQ=MONTHLY;BYDAY=-1FR").unwrap());
    let in_tokyo = occurrences(&feed, "Asia/Tokyo", d("2026-11-01"), d("2026-12-31"), &Jiff);
    let last = in_tokyo.iter().find(|o| o.event == 1).unwrap().clone();
    assert_eq!(last.first, d("2026-11-28"), "a Saturday in Tokyo");
    let opened = Opened::Event(last, None);
    let (html, _) = content(
        &feed,
        &opened,
        &in_tokyo,
        ("Asia/Tokyo", false),
        Lang::En,
        "t",
        &Jiff,
    );
    assert!(
        html.contains("<dd>every month on the last Friday (Madrid time)</dd>"),
        "{html}"
    );
    // On the event's own clock, nothing to add.
    let placed = occurrences(
        &feed,
        "Europe/Madrid",
        d("2026-11-01"),
        d("2026-12-31"),
        &Jiff,
    );
    let last = placed.iter().find(|o| o.event == 1).unwrap().clone();
    let (html, _) = shown(&feed, &placed, &Opened::Event(last, None));
    assert!(
        html.contains("<dd>every month on the last Friday</dd>"),
        "{html}"
    );
}

#[test]
fn a_title_and_place_in_another_language_say_which_in_day_and_event() {
    let mut feed = feed();
    feed.events[1].title = Text::from([("gl", "Almorzo <de traballo>"), ("es", "Desayuno")]);
    feed.events[1].location = Some(Text::from([("gl", "Santiago de Compostela")]));
    feed.events[1].category = Some("xuntanza".into());
    feed.categories = vec![crate::feed::Category::new(
        "xuntanza",
        Text::from([("gl", "Xuntanza")]),
    )];
    let placed = placed(&feed);
    let (day, _) = shown(&feed, &placed, &Opened::Day(d("2026-12-01")));
    assert!(
        day.contains(">09:00 <span lang=\"gl\">Almorzo &lt;de traballo&gt;</span></button>"),
        "{day}"
    );
    let breakfast = placed.iter().find(|o| o.event == 1).unwrap().clone();
    let (event, _) = shown(&feed, &placed, &Opened::Event(breakfast.clone(), None));
    assert!(
        event.contains("<h2 id=\"t\" tabindex=\"-1\" lang=\"gl\">Almorzo &lt;de traballo&gt;</h2>"),
        "{event}"
    );
    assert!(
        event.contains("<dd lang=\"gl\">Santiago de Compostela</dd>"),
        "{event}"
    );
    assert!(
        event.contains("<p class=\"ck-meta\" lang=\"gl\">Xuntanza</p>"),
        "{event}"
    );
    // In the visitor's own language: nothing to mark.
    let (es, _) = content(
        &feed,
        &Opened::Event(breakfast, None),
        &placed,
        ("Europe/Madrid", false),
        Lang::Es,
        "t",
        &Jiff,
    );
    assert!(
        es.contains("<h2 id=\"t\" tabindex=\"-1\">Desayuno</h2>"),
        "{es}"
    );
}

#[test]
fn an_unsafe_link_in_a_feed_built_in_rust_reaches_neither_page_nor_file() {
    // The reader drops it with a diagnostic; a Feed built in Rust skips the reader.
    let mut feed = feed();
    feed.events[1].url = Some("JavaScript:alert(1)".into());
    let placed = placed(&feed);
    let breakfast = placed.iter().find(|o| o.event == 1).unwrap().clone();
    let (html, _) = shown(&feed, &placed, &Opened::Event(breakfast, None));
    assert!(!html.to_lowercase().contains("javascript"), "{html}");
    // Its other links are still offered.
    assert!(
        html.contains("href=\"https://calendar.google.com/"),
        "{html}"
    );
    let file = crate::calendar::ics::calendar(&feed, &[1], Lang::En, "h", 0.0, &Jiff);
    assert!(file.contains("SUMMARY:Breakfast"), "{file}");
    assert!(!file.to_lowercase().contains("javascript"), "{file}");
    // Nor does a line break in one add lines to the file.
    feed.events[1].url = Some("https://bad host/\nATTACH:https://evil.example/x.exe".into());
    let file = crate::calendar::ics::calendar(&feed, &[1], Lang::En, "h", 0.0, &Jiff);
    assert!(file.contains("SUMMARY:Breakfast"), "{file}");
    assert!(!file.contains("\nATTACH:"), "{file}");
}

#[test]
fn an_events_time_says_the_calendars_zone_where_the_visitor_keeps_another_clock() {
    let mut feed = feed();
    let when = |feed: &Feed, said| {
        let placed = placed(feed);
        let breakfast = placed.iter().find(|o| o.event == 1).unwrap().clone();
        let opened = Opened::Event(breakfast, None);
        let zone = ("Europe/Madrid", said);
        let (html, _) = content(feed, &opened, &placed, zone, Lang::En, "t", &Jiff);
        let at = html.find("<dt>When</dt><dd>").unwrap() + "<dt>When</dt><dd>".len();
        html[at..at + html[at..].find("</dd>").unwrap()].to_owned()
    };
    assert_eq!(
        when(&feed, true),
        "Tuesday 1 December 2026, 09:00 (Madrid time)"
    );
    assert_eq!(when(&feed, false), "Tuesday 1 December 2026, 09:00");
    // A day's event has no clock to say.
    feed.events[1].start = When::parse("2026-12-01").unwrap();
    assert_eq!(when(&feed, true), "Tuesday 1 December 2026");
}
