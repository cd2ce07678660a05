//! The facet table: each member's segments, kind, region and city, read once per feed, and
//! the counts a facet's values start from.

use rustc_hash::FxHashMap;

use super::{Counts, Facet, ones, set};
use crate::feed::{Feed, Kind};
use crate::search::{fold, is_word_char};
use crate::sort::{natural, sorted_indices};

/// The values each member has for each facet, built once per feed.
#[derive(Debug, Default)]
pub struct FacetTable {
    /// Distinct regions as most often written, most members first; grouped ignoring case,
    /// accents, apostrophes (’ or ') and spaces, and none for a value without a word.
    pub regions: Vec<String>,
    /// Distinct cities, likewise.
    pub cities: Vec<String>,
    pub(super) region_of: Vec<Option<usize>>,
    pub(super) city_of: Vec<Option<usize>>,
    /// Each member's segments, one bit per segment of the feed (in feed order),
    /// `segment_words` words a member: a keystroke reads them without following a pointer
    /// per member.
    segment_bits: Vec<u64>,
    pub(super) segment_words: usize,
    pub(super) kind_of: Vec<Option<Kind>>,
    /// How many segments the feed has.
    segment_count: usize,
    /// Each segment id's place in the feed (the first of a repeated id): a member's dozens
    /// of segments, in a feed of thousands, are found without a scan of them all.
    segment_place: FxHashMap<String, usize>,
    totals: Counts,
}

/// What a place is known by, whichever way it is written: folded (case and accents), and
/// its words alone, so that `L’Hospitalet` and `L'Hospitalet`, or `Santa Coloma` with a
/// no-break or a double space, are one place. Empty for a value without a word (`-`).
pub(super) fn place_key(text: &str) -> String {
    let folded = fold(text);
    let mut key = String::with_capacity(folded.len());
    for word in folded
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key
}

/// Groups the members' values of one text field: the distinct values (most frequent first,
/// then by their [`place_key`]) and each member's value index. Values of one key are one,
/// named by their most frequent spelling (of equally frequent ones, the first in feed
/// order); a value without a word is none.
fn group(values: Vec<Option<&str>>) -> (Vec<String>, Vec<Option<usize>>) {
    // Thousands of members share a few dozen values: each distinct text is keyed once.
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    let mut distinct: Vec<(&str, usize, usize)> = Vec::new(); // (text, first member, count)
    let text_of: Vec<Option<usize>> = values
        .iter()
        .enumerate()
        .map(|(member, value)| {
            let text = (*value)?.trim();
            let i = index.get(text).copied().unwrap_or_else(|| {
                index.insert(text.to_owned(), distinct.len());
                distinct.push((text, member, 0));
                distinct.len() - 1
            });
            distinct[i].2 += 1;
            Some(i)
        })
        .collect();
    let keys: Vec<String> = distinct.iter().map(|(text, ..)| place_key(text)).collect();
    let by_text = sorted_indices(distinct.len(), &|a, b| natural(&keys[a], &keys[b]));
    // Runs of equal keys are one group: (the text that names it, size).
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut group_of_text = vec![None; distinct.len()];
    let mut previous: Option<&str> = None;
    for &t in by_text.iter().filter(|&&t| !keys[t].is_empty()) {
        if previous != Some(keys[t].as_str()) {
            groups.push((t, 0));
            previous = Some(&keys[t]);
        }
        let last = groups.len() - 1;
        let (_, first, count) = distinct[t];
        let (_, named_first, named_count) = distinct[groups[last].0];
        if (count, std::cmp::Reverse(first)) > (named_count, std::cmp::Reverse(named_first)) {
            groups[last].0 = t;
        }
        groups[last].1 += count;
        group_of_text[t] = Some(last);
    }
    let by_size = sorted_indices(groups.len(), &|a, b| groups[b].1.cmp(&groups[a].1));
    let mut rank = vec![0; groups.len()];
    for (r, &g) in by_size.iter().enumerate() {
        rank[g] = r;
    }
    let names = by_size
        .iter()
        .map(|&g| distinct[groups[g].0].0.to_owned())
        .collect();
    let group_of = text_of
        .into_iter()
        .map(|t| group_of_text[t?].map(|g| rank[g]))
        .collect();
    (names, group_of)
}

