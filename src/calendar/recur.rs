//! Recurrence: the days on which a repeating event starts again, from its first day and its
//! RFC 5545 rule, generated only for the days asked for, so that a daily event with no end
//! costs no more than the month on screen.
//!
//! Rules repeat by the day; the time of day is the first occurrence's. Left-out occurrences
//! (`exdates`) are the caller's: RFC 5545 counts them in `COUNT`, then removes them.

use crate::feed::{Date, Freq, Rrule, Weekday, days_in_month};

/// The days from `from` to `to` (both included) on which an event first held on `start`
/// and repeating by `rule` starts, in order. `last` is the last day its `UNTIL` allows (the
/// caller knows the time of day and the zone it needs to say). `start` itself is the first
/// occurrence, as RFC 5545 counts it, even where the rule would not give it.
pub fn days(start: Date, rule: &Rrule, last: Option<Date>, from: Date, to: Date) -> Vec<Date> {
    // The start is the first occurrence whatever the rule's end (one before it too).
    let to = last.map_or(to, |last| to.min(last.max(start)));
    let mut out = Vec::new();
    if to < start || to < from {
        return out;
    }
    let interval = i64::from(rule.interval.max(1));
    // With a COUNT, every occurrence from the first counts; without, the periods before
    // `from` hold nothing asked for, so the walk starts at the one that contains it.
    let mut k = if rule.count.is_some() {
        0
    } else {
        let p = period_of(rule.freq, start, from.max(start));
        p - p.rem_euclid(interval)
    };
    let mut seen = 0u32;
    loop {
        // Four million days, weeks, months or years from a date of the years 0-9999 is past
        // every date a feed can name: a huge INTERVAL (2^31, which as an i32 month count is
        // negative) ends the walk there, instead of never passing `to`.
        if k > 4_000_000 {
            return out;
        }
        let period = period_start(rule.freq, start, k);
        if period > to {
            return out;
        }
        let mut candidates = expand(rule, start, period);
        if k == 0 && candidates.first() != Some(&start) && !candidates.contains(&start) {
            candidates.insert(0, start);
        }
        for day in candidates {
            if day < start {
                continue;
            }
            seen += 1;
            if rule.count.is_some_and(|count| seen > count) || day > to {
                return out;
            }
            if day >= from {
                out.push(day);
            }
        }
        k += interval;
    }
}

/// Whether `rule` itself gives `start`, as RFC 5545 asks of a series' first day: a start it
/// does not give (a Tuesday start of a Monday and Wednesday series) is the first occurrence
/// all the same (see [`days`]), but not every calendar app counts it so.
pub fn gives_start(start: Date, rule: &Rrule) -> bool {
    expand(rule, start, period_start(rule.freq, start, 0)).contains(&start)
}

/// The Monday of `day`'s week (RFC 5545's default `WKST=MO`).
fn monday_of(day: Date) -> Date {
    day.add_days(-(day.weekday().index() as i64))
}

/// Which period of the rule, counted from the one holding `start`, holds `day`.
fn period_of(freq: Freq, start: Date, day: Date) -> i64 {
    match freq {
        Freq::Daily => day.days_since_epoch() - start.days_since_epoch(),
        Freq::Weekly => {
            (monday_of(day).days_since_epoch() - monday_of(start).days_since_epoch()) / 7
        }
        Freq::Monthly => {
            i64::from(day.year - start.year) * 12 + i64::from(day.month) - i64::from(start.month)
        }
        Freq::Yearly => i64::from(day.year - start.year),
    }
}

/// The first day of period `k`.
fn period_start(freq: Freq, start: Date, k: i64) -> Date {
    match freq {
        Freq::Daily => start.add_days(k),
        Freq::Weekly => monday_of(start).add_days(7 * k),
        Freq::Monthly => start.first_of_month().add_months(k as i32),
        Freq::Yearly => Date {
            year: start.year + k as i32,
            month: 1,
            day: 1,
        },
    }
}

/// Day `n` of a month, counting back from its end when negative (`-1` is the last day);
/// `None` where the month has no such day (the 31st of April).
fn month_day(year: i32, month: u8, n: i8) -> Option<Date> {
    let length = days_in_month(year, month) as i8;
    let day = if n < 0 { length + 1 + n } else { n };
    (1..=length).contains(&day).then_some(Date {
        year,
        month,
        day: day as u8,
    })
}

