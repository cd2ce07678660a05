//! The embed bundle: `www/dist/clusterkit.js` (loader and glue, one classic script) and
//! `www/dist/clusterkit_bg.wasm`.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256, Sha384};

use crate::root;
use crate::setup::{self, BundleToolchain, node_bin, run, wasm_bindgen};
use crate::{names, strip};

/// Raw, gzip and brotli sizes of one file.
#[derive(Clone, Copy, Debug, Default)]
pub struct Size {
    /// Bytes on disk.
    pub raw: usize,
    /// Bytes gzipped at level 9.
    pub gzip: usize,
    /// Bytes with brotli at quality 11.
    pub brotli: usize,
}

impl Size {
    fn of(bytes: &[u8]) -> Size {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(bytes).expect("writing to memory");
        let gzip = gz.finish().expect("writing to memory").len();
        let mut br = Vec::new();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 22,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut &bytes[..], &mut br, &params).expect("writing to memory");
        Size {
            raw: bytes.len(),
            gzip,
            brotli: br.len(),
        }
    }
}

/// The sizes of the bundle's two files.
#[derive(Clone, Debug, Default)]
pub struct Sizes {
    /// The loader and glue.
    pub js: Size,
    /// The Wasm.
    pub wasm: Size,
    /// The loader's Subresource Integrity value (`sha384-…`), which covers the Wasm too.
    pub integrity: String,
}

impl Sizes {
    /// Both files together.
    pub fn total(&self) -> Size {
        Size {
            raw: self.js.raw + self.wasm.raw,
            gzip: self.js.gzip + self.wasm.gzip,
            brotli: self.js.brotli + self.wasm.brotli,
        }
    }
}

fn kb(n: usize) -> String {
    format!("{:.1} KB", n as f64 / 1000.0)
}

impl fmt::Display for Sizes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<22} {:>10} {:>10} {:>10}",
            "www/dist/", "raw", "gzip", "brotli"
        )?;
        for (name, s) in [
            ("clusterkit.js", self.js),
            ("clusterkit_bg.wasm", self.wasm),
            ("total", self.total()),
        ] {
            writeln!(
                f,
                "{:<22} {:>10} {:>10} {:>10}",
                name,
                kb(s.raw),
                kb(s.gzip),
                kb(s.brotli)
            )?;
        }
        // The loader fetches the Wasm with its hash, so this one attribute covers both.
        writeln!(
            f,
            "\nready to paste (the path is yours):\n<script src=\"/clusterkit/clusterkit.js\" integrity=\"{}\" crossorigin=\"anonymous\" defer></script>",
            self.integrity
        )
    }
}