impl FacetTable {
    /// Reads the facet values of every member.
    pub fn new(feed: &Feed) -> Self {
        let (regions, region_of) =
            group(feed.members.iter().map(|m| m.region.as_deref()).collect());
        let (cities, city_of) = group(feed.members.iter().map(|m| m.city.as_deref()).collect());
        let segment_words = feed.segments.len().div_ceil(64);
        let mut segment_bits = vec![0; segment_words * feed.members.len()];
        let segment_place: FxHashMap<String, usize> = feed
            .segments
            .iter()
            .enumerate()
            .rev() // the first of a repeated id
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        for (i, m) in feed.members.iter().enumerate() {
            for id in &m.segments {
                if let Some(&s) = segment_place.get(id) {
                    set(&mut segment_bits[i * segment_words..], s);
                }
            }
        }
        let mut table = FacetTable {
            regions,
            cities,
            region_of,
            city_of,
            segment_bits,
            segment_words,
            kind_of: feed.members.iter().map(|m| m.kind).collect(),
            segment_count: feed.segments.len(),
            segment_place,
            totals: Counts::default(),
        };
        let mut totals = table.no_counts();
        for i in 0..table.len() {
            table.count(i, &mut totals, 0);
        }
        table.totals = totals;
        table
    }

    /// Whether member `i` is in any segment of the feed.
    pub(crate) fn in_a_segment(&self, i: usize) -> bool {
        self.segments_of(i).iter().any(|&bits| bits != 0)
    }

    /// Member `i`'s segments, as bits.
    pub(super) fn segments_of(&self, i: usize) -> &[u64] {
        let w = self.segment_words;
        self.segment_bits
            .get(i * w..(i + 1) * w)
            .unwrap_or_default()
    }

    /// Counts member `i` in each facet that all the others let it through: `fails` has one
    /// bit per facet that keeps it out (segment, kind, region, city, from the lowest).
    #[inline(always)]
    pub(super) fn count(&self, i: usize, counts: &mut Counts, fails: u8) {
        let counts_in = |facet: u8| fails & !(1 << facet) == 0;
        if counts_in(0) {
            for s in ones(self.segments_of(i)) {
                counts.segments[s] += 1;
            }
        }
        if counts_in(1)
            && let Some(k) = self.kind_of[i]
        {
            counts.kinds[k.index()] += 1;
        }
        if counts_in(2)
            && let Some(r) = self.region_of[i]
        {
            counts.regions[r] += 1;
        }
        if counts_in(3)
            && let Some(c) = self.city_of[i]
        {
            counts.cities[c] += 1;
        }
    }

    pub(super) fn segment_position(&self, id: &str) -> Option<usize> {
        self.segment_place.get(id).copied()
    }

    /// The number of members in the table.
    pub fn len(&self) -> usize {
        self.kind_of.len()
    }

    /// Whether the table has no members.
    pub fn is_empty(&self) -> bool {
        self.kind_of.is_empty()
    }

    /// How many members have each value of each facet (a member in two segments counts in
    /// both): the counts with nothing chosen.
    pub fn totals(&self) -> &Counts {
        &self.totals
    }

    /// A zero for each value of each facet.
    pub(super) fn no_counts(&self) -> Counts {
        Counts {
            segments: vec![0; self.segment_count],
            kinds: [0; 4],
            regions: vec![0; self.regions.len()],
            cities: vec![0; self.cities.len()],
        }
    }

    /// Whether any member has a value for `facet`.
    pub fn has(&self, facet: Facet) -> bool {
        match facet {
            Facet::Segment => self.segment_count > 0,
            Facet::Kind => self.kind_of.iter().any(Option::is_some),
            Facet::Region => !self.regions.is_empty(),
            Facet::City => !self.cities.is_empty(),
        }
    }
}
