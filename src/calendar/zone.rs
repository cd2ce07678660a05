//! Wall-clock time in an IANA zone, from the browser's `Intl` (no zone database in the Wasm).
//! Off the browser, UTC stands in.

use crate::feed::{Date, Time};
use crate::i18n::{Lang, fill};

/// Milliseconds since the Unix epoch of a UTC date and time.
pub fn epoch_ms(date: Date, time: Time) -> f64 {
    let secs = date.days_since_epoch() * 86_400
        + i64::from(time.hour) * 3600
        + i64::from(time.minute) * 60
        + i64::from(time.second);
    secs as f64 * 1000.0
}

fn utc_wall_clock(ms: f64) -> (Date, Time) {
    let secs = (ms / 1000.0).floor() as i64;
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let time = Time {
        hour: (rest / 3600) as u8,
        minute: (rest % 3600 / 60) as u8,
        second: (rest % 60) as u8,
    };
    (Date::from_days_since_epoch(days), time)
}

/// The wall clock `offset` seconds east of UTC, `ms` after the epoch.
pub fn wall_at(ms: f64, offset: i64) -> (Date, Time) {
    utc_wall_clock(ms + offset as f64 * 1000.0)
}

/// The wall-clock date and time in `zone` at `ms` after the epoch. An unknown zone reads as UTC.
pub fn wall_clock(ms: f64, zone: &str) -> (Date, Time) {
    #[cfg(target_arch = "wasm32")]
    if let Some(found) = intl_wall_clock(ms, zone) {
        return found;
    }
    let _ = zone;
    utc_wall_clock(ms)
}

/// A change of a zone's offset: the instant, and the offsets before and after (seconds).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    /// When, in milliseconds after the epoch (to the minute).
    pub at: f64,
    /// The offset before.
    pub from: i64,
    /// The offset after.
    pub to: i64,
}

/// The changes of a zone's offset (given at any instant by `offset`) during `year` (UTC),
/// found week by week, then to the minute. Zones change at most a few times a year, weeks
/// apart.
pub fn changes(year: i32, offset: impl Fn(f64) -> i64) -> Vec<Change> {
    const WEEK: f64 = 7.0 * 86_400_000.0;
    let day = |year| Date {
        year,
        month: 1,
        day: 1,
    };
    let (start, end) = (
        epoch_ms(day(year), Time::default()),
        epoch_ms(day(year + 1), Time::default()),
    );
    let mut out = Vec::new();
    let mut before = offset(start);
    let mut lo = start;
    while lo < end {
        let hi = (lo + WEEK).min(end);
        let now = offset(hi);
        if now != before {
            // Between lo and hi: halve the interval down to a minute.
            let (mut a, mut b) = (lo, hi);
            while b - a > 60_000.0 {
                let mid = ((a + b) / 2.0 / 60_000.0).floor() * 60_000.0;
                if offset(mid) == before {
                    a = mid
                } else {
                    b = mid
                }
            }
            out.push(Change {
                at: b,
                from: before,
                to: now,
            });
            before = now;
        }
        lo = hi;
    }
    out
}

/// The offset of `zone` from UTC at `ms` after the epoch, in seconds (east positive), as
/// the browser's `Intl` knows it; 0 for UTC, an unknown zone, or off the browser.
///
/// `Intl` takes tens of microseconds a call, and a month of events needs thousands of
/// offsets: each zone's changes are found once a year and kept.
pub fn offset_at(ms: f64, zone: &str) -> i64 {
    in_year(zone, utc_wall_clock(ms).0.year, |first, changes| {
        changes
            .iter()
            .rev()
            .find(|c| c.at <= ms)
            .map_or(first, |c| c.to)
    })
}

