use super::*;

#[test]
fn names_from_across_europe_are_found_typed_without_their_accents() {
    for (typed, name) in [
        ("dvorak", "Dvořák Studio"),
        ("skoda", "Škoda Films"),
        ("gdansk", "Gdańsk Media"),
        ("timisoara", "Timișoara Post"),
        ("capek", "Čapek & Co"),
        ("erdogan", "Erdoğan Yapım"),
        ("lodz", "Łódź Film School"),
        ("oresund", "Øresund Sound"),
        ("aero", "Ærø Pictures"),
        ("istanbul", "İstanbul Dijital"),
        ("strasse", "Straße Films"),
        ("full", "Ｆｕｌｌｗｉｄｔｈ Inc"),
        ("full\u{3000}inc", "Ｆｕｌｌ，Ｉｎｃ"),
        ("koln", "Köln"),
        ("nguyen", "Nguyễn Studio"),
        ("da nang", "Đà Nẵng Media"),
        ("truong", "TRƯƠNG Films"),
        ("strasse", "STRAẞE FILMS"),
        ("film", "ﬁlm Oﬃce"),
        ("office", "ﬁlm Oﬃce"),
    ] {
        assert!(Query::new(typed).matches(&fold(name)), "{typed} in {name}");
    }
}

#[test]
fn folding_lowercases_latin_greek_and_cyrillic_like_std() {
    for c in ('\u{C0}'..='\u{17F}')
        .chain('\u{391}'..='\u{3A9}')
        .chain('\u{400}'..='\u{42F}')
        .chain('\u{1E00}'..='\u{1EF9}')
    {
        let expected: String = c.to_lowercase().collect();
        if expected.chars().count() == 1 && c != 'İ' {
            let folded = fold(&c.to_string());
            let expected_folded = fold(&expected);
            assert_eq!(folded, expected_folded, "{c:?} (U+{:04X})", c as u32);
        }
    }
    assert_eq!(fold("ŁÓDŹ Ελλάδα МОСКВА"), "lodz ελλάδα москва");
}

#[test]
fn upper_inverts_latin_1_lowercase() {
    assert_eq!("éàñçø".chars().map(upper).collect::<String>(), "ÉÀÑÇØ");
    assert_eq!(upper('÷'), '÷');
}

