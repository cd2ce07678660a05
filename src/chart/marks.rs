//! What the chart draws from a tally: its marks (name, colour, count, share, the facet value
//! behind each), and the sentence that says what stands out.

use super::data::{By, Label, Shape, Tally};
use super::geometry::donut_slices;
use super::svg::{Mark, Paint, percent};
use crate::directory::model::{Facet, Filter};
use crate::feed::Feed;
use crate::i18n::{Lang, Strings, fill, intl::format_number};

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
    let fallback = &feed.cluster.default_language;
    order
        .into_iter()
        .enumerate()
        .map(|(position, k)| {
            let category = &tally.categories[k];
            let name = match &category.label {
                Label::Segment(i) => feed.segments[*i]
                    .name
                    .resolve(lang.tag(), fallback)
                    .to_owned(),
                Label::Kind(kind) => s.kinds[kind.index()].to_owned(),
                Label::Place(place) => place.clone(),
                Label::Others(n) => fill(s.other_places, &[("n", &format_number(lang, *n))]),
                Label::Year(year) => year.to_string(),
                Label::Without => s.chart_without[by.index().saturating_sub(1).min(2)].to_owned(),
            };
            let paint = match &category.label {
                Label::Segment(i) => feed.segments[*i].color.clone().map(Paint::Feed),
                _ => None,
            }
            // Years are one series: one colour.
            .unwrap_or(Paint::Palette(if by == By::Joined {
                1
            } else {
                position % PALETTE + 1
            }));
            let count = category.count;
            let share = whole.then(|| shares[k].percent);
            let running = (by == By::Joined).then(|| running[k]);
            let members = fill(
                if count == 1 {
                    s.members_one
                } else {
                    s.members_other
                },
                &[("n", &format_number(lang, count))],
            );
            let label = match (share, running) {
                (Some(p), _) => format!("{name}: {members} ({})", percent(lang, p)),
                (_, Some(r)) => format!(
                    "{name}: {members}; {}: {}",
                    s.chart_running,
                    format_number(lang, r)
                ),
                _ => format!("{name}: {members}"),
            };
            let choice = choice(feed, by, &category.label);
            let pressed = chosen.and_then(|f| {
                let (facet, value) = choice.as_ref()?;
                Some(f.is_chosen(*facet, value))
            });
            let mark = Mark {
                name,
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

/// The sentence that says what the chart shows, for everyone and for screen readers first.
pub(super) fn summary(
    s: &Strings,
    lang: Lang,
    by: By,
    tally: &Tally,
    marks: &[Mark],
) -> Option<String> {
    let n = |v: usize| format_number(lang, v);
    if by == By::Joined {
        let total: usize = marks.iter().map(|m| m.count).sum();
        let (first, last) = (marks.first()?, marks.last()?);
        // The earliest of the busiest years.
        let busiest = marks
            .iter()
            .fold(first, |b, m| if m.count > b.count { m } else { b });
        return (total > 0).then(|| {
            fill(
                s.chart_joined,
                &[
                    ("total", &n(total)),
                    ("first", &first.name),
                    ("last", &last.name),
                    ("year", &busiest.name),
                    ("n", &n(busiest.count)),
                ],
            )
        });
    }
    let largest = marks.first().filter(|m| m.count > 0)?;
    Some(fill(
        s.chart_largest[by.index().min(3)],
        &[
            ("name", &largest.name),
            ("n", &n(largest.count)),
            ("total", &n(tally.members)),
        ],
    ))
}
