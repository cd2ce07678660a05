use super::*;
use crate::calendar::occur::{occurrences, testing::Jiff};
use crate::feed::{Event, Text, When};

#[test]
fn months_head_their_events_and_each_event_is_a_safe_link() {
    let d = |s: &str| Date::parse(s).unwrap();
    let mut ventana = Event::new(
        "ventana",
        Text::from([("es", "Ventana Sur")]),
        When::parse("2026-12-01").unwrap(),
    );
    ventana.url = Some("https://ventana-sur.example/?a=1&b=2".into());
    ventana.location = Some(Text::from([("es", "Buenos Aires")]));
    let mut hostile = Event::new(
        "x",
        "\"><img src=x onerror=alert(1)>",
        When::parse("2026-11-25").unwrap(),
    );
    // Built in Rust, so never through the reader, which drops it.
    hostile.url = Some("javascript:alert(1)".into());
    let feed = Feed {
        events: vec![ventana, hostile],
        ..Feed::default()
    };
    let from = d("2026-11-23");
    let list = occurrences(&feed, "UTC", from, d("2027-01-31"), &Jiff);
    let html = markup(&feed, &list, from, (Lang::En, 3), "ck-agenda-1");
    let headings: Vec<&str> = html
        .split("<h3>")
        .skip(1)
        .map(|h| &h[..h.find('<').unwrap()])
        .collect();
    assert_eq!(headings, ["November 2026", "December 2026"]);
    // Under a calendar at level 3, its months at 4.
    let under = markup(&feed, &list, from, (Lang::En, 4), "ck-agenda-1");
    assert!(
        under.contains("<h3 aria-level=\"4\">November 2026</h3>"),
        "{under}"
    );
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("javascript"), "{html}");
    assert!(
        html.contains(r#"<li><button type="button" class="ck-agenda-item" id="ck-agenda-1-0""#),
        "no page of its own: a button, not a link to the page's own address"
    );
    assert!(!html.contains("href=\"#"), "{html}");
    assert!(
        html.contains(r#"href="https://ventana-sur.example/?a=1&amp;b=2""#),
        "{html}"
    );
    // Every item, link or button, says it opens the event's details in a dialog.
    assert_eq!(
        html.matches("<a ").count() + html.matches("<button ").count(),
        html.matches(r#"aria-haspopup="dialog""#).count()
    );
    // In Spanish only, so marked as Spanish on an English page.
    assert!(
        html.contains("<span class=\"ck-agenda-title\" lang=\"es\">Ventana Sur</span>"),
        "{html}"
    );
    assert!(
        html.contains("Tuesday 1 December 2026 · <span lang=\"es\">Buenos Aires</span>"),
        "{html}"
    );
    // Read out as one name (the text without its tags), a pause between title and date.
    let mut read = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => read.push(c),
            _ => {}
        }
    }
    assert!(
        read.contains("Ventana Sur, Tuesday 1 December 2026"),
        "{read}"
    );
    assert_eq!(
        markup(&feed, &[], from, (Lang::Ca, 3), "ck-agenda-1"),
        format!(
            "<p class=\"ck-status\" role=\"status\">{}</p>",
            Lang::Ca.strings().no_upcoming
        )
    );
}

/// `per_day` events a day, from `first` to `last`.
fn daily(first: &str, last: &str, per_day: u32) -> Vec<Event> {
    let d = |s: &str| Date::parse(s).unwrap();
    let mut events = Vec::new();
    let mut day = d(first);
    while day <= d(last) {
        for h in 0..per_day {
            let at = format!("{day}T{:02}:{:02}:00", 8 + h / 4, h % 4 * 15);
            events.push(Event::new(
                format!("e{day}-{h}"),
                "Pitch",
                When::parse(&at).unwrap(),
            ));
        }
        day = day.add_days(1);
    }
    events
}

