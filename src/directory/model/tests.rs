use super::*;
use crate::feed::{Date, Member, Segment, Text};

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

#[test]
fn the_word_start_bits_answer_as_reading_the_text_would() {
    let names = [
        "«Animació» Cel·la",
        "a b",
        "Ωmega 7 Films",
        "Àlex aß",
        "Films2 x",
        "Sonilab",
    ];
    let feed = Feed {
        members: names
            .iter()
            .enumerate()
            .map(|(i, name)| Member::new(format!("m{i}"), *name))
            .collect(),
        ..Feed::default()
    };
    let index = SearchIndex::new(&feed);
    let typed = [
        "a", "an", "anim", "animacio", "c", "ce", "cella", "a b", "a", "b", "a bx", "ω", "ωm", "7",
        "7 f", "f", "fi", "films", "films2", "films 7", "al", "alex a", "alex as", "as", "ass",
        "x", "s", "so", "z", "2", "ab",
    ];
    for typed in typed {
        let query = Query::new(typed);
        for (i, name) in names.iter().enumerate() {
            assert_eq!(
                index.matches(i, &query),
                query.matches(&fold(name)),
                "{typed:?} in {name:?}"
            );
        }
    }
}

#[test]
fn words_of_three_letters_and_more_match_as_reading_the_text_would() {
    // Two hundred members of eight random words each hash their words' three-letter starts
    // into far fewer bits than there are starts, so many share one: every typed word of three
    // letters or more, present or not, prefix or whole, must still match as the text does.
    let mut rng = Rng(3);
    let word = |rng: &mut Rng| -> String {
        let len = 3 + rng.next(4);
        (0..len)
            .map(|_| char::from(b'a' + rng.next(6) as u8))
            .collect()
    };
    let names: Vec<String> = (0..200)
        .map(|_| (0..8).map(|_| word(&mut rng)).collect::<Vec<_>>().join(" "))
        .collect();
    let feed = Feed {
        members: names
            .iter()
            .enumerate()
            .map(|(i, name)| Member::new(format!("m{i}"), name.as_str()))
            .collect(),
        ..Feed::default()
    };
    let index = SearchIndex::new(&feed);
    let mut found = 0;
    for _ in 0..400 {
        let typed = match rng.next(3) {
            0 => word(&mut rng),
            1 => format!("{} ", word(&mut rng)),
            _ => format!("{} {}", word(&mut rng), &word(&mut rng)[..3]),
        };
        let query = Query::new(&typed);
        for (i, name) in names.iter().enumerate() {
            let expected = query.matches(name);
            assert_eq!(index.matches(i, &query), expected, "{typed:?} in {name:?}");
            found += usize::from(expected);
        }
    }
    // Enough of them match for the comparison to mean something.
    assert!(found > 400, "{found}");
}

#[test]
fn search_ignores_case_and_accents_and_needs_every_word() {
    let feed = feed();
    let (index, table) = (SearchIndex::new(&feed), FacetTable::new(&feed));
    let order: Vec<usize> = (0..4).collect();
    let names = |query: &str| {
        let filter = Filter {
            query: query.into(),
            ..Filter::default()
        };
        ids(
            &feed,
            &apply(&table, Some(&index), &order, &filter, false, None).results,
        )
    };
    assert_eq!(names("iberica"), ["algam"]);
    assert_eq!(names("PRODUCCIONS"), ["faro"]);
    assert_eq!(names("barcelona"), ["algam", "sonilab"]);
    assert_eq!(names("barcelona sonil"), ["sonilab"]);
    assert_eq!(
        names("doblatge"),
        ["dub"],
        "descriptions match in any language"
    );
    assert_eq!(names("dubbing girona"), ["dub"]);
    assert!(names("girona vigo").is_empty());
    assert_eq!(names("  ").len(), 4, "a blank query matches everyone");
    assert_eq!(
        apply(&table, None, &order, &Filter::default(), false, None).results,
        [0, 1, 2, 3],
        "no index needed for a blank query"
    );
}

#[test]
fn relevance_puts_name_matches_first() {
    let mut feed = feed();
    feed.members[3].description = Some(Text::from("Sound for Produccions Faro"));
    let (index, table) = (SearchIndex::new(&feed), FacetTable::new(&feed));
    let order = [3, 2, 1, 0];
    let filter = Filter {
        query: "faro".into(),
        ..Filter::default()
    };
    let by = |relevance| {
        ids(
            &feed,
            &apply(&table, Some(&index), &order, &filter, relevance, None).results,
        )
    };
    assert_eq!(by(false), ["dub", "faro"], "the given order");
    assert_eq!(by(true), ["faro", "dub"], "the name match first");
}

