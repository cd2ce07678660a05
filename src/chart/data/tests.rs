use super::*;
use crate::feed::{Date, Member, Segment};

fn member(id: &str, segments: &[&str], city: Option<&str>, year: Option<i32>) -> Member {
    Member {
        segments: segments.iter().map(|s| (*s).to_owned()).collect(),
        city: city.map(str::to_owned),
        joined: year.map(|y| Date::new(y, 3, 1).unwrap()),
        ..Member::new(id, id)
    }
}

fn feed(members: Vec<Member>, segments: &[&str]) -> Feed {
    Feed {
        segments: segments.iter().map(|s| Segment::new(*s, *s)).collect(),
        members,
        ..Feed::default()
    }
}

fn counts(t: &Tally) -> Vec<usize> {
    t.categories.iter().map(|c| c.count).collect()
}

#[test]
fn the_by_attribute_names_each_dimension() {
    for (i, by) in By::ALL.iter().copied().enumerate() {
        assert_eq!(By::from_id(by.id()), Some(by));
        assert_eq!(by.index(), i);
    }
    for shape in Shape::ALL.iter().copied() {
        assert_eq!(Shape::from_id(shape.id()), Some(shape));
    }
    for view in crate::CalendarView::ALL.iter().copied() {
        assert_eq!(crate::CalendarView::from_id(view.id()), Some(view));
    }
    assert_eq!(Shape::from_id("donut"), Some(Shape::Donut));
    assert_eq!(Shape::from_id("pie"), None);
    assert_eq!(By::from_id(" city "), Some(By::City));
    assert_eq!(By::from_id("segments"), None);
}

#[test]
fn a_member_in_every_segment_counts_in_each_and_once_among_the_members() {
    let f = feed(
        vec![
            member("all", &["a", "b", "c"], None, None),
            member("none", &[], None, None),
            member("unknown", &["zzz"], None, None),
        ],
        &["a", "b", "c"],
    );
    let t = tally(&f, &FacetTable::new(&f), By::Segment, 10);
    assert_eq!(counts(&t), [1, 1, 1]);
    assert_eq!((t.members, t.without), (3, 2));
}

#[test]
fn no_members_gives_zero_counts_and_no_years() {
    let f = feed(Vec::new(), &["a"]);
    let table = FacetTable::new(&f);
    assert_eq!(counts(&tally(&f, &table, By::Segment, 10)), [0]);
    assert_eq!(counts(&tally(&f, &table, By::Kind, 10)), [0, 0, 0, 0]);
    assert!(tally(&f, &table, By::City, 10).categories.is_empty());
    assert!(tally(&f, &table, By::Joined, 10).categories.is_empty());
}

#[test]
fn places_beyond_the_top_go_together_unless_only_one_would() {
    let cities = ["Vigo", "Vigo", "Vigo", "Reus", "Reus", "Lugo", "Ourense"];
    let f = feed(
        cities
            .iter()
            .enumerate()
            .map(|(i, c)| member(&format!("m{i}"), &[], Some(c), None))
            .chain([member("nowhere", &[], None, None)])
            .collect(),
        &[],
    );
    let table = FacetTable::new(&f);
    let t = tally(&f, &table, By::City, 2);
    assert_eq!(
        t.categories,
        [
            Category {
                label: Label::Place("Vigo".into()),
                count: 3
            },
            Category {
                label: Label::Place("Reus".into()),
                count: 2
            },
            Category {
                label: Label::Others(2),
                count: 2
            },
            Category {
                label: Label::Without,
                count: 1
            },
        ]
    );
    assert_eq!(t.without, 1);
    let sum: usize = t.categories.iter().map(|c| c.count).sum();
    assert_eq!(sum, f.members.len(), "the parts make the whole");
    // Three places shown and one "other" would hide a single place: all four show.
    assert_eq!(tally(&f, &table, By::City, 3).categories.len(), 5);
    // A top beyond any count (top="4294967295") shows every place, in a debug build too.
    assert_eq!(tally(&f, &table, By::City, usize::MAX).categories.len(), 5);
    // Kinds likewise: nobody here has one, so there is no part to draw.
    assert_eq!(counts(&tally(&f, &table, By::Kind, 10)), [0, 0, 0, 0]);
    // A place a linked directory has chosen is drawn on its own, after the largest: the
    // others are one fewer.
    let labels = |keep: &[&str], top| -> Vec<Label> {
        let keep: Vec<String> = keep.iter().map(|k| (*k).to_owned()).collect();
        tally_keeping(&f, &table, By::City, top, &keep, None)
            .categories
            .into_iter()
            .map(|c| c.label)
            .collect()
    };
    let place = |name: &str| Label::Place(name.into());
    assert_eq!(
        labels(&["Ourense"], 1),
        [
            place("Vigo"),
            place("Ourense"),
            Label::Others(2),
            Label::Without
        ]
    );
    // Kept with one other left, that one is drawn too, as with no choice.
    assert_eq!(
        labels(&["Lugo"], 2),
        [
            place("Vigo"),
            place("Reus"),
            place("Lugo"),
            place("Ourense"),
            Label::Without
        ]
    );
}

