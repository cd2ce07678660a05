//! The browser tier: components and the embed mounted in headless Chromium, checked through
//! the DOM a visitor gets. Run by `cargo xtask test` (Catalan browser locale, Los Angeles time).
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use clusterkit::__private::intl;
use clusterkit::Lang;
use clusterkit::feed::{self, Feed};
use clusterkit::{EventCalendar, MemberDirectory, SegmentChart};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "../examples/directory_from_rust.rs"]
#[allow(dead_code)]
mod from_rust;
#[path = "../examples/directory_from_url.rs"]
#[allow(dead_code)]
mod from_url;

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element in the body to mount into.
fn container() -> HtmlElement {
    let div: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

/// Waits until `ready` holds, letting the reactive system and fetches run (up to 10 s).
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..500 {
        if ready() {
            return;
        }
        leptos::task::tick().await;
        sleep(20).await;
    }
    panic!("timed out waiting for {what}");
}

/// Lets `ms` milliseconds pass.
async fn sleep(ms: i32) {
    let later = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(later).await.unwrap();
}

/// Types `text` into the directory's search box, as one input event, and returns the box.
fn search_for(root: &Element, text: &str) -> HtmlInputElement {
    let input: HtmlInputElement = root
        .query_selector("input[type=search]")
        .unwrap()
        .expect("a search box")
        .unchecked_into();
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    input
}

/// The index of the page's current history entry (the Navigation API, which Chromium has).
fn entry_index() -> f64 {
    js_sys::eval("navigation.currentEntry.index")
        .unwrap()
        .as_f64()
        .unwrap()
}

/// Takes `mounted` out of the page while its dialog is open, as a script removing the widget
/// would, and waits for the back over the dialog's history entry: the next back leaves the
/// page, and the next test starts at the page's own entry.
async fn unmount_with_dialog_open<T>(mounted: T) {
    let at = entry_index();
    drop(mounted);
    gone_back_from(at).await;
}

/// Waits for the back over the history entry at `at` (its index) that a dialog held, which
/// closing the dialog makes: a later test starts at the page's own entry, not under a move
/// still on its way.
async fn gone_back_from(at: f64) {
    until("the back over the dialog's entry", || {
        entry_index() == at - 1.0
    })
    .await;
    // Once: a second would have left the page.
    sleep(150).await;
    assert_eq!(entry_index(), at - 1.0, "one back");
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

/// Clicks the calendar's bar of the event `title` once it is drawn.
async fn click_bar(root: &Element, title: &str) {
    let bar = || {
        all(root, ".ck-bar")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default() == title)
    };
    until(title, || bar().is_some()).await;
    bar().unwrap().unchecked_into::<HtmlElement>().click();
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn sample(name: &str) -> Arc<Feed> {
    let text = match name {
        "catalonia" => include_str!("../www/feeds/catalonia.json"),
        "galicia" => include_str!("../www/feeds/galicia.json"),
        _ => include_str!("../www/feeds/madrid.json"),
    };
    Arc::new(feed::parse(text).expect("sample feeds are valid JSON").feed)
}

#[wasm_bindgen_test]
async fn directory_searches_as_the_visitor_types_and_filters_by_segment() {
    let feed = sample("catalonia");
    let total = feed.members.len();
    let post = feed
        .members
        .iter()
        .filter(|m| m.segments.iter().any(|s| s == "post-production"))
        .count();
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), {
        let feed = feed.clone();
        move || view! { <MemberDirectory feed=feed lang=Lang::Ca page_size=10/> }
    });
    until("the result count", || {
        text_of(&root, "[part=count]") == format!("{total} socis")
    })
    .await;
    until("one page of cards", || all(&root, "article").len() == 10).await;

    search_for(&root, "ALGAM iberica");
    until("one match", || text_of(&root, "[part=count]") == "1 soci").await;
    until("its card alone", || all(&root, "article").len() == 1).await;
    assert_eq!(text_of(&root, "article h3"), "Algam Ibérica");

    search_for(&root, "");
    until("everyone again", || {
        text_of(&root, "[part=count]") == format!("{total} socis")
    })
    .await;
    let boxes = all(&root, "input[type=checkbox]");
    let post_box = boxes
        .iter()
        .find(|b| {
            b.parent_element()
                .unwrap()
                .text_content()
                .unwrap()
                .contains("Postproducció")
        })
        .expect("a Postproducció checkbox")
        .clone()
        .unchecked_into::<HtmlElement>();
    post_box.click();
    until("the post-production members", || {
        text_of(&root, "[part=count]") == format!("{post} socis")
    })
    .await;

    // An empty result offers to clear what made it, and says what that is.
    let s = Lang::Ca.strings();
    let offered = || {
        all(&root, ".ck-status button")
            .first()
            .and_then(|b| b.text_content())
            .unwrap_or_default()
    };
    search_for(&root, "zzzz");
    until("no match, with search and a segment", || {
        offered() == s.clear_search_and_filters
    })
    .await;
    // It says the words searched for, as typed: a typo shows.
    assert_eq!(
        text_of(&root, ".ck-status p"),
        "Cap soci no coincideix amb «zzzz»."
    );
    // (The facets are drawn again as the counts change: the box is found anew.)
    let post_box = all(&root, "input[type=checkbox]")
        .into_iter()
        .find(|b| {
            b.parent_element()
                .and_then(|p| p.text_content())
                .is_some_and(|t| t.contains("Postproducció"))
        })
        .expect("the Postproducció checkbox again")
        .unchecked_into::<HtmlElement>();
    post_box.click();
    until("no match, with the search alone", || {
        offered() == s.clear_search
    })
    .await;
    all(&root, ".ck-status button")[0]
        .unchecked_ref::<HtmlElement>()
        .click();
    until("everyone after the button", || {
        text_of(&root, "[part=count]") == format!("{total} socis")
    })
    .await;
}

/// The search index of a large feed is built a slice at a time after the first cards: a
/// search typed at once, before the last slice, and one typed after it, both count every
/// member, the last one included.
#[wasm_bindgen_test]
async fn a_search_typed_while_the_index_is_being_built_finds_every_member() {
    let members: usize = 20_000;
    let feed = Arc::new(Feed {
        members: (0..members)
            .map(|i| {
                let word = if i % 7 == 0 { "dubbing" } else { "animation" };
                let name = if i == members - 1 {
                    "Zephyr Sound".to_owned()
                } else {
                    format!("Studio {i}")
                };
                feed::Member {
                    city: Some(format!("{word} town")),
                    ..feed::Member::new(format!("m{i}"), name)
                }
            })
            .collect(),
        ..Feed::default()
    });
    for wait_ms in [0, 1500] {
        let root = container();
        let _mounted = leptos::mount::mount_to(root.clone(), {
            let feed = feed.clone();
            move || view! { <MemberDirectory feed=feed lang=Lang::En/> }
        });
        until("the first cards", || !all(&root, "article").is_empty()).await;
        if wait_ms > 0 {
            sleep(wait_ms).await;
        }
        search_for(&root, "zephyr");
        until(&format!("the last member, {wait_ms} ms after"), || {
            text_of(&root, "[part=count]") == "1 member"
        })
        .await;
        assert_eq!(text_of(&root, "article h3"), "Zephyr Sound");
        search_for(&root, "dubbing");
        let dubbing = members.div_ceil(7);
        until("every seventh member", || {
            text_of(&root, "[part=count]")
                == format!("{} members", intl::format_number(Lang::En, dubbing))
        })
        .await;
        root.remove();
    }
}

#[wasm_bindgen_test]
fn a_rust_built_feed_is_checked_against_the_browsers_zones() {
    // The example's feed is one the reader would take as it is.
    assert_eq!(from_rust::cluster_feed().check(), vec![]);
    // In the browser, a zone is known to its `Intl` or said, as the reader says it.
    let mut feed = from_rust::cluster_feed();
    feed.cluster.timezone = "Europe/Madird".into();
    let said = feed.check();
    assert_eq!(said.len(), 1, "{said:?}");
    assert_eq!(
        said[0].to_string(),
        clusterkit::feed::parse(
            r#"{"version": 1, "cluster": {"name": "C", "timezone": "Europe/Madird"}}"#
        )
        .unwrap()
        .diagnostics[0]
            .to_string()
    );
    feed.cluster.timezone = "Europe/Madrid".into();
    assert_eq!(feed.check(), vec![]);
}

#[wasm_bindgen_test]
async fn the_rust_built_feed_example_lists_its_three_members_sorted_by_name() {
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), from_rust::App);
    until("the cards", || all(&root, "article").len() == 3).await;
    let names: Vec<String> = all(&root, "article h3")
        .iter()
        .map(|h| h.text_content().unwrap())
        .collect();
    assert_eq!(names, ["Píxel Games", "Sonilab", "Sons del Ter"]);
    assert!(
        root.query_selector("style").unwrap().is_some(),
        "<Styles/> brings the CSS into the app's document"
    );
    // Styled and themed as in the embed, without its frame or a shadow root: the cards' list
    // has no bullets, a card has its border, and a `--ck-accent` set around the app reaches
    // the pressed layout button.
    root.style()
        .set_property("--ck-accent", "rgb(176, 0, 32)")
        .unwrap();
    let style = |selector: &str| {
        let element = root.query_selector(selector).unwrap().expect(selector);
        web_sys::window()
            .unwrap()
            .get_computed_style(&element)
            .unwrap()
            .unwrap()
    };
    let value =
        |selector: &str, property: &str| style(selector).get_property_value(property).unwrap();
    assert_eq!(value("ul:has(> li > article)", "list-style-type"), "none");
    assert_eq!(value("article", "border-top-style"), "solid");
    assert_eq!(
        value("[aria-pressed=true]", "background-color"),
        "rgb(176, 0, 32)"
    );
}

#[wasm_bindgen_test]
async fn a_segment_colour_of_a_feed_built_in_rust_paints_only_when_it_is_a_colour() {
    // The reader keeps only #rgb and #rrggbb; a feed built in Rust skips it, and a url() in
    // --ck-seg would be fetched by the page.
    let mut red = feed::Segment::new("red", "Red");
    red.color = Some("#aa0000".into());
    let mut tracker = feed::Segment::new("tracker", "Tracker");
    tracker.color = Some("url(https://tracker.example/pixel)".into());
    let mut member = feed::Member::new("m", "Member");
    member.segments = vec!["red".into(), "tracker".into()];
    let feed = Arc::new(Feed {
        segments: vec![red, tracker],
        members: vec![member],
        ..Feed::default()
    });
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <MemberDirectory feed=feed.clone() lang=Lang::En/> }
    });
    until("the card's two tags", || {
        all(&root, "article .ck-tag").len() == 2
    })
    .await;
    let painted: Vec<String> = all(&root, "article .ck-tag")
        .iter()
        .map(|tag| {
            let tag: &HtmlElement = tag.unchecked_ref();
            tag.style().get_property_value("--ck-seg").unwrap()
        })
        .collect();
    assert_eq!(painted, ["#aa0000", ""]);
}

#[wasm_bindgen_test]
async fn the_url_example_shows_loading_then_the_fetched_feed_in_galician() {
    let json = include_str!("../www/feeds/galicia.json");
    let url = format!(
        "data:application/json,{}",
        String::from(js_sys::encode_uri_component(json))
    );
    let root = container();
    let _mounted = leptos::mount::mount_to(
        root.clone(),
        move || view! { <from_url::App url=url.clone() lang=Lang::Gl/> },
    );
    until("the Galician directory", || {
        text_of(&root, ".ck-directory [part=count]") == "40 socios"
    })
    .await;
    assert_eq!(
        all(&root, "svg [role=listitem]").len(),
        sample("galicia").segments.len(),
        "the chart shares the fetch"
    );
}

/// The URL example mounted on `url`, once it shows its error: its container, and the
/// mounted app for the caller to keep.
async fn error_of(url: &'static str, lang: Lang) -> (HtmlElement, impl Sized) {
    let root = container();
    let mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <from_url::App url=url lang=lang/> }
    });
    until("the error", || {
        root.query_selector("[role=alert]").unwrap().is_some()
    })
    .await;
    (root, mounted)
}

