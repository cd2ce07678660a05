//! Disjunctive facet counts, against a brute-force reference on random feeds too.

use super::*;

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
    // A value's count by the value itself, as a linked chart asks for it: Vigo and Girona
    // have no member the search for Barcelona finds, no member is an SME, and a value the
    // feed does not have counts none.
    let counts = &outcome.counts;
    let of = |facet, value| counts.of(&table, facet, value);
    assert_eq!(of(Facet::Segment, "production"), 1);
    assert_eq!(of(Facet::City, "Barcelona"), 2);
    assert_eq!(of(Facet::City, "Vigo"), 0);
    assert_eq!(of(Facet::City, "Girona"), 0);
    assert_eq!(of(Facet::Segment, "gone"), 0);
    assert_eq!(of(Facet::Kind, "sme"), 0);
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
fn a_place_is_one_whatever_its_apostrophe_or_spaces_named_as_most_members_write_it() {
    let mut feed = feed();
    feed.members.clear();
    let cities = [
        "barcelona",
        "L’Hospitalet de Llobregat",
        "Barcelona",
        "L'Hospitalet de Llobregat",
        "Santa Coloma de Gramenet",
        "Santa\u{a0}Coloma de Gramenet",
        "Santa  Coloma de Gramenet",
        "BARCELONA",
        "-",
        "—",
        "Barcelona",
        "L'Hospitalet de Llobregat",
    ];
    for (k, city) in cities.iter().enumerate() {
        feed.members.push(member(&format!("m{k}"), "M", &[], city));
    }
    let table = FacetTable::new(&feed);
    assert_eq!(
        table.cities,
        [
            "Barcelona",
            "L'Hospitalet de Llobregat",
            "Santa Coloma de Gramenet"
        ],
        "4 in Barcelona (2 write it so), 3 in L'Hospitalet (2 with '), 3 in Santa Coloma, none in -"
    );
    let filter = Filter {
        cities: vec!["Santa Coloma de Gramenet".into()],
        ..Filter::default()
    };
    let order: Vec<usize> = (0..feed.members.len()).collect();
    let outcome = apply(&table, None, &order, &filter, false, None);
    assert_eq!(ids(&feed, &outcome.results), ["m4", "m5", "m6"]);
    assert_eq!(outcome.counts.cities, [4, 3, 3]);
}

#[test]
fn places_with_as_many_members_list_numbers_by_their_value() {
    let mut feed = feed();
    feed.members.clear();
    for (k, city) in ["District 10", "District 2", "District 9", "District 2"]
        .iter()
        .enumerate()
    {
        feed.members.push(member(&format!("m{k}"), "M", &[], city));
    }
    assert_eq!(
        FacetTable::new(&feed).cities,
        ["District 2", "District 9", "District 10"],
        "2 in District 2, then one each, 9 before 10"
    );
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

#[test]
fn a_links_choices_the_feed_no_longer_has_are_left_out() {
    let table = FacetTable::new(&feed());
    let linked = Filter {
        query: "estudi".into(),
        segments: vec!["animation-old".into(), "production".into()],
        kinds: vec![Kind::Sme],
        cities: vec!["Atlantis".into(), "vigo ".into()],
        regions: vec!["Galicia".into()],
    };
    assert_eq!(
        linked.known_to(&table),
        Filter {
            query: "estudi".into(),
            segments: vec!["production".into()],
            kinds: vec![Kind::Sme],
            // As the feed writes it, which its checkbox and chip are ticked by.
            cities: vec!["Vigo".into()],
            regions: vec![],
        },
        "the feed's members have no region at all"
    );
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
            // Named with words the searches type too: a segment's name finds its members.
            segments: SEGMENTS
                .iter()
                .zip(["Sound design", "Animation", "Video games", "Filming"])
                .map(|(id, name)| Segment::new(*id, name))
                .collect(),
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
            query: [
                "", "sound", "fi", "games 1", "s", "1 s", "so 1", "g", "video", "anim",
            ][rng.next(10)]
            .into(),
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
            let segment_names: Vec<String> = (m.segments.iter())
                .filter_map(|id| feed.segment(id))
                .map(|s| fold(s.name.resolve("en", "en")))
                .collect();
            query.matches(&format!(
                "{name}\u{1F}{}\u{1F}{}\u{1F}{}",
                m.city.as_deref().map(fold).unwrap_or_default(),
                m.region.as_deref().map(fold).unwrap_or_default(),
                segment_names.join("\u{1F}")
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
