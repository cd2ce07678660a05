//! Short names for what only the glue and the Wasm say to each other.
//!
//! wasm-bindgen names each import after the JS function it wraps plus a hash
//! (`__wbg_setAttribute_f75317b2b5cabfb4`), under the module `./clusterkit_bg.js`, and its
//! own exports after their Rust paths (`wasm_bindgen_f1d7…___convert__closures_____invoke…`).
//! The names appear twice in the bundle, in the Wasm's import and export sections and as
//! property names in the glue, which no minifier touches: some 16 KB raw, 4 KB brotli of
//! hashes and paths no visitor needs. [`shorten`] renames the imports (and their module) and
//! the glue-only exports (`__wbindgen…`, `__wbg…`, `__externref…`, `wasm_bindgen…`) to `$0`,
//! `$1`…, in the Wasm's sections and in the glue alike. `memory` and our own `ck_*` entry
//! points keep their names.
//!
//! It checks what it relies on: every import is named in the glue, and no new name is
//! already a word there. When a check fails, nothing is renamed and one line says why.

use std::collections::BTreeMap;

/// Export-name prefixes of wasm-bindgen's own exports, which only the glue calls.
const GLUE_EXPORTS: [&str; 4] = ["__wbindgen", "__wbg", "__externref", "wasm_bindgen"];

/// The module name the imports get instead of `./clusterkit_bg.js`.
const MODULE: &str = "m";

/// The Wasm and the glue with short names, or why they keep theirs.
pub fn shorten(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String), String> {
    let mut sections = parse(wasm)?;
    let mut renames: BTreeMap<String, String> = BTreeMap::new();
    let mut next = 0usize;
    let mut short = |renames: &mut BTreeMap<String, String>, old: &str| -> String {
        renames
            .entry(old.to_owned())
            .or_insert_with(|| {
                next += 1;
                format!("${}", radix36(next - 1))
            })
            .clone()
    };
    let mut module = None;
    for section in &mut sections {
        match section {
            Section::Imports(imports) => {
                for import in imports {
                    if *module.get_or_insert_with(|| import.module.clone()) != import.module {
                        return Err(format!("imports from two modules ({})", import.module));
                    }
                    import.module = MODULE.to_owned();
                    import.field = short(&mut renames, &import.field);
                }
            }
            Section::Exports(exports) => {
                for export in exports {
                    if GLUE_EXPORTS.iter().any(|p| export.name.starts_with(p)) {
                        export.name = short(&mut renames, &export.name);
                    }
                }
            }
            Section::Other(..) => {}
        }
    }
    let Some(module) = module else {
        return Err("the Wasm imports nothing".into());
    };

    // The glue names each import once, as a key of the object given for `module`.
    let module_key = format!("\"{module}\":");
    if glue.matches(&module_key).count() != 1 {
        return Err(format!("the glue does not name {module_key} exactly once"));
    }
    let glue = glue.replacen(&module_key, &format!("{MODULE}:"), 1);
    let (glue, found) = replace_words(&glue, &renames);
    if let Some(missing) = sections.iter().find_map(|s| match s {
        Section::Imports(imports) => imports
            .iter()
            .map(|i| renames.iter().find(|(_, new)| **new == i.field).unwrap().0)
            .find(|old| !found.contains_key(*old)),
        _ => None,
    }) {
        return Err(format!("the glue never names the import {missing}"));
    }
    if let Some(clash) = renames.values().find(|new| found.contains_key(*new)) {
        return Err(format!("{clash} is already a word of the glue"));
    }
    Ok((encode(&sections), glue))
}

/// `n` in base 36, lower case.
fn radix36(mut n: usize) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(char::from_digit((n % 36) as u32, 36).unwrap());
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().collect()
}

/// `text` with every word (a run of letters, digits, `_` and `$`) found in `renames`
/// replaced; also how often each word of the original text was seen, whether renamed or
/// not.
fn replace_words(
    text: &str,
    renames: &BTreeMap<String, String>,
) -> (String, BTreeMap<String, usize>) {
    let mut out = String::with_capacity(text.len());
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut rest = text;
    while let Some(start) = rest.find(is_word) {
        out.push_str(&rest[..start]);
        let word_len = rest[start..]
            .find(|c| !is_word(c))
            .unwrap_or(rest.len() - start);
        let word = &rest[start..start + word_len];
        if renames.contains_key(word) || renames.values().any(|v| v == word) {
            *seen.entry(word.to_owned()).or_default() += 1;
        }
        out.push_str(renames.get(word).map_or(word, String::as_str));
        rest = &rest[start + word_len..];
    }
    out.push_str(rest);
    (out, seen)
}

