//! How an event repeats, said as people say it.

use super::date_as;
use crate::feed::{Date, Freq, Rrule, Weekday};
use crate::i18n::intl::format_number;
use crate::i18n::{Lang, fill};

/// How `rule` repeats, as a visitor says it: "every week on Tuesday and Thursday, 10 times",
/// "cada mes, el primer dimarts", "every year, in November". What one phrase cannot say
/// (several days of the month, an ordinal weekday in a weekly or yearly rule) is left out,
/// so that what it says stays true: "every year". A rule with a `COUNT` says `held`, the
/// times the series is held once its left-out occurrences are taken away (see
/// `occur::times_held`); one with an `UNTIL`, `until`, the last day it may be held on (see
/// `occur::until_day`). A monthly rule on the day of its start, `start_day`, says it where
/// some months lack that day ("every month on the 31st", held in seven months of twelve).
/// `None` for a series held once, which repeats not.
pub(crate) fn repeats(
    lang: Lang,
    rule: &Rrule,
    start_day: u8,
    held: Option<u32>,
    until: Option<Date>,
) -> Option<String> {
    let times = rule.count.map(|count| held.unwrap_or(count));
    if times.is_some_and(|n| n <= 1) {
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
    let start_day = [start_day as i8];
    let month_days = match (rule.freq, rule.by_day.is_empty(), &rule.by_month_day[..]) {
        (Freq::Monthly, true, []) if start_day[0] >= 29 => &start_day[..],
        _ => &rule.by_month_day[..],
    };
    let said = match (rule.freq, rule.by_day.as_slice(), month_days) {
        // Every day that is a Monday to a Friday is every week on those days.
        (freq, _, []) if plain && (freq != Freq::Daily || rule.interval == 1) => {
            let days: Vec<&str> = Weekday::ALL
                .iter()
                .filter(|w| rule.by_day.iter().any(|(_, day)| day == *w))
                .map(|w| s.weekdays_plural[w.index()])
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
            } else if lang == Lang::En {
                // English says the day as an ordinal: "on the 1st", "on the 22nd".
                let th = match (day % 10, day % 100) {
                    (_, 11..=13) => "th",
                    (1, _) => "st",
                    (2, _) => "nd",
                    (3, _) => "rd",
                    _ => "th",
                };
                fill(s.month_day[0], &[("n", &format!("{day}{th}"))])
            } else {
                fill(s.month_day[0], &[("n", &day.to_string())])
            };
            fill(s.on_the, &[("every", &every(2)), ("day", &day)])
        }
        _ => every(unit),
    };
    // Held in some months only: which.
    let said = match rule.by_month.as_slice() {
        [] => said,
        months => {
            let names: Vec<&str> = (1..=12)
                .filter(|m| months.contains(m))
                .map(|m| s.months_in_date[usize::from(m) - 1])
                .collect();
            let template = s.in_months[usize::from(names.len() > 1)];
            fill(
                template,
                &[("rule", &said), ("months", &and_list(lang, &names))],
            )
        }
    };
    Some(if let Some(n) = times {
        fill(
            s.times,
            &[("rule", &said), ("n", &format_number(lang, n as usize))],
        )
    } else if let Some(day) = until.or(rule.until.map(|u| u.date())) {
        let mut template = s.until.to_owned();
        // Catalan writes "al" as "a l’" before the days said with a vowel (u, vuit, onze):
        // "fins a l’1", "fins a l’8".
        if lang == Lang::Ca && matches!(day.day, 1 | 8 | 11) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_is_said_as_people_say_how_often() {
        let say = |lang, rule: &str| repeats(lang, &Rrule::parse(rule).unwrap(), 12, None, None);
        let en = |rule| say(Lang::En, rule).unwrap();
        assert_eq!(en("FREQ=DAILY"), "every day");
        assert_eq!(en("FREQ=WEEKLY;INTERVAL=2"), "every 2 weeks");
        assert_eq!(
            en("FREQ=WEEKLY;BYDAY=TH,TU;COUNT=10"),
            "every week on Tuesdays and Thursdays, 10 times"
        );
        // The days a series repeats on are plural where the language makes them so.
        assert_eq!(
            say(Lang::Ca, "FREQ=WEEKLY;BYDAY=SA,SU").unwrap(),
            "cada setmana, els dissabtes i diumenges"
        );
        assert_eq!(
            say(Lang::Es, "FREQ=WEEKLY;BYDAY=MO,SA").unwrap(),
            "cada semana, los lunes y sábados"
        );
        // Counts grouped as the language groups them.
        assert_eq!(en("FREQ=DAILY;COUNT=2000"), "every day, 2,000 times");
        assert_eq!(
            say(Lang::Ca, "FREQ=DAILY;COUNT=20000").unwrap(),
            "cada dia, 20.000 vegades"
        );
        assert_eq!(
            en("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR"),
            "every week on Mondays, Tuesdays, Wednesdays, Thursdays and Fridays"
        );
        assert_eq!(
            en("FREQ=MONTHLY;BYDAY=1TU;UNTIL=20270630"),
            "every month on the first Tuesday, until 30 June 2027"
        );
        assert_eq!(
            en("FREQ=MONTHLY;BYDAY=-1FR"),
            "every month on the last Friday"
        );
        assert_eq!(en("FREQ=MONTHLY;BYMONTHDAY=15"), "every month on the 15th");
        assert_eq!(en("FREQ=MONTHLY;BYMONTHDAY=1"), "every month on the 1st");
        assert_eq!(en("FREQ=MONTHLY;BYMONTHDAY=22"), "every month on the 22nd");
        assert_eq!(en("FREQ=MONTHLY;BYMONTHDAY=23"), "every month on the 23rd");
        assert_eq!(en("FREQ=MONTHLY;BYMONTHDAY=31"), "every month on the 31st");
        assert_eq!(en("FREQ=MONTHLY;BYMONTHDAY=12"), "every month on the 12th");
        // On its start's day, which some months lack: said, as they are left out.
        let on = |day| {
            repeats(
                Lang::En,
                &Rrule::parse("FREQ=MONTHLY").unwrap(),
                day,
                None,
                None,
            )
        };
        assert_eq!(on(31).unwrap(), "every month on the 31st");
        assert_eq!(on(29).unwrap(), "every month on the 29th");
        assert_eq!(on(28).unwrap(), "every month", "every month has a 28th");
        assert_eq!(
            en("FREQ=MONTHLY;BYMONTHDAY=-1"),
            "every month on the last day"
        );
        assert_eq!(
            en("FREQ=YEARLY;BYMONTH=11;BYDAY=4TH"),
            "every year, in November",
            "what a phrase cannot say is left out, not said wrong"
        );
        // Held in some months only: said, whatever else the rule says.
        assert_eq!(
            en("FREQ=MONTHLY;BYDAY=1TU;BYMONTH=10,1,7,4"),
            "every month on the first Tuesday, in January, April, July and October"
        );
        assert_eq!(
            en("FREQ=DAILY;BYMONTH=3"),
            "every day, in March",
            "not every day of the year"
        );
        assert_eq!(
            say(Lang::Ca, "FREQ=MONTHLY;BYMONTHDAY=15;BYMONTH=1,7;COUNT=4").unwrap(),
            "cada mes, el dia 15, els mesos de gener i de juliol, 4 vegades"
        );
        assert_eq!(
            say(Lang::Ca, "FREQ=WEEKLY;BYDAY=TU;BYMONTH=4").unwrap(),
            "cada setmana, els dimarts, el mes d’abril"
        );
        assert_eq!(
            say(Lang::Es, "FREQ=WEEKLY;BYDAY=TU;BYMONTH=6,7").unwrap(),
            "cada semana, los martes, en los meses de junio y de julio"
        );
        assert_eq!(
            say(Lang::Gl, "FREQ=YEARLY;BYMONTH=11").unwrap(),
            "cada ano, no mes de novembro"
        );
        // The last day an UNTIL allows, as the series' own clock counts it.
        let advent = Rrule::parse("FREQ=DAILY;UNTIL=20251231T233000Z").unwrap();
        assert_eq!(
            repeats(Lang::En, &advent, 12, None, Date::new(2026, 1, 1)).unwrap(),
            "every day, until 1 January 2026"
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
            say(Lang::Ca, "FREQ=DAILY;UNTIL=20270608").unwrap(),
            "cada dia, fins a l’8 de juny de 2027"
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
        // A count says the times the series is held, its left-out occurrences taken away;
        // held once, it repeats not.
        let breakfast = Rrule::parse("FREQ=MONTHLY;BYDAY=2TU;COUNT=20").unwrap();
        assert_eq!(
            repeats(Lang::Es, &breakfast, 12, Some(19), None).unwrap(),
            "cada mes, el segundo martes, 19 veces"
        );
        assert_eq!(repeats(Lang::Es, &breakfast, 12, Some(1), None), None);
    }
}
