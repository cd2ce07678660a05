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
            c => {
                let c = lower(c);
                out.push(base_letter(c).unwrap_or(c));
            }
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_lowercases_latin_greek_and_cyrillic_like_std() {
        for c in ('\u{C0}'..='\u{17F}')
            .chain('\u{391}'..='\u{3A9}')
            .chain('\u{400}'..='\u{42F}')
        {
            let expected: String = c.to_lowercase().collect();
            if expected.chars().count() == 1 && c != 'İ' {
                let folded = fold(&c.to_string());
                let expected_folded = fold(&expected);
                assert_eq!(folded, expected_folded, "{c:?} (U+{:04X})", c as u32);
            }
        }
        assert_eq!(fold("ŁÓDŹ Ελλάδα МОСКВА"), "łodź ελλάδα москва");
    }

    #[test]
    fn upper_inverts_latin_1_lowercase() {
        assert_eq!("éàñçø".chars().map(upper).collect::<String>(), "ÉÀÑÇØ");
        assert_eq!(upper('÷'), '÷');
    }
}
