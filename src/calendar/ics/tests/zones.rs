//! Each zone a file names comes with a VTIMEZONE whose rules give, read back, the offsets
//! jiff's database gives for every year the events span.

use super::*;

#[test]
fn the_zone_named_has_a_vtimezone_with_madrid_s_rules() {
    let cal = parsed();
    let zones: Vec<_> = cal
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Other(o) if o.component_kind() == "VTIMEZONE" => Some(o),
            _ => None,
        })
        .collect();
    assert_eq!(zones.len(), 1, "only the repeating event names a zone");
    assert_eq!(zones[0].property_value("TZID"), Some("Europe/Madrid"));
    let observances: Vec<[Option<String>; 5]> = zones[0]
        .components()
        .iter()
        .map(|o| {
            let p = |k: &str| o.property_value(k).map(str::to_owned);
            [
                Some(o.component_kind()),
                p("DTSTART"),
                p("TZOFFSETFROM"),
                p("TZOFFSETTO"),
                p("RRULE"),
            ]
        })
        .collect();
    let s = |v: &str| Some(v.to_owned());
    // Summer time from 02:00 on the last Sunday of March, winter time from 03:00 on the last
    // Sunday of October, from the year before the breakfast's first (2026).
    assert_eq!(
        observances,
        [
            [
                s("DAYLIGHT"),
                s("20250330T020000"),
                s("+0100"),
                s("+0200"),
                s("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")
            ],
            [
                s("STANDARD"),
                s("20251026T030000"),
                s("+0200"),
                s("+0100"),
                s("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU")
            ],
        ]
    );
}

#[test]
fn a_zone_without_summer_time_has_one_fixed_observance() {
    let mut feed = sample();
    feed.events[3].recurrence = Some(Rrule::parse("FREQ=YEARLY;COUNT=3").unwrap());
    let text = calendar(&feed, &[3], Lang::En, "example.org", NOW, &Jiff);
    let cal: Calendar = text.parse().unwrap();
    let zone = cal
        .components
        .iter()
        .find_map(|c| match c {
            CalendarComponent::Other(o) if o.component_kind() == "VTIMEZONE" => Some(o),
            _ => None,
        })
        .unwrap();
    assert_eq!(
        zone.property_value("TZID"),
        Some("America/Argentina/Buenos_Aires")
    );
    let only = zone.components();
    assert_eq!(only.len(), 1);
    assert_eq!(only[0].property_value("TZOFFSETTO"), Some("-0300"));
    assert_eq!(only[0].property_value("TZOFFSETFROM"), Some("-0300"));
}

#[test]
fn a_southern_zone_s_observances_begin_before_its_summer_events() {
    // A weekly Sydney meeting from 10 January 2027, in daylight time since October 2026: a
    // reader needs an observance that has begun by then to place it (RFC 5545 leaves times
    // before the first onset undefined).
    let file = series(
        "Australia/Sydney",
        "2027-01-10T10:00",
        Some("2027-01-10T11:00"),
        "FREQ=WEEKLY;COUNT=20",
    );
    let cal: Calendar = file.parse().unwrap();
    let onsets: Vec<String> = cal
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Other(o) if o.component_kind() == "VTIMEZONE" => Some(o),
            _ => None,
        })
        .flat_map(|z| z.components().iter())
        .filter_map(|o| o.property_value("DTSTART").map(str::to_owned))
        .collect();
    assert!(
        onsets.iter().any(|d| d.as_str() < "20270110T100000"),
        "an observance in force on 10 January 2027: {onsets:?}"
    );
}

