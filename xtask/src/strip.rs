//! Cuts `wasm-streams`' JS classes out of the bundle.
//!
//! Leptos depends on `server_fn` with its `browser` feature whatever features we choose, and
//! that brings in `wasm-streams`. Its `#[wasm_bindgen]` classes `IntoUnderlyingByteSource`,
//! `IntoUnderlyingSink` and `IntoUnderlyingSource` (Rust streams handed to JS as the source
//! or sink of a `ReadableStream` or `WritableStream`) become classes of our glue and exports
//! of our Wasm. clusterkit has no server functions and builds no stream, but an export is a
//! root, so wasm-opt keeps everything it reaches. After wasm-bindgen, [`stream_classes`]
//! cuts the classes and their finalization registries from the glue and returns the Wasm
//! exports that only they called; the build removes those exports in the run of wasm-opt
//! that does `-Oz`, which then drops the code behind them.
//!
//! Measured (wasm-bindgen 0.2.130, binaryen 132, nightly build), raw / gzip / brotli:
//! Wasm −5.5 / −1.9 / −1.4 KB, JS −2.0 / −0.4 / −0.3 KB, together −7.5 / −2.3 / −1.6 KB (of
//! 396.8 / 159.1 / 127.6 KB). Most of the classes' Wasm code stays: of the 13.0 KB of
//! functions named after `wasm-streams` before, 8.3 KB are left, because the futures that
//! `pull`, `write`, `close` and `abort` hand to `future_to_promise` are reached through the
//! indirect function table (from their vtables), and table entries are roots too.
//!
//! This depends on the exact text wasm-bindgen generates. When any expected piece is
//! missing, nothing at all is stripped: one line says so and the bundle is built as before.

use std::collections::BTreeSet;

/// The classes cut, as wasm-bindgen names them in the glue.
const CLASSES: [&str; 3] = [
    "IntoUnderlyingByteSource",
    "IntoUnderlyingSink",
    "IntoUnderlyingSource",
];

/// Statement keywords: a line that starts with one of these, at the indentation of the
/// statement being cut, starts the next statement.
const STATEMENT_STARTS: [&str; 5] = ["class ", "function ", "async function ", "const ", "let "];

/// The glue without the classes, and the Wasm exports that nothing left in it calls.
#[derive(Debug)]
pub struct Stripped {
    /// The glue, without the classes and their registries.
    pub glue: String,
    /// Exports only the cut code called, for wasm-opt's `--remove-exports`.
    pub dead_exports: Vec<String>,
}

/// Cuts the stream classes from wasm-bindgen's glue, or, if its text is not what this
/// expects, keeps the glue whole and removes no export (saying so in one line).
pub fn stream_classes(glue: String) -> Stripped {
    match cut_stream_classes(&glue) {
        Ok(stripped) => {
            println!(
                "xtask: stripping the unused wasm-streams classes and their {} Wasm exports",
                stripped.dead_exports.len()
            );
            stripped
        }
        Err(why) => {
            println!(
                "xtask: not stripping the unused wasm-streams classes ({why}); the bundle keeps them"
            );
            Stripped {
                glue,
                dead_exports: Vec::new(),
            }
        }
    }
}

/// Each class is cut from the line `class X {` through `exports.X = X;`, and its registry
/// from `const XFinalization = ` through the `;` ending that statement.
fn cut_stream_classes(glue: &str) -> Result<Stripped, String> {
    let mut kept = glue.to_owned();
    let mut cut = String::new();
    for class in CLASSES {
        let definition = format!("class {class} {{");
        let export = format!("exports.{class} = {class};\n");
        cut += &cut_statement(&mut kept, &definition, &export)?;
        cut += &cut_statement(&mut kept, &format!("const {class}Finalization = "), ";\n")?;
    }
    if let Some(at) = kept.find("IntoUnderlying") {
        let line = kept[at..].lines().next().unwrap_or_default();
        return Err(format!("the rest of the glue still uses them: `{line}`"));
    }
    let still_called = wasm_exports(&kept);
    let dead_exports: Vec<String> = wasm_exports(&cut)
        .difference(&still_called)
        .map(|name| name.to_string())
        .collect();
    if dead_exports.is_empty() {
        return Err("the classes call no Wasm export".to_string());
    }
    Ok(Stripped {
        glue: kept,
        dead_exports,
    })
}

/// Removes from `glue` and returns the whole lines from the one that starts with `start`
/// (after its indentation) through the first `end` after it, which must end a line. Fails
/// if `start` is missing or not at a line's start, if `end` is missing, or if the lines hold
/// the start of another statement at the same indentation (then `end` is not this
/// statement's end).
fn cut_statement(glue: &mut String, start: &str, end: &str) -> Result<String, String> {
    let at = glue
        .find(start)
        .ok_or_else(|| format!("`{}` not found", start.trim()))?;
    let line_start = glue[..at].rfind('\n').map_or(0, |i| i + 1);
    let indent = &glue[line_start..at];
    if !indent.chars().all(|c| c == ' ' || c == '\t') {
        return Err(format!("`{}` does not start a line", start.trim()));
    }
    let stop = glue[at..]
        .find(end)
        .map(|i| at + i + end.len())
        .ok_or_else(|| format!("`{}` not found after `{}`", end.trim(), start.trim()))?;
    let body = &glue[at..stop];
    if let Some(other) = STATEMENT_STARTS
        .iter()
        .find(|keyword| body.contains(&format!("\n{indent}{keyword}")))
    {
        return Err(format!(
            "`{}` does not end the statement `{}` starts (a `{}` comes first)",
            end.trim(),
            start.trim(),
            other.trim()
        ));
    }
    Ok(glue.drain(line_start..stop).collect())
}

