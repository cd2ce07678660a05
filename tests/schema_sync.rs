//! Keeps `www/feed.schema.json` in step with the lenient feed reader.
//!
//! The schema describes the strict feed v1 format: a feed it accepts must be read without any
//! diagnostic, and every entry it rejects must be one the reader reports. The fixtures in
//! `tests/fixtures/feeds/` come in three families:
//!
//! - `good-*.json`: valid feeds; neither the schema nor the reader finds anything.
//! - `bad-*.json`: valid entries mixed with bad ones; the schema rejects exactly the entries
//!   the reader reports (`members[3]`, `cluster`, `version`, …).
//! - `reader-only-*.json`: problems a JSON Schema cannot express (duplicate ids, unknown
//!   segment references, impossible dates, end before start, mixed forms, RRULE values); the
//!   schema accepts them and the reader reports them.
//!
//! A fixture may name the entries the reader must report in a top-level
//! `"_expect_reported": ["members[2]", …]`, an unknown field the reader ignores by contract.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use jsonschema::Validator;
use jsonschema::error::ValidationErrorKind;
use serde_json::Value;

const SCHEMA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/feed.schema.json");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/feeds");
const SAMPLE_FEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/feeds");

/// The top-level lists whose entries diagnostics are counted by.
const LISTS: [&str; 4] = ["segments", "categories", "members", "events"];

/// What one side found, by entry: `members[3]` → the paths and reasons behind it.
type Findings = BTreeMap<String, Vec<String>>;

fn schema_document() -> Value {
    let text = fs::read_to_string(SCHEMA).unwrap_or_else(|e| panic!("cannot read {SCHEMA}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{SCHEMA} is not JSON: {e}"))
}

fn validator() -> Validator {
    jsonschema::draft202012::new(&schema_document())
        .unwrap_or_else(|e| panic!("{SCHEMA} does not compile: {e}"))
}

/// The JSON files in `dir` whose names start with `prefix`, sorted.
fn json_files(dir: &str, prefix: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {dir}: {e}"))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| {
            let name = file_name(path);
            name.starts_with(prefix) && name.ends_with(".json")
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no {prefix}*.json files in {dir}");
    files
}

fn file_name(path: &Path) -> &str {
    path.file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
}

fn read(path: &Path) -> (String, Value) {
    let text =
        fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let doc = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", file_name(path)));
    (text, doc)
}

/// The entries the lenient reader reports, with each diagnostic's path and problem.
fn reader_findings(name: &str, text: &str) -> Findings {
    let parsed = clusterkit::feed::parse(text)
        .unwrap_or_else(|e| panic!("{name}: the reader reports a syntax error at {e}"));
    let mut findings = Findings::new();
    for d in &parsed.diagnostics {
        let what = format!(
            "{}: {:?}{}",
            d.path,
            d.problem,
            if d.skipped { " (entry skipped)" } else { "" }
        );
        findings.entry(d.entry().to_owned()).or_default().push(what);
    }
    findings
}

/// The entries the schema rejects, with each error's instance path and message.
fn schema_findings(validator: &Validator, doc: &Value) -> Findings {
    let mut findings = Findings::new();
    for error in validator.iter_errors(doc) {
        let mut segments: Vec<String> = error
            .instance_path
            .as_str()
            .split('/')
            .skip(1)
            .map(|s| s.replace("~1", "/").replace("~0", "~"))
            .collect();
        // A missing property is reported at its parent object; count it where it belongs.
        if let ValidationErrorKind::Required { property } = &error.kind {
            segments.push(
                property
                    .as_str()
                    .map_or_else(|| property.to_string(), str::to_owned),
            );
        }
        let what = format!("{}: {error}", error.instance_path.as_str());
        findings.entry(entry_of(&segments)).or_default().push(what);
    }
    findings
}

/// The reader's entry name for a JSON pointer: `/members/3/website` is `members[3]`,
/// `/cluster/name` is `cluster`, `/version` is `version`, the document itself `(root)`.
fn entry_of(segments: &[String]) -> String {
    match segments {
        [] => "(root)".to_owned(),
        [list, index, ..] if LISTS.contains(&list.as_str()) && index.parse::<usize>().is_ok() => {
            format!("{list}[{index}]")
        }
        [first, ..] => first.clone(),
    }
}

/// The entries a fixture says the reader reports, from its `_expect_reported` field.
fn expected_entries(name: &str, doc: &Value) -> Option<BTreeSet<String>> {
    let list = doc.get("_expect_reported")?;
    let items = list
        .as_array()
        .unwrap_or_else(|| panic!("{name}: _expect_reported must be an array"));
    Some(
        items
            .iter()
            .map(|v| {
                v.as_str()
                    .unwrap_or_else(|| panic!("{name}: _expect_reported holds {v}, not a string"))
                    .to_owned()
            })
            .collect(),
    )
}

fn entries(findings: &Findings) -> BTreeSet<String> {
    findings.keys().cloned().collect()
}

/// `entries` with the details `findings` has for them, one per line.
fn describe(entries: &BTreeSet<String>, findings: &Findings) -> String {
    let mut out = String::new();
    for entry in entries {
        out.push_str(&format!("\n    {entry}"));
        for what in findings.get(entry).into_iter().flatten() {
            out.push_str(&format!("\n        {what}"));
        }
    }
    out
}

