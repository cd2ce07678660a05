//! What the chart draws from a tally: its marks (name, colour, count, share, the facet value
//! behind each), and the sentence that says what stands out.

use super::data::{By, Category, Label, Shape, Tally};
use super::geometry::donut_slices;
use super::svg::{Mark, Paint, percent};
use crate::directory::model::{Facet, Filter};
use crate::feed::Feed;
use crate::i18n::{Lang, fill, intl::format_number};
use crate::ui::lang_of;

/// Colours `--ck-c1` to `--ck-c6` of the theme, for categories the feed gives none.
const PALETTE: usize = 6;

/// The directory facet value a category stands for, if any.
fn choice(feed: &Feed, by: By, label: &Label) -> Option<(Facet, String)> {
    match label {
        Label::Segment(i) => Some((Facet::Segment, feed.segments[*i].id.clone())),
        Label::Kind(kind) => Some((Facet::Kind, kind.id().to_owned())),
        Label::Place(place) if by == By::Region => Some((Facet::Region, place.clone())),
        Label::Place(place) => Some((Facet::City, place.clone())),
        Label::Others(_) | Label::Year(_) | Label::Without => None,
    }
}

/// What a category is called, in `lang`.
fn name(feed: &Feed, by: By, lang: Lang, label: &Label) -> String {
    let s = lang.strings();
    match label {
        Label::Segment(i) => feed.segments[*i]
            .name
            .resolve(lang.tag(), &feed.cluster.default_language)
            .to_owned(),
        Label::Kind(kind) => s.kinds[kind.index()].to_owned(),
        Label::Place(place) => place.clone(),
        Label::Others(n) => fill(s.other_places, &[("n", &format_number(lang, *n))]),
        Label::Year(year) => year.to_string(),
        Label::Without => s.chart_without[by.index().saturating_sub(1).min(2)].to_owned(),
    }
}

/// The marks of `tally` in drawing order (largest first, years in order), with the facet
/// value each stands for; `chosen` are a linked directory's choices.
pub(super) fn marks(
    feed: &Feed,
    tally: &Tally,
    by: By,
    shape: Shape,
    lang: Lang,
    chosen: Option<&Filter>,
) -> Vec<(Mark, Option<(Facet, String)>)> {
    let s = lang.strings();
    let order: Vec<usize> = if shape == Shape::Column {
        (0..tally.categories.len()).collect()
    } else {
        // Largest first; the places taken together, then the members without a value,
        // stay last, whatever their count.
        let mut order = tally.by_count();
        order.sort_by_key(|&k| match tally.categories[k].label {
            Label::Others(_) => 1,
            Label::Without => 2,
            _ => 0,
        });
        order
    };
    let counts: Vec<usize> = tally.categories.iter().map(|c| c.count).collect();
    let whole = matches!(by, By::Kind | By::Region | By::City);
    let shares = donut_slices(&counts);
    let running = tally.cumulative();
    order
        .into_iter()
        .map(|k| {
            let category = &tally.categories[k];
            // A segment named in none of the visitor's languages says in which.
            let (name, name_lang) = match &category.label {
                Label::Segment(i) => {
                    let segment = &feed.segments[*i].name;
                    let (marked, name) = lang_of(segment, lang, &feed.cluster.default_language);
                    (name.to_owned(), marked)
                }
                label => (name(feed, by, lang, label), String::new()),
            };
            let paint = match &category.label {
                Label::Segment(i) => feed.segments[*i].color.clone().map(Paint::Feed),
                _ => None,
            }
            // Years are one series: one colour. Others take the palette's colours in the
            // dimension's own order, not the drawing's, so that a part has the same colour
            // as bars, columns or a slice.
            .unwrap_or(Paint::Palette(if by == By::Joined {
                1
            } else {
                k % PALETTE + 1
            }));
            let count = category.count;
            let share = whole.then(|| shares[k].percent);
            let running = (by == By::Joined).then(|| running[k]);
            let members = s.members_count(count, &format_number(lang, count));
            let label = match (share, running) {
                (Some(p), _) => format!("{name}: {members} ({})", percent(lang, p)),
                (_, Some(r)) => format!(
                    "{name}: {members}; {}",
                    fill(s.chart_running_mark, &[("n", &format_number(lang, r))])
                ),
                _ => format!("{name}: {members}"),
            };
            // An empty part ticks nothing: the directory offers that choice disabled, and
            // ticking it would only empty the list.
            let choice = choice(feed, by, &category.label).filter(|_| count > 0);
            let pressed = chosen.and_then(|f| {
                let (facet, value) = choice.as_ref()?;
                Some(f.is_chosen(*facet, value))
            });
            let mark = Mark {
                name,
                lang: name_lang,
                count,
                paint,
                label,
                share,
                running,
                pressed,
            };
            (mark, choice)
        })
        .collect()
}

