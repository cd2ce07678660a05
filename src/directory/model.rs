//! The directory's pure logic: what is built once per feed (the search index, the facet
//! table, the orders) and what runs per keystroke or click (search, disjunctive facet
//! counts, pages). No DOM and no `Intl` here except collation, so it is tested natively.

use crate::feed::{Feed, Kind};
use crate::i18n::{Lang, intl::collation_order};
use crate::search::Query;
use crate::sort::sorted_indices;

mod facets;
mod filter;
mod index;
pub use facets::FacetTable;
pub use filter::Filter;
pub use index::{SearchIndex, WordsBuilder};

// Bit sets in `u64` words: the search index's word starts, members' and ticked segments.

/// Whether bit `bit` of `words` is set (unset past the end).
// Inlined by hand, as the size-tuned build would not: it runs once per member and word of
// every keystroke.
#[inline(always)]
fn has(words: &[u64], bit: usize) -> bool {
    words
        .get(bit / 64)
        .is_some_and(|w| w >> (bit % 64) & 1 == 1)
}

/// Sets bit `bit` of `words`.
#[inline(always)]
fn set(words: &mut [u64], bit: usize) {
    words[bit / 64] |= 1 << (bit % 64);
}

/// The set bits of `words`, lowest first.
#[inline(always)]
fn ones(words: &[u64]) -> Ones<'_> {
    Ones {
        words,
        at: 0,
        bits: words.first().copied().unwrap_or(0),
    }
}

/// See [`ones`]: the word at `at`, with the bits already given cleared.
struct Ones<'a> {
    words: &'a [u64],
    at: usize,
    bits: u64,
}

impl Iterator for Ones<'_> {
    type Item = usize;

    #[inline(always)]
    fn next(&mut self) -> Option<usize> {
        while self.bits == 0 {
            self.at += 1;
            self.bits = *self.words.get(self.at)?;
        }
        let bit = self.bits.trailing_zeros() as usize;
        self.bits &= self.bits - 1;
        Some(self.at * 64 + bit)
    }
}

/// Member indexes sorted by name in `lang`'s collation.
pub fn name_order(feed: &Feed, lang: Lang) -> Vec<usize> {
    let fallback = feed.cluster.default_language.as_str();
    let names: Vec<&str> = feed
        .members
        .iter()
        .map(|m| m.name.resolve(lang.tag(), fallback))
        .collect();
    collation_order(lang, &names)
}

/// Member indexes newest first (by `joined`; members without it last), ties in `by_name`.
pub(crate) fn newest_order(feed: &Feed, by_name: &[usize]) -> Vec<usize> {
    let joined = |pos: usize| feed.members[by_name[pos]].joined;
    sorted_indices(by_name.len(), &|a, b| joined(b).cmp(&joined(a)))
        .into_iter()
        .map(|pos| by_name[pos])
        .collect()
}

/// One of the directory's facets, for [`Filter::toggle`] and [`Filter::is_chosen`].
///
/// ```
/// use clusterkit::{Facet, Filter};
/// let mut choices = Filter::default();
/// choices.toggle(Facet::Segment, "animation");
/// assert!(choices.is_chosen(Facet::Segment, "animation"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Facet {
    /// The segments a member works in (a member can be in several).
    Segment,
    /// SME, large company, research or other.
    Kind,
    /// The member's region.
    Region,
    /// The member's city.
    City,
}

/// How the results are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Sort {
    /// By name, in the visitor's language's collation.
    #[default]
    Name,
    /// Newest member first.
    Newest,
    /// Best match first while a search is typed (by name otherwise).
    Relevance,
}

impl Sort {
    /// All orders, as offered to the visitor.
    pub const ALL: &'static [Sort] = &[Sort::Name, Sort::Newest, Sort::Relevance];

    /// The id used by the `sort` attribute and the page URL.
    pub fn id(self) -> &'static str {
        match self {
            Sort::Name => "name",
            Sort::Newest => "joined",
            Sort::Relevance => "relevance",
        }
    }

    /// The order with this id.
    pub fn from_id(id: &str) -> Option<Sort> {
        Sort::ALL.iter().copied().find(|s| s.id() == id.trim())
    }
}

/// How the results are laid out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Layout {
    /// Cards in a grid: logo, name, segments, city.
    #[default]
    Grid,
    /// A compact list, one member per row.
    List,
}

impl Layout {
    /// Both layouts, as offered to the visitor.
    pub const ALL: &'static [Layout] = &[Layout::Grid, Layout::List];

    /// The id used by the `view` attribute.
    pub fn id(self) -> &'static str {
        match self {
            Layout::Grid => "grid",
            Layout::List => "list",
        }
    }

    /// The layout with this id.
    pub fn from_id(id: &str) -> Option<Layout> {
        Layout::ALL.iter().copied().find(|l| l.id() == id.trim())
    }
}

