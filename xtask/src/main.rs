//! clusterkit's build, serve, test and bench commands (the cargo-xtask pattern): nothing to
//! install by hand; each command installs what it is missing.

mod bench;
mod build;
mod example;
mod fuzz;
mod gen_feed;
mod names;
mod serve;
mod setup;
mod strip;
mod test;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command> [options]

  demo [--port N]        build the bundle and serve the repo on http://127.0.0.1:8080/
  build                  build www/dist/clusterkit.js and clusterkit_bg.wasm, print sizes
  example NAME [--port N]
                         build examples/NAME.rs (a Leptos app) for the browser and serve it
  test [STEP...]         every test: native, wasm in headless Chromium, end-to-end
                         (or only the steps whose names start with a STEP word)
  bench                  bundle sizes; first card, search and facet times on a
                         10,000-member feed, beside List.js
  gen-feed [--members N] [--events M] [--seed S] [--out FILE]
                         a large deterministic feed for tests and benchmarks
  serve [--port N] [--wasm-octet-stream] [--no-cors]
                         serve the repo without building
  fuzz [--seconds N] [feed|rrule|search...]
                         run the cargo-fuzz targets (all by default) N seconds each
                         (60 by default) on nightly; corpora in fuzz/corpus/
";

/// The repository root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the repo")
        .to_path_buf()
}

/// The value after `--name` in `args`, if any.
pub fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

/// The port: `--port`, else `$PORT`, else 8080.
fn port(args: &[String]) -> Result<u16, String> {
    flag(args, "--port")
        .or_else(|| std::env::var("PORT").ok())
        .map_or(Ok(8080), |p| {
            p.parse().map_err(|_| format!("not a port number: {p}"))
        })
}

fn run(args: &[String]) -> Result<(), String> {
    let command = args.first().map(String::as_str).unwrap_or("help");
    let rest = &args[args.len().min(1)..];
    match command {
        "demo" => {
            setup::for_build()?;
            let sizes = build::bundle()?;
            let port = port(rest)?;
            println!("{sizes}");
            serve::serve(port, serve::Options::default(), |url| {
                println!("clusterkit demo: {url}  (Ctrl-C to stop)");
            })
        }
        "build" => {
            setup::for_build()?;
            let sizes = build::bundle()?;
            println!("{sizes}");
            Ok(())
        }
        "example" => {
            // The name, wherever it stands among the options (`--port N`).
            let name = (0..rest.len())
                .find(|&i| !rest[i].starts_with("--") && (i == 0 || rest[i - 1] != "--port"))
                .map(|i| &rest[i])
                .ok_or("which example? `cargo xtask example directory_from_url`")?;
            let port = port(rest)?;
            let page = example::build(name)?;
            serve::serve(port, serve::Options::default(), |url| {
                println!("clusterkit example {name}: {url}{page}  (Ctrl-C to stop)");
            })
        }
        "serve" => {
            let options = serve::Options {
                wasm_octet_stream: rest.iter().any(|a| a == "--wasm-octet-stream"),
                no_cors: rest.iter().any(|a| a == "--no-cors"),
            };
            serve::serve(port(rest)?, options, |url| {
                println!("serving the repo on {url}")
            })
        }
        "test" => test::all(rest),
        "fuzz" => fuzz::fuzz(rest),
        "bench" => bench::run(),
        "gen-feed" => gen_feed::command(rest),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