#[test]
fn relevance_ranks_name_start_then_name_word_then_elsewhere_keeping_the_order_among_equals() {
    let members = [
        ("desc-1", "Veus", "Barcelona"),
        ("word-1", "Estudis Barcelona", "Girona"),
        ("start-1", "Barcelona Films", "Vigo"),
        ("desc-2", "Sonilab", "Barcelona"),
        ("start-2", "Barcelonès Post", "Barcelona"),
        ("none", "Faro", "Vigo"),
        ("word-2", "Cine de Barcelona", "Vigo"),
        ("near", "Barcelonès de Barcelona", "Vigo"),
    ];
    let feed = Feed {
        members: members
            .iter()
            .map(|(id, name, city)| member(id, name, &[], city))
            .collect(),
        ..Feed::default()
    };
    let (index, table) = (SearchIndex::new(&feed), FacetTable::new(&feed));
    let order: Vec<usize> = (0..members.len()).collect();
    // One letter is ranked from the index's bits, longer words by reading the names.
    for query in ["b", "ba", "barcelon", "BARCELON"] {
        let filter = Filter {
            query: query.into(),
            ..Filter::default()
        };
        let results = apply(&table, Some(&index), &order, &filter, true, None).results;
        assert_eq!(
            ids(&feed, &results),
            [
                "start-1", "start-2", "near", "word-1", "word-2", "desc-1", "desc-2"
            ],
            "{query}"
        );
    }
    // A word longer than the part of each name kept at hand: `near`'s name begins with its
    // first eight letters, not with the word.
    let filter = Filter {
        query: "barcelona".into(),
        ..Filter::default()
    };
    let results = apply(&table, Some(&index), &order, &filter, true, None).results;
    assert_eq!(
        ids(&feed, &results),
        [
            "start-1", "word-1", "word-2", "near", "desc-1", "desc-2", "start-2"
        ]
    );
}

#[test]
fn segments_widen_within_and_counts_ignore_their_own_choice() {
    let feed = feed();
    let (index, table) = (SearchIndex::new(&feed), FacetTable::new(&feed));
    let order: Vec<usize> = (0..4).collect();
    let filter = Filter {
        segments: vec!["post-production".into()],
        ..Filter::default()
    };
    let outcome = apply(&table, Some(&index), &order, &filter, false, None);
    assert_eq!(outcome.results, [1, 2]);
    assert_eq!(outcome.counts.segments, [2, 2]);
    let filter = Filter {
        query: "barcelona".into(),
        segments: vec!["production".into(), "post-production".into()],
        ..Filter::default()
    };
    let outcome = apply(&table, Some(&index), &order, &filter, false, None);
    assert_eq!(outcome.results, [0, 1]);
    assert_eq!(outcome.counts.segments, [1, 1]);
}

#[test]
fn segments_past_the_sixty_fourth_filter_and_count_like_the_first() {
    let feed = Feed {
        segments: (0..130)
            .map(|s| Segment::new(format!("s{s}"), format!("S{s}")))
            .collect(),
        members: vec![
            member("a", "A", &["s1", "s129"], "Vigo"),
            member("b", "B", &["s64"], "Vigo"),
            member("c", "C", &["s0"], "Vigo"),
        ],
        ..Feed::default()
    };
    let table = FacetTable::new(&feed);
    let filter = Filter {
        segments: vec!["s129".into(), "s64".into()],
        ..Filter::default()
    };
    let outcome = apply(&table, None, &[0, 1, 2], &filter, false, None);
    assert_eq!(ids(&feed, &outcome.results), ["a", "b"]);
    let counted: Vec<usize> = (0..130)
        .filter(|&s| outcome.counts.segments[s] > 0)
        .collect();
    assert_eq!(counted, [0, 1, 64, 129]);
    assert_eq!(outcome.counts.cities, [2], "a and b are in Vigo");
    assert_eq!(table.totals().segments[129], 1);
}

#[test]
fn facet_values_group_spellings_and_list_the_largest_first() {
    let mut feed = feed();
    feed.members[1].city = Some(" barcelona".into());
    feed.members.push(member("x", "X", &[], "VIGO"));
    feed.members.push(member("y", "Y", &[], "Vigo"));
    feed.members[3].city = None;
    let table = FacetTable::new(&feed);
    assert_eq!(
        table.cities,
        ["Vigo", "Barcelona"],
        "3 in Vigo, 2 in Barcelona"
    );
    let filter = Filter {
        cities: vec!["vigo".into()],
        ..Filter::default()
    };
    let order: Vec<usize> = (0..feed.members.len()).collect();
    let outcome = apply(&table, None, &order, &filter, false, None);
    assert_eq!(ids(&feed, &outcome.results), ["faro", "x", "y"]);
    assert_eq!(outcome.counts.cities, [3, 2]);
    assert!(!table.has(Facet::Region));
    assert!(table.has(Facet::City));
}