#[test]
fn a_busy_calendar_lists_whole_months_of_about_a_hundred_events_a_step_a_quiet_one_a_year() {
    let d = |s: &str| Date::parse(s).unwrap();
    let on = |feed: &Feed, from: &str| step_on(feed, "UTC", d(from), None, &Jiff);
    let back = |feed: &Feed, to: &str| step_back(feed, "UTC", d(to), d("2000-01-01"), None, &Jiff);
    // Five events a day from 1 November 2026 to 31 March 2027.
    let busy = Feed {
        events: daily("2026-11-01", "2027-03-31", 5),
        ..Feed::default()
    };
    // From the 5th, 27 days of 5 are a hundred and more: the month's end. Then a month
    // a step.
    assert_eq!(on(&busy, "2026-12-05"), Some(d("2026-12-31")));
    assert_eq!(on(&busy, "2027-01-01"), Some(d("2027-01-31")));
    // Back from the 5th: the month's first days (20) are not yet a hundred: November too.
    assert_eq!(back(&busy, "2026-12-05"), Some(d("2026-11-01")));
    assert_eq!(back(&busy, "2026-11-01"), None, "nothing before November");
    assert_eq!(on(&busy, "2027-04-01"), None, "nothing after March");

    // A long exhibition still on when a busy year ends: a step back from two years on lists
    // that year's last month, not every month since the exhibition began.
    let mut events = daily("2024-01-01", "2024-12-31", 5);
    let mut exhibition = Event::new("expo", "Exposició", When::parse("2024-01-10").unwrap());
    exhibition.end = Some(When::parse("2025-06-30").unwrap());
    events.push(exhibition);
    let long = Feed {
        events,
        ..Feed::default()
    };
    assert_eq!(back(&long, "2026-01-01"), Some(d("2024-12-01")));

    // A festival: 1,500 screenings in June, then a quiet year. June whole, then the
    // quiet year in one step, from the month of its first event.
    let mut events = daily("2027-06-01", "2027-06-30", 50);
    for (i, day) in [
        "2027-08-20",
        "2027-10-02",
        "2028-02-14",
        "2028-07-01",
        "2028-08-30",
    ]
    .iter()
    .enumerate()
    {
        events.push(Event::new(
            format!("q{i}"),
            "Assemblea",
            When::parse(day).unwrap(),
        ));
    }
    let festival = Feed {
        events,
        ..Feed::default()
    };
    assert_eq!(on(&festival, "2027-06-01"), Some(d("2027-06-30")));
    assert_eq!(
        on(&festival, "2027-07-01"),
        Some(d("2028-07-31")),
        "August to July"
    );
    assert_eq!(on(&festival, "2028-08-01"), Some(d("2029-07-31")));
    // Back from the quiet year: June, whole, in one step.
    assert_eq!(back(&festival, "2027-08-01"), Some(d("2027-06-01")));

    // A real cluster's dozen events a year: the year, from its next event's month.
    let quiet = Feed {
        events: (1..=12)
            .map(|m| {
                Event::new(
                    format!("q{m}"),
                    "Assemblea",
                    When::parse(&format!("2027-{m:02}-15")).unwrap(),
                )
            })
            .collect(),
        ..Feed::default()
    };
    assert_eq!(on(&quiet, "2026-12-05"), Some(d("2027-12-31")));
    assert_eq!(back(&quiet, "2028-01-01"), Some(d("2027-01-01")));
}

#[test]
fn a_day_lists_its_events_in_the_order_they_begin() {
    let d = |s: &str| Date::parse(s).unwrap();
    let event = |id: &str, start: &str, end: &str| {
        let mut e = Event::new(id, id, When::parse(start).unwrap());
        e.end = Some(When::parse(end).unwrap());
        e
    };
    // An overnight event, which the grid draws as a bar over both days, above the day's
    // own; and an all-day one, listed first.
    let feed = Feed {
        events: vec![
            event("Late overnight", "2027-03-17T22:00", "2027-03-18T03:00"),
            event("Morning", "2027-03-17T10:00", "2027-03-17T11:00"),
            event("Noon", "2027-03-17T12:00", "2027-03-17T13:00"),
            event("Fair", "2027-03-17", "2027-03-17"),
            event("Next day", "2027-03-18T09:00", "2027-03-18T10:00"),
        ],
        ..Feed::default()
    };
    let from = d("2027-03-01");
    let list = in_order_begun(occurrences(&feed, "UTC", from, d("2027-03-31"), &Jiff));
    let html = markup(&feed, &list, from, (Lang::En, 3), "ck-agenda-1");
    let titles: Vec<&str> = html
        .split("<span class=\"ck-agenda-title\">")
        .skip(1)
        .map(|t| &t[..t.find('<').unwrap()])
        .collect();
    assert_eq!(
        titles,
        ["Fair", "Morning", "Noon", "Late overnight", "Next day"]
    );
}
