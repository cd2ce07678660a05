//! A search that finds nobody as typed forgives typos: what it finds, how it ranks, and that
//! the index answers as reading each member's text would, typing on included.

use super::*;

#[test]
fn a_search_that_finds_nobody_as_typed_finds_who_it_comes_close_to() {
    let mut feed = feed();
    feed.members.push(member("sonylab", "Sonylab", &[], "Vigo"));
    let (index, table) = (SearchIndex::new(&feed), FacetTable::new(&feed));
    let order: Vec<usize> = (0..feed.members.len()).collect();
    let run = |query: &str, cities: &[&str]| {
        let filter = Filter {
            query: query.into(),
            cities: cities.iter().map(|c| (*c).to_owned()).collect(),
            ..Filter::default()
        };
        apply(&table, Some(&index), &order, &filter, false, None)
    };
    let found = |query: &str| {
        let outcome = run(query, &[]);
        (
            ids(&feed, &outcome.results).join(" "),
            outcome.query.is_tolerant(),
        )
    };
    // A letter changed, two swapped, one missing, one too many; the last word still a
    // beginning.
    assert_eq!(found("ibercia"), ("algam".into(), true));
    assert_eq!(found("algam iberixa"), ("algam".into(), true));
    assert_eq!(
        found("produccions fro"),
        (String::new(), false),
        "three letters: none"
    );
    assert_eq!(found("produccions fraro"), ("faro".into(), true));
    assert_eq!(found("prodcuccions"), ("faro".into(), true));
    assert_eq!(found("barcelonx"), ("algam sonilab".into(), true));
    assert_eq!(found("dubing"), ("dub".into(), true), "descriptions too");
    // A search that finds anyone as typed keeps to them.
    assert_eq!(found("sonilab"), ("sonilab".into(), false));
    assert_eq!(
        found("sonilav"),
        ("sonilab".into(), true),
        "two from Sonylab"
    );
    assert_eq!(found("sonxlab"), ("sonilab sonylab".into(), true));
    assert_eq!(found("zzzz"), (String::new(), false));
    assert_eq!(
        found("vgo"),
        (String::new(), false),
        "no typo under four letters"
    );
    // The facets count what the search found with its typos forgiven.
    let outcome = run("sonxlab", &["Vigo"]);
    assert_eq!(ids(&feed, &outcome.results), ["sonylab"]);
    assert_eq!(outcome.counts.of(&table, Facet::City, "Barcelona"), 1);
    assert_eq!(outcome.counts.of(&table, Facet::City, "Vigo"), 1);
    assert_eq!(outcome.counts.of(&table, Facet::City, "Girona"), 0);
}

#[test]
fn typing_on_through_a_typo_gives_what_a_fresh_search_gives() {
    let mut feed = feed();
    for i in 0..70 {
        let name = ["Rakuten TV", "Rakutan Films", "Racatun"][i % 3];
        feed.members
            .push(member(&format!("m{i}"), name, &[], "Vigo"));
    }
    let (index, table) = (SearchIndex::new(&feed), FacetTable::new(&feed));
    let order: Vec<usize> = (0..feed.members.len()).rev().collect();
    let mut previous: Option<Outcome> = None;
    for query in [
        "r",
        "ra",
        "rak",
        "raku",
        "rakut",
        "rakutx",
        "rakutxn",
        "rakutxnv",
        "rakutxn t",
        "rakutxn tv",
        "rakutxn tx",
        "rakutxn t",
    ] {
        let filter = Filter {
            query: query.into(),
            ..Filter::default()
        };
        let fresh = apply(&table, Some(&index), &order, &filter, true, None);
        let narrowed = apply(
            &table,
            Some(&index),
            &order,
            &filter,
            true,
            previous.as_ref(),
        );
        assert_eq!(narrowed, fresh, "after typing {query:?}");
        previous = Some(narrowed);
    }
    let names = |query: &str| {
        let filter = Filter {
            query: query.into(),
            ..Filter::default()
        };
        let outcome = apply(&table, Some(&index), &order, &filter, false, None);
        let mut names: Vec<&str> = (outcome.results.iter())
            .map(|&i| feed.members[i].name.variants().next().unwrap_or_default())
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    };
    assert_eq!(names("rakutxn"), ["Rakutan Films", "Rakuten TV"]);
    assert_eq!(names("rakutxn tv"), ["Rakuten TV"]);
    assert_eq!(
        names("rakuten"),
        ["Rakuten TV"],
        "as typed, no typo forgiven"
    );
}

