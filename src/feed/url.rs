//! Which URLs a feed may turn into links and images.

/// Whether `url` may become an `href` or `src`: `http:` or `https:`, or relative (resolved
/// against the feed's own URL). Checked the way browsers read URLs: leading and trailing
/// control characters and spaces are ignored, tabs and newlines inside are removed, and the
/// scheme is case-insensitive, so `" JaVa\tScRiPt:alert(1)"` is refused.
pub fn is_safe_url(url: &str) -> bool {
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    if trimmed.is_empty() {
        return false;
    }
    let squeezed: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    // A scheme is ASCII letters, digits, '+', '-' and '.', starting with a letter, before the
    // first ':' that comes ahead of any '/', '?' or '#'.
    let head_end = squeezed.find(['/', '?', '#']).unwrap_or(squeezed.len());
    match squeezed[..head_end].find(':') {
        None => squeezed.strip_prefix("//").is_none_or(has_host),
        Some(colon) => {
            let scheme = &squeezed[..colon];
            let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
            if !is_scheme {
                // `a:b` where `a` is no scheme is a relative path; but a colon in the first
                // segment of a relative URL is refused by the URL standard too, so refuse it.
                return false;
            }
            (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"))
                && squeezed[colon + 1..]
                    .strip_prefix("//")
                    .is_some_and(has_host)
        }
    }
}

/// Whether what follows an address's `//` begins with a host a browser can reach: not none
/// (`https://`, a field left as its form gave it), no spaces (`https://a.example,
/// https://b.example`, two addresses in one cell; `https://www.example.cat (web)`), and a
/// port, if any, of digits (`http://localhost:port/`).
fn has_host(after_slashes: &str) -> bool {
    let authority = &after_slashes[..after_slashes
        .find(['/', '?', '#'])
        .unwrap_or(after_slashes.len())];
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let (host, port) = match host_port.rfind(':') {
        Some(i) if !host_port[i..].contains(']') => (&host_port[..i], &host_port[i + 1..]),
        _ => (host_port, ""),
    };
    !host.is_empty() && !host.contains(' ') && port.bytes().all(|b| b.is_ascii_digit())
}

/// The page's address, as relative URLs in it resolve (its `<base href>` if it has one);
/// `None` off the browser.
pub(crate) fn page_base() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window()?.document()?.base_uri().ok().flatten();
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// `url` made absolute against `base`, or against the page's base URL without one (in the
/// browser; elsewhere it is returned as it is), or `None` where the browser cannot read it
/// (elsewhere: where it holds a control character).
pub(crate) fn resolve(url: &str, base: Option<&str>) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let base = base.map(str::to_owned).or_else(page_base);
        if let Some(base) = base {
            // One the browser cannot read (a space in its host) is no link: kept as written,
            // a line break in it would start a new line of an .ics file.
            return web_sys::Url::new_with_base(url, &base)
                .ok()
                .map(|u| u.href());
        }
    }
    let _ = base;
    (!url.chars().any(char::is_control)).then(|| url.to_owned())
}

/// The `tel:` link for a phone number, if it only holds digits, spaces, `+`, `-`, `.`, `(`
/// and `)`, with at least three digits.
pub(crate) fn phone_href(phone: &str) -> Option<String> {
    let ok = phone.chars().all(|c| {
        c.is_ascii_digit()
                || matches!(c, ' ' | '+' | '-' | '.' | '(' | ')')
                // The spaces and hyphen a word processor or a web page puts in a number
                // copied from it: no-break, narrow no-break, thin; no-break hyphen.
                || matches!(c, '\u{A0}' | '\u{202F}' | '\u{2009}' | '\u{2011}')
    }) && phone.chars().filter(char::is_ascii_digit).count() >= 3;
    ok.then(|| {
        format!(
            "tel:{}",
            phone
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect::<String>()
        )
    })
}

/// Whether `email` looks like `local@domain.tld` with nothing that could break out of a
/// `mailto:` link (no spaces, `?`, `&`, `:` or `<`).
pub(crate) fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let ok_char = |c: char| {
        !c.is_whitespace()
            && !c.is_control()
            && !matches!(
                c,
                '?' | '&' | ':' | '<' | '>' | '"' | '/' | '\\' | '@' | ',' | ';'
            )
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && local.chars().all(ok_char)
        && domain.chars().all(ok_char)
}

/// Whether `color` is `#rgb` or `#rrggbb`, the only forms a feed may give.
pub(crate) fn is_color(color: &str) -> bool {
    color
        .strip_prefix('#')
        .is_some_and(|hex| matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_https_and_relative_urls_are_safe() {
        for ok in [
            "https://www.cccb.org",
            "http://example.org/a?b#c",
            "HTTPS://X.ORG",
            "logos/sonilab.svg",
            "/logos/a.png",
            "//cdn.example.org/x.png",
            "http://[::1]:8080/feed.json",
            "https://user@example.org:8443/a b.png",
            "logos/my logo.png",
            "../a.png",
            "?x=1",
            "a/b:c",
        ] {
            assert!(is_safe_url(ok), "{ok}");
        }
    }

    #[test]
    fn script_data_and_other_schemes_are_refused_however_disguised() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "  javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "mailto:a@b.c",
            "https:evil.org",
            "",
            "   ",
            "a:b",
        ] {
            assert!(!is_safe_url(bad), "{bad:?}");
        }
    }

    #[test]
    fn an_address_without_a_host_a_browser_can_reach_is_refused() {
        for bad in [
            "http://",
            "https://",
            "https:///path",
            "//",
            "https://a.example, https://b.example",
            "https://www.example.cat (web)",
            "http://localhost:port/x",
        ] {
            assert!(!is_safe_url(bad), "{bad:?}");
        }
    }

    #[test]
    fn phones_and_emails_only_become_links_when_plain() {
        assert_eq!(
            phone_href("+34 93 555 12 34").as_deref(),
            Some("tel:+34935551234")
        );
        assert_eq!(
            phone_href("(981) 941-792").as_deref(),
            Some("tel:981941792")
        );
        assert_eq!(
            phone_href("+34\u{a0}93\u{a0}555\u{202f}12\u{2009}34").as_deref(),
            Some("tel:+34935551234")
        );
        assert_eq!(
            phone_href("981\u{2011}941\u{2011}792").as_deref(),
            Some("tel:981941792")
        );
        assert_eq!(phone_href("call us"), None);
        assert_eq!(phone_href("12"), None);
        assert_eq!(phone_href("+34 93;javascript:x"), None);
        assert!(is_email("info@sonilab.example.com"));
        for bad in [
            "info",
            "a@b",
            "a b@c.d",
            "a@b.c?subject=x",
            "@b.c",
            "a@.b",
            "javascript:a@b.c",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn only_hex_colours_pass() {
        assert!(is_color("#7a5195") && is_color("#FFF"));
        for bad in [
            "red",
            "#12345",
            "#1234567",
            "#7a5195;background:url(x)",
            "expression(alert(1))",
            "#ggg",
        ] {
            assert!(!is_color(bad), "{bad}");
        }
    }
}