/// For each value of each facet, how many results ticking it would give.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Per segment of the feed, in feed order.
    pub segments: Vec<usize>,
    /// Per kind, in [`Kind::ALL`] order.
    pub kinds: [usize; 4],
    /// Per value of [`FacetTable::regions`].
    pub regions: Vec<usize>,
    /// Per value of [`FacetTable::cities`].
    pub cities: Vec<usize>,
}

impl Counts {
    /// The count of `value` (an id, a kind's id, a region or a city as the table writes it)
    /// of `facet`; 0 for one the table does not have.
    pub fn of(&self, table: &FacetTable, facet: Facet, value: &str) -> usize {
        match facet {
            Facet::Segment => table.segment_position(value).map(|k| self.segments[k]),
            Facet::Kind => Kind::from_id(value).map(|k| self.kinds[k.index()]),
            Facet::Region => value_position(&table.regions, value).map(|k| self.regions[k]),
            Facet::City => value_position(&table.cities, value).map(|k| self.cities[k]),
        }
        .unwrap_or(0)
    }
}

/// What the visitor sees for a filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Matching members, in display order.
    pub results: Vec<usize>,
    /// Facet counts, computed for each facet as if its own choices were unset.
    pub counts: Counts,
    /// The search, as matched (for highlighting): [tolerant](Query::tolerant) when no member
    /// matched it as typed.
    pub query: Query,
    /// The members the search alone matched, in the order given (empty without a search).
    pub searched: Vec<usize>,
}

/// Which values of a facet are ticked, by value index, or `None` when none is (the facet
/// then lets every member through).
fn ticked(len: usize, chosen: impl Iterator<Item = Option<usize>>) -> Option<Vec<bool>> {
    let mut ticked = vec![false; len];
    let mut any = false;
    for i in chosen.flatten() {
        ticked[i] = true;
        any = true;
    }
    any.then_some(ticked)
}

/// Where a ticked region or city is among a facet's `values`, which group spellings of one
/// [`place_key`](facets::place_key) (`Vigo` and `VIGO `).
fn value_position(values: &[String], v: &str) -> Option<usize> {
    let v = facets::place_key(v);
    values.iter().position(|x| facets::place_key(x) == v)
}

/// Runs `filter` over the members in `order`: the results in that order (or by relevance,
/// when asked and a search is typed) and the disjunctive facet counts.
///
/// `index` may be `None` when the search is blank: every member then matches it.
///
/// `previous` is the outcome of the last run over the same `order`: when the search only
/// grew (the visitor typed on), only the members its search matched are tested again.
// Built for speed where the bundle is built on nightly (for size otherwise): a keystroke
// runs it over every member, and it then takes half the time in V8.
#[cfg_attr(clusterkit_nightly, optimize(speed))]
pub fn apply(
    table: &FacetTable,
    index: Option<&SearchIndex>,
    order: &[usize],
    filter: &Filter,
    by_relevance: bool,
    previous: Option<&Outcome>,
) -> Outcome {
    let mut query = Query::new(&filter.query);
    let everyone = order;
    let order = match previous {
        Some(previous) if !previous.query.is_empty() && query.refines(&previous.query) => {
            &previous.searched[..]
        }
        _ => order,
    };
    // The search first, in one tight pass; then the facets over its matches.
    let searched = match index {
        _ if query.is_empty() => Vec::new(),
        Some(index) => index.search(order, &query),
        None => order.to_vec(),
    };
    // A search that matches no member as typed is run again with its typos forgiven, over
    // every member (a word of four letters may have one, where three had none).
    let mut near = Vec::new();
    if searched.is_empty()
        && !query.is_empty()
        && let Some(index) = index
    {
        let tolerant = query.tolerant();
        near = index.search(everyone, &tolerant);
        if !near.is_empty() {
            query = tolerant;
        }
    }
    let candidates = if query.is_empty() {
        order
    } else if query.is_tolerant() {
        &near
    } else {
        &searched
    };
    // Ticked values as lookup tables. A tick that names no value (from a stale link) lets
    // nobody through its facet; its chip still shows, so the visitor can remove it.
    let mut segments = vec![0_u64; table.segment_words];
    for s in filter
        .segments
        .iter()
        .filter_map(|id| table.segment_position(id))
    {
        set(&mut segments, s);
    }
    let kinds = ticked(4, filter.kinds.iter().map(|k| Some(k.index())));
    let regions = ticked(
        table.regions.len(),
        filter
            .regions
            .iter()
            .map(|r| value_position(&table.regions, r)),
    );
    let cities = ticked(
        table.cities.len(),
        filter
            .cities
            .iter()
            .map(|c| value_position(&table.cities, c)),
    );
    let mut counts = table.no_counts();
    let mut results = Vec::with_capacity(candidates.len());

    for &i in candidates {
        let passes = |ticked: &Option<Vec<bool>>, chosen: usize, value: Option<usize>| match ticked
        {
            None => chosen == 0,
            Some(t) => value.is_some_and(|v| t[v]),
        };
        // One bit per facet that keeps member `i` out, in the order of `FacetTable::count`.
        let fails = u8::from(
            !filter.segments.is_empty()
                && !table
                    .segments_of(i)
                    .iter()
                    .zip(&segments)
                    .any(|(member, ticked)| member & ticked != 0),
        ) | u8::from(!passes(
            &kinds,
            filter.kinds.len(),
            table.kind_of[i].map(Kind::index),
        )) << 1
            | u8::from(!passes(&regions, filter.regions.len(), table.region_of[i])) << 2
            | u8::from(!passes(&cities, filter.cities.len(), table.city_of[i])) << 3;
        // A member counts in a facet when every other facet lets it through.
        table.count(i, &mut counts, fails);
        if fails == 0 {
            results.push(i);
        }
    }
    if by_relevance
        && !query.is_empty()
        && let Some(index) = index
    {
        // Scores are a few small numbers: a counting sort, highest first, keeps the given
        // order among equals in two passes, without a comparison sort.
        let scores: Vec<usize> = results
            .iter()
            .map(|&i| index.relevance(i, &query))
            .collect();
        let best = scores.iter().copied().max().unwrap_or(0);
        // Where each score's members begin, best first.
        let mut next = vec![0; best + 1];
        for &s in &scores {
            next[best - s] += 1;
        }
        let mut at = 0;
        for n in &mut next {
            (*n, at) = (at, at + *n);
        }
        let mut ranked = vec![0; results.len()];
        for (&i, &s) in results.iter().zip(&scores) {
            ranked[next[best - s]] = i;
            next[best - s] += 1;
        }
        results = ranked;
    }
    Outcome {
        results,
        counts,
        query,
        searched,
    }
}

