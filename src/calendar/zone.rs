//! Wall-clock time in an IANA zone, from the browser's `Intl` (no zone database in the Wasm).
//! Off the browser, UTC stands in.

use crate::feed::{Date, Time};

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

/// The wall-clock date and time in `zone` at `ms` after the epoch. An unknown zone reads as UTC.
pub fn wall_clock(ms: f64, zone: &str) -> (Date, Time) {
    #[cfg(target_arch = "wasm32")]
    if let Some(found) = intl_wall_clock(ms, zone) {
        return found;
    }
    let _ = zone;
    utc_wall_clock(ms)
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

#[cfg(target_arch = "wasm32")]
fn intl_wall_clock(ms: f64, zone: &str) -> Option<(Date, Time)> {
    use js_sys::{Array, Intl::DateTimeFormat, Object, Reflect};
    use std::cell::RefCell;
    use wasm_bindgen::JsValue;
    thread_local! {
        static FORMATS: RefCell<Vec<(String, DateTimeFormat)>> = const { RefCell::new(Vec::new()) };
    }
    let format = FORMATS.with(|formats| {
        if let Some((_, f)) = formats.borrow().iter().find(|(z, _)| z == zone) {
            return Some(f.clone());
        }
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
        let constructor: js_sys::Function =
            Reflect::get(&intl, &"DateTimeFormat".into()).ok()?.into();
        let f: DateTimeFormat =
            Reflect::construct(&constructor, &Array::of2(&"en-US".into(), &options))
                .ok()?
                .into();
        formats.borrow_mut().push((zone.to_owned(), f.clone()));
        Some(f)
    })?;
    let parts = format.format_to_parts(&js_sys::Date::new(&JsValue::from_f64(ms)));
    let mut fields = [0u32; 6];
    for part in parts.iter() {
        let kind = Reflect::get(&part, &"type".into()).ok()?.as_string()?;
        let value: u32 = Reflect::get(&part, &"value".into())
            .ok()?
            .as_string()?
            .parse()
            .unwrap_or(0);
        let slot = ["year", "month", "day", "hour", "minute", "second"]
            .iter()
            .position(|k| *k == kind);
        if let Some(slot) = slot {
            fields[slot] = value;
        }
    }
    let date = Date::new(fields[0] as i32, fields[1] as u8, fields[2] as u8)?;
    Some((
        date,
        Time {
            hour: fields[3] as u8,
            minute: fields[4] as u8,
            second: fields[5] as u8,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_milliseconds_round_trip_through_utc() {
        let date = Date::new(2026, 3, 29).unwrap();
        let time = Time {
            hour: 1,
            minute: 30,
            second: 5,
        };
        let ms = epoch_ms(date, time);
        assert_eq!(ms, 1_774_747_805_000.0);
        assert_eq!(utc_wall_clock(ms), (date, time));
        assert_eq!(utc_wall_clock(-1000.0).0, Date::new(1969, 12, 31).unwrap());
    }
}
