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
/// other than tab and newline, bidirectional overrides that could disguise a name, and the
/// invisible spaces an export or a paste leaves (U+200B, U+2060, U+FEFF), which would make
/// `"production\u{200B}"` another segment than `"production"`. The
/// HTML a CMS's export leaves in text is read as the text it stands for (see [`unmark`]).
pub(crate) fn clean(s: &str) -> Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(
                c,
                '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}'
            )
    };
    // Every such character is a byte under 0x20, DEL, or starts with 0xC2 (C1), 0xE2 (the
    // overrides and spaces) or 0xEF (U+FEFF), and markup starts at `&` or `<`: one byte scan
    // rules most text out before any character is decoded.
    let maybe =
        |b: u8| (b < 0x20 && b != b'\n' && b != b'\t') || matches!(b, 0x7F | 0xC2 | 0xE2 | 0xEF);
    let markup = |b: u8| b == b'&' || b == b'<';
    if !s.bytes().any(|b| maybe(b) || markup(b)) {
        return Cow::Borrowed(s);
    }
    let s = match s.bytes().any(markup).then(|| unmark(s)).flatten() {
        Some(unmarked) => Cow::Owned(unmarked),
        None => Cow::Borrowed(s),
    };
    if s.chars().any(bad) {
        Cow::Owned(s.chars().filter(|&c| !bad(c)).collect())
    } else {
        s
    }
}

/// Whether `s` is blank, as markup too: spaces only, or HTML that reads as spaces only
/// (`&nbsp;`, `<p></p>`), which an optional field counts as not given.
pub(crate) fn is_blank(s: &str) -> bool {
    s.trim().is_empty()
        || (s.contains(['&', '<']) && unmark(s).is_some_and(|u| u.trim().is_empty()))
}

/// The names of the characters from U+00A0 to U+00FF, in order, as HTML writes them
/// (`&nbsp;`, `&eacute;`, `&middot;`).
const LATIN_1: &str = "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg \
    macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 \
    iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave \
    Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc \
    Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute \
    ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash \
    ugrave uacute ucirc uuml yacute thorn yuml";

/// The other named characters a CMS writes in text.
const NAMED: [(&str, char); 19] = [
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("hellip", '…'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("bull", '•'),
    ("euro", '€'),
    ("trade", '™'),
    ("oelig", 'œ'),
    ("OElig", 'Œ'),
];

/// The character a reference at the start of `s` (`&amp;`, `&#8217;`, `&#x2019;`) stands
/// for, and the reference's length.
fn reference(s: &str) -> Option<(char, usize)> {
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let name = &s[1..end];
    let c = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16),
            None => number.parse(),
        };
        match code.ok()? {
            // As HTML reads them: old Word and FrontPage text wrote `&#146;` for `’`.
            c1 @ 0x80..=0x9F => super::encoding::cp1252(c1 as u8),
            code => char::from_u32(code)?,
        }
    } else if let Some(k) = LATIN_1.split_ascii_whitespace().position(|n| n == name) {
        char::from_u32(0xA0 + k as u32)?
    } else {
        NAMED.iter().find(|(n, _)| *n == name)?.1
    };
    Some((c, end + 1))
}

/// An HTML tag or comment read at the start of a text: what it leaves of the text, its
/// length, and for a link, where it went.
struct Tag<'a> {
    text: &'static str,
    len: usize,
    /// `Some` for a link's opening tag: its `href`, where it is a web address.
    opens_link: Option<Option<&'a str>>,
    /// Whether it closes a link.
    closes_link: bool,
}

