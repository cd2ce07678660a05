//! Feed bytes to text. JSON is UTF-8, but feeds exported by older systems arrive in
//! Windows-1252 (Latin-1 and its superset), whole or in part. A browser's `Response.text()`
//! would turn each such byte into U+FFFD and say nothing: "Ib�rica". Here every byte that is
//! not part of valid UTF-8 is read as Windows-1252 instead, so "Ibérica" survives, and the
//! feed gets a diagnostic saying where the first one is, so the webmaster can fix the export.

use std::borrow::Cow;

use super::diag::{Diagnostic, Problem};

/// Windows-1252's characters for the bytes 0x80 to 0x9F (0xA0 to 0xFF are Latin-1's, the
/// same code points). The five bytes it leaves undefined become U+FFFD.
const CP1252_C1: [char; 32] = [
    '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž',
    '\u{FFFD}', '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{FFFD}',
    'ž', 'Ÿ',
];

/// The character Windows-1252 gives byte `b` (at least 0x80).
pub(super) fn cp1252(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252_C1[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// `bytes` as text: borrowed when they are valid UTF-8 (nearly always), otherwise with each
/// byte outside valid UTF-8 read as Windows-1252, and a [`Problem::NotUtf8`] diagnostic at
/// `(root)` giving how many there were and where the first was (line and column, counted in
/// characters from 1, as syntax errors are).
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, Option<Diagnostic>) {
    // UTF-16 with its byte order mark, as Windows' Notepad ("Unicode") and PowerShell save
    // text, or without one, told apart as RFC 4627 does: a JSON text begins with two ASCII
    // characters, each a zero byte beside its own in UTF-16 (UTF-8 JSON has no zero byte).
    // Unmistakable, so read as it is (a lone surrogate becomes U+FFFD).
    let le = u16::from_le_bytes as fn([u8; 2]) -> u16;
    let be = u16::from_be_bytes as fn([u8; 2]) -> u16;
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((rest, le)),
        [0xFE, 0xFF, rest @ ..] => Some((rest, be)),
        [1..=255, 0, 1..=255, 0, ..] => Some((bytes, le)),
        [0, 1..=255, 0, 1..=255, ..] => Some((bytes, be)),
        _ => None,
    };
    if utf16.is_none()
        && let Ok(text) = std::str::from_utf8(bytes)
    {
        if let Some(once) = read_once_more(bytes, text) {
            return once;
        }
        return (Cow::Borrowed(text), None);
    }
    if let Some((rest, unit)) = utf16 {
        let units = rest.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
        let text = char::decode_utf16(units)
            .map(|c| c.unwrap_or('\u{FFFD}'))
            .collect();
        return (Cow::Owned(text), None);
    }
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut first = None;
    let (mut count, mut at) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        at += chunk.valid().len();
        first = first.or(Some(at).filter(|_| !chunk.invalid().is_empty()));
        text.extend(chunk.invalid().iter().map(|&b| cp1252(b)));
        count += chunk.invalid().len();
        at += chunk.invalid().len();
    }
    let (line, column) = super::json::line_column(bytes, first.unwrap_or(0));
    let diagnostic = Diagnostic {
        path: Diagnostic::ROOT.into(),
        problem: Problem::NotUtf8 {
            bytes: count,
            line,
            column,
        },
        skipped: false,
    };
    (Cow::Owned(text), Some(diagnostic))
}

/// The Windows-1252 byte (or Latin-1's, for U+0080 to U+009F) that stands for `c`.
fn cp1252_byte(c: char) -> Option<u8> {
    match u32::from(c) {
        0x80..=0xFF => u8::try_from(u32::from(c)).ok(),
        _ => CP1252_C1
            .iter()
            .position(|&w| w == c && c != '\u{FFFD}')
            .map(|i| 0x80 + i as u8),
    }
}

