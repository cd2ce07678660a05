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
    assert!(
        html.contains("<p class=\"ck-meta\"><bdi>Sant Joan Despí</bdi> · <bdi>Barcelona</bdi></p>")
    );
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
    assert!(
        html.contains(
            "<bdi>Sant Joan <mark part=\"match\">Despí</mark></bdi> · <bdi>Barcelona</bdi>"
        )
    );
}

#[test]
fn a_match_in_the_description_or_tags_only_shows_on_the_card_as_an_excerpt() {
    let mut feed = feed();
    let long = "We produce documentaries and series for television and platforms across \
                Europe, and since 2015 we run a festival of short films in Vigo every summer \
                with workshops for young directors and a market for their projects.";
    feed.members[0].description = Some(Text::from([("ca", "Productora de sèries."), ("en", long)]));
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
fn a_word_the_name_and_place_do_not_show_gets_its_excerpt_though_another_word_is_there() {
    let mut feed = feed();
    feed.members[0].description = Some(Text::from("Distribuïdora de música i so."));
    feed.members[0].name = Text::from([("ca", "Universitat de Vic"), ("es", "Universidad de Vic")]);
    let card = |lang, typed| cards(&feed, &[0], lang, &Query::new(typed), 3).0;
    // "barcelona" is in the place line; "music" only in the description.
    let html = card(Lang::Ca, "barcelona music");
    assert!(
        html.contains(
            "<p class=\"ck-meta ck-snippet\">Distribuïdora de <mark part=\"match\">músic</mark>a i so.</p>"
        ),
        "{html}"
    );
    // Found by its name in another language, which the card does not show: that name.
    let html = card(Lang::Ca, "universidad");
    assert!(
        html.contains(
            "<p class=\"ck-meta ck-snippet\" lang=\"es\"><mark part=\"match\">Universidad</mark> de Vic</p>"
        ),
        "{html}"
    );
    // Every word on show: no excerpt.
    assert!(!card(Lang::Ca, "vic barcelona").contains("ck-snippet"));
    assert!(!card(Lang::Es, "universidad").contains("ck-snippet"));
    // A name written with `l.l`, found by its second word: on show, marked, no excerpt.
    feed.members[0].name = Text::from("Model.lab");
    feed.members[0].description = Some(Text::from("A lab for 3D models."));
    let html = cards(&feed, &[0], Lang::En, &Query::new("lab"), 3).0;
    assert!(
        html.contains("Model.<mark part=\"match\">lab</mark>"),
        "{html}"
    );
    assert!(!html.contains("ck-snippet"), "{html}");
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
    assert!(
        html.contains(
            "<a href=\"mailto:info@evil.example\" translate=\"no\">info@evil.example</a>"
        )
    );
    assert!(html.contains("<a href=\"tel:+34930000000\" translate=\"no\">+34 93 000 00 00</a>"));
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

#[test]
fn a_word_found_with_a_typo_only_in_the_description_shows_there() {
    let mut feed = feed();
    feed.members[0].description = Some(Text::from([("en", "We do dubbing and subtitles.")]));
    let html = cards(&feed, &[0], Lang::En, &Query::new("dubing").tolerant(), 3).0;
    assert!(html.contains(">dubbing</mark>"), "{html}");
    assert!(html.contains("ck-snippet"), "{html}");
}