#[wasm_bindgen_test]
async fn a_failed_fetch_shows_a_localized_error_with_a_retry_button() {
    let (root, _mounted) = error_of("/this/feed/does/not/exist.json", Lang::Es).await;
    assert!(text_of(&root, "[role=alert]").starts_with("No se han podido cargar los datos"));
    assert_eq!(text_of(&root, "[role=alert] button"), "Reintentar");
}

/// An address that is no web address at all (a typo in `feed`) is said to be one, with
/// nothing fetched and no retry, which could not mend it.
#[wasm_bindgen_test]
async fn a_feed_address_that_is_no_web_address_says_so_without_a_retry() {
    let restore = hold_fetches();
    let (root, _mounted) = error_of("http://[::1/feed.json", Lang::Gl).await;
    assert_eq!(text_of(&root, "[role=alert]"), Lang::Gl.strings().bad_url);
    assert!(
        root.query_selector("[role=alert] button")
            .unwrap()
            .is_none()
    );
    assert!(fetches().is_empty(), "nothing fetched");
    restore.call0(&JsValue::NULL).unwrap();
    root.remove();
}

/// Replaces `fetch` for the rest of a test: calls are recorded in `window.__fetches` (URL
/// and abort signal), and those of URLs under `/held/` never answer. Gives back the function
/// that puts the real `fetch` back.
fn hold_fetches() -> js_sys::Function {
    js_sys::Function::new_no_args(
        r#"
        const real = window.fetch;
        window.__fetches = [];
        window.fetch = function (url, init) {
            const href = new URL(String(url), location.href).href;
            window.__fetches.push({ href, signal: init && init.signal });
            return href.includes("/held/") ? new Promise(() => {}) : real.apply(this, arguments);
        };
        return () => { window.fetch = real; };
        "#,
    )
    .call0(&JsValue::NULL)
    .unwrap()
    .unchecked_into()
}

/// The URLs fetched since [`hold_fetches`], and whether each fetch was aborted.
fn fetches() -> Vec<(String, bool)> {
    let window = web_sys::window().unwrap();
    let list: js_sys::Array = js_sys::Reflect::get(&window, &"__fetches".into())
        .unwrap()
        .unchecked_into();
    list.iter()
        .map(|f| {
            let href = js_sys::Reflect::get(&f, &"href".into()).unwrap();
            let signal = js_sys::Reflect::get(&f, &"signal".into()).unwrap();
            let aborted = signal
                .dyn_ref::<web_sys::AbortSignal>()
                .is_some_and(|s| s.aborted());
            (href.as_string().unwrap(), aborted)
        })
        .collect()
}

#[wasm_bindgen_test]
async fn an_app_unmounted_while_its_feed_loads_aborts_the_fetch_and_an_empty_url_fetches_nothing() {
    let restore = hold_fetches();
    let root = container();
    let mounted = leptos::mount::mount_to(root.clone(), || {
        view! { <from_url::App url="/held/feed.json" lang=Lang::En/> }
    });
    until("the fetch", || fetches().len() == 1).await;
    assert!(fetches()[0].0.ends_with("/held/feed.json"));
    assert!(!fetches()[0].1, "not aborted while the app shows it");
    drop(mounted);
    until("the abort", || fetches()[0].1).await;

    // No URL: the app says so, and fetches nothing (an empty URL would be the page itself).
    let mounted = leptos::mount::mount_to(root.clone(), || {
        view! { <from_url::App url="" lang=Lang::En/> }
    });
    until("the message", || {
        root.query_selector("[role=alert]").unwrap().is_some()
    })
    .await;
    let fetched = fetches();
    restore.call0(&JsValue::NULL).unwrap();
    drop(mounted);
    assert_eq!(fetched.len(), 1, "no fetch besides the first: {fetched:?}");
}

#[wasm_bindgen_test]
async fn chart_draws_one_labelled_bar_per_segment_largest_first() {
    let feed = sample("galicia");
    let mut expected: Vec<(String, usize)> = feed
        .segments
        .iter()
        .map(|s| {
            (
                s.name.resolve("en", "gl").to_owned(),
                feed.members
                    .iter()
                    .filter(|m| m.segments.contains(&s.id))
                    .count(),
            )
        })
        .collect();
    expected.sort_by_key(|e| std::cmp::Reverse(e.1));
    let root = container();
    let _mounted = leptos::mount::mount_to(
        root.clone(),
        move || view! { <SegmentChart feed=feed.clone() lang=Lang::En/> },
    );
    until("the bars", || !all(&root, "[role=listitem]").is_empty()).await;
    let labels: Vec<String> = all(&root, "[role=listitem]")
        .iter()
        .map(|g| g.get_attribute("aria-label").unwrap())
        .collect();
    let expected_labels: Vec<String> = expected
        .iter()
        .map(|(n, c)| match c {
            1 => format!("{n}: 1 member"),
            c => format!("{n}: {c} members"),
        })
        .collect();
    assert_eq!(labels, expected_labels);
    let widths: Vec<f64> = all(&root, "rect[part=bar]")
        .iter()
        .map(|r| r.get_attribute("width").unwrap().parse().unwrap())
        .collect();
    assert!(
        widths.windows(2).all(|w| w[0] >= w[1]),
        "longest bar first: {widths:?}"
    );
    assert!(
        text_of(&root, "figcaption").contains(&format!("with {} of 40 members", expected[0].1))
    );
}

#[wasm_bindgen_test]
async fn calendar_shows_galician_month_names_and_moves_between_months() {
    let feed = sample("galicia");
    let root = container();
    let month = feed::Date::new(2026, 12, 1).unwrap();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <EventCalendar feed=feed.clone() lang=Lang::Gl month=month/> }
    });
    until("the title", || text_of(&root, "h2") == "Decembro de 2026").await;
    assert_eq!(
        text_of(&root, "thead th .ck-wd"),
        "luns",
        "weeks start on Monday in Galician"
    );
    until("Ventana Sur", || {
        text_of(&root, "tbody").contains("Ventana Sur")
    })
    .await;
    let next: HtmlElement = root
        .query_selector(&format!(
            "button[aria-label='{}']",
            Lang::Gl.strings().next_month
        ))
        .unwrap()
        .expect("the next-month button")
        .unchecked_into();
    next.click();
    until("January", || text_of(&root, "h2") == "Xaneiro de 2027").await;
}

/// In a Leptos app, as in the embed, the widgets take the width of a theme's `flex: 1` column
/// beside a sidebar, however narrow, and a box that fits its content (an inline-block) gives
/// them a width of their own, never 0 px.
#[wasm_bindgen_test]
async fn widgets_fit_a_narrow_flex_column_and_a_box_that_fits_its_content() {
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), || {
        let feed = sample("catalonia");
        view! {
            <clusterkit::Styles/>
            <div class="page" style="display: flex; width: 560px">
                <aside style="flex: none; width: 200px">"Sidebar"</aside>
                <main style="flex: 1">
                    <MemberDirectory feed=feed.clone()/>
                    <EventCalendar feed=feed.clone()/>
                    <SegmentChart feed=feed.clone()/>
                </main>
            </div>
            <div class="fits" style="display: inline-block">
                <MemberDirectory feed=feed.clone()/>
                <EventCalendar feed=feed.clone()/>
                <SegmentChart feed=feed/>
            </div>
        }
    });
    until("both widgets twice", || {
        all(&root, ".ck-directory, .ck-calendar").len() == 4
    })
    .await;
    let width = |element: &Element| element.get_bounding_client_rect().width();
    let main = root.query_selector("main").unwrap().unwrap();
    assert_eq!(width(&main), 360.0, "the column is what the sidebar leaves");
    for widget in all(&main, ".ck-directory, .ck-calendar, .ck-chart") {
        assert_eq!(width(&widget), 360.0, "{}", widget.class_name());
    }
    for widget in all(
        &root,
        ".fits .ck-directory, .fits .ck-calendar, .fits .ck-chart",
    ) {
        assert!(
            width(&widget) >= 300.0,
            "{}: {}",
            widget.class_name(),
            width(&widget)
        );
    }
    root.remove();
}

/// On a phone a column is some 40 px wide: the weekday headers shorten to their narrowest
/// names instead of breaking inside a word ("mi / é").
#[wasm_bindgen_test]
async fn weekday_headers_take_their_narrowest_names_in_a_phone_wide_calendar() {
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), || {
        view! {
            <clusterkit::Styles/>
            <EventCalendar feed=Arc::new(Feed::default()) lang=Lang::Es month=feed::Date::new(2026, 11, 1).unwrap()/>
        }
    });
    until("the grid", || !all(&root, "tbody td").is_empty()).await;
    let shown = || {
        all(&root, "thead th")
            .into_iter()
            .map(|th| th.unchecked_into::<HtmlElement>().inner_text())
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(shown(), "lun mar mié jue vie sáb dom");
    root.style().set_property("width", "300px").unwrap();
    until("the narrowest names", || shown() == "L M X J V S D").await;
    let th: HtmlElement = root
        .query_selector("thead th")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(th.get_attribute("aria-label").as_deref(), Some("lunes"));
    root.remove();
}

/// Weeks start on the day the browser's own locale data says, for every region an English
/// tag can name: Monday, Sunday or Saturday.
#[wasm_bindgen_test]
fn weeks_start_where_the_browsers_locale_data_says() {
    let first_day = js_sys::Function::new_with_args(
        "tag",
        "try { const l = new Intl.Locale(tag); return (l.getWeekInfo ? l.getWeekInfo() : l.weekInfo).firstDay; } catch (e) { return 0; }",
    );
    let mut checked = 0;
    for a in b'A'..=b'Z' {
        for b in b'A'..=b'Z' {
            let tag = format!("en-{}{}", a as char, b as char);
            let day = first_day
                .call1(&JsValue::NULL, &JsValue::from_str(&tag))
                .ok()
                .and_then(|d| d.as_f64())
                .unwrap_or(0.0);
            // Intl counts from 1 for Monday to 7 for Sunday; the calendar from 0.
            if day >= 1.0 {
                checked += 1;
                assert_eq!(
                    clusterkit::__private::first_weekday(&tag).index() as f64,
                    day - 1.0,
                    "{tag}"
                );
            }
        }
    }
    assert!(
        checked > 600,
        "the browser knows the week of {checked} regions"
    );
}

/// A feed whose every member and event is bad (ids as lists, say) leaves each widget saying
/// that its data could not be read, not that the cluster has no members or events.
#[wasm_bindgen_test]
async fn widgets_whose_every_entry_was_skipped_say_the_data_could_not_be_read() {
    let parsed = feed::parse(
        r#"{"version": 1, "cluster": {"name": "Clúster"},
        "members": [{"id": ["a"], "name": "A"}, {"id": "b"}],
        "events": [{"id": "e", "title": "Jornada", "start": "23/11/2026"}]}"#,
    )
    .unwrap();
    assert!(parsed.feed.members.is_empty() && parsed.feed.events.is_empty());
    let feed = Arc::new(parsed.feed);
    let s = Lang::Es.strings();
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <MemberDirectory feed=feed.clone() lang=Lang::Es/>
            <SegmentChart feed=feed.clone() lang=Lang::Es/>
            <EventCalendar feed=feed.clone() lang=Lang::Es view=Some(clusterkit::CalendarView::List)/>
        }
    });
    let said = |text: &str| {
        all(&root, ".ck-status, figure p, [role=status]")
            .iter()
            .filter(|e| e.text_content().is_some_and(|t| t.contains(text)))
            .count()
    };
    until("each widget says so", || {
        said(s.members_unread) == 2 && said(s.events_unread) == 1
    })
    .await;
    assert_eq!(said(s.no_members), 0);
    assert_eq!(said(s.no_upcoming), 0);
}