/// `text` read once more where it was encoded twice: UTF-8 read as Windows-1252 (or Latin-1)
/// and saved as UTF-8 again, so that "ó" became "Ã³" and "’" became "â€™". Only such runs
/// change: a `Â` or `Ã` then one character, or an `â` then two, whose Windows-1252 bytes
/// make one UTF-8 character (of Latin-1's range, or the punctuation of U+2000 to U+20FF),
/// which text written as meant does not hold; the rest stays as written, also in a file only
/// partly encoded twice. `None` where there is no such run; else the text and the byte
/// offset of the first.
pub(crate) fn encoded_twice(text: &str) -> Option<(String, usize)> {
    // Most text holds no `Â`, `Ã` or `â` (bytes C3 82, C3 83, C3 A2) at all.
    if !text
        .as_bytes()
        .windows(2)
        .any(|w| matches!(w, [0xC3, 0x82 | 0x83 | 0xA2]))
    {
        return None;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = String::new();
    let (mut first, mut done, mut k) = (None, 0, 0);
    while k < chars.len() {
        let (at, c) = chars[k];
        let length = match c {
            'Â' | 'Ã' => 2,
            'â' => 3,
            _ => {
                k += 1;
                continue;
            }
        };
        let once = chars
            .get(k..k + length)
            .and_then(|run| {
                run.iter()
                    .map(|&(_, c)| cp1252_byte(c))
                    .collect::<Option<Vec<u8>>>()
            })
            .filter(|bytes| bytes[1..].iter().all(|b| (0x80..=0xBF).contains(b)))
            .and_then(|bytes| std::str::from_utf8(&bytes).ok()?.chars().next());
        match once {
            Some(meant) => {
                out.push_str(&text[done..at]);
                out.push(meant);
                first.get_or_insert(at);
                k += length;
                done = chars.get(k).map_or(text.len(), |&(at, _)| at);
            }
            None => k += 1,
        }
    }
    out.push_str(&text[done..]);
    Some((out, first?))
}

/// [`decode`]'s text of valid UTF-8 `bytes`, read once more where it was encoded twice
/// (see [`encoded_twice`]), with a [`Problem::EncodedTwice`] diagnostic at `(root)`.
fn read_once_more(bytes: &[u8], text: &str) -> Option<(Cow<'static, str>, Option<Diagnostic>)> {
    let (text, first) = encoded_twice(text)?;
    let (line, column) = super::json::line_column(bytes, first);
    let diagnostic = Diagnostic {
        path: Diagnostic::ROOT.into(),
        problem: Problem::EncodedTwice { line, column },
        skipped: false,
    };
    Some((Cow::Owned(text), Some(diagnostic)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn not_utf8(bytes: usize, line: usize, column: usize) -> Option<Diagnostic> {
        Some(Diagnostic {
            path: Diagnostic::ROOT.into(),
            problem: Problem::NotUtf8 {
                bytes,
                line,
                column,
            },
            skipped: false,
        })
    }

    #[test]
    fn utf16_with_its_byte_order_mark_is_read_as_written() {
        let text = "{\"name\": \"Algam Ibérica 🎬\"}";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le), (Cow::Borrowed(text), None));
        assert_eq!(decode(&be), (Cow::Borrowed(text), None));
        // Without the mark too (its ASCII is valid UTF-8, zero bytes and all).
        assert_eq!(decode(&le[2..]), (Cow::Borrowed(text), None));
        assert_eq!(decode(&be[2..]), (Cow::Borrowed(text), None));
        let spaced: Vec<u8> = " \n{}".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&spaced).0, " \n{}");
    }

    #[test]
    fn utf8_is_borrowed_and_not_reported() {
        let bytes = "{\"name\": \"Algam Ibérica · l·l\"}".as_bytes();
        let (text, diagnostic) = decode(bytes);
        assert!(matches!(text, Cow::Borrowed(_)));
        assert_eq!(text, "{\"name\": \"Algam Ibérica · l·l\"}");
        assert_eq!(diagnostic, None);
    }

    #[test]
    fn latin1_letters_of_the_clusters_languages_survive() {
        // "Produccions Ibèriques, Logroño, Col·lectiu, Açores" as an old CMS exports them.
        let bytes = b"{\n  \"name\": \"Ib\xe8riques, Logro\xf1o,\n Col\xb7lectiu, A\xe7ores\"}";
        let (text, diagnostic) = decode(bytes);
        assert_eq!(
            text,
            "{\n  \"name\": \"Ibèriques, Logroño,\n Col·lectiu, Açores\"}"
        );
        // The first is the `è` on line 2, after `  "name": "Ib` (13 characters).
        assert_eq!(diagnostic, not_utf8(4, 2, 14));
    }

    #[test]
    fn windows_1252_punctuation_is_read_as_such() {
        let (text, _) = decode(b"\x93Talent Week\x94 \x96 2026 \x80 \x85 \x81");
        assert_eq!(text, "“Talent Week” – 2026 € … \u{FFFD}");
    }

    #[test]
    fn a_stray_byte_in_a_utf8_feed_leaves_the_utf8_intact() {
        // Valid UTF-8 (é as two bytes) around one Latin-1 é: both read as é, and the
        // column counts characters, not bytes.
        let bytes = b"[\"Ib\xc3\xa9rica\", \"Ib\xe9rica\"]";
        let (text, diagnostic) = decode(bytes);
        assert_eq!(text, "[\"Ibérica\", \"Ibérica\"]");
        assert_eq!(diagnostic, not_utf8(1, 1, 16));
    }

    #[test]
    fn a_truncated_sequence_at_the_end_is_read_byte_by_byte() {
        let (text, diagnostic) = decode(b"\"S\xc3");
        assert_eq!(text, "\"SÃ");
        assert_eq!(diagnostic, not_utf8(1, 1, 3));
    }

    #[test]
    fn text_encoded_twice_is_read_as_meant_and_said() {
        // "Producció d’Àudio" and "Cel·la" encoded twice, beside an "é" and "’" encoded once.
        let twice =
            "{\"a\": \"ProducciÃ³ dâ€™Ã€udio\",\n \"b\": \"CelÂ·la\", \"c\": \"Ibérica’s\"}";
        let (text, said) = decode(twice.as_bytes());
        assert_eq!(
            text,
            "{\"a\": \"Producció d’Àudio\",\n \"b\": \"Cel·la\", \"c\": \"Ibérica’s\"}"
        );
        assert_eq!(
            said.map(|d| d.problem),
            Some(Problem::EncodedTwice {
                line: 1,
                column: 16
            })
        );
        // Beside a run encoded twice, text written as meant stays, even where its Windows-1252
        // bytes would make UTF-8 ("« Café »", "“CAFÉ”", "Ñ’s"), and with characters no
        // Windows-1252 byte stands for.
        let (text, _) = decode("ProducciÃ³ « Café » “CAFÉ” Ñ’s 東京 →".as_bytes());
        assert_eq!(text, "Producció « Café » “CAFÉ” Ñ’s 東京 →");
        // Text written as meant is left as it is: "Ã" of Portuguese capitals, "â" of French.
        for meant in ["SÃO PAULO · château · Ibérica", "A – “B” … ’", "Âge"] {
            assert_eq!(decode(meant.as_bytes()), (Cow::Borrowed(meant), None));
        }
    }
}
