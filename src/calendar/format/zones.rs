//! Time zones as the calendar names them: by their city, in the visitor's language.

use super::when;
use crate::calendar::occur::Occurrence;
use crate::i18n::{Lang, fill};

/// "Times are Madrid time" over a calendar whose zone is not the visitor's.
pub(crate) fn zone_note(lang: Lang, zone: &str) -> String {
    in_zone(lang, lang.strings().times_in, zone, "")
}

/// When an occurrence happens on its own zone's clock (`o` placed on that clock): "Tuesday
/// 1 December 2026, 10:00–12:00 (Buenos Aires time)".
pub(crate) fn own_clock(lang: Lang, o: &Occurrence, zone: &str) -> String {
    in_zone(lang, lang.strings().time_in_zone, zone, &when(lang, o))
}

/// How an event repeats, said on its own zone's clock where that is not the calendar's:
/// "every month on the last Friday (Madrid time)", as its Fridays there may be Saturdays in
/// Tokyo.
pub(crate) fn on_own_clock(lang: Lang, how: &str, zone: &str) -> String {
    in_zone(lang, lang.strings().time_in_zone, zone, how)
}

/// `template` with the city of `zone` and `time`; Catalan writes "de" as "d’" before a vowel
/// ("hora d’Andorra", not "hora de Andorra"; not before the h the names of zones' cities
/// sound: "hora de Hong Kong"), and "de" takes in the article a city's name begins with in
/// Catalan and Galician ("hora del Caire", "hora da Habana"). A zone named by letters and an
/// offset, not a city, goes without "de" or "time": "hora UTC−3", "(UTC−3)", "Hora CET".
fn in_zone(lang: Lang, template: &str, zone: &str, time: &str) -> String {
    let mut city = zone_name(lang, zone);
    let abbreviated = city
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '+' | '\u{2212}'));
    let elided = lang == Lang::Ca && city.starts_with(|c: char| "AEIOUÀÈÉÍÒÓÚ".contains(c));
    let joined = match (lang, city.split_once(' ')) {
        (Lang::Ca, Some(("el", _))) => Some("del"),
        (Lang::Gl, Some(("A", _))) => Some("da"),
        (Lang::Gl, Some(("O", _))) => Some("do"),
        _ => None,
    };
    let template = if abbreviated {
        template
            .replace("de {zone}", "{zone}")
            .replace("{zone} time", "{zone}")
    } else if elided {
        template.replace("de {zone}", "d’{zone}")
    } else if let Some(joined) = joined.filter(|_| template.contains("de {zone}")) {
        if let Some(space) = city.find(' ') {
            city.drain(..=space);
        }
        template.replace("de {zone}", &format!("{joined} {{zone}}"))
    } else {
        template.to_owned()
    };
    fill(&template, &[("time", time), ("zone", &city)])
}