#[test]
fn catalan_l_l_typed_with_a_full_stop_finds_the_middle_dot() {
    let hay = fold("Cel·la Films · Il·luminació Pujol · Col.lectiu Sala");
    for typed in [
        "cel.la",
        "CEL.LA",
        "il.lum",
        "il·lum",
        "illum",
        "col·lectiu",
        "col.lectiu",
    ] {
        assert!(Query::new(typed).matches(&hay), "{typed}");
    }
    // Only between two l's: a full stop anywhere else still splits words.
    assert!(Query::new("sala.pujol").matches(&hay), "two words");
    assert_eq!(fold("Vol. Lima"), "vol. lima", "a space between: no l·l");
    assert_eq!(fold("cel.li"), "celli");
    assert_eq!(fold("ab.l"), "ab.l");
    // Two words that a full stop joins in a name are not one.
    assert_eq!(fold("Pixel.Lab"), "pixel.lab");
    assert!(Query::new("lab").matches(&fold("Pixel.Lab")));
    let shown = |q: &str, text: &str| {
        let ranges = Query::new(q).highlights(text);
        ranges
            .iter()
            .map(|r| text[r.clone()].to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(shown("il.lu", "Il·luminació"), ["Il·lu"]);
    // A text written with l.l is highlighted as it matches.
    assert_eq!(shown("collectiu", "El Col.lectiu Sala"), ["Col.lectiu"]);
    assert_eq!(shown("cel", "Cel.la Films"), ["Cel"]);
    assert_eq!(shown("cella", "Cel.la Films"), ["Cel.la"]);
    // Typed, a full stop between two l's is read both ways, whatever their case: Catalan's
    // l·l, and two words. A name is found as written in lower case as in capitals.
    let pixel = fold("Pixel.Lab Studio");
    for typed in [
        "pixel.lab",
        "Pixel.Lab",
        "PIXEL.LAB",
        "pixel.lab stu",
        "lab",
    ] {
        assert!(Query::new(typed).matches(&pixel), "{typed}");
    }
    for typed in ["CEL.la", "cel.LA"] {
        assert!(Query::new(typed).matches(&hay), "{typed}");
    }
    assert!(!Query::new("pixel.labs").matches(&pixel));
    assert_eq!(shown("pixel.lab", "Pixel.Lab Studio"), ["Pixel", "Lab"]);
    assert_eq!(shown("col.lectiu", "El Col·lectiu Sala"), ["Col·lectiu"]);
    // Written, too, a full stop between two l's of one case is read both ways: "Model.lab"
    // is found by `lab` and by `model lab` as by `modellab`, and highlighted as found.
    let model = fold_text("Model.lab Studio");
    for typed in ["lab", "model lab", "modellab", "model.lab", "studio model"] {
        assert!(Query::new(typed).matches(&model), "{typed}");
    }
    assert!(
        !Query::new("modell studio").matches(&model),
        "modell is no word of it"
    );
    assert_eq!(shown("lab", "Model.lab Studio"), ["lab"]);
    assert_eq!(shown("model lab", "Model.lab Studio"), ["Model", "lab"]);
    assert_eq!(shown("modellab", "Model.lab Studio"), ["Model.lab"]);
    assert_eq!(shown("col.lectiu", "El Col.lectiu Sala"), ["Col.lectiu"]);
    // Either reading refines nothing but an empty search: searched afresh.
    assert!(!Query::new("pixel.lab").refines(&Query::new("pixel")));
    assert!(Query::new("pixel.lab").refines(&Query::new("")));
}

#[test]
fn earlier_words_match_whole_words_and_the_last_any_beginning() {
    let hay = fold("Produccións Faro · Vigo · Estudi de doblatge · post-production");
    let matches = |q: &str| Query::new(q).matches(&hay);
    assert!(matches("produccions"));
    assert!(matches("PRODUC"), "the last word is a prefix");
    assert!(matches("vigo faro"), "in any order");
    assert!(!matches("produc vigo"), "an earlier word must be whole");
    assert!(!matches("aro"), "no match inside a word");
    assert!(matches("post production"));
    assert!(matches("post-prod"));
    assert!(!matches("vigo girona"), "every word must match");
    assert!(matches(""), "an empty query matches everything");
}

#[test]
fn words_apart_by_any_space_punctuation_or_symbol_are_words_of_their_own() {
    // As a CMS writes them: thin and narrow no-break spaces, a bullet, an en dash,
    // curly quotes, a currency sign, an ideographic full stop.
    let text = "Sonido\u{202f}: Madrid\u{2009}•\u{2009}Vigo – “Cine”·Barcelona 100€ 東京。Ideal";
    let hay = fold(text);
    for typed in ["madrid vigo", "cine", "100", "ideal", "sonido madrid"] {
        assert!(Query::new(typed).matches(&hay), "{typed}");
        assert!(!Query::new(typed).highlights(text).is_empty(), "{typed}");
    }
    let parts: Vec<&str> = Query::new("vigo madrid")
        .highlights(text)
        .iter()
        .map(|r| &text[r.clone()])
        .collect();
    assert_eq!(parts, ["Madrid", "Vigo"]);
    // The Catalan middle dot, in any of its three characters, still joins a word.
    for dot in ['·', '\u{0387}', '\u{2027}'] {
        let text = format!("Cel{dot}la Films");
        assert!(Query::new("cella f").matches(&fold(&text)), "{dot:?}");
    }
}

#[test]
fn typing_on_refines_and_editing_does_not() {
    let refines = |now: &str, before: &str| Query::new(now).refines(&Query::new(before));
    assert!(refines("barce", "barc"));
    assert!(refines("barcelona s", "barcelona"));
    assert!(refines("anything", ""));
    assert!(!refines("bar", "barc"), "deleting widens");
    assert!(
        !refines("vigo barc", "barc"),
        "a word before changes the whole-word rule"
    );
    assert!(!refines("", "barc"));
}

#[test]
fn the_one_letter_l_middle_dot_folds_as_l_and_its_dot() {
    assert_eq!(fold("Paraŀlel PARAĿLEL"), fold("Paral·lel PARAL·LEL"));
    for typed in ["paral·lel", "parallel", "paral.lel", "paraŀlel"] {
        assert!(
            Query::new(typed).matches(&fold("Paraŀlel Films")),
            "{typed}"
        );
    }
    let text = "Paraŀlel Films";
    let parts: Vec<&str> = Query::new("parallel")
        .highlights(text)
        .iter()
        .map(|r| &text[r.clone()])
        .collect();
    assert_eq!(parts, ["Paraŀlel"]);
}

#[test]
fn highlights_cover_the_written_characters_of_each_match() {
    let text = "L'Àrea d’Estudis ÀREA";
    let ranges = Query::new("area est").highlights(text);
    let parts: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(parts, ["Àrea", "Est", "ÀREA"]);
    assert!(Query::new("zzz").highlights(text).is_empty());
    assert!(Query::new("").highlights(text).is_empty());
    let text = "Ñandú a";
    let ranges = Query::new("a").highlights(text);
    let starts: Vec<usize> = ranges.iter().map(|r| r.start).collect();
    assert_eq!(
        starts,
        [text.len() - 1],
        "Ñ folds to n, not a: only the lone a"
    );
}

#[test]
fn ligatures_highlight_whole_where_a_match_ends_inside_them() {
    let text = "ﬁlm Oﬃce";
    let ranges = Query::new("film of").highlights(text);
    let parts: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(parts, ["ﬁlm", "Oﬃ"]);
}

#[test]
fn decomposed_accents_fold_and_highlight_as_composed_ones() {
    // "Ibérica" with its é as e and a combining acute, typed or in the feed.
    let decomposed = "Algam Ibe\u{301}rica";
    assert_eq!(fold(decomposed), fold("Algam Ibérica"));
    assert!(Query::new("ibe\u{301}rica").matches(&fold("Algam Ibérica")));
    assert!(Query::new("iberica").matches(&fold(decomposed)));
    let ranges = Query::new("ibe").highlights(decomposed);
    let parts: Vec<&str> = ranges.iter().map(|r| &decomposed[r.clone()]).collect();
    assert_eq!(parts, ["Ibe\u{301}"], "the accent stays with its letter");
}

#[test]
fn accents_typed_alone_symbols_and_emoji_are_no_words_of_a_search() {
    let hay = fold_text("L'Hospitalet Cinema Aurora · Post\u{AD}producció");
    for typed in [
        // An acute accent or a modifier letter as the apostrophe, as Spanish keyboards type it.
        "l´hospitalet",
        "lʼhospitalet",
        // A dead key's accent, waiting for its letter (`animaci´`), finds what came before.
        "cinem´",
        "aurora¨",
        // Symbols and emoji beside a word.
        "cinema 🎬",
        "🎬 cinema",
        "cinema™",
        "cinema →",
        "★ aurora ✓",
        // A soft hyphen pasted within a word.
        "post\u{AD}produccio",
        "postproduccio",
    ] {
        assert!(Query::new(typed).matches(&hay), "{typed:?}");
    }
    assert!(Query::new("🎬").is_empty());
    assert!(!Query::new("cinemas 🎬").matches(&hay));
}

#[test]
fn a_hyphen_typed_within_a_word_finds_the_word_written_whole_or_hyphenated() {
    let whole = fold_text("Postproducció 3D Estudi");
    let hyphenated = fold_text("Post-producció 3-D");
    for typed in ["post-producció", "post-prod", "3-d", "postproduccio"] {
        assert!(
            Query::new(typed).matches(&whole),
            "{typed:?} in the whole word"
        );
    }
    for typed in ["post-producció", "post-prod", "3-d", "post producció"] {
        assert!(
            Query::new(typed).matches(&hyphenated),
            "{typed:?} hyphenated"
        );
    }
    assert!(
        !Query::new("post-estudi").matches(&whole),
        "no such word, whole or apart"
    );
    let text = "Postproducció 3D";
    let shown: Vec<&str> = (Query::new("post-producció").highlights(text).iter())
        .map(|r| &text[r.clone()])
        .collect();
    assert_eq!(shown, ["Postproducció"]);
}

/// The optimal string alignment distances of every beginning of `a` to every beginning of
/// `b`, the whole table filled: what [`near`] bounds.
fn distances(a: &[char], b: &[char]) -> Vec<Vec<usize>> {
    let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let changed = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + changed);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d
}

/// What [`near`] promises, by whole tables: `b` within `a`'s typos, or with `prefix` a
/// beginning of `b` that ends on `a`'s last letter (or on its last two, swapped).
fn near_by_tables(a: &[char], b: &[char], prefix: bool) -> bool {
    let m = a.len();
    let k = match m {
        _ if a.iter().any(char::is_ascii_digit) => 0,
        0..4 => 0,
        4..8 => 1,
        _ => 2,
    };
    if k == 0 || m > 32 {
        return false;
    }
    let d = distances(a, b);
    let whole = d[m][b.len()] <= k;
    let begins = (1..=b.len()).any(|j| {
        (a[m - 1] == b[j - 1] && d[m - 1][j - 1] <= k)
            || (j > 1 && a[m - 1] == b[j - 2] && a[m - 2] == b[j - 1] && d[m - 2][j - 2] < k)
    });
    whole || (prefix && begins)
}

#[test]
fn near_words_are_those_within_their_typos_by_the_whole_table() {
    // Random words over a few letters (two of them of two bytes, one of three, a digit), so
    // that near ones are common, short and long (past the 32 letters a word may have).
    let mut seed = 7_u64;
    let mut next = |below: u64| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (seed >> 33) % below
    };
    let letters = ['a', 'b', 'c', 'é', 'ж', '語'];
    let word = |next: &mut dyn FnMut(u64) -> u64| -> Vec<char> {
        let len = if next(5) == 0 {
            26 + next(10)
        } else {
            next(12)
        } as usize;
        (0..len).map(|_| letters[next(6) as usize]).collect()
    };
    let (mut near_ones, mut far_ones) = (0, 0);
    for _ in 0..30_000 {
        let mut a = word(&mut next);
        if next(20) == 0 {
            a.push('7');
        }
        // Half the time, the word with a few edits, or a beginning of it with them.
        let mut b = if next(2) == 0 {
            a.clone()
        } else {
            word(&mut next)
        };
        for _ in 0..next(4) {
            let at = next(b.len() as u64 + 1) as usize;
            match next(4) {
                0 => b.insert(at, letters[next(6) as usize]),
                1 if at < b.len() => b[at] = letters[next(6) as usize],
                2 if at < b.len() => {
                    b.remove(at);
                }
                _ if at + 1 < b.len() => b.swap(at, at + 1),
                _ => {}
            }
        }
        for _ in 0..next(3) * 2 {
            b.push(letters[next(6) as usize]);
        }
        let (typed, text): (String, String) = (a.iter().collect(), b.iter().collect());
        for prefix in [false, true] {
            let expected = near_by_tables(&a, &b, prefix);
            assert_eq!(
                near(&typed, &text, prefix),
                expected,
                "{typed:?} {text:?} {prefix}"
            );
            if prefix && expected {
                near_ones += 1;
            } else if prefix {
                far_ones += 1;
            }
        }
    }
    assert!(
        near_ones > 2_000 && far_ones > 2_000,
        "{near_ones} near, {far_ones} far"
    );
}

