//! The search: word starts, folding, every word, relevance, typing on, an index built in slices.

use super::*;

#[test]
fn the_word_start_bits_answer_as_reading_the_text_would() {
    let names = [
        "«Animació» Cel·la",
        "a b",
        "Ωmega 7 Films",
        "Àlex aß",
        "Films2 x",
        "Sonilab",
        "Pixel.Lab Studio",
        "Model.lab Col.lectiu",
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
        "a",
        "an",
        "anim",
        "animacio",
        "c",
        "ce",
        "cella",
        "a b",
        "a",
        "b",
        "a bx",
        "ω",
        "ωm",
        "7",
        "7 f",
        "f",
        "fi",
        "films",
        "films2",
        "films 7",
        "al",
        "alex a",
        "alex as",
        "as",
        "ass",
        "x",
        "s",
        "so",
        "z",
        "2",
        "ab",
        "pixel.lab",
        "cel.la",
        "PIXEL.LAB stu",
        "lab",
        "pixellab",
        "model lab",
        "modellab col",
        "colle",
        "lectiu",
    ];
    for typed in typed {
        let query = Query::new(typed);
        for (i, name) in names.iter().enumerate() {
            assert_eq!(
                index.matches(i, &query),
                query.matches(&fold_text(name)),
                "{typed:?} in {name:?}"
            );
        }
    }
    // A name written with `l.l` is found by either word, as by both joined.
    for typed in ["lab", "model lab", "modellab", "lectiu", "collectiu"] {
        assert!(index.matches(7, &Query::new(typed)), "{typed}");
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
