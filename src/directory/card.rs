//! A page of member cards and a member's profile, as markup, with the search's matches
//! highlighted. Drawn as strings (every feed text escaped, no `style` attribute) rather than
//! as views: a card holds a dozen elements, a page two dozen cards, and views of them cost
//! the Wasm about twice the bytes; segment colours go through CSSOM
//! ([`paint_segments`](crate::ui::paint_segments)), which a strict CSP allows.

use std::fmt::Write as _;

use wasm_bindgen::JsCast;

use super::model::initials;
use crate::feed::{Feed, Member, is_email, phone_href};
use crate::i18n::{Lang, fill};
use crate::search::Query;
use crate::ui::{escape, segment_tags};

/// Appends `text`, escaped, with the query's matches in `<mark>`; whether it has any.
fn highlighted(out: &mut String, text: &str, query: &Query) -> bool {
    let ranges = query.highlights(text);
    let mut at = 0;
    for range in &ranges {
        out.push_str(&escape(&text[at..range.start]));
        let _ = write!(
            out,
            "<mark part=\"match\">{}</mark>",
            escape(&text[range.clone()])
        );
        at = range.end;
    }
    out.push_str(&escape(&text[at..]));
    !ranges.is_empty()
}

/// Marks the card logo an event happened on as loaded (it then covers the initials) or as
/// broken (hidden, leaving them).
pub(crate) fn logo_loaded(ev: &web_sys::Event, loaded: bool) {
    if let Some(img) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    {
        img.set_hidden(!loaded);
        let _ = img.toggle_attribute_with_force("data-loaded", loaded);
    }
}

/// City and region, as one line of markup with the query's matches marked; each in a
/// `<bdi>`, so that a right-to-left name (תל אביב) keeps its place in the line. Whether any
/// matched.
fn place(out: &mut String, m: &Member, query: &Query) -> bool {
    let mut matched = false;
    for (k, part) in [m.city.as_deref(), m.region.as_deref()]
        .into_iter()
        .flatten()
        .enumerate()
    {
        out.push_str(if k == 0 { "<bdi>" } else { " · <bdi>" });
        matched |= highlighted(out, part, query);
        out.push_str("</bdi>");
    }
    matched
}

/// For a card whose name and place show none of the search's matches, a line that does: an
/// excerpt of the member's description around its first match (in the visitor's language
/// first, then in the others the search also reads), else its matching tags, so that the
/// visitor sees why the member was found. The excerpt's `lang` attribute where it is not in
/// the visitor's language.
fn snippet(out: &mut String, m: &Member, lang: Lang, fallback: &str, query: &Query) {
    let mut texts: Vec<(String, &str)> = Vec::new();
    if let Some(description) = &m.description {
        let (marked, shown) = crate::ui::lang_of(description, lang, fallback);
        texts.push((marked, shown));
        // The other languages', without the one shown again.
        if let crate::feed::Text::Localized(pairs) = description {
            texts.extend(
                pairs
                    .iter()
                    .filter(|(_, text)| !std::ptr::eq(text.as_str(), shown))
                    .map(|(tag, text)| (crate::ui::lang_attr(tag, lang), text.as_str())),
            );
        }
    }
    let tags = m.tags.join(", ");
    texts.push((String::new(), &tags));
    let Some((marked, text, first)) = texts.into_iter().find_map(|(marked, text)| {
        let first = query.highlights(text).first()?.start;
        Some((marked, text, first))
    }) else {
        return;
    };
    // From the first word that begins at most 30 characters before the match, to the last
    // that ends at most 90 characters after that.
    let from = text[..first]
        .char_indices()
        .rev()
        .nth(30)
        .map_or(0, |(at, _)| at);
    // Past the space, whichever: a no-break space (a CMS's `&nbsp;`) is two bytes.
    let from = match text[from..first]
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
    {
        Some((space, c)) if from > 0 => from + space + c.len_utf8(),
        _ => from,
    };
    let to = text[from..]
        .char_indices()
        .nth(90)
        .map_or(text.len(), |(at, _)| from + at);
    let to = match text[first..to].rfind(char::is_whitespace) {
        Some(space) if to < text.len() => first + space,
        _ => to,
    };
    let _ = write!(out, "<p class=\"ck-meta ck-snippet\"{marked}>");
    if from > 0 {
        out.push('…');
    }
    highlighted(out, &text[from..to].replace('\n', " "), query);
    if to < text.len() {
        out.push('…');
    }
    out.push_str("</p>");
}

