use super::*;

/// `body` as fetched, in one chunk.
fn fetched(body: &[u8], from: Option<String>) -> FeedState {
    let mut reading = Reading::default();
    reading.push(body);
    parsed(reading, from, true)
}

#[test]
fn json_from_an_address_that_is_no_feed_says_so_and_a_feed_however_little_is_one() {
    let from = || Some("https://a.example/feed.json".to_owned());
    let no_feeds: [&[u8]; 7] = [
        b"{\"error\": \"Not authorised\"}",
        // Its syntax errors read past, as a feed's are.
        b"{\"error\": \"Not authorised\",}",
        b"[1 2]",
        b"{\"code\": \"rest_no_route\", \"message\": \"No route\", \"data\": {\"status\": 404}}",
        b"[]",
        b"null",
        b"{}",
    ];
    for body in no_feeds {
        let state = fetched(body, from());
        assert!(
            matches!(state, FeedState::Failed(LoadError::NotFeed)),
            "{}: {state:?}",
            String::from_utf8_lossy(body)
        );
    }
    let feeds: [&[u8]; 9] = [
        // A feed wrapped by a web API's answer.
        b"{\"success\": true, \"data\": {\"version\": 1, \"members\": [{\"id\": \"a\", \"name\": \"A\"}]}}",
        b"{\"feed\": {\"cluster\": {\"name\": \"C\"}}}",
        // Empty lists of a feed without its version or cluster (a season's generator).
        b"{\"events\": []}",
        b"{\"members\": [], \"segments\": []}",
        // Only members, in Windows-1252 (whose diagnostic comes first).
        b"{\"members\": [{\"id\": \"a\", \"name\": \"Ib\xe9rica\"}]}",
        b"{\"version\": 1}",
        b"{\"cluster\": {\"name\": \"C\"}}",
        b"{\"members\": [{\"id\": \"a\", \"name\": \"A\"}]}",
        b"{\"members\": [{}]}",
    ];
    for body in feeds {
        let state = fetched(body, from());
        assert!(
            matches!(state, FeedState::Ready { .. }),
            "{}: {state:?}",
            String::from_utf8_lossy(body)
        );
    }
    // Inline (with the page's address, as the embed gives it) there is no address to
    // blame: its diagnostics say what it lacks.
    assert!(matches!(
        inline_feed_at("[]", from()),
        FeedState::Ready { .. }
    ));
}

#[test]
fn inline_markup_is_a_syntax_error_where_a_fetched_page_is_no_json() {
    // Inline there is no address that gave a web page: the visitor's message is the
    // syntax error, with its place.
    // With the page's address, as the embed reads it.
    let page = || Some("https://a.example/members/".to_owned());
    match inline_feed_at("<p>{\"version\": 1}</p>", page()) {
        FeedState::Failed(LoadError::Syntax(e)) => assert_eq!((e.line, e.column), (1, 1)),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        fetched(b"<!doctype html><title>Log in</title>", page()),
        FeedState::Failed(LoadError::NotJson)
    ));
    // A web page with a line starting with `{` (its script's, its style's) is still one.
    let login = b"<!doctype html>\n<script>\nconst config =\n{\"theme\": \"dark\", \"version\": 2}\n</script>\n<style>\n{ color: red }\n</style>";
    assert!(matches!(
        fetched(login, page()),
        FeedState::Failed(LoadError::NotJson)
    ));
    // But a feed after PHP's warnings in markup is read, and the warnings said.
    let warned = b"<br />\n<b>Warning</b>:  Undefined variable $city in <b>/var/www/feed.php</b> on line <b>12</b><br />\n{\"version\": 1, \"cluster\": {\"name\": \"C\"}, \"members\": [{\"id\": \"a\", \"name\": \"A\"}]}";
    match fetched(warned, page()) {
        FeedState::Ready { feed, diagnostics } => {
            assert_eq!(feed.members.len(), 1);
            let said = diagnostics[0].message(crate::Lang::En);
            assert_eq!(
                said,
                "The data is not valid JSON: line 1, column 1: text before the start. It was ignored."
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_feed_read_up_to_a_syntax_error_is_shown_and_one_with_nothing_before_it_fails() {
    let from = || Some("https://a.example/feed.json".to_owned());
    let cut = b"{\"version\": 1, \"cluster\": {\"name\": \"C\"}, \"members\": [{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"b\", \"na";
    match fetched(cut, from()) {
        FeedState::Ready { feed, diagnostics } => {
            assert_eq!(feed.members.len(), 1);
            assert!(matches!(
                diagnostics[0].problem,
                crate::feed::Problem::Syntax {
                    recovery: crate::feed::Recovery::RestLost,
                    ..
                }
            ));
        }
        other => panic!("{other:?}"),
    }
    // Cut before its first member: no feed with nothing in it, but the error.
    let before = &cut[..cut.iter().position(|&b| b == b'[').unwrap() + 3];
    assert!(matches!(
        fetched(before, from()),
        FeedState::Failed(LoadError::Syntax(_))
    ));
}