/// The sentence that says what the chart shows, for everyone and for screen readers first:
/// the largest category (the busiest year), whatever the drawing's order, or all of those
/// that share the largest count. The places taken together and the members without a value
/// are no category of their own here.
pub(super) fn summary(lang: Lang, by: By, feed: &Feed, tally: &Tally) -> Option<String> {
    let mut said = largest(lang, by, feed, tally)?;
    // By year, the members the drawing leaves out, as the other charts' "No city" shows them.
    if by == By::Joined && tally.without > 0 {
        let template = lang.strings().chart_undated[usize::from(tally.without > 1)];
        said.push(' ');
        said.push_str(&fill(
            template,
            &[("n", &format_number(lang, tally.without))],
        ));
    }
    Some(said)
}

/// What [`summary`] says of the largest part.
fn largest(lang: Lang, by: By, feed: &Feed, tally: &Tally) -> Option<String> {
    let s = lang.strings();
    let n = |v: usize| format_number(lang, v);
    let mut most = 0;
    let mut tied = Vec::new();
    for c in &tally.categories {
        if matches!(c.label, Label::Others(_) | Label::Without) || c.count < most {
            continue;
        }
        if c.count > most {
            most = c.count;
            tied.clear();
        }
        tied.push(name(feed, by, lang, &c.label));
    }
    // The places `top` put among the others with as many members.
    tied.extend(tally.tied_beyond.iter().cloned());
    let last = tied.pop().filter(|_| most > 0)?;
    if by == By::Joined && tally.categories.len() == 1 {
        let members = s.members_count(most, &n(most));
        return Some(fill(
            s.chart_joined_one_year,
            &[("members", &members), ("year", &last)],
        ));
    }
    // By year, the members with one; otherwise all of them.
    let total = tally.members - if by == By::Joined { tally.without } else { 0 };
    if tied.is_empty() && by != By::Joined && most == total {
        let members = s.members_count(most, &n(most));
        return Some(fill(
            s.chart_all[by.index().min(3)],
            &[("members", &members), ("name", &last)],
        ));
    }
    let mut template = if !tied.is_empty() {
        s.chart_tied[by.index()]
    } else if by == By::Joined {
        s.chart_joined
    } else {
        s.chart_largest[by.index().min(3)]
    }
    .to_owned();
    // Spanish writes "e" for "y" before the sound /i/: "Pyme e Investigación".
    let mut sound = last.chars().skip_while(|c| matches!(c, 'h' | 'H'));
    if lang == Lang::Es
        && matches!(sound.next(), Some('i' | 'í' | 'I' | 'Í'))
        && !matches!(sound.next(), Some('a' | 'e' | 'o' | 'á' | 'é' | 'ó'))
    {
        template = template.replace(" y {name}", " e {name}");
    }
    let end = |c: Option<&Category>| c.map_or(String::new(), |c| name(feed, by, lang, &c.label));
    // The feed's names go in last, so that one with `{n}` in it stays as written.
    Some(fill(
        &template,
        &[
            ("total", &n(total)),
            ("n", &n(most)),
            ("first", &end(tally.categories.first())),
            ("last", &end(tally.categories.last())),
            ("names", &tied.join(", ")),
            ("name", &last),
            ("year", &last),
        ],
    ))
}