/// An app's own switch of views (the `view` signal) still works after the visitor picked one
/// with the calendar's.
#[wasm_bindgen_test]
async fn a_new_view_from_the_app_replaces_the_visitors_pick() {
    use clusterkit::CalendarView as View;
    let feed = sample("galicia");
    let root = container();
    // A signal of the view itself, as the directory's layout takes one (no `Option`).
    let view = RwSignal::new(View::Month);
    let month = feed::Date::new(2026, 12, 1).unwrap();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <EventCalendar feed=feed.clone() lang=Lang::En month=month view=view/> }
    });
    let showing_month = |root: &Element| root.query_selector("table").unwrap().is_some();
    until("the month", || showing_month(&root)).await;
    until("the list's button", || {
        root.query_selector("button[data-act=list]")
            .unwrap()
            .is_some()
    })
    .await;
    let list: HtmlElement = root
        .query_selector("button[data-act=list]")
        .unwrap()
        .expect("the list's button")
        .unchecked_into();
    list.click();
    until("the visitor's list", || !showing_month(&root)).await;
    view.set(View::Month);
    until("the app's month again", || showing_month(&root)).await;
}

/// The app hears the month and the view shown: the first ones, then each the visitor or
/// the app picks, once each.
#[wasm_bindgen_test]
async fn the_calendar_tells_the_app_the_month_and_the_view_shown() {
    use clusterkit::CalendarView as View;
    let feed = sample("galicia");
    let root = container();
    let view = RwSignal::new(View::Month);
    let month = RwSignal::new(feed::Date::new(2026, 12, 10).unwrap());
    let months = RwSignal::new(Vec::<feed::Date>::new());
    let views = RwSignal::new(Vec::<View>::new());
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <EventCalendar feed=feed.clone() lang=Lang::En month=month view=view
                on_month=move |m| months.update(|all| all.push(m))
                on_view=move |v| views.update(|all| all.push(v))/>
        }
    });
    let button = |act: &str| -> HtmlElement {
        root.query_selector(&format!("button[data-act={act}]"))
            .unwrap()
            .expect("the calendar's button")
            .unchecked_into()
    };
    until("the month's buttons", || {
        root.query_selector("button[data-act=next]")
            .unwrap()
            .is_some()
    })
    .await;
    let day = |m| feed::Date::new(2026, m, 1).unwrap();
    let december = feed::Date::new(2026, 12, 1).unwrap();
    assert_eq!(
        months.get_untracked(),
        [december],
        "the first day of the month given"
    );
    assert_eq!(views.get_untracked(), [View::Month]);
    button("next").click();
    until("January", || months.get_untracked().len() == 2).await;
    assert_eq!(
        months.get_untracked()[1],
        feed::Date::new(2027, 1, 1).unwrap()
    );
    // Another day of the month shown is the same month: not told again.
    month.set(feed::Date::new(2026, 11, 3).unwrap());
    until("November", || months.get_untracked().len() == 3).await;
    month.set(feed::Date::new(2026, 11, 20).unwrap());
    button("list").click();
    until("the list", || views.get_untracked().len() == 2).await;
    assert_eq!(months.get_untracked()[2..], [day(11)]);
    assert_eq!(views.get_untracked(), [View::Month, View::List]);
    view.set(View::Month);
    until("the app's month view", || views.get_untracked().len() == 3).await;
    assert_eq!(views.get_untracked()[2], View::Month);
    // Without a view given, the one a phone-wide container chose, once it is known.
    let narrow = container();
    narrow.style().set_property("width", "300px").unwrap();
    let chosen = RwSignal::new(Vec::<View>::new());
    let feed = sample("galicia");
    let _narrow = leptos::mount::mount_to(narrow.clone(), move || {
        view! {
            <EventCalendar feed=feed.clone() lang=Lang::En
                on_view=move |v| chosen.update(|all| all.push(v))/>
        }
    });
    until("the list a phone-wide calendar shows", || {
        !chosen.get_untracked().is_empty()
    })
    .await;
    assert_eq!(
        chosen.get_untracked(),
        [View::List],
        "told once, not a month first"
    );
}

/// A new month from the app shows in place of the month the visitor went to, and keeps the
/// visitor's search; in the list too, which then starts from it.
#[wasm_bindgen_test]
async fn a_new_month_from_the_app_replaces_the_visitors_and_keeps_the_search() {
    use clusterkit::CalendarView as View;
    let feed = sample("galicia");
    let root = container();
    let month = RwSignal::new(feed::Date::new(2026, 12, 1));
    let view = RwSignal::new(Some(View::Month));
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <EventCalendar feed=feed.clone() lang=Lang::En month=month view=view/> }
    });
    let title = || text_of(&root, ".ck-cal-head h2");
    until("December", || title() == "December 2026").await;
    let next: HtmlElement = root
        .query_selector("button[data-act=next]")
        .unwrap()
        .expect("the next month's button")
        .unchecked_into();
    next.click();
    until("the visitor's January", || title() == "January 2027").await;
    let search = search_for(&root, "mip");
    month.set(feed::Date::new(2027, 3, 1));
    until("the app's March", || title() == "March 2027").await;
    assert_eq!(search.value(), "mip", "the search typed stays");
    // The list starts from the app's month: no month before it is listed.
    search_for(&root, "");
    view.set(Some(View::List));
    let listed = || {
        all(&root, ".ck-agenda h3")
            .iter()
            .filter_map(|h| h.text_content())
            .collect::<Vec<_>>()
    };
    until("the list from March", || {
        listed().first().is_some_and(|m| m == "March 2027")
    })
    .await;
    // What the visitor reached before it goes with the month the app leaves.
    let earlier: HtmlElement = all(&root, ".ck-agenda button")
        .into_iter()
        .find(|b| b.text_content().is_some_and(|t| t.contains("earlier")))
        .expect("a button for earlier events")
        .unchecked_into();
    earlier.click();
    until("earlier months", || {
        listed().first().is_some_and(|m| m != "March 2027")
    })
    .await;
    month.set(feed::Date::new(2027, 6, 1));
    let before_june = |m: &String| {
        m.ends_with("2026")
            || ["January", "February", "March", "April", "May"]
                .iter()
                .any(|early| m == &format!("{early} 2027"))
    };
    until("the list from June", || {
        let months = listed();
        !months.is_empty() && !months.iter().any(before_june)
    })
    .await;
}

/// The visitor's toggles and search stay through a new feed and through the app's new
/// categories; only a choice no event of the new feed has goes (it would keep every event
/// out, with no toggle left to undo it).
#[wasm_bindgen_test]
async fn the_calendars_choices_stay_through_a_new_feed_and_the_apps_other_facet() {
    let first = sample("galicia");
    let feed = RwSignal::new(first.clone());
    let categories = RwSignal::new(Vec::<String>::new());
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <EventCalendar feed=feed lang=Lang::En categories=categories
                month=feed::Date::new(2026, 12, 1).unwrap()/>
        }
    });
    let pressed = || {
        let mut ids: Vec<String> = all(&root, "[data-id][aria-pressed=true]")
            .iter()
            .filter_map(|b| {
                Some(format!(
                    "{}:{}",
                    b.get_attribute("data-kind")?,
                    b.get_attribute("data-id")?
                ))
            })
            .collect();
        ids.sort();
        ids
    };
    until("the animation toggle", || {
        root.query_selector("[data-kind=s][data-id=animation]")
            .unwrap()
            .is_some()
    })
    .await;
    let animation: HtmlElement = root
        .query_selector("[data-kind=s][data-id=animation]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    animation.click();
    until("animation chosen", || pressed() == ["s:animation"]).await;
    let search = search_for(&root, "a");
    categories.set(vec!["fair".into()]);
    until("the app's category beside the visitor's segment", || {
        pressed() == ["c:fair", "s:animation"]
    })
    .await;
    // The same feed read again, as an embed's new `?v=` gives it.
    feed.set(Arc::new((*first).clone()));
    leptos::task::tick().await;
    until("both kept through a new feed", || {
        pressed() == ["c:fair", "s:animation"]
    })
    .await;
    assert_eq!(search.value(), "a", "the search typed stays");
    // A feed whose events have no animation: that choice goes, the category stays.
    let mut without = (*first).clone();
    for event in &mut without.events {
        event.segments.retain(|s| s != "animation");
    }
    feed.set(Arc::new(without));
    until("the animation choice gone with its toggle", || {
        pressed() == ["c:fair"]
            && root
                .query_selector("[data-id=animation]")
                .unwrap()
                .is_none()
    })
    .await;
    // A feed without fairs: the app's own choice stays, and keeps every event out.
    let mut no_fairs = (*first).clone();
    for event in &mut no_fairs.events {
        if event.category.as_deref() == Some("fair") {
            event.category = None;
        }
    }
    search_for(&root, "");
    feed.set(Arc::new(no_fairs));
    until("no event kept", || {
        text_of(&root, ".ck-cal-count") == "0 events found"
    })
    .await;
}

/// A time zone the browser does not know is said once in the console, not again each time
/// the app gives the calendar a new feed, and the feed's zone is used meanwhile.
#[wasm_bindgen_test]
async fn an_unknown_time_zone_is_said_once_across_new_feeds() {
    let console: JsValue = js_sys::Reflect::get(&js_sys::global(), &"console".into()).unwrap();
    let warn = js_sys::Reflect::get(&console, &"warn".into()).unwrap();
    let said = js_sys::Array::new();
    let record = js_sys::Function::new_with_args(
        "said",
        "return (...args) => { if (String(args[0]).includes('Mars/Olympus')) said.push(String(args[0])); }",
    )
    .call1(&JsValue::NULL, &said)
    .unwrap();
    js_sys::Reflect::set(&console, &"warn".into(), &record).unwrap();
    let feed = RwSignal::new(sample("galicia"));
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <EventCalendar feed=feed lang=Lang::En timezone="Mars/Olympus"/> }
    });
    until("the month", || {
        root.query_selector("table").unwrap().is_some()
    })
    .await;
    for name in ["catalonia", "madrid", "galicia"] {
        feed.set(sample(name));
        leptos::task::tick().await;
    }
    until("the month again", || {
        root.query_selector("table").unwrap().is_some()
    })
    .await;
    js_sys::Reflect::set(&console, &"warn".into(), &warn).unwrap();
    assert_eq!(said.length(), 1, "{:?}", said.to_vec());
    assert!(
        said.get(0).as_string().unwrap().contains("Europe/Madrid"),
        "says which zone it uses instead: {:?}",
        said.get(0)
    );
}

/// The list offers its events as a file only when it lists some.
#[wasm_bindgen_test]
async fn the_list_offers_a_file_of_its_events_only_when_it_lists_some() {
    let download = Lang::Ca.strings().download_events;
    let offered = |root: &Element| {
        all(root, "button")
            .iter()
            .any(|b| b.text_content().as_deref() == Some(download) && !b.has_attribute("hidden"))
    };
    let empty = container();
    let _a = leptos::mount::mount_to(empty.clone(), || {
        view! { <EventCalendar feed=Arc::new(Feed::default()) lang=Lang::Ca view=Some(clusterkit::CalendarView::List)/> }
    });
    until("the empty list", || {
        text_of(&empty, ".ck-status[role=status]") == Lang::Ca.strings().no_upcoming
    })
    .await;
    assert!(!offered(&empty), "no file of nothing");
    let full = container();
    // An event every year since 2026: there is one to list whatever the day the test runs.
    let mut yearly = feed::Event::new(
        "yearly",
        "Assemblea",
        feed::When::Date(feed::Date::new(2026, 1, 15).unwrap()),
    );
    yearly.recurrence = Some(feed::Rrule::parse("FREQ=YEARLY").unwrap());
    let feed = Arc::new(Feed {
        events: vec![yearly],
        ..Feed::default()
    });
    let _b = leptos::mount::mount_to(full.clone(), move || {
        view! { <EventCalendar feed=feed.clone() lang=Lang::Ca view=Some(clusterkit::CalendarView::List)/> }
    });
    until("the listed events", || {
        !all(&full, ".ck-agenda .ck-agenda-item").is_empty()
    })
    .await;
    assert!(offered(&full), "the file of what is listed");
    empty.remove();
    full.remove();
}

