//! `cargo xtask test`: every tier of tests, failing on the first that fails.
//!
//! Browser tiers run in America/Los_Angeles with a Catalan browser locale, because a UTC,
//! English machine would hide time-zone and language bugs.

use std::process::Command;
use std::time::Instant;

use crate::setup::{self, CHROMEDRIVER, run};
use crate::{build, root, serve};

/// The time zone of every browser test.
pub const TEST_TZ: &str = "America/Los_Angeles";

/// Runs one step, unless `only` names others: a step runs when `only` is empty or one of
/// its words starts its name (`cargo xtask test end wasm` runs the end-to-end and wasm
/// tests).
fn step(only: &[String], name: &str, f: impl FnOnce() -> Result<(), String>) -> Result<(), String> {
    if !only.is_empty() && !only.iter().any(|w| name.starts_with(w.as_str())) {
        return Ok(());
    }
    println!("\n==> {name}");
    let start = Instant::now();
    let result = f();
    println!(
        "<== {name}: {} in {:.0?}",
        if result.is_ok() { "ok" } else { "FAILED" },
        start.elapsed()
    );
    result.map_err(|e| format!("{name}: {e}"))
}

fn cargo(args: &[&str]) -> Command {
    let mut c = Command::new("cargo");
    c.args(args).current_dir(root());
    c
}

/// Runs every test tier, or those whose names start with one of `only`.
pub fn all(only: &[String]) -> Result<(), String> {
    let start = Instant::now();
    step(&[], "tools", setup::for_browser_tests)?;
    step(only, "format", || {
        run(&mut cargo(&["fmt", "--all", "--", "--check"]))
    })?;
    step(only, "clippy (native)", || {
        run(&mut cargo(&[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    step(only, "clippy (wasm)", || {
        run(&mut cargo(&[
            "clippy",
            "--target",
            "wasm32-unknown-unknown",
            "--features",
            "embed",
            "--lib",
            "--test",
            "browser",
            "--examples",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    // With the embed, whose own unit tests (its attributes' reading) run natively too.
    step(only, "native tests", || {
        run(&mut cargo(&[
            "test",
            "--workspace",
            "--features",
            "clusterkit/embed",
        ]))
    })?;
    // The components built and rendered natively, as a server renders them (tests/ssr, a
    // crate of its own so that Leptos' `ssr` stays out of the crate's builds).
    step(only, "server rendering (native)", || {
        let manifest = root().join("tests/ssr/Cargo.toml");
        let manifest = manifest.to_str().ok_or("a path that is not UTF-8")?;
        run(&mut cargo(&[
            "fmt",
            "--manifest-path",
            manifest,
            "--",
            "--check",
        ]))?;
        run(cargo(&["test", "--manifest-path", manifest])
            .env("CARGO_TARGET_DIR", root().join("target")))
    })?;
    step(only, "package (cargo publish --dry-run)", || {
        run(&mut cargo(&[
            "publish",
            "--dry-run",
            "--allow-dirty",
            "--package",
            "clusterkit",
        ]))
    })?;
    step(only, "docs", || {
        run(cargo(&[
            "doc",
            "--no-deps",
            "--package",
            "clusterkit",
            "--features",
            "embed",
        ])
        .env("RUSTDOCFLAGS", "-D warnings"))
    })?;
    step(only, "wasm tests in headless Chromium", || {
        run(cargo(&[
            "test",
            "--target",
            "wasm32-unknown-unknown",
            "--features",
            "embed",
            "--test",
            "browser",
        ])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            setup::wasm_bindgen_test_runner(),
        )
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
        .env("TZ", TEST_TZ))
    })?;
    step(only, "bundle", || {
        build::bundle().map(|sizes| println!("{sizes}"))
    })?;
    step(only, "end-to-end through the script tag", || {
        let base = serve::spawn(serve::Options::default())?;
        let octet = serve::spawn(serve::Options {
            wasm_octet_stream: true,
            ..Default::default()
        })?;
        let no_cors = serve::spawn(serve::Options {
            no_cors: true,
            ..Default::default()
        })?;
        run(Command::new("node")
            .arg(root().join("tests/e2e/run.mjs"))
            .env("CK_BASE", &base)
            .env("CK_BASE_OCTET", &octet)
            .env("CK_BASE_NO_CORS", &no_cors)
            .env("CK_CHROMIUM", setup::CHROMIUM)
            .env("TZ", TEST_TZ)
            .env("NODE_PATH", root().join("node_modules")))
    })?;
    // Firefox and WebKit (Safari's engine): what differs between engines, in Asia/Tokyo.
    step(
        only,
        "other engines (Firefox, WebKit) through the script tag",
        || {
            let base = serve::spawn(serve::Options::default())?;
            run(Command::new("node")
                .arg(root().join("tests/engines/run.mjs"))
                .env("CK_BASE", &base)
                .env("NODE_PATH", root().join("node_modules")))
        },
    )?;
    println!("\ntests passed in {:.0?}", start.elapsed());
    Ok(())
}