/// `then` of `zone`'s `year` (of UTC): its offset as the year begins, and its changes,
/// found once and kept.
fn in_year<T>(zone: &str, year: i32, then: impl FnOnce(i64, &[Change]) -> T) -> T {
    use std::cell::RefCell;
    /// A zone's year: its offset as the year begins, and its changes.
    type Year = (String, i32, i64, Vec<Change>);
    thread_local! {
        static YEARS: RefCell<Vec<Year>> = const { RefCell::new(Vec::new()) };
    }
    let raw = |ms: f64| {
        let (date, time) = wall_clock(ms, zone);
        ((epoch_ms(date, time) - ms) / 1000.0).round() as i64
    };
    YEARS.with(|years| {
        let mut years = years.borrow_mut();
        let i = match years.iter().position(|(z, y, ..)| z == zone && *y == year) {
            Some(i) => i,
            None => {
                let first = epoch_ms(
                    Date {
                        year,
                        month: 1,
                        day: 1,
                    },
                    Time::default(),
                );
                years.push((zone.to_owned(), year, raw(first), changes(year, raw)));
                years.len() - 1
            }
        };
        let (_, _, first, changes) = &years[i];
        then(*first, changes)
    })
}

/// The instant, in milliseconds after the epoch, at which a zone's wall clock shows `date`
/// at `time`, given the zone's offset from UTC at any instant (`offset_at`, in seconds). A
/// time skipped when clocks go forward is read with the offset before the change (02:30 on
/// the day Madrid moves to summer time is 03:30 summer time); a time that happens twice when
/// clocks go back is the first of the two. RFC 5545 (3.3.5) and calendar apps read them so.
pub fn instant(date: Date, time: Time, offset_at: impl Fn(f64) -> i64) -> f64 {
    const DAY: f64 = 86_400_000.0;
    let local = epoch_ms(date, time);
    // No zone changes its offset twice in two days: the offsets a day either side are the
    // only ones the wall clock can be read with.
    let before = offset_at(local - DAY);
    let after = offset_at(local + DAY);
    let fits = |offset: i64| {
        let t = local - offset as f64 * 1000.0;
        (offset_at(t) == offset).then_some(t)
    };
    match (fits(before), fits(after)) {
        (Some(a), Some(b)) => a.min(b),
        (Some(t), None) | (None, Some(t)) => t,
        (None, None) => local - before as f64 * 1000.0,
    }
}

/// `UTC`, or an IANA name such as `Europe/Madrid` or `America/Argentina/Buenos_Aires`: the
/// zones the feed and a calendar's `timezone` take; also the IANA names without a `/` that
/// keep summer time (`CET`, as a CMS's settings write Madrid's, and `EST5EDT`…). Not the
/// other legacy names (`GMT`, `EST`) nor offsets (`+01:00`), which the browser may know but
/// which keep no summer time as Madrid's does. Whether the zone exists is for the browser's
/// `Intl` to say.
pub fn is_zone_name(zone: &str) -> bool {
    const SEASONAL: [&str; 8] = [
        "CET", "MET", "EET", "WET", "EST5EDT", "CST6CDT", "MST7MDT", "PST8PDT",
    ];
    zone == "UTC"
        || SEASONAL.contains(&zone)
        || (zone.contains('/')
            && zone.split('/').all(|p| {
                !p.is_empty()
                    && p.starts_with(|c: char| c.is_ascii_alphabetic())
                    && p.chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'))
            }))
}

/// Whether the browser knows the IANA zone `zone` (off the browser, only UTC is known).
pub fn is_known(zone: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    return intl_format(zone).is_some();
    #[cfg(not(target_arch = "wasm32"))]
    return zone == "UTC";
}

/// `zone` as the browser spells it (`europe/madrid` is `Europe/Madrid`), if it knows it.
/// Asked once per name: a feed may name a zone on each of its thousands of events.
pub fn canonical(zone: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        use std::cell::RefCell;
        thread_local! {
            static SPELLED: RefCell<Vec<(String, Option<String>)>> = const { RefCell::new(Vec::new()) };
        }
        if let Some(known) = SPELLED.with_borrow(|all| {
            (all.iter())
                .find(|(written, _)| written == zone)
                .map(|(_, known)| known.clone())
        }) {
            return known;
        }
        let known = new_format(zone).and_then(|f| {
            js_sys::Reflect::get(&f.resolved_options(), &"timeZone".into())
                .ok()?
                .as_string()
        });
        SPELLED.with_borrow_mut(|all| all.push((zone.to_owned(), known.clone())));
        known
    }
    #[cfg(not(target_arch = "wasm32"))]
    return (zone == "UTC").then(|| zone.to_owned());
}

/// A calendar's own zone, as its `timezone` names it.
pub enum Own {
    /// `local`: the visitor's.
    Visitor,
    /// A zone the browser knows, as written, in the letter case of its IANA name.
    Zone(String),
}