#[wasm_bindgen_test]
async fn calendar_weeks_start_on_sunday_for_en_us_and_saturday_for_en_eg() {
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), || {
        view! { <EventCalendar feed=Arc::new(Feed::default()) lang=Lang::En locale="en-US".to_owned() month=feed::Date::new(2026, 11, 1).unwrap()/> }
    });
    until("the grid", || !all(&root, "tbody td").is_empty()).await;
    assert_eq!(text_of(&root, "thead th .ck-wd"), "Sun");
    assert_eq!(
        text_of(&root, "tbody td .ck-day-number"),
        "1",
        "1 November 2026 is a Sunday, first in its row"
    );
    // In Egypt weeks start on Saturday: 31 October comes first, then the 1st.
    let egypt = container();
    let _egypt = leptos::mount::mount_to(egypt.clone(), || {
        view! { <EventCalendar feed=Arc::new(Feed::default()) lang=Lang::En locale="en-EG".to_owned() month=feed::Date::new(2026, 11, 1).unwrap()/> }
    });
    until("the grid", || !all(&egypt, "tbody td").is_empty()).await;
    assert_eq!(text_of(&egypt, "thead th .ck-wd"), "Sat");
    let first_row: Vec<String> = all(&egypt, "tbody tr:first-child td")
        .iter()
        .map(|td| td.get_attribute("data-day").unwrap_or_default())
        .take(2)
        .collect();
    assert_eq!(first_row, ["2026-10-31", "2026-11-01"]);
}

#[wasm_bindgen_test]
fn collation_sorts_each_language_its_own_way() {
    let sorted = |lang, names: &[&'static str]| -> Vec<&'static str> {
        intl::collation_order(lang, names)
            .into_iter()
            .map(|i| names[i])
            .collect()
    };
    let names = ["Oso", "Ñandú", "Nube", "Llama", "Luz"];
    assert_eq!(
        sorted(Lang::Gl, &names),
        ["Llama", "Luz", "Nube", "Ñandú", "Oso"],
        "Galician sorts with the Spanish collation: ñ after n"
    );
    assert_eq!(
        sorted(Lang::En, &names),
        ["Llama", "Luz", "Ñandú", "Nube", "Oso"],
        "English sorts ñ as n"
    );
    assert_eq!(sorted(Lang::Ca, &["Cel·la", "Cella", "Cebes"])[0], "Cebes");
    assert_eq!(
        sorted(Lang::Es, &["Estudio 10", "Estudio 9", "Estudio 1"]),
        ["Estudio 1", "Estudio 9", "Estudio 10"],
        "numbers in names sort by their value"
    );
    assert_eq!(
        sorted(Lang::Ca, &["«Zeta»", "🎬 Estudis", "Alfa"]),
        ["Alfa", "🎬 Estudis", "«Zeta»"],
        "names are filed from their first letter, past quotes and emoji"
    );
    assert_eq!(
        intl::collation_order(Lang::Ca, &["Beta", "alfa", "Beta", "Alfa", "Àlfa"]),
        [1, 3, 4, 0, 2],
        "repeated names keep their order, and case and accents only break ties"
    );
}

#[wasm_bindgen_test]
fn collation_orders_many_names_as_the_browsers_collator_does_one_pair_at_a_time() {
    // Names built of parts a cluster's members have: accents, ñ, l·l, case, numbers, spaces,
    // hyphens and apostrophes, and repeats. The order must be the one a stable sort by the
    // browser's own collator gives, compared a pair at a time (names in `collation_order` go
    // to the browser presorted, and come back as text to be matched to their indexes).
    let starts = [
        "Àlfa", "alfa", "Alfa", "Ñandú", "Nube", "Cel·la", "Cella", "L'Estudi", "l'estudi",
        "Estudi", "Estúdio", "Ona", "Òmnium", "Zeta", "zeta", "Çava", "Cava", "Avila", "Àvila",
    ];
    let ends = [
        "", " 2", " 10", " 9", "-Films", " Films", " films", " i Fills", " y Hijos",
    ];
    let mut seed = 7_u32;
    let names: Vec<String> = (0..400)
        .map(|_| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let start = starts[(seed >> 8) as usize % starts.len()];
            let end = ends[(seed >> 20) as usize % ends.len()];
            format!("{start}{end}")
        })
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    for lang in [Lang::Ca, Lang::Es, Lang::Gl, Lang::En] {
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"numeric".into(), &true.into()).unwrap();
        let locale = js_sys::Array::of1(&intl::collation_locale(lang).into());
        let compare = js_sys::Intl::Collator::new(&locale, &options).compare();
        let by_pairs = |a: &str, b: &str| {
            let n = compare
                .call2(&JsValue::NULL, &a.into(), &b.into())
                .unwrap()
                .as_f64()
                .unwrap();
            n.partial_cmp(&0.0).unwrap()
        };
        let mut expected: Vec<usize> = (0..names.len()).collect();
        expected.sort_by(|&a, &b| by_pairs(names[a], names[b]));
        assert_eq!(
            intl::collation_order(lang, &names),
            expected,
            "{lang:?}: the order of the browser's collator, repeats in their own order"
        );
    }
}

#[wasm_bindgen_test]
fn numbers_are_written_as_the_browser_writes_them() {
    // Grouped without the browser's help (its first NumberFormat costs tens of milliseconds):
    // they must read as its own `Intl` would, in every language it has (Chromium has no
    // Galician; the native tests hold CLDR's).
    for lang in [Lang::Ca, Lang::Es, Lang::En] {
        let tag = js_sys::Array::of1(&lang.tag().into());
        let format = js_sys::Intl::NumberFormat::new(&tag, &js_sys::Object::new()).format();
        for n in [
            0_usize,
            1,
            9,
            10,
            99,
            100,
            500,
            999,
            1000,
            1234,
            9999,
            10_000,
            12_345,
            99_999,
            100_000,
            123_456,
            1_000_000,
            1_234_567,
            987_654_321,
            4_294_967_295,
        ] {
            let theirs = format.call1(&JsValue::UNDEFINED, &(n as f64).into());
            assert_eq!(
                Some(intl::format_number(lang, n)),
                theirs.ok().and_then(|s| s.as_string()),
                "{n} in {lang:?}"
            );
        }
    }
}

#[wasm_bindgen_test]
fn madrid_wall_clock_follows_daylight_saving_time_from_intl() {
    use clusterkit::__private::zone::{epoch_ms, wall_clock};
    use clusterkit::feed::{Date, Time};
    let utc = |h, m| {
        epoch_ms(
            Date::new(2026, 3, 29).unwrap(),
            Time {
                hour: h,
                minute: m,
                second: 0,
            },
        )
    };
    // Summer time began in Madrid at 01:00 UTC on 29 March 2026 (02:00 became 03:00).
    assert_eq!(
        wall_clock(utc(0, 30), "Europe/Madrid").1,
        Time {
            hour: 1,
            minute: 30,
            second: 0
        }
    );
    assert_eq!(
        wall_clock(utc(1, 30), "Europe/Madrid").1,
        Time {
            hour: 3,
            minute: 30,
            second: 0
        }
    );
    assert_eq!(
        wall_clock(utc(1, 30), "America/Argentina/Buenos_Aires").1,
        Time {
            hour: 22,
            minute: 30,
            second: 0
        }
    );
    assert_eq!(
        wall_clock(utc(1, 30), "Not/A_Zone").1,
        Time {
            hour: 1,
            minute: 30,
            second: 0
        },
        "unknown zones read as UTC"
    );
}

#[wasm_bindgen_test]
async fn the_embed_mounts_in_a_shadow_root_follows_attributes_and_cleans_up() {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    host.set_attribute("lang", "ca").unwrap();
    let script = document().create_element("script").unwrap();
    script.set_attribute("type", "application/json").unwrap();
    script.set_text_content(Some(r#"{"version": 1, "cluster": {"name": "X"}, "members": [{"id": "a", "name": "Alfa"}, {"id": "b", "name": "Beta"}]}"#));
    host.append_child(&script).unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    // As the loader connects it: its inline feed's text read, no page language above it,
    // and the page's address.
    let id = clusterkit::embed::ck_connect(
        host.clone(),
        shadow.clone(),
        "clusterkit-directory",
        String::new(),
        script.text_content(),
        document().base_uri().unwrap(),
    )
    .unwrap();
    let status = || {
        shadow
            .query_selector("[part=count]")
            .unwrap()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    until("the inline feed", || status() == "2 socis").await;
    let sheets = js_sys::Reflect::get(&shadow, &"adoptedStyleSheets".into()).unwrap();
    assert_eq!(
        js_sys::Array::from(&sheets).length(),
        1,
        "styles come from one adopted stylesheet"
    );
    // No <style> and no style attribute from markup; CSSOM (which a strict CSP allows) sets
    // only the frame's unit here.
    assert!(
        shadow.query_selector("style").unwrap().is_none()
            && shadow
                .query_selector("[style]:not(.ck-frame)")
                .unwrap()
                .is_none()
    );

    clusterkit::embed::ck_attr(id, "lang".into(), Some("en".into()));
    until("English", || status() == "2 members").await;
    clusterkit::embed::ck_attr(id, "theme".into(), Some("dark".into()));
    until("the dark theme", || {
        shadow
            .query_selector(".ck-root[data-theme=dark]")
            .unwrap()
            .is_some()
    })
    .await;

    clusterkit::embed::ck_disconnect(id);
    assert!(
        shadow.query_selector(".ck-root").unwrap().is_none(),
        "the widget is gone after disconnect"
    );
}

/// Waits for the facets' counts, which follow the result count by a microtask.
async fn facets_counted(root: &Element) {
    until("the facet counts", || {
        all(root, "label[part=facet-option] .ck-facet-count")
            .iter()
            .any(|c| !c.text_content().unwrap_or_default().is_empty())
    })
    .await;
}

/// The checkbox of the facet value labelled `label`.
fn facet_box(root: &Element, label: &str) -> HtmlInputElement {
    all(root, "label[part=facet-option]")
        .into_iter()
        .find(|l| {
            l.query_selector("span")
                .unwrap()
                .unwrap()
                .text_content()
                .unwrap()
                == label
        })
        .unwrap_or_else(|| panic!("a facet value {label}"))
        .query_selector("input")
        .unwrap()
        .unwrap()
        .unchecked_into()
}

/// The directory's result count, as shown.
fn count_shown(root: &Element) -> String {
    text_of(root, "[part=count]")
}

fn count_where(feed: &Feed, keep: impl Fn(&feed::Member) -> bool) -> usize {
    feed.members.iter().filter(|m| keep(m)).count()
}

#[wasm_bindgen_test]
async fn facets_widen_within_narrow_across_and_show_removable_chips() {
    use clusterkit::feed::Kind;
    let feed = sample("catalonia");
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), {
        let feed = feed.clone();
        move || view! { <MemberDirectory feed=feed lang=Lang::En page_size=100/> }
    });
    let total = feed.members.len();
    until("the count", || {
        count_shown(&root) == format!("{total} members")
    })
    .await;
    facets_counted(&root).await;
    let smes = count_where(&feed, |m| m.kind == Some(Kind::Sme));
    let large = count_where(&feed, |m| m.kind == Some(Kind::Large));
    assert!(smes > 0 && large > 0, "the sample has both kinds");

    facet_box(&root, "SME").click();
    until("the SMEs", || {
        count_shown(&root) == format!("{smes} members")
    })
    .await;
    let large_label = all(&root, "label[part=facet-option]")
        .into_iter()
        .find(|l| l.text_content().unwrap().starts_with("Large company"))
        .unwrap();
    assert_eq!(
        text_of(&large_label, ".ck-facet-count"),
        large.to_string(),
        "a facet's counts ignore its own choices"
    );
    facet_box(&root, "Large company").click();
    let either = smes + large;
    until("SMEs or large", || {
        count_shown(&root) == format!("{either} members")
    })
    .await;

    let girona = |m: &feed::Member| m.city.as_deref() == Some("Girona");
    let in_girona = count_where(&feed, |m| {
        girona(m) && matches!(m.kind, Some(Kind::Sme | Kind::Large))
    });
    facet_box(&root, "Girona").click();
    until("narrowed to Girona", || {
        count_shown(&root)
            == clusterkit::Lang::En
                .strings()
                .members_count(in_girona, &in_girona.to_string())
    })
    .await;

    let chips: Vec<String> = all(&root, ".ck-chip")
        .iter()
        .map(|c| c.get_attribute("aria-label").unwrap())
        .collect();
    assert_eq!(
        chips,
        [
            "Remove filter SME",
            "Remove filter Large company",
            "Remove filter Girona"
        ]
    );
    all(&root, ".ck-chip")[2]
        .unchecked_ref::<HtmlElement>()
        .click();
    until("Girona removed", || {
        count_shown(&root) == format!("{either} members")
    })
    .await;
    assert!(!facet_box(&root, "Girona").checked());

    // A value that would give nothing is disabled, unless ticked: with large companies only,
    // Girona, which has none.
    assert_eq!(
        count_where(&feed, |m| girona(m) && m.kind == Some(Kind::Large)),
        0,
        "the sample feed has no large company in Girona"
    );
    assert!(!facet_box(&root, "Girona").disabled());
    facet_box(&root, "SME").click();
    until("large companies only", || {
        count_shown(&root) == format!("{large} members")
    })
    .await;
    assert!(
        facet_box(&root, "Girona").disabled(),
        "Girona would give no member"
    );
    assert!(!facet_box(&root, "Barcelona").disabled());
    facet_box(&root, "SME").click();
    until("SMEs or large again", || {
        count_shown(&root) == format!("{either} members")
    })
    .await;
    assert!(!facet_box(&root, "Girona").disabled());

    let clear = all(&root, ".ck-chips button")
        .into_iter()
        .find(|b| b.text_content().unwrap() == "Clear all")
        .expect("a clear-all button");
    clear.unchecked_ref::<HtmlElement>().click();
    until("everyone again", || {
        count_shown(&root) == format!("{total} members")
    })
    .await;
    assert!(all(&root, ".ck-chip").is_empty());
}

#[wasm_bindgen_test]
async fn pages_keep_the_dom_to_one_page_and_move_on_click() {
    let feed = sample("catalonia");
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), {
        let feed = feed.clone();
        move || view! { <MemberDirectory feed=feed lang=Lang::Es page_size=10/> }
    });
    until("the cards", || all(&root, "article").len() == 10).await;
    let names = |root: &Element| -> Vec<String> {
        all(root, "article h3")
            .iter()
            .map(|h| h.text_content().unwrap())
            .collect()
    };
    let first = names(&root);
    let current = || text_of(&root, "nav [aria-current=page]");
    assert_eq!(current(), "1");
    let page_two = all(&root, "nav button")
        .into_iter()
        .find(|b| b.get_attribute("aria-label").as_deref() == Some("Página 2"))
        .expect("a link to page 2");
    page_two.unchecked_ref::<HtmlElement>().click();
    until("page 2", || current() == "2").await;
    let second = names(&root);
    assert_eq!(second.len(), 10);
    assert!(
        second.iter().all(|n| !first.contains(n)),
        "page 2 shows other members"
    );
    let next = all(&root, "nav button")
        .into_iter()
        .find(|b| b.text_content().unwrap().contains("Página siguiente"))
        .unwrap();
    next.unchecked_ref::<HtmlElement>().click();
    until("page 3", || current() == "3").await;
    let pages = feed.members.len().div_ceil(10);
    assert_eq!(
        all(&root, "nav button")
            .iter()
            .filter(|b| b.get_attribute("aria-label").is_some())
            .count(),
        pages.min(7),
        "one button per page, up to seven"
    );
}