/// The tag or comment at the start of `s`: a line break for a paragraph's end, a `<br>` or a
/// list item's end, a space for a table cell's, nothing for an inline tag's, an image's, an
/// embed's or a comment (WordPress' `<!-- wp:paragraph -->`). `None` for what is no such tag
/// (`<3`, `<Studio>`).
fn tag(s: &str) -> Option<Tag<'_>> {
    // Looked for within a tag's or a comment's usual length: a text of many `<` without a
    // `>` is read in one pass, not searched to its end from each.
    let within = |n: usize| {
        let mut end = n.min(s.len());
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        &s[..end]
    };
    if let Some(comment) = within(1024).strip_prefix("<!--") {
        let len = comment.find("-->")? + 7;
        return Some(Tag {
            text: "",
            len,
            opens_link: None,
            closes_link: false,
        });
    }
    let end = within(512).find('>')?;
    let inner = &s[1..end];
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name_end = inner
        .find(|c: char| c.is_ascii_whitespace() || c == '/')
        .unwrap_or(inner.len());
    let name = inner[..name_end].to_ascii_lowercase();
    const BLOCKS: [&str; 24] = [
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "tr",
        "table",
        "figure",
        "figcaption",
        "section",
        "article",
        "header",
        "footer",
        "dl",
        "dt",
        "dd",
        "pre",
    ];
    const INLINE: [&str; 30] = [
        "strong", "b", "em", "i", "u", "s", "span", "a", "small", "sup", "sub", "font", "mark",
        "abbr", "cite", "code", "img", "iframe", "video", "audio", "source", "picture", "tbody",
        "thead", "tfoot", "caption", "q", "del", "ins", "time",
    ];
    let name = name.as_str();
    let text = if name == "br" || name == "hr" || (closing && BLOCKS.contains(&name)) {
        "\n"
    } else if closing && (name == "td" || name == "th") {
        " "
    } else if BLOCKS.contains(&name) || INLINE.contains(&name) || name == "td" || name == "th" {
        ""
    } else {
        return None;
    };
    if inner.contains('<') {
        return None;
    }
    // A link's address, where it is one a visitor can follow (not `#top`, not `javascript:`).
    let href = || {
        let at = inner.find("href=")? + 5;
        let quoted = inner[at..].strip_prefix(['"', '\''])?;
        let address = &quoted[..quoted.find(['"', '\''])?];
        let web = address
            .get(..8)
            .is_some_and(|h| h.eq_ignore_ascii_case("https://"))
            || address
                .get(..7)
                .is_some_and(|h| h.eq_ignore_ascii_case("http://"));
        (web && super::url::is_safe_url(address) && !address.contains(char::is_whitespace))
            .then_some(address)
    };
    Some(Tag {
        text,
        len: end + 1,
        opens_link: (name == "a" && !closing).then(href),
        closes_link: name == "a" && closing,
    })
}

