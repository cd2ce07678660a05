//! The directory's pure logic: a search index built once per feed, and filtering.

use crate::feed::Feed;
use crate::i18n::{Lang, intl::sort_by_collation};
use crate::search::{fold, matches_all_words};

/// Folded searchable text per member, built once when the feed loads so that a keystroke
/// allocates nothing per member.
#[derive(Debug, Default)]
pub struct SearchIndex {
    haystacks: Vec<String>,
}

impl SearchIndex {
    /// Indexes name, description (every language), city, region and tags of each member.
    pub fn new(feed: &Feed) -> Self {
        let haystacks = feed
            .members
            .iter()
            .map(|m| {
                let mut text = String::new();
                let mut add = |s: &str| {
                    text.push_str(&fold(s));
                    text.push('\u{1F}');
                };
                m.name.variants().for_each(&mut add);
                m.description
                    .iter()
                    .flat_map(|d| d.variants())
                    .for_each(&mut add);
                m.city
                    .iter()
                    .chain(&m.region)
                    .chain(&m.tags)
                    .for_each(|s| add(s));
                text
            })
            .collect();
        SearchIndex { haystacks }
    }

    /// Whether member `i` matches every word of an already folded query.
    pub fn matches(&self, i: usize, folded_query: &str) -> bool {
        self.haystacks
            .get(i)
            .is_some_and(|h| matches_all_words(h, folded_query))
    }
}

/// Member indexes sorted by name in `lang`'s collation.
pub fn name_order(feed: &Feed, lang: Lang) -> Vec<usize> {
    let fallback = feed.cluster.default_language.as_str();
    let mut order: Vec<usize> = (0..feed.members.len()).collect();
    sort_by_collation(lang, &mut order, |&i| {
        feed.members[i].name.resolve(lang.tag(), fallback)
    });
    order
}

/// The choices a visitor made.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// The search box, as typed.
    pub query: String,
    /// Selected segment ids: a member in any of them matches.
    pub segments: Vec<String>,
}

/// The members of `order` that match `filter`, in that order, and for each segment of the
/// feed how many members the search alone would leave in it (the count a visitor gets by
/// ticking only that segment).
///
/// `index` may be `None` when the query is blank: every member then matches it.
pub fn apply(
    feed: &Feed,
    index: Option<&SearchIndex>,
    order: &[usize],
    filter: &Filter,
) -> (Vec<usize>, Vec<usize>) {
    let query = fold(&filter.query);
    let mut counts = vec![0; feed.segments.len()];
    let mut results = Vec::new();
    for &i in order {
        if index.is_some_and(|index| !index.matches(i, &query)) {
            continue;
        }
        let member = &feed.members[i];
        for (count, segment) in counts.iter_mut().zip(&feed.segments) {
            if member.segments.contains(&segment.id) {
                *count += 1;
            }
        }
        if filter.segments.is_empty() || member.segments.iter().any(|s| filter.segments.contains(s))
        {
            results.push(i);
        }
    }
    (results, counts)
}

/// Up to two initials of a name, for a member without a logo (`Algam Ibérica` gives `AI`).
pub fn initials(name: &str) -> String {
    // Any character but punctuation can start a word (letters of every script, digits):
    // checked without the Unicode tables of `char::is_alphanumeric` and `to_uppercase`.
    let starts_word = |c: &char| {
        !c.is_ascii_punctuation() && !matches!(c, '«' | '»' | '“' | '”' | '‘' | '’' | '·')
    };
    name.split_whitespace()
        .filter_map(|w| w.chars().find(starts_word))
        .take(2)
        .map(crate::search::upper)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::{Member, Segment, Text};

    fn feed() -> Feed {
        let member = |id: &str, name: &str, segments: &[&str], city: &str| Member {
            segments: segments.iter().map(|s| (*s).to_owned()).collect(),
            city: Some(city.to_owned()),
            ..Member::new(id, name)
        };
        Feed {
            segments: vec![
                Segment::new("production", "Production"),
                Segment::new("post-production", "Post-production"),
            ],
            members: vec![
                member("algam", "Algam Ibérica", &["production"], "Barcelona"),
                member("sonilab", "Sonilab", &["post-production"], "Barcelona"),
                member(
                    "faro",
                    "Produccións Faro",
                    &["production", "post-production"],
                    "Vigo",
                ),
                Member {
                    description: Some(Text::from([
                        ("en", "Dubbing studio"),
                        ("ca", "Estudi de doblatge"),
                    ])),
                    ..member("dub", "Veus", &[], "Girona")
                },
            ],
            ..Feed::default()
        }
    }

    #[test]
    fn search_ignores_case_and_accents_and_needs_every_word() {
        let feed = feed();
        let index = SearchIndex::new(&feed);
        let order: Vec<usize> = (0..4).collect();
        let names = |query: &str| {
            let (found, _) = apply(
                &feed,
                Some(&index),
                &order,
                &Filter {
                    query: query.into(),
                    segments: vec![],
                },
            );
            found
                .iter()
                .map(|&i| feed.members[i].id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(names("iberica"), ["algam"]);
        assert_eq!(names("PRODUCCIONS"), ["faro"]);
        assert_eq!(names("barcelona"), ["algam", "sonilab"]);
        assert_eq!(names("barcelona sonil"), ["sonilab"]);
        assert_eq!(
            names("doblatge"),
            ["dub"],
            "descriptions match in any language"
        );
        assert_eq!(names("dubbing girona"), ["dub"]);
        assert!(names("girona vigo").is_empty());
        assert_eq!(names("  ").len(), 4, "a blank query matches everyone");
        let all = Filter {
            query: String::new(),
            segments: vec![],
        };
        assert_eq!(
            apply(&feed, None, &order, &all).0,
            [0, 1, 2, 3],
            "no index needed for a blank query"
        );
    }

    #[test]
    fn segments_widen_within_and_counts_ignore_their_own_choice() {
        let feed = feed();
        let index = SearchIndex::new(&feed);
        let order: Vec<usize> = (0..4).collect();
        let filter = Filter {
            query: String::new(),
            segments: vec!["post-production".into()],
        };
        let (found, counts) = apply(&feed, Some(&index), &order, &filter);
        assert_eq!(found, [1, 2]);
        assert_eq!(
            counts,
            [2, 2],
            "ticking production would give 2, post-production 2"
        );
        let filter = Filter {
            query: "barcelona".into(),
            segments: vec!["production".into(), "post-production".into()],
        };
        let (found, counts) = apply(&feed, Some(&index), &order, &filter);
        assert_eq!(found, [0, 1]);
        assert_eq!(counts, [1, 1]);
    }

    #[test]
    fn initials_take_the_first_letters_of_two_words() {
        assert_eq!(initials("Algam Ibérica"), "AI");
        assert_eq!(initials("Sonilab"), "S");
        assert_eq!(initials("ésser (Estudis) Reus"), "ÉE");
        assert_eq!(initials(""), "");
    }
}
