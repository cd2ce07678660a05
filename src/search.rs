//! Text folding and matching shared by the widgets' search boxes.

mod typos;
pub(crate) use typos::{near, word_near};

/// Lowercases and strips accents from Latin letters, so `Ibérica` and `iberica` match and
/// `Produccións` sorts next to `produccions`. The Catalan middle dot of `l·l` is dropped, and
/// so is the full stop of `l.l`, as `l·l` is typed where a keyboard has no middle dot.
///
/// ```
/// assert_eq!(clusterkit::__private::fold("Algam IBÉRICA · Cel·la Ñandú"), "algam iberica  cella nandu");
/// assert_eq!(clusterkit::__private::fold("Il.luminació. La"), "illuminacio. la");
/// ```
pub fn fold(s: &str) -> String {
    fold_joining(s, joins_l_l)
}

/// [`fold`] for a text to search in. Where it writes `l.l` (`Col.lectiu`, `Model.lab`), which
/// may be Catalan's `l·l` or two words, its reading as two words follows, after a U+001F
/// (no word's character), so that `lab` finds `Model.lab` as `modellab` does.
///
/// ```
/// use clusterkit::__private::{Query, fold_text};
/// assert!(Query::new("lab").matches(&fold_text("Model.lab")));
/// assert!(Query::new("modellab").matches(&fold_text("Model.lab")));
/// assert_eq!(fold_text("Cel·la, Vol. Lima"), "cella, vol. lima", "no l.l: one reading");
/// ```
pub fn fold_text(s: &str) -> String {
    let mut folded = fold(s);
    if writes_l_dot_l(s) {
        folded.push('\u{1F}');
        folded.push_str(&fold_joining(s, apart));
    }
    folded
}

/// Whether `text` writes `l.l` or `L.L`, which [`fold`] reads as `l·l`.
fn writes_l_dot_l(text: &str) -> bool {
    text.as_bytes()
        .windows(3)
        .any(|w| matches!(w, b"l.l" | b"L.L"))
}

/// [`fold`], the full stops of `l.l` dropped where `joins(before, after)` says so.
fn fold_joining(s: &str, joins: fn(char, Option<char>) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    let mut before = ' ';
    while let Some(c) = chars.next() {
        let written = std::mem::replace(&mut before, c);
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            '.' if joins(written, chars.peek().copied()) => {}
            c if c.is_ascii() => out.push(c),
            // The soft hyphen, in text pasted from a page or a PDF (`post\u{AD}producció`),
            // is no character of the word.
            '·' | '\u{0387}' | '\u{2027}' | '\u{AD}' => {}
            // The letter that writes `l·` in one character (`Paraŀlel`, in older fonts' text).
            'ŀ' | 'Ŀ' => out.push('l'),
            // Accents written apart from their letter (decomposed text, as pasted from some
            // systems and PDFs): `e` and U+0301 fold as `é` does.
            c if is_combining(c) => {}
            // Full-width letters, digits and punctuation (typed on a CJK keyboard) as ASCII,
            // and its ideographic space as a space.
            '\u{FF01}'..='\u{FF5E}' => {
                let ascii = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
                out.push(ascii.to_ascii_lowercase());
            }
            '\u{3000}' => out.push(' '),
            // The ligatures of text copied from a PDF (`proﬁle`, `ﬁlm`) as their letters.
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            c => match lower(c) {
                // Letters written as two: `Ærø` is found as `aero`.
                'æ' => out.push_str("ae"),
                'œ' => out.push_str("oe"),
                'ß' | 'ẞ' => out.push_str("ss"),
                'ĳ' => out.push_str("ij"),
                c => out.push(base_letter(c).unwrap_or(c)),
            },
        }
    }
    out
}

/// Whether a full stop between `before` and `after` writes the Catalan `l·l`: between two
/// l's of the same case (`col.lectiu`, `COL.LECTIU`; not `Pixel.Lab`, two words).
fn joins_l_l(before: char, after: Option<char>) -> bool {
    matches!((before, after), ('l', Some('l')) | ('L', Some('L')))
}

/// No full stop joins: `l.l` read as two words.
fn apart(_: char, _: Option<char>) -> bool {
    false
}

/// The combining diacritical marks (U+0300 to U+036F).
fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}')
}

