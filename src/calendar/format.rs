//! Dates, times and zones as the calendar writes them, in the visitor's language, from the
//! strings shipped with the widget (Chromium's `Intl` has no Galician).

use super::occur::{Occurrence, Span};
use crate::feed::{Date, Time};
use crate::i18n::{Lang, fill};
use crate::ui::escape;

mod repeats;
mod zones;

pub(crate) use repeats::repeats;
pub(crate) use zones::{on_own_clock, own_clock, zone_note};

/// A time of day on a 24-hour clock: `09:00`.
pub(crate) fn time(t: Time) -> String {
    format!("{:02}:{:02}", t.hour, t.minute)
}

/// A full date: "dilluns, 16 de novembre de 2026", "Monday 16 November 2026".
pub(crate) fn date_long(lang: Lang, d: Date) -> String {
    date_as(lang, lang.strings().date_long, d)
}

/// `d` in a date `template` of `{weekday}`, `{day}`, `{month}` (as in a date) and `{year}`.
fn date_as(lang: Lang, template: &str, d: Date) -> String {
    let s = lang.strings();
    fill(
        template,
        &[
            ("weekday", s.weekdays[d.weekday().index()]),
            ("day", &d.day.to_string()),
            ("month", s.months_in_date[usize::from(d.month) - 1]),
            ("year", &d.year.to_string()),
        ],
    )
}

/// A month as a heading names it, standing alone, so with a capital in every language (as
/// CLDR's context transforms have it): "Novembre de 2026", "November 2026".
pub(crate) fn month_year(lang: Lang, d: Date) -> String {
    let s = lang.strings();
    let heading = fill(
        s.month_year,
        &[
            ("month", s.months[usize::from(d.month) - 1]),
            ("year", &d.year.to_string()),
        ],
    );
    capitalized(heading)
}

/// A date as a heading names it, standing alone: with a capital, as a month's heading
/// ("Dimarts, 15 de desembre de 2026"), where a sentence writes it in lower case.
pub(crate) fn date_heading(lang: Lang, d: Date) -> String {
    capitalized(date_long(lang, d))
}