/// The Wasm exports `js` uses: every name after `wasm.` (the glue's name for the instance's
/// exports).
fn wasm_exports(js: &str) -> BTreeSet<&str> {
    let is_name = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    js.match_indices("wasm.")
        .filter(|&(at, _)| !js[..at].ends_with(is_name))
        .map(|(at, prefix)| {
            let rest = &js[at + prefix.len()..];
            &rest[..rest.find(|c: char| !is_name(c)).unwrap_or(rest.len())]
        })
        .filter(|name| !name.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One class and its registry, in the shape wasm-bindgen 0.2.130 emits them.
    fn class(name: &str) -> (String, String) {
        let lower = name.to_lowercase();
        let class = format!(
            "    class {name} {{
        __destroy_into_raw() {{
            const ptr = this.__wbg_ptr;
            this.__wbg_ptr = 0;
            {name}Finalization.unregister(this);
            return ptr;
        }}
        free() {{
            const ptr = this.__destroy_into_raw();
            wasm.__wbg_{lower}_free(ptr, 0);
        }}
        pull(controller) {{
            const ret = wasm.{lower}_pull(this.__wbg_ptr, controller, wasm.__wbindgen_malloc);
            return ret;
        }}
    }}
    if (Symbol.dispose) {name}.prototype[Symbol.dispose] = {name}.prototype.free;
    exports.{name} = {name};

"
        );
        let registry = format!(
            "    const {name}Finalization = (typeof FinalizationRegistry === 'undefined')
        ? {{ register: () => {{}}, unregister: () => {{}} }}
        : new FinalizationRegistry(ptr => wasm.__wbg_{lower}_free(ptr, 1));
"
        );
        (class, registry)
    }

    const KEPT_FUNCTION: &str = "    function ck_init(feed) {
        const ptr0 = passStringToWasm0(feed, wasm.__wbindgen_malloc);
        wasm.ck_init(ptr0);
    }

";

    /// A glue with the three classes, a function that stays, and `extra` after it.
    fn glue(extra: &str) -> String {
        let (classes, registries): (Vec<_>, Vec<_>) = CLASSES.iter().map(|c| class(c)).unzip();
        format!(
            "let wasm_bindgen = (function(exports) {{\n{}{KEPT_FUNCTION}{extra}{}\n    return exports;\n}})({{}});\n",
            classes.concat(),
            registries.concat()
        )
    }

    #[test]
    fn cuts_the_classes_and_their_registries_and_keeps_shared_exports() {
        let stripped = cut_stream_classes(&glue("")).expect("the expected shape");
        // The blank line after each class stays.
        let blank_lines = "\n".repeat(CLASSES.len());
        assert_eq!(
            stripped.glue,
            format!(
                "let wasm_bindgen = (function(exports) {{\n{blank_lines}{KEPT_FUNCTION}\n    return exports;\n}})({{}});\n"
            )
        );
        assert_eq!(
            stripped.dead_exports,
            [
                "__wbg_intounderlyingbytesource_free",
                "__wbg_intounderlyingsink_free",
                "__wbg_intounderlyingsource_free",
                "intounderlyingbytesource_pull",
                "intounderlyingsink_pull",
                "intounderlyingsource_pull",
            ]
        );
    }

    #[test]
    fn a_missing_piece_strips_nothing() {
        let (_, registry) = class("IntoUnderlyingSink");
        let without_registry = glue("").replace(&registry, "");
        let kept = stream_classes(without_registry.clone());
        assert_eq!(kept.glue, without_registry);
        assert!(kept.dead_exports.is_empty());
    }

    #[test]
    fn a_class_still_used_elsewhere_strips_nothing() {
        let used = glue("    function wrap(ptr) { return IntoUnderlyingSink.__wrap(ptr); }\n");
        assert!(cut_stream_classes(&used).is_err());
    }

    #[test]
    fn an_end_past_the_next_statement_strips_nothing() {
        // Without its semicolon, the first registry would run into the next one.
        let unterminated = glue("").replacen("(ptr, 1));\n", "(ptr, 1))\n", 1);
        assert!(
            cut_stream_classes(&unterminated)
                .unwrap_err()
                .contains("does not end the statement")
        );
    }

    #[test]
    fn wasm_exports_are_the_names_after_wasm_dot() {
        let js = "wasm.a_1(x, wasm.b$); mywasm.c; wasm.memory.buffer";
        assert_eq!(
            wasm_exports(js).into_iter().collect::<Vec<_>>(),
            ["a_1", "b$", "memory"]
        );
    }
}