/// A word of `min` to `min + spread - 1` pieces of `alphabet`.
fn random_word(rng: &mut Rng, alphabet: &[&str], min: usize, spread: usize) -> String {
    let len = min + rng.next(spread);
    (0..len)
        .map(|_| alphabet[rng.next(alphabet.len())])
        .collect()
}

/// Members with name, description, city, tags and kind, in words of a few letters (some of
/// two bytes, a digit, a `l.l`, a hyphen), some of thirty letters or more; and their texts as
/// the index folds them.
fn random_feed(rng: &mut Rng, n: usize) -> (Feed, Vec<String>) {
    let alphabet = ["a", "b", "c", "d", "e", "l", "é", "ж", "ß", "1", "l.l", "-"];
    let cities = ["Vigo", "Barcelona", "Girona", "Lugo"];
    let mut hays = Vec::new();
    let mut members = Vec::new();
    for i in 0..n {
        let words = |k: usize, rng: &mut Rng| {
            (0..k)
                .map(|_| {
                    if rng.next(15) == 0 {
                        random_word(rng, &alphabet[..6], 30, 8)
                    } else {
                        random_word(rng, &alphabet, 2, 7)
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let name = words(2, rng);
        let desc = words(4, rng);
        let tag = words(1, rng);
        let city = cities[rng.next(cities.len())].to_owned();
        let mut m = Member::new(format!("m{i}"), name.as_str());
        m.description = Some(Text::from([("en", desc.as_str())]));
        m.city = Some(city.clone());
        m.tags = vec![tag.clone()];
        m.kind = Some([Kind::Sme, Kind::Large, Kind::Research, Kind::Other][rng.next(4)]);
        let mut hay = String::new();
        for s in [&name, &desc, &city, &tag] {
            hay.push_str(&fold_text(s));
            hay.push('\u{1F}');
        }
        hays.push(hay);
        members.push(m);
    }
    (
        Feed {
            members,
            ..Feed::default()
        },
        hays,
    )
}

#[test]
fn the_index_finds_what_reading_each_text_finds_as_typed_or_with_typos_in_any_script() {
    let mut rng = Rng(99);
    let (feed, hays) = random_feed(&mut rng, 120);
    let index = SearchIndex::new(&feed);
    // The same index with its distinct words made a member at a time, as in the page's idle
    // slices, rather than at its first search with typos.
    let sliced = SearchIndex::new(&feed);
    let mut builder = WordsBuilder::default();
    let mut slices = 1;
    while !builder.extend(&sliced, || true) {
        slices += 1;
    }
    assert_eq!(slices, hays.len(), "one member a slice");
    assert!(!sliced.has_words());
    builder.finish(&sliced);
    assert!(sliced.has_words() && !index.has_words());
    let order: Vec<usize> = (0..hays.len()).collect();
    let alphabet = ["a", "b", "c", "d", "e", "l", "é", "ж", "ß", "1", "l.l", "-"];
    let mut found = 0;
    for _ in 0..250 {
        let k = 1 + rng.next(3);
        let words: Vec<String> = (0..k)
            .map(|_| {
                // Sometimes a word taken from a haystack, mutated.
                if rng.next(2) == 0 {
                    let hay = &hays[rng.next(hays.len())];
                    let ws: Vec<&str> = hay
                        .split(|c: char| !crate::search::is_word_char(c))
                        .filter(|w| !w.is_empty())
                        .collect();
                    let mut w: Vec<char> = ws[rng.next(ws.len())].chars().collect();
                    for _ in 0..rng.next(3) {
                        let at = rng.next(w.len() + 1);
                        match rng.next(3) {
                            0 => w.insert(at, ['a', 'b', 'ж'][rng.next(3)]),
                            1 if at < w.len() => {
                                w.remove(at);
                            }
                            _ if at + 1 < w.len() => w.swap(at, at + 1),
                            _ => {}
                        }
                    }
                    let cut = if rng.next(3) == 0 {
                        w.len().saturating_sub(rng.next(3))
                    } else {
                        w.len()
                    };
                    w[..cut].iter().collect()
                } else {
                    random_word(&mut rng, &alphabet, 1, 9)
                }
            })
            .collect();
        let typed = words.join([" ", "-", ".l", " \u{1F}"][rng.next(4)]);
        for query in [Query::new(&typed), Query::new(&typed).tolerant()] {
            let read: Vec<usize> = (order.iter().copied())
                .filter(|&i| query.matches(&hays[i]))
                .collect();
            assert_eq!(index.search(&order, &query), read, "{typed:?} {query:?}");
            assert_eq!(
                sliced.search(&order, &query),
                read,
                "sliced: {typed:?} {query:?}"
            );
            found += read.len();
            // Highlights must not panic on any text.
            for &i in &read {
                let m = &feed.members[i];
                for t in m
                    .name
                    .variants()
                    .chain(m.description.iter().flat_map(|d| d.variants()))
                {
                    for r in query.highlights(t) {
                        let _ = &t[r];
                    }
                }
            }
        }
    }
    assert!(found > 300, "{found}");
}

#[test]
fn typing_on_with_typos_deletions_and_ticks_gives_what_a_fresh_search_gives() {
    let mut rng = Rng(5);
    let (feed, _) = random_feed(&mut rng, 150);
    let (index, table) = (SearchIndex::new(&feed), FacetTable::new(&feed));
    let order = name_order(&feed, crate::i18n::Lang::En);
    let letters = ['a', 'b', 'c', 'd', 'e', 'l', 'é', 'ж', ' ', '-', '.', 'x'];
    let mut checked = 0;
    let mut tolerant = 0;
    for _ in 0..40 {
        let mut filter = Filter::default();
        let mut previous: Option<Outcome> = None;
        let mut typed = String::new();
        for _ in 0..25 {
            match rng.next(10) {
                0 => {
                    typed.pop();
                }
                1 => {
                    let city = ["Vigo", "Barcelona", "Girona", "Lugo"][rng.next(4)].to_owned();
                    if let Some(p) = filter.cities.iter().position(|c| *c == city) {
                        filter.cities.remove(p);
                    } else {
                        filter.cities.push(city);
                    }
                }
                2 => {
                    let kind = [Kind::Sme, Kind::Large, Kind::Research, Kind::Other][rng.next(4)];
                    if let Some(p) = filter.kinds.iter().position(|c| *c == kind) {
                        filter.kinds.remove(p);
                    } else {
                        filter.kinds.push(kind);
                    }
                }
                3 => {
                    // Paste a word from a member, with a typo.
                    let m = &feed.members[rng.next(feed.members.len())];
                    let name: String = m.name.variants().next().unwrap().to_owned();
                    let mut w: Vec<char> = name.chars().collect();
                    if w.len() > 2 {
                        let at = rng.next(w.len() - 1);
                        w.swap(at, at + 1);
                    }
                    typed.push_str(&w.iter().collect::<String>());
                }
                _ => typed.push(letters[rng.next(letters.len())]),
            }
            filter.query.clone_from(&typed);
            let by_relevance = rng.next(2) == 0;
            let fresh = apply(&table, Some(&index), &order, &filter, by_relevance, None);
            let narrowed = apply(
                &table,
                Some(&index),
                &order,
                &filter,
                by_relevance,
                previous.as_ref(),
            );
            assert_eq!(narrowed, fresh, "after {typed:?} {filter:?}");
            checked += 1;
            tolerant += usize::from(fresh.query.is_tolerant());
            previous = Some(narrowed);
        }
    }
    assert!(tolerant > 25, "{tolerant} of {checked}");
}

#[test]
fn with_typos_forgiven_a_name_close_to_the_word_ranks_above_a_description_that_has_it() {
    let mut feed = feed();
    // "Algam" sorts first by name and mentions Sonilab in its description.
    feed.members[0].description = Some(Text::from([("en", "Mixed at sonilab")]));
    let (index, table) = (SearchIndex::new(&feed), FacetTable::new(&feed));
    let order = name_order(&feed, crate::i18n::Lang::En);
    let filter = Filter {
        query: "sonilba".into(),
        ..Filter::default()
    };
    let exact = Filter {
        query: "sonilab".into(),
        ..Filter::default()
    };
    let outcome = apply(&table, Some(&index), &order, &exact, true, None);
    assert_eq!(
        ids(&feed, &outcome.results),
        ["sonilab", "algam"],
        "as typed"
    );
    let outcome = apply(&table, Some(&index), &order, &filter, true, None);
    assert!(outcome.query.is_tolerant());
    assert_eq!(
        ids(&feed, &outcome.results),
        ["sonilab", "algam"],
        "with the typo"
    );
}