/// The cities of the zones a cluster's events abroad are most often in (film and TV markets
/// and festivals, trade fairs), as CLDR's exemplar cities name them where a language's
/// name differs from the IANA name: IANA's last part, then its name in ca, es, gl and en
/// (empty: as IANA writes it, `_` as a space). Other zones go by IANA's English name.
const CITIES: [(&str, [&str; 4]); 35] = [
    ("Amsterdam", ["", "Ámsterdam", "Ámsterdam", ""]),
    ("Athens", ["Atenes", "Atenas", "Atenas", ""]),
    ("Berlin", ["Berlín", "Berlín", "Berlín", ""]),
    ("Bogota", ["Bogotà", "Bogotá", "Bogotá", "Bogotá"]),
    ("Brussels", ["Brussel·les", "Bruselas", "Bruxelas", ""]),
    ("Buenos_Aires", ["", "", "Bos Aires", ""]),
    ("Cairo", ["el Caire", "El Cairo", "O Cairo", ""]),
    (
        "Canary",
        ["les Canàries", "Canarias", "Canarias", "Canary Islands"],
    ),
    (
        "Copenhagen",
        ["Copenhaguen", "Copenhague", "Copenhague", ""],
    ),
    ("Dubai", ["", "Dubái", "", ""]),
    ("Dublin", ["Dublín", "Dublín", "Dublín", ""]),
    ("Havana", ["l’Havana", "La Habana", "A Habana", ""]),
    ("Helsinki", ["Hèlsinki", "", "Helsinqui", ""]),
    ("Istanbul", ["", "Estambul", "Istambul", ""]),
    ("Jerusalem", ["", "Jerusalén", "Xerusalén", ""]),
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
    ("Shanghai", ["Xangai", "Shanghái", "Xangai", ""]),
    ("Singapore", ["Singapur", "Singapur", "Singapur", ""]),
    (
        "St_Johns",
        [
            "Saint John’s",
            "San Juan de Terranova",
            "Saint John’s",
            "St John’s",
        ],
    ),
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
fn zone_name(lang: Lang, zone: &str) -> String {
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
    use crate::feed::{Date, Time};

    fn at(hour: u8) -> Time {
        Time {
            hour,
            minute: 0,
            second: 0,
        }
    }

    /// An occurrence on one clock, from `first` at `from` to `last` at `until` (its instants
    /// as UTC's, with no clock change between).
    fn on_clock(first: Date, last: Date, from: Time, until: Time) -> Occurrence {
        let ms = crate::calendar::zone::epoch_ms;
        Occurrence {
            event: 0,
            span: Span::Timed(ms(first, from), ms(last, until)),
            first,
            last,
            times: Some((from, until)),
        }
    }

    #[test]
    fn a_zone_is_said_in_each_language_catalan_eliding_its_de() {
        assert_eq!(zone_note(Lang::Ca, "Europe/Andorra"), "Hora d’Andorra");
        assert_eq!(zone_note(Lang::Ca, "Europe/Madrid"), "Hora de Madrid");
        assert_eq!(zone_note(Lang::Es, "Europe/Andorra"), "Hora de Andorra");
        // A zone named by letters and an offset goes without "de" or "time".
        assert_eq!(zone_note(Lang::Ca, "UTC"), "Hora UTC");
        assert_eq!(zone_note(Lang::Gl, "CET"), "Hora CET");
        let day_ = Date::new(2026, 12, 1).unwrap();
        assert_eq!(
            own_clock(Lang::Es, &on_clock(day_, day_, at(10), at(10)), "Etc/GMT+3"),
            "martes, 1 de diciembre de 2026, 10:00 (hora UTC\u{2212}3)"
        );
        assert_eq!(
            own_clock(Lang::En, &on_clock(day_, day_, at(10), at(10)), "Etc/GMT+3"),
            "Tuesday 1 December 2026, 10:00 (UTC\u{2212}3)"
        );
        let day = Date::new(2026, 12, 1).unwrap();
        assert_eq!(
            own_clock(
                Lang::Ca,
                &on_clock(day, day, at(10), at(10)),
                "Europe/Amsterdam"
            ),
            "dimarts, 1 de desembre de 2026, 10:00 (hora d’Amsterdam)"
        );
        // Its end too, on the same clock, and its date where that is another day.
        assert_eq!(
            own_clock(
                Lang::En,
                &on_clock(day, day, at(10), at(12)),
                "America/New_York"
            ),
            "Tuesday 1 December 2026, 10:00–\u{2060}12:00 (New York time)"
        );
        assert_eq!(
            own_clock(
                Lang::Es,
                &on_clock(day, day.add_days(1), at(22), at(2)),
                "America/Argentina/Buenos_Aires"
            ),
            "martes, 1 de diciembre de 2026, 22:00 – miércoles, 2 de diciembre de 2026, 02:00 (hora de Buenos Aires)"
        );
    }

    #[test]
    fn zones_are_named_by_their_city() {
        let en = |zone| zone_name(Lang::En, zone);
        assert_eq!(en("America/Argentina/Buenos_Aires"), "Buenos Aires");
        assert_eq!(en("Europe/Madrid"), "Madrid");
        // The islands, not "Canary" (CLDR's name for the zone's city): "Times are Canary
        // Islands time", "Hora de Canarias", "Hora de les Canàries".
        assert_eq!(
            zone_note(Lang::En, "Atlantic/Canary"),
            "Times are Canary Islands time"
        );
        assert_eq!(zone_note(Lang::Es, "Atlantic/Canary"), "Hora de Canarias");
        assert_eq!(
            zone_note(Lang::Ca, "Atlantic/Canary"),
            "Hora de les Canàries"
        );
        // Catalan elides "de" before a vowel, not before the h of a foreign name; an article
        // a name begins with joins "de" in Catalan and Galician, not in Spanish.
        assert_eq!(zone_note(Lang::Ca, "Europe/Andorra"), "Hora d’Andorra");
        assert_eq!(zone_note(Lang::Ca, "Asia/Hong_Kong"), "Hora de Hong Kong");
        assert_eq!(zone_note(Lang::Ca, "Africa/Cairo"), "Hora del Caire");
        assert_eq!(zone_note(Lang::Ca, "America/Havana"), "Hora de l’Havana");
        assert_eq!(zone_note(Lang::Gl, "America/Havana"), "Hora da Habana");
        assert_eq!(zone_note(Lang::Gl, "Africa/Cairo"), "Hora do Cairo");
        assert_eq!(zone_note(Lang::Es, "Africa/Cairo"), "Hora de El Cairo");
        assert_eq!(zone_note(Lang::En, "Africa/Cairo"), "Times are Cairo time");
        // A zone named by letters: "Times are UTC", not "UTC time".
        assert_eq!(zone_note(Lang::En, "Etc/UTC"), "Times are UTC");
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
        assert_eq!(
            zone_name(Lang::Gl, "America/Argentina/Buenos_Aires"),
            "Bos Aires"
        );
        assert_eq!(zone_name(Lang::Es, "America/Buenos_Aires"), "Buenos Aires");
        assert_eq!(zone_name(Lang::Es, "America/Los_Angeles"), "Los Ángeles");
        assert_eq!(zone_name(Lang::Ca, "America/Los_Angeles"), "Los Angeles");
        assert_eq!(zone_note(Lang::Ca, "Europe/Athens"), "Hora d’Atenes");
        // Its apostrophe, which the zone's name leaves out.
        assert_eq!(en("America/St_Johns"), "St John’s");
        assert_eq!(
            zone_note(Lang::Es, "America/St_Johns"),
            "Hora de San Juan de Terranova"
        );
        assert!(
            CITIES.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted, for the binary search"
        );
    }
}
