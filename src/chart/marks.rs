//! What the chart draws from a tally: its marks (name, colour, count, share, the facet value
//! behind each). The sentence that says what stands out is in `summary.rs`.

use super::data::{By, Label, Shape, Tally};
use super::geometry::donut_slices;
use super::svg::{Mark, Paint, Share, percent};
use crate::directory::model::{Facet, Filter};
use crate::feed::Feed;
use crate::i18n::{Lang, fill, intl::format_number};
use crate::ui::lang_of;

use crate::ui::palette;

/// The directory facet value a category stands for, if any.
fn choice(feed: &Feed, by: By, label: &Label) -> Option<(Facet, String)> {
    match label {
        Label::Segment(i) => Some((Facet::Segment, feed.segments[*i].id.clone())),
        Label::Kind(kind) => Some((Facet::Kind, kind.id().to_owned())),
        Label::Place(place) => by.facet().map(|facet| (facet, place.clone())),
        Label::Others(_) | Label::Year(_) | Label::Without => None,
    }
}

/// What a category is called, in `lang`.
pub(super) fn name(feed: &Feed, by: By, lang: Lang, label: &Label) -> String {
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
    // Years in their order in any shape: their running totals read on from one to the next.
    let order: Vec<usize> = if shape == Shape::Column || by == By::Joined {
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
    let total: usize = counts.iter().sum();
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
            .unwrap_or(Paint::Palette(palette(if by == By::Joined {
                0
            } else {
                k
            })));
            let count = category.count;
            let share = whole.then(|| Share::of(shares[k].percent, count, total));
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
            // An empty part of the whole feed ticks nothing: the directory offers that choice
            // disabled, and ticking it would only empty the list. Emptied by the directory's
            // other choices, it stays a toggle, disabled unless chosen (see `linked::show`),
            // which a chosen one can still be unticked from.
            let choice = choice(feed, by, &category.label).filter(|_| count > 0 || tally.narrowed);
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

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::chart::data::tally;
    use crate::directory::model::FacetTable;
    use crate::feed::{Date, Kind, Member, Segment};

    /// A member in `segments`, of `kind`, in `city`, joined in `year`.
    pub(in crate::chart) fn member(
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
        // As bars or slices too, where other dimensions go largest first: "2022: 2; 3 in
        // total" above "2020: 1; 1 in total" would read as a total going down.
        for shape in [Shape::Column, Shape::Bar, Shape::Donut] {
            let labels: Vec<String> = marks(&feed, &tally, By::Joined, shape, Lang::Ca, None)
                .into_iter()
                .map(|(mark, _)| mark.label)
                .collect();
            assert_eq!(
                labels,
                [
                    "2020: 1 soci; 1 en total",
                    "2021: 0 socis; 1 en total",
                    "2022: 2 socis; 3 en total"
                ],
                "{shape:?}"
            );
        }
    }

    #[test]
    fn a_segment_without_a_colour_has_the_same_on_a_bar_a_card_s_tag_and_an_event() {
        // Eight segments, the second with a colour of its own: the eighth takes the palette's
        // second colour, in the chart as on a card's tag.
        let mut segments: Vec<Segment> = (1..=8)
            .map(|i| Segment::new(format!("s{i}"), format!("S{i}")))
            .collect();
        segments[1].color = Some("#7a5195".into());
        let feed = Feed {
            members: vec![member(0, &["s8", "s2"], None, None, None)],
            segments,
            ..Feed::default()
        };
        let t = tally(&feed, &FacetTable::new(&feed), By::Segment, 8);
        let paints: Vec<(String, String)> =
            marks(&feed, &t, By::Segment, Shape::Column, Lang::En, None)
                .into_iter()
                .map(|(m, _)| {
                    let paint = match m.paint {
                        Paint::Feed(c) => c,
                        Paint::Palette(n) => format!("var(--_c{n})"),
                    };
                    (m.name, paint)
                })
                .collect();
        let (mut markup, mut colours) = (String::new(), Vec::new());
        crate::ui::segment_tags(
            &mut markup,
            &mut colours,
            &feed,
            &["s8".into(), "s2".into()],
            Lang::En,
        );
        assert_eq!(colours, ["var(--_c2)", "#7a5195"]);
        assert_eq!(paints[7], ("S8".to_owned(), colours[0].clone()));
        assert_eq!(paints[1], ("S2".to_owned(), colours[1].clone()));
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
}
