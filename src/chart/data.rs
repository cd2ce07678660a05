//! What a chart counts: members per segment, kind, region, city or year of joining.

use crate::directory::model::FacetTable;
use crate::feed::{Feed, Kind};
use crate::i18n::Lang;

/// What the members are counted by (the `by` attribute).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum By {
    /// Per segment: a member in two segments counts in both.
    #[default]
    Segment,
    /// Per kind (SME, large company, research, other): parts of a whole.
    Kind,
    /// Per region, the largest few and the rest together.
    Region,
    /// Per city, likewise.
    City,
    /// Members who joined each year, and how many there were by then.
    Joined,
}

impl By {
    /// Every dimension, in the order the attribute's documentation lists them.
    pub const ALL: &'static [By] = &[By::Segment, By::Kind, By::Region, By::City, By::Joined];

    /// The attribute value naming this dimension.
    pub fn id(self) -> &'static str {
        match self {
            By::Segment => "segment",
            By::Kind => "kind",
            By::Region => "region",
            By::City => "city",
            By::Joined => "joined",
        }
    }

    /// The dimension an attribute value names.
    pub fn from_id(id: &str) -> Option<By> {
        By::ALL.iter().copied().find(|b| b.id() == id.trim())
    }
}

impl By {
    /// The drawing that suits this dimension when the page names none: columns for years,
    /// bars for the rest.
    pub fn default_shape(self) -> Shape {
        match self {
            By::Joined => Shape::Column,
            _ => Shape::Bar,
        }
    }

    /// Its place in [`By::ALL`] (and in per-dimension tables such as the UI strings).
    pub fn index(self) -> usize {
        self as usize
    }

    /// A chart's title by this dimension in `lang` ("Members by segment"), when it is given
    /// no `label`: the chart's own, and its error box's before it is drawn.
    pub fn title(self, lang: Lang) -> &'static str {
        lang.strings().chart_titles[self.index()]
    }
}

/// How a chart draws its categories (the `type` attribute).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Shape {
    /// Horizontal bars, largest first.
    Bar,
    /// Vertical columns in the categories' own order (years).
    Column,
    /// A ring cut into parts of the whole, largest first, with a legend.
    Donut,
}

impl Shape {
    /// The drawing an attribute value names.
    pub fn from_id(id: &str) -> Option<Shape> {
        match id.trim() {
            "bar" => Some(Shape::Bar),
            "column" => Some(Shape::Column),
            "donut" => Some(Shape::Donut),
            _ => None,
        }
    }
}

/// What one category stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Label {
    /// The feed's segment at this index.
    Segment(usize),
    /// A kind of member.
    Kind(Kind),
    /// A region or city, as its first member wrote it.
    Place(String),
    /// The places beyond the largest few, together: how many there are.
    Others(usize),
    /// A year of joining.
    Year(i32),
    /// The members with no kind, region or city, together, so that the parts of the whole
    /// add up to every member.
    Without,
}

/// One bar, column or slice: what it stands for and how many members it counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Category {
    /// What it stands for.
    pub label: Label,
    /// How many members it counts.
    pub count: usize,
}

/// The categories of one chart, and the members behind them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    /// In the dimension's own order: segments as the feed lists them, kinds as
    /// [`Kind::ALL`], places most members first with the others last, years ascending with
    /// no gap.
    pub categories: Vec<Category>,
    /// Members in the feed.
    pub members: usize,
    /// Members counted in no category (no value for the dimension).
    pub without: usize,
    /// The places among the others that have as many members as the largest shown: tied
    /// for the largest, which the summary names with it.
    pub tied_beyond: Vec<String>,
}

impl Tally {
    /// The categories' indexes, largest count first; equal counts keep their order.
    pub(crate) fn by_count(&self) -> Vec<usize> {
        let counts: Vec<usize> = self.categories.iter().map(|c| c.count).collect();
        crate::sort::sorted_indices(counts.len(), &|a, b| counts[b].cmp(&counts[a]))
    }

