use super::*;
use crate::feed::{Diagnostic, Problem};

/// Strings that are rightly the same in a language and in English, with why.
const SAME_AS_ENGLISH_ON_PURPOSE: [(Lang, &str); 4] = [
    // The same word in Catalan.
    (Lang::Ca, "categories"),
    // "Segments" is the Catalan word the Catalan Audiovisual Cluster itself uses, and
    // "segment" its singular.
    (Lang::Ca, "segments"),
    (Lang::Ca, "chart_dimensions.0"),
    // Saturday's initial: "sábado" and "Saturday" both start with S.
    (Lang::Gl, "weekdays_narrow.5"),
];

#[test]
fn galician_month_and_day_names_are_galician() {
    let gl = Lang::Gl.strings();
    assert_eq!(gl.months[0], "xaneiro");
    assert_eq!(gl.months[5], "xuño");
    assert_eq!(gl.months[11], "decembro");
    assert_eq!(gl.weekdays_short[3], "xov.");
}

#[test]
fn no_galician_or_catalan_string_equals_its_english_twin_by_accident() {
    let en: std::collections::HashMap<String, &str> =
        Lang::En.strings().entries().into_iter().collect();
    for lang in [Lang::Gl, Lang::Ca] {
        for (key, value) in lang.strings().entries() {
            if SAME_AS_ENGLISH_ON_PURPOSE.contains(&(lang, key.as_str())) {
                continue;
            }
            assert_ne!(
                value, en[&key],
                "{lang:?} `{key}` is still the English text"
            );
        }
    }
}

#[test]
fn every_language_keeps_the_placeholders_of_english() {
    let placeholders = |s: &str| {
        let mut names: Vec<String> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_owned()))
            .collect();
        names.sort();
        names
    };
    let en = Lang::En.strings().entries();
    for &lang in Lang::ALL {
        let entries = lang.strings().entries();
        assert_eq!(entries.len(), en.len());
        for ((key, value), (_, en_value)) in entries.iter().zip(&en) {
            assert!(!value.trim().is_empty(), "{lang:?} `{key}` is empty");
            assert_eq!(
                placeholders(value),
                placeholders(en_value),
                "{lang:?} `{key}`"
            );
        }
    }
}

#[test]
fn language_tags_resolve_by_primary_subtag() {
    assert_eq!(Lang::from_tag("ca-ES"), Some(Lang::Ca));
    assert_eq!(Lang::from_tag("GL"), Some(Lang::Gl));
    assert_eq!(Lang::from_tag("es_AR"), Some(Lang::Es));
    assert_eq!(Lang::from_tag("fr"), None);
    assert_eq!(Lang::from_tag(""), None);
}

#[test]
fn weeks_start_on_monday_except_in_sunday_and_saturday_regions() {
    use crate::feed::Weekday;
    for monday in [
        "ca",
        "es",
        "gl",
        "en",
        "en-GB",
        "es-ES",
        "ca-ES-valencia",
        "en-AE",
    ] {
        assert_eq!(first_weekday(monday), Weekday::Mon, "{monday}");
    }
    for sunday in ["en-US", "es-MX", "en_CA", "pt-BR"] {
        assert_eq!(first_weekday(sunday), Weekday::Sun, "{sunday}");
    }
    for saturday in ["en-EG", "ar-JO"] {
        assert_eq!(first_weekday(saturday), Weekday::Sat, "{saturday}");
    }
}