/// Lowercase for the scripts cluster names are written in (Latin, Greek, Cyrillic), by
/// their code-point offsets; other characters stay as they are. This spares the Wasm the
/// ~24 KB of Unicode case tables that `char::to_lowercase` brings.
fn lower(c: char) -> char {
    let n = c as u32;
    let shifted = match n {
        0xC0..=0xDE if n != 0xD7 => n + 0x20,
        // Latin Extended-A pairs capitals on even code points, except ı/İ and the ĸ..ŉ run.
        0x100..=0x137 | 0x14A..=0x177 if n.is_multiple_of(2) => n + 1,
        0x139..=0x148 | 0x179..=0x17E if !n.is_multiple_of(2) => n + 1,
        0x178 => 0xFF,
        0x391..=0x3AB if n != 0x3A2 => n + 0x20,
        0x410..=0x42F => n + 0x20,
        0x400..=0x40F => n + 0x50,
        _ => n,
    };
    char::from_u32(shifted).unwrap_or(c)
}

/// Uppercase, the inverse of [`lower`] for Latin-1 letters, which initials need.
pub(crate) fn upper(c: char) -> char {
    match c {
        'a'..='z' => c.to_ascii_uppercase(),
        'à'..='þ' if c != '÷' => char::from_u32(c as u32 - 0x20).unwrap_or(c),
        _ => c,
    }
}

/// The letter under each of Latin Extended-A's (U+0100 to U+017F): `č`, `ğ`, `ł`, `ő`, `ž`…
const LATIN_EXTENDED_A: &[u8; 128] = b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// The letter under each of Latin Extended Additional's from U+1E00 to U+1EF9 (Vietnamese's
/// `ễ`, `ẵ`, `ở`, Welsh's `ŵ`…), but U+1E9A to U+1E9F (`-`: they have none).
const LATIN_EXTENDED_ADDITIONAL: &[u8; 250] = b"aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy------aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy";

/// The letter under an accented Latin letter, found without Unicode's decomposition tables:
/// `iberica` finds "Ibérica", `dvorak` "Dvořák", `timisoara` "Timișoara", `nguyen` "Nguyễn".
fn base_letter(c: char) -> Option<char> {
    Some(match c {
        '\u{100}'..='\u{17F}' => char::from(LATIN_EXTENDED_A[c as usize - 0x100]),
        '\u{1E00}'..='\u{1E99}' | '\u{1EA0}'..='\u{1EF9}' => {
            char::from(LATIN_EXTENDED_ADDITIONAL[c as usize - 0x1E00])
        }
        // Vietnamese's horned letters.
        'ơ' | 'Ơ' => 'o',
        'ư' | 'Ư' => 'u',
        // Romanian's comma-below letters.
        'ș' | 'Ș' => 's',
        'ț' | 'Ț' => 't',
        'ø' => 'o',
        'ð' => 'd',
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        _ => return None,
    })
}

/// Whether `c` belongs to a word: ASCII letters and digits and any non-ASCII character but
/// spaces (a no-break, thin or ideographic one too), punctuation, symbols and emoji (checked
/// without the Unicode tables of `char::is_alphanumeric`). The Catalan middle dot joins
/// `cel·la` into one word.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (!c.is_ascii()
            && !c.is_whitespace()
            && !matches!(
                c,
                '«' | '»' | '¡' | '¿' | '©' | '®' | '°' | '§' | '¶' | '×' | '÷'
                    // Accents typed alone, as an apostrophe (`l´Hospitalet`, `lʼHospitalet`)
                    // or on their way to a letter (a dead key's `animaci´`).
                    | '´' | '¨' | '\u{2B9}'..='\u{2BF}'
                    // Spaces, dashes, quotes, bullets, the ellipsis… (but U+2027, a middle
                    // dot of `l·l`), currency signs, letterlike symbols (™, ℮), arrows,
                    // mathematical and technical signs, shapes and dingbats (→, ★, ✓),
                    // CJK punctuation, variation selectors, and emoji (🎬).
                    | '\u{2000}'..='\u{200F}'
                    | '\u{2010}'..='\u{2026}'
                    | '\u{2028}'..='\u{206F}'
                    | '\u{20A0}'..='\u{20CF}'
                    | '\u{2100}'..='\u{2BFF}'
                    | '\u{3000}'..='\u{303F}'
                    | '\u{FE00}'..='\u{FE0F}'
                    | '\u{1F000}'..='\u{1FAFF}'
            ))
}

