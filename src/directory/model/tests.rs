use super::*;
use crate::feed::{Date, Member, Segment, Text};
use crate::search::{fold, fold_text};

fn member(id: &str, name: &str, segments: &[&str], city: &str) -> Member {
    Member {
        segments: segments.iter().map(|s| (*s).to_owned()).collect(),
        city: Some(city.to_owned()),
        ..Member::new(id, name)
    }
}

fn feed() -> Feed {
    Feed {
        segments: vec![
            Segment::new("production", "Production"),
            Segment::new("post-production", "Post-production"),
        ],
        members: vec![
            member("algam", "Algam Ibérica", &["production"], "Barcelona"),
            member("sonilab", "Sonilab", &["post-production"], "Barcelona"),
            member(
                "faro",
                "Produccións Faro",
                &["production", "post-production"],
                "Vigo",
            ),
            Member {
                description: Some(Text::from([
                    ("en", "Dubbing studio"),
                    ("ca", "Estudi de doblatge"),
                ])),
                ..member("dub", "Veus", &[], "Girona")
            },
        ],
        ..Feed::default()
    }
}

fn ids<'a>(feed: &'a Feed, found: &[usize]) -> Vec<&'a str> {
    found.iter().map(|&i| feed.members[i].id.as_str()).collect()
}

mod facets;
mod search;
mod typos;

/// A deterministic pseudo-random sequence (splitmix64).
struct Rng(u64);
impl Rng {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % below as u64) as usize
    }
}

#[test]
fn newest_first_puts_members_without_a_date_last() {
    let mut feed = feed();
    feed.members[0].joined = Date::new(2019, 5, 1);
    feed.members[2].joined = Date::new(2024, 1, 9);
    let by_name = [0, 3, 2, 1];
    assert_eq!(
        ids(&feed, &newest_order(&feed, &by_name)),
        ["faro", "algam", "dub", "sonilab"],
        "undated members keep name order"
    );
}

#[test]
fn toggling_ticks_and_unticks() {
    let mut filter = Filter::default();
    filter.toggle(Facet::Kind, "sme");
    filter.toggle(Facet::City, "Vigo");
    filter.toggle(Facet::Kind, "nonsense");
    assert_eq!(filter.kinds, [Kind::Sme]);
    assert!(filter.is_chosen(Facet::City, "Vigo"));
    assert_eq!(filter.choice_count(), 2);
    filter.toggle(Facet::City, "Vigo");
    assert!(!filter.is_chosen(Facet::City, "Vigo"));
    assert!(filter.is_active());
    filter.toggle(Facet::Kind, "sme");
    assert!(!filter.is_active());
}

#[test]
fn page_bar_keeps_first_last_and_neighbours() {
    assert_eq!(page_count(0, 24), 1);
    assert_eq!(page_count(49, 24), 3);
    assert_eq!(page_items(2, 3), [Some(1), Some(2), Some(3)]);
    let bar = |current| {
        page_items(current, 20)
            .iter()
            .map(|p| p.map_or("…".to_owned(), |n| n.to_string()))
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(bar(1), "1 2 3 4 5 … 20");
    assert_eq!(bar(5), "1 … 4 5 6 … 20");
    assert_eq!(bar(17), "1 … 16 17 18 19 20");
    assert_eq!(bar(99), "1 … 16 17 18 19 20", "past the end clamps");
    for current in 1..=20 {
        assert_eq!(page_items(current, 20).len(), 7);
        assert!(page_items(current, 20).contains(&Some(current)));
    }
}

#[test]
fn initials_take_the_first_letters_of_two_words() {
    assert_eq!(initials("Algam Ibérica"), "AI");
    assert_eq!(initials("Sonilab"), "S");
    // The little words of a name are passed over, an elided one to its word's letter.
    assert_eq!(initials("Centre de Formació Audiovisual"), "CF");
    assert_eq!(initials("Cinemes del Baix Camp"), "CB");
    assert_eq!(initials("Doblatges de l’Empordà"), "DE");
    assert_eq!(initials("Blanco y Negro"), "BN");
    assert_eq!(initials("L'Estudi d'Animació"), "EA");
    assert_eq!(initials("The Film Office"), "TF");
    assert_eq!(initials("A Coruña Films"), "AC");
    assert_eq!(initials("ésser (Estudis) Reus"), "ÉE");
    assert_eq!(initials(""), "");
    // Symbols and emoji begin no initial: the letters after them do.
    assert_eq!(initials("👩\u{200d}👩\u{200d}👧 Family Films"), "FF");
    assert_eq!(initials("★ Stars Media"), "SM");
}
