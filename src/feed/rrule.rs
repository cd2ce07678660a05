//! The RFC 5545 recurrence rules the feed accepts: FREQ (DAILY, WEEKLY, MONTHLY, YEARLY),
//! INTERVAL, COUNT, UNTIL, BYDAY (with ordinals such as `1TU` or `-1FR`), BYMONTHDAY and BYMONTH.

use super::date::{Weekday, When};

/// How often a rule repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Freq {
    /// Every day.
    Daily,
    /// Every week.
    Weekly,
    /// Every month.
    Monthly,
    /// Every year.
    Yearly,
}

/// A parsed, valid recurrence rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rrule {
    /// `FREQ`
    pub freq: Freq,
    /// `INTERVAL`, at least 1.
    pub interval: u32,
    /// `COUNT`: how many occurrences in all.
    pub count: Option<u32>,
    /// `UNTIL`: the last moment an occurrence may start.
    pub until: Option<When>,
    /// `BYDAY`: weekdays, each with an optional ordinal (`1TU` is `(Some(1), Tue)`).
    pub by_day: Vec<(Option<i8>, Weekday)>,
    /// `BYMONTHDAY`: 1 to 31 or -31 to -1.
    pub by_month_day: Vec<i8>,
    /// `BYMONTH`: 1 to 12.
    pub by_month: Vec<u8>,
}

/// Why a recurrence rule was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RruleError {
    /// Words, not a rule (`every first Tuesday`): no part is written `NAME=VALUE`.
    NotARule,
    /// No `FREQ` part.
    MissingFreq,
    /// A part this widget does not read, such as `BYSETPOS`.
    Unsupported(String),
    /// A part whose value is malformed.
    BadValue(String),
    /// Both `COUNT` and `UNTIL`, which RFC 5545 forbids.
    CountAndUntil,
    /// A numbered weekday (`BYDAY=2MO`) in a rule that is not `MONTHLY` or `YEARLY`, which
    /// has no second Monday to count in.
    OrdinalNotMonthly,
    /// An `UNTIL` before the event's start (a rule copied onto a later date): the rule gives
    /// nothing, and the event shows once.
    UntilBeforeStart,
}

/// Why the rule was refused, in English, in the words of a feed's diagnostics: "the rule
/// cannot have both COUNT and UNTIL".
impl std::fmt::Display for RruleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let said = crate::Lang::En.strings().rrule_error(self);
        write!(f, "the rule {}", said.trim_end_matches('.'))
    }
}

impl std::error::Error for RruleError {}

/// The weekdays as RFC 5545 writes them, Monday first.
pub const DAY_CODES: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

fn weekday(code: &str) -> Option<Weekday> {
    let i = DAY_CODES
        .iter()
        .position(|w| w.eq_ignore_ascii_case(code))?;
    Some(Weekday::ALL[i])
}

/// A `BYDAY` ordinal: the 1st to 53rd, from the start or (negative) the end.
pub(super) fn ordinal_in_range(n: i8) -> bool {
    (1..=53).contains(&n.unsigned_abs())
}

/// A `BYMONTHDAY`: 1 to 31, from the start or (negative) the end (`unsigned_abs`: `-128` has
/// no `i8` absolute value, found by fuzzing).
pub(super) fn month_day_in_range(n: i8) -> bool {
    (1..=31).contains(&n.unsigned_abs())
}

/// A `BYMONTH`: 1 to 12.
pub(super) fn month_in_range(n: u8) -> bool {
    (1..=12).contains(&n)
}

fn list<T>(value: &str, item: impl Fn(&str) -> Option<T>) -> Option<Vec<T>> {
    value.split(',').map(|v| item(v.trim())).collect()
}

impl Rrule {
    /// Whether every part is one [`Rrule::parse`] gives (the fields are public: a rule built
    /// by hand may hold a 13th month or a 0th Monday): an interval of at least 1, ordinals
    /// of 1 to 53 either way, month days of 1 to 31 either way, months of 1 to 12, and an
    /// `UNTIL` that exists. The widgets leave out an event with any other.
    pub fn is_valid(&self) -> bool {
        self.interval >= 1
            && self
                .by_day
                .iter()
                .all(|(n, _)| n.is_none_or(ordinal_in_range))
            && self.by_month_day.iter().all(|&n| month_day_in_range(n))
            && self.by_month.iter().all(|&m| month_in_range(m))
            && self.until.is_none_or(|u| u.is_valid())
    }

