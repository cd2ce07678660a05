//! `cargo xtask bench`: bundle sizes, and in headless Chromium the member directory beside
//! List.js on a generated 10,000-member feed (`tests/bench/directory.mjs`): the time from
//! navigation start to the first card, as a visitor waits for it (fetch, parse and Wasm or
//! script start included), the time from a keystroke in the search box or a click on a facet
//! to the updated DOM, and the ratio of ours to List.js', at full speed and with the CPU
//! slowed 4×, and the first card on the Catalan sample feed (60 members, a real cluster's
//! size); the chart beside Chart.js (`tests/bench/chart.mjs`), from navigation start to
//! the drawn chart; and the calendar beside FullCalendar (`tests/bench/calendar.mjs`) on a
//! generated feed with 2,000 events a year, from navigation start to the first month and
//! from a click on "next month" to the settled DOM. Timings are printed, never asserted.

use std::process::Command;

use crate::setup;
use crate::{build, gen_feed, root, serve};

/// Runs the benchmarks and prints the report.
pub fn run() -> Result<(), String> {
    setup::for_browser_tests()?;
    let sizes = build::bundle()?;
    let dir = root().join("target/bench");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let feed = dir.join("feed-10000.json");
    std::fs::write(&feed, gen_feed::generate(10_000, 500, 1)).map_err(|e| e.to_string())?;
    // Two years of events, 2,000 a year, and a few members.
    std::fs::write(
        dir.join("events-4000.json"),
        gen_feed::generate(50, 4000, 2),
    )
    .map_err(|e| e.to_string())?;
    let base = serve::spawn(serve::Options::default())?;
    println!("bundle\n{sizes}");
    for (script, feed) in [
        ("directory.mjs", "feed-10000.json"),
        ("chart.mjs", "feed-10000.json"),
        ("calendar.mjs", "events-4000.json"),
    ] {
        setup::run(
            Command::new("node")
                .arg(root().join("tests/bench").join(script))
                .env("CK_BASE", &base)
                .env("CK_CHROMIUM", setup::CHROMIUM)
                .env("CK_FEED", format!("target/bench/{feed}")),
        )?;
    }
    Ok(())
}