/// The onsets of the observances of the file's VTIMEZONE for `zone`, and the offset each
/// begins, as RFC 5545 defines them: each observance begins at its DTSTART (a wall-clock
/// time on its TZOFFSETFROM) and again each year its yearly RRULE names, up to its UNTIL.
fn onsets(file: &str, zone: &str) -> Vec<(f64, i64)> {
    let cal: Calendar = file.parse().unwrap();
    let block = cal
        .components
        .iter()
        .find_map(|c| match c {
            CalendarComponent::Other(o)
                if o.component_kind() == "VTIMEZONE" && o.property_value("TZID") == Some(zone) =>
            {
                Some(o)
            }
            _ => None,
        })
        .unwrap_or_else(|| panic!("no VTIMEZONE for {zone}"));
    let seconds = |v: &str| {
        let sign = if v.starts_with('-') { -1 } else { 1 };
        sign * (v[1..3].parse::<i64>().unwrap() * 3600 + v[3..5].parse::<i64>().unwrap() * 60)
    };
    // `YYYYMMDDTHHMMSS`, with or without a `Z`.
    let stamp = |v: &str| {
        let n = |from: usize, to: usize| v[from..to].parse::<u8>().unwrap();
        let year = v[0..4].parse().unwrap();
        let time = Time {
            hour: n(9, 11),
            minute: n(11, 13),
            second: n(13, 15),
        };
        (Date::new(year, n(4, 6), n(6, 8)).unwrap(), time)
    };
    let mut onsets: Vec<(f64, i64)> = Vec::new();
    for o in block.components() {
        let (day, time) = stamp(o.property_value("DTSTART").unwrap());
        let (from, to) = (
            seconds(o.property_value("TZOFFSETFROM").unwrap()),
            seconds(o.property_value("TZOFFSETTO").unwrap()),
        );
        let onset = |d: Date| epoch_ms(d, time) - from as f64 * 1000.0;
        onsets.push((onset(day), to));
        let Some(rule) = o.property_value("RRULE") else {
            continue;
        };
        let part = |key: &str| {
            rule.split(';')
                .find_map(|p| p.strip_prefix(&format!("{key}=")))
        };
        assert_eq!(part("FREQ"), Some("YEARLY"), "{rule}");
        let month = part("BYMONTH").unwrap().parse::<u8>().unwrap();
        // A weekday counted in the month (`-1SU`), or one (`SU`) or none on the days listed.
        let by_day = part("BYDAY").map(|by_day| {
            let (n, code) = by_day.split_at(by_day.len() - 2);
            let weekday =
                crate::feed::Weekday::ALL[DAY_CODES.iter().position(|c| *c == code).unwrap()];
            (n.parse::<i8>().ok(), weekday)
        });
        let month_days: Option<Vec<u8>> =
            part("BYMONTHDAY").map(|list| list.split(',').map(|d| d.parse().unwrap()).collect());
        let until = part("UNTIL").map(|u| {
            let (d, t) = stamp(u);
            epoch_ms(d, t)
        });
        for year in day.year + 1..=2040 {
            let first = Date::new(year, month, 1).unwrap();
            let last = Date::new(year, month, days_in_month(year, month)).unwrap();
            let d = match (by_day, &month_days) {
                (Some((Some(n), weekday)), None) => {
                    weekdays_in(first, last, weekday, Some(n)).pop().unwrap()
                }
                (by_day, Some(listed)) => {
                    let days: Vec<Date> = (1..=last.day)
                        .filter(|d| listed.contains(d))
                        .map(|d| Date::new(year, month, d).unwrap())
                        .filter(|d| by_day.is_none_or(|(_, w)| d.weekday() == w))
                        .collect();
                    assert_eq!(days.len(), 1, "{rule} in {year}: {days:?}");
                    days[0]
                }
                _ => panic!("{rule}"),
            };
            if until.is_some_and(|u| onset(d) > u) {
                break;
            }
            onsets.push((onset(d), to));
        }
    }
    onsets
}

/// The offset a calendar app reads at the instant `ms` from `onsets`: the one the latest
/// onset at or before it began; `None` before the first.
fn offset_read(onsets: &[(f64, i64)], ms: f64) -> Option<i64> {
    onsets
        .iter()
        .filter(|(at, _)| *at <= ms)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, to)| *to)
}

#[test]
fn a_zone_s_rules_hold_for_every_year_of_a_series_also_where_they_changed() {
    // A weekly meeting from January 2021, downloaded in November 2026, in zones that kept
    // their rules (Madrid, Sydney), left summer time (Mexico City in 2022, São Paulo in
    // 2019), never had it lately (Buenos Aires) or moved their changes (Chile, Egypt).
    for zone in [
        "Europe/Madrid",
        "Australia/Sydney",
        "America/Mexico_City",
        "America/Sao_Paulo",
        "America/Argentina/Buenos_Aires",
        "America/Santiago",
        "Africa/Cairo",
        "Asia/Jerusalem",
    ] {
        let file = series(
            zone,
            "2021-01-12T10:00",
            Some("2021-01-12T11:00"),
            "FREQ=WEEKLY;BYDAY=TU",
        );
        // From the first meeting to the end of 2028.
        offsets_hold(&file, zone, Date::new(2021, 1, 12), Date::new(2029, 1, 1));
    }
}

