//! The feed reader on any bytes: it must never panic, and whatever it keeps must be usable
//! by the widgets (texts resolve, URLs are safe, dates exist).
#![no_main]

use clusterkit::__private::is_safe_url;
use clusterkit::feed;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(parsed) = feed::parse(&text) else {
        return;
    };
    let feed = parsed.feed;
    for m in &feed.members {
        let _ = m.name.resolve("gl", &feed.cluster.default_language);
        for url in [&m.website, &m.logo].into_iter().flatten() {
            assert!(is_safe_url(url), "an unsafe URL was kept: {url:?}");
        }
    }
    for e in &feed.events {
        let _ = e.title.resolve("ca", &feed.cluster.default_language);
        if let Some(url) = &e.url {
            assert!(is_safe_url(url), "an unsafe URL was kept: {url:?}");
        }
    }
});
