//! Completions, man page, `init`, and the committed generated files: JSON Schemas under
//! `schemas/` and `docs/rules.md` must match what the code generates
//! (`STACKFIT_UPDATE_GENERATED=1 cargo test --test integration extras` rewrites them).

use crate::common;

use std::path::Path;

use predicates::prelude::*;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn check_generated(rel: &str, generated: &str) -> Option<String> {
    let path = root().join(rel);
    if std::env::var_os("STACKFIT_UPDATE_GENERATED").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, generated).unwrap();
        return None;
    }
    match std::fs::read_to_string(&path) {
        Ok(committed) if committed == generated => None,
        Ok(_) => Some(format!(
            "{rel} is out of date: run STACKFIT_UPDATE_GENERATED=1 cargo test --test integration extras"
        )),
        Err(_) => Some(format!(
            "{rel} is missing: run STACKFIT_UPDATE_GENERATED=1 cargo test --test integration extras"
        )),
    }
}

#[test]
fn committed_schemas_match_the_types() {
    let problems: Vec<String> = stackfit::report::schemas::schemas()
        .into_iter()
        .filter_map(|(name, json)| check_generated(&format!("schemas/{name}"), &json))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn json_outputs_validate_against_their_schemas() {
    for (schema, args) in [
        (
            "analyze.schema.json",
            vec!["analyze", "examples/microservices", "--format", "json"],
        ),
        ("graph.schema.json", vec!["graph", "examples/microservices"]),
    ] {
        let schema: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(root().join("schemas").join(schema)).unwrap(),
        )
        .unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        let out = common::stackfit()
            .current_dir(root())
            .args(&args)
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{args:?}: {errors:?}");
    }
}

#[test]
fn rules_doc_is_generated_from_the_rule_files() {
    let out = common::stackfit()
        .current_dir(root())
        .args(["rules", "--format", "markdown"])
        .output()
        .unwrap();
    let mut doc = String::from(
        "# stackfit rules\n\nGenerated from `rules/*.toml` by `stackfit rules --format markdown` (a test keeps it in sync).\n`stackfit explain RULE` prints each rule's full explanation.\n\n",
    );
    doc.push_str(&String::from_utf8(out.stdout).unwrap());
    if let Some(p) = check_generated("docs/rules.md", &doc) {
        panic!("{p}");
    }
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        common::stackfit()
            .args(["completions", shell])
            .assert()
            .code(0)
            .stdout(predicate::str::contains("analyze"));
    }
    common::stackfit()
        .args(["completions", "tcsh"])
        .assert()
        .code(2);
    // the declared-fact keys for --assume and the rule ids for explain are offered
    for shell in ["bash", "zsh"] {
        common::stackfit()
            .args(["completions", shell])
            .assert()
            .code(0)
            .stdout(
                predicate::str::contains("hosts=")
                    .and(predicate::str::contains("availability="))
                    .and(predicate::str::contains("R-HPA")),
            );
    }
    // offering is not checking: any value still parses, and rule names still work
    common::stackfit()
        .args(["explain", "horizontal-autoscaler"])
        .assert()
        .code(0);
}

#[test]
fn man_page() {
    common::stackfit().arg("man").assert().code(0).stdout(
        predicate::str::contains(".TH stackfit 1")
            .and(predicate::str::contains("analyze"))
            .and(predicate::str::contains(".SH \"EXIT STATUS\""))
            .and(predicate::str::contains(".SH ENVIRONMENT"))
            .and(predicate::str::contains("STACKFIT_MAX_SERVICES"))
            .and(predicate::str::contains(".SH EXAMPLES")),
    );
}

#[test]
fn init_writes_a_config_once_and_it_loads() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("examples/small-app/compose.yaml"),
        dir.path().join("compose.yaml"),
    )
    .unwrap();
    common::stackfit()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .code(0)
        .stdout("wrote stackfit.toml\n");
    let written = std::fs::read_to_string(dir.path().join("stackfit.toml")).unwrap();
    assert!(written.contains("# hosts = 3"));
    common::stackfit()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("never overwrites"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("stackfit.toml")).unwrap(),
        written
    );
    // Uncommenting a fact makes it count.
    std::fs::write(
        dir.path().join("stackfit.toml"),
        written.replace("# hosts = 3", "hosts = 3"),
    )
    .unwrap();
    let out = common::stackfit()
        .current_dir(dir.path())
        .args(["analyze", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["facts"]["hosts"]["source"], "config");
}