/// A search as a visitor types it: folded words, each of which must match. Every word but
/// the last must match a whole word; the last, still being typed, matches any word it
/// begins (`barcelona sonil` finds Sonilab in Barcelona).
///
/// ```
/// use clusterkit::__private::{Query, fold};
/// let query = Query::new("Ibérica barc");
/// assert!(query.matches(&fold("Algam Ibérica · Barcelona")));
/// assert!(!query.matches(&fold("Ibéricas · Barcelona")), "ibérica is not a prefix here");
/// assert!(Query::new("  ").is_empty());
/// ```
///
/// A full stop between two l's typed (`pixel.lab`, `col.lectiu`) may be Catalan's `l·l` or
/// two words, and a hyphen within a word (`post-producció`) may join one word or two: the
/// query holds both readings, and a text that either finds is found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
    /// The words with every `l.l` read as two words, and every hyphen as a space, where that
    /// reading differs.
    split: Option<Box<Query>>,
    /// Whether a word may match with typos (see [`Query::tolerant`]).
    typos: bool,
}

impl Query {
    /// Folds and splits what the visitor typed.
    pub fn new(typed: &str) -> Self {
        let words = |folded: String| -> Vec<String> {
            folded
                .split(|c: char| !is_word_char(c))
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect()
        };
        // A hyphen typed within a word (`post-producció`, `3-d`) may join what the text
        // writes as one (`Postproducció`, `3D`): the joined reading reads it without.
        let mut unhyphenated = String::with_capacity(typed.len());
        let mut chars = typed.chars().peekable();
        while let Some(c) = chars.next() {
            let within = unhyphenated.chars().next_back().is_some_and(is_word_char)
                && chars.peek().copied().is_some_and(is_word_char);
            if !(c == '-' && within) {
                unhyphenated.push(c);
            }
        }
        let joined = words(fold_joining(&unhyphenated, |before, after| {
            before.eq_ignore_ascii_case(&'l') && after.is_some_and(|a| a.eq_ignore_ascii_case(&'l'))
        }));
        let split = words(fold_joining(typed, apart));
        Query {
            split: (split != joined).then(|| {
                Box::new(Query {
                    words: split,
                    split: None,
                    typos: false,
                })
            }),
            words: joined,
            typos: false,
        }
    }

    /// The same search with typos forgiven, for a search that finds nothing as typed: each
    /// word of four letters or more may have one (two from eight letters on), a letter
    /// missing, one too many, a wrong one or two swapped, as the hosted search engines
    /// forgive them. Words with a digit are matched as typed (`2024` is no typo of `2025`).
    ///
    /// ```
    /// use clusterkit::__private::{Query, fold};
    /// let typed = Query::new("rakutan barcleona");
    /// assert!(!typed.matches(&fold("Rakuten TV, Barcelona")));
    /// assert!(typed.tolerant().matches(&fold("Rakuten TV, Barcelona")));
    /// assert!(!Query::new("sonar").tolerant().matches(&fold("Sonilab")), "two typos in five letters");
    /// ```
    pub fn tolerant(&self) -> Query {
        Query {
            words: self.words.clone(),
            split: self.split.as_ref().map(|q| Box::new(q.tolerant())),
            typos: true,
        }
    }

    /// Whether typos are forgiven (see [`Query::tolerant`]).
    pub fn is_tolerant(&self) -> bool {
        self.typos
    }

    /// Its readings: the one, or both (see [`Query`]).
    pub(crate) fn readings(&self) -> impl Iterator<Item = &Query> {
        std::iter::once(self).chain(self.split.as_deref())
    }

    /// Whether nothing was typed but spaces and punctuation.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The folded words.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// Whether a word of `query` matches in a folded haystack: `prefix` for the last word.
    ///
    /// Tests each place where the word's first byte occurs: names and descriptions are short,
    /// and setting up a substring searcher for each would cost more than the search.
    pub(crate) fn word_at(haystack: &str, word: &str, prefix: bool) -> Option<usize> {
        let (bytes, needle) = (haystack.as_bytes(), word.as_bytes());
        let &first = needle.first()?;
        // `first` begins a character, so a match starts on a character boundary.
        (0..bytes.len()).find(|&at| {
            bytes[at] == first
                && bytes[at..].starts_with(needle)
                && !haystack[..at].chars().next_back().is_some_and(is_word_char)
                && (prefix
                    || !haystack[at + needle.len()..]
                        .chars()
                        .next()
                        .is_some_and(is_word_char))
        })
    }

    /// Whether this query can only match what `previous` matched: the visitor typed on
    /// (`barc` → `barcelona` → `barcelona s`), so its earlier words are the same and the
    /// word that was last grew or became whole.
    pub fn refines(&self, previous: &Query) -> bool {
        let Some((last, earlier)) = previous.words.split_last() else {
            return true;
        };
        // Two readings on either side: searched afresh.
        if self.split.is_some() || previous.split.is_some() {
            return false;
        }
        self.words.len() >= previous.words.len()
            && self.words[..earlier.len()] == *earlier
            && self.words[earlier.len()].starts_with(last.as_str())
    }

