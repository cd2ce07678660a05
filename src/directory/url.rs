//! The directory's view in the page URL, for `sync-url`: one query parameter (`ck-dir` by
//! default) whose value reads
//! `q:sound%20post;seg:animation,vfx;kind:sme;city:Vigo;sort:joined;page:3;m:sonilab`.
//!
//! Only that parameter is ever written: the page's own parameters (a CMS's `s`, `p`, `m` or
//! `page`) keep their exact bytes, and two directories with different parameter names share
//! one URL.

use super::model::{Filter, Sort};
use crate::feed::Kind;

/// What of a directory's view the URL carries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct UrlState {
    /// Search and facet choices.
    pub filter: Filter,
    /// The order, when the visitor chose one.
    pub sort: Option<Sort>,
    /// The page, from 1.
    pub page: usize,
    /// The id of the member whose profile is open.
    pub member: Option<String>,
}

/// Percent-encodes everything but the unreserved characters of RFC 3986, so the value
/// survives any URL handling and `;`, `:` and `,` stay free as separators.
fn escape(s: &str, out: &mut String) {
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b & 15)]));
        }
    }
}

/// Decodes `%XX` (and `+` as a space, as form encoders write it); a malformed escape stays
/// as written, and bytes that are not UTF-8 become U+FFFD.
fn unescape(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let hex = |b: u8| (b as char).to_digit(16);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The parameter value for `state` (empty when there is nothing to keep).
pub(crate) fn encode(state: &UrlState) -> String {
    let mut out = String::new();
    let mut field = |key: &str, values: &mut dyn Iterator<Item = &str>| {
        let mut first = true;
        for value in values {
            if first {
                if !out.is_empty() {
                    out.push(';');
                }
                out.push_str(key);
                out.push(':');
                first = false;
            } else {
                out.push(',');
            }
            escape(value, &mut out);
        }
    };
    let filter = &state.filter;
    let query = filter.query.trim();
    field("q", &mut (!query.is_empty()).then_some(query).into_iter());
    field("seg", &mut filter.segments.iter().map(String::as_str));
    field("kind", &mut filter.kinds.iter().map(|k| k.id()));
    field("region", &mut filter.regions.iter().map(String::as_str));
    field("city", &mut filter.cities.iter().map(String::as_str));
    field("sort", &mut state.sort.map(Sort::id).into_iter());
    let page = (state.page > 1).then(|| state.page.to_string());
    field("page", &mut page.as_deref().into_iter());
    field("m", &mut state.member.as_deref().into_iter());
    out
}

/// Reads a parameter value; unknown keys and malformed parts are skipped.
pub(crate) fn decode(value: &str) -> UrlState {
    let mut state = UrlState {
        page: 1,
        ..UrlState::default()
    };
    for part in value.split(';') {
        let Some((key, values)) = part.split_once(':') else {
            continue;
        };
        let list = || {
            values
                .split(',')
                .map(unescape)
                .filter(|v| !v.trim().is_empty())
        };
        let filter = &mut state.filter;
        match key {
            "q" => filter.query = unescape(values),
            "seg" => filter.segments = list().collect(),
            "kind" => filter.kinds = list().filter_map(|k| Kind::from_id(&k)).collect(),
            "region" => filter.regions = list().collect(),
            "city" => filter.cities = list().collect(),
            "sort" => state.sort = Sort::from_id(&unescape(values)),
            "page" => state.page = unescape(values).parse().unwrap_or(1).max(1),
            "m" => state.member = list().next(),
            _ => {}
        }
    }
    state
}

/// The raw value of parameter `name` in a `location.search` string (`?a=1&ck-dir=…`).
pub(crate) fn read_param<'a>(search: &'a str, name: &str) -> Option<&'a str> {
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|part| match part.split_once('=') {
            Some((n, v)) if names(n, name) => Some(v),
            None if names(part, name) => Some(""),
            _ => None,
        })
}

/// Whether a parameter's name as the URL writes it (the browser percent-encodes what is not
/// ASCII: `ck-asociaci%C3%B3n`) is `name`.
fn names(written: &str, name: &str) -> bool {
    written == name || written.contains('%') && unescape(written) == name
}