/// An app opens a member's profile by its id: once its feed has the member, and again with
/// the same id after the visitor closed it; the app hears each opening and each closing, a
/// profile's closing before the opening of the one that takes its place.
#[wasm_bindgen_test]
async fn an_app_opens_a_members_profile_by_its_id() {
    let catalonia = sample("catalonia");
    let member = catalonia.members[catalonia.members.len() / 2].clone();
    let name = member.name.resolve("en", "ca").to_owned();
    let feed = RwSignal::new(Arc::new(Feed::default()));
    let open = RwSignal::new(Some(member.id.clone()));
    let heard = RwSignal::new(Vec::<String>::new());
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <MemberDirectory feed=feed lang=Lang::En open=open
                on_open=move |id: String| heard.update(|all| all.push(format!("open {id}")))
                on_close=move |id: String| heard.update(|all| all.push(format!("close {id}")))/>
        }
    });
    let shown = |root: &Element| {
        all(root, "dialog[open] h2")
            .first()
            .and_then(|h| h.text_content())
            .unwrap_or_default()
    };
    leptos::task::tick().await;
    assert_eq!(
        shown(&root),
        "",
        "nothing to open before the feed has the member"
    );
    feed.set(catalonia.clone());
    until("the profile the app named", || shown(&root) == name).await;
    let dialog: web_sys::HtmlDialogElement = all(&root, "dialog[open]").remove(0).unchecked_into();
    let at = entry_index();
    dialog.close();
    until("the profile closed", || shown(&root).is_empty()).await;
    // Later, as the app's own button is pressed (once the back over the profile's history
    // entry is heard).
    gone_back_from(at).await;
    open.set(Some(member.id.clone()));
    until("the same profile again", || shown(&root) == name).await;
    let (a, b) = (&member.id, &catalonia.members[1].id);
    assert_eq!(
        heard.get_untracked(),
        [
            format!("open {a}"),
            format!("close {a}"),
            format!("open {a}")
        ]
    );
    // Another id in its place: the first closes, then the other opens.
    let next_name = catalonia.members[1].name.resolve("en", "ca").to_owned();
    open.set(Some(b.clone()));
    until("the next profile", || shown(&root) == next_name).await;
    assert_eq!(
        heard.get_untracked()[3..],
        [format!("close {a}"), format!("open {b}")]
    );
    // None then another id at once, as an app's "next" button may set them: the other
    // profile opens once the back over the first's entry has come, and stays open.
    let other = catalonia.members[0].clone();
    let other_name = other.name.resolve("en", "ca").to_owned();
    let at = entry_index();
    open.set(None);
    leptos::task::tick().await;
    open.set(Some(other.id.clone()));
    until("the other profile", || shown(&root) == other_name).await;
    sleep(300).await;
    assert_eq!(shown(&root), other_name, "the other profile stays open");
    assert_eq!(
        entry_index(),
        at,
        "in an entry of its own, where the first's was"
    );
    // None closes it, back over its entry as its close button goes.
    open.set(None);
    until("the profile the app closed", || shown(&root).is_empty()).await;
    gone_back_from(at).await;
    let c = &other.id;
    assert_eq!(
        heard.get_untracked()[5..],
        [
            format!("close {b}"),
            format!("open {c}"),
            format!("close {c}")
        ]
    );
    // Not a profile the visitor opened since: the app's None is for the one it named.
    open.set(Some(member.id.clone()));
    until("the app's profile", || shown(&root) == name).await;
    let at = entry_index();
    all(&root, "dialog[open]")
        .remove(0)
        .unchecked_into::<web_sys::HtmlDialogElement>()
        .close();
    gone_back_from(at).await;
    let card: HtmlElement = all(&root, ".ck-open").remove(2).unchecked_into();
    let visitors = card.text_content().unwrap_or_default();
    card.click();
    until("the visitor's profile", || shown(&root) == visitors).await;
    open.set(None);
    sleep(300).await;
    assert_eq!(shown(&root), visitors, "the visitor's profile stays open");
    let heard = heard.get_untracked();
    assert_eq!(
        heard[8..10],
        [format!("open {a}"), format!("close {a}")],
        "a profile closed by the visitor is heard as closed"
    );
    assert_eq!(
        heard.len(),
        11,
        "the visitor's profile opened, not closed: {heard:?}"
    );
    unmount_with_dialog_open(_mounted).await;
}

/// A directory a router takes down as it writes a new address (leptos_router writes it a
/// moment after) leaves the router's entry where it is, and back from there goes past the
/// profile's entry, which would show nothing, to the page's own.
#[wasm_bindgen_test]
async fn a_directory_taken_down_by_a_router_with_a_profile_open_leaves_the_router_s_entry() {
    let feed = sample("catalonia");
    let root = container();
    let mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <MemberDirectory feed=feed.clone() lang=Lang::En/> }
    });
    until("the cards", || !all(&root, ".ck-open").is_empty()).await;
    let page = entry_index();
    all(&root, ".ck-open")
        .remove(0)
        .unchecked_into::<HtmlElement>()
        .click();
    until("the profile", || !all(&root, "dialog[open]").is_empty()).await;
    assert_eq!(entry_index(), page + 1.0, "the profile's entry");
    // As leptos_router does: the route's view taken down, its address written a microtask
    // later.
    drop(mounted);
    let history = web_sys::window().unwrap().history().unwrap();
    let write = wasm_bindgen::closure::Closure::once_into_js(move || {
        history
            .push_state_with_url(&JsValue::NULL, "", Some("?route=other"))
            .unwrap();
    });
    js_sys::eval("(f) => queueMicrotask(f)")
        .unwrap()
        .unchecked_into::<js_sys::Function>()
        .call1(&JsValue::NULL, &write)
        .unwrap();
    sleep(300).await;
    assert_eq!(entry_index(), page + 2.0, "the router's entry stays");
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .back()
        .unwrap();
    until("the page's own entry, past the profile's", || {
        entry_index() == page
    })
    .await;
    open_at("");
}

#[wasm_bindgen_test]
async fn a_profile_opens_in_a_modal_dialog_and_gives_focus_back() {
    let feed = sample("catalonia");
    let with_site = feed
        .members
        .iter()
        .find(|m| m.website.is_some())
        .expect("a member with a website")
        .clone();
    let name = with_site.name.resolve("ca", "ca").to_owned();
    // An app's CSS reset, as Tailwind's preflight has one: the browser's own centring of a
    // modal dialog is its margin, which put the profile in the page's top left corner.
    let reset = document().create_element("style").unwrap();
    reset.set_text_content(Some("*, ::before, ::after { margin: 0; padding: 0 }"));
    document().head().unwrap().append_child(&reset).unwrap();
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), {
        let feed = feed.clone();
        move || view! { <clusterkit::Styles/><MemberDirectory feed=feed lang=Lang::Ca/> }
    });
    until("the cards", || !all(&root, "article").is_empty()).await;
    search_for(&root, &name);
    until("the member", || text_of(&root, "article h3") == name).await;
    let button: HtmlElement = root
        .query_selector(".ck-open")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.focus().unwrap();
    button.click();
    until("the dialog", || {
        root.query_selector("dialog[open]").unwrap().is_some()
    })
    .await;
    let dialog = root.query_selector("dialog[open]").unwrap().unwrap();
    assert_eq!(text_of(&dialog, "h2"), name);
    let (placed, width) = (
        dialog.get_bounding_client_rect(),
        document().document_element().unwrap().client_width() as f64,
    );
    assert!(
        placed.left() > 8.0 && (placed.left() - (width - placed.right())).abs() < 2.0,
        "the dialog centred in a page {width} px wide: {} to {}",
        placed.left(),
        placed.right()
    );
    reset.remove();
    let labelled = dialog.get_attribute("aria-labelledby").unwrap();
    assert_eq!(dialog.query_selector("h2").unwrap().unwrap().id(), labelled);
    let link = dialog
        .query_selector("a[target=_blank]")
        .unwrap()
        .expect("the website link");
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );

    let close: HtmlElement = dialog
        .query_selector("form[method=dialog] button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let at = entry_index();
    close.click();
    until("closed", || {
        root.query_selector("dialog[open]").unwrap().is_none()
    })
    .await;
    until("focus back on the card", || {
        document()
            .active_element()
            .is_some_and(|a| a == *button.unchecked_ref::<Element>())
    })
    .await;
    gone_back_from(at).await;
}

/// Points the test page's URL at `query` (`?a=1`, or empty for none), in place, as a link
/// to the page would.
fn open_at(query: &str) {
    let window = web_sys::window().unwrap();
    let url = format!("{}{query}", window.location().pathname().unwrap());
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        .unwrap();
}

/// A directory of `feed` keeping its view in the URL's `param`, mounted in a new container:
/// the container, and the mounted app for the caller to keep.
fn synced_directory(feed: &Arc<Feed>, param: &'static str) -> (HtmlElement, impl Sized) {
    let root = container();
    let feed = feed.clone();
    let mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <MemberDirectory feed=feed lang=Lang::En sync_url=param/> }
    });
    (root, mounted)
}