#[test]
fn by_region_counts_regions_not_cities() {
    let placed = |id: &str, city: Option<&str>, region: Option<&str>| Member {
        region: region.map(str::to_owned),
        ..member(id, &[], city, None)
    };
    let f = feed(
        vec![
            placed("a", Some("Vigo"), Some("Galicia")),
            placed("b", Some("Vigo"), Some("Galicia")),
            placed("c", Some("Lugo"), Some("Galicia")),
            placed("d", Some("Reus"), Some("Catalonia")),
            placed("e", None, Some("Catalonia")),
            placed("f", Some("Getafe"), None),
        ],
        &[],
    );
    let table = FacetTable::new(&f);
    let t = tally(&f, &table, By::Region, 8);
    assert_eq!(
        t.categories,
        [
            Category {
                label: Label::Place("Galicia".into()),
                count: 3
            },
            Category {
                label: Label::Place("Catalonia".into()),
                count: 2
            },
            Category {
                label: Label::Without,
                count: 1
            },
        ]
    );
    // By city, the same members: Vigo first with 2, and one member without a city.
    let t = tally(&f, &table, By::City, 8);
    assert_eq!(t.categories[0].label, Label::Place("Vigo".into()));
    assert_eq!(t.categories[0].count, 2);
    assert_eq!(t.without, 1);
}

#[test]
fn members_without_a_kind_are_a_part_of_their_own_and_segments_have_none() {
    let mut sme = member("sme", &["a"], None, None);
    sme.kind = Some(Kind::Sme);
    let f = feed(vec![sme, member("unknown", &[], None, None)], &["a"]);
    let table = FacetTable::new(&f);
    let kinds = tally(&f, &table, By::Kind, 10);
    assert_eq!(counts(&kinds), [1, 0, 0, 0, 1]);
    assert_eq!(kinds.categories[4].label, Label::Without);
    let segments = tally(&f, &table, By::Segment, 10);
    assert_eq!((counts(&segments), segments.without), (vec![1], 1));
}

#[test]
fn years_run_without_gaps_and_add_up() {
    let f = feed(
        [2019, 2021, 2021, 2024]
            .iter()
            .enumerate()
            .map(|(i, &y)| member(&format!("m{i}"), &[], None, Some(y)))
            .chain([member("undated", &[], None, None)])
            .collect(),
        &[],
    );
    let t = tally(&f, &FacetTable::new(&f), By::Joined, 10);
    let years: Vec<Label> = t.categories.iter().map(|c| c.label.clone()).collect();
    assert_eq!(years, (2019..=2024).map(Label::Year).collect::<Vec<_>>());
    assert_eq!(counts(&t), [1, 0, 2, 0, 0, 1]);
    assert_eq!(t.cumulative(), [1, 1, 3, 3, 3, 4]);
    assert_eq!(t.without, 1);
}

#[test]
fn a_year_no_member_can_have_joined_in_counts_as_none_in_a_feed_built_in_rust() {
    // Read from JSON, such years are reported and dropped; built in Rust, they would make a
    // column for each of half a million years.
    let f = feed(
        [-271_820, 2021, 275_759, 1024, 2022]
            .iter()
            .enumerate()
            .map(|(i, &y)| member(&format!("m{i}"), &[], None, Some(y)))
            .collect(),
        &[],
    );
    let t = tally(&f, &FacetTable::new(&f), By::Joined, 10);
    assert_eq!(t.categories.len(), 2, "2021 and 2022");
    assert_eq!(counts(&t), [1, 1]);
    assert_eq!(t.without, 3);
}

#[test]
fn largest_first_keeps_the_order_of_equals() {
    let t = Tally {
        categories: [3, 5, 3, 0, 5]
            .iter()
            .map(|&count| Category {
                label: Label::Year(0),
                count,
            })
            .collect(),
        ..Tally::default()
    };
    assert_eq!(t.by_count(), [1, 4, 0, 2, 3]);
}

