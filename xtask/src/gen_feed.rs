//! `cargo xtask gen-feed`: large, deterministic, plausible feeds for tests and benchmarks.

use std::fmt::Write as _;

use crate::flag;

/// splitmix64: tiny, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SEGMENTS: [(&str, &str, &str, &str, &str, &str); 12] = [
    (
        "production",
        "Producció",
        "Producción",
        "Produción",
        "Production",
        "#1f5fa8",
    ),
    (
        "production-services",
        "Serveis de producció",
        "Servicios de producción",
        "Servizos de produción",
        "Production services",
        "#2e7d32",
    ),
    (
        "post-production",
        "Postproducció",
        "Postproducción",
        "Posprodución",
        "Post-production",
        "#7a5195",
    ),
    (
        "studios-parks",
        "Estudis i parcs",
        "Estudios y parques",
        "Estudos e parques",
        "Studios and parks",
        "#a14a00",
    ),
    (
        "distribution-exhibition",
        "Distribució i exhibició",
        "Distribución y exhibición",
        "Distribución e exhibición",
        "Distribution and exhibition",
        "#b0305c",
    ),
    (
        "tv-radio-podcast",
        "Televisió, ràdio i pòdcast",
        "Televisión, radio y pódcast",
        "Televisión, radio e podcast",
        "TV, radio and podcast",
        "#00677f",
    ),
    (
        "immersive",
        "Experiències immersives",
        "Experiencias inmersivas",
        "Experiencias inmersivas",
        "Immersive experiences",
        "#6a4c93",
    ),
    (
        "technology",
        "Tecnologia",
        "Tecnología",
        "Tecnoloxía",
        "Technology",
        "#3b5b00",
    ),
    (
        "communication-advertising",
        "Comunicació i publicitat",
        "Comunicación y publicidad",
        "Comunicación e publicidade",
        "Communication and advertising",
        "#9c2b2b",
    ),
    (
        "video-games",
        "Videojocs",
        "Videojuegos",
        "Videoxogos",
        "Video games",
        "#5a4fcf",
    ),
    (
        "training",
        "Formació",
        "Formación",
        "Formación",
        "Training",
        "#7b5800",
    ),
    (
        "events-systems",
        "Esdeveniments i sistemes integrats",
        "Eventos y sistemas integrados",
        "Eventos e sistemas integrados",
        "Events and integrated systems",
        "#005f73",
    ),
];

const FIRST: [&str; 16] = [
    "Estudis",
    "Produccions",
    "Films",
    "Media",
    "Visual",
    "Sons",
    "Imatge",
    "Pixel",
    "Lab",
    "Digital",
    "Creatius",
    "Talleres",
    "Cinema",
    "Animació",
    "Ràdio",
    "Àudio",
];
const SECOND: [&str; 16] = [
    "Llevant",
    "Montjuïc",
    "Ibèrica",
    "Mediterrània",
    "Garrotxa",
    "Ebre",
    "Pirineu",
    "Maresme",
    "Empordà",
    "Priorat",
    "Penedès",
    "Tibidabo",
    "Ñandú",
    "Cel·la",
    "Aurora",
    "Boira",
];
const CITIES: [(&str, &str); 10] = [
    ("Barcelona", "Catalonia"),
    ("Girona", "Catalonia"),
    ("Lleida", "Catalonia"),
    ("Tarragona", "Catalonia"),
    ("Terrassa", "Catalonia"),
    ("Madrid", "Comunidad de Madrid"),
    ("Vigo", "Galicia"),
    ("Santiago de Compostela", "Galicia"),
    ("València", "Comunitat Valenciana"),
    ("Bilbao", "Euskadi"),
];
const KINDS: [&str; 4] = ["sme", "sme", "sme", "large"];
const WORDS: [&str; 12] = [
    "dubbing",
    "animation",
    "vfx",
    "drone",
    "subtitling",
    "mapping",
    "podcast",
    "esports",
    "virtual production",
    "color grading",
    "documentary",
    "streaming",
];

fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A feed of `members` members and `events` events, the same for the same `seed`.
pub fn generate(members: usize, events: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut out = String::with_capacity(members * 420 + events * 300 + 4096);
    out.push_str("{\n  \"version\": 1,\n  \"cluster\": { \"name\": { \"ca\": \"Clúster de prova\", \"en\": \"Test cluster\" }, \"timezone\": \"Europe/Madrid\", \"default_language\": \"ca\" },\n  \"segments\": [\n");
    for (i, (id, ca, es, gl, en, color)) in SEGMENTS.iter().enumerate() {
        let comma = if i + 1 < SEGMENTS.len() { "," } else { "" };
        let _ = writeln!(
            out,
            "    {{ \"id\": \"{id}\", \"name\": {{ \"ca\": {}, \"es\": {}, \"gl\": {}, \"en\": {} }}, \"color\": \"{color}\" }}{comma}",
            quote(ca),
            quote(es),
            quote(gl),
            quote(en)
        );
    }
    out.push_str("  ],\n  \"members\": [\n");
    for i in 0..members {
        let name = format!("{} {} {}", rng.pick(&FIRST), rng.pick(&SECOND), i + 1);
        let (city, region) = CITIES[rng.below(CITIES.len())];
        let first = rng.below(SEGMENTS.len());
        let mut segs = vec![SEGMENTS[first].0];
        if rng.below(3) == 0 {
            let second = SEGMENTS[rng.below(SEGMENTS.len())].0;
            if second != segs[0] {
                segs.push(second);
            }
        }
        let segs = segs.iter().map(|s| quote(s)).collect::<Vec<_>>().join(", ");
        let (w1, w2) = (rng.pick(&WORDS), rng.pick(&WORDS));
        let joined = format!(
            "{}-{:02}-{:02}",
            2010 + rng.below(16),
            1 + rng.below(12),
            1 + rng.below(28)
        );
        let comma = if i + 1 < members { "," } else { "" };
        let _ = writeln!(
            out,
            "    {{ \"id\": \"m{i}\", \"name\": {}, \"segments\": [{segs}], \"kind\": \"{}\", \"city\": {}, \"region\": {}, \"country\": \"ES\", \"description\": {{ \"ca\": {}, \"en\": {} }}, \"tags\": [{}, {}], \"joined\": \"{joined}\" }}{comma}",
            quote(&name),
            KINDS[rng.below(KINDS.len())],
            quote(city),
            quote(region),
            quote(&format!("Empresa de {w1} i {w2} a {city}.")),
            quote(&format!("A {w1} and {w2} company in {city}.")),
            quote(w1),
            quote(w2),
        );
    }
    out.push_str("  ],\n  \"events\": [\n");
    for i in 0..events {
        let day = 1 + rng.below(28);
        let month = 1 + rng.below(12);
        let year = 2026 + rng.below(2);
        let (city, _) = CITIES[rng.below(CITIES.len())];
        let seg = SEGMENTS[rng.below(SEGMENTS.len())].0;
        let when = if rng.below(2) == 0 {
            let len = rng.below(4);
            let end_day = (day + len).min(28);
            format!(
                "\"start\": \"{year}-{month:02}-{day:02}\", \"end\": \"{year}-{month:02}-{end_day:02}\""
            )
        } else {
            let hour = 9 + rng.below(9);
            format!(
                "\"start\": \"{year}-{month:02}-{day:02}T{hour:02}:00\", \"end\": \"{year}-{month:02}-{day:02}T{:02}:30\"",
                hour + 1
            )
        };
        let comma = if i + 1 < events { "," } else { "" };
        let _ = writeln!(
            out,
            "    {{ \"id\": \"e{i}\", \"title\": {{ \"ca\": {}, \"en\": {} }}, {when}, \"location\": {}, \"segments\": [\"{seg}\"], \"category\": \"talk\" }}{comma}",
            quote(&format!("Sessió {} {}", rng.pick(&WORDS), i + 1)),
            quote(&format!("{} session {}", rng.pick(&WORDS), i + 1)),
            quote(city),
        );
    }
    out.push_str("  ]\n}\n");
    out
}

/// `cargo xtask gen-feed [--members N] [--events M] [--seed S] [--out FILE]`.
pub fn command(args: &[String]) -> Result<(), String> {
    let number = |name: &str, default: u64| -> Result<u64, String> {
        flag(args, name).map_or(Ok(default), |v| {
            v.parse()
                .map_err(|_| format!("{name} needs a number, not `{v}`"))
        })
    };
    let feed = generate(
        number("--members", 1000)? as usize,
        number("--events", 100)? as usize,
        number("--seed", 1)?,
    );
    match flag(args, "--out") {
        Some(path) => std::fs::write(&path, feed).map_err(|e| format!("writing {path}: {e}")),
        None => {
            print!("{feed}");
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_feed_other_seed_other_feed() {
        assert_eq!(generate(50, 5, 7), generate(50, 5, 7));
        assert_ne!(generate(50, 5, 7), generate(50, 5, 8));
    }

    #[test]
    fn generated_feeds_are_clean_for_the_reader_with_the_asked_counts() {
        let parsed = clusterkit::feed::parse(&generate(500, 60, 3)).expect("valid JSON");
        assert!(
            parsed.diagnostics.is_empty(),
            "{:?}",
            &parsed.diagnostics[..parsed.diagnostics.len().min(3)]
        );
        assert_eq!(parsed.feed.members.len(), 500);
        assert_eq!(parsed.feed.events.len(), 60);
        assert_eq!(parsed.feed.segments.len(), 12);
    }
}