#[test]
fn a_stale_choice_empties_its_facet_but_keeps_counting() {
    let feed = feed();
    let table = FacetTable::new(&feed);
    let filter = Filter {
        cities: vec!["Atlantis".into()],
        ..Filter::default()
    };
    let outcome = apply(&table, None, &[0, 1, 2, 3], &filter, false, None);
    assert!(outcome.results.is_empty());
    assert_eq!(outcome.counts.cities.iter().sum::<usize>(), 4);
}

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
fn facet_counts_match_a_brute_force_reference_on_random_feeds() {
    const SEGMENTS: [&str; 4] = ["a", "b", "c", "d"];
    const CITIES: [&str; 3] = ["Vigo", "Reus", "Ourense"];
    const REGIONS: [&str; 2] = ["Galicia", "Catalunya"];
    const WORDS: [&str; 4] = ["sound", "film", "games", "post"];
    let mut rng = Rng(7);
    for round in 0..200 {
        let n = rng.next(30);
        let members: Vec<Member> = (0..n)
            .map(|i| Member {
                segments: SEGMENTS
                    .iter()
                    .filter(|_| rng.next(3) == 0)
                    .map(|s| (*s).to_owned())
                    .collect(),
                kind: [
                    None,
                    Some(Kind::Sme),
                    Some(Kind::Large),
                    Some(Kind::Research),
                ][rng.next(4)],
                city: (rng.next(2) == 0).then(|| CITIES[rng.next(3)].to_owned()),
                region: (rng.next(2) == 0).then(|| REGIONS[rng.next(2)].to_owned()),
                ..Member::new(format!("m{i}"), format!("{} {i}", WORDS[rng.next(4)]))
            })
            .collect();
        let feed = Feed {
            segments: SEGMENTS.iter().map(|s| Segment::new(*s, *s)).collect(),
            members,
            ..Feed::default()
        };
        let pick = |rng: &mut Rng, from: &[&str]| -> Vec<String> {
            from.iter()
                .filter(|_| rng.next(3) == 0)
                .map(|s| (*s).to_owned())
                .collect()
        };
        let filter = Filter {
            query: ["", "sound", "fi", "games 1", "s", "1 s", "so 1", "g"][rng.next(8)].into(),
            segments: pick(&mut rng, &SEGMENTS),
            kinds: Kind::ALL.into_iter().filter(|_| rng.next(3) == 0).collect(),
            regions: pick(&mut rng, &REGIONS),
            cities: pick(&mut rng, &CITIES),
        };
        let (index, table) = (SearchIndex::new(&feed), FacetTable::new(&feed));
        let order: Vec<usize> = (0..n).collect();
        let outcome = apply(&table, Some(&index), &order, &filter, false, None);
        assert_eq!(
            *table.totals(),
            apply(&table, None, &order, &Filter::default(), false, None).counts,
            "the totals a chart draws are the counts with nothing chosen"
        );

        // The reference: plain string comparisons, one facet left out at a time.
        let query = Query::new(&filter.query);
        let passes = |m: &Member, skip: Option<Facet>| {
            let name = fold(m.name.resolve("en", "en"));
            let ok = |f: Facet, chosen: bool, hit: bool| skip == Some(f) || !chosen || hit;
            query.matches(&format!(
                "{name}\u{1F}{}\u{1F}{}",
                m.city.as_deref().map(fold).unwrap_or_default(),
                m.region.as_deref().map(fold).unwrap_or_default()
            )) && ok(
                Facet::Segment,
                !filter.segments.is_empty(),
                m.segments.iter().any(|s| filter.segments.contains(s)),
            ) && ok(
                Facet::Kind,
                !filter.kinds.is_empty(),
                m.kind.is_some_and(|k| filter.kinds.contains(&k)),
            ) && ok(
                Facet::Region,
                !filter.regions.is_empty(),
                m.region
                    .as_ref()
                    .is_some_and(|r| filter.regions.contains(r)),
            ) && ok(
                Facet::City,
                !filter.cities.is_empty(),
                m.city.as_ref().is_some_and(|c| filter.cities.contains(c)),
            )
        };
        let expected: Vec<usize> = (0..n).filter(|&i| passes(&feed.members[i], None)).collect();
        assert_eq!(outcome.results, expected, "round {round}: {filter:?}");
        let count = |facet: Facet, has: &dyn Fn(&Member) -> bool| {
            feed.members
                .iter()
                .filter(|m| passes(m, Some(facet)) && has(m))
                .count()
        };
        for (s, id) in SEGMENTS.iter().enumerate() {
            let want = count(Facet::Segment, &|m| m.segments.iter().any(|x| x == id));
            assert_eq!(
                outcome.counts.segments[s], want,
                "round {round}: segment {id}"
            );
        }
        for (k, kind) in Kind::ALL.iter().enumerate() {
            let want = count(Facet::Kind, &|m| m.kind == Some(*kind));
            assert_eq!(
                outcome.counts.kinds[k], want,
                "round {round}: kind {kind:?}"
            );
        }
        for (c, city) in table.cities.iter().enumerate() {
            let want = count(Facet::City, &|m| m.city.as_ref() == Some(city));
            assert_eq!(outcome.counts.cities[c], want, "round {round}: city {city}");
        }
        for (r, region) in table.regions.iter().enumerate() {
            let want = count(Facet::Region, &|m| m.region.as_ref() == Some(region));
            assert_eq!(
                outcome.counts.regions[r], want,
                "round {round}: region {region}"
            );
        }
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
    assert_eq!(initials("ésser (Estudis) Reus"), "ÉE");
    assert_eq!(initials(""), "");
}

#[test]
fn typing_on_gives_what_a_fresh_search_gives() {
    let mut feed = feed();
    for i in 0..40 {
        feed.members.push(member(
            &format!("m{i}"),
            &format!("Barcelona Sound {i}"),
            &["production"],
            ["Barcelona", "Vigo"][i % 2],
        ));
    }
    let (index, table) = (SearchIndex::new(&feed), FacetTable::new(&feed));
    let order: Vec<usize> = (0..feed.members.len()).rev().collect();
    let typed = [
        "b",
        "ba",
        "barc",
        "barcelona",
        "barcelona s",
        "barcelona so",
        "barcelona sound 1",
    ];
    let mut previous: Option<Outcome> = None;
    for (step, query) in typed.iter().enumerate() {
        let filter = Filter {
            query: (*query).into(),
            cities: vec!["Vigo".into()],
            ..Filter::default()
        };
        let fresh = apply(&table, Some(&index), &order, &filter, step % 2 == 0, None);
        let narrowed = apply(
            &table,
            Some(&index),
            &order,
            &filter,
            step % 2 == 0,
            previous.as_ref(),
        );
        assert_eq!(narrowed, fresh, "after typing {query:?}");
        previous = Some(narrowed);
    }
    // Deleting a character widens again: the previous outcome is not used.
    let filter = Filter {
        query: "barcelona".into(),
        ..Filter::default()
    };
    let fresh = apply(&table, Some(&index), &order, &filter, false, None);
    assert_eq!(
        apply(
            &table,
            Some(&index),
            &order,
            &filter,
            false,
            previous.as_ref()
        ),
        fresh
    );
}

#[test]
fn an_index_built_a_few_members_at_a_time_finds_what_one_built_at_once_finds() {
    let mut feed = feed();
    // Past 64 members, so that the word-start rows span more than one word of bits.
    for i in 0..90 {
        feed.members.push(Member {
            description: Some(Text::from([(
                "en",
                ["Animation studio", "Sound for film", "Dubbing in Vigo"][i % 3],
            )])),
            ..member(
                &format!("m{i}"),
                &format!("{} {i}", ["Barcelona Sound", "Animac", "Faro Films"][i % 3]),
                &["production"],
                ["Barcelona", "Vigo", "Girona"][i % 3],
            )
        });
    }
    let table = FacetTable::new(&feed);
    let at_once = SearchIndex::new(&feed);
    let order: Vec<usize> = (0..feed.members.len()).collect();
    for slice in [1, 5, 64] {
        let mut index = SearchIndex::for_members(feed.members.len());
        let mut slices = 0;
        loop {
            let mut added = 0;
            let done = index.extend(&feed, || {
                added += 1;
                added == slice
            });
            slices += 1;
            if done {
                break;
            }
            assert!(slices <= feed.members.len(), "extend never finishes");
        }
        assert_eq!(
            slices,
            feed.members.len().div_ceil(slice),
            "slices of {slice}"
        );
        for typed in [
            "a",
            "an",
            "anim",
            "sound 4",
            "barcelona",
            "vigo",
            "dub",
            "fa",
            "f 7",
            "zz",
        ] {
            let filter = Filter {
                query: typed.into(),
                ..Filter::default()
            };
            assert_eq!(
                apply(&table, Some(&index), &order, &filter, true, None),
                apply(&table, Some(&at_once), &order, &filter, true, None),
                "{typed:?}, slices of {slice}"
            );
        }
    }
}