    /// Whether `word`, one of this reading's (`prefix` for the last), is in a folded
    /// haystack: as typed, or with its typos where they are forgiven.
    pub(crate) fn finds(&self, folded_haystack: &str, word: &str, prefix: bool) -> bool {
        Self::word_at(folded_haystack, word, prefix).is_some()
            || (self.typos && word_near(folded_haystack, word, prefix))
    }

    /// Whether every word matches in a folded haystack, in either reading.
    pub fn matches(&self, folded_haystack: &str) -> bool {
        self.readings().any(|q| {
            let last = q.words.len().saturating_sub(1);
            (q.words.iter().enumerate()).all(|(i, w)| q.finds(folded_haystack, w, i == last))
        })
    }

    /// Byte ranges of `text` (as written, not folded) that the query matched, in order and
    /// not overlapping, for highlighting: `Ibér` in `Algam Ibérica` for `iber`.
    ///
    /// ```
    /// use clusterkit::__private::Query;
    /// let text = "Algam Ibérica, Cel·la";
    /// let ranges = Query::new("cella iber").highlights(text);
    /// let parts: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
    /// assert_eq!(parts, ["Ibér", "Cel·la"]);
    /// ```
    pub fn highlights(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        // The text's readings, as `fold_text` makes them: its `l.l` as `l·l`, and apart.
        let text_readings: &[fn(char, Option<char>) -> bool] = if writes_l_dot_l(text) {
            &[joins_l_l, apart]
        } else {
            &[joins_l_l]
        };
        let covered = |r: &[std::ops::Range<usize>]| r.iter().map(|r| r.len()).sum::<usize>();
        // The pair of readings that finds the most of the text (the first of equals).
        self.readings()
            .flat_map(|q| {
                text_readings
                    .iter()
                    .map(move |&joins| q.reading_highlights(text, joins))
            })
            .reduce(|best, other| {
                if covered(&other) > covered(&best) {
                    other
                } else {
                    best
                }
            })
            .unwrap_or_default()
    }

    /// [`highlights`](Self::highlights) of this reading alone, in `text` read with its full
    /// stops of `l.l` dropped where `joins` says so.
    fn reading_highlights(
        &self,
        text: &str,
        joins: fn(char, Option<char>) -> bool,
    ) -> Vec<std::ops::Range<usize>> {
        let mut out: Vec<std::ops::Range<usize>> = Vec::new();
        if self.words.is_empty() {
            return out;
        }
        let last = self.words.len() - 1;
        let mut rest = text.char_indices().peekable();
        while let Some(&(start, c)) = rest.peek() {
            if !is_word_char(c) {
                rest.next();
                continue;
            }
            // One word of the text: its characters with their byte offsets (the full stop
            // of `l.l` within it, as `fold` drops it).
            let mut chars: Vec<(usize, char)> = Vec::new();
            while let Some(&(at, c)) = rest.peek() {
                let joined = c == '.'
                    && chars
                        .last()
                        .is_some_and(|&(_, b)| joins(b, text[at + 1..].chars().next()));
                if !is_word_char(c) && !joined {
                    break;
                }
                chars.push((at, c));
                rest.next();
            }
            let end_of_word = chars.last().map_or(start, |&(at, c)| at + c.len_utf8());
            let folded = fold_joining(&text[start..end_of_word], joins);
            let best = self
                .words
                .iter()
                .enumerate()
                .filter_map(|(i, w)| {
                    let prefix = i == last;
                    if (prefix && folded.starts_with(w.as_str())) || folded == **w {
                        Some(w.len())
                    } else {
                        // A word found with a typo shows whole.
                        (self.typos && near(w, &folded, prefix)).then_some(folded.len())
                    }
                })
                .max();
            let Some(wanted) = best else { continue };
            // Walk the written characters until their folded forms cover the match.
            let mut covered = 0;
            let mut end = start;
            for &(at, c) in &chars {
                // A match ends with whole letters: with the accents written after them too.
                if covered >= wanted && !is_combining(c) {
                    break;
                }
                if c != '.' {
                    covered += fold(c.encode_utf8(&mut [0; 4])).len();
                }
                end = at + c.len_utf8();
            }
            out.push(start..end);
        }
        out
    }
}

#[cfg(test)]
mod tests;