#[test]
fn a_zone_s_rules_hold_for_a_series_from_before_1970() {
    // Madrid's noon, yearly from 1935 (no summer time then) and from 1929 (summer time that
    // year), to 1980: the first years had no observance in force, and one written as from
    // 1970 at +00:00 put 1970 to 1973 an hour off. (A file holds a century of a zone's rules:
    // a series from before 1928 is read from there.)
    for start in ["1935-06-15T12:00", "1929-06-15T12:00"] {
        let file = series(
            "Europe/Madrid",
            start,
            Some(&start.replace("12:00", "13:00")),
            "FREQ=YEARLY;UNTIL=19801231",
        );
        let year: i32 = start[..4].parse().unwrap();
        offsets_hold(
            &file,
            "Europe/Madrid",
            Date::new(year, 6, 15),
            Date::new(1981, 1, 1),
        );
    }
}

/// Asserts that the offset a calendar app reads from `file`'s VTIMEZONE for `zone` is jiff's,
/// every six hours from `from` to `to`.
fn offsets_hold(file: &str, zone: &str, from: Option<Date>, to: Option<Date>) {
    let onsets = onsets(file, zone);
    let (from, to) = (
        epoch_ms(from.unwrap(), Time::default()),
        epoch_ms(to.unwrap(), Time::default()),
    );
    let mut at = from;
    while at < to {
        assert_eq!(
            offset_read(&onsets, at),
            Some(Jiff.offset(zone, at)),
            "{zone} at {}",
            crate::calendar::ics::utc(at)
        );
        at += 6.0 * 3_600_000.0;
    }
}

#[test]
fn a_series_of_instants_leaves_out_the_occurrence_on_a_date_in_the_events_zone() {
    // Daily at 23:30Z, 00:30 the next day in Madrid: "25 March" left out is the occurrence
    // of 25 March in Madrid, the 24th's 23:30Z, as the calendar leaves it out.
    let mut late = event("late", "2026-03-23T23:30Z", None);
    late.recurrence = Some(Rrule::parse("FREQ=DAILY;COUNT=3").unwrap());
    late.exdates = vec![w("2026-03-25"), w("2026-03-23T09:00")];
    let mut feed = Feed::default();
    feed.cluster.timezone = "Europe/Madrid".into();
    feed.events = vec![late];
    let file = calendar(&feed, &[0], Lang::En, "example.org", NOW, &Jiff);
    assert!(file.contains("\r\nEXDATE:20260324T233000Z\r\n"), "{file}");
    // A time without a zone is Madrid's: 09:00 there is 08:00Z.
    assert!(file.contains("\r\nEXDATE:20260323T080000Z\r\n"), "{file}");
}

#[test]
fn a_series_that_starts_years_ahead_has_its_zone_s_rules_for_every_year_of_it() {
    // Downloaded in November 2026: a weekly meeting from June 2029 to 2035, in zones whose
    // changes fall on a weekday counted in the month (Madrid, New York), on a weekday on or
    // after a day (Chile's Sun>=2) and before the last Sunday (Israel's Friday).
    for zone in [
        "Europe/Madrid",
        "America/New_York",
        "America/Santiago",
        "Asia/Jerusalem",
    ] {
        let file = series(
            zone,
            "2029-06-05T09:00",
            Some("2029-06-05T10:00"),
            "FREQ=WEEKLY;UNTIL=20351231",
        );
        offsets_hold(&file, zone, Date::new(2029, 6, 5), Date::new(2036, 1, 1));
    }
}