/// The cards of members `page` (indexes into the feed's members), each an `<li>`, and the
/// colours of their segment tags in document order. A card's name is a button carrying the
/// member's index in `data-i`, which opens the profile, in a heading at `level`.
pub(crate) fn cards(
    feed: &Feed,
    page: &[usize],
    lang: Lang,
    query: &Query,
    level: u8,
) -> (String, Vec<String>) {
    let level = crate::ui::level_attr(3, level);
    let fallback = feed.cluster.default_language.as_str();
    let mut out = String::new();
    let mut colours = Vec::new();
    for &i in page {
        let Some(m) = feed.members.get(i) else {
            continue;
        };
        let name = m.name.resolve(lang.tag(), fallback);
        // The initials are always there, and a logo covers them once it loads (until then,
        // and on a slow network that is a while, they show); one that cannot load hides
        // itself and leaves them.
        let _ = write!(
            out,
            "<li><article class=\"ck-card\" part=\"card\"><span class=\"ck-logo\" aria-hidden=\"true\">{}",
            escape(&initials(name))
        );
        if let Some(src) = m.logo.as_deref().and_then(|url| feed.resolve_url(url)) {
            let _ = write!(
                out,
                "<img src=\"{}\" alt=\"\" loading=\"lazy\">",
                escape(&src)
            );
        }
        let _ = write!(
            out,
            "</span><h3{level}><button type=\"button\" class=\"ck-open\" aria-haspopup=\"dialog\" data-i=\"{i}\" translate=\"no\">"
        );
        let in_name = highlighted(&mut out, name, query);
        out.push_str("</button></h3><p class=\"ck-meta\">");
        let in_place = place(&mut out, m, query);
        out.push_str("</p>");
        if !query.is_empty() && !in_name && !in_place {
            snippet(&mut out, m, lang, fallback, query);
        }
        segment_tags(&mut out, &mut colours, feed, &m.segments, lang);
        out.push_str("</article></li>");
    }
    (out, colours)
}