    /// Parses a rule such as `FREQ=MONTHLY;BYDAY=1TU;COUNT=10` (an `RRULE:` prefix is allowed,
    /// in any case, as RFC 5545 reads property names).
    pub fn parse(text: &str) -> Result<Rrule, RruleError> {
        let text = text.trim();
        let text = match text.split_at_checked(6) {
            Some((prefix, rest)) if prefix.eq_ignore_ascii_case("RRULE:") => rest,
            _ => text,
        };
        if !text.contains('=') {
            return Err(RruleError::NotARule);
        }
        let mut freq = None;
        let mut rule = Rrule {
            freq: Freq::Daily,
            interval: 1,
            count: None,
            until: None,
            by_day: vec![],
            by_month_day: vec![],
            by_month: vec![],
        };
        for part in text.split(';').filter(|p| !p.trim().is_empty()) {
            let (name, value) = part
                .split_once('=')
                .ok_or_else(|| RruleError::BadValue(part.to_owned()))?;
            let name = name.trim().to_ascii_uppercase();
            let bad = || RruleError::BadValue(format!("{name}={value}"));
            match name.as_str() {
                "FREQ" => {
                    freq = Some(match value.trim().to_ascii_uppercase().as_str() {
                        "DAILY" => Freq::Daily,
                        "WEEKLY" => Freq::Weekly,
                        "MONTHLY" => Freq::Monthly,
                        "YEARLY" => Freq::Yearly,
                        "SECONDLY" | "MINUTELY" | "HOURLY" => {
                            return Err(RruleError::Unsupported(format!("FREQ={value}")));
                        }
                        _ => return Err(bad()),
                    })
                }
                "INTERVAL" => {
                    rule.interval = value
                        .trim()
                        .parse()
                        .ok()
                        .filter(|&n| n >= 1)
                        .ok_or_else(bad)?
                }
                "COUNT" => {
                    rule.count = Some(
                        value
                            .trim()
                            .parse()
                            .ok()
                            .filter(|&n| n >= 1)
                            .ok_or_else(bad)?,
                    )
                }
                "UNTIL" => rule.until = Some(parse_until(value.trim()).ok_or_else(bad)?),
                "BYDAY" => {
                    rule.by_day = list(value, |v| {
                        let split = v.len().checked_sub(2)?;
                        let day = weekday(v.get(split..)?)?;
                        let ordinal = match v.get(..split)? {
                            "" => None,
                            n => Some(
                                n.strip_prefix('+')
                                    .unwrap_or(n)
                                    .parse::<i8>()
                                    .ok()
                                    .filter(|&n| ordinal_in_range(n))?,
                            ),
                        };
                        Some((ordinal, day))
                    })
                    .ok_or_else(bad)?
                }
                "BYMONTHDAY" => {
                    rule.by_month_day = list(value, |v| {
                        v.parse::<i8>().ok().filter(|&n| month_day_in_range(n))
                    })
                    .ok_or_else(bad)?
                }
                "BYMONTH" => {
                    rule.by_month = list(value, |v| {
                        v.parse::<u8>().ok().filter(|&n| month_in_range(n))
                    })
                    .ok_or_else(bad)?
                }
                "WKST" => {}
                _ => return Err(RruleError::Unsupported(name)),
            }
        }
        rule.freq = freq.ok_or(RruleError::MissingFreq)?;
        if rule.count.is_some() && rule.until.is_some() {
            return Err(RruleError::CountAndUntil);
        }
        if rule.by_day.iter().any(|(n, _)| n.is_some())
            && !matches!(rule.freq, Freq::Monthly | Freq::Yearly)
        {
            return Err(RruleError::OrdinalNotMonthly);
        }
        Ok(rule)
    }
}