/// The zone `written` names, in any case: `None` when it is empty, no IANA name (see
/// [`is_zone_name`]) or one the browser does not know.
pub fn own(written: &str) -> Option<Own> {
    let written = written.trim();
    if written.eq_ignore_ascii_case("local") {
        Some(Own::Visitor)
    } else if is_zone_name(&written.to_ascii_uppercase()) {
        // The name written, not the browser's for it: Chromium answers with the old or
        // linked name (`Asia/Calcutta` for `Asia/Kolkata`, `Europe/Kiev` for `Europe/Kyiv`,
        // `Europe/Brussels` for `CET`), which the calendar would name its times by. Its
        // answer gives the letter case where it is the same name.
        let known = canonical(written)?;
        Some(Own::Zone(spelled(written, Some(known))))
    } else {
        None
    }
}

/// The zone name `written` (one [`is_zone_name`] takes) in the letter case of its IANA name:
/// `america/new_york` is `America/New_York`, as a feed's zone must be for Google Calendar's
/// links and the calendar's "New York time".
pub fn in_its_case(written: &str) -> String {
    spelled(written, canonical(written))
}

/// `written` as the browser's name for it, `known`, spells it where that is the same name in
/// other letters (or UTC, which `Etc/UTC`, `Zulu` and the like are); else, written all in one
/// case, in the case IANA names take; else as written.
fn spelled(written: &str, known: Option<String>) -> String {
    let one_case = !written.bytes().any(|b| b.is_ascii_uppercase())
        || !written.bytes().any(|b| b.is_ascii_lowercase());
    match known {
        Some(known) if known.eq_ignore_ascii_case(written) || known == "UTC" => known,
        _ if one_case => in_name_case(written),
        _ => written.to_owned(),
    }
}

/// Whether times in `zone` are on the visitor's own clock, `visitor` being the browser's
/// name for it, which may be another name of the same zone (`Asia/Calcutta` for
/// `Asia/Kolkata`, `Europe/Kiev` for `Europe/Kyiv`).
/// Or a zone of another name on the same clock: `CET`, as many a CMS writes Madrid's, is
/// a visitor's `Europe/Madrid`, as `Europe/Paris` is.
pub fn is_visitors(zone: &str, visitor: &str) -> bool {
    zone == visitor
        || canonical(zone).is_some_and(|known| known == visitor || same_clock(&known, visitor))
}

/// Whether zones `a` and `b` show the same time all through this year and the next: the
/// same offset as each begins, and the same changes.
/// Found once for each pair (the note over the month and each event's dialog ask again).
#[cfg(target_arch = "wasm32")]
fn same_clock(a: &str, b: &str) -> bool {
    thread_local! {
        static FOUND: std::cell::RefCell<Vec<(String, String, bool)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    if let Some(same) = FOUND.with_borrow(|found| {
        (found.iter())
            .find(|(x, y, _)| x == a && y == b)
            .map(|&(.., same)| same)
    }) {
        return same;
    }
    let year = utc_wall_clock(js_sys::Date::now()).0.year;
    let same = (year..=year + 1).all(|year| {
        let of_a = in_year(a, year, |first, changes| (first, changes.to_vec()));
        in_year(b, year, |first, changes| of_a == (first, changes.to_vec()))
    });
    FOUND.with_borrow_mut(|found| found.push((a.to_owned(), b.to_owned(), same)));
    same
}

/// Off the browser every zone is UTC: they are told apart by name alone.
#[cfg(not(target_arch = "wasm32"))]
fn same_clock(_: &str, _: &str) -> bool {
    false
}

/// `written`, a zone's name all in one case, in the case IANA names mostly take: names without a
/// `/` (`CET`, `EST5EDT`) in capitals, the others' words capitalized (`Europe/Kyiv`,
/// `America/Argentina/Buenos_Aires`).
fn in_name_case(written: &str) -> String {
    if !written.contains('/') {
        return written.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(written.len());
    let mut word_start = true;
    for c in written.chars() {
        out.push(if word_start {
            c.to_ascii_uppercase()
        } else {
            c.to_ascii_lowercase()
        });
        word_start = matches!(c, '/' | '_' | '-');
    }
    out
}

/// What a console says of a calendar's own zone `written` that the browser does not know,
/// in `lang`: that it is none, and that the feed's zone, `fallback`, applies.
pub fn unknown(lang: Lang, written: &str, fallback: &str) -> String {
    let s = lang.strings();
    format!(
        "{} {}",
        fill(s.d_bad_timezone, &[("value", written)]),
        fill(s.d_zone_fallback, &[("zone", fallback)])
    )
}

/// The visitor's zone, as the browser knows it (`UTC` off the browser or when it cannot
/// say).
pub fn visitor_zone() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let options = js_sys::Intl::DateTimeFormat::default().resolved_options();
        if let Some(zone) = js_sys::Reflect::get(&options, &"timeZone".into())
            .ok()
            .and_then(|z| z.as_string())
        {
            return zone;
        }
    }
    "UTC".to_owned()
}