#[test]
fn diagnostics_read_as_sentences_in_each_language() {
    let d = Diagnostic {
        path: "members[12].website".into(),
        problem: Problem::UnknownSegment("vfx".into()),
        skipped: false,
    };
    assert_eq!(
        Lang::Ca.strings().diagnostic(&d),
        "fa referència al segment «vfx», que les dades no defineixen. S’ha ignorat el camp."
    );
    assert!(Lang::En.strings().diagnostic(&d).contains("“vfx”"));
    // A segment read by its name was not ignored: no "field ignored" after it.
    let named = Diagnostic {
        path: "members[1].segments[0]".into(),
        problem: Problem::SegmentNamed {
            written: "Producción".into(),
            id: "production".into(),
        },
        skipped: false,
    };
    assert_eq!(
        Lang::Es.strings().diagnostic(&named),
        "se refiere al segmento «production» como «Producción», no por su identificador: se interpreta como ese segmento."
    );
    // Its path as written; the feed as a whole named in the visitor's language.
    assert_eq!(Lang::Gl.strings().path(&named), "members[1].segments[0]");
    let whole = Diagnostic {
        path: "(root)".into(),
        ..named
    };
    assert_eq!(Lang::Ca.strings().path(&whole), "(arrel)");
    assert_eq!(Lang::En.strings().path(&whole), "(root)");
    // Nothing was ignored for bytes read as Windows-1252: no "field ignored" after it.
    let (_, latin1) = crate::feed::decode(b"{\"name\": \"Produccions Ib\xe8riques\"}");
    assert_eq!(
        Lang::Gl.strings().diagnostic(&latin1.unwrap()),
        "non está todo en UTF-8: hai bytes non válidos (1 en total; o primeiro na liña 1, \
         columna 25), que se leron como Windows-1252 (Latin-1). Garde os datos en UTF-8."
    );
    // What a value is, in the visitor's words too; and a missing field of the feed itself
    // has no field to ignore.
    let parsed = crate::feed::parse(r#"{"version": "1", "members": []}"#).unwrap();
    let said: Vec<String> = parsed
        .diagnostics
        .iter()
        .map(|d| Lang::Es.strings().diagnostic(d))
        .collect();
    assert_eq!(
        said,
        [
            // Read as version 1 all the same: nothing ignored.
            "debería ser un número, pero es una cadena.",
            "es obligatorio, pero falta.",
        ]
    );
    // A version read as 1 all the same, and a document that is no object: nothing was
    // ignored, so no "field ignored" contradicts the sentence.
    for (doc, said) in [
        (
            r#"{"version": 2, "cluster": {"name": "C"}}"#,
            "is version 2; this widget reads version 1 and shows what it understands.",
        ),
        ("[]", "should be an object, but is a list."),
    ] {
        let parsed = crate::feed::parse(doc).unwrap();
        assert_eq!(Lang::En.strings().diagnostic(&parsed.diagnostics[0]), said);
    }
    // Each way a repetition rule fails is said as what to mend.
    let rule = |rule: &str| Problem::BadRecurrence(crate::feed::Rrule::parse(rule).unwrap_err());
    let said = |problem| {
        Lang::En.strings().diagnostic(&Diagnostic {
            path: "events[0].recurrence".into(),
            problem,
            skipped: false,
        })
    };
    assert_eq!(
        said(rule("COUNT=3")),
        "does not say how often: it needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY. The field \
         was ignored."
    );
    assert!(said(rule("FREQ=HOURLY")).starts_with("uses “FREQ=HOURLY”, which this widget"));
    assert!(said(rule("FREQ=WEEKLY;BYDAY=XX")).starts_with("has “BYDAY"));
    assert!(said(rule("FREQ=DAILY;COUNT=2;UNTIL=20270101")).starts_with("cannot have both"));
    // A date in the right form that names no real day is told so, not told its form.
    let date = |value: &str| said(Problem::BadDate(value.into()));
    assert!(date("2025-02-29").starts_with("“2025-02-29” does not exist on the calendar: look"));
    assert!(date("tomorrow").contains("write dates as YYYY-MM-DD"));
    let ca = Lang::Ca.strings().diagnostic(&Diagnostic {
        path: "members[0].joined".into(),
        problem: Problem::BadDate("2026-04-31".into()),
        skipped: false,
    });
    assert!(
        ca.starts_with("«2026-04-31» no existeix al calendari: comproveu"),
        "{ca}"
    );
    let e = crate::feed::parse("{\n  \"version\": 1;\n}").unwrap_err();
    assert_eq!(
        Lang::Es.strings().syntax_error(&e),
        "Los datos no son JSON válido: línea 2, columna 15: «;» inesperado."
    );
    // A character that would show as nothing or a box is named by its code point: gzip
    // sent without its header, a zero-width space pasted before the feed.
    let gzip = crate::feed::parse("\u{1F}\u{8B}\u{8}").unwrap_err();
    assert_eq!(
        Lang::En.strings().syntax_error(&gzip),
        "The data is not valid JSON: line 1, column 1: unexpected “U+001F”."
    );
    let hidden = crate::feed::parse("\u{200B}{}").unwrap_err();
    assert!(
        Lang::Ca
            .strings()
            .syntax_error(&hidden)
            .contains("«U+200B»")
    );
}

/// A comment and a quote pasted from a word processor say what JSON wants instead.
#[test]
fn a_comment_and_a_curly_quote_are_named_as_such() {
    let text = "{\"members\": [\n  // founders\n  {\"id\": \"a\", \"name\": “A”},\n  {\"id\": \"b\", \"name\": \"B\"}\n]}";
    let parsed = crate::feed::parse(text).unwrap();
    assert_eq!(
        parsed.feed.members.len(),
        1,
        "the entry with curly quotes skipped"
    );
    let said: Vec<String> = parsed
        .diagnostics
        .iter()
        .map(|d| Lang::En.strings().diagnostic(d))
        .filter(|d| d.starts_with("The data is not valid JSON"))
        .collect();
    assert_eq!(
        said,
        [
            "The data is not valid JSON: line 2, column 3: a comment, which JSON does not \
             allow. It was ignored.",
            "The data is not valid JSON: line 3, column 23: a curly quote (“) where JSON needs \
             a straight one (\"). The entry was skipped.",
        ]
    );
}

#[test]
fn syntax_errors_read_past_say_what_was_done_in_each_language() {
    let text = "{\"version\": 1, \"cluster\": {\"name\": \"C\"},\n\"members\": [{\"id\": \"a\", \"name\": \"A\"},]\n\"events\": [{";
    let said: Vec<Vec<String>> = [Lang::Ca, Lang::Es, Lang::Gl, Lang::En]
        .iter()
        .map(|lang| {
            crate::feed::parse(text)
                .unwrap()
                .diagnostics
                .iter()
                .map(|d| lang.strings().diagnostic(d))
                .collect()
        })
        .collect();
    assert_eq!(
        said[3],
        [
            "The data is not valid JSON: line 2, column 37: a comma too many. It was ignored.",
            "The data is not valid JSON: line 3, column 1: a comma is missing. It was read as \
             if it were there.",
            "The data is not valid JSON: line 3, column 13: the text ends too early. Only what \
             comes before it was read.",
        ]
    );
    assert_eq!(
        said[0][1],
        "Les dades no són JSON vàlid: línia 3, columna 1: hi falta una coma. S’ha llegit com \
         si hi fos."
    );
    assert_eq!(
        said[1][0],
        "Los datos no son JSON válido: línea 2, columna 37: una coma de más. Se ha ignorado."
    );
    assert_eq!(
        said[2][2],
        "Os datos non son JSON válido: liña 3, columna 13: o texto remata demasiado cedo. Só \
         se leu o que hai antes."
    );
}

#[test]
fn member_counts_use_singular_for_one() {
    assert_eq!(Lang::Gl.strings().members_count(1, "1"), "1 socio");
    assert_eq!(Lang::Ca.strings().members_count(204, "204"), "204 socis");
    assert_eq!(Lang::En.strings().members_count(0, "0"), "0 members");
}

#[test]
fn a_language_parses_from_its_tag_and_prints_as_it() {
    assert_eq!("ca-ES".parse::<Lang>(), Ok(Lang::Ca));
    assert_eq!(
        "fr".parse::<Lang>(),
        Err(UnknownLang("fr".to_owned())),
        "not one of the four"
    );
    for &lang in Lang::ALL {
        assert_eq!(lang.to_string().parse::<Lang>(), Ok(lang));
    }
    assert_eq!(Lang::Gl.to_string(), "gl");
}

#[test]
fn counts_are_grouped_as_cldr_writes_each_language() {
    use super::intl::format_number;
    // CLDR 46's decimal patterns (#,##0.###) and minimum grouping digits (2 in Spanish).
    let cases: [(Lang, [&str; 6]); 4] = [
        (
            Lang::Ca,
            ["999", "1.234", "12.345", "123.456", "1.234.567", "0"],
        ),
        (
            Lang::Es,
            ["999", "1234", "12.345", "123.456", "1.234.567", "0"],
        ),
        (
            Lang::Gl,
            ["999", "1.234", "12.345", "123.456", "1.234.567", "0"],
        ),
        (
            Lang::En,
            ["999", "1,234", "12,345", "123,456", "1,234,567", "0"],
        ),
    ];
    for (lang, written) in cases {
        let ours = [999, 1234, 12_345, 123_456, 1_234_567, 0].map(|n| format_number(lang, n));
        assert_eq!(ours, written, "{lang:?}");
    }
}

#[test]
fn after_a_widget_s_name_and_colon_romance_languages_go_on_in_lower_case() {
    assert_eq!(
        Lang::Ca.after_colon(Lang::Ca.strings().load_network),
        "no s’han pogut carregar les dades: la connexió ha fallat o el servidor no deixa que aquest lloc les llegeixi (CORS)."
    );
    assert_eq!(Lang::Es.after_colon("La dirección"), "la dirección");
    assert_eq!(Lang::En.after_colon("The data"), "The data");
    // A first letter beyond ASCII is left as it is, not cut in two.
    assert_eq!(Lang::Gl.after_colon("Ó"), "Ó");
}

#[test]
fn names_are_filed_from_their_first_letter_or_digit() {
    let names = [
        "🎬 Estudis",
        "«Zeta»",
        "Beta",
        "¡Acción!",
        "Alfa",
        "3Cat",
        "***",
    ];
    let order: Vec<&str> = intl::collation_order(Lang::Es, &names)
        .into_iter()
        .map(|i| names[i])
        .collect();
    assert_eq!(
        order,
        [
            "***",
            "3Cat",
            "¡Acción!",
            "Alfa",
            "Beta",
            "🎬 Estudis",
            "«Zeta»"
        ],
        "quotes, marks and emoji before a name do not put it first; a name of symbols alone \
         keeps them"
    );
}

#[test]
fn fill_puts_each_value_in_its_place_and_leaves_unknown_names() {
    assert_eq!(
        fill("{n} de {total}", &[("n", "3"), ("total", "40")]),
        "3 de 40"
    );
    assert_eq!(fill("{n} i {n}, {m}", &[("n", "1")]), "1 i 1, {m}");
}
