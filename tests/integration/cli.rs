//! Command-line behaviour: every exit code of DESIGN.md, `--expect`, `--fail-on`,
//! suppressions, declared-fact errors, config discovery, stdin, `--output`, and that secrets
//! never reach any output.

use crate::common;

use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn sf() -> assert_cmd::Command {
    let mut c = common::stackfit();
    c.current_dir(root());
    c
}

/// `stackfit ARGS` in `dir`: the exit code and the JSON it printed.
fn json_in(dir: &Path, args: &[&str]) -> (Option<i32>, Value) {
    let out = common::stackfit()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code(), v)
}

fn temp_project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

#[test]
fn exit_0_on_a_clean_analysis() {
    sf().args(["analyze", "examples/small-app", "--format", "json"])
        .assert()
        .code(0);
}

#[test]
fn exit_1_on_expect_mismatch_and_0_on_match() {
    sf().args([
        "analyze",
        "examples/small-app",
        "--format",
        "json",
        "--expect",
        "kubernetes",
    ])
    .assert()
    .code(1)
    .stderr(predicate::str::contains("expected kubernetes, got compose"));
    sf().args([
        "analyze",
        "examples/small-app",
        "--format",
        "json",
        "--expect",
        "compose",
    ])
    .assert()
    .code(0);
}

