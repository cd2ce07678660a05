//! Localized text: a plain string, or one string per language tag.

use std::borrow::Cow;

/// A text field of the feed: `"Sonilab"` or `{ "ca": "Postproducció", "en": "Post-production" }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Text {
    /// The same text in every language.
    Plain(String),
    /// `(language tag, text)` pairs in feed order; never empty.
    Localized(Vec<(String, String)>),
}

impl Default for Text {
    fn default() -> Self {
        Text::Plain(String::new())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_owned())
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text::Plain(s)
    }
}

impl<const N: usize> From<[(&str, &str); N]> for Text {
    fn from(pairs: [(&str, &str); N]) -> Self {
        Text::Localized(
            pairs
                .iter()
                .map(|(l, t)| ((*l).to_owned(), (*t).to_owned()))
                .collect(),
        )
    }
}

impl Text {
    /// The text for `lang`, in the feed's resolution order: the requested tag, its primary
    /// subtag, `fallback` (the cluster's default language), `en`, then the first given.
    ///
    /// ```
    /// use clusterkit::feed::Text;
    /// let t = Text::from([("ca", "Postproducció"), ("en", "Post-production")]);
    /// assert_eq!(t.resolve("ca-ES", "es"), "Postproducció");
    /// assert_eq!(t.resolve("gl", "ca"), "Postproducció");
    /// assert_eq!(t.resolve("gl", "es"), "Post-production");
    /// ```
    pub fn resolve<'a>(&'a self, lang: &str, fallback: &str) -> &'a str {
        self.resolve_tagged(lang, fallback).1
    }

    /// [`Text::resolve`], with the language tag of the text it chose (`None` for a plain
    /// text, which is in no language in particular), so that a page can mark text shown in
    /// another language than the visitor's with `lang` (WCAG 3.1.2).
    ///
    /// ```
    /// use clusterkit::feed::Text;
    /// let t = Text::from([("ca", "Postproducció")]);
    /// assert_eq!(t.resolve_tagged("en", "ca"), (Some("ca"), "Postproducció"));
    /// assert_eq!(Text::from("Sonilab").resolve_tagged("en", "ca"), (None, "Sonilab"));
    /// ```
    pub fn resolve_tagged<'a>(&'a self, lang: &str, fallback: &str) -> (Option<&'a str>, &'a str) {
        match self {
            Text::Plain(s) => (None, s),
            Text::Localized(pairs) => {
                let find = |tag: &str| {
                    pairs
                        .iter()
                        .find(|(l, _)| l.eq_ignore_ascii_case(tag))
                        .map(|(l, t)| (Some(l.as_str()), t.as_str()))
                };
                let primary = lang.split(['-', '_']).next().unwrap_or(lang);
                find(lang)
                    .or_else(|| find(primary))
                    .or_else(|| {
                        // A region-specific entry (`es-ES`) still serves its language (`es`).
                        pairs
                            .iter()
                            .find(|(l, _)| {
                                l.split(['-', '_'])
                                    .next()
                                    .is_some_and(|p| p.eq_ignore_ascii_case(primary))
                            })
                            .map(|(l, t)| (Some(l.as_str()), t.as_str()))
                    })
                    .or_else(|| find(fallback))
                    .or_else(|| find("en"))
                    .or_else(|| pairs.first().map(|(l, t)| (Some(l.as_str()), t.as_str())))
                    .unwrap_or((None, ""))
            }
        }
    }

    /// Every language variant, for search indexes that match in any language.
    pub fn variants(&self) -> impl Iterator<Item = &str> {
        let (plain, pairs): (Option<&str>, &[(String, String)]) = match self {
            Text::Plain(s) => (Some(s), &[]),
            Text::Localized(p) => (None, p),
        };
        plain
            .into_iter()
            .chain(pairs.iter().map(|(_, t)| t.as_str()))
    }

    /// Whether every variant is empty.
    pub fn is_empty(&self) -> bool {
        self.variants().all(str::is_empty)
    }
}

/// Strips the characters a text field must never carry into the page: C0 and C1 controls
/// other than tab and newline, and bidirectional overrides that could disguise a name.
pub fn clean(s: &str) -> Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    // Every such character is a byte under 0x20, DEL, or starts with 0xC2 (C1) or 0xE2 (the
    // overrides): a byte scan rules most text out before any character is decoded.
    let maybe = |b: u8| (b < 0x20 && b != b'\n' && b != b'\t') || matches!(b, 0x7F | 0xC2 | 0xE2);
    if s.bytes().any(maybe) && s.chars().any(bad) {
        Cow::Owned(s.chars().filter(|&c| !bad(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution_follows_the_contract_order() {
        let t = Text::from([
            ("es", "Productora"),
            ("en", "Producer"),
            ("ca", "Productora CA"),
        ]);
        assert_eq!(t.resolve("es", "ca"), "Productora");
        assert_eq!(t.resolve("es-AR", "ca"), "Productora", "primary subtag");
        assert_eq!(
            t.resolve("gl", "ca"),
            "Productora CA",
            "cluster default language"
        );
        assert_eq!(t.resolve("fr", "de"), "Producer", "English next");
        let only_gl = Text::from([("gl", "Produtora")]);
        assert_eq!(
            only_gl.resolve("en", "ca"),
            "Produtora",
            "any as the last resort"
        );
        let regional = Text::from([("es-ES", "Postproducción"), ("en", "Post-production")]);
        assert_eq!(regional.resolve("es", "ca"), "Postproducción");
        assert_eq!(Text::from("Sonilab").resolve("ca", "ca"), "Sonilab");
    }

    #[test]
    fn clean_removes_controls_and_bidi_overrides_but_keeps_newlines() {
        assert_eq!(clean("a\u{0}b\u{7}c\nd\te\u{202E}f"), "abc\nd\tef");
        assert_eq!(
            clean("DEL\u{7f} C1\u{85}\u{9f} isolate\u{2066}\u{2069} end"),
            "DEL C1 isolate end"
        );
        for kept in [
            "Algam Ibérica",
            "Cel·la – “A” … ’",
            "\u{a0}\u{2065}\u{202F}\u{2070}",
        ] {
            assert!(matches!(clean(kept), Cow::Borrowed(_)), "{kept:?}");
        }
    }
}
