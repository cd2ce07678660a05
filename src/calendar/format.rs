//! Dates, times and zones as the calendar writes them, in the visitor's language, from the
//! strings shipped with the widget (Chromium's `Intl` has no Galician).

use super::occur::Occurrence;
use crate::feed::{Date, Freq, Rrule, Time, Weekday};
use crate::i18n::{Lang, fill};
use crate::ui::escape;

/// A time of day on a 24-hour clock: `09:00`.
pub fn time(t: Time) -> String {
    format!("{:02}:{:02}", t.hour, t.minute)
}

/// A full date: "dilluns, 16 de novembre de 2026", "Monday 16 November 2026".
pub fn date_long(lang: Lang, d: Date) -> String {
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

/// A month as a heading names it: "novembre de 2026", "November 2026".
pub fn month_year(lang: Lang, d: Date) -> String {
    let s = lang.strings();
    fill(
        s.month_year,
        &[
            ("month", s.months[usize::from(d.month) - 1]),
            ("year", &d.year.to_string()),
        ],
    )
}

/// An occurrence as a day lists it: its title, after its start time on the day it starts.
pub fn on_day(o: &Occurrence, day: Date, title: String) -> String {
    match o.times.filter(|_| o.first == day) {
        Some((start, _)) => format!("{} {title}", time(start)),
        None => title,
    }
}

/// [`on_day`], and for an occurrence of several days which of them `day` is: "Talent Week
/// (day 3 of 5)", so that a day read out or listed alone does not seem to hold the whole event.
/// Markup: `title` comes escaped (and marked with its language where it has another), and so
/// does the rest.
pub fn on_day_of(lang: Lang, o: &Occurrence, day: Date, title: String) -> String {
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
pub fn when(lang: Lang, o: &Occurrence) -> String {
    let (first, last) = (date_long(lang, o.first), date_long(lang, o.last));
    match (o.times, o.first == o.last) {
        (None, true) => first,
        (None, false) => days(lang, o.first, o.last),
        (Some((start, end)), true) if start == end => format!("{first}, {}", time(start)),
        (Some((start, end)), true) => format!("{first}, {}–{}", time(start), end_time(end)),
        (Some((start, end)), false) => {
            // A midnight end shows as the day before's end of day, on its own date.
            format!("{first}, {} – {last}, {}", time(start), end_time(end))
        }
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

/// "Times in Madrid" over a calendar whose zone is not the visitor's.
pub fn zone_note(lang: Lang, zone: &str) -> String {
    in_zone(lang, lang.strings().times_in, zone, "")
}

/// An event's start on its own zone's clock: "Tuesday 1 December 2026, 10:00 (Buenos Aires
/// time)".
pub fn own_clock(lang: Lang, d: Date, t: Time, zone: &str) -> String {
    let at = format!("{}, {}", date_long(lang, d), time(t));
    in_zone(lang, lang.strings().time_in_zone, zone, &at)
}

/// `template` with the city of `zone` and `time`; Catalan writes "de" as "d’" before a vowel
/// or an h ("hora d’Andorra", not "hora de Andorra").
fn in_zone(lang: Lang, template: &str, zone: &str, time: &str) -> String {
    let city = zone_name(lang, zone);
    let elided = lang == Lang::Ca && city.starts_with(|c: char| "AEIOUHÀÈÉÍÒÓÚ".contains(c));
    let template = if elided {
        template.replace("de {zone}", "d’{zone}")
    } else {
        template.to_owned()
    };
    fill(&template, &[("time", time), ("zone", &city)])
}

/// How `rule` repeats, as a visitor says it: "every week on Tuesday and Thursday, 10 times",
/// "cada mes, el primer dimarts". What one phrase cannot say (a month of a yearly rule,
/// several days of the month, an ordinal weekday in a weekly rule) is left out, so that what
/// it says stays true: "every year". `None` for a rule of one occurrence, which repeats not.
pub fn repeats(lang: Lang, rule: &Rrule) -> Option<String> {
    if rule.count == Some(1) {
        return None;
    }
    let s = lang.strings();
    let unit = match rule.freq {
        Freq::Daily => 0,
        Freq::Weekly => 1,
        Freq::Monthly => 2,
        Freq::Yearly => 3,
    };
    let every = |unit: usize| {
        let n = rule.interval.to_string();
        fill(
            s.every[unit * 2 + usize::from(rule.interval > 1)],
            &[("n", &n)],
        )
    };
    let plain = !rule.by_day.is_empty() && rule.by_day.iter().all(|(nth, _)| nth.is_none());
    let said = match (
        rule.freq,
        rule.by_day.as_slice(),
        rule.by_month_day.as_slice(),
    ) {
        // Every day that is a Monday to a Friday is every week on those days.
        (freq, _, []) if plain && (freq != Freq::Daily || rule.interval == 1) => {
            let days: Vec<&str> = Weekday::ALL
                .iter()
                .filter(|w| rule.by_day.iter().any(|(_, day)| day == *w))
                .map(|w| s.weekdays[w.index()])
                .collect();
            fill(
                s.on_weekdays,
                &[
                    ("every", &every(unit.max(1))),
                    ("days", &and_list(lang, &days)),
                ],
            )
        }
        (Freq::Monthly, [(Some(nth @ (1..=5 | -1)), weekday)], []) => {
            let which = if *nth < 0 {
                5
            } else {
                usize::from(nth.unsigned_abs()) - 1
            };
            let day = fill(
                s.nth_weekday[which],
                &[("weekday", s.weekdays[weekday.index()])],
            );
            fill(s.on_the, &[("every", &every(2)), ("day", &day)])
        }
        (Freq::Monthly, [], [day @ (1..=31 | -1)]) => {
            let day = if *day < 0 {
                s.month_day[1].to_owned()
            } else {
                fill(s.month_day[0], &[("n", &day.to_string())])
            };
            fill(s.on_the, &[("every", &every(2)), ("day", &day)])
        }
        _ => every(unit),
    };
    Some(if let Some(n) = rule.count {
        fill(s.times, &[("rule", &said), ("n", &n.to_string())])
    } else if let Some(until) = &rule.until {
        let day = until.date();
        let mut template = s.until.to_owned();
        // Catalan writes "al" as "a l’" before the days said with a vowel: "fins a l’1".
        if lang == Lang::Ca && matches!(day.day, 1 | 11) {
            template = template.replace("al {day}", "a l’{day}");
        }
        date_as(lang, &fill(&template, &[("rule", &said)]), day)
    } else {
        said
    })
}

/// `names` as one list: "Monday, Tuesday and Friday".
fn and_list(lang: Lang, names: &[&str]) -> String {
    match names.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => fill(
            lang.strings().list_and,
            &[("names", &rest.join(", ")), ("name", last)],
        ),
        None => String::new(),
    }
}

/// The cities of the zones a cluster's events abroad are most often in (film and TV markets
/// and festivals, trade fairs), as CLDR's exemplar cities name them where a language's
/// name differs from the IANA name: IANA's last part, then its name in ca, es, gl and en
/// (empty: as IANA writes it, `_` as a space). Other zones go by IANA's English name.
const CITIES: [(&str, [&str; 4]); 30] = [
    ("Amsterdam", ["", "Ámsterdam", "Ámsterdam", ""]),
    ("Athens", ["Atenes", "Atenas", "Atenas", ""]),
    ("Berlin", ["Berlín", "Berlín", "Berlín", ""]),
    ("Bogota", ["Bogotà", "Bogotá", "Bogotá", "Bogotá"]),
    ("Brussels", ["Brussel·les", "Bruselas", "Bruxelas", ""]),
    ("Canary", ["Canàries", "Canarias", "Canarias", ""]),
    (
        "Copenhagen",
        ["Copenhaguen", "Copenhague", "Copenhague", ""],
    ),
    ("Dubai", ["", "Dubái", "", ""]),
    ("Dublin", ["Dublín", "Dublín", "Dublín", ""]),
    ("Helsinki", ["Hèlsinki", "", "Helsinqui", ""]),
    ("Istanbul", ["", "Estambul", "", ""]),
    ("Kolkata", ["Calcuta", "Calcuta", "Calcuta", ""]),
    ("Lisbon", ["Lisboa", "Lisboa", "Lisboa", ""]),
    ("London", ["Londres", "Londres", "Londres", ""]),
    ("Los_Angeles", ["", "Los Ángeles", "Los Ángeles", ""]),
    (
        "Mexico_City",
        [
            "Ciutat de Mèxic",
            "Ciudad de México",
            "Cidade de México",
            "",
        ],
    ),
    ("Moscow", ["Moscou", "Moscú", "Moscova", ""]),
    ("New_York", ["Nova York", "Nueva York", "Nova York", ""]),
    ("Paris", ["París", "París", "París", ""]),
    ("Prague", ["Praga", "Praga", "Praga", ""]),
    ("Rome", ["Roma", "Roma", "Roma", ""]),
    (
        "Sao_Paulo",
        ["São Paulo", "São Paulo", "São Paulo", "São Paulo"],
    ),
    ("Seoul", ["Seül", "Seúl", "Seúl", ""]),
    ("Shanghai", ["Xangai", "Shanghái", "", ""]),
    ("Singapore", ["Singapur", "Singapur", "Singapur", ""]),
    ("Stockholm", ["Estocolm", "Estocolmo", "Estocolmo", ""]),
    ("Sydney", ["", "Sídney", "Sidney", ""]),
    ("Tokyo", ["Tòquio", "Tokio", "Toquio", ""]),
    ("Vienna", ["Viena", "Viena", "Viena", ""]),
    ("Warsaw", ["Varsòvia", "Varsovia", "Varsovia", ""]),
];

/// A zone's name as people say it in `lang`: the city of an IANA name
/// (`America/Argentina/Buenos_Aires` is "Buenos Aires", `America/New_York` "Nova York" in
/// Catalan); UTC as it is. A fixed offset is said as one from UTC, the right way round:
/// POSIX's `Etc/GMT+3` is three hours *behind* UTC, "UTC−3" (its own name would tell a
/// visitor the opposite).
pub fn zone_name(lang: Lang, zone: &str) -> String {
    let last = zone.rsplit('/').next().unwrap_or(zone);
    if let Some(offset) = last.strip_prefix("GMT") {
        return match offset.split_at_checked(1) {
            Some(("+", hours)) => format!("UTC\u{2212}{hours}"),
            Some(("-", hours)) => format!("UTC+{hours}"),
            _ => "UTC".to_owned(),
        };
    }
    let column = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(3);
    match CITIES.binary_search_by(|(city, _)| city.cmp(&last)) {
        Ok(i) if !CITIES[i].1[column].is_empty() => CITIES[i].1[column].to_owned(),
        _ => last.replace('_', " "),
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
            "Tuesday 1 December 2026, 09:00–10:30"
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
            "Friday 20 November 2026, 20:00–24:00"
        );
    }

    #[test]
    fn a_zone_is_said_in_each_language_catalan_eliding_its_de() {
        assert_eq!(zone_note(Lang::Ca, "Europe/Andorra"), "Hora d’Andorra");
        assert_eq!(zone_note(Lang::Ca, "Europe/Madrid"), "Hora de Madrid");
        assert_eq!(zone_note(Lang::Es, "Europe/Andorra"), "Hora de Andorra");
        assert_eq!(
            own_clock(Lang::Ca, d("2026-12-01"), at(10, 0), "Europe/Amsterdam"),
            "dimarts, 1 de desembre de 2026, 10:00 (hora d’Amsterdam)"
        );
        assert_eq!(
            own_clock(Lang::En, d("2026-12-01"), at(10, 0), "America/New_York"),
            "Tuesday 1 December 2026, 10:00 (New York time)"
        );
    }

    #[test]
    fn zones_are_named_by_their_city() {
        let en = |zone| zone_name(Lang::En, zone);
        assert_eq!(en("America/Argentina/Buenos_Aires"), "Buenos Aires");
        assert_eq!(en("Europe/Madrid"), "Madrid");
        assert_eq!(en("UTC"), "UTC");
        // POSIX's signs are the other way round from what people write.
        assert_eq!(en("Etc/GMT+3"), "UTC\u{2212}3");
        assert_eq!(en("Etc/GMT-14"), "UTC+14");
        assert_eq!(en("Etc/GMT"), "UTC");
        assert_eq!(en("GMT"), "UTC");
        // In the visitor's language, where it names the city otherwise.
        assert_eq!(en("America/Sao_Paulo"), "São Paulo");
        assert_eq!(zone_name(Lang::Ca, "America/New_York"), "Nova York");
        assert_eq!(zone_name(Lang::Es, "America/New_York"), "Nueva York");
        assert_eq!(zone_name(Lang::Gl, "Europe/Moscow"), "Moscova");
        assert_eq!(zone_name(Lang::Gl, "Europe/Berlin"), "Berlín");
        assert_eq!(zone_name(Lang::Es, "America/Los_Angeles"), "Los Ángeles");
        assert_eq!(zone_name(Lang::Ca, "America/Los_Angeles"), "Los Angeles");
        assert_eq!(zone_note(Lang::Ca, "Europe/Athens"), "Hora d’Atenes");
        assert!(
            CITIES.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted, for the binary search"
        );
    }

    #[test]
    fn a_rule_is_said_as_people_say_how_often() {
        let say = |lang, rule: &str| repeats(lang, &Rrule::parse(rule).unwrap());
        let en = |rule| say(Lang::En, rule).unwrap();
        assert_eq!(en("FREQ=DAILY"), "every day");
        assert_eq!(en("FREQ=WEEKLY;INTERVAL=2"), "every 2 weeks");
        assert_eq!(
            en("FREQ=WEEKLY;BYDAY=TH,TU;COUNT=10"),
            "every week on Tuesday and Thursday, 10 times"
        );
        assert_eq!(
            en("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR"),
            "every week on Monday, Tuesday, Wednesday, Thursday and Friday"
        );
        assert_eq!(
            en("FREQ=MONTHLY;BYDAY=1TU;UNTIL=20270630"),
            "every month on the first Tuesday, until 30 June 2027"
        );
        assert_eq!(
            en("FREQ=MONTHLY;BYDAY=-1FR"),
            "every month on the last Friday"
        );
        assert_eq!(en("FREQ=MONTHLY;BYMONTHDAY=15"), "every month on day 15");
        assert_eq!(
            en("FREQ=MONTHLY;BYMONTHDAY=-1"),
            "every month on the last day"
        );
        assert_eq!(
            en("FREQ=YEARLY;BYMONTH=11;BYDAY=4TH"),
            "every year",
            "what a phrase cannot say is left out, not said wrong"
        );
        assert_eq!(
            say(Lang::En, "FREQ=WEEKLY;COUNT=1"),
            None,
            "one time repeats not"
        );
        assert_eq!(
            say(Lang::Ca, "FREQ=MONTHLY;BYDAY=1TU;UNTIL=20270601").unwrap(),
            "cada mes, el primer dimarts, fins a l’1 de juny de 2027"
        );
        assert_eq!(
            say(Lang::Ca, "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270630").unwrap(),
            "cada setmana, els dimarts i dijous, fins al 30 de juny de 2027"
        );
        assert_eq!(
            say(Lang::Es, "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;COUNT=4").unwrap(),
            "cada 3 meses, el último día, 4 veces"
        );
        assert_eq!(
            say(Lang::Gl, "FREQ=WEEKLY;BYDAY=FR").unwrap(),
            "cada semana, os venres"
        );
    }
}