#[test]
fn a_start_off_the_rule_is_written_apart_so_that_every_app_counts_the_same_occurrences() {
    // Tuesday 5 January 2027, then Mondays and Wednesdays, six in all: the calendar shows
    // 5, 6, 11, 13, 18 and 20 January (RFC 5545 counts the start); an app that skips a start
    // off the rule showed 6 to 25 January.
    let mut feed = Feed::default();
    feed.cluster.timezone = "Europe/Madrid".into();
    let mut class = event("class", "2027-01-05T12:00", Some("2027-01-05T13:30"));
    class.recurrence = Some(Rrule::parse("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=6").unwrap());
    feed.events = vec![class];
    let shown: Vec<Date> = crate::calendar::occur::occurrences(
        &feed,
        "Europe/Madrid",
        Date::new(2027, 1, 1).unwrap(),
        Date::new(2027, 3, 1).unwrap(),
        &Jiff,
    )
    .iter()
    .map(|o| o.first)
    .collect();
    assert_eq!(shown.len(), 6);
    let file = calendar(&feed, &[0], Lang::En, "example.org", NOW, &Jiff);
    let has = |line: &str| file.contains(&format!("\r\n{line}\r\n"));
    assert!(has("DTSTART;TZID=Europe/Madrid:20270106T120000"), "{file}");
    assert!(has("DTEND;TZID=Europe/Madrid:20270106T133000"), "{file}");
    assert!(has("RRULE:FREQ=WEEKLY;COUNT=5;BYDAY=MO,WE"), "{file}");
    assert!(has("RDATE;TZID=Europe/Madrid:20270105T120000"), "{file}");
    // Read as any app reads it now: the start the rule gives, its five, and the RDATE.
    let rule = Rrule::parse("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=5").unwrap();
    let first = Date::new(2027, 1, 6).unwrap();
    assert!(recur::gives_start(first, &rule));
    let mut read = recur::days(first, &rule, None, first, first.add_days(100));
    read.insert(0, Date::new(2027, 1, 5).unwrap());
    assert_eq!(read, shown);

    // A start the rule gives is written as it is.
    feed.events[0].start = w("2027-01-04T12:00");
    feed.events[0].end = Some(w("2027-01-04T13:30"));
    let file = calendar(&feed, &[0], Lang::En, "example.org", NOW, &Jiff);
    assert!(
        file.contains("DTSTART;TZID=Europe/Madrid:20270104T120000"),
        "{file}"
    );
    assert!(
        file.contains("COUNT=6") && !file.contains("RDATE"),
        "{file}"
    );
}

#[test]
fn a_start_off_the_rule_with_nothing_after_it_or_nothing_for_years_is_written_as_the_calendar_reads_it()
 {
    let mut feed = Feed::default();
    feed.cluster.timezone = "Europe/Madrid".into();
    // UNTIL at Wednesday noon, before Wednesday's 18:00: the calendar shows the Tuesday
    // alone, and so does the file (one event, no rule, no RDATE).
    let mut class = event("class", "2027-01-05T18:00", None);
    class.recurrence = Some(Rrule::parse("FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270106T120000").unwrap());
    feed.events = vec![class];
    let file = calendar(&feed, &[0], Lang::En, "example.org", NOW, &Jiff);
    assert!(file.contains("\r\nDTSTART:20270105T170000Z\r\n"), "{file}");
    assert!(!file.contains("RRULE") && !file.contains("RDATE"), "{file}");
    // Every twentieth January 10th: the rule's next day is twenty years on, past the years
    // looked at; the rule is written as it is, not lost.
    let mut jubilee = event("jubilee", "2025-01-15", None);
    jubilee.recurrence =
        Some(Rrule::parse("FREQ=YEARLY;INTERVAL=20;BYMONTH=1;BYMONTHDAY=10").unwrap());
    feed.events = vec![jubilee];
    let file = calendar(&feed, &[0], Lang::En, "example.org", NOW, &Jiff);
    assert!(
        file.contains("\r\nDTSTART;VALUE=DATE:20250115\r\n"),
        "{file}"
    );
    assert!(
        file.contains("RRULE:FREQ=YEARLY;INTERVAL=20;BYMONTH=1;BYMONTHDAY=10"),
        "{file}"
    );
}

#[test]
fn a_zone_s_last_rules_are_read_from_ten_years_of_them_whatever_the_first_series_year() {
    // A weekly meeting from 2019 in Santiago: the rules since 2023 put April's change on the
    // 2nd to the 7th up to 2028, which a count from the month's start also gives; 2029's is
    // on the 8th (Sun>=2).
    let file = series(
        "America/Santiago",
        "2019-01-08T10:00",
        Some("2019-01-08T11:00"),
        "FREQ=WEEKLY",
    );
    offsets_hold(
        &file,
        "America/Santiago",
        Date::new(2023, 1, 1),
        Date::new(2036, 1, 1),
    );
}