/// Now, in `zone`.
pub fn now_in(zone: &str) -> (Date, Time) {
    #[cfg(target_arch = "wasm32")]
    let ms = js_sys::Date::now();
    #[cfg(not(target_arch = "wasm32"))]
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_millis() as f64);
    wall_clock(ms, zone)
}

/// A formatter of wall clocks in `zone`, or `None` when the browser does not know it.
#[cfg(target_arch = "wasm32")]
fn new_format(zone: &str) -> Option<js_sys::Intl::DateTimeFormat> {
    use js_sys::{Array, Object, Reflect};
    let options = Object::new();
    for (key, value) in [
        ("timeZone", zone),
        ("hourCycle", "h23"),
        ("year", "numeric"),
        ("month", "numeric"),
        ("day", "numeric"),
        ("hour", "numeric"),
        ("minute", "numeric"),
        ("second", "numeric"),
    ] {
        Reflect::set(&options, &key.into(), &value.into()).ok()?;
    }
    // An unknown zone makes the constructor throw a RangeError: construct it through
    // `Reflect::construct`, which catches that, instead of through the binding, which would not.
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: js_sys::Function = Reflect::get(&intl, &"DateTimeFormat".into()).ok()?.into();
    Reflect::construct(&constructor, &Array::of2(&"en-US".into(), &options))
        .ok()
        .map(Into::into)
}

#[cfg(target_arch = "wasm32")]
fn intl_wall_clock(ms: f64, zone: &str) -> Option<(Date, Time)> {
    // One call and one string ("1/15/2026, 13:05:09") instead of `formatToParts`' dozen
    // objects: the year's changes take about a hundred of these.
    let text = intl_format(zone)?
        .call1(
            &wasm_bindgen::JsValue::NULL,
            &wasm_bindgen::JsValue::from_f64(ms),
        )
        .ok()?
        .as_string()?;
    parse_en_us(&text)
}

/// `zone`'s bound `format`, made once; `None` when the browser does not know the zone.
#[cfg(target_arch = "wasm32")]
fn intl_format(zone: &str) -> Option<js_sys::Function> {
    use std::cell::RefCell;
    thread_local! {
        // Unknown zones too (as `None`): a feed may name one on each of its events.
        static FORMATS: RefCell<Vec<(String, Option<js_sys::Function>)>> = const { RefCell::new(Vec::new()) };
    }
    FORMATS.with(|formats| {
        if let Some((_, f)) = formats.borrow().iter().find(|(z, _)| z == zone) {
            return f.clone();
        }
        let made = new_format(zone).map(|f| f.format());
        formats.borrow_mut().push((zone.to_owned(), made.clone()));
        made
    })
}

#[cfg(any(target_arch = "wasm32", test))]
/// The date and time in `en-US`'s numeric form, `M/D/YYYY, HH:MM:SS` (hours 0 to 23).
fn parse_en_us(text: &str) -> Option<(Date, Time)> {
    let mut fields = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|f| !f.is_empty())
        .map(|f| f.parse::<u32>().ok());
    let mut next = || fields.next().flatten();
    let (month, day, year) = (next()?, next()?, next()?);
    let (hour, minute, second) = (next()?, next()?, next()?);
    let date = Date::new(i32::try_from(year).ok()?, month as u8, day as u8)?;
    (hour < 24 && minute < 60 && second < 60).then_some((
        date,
        Time {
            hour: hour as u8,
            minute: minute as u8,
            second: second as u8,
        },
    ))
}

#[cfg(test)]
mod tests;
