//! The search index: each member's folded text, and the word starts that answer the first
//! keystrokes of a search without reading it.

use super::{has, ones, set};
use crate::feed::Feed;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::search::{Query, fold_text, is_word_char, near};

/// The distinct words of the members' texts, each with the members that have it.
type Words = FxHashMap<Box<str>, Vec<u32>>;

/// Folded searchable text per member, built once per feed so that a keystroke allocates
/// nothing per member.
#[derive(Debug, Default)]
pub struct SearchIndex {
    /// Name (every language), description (every language), city, region, tags and the
    /// names of its segments (every language), folded and separated by U+001F.
    haystacks: Vec<String>,
    /// Where the name part of each haystack ends.
    name_ends: Vec<usize>,
    /// For each word start (see [`start_bit`]), one bit per member that has it, `row`
    /// words a start. The first keystrokes of a search, which match most members, are
    /// answered from one such row (1.25 KB for 10,000 members) without reading any text.
    with_start: Vec<u64>,
    /// The number of `u64` in a row of `with_start`.
    row: usize,
    /// The first characters (by [`alnum`]) of the words of each name, which rank the
    /// matches of a first keystroke by relevance without reading the names.
    name_initials: Vec<u64>,
    /// The first eight bytes of each haystack (of its name), zero-padded: whether a name
    /// begins with a short word is told without reading the name.
    heads: Vec<[u8; 8]>,
    /// Per member, the first three bytes of each of its words, hashed to one of 128 bits
    /// (see [`long_start_bit`]): a word of three bytes or more that a member's bit rules
    /// out is no match, and its text is not read. The third keystroke of a word ("ani"
    /// after "an", which every English description has) then reads about a third of them.
    long_starts: Vec<LongStarts>,
    /// The distinct words of the haystacks with the members that have each: a word typed
    /// with a typo is compared with each once, not with each of its occurrences (see
    /// [`SearchIndex::search`]). Made by a [`WordsBuilder`] while the page is idle, after
    /// the index (half as long again as the index would take to make them with it), else
    /// at the first search that matched no member as typed.
    words: OnceLock<Words>,
}

/// One member's hashed three-byte word starts (see [`SearchIndex::long_starts`]).
type LongStarts = [u64; 2];

/// The bit among [`LongStarts`]' 128 of a word's first three bytes, if it has three.
#[inline(always)]
fn long_start_bit(word: &[u8]) -> Option<usize> {
    let [a, b, c, ..] = *word else {
        return None;
    };
    // Fibonacci hashing: the top seven bits of the bytes times 2^32 / phi.
    Some((u32::from_le_bytes([a, b, c, 0]).wrapping_mul(0x9E37_79B9) >> 25) as usize)
}

/// One bit per word start: a first letter or digit (36 of them) followed by a second one or
/// by anything else (37 each), then one bit per first character alone.
type Starts = [u64; STARTS.div_ceil(64)];

/// The number of word starts (bits of [`Starts`]).
const STARTS: usize = 36 * 37 + 36;

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

/// How one word of a query is tested, worked out once per keystroke.
struct Word<'q> {
    text: &'q str,
    /// The last word, which may end inside a haystack word.
    prefix: bool,
    /// The word start it needs, and whether having it is enough (see [`start_bit`]).
    start: Option<(usize, bool)>,
    /// Its bit among a member's [`LongStarts`], if it has three bytes or more.
    long_start: Option<usize>,
}

fn plan(query: &Query) -> Vec<Word<'_>> {
    let last = query.words().len().saturating_sub(1);
    query
        .words()
        .iter()
        .enumerate()
        .map(|(k, text)| Word {
            text,
            prefix: k == last,
            start: start_bit(text, k == last),
            long_start: long_start_bit(text.as_bytes()),
        })
        .collect()
}

/// The word starts of a folded haystack, words split as [`Query`] splits them: by their
/// first one or two characters, and hashed by their first three bytes.
fn word_starts(haystack: &str) -> (Starts, LongStarts) {
    let mut starts = Starts::default();
    let mut long = LongStarts::default();
    for word in haystack.split(|c: char| !is_word_char(c)) {
        let b = word.as_bytes();
        if let Some(bit) = long_start_bit(b) {
            set(&mut long, bit);
        }
        if let Some(first) = b.first().copied().and_then(alnum) {
            set(&mut starts, 36 * 37 + first);
            set(
                &mut starts,
                first * 37 + b.get(1).copied().and_then(alnum).unwrap_or(36),
            );
        }
    }
    (starts, long)
}

/// The first characters (by [`alnum`]) of the words of a folded text, one bit each: the
/// one-character bits of its [`word_starts`].
fn initials(text: &str) -> u64 {
    let (starts, _) = word_starts(text);
    (0..36)
        .filter(|&c| has(&starts, 36 * 37 + c))
        .fold(0, |bits, c| bits | 1 << c)
}

impl SearchIndex {
    /// Indexes name, description, city, region, tags and segments' names of each member.
    pub fn new(feed: &Feed) -> Self {
        let mut index = Self::for_members(feed.members.len());
        index.extend(feed, || false);
        index
    }