#[wasm_bindgen_test]
async fn a_directory_drawn_before_a_router_writes_its_route_s_address_reads_that_address() {
    let window = web_sys::window().unwrap();
    let history = window.history().unwrap();
    let search = || window.location().search().unwrap();
    // The page the visitor leaves, with a view of its own directory.
    open_at("?route=a&ck-r=q:film");
    let feed = sample("catalonia");
    let total = feed.members.len();
    // As leptos_router does: the new route drawn first, its address written after.
    let (root, mounted) = synced_directory(&feed, "ck-r");
    history
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("?route=b"))
        .unwrap();
    until("every member, as the new address has no view", || {
        count_shown(&root) == format!("{total} members")
    })
    .await;
    let input: HtmlInputElement = root
        .query_selector("input[type=search]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(input.value(), "", "not the page left's search");
    assert_eq!(search(), "?route=b");
    drop(mounted);
    history.back().unwrap();
    until("the page left", || search().contains("route=a")).await;
    assert_eq!(search(), "?route=a&ck-r=q:film", "its entry as it was");
    open_at("");
}

#[wasm_bindgen_test]
async fn sync_url_keeps_the_view_in_one_parameter_and_the_back_button_walks_it() {
    let window = web_sys::window().unwrap();
    let history = window.history().unwrap();
    open_at("?s=caf%C3%A9+x&page=2");
    let feed = sample("catalonia");
    let total = feed.members.len();
    let (root, mounted) = synced_directory(&feed, "ck-t");
    until("the count", || {
        count_shown(&root) == format!("{total} members")
    })
    .await;
    facets_counted(&root).await;
    let search = || window.location().search().unwrap();
    assert_eq!(
        search(),
        "?s=caf%C3%A9+x&page=2",
        "nothing written before a choice"
    );
    let entries = entry_index();

    facet_box(&root, "SME").click();
    until("the URL", || search().contains("ck-t=kind:sme")).await;
    assert_eq!(
        search(),
        "?s=caf%C3%A9+x&page=2&ck-t=kind:sme",
        "the page's own parameters untouched"
    );
    assert_eq!(entry_index(), entries + 1.0, "a choice is a history entry");

    // A search is an entry of its own, made at its first keystroke; typing on at once
    // keeps to it.
    let input = search_for(&root, "s");
    until("the search in the URL", || {
        search().contains("ck-t=q:s;kind:sme")
    })
    .await;
    search_for(&root, "so");
    until("the search typed on", || {
        search().contains("ck-t=q:so;kind:sme")
    })
    .await;
    assert_eq!(
        entry_index(),
        entries + 2.0,
        "one entry for the choice, one for the search"
    );

    history.back().unwrap();
    until("back to the choice before the search", || {
        input.value().is_empty() && search().ends_with("ck-t=kind:sme")
    })
    .await;
    assert!(facet_box(&root, "SME").checked(), "the choice stays");
    history.back().unwrap();
    until("back to no choice", || !facet_box(&root, "SME").checked()).await;
    until("everyone", || {
        count_shown(&root) == format!("{total} members")
    })
    .await;
    history.forward().unwrap();
    until("forward to the choice", || {
        facet_box(&root, "SME").checked()
    })
    .await;
    history.forward().unwrap();
    until("forward to the search", || input.value() == "so").await;
    drop(mounted);

    // Opening such a link restores the view.
    open_at("?ck-t=kind:sme;sort:joined");
    let smes = count_where(&feed, |m| m.kind == Some(clusterkit::feed::Kind::Sme));
    let (again, _mounted) = synced_directory(&feed, "ck-t");
    until("the restored view", || {
        count_shown(&again) == format!("{smes} members")
    })
    .await;
    facets_counted(&again).await;
    assert!(facet_box(&again, "SME").checked());
    assert_eq!(order_picker(&again).value(), "joined");
    open_at("");
}

/// With `sync_url`, a new page size writes the page that keeps the first card in view into
/// the URL in place, as no new entry (the size is no part of the URL: back would show the
/// old page's number at the new size); before the feed's members are in, a link's page
/// stays as it is.
#[wasm_bindgen_test]
async fn a_new_page_size_rewrites_the_url_s_page_in_place() {
    let window = web_sys::window().unwrap();
    open_at("?ck-t=page:3");
    let feed = RwSignal::new(Arc::new(Feed::default()));
    let size = RwSignal::new(Some(10_usize));
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <MemberDirectory feed=feed lang=Lang::En sync_url="ck-t" page_size=size/> }
    });
    let search = || window.location().search().unwrap();
    size.set(Some(12));
    let ticks = std::cell::Cell::new(0);
    until("a few turns for the effects", || {
        ticks.set(ticks.get() + 1);
        ticks.get() > 3
    })
    .await;
    feed.set(sample("catalonia"));
    until("the link's page", || {
        text_of(&root, "[aria-current=page]") == "3"
    })
    .await;
    let entries = entry_index();
    let first = text_of(&root, "article h3");
    // Page 3 of 12 starts with the 25th member: page 7 of 4.
    size.set(Some(4));
    until("pages of 4", || all(&root, "article").len() == 4).await;
    assert_eq!(text_of(&root, "article h3"), first, "the first card stays");
    until("the URL's page", || search().ends_with("ck-t=page:7")).await;
    assert_eq!(entry_index(), entries, "written in place");
    open_at("");
}

#[wasm_bindgen_test]
async fn a_link_past_the_last_page_or_to_a_member_gone_is_written_as_shown_once_the_feed_comes() {
    let window = web_sys::window().unwrap();
    open_at("?ck-t=page:99;m:nobody");
    // The app's feed comes after the directory is built, as a fetch's would.
    let feed = RwSignal::new(Arc::new(Feed::default()));
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <MemberDirectory feed=feed lang=Lang::En sync_url="ck-t" page_size=24/> }
    });
    let search = || window.location().search().unwrap();
    let entries = entry_index();
    let sample = sample("catalonia");
    let last = sample.members.len().div_ceil(24);
    feed.set(sample);
    until("the link written as shown", || {
        search() == format!("?ck-t=page:{last}")
    })
    .await;
    assert_eq!(
        text_of(&root, "nav [aria-current=page]"),
        last.to_string(),
        "the last page shown"
    );
    assert_eq!(entry_index(), entries, "in place");
    // A search then is one entry, not one a keystroke.
    search_for(&root, "s");
    until("the search", || search().contains("q:s")).await;
    search_for(&root, "so");
    until("typed on", || search().contains("q:so")).await;
    assert_eq!(entry_index(), entries + 1.0, "one entry for the search");
    open_at("");
}

#[wasm_bindgen_test]
async fn an_app_drives_the_choices_and_hears_the_visitors() {
    use clusterkit::Filter;
    let feed = sample("catalonia");
    let post = count_where(&feed, |m| m.segments.iter().any(|s| s == "post-production"));
    let choices = RwSignal::new(Filter::default());
    let heard = RwSignal::new(None::<Filter>);
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), {
        let feed = feed.clone();
        move || {
            view! {
                <MemberDirectory
                    feed=feed.clone()
                    lang=Lang::En
                    filter=choices
                    on_filter=move |f: Filter| heard.set(Some(f))
                />
            }
        }
    });
    until("the cards", || !all(&root, "article").is_empty()).await;
    choices.set(Filter {
        segments: vec!["post-production".into()],
        ..Filter::default()
    });
    until("the app's choice", || {
        count_shown(&root) == format!("{post} members")
    })
    .await;
    facet_box(&root, "SME").click();
    until("the visitor's choice heard", || {
        heard
            .get_untracked()
            .is_some_and(|f| f.kinds.len() == 1 && f.segments == ["post-production"])
    })
    .await;
    // The app sets the filter it set before (a "reset"): it replaces the visitor's SME.
    choices.set(Filter {
        segments: vec!["post-production".into()],
        ..Filter::default()
    });
    until("the app's choice again, without SME", || {
        !facet_box(&root, "SME").checked() && count_shown(&root) == format!("{post} members")
    })
    .await;
}

#[wasm_bindgen_test]
async fn an_app_that_keeps_what_it_hears_hears_each_change_once() {
    use clusterkit::Filter;
    let feed = sample("catalonia");
    let smes = count_where(&feed, |m| m.kind == Some(clusterkit::feed::Kind::Sme));
    let choices = RwSignal::new(Filter::default());
    let calls = RwSignal::new(0);
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <MemberDirectory
                feed=feed.clone()
                lang=Lang::En
                filter=choices
                on_filter=move |f: Filter| {
                    calls.update(|n| *n += 1);
                    choices.set(f);
                }
            />
        }
    });
    until("the cards", || !all(&root, "article").is_empty()).await;
    facet_box(&root, "SME").click();
    until("the visitor's choice", || {
        count_shown(&root) == format!("{smes} members")
    })
    .await;
    // Long enough for an echo of the app's own `set` to come back.
    let polls = std::cell::Cell::new(0);
    until("ten more turns of the event loop", || {
        polls.set(polls.get() + 1);
        polls.get() > 10
    })
    .await;
    assert_eq!(calls.get_untracked(), 1, "one change, heard once");
}

/// The directory's order picker.
fn order_picker(root: &Element) -> web_sys::HtmlSelectElement {
    root.query_selector("select")
        .unwrap()
        .expect("the order picker")
        .unchecked_into()
}

/// The visitor picks `order` in the directory's order picker; returns the order it showed.
fn pick_order(root: &Element, order: &str) -> String {
    let select = order_picker(root);
    let shown = select.value();
    select.set_value(order);
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    shown
}

#[wasm_bindgen_test]
async fn a_search_orders_by_relevance_until_the_visitor_picks_an_order() {
    use clusterkit::feed::{Member, Text};
    let feed = Arc::new(Feed {
        members: vec![
            Member {
                description: Some(Text::from("Sound for Faro Films")),
                ..Member::new("alpha", "Alpha Sound")
            },
            Member::new("faro", "Faro Films"),
        ],
        ..Feed::default()
    });
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <MemberDirectory feed=feed.clone() lang=Lang::En/> }
    });
    let names = |root: &Element| -> Vec<String> {
        all(root, "article h3")
            .iter()
            .map(|h| h.text_content().unwrap())
            .collect()
    };
    until("the cards", || names(&root).len() == 2).await;
    assert_eq!(
        names(&root),
        ["Alpha Sound", "Faro Films"],
        "by name at first"
    );
    search_for(&root, "faro");
    until("relevance", || {
        names(&root) == ["Faro Films", "Alpha Sound"]
    })
    .await;
    assert_eq!(pick_order(&root, "name"), "relevance", "the picker says so");
    until("the visitor's order", || {
        names(&root) == ["Alpha Sound", "Faro Films"]
    })
    .await;
}

#[wasm_bindgen_test]
fn zone_offsets_from_intl_change_when_madrid_s_clocks_do() {
    use clusterkit::__private::zone::{epoch_ms, offset_at};
    let at = |date: &str, hour: u8, minute: u8| {
        let time = feed::Time {
            hour,
            minute,
            second: 0,
        };
        epoch_ms(feed::Date::parse(date).unwrap(), time)
    };
    let madrid = |ms| offset_at(ms, "Europe/Madrid");
    // Summer time from 01:00 UTC on 29 March 2026 to 01:00 UTC on 25 October 2026.
    assert_eq!(madrid(at("2026-01-15", 12, 0)), 3600);
    assert_eq!(madrid(at("2026-03-29", 0, 59)), 3600);
    assert_eq!(madrid(at("2026-03-29", 1, 0)), 7200);
    assert_eq!(madrid(at("2026-07-01", 12, 0)), 7200);
    assert_eq!(madrid(at("2026-10-25", 0, 59)), 7200);
    assert_eq!(madrid(at("2026-10-25", 1, 0)), 3600);
    // Asked again (from the kept changes), the same.
    assert_eq!(madrid(at("2026-03-29", 1, 0)), 7200);
    assert_eq!(
        offset_at(at("2026-12-01", 13, 0), "America/Argentina/Buenos_Aires"),
        -3 * 3600
    );
    assert_eq!(offset_at(at("2026-12-01", 13, 0), "UTC"), 0);
}

