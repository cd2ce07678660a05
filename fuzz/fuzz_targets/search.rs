//! The directory's search on any typed query and any text: reading the query, matching,
//! highlighting (ranges inside the text, on character boundaries) never panic.
#![no_main]

use clusterkit::__private::{Query, fold};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // The first line is the query, the rest the text searched.
    let (typed, haystack) = text.split_once('\n').unwrap_or((&text, "Algam Ibérica"));
    let query = Query::new(typed);
    let _ = query.matches(&fold(haystack));
    for range in query.highlights(haystack) {
        assert!(range.start <= range.end && range.end <= haystack.len());
        assert!(haystack.is_char_boundary(range.start) && haystack.is_char_boundary(range.end));
    }
    let _ = query.refines(&Query::new(haystack));
});
