use super::parser::number_value;
use super::*;

#[test]
fn numbers_read_their_value() {
    for (text, value) in [
        ("1", 1.0),
        ("-2.5e3", -2500.0),
        ("0.125", 0.125),
        ("12E-1", 1.2),
        ("0", 0.0),
    ] {
        assert!(
            (number_value(text.as_bytes()) - value).abs() < 1e-9,
            "{text}"
        );
    }
}

#[test]
fn reads_every_kind_of_value() {
    let v =
        parse(r#" {"a": [1, -2.5e3, true, false, null], "b": "x\u00e9\n\"", "c": {}} "#).unwrap();
    assert_eq!(
        v.get("a"),
        Some(&Json::Array(vec![
            Json::Number(1.0),
            Json::Number(-2500.0),
            Json::Bool(true),
            Json::Bool(false),
            Json::Null
        ]))
    );
    assert_eq!(v.get("b"), Some(&Json::String("xé\n\"".into())));
    assert_eq!(v.get("c"), Some(&Json::Object(vec![])));
}

#[test]
fn text_around_escapes_is_kept_in_keys_and_values() {
    let v = parse(r#"{"k\u0065y": "one\ttwo \u00e9three\\", "plain": "Algam Ibérica"}"#).unwrap();
    assert_eq!(
        v.get("key"),
        Some(&Json::String("one\ttwo éthree\\".into()))
    );
    assert_eq!(v.get("plain"), Some(&Json::String("Algam Ibérica".into())));
}

#[test]
fn surrogate_pairs_decode_to_one_character() {
    assert_eq!(
        parse(r#""\ud83c\udfac""#).unwrap(),
        Json::String("🎬".into())
    );
}

#[test]
fn lone_surrogate_spoils_only_its_string() {
    let v = parse(r#"[{"name": "ok"}, {"name": "bad \ud800 here"}, {"name": "\udc00"}]"#).unwrap();
    let Json::Array(items) = v else {
        panic!("not an array")
    };
    assert_eq!(items[0].get("name"), Some(&Json::String("ok".into())));
    assert_eq!(
        items[1].get("name"),
        Some(&Json::Invalid(Fault::LoneSurrogate))
    );
    assert_eq!(
        items[2].get("name"),
        Some(&Json::Invalid(Fault::LoneSurrogate))
    );
}

#[test]
fn absurd_nesting_spoils_only_its_value() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let doc = format!(r#"{{"members": [{{"id": "a"}}, {{"id": "b", "x": {deep}}}]}}"#);
    let v = parse(&doc).unwrap();
    let Some(Json::Array(members)) = v.get("members") else {
        panic!("no members")
    };
    assert_eq!(members[0].get("id"), Some(&Json::String("a".into())));
    assert_eq!(members[1].get("id"), Some(&Json::String("b".into())));
    // Down the nested arrays, from the member's field (the root, "members" and the member
    // are the three levels above it), to the level where reading stopped.
    let (mut v, mut depth) = (members[1].get("x").unwrap(), 3);
    while let Json::Array(items) = v {
        assert_eq!(items.len(), 1, "at depth {depth}");
        v = &items[0];
        depth += 1;
    }
    assert_eq!(v, &Json::Invalid(Fault::TooDeep));
    assert_eq!(depth, MAX_DEPTH);
}

#[test]
fn syntax_errors_give_line_and_column_in_characters() {
    let err =
        parse("{\n  \"name\": \"Sonilab\",\n  \"city\": \"Barcelona\"\n  \"x\": 1\n}").unwrap_err();
    assert_eq!((err.line, err.column), (4, 3));
    assert_eq!(err.problem, SyntaxProblem::MissingComma);

    let err = parse("{\"n\": \"Ibérica\" ]").unwrap_err();
    assert_eq!((err.line, err.column), (1, 17));

    assert_eq!(
        parse("[1, 2").unwrap_err().problem,
        SyntaxProblem::UnexpectedEnd
    );
    assert_eq!(parse("").unwrap_err().problem, SyntaxProblem::Empty);
    assert_eq!(
        parse("{} x").unwrap_err().problem,
        SyntaxProblem::TrailingText
    );
    assert_eq!(
        parse("[01]").unwrap_err().problem,
        SyntaxProblem::UnexpectedChar('1')
    );
    assert_eq!(
        parse(r#""\x""#).unwrap_err().problem,
        SyntaxProblem::BadEscape
    );
    let err = parse("[1,]").unwrap_err();
    assert_eq!((err.line, err.column), (1, 3), "at the comma");
    assert_eq!(err.problem, SyntaxProblem::ExtraComma);
    assert_eq!(
        parse("{\"a\": 1 x}").unwrap_err().problem,
        SyntaxProblem::UnexpectedChar('x')
    );
}

#[test]
fn byte_order_mark_is_skipped() {
    assert_eq!(parse("\u{FEFF}[]").unwrap(), Json::Array(vec![]));
    let err = parse("\u{FEFF}{\"a\": x}").unwrap_err();
    assert_eq!(err.column, 7, "the mark is no column");
    // Two, as a file saved twice by a spreadsheet program or two such files joined carry.
    assert_eq!(
        parse("\u{FEFF}\u{FEFF}{\"a\": 1}").unwrap(),
        Json::Object(vec![("a".into(), Json::Number(1.0))])
    );
    let err = parse("\u{FEFF}\u{FEFF}\u{FEFF}{\"a\": x}").unwrap_err();
    assert_eq!((err.line, err.column), (1, 7), "no mark is a column");
    // Inside the document, one is a character like any other.
    assert_eq!(
        parse("[\u{FEFF}1]").unwrap_err().problem,
        SyntaxProblem::UnexpectedChar('\u{FEFF}')
    );
}

#[test]
fn repeated_key_keeps_last_value_like_json_parse() {
    let v = parse(r#"{"id": "a", "x": 1, "id": "b"}"#).unwrap();
    let expected = vec![
        ("x".into(), Json::Number(1.0)),
        ("id".into(), Json::String("b".into())),
    ];
    assert_eq!(v, Json::Object(expected));
}

#[test]
fn repeated_keys_in_a_large_object_keep_each_last_value() {
    // Past 16 keys the parser sorts instead of comparing every pair.
    let mut text = String::from("{");
    for i in 0..40 {
        text.push_str(&format!("\"k{}\": {i},", i % 20));
    }
    text.push_str("\"k3\": \"last\"}");
    let Json::Object(pairs) = parse(&text).unwrap() else {
        panic!("an object")
    };
    assert_eq!(pairs.len(), 20, "one pair per distinct key");
    let value = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(value("k0"), Some(Json::Number(20.0)));
    assert_eq!(value("k19"), Some(Json::Number(39.0)));
    assert_eq!(value("k3"), Some(Json::String("last".into())));
}

#[test]
fn keys_are_found_in_any_order_from_any_cursor() {
    let v =
        parse(r#"{"id": 1, "name": 2, "city": 3, "nested": {"id": 4}, "tags": [[5], 6]}"#).unwrap();
    let cursor = Cell::new(0);
    // Out of document order, and after a miss: each key still gives its own value.
    for (key, expected) in [("city", 3.0), ("id", 1.0), ("name", 2.0), ("id", 1.0)] {
        assert_eq!(
            v.get_from(key, &cursor),
            Some(&Json::Number(expected)),
            "{key}"
        );
        assert_eq!(v.get_from("missing", &cursor), None);
        assert_eq!(v.get_from("nam", &cursor), None, "a prefix is no key");
    }
    assert_eq!(
        v.get("nested").and_then(|n| n.get("id")),
        Some(&Json::Number(4.0))
    );
    assert_eq!(
        v.get("tags"),
        Some(&Json::Array(vec![
            Json::Array(vec![Json::Number(5.0)]),
            Json::Number(6.0)
        ]))
    );
    // A cursor past the end (from a larger object) is no problem either.
    assert!(v.get_from("tags", &Cell::new(99)).is_some());
}

proptest::proptest! {
    /// The first quote or backslash, found eight bytes at a time, is the one a byte-by-byte
    /// search finds: at any offset, past any other bytes (0x22 and 0x5C among them only as
    /// themselves), and none at all.
    #[test]
    fn the_end_of_a_strings_text_is_the_first_quote_or_backslash(
        bytes in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::prelude::any::<u8>(),
                proptest::prelude::Just(b'"'),
                proptest::prelude::Just(b'\\'),
                proptest::prelude::Just(0x21_u8),
                proptest::prelude::Just(0x23_u8),
                proptest::prelude::Just(0xA2_u8),
                proptest::prelude::Just(0xDC_u8),
            ],
            0..40,
        ),
        from in 0_usize..8,
    ) {
        let bytes = &bytes[from.min(bytes.len())..];
        let expected = bytes
            .iter()
            .position(|&b| b == b'"' || b == b'\\')
            .unwrap_or(bytes.len());
        proptest::prop_assert_eq!(to_quote_or_backslash(bytes), expected);
    }
}

#[test]
fn a_strings_text_ends_at_its_quote_or_backslash_after_long_plain_runs() {
    let plain = "Produccions audiovisuals ·àéí 🎬 ".repeat(5);
    for end in ["\"", "\\"] {
        for pad in 0..9 {
            let text = format!("{}{plain}{end}tail\"", "x".repeat(pad));
            assert_eq!(
                to_quote_or_backslash(text.as_bytes()),
                pad + plain.len(),
                "{end:?} after {pad}"
            );
        }
    }
    assert_eq!(to_quote_or_backslash(plain.as_bytes()), plain.len(), "none");
}

/// The lenient reading of `text`: its value, and each problem as (line, column, problem,
/// recovery).
fn lenient(text: &str) -> (Json<'_>, Vec<(usize, usize, SyntaxProblem, Recovery)>) {
    let read = parse_lenient(text).unwrap();
    let problems = read
        .problems
        .into_iter()
        .map(|m| (m.error.line, m.error.column, m.error.problem, m.recovery))
        .collect();
    (read.value, problems)
}

#[test]
fn a_comma_missing_or_too_many_is_read_as_meant_and_said_where() {
    let (value, problems) =
        lenient("{\"a\": [1 2,], \"b\": {\"c\": 3,},\n \"d\": 4 \"e\": [,5,, 6]}");
    let meant = parse(r#"{"a": [1, 2], "b": {"c": 3}, "d": 4, "e": [5, 6]}"#).unwrap();
    assert_eq!(value, meant);
    use SyntaxProblem::{ExtraComma, MissingComma};
    let mended = Recovery::Mended;
    assert_eq!(
        problems,
        [
            (1, 10, MissingComma, mended),
            (1, 11, ExtraComma, mended),
            (1, 27, ExtraComma, mended),
            (2, 9, MissingComma, mended),
            (2, 15, ExtraComma, mended),
            (2, 18, ExtraComma, mended),
        ]
    );
    // A strict reading stops at the first.
    let e = parse("{\"a\": [1 2,]}").unwrap_err();
    assert_eq!((e.line, e.column, e.problem), (1, 10, MissingComma));
    // Two values run together are no missing comma: a broken number, which ends the list.
    for (broken, first) in [("[01]", 0.0), ("[1-2]", 1.0), ("[1.5.3]", 1.5)] {
        let (value, problems) = lenient(broken);
        assert_eq!(value, Json::Array(vec![Json::Number(first)]), "{broken}");
        assert_eq!(problems.len(), 1, "{broken}");
        assert_eq!(problems[0].3, Recovery::RestLost, "{broken}");
    }
}

#[test]
fn text_after_the_document_is_ignored() {
    let (value, problems) = lenient("{\"a\": 1}\n<!-- page cached in 0.02 s -->");
    assert_eq!(value, parse(r#"{"a": 1}"#).unwrap());
    assert_eq!(
        problems,
        [(2, 1, SyntaxProblem::TrailingText, Recovery::Mended)]
    );
}

#[test]
fn text_before_a_document_starting_a_line_of_its_own_is_ignored() {
    let php = "<br />\n<b>Warning</b>:  Undefined variable $x in <b>/var/www/feed.php</b> on line <b>12</b><br />\n{\"a\": 1}\n";
    let (value, problems) = lenient(php);
    assert_eq!(value, parse(r#"{"a": 1}"#).unwrap());
    assert_eq!(
        problems,
        [(1, 1, SyntaxProblem::LeadingText, Recovery::Mended)]
    );
    // An API's prefix against JSON hijacking, after a byte order mark and a blank line.
    let (value, problems) = lenient("\u{FEFF}\n)]}'\n{\"a\": [1]}");
    assert_eq!(value, parse(r#"{"a": [1]}"#).unwrap());
    assert_eq!(
        problems,
        [(2, 1, SyntaxProblem::LeadingText, Recovery::Mended)]
    );
    // Not before a document that is a value of its own.
    let (value, problems) = lenient("\"abc\n{}\"");
    assert_eq!((value, problems), (Json::String("abc\n{}".into()), vec![]));
    // No `{` starting a line: nothing to go by. A strict reading skips nothing.
    assert!(parse_lenient("Warning: x {\"a\": 1}").is_err());
    assert_eq!(
        parse("x\n{}").unwrap_err().problem,
        SyntaxProblem::UnexpectedChar('x')
    );
}

#[test]
fn a_document_cut_short_keeps_what_came_before_but_no_entry_cut_in_two() {
    let text = r#"{"cluster": {"name": "C", "timezone": "Europe/Mad"#;
    let (value, problems) = lenient(text);
    assert_eq!(
        value,
        parse(r#"{"cluster": {"name": "C"}}"#).unwrap(),
        "an object's fields before"
    );
    assert_eq!(
        problems,
        [(1, 50, SyntaxProblem::UnexpectedEnd, Recovery::RestLost)]
    );
    // The items of a list, the last cut in two left out, at any depth.
    let text = r#"{"data": {"members": [{"id": "a"}, {"id": "b", "segments": ["x", "y"#;
    let (value, problems) = lenient(text);
    assert_eq!(
        value,
        parse(r#"{"data": {"members": [{"id": "a"}]}}"#).unwrap()
    );
    assert_eq!(problems.len(), 1);
    // A numbered object's entries too (PHP's list with gaps).
    let text = r#"{"members": {"0": {"id": "a"}, "2": {"id": "b", "name": tru"#;
    assert_eq!(
        lenient(text).0,
        parse(r#"{"members": {"0": {"id": "a"}}}"#).unwrap()
    );
    // Nothing read at all: no value to give.
    for nothing in ["", "  ", "tru", "\"open", "x{}"] {
        assert!(parse_lenient(nothing).is_err(), "{nothing:?}");
    }
}

#[test]
fn a_list_laid_out_an_entry_a_line_goes_on_past_a_broken_entry() {
    // Not taken for the list's next: an entry's own, indented more.
    let text = r#"{
  "members": [
    {
      "id": "a",
      "name": "Cooperativa "La Claqueta"",
      "offices": [
      {"city": "Vigo"}
      ]
    },
    {
      "id": "b"
    },
    {"id": "d" "name": "D" x},
    {"id": "e"}
  ],
  "events": [
    {"id": "f", "title": "Talent Week", "start": 2026-11-12}
  ],
  "categories": []
}"#;
    let (value, problems) = lenient(text);
    // Each broken entry in its place, the others keeping theirs.
    let unreadable = Json::Invalid(Fault::Unreadable);
    let id = |id: &'static str| Json::Object(vec![("id".into(), Json::String(id.into()))]);
    let members = Json::Array(vec![
        unreadable.clone(),
        id("b"),
        unreadable.clone(),
        id("e"),
    ]);
    let expected = Json::Object(vec![
        ("members".into(), members),
        ("events".into(), Json::Array(vec![unreadable])),
        ("categories".into(), Json::Array(vec![])),
    ]);
    assert_eq!(value, expected);
    let entries: Vec<_> = parse_lenient(text)
        .unwrap()
        .problems
        .into_iter()
        .map(|m| m.entry)
        .collect();
    let entry = |e: &str| Some(e.to_owned());
    assert_eq!(
        entries,
        [entry("members[0]"), entry("members[2]"), entry("events[0]")]
    );
    // (The comma missing in the entry skipped is not said: nothing of it was read.)
    use SyntaxProblem::UnexpectedChar;
    assert_eq!(
        problems,
        [
            (5, 29, UnexpectedChar('L'), Recovery::EntrySkipped),
            (13, 28, UnexpectedChar('x'), Recovery::EntrySkipped),
            (17, 54, UnexpectedChar('-'), Recovery::EntrySkipped),
        ]
    );
}

#[test]
fn a_list_not_laid_out_an_entry_a_line_stops_at_its_broken_entry() {
    // On one line, or an entry whose end cannot be found: what follows is lost.
    let text = r#"{"members": [{"id": "a"}, {"id": "b" x}, {"id": "c"}], "events": []}"#;
    let (value, problems) = lenient(text);
    assert_eq!(value, parse(r#"{"members": [{"id": "a"}]}"#).unwrap());
    assert_eq!(
        problems,
        [(
            1,
            38,
            SyntaxProblem::UnexpectedChar('x'),
            Recovery::RestLost
        )]
    );
    let text =
        "{\n  \"members\": [\n    {\"id\": \"a\"},\n    {\"id\": \"b\" x},\n  \"events\": []\n}";
    let (value, problems) = lenient(text);
    assert_eq!(value, parse(r#"{"members": [{"id": "a"}]}"#).unwrap());
    assert_eq!(problems[0].3, Recovery::RestLost);
    // Deeper than a feed's lists, where an entry's own list could be taken for its next.
    let text =
        "{\"feed\": {\"data\": {\n  \"members\": [\n    {\"id\": x},\n    {\"id\": \"b\"}\n  ]}}}";
    assert_eq!(
        lenient(text).0,
        parse(r#"{"feed": {"data": {"members": []}}}"#).unwrap()
    );
}

proptest::proptest! {
    /// The lines and columns of many problems, counted in one pass, are those each counted
    /// alone gives.
    #[test]
    fn problems_are_located_in_one_pass_as_each_alone(
        pieces in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::prelude::Just("a"),
                proptest::prelude::Just("é"),
                proptest::prelude::Just("\n"),
                proptest::prelude::Just("🎬"),
                proptest::prelude::Just(","),
            ],
            0..60,
        ),
        bom in proptest::prelude::any::<bool>(),
    ) {
        let text = format!("{}{}", if bom { "\u{FEFF}" } else { "" }, pieces.concat());
        let src = text.as_bytes();
        let mut at: Vec<usize> = text.match_indices(',').map(|(at, _)| at).collect();
        at.insert(0, 0);
        at.push(src.len());
        let mut lines = super::parser::Lines::new(src);
        for &at in &at {
            proptest::prop_assert_eq!(lines.at(at), line_column(src, at));
        }
    }
}