    /// An empty index with room for `members` members, for [`SearchIndex::extend`] to fill.
    pub fn for_members(members: usize) -> Self {
        let row = members.div_ceil(64);
        SearchIndex {
            haystacks: Vec::with_capacity(members),
            name_ends: Vec::with_capacity(members),
            with_start: vec![0; STARTS * row],
            row,
            name_initials: Vec::with_capacity(members),
            heads: Vec::with_capacity(members),
            long_starts: Vec::with_capacity(members),
            words: OnceLock::new(),
        }
    }

    /// Indexes the members of `feed` after those already in, one by one, until every one is
    /// or `enough` says to stop after one; whether every one is. The index must have been
    /// made for as many members as `feed` has.
    pub fn extend(&mut self, feed: &Feed, mut enough: impl FnMut() -> bool) -> bool {
        fn add(text: &mut String, s: &str) {
            text.push_str(&fold_text(s));
            text.push('\u{1F}');
        }
        debug_assert_eq!(self.row, feed.members.len().div_ceil(64));
        for m in feed.members.iter().skip(self.haystacks.len()) {
            let i = self.haystacks.len();
            let mut text = String::new();
            m.name.variants().for_each(|s| add(&mut text, s));
            let name_end = text.len();
            m.description
                .iter()
                .flat_map(|d| d.variants())
                .chain(m.city.as_deref())
                .chain(m.region.as_deref())
                .chain(m.tags.iter().map(String::as_str))
                .for_each(|s| add(&mut text, s));
            // The names of its segments, in every language: a visitor types the name of the
            // segment they look for (`videojocs`) as often as a word of a member's own text.
            (m.segments.iter())
                .filter_map(|id| feed.segment(id))
                .flat_map(|segment| segment.name.variants())
                .for_each(|s| add(&mut text, s));
            let (starts, long) = word_starts(&text);
            for start in ones(&starts) {
                set(&mut self.with_start[start * self.row..], i);
            }
            self.long_starts.push(long);
            self.name_initials.push(initials(&text[..name_end]));
            let mut head = [0; 8];
            let n = text.len().min(8);
            head[..n].copy_from_slice(&text.as_bytes()[..n]);
            self.heads.push(head);
            self.name_ends.push(name_end);
            self.haystacks.push(text);
            if enough() {
                break;
            }
        }
        self.haystacks.len() == feed.members.len()
    }

    /// Whether member `i` has the word start `start`.
    #[inline(always)]
    fn has_start(&self, i: usize, start: usize) -> bool {
        self.with_start
            .get(start * self.row..)
            .is_some_and(|row| has(row, i))
    }

    /// Whether member `i` may have a word whose first three bytes hash to `bit` (see
    /// [`long_start_bit`]): `false` is sure, `true` needs its text read.
    #[inline(always)]
    fn may_have_long_start(&self, i: usize, bit: usize) -> bool {
        self.long_starts.get(i).is_some_and(|long| has(long, bit))
    }

    fn matches_words(&self, i: usize, words: &[Word]) -> bool {
        words.iter().all(|word| match word.start {
            Some((start, _)) if !self.has_start(i, start) => false,
            Some((_, true)) => true,
            _ => {
                word.long_start
                    .is_none_or(|bit| self.may_have_long_start(i, bit))
                    && self
                        .haystacks
                        .get(i)
                        .is_some_and(|h| Query::word_at(h, word.text, word.prefix).is_some())
            }
        })
    }

    /// Whether member `i` matches every word of `query`.
    pub fn matches(&self, i: usize, query: &Query) -> bool {
        if query.is_tolerant() {
            return self.haystacks.get(i).is_some_and(|h| query.matches(h));
        }
        i < self.haystacks.len() && query.readings().any(|q| self.matches_words(i, &plan(q)))
    }

    /// The distinct words of the haystacks (see [`SearchIndex::words`]), made now if no
    /// [`WordsBuilder`] has made them.
    fn words(&self) -> &Words {
        self.words.get_or_init(|| {
            let mut builder = WordsBuilder::default();
            builder.extend(self, || false);
            builder.words
        })
    }

    /// Whether the distinct words are made (see [`SearchIndex::words`]).
    pub fn has_words(&self) -> bool {
        self.words.get().is_some()
    }