/// A Subresource Integrity value: `sha384-` and the base64 of the SHA-384 of `bytes`.
pub fn integrity(bytes: &[u8]) -> String {
    use base64::Engine;
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

/// Where cargo builds the workspace, as `cargo metadata` says (`CARGO_TARGET_DIR`, relative
/// or not, `CARGO_BUILD_TARGET_DIR` and a config's `build.target-dir` included); `target/`
/// if it cannot say.
pub fn target_dir() -> PathBuf {
    let metadata = setup::output(
        "cargo",
        &[
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--manifest-path",
            &root().join("Cargo.toml").to_string_lossy(),
        ],
    );
    metadata
        .as_deref()
        .and_then(|json| json_string_field(json, "target_directory"))
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

/// The value of the first string field `key` in `json`, its escapes read.
fn json_string_field(json: &str, key: &str) -> Option<String> {
    let start = json.find(&format!("\"{key}\":\""))? + key.len() + 4;
    let mut value = String::new();
    let mut chars = json[start..].chars();
    loop {
        match chars.next()? {
            '"' => return Some(value),
            '\\' => match chars.next()? {
                'n' => value.push('\n'),
                't' => value.push('\t'),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    value.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                other => value.push(other),
            },
            c => value.push(c),
        }
    }
}

/// Builds the bundle into `www/dist/` and returns its sizes.
pub fn bundle() -> Result<Sizes, String> {
    let root = root();
    let target = target_dir();
    match setup::bundle_toolchain() {
        BundleToolchain::Nightly => {
            if let Err(e) = cargo_build(&root, true) {
                println!("xtask: the nightly build failed ({e}); building on stable instead");
                cargo_build(&root, false)?;
            }
        }
        BundleToolchain::Stable(why) => {
            println!("xtask: building the bundle on stable, about 20 KB larger: {why}");
            cargo_build(&root, false)?;
        }
    }
    let raw = target.join("wasm32-unknown-unknown/release/clusterkit.wasm");
    let bindgen_dir = target.join("clusterkit-bindgen");
    run(Command::new(wasm_bindgen())
        .args(["--target", "no-modules", "--no-typescript", "--out-dir"])
        .arg(&bindgen_dir)
        .arg(&raw))?;

    let glue = std::fs::read_to_string(bindgen_dir.join("clusterkit.js"))
        .map_err(|e| format!("reading the glue: {e}"))?;
    let stripped = strip::stream_classes(glue);

    let dist = root.join("www/dist");
    std::fs::create_dir_all(&dist).map_err(|e| format!("creating {}: {e}", dist.display()))?;
    let wasm_out = dist.join("clusterkit_bg.wasm");
    let mut wasm_opt = Command::new(node_bin("wasm-opt"));
    wasm_opt.arg(bindgen_dir.join("clusterkit_bg.wasm"));
    if !stripped.dead_exports.is_empty() {
        // Before -Oz: binaryen runs passes in command-line order, so -Oz drops their code.
        wasm_opt.arg(format!(
            "--remove-exports={}",
            stripped.dead_exports.join(",")
        ));
    }
    // Merging functions that differ only in constants (Leptos' generic view code has many),
    // then flattening and re-looping the control flow before two rounds of -Oz: 5 KB brotli
    // (25 KB raw) less than -Oz alone, measured on 2026-11-24.
    // CK_WASM_NAMES=1 keeps the Wasm's function names (and the glue's long import names), so
    // that a DevTools profile names what it measures; the bundle is then some 45 KB brotli
    // larger, for profiling only.
    let keep_names = std::env::var_os("CK_WASM_NAMES").is_some();
    run(wasm_opt
        .args(WASM_OPT_PASSES)
        .args(if keep_names {
            &["-g", "--strip-producers", "-o"][..]
        } else {
            &["--strip-debug", "--strip-producers", "-o"][..]
        })
        .arg(&wasm_out))?;
    let shortened = if keep_names {
        Err("CK_WASM_NAMES is set".to_string())
    } else {
        names::shorten(&read(&wasm_out)?, &stripped.glue)
    };
    let (wasm, glue) = match shortened {
        Ok((wasm, glue)) => {
            std::fs::write(&wasm_out, &wasm)
                .map_err(|e| format!("writing {}: {e}", wasm_out.display()))?;
            (wasm, glue)
        }
        Err(why) => {
            println!("xtask: keeping wasm-bindgen's import and export names: {why}");
            (read(&wasm_out)?, stripped.glue)
        }
    };
    let version: String = Sha256::digest(&wasm)
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect();

    let loader = std::fs::read_to_string(root.join("www/loader.js"))
        .map_err(|e| format!("reading www/loader.js: {e}"))?;
    let loader = loader
        .replace("__CK_VERSION__", &version)
        .replace("__CK_INTEGRITY__", &integrity(&wasm));
    // One function scope around glue and loader: the page gets no global at all.
    let joined = format!("(function () {{\n\"use strict\";\n{glue}\n{loader}\n}})();\n");
    let unminified = bindgen_dir.join("clusterkit.full.js");
    std::fs::write(&unminified, joined)
        .map_err(|e| format!("writing {}: {e}", unminified.display()))?;
    let js_out = dist.join("clusterkit.js");
    run(Command::new(node_bin("terser"))
        .arg(&unminified)
        .args([
            "--compress",
            "--mangle",
            "--ecma",
            "2020",
            "--comments",
            "false",
            "--preamble",
        ])
        .arg(format!(
            "/*! clusterkit {} | MIT OR Apache-2.0 | wasm {version} */",
            env!("CARGO_PKG_VERSION")
        ))
        .arg("-o")
        .arg(&js_out))?;
    let js = read(&js_out)?;
    Ok(Sizes {
        js: Size::of(&js),
        wasm: Size::of(&wasm),
        integrity: integrity(&js),
    })
}

/// wasm-opt's passes, in order (binaryen runs them as given).
const WASM_OPT_PASSES: [&str; 5] = [
    "--merge-similar-functions",
    "--flatten",
    "--rereloop",
    "-Oz",
    "-Oz",
];

/// Rust flags for size that only nightly accepts: no panic machinery at all (a panic traps,
/// and the loader turns any trap into the error boxes), no `Debug` formatting, no source
/// locations; and `clusterkit_nightly`, which compiles a keystroke's hot loops for speed
/// (`#[optimize(speed)]`) in a bundle otherwise compiled for size.
const NIGHTLY_RUSTFLAGS: [&str; 6] = [
    "-Zunstable-options",
    "-Cpanic=immediate-abort",
    "-Zfmt-debug=none",
    "-Zlocation-detail=none",
    "--cfg",
    "clusterkit_nightly",
];

/// `cargo build` of the Wasm, on nightly with the standard library rebuilt for size
/// (`optimize_for_size` picks its smaller sort and formatting code), or on stable.
fn cargo_build(root: &Path, nightly: bool) -> Result<(), String> {
    let mut flags = short_paths(root);
    let mut cargo = if nightly {
        let mut cargo = Command::new("rustup");
        cargo
            .args(["run", "nightly", "cargo"])
            // Whatever toolchain started xtask must not leak into the nightly build.
            .env_remove("RUSTC")
            .env_remove("RUSTDOC")
            .env_remove("RUSTUP_TOOLCHAIN");
        flags.extend(NIGHTLY_RUSTFLAGS.map(String::from));
        cargo
    } else {
        Command::new("cargo")
    };
    // The one build that links the crate as a cdylib: apps take it as a plain rlib.
    cargo.args([
        "rustc",
        "--release",
        "--lib",
        "--crate-type",
        "cdylib",
        "--target",
        "wasm32-unknown-unknown",
        "--features",
        "embed",
    ]);
    if nightly {
        cargo.args([
            "-Zbuild-std=std,panic_abort",
            "-Zbuild-std-features=optimize_for_size",
        ]);
    }
    run(cargo
        .env("CARGO_ENCODED_RUSTFLAGS", flags.join("\u{1f}"))
        .current_dir(root))
}

/// Rust flags that shorten the source paths panic locations carry into the Wasm (they
/// replace the caller's RUSTFLAGS for the bundle build only).
fn short_paths(root: &Path) -> Vec<String> {
    let cargo_home = crate::setup::cargo_home();
    vec![
        format!(
            "--remap-path-prefix={}=/crates",
            cargo_home.join("registry/src").display()
        ),
        format!("--remap-path-prefix={}=/clusterkit", root.display()),
    ]
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("reading {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_target_directory_is_read_from_cargo_metadata_escapes_and_all() {
        let json = r#"{"packages":[],"target_directory":"C:\\builds\\ck \"x\"","version":1}"#;
        assert_eq!(
            json_string_field(json, "target_directory").as_deref(),
            Some(r#"C:\builds\ck "x""#)
        );
        assert_eq!(json_string_field(json, "workspace_root"), None);
        // This workspace's, as cargo itself places it: wherever that is, it holds the
        // builds, not a guess beside the repository.
        let dir = target_dir();
        assert!(dir.is_absolute(), "{}", dir.display());
        assert!(dir.join("debug").is_dir(), "{}", dir.display());
    }
}
