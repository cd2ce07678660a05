//! A zone's `VTIMEZONE` block: its changes of offset as the browser gives them, year by
//! year, written as observances that repeat by yearly rules.

use std::fmt::Write;

use super::{line, local, utc};
use crate::calendar::occur::Offsets;
use crate::calendar::zone::{Change, changes, epoch_ms, wall_at};
use crate::feed::{DAY_CODES, Date, Time, days_in_month};

/// `±HHMM` (with seconds when there are any).
fn offset_text(seconds: i64) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.abs();
    let mut out = format!("{sign}{:02}{:02}", s / 3600, s % 3600 / 60);
    if s % 60 != 0 {
        let _ = write!(out, "{:02}", s % 60);
    }
    out
}

/// The yearly rule of a change on `day`: its weekday in the month, counted from the end in
/// the last week (`-1SU`, the last Sunday), else from the start (`2SU`).
fn yearly_rule(day: Date) -> (u8, i8, crate::feed::Weekday) {
    let length = days_in_month(day.year, day.month);
    let n = if day.day + 7 > length {
        -1
    } else {
        ((day.day - 1) / 7 + 1) as i8
    };
    (day.month, n, day.weekday())
}

/// The yearly rule (`;BYDAY=…`, `;BYMONTHDAY=…`) that the `k`th change of each of `years`
/// (each change as the wall clock reads before it) keeps: a weekday in the month counted from
/// its start or its end (`2SU`, `-1SU`); a day of the month; or a weekday on or after a day,
/// as the time zone database writes Chile's `Sun>=2` and Israel's "Friday before the last
/// Sunday" (`FR` on one of days 23 to 29), which no count from either end of the month holds
/// year after year. `None` if no one rule gives each year's day.
fn yearly(years: &[Vec<(Date, Time)>], k: usize) -> Option<String> {
    let days: Vec<Date> = years.iter().map(|changes| changes[k].0).collect();
    let first = days[0];
    let nth = yearly_rule(first);
    let weekday = DAY_CODES[first.weekday().index()];
    if days.iter().all(|&d| yearly_rule(d) == nth) {
        return Some(format!(";BYDAY={}{weekday}", nth.1));
    }
    if days.iter().all(|d| d.day == first.day) {
        return Some(format!(";BYMONTHDAY={}", first.day));
    }
    let (low, high) = days
        .iter()
        .fold((31, 1), |(l, h), d| (d.day.min(l), d.day.max(h)));
    if days.iter().any(|d| d.weekday() != first.weekday()) || high - low > 6 {
        return None;
    }
    // The week of days that ends on the latest seen: over the ten years or more the file
    // looks at, a day of the month falls on every weekday, so the days seen span that week.
    let from = high.saturating_sub(6).max(1);
    let week: Vec<String> = (from..=(from + 6).min(31)).map(|d| d.to_string()).collect();
    Some(format!(";BYDAY={weekday};BYMONTHDAY={}", week.join(",")))
}

/// A VTIMEZONE block for `zone`, right from `first` to `last` (years) and, as far as the
/// browser knows, after: the years are taken in runs whose changes keep one yearly rule each
/// (see [`yearly`]), each change of a run an observance repeating yearly until the run's
/// last year (the last run's without end); a zone that stops changing keeps the offset of its
/// last change (Mexico City since 2022), and one that has not changed yet gets one fixed
/// observance. Written from one year's rules alone, a zone that left summer time went on
/// changing in the file for ever.
pub(super) fn vtimezone(
    out: &mut String,
    zone: &str,
    first: i32,
    last: i32,
    offsets: &impl Offsets,
) {
    line(out, "BEGIN:VTIMEZONE");
    line(out, &format!("TZID:{zone}"));
    let years: Vec<Vec<Change>> = (first..=last)
        .map(|year| changes(year, |ms| offsets.offset(zone, ms)))
        .collect();
    let walls: Vec<Vec<(Date, Time)>> = years
        .iter()
        .map(|changes| changes.iter().map(|c| wall_at(c.at, c.from)).collect())
        .collect();
    // Whether year `b`'s changes are year `a`'s, each on its own day.
    let alike = |a: usize, b: usize| {
        years[a].len() == years[b].len()
            && (0..years[a].len()).all(|k| {
                let (x, y) = (years[a][k], years[b][k]);
                let ((dx, tx), (dy, ty)) = (walls[a][k], walls[b][k]);
                (x.from, x.to, dx.month, tx) == (y.from, y.to, dy.month, ty)
            })
    };
    let mut start = 0;
    while start < years.len() {
        let mut end = start;
        while end + 1 < years.len()
            && alike(start, end + 1)
            && (0..years[start].len()).all(|k| yearly(&walls[start..=end + 1], k).is_some())
        {
            end += 1;
        }
        if years[start].is_empty() && start == 0 {
            let mid_year = epoch_ms(
                Date {
                    year: first,
                    month: 7,
                    day: 1,
                },
                Time::default(),
            );
            let offset = offset_text(offsets.offset(zone, mid_year));
            line(out, "BEGIN:STANDARD");
            // From the first year: one onset later than the first changes below would
            // take their place (Madrid's 1970 to 1974 read at +00:00, not +01:00).
            line(out, &format!("DTSTART:{first:04}0101T000000"));
            line(out, &format!("TZOFFSETFROM:{offset}"));
            line(out, &format!("TZOFFSETTO:{offset}"));
            line(out, "END:STANDARD");
        }
        // The last run goes on after `last` if it has been seen to repeat.
        let open = end == years.len() - 1 && end > start;
        for (k, change) in years[start].iter().enumerate() {
            let kind = if change.to > change.from {
                "DAYLIGHT"
            } else {
                "STANDARD"
            };
            let (day, time) = walls[start][k];
            line(out, &format!("BEGIN:{kind}"));
            line(out, &format!("DTSTART:{}", local(day, time)));
            line(out, &format!("TZOFFSETFROM:{}", offset_text(change.from)));
            line(out, &format!("TZOFFSETTO:{}", offset_text(change.to)));
            if end > start {
                let by = yearly(&walls[start..=end], k).unwrap_or_default();
                let until = if open {
                    String::new()
                } else {
                    format!(";UNTIL={}", utc(years[end][k].at))
                };
                line(
                    out,
                    &format!("RRULE:FREQ=YEARLY;BYMONTH={}{by}{until}", day.month),
                );
            }
            line(out, &format!("END:{kind}"));
        }
        start = end + 1;
    }
    line(out, "END:VTIMEZONE");
}