    /// [`search`](Self::search) for a [tolerant](Query::tolerant) query: for each word, the
    /// members with a distinct word of the texts that it finds (as typed, or [`near`]), the
    /// words' members in common, in either reading. A typo may be in any letter, so the word
    /// starts tell nothing; the distinct words are far fewer than the members' words.
    fn search_tolerant(&self, order: &[usize], query: &Query) -> Vec<usize> {
        let words = self.words();
        let mut found = vec![0_u64; self.row];
        for q in query.readings() {
            // No words: everyone, as for a search as typed.
            if q.is_empty() {
                return (order.iter().copied())
                    .filter(|&i| i < self.haystacks.len())
                    .collect();
            }
            let last = q.words().len().saturating_sub(1);
            let mut all: Option<Vec<u64>> = None;
            for (k, typed) in q.words().iter().enumerate() {
                let prefix = k == last;
                let mut with = vec![0_u64; self.row];
                for (word, members) in words {
                    let as_typed = if prefix {
                        word.starts_with(typed.as_str())
                    } else {
                        **word == **typed
                    };
                    if as_typed || near(typed, word, prefix) {
                        for &i in members {
                            set(&mut with, i as usize);
                        }
                    }
                }
                if let Some(all) = &mut all {
                    all.iter_mut().zip(&with).for_each(|(a, w)| *a &= w);
                } else {
                    all = Some(with);
                }
            }
            for (f, a) in found.iter_mut().zip(all.iter().flatten()) {
                *f |= a;
            }
        }
        order.iter().copied().filter(|&i| has(&found, i)).collect()
    }

    /// The members of `order` that match every word of `query`, in that order.
    // For speed, like `apply`, which calls it.
    #[cfg_attr(clusterkit_nightly, optimize(speed))]
    pub fn search(&self, order: &[usize], query: &Query) -> Vec<usize> {
        if query.is_tolerant() {
            return self.search_tolerant(order, query);
        }
        let readings: Vec<Vec<Word>> = query.readings().map(plan).collect();
        order
            .iter()
            .copied()
            .filter(|&i| {
                i < self.haystacks.len()
                    && readings.iter().any(|words| self.matches_words(i, words))
            })
            .collect()
    }

    /// How well member `i` matches: words found in its name count double, and a name that
    /// begins with the first word gets one more.
    // For speed, like `apply`, which calls it for every match.
    #[cfg_attr(clusterkit_nightly, optimize(speed))]
    pub fn relevance(&self, i: usize, query: &Query) -> usize {
        query
            .readings()
            .map(|q| self.reading_relevance(i, q))
            .max()
            .unwrap_or(0)
    }

    /// [`relevance`](Self::relevance) by one reading of the query.
    #[cfg_attr(clusterkit_nightly, optimize(speed))]
    fn reading_relevance(&self, i: usize, query: &Query) -> usize {
        let (Some(&initials), Some(head)) = (self.name_initials.get(i), self.heads.get(i)) else {
            return 0;
        };
        let name = || {
            let end = self.name_ends.get(i).copied().unwrap_or(0);
            self.haystacks.get(i).and_then(|h| h.get(..end))
        };
        let words = query.words();
        let last = words.len().saturating_sub(1);
        let in_name = words
            .iter()
            .enumerate()
            .filter(|&(k, word)| {
                let prefix = k == last;
                match word.bytes().next().and_then(alnum) {
                    // No word of the name starts with this word's first character (a typo
                    // forgiven may be that character).
                    Some(first) if initials >> first & 1 == 0 && !query.is_tolerant() => false,
                    Some(_) if prefix && word.len() == 1 => true,
                    _ => name().is_some_and(|name| query.finds(name, word, prefix)),
                }
            })
            .count();
        // The name is the haystack's start, and ends at a separator no query word holds: a
        // haystack that starts with the word is a name that does.
        let starts = words.first().is_some_and(|w| {
            let w = w.as_bytes();
            match w.split_at_checked(head.len()) {
                None => head.starts_with(w),
                Some((first, _)) => {
                    head == first
                        && self
                            .haystacks
                            .get(i)
                            .is_some_and(|h| h.as_bytes().starts_with(w))
                }
            }
        });
        2 * in_name + usize::from(starts)
    }
}

/// Makes a [`SearchIndex`]'s distinct words a few members at a time, so that the page stays
/// free between: [`extend`](Self::extend) until it says all are in, then
/// [`finish`](Self::finish).
#[derive(Default)]
pub struct WordsBuilder {
    words: Words,
    /// The members whose words are in.
    done: usize,
}

impl WordsBuilder {
    /// Adds the words of the members of `index` after those already in, one by one, until
    /// every one is or `enough` says to stop after one; whether every one is.
    pub fn extend(&mut self, index: &SearchIndex, mut enough: impl FnMut() -> bool) -> bool {
        for haystack in index.haystacks.iter().skip(self.done) {
            let i = self.done as u32;
            for word in haystack.split(|c: char| !is_word_char(c)) {
                match self.words.get_mut(word) {
                    // A member's words are read one after another: a repeat is last.
                    Some(members) if members.last() == Some(&i) => {}
                    Some(members) => members.push(i),
                    None if word.is_empty() => {}
                    None => {
                        self.words.insert(word.into(), vec![i]);
                    }
                }
            }
            self.done += 1;
            if enough() {
                break;
            }
        }
        self.done == index.haystacks.len()
    }

    /// Gives `index` the words made, unless a search made them meanwhile.
    pub fn finish(self, index: &SearchIndex) {
        debug_assert_eq!(self.done, index.haystacks.len());
        let _ = index.words.set(self.words);
    }
}
