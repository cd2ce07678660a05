//! The visitor's choices in a directory ([`Filter`]): what they tick and type, and how they
//! are written in a URL.

use super::{Facet, FacetTable, value_position};
use crate::feed::Kind;

/// The visitor's choices: a search and, per facet, the values ticked. Values within a facet
/// widen the results (OR); facets narrow them (AND).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// The search box, as typed.
    pub query: String,
    /// Ticked segment ids.
    pub segments: Vec<String>,
    /// Ticked kinds.
    pub kinds: Vec<Kind>,
    /// Ticked regions, as the facet lists them.
    pub regions: Vec<String>,
    /// Ticked cities, as the facet lists them.
    pub cities: Vec<String>,
}

impl Filter {
    /// How many facet values are ticked (the search not counted).
    pub fn choice_count(&self) -> usize {
        self.segments.len() + self.kinds.len() + self.regions.len() + self.cities.len()
    }

    /// Whether there is anything to clear: a search or a ticked value.
    pub fn is_active(&self) -> bool {
        !self.query.trim().is_empty() || self.choice_count() > 0
    }

    /// Whether `value` (a segment id, kind id, region or city) is ticked in `facet`.
    pub fn is_chosen(&self, facet: Facet, value: &str) -> bool {
        match facet {
            Facet::Segment => self.segments.iter().any(|s| s == value),
            Facet::Kind => Kind::from_id(value).is_some_and(|k| self.kinds.contains(&k)),
            Facet::Region => self.regions.iter().any(|s| s == value),
            Facet::City => self.cities.iter().any(|s| s == value),
        }
    }

    /// The choices as a directory's `sync_url` parameter writes them (`q:vigo;seg:animation`),
    /// for an app's own router query or storage: empty when nothing is chosen, and
    /// percent-encoded, so that it goes into a URL as it is.
    ///
    /// ```
    /// use clusterkit::{Facet, Filter};
    /// let mut choices = Filter { query: "vigo".into(), ..Filter::default() };
    /// choices.toggle(Facet::Segment, "animation");
    /// choices.toggle(Facet::City, "A Coruña");
    /// let written = choices.to_url_value();
    /// assert_eq!(written, "q:vigo;seg:animation;city:A%20Coru%C3%B1a");
    /// assert_eq!(Filter::from_url_value(&written), choices);
    /// ```
    pub fn to_url_value(&self) -> String {
        crate::directory::url::encode(&crate::directory::url::UrlState {
            filter: self.clone(),
            ..Default::default()
        })
    }

    /// The choices [`Filter::to_url_value`] wrote, or a shared `sync_url` link's (its
    /// order, page and open profile aside); a part it cannot read is left out.
    pub fn from_url_value(value: &str) -> Filter {
        crate::directory::url::decode(value).filter
    }

    /// Unticks every value of `facet`.
    ///
    /// ```
    /// use clusterkit::{Facet, Filter};
    /// let mut choices = Filter::default();
    /// choices.toggle(Facet::City, "Vigo");
    /// choices.toggle(Facet::Segment, "animation");
    /// choices.clear(Facet::City);
    /// assert!(!choices.is_chosen(Facet::City, "Vigo"));
    /// assert!(choices.is_chosen(Facet::Segment, "animation"));
    /// ```
    pub fn clear(&mut self, facet: Facet) {
        match facet {
            Facet::Segment => self.segments.clear(),
            Facet::Kind => self.kinds.clear(),
            Facet::Region => self.regions.clear(),
            Facet::City => self.cities.clear(),
        }
    }

    /// The ticked regions or cities, for [`Facet::Region`] or [`Facet::City`]; none for the
    /// facets whose values are ids.
    pub(crate) fn places(&self, facet: Facet) -> &[String] {
        match facet {
            Facet::Region => &self.regions,
            Facet::City => &self.cities,
            Facet::Segment | Facet::Kind => &[],
        }
    }

    /// This filter without the ticks that name no value of `table`: a shared link's choices
    /// once the feed has changed (a segment gone, a city no member has any more), which would
    /// let nobody through and show as chips of bare ids. Regions and cities are written as
    /// the table writes them.
    pub(crate) fn known_to(mut self, table: &FacetTable) -> Filter {
        self.segments
            .retain(|id| table.segment_position(id).is_some());
        // Each as the table writes it (a link's `barcelona` is its `Barcelona`), once.
        let known = |chosen: Vec<String>, values: &[String]| {
            let mut known: Vec<String> = Vec::with_capacity(chosen.len());
            for v in chosen {
                if let Some(i) = value_position(values, &v)
                    && !known.contains(&values[i])
                {
                    known.push(values[i].clone());
                }
            }
            known
        };
        self.regions = known(self.regions, &table.regions);
        self.cities = known(self.cities, &table.cities);
        self
    }

    /// Ticks `value` in `facet`, or unticks it if it was ticked.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        fn flip(list: &mut Vec<String>, value: &str) {
            match list.iter().position(|v| v == value) {
                Some(i) => {
                    list.remove(i);
                }
                None => list.push(value.to_owned()),
            }
        }
        match facet {
            Facet::Segment => flip(&mut self.segments, value),
            Facet::Region => flip(&mut self.regions, value),
            Facet::City => flip(&mut self.cities, value),
            Facet::Kind => {
                if let Some(kind) = Kind::from_id(value) {
                    match self.kinds.iter().position(|k| *k == kind) {
                        Some(i) => {
                            self.kinds.remove(i);
                        }
                        None => self.kinds.push(kind),
                    }
                }
            }
        }
    }
}
