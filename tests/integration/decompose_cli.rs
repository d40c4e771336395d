//! `stackfit decompose` end to end: exit codes (0 ok, 2 usage, 3 input error with
//! file:line:col), every format on the examples, byte-identical output across runs, and the
//! JSON output against `schemas/decompose.schema.json`.

use std::path::PathBuf;

use crate::common::stackfit;

fn example(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples/architecture")
        .join(name)
        .to_string_lossy()
        .to_string()
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let p = dir.path().join(name);
    std::fs::write(&p, text).expect("write");
    p.to_string_lossy().to_string()
}

#[test]
fn every_format_on_the_monolith_example() {
    let m = example("monolith.yaml");
    for f in ["table", "json", "markdown", "mermaid"] {
        let out = stackfit()
            .args(["decompose", &m, "--format", f])
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(out).expect("utf-8");
        assert!(text.contains("service.OrderService"), "{f}: {text}");
        if f == "mermaid" || f == "markdown" {
            assert!(text.contains("subgraph c0"), "{f}: {text}");
        }
    }
}

#[test]
fn json_output_is_deterministic_and_matches_the_schema() {
    let m = example("monolith.yaml");
    let run = || {
        stackfit()
            .args(["decompose", &m, "--format", "json", "--seed", "7"])
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone()
    };
    let a = run();
    assert_eq!(a, run(), "byte-identical across runs");
    let v: serde_json::Value = serde_json::from_slice(&a).expect("JSON");
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schemas/decompose.schema.json"),
        )
        .expect("schema"),
    )
    .expect("valid JSON");
    let validator = jsonschema::validator_for(&schema).expect("valid schema");
    let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(v["metrics"]["seed"], 7);
    let all: Vec<&str> = v["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["members"].as_array().unwrap().iter())
        .map(|m| m.as_str().unwrap())
        .collect();
    assert_eq!(all.len(), 13, "every module placed once");
}

#[test]
fn dot_and_csv_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let dot = write(
        &dir,
        "deps.dot",
        "/* jdeps-like */\ndigraph \"app\" {\n  node [shape=box];\n  \"a.OrderService\" -> \"a.OrderRepo\" [weight=3];\n  \"a.OrderApi\" -> \"a.OrderService\";\n  b_UserService -> b_UserRepo -> b_User;\n  subgraph cluster_x { label=\"x\"; b_UserApi -> {b_UserService b_User} }\n  \"a.OrderService\" -> b_UserService;\n}\n",
    );
    let out = stackfit()
        .args(["decompose", &dot, "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["input"]["format"], "dot");
    assert_eq!(v["metrics"]["modules"], 7);
    assert_eq!(v["candidates"].as_array().unwrap().len(), 2);
    let csv = write(
        &dir,
        "edges.csv",
        "source,target,weight\n\"a,1\",b,2\nb,c,\nd,,\n",
    );
    let out = stackfit()
        .args(["decompose", &csv, "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["input"]["format"], "csv");
    assert_eq!(v["candidates"][0]["members"][0], "a,1");
    assert_eq!(v["unassigned"][0], "d");
}

#[test]
fn usage_errors_exit_2() {
    let m = example("monolith.yaml");
    stackfit().args(["decompose"]).assert().code(2);
    stackfit()
        .args(["decompose", &m, "--format", "sarif"])
        .assert()
        .code(2);
    stackfit()
        .args(["decompose", &m, "--resolution", "-1"])
        .assert()
        .code(2);
    stackfit()
        .args(["decompose", &m, "--seed", "x"])
        .assert()
        .code(2);
}

#[test]
fn input_errors_exit_3_with_a_location() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "bad.dot",
            "digraph {\n  a -> b [weight=heavy];\n}\n",
            ":2:18: weight must be",
        ),
        (
            "open.dot",
            "digraph {\n  a -> \"b;\n}\n",
            ":2:8: unterminated quoted string",
        ),
        (
            "two.dot",
            "digraph { a -> b }\ndigraph { c }\n",
            ":2:1: unexpected content",
        ),
        (
            "bad.csv",
            "source,target,weight\na,b,1\na,b\n",
            ":3:1: expected 3 fields",
        ),
        ("hdr.csv", "from,to\na,b\n", ":1:1: expected the header"),
        (
            "neg.csv",
            "source,target,weight\na,b,-2\n",
            ":2:5: weight must be",
        ),
        (
            "nomono.yaml",
            "kind: stackfit/architecture\nversion: 1\nservices: {web: {}}\n",
            ":1:1: nothing to decompose",
        ),
        (
            "typo.yaml",
            "kind: stackfit/architecture\nversion: 1\nmonolith:\n  name: m\n  modulez: {}\n",
            ":5:3: unknown key `modulez`",
        ),
        (
            "compose.yaml",
            "services:\n  web: {image: nginx}\n",
            ":1:1: not a decomposition input",
        ),
        ("broken.yaml", "a: [1, 2\n", "invalid YAML"),
    ];
    for (name, text, want) in cases {
        let p = write(&dir, name, text);
        let out = stackfit()
            .args(["decompose", &p])
            .assert()
            .code(3)
            .get_output()
            .stderr
            .clone();
        let err = String::from_utf8(out).unwrap();
        assert!(
            err.contains(&format!("{name}{want}"))
                || (want == "invalid YAML" && err.contains(want)),
            "{name}: {err}"
        );
    }
    stackfit()
        .args(["decompose", "/nonexistent/x.dot"])
        .assert()
        .code(3);
}
