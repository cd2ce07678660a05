//! `cargo xtask example NAME`: one of `examples/` built for the browser, as a Leptos app is
//! (its `main` mounts it), and served with a page that starts it.

use std::process::Command;

use crate::build::target_dir;
use crate::root;
use crate::setup::{self, run, wasm_bindgen};

/// The examples, by name: each is `examples/NAME.rs`.
fn names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("examples"))
        .map(|dir| {
            dir.filter_map(|entry| {
                let name = entry.ok()?.file_name().into_string().ok()?;
                name.strip_suffix(".rs").map(str::to_owned)
            })
            .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Builds example `name` into `www/dist/examples/NAME/` (its Wasm, wasm-bindgen's module
/// and an `index.html` that starts it) and returns that page's path from the repository
/// root, where the server serves it (the examples name the sample feeds from there).
pub fn build(name: &str) -> Result<String, String> {
    let known = names();
    if !known.iter().any(|n| n == name) {
        return Err(format!(
            "no example `{name}`; the examples are: {}",
            known.join(", ")
        ));
    }
    setup::for_example()?;
    run(Command::new("cargo")
        .current_dir(root())
        .args(["build", "--release", "--example", name])
        .args(["--target", "wasm32-unknown-unknown", "--features", "csr"]))?;
    let wasm = target_dir().join(format!(
        "wasm32-unknown-unknown/release/examples/{name}.wasm"
    ));
    let page = format!("www/dist/examples/{name}");
    let out = root().join(&page);
    run(Command::new(wasm_bindgen())
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&out)
        .arg(&wasm))?;
    let html = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n  \
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n  \
         <link rel=\"icon\" href=\"data:,\">\n  \
         <title>clusterkit example: {name}</title>\n</head>\n<body>\n  \
         <script type=\"module\">import start from \"./{name}.js\"; start();</script>\n\
         </body>\n</html>\n"
    );
    std::fs::write(out.join("index.html"), html)
        .map_err(|e| format!("writing {}/index.html: {e}", out.display()))?;
    Ok(format!("{page}/"))
}