/// A linked chart counts, for each of its bars, the members that ticking the bar's value in
/// the directory would give (the directory's own facet count), and the members its
/// directory's choices leave, against counting them one by one.
#[test]
fn a_linked_chart_counts_what_the_directorys_other_choices_leave() {
    use crate::directory::model::Filter;
    use crate::feed::Kind;
    let ids = ["a", "b", "c"];
    let cities = ["Vigo", "Reus", "Lugo", "Ourense", "Girona"];
    let mut seed = 7_u32;
    let mut next = |n: u32| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (seed >> 16) % n
    };
    let members: Vec<Member> = (0..300)
        .map(|i| {
            let segments: Vec<&str> = ids.iter().copied().filter(|_| next(2) == 0).collect();
            let city = (next(6) > 0).then(|| cities[next(5) as usize]);
            let mut m = member(
                &format!("m{i}"),
                &segments,
                city,
                Some(2000 + next(20) as i32),
            );
            m.kind = [
                None,
                Some(Kind::Sme),
                Some(Kind::Large),
                Some(Kind::Research),
            ][next(4) as usize];
            m
        })
        .collect();
    let f = std::sync::Arc::new(feed(members, &ids));
    let table = FacetTable::new(&f);
    let filters = [
        Filter {
            kinds: vec![Kind::Sme],
            ..Filter::default()
        },
        Filter {
            segments: vec!["a".into()],
            cities: vec!["Vigo".into(), "Reus".into()],
            ..Filter::default()
        },
        Filter {
            segments: vec!["b".into(), "c".into()],
            kinds: vec![Kind::Large, Kind::Research],
            cities: vec!["Lugo".into()],
            ..Filter::default()
        },
    ];
    let passes = |m: &Member, f: &Filter, aside: By| {
        (aside == By::Segment
            || f.segments.is_empty()
            || m.segments.iter().any(|s| f.segments.contains(s)))
            && (aside == By::Kind
                || f.kinds.is_empty()
                || m.kind.is_some_and(|k| f.kinds.contains(&k)))
            && (aside == By::City
                || f.cities.is_empty()
                || m.city.as_ref().is_some_and(|c| f.cities.contains(c)))
    };
    for filter in &filters {
        for by in [By::Segment, By::Kind, By::City, By::Joined] {
            let within = crate::chart::linked::within(&f, &table, by, filter);
            let t = tally_keeping(&f, &table, by, 3, &[], within.as_ref());
            let left: Vec<&Member> = f.members.iter().filter(|m| passes(m, filter, by)).collect();
            // The chart's own choices leave every member: it counts the whole feed.
            let all = left.len() == f.members.len();
            assert_eq!(within.is_none(), all, "{by:?} {filter:?}");
            assert_eq!(t.members, left.len(), "{by:?} {filter:?}");
            let drawn: Vec<&str> = (t.categories.iter())
                .filter_map(|c| match &c.label {
                    Label::Place(p) => Some(p.as_str()),
                    _ => None,
                })
                .collect();
            for c in &t.categories {
                let has = |m: &&&Member| match &c.label {
                    Label::Segment(i) => m.segments.contains(&ids[*i].to_owned()),
                    Label::Kind(k) => m.kind == Some(*k),
                    Label::Place(p) => m.city.as_deref() == Some(p.as_str()),
                    Label::Others(_) => m.city.as_deref().is_some_and(|c| !drawn.contains(&c)),
                    Label::Year(y) => m.joined.map(|d| d.year) == Some(*y),
                    Label::Without if by == By::Kind => m.kind.is_none(),
                    Label::Without => m.city.is_none(),
                };
                let expected = left.iter().filter(has).count();
                assert_eq!(c.count, expected, "{by:?} {:?} {filter:?}", c.label);
            }
            // The places drawn are the largest among the members left, and the others are
            // those of them in no place drawn.
            if by == By::City && !all {
                let of = |city: &str| {
                    left.iter()
                        .filter(|m| m.city.as_deref() == Some(city))
                        .count()
                };
                let smallest = drawn.iter().map(|c| of(c)).min().unwrap_or(0);
                let beyond: Vec<&str> = (cities.iter().copied())
                    .filter(|c| !drawn.contains(c) && of(c) > 0)
                    .collect();
                assert!(
                    beyond.iter().all(|c| of(c) <= smallest),
                    "{drawn:?} {beyond:?}"
                );
                // An empty place is drawn (disabled) only where fewer than `top` have members.
                let with_members = cities.iter().filter(|c| of(c) > 0).count();
                assert!(
                    drawn.iter().all(|c| of(c) > 0) || with_members < 3,
                    "{drawn:?}"
                );
                let others = t.categories.iter().find_map(|c| match c.label {
                    Label::Others(n) => Some(n),
                    _ => None,
                });
                assert_eq!(others.unwrap_or(0), beyond.len(), "{filter:?}");
            }
        }
    }
    // No choice beside the chart's own: the whole feed, as an unlinked chart counts it.
    let own = Filter {
        segments: vec!["a".into()],
        ..Filter::default()
    };
    assert_eq!(
        crate::chart::linked::within(&f, &table, By::Segment, &own),
        None
    );
}
