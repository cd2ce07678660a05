//! The loader (`www/loader.js`) shows its own error box when the Wasm cannot run, so it
//! carries two UI strings per language itself; they must stay the ones in `src/i18n`.
#![cfg(not(target_arch = "wasm32"))]

use clusterkit::i18n::Lang;

#[test]
fn loader_error_box_speaks_the_same_words_as_the_widgets() {
    let loader =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/loader.js")).unwrap();
    for lang in Lang::ALL {
        let prefix = format!("  {}: [", lang.tag());
        let line = loader
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("www/loader.js has no `{}` crash strings", lang.tag()));
        let s = lang.strings();
        let expected = format!("{prefix}\"{}\", \"{}\"]", s.crashed, s.reload);
        assert_eq!(line.trim_end_matches(','), expected, "{lang:?}");
    }
}
