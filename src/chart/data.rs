//! What a chart counts: members per segment, kind, region, city or year of joining.

use crate::directory::model::{Counts, Facet, FacetTable};
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

    /// The directory facet whose values this dimension's categories are (a linked
    /// directory's choices in it); none for [`By::Joined`], which no facet has.
    pub fn facet(self) -> Option<Facet> {
        match self {
            By::Segment => Some(Facet::Segment),
            By::Kind => Some(Facet::Kind),
            By::Region => Some(Facet::Region),
            By::City => Some(Facet::City),
            By::Joined => None,
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
    /// Every drawing, in the order the attribute's documentation lists them.
    pub const ALL: &'static [Shape] = &[Shape::Bar, Shape::Column, Shape::Donut];

    /// The attribute value naming this drawing.
    pub fn id(self) -> &'static str {
        match self {
            Shape::Bar => "bar",
            Shape::Column => "column",
            Shape::Donut => "donut",
        }
    }

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
    /// Members counted: in the feed, or [`Within::members`].
    pub members: usize,
    /// Whether they are fewer than the feed's: a linked directory's search or choices leave
    /// out the others.
    pub narrowed: bool,
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

/// [`tally_keeping`] with nothing kept, of the whole feed: the tests' shorthand.
#[cfg(test)]
pub fn tally(feed: &Feed, table: &FacetTable, by: By, top: usize) -> Tally {
    tally_keeping(feed, table, by, top, &[], None)
}

/// The members a linked chart counts while its directory has a search or choices: those
/// they leave, the choices of the chart's own dimension aside, as the directory counts a
/// facet's values (a bar gives as many members as it shows).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Within {
    /// Their indexes in the feed.
    pub members: Vec<usize>,
    /// Their counts for each facet value.
    pub counts: Counts,
}

/// The members counted, by index: those `within` leaves, or every member of `feed`.
fn counted<'a>(feed: &Feed, within: Option<&'a Within>) -> impl Iterator<Item = usize> + 'a {
    let (some, every) = match within {
        Some(w) => (Some(w.members.iter().copied()), None),
        None => (None, Some(0..feed.members.len())),
    };
    some.into_iter()
        .flatten()
        .chain(every.into_iter().flatten())
}

/// Counts the members of `feed` by `by`. Regions and cities beyond the `top` largest go
/// into one [`Label::Others`] category (unless that would hold a single place); the places
/// named in `keep` (a linked directory's choices) are drawn on their own even beyond the
/// `top` largest, after them: a choice never hides among the others. Only the members
/// `within` are counted, if given: the places are then those largest among them (drawn
/// empty, as the directory offers them disabled, only where fewer have members), and the
/// others count only the places that have some.
pub(crate) fn tally_keeping(
    feed: &Feed,
    table: &FacetTable,
    by: By,
    top: usize,
    keep: &[String],
    within: Option<&Within>,
) -> Tally {
    let members = within.map_or(feed.members.len(), |w| w.members.len());
    let totals = within.map_or(table.totals(), |w| &w.counts);
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
            // Places come most members first (the table's order, by the whole feed's), the
            // `top` largest, then those kept.
            let mut order: Vec<usize> = (0..names.len()).collect();
            if within.is_some() {
                // Stable: equal counts keep the table's order.
                order.sort_by(|&a, &b| counts[b].cmp(&counts[a]));
            }
            let (drawn, rest): (Vec<(usize, &usize)>, Vec<_>) = (order.iter().enumerate())
                .partition(|&(at, &i)| at < top || keep.contains(&names[i]));
            let mut drawn: Vec<usize> = drawn.into_iter().map(|(_, &i)| i).collect();
            let mut rest: Vec<usize> = (rest.into_iter())
                .map(|(_, &i)| i)
                .filter(|&i| within.is_none() || counts[i] > 0)
                .collect();
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
                // The others with as many members as the largest place drawn.
                let largest = drawn.iter().map(|&i| counts[i]).max().unwrap_or(0);
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
            let years: Vec<i32> = counted(feed, within)
                .filter_map(|i| feed.members.get(i)?.joined.map(|d| d.year))
                // A feed built in Rust is not read: a year no member can have joined in
                // (a typo, `Date`'s extremes) would make a column for every year between.
                .filter(|y| crate::feed::YEARS.contains(y))
                .collect();
            let (Some(&first), Some(&last)) = (years.iter().min(), years.iter().max()) else {
                return Tally {
                    categories: Vec::new(),
                    members,
                    narrowed: members < feed.members.len(),
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
        By::Segment => counted(feed, within)
            .filter(|&i| table.in_a_segment(i))
            .count(),
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
        narrowed: members < feed.members.len(),
        without,
        tied_beyond,
    }
}

#[cfg(test)]
mod tests;
