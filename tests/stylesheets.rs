//! The stylesheets style only classes the widgets write: a class renamed in the markup (the
//! chart's gridlines, `ck-ticks`, styled as `ck-tick`) leaves its rule styling nothing, and
//! nothing else notices.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

/// Every file under `dir` whose name ends in `ext`, read.
fn files(dir: &Path, ext: &str, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.to_string_lossy().ends_with(ext) {
            out.push(std::fs::read_to_string(&path).unwrap());
        }
    }
}

/// Whether `text` holds `word` with no class-name character on either side.
fn holds(text: &str, word: &str) -> bool {
    let part = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    text.match_indices(word)
        .any(|(at, _)| !text[..at].ends_with(part) && !text[at + word.len()..].starts_with(part))
}

#[test]
fn every_class_the_stylesheets_style_is_one_the_widgets_write() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let (mut sheets, mut code) = (Vec::new(), Vec::new());
    files(&src, ".css", &mut sheets);
    files(&src, ".rs", &mut code);
    let code = code.join("\n")
        + &std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("www/loader.js"))
            .unwrap();
    let mut styled: Vec<String> = Vec::new();
    for sheet in &sheets {
        // Without comments, which name classes in prose.
        let mut text = String::new();
        for (i, part) in sheet.split("/*").enumerate() {
            text.push_str(if i == 0 {
                part
            } else {
                part.split_once("*/").map_or("", |p| p.1)
            });
        }
        for (at, _) in text.match_indices(".ck-") {
            let name: String = text[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            if !styled.contains(&name) {
                styled.push(name);
            }
        }
    }
    assert!(styled.len() > 50, "the sheets were read: {styled:?}");
    let unwritten: Vec<&String> = styled
        .iter()
        .filter(|class| {
            // `ck-c3` or `ck-span-2` is written by a format string: `ck-c{n}`, `ck-span-{}`.
            let stem = class.trim_end_matches(|c: char| c.is_ascii_digit());
            let formatted = stem.len() < class.len() && code.contains(&format!("{stem}{{"));
            !(holds(&code, class) || formatted)
        })
        .collect();
    assert!(
        unwritten.is_empty(),
        "styled but never written: {unwritten:?}"
    );
}