struct Import {
    module: String,
    field: String,
    /// The import's kind and type, as they were.
    desc: Vec<u8>,
}

struct Export {
    name: String,
    /// The export's kind and index, as they were.
    desc: Vec<u8>,
}

enum Section {
    Imports(Vec<Import>),
    Exports(Vec<Export>),
    /// Any other section: its id and contents, as they were.
    Other(u8, Vec<u8>),
}

/// A reader of the Wasm binary format's pieces.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.at).ok_or("the Wasm ends early")?;
        self.at += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let slice = &self.bytes[self.at..end.ok_or("the Wasm ends early")?];
        self.at += n;
        Ok(slice)
    }

    /// An unsigned or signed LEB128 number (only its length matters for signed ones).
    fn leb(&mut self) -> Result<u64, String> {
        let (mut value, mut shift) = (0u64, 0);
        loop {
            let b = self.byte()?;
            if shift < 64 {
                value |= u64::from(b & 0x7f) << shift;
            }
            shift += 7;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
    }

    fn name(&mut self) -> Result<String, String> {
        let len = self.leb()? as usize;
        String::from_utf8(self.take(len)?.to_vec()).map_err(|_| "a name is not UTF-8".into())
    }

    /// Skips a value type (a number, vector or reference type).
    fn value_type(&mut self) -> Result<(), String> {
        if matches!(self.byte()?, 0x63 | 0x64) {
            self.leb()?; // the heap type
        }
        Ok(())
    }

    /// Skips table or memory limits.
    fn limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 == 1 {
            self.leb()?;
        }
        Ok(())
    }
}

fn parse(wasm: &[u8]) -> Result<Vec<Section>, String> {
    if wasm.get(..8) != Some(b"\0asm\x01\0\0\0") {
        return Err("not a Wasm module".into());
    }
    let mut r = Reader { bytes: wasm, at: 8 };
    let mut sections = Vec::new();
    while r.at < wasm.len() {
        let id = r.byte()?;
        let len = r.leb()? as usize;
        let body = r.take(len)?;
        let mut s = Reader { bytes: body, at: 0 };
        sections.push(match id {
            2 => {
                let mut imports = Vec::new();
                for _ in 0..s.leb()? {
                    let module = s.name()?;
                    let field = s.name()?;
                    let start = s.at;
                    match s.byte()? {
                        0x00 => drop(s.leb()?),
                        0x01 => {
                            s.value_type()?;
                            s.limits()?;
                        }
                        0x02 => s.limits()?,
                        0x03 => {
                            s.value_type()?;
                            s.byte()?;
                        }
                        0x04 => {
                            s.byte()?;
                            s.leb()?;
                        }
                        kind => return Err(format!("an import of unknown kind {kind}")),
                    }
                    let desc = body[start..s.at].to_vec();
                    imports.push(Import {
                        module,
                        field,
                        desc,
                    });
                }
                Section::Imports(imports)
            }
            7 => {
                let mut exports = Vec::new();
                for _ in 0..s.leb()? {
                    let name = s.name()?;
                    let start = s.at;
                    s.byte()?;
                    s.leb()?;
                    let desc = body[start..s.at].to_vec();
                    exports.push(Export { name, desc });
                }
                Section::Exports(exports)
            }
            _ => Section::Other(id, body.to_vec()),
        });
        if matches!(id, 2 | 7) && s.at != body.len() {
            return Err(format!("section {id} has bytes after its entries"));
        }
    }
    Ok(sections)
}

