//! The month grid: the weeks a month spans.

use crate::feed::Date;

/// The days of the month grid around `month`: whole weeks from the week of the 1st to the
/// week of the last day, starting on Monday, or on Sunday when `sunday_first`.
pub fn month_grid(month: Date, sunday_first: bool) -> Vec<Date> {
    let first = month.first_of_month();
    let offset = first.weekday().index() as i64 + i64::from(sunday_first);
    let start = first.add_days(-(offset % 7));
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
        let grid = month_grid(d(2026, 11, 23), false);
        assert_eq!(grid.first(), Some(&d(2026, 10, 26)));
        assert_eq!(grid.last(), Some(&d(2026, 12, 6)));
        assert_eq!(grid.len(), 42);
        assert!(
            grid.chunks(7)
                .all(|w| w[0].weekday() == crate::feed::Weekday::Mon)
        );
    }

    #[test]
    fn sunday_first_grids_start_on_sunday() {
        let grid = month_grid(d(2026, 11, 1), true);
        assert_eq!(
            grid.first(),
            Some(&d(2026, 11, 1)),
            "1 November 2026 is a Sunday"
        );
        assert_eq!(grid.len(), 35);
        // February 2027 starts on a Monday: a Monday-first grid needs exactly four weeks.
        assert_eq!(month_grid(d(2027, 2, 1), false).len(), 28);
    }
}
