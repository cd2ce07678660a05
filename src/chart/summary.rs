//! The sentence that says what a chart shows, for everyone and for screen readers first,
//! and why a chart draws nothing.

use super::data::{By, Category, Label, Tally};
use super::marks::name;
use crate::directory::model::Filter;
use crate::feed::Feed;
use crate::i18n::{Lang, fill, intl::format_number};

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
        tied.push(label(lang, by, feed, &c.label));
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
        let all = if most == 1 { s.chart_only } else { s.chart_all };
        return Some(fill(
            all[by.index().min(3)],
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
    // Spanish writes "e" for "y" before the sound /i/: "Alba e Ibiza".
    let mut sound = last.chars().skip_while(|c| matches!(c, '«' | 'h' | 'H'));
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

/// A category's name in a summary: a kind's is quoted as a label ("«Otros» es el tipo más
/// frecuente"), since some read as plural; a segment's or a place's is said as it is.
fn label(lang: Lang, by: By, feed: &Feed, label: &Label) -> String {
    let said = name(feed, by, lang, label);
    if by == By::Kind {
        fill(lang.strings().quoted, &[("name", &said)])
    } else {
        said
    }
}

/// What a linked chart says when its directory's search and choices leave no member: the
/// search alone is said as it is, since no filter is ticked.
pub(super) fn none_left(lang: Lang, chosen: &Filter) -> String {
    let s = lang.strings();
    let query = chosen.query.trim();
    if chosen.choice_count() == 0 && !query.is_empty() {
        fill(s.no_members_match_query, &[("query", query)])
    } else {
        s.no_members_match.to_owned()
    }
}

/// Why a chart counted `by` draws nothing, when its `tally` counts no member in any mark:
/// the feed's members could not be read, it lists no segments, it has no members, or
/// none has a value for what the chart counts.
pub(super) fn why_empty(lang: Lang, by: By, feed: &Feed, tally: &Tally) -> String {
    let s = lang.strings();
    if feed.members.is_empty() && feed.skipped.members > 0 {
        s.members_unread.to_owned()
    } else if by == By::Segment && tally.categories.is_empty() {
        s.no_segments.to_owned()
    } else if tally.members == 0 {
        s.no_members.to_owned()
    } else if tally.narrowed {
        // Of the members a linked directory's search and choices leave, not the feed's: "the
        // only member" is the only one found.
        format!("{} {}", no_values(lang, tally.members), s.counted_within)
    } else {
        no_values(lang, tally.members)
    }
}

/// Why a chart of `members` (one or more) draws nothing: none has a value for what it counts.
fn no_values(lang: Lang, members: usize) -> String {
    let s = lang.strings();
    let n = format_number(lang, members);
    fill(s.chart_no_values[usize::from(members > 1)], &[("n", &n)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::data::tally;
    use crate::chart::marks::tests::member;
    use crate::directory::model::FacetTable;
    use crate::feed::{Kind, Member, Segment};

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
    fn a_part_holding_every_member_is_said_so_not_as_n_of_n() {
        let one = || vec![member(0, &["Alpha"], Some(Kind::Sme), Some("Vigo"), None)];
        assert_eq!(
            said(&["Alpha", "Beta"], one(), By::Segment, Lang::En),
            "The only member is in the Alpha segment."
        );
        assert_eq!(
            said(&[], one(), By::City, Lang::Es),
            "Ciudad del único socio: Vigo."
        );
        let both = (0..2)
            .map(|i| member(i, &[], Some(Kind::Sme), None, None))
            .collect();
        assert_eq!(
            said(&[], both, By::Kind, Lang::Ca),
            "Tots els socis són del tipus «Pime» (2 socis)."
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
        // A kind is quoted as a label: "Otros es el tipo" reads as a plural's subject.
        assert_eq!(
            said(&[], members.clone(), By::Kind, Lang::En),
            "“Other” is the most common type, with 3 of 6 members."
        );
        assert_eq!(
            said(&[], members.clone(), By::Kind, Lang::Es),
            "«Otros» es el tipo más frecuente, con 3 de 6 socios."
        );
        members.truncate(3);
        assert_eq!(
            said(&[], members, By::Kind, Lang::Gl),
            "«Peme», «Gran empresa» e «Outros» son os tipos máis frecuentes, con 1 de 3 socios cada un."
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
        // And says why: every member skipped, no segments listed, no members, no values.
        let why = |feed: &Feed, by| {
            let tally = tally(feed, &FacetTable::new(feed), by, 2);
            why_empty(Lang::En, by, feed, &tally)
        };
        let s = Lang::En.strings();
        let mut feed = Feed::default();
        feed.skipped.members = 3;
        assert_eq!(why(&feed, By::Segment), s.members_unread);
        feed.skipped.members = 0;
        assert_eq!(why(&feed, By::Segment), s.no_segments);
        assert_eq!(why(&feed, By::City), s.no_members);
        feed.members = vec![member(0, &[], None, None, None)];
        assert_eq!(why(&feed, By::City), no_values(Lang::En, 1));
        // Of a linked directory's members found, said to be so.
        let mut narrowed = tally(&feed, &FacetTable::new(&feed), By::City, 2);
        narrowed.narrowed = true;
        assert_eq!(
            why_empty(Lang::En, By::City, &feed, &narrowed),
            "The only member has no such information yet. Only the members matching the directory’s search and filters are counted."
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
            "Del 2020 al 2022 s’hi van incorporar 3 socis; l’any amb més incorporacions va ser el 2022, amb 2. 2 socis no tenen data d’incorporació."
        );
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
            "Del 2019 al 2022 s’hi van incorporar 6 socis; els anys amb més incorporacions, amb 2 cadascun: 2020 i 2022."
        );
        assert_eq!(
            said(&[], members, By::Joined, Lang::En),
            "From 2019 to 2022, 6 members joined; 2020 and 2022 were the busiest years, with 2 each."
        );
        // Spanish writes "e" before the sound /i/, and "y" before "hie".
        let members = ["Alba", "Ibiza", "Ibiza", "Alba"]
            .iter()
            .enumerate()
            .map(|(i, c)| member(i, &[], None, Some(c), None))
            .collect();
        assert_eq!(
            said(&[], members, By::City, Lang::Es),
            "Alba e Ibiza son las ciudades con más socios: 2 de 4 cada una."
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