/// The days from `first` to `last` that fall on `weekday`: the `n`th of them (from the end
/// when negative), or all of them without `n`.
pub(super) fn weekdays_in(first: Date, last: Date, weekday: Weekday, n: Option<i8>) -> Vec<Date> {
    let ahead = (weekday.index() as i64 - first.weekday().index() as i64).rem_euclid(7);
    let all = (0..)
        .map(|w| first.add_days(ahead + 7 * w))
        .take_while(|d| *d <= last);
    match n {
        None => all.collect(),
        Some(n) if n > 0 => all.skip(n as usize - 1).take(1).collect(),
        Some(n) => {
            let all: Vec<Date> = all.collect();
            let back = n.unsigned_abs() as usize;
            all.len()
                .checked_sub(back)
                .map(|i| vec![all[i]])
                .unwrap_or_default()
        }
    }
}

/// Whether `day` passes the rule's `BYMONTH`, `BYMONTHDAY` and `BYDAY` where they limit
/// rather than expand.
fn kept(rule: &Rrule, day: Date, month_days: bool, weekdays: bool) -> bool {
    (rule.by_month.is_empty() || rule.by_month.contains(&day.month))
        && (!month_days
            || rule.by_month_day.is_empty()
            || rule
                .by_month_day
                .iter()
                .any(|&n| month_day(day.year, day.month, n) == Some(day)))
        && (!weekdays
            || rule.by_day.is_empty()
            || rule.by_day.iter().any(|&(_, w)| w == day.weekday()))
}

/// The days of one month the rule gives, before `BYMONTH`: its `BYMONTHDAY`s (limited by
/// `BYDAY`), else its `BYDAY`s, else the first occurrence's day of the month.
fn in_month(rule: &Rrule, start: Date, year: i32, month: u8) -> Vec<Date> {
    let first = Date {
        year,
        month,
        day: 1,
    };
    let last = Date {
        year,
        month,
        day: days_in_month(year, month),
    };
    if !rule.by_month_day.is_empty() {
        rule.by_month_day
            .iter()
            .filter_map(|&n| month_day(year, month, n))
            .filter(|&d| kept(rule, d, false, true))
            .collect()
    } else if !rule.by_day.is_empty() {
        rule.by_day
            .iter()
            .flat_map(|&(n, w)| weekdays_in(first, last, w, n))
            .collect()
    } else {
        month_day(year, month, start.day as i8)
            .into_iter()
            .collect()
    }
}

