//! The search index: each member's folded text, and the word starts that answer the first
//! keystrokes of a search without reading it.

use crate::feed::Feed;
use crate::search::{Query, fold, is_word_char};

/// Folded searchable text per member, built once per feed so that a keystroke allocates
/// nothing per member.
#[derive(Debug, Default)]
pub struct SearchIndex {
    /// Name (every language), description (every language), city, region and tags,
    /// folded and separated by U+001F.
    haystacks: Vec<String>,
    /// Where the name part of each haystack ends.
    name_ends: Vec<usize>,
    /// Which word starts each haystack has (see [`start_bit`]): the first keystrokes of a
    /// search, which match most members, are answered from these bits without reading text.
    starts: Vec<Starts>,
    /// The first characters (by [`alnum`]) of the words of each name, which rank the
    /// matches of a first keystroke by relevance without reading the names.
    name_initials: Vec<u64>,
}

/// One bit per word start: a first letter or digit (36 of them) followed by a second one or
/// by anything else (37 each), then one bit per first character alone.
type Starts = [u64; (36 * 37 + 36usize).div_ceil(64)];

/// `a`-`z` and `0`-`9` as 0 to 35: what folded words start with.
#[inline(always)]
fn alnum(b: u8) -> Option<usize> {
    match b {
        b'a'..=b'z' => Some(usize::from(b - b'a')),
        b'0'..=b'9' => Some(26 + usize::from(b - b'0')),
        _ => None,
    }
}

/// The bit a haystack word starting with `word` has set, and whether the bit alone decides
/// that `word` matches (a last, prefix word of one or two such characters); `None` when the
/// bits cannot tell (a word starting with another character).
fn start_bit(word: &str, prefix: bool) -> Option<(usize, bool)> {
    let b = word.as_bytes();
    let first = alnum(*b.first()?)?;
    Some(match b.get(1).map(|&c| alnum(c)) {
        None => (36 * 37 + first, prefix),
        Some(Some(second)) => (first * 37 + second, prefix && b.len() == 2),
        Some(None) => (first * 37 + 36, false),
    })
}

// Inlined by hand, as the size-tuned build would not: it runs once per member and word of
// every keystroke.
#[inline(always)]
fn has(starts: &Starts, bit: usize) -> bool {
    starts[bit / 64] >> (bit % 64) & 1 == 1
}

/// The word starts of a folded haystack, words split as [`Query`] splits them.
fn word_starts(haystack: &str) -> Starts {
    let mut starts = Starts::default();
    let mut set = |bit: usize| starts[bit / 64] |= 1 << (bit % 64);
    for word in haystack.split(|c: char| !is_word_char(c)) {
        let b = word.as_bytes();
        if let Some(first) = b.first().copied().and_then(alnum) {
            set(36 * 37 + first);
            set(first * 37 + b.get(1).copied().and_then(alnum).unwrap_or(36));
        }
    }
    starts
}

/// The first characters (by [`alnum`]) of the words of a folded text, one bit each: the
/// one-character bits of its [`word_starts`].
fn initials(text: &str) -> u64 {
    let starts = word_starts(text);
    (0..36)
        .filter(|&c| has(&starts, 36 * 37 + c))
        .fold(0, |bits, c| bits | 1 << c)
}

impl SearchIndex {
    /// Indexes name, description, city, region and tags of each member.
    pub fn new(feed: &Feed) -> Self {
        fn add(text: &mut String, s: &str) {
            text.push_str(&fold(s));
            text.push('\u{1F}');
        }
        let mut name_ends = Vec::with_capacity(feed.members.len());
        let haystacks: Vec<String> = feed
            .members
            .iter()
            .map(|m| {
                let mut text = String::new();
                m.name.variants().for_each(|s| add(&mut text, s));
                name_ends.push(text.len());
                m.description
                    .iter()
                    .flat_map(|d| d.variants())
                    .chain(m.city.as_deref())
                    .chain(m.region.as_deref())
                    .chain(m.tags.iter().map(String::as_str))
                    .for_each(|s| add(&mut text, s));
                text
            })
            .collect();
        let name_initials = haystacks
            .iter()
            .zip(&name_ends)
            .map(|(h, &end)| initials(&h[..end]))
            .collect();
        SearchIndex {
            starts: haystacks.iter().map(|h| word_starts(h)).collect(),
            haystacks,
            name_ends,
            name_initials,
        }
    }

    /// Whether member `i` matches every word of `query`.
    pub fn matches(&self, i: usize, query: &Query) -> bool {
        let (Some(haystack), Some(starts)) = (self.haystacks.get(i), self.starts.get(i)) else {
            return false;
        };
        let last = query.words().len().saturating_sub(1);
        query.words().iter().enumerate().all(|(k, word)| {
            let prefix = k == last;
            match start_bit(word, prefix) {
                Some((bit, _)) if !has(starts, bit) => false,
                Some((_, true)) => true,
                _ => Query::word_at(haystack, word, prefix).is_some(),
            }
        })
    }

    /// How well member `i` matches: words found in its name count double, and a name that
    /// begins with the first word gets one more.
    pub fn relevance(&self, i: usize, query: &Query) -> usize {
        let (Some(haystack), Some(&end)) = (self.haystacks.get(i), self.name_ends.get(i)) else {
            return 0;
        };
        let initials = self.name_initials.get(i).copied().unwrap_or(0);
        let words = query.words();
        let last = words.len().saturating_sub(1);
        let in_name = words
            .iter()
            .enumerate()
            .filter(|&(k, word)| {
                let prefix = k == last;
                match word.bytes().next().and_then(alnum) {
                    // No word of the name starts with this word's first character.
                    Some(first) if initials >> first & 1 == 0 => false,
                    Some(_) if prefix && word.len() == 1 => true,
                    _ => haystack
                        .get(..end)
                        .is_some_and(|name| Query::word_at(name, word, prefix).is_some()),
                }
            })
            .count();
        // The name is the haystack's start, and ends at a separator no query word holds: a
        // haystack that starts with the word is a name that does.
        let starts = words
            .first()
            .is_some_and(|w| haystack.as_bytes().starts_with(w.as_bytes()));
        2 * in_name + usize::from(starts)
    }
}