    /// The running total of the counts, category by category (members by the end of each
    /// year, for [`By::Joined`]).
    pub(crate) fn cumulative(&self) -> Vec<usize> {
        self.categories
            .iter()
            .scan(0, |sum, c| {
                *sum += c.count;
                Some(*sum)
            })
            .collect()
    }
}

/// [`tally_keeping`] with nothing kept: the tests' shorthand.
#[cfg(test)]
pub fn tally(feed: &Feed, table: &FacetTable, by: By, top: usize) -> Tally {
    tally_keeping(feed, table, by, top, &[])
}

/// Counts the members of `feed` by `by`. Regions and cities beyond the `top` largest go
/// into one [`Label::Others`] category (unless that would hold a single place); the places
/// named in `keep` (a linked directory's choices) are drawn on their own even beyond the
/// `top` largest, after them: a choice never hides among the others.
pub(crate) fn tally_keeping(
    feed: &Feed,
    table: &FacetTable,
    by: By,
    top: usize,
    keep: &[String],
) -> Tally {
    let members = feed.members.len();
    let totals = table.totals();
    let mut tied_beyond = Vec::new();
    let mut categories: Vec<Category> = match by {
        By::Segment => totals
            .segments
            .iter()
            .enumerate()
            .map(|(i, &count)| Category {
                label: Label::Segment(i),
                count,
            })
            .collect(),
        By::Kind => Kind::ALL
            .into_iter()
            .map(|k| Category {
                label: Label::Kind(k),
                count: totals.kinds[k.index()],
            })
            .collect(),
        By::Region | By::City => {
            let (names, counts) = if by == By::Region {
                (&table.regions, &totals.regions)
            } else {
                (&table.cities, &totals.cities)
            };
            // Places come most members first: the `top` largest, then those kept.
            let (mut drawn, mut rest): (Vec<usize>, Vec<usize>) =
                (0..names.len()).partition(|&i| i < top || keep.contains(&names[i]));
            if rest.len() == 1 {
                drawn.append(&mut rest);
            }
            let mut categories: Vec<Category> = drawn
                .iter()
                .map(|&i| Category {
                    label: Label::Place(names[i].clone()),
                    count: counts[i],
                })
                .collect();
            if !rest.is_empty() {
                // The others with as many members as the largest place.
                let largest = counts.first().copied().unwrap_or(0);
                tied_beyond = rest
                    .iter()
                    .filter(|&&i| counts[i] == largest && largest > 0)
                    .map(|&i| names[i].clone())
                    .collect();
                categories.push(Category {
                    label: Label::Others(rest.len()),
                    count: rest.iter().map(|&i| counts[i]).sum(),
                });
            }
            categories
        }
        By::Joined => {
            let years: Vec<i32> = feed
                .members
                .iter()
                .filter_map(|m| m.joined.map(|d| d.year))
                .collect();
            let (Some(&first), Some(&last)) = (years.iter().min(), years.iter().max()) else {
                return Tally {
                    categories: Vec::new(),
                    members,
                    without: members,
                    tied_beyond,
                };
            };
            let mut per_year = vec![0; (last - first) as usize + 1];
            for y in &years {
                per_year[(y - first) as usize] += 1;
            }
            (first..=last)
                .zip(per_year)
                .map(|(year, count)| Category {
                    label: Label::Year(year),
                    count,
                })
                .collect()
        }
    };
    let counted = match by {
        By::Segment => (0..members).filter(|&i| table.in_a_segment(i)).count(),
        _ => categories.iter().map(|c| c.count).sum(),
    };
    let without = members - counted.min(members);
    // Kinds, regions and cities are parts of a whole; unless no member has a value at all
    // (then the chart says so), those without one are a part too.
    if matches!(by, By::Kind | By::Region | By::City) && without > 0 && counted > 0 {
        categories.push(Category {
            label: Label::Without,
            count: without,
        });
    }
    Tally {
        categories,
        members,
        without,
        tied_beyond,
    }
}

#[cfg(test)]
mod tests {
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
            tally_keeping(&f, &table, By::City, top, &keep)
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
}
