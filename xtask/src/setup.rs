//! Installs what a command needs and the machine lacks: the wasm32 target, the wasm-bindgen
//! CLI of exactly the version in Cargo.lock, the npm tools (wasm-opt, terser, playwright-core,
//! puppeteer-core, axe-core, and the peer libraries for the benchmark) pinned by
//! package-lock.json, and Debian's Chromium, Firefox and WebKitGTK for the browser tests.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::root;

/// Runs a command, failing with its name if it cannot start or exits non-zero.
pub fn run(command: &mut Command) -> Result<(), String> {
    let shown = format!("{command:?}");
    let status = command
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// A command's standard output, if it runs and succeeds.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// What `cargo xtask build` needs.
pub fn for_build() -> Result<(), String> {
    wasm_target()?;
    wasm_bindgen_cli()?;
    node_modules()
}

/// What `cargo xtask example` needs: the target and wasm-bindgen, none of the npm tools.
pub fn for_example() -> Result<(), String> {
    wasm_target()?;
    wasm_bindgen_cli()
}

/// What `cargo xtask fuzz` needs: the nightly toolchain (libFuzzer's sanitizers) and
/// cargo-fuzz.
pub fn for_fuzz() -> Result<(), String> {
    if output("rustup", &["run", "nightly", "rustc", "--version"]).is_none() {
        return Err(
            "cargo xtask fuzz needs the nightly toolchain: rustup toolchain install nightly".into(),
        );
    }
    if output(&cargo_bin("cargo-fuzz").to_string_lossy(), &["--version"]).is_some() {
        return Ok(());
    }
    println!("xtask: installing cargo-fuzz (takes a few minutes)");
    run(Command::new("cargo").args(["install", "cargo-fuzz"]))
}

/// What `cargo xtask test` and `bench` need on top of the build.
pub fn for_browser_tests() -> Result<(), String> {
    for_build()?;
    browsers()
}

fn wasm_target() -> Result<(), String> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    println!("xtask: installing the wasm32-unknown-unknown target");
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// The `wasm-bindgen` version Cargo.lock resolved; the CLI must be exactly this one.
pub fn locked_wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("reading Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\""
            && let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
        {
            return Ok(version.trim_end_matches('"').to_owned());
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

/// Cargo's home: `$CARGO_HOME`, else `~/.cargo`.
pub fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo")
        })
}

fn cargo_bin(name: &str) -> PathBuf {
    cargo_home().join("bin").join(name)
}

/// The path of the wasm-bindgen CLI matching Cargo.lock.
pub fn wasm_bindgen() -> PathBuf {
    cargo_bin("wasm-bindgen")
}

/// The path of the wasm-bindgen test runner matching Cargo.lock.
pub fn wasm_bindgen_test_runner() -> PathBuf {
    cargo_bin("wasm-bindgen-test-runner")
}

fn wasm_bindgen_cli() -> Result<(), String> {
    let wanted = locked_wasm_bindgen_version()?;
    let have = output(&wasm_bindgen().to_string_lossy(), &["--version"]).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(wanted.as_str()) {
        return Ok(());
    }
    println!(
        "xtask: installing wasm-bindgen-cli {wanted} (the version in Cargo.lock; takes a few minutes)"
    );
    // Not `--locked`: the registry here lacks one of its locked dependencies.
    run(Command::new("cargo").args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        &wanted,
        "--force",
    ]))
}

/// A binary installed by npm into node_modules/.bin.
pub fn node_bin(name: &str) -> PathBuf {
    root().join("node_modules").join(".bin").join(name)
}

fn node_modules() -> Result<(), String> {
    let root = root();
    let stamp = root.join("node_modules").join(".package-lock.json");
    let lock = root.join("package-lock.json");
    if is_newer_or_equal(&stamp, &lock) && node_bin("wasm-opt").exists() {
        return Ok(());
    }
    println!("xtask: installing npm tools pinned by package-lock.json");
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&root))
}

fn is_newer_or_equal(a: &Path, b: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((modified(a), modified(b)), (Some(a), Some(b)) if a >= b)
}

/// Debian's Chromium and ChromeDriver (`/usr/bin/chromium`, `/usr/bin/chromedriver`).
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Debian's ChromeDriver.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The browsers the tests drive, as Debian packages them: each package with a file it
/// installs. Chromium for every browser tier; Firefox (ESR) and WebKitGTK (its MiniBrowser
/// and WebDriver, on a display of Xvfb's) for the other engines' tier.
/// (MiniBrowser's folder is the machine's: `/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/`, …)
const BROWSERS: [(&str, &str); 6] = [
    ("chromium", CHROMIUM),
    ("chromium-driver", CHROMEDRIVER),
    ("firefox-esr", "/usr/bin/firefox-esr"),
    ("webkit2gtk-driver", "/usr/bin/WebKitWebDriver"),
    ("libwebkit2gtk-4.1-0", "webkit2gtk-4.1/MiniBrowser"),
    ("xvfb", "/usr/bin/Xvfb"),
];

/// Whether `file` is there: an absolute path, or one in any of `/usr/lib`'s folders.
fn installed(file: &str) -> bool {
    if file.starts_with('/') {
        return Path::new(file).exists();
    }
    std::fs::read_dir("/usr/lib")
        .is_ok_and(|dirs| dirs.flatten().any(|dir| dir.path().join(file).exists()))
}

fn browsers() -> Result<(), String> {
    let missing: Vec<&str> = BROWSERS
        .iter()
        .filter(|(_, file)| !installed(file))
        .map(|(package, _)| *package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let is_root = output("id", &["-u"]).is_some_and(|u| u.trim() == "0");
    if !is_root {
        return Err(format!(
            "browsers are missing: run `sudo apt-get install -y {}`",
            missing.join(" ")
        ));
    }
    println!("xtask: installing Debian's {}", missing.join(", "));
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "--no-install-recommends"])
        .args(&missing)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// The toolchain the bundle is built with.
pub enum BundleToolchain {
    /// Nightly, which rebuilds the standard library for size (`-Zbuild-std` needs its
    /// `rust-src` component).
    Nightly,
    /// Stable, and why nightly could not be used (the bundle is then about 20 KB larger).
    Stable(String),
}

/// Picks nightly for the bundle when it is installed, adding its `rust-src` if missing;
/// `CLUSTERKIT_STABLE=1` forces stable.
pub fn bundle_toolchain() -> BundleToolchain {
    if std::env::var_os("CLUSTERKIT_STABLE").is_some() {
        return BundleToolchain::Stable("CLUSTERKIT_STABLE is set".into());
    }
    if output("rustup", &["run", "nightly", "rustc", "--version"]).is_none() {
        return BundleToolchain::Stable("no nightly toolchain is installed".into());
    }
    let components = output(
        "rustup",
        &["component", "list", "--installed", "--toolchain", "nightly"],
    )
    .unwrap_or_default();
    if components.lines().any(|l| l.trim() == "rust-src") {
        return BundleToolchain::Nightly;
    }
    println!(
        "xtask: adding rust-src to the nightly toolchain (to build the bundle's std for size)"
    );
    match run(Command::new("rustup").args([
        "component",
        "add",
        "rust-src",
        "--toolchain",
        "nightly",
    ])) {
        Ok(()) => BundleToolchain::Nightly,
        Err(e) => BundleToolchain::Stable(e),
    }
}