#[test]
fn expect_passes_for_the_lean_of_a_borderline_outcome() {
    let p = temp_project(&[(
        "compose.yaml",
        "services:\n  a: {image: x/a}\n  b: {image: x/b}\n  c: {image: x/c}\n  d: {image: x/d}\n  e: {image: x/e}\n  f: {image: x/f}\n",
    )]);
    let out = common::stackfit()
        .current_dir(p.path())
        .args(["analyze", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["recommendation"]["outcome"], "borderline");
    assert_eq!(v["recommendation"]["lean"], "compose");
    common::stackfit()
        .current_dir(p.path())
        .args(["analyze", "--format", "json", "--expect", "compose"])
        .assert()
        .code(0);
    common::stackfit()
        .current_dir(p.path())
        .args(["analyze", "--format", "json", "--expect", "kubernetes"])
        .assert()
        .code(1);
}

#[test]
fn fail_on_thresholds() {
    // R-MONO is an info finding on the small app.
    sf().args([
        "analyze",
        "examples/small-app",
        "--format",
        "json",
        "--fail-on",
        "info",
    ])
    .assert()
    .code(0);
    // Score lines are results only when asked for; then they are info findings.
    sf().args([
        "analyze",
        "examples/small-app",
        "--format",
        "json",
        "--fail-on",
        "info",
        "--report-scores",
    ])
    .assert()
    .code(1);
    sf().args([
        "analyze",
        "examples/small-app",
        "--format",
        "json",
        "--fail-on",
        "warning",
    ])
    .assert()
    .code(0);
    // A warning (dev-only file) fails with --fail-on warning, not with the default.
    let dev = "tests/fixtures/tricky/dev-only.yaml";
    sf().args(["analyze", dev, "--format", "json"])
        .assert()
        .code(0);
    sf().args(["analyze", dev, "--format", "json", "--fail-on", "warning"])
        .assert()
        .code(1);
    sf().args([
        "analyze",
        dev,
        "--format",
        "json",
        "--fail-on",
        "never",
        "--expect",
        "compose",
    ])
    .assert()
    .code(0);
}

#[test]
fn exit_2_on_usage_errors() {
    sf().args(["analyze", "--bogus"]).assert().code(2);
    sf().args(["analyze", "examples/small-app", "--format", "yaml"])
        .assert()
        .code(2);
    sf().args(["analyze", "examples/small-app", "--assume", "colour=3"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown declared fact `colour`"));
    sf().args(["analyze", "examples/small-app", "--assume", "host=3"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `hosts`"));
    sf().args(["analyze", "examples/small-app", "--assume", "hosts=three"])
        .assert()
        .code(2);
    sf().args(["analyze", "examples/small-app", "--assume", "hosts"])
        .assert()
        .code(2);
    sf().args(["explain", "R-NOPE"]).assert().code(2);
    sf().args(["analyze", "examples/small-app", "--rules", "does-not-exist"])
        .assert()
        .code(2);
    sf().args(["graph", "examples/small-app", "--format", "png"])
        .assert()
        .code(2);
}

#[test]
fn exit_3_on_input_errors_with_file_line_col() {
    let p = temp_project(&[("compose.yaml", "services:\n  web:\n    image: [unclosed\n")]);
    common::stackfit()
        .current_dir(p.path())
        .args(["analyze", "--format", "json"])
        .assert()
        .code(3)
        .stderr(predicate::str::is_match(r"compose\.yaml:\d+:\d+: invalid YAML").unwrap());
    sf().args(["analyze", "no/such/compose.yaml"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no such file"));
    let empty = tempfile::tempdir().unwrap();
    common::stackfit()
        .current_dir(empty.path())
        .args(["analyze", "--format", "json", "."])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no compose file"));
}

#[test]
fn machine_formats_write_a_report_on_input_errors() {
    let p = temp_project(&[(
        "compose.yaml",
        "services:\n  web:\n    image: a\n    depends_on: [db]\n",
    )]);
    let out = common::stackfit()
        .current_dir(p.path())
        .args(["analyze", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["recommendation"].is_null());
    assert_eq!(v["findings"][0]["kind"], "input-error");
    assert_eq!(v["findings"][0]["location"]["line"], 4);
    assert_eq!(v["findings"][0]["location"]["column"], 18);
}

#[test]
fn x_stackfit_errors_are_located_input_errors() {
    let p = temp_project(&[(
        "compose.yaml",
        "x-stackfit:\n  hostz: 3\nservices:\n  web: {image: a}\n",
    )]);
    common::stackfit()
        .current_dir(p.path())
        .args(["analyze", "--format", "json"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "compose.yaml:2:3: unknown declared fact `hostz`",
        ));
    let p = temp_project(&[(
        "compose.yaml",
        "x-stackfit:\n  hosts: many\nservices:\n  web: {image: a}\n",
    )]);
    common::stackfit()
        .current_dir(p.path())
        .args(["analyze", "--format", "json"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("compose.yaml:2:10:"));
}

#[test]
fn declared_facts_precedence_file_config_assume() {
    let p = temp_project(&[
        (
            "compose.yaml",
            "x-stackfit:\n  hosts: 1\nservices:\n  web: {image: a}\n",
        ),
        ("stackfit.toml", "[facts]\nhosts = 2\n"),
    ]);
    let run = |extra: &[&str]| -> Value {
        let out = common::stackfit()
            .current_dir(p.path())
            .args(["analyze", "--format", "json"])
            .args(extra)
            .output()
            .unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let v = run(&[]);
    assert_eq!(v["facts"]["hosts"]["value"], 2.0);
    assert_eq!(v["facts"]["hosts"]["source"], "config");
    let v = run(&["--assume", "hosts=4"]);
    assert_eq!(v["facts"]["hosts"]["value"], 4.0);
    assert_eq!(v["facts"]["hosts"]["source"], "assume");
    // A finding resting only on --assume has no location and says where the fact came from.
    let entries = crate::common::rule_entries(&v);
    let f = entries.iter().find(|f| f["rule"] == "R-HOSTS").unwrap();
    assert!(f["location"].is_null());
    assert!(f["message"].as_str().unwrap().contains("--assume"));
}

#[test]
fn config_errors_exit_2_with_location() {
    for (config, says) in [
        ("[facts]\nhosts = \"x\"\n", "stackfit.toml:2:9"),
        ("colour = 1\n", "stackfit.toml:1:1"),
        ("[rules]\ndisable = [\"R-NOPE\"]\n", "unknown rule `R-NOPE`"),
    ] {
        let p = temp_project(&[
            ("compose.yaml", "services:\n  web: {image: a}\n"),
            ("stackfit.toml", config),
        ]);
        common::stackfit()
            .current_dir(p.path())
            .args(["analyze", "--format", "json"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(says));
    }
}

#[test]
fn config_selects_rules_and_severities() {
    let p = temp_project(&[
        (
            "compose.yaml",
            "services:\n  web: {image: a, container_name: web}\n",
        ),
        (
            "stackfit.toml",
            "fail-on = \"warning\"\n[rules]\ndisable = [\"fixed-container-names\"]\n[rules.severity]\nR-MONO = \"warning\"\n",
        ),
    ]);
    let out = common::stackfit()
        .current_dir(p.path())
        .args(["analyze", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "R-MONO raised to warning with fail-on warning"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let entries = crate::common::rule_entries(&v);
    let ids: Vec<&str> = entries
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(!ids.contains(&"R-FIXEDNAME"));
    assert!(ids.contains(&"R-MONO"));
}

#[test]
fn suppressions_used_and_unused() {
    let p = temp_project(&[(
        "compose.yaml",
        "services:\n  # stackfit: ignore[R-FIXEDNAME] one host by design\n  web: {image: a, container_name: web}\n  worker:\n    image: b\n    x-stackfit:\n      ignore: {R-REPLICAS: nothing to suppress here}\n",
    )]);
    let out = common::stackfit()
        .current_dir(p.path())
        .args(["analyze", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let entries = crate::common::rule_entries(&v);
    let ids: Vec<&str> = entries
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(!ids.contains(&"R-FIXEDNAME"), "{v:#}");
    assert_eq!(v["suppressed"][0]["rule"], "R-FIXEDNAME");
    let entries = crate::common::rule_entries(&v);
    let unused: Vec<&Value> = entries
        .iter()
        .filter(|f| f["rule"] == "unused-suppression")
        .collect();
    assert_eq!(unused.len(), 1, "{v:#}");
    assert_eq!(unused[0]["location"]["line"], 7);
    // --no-inline-ignores brings the finding back
    let out = common::stackfit()
        .current_dir(p.path())
        .args(["analyze", "--format", "json", "--no-inline-ignores"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        crate::common::rule_entries(&v)
            .into_iter()
            .any(|f| f["rule"] == "R-FIXEDNAME")
    );
}

#[test]
fn secrets_never_reach_any_output() {
    let secret = "s3cr3t-VALUE-9f8e7d";
    let p = temp_project(&[
        (
            "compose.yaml",
            "services:\n  web:\n    image: a\n    env_file: app.env\n    environment:\n      API_KEY: s3cr3t-VALUE-9f8e7d\n      DB: ${DB_PASSWORD}\n",
        ),
        ("app.env", "TOKEN=s3cr3t-VALUE-9f8e7d\n"),
        (".env", "DB_PASSWORD=s3cr3t-VALUE-9f8e7d\n"),
    ]);
    for args in [
        vec!["analyze", "--format", "json"],
        vec!["analyze", "--format", "table"],
        vec!["graph", "--format", "json"],
        vec!["graph", "--format", "dot"],
        vec!["graph", "--format", "mermaid"],
    ] {
        let out = common::stackfit()
            .current_dir(p.path())
            .args(&args)
            .output()
            .unwrap();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!all.contains(secret), "{args:?} leaked a secret");
    }
}

#[test]
fn stdin_and_output_file() {
    let text = std::fs::read_to_string(root().join("examples/small-app/compose.yaml")).unwrap();
    sf().args(["analyze", "-", "--format", "json"])
        .write_stdin(text)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"outcome\": \"compose\""));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    sf().args([
        "analyze",
        "examples/microservices",
        "--format",
        "json",
        "--output",
    ])
    .arg(&out)
    .assert()
    .code(0)
    .stdout("");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["recommendation"]["outcome"], "kubernetes");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left behind"
    );
}

#[test]
fn graph_formats() {
    sf().args(["graph", "examples/microservices", "--format", "dot"])
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("[label=\"orders\\n×3\"")
                .and(predicate::str::contains("[style=dashed];"))
                .and(predicate::str::contains("subgraph cluster_legend")),
        );
    sf().args(["graph", "examples/microservices", "--format", "mermaid"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("flowchart LR"));
    let out = sf().args(["graph", "examples/small-app"]).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema_version"], 2);
    let names: Vec<&str> = v["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["cache", "db", "web"]);
    assert_eq!(
        v["edges"][0],
        serde_json::json!({"from": "web", "to": "cache", "kind": "depends_on"})
    );
}

#[test]
fn rules_and_explain() {
    sf().args(["rules"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("R-HOSTS"));
    let out = sf().args(["rules", "--format", "json"]).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["rules"].as_array().unwrap().len() >= 25);
    sf().args(["explain", "multi-host"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("## Why it matters"));
    sf().args(["explain", "r-hosts"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("# R-HOSTS multi-host"));
}

#[test]
fn help_and_version_exit_0() {
    sf().arg("--help").assert().code(0);
    sf().arg("--version")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("stackfit"));
}

#[test]
fn output_is_deterministic() {
    let a = sf()
        .args(["analyze", "examples/microservices", "--format", "json"])
        .output()
        .unwrap();
    let b = sf()
        .args(["analyze", "examples/microservices", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn discovery_walks_up_and_honours_compose_file() {
    // Like docker compose: from a subdirectory, the project's compose file in a parent.
    let p = temp_project(&[
        ("compose.yaml", "services:\n  web: {image: a}\n"),
        ("sub/deeper/readme.txt", "x"),
    ]);
    let out = common::stackfit()
        .current_dir(p.path().join("sub/deeper"))
        .args(["analyze", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v["inputs"][0].as_str().unwrap().ends_with("compose.yaml"),
        "{}",
        v["inputs"]
    );
    // COMPOSE_FILE names the files when no PATH or -f is given.
    let p = temp_project(&[
        ("a.yaml", "services:\n  web: {image: a}\n"),
        (
            "b.yaml",
            "services:\n  web: {image: b}\n  db: {image: postgres:16}\n",
        ),
    ]);
    let out = common::stackfit()
        .current_dir(p.path())
        .env("COMPOSE_FILE", "a.yaml:b.yaml")
        .args(["graph"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["services"][0]["name"], "db");
    assert_eq!(
        v["services"][1]["image"], "b",
        "later files override earlier ones"
    );
}

#[test]
fn traefik_routes_are_ingress_edges() {
    let out = sf()
        .args(["graph", "examples/microservices"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ingress: Vec<&str> = v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "ingress")
        .map(|e| e["to"].as_str().unwrap())
        .collect();
    assert_eq!(ingress, ["carts", "catalogue", "orders"]);
}

#[test]
fn an_expect_mismatch_is_a_located_finding_that_says_how_to_accept() {
    let p = temp_project(&[(
        "compose.yaml",
        "x-stackfit:\n  expect: kubernetes\nservices:\n  web: {image: nginx}\n",
    )]);
    let out = common::stackfit()
        .current_dir(p.path())
        .args(["analyze", "--format", "json", "--fail-on", "never"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "a mismatch exits 1 whatever --fail-on says"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "expect-mismatch")
        .expect("the mismatch is a finding");
    assert_eq!(f["location"]["line"], 2, "{f:#}");
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("set `expect: compose` here"),
        "{f:#}"
    );
    // From the command line: at the first input's `services:`.
    let (_, v) = json_in(
        p.path(),
        &["analyze", "--format", "json", "--expect", "decompose-first"],
    );
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "expect-mismatch")
        .unwrap();
    assert_eq!(f["location"]["line"], 3, "{f:#}");
    assert!(
        f["message"].as_str().unwrap().contains("--expect compose"),
        "{f:#}"
    );
}

#[test]
fn explain_and_sources_give_references_with_links() {
    let out = common::stackfit()
        .args(["explain", "R-SIZE"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("## References\n[1] Overview — Kubernetes documentation. https://kubernetes.io/docs/concepts/overview/"), "{text}");
    let out = common::stackfit().arg("sources").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("cited by: R-CONFIG"), "{text}");
    // A rule file citing an unknown source is a configuration error.
    let p = temp_project(&[(
        "rules/R-X.toml",
        "id = \"R-X\"\nname = \"x\"\nsummary = \"s\"\nconcerns = [\"scaling\"]\nsource = [\"S99\"]\nmessage = \"m\"\nexplanation = \"e\"\nwhen = { fact = \"services\", op = \">=\", value = 1 }\n",
    )]);
    let out = common::stackfit()
        .current_dir(p.path())
        .args(["rules", "--rules", "rules"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("source `S99` is not in rules/sources.toml")
    );
}

#[test]
fn terminal_conventions_piped_colour_quiet_and_width() {
    let run = |env: &[(&str, &str)], args: &[&str]| {
        let mut c = common::stackfit();
        c.current_dir(root())
            .args(["analyze", "examples/small-app"])
            .args(args);
        for (k, v) in env {
            c.env(k, v);
        }
        String::from_utf8(c.output().unwrap().stdout).unwrap()
    };
    // Piped, the human format is still the default.
    let out = run(&[], &[]);
    assert!(out.starts_with("stackfit: compose"), "{out}");
    assert!(!out.contains('\u{1b}'), "no colour when piped");
    // CLICOLOR_FORCE and --color always colour the verdict; NO_COLOR and --color never do not.
    assert!(run(&[("CLICOLOR_FORCE", "1")], &[]).contains("\u{1b}["));
    assert!(run(&[], &["--color", "always"]).contains("\u{1b}["));
    assert!(!run(&[("CLICOLOR_FORCE", "1")], &["--color", "never"]).contains('\u{1b}'));
    // --quiet: the verdict line only.
    let q = run(&[], &["-q"]);
    assert_eq!(q.lines().count(), 1, "{q}");
    // At 80 columns the table and its prose fit 80 columns.
    for ex in [
        "small-app",
        "microservices",
        "role-split-monolith",
        "scaling-monolith",
    ] {
        let out = common::stackfit()
            .current_dir(root())
            .env("COLUMNS", "80")
            .args(["analyze", &format!("examples/{ex}")])
            .output()
            .unwrap();
        for l in String::from_utf8(out.stdout).unwrap().lines() {
            assert!(
                l.chars().count() <= 80,
                "{ex}: {} columns: {l}",
                l.chars().count()
            );
        }
    }
    // `stackfit rules` fits 80 display columns.
    let rules =
        String::from_utf8(common::stackfit().arg("rules").output().unwrap().stdout).unwrap();
    for l in rules.lines() {
        assert!(
            l.chars().count() <= 80,
            "{} columns: {l}",
            l.chars().count()
        );
    }
}

#[test]
fn with_no_path_a_repository_of_manifests_only_is_analysed() {
    let p = temp_project(&[(
        "k8s/app.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers: [{name: web, image: ghcr.io/acme/web:1}]\n",
    )]);
    let out = common::stackfit()
        .current_dir(p.path())
        .args(["analyze", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["facts"]["kubernetes-input"]["value"], true);
}

#[test]
fn several_formats_come_from_one_run() {
    let p = temp_project(&[("compose.yaml", "services:\n  web: {image: nginx}\n")]);
    let out = common::stackfit()
        .current_dir(p.path())
        .args([
            "analyze",
            "--format",
            "sarif=r.sarif",
            "--format",
            "json=r.json",
            "--format",
            "github",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("::notice title=stackfit recommendation::")
    );
    let sarif: Value =
        serde_json::from_str(&std::fs::read_to_string(p.path().join("r.sarif")).unwrap()).unwrap();
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(p.path().join("r.json")).unwrap()).unwrap();
    assert_eq!(
        sarif["runs"][0]["properties"]["outcome"],
        json["recommendation"]["outcome"]
    );
    for bad in [
        vec!["--format", "json", "--format", "table"],
        vec!["--format", "json=x", "--format", "sarif=x"],
        vec!["--format", "json="],
    ] {
        let out = common::stackfit()
            .current_dir(p.path())
            .arg("analyze")
            .args(&bad)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
    }
}

#[test]
fn decision_effects_come_from_the_rule_files_and_fit_the_input_kind() {
    // Replicas in manifests are Kubernetes replicas: no note about Swarm semantics.
    let p = temp_project(&[(
        "k8s/app.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers: [{name: web, image: ghcr.io/acme/web:1}]\n",
    )]);
    let (_, v) = json_in(p.path(), &["analyze", "--format", "json"]);
    let notes = v["recommendation"]["notes"].to_string();
    assert!(!notes.contains("swarm"), "{notes}");
    // The same replicas in a compose file get the note.
    let p = temp_project(&[(
        "compose.yaml",
        "services:\n  web:\n    image: ghcr.io/acme/web:1\n    deploy: {replicas: 3}\n",
    )]);
    let (_, v) = json_in(p.path(), &["analyze", "--format", "json"]);
    assert!(v["recommendation"]["notes"].to_string().contains("swarm"));
}

/// Files of different directories or different `name:`s are merged as Compose would, with a
/// warning each; one directory and one name say nothing.
#[test]
fn mixed_inputs_are_merged_with_a_warning() {
    let d = tempfile::tempdir().unwrap();
    for (dir, name, svc) in [("a", "shop", "web"), ("b", "blog", "api")] {
        std::fs::create_dir(d.path().join(dir)).unwrap();
        std::fs::write(
            d.path().join(dir).join("compose.yaml"),
            format!("name: {name}\nservices:\n  {svc}:\n    image: x/{svc}\n"),
        )
        .unwrap();
    }
    let v = common::json_in(
        d.path(),
        &[
            "analyze",
            "-f",
            "a/compose.yaml",
            "-f",
            "b/compose.yaml",
            "--format",
            "json",
        ],
    );
    let mixed: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "mixed-inputs")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(mixed.len(), 2, "{mixed:?}");
    assert!(
        mixed
            .iter()
            .any(|m| m.contains("different projects (`shop`, `blog`)"))
    );
    assert!(mixed.iter().any(|m| m.contains("from 2 directories")));
    let v = common::json_in(&d.path().join("a"), &["analyze", "--format", "json"]);
    assert!(!v["findings"].to_string().contains("mixed-inputs"));
}