/// Why a chart of `members` (one or more) draws nothing: none has a value for what it counts.
pub(super) fn no_values(lang: Lang, members: usize) -> String {
    let s = lang.strings();
    let n = format_number(lang, members);
    fill(s.chart_no_values[usize::from(members > 1)], &[("n", &n)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::data::tally;
    use crate::directory::model::FacetTable;
    use crate::feed::{Date, Kind, Member, Segment};

    /// A member in `segments`, of `kind`, in `city`, joined in `year`.
    fn member(
        i: usize,
        segments: &[&str],
        kind: Option<Kind>,
        city: Option<&str>,
        year: Option<i32>,
    ) -> Member {
        Member {
            segments: segments.iter().map(|s| (*s).to_owned()).collect(),
            kind,
            city: city.map(str::to_owned),
            joined: year.map(|y| Date::new(y, 3, 1).unwrap()),
            ..Member::new(format!("m{i}"), "M")
        }
    }

    /// The summary of `members` counted `by`, in `lang`, whatever the drawing.
    fn said(segments: &[&str], members: Vec<Member>, by: By, lang: Lang) -> String {
        let feed = Feed {
            segments: segments.iter().map(|s| Segment::new(*s, *s)).collect(),
            members,
            ..Feed::default()
        };
        let tally = tally(&feed, &FacetTable::new(&feed), by, 2);
        summary(lang, by, &feed, &tally).unwrap()
    }

    #[test]
    fn an_empty_segment_s_bar_ticks_nothing() {
        let feed = Feed {
            segments: ["Alpha", "Unused"]
                .iter()
                .map(|s| Segment::new(*s, *s))
                .collect(),
            members: vec![member(0, &["Alpha"], None, None, None)],
            ..Feed::default()
        };
        let tally = tally(&feed, &FacetTable::new(&feed), By::Segment, 2);
        let choices: Vec<(String, usize, bool)> = marks(
            &feed,
            &tally,
            By::Segment,
            Shape::Bar,
            Lang::En,
            Some(&Filter::default()),
        )
        .into_iter()
        .map(|(mark, choice)| (mark.name, mark.count, choice.is_some()))
        .collect();
        assert_eq!(
            choices,
            [
                ("Alpha".to_owned(), 1, true),
                ("Unused".to_owned(), 0, false)
            ]
        );
    }

    #[test]
    fn the_table_marks_a_segment_named_in_another_language_than_the_visitors() {
        use crate::feed::Text;
        let feed = Feed {
            segments: vec![
                Segment::new("a", Text::from([("ca", "Animació")])),
                Segment::new("b", Text::from([("ca", "Efectes"), ("en", "Effects")])),
            ],
            members: vec![
                member(0, &["a"], None, None, None),
                member(1, &["b"], None, None, None),
            ],
            ..Feed::default()
        };
        let tally = tally(&feed, &FacetTable::new(&feed), By::Segment, 2);
        let marks: Vec<Mark> = marks(&feed, &tally, By::Segment, Shape::Bar, Lang::En, None)
            .into_iter()
            .map(|(mark, _)| mark)
            .collect();
        let html = crate::chart::table::table(&marks, "c", ["Segment", "Members", ""], Lang::En);
        assert!(
            html.contains("<th scope=\"row\" lang=\"ca\">Animació</th>"),
            "{html}"
        );
        assert!(html.contains("<th scope=\"row\">Effects</th>"), "{html}");
    }

    #[test]
    fn a_years_mark_says_its_new_members_and_the_total_by_then() {
        let feed = Feed {
            members: [2020, 2022, 2022]
                .iter()
                .enumerate()
                .map(|(i, y)| member(i, &[], None, None, Some(*y)))
                .collect(),
            ..Feed::default()
        };
        let tally = tally(&feed, &FacetTable::new(&feed), By::Joined, 10);
        let labels: Vec<String> = marks(&feed, &tally, By::Joined, Shape::Column, Lang::Ca, None)
            .into_iter()
            .map(|(mark, _)| mark.label)
            .collect();
        assert_eq!(
            labels,
            [
                "2020: 1 soci; 1 en total",
                "2021: 0 socis; 1 en total",
                "2022: 2 socis; 3 en total"
            ]
        );
    }

    #[test]
    fn a_part_holding_every_member_is_said_so_not_as_n_of_n() {
        let one = || vec![member(0, &["Alpha"], Some(Kind::Sme), Some("Vigo"), None)];
        assert_eq!(
            said(&["Alpha", "Beta"], one(), By::Segment, Lang::En),
            "Every member is in the Alpha segment (1 member)."
        );
        assert_eq!(
            said(&[], one(), By::City, Lang::Es),
            "Todos los socios están en Vigo (1 socio)."
        );
        let both = (0..2)
            .map(|i| member(i, &[], Some(Kind::Sme), None, None))
            .collect();
        assert_eq!(
            said(&[], both, By::Kind, Lang::Ca),
            "Tots els socis són del tipus Pime (2 socis)."
        );
    }

    #[test]
    fn the_summary_names_the_largest_part_not_the_first_drawn() {
        let members = ["Alpha", "Beta", "Gamma", "Gamma", "Gamma"]
            .iter()
            .enumerate()
            .map(|(i, s)| member(i, &[s], None, None, None))
            .collect();
        assert_eq!(
            said(&["Alpha", "Beta", "Gamma"], members, By::Segment, Lang::En),
            "Gamma is the largest segment, with 3 of 5 members."
        );
        let kinds = [
            Kind::Sme,
            Kind::Large,
            Kind::Other,
            Kind::Other,
            Kind::Other,
        ];
        let mut members: Vec<Member> = kinds
            .iter()
            .enumerate()
            .map(|(i, k)| member(i, &[], Some(*k), None, None))
            .collect();
        members.push(member(9, &[], None, None, None));
        assert_eq!(
            said(&[], members, By::Kind, Lang::En),
            "Other is the most common type, with 3 of 6 members."
        );
        // Neither the other places taken together (3) nor the members without a city are a
        // city.
        let cities = [
            Some("Vigo"),
            Some("Vigo"),
            Some("Lugo"),
            Some("Reus"),
            Some("Ames"),
        ];
        let members = cities
            .iter()
            .chain(&[None, None, None])
            .enumerate()
            .map(|(i, c)| member(i, &[], None, *c, None))
            .collect();
        assert_eq!(
            said(&[], members, By::City, Lang::Gl),
            "Vigo é a cidade con máis socios: 2 de 8."
        );
        // A chart with nothing to draw says so of one member as of many.
        assert_eq!(
            no_values(Lang::Es, 1),
            "El único socio aún no tiene este dato."
        );
        assert_eq!(
            no_values(Lang::Es, 2),
            "Ninguno de los 2 socios tiene aún este dato."
        );
        // Every member in one year: no span "from 2020 to 2020", and one member is one.
        for (count, sentence) in [
            (1, "Incorporacions del 2020: 1 soci."),
            (3, "Incorporacions del 2020: 3 socis."),
        ] {
            let members = (0..count)
                .map(|i| member(i, &[], None, None, Some(2020)))
                .collect();
            assert_eq!(said(&[], members, By::Joined, Lang::Ca), sentence);
        }
        // Years: from the first to the last, and the busiest.
        let members = [2021, 2019, 2021, 2024]
            .iter()
            .enumerate()
            .map(|(i, y)| member(i, &[], None, None, Some(*y)))
            .collect();
        assert_eq!(
            said(&[], members, By::Joined, Lang::En),
            "From 2019 to 2024, 4 members joined; 2021 was the busiest year, with 2."
        );
        // The members with no date, whom the drawing leaves out, are counted after it.
        let dated = |undated: usize| {
            let mut members: Vec<Member> = [2020, 2022, 2022]
                .iter()
                .enumerate()
                .map(|(i, y)| member(i, &[], None, None, Some(*y)))
                .collect();
            members.extend((0..undated).map(|i| member(10 + i, &[], None, None, None)));
            members
        };
        assert_eq!(
            said(&[], dated(1), By::Joined, Lang::En),
            "From 2020 to 2022, 3 members joined; 2022 was the busiest year, with 2. 1 member has no joining date."
        );
        assert_eq!(
            said(&[], dated(2), By::Joined, Lang::Ca),
            "De 2020 a 2022 s’hi van incorporar 3 socis; l’any amb més incorporacions va ser el 2022, amb 2. 2 socis no tenen data d’incorporació."
        );
    }

    #[test]
    fn a_part_has_the_same_colour_as_a_bar_a_column_or_a_slice() {
        // Kinds in counts unlike their own order, and a segment without a colour of its own.
        let kinds = [
            Kind::Other,
            Kind::Large,
            Kind::Large,
            Kind::Sme,
            Kind::Other,
            Kind::Other,
        ];
        let feed = Feed {
            segments: vec![Segment::new("a", "A"), Segment::new("b", "B")],
            members: kinds
                .iter()
                .enumerate()
                .map(|(i, k)| member(i, if i < 4 { &["b"] } else { &["a"] }, Some(*k), None, None))
                .collect(),
            ..Feed::default()
        };
        for by in [By::Kind, By::Segment] {
            let t = tally(&feed, &FacetTable::new(&feed), by, 8);
            // Each mark's name and paint, in drawing order.
            let drawn = |shape| -> Vec<(String, Paint)> {
                marks(&feed, &t, by, shape, Lang::En, None)
                    .into_iter()
                    .map(|(m, _)| (m.name, m.paint))
                    .collect()
            };
            let (bars, columns, donut) =
                (drawn(Shape::Bar), drawn(Shape::Column), drawn(Shape::Donut));
            let names =
                |d: &[(String, Paint)]| d.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
            assert_ne!(
                names(&bars),
                names(&columns),
                "bars and columns drawn in another order"
            );
            let sorted = |mut d: Vec<(String, Paint)>| {
                d.sort_by(|a, b| a.0.cmp(&b.0));
                d
            };
            let bars = sorted(bars);
            assert_eq!(bars, sorted(columns), "{by:?}");
            assert_eq!(bars, sorted(donut), "{by:?}");
        }
    }

    #[test]
    fn parts_that_share_the_largest_count_are_all_named() {
        let members = [
            &["Animació"][..],
            &["VFX", "So"],
            &["Animació", "So"],
            &["VFX"],
            &["Doblatge"],
        ]
        .iter()
        .enumerate()
        .map(|(i, s)| member(i, s, None, None, None))
        .collect();
        assert_eq!(
            said(
                &["Doblatge", "Animació", "VFX", "So"],
                members,
                By::Segment,
                Lang::Ca
            ),
            "Animació, VFX i So són els segments més grans, amb 2 de 5 socis cadascun."
        );
        let members = [2019, 2020, 2020, 2021, 2022, 2022]
            .iter()
            .enumerate()
            .map(|(i, y)| member(i, &[], None, None, Some(*y)))
            .collect::<Vec<_>>();
        assert_eq!(
            said(&[], members.clone(), By::Joined, Lang::Ca),
            "De 2019 a 2022 s’hi van incorporar 6 socis; els anys amb més incorporacions van ser 2020 i 2022, amb 2 cadascun."
        );
        assert_eq!(
            said(&[], members, By::Joined, Lang::En),
            "From 2019 to 2022, 6 members joined; 2020 and 2022 were the busiest years, with 2 each."
        );
        // Spanish writes "e" before the sound /i/, and "y" before "hie".
        let kinds = [Kind::Sme, Kind::Research, Kind::Research, Kind::Sme];
        let members = kinds
            .iter()
            .enumerate()
            .map(|(i, k)| member(i, &[], Some(*k), None, None))
            .collect();
        assert_eq!(
            said(&[], members, By::Kind, Lang::Es),
            "Pyme e Investigación son los tipos más frecuentes, con 2 de 4 socios cada uno."
        );
        let members = ["Alba", "Hierro", "Lugo", "Hierro", "Alba"]
            .iter()
            .enumerate()
            .map(|(i, c)| member(i, &[], None, Some(c), None))
            .collect();
        assert_eq!(
            said(&[], members, By::City, Lang::Es),
            "Alba y Hierro son las ciudades con más socios: 2 de 5 cada una."
        );
        // Three cities tied, two shown (`top` is 2 here): the third, among the other places,
        // is named too; the city with fewer is not.
        let members = ["Alba", "Hierro", "Lugo", "Hierro", "Alba", "Lugo", "Vigo"]
            .iter()
            .enumerate()
            .map(|(i, c)| member(i, &[], None, Some(c), None))
            .collect();
        assert_eq!(
            said(&[], members, By::City, Lang::En),
            "Alba, Hierro and Lugo are the cities with the most members: 2 of 7 each."
        );
    }
}