#[test]
fn a_tolerant_search_forgives_typos_as_the_hosted_engines_do() {
    let matches = |typed: &str, text: &str| Query::new(typed).tolerant().matches(&fold(text));
    // One typo from four letters on, two from eight; in letters, not bytes.
    assert!(matches("sonilba", "Sonilab"));
    assert!(!matches("snoilba", "Sonilab"), "two typos in seven letters");
    assert!(matches("postprodcucio", "Postproducció"), "two in thirteen");
    assert!(matches("catt", "cat"));
    assert!(!matches("cta", "cat"), "none in three letters");
    assert!(matches("ωμεγξ", "Ωμεγα"), "five letters of two bytes each");
    assert!(
        matches("мсоква", "Москва"),
        "two letters swapped, of two bytes each"
    );
    assert!(
        matches("моска сити", "Москва Сити"),
        "one missing in a whole word"
    );
    // The last word, still being typed, a beginning with its last letter right: `come` is
    // no `com` and a letter of `company`, and `compx` none of it.
    assert!(
        matches("sonilav", "Sonilab"),
        "a whole word, its last letter wrong"
    );
    assert!(matches("postprodu", "Postproducció"));
    assert!(matches("produci", "Producció"), "a letter missing");
    assert!(matches("psotprodu", "Postproducció"));
    assert!(matches("postprdu", "Postproducció"));
    assert!(!matches("come", "Company"));
    assert!(!matches("compx", "Company"));
    assert!(matches("compnay", "Company"), "the last two swapped");
    // Numbers are matched as typed.
    assert!(!matches("2024", "Talent Week 2025"));
    assert!(!matches("film2024", "film2025"));
    // Earlier words whole, the last a beginning.
    assert!(matches("animacio barcelo", "Animació, Barcelona"));
    assert!(
        matches("animaci barcelona", "Animació, Barcelona"),
        "a letter missing"
    );
    assert!(
        !matches("anim barcelona", "Animació, Barcelona"),
        "earlier words whole"
    );
    assert!(
        !Query::new("sonilba").matches(&fold("Sonilab")),
        "as typed, not forgiven"
    );
    // A word found with a typo shows whole; one found as typed, as before.
    let text = "Rakuten TV, Barcelona";
    let shown: Vec<&str> = (Query::new("rakutan barc")
        .tolerant()
        .highlights(text)
        .iter())
    .map(|r| &text[r.clone()])
    .collect();
    assert_eq!(shown, ["Rakuten", "Barc"]);
}