/// The days of the period beginning on `period` that the rule gives, in order.
fn expand(rule: &Rrule, start: Date, period: Date) -> Vec<Date> {
    let mut days: Vec<Date> = match rule.freq {
        Freq::Daily => vec![period]
            .into_iter()
            .filter(|&d| kept(rule, d, true, true))
            .collect(),
        Freq::Weekly => {
            let weekdays: Vec<Weekday> = if rule.by_day.is_empty() {
                vec![start.weekday()]
            } else {
                rule.by_day.iter().map(|&(_, w)| w).collect()
            };
            weekdays
                .into_iter()
                .map(|w| period.add_days(w.index() as i64))
                .filter(|&d| kept(rule, d, true, false))
                .collect()
        }
        Freq::Monthly => {
            if rule.by_month.is_empty() || rule.by_month.contains(&period.month) {
                in_month(rule, start, period.year, period.month)
            } else {
                Vec::new()
            }
        }
        Freq::Yearly => {
            let year = period.year;
            let by_day_in_year =
                rule.by_month.is_empty() && rule.by_month_day.is_empty() && !rule.by_day.is_empty();
            if by_day_in_year {
                let last = Date {
                    year,
                    month: 12,
                    day: 31,
                };
                rule.by_day
                    .iter()
                    .flat_map(|&(n, w)| weekdays_in(period, last, w, n))
                    .collect()
            } else {
                // BYMONTHDAY without BYMONTH expands a yearly rule to every month
                // (RFC 5545, 3.3.10); with neither, the start's month.
                let months = if !rule.by_month.is_empty() {
                    rule.by_month.clone()
                } else if !rule.by_month_day.is_empty() {
                    (1..=12).collect()
                } else {
                    vec![start.month]
                };
                months
                    .into_iter()
                    .flat_map(|m| in_month(rule, start, year, m))
                    .collect()
            }
        }
    };
    days.sort();
    days.dedup();
    days
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn rule(text: &str) -> Rrule {
        Rrule::parse(text).unwrap()
    }

    fn all(start: &str, text: &str, to: &str) -> Vec<String> {
        days(d(start), &rule(text), None, d(start), d(to))
            .iter()
            .map(|d| d.to_string())
            .collect()
    }

    // The expected days below were worked out from a printed calendar and checked against
    // python-dateutil's rrule, an implementation that shares nothing with this one.

    #[test]
    fn an_interval_past_every_date_gives_the_first_day_alone_and_ends() {
        for text in [
            "FREQ=MONTHLY;INTERVAL=2147483648;COUNT=5",
            "FREQ=YEARLY;INTERVAL=2147483648",
            "FREQ=MONTHLY;INTERVAL=4294967295",
            "FREQ=DAILY;INTERVAL=4294967295",
        ] {
            assert_eq!(
                all("2026-11-10", text, "9999-12-31"),
                ["2026-11-10"],
                "{text}"
            );
        }
    }

    #[test]
    fn first_tuesday_of_the_month_ten_times() {
        assert_eq!(
            all(
                "2026-01-06",
                "FREQ=MONTHLY;BYDAY=1TU;COUNT=10",
                "2030-01-01"
            ),
            [
                "2026-01-06",
                "2026-02-03",
                "2026-03-03",
                "2026-04-07",
                "2026-05-05",
                "2026-06-02",
                "2026-07-07",
                "2026-08-04",
                "2026-09-01",
                "2026-10-06"
            ]
        );
    }

    #[test]
    fn last_friday_of_the_month() {
        assert_eq!(
            all("2026-01-30", "FREQ=MONTHLY;BYDAY=-1FR", "2026-06-30"),
            [
                "2026-01-30",
                "2026-02-27",
                "2026-03-27",
                "2026-04-24",
                "2026-05-29",
                "2026-06-26"
            ]
        );
    }

    #[test]
    fn a_monthly_rule_on_the_31st_skips_shorter_months() {
        assert_eq!(
            all("2026-01-31", "FREQ=MONTHLY;COUNT=5", "2027-12-31"),
            [
                "2026-01-31",
                "2026-03-31",
                "2026-05-31",
                "2026-07-31",
                "2026-08-31"
            ]
        );
        // BYMONTHDAY=-1 is the last day of every month instead.
        assert_eq!(
            all(
                "2026-01-31",
                "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3",
                "2027-12-31"
            ),
            ["2026-01-31", "2026-02-28", "2026-03-31"]
        );
    }

    #[test]
    fn a_leap_day_comes_back_in_leap_years_only() {
        assert_eq!(
            all("2024-02-29", "FREQ=YEARLY;COUNT=3", "2040-01-01"),
            ["2024-02-29", "2028-02-29", "2032-02-29"]
        );
    }

    #[test]
    fn a_start_after_the_rules_end_is_still_its_one_occurrence() {
        // A rule an app built in Rust without the feed reader's check.
        let r = rule("FREQ=MONTHLY;BYDAY=2TU;UNTIL=20260630");
        let got = days(
            d("2026-11-10"),
            &r,
            Some(d("2026-06-30")),
            d("2026-11-01"),
            d("2026-11-30"),
        );
        assert_eq!(got, [d("2026-11-10")]);
    }

    #[test]
    fn until_is_the_last_day_allowed() {
        let r = rule("FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20261118");
        let got = days(
            d("2026-11-02"),
            &r,
            Some(d("2026-11-18")),
            d("2026-11-01"),
            d("2026-12-31"),
        );
        let want: Vec<Date> = [
            "2026-11-02",
            "2026-11-04",
            "2026-11-09",
            "2026-11-11",
            "2026-11-16",
            "2026-11-18",
        ]
        .map(d)
        .into();
        assert_eq!(got, want);
    }

    #[test]
    fn a_count_counts_from_the_first_occurrence_even_outside_the_range() {
        // Every other day, five times: the 1st, 3rd, 5th, 7th and 9th; asked from the 4th.
        let got = days(
            d("2026-03-01"),
            &rule("FREQ=DAILY;INTERVAL=2;COUNT=5"),
            None,
            d("2026-03-04"),
            d("2026-03-31"),
        );
        assert_eq!(got, [d("2026-03-05"), d("2026-03-07"), d("2026-03-09")]);
    }

    #[test]
    fn an_endless_daily_rule_gives_just_the_days_asked_for() {
        let got = days(
            d("2020-01-01"),
            &rule("FREQ=DAILY"),
            None,
            d("2026-11-01"),
            d("2026-11-30"),
        );
        assert_eq!(got.len(), 30);
        assert_eq!((got[0], got[29]), (d("2026-11-01"), d("2026-11-30")));
        // Every third day from 1 January 2020: day 0, 3, 6… of the rule.
        let every_third = days(
            d("2020-01-01"),
            &rule("FREQ=DAILY;INTERVAL=3"),
            None,
            d("2026-11-01"),
            d("2026-11-10"),
        );
        for day in &every_third {
            assert_eq!(
                (day.days_since_epoch() - d("2020-01-01").days_since_epoch()) % 3,
                0
            );
        }
        assert_eq!(every_third.len(), 4, "{every_third:?}");
    }

    #[test]
    fn the_first_occurrence_counts_even_off_the_rule() {
        // A Wednesday start for a Monday rule: the Wednesday, then Mondays. RFC 5545 leaves
        // this undefined; calendar apps show the first day, as here (dateutil drops it).
        assert_eq!(
            all("2026-11-04", "FREQ=WEEKLY;BYDAY=MO;COUNT=3", "2026-12-31"),
            ["2026-11-04", "2026-11-09", "2026-11-16"]
        );
    }

    #[test]
    fn every_second_week_and_yearly_by_month() {
        assert_eq!(
            all("2026-01-05", "FREQ=WEEKLY;INTERVAL=2;COUNT=4", "2026-12-31"),
            ["2026-01-05", "2026-01-19", "2026-02-02", "2026-02-16"]
        );
        // MIPCOM-style: every October, on the third Monday.
        assert_eq!(
            all(
                "2026-10-19",
                "FREQ=YEARLY;BYMONTH=10;BYDAY=3MO;COUNT=3",
                "2030-01-01"
            ),
            ["2026-10-19", "2027-10-18", "2028-10-16"]
        );
    }

    #[test]
    fn a_yearly_rule_by_month_day_alone_comes_every_month() {
        assert_eq!(
            all(
                "2027-01-15",
                "FREQ=YEARLY;BYMONTHDAY=15;COUNT=6",
                "2030-01-01"
            ),
            [
                "2027-01-15",
                "2027-02-15",
                "2027-03-15",
                "2027-04-15",
                "2027-05-15",
                "2027-06-15"
            ]
        );
        // Every Friday the 13th, in any month.
        assert_eq!(
            all(
                "2026-02-13",
                "FREQ=YEARLY;BYMONTHDAY=13;BYDAY=FR;COUNT=3",
                "2030-01-01"
            ),
            ["2026-02-13", "2026-03-13", "2026-11-13"]
        );
    }

    #[test]
    fn nothing_before_the_start_or_after_the_range() {
        let r = rule("FREQ=DAILY");
        assert!(days(d("2026-05-01"), &r, None, d("2026-01-01"), d("2026-04-30")).is_empty());
        // An end before the start leaves the start alone, its first occurrence (RFC 5545).
        assert_eq!(
            days(
                d("2026-05-01"),
                &r,
                Some(d("2026-04-01")),
                d("2026-01-01"),
                d("2026-12-31")
            ),
            [d("2026-05-01")]
        );
        // An impossible rule (30 February) gives nothing and ends.
        assert!(
            all(
                "2026-01-30",
                "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
                "2040-01-01"
            ) == ["2026-01-30"]
        );
    }
}
