//! A feed's texts as escaped markup, each marked with the language it is written in where
//! that is not the visitor's.

use crate::i18n::Lang;

/// Writes the paragraphs of `text` in `lang` (its lines that are not blank: a feed writes
/// them with `\n`) to `out` as escaped `<p>` elements, each marked with the language it is
/// written in when the feed had none in the visitor's, so that a screen reader reads a
/// Catalan description on an English page with a Catalan voice (WCAG 3.1.2).
pub(crate) fn paragraphs(out: &mut String, text: &crate::feed::Text, lang: Lang, fallback: &str) {
    let (marked, text) = lang_of(text, lang, fallback);
    for paragraph in text.split('\n').filter(|p| !p.trim().is_empty()) {
        out.push_str("<p");
        out.push_str(&marked);
        out.push('>');
        out.push_str(&escape(paragraph));
        out.push_str("</p>");
    }
}

/// `text` resolved for `lang`, with the ` lang="…"` attribute to put on the element that
/// holds it when it is written in another language than the visitor's (empty otherwise, and
/// for a plain text, which is in no language in particular).
pub(crate) fn lang_of<'a>(
    text: &'a crate::feed::Text,
    lang: Lang,
    fallback: &str,
) -> (String, &'a str) {
    let (tag, text) = text.resolve_tagged(lang.tag(), fallback);
    (
        tag.map(|tag| lang_attr(tag, lang)).unwrap_or_default(),
        text,
    )
}

/// ` lang="…"` for a text in the language `tag`, or nothing when that is the visitor's `lang`.
pub(crate) fn lang_attr(tag: &str, lang: Lang) -> String {
    if Lang::from_tag(tag) == Some(lang) {
        String::new()
    } else {
        format!(" lang=\"{}\"", escape(&tag.replace('_', "-")))
    }
}

/// ` aria-level="…"` for a heading written `<h{tag}>` that stands at `level` in the page's
/// outline (a widget's `heading-level`, under the page's own headings), or nothing where its
/// tag says so. Levels past 6 are 6.
pub(crate) fn level_attr(tag: u8, level: u8) -> String {
    let level = level.clamp(1, 6);
    if level == tag {
        String::new()
    } else {
        format!(" aria-level=\"{level}\"")
    }
}

/// A widget's name: the page's `label` for it, trimmed, or `default` where it gives none.
pub(crate) fn named(label: Option<String>, default: &str) -> String {
    match label.as_deref().map(str::trim) {
        Some(label) if !label.is_empty() => label.to_owned(),
        _ => default.to_owned(),
    }
}

/// What a segment or category the feed may list under `id` is called, with its ` lang` as
/// [`lang_of`] gives it; an id the feed does not list shows as itself, in no language.
pub(crate) fn name_of<'a>(
    found: Option<&'a crate::feed::Segment>,
    id: &'a str,
    lang: Lang,
    fallback: &str,
) -> (String, &'a str) {
    found.map_or((String::new(), id), |s| lang_of(&s.name, lang, fallback))
}

/// `text` resolved for `lang` as escaped markup, inside a `<span lang="…">` when it is
/// written in another language than the visitor's ([`lang_of`]), for text read out within
/// a sentence of the visitor's language: an event's title in a day's summary, say.
pub(crate) fn in_its_lang(text: &crate::feed::Text, lang: Lang, fallback: &str) -> String {
    match lang_of(text, lang, fallback) {
        (marked, text) if marked.is_empty() => escape(text),
        (marked, text) => format!("<span{marked}>{}</span>", escape(text)),
    }
}

/// `text` with `&`, `<`, `>`, `"` and `'` as character references: safe as element content
/// and as a quoted attribute value, in HTML as in SVG markup.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