/// `s` with the HTML a CMS's export leaves in it read as text: character references
/// (WordPress' `&amp;` and `&#8217;`, Drupal's `&eacute;`) as their characters, tags of
/// paragraphs, line breaks, tables, images, embeds and inline formatting (`<p>`, `<br>`,
/// `<strong>`, `<figure>`) as the lines they make or nothing, comments as nothing; never as
/// markup. A link keeps its web address after its words, where they do not say it
/// (`aquí (https://…)`). Any other `&` or `<` stays as written (`Sonilab & Co`, `<3`).
/// `None` where there was nothing to read.
pub(crate) fn unmark(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    let mut changed = false;
    // The open link's address, and where its words begin in `out`.
    let mut link: Option<(&str, usize)> = None;
    while let Some(at) = rest.find(['&', '<']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let read = if tail.starts_with('&') {
            reference(tail).map(|(c, len)| {
                out.push(c);
                len
            })
        } else {
            tag(tail).map(|tag| {
                if let Some(href) = tag.opens_link {
                    link = href.map(|h| (h, out.len()));
                }
                if tag.closes_link
                    && let Some((href, from)) = link.take()
                {
                    let words = out[from..].trim();
                    let bare = |a: &str| {
                        let a = a.trim_end_matches('/');
                        a.split_once("//").map_or(a, |(_, b)| b).to_owned()
                    };
                    if !words.is_empty() && bare(words) != bare(href) {
                        out.push_str(" (");
                        out.push_str(href);
                        out.push(')');
                    }
                }
                out.push_str(tag.text);
                tag.len
            })
        };
        let used = read.unwrap_or_else(|| {
            out.push_str(&tail[..1]);
            1
        });
        changed |= read.is_some();
        rest = &tail[used..];
    }
    out.push_str(rest);
    changed.then_some(out)
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
    fn html_from_a_cms_export_reads_as_the_text_it_stands_for() {
        for (exported, text) in [
            ("Sonilab &amp; Co", "Sonilab & Co"),
            ("L&#8217;Estudi", "L’Estudi"),
            ("L&#x2019;Estudi &#X41;", "L’Estudi A"),
            // As HTML reads the C1 numbers old Word text wrote: Windows-1252's characters.
            ("L&#146;Estudi &#147;Cine&#148;", "L’Estudi “Cine”"),
            ("Algam Ibérica&nbsp;S.L.", "Algam Ibérica\u{a0}S.L."),
            (
                "Producci&oacute; &middot; Cel&middot;la &Ntilde;",
                "Producció · Cel·la Ñ",
            ),
            (
                "Jornada &#8211; Ayudas &amp; convocatorias",
                "Jornada – Ayudas & convocatorias",
            ),
            ("<strong>Rakuten</strong> TV", "Rakuten TV"),
            (
                "<p>Estudi &amp; so.</p>\r\n<p class=\"x\">Des de 1990 &#8211; <b>líders</b></p>",
                "Estudi & so.\n\nDes de 1990 – líders\n",
            ),
            (
                "<!-- wp:paragraph --><p>ECAM<br>Madrid<BR /></p><!-- /wp:paragraph -->",
                "ECAM\nMadrid\n\n",
            ),
            ("<a href=\"javascript:alert(1)\">link</a>", "link"),
            // A link keeps where it goes, unless its words say it.
            (
                "<p>Inscripcions <a href=\"https://www.ins.example/form\" target=\"_blank\">aquí</a>.</p>",
                "Inscripcions aquí (https://www.ins.example/form).\n",
            ),
            (
                "Web: <a href='https://www.ins.example/'>www.ins.example</a>",
                "Web: www.ins.example",
            ),
            ("<a href=\"#top\">up</a>", "up"),
            // The block editor's images, embeds and tables: what they say, not their markup.
            (
                "<figure class=\"wp-block-image\"><img src=\"a.jpg\" alt=\"Plató\"/></figure><p>Text després.</p>",
                "\nText després.\n",
            ),
            (
                "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>Tràiler",
                "Tràiler",
            ),
            (
                "<table><tbody><tr><td>Any</td><td>2010</td></tr></tbody></table>",
                "Any 2010 \n\n",
            ),
            (
                "https://www.epsilon.cat/?a=1&amp;b=2",
                "https://www.epsilon.cat/?a=1&b=2",
            ),
            // A reference to markup is text, not read again as a tag.
            ("&lt;p&gt; is a paragraph", "<p> is a paragraph"),
        ] {
            assert_eq!(clean(exported), text, "{exported:?}");
        }
        // What is no reference or tag stays as written.
        for kept in [
            "Sonilab & Co",
            "R&D; AT&T",
            "I <3 cinema",
            "<Studio> 5 < 6 > 4",
            "&unknown; &#; &#xZZ; &amp",
            "<p",
            "<!-- unclosed",
        ] {
            assert!(matches!(clean(kept), Cow::Borrowed(_)), "{kept:?}");
        }
        // Many `<` or `<!--` without an end are text, read in one pass (a 200 KB field of
        // them took seconds, each searched to the end of the text).
        for many in [
            "<!--".repeat(50_000),
            "<".repeat(200_000),
            "a<b ".repeat(50_000),
        ] {
            assert_eq!(clean(&many), many.as_str());
        }
        // A control character or an override written as a reference is stripped all the same.
        assert_eq!(clean("a&#0;b&#8238;c"), "abc");
    }

    #[test]
    fn clean_removes_controls_and_bidi_overrides_but_keeps_newlines() {
        assert_eq!(clean("a\u{0}b\u{7}c\nd\te\u{202E}f"), "abc\nd\tef");
        assert_eq!(clean("\u{FEFF}production\u{200B}"), "production");
        assert_eq!(clean("Cine\u{2060}ma"), "Cinema");
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
