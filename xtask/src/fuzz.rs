//! `cargo xtask fuzz`: the cargo-fuzz targets, each for a given time, on nightly: the feed
//! reader (`feed`), the RRULE reader and its expansion (`rrule`), and the directory's search
//! (`search`). Their corpora live in `fuzz/corpus/`, kept minimal after each run, and are
//! committed; a crash leaves its input in `fuzz/artifacts/` and fails the command.

use std::process::Command;

use crate::setup::{self, run};
use crate::{flag, root};

/// The fuzz targets, as `fuzz/fuzz_targets/` names them.
pub const TARGETS: [&str; 3] = ["feed", "rrule", "search"];

/// Runs the targets named in `args` (all without any) for `--seconds N` each (60 without).
pub fn fuzz(args: &[String]) -> Result<(), String> {
    let seconds: u64 = match flag(args, "--seconds") {
        Some(s) => s
            .parse()
            .map_err(|_| format!("not a number of seconds: {s}"))?,
        None => 60,
    };
    let named: Vec<&str> = args
        .iter()
        .filter(|a| TARGETS.contains(&a.as_str()))
        .map(String::as_str)
        .collect();
    let targets = if named.is_empty() {
        &TARGETS[..]
    } else {
        &named[..]
    };
    setup::for_fuzz()?;
    let fuzz = root().join("fuzz");
    for target in targets {
        let corpus = fuzz.join("corpus").join(target);
        println!(
            "xtask: fuzzing {target} for {seconds} s (corpus {})",
            corpus.display()
        );
        run(nightly_cargo()
            .args(["fuzz", "run", target])
            .arg(&corpus)
            .args([
                "--",
                &format!("-max_total_time={seconds}"),
                "-rss_limit_mb=4096",
                "-timeout=10",
            ])
            .current_dir(&fuzz))?;
        // What the run added, cut down to the inputs that reach new code.
        run(nightly_cargo()
            .args(["fuzz", "cmin", target])
            .arg(&corpus)
            .args(["--", "-set_cover_merge=1"])
            .current_dir(&fuzz))?;
    }
    Ok(())
}

/// `cargo` on nightly, whatever toolchain started xtask.
fn nightly_cargo() -> Command {
    let mut cargo = Command::new("rustup");
    cargo
        .args(["run", "nightly", "cargo"])
        .env_remove("RUSTC")
        .env_remove("RUSTDOC")
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("CARGO_TARGET_DIR");
    cargo
}