#[wasm_bindgen_test]
fn a_zone_of_another_name_on_the_visitor_s_clock_is_the_visitor_s() {
    use clusterkit::__private::zone::is_visitors;
    // `CET`, as a CMS writes Madrid's time, is a Madrid visitor's clock; so is Paris's, and
    // London's is Lisbon's. A calendar in any of these names no zone for such a visitor.
    for (zone, visitor) in [
        ("CET", "Europe/Madrid"),
        ("Europe/Paris", "Europe/Madrid"),
        ("Europe/London", "Europe/Lisbon"),
        ("Asia/Tokyo", "Asia/Seoul"),
        ("Europe/Madrid", "Europe/Madrid"),
    ] {
        assert!(is_visitors(zone, visitor), "{zone} for {visitor}");
    }
    // Another offset, or the same one in winter but not in summer (Lagos keeps no summer
    // time), or in summer on other days (New York's clocks change weeks before Madrid's).
    for (zone, visitor) in [
        ("CET", "Europe/Lisbon"),
        ("Africa/Lagos", "Europe/Madrid"),
        ("America/New_York", "Europe/London"),
        ("America/New_York", "America/Havana"),
        ("Atlantic/Canary", "Europe/Madrid"),
    ] {
        assert!(!is_visitors(zone, visitor), "{zone} for {visitor}");
    }
}

#[wasm_bindgen_test]
fn a_calendar_s_own_zone_is_an_iana_name_the_browser_knows() {
    use clusterkit::__private::zone::{Own, own};
    let zone = |written| match own(written) {
        Some(Own::Zone(zone)) => Some(zone),
        _ => None,
    };
    assert_eq!(zone(" europe/madrid ").as_deref(), Some("Europe/Madrid"));
    assert_eq!(zone("utc").as_deref(), Some("UTC"));
    assert!(matches!(own("Local"), Some(Own::Visitor)));
    // Names without a `/` that keep summer time, as a CMS's settings write them.
    for written in ["CET", "EST5EDT", "cet", "est5edt"] {
        assert!(zone(written).is_some(), "{written}");
    }
    assert_eq!(zone("cet").as_deref(), Some("CET"), "in any case");
    // UTC's other names are UTC, and a name in mixed case is kept as written.
    for written in ["Etc/UTC", "etc/utc", "Etc/GMT"] {
        assert_eq!(zone(written).as_deref(), Some("UTC"), "{written}");
    }
    assert_eq!(zone("Asia/Kolkata").as_deref(), Some("Asia/Kolkata"));
    // As written, where the browser's name for it is another (Chromium's old or linked
    // names: Asia/Calcutta, Europe/Kiev, Europe/Brussels), which the calendar names its
    // times by: "Times are Kolkata time", not "Calcutta".
    for (written, named) in [
        ("Asia/Kolkata", "Asia/Kolkata"),
        ("europe/kyiv", "Europe/Kyiv"),
        ("ASIA/HO_CHI_MINH", "Asia/Ho_Chi_Minh"),
        ("CET", "CET"),
    ] {
        assert_eq!(zone(written).as_deref(), Some(named), "{written}");
    }
    // The browser knows these, but they keep no summer time as Madrid's clocks do: a
    // webmaster meaning Madrid would see every summer event an hour off.
    for written in ["GMT", "EST", "+01:00", "GMT+1", "Europe/Madird", ""] {
        assert_eq!(zone(written), None, "{written}");
    }
}

/// Building a directory without `sync_url` (a component constructed, not yet mounted, as a
/// server render would) adds no listener to `window`.
#[wasm_bindgen_test]
fn building_a_directory_listens_to_no_window_event() {
    let watch = js_sys::Function::new_no_args(
        "const add = window.addEventListener; window.__ckAdded = [];\
         window.addEventListener = function (type, ...rest) { window.__ckAdded.push(type); return add.call(this, type, ...rest); };\
         return add;",
    );
    let add = watch.call0(&JsValue::NULL).unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let _view = view! { <MemberDirectory feed=sample("galicia") lang=Lang::Gl/> };
    });
    let window = web_sys::window().unwrap();
    let added = js_sys::Reflect::get(&window, &"__ckAdded".into()).unwrap();
    js_sys::Reflect::set(&window, &"addEventListener".into(), &add).unwrap();
    assert_eq!(js_sys::Array::from(&added).length(), 0, "{added:?}");
}

/// A website reads in the profile as the feed writes it (accents and all), while its link
/// goes to the address the browser encodes.
#[wasm_bindgen_test]
async fn a_website_reads_as_written_and_links_encoded() {
    let written = "https://www.clusteraudiovisual.example/socis/producció-àudio";
    let mut member = feed::Member::new("m", "Produccions");
    member.website = Some(written.to_owned());
    let feed = Arc::new(Feed {
        members: vec![member],
        ..Feed::default()
    });
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <MemberDirectory feed=feed.clone() lang=Lang::Ca/> }
    });
    until("the card", || {
        root.query_selector(".ck-open").unwrap().is_some()
    })
    .await;
    let button: HtmlElement = root
        .query_selector(".ck-open")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    until("the website", || {
        root.query_selector("dialog[open] a[target=_blank]")
            .unwrap()
            .is_some()
    })
    .await;
    let link = root
        .query_selector("dialog[open] a[target=_blank]")
        .unwrap()
        .unwrap();
    let shown = link.first_child().and_then(|t| t.text_content());
    assert_eq!(shown.as_deref(), Some(written));
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://www.clusteraudiovisual.example/socis/producci%C3%B3-%C3%A0udio")
    );
    unmount_with_dialog_open(_mounted).await;
}

/// A month no calendar has (an app can write `Date`'s fields by hand) is no panic: the
/// calendar opens on the current month instead.
#[wasm_bindgen_test]
async fn an_impossible_month_opens_the_current_one() {
    let root = container();
    let month = feed::Date {
        year: 2025,
        month: 13,
        day: 1,
    };
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <EventCalendar feed=Arc::new(Feed::default()) month=month lang=Lang::En timezone="UTC".to_owned()/> }
    });
    until("a month grid", || {
        root.query_selector("table[role=grid]").unwrap().is_some()
    })
    .await;
    // This month, as the browser's own Intl names it (not the crate's table of names).
    let options = js_sys::Object::new();
    for (key, value) in [("month", "long"), ("year", "numeric"), ("timeZone", "UTC")] {
        js_sys::Reflect::set(&options, &key.into(), &value.into()).unwrap();
    }
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::of1(&"en".into()), &options);
    let current = format
        .format()
        .call1(&JsValue::NULL, &js_sys::Date::new_0())
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(text_of(&root, "h2"), current, "not month 13 of 2025");
}

/// The zone the page names is read whatever its case: `LOCAL` is the visitor's, and
/// `america/argentina/buenos_aires` is Buenos Aires, named as the browser spells it.
#[wasm_bindgen_test]
async fn the_calendar_reads_a_zone_in_any_case() {
    let parsed = feed::parse(
        r#"{"version": 1, "cluster": {"name": "C", "timezone": "Europe/Madrid"},
            "events": [{"id": "b", "title": "Breakfast", "start": "2026-11-10T09:00"}]}"#,
    )
    .unwrap();
    let feed = Arc::new(parsed.feed);
    let zone = RwSignal::new(Some("america/argentina/buenos_aires".to_owned()));
    let root = container();
    let month = feed::Date::new(2026, 11, 1).unwrap();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <EventCalendar feed=feed.clone() month=month timezone=Signal::derive(move || zone.get())/> }
    });
    until("the Buenos Aires note", || {
        text_of(&root, ".ck-zone-note") == "Times are Buenos Aires time"
    })
    .await;
    zone.set(Some("LOCAL".to_owned()));
    until("the visitor's zone, which needs no note", || {
        text_of(&root, ".ck-zone-note").is_empty()
    })
    .await;
    // The visitor's zone under another of its names (the tests run in Los Angeles): the
    // times are on the visitor's clock, and need no note either.
    if clusterkit::__private::zone::visitor_zone() == "America/Los_Angeles" {
        zone.set(Some("Asia/Kolkata".to_owned()));
        until("a note again", || {
            !text_of(&root, ".ck-zone-note").is_empty()
        })
        .await;
        zone.set(Some("US/Pacific".to_owned()));
        until("no note for US/Pacific", || {
            text_of(&root, ".ck-zone-note").is_empty()
        })
        .await;
    }
}

/// The app hears which event the visitor opened, and when its details closed.
#[wasm_bindgen_test]
async fn the_calendar_tells_the_app_which_event_the_visitor_opened() {
    let parsed = feed::parse(
        r#"{"version": 1, "cluster": {"name": "C", "timezone": "Europe/Madrid"},
            "events": [{"id": "talent-week", "title": "Talent Week", "start": "2026-11-16", "end": "2026-11-20"},
                       {"id": "breakfast", "title": "Breakfast", "start": "2026-11-10T09:00"}]}"#,
    )
    .unwrap();
    let feed = Arc::new(parsed.feed);
    let heard = RwSignal::new(Vec::<String>::new());
    let root = container();
    let month = feed::Date::new(2026, 11, 1).unwrap();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <EventCalendar
                feed=feed.clone()
                month=month
                timezone="Mars/Olympus_Mons".to_owned()
                on_open=move |id: String| heard.update(|o| o.push(format!("open {id}")))
                on_close=move |id: String| heard.update(|o| o.push(format!("close {id}")))
            />
        }
    });
    click_bar(&root, "Talent Week").await;
    until("the callback", || !heard.get_untracked().is_empty()).await;
    assert_eq!(heard.get_untracked(), ["open talent-week"]);
    let dialog: web_sys::HtmlDialogElement = all(&root, "dialog[open]").remove(0).unchecked_into();
    let at = entry_index();
    dialog.close();
    gone_back_from(at).await;
    assert_eq!(
        heard.get_untracked(),
        ["open talent-week", "close talent-week"]
    );
    // An unknown zone falls back to the feed's, named when it is not the visitor's.
    if clusterkit::__private::zone::visitor_zone() != "Europe/Madrid" {
        assert_eq!(text_of(&root, ".ck-zone-note"), "Times are Madrid time");
    }
    let breakfast = all(&root, ".ck-bar")
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default().contains("Breakfast"))
        .expect("the breakfast");
    assert_eq!(
        breakfast.text_content().unwrap(),
        "09:00 Breakfast",
        "at 09:00 in Madrid"
    );
}

/// The event open stays the one the visitor opened through a new feed, where it is in
/// another place (an event added above it), and the dialog closes with a feed without it.
#[wasm_bindgen_test]
async fn the_event_open_stays_itself_through_a_new_feed() {
    let text = |extra: &str, talent: bool| {
        let talent = if talent {
            r#"{"id": "talent-week", "title": "Talent Week", "start": "2026-11-16", "end": "2026-11-20"},"#
        } else {
            ""
        };
        format!(
            r#"{{"version": 1, "cluster": {{"name": "C", "timezone": "Europe/Madrid"}},
                "events": [{extra}{talent}
                    {{"id": "assembly", "title": "General Assembly", "start": "2026-11-17T17:00"}}]}}"#
        )
    };
    let read = |t: String| Arc::new(feed::parse(&t).unwrap().feed);
    let feed = RwSignal::new(read(text("", true)));
    let root = container();
    let month = feed::Date::new(2026, 11, 1).unwrap();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <EventCalendar feed=feed month=month lang=Lang::En/> }
    });
    click_bar(&root, "Talent Week").await;
    let title = || text_of(&root, "dialog[open] h2");
    until("its dialog", || title() == "Talent Week").await;
    // A feed with an event above it.
    feed.set(read(text(
        r#"{"id": "webinar", "title": "Webinar", "start": "2026-11-03T10:00"},"#,
        true,
    )));
    leptos::task::tick().await;
    until("the same event", || title() == "Talent Week").await;
    // A feed without it.
    let at = entry_index();
    feed.set(read(text("", false)));
    until("the dialog closed", || {
        all(&root, "dialog[open]").is_empty()
    })
    .await;
    gone_back_from(at).await;
}

