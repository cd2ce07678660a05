//! Writes the widgets' stylesheet, minified, to `$OUT_DIR/clusterkit.css` (see `ui::CSS`):
//! its comments and indentation would otherwise reach every visitor, in the Wasm.

#[path = "src/ui/css_min.rs"]
mod css_min;

/// The stylesheet's parts, in cascade order.
const PARTS: [&str; 4] = [
    "src/ui/theme.css",
    "src/directory/directory.css",
    "src/chart/chart.css",
    "src/calendar/calendar.css",
];

fn main() {
    // Set by `cargo xtask build` on nightly: the hot loops of a keystroke are then compiled
    // for speed in a bundle otherwise compiled for size (see `directory::model::apply`).
    println!("cargo::rustc-check-cfg=cfg(clusterkit_nightly)");
    let mut css = String::new();
    for part in PARTS {
        println!("cargo::rerun-if-changed={part}");
        css.push_str(&std::fs::read_to_string(part).unwrap_or_else(|e| panic!("{part}: {e}")));
        css.push('\n');
    }
    println!("cargo::rerun-if-changed=src/ui/css_min.rs");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("clusterkit.css"), css_min::minify(&css))
        .expect("writing the stylesheet");
}
