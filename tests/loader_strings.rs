//! The loader (`www/loader.js`) shows its own loading line until the Wasm runs and its own
//! error box when it cannot run, so it carries three UI strings per language itself; they must
//! stay the ones in `src/i18n`. A fourth is its alone (the browser cannot run the widgets). It
//! also names the attributes whose changes reach the widgets: all those the embed reads.
#![cfg(not(target_arch = "wasm32"))]

use clusterkit::Lang;

#[test]
fn loader_loading_line_and_error_box_speak_the_same_words_as_the_widgets() {
    let loader =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/loader.js")).unwrap();
    for &lang in Lang::ALL {
        let prefix = format!("  {}: [", lang.tag());
        let line = loader
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("www/loader.js has no `{}` strings", lang.tag()));
        let s = lang.strings();
        let expected = format!(
            "{prefix}\"{}\", \"{}\", \"{}\", \"",
            s.loading, s.crashed, s.reload
        );
        assert!(line.starts_with(&expected), "{lang:?}: {line}");
    }
}

#[test]
fn loader_names_a_widget_that_never_ran_as_the_widget_names_itself() {
    let loader =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/loader.js")).unwrap();
    for &lang in Lang::ALL {
        let line = loader
            .lines()
            .find(|l| l.starts_with(&format!("  {}: [", lang.tag())))
            .unwrap();
        let words: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
        let s = lang.strings();
        let mut names = vec![s.member_directory, s.event_calendar];
        names.extend(s.chart_titles);
        assert_eq!(words[4..], names[..], "{lang:?}");
    }
    // The chart's titles in the order of the `by` values it reads.
    let ids: Vec<String> = clusterkit::By::ALL
        .iter()
        .map(|b| format!("\"{}\"", b.id()))
        .collect();
    assert!(
        loader.contains(&format!("[{}].indexOf", ids.join(", "))),
        "the loader's `by` values"
    );
}

#[test]
fn loader_says_in_each_language_that_a_browser_cannot_run_the_widgets() {
    let loader =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/loader.js")).unwrap();
    let unsupported = |tag: &str| {
        let line = loader
            .lines()
            .find(|l| l.starts_with(&format!("  {tag}: [")))
            .unwrap();
        let words: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
        assert_eq!(words.len(), 11, "{line}");
        words[3].to_owned()
    };
    let en = unsupported("en");
    assert!(en.contains("WebAssembly"), "{en}");
    for &lang in Lang::ALL {
        let said = unsupported(lang.tag());
        assert!(
            said.contains("WebAssembly"),
            "names what to turn on: {said}"
        );
        if lang.tag() != "en" {
            assert_ne!(said, en, "{lang:?} is translated");
        }
    }
}

#[test]
fn loader_forwards_a_change_of_every_attribute_the_widgets_read() {
    let root = env!("CARGO_MANIFEST_DIR");
    let loader = std::fs::read_to_string(format!("{root}/www/loader.js")).unwrap();
    // The element's view reads the attributes (src/embed/view.rs), its life cycle the id.
    let embed = ["mod", "view"]
        .map(|f| std::fs::read_to_string(format!("{root}/src/embed/{f}.rs")).unwrap())
        .concat();
    let line = loader
        .lines()
        .find(|l| l.starts_with("var OBSERVED = ["))
        .expect("www/loader.js lists its observed attributes");
    let observed: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
    // `attr("name")` for each attribute the embed follows, `"debug"` read directly.
    let mut read: Vec<&str> = embed
        .split("attr(\"")
        .skip(1)
        .chain(embed.split("attr_value(&attrs.read(), \"").skip(1))
        .filter_map(|rest| rest.split('"').next())
        .collect();
    read.sort_unstable();
    read.dedup();
    let mut sorted = observed.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, read, "www/loader.js OBSERVED against src/embed");
}

#[test]
fn loader_keeps_the_same_loading_room_as_the_widgets_stylesheet() {
    // Before the Wasm runs the loader's own sheet keeps each element's room, after it the
    // widgets' stylesheet: the same values, or the page below moves when one follows the other.
    let root = env!("CARGO_MANIFEST_DIR");
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let loader = squeeze(&std::fs::read_to_string(format!("{root}/www/loader.js")).unwrap());
    let theme = squeeze(&std::fs::read_to_string(format!("{root}/src/ui/theme.css")).unwrap());
    let values = |text: &str| -> Vec<String> {
        text.split("--_loading:")
            .skip(1)
            .map(|rest| rest[..rest.find(['}', ';']).unwrap()].to_owned())
            .collect()
    };
    let (loader, theme) = (values(&loader), values(&theme));
    assert_eq!(
        loader.len(),
        2,
        "a chart's room and a directory's or calendar's: {loader:?}"
    );
    assert_eq!(loader, theme, "www/loader.js against src/ui/theme.css");
}