/// How many pages `results` members make at `page_size` per page (at least one).
pub(crate) fn page_count(results: usize, page_size: usize) -> usize {
    results.div_ceil(page_size.max(1)).max(1)
}

/// The page links to show for page `current` of `count` (1-based): the first, the last,
/// the current one and its neighbours, `None` marking a gap. Always at most seven items,
/// so the bar keeps its width as the visitor pages.
pub(crate) fn page_items(current: usize, count: usize) -> Vec<Option<usize>> {
    let current = current.clamp(1, count.max(1));
    if count <= 7 {
        return (1..=count).map(Some).collect();
    }
    let mut items = vec![Some(1)];
    if current <= 4 {
        items.extend((2..=5).map(Some));
        items.push(None);
    } else if current >= count - 3 {
        items.push(None);
        items.extend((count - 4..count).map(Some));
    } else {
        items.push(None);
        items.extend((current - 1..=current + 1).map(Some));
        items.push(None);
    }
    items.push(Some(count));
    items
}

/// Up to two initials of a name, for a member without a logo (`Algam Ibérica` gives `AI`).
pub(crate) fn initials(name: &str) -> String {
    // The first character of each word that can begin one: not punctuation (so not the
    // middle dot either, which only joins `l·l`), nor a symbol or an emoji (half of a
    // family emoji's joined sequence would show as another).
    let starts_word = |c: &char| {
        crate::search::is_word_char(*c)
            && !matches!(
                c,
                '·' | '\u{2000}'..='\u{2BFF}' | '\u{FE00}'..='\u{FE0F}' | '\u{1F000}'..='\u{1FAFF}'
            )
    };
    // Past the first word, the little words of Catalan, Spanish, Galician and English names
    // are passed over ("Centre de Formació" gives `CF`, "Blanco y Negro" `BN`), and an
    // elided article or "de" gives the letter after its apostrophe ("de l’Empordà", `E`).
    const LITTLE: [&str; 23] = [
        "de", "del", "dels", "la", "las", "les", "los", "el", "els", "i", "y", "e", "do", "da",
        "dos", "das", "of", "the", "and", "&", "a", "o", "en",
    ];
    name.split_whitespace()
        .enumerate()
        .filter(|(k, w)| *k == 0 || !LITTLE.iter().any(|l| w.eq_ignore_ascii_case(l)))
        .filter_map(|(_, w)| {
            let w = match w.split_once(['’', '\'']) {
                Some(("d" | "l" | "D" | "L", rest)) => rest,
                _ => w,
            };
            w.chars().find(starts_word)
        })
        .take(2)
        .map(crate::search::upper)
        .collect()
}

#[cfg(test)]
mod tests;