/// Adds a failure for each entry the reader should report and does not, or reports unasked.
fn check_expected(
    name: &str,
    expected: &BTreeSet<String>,
    reader: &Findings,
    failures: &mut Vec<String>,
) {
    let by_reader = entries(reader);
    let missed: Vec<&String> = expected.difference(&by_reader).collect();
    let extra: BTreeSet<String> = by_reader.difference(expected).cloned().collect();
    if !missed.is_empty() {
        failures.push(format!(
            "{name}: in _expect_reported but not reported by the reader: {missed:?}"
        ));
    }
    if !extra.is_empty() {
        failures.push(format!(
            "{name}: reported by the reader but not in _expect_reported:{}",
            describe(&extra, reader)
        ));
    }
}

fn fail_if_any(failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} fixture(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn schema_is_a_valid_draft_2020_12_schema() {
    let schema = schema_document();
    if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
        panic!("{SCHEMA} is not a valid draft 2020-12 schema: {e}");
    }
    validator();
}

#[test]
fn every_schema_property_has_a_title_and_a_description() {
    fn walk(value: &Value, at: &str, missing: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::Object(properties)) = map.get("properties") {
                    for (name, property) in properties {
                        for keyword in ["title", "description"] {
                            if property
                                .get(keyword)
                                .and_then(Value::as_str)
                                .is_none_or(str::is_empty)
                            {
                                missing.push(format!("{at}/properties/{name} has no {keyword}"));
                            }
                        }
                    }
                }
                for (key, child) in map {
                    walk(child, &format!("{at}/{key}"), missing);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(child, &format!("{at}/{i}"), missing);
                }
            }
            _ => {}
        }
    }
    let mut missing = Vec::new();
    walk(&schema_document(), "#", &mut missing);
    assert!(
        missing.is_empty(),
        "undocumented schema properties:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_fixture_belongs_to_a_family() {
    let strays: Vec<String> = fs::read_dir(FIXTURES)
        .unwrap_or_else(|e| panic!("cannot list {FIXTURES}: {e}"))
        .map(|entry| file_name(&entry.expect("directory entry").path()).to_owned())
        .filter(|name| {
            !(name.ends_with(".json")
                && ["good-", "bad-", "reader-only-"]
                    .iter()
                    .any(|p| name.starts_with(p)))
        })
        .collect();
    assert!(
        strays.is_empty(),
        "fixtures outside the good-/bad-/reader-only- families would never be checked: {strays:?}"
    );
}

/// Adds a failure for each thing the reader reports or the schema rejects in a feed that
/// must be clean (`label` prefixes its file name in messages).
fn check_clean(label: &str, validator: &Validator, path: &Path, failures: &mut Vec<String>) {
    let name = file_name(path);
    let (text, doc) = read(path);
    let reader = reader_findings(name, &text);
    let schema = schema_findings(validator, &doc);
    if !reader.is_empty() {
        failures.push(format!(
            "{label}{name}: the reader reports{}",
            describe(&entries(&reader), &reader)
        ));
    }
    if !schema.is_empty() {
        failures.push(format!(
            "{label}{name}: the schema rejects{}",
            describe(&entries(&schema), &schema)
        ));
    }
}

#[test]
fn good_feeds_pass_the_schema_and_the_reader_without_a_diagnostic() {
    let validator = validator();
    let mut failures = Vec::new();
    for path in json_files(FIXTURES, "good-") {
        check_clean("", &validator, &path, &mut failures);
    }
    fail_if_any(&failures);
}

#[test]
fn schema_and_reader_reject_the_same_entries() {
    let validator = validator();
    let mut failures = Vec::new();
    for path in json_files(FIXTURES, "bad-") {
        let name = file_name(&path);
        let (text, doc) = read(&path);
        let reader = reader_findings(name, &text);
        let schema = schema_findings(&validator, &doc);
        let (by_reader, by_schema) = (entries(&reader), entries(&schema));
        if by_reader.is_empty() {
            failures.push(format!(
                "{name}: a bad-* fixture, but the reader reports nothing"
            ));
        }
        if let Some(expected) = expected_entries(name, &doc) {
            check_expected(name, &expected, &reader, &mut failures);
        }
        let only_schema: BTreeSet<String> = by_schema.difference(&by_reader).cloned().collect();
        let only_reader: BTreeSet<String> = by_reader.difference(&by_schema).cloned().collect();
        if !only_schema.is_empty() {
            failures.push(format!(
                "{name}: rejected by the schema, not reported by the reader:{}",
                describe(&only_schema, &schema)
            ));
        }
        if !only_reader.is_empty() {
            failures.push(format!(
                "{name}: reported by the reader, accepted by the schema:{}",
                describe(&only_reader, &reader)
            ));
        }
    }
    fail_if_any(&failures);
}

#[test]
fn reader_only_problems_pass_the_schema_and_are_reported_by_the_reader() {
    let validator = validator();
    let mut failures = Vec::new();
    for path in json_files(FIXTURES, "reader-only-") {
        let name = file_name(&path);
        let (text, doc) = read(&path);
        let expected = expected_entries(name, &doc)
            .unwrap_or_else(|| panic!("{name}: a reader-only fixture must list _expect_reported"));
        assert!(!expected.is_empty(), "{name}: _expect_reported is empty");
        let reader = reader_findings(name, &text);
        let schema = schema_findings(&validator, &doc);
        if !schema.is_empty() {
            failures.push(format!(
                "{name}: the schema rejects{}",
                describe(&entries(&schema), &schema)
            ));
        }
        check_expected(name, &expected, &reader, &mut failures);
    }
    fail_if_any(&failures);
}

#[test]
fn sample_feeds_are_schema_valid_and_read_without_diagnostics() {
    let validator = validator();
    let mut failures = Vec::new();
    for path in json_files(SAMPLE_FEEDS, "") {
        check_clean("www/feeds/", &validator, &path, &mut failures);
    }
    fail_if_any(&failures);
}