/// `text` with its first letter a capital (the names it starts with, of months and
/// weekdays, start with an ASCII letter in every language).
fn capitalized(mut text: String) -> String {
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

/// An occurrence as a day lists it: its title, after its start time on the day it starts.
pub(crate) fn on_day(o: &Occurrence, day: Date, title: String) -> String {
    match o.times.filter(|_| o.first == day) {
        Some((start, _)) => format!("{} {title}", time(start)),
        None => title,
    }
}

/// [`on_day`], and for an occurrence of several days which of them `day` is: "Talent Week
/// (day 3 of 5)", so that a day read out or listed alone does not seem to hold the whole event.
/// Markup: `title` comes escaped (and marked with its language where it has another), and so
/// does the rest.
pub(crate) fn on_day_of(lang: Lang, o: &Occurrence, day: Date, title: String) -> String {
    // A time is digits and a colon: nothing to escape.
    let text = on_day(o, day, title);
    if o.first == o.last {
        return text;
    }
    let nth = |d: Date| (d.days_since_epoch() - o.first.days_since_epoch() + 1).to_string();
    let of = fill(
        lang.strings().day_of_span,
        &[("n", &nth(day)), ("m", &nth(o.last))],
    );
    format!("{text} ({})", escape(&of))
}

/// When an occurrence happens, on the calendar's wall clock: its date, with its times when
/// it has them, and its last date when it lasts several days.
pub(crate) fn when(lang: Lang, o: &Occurrence) -> String {
    let (first, last) = (date_long(lang, o.first), date_long(lang, o.last));
    match (o.times, o.first == o.last) {
        (None, true) => first,
        (None, false) => days(lang, o.first, o.last),
        // Through the hour the clocks go back, each time with its offset: "02:30 (UTC+2)–
        // 02:30 (UTC+1)" lasts an hour, where "02:30" alone would seem to last none, and
        // "01:45–01:15" to end before it begins.
        (Some((start, end)), true) if offsets(o).is_some_and(|(a, b)| a != b) => {
            let (a, b) = offsets(o).unwrap_or_default();
            let (start, end) = (time(start), end_time(end));
            format!("{first}, {start} ({})–\u{2060}{end} ({})", utc(a), utc(b))
        }
        (Some((start, end)), true) if start == end => format!("{first}, {}", time(start)),
        // No line break after the dash: "17:00–" at a line's end reads as an open end.
        (Some((start, end)), true) => format!("{first}, {}–\u{2060}{}", time(start), end_time(end)),
        (Some((start, end)), false) => {
            // A midnight end shows as the day before's end of day, on its own date.
            format!("{first}, {} – {last}, {}", time(start), end_time(end))
        }
    }
}

/// The calendar clock's offsets from UTC, in minutes, at a timed occurrence's start and end.
fn offsets(o: &Occurrence) -> Option<(i64, i64)> {
    let Span::Timed(start, end) = o.span else {
        return None;
    };
    let (from, until) = o.times?;
    let minutes = |day: Date, t: Time, at: f64| {
        ((super::zone::epoch_ms(day, t) - at) / 60_000.0).round() as i64
    };
    // An end at midnight is on the day after the last it shows on (see `occur::place`).
    let last = if end > start && until == Time::default() {
        o.last.add_days(1)
    } else {
        o.last
    };
    Some((minutes(o.first, from, start), minutes(last, until, end)))
}

/// An offset of `minutes` from UTC, as zones so named are said: "UTC+2", "UTC−3",
/// "UTC+5:30".
fn utc(minutes: i64) -> String {
    let sign = if minutes < 0 { '\u{2212}' } else { '+' };
    let (hours, rest) = (minutes.abs() / 60, minutes.abs() % 60);
    if rest == 0 {
        format!("UTC{sign}{hours}")
    } else {
        format!("UTC{sign}{hours}:{rest:02}")
    }
}

/// All-day days from `first` to `last`, the month and year said once when they share them:
/// "del dimarts 2 al divendres 5 de febrer de 2027", "Tuesday 2 – Friday 5 February 2027".
fn days(lang: Lang, first: Date, last: Date) -> String {
    let s = lang.strings();
    let month = |d: Date| s.months_in_date[usize::from(d.month) - 1];
    let day = |d: Date| format!("{} {}", s.weekdays[d.weekday().index()], d.day);
    let full = |d: Date| date_as(lang, s.date_in_range, d);
    let start = match (first.year == last.year, first.month == last.month) {
        (false, _) => full(first),
        (true, false) => format!("{} {}", day(first), month(first)),
        (true, true) => day(first),
    };
    fill(s.date_range, &[("first", &start), ("last", &full(last))])
}

/// An end time; midnight, which ends the day before, as 24:00.
fn end_time(t: Time) -> String {
    if t == Time::default() {
        "24:00".to_owned()
    } else {
        time(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::occur::Span;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn at(hour: u8, minute: u8) -> Time {
        Time {
            hour,
            minute,
            second: 0,
        }
    }

    fn occ(first: &str, last: &str, times: Option<(Time, Time)>) -> Occurrence {
        Occurrence {
            event: 0,
            span: Span::AllDay(d(first), d(last)),
            first: d(first),
            last: d(last),
            times,
        }
    }

    #[test]
    fn dates_read_as_each_language_writes_them() {
        assert_eq!(
            date_long(Lang::Ca, d("2026-11-16")),
            "dilluns, 16 de novembre de 2026"
        );
        assert_eq!(
            date_long(Lang::Ca, d("2026-04-06")),
            "dilluns, 6 d’abril de 2026"
        );
        assert_eq!(
            date_long(Lang::Es, d("2026-12-01")),
            "martes, 1 de diciembre de 2026"
        );
        // Standing alone, as a day's heading: with a capital.
        assert_eq!(
            date_heading(Lang::Gl, d("2026-12-15")),
            "Martes, 15 de decembro de 2026"
        );
        assert_eq!(
            date_long(Lang::Gl, d("2026-07-09")),
            "xoves, 9 de xullo de 2026"
        );
        assert_eq!(
            date_long(Lang::En, d("2028-02-29")),
            "Tuesday 29 February 2028"
        );
    }

    #[test]
    fn an_occurrence_says_its_days_and_times() {
        let en = Lang::En;
        assert_eq!(
            when(en, &occ("2026-11-16", "2026-11-16", None)),
            "Monday 16 November 2026"
        );
        assert_eq!(
            when(en, &occ("2026-11-16", "2026-11-20", None)),
            "Monday 16 – Friday 20 November 2026"
        );
        // Days in a range say their month and year once, in each language's words.
        for (lang, first, last, said) in [
            (
                Lang::Ca,
                "2027-02-02",
                "2027-02-05",
                "del dimarts 2 al divendres 5 de febrer de 2027",
            ),
            (
                Lang::Ca,
                "2027-03-30",
                "2027-04-02",
                "del dimarts 30 de març al divendres 2 d’abril de 2027",
            ),
            (
                Lang::Gl,
                "2027-02-02",
                "2027-02-05",
                "do martes 2 ao venres 5 de febreiro de 2027",
            ),
            (
                Lang::Es,
                "2026-12-31",
                "2027-01-02",
                "del jueves 31 de diciembre de 2026 al sábado 2 de enero de 2027",
            ),
            (
                Lang::En,
                "2026-11-30",
                "2026-12-04",
                "Monday 30 November – Friday 4 December 2026",
            ),
        ] {
            assert_eq!(when(lang, &occ(first, last, None)), said);
        }
        assert_eq!(
            when(
                en,
                &occ("2026-12-01", "2026-12-01", Some((at(9, 0), at(10, 30))))
            ),
            "Tuesday 1 December 2026, 09:00–\u{2060}10:30"
        );
        assert_eq!(
            when(
                en,
                &occ("2026-11-30", "2026-12-01", Some((at(22, 0), at(2, 0))))
            ),
            "Monday 30 November 2026, 22:00 – Tuesday 1 December 2026, 02:00"
        );
        assert_eq!(
            when(
                en,
                &occ("2026-12-01", "2026-12-01", Some((at(18, 0), at(18, 0))))
            ),
            "Tuesday 1 December 2026, 18:00"
        );
        // Ending at midnight, it ends on its own day.
        assert_eq!(
            when(
                en,
                &occ("2026-11-20", "2026-11-20", Some((at(20, 0), at(0, 0))))
            ),
            "Friday 20 November 2026, 20:00–\u{2060}24:00"
        );
    }
}