/// Everything the feed says about member `m`, for the profile dialog, with its heading's
/// id `title_id`; and the colours of its segment tags.
pub(crate) fn profile(
    feed: &Feed,
    m: &Member,
    lang: Lang,
    title_id: &str,
) -> (String, Vec<String>) {
    let s = lang.strings();
    let fallback = feed.cluster.default_language.as_str();
    // A `div`, not a `header`, which a dialog would expose as the page's banner landmark.
    let mut out = String::from("<div class=\"ck-profile-head\">");
    if let Some(src) = m.logo.as_deref().and_then(|url| feed.resolve_url(url)) {
        let _ = write!(
            out,
            "<img class=\"ck-profile-logo\" src=\"{}\" alt=\"\" loading=\"lazy\">",
            escape(&src)
        );
    }
    let joined = m
        .joined
        .map(|d| fill(s.member_since, &[("year", &d.year.to_string())]));
    // Markup: the place's own, and the rest escaped.
    let mut at = String::new();
    place(&mut at, m, &Query::default());
    let facts = [
        Some(at).filter(|p| !p.is_empty()),
        m.kind.map(|k| escape(s.kinds[k.index()])),
        joined.map(|j| escape(&j)),
        m.founding.then(|| escape(s.founding_member)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let _ = write!(
        out,
        "<h2 id=\"{title_id}\" translate=\"no\">{}</h2></div><p class=\"ck-meta\">{}</p>",
        escape(m.name.resolve(lang.tag(), fallback)),
        facts
    );
    let mut colours = Vec::new();
    segment_tags(&mut out, &mut colours, feed, &m.segments, lang);
    if let Some(d) = &m.description {
        out.push_str("<div class=\"ck-description\">");
        crate::ui::paragraphs(&mut out, d, lang, fallback);
        out.push_str("</div>");
    }
    // Contact details, if there are any: no empty list.
    let mut contact = String::new();
    if let Some((url, href)) = m
        .website
        .as_ref()
        .and_then(|url| Some((url, feed.resolve_url(url)?)))
    {
        // Shown as written when it is a whole address (`…/producció`, `münchen.example`),
        // not as the browser encodes it for the link.
        let shown = if url.contains("://") { url } else { &href };
        let _ = write!(
            contact,
            "<dt>{}</dt><dd><a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\" translate=\"no\">{}<span class=\"ck-visually-hidden\" translate=\"yes\"> {}</span></a></dd>",
            s.website,
            escape(&href),
            escape(shown),
            s.new_tab
        );
    }
    if let Some(e) = m.email.as_deref().filter(|e| is_email(e)) {
        // In a `mailto:` URL a `%` starts an escape and a `#` ends the address (RFC 6068):
        // both are letters an address may hold (`sales%uk@…`), written escaped in the link.
        let href = escape(&e.replace('%', "%25").replace('#', "%23"));
        let _ = write!(
            contact,
            "<dt>{}</dt><dd><a href=\"mailto:{href}\" translate=\"no\">{}</a></dd>",
            s.email,
            escape(e)
        );
    }
    if let Some((p, href)) = m.phone.as_ref().and_then(|p| Some((p, phone_href(p)?))) {
        let _ = write!(
            contact,
            "<dt>{}</dt><dd><a href=\"{}\" translate=\"no\">{}</a></dd>",
            s.phone,
            escape(&href),
            escape(p)
        );
    }
    if !m.tags.is_empty() {
        let _ = write!(
            contact,
            "<dt>{}</dt><dd>{}</dd>",
            s.keywords,
            escape(&m.tags.join(", "))
        );
    }
    if !contact.is_empty() {
        let _ = write!(out, "<dl class=\"ck-contact\">{contact}</dl>");
    }
    (out, colours)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::{Segment, Text};

    fn feed() -> Feed {
        let mut algam = Member::new("algam", "Algam Ibérica");
        algam.city = Some("Sant Joan Despí".into());
        algam.region = Some("Barcelona".into());
        algam.segments = vec!["music".into(), "nowhere".into()];
        algam.logo = Some("logos/algam.png?a=1&b=2".into());
        let mut evil = Member::new("evil", "<img src=x onerror=alert(1)> & \"Co\"");
        evil.city = Some("L'Hospitalet".into());
        evil.website = Some("https://evil.example/?q=\"><script>".into());
        evil.email = Some("info@evil.example".into());
        evil.phone = Some("+34 93 000 00 00".into());
        evil.tags = vec!["<b>".into(), "sound".into()];
        evil.description = Some(Text::from([("en", "Sound & <b>vision</b>\n\nSince 1990.")]));
        let mut music = Segment::new("music", "Music & sound");
        music.color = Some("#aa0000".into());
        Feed {
            members: vec![algam, evil],
            segments: vec![music],
            ..Feed::default()
        }
    }

    #[test]
    fn a_card_shows_initials_logo_name_place_and_tags_and_opens_by_index() {
        let feed = feed();
        let (html, colours) = cards(&feed, &[0], Lang::En, &Query::new(""), 3);
        assert!(html.starts_with("<li><article class=\"ck-card\" part=\"card\">"));
        assert!(html.contains("<span class=\"ck-logo\" aria-hidden=\"true\">AI<img src=\"logos/algam.png?a=1&amp;b=2\" alt=\"\" loading=\"lazy\"></span>"));
        assert!(html.contains("<h3><button type=\"button\" class=\"ck-open\" aria-haspopup=\"dialog\" data-i=\"0\" translate=\"no\">Algam Ibérica</button>"));
        // Under a section's heading (`heading-level="3"`), the names one level below it.
        let (under, _) = cards(&feed, &[0], Lang::En, &Query::new(""), 4);
        assert!(under.contains("<h3 aria-level=\"4\"><button"), "{under}");
        assert!(html.contains(
            "<p class=\"ck-meta\"><bdi>Sant Joan Despí</bdi> · <bdi>Barcelona</bdi></p>"
        ));
        // An id the feed does not define makes no tag.
        assert!(
            html.contains("<ul class=\"ck-tags\"><li class=\"ck-tag\">Music &amp; sound</li></ul>")
        );
        assert_eq!(colours, ["#aa0000"]);
        assert!(html.ends_with("</article></li>"));
    }

    #[test]
    fn matches_are_marked_in_name_and_place_as_written() {
        let feed = feed();
        let (html, _) = cards(&feed, &[0], Lang::En, &Query::new("despi iber"), 3);
        assert!(
            html.contains(">Algam <mark part=\"match\">Ibér</mark>ica</button>"),
            "{html}"
        );
        assert!(html.contains(
            "<bdi>Sant Joan <mark part=\"match\">Despí</mark></bdi> · <bdi>Barcelona</bdi>"
        ));
    }

    #[test]
    fn a_match_in_the_description_or_tags_only_shows_on_the_card_as_an_excerpt() {
        let mut feed = feed();
        let long = "We produce documentaries and series for television and platforms across \
                    Europe, and since 2015 we run a festival of short films in Vigo every summer \
                    with workshops for young directors and a market for their projects.";
        feed.members[0].description =
            Some(Text::from([("ca", "Productora de sèries."), ("en", long)]));
        let card = |lang, typed| cards(&feed, &[0], lang, &Query::new(typed), 3).0;
        let html = card(Lang::En, "festiv");
        assert!(
            html.contains(
                "<p class=\"ck-meta ck-snippet\">…and since 2015 we run a <mark part=\"match\">festiv</mark>al of short films in Vigo every summer with workshops for…</p>"
            ),
            "{html}"
        );
        // Found in another language's description: that one, marked with its language.
        let html = card(Lang::Ca, "festival");
        assert!(
            html.contains("<p class=\"ck-meta ck-snippet\" lang=\"en\">…"),
            "{html}"
        );
        // A short description whole, without ellipses.
        assert!(card(Lang::Ca, "series").contains(
            "<p class=\"ck-meta ck-snippet\">Productora de <mark part=\"match\">sèries</mark>.</p>"
        ));
        // Escaped, its paragraphs on one line.
        let html = cards(&feed, &[1], Lang::En, &Query::new("vision"), 3).0;
        assert!(
            html.contains("ck-snippet\">Sound &amp; &lt;b&gt;<mark part=\"match\">vision</mark>&lt;/b&gt;  Since 1990.</p>"),
            "{html}"
        );
        // Matched in the name: no excerpt.
        assert!(!card(Lang::En, "algam").contains("ck-snippet"));
        assert!(!card(Lang::En, "").contains("ck-snippet"));
        // Else the tags.
        feed.members[0].tags = vec!["vod".into(), "streaming".into()];
        assert!(
            cards(&feed, &[0], Lang::En, &Query::new("vod"), 3)
                .0
                .contains(
                    "<p class=\"ck-meta ck-snippet\"><mark part=\"match\">vod</mark>, streaming</p>"
                )
        );
    }

    #[test]
    fn an_excerpt_begins_at_a_word_after_any_kind_of_space() {
        // Words apart by no-break, thin and ideographic spaces (a CMS's `&nbsp;`), where
        // the excerpt begins: it begins at a word all the same.
        let spaced = "Productora\u{a0}fundada\u{a0}el\u{a0}2005\u{a0}a\u{a0}Barcelona,\u{2009}\
                  especialitzada\u{3000}en\u{a0}animació\u{a0}per\u{a0}a\u{a0}cinema.";
        let mut feed = feed();
        feed.members[0].description = Some(Text::from([("ca", spaced)]));
        let html = cards(&feed, &[0], Lang::Ca, &Query::new("animacio"), 3).0;
        let cut = "ck-snippet\">…Barcelona,\u{2009}especialitzada\u{3000}en\u{a0}\
                   <mark part=\"match\">animació</mark>\u{a0}per";
        assert!(html.contains(cut), "{html}");
    }

    proptest::proptest! {
        /// Any words apart by any spaces, a word of them searched: the card shows an
        /// excerpt with the match marked, wherever the excerpt's ends fall.
        #[test]
        fn an_excerpt_is_cut_on_characters_whatever_the_spaces(
            words in proptest::collection::vec("[a-wàéíñç]{1,12}", 1..60),
            spaces in proptest::collection::vec(
                proptest::sample::select(vec![' ', '\u{a0}', '\u{2009}', '\u{202f}', '\u{3000}', '\n']),
                60,
            ),
            pick in 0usize..60,
        ) {
            let text: String = words
                .iter()
                .zip(&spaces)
                .flat_map(|(w, s)| [w.as_str(), s.encode_utf8(&mut [0; 4])].map(str::to_owned))
                .collect();
            let mut feed = feed();
            // Found in the description only.
            feed.members[0] = Member::new("x", "Xyz");
            feed.members[0].description = Some(Text::from([("ca", text.as_str())]));
            let typed = &words[pick % words.len()];
            let html = cards(&feed, &[0], Lang::Ca, &Query::new(typed), 3).0;
            let marked = html.contains("<mark part=\"match\">");
            proptest::prop_assert!(marked, "{typed:?} in {text:?}: {html}");
        }
    }

    #[test]
    fn feed_text_is_escaped_in_cards_and_profiles() {
        let feed = feed();
        let (card, _) = cards(&feed, &[1], Lang::En, &Query::new("img"), 3);
        assert!(!card.contains("<img src=x"));
        assert!(card.contains(
            "&lt;<mark part=\"match\">img</mark> src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;"
        ));
        assert!(card.contains("L&#39;Hospitalet"));
        let (profile, _) = profile(&feed, &feed.members[1], Lang::En, "ck-profile-1");
        for raw in ["<script>", "<b>", "\"><script"] {
            assert!(!profile.contains(raw), "{raw} in {profile}");
        }
        // Each paragraph of the description is a paragraph of the profile.
        assert!(profile.contains(
            "<div class=\"ck-description\"><p>Sound &amp; &lt;b&gt;vision&lt;/b&gt;</p><p>Since 1990.</p></div>"
        ));
    }

    #[test]
    fn a_right_to_left_city_and_region_keep_their_places_in_the_line() {
        let mut feed = feed();
        let m = &mut feed.members[0];
        m.city = Some("תל אביב".into());
        m.region = Some("מחוז תל אביב".into());
        m.kind = Some(crate::feed::Kind::Sme);
        let (html, _) = profile(&feed, &feed.members[0], Lang::En, "p");
        assert!(
            html.contains(
                "<p class=\"ck-meta\"><bdi>תל אביב</bdi> · <bdi>מחוז תל אביב</bdi> · SME</p>"
            ),
            "{html}"
        );
        let (card, _) = cards(&feed, &[0], Lang::En, &Query::new(""), 3);
        assert!(
            card.contains("<bdi>תל אביב</bdi> · <bdi>מחוז תל אביב</bdi>"),
            "{card}"
        );
    }

    #[test]
    fn a_profile_lists_facts_and_contact_links() {
        let feed = feed();
        let (html, _) = profile(&feed, &feed.members[1], Lang::Ca, "ck-profile-1");
        assert!(html.contains("<h2 id=\"ck-profile-1\" translate=\"no\">&lt;img"));
        assert!(html.contains("<a href=\"https://evil.example/?q=&quot;&gt;&lt;script&gt;\" target=\"_blank\" rel=\"noopener noreferrer\" translate=\"no\">"));
        assert!(html.contains(
            "<a href=\"mailto:info@evil.example\" translate=\"no\">info@evil.example</a>"
        ));
        assert!(
            html.contains("<a href=\"tel:+34930000000\" translate=\"no\">+34 93 000 00 00</a>")
        );
        assert!(html.contains(&format!(
            "<dt>{}</dt><dd>&lt;b&gt;, sound</dd>",
            Lang::Ca.strings().keywords
        )));
        assert!(html.contains(&format!(" {}</span></a>", Lang::Ca.strings().new_tab)));
        // No banner landmark inside the dialog.
        assert!(!html.contains("<header"));
    }

    #[test]
    fn an_address_with_a_percent_or_a_hash_mails_that_address() {
        let mut feed = feed();
        feed.members[1].email = Some("sales%uk#2@cluster.example".into());
        let (html, _) = profile(&feed, &feed.members[1], Lang::En, "p");
        assert!(
            html.contains(
                "<a href=\"mailto:sales%25uk%232@cluster.example\" translate=\"no\">sales%uk#2@cluster.example</a>"
            ),
            "{html}"
        );
    }

    #[test]
    fn a_feed_built_in_rust_gets_no_script_link_image_or_mail_header() {
        // The reader drops these with a diagnostic; a Feed built in Rust skips the reader,
        // so the cards and the profile check them where they become links.
        let mut feed = feed();
        let m = &mut feed.members[1];
        m.website = Some(" JaVa\tScRiPt:alert(1)".into());
        m.logo = Some("data:image/svg+xml,<svg onload=alert(1)>".into());
        m.email = Some("a@b.example?subject=hi".into());
        let (card, _) = cards(&feed, &[1], Lang::En, &Query::new(""), 3);
        let (profile, _) = profile(&feed, &feed.members[1], Lang::En, "p");
        for html in [&card, &profile] {
            assert!(!html.contains("<img"), "{html}");
            assert!(!html.to_lowercase().contains("script:"), "{html}");
            assert!(!html.contains("mailto:"), "{html}");
        }
        // The rest of the member is still there.
        assert!(profile.contains("<a href=\"tel:+34930000000\" translate=\"no\">"));
    }

    #[test]
    fn a_description_in_another_language_than_the_visitors_says_which() {
        let mut feed = feed();
        feed.members[0].description = Some(Text::from([("ca", "Distribuïdora.\nDes de 1987.")]));
        let (en, _) = profile(&feed, &feed.members[0], Lang::En, "p");
        assert!(en.contains("<p lang=\"ca\">Distribuïdora.</p><p lang=\"ca\">Des de 1987.</p>"));
        let (ca, _) = profile(&feed, &feed.members[0], Lang::Ca, "p");
        assert!(ca.contains("<p>Distribuïdora.</p>"));
        feed.members[0].description = Some(Text::from("Plain."));
        let (plain, _) = profile(&feed, &feed.members[0], Lang::En, "p");
        assert!(plain.contains("<p>Plain.</p>"));
        // No contact details: no empty list of them.
        assert!(!plain.contains("<dl"));
    }
}