/// The event dialog drawn again in a new language while open keeps its one history entry:
/// it took a second, which closing it left behind (a back that did nothing).
#[wasm_bindgen_test]
async fn the_event_dialog_keeps_one_history_entry_through_a_new_language() {
    let parsed = feed::parse(
        r#"{"version": 1, "cluster": {"name": "C", "timezone": "Europe/Madrid"},
            "events": [{"id": "talent-week", "title": "Talent Week", "start": "2026-11-16", "end": "2026-11-20"}]}"#,
    )
    .unwrap();
    let feed = Arc::new(parsed.feed);
    let lang = RwSignal::new(Lang::En);
    let root = container();
    let month = feed::Date::new(2026, 11, 1).unwrap();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <EventCalendar feed=feed.clone() month=month lang=lang/> }
    });
    // Entries pushed, counted: the history's length stops at 50 in Chromium, which the
    // tests before reach.
    js_sys::eval(
        "window.__ckPushes = 0; window.__ckPush = history.pushState; \
         history.pushState = function () { window.__ckPushes++; return window.__ckPush.apply(history, arguments); };",
    )
    .unwrap();
    let pushes = || {
        js_sys::Reflect::get(&js_sys::global(), &"__ckPushes".into())
            .unwrap()
            .as_f64()
            .unwrap()
    };
    click_bar(&root, "Talent Week").await;
    until("the dialog", || !all(&root, "dialog[open]").is_empty()).await;
    assert_eq!(pushes(), 1.0, "an entry while open");
    lang.set(Lang::Ca);
    until("the dialog in Catalan", || {
        all(&root, "dialog[open] button")
            .iter()
            .any(|b| b.get_attribute("aria-label").as_deref() == Some("Tanca"))
    })
    .await;
    assert_eq!(pushes(), 1.0, "still the one entry in a new language");
    js_sys::eval("history.pushState = window.__ckPush;").unwrap();
    let dialog: web_sys::HtmlDialogElement = all(&root, "dialog[open]").remove(0).unchecked_into();
    let at = entry_index();
    dialog.close();
    gone_back_from(at).await;
}

#[wasm_bindgen_test]
fn a_feed_zone_the_browser_does_not_know_is_reported_not_read_as_utc() {
    let parsed = feed::parse(
        r#"{"version": 1,
            "cluster": {"name": "C", "timezone": "Europe/Madird"},
            "events": [
                {"id": "a", "title": "Breakfast", "start": "2026-03-05T09:00",
                 "timezone": "America/Buenos_Aries"},
                {"id": "b", "title": "Mission", "start": "2026-12-01T10:00",
                 "timezone": "America/Argentina/Buenos_Aires"}
            ]}"#,
    )
    .unwrap();
    let paths: Vec<_> = parsed.diagnostics.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths, ["cluster.timezone", "events[0].timezone"]);
    // The cluster keeps the default zone, the event falls back to it, and both events stay.
    assert_eq!(parsed.feed.cluster.timezone, "UTC");
    assert_eq!(parsed.feed.events.len(), 2);
    assert_eq!(parsed.feed.events[0].timezone, None);
    assert_eq!(
        parsed.feed.events[1].timezone.as_deref(),
        Some("America/Argentina/Buenos_Aires")
    );
    let message = Lang::Es.strings().diagnostic(&parsed.diagnostics[0]);
    assert!(message.contains("Europe/Madird"), "{message}");
}

#[wasm_bindgen_test]
fn an_end_in_the_other_timed_form_is_compared_at_its_instant_in_the_event_s_zone() {
    let parsed = feed::parse(
        r#"{"version": 1,
            "cluster": {"name": "C", "timezone": "Europe/Madrid"},
            "events": [
                {"id": "a", "title": "Before", "start": "2026-11-10T10:00",
                 "end": "2026-11-10T08:00Z"},
                {"id": "b", "title": "After", "start": "2026-11-10T10:00",
                 "end": "2026-11-10T09:30Z"},
                {"id": "c", "title": "Exact start", "start": "2026-11-12T10:00Z",
                 "end": "2026-11-12T10:30"},
                {"id": "d", "title": "Own zone", "start": "2026-11-10T10:00",
                 "end": "2026-11-10T17:00Z", "timezone": "America/Los_Angeles"}
            ]}"#,
    )
    .unwrap();
    // 10:00 in Madrid is 09:00Z; 10:30 there is 09:30Z; 10:00 in Los Angeles is 18:00Z.
    let paths: Vec<_> = parsed.diagnostics.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths, ["events[0].end", "events[2].end", "events[3].end"]);
    let ends: Vec<_> = parsed.feed.events.iter().map(|e| e.end.is_some()).collect();
    assert_eq!(ends, [false, true, false, false]);
    assert!(
        parsed
            .diagnostics
            .iter()
            .all(|d| d.problem == feed::Problem::EndBeforeStart && !d.skipped)
    );
}

#[wasm_bindgen_test]
async fn a_new_feed_keeps_the_choices_it_has_values_for_and_drops_the_others() {
    use clusterkit::Filter;
    let catalonia = sample("catalonia");
    let madrid = sample("madrid");
    let feed = RwSignal::new(catalonia.clone());
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        let filter = Signal::stored(Filter {
            segments: vec!["immersive".into(), "production".into()],
            ..Filter::default()
        });
        view! { <MemberDirectory feed=feed filter=filter lang=Lang::En/> }
    });
    let both = count_where(&catalonia, |m| {
        m.segments
            .iter()
            .any(|s| s == "immersive" || s == "production")
    });
    until("the chosen segments' members", || {
        count_shown(&root) == format!("{both} members")
    })
    .await;
    assert_eq!(all(&root, "[part=chip]").len(), 2);
    facets_counted(&root).await;
    // An empty feed on the way (an app's while it reloads) takes no choice away.
    feed.set(Arc::new(Feed::default()));
    until("no members", || {
        count_shown(&root).starts_with("0 ") || all(&root, "article").is_empty()
    })
    .await;
    feed.set(catalonia.clone());
    until("the chosen segments' members again", || {
        count_shown(&root) == format!("{both} members")
    })
    .await;
    assert_eq!(all(&root, "[part=chip]").len(), 2, "both choices kept");
    // Madrid's feed has a production segment, and no immersive one: its producers, and one
    // chip, not nobody and a chip of a bare id.
    feed.set(madrid.clone());
    only_madrid_s_producers(&root, &madrid).await;
}

/// Waits for the directory in `root` to show Madrid's producers, with the one chip of their
/// segment: the choice of a segment Madrid lacks left out.
async fn only_madrid_s_producers(root: &Element, madrid: &Feed) {
    let producers = count_where(madrid, |m| m.segments.iter().any(|s| s == "production"));
    assert!(producers > 0);
    until("Madrid's producers", || {
        count_shown(root) == format!("{producers} members")
    })
    .await;
    let chips = || -> Vec<String> {
        all(root, "[part=chip]")
            .iter()
            .map(|c| c.text_content().unwrap_or_default())
            .collect()
    };
    until("one chip", || chips().len() == 1).await;
    assert!(chips()[0].starts_with("Production"), "{:?}", chips());
}

/// An app's first choices that name what the feed it gives at once lacks are left out as
/// they would be from a new feed: no chip of a bare id, no "0 members", and the app hears
/// the choices kept.
#[wasm_bindgen_test]
async fn first_choices_the_first_feed_lacks_are_left_out_and_told() {
    use clusterkit::Filter;
    let madrid = sample("madrid");
    let heard = RwSignal::new(None::<Filter>);
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), {
        let madrid = madrid.clone();
        move || {
            let filter = Signal::stored(Filter {
                segments: vec!["immersive".into(), "production".into()],
                ..Filter::default()
            });
            view! {
                <MemberDirectory
                    feed=madrid.clone()
                    filter=filter
                    on_filter=move |f: Filter| heard.set(Some(f))
                    lang=Lang::En
                />
            }
        }
    });
    only_madrid_s_producers(&root, &madrid).await;
    until("the choices kept, heard", || {
        heard
            .get_untracked()
            .is_some_and(|f| f.segments == ["production"])
    })
    .await;
}

/// A later choice of the app's that the feed lacks is left out too.
#[wasm_bindgen_test]
async fn a_later_choice_the_feed_lacks_is_left_out() {
    use clusterkit::Filter;
    let madrid = sample("madrid");
    let choices = RwSignal::new(Filter::default());
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), {
        let madrid = madrid.clone();
        move || view! { <MemberDirectory feed=madrid.clone() filter=choices lang=Lang::En/> }
    });
    until("the cards", || !all(&root, "article").is_empty()).await;
    choices.set(Filter {
        segments: vec!["immersive".into(), "production".into()],
        ..Filter::default()
    });
    only_madrid_s_producers(&root, &madrid).await;
}

/// The page size, layout and order an app gives follow its signals without starting the
/// visitor over: the search typed stays, a new page size keeps the first card shown in view,
/// and a new order or layout replaces the one the visitor picked.
#[wasm_bindgen_test]
async fn directory_follows_page_size_layout_and_order_and_keeps_the_search() {
    use clusterkit::{Layout, Sort};
    let feed = sample("catalonia");
    let total = feed.members.len();
    assert!(total > 40, "enough members for pages of 10");
    let size = RwSignal::new(Some(10_usize));
    let layout = RwSignal::new(Some(Layout::Grid));
    let sort = RwSignal::new(Some(Sort::Name));
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <MemberDirectory feed=feed.clone() lang=Lang::En page_size=size layout=layout sort=sort/> }
    });
    let first_card = || text_of(&root, "article h3");
    let shown = || all(&root, "article").len();
    let press = |label: &str| {
        all(&root, "button.ck-page")
            .into_iter()
            .find(|b| b.get_attribute("aria-label").as_deref() == Some(label))
            .unwrap_or_else(|| panic!("a button {label}"))
            .unchecked_into::<HtmlElement>()
            .click();
    };
    until("a page of 10", || shown() == 10).await;
    let first_of_all = first_card();

    // Page 3 of 10 shows the 21st member on; at 4 a page, that member opens page 6.
    press("Page 3");
    until("page 3", || first_card() != first_of_all).await;
    let twenty_first = first_card();
    size.set(Some(4));
    until("pages of 4", || shown() == 4).await;
    assert_eq!(
        first_card(),
        twenty_first,
        "the first card shown stays in view"
    );
    let current = text_of(&root, "[aria-current=page]");
    assert_eq!(current, "6", "its page is the sixth of 4");
    // At 25 a page, the 21st member is on the first page.
    size.set(Some(25));
    until("pages of 25", || shown() == 25).await;
    assert_eq!(first_card(), first_of_all, "page 1 holds the 21st of 25");

    // The visitor's search and order stay as the layout changes; the app's new order
    // replaces the visitor's.
    search_for(&root, "barcelona");
    let count = || text_of(&root, "[part=count]");
    until("the search's results", || {
        count() != format!("{total} members")
    })
    .await;
    let found = count();
    assert_eq!(pick_order(&root, "name"), "relevance", "a search is typed");
    let select = order_picker(&root);
    layout.set(Some(Layout::List));
    let section = || root.query_selector("[part=directory]").unwrap().unwrap();
    until("the list", || {
        section().get_attribute("data-layout").as_deref() == Some("list")
    })
    .await;
    let input: HtmlInputElement = root
        .query_selector("input[type=search]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(input.value(), "barcelona", "the search typed stays");
    assert_eq!(count(), found, "and so do its results");
    assert_eq!(select.value(), "name", "and the visitor's order");
    // No order given is by name, as given before: the visitor's pick stays.
    sort.set(None);
    layout.set(None);
    let ticks = std::cell::Cell::new(0);
    until("a few turns for the effects", || {
        ticks.set(ticks.get() + 1);
        ticks.get() > 3
    })
    .await;
    assert_eq!(select.value(), "name", "the visitor's pick stays");
    assert_eq!(
        section().get_attribute("data-layout").as_deref(),
        Some("grid"),
        "no layout given is the grid"
    );
    // The app's new order replaces the visitor's: relevance while the search is typed, the
    // app's order once it is cleared.
    sort.set(Some(Sort::Newest));
    until("the visitor's pick gone", || select.value() == "relevance").await;
    assert_eq!(input.value(), "barcelona", "the search typed stays");
    search_for(&root, "");
    until("the app's order", || select.value() == "joined").await;
    sort.set(None);
    until("by name, without an order given", || {
        select.value() == "name"
    })
    .await;
}
