//! Text folding and matching shared by the widgets' search boxes.

/// Lowercases and strips accents from Latin letters, so `Ibérica` and `iberica` match and
/// `Produccións` sorts next to `produccions`. The Catalan middle dot of `l·l` is dropped.
///
/// ```
/// assert_eq!(clusterkit::search::fold("Algam IBÉRICA · Cel·la Ñandú"), "algam iberica  cella nandu");
/// ```
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            c if c.is_ascii() => out.push(c),
            '·' | '\u{0387}' | '\u{2027}' => {}
            c => match base_letter(c) {
                Some(b) => out.push(b),
                None => out.extend(c.to_lowercase()),
            },
        }
    }
    out
}

fn base_letter(c: char) -> Option<char> {
    Some(match c {
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

/// Whether every word of a folded query occurs in a folded haystack.
///
/// ```
/// use clusterkit::search::{fold, matches_all_words};
/// let hay = fold("Algam Ibérica · Barcelona · Distribució d’equips");
/// assert!(matches_all_words(&hay, &fold("iberica barc")));
/// assert!(!matches_all_words(&hay, &fold("iberica girona")));
/// ```
pub fn matches_all_words(folded_haystack: &str, folded_query: &str) -> bool {
    folded_query
        .split_whitespace()
        .all(|word| folded_haystack.contains(word))
}