/// `search` with parameter `name` set to `value` (already encoded), or removed when `value`
/// is empty; every other parameter keeps its bytes and its place.
pub(crate) fn with_param(search: &str, name: &str, value: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut placed = false;
    // Written percent-encoded, as the browser would write it in any case.
    let mut written = String::new();
    escape(name, &mut written);
    for part in search.trim_start_matches('?').split('&') {
        let is_ours = names(part.split_once('=').map_or(part, |(n, _)| n), name);
        if part.is_empty() || (is_ours && placed) {
            continue;
        }
        if is_ours {
            placed = true;
            if !value.is_empty() {
                parts.push(format!("{written}={value}"));
            }
        } else {
            parts.push(part.to_owned());
        }
    }
    if !placed && !value.is_empty() {
        parts.push(format!("{written}={value}"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> UrlState {
        UrlState {
            filter: Filter {
                query: "Sound & Post; 100%: ça, va".into(),
                segments: vec!["animation".into(), "vfx".into()],
                kinds: vec![Kind::Sme, Kind::Research],
                regions: vec!["Galicia".into()],
                cities: vec!["A Coruña".into(), "L'Hospitalet, Barcelona".into()],
            },
            sort: Some(Sort::Newest),
            page: 3,
            member: Some("sonilab".into()),
        }
    }

    #[test]
    fn every_part_of_the_view_survives_a_round_trip() {
        let s = state();
        let encoded = encode(&s);
        assert_eq!(decode(&encoded), s);
        assert!(
            encoded.starts_with("q:Sound%20%26%20Post%3B%20100%25%3A%20%C3%A7a%2C%20va;seg:animation,vfx;kind:sme,research;"),
            "{encoded}"
        );
        assert!(
            encoded.ends_with(";sort:joined;page:3;m:sonilab"),
            "{encoded}"
        );
        let empty = UrlState {
            page: 1,
            ..UrlState::default()
        };
        assert_eq!(encode(&empty), "", "nothing chosen, nothing written");
        assert_eq!(decode(""), empty);
    }

    #[test]
    fn malformed_values_lose_only_their_own_part() {
        let s = decode("q:caf%C3%A9%ZZ;kind:sme,alien;page:-4;sort:sideways;nonsense;x:1;m:");
        assert_eq!(s.filter.query, "café%ZZ");
        assert_eq!(s.filter.kinds, [Kind::Sme]);
        assert_eq!(s.page, 1);
        assert_eq!(s.sort, None);
        assert_eq!(s.member, None);
        assert_eq!(decode("q:a+b%2").filter.query, "a b%2");
    }

    #[test]
    fn only_our_parameter_is_ever_touched() {
        let page = "?s=caf%C3%A9+bar&p=12&ck-dir=q:old&page=2&m=2024";
        assert_eq!(read_param(page, "ck-dir"), Some("q:old"));
        assert_eq!(read_param(page, "s"), Some("caf%C3%A9+bar"));
        assert_eq!(read_param(page, "ck-dir-2"), None);
        assert_eq!(
            with_param(page, "ck-dir", "q:new"),
            "?s=caf%C3%A9+bar&p=12&ck-dir=q:new&page=2&m=2024"
        );
        assert_eq!(
            with_param(page, "ck-dir", ""),
            "?s=caf%C3%A9+bar&p=12&page=2&m=2024"
        );
        assert_eq!(with_param("", "ck-dir", "page:2"), "?ck-dir=page:2");
        assert_eq!(with_param("?ck-dir=q:x", "ck-dir", ""), "");
        let two = with_param(
            &with_param("?p=1", "ck-dir", "q:a"),
            "ck-dir-members",
            "q:b",
        );
        assert_eq!(two, "?p=1&ck-dir=q:a&ck-dir-members=q:b");
        assert_eq!(read_param(&two, "ck-dir"), Some("q:a"));
    }

    #[test]
    fn a_name_with_letters_beyond_ascii_is_read_as_the_browser_writes_it() {
        // `id="asociación"`: the browser's URL holds the name percent-encoded.
        let name = "ck-asociación";
        let written = with_param("?p=1", name, "page:2");
        assert_eq!(written, "?p=1&ck-asociaci%C3%B3n=page:2");
        assert_eq!(read_param(&written, name), Some("page:2"));
        // Written again, it replaces itself rather than adding a second parameter, also
        // where a page wrote it unencoded.
        assert_eq!(
            with_param(&written, name, "page:3"),
            "?p=1&ck-asociaci%C3%B3n=page:3"
        );
        assert_eq!(
            with_param("?ck-asociación=page:1", name, "page:3"),
            "?ck-asociaci%C3%B3n=page:3"
        );
        assert_eq!(read_param("?ck-a%2Bb=q:x", "ck-a+b"), Some("q:x"));
        assert_eq!(
            read_param("?ck-a+b=q:x", "ck-a b"),
            None,
            "a plus in a name is a plus"
        );
    }
}