fn leb(out: &mut Vec<u8>, mut n: usize) {
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn name(out: &mut Vec<u8>, name: &str) {
    leb(out, name.len());
    out.extend_from_slice(name.as_bytes());
}

fn encode(sections: &[Section]) -> Vec<u8> {
    let mut out = b"\0asm\x01\0\0\0".to_vec();
    for section in sections {
        let mut body = Vec::new();
        let id = match section {
            Section::Imports(imports) => {
                leb(&mut body, imports.len());
                for i in imports {
                    name(&mut body, &i.module);
                    name(&mut body, &i.field);
                    body.extend_from_slice(&i.desc);
                }
                2
            }
            Section::Exports(exports) => {
                leb(&mut body, exports.len());
                for e in exports {
                    name(&mut body, &e.name);
                    body.extend_from_slice(&e.desc);
                }
                7
            }
            Section::Other(id, bytes) => {
                body.extend_from_slice(bytes);
                *id
            }
        };
        out.push(id);
        leb(&mut out, body.len());
        out.extend_from_slice(&body);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing `./x_bg.js`.`__wbg_log_0123` (a function) and a table, exporting
    /// `memory`, `ck_go` and `__wbindgen_malloc`, with a type section and a custom section
    /// that must come through unchanged.
    fn module() -> Vec<u8> {
        encode(&[
            Section::Other(1, vec![1, 0x60, 0, 0]),
            Section::Imports(vec![
                Import {
                    module: "./x_bg.js".into(),
                    field: "__wbg_log_0123".into(),
                    desc: vec![0, 0],
                },
                Import {
                    module: "./x_bg.js".into(),
                    field: "__wbindgen_table".into(),
                    desc: vec![1, 0x6f, 1, 4, 0x80, 0x01],
                },
            ]),
            Section::Exports(vec![
                Export {
                    name: "memory".into(),
                    desc: vec![2, 0],
                },
                Export {
                    name: "ck_go".into(),
                    desc: vec![0, 1],
                },
                Export {
                    name: "__wbindgen_malloc".into(),
                    desc: vec![0, 2],
                },
            ]),
            Section::Other(0, b"\x04noteabc".to_vec()),
        ])
    }

    const GLUE: &str = r#"const import0 = { __wbg_log_0123: function (x) { console.log(x); }, __wbindgen_table: t };
return { "./x_bg.js": import0 };
wasm.ck_go(); wasm.__wbindgen_malloc(4, 1); wasm.memory.buffer; const __wbg_log_01234 = 1;"#;

    #[test]
    fn renames_imports_and_glue_exports_in_the_wasm_and_the_glue_alike() {
        let (wasm, glue) = shorten(&module(), GLUE).unwrap();
        assert_eq!(
            glue,
            r#"const import0 = { $0: function (x) { console.log(x); }, $1: t };
return { m: import0 };
wasm.ck_go(); wasm.$2(4, 1); wasm.memory.buffer; const __wbg_log_01234 = 1;"#
        );
        let sections = parse(&wasm).unwrap();
        let imports: Vec<(String, String, Vec<u8>)> = sections
            .iter()
            .flat_map(|s| match s {
                Section::Imports(i) => i
                    .iter()
                    .map(|i| (i.module.clone(), i.field.clone(), i.desc.clone()))
                    .collect(),
                _ => vec![],
            })
            .collect();
        assert_eq!(
            imports,
            [
                ("m".into(), "$0".into(), vec![0, 0]),
                ("m".into(), "$1".into(), vec![1, 0x6f, 1, 4, 0x80, 0x01])
            ]
        );
        let exports: Vec<String> = sections
            .iter()
            .flat_map(|s| match s {
                Section::Exports(e) => e.iter().map(|e| e.name.clone()).collect(),
                _ => vec![],
            })
            .collect();
        assert_eq!(exports, ["memory", "ck_go", "$2"]);
        // Every other section, byte for byte.
        let original = parse(&module()).unwrap();
        let others = |s: &[Section]| -> Vec<(u8, Vec<u8>)> {
            s.iter()
                .filter_map(|s| match s {
                    Section::Other(id, b) => Some((*id, b.clone())),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(others(&sections), others(&original));
        assert_eq!(
            encode(&original),
            module(),
            "parsing and encoding gives the module back"
        );
    }

    #[test]
    fn leaves_everything_as_it_was_when_the_glue_does_not_match() {
        let unnamed = GLUE.replace("__wbg_log_0123:", "other:");
        assert!(
            shorten(&module(), &unnamed)
                .unwrap_err()
                .contains("__wbg_log_0123")
        );
        let taken = format!("{GLUE} let $1;");
        assert!(shorten(&module(), &taken).unwrap_err().contains("$1"));
        assert!(shorten(b"\0asm\x01\0\0", GLUE).is_err());
    }

    #[test]
    fn counts_in_base_36() {
        assert_eq!(
            [0, 9, 10, 35, 36, 1295].map(radix36),
            ["0", "9", "a", "z", "10", "zz"]
        );
    }
}
