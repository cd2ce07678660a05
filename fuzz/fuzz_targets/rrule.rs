//! The RRULE reader and the expansion of what it accepts: never a panic, and the days
//! expanded for a range stay in it.
#![no_main]

use clusterkit::__private::recur;
use clusterkit::feed::{Date, Rrule};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Two bytes choose the start and the range; the rest is the rule.
    let [a, b, rule @ ..] = data else {
        return;
    };
    let Ok(rule) = Rrule::parse(&String::from_utf8_lossy(rule)) else {
        return;
    };
    let day = |n: u8| Date::new(2024, 1, 1).unwrap().add_days(i64::from(n) * 13);
    let (start, from) = (day(*a), day(*b));
    let to = from.add_days(60);
    for d in recur::days(start, &rule, None, from, to) {
        assert!(
            from <= d && d <= to && d >= start,
            "{d} outside {from}..={to}"
        );
    }
});