/// `UNTIL` is `YYYYMMDD` or `YYYYMMDDTHHMMSS[Z]`; the feed's dashed forms are accepted too.
fn parse_until(v: &str) -> Option<When> {
    if v.contains('-') {
        return When::parse(v);
    }
    let b = v.as_bytes();
    let date = format!("{}-{}-{}", v.get(0..4)?, v.get(4..6)?, v.get(6..8)?);
    match b.len() {
        8 => When::parse(&date),
        15 | 16 if b[8].eq_ignore_ascii_case(&b'T') => {
            let time = format!(
                "{}:{}:{}{}",
                v.get(9..11)?,
                v.get(11..13)?,
                v.get(13..15)?,
                v.get(15..).unwrap_or("")
            );
            When::parse(&format!("{date}T{time}"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_rule_says_why_in_english() {
        let said = |rule: &str| Rrule::parse(rule).unwrap_err().to_string();
        assert_eq!(
            said("FREQ=WEEKLY;COUNT=3;UNTIL=20270101"),
            "the rule cannot have both COUNT and UNTIL"
        );
        assert!(
            said("COUNT=3").contains("FREQ=DAILY"),
            "{}",
            said("COUNT=3")
        );
        assert!(said("FREQ=DAILY;BYSETPOS=1").contains("“BYSETPOS”"));
    }
    use crate::feed::date::{Date, Time};

    #[test]
    fn reads_the_contract_example() {
        let r = Rrule::parse("FREQ=MONTHLY;BYDAY=1TU;COUNT=10").unwrap();
        assert_eq!(r.freq, Freq::Monthly);
        assert_eq!(r.by_day, vec![(Some(1), Weekday::Tue)]);
        assert_eq!(r.count, Some(10));
        assert_eq!(r.interval, 1);
    }

    #[test]
    fn reads_last_friday_month_days_months_and_until() {
        let r = Rrule::parse(
            "RRULE:FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1FR;UNTIL=20271231T235959Z;INTERVAL=2",
        )
        .unwrap();
        assert_eq!(r.by_day, vec![(Some(-1), Weekday::Fri)]);
        assert_eq!(r.by_month, vec![3, 10]);
        assert_eq!(r.interval, 2);
        assert_eq!(
            r.until,
            Some(When::Instant(
                Date::new(2027, 12, 31).unwrap(),
                Time {
                    hour: 23,
                    minute: 59,
                    second: 59
                }
            ))
        );
        // Names and values in any case, as feed.md says: the same rule written in lowercase.
        let lower = Rrule::parse(
            "RRULE:freq=yearly;bymonth=3,10;byday=-1fr;until=20271231t235959z;interval=2",
        );
        assert_eq!(lower.as_ref(), Ok(&r));
        // The prefix too.
        let prefix = Rrule::parse(
            "rrule:freq=yearly;bymonth=3,10;byday=-1fr;until=20271231t235959z;interval=2",
        );
        assert_eq!(prefix, Ok(r));
        let r = Rrule::parse("FREQ=MONTHLY;BYMONTHDAY=31,-1;UNTIL=20270331").unwrap();
        assert_eq!(r.by_month_day, vec![31, -1]);
        assert_eq!(r.until, Some(When::Date(Date::new(2027, 3, 31).unwrap())));
    }

    #[test]
    fn refuses_what_it_cannot_honour() {
        assert_eq!(Rrule::parse("BYDAY=MO"), Err(RruleError::MissingFreq));
        assert_eq!(
            Rrule::parse("FREQ=WEEKLY;BYSETPOS=1"),
            Err(RruleError::Unsupported("BYSETPOS".into()))
        );
        assert_eq!(
            Rrule::parse("FREQ=HOURLY"),
            Err(RruleError::Unsupported("FREQ=HOURLY".into()))
        );
        assert_eq!(
            Rrule::parse("FREQ=DAILY;COUNT=3;UNTIL=20270101"),
            Err(RruleError::CountAndUntil)
        );
        for bad in [
            "FREQ=DAILY;COUNT=0",
            "FREQ=DAILY;INTERVAL=x",
            "FREQ=MONTHLY;BYDAY=1XX",
            "FREQ=MONTHLY;BYMONTHDAY=32",
            "FREQ=DAILY;BYMONTHDAY=-000128",
            "FREQ=MONTHLY;BYDAY=-128TU",
            "FREQ=YEARLY;BYMONTH=13",
            "FREQ=DAILY;UNTIL=20270230",
            "FREQ=SOMETIMES",
        ] {
            assert!(
                matches!(Rrule::parse(bad), Err(RruleError::BadValue(_))),
                "{bad}"
            );
        }
        // A numbered weekday has a month or a year to count in only: said as such, with
        // what a weekly rule takes.
        for numbered in ["FREQ=WEEKLY;BYDAY=2MO", "FREQ=DAILY;BYDAY=-1FR"] {
            assert_eq!(
                Rrule::parse(numbered),
                Err(RruleError::OrdinalNotMonthly),
                "{numbered}"
            );
        }
        assert!(
            RruleError::OrdinalNotMonthly
                .to_string()
                .contains("only a MONTHLY or YEARLY rule can: a weekly one takes BYDAY=MO")
        );
    }
}
