//! The month grid: the weeks a month spans.

use crate::feed::{Date, Weekday};

/// The first day of the week `day` is in, for weeks starting on `first_day`.
pub(crate) fn week_start(day: Date, first_day: Weekday) -> Date {
    let back = (day.weekday().index() + 7 - first_day.index()) % 7;
    day.add_days(-(back as i64))
}

/// The days of the month grid around `month`: whole weeks from the week of the 1st to the
/// week of the last day, each starting on `first_day`.
pub(crate) fn month_grid(month: Date, first_day: Weekday) -> Vec<Date> {
    let first = month.first_of_month();
    let start = week_start(first, first_day);
    let last = first.add_months(1).add_days(-1);
    let days = last.days_since_epoch() - start.days_since_epoch() + 1;
    let weeks = (days + 6) / 7;
    (0..weeks * 7).map(|i| start.add_days(i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn november_2026_starts_on_the_monday_before_and_ends_on_sunday() {
        let grid = month_grid(d(2026, 11, 23), Weekday::Mon);
        assert_eq!(grid.first(), Some(&d(2026, 10, 26)));
        assert_eq!(grid.last(), Some(&d(2026, 12, 6)));
        assert_eq!(grid.len(), 42);
        assert!(grid.chunks(7).all(|w| w[0].weekday() == Weekday::Mon));
    }

    #[test]
    fn sunday_first_grids_start_on_sunday() {
        let grid = month_grid(d(2026, 11, 1), Weekday::Sun);
        assert_eq!(
            grid.first(),
            Some(&d(2026, 11, 1)),
            "1 November 2026 is a Sunday"
        );
        assert_eq!(grid.len(), 35);
        // February 2027 starts on a Monday: a Monday-first grid needs exactly four weeks.
        assert_eq!(month_grid(d(2027, 2, 1), Weekday::Mon).len(), 28);
    }

    #[test]
    fn saturday_first_grids_start_on_saturday() {
        // 1 November 2026 is a Sunday: its week began on Saturday 31 October.
        let grid = month_grid(d(2026, 11, 1), Weekday::Sat);
        assert_eq!(grid.first(), Some(&d(2026, 10, 31)));
        assert_eq!(grid.last(), Some(&d(2026, 12, 4)), "a Friday");
        assert!(grid.chunks(7).all(|w| w[0].weekday() == Weekday::Sat));
    }
}
